//! Quotes, speakers to entities: the person a speaker phrase names (the last person named in it
//! who is not a possessor), the person who holds a role named as the speaker ("the union
//! official"), and a pronoun's antecedent (the subject of the governing clause, then earlier
//! sentences, then the last speaker named).

use super::*;

/// What resolving a speaker phrase to an entity of the article reads: its person mentions outside
/// quotes, every mention by start, and the names found as speakers so far (the fallback antecedent
/// of a pronoun when there are no entity mentions).
pub(super) struct Resolver<'a> {
    pub(super) doc: &'a Doc<'a>,
    pub(super) content: &'a [usize],
    pub(super) local_entities: &'a [LocalEntity],
    pub(super) person_mentions: Vec<&'a Mention>,
    pub(super) by_start: Vec<&'a Mention>,
    pub(super) named: Vec<(usize, String, Option<usize>)>,
}

impl Resolver<'_> {
    /// The entity (local index) and name of the speaker `f` found for a quote of paragraph
    /// `block`, whose speaker phrase reads `mention`: a name or role through the mentions inside
    /// it, a pronoun through its antecedent; a relative pronoun through the phrase it stands for.
    pub(super) fn speaker(&mut self, block: usize, f: &Found, mention: &str) -> (Option<usize>, Option<String>) {
        let text = self.doc.text;
        let mut speaker_local = None;
        let mut speaker_name = None;
        let (rs, re, rkind) = f.ante.unwrap_or((f.s, f.e, f.kind));
        match rkind {
            SpKind::Name | SpKind::Nominal => {
                let rtext = &text[rs..re];
                // Mentions are short, so one overlapping the phrase starts less than 200 bytes before it.
                let from = self.by_start.partition_point(|m| m.start + 200 < rs);
                let inside: Vec<&Mention> =
                    self.by_start[from..].iter().take_while(|m| m.start < re).filter(|m| rs < m.end).copied().collect();
                speaker_local = phrase_speaker(text, &inside);
                if speaker_local.is_none() && rkind == SpKind::Nominal {
                    speaker_local = role_antecedent(text, rtext, rs, self.local_entities, &self.person_mentions);
                }
                if speaker_local.is_none() && !(rkind == SpKind::Nominal && person_head(rtext)) {
                    speaker_local = inside.first().map(|m| m.local);
                }
                speaker_name = speaker_local
                    .and_then(|l| self.local_entities.get(l))
                    .map(|e| e.name.clone())
                    .or_else(|| Some(strip_title(rtext)));
                if rkind == SpKind::Name {
                    self.named.push((rs, speaker_name.clone().unwrap_or_default(), speaker_local));
                }
            }
            SpKind::Pronoun => {
                let w = mention.to_lowercase();
                if w == "he" || w == "she" || is(Class::SpeakerPossessive, &w) {
                    let ante = pronoun_antecedent(text, self.doc, self.content, block, &self.person_mentions, f.s);
                    if let Some(m) = ante {
                        speaker_local = Some(m.local);
                        speaker_name = self.local_entities.get(m.local).map(|e| e.name.clone());
                    } else if let Some((_, n, l)) = self.named.iter().rev().find(|(s, _, _)| *s < f.s) {
                        speaker_local = *l;
                        speaker_name = Some(n.clone());
                    }
                }
            }
        }
        (speaker_local, speaker_name)
    }
}

pub(super) fn strip_title(s: &str) -> String {
    const T: &[&str] = &["Mr. ", "Mrs. ", "Ms. ", "Dr. "];
    let mut s = s.trim();
    for t in T {
        if let Some(r) = s.strip_prefix(t) {
            s = r;
        }
    }
    s.to_string()
}

/// The person "he"/"she" at `at` stands for. News writes the pronoun for the subject of the
/// governing clause, not for the nearest name: "Berg met Sara Mullen on Monday. He called it
/// useful" is Berg. So: the subject (first person named, not after a preposition nor a
/// possessor) of the pronoun's own sentence before it, else of the nearest earlier sentence that
/// names a person (in this paragraph or the one before); else the nearest person before it.
fn pronoun_antecedent<'m>(
    text: &str,
    doc: &Doc,
    content: &[usize],
    block: usize,
    persons: &[&'m Mention],
    at: usize,
) -> Option<&'m Mention> {
    let k = persons.partition_point(|m| m.start < at);
    let nearest = persons[..k].iter().rev().find(|m| m.end <= at).copied();
    let b = &doc.blocks[block];
    let subject_in = |from: usize, to: usize| -> Option<&'m Mention> {
        let a = persons.partition_point(|m| m.start < from);
        persons[a..].iter().take_while(|m| m.end <= to).copied().find(|m| {
            let before = text[from..m.start].trim_end();
            let prev = before.rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or("").to_lowercase();
            let rest = text.get(m.end..).unwrap_or("");
            let possessor = rest.starts_with("'s") || rest.starts_with("’s");
            !possessor && !is(Class::SubjectPreposition, prev.as_str())
        })
    };
    let s0 = sentence_start(text, b.start, at);
    if let Some(m) = subject_in(s0, at) {
        return Some(m);
    }
    // Earlier sentences of this paragraph, then the last sentences of the previous one.
    let mut end = s0;
    let mut bi = block;
    let mut blk = b;
    for _ in 0..4 {
        if end <= blk.start {
            // `content` is in ascending order: a binary search, not a scan, so that a file of
            // many paragraphs stays linear.
            let Some(prev) = content.binary_search(&bi).ok().and_then(|p| p.checked_sub(1)) else {
                break;
            };
            bi = content[prev];
            blk = &doc.blocks[bi];
            end = blk.start + text[blk.start..blk.end].trim_end().len();
        }
        let start = sentence_start(text, blk.start, end.saturating_sub(1).max(blk.start));
        if let Some(m) = subject_in(start, end) {
            return Some(m);
        }
        if start >= end {
            break;
        }
        end = start;
    }
    nearest
}

/// The person a speaker phrase names among the mentions inside it: the last person that is not
/// a possessor ("U.S. Secretary of State Lena Ostrova" is Ostrova, not the country; "Harbor
/// police Lt. Carla Menz" is Menz, not the town; "the minister's aide" is not the minister).
fn phrase_speaker(text: &str, inside: &[&Mention]) -> Option<usize> {
    let possessor = |m: &Mention| {
        let rest = text.get(m.end..).unwrap_or("");
        rest.starts_with("'s") || rest.starts_with("’s") || rest.starts_with('\'') || rest.starts_with('’')
    };
    // A nominal with a person's role as its head names nobody inside it but a person in
    // apposition ("the ministry official"); the caller then looks for the role's holder.
    inside.iter().rev().find(|m| m.kind == EntityKind::Person && !possessor(m)).map(|m| m.local)
}

/// Heads of nominal speaker phrases that stand for a person, not for the organization or place
/// that modifies them ("the union official", "a ministry spokesman").
fn person_head(phrase: &str) -> bool {
    phrase.rsplit(' ').next().is_some_and(|h| {
        let h = h.to_lowercase();
        let h = h.trim_end_matches(['.', ',']);
        is(Class::PersonHead, h) || crate::lang::lexicon().is_kin(h)
    })
}

/// How far back a role speaker ("the spokeswoman") looks for the person who holds the role: far
/// more than any news article (the dev kits' longest is 17 KB), and a bound that keeps a file of
/// many articles run together linear rather than quadratic in its quotes and names.
const ROLE_REACH: usize = 64 * 1024;

/// "the spokeswoman" → the person last named with that role.
fn role_antecedent(_text: &str, phrase: &str, at: usize, ents: &[LocalEntity], persons: &[&Mention]) -> Option<usize> {
    let head = phrase.rsplit(' ').next()?.to_lowercase();
    if head.len() < 4 {
        return None;
    }
    let persons = &persons[persons.partition_point(|m| m.start + ROLE_REACH < at)..];
    let persons = &persons[..persons.partition_point(|m| m.start < at)];
    let exact = persons
        .iter()
        .rev()
        .filter(|m| m.end <= at)
        .find(|m| {
            ents.get(m.local)
                .is_some_and(|e| e.roles.iter().any(|r| r.to_lowercase().split_whitespace().any(|w| w == head)))
        })
        .map(|m| m.local);
    if exact.is_some() || !matches!(head.as_str(), "official" | "officer") {
        return exact;
    }
    // "the ministry official" after "Zora Lind, an aide to the minister": a generic head stands
    // for the one person named before with an office of that kind, when there is exactly one.
    let mut holders: Vec<usize> = persons
        .iter()
        .filter(|m| m.end <= at)
        .filter(|m| {
            ents.get(m.local).is_some_and(|e| {
                e.roles.iter().any(|r| r.to_lowercase().split_whitespace().any(|w| is(Class::OfficeWord, w)))
            })
        })
        .map(|m| m.local)
        .collect();
    holders.sort_unstable();
    holders.dedup();
    (holders.len() == 1).then(|| holders[0])
}

//! Claims: the checkable statements of one article, and who makes them.
//!
//! A content sentence becomes a [`Claim`] when it asserts something a reader
//! could check against another report: a quantity (see [`super::quantities`]),
//! a dated event (a date mention of kind `date` with a value), or a statement
//! the article attributes to someone. Each claim records its quantities, the
//! indices of its dates, the local entities mentioned in it, the negation and
//! outcome words that decide its polarity, and who asserts it:
//! * the article's own voice ([`Assertion::Article`]), or
//! * a source ([`Assertion::Attributed`]): the speaker of a quote in the
//!   sentence, the subject of a speech verb (`X said`, `X reported`, `X told Y`,
//!   also inverted `…, said X` and past an appositive `X, the mayor, said`),
//!   or the object of `according to X`, `reported by X`, `citing X`.
//!   A source is an entity mention when the entity extractor found one there,
//!   else a generic source noun phrase (`officials`, `the ministry`), a
//!   pronoun resolved to the nearest earlier person or organisation, or a run
//!   of capitalised words next to the cue.
//!
//! Citations are the attributions whose source is a news outlet or agency
//! (`Eastwire reported`, `according to The Meridian Post`, `told Harbor Daily`,
//! `in an interview with X`, `as first reported by X`). An outlet is a mention
//! of an entity flagged `outlet`, a name shaped like a masthead (`The X Post`,
//! `X News`, `X News Agency`) or a known agency (`Reuters`, `AFP`), or a
//! single non-person name that is the subject of a reporting verb.
//! Precision first: a speech verb with no source next to it attributes nothing.

use super::Doc;
use super::quantities::{self, Tok, tokenize};
use crate::lang::{Class, is};
use crate::model::{
    Assertion, Citation, Claim, DateKind, DateMention, EntityKind, Evidence, LocalEntity, Mention, Quote, QuoteKind,
    SentenceSpan, StrList,
};

mod cues;
use cues::*;

/// Claims and citation links of one article. `mentions`/`local_entities` come from the entity
/// extractor (may be empty while it is being built), `dates` from the date tagger, `quotes` from the
/// quote extractor (may be empty).
pub fn extract(
    doc: &Doc,
    local_entities: &[LocalEntity],
    mentions: &[Mention],
    dates: &[DateMention],
    quotes: &[Quote],
) -> (Vec<Claim>, Vec<Citation>) {
    let mut by_start: Vec<&Mention> = mentions.iter().filter(|m| m.start < m.end).collect();
    by_start.sort_by_key(|m| (m.start, m.end));
    let ctx = Ctx { doc, ents: local_entities, mentions: by_start };
    // dates by start, so that each sentence finds its own with a binary search
    let mut date_order: Vec<usize> = (0..dates.len()).collect();
    date_order.sort_by_key(|&i| (dates[i].start, dates[i].end));
    // the longest date mention bounds how far back an overlapping one can start
    let longest = dates.iter().map(|d| d.end.saturating_sub(d.start)).max().unwrap_or(0);
    let quotes_of = quotes_by_sentence(doc.sentences, quotes);
    // A claim per content sentence: sized up front, as the claims are kept
    // for the whole run (growth by doubling left up to half of the largest
    // vector of a record unused, and copied it at every step).
    let mut claims = Vec::with_capacity(doc.content_sentences().count());
    let mut citations = Vec::new();
    for (si, s) in doc.content_sentences() {
        if s.start >= s.end
            || s.end > doc.text.len()
            || !doc.text.is_char_boundary(s.start)
            || !doc.text.is_char_boundary(s.end)
        {
            continue;
        }
        let toks = tokenize(&doc.text[s.start..s.end], s.start);
        let from = date_order.partition_point(|&i| dates[i].start < s.start.saturating_sub(longest));
        let to = date_order.partition_point(|&i| dates[i].start < s.end);
        let near = &date_order[from..to.max(from)];
        let overlapping: Vec<&DateMention> =
            near.iter().map(|&i| &dates[i]).filter(|d| d.start < s.end && d.end > s.start).collect();
        let mut quantities = quantities::extract_tokens(doc, s, &overlapping, &toks);
        let mut date_idx: Vec<usize> =
            near.iter().copied().filter(|&i| dates[i].start >= s.start && dates[i].end <= s.end).collect();
        date_idx.sort_unstable();
        let near_quotes: Vec<&Quote> = match &quotes_of {
            Some(by) => by.get(si).into_iter().flatten().filter_map(|&i| quotes.get(i)).collect(),
            None => quotes.iter().collect(),
        };
        let sources = ctx.attributions(s, &near_quotes, &toks);
        cite(doc, s, &sources, &mut citations);
        // "two officials said": the count of sources is not a claim
        quantities.retain(|q| !sources.iter().any(|a| a.start <= q.start && q.end <= a.end));
        let id = format!("{}#c{}", doc.id, claims.len() + 1);
        claims.push(ctx.claim(id, s, &toks, quantities, date_idx, dates, &sources));
    }
    (claims, citations)
}

/// The outlets among a sentence's sources are citations, once each per
/// sentence (citations are pushed sentence by sentence: this one's are at
/// the end).
fn cite(doc: &Doc, s: &SentenceSpan, sources: &[Source], citations: &mut Vec<Citation>) {
    for src in sources.iter().filter(|a| a.outlet) {
        if citations
            .iter()
            .rev()
            .take_while(|c: &&Citation| c.evidence.start == s.start)
            .any(|c| c.outlet.eq_ignore_ascii_case(&src.written))
        {
            continue;
        }
        citations.push(Citation {
            article: doc.id.clone(),
            outlet: src.written.clone(),
            cue: src.cue.clone(),
            evidence: Evidence {
                article: doc.id.clone(),
                start: s.start,
                end: s.end,
                text: doc.text[s.start..s.end].to_string(),
            },
        });
    }
}

/// The token after the subject of the speech verb at `ti`, past at most four
/// adverbs and times between them ("Roe also said", "Roe on Wednesday said",
/// "Roe on Thursday evening said").
fn skip_to_subject(toks: &[Tok], ti: usize) -> usize {
    let mut k = ti;
    let mut skipped = 0;
    while k > 0 && skipped < 4 {
        let w = toks[k - 1].text;
        let lw = w.to_lowercase();
        if verb_adverb(&lw) || is(Class::DeicticDay, &lw) {
            k -= 1;
        } else if (is_weekday(w) || is(Class::DayPart, &lw)) && k >= 2 {
            let mut j = k - 1;
            if !is_weekday(w) && j >= 1 && is_weekday(toks[j - 1].text) {
                j -= 1;
            }
            if j >= 1 && toks[j - 1].text.eq_ignore_ascii_case("on") && is_weekday(toks[j].text) {
                k = j - 1;
            } else {
                break;
            }
        } else {
            break;
        }
        skipped += 1;
    }
    k
}

/// Places a clause locates something at: place mentions right after a
/// locative preposition ("was centred near Cobb", "the camp in Yida").
fn locate(ctx: &Ctx, text: &str, start: usize, end: usize, clauses: &mut [crate::model::Clause]) {
    for m in ctx.in_span(start, end) {
        if ctx.ents.get(m.local).is_none_or(|e| e.kind != EntityKind::Place) {
            continue;
        }
        if !locative_before(text, start, m.start) {
            continue;
        }
        if let Some(c) = clauses.iter_mut().find(|c| m.start >= c.start && m.start < c.end)
            && !c.located_at.contains(&m.local)
        {
            c.located_at.push(m.local);
        }
    }
}

/// The words before `at` (from `start`) end with a locative preposition,
/// "the" allowed between: "near Cobb", "in the Kharkiv region".
pub(crate) fn locative_before(text: &str, start: usize, at: usize) -> bool {
    let before = text.get(start..at).unwrap_or_default().trim_end();
    let before = before.strip_suffix("the").map_or(before, str::trim_end);
    let word = before.rsplit(|c: char| !c.is_alphabetic()).next().unwrap_or_default().to_lowercase();
    is(Class::Locative, word.as_str())
}

/// A date of another time than the article's: a day more than two weeks
/// away, another month or another year. Without a publication date, any date
/// of month or year grain ("in May", "in 2008") is taken as another time.
fn other_time(d: &DateMention, published: Option<jiff::civil::Date>) -> bool {
    if d.kind != DateKind::Date {
        return false;
    }
    let Some(v) = d.value.as_deref() else { return false };
    let parts: Vec<i32> = v.split('-').map_while(|p| p.parse().ok()).collect();
    let Some(p) = published else { return parts.len() == 1 || parts.len() == 2 };
    let (py, pm) = (i32::from(p.year()), i32::from(p.month()));
    match parts.as_slice() {
        [y] => *y != py,
        [y, m] => *y != py || *m != pm,
        [y, m, day] => jiff::civil::Date::new(*y as i16, *m as i8, *day as i8)
            .ok()
            .and_then(|date| (p - date).get_days().checked_abs())
            .is_some_and(|days| days > 14),
        _ => false,
    }
}

/// One source found in a sentence.
#[derive(Debug, Clone)]
struct Source {
    /// Display name: the local entity's name, or the words as written.
    name: String,
    /// The name as written in the sentence (for citations).
    written: String,
    local: Option<usize>,
    outlet: bool,
    cue: String,
    start: usize,
    end: usize,
    /// The source received the statement (`told X`, `in an interview with X`): it is cited, not the speaker.
    recipient: bool,
    /// Position of the cue, for text order.
    at: usize,
}

/// For each sentence, the quotes that overlap it, in the quotes' order. Found
/// once by binary search: scanning every quote for every sentence made one
/// long article quadratic. `None` if the sentences are not in order.
fn quotes_by_sentence(sentences: &[SentenceSpan], quotes: &[Quote]) -> Option<Vec<Vec<usize>>> {
    overlaps_by_sentence(sentences, quotes.iter().map(|q| (q.start, q.end)))
}

fn overlaps_by_sentence(
    sentences: &[SentenceSpan],
    spans: impl Iterator<Item = (usize, usize)>,
) -> Option<Vec<Vec<usize>>> {
    if !sentences.windows(2).all(|w| w[0].end <= w[1].start) {
        return None;
    }
    let mut by: Vec<Vec<usize>> = vec![Vec::new(); sentences.len()];
    for (qi, (start, end)) in spans.enumerate() {
        let lo = sentences.partition_point(|s| s.end <= start);
        let hi = sentences.partition_point(|s| s.start < end);
        for list in by.get_mut(lo..hi.max(lo)).into_iter().flatten() {
            list.push(qi);
        }
    }
    Some(by)
}

struct Ctx<'a> {
    doc: &'a Doc<'a>,
    ents: &'a [LocalEntity],
    /// Mentions sorted by start.
    mentions: Vec<&'a Mention>,
}

/// A source span before it is typed.
struct Found {
    start: usize,
    end: usize,
    local: Option<usize>,
    kind: Option<EntityKind>,
    /// Found as a capitalised run with no entity behind it.
    bare_name: bool,
}

impl<'a> Ctx<'a> {
    /// Every content sentence is a claim: statements without a number,
    /// date or source are compared too (as clauses). Its frames, the people
    /// it names, where its clauses are located, and who asserts it.
    #[allow(clippy::too_many_arguments)] // the sentence and what the other extractors found in it
    fn claim(
        &self,
        id: String,
        s: &SentenceSpan,
        toks: &[Tok],
        mut quantities: Vec<crate::model::Quantity>,
        mut date_idx: Vec<usize>,
        dates: &[DateMention],
        sources: &[Source],
    ) -> Claim {
        let doc = self.doc;
        let asserted_by = match sources.iter().find(|a| !a.recipient) {
            None => Assertion::Article,
            Some(a) => Assertion::Attributed {
                name: a.name.clone(),
                entity: None,
                local: a.local,
                outlet: a.outlet,
                cue: a.cue.clone(),
                span: doc.span(a.start, a.end),
            },
        };
        let mine = || date_idx.iter().filter_map(|&i| dates.get(i));
        let other_time: Vec<(usize, bool)> = mine().map(|d| (d.start, other_time(d, doc.published))).collect();
        let times: Vec<(usize, usize)> =
            mine().filter(|d| d.kind == DateKind::Time).map(|d| (d.start, d.end)).collect();
        let text = &doc.text[s.start..s.end];
        let published_year = doc.published.map(|d| i32::from(d.year()));
        let (mut clauses, mut facts) =
            super::frames::frame(text, s.start, &quantities, &other_time, &times, published_year);
        let persons: Vec<(usize, usize, &str)> = self
            .in_span(s.start, s.end)
            .iter()
            // a name not yet typed in this article ("Rand Cole (R-Ky.) said")
            // may be a person the corpus knows; compare checks it is one
            .filter(|m| matches!(m.kind, EntityKind::Person | EntityKind::Other))
            .map(|m| (m.start, m.end, m.text.as_str()))
            .collect();
        facts.extend(super::frames::person_facts(text, s.start, &clauses, &persons, quantities.len()));
        locate(self, doc.text, s.start, s.end, &mut clauses);
        let mut locals: Vec<usize> = self.in_span(s.start, s.end).iter().map(|m| m.local).collect();
        locals.sort_unstable();
        locals.dedup();
        // Claims outlive extraction: give back the room the vectors grew
        // (a first push makes room for four) now, not when the whole
        // article is done, which in a long article is the peak of the run.
        quantities.shrink_to_fit();
        date_idx.shrink_to_fit();
        locals.shrink_to_fit();
        clauses.shrink_to_fit();
        facts.shrink_to_fit();
        for f in &mut facts {
            f.context.shrink_to_fit();
        }
        Claim {
            id,
            article: doc.id.clone(),
            start: s.start,
            end: s.end,
            text: text.to_string(),
            quantities,
            dates: date_idx,
            entities: StrList::new(),
            local_entities: locals,
            asserted_by,
            polarity: polarity(toks).into(),
            clauses,
            facts,
        }
    }

    fn in_span(&self, start: usize, end: usize) -> &[&'a Mention] {
        let a = self.mentions.partition_point(|m| m.start < start);
        let b = self.mentions.partition_point(|m| m.start < end);
        let slice = &self.mentions[a..b.max(a)];
        let n = slice.iter().take_while(|m| m.end <= end).count();
        &slice[..n.min(slice.len())]
    }

    fn mention_ending_at(&self, end: usize, sent: &SentenceSpan) -> Option<&'a Mention> {
        self.in_span(sent.start, end).iter().rev().find(|m| m.end == end).copied()
    }

    fn mention_starting_at(&self, start: usize, sent: &SentenceSpan) -> Option<&'a Mention> {
        self.in_span(start, sent.end).iter().find(|m| m.start == start).copied()
    }

    fn attributions(&self, s: &SentenceSpan, quotes: &[&Quote], toks: &[Tok]) -> Vec<Source> {
        // quote speakers come first: the quote extractor has already done this work
        let mut out: Vec<Source> = quotes.iter().filter_map(|q| self.quote_speaker(s, q)).collect();
        let (after_cues, speech) = find_cues(toks);
        // "according to X", "reported by X", "citing X", "in an interview with X"
        for c in &after_cues {
            let (Some(first), Some(last)) = (toks.get(c.first), toks.get(c.next - 1)) else { continue };
            let cue = squash(&self.doc.text[first.start..last.end]);
            let Some(f) = self.source_after(toks, c.next, s, c.according) else { continue };
            out.push(self.typed(f, &cue, c.recipient, first.start));
        }
        for &ti in &speech {
            self.speech_sources(toks, ti, s, &mut out);
        }
        // keep text order after the quote speakers; one entry per span and role
        out.sort_by_key(|o| (o.at, o.start, o.recipient));
        out.dedup_by(|a, b| a.start == b.start && a.end == b.end && a.recipient == b.recipient);
        out
    }

    /// The speaker of a spoken quote inside the sentence, when the quote
    /// extractor resolved it.
    fn quote_speaker(&self, s: &SentenceSpan, q: &Quote) -> Option<Source> {
        if q.start >= s.end || q.end <= s.start {
            return None;
        }
        if !matches!(q.kind, QuoteKind::Full | QuoteKind::Partial | QuoteKind::Social) {
            return None;
        }
        let sm = q.speaker_mention.as_ref()?;
        // an unresolved speaker ("her verdict") says nothing the cue rules cannot
        if q.speaker_local.is_none() && q.speaker_name.is_none() {
            return None;
        }
        let name = q
            .speaker_name
            .clone()
            .or_else(|| q.speaker_local.and_then(|l| self.ents.get(l)).map(|e| e.name.clone()))
            .unwrap_or_else(|| sm.text.clone());
        let outlet =
            q.speaker_local.and_then(|l| self.ents.get(l)).is_some_and(|e| e.outlet) || outlet_shaped(&sm.text);
        Some(Source {
            name,
            written: sm.text.clone(),
            local: q.speaker_local,
            outlet,
            cue: q.cue.clone().unwrap_or_else(|| "quote".into()),
            start: sm.start,
            end: sm.end,
            recipient: false,
            at: 0,
        })
    }

    /// The sources of the speech verb at token `ti`: "X said", "X told Y",
    /// ", said X", and the outlet told ("told the Harbor Daily").
    fn speech_sources(&self, toks: &[Tok], ti: usize, s: &SentenceSpan, out: &mut Vec<Source>) {
        let Some(tok) = toks.get(ti) else { return };
        let cue_start = tok.start;
        let cue = tok.text.to_string();
        let lc = cue.to_lowercase();
        // "company reports show", "claims of": a noun, not a cue
        if is(Class::ClaimNounishCue, lc.as_str()) && toks.get(ti + 1).is_some_and(|t| noun_use_follows(t.text)) {
            return;
        }
        // "Moreau reported from Lyon": a byline
        if lc == "reported" && toks.get(ti + 1).is_some_and(|t| t.text == "from") {
            return;
        }
        let subj = self.subject_before(toks, ti, s).or_else(|| self.inverted_source(toks, ti, s, &lc));
        if let Some(f) = subj {
            out.push(self.typed(f, &cue, false, cue_start));
        }
        // the recipient of "told": cited when it is an outlet
        if (lc == "told" || lc == "tells")
            && let Some(f) = self.source_after(toks, ti + 1, s, false)
        {
            let r = self.typed(f, &cue, true, cue_start);
            if r.outlet {
                out.push(r);
            }
        }
    }

    /// Inverted: `…," said the mayor` / `…, said Jane Roe`, the source ending
    /// where the sentence or a following phrase ("in", "on Monday", "to
    /// reporters") begins.
    fn inverted_source(&self, toks: &[Tok], ti: usize, s: &SentenceSpan, lc: &str) -> Option<Found> {
        let prev = ti.checked_sub(1).and_then(|p| toks.get(p)).map_or("", |t| t.text);
        if !(invertible(lc) && (matches!(prev, "," | "”" | "\"" | "’") || ti == 0)) {
            return None;
        }
        self.source_after(toks, ti + 1, s, false).filter(|f| {
            let after = toks.partition_point(|t| t.start < f.end);
            toks.get(after).is_none_or(|t| !t.is_word() || is(Class::InvertedSourceEnd, t.text))
        })
    }

    /// Types a found span: its name, whether it is an outlet.
    fn typed(&self, f: Found, cue: &str, recipient: bool, at: usize) -> Source {
        let written = self.doc.text[f.start..f.end].to_string();
        let ent = f.local.and_then(|l| self.ents.get(l));
        let name = ent.map_or_else(|| written.clone(), |e| e.name.clone());
        let has_institution = written.split_whitespace().any(institution_word);
        // "Wolf reported from Washington" is a byline, not a source
        let byline = self.doc.text.get(at + cue.len()..).is_some_and(|r| r.starts_with(" from "));
        let media_noun = self.doc.text.get(f.end..).is_some_and(|r| {
            let trimmed = r.trim_start_matches(',').trim_start();
            crate::lang::members(crate::lang::Class::MediaNoun).any(|w| trimmed.starts_with(w) || r.starts_with(w))
        });
        // "Eastwire reported that…", "reported on Monday": a report. "Kellogg reported
        // lower earnings": a company announcing results, with its object right after.
        let report_follows = self.doc.text.get(at + cue.len()..).is_some_and(|r| {
            let r = r.trim_start();
            let w = r.split(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
            r.is_empty() || r.starts_with([',', '.', ':', ';']) || is(Class::ReportFollower, w) || is_weekday(w)
        });
        let pronoun = is(Class::ThirdPersonPronoun, written.to_lowercase().as_str());
        // a company "reported lower earnings" even when the entity stage took it for an outlet
        let results_report = reporting_cue(cue) && !cue.ends_with(" by") && !report_follows;
        let outlet = if pronoun {
            false // "they said" resolved by distance is too weak a link for a citation
        } else {
            ent.is_some_and(|e| e.outlet) && !results_report
                || outlet_shaped(&written)
                || ent.is_some_and(|e| outlet_shaped(&e.name))
                || (media_noun && f.kind.is_none_or(|k| k != EntityKind::Person))
                || (reporting_cue(cue)
                    && (report_follows || cue.ends_with(" by"))
                    && !byline
                    && !has_institution
                    && !written.contains(' ')
                    && f.kind.is_none_or(|k| k == EntityKind::Organization || k == EntityKind::Other)
                    && (f.local.is_some() || f.bare_name)
                    && !self.used_as_surname(&written))
        };
        Source {
            name,
            written,
            local: f.local,
            outlet,
            cue: cue.to_string(),
            start: f.start,
            end: f.end,
            recipient,
            at,
        }
    }

    /// Does the article write `word` after a capitalised first name ("Jane Wolf")?
    fn used_as_surname(&self, word: &str) -> bool {
        let text = self.doc.text;
        text.match_indices(word).any(|(at, _)| {
            let before = &text[..at];
            let Some(b) = before.strip_suffix(' ') else { return false };
            let prev = b.rsplit(|c: char| !c.is_alphanumeric() && c != '.').next().unwrap_or("");
            if let Some(p) = prev.strip_suffix('.') {
                // "Mr. Wolf", "J. Wolf" name a person; "…Commission. Wolf" ends a sentence
                return crate::lang::is(crate::lang::Class::SurnameTitle, p)
                    || (p.chars().count() == 1 && p.chars().all(|c| c.is_uppercase()));
            }
            prev.chars().next().is_some_and(|c| c.is_uppercase())
                && !sentence_opener(prev)
                && !is_weekday(prev)
                && !is_month(prev)
                && !outlet_shaped(&format!("{prev} {word}"))
        })
    }

    /// The subject of the speech verb at token `ti`.
    fn subject_before(&self, toks: &[Tok], ti: usize, s: &SentenceSpan) -> Option<Found> {
        let k = skip_to_subject(toks, ti);
        if k == 0 {
            return None;
        }
        let last = &toks[k - 1];
        // appositive: "Jane Roe, the city's mayor, said" / "The mayor, Jane Roe, said"
        if last.text == "," {
            return self.appositive_subject(toks, k, s);
        }
        let lw = last.text.to_lowercase();
        if is(Class::ThirdPersonPronoun, lw.as_str()) {
            return self.pronoun(last, &lw);
        }
        if let Some(f) = self.name_ending_at(toks, k, s) {
            return Some(f);
        }
        if let Some(f) = self.source_phrase_ending_at(toks, k) {
            return Some(f);
        }
        self.modified_source_before(toks, k)
    }

    /// The subject before a comma that ends an appositive (`k` is the token
    /// after the comma): the name between the commas ("The mayor, Jane Roe,
    /// said") or the one before them ("Jane Roe, the mayor, said").
    fn appositive_subject(&self, toks: &[Tok], k: usize, s: &SentenceSpan) -> Option<Found> {
        let lo = k.saturating_sub(20);
        let commas: Vec<usize> = (lo..k - 1).rev().filter(|&j| toks[j].text == ",").take(3).collect();
        let first = *commas.first()?;
        if first == 0 || toks[first + 1..k - 1].iter().any(|t| is_speech_verb(t.text)) {
            return None;
        }
        // the name may be the part between the commas: "The mayor, Jane Roe, said",
        // "One pastor, Dan Reed of Hope Church, said"
        let inner = (toks[first + 1].start, toks[k - 2].end);
        if let Some(m) = self
            .mention_starting_at(inner.0, s)
            .filter(|m| m.end == inner.1 || (m.kind == EntityKind::Person && m.end < inner.1))
        {
            return Some(Found {
                start: m.start,
                end: m.end,
                local: Some(m.local),
                kind: Some(m.kind),
                bare_name: false,
            });
        }
        let seg = &toks[first + 1..k - 1];
        let lead = seg.iter().take_while(|t| t.is_cap_word() || t.text == ".").count();
        let whole = lead == seg.len();
        let then_prep = seg.get(lead).is_some_and(|t| matches!(t.text, "of" | "from" | "at" | "in"));
        if lead > 0 && (whole || (lead >= 2 && then_prep)) && !sentence_opener(seg[0].text) && seg[lead - 1].text != "."
        {
            return Some(Found { start: inner.0, end: seg[lead - 1].end, local: None, kind: None, bare_name: true });
        }
        // else the name stands before the appositive ("Jane Roe, the mayor, said";
        // "Jim Bell, 57, told"); a comma inside a quoted title does not open one
        for &j in &commas {
            if j == 0 || toks[j + 1..k - 1].iter().any(|t| is_speech_verb(t.text)) {
                return None;
            }
            if toks.get(j + 1).is_some_and(|t| t.is_word())
                && let Some(f) = self.name_ending_at(toks, j, s)
            {
                return Some(f);
            }
        }
        None
    }

    /// "two officials who attended the meeting said", "groups protesting near
    /// the cathedral said": a source noun a few words back, followed by a
    /// relative pronoun or a participle that opens its modifier.
    fn modified_source_before(&self, toks: &[Tok], k: usize) -> Option<Found> {
        let lo = k.saturating_sub(10);
        for j in (lo..k.saturating_sub(1)).rev() {
            let t = &toks[j];
            if (!t.is_word() && t.text != ".") || is_speech_verb(t.text) {
                return None;
            }
            if !source_noun(&t.text.to_lowercase()) {
                continue;
            }
            let next = toks.get(j + 1).map(|t| t.text.to_lowercase()).unwrap_or_default();
            let opens = is(Class::SourcePhraseContinuation, next.as_str())
                || (next.len() > 4 && (next.ends_with("ing") || next.ends_with("ed")));
            if opens {
                return self.source_phrase_ending_at(toks, j + 1);
            }
            return None;
        }
        None
    }

    /// A mention or a capitalised run that ends just before token `k`.
    fn name_ending_at(&self, toks: &[Tok], k: usize, s: &SentenceSpan) -> Option<Found> {
        let last = toks.get(k.checked_sub(1)?)?;
        if let Some(m) = self.mention_ending_at(last.end, s) {
            // "protesting near St. Mary's Church said": the object of a preposition is not the speaker
            let a = toks.partition_point(|t| t.start < m.start);
            if a > 0 && preposition(&toks[a - 1].text.to_lowercase()) {
                return self.modified_source_before(toks, k);
            }
            let start = self.with_the(m.start, m.local);
            return Some(Found { start, end: m.end, local: Some(m.local), kind: Some(m.kind), bare_name: false });
        }
        if !last.is_cap_word() {
            return self.source_phrase_ending_at(toks, k);
        }
        let mut a = k - 1;
        while a > 0 {
            let p = &toks[a - 1];
            let abbrev_dot = p.text == "." && a >= 2 && toks[a - 2].is_cap() && toks[a - 2].text.len() <= 3;
            if p.is_cap() || abbrev_dot || (connector(p.text) && a >= 2 && toks[a - 2].is_cap_word()) {
                a -= 1;
            } else {
                break;
            }
        }
        while a < k && connector(toks[a].text) {
            a += 1;
        }
        if a >= k {
            return None;
        }
        // a sentence opener is not part of the name unless it is a masthead "The"
        let run = &self.doc.text[toks[a].start..last.end];
        if sentence_opener(toks[a].text) && !(toks[a].text == "The" && outlet_shaped(run)) {
            a += 1;
            if a >= k {
                return None;
            }
        }
        let run = &self.doc.text[toks[a].start..last.end];
        if run.split_whitespace().all(|w| sentence_opener(w) || source_noun(&w.to_lowercase())) {
            return self.source_phrase_ending_at(toks, k);
        }
        if run.split_whitespace().any(|w| is_weekday(w) || is_month(w)) {
            return None;
        }
        // "near St. Stephen's Cathedral said": the object of a preposition is not the speaker
        if a > 0 && preposition(&toks[a - 1].text.to_lowercase()) {
            return self.modified_source_before(toks, k);
        }
        Some(Found { start: toks[a].start, end: last.end, local: None, kind: None, bare_name: true })
    }

    /// A generic source noun phrase ending before token `k`: "officials",
    /// "the ministry", "senior Health Ministry officials".
    fn source_phrase_ending_at(&self, toks: &[Tok], k: usize) -> Option<Found> {
        let last = toks.get(k.checked_sub(1)?)?;
        if !source_noun(&last.text.to_lowercase()) {
            return None;
        }
        let mut a = k - 1;
        let mut n = 0;
        while a > 0 && n < 4 {
            let p = &toks[a - 1];
            let pl = p.text.to_lowercase();
            if !p.is_word() || (!determiner(&pl) && (connector(&pl) || super_stop(&pl))) {
                break;
            }
            a -= 1;
            n += 1;
            if determiner(&pl) {
                break;
            }
        }
        Some(Found { start: toks[a].start, end: last.end, local: None, kind: None, bare_name: false })
    }

    /// The source named from token `k` on ("according to [the ministry]").
    fn source_after(&self, toks: &[Tok], k: usize, s: &SentenceSpan, according: bool) -> Option<Found> {
        let t = toks.get(k)?;
        let mut k0 = k;
        if t.text.eq_ignore_ascii_case("the") {
            k0 += 1;
        }
        let t0 = toks.get(k0)?;
        if let Some(m) = self.mention_starting_at(t0.start, s) {
            let start = self.with_the(m.start, m.local);
            return Some(Found { start, end: m.end, local: Some(m.local), kind: Some(m.kind), bare_name: false });
        }
        // generic phrase: up to five words ending in a source noun
        let mut j = k;
        while j < toks.len() && j < k + 5 {
            let w = &toks[j];
            if !w.is_word() {
                break;
            }
            let wl = w.text.to_lowercase();
            if source_noun(&wl) {
                // "according to a report by X": the author is the source
                if according && document_noun(&wl) {
                    let nl = toks.get(j + 1).map(|t| t.text.to_lowercase()).unwrap_or_default();
                    if matches!(nl.as_str(), "by" | "from" | "of")
                        && let Some(f) = self.source_after(toks, j + 2, s, false)
                    {
                        return Some(f);
                    }
                }
                return Some(Found { start: toks[k].start, end: w.end, local: None, kind: None, bare_name: false });
            }
            if !determiner(&wl) && super_stop(&wl) {
                break;
            }
            j += 1;
        }
        // capitalised run
        let mut b = k0;
        while b < toks.len() {
            let w = &toks[b];
            if w.is_cap_word() || (connector(w.text) && toks.get(b + 1).is_some_and(|n| n.is_cap_word()) && b > k0) {
                b += 1;
            } else {
                break;
            }
        }
        if b == k0 {
            return None;
        }
        let start = if k0 > k && toks[k].text == "The" { toks[k].start } else { t0.start };
        let run = &self.doc.text[t0.start..toks[b - 1].end];
        if run.split_whitespace().all(sentence_opener) || run.split_whitespace().any(|w| is_weekday(w) || is_month(w)) {
            return None;
        }
        Some(Found { start, end: toks[b - 1].end, local: None, kind: None, bare_name: true })
    }

    /// Includes a capitalised "The" before an outlet's name ("The Meridian Post").
    fn with_the(&self, start: usize, local: usize) -> usize {
        let before = &self.doc.text[..start];
        if before.ends_with("The ") && self.ents.get(local).is_some_and(|e| e.outlet || outlet_shaped(&e.name)) {
            start - 4
        } else {
            start
        }
    }

    /// "he said": the nearest earlier person (he/she) or organisation (it/they) mention.
    fn pronoun(&self, t: &Tok, lw: &str) -> Option<Found> {
        let want: &[EntityKind] = match lw {
            "he" | "she" => &[EntityKind::Person],
            _ => &[EntityKind::Organization],
        };
        let a = self.mentions.partition_point(|m| m.start < t.start);
        let m = self.mentions[..a]
            .iter()
            .rev()
            .take_while(|m| t.start.saturating_sub(m.end) < 1500)
            .find(|m| want.contains(&m.kind));
        match m {
            Some(m) => {
                Some(Found { start: t.start, end: t.end, local: Some(m.local), kind: Some(m.kind), bare_name: false })
            }
            None if lw == "he" || lw == "she" => {
                Some(Found { start: t.start, end: t.end, local: None, kind: None, bare_name: false })
            }
            None => None,
        }
    }
}

/// A capitalised full weekday name ("Monday"), from the one weekday table.
fn is_weekday(w: &str) -> bool {
    w.starts_with(char::is_uppercase) && crate::lang::weekday(&w.to_lowercase()).is_some_and(|(_, full)| full)
}

/// A capitalised full month name ("March"), from the one month table.
fn is_month(w: &str) -> bool {
    w.starts_with(char::is_uppercase) && crate::lang::month(&w.to_lowercase()).is_some_and(|m| !m.abbr)
}

fn preposition(w: &str) -> bool {
    is(Class::SourcePreposition, w)
}

fn super_stop(w: &str) -> bool {
    is(Class::SourcePhraseStop, w)
}

/// Collapses runs of whitespace in a cue ("according  to" → "according to").
fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests;

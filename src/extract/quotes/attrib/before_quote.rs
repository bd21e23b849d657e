//! Attribution before a quote: the cue and speaker in the words that lead
//! into it ("Ruiz said:", "According to the ministry, ...", "the head of the
//! drivers' union, Tomas Greer, said").

use super::*;

/// Attribution before the quote. `toks` covers the sentence from its start to the opening mark;
/// `from` is the first token after any earlier quote in the sentence (cues must lie after it).
pub fn before(text: &str, toks: &[Tok], from: usize) -> Option<Found> {
    let n = toks.len();
    if n == 0 {
        return None;
    }
    if let Some(f) = possessed_speech(text, &toks[from..]) {
        return Some(f);
    }
    // The last cue after `from`, not too far from the quote; a cue form used as a noun ("his
    // scathing remarks") is passed over for the verb before it.
    let c = (from..n).rev().take(26).find(|&i| is_cue_at(text, toks, i) && !noun_use(text, toks, i));
    let Some(c) = c else {
        // A colon right before the quote: the sentence's subject speaks, unless the sentence
        // names a sign or a banner, whose words the quote then is.
        let display = || toks[..n - 1].iter().any(|t| t.word && is(Class::WrittenDisplay, lw(text, t).as_ref()));
        if is_p(text, &toks[n - 1], ":") && from == 0 && !display() {
            let (a, b, kind) = sentence_subject(text, toks, 0, n - 1)?;
            let f = Found { s: toks[a].s, e: toks[b - 1].e, kind, cue: None, ante: None };
            return speakerlike(text, &f).then_some(f);
        }
        return None;
    };
    let cw = lw(text, &toks[c]);
    let cue = Some(cue_span(text, toks, c));
    if cw == "according" {
        let (a, b, kind) = np_fwd(text, toks, c + 2)?;
        return Some(Found { s: toks[a].s, e: toks[b - 1].e, kind, cue, ante: None });
    }
    // An inverted cue at the sentence start: "Said Lavrov: ...", rare but unambiguous. In a
    // sentence that opens with a quote the subject lies after it: the words inside it ("“We
    // agree,” he said, and then added: ...") are not the writer's subject.
    let opens_quoted = toks.first().is_some_and(|t| is_p(text, t, "\"“‘'«„"));
    let subj_from = if opens_quoted { from } else { 0 };
    let q = Cue { text, toks, from, c, cw: cw.as_ref(), cue, subj_from };
    if let Some(f) = aside_speaker(&q) {
        return Some(f);
    }
    // "a loophole called “x”", "a book titled “y”": the verb names a thing, nobody speaks.
    let naming = is(Class::NamingVerb, q.cw);
    if naming && (c + 1 == n || (c + 2 == n && is(Class::Article, lw(text, &toks[c + 1]).as_ref()))) {
        return naming_speaker(&q);
    }
    if let Some(decided) = by_to_speaker(&q) {
        return decided;
    }
    if is_gerund(q.cw) {
        return gerund_speaker(&q);
    }
    finite_speaker(&q)
}

/// The cue that [`before`] found and what its passes read.
#[derive(Clone, Copy)]
struct Cue<'a> {
    text: &'a str,
    toks: &'a [Tok],
    /// The first token after an earlier quote of the sentence.
    from: usize,
    /// The cue's token and its lowercase form and span.
    c: usize,
    cw: &'a str,
    cue: Option<(usize, usize)>,
    /// Where the writer's subject may start (after a quote that opens the sentence).
    subj_from: usize,
}

impl Cue<'_> {
    /// The sentence's subject, as the speaker of this cue.
    fn subj(&self) -> Option<Found> {
        sentence_subject(self.text, self.toks, self.subj_from, self.c).map(|(a, b, kind)| Found {
            s: self.toks[a].s,
            e: self.toks[b - 1].e,
            kind,
            cue: self.cue,
            ante: None,
        })
    }
}

/// "The paradox, says Carl Venn, a historian, is that she was “x”": a cue set off by commas
/// inside the writer's sentence, its speaker after it.
fn aside_speaker(q: &Cue) -> Option<Found> {
    let Cue { text, toks, from, c, cw, cue, .. } = *q;
    // No other comma before the aside: "The mayor, Ana Ruiz, said residents, ..." is an
    // appositive subject and its verb, not an aside.
    if c > from
        && is_p(text, &toks[c - 1], ",")
        && is(Class::AsideCue, cw)
        && !(from..c - 1).any(|i| is_p(text, &toks[i], ","))
        && let s = skip_fwd(text, toks, c + 1)
        && let Some((a, b, kind)) = np_fwd(text, toks, s).or_else(|| titled_name_fwd(text, toks, s))
        && kind != SpKind::Pronoun
        && toks.get(b).is_some_and(|t| is_p(text, t, ","))
    {
        let (a, b, kind) = appositive_name(text, toks, a, b, kind).unwrap_or((a, b, kind));
        return Some(Found { s: toks[a].s, e: toks[b - 1].e, kind, cue, ante: None });
    }
    None
}

/// "what Ana Ruiz called “x”": a person as the subject labels in their own words; a thing
/// ("a loophole called") or "it" does not speak.
fn naming_speaker(q: &Cue) -> Option<Found> {
    let Cue { text, toks, c, cw, cue, .. } = *q;
    let k = skip_aside(text, toks, skip_back(text, toks, c, 0));
    if k > 0
        && !matches!(cw, "read" | "reads")
        && let Some((s, e, kind)) = np_back(text, toks, k, 0)
        && (kind == SpKind::Name || (kind == SpKind::Pronoun && lw(text, &toks[s]) != "it"))
        // "the bill Congress called": a name that ends a nominal is its modifier; a role
        // before the name is not ("what aide Pavel Dunn called").
        && let r = role_words_back(text, toks, s)
        && (r == 0
            || !toks[r - 1].word
            || matches!(lw(text, &toks[r - 1]).as_ref(), "what" | "as" | "and" | "but" | "that"))
    {
        return Some(Found { s: toks[s].s, e: toks[e - 1].e, kind, cue, ante: None });
    }
    // "a country that the party's nominee, Ana Ruiz, called “x”": a name in apposition right
    // before the naming verb labels in their own words.
    if k > 2
        && is_p(text, &toks[k - 1], ",")
        && let Some((s, e, SpKind::Name)) = np_back(text, toks, k - 1, 0)
        && s > 0
        && is_p(text, &toks[s - 1], ",")
    {
        return Some(Found { s: toks[s].s, e: toks[e - 1].e, kind: SpKind::Name, cue, ante: None });
    }
    None
}

/// "He began by saying", "X went on to say": the subject of the verb before "by"/"to". `None`
/// when the cue is not of that shape; `Some(None)` when it is and nobody speaks.
fn by_to_speaker(q: &Cue) -> Option<Option<Found>> {
    let Cue { text, toks, c, cw, cue, .. } = *q;
    if c >= 3 && matches!(lw(text, &toks[c - 1]).as_ref(), "by" | "to") && is(Class::ByToCue, cw) {
        let mut v = c - 2;
        if lw(text, &toks[v]) == "on" && v > 0 {
            v -= 1;
        }
        let vw = lw(text, &toks[v]);
        if toks[v].word
            && !is_cap(text, &toks[v])
            && !is(Class::SpeakerPhraseStop, vw.as_ref())
            && !is(Class::SpeakerDeterminer, vw.as_ref())
        {
            let k = skip_back(text, toks, v, 0);
            if k > 0 && matches!(lw(text, &toks[k - 1]).as_ref(), "and" | "but") {
                return Some(q.subj().filter(|f| speakerlike(text, f)));
            }
            if let Some((a, b, kind)) = np_back(text, toks, k, 0)
                && kind != SpKind::Nominal
            {
                return Some(Some(Found { s: toks[a].s, e: toks[b - 1].e, kind, cue, ante: None }));
            }
        }
    }
    None
}

/// A gerund cue ("saying", "calling"): whom it is quoted from, the subject of an earlier gerund
/// or finite cue, a name right before it, the sentence's subject or the clause's.
fn gerund_speaker(q: &Cue) -> Option<Found> {
    let Cue { text, toks, from, c, cue, .. } = *q;
    // "The agency quoted X as saying": the one quoted speaks; "X was quoted as saying" keeps
    // the subject (below).
    if c >= 2
        && lw(text, &toks[c - 1]) == "as"
        && let Some(q) = (c.saturating_sub(12)..c - 1).rev().find(|&i| lw(text, &toks[i]) == "quoted")
        && !(q > 0 && is(Class::PassiveAuxiliary, lw(text, &toks[q - 1]).as_ref()))
        && let Some((a, b, kind)) = np_fwd(text, toks, q + 1)
        && kind != SpKind::Pronoun
    {
        return Some(Found { s: toks[a].s, e: toks[b - 1].e, kind, cue, ante: None });
    }
    // "with X criticising the plan, accusing ...": a later gerund shares the first one's subject.
    if let Some(g) = (c.saturating_sub(20)..c)
        .rev()
        .find(|&i| toks[i].word && is_gerund(&lw(text, &toks[i])) && is(Class::SpeechCue, lw(text, &toks[i]).as_ref()))
        && g > 0
        && lw(text, &toks[g - 1]) != "by"
        && let Some((a, b, SpKind::Name)) = np_back(text, toks, g, 0)
        && (c - g > 1 && (g + 1..c).any(|i| is_p(text, &toks[i], ",") || lw(text, &toks[i]) == "and"))
    {
        return Some(Found { s: toks[a].s, e: toks[b - 1].e, kind: SpKind::Name, cue, ante: None });
    }
    // "X said, adding, ...": the finite cue just before gives the speaker.
    if let Some(c2) =
        (c.saturating_sub(4)..c).rev().find(|&i| is_cue_at(text, toks, i) && !is_gerund(&lw(text, &toks[i])))
    {
        return before(text, &toks[..c2 + 1], 0).map(|mut f| {
            f.cue = cue;
            f
        });
    }
    // "with Donald Trump tweeting that ...": a name right before the gerund is its subject.
    if let Some((a, b, SpKind::Name)) = np_back(text, toks, c, 0) {
        return Some(Found { s: toks[a].s, e: toks[b - 1].e, kind: SpKind::Name, cue, ante: None });
    }
    // The sentence's subject first; when it cannot speak ("The first incident came ..., when
    // protesters interrupted her, shouting"), the subject of the clause before the gerund.
    q.subj()
        .filter(|f| speakerlike(text, f))
        .or_else(|| clause_subject_before(text, toks, c, from).map(|f| Found { cue, ..f }))
}

/// A finite cue ("said", "warned"): the speaker phrase before it, past asides, parentheses,
/// appositives and who-clauses.
fn finite_speaker(q: &Cue) -> Option<Found> {
    let Cue { text, toks, c, subj_from, .. } = *q;
    let k = skip_back(text, toks, time_back(text, toks, skip_back(text, toks, c, 0)), 0);
    if k == 0 {
        return None;
    }
    // "X, author of “The Quiet Charter,” put it": a comma inside the closing marks of a title
    // closes the appositive, as a comma after them would. Not when the quote is speech (it opens
    // the sentence, or a cue comes before it: "the mayor called the plan “a farce,” said Berg"),
    // and only when the phrase found there can speak.
    let mut j = k;
    while j > subj_from + 1 && is_p(text, &toks[j - 1], "\"”'’") {
        j -= 1;
    }
    if j < k
        && j > subj_from
        && is_p(text, &toks[j - 1], ",")
        && !(subj_from..j).any(|i| is_cue_at(text, toks, i))
        && let Some(f) = finite_at(q, j).filter(|f| speakerlike(text, f))
    {
        return Some(f);
    }
    finite_at(q, k)
}

/// [`finite_speaker`] with the speaker phrase ending right before token `k`.
fn finite_at(q: &Cue, k: usize) -> Option<Found> {
    let Cue { text, toks, c, cw, cue, .. } = *q;
    // "X was asked, ...": the subject is spoken to, not speaking.
    if is(Class::AddressedCue, cw)
        && k < c
        && toks[k..c].iter().any(|t| is(Class::PassiveAuxiliary, lw(text, t).as_ref()))
    {
        return None;
    }
    // "X (D-Ohio) said": read back past a short parenthesis to the name.
    let k = if is_p(text, &toks[k - 1], ")")
        && let Some(o) = (k.saturating_sub(8)..k - 1).rev().find(|&i| is_p(text, &toks[i], "("))
        && o > 0
        && toks[o - 1].word
    {
        o
    } else {
        k
    };
    let prev = &toks[k - 1];
    let pw = lw(text, prev);
    if matches!(pw.as_ref(), "and" | "but" | "or") {
        return q.subj();
    }
    if is_p(text, prev, ",") {
        return appositive_speaker(q, k);
    }
    if pw == "who" {
        // "Mr. X, who noted that ...": the antecedent before the comma (or a dash: "X - who said ...").
        if k >= 2 && is_p(text, &toks[k - 2], ",-—–") {
            let (s, e, kind) = np_back(text, toks, k - 2, 0)?;
            return Some(Found {
                s: prev.s,
                e: prev.e,
                kind: SpKind::Pronoun,
                cue,
                ante: Some((toks[s].s, toks[e - 1].e, kind)),
            });
        }
        return None;
    }
    let Some((s, e, kind)) = np_back(text, toks, k, 0) else {
        return relative_subject(text, toks, k, cue).flatten();
    };
    // "a letter obtained by the agency warns": a name after "by" that received the words is the
    // agent of a participle inside the subject phrase; the subject of the sentence speaks, when
    // it can ("an email sent by X warned" keeps X, who wrote it).
    if s > 1 && lw(text, &toks[s - 1]) == "by" && is(Class::ReceivedWords, lw(text, &toks[s - 2]).as_ref()) {
        return q.subj().filter(|f| speakerlike(text, f));
    }
    let f = Found { s: toks[s].s, e: toks[e - 1].e, kind, cue, ante: None };
    // "an aide who spoke to discuss the talks said": the object closing the clause is not the speaker.
    if !speakerlike(text, &f)
        && let Some(r) = relative_subject(text, toks, k, cue)
    {
        return r;
    }
    // "his scathing remarks", "the claims": a cue that is also a plural noun needs a real speaker.
    if is(Class::NounishCue, cw) && !speakerlike(text, &f) {
        return None;
    }
    Some(f)
}

/// "her March comment that, “...”", "Berg’s pledge: “...”": a noun for something said right
/// before the quote (a "that", a comma or a colon between) gives the quote to its possessor, a
/// possessive pronoun or a name with "’s". At most two words between possessor and noun.
fn possessed_speech(text: &str, toks: &[Tok]) -> Option<Found> {
    let mut n = toks.len();
    while n > 0 && is_p(text, &toks[n - 1], ",:") {
        n -= 1;
    }
    if n > 0 && toks[n - 1].word && lw(text, &toks[n - 1]) == "that" {
        n -= 1;
    }
    // Without a "that" or a mark between, the noun may be the quote's subject ("Trump's comments
    // “are baseless”") or end a sentence that says nothing ("X continued his remarks.").
    if n == toks.len() {
        return None;
    }
    let noun = n.checked_sub(1)?;
    if !toks[noun].word || is_cap(text, &toks[noun]) || !is(Class::SpeechNoun, lw(text, &toks[noun]).as_ref()) {
        return None;
    }
    let owner = (noun.saturating_sub(3)..noun).rev().find(|&i| {
        let w = lw(text, &toks[i]);
        toks[i].word && (is(Class::SpeakerPossessive, w.as_ref()) || ends_possessive(&w))
    })?;
    if (owner + 1..noun).any(|i| !toks[i].word) {
        return None;
    }
    let t = &toks[owner];
    if is(Class::SpeakerPossessive, lw(text, t).as_ref()) {
        return Some(Found { s: t.s, e: t.e, kind: SpKind::Pronoun, cue: None, ante: None });
    }
    // The name is the possessor without its "’s", and its first word must be a name's.
    // The last two characters ("’s", "'S"), whatever their width.
    let e = text[t.s..t.e].char_indices().rev().nth(1).map_or(t.s, |(i, _)| t.s + i);
    let s = name_back(text, toks, owner + 1, 0).map_or(t.s, |f| toks[f].s);
    (is_name_word(text, t) && s < e).then_some(Found { s, e, kind: SpKind::Name, cue: None, ante: None })
}

/// "..., when Venn protesters interrupted her speech, shouting “...”": a gerund after a comma
/// shares the subject of the nearest clause before it (when the sentence's own cannot speak), a speaker phrase right before a
/// past-tense verb (within a dozen tokens back, after `from`).
fn clause_subject_before(text: &str, toks: &[Tok], c: usize, from: usize) -> Option<Found> {
    if c < 3 || !is_p(text, &toks[c - 1], ",") {
        return None;
    }
    let v = (c.saturating_sub(12).max(from + 1)..c - 1).rev().find(|&i| {
        let w = lw(text, &toks[i]);
        toks[i].word && !is_cap(text, &toks[i]) && (w.ends_with("ed") || is(Class::PastVerb, w.as_ref()))
    })?;
    let (a, b, kind) = np_back(text, toks, skip_back(text, toks, v, from), from)?;
    // "Yeltsin and Kuchma called ...": one of two subjects is not the speaker.
    if a > 0 && matches!(lw(text, &toks[a - 1]).as_ref(), "and" | "or") {
        return None;
    }
    let f = Found { s: toks[a].s, e: toks[b - 1].e, kind, cue: None, ante: None };
    (kind != SpKind::Pronoun && speakerlike(text, &f)).then_some(f)
}

/// The start of the lowercase role words (at most three) right before token `s` ("aide", "party
/// chairman"), or `s` when there are none.
fn role_words_back(text: &str, toks: &[Tok], s: usize) -> usize {
    let mut r = s;
    while r > 0
        && s - r < 3
        && toks[r - 1].word
        && !is_cap(text, &toks[r - 1])
        && is(Class::SpeakerRole, lw(text, &toks[r - 1]).as_ref())
    {
        r -= 1;
    }
    r
}

/// The speaker before a comma that closes an appositive right before the cue (`toks[k - 1]` is
/// that comma): the name after a role ("The head of the union, Tomas Greer, said"), else the
/// first phrase back, comma by comma, that can speak.
fn appositive_speaker(q: &Cue, k: usize) -> Option<Found> {
    let Cue { text, toks, cue, .. } = *q;
    if let Some(f) = role_appositive_before(text, toks, k - 1, cue) {
        return Some(f);
    }
    // "X, spokeswoman for Y, warned that": the phrase before the appositive's first comma.
    // An appositive may hold commas of its own ("X, a professor who worked for Y (R-Ohio), one
    // of ..., said"): go back comma by comma to the first phrase that can speak.
    let mut first = None;
    for a in (0..k - 1).rev().filter(|&i| is_p(text, &toks[i], ",")).take(4) {
        let Some((s, e, kind)) = np_back(text, toks, a, 0) else { continue };
        let f = Found { s: toks[s].s, e: toks[e - 1].e, kind, cue, ante: None };
        if first.is_none() {
            first = Some(f.clone());
        }
        if speakerlike(text, &f) {
            return Some(f);
        }
    }
    first
}

/// "The head of the drivers' union, Tomas Greer, said", "AMD's chief, Lisa Su, said": a name
/// between two commas before the cue (`comma` is the second), after a description that opens with
/// a determiner or a possessive. The name holds the role, so it speaks, not the union or company
/// inside the description.
pub(super) fn role_appositive_before(
    text: &str,
    toks: &[Tok],
    comma: usize,
    cue: Option<(usize, usize)>,
) -> Option<Found> {
    let pc = (0..comma).rev().find(|&i| is_p(text, &toks[i], ","))?;
    let (s, e, kind) = np_back(text, toks, comma, pc + 1)?;
    if kind != SpKind::Name || s != pc + 1 || e != comma {
        return None;
    }
    // The description: from the sentence start (or an earlier comma) to `pc`.
    let ds = (0..pc).rev().find(|&i| is_p(text, &toks[i], ",")).map_or(0, |i| i + 1);
    let first = toks.get(ds).filter(|t| t.word)?;
    let fw = lw(text, first);
    let described = is(Class::SpeakerDeterminer, fw.as_ref()) || ends_possessive(&fw);
    let role = (ds..pc).any(|i| is(Class::SpeakerRole, lw(text, &toks[i]).as_ref()));
    (described && role).then(|| Found { s: toks[s].s, e: toks[e - 1].e, kind, cue, ante: None })
}

/// "an aide who spoke on condition of anonymity said": the phrase before a "who" clause that runs
/// up to the cue at `k` with no other cue inside it. `None` when there is no such clause;
/// `Some(None)` when there is one but nothing before it can speak ("Those who watched said").
pub(super) fn relative_subject(
    text: &str,
    toks: &[Tok],
    k: usize,
    cue: Option<(usize, usize)>,
) -> Option<Option<Found>> {
    let w = (k.saturating_sub(16)..k).rev().find(|&i| lw(text, &toks[i]) == "who")?;
    if (w + 1..k).any(|i| is_cue_at(text, toks, i) || is_p(text, &toks[i], ",;:")) {
        return None;
    }
    let end = if w > 0 && is_p(text, &toks[w - 1], ",") { w - 1 } else { w };
    let Some((s, e, kind)) = np_back(text, toks, end, 0) else { return Some(None) };
    let f = Found { s: toks[s].s, e: toks[e - 1].e, kind, cue, ante: None };
    Some((kind != SpKind::Pronoun && speakerlike(text, &f)).then_some(f))
}

/// A plural-noun cue form closing the span, after an article or possessive, maybe with one
/// modifier that is no role: "the claims", "his scathing remarks" (but "his aide says" keeps its verb).
pub(super) fn noun_use(text: &str, toks: &[Tok], i: usize) -> bool {
    let w = lw(text, &toks[i]);
    // "he said, continued struggles will ...", "the repeated warnings": a participle before a
    // plural noun, after a cue's comma or a determiner, is an adjective.
    if w.ends_with("ed")
        && i > 0
        && ((i > 1 && is_p(text, &toks[i - 1], ",") && is(Class::SpeechCue, lw(text, &toks[i - 2]).as_ref()))
            || is(Class::SpeakerDeterminer, lw(text, &toks[i - 1]).as_ref()))
        && let Some(n) = toks.get(i + 1)
        && n.word
        && !is_cap(text, n)
        && let nw = lw(text, n)
        && nw.len() > 3
        && nw.ends_with('s')
        && !nw.ends_with("ss")
        && !is(Class::SpeechCue, nw.as_ref())
        && !is(Class::NotPluralS, nw.as_ref())
        // "urged residents to", "warned members": a role after the verb is its object.
        && !is(Class::SpeakerRole, nw.as_ref())
        && !is(Class::BareRole, nw.as_ref())
    {
        return true;
    }
    // Only at the end of the span: "his remarks about" keeps its cue for the quote that follows.
    if !is(Class::NounishCue, w.as_ref()) || i == 0 || toks[i + 1..].iter().any(|t| t.word) {
        return false;
    }
    let det = |t: &Tok| {
        let d = lw(text, t);
        t.word && (is(Class::NounDeterminer, d.as_ref()) || ends_possessive(&d))
    };
    if det(&toks[i - 1]) {
        return true;
    }
    let m = &toks[i - 1];
    i >= 2 && det(&toks[i - 2]) && m.word && !is_cap(text, m) && !is(Class::SpeakerRole, lw(text, m).as_ref())
}

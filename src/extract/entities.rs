//! People, organizations and places named in one article.
//!
//! Only content sentences are read (`Doc::content_sentences`): boilerplate,
//! captions and credits never yield entities. Each sentence is tokenised
//! once; names are then found in three steps.
//!
//! 1. **Candidate spans.** Maximal runs of capitalised words, joined by plain
//!    spaces (any punctuation ends a run, and so does a possessive: in
//!    "Ukraine's Ministry" the run "Ukraine" ends at the `'s`). Lower-case
//!    name particles ("de", "van der", "al") join capitalised words, and
//!    "of", "for", "on" (+ "the") join after an organization word, a place
//!    word or a title ("Bank of England", "Ministry of Emergency Situations").
//! 2. **Typing a span**, first rule wins:
//!    * leading words that are capitalised only by position are dropped:
//!      words in `non_names.txt` ("However", "Officials", "Monday"), and a
//!      sentence-initial word the article also writes in lower case;
//!    * a title inside the span splits it: "Foreign Secretary David Lammy" is
//!      the person "David Lammy" with the role "Foreign Secretary"; a
//!      lower-case role before the span ("spokeswoman Olena Marchuk") or in an
//!      apposition after it ("Sergei Volkov, Moldova's deputy foreign
//!      minister") is kept as the person's role too;
//!    * a user alias entity, then a gazetteer form (country, region, city,
//!      organization; nationality adjectives like "Ukrainian" are no place
//!      and yield nothing);
//!    * an organization word anywhere in the span ("Council", "Ministry",
//!      "Times") makes it an organization; a newspaper word or a gazetteer
//!      outlet marks it as an outlet;
//!    * a known given name first, two words or more: a person;
//!    * a reporting verb right after ("said", "told") or before ("said
//!      Maria Costa") a two-to-four-word span: a person;
//!    * anything else is `other`; a lone word at the start of a sentence
//!      that the article never writes mid-sentence is dropped;
//!    * then the words around a span may retype it (`context_kinds`, and
//!      `orgs.rs` for organizations): teams in results lines, fixtures and
//!      match reports, companies by their descriptors ("the carmaker X",
//!      ", a chemicals company"), shares and executives, mid-sentence
//!      acronyms in prose. Countries and people never change, and a town
//!      becomes a team only on sports evidence.
//!
//!    Sentences in capitals or title case (headlines) get only gazetteer
//!    matches and names the article's running text already established.
//! 3. **In-article canonicalisation.** A bare surname, or a title plus
//!    surname, links to the person whose full name ends with it (the one
//!    named last before it; order-free when only one fits). An acronym links
//!    to an organization whose initials it spells, a lone organization word
//!    ("the Commission") to the last organization ending with it. The
//!    entity's name is its fullest form. Finally a role noun phrase ("the
//!    minister", "the spokeswoman") becomes a mention of the one person the
//!    article gave that role; these mentions have rule `nominal/role` and
//!    exist for quote attribution.

use super::Doc;
use crate::aliases::AliasConfig;
use crate::gazetteer::{GAZ, GazClass, Gazetteer, TitleClass, fold};
use crate::model::{BlockKind, EntityKind, LocalEntity, Mention};
use rustc_hash::FxHashMap as HashMap;
use rustc_hash::FxHashSet as HashSet;

/// Find the article's entities and their mentions (embedded gazetteers, no user aliases).
pub fn extract(doc: &Doc) -> (Vec<LocalEntity>, Vec<Mention>) {
    extract_with(doc, &GAZ, None)
}

/// [`extract`] with a given gazetteer and the user's alias entities.
pub fn extract_with(doc: &Doc, gaz: &Gazetteer, user: Option<&AliasConfig>) -> (Vec<LocalEntity>, Vec<Mention>) {
    let mut sents: Vec<Sent> = Vec::new();
    let mut lower_words: HashSet<&str> = HashSet::default();
    let mut defined: HashSet<&str> = HashSet::default();
    for (_, s) in doc.content_sentences() {
        let Some(text) = doc.text.get(s.start..s.end) else { continue };
        let toks = tokenize(text, s.start, gaz);
        for t in &toks {
            if t.lower && t.alpha {
                lower_words.insert(t.text);
            }
        }
        orgs::defined_terms(doc.text, &toks, &mut defined);
        let kind = doc.blocks.get(s.block).map(|b| b.kind).unwrap_or(BlockKind::Paragraph);
        let mode = sentence_mode(&toks, kind, gaz);
        sents.push(Sent { toks, mode });
    }
    let cx = Cx { doc, gaz, user, lower_words, defined };
    let mut raw: Vec<Raw> = Vec::new();
    for s in sents.iter().filter(|s| s.mode == Mode::Normal) {
        let from = raw.len();
        find_in_sentence(&cx, &s.toks, &mut raw);
        kin_given_names(&cx, &s.toks, &mut raw[from..]);
        context_kinds(&cx, &s.toks, &mut raw[from..]);
        orgs::context_orgs(&cx, &s.toks, &mut raw[from..]);
    }
    // Headlines after the body: they may only repeat what the body established.
    let known = known_names(&raw, gaz);
    for s in sents.iter().filter(|s| s.mode != Mode::Normal) {
        let from = raw.len();
        find_in_headline(&cx, &s.toks, s.mode, &known, &mut raw);
        context_kinds(&cx, &s.toks, &mut raw[from..]);
    }
    raw.sort_by_key(|r| (r.start, std::cmp::Reverse(r.end)));
    // Spans may overlap only if two rules fired on one word; keep the first, longest.
    let mut last_end = 0;
    raw.retain(|r| {
        let keep = r.start >= last_end;
        if keep {
            last_end = r.end;
        }
        keep
    });
    let (mut entities, mut mentions) = cluster(doc, gaz, raw);
    nominal_mentions(doc, gaz, &sents, &mut entities, &mut mentions);
    mentions.sort_by_key(|m| (m.start, m.end));
    (entities, mentions)
}

// ------------------------------------------------------------------ tokens

#[derive(Debug, Clone, Copy)]
struct Tok<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    /// Followed by a possessive `'s` (not part of the token).
    poss: bool,
    /// First letter upper-case.
    cap: bool,
    /// No upper-case letter.
    lower: bool,
    /// All letters upper-case, two letters or more.
    upper: bool,
    alpha: bool,
    /// Only spaces separate it from the previous token.
    joined: bool,
    /// Capitalised by position: first word, or after an opening quote or colon.
    initial: bool,
    /// `@handle`.
    handle: bool,
}

const JOINERS: [char; 5] = ['\'', '\u{2019}', '-', '.', '&'];
const ABBREVIATIONS: [&str; 22] = [
    "Mr", "Mrs", "Ms", "Dr", "St", "Jr", "Sr", "Gen", "Lt", "Col", "Sen", "Rep", "Gov", "Prof", "Capt", "Sgt", "Maj",
    "Adm", "Co", "Corp", "Inc", "Ltd",
];

fn tokenize<'a>(text: &'a str, base: usize, gaz: &Gazetteer) -> Vec<Tok<'a>> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let at = |i: usize| chars.get(i).map(|&(_, c)| c);
    let off = |i: usize| chars.get(i).map(|&(o, _)| o).unwrap_or(text.len());
    let mut toks: Vec<Tok<'a>> = Vec::new();
    let mut i = 0;
    let mut prev_end = 0;
    while i < chars.len() {
        let c = at(i).unwrap_or(' ');
        let handle = c == '@' && at(i + 1).is_some_and(|d| d.is_alphanumeric() || d == '_');
        if !c.is_alphanumeric() && !handle {
            i += 1;
            continue;
        }
        let s = i;
        let mut j = i + 1;
        let mut poss = false;
        loop {
            match at(j) {
                Some(d) if d.is_alphanumeric() || (handle && d == '_') => j += 1,
                Some(d) if JOINERS.contains(&d) && at(j + 1).is_some_and(char::is_alphanumeric) => {
                    let apostrophe = d == '\'' || d == '\u{2019}';
                    if apostrophe
                        && matches!(at(j + 1), Some('s' | 'S'))
                        && !at(j + 2).is_some_and(char::is_alphanumeric)
                    {
                        poss = true;
                        break;
                    }
                    j += 2;
                }
                _ => break,
            }
        }
        let mut e = j;
        // Keep the period of abbreviations and initials: "U.S.", "Gen.", "W.".
        if at(j) == Some('.') {
            let word = &text[off(s)..off(j)];
            let initialism = word.contains('.') && word.split('.').all(|p| p.chars().count() <= 2);
            let single_upper = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
            let abbrev = ABBREVIATIONS.contains(&word) || gaz.title(&format!("{word}.")).is_some();
            if initialism || single_upper || abbrev {
                e = j + 1;
            }
        }
        let (bs, be) = (off(s), off(e));
        let word = &text[bs..be];
        let gap = &text[prev_end..bs];
        let first_alpha = word.chars().find(|c| c.is_alphabetic());
        let letters = word.chars().filter(|c| c.is_alphabetic()).count();
        toks.push(Tok {
            start: base + bs,
            end: base + be,
            text: word,
            poss,
            cap: first_alpha.is_some_and(char::is_uppercase) && word.chars().next().is_some_and(|c| !c.is_numeric()),
            lower: !word.chars().any(char::is_uppercase),
            upper: letters >= 2 && !word.chars().any(char::is_lowercase),
            alpha: letters > 0,
            // "Procter & Gamble": an ampersand joins like a space.
            joined: !toks.is_empty()
                && !gap.is_empty()
                && (gap.chars().all(|c| c == ' ' || c == '\u{a0}') || (gap.trim() == "&" && gap.starts_with(' '))),
            initial: toks.is_empty() || gap.chars().any(|c| matches!(c, '"' | '\u{201c}' | '\u{2018}' | ':' | '\'')),
            handle,
        });
        prev_end = if poss { off(j + 2) } else { be };
        i = if poss { j + 2 } else { e };
    }
    toks
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    Normal,
    /// All capitals: case says nothing.
    Capitals,
    /// A title-case headline: every word capitalised.
    TitleCase,
}

struct Sent<'a> {
    toks: Vec<Tok<'a>>,
    mode: Mode,
}

const SMALL_WORDS: [&str; 18] =
    ["a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "but", "by", "with", "from", "as", "is", "vs"];

fn is_small_word(w: &str) -> bool {
    SMALL_WORDS.iter().any(|s| w.eq_ignore_ascii_case(s))
}

fn sentence_mode(toks: &[Tok], kind: BlockKind, _gaz: &Gazetteer) -> Mode {
    // A results line, "Dundee 2 Greenock Morton 1", is no headline: each
    // name is typed like running text (and then as a team by its score).
    let small_int = |t: &Tok| t.text.len() <= 3 && t.text.bytes().all(|c| c.is_ascii_digit());
    let scored_names = toks
        .windows(2)
        .filter(|w| w[0].cap && w[0].alpha && !is_month(w[0].text) && w[1].joined && small_int(&w[1]))
        .count();
    if scored_names >= 2 {
        return Mode::Normal;
    }
    let words: Vec<&Tok> = toks.iter().filter(|t| t.alpha && t.text.chars().count() >= 2).collect();
    if words.len() >= 2 {
        let upper = words.iter().filter(|t| t.upper).count();
        if upper * 10 >= words.len() * 7 && words.iter().any(|t| t.text.chars().count() > 3 && t.upper) {
            return Mode::Capitals;
        }
    }
    if matches!(kind, BlockKind::Headline | BlockKind::Subheading) {
        let content: Vec<&&Tok> = words.iter().filter(|t| !is_small_word(t.text)).collect();
        if content.len() >= 3 && content.iter().all(|t| t.cap) {
            return Mode::TitleCase;
        }
    }
    Mode::Normal
}

// ------------------------------------------------------------------ candidate spans

/// A mention before clustering.
#[derive(Debug, Clone)]
struct Raw {
    start: usize,
    end: usize,
    /// The name as written, whitespace collapsed.
    name: String,
    kind: EntityKind,
    /// How sure the kind is: 3 gazetteer/title/user, 2 given name or org word, 1 context, 0 none.
    strength: u8,
    rule: &'static str,
    role: Option<String>,
    gaz: Option<usize>,
    user: Option<usize>,
    outlet: bool,
    words: usize,
    /// A lone sentence-initial word with no other evidence.
    initial_only: bool,
    /// Capitalised organization word alone ("the Commission").
    org_head: bool,
}

struct Cx<'a> {
    doc: &'a Doc<'a>,
    gaz: &'a Gazetteer,
    user: Option<&'a AliasConfig>,
    /// Words the article writes in lower case somewhere (borrowed from the text).
    lower_words: HashSet<&'a str>,
    /// Abbreviations the article spells out in lower case: "cash reserve ratio (CRR)".
    defined: HashSet<&'a str>,
}

const PARTICLES: [&str; 22] = [
    "de", "da", "do", "dos", "das", "di", "del", "della", "van", "von", "der", "den", "ter", "la", "le", "du", "al",
    "el", "bin", "ibn", "ben", "y",
];
const CONNECTORS: [&str; 4] = ["of", "for", "on", "and"];
/// Words that head place names and take "of" ("Republic of Moldova", "Gulf of Mexico").
const PLACE_WORDS: [&str; 22] = [
    "Republic", "Kingdom", "Gulf", "Bay", "Sea", "Isle", "Island", "Islands", "Strait", "Cape", "Lake", "Mount",
    "Province", "State", "City", "District", "Region", "County", "Port", "River", "Oblast", "Sea",
];
/// Last words of geographic feature names.
const GEO_WORDS: [&str; 22] = [
    "Ocean",
    "Sea",
    "Strait",
    "Straits",
    "Heights",
    "Gulf",
    "Peninsula",
    "Island",
    "Islands",
    "River",
    "Valley",
    "Mountains",
    "Desert",
    "Canal",
    "Lake",
    "Coast",
    "Bay",
    "Square",
    "Basin",
    "Plain",
    "Plateau",
    "Delta",
];
/// Organization words that name news media; the span is an outlet when one ends it.
const OUTLET_WORDS: [&str; 18] = [
    "Daily",
    "Weekly",
    "Times",
    "Post",
    "News",
    "Telegraph",
    "Tribune",
    "Press",
    "Herald",
    "Journal",
    "Gazette",
    "Chronicle",
    "Courier",
    "Observer",
    "Television",
    "Broadcasting",
    "Radio",
    "TV",
];
const REPORT_VERBS: [&str; 30] = [
    "said",
    "says",
    "say",
    "told",
    "tells",
    "added",
    "adds",
    "stated",
    "announced",
    "declared",
    "explained",
    "noted",
    "warned",
    "argued",
    "insisted",
    "claimed",
    "wrote",
    "writes",
    "tweeted",
    "posted",
    "asked",
    "replied",
    "acknowledged",
    "confirmed",
    "denied",
    "urged",
    "predicted",
    "suggested",
    "commented",
    "recalled",
];
/// Lower-case words that extend a role leftwards ("deputy foreign minister").
const ROLE_MODIFIERS: [&str; 40] = [
    "deputy",
    "vice",
    "acting",
    "interim",
    "former",
    "ex",
    "chief",
    "senior",
    "junior",
    "special",
    "foreign",
    "prime",
    "first",
    "top",
    "regional",
    "national",
    "presidential",
    "executive",
    "managing",
    "general",
    "state",
    "federal",
    "defence",
    "defense",
    "finance",
    "interior",
    "health",
    "economy",
    "justice",
    "education",
    "emergency",
    "environment",
    "trade",
    "energy",
    "agriculture",
    "farm",
    "press",
    "government",
    "military",
    "ministry",
];

fn is_particle(t: &Tok) -> bool {
    t.lower && PARTICLES.contains(&t.text)
}

fn is_name_word(t: &Tok) -> bool {
    t.cap && t.alpha && !t.handle
}

/// Collect the capitalised runs of a normal sentence and type them.
fn find_in_sentence(cx: &Cx, toks: &[Tok], out: &mut Vec<Raw>) {
    let n = toks.len();
    let mut i = 0;
    while i < n {
        let t = toks[i];
        if t.handle {
            out.push(raw(cx, toks, i, i, EntityKind::Other, 1, "handle"));
            i += 1;
            continue;
        }
        if !is_name_word(&t) {
            i += 1;
            continue;
        }
        let mut last = i;
        let mut j = i + 1;
        while j < n && !toks[j - 1].poss && toks[j].joined {
            if is_name_word(&toks[j]) {
                last = j;
                j += 1;
                continue;
            }
            // "van der", "de": particles between capitalised words.
            let mut p = j;
            while p < n && is_particle(&toks[p]) && toks[p].joined && !toks[p].poss {
                p += 1;
            }
            if p > j && p < n && is_name_word(&toks[p]) && toks[p].joined {
                last = p;
                j = p + 1;
                continue;
            }
            // "of"/"for"/"on" (+ "the") after a head word.
            let c = toks[j];
            let head = toks[j - 1];
            let head_ok = cx.gaz.is_org_word(head.text)
                || PLACE_WORDS.contains(&head.text)
                || (c.text != "and" && cx.gaz.title(head.text).is_some());
            if c.lower && CONNECTORS.contains(&c.text) && head_ok && c.text != "and" {
                let mut p = j + 1;
                if toks.get(p).is_some_and(|x| x.text == "the" && x.joined) {
                    p += 1;
                }
                // "Council of Europe", "Bank of New Zealand": a common word after
                // the connector only when it starts a gazetteer name.
                let starts_gaz = |p: usize| {
                    (p..(p + 3).min(n)).any(|e| {
                        cx.gaz.lookup(&span_name(toks, p, e), true, false).is_some_and(|g| g.kind == EntityKind::Place)
                    })
                };
                if toks
                    .get(p)
                    .is_some_and(|x| is_name_word(x) && x.joined && (!cx.gaz.is_non_name(x.text) || starts_gaz(p)))
                {
                    last = p;
                    j = p + 1;
                    continue;
                }
            }
            break;
        }
        type_span(cx, toks, i, last, out);
        i = last + 1;
    }
}

fn span_name(toks: &[Tok], a: usize, b: usize) -> String {
    toks[a..=b].iter().map(|t| t.text).collect::<Vec<_>>().join(" ")
}

fn raw(cx: &Cx, toks: &[Tok], a: usize, b: usize, kind: EntityKind, strength: u8, rule: &'static str) -> Raw {
    let (start, end) = (toks[a].start, toks[b].end);
    let name =
        cx.doc.text.get(start..end).map(|s| s.split_whitespace().collect::<Vec<_>>().join(" ")).unwrap_or_default();
    Raw {
        start,
        end,
        name,
        kind,
        strength,
        rule,
        role: None,
        gaz: None,
        user: None,
        outlet: false,
        words: b + 1 - a,
        initial_only: false,
        org_head: false,
    }
}

/// The longest title ending right before token `b` (exclusive), lower-case or capitalised.
fn title_ending_at(cx: &Cx, toks: &[Tok], b: usize, lower_only: bool, floor: usize) -> Option<(usize, TitleClass)> {
    let max = cx.gaz.max_title_words.max(1);
    let mut best = None;
    for len in 1..=max.min(b.saturating_sub(floor)) {
        let a = b - len;
        if toks[a..b].iter().any(|t| lower_only && !t.lower) {
            break;
        }
        if toks[a + 1..b].iter().any(|t| !t.joined) {
            break;
        }
        let words = span_name(toks, a, b - 1);
        if let Some(class) = cx.gaz.title(&words) {
            best = Some((a, class));
        }
    }
    best
}

/// Extend a role leftwards over modifiers; returns the new start.
fn extend_role(cx: &Cx, toks: &[Tok], mut a: usize, lower_only: bool, floor: usize) -> usize {
    while a > floor {
        let p = toks[a - 1];
        if !toks[a].joined || p.poss {
            break;
        }
        let f = fold(p.text);
        let modifier = ROLE_MODIFIERS.contains(&f.as_str()) || cx.gaz.title(p.text).is_some();
        let ok = if lower_only {
            p.lower && modifier
        } else {
            // Capitalised role words: "Farm Minister", "Deputy Prime Minister", but
            // not a country, a nationality or an organization in front.
            p.cap && !p.upper && cx.gaz.lookup(p.text, true, false).is_none() && !cx.gaz.is_org_word(p.text)
        };
        if !ok {
            break;
        }
        a -= 1;
    }
    a
}

/// Does `toks[a..=b]` look like a person's name (not a place or an organization)?
fn name_shaped(cx: &Cx, toks: &[Tok], a: usize, b: usize) -> bool {
    let words = toks[a..=b].iter().filter(|t| !is_particle(t)).count();
    (1..=5).contains(&words)
        && toks[a..=b].iter().all(|t| is_particle(t) || (t.cap && !cx.gaz.is_org_word(t.text)))
        && !toks[a..=b].iter().any(|t| t.upper && t.text.chars().count() > 3 && !t.text.contains('.'))
        && cx.gaz.lookup(&span_name(toks, a, b), true, false).is_none()
}

fn type_span(cx: &Cx, toks: &[Tok], mut a: usize, b: usize, out: &mut Vec<Raw>) {
    // Words capitalised by position only.
    while a <= b && drop_leading(cx, toks, a, b) {
        a += 1;
    }
    if a > b {
        return;
    }
    // A title inside the span: role + person.
    if let Some((ts, te, class)) = find_title(cx, toks, a, b) {
        let rs = if class == TitleClass::Honorific { ts } else { extend_role(cx, toks, ts, false, a) };
        if rs > a {
            type_plain(cx, toks, a, rs - 1, out);
        }
        let mut ps = te;
        // "Secretary of State Antony Blinken": the role runs on to the given name.
        if toks.get(ps).is_some_and(|t| t.lower) {
            let given = (ps..=b).find(|&k| cx.gaz.is_given(toks[k].text) && toks[k].cap);
            ps = given.unwrap_or(b);
        }
        if ps <= b && name_shaped(cx, toks, ps, b) {
            let mut r = raw(cx, toks, ps, b, EntityKind::Person, 3, "title+name");
            if class != TitleClass::Honorific {
                r.role = Some(span_name(toks, rs, ps - 1));
            }
            out.push(r);
        } else if ps <= b {
            type_plain(cx, toks, ps, b, out);
        }
        return;
    }
    // A span that ends in a title names no person: "the U.S. President".
    if let Some((ts, _)) = title_ending_at(cx, toks, b + 1, false, a) {
        let rs = extend_role(cx, toks, ts, false, a);
        if rs > a {
            type_plain(cx, toks, a, rs - 1, out);
        }
        return;
    }
    type_plain(cx, toks, a, b, out);
}

/// A title at `ts..te` inside `a..=b` with a name after it: the rightmost
/// one, so that "EU Farm Commissioner Franz Fischler" splits at "Commissioner".
fn find_title(cx: &Cx, toks: &[Tok], a: usize, b: usize) -> Option<(usize, usize, TitleClass)> {
    if cx.gaz.lookup(&span_name(toks, a, b), true, false).is_some() || cx.gaz.is_org_word(toks[b].text) {
        return None; // "Prince Edward Island", "Foreign Ministry".
    }
    let mut found = None;
    for te in (a + 1)..=b {
        let next = toks[te];
        // A name follows, or "of" does ("Secretary of State Antony Blinken").
        let follows = (next.cap && !cx.gaz.is_org_word(next.text)) || (next.lower && next.text == "of");
        if !follows {
            continue;
        }
        if let Some((ts, class)) = title_ending_at(cx, toks, te, false, a) {
            found = Some((ts, te, class));
        }
    }
    found
}

/// Is the span's first word capitalised only by its position or as a
/// common word ("However", "Officials", "Monday", "The")?
fn drop_leading(cx: &Cx, toks: &[Tok], a: usize, b: usize) -> bool {
    let t = toks[a];
    if cx.gaz.title(t.text).is_some() || cx.gaz.is_given(t.text) && !t.initial {
        return false;
    }
    // "Prime Minister": a word that starts a longer title.
    if (a + 1..=b).any(|e| title_ending_at(cx, toks, e + 1, false, a).is_some_and(|(ts, _)| ts == a)) {
        return false;
    }
    // "North Korea", "New York", "World Bank": a gazetteer name starting here.
    let max = cx.gaz.max_form_words.min(b + 1 - a);
    let after_the = a > 0 && toks[a - 1].text.eq_ignore_ascii_case("the");
    let known = |len: usize| {
        let name = span_name(toks, a, a + len - 1);
        let capitals = toks[a..a + len].iter().all(|t| t.upper) && name.len() > 3;
        let e = cx
            .gaz
            .lookup(&name, true, after_the)
            .or_else(|| if capitals { cx.gaz.lookup(&name, false, after_the) } else { None });
        e.is_some_and(|e| e.class != GazClass::Demonym)
    };
    if (1..=max).any(known) {
        return false;
    }
    if cx.user.is_some_and(|u| u.user_entity(&span_name(toks, a, b)).is_some()) {
        return false;
    }
    let later_org_word = toks[a + 1..=b.min(toks.len() - 1)].iter().any(|x| cx.gaz.is_org_word(x.text));
    if t.text == "The" {
        return true;
    }
    if cx.gaz.is_org_word(t.text) {
        // A lone "Ministry" or "Police" opening a sentence; "Court of Appeal" stays.
        return a == b && t.initial && cx.gaz.is_non_name(t.text);
    }
    if cx.gaz.is_non_name(t.text) {
        // "State Department", "National Security Council": a modifier of an organization.
        return !later_org_word || t.initial;
    }
    if t.initial && !cx.gaz.is_given(t.text) {
        // A first word the article also writes in lower case ("Rescue teams").
        if cx.lower_words.contains(fold(t.text).as_str()) {
            return true;
        }
        // "Notably", "Flooded": adverbs and participles before a name.
        let n = t.text.chars().count();
        if a < b && n > 4 && (t.text.ends_with("ly") || t.text.ends_with("ed") || t.text.ends_with("ing")) {
            return true;
        }
    }
    false
}

/// Type a span that holds no title.
fn type_plain(cx: &Cx, toks: &[Tok], a: usize, b: usize, out: &mut Vec<Raw>) {
    if a > b {
        return;
    }
    let name = span_name(toks, a, b);
    let after_the = a > 0 && toks[a - 1].text.eq_ignore_ascii_case("the");
    let position = toks[a].initial;
    if let Some((i, e)) = cx.user.and_then(|u| u.user_entity(&name)) {
        let mut r = raw(cx, toks, a, b, e.kind, 3, "user");
        r.user = Some(i);
        r.outlet = e.outlet;
        out.push(r);
        return;
    }
    let capitals = toks[a..=b].iter().all(|t| t.upper);
    let found = cx
        .gaz
        .lookup_entry(&name, true, after_the)
        .or_else(|| if capitals && name.len() > 3 { cx.gaz.lookup_entry(&name, false, after_the) } else { None });
    if let Some((gi, e)) = found {
        if e.class == GazClass::Demonym {
            return;
        }
        let idx = Some(gi);
        let rule = match e.class {
            GazClass::Country => "gazetteer/country",
            GazClass::Region => "gazetteer/region",
            GazClass::City => "gazetteer/city",
            _ => "gazetteer/organization",
        };
        let mut r = raw(cx, toks, a, b, e.kind, 3, rule);
        r.gaz = idx;
        r.outlet = e.outlet;
        out.push(r);
        return;
    }
    // A nationality adjective in front: "Russian Sergei Lavrov".
    if a < b
        && cx.gaz.lookup(toks[a].text, true, false).is_some_and(|e| e.class == GazClass::Demonym)
        && !toks[a + 1..=b].iter().any(|t| cx.gaz.is_org_word(t.text))
    {
        type_plain(cx, toks, a + 1, b, out);
        return;
    }
    // "Texas Rangers", "Baltimore Orioles": a place and a plural nickname name a team.
    if a < b && toks[b].text.ends_with('s') && !toks[b].upper && toks[b].text.chars().count() > 3 {
        let place = cx.gaz.lookup(&span_name(toks, a, b - 1), true, false).is_some_and(|e| e.kind == EntityKind::Place);
        let last = toks[b].text;
        let plain =
            cx.gaz.lookup(last, true, false).is_none() && !cx.gaz.is_non_name(last) && !cx.gaz.is_org_word(last);
        // A given name that is also a town ("George") with a person's role before or after the
        // span is a person: "billionaire George Soros", "George Soros, the donor".
        let person_role = cx.gaz.is_given(toks[a].text)
            && (title_ending_at(cx, toks, a, true, 0).is_some_and(|_| toks[a].joined)
                || apposition_role(cx, toks, b).is_some());
        if place && plain && !GEO_WORDS.contains(&last) && !person_role {
            out.push(raw(cx, toks, a, b, EntityKind::Organization, 2, "place+nickname"));
            return;
        }
    }
    // "Golan Heights", "Atlantic Ocean", "Taiwan Strait".
    if a < b && GEO_WORDS.contains(&toks[b].text) && !toks[a..b].iter().any(|t| cx.gaz.is_org_word(t.text)) {
        out.push(raw(cx, toks, a, b, EntityKind::Place, 2, "place-word"));
        return;
    }
    let org_word = toks[a..=b].iter().position(|t| cx.gaz.is_org_word(t.text) && t.cap);
    if let Some(k) = org_word {
        let lone = a == b;
        if lone && (position || !after_the) {
            // A bare "Ministry" or "Court" that no article names in full: not a mention.
            if cx.gaz.is_non_name(toks[a].text) {
                return;
            }
        }
        let mut r = raw(cx, toks, a, b, EntityKind::Organization, if lone { 1 } else { 2 }, "org-word");
        r.outlet = OUTLET_WORDS.contains(&toks[b].text);
        r.org_head = lone;
        let _ = k;
        out.push(r);
        return;
    }
    let words = toks[a..=b].iter().filter(|t| !is_particle(t)).count();
    let first = toks[a];
    let next = toks.get(b + 1);
    let prev = a.checked_sub(1).and_then(|p| toks.get(p));
    let verb_after = next.is_some_and(|t| t.lower && t.joined && REPORT_VERBS.contains(&t.text)) && !toks[b].poss;
    let verb_before = prev.is_some_and(|t| t.lower && toks[a].joined && REPORT_VERBS.contains(&t.text));
    let role_before = title_ending_at(cx, toks, a, true, 0).filter(|_| toks[a].joined);
    let shaped = name_shaped(cx, toks, a, b);
    if shaped && let Some((rs, class)) = role_before {
        let rs = extend_role(cx, toks, rs, true, 0);
        let mut r = raw(cx, toks, a, b, EntityKind::Person, 3, "role+name");
        if class != TitleClass::Honorific {
            r.role = Some(span_name(toks, rs, a - 1));
        }
        r.role = r.role.or_else(|| apposition_role(cx, toks, b));
        out.push(r);
        return;
    }
    let initial_letter = first.text.chars().count() == 2 && first.text.ends_with('.');
    if shaped && words >= 2 && (cx.gaz.is_given(first.text) || initial_letter) {
        let ambiguous = cx.gaz.is_ambiguous_given(first.text);
        let (strength, rule) = if ambiguous { (1, "given-name?") } else { (2, "given-name") };
        if !ambiguous || !cx.gaz.is_non_name(toks[a + 1].text) {
            let mut r = raw(cx, toks, a, b, EntityKind::Person, strength, rule);
            r.role = apposition_role(cx, toks, b);
            out.push(r);
            return;
        }
    }
    // Hyphenated given names: "Marie-Claire Dubois".
    if shaped
        && words >= 2
        && first.text.contains('-')
        && first.text.split('-').next().is_some_and(|p| cx.gaz.is_given(p))
    {
        let mut r = raw(cx, toks, a, b, EntityKind::Person, 2, "given-name");
        r.role = apposition_role(cx, toks, b);
        out.push(r);
        return;
    }
    if shaped && (2..=4).contains(&words) && (verb_after || verb_before) {
        let mut r = raw(cx, toks, a, b, EntityKind::Person, 1, "name+verb");
        r.role = apposition_role(cx, toks, b);
        out.push(r);
        return;
    }
    if shaped
        && (2..=4).contains(&words)
        && let Some(role) = apposition_role(cx, toks, b)
    {
        let mut r = raw(cx, toks, a, b, EntityKind::Person, 2, "name+apposition");
        r.role = Some(role);
        out.push(r);
        return;
    }
    if words == 1 {
        let t = toks[a];
        // "Eastwire reported": a lone name that reports is an outlet.
        if next.is_some_and(|n| n.joined && matches!(n.text, "reported" | "reports")) && !t.poss {
            let mut r = raw(cx, toks, a, b, EntityKind::Organization, 1, "outlet+reported");
            r.outlet = true;
            out.push(r);
            return;
        }
        let mut r = raw(cx, toks, a, b, EntityKind::Other, 0, "capitalised");
        if t.upper && (2..=6).contains(&t.text.chars().count()) && verb_after {
            r.kind = EntityKind::Organization;
            r.strength = 1;
            r.rule = "acronym+verb";
        }
        // "Lavrov said" opening a sentence is a name; "Delegates said" is not.
        // A surname ending in -s is kept through surname linking, not here.
        let plural = t.text.ends_with('s');
        r.initial_only = position && (plural || !verb_after);
        if position && cx.gaz.is_non_name(t.text) {
            return;
        }
        out.push(r);
        return;
    }
    out.push(raw(cx, toks, a, b, EntityKind::Other, 0, "capitalised"));
}

/// "Kafoury's son, Charlie": news introduces a relative by the given name alone after the
/// family member's possessive surname. The lone given name is that relative's full name, so that
/// it stays apart from the relative it hangs on and meets the same person named in full elsewhere.
fn kin_given_names(cx: &Cx, toks: &[Tok], raws: &mut [Raw]) {
    for r in raws.iter_mut() {
        if r.words != 1
            || r.kind == EntityKind::Person && r.strength >= 2
            || r.gaz.is_some() && r.kind != EntityKind::Other
        {
            continue;
        }
        let Some(i) = toks.iter().position(|t| t.start == r.start) else { continue };
        if !cx.gaz.is_given(toks[i].text) || toks[i].poss || i < 2 {
            continue;
        }
        let gap = cx.doc.text.get(toks[i - 1].end..toks[i].start).unwrap_or("");
        if gap.trim() != "," {
            continue;
        }
        // "Kafoury's son", "Kafoury's adult son": the kin word, at most two modifiers before it.
        let kin = i - 1;
        if !crate::lang::lexicon().is_kin(&fold(toks[kin].text)) || !toks[kin].lower {
            continue;
        }
        let Some(owner) = (kin.saturating_sub(3)..kin).rev().find(|&k| toks[k].poss) else { continue };
        if !toks[owner + 1..kin].iter().all(|t| t.lower && t.alpha) {
            continue;
        }
        let o = toks[owner];
        if !o.cap || cx.gaz.lookup(o.text, true, false).is_some() || cx.gaz.is_given(o.text) {
            continue;
        }
        r.name = format!("{} {}", r.name, o.text);
        r.kind = EntityKind::Person;
        r.strength = 2;
        r.words = 2;
        r.rule = "kin+given";
        r.initial_only = false;
        r.gaz = None;
    }
}

/// "August 21", "Jan 31": a month before a day number is a date, not a team and its score.
fn is_month(w: &str) -> bool {
    const MONTHS: [&str; 25] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "jan.",
    ];
    MONTHS.contains(&fold(w).trim_end_matches('.'))
}

/// Kinds that the words around a span decide, in sports results, tables
/// and lists:
/// * in a results or standings line (numbers, no prose), a name followed by
///   a small whole number is a team: "Oxford 5 Southend 0", "Cologne 3 3 0 0"
///   (an organization; a country stays a place, as national teams are named
///   by their country), and so is a name on either side of "v"/"vs";
/// * a line that is only "Name AT Name" is a fixture: the first name is a
///   visiting team (the second is also where the game is played);
/// * "Name Surname (Country)" is a person, as in sports entry lists.
fn context_kinds(cx: &Cx, toks: &[Tok], raws: &mut [Raw]) {
    if raws.is_empty() {
        return;
    }
    let numbers = toks.iter().filter(|t| t.text.starts_with(|c: char| c.is_ascii_digit())).count();
    let prose = toks
        .iter()
        // Ordinals ("70th") are numbers here, not words.
        .filter(|t| t.lower && t.text.starts_with(char::is_alphabetic) && t.text.chars().count() >= 3)
        .any(|t| !matches!(t.text, "and" | "not" | "out" | "pen" | "min" | "aet"));
    let table = numbers >= 2 && !prose;
    let small_int = |t: &Tok| t.text.len() <= 3 && t.text.chars().all(|c| c.is_ascii_digit());
    // A fixtures line, "HOME AT AWAY" or "Away at Home", and nothing else.
    let fixture = raws.len() == 2
        && toks.len() >= 3
        && toks.first().is_some_and(|t| t.start == raws[0].start)
        && toks.last().is_some_and(|t| t.end == raws[1].end)
        && toks.iter().filter(|t| t.text.eq_ignore_ascii_case("at")).count() == 1
        && toks.iter().any(|t| t.text.eq_ignore_ascii_case("at") && t.start >= raws[0].end && t.end <= raws[1].start)
        && toks.iter().filter(|t| t.start >= raws[0].end && t.end <= raws[1].start).count() == 1
        && raws.iter().all(|r| matches!(r.kind, EntityKind::Place | EntityKind::Organization));
    let raws_first_end = raws[0].end;
    for r in raws.iter_mut() {
        let next = toks.partition_point(|t| t.start < r.end);
        let first = toks.partition_point(|t| t.start < r.start);
        let after = toks.get(next);
        let before = first.checked_sub(1).and_then(|i| toks.get(i));
        let versus = |t: Option<&Tok>| t.is_some_and(|t| matches!(t.text, "v" | "vs" | "V" | "VS" | "v." | "vs."));
        let country = r.gaz.and_then(|g| cx.gaz.entries.get(g)).is_some_and(|e| e.class == GazClass::Country);
        let teamable =
            !country && r.kind != EntityKind::Person && r.strength <= 3 && r.user.is_none() && !is_month(&r.name);
        // "Oxford 5", and in cricket "Kent 128-1" (runs for wickets).
        let scored = table && after.is_some_and(|t| (small_int(t) || orgs::is_score(t)) && t.joined);
        let paired = (versus(after) || versus(before)) && (table || numbers == 0 && !prose);
        // In a fixture only the side before "at" is surely a team: the other name is also the venue.
        let visitor = fixture && r.end <= raws_first_end;
        if teamable && (scored || paired || visitor) {
            r.kind = EntityKind::Organization;
            r.strength = 3;
            r.gaz = None;
            r.rule = "table/team";
            r.initial_only = false;
        }
        if r.kind == EntityKind::Other && (1..=4).contains(&r.words) {
            let gap = cx.doc.text.get(r.end..after.map(|t| t.start).unwrap_or(r.end)).unwrap_or("");
            let in_country = gap.trim() == "("
                && after
                    .is_some_and(|t| cx.gaz.lookup(t.text, true, false).is_some_and(|e| e.class == GazClass::Country));
            // "Name (Country) 2 Other Name (Country) 1": clubs in a cup results line.
            // The score must sit between two such names: athletes' times
            // ("(Kenya) 8:17.66") and golf cards ("(Japan) 81 70") do not.
            let score = toks.get(next + 1).filter(|t| small_int(t));
            let closed = |s: &Tok| after.and_then(|c| cx.doc.text.get(c.end..s.start)).is_some_and(|g| g.trim() == ")");
            let name_after = toks.get(next + 2).is_some_and(|t| t.joined && t.cap && t.alpha);
            let score_before = first >= 2
                && toks.get(first - 1).is_some_and(|t| small_int(t) && toks[first].joined)
                && cx.doc.text.get(toks[first - 2].end..toks[first - 1].start).is_some_and(|g| g.trim() == ")");
            if in_country && (score.is_some_and(closed) && name_after || score_before) {
                r.kind = EntityKind::Organization;
                r.strength = 2;
                r.rule = "table/team";
                r.initial_only = false;
            } else if in_country && r.words >= 2 {
                r.kind = EntityKind::Person;
                r.strength = 2;
                r.rule = "name+(country)";
            }
        }
    }
}

/// ", the deputy foreign minister" / ", spokeswoman for ..." after a name.
fn apposition_role(cx: &Cx, toks: &[Tok], b: usize) -> Option<String> {
    let first = b + 1;
    let t = toks.get(first)?;
    let gap = cx.doc.text.get(toks[b].end..t.start)?;
    if gap.trim() != "," {
        return None;
    }
    let mut k = first;
    // Skip "the", "a", "Moldova's": determiners and possessors before the role.
    while let Some(x) = toks.get(k) {
        if k > first && !x.joined {
            return None;
        }
        if matches!(x.text, "the" | "a" | "an") || x.poss {
            k += 1;
            continue;
        }
        break;
    }
    let mut e = k;
    while let Some(x) = toks.get(e) {
        if e > k && !x.joined || e - k >= 5 {
            break;
        }
        e += 1;
        let f = fold(x.text);
        if !ROLE_MODIFIERS.contains(&f.as_str()) && cx.gaz.title(x.text).is_none() {
            break;
        }
    }
    // The longest title ending inside k..e, with its modifiers.
    for end in (k + 1..=e).rev() {
        if let Some((ts, class)) = title_ending_at(cx, toks, end, false, k)
            && class != TitleClass::Honorific
            && toks[ts..end].iter().all(|x| x.lower || cx.gaz.title(x.text).is_some())
        {
            let rs = extend_role(cx, toks, ts, true, k);
            return Some(span_name(toks, rs, end - 1));
        }
    }
    None
}

/// Names the running text established, for headlines: folded form → (kind, strength).
fn known_names(raw: &[Raw], gaz: &Gazetteer) -> HashMap<String, EntityKind> {
    let mut m: HashMap<String, EntityKind> = HashMap::default();
    // A town that a results line made a team is still a town in a dateline.
    let town_team = |r: &Raw| {
        r.kind == EntityKind::Organization
            && (r.rule.starts_with("table/") || r.rule.starts_with("context/"))
            && gaz.lookup(&r.name, false, false).is_some_and(|e| e.kind == EntityKind::Place)
    };
    for r in raw.iter().filter(|r| (r.kind != EntityKind::Other || r.strength > 0) && !town_team(r)) {
        m.entry(fold(&r.name)).or_insert(r.kind);
        if r.kind == EntityKind::Person
            && r.words >= 2
            && let Some(last) = r.name.split(' ').next_back()
        {
            m.entry(fold(last)).or_insert(EntityKind::Person);
        }
    }
    m
}

fn find_in_headline(cx: &Cx, toks: &[Tok], mode: Mode, known: &HashMap<String, EntityKind>, out: &mut Vec<Raw>) {
    let n = toks.len();
    let max = cx.gaz.max_form_words.max(4);
    let mut i = 0;
    while i < n {
        if !toks[i].alpha || !(toks[i].cap || mode == Mode::Capitals && toks[i].upper) {
            i += 1;
            continue;
        }
        let mut hit = None;
        for len in (1..=max.min(n - i)).rev() {
            let b = i + len - 1;
            if toks[i + 1..=b].iter().any(|t| !t.joined) || toks[i..b].iter().any(|t| t.poss) {
                continue;
            }
            let name = span_name(toks, i, b);
            if len == 1 && (cx.gaz.is_non_name(&name) || is_small_word(&name)) {
                continue;
            }
            let after_the = i > 0 && toks[i - 1].text.eq_ignore_ascii_case("the");
            if let Some(&kind) = known.get(&fold(&name)) {
                hit = Some((b, raw(cx, toks, i, b, kind, 2, "headline/known")));
                break;
            }
            if let Some((ui, e)) = cx.user.and_then(|u| u.user_entity(&name)) {
                let mut r = raw(cx, toks, i, b, e.kind, 3, "user");
                r.user = Some(ui);
                r.outlet = e.outlet;
                hit = Some((b, r));
                break;
            }
            if let Some((gi, e)) = cx.gaz.lookup_entry(&name, mode == Mode::TitleCase, after_the) {
                if e.class == GazClass::Demonym {
                    hit =
                        Some((b, Raw { kind: EntityKind::Other, strength: 255, ..raw(cx, toks, i, b, e.kind, 0, "") }));
                    break;
                }
                let mut r = raw(cx, toks, i, b, e.kind, 3, "headline/gazetteer");
                r.gaz = Some(gi);
                r.outlet = e.outlet;
                hit = Some((b, r));
                break;
            }
        }
        // Title case hides nothing about people: "J. Russell", "Corey Pavin".
        if hit.is_none() && mode == Mode::TitleCase {
            hit = titlecase_person(cx, toks, i);
        }
        match hit {
            Some((b, r)) => {
                if r.strength != 255 {
                    out.push(r);
                }
                i = b + 1;
            }
            None => i += 1,
        }
    }
}

/// A person name in a title-case line: an initial or a given name, then
/// a capitalised word that is no common word.
fn titlecase_person(cx: &Cx, toks: &[Tok], i: usize) -> Option<(usize, Raw)> {
    let t = toks.get(i)?;
    let initial = t.text.chars().count() == 2 && t.text.ends_with('.') && t.cap;
    let given = cx.gaz.is_given(t.text) && !cx.gaz.is_ambiguous_given(t.text) && !t.upper;
    if !initial && !given {
        return None;
    }
    let word_ok = |x: &Tok| {
        x.joined
            && x.cap
            && !x.upper
            && x.alpha
            && !cx.gaz.is_non_name(x.text)
            && !cx.gaz.is_org_word(x.text)
            && cx.gaz.title(x.text).is_none()
            && cx.gaz.lookup(x.text, true, false).is_none()
    };
    // One word only: in title case the next capitalised word may be a verb.
    if t.poss || !toks.get(i + 1).is_some_and(word_ok) {
        return None;
    }
    Some((i + 1, raw(cx, toks, i, i + 1, EntityKind::Person, 2, "headline/name")))
}

// ------------------------------------------------------------------ clustering

fn kind_rank(k: EntityKind) -> u8 {
    match k {
        EntityKind::Person => 3,
        EntityKind::Organization => 2,
        EntityKind::Place => 1,
        EntityKind::Other => 0,
    }
}

struct Cluster {
    kind: EntityKind,
    strength: u8,
    outlet: bool,
    roles: Vec<String>,
    gaz: Option<usize>,
    user: Option<usize>,
    /// Names of its mentions, fullest first when chosen.
    names: Vec<String>,
    first: usize,
}

fn cluster(doc: &Doc, gaz: &Gazetteer, raw: Vec<Raw>) -> (Vec<LocalEntity>, Vec<Mention>) {
    // Surname index: last word of person names → (raw index of the full name).
    let mut surnames: HashMap<String, Vec<usize>> = HashMap::default();
    for (i, r) in raw.iter().enumerate() {
        if r.kind == EntityKind::Person
            && r.words >= 2
            && r.strength >= 1
            && let Some(last) = surname_of(&r.name)
        {
            surnames.entry(fold(last)).or_default().push(i);
        }
    }
    let mut clusters: Vec<Cluster> = Vec::new();
    let mut by_key: HashMap<String, usize> = HashMap::default();
    let mut assign: Vec<Option<usize>> = vec![None; raw.len()];
    // Mentions that joined by a link rule rather than by their own evidence.
    let mut linked: Vec<Option<&'static str>> = vec![None; raw.len()];
    let is_lone = |r: &Raw| {
        r.words == 1
            && r.user.is_none()
            && match r.gaz.and_then(|g| gaz.entries.get(g)) {
                None => true,
                // A city or region that is also the surname of someone named here.
                Some(e) => e.class != GazClass::Country && surnames.contains_key(&fold(&r.name)),
            }
    };
    // Pass 1: full names, gazetteer and multi-word names make clusters.
    for (i, r) in raw.iter().enumerate() {
        if is_lone(r) {
            continue;
        }
        let key = cluster_key(r);
        let c = match by_key
            .get(&key)
            .copied()
            .or_else(|| (r.kind == EntityKind::Person).then(|| by_key.get(&first_last(&r.name)).copied()).flatten())
        {
            Some(c) => c,
            None => {
                clusters.push(new_cluster(r));
                by_key.insert(key, clusters.len() - 1);
                clusters.len() - 1
            }
        };
        if r.kind == EntityKind::Person && r.words >= 2 {
            // "George W. Bush" and "George Bush": same first and last word.
            by_key.entry(first_last(&r.name)).or_insert(c);
        }
        if let Some(cl) = clusters.get_mut(c)
            && !cl.names.contains(&r.name)
        {
            cl.names.push(r.name.clone());
        }
        assign[i] = Some(c);
    }
    // Acronyms of organizations ("EU" for "European Union").
    let mut acronyms: HashMap<String, Vec<usize>> = HashMap::default();
    for (i, r) in raw.iter().enumerate() {
        let Some(c) = assign[i] else { continue };
        if r.kind == EntityKind::Organization && r.words >= 2 {
            let acr: String = r.name.split(' ').filter_map(|w| w.chars().next()).filter(|c| c.is_uppercase()).collect();
            if acr.chars().count() >= 2 {
                let v = acronyms.entry(acr).or_default();
                if !v.contains(&c) {
                    v.push(c);
                }
            }
        }
    }
    // Pass 2: lone words link to what the article named in full. Words at a
    // sentence start come last, so that a mid-sentence use can vouch for them.
    let mut lone: Vec<usize> = (0..raw.len()).filter(|&i| assign[i].is_none()).collect();
    lone.sort_by_key(|&i| (raw[i].initial_only, raw[i].start));
    for i in lone {
        let r = &raw[i];
        let f = fold(&r.name);
        let mut target = None;
        if let Some(cands) = surnames.get(&f) {
            target = surname_target(doc, &raw, cands, &assign, r.start);
            if target.is_some() {
                linked[i] = Some("surname");
            }
        }
        if target.is_none()
            && r.name.chars().count() >= 2
            && r.name.chars().all(|c| c.is_uppercase())
            && let Some(cands) = acronyms.get(&r.name).filter(|v| v.len() == 1)
        {
            target = Some(cands[0]);
            linked[i] = Some("acronym");
        }
        if target.is_none() && r.org_head {
            // "the Commission" after "the European Commission".
            target = clusters
                .iter()
                .enumerate()
                .filter(|(_, c)| c.kind == EntityKind::Organization && c.first < r.start)
                .filter(|(_, c)| {
                    c.names.iter().any(|n| n.contains(' ') && n.split(' ').next_back() == Some(r.name.as_str()))
                })
                .max_by_key(|(_, c)| c.first)
                .map(|(k, _)| k);
            if target.is_some() {
                linked[i] = Some("org-head");
            }
        }
        if target.is_none() {
            target = by_key.get(&cluster_key(r)).copied();
        }
        if target.is_none() && r.initial_only {
            continue; // A lone capitalised first word nothing else supports.
        }
        let c = match target {
            Some(c) => c,
            None => {
                clusters.push(new_cluster(r));
                by_key.insert(cluster_key(r), clusters.len() - 1);
                clusters.len() - 1
            }
        };
        if let Some(cl) = clusters.get_mut(c) {
            // Names are collected in pass 1 for clusters made there; org-head links need them now.
            if !cl.names.contains(&r.name) && linked[i].is_none() {
                cl.names.push(r.name.clone());
            }
        }
        assign[i] = Some(c);
    }
    // Gather evidence: kinds vote by strength; linked mentions do not vote.
    for (i, r) in raw.iter().enumerate() {
        let Some(c) = assign[i] else { continue };
        let Some(cl) = clusters.get_mut(c) else { continue };
        if !cl.names.contains(&r.name) {
            cl.names.push(r.name.clone());
        }
        if let Some(role) = &r.role
            && !cl.roles.iter().any(|x| fold(x) == fold(role))
        {
            cl.roles.push(role.clone());
        }
        cl.first = cl.first.min(r.start);
        if linked[i].is_some() {
            continue;
        }
        cl.outlet |= r.outlet;
        if cl.gaz.is_none() && r.gaz.is_some() {
            cl.gaz = r.gaz;
        }
        if (r.strength, kind_rank(r.kind)) > (cl.strength, kind_rank(cl.kind)) {
            cl.kind = r.kind;
            cl.strength = r.strength;
        }
    }
    let mut order: Vec<usize> = (0..clusters.len()).collect();
    order.sort_by_key(|&c| clusters[c].first);
    let mut new_index = vec![0usize; clusters.len()];
    for (n, &c) in order.iter().enumerate() {
        new_index[c] = n;
    }
    let entities: Vec<LocalEntity> = order
        .iter()
        .map(|&c| {
            let cl = &clusters[c];
            // The fullest form: most words, then longest, then alphabetical.
            let name = cl
                .names
                .iter()
                .max_by_key(|n| (n.split(' ').count(), n.len(), std::cmp::Reverse((*n).clone())))
                .cloned()
                .unwrap_or_default();
            let g = cl.gaz.and_then(|g| gaz.entries.get(g)).filter(|e| e.kind == cl.kind);
            let key = g.map(|e| e.key.clone()).or_else(|| cl.user.map(|u| format!("user:{u}")));
            let outlet = cl.outlet && cl.kind == EntityKind::Organization;
            let roles = if cl.kind == EntityKind::Person { cl.roles.clone() } else { Vec::new() };
            LocalEntity { name, kind: cl.kind, outlet, roles, gazetteer: key }
        })
        .collect();
    let mentions: Vec<Mention> = raw
        .iter()
        .enumerate()
        .filter_map(|(i, r)| {
            let local = new_index[assign[i]?];
            let kind = entities.get(local).map(|e| e.kind).unwrap_or(r.kind);
            let text = doc.text.get(r.start..r.end)?.to_string();
            let rule = linked[i].unwrap_or(r.rule);
            Some(Mention { start: r.start, end: r.end, text, kind, local, rule: rule.to_string() })
        })
        .collect();
    (entities, mentions)
}

/// The person a bare surname at `at` stands for, among the full names `cands` (raw indices) that
/// end with it. One candidate: that one, wherever it is named. Several (relatives, namesakes): the
/// one named in full most recently when that was in the same paragraph, since a writer who just
/// named one of them means that one; otherwise the one introduced first, the story's own bearer
/// of the name ("Madeline Kafoury ... her son Charlie Kafoury ... Kafoury was shot"). None when
/// several exist and none came before.
fn surname_target(doc: &Doc, raw: &[Raw], cands: &[usize], assign: &[Option<usize>], at: usize) -> Option<usize> {
    let mut firsts: Vec<(usize, usize)> = cands.iter().filter_map(|&k| assign[k].map(|c| (c, raw[k].start))).collect();
    firsts.sort();
    firsts.dedup_by_key(|x| x.0);
    if firsts.len() == 1 {
        return Some(firsts[0].0);
    }
    let latest = cands
        .iter()
        .filter(|&&k| raw[k].start < at)
        .filter_map(|&k| assign[k].map(|c| (c, raw[k].start)))
        .max_by_key(|&(_, pos)| pos)?;
    if block_of(doc, latest.1) == block_of(doc, at) {
        return Some(latest.0);
    }
    firsts.iter().filter(|&&(_, pos)| pos < at).min_by_key(|&&(_, pos)| pos).map(|&(c, _)| c)
}

/// Index of the block holding byte `pos` (blocks are in text order).
fn block_of(doc: &Doc, pos: usize) -> usize {
    doc.blocks.partition_point(|b| b.start <= pos)
}

fn new_cluster(r: &Raw) -> Cluster {
    Cluster {
        kind: r.kind,
        strength: r.strength,
        outlet: r.outlet,
        roles: Vec::new(),
        gaz: r.gaz,
        user: r.user,
        names: Vec::new(),
        first: r.start,
    }
}

fn cluster_key(r: &Raw) -> String {
    if let Some(u) = r.user {
        return format!("u:{u}");
    }
    if let Some(g) = r.gaz {
        return format!("g:{g}");
    }
    match r.kind {
        EntityKind::Person if r.words >= 2 => format!("p:{}", fold(&r.name)),
        _ => format!("n:{}", fold(&r.name)),
    }
}

fn first_last(name: &str) -> String {
    let first = name.split(' ').next().unwrap_or("");
    format!("p:{} {}", fold(first), fold(surname_of(name).unwrap_or("")))
}

/// The surname of a full name: its last word, skipping "Jr." and numerals.
pub(crate) fn surname_of(name: &str) -> Option<&str> {
    name.split(' ').rev().find(|w| !matches!(*w, "Jr." | "Jr" | "Sr." | "Sr" | "II" | "III" | "IV"))
}

// ------------------------------------------------------------------ nominal mentions

/// "the minister", "the spokeswoman": a mention of the one person the article
/// gave that role before.
fn nominal_mentions(
    doc: &Doc,
    gaz: &Gazetteer,
    sents: &[Sent],
    entities: &mut [LocalEntity],
    mentions: &mut Vec<Mention>,
) {
    // Role head word → persons with the position of their first mention.
    let mut heads: HashMap<String, Vec<(usize, usize)>> = HashMap::default();
    for m in mentions.iter() {
        let Some(e) = entities.get(m.local) else { continue };
        if e.kind != EntityKind::Person {
            continue;
        }
        for role in &e.roles {
            if let Some(h) = role.split(' ').next_back() {
                let v = heads.entry(fold(h)).or_default();
                if !v.iter().any(|&(l, _)| l == m.local) {
                    v.push((m.local, m.start));
                }
            }
        }
    }
    if heads.is_empty() {
        return;
    }
    let ends: HashSet<usize> = mentions.iter().filter(|m| m.kind == EntityKind::Person).map(|m| m.end).collect();
    let mut add = Vec::new();
    for s in sents {
        let t = &s.toks;
        for i in 0..t.len() {
            if !t[i].text.eq_ignore_ascii_case("the") {
                continue;
            }
            // "the [modifiers] minister", not followed by a name.
            let mut k = i + 1;
            while let Some(x) = t.get(k) {
                if !x.joined || !ROLE_MODIFIERS.contains(&fold(x.text).as_str()) {
                    break;
                }
                k += 1;
            }
            let Some(h) = t.get(k) else { continue };
            if !h.joined || gaz.title(h.text).is_none() {
                continue;
            }
            if t.get(k + 1).is_some_and(|x| x.joined && (x.cap || x.text == "of" || x.text == "for")) {
                continue;
            }
            // "Aleksandr Hrytsenko, the emergency minister": the apposition that gave the role.
            if i > 0
                && ends.contains(&t[i - 1].end)
                && doc.text.get(t[i - 1].end..t[i].start).is_some_and(|g| g.trim() == ",")
            {
                continue;
            }
            let Some(cands) = heads.get(&fold(h.text)) else { continue };
            let before: Vec<&(usize, usize)> = cands.iter().filter(|&&(_, pos)| pos < t[i].start).collect();
            if before.len() != 1 {
                continue;
            }
            let (start, end) = (t[i].start, h.end);
            let Some(text) = doc.text.get(start..end) else { continue };
            add.push(Mention {
                start,
                end,
                text: text.to_string(),
                kind: EntityKind::Person,
                local: before[0].0,
                rule: "nominal/role".to_string(),
            });
        }
    }
    mentions.extend(add);
}

mod orgs;
#[cfg(test)]
pub(crate) mod tests;

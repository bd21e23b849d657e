//! Step 1 of the module's recipe and the start of step 2: the capitalised
//! runs of a sentence, and the titles and leading words that cut them before
//! they are typed. Apart from the typing rules so that where a name begins
//! and ends can be read on its own.

use super::Rule;
use super::typing::type_plain;
use super::{Cx, Raw, Tok, is_name_word, is_particle};
use crate::gazetteer::{GazClass, TitleClass, fold};
use crate::lang::{Class, is};
use crate::model::EntityKind;

/// Collect the capitalised runs of a normal sentence and type them.
pub(super) fn find_in_sentence(cx: &Cx, toks: &[Tok], out: &mut Vec<Raw>) {
    let n = toks.len();
    let mut i = 0;
    while i < n {
        let t = toks[i];
        if t.handle {
            out.push(raw(cx, toks, i, i, EntityKind::Other, 1, Rule::Handle));
            i += 1;
            continue;
        }
        if !is_name_word(&t) {
            i += 1;
            continue;
        }
        let mut last = i;
        let mut j = i + 1;
        // Inside the "of" part of an organization's name ("Department of Health"), where "and"
        // joins too: "Department of Health and Social Care".
        let mut complement = false;
        while j < n && !toks[j - 1].poss && toks[j].joined {
            if is_name_word(&toks[j]) {
                last = j;
                j += 1;
                continue;
            }
            if complement && and_continues(cx, toks, j) {
                last = j + 1;
                j += 2;
                complement = false;
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
            if let Some(p) = connector_continues(cx, toks, j) {
                complement = cx.gaz.is_org_word(toks[j - 1].text) && toks[j].text != "on";
                last = p;
                j = p + 1;
                continue;
            }
            break;
        }
        type_span(cx, toks, i, last, out);
        i = last + 1;
    }
}

/// "of"/"for"/"on" (+ "the") at `toks[j]` after a head word (an organization word, a place word,
/// a title) goes on with the name word after it: that word's index.
fn connector_continues(cx: &Cx, toks: &[Tok], j: usize) -> Option<usize> {
    let n = toks.len();
    let (c, head) = (toks[j], toks[j - 1]);
    let head_ok = cx.gaz.is_org_word(head.text)
        || is(Class::PlaceOfWord, head.text)
        || (c.text != "and" && cx.gaz.title(head.text).is_some());
    if !c.lower || !is(Class::EntityConnector, c.text) || !head_ok || c.text == "and" {
        return None;
    }
    let mut p = j + 1;
    if toks.get(p).is_some_and(|x| x.text == "the" && x.joined) {
        p += 1;
    }
    // "Council of Europe", "Bank of New Zealand": a common word after
    // the connector only when it starts a gazetteer name.
    let starts_gaz = |p: usize| {
        (p..(p + 3).min(n))
            .any(|e| cx.gaz.lookup(&span_name(toks, p, e), true, false).is_some_and(|g| g.kind == EntityKind::Place))
    };
    // After an organization word a common noun goes on with the name too: "Ministry
    // of Health", "Department of Justice"; not a day, a month or a function word.
    let common_noun = |x: &Tok| {
        let f = fold(x.text);
        cx.gaz.is_org_word(head.text)
            && crate::lang::month(&f).is_none()
            && crate::lang::weekday(&f).is_none()
            && !crate::lang::lexicon().is_stopword(&f)
    };
    toks.get(p)
        .is_some_and(|x| {
            is_name_word(x) && x.joined && (!cx.gaz.is_non_name(x.text) || starts_gaz(p) || common_noun(x))
        })
        .then_some(p)
}

/// "and" at `toks[j]` inside the "of" part of an organization's name goes on with the name when a
/// common capitalised word follows ("Ministry of Trade and Industry"), not a name of its own: no
/// given name, acronym or gazetteer name ("Bank of Ervland and Zorvia", "Ministry of Defence and
/// NATO" are two names).
fn and_continues(cx: &Cx, toks: &[Tok], j: usize) -> bool {
    let (Some(c), Some(x)) = (toks.get(j), toks.get(j + 1)) else { return false };
    if c.text != "and" || !x.joined || !is_name_word(x) || x.upper {
        return false;
    }
    if cx.gaz.is_given(x.text) || cx.gaz.title(x.text).is_some() {
        return false;
    }
    // A name of its own shows up elsewhere in the article without the "and" ("Tarnell said").
    if cx.lower_words.contains(fold(x.text).as_str()) {
        return true;
    }
    let text = cx.doc.text;
    let alone = text.match_indices(x.text).any(|(at, w)| {
        let before = text.get(..at).unwrap_or("");
        let after = text.get(at + w.len()..).unwrap_or("");
        let bounded =
            !before.ends_with(char::is_alphanumeric) && !after.starts_with(|c: char| c.is_alphanumeric() || c == '-');
        bounded && !before.trim_end().ends_with(" and")
    });
    if alone {
        return false;
    }
    let n = toks.len();
    !(j + 1..(j + 4).min(n)).any(|e| cx.gaz.lookup(&span_name(toks, j + 1, e), true, false).is_some())
}

pub(super) fn span_name(toks: &[Tok], a: usize, b: usize) -> String {
    toks[a..=b].iter().map(|t| t.text).collect::<Vec<_>>().join(" ")
}

pub(super) fn raw(cx: &Cx, toks: &[Tok], a: usize, b: usize, kind: EntityKind, strength: u8, rule: Rule) -> Raw {
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
pub(super) fn title_ending_at(
    cx: &Cx,
    toks: &[Tok],
    b: usize,
    lower_only: bool,
    floor: usize,
) -> Option<(usize, TitleClass)> {
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
pub(super) fn extend_role(cx: &Cx, toks: &[Tok], mut a: usize, lower_only: bool, floor: usize) -> usize {
    while a > floor {
        let p = toks[a - 1];
        if !toks[a].joined || p.poss {
            break;
        }
        let f = fold(p.text);
        let modifier = is(Class::RoleModifier, f.as_str()) || cx.gaz.title(p.text).is_some();
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
pub(super) fn name_shaped(cx: &Cx, toks: &[Tok], a: usize, b: usize) -> bool {
    let words = toks[a..=b].iter().filter(|t| !is_particle(t)).count();
    (1..=5).contains(&words)
        && toks[a..=b].iter().all(|t| is_particle(t) || (t.cap && !cx.gaz.is_org_word(t.text)))
        && !toks[a..=b].iter().any(|t| t.upper && t.text.chars().count() > 3 && !t.text.contains('.'))
        && cx.gaz.lookup(&span_name(toks, a, b), true, false).is_none()
}

pub(super) fn type_span(cx: &Cx, toks: &[Tok], mut a: usize, b: usize, out: &mut Vec<Raw>) {
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
            let mut r = raw(cx, toks, ps, b, EntityKind::Person, 3, Rule::TitleName);
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
pub(super) fn find_title(cx: &Cx, toks: &[Tok], a: usize, b: usize) -> Option<(usize, usize, TitleClass)> {
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
pub(super) fn drop_leading(cx: &Cx, toks: &[Tok], a: usize, b: usize) -> bool {
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

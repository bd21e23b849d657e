//! Names in headlines and other capitalised lines, where capitals say
//! nothing: only gazetteer forms and names the running text established.
//! Apart because these lines must never add a name of their own.

use super::Rule;
use super::candidates::{raw, span_name};
use super::rules::Family;
use super::{Cx, Mode, Raw, Tok, is_small_word};
use crate::gazetteer::{GazClass, Gazetteer, fold};
use crate::lang::{Class, is};
use crate::model::EntityKind;
use rustc_hash::FxHashMap as HashMap;

/// Names the running text established, for headlines: folded form → (kind, strength).
pub(super) fn known_names(raw: &[Raw], gaz: &Gazetteer) -> HashMap<String, EntityKind> {
    let mut m: HashMap<String, EntityKind> = HashMap::default();
    // A town that a results line made a team is still a town in a dateline.
    let town_team = |r: &Raw| {
        r.kind == EntityKind::Organization
            && (r.rule.family() == Family::Table || r.rule.family() == Family::Context)
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

pub(super) fn find_in_headline(
    cx: &Cx,
    toks: &[Tok],
    mode: Mode,
    known: &HashMap<String, EntityKind>,
    out: &mut Vec<Raw>,
) {
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
                hit = Some((b, raw(cx, toks, i, b, kind, 2, Rule::HeadlineKnown)));
                break;
            }
            if let Some((ui, e)) = cx.user.and_then(|u| u.user_entity(&name)) {
                let mut r = raw(cx, toks, i, b, e.kind, 3, Rule::User);
                r.user = Some(ui);
                r.outlet = e.outlet;
                hit = Some((b, r));
                break;
            }
            if let Some((gi, e)) = cx.gaz.lookup_entry(&name, mode == Mode::TitleCase, after_the) {
                if e.class == GazClass::Demonym {
                    hit = Some((
                        b,
                        Raw { kind: EntityKind::Other, strength: 255, ..raw(cx, toks, i, b, e.kind, 0, Rule::Blocked) },
                    ));
                    break;
                }
                let mut r = raw(cx, toks, i, b, e.kind, 3, Rule::HeadlineGazetteer);
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
pub(super) fn titlecase_person(cx: &Cx, toks: &[Tok], i: usize) -> Option<(usize, Raw)> {
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
    Some((i + 1, raw(cx, toks, i, i + 1, EntityKind::Person, 2, Rule::HeadlineName)))
}

/// A dateline on a line of its own, "PLACE, Region 2024-05-01": each comma-separated part
/// before the date is a place, found in the gazetteer or not ("SMALLTOWN, Ala." — the period
/// of an abbreviated region is part of its name). A gazetteer organization stays one: a
/// dateline "UNITED NATIONS" names the body's seat by the body. Nothing else on the line is a name.
pub(super) fn dateline_places(cx: &Cx, toks: &[Tok], out: &mut Vec<Raw>) {
    let end =
        toks.iter().position(|t| !t.alpha || t.text.starts_with(|c: char| c.is_ascii_digit())).unwrap_or(toks.len());
    let mut a = 0;
    while a < end {
        let mut b = a;
        while b + 1 < end && toks[b + 1].joined {
            b += 1;
        }
        let name = span_name(toks, a, b);
        if toks[a].cap && !is(Class::NotDatelinePlace, name.as_str()) {
            let mut r = raw(cx, toks, a, b, EntityKind::Place, 2, Rule::DatelinePlace);
            if cx.doc.text.get(r.end..r.end + 1) == Some(".") && !toks[b].text.ends_with('.') {
                r.end += 1;
                r.name.push('.');
            }
            let found = cx.gaz.lookup_entry(&name, false, false).or_else(|| cx.gaz.lookup_entry(&r.name, false, false));
            if let Some((gi, e)) = found.filter(|(_, e)| e.class != GazClass::Demonym) {
                r.gaz = Some(gi);
                r.strength = 3;
                r.kind = e.kind;
                r.outlet = e.outlet;
            }
            out.push(r);
        }
        a = b + 1;
    }
}

//! Step 2, typing a span with no title in it, and the retyping by the words
//! around it (results lines, fixtures, kin, appositions): the rules that
//! change most often, kept together so their order stays visible.

use super::Rule;
use super::candidates::{extend_role, name_shaped, raw, span_name, title_ending_at};
use super::{Cx, Raw, Tok, is_particle, orgs};
use crate::gazetteer::{GazClass, TitleClass, fold};
use crate::lang::{Class, is};
use crate::model::EntityKind;

/// What a typing rule decides for a span: `None` when it does not apply,
/// `Some(None)` when the span is no mention, `Some(Some(r))` the mention.
type Decision = Option<Option<Raw>>;

/// Type a span that holds no title: the user's entities and the gazetteer
/// first, then a nationality in front, the words of the span, a person's
/// shape, a lone word, else an unclear capitalised name.
pub(super) fn type_plain(cx: &Cx, toks: &[Tok], a: usize, b: usize, out: &mut Vec<Raw>) {
    if a > b {
        return;
    }
    let name = span_name(toks, a, b);
    let after_the = a > 0 && toks[a - 1].text.eq_ignore_ascii_case("the");
    let decided = typed_by_lists(cx, toks, a, b, &name, after_the);
    // A nationality adjective in front: "Russian Sergei Lavrov".
    if decided.is_none()
        && a < b
        && cx.gaz.lookup(toks[a].text, true, false).is_some_and(|e| e.class == GazClass::Demonym)
        && !toks[a + 1..=b].iter().any(|t| cx.gaz.is_org_word(t.text))
    {
        type_plain(cx, toks, a + 1, b, out);
        return;
    }
    let decided = decided
        .or_else(|| typed_by_words(cx, toks, a, b, after_the))
        .or_else(|| typed_as_person(cx, toks, a, b))
        .or_else(|| typed_lone_word(cx, toks, a, b))
        .unwrap_or_else(|| Some(raw(cx, toks, a, b, EntityKind::Other, 0, Rule::Capitalised)));
    out.extend(decided);
}

/// The user's entities, then the gazetteer (a demonym alone is no mention).
fn typed_by_lists(cx: &Cx, toks: &[Tok], a: usize, b: usize, name: &str, after_the: bool) -> Decision {
    if let Some((i, e)) = cx.user.and_then(|u| u.user_entity(name)) {
        let mut r = raw(cx, toks, a, b, e.kind, 3, Rule::User);
        r.user = Some(i);
        r.outlet = e.outlet;
        return Some(Some(r));
    }
    let capitals = toks[a..=b].iter().all(|t| t.upper);
    let (gi, e) = cx
        .gaz
        .lookup_entry(name, true, after_the)
        .or_else(|| if capitals && name.len() > 3 { cx.gaz.lookup_entry(name, false, after_the) } else { None })?;
    if e.class == GazClass::Demonym {
        return Some(None);
    }
    let rule = match e.class {
        GazClass::Country => Rule::GazetteerCountry,
        GazClass::Region => Rule::GazetteerRegion,
        GazClass::City => Rule::GazetteerCity,
        _ => Rule::GazetteerOrganization,
    };
    let mut r = raw(cx, toks, a, b, e.kind, 3, rule);
    r.gaz = Some(gi);
    r.outlet = e.outlet;
    Some(Some(r))
}

/// The words of the span: a place and a plural nickname ("Texas Rangers"),
/// a geographic word ("Golan Heights"), an organization word.
fn typed_by_words(cx: &Cx, toks: &[Tok], a: usize, b: usize, after_the: bool) -> Decision {
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
        if place && plain && !is(Class::GeoWord, last) && !person_role {
            return Some(Some(raw(cx, toks, a, b, EntityKind::Organization, 2, Rule::PlaceNickname)));
        }
    }
    // "Golan Heights", "Atlantic Ocean", "Taiwan Strait".
    if a < b && is(Class::GeoWord, toks[b].text) && !toks[a..b].iter().any(|t| cx.gaz.is_org_word(t.text)) {
        return Some(Some(raw(cx, toks, a, b, EntityKind::Place, 2, Rule::PlaceWord)));
    }
    toks[a..=b].iter().position(|t| cx.gaz.is_org_word(t.text) && t.cap)?;
    let position = toks[a].initial;
    let lone = a == b;
    // A bare "Ministry" or "Court" that no article names in full: not a mention.
    if lone && (position || !after_the) && cx.gaz.is_non_name(toks[a].text) {
        return Some(None);
    }
    let mut r = raw(cx, toks, a, b, EntityKind::Organization, if lone { 1 } else { 2 }, Rule::OrgWord);
    r.outlet = is(Class::OutletWord, toks[b].text);
    r.org_head = lone;
    // "Division two", "Group sales": a lone organization word capitalised only by its place at
    // the start of a line or sentence is a mention only when linked to a name (cluster.rs).
    r.initial_only = lone && position;
    Some(Some(r))
}

/// A reporting verb right after the span ("Lavrov said"), not after a possessive.
fn verb_after(toks: &[Tok], b: usize) -> bool {
    toks.get(b + 1).is_some_and(|t| t.lower && t.joined && is(Class::EntityReportVerb, t.text)) && !toks[b].poss
}

/// A person's shape: a role before the name, a given name or an initial, a
/// hyphenated given name, a reporting verb beside it, an apposition role.
fn typed_as_person(cx: &Cx, toks: &[Tok], a: usize, b: usize) -> Decision {
    if !name_shaped(cx, toks, a, b) {
        return None;
    }
    let words = toks[a..=b].iter().filter(|t| !is_particle(t)).count();
    let first = toks[a];
    let person = |strength: u8, rule: Rule, role: Option<String>| {
        let mut r = raw(cx, toks, a, b, EntityKind::Person, strength, rule);
        r.role = role;
        Some(Some(r))
    };
    if let Some((rs, class)) = title_ending_at(cx, toks, a, true, 0).filter(|_| toks[a].joined) {
        let rs = extend_role(cx, toks, rs, true, 0);
        let role = (class != TitleClass::Honorific).then(|| span_name(toks, rs, a - 1));
        return person(3, Rule::RoleName, role.or_else(|| apposition_role(cx, toks, b)));
    }
    let initial_letter = first.text.chars().count() == 2 && first.text.ends_with('.');
    if words >= 2 && (cx.gaz.is_given(first.text) || initial_letter) {
        let ambiguous = cx.gaz.is_ambiguous_given(first.text);
        let (strength, rule) = if ambiguous { (1, Rule::GivenNameAmbiguous) } else { (2, Rule::GivenName) };
        if !ambiguous || !cx.gaz.is_non_name(toks[a + 1].text) {
            return person(strength, rule, apposition_role(cx, toks, b));
        }
    }
    // Hyphenated given names: "Marie-Claire Dubois".
    if words >= 2 && first.text.contains('-') && first.text.split('-').next().is_some_and(|p| cx.gaz.is_given(p)) {
        return person(2, Rule::GivenName, apposition_role(cx, toks, b));
    }
    let prev = a.checked_sub(1).and_then(|p| toks.get(p));
    let verb_before = prev.is_some_and(|t| t.lower && toks[a].joined && is(Class::EntityReportVerb, t.text));
    if (2..=4).contains(&words) && (verb_after(toks, b) || verb_before) {
        return person(1, Rule::NameVerb, apposition_role(cx, toks, b));
    }
    if (2..=4).contains(&words)
        && let Some(role) = apposition_role(cx, toks, b)
    {
        return person(2, Rule::NameApposition, Some(role));
    }
    None
}

/// A lone word: an outlet that reports ("Eastwire reported"), an acronym
/// with a reporting verb, else an unclear name (at a sentence start, one
/// that only a link may confirm).
fn typed_lone_word(cx: &Cx, toks: &[Tok], a: usize, b: usize) -> Decision {
    if toks[a..=b].iter().filter(|t| !is_particle(t)).count() != 1 {
        return None;
    }
    let t = toks[a];
    let next = toks.get(b + 1);
    // "Eastwire reported": a lone name that reports is an outlet.
    if next.is_some_and(|n| n.joined && matches!(n.text, "reported" | "reports")) && !t.poss {
        let mut r = raw(cx, toks, a, b, EntityKind::Organization, 1, Rule::OutletReported);
        r.outlet = true;
        return Some(Some(r));
    }
    let verb_after = verb_after(toks, b);
    let mut r = raw(cx, toks, a, b, EntityKind::Other, 0, Rule::Capitalised);
    if t.upper && (2..=6).contains(&t.text.chars().count()) && verb_after {
        r.kind = EntityKind::Organization;
        r.strength = 1;
        r.rule = Rule::AcronymVerb;
    }
    // "Lavrov said" opening a sentence is a name; "Delegates said" is not.
    // A surname ending in -s is kept through surname linking, not here.
    let position = t.initial;
    let plural = t.text.ends_with('s');
    r.initial_only = position && (plural || !verb_after);
    if position && cx.gaz.is_non_name(t.text) {
        return Some(None);
    }
    Some(Some(r))
}

/// "Kafoury's son, Charlie": news introduces a relative by the given name alone after the
/// family member's possessive surname. The lone given name is that relative's full name, so that
/// it stays apart from the relative it hangs on and meets the same person named in full elsewhere.
pub(super) fn kin_given_names(cx: &Cx, toks: &[Tok], raws: &mut [Raw]) {
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
        r.rule = Rule::KinGiven;
        r.initial_only = false;
        r.gaz = None;
    }
}

/// "August 21", "Jan 31": a month before a day number is a date, not a team and its score.
pub(super) fn is_month(w: &str) -> bool {
    crate::lang::month(fold(w).trim_end_matches('.')).is_some()
}

/// A country, or a region that is a nation ("England"): national teams go by its name, so it
/// stays a place. A headline repeats a body name without its gazetteer entry: looked up again.
fn nation(cx: &Cx, r: &Raw) -> bool {
    let entry = r
        .gaz
        .and_then(|g| cx.gaz.entries.get(g))
        .or_else(|| (r.rule == Rule::HeadlineKnown).then(|| cx.gaz.lookup(&r.name, false, false)).flatten());
    entry.is_some_and(|e| {
        e.class == GazClass::Country || e.class == GazClass::Region && is(Class::TeamNation, e.name.as_str())
    })
}

/// A minute of a match written as an ordinal in digits: "1st", "42nd", "90th", "120th".
fn match_minute(w: &str) -> bool {
    let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let Some(n) = digits.parse::<u32>().ok().filter(|n| (1..=130).contains(n)) else { return false };
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    w.len() == digits.len() + 2 && w.ends_with(suffix)
}

/// A whole number of up to three digits that can be a score: not a piece of a larger figure
/// ("1,453", "12.5", "12%"; a time, "1:54.3", still follows its entrant) and not a share or a change ("12 pct", "3 up").
pub(super) fn score_number(text: &str, toks: &[Tok], k: usize) -> bool {
    let Some(t) = toks.get(k) else { return false };
    if t.text.is_empty() || t.text.len() > 3 || !t.text.bytes().all(|c| c.is_ascii_digit()) {
        return false;
    }
    let mut after = text.get(t.end..).unwrap_or("").chars();
    match (after.next(), after.next()) {
        (Some(',' | '.'), Some(d)) if d.is_ascii_digit() => return false,
        (Some('%'), _) => return false,
        _ => {}
    }
    let mut before = text.get(..t.start).unwrap_or("").chars().rev();
    if let (Some(',' | '.'), Some(d)) = (before.next(), before.next())
        && d.is_ascii_digit()
    {
        return false;
    }
    !toks.get(k + 1).is_some_and(|n| n.joined && is(Class::FigureAfterNumber, n.text))
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
pub(super) fn context_kinds(cx: &Cx, toks: &[Tok], raws: &mut [Raw]) {
    if raws.is_empty() {
        return;
    }
    let numbers = toks.iter().filter(|t| t.text.starts_with(|c: char| c.is_ascii_digit())).count();
    let prose = is_prose(cx.doc.text, toks);
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
    // A line that names someone by a known given name lists people, not clubs.
    let people_line = raws.iter().any(|r| r.kind == EntityKind::Person && r.rule == Rule::GivenName);
    for r in raws.iter_mut() {
        let next = toks.partition_point(|t| t.start < r.end);
        let first = toks.partition_point(|t| t.start < r.start);
        let after = toks.get(next);
        let before = first.checked_sub(1).and_then(|i| toks.get(i));
        let versus = |t: Option<&Tok>| t.is_some_and(|t| crate::lang::is(crate::lang::Class::Versus, t.text));
        let country = nation(cx, r);
        // "Oxford 5", and in cricket "Kent 128-1" (runs for wickets).
        let scored =
            table && after.is_some_and(|t| t.joined && (score_number(cx.doc.text, toks, next) || orgs::is_score(t)));
        let paired = (versus(after) || versus(before)) && (table || numbers == 0 && !prose);
        // In a fixture only the side before "at" is surely a team: the other name is also the venue.
        let visitor = fixture && r.end <= raws_first_end;
        // An entrant first, "Ana Ruiz (Spain) vs Lea Moss (Chile)": a person is no side of a "vs".
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
            // "Ana Ruiz (32nd)", "(Ruiz 42nd, Moss 67th)": a scorer and the minute of the goal.
            let minute = r.words <= 3
                && !toks.get(next.wrapping_sub(1)).is_some_and(|t| t.poss)
                && after.is_some_and(|t| (t.joined || gap.trim() == "(") && match_minute(t.text));
            if minute {
                r.kind = EntityKind::Person;
                r.strength = 2;
                r.rule = Rule::NameMinute;
                r.initial_only = false;
            } else if in_country && (score.is_some_and(closed) && name_after || score_before) {
                r.kind = EntityKind::Organization;
                r.strength = 2;
                r.rule = Rule::TableTeam;
                r.initial_only = false;
            } else if in_country && r.words >= 2 && (people_line || !club_name(cx, toks, first, next - 1)) {
                r.kind = EntityKind::Person;
                r.strength = 2;
                r.rule = Rule::NameCountry;
            }
        }
        let teamable =
            !country && r.kind != EntityKind::Person && r.strength <= 3 && r.user.is_none() && !is_month(&r.name);
        if teamable && (scored || paired || visitor) {
            r.kind = EntityKind::Organization;
            r.strength = 3;
            r.gaz = None;
            r.rule = Rule::TableTeam;
            r.initial_only = false;
        }
    }
}

/// Whether a line has words of running text. A bracketed note of a results line ("(halftime
/// 2-0)", "(11 innings)", "(Ruiz 66th minute)") is no prose: its words are not counted.
fn is_prose(text: &str, toks: &[Tok]) -> bool {
    let bracketed = in_brackets(text, toks);
    toks.iter()
        .zip(&bracketed)
        .filter(|&(_, &inside)| !inside)
        .map(|(t, _)| t)
        // Ordinals ("70th") are numbers here, not words.
        .filter(|t| t.lower && t.text.starts_with(char::is_alphabetic) && t.text.chars().count() >= 3)
        .any(|t| !crate::lang::is(crate::lang::Class::ResultLineWord, t.text))
}

/// For each token, whether it stands inside round brackets opened after the first token.
pub(super) fn in_brackets(text: &str, toks: &[Tok]) -> Vec<bool> {
    let mut depth = 0usize;
    let mut out = Vec::with_capacity(toks.len());
    for (k, t) in toks.iter().enumerate() {
        if k > 0 {
            let gap = text.get(toks[k - 1].end..t.start).unwrap_or("");
            for c in gap.chars() {
                match c {
                    '(' => depth += 1,
                    ')' => depth = depth.saturating_sub(1),
                    _ => {}
                }
            }
        }
        out.push(depth > 0);
    }
    out
}

/// "Brannvik Oslo": a name ending in a town whose first word is no given name is a club's
/// (unless the line lists people).
fn club_name(cx: &Cx, toks: &[Tok], a: usize, b: usize) -> bool {
    a < b
        && !cx.gaz.is_given(toks[a].text)
        && cx.gaz.lookup(toks[b].text, true, false).is_some_and(|e| e.class == GazClass::City)
}

/// "Ana Ruiz, Lea Moss (Dunmore), Ivo Kast and Tom Brell": in a list whose items are mostly
/// people by their own evidence (two at least), a two- or three-word item no rule typed is a
/// person too. Items are the names separated by commas or "and", each perhaps followed by one
/// bracketed note (a club, a country), which is no item.
pub(super) fn list_people(cx: &Cx, raws: &mut [Raw]) {
    let text = cx.doc.text;
    let note = |r: &Raw| text.get(..r.start).is_some_and(|t| t.trim_end().ends_with('('));
    let items: Vec<usize> = (0..raws.len()).filter(|&i| !note(&raws[i])).collect();
    let mut run_start = 0;
    for k in 1..=items.len() {
        let joined = k < items.len() && {
            let gap = text.get(raws[items[k - 1]].end..raws[items[k]].start).unwrap_or("");
            let gap = match gap.trim_start().strip_prefix('(').and_then(|g| g.split_once(')')) {
                Some((inner, rest)) if !inner.contains(['(', ',']) => rest,
                _ => gap,
            };
            matches!(gap.trim(), "," | "and" | ", and")
        };
        if joined {
            continue;
        }
        let run = &items[run_start..k];
        // The bracketed notes of the run's items: the raws between an item and the next item.
        let notes: Vec<usize> =
            (run[0]..items.get(k).copied().unwrap_or(raws.len())).filter(|&j| note(&raws[j])).collect();
        let people = run.iter().filter(|&&i| raws[i].kind == EntityKind::Person && raws[i].strength >= 2).count();
        let name_like =
            |r: &Raw| matches!(r.kind, EntityKind::Person | EntityKind::Other) && (2..=3).contains(&r.words);
        // "Ana Ruiz (Dunmore), Lea Moss (Greyhaven)": every item a name with its note.
        let noted = run.len() >= 2 && notes.len() == run.len() && run.iter().all(|&i| name_like(&raws[i]));
        if people >= 2 && people * 2 >= run.len() || noted && people >= 1 {
            for &i in run {
                let r = &mut raws[i];
                if r.kind == EntityKind::Other && r.strength == 0 && (2..=3).contains(&r.words) {
                    r.kind = EntityKind::Person;
                    r.strength = 1;
                    r.rule = Rule::ListPerson;
                }
            }
            affiliation_notes(cx, raws, &notes);
        }
        run_start = k;
    }
}

/// The bracketed notes after the people of a list name what each belongs to: a name no rule
/// typed there is an organization (a club, a party, a company: "Lea Moss (Dunmore)"), and so is a
/// town when another note of the list is such a name, since then the notes are clubs and not
/// home towns ("Ana Ruiz (Leeds), Lea Moss (Dunmore)"). Countries stay places.
fn affiliation_notes(cx: &Cx, raws: &mut [Raw], notes: &[usize]) {
    let untyped = |r: &Raw| {
        r.kind == EntityKind::Other && r.strength == 0 && r.rule == Rule::Capitalised && r.name.chars().count() >= 2
    };
    let clubs = notes.iter().any(|&j| untyped(&raws[j]));
    if !clubs {
        return;
    }
    for &j in notes {
        let town = raws[j].gaz.and_then(|g| cx.gaz.entries.get(g)).is_some_and(|e| e.class == GazClass::City);
        let r = &mut raws[j];
        if untyped(r) || town && r.kind == EntityKind::Place && r.user.is_none() {
            r.kind = EntityKind::Organization;
            r.strength = 1;
            r.gaz = None;
            r.rule = Rule::ListAffiliation;
            r.initial_only = false;
        }
    }
}

/// A name no rule typed, of two or three words shaped like a person's, is a person right after a
/// noun that describes a person ("world champion Ana Ruiz", "forecaster Lea Moss";
/// `person-nouns.txt`) or a nationality adjective ("German Ana Ruiz"); a name of up to three words
/// is one after a rank or seeding ("top-ranked Ruiz", "unseeded Ana Ruiz").
pub(super) fn described_people(cx: &Cx, toks: &[Tok], raws: &mut [Raw]) {
    for r in raws.iter_mut() {
        if r.kind != EntityKind::Other || r.strength != 0 || r.rule != Rule::Capitalised || r.words > 3 {
            continue;
        }
        let a = toks.partition_point(|t| t.start < r.start);
        let b = toks.partition_point(|t| t.start < r.end);
        if b <= a || !name_shaped(cx, toks, a, b - 1) {
            continue;
        }
        if r.words >= 2 && aged(cx.doc.text, toks, b) {
            r.kind = EntityKind::Person;
            r.strength = 1;
            r.rule = Rule::NameAge;
            r.initial_only = false;
            continue;
        }
        let (Some(prev), Some(first)) = (a.checked_sub(1).and_then(|p| toks.get(p)), toks.get(a)) else { continue };
        if !first.joined {
            continue;
        }
        // "Ukraine's Ana Ruiz": a place's own person, as news introduces athletes and officials.
        if prev.poss {
            let place = cx.gaz.lookup(prev.text, true, false).is_some_and(|e| e.class == GazClass::Country);
            // "Ukraine's Dunmore Radio newspaper": an organization's kind after it.
            let kind_after = toks.get(b).is_some_and(|n| n.joined && n.lower && is(Class::OrgDescriptor, n.text));
            // "Ukraine's Dunmore State": an area of the country.
            let area = toks.get(b - 1).is_some_and(|t| crate::lang::lexicon().is_area(&fold(t.text)));
            if place && r.words >= 2 && !kind_after && !area {
                r.kind = EntityKind::Person;
                r.strength = 1;
                r.rule = Rule::PlacePossessiveName;
                r.initial_only = false;
            }
            continue;
        }
        let noun = prev.lower && is(Class::PersonNoun, prev.text);
        let demonym = prev.cap && cx.gaz.lookup(prev.text, true, false).is_some_and(|e| e.class == GazClass::Demonym);
        // "fifth-seeded Wimbledon champion Ana Ruiz": the name then says where the person won.
        let describes_next = toks
            .get(b)
            .is_some_and(|n| n.joined && n.lower && (is(Class::PersonNoun, n.text) || cx.gaz.title(n.text).is_some()));
        let ranked = prev.lower
            && (prev.text.ends_with("-ranked") || prev.text.ends_with("-seeded") || prev.text == "unseeded")
            && !describes_next;
        if (noun || demonym) && r.words >= 2 || ranked {
            r.kind = EntityKind::Person;
            r.strength = 1;
            r.rule = Rule::NounName;
            r.initial_only = false;
        }
    }
}

/// "Ana Ruiz, 40, was arrested": an age between commas right after the name at `toks[..b]`.
fn aged(text: &str, toks: &[Tok], b: usize) -> bool {
    let (Some(last), Some(n)) = (b.checked_sub(1).and_then(|l| toks.get(l)), toks.get(b)) else { return false };
    let age = n.text.len() <= 3 && n.text.parse::<u32>().is_ok_and(|v| (1..=115).contains(&v));
    let before = text.get(last.end..n.start).is_some_and(|g| g.trim() == ",");
    let after = text.get(n.end..).is_some_and(|g| g.starts_with(','));
    !last.poss && age && before && after
}

/// A cricket scorecard names players: in a line with a figure, a name right after a dismissal
/// mark ("c Moss", "b Kast 46", "lbw b Kast") or right before one that a name follows ("Ana Ruiz c
/// Moss"), and a name before bowling figures ("Kast 22-6-56-2": overs, maidens, runs, wickets),
/// is a person, even when the name is also a town's.
pub(super) fn scorecard_people(cx: &Cx, toks: &[Tok], raws: &mut [Raw]) {
    if !toks.iter().any(|t| t.text.starts_with(|c: char| c.is_ascii_digit())) {
        return;
    }
    let mark = |k: usize| toks.get(k).is_some_and(|t| t.lower && t.joined && is(Class::DismissalMark, t.text));
    for r in raws.iter_mut() {
        if r.words > 3 || r.user.is_some() || r.kind == EntityKind::Person || country_entry(cx, r) {
            continue;
        }
        let first = toks.partition_point(|t| t.start < r.start);
        let next = toks.partition_point(|t| t.start < r.end);
        let Some(after) = toks.get(next) else { continue };
        let joined_in = toks.get(first).is_some_and(|t| t.joined);
        let named_after = |k: usize| toks.get(k).is_some_and(|t| t.cap && t.joined && t.alpha);
        let figure_after =
            |k: usize| toks.get(k).is_some_and(|t| t.joined && t.text.starts_with(|c: char| c.is_ascii_digit()));
        // "c Moss b", "b Kast 46": a mark before, and a mark or the runs after.
        let fielder = first > 0 && joined_in && mark(first - 1) && (mark(next) || figure_after(next));
        // "Ana Ruiz c Moss b Kast": the batsman before the marks.
        let batsman = mark(next) && named_after(next + 1) && (mark(next + 2) || mark(next + 3) || mark(next + 4));
        let bowler = after.joined && bowling_figures(after.text);
        if fielder || batsman || bowler {
            r.kind = EntityKind::Person;
            r.strength = 2;
            r.gaz = None;
            r.rule = Rule::ScorecardPlayer;
            r.initial_only = false;
        }
    }
}

/// A country (or a nation's region) by its gazetteer entry: its name is never a player's here.
fn country_entry(cx: &Cx, r: &Raw) -> bool {
    r.gaz.and_then(|g| cx.gaz.entries.get(g)).is_some_and(|e| e.class == GazClass::Country)
}

/// "22-6-56-2", "14.3-4-45-1": four figures joined by hyphens, the first perhaps with a decimal.
fn bowling_figures(w: &str) -> bool {
    let parts: Vec<&str> = w.split('-').collect();
    parts.len() == 4
        && parts
            .iter()
            .enumerate()
            .all(|(i, p)| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit() || i == 0 && b == b'.') && p.len() <= 4)
}

/// ", the deputy foreign minister" / ", spokeswoman for ..." after a name.
pub(super) fn apposition_role(cx: &Cx, toks: &[Tok], b: usize) -> Option<String> {
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
        if is(Class::Article, x.text) || x.poss {
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
        if !is(Class::RoleModifier, f.as_str()) && cx.gaz.title(x.text).is_none() {
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

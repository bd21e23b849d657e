//! Organizations that only the words around them reveal.
//!
//! A capitalised span that no gazetteer entry, organization word or person
//! rule typed (`other`, strength 0) becomes an organization when its context
//! says so. A city or region becomes a team only on sports evidence, and a
//! country never changes (national teams are named by their country, and
//! the country is what readers look for). People never change. Rules:
//!
//! * **descriptor before**: a lower-case organization noun right before the
//!   name ("the carmaker Zorvex", "news agency Tanvir"); before a place only
//!   the sports nouns count ("Dutch side Leiden");
//! * **descriptor after**: an apposition ", a Belgian chemicals company," or
//!   "a firm called Zorvex";
//! * **company context**: "shares in X", "a stake in X", "X shares fell",
//!   "X's chief executive", "X's shareholders";
//! * **sports results**: "X beat Y 2-1", "X drew 1-1 with Y", "X lost to Y
//!   by six wickets": both sides are teams when a score or a margin follows.
//!   Two scores in a row ("6-4 6-3") are sets between players: no rule;
//! * **sports roles**: "X coach Ana Ruiz", "striker for X", "coach of X".
//!
//! Context kinds have strength 1: a person rule with more evidence about
//! the same name elsewhere in the article still wins the vote.

use super::Rule;
use super::rules::Family;
use super::{Cx, Raw, Tok};
use crate::gazetteer::{GazClass, fold};
use crate::lang::{Class, is};
use crate::model::EntityKind;
use rustc_hash::FxHashSet as HashSet;

/// "coach of X", "plays for X": a team follows.
const TEAM_BEFORE: [(&str, &str); 8] = [
    ("coach", "of"),
    ("manager", "of"),
    ("captain", "of"),
    ("playing", "for"),
    ("plays", "for"),
    ("played", "for"),
    ("signed", "for"),
    ("striker", "for"),
];

/// "shares in X": a company follows.
const COMPANY_BEFORE: [(&str, &str); 12] = [
    ("shares", "in"),
    ("shares", "of"),
    ("stake", "in"),
    ("stakes", "in"),
    ("shareholders", "in"),
    ("shareholders", "of"),
    ("shareholder", "in"),
    ("takeover", "of"),
    ("acquisition", "of"),
    ("subsidiary", "of"),
    ("affiliate", "of"),
    ("merger", "with"),
];

/// "2-1", "102-95": a score.
pub(super) fn is_score(t: &Tok) -> bool {
    let mut parts = t.text.split('-');
    let ok = |p: Option<&str>| p.is_some_and(|p| (1..=3).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()));
    ok(parts.next()) && ok(parts.next()) && parts.next().is_none()
}

/// A score, or the last word of a margin: "by six wickets", "by an innings".
fn is_result(toks: &[Tok], k: usize) -> bool {
    let Some(t) = toks.get(k) else { return false };
    if is_score(t) {
        return true;
    }
    is(Class::MarginUnit, t.text) && k >= 2 && toks.get(k - 2).is_some_and(|b| b.text == "by")
}

/// A lower-case word of the list.
fn lower_is(t: Option<&Tok>, words: &[&str]) -> bool {
    t.is_some_and(|t| t.lower && words.contains(&t.text))
}

/// A lower-case word of the class.
fn lower_in(t: Option<&Tok>, class: Class) -> bool {
    t.is_some_and(|t| t.lower && is(class, t.text))
}

/// A lower-case word of the class, only spaces before it.
fn next_in(t: Option<&Tok>, class: Class) -> bool {
    t.is_some_and(|t| t.joined) && lower_in(t, class)
}

/// A lower-case word of the list, only spaces before it.
fn next_is(t: Option<&Tok>, words: &[&str]) -> bool {
    t.is_some_and(|t| t.joined) && lower_is(t, words)
}

/// Abbreviations spelled out in lower case before them, "cash reserve
/// ratio (CRR)": terms, not organizations (those are capitalised).
pub(super) fn defined_terms<'a>(text: &str, toks: &[Tok<'a>], out: &mut HashSet<&'a str>) {
    for (k, t) in toks.iter().enumerate() {
        let n = t.text.len();
        if !t.upper || !(2..=6).contains(&n) || k < n {
            continue;
        }
        let open = text.get(toks[k - 1].end..t.start).is_some_and(|g| g.trim() == "(");
        let close = text.get(t.end..).is_some_and(|g| g.starts_with(')'));
        if !open || !close {
            continue;
        }
        let words = &toks[k - n..k];
        let spelled = words
            .iter()
            .zip(t.text.chars())
            .all(|(w, c)| w.lower && w.text.chars().next().is_some_and(|f| f.eq_ignore_ascii_case(&c)));
        if spelled {
            out.insert(t.text);
        }
    }
}

/// A lone all-capitals word mid-sentence in running text: "the PKK",
/// "talks with VDR". In prose most such words are organizations; not units
/// and measures (a number right before or after), Roman numerals, defined
/// terms, or words the article also writes in lower case (capitals for
/// emphasis).
fn is_org_acronym(cx: &Cx, toks: &[Tok], a: usize) -> bool {
    let Some(t) = toks.get(a) else { return false };
    let n = t.text.len();
    if t.initial || !(2..=5).contains(&n) || !t.text.bytes().all(|c| c.is_ascii_uppercase()) {
        return false;
    }
    if t.text.bytes().all(|c| matches!(c, b'I' | b'V' | b'X' | b'L' | b'C')) || is(Class::NonOrgAcronym, t.text) {
        return false;
    }
    if cx.defined.contains(t.text) || cx.lower_words.contains(fold(t.text).as_str()) {
        return false;
    }
    let numeric = |x: Option<&Tok>| x.is_some_and(|x| x.text.starts_with(|c: char| c.is_ascii_digit()));
    let prev = a.checked_sub(1).and_then(|p| toks.get(p));
    let next = toks.get(a + 1);
    let unit_before = numeric(prev) && t.joined;
    let unit_after = numeric(next) && next.is_some_and(|x| x.joined);
    !unit_before && !unit_after
}

/// What a raw mention may become.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Convert {
    No,
    /// An untyped capitalised span: any organization rule.
    Untyped,
    /// A city or region: sports rules only.
    Place,
}

fn convertible(cx: &Cx, r: &Raw) -> Convert {
    if r.user.is_some() {
        return Convert::No;
    }
    match r.kind {
        EntityKind::Other if r.strength == 0 && r.rule == Rule::Capitalised => Convert::Untyped,
        EntityKind::Place => {
            // Only towns: countries, and regions such as England or Catalonia,
            // field national or representative teams under the place's name.
            // A headline repeats a body name without its gazetteer entry: looked up again.
            let town = r
                .gaz
                .and_then(|g| cx.gaz.entries.get(g))
                .or_else(|| {
                    (r.rule.family() == Family::Headline).then(|| cx.gaz.lookup(&r.name, false, false)).flatten()
                })
                .is_some_and(|e| e.class == GazClass::City);
            if town { Convert::Place } else { Convert::No }
        }
        _ => Convert::No,
    }
}

/// Type as organizations the spans of one sentence whose context names them as such.
pub(super) fn context_orgs(cx: &Cx, toks: &[Tok], raws: &mut [Raw]) {
    if raws.is_empty() {
        return;
    }
    // Token range of each mention: first token, one past the last.
    let spans: Vec<(usize, usize)> = raws
        .iter()
        .map(|r| (toks.partition_point(|t| t.start < r.start), toks.partition_point(|t| t.start < r.end)))
        .collect();
    let sets = toks.windows(2).any(|w| is_score(&w[0]) && is_score(&w[1]) && w[1].joined);
    let results = !sets && (0..toks.len()).any(|k| is_result(toks, k));
    let sports = toks.iter().any(|t| t.lower && is(Class::SportsWord, t.text));
    // Running text, not a table or a list of codes.
    let prose = toks.iter().filter(|t| t.lower && t.alpha && t.text.len() >= 3).count() >= 3;
    let mut to_org: Vec<(usize, Rule)> = Vec::new();
    for (i, r) in raws.iter().enumerate() {
        let conv = convertible(cx, r);
        if conv == Convert::No {
            continue;
        }
        let (a, b) = spans[i];
        let Some(last) = b.checked_sub(1).and_then(|l| toks.get(l)) else { continue };
        let first = toks.get(a);
        let prev = a.checked_sub(1).and_then(|p| toks.get(p));
        let prev2 = a.checked_sub(2).and_then(|p| toks.get(p));
        let next = toks.get(b);
        let joined_in = first.is_some_and(|t| t.joined);
        // Context words other than a result say little about a capitalised first word.
        // "Hwang Min (Korea) beat ...": an entrant with a country in brackets is a player.
        let entrant = cx.doc.text.get(last.end..).is_some_and(|g| g.trim_start().starts_with('('));
        let rule = if let Some(rule) = sports_rule(toks, a, b, results && !entrant, r.initial_only) {
            Some(rule)
        } else if conv == Convert::Untyped && prose && b == a + 1 && is_org_acronym(cx, toks, a) {
            Some(Rule::Acronym)
        } else if conv == Convert::Place {
            let team_word = joined_in && prev.is_some_and(|p| !p.poss && team_descriptor(p));
            if team_word {
                Some(Rule::ContextDescriptor)
            } else {
                team_apposition(cx, toks, b).then_some(Rule::ContextApposition)
            }
        } else if b == a + 1 && sports && team_nickname(toks, a) {
            Some(Rule::ContextTeamName)
        } else if first.is_some_and(|t| t.text.chars().filter(|c| c.is_alphabetic()).count() < 2) {
            None // "group C": a letter names a group, not an organization.
        } else if joined_in
            && (prev.is_some_and(|p| !p.poss) && lower_in(prev, Class::OrgDescriptor)
                || lower_is(prev, &["called", "named"])
                    && prev2.is_some_and(|p| p.lower && !p.poss && is(Class::OrgDescriptor, p.text)))
        {
            Some(Rule::ContextDescriptor)
        } else if descriptor_after(cx, toks, b) {
            Some(Rule::ContextApposition)
        } else if company_context(toks, a, b) {
            Some(Rule::ContextCompany)
        } else if !last.poss && next_in(next, Class::BusinessRole) && toks.get(b + 1).is_some_and(|t| t.cap && t.joined)
        {
            Some(Rule::ContextRole)
        } else {
            None
        };
        if let Some(rule) = rule {
            to_org.push((i, rule));
        }
    }
    for (i, rule) in to_org {
        if let Some(r) = raws.get_mut(i) {
            r.kind = EntityKind::Organization;
            r.strength = 1;
            r.gaz = None;
            r.rule = rule;
            r.initial_only = false;
        }
    }
}

/// Rules that make a town's name a team by the words around that mention.
const TEAM_RULES: [Rule; 5] =
    [Rule::TableTeam, Rule::ContextResult, Rule::ContextSportsRole, Rule::ContextDescriptor, Rule::ContextApposition];

/// A town that the article names as a team by the words around one mention (a result, a table, a
/// sports role, "champions X") is the team in its other mentions too, where nothing says more:
/// "Leeds beat Hull 2-1 ... Leeds are now third". A mention after a place preposition ("in Leeds",
/// "at Leeds") and a dateline stay the place. Countries and regions are never retyped.
pub(super) fn team_towns(cx: &Cx, raws: &mut [Raw]) {
    let teams: HashSet<String> = raws
        .iter()
        .filter(|r| r.kind == EntityKind::Organization && TEAM_RULES.contains(&r.rule))
        .map(|r| fold(&r.name))
        .collect();
    if teams.is_empty() {
        return;
    }
    for r in raws.iter_mut() {
        // A headline repeats a body name without its gazetteer entry: looked up again.
        let town = r
            .gaz
            .and_then(|g| cx.gaz.entries.get(g))
            .or_else(|| (r.rule.family() == Family::Headline).then(|| cx.gaz.lookup(&r.name, false, false)).flatten())
            .is_some_and(|e| e.class == GazClass::City);
        if r.kind != EntityKind::Place || !town || r.rule == Rule::DatelinePlace || !teams.contains(&fold(&r.name)) {
            continue;
        }
        if reads_as_place(cx.doc.text, r) {
            continue;
        }
        r.kind = EntityKind::Organization;
        r.strength = 1;
        r.gaz = None;
        r.rule = Rule::ContextTeamTown;
    }
}

/// The words around a town's mention that make it the place: a place preposition before it ("in
/// Leeds"), a place noun after it ("Leeds police"), or a team word and the team's name after it
/// ("Leeds side Hullcity": the town the club is from).
fn reads_as_place(text: &str, r: &Raw) -> bool {
    let before = text.get(..r.start).unwrap_or("");
    let spaced = before.ends_with(' ') && before.trim_end().ends_with(char::is_alphanumeric);
    let prev = before.trim_end().rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
    if spaced && is(Class::PlacePreposition, &prev.to_lowercase()) {
        return true;
    }
    let after = text.get(r.end..).unwrap_or("");
    let Some(rest) = after.strip_prefix(' ') else { return false };
    let mut words = rest.split(' ');
    let next = words.next().unwrap_or("");
    if !next.chars().all(|c| c.is_lowercase() || c == '-') || next.is_empty() {
        return false;
    }
    is(Class::PlaceNoun, next)
        || is(Class::TeamDescriptor, next) && words.next().is_some_and(|w| w.starts_with(char::is_uppercase))
}

/// Sports evidence around `toks[a..b]`: a result verb with a score, a
/// playing role after, or "coach of" before.
fn sports_rule(toks: &[Tok], a: usize, b: usize, results: bool, initial: bool) -> Option<Rule> {
    let last = toks.get(b.checked_sub(1)?)?;
    let next = toks.get(b);
    let joined_in = toks.get(a).is_some_and(|t| t.joined);
    // "X coach Ana Ruiz"; not "Bench coach Ana Ruiz" opening a sentence.
    if !initial
        && !last.poss
        && next_in(next, Class::SportsRole)
        && toks.get(b + 1).is_some_and(|t| t.cap && t.joined && t.alpha)
    {
        return Some(Rule::ContextSportsRole);
    }
    if possessed_player(toks, b) {
        return Some(Rule::ContextSportsRole);
    }
    // "coach of X", "plays for X".
    if joined_in && a >= 2 {
        let (p2, p1) = (&toks[a - 2], &toks[a - 1]);
        if p1.joined && TEAM_BEFORE.iter().any(|&(x, y)| p2.text == x && p1.text == y) {
            return Some(Rule::ContextSportsRole);
        }
    }
    if !results {
        return None;
    }
    // Winner or drawer: "X beat ...", "X drew ...", "X were held 0-0 ...",
    // with a result after the verb.
    let passive = next_is(next, &["were", "was"]) && lower_in(toks.get(b + 1), Class::PassiveResult);
    if !last.poss
        && (next_in(next, Class::ResultVerb) || passive)
        && (b + 1..(b + 8).min(toks.len())).any(|k| is_result(toks, k))
    {
        return Some(Rule::ContextResult);
    }
    // The other side: "... beat X 2-1", "... drew 1-1 with X", "... lost to X".
    let mut k = a;
    let mut hops = 0;
    while k > 0 && hops < 5 {
        let p = &toks[k - 1];
        if !toks[k].joined {
            break;
        }
        if p.lower && (is(Class::ResultVerb, p.text) || is(Class::PassiveResult, p.text)) {
            let after = (b..(b + 5).min(toks.len())).any(|j| is_result(toks, j));
            let between = (k..a).any(|j| is_result(toks, j));
            return (after || between).then_some(Rule::ContextResult);
        }
        if !(is_score(p) || is(Class::ScoreLink, p.text)) {
            break;
        }
        k -= 1;
        hops += 1;
    }
    None
}

/// "X's striker Ana Ruiz", "X's Italian striker Ana Ruiz": a playing or coaching role owned by the
/// name before `toks[b]`, at most two modifiers between them, and a name after it.
fn possessed_player(toks: &[Tok], b: usize) -> bool {
    let Some(last) = b.checked_sub(1).and_then(|l| toks.get(l)) else { return false };
    if !last.poss {
        return false;
    }
    for k in b..(b + 3).min(toks.len()) {
        let t = &toks[k];
        if !t.joined || t.poss || !t.alpha {
            return false;
        }
        if t.lower && is(Class::SportsRole, t.text) {
            return toks.get(k + 1).is_some_and(|n| n.cap && n.joined && n.alpha);
        }
    }
    false
}

/// "for the Mariners", "over the Wolves": a plural name after "the" in a
/// sentence about a game. Not after a preposition of place ("in the
/// Alps"), and not an event ("the Olympics").
fn team_nickname(toks: &[Tok], a: usize) -> bool {
    let Some(t) = toks.get(a) else { return false };
    let plural = t.text.ends_with('s') && !t.text.ends_with("ss") && !t.text.ends_with("ics") && t.text.len() > 3;
    if !plural || !t.joined || t.upper || !lower_is(a.checked_sub(1).and_then(|p| toks.get(p)), &["the"]) {
        return false;
    }
    !a.checked_sub(2).and_then(|p| toks.get(p)).is_some_and(|p| p.lower && is(Class::TeamPlacePreposition, p.text))
}

/// A lower-case word that says the name after it is a team: "side", "champions", "rivals", and a
/// place in a table ("second-placed", "bottom-placed").
fn team_descriptor(t: &Tok) -> bool {
    t.lower && (is(Class::TeamDescriptor, t.text) || t.text.strip_suffix("-placed").is_some_and(|p| !p.is_empty()))
}

/// ", the club he led", ", a side ..." after a town's name.
fn team_apposition(cx: &Cx, toks: &[Tok], b: usize) -> bool {
    let (Some(last), Some(det)) = (b.checked_sub(1).and_then(|l| toks.get(l)), toks.get(b)) else { return false };
    if last.poss || !is(Class::Article, det.text) {
        return false;
    }
    if cx.doc.text.get(last.end..det.start).is_none_or(|g| g.trim() != ",") {
        return false;
    }
    // "the club", "the English club", "a Premier League side".
    (b + 1..(b + 5).min(toks.len()))
        .map_while(|k| toks.get(k).filter(|t| t.joined))
        .any(|t| t.lower && !t.poss && is(Class::TeamDescriptor, t.text))
}

/// ", a Belgian chemicals company," / ", the country's largest bank." after `toks[..b]`.
fn descriptor_after(cx: &Cx, toks: &[Tok], b: usize) -> bool {
    let (Some(last), Some(det)) = (b.checked_sub(1).and_then(|l| toks.get(l)), toks.get(b)) else { return false };
    if last.poss || !is(Class::Article, det.text) {
        return false;
    }
    if cx.doc.text.get(last.end..det.start).is_none_or(|g| g.trim() != ",") {
        return false;
    }
    for k in b + 1..(b + 6).min(toks.len()) {
        let t = &toks[k];
        if !t.joined {
            return false;
        }
        if t.lower && !t.poss && is(Class::OrgDescriptor, t.text) {
            // The head of the phrase, not a modifier of another noun ("a bank clerk").
            let end = toks.get(k + 1).is_none_or(|n| {
                !n.joined
                    || !n.lower
                    || is(Class::DescriptorEnd, n.text)
                    // "a subsidiary of", but not "a group of islands".
                    || (n.text == "of" && t.text == "subsidiary")
            });
            if end {
                return true;
            }
        }
        // Modifiers: lower-case words, "country's", nationality adjectives, "Toronto-based".
        let demonym = t.cap && cx.gaz.lookup(t.text, true, false).is_some_and(|e| e.class == GazClass::Demonym);
        let modifier = (t.lower && t.alpha && !is(Class::NotOrgModifier, t.text))
            || demonym
            || (t.cap && t.text.ends_with("-based"));
        if !modifier {
            return false;
        }
    }
    false
}

/// Business words around `toks[a..b]`.
fn company_context(toks: &[Tok], a: usize, b: usize) -> bool {
    let Some(last) = b.checked_sub(1).and_then(|l| toks.get(l)) else { return false };
    // "shares in X", "a stake in X".
    if a >= 2
        && toks.get(a).is_some_and(|t| t.joined)
        && toks[a - 1].joined
        && COMPANY_BEFORE.iter().any(|&(x, y)| toks[a - 2].text == x && toks[a - 1].text == y)
    {
        return true;
    }
    let next = toks.get(b);
    let after = toks.get(b + 1);
    if last.poss {
        // "X's chief executive", "X's shareholders", "X's shares fell".
        let Some(n) = next else { return false };
        if !n.lower {
            return false;
        }
        if n.text == "chief" {
            return after.is_some_and(|t| is(Class::ChiefTitle, t.text));
        }
        if n.text == "shares" || n.text == "stock" {
            return after.is_some_and(|t| t.lower && is(Class::MarketVerb, t.text));
        }
        return is(Class::CompanyPossession, n.text);
    }
    // "X shares fell".
    next_is(next, &["shares", "stock"]) && after.is_some_and(|t| t.lower && t.joined && is(Class::MarketVerb, t.text))
}

#[cfg(test)]
mod tests {
    use super::super::tests::run;
    use crate::model::{EntityKind, Mention};

    fn kind(ms: &[Mention], text: &str) -> Option<EntityKind> {
        ms.iter().find(|m| m.text == text).map(|m| m.kind)
    }

    const ORG: Option<EntityKind> = Some(EntityKind::Organization);

    #[test]
    fn score_shapes() {
        use super::super::tokenize;
        use super::is_score;
        let g = &*super::super::tests::TEST_GAZ;
        let toks = tokenize("won 2-1 and 102-95 but not 2024-25-1 or x-1", 0, g);
        let scores: Vec<&str> = toks.iter().filter(|t| is_score(t)).map(|t| t.text).collect();
        assert_eq!(scores, vec!["2-1", "102-95"]);
    }

    #[test]
    fn descriptor_before_the_name() {
        let (_, ms) = run("Shares rose after the carmaker Zorvex cut prices, news agency Tanvir said.");
        assert_eq!(kind(&ms, "Zorvex"), ORG);
        assert_eq!(kind(&ms, "Tanvir"), ORG);
        // Without the noun the same word says nothing.
        let (_, ms) = run("Prices fell after Zorvex cut them.");
        assert_eq!(kind(&ms, "Zorvex"), Some(EntityKind::Other));
    }

    #[test]
    fn descriptor_does_not_touch_people_or_places() {
        let (_, ms) = run("The firm hired Sergei Volkov last year and the company Kharkiv office grew.");
        assert_eq!(kind(&ms, "Sergei Volkov"), Some(EntityKind::Person));
        // A non-sports descriptor leaves a city alone.
        let (_, ms) = run("The group Kharkiv meeting ended.");
        assert_eq!(kind(&ms, "Kharkiv"), Some(EntityKind::Place));
        // A possessive before the noun is no descriptor of the name: "the party's Zorvex".
        let (_, ms) = run("Lawmakers praised the party's Zorvex programme.");
        assert_ne!(kind(&ms, "Zorvex"), ORG);
    }

    #[test]
    fn team_descriptor_turns_a_city_into_a_team() {
        let (_, ms) = run("The striker joined Ukrainian side Kharkiv in June.");
        assert_eq!(kind(&ms, "Kharkiv"), ORG);
        let (_, ms) = run("The striker moved to Kharkiv in June.");
        assert_eq!(kind(&ms, "Kharkiv"), Some(EntityKind::Place));
    }

    #[test]
    fn apposition_and_called() {
        let (_, ms) = run("Talks with Zorvex, a Ukrainian chemicals company, stalled. A firm called Belmora bid too.");
        assert_eq!(kind(&ms, "Zorvex"), ORG);
        assert_eq!(kind(&ms, "Belmora"), ORG);
        // A descriptor that modifies another noun is no head: "a bank clerk".
        let (_, ms) = run("They met Zorvex, a bank clerk, in town.");
        assert_ne!(kind(&ms, "Zorvex"), ORG);
        // Places keep their kind in an apposition.
        let (_, ms) = run("They met in Kharkiv, the group said.");
        assert_eq!(kind(&ms, "Kharkiv"), Some(EntityKind::Place));
    }

    #[test]
    fn company_context_words() {
        let (_, ms) =
            run("Investors bought shares in Zorvex and Belmora shares fell, so Tarnell's chief executive quit.");
        assert_eq!(kind(&ms, "Zorvex"), ORG);
        assert_eq!(kind(&ms, "Belmora"), ORG);
        assert_eq!(kind(&ms, "Tarnell"), ORG);
        // A person's chief of staff or a verb "shares" says nothing.
        let (_, ms) = run("It said that Tarnell's chief of staff left and Belmora shares his view.");
        assert_ne!(kind(&ms, "Tarnell"), ORG);
        assert_ne!(kind(&ms, "Belmora"), ORG);
    }

    #[test]
    fn results_with_a_score_name_teams() {
        let (_, ms) = run("In the cup Zorvex beat Belmora 2-1 and Kharkiv drew 1-1 with Tarnell.");
        for w in ["Zorvex", "Belmora", "Kharkiv", "Tarnell"] {
            assert_eq!(kind(&ms, w), ORG, "{w}");
        }
        let (_, ms) = run("In the final, Zorvex lost to Belmora by six wickets.");
        assert_eq!(kind(&ms, "Zorvex"), ORG);
        assert_eq!(kind(&ms, "Belmora"), ORG);
    }

    #[test]
    fn results_without_a_score_or_with_sets_name_nothing() {
        // An election is no match.
        let (_, ms) = run("In the primary Zorvex beat Belmora easily.");
        assert_ne!(kind(&ms, "Zorvex"), ORG);
        // Set scores are players.
        let (_, ms) = run("In the final, Zorvex beat Belmora 6-4 6-3.");
        assert_ne!(kind(&ms, "Zorvex"), ORG);
        assert_ne!(kind(&ms, "Belmora"), ORG);
        // Countries stay places; people stay people.
        let (_, ms) = run("Ukraine beat France 2-0 and Sergei Volkov scored.");
        assert_eq!(kind(&ms, "Ukraine"), Some(EntityKind::Place));
        assert_eq!(kind(&ms, "France"), Some(EntityKind::Place));
        assert_eq!(kind(&ms, "Sergei Volkov"), Some(EntityKind::Person));
        // An entrant named with a country in brackets is a player.
        let (_, ms) = run("In the final, Zorvex (France) beat Belmora (Ukraine) 2-1.");
        assert_ne!(kind(&ms, "Zorvex"), ORG);
        assert_ne!(kind(&ms, "Belmora"), ORG);
        // A place with a score but no result verb stays a place.
        let (_, ms) = run("Rain in Kharkiv cut play when the score was 2-1.");
        assert_eq!(kind(&ms, "Kharkiv"), Some(EntityKind::Place));
    }

    #[test]
    fn passive_results_and_team_nicknames() {
        let (_, ms) = run("Meanwhile the leaders Kharkiv were held 0-0 at home by Zorvex.");
        assert_eq!(kind(&ms, "Kharkiv"), ORG);
        assert_eq!(kind(&ms, "Zorvex"), ORG);
        let (_, ms) = run("He hit his tenth homer of the season for the Marlets on Sunday.");
        assert_eq!(kind(&ms, "Marlets"), ORG);
        // No game in the sentence, a place preposition, or an event: no team.
        let (_, ms) = run("He spoke for the Marlets on Sunday.");
        assert_ne!(kind(&ms, "Marlets"), ORG);
        let (_, ms) = run("The ski season opened in the Zorvalps and the Paraxics games begin soon.");
        assert_ne!(kind(&ms, "Zorvalps"), ORG);
        assert_ne!(kind(&ms, "Paraxics"), ORG);
    }

    #[test]
    fn a_town_with_a_club_apposition_is_a_team() {
        let (_, ms) = run("He left Kharkiv, the club he led to the title.");
        assert_eq!(kind(&ms, "Kharkiv"), ORG);
        let (_, ms) = run("He left Kharkiv, the city he loved.");
        assert_eq!(kind(&ms, "Kharkiv"), Some(EntityKind::Place));
    }

    #[test]
    fn team_words_before_a_town_name_a_team() {
        let (_, ms) = run("The reigning champions Kharkiv play second-placed Vienna, and newly-promoted Odesa wait.");
        for w in ["Kharkiv", "Vienna", "Odesa"] {
            assert_eq!(kind(&ms, w), ORG, "{w}");
        }
        // A country stays a place; so does a town after a word that is no team word.
        let (_, ms) = run("The champions Ukraine met the displaced Kharkiv residents.");
        assert_eq!(kind(&ms, "Ukraine"), Some(EntityKind::Place));
        assert_eq!(kind(&ms, "Kharkiv"), Some(EntityKind::Place));
    }

    #[test]
    fn a_towns_player_names_its_team() {
        let (_, ms) = run("Kharkiv's Ukrainian striker Sergei Volkov scored.");
        assert_eq!(kind(&ms, "Kharkiv"), ORG);
        // Not a role that is no sports role, nor a role with no name after it.
        let (_, ms) = run("Kharkiv's deputy mayor Sergei Volkov spoke. Vienna's coach station shut.");
        assert_eq!(kind(&ms, "Kharkiv"), Some(EntityKind::Place));
        assert_eq!(kind(&ms, "Vienna"), Some(EntityKind::Place));
    }

    #[test]
    fn a_town_named_as_a_team_is_the_team_elsewhere_in_the_article() {
        let (_, ms) =
            run("Kharkiv beat Vienna 2-1 on Sunday. Afterwards, Kharkiv thanked the fans. Vienna are fourth.");
        let kinds: Vec<_> = ms.iter().filter(|m| m.text == "Kharkiv" || m.text == "Vienna").map(|m| m.kind).collect();
        assert_eq!(kinds, vec![EntityKind::Organization; 4], "{ms:?}");
        // After a place preposition, before a place noun, or as the town a club is from: the place.
        let (_, ms) = run("Kharkiv beat Vienna 2-1 on Sunday. Rain fell in Kharkiv. Kharkiv police were calm. \
             Kharkiv side Dunmore lost.");
        let places = ms.iter().filter(|m| m.text == "Kharkiv" && m.kind == EntityKind::Place).count();
        assert_eq!(places, 3, "{ms:?}");
        // Without a team mention the town stays a place.
        let (_, ms) = run("Afterwards, Kharkiv thanked the volunteers.");
        assert_eq!(kind(&ms, "Kharkiv"), Some(EntityKind::Place));
    }

    #[test]
    fn sports_roles_name_teams() {
        let (_, ms) = run("The move upset Kharkiv coach Sergei Volkov, who once was coach of Vienna.");
        assert_eq!(kind(&ms, "Kharkiv"), ORG);
        assert_eq!(kind(&ms, "Vienna"), ORG);
        let (_, ms) = run("The Belmora chairman Sergei Volkov resigned.");
        assert_eq!(kind(&ms, "Belmora"), ORG);
        // A business role does not turn a city into a team, nor a role without a name after it.
        let (_, ms) = run("He was Kharkiv manager Sergei Volkov's deputy. The Vienna coach left.");
        assert_eq!(kind(&ms, "Kharkiv"), Some(EntityKind::Place));
        assert_eq!(kind(&ms, "Vienna"), Some(EntityKind::Place));
    }
}

//! Facts about a person named in the sentence: an age beside the name, a
//! politician's party and state.

use super::*;
use regex::Regex;
use std::sync::LazyLock;

/// Ages given beside a name, "Ana Ruiz, 56," or "Ana Ruiz, aged 56": one
/// fact per person, its reference the surname so that two people's ages are
/// never compared. `persons` are (start, end, name) of person mentions (file
/// offsets); `text` starts at `base`.
pub fn person_facts(
    text: &str,
    base: usize,
    clauses: &[Clause],
    persons: &[(usize, usize, &str)],
    index: usize,
) -> Vec<Fact> {
    let mut out = Vec::new();
    for &(_, end, name) in persons {
        let Some(after) = end.checked_sub(base).and_then(|i| text.get(i..)) else { continue };
        out.extend(affiliation(after, name, base + (text.len() - after.len()), clauses, index));
        let Some(rest) = after.strip_prefix(", ") else { continue };
        let rest = rest.strip_prefix("aged ").unwrap_or(rest);
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        let tail = &rest[digits..];
        let ends = [",", ";", ".", ")", " and ", " of ", " who ", " was ", " is ", " years old"];
        if !(1..=3).contains(&digits) || !(tail.is_empty() || ends.iter().any(|e| tail.starts_with(e))) {
            continue;
        }
        let Ok(age) = rest[..digits].parse::<u32>() else { continue };
        if !(1..=110).contains(&age) {
            continue;
        }
        let Some(surname) = surname_of(name) else { continue };
        let at = base + (text.len() - rest.len());
        let clause = clauses.iter().position(|c| at >= c.start && at < c.end).unwrap_or(0);
        let mut f = point_fact("age", f64::from(age), &rest[..digits], clause, index);
        f.reference = Some(surname);
        out.push(f);
    }
    out
}

/// "R-La." / "(D-Nev.)" / ", Republican of Kentucky" right after a name.
static AFFILIATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:,\s*|\s*\()(?:([RDI])-((?:[A-Z]\.){2}|[A-Z][A-Za-z]{1,4}\.?)|(Republican|Democrat|Independent) of ([A-Z][a-z]+(?: [A-Z][a-z]+)?))(?:[^A-Za-z0-9]|$)",
    )
    .expect("the affiliation pattern compiles")
});

/// A politician's party and state after the name ("Rand Paul, R-Ky.",
/// "Mike Doyle, Democrat of Pennsylvania"): one `affiliation` fact whose
/// value is the party (1 R, 2 D, 3 I) × 100 + the state's index in
/// `us_states.tsv`, so that a different party or state is a different value.
fn affiliation(after: &str, name: &str, at: usize, clauses: &[Clause], index: usize) -> Option<Fact> {
    let c = AFFILIATION.captures(after)?;
    let (party, state) = match (c.get(1), c.get(2), c.get(3), c.get(4)) {
        (Some(p), Some(st), _, _) => (p.as_str(), st.as_str().trim_end_matches(['.', ',']).to_string()),
        (_, _, Some(p), Some(st)) => (&p.as_str()[..1], st.as_str().replace(' ', "_")),
        _ => return None,
    };
    let lx = lexicon();
    // "La" and "La." are one form: try the written one, then with its full stop
    let (_, state_index) = lx.us_state(&state).or_else(|| lx.us_state(&format!("{state}.")))?;
    let code = match party {
        "R" => 1.0,
        "D" => 2.0,
        _ => 3.0,
    };
    let whole = c.get(0)?;
    let written = whole.as_str().trim_start_matches([',', ' ', '(']).trim_end_matches([')', ',', ';', ':', ' ']);
    let surname = surname_of(name)?;
    let clause = clauses.iter().position(|cl| at >= cl.start && at < cl.end).unwrap_or(0);
    let mut f = point_fact("affiliation", code * 100.0 + state_index as f64, written, clause, index);
    f.reference = Some(surname);
    Some(f)
}

/// A fact with one exact value whose head is its dimension (an age, a
/// party, a day), every other field empty for the caller to fill.
pub fn point_fact(dimension: &str, value: f64, written: &str, clause: usize, index: usize) -> Fact {
    Fact {
        quantity: index,
        written: Some(written.to_string()),
        clause,
        dimension: dimension.to_string(),
        value,
        lo: value,
        hi: Some(value),
        open: false,
        head: Some(dimension.to_string()),
        predicate: None,
        bearing: None,
        reference: None,
        scope: Vec::new(),
        background: false,
        revised: false,
        period: None,
        context: Vec::new(),
    }
}

/// The surname of a person's name, without Jr./Sr./II/III.
fn surname_of(name: &str) -> Option<String> {
    name.split_whitespace()
        .rev()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase())
        .find(|w| !w.is_empty() && !crate::lang::classes::is_name_suffix(w))
}

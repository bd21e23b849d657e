//! Regex templates whose word alternations are lexicon data.
//!
//! A block or outlet pattern is a shape (anchors, capitals, a colon, an
//! amount) around a closed list of words. The shape stays in code; the words
//! live in `data/lexicon/en/` like every other word class, and the template
//! names them: `{outlet-name-ends}` is the alternation of the entries of
//! `outlet-name-ends.txt`, as HeidelTime's rules name `%reMonth`. Regex
//! repetitions (`{1,3}`) hold digits only, so they never read as a name.
//! `{month-prefixes}` and `{Month-prefixes}` are the shortest spelling of each
//! month from `months.tsv`, lowercase and capitalised.

use super::classes::{CLASS_FILES, members};

/// `(?:a|b|…)` of `entries` escaped, longest first: where one entry is a
/// prefix of another ("Photo", "Photo credit") the longer is tried first,
/// whatever the file's (sorted) order.
pub fn alternation<'a>(entries: impl IntoIterator<Item = &'a str>) -> String {
    let mut es: Vec<&str> = entries.into_iter().collect();
    es.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    es.dedup();
    let body: Vec<String> = es.iter().map(|e| regex::escape(e)).collect();
    format!("(?:{})", body.join("|"))
}

/// The alternation a template name stands for, if it names one.
fn named(name: &str) -> Option<String> {
    match name {
        "month-prefixes" => return Some(alternation(super::tables::month_prefixes())),
        "Month-prefixes" => {
            let caps: Vec<String> = super::tables::month_prefixes().iter().map(|m| capitalized(m)).collect();
            return Some(alternation(caps.iter().map(String::as_str)));
        }
        _ => {}
    }
    let &(class, _, _) = CLASS_FILES.iter().find(|(_, file, _)| file.strip_suffix(".txt") == Some(name))?;
    Some(alternation(members(class)))
}

fn capitalized(w: &str) -> String {
    let mut cs = w.chars();
    cs.next().map(|c| c.to_uppercase().chain(cs).collect()).unwrap_or_default()
}

/// `template` with every `{name}` of a class file (or the month prefixes)
/// replaced by its alternation.
///
/// # Panics
/// On a name that is no class file: templates are static text of the
/// program, and a test builds every pattern made from one.
pub fn expand(template: &str) -> String {
    let mut out = String::with_capacity(template.len() * 4);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let close = after.find('}').unwrap_or(after.len());
        let name = &after[..close];
        // `\p{Lu}` is a Unicode class, not a name
        let property = out.ends_with("\\p") || out.ends_with("\\P");
        let is_name = !property && name.len() > 1 && name.bytes().all(|b| b.is_ascii_alphabetic() || b == b'-');
        if is_name {
            let Some(alt) = named(name) else { panic!("pattern template names no lexicon class: {{{name}}}") };
            out.push_str(&alt);
        } else {
            out.push('{');
            out.push_str(&after[..close.min(after.len())]);
            if close < after.len() {
                out.push('}');
            }
        }
        rest = after.get(close + 1..).unwrap_or("");
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_expand_to_escaped_alternations_and_repetitions_stay() {
        assert_eq!(alternation(["Photo", "Photo credit", "AP"]), r"(?:Photo credit|Photo|AP)");
        assert_eq!(alternation(["a.b"]), r"(?:a\.b)");
        let p = expand(r"^(?:[A-Z]\S*\s+){1,3}{byline-leads}$");
        assert!(p.starts_with(r"^(?:[A-Z]\S*\s+){1,3}(?:"), "{p}");
        assert!(p.contains("Reporting by|Written by|"), "{p}");
        assert_eq!(expand(r"\p{Lu}\P{L}{2}"), r"\p{Lu}\P{L}{2}");
        let re = regex::Regex::new(&expand(r"^{Month-prefixes}[a-z]*\.? {month-prefixes}$")).expect("pattern");
        assert!(re.is_match("Sept. sep") && re.is_match("May jan") && !re.is_match("Mai jan"));
    }

    #[test]
    fn the_month_prefixes_are_the_twelve_shortest_spellings() {
        assert_eq!(
            super::super::tables::month_prefixes(),
            ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
        );
    }

    #[test]
    #[should_panic(expected = "names no lexicon class")]
    fn an_unknown_name_is_a_program_error() {
        expand("{no-such-class}");
    }
}

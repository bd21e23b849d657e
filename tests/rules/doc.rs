//! The rule catalogue at the end of `docs/RULES.md`, written from the rule
//! files so the documentation cannot drift from the rules the tests run.

use super::{Example, Rule, RuleFile};
use std::fmt::Write as _;

/// The line after which `docs/RULES.md` is generated.
pub const MARKER: &str = "<!-- generated from data/rules/en/*.toml by tests/rules.rs: do not edit below this line -->";

/// Markdown for table cells: no line breaks, and no character that would end
/// the cell or start emphasis, code or HTML.
fn esc(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\n' | '\r' | '\t' => o.push(' '),
            '\\' | '|' | '*' | '_' | '`' | '<' | '>' | '[' | ']' | '#' => {
                o.push('\\');
                o.push(c);
            }
            c => o.push(c),
        }
    }
    o
}

/// The example's text with its span in bold (its first occurrence, as the
/// test reads it).
fn marked(ex: &Example) -> String {
    match ex.text.find(&ex.span) {
        Some(a) if !ex.span.is_empty() => {
            let b = a + ex.span.len();
            format!("{}**{}**{}", esc(&ex.text[..a]), esc(&ex.span), esc(&ex.text[b..]))
        }
        _ => esc(&ex.text),
    }
}

/// What a fire example expects beyond its span.
fn expected(ex: &Example) -> String {
    let mut parts = Vec::new();
    match &ex.value {
        Some(toml::Value::String(s)) => parts.push(format!("`{}`", s.replace('`', "'"))),
        Some(v) => parts.push(v.to_string()),
        None => {}
    }
    if let Some(h) = ex.high {
        parts.push(format!("to {h}"));
    }
    for (what, v) in [("unit", &ex.unit), ("counts", &ex.counts), ("approx", &ex.approx), ("qualifier", &ex.qualifier)]
    {
        if let Some(v) = v {
            parts.push(format!("{what} {}", esc(v)));
        }
    }
    if ex.ordinal == Some(true) {
        parts.push("ordinal".into());
    }
    if let Some(s) = &ex.speaker {
        parts.push(format!("speaker {}", esc(s)));
    }
    if let Some(k) = &ex.kind {
        parts.push(k.clone());
    }
    if parts.is_empty() { String::new() } else { format!(" → {}", parts.join(", ")) }
}

fn fires(rule: &Rule) -> String {
    rule.fire.iter().map(|ex| format!("{}{}", marked(ex), expected(ex))).collect::<Vec<_>>().join("<br>")
}

fn holds_back(rule: &Rule) -> String {
    let one = |ex: &Example| match &ex.speaker {
        Some(s) => format!("{} → not speaker {}", marked(ex), esc(s)),
        None => marked(ex),
    };
    rule.no_fire.iter().map(one).collect::<Vec<_>>().join("<br>")
}

/// Groups of rules in the order their first rule appears: by date family,
/// otherwise by the id's first part.
fn groups(file: &RuleFile) -> Vec<(String, Vec<&Rule>)> {
    let mut out: Vec<(String, Vec<&Rule>)> = Vec::new();
    for rule in &file.rule {
        let key = rule.family.clone().unwrap_or_else(|| rule.id.split(['.', '/']).next().unwrap_or("").to_string());
        match out.iter_mut().find(|(k, _)| *k == key) {
            Some((_, rules)) => rules.push(rule),
            None => out.push((key, vec![rule])),
        }
    }
    out
}

/// The whole generated part, from the marker line on.
pub fn catalogue(files: &[(&str, &str, &RuleFile)]) -> String {
    let mut s = format!("{MARKER}\n\n## Catalogue\n\n");
    let total: usize = files.iter().map(|(_, _, f)| f.rule.len()).sum();
    let _ = writeln!(s, "{total} rules, each with examples that must fire and examples that must not:\n");
    for (name, title, file) in files {
        let groups = groups(file);
        let _ = writeln!(
            s,
            "- [{title}](#{}): `{name}`, {} rules in {} groups",
            anchor(title),
            file.rule.len(),
            groups.len()
        );
    }
    for (name, title, file) in files {
        let _ = writeln!(
            s,
            "\n### {title}\n\n`data/rules/en/{name}`; every example is an article published on {}.",
            file.published
        );
        for (key, rules) in groups(file) {
            let _ = writeln!(s, "\n#### `{key}` ({})\n", rules.len());
            s.push_str("| id | what it does | fires on | leaves alone |\n|---|---|---|---|\n");
            for rule in rules {
                let failing =
                    rule.known_failure.as_ref().map(|r| format!(" (known failure: {})", esc(r))).unwrap_or_default();
                let _ = writeln!(
                    s,
                    "| `{}` | {}{failing} | {} | {} |",
                    rule.id,
                    esc(&rule.doc),
                    fires(rule),
                    holds_back(rule)
                );
            }
        }
    }
    s
}

/// GitHub's anchor for a heading made of words and spaces.
fn anchor(title: &str) -> String {
    title.to_lowercase().split_whitespace().collect::<Vec<_>>().join("-")
}

//! GitHub Actions annotations (`--format github`): one `::warning` per
//! conflict value, pointing at the file and line of its evidence, so a pull
//! request that adds articles shows the disagreements inline.

use super::lines::LineIndex;
use crate::model::Report;
use std::io::{self, Write};

/// Escape a value for a workflow command (`%`, CR, LF; and `,` `:` in
/// properties). Other control and bidi characters become U+FFFD: the log
/// viewer would act on escape sequences in a file name.
fn escape_data(s: &str) -> String {
    let safe: String = s.chars().map(|c| if matches!(c, '\r' | '\n') { c } else { super::clean_char(c) }).collect();
    safe.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

pub fn write(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    let mut idx = LineIndex::default();
    let path_of = |article: &str| {
        report
            .articles
            .iter()
            .find(|a| &*a.id == article)
            .map(|a| a.path.clone())
            .unwrap_or_else(|| article.to_string())
    };
    for c in &report.comparison.conflicts {
        let values: Vec<String> = c.values.iter().map(|v| format!("{} ({})", v.value, v.articles.len())).collect();
        for v in &c.values {
            for e in &v.evidence {
                let path = path_of(&e.article);
                let (line, col) = idx.locate(&path, e.start).unwrap_or((1, 1));
                writeln!(
                    out,
                    "::warning file={},line={},col={},title={}::{}: this source says {}; sources disagree: {} (confidence {:.2})",
                    escape_property(&path),
                    line,
                    col,
                    escape_property(&format!("Conflict: {}", c.topic)),
                    escape_data(&c.topic),
                    escape_data(&v.value),
                    escape_data(&values.join(" vs ")),
                    c.confidence
                )?;
            }
        }
    }
    for w in &report.warnings {
        writeln!(out, "::notice file={}::{}", escape_property(&w.path), escape_data(&w.message))?;
    }
    let s = &report.summary;
    writeln!(
        out,
        "::notice title=analyze::{} articles, {} stories, {} agreements, {} conflicts, {} single-source facts",
        s.articles, s.stories, s.agreements, s.conflicts, s.single_source
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_workflow_commands() {
        assert_eq!(escape_data("50%\nnext"), "50%25%0Anext");
        assert_eq!(escape_property("a:b,c"), "a%3Ab%2Cc");
        assert_eq!(escape_data("a\u{1b}]0;x\u{7}b\tc"), "a\u{fffd}]0;x\u{fffd}b c");
    }
}

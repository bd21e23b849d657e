//! Stage 7, render: the report as text, Markdown, JSON, JSON Lines or GitHub
//! annotations. Renderers only read the [`Report`]; analysis never formats.
//!
//! Text and Markdown share one layout ([`layout`]) written against the small
//! [`Markup`] trait, so the two always show the same content.

pub mod github;
pub mod json;
pub mod layout;
pub mod lines;

use crate::model::Report;
use std::io::{self, Write};

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Json,
    Jsonl,
    Markdown,
    Github,
}

/// How much of each section to show.
#[derive(Debug, Clone, Copy)]
pub struct View {
    pub color: bool,
    /// Rows per section; `usize::MAX` shows everything.
    pub limit: usize,
    /// Indent JSON for reading (on a terminal); compact otherwise, which is a
    /// third smaller and faster to write and to parse.
    pub pretty: bool,
}

impl Default for View {
    fn default() -> Self {
        View { color: false, limit: 10, pretty: false }
    }
}

/// Render a finished report in `format` (`Jsonl` is written by the pipeline
/// record by record, not here).
pub fn render(report: &Report, format: Format, view: &View, out: &mut dyn Write) -> io::Result<()> {
    match format {
        Format::Json if view.pretty => json::write_report_pretty(report, out),
        Format::Json => json::write_report(report, out),
        Format::Text => layout::write(report, &mut layout::Text { color: view.color }, view, out),
        Format::Markdown => layout::write(report, &mut layout::Markdown, view, out),
        Format::Github => github::write(report, out),
        Format::Jsonl => json::write_report(report, out),
    }
}

/// Make article text safe to print on a terminal: control characters and
/// bidirectional overrides in untrusted text could rewrite the screen.
pub fn clean(s: &str) -> String {
    s.chars().map(clean_char).collect()
}

/// One character of [`clean`].
pub fn clean_char(c: char) -> char {
    match c {
        '\n' | '\r' | '\t' => ' ',
        c if c.is_control() => '\u{fffd}',
        '\u{202a}'..='\u{202e}'
        | '\u{2066}'..='\u{2069}'
        | '\u{200e}'
        | '\u{200f}'
        | '\u{061c}'
        | '\u{2028}'
        | '\u{2029}'
        | '\u{feff}' => ' ',
        c => c,
    }
}

/// Shorten to at most `max` characters, on a char boundary, with an ellipsis.
pub fn ellipsize(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let cut: String = s.chars().take(max.saturating_sub(1)).collect();
    format!("{}…", cut.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_removes_terminal_escapes() {
        assert_eq!(clean("a\u{1b}[31mb\u{202e}c"), "a\u{fffd}[31mb c");
        assert_eq!(clean("x\u{2066}y\u{2028}z\u{61c}\u{85}"), "x y z \u{fffd}");
    }

    #[test]
    fn ellipsize_counts_chars() {
        assert_eq!(ellipsize("Zoë Brandt said", 5), "Zoë …".replace(" …", "…"));
        assert_eq!(ellipsize("short", 10), "short");
    }
}

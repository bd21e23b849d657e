//! Stage 7, render: the report as text, Markdown, JSON, JSON Lines, GitHub
//! annotations or an HTML page. Renderers only read the [`Report`]; analysis never formats.
//! The JSON report leaves out extraction detail unless asked for it ([`slim`]).
//!
//! Text and Markdown share one layout ([`layout`]) written against the small
//! [`Markup`] trait, so the two always show the same content.

pub mod github;
pub mod html;
pub mod json;
pub mod layout;
pub mod lines;
pub mod slim;
#[cfg(test)]
pub(crate) mod testdata;

use crate::model::Report;
pub use slim::Detail;
use std::io::{self, Write};

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Json,
    Jsonl,
    Markdown,
    Github,
    /// One self-contained HTML page.
    Html,
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
    /// Most bytes `--format markdown` may write (GitHub rejects a comment or
    /// job summary over its limit instead of cutting it).
    pub markdown_budget: usize,
    /// How much of each item `--format json` carries.
    pub detail: Detail,
}

impl Default for View {
    fn default() -> Self {
        View { color: false, limit: 10, pretty: false, markdown_budget: 65_536, detail: Detail::Standard }
    }
}

/// "1 story", "2 stories".
pub fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Render a finished report in `format` (`Jsonl` is written by the pipeline
/// record by record, not here).
pub fn render(report: &Report, format: Format, view: &View, out: &mut dyn Write) -> io::Result<()> {
    match format {
        Format::Json => json::write_report_at(report, view.pretty, view.detail, out),
        Format::Text => layout::write(report, &mut layout::Text { color: view.color }, view, out),
        Format::Markdown => layout::write_markdown(report, view, out),
        Format::Github => github::write(report, out),
        Format::Html => html::write(report, view, out),
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

/// A writer that spells every C1 control character (U+0080 to U+009F) as a
/// JSON escape, `\u0085`. serde_json escapes C0 controls but writes C1 as raw
/// UTF-8, and a terminal may act on those (U+009B opens a control sequence),
/// while items keep the file's own text. Outside strings JSON is ASCII, so
/// the escape is only ever written inside a string, where it means the same
/// character. The renderers for people clean these characters themselves
/// ([`clean`]), so nothing is left for this writer to change in their output.
pub struct EscapeC1<W: Write> {
    inner: W,
    /// The last byte written was 0xC2, the lead byte of every C1 character.
    pending_lead: bool,
}

impl<W: Write> EscapeC1<W> {
    pub fn new(inner: W) -> Self {
        EscapeC1 { inner, pending_lead: false }
    }

    /// The inner writer, after any lead byte still held back.
    pub fn into_inner(mut self) -> io::Result<W> {
        if std::mem::take(&mut self.pending_lead) {
            self.inner.write_all(&[0xC2])?;
        }
        Ok(self.inner)
    }

    fn escape(&mut self, second: u8) -> io::Result<()> {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        self.inner.write_all(&[b'\\', b'u', b'0', b'0', HEX[usize::from(second >> 4)], HEX[usize::from(second & 15)]])
    }
}

impl<W: Write> Write for EscapeC1<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.write_all(buf)?;
        Ok(buf.len())
    }

    fn write_all(&mut self, mut buf: &[u8]) -> io::Result<()> {
        if self.pending_lead {
            let Some(&next) = buf.first() else { return Ok(()) };
            self.pending_lead = false;
            if (0x80..=0x9f).contains(&next) {
                self.escape(next)?;
                buf = &buf[1..];
            } else {
                self.inner.write_all(&[0xC2])?;
            }
        }
        while let Some(i) = memchr::memchr(0xC2, buf) {
            self.inner.write_all(&buf[..i])?;
            match buf.get(i + 1) {
                Some(&next) if (0x80..=0x9f).contains(&next) => {
                    self.escape(next)?;
                    buf = &buf[i + 2..];
                }
                Some(_) => {
                    self.inner.write_all(&buf[i..=i])?;
                    buf = &buf[i + 1..];
                }
                None => {
                    self.pending_lead = true;
                    return Ok(());
                }
            }
        }
        self.inner.write_all(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
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

    /// C1 characters come out as JSON escapes, also when a write ends
    /// between the two bytes of one; other text, C2-led letters included,
    /// passes unchanged, and the JSON still parses to the same string.
    #[test]
    fn c1_controls_are_escaped_in_json() {
        let value = serde_json::json!({ "text": "a\u{85}b\u{9b}31m ¢ \u{a0}é" });
        let raw = serde_json::to_vec(&value).expect("json");
        for cut in 0..=raw.len() {
            let mut w = EscapeC1::new(Vec::new());
            w.write_all(&raw[..cut]).expect("write");
            w.write_all(&raw[cut..]).expect("write");
            let out = w.into_inner().expect("inner");
            let s = String::from_utf8(out.clone()).expect("utf-8");
            let want = format!(r#"{{"text":"a\u0085b\u009b31m ¢ {}é"}}"#, '\u{a0}');
            assert_eq!(s, want, "cut at {cut}");
            assert!(!s.chars().any(|c| ('\u{80}'..='\u{9f}').contains(&c)));
            let back: serde_json::Value = serde_json::from_slice(&out).expect("parses");
            assert_eq!(back, value);
        }
    }

    #[test]
    fn clean_removes_terminal_escapes() {
        assert_eq!(clean("a\u{1b}[31mb\u{202e}c"), "a\u{fffd}[31mb c");
        assert_eq!(clean("x\u{2066}y\u{2028}z\u{61c}\u{85}"), "x y z \u{fffd}");
    }

    /// 50,000 articles: Markdown fits a pull-request comment by default and
    /// a job summary on request, and says what it left out; GitHub gets at
    /// most ten conflict annotations, the most confident first.
    #[test]
    fn large_reports_fit_where_they_are_posted() {
        let report = testdata::big_report(50_000);
        for budget in [65_536, 1 << 20] {
            let view = View { markdown_budget: budget, ..View::default() };
            let mut out = Vec::new();
            render(&report, Format::Markdown, &view, &mut out).expect("render");
            let s = String::from_utf8(out).expect("utf-8");
            assert!(s.len() <= budget, "{} bytes over a budget of {budget}", s.len());
            assert!(s.chars().count() <= budget);
            assert!(s.starts_with("# analyze: 50000 articles"), "{}", &s[..200]);
            assert!(s.contains("Conflicts (1000)"));
            assert!(s.contains("… and 990 more (--all shows everything)"), "says what it left out");
        }
        let mut out = Vec::new();
        render(&report, Format::Github, &View::default(), &mut out).expect("render");
        let s = String::from_utf8(out).expect("utf-8");
        let warnings: Vec<&str> = s.lines().filter(|l| l.starts_with("::warning")).collect();
        assert_eq!(warnings.len(), 10);
        assert!(warnings[0].contains("confidence 0.90"), "{}", warnings[0]);
        assert!(s.lines().filter(|l| l.starts_with("::notice")).count() <= 10);
        let last = s.lines().last().expect("summary");
        assert!(last.contains("1000 conflicts (10 annotated"), "{last}");
        // Text: every section capped, long name lists cut with a count.
        let mut out = Vec::new();
        render(&report, Format::Text, &View::default(), &mut out).expect("render");
        let s = String::from_utf8(out).expect("utf-8");
        assert!(s.len() < 200_000, "{} bytes of text", s.len());
        assert!(s.contains("and 15 more"), "25 names shown as 10 and a count");
        assert!(s.contains("Key numbers by article (50000)"));
        assert!(s.contains("--all shows everything"));
    }

    #[test]
    fn markdown_cut_names_the_sections_left_out() {
        let report = testdata::big_report(2_000);
        // Shortened sections first, with a notice.
        let view = View { markdown_budget: 6000, ..View::default() };
        let mut out = Vec::new();
        render(&report, Format::Markdown, &view, &mut out).expect("render");
        let s = String::from_utf8(out).expect("utf-8");
        assert!(s.len() <= 6000, "{}", s.len());
        assert!(s.contains("Sections shortened to 1 row each"), "{s}");
        // Then whole sections left out, by name.
        let view = View { markdown_budget: 2500, ..View::default() };
        let mut out = Vec::new();
        render(&report, Format::Markdown, &view, &mut out).expect("render");
        let s = String::from_utf8(out).expect("utf-8");
        assert!(s.len() <= 2500, "{}", s.len());
        assert!(s.contains("left out:") && s.contains("Articles (2000)"), "{s}");
        assert!(s.contains("## Conflicts (40)"), "the first sections are kept: {s}");
    }

    #[test]
    fn plural_agrees_with_the_count() {
        assert_eq!(plural(1, "story", "stories"), "1 story");
        assert_eq!(plural(0, "story", "stories"), "0 stories");
        assert_eq!(plural(2, "file", "files"), "2 files");
    }

    #[test]
    fn ellipsize_counts_chars() {
        assert_eq!(ellipsize("Zoë Brandt said", 5), "Zoë …".replace(" …", "…"));
        assert_eq!(ellipsize("short", 10), "short");
    }
}

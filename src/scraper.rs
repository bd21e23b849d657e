//! Scraper output as input: the JSON and JSON Lines records that
//! news-please and trafilatura write, so a newsroom can feed its crawl
//! straight in.
//!
//! A file ending in `.json` holds one record or an array of records; a file
//! ending in `.jsonl` (or `.ndjson`) holds one record per line. Standard
//! input (`-`) is taken as records when it starts with `{` or `[` and parses
//! as records. The fields read, by the names either tool uses:
//!
//! | what | fields, first present wins |
//! | --- | --- |
//! | text | `text`, `maintext`, `raw_text` |
//! | headline | `title`, `title_page`, `title_rss` |
//! | publication date | `date`, `date_publish`, `published` (`YYYY-MM-DD`, time ignored) |
//! | outlet | `sitename`, `source_domain`, `source-hostname`, `hostname` |
//!
//! Each record is one article with the id `FILE#N` (N counts records from
//! 1). Its offsets are byte offsets into the record's text field as UTF-8,
//! so `text[start..end]` of that field is each item's text; the report has
//! no line numbers for them.

use crate::model::{Warning, WarningKind};
use crate::pipeline::GivenMeta;
use serde_json::Value;

/// One record: the article text and what the record says about it.
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    pub id: String,
    pub text: String,
    pub meta: GivenMeta,
}

/// The extensions of scraper files, without the dot. A walked folder reads
/// them beside `.txt` articles.
pub const EXTENSIONS: [&str; 3] = ["json", "jsonl", "ndjson"];

/// Whether a path names a scraper file (by its extension).
pub fn is_scraper_path(path: &str) -> bool {
    let lower = path.to_ascii_lowercase();
    EXTENSIONS.iter().any(|e| lower.strip_suffix(e).is_some_and(|rest| rest.ends_with('.')))
}

fn first_str<'a>(v: &'a Value, keys: &[&str]) -> Option<&'a str> {
    keys.iter().filter_map(|k| v.get(*k)?.as_str()).map(str::trim).find(|s| !s.is_empty())
}

/// `YYYY-MM-DD` from `2025-03-14`, `2025-03-14 09:30:00` or an ISO 8601
/// timestamp; anything else is no date.
fn day(s: &str) -> Option<String> {
    let d: jiff::civil::Date = s.get(..10)?.parse().ok()?;
    Some(d.to_string())
}

fn record(id: String, v: &Value) -> Result<Record, String> {
    if !v.is_object() {
        return Err("not a JSON object".into());
    }
    // A report kept next to the articles (a CI baseline) is the likeliest
    // JSON file in a corpus folder that is not a record.
    if v.get("schema_version").is_some()
        && v.get("tool").and_then(Value::as_str).is_some_and(|t| t.starts_with("analyze"))
    {
        return Err("an analyze report, not a scraper record".into());
    }
    let Some(text) = first_str(v, &["text", "maintext", "raw_text"]) else {
        return Err("no text field (text, maintext or raw_text)".into());
    };
    let meta = GivenMeta {
        published: first_str(v, &["date", "date_publish", "published"]).and_then(day),
        headline: first_str(v, &["title", "title_page", "title_rss"]).map(str::to_string),
        outlet: first_str(v, &["sitename", "source_domain", "source-hostname", "hostname"]).map(str::to_string),
    };
    // Control characters become spaces of the same length, as in files read
    // from disk, so offsets into the text field stay exact and no escape code
    // reaches a report.
    let (text, _) = crate::read::replace_controls(text.to_string());
    Ok(Record { id, text, meta })
}

/// The records of a scraper file; a record that cannot be read is a
/// warning naming it, the others are kept.
pub fn parse(file_id: &str, bytes: &[u8], lines: bool) -> (Vec<Record>, Vec<Warning>) {
    let warn = |id: String, message: String| Warning { path: id, kind: WarningKind::Other, message };
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t.trim_start_matches('\u{feff}'),
        Err(_) => return (vec![], vec![warn(file_id.to_string(), "scraper file is not UTF-8; skipped".into())]),
    };
    let mut out = Vec::new();
    let mut warnings = Vec::new();
    let values: Vec<Result<Value, String>> = if lines {
        text.lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| serde_json::from_str(l).map_err(|e| format!("not JSON: {e}")))
            .collect()
    } else {
        match serde_json::from_str::<Value>(text) {
            Ok(Value::Array(items)) => items.into_iter().map(Ok).collect(),
            Ok(v) => vec![Ok(v)],
            Err(e) => return (vec![], vec![warn(file_id.to_string(), format!("not JSON: {e}; skipped"))]),
        }
    };
    for (i, v) in values.into_iter().enumerate() {
        let id = format!("{file_id}#{}", i + 1);
        match v.and_then(|v| record(id.clone(), &v)) {
            Ok(r) => out.push(r),
            Err(m) => warnings.push(warn(id, format!("{m}; record skipped"))),
        }
    }
    if out.is_empty() && warnings.is_empty() {
        warnings.push(Warning { path: file_id.to_string(), kind: WarningKind::Empty, message: "no records".into() });
    }
    (out, warnings)
}

/// Records from standard input, when it looks like them (`None`: read it
/// as a plain article).
pub fn sniff(bytes: &[u8]) -> Option<(Vec<Record>, Vec<Warning>)> {
    let start = bytes.iter().position(|b| !b.is_ascii_whitespace())?;
    if !matches!(bytes[start], b'{' | b'[') {
        return None;
    }
    let whole = parse("-", bytes, false);
    if !whole.0.is_empty() {
        return Some(whole);
    }
    let lines = parse("-", bytes, true);
    (!lines.0.is_empty()).then_some(lines)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Found by the `scraper` fuzz target: a DEL in a record's text reached
    /// the spans raw, where a file's text has a space.
    #[test]
    fn control_characters_in_a_record_are_spaces_of_the_same_length() {
        let raw = br#"{"text": "The pier\u007f reopened\u001b[2J on\u0085 Friday."}"#;
        let (r, w) = parse("c.json", raw, false);
        assert!(w.is_empty(), "{w:?}");
        assert_eq!(r[0].text, "The pier  reopened [2J on\u{a0} Friday.");
        assert_eq!(r[0].text.len(), "The pier\u{7f} reopened\u{1b}[2J on\u{85} Friday.".len());
    }

    #[test]
    fn news_please_and_trafilatura_fields() {
        let np = br#"{"title": "Flood closes quay", "maintext": "The quay closed on Monday.", "date_publish": "2026-04-02 09:30:00", "source_domain": "example.org"}"#;
        let (r, w) = parse("np.json", np, false);
        assert!(w.is_empty(), "{w:?}");
        assert_eq!(r[0].id, "np.json#1");
        assert_eq!(r[0].text, "The quay closed on Monday.");
        assert_eq!(r[0].meta.published.as_deref(), Some("2026-04-02"));
        assert_eq!(r[0].meta.headline.as_deref(), Some("Flood closes quay"));
        assert_eq!(r[0].meta.outlet.as_deref(), Some("example.org"));
        let tr = "{\"title\": \"A\", \"text\": \"One.\", \"date\": \"2026-04-03\", \"sitename\": \"The Courier\"}\n\n{\"raw_text\": \"Two.\", \"date\": \"someday\"}\n";
        let (r, w) = parse("t.jsonl", tr.as_bytes(), true);
        assert!(w.is_empty(), "{w:?}");
        assert_eq!(r.len(), 2);
        assert_eq!(r[1].id, "t.jsonl#2", "blank lines are not records");
        assert_eq!(r[1].meta.published, None, "an unreadable date is no date");
        assert_eq!(r[0].meta.outlet.as_deref(), Some("The Courier"));
    }

    #[test]
    fn bad_records_are_warnings_and_the_rest_are_kept() {
        let (r, w) = parse("a.json", br#"[{"text": "Kept."}, {"title": "no text"}, 3]"#, false);
        assert_eq!(r.len(), 1);
        assert_eq!(w.len(), 2);
        assert_eq!(w[0].path, "a.json#2");
        let (r, w) = parse("b.jsonl", b"{\"text\": \"x\"}\n{oops\n", true);
        assert_eq!((r.len(), w.len()), (1, 1));
        let (r, w) = parse("c.json", b"{oops", false);
        assert!(r.is_empty() && w.len() == 1);
        let (r, w) = parse("d.json", b"[]", false);
        assert!(r.is_empty() && w[0].kind == WarningKind::Empty);
        let (r, w) = parse("last.json", br#"{"schema_version": 1, "tool": "analyze 0.1.0", "text": "x"}"#, false);
        assert!(r.is_empty() && w[0].message.contains("an analyze report"), "{w:?}");
    }

    #[test]
    fn stdin_is_records_only_when_it_parses_as_them() {
        assert!(sniff(b"  {\"text\": \"A record.\"}").is_some());
        assert_eq!(sniff(b"{\"text\": \"a\"}\n{\"text\": \"b\"}\n").map(|(r, _)| r.len()), Some(2));
        assert!(sniff(b"The council met on Tuesday.").is_none());
        assert!(sniff(b"{Not JSON} but an article in braces.").is_none());
        assert!(is_scraper_path("crawl/Day1.JSONL") && is_scraper_path("a.json") && !is_scraper_path("a.txt"));
    }
}

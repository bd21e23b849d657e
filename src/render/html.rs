//! `--format html`: one self-contained page (inline CSS, no script, nothing
//! fetched) for readers who would rather look than read: conflicts side by
//! side with each source's sentence and the differing value marked,
//! agreements, shared quotes with their wording differences, an entity ×
//! outlet coverage matrix and a timeline of dated events.
//!
//! Every string from the articles goes through [`esc`]; the page has no
//! script, so untrusted text cannot do more than show up as text.

use super::{View, clean, ellipsize, plural};
use crate::model::{Claim, DateKind, Evidence, Report, Topic};
use std::collections::{BTreeMap, BTreeSet};
use std::io::{self, Write};

const STYLE: &str = "
body{font:15px/1.45 system-ui,sans-serif;margin:2em auto;max-width:72em;padding:0 1em;color:#222}
h1{font-size:1.4em}h2{margin-top:2em;border-bottom:1px solid #ccc}
.summary span{display:inline-block;margin-right:1.2em}
.conflict{border:1px solid #e0b4b4;border-radius:6px;margin:1em 0;padding:.6em}
.conflict h3{margin:.2em 0 .5em;font-size:1.05em}
.sides{display:grid;grid-template-columns:repeat(auto-fit,minmax(16em,1fr));gap:.8em}
.side{background:#fbf7f7;border-radius:4px;padding:.5em}
.side .value{font-weight:bold;font-size:1.1em}
.src{color:#555;font-size:.85em}
blockquote{margin:.4em 0;padding-left:.6em;border-left:3px solid #ddd}
mark{background:#ffe27a;padding:0 .1em}
table{border-collapse:collapse;margin:.6em 0}td,th{border:1px solid #ddd;padding:.2em .5em;text-align:left}
td.n{text-align:center}td.n.has{background:#dcefdc}td.n.none{color:#bbb}
.more{color:#777;font-style:italic}.note{color:#777}
.timeline li{margin:.15em 0}.new{color:#b00;font-weight:bold}
";

/// Escape text for HTML element content and attribute values.
pub fn esc(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in clean(s).chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&#39;"),
            c => o.push(c),
        }
    }
    o
}

/// `text` escaped, with `[from, to)` (byte offsets into `text`) marked.
fn marked(text: &str, from: usize, to: usize) -> String {
    match (text.get(..from), text.get(from..to), text.get(to..)) {
        (Some(a), Some(b), Some(c)) if from < to => format!("{}<mark>{}</mark>{}", esc(a), esc(b), esc(c)),
        _ => esc(text),
    }
}

struct Page<'a> {
    report: &'a Report,
    limit: usize,
    names: BTreeMap<&'a str, String>,
    outlets: BTreeMap<&'a str, &'a str>,
    /// Claims per article, by start offset, to find an evidence's sentence.
    claims: BTreeMap<&'a str, Vec<&'a Claim>>,
}

impl<'a> Page<'a> {
    fn new(report: &'a Report, view: &View) -> Self {
        let mut claims: BTreeMap<&str, Vec<&Claim>> = BTreeMap::new();
        for c in &report.claims {
            claims.entry(c.article.as_ref()).or_default().push(c);
        }
        for list in claims.values_mut() {
            list.sort_by_key(|c| c.start);
        }
        let names = report
            .articles
            .iter()
            .map(|a| (a.id.as_ref(), a.id.rsplit('/').next().unwrap_or(&a.id).to_string()))
            .collect();
        // A page holds more than a screen: five times the text report's rows.
        let outlets = report.articles.iter().filter_map(|a| Some((a.id.as_ref(), a.outlet.as_deref()?))).collect();
        Page { report, limit: view.limit.saturating_mul(5), names, outlets, claims }
    }

    fn name(&self, id: &str) -> String {
        esc(self.names.get(id).map_or(id, String::as_str))
    }

    fn outlet(&self, id: &str) -> Option<&str> {
        self.outlets.get(id).copied()
    }

    /// The sentence an evidence span sits in, with the span marked (or, when
    /// the span is the whole sentence, the value inside it); the span alone
    /// when no claim holds it.
    fn sentence(&self, e: &Evidence, value: &str) -> String {
        let holder = self.claims.get(e.article.as_ref()).and_then(|list| {
            let i = list.partition_point(|c| c.start <= e.start);
            list[..i].iter().rev().find(|c| c.end >= e.end)
        });
        match holder {
            Some(c) => {
                // Offsets are file bytes; they index the text only when the
                // file was UTF-8 (same length). Otherwise look for the words.
                let (from, to) = if c.text.len() == c.end - c.start {
                    (e.start - c.start, e.end - c.start)
                } else {
                    c.text.find(&e.text).map_or((0, 0), |i| (i, i + e.text.len()))
                };
                let text = &c.text;
                let (from, to) = match text.find(value) {
                    Some(i) if from == 0 && to >= text.len() && !value.is_empty() => (i, i + value.len()),
                    _ => (from, to),
                };
                // A statement's value is its whole sentence: marking all of it says nothing.
                if text.len() > 600 || (from == 0 && to >= text.len()) {
                    esc(&ellipsize(text, 400))
                } else {
                    marked(text, from, to)
                }
            }
            None => format!("<mark>{}</mark>", esc(&e.text)),
        }
    }
}

fn more(out: &mut dyn Write, shown: usize, total: usize) -> io::Result<()> {
    if total > shown {
        writeln!(out, "<p class=more>… and {} more (--all shows everything)</p>", total - shown)?;
    }
    Ok(())
}

pub fn write(report: &Report, view: &View, out: &mut dyn Write) -> io::Result<()> {
    let p = Page::new(report, view);
    let s = &report.summary;
    writeln!(out, "<!DOCTYPE html>\n<html lang=en><head><meta charset=utf-8>")?;
    writeln!(out, "<meta name=viewport content=\"width=device-width, initial-scale=1\">")?;
    writeln!(
        out,
        "<title>analyze: {}</title><style>{STYLE}</style></head><body>",
        plural(s.articles, "article", "articles")
    )?;
    writeln!(out, "<h1>Cross-source comparison</h1><p class=summary>")?;
    for part in [
        plural(s.articles, "article", "articles"),
        plural(s.outlets, "named outlet", "named outlets"),
        plural(s.stories, "story", "stories"),
        plural(s.conflicts, "conflict", "conflicts"),
        plural(s.agreements, "agreement", "agreements"),
        plural(s.quote_matches, "shared quote", "shared quotes"),
    ] {
        writeln!(out, "<span>{part}</span>")?;
    }
    writeln!(out, "</p>")?;
    changes(&p, out)?;
    conflicts(&p, out)?;
    agreements(&p, out)?;
    quotes(&p, out)?;
    coverage(&p, out)?;
    timeline(&p, out)?;
    writeln!(
        out,
        "<p class=note>Written by {} from {}.</p></body></html>",
        esc(&report.tool),
        plural(s.articles, "article", "articles")
    )
}

fn changes(p: &Page, out: &mut dyn Write) -> io::Result<()> {
    let Some(c) = &p.report.changes else { return Ok(()) };
    writeln!(out, "<section id=changes><h2>Since the baseline</h2><ul>")?;
    writeln!(
        out,
        "<li>{}, {} removed, {} renamed or moved</li>",
        plural(c.new_articles.len(), "new article", "new articles"),
        c.removed_articles.len(),
        c.renamed_articles.len()
    )?;
    writeln!(out, "<li class=new>{}</li>", plural(c.new_conflicts.len(), "new conflict", "new conflicts"))?;
    writeln!(out, "<li>{}</li>", plural(c.changed_conflicts.len(), "changed conflict", "changed conflicts"))?;
    writeln!(
        out,
        "<li>{}</li></ul></section>",
        plural(c.resolved_conflicts.len(), "conflict resolved", "conflicts resolved")
    )
}

fn is_new(p: &Page, t: &Topic) -> bool {
    p.report.changes.as_ref().is_some_and(|c| c.new_conflicts.iter().take(p.limit).any(|x| x == t))
}

fn conflicts(p: &Page, out: &mut dyn Write) -> io::Result<()> {
    let list = &p.report.comparison.conflicts;
    writeln!(out, "<section id=conflicts><h2>Conflicts ({})</h2>", list.len())?;
    if list.is_empty() {
        writeln!(out, "<p class=note>The sources do not contradict one another on anything compared.</p>")?;
    }
    for t in list.iter().take(p.limit) {
        let new = if is_new(p, t) { " <span class=new>new</span>" } else { "" };
        let within = if t.self_contradiction { " — one article gives more than one value" } else { "" };
        writeln!(
            out,
            "<div class=conflict><h3>{}{new}</h3><div class=src>{}, confidence {:.2}{within}</div><div class=sides>",
            esc(&t.topic),
            plural(t.independent_sources, "independent source", "independent sources"),
            t.confidence
        )?;
        for v in t.values.iter().take(p.limit) {
            writeln!(out, "<div class=side><div class=value>{}</div>", esc(&v.value))?;
            for e in v.evidence.iter().take(3) {
                let who = p.outlet(&e.article).map(|o| format!("{} · ", esc(o))).unwrap_or_default();
                writeln!(
                    out,
                    "<blockquote>{}<div class=src>{who}{}</div></blockquote>",
                    p.sentence(e, &v.value),
                    p.name(&e.article)
                )?;
            }
            if v.articles.len() > 3 {
                writeln!(out, "<div class=more>and {} more sources</div>", v.articles.len() - 3)?;
            }
            writeln!(out, "</div>")?;
        }
        writeln!(out, "</div>")?;
        if let Some(n) = &t.note {
            writeln!(out, "<div class=note>{}</div>", esc(n))?;
        }
        writeln!(out, "</div>")?;
    }
    more(out, p.limit.min(list.len()), list.len())?;
    writeln!(out, "</section>")
}

fn agreements(p: &Page, out: &mut dyn Write) -> io::Result<()> {
    let list = &p.report.comparison.agreements;
    writeln!(out, "<section id=agreements><h2>Agreements ({})</h2>", list.len())?;
    if !list.is_empty() {
        writeln!(out, "<table><tr><th>what</th><th>value</th><th>sources</th><th>first said</th></tr>")?;
        for t in list.iter().take(p.limit) {
            let Some(v) = t.values.first() else { continue };
            let first = v.evidence.first().map(|e| p.sentence(e, &v.value)).unwrap_or_default();
            writeln!(
                out,
                "<tr><td>{}</td><td>{}</td><td class=n>{}</td><td>{first}</td></tr>",
                esc(&t.topic),
                esc(&ellipsize(&v.value, 80)),
                t.independent_sources
            )?;
        }
        writeln!(out, "</table>")?;
    }
    more(out, p.limit.min(list.len()), list.len())?;
    writeln!(out, "</section>")
}

/// The variant's text with the words that differ from the main form marked.
fn variant_text(text: &str, differs: &[String]) -> String {
    let differs: BTreeSet<String> = differs.iter().map(|d| d.to_lowercase()).collect();
    let mut o = String::new();
    for (i, w) in text.split(' ').enumerate() {
        if i > 0 {
            o.push(' ');
        }
        let bare = w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
        if !bare.is_empty() && differs.contains(&bare) {
            o.push_str(&format!("<mark>{}</mark>", esc(w)));
        } else {
            o.push_str(&esc(w));
        }
    }
    o
}

fn quotes(p: &Page, out: &mut dyn Write) -> io::Result<()> {
    let list = &p.report.comparison.quote_matches;
    writeln!(out, "<section id=quotes><h2>Shared quotes ({})</h2>", list.len())?;
    for q in list.iter().take(p.limit) {
        let who = q.speaker_name.as_deref().unwrap_or("unattributed");
        let how = match q.relation.as_str() {
            "exact" => "word for word",
            "variant" => "worded differently",
            "contained" => "one quotes part of the other",
            other => other,
        };
        let clash =
            if q.speaker_conflict { " — <span class=new>attributed to different speakers</span>" } else { "" };
        writeln!(out, "<h3>{} <span class=src>{how}{clash}</span></h3>", esc(who))?;
        for v in q.variants.iter().take(p.limit) {
            let names: Vec<String> = v.articles.iter().take(p.limit).map(|a| p.name(a)).collect();
            writeln!(
                out,
                "<blockquote>“{}”<div class=src>{}</div></blockquote>",
                variant_text(&ellipsize(&v.text, 400), &v.differs),
                names.join(", ")
            )?;
        }
    }
    more(out, p.limit.min(list.len()), list.len())?;
    writeln!(out, "</section>")
}

/// Entities (rows, those in most articles first) × outlets (columns; an
/// article with no named outlet is its own column): how many of the
/// outlet's articles name the entity.
fn coverage(p: &Page, out: &mut dyn Write) -> io::Result<()> {
    let r = p.report;
    let mut column_of: BTreeMap<&str, String> = BTreeMap::new();
    for a in &r.articles {
        column_of.insert(
            a.id.as_ref(),
            a.outlet.clone().unwrap_or_else(|| p.names.get(a.id.as_ref()).cloned().unwrap_or_default()),
        );
    }
    let mut per_column: BTreeMap<&str, usize> = BTreeMap::new();
    for c in column_of.values() {
        *per_column.entry(c.as_str()).or_default() += 1;
    }
    let mut columns: Vec<(&str, usize)> = per_column.into_iter().collect();
    columns.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let shown_cols = columns.len().min(p.limit.min(30));
    let mut ents: Vec<_> = r.entities.iter().filter(|e| !e.outlet).collect();
    ents.sort_by(|a, b| b.mention_counts.len().cmp(&a.mention_counts.len()).then(a.name.cmp(&b.name)));
    let shown_rows = ents.len().min(p.limit);
    writeln!(
        out,
        "<section id=coverage><h2>Who each outlet names ({} entities × {} outlets)</h2>",
        ents.len(),
        columns.len()
    )?;
    writeln!(out, "<table><tr><th>entity</th>")?;
    for (c, n) in columns.iter().take(shown_cols) {
        writeln!(out, "<th title=\"{}\">{} <span class=src>({n})</span></th>", esc(c), esc(&ellipsize(c, 24)))?;
    }
    writeln!(out, "</tr>")?;
    for e in ents.iter().take(shown_rows) {
        let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
        for a in e.mention_counts.keys() {
            if let Some(c) = column_of.get(a.as_str()) {
                *counts.entry(c.as_str()).or_default() += 1;
            }
        }
        write!(out, "<tr><td>{}</td>", esc(&e.name))?;
        for (c, _) in columns.iter().take(shown_cols) {
            match counts.get(c) {
                Some(n) => write!(out, "<td class=\"n has\">{n}</td>")?,
                None => write!(out, "<td class=\"n none\">·</td>")?,
            }
        }
        writeln!(out, "</tr>")?;
    }
    writeln!(out, "</table>")?;
    if columns.len() > shown_cols {
        writeln!(out, "<p class=more>{} more outlets not shown</p>", columns.len() - shown_cols)?;
    }
    more(out, shown_rows, ents.len())?;
    writeln!(out, "</section>")
}

fn timeline(p: &Page, out: &mut dyn Write) -> io::Result<()> {
    let r = p.report;
    let mut by: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for d in &r.dates {
        if d.kind != DateKind::Date {
            continue;
        }
        if let Some(v) = d.value.as_deref()
            && v.len() == 10
            && v.as_bytes().get(4) == Some(&b'-')
            && v.chars().next().is_some_and(|c| c.is_ascii_digit())
        {
            by.entry(v).or_default().insert(d.article.as_ref());
        }
    }
    writeln!(out, "<section id=timeline><h2>Timeline ({})</h2><ul class=timeline>", plural(by.len(), "day", "days"))?;
    for (day, arts) in by.iter().take(p.limit) {
        let names: Vec<String> = arts.iter().take(10).map(|a| p.name(a)).collect();
        let extra = if arts.len() > 10 { format!(" and {} more", arts.len() - 10) } else { String::new() };
        writeln!(out, "<li><b>{day}</b> — {}{extra}</li>", names.join(", "))?;
    }
    writeln!(out, "</ul>")?;
    more(out, p.limit.min(by.len()), by.len())?;
    writeln!(out, "</section>")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn article_text_cannot_become_markup() {
        assert_eq!(
            esc("<script>alert('x')</script> & \"q\""),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;"
        );
        assert_eq!(marked("About 2,000 <b>", 6, 11), "About <mark>2,000</mark> &lt;b&gt;");
        assert_eq!(marked("short", 3, 99), "short", "a span off the text marks nothing");
        assert_eq!(
            variant_text("We made some real progress,", &["some".into()]),
            "We made <mark>some</mark> real progress,"
        );
    }

    #[test]
    fn a_large_report_stays_bounded_and_well_formed() {
        let report = crate::render::testdata::big_report(20_000);
        let mut out = Vec::new();
        write(&report, &View::default(), &mut out).expect("render");
        let s = String::from_utf8(out).expect("utf-8");
        assert!(s.len() < 2_000_000, "{} bytes", s.len());
        assert!(s.ends_with("</body></html>\n"));
        for id in ["conflicts", "agreements", "quotes", "coverage", "timeline"] {
            assert!(s.contains(&format!("<section id={id}>")), "no {id} section");
        }
        assert!(s.contains("… and 350 more (--all shows everything)"));
    }
}

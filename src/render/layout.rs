//! The human report (text and Markdown): the comparison first, then the
//! extracted material, then the articles.
//!
//! Order: summary line; conflicts with evidence (file:line:col and the
//! sentence with the value highlighted); agreements; quote matches; copies
//! counted as one source; name variants; coverage gaps; single-source facts;
//! citations; then entities
//! (a coverage table entity × article), quotes per speaker, a timeline of
//! dated events, key quantities per article, and the articles themselves.
//! Each long section shows `View::limit` rows and says how many it left out.

use super::lines::LineIndex;
use super::{View, clean, ellipsize, plural};
use crate::model::{DateKind, EntityKind, Evidence, QuoteKind, Report, Topic};
use std::collections::{BTreeMap, BTreeSet};
use std::io::{self, Write};

/// The few formatting primitives the layout needs.
pub trait Markup {
    fn title(&mut self, out: &mut dyn Write, s: &str) -> io::Result<()>;
    fn section(&mut self, out: &mut dyn Write, s: &str) -> io::Result<()>;
    fn item(&mut self, out: &mut dyn Write, depth: usize, s: &str) -> io::Result<()>;
    fn line(&mut self, out: &mut dyn Write, s: &str) -> io::Result<()>;
    fn table(&mut self, out: &mut dyn Write, header: &[String], rows: &[Vec<String>]) -> io::Result<()>;
    fn bold(&self, s: &str) -> String;
    fn dim(&self, s: &str) -> String;
    /// A value that differs between sources.
    fn mark(&self, s: &str) -> String;
    fn good(&self, s: &str) -> String;
    fn bad(&self, s: &str) -> String;
    fn code(&self, s: &str) -> String;
    /// Escape article text for the format.
    fn esc(&self, s: &str) -> String;
}

/// Plain terminal text, with ANSI colour when `color`.
pub struct Text {
    pub color: bool,
}

impl Text {
    fn paint(&self, code: &str, s: &str) -> String {
        if self.color { format!("\x1b[{code}m{s}\x1b[0m") } else { s.to_string() }
    }
}

impl Markup for Text {
    fn title(&mut self, out: &mut dyn Write, s: &str) -> io::Result<()> {
        writeln!(out, "{}", self.bold(s))
    }
    fn section(&mut self, out: &mut dyn Write, s: &str) -> io::Result<()> {
        writeln!(out, "\n{}", self.paint("1;4", s))
    }
    fn item(&mut self, out: &mut dyn Write, depth: usize, s: &str) -> io::Result<()> {
        let bullet = if depth == 0 { "•" } else { "–" };
        writeln!(out, "{}{} {}", "  ".repeat(depth + 1), bullet, s)
    }
    fn line(&mut self, out: &mut dyn Write, s: &str) -> io::Result<()> {
        writeln!(out, "  {s}")
    }
    fn table(&mut self, out: &mut dyn Write, header: &[String], rows: &[Vec<String>]) -> io::Result<()> {
        let width = |s: &str| s.chars().count();
        let mut w: Vec<usize> = header.iter().map(|h| width(h)).collect();
        for r in rows {
            for (i, c) in r.iter().enumerate() {
                if let Some(x) = w.get_mut(i) {
                    *x = (*x).max(width(c));
                }
            }
        }
        let fmt_row = |r: &[String]| {
            r.iter()
                .enumerate()
                .map(|(i, c)| format!("{}{}", c, " ".repeat(w.get(i).copied().unwrap_or(0).saturating_sub(width(c)))))
                .collect::<Vec<_>>()
                .join("  ")
        };
        writeln!(out, "  {}", self.dim(fmt_row(header).trim_end()))?;
        for r in rows {
            writeln!(out, "  {}", fmt_row(r).trim_end())?;
        }
        Ok(())
    }
    fn bold(&self, s: &str) -> String {
        self.paint("1", s)
    }
    fn dim(&self, s: &str) -> String {
        self.paint("2", s)
    }
    fn mark(&self, s: &str) -> String {
        if self.color { self.paint("1;33", s) } else { format!("[{s}]") }
    }
    fn good(&self, s: &str) -> String {
        self.paint("32", s)
    }
    fn bad(&self, s: &str) -> String {
        self.paint("31", s)
    }
    fn code(&self, s: &str) -> String {
        s.to_string()
    }
    fn esc(&self, s: &str) -> String {
        clean(s)
    }
}

/// GitHub-flavoured Markdown, for CI job summaries and pull-request comments.
pub struct Markdown;

impl Markup for Markdown {
    fn title(&mut self, out: &mut dyn Write, s: &str) -> io::Result<()> {
        writeln!(out, "# {s}")
    }
    fn section(&mut self, out: &mut dyn Write, s: &str) -> io::Result<()> {
        writeln!(out, "\n## {s}\n")
    }
    fn item(&mut self, out: &mut dyn Write, depth: usize, s: &str) -> io::Result<()> {
        writeln!(out, "{}- {}", "  ".repeat(depth), s)
    }
    fn line(&mut self, out: &mut dyn Write, s: &str) -> io::Result<()> {
        writeln!(out, "{s}\n")
    }
    fn table(&mut self, out: &mut dyn Write, header: &[String], rows: &[Vec<String>]) -> io::Result<()> {
        writeln!(out, "| {} |", header.join(" | "))?;
        writeln!(out, "|{}", "---|".repeat(header.len()))?;
        for r in rows {
            writeln!(out, "| {} |", r.join(" | "))?;
        }
        writeln!(out)
    }
    fn bold(&self, s: &str) -> String {
        format!("**{s}**")
    }
    fn dim(&self, s: &str) -> String {
        format!("_{s}_")
    }
    fn mark(&self, s: &str) -> String {
        format!("**{s}**")
    }
    fn good(&self, s: &str) -> String {
        s.to_string()
    }
    fn bad(&self, s: &str) -> String {
        s.to_string()
    }
    fn code(&self, s: &str) -> String {
        format!("`{}`", s.replace('`', "'"))
    }
    fn esc(&self, s: &str) -> String {
        let mut o = String::with_capacity(s.len());
        for c in clean(s).chars() {
            if matches!(c, '\\' | '*' | '_' | '`' | '|' | '<' | '>' | '[' | ']' | '#') {
                o.push('\\');
            }
            o.push(c);
        }
        o
    }
}

/// Short display names for articles: the file name when unique, else the id.
fn article_names(report: &Report) -> BTreeMap<String, String> {
    let mut count: BTreeMap<String, usize> = BTreeMap::new();
    let base = |id: &str| id.rsplit('/').next().unwrap_or(id).to_string();
    for a in &report.articles {
        *count.entry(base(&a.id)).or_default() += 1;
    }
    report
        .articles
        .iter()
        .map(|a| {
            let b = base(&a.id);
            let name = if count.get(&b) == Some(&1) { b } else { a.id.to_string() };
            (a.id.to_string(), name)
        })
        .collect()
}

struct Ctx<'a> {
    report: &'a Report,
    names: BTreeMap<String, String>,
    paths: BTreeMap<&'a str, &'a str>,
    lines: LineIndex,
    view: &'a View,
    /// Conflicts new / changed since the baseline, by (story, topic, values).
    since: BTreeMap<ConflictKey<'a>, &'static str>,
}

type ConflictKey<'a> = (&'a str, &'a str, Vec<&'a str>);

fn conflict_key(t: &Topic) -> ConflictKey<'_> {
    (&t.story, &t.topic, t.values.iter().map(|v| v.value.as_str()).collect())
}

impl Ctx<'_> {
    /// Names are escaped for the format when `names` is built; an id from
    /// outside the report is at least made safe for a terminal.
    fn name(&self, id: &str) -> String {
        self.names.get(id).cloned().unwrap_or_else(|| clean(id))
    }
    /// Article names, at most `limit` of them: a value that 10,000 of 50,000
    /// articles give must not fill a screen (or a pull-request comment).
    fn names<S: AsRef<str>>(&self, ids: &[S]) -> String {
        let mut s = ids.iter().take(self.view.limit).map(|i| self.name(i.as_ref())).collect::<Vec<_>>().join(", ");
        if ids.len() > self.view.limit {
            s.push_str(&format!(" and {} more", ids.len() - self.view.limit));
        }
        s
    }
    fn loc(&mut self, e: &Evidence) -> String {
        let path = self.paths.get(e.article.as_ref()).copied().unwrap_or(e.article.as_ref());
        match self.lines.locate(path, e.start) {
            Some((l, c)) => format!("{}:{l}:{c}", self.name(&e.article)),
            None => self.name(&e.article),
        }
    }
}

fn more(m: &mut dyn Markup, out: &mut dyn Write, shown: usize, total: usize) -> io::Result<()> {
    if total > shown {
        let s = m.dim(&format!("… and {} more (--all shows everything)", total - shown));
        m.line(out, &s)?;
    }
    Ok(())
}

/// The Markdown report within `view.markdown_budget` bytes (bytes, not
/// characters, so it is within GitHub's character limits too). Sections
/// shrink first (10 rows, then 5, 3, 1); if even one row per section is too
/// much, whole trailing sections are left out. Either way the report ends by
/// saying what it left out and how to get everything.
pub fn write_markdown(report: &Report, view: &View, out: &mut dyn Write) -> io::Result<()> {
    // Room for the closing notice, whatever it says.
    const NOTICE: usize = 1024;
    let budget = view.markdown_budget;
    let mut limit = view.limit;
    loop {
        let mut buf = Vec::new();
        write(report, &mut Markdown, &View { limit, ..*view }, &mut buf)?;
        let shortened = limit < view.limit;
        if buf.len() + if shortened { NOTICE } else { 0 } <= budget {
            out.write_all(&buf)?;
            if shortened {
                writeln!(
                    out,
                    "\n---\n_Sections shortened to {} each to fit {budget} bytes. \
                     `--markdown-budget summary` allows 1 MiB; `--format json` has everything._",
                    plural(limit, "row", "rows")
                )?;
            }
            return Ok(());
        }
        if limit <= 1 {
            return write_cut(&buf, budget.saturating_sub(NOTICE), budget, out);
        }
        limit = match limit {
            l if l > 10 => 10,
            l if l > 5 => 5,
            l if l > 3 => 3,
            _ => 1,
        };
    }
}

/// Keep the whole sections of `md` that fit in `room` bytes (or, if not even
/// the first does, its lines that fit) and name the sections left out.
fn write_cut(md: &[u8], room: usize, budget: usize, out: &mut dyn Write) -> io::Result<()> {
    let text = String::from_utf8_lossy(md);
    let starts: Vec<usize> = text.match_indices("\n## ").map(|(i, _)| i + 1).collect();
    let cut = starts.iter().copied().rfind(|&i| i <= room);
    let cut = match cut {
        Some(c) if c > 0 => c,
        _ => text[..room.min(text.len())].rfind('\n').map_or(0, |i| i + 1),
    };
    let cut = (0..=cut).rev().find(|&i| text.is_char_boundary(i)).unwrap_or(0);
    out.write_all(&text.as_bytes()[..cut])?;
    let left: Vec<&str> = starts.iter().filter(|&&i| i >= cut).filter_map(|&i| text[i + 3..].lines().next()).collect();
    writeln!(
        out,
        "\n---\n_Cut to fit {budget} bytes; left out: {}. `--markdown-budget summary` allows 1 MiB; \
         `--format json` has everything._",
        if left.is_empty() { "the rest of the last section".to_string() } else { left.join(", ") }
    )
}

/// Write the whole human report.
pub fn write(report: &Report, m: &mut dyn Markup, view: &View, out: &mut dyn Write) -> io::Result<()> {
    let mut cx = Ctx {
        report,
        // File names come from whoever filled the folder: escaped like article text.
        names: article_names(report).into_iter().map(|(id, name)| (id, m.esc(&name))).collect(),
        paths: report.articles.iter().map(|a| (a.id.as_ref(), a.path.as_str())).collect(),
        lines: LineIndex::default(),
        view,
        since: report
            .changes
            .iter()
            .flat_map(|c| {
                let new = c.new_conflicts.iter().map(|t| (conflict_key(t), "new since the baseline"));
                new.chain(
                    c.changed_conflicts.iter().map(|x| (conflict_key(&x.now), "values changed since the baseline")),
                )
            })
            .collect(),
    };
    summary(&mut cx, m, out)?;
    baseline(&mut cx, m, out)?;
    conflicts(&mut cx, m, out)?;
    agreements(&mut cx, m, out)?;
    quote_matches(&mut cx, m, out)?;
    syndication(&mut cx, m, out)?;
    name_variants(&mut cx, m, out)?;
    coverage(&mut cx, m, out)?;
    single_source(&mut cx, m, out)?;
    citations(&mut cx, m, out)?;
    entities(&mut cx, m, out)?;
    quotes(&mut cx, m, out)?;
    timeline(&mut cx, m, out)?;
    quantities(&mut cx, m, out)?;
    articles(&mut cx, m, out)?;
    Ok(())
}

fn summary(cx: &mut Ctx, m: &mut dyn Markup, out: &mut dyn Write) -> io::Result<()> {
    let s = &cx.report.summary;
    let conflicts = plural(s.conflicts, "conflict", "conflicts");
    let conflicts = if s.conflicts > 0 { m.bad(&conflicts) } else { m.good(&conflicts) };
    let skipped = if s.skipped_files > 0 {
        format!(" · {} skipped (see warnings)", plural(s.skipped_files, "file", "files"))
    } else {
        String::new()
    };
    let line = format!(
        "{} · {} · {} · {} agreed · {} · {} single-source · {}{skipped}",
        plural(s.articles, "article", "articles"),
        plural(s.outlets, "named outlet", "named outlets"),
        plural(s.stories, "story", "stories"),
        s.agreements,
        conflicts,
        s.single_source,
        plural(s.quote_matches, "shared quote", "shared quotes"),
    );
    m.title(out, &format!("analyze: {line}"))
}

fn values_of(t: &Topic) -> String {
    t.values.iter().map(|v| v.value.as_str()).collect::<Vec<_>>().join(" vs ")
}

/// With `--baseline`: what changed. The sections below stay complete; new
/// and changed conflicts are marked there.
fn baseline(cx: &mut Ctx, m: &mut dyn Markup, out: &mut dyn Write) -> io::Result<()> {
    let Some(d) = &cx.report.changes else { return Ok(()) };
    let limit = cx.view.limit;
    m.section(out, &format!("Since the baseline ({})", m.esc(&d.baseline)))?;
    let arts = format!(
        "{}, {} removed, {} renamed or moved, {} edited",
        plural(d.new_articles.len(), "new article", "new articles"),
        d.removed_articles.len(),
        d.renamed_articles.len(),
        d.edited_articles.len()
    );
    m.item(out, 0, &arts)?;
    for (what, list) in [("new", &d.new_articles), ("removed", &d.removed_articles), ("edited", &d.edited_articles)] {
        if !list.is_empty() {
            let s = format!("{what}: {}", m.esc(&cx.names(list)));
            m.item(out, 1, &s)?;
        }
    }
    for r in d.renamed_articles.iter().take(limit) {
        m.item(out, 1, &format!("renamed: {} → {}", m.esc(&r.from), m.esc(&r.to)))?;
    }
    more(m, out, limit.min(d.renamed_articles.len()), d.renamed_articles.len())?;
    let nc = format!("{} (marked below)", plural(d.new_conflicts.len(), "new conflict", "new conflicts"));
    m.item(out, 0, &if d.new_conflicts.is_empty() { m.good(&nc) } else { m.bad(&nc) })?;
    for t in d.new_conflicts.iter().take(limit) {
        m.item(out, 1, &format!("{}: {}", m.esc(&t.topic), m.esc(&values_of(t))))?;
    }
    more(m, out, limit.min(d.new_conflicts.len()), d.new_conflicts.len())?;
    m.item(out, 0, &plural(d.changed_conflicts.len(), "conflict with other values", "conflicts with other values"))?;
    for c in d.changed_conflicts.iter().take(limit) {
        let s = format!(
            "{}: was {}, now {}",
            m.esc(&c.now.topic),
            m.esc(&c.before.join(" vs ")),
            m.esc(&values_of(&c.now))
        );
        m.item(out, 1, &s)?;
    }
    more(m, out, limit.min(d.changed_conflicts.len()), d.changed_conflicts.len())?;
    m.item(out, 0, &plural(d.resolved_conflicts.len(), "conflict resolved", "conflicts resolved"))?;
    for t in d.resolved_conflicts.iter().take(limit) {
        m.item(out, 1, &format!("{}: {}", m.esc(&t.topic), m.esc(&values_of(t))))?;
    }
    more(m, out, limit.min(d.resolved_conflicts.len()), d.resolved_conflicts.len())?;
    let single = format!(
        "{}, {} gone",
        plural(d.new_single_source.len(), "new single-source fact", "new single-source facts"),
        d.gone_single_source
    );
    m.item(out, 0, &single)
}

/// The evidence text with the topic's value highlighted where it occurs.
fn highlight(m: &dyn Markup, text: &str, value: &str) -> String {
    let t = m.esc(&ellipsize(text, 240));
    let v = m.esc(value);
    if v.is_empty() {
        return t;
    }
    // only a whole figure: "3 p.m." is not the end of "2:53 p.m."
    let whole = |i: usize| {
        let before = t[..i].chars().next_back();
        let after = t[i + v.len()..].chars().next();
        !before.is_some_and(|c| c.is_alphanumeric() || matches!(c, ':' | '.' | ',' | '$'))
            && !after.is_some_and(char::is_alphanumeric)
    };
    match t.match_indices(v.as_str()).map(|(i, _)| i).find(|&i| whole(i)) {
        Some(i) => format!("{}{}{}", &t[..i], m.mark(&v), &t[i + v.len()..]),
        None => t,
    }
}

fn topic_block(cx: &mut Ctx, m: &mut dyn Markup, out: &mut dyn Write, t: &Topic, conflict: bool) -> io::Result<()> {
    let since = if conflict { cx.since.get(&conflict_key(t)).copied() } else { None };
    let n_articles: BTreeSet<&crate::model::ArticleId> = t.values.iter().flat_map(|v| &v.articles).collect();
    let mut head = format!(
        "{} — {} {}, {} independent source{}, confidence {:.2}",
        m.bold(&m.esc(&t.topic)),
        n_articles.len(),
        if n_articles.len() == 1 { "article" } else { "articles" },
        t.independent_sources,
        if t.independent_sources == 1 { "" } else { "s" },
        t.confidence
    );
    if t.self_contradiction {
        head.push_str(&format!(" {}", m.bad("(an article contradicts itself)")));
    }
    if let Some(s) = since {
        head.push_str(&format!(" {}", m.bad(&format!("({s})"))));
    }
    m.item(out, 0, &head)?;
    for v in t.values.iter().take(cx.view.limit) {
        let val = if conflict { m.mark(&m.esc(&v.value)) } else { m.bold(&m.esc(&v.value)) };
        m.item(out, 1, &format!("{val}: {}", cx.names(&v.articles)))?;
        for e in v.evidence.iter().take(if conflict { 3 } else { 1 }) {
            let loc = cx.loc(e);
            let line = format!("{} {}", m.dim(&loc), highlight(m, &e.text, &v.value));
            m.item(out, 2, &line)?;
        }
    }
    if t.values.len() > cx.view.limit {
        let s = m.dim(&format!("… and {} more values (--all shows everything)", t.values.len() - cx.view.limit));
        m.item(out, 1, &s)?;
    }
    if let Some(n) = &t.note {
        let s = m.dim(&m.esc(n));
        m.item(out, 1, &s)?;
    }
    Ok(())
}

fn conflicts(cx: &mut Ctx, m: &mut dyn Markup, out: &mut dyn Write) -> io::Result<()> {
    let list = &cx.report.comparison.conflicts;
    if list.is_empty() {
        return Ok(());
    }
    m.section(out, &format!("Conflicts ({})", list.len()))?;
    for t in list.iter().take(cx.view.limit) {
        topic_block(cx, m, out, t, true)?;
    }
    more(m, out, cx.view.limit.min(list.len()), list.len())
}

fn agreements(cx: &mut Ctx, m: &mut dyn Markup, out: &mut dyn Write) -> io::Result<()> {
    let list = &cx.report.comparison.agreements;
    if list.is_empty() {
        return Ok(());
    }
    m.section(out, &format!("Agreements ({})", list.len()))?;
    for t in list.iter().take(cx.view.limit) {
        topic_block(cx, m, out, t, false)?;
    }
    more(m, out, cx.view.limit.min(list.len()), list.len())
}

fn quote_matches(cx: &mut Ctx, m: &mut dyn Markup, out: &mut dyn Write) -> io::Result<()> {
    let list = &cx.report.comparison.quote_matches;
    if list.is_empty() {
        return Ok(());
    }
    m.section(out, &format!("Quotes carried by several sources ({})", list.len()))?;
    for q in list.iter().take(cx.view.limit) {
        let who = q.speaker_name.clone().unwrap_or_else(|| "unattributed".into());
        let rel = match q.relation.as_str() {
            "exact" => m.good("word for word"),
            "variant" => m.mark("worded differently"),
            other => other.to_string(),
        };
        let mut head = format!("{} — {rel}, {}", m.bold(&m.esc(&who)), plural(q.articles.len(), "source", "sources"));
        if q.speaker_conflict {
            let names: Vec<String> = q
                .speakers
                .iter()
                .map(|id| cx.report.entities.iter().find(|e| &e.id == id).map_or(id.clone(), |e| e.name.clone()))
                .collect();
            head.push_str(&format!(
                " {}",
                m.bad(&format!("(attributed to different speakers: {})", m.esc(&names.join(", "))))
            ));
        }
        m.item(out, 0, &head)?;
        for v in q.variants.iter().take(cx.view.limit) {
            let mut text = m.esc(&ellipsize(&v.text, 200));
            for d in &v.differs {
                let d = m.esc(d);
                if let Some(i) = find_word(&text, &d) {
                    text = format!("{}{}{}", &text[..i], m.mark(&d), &text[i + d.len()..]);
                }
            }
            m.item(out, 1, &format!("“{text}” — {}", cx.names(&v.articles)))?;
        }
        if q.variants.len() > cx.view.limit {
            let s = m.dim(&format!("… and {} more wordings", q.variants.len() - cx.view.limit));
            m.item(out, 1, &s)?;
        }
    }
    more(m, out, cx.view.limit.min(list.len()), list.len())
}

/// Near-copies count as one source in every comparison above; saying which
/// they are lets the reader see why fewer sources are counted than articles.
fn syndication(cx: &mut Ctx, m: &mut dyn Markup, out: &mut dyn Write) -> io::Result<()> {
    let list = &cx.report.comparison.syndication;
    if list.is_empty() {
        return Ok(());
    }
    m.section(out, &format!("Copies counted as one source ({})", list.len()))?;
    for g in list.iter().take(cx.view.limit) {
        let s = format!(
            "{} ← {} (similarity {:.2})",
            m.bold(&m.esc(&cx.name(&g.original))),
            m.esc(&cx.names(&g.copies)),
            g.similarity
        );
        m.item(out, 0, &s)?;
    }
    more(m, out, cx.view.limit.min(list.len()), list.len())
}

/// Byte position of `word` in `text` at word boundaries.
fn find_word(text: &str, word: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(i) = text[from..].find(word).map(|i| i + from) {
        let before = text[..i].chars().next_back().is_none_or(|c| !c.is_alphanumeric());
        let after = text[i + word.len()..].chars().next().is_none_or(|c| !c.is_alphanumeric());
        if before && after {
            return Some(i);
        }
        from = i + word.len().max(1);
        if from >= text.len() {
            break;
        }
    }
    None
}

fn name_variants(cx: &mut Ctx, m: &mut dyn Markup, out: &mut dyn Write) -> io::Result<()> {
    let list = &cx.report.comparison.name_variants;
    if list.is_empty() {
        return Ok(());
    }
    m.section(out, &format!("Names spelled differently ({})", list.len()))?;
    for v in list.iter().take(cx.view.limit) {
        let forms: Vec<String> = v
            .spellings
            .iter()
            .take(cx.view.limit)
            .map(|s| format!("{} ({})", m.mark(&m.esc(&s.form)), cx.names(&s.articles)))
            .collect();
        m.item(out, 0, &format!("{}: {}", m.bold(&m.esc(&v.name)), forms.join(" · ")))?;
    }
    more(m, out, cx.view.limit.min(list.len()), list.len())
}

fn coverage(cx: &mut Ctx, m: &mut dyn Markup, out: &mut dyn Write) -> io::Result<()> {
    let list = &cx.report.comparison.coverage;
    let gaps: Vec<_> = list.iter().filter(|c| !c.missing.is_empty()).collect();
    if gaps.is_empty() {
        return Ok(());
    }
    m.section(out, &format!("Left out by some sources ({})", gaps.len()))?;
    for c in gaps.iter().take(cx.view.limit) {
        let s = format!(
            "{}: in {} of {} — not in {}",
            m.bold(&m.esc(&c.name)),
            c.present.len(),
            c.present.len() + c.missing.len(),
            cx.names(&c.missing)
        );
        m.item(out, 0, &s)?;
    }
    more(m, out, cx.view.limit.min(gaps.len()), gaps.len())
}

fn single_source(cx: &mut Ctx, m: &mut dyn Markup, out: &mut dyn Write) -> io::Result<()> {
    let list = &cx.report.comparison.single_source;
    if list.is_empty() {
        return Ok(());
    }
    m.section(out, &format!("Reported by one source only ({})", list.len()))?;
    for f in list.iter().take(cx.view.limit) {
        let loc = cx.loc(&f.evidence);
        let s = format!("{} {} {}", m.bold(&m.esc(&f.topic)), m.dim(&loc), m.esc(&ellipsize(&f.evidence.text, 200)));
        m.item(out, 0, &s)?;
    }
    more(m, out, cx.view.limit.min(list.len()), list.len())
}

fn citations(cx: &mut Ctx, m: &mut dyn Markup, out: &mut dyn Write) -> io::Result<()> {
    let list = &cx.report.comparison.citations;
    if list.is_empty() {
        return Ok(());
    }
    m.section(out, &format!("Citations between outlets ({})", list.len()))?;
    for c in list.iter().take(cx.view.limit) {
        let from = cx.report.articles.iter().find(|a| a.id == c.article).and_then(|a| a.outlet.clone());
        let from = from.unwrap_or_else(|| cx.name(&c.article));
        let s = format!(
            "{} → {} ({}): {}",
            m.esc(&from),
            m.bold(&m.esc(&c.outlet)),
            m.esc(&c.cue),
            m.esc(&ellipsize(&c.evidence.text, 160))
        );
        m.item(out, 0, &s)?;
    }
    more(m, out, cx.view.limit.min(list.len()), list.len())
}

fn entities(cx: &mut Ctx, m: &mut dyn Markup, out: &mut dyn Write) -> io::Result<()> {
    let r = cx.report;
    if r.entities.is_empty() {
        return Ok(());
    }
    m.section(out, &format!("Who and where ({})", plural(r.entities.len(), "entity", "entities")))?;
    let many = r.articles.len() > 12;
    let labels: Vec<String> = (1..=r.articles.len()).map(|i| format!("A{i}")).collect();
    for (kind, title) in
        [(EntityKind::Person, "People"), (EntityKind::Organization, "Organizations"), (EntityKind::Place, "Places")]
    {
        let mut list: Vec<_> = r.entities.iter().filter(|e| e.kind == kind).collect();
        if list.is_empty() {
            continue;
        }
        list.sort_by(|a, b| {
            b.mention_counts
                .len()
                .cmp(&a.mention_counts.len())
                .then(b.mentions.len().cmp(&a.mentions.len()))
                .then(a.name.cmp(&b.name))
        });
        let shown = cx.view.limit.min(list.len());
        m.line(out, &m.bold(title))?;
        let mut header = vec!["name".to_string(), "sources".into()];
        if !many {
            header.extend(labels.iter().cloned());
        }
        let rows: Vec<Vec<String>> = list
            .iter()
            .take(shown)
            .map(|e| {
                let mut name = m.esc(&ellipsize(&e.name, 32));
                if e.outlet {
                    name.push_str(" (outlet)");
                }
                let mut row = vec![name, format!("{}/{}", e.mention_counts.len(), r.articles.len())];
                if !many {
                    row.extend(r.articles.iter().map(|a| match e.mention_counts.get(a.id.as_ref()) {
                        Some(n) => n.to_string(),
                        None => "·".into(),
                    }));
                }
                row
            })
            .collect();
        m.table(out, &header, &rows)?;
        more(m, out, shown, list.len())?;
    }
    if !many {
        let legend: Vec<String> =
            r.articles.iter().zip(&labels).map(|(a, l)| format!("{l} {}", cx.name(&a.id))).collect();
        m.line(out, &m.dim(&legend.join(" · ")))?;
    }
    Ok(())
}

fn quotes(cx: &mut Ctx, m: &mut dyn Markup, out: &mut dyn Write) -> io::Result<()> {
    let r = cx.report;
    let spoken: Vec<_> = r.quotes.iter().filter(|q| !matches!(q.kind, QuoteKind::Scare | QuoteKind::Title)).collect();
    if spoken.is_empty() {
        return Ok(());
    }
    m.section(out, &format!("Quotes by speaker ({})", spoken.len()))?;
    let names: BTreeMap<&str, &str> = r.entities.iter().map(|e| (e.id.as_str(), e.name.as_str())).collect();
    let mut by: BTreeMap<String, Vec<&crate::model::Quote>> = BTreeMap::new();
    for q in &spoken {
        let who = q
            .speaker
            .as_deref()
            .and_then(|s| names.get(s).map(|n| n.to_string()))
            .or_else(|| q.speaker_name.clone())
            .unwrap_or_else(|| "(no speaker found)".into());
        by.entry(who).or_default().push(q);
    }
    let mut groups: Vec<_> = by.into_iter().collect();
    groups.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then(a.0.cmp(&b.0)));
    let shown = cx.view.limit.min(groups.len());
    for (who, qs) in groups.iter().take(shown) {
        m.item(out, 0, &format!("{} ({})", m.bold(&m.esc(who)), qs.len()))?;
        for q in qs.iter().take(cx.view.limit.max(3) / 2) {
            let cue = q.cue.as_deref().map(|c| format!(" {}", m.dim(&format!("({c})")))).unwrap_or_default();
            // A comma before the closing mark belongs to the writer's sentence.
            let words = q.text.trim_end_matches([',', ' ']);
            m.item(out, 1, &format!("“{}” — {}{}", m.esc(&ellipsize(words, 160)), cx.name(&q.article), cue))?;
        }
        if qs.len() > cx.view.limit.max(3) / 2 {
            m.item(out, 1, &m.dim(&format!("… {} more", qs.len() - cx.view.limit.max(3) / 2)))?;
        }
    }
    more(m, out, shown, groups.len())
}

fn timeline(cx: &mut Ctx, m: &mut dyn Markup, out: &mut dyn Write) -> io::Result<()> {
    let r = cx.report;
    // Day-precise dates only: a timeline of "2025" and "March" says little.
    let mut by: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for d in &r.dates {
        if d.kind != DateKind::Date {
            continue;
        }
        if let Some(v) = &d.value
            && v.len() == 10
            && v.as_bytes().get(4) == Some(&b'-')
            && v.chars().next().is_some_and(|c| c.is_ascii_digit())
        {
            by.entry(v.clone()).or_default().insert(d.article.to_string());
        }
    }
    if by.is_empty() {
        return Ok(());
    }
    m.section(out, &format!("Timeline of dated events ({})", plural(by.len(), "day", "days")))?;
    let total = by.len();
    let limit = cx.view.limit.saturating_mul(2);
    for (day, arts) in by.iter().rev().take(limit) {
        let arts: Vec<String> = arts.iter().cloned().collect();
        m.item(out, 0, &format!("{}: {}", m.bold(day), cx.names(&arts)))?;
    }
    more(m, out, limit.min(total), total)
}

fn quantities(cx: &mut Ctx, m: &mut dyn Markup, out: &mut dyn Write) -> io::Result<()> {
    let r = cx.report;
    let mut by: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    for c in &r.claims {
        for q in &c.quantities {
            if q.ordinal {
                continue;
            }
            let what = q.counts.as_deref().map(|c| format!(" → {c}")).unwrap_or_default();
            by.entry(c.article.as_ref()).or_default().push(format!("{}{what}", q.text));
        }
    }
    if by.is_empty() {
        return Ok(());
    }
    let with_numbers: Vec<_> = r.articles.iter().filter(|a| by.contains_key(a.id.as_ref())).collect();
    m.section(out, &format!("Key numbers by article ({})", with_numbers.len()))?;
    let per = 6;
    let shown = cx.view.limit.min(with_numbers.len());
    for a in with_numbers.iter().take(shown) {
        let Some(list) = by.get(a.id.as_ref()) else {
            continue;
        };
        let shown: Vec<String> = list.iter().take(per).map(|s| m.esc(s)).collect();
        let extra =
            if list.len() > per { format!(" {}", m.dim(&format!("(+{})", list.len() - per))) } else { String::new() };
        m.item(out, 0, &format!("{}: {}{extra}", m.bold(&cx.name(&a.id)), shown.join(" · ")))?;
    }
    more(m, out, shown, with_numbers.len())
}

fn articles(cx: &mut Ctx, m: &mut dyn Markup, out: &mut dyn Write) -> io::Result<()> {
    let r = cx.report;
    m.section(out, &format!("Articles ({})", r.articles.len()))?;
    let shown = if r.articles.len() > cx.view.limit.saturating_mul(5) {
        cx.view.limit.saturating_mul(5)
    } else {
        r.articles.len()
    };
    let rows: Vec<Vec<String>> = r
        .articles
        .iter()
        .take(shown)
        .map(|a| {
            let date = match (&a.published, a.published_source) {
                (Some(d), Some(s)) => format!("{d} ({})", serde_plain(&s)),
                _ => "undated".into(),
            };
            let headline = a.headline.as_deref().map(|h| m.esc(&ellipsize(h, 48))).unwrap_or_else(|| "—".into());
            vec![
                cx.name(&a.id),
                date,
                a.outlet.as_deref().map(|o| m.esc(o)).unwrap_or_else(|| "—".into()),
                headline,
                a.words.to_string(),
                a.boilerplate_blocks.to_string(),
            ]
        })
        .collect();
    let header: Vec<String> = ["article", "published (how found)", "outlet", "headline", "words", "boilerplate blocks"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    m.table(out, &header, &rows)?;
    more(m, out, shown, r.articles.len())
}

/// The serde name of a unit enum variant (`header`, `date_line`, …).
fn serde_plain<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_value(v).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_value_is_highlighted_only_as_a_whole_figure() {
        let m = Text { color: false };
        assert_eq!(
            highlight(&m, "They struck at 2:53 p.m. and at 3 p.m.", "3 p.m."),
            "They struck at 2:53 p.m. and at [3 p.m.]"
        );
        assert_eq!(
            highlight(&m, "Bombs fell at 2:53 p.m. local time.", "3 p.m."),
            "Bombs fell at 2:53 p.m. local time."
        );
        assert_eq!(
            highlight(&m, "It cost $35 million, not 5 million.", "5 million"),
            "It cost $35 million, not [5 million]."
        );
    }
}

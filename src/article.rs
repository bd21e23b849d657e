//! Stage 2, article: the structure of one article, found from its text.
//!
//! Rules, in the order they run:
//! 1. Metadata at the top: a ` date YYYY-MM-DD ` header glued to the first
//!    sentence, `Date:`/`Published:`/`Posted:`/`Updated:` lines, `Source:` lines,
//!    ISO 8601 timestamps.
//! 2. Blocks: one per line (news text is written a paragraph per line); a line
//!    that breaks mid-sentence and continues in lowercase is joined with the next
//!    (hard-wrapped text).
//! 3. Each block gets a kind: boilerplate (donation and newsletter appeals, share
//!    buttons, links, menu-like runs of short lines), social post (a post text
//!    followed by `— Name (@handle) Month D, YYYY`), caption or credit, dateline,
//!    headline, subheading, paragraph.
//! 4. The dateline (`NAIROBI, March 9 —`, `WASHINGTON (Reuters) -`,
//!    `LONDON 1996-08-22`) and the outlet, only where the text names it.
//! 5. The publication date: header, then date line, then timestamp, then a
//!    dateline with a full date; a dateline without a year takes the year of a
//!    full date in the same article (marked `inferred`), else the corpus fills
//!    it in later (see `resolve::infer_publication_years`).

use crate::lang::pattern::expand;
use crate::lang::{Class, is, members};
use crate::model::{Article, Block, BlockKind, DateSource, Dateline, OutletEvidence, OutletSource, Span, TextEncoding};
use regex::Regex;
use std::sync::LazyLock;

/// Parse an article's structure. `text` is the decoded file; offsets are into it.
pub fn parse(id: &str, path: &str, text: &str, encoding: TextEncoding, bytes: usize) -> Article {
    let mut p = Parser { text, blocks: Vec::new(), published: None, outlet: None, glued: false };
    let body_start = p.header();
    // A header glued to the body means the first line is a sentence of the body.
    p.glued = body_start > 0 && !text[..body_start].ends_with('\n');
    let lines = lines(text, body_start);
    let lines = p.metadata_lines(lines);
    p.classify(&lines);
    let dateline = p.dateline();
    let headline = p.blocks.iter().find(|b| b.kind == BlockKind::Headline).map(|b| span(text, b.start, b.end));
    if p.published.is_none()
        && let Some(d) = &dateline
    {
        p.published = dateline_date(text, d);
    }
    if p.outlet.is_none()
        && let Some(Dateline { agency: Some(a), span: s, .. }) = &dateline
    {
        p.outlet = Some((a.clone(), OutletEvidence { source: OutletSource::Dateline, span: s.clone() }));
    }
    if p.outlet.is_none() {
        p.outlet = copyright_outlet(text, &p.blocks);
    }
    let words =
        p.blocks.iter().filter(|b| b.kind.is_content()).map(|b| text[b.start..b.end].split_whitespace().count()).sum();
    let boilerplate_blocks = p.blocks.iter().filter(|b| b.kind == BlockKind::Boilerplate).count();
    let (published, published_source, published_evidence) = match p.published {
        Some((d, s, e)) => (Some(d), Some(s), Some(e)),
        None => (None, None, None),
    };
    let (outlet, outlet_evidence) = match p.outlet {
        Some((o, e)) => (Some(o), Some(e)),
        None => (None, None),
    };
    Article {
        id: id.into(),
        path: path.to_string(),
        encoding,
        bytes,
        words,
        published,
        published_source,
        published_evidence,
        outlet,
        outlet_evidence,
        headline: headline.as_ref().map(|h| h.text.clone()),
        headline_span: headline,
        dateline,
        blocks: p.blocks,
        sentence_count: 0,
        content_hash: None,
        boilerplate_blocks,
    }
}

fn span(text: &str, start: usize, end: usize) -> Span {
    Span { start, end, text: text[start..end].to_string() }
}

/// What each line of the body is, where a rule has decided it (with its reason).
type Kinds = Vec<Option<(BlockKind, String)>>;

/// Menu-like runs: three or more short button-like lines in a row
/// (donation amount pickers, share bars, navigation).
fn menu_runs(text: &str, lines: &[(Line, bool)], kinds: &mut Kinds) {
    let n = lines.len();
    let short = |l: &Line| is_menu_like(&text[l.start..l.end]);
    let mut i = 0;
    while i < n {
        if short(&lines[i].0) {
            let mut j = i;
            while j < n && short(&lines[j].0) {
                j += 1;
            }
            if j - i >= 3 {
                for k in kinds.iter_mut().take(j).skip(i) {
                    *k = Some((BlockKind::Boilerplate, "menu-like run of short lines".into()));
                }
            }
            i = j;
        } else {
            i += 1;
        }
    }
}

/// Social posts: the signature line and the post text before it, and the
/// link after it. Returns which lines join the block before them (a
/// signature joins its post into one block).
fn social_posts(text: &str, lines: &[(Line, bool)], kinds: &mut Kinds) -> Vec<bool> {
    let n = lines.len();
    let mut join_prev = vec![false; n];
    for i in 0..n {
        let s = &text[lines[i].0.start..lines[i].0.end];
        if s.starts_with(['—', '–', '-']) && SOCIAL_SIGNATURE.is_match(s) && i > 0 && kinds[i - 1].is_none() {
            join_prev[i] = true;
            kinds[i - 1] = Some((BlockKind::SocialPost, "embedded social post".into()));
            kinds[i] = Some((BlockKind::SocialPost, "embedded social post".into()));
            if let Some((next, _)) = lines.get(i + 1)
                && is_link_line(&text[next.start..next.end])
            {
                kinds[i + 1] = Some((BlockKind::Boilerplate, "link of the embedded post".into()));
            }
        }
    }
    join_prev
}

/// Subheadings: short lines without a final full stop between paragraphs.
/// (The lines after i are not changed by this loop, so the last
/// unclassified line, found once, tells whether prose follows.)
fn subheadings(text: &str, lines: &[(Line, bool)], kinds: &mut Kinds) {
    let n = lines.len();
    let last_open = (0..n).rev().find(|&j| kinds[j].is_none());
    for i in 0..n {
        if kinds[i].is_some() {
            continue;
        }
        let s = &text[lines[i].0.start..lines[i].0.end];
        let words = s.split_whitespace().count();
        let prose_after = last_open.is_some_and(|j| j > i);
        if words <= 10
            && !s.ends_with(['.', '!', '?', ',', ';', '"', '”', '’', ':'])
            && s.chars().next().is_some_and(|c| c.is_uppercase())
            && prose_after
            && i > 0
            && !is_dateline_alone(s)
        {
            kinds[i] = Some((BlockKind::Subheading, "short line between paragraphs".into()));
        }
    }
}

/// A non-empty line (or joined run of hard-wrapped lines), trimmed.
#[derive(Debug, Clone, Copy)]
struct Line {
    start: usize,
    end: usize,
}

/// Lines from `from` on, trimmed of whitespace (and a BOM), empty ones dropped.
/// Also tracks whether a blank line follows, which the headline rule uses.
fn lines(text: &str, from: usize) -> Vec<(Line, bool)> {
    let mut raw = Vec::new();
    let mut pos = from;
    for piece in text[from..].split_inclusive('\n') {
        let s = pos;
        pos += piece.len();
        let trimmed_start =
            piece.len() - piece.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}').len();
        let content = piece.trim_end();
        let (a, b) = (s + trimmed_start, s + content.len());
        raw.push(if a < b { Some(Line { start: a, end: b }) } else { None });
    }
    // Join hard-wrapped lines: a line that does not end a sentence, followed
    // directly by a line that starts in lowercase, is the same paragraph.
    let mut out: Vec<(Line, bool)> = Vec::new();
    let mut i = 0;
    while i < raw.len() {
        let Some(mut line) = raw[i] else {
            if let Some(last) = out.last_mut() {
                last.1 = true;
            }
            i += 1;
            continue;
        };
        while let Some(Some(next)) = raw.get(i + 1) {
            let cur = &text[line.start..line.end];
            let nxt = &text[next.start..next.end];
            let ends_sentence = cur.ends_with(['.', '!', '?', ':', '"', '”', '’', '\'', ')']);
            let starts_lower = nxt.chars().next().is_some_and(|c| c.is_lowercase());
            let link = |s: &str| s.starts_with("http") || s.starts_with("www.") || s.starts_with("pic.");
            let last_word = cur.rsplit(char::is_whitespace).next().unwrap_or("");
            if !ends_sentence && starts_lower && cur.len() > 40 && !link(nxt) && !link(last_word) {
                line.end = next.end;
                i += 1;
            } else {
                break;
            }
        }
        out.push((line, false));
        i += 1;
    }
    out
}

type Found<T> = Option<(T, DateSource, Span)>;

struct Parser<'a> {
    text: &'a str,
    blocks: Vec<Block>,
    published: Found<String>,
    outlet: Option<(String, OutletEvidence)>,
    glued: bool,
}

static HEADER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[\s\u{feff}]*(?i:date)[ \t:]+(\d{4}-\d{2}-\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?[ \t]*")
        .expect("static regex")
});
static META_LINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&expand(r"^(?i)({meta-labels})\s*:\s*(.+)$")).expect("static regex"));
static ISO_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)((?:19|20)\d{2})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(?-u:\b)").expect("static regex")
});
static ISO_TIMESTAMP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)((?:19|20)\d{2}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01]))T\d{2}:\d{2}").expect("static regex")
});
static MONTH_DAY_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&expand(r"(?i)(?-u:\b)({month-prefixes})[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+((?:19|20)\d{2})(?-u:\b)|(?-u:\b)(\d{1,2})\s+({month-prefixes})[a-z]*\.?,?\s+((?:19|20)\d{2})(?-u:\b)"))
        .expect("static regex")
});

/// Parse an English month name or abbreviation.
pub fn month_number(name: &str) -> Option<u32> {
    let n = name.trim_end_matches('.').to_ascii_lowercase();
    let m = crate::lang::month(n.get(..3)?)?.month;
    // Reject words that merely start like a month ("marine", "junior", "decade").
    let full = crate::lang::month_name(m)?;
    (full.starts_with(&n) || n == "sept").then_some(m)
}

fn valid_date(y: i32, m: u32, d: u32) -> Option<String> {
    jiff::civil::Date::new(i16::try_from(y).ok()?, i8::try_from(m).ok()?, i8::try_from(d).ok()?)
        .ok()
        .map(|d| d.to_string())
}

/// The first full calendar date in `s`: ISO, `March 9, 2025` or `9 March 2025`.
fn parse_full_date(s: &str) -> Option<(String, usize, usize)> {
    let iso = ISO_DATE.captures(s).and_then(|c| {
        let m = c.get(0)?;
        let d = valid_date(c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?)?;
        Some((d, m.start(), m.end()))
    });
    let words = MONTH_DAY_YEAR.captures(s).and_then(|c| {
        let m = c.get(0)?;
        let (mon, day, year) = if c.get(1).is_some() { (&c[1], &c[2], &c[3]) } else { (&c[5], &c[4], &c[6]) };
        let d = valid_date(year.parse().ok()?, month_number(mon)?, day.parse().ok()?)?;
        Some((d, m.start(), m.end()))
    });
    match (iso, words) {
        (Some(a), Some(b)) => Some(if a.1 <= b.1 { a } else { b }),
        (a, b) => a.or(b),
    }
}

impl<'a> Parser<'a> {
    /// The ` date YYYY-MM-DD ` header glued to the body. Returns where the body starts.
    fn header(&mut self) -> usize {
        let Some(c) = HEADER.captures(self.text) else {
            return 0;
        };
        let (Some(all), Some(date)) = (c.get(0), c.get(1)) else {
            return 0;
        };
        let Some(valid) = parse_full_date(date.as_str()).map(|d| d.0) else {
            return 0;
        };
        let lead = self.text[..all.end()].len()
            - self.text[..all.end()].trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']).len();
        let hs = lead;
        let he = self.text[..all.end()].trim_end().len();
        self.blocks.push(Block {
            kind: BlockKind::Metadata,
            start: hs,
            end: he,
            text: Some(self.text[hs..he].to_string()),
            reason: Some("date header".into()),
        });
        self.published = Some((valid, DateSource::Header, span(self.text, date.start(), date.end())));
        all.end()
    }

    /// `Date:`, `Published:`, `Source:` lines and timestamps among the first lines.
    fn metadata_lines(&mut self, lines: Vec<(Line, bool)>) -> Vec<(Line, bool)> {
        let mut rest = Vec::with_capacity(lines.len());
        for (i, (line, blank_after)) in lines.into_iter().enumerate() {
            let s = &self.text[line.start..line.end];
            if i < 8 {
                if let Some(c) = META_LINE.captures(s) {
                    let key = c[1].to_ascii_lowercase();
                    let Some(val) = c.get(2) else { continue };
                    let vs = line.start + val.start();
                    let mut used = false;
                    if key == "source" {
                        let name = val.as_str().trim().trim_end_matches('.').to_string();
                        if !name.is_empty() && name.len() < 80 && self.outlet.is_none() {
                            let ev = OutletEvidence {
                                source: OutletSource::SourceHeader,
                                span: span(self.text, vs, line.start + val.end()),
                            };
                            self.outlet = Some((name, ev));
                            used = true;
                        }
                    } else if key != "dateline"
                        && let Some((d, a, b)) = parse_full_date(val.as_str())
                    {
                        let better = match &self.published {
                            None => true,
                            // A "Published" date beats an "Updated" one seen earlier.
                            Some((_, DateSource::DateLine, _)) => key != "updated" && key != "last updated",
                            _ => false,
                        };
                        if better && !(key.contains("updated") && self.published.is_some()) {
                            self.published = Some((d, DateSource::DateLine, span(self.text, vs + a, vs + b)));
                        }
                        used = true;
                    }
                    if used {
                        self.blocks.push(Block {
                            kind: BlockKind::Metadata,
                            start: line.start,
                            end: line.end,
                            text: Some(s.to_string()),
                            reason: Some(format!("{key} line")),
                        });
                        continue;
                    }
                }
                if self.published.is_none()
                    && s.len() < 120
                    && let Some(c) = ISO_TIMESTAMP.captures(s)
                    && let Some(m) = c.get(1)
                    && let Some((d, _, _)) = parse_full_date(m.as_str())
                {
                    let sp = span(self.text, line.start + m.start(), line.start + m.end());
                    self.published = Some((d, DateSource::Timestamp, sp));
                    if s.split_whitespace().count() <= 3 {
                        self.blocks.push(Block {
                            kind: BlockKind::Metadata,
                            start: line.start,
                            end: line.end,
                            text: Some(s.to_string()),
                            reason: Some("timestamp".into()),
                        });
                        continue;
                    }
                }
            }
            rest.push((line, blank_after));
        }
        rest
    }

    fn classify(&mut self, lines: &[(Line, bool)]) {
        let text = self.text;
        let n = lines.len();
        let line = |i: usize| &text[lines[i].0.start..lines[i].0.end];
        let mut kinds: Kinds = vec![None; n];
        menu_runs(text, lines, &mut kinds);
        let join_prev = social_posts(text, lines, &mut kinds);
        for (i, kind) in kinds.iter_mut().enumerate() {
            if kind.is_none() {
                *kind = self.chrome(lines[i].0, i == 0);
            }
        }
        // A short line between two boilerplate lines is part of the same box
        // (the pitch line of a newsletter sign-up between its title and field).
        for i in 1..n.saturating_sub(1) {
            let is_bp = |k: &Option<(BlockKind, String)>| matches!(k, Some((BlockKind::Boilerplate, _)));
            if kinds[i].is_none()
                && is_bp(&kinds[i - 1])
                && is_bp(&kinds[i + 1])
                && line(i).split_whitespace().count() <= 20
            {
                kinds[i] = Some((BlockKind::Boilerplate, "inside a site-chrome box".into()));
            }
        }
        // Bylines.
        for (i, kind) in kinds.iter_mut().enumerate() {
            let s = line(i);
            if kind.is_none() && members(Class::BylineLead).any(|l| s.starts_with(l)) && BYLINE.is_match(s) {
                *kind = Some((BlockKind::Metadata, "byline".into()));
            }
        }
        self.headline(lines, &mut kinds);
        subheadings(text, lines, &mut kinds);
        self.emit(lines, &kinds, &join_prev);
    }

    /// A line of site chrome: the outlet's banner (which names the outlet),
    /// boilerplate, a caption or a credit.
    fn chrome(&mut self, line: Line, first: bool) -> Option<(BlockKind, String)> {
        let text = self.text;
        let s = &text[line.start..line.end];
        let banner = banner(s).or_else(|| if first { tagline_banner(s) } else { None });
        if let Some((name, reason, m)) = banner {
            if self.outlet.is_none() {
                let ev = OutletEvidence {
                    source: OutletSource::Banner,
                    span: span(text, line.start + m.0, line.start + m.1),
                };
                self.outlet = Some((name, ev));
            }
            return Some((BlockKind::Boilerplate, reason));
        }
        if let Some(reason) = boilerplate_reason(s) {
            return Some((BlockKind::Boilerplate, reason.into()));
        }
        caption_or_credit(s).map(|(k, reason)| (k, reason.into()))
    }

    /// Headline: a short first line that is not a sentence of the body.
    fn headline(&self, lines: &[(Line, bool)], kinds: &mut Kinds) {
        let n = lines.len();
        let first = (0..n).find(|&i| kinds[i].is_none());
        let Some(f) = first.filter(|&f| !(self.glued && f == 0)) else { return };
        let s = &self.text[lines[f].0.start..lines[f].0.end];
        let words = s.split_whitespace().count();
        let has_more = (f + 1..n).any(|j| kinds[j].is_none());
        // A wire dateline, glued to the body ("KYIV, March 3 —") or on a line of its own
        // ("KORVALE, Norway 2025-03-03"), is never the headline, also as the first line.
        let starts_dateline = starts_upper(s) && DATELINE.is_match(s) || is_dateline_alone(s);
        let sentence_like = s.ends_with(['.', '!', '?', '"', '”']) && !looks_titled(s);
        let blank_after = lines[f].1;
        if has_more
            && !starts_dateline
            && words <= 22
            && s.len() <= 200
            && (!sentence_like || blank_after || words <= 12)
        {
            kinds[f] = Some((BlockKind::Headline, "short first line".into()));
        }
    }

    /// One block per line (a social post's signature joins the post before
    /// it), in file order.
    fn emit(&mut self, lines: &[(Line, bool)], kinds: &Kinds, join_prev: &[bool]) {
        let text = self.text;
        for (i, (line, _)) in lines.iter().enumerate() {
            let (kind, reason) = match &kinds[i] {
                Some((k, r)) => (*k, Some(r.clone())),
                None if is_dateline_alone(&text[line.start..line.end]) => {
                    (BlockKind::Dateline, Some("dateline line".into()))
                }
                None => (BlockKind::Paragraph, None),
            };
            if join_prev[i]
                && let Some(last) = self.blocks.last_mut().filter(|b| b.kind == kind)
            {
                last.end = line.end;
                last.text = Some(text[last.start..last.end].to_string());
                continue;
            }
            let keep_text = kind != BlockKind::Paragraph;
            self.blocks.push(Block {
                kind,
                start: line.start,
                end: line.end,
                text: keep_text.then(|| text[line.start..line.end].to_string()),
                reason,
            });
        }
        self.blocks.sort_by_key(|b| b.start);
    }

    fn dateline(&self) -> Option<Dateline> {
        let text = self.text;
        let b = self.blocks.iter().find(|b| matches!(b.kind, BlockKind::Paragraph | BlockKind::Dateline))?;
        let s = &text[b.start..b.end];
        let c = if b.kind == BlockKind::Dateline { DATELINE_ALONE.captures(s)? } else { DATELINE.captures(s)? };
        let all = c.get(0)?;
        let place = c.name("place")?.as_str().trim().trim_end_matches(',').to_string();
        // A dateline place is a name in capitals, not a shouted word of the body.
        if place.chars().filter(|c| c.is_alphabetic()).count() < 2 || is(Class::NotDatelinePlace, place.as_str()) {
            return None;
        }
        let agency = c.name("agency").map(|a| a.as_str().trim().to_string());
        let month_day = match (c.name("month"), c.name("day")) {
            (Some(m), Some(d)) => {
                let m = month_number(m.as_str())?;
                let d: u32 = d.as_str().parse().ok()?;
                (1..=31).contains(&d).then(|| format!("--{m:02}-{d:02}"))
            }
            _ => None,
        };
        let end = b.start + all.as_str().trim_end().len();
        Some(Dateline { place, agency, month_day, span: span(text, b.start, end) })
    }
}

static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        &expand(r"^(?P<place>[A-Z][A-Z'’.\-]+(?:[ \-][A-Z][A-Z'’.\-]+){0,3}(?:,\s*[A-Z][A-Za-z.]+(?:\s[A-Z][A-Za-z.]+)?)?)(?:\s*\((?P<agency>[A-Z][A-Za-z .&\-]{0,30})\))?(?:,?\s+(?P<month>{Month-prefixes})[a-z]*\.?\s+(?P<day>\d{1,2})(?:,\s*(?P<year>(?:19|20)\d{2}))?)?\s*(?:—|–|--|-|_)\s*"),
    )
    .expect("static regex")
});
static DATELINE_ALONE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<place>[A-Z][A-Z'’.\-]+(?:[ \-][A-Z][A-Z'’.\-]+){0,3}(?:,\s*[A-Z][A-Za-z.]+)?)\s+(?P<iso>(?:19|20)\d{2}-\d{2}-\d{2})$")
        .expect("static regex")
});
static SOCIAL_SIGNATURE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&expand(
        r"^[—–\-]{1,2}\s*[^()\n]{1,80}?\s*\(@\w{1,30}\)\s+{Month-prefixes}[a-z]*\.?\s+\d{1,2},\s+\d{4}\s*$",
    ))
    .expect("static regex")
});
static TAGLINE_BANNER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<name>[Tt]he\s+[A-Z][\w&'’.\-]*(?:\s+[A-Z][\w&'’.\-]*){0,4})\s*[|•·]\s*[^|]{3,60}$")
        .expect("static regex")
});
static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&expand(
        r"^{byline-leads}\s+[A-Z][\w.'’\-]+(?:\s+[A-Z][\w.'’\-]+){0,3}(?:\s*(?:,|and|&|in|—|-)\s*[\w .,'’&\-]{0,60})?$",
    ))
    .expect("static regex")
});
static LINK_LINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:https?://|www\.|pic\.twitter\.com/)\S+$").expect("static regex"));
static BANNER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&expand(
        r"^{banner-leads}\s+(?P<name>(?:[Tt]he\s+)?[A-Z][\w&'’.\-]*(?:\s+[A-Z][\w&'’.\-]*){0,5})\s*[!.:]?$",
    ))
    .expect("static regex")
});
static BOILERPLATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&expand(r"(?i)(?-u:\b)(?:(?P<appeal>{appeal-phrases})|{chrome-phrases})(?-u:\b)")).expect("static regex")
});
static MENU_WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&expand(r"(?i)^(?:{menu-words}|[$€£]\s?\d[\d,.]*(?:\s*/\s*\w+)?)$")).expect("static regex")
});
static CAPTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&expand(r"(?:\({caption-openers}[^)]{0,80}\)\s*$|(?-u:\b){photo-nouns}(?: by)?:\s*[A-Z][^\n]{0,80}$|/{photo-agencies}\s*\)?$)"))
        .expect("static regex")
});
static CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&expand(r"^(?:\(?{credit-labels}(?: by)?\s*:?\s+[A-Z][\w .,&/’'\-]{0,60}\)?|Getty Images|AP Photo[\w ./]*|Reuters/[\w .]+|\(?{credit-agencies}\)?)$"))
        .expect("static regex")
});
static COPYRIGHT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:©|\(c\)|Copyright)\s*(?:(?:19|20)\d{2}\s+)?(?P<name>(?:[Tt]he\s+)?[A-Z][\w&'’.\-]*(?:\s+[A-Z][\w&'’.\-]*){0,4})")
        .expect("static regex")
});

// Cheap tests of what a pattern needs before it runs: block classification
// tried every pattern on every paragraph, a tenth of the extraction time.

/// The most whitespace-separated words a `MENU_WORD` line has ("$5 / month").
const MENU_WORDS_MAX: usize = 4;

/// `DATELINE` and `DATELINE_ALONE` start with a capital A-Z.
fn starts_upper(s: &str) -> bool {
    s.as_bytes().first().is_some_and(u8::is_ascii_uppercase)
}

fn is_dateline_alone(s: &str) -> bool {
    starts_upper(s) && DATELINE_ALONE.is_match(s)
}

fn is_link_line(s: &str) -> bool {
    (s.starts_with("http") || s.starts_with("www.") || s.starts_with("pic.")) && LINK_LINE.is_match(s)
}

/// A short button-like line: few words and no sentence punctuation.
fn is_menu_like(s: &str) -> bool {
    let words = s.split_whitespace().count();
    if words <= MENU_WORDS_MAX && MENU_WORD.is_match(s.trim()) {
        return true;
    }
    words <= 2 && !s.ends_with(['.', '!', '?', '"', '”']) && s.len() <= 24 && !is_dateline_alone(s)
}

fn banner(s: &str) -> Option<(String, String, (usize, usize))> {
    if !members(Class::BannerLead).any(|l| s.starts_with(l)) {
        return None;
    }
    let c = BANNER.captures(s)?;
    let m = c.name("name")?;
    let name = m.as_str().trim_end_matches(['.', '!']).to_string();
    Some((name, "site banner".into(), (m.start(), m.start() + m.as_str().trim_end_matches(['.', '!']).len())))
}

/// A masthead as the first line: `The Northgate Times | Your city, your world`.
fn tagline_banner(s: &str) -> Option<(String, String, (usize, usize))> {
    let c = TAGLINE_BANNER.captures(s)?;
    let m = c.name("name")?;
    Some((m.as_str().to_string(), "site masthead".into(), (m.start(), m.end())))
}

fn boilerplate_reason(s: &str) -> Option<&'static str> {
    let words = s.split_whitespace().count();
    if is_link_line(s) {
        return Some("bare link");
    }
    if words <= MENU_WORDS_MAX && MENU_WORD.is_match(s) {
        return Some("button or menu item");
    }
    if members(Class::RelatedLinkLead).any(|l| s.starts_with(l)) {
        return Some("link to another article");
    }
    if words > 90 {
        return None; // too long for any appeal below
    }
    let c = BOILERPLATE.captures(s)?;
    // Strong appeals are boilerplate even when long; weak cues ("newsletter",
    // "cookie") only in short blocks, since news prose may use those words.
    let strong = c.name("appeal").is_some();
    if (strong && words <= 90) || words <= 30 {
        Some(if strong { "donation or membership appeal" } else { "site chrome (newsletter, sharing, links)" })
    } else {
        None
    }
}

fn caption_or_credit(s: &str) -> Option<(BlockKind, &'static str)> {
    // the word counts first: the patterns scan every paragraph otherwise
    let words = s.split_whitespace().count();
    if words <= 10 && CREDIT.is_match(s) {
        return Some((BlockKind::Credit, "photo or source credit"));
    }
    // every form of CAPTION ends in ")", holds a "/" or a ":"
    if words <= 60 && (s.trim_end().ends_with(')') || s.contains(['/', ':'])) && CAPTION.is_match(s) {
        return Some((BlockKind::Caption, "photo caption with credit"));
    }
    None
}

/// Title Case: most longer words capitalised.
fn looks_titled(s: &str) -> bool {
    let words: Vec<&str> =
        s.split_whitespace().filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 4).collect();
    if words.len() < 2 {
        return false;
    }
    let caps = words.iter().filter(|w| w.chars().next().is_some_and(|c| c.is_uppercase())).count();
    caps * 10 >= words.len() * 7
}

fn copyright_outlet(text: &str, blocks: &[Block]) -> Option<(String, OutletEvidence)> {
    for b in blocks.iter().filter(|b| b.kind == BlockKind::Boilerplate) {
        let s = &text[b.start..b.end];
        if let Some(c) = COPYRIGHT.captures(s) {
            let m = c.name("name")?;
            let name = m.as_str().trim_end_matches('.').trim();
            if name.split_whitespace().count() >= 1 && !name.eq_ignore_ascii_case("all") {
                let sp = span(text, b.start + m.start(), b.start + m.start() + name.len());
                return Some((name.to_string(), OutletEvidence { source: OutletSource::Copyright, span: sp }));
            }
        }
    }
    None
}

/// The publication date a dateline gives: the full date when it has one; a
/// month and day take the year of a full date in the article with the same
/// month (else any full date within the year before), marked inferred.
fn dateline_date(text: &str, d: &Dateline) -> Found<String> {
    if let Some((date, a, b)) = parse_full_date(&d.span.text) {
        let s = d.span.start;
        return Some((date, DateSource::Dateline, span(text, s + a, s + b)));
    }
    let md = d.month_day.as_ref()?;
    let (m, day): (u32, u32) = (md.get(2..4)?.parse().ok()?, md.get(5..7)?.parse().ok()?);
    let mut years: Vec<i32> = Vec::new();
    let mut rest = text;
    let mut guard = 0;
    while let Some((date, _, e)) = parse_full_date(rest) {
        if let Ok(y) = date[..4].parse::<i32>() {
            let month: u32 = date[5..7].parse().unwrap_or(0);
            // A full date in the same or previous month dates the article's year.
            if month == m || month + 1 == m || (m == 1 && month == 12) {
                years.push(if m == 1 && month == 12 { y + 1 } else { y });
            }
        }
        rest = &rest[e..];
        guard += 1;
        if guard > 50 {
            break;
        }
    }
    let y = *years.first()?;
    let date = valid_date(y, m, day)?;
    Some((date, DateSource::Inferred, d.span.clone()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every block pattern expands its lexicon names and compiles, and the
    /// words now read from the lexicon still classify as they did.
    #[test]
    fn block_patterns_built_from_the_lexicon_compile_and_match() {
        let name = Regex::new(r"\{[A-Za-z][A-Za-z-]+\}").expect("pattern");
        let patterns =
            [&*META_LINE, &*MONTH_DAY_YEAR, &*DATELINE, &*SOCIAL_SIGNATURE, &*BYLINE, &*BANNER, &*BOILERPLATE];
        for re in patterns.into_iter().chain([&*MENU_WORD, &*CAPTION, &*CREDIT]) {
            assert!(!name.is_match(re.as_str()), "{}", re.as_str());
        }
        assert!(META_LINE.is_match("Last Updated: 4 March 2024") && !META_LINE.is_match("Lastly: a note"));
        assert!(BYLINE.is_match("Reporting by Tom Reyes") && !BYLINE.is_match("Bye Tom Reyes"));
        assert!(CREDIT.is_match("Photo credit: Lena Varga") && CREDIT.is_match("(AP)"));
        assert!(MENU_WORD.is_match("Log in") && MENU_WORD.is_match("LOGIN") && !MENU_WORD.is_match("Login now"));
        let chrome = "Sign up for our morning newsletter.";
        assert_eq!(boilerplate_reason(chrome), Some("site chrome (newsletter, sharing, links)"));
        let appeal = format!("{} Become a member today.", "word ".repeat(40));
        assert_eq!(boilerplate_reason(&appeal), Some("donation or membership appeal"));
        let c = MONTH_DAY_YEAR.captures("on Sept. 4, 2024").expect("a date");
        assert_eq!((&c[1], &c[2], &c[3]), ("Sep", "4", "2024"));
    }

    /// The cheap tests before each pattern never turn away a line the
    /// pattern matches (they are speed only: each line below is one that
    /// the pattern takes).
    #[test]
    fn pattern_gates_pass_every_line_their_pattern_takes() {
        let captions = [
            "Rescuers search the debris on Tuesday. (Photo: Lena Varga)",
            "Firefighters at the scene. Photo by: Tom Reyes for the Daily Ledger",
            "Crowds gather outside the court in Valmont. Marta Sol/Getty Images",
            "A ferry leaves the harbour at dawn (AP Photo/Jon Hale)  ",
        ];
        for s in captions {
            assert!(CAPTION.is_match(s), "{s}");
            assert!(matches!(caption_or_credit(s), Some((BlockKind::Caption, _))), "{s}");
        }
        for s in ["Share this article", "$25 / month", "$ 5 / month", "Back to top", "One-time"] {
            assert!(MENU_WORD.is_match(s) && s.split_whitespace().count() <= MENU_WORDS_MAX, "{s}");
            assert!(is_menu_like(s), "{s}");
        }
        for s in ["Support The Harbor Daily", "A Message from The Northgate Times", "Welcome to Valley News!"] {
            assert!(BANNER.is_match(s) && banner(s).is_some(), "{s}");
        }
        for s in ["https://example.org/a/b", "www.example.org/page", "pic.twitter.com/AbC123"] {
            assert!(is_link_line(s), "{s}");
        }
        assert!(is_dateline_alone("PORT ELLIS 2024-03-05"));
        assert!(!is_dateline_alone("port ellis 2024-03-05"));
        let signature = "— Mara Venn (@maravenn) March 4, 2024";
        assert!(signature.starts_with(['—', '–', '-']) && SOCIAL_SIGNATURE.is_match(signature));
        let appeal = "Please donate to keep our reporting free for everyone in the valley.";
        assert_eq!(boilerplate_reason(appeal), Some("donation or membership appeal"));
        let long = format!("{} donation", "word ".repeat(95));
        assert_eq!(boilerplate_reason(&long), None, "an appeal word in a long paragraph is prose");
    }

    fn art(text: &str) -> Article {
        parse("t", "t.txt", text, TextEncoding::Utf8, text.len())
    }

    #[test]
    fn glued_date_header() {
        let a = art(" date 2025-03-14 The talks ended on Thursday after three days.\nSecond paragraph here.");
        assert_eq!(a.published.as_deref(), Some("2025-03-14"));
        assert_eq!(a.published_source, Some(DateSource::Header));
        let meta = &a.blocks[0];
        assert_eq!(meta.kind, BlockKind::Metadata);
        assert_eq!(meta.text.as_deref(), Some("date 2025-03-14"));
        let first = &a.blocks[1];
        assert!(
            " date 2025-03-14 The talks"
                .ends_with(&a.blocks[1].text.clone().unwrap_or_else(|| "The talks".into())[..9])
        );
        assert_eq!(&" date 2025-03-14 The talks ended"[first.start..first.start + 9], "The talks");
        assert!(a.headline.is_none(), "a glued first sentence is not a headline");
    }

    #[test]
    fn published_line_and_headline() {
        let a = art(
            "Published: 2025-03-13\nMinisters Close Flood Summit\n\nVIENNA — The ministers met.\nMore text follows here.",
        );
        assert_eq!(a.published.as_deref(), Some("2025-03-13"));
        assert_eq!(a.published_source, Some(DateSource::DateLine));
        assert_eq!(a.headline.as_deref(), Some("Ministers Close Flood Summit"));
        assert_eq!(a.dateline.as_ref().map(|d| d.place.as_str()), Some("VIENNA"));
    }

    #[test]
    fn dateline_without_year_takes_year_from_article() {
        let a = art("KYIV, March 12 — Crews worked all night.\nA post on March 11, 2025 said more.");
        let d = a.dateline.unwrap();
        assert_eq!(d.place, "KYIV");
        assert_eq!(d.month_day.as_deref(), Some("--03-12"));
        assert_eq!(a.published.as_deref(), Some("2025-03-12"));
        assert_eq!(a.published_source, Some(DateSource::Inferred));
    }

    #[test]
    fn dateline_without_any_year_stays_undated() {
        let a = art("KYIV, March 12 — Crews worked all night.\nNothing else.");
        assert!(a.published.is_none());
        assert!(a.dateline.is_some());
    }

    #[test]
    fn agency_dateline_names_the_outlet() {
        let a = art("VIENNA (Eastwire) - Ministers agreed a plan.\nThey left.");
        let d = a.dateline.unwrap();
        assert_eq!(d.agency.as_deref(), Some("Eastwire"));
        assert_eq!(a.outlet.as_deref(), Some("Eastwire"));
    }

    #[test]
    fn a_dateline_line_first_is_no_headline() {
        let a = art("KORVALE, Norway 2024-05-01\nFlood water reached the square.\nIt rose all night.");
        assert_eq!(a.published.as_deref(), Some("2024-05-01"));
        assert_eq!(a.blocks.first().map(|b| b.kind), Some(BlockKind::Dateline));
        assert!(!a.blocks.iter().any(|b| b.kind == BlockKind::Headline));
    }

    #[test]
    fn conll_style_dateline_line() {
        let a = art("Hendrix draft sold\nLONDON 1996-08-22\nA draft was sold on Thursday.");
        assert_eq!(a.published.as_deref(), Some("1996-08-22"));
        assert_eq!(a.published_source, Some(DateSource::Dateline));
        assert!(a.blocks.iter().any(|b| b.kind == BlockKind::Dateline));
    }

    #[test]
    fn site_chrome_is_boilerplate_and_banner_names_outlet() {
        let text = "Support The Continental Ledger!\nFloods Hit the Delta\n\nWater rose overnight in the delta, officials said.\nYour gift keeps our reporting free for everyone.\n$5\n$10\n$25\nOther\nMonthly\nOne-time\nContinue\nRescuers pull a boat ashore on Tuesday. (Photo: Ana Ruiz/Eastwire)\nThe level fell later, the mayor said.\nSign up for our morning briefing\nShare this article";
        let a = art(text);
        assert_eq!(a.outlet.as_deref(), Some("The Continental Ledger"));
        let kind_of = |needle: &str| {
            let pos = text.find(needle).unwrap();
            a.blocks.iter().find(|b| b.start <= pos && pos < b.end).map(|b| b.kind)
        };
        assert_eq!(kind_of("Your gift"), Some(BlockKind::Boilerplate));
        assert_eq!(kind_of("$10"), Some(BlockKind::Boilerplate));
        assert_eq!(kind_of("Monthly"), Some(BlockKind::Boilerplate));
        assert_eq!(kind_of("Rescuers pull"), Some(BlockKind::Caption));
        assert_eq!(kind_of("Sign up"), Some(BlockKind::Boilerplate));
        assert_eq!(kind_of("Share this"), Some(BlockKind::Boilerplate));
        assert_eq!(kind_of("Water rose"), Some(BlockKind::Paragraph));
        assert_eq!(kind_of("Floods Hit"), Some(BlockKind::Headline));
        assert!(a.boilerplate_blocks >= 8);
    }

    #[test]
    fn social_post_block() {
        let text = "Water is rising.\nWe will rebuild every bridge. https://t.co/AbC\n— Olena Marchuk (@OlenaMarchukUA) March 11, 2025\nhttps://t.co/AbCd123\nThe minister spoke later.";
        let a = art(text);
        let posts: Vec<_> = a.blocks.iter().filter(|b| b.kind == BlockKind::SocialPost).collect();
        assert_eq!(posts.len(), 1, "post text and signature form one block");
        let post = posts[0].text.as_deref().unwrap();
        assert!(post.starts_with("We will rebuild"));
        assert!(post.ends_with("March 11, 2025"));
    }

    #[test]
    fn news_prose_mentioning_a_newsletter_is_kept() {
        let long = "The ministry said in its weekly newsletter that the water level in the lower districts had fallen by almost a metre since Monday, and that crews would begin clearing debris from the main roads once the current slowed further.";
        let a = art(&format!("First line of body text is here.\n{long}"));
        assert!(a.blocks.iter().all(|b| b.kind != BlockKind::Boilerplate));
    }

    #[test]
    fn crlf_lines_exclude_carriage_returns() {
        let text = "Headline Here\r\n\r\nBody sentence one.\r\nBody two.\r\n";
        let a = art(text);
        for b in &a.blocks {
            assert!(!text[b.start..b.end].contains('\r'));
        }
    }

    #[test]
    fn month_names() {
        assert_eq!(month_number("Sept."), Some(9));
        assert_eq!(month_number("March"), Some(3));
        assert_eq!(month_number("marine"), None);
        assert_eq!(month_number("Dec"), Some(12));
    }
}

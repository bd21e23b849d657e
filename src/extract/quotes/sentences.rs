//! Quotes, sentence bounds: where the sentence around a quote starts and
//! ends (abbreviations and initials are no ends), and where an unclosed
//! phrase of the writer's sentence stops.

use super::*;

pub(super) fn ends_with_abbrev(s: &str) -> bool {
    let w = s.trim_end_matches('.');
    let last = w.rsplit(|c: char| !c.is_alphanumeric() && c != '.').next().unwrap_or("");
    is(Class::QuoteAbbrev, last)
        || (last.chars().count() == 1 && last.chars().all(char::is_uppercase))
        || last.contains('.')
}

/// Is `text[..pos]` ending in a sentence terminator followed by the whitespace at `pos`?
pub(super) fn is_boundary(text: &str, term_at: usize) -> bool {
    // `term_at` is the byte index of `.`, `!` or `?`.
    if !text[term_at..].starts_with('.') {
        return true;
    }
    // Whitespace may be wider than one byte (no-break space).
    let start =
        text[..term_at].char_indices().rev().find(|(_, c)| c.is_whitespace()).map_or(0, |(i, c)| i + c.len_utf8());
    !ends_with_abbrev(&text[start..=term_at])
}

/// No sentence of news runs longer than this many bytes before a quote (a
/// long news sentence is 300-500): it bounds the scan, and the tokenizing of
/// the words before every quote, in a paragraph without sentence ends.
const SENTENCE_REACH: usize = 1000;

/// Start of the sentence holding `pos` within the paragraph starting at `from`.
pub(super) fn sentence_start(text: &str, from: usize, pos: usize) -> usize {
    let mut pos = pos.min(text.len());
    while !text.is_char_boundary(pos) {
        pos -= 1;
    }
    if from >= pos || !text.is_char_boundary(from) {
        return pos;
    }
    let mut from = from.max(pos.saturating_sub(SENTENCE_REACH));
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let seg = &text[from..pos];
    // The last sentence end before `pos` wins, so the scan runs backwards and
    // stops there (a forward scan read the whole 3,000 bytes for every quote).
    for (i, c) in seg.char_indices().rev() {
        if matches!(c, '.' | '!' | '?') {
            // Skip closing marks after the terminator, then require whitespace.
            let rest = &seg[i + 1..];
            let after_marks = rest.trim_start_matches(['"', '”', '’', '\'', ')']);
            if after_marks.starts_with(char::is_whitespace) && is_boundary(text, from + i) {
                let ws = after_marks.len() - after_marks.trim_start().len();
                let next = from + i + 1 + (rest.len() - after_marks.len()) + ws;
                // Quote marks belong to the next sentence only when they open it.
                if next <= pos && after_marks.trim_start().chars().next().is_none_or(|c| !c.is_lowercase()) {
                    return next;
                }
            }
        }
    }
    from
}

/// End of the sentence that continues at `pos`, bounded by `limit`.
pub(super) fn sentence_end(text: &str, pos: usize, limit: usize) -> usize {
    let limit = limit.max(pos);
    if !text.is_char_boundary(pos) || !text.is_char_boundary(limit) || limit > text.len() {
        return pos;
    }
    let seg = &text[pos..limit];
    for (i, c) in seg.char_indices() {
        if matches!(c, '.' | '!' | '?')
            && seg[i + 1..].chars().next().is_none_or(char::is_whitespace)
            && is_boundary(text, pos + i)
        {
            return pos + i + 1;
        }
        if c == '\n' {
            return pos + i;
        }
    }
    limit
}

/// An unclosed quote that opened inside the writer's sentence ("then saw “a
/// crater two metres wide. Observers believe…") is a phrase of that
/// sentence: the closing mark was lost, and the rest of the paragraph is the
/// writer's. It ends with its sentence. A quote that opens its sentence may
/// be a speaker's several sentences and keeps running to the paragraph end.
/// Whether it cut.
pub(super) fn cut_at_sentence_end(doc: &Doc, p: &mut marks::Pair) -> bool {
    let k = doc.sentences.partition_point(|s| s.start <= p.open);
    let Some(s) = k.checked_sub(1).and_then(|k| doc.sentences.get(k)) else { return false };
    let lead = doc.text.get(s.start..p.open).unwrap_or("");
    if !lead.chars().any(char::is_alphanumeric) || s.end <= p.start || s.end >= p.end {
        return false;
    }
    let end = p.start + doc.text.get(p.start..s.end).map_or(0, |t| t.trim_end().len());
    p.end = end;
    p.close_end = end;
    true
}

pub(super) fn sentence_bounds(doc: &Doc, start: usize, end: usize, block: usize) -> (usize, usize) {
    // Sentences are in text order.
    let k = doc.sentences.partition_point(|s| s.start <= start);
    let ss =
        k.checked_sub(1).and_then(|k| doc.sentences.get(k)).filter(|s| start < s.end.max(s.start + 1)).map(|s| s.start);
    let k = doc.sentences.partition_point(|s| s.start < end);
    let se = k.checked_sub(1).and_then(|k| doc.sentences.get(k)).filter(|s| end <= s.end).map(|s| s.end);
    let b = &doc.blocks[block];
    (ss.unwrap_or(b.start).min(start), se.unwrap_or(b.end).max(end))
}

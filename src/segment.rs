//! Stage 3, segment: sentences with byte offsets.
//!
//! `unicode-segmentation` gives the UAX #29 sentence boundaries; on top of them
//! this module undoes the splits news text does not want:
//! * after abbreviations that precede names or numbers (`Mr.`, `Gen.`, `St.`,
//!   `Dec. 12`, `No. 5`), after initials (`M. K. Dobson`), and after `U.S.`-style
//!   acronyms when the next word is not the start of a new sentence;
//! * inside a quotation whose next piece starts in lowercase
//!   (`"Stop," he said.` is one sentence).
//!
//! Sentences never cross block boundaries.

use crate::lang::{Class, is};
use crate::model::{Block, SentenceSpan};
use unicode_segmentation::UnicodeSegmentation;

/// Longest sentence analysed as one, in bytes. Edited news sentences stay far
/// below it (a 60-word sentence is about 400 bytes); text without sentence
/// ends (lists, tables, scraped runs) goes past it, and several extractors
/// and the quantity comparison do work per number times the sentence length.
pub const MAX_SENTENCE_BYTES: usize = 1000;

/// Split every block of an article into sentences.
pub fn sentences(text: &str, blocks: &[Block]) -> Vec<SentenceSpan> {
    sentences_counting_splits(text, blocks).0
}

/// [`sentences`], and how many over-long sentences were split at safe points
/// (after `;`, `,` or `:`, else at a space) to stay under [`MAX_SENTENCE_BYTES`].
pub fn sentences_counting_splits(text: &str, blocks: &[Block]) -> (Vec<SentenceSpan>, usize) {
    let mut out = Vec::new();
    let mut splits = 0;
    for (bi, b) in blocks.iter().enumerate() {
        splits += split_block(text, b.start, b.end, bi, &mut out);
    }
    (out, splits)
}

fn split_block(text: &str, start: usize, end: usize, block: usize, out: &mut Vec<SentenceSpan>) -> usize {
    let Some(body) = text.get(start..end) else {
        return 0;
    };
    let mut pieces: Vec<(usize, usize)> = Vec::new();
    for (off, s) in body.split_sentence_bound_indices() {
        let s_trim = s.trim_end();
        if s_trim.trim_start().is_empty() {
            continue;
        }
        let lead = s.len() - s.trim_start().len();
        let a = start + off + lead;
        let b = start + off + s_trim.len();
        if a >= b {
            continue;
        }
        match pieces.last_mut() {
            Some(last) if should_join(&text[last.0..last.1], &text[a..b]) => last.1 = b,
            _ => pieces.push((a, b)),
        }
    }
    let mut splits = 0;
    for (a, b) in pieces {
        if b - a <= MAX_SENTENCE_BYTES {
            out.push(SentenceSpan { start: a, end: b, block });
        } else {
            splits += 1;
            split_long(text, a, b, &mut |start, end| out.push(SentenceSpan { start, end, block }));
        }
    }
    splits
}

/// Cut `text[a..b]` into pieces of at most [`MAX_SENTENCE_BYTES`]: after the
/// last `;` in the second half of the window, else the last `,` or `:`, else
/// the last space, else (one endless word) at a character boundary. Pieces are
/// trimmed, so no sentence starts or ends with a space.
fn split_long(text: &str, a: usize, b: usize, emit: &mut dyn FnMut(usize, usize)) {
    let mut s = a;
    while s < b {
        if b - s <= MAX_SENTENCE_BYTES {
            emit(s, b);
            return;
        }
        let limit = floor_boundary(text, s + MAX_SENTENCE_BYTES);
        let from = floor_boundary(text, s + MAX_SENTENCE_BYTES / 2);
        let window = text.get(from..limit).unwrap_or("");
        let after = |set: &[char]| window.rfind(set).map(|i| from + i + 1);
        let cut = after(&[';'])
            .or_else(|| after(&[',', ':']))
            .or_else(|| window.rfind(char::is_whitespace).map(|i| from + i))
            .unwrap_or(limit);
        let cut = if cut > s { cut } else { limit.max(s + 1) };
        let cut = ceil_boundary(text, cut);
        let piece_end = s + text.get(s..cut).map_or(0, |p| p.trim_end().len());
        if piece_end > s {
            emit(s, piece_end);
        }
        let rest = text.get(cut..b).unwrap_or("");
        s = cut + (rest.len() - rest.trim_start().len());
    }
}

fn floor_boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// Whether the boundary between `prev` and `next` is a false split.
fn should_join(prev: &str, next: &str) -> bool {
    let next_first = next.chars().next();
    let next_lower = next_first.is_some_and(|c| c.is_lowercase());
    let next_digit = next_first.is_some_and(|c| c.is_ascii_digit());
    // A quotation ended by `?` or `!` and continued by the attribution:
    // `"Why now?" she asked.`
    if next_lower && prev.ends_with(['"', '”', '’', '\'']) {
        return true;
    }
    let Some(stripped) = prev.strip_suffix('.') else {
        return next_lower && prev.ends_with([':', ';', ',']);
    };
    let word = stripped.rsplit(|c: char| c.is_whitespace() || c == '(' || c == '"' || c == '“').next().unwrap_or("");
    let lw = word.to_lowercase();
    // An initial: a single capital letter ("M. K. Dobson").
    if word.chars().count() == 1 && word.chars().all(|c| c.is_uppercase()) {
        return true;
    }
    if is(Class::AlwaysJoin, lw.as_str()) {
        return true;
    }
    if is(Class::JoinBeforeDigit, lw.as_str()) && next_digit {
        return true;
    }
    if (lw == "a.m" || lw == "p.m") && (names_the_day(next) || bracket_time(next)) {
        return true;
    }
    if is(Class::JoinBeforeLower, lw.as_str()) || is_dotted_acronym(word) {
        return next_lower || next_digit || acronym_modifies(word, next);
    }
    // A sentence never starts in lowercase in edited news text; UAX #29 splits
    // there only after an abbreviation we do not list.
    next_lower
}

/// "U.S. Secretary of State Lena Ostrova", "the U.N. Security Council": a capitalised country or
/// body acronym before a capitalised word that is no function word modifies that word; a new
/// sentence after an acronym opens with a function word ("... from the U.S. The rest ...").
fn acronym_modifies(word: &str, next: &str) -> bool {
    let upper = word.chars().all(|c| c == '.' || c.is_uppercase());
    let first: String = next.chars().take_while(|c| c.is_alphanumeric() || *c == '-').collect();
    upper
        && is_dotted_acronym(word)
        && first.chars().next().is_some_and(char::is_uppercase)
        && !crate::lang::lexicon().is_stopword(&first.to_lowercase())
}

/// "at 10 p.m. Wednesday", "until 5 p.m. EST Nov. 9": after a clock time, a
/// weekday, a month before a day number or a capitalised time zone says which
/// day the time is on; it does not open a new sentence.
fn names_the_day(next: &str) -> bool {
    let mut words = next.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty());
    let Some(first) = words.next() else { return false };
    let lower = first.to_lowercase();
    if crate::lang::weekday(&lower).is_some_and(|(_, full)| full) {
        return true;
    }
    if crate::lang::month(&lower).is_some() {
        return words.next().is_some_and(|w| w.bytes().all(|b| b.is_ascii_digit()));
    }
    first.chars().all(|c| c.is_ascii_uppercase()) && crate::lang::is(crate::lang::Class::TimeZone, &lower)
}

/// "at 10:35 a.m. (0735 GMT) Friday", "at 4 a.m. (EDT)": a bracket after a
/// clock time that opens with a number, a zone or a day glosses the time; a
/// sentence does not start there.
fn bracket_time(next: &str) -> bool {
    let Some(inner) = next.strip_prefix('(') else { return false };
    inner.chars().next().is_some_and(|c| c.is_ascii_digit()) || names_the_day(inner)
}

/// `U.S`, `a.m`, `N.A.T.O`: letters separated by dots (the final dot stripped).
fn is_dotted_acronym(w: &str) -> bool {
    let parts: Vec<&str> = w.split('.').collect();
    parts.len() >= 2 && parts.iter().all(|p| p.chars().count() == 1 && p.chars().all(char::is_alphabetic))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::BlockKind;

    fn split(text: &str) -> Vec<&str> {
        let blocks = [Block { kind: BlockKind::Paragraph, start: 0, end: text.len(), text: None, reason: None }];
        sentences(text, &blocks).iter().map(|s| &text[s.start..s.end]).collect()
    }

    #[test]
    fn abbreviations_and_initials_do_not_split() {
        assert_eq!(
            split("Mr. Volkov met Gen. Ortiz on St. Anne's Day. The talks began on Dec. 12 in Vienna."),
            ["Mr. Volkov met Gen. Ortiz on St. Anne's Day.", "The talks began on Dec. 12 in Vienna."]
        );
        assert_eq!(
            split("The engineer M. K. Dobson agreed. Others did not."),
            ["The engineer M. K. Dobson agreed.", "Others did not."]
        );
    }

    #[test]
    fn acronyms_join_only_before_lowercase() {
        assert_eq!(
            split("The U.S. delegation left early. It was late."),
            ["The U.S. delegation left early.", "It was late."]
        );
        assert_eq!(
            split("Aid came from the U.S. The rest came later."),
            ["Aid came from the U.S.", "The rest came later."]
        );
        assert_eq!(split("We met at 9 a.m. and left at noon."), ["We met at 9 a.m. and left at noon."]);
        // Before a capitalised word that is no function word, "U.S." modifies it.
        assert_eq!(
            split("Talks opened. U.S. Secretary of State Lena Ostrova spoke first."),
            ["Talks opened.", "U.S. Secretary of State Lena Ostrova spoke first."]
        );
        assert_eq!(split("The aid came from the U.N. Refugee Agency."), ["The aid came from the U.N. Refugee Agency."]);
        // Lowercase acronyms do not: "a.m." ends a sentence before a capitalised word.
        assert_eq!(split("We left at 9 a.m. Officials stayed."), ["We left at 9 a.m.", "Officials stayed."]);
        // A bracket glossing the time (another zone, the day) stays in the sentence.
        assert_eq!(
            split("The dam broke at 6:40 a.m. (0440 GMT) Tuesday. Nobody was hurt."),
            ["The dam broke at 6:40 a.m. (0440 GMT) Tuesday.", "Nobody was hurt."]
        );
        assert_eq!(split("We left at 9 a.m. (Officials stayed.)"), ["We left at 9 a.m.", "(Officials stayed.)"]);
        // A day after the time is part of it.
        assert_eq!(
            split("The shop closed at 8 p.m. Thursday. Nobody came."),
            ["The shop closed at 8 p.m. Thursday.", "Nobody came."]
        );
        assert_eq!(
            split("Bids close at 4 p.m. EST Dec. 3, the bank said."),
            ["Bids close at 4 p.m. EST Dec. 3, the bank said."]
        );
        assert_eq!(split("We left at 9 a.m. March was cold."), ["We left at 9 a.m.", "March was cold."]);
    }

    #[test]
    fn quotes_and_dashes() {
        assert_eq!(
            split("\"Why now?\" she asked. \"We waited — and waited.\" He left."),
            ["\"Why now?\" she asked.", "\"We waited — and waited.\"", "He left."]
        );
    }

    #[test]
    fn over_long_sentences_are_split_at_safe_points() {
        let list = "barges, cranes and pumps; ".repeat(200);
        let text = format!("The port listed {list}and more");
        let blocks = [Block { kind: BlockKind::Paragraph, start: 0, end: text.len(), text: None, reason: None }];
        let (s, splits) = sentences_counting_splits(&text, &blocks);
        assert_eq!(splits, 1);
        assert!(s.len() >= text.len() / MAX_SENTENCE_BYTES);
        for x in &s {
            let piece = &text[x.start..x.end];
            assert!(piece.len() <= MAX_SENTENCE_BYTES, "{}", piece.len());
            assert_eq!(piece, piece.trim(), "trimmed");
        }
        assert!(s[0].end < text.len() && text[..s[0].end].ends_with(';'), "cut after a semicolon");
        assert!(s.windows(2).all(|w| w[0].end < w[1].start), "in order, not overlapping");
        assert_eq!(s.last().map(|x| x.end), Some(text.len()));

        // No punctuation: at a space. No space at all: at a character boundary.
        for text in ["word ".repeat(700), "ж".repeat(3000)] {
            let blocks = [Block { kind: BlockKind::Paragraph, start: 0, end: text.len(), text: None, reason: None }];
            let (s, splits) = sentences_counting_splits(&text, &blocks);
            assert_eq!(splits, 1);
            let covered: usize = s.iter().map(|x| text[x.start..x.end].trim().len()).sum();
            assert!(covered >= text.trim().len() - s.len(), "nothing but spaces lost");
            assert!(s.iter().all(|x| x.end - x.start <= MAX_SENTENCE_BYTES));
        }
        // Ordinary sentences are untouched.
        assert_eq!(sentences_counting_splits("Short one. Another.", &blocks[..0]).1, 0);
    }

    #[test]
    fn offsets_are_exact_and_never_cross_blocks() {
        let text = "One two. Three four.\nFive six.";
        let blocks = [
            Block { kind: BlockKind::Paragraph, start: 0, end: 20, text: None, reason: None },
            Block { kind: BlockKind::Paragraph, start: 21, end: 30, text: None, reason: None },
        ];
        let s = sentences(text, &blocks);
        assert_eq!(s.len(), 3);
        assert_eq!((s[2].start, s[2].end, s[2].block), (21, 30, 1));
    }
}

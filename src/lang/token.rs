//! One tokenizer for the language layer: words with byte spans, lowercase
//! form and lemma.
//!
//! Written by hand because the rules are news-specific and tiny: digits keep
//! their inner `,` and `.` ("2,000", "1.2"), an apostrophe inside a word stays
//! ("Ukraine’s"), and a hyphen splits ("three-hour" → "three", "hour") but is
//! remembered so that compass words ("north-northeast") and compounds can be
//! rebuilt from the tokens.

use std::borrow::Cow;

/// A word of the text, `[start, end)` in the file's bytes.
#[derive(Debug, Clone, PartialEq)]
pub struct Token<'a> {
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
    // Borrowed from the text when the word is already its own lowercase
    // form and lemma (most words of news prose): two fewer allocations a
    // token on a path that tokenizes every claim sentence.
    pub lower: Cow<'a, str>,
    pub lemma: Cow<'a, str>,
    /// Joined to the previous token by a hyphen ("north-northeast").
    pub hyphen_before: bool,
}

impl Token<'_> {
    pub fn is_number(&self) -> bool {
        self.text.as_bytes().first().is_some_and(u8::is_ascii_digit)
    }

    pub fn is_capitalized(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }
}

/// A letter or digit. `char::is_alphanumeric` has a fast path for ASCII only;
/// the quote marks and dashes of news text (U+2000-U+206F) went through two
/// slow Unicode table lookups each, a fifth of the time of a quote-heavy file.
#[inline]
pub fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else if ('\u{2000}'..='\u{206F}').contains(&c) {
        false
    } else {
        c.is_alphanumeric()
    }
}

/// The one tokenizer's unit: a run of letters and digits, or one other
/// character that is not a space, `[start, end)` in the bytes of the text
/// scanned. Every extractor's larger units (words with inner punctuation,
/// hyphenated compounds, names with initials) are runs of glued pieces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Piece {
    pub start: usize,
    pub end: usize,
}

/// The pieces of `text`, in order.
pub fn pieces(text: &str) -> Vec<Piece> {
    let mut out = Vec::with_capacity(text.len() / 4 + 1);
    let mut run: Option<usize> = None;
    for (i, c) in text.char_indices() {
        if is_word_char(c) {
            if run.is_none() {
                run = Some(i);
            }
            continue;
        }
        if let Some(s) = run.take() {
            out.push(Piece { start: s, end: i });
        }
        if !c.is_whitespace() {
            out.push(Piece { start: i, end: i + c.len_utf8() });
        }
    }
    if let Some(s) = run {
        out.push(Piece { start: s, end: text.len() });
    }
    out
}

/// Whether piece `p` of `text` is a run of letters and digits.
#[inline]
pub fn is_run(text: &str, p: Piece) -> bool {
    text[p.start..].chars().next().is_some_and(is_word_char)
}

/// The single character of a piece that is not a run.
#[inline]
pub fn mark(text: &str, p: Piece) -> Option<char> {
    text[p.start..p.end].chars().next()
}

/// A word of the text, `[start, end)` in the bytes of the text scanned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word<'a> {
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
}

impl Word<'_> {
    pub fn is_number(&self) -> bool {
        self.text.as_bytes().first().is_some_and(u8::is_ascii_digit)
    }
}

/// The words of `text`: runs of letters and digits. Digits keep their inner
/// `,` and `.` ("2,000", "1.2"); an apostrophe inside a word stays ("don't",
/// "Ukraine’s"); a hyphen splits ("three-hour" → "three", "hour"). This is
/// the idea of a word that [`tokenize`], the comparison and the story
/// sketches share.
pub fn words(text: &str) -> Vec<Word<'_>> {
    words_of(text, &pieces(text))
}

/// [`words`] from the text's [`pieces`].
pub fn words_of<'a>(text: &'a str, ps: &[Piece]) -> Vec<Word<'a>> {
    let mut out = Vec::with_capacity(ps.len());
    let mut k = 0;
    while let Some(&p) = ps.get(k) {
        k += 1;
        if !is_run(text, p) {
            continue;
        }
        let mut end = p.end;
        // A mark glued between two runs joins them: a `,` or `.` between
        // digits, an apostrophe before a letter or digit.
        while let (Some(&m), Some(&r)) = (ps.get(k), ps.get(k + 1)) {
            if m.start != end || r.start != m.end || !is_run(text, r) {
                break;
            }
            let joins = match mark(text, m) {
                Some(',' | '.') => {
                    text[..end].ends_with(|c: char| c.is_ascii_digit()) && text.as_bytes()[r.start].is_ascii_digit()
                }
                Some('\'' | '’') => true,
                _ => false,
            };
            if !joins {
                break;
            }
            end = r.end;
            k += 2;
        }
        out.push(Word { start: p.start, end, text: &text[p.start..end] });
    }
    out
}

/// Tokens of `text`, whose first byte is at `base` in the file: its
/// [`words`] with their lowercase form and lemma.
pub fn tokenize(text: &str, base: usize) -> Vec<Token<'_>> {
    let ws = words(text);
    let mut out: Vec<Token<'_>> = Vec::with_capacity(ws.len());
    for (k, w) in ws.iter().enumerate() {
        let hyphen_before = k > 0 && w.start > 0 && text[..w.start].ends_with('-') && ws[k - 1].end == w.start - 1;
        let lower = lower_without_possessive(w.text);
        let lemma = match &lower {
            Cow::Borrowed(l) => lemma_of(l),
            Cow::Owned(l) => Cow::Owned(lemma_of(l).into_owned()),
        };
        out.push(Token { start: base + w.start, end: base + w.end, text: w.text, lower, lemma, hyphen_before });
    }
    out
}

/// Lowercases a short ASCII token into `buf` without allocating (for the
/// per-token class lookups of hot loops); `None` for a longer or non-ASCII one.
pub fn lower_ascii<'b>(t: &str, buf: &'b mut [u8; 24]) -> Option<&'b str> {
    let b = t.as_bytes();
    if b.len() > buf.len() || !b.is_ascii() {
        return None;
    }
    for (d, s) in buf.iter_mut().zip(b) {
        *d = s.to_ascii_lowercase();
    }
    std::str::from_utf8(&buf[..b.len()]).ok()
}

/// The lowercase form with a possessive ending cut off: the word itself when
/// it is lowercase ASCII without one, else one allocation (this runs for
/// every word of every sentence the frames read).
fn lower_without_possessive(word: &str) -> Cow<'_, str> {
    let possessive = word.ends_with("'s") || word.ends_with("’s");
    if !possessive && word.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
        return Cow::Borrowed(word);
    }
    let mut w = if word.is_ascii() { word.to_ascii_lowercase() } else { word.to_lowercase() };
    for suf in ["'s", "’s"] {
        if w.ends_with(suf) {
            w.truncate(w.len() - suf.len());
            break;
        }
    }
    Cow::Owned(w)
}

/// Irregular forms and their lemmas (`lemmas.tsv`).
static IRREGULAR: std::sync::LazyLock<rustc_hash::FxHashMap<&'static str, &'static str>> =
    std::sync::LazyLock::new(|| {
        super::lexicon::entries(include_str!("../../data/lexicon/en/lemmas.tsv"))
            .filter_map(|l| l.split_once('\t'))
            .collect()
    });

/// A light lemma of a lowercase word: plural and third-person endings
/// stripped so that "homes"/"home" and "talks"/"talk" meet. Only ever
/// compared, never shown.
pub fn lemma(lower: &str) -> String {
    lemma_of(lower).into_owned()
}

/// [`lemma`], borrowing the word itself (or the irregular table's entry)
/// when nothing is stripped.
fn lemma_of(lower: &str) -> Cow<'_, str> {
    if let Some(l) = IRREGULAR.get(lower) {
        return Cow::Borrowed(l);
    }
    if lower.chars().count() <= 3 || lower.chars().any(|c| c.is_ascii_digit()) {
        return Cow::Borrowed(lower);
    }
    if let Some(s) = lower.strip_suffix("ies") {
        return Cow::Owned(format!("{s}y"));
    }
    for suf in ["sses", "shes", "ches", "xes"] {
        if lower.ends_with(suf) {
            return Cow::Borrowed(&lower[..lower.len() - 2]);
        }
    }
    if lower.ends_with('s') && !lower.ends_with("ss") && !lower.ends_with("us") && !lower.ends_with("is") {
        return Cow::Borrowed(&lower[..lower.len() - 1]);
    }
    Cow::Borrowed(lower)
}

/// The plural [`lemma`] reads as `lemma`, from `lemmas.tsv`: the lemma itself
/// when the table keeps it whole ("people", "series"), else its irregular
/// plural ("children"). `None` for a regular noun.
pub fn irregular_plural(lemma: &str) -> Option<&'static str> {
    let mut forms: Vec<&'static str> = IRREGULAR.iter().filter(|&(_, l)| *l == lemma).map(|(f, _)| *f).collect();
    forms.sort_unstable();
    forms.iter().find(|f| **f == lemma).or(forms.first()).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_keep_number_punctuation_and_split_hyphens() {
        let t = "About 2,000 people, a three-hour talk; Ukraine’s 1.2 million.";
        let w: Vec<&str> = words(t).iter().map(|w| w.text).collect();
        assert_eq!(w, ["About", "2,000", "people", "a", "three", "hour", "talk", "Ukraine’s", "1.2", "million"]);
        for x in words(t) {
            assert_eq!(&t[x.start..x.end], x.text);
        }
    }

    #[test]
    fn one_lemmatizer_reads_the_irregular_table_both_ways() {
        assert_eq!(lemma("children"), "child");
        assert_eq!(lemma("persons"), "people");
        // kept whole: not the plural of "new" or "serie"
        assert_eq!(lemma("news"), "news");
        assert_eq!(lemma("series"), "series");
        assert_eq!(lemma("homes"), "home");
        assert_eq!(irregular_plural("child"), Some("children"));
        assert_eq!(irregular_plural("people"), Some("people"));
        assert_eq!(irregular_plural("series"), Some("series"));
        assert_eq!(irregular_plural("home"), None);
    }

    #[test]
    fn numbers_keep_separators_and_spans_point_into_the_file() {
        let text = "About 2,000 fled; 1.2 miles deep.";
        let toks = tokenize(text, 10);
        let words: Vec<&str> = toks.iter().map(|t| t.text).collect();
        assert_eq!(words, ["About", "2,000", "fled", "1.2", "miles", "deep"]);
        for t in &toks {
            assert_eq!(&text[t.start - 10..t.end - 10], t.text);
        }
    }

    #[test]
    fn hyphens_split_but_are_remembered() {
        let toks = tokenize("north-northeast of town", 0);
        assert_eq!(toks[1].text, "northeast");
        assert!(toks[1].hyphen_before && !toks[0].hyphen_before && !toks[2].hyphen_before);
    }

    #[test]
    fn lemmas_meet_across_number_and_possessives() {
        assert_eq!(lemma("homes"), "home");
        assert_eq!(lemma("casualties"), "casualty");
        assert_eq!(lemma("people"), "people");
        assert_eq!(tokenize("Ukraine’s", 0)[0].lower, "ukraine");
        assert_eq!(lemma("crisis"), "crisis");
    }
}

//! One tokenizer for the language layer: words with byte spans, lowercase
//! form and lemma.
//!
//! Written by hand because the rules are news-specific and tiny: digits keep
//! their inner `,` and `.` ("2,000", "1.2"), an apostrophe inside a word stays
//! ("Ukraine’s"), and a hyphen splits ("three-hour" → "three", "hour") but is
//! remembered so that compass words ("north-northeast") and compounds can be
//! rebuilt from the tokens.

/// A word of the text, `[start, end)` in the file's bytes.
#[derive(Debug, Clone, PartialEq)]
pub struct Token<'a> {
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
    pub lower: String,
    pub lemma: String,
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

/// Tokens of `text`, whose first byte is at `base` in the file.
pub fn tokenize<'a>(text: &'a str, base: usize) -> Vec<Token<'a>> {
    let mut out: Vec<Token<'a>> = Vec::new();
    let mut start: Option<usize> = None;
    let mut prev: Option<char> = None;
    let mut chars = text.char_indices().peekable();
    let push = |out: &mut Vec<Token<'a>>, s: usize, e: usize| {
        let word = &text[s..e];
        let hyphen_before = s > 0 && text[..s].ends_with('-') && out.last().is_some_and(|t| t.end == base + s - 1);
        let lower = lower_without_possessive(word);
        let lemma = lemma(&lower);
        out.push(Token { start: base + s, end: base + e, text: word, lower, lemma, hyphen_before });
    };
    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n);
        let last = prev.replace(c);
        let inner = start.is_some() && {
            let prev_digit = last.is_some_and(|p| p.is_ascii_digit());
            let next_digit = next.is_some_and(|n| n.is_ascii_digit());
            let next_alpha = next.is_some_and(is_word_char);
            ((c == ',' || c == '.') && prev_digit && next_digit) || ((c == '\'' || c == '’') && next_alpha)
        };
        if is_word_char(c) || inner {
            if start.is_none() {
                start = Some(i);
            }
        } else if let Some(s) = start.take() {
            push(&mut out, s, i);
        }
    }
    if let Some(s) = start {
        push(&mut out, s, text.len());
    }
    out
}

/// The lowercase form with a possessive ending cut off, in one allocation
/// (this runs for every word of every sentence the frames read).
fn lower_without_possessive(word: &str) -> String {
    let mut w = if word.is_ascii() { word.to_ascii_lowercase() } else { word.to_lowercase() };
    for suf in ["'s", "’s"] {
        if w.ends_with(suf) {
            w.truncate(w.len() - suf.len());
            break;
        }
    }
    w
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
    if let Some(l) = IRREGULAR.get(lower) {
        return (*l).to_string();
    }
    if lower.chars().count() <= 3 || lower.chars().any(|c| c.is_ascii_digit()) {
        return lower.to_string();
    }
    if let Some(s) = lower.strip_suffix("ies") {
        return format!("{s}y");
    }
    for suf in ["sses", "shes", "ches", "xes"] {
        if lower.ends_with(suf) {
            return lower[..lower.len() - 2].to_string();
        }
    }
    if lower.ends_with('s') && !lower.ends_with("ss") && !lower.ends_with("us") && !lower.ends_with("is") {
        return lower[..lower.len() - 1].to_string();
    }
    lower.to_string()
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

//! The sentence tokenizer the quantity scanner and the claims stage share.

// ------------------------------------------------------------------ tokens

/// A token of a sentence, with byte offsets into the document text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Tok<'a> {
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
}

impl Tok<'_> {
    pub(crate) fn is_word(&self) -> bool {
        self.text.chars().next().is_some_and(|c| c.is_alphanumeric())
    }
    pub(crate) fn is_cap(&self) -> bool {
        self.text.chars().next().is_some_and(|c| c.is_uppercase())
    }
    /// Capitalised and not a possessive ("Reuters", not "Ukraine's").
    pub(crate) fn is_cap_word(&self) -> bool {
        self.is_cap() && !self.text.ends_with("'s") && !self.text.ends_with("’s")
    }
}

/// Words are runs of letters and digits joined by inner hyphens, dashes,
/// slashes, apostrophes and dots (`thirty-two`, `1,500–2,000`, `U.S`, `km/h`,
/// `Volkov's`); commas and colons join only digits (`14,000`, `9:30`). Every
/// other non-space character is a token of its own. `base` is the offset of
/// `text` in the document.
pub(crate) fn tokenize(text: &str, base: usize) -> Vec<Tok<'_>> {
    let n = text.len();
    let bytes = text.as_bytes();
    let ch_at = |i: usize| -> Option<(char, usize)> {
        match bytes.get(i) {
            Some(&b) if b.is_ascii() => Some((char::from(b), 1)),
            Some(_) => text.get(i..)?.chars().next().map(|c| (c, c.len_utf8())),
            None => None,
        }
    };
    let mut toks = Vec::with_capacity(n / 5 + 1);
    let mut i = 0;
    while let Some((c, len)) = ch_at(i) {
        if c.is_whitespace() {
            i += len;
            continue;
        }
        if !c.is_alphanumeric() {
            toks.push(Tok { start: base + i, end: base + i + len, text: &text[i..i + len] });
            i += len;
            continue;
        }
        let mut j = i + len;
        let mut prev = c;
        while let Some((cj, lj)) = ch_at(j) {
            if cj.is_alphanumeric() {
                prev = cj;
                j += lj;
                continue;
            }
            if matches!(cj, '-' | '–' | '/' | '\'' | '’' | '.' | ',' | ':')
                && let Some((next, ln)) = ch_at(j + lj)
                && next.is_alphanumeric()
                && (!matches!(cj, ',' | ':') || (prev.is_ascii_digit() && next.is_ascii_digit()))
            {
                prev = next;
                j += lj + ln;
                continue;
            }
            break;
        }
        toks.push(Tok { start: base + i, end: base + j, text: &text[i..j] });
        i = j;
    }
    toks
}

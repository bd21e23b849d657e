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
    tokens_of(text, base, &crate::lang::pieces(text))
}

/// [`tokenize`] from the text's pieces (the language layer's one tokenizer):
/// a run and the glued mark and run after it join when the mark is a joiner.
pub(crate) fn tokens_of<'a>(text: &'a str, base: usize, ps: &[crate::lang::Piece]) -> Vec<Tok<'a>> {
    use crate::lang::{is_run, mark};
    let mut toks = Vec::with_capacity(ps.len());
    let mut k = 0;
    while let Some(&p) = ps.get(k) {
        k += 1;
        let mut end = p.end;
        if is_run(text, p) {
            while let (Some(&m), Some(&r)) = (ps.get(k), ps.get(k + 1)) {
                if m.start != end || r.start != m.end || !is_run(text, r) {
                    break;
                }
                let joins = match mark(text, m) {
                    Some('-' | '–' | '/' | '\'' | '’' | '.') => true,
                    // commas and colons join only digits
                    Some(',' | ':') => {
                        text[..end].ends_with(|c: char| c.is_ascii_digit()) && text.as_bytes()[r.start].is_ascii_digit()
                    }
                    _ => false,
                };
                if !joins {
                    break;
                }
                end = r.end;
                k += 2;
            }
        }
        toks.push(Tok { start: base + p.start, end: base + end, text: &text[p.start..end] });
    }
    toks
}

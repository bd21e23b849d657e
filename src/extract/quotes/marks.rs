//! Quote marks: find them in a paragraph and pair them.
//!
//! Rules:
//! * Double marks are `"`, `“`, `”`, `„`, two apostrophes `''` (how some papers set quotes), doubled
//!   curly singles `‘‘`/`’’`, and backticks ``` `` ```. A mark's glyph says which way it faces when
//!   the glyph has a direction; a straight mark (and a curly one used the wrong way round, which
//!   happens: `"a fair and lasting deal”`) faces the way its neighbours say: a mark after a space and
//!   before a word opens, a mark after a word and before a space or punctuation closes.
//! * Single marks (`'`, `‘`, `’`) are apostrophes unless they sit at a word edge: a mark between two
//!   letters (we’re, O’Brien), before a decade (’90s) or in rock ’n’ roll is never a quote. A single
//!   mark after a word (1990s’, Parliaments’) only closes a single quote that is open.
//! * Pairing is per paragraph. A double quote still open at the paragraph's end is returned as open
//!   so that the caller can apply the continuation rule; it never runs past the paragraph.

/// One quotation found in a paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pair {
    /// Start of the opening mark.
    pub open: usize,
    /// Content, marks excluded, whitespace trimmed.
    pub start: usize,
    pub end: usize,
    /// End of the closing mark (or of the paragraph when `open_ended`).
    pub close_end: usize,
    /// Single marks (nested or scare quotes at the top level).
    pub single: bool,
    /// No closing mark before the end of the paragraph.
    pub open_ended: bool,
}

/// A mark that closes nothing: a stray closing mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stray {
    pub at: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Double,
    Single,
}

#[derive(Debug, Clone, Copy)]
struct Mark {
    start: usize,
    end: usize,
    class: Class,
    can_open: bool,
    can_close: bool,
}

fn is_word(c: char) -> bool {
    crate::lang::is_word_char(c)
}

fn is_open_context(prev: Option<char>) -> bool {
    match prev {
        None => true,
        Some(c) => {
            c.is_whitespace()
                || matches!(
                    c,
                    '(' | '[' | '{' | '—' | '–' | '-' | '/' | '“' | '‘' | '"' | '\'' | '`' | ':' | '\u{feff}'
                )
        }
    }
}

fn is_close_context(next: Option<char>) -> bool {
    match next {
        None => true,
        Some(c) => {
            c.is_whitespace()
                || matches!(
                    c,
                    '.' | ','
                        | ';'
                        | ':'
                        | '!'
                        | '?'
                        | ')'
                        | ']'
                        | '}'
                        | '—'
                        | '–'
                        | '-'
                        | '/'
                        | '”'
                        | '’'
                        | '"'
                        | '\''
                        | '…'
                )
        }
    }
}

/// Elisions that start with an apostrophe and are not quotes.
fn elision_after(rest: &str) -> bool {
    let w: String = rest.chars().take_while(|c| c.is_alphanumeric()).collect();
    let lw = w.to_lowercase();
    if w.chars().next().is_some_and(|c| c.is_ascii_digit()) {
        return true; // ’90s, '08
    }
    crate::lang::is(crate::lang::Class::Elision, lw.as_str())
}

/// Scan `text[from..to]` for quote marks.
fn scan(text: &str, from: usize, to: usize) -> Vec<Mark> {
    let chars: Vec<(usize, char)> = text[from..to].char_indices().map(|(i, c)| (i + from, c)).collect();
    let mut sc = Scanner { text, to, chars, out: Vec::new() };
    let mut k = 0;
    while k < sc.chars.len() {
        k = match sc.chars[k].1 {
            '“' | '„' | '”' | '"' => sc.double(k),
            '`' if sc.next_of(k + 1) == Some('`') => {
                let pos = sc.chars[k].0;
                sc.out.push(Mark { start: pos, end: pos + 2, class: Class::Double, can_open: true, can_close: false });
                k + 2
            }
            '\'' | '’' | '‘' => sc.apostrophes(k),
            _ => k + 1,
        };
    }
    sc.out
}

/// The characters of one paragraph with their byte offsets, and the marks
/// found so far.
struct Scanner<'t> {
    text: &'t str,
    to: usize,
    chars: Vec<(usize, char)>,
    out: Vec<Mark>,
}

impl Scanner<'_> {
    fn prev_of(&self, k: usize) -> Option<char> {
        if k == 0 { None } else { self.chars.get(k - 1).map(|x| x.1) }
    }

    fn next_of(&self, k: usize) -> Option<char> {
        self.chars.get(k).map(|x| x.1)
    }

    fn push(&mut self, start: usize, end: usize, class: Class, can_open: bool, can_close: bool) {
        self.out.push(Mark { start, end, class, can_open, can_close });
    }

    /// A double mark at `k`; returns the index after it.
    fn double(&mut self, k: usize) -> usize {
        let (pos, c) = self.chars[k];
        let prev = self.prev_of(k);
        let next = self.next_of(k + 1);
        // `“ … in the case of`: a quote that opens on an ellipsis may leave a space first.
        let ellipsis_next = next == Some(' ')
            && (self.next_of(k + 2) == Some('…')
                || self.text[self.chars.get(k + 2).map_or(self.to, |x| x.0)..self.to].starts_with("..."));
        // A mark that ends its paragraph opens nothing ("... the server market. ”").
        let (mut o, mut cl) = (
            is_open_context(prev) && (next.is_some_and(|n| !n.is_whitespace()) || ellipsis_next),
            prev.is_some_and(|p| !p.is_whitespace()) && is_close_context(next),
        );
        match c {
            '“' | '„' => {
                o = true;
                cl = cl && !is_open_context(prev);
            }
            '”' => {
                cl = true;
                o = o && prev.is_none_or(|p| p.is_whitespace());
            }
            _ => {}
        }
        self.push(pos, pos + c.len_utf8(), Class::Double, o, cl);
        k + 1
    }

    /// A run of apostrophe-like marks starting at `k`; returns the index after it.
    fn apostrophes(&mut self, k: usize) -> usize {
        let n = self.chars.len();
        let mut m = k;
        while m < n && matches!(self.chars[m].1, '\'' | '’' | '‘') {
            m += 1;
        }
        let prev = self.prev_of(k);
        let next = self.next_of(m);
        let end_pos = self.chars.get(m).map(|x| x.0).unwrap_or(self.to);
        let left = is_open_context(prev) && next.is_some_and(|x| !x.is_whitespace());
        let right = prev.is_some_and(|p| !p.is_whitespace()) && is_close_context(next);
        if m - k >= 2 {
            self.run(k, m, end_pos, left, right);
            return m;
        }
        self.single(k, end_pos, left, right);
        k + 1
    }

    /// Two or more apostrophe-like marks `[k, m)`: a double mark, or a
    /// double and a single one nested.
    fn run(&mut self, k: usize, m: usize, end_pos: usize, left: bool, right: bool) {
        let pos = self.chars[k].0;
        if m - k == 2 {
            let (o, cl) = if left == right { (true, true) } else { (left, right) };
            self.push(pos, end_pos, Class::Double, o, cl);
        } else if right && !left {
            // `word,'''` : a single quote closing inside a double one.
            self.push(pos, pos + self.chars[k].1.len_utf8(), Class::Single, false, true);
            self.push(self.chars[m - 2].0, end_pos, Class::Double, false, true);
        } else {
            // `'''Hey` : a double quote opening, then a single one.
            self.push(pos, self.chars[k + 2].0, Class::Double, true, right);
            self.push(self.chars[m - 1].0, end_pos, Class::Single, true, false);
        }
    }

    /// A single apostrophe-like mark at `k`: an apostrophe, or a single quote mark.
    fn single(&mut self, k: usize, end_pos: usize, left: bool, right: bool) {
        let (pos, c) = self.chars[k];
        let prev = self.prev_of(k);
        let next = self.next_of(k + 1);
        let prev_word = prev.is_some_and(is_word);
        let next_word = next.is_some_and(is_word);
        let rest = &self.text[end_pos..self.to];
        // Inside a word, or an elision before one ('90s, ’n’); an opening
        // glyph `‘` right after a word is an apostrophe too.
        let apostrophe = if c == '‘' { prev_word } else { next_word && (prev_word || elision_after(rest)) };
        if apostrophe {
            return;
        }
        // `’` never opens (it is the closing glyph and the elision glyph); `‘` never closes.
        let o = match c {
            '’' => false,
            '‘' => !prev_word && next.is_some_and(|x| !x.is_whitespace()),
            _ => left,
        };
        // "shot, ' he said": tokenised text puts a space before a closing mark; after
        // punctuation and before a space it can only close.
        let spaced_close = c != '‘'
            && prev.is_some_and(char::is_whitespace)
            && next.is_none_or(char::is_whitespace)
            && k >= 2
            && matches!(self.chars[k - 2].1, ',' | '.' | '!' | '?' | ';');
        let cl = c != '‘' && (right || spaced_close);
        if o || cl {
            self.push(pos, end_pos, Class::Single, o, cl);
        }
    }
}

/// Pair the quote marks of one paragraph `text[from..to]`.
///
/// Returns the top-level quotations (double quotes, and single quotes that are not inside a double
/// one) and the stray closing marks.
pub fn pair(text: &str, from: usize, to: usize) -> (Vec<Pair>, Vec<Stray>) {
    let marks = scan(text, from, to);
    let mut pairs = Vec::new();
    let mut strays = Vec::new();
    let mut open: Option<Mark> = None;
    // Double quotes first.
    let mut doubles_taken: Vec<(usize, usize)> = Vec::new(); // (open start, close end) ranges
    for m in marks.iter().filter(|m| m.class == Class::Double) {
        match open {
            None => {
                if m.can_open {
                    open = Some(*m);
                } else if m.can_close {
                    strays.push(Stray { at: m.start });
                }
            }
            Some(o) => {
                if m.can_close {
                    if let Some(p) = make_pair(text, o.start, o.end, m.start, m.end, false, false) {
                        pairs.push(p);
                    }
                    doubles_taken.push((o.start, m.end));
                    open = None;
                } else {
                    // Two openings in a row: the first was never closed.
                    strays.push(Stray { at: o.start });
                    open = Some(*m);
                }
            }
        }
    }
    if let Some(o) = open {
        let end = text[..to].trim_end().len().max(o.end);
        if let Some(p) = make_pair(text, o.start, o.end, end, end, false, true) {
            pairs.push(p);
        }
        doubles_taken.push((o.start, to));
    }
    // Single quotes outside double quotes: an opening mark pairs with the nearest closing mark in the
    // same stretch of text outside double quotes.
    let inside = |pos: usize| doubles_taken.iter().any(|&(s, e)| pos >= s && pos < e);
    let singles: Vec<&Mark> = marks.iter().filter(|m| m.class == Class::Single && !inside(m.start)).collect();
    let mut i = 0;
    while i < singles.len() {
        let o = singles[i];
        if !o.can_open {
            i += 1;
            continue;
        }
        let mut found = None;
        for (j, c) in singles.iter().enumerate().skip(i + 1) {
            // A double quote between the two marks separates them.
            if doubles_taken.iter().any(|&(s, _)| s > o.start && s < c.start) {
                break;
            }
            if c.can_close {
                found = Some(j);
                break;
            }
        }
        match found {
            Some(j) => {
                let c = singles[j];
                if let Some(p) = make_pair(text, o.start, o.end, c.start, c.end, true, false) {
                    pairs.push(p);
                }
                i = j + 1;
            }
            None => i += 1,
        }
    }
    pairs.sort_by_key(|p| p.open);
    (pairs, strays)
}

fn make_pair(
    text: &str,
    open: usize,
    open_end: usize,
    close: usize,
    close_end: usize,
    single: bool,
    open_ended: bool,
) -> Option<Pair> {
    let inner = text.get(open_end..close)?;
    let lead = inner.len() - inner.trim_start().len();
    let trimmed = inner.trim();
    if trimmed.is_empty() || !trimmed.chars().any(char::is_alphanumeric) {
        return None;
    }
    let start = open_end + lead;
    Some(Pair { open, start, end: start + trimmed.len(), close_end, single, open_ended })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quoted(s: &str) -> Vec<String> {
        let (p, _) = pair(s, 0, s.len());
        p.iter().map(|p| s[p.start..p.end].to_string()).collect()
    }

    #[test]
    fn straight_and_curly() {
        assert_eq!(quoted(r#"He said "no deal" twice."#), vec!["no deal"]);
        assert_eq!(quoted("She said “we are ready,” then left."), vec!["we are ready,"]);
    }

    #[test]
    fn mixed_styles() {
        assert_eq!(quoted("They promised \"a fair and lasting deal” on Friday."), vec!["a fair and lasting deal"]);
        assert_eq!(quoted("They promised “a fair and lasting deal\" on Friday."), vec!["a fair and lasting deal"]);
    }

    #[test]
    fn two_apostrophes_and_backticks() {
        assert_eq!(quoted("''We will hold the line,'' the mayor said."), vec!["We will hold the line,"]);
        assert_eq!(quoted("``Nobody told us,'' she said."), vec!["Nobody told us,"]);
    }

    #[test]
    fn nested_single_inside_double_with_three_apostrophes() {
        let s = "''Voters will not accept 'we tried,''' the senator said.";
        assert_eq!(quoted(s), vec!["Voters will not accept 'we tried,'"]);
    }

    #[test]
    fn apostrophes_never_quote() {
        assert!(quoted("We’re sure it’s the council’s plan, not the 1990s’ one.").is_empty());
        assert!(quoted("It was rock ’n’ roll in the ’90s, said O’Neill.").is_empty());
        assert!(quoted("The members' votes and the voters' anger.").is_empty());
    }

    #[test]
    fn single_scare_quote() {
        assert_eq!(quoted("families remain in so-called 'temporary' shelters"), vec!["temporary"]);
        assert_eq!(quoted("the ‘peacekeepers’ left the town’s square"), vec!["peacekeepers"]);
    }

    #[test]
    fn nested_singles_are_not_top_level() {
        assert_eq!(
            quoted("“He called it ‘a farce,’ and walked out,” she said."),
            vec!["He called it ‘a farce,’ and walked out,"]
        );
    }

    #[test]
    fn unclosed_is_open_ended_and_bounded() {
        let s = "He said “this will go on and on.";
        let (p, _) = pair(s, 0, s.len());
        assert_eq!(p.len(), 1);
        assert!(p[0].open_ended);
        assert_eq!(&s[p[0].start..p[0].end], "this will go on and on.");
    }

    #[test]
    fn stray_closing_mark() {
        let s = "the end of it.” Then more text.";
        let (p, st) = pair(s, 0, s.len());
        assert!(p.is_empty());
        assert_eq!(st.len(), 1);
    }

    #[test]
    fn inches_mark_is_not_an_opening() {
        assert!(quoted("a 5\" pipe and more words").is_empty());
    }

    #[test]
    fn a_spaced_single_mark_after_punctuation_closes() {
        let t = "'We were lucky, ' the captain said.";
        let (pairs, _) = pair(t, 0, t.len());
        assert_eq!(pairs.len(), 1, "{pairs:?}");
        assert_eq!(&t[pairs[0].start..pairs[0].end], "We were lucky,");
        // A lone mark between spaces with no punctuation before it is neither.
        let t = "rock ' roll ' is back";
        let (pairs, _) = pair(t, 0, t.len());
        assert!(pairs.is_empty(), "{pairs:?}");
    }
}

//! The language layer: one tokenizer, one lemmatizer and the closed word
//! classes of `data/lexicon/en/`, shared by the extractors.
//!
//! Language knowledge lives in the data files, not in code: each file says in
//! its header what its entries mean, and [`lexicon`]'s tests keep every file
//! sorted and free of duplicates; no word list is left in the extractors'
//! code. One idea of a word ([`words`]) serves the fact frames, the claims,
//! the comparison and the story sketches; the date, quantity, entity and
//! quote scanners still split text their own way (punctuation as tokens,
//! hyphenated compounds kept whole), which issue 13 is folding into this
//! layer.

pub mod classes;
pub mod lexicon;
pub mod pattern;
pub mod tables;
pub mod token;

pub use classes::{Class, is, members};
pub use lexicon::{Lexicon, UnitInfo, lexicon};
pub use tables::{MonthWord, NumberKind, month, month_name, number_of, number_word, weekday};
pub use token::{
    Piece, Token, Word, irregular_plural, is_run, is_word_char, lemma, lower_ascii, mark, pieces, tokenize, words,
    words_of,
};

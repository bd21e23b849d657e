//! The language layer: one tokenizer, one lemmatizer and the closed word
//! classes of `data/lexicon/en/`, shared by the extractors.
//!
//! Language knowledge lives in the data files, not in code: each file says in
//! its header what its entries mean, and [`lexicon`]'s tests keep every file
//! sorted and free of duplicates. The extractors that predate this layer still
//! carry word lists of their own (issue 13 moves them here one by one); the
//! fact frames (`extract::frames`) are built on it from the start.

pub mod classes;
pub mod lexicon;
pub mod tables;
pub mod token;

pub use classes::{Class, is, members};
pub use lexicon::{Lexicon, UnitInfo, lexicon};
pub use tables::{MonthWord, NumberKind, month, month_name, number_of, number_word, weekday};
pub use token::{Token, irregular_plural, is_word_char, lemma, tokenize};

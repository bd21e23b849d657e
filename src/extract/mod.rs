//! Extraction: per-article rules that turn a segmented article into typed items.
//!
//! Every extractor works on a [`Doc`]: the decoded text, its blocks and its
//! sentences. Offsets produced here are positions in `Doc::text`; for UTF-8
//! files those equal file offsets, and for Windows-1252 files the pipeline maps
//! them to file offsets once, after extraction (see `pipeline::remap_offsets`).
//! Extractors only look at content blocks (`BlockKind::is_content`): boilerplate,
//! captions and credits are never mined.

pub mod claims;
pub mod dates;
pub mod entities;
pub mod frames;
pub mod quantities;
pub mod quotes;

use crate::model::{Anchor, Block, SentenceSpan, Span};

/// A segmented article, as the extractors see it.
#[derive(Debug, Clone, Copy)]
pub struct Doc<'a> {
    /// Article id, shared by the items that name their article.
    pub id: &'a crate::model::ArticleId,
    /// The decoded text. A UTF-8 BOM is kept as U+FEFF so that offsets equal file offsets.
    pub text: &'a str,
    pub blocks: &'a [Block],
    /// Sentences of all blocks, in order; `SentenceSpan::block` indexes `blocks`.
    pub sentences: &'a [SentenceSpan],
    /// The anchor date for relative expressions, when known.
    pub published: Option<jiff::civil::Date>,
    /// What `published` rests on: `Published` (stated), `Inferred`, or `None`.
    pub anchor: Anchor,
}

impl<'a> Doc<'a> {
    /// A span of the text with its exact content.
    pub fn span(&self, start: usize, end: usize) -> Span {
        Span { start, end, text: self.text[start..end].to_string() }
    }

    /// Sentences inside content blocks (headline, paragraphs, subheadings, social posts).
    pub fn content_sentences(&self) -> impl Iterator<Item = (usize, &'a SentenceSpan)> + 'a {
        let blocks = self.blocks;
        self.sentences.iter().enumerate().filter(move |(_, s)| blocks.get(s.block).is_some_and(|b| b.kind.is_content()))
    }

    /// The text of a sentence.
    pub fn sentence_text(&self, s: &SentenceSpan) -> &'a str {
        &self.text[s.start..s.end]
    }
}

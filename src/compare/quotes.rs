//! PLACEHOLDER owned by the quotes helper: cross-source quote matching.
//! This stub only keeps the `compare` branch compiling until the quotes
//! helper's `src/compare/quotes.rs` is merged; on merge, take theirs.

use std::collections::BTreeMap;

use crate::model::{Quote, QuoteMatch};

/// Group quotes that carry the same words across articles of one story.
pub fn match_quotes(
    _quotes: &[Quote],
    _story_of: &BTreeMap<String, String>,
    _speaker_names: &BTreeMap<String, String>,
) -> Vec<QuoteMatch> {
    Vec::new()
}

//! Placeholder until the claims branch lands.
use super::Doc;
use crate::model::{Citation, Claim, DateMention, LocalEntity, Mention, Quote};
pub fn extract(
    _doc: &Doc,
    _e: &[LocalEntity],
    _m: &[Mention],
    _d: &[DateMention],
    _q: &[Quote],
) -> (Vec<Claim>, Vec<Citation>) {
    (Vec::new(), Vec::new())
}

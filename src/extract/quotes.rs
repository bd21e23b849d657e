//! Placeholder until the quotes branch lands.
use super::Doc;
use crate::model::{LocalEntity, Mention, Quote, Warning};
pub fn extract(_doc: &Doc, _e: &[LocalEntity], _m: &[Mention]) -> (Vec<Quote>, Vec<Warning>) {
    (Vec::new(), Vec::new())
}

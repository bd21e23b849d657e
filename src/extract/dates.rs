//! Placeholder until the dates branch lands.
use super::Doc;
use crate::model::DateMention;
pub fn extract(_doc: &Doc) -> Vec<DateMention> {
    Vec::new()
}
pub fn resolve_expr(_expr: &str, _anchor: jiff::civil::Date) -> Option<String> {
    None
}

//! Placeholder until the compare branch lands.
pub mod quotes;
pub mod sketch;
use crate::model::{ArticleRecord, Comparison, Entity};
pub fn compare(
    _records: &[ArticleRecord],
    _entities: &[Entity],
    _ids: &[Vec<String>],
) -> Comparison {
    Comparison::default()
}
pub mod baseline {
    use crate::model::Report;
    pub fn new_conflicts(_old: &Report, new: &Report) -> usize {
        new.comparison.conflicts.len()
    }
    pub fn apply(_r: &mut Report, _old: &Report) {}
}

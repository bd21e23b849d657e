//! Placeholder until the entities branch lands.
use crate::aliases::AliasConfig;
use crate::model::{ArticleRecord, Entity};
pub fn resolve_entities(records: &[ArticleRecord], _aliases: &AliasConfig) -> (Vec<Entity>, Vec<Vec<String>>) {
    (Vec::new(), records.iter().map(|r| vec![String::new(); r.local_entities.len()]).collect())
}

//! Placeholder until the entities branch lands.
use std::path::Path;
#[derive(Debug, Default, Clone)]
pub struct AliasConfig {}
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct AliasError(String);
pub fn load(path: &Path) -> Result<AliasConfig, AliasError> {
    std::fs::read_to_string(path).map(|_| AliasConfig {}).map_err(|e| AliasError(e.to_string()))
}

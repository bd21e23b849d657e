//! The user alias file (`--aliases FILE`): corrections to entity resolution.
//!
//! A TOML file with three kinds of tables, all optional:
//!
//! ```toml
//! # Force names to be one entity. `canonical` (optional) is the name shown.
//! [[merge]]
//! names = ["Volodymyr Zelensky", "Volodymyr Zelenskyy", "Zelenskiy"]
//! canonical = "Volodymyr Zelenskyy"
//!
//! # Keep names apart: no two of them are ever merged, by spelling rules or
//! # by surname linking (a bare "Clinton" joins neither).
//! [[split]]
//! names = ["Bill Clinton", "Hillary Clinton"]
//!
//! # Names the gazetteers lack: found in the text as this kind, and all its
//! # aliases resolve to this one entity. `kind` is person, organization,
//! # place or other; `outlet = true` marks a news outlet or agency.
//! [[entity]]
//! name = "Eastwire"
//! kind = "organization"
//! outlet = true
//! aliases = ["Eastwire News Service"]
//! ```
//!
//! Names are compared case-insensitively with whitespace collapsed. A name in
//! a `merge` or `entity` table matches a local entity when it equals the
//! entity's name or any form the article uses for it.

use crate::gazetteer::fold;
use crate::model::EntityKind;
use rustc_hash::FxHashMap as HashMap;
use serde::Deserialize;
use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
pub enum AliasError {
    #[error("cannot read alias file {path}: {source}")]
    Io { path: PathBuf, source: std::io::Error },
    #[error("alias file {path} is not valid TOML: {source}")]
    Toml { path: PathBuf, source: toml::de::Error },
    #[error("alias file {path}: {message}")]
    Invalid { path: PathBuf, message: String },
}

/// `[[merge]]`: these names are one entity.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MergeRule {
    pub names: Vec<String>,
    #[serde(default)]
    pub canonical: Option<String>,
}

/// `[[split]]`: these names are different entities.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SplitRule {
    pub names: Vec<String>,
}

/// `[[entity]]`: a name (and its aliases) with a kind.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UserEntity {
    pub name: String,
    #[serde(default = "default_kind")]
    pub kind: EntityKind,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub outlet: bool,
}

fn default_kind() -> EntityKind {
    EntityKind::Other
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AliasConfig {
    #[serde(default)]
    pub merge: Vec<MergeRule>,
    #[serde(default)]
    pub split: Vec<SplitRule>,
    #[serde(default)]
    pub entity: Vec<UserEntity>,
    /// Folded name → index into `entity`.
    #[serde(skip)]
    entity_index: HashMap<String, usize>,
    /// Longest user name in words (bounds n-gram lookups).
    #[serde(skip)]
    pub max_words: usize,
}

/// Read and check an alias file.
pub fn load(path: &Path) -> Result<AliasConfig, AliasError> {
    let text = std::fs::read_to_string(path).map_err(|source| AliasError::Io { path: path.to_path_buf(), source })?;
    parse(&text).map_err(|e| match e {
        ParseError::Toml(source) => AliasError::Toml { path: path.to_path_buf(), source },
        ParseError::Invalid(message) => AliasError::Invalid { path: path.to_path_buf(), message },
    })
}

#[derive(Debug)]
pub enum ParseError {
    Toml(toml::de::Error),
    Invalid(String),
}

/// Parse alias TOML from a string.
pub fn parse(text: &str) -> Result<AliasConfig, ParseError> {
    let mut cfg: AliasConfig = toml::from_str(text).map_err(ParseError::Toml)?;
    for (i, m) in cfg.merge.iter().enumerate() {
        if m.names.iter().filter(|n| !n.trim().is_empty()).count() == 0 {
            return Err(ParseError::Invalid(format!("merge #{} has no names", i + 1)));
        }
    }
    for (i, e) in cfg.entity.iter().enumerate() {
        if e.name.trim().is_empty() {
            return Err(ParseError::Invalid(format!("entity #{} has an empty name", i + 1)));
        }
    }
    cfg.build_index();
    Ok(cfg)
}

impl AliasConfig {
    fn build_index(&mut self) {
        self.entity_index.clear();
        self.max_words = 0;
        for (i, e) in self.entity.iter().enumerate() {
            for n in std::iter::once(&e.name).chain(e.aliases.iter()) {
                let f = fold(n);
                if f.is_empty() {
                    continue;
                }
                self.max_words = self.max_words.max(f.split(' ').count());
                self.entity_index.entry(f).or_insert(i);
            }
        }
    }

    /// The user entity a name belongs to, if any.
    pub fn user_entity(&self, name: &str) -> Option<(usize, &UserEntity)> {
        if self.entity.is_empty() {
            return None;
        }
        let f = fold(name);
        if let Some(&i) = self.entity_index.get(&f) {
            return self.entity.get(i).map(|e| (i, e));
        }
        // A config built in code (not by `parse`) has no index.
        self.entity.iter().enumerate().find(|(_, e)| fold(&e.name) == f || e.aliases.iter().any(|a| fold(a) == f))
    }

    /// The merge rule a name belongs to, if any.
    pub fn merge_of(&self, name: &str) -> Option<usize> {
        let f = fold(name);
        self.merge.iter().position(|m| m.names.iter().any(|n| fold(n) == f))
    }

    /// The split rule (and the name's position in it) a name belongs to.
    pub fn split_of(&self, name: &str) -> Option<(usize, usize)> {
        let f = fold(name);
        self.split.iter().enumerate().find_map(|(i, s)| s.names.iter().position(|n| fold(n) == f).map(|j| (i, j)))
    }

    pub fn is_empty(&self) -> bool {
        self.merge.is_empty() && self.split.is_empty() && self.entity.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = r#"
[[merge]]
names = ["Volodymyr Zelensky", "Zelenskiy"]
canonical = "Volodymyr Zelenskyy"

[[split]]
names = ["Bill Clinton", "Hillary Clinton"]

[[entity]]
name = "Eastwire"
kind = "organization"
outlet = true
aliases = ["Eastwire News Service"]
"#;

    #[test]
    fn parses_all_three_tables() {
        let c = parse(SAMPLE).unwrap();
        assert_eq!(c.merge_of("zelenskiy"), Some(0));
        assert_eq!(c.merge[0].canonical.as_deref(), Some("Volodymyr Zelenskyy"));
        assert_eq!(c.split_of("Hillary  Clinton"), Some((0, 1)));
        let (_, e) = c.user_entity("eastwire news service").unwrap();
        assert_eq!(e.kind, EntityKind::Organization);
        assert!(e.outlet);
        assert_eq!(c.max_words, 3);
    }

    #[test]
    fn rejects_bad_files() {
        assert!(matches!(parse("[[merge]]\nnames = []\n"), Err(ParseError::Invalid(_))));
        assert!(matches!(parse("[[entity]]\nname = \"X\"\nkind = \"planet\"\n"), Err(ParseError::Toml(_))));
        assert!(matches!(parse("[[merge]]\nnamez = [\"a\"]\n"), Err(ParseError::Toml(_))));
    }

    #[test]
    fn load_reports_the_path() {
        let err = load(Path::new("/nonexistent/aliases.toml")).unwrap_err();
        assert!(err.to_string().contains("/nonexistent/aliases.toml"));
    }

    #[test]
    fn default_is_empty() {
        assert!(AliasConfig::default().is_empty());
        assert!(AliasConfig::default().user_entity("x").is_none());
    }
}

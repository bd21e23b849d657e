//! Line and column numbers for evidence spans.
//!
//! The report keeps byte offsets only (texts are dropped after extraction), so
//! renderers that show `file:line:col` read the few files they cite again,
//! once each, and cache their line starts.

use rustc_hash::FxHashMap as HashMap;
use std::path::Path;

#[derive(Default)]
pub struct LineIndex {
    starts: HashMap<String, Option<Vec<usize>>>,
}

impl LineIndex {
    /// 1-based line and column (in bytes) of `offset` in the file at `path`.
    pub fn locate(&mut self, path: &str, offset: usize) -> Option<(usize, usize)> {
        let starts = self
            .starts
            .entry(path.to_string())
            .or_insert_with(|| {
                std::fs::read(Path::new(path)).ok().map(|bytes| {
                    std::iter::once(0)
                        .chain(bytes.iter().enumerate().filter(|(_, b)| **b == b'\n').map(|(i, _)| i + 1))
                        .collect()
                })
            })
            .as_ref()?;
        let line = starts.partition_point(|&s| s <= offset);
        let line_start = starts.get(line.checked_sub(1)?)?;
        Some((line, offset - line_start + 1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locates_lines_and_columns() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.txt");
        std::fs::write(&p, "ab\ncd\n").unwrap();
        let mut idx = LineIndex::default();
        let path = p.to_string_lossy().to_string();
        assert_eq!(idx.locate(&path, 0), Some((1, 1)));
        assert_eq!(idx.locate(&path, 4), Some((2, 2)));
        assert_eq!(idx.locate("/no/such/file", 1), None);
    }
}

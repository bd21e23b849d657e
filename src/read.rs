//! Stage 1, read: find the input files and decode them faithfully.
//!
//! * Folders are walked recursively in byte-wise sorted order; hidden files and
//!   folders (name starting with `.`) are skipped, so a run is independent of the
//!   order the file system lists entries in.
//! * UTF-8 with or without BOM is taken as is. The BOM stays in the decoded text
//!   as U+FEFF (three bytes, like in the file) so that every offset into the
//!   text is also an offset into the file.
//! * Anything else is decoded as Windows-1252, the usual encoding of legacy news
//!   text; an [`OffsetMap`] then maps decoded offsets back to file offsets.
//! * A file with NUL bytes or many control characters is binary and skipped; an
//!   empty or whitespace-only file is reported. Both become warnings, never
//!   errors: one bad file must not stop a corpus run.

use crate::model::{TextEncoding, Warning, WarningKind};
use std::path::{Path, PathBuf};
use thiserror::Error;

/// Errors that stop the run (usage errors): the caller maps them to exit code 2.
#[derive(Debug, Error)]
pub enum InputError {
    #[error("{0}: no such file or directory")]
    NotFound(String),
    #[error("{path}: {source}")]
    Io { path: String, source: std::io::Error },
}

/// An input file, with the id the report will use for it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct InputFile {
    /// The path as given (joined with the walked sub-path), `/`-separated.
    pub id: String,
    pub path: PathBuf,
}

/// Expand the command-line paths into the sorted list of files to read.
///
/// Files named explicitly are read even when hidden; only the walk skips hidden
/// entries. Duplicates (a file given twice, or inside a given folder) are read once.
pub fn collect_inputs(paths: &[PathBuf]) -> Result<Vec<InputFile>, InputError> {
    let mut out = Vec::new();
    for p in paths {
        let meta = std::fs::metadata(p).map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => InputError::NotFound(p.display().to_string()),
            _ => InputError::Io { path: p.display().to_string(), source: e },
        })?;
        if meta.is_dir() {
            walk(p, &mut out)?;
        } else {
            out.push(input_file(p));
        }
    }
    out.sort();
    out.dedup_by(|a, b| a.id == b.id);
    Ok(out)
}

fn input_file(p: &Path) -> InputFile {
    let id = p.to_string_lossy().replace('\\', "/");
    let id = id.strip_prefix("./").map(str::to_string).unwrap_or(id);
    InputFile { id, path: p.to_path_buf() }
}

fn walk(dir: &Path, out: &mut Vec<InputFile>) -> Result<(), InputError> {
    let io = |e| InputError::Io { path: dir.display().to_string(), source: e };
    let mut entries: Vec<_> = std::fs::read_dir(dir).map_err(io)?.filter_map(Result::ok).collect();
    entries.sort_by_key(|e| e.file_name());
    for e in entries {
        let name = e.file_name();
        if name.to_string_lossy().starts_with('.') {
            continue;
        }
        let path = e.path();
        // Follow symlinks for the kind, as a user expects `analyze link-to-dir/` to work.
        let Ok(meta) = std::fs::metadata(&path) else {
            continue;
        };
        if meta.is_dir() {
            walk(&path, out)?;
        } else if meta.is_file() {
            out.push(input_file(&path));
        }
    }
    Ok(())
}

/// Maps offsets in decoded text back to file offsets.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum OffsetMap {
    /// Decoded offsets are file offsets (UTF-8 input).
    #[default]
    Identity,
    /// `table[i]` is the file offset of decoded byte `i`; one entry past the end.
    Table(Vec<u32>),
}

impl OffsetMap {
    pub fn to_file(&self, pos: usize) -> usize {
        match self {
            OffsetMap::Identity => pos,
            OffsetMap::Table(t) => t.get(pos).map(|&x| x as usize).unwrap_or(pos),
        }
    }
    pub fn is_identity(&self) -> bool {
        matches!(self, OffsetMap::Identity)
    }
}

/// A decoded article file.
#[derive(Debug, Clone)]
pub struct Decoded {
    pub text: String,
    pub encoding: TextEncoding,
    pub map: OffsetMap,
    /// Size of the file in bytes.
    pub bytes: usize,
}

/// Decode a file's bytes; `Err` is the warning that explains why it is skipped.
pub fn decode(id: &str, bytes: Vec<u8>) -> Result<(Decoded, Option<Warning>), Warning> {
    let warn = |kind, message: String| Warning { path: id.to_string(), kind, message };
    let size = bytes.len();
    if looks_binary(&bytes) {
        return Err(warn(WarningKind::Binary, "binary file (NUL or control bytes), skipped".into()));
    }
    let (text, encoding, map, warning) = match String::from_utf8(bytes) {
        Ok(s) => {
            let enc = if s.starts_with('\u{feff}') { TextEncoding::Utf8Bom } else { TextEncoding::Utf8 };
            (s, enc, OffsetMap::Identity, None)
        }
        Err(e) => {
            let bytes = e.into_bytes();
            let (text, map) = decode_windows_1252(&bytes);
            let w = warn(
                WarningKind::Encoding,
                "not valid UTF-8; decoded as Windows-1252 (offsets still point into the file)".into(),
            );
            (text, TextEncoding::Windows1252, OffsetMap::Table(map), Some(w))
        }
    };
    if text.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}').is_empty() {
        let what = if size == 0 { "empty file" } else { "file holds only whitespace" };
        return Err(warn(WarningKind::Empty, format!("{what}, no article read")));
    }
    Ok((Decoded { text, encoding, map, bytes: size }, warning))
}

/// Read and decode one file.
pub fn read_file(input: &InputFile) -> Result<(Decoded, Option<Warning>), Warning> {
    match std::fs::read(&input.path) {
        Ok(bytes) => decode(&input.id, bytes),
        Err(e) => Err(Warning { path: input.id.clone(), kind: WarningKind::Unreadable, message: e.to_string() }),
    }
}

/// NUL bytes, or more than 1% C0 control characters other than tab, CR, LF and
/// form feed, in the first 8 KiB. Text in any 8-bit encoding has neither.
fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    if head.contains(&0) {
        return true;
    }
    let controls = head.iter().filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c)).count();
    controls * 100 > head.len()
}

/// Decode Windows-1252 with `encoding_rs`, then rebuild the offset table.
/// `encoding_rs` does not report per-byte positions, but Windows-1252 is a
/// single-byte encoding, so byte `i` of the file is character `i` of the text.
fn decode_windows_1252(bytes: &[u8]) -> (String, Vec<u32>) {
    let (text, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
    let text = text.into_owned();
    let mut map = Vec::with_capacity(text.len() + 1);
    for (file_pos, ch) in text.chars().enumerate() {
        for _ in 0..ch.len_utf8() {
            map.push(file_pos as u32);
        }
    }
    map.push(bytes.len() as u32);
    (text, map)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_bom_keeps_offsets() {
        let (d, w) = decode("a", "\u{feff}Hello".as_bytes().to_vec()).unwrap();
        assert_eq!(d.encoding, TextEncoding::Utf8Bom);
        assert!(w.is_none());
        assert_eq!(d.text.find('H'), Some(3));
    }

    #[test]
    fn windows_1252_is_decoded_and_mapped() {
        // "€5 café" in Windows-1252: € is 0x80, é is 0xE9.
        let raw = vec![0x80, b'5', b' ', b'c', b'a', b'f', 0xE9];
        let (d, w) = decode("a", raw).unwrap();
        assert_eq!(d.text, "€5 café");
        assert_eq!(d.encoding, TextEncoding::Windows1252);
        assert_eq!(w.unwrap().kind, WarningKind::Encoding);
        let caf = d.text.find("caf").unwrap();
        assert_eq!(d.map.to_file(caf), 3);
        assert_eq!(d.map.to_file(d.text.len()), 7);
        assert_eq!(d.map.to_file(d.text.find('5').unwrap()), 1);
    }

    #[test]
    fn binary_and_empty_are_skipped_with_a_reason() {
        assert_eq!(decode("a", vec![0x89, b'P', 0, 0, 1]).unwrap_err().kind, WarningKind::Binary);
        assert_eq!(decode("a", vec![]).unwrap_err().kind, WarningKind::Empty);
        assert_eq!(decode("a", b" \r\n\t\n".to_vec()).unwrap_err().kind, WarningKind::Empty);
    }

    #[test]
    fn walk_is_sorted_and_skips_hidden() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("b")).unwrap();
        std::fs::create_dir(dir.path().join(".git")).unwrap();
        for f in ["b/2.txt", "a.txt", ".hidden.txt", ".git/x.txt", "b/1.txt"] {
            std::fs::write(dir.path().join(f), "x").unwrap();
        }
        let files = collect_inputs(&[dir.path().to_path_buf()]).unwrap();
        let names: Vec<_> =
            files.iter().map(|f| f.path.strip_prefix(dir.path()).unwrap().to_string_lossy().to_string()).collect();
        assert_eq!(names, ["a.txt", "b/1.txt", "b/2.txt"]);
    }

    #[test]
    fn missing_path_is_an_error() {
        assert!(matches!(collect_inputs(&[PathBuf::from("/no/such/dir")]), Err(InputError::NotFound(_))));
    }
}

//! Stage 1, read: find the input files and decode them faithfully.
//!
//! Which files:
//! * Folders are walked recursively (with `walkdir`) in byte-wise sorted order;
//!   hidden files and folders (name starting with `.`) are skipped, so a run is
//!   independent of the order the file system lists entries in.
//! * In a walked folder only article files count: `.txt` by default, plus the
//!   extensions of [`WalkOptions`]. Files named explicitly are read whatever
//!   their extension, since the user asked for them.
//! * Symbolic links are followed, after the real entries of the folder given,
//!   so a file reached both ways keeps its real path. A link back to a folder
//!   being walked is one [`WarningKind::SymlinkLoop`]; every real file and
//!   folder is visited once, identified by device and inode (canonical path
//!   off Unix), also when it is reached through several links or the same
//!   folder is given twice.
//! * FIFOs, sockets and devices are never opened (opening a FIFO blocks).
//!   Unreadable files and folders are warnings: one bad item never stops a run.
//! * An article's id is its path as given, never lossy: bytes that are not
//!   UTF-8 are written as `\xNN`, so two names that differ only there stay two
//!   articles.
//!
//! Decoding, so that every offset still points into the file:
//! * UTF-16 with a byte order mark is decoded with an [`OffsetMap`].
//! * Known binary formats (by magic number) and files with a high share of NUL
//!   and control bytes are binary and skipped.
//! * UTF-8 with or without BOM is taken as is. The BOM stays in the decoded text
//!   as U+FEFF (three bytes, like in the file) so that every offset into the
//!   text is also an offset into the file. Invalid sequences in a file that is
//!   mostly UTF-8 become U+FFFD, mapped back to the bytes they replace.
//! * A file that is not mostly UTF-8 is decoded as Windows-1252, the usual
//!   encoding of legacy news text, with an [`OffsetMap`].
//! * Control characters (C0 except tab, LF and CR; DEL; C1) are replaced by a
//!   space (a no-break space for C1, two bytes like the C1 character) for the
//!   extractors, so offsets do not move and a stray escape sequence never
//!   costs an article. The originals are kept beside the text and put back
//!   into the items' texts, which must equal the file's bytes.
//! * An empty or whitespace-only file is reported. Skipped files become
//!   warnings, never errors.

use crate::model::{TextEncoding, Warning, WarningKind};
use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::ffi::OsStr;
use std::fmt::Write as _;
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
    /// The path as given (joined with the walked sub-path), `/`-separated,
    /// bytes that are not UTF-8 written as `\xNN`. Unique within a run.
    pub id: String,
    pub path: PathBuf,
}

/// Which files of a walked folder are articles.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WalkOptions {
    /// Lower-case extensions without the dot.
    extensions: BTreeSet<String>,
    every_file: bool,
}

impl Default for WalkOptions {
    fn default() -> Self {
        WalkOptions { extensions: BTreeSet::from([Self::DEFAULT_EXTENSION.to_string()]), every_file: false }
    }
}

impl WalkOptions {
    pub const DEFAULT_EXTENSION: &str = "txt";

    /// `.txt` plus `extra` (with or without the dot, any case); `*` takes
    /// every file, as when a folder holds nothing but articles.
    pub fn with_extensions<S: AsRef<str>>(extra: impl IntoIterator<Item = S>) -> Self {
        let mut o = WalkOptions::default();
        for e in extra {
            let e = e.as_ref().trim().trim_start_matches('.').to_lowercase();
            if e == "*" {
                o.every_file = true;
            } else if !e.is_empty() {
                o.extensions.insert(e);
            }
        }
        o
    }

    fn is_article(&self, path: &Path) -> bool {
        self.every_file || extension_of(path).is_some_and(|e| self.extensions.contains(&e))
    }
}

fn extension_of(path: &Path) -> Option<String> {
    path.extension().map(|e| e.to_string_lossy().to_lowercase())
}

/// The files to read, and warnings about what the walk left out.
#[derive(Debug, Clone, Default)]
pub struct Inputs {
    pub files: Vec<InputFile>,
    pub warnings: Vec<Warning>,
}

/// Expand the command-line paths into the sorted list of article files.
///
/// Only a path that does not exist is an error; everything else that cannot be
/// read becomes a warning in [`Inputs::warnings`].
pub fn collect(paths: &[PathBuf], opts: &WalkOptions) -> Result<Inputs, InputError> {
    let mut c = Collector { opts, seen: HashSet::new(), files: Vec::new(), warnings: Vec::new() };
    for p in paths {
        c.root(p)?;
    }
    let Collector { mut files, mut warnings, .. } = c;
    files.sort();
    make_ids_unique(&mut files);
    warnings.sort();
    Ok(Inputs { files, warnings })
}

/// [`collect`] with the default article rule, keeping only the files.
pub fn collect_inputs(paths: &[PathBuf]) -> Result<Vec<InputFile>, InputError> {
    collect(paths, &WalkOptions::default()).map(|i| i.files)
}

/// What identifies a real file or folder, whatever path leads to it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum FileKey {
    #[cfg_attr(not(unix), allow(dead_code))]
    Inode(u64, u64),
    #[cfg_attr(unix, allow(dead_code))]
    Path(PathBuf),
}

#[cfg(unix)]
fn file_key(_path: &Path, meta: &std::fs::Metadata) -> FileKey {
    use std::os::unix::fs::MetadataExt;
    FileKey::Inode(meta.dev(), meta.ino())
}

#[cfg(not(unix))]
fn file_key(path: &Path, _meta: &std::fs::Metadata) -> FileKey {
    FileKey::Path(std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf()))
}

/// What a walk of one command-line folder left out, for its summary warnings.
#[derive(Default)]
struct RootStats {
    not_articles: BTreeMap<String, usize>,
    duplicate_files: usize,
    duplicate_folders: usize,
}

struct Collector<'a> {
    opts: &'a WalkOptions,
    /// Files and folders already taken, so each is read once.
    seen: HashSet<FileKey>,
    files: Vec<InputFile>,
    warnings: Vec<Warning>,
}

impl Collector<'_> {
    fn warn(&mut self, path: &Path, kind: WarningKind, message: String) {
        self.warnings.push(Warning { path: path_id(path), kind, message });
    }

    fn root(&mut self, p: &Path) -> Result<(), InputError> {
        // `metadata` follows links but never opens the file, so a FIFO is safe here.
        let meta = match std::fs::metadata(p) {
            Ok(m) => m,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Err(InputError::NotFound(path_id(p)));
            }
            Err(e) => {
                self.warn(p, WarningKind::Unreadable, format!("cannot read: {e}"));
                return Ok(());
            }
        };
        let mut stats = RootStats::default();
        if meta.is_dir() {
            self.walk(p, &mut stats);
        } else if meta.is_file() {
            if self.seen.insert(file_key(p, &meta)) {
                self.files.push(InputFile { id: path_id(p), path: p.to_path_buf() });
            } else {
                stats.duplicate_files += 1;
            }
        } else {
            self.warn(p, WarningKind::SpecialFile, format!("{}, not a regular file; skipped", special_kind(&meta)));
        }
        self.summarize(p, stats);
        Ok(())
    }

    /// Walks `root`, then the symbolic links found in it. A file reached both
    /// directly and through a link thus keeps its real path as its id, so a
    /// `latest -> 2025-03-14` link cannot rename articles from one run to the next.
    fn walk(&mut self, root: &Path, stats: &mut RootStats) {
        let mut links = vec![root.to_path_buf()];
        let mut next = 0;
        while let Some(start) = links.get(next).cloned() {
            next += 1;
            self.walk_from(&start, stats, &mut links);
        }
    }

    fn walk_from(&mut self, start: &Path, stats: &mut RootStats, links: &mut Vec<PathBuf>) {
        let mut it = walkdir::WalkDir::new(start)
            .follow_links(true)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| e.depth() == 0 || !is_hidden(e.file_name()));
        while let Some(next) = it.next() {
            let entry = match next {
                Ok(e) => e,
                Err(e) => {
                    self.walk_error(start, &e);
                    continue;
                }
            };
            let path = entry.path();
            let ft = entry.file_type();
            if entry.depth() > 0 && entry.path_is_symlink() {
                if ft.is_dir() {
                    it.skip_current_dir();
                }
                links.push(path.to_path_buf());
                continue;
            }
            if !ft.is_dir() && !ft.is_file() {
                let what = entry.metadata().map(|m| special_kind(&m)).unwrap_or("not a regular file");
                self.warn(path, WarningKind::SpecialFile, format!("{what}, not a regular file; skipped"));
                continue;
            }
            if ft.is_file() && !self.opts.is_article(path) {
                let ext = extension_of(path).map_or_else(|| "no extension".to_string(), |e| format!(".{e}"));
                *stats.not_articles.entry(ext).or_default() += 1;
                continue;
            }
            let meta = match entry.metadata() {
                Ok(m) => m,
                Err(e) => {
                    self.warn(path, WarningKind::Unreadable, format!("cannot read: {e}"));
                    continue;
                }
            };
            let fresh = self.seen.insert(file_key(path, &meta));
            if ft.is_dir() {
                if !fresh {
                    // Visiting a folder once bounds the walk even when links
                    // join folders in a lattice (2^n paths, n folders).
                    stats.duplicate_folders += 1;
                    it.skip_current_dir();
                }
            } else if fresh {
                self.files.push(InputFile { id: path_id(path), path: path.to_path_buf() });
            } else {
                stats.duplicate_files += 1;
            }
        }
    }

    fn walk_error(&mut self, root: &Path, e: &walkdir::Error) {
        let path = e.path().unwrap_or(root);
        // Errors bypass the hidden-entry filter; a hidden entry is not ours to report.
        if e.depth() > 0 && path.file_name().is_some_and(is_hidden) {
            return;
        }
        if let Some(ancestor) = e.loop_ancestor() {
            let message = format!("symbolic link loop back to {}; not followed", path_id(ancestor));
            self.warn(path, WarningKind::SymlinkLoop, message);
            return;
        }
        let broken = e.io_error().is_some_and(|io| io.kind() == std::io::ErrorKind::NotFound)
            && std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
        let message = match e.io_error() {
            _ if broken => "broken symbolic link; skipped".to_string(),
            Some(io) => format!("cannot read: {io}"),
            None => format!("cannot read: {e}"),
        };
        self.warn(path, WarningKind::Unreadable, message);
    }

    fn summarize(&mut self, root: &Path, stats: RootStats) {
        if !stats.not_articles.is_empty() {
            let n: usize = stats.not_articles.values().sum();
            let kinds: Vec<String> = stats.not_articles.iter().map(|(e, n)| format!("{n} {e}")).collect();
            let exts: Vec<&str> = stats.not_articles.keys().filter_map(|e| e.strip_prefix('.')).collect();
            let hint = if exts.is_empty() {
                "--ext '*' reads every file".to_string()
            } else {
                format!("--ext {} reads them", exts.join(","))
            };
            let message = format!("{n} {} not read as articles ({}); {hint}", plural(n, "file"), kinds.join(", "));
            self.warn(root, WarningKind::NotArticle, message);
        }
        let (files, folders) = (stats.duplicate_files, stats.duplicate_folders);
        if files + folders > 0 {
            let mut parts = Vec::new();
            if files > 0 {
                parts.push(format!("{files} {}", plural(files, "file")));
            }
            if folders > 0 {
                parts.push(format!("{folders} {}", plural(folders, "folder")));
            }
            let message = format!("{} already read through another path or link; read once", parts.join(" and "));
            self.warn(root, WarningKind::Duplicate, message);
        }
    }
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 { word.to_string() } else { format!("{word}s") }
}

fn is_hidden(name: &OsStr) -> bool {
    name.as_encoded_bytes().first() == Some(&b'.')
}

#[cfg(unix)]
fn special_kind(meta: &std::fs::Metadata) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    let t = meta.file_type();
    if t.is_fifo() {
        "a FIFO (named pipe)"
    } else if t.is_socket() {
        "a socket"
    } else if t.is_block_device() || t.is_char_device() {
        "a device"
    } else {
        "not a regular file"
    }
}

#[cfg(not(unix))]
fn special_kind(_meta: &std::fs::Metadata) -> &'static str {
    "not a regular file"
}

/// The display id of a path, injective on the raw bytes: valid UTF-8 is kept,
/// each other byte becomes `\xNN`.
pub fn path_id(p: &Path) -> String {
    let bytes = p.as_os_str().as_encoded_bytes();
    let mut id = String::with_capacity(bytes.len());
    for chunk in bytes.utf8_chunks() {
        id.push_str(chunk.valid());
        for b in chunk.invalid() {
            let _ = write!(id, "\\x{b:02X}");
        }
    }
    if cfg!(windows) {
        id = id.replace('\\', "/");
    }
    match id.strip_prefix("./") {
        Some(rest) if !rest.is_empty() => rest.to_string(),
        _ => id,
    }
}

/// A name that holds a literal `\xNN` could still meet an escaped one; the
/// later file (in sorted order) then gets a numbered id, so ids stay unique.
fn make_ids_unique(files: &mut [InputFile]) {
    let mut used: HashSet<String> = HashSet::with_capacity(files.len());
    for f in files.iter_mut() {
        if used.insert(f.id.clone()) {
            continue;
        }
        let mut n = 2;
        loop {
            let candidate = format!("{} ({n})", f.id);
            if used.insert(candidate.clone()) {
                f.id = candidate;
                break;
            }
            n += 1;
        }
    }
}

/// Maps offsets in decoded text back to file offsets.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum OffsetMap {
    /// Decoded offsets are file offsets (UTF-8 input).
    #[default]
    Identity,
    /// `table[i]` is the file offset of decoded byte `i`; one entry past the end.
    Table(Vec<u32>),
    /// UTF-8 with a few invalid sequences: identity between them, so only the
    /// replacements are stored (sorted by decoded offset).
    Replacements(Vec<Replacement>),
}

/// One U+FFFD in the decoded text standing for `file_len` invalid bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Replacement {
    pub text_pos: usize,
    pub file_pos: usize,
    pub file_len: usize,
}

const REPLACEMENT_LEN: usize = '\u{FFFD}'.len_utf8();

impl OffsetMap {
    pub fn to_file(&self, pos: usize) -> usize {
        match self {
            OffsetMap::Identity => pos,
            OffsetMap::Table(t) => t.get(pos).map(|&x| x as usize).unwrap_or(pos),
            OffsetMap::Replacements(rs) => {
                let i = rs.partition_point(|r| r.text_pos <= pos);
                let Some(r) = i.checked_sub(1).and_then(|i| rs.get(i)) else { return pos };
                let inside = pos - r.text_pos;
                if inside < REPLACEMENT_LEN {
                    r.file_pos + inside.min(r.file_len)
                } else {
                    r.file_pos + r.file_len + (inside - REPLACEMENT_LEN)
                }
            }
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
    /// The control characters [`replace_controls`] took out of `text`, at
    /// their offsets in `text`, in order.
    pub controls: Vec<(usize, char)>,
}

/// Decode a file's bytes; `Err` is the warning that explains why it is skipped.
/// The warning next to the text sums up what decoding had to repair.
pub fn decode(id: &str, bytes: Vec<u8>) -> Result<(Decoded, Option<Warning>), Warning> {
    let warn = |kind, message: String| Warning { path: id.to_string(), kind, message };
    let size = bytes.len();
    let mut notes: Vec<(WarningKind, String)> = Vec::new();
    let (text, encoding, map) = if let Some(big_endian) = utf16_bom(&bytes) {
        let (text, map, invalid) = decode_utf16(&bytes, big_endian);
        if invalid > 0 {
            notes.push((
                WarningKind::InvalidBytes,
                format!("{invalid} invalid UTF-16 {} replaced by U+FFFD", plural(invalid, "unit")),
            ));
        }
        let enc = if big_endian { TextEncoding::Utf16Be } else { TextEncoding::Utf16Le };
        (text, enc, OffsetMap::Table(map))
    } else {
        if let Some(what) = binary_reason(&bytes) {
            return Err(warn(WarningKind::Binary, format!("binary file ({what}), skipped")));
        }
        let bom = bytes.starts_with(b"\xEF\xBB\xBF");
        let utf8 = if bom { TextEncoding::Utf8Bom } else { TextEncoding::Utf8 };
        match String::from_utf8(bytes) {
            Ok(s) => (s, utf8, OffsetMap::Identity),
            Err(e) => {
                let bytes = e.into_bytes();
                if mostly_utf8(&bytes) {
                    let (text, reps) = decode_utf8_lossy(&bytes);
                    notes.push((
                        WarningKind::InvalidBytes,
                        format!(
                            "{} invalid UTF-8 {} replaced by U+FFFD (offsets still point into the file)",
                            reps.len(),
                            plural(reps.len(), "sequence")
                        ),
                    ));
                    (text, utf8, OffsetMap::Replacements(reps))
                } else {
                    let (text, map) = decode_windows_1252(&bytes);
                    notes.push((
                        WarningKind::Encoding,
                        "not valid UTF-8; decoded as Windows-1252 (offsets still point into the file)".into(),
                    ));
                    (text, TextEncoding::Windows1252, OffsetMap::Table(map))
                }
            }
        }
    };
    let (text, controls) = replace_controls(text);
    if !controls.is_empty() {
        let n = controls.len();
        notes.push((
            WarningKind::ControlCharacters,
            format!("{n} control {} replaced by spaces for the analysis", plural(n, "character")),
        ));
    }
    if text.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}').is_empty() {
        let what = if size == 0 { "empty file" } else { "file holds only whitespace" };
        return Err(warn(WarningKind::Empty, format!("{what}, no article read")));
    }
    // One warning per article keeps the record format: the first kind names
    // it, the messages of all are kept.
    let warning = notes.first().map(|(kind, _)| {
        let message: Vec<&str> = notes.iter().map(|(_, m)| m.as_str()).collect();
        warn(*kind, message.join("; "))
    });
    Ok((Decoded { text, encoding, map, bytes: size, controls }, warning))
}

/// Read and decode one file.
pub fn read_file(input: &InputFile) -> Result<(Decoded, Option<Warning>), Warning> {
    let unreadable = |message: String| Warning { path: input.id.clone(), kind: WarningKind::Unreadable, message };
    let mut file = open_no_block(&input.path).map_err(|e| unreadable(e.to_string()))?;
    // The walk saw a regular file, but the path may have been replaced since.
    let meta = file.metadata().map_err(|e| unreadable(e.to_string()))?;
    if !meta.is_file() {
        return Err(Warning {
            path: input.id.clone(),
            kind: WarningKind::SpecialFile,
            message: format!("{}, not a regular file; skipped", special_kind(&meta)),
        });
    }
    // The size is only a hint: a sparse or growing file may claim terabytes.
    let hint = usize::try_from(meta.len()).unwrap_or(0).min(1 << 26);
    let mut bytes = Vec::with_capacity(hint);
    std::io::Read::read_to_end(&mut file, &mut bytes).map_err(|e| unreadable(e.to_string()))?;
    decode(&input.id, bytes)
}

/// Opening a FIFO for reading blocks until a writer appears; with
/// `O_NONBLOCK` it returns at once (and regular files read as usual).
#[cfg(unix)]
fn open_no_block(path: &Path) -> std::io::Result<std::fs::File> {
    use std::os::unix::fs::OpenOptionsExt;
    std::fs::OpenOptions::new().read(true).custom_flags(libc::O_NONBLOCK).open(path)
}

#[cfg(not(unix))]
fn open_no_block(path: &Path) -> std::io::Result<std::fs::File> {
    std::fs::File::open(path)
}

/// `Some(true)` for a UTF-16 BE byte order mark, `Some(false)` for LE.
fn utf16_bom(bytes: &[u8]) -> Option<bool> {
    match bytes {
        [0xFE, 0xFF, ..] => Some(true),
        // FF FE 00 00 is UTF-32 LE, which is no news format: left to the binary check.
        [0xFF, 0xFE, 0, 0, ..] => None,
        [0xFF, 0xFE, ..] => Some(false),
        _ => None,
    }
}

/// Signatures of formats that turn up in scraped folders and are never text.
const MAGIC: &[(&[u8], &str)] = &[
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xFF\xD8\xFF", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive or office document"),
    (b"PK\x05\x06", "ZIP archive"),
    (b"\x1F\x8B", "gzip data"),
    (b"\xFD7zXZ\x00", "xz data"),
    (b"(\xB5/\xFD", "zstd data"),
    (b"7z\xBC\xAF\x27\x1C", "7-Zip archive"),
    (b"BZh", "bzip2 data"),
    (b"\x7FELF", "executable"),
    (b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", "old Office document"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"\x00asm", "WebAssembly"),
    (b"OggS", "Ogg media"),
    (b"fLaC", "FLAC audio"),
    (b"\x1A\x45\xDF\xA3", "Matroska/WebM media"),
    (b"wOFF", "web font"),
    (b"wOF2", "web font"),
];

/// Why `bytes` are binary, if they are: a known signature, or more than 5% NUL
/// and control bytes (ESC and form feed aside; trailing NUL padding aside).
/// Text in any 8-bit encoding has next to none; random data has about 11%.
fn binary_reason(bytes: &[u8]) -> Option<&'static str> {
    if let Some((_, what)) = MAGIC.iter().find(|(m, _)| bytes.starts_with(m)) {
        // "BZh" is also how a line of text may start: bzip2 has a block size digit after it.
        if !what.starts_with("bzip2") || bytes.get(3).is_some_and(|b| (b'1'..=b'9').contains(b)) {
            return Some(what);
        }
    }
    if bytes.len() >= 12 && (&bytes[4..8] == b"ftyp" || (bytes.starts_with(b"RIFF") && is_riff_media(&bytes[8..12]))) {
        return Some("media file");
    }
    let end = bytes.iter().rposition(|&b| b != 0).map_or(0, |i| i + 1);
    if end == 0 && !bytes.is_empty() {
        return Some("only NUL bytes");
    }
    let head = &bytes[..end.min(64 * 1024)];
    let suspicious = head.iter().filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c | 0x1b)).count();
    (suspicious * 20 > head.len()).then_some("many NUL or control bytes")
}

fn is_riff_media(kind: &[u8]) -> bool {
    matches!(kind, b"WAVE" | b"AVI " | b"WEBP")
}

/// A file that is not valid UTF-8 is still UTF-8 with a few stray bytes when
/// most of its non-ASCII bytes form well-formed UTF-8 characters. Windows-1252
/// text has next to none: its accented letters and curly quotes are single
/// bytes, nearly all invalid as UTF-8.
fn mostly_utf8(bytes: &[u8]) -> bool {
    let (mut valid, mut invalid) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        valid += chunk.valid().bytes().filter(|&b| b >= 0x80).count();
        invalid += chunk.invalid().len();
    }
    valid > invalid
}

/// UTF-8 with each maximal invalid sequence replaced by U+FFFD (as
/// `String::from_utf8_lossy` does), recording where each replacement sits.
fn decode_utf8_lossy(bytes: &[u8]) -> (String, Vec<Replacement>) {
    // Sized exactly: a replacement is three bytes for one to three bad ones,
    // so the file's size was too little once a file had a few, and the
    // text (kept until the article is extracted) doubled to twice the file.
    let len = bytes.utf8_chunks().map(|c| c.valid().len() + if c.invalid().is_empty() { 0 } else { 3 }).sum();
    let mut text = String::with_capacity(len);
    let mut reps = Vec::new();
    let mut file_pos = 0;
    for chunk in bytes.utf8_chunks() {
        text.push_str(chunk.valid());
        file_pos += chunk.valid().len();
        let bad = chunk.invalid().len();
        if bad > 0 {
            reps.push(Replacement { text_pos: text.len(), file_pos, file_len: bad });
            text.push('\u{FFFD}');
            file_pos += bad;
        }
    }
    (text, reps)
}

/// UTF-16 after a byte order mark (the BOM itself is kept as U+FEFF). Returns
/// the text, the offset table and how many invalid units were replaced.
fn decode_utf16(bytes: &[u8], big_endian: bool) -> (String, Vec<u32>, usize) {
    let units = bytes.chunks_exact(2).map(|c| {
        let pair = [c[0], c[1]];
        if big_endian { u16::from_be_bytes(pair) } else { u16::from_le_bytes(pair) }
    });
    let mut text = String::with_capacity(bytes.len());
    let mut map = Vec::with_capacity(bytes.len() + 1);
    let mut file_pos = 0usize;
    let mut invalid = 0;
    let push = |text: &mut String, map: &mut Vec<u32>, ch: char, at: usize| {
        map.extend(std::iter::repeat_n(at as u32, ch.len_utf8()));
        text.push(ch);
    };
    for r in char::decode_utf16(units) {
        let (ch, units) = match r {
            Ok(c) => (c, c.len_utf16()),
            Err(_) => {
                invalid += 1;
                ('\u{FFFD}', 1)
            }
        };
        push(&mut text, &mut map, ch, file_pos);
        file_pos += 2 * units;
    }
    if bytes.len() % 2 == 1 {
        invalid += 1;
        push(&mut text, &mut map, '\u{FFFD}', file_pos);
    }
    map.push(bytes.len() as u32);
    (text, map, invalid)
}

/// Control characters other than tab, LF and CR become a character of the
/// same UTF-8 length, so no offset moves: a space for C0 and DEL, a no-break
/// space (also two bytes) for C1, which keeps one character where there was
/// one. The extractors then never see an escape code; the originals come back
/// with their offsets so that every item's text can be made the file's again
/// (`pipeline` puts them back; every output escapes or cleans them).
pub fn replace_controls(text: String) -> (String, Vec<(usize, char)>) {
    let is_replaced = |c: char| c.is_control() && !matches!(c, '\t' | '\n' | '\r');
    if !text.chars().any(is_replaced) {
        return (text, Vec::new());
    }
    let mut out = String::with_capacity(text.len());
    let mut replaced = Vec::new();
    for (i, c) in text.char_indices() {
        if is_replaced(c) {
            replaced.push((i, c));
            out.push(control_replacement(c));
        } else {
            out.push(c);
        }
    }
    (out, replaced)
}

/// What [`replace_controls`] puts in place of a control character.
pub fn control_replacement(c: char) -> char {
    if c.len_utf8() == 2 { '\u{a0}' } else { ' ' }
}

/// Decode Windows-1252 with `encoding_rs`, then rebuild the offset table.
/// `encoding_rs` does not report per-byte positions, but Windows-1252 is a
/// single-byte encoding, so byte `i` of the file is character `i` of the text.
fn decode_windows_1252(bytes: &[u8]) -> (String, Vec<u32>) {
    let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes);
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
mod tests;

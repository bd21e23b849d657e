//! Warnings on stderr, apart from the report: sanitised, and summed up per
//! kind so that thousands of alike warnings from a large corpus do not bury
//! the one that matters.

use analyze::model::{Warning, WarningKind};
use analyze::render;
use std::io::Write;

/// File names and messages that quote them come from the input: escape
/// sequences in them must not reach the terminal.
///
/// Written without `eprintln!`, which panics when stderr is a closed pipe
/// (`analyze dir 2>&1 | head`): a lost warning must not end the run.
pub(super) fn print_warning(w: &Warning) {
    let _ = writeln!(std::io::stderr(), "analyze: warning: {}: {}", render::clean(&w.path), render::clean(&w.message));
}

/// Warnings of one kind shown before the rest are summed up (unless `--all`):
/// a corpus of 400,000 scraped pages can have thousands of Windows-1252 files,
/// and a screenful of identical lines hides the one warning that matters.
const WARNINGS_PER_KIND: usize = 5;

pub(super) fn print_warnings(warnings: &[Warning], all: bool) {
    let mut shown: std::collections::BTreeMap<WarningKind, usize> = Default::default();
    for w in warnings {
        let n = shown.entry(w.kind).or_default();
        *n += 1;
        if all || *n <= WARNINGS_PER_KIND {
            print_warning(w);
        }
    }
    for (kind, n) in shown {
        if !all && n > WARNINGS_PER_KIND {
            let more = n - WARNINGS_PER_KIND;
            let (one, many) = match kind {
                WarningKind::Unreadable => ("unreadable file", "unreadable files"),
                WarningKind::Binary => ("binary file", "binary files"),
                WarningKind::Empty => ("empty file", "empty files"),
                WarningKind::Encoding => ("file decoded as Windows-1252", "files decoded as Windows-1252"),
                WarningKind::UnbalancedQuote => ("unbalanced quotation mark", "unbalanced quotation marks"),
                WarningKind::Other => ("other problem", "other problems"),
                WarningKind::InvalidBytes => ("file with invalid bytes replaced", "files with invalid bytes replaced"),
                WarningKind::ControlCharacters => {
                    ("file with control characters replaced", "files with control characters replaced")
                }
                WarningKind::SpecialFile => ("FIFO, socket or device", "FIFOs, sockets or devices"),
                WarningKind::SymlinkLoop => ("symbolic link loop", "symbolic link loops"),
                WarningKind::Duplicate => ("path read once already", "paths read once already"),
                WarningKind::NotArticle => {
                    ("folder with files that are not articles", "folders with files that are not articles")
                }
                WarningKind::LongSentence => ("over-long sentence split", "over-long sentences split"),
            };
            let what = if more == 1 { one } else { many };
            let _ = writeln!(
                std::io::stderr(),
                "analyze: warning: … and {more} more {what} (--all lists them; so does the JSON report)"
            );
        }
    }
}

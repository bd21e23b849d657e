//! Writes single article files in the shapes that used to make a stage
//! super-linear, next to ordinary prose of the same size, for timing per MB.
//!
//! ```text
//! cargo run --release --example gen-hostile -- --out DIR [--scale N] [--prose-mb 10,100]
//! ```
//!
//! Files (sizes at `--scale 1`; every size is multiplied by N, and the names
//! say the size written):
//! * `prose-1mb.txt`: ordinary news paragraphs (the baseline).
//! * `long-line-1mb.txt`: one line of words and commas with no full stop.
//! * `quotes-20k.txt`: one paragraph with 20,000 quotation marks.
//! * `numbers-20k.txt`: one sentence with 20,000 numbers.
//! * `names-20k.txt`: one sentence with 20,000 capitalised names.
//! * `dialogue-5k.txt`: one paragraph of 5,000 short quoted sentences.
//!
//! `--scale 5` gives the issue-16 shapes: a 5 MB line, 100,000 quote marks and
//! 100,000 numbers. `--prose-mb 10,100,200` adds `prose-10mb.txt` and so on:
//! single files of ordinary prose at those sizes, for the scaling check.
//!
//! `scripts/hostile-bench.sh` generates them at several scales and times them.
//! The text is deterministic and invented; it copies no article.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

const WORDS: &[&str] = &[
    "harbour",
    "council",
    "bridge",
    "ferry",
    "budget",
    "storm",
    "quay",
    "crews",
    "river",
    "tenants",
    "schools",
    "repairs",
    "engineers",
    "district",
    "pumps",
    "levee",
    "road",
    "clinic",
    "market",
    "depot",
];
const PLACES: &[&str] = &["Ardmore", "Kelso", "Saltmere", "Oxley", "Carrick", "Dunmore", "Balloch", "Tarn"];
const PEOPLE: &[&str] = &["Mara Quint", "Tomas Reyl", "Ines Halloran", "Piet Osk", "Lena Varga", "Ruth Abimbola"];

/// A small deterministic generator (xorshift), so the files never change.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[(self.next() % xs.len() as u64) as usize]
    }
    fn num(&mut self, max: u64) -> u64 {
        self.next() % max
    }
}

fn paragraph(r: &mut Rng) -> String {
    let (place, who, a, b) = (r.pick(PLACES), r.pick(PEOPLE), r.pick(WORDS), r.pick(WORDS));
    let (n, m) = (r.num(9000) + 10, r.num(90) + 2);
    format!(
        "{place} officials said on Tuesday that {n} {a} had been checked since the flood, and that {m} more \
         would follow by the end of the month. \"We are not done with the {b} yet,\" said {who}, who leads the \
         work. The {a} on the east side reopened on Monday.\n\n"
    )
}

fn prose(r: &mut Rng, bytes: usize) -> String {
    let mut s = String::with_capacity(bytes + 1024);
    while s.len() < bytes {
        s.push_str(&paragraph(r));
    }
    s
}

fn long_line(r: &mut Rng, bytes: usize) -> String {
    let mut s = String::from("The list of works, as read out at the meeting, ran on and on: ");
    while s.len() < bytes {
        s.push_str(r.pick(WORDS));
        s.push_str(if r.num(4) == 0 { ", " } else { " " });
    }
    s.push('\n');
    s
}

fn quotes(r: &mut Rng, marks: usize) -> String {
    let mut s = String::from("Residents repeated the same words again and again: ");
    for i in 0..marks / 2 {
        let open = if i % 3 == 0 { "“" } else { "\"" };
        let close = if i % 3 == 0 { "”" } else { "\"" };
        s.push_str(&format!("{open}{} {}{close} ", r.pick(WORDS), r.pick(WORDS)));
    }
    s.push_str("said one of them.\n");
    s
}

/// Short quoted sentences with their attributions, all in one paragraph.
fn dialogue(r: &mut Rng, count: usize) -> String {
    let mut s = String::new();
    for i in 0..count {
        let who = r.pick(PEOPLE);
        let w = r.pick(WORDS);
        s.push_str(&match i % 3 {
            0 => format!("\"The {w} held,\" said {who}. "),
            1 => format!("“Not the {w},” {who} said. "),
            _ => format!("{who} called it 'a {w} day'. "),
        });
    }
    s.push('\n');
    s
}

fn numbers(r: &mut Rng, count: usize) -> String {
    let mut s = String::from("The council counted ");
    for i in 0..count {
        let n = r.num(99_000) + 1;
        let unit = r.pick(WORDS);
        s.push_str(&if i % 5 == 4 {
            format!("{},{:03} {unit}, ", n / 1000 + 1, n % 1000)
        } else {
            format!("{n} {unit}, ")
        });
    }
    s.push_str("and one ferry.\n");
    s
}

fn names(r: &mut Rng, count: usize) -> String {
    let mut s = String::from("The letter was signed by ");
    for _ in 0..count {
        s.push_str(r.pick(PEOPLE));
        s.push_str(" of ");
        s.push_str(r.pick(PLACES));
        s.push_str(", ");
    }
    s.push_str("and the mayor.\n");
    s
}

/// Writes one file's text.
type Shape = Box<dyn Fn(&mut Rng) -> String>;

fn usage() -> ExitCode {
    eprintln!("usage: gen-hostile --out DIR [--scale N] [--prose-mb MB,MB,...]");
    ExitCode::from(2)
}

fn main() -> ExitCode {
    let mut out: Option<PathBuf> = None;
    let mut scale: usize = 1;
    let mut prose_mb: Vec<usize> = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match (a.as_str(), args.next()) {
            ("--out", Some(v)) => out = Some(PathBuf::from(v)),
            ("--scale", Some(v)) => match v.parse() {
                Ok(n) if n > 0 => scale = n,
                _ => {
                    eprintln!("gen-hostile: --scale needs a positive number");
                    return ExitCode::from(2);
                }
            },
            ("--prose-mb", Some(v)) => {
                for part in v.split(',').filter(|p| !p.is_empty()) {
                    match part.trim().parse() {
                        Ok(n) if n > 0 => prose_mb.push(n),
                        _ => {
                            eprintln!("gen-hostile: --prose-mb needs positive numbers, as in 10,100");
                            return ExitCode::from(2);
                        }
                    }
                }
            }
            _ => return usage(),
        }
    }
    let Some(dir) = out else { return usage() };
    if let Err(e) = std::fs::create_dir_all(&dir) {
        eprintln!("gen-hostile: {}: {e}", dir.display());
        return ExitCode::from(2);
    }
    let write = |name: String, text: String| -> Result<(), ExitCode> {
        let path = dir.join(name);
        let written = std::fs::File::create(&path).and_then(|mut f| f.write_all(text.as_bytes()));
        if let Err(e) = written {
            eprintln!("gen-hostile: {}: {e}", path.display());
            return Err(ExitCode::from(2));
        }
        println!("{}\t{} bytes", path.display(), text.len());
        Ok(())
    };
    let mut r = Rng(0x9E37_79B9_7F4A_7C15);
    // One file at a time, so a 200 MB file needs 200 MB of memory, not all of them.
    let shapes: [(String, Shape); 6] = [
        (format!("prose-{scale}mb.txt"), Box::new(move |r| prose(r, scale * 1_000_000))),
        (format!("long-line-{scale}mb.txt"), Box::new(move |r| long_line(r, scale * 1_000_000))),
        (format!("quotes-{}k.txt", scale * 20), Box::new(move |r| quotes(r, scale * 20_000))),
        (format!("numbers-{}k.txt", scale * 20), Box::new(move |r| numbers(r, scale * 20_000))),
        (format!("names-{}k.txt", scale * 20), Box::new(move |r| names(r, scale * 20_000))),
        (format!("dialogue-{}k.txt", scale * 5), Box::new(move |r| dialogue(r, scale * 5_000))),
    ];
    for (name, make) in shapes {
        if let Err(code) = write(name, make(&mut r)) {
            return code;
        }
    }
    for mb in prose_mb.into_iter().filter(|&mb| mb != scale) {
        // The same seed for every size: a larger file starts with the smaller one.
        let mut r = Rng(0x51_7CC1_B727_220A);
        if let Err(code) = write(format!("prose-{mb}mb.txt"), prose(&mut r, mb * 1_000_000)) {
            return code;
        }
    }
    ExitCode::SUCCESS
}

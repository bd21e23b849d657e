//! Deterministic synthetic news corpus: many outlets reporting the same invented
//! events, in the formats real scraped news comes in.
//!
//! Shared by `examples/gen-corpus.rs` (writes a corpus to disk) and
//! `benches/stages.rs` (generates a fixed corpus in memory), via `#[path]`,
//! so the library itself never ships it.
//!
//! Design:
//! * Every story is generated from its own PRNG stream (`seed` mixed with the
//!   story index), so output does not depend on thread scheduling and a story's
//!   text does not change when the corpus size changes.
//! * A story fixes the facts once (event, place, people, numbers, quotes); each
//!   outlet then renders its own article with its own habits: spelling variants
//!   of names and places, quote marks, number formatting, a share of numbers
//!   that disagree with the others, relative or absolute dates, and a layout
//!   (date header, dateline, agency dateline, `Published:` header, web page with
//!   site chrome, or a bare page).
//! * Some stories have a wire article that 2-3 outlets reprint near-verbatim.
//! * A few files are CRLF, start with a UTF-8 BOM, or are Windows-1252.

#![allow(dead_code)]

#[path = "data.rs"]
mod data;

use data::{City, EVENTS, Event};
use std::fmt::Write as _;
use std::path::Path;

// ---------------------------------------------------------------- PRNG

/// SplitMix64: tiny, fast, and good enough for text generation.
#[derive(Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }
    /// An independent stream for `(seed, a, b)`.
    pub fn stream(seed: u64, a: u64, b: u64) -> Self {
        let mut r = Rng(seed ^ a.wrapping_mul(0xA24B_AED4_963E_E407) ^ b.wrapping_mul(0x9FB2_1C65_1E98_DF25));
        r.next_u64();
        r
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in `0..n` (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        ((self.next_u64() as u128 * n as u128) >> 64) as usize
    }
    /// Uniform in `lo..=hi`.
    pub fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.below((hi - lo + 1) as usize) as u64
    }
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
    pub fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }
    pub fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }
    /// A random string from a list (sidesteps `&&str` inference at call sites).
    pub fn one(&mut self, xs: &[&'static str]) -> &'static str {
        xs[self.below(xs.len())]
    }
}

// ---------------------------------------------------------------- dates

/// Days since 1970-01-01 for a proleptic Gregorian date (H. Hinnant's algorithm).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// `(year, month 1-12, day)` for days since 1970-01-01.
fn civil_from_days(z: i64) -> (i64, usize, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as usize;
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

fn weekday(z: i64) -> &'static str {
    data::WEEKDAYS[(z + 4).rem_euclid(7) as usize]
}

fn iso(z: i64) -> String {
    let (y, m, d) = civil_from_days(z);
    format!("{y:04}-{m:02}-{d:02}")
}

fn month_day(z: i64, ap: bool) -> String {
    let (_, m, d) = civil_from_days(z);
    let names = if ap { data::MONTHS_AP } else { data::MONTHS };
    format!("{} {d}", names[m - 1])
}

// ---------------------------------------------------------------- numbers

fn with_commas(n: u64, out: &mut String) {
    let s = n.to_string();
    let b = s.as_bytes();
    for (i, c) in b.iter().enumerate() {
        if i > 0 && (b.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(*c as char);
    }
}

/// Round to two significant digits, the way officials quote counts.
fn round2(n: u64) -> u64 {
    if n < 100 {
        return n;
    }
    let mut p = 1;
    while n / p >= 100 {
        p *= 10;
    }
    (n + p / 2) / p * p
}

fn word(n: u64) -> &'static str {
    data::NUM_WORDS.get(n as usize).copied().unwrap_or("many")
}

fn ordinal(n: u64) -> &'static str {
    const ORD: &[&str] =
        &["zeroth", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"];
    ORD.get(n as usize).copied().unwrap_or("latest")
}

// ---------------------------------------------------------------- story model

struct Person {
    given: usize,
    /// Spellings of the surname (variants by outlet style) and whether it takes a feminine ending.
    surname: Vec<String>,
    slavic: bool,
    female: bool,
    role: String,
    /// Honorific for second references in outlets that use them.
    title: &'static str,
}

struct Outlet {
    name: String,
    slug: String,
    /// Index into spelling variants of names and places.
    style: usize,
    curly: bool,
    honorifics: bool,
    /// Writes 4-digit counts without a comma ("1800").
    plain4: bool,
    /// 0: "€450 million", 1: "450 million euros", 2: "EUR 450 million".
    cost_style: u8,
    /// 0: "61.4%", 1: "61.4 percent", 2: "61.4 per cent".
    pct_style: u8,
    agency: bool,
}

/// The facts of one story, fixed before any outlet writes about it.
struct Story {
    index: usize,
    event: &'static Event,
    city: &'static City,
    city2: &'static City,
    /// The main event's day and the day it started (days since epoch).
    day: i64,
    start: i64,
    days: u64,
    hours: u64,
    people: Vec<Person>,
    companies: [String; 3],
    union: String,
    parties: [&'static str; 2],
    court: String,
    evac: u64,
    inj: u64,
    dead: u64,
    n1: u64,
    n2: u64,
    /// In millions of the local currency.
    cost: u64,
    pct10: u64,
    mag10: u64,
    year: i64,
    ndel: u64,
    /// (person, text) — the words said; outlets quote them verbatim or varied.
    quotes: Vec<(usize, String)>,
    outlets: Vec<Outlet>,
    agency: usize,
}

fn outlet_name(rng: &mut Rng) -> (String, String) {
    let a = rng.pick(data::OUTLET_A);
    let b = rng.pick(data::OUTLET_B);
    let the = if rng.chance(0.6) { "The " } else { "" };
    let name = format!("{the}{a} {b}");
    let slug = format!("{a}-{b}").to_ascii_lowercase().replace(' ', "-");
    (name, slug)
}

fn new_outlet(rng: &mut Rng, taken: &[Outlet]) -> Outlet {
    let (mut name, mut slug) = outlet_name(rng);
    for _ in 0..8 {
        if !taken.iter().any(|o| o.slug == slug) {
            break;
        }
        (name, slug) = outlet_name(rng);
    }
    Outlet {
        name,
        slug,
        style: rng.below(3),
        curly: rng.chance(0.55),
        honorifics: rng.chance(0.25),
        plain4: rng.chance(0.2),
        cost_style: rng.below(3) as u8,
        pct_style: rng.below(3) as u8,
        agency: false,
    }
}

/// A surname: one from the curated list (a third of the time) or an invented one.
fn make_surname(rng: &mut Rng) -> (Vec<String>, bool) {
    match rng.below(3) {
        0 => {
            let s = rng.pick(data::SURNAMES);
            (s.forms.iter().map(|f| f.to_string()).collect(), s.slavic)
        }
        1 => (vec![format!("{}{}", rng.one(data::EN_HEAD), rng.one(data::EN_TAIL))], false),
        _ => {
            let root = rng.one(data::SLAV_ROOT);
            let (ends, gendered) = rng.pick(data::SLAV_END);
            (ends.iter().map(|e| format!("{root}{e}")).collect(), *gendered)
        }
    }
}

fn surname_form(p: &Person, style: usize) -> String {
    let base = p.surname[style % p.surname.len()].as_str();
    if !(p.female && p.slavic) {
        return base.to_string();
    }
    if let Some(stem) = base.strip_suffix("off") {
        return format!("{stem}ova");
    }
    if let Some(stem) = base.strip_suffix("skyi") {
        return format!("{stem}ska");
    }
    if let Some(stem) = base.strip_suffix("skiy").or_else(|| base.strip_suffix("sky")) {
        format!("{stem}skaya")
    } else {
        format!("{base}a")
    }
}

fn given_form(p: &Person, style: usize) -> &'static str {
    let g = &data::GIVEN[p.given];
    g.forms[style % g.forms.len()]
}

/// The people of a story, one per role of its event, with distinct
/// surnames and given names, their roles filled in and a title to match.
fn cast(
    rng: &mut Rng,
    event: &'static Event,
    city: &'static City,
    companies: &[String; 3],
    union: &str,
    parties: [&'static str; 2],
    court: &str,
) -> Vec<Person> {
    let mut people = Vec::with_capacity(event.roles.len());
    for role_t in event.roles {
        let mut given = rng.below(data::GIVEN.len());
        let (mut surname, mut slavic) = make_surname(rng);
        // Distinct names within a story, so "Volkov said" names one person.
        for _ in 0..6 {
            if people.iter().any(|p: &Person| p.surname[0] == surname[0] || p.given == given) {
                (surname, slavic) = make_surname(rng);
                given = rng.below(data::GIVEN.len());
            }
        }
        let female = data::GIVEN[given].female;
        let role = role_t
            .replace("{spok}", if female { "spokeswoman" } else { "spokesman" })
            .replace("{chair}", if female { "chairwoman" } else { "chairman" })
            .replace("{adj}", city.adj)
            .replace("{country}", city.country)
            .replace("{city}", city.name)
            .replace("{co0}", &companies[0])
            .replace("{co1}", &companies[1])
            .replace("{co2}", &companies[2])
            .replace("{union}", union)
            .replace("{party0}", parties[0])
            .replace("{party1}", parties[1])
            .replace("{court}", court);
        let title = if role.contains("judge") {
            "Judge"
        } else if role.contains("Gen.") {
            "Gen."
        } else if role.contains("University") || role.contains("Institute") || role.contains("Observatory") {
            "Dr."
        } else if female {
            "Ms."
        } else {
            "Mr."
        };
        people.push(Person { given, surname, slavic, female, role, title });
    }
    people
}

impl Story {
    fn new(seed: u64, index: usize, n_outlets: usize) -> Story {
        let mut rng = Rng::stream(seed, index as u64, 0x5157);
        let event = rng.pick(EVENTS);
        let city = rng.pick(data::CITIES);
        let mut city2 = rng.pick(data::CITIES);
        for _ in 0..4 {
            if city2.country == city.country && city2.name != city.name {
                break;
            }
            city2 = rng.pick(data::CITIES);
        }
        let base = days_from_civil(2022, 1, 1);
        let day = base + rng.below(4 * 365) as i64;
        let days = rng.range(2, 5);
        let start = day - days as i64 + 1;
        let mut companies: [String; 3] = Default::default();
        for c in companies.iter_mut() {
            *c = format!("{} {}", rng.pick(data::COMPANY_A), rng.pick(data::COMPANY_B));
        }
        if companies[1] == companies[0] {
            companies[1] = format!("{} {}", data::COMPANY_A[(index + 7) % data::COMPANY_A.len()], "Group");
        }
        let union = format!("{} Union", rng.pick(data::SECTORS));
        let p0 = rng.below(data::PARTIES.len());
        let p1 = (p0 + 1 + rng.below(data::PARTIES.len() - 1)) % data::PARTIES.len();
        let court = match rng.below(3) {
            0 => format!("{} Supreme Court", city.adj),
            1 => format!("{} District Court", city.name),
            _ => "Constitutional Court".to_string(),
        };
        let parties = [data::PARTIES[p0], data::PARTIES[p1]];
        let people = cast(&mut rng, event, city, &companies, &union, parties, &court);
        let evac = round2(rng.range(300, 25_000));
        let inj = rng.range(3, 250);
        let dead = rng.range(1, 40);
        let n1 = round2(rng.range(event.n1.0, event.n1.1));
        let n2 = round2(rng.range(event.n2.0, event.n2.1));
        let cost = round2(rng.range(event.cost.0, event.cost.1));
        // Each person says what fits their role; the first two roles always speak.
        let mut quotes = Vec::new();
        for &(p, q) in event.quotes {
            if p < people.len() && (p < 2 || rng.chance(0.6)) {
                let q = q.replace("{city}", city.name).replace("{country}", city.country);
                let q = q.replace("{hrsN}", if rng.chance(0.5) { "24 hours" } else { "48 hours" });
                quotes.push((p, q));
            }
        }
        let mut outlets: Vec<Outlet> = Vec::with_capacity(n_outlets);
        for _ in 0..n_outlets {
            let o = new_outlet(&mut rng, &outlets);
            outlets.push(o);
        }
        Story {
            index,
            event,
            city,
            city2,
            day,
            start,
            days,
            hours: rng.range(2, 9),
            people,
            companies,
            union,
            parties,
            court,
            evac,
            inj,
            dead,
            n1,
            n2,
            cost,
            pct10: rng.range(event.pct.0, event.pct.1),
            mag10: rng.range(48, 78),
            year: 1990 + rng.range(0, 30) as i64,
            ndel: rng.range(3, 12),
            quotes,
            outlets,
            agency: rng.below(data::AGENCIES.len()),
        }
    }
}

// ---------------------------------------------------------------- per-article view

/// One outlet's take on the story: its dates, its numbers, its spelling.
struct View<'a> {
    st: &'a Story,
    o: &'a Outlet,
    /// The outlet name as printed (agency full name for wire copy).
    outlet_name: &'a str,
    pub_day: i64,
    evac: u64,
    inj: u64,
    dead: u64,
    n1: u64,
    n2: u64,
    cost: u64,
    days: u64,
    hours: u64,
    /// Use absolute dates ("on March 12") instead of weekdays.
    absolute: bool,
    /// People already introduced with full name and role.
    introduced: u32,
}

/// A number as another outlet might have it: usually the same, sometimes not.
fn disagree(rng: &mut Rng, v: u64, p: f64) -> u64 {
    if !rng.chance(p) {
        return v;
    }
    let f = *rng.pick(&[0.8, 0.9, 0.95, 1.1, 1.2, 1.5]);
    let w = round2(((v as f64) * f).round() as u64);
    if w == v { v + 1 } else { w.max(1) }
}

impl<'a> View<'a> {
    fn new(st: &'a Story, o: &'a Outlet, outlet_name: &'a str, rng: &mut Rng) -> View<'a> {
        let lag = *rng.pick(&[0, 1, 1, 1, 2]);
        View {
            st,
            o,
            outlet_name,
            pub_day: st.day + lag,
            evac: disagree(rng, st.evac, 0.25),
            inj: disagree(rng, st.inj, 0.2),
            dead: disagree(rng, st.dead, 0.15),
            n1: disagree(rng, st.n1, 0.2),
            n2: disagree(rng, st.n2, 0.2),
            cost: disagree(rng, st.cost, 0.2),
            days: if rng.chance(0.1) { st.days + 1 } else { st.days },
            hours: if rng.chance(0.15) { st.hours + 1 } else { st.hours },
            absolute: rng.chance(0.15),
            introduced: 0,
        }
    }

    fn city(&self) -> &'static str {
        let c = self.st.city;
        if !c.alt.is_empty() && self.o.style == 1 { c.alt } else { c.name }
    }

    fn count(&self, n: u64, out: &mut String) {
        if n <= 9 {
            out.push_str(word(n));
        } else if self.o.plain4 && n < 10_000 {
            let _ = write!(out, "{n}");
        } else {
            with_commas(n, out);
        }
    }

    fn money(&self, millions: u64, out: &mut String) {
        let euro = self.st.city.euro;
        let (amount, unit) = if millions >= 1000 {
            let b = millions as f64 / 1000.0;
            let s = if (b - b.round()).abs() < 0.05 { format!("{}", b.round()) } else { format!("{b:.1}") };
            (s, "billion")
        } else {
            (millions.to_string(), "million")
        };
        match (self.o.cost_style, euro) {
            (0, true) => write!(out, "€{amount} {unit}"),
            (1, true) => write!(out, "{amount} {unit} euros"),
            (_, true) => write!(out, "EUR {amount} {unit}"),
            (0, false) => write!(out, "${amount} {unit}"),
            (1, false) => write!(out, "{amount} {unit} dollars"),
            (_, false) => write!(out, "US${amount} {unit}"),
        }
        .ok();
    }

    /// "on Tuesday" / "yesterday" / "on March 12" for a day before publication.
    fn relative(&self, day: i64, out: &mut String) {
        let diff = self.pub_day - day;
        if self.absolute || !(0..=6).contains(&diff) {
            out.push_str("on ");
            out.push_str(&month_day(day, false));
        } else if diff == 1 && (self.st.index + self.o.style).is_multiple_of(2) {
            out.push_str("yesterday");
        } else if diff == 0 && self.o.style == 2 {
            out.push_str("today");
        } else {
            out.push_str("on ");
            out.push_str(weekday(day));
        }
    }

    fn next(&self, out: &mut String) {
        match (self.st.index + self.o.style) % 4 {
            0 => out.push_str("next week"),
            1 => {
                out.push_str("on ");
                out.push_str(weekday(self.pub_day + 3));
            }
            2 => out.push_str("later this month"),
            _ => out.push_str("in the coming days"),
        }
    }

    fn person_full(&self, i: usize, out: &mut String) {
        let p = &self.st.people[i];
        out.push_str(given_form(p, self.o.style));
        out.push(' ');
        out.push_str(&surname_form(p, self.o.style));
    }

    fn person_short(&self, i: usize, out: &mut String) {
        let p = &self.st.people[i];
        if self.o.honorifics {
            out.push_str(p.title);
            out.push(' ');
        }
        out.push_str(&surname_form(p, self.o.style));
    }

    /// Writes the value of slot `name`; false if the slot is unknown.
    fn slot(&mut self, name: &str, out: &mut String) -> bool {
        let b = name.as_bytes();
        if b.len() >= 2 && b[0] == b'p' && b[1].is_ascii_digit() {
            return self.person_slot((b[1] - b'0') as usize % self.st.people.len(), &name[2..], out);
        }
        self.name_slot(name, out) || self.figure_slot(name, out)
    }

    /// `{pN}` (full name, introducing the person), `{pNs}` (short form),
    /// `{pNr}` (role), `{pNh}`/`{pNH}` (pronoun).
    fn person_slot(&mut self, i: usize, form: &str, out: &mut String) -> bool {
        let p = &self.st.people[i];
        match form {
            "" => {
                self.person_full(i, out);
                self.introduced |= 1 << i;
            }
            "s" => self.person_short(i, out),
            "r" => out.push_str(&p.role),
            "h" => out.push_str(if p.female { "she" } else { "he" }),
            "H" => out.push_str(if p.female { "She" } else { "He" }),
            _ => return false,
        }
        true
    }

    /// The story's places, organizations and outlets.
    fn name_slot(&self, name: &str, out: &mut String) -> bool {
        let st = self.st;
        match name {
            "city" => out.push_str(self.city()),
            "city2" => out.push_str(st.city2.name),
            "country" => out.push_str(st.city.country),
            "adj" => out.push_str(st.city.adj),
            "co0" => out.push_str(&st.companies[0]),
            "co1" => out.push_str(&st.companies[1]),
            "co2" => out.push_str(&st.companies[2]),
            "union" => out.push_str(&st.union),
            "party0" => out.push_str(st.parties[0]),
            "party1" => out.push_str(st.parties[1]),
            "court" => out.push_str(&st.court),
            "outlet" => out.push_str(self.outlet_name),
            "agency" => out.push_str(data::AGENCIES[st.agency].0),
            _ => return false,
        }
        true
    }

    /// The story's figures, durations and dates, in this outlet's style.
    fn figure_slot(&mut self, name: &str, out: &mut String) -> bool {
        let st = self.st;
        match name {
            "evac" => self.count(self.evac, out),
            "inj" => self.count(self.inj, out),
            "dead" => self.count(self.dead, out),
            "n1" => self.count(self.n1, out),
            "n2" => self.count(self.n2, out),
            "cost" => self.money(self.cost, out),
            "cost2" => self.money((self.cost / 10).max(1), out),
            "pct" => {
                let _ = write!(out, "{}.{}", st.pct10 / 10, st.pct10 % 10);
                out.push_str(match self.o.pct_style {
                    0 => "%",
                    1 => " percent",
                    _ => " per cent",
                });
            }
            "mag" => {
                let _ = write!(out, "{}.{}", st.mag10 / 10, st.mag10 % 10);
            }
            "year" => {
                let _ = write!(out, "{}", st.year);
            }
            "ndel" => out.push_str(word(st.ndel)),
            "ndelC" => {
                let w = word(st.ndel);
                let mut cs = w.chars();
                if let Some(f) = cs.next() {
                    out.extend(f.to_uppercase());
                    out.push_str(cs.as_str());
                }
            }
            "durA" => {
                out.push_str(word(self.days));
                out.push_str("-day");
            }
            "durN" => {
                out.push_str(word(self.days));
                out.push_str(" days");
            }
            "durOrd" => out.push_str(ordinal(self.days)),
            "hrsA" => {
                out.push_str(word(self.hours));
                out.push_str("-hour");
            }
            "hrsN" => {
                out.push_str(word(self.hours));
                out.push_str(" hours");
            }
            "when" => self.relative(st.day, out),
            "swhen" => self.relative(st.start, out),
            "next" => self.next(out),
            _ => return false,
        }
        true
    }

    /// Expands `{slot}`s of `tpl` onto `out`, capitalising a slot that starts a sentence.
    fn fill(&mut self, tpl: &str, out: &mut String) {
        let mut rest = tpl;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let after = &rest[open + 1..];
            let Some(close) = after.find('}') else {
                out.push_str(&rest[open..]);
                return;
            };
            let name = &after[..close];
            let at = out.len();
            let sentence_start = at == 0 || out.ends_with(". ") || out.ends_with('\n') || out.ends_with("\" ");
            if !self.slot(name, out) {
                debug_assert!(false, "unknown slot {name}");
                out.push_str(name);
            }
            if sentence_start
                && let Some(c) = out[at..].chars().next()
                && c.is_lowercase()
            {
                let up: String = c.to_uppercase().collect();
                out.replace_range(at..at + c.len_utf8(), &up);
            }
            rest = &after[close + 1..];
        }
        out.push_str(rest);
    }

    fn filled(&mut self, tpl: &str) -> String {
        let mut s = String::with_capacity(tpl.len() + 64);
        self.fill(tpl, &mut s);
        s
    }
}

// ---------------------------------------------------------------- quotes

fn quote_marks(curly: bool) -> (&'static str, &'static str) {
    if curly { ("\u{201C}", "\u{201D}") } else { ("\"", "\"") }
}

/// The words as this outlet prints them: verbatim, contracted, or cut short.
fn vary_quote(q: &str, curly: bool, rng: &mut Rng) -> String {
    let mut s = match rng.below(10) {
        0..=5 => q.to_string(),
        6 | 7 => {
            let mut s = q.to_string();
            for (long, short) in [
                ("We are", "We're"),
                ("we are", "we're"),
                ("do not ", "don't "),
                ("It is", "It's"),
                ("it is", "it's"),
                ("will not", "won't"),
                ("cannot", "can't"),
                ("I have", "I've"),
                ("That is", "That's"),
            ] {
                s = s.replace(long, short);
            }
            s
        }
        _ => match q.find(". ") {
            Some(i) => q[..=i].to_string(),
            None => q.replace(" really", "").replace("real ", ""),
        },
    };
    if curly {
        s = s.replace('\'', "\u{2019}");
    }
    s
}

/// A quote paragraph in one of the shapes news copy uses.
fn quote_para(v: &mut View, person: usize, text: &str, second: Option<&str>, rng: &mut Rng) -> String {
    let (o, c) = quote_marks(v.o.curly);
    let q = vary_quote(text, v.o.curly, rng);
    // "Q," said X — the closing period turns into a comma.
    let q_comma = match q.strip_suffix('.') {
        Some(stem) => format!("{stem},"),
        None => q.clone(),
    };
    let mut name = String::new();
    let first = v.introduced & (1 << person) == 0;
    v.introduced |= 1 << person;
    let role = v.st.people[person].role.clone();
    if first {
        v.person_full(person, &mut name);
    } else {
        v.person_short(person, &mut name);
    }
    let pron = if v.st.people[person].female { "she" } else { "he" };
    let mut out = String::with_capacity(q.len() * 2 + 80);
    let shape = rng.below(8);
    match (shape, first) {
        (0, true) => write!(out, "{o}{q_comma}{c} {name}, {role}, said."),
        (0, false) | (1, _) => write!(out, "{o}{q_comma}{c} {name} said."),
        (2, true) => write!(out, "{o}{q_comma}{c} said {name}, {role}."),
        (2, false) => write!(out, "{o}{q_comma}{c} said {name}."),
        (3, true) => write!(out, "{name}, {role}, said: {o}{q}{c}"),
        (3, false) => write!(out, "{name} added: {o}{q}{c}"),
        (4, true) => write!(out, "{name}, {role}, told reporters: {o}{q}{c}"),
        (4, false) => write!(out, "{name} told reporters: {o}{q}{c}"),
        (5, _) => write!(out, "{o}{q_comma}{c} {name} told {}.", v.outlet_name),
        (6, true) => write!(out, "In a statement, {name}, {role}, said: {o}{q}{c}"),
        (6, false) => write!(out, "In a statement, {name} said: {o}{q}{c}"),
        (_, true) => write!(out, "{name}, {role}, spoke to reporters {}. {o}{q_comma}{c} {pron} said.", {
            let mut w = String::new();
            v.relative(v.st.day, &mut w);
            w
        }),
        (_, false) => write!(out, "{o}{q_comma}{c} {name} said later."),
    }
    .ok();
    if let Some(q2) = second {
        let q2 = vary_quote(q2, v.o.curly, rng);
        write!(out, " {o}{q2}{c}").ok();
    }
    out
}

// ---------------------------------------------------------------- articles

#[derive(Clone, Copy, PartialEq)]
enum Layout {
    /// ` date YYYY-MM-DD ` glued to the first sentence.
    DateHeader,
    /// `CITY, Mon D — `
    Dateline,
    /// `CITY (Agency) - `
    Agency,
    /// `Published: YYYY-MM-DD` then the headline.
    Published,
    /// Undated web page with banner, menu, captions, embeds, donation appeal.
    Chrome,
    /// Headline and body only.
    Plain,
}

struct Parts {
    headline: String,
    /// Lead first; paragraphs in order.
    paras: Vec<String>,
}

fn body_parts(v: &mut View, target: usize, rng: &mut Rng) -> Parts {
    let ev = v.st.event;
    let headline = v.filled(rng.one(ev.headlines));
    let mut paras = Vec::with_capacity(24);
    let lead = v.filled(rng.one(ev.leads));
    let mut size = lead.len() + headline.len();
    paras.push(lead);
    // Draw without replacement so that long articles use the whole pool
    // before they stop, and no paragraph repeats within an article.
    let mut facts: Vec<usize> = (0..ev.body.len()).collect();
    let mut generic: Vec<usize> = (0..data::GENERIC.len()).collect();
    let mut quote_order: Vec<usize> = (0..v.st.quotes.len()).collect();
    for list in [&mut facts, &mut generic, &mut quote_order] {
        for i in (1..list.len()).rev() {
            list.swap(i, rng.below(i + 1));
        }
    }
    // Few story-agnostic paragraphs per article: real reports of different
    // events share vocabulary, not whole paragraphs.
    const MAX_GENERIC: usize = 4;
    let mut generic_used = 0;
    while size < target
        && !(facts.is_empty() && (generic.is_empty() || generic_used >= MAX_GENERIC) && quote_order.is_empty())
    {
        let roll = rng.below(10);
        let only_facts = quote_order.is_empty() && (generic.is_empty() || generic_used >= MAX_GENERIC);
        let para = if !facts.is_empty() && (roll <= 3 || only_facts) {
            let k = facts.pop().unwrap_or(0);
            v.filled(ev.body[k])
        } else if (roll <= 6 || generic.is_empty()) && !quote_order.is_empty() {
            let q = quote_order.pop().unwrap_or(0);
            let (person, text) = &v.st.quotes[q];
            // Two quotes from the same person sometimes run together.
            let second = match quote_order.last() {
                Some(&n) if v.st.quotes[n].0 == *person && rng.chance(0.5) => {
                    quote_order.pop();
                    Some(v.st.quotes[n].1.as_str())
                }
                _ => None,
            };
            quote_para(v, *person, text, second, rng)
        } else if let Some(k) = generic.pop().filter(|_| generic_used < MAX_GENERIC) {
            generic_used += 1;
            v.filled(data::GENERIC[k])
        } else {
            continue;
        };
        size += para.len() + 2;
        paras.push(para);
    }
    Parts { headline, paras }
}

fn random_handle(rng: &mut Rng, name: &str) -> String {
    let mut h: String = name.chars().filter(|c| c.is_ascii_alphabetic()).take(12).collect();
    if rng.chance(0.5) {
        let _ = write!(h, "{}", rng.range(1, 99));
    }
    h
}

fn tco(rng: &mut Rng) -> String {
    const A: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    let mut s = String::from("https://t.co/");
    for _ in 0..10 {
        s.push(A[rng.below(A.len())] as char);
    }
    s
}

fn other_headline(v: &View, rng: &mut Rng) -> String {
    let ev = rng.pick(EVENTS);
    let city = rng.pick(data::CITIES);
    rng.pick(ev.headlines)
        .replace("{city}", city.name)
        .replace("{country}", city.country)
        .replace("{adj}", city.adj)
        .split('{')
        .next()
        .unwrap_or("")
        .trim_end()
        .trim_end_matches([':', ',', '-'])
        .to_string()
        + if v.o.style == 0 { "" } else { " " }
}

/// Chrome lines that interrupt an article's body.
fn chrome_piece(v: &mut View, rng: &mut Rng, out: &mut String) {
    match rng.below(5) {
        0 => {
            let cap = v.filled(rng.one(data::CAPTIONS));
            let who = rng.pick(data::PHOTOGRAPHERS);
            match rng.below(3) {
                0 => write!(out, "{cap} (Photo: {who}/{})", data::AGENCIES[v.st.agency].1),
                1 => write!(out, "{cap}\nPhoto: {who} / {}", v.outlet_name),
                _ => write!(out, "{cap} Credit: {who} for {}", v.outlet_name),
            }
            .ok();
        }
        1 => {
            let p = rng.below(v.st.people.len());
            let mut name = String::new();
            v.person_full(p, &mut name);
            let text = v.filled(rng.one(data::SOCIAL));
            let handle = random_handle(rng, &name);
            let (_, m, d) = civil_from_days(v.st.day);
            let (y, _, _) = civil_from_days(v.st.day);
            write!(out, "{text} {}\n\u{2014} {name} (@{handle}) {} {d}, {y}", tco(rng), data::MONTHS[m - 1]).ok();
        }
        2 => {
            let h = other_headline(v, rng);
            write!(out, "Read more: {}", h.trim_end()).ok();
        }
        3 => out.push_str(rng.one(&[
            "Sign up for our morning newsletter and get the day's top stories in your inbox.\nEnter your email address\nSubscribe",
            "Get our free daily briefing. Sign up here.",
            "Newsletter: The World This Week. Every Friday, the stories you missed. Subscribe now",
        ])),
        _ => {
            let h = other_headline(v, rng);
            write!(out, "Related: {}", h.trim_end()).ok();
        }
    }
}

fn donation(v: &View, rng: &mut Rng, out: &mut String) {
    let cur = if v.st.city.euro { "€" } else { rng.pick(&["$", "£", "$"]) };
    let name = v.outlet_name;
    write!(
        out,
        "Before you go\n{name} is independent and funded by readers like you. If you value our reporting, please consider a contribution today.\nChoose an amount\n{cur}5\n{cur}10\n{cur}25\n{cur}50\nOther\nOne-time\nMonthly\nAnnually\nSupport {name}"
    )
    .ok();
}

fn share(rng: &mut Rng, out: &mut String) {
    out.push_str(rng.one(&[
        "Share\nFacebook\nX\nWhatsApp\nEmail\nCopy link",
        "Share this article: Facebook | X | LinkedIn | Email",
        "Share on Facebook Share on X Share via Email",
    ]));
}

fn byline(rng: &mut Rng, out: &mut String) {
    let g = &data::GIVEN[rng.below(data::GIVEN.len())];
    let s = &data::SURNAMES[rng.below(data::SURNAMES.len())];
    let beat =
        rng.pick(&["Europe correspondent", "staff reporter", "world affairs editor", "in London", "foreign desk"]);
    write!(out, "By {} {}, {beat}", g.forms[0], s.forms[0]).ok();
}

/// Lays an article out: header, dateline, body, chrome.
fn layout(v: &mut View, parts: &Parts, lay: Layout, agency_tag: &str, rng: &mut Rng) -> String {
    let mut out = String::with_capacity(parts.paras.iter().map(|p| p.len() + 2).sum::<usize>() + 1024);
    let city_upper = v.city().to_uppercase();
    let chrome = lay == Layout::Chrome;
    if chrome {
        write!(out, "Support {}!\nMenu\nWorld\nPolitics\nBusiness\nClimate\nOpinion\nSearch\n\n", v.outlet_name).ok();
    }
    match lay {
        Layout::Published => {
            write!(out, "Published: {}\n{}\n\n", iso(v.pub_day), parts.headline).ok();
        }
        Layout::Chrome | Layout::Plain => {
            out.push_str(&parts.headline);
            out.push('\n');
            if chrome || rng.chance(0.3) {
                byline(rng, &mut out);
                out.push('\n');
            }
            out.push('\n');
        }
        Layout::DateHeader => {
            write!(out, " date {} ", iso(v.pub_day)).ok();
        }
        Layout::Dateline => {
            let ap = v.o.style != 2;
            write!(out, "{city_upper}, {} \u{2014} ", month_day(v.pub_day, ap)).ok();
        }
        Layout::Agency => {
            write!(out, "{city_upper} ({agency_tag}) - ").ok();
        }
    }
    let n = parts.paras.len();
    let piece_at = if chrome { 1 + rng.below(n.max(2) - 1) } else { usize::MAX };
    let extra_at = if !chrome && rng.chance(0.3) { 1 + rng.below(n.max(2) - 1) } else { usize::MAX };
    let sub_at =
        if matches!(lay, Layout::Chrome | Layout::Plain) && n > 8 && rng.chance(0.5) { n / 2 } else { usize::MAX };
    for (i, p) in parts.paras.iter().enumerate() {
        if i == sub_at {
            let s = v.filled(rng.one(data::SUBHEADS));
            out.push_str(&s);
            out.push_str("\n\n");
        }
        out.push_str(p);
        out.push_str("\n\n");
        if i == piece_at || i == extra_at || (chrome && i == 0 && rng.chance(0.6)) {
            chrome_piece(v, rng, &mut out);
            out.push_str("\n\n");
        }
    }
    if chrome {
        share(rng, &mut out);
        out.push_str("\n\n");
        donation(v, rng, &mut out);
        out.push_str("\n\n");
        let (y, _, _) = civil_from_days(v.pub_day);
        writeln!(out, "\u{00A9} {y} {}. All rights reserved.", v.outlet_name).ok();
    } else {
        if rng.chance(0.1) {
            share(rng, &mut out);
            out.push('\n');
        }
        while out.ends_with('\n') {
            out.pop();
        }
        out.push('\n');
    }
    out
}

/// Near-verbatim reprint of wire copy: same paragraphs, a few trimmed or retouched.
fn reprint(wire: &Parts, curly: bool, rng: &mut Rng) -> Parts {
    let mut paras = wire.paras.clone();
    if paras.len() > 4 && rng.chance(0.6) {
        let cut = 1 + rng.below(2);
        paras.truncate(paras.len() - cut);
    }
    if curly {
        for p in paras.iter_mut() {
            if p.contains('"') {
                let mut s = String::with_capacity(p.len() + 8);
                let mut open = true;
                for ch in p.chars() {
                    if ch == '"' {
                        s.push(if open { '\u{201C}' } else { '\u{201D}' });
                        open = !open;
                    } else {
                        s.push(ch);
                    }
                }
                *p = s;
            }
        }
    }
    let headline = if rng.chance(0.5) { wire.headline.clone() } else { format!("{} - report", wire.headline) };
    Parts { headline, paras }
}

// ---------------------------------------------------------------- encodings

fn cp1252_byte(c: char) -> Option<u8> {
    let u = c as u32;
    if u < 0x80 || (0xA0..=0xFF).contains(&u) {
        return Some(u as u8);
    }
    Some(match c {
        '€' => 0x80,
        '‚' => 0x82,
        '„' => 0x84,
        '…' => 0x85,
        'Š' => 0x8A,
        'Œ' => 0x8C,
        'Ž' => 0x8E,
        '‘' => 0x91,
        '’' => 0x92,
        '“' => 0x93,
        '”' => 0x94,
        '–' => 0x96,
        '—' => 0x97,
        'š' => 0x9A,
        'œ' => 0x9C,
        'ž' => 0x9E,
        'Ÿ' => 0x9F,
        _ => return None,
    })
}

fn encode(text: String, rng: &mut Rng) -> Vec<u8> {
    let r = rng.below(1000);
    if r < 7 {
        let bytes: Option<Vec<u8>> = text.chars().map(cp1252_byte).collect();
        if let Some(b) = bytes {
            return b;
        }
    } else if r < 17 {
        return text.replace('\n', "\r\n").into_bytes();
    } else if r < 27 {
        let mut b = Vec::with_capacity(text.len() + 3);
        b.extend_from_slice(b"\xEF\xBB\xBF");
        b.extend_from_slice(text.as_bytes());
        return b;
    }
    text.into_bytes()
}

// ---------------------------------------------------------------- corpus

#[derive(Clone, Debug)]
pub struct Config {
    pub seed: u64,
    pub articles: usize,
    pub stories: usize,
    /// When set, generate stories until the corpus reaches this many bytes.
    pub size_bytes: Option<u64>,
    /// All files in one folder instead of one folder per story.
    pub flat: bool,
}

impl Default for Config {
    fn default() -> Self {
        Config { seed: 1, articles: 20_000, stories: 2_000, size_bytes: None, flat: false }
    }
}

pub struct GenArticle {
    /// Relative path inside the corpus folder, `/`-separated.
    pub path: String,
    pub bytes: Vec<u8>,
    /// Story index, for callers that want ground truth on grouping.
    pub story: usize,
}

/// How many articles story `k` gets before any adjustment to an exact total.
fn story_weight(seed: u64, k: usize) -> f64 {
    let mut r = Rng::stream(seed, k as u64, 0x77);
    0.2 + 1.6 * r.unit()
}

/// Articles per story for `--articles N --stories S`, summing exactly to N.
pub fn article_counts(cfg: &Config) -> Vec<usize> {
    let s = cfg.stories.clamp(1, cfg.articles.max(1));
    let w: Vec<f64> = (0..s).map(|k| story_weight(cfg.seed, k)).collect();
    let total: f64 = w.iter().sum();
    let mut counts: Vec<usize> =
        w.iter().map(|x| ((x / total) * cfg.articles as f64).floor().max(1.0) as usize).collect();
    let mut sum: usize = counts.iter().sum();
    let mut k = 0;
    while sum < cfg.articles {
        counts[k % s] += 1;
        sum += 1;
        k += 1;
    }
    while sum > cfg.articles {
        if counts[k % s] > 1 {
            counts[k % s] -= 1;
            sum -= 1;
        }
        k += 1;
    }
    counts
}

fn mean_per_story(cfg: &Config) -> f64 {
    (cfg.articles as f64 / cfg.stories.max(1) as f64).max(1.0)
}

/// Articles per story in `--size-mb` mode, where the number of stories is open-ended.
fn open_count(cfg: &Config, k: usize) -> usize {
    ((mean_per_story(cfg) * story_weight(cfg.seed, k)).round() as usize).max(1)
}

/// All articles of story `k`, `n` of them.
pub fn story_articles(cfg: &Config, k: usize, n: usize) -> Vec<GenArticle> {
    let st = Story::new(cfg.seed, k, n);
    let mut rng = Rng::stream(cfg.seed, k as u64, 0xA271);
    let (agency_name, agency_tag) = data::AGENCIES[st.agency];
    let mut out = Vec::with_capacity(n);
    // A wire story reprinted by some outlets: outlet 0 is the agency itself.
    let reprints = if n >= 3 && rng.chance(0.35) { (1 + rng.below(3)).min(n - 1) } else { 0 };
    let mut wire_parts: Option<Parts> = None;
    for (i, o) in st.outlets.iter().enumerate() {
        let mut arng = Rng::stream(cfg.seed, k as u64, 0x1000 + i as u64);
        let target = 1800 + arng.below(3000) + arng.below(3000);
        let is_wire = reprints > 0 && i == 0;
        let name: &str = if is_wire { agency_name } else { &o.name };
        let mut v = View::new(&st, o, name, &mut arng);
        let text = if is_wire {
            let parts = body_parts(&mut v, target, &mut arng);
            let mut t = layout(&mut v, &parts, Layout::Agency, agency_tag, &mut arng);
            write!(
                t,
                "\n(Reporting by {}; editing by {})\n",
                rng.pick(data::PHOTOGRAPHERS),
                rng.pick(data::PHOTOGRAPHERS)
            )
            .ok();
            wire_parts = Some(parts);
            t
        } else if let (Some(wp), true) = (wire_parts.as_ref(), i <= reprints) {
            // Reprints keep the wire's pub date so the copies are truly near-verbatim.
            v.pub_day = st.day + 1;
            let parts = reprint(wp, o.curly, &mut arng);
            let lay = *arng.pick(&[Layout::Agency, Layout::Agency, Layout::Published, Layout::Chrome]);
            let mut t = layout(&mut v, &parts, lay, agency_tag, &mut arng);
            if lay != Layout::Agency {
                write!(t, "\n\u{2014} {agency_name}\n").ok();
            }
            t
        } else {
            let parts = body_parts(&mut v, target, &mut arng);
            let lay = match arng.below(20) {
                0..=3 => Layout::DateHeader,
                4..=8 => Layout::Dateline,
                9..=12 => Layout::Published,
                13..=17 => Layout::Chrome,
                _ => Layout::Plain,
            };
            layout(&mut v, &parts, lay, agency_tag, &mut arng)
        };
        let slug = if is_wire { agency_tag.to_ascii_lowercase().replace(' ', "-") } else { o.slug.clone() };
        let path = if cfg.flat {
            let h = Rng::stream(cfg.seed, k as u64, 0xF1A7 + i as u64).next_u64() >> 16;
            format!("{h:012x}-{slug}.txt")
        } else {
            format!("story-{k:05}/{i:02}-{slug}.txt")
        };
        out.push(GenArticle { path, bytes: encode(text, &mut arng), story: k });
    }
    out
}

/// Calls `sink` with batches of articles, in story order, until the config's
/// article count or byte size is reached. Batches are generated in parallel.
pub fn generate_batches(cfg: &Config, mut sink: impl FnMut(Vec<GenArticle>)) {
    use rayon::prelude::*;
    const BATCH: usize = 128;
    match cfg.size_bytes {
        None => {
            let counts = article_counts(cfg);
            for chunk_start in (0..counts.len()).step_by(BATCH) {
                let end = (chunk_start + BATCH).min(counts.len());
                let batch: Vec<GenArticle> =
                    (chunk_start..end).into_par_iter().flat_map_iter(|k| story_articles(cfg, k, counts[k])).collect();
                sink(batch);
            }
        }
        Some(limit) => {
            let mut written = 0u64;
            let mut k = 0;
            while written < limit {
                let batch: Vec<Vec<GenArticle>> =
                    (k..k + BATCH).into_par_iter().map(|k| story_articles(cfg, k, open_count(cfg, k))).collect();
                k += BATCH;
                let mut keep = Vec::new();
                'outer: for story in batch {
                    for a in story {
                        if written >= limit {
                            break 'outer;
                        }
                        written += a.bytes.len() as u64;
                        keep.push(a);
                    }
                }
                sink(keep);
            }
        }
    }
}

/// The whole corpus in memory (for benchmarks and tests on small corpora).
pub fn generate(cfg: &Config) -> Vec<GenArticle> {
    let mut all = Vec::new();
    generate_batches(cfg, |b| all.extend(b));
    all
}

#[derive(Default, Debug)]
pub struct Stats {
    pub files: usize,
    pub bytes: u64,
    pub stories: usize,
}

/// Writes the corpus under `out` (created if missing).
pub fn write_corpus(cfg: &Config, out: &Path) -> std::io::Result<Stats> {
    use rayon::prelude::*;
    std::fs::create_dir_all(out)?;
    let mut stats = Stats::default();
    let mut err: Option<std::io::Error> = None;
    let mut last_story = usize::MAX;
    generate_batches(cfg, |batch| {
        if err.is_some() {
            return;
        }
        for a in &batch {
            stats.files += 1;
            stats.bytes += a.bytes.len() as u64;
            if a.story != last_story {
                stats.stories += 1;
                last_story = a.story;
            }
        }
        let mut dirs: Vec<&Path> = batch.iter().filter_map(|a| Path::new(&a.path).parent()).collect();
        dirs.dedup();
        for d in dirs {
            if !d.as_os_str().is_empty()
                && let Err(e) = std::fs::create_dir_all(out.join(d))
            {
                err = Some(e);
                return;
            }
        }
        let r: std::io::Result<()> = batch.par_iter().try_for_each(|a| std::fs::write(out.join(&a.path), &a.bytes));
        if let Err(e) = r {
            err = Some(e);
        }
    });
    match err {
        Some(e) => Err(e),
        None => Ok(stats),
    }
}

#[cfg(test)]
mod tests {
    // Benches compile this module under cfg(test) without running it.
    #[allow(unused_imports)]
    use super::*;

    #[test]
    fn dates_round_trip() {
        for z in [-1000, 0, 1, 19_000, 20_000, 20_500] {
            let (y, m, d) = civil_from_days(z);
            assert_eq!(days_from_civil(y, m as i64, d as i64), z);
        }
        assert_eq!(iso(days_from_civil(2024, 2, 29)), "2024-02-29");
        assert_eq!(weekday(days_from_civil(2025, 3, 14)), "Friday");
    }

    #[test]
    fn deterministic_and_exact_count() {
        let cfg = Config { articles: 300, stories: 30, ..Config::default() };
        let a = generate(&cfg);
        let b = generate(&cfg);
        assert_eq!(a.len(), 300);
        assert!(a.iter().zip(&b).all(|(x, y)| x.path == y.path && x.bytes == y.bytes));
    }

    #[test]
    fn every_template_slot_resolves() {
        let cfg = Config { articles: 2000, stories: 200, ..Config::default() };
        for a in generate(&cfg) {
            let t = String::from_utf8_lossy(&a.bytes);
            assert!(!t.contains('{') && !t.contains('}'), "{}: unresolved slot", a.path);
        }
    }
}

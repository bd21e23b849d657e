//! Gazetteers: the word lists the entity extractor and the resolver consult.
//!
//! The data files live in `data/gazetteers/` and are embedded in the binary
//! with `include_str!`, so `analyze` is self-contained. They are parsed once,
//! on first use ([`GAZ`]). Every parser is lenient: blank lines and `#`
//! comments are skipped, missing columns count as empty, and a malformed line
//! is ignored rather than failing the run.
//!
//! Files and formats (tab-separated, `|` separates list items):
//! * `countries.tsv`: `iso2 name aliases adjectives-and-demonyms`
//! * `regions.tsv`: `name country_iso2 aliases`
//! * `cities.tsv`: `name country_iso2 population is_capital aliases`
//! * `organizations.tsv`: `name kind aliases`, kind one of
//!   `org|outlet|agency|company|gov|party|intl` (`outlet` and `agency` are news
//!   outlets and wire agencies: their entities are marked `outlet`)
//! * `given_names.txt`, `ambiguous_given_names.txt`, `org_words.txt`,
//!   `non_names.txt`: one entry per line
//! * `titles.txt`: `title class` (class honorific, political, military, role,
//!   religious, royal; optional)
//! * `name_variants.txt`: one group of equivalent given-name spellings per
//!   line, the first is the preferred form
//! * `exonyms.tsv`: `canonical variants`
//!
//! Surface forms are matched case-sensitively in running text (so the pronoun
//! "Us" never matches the country "US") and case-insensitively only in
//! all-capitals headlines, where the extractor asks for it.

use crate::model::EntityKind;
use rustc_hash::FxHashMap as HashMap;
use rustc_hash::FxHashSet as HashSet;
use std::sync::LazyLock;

/// What a gazetteer entry names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GazClass {
    Country,
    Region,
    City,
    Organization,
    /// A nationality adjective or demonym ("Ukrainian", "Britons"): not a
    /// place mention, but it tells the extractor a word is no name.
    Demonym,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GazEntry {
    /// Stable key: `country:UA`, `city:UA:Kharkiv`, `region:US:Texas`, `org:Reuters`.
    pub key: String,
    /// Canonical name ("United States", "Kharkiv").
    pub name: String,
    pub class: GazClass,
    pub kind: EntityKind,
    /// News outlet or wire agency.
    pub outlet: bool,
    /// City population (0 when unknown); capitals count as very large.
    pub population: u64,
}

/// One surface form of an entry as written in the data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Form {
    /// The form without a leading "the".
    pub surface: String,
    /// The data wrote it with a leading "the" ("the States"): match it only
    /// after "the" in the text.
    pub needs_the: bool,
    pub entry: usize,
}

/// Class of a title word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TitleClass {
    /// Mr., Dr., Sir: says "person", but is no role.
    Honorific,
    Political,
    Military,
    Role,
    Religious,
    Royal,
}

#[derive(Debug, Default)]
pub struct Gazetteer {
    pub entries: Vec<GazEntry>,
    by_key: HashMap<String, usize>,
    /// Lower-cased surface form (single spaces) → forms.
    forms: HashMap<String, Vec<Form>>,
    /// Most words in any form (bounds the n-gram lookups).
    pub max_form_words: usize,
    given: HashSet<String>,
    ambiguous_given: HashSet<String>,
    org_words: HashSet<String>,
    titles: HashMap<String, TitleClass>,
    pub max_title_words: usize,
    non_names: HashSet<String>,
    /// Lower-cased given-name spelling → lower-cased preferred spelling of its group.
    variants: HashMap<String, String>,
    /// Lower-cased variant → canonical (exonyms: "kharkov" → "Kharkiv").
    exonyms: HashMap<String, String>,
}

/// Organization words the data file may lack: company-form suffixes, sports
/// club words and newsroom words. Matched as written.
const EXTRA_ORG_WORDS: &str = include_str!("../data/gazetteers/org_words_always.txt");

/// Places beyond countries, regions and cities: continents and regions news
/// names often. Added only when the data files lack them.
const EXTRA_PLACES: &str = include_str!("../data/gazetteers/places_always.txt");

/// The raw text of every gazetteer file (a missing file is an empty string).
#[derive(Debug, Default, Clone, Copy)]
pub struct Sources<'a> {
    pub countries: &'a str,
    pub regions: &'a str,
    pub cities: &'a str,
    pub organizations: &'a str,
    pub given_names: &'a str,
    pub ambiguous_given_names: &'a str,
    pub org_words: &'a str,
    pub titles: &'a str,
    pub non_names: &'a str,
    pub name_variants: &'a str,
    pub exonyms: &'a str,
}

/// The embedded gazetteers, parsed on first use.
pub static GAZ: LazyLock<Gazetteer> = LazyLock::new(|| {
    Gazetteer::parse(&Sources {
        countries: include_str!("../data/gazetteers/countries.tsv"),
        regions: include_str!("../data/gazetteers/regions.tsv"),
        cities: include_str!("../data/gazetteers/cities.tsv"),
        organizations: include_str!("../data/gazetteers/organizations.tsv"),
        given_names: include_str!("../data/gazetteers/given_names.txt"),
        ambiguous_given_names: include_str!("../data/gazetteers/ambiguous_given_names.txt"),
        org_words: include_str!("../data/gazetteers/org_words.txt"),
        titles: include_str!("../data/gazetteers/titles.txt"),
        non_names: include_str!("../data/gazetteers/non_names.txt"),
        name_variants: include_str!("../data/gazetteers/name_variants.txt"),
        exonyms: include_str!("../data/gazetteers/exonyms.tsv"),
    })
});

/// Data lines: trimmed, without blanks and `#` comments.
fn lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(|l| l.trim_end_matches(['\r', '\n']))
        .filter(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
}

fn list(field: Option<&str>) -> impl Iterator<Item = &str> {
    field.unwrap_or("").split('|').map(str::trim).filter(|s| !s.is_empty())
}

/// Lower-case with single spaces: the lookup key of a form.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        if w.is_ascii() {
            // most words: no Unicode case table per char (a fold runs per lookup)
            let at = out.len();
            out.push_str(w);
            out[at..].make_ascii_lowercase();
        } else {
            out.extend(w.chars().flat_map(char::to_lowercase));
        }
    }
    out
}

/// Latin letters with diacritics mapped to their base letter. Written by hand
/// because only lookups in the (largely unaccented) name lists need it, and a
/// full Unicode normalisation crate would be a dependency for a dozen lines.
pub fn strip_accents(s: &str) -> String {
    s.chars().map(base_letter).collect()
}

/// The base letter of a lowercase Latin letter with a diacritic ("é" → "e",
/// "ğ" → "g"); any other character as it is. The one accent table: the
/// gazetteer's lookups and the spelling keys of entity resolution use it.
pub fn base_letter(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
        'ç' | 'ć' | 'č' => 'c',
        'ď' | 'đ' => 'd',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => 'e',
        'ğ' => 'g',
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'ı' | 'į' => 'i',
        'ł' | 'ľ' | 'ĺ' => 'l',
        'ñ' | 'ń' | 'ň' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => 'o',
        'ř' | 'ŕ' => 'r',
        'ś' | 'š' | 'ş' | 'ș' => 's',
        'ť' | 'ţ' | 'ț' => 't',
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' => 'u',
        'ý' | 'ÿ' => 'y',
        'ź' | 'ż' | 'ž' => 'z',
        c => c,
    }
}

impl Gazetteer {
    pub fn parse(src: &Sources) -> Gazetteer {
        let mut g = Gazetteer::default();
        let exonyms = g.exonyms(src.exonyms);
        g.countries(src.countries);
        g.regions(src.regions);
        g.cities(src.cities);
        // Exonyms also name places the city file may lack a variant for.
        for (canon, vars) in &exonyms {
            let targets: Vec<usize> =
                g.forms.get(&fold(canon)).map(|fs| fs.iter().map(|f| f.entry).collect()).unwrap_or_default();
            for e in targets {
                if g.entries.get(e).is_some_and(|x| x.kind == EntityKind::Place) {
                    for v in vars {
                        g.add_form(v, e);
                    }
                }
            }
        }
        g.organizations(src.organizations);
        for l in lines(src.given_names) {
            g.given.insert(fold(l.split('\t').next().unwrap_or("")));
        }
        for l in lines(src.ambiguous_given_names) {
            let n = fold(l.split('\t').next().unwrap_or(""));
            g.given.insert(n.clone());
            g.ambiguous_given.insert(n);
        }
        for w in lines(EXTRA_ORG_WORDS) {
            g.org_words.insert(w.trim().to_string());
        }
        for name in lines(EXTRA_PLACES).map(str::trim) {
            if !g.forms.contains_key(&fold(name)) {
                let e = g.add_entry(format!("region::{name}"), name, GazClass::Region, EntityKind::Place, false, 0);
                g.add_form(name, e);
            }
        }
        for l in lines(src.org_words) {
            let w = l.split('\t').next().unwrap_or("").trim();
            if !w.is_empty() {
                g.org_words.insert(w.to_string());
            }
        }
        g.titles(src.titles);
        for l in lines(src.non_names) {
            g.non_names.insert(fold(l));
        }
        for l in lines(src.name_variants) {
            let group: Vec<String> = list(Some(l)).map(fold).collect();
            if let Some(first) = group.first().cloned() {
                for v in group {
                    g.variants.entry(v).or_insert_with(|| first.clone());
                }
            }
        }
        g
    }

    /// `canonical<TAB>variant, variant…`: each variant (folded) maps to its
    /// canonical name; returns the rows for the places pass.
    fn exonyms(&mut self, text: &str) -> Vec<(String, Vec<String>)> {
        let mut rows: Vec<(String, Vec<String>)> = Vec::new();
        for l in lines(text) {
            let mut f = l.split('\t');
            let Some(canon) = f.next().map(str::trim).filter(|s| !s.is_empty()) else { continue };
            let vars: Vec<String> = list(f.next()).map(str::to_string).collect();
            for v in &vars {
                self.exonyms.insert(fold(v), canon.to_string());
            }
            rows.push((canon.to_string(), vars));
        }
        rows
    }

    /// `iso<TAB>name<TAB>aliases<TAB>demonyms`: a country and its demonym entry.
    fn countries(&mut self, text: &str) {
        for l in lines(text) {
            let f: Vec<&str> = l.split('\t').map(str::trim).collect();
            let (Some(iso), Some(name)) = (f.first(), f.get(1)) else { continue };
            if iso.is_empty() || name.is_empty() {
                continue;
            }
            let e =
                self.add_entry(format!("country:{iso}"), name, GazClass::Country, EntityKind::Place, false, u64::MAX);
            self.add_form(name, e);
            for a in list(f.get(2).copied()) {
                self.add_form(a, e);
            }
            let d = self.add_entry(format!("demonym:{iso}"), name, GazClass::Demonym, EntityKind::Other, false, 0);
            for a in list(f.get(3).copied()) {
                self.add_form(a, d);
            }
        }
    }

    /// `name<TAB>country<TAB>aliases`.
    fn regions(&mut self, text: &str) {
        for l in lines(text) {
            let f: Vec<&str> = l.split('\t').map(str::trim).collect();
            let Some(name) = f.first().filter(|s| !s.is_empty()) else { continue };
            let cc = f.get(1).copied().unwrap_or("");
            let e = self.add_entry(format!("region:{cc}:{name}"), name, GazClass::Region, EntityKind::Place, false, 0);
            self.add_form(name, e);
            for a in list(f.get(2).copied()) {
                self.add_form(a, e);
            }
        }
    }

    /// `name<TAB>country<TAB>population<TAB>capital<TAB>aliases`: a capital
    /// outranks any city of its name.
    fn cities(&mut self, text: &str) {
        for l in lines(text) {
            let f: Vec<&str> = l.split('\t').map(str::trim).collect();
            let Some(name) = f.first().filter(|s| !s.is_empty()) else { continue };
            let cc = f.get(1).copied().unwrap_or("");
            let mut pop: u64 = f.get(2).and_then(|p| p.parse().ok()).unwrap_or(0);
            if f.get(3) == Some(&"1") {
                pop = pop.max(u64::MAX / 2);
            }
            let e = self.add_entry(format!("city:{cc}:{name}"), name, GazClass::City, EntityKind::Place, false, pop);
            self.add_form(name, e);
            for a in list(f.get(4).copied()) {
                self.add_form(a, e);
            }
        }
    }

    /// `name<TAB>kind<TAB>aliases`: outlets and agencies are flagged.
    fn organizations(&mut self, text: &str) {
        for l in lines(text) {
            let f: Vec<&str> = l.split('\t').map(str::trim).collect();
            let Some(name) = f.first().filter(|s| !s.is_empty()) else { continue };
            let kind = f.get(1).copied().unwrap_or("org");
            let outlet = matches!(kind, "outlet" | "agency");
            let e = self.add_entry(
                format!("org:{name}"),
                name,
                GazClass::Organization,
                EntityKind::Organization,
                outlet,
                0,
            );
            self.add_form(name, e);
            for a in list(f.get(2).copied()) {
                self.add_form(a, e);
            }
        }
    }

    /// `title<TAB>class`: titles before names, by class.
    fn titles(&mut self, text: &str) {
        for l in lines(text) {
            let mut f = l.split('\t');
            let t = fold(f.next().unwrap_or(""));
            if t.is_empty() {
                continue;
            }
            let class = match f.next().map(str::trim).unwrap_or("") {
                "honorific" => TitleClass::Honorific,
                "political" => TitleClass::Political,
                "military" => TitleClass::Military,
                "religious" => TitleClass::Religious,
                "royal" => TitleClass::Royal,
                _ => TitleClass::Role,
            };
            self.max_title_words = self.max_title_words.max(t.split(' ').count());
            self.titles.insert(t, class);
        }
    }

    fn add_entry(
        &mut self,
        key: String,
        name: &str,
        class: GazClass,
        kind: EntityKind,
        outlet: bool,
        population: u64,
    ) -> usize {
        self.by_key.entry(key.clone()).or_insert(self.entries.len());
        self.entries.push(GazEntry { key, name: name.to_string(), class, kind, outlet, population });
        self.entries.len() - 1
    }

    fn add_form(&mut self, form: &str, entry: usize) {
        let form = form.trim();
        let (surface, needs_the) = match form.strip_prefix("the ").or_else(|| form.strip_prefix("The ")) {
            Some(rest) => (rest.trim(), true),
            None => (form, false),
        };
        if surface.is_empty() {
            return;
        }
        let key = fold(surface);
        self.max_form_words = self.max_form_words.max(key.split(' ').count());
        let v = self.forms.entry(key).or_default();
        if !v.iter().any(|f| f.entry == entry && f.surface == surface && f.needs_the == needs_the) {
            v.push(Form { surface: surface.split_whitespace().collect::<Vec<_>>().join(" "), needs_the, entry });
        }
    }

    /// The best entry for `text` (words separated by single spaces).
    ///
    /// `exact_case`: the form must be written as in the data (running text);
    /// otherwise any case matches (all-capitals headlines), but a form of
    /// three letters or fewer must then be an acronym in the data.
    /// `after_the`: the word before is "the".
    /// Priority when a form names several things: organization, country,
    /// city (capital or larger first), region, demonym; then an entry whose
    /// own name it is before one that lists it as an alias.
    pub fn lookup(&self, text: &str, exact_case: bool, after_the: bool) -> Option<&GazEntry> {
        self.lookup_entry(text, exact_case, after_the).map(|(_, e)| e)
    }

    /// [`Gazetteer::lookup`] with the entry's index.
    pub fn lookup_entry(&self, text: &str, exact_case: bool, after_the: bool) -> Option<(usize, &GazEntry)> {
        let forms = self.forms.get(&fold(text))?;
        let norm: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
        forms
            .iter()
            .filter(|f| !f.needs_the || after_the)
            .filter(|f| {
                if exact_case {
                    f.surface == norm
                } else {
                    f.surface.chars().count() > 3 || f.surface.chars().all(|c| !c.is_lowercase())
                }
            })
            .filter_map(|f| self.entries.get(f.entry).map(|e| (f.entry, e)))
            .min_by_key(|(_, e)| {
                // A city before a region ("Kyiv" the city, not the region "Kyiv
                // City"), the larger city before the smaller ("Odessa" is Odesa,
                // not Odessa, Texas), and an entry's own name before an alias.
                let own = e.name == norm || (!exact_case && e.name.eq_ignore_ascii_case(&norm));
                let rank = match e.class {
                    GazClass::Organization => 0,
                    GazClass::Country => 1,
                    GazClass::City => 2,
                    GazClass::Region => 3,
                    GazClass::Demonym => 4,
                };
                (rank, u64::MAX - e.population, !own)
            })
    }

    pub fn entry_by_key(&self, key: &str) -> Option<&GazEntry> {
        self.by_key.get(key).and_then(|&i| self.entries.get(i))
    }

    /// A given name that on its own says "person" ("Olena", "Sergei").
    pub fn is_given(&self, w: &str) -> bool {
        let f = fold(w);
        if self.given.contains(&f) || self.variants.contains_key(&f) {
            return true;
        }
        // The name lists are mostly unaccented: "Zoë" and "José" are found as "zoe", "jose".
        let plain = strip_accents(&f);
        plain != f && (self.given.contains(&plain) || self.variants.contains_key(&plain))
    }

    /// A given name that is also a common word ("Bill", "May").
    pub fn is_ambiguous_given(&self, w: &str) -> bool {
        self.ambiguous_given.contains(&fold(w))
    }

    /// A head word of organization names ("Ministry", "Bank", "Times"), as written.
    pub fn is_org_word(&self, w: &str) -> bool {
        self.org_words.contains(w)
    }

    pub fn title(&self, words: &str) -> Option<TitleClass> {
        self.titles.get(&fold(words)).copied()
    }

    /// A capitalised word that is no name by itself ("However", "Officials", "Monday").
    pub fn is_non_name(&self, w: &str) -> bool {
        self.non_names.contains(&fold(w))
    }

    /// The preferred spelling of a given name's variant group, lower-cased.
    pub fn given_group<'a>(&'a self, folded: &'a str) -> &'a str {
        self.variants.get(folded).map(String::as_str).unwrap_or(folded)
    }

    /// The canonical form of an exonym ("Kharkov" → "Kharkiv").
    pub fn exonym(&self, name: &str) -> Option<&str> {
        self.exonyms.get(&fold(name)).map(String::as_str)
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub(crate) fn tiny() -> Gazetteer {
        Gazetteer::parse(&Sources {
            countries: "# c\nUS\tUnited States\tU.S.|US|the States\tAmerican|Americans\nUA\tUkraine\t\tUkrainian\nXX\n",
            regions: "Texas\tUS\tTX\n",
            cities: "Kharkiv\tUA\t1400000\t0\tKharkov\nKyiv\tUA\t2900000\t1\tKiev\nParis\tUS\t25000\t0\nParis\tFR\t2100000\t1\n",
            organizations: "Reuters\tagency\t\nBank of England\tgov\tBoE\n",
            given_names: "Sergei\nOlena\n",
            ambiguous_given_names: "May\n",
            org_words: "Ministry\nBank\n",
            titles: "President\tpolitical\nMr.\thonorific\nForeign Minister\tpolitical\nspokeswoman\n",
            non_names: "However\n",
            name_variants: "Sergei|Sergey|Serhiy\n",
            exonyms: "Kharkiv\tKharkov|Charkow\n",
        })
    }

    #[test]
    fn accented_given_names_match_the_plain_list() {
        let g = tiny();
        assert!(g.is_given("Olena"));
        assert!(g.is_given("Sérgei"), "an accented spelling of a listed name");
        assert!(!g.is_given("Zoë"), "not in the tiny list, accented or not");
        assert_eq!(strip_accents("zoë josé łódź"), "zoe jose lodz");
    }

    #[test]
    fn forms_match_case_sensitively_in_running_text() {
        let g = tiny();
        assert_eq!(g.lookup("U.S.", true, false).map(|e| e.key.as_str()), Some("country:US"));
        assert_eq!(g.lookup("US", true, false).map(|e| e.key.as_str()), Some("country:US"));
        assert!(g.lookup("Us", true, false).is_none());
        // In capitals any case matches, but short forms only as acronyms.
        assert_eq!(g.lookup("UKRAINE", false, false).map(|e| e.key.as_str()), Some("country:UA"));
    }

    #[test]
    fn the_forms_need_the() {
        let g = tiny();
        assert!(g.lookup("States", true, false).is_none());
        assert_eq!(g.lookup("States", true, true).map(|e| e.key.as_str()), Some("country:US"));
    }

    #[test]
    fn larger_city_wins_and_exonyms_are_forms() {
        let g = tiny();
        assert_eq!(g.lookup("Paris", true, false).map(|e| e.key.as_str()), Some("city:FR:Paris"));
        assert_eq!(g.lookup("Charkow", true, false).map(|e| e.key.as_str()), Some("city:UA:Kharkiv"));
        assert_eq!(g.exonym("Kharkov"), Some("Kharkiv"));
    }

    #[test]
    fn own_name_beats_alias_but_only_in_its_case() {
        let g = Gazetteer::parse(&Sources {
            countries: "US\tUnited States\tUS\t\n",
            regions: "Kyiv City\tUA\tKyiv\nUs\tXX\t\n",
            cities: "Kyiv\tUA\t2900000\t1\t\n",
            ..Sources::default()
        });
        assert_eq!(g.lookup("Kyiv", true, false).map(|e| e.key.as_str()), Some("city:UA:Kyiv"));
        assert_eq!(g.lookup("US", true, false).map(|e| e.key.as_str()), Some("country:US"));
    }

    #[test]
    fn lists_and_variants() {
        let g = tiny();
        assert!(g.is_given("Sergey"));
        assert!(g.is_ambiguous_given("May"));
        assert_eq!(g.given_group("serhiy"), "sergei");
        assert_eq!(g.title("foreign  minister"), Some(TitleClass::Political));
        assert_eq!(g.title("Spokeswoman"), Some(TitleClass::Role));
        assert!(g.is_org_word("Bank") && !g.is_org_word("bank"));
        assert!(g.is_non_name("however"));
        assert_eq!(g.lookup("Ukrainian", true, false).map(|e| e.class), Some(GazClass::Demonym));
        assert!(g.lookup("Reuters", true, false).is_some_and(|e| e.outlet));
    }
}

//! The closed word classes of `data/lexicon/en/`, parsed once.
//!
//! Each file is embedded with `include_str!`; lines starting with `#` are the
//! header. Parsing never fails on a well-formed file, and the tests below keep
//! the files well formed (sorted, unique, the right number of columns), so a
//! bad edit fails `cargo test` rather than a user's run.

use rustc_hash::FxHashMap as HashMap;
use std::sync::LazyLock;

const STOPWORDS: &str = include_str!("../../data/lexicon/en/stopwords.txt");
const UNITS: &str = include_str!("../../data/lexicon/en/units.tsv");
const HEADS: &str = include_str!("../../data/lexicon/en/heads.tsv");
const PREDICATES: &str = include_str!("../../data/lexicon/en/predicates.tsv");
const SCOPE: &str = include_str!("../../data/lexicon/en/scope.txt");
const BACKGROUND: &str = include_str!("../../data/lexicon/en/background.txt");
const DIRECTIONS: &str = include_str!("../../data/lexicon/en/directions.tsv");
const REVISION: &str = include_str!("../../data/lexicon/en/revision.txt");
const SLOTS: &str = include_str!("../../data/lexicon/en/slots.tsv");
const REPORT_PERIODS: &str = include_str!("../../data/lexicon/en/report-periods.tsv");
const AREAS: &str = include_str!("../../data/lexicon/en/areas.txt");
const KIN: &str = include_str!("../../data/lexicon/en/kin.txt");
const INCIDENTS: &str = include_str!("../../data/lexicon/en/incidents.txt");
const EVENT_NOUNS: &str = include_str!("../../data/lexicon/en/event_nouns.tsv");
const EVENT_VERBS: &str = include_str!("../../data/lexicon/en/event_verbs.tsv");
const MODAL: &str = include_str!("../../data/lexicon/en/modal.txt");
const LASTING: &str = include_str!("../../data/lexicon/en/lasting.txt");
const US_STATES: &str = include_str!("../../data/lexicon/en/us_states.tsv");
const CLAUSE_OPENERS: &str = include_str!("../../data/lexicon/en/clause-openers.txt");
const CONDITIONALS: &str = include_str!("../../data/lexicon/en/conditionals.txt");
const WEAPONS: &str = include_str!("../../data/lexicon/en/weapons.tsv");
const WEAPON_USE: &str = include_str!("../../data/lexicon/en/weapon-use.txt");
const WEAPON_COMPOUNDS: &str = include_str!("../../data/lexicon/en/weapon-compounds.txt");
const ONGOING: &str = include_str!("../../data/lexicon/en/ongoing.tsv");
const QUALIFIERS: &str = include_str!("../../data/lexicon/en/qualifiers.tsv");

/// A unit: its dimension and the factor to the dimension's base unit.
#[derive(Debug, Clone, PartialEq)]
pub struct UnitInfo {
    pub dimension: &'static str,
    pub canonical: &'static str,
    pub factor: f64,
}

/// Every word class, looked up by lowercase surface form or lemma.
#[derive(Debug, Default)]
pub struct Lexicon {
    stopwords: HashMap<&'static str, ()>,
    units: HashMap<&'static str, UnitInfo>,
    heads: HashMap<&'static str, &'static str>,
    predicates: HashMap<&'static str, &'static str>,
    scope_words: HashMap<&'static str, ()>,
    /// Two-word scope phrases ("of them") as (first, second).
    scope_pairs: Vec<(&'static str, &'static str)>,
    background: HashMap<&'static str, ()>,
    directions: HashMap<&'static str, f64>,
    revision: HashMap<&'static str, ()>,
    slots: Vec<(&'static str, &'static str)>,
    report_periods: HashMap<&'static str, &'static str>,
    /// The first words of `report_periods`' forms.
    report_period_starts: HashMap<&'static str, ()>,
    areas: HashMap<&'static str, ()>,
    kin: HashMap<&'static str, ()>,
    incidents: HashMap<&'static str, ()>,
    event_nouns: HashMap<&'static str, &'static str>,
    event_verbs: HashMap<&'static str, &'static str>,
    modal: HashMap<&'static str, ()>,
    lasting: HashMap<&'static str, ()>,
    clause_openers: HashMap<&'static str, ()>,
    conditionals: HashMap<&'static str, ()>,
    /// Weapon lemma → its class's index in `weapons.tsv`, from 1.
    weapons: HashMap<&'static str, usize>,
    weapon_classes: Vec<&'static str>,
    weapon_use: HashMap<&'static str, ()>,
    weapon_compounds: HashMap<&'static str, ()>,
    ongoing: HashMap<&'static str, &'static str>,
    qualifiers: HashMap<&'static str, &'static str>,
    /// Form → (state, its index in the file, from 1).
    us_states: HashMap<&'static str, (&'static str, usize)>,
}

/// Entry lines of a data file: header and blank lines dropped.
pub(crate) fn entries(file: &'static str) -> impl Iterator<Item = &'static str> {
    file.lines().map(str::trim_end).filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// `class<TAB>word word …` lines as word → class.
fn classes(file: &'static str) -> HashMap<&'static str, &'static str> {
    let mut out = HashMap::default();
    for line in entries(file) {
        if let Some((class, words)) = line.split_once('\t') {
            for w in words.split_whitespace() {
                out.insert(w, class);
            }
        }
    }
    out
}

fn set(file: &'static str) -> HashMap<&'static str, ()> {
    entries(file).filter(|l| !l.contains(' ')).map(|l| (l, ())).collect()
}

impl Lexicon {
    fn load() -> Lexicon {
        let units = entries(UNITS)
            .filter_map(|l| {
                let mut f = l.split('\t');
                let (surface, dimension, canonical, factor) = (f.next()?, f.next()?, f.next()?, f.next()?);
                Some((surface, UnitInfo { dimension, canonical, factor: factor.parse().ok()? }))
            })
            .collect();
        let directions = entries(DIRECTIONS)
            .filter_map(|l| {
                let (w, d) = l.split_once('\t')?;
                Some((w, d.parse().ok()?))
            })
            .collect();
        let scope_pairs = entries(SCOPE).filter_map(|l| l.split_once(' ')).collect();
        Lexicon {
            stopwords: set(STOPWORDS),
            units,
            heads: classes(HEADS),
            predicates: classes(PREDICATES),
            scope_words: set(SCOPE),
            scope_pairs,
            background: set(BACKGROUND),
            directions,
            revision: set(REVISION),
            slots: entries(SLOTS).filter_map(|l| l.split_once('\t')).collect(),
            report_periods: entries(REPORT_PERIODS).filter_map(|l| l.split_once('\t')).collect(),
            report_period_starts: entries(REPORT_PERIODS)
                .filter_map(|l| l.split([' ', '\t']).next())
                .map(|w| (w, ()))
                .collect(),
            areas: set(AREAS),
            kin: set(KIN),
            incidents: set(INCIDENTS),
            event_nouns: classes(EVENT_NOUNS),
            event_verbs: classes(EVENT_VERBS),
            modal: set(MODAL),
            lasting: set(LASTING),
            clause_openers: set(CLAUSE_OPENERS),
            conditionals: set(CONDITIONALS),
            weapons: entries(WEAPONS)
                .filter_map(|l| l.split_once('\t'))
                .enumerate()
                .flat_map(|(i, (_, words))| words.split_whitespace().map(move |w| (w, i + 1)))
                .collect(),
            weapon_classes: entries(WEAPONS).filter_map(|l| l.split_once('\t')).map(|(c, _)| c).collect(),
            weapon_use: set(WEAPON_USE),
            weapon_compounds: set(WEAPON_COMPOUNDS),
            ongoing: classes(ONGOING),
            qualifiers: entries(QUALIFIERS).filter_map(|l| l.split_once('\t')).collect(),
            us_states: entries(US_STATES)
                .filter_map(|l| l.split_once('\t'))
                .enumerate()
                .flat_map(|(i, (state, forms))| forms.split_whitespace().map(move |f| (f, (state, i + 1))))
                .collect(),
        }
    }

    pub fn is_stopword(&self, lower: &str) -> bool {
        self.stopwords.contains_key(lower)
    }

    /// A unit by the extractor's code ("km", "USD") or a lowercase unit word.
    pub fn unit(&self, surface: &str) -> Option<&UnitInfo> {
        self.units.get(surface)
    }

    /// The head class of a noun lemma ("temblor" → "quake").
    pub fn head_class(&self, lemma: &str) -> Option<&'static str> {
        self.heads.get(lemma).copied()
    }

    /// The predicate class of a lowercase word ("died" → "killed").
    pub fn predicate_class(&self, lower: &str) -> Option<&'static str> {
        self.predicates.get(lower).copied()
    }

    pub fn is_scope_word(&self, lower: &str) -> bool {
        self.scope_words.contains_key(lower)
    }

    /// A two-word scope phrase starting with `first` and followed by `second`.
    pub fn is_scope_pair(&self, first: &str, second: &str) -> bool {
        self.scope_pairs.iter().any(|&(a, b)| a == first && b == second)
    }

    pub fn is_background(&self, lower: &str) -> bool {
        self.background.contains_key(lower)
    }

    /// The bearing of a compass word in degrees ("northeast" → 45).
    pub fn bearing(&self, lower: &str) -> Option<f64> {
        self.directions.get(lower).copied()
    }

    pub fn is_revision(&self, lower: &str) -> bool {
        self.revision.contains_key(lower)
    }

    /// The reporting period of a one- to three-word lowercase form ("the
    /// nine months" → "nine months").
    pub fn report_period(&self, form: &str) -> Option<&'static str> {
        self.report_periods.get(form).copied()
    }

    /// A word that a `report_period` form starts with.
    pub fn starts_report_period(&self, lower: &str) -> bool {
        self.report_period_starts.contains_key(lower)
    }

    /// A noun for an area a figure can be limited to ("hamlet", "province").
    pub fn is_area(&self, lemma: &str) -> bool {
        self.areas.contains_key(lemma)
    }

    /// A word for a relative ("son", "widow").
    pub fn is_kin(&self, lower: &str) -> bool {
        self.kin.contains_key(lower)
    }

    /// A word naming the moment of the story's incident ("blast", "struck").
    pub fn is_incident(&self, lower: &str) -> bool {
        self.incidents.contains_key(lower)
    }

    /// The class of a noun for a dated event with an outcome ("talk" → "meeting").
    pub fn event_noun(&self, lemma: &str) -> Option<&'static str> {
        self.event_nouns.get(lemma).copied()
    }

    /// The class of a past-tense verb of an event's start or end ("closed" → "ended").
    pub fn event_verb(&self, lower: &str) -> Option<&'static str> {
        self.event_verbs.get(lower).copied()
    }

    /// The class of a noun of an event that goes on for months ("fighting",
    /// "clashes" → `fighting`), by lowercase form or lemma.
    pub fn ongoing(&self, lower: &str, lemma: &str) -> Option<&'static str> {
        self.ongoing.get(lower).or_else(|| self.ongoing.get(lemma)).copied()
    }

    /// A word that makes a sentence a plan or an expectation ("expected").
    /// The qualifier a word gives the number it stands by ("initially" → "initial").
    pub fn qualifier(&self, lower: &str) -> Option<&'static str> {
        self.qualifiers.get(lower).copied()
    }

    pub fn is_modal(&self, lower: &str) -> bool {
        self.modal.contains_key(lower)
    }

    /// A verb of how long something went on ("lasted", "ran").
    pub fn is_lasting(&self, lower: &str) -> bool {
        self.lasting.contains_key(lower)
    }

    /// A word after "and"/"but" that opens another predicate ("and is
    /// backed", "but was").
    pub fn is_clause_opener(&self, lower: &str) -> bool {
        self.clause_openers.contains_key(lower)
    }

    /// A sentence-opening word of a condition ("if", "unless").
    pub fn is_conditional(&self, lower: &str) -> bool {
        self.conditionals.contains_key(lower)
    }

    /// The weapon class of a lemma ("pistol" → handgun) as its index, from 1.
    pub fn weapon(&self, lemma: &str) -> Option<usize> {
        self.weapons.get(lemma).copied()
    }

    /// The name of a weapon class by its index.
    pub fn weapon_name(&self, index: usize) -> Option<&'static str> {
        index.checked_sub(1).and_then(|i| self.weapon_classes.get(i)).copied()
    }

    /// A word before a weapon noun saying it was used ("armed", "with").
    pub fn is_weapon_use(&self, lower: &str) -> bool {
        self.weapon_use.contains_key(lower)
    }

    /// A word after a weapon noun naming the attack ("attack", "slaying").
    pub fn is_weapon_compound(&self, lower: &str) -> bool {
        self.weapon_compounds.contains_key(lower)
    }

    /// A U.S. state from a form news writes ("La.", "LA", "Louisiana",
    /// "New_York" for "New York"), with its index in the table.
    pub fn us_state(&self, form: &str) -> Option<(&'static str, usize)> {
        self.us_states.get(form).copied()
    }

    /// A canonical slot of an event frame: one figure per event.
    pub fn is_slot(&self, dimension: &str, head: &str) -> bool {
        let dimension = if dimension.starts_with("money:") { "money" } else { dimension };
        self.slots.iter().any(|&(d, h)| d == dimension && h == head)
    }
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(Lexicon::load);

/// The English lexicon, parsed on first use.
pub fn lexicon() -> &'static Lexicon {
    &LEXICON
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILES: &[(&str, &str, usize)] = &[
        ("stopwords.txt", STOPWORDS, 1),
        ("units.tsv", UNITS, 4),
        ("heads.tsv", HEADS, 2),
        ("predicates.tsv", PREDICATES, 2),
        ("scope.txt", SCOPE, 1),
        ("background.txt", BACKGROUND, 1),
        ("directions.tsv", DIRECTIONS, 2),
        ("revision.txt", REVISION, 1),
        ("slots.tsv", SLOTS, 2),
        ("areas.txt", AREAS, 1),
        ("kin.txt", KIN, 1),
        ("incidents.txt", INCIDENTS, 1),
        ("event_nouns.tsv", EVENT_NOUNS, 2),
        ("event_verbs.tsv", EVENT_VERBS, 2),
        ("modal.txt", MODAL, 1),
        ("lasting.txt", LASTING, 1),
        ("us_states.tsv", US_STATES, 2),
        ("clause-openers.txt", CLAUSE_OPENERS, 1),
        ("conditionals.txt", CONDITIONALS, 1),
        ("weapons.tsv", WEAPONS, 2),
        ("weapon-use.txt", WEAPON_USE, 1),
        ("weapon-compounds.txt", WEAPON_COMPOUNDS, 1),
        ("ongoing.tsv", ONGOING, 2),
        ("qualifiers.tsv", QUALIFIERS, 2),
        ("unit-forms.tsv", include_str!("../../data/lexicon/en/unit-forms.tsv"), 2),
        ("rate-periods.tsv", include_str!("../../data/lexicon/en/rate-periods.tsv"), 3),
        ("area-units.tsv", include_str!("../../data/lexicon/en/area-units.tsv"), 2),
        ("report-periods.tsv", REPORT_PERIODS, 2),
        ("currencies.tsv", include_str!("../../data/lexicon/en/currencies.tsv"), 4),
        ("approximations.tsv", include_str!("../../data/lexicon/en/approximations.tsv"), 2),
        ("outcome-phrases.tsv", include_str!("../../data/lexicon/en/outcome-phrases.tsv"), 3),
        ("lemmas.tsv", include_str!("../../data/lexicon/en/lemmas.tsv"), 2),
    ];

    #[test]
    fn every_file_has_a_header_and_sorted_unique_entries_with_its_columns() {
        let classes = super::super::classes::CLASS_FILES.iter().map(|&(_, name, file)| (name, file, 1));
        let tables = [
            ("months.tsv", super::super::tables::MONTHS, 4),
            ("weekdays.tsv", super::super::tables::WEEKDAYS, 3),
            ("numbers.tsv", super::super::tables::NUMBERS, 3),
        ];
        for (name, file, columns) in FILES.iter().copied().chain(classes).chain(tables) {
            assert!(file.starts_with('#'), "{name}: no header saying what the entries mean");
            let keys: Vec<&str> = entries(file).map(|l| l.split('\t').next().unwrap_or(l)).collect();
            assert!(!keys.is_empty(), "{name} is empty");
            for pair in keys.windows(2) {
                assert!(pair[0] < pair[1], "{name}: '{}' then '{}' (unsorted or duplicate)", pair[0], pair[1]);
            }
            for l in entries(file) {
                assert_eq!(l.split('\t').count(), columns, "{name}: wrong number of columns in '{l}'");
            }
        }
    }

    #[test]
    fn a_word_belongs_to_one_class() {
        for (name, file) in [("heads.tsv", HEADS), ("predicates.tsv", PREDICATES), ("ongoing.tsv", ONGOING)] {
            let mut seen = std::collections::HashSet::new();
            for line in entries(file) {
                let words = line.split_once('\t').map(|(_, w)| w).unwrap_or("");
                for w in words.split_whitespace() {
                    assert!(seen.insert(w), "{name}: '{w}' is in two classes");
                }
            }
        }
    }

    #[test]
    fn units_convert_to_their_base() {
        let lx = lexicon();
        let mile = lx.unit("mile").expect("mile");
        assert_eq!(mile.dimension, "length");
        assert!((mile.factor - 1.609344).abs() < 1e-9);
        assert_eq!(lx.unit("minute").map(|u| u.factor), Some(60.0));
        assert_eq!(lx.unit("EUR").map(|u| u.dimension), Some("money:EUR"));
        assert_ne!(lx.unit("EUR").map(|u| u.dimension), lx.unit("USD").map(|u| u.dimension));
    }

    #[test]
    fn classes_group_news_synonyms() {
        let lx = lexicon();
        assert_eq!(lx.head_class("temblor"), lx.head_class("earthquake"));
        assert_eq!(lx.predicate_class("died"), Some("killed"));
        assert_ne!(lx.predicate_class("wounded"), lx.predicate_class("killed"));
        assert_eq!(lx.bearing("northeast"), Some(45.0));
        assert!(lx.is_scope_pair("of", "them") && !lx.is_scope_pair("of", "a"));
        assert!(lx.is_stopword("the") && !lx.is_stopword("quake"));
    }
}

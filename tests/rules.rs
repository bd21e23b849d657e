//! Every rule of `data/rules/en/*.toml` with its examples, run through the
//! library as a user's article would be: `pipeline::extract_given` on the
//! example text, published on the file's `published` day. A fire example
//! names the span that must be extracted and the fields it must have; a
//! no-fire example names a span that no extracted item may overlap (for
//! quotes: the quote and the speaker it must, or must not, be given). A rule
//! without both kinds of example, an unknown date rule family, a duplicate
//! id or a failing example fails the test; `known_failure` (with a reason)
//! lets an example fail while it is listed, and fails once it passes.

use analyze::extract::dates::DateRule;
use analyze::extract::entities::Rule as EntityRule;
use analyze::model::{ArticleRecord, DateMention, Mention, Quantity, Quote};
use analyze::pipeline::{Extracted, GivenMeta, extract_given};
use serde::Deserialize;
use std::collections::HashSet;

#[path = "rules/doc.rs"]
mod doc;

#[derive(Deserialize)]
struct RuleFile {
    published: String,
    rule: Vec<Rule>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Rule {
    id: String,
    #[serde(default)]
    family: Option<String>,
    doc: String,
    #[serde(default)]
    fire: Vec<Example>,
    #[serde(default)]
    no_fire: Vec<Example>,
    #[serde(default)]
    known_failure: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Example {
    text: String,
    span: String,
    value: Option<toml::Value>,
    high: Option<f64>,
    unit: Option<String>,
    counts: Option<String>,
    approx: Option<String>,
    ordinal: Option<bool>,
    qualifier: Option<String>,
    /// Quotes: the speaker phrase the quote at `span` is given (fire) or must not be (no_fire).
    speaker: Option<String>,
    /// Entities: the kind the mention at `span` must have (`person`, `organization`, `place`, `other`).
    kind: Option<String>,
    /// Entities: the user's alias file (TOML) the example runs with.
    aliases: Option<String>,
}

/// Which extractor a rule file's examples run through.
#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Dates,
    Quantities,
    Quotes,
    Entities,
}

fn load(name: &str, text: &str) -> RuleFile {
    toml::from_str(text).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn record(text: &str, published: &str, aliases: Option<&str>) -> ArticleRecord {
    let meta =
        GivenMeta { published: Some(published.to_string()), headline: Some("Rule example".into()), outlet: None };
    let aliases = aliases.map(|a| analyze::aliases::parse(a).unwrap_or_else(|e| panic!("aliases of {text:?}: {e:?}")));
    match extract_given("example", text.to_string(), &meta, aliases.as_ref()) {
        Extracted::Article(r) => *r,
        Extracted::Skipped(w) => panic!("example skipped: {}", w.message),
    }
}

/// Byte range of the span in the example text.
fn range(ex: &Example) -> (usize, usize) {
    let a = ex.text.find(&ex.span).unwrap_or_else(|| panic!("span {:?} is not in {:?}", ex.span, ex.text));
    (a, a + ex.span.len())
}

fn date_fires(ex: &Example, family: &str, dates: &[DateMention]) -> bool {
    let value = ex.value.as_ref().and_then(|v| v.as_str());
    dates.iter().any(|d| d.text == ex.span && d.rule == family && (value.is_none() || d.value.as_deref() == value))
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

fn quantity_fires(ex: &Example, qs: &[&Quantity]) -> bool {
    let value = ex.value.as_ref().and_then(|v| v.as_float().or_else(|| v.as_integer().map(|i| i as f64)));
    qs.iter().any(|q| {
        let approx = serde_json::to_value(q.approx).ok();
        q.text == ex.span
            && value.is_none_or(|v| close(q.value, v))
            && ex.high.is_none_or(|h| q.high.is_some_and(|qh| close(qh, h)))
            && ex.unit.as_ref().is_none_or(|u| q.unit.as_ref() == Some(u))
            && ex.counts.as_ref().is_none_or(|c| q.counts.as_ref() == Some(c))
            && ex.approx.as_ref().is_none_or(|a| approx.as_ref().and_then(|v| v.as_str()) == Some(a.as_str()))
            && ex.ordinal.is_none_or(|o| q.ordinal == o)
            && ex.qualifier.as_ref().is_none_or(|k| q.qualifiers.contains(k))
    })
}

fn kind_name(m: &Mention) -> String {
    serde_json::to_value(m.kind).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default()
}

/// An entity example: fire needs a mention with the span's text found by the rule (with `kind`,
/// when given); no_fire needs no mention of the rule overlapping the span.
fn entity_example_holds(ex: &Example, fire: bool, rule: &str, mentions: &[Mention], (a, b): (usize, usize)) -> bool {
    if fire {
        mentions
            .iter()
            .any(|m| m.text == ex.span && m.rule == rule && ex.kind.as_ref().is_none_or(|k| kind_name(m) == *k))
    } else {
        !mentions.iter().any(|m| m.rule == rule && m.start < b && m.end > a)
    }
}

fn speaker_of(q: &Quote) -> Option<&str> {
    q.speaker_mention.as_ref().map(|m| m.text.as_str())
}

/// A quote example: fire needs the quote at `span` with `speaker` (when given); no_fire needs that
/// quote, found, and not given `speaker`, or, with no speaker named, no quote overlapping the span.
fn quote_example_holds(ex: &Example, fire: bool, quotes: &[Quote], (a, b): (usize, usize)) -> bool {
    let at = quotes.iter().find(|q| q.text == ex.span);
    match (fire, ex.speaker.as_deref()) {
        (true, want) => at.is_some_and(|q| want.is_none_or(|w| speaker_of(q) == Some(w))),
        (false, Some(wrong)) => at.is_some_and(|q| speaker_of(q) != Some(wrong)),
        (false, None) => !quotes.iter().any(|q| q.start < b && q.end > a),
    }
}

/// Runs one rule's examples; the failures as readable lines.
fn run_rule(rule: &Rule, published: &str, kind: Kind) -> Vec<String> {
    let mut failures = Vec::new();
    let family = rule.family.as_deref().unwrap_or("");
    for (fire, examples) in [(true, &rule.fire), (false, &rule.no_fire)] {
        for ex in examples {
            let r = record(&ex.text, published, ex.aliases.as_deref());
            let (a, b) = range(ex);
            let quantities: Vec<&Quantity> = r.claims.iter().flat_map(|c| c.quantities.iter()).collect();
            let ok = match (kind, fire) {
                (Kind::Dates, true) => date_fires(ex, family, &r.dates),
                (Kind::Dates, false) => !r.dates.iter().any(|d| d.start < b && d.end > a),
                (Kind::Quantities, true) => quantity_fires(ex, &quantities),
                (Kind::Quantities, false) => !quantities.iter().any(|q| q.start < b && q.end > a),
                (Kind::Quotes, _) => quote_example_holds(ex, fire, &r.quotes, (a, b)),
                (Kind::Entities, _) => entity_example_holds(ex, fire, &rule.id, &r.mentions, (a, b)),
            };
            if !ok {
                let found: Vec<String> = match kind {
                    Kind::Dates => r.dates.iter().map(|d| format!("{:?}={:?} ({})", d.text, d.value, d.rule)).collect(),
                    Kind::Quantities => quantities
                        .iter()
                        .map(|q| format!("{:?}={} {:?} {:?}", q.text, q.value, q.unit, q.counts))
                        .collect(),
                    Kind::Quotes => r.quotes.iter().map(|q| format!("{:?} by {:?}", q.text, speaker_of(q))).collect(),
                    Kind::Entities => {
                        r.mentions.iter().map(|m| format!("{:?} {} ({})", m.text, kind_name(m), m.rule)).collect()
                    }
                };
                let kind = if fire { "fire" } else { "no_fire" };
                failures.push(format!("{}: {kind} {:?} / {:?}: found {found:?}", rule.id, ex.text, ex.span));
            }
        }
    }
    failures
}

fn check(name: &str, text: &str, kind: Kind) -> usize {
    let file = load(name, text);
    let families: HashSet<&str> = DateRule::ALL.iter().map(|r| r.as_str()).collect();
    let mut ids = HashSet::new();
    let mut problems = Vec::new();
    for rule in &file.rule {
        if !ids.insert(rule.id.as_str()) {
            problems.push(format!("{name}: duplicate id {}", rule.id));
        }
        if rule.fire.is_empty() || rule.no_fire.is_empty() || rule.doc.trim().is_empty() {
            problems.push(format!("{}: needs a doc line, fire and no_fire examples", rule.id));
        }
        if kind == Kind::Entities && !EntityRule::ALL.iter().any(|r| r.id() == rule.id && r.id() != "") {
            problems.push(format!("{}: not an entity rule of src/extract/entities/rules.rs", rule.id));
        }
        if kind == Kind::Dates && !rule.family.as_deref().is_some_and(|f| families.contains(f)) {
            problems.push(format!("{}: unknown date rule family {:?}", rule.id, rule.family));
        }
        let failures = run_rule(rule, &file.published, kind);
        match (&rule.known_failure, failures.is_empty()) {
            (Some(reason), true) => problems.push(format!("{}: listed as failing ({reason}) but passes", rule.id)),
            (Some(reason), false) if reason.trim().is_empty() => {
                problems.push(format!("{}: known_failure needs a reason", rule.id))
            }
            (Some(_), false) => {}
            (None, _) => problems.extend(failures),
        }
    }
    assert!(problems.is_empty(), "{name}: {} problem(s):\n{}", problems.len(), problems.join("\n"));
    file.rule.len()
}

#[test]
fn date_rules_fire_and_hold_back_on_their_examples() {
    let n = check("dates.toml", include_str!("../data/rules/en/dates.toml"), Kind::Dates);
    assert!(n >= 100, "{n} date rules");
}

#[test]
fn quantity_rules_fire_and_hold_back_on_their_examples() {
    let n = check("quantities.toml", include_str!("../data/rules/en/quantities.toml"), Kind::Quantities);
    assert!(n >= 50, "{n} quantity rules");
}

#[test]
fn quote_rules_fire_and_hold_back_on_their_examples() {
    let n = check("quotes.toml", include_str!("../data/rules/en/quotes.toml"), Kind::Quotes);
    assert!(n >= 10, "{n} quote rules");
}

#[test]
fn entity_rules_fire_and_hold_back_on_their_examples() {
    let n = check("entities.toml", include_str!("../data/rules/en/entities.toml"), Kind::Entities);
    assert!(n >= 40, "{n} entity rules");
}

#[test]
fn every_entity_rule_has_examples() {
    let file = load("entities.toml", include_str!("../data/rules/en/entities.toml"));
    let listed: HashSet<&str> = file.rule.iter().map(|r| r.id.as_str()).collect();
    let missing: Vec<&str> =
        EntityRule::ALL.iter().map(|r| r.id()).filter(|id| !id.is_empty() && !listed.contains(id)).collect();
    assert!(missing.is_empty(), "entity rules without examples: {missing:?}");
}

#[test]
fn every_date_rule_family_has_rules_with_examples() {
    let file = load("dates.toml", include_str!("../data/rules/en/dates.toml"));
    let used: HashSet<&str> = file.rule.iter().filter_map(|r| r.family.as_deref()).collect();
    let missing: Vec<&str> = DateRule::ALL.iter().map(|r| r.as_str()).filter(|f| !used.contains(f)).collect();
    assert!(missing.is_empty(), "date rule families without examples: {missing:?}");
}

/// `docs/RULES.md` ends with the catalogue written from the rule files;
/// `UPDATE_RULES_DOC=1 cargo test --test rules` rewrites it.
#[test]
fn the_rule_catalogue_in_docs_is_current() {
    let dates = load("dates.toml", include_str!("../data/rules/en/dates.toml"));
    let quantities = load("quantities.toml", include_str!("../data/rules/en/quantities.toml"));
    let quotes = load("quotes.toml", include_str!("../data/rules/en/quotes.toml"));
    let entities = load("entities.toml", include_str!("../data/rules/en/entities.toml"));
    let want = doc::catalogue(&[
        ("dates.toml", "Date rules", &dates),
        ("quantities.toml", "Quantity rules", &quantities),
        ("quotes.toml", "Quote rules", &quotes),
        ("entities.toml", "Entity rules", &entities),
    ]);
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/RULES.md");
    let current = std::fs::read_to_string(path).expect("docs/RULES.md");
    let head = current.find(doc::MARKER).map_or(current.as_str(), |i| &current[..i]);
    if std::env::var_os("UPDATE_RULES_DOC").is_some() {
        std::fs::write(path, format!("{head}{want}")).expect("write docs/RULES.md");
        return;
    }
    assert!(
        current.ends_with(&want) && current.len() == head.len() + want.len(),
        "docs/RULES.md is stale: run `UPDATE_RULES_DOC=1 cargo test --test rules` and commit it"
    );
}

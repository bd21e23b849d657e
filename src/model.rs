//! The typed model: every stage reads and writes these types, and the JSON
//! report is their serde form.
//!
//! Offsets: every `start`/`end` is a byte offset into the article file as it
//! is on disk, `end` exclusive. For UTF-8 files (with or without BOM) `text`
//! equals the file's bytes in `[start, end)`. For a file decoded as
//! Windows-1252 the offsets still point into the raw file, and `text` is the
//! decoded form of those bytes.
//!
//! Two layers:
//! * [`ArticleRecord`] is everything extracted from one article on its own
//!   (the map step; one line of `--format jsonl`). Entity references inside it
//!   are *local* cluster indices into `ArticleRecord::local_entities`.
//! * [`Report`] is the corpus after resolution and comparison, with global
//!   entity ids.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

mod str_list;
pub use str_list::StrList;

/// An article's id, shared (not copied) by every item that names its article:
/// a corpus holds millions of items, and the id is a path of 40-100 bytes.
pub type ArticleId = std::sync::Arc<str>;

/// Version of the JSON report layout. Bump on incompatible changes.
pub const SCHEMA_VERSION: u32 = 1;

/// A span of an article: byte offsets into the file and the exact text.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

/// A span that also names its article (used where items of several articles
/// are listed together, e.g. comparison evidence and entity mentions).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
pub struct Evidence {
    pub article: ArticleId,
    pub start: usize,
    pub end: usize,
    pub text: String,
}

// ------------------------------------------------------------------ articles

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub enum TextEncoding {
    #[default]
    #[serde(rename = "utf-8")]
    Utf8,
    #[serde(rename = "utf-8-bom")]
    Utf8Bom,
    #[serde(rename = "windows-1252")]
    Windows1252,
    /// With a byte order mark, kept in the text as U+FEFF.
    #[serde(rename = "utf-16le")]
    Utf16Le,
    #[serde(rename = "utf-16be")]
    Utf16Be,
}

/// How an article's publication date was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DateSource {
    /// ` date 2025-03-14 ` header glued to the body.
    Header,
    /// A `Date:` / `Published:` / `Updated:` line.
    DateLine,
    /// An ISO 8601 timestamp near the top of the file.
    Timestamp,
    /// A wire dateline that states the full date.
    Dateline,
    /// A dateline or other partial date whose year was inferred.
    Inferred,
    /// The date field of a scraper record (news-please, trafilatura).
    Record,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum BlockKind {
    Headline,
    Paragraph,
    Subheading,
    Caption,
    Credit,
    SocialPost,
    Boilerplate,
    /// A `date`/`source:`/`Published:` header line.
    Metadata,
    /// A dateline on a line of its own (`LONDON 1996-08-22`).
    Dateline,
}

impl BlockKind {
    /// Blocks whose words count as the article's own content for extraction.
    pub fn is_content(self) -> bool {
        matches!(
            self,
            BlockKind::Headline
                | BlockKind::Paragraph
                | BlockKind::Subheading
                | BlockKind::SocialPost
                | BlockKind::Dateline
        )
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Block {
    pub kind: BlockKind,
    pub start: usize,
    pub end: usize,
    /// The block's text. Paragraph blocks leave it out to keep reports small;
    /// their text is the file's bytes at `[start, end)`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// Why a block was classified as it was (boilerplate, caption, …).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

/// A sentence, by offsets only (its text is in the file).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct SentenceSpan {
    pub start: usize,
    pub end: usize,
    /// Index of the block holding the sentence.
    pub block: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Dateline {
    /// The place as written ("NAIROBI", "WASHINGTON").
    pub place: String,
    /// Agency named in the dateline ("Reuters" in `WASHINGTON (Reuters) -`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agency: Option<String>,
    /// Month and day when the dateline states them, as `--MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub month_day: Option<String>,
    pub span: Span,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum OutletSource {
    /// A site banner ("Support The X!", "A Message from The X").
    Banner,
    /// An agency tag in a dateline.
    Dateline,
    /// A `source:` header line.
    SourceHeader,
    /// A copyright line ("© 2025 The X").
    Copyright,
    /// The site field of a scraper record; the span is empty.
    Record,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct OutletEvidence {
    pub source: OutletSource,
    pub span: Span,
}

/// One article: where it came from and its structure.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Article {
    /// Stable id: the path as given on the command line, with `/` separators.
    pub id: ArticleId,
    pub path: String,
    pub encoding: TextEncoding,
    #[serde(default)]
    pub bytes: usize,
    #[serde(default)]
    pub words: usize,
    /// Publication date `YYYY-MM-DD`, or null when the text gives no basis.
    pub published: Option<String>,
    pub published_source: Option<DateSource>,
    /// The text the date was read from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published_evidence: Option<Span>,
    pub outlet: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outlet_evidence: Option<OutletEvidence>,
    pub headline: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub headline_span: Option<Span>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dateline: Option<Dateline>,
    /// Full detail only (`--detail full`), as are `bytes`, `words`,
    /// `sentence_count`, `boilerplate_blocks` and the spans metadata was read
    /// from (`published_evidence`, `outlet_evidence`, `headline_span`,
    /// `dateline`).
    #[serde(default)]
    pub blocks: Vec<Block>,
    #[serde(default)]
    pub sentence_count: usize,
    /// Number of blocks classified as boilerplate.
    #[serde(default)]
    pub boilerplate_blocks: usize,
    /// FNV-1a 64 of the decoded text (`fnv1a64:` + 16 hex digits): lets
    /// `--baseline` recognise an article that was renamed or moved.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content_hash: Option<String>,
}

// ------------------------------------------------------------------ entities

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum EntityKind {
    Person,
    Organization,
    Place,
    Other,
}

/// One occurrence of an entity name in an article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub kind: EntityKind,
    /// Index into `ArticleRecord::local_entities`.
    pub local: usize,
    /// The rule that found it (`gazetteer/country`, `title+name`, …).
    pub rule: String,
}

/// An entity as one article knows it, before corpus-wide resolution.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct LocalEntity {
    /// The fullest form the article uses ("Sergei Lavrov").
    pub name: String,
    pub kind: EntityKind,
    /// News outlet or agency.
    #[serde(default)]
    pub outlet: bool,
    /// Roles and titles as the article states them ("foreign minister").
    #[serde(default)]
    pub roles: Vec<String>,
    /// Gazetteer key when the name was found in a gazetteer (e.g. `country:UA`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gazetteer: Option<String>,
}

/// A spelling of an entity and the articles that use it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Spelling {
    pub form: String,
    pub articles: Vec<String>,
}

/// An entity after corpus-wide resolution.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Entity {
    pub id: String,
    pub name: String,
    pub kind: EntityKind,
    #[serde(default)]
    pub outlet: bool,
    /// Every other surface form seen.
    pub aliases: Vec<String>,
    #[serde(default)]
    pub roles: Vec<String>,
    /// Full detail only (`--detail full`); `comparison.name_variants` lists
    /// the spellings that differ.
    #[serde(default)]
    pub spellings: Vec<Spelling>,
    /// Mentions per article id. Full detail only.
    #[serde(default)]
    pub mention_counts: BTreeMap<String, usize>,
    pub mentions: Vec<Evidence>,
}

// ------------------------------------------------------------------ quotes

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum QuoteKind {
    /// One or more full sentences of speech.
    Full,
    /// A phrase quoted inside the writer's sentence.
    Partial,
    /// Scare quotes: marks around a word the writer distances from.
    Scare,
    /// A title or name in quote marks (a film, a nickname).
    Title,
    /// The text of an embedded social-media post.
    Social,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Quote {
    pub id: String,
    pub article: ArticleId,
    pub start: usize,
    pub end: usize,
    /// The quoted words without the marks.
    pub text: String,
    pub kind: QuoteKind,
    /// Global entity id of the speaker (filled by resolution).
    pub speaker: Option<String>,
    /// The speaker's local entity index in the article (before resolution).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker_local: Option<usize>,
    /// The mention that attributes the quote (a name, pronoun or role).
    pub speaker_mention: Option<Span>,
    /// The speaker's name as resolved in the article (for display).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker_name: Option<String>,
    pub cue: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cue_span: Option<Span>,
    /// The quote continues a quotation opened in an earlier paragraph.
    #[serde(default)]
    pub continued: bool,
    /// The span of the whole sentence(s) holding the quote, for evidence.
    /// Full detail only, as are `speaker_local`, `speaker_name`, `cue_span`
    /// and `continued`.
    #[serde(default)]
    pub sentence_start: usize,
    #[serde(default)]
    pub sentence_end: usize,
}

// ------------------------------------------------------------------ dates

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DateKind {
    Date,
    Time,
    Duration,
    Set,
}

/// What a resolved value depends on.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Anchor {
    /// The value is absolute; it needs no anchor.
    #[default]
    Absolute,
    /// Resolved against the article's stated publication date.
    Published,
    /// Resolved against a date inferred for the article.
    Inferred,
    /// Relative, with no anchor available: value is null.
    None,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct DateMention {
    pub article: ArticleId,
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub kind: DateKind,
    /// TIMEX3-style value: `2025-03-09`, `2025-03`, `2025-W10`, `P3D`, `XXXX-WXX-2`…
    pub value: Option<String>,
    /// Full detail only, as are `expr` and `rule`.
    #[serde(default)]
    pub anchor: Anchor,
    /// The unresolved form, so that the value can be resolved again when the
    /// anchor is only known after the corpus is read (e.g. `rel:day:-1`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expr: Option<String>,
    /// The rule that found it.
    #[serde(default)]
    pub rule: String,
}

// ------------------------------------------------------------------ quantities and claims

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Approx {
    #[default]
    Exact,
    /// about, around, some, roughly, close to, approximately
    About,
    /// nearly, almost, just under
    Nearly,
    /// at least, no fewer than
    AtLeast,
    /// more than, over, upwards of
    MoreThan,
    /// fewer than, less than, under, up to
    LessThan,
    /// at most, up to
    AtMost,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Quantity {
    pub value: f64,
    /// Upper bound of a range ("1,500 to 2,000").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub high: Option<f64>,
    /// Full detail only, as are `counts`, `qualifiers`, `ordinal`, `start`
    /// and `end`.
    #[serde(default)]
    pub approx: Approx,
    /// Unit: `EUR`, `USD`, `percent`, `hour`, `km2`, `point`… or null for a
    /// bare count.
    pub unit: Option<String>,
    /// What is counted, as a lemma of the head noun ("people", "report", "plan").
    pub counts: Option<String>,
    /// Words that change the meaning ("initial", "revised", "last year").
    #[serde(default)]
    pub qualifiers: Vec<String>,
    #[serde(default)]
    pub ordinal: bool,
    #[serde(default)]
    pub start: usize,
    #[serde(default)]
    pub end: usize,
    pub text: String,
}

/// Who asserts a claim.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum Assertion {
    /// The article's own voice.
    #[default]
    Article,
    /// A person, organization or outlet the article attributes it to.
    Attributed {
        name: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        entity: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        local: Option<usize>,
        #[serde(default)]
        outlet: bool,
        cue: String,
        span: Span,
    },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Claim {
    pub id: String,
    pub article: ArticleId,
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub quantities: Vec<Quantity>,
    /// Indices into the article's dates that fall inside the claim. Full
    /// detail only, as are all the fields below.
    #[serde(default)]
    pub dates: Vec<usize>,
    /// Local entity indices mentioned in the claim (global ids after resolution).
    #[serde(default)]
    pub entities: StrList,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub local_entities: Vec<usize>,
    #[serde(default)]
    pub asserted_by: Assertion,
    /// Negation or outcome polarity words found ("not", "postponed", …).
    #[serde(default, skip_serializing_if = "StrList::is_empty")]
    pub polarity: StrList,
    /// The clauses of the sentence, each with its content terms
    /// (`extract::frames`): the units statements are compared by.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub clauses: Vec<Clause>,
    /// A typed fact frame per comparable quantity (`extract::frames`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub facts: Vec<Fact>,
}

/// A clause of a claim sentence: `[start, end)` in the file and its content
/// terms (lowercase lemmas without stopwords, numbers as `#value`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Clause {
    pub start: usize,
    pub end: usize,
    /// The clause's place inside the claim's decoded `text` (`start`/`end`
    /// are file offsets, which differ for Windows-1252 files).
    pub text_start: usize,
    pub text_end: usize,
    // Sorted and unique. A `StrList`, not a `Vec<String>`: the terms were
    // the largest part of a claim's memory. (A `//` comment: doc comments
    // become schema descriptions.)
    pub terms: StrList,
    /// Negation in the clause ("not", "no", "never", "denied").
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub negated: bool,
    /// Compass words in the clause, as bearings in degrees.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub bearings: Vec<f64>,
    /// Places the clause locates something at ("near Cobb", "in Odesa"):
    /// local entity indices (global ids after resolution go through the
    /// record's entity map).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub located_at: Vec<usize>,
}

/// What one quantity of a claim states, typed so that the comparison never
/// re-reads the text: the value as an interval in the dimension's base unit,
/// what is counted or measured, what happened to it, and the markers that make
/// it a part of another figure or a figure of another event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Fact {
    /// Index into the claim's `quantities`; for a time of day (not a
    /// quantity), the number of quantities.
    pub quantity: usize,
    /// The value as written, for facts that are not one of the claim's
    /// quantities (a time of day: "2:53 p.m. local time").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub written: Option<String>,
    /// Index into the claim's `clauses`.
    pub clause: usize,
    /// `count`, `magnitude`, `percent`, `length`, `duration`, `area`, `mass`,
    /// `money:USD` (each currency its own dimension)…
    pub dimension: String,
    /// The value in base units (km, second, km², kg; money in its currency).
    pub value: f64,
    /// Lower and upper bound the text allows; `hi` null = no upper bound.
    pub lo: f64,
    pub hi: Option<f64>,
    /// The written value is open ("more than", "at least", "up to").
    #[serde(default)]
    pub open: bool,
    /// What is counted or measured: a head class from the lexicon
    /// (`quake`, `people`, `bomb`, `depth`, `distance`) or the head lemma.
    pub head: Option<String>,
    /// What happened to it: a predicate class (`killed`, `injured`, `dropped`).
    pub predicate: Option<String>,
    /// For distances: the bearing and the place it is measured from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bearing: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
    /// Markers that make it a part, addition or subset ("another", "of them").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub scope: Vec<String>,
    /// It is the figure of another event (a record, an earlier year).
    #[serde(default)]
    pub background: bool,
    /// The sentence says the figure replaces an earlier one.
    #[serde(default)]
    pub revised: bool,
    /// The reporting period it covers ("third quarter", "nine months"), from
    /// `report-periods.tsv`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<String>,
    /// Content lemmas near the number, for scoring two facts as the same.
    pub context: Vec<String>,
}

/// An article attributing something to another outlet or agency.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Citation {
    pub article: ArticleId,
    /// The cited outlet as written.
    pub outlet: String,
    pub cue: String,
    pub evidence: Evidence,
}

// ------------------------------------------------------------------ per-article record

/// A problem with one input file. Warnings never stop the run.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
pub struct Warning {
    pub path: String,
    pub kind: WarningKind,
    pub message: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum WarningKind {
    Unreadable,
    Binary,
    Empty,
    /// Decoded as Windows-1252.
    Encoding,
    UnbalancedQuote,
    Other,
    /// Invalid UTF-8 or UTF-16 replaced by U+FFFD; the article is kept.
    InvalidBytes,
    /// Control characters replaced by spaces; the article is kept.
    ControlCharacters,
    /// A FIFO, socket or device: never opened, so a run cannot hang on it.
    SpecialFile,
    /// A symbolic link back to a folder being walked; not followed.
    SymlinkLoop,
    /// Files reached again through another path or link; read once.
    Duplicate,
    /// Files in a walked folder whose extension is not an article extension.
    NotArticle,
    /// A sentence too long to analyse as one; split at safe points.
    LongSentence,
}

/// Everything extracted from one article, self-contained (one jsonl line).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ArticleRecord {
    pub article: Article,
    pub local_entities: Vec<LocalEntity>,
    pub mentions: Vec<Mention>,
    pub quotes: Vec<Quote>,
    pub dates: Vec<DateMention>,
    pub claims: Vec<Claim>,
    pub citations: Vec<Citation>,
    pub warnings: Vec<Warning>,
    /// Sketch for story grouping and near-duplicate detection.
    pub sketch: Sketch,
}

/// A compact fingerprint of an article's content.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Sketch {
    /// MinHash signature over word shingles (near-duplicate detection).
    pub minhash: Vec<u64>,
    /// Distinctive terms: names and rare content words, hashed, sorted.
    pub terms: Vec<u64>,
    /// A coarse key a distributed engine can partition on.
    pub story_key: String,
}

// ------------------------------------------------------------------ comparison

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Story {
    pub id: String,
    /// A short label (the most shared names and words).
    pub label: String,
    pub articles: Vec<String>,
}

/// Articles that are copies or near-copies of one another.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct SyndicationGroup {
    /// The article taken as the original (earliest, else first by id).
    pub original: String,
    pub copies: Vec<String>,
    /// Estimated Jaccard similarity of their word shingles.
    pub similarity: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct TopicValue {
    pub value: String,
    pub articles: Vec<ArticleId>,
    pub evidence: Vec<Evidence>,
    /// Who gave this value in the articles ("police", "organisers"), when the
    /// sentence attributes it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<String>,
}

/// Whether two values of a conflict are an update or a disagreement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ConflictNature {
    /// A later article gives a figure that replaces an earlier one (a rising
    /// toll, a later charge).
    Update,
    /// Sources differ on the same fact.
    Disagreement,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum TopicKind {
    Quantity,
    EventDate,
    Statement,
    Attribution,
    /// How a person's or organization's name is spelled.
    Name,
    /// Where something happened ("near Cobb").
    Place,
}

/// One fact compared across sources: an agreement or a conflict.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Topic {
    pub topic: String,
    pub kind: TopicKind,
    pub story: String,
    pub values: Vec<TopicValue>,
    /// 0..1: how sure the tool is that the values speak of the same thing.
    pub confidence: f64,
    /// Independent sources (syndicated copies count once).
    pub independent_sources: usize,
    /// One article states more than one value.
    #[serde(default)]
    pub self_contradiction: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// For conflicts: update or disagreement.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nature: Option<ConflictNature>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct QuoteVariant {
    pub text: String,
    pub articles: Vec<String>,
    /// Words of this variant not in the group's main form.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub differs: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct QuoteMatch {
    pub speaker: Option<String>,
    pub speaker_name: Option<String>,
    pub story: String,
    pub articles: Vec<String>,
    /// Quote ids in the group.
    pub quotes: Vec<String>,
    pub variants: Vec<QuoteVariant>,
    /// `exact`, `variant` or `contained`.
    pub relation: String,
    /// Sources attribute these words to different speakers.
    #[serde(default)]
    pub speaker_conflict: bool,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub speakers: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct SingleSourceFact {
    pub story: String,
    pub article: ArticleId,
    pub kind: TopicKind,
    pub topic: String,
    pub evidence: Evidence,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct NameVariant {
    pub entity: String,
    pub name: String,
    pub spellings: Vec<Spelling>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Coverage {
    pub story: String,
    pub entity: String,
    pub name: String,
    /// How many story articles mention the entity.
    #[serde(default)]
    pub present_count: usize,
    /// Story articles that mention the entity. Full detail only.
    #[serde(default)]
    pub present: Vec<String>,
    /// Story articles that leave it out.
    pub missing: Vec<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Comparison {
    pub stories: Vec<Story>,
    pub syndication: Vec<SyndicationGroup>,
    pub agreements: Vec<Topic>,
    pub conflicts: Vec<Topic>,
    pub single_source: Vec<SingleSourceFact>,
    pub quote_matches: Vec<QuoteMatch>,
    pub name_variants: Vec<NameVariant>,
    pub coverage: Vec<Coverage>,
    pub citations: Vec<Citation>,
}

// ------------------------------------------------------------------ the report

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Summary {
    pub articles: usize,
    pub outlets: usize,
    pub stories: usize,
    pub agreements: usize,
    pub conflicts: usize,
    pub single_source: usize,
    pub quote_matches: usize,
    pub skipped_files: usize,
}

/// The report of `--format json`. By default (`--detail standard`) the
/// fields marked "full detail only" are left out; the others mean the same
/// at both levels.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Report {
    pub schema_version: u32,
    pub tool: String,
    pub summary: Summary,
    pub articles: Vec<Article>,
    pub entities: Vec<Entity>,
    pub quotes: Vec<Quote>,
    pub dates: Vec<DateMention>,
    pub claims: Vec<Claim>,
    pub comparison: Comparison,
    pub warnings: Vec<Warning>,
    /// With `--baseline OLD.json`: what changed since that report. Everything
    /// above is the report all the same (at its detail level), so this
    /// report can be the next run's baseline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub changes: Option<Changes>,
}

// ------------------------------------------------------------------ baseline

/// What changed between an earlier report and this one (`--baseline OLD.json`).
///
/// Articles are matched by content hash, then by id, so a renamed or moved
/// file is `renamed`, not new and removed. Conflicts and single-source facts
/// are matched by what they are about, never by story id (ids are renumbered
/// when articles come and go): a conflict by its story (the baseline story
/// sharing most of its articles), kind and topic; a single-source fact by its
/// article, kind and sentence.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Changes {
    /// The baseline as given on the command line.
    pub baseline: String,
    /// The `tool` field of the baseline report.
    pub baseline_tool: String,
    /// Articles (ids) in this report only.
    pub new_articles: Vec<String>,
    /// Articles (ids) in the baseline only.
    pub removed_articles: Vec<String>,
    /// Same content under another id (renamed, moved, or given by another path).
    pub renamed_articles: Vec<RenamedArticle>,
    /// Same id, other content.
    pub edited_articles: Vec<String>,
    /// Conflicts the baseline did not have (`--fail-on conflicts` counts these).
    pub new_conflicts: Vec<Topic>,
    /// Conflicts the baseline had with other values.
    pub changed_conflicts: Vec<ChangedConflict>,
    /// Conflicts of the baseline that this report no longer has.
    pub resolved_conflicts: Vec<Topic>,
    /// Single-source facts the baseline did not have.
    pub new_single_source: Vec<SingleSourceFact>,
    /// Single-source facts of the baseline that are gone (now corroborated,
    /// or their article was removed or edited).
    pub gone_single_source: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct RenamedArticle {
    pub from: String,
    pub to: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ChangedConflict {
    /// The values the baseline gave.
    pub before: Vec<String>,
    /// The conflict as it is now.
    pub now: Topic,
}

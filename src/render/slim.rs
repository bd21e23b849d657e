//! How much of each item `--format json` carries ([`Detail`]).
//!
//! The standard report holds what a reader of the comparison needs and
//! refers to items by id: articles with their metadata, entities with their
//! mentions, quotes with speakers, dates with values, claims with their
//! quantities, and the comparison, where coverage gives counts and the
//! missing article ids. What only extraction work needs (blocks, clauses
//! and fact frames, attributions, cue spans, rules, per-article spelling
//! lists) is in the full report (`--detail full`) and in the records of
//! `--format jsonl`. Every field keeps its name and meaning in both; the
//! standard report leaves fields out and adds `coverage[].present_count`.
//!
//! [`At`] serializes an item at a level; the views below borrow from the
//! model, so the standard report copies nothing.

use crate::model::{
    Article, Claim, Comparison, Coverage, DateKind, DateMention, DateSource, Entity, EntityKind, Evidence, Quantity,
    Quote, QuoteKind, Span, TextEncoding,
};
use serde::{Serialize, Serializer};

/// How much of each item the JSON report carries.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Detail {
    /// What a reader of the comparison needs (the default).
    #[default]
    Standard,
    /// Every field of the model, as the records of `--format jsonl` hold it.
    Full,
}

/// An item of the report serialized at a detail level.
pub struct At<'a, T: ?Sized> {
    pub item: &'a T,
    pub detail: Detail,
}

macro_rules! at {
    ($t:ty, $view:ident) => {
        impl Serialize for At<'_, $t> {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                match self.detail {
                    Detail::Full => self.item.serialize(s),
                    Detail::Standard => $view::of(self.item).serialize(s),
                }
            }
        }
    };
}

at!(Article, ArticleView);
at!(Entity, EntityView);
at!(Quote, QuoteView);
at!(DateMention, DateView);
at!(Claim, ClaimView);
at!(Comparison, ComparisonView);

#[derive(Serialize)]
struct ArticleView<'a> {
    id: &'a str,
    path: &'a str,
    encoding: TextEncoding,
    published: Option<&'a str>,
    published_source: Option<DateSource>,
    outlet: Option<&'a str>,
    headline: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    content_hash: Option<&'a str>,
}

impl<'a> ArticleView<'a> {
    fn of(a: &'a Article) -> Self {
        ArticleView {
            id: &a.id,
            path: &a.path,
            encoding: a.encoding,
            published: a.published.as_deref(),
            published_source: a.published_source,
            outlet: a.outlet.as_deref(),
            headline: a.headline.as_deref(),
            content_hash: a.content_hash.as_deref(),
        }
    }
}

#[derive(Serialize)]
struct EntityView<'a> {
    id: &'a str,
    name: &'a str,
    kind: EntityKind,
    outlet: bool,
    aliases: &'a [String],
    roles: &'a [String],
    mentions: &'a [Evidence],
}

impl<'a> EntityView<'a> {
    fn of(e: &'a Entity) -> Self {
        EntityView {
            id: &e.id,
            name: &e.name,
            kind: e.kind,
            outlet: e.outlet,
            aliases: &e.aliases,
            roles: &e.roles,
            mentions: &e.mentions,
        }
    }
}

#[derive(Serialize)]
struct QuoteView<'a> {
    id: &'a str,
    article: &'a str,
    start: usize,
    end: usize,
    text: &'a str,
    kind: QuoteKind,
    speaker: Option<&'a str>,
    speaker_mention: Option<&'a Span>,
    cue: Option<&'a str>,
}

impl<'a> QuoteView<'a> {
    fn of(q: &'a Quote) -> Self {
        QuoteView {
            id: &q.id,
            article: &q.article,
            start: q.start,
            end: q.end,
            text: &q.text,
            kind: q.kind,
            speaker: q.speaker.as_deref(),
            speaker_mention: q.speaker_mention.as_ref(),
            cue: q.cue.as_deref(),
        }
    }
}

#[derive(Serialize)]
struct DateView<'a> {
    article: &'a str,
    start: usize,
    end: usize,
    text: &'a str,
    kind: DateKind,
    value: Option<&'a str>,
}

impl<'a> DateView<'a> {
    fn of(d: &'a DateMention) -> Self {
        DateView {
            article: &d.article,
            start: d.start,
            end: d.end,
            text: &d.text,
            kind: d.kind,
            value: d.value.as_deref(),
        }
    }
}

#[derive(Serialize)]
struct ClaimView<'a> {
    id: &'a str,
    article: &'a str,
    start: usize,
    end: usize,
    text: &'a str,
    quantities: Vec<QuantityView<'a>>,
}

impl<'a> ClaimView<'a> {
    fn of(c: &'a Claim) -> Self {
        ClaimView {
            id: &c.id,
            article: &c.article,
            start: c.start,
            end: c.end,
            text: &c.text,
            quantities: c.quantities.iter().map(QuantityView::of).collect(),
        }
    }
}

/// A quantity's value, range and unit as written; what is counted and how
/// approximate it is are in the full report (and in the text).
#[derive(Serialize)]
struct QuantityView<'a> {
    value: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    high: Option<f64>,
    unit: Option<&'a str>,
    text: &'a str,
}

impl<'a> QuantityView<'a> {
    fn of(q: &'a Quantity) -> Self {
        QuantityView { value: q.value, high: q.high, unit: q.unit.as_deref(), text: &q.text }
    }
}

/// The comparison as it is, except coverage: counts and the missing ids.
#[derive(Serialize)]
struct ComparisonView<'a> {
    stories: &'a [crate::model::Story],
    syndication: &'a [crate::model::SyndicationGroup],
    agreements: &'a [crate::model::Topic],
    conflicts: &'a [crate::model::Topic],
    single_source: &'a [crate::model::SingleSourceFact],
    quote_matches: &'a [crate::model::QuoteMatch],
    name_variants: &'a [crate::model::NameVariant],
    coverage: Vec<CoverageView<'a>>,
    citations: &'a [crate::model::Citation],
}

impl<'a> ComparisonView<'a> {
    fn of(c: &'a Comparison) -> Self {
        ComparisonView {
            stories: &c.stories,
            syndication: &c.syndication,
            agreements: &c.agreements,
            conflicts: &c.conflicts,
            single_source: &c.single_source,
            quote_matches: &c.quote_matches,
            name_variants: &c.name_variants,
            coverage: c.coverage.iter().map(CoverageView::of).collect(),
            citations: &c.citations,
        }
    }
}

#[derive(Serialize)]
struct CoverageView<'a> {
    story: &'a str,
    entity: &'a str,
    name: &'a str,
    present_count: usize,
    missing: &'a [String],
}

impl<'a> CoverageView<'a> {
    fn of(c: &'a Coverage) -> Self {
        CoverageView {
            story: &c.story,
            entity: &c.entity,
            name: &c.name,
            present_count: c.present_count,
            missing: &c.missing,
        }
    }
}

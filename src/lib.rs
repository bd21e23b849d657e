//! `analyze`: read a folder of news articles, extract entities, quotes, dates
//! and claims, and compare what the sources say.
//!
//! The pipeline, one module per stage:
//! [`read`] → [`article`] (structure) → [`segment`] (sentences) → [`extract`]
//! (entities, dates, quotes, quantities, claims) → resolve ([`anchors`],
//! [`resolve`]) → [`compare`] → [`render`]. The typed model is in [`model`];
//! [`pipeline`] runs the stages.
//!
//! ```no_run
//! use analyze::{pipeline, read};
//! let inputs = read::collect_inputs(&["fixtures/summit".into()]).unwrap();
//! let (records, skipped) = pipeline::partition(pipeline::extract_all(&inputs, &|| ()));
//! let report = pipeline::analyze(records, skipped, &pipeline::Options::default());
//! println!("{} conflicts", report.comparison.conflicts.len());
//! ```

pub mod aliases;
pub mod anchors;
pub mod article;
pub mod compare;
pub mod extract;
pub mod gazetteer;
pub mod lang;
pub mod mapreduce;
pub mod model;
pub mod pipeline;
pub mod read;
pub mod render;
pub mod resolve;
pub mod scraper;
pub mod segment;
pub mod timing;

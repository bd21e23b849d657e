//! `analyze`: read a folder of news articles, extract entities, quotes, dates
//! and claims, and compare what the sources say.
//!
//! The pipeline, one module per stage:
//! read → article (structure) → segment (sentences) → extract → resolve → compare → render.

pub mod extract;
pub mod model;
pub mod aliases;
pub mod gazetteer;
pub mod resolve;

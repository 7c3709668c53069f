//! Extractive summaries and key figures for Chinese and English news articles.
//!
//! One call, [`summarize`], turns an article's text into a [`Summary`]: the
//! headline sentences that carry it (in their original order, each with its
//! place in the text), the key figures with what they count, keywords, the
//! title and the headings. The same function backs the `summarize` CLI and
//! the WebAssembly build used by the web page.
//!
//! ```
//! use article_summarizer::{summarize, Options};
//!
//! let article = "# 大会闭幕\n\n本次大会集中引进硕士、博士优秀人才3944名。签约落地人才项目260个。";
//! let summary = summarize(article, &Options::default()).unwrap();
//! assert_eq!(summary.title.as_deref(), Some("大会闭幕"));
//! assert!(summary.figures.iter().any(|f| f.text == "3944名"));
//! ```
//!
//! # Pipeline
//!
//! Each stage is a module with one job:
//!
//! 0. `input`: the bytes of a file → text or Markdown ([`read`]): format
//!    and encoding detected, binary files refused.
//! 1. `document`: raw text or Markdown → a cleaned [`Summary::text`] made of
//!    headings and paragraphs, with lines broken mid-sentence joined and
//!    stray spaces inside Chinese removed.
//! 2. `text`: language detection, sentence splitting and word tokens
//!    (jieba for Chinese, stemmed words for English).
//! 3. `summary`: headline ranking (TextRank over BM25 similarity, a position
//!    prior and title similarity, then MMR against redundancy); `keywords`.
//! 4. `figures`: numbers with units and labels, ranked.
//! 5. `output`: everything mapped to the [`Summary`] schema, offsets in
//!    UTF-16 code units.
//!
//! # Guarantees
//!
//! * [`summarize`] never panics on any `&str`; bad input is an [`Error`].
//! * The output is deterministic: the same text and options give the same
//!   summary, natively and in wasm.
//! * Every `start..end` range lies inside [`Summary::text`], on UTF-16
//!   boundaries, and slices out exactly the item's `text`.
//!
//! # Untrusted input
//!
//! Input larger than [`Options::max_bytes`] (default 50 MB) is refused before
//! any work. Ranking compares each sentence only with a bounded window of its
//! neighbours, so the cost grows linearly with the length of the article.
//!
//! # Limits
//!
//! Extractive only: the summary is made of the article's own sentences.
//! Chinese and English are supported; other languages are read as English.
//! HTML and DOCX are not parsed yet: give this crate text or Markdown, in
//! any encoding [`decode`] can detect.

#![deny(missing_docs)]
#![forbid(unsafe_code)]

mod document;
mod error;
mod figures;
mod input;
mod keywords;
mod options;
mod output;
mod pipeline;
mod schema;
mod summary;
#[cfg(test)]
mod testing;
mod text;
#[cfg(target_arch = "wasm32")]
mod wasm;

pub use error::{Error, ErrorKind};
pub use input::{decode, read, Decoded, Source};
pub use options::Options;
pub use pipeline::{summarize, summarize_source, warm_up};

/// jieba alone on `text`, with the summarizer's own dictionary: the number of
/// words it cuts. Only for benchmarks, which time `summarize` beside it.
#[doc(hidden)]
pub fn segment_for_bench(text: &str) -> usize {
    text::words::segment_count(text)
}
pub use schema::{
    Article, DateMention, Direction, Figure, FigureKind, Format, Heading, Keyword, Lang, Sentence, SourceInfo, Summary,
    SCHEMA_VERSION,
};

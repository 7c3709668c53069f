//! The output schema: the one definition of what every door returns.
//!
//! Every door serializes these types with `serde_json`: the CLI prints the
//! text, the wasm build hands it to JavaScript's `JSON.parse`, and the
//! README's schema table is checked against them by a test
//! (`tests/schema.rs`). Add fields freely;
//! renaming or removing one means bumping [`SCHEMA_VERSION`].
//!
//! Every `start`/`end` pair is a half-open range in UTF-16 code units into
//! [`Summary::text`], so a web page can pass it straight to `String.slice`.

use serde::{Deserialize, Serialize};

/// The version written into [`Summary::schema`].
pub const SCHEMA_VERSION: u32 = 1;

/// The language a document is treated as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Chinese: segmented with jieba, sentences end at 。！？ and their kin.
    Zh,
    /// English: words are stemmed, sentences end at . ! ? with abbreviations kept.
    En,
}

/// The result of [`crate::summarize`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    /// Always [`SCHEMA_VERSION`].
    pub schema: u32,
    /// The language the document was read as.
    pub lang: Lang,
    /// The article's title: its first heading, if it has one.
    pub title: Option<String>,
    /// The cleaned document. Every offset in this summary points into it.
    pub text: String,
    /// The headline sentences, in document order.
    pub sentences: Vec<Sentence>,
    /// The key figures, most important first.
    pub figures: Vec<Figure>,
    /// Every figure found, key or not, in document order.
    pub all_figures: Vec<Figure>,
    /// Dates and times mentioned (11月16日, 2035年, 上午9时): never figures.
    pub dates: Vec<DateMention>,
    /// Keywords, most characteristic first.
    pub keywords: Vec<Keyword>,
    /// The document's headings, in order: its structure.
    pub headings: Vec<Heading>,
    /// The stories on the page, in order; one for a single article. The
    /// top-level `title`, `sentences`, `figures` and `keywords` are those of
    /// `articles[main_article]`.
    pub articles: Vec<Article>,
    /// Index into `articles` of the main story.
    pub main_article: usize,
    /// How the text was read, when it came from a file's bytes; `None` when
    /// the caller passed text.
    pub source: Option<SourceInfo>,
}

/// The kind of file an article was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// Plain text.
    Text,
    /// Markdown (read like text: its markup is stripped, its headings kept).
    Markdown,
    /// A web page: its main article was extracted.
    Html,
    /// A Word document: its paragraphs and headings were extracted.
    Docx,
}

/// How a file was read: its format and its character encoding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceInfo {
    /// The format, detected from the content and, failing that, the file name.
    pub format: Format,
    /// The character encoding by its WHATWG name ("UTF-8", "GBK", "Big5",
    /// "UTF-16LE"…); "UTF-8" for DOCX, whose XML is always Unicode.
    pub encoding: String,
}

/// One story on a page that prints several.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// Its headline, if the page prints one for it.
    pub title: Option<String>,
    /// Start of the story in [`Summary::text`], in UTF-16 code units.
    pub start: u32,
    /// End (exclusive) of the story, in UTF-16 code units.
    pub end: u32,
    /// Its headline sentences, in document order.
    pub sentences: Vec<Sentence>,
    /// Its key figures, most important first.
    pub figures: Vec<Figure>,
}

/// One headline sentence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Sentence {
    /// The sentence exactly as it stands in [`Summary::text`].
    pub text: String,
    /// Start, in UTF-16 code units.
    pub start: u32,
    /// End (exclusive), in UTF-16 code units.
    pub end: u32,
    /// How central the sentence is, from 0 to 1.
    pub score: f64,
}

/// What a figure measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FigureKind {
    /// An amount of money; `unit` is the currency.
    Money,
    /// A number of things counted with a measure word (名, 个, 项…) or a noun.
    Count,
    /// A percentage or a share.
    Percent,
    /// A change against a baseline (同比增长125.5%, fell by 3%); see
    /// [`Figure::direction`] and [`Figure::compared_to`].
    Change,
    /// A physical quantity (吨, 公里, km…).
    Measure,
    /// A number whose unit says nothing more specific.
    Other,
}

/// Which way a change figure goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    /// An increase: 增长, 上升, rose.
    Up,
    /// A decrease: 下降, 减少, 回落, fell.
    Down,
}

/// One key figure: a number and what it counts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    /// The surface form, e.g. "36.85亿元".
    pub text: String,
    /// The normalized number, e.g. 3685000000 for "36.85亿元"; for a range,
    /// its lower end.
    pub value: f64,
    /// For a range (29.31-32.31亿元), its upper end; otherwise `None`.
    pub value_max: Option<f64>,
    /// The unit after multipliers are applied, e.g. "元", "名", "%"; empty if none.
    pub unit: String,
    /// What kind of quantity this is.
    pub kind: FigureKind,
    /// What the number counts, taken from its clause, e.g. "签约金额".
    pub label: String,
    /// An approximation or bound as written: 超, 约, 近, 余, 多, 以上,
    /// "about", "more than"; empty when the number is exact.
    pub qualifier: String,
    /// For a change figure, which way it goes; otherwise `None`.
    pub direction: Option<Direction>,
    /// For a change figure, what it is measured against: 同比, 环比,
    /// 较上年度, "a year earlier"; empty when not said.
    pub compared_to: String,
    /// Start of `text`, in UTF-16 code units.
    pub start: u32,
    /// End (exclusive) of `text`, in UTF-16 code units.
    pub end: u32,
    /// Importance, from 0 to 1.
    pub score: f64,
}

/// A date or time mentioned in the text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DateMention {
    /// The date as written, e.g. "11月16日".
    pub text: String,
    /// Start, in UTF-16 code units.
    pub start: u32,
    /// End (exclusive), in UTF-16 code units.
    pub end: u32,
}

/// One keyword.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Keyword {
    /// The word as it appears in the text.
    pub word: String,
    /// Weight, from 0 to 1.
    pub score: f64,
}

/// One heading of the document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Heading {
    /// The heading's text.
    pub text: String,
    /// 1 for the most prominent level, up to 6.
    pub level: u8,
    /// Start, in UTF-16 code units.
    pub start: u32,
    /// End (exclusive), in UTF-16 code units.
    pub end: u32,
}

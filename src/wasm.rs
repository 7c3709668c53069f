//! The JavaScript door: `summarize`, `readFile`, `summarizeSource` and
//! `warmUp`, through wasm-bindgen.
//!
//! This layer only translates: a JS options object in, the [`Summary`] out
//! as a plain object, and library errors as a thrown `Error` whose message
//! is the library's own sentence.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::{Options, Summary};

// Talc instead of the default dlmalloc: faster for the many short-lived
// allocations of one summary, and smaller (Cargo.toml has the figures).
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

// The TypeScript view of `schema.rs`; `tests/schema.rs` checks that these
// interfaces name exactly the fields the Rust types serialize.
#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &str = r#"
/** Options for `summarize`; every field may be left out. See the README. */
export interface SummarizeOptions {
  sentences?: number;
  maxChars?: number;
  figures?: number;
  keywords?: number;
  lang?: "zh" | "en";
  maxBytes?: number;
}

/** The result of `summarize`. Offsets are UTF-16 code units into `text`. */
export interface Summary {
  schema: number;
  lang: "zh" | "en";
  title: string | null;
  text: string;
  sentences: Sentence[];
  figures: Figure[];
  all_figures: Figure[];
  dates: DateMention[];
  keywords: Keyword[];
  headings: Heading[];
  articles: Article[];
  main_article: number;
  source: SourceInfo | null;
}

export interface Article {
  title: string | null;
  start: number;
  end: number;
  sentences: Sentence[];
  figures: Figure[];
}

export interface SourceInfo {
  format: "text" | "markdown" | "html" | "docx";
  encoding: string;
}

/** A file read by `readFile`: its article as text or Markdown, and how it was read. */
export interface Source {
  text: string;
  format: "text" | "markdown" | "html" | "docx";
  encoding: string;
}

export interface Sentence {
  text: string;
  start: number;
  end: number;
  score: number;
}

export interface Figure {
  text: string;
  value: number;
  value_max: number | null;
  unit: string;
  kind: "money" | "count" | "percent" | "change" | "measure" | "other";
  label: string;
  qualifier: string;
  direction: "up" | "down" | null;
  compared_to: string;
  start: number;
  end: number;
  score: number;
}

export interface DateMention {
  text: string;
  start: number;
  end: number;
}

export interface Keyword {
  word: string;
  score: number;
}

export interface Heading {
  text: string;
  level: number;
  start: number;
  end: number;
}
"#;

/// Summarizes `text`. Returns the summary object (see the README's schema),
/// or throws an `Error` with a readable message.
#[wasm_bindgen(js_name = summarize, unchecked_return_type = "Summary")]
pub fn summarize_js(
    text: &str,
    #[wasm_bindgen(unchecked_param_type = "SummarizeOptions | undefined")] options: JsValue,
) -> Result<JsValue, JsError> {
    let summary: Summary = crate::summarize(text, &options_from(options)?).map_err(|e| JsError::new(&e.to_string()))?;
    to_js(&summary)
}

fn options_from(options: JsValue) -> Result<Options, JsError> {
    if options.is_undefined() || options.is_null() {
        return Ok(Options::default());
    }
    serde_wasm_bindgen::from_value(options).map_err(|e| JsError::new(&format!("Invalid options: {e}")))
}

/// Plain objects and arrays, exactly what `JSON.parse` of the CLI's `--json`
/// gives: the value is written by the CLI's own serializer (`serde_json`)
/// and crosses as one string for the engine's `JSON.parse`, so every door
/// agrees by construction (numbers, nulls, field order). Measured on seed
/// 000 it is as fast as building the objects field by field with
/// serde-wasm-bindgen (README, "Warm speed").
fn to_js(value: &impl Serialize) -> Result<JsValue, JsError> {
    let json = serde_json::to_string(value).map_err(|e| JsError::new(&e.to_string()))?;
    js_sys::JSON::parse(&json).map_err(|_| JsError::new("the summary could not be handed to JavaScript"))
}

/// Reads a file's bytes as the CLI does: detects the format and encoding,
/// and extracts the article. Returns a `Source`, or throws an `Error`
/// saying why the bytes can't be read.
#[wasm_bindgen(js_name = readFile, unchecked_return_type = "Source")]
pub fn read_file_js(bytes: &[u8], name: Option<String>) -> Result<JsValue, JsError> {
    let source = crate::read(bytes, name.as_deref()).map_err(|e| JsError::new(&e.to_string()))?;
    to_js(&source)
}

/// Summarizes a `Source` from `readFile`; the summary says how it was read.
#[wasm_bindgen(js_name = summarizeSource, unchecked_return_type = "Summary")]
pub fn summarize_source_js(
    #[wasm_bindgen(unchecked_param_type = "Source")] source: JsValue,
    #[wasm_bindgen(unchecked_param_type = "SummarizeOptions | undefined")] options: JsValue,
) -> Result<JsValue, JsError> {
    let source: crate::Source =
        serde_wasm_bindgen::from_value(source).map_err(|e| JsError::new(&format!("Invalid source: {e}")))?;
    let summary =
        crate::summarize_source(&source, &options_from(options)?).map_err(|e| JsError::new(&e.to_string()))?;
    to_js(&summary)
}

thread_local! {
    /// The message of the last panic. A panic aborts this instance (wasm32 has
    /// no unwinding), so the worker reads it afterwards to say what failed.
    static LAST_PANIC: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

#[wasm_bindgen(start)]
fn start() {
    std::panic::set_hook(Box::new(|info| {
        let payload = info.payload();
        let message = payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown cause".to_string());
        LAST_PANIC.with(|last| *last.borrow_mut() = Some(message));
    }));
}

/// The message of the panic that aborted this instance, if one did.
#[wasm_bindgen(js_name = lastPanic)]
pub fn last_panic_js() -> Option<String> {
    LAST_PANIC.with(|last| last.borrow().clone())
}

/// Panics on purpose. A test hook: the page's tests use it to prove that a
/// panic, which kills this instance, costs the reader nothing but a message.
#[wasm_bindgen(js_name = panicForTesting)]
pub fn panic_for_testing_js() {
    panic!("a panic forced by a test");
}

/// jieba alone on `text` (the number of words), for the benchmark that times
/// `summarize` beside plain segmentation.
#[wasm_bindgen(js_name = segmentForBench)]
pub fn segment_for_bench_js(text: &str) -> u32 {
    crate::segment_for_bench(text) as u32
}

/// `summarize` with the default options, kept in wasm instead of handed to
/// JavaScript (the number of headline sentences), for the benchmark that
/// shows what crossing to JavaScript costs.
#[wasm_bindgen(js_name = summarizeForBench)]
pub fn summarize_for_bench_js(text: &str) -> Result<u32, JsError> {
    let summary = crate::summarize(text, &Options::default()).map_err(|e| JsError::new(&e.to_string()))?;
    Ok(summary.sentences.len() as u32)
}

/// Builds the word dictionary ahead of the first call.
#[wasm_bindgen(js_name = warmUp)]
pub fn warm_up_js() {
    crate::warm_up();
}

/// The version of the output schema this build writes.
#[wasm_bindgen(js_name = schemaVersion)]
pub fn schema_version_js() -> u32 {
    crate::SCHEMA_VERSION
}

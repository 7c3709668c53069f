//! The JavaScript door: `summarize` and `warmUp`, through wasm-bindgen.
//!
//! This layer only translates: a JS options object in, the [`Summary`] out
//! as a plain object, and library errors as a thrown `Error` whose message
//! is the library's own sentence.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::{Options, Summary};

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
    let options: Options = if options.is_undefined() || options.is_null() {
        Options::default()
    } else {
        serde_wasm_bindgen::from_value(options).map_err(|e| JsError::new(&format!("Invalid options: {e}")))?
    };
    let summary: Summary = crate::summarize(text, &options).map_err(|e| JsError::new(&e.to_string()))?;
    summary.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).map_err(|e| JsError::new(&e.to_string()))
}

/// Decodes a file's bytes (any encoding `decode` detects) to text. Returns
/// `{text, encoding}`, or throws an `Error` saying why the bytes are not text.
#[wasm_bindgen(js_name = decodeFile, unchecked_return_type = "{ text: string; encoding: string }")]
pub fn decode_text_js(bytes: &[u8]) -> Result<JsValue, JsError> {
    let decoded = crate::decode(bytes).map_err(|e| JsError::new(&e.to_string()))?;
    decoded.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).map_err(|e| JsError::new(&e.to_string()))
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

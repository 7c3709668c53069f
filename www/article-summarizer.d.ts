// Types for article-summarizer.js. The Summary and option types are not written here:
// they are the interfaces wasm-bindgen emits from src/wasm.rs into pkg/, which
// tests/schema.rs checks against the Rust types, so there is one source of truth.

import type { Summary, SummarizeOptions } from './pkg/article_summarizer.js';

export type { DateMention, Figure, Heading, Keyword, Sentence, SourceInfo, Summary, SummarizeOptions } from './pkg/article_summarizer.js';

/** Summarizes a string. Resolves to the same JSON as the CLI's `--json`. */
export function summarize(text: string, options?: SummarizeOptions): Promise<Summary>;

/**
 * Summarizes a file's bytes, read as the CLI reads files (format and encoding detected;
 * `name`, a File's own name by default, breaks ties).
 */
export function summarizeFile(input: Blob | ArrayBuffer | ArrayBufferView, name?: string, options?: SummarizeOptions): Promise<Summary>;

/** The page's one worker client, shared by every caller (browser only). */
export function sharedClient(): unknown;

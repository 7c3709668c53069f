// The module API: the same JSON as the CLI's `--json`, as a promise.
//
//   import { summarize, summarizeFile } from './article-summarizer.js';
//   const summary = await summarize(text, { sentences: 3 });
//   const fromFile = await summarizeFile(bytes, 'post.html');   // read as the CLI reads files
//
// In a browser every call goes to one shared Web Worker (worker.js, through client.js),
// however many callers there are: all <article-summary> elements on a page use it too.
// In Node (no Worker, no DOM) the wasm module in ./pkg/ is loaded directly from its
// bytes, read with node:fs, which is imported only there.
// Errors reject with an Error whose message a reader can act on.

import { SummarizerClient, setOptions } from './client.js';

const PKG_JS = './pkg/article_summarizer.js';
const PKG_WASM = './pkg/article_summarizer_bg.wasm';

const inBrowser = typeof Worker === 'function' && typeof document !== 'undefined';

/** @type {SummarizerClient | null} */
let client = null;

/** The one worker client of this page, made on first use; requests are queued, not superseded. */
export function sharedClient() {
  if (!inBrowser) throw new Error('sharedClient() needs a browser (Web Workers).');
  client ??= new SummarizerClient({ supersede: false });
  return client;
}

/** @type {Promise<any> | null} */
let direct = null;

/** Node: the wasm module, loaded once from its bytes. */
function engine() {
  direct ??= (async () => {
    const mod = await import(PKG_JS);
    const { readFile } = await import('node:fs/promises');
    await mod.default({ module_or_path: await readFile(new URL(PKG_WASM, import.meta.url)) });
    return mod;
  })();
  return direct;
}

/**
 * Summarizes a string.
 * @param {string} text
 * @param {object} [options] {sentences, maxChars, figures, keywords, lang, maxBytes}
 * @returns {Promise<object>} the Summary
 */
export async function summarize(text, options = {}) {
  if (typeof text !== 'string') throw new TypeError('summarize(text): text must be a string.');
  if (inBrowser) return (await sharedClient().summarize(text, options)).summary;
  return (await engine()).summarize(text, setOptions(options));
}

/**
 * Summarizes a file's bytes, read by the engine as the CLI reads files: the format (text,
 * Markdown, HTML, DOCX) and the encoding are detected, and the summary's `source` says
 * which. `name` (a File's own name by default) breaks ties the content leaves open.
 * @param {Blob | ArrayBuffer | ArrayBufferView} input
 * @param {string} [name]
 * @param {object} [options]
 * @returns {Promise<object>} the Summary
 */
export async function summarizeFile(input, name, options = {}) {
  const fileName = name ?? (typeof File === 'function' && input instanceof File ? input.name : undefined);
  if (inBrowser) {
    const file = new File([input instanceof Blob ? input : toBytes(input)], fileName ?? '');
    return (await sharedClient().summarize(file, options)).summary;
  }
  const bytes = typeof Blob === 'function' && input instanceof Blob ? new Uint8Array(await input.arrayBuffer()) : toBytes(input);
  if (bytes.length === 0) throw new Error('The file is empty.');
  const mod = await engine();
  return mod.summarizeSource(mod.readFile(bytes, fileName), setOptions(options));
}

function toBytes(input) {
  if (input instanceof Uint8Array) return input;
  if (input instanceof ArrayBuffer) return new Uint8Array(input);
  if (ArrayBuffer.isView(input)) return new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  throw new TypeError('summarizeFile(input): input must be a Blob, an ArrayBuffer or a typed array.');
}

// The analysis worker: loads the wasm engine once and answers summarize requests.
// Only client.js talks to it. Started as a module worker:
//   new Worker(new URL('./worker.js', import.meta.url), { type: 'module' })
//
// Messages
// ┌───────────┬──────────────────────────────────────────────┬──────────────────────────────────────────┐
// │ direction │ shape                                        │ meaning                                  │
// ├───────────┼──────────────────────────────────────────────┼──────────────────────────────────────────┤
// │ → worker  │ {id, type:'summarize', text, options?}       │ summarize a string                       │
// │ → worker  │ {id, type:'summarize', file, options?}       │ summarize a Blob/File (decoded here:     │
// │           │                                              │ UTF-8, UTF-16 with BOM, else GB18030)    │
// │ ← worker  │ {type:'ready'}                               │ engine loaded and warmed; sent once      │
// │ ← worker  │ {type:'init-failed', error}                  │ engine could not load; sent once instead │
// │           │                                              │ of 'ready' (the client then discards     │
// │           │                                              │ this worker)                             │
// │ ← worker  │ {id, ok:true, result}                        │ result is a Summary (src/schema.rs)      │
// │ ← worker  │ {id, ok:false, error, fatal?}                │ the request failed; fatal:true means the │
// │           │                                              │ engine trapped and this worker must not  │
// │           │                                              │ be used again                            │
// └───────────┴──────────────────────────────────────────────┴──────────────────────────────────────────┘
// `error` is always {code, message}: `message` is a plain sentence for the reader,
// `code` is one of 'empty', 'not-text', 'engine-load', 'engine', 'crash', 'bad-request'.
// `options` is passed through unchanged ({sentences, figures, keywords, lang}).
// Requests are answered in the order they arrive; superseding is the client's job.

const PKG_JS = './pkg/article_summarizer.js';
const PKG_WASM = './pkg/article_summarizer_bg.wasm';

/** @type {Promise<typeof import('./pkg/article_summarizer.js')> | null} */
let enginePromise = null;

/** Loads, instantiates and warms the engine; memoized, so it runs once per worker. */
function engine() {
  enginePromise ??= (async () => {
    let mod;
    try {
      mod = await import(PKG_JS);
      await mod.default({ module_or_path: new URL(PKG_WASM, import.meta.url) });
    } catch (err) {
      throw failure('engine-load', 'The summarizer engine could not be loaded.', err);
    }
    mod.warmUp();
    return mod;
  })();
  return enginePromise;
}

class RequestError extends Error {
  constructor(code, message) {
    super(message);
    this.code = code;
  }
}

function failure(code, message, cause) {
  const detail = cause?.message ? ` (${cause.message})` : '';
  return new RequestError(code, message + detail);
}

function toWire(err) {
  if (err instanceof RequestError) return { code: err.code, message: err.message };
  if (err instanceof WebAssembly.RuntimeError) {
    return { code: 'crash', message: 'The summarizer hit an internal error on this text.' };
  }
  const message = typeof err?.message === 'string' && err.message ? err.message : String(err);
  return { code: 'engine', message };
}

/** Decodes a file's bytes to a string. */
async function readText(blob) {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  if (bytes.length === 0) throw new RequestError('empty', 'The file is empty.');
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  if (bytes.subarray(0, 8192).includes(0)) {
    throw new RequestError('not-text', 'This file is not plain text. Choose a .txt, .md or other text file.');
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Not UTF-8: Chinese text files from older tools are usually GBK/GB18030.
    return new TextDecoder('gb18030').decode(bytes);
  }
}

async function handle(data) {
  if (data?.type !== 'summarize') throw new RequestError('bad-request', `Unknown request type: ${data?.type}`);
  const text = data.file instanceof Blob ? await readText(data.file) : data.text;
  if (typeof text !== 'string') throw new RequestError('bad-request', 'Nothing to summarize was sent.');
  const mod = await engine();
  return mod.summarize(text, data.options ?? {});
}

self.addEventListener('message', async ({ data }) => {
  const id = data?.id;
  try {
    const result = await handle(data);
    self.postMessage({ id, ok: true, result });
  } catch (err) {
    const error = toWire(err);
    self.postMessage({ id, ok: false, error, fatal: error.code === 'crash' || error.code === 'engine-load' });
  }
});

engine().then(
  () => self.postMessage({ type: 'ready' }),
  (err) => self.postMessage({ type: 'init-failed', error: toWire(err) }),
);

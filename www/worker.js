// The analysis worker: loads the wasm engine once and answers summarize requests.
// Only client.js talks to it. Started as a module worker:
//   new Worker(new URL('./worker.js', import.meta.url), { type: 'module' })
//
// Messages
// ┌───────────┬──────────────────────────────────────────────┬──────────────────────────────────────────┐
// │ direction │ shape                                        │ meaning                                  │
// ├───────────┼──────────────────────────────────────────────┼──────────────────────────────────────────┤
// │ → worker  │ {id, type:'summarize', text, options?}       │ summarize a string                       │
// │ → worker  │ {id, type:'summarize', file, options?}       │ summarize a Blob/File, read by the       │
// │           │                                              │ engine's readFile as the CLI reads files │
// │           │                                              │ (format and encoding detected; the name  │
// │           │                                              │ of a File breaks ties)                   │
// │ → worker  │ {id, type:'summarize', source, options?}     │ summarize a Source from an earlier file  │
// │           │                                              │ answer again, e.g. at another length     │
// │ → worker  │ {id, type:'test-panic'}                      │ test hook: make the engine panic, to     │
// │           │                                              │ prove a panic costs only a message       │
// │ ← worker  │ {type:'ready'}                               │ engine loaded and warmed; sent once      │
// │ ← worker  │ {type:'init-failed', error}                  │ engine could not load; sent once instead │
// │           │                                              │ of 'ready' (the client then discards     │
// │           │                                              │ this worker)                             │
// │ ← worker  │ {id, type:'progress', phase, loaded?, total?}│ phase 'reading' (bytes loaded of total)  │
// │           │                                              │ or 'analyzing' (no measure: the engine   │
// │           │                                              │ call is one synchronous step)            │
// │ ← worker  │ {id, type:'part', part}                      │ part of the answer that follows, sent    │
// │           │                                              │ ahead so each is copied in its own task: │
// │           │                                              │ part.lazy (all_figures, articles and     │
// │           │                                              │ dates as JSON text), part.source (for a  │
// │           │                                              │ file: the Source as read, {text, format, │
// │           │                                              │ encoding})                               │
// │ ← worker  │ {id, ok:true, result, counts, storyTitles,   │ result is a Summary (src/schema.rs)      │
// │           │  mainStory}                                  │ without the lazy fields (their lengths   │
// │           │                                              │ are in counts); storyTitles and          │
// │           │                                              │ mainStory are what the page shows of     │
// │           │                                              │ articles at first; with the parts sent   │
// │           │                                              │ before it, the whole answer              │
// │ ← worker  │ {id, ok:false, error, fatal?}                │ the request failed; fatal:true means the │
// │           │                                              │ engine trapped and this worker must not  │
// │           │                                              │ be used again                            │
// └───────────┴──────────────────────────────────────────────┴──────────────────────────────────────────┘
// `error` is always {code, message, detail?}: `message` is a plain sentence for the reader,
// `detail` (for a crash) the engine's own account of it,
// `code` is one of 'empty', 'not-text', 'engine-load', 'engine', 'crash', 'bad-request'.
// `options` is passed through unchanged ({sentences, figures, keywords, lang}).
// Requests are answered in the order they arrive; superseding and cancelling are the
// client's job (cancelling terminates this worker).

const PKG_JS = './pkg/article_summarizer.js';
const PKG_WASM = './pkg/article_summarizer_bg.wasm';
const PROGRESS_STEP = 1 << 20; // report reading progress about every MiB
const WARM_UP_ARTICLES = [
  '# 新馆开放\n\n新馆总投资12.6亿元，建筑面积9.3万平方米。首日接待读者2.8万人次，同比增长25%。',
  '# New library opens\n\nThe library cost $12.6 million. It welcomed 28,000 readers on its first day, up 25% on the old one.',
];

/** @type {Promise<typeof import('./pkg/article_summarizer.js')> | null} */
let enginePromise = null;
/** The engine once loaded, for reading a panic's message after a trap. */
let loaded = null;

/**
 * The engine's compiled module, compiled while it streams in when the server labels it
 * application/wasm, otherwise from its bytes, so a server with the wrong MIME type still
 * works (and nothing warns about it). Started before the bindings are imported, so that
 * compiling and importing overlap.
 */
async function compiledWasm() {
  const response = await fetch(new URL(PKG_WASM, import.meta.url));
  if (!response.ok) throw new Error(`HTTP ${response.status} for ${PKG_WASM}`);
  const type = (response.headers.get('Content-Type') ?? '').split(';')[0].trim().toLowerCase();
  const module = type === 'application/wasm' && typeof WebAssembly.compileStreaming === 'function'
    ? await WebAssembly.compileStreaming(response)
    : await WebAssembly.compile(await response.arrayBuffer());
  performance.mark('engine: wasm compiled');
  return module;
}

/** Whether any request has come: once one has, it warms the engine, not the warm-up articles. */
let requested = false;

/**
 * Loads and instantiates the engine and builds its dictionary; memoized, so it runs once
 * per worker. Requests wait only for this.
 */
function engine() {
  enginePromise ??= (async () => {
    let mod;
    try {
      const compiled = compiledWasm(); // fetched and compiled while the bindings load
      compiled.catch(() => {}); // (awaited below; a failure is reported from there)
      mod = await import(PKG_JS);
      performance.mark('engine: bindings loaded');
      await mod.default({ module_or_path: await compiled });
      performance.mark('engine: wasm instantiated');
    } catch (err) {
      throw failure('engine-load', 'The summarizer engine could not be loaded.', err);
    }
    mod.warmUp();
    performance.mark('engine: dictionary built');
    loaded = mod;
    return mod;
  })();
  return enginePromise;
}

/**
 * The engine, then one small article per language, each in a task of its own, so that the
 * first real drop does not pay for the engine's first pass through its own code. Each is
 * read as a dropped file is (`readFile`, then `summarizeSource`), so that the file reader's
 * code is warm too; pasted text takes `summarize`, which runs the same pipeline. A request
 * already waiting goes first (it warms the engine as well as they would): the articles
 * left are skipped.
 */
async function warmEngine() {
  const mod = await engine();
  const encoder = new TextEncoder();
  for (const text of WARM_UP_ARTICLES) {
    await new Promise((resolve) => setTimeout(resolve, 0)); // a request that arrived meanwhile is taken first
    if (requested) break;
    mod.summarizeSource(readSource(mod, encoder.encode(text), 'warm-up.txt'), {});
    performance.mark('engine: warm-up article');
  }
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
    // A Rust panic aborts the instance; its message was kept by the panic hook.
    let cause = null;
    try {
      cause = loaded?.lastPanic() ?? null;
    } catch {
      // the instance is too broken to ask: say what we know
    }
    return { code: 'crash', message: 'The summarizer hit an internal error on this text.', detail: cause ?? err.message };
  }
  const message = typeof err?.message === 'string' && err.message ? err.message : String(err);
  return { code: 'engine', message };
}

/** Reads a Blob's bytes, reporting progress as it goes. */
async function readBytes(blob, onProgress) {
  const total = blob.size;
  if (typeof blob.stream !== 'function' || total < 2 * PROGRESS_STEP) {
    return new Uint8Array(await blob.arrayBuffer());
  }
  const bytes = new Uint8Array(total);
  const reader = blob.stream().getReader();
  let loaded = 0;
  let reported = 0;
  onProgress(0, total);
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (loaded < total) bytes.set(value.subarray(0, total - loaded), loaded);
    loaded += value.length;
    if (loaded - reported >= PROGRESS_STEP) {
      reported = loaded;
      onProgress(Math.min(loaded, total), total);
    }
  }
  onProgress(total, total);
  return loaded < total ? bytes.subarray(0, loaded) : bytes;
}

/**
 * Reads a file's bytes with the engine's own reader, the one the CLI uses too (format
 * and encoding detected, HTML and DOCX extracted, binary files refused), so one file
 * gives one result at every door.
 */
function readSource(mod, bytes, name) {
  if (bytes.length === 0) throw new RequestError('empty', 'The file is empty.');
  try {
    return mod.readFile(bytes, name || undefined);
  } catch (err) {
    throw new RequestError('not-text', err?.message || 'This file can not be read.');
  }
}

async function handle(data) {
  if (data?.type === 'test-panic') {
    (await engine()).panicForTesting();
    return {};
  }
  if (data?.type !== 'summarize') throw new RequestError('bad-request', `Unknown request type: ${data?.type}`);
  const id = data.id;
  const fromFile = data.file instanceof Blob;
  const bytes = fromFile
    ? await readBytes(data.file, (loaded, total) =>
        self.postMessage({ id, type: 'progress', phase: 'reading', loaded, total }),
      )
    : null;
  const mod = await engine();
  const source = fromFile ? readSource(mod, bytes, data.file.name) : data.source;
  if (source === undefined && typeof data.text !== 'string') {
    throw new RequestError('bad-request', 'Nothing to summarize was sent.');
  }
  self.postMessage({ id, type: 'progress', phase: 'analyzing' });
  performance.mark('request: analyzing');
  const options = data.options ?? {};
  if (source === undefined) return forTheWire(id, mod.summarize(data.text, options));
  const answer = forTheWire(id, mod.summarizeSource(source, options));
  if (fromFile) self.postMessage({ id, type: 'part', part: { source } });
  return answer;
}

/** The Summary's fields that cross as JSON text (see forTheWire). */
const LAZY_FIELDS = ['all_figures', 'articles', 'dates'];

/**
 * The answer as it crosses to the page. The long lists of a long article (`all_figures`,
 * `articles`, `dates`: thousands of objects for a megabyte) go as JSON text: a string is
 * copied at once, while thousands of small objects would be rebuilt one by one in a single
 * task on the page's main thread. client.js turns them back into the Summary's fields,
 * each parsed when first read; the titles of the stories and the main story, which the
 * page shows at once, come as they are. The JSON texts go ahead in a message of their
 * own (a 'part'), so that copying them in is a task of its own on the page.
 */
function forTheWire(id, summary) {
  const lazy = {};
  const counts = {};
  const result = { ...summary };
  for (const field of LAZY_FIELDS) {
    const list = summary[field] ?? [];
    lazy[field] = JSON.stringify(list);
    counts[field] = list.length;
    delete result[field];
  }
  self.postMessage({ id, type: 'part', part: { lazy } });
  const stories = summary.articles ?? [];
  return {
    result,
    counts,
    storyTitles: stories.map((story) => story.title ?? null),
    mainStory: stories[summary.main_article] ?? null,
  };
}

self.addEventListener('message', async ({ data }) => {
  const id = data?.id;
  requested = true;
  performance.mark('request: received');
  try {
    const answer = await handle(data);
    performance.mark('request: answered');
    self.postMessage({ id, ok: true, ...answer });
  } catch (err) {
    const error = toWire(err);
    self.postMessage({ id, ok: false, error, fatal: error.code === 'crash' || error.code === 'engine-load' });
  }
});

warmEngine().then(
  () => self.postMessage({ type: 'ready' }),
  (err) => self.postMessage({ type: 'init-failed', error: toWire(err) }),
);

// The only bridge to worker.js (see the message table there).
//
//   const client = new SummarizerClient();
//   client.start();                                   // optional: load the engine early
//   client.addEventListener('ready', …);              // engine loaded and warmed
//   client.addEventListener('failure', (e) => e.detail /* SummarizerError */);
//   client.addEventListener('progress', (e) => e.detail /* {id, phase, loaded?, total?} */);
//   const { summary, source } = await client.summarize(textOrFile, options);
//   client.cancel();                                  // stop now: terminate, start a fresh worker
//
// Each request gets an id. A new request supersedes any still pending: their promises
// reject with a SummarizerError whose code is 'superseded' (callers ignore those), and
// their late answers are dropped. If the worker crashes or cannot load the engine, every
// pending request is rejected and the worker is discarded; a worker that crashed on its
// input is replaced at once, and otherwise the next request starts a fresh one.
// `cancel()` rejects what is pending with code 'cancelled', terminates the worker (even
// mid-analysis: the wasm call cannot be interrupted any other way) and starts a fresh
// one at once, so the engine is warm again for the next request.
//
// Shared by many callers (the <article-summary> elements and the module API of
// article-summarizer.js): `new SummarizerClient({ supersede: false })` queues requests
// instead, so each gets its own answer (the worker answers them in order).

/**
 * Options without the fields left unset (undefined, null or ''), which the engine would
 * read as wrong values rather than as "use the default".
 */
export function setOptions(options) {
  const out = {};
  for (const [key, value] of Object.entries(options ?? {})) {
    if (value !== undefined && value !== null && value !== '') out[key] = value;
  }
  return out;
}

export class SummarizerError extends Error {
  /**
   * @param {string} code 'superseded' | 'cancelled' | 'crash' | 'engine-load' | 'engine' | 'empty' | 'not-text' | 'bad-request'
   * @param {string} message a sentence a reader can act on
   * @param {string} [detail] for a crash, the engine's own account of what failed
   */
  constructor(code, message, detail) {
    super(message);
    this.name = code === 'superseded' || code === 'cancelled' ? 'AbortError' : 'SummarizerError';
    this.code = code;
    this.detail = detail ?? null;
  }
}

export class SummarizerClient extends EventTarget {
  /** @type {Worker | null} */
  #worker = null;
  #nextId = 1;
  /** @type {Map<number, {resolve: (v: any) => void, reject: (e: Error) => void, parts?: object}>} */
  #pending = new Map();
  /** @type {Promise<void> | null} */
  #ready = null;
  #isReady = false;
  #supersede = true;

  /**
   * @param {{supersede?: boolean}} [config] supersede: false keeps earlier requests
   *   pending when a new one arrives (for a client shared by independent callers).
   */
  constructor({ supersede = true } = {}) {
    super();
    this.#supersede = supersede;
  }

  /** Whether the current worker has loaded the engine. */
  get ready() {
    return this.#isReady;
  }

  /** Starts the worker if needed; resolves once the engine is ready. */
  start() {
    this.#ensureWorker();
    return this.#ready;
  }

  /**
   * Summarizes a string, a File/Blob, or a Source an earlier call returned.
   * @param {string | Blob | {text: string, format: string, encoding: string}} input
   * @param {{sentences?: number, figures?: number, keywords?: number, lang?: 'zh' | 'en'}} [options]
   * @returns {Promise<{summary: object, source: string | object}>} the Summary (src/schema.rs)
   *   and what it was made from (for a file, the Source the worker read: its article text,
   *   format and encoding), so callers can re-run with other options without reading the
   *   file again.
   */
  summarize(input, options = {}) {
    const worker = this.#ensureWorker();
    for (const [id, entry] of this.#supersede ? this.#pending : []) {
      this.#pending.delete(id);
      entry.reject(new SummarizerError('superseded', 'A newer request replaced this one.'));
    }
    const id = this.#nextId++;
    options = setOptions(options);
    const message =
      typeof input === 'string'
        ? { id, type: 'summarize', text: input, options }
        : input instanceof Blob
          ? { id, type: 'summarize', file: input, options }
          : { id, type: 'summarize', source: input, options };
    return new Promise((resolve, reject) => {
      const done = (data) => resolve({ summary: withLazyFields(data), source: data.source ?? input });
      this.#pending.set(id, { resolve: done, reject });
      try {
        worker.postMessage(message);
      } catch (err) {
        this.#pending.delete(id);
        reject(new SummarizerError('bad-request', `The request could not be sent: ${err.message}`));
      }
    });
  }

  /**
   * Test hook: makes the engine panic, which kills its wasm instance. Rejects with a
   * 'crash' SummarizerError; the client then replaces the worker, as for any crash.
   */
  panicForTesting() {
    const worker = this.#ensureWorker();
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      worker.postMessage({ id, type: 'test-panic' });
    });
  }

  /** Whether a request is waiting for its answer. */
  get busy() {
    return this.#pending.size > 0;
  }

  /**
   * Cancels whatever is pending (rejected with code 'cancelled'), terminates the worker
   * and starts a fresh one; its 'ready' event follows once the engine is warm.
   */
  cancel() {
    this.#discard(new SummarizerError('cancelled', 'Cancelled.'));
    this.#ensureWorker();
  }

  /** Stops the worker; pending requests are rejected. */
  terminate() {
    this.#discard(new SummarizerError('superseded', 'The summarizer was stopped.'));
  }

  #ensureWorker() {
    if (this.#worker) return this.#worker;
    const url = new URL('./worker.js', import.meta.url);
    const prestarted = takePrestartedWorker(url);
    // prestart.js starts its worker with these same options.
    const worker = prestarted?.worker ?? new Worker(url, { type: 'module', name: 'summarizer' });
    this.#worker = worker;
    this.#isReady = false;
    let resolveReady, rejectReady;
    this.#ready = new Promise((resolve, reject) => {
      resolveReady = resolve;
      rejectReady = reject;
    });
    this.#ready.catch(() => {}); // failures are also reported through the 'failure' event

    const fail = (err) => {
      if (worker !== this.#worker) return;
      const wasReady = this.#isReady;
      rejectReady(err);
      this.#discard(err);
      // A worker that crashed after loading died of its input, not of its environment:
      // start its replacement now so that the engine is warm for the next file.
      if (err.code === 'crash' && wasReady) this.#ensureWorker();
      this.dispatchEvent(new CustomEvent('failure', { detail: err }));
    };

    const onMessage = ({ data }) => {
      if (worker !== this.#worker || !data) return;
      if (data.type === 'ready') {
        this.#isReady = true;
        resolveReady();
        this.dispatchEvent(new Event('ready'));
        return;
      }
      if (data.type === 'init-failed') {
        fail(toError(data.error));
        return;
      }
      const entry = this.#pending.get(data.id);
      if (!entry) return; // superseded or unknown: drop it
      if (data.type === 'part') {
        Object.assign((entry.parts ??= {}), data.part);
        return;
      }
      if (data.type === 'progress') {
        const { id, phase, loaded, total } = data;
        this.dispatchEvent(new CustomEvent('progress', { detail: { id, phase, loaded, total } }));
        return;
      }
      this.#pending.delete(data.id);
      if (data.ok) {
        entry.resolve({ ...entry.parts, ...data });
      } else {
        const err = toError(data.error);
        entry.reject(err);
        if (data.fatal) fail(err);
      }
    };
    const handlers = {
      message: onMessage,
      // Before 'ready' the worker has not loaded (its script failed, or threw): that is
      // the engine failing to load, which the page reports even with no request waiting.
      error: (event) => {
        event.preventDefault?.();
        fail(
          this.#isReady
            ? new SummarizerError('crash', 'The summarizer stopped unexpectedly. Try again.')
            : new SummarizerError('engine-load', 'The summarizer engine could not be loaded.'),
        );
      },
      messageerror: () => fail(new SummarizerError('crash', 'The summarizer sent an unreadable answer. Try again.')),
    };
    for (const [type, handler] of Object.entries(handlers)) worker.addEventListener(type, handler);
    for (const event of prestarted?.early ?? []) handlers[event.type](event);
    return worker;
  }

  /** Terminates the current worker and rejects everything pending with `err`. */
  #discard(err) {
    this.#worker?.terminate();
    this.#worker = null;
    this.#isReady = false;
    for (const [id, entry] of this.#pending) {
      this.#pending.delete(id);
      entry.reject(err);
    }
  }
}

/**
 * The worker www/prestart.js started while the page was being parsed, with the events it
 * has sent so far; taken once, and only for the same worker script, so a client on any
 * other page starts its own.
 * @returns {{worker: Worker, early: Event[]} | null}
 */
function takePrestartedWorker(url) {
  const prestarted = globalThis.summarizerPrestart;
  if (prestarted?.url !== url.href) return null;
  delete globalThis.summarizerPrestart;
  return prestarted.take();
}

/**
 * The Summary with `all_figures`, `articles` and `dates` back in place, each parsed from
 * the worker's JSON text the first time it is read: a long article's thousands of figures
 * and hundreds of stories cost the page nothing until someone reads them. The helpers
 * below answer what the page shows at once (counts, the stories' titles, the main story)
 * without parsing.
 */
function withLazyFields({ result, lazy, counts, storyTitles, mainStory }) {
  if (!lazy || typeof lazy !== 'object') return result;
  for (const [field, json] of Object.entries(lazy)) {
    if (typeof json !== 'string') continue;
    let parsed = null;
    Object.defineProperty(result, field, {
      enumerable: true,
      configurable: true,
      get: () => (parsed ??= JSON.parse(json)),
    });
  }
  wireFacts.set(result, { counts: counts ?? {}, storyTitles: storyTitles ?? null, mainStory: mainStory ?? null });
  return result;
}

/** Summary → {counts, storyTitles, mainStory}, for summaries that came from the worker. */
const wireFacts = new WeakMap();

/** How many figures `summary.all_figures` holds, without parsing them. */
export function allFiguresCount(summary) {
  return wireFacts.get(summary)?.counts.all_figures ?? summary.all_figures.length;
}

/** The title of each story of the page (`summary.articles[k].title`, or null), without parsing them. */
export function storyTitles(summary) {
  return wireFacts.get(summary)?.storyTitles ?? (summary.articles ?? []).map((story) => story.title ?? null);
}

/** Story `k` of the page (`summary.articles[k]`); the main story without parsing the others. */
export function storyAt(summary, k) {
  const mainStory = wireFacts.get(summary)?.mainStory;
  if (mainStory && k === summary.main_article) return mainStory;
  return summary.articles?.[k] ?? null;
}

function toError(wire) {
  if (wire && typeof wire === 'object') {
    const detail = wire.detail == null ? undefined : String(wire.detail);
    return new SummarizerError(String(wire.code ?? 'engine'), String(wire.message ?? 'Unknown error.'), detail);
  }
  return new SummarizerError('engine', String(wire ?? 'Unknown error.'));
}

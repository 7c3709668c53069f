// The page tools/bench/run.mjs drives (tools/bench/bench.html): the wasm engine on the
// main thread, so that nothing but the wasm is timed, behind `window.bench`. Each call
// returns plain numbers; the runner picks the texts and prints the tables.
//
// performance.now() is coarsened to 0.1 ms in a page that is not cross-origin isolated,
// so the short calls are timed in groups (`GROUP`) and divided.
import init, { summarize, summarizeForBench, segmentForBench, warmUp } from '../../www/pkg/article_summarizer.js';

const GROUP = 4;
let exports = null;

const since = (start) => performance.now() - start;
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

window.bench = {
  /** Compiles and instantiates the wasm; the time it took. */
  async init() {
    const start = performance.now();
    exports = await init({ module_or_path: new URL('../../www/pkg/article_summarizer_bg.wasm', import.meta.url) });
    return since(start);
  },

  /** Builds the dictionary; the time it took. */
  warmUp() {
    const start = performance.now();
    warmUp();
    return since(start);
  },

  /** The wasm memory now: it never shrinks, so this is the peak so far. */
  memory: () => exports.memory.buffer.byteLength,

  /** One `summarize`; the time it took. */
  summarizeOnce(text, options) {
    const start = performance.now();
    summarize(text, options);
    return since(start);
  },

  /**
   * Warm `summarize` on `text` beside the same call with its result kept in wasm
   * (`summarizeForBench`) and jieba alone on its cleaned text, calls of the three
   * alternating so all see the same machine; medians over `runs` groups, per call.
   */
  warm(text, runs) {
    const cleaned = summarize(text).text;
    const summarizeMs = [];
    const inWasmMs = [];
    const jiebaMs = [];
    for (let i = 0; i < runs; i++) {
      let start = performance.now();
      for (let j = 0; j < GROUP; j++) summarize(text);
      summarizeMs.push(since(start) / GROUP);
      start = performance.now();
      for (let j = 0; j < GROUP; j++) summarizeForBench(text);
      inWasmMs.push(since(start) / GROUP);
      start = performance.now();
      for (let j = 0; j < GROUP; j++) segmentForBench(cleaned);
      jiebaMs.push(since(start) / GROUP);
    }
    return {
      summarizeMs: median(summarizeMs), inWasmMs: median(inWasmMs), jiebaMs: median(jiebaMs),
      cleanedChars: cleaned.length,
    };
  },

  /**
   * Every text with `k` sentences, after one warm-up pass (as the peers are timed);
   * a text with nothing to summarize is timed all the same.
   */
  docs(texts, k) {
    const options = { sentences: k };
    const each = () => {
      for (const text of texts) {
        try {
          summarize(text, options);
        } catch {
          // an empty document: its refusal is part of the work
        }
      }
    };
    each();
    const start = performance.now();
    each();
    const totalMs = since(start);
    return { totalMs, msPerDoc: totalMs / texts.length };
  },
};

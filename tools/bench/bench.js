// Runs in the page that tools/bench/browser.mjs opens: times init, the first
// summarize (dictionary build included) and warm calls, on the main thread
// so that nothing but the wasm is measured.
import init, { summarize } from '../../www/pkg/article_summarizer.js';

const WARM_RUNS = 31;

async function run() {
  const text = await (await fetch('../../www/samples/000_1fb41a5b070bc01f.txt')).text();
  const t0 = performance.now();
  await init(new URL('../../www/pkg/article_summarizer_bg.wasm', import.meta.url));
  const t1 = performance.now();
  summarize(text);
  const t2 = performance.now();
  const warm = [];
  for (let i = 0; i < WARM_RUNS; i++) {
    const t = performance.now();
    summarize(text);
    warm.push(performance.now() - t);
  }
  warm.sort((a, b) => a - b);
  return { initMs: t1 - t0, firstMs: t2 - t1, warmMs: warm[WARM_RUNS >> 1] };
}

window.benchResult = run().catch((e) => ({ error: String(e) }));

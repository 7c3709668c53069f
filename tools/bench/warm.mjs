// Part 3, warm speed: `summarize` on seed 000 once the engine is warm, beside jieba
// alone (`segmentForBench` / `segment_for_bench`, the same dictionary) on the cleaned
// text, in the same context and interleaved; in wasm (Chromium) and natively.
import { CONTEXTS, SAMPLES_DIR, SEED, benchNative, benchPage, median, meets, ms, seedText, table, times } from './common.mjs';

const RUNS = 31;
const TARGET_MS = 3;
const TARGET_RATIO = 2;

export async function warm(browser, server) {
  const wasm = [];
  for (let i = 0; i < CONTEXTS; i++) {
    const bench = await benchPage(browser, server);
    wasm.push(await bench.page.evaluate(([text, runs]) => window.bench.warm(text, runs), [seedText(), RUNS]));
    await bench.close();
  }
  const wasmSummarize = median(wasm.map((r) => r.summarizeMs));
  const wasmJieba = median(wasm.map((r) => r.jiebaMs));
  const native = benchNative(['warm', `${SAMPLES_DIR}/${SEED}`, String(RUNS)]);
  const row = (label, summarize, jieba) => [label, `**${ms(summarize, 2)}**`, ms(jieba, 2), `**${times(summarize, jieba)}**`,
    `${meets(summarize <= TARGET_MS)} / ${meets(summarize <= TARGET_RATIO * jieba)}`];
  table(`Warm speed (seed 000, ${seedText().length} characters)`,
    ['where', 'warm `summarize`', 'jieba alone, cleaned text', 'ratio', `≤ ${TARGET_MS} ms / ≤ ${TARGET_RATIO}× jieba`], [
      row(`wasm, Chromium (median of ${RUNS} × 4 calls, median of ${CONTEXTS} contexts)`, wasmSummarize, wasmJieba),
      row(`native (median of ${RUNS})`, native.warmMs, native.jiebaMs),
    ], [
      `Native first \`summarize\` (dictionary build included): ${ms(native.firstMs)}. ` +
        'The two calls alternate, so both see the same load; jieba runs on `summarize`\'s own cleaned text.',
    ]);
}

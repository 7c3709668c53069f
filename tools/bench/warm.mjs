// Part 3, warm speed: `summarize` on seed 000 once the engine is warm, beside jieba
// alone (`segmentForBench` / `segment_for_bench`, the same dictionary) on the cleaned
// text, in the same context and interleaved; in wasm (Chromium) and natively. In wasm
// also the same call with its result kept in wasm (`summarizeForBench`), which shows
// what handing the summary to JavaScript costs.
//
// The machine is shared and noisy, so a third row counts instructions instead of time:
// valgrind's callgrind runs `bench_native repeat` with 1 and with 11 calls of one of
// the two, and the difference over 10 is one call's count, the same on every run.
// Part `stages` counts the same way, one stage's function at a time.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  CONTEXTS, SAMPLES_DIR, SEED, benchNative, benchPage, median, meets, ms, nativeExample, notice, seedText, table, times,
} from './common.mjs';

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
  const wasmInWasm = median(wasm.map((r) => r.inWasmMs));
  const wasmJieba = median(wasm.map((r) => r.jiebaMs));
  const crossing = wasmSummarize - wasmInWasm;
  const native = benchNative(['warm', `${SAMPLES_DIR}/${SEED}`, String(RUNS)]);
  const counted = countInstructions();
  const row = (label, summarize, jieba) => [label, `**${ms(summarize, 2)}**`, ms(jieba, 2), `**${times(summarize, jieba)}**`,
    `${meets(summarize <= TARGET_MS)} / ${meets(summarize <= TARGET_RATIO * jieba)}`];
  table(`Warm speed (seed 000, ${seedText().length} characters)`,
    ['where', 'warm `summarize`', 'jieba alone, cleaned text', 'ratio', `≤ ${TARGET_MS} ms / ≤ ${TARGET_RATIO}× jieba`], [
      row(`wasm, Chromium (median of ${RUNS} × 4 calls, median of ${CONTEXTS} contexts)`, wasmSummarize, wasmJieba),
      row(`native (median of ${RUNS})`, native.warmMs, native.jiebaMs),
      ...(counted ? [['native, instructions per call (callgrind)', `**${mega(counted.summarize)}**`, mega(counted.jieba),
        `**${times(counted.summarize, counted.jieba)}**`, `— / ${meets(counted.summarize <= TARGET_RATIO * counted.jieba)}`]] : []),
    ], [
      `In wasm, the same call with its result kept in wasm (\`summarizeForBench\`) took ${ms(wasmInWasm, 2)}: ` +
        `handing the summary to JavaScript (serializing it, decoding and parsing the JSON, collecting the garbage) ` +
        `took the difference, ${ms(crossing, 2)}, ${Math.round((100 * crossing) / wasmSummarize)}% of the call and ` +
        `${times(crossing, wasmJieba)} jieba alone.`,
      `Native first \`summarize\` (dictionary build included): ${ms(native.firstMs)}. ` +
        'The calls alternate, so all see the same load; jieba runs on `summarize`\'s own cleaned text.',
    ]);
}

const mega = (n) => `${(n / 1e6).toFixed(2)} M`;

/** Instructions of one warm `summarize` and one jieba cut, or null without valgrind. */
function countInstructions() {
  if (!hasValgrind()) return null;
  return withCallgrind((perCall) => ({ summarize: perCall('summarize'), jieba: perCall('jieba') }));
}

function hasValgrind() {
  if (spawnSync('valgrind', ['--version']).status === 0) return true;
  notice('valgrind is not installed: the instruction counts are skipped.');
  return false;
}

/**
 * Calls `use` with `perCall(which, fn?)`: the instructions of one warm call of `which`
 * (`bench_native repeat` with 11 calls less 1, over 10), or with `fn` only those spent
 * inside that function and what it calls (callgrind's --toggle-collect).
 */
function withCallgrind(use) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'callgrind-'));
  try {
    const total = (which, runs, fn) => {
      const out = path.join(dir, `${which}-${runs}.out`);
      const args = ['--tool=callgrind', `--callgrind-out-file=${out}`, ...(fn ? [`--toggle-collect=${fn}`] : []),
        nativeExample('bench_native'), 'repeat', which, `${SAMPLES_DIR}/${SEED}`, String(runs)];
      const result = spawnSync('valgrind', args, { encoding: 'utf8' });
      if (result.status !== 0) throw new Error(`valgrind ${args.join(' ')}: ${result.stderr}`);
      return Number(readFileSync(out, 'utf8').match(/^totals: (\d+)$/m)[1]);
    };
    return use((which, fn) => (total(which, 11, fn) - total(which, 1, fn)) / 10);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The stages of `summarize`, by the function that does each: [label, function]. */
const STAGES = [
  ['tokens (`text::words::tokens`)', 'article_summarizer::text::words::tokens'],
  ['· jieba\'s cut, inside tokens', 'jieba_rs::Jieba::cut'],
  ['ranking (`pipeline::rank_article`)', 'article_summarizer::pipeline::rank_article'],
  ['key figures (`figures::find`)', 'article_summarizer::figures::find'],
  ['the document (`document::parse`)', 'article_summarizer::document::parse'],
  ['sentence splitting (`text::sentences::split`)', 'article_summarizer::text::sentences::split'],
];

/**
 * Part `stages`: where one warm `summarize` of seed 000 spends its instructions, stage by
 * stage. A stage the compiler inlined into its caller has no function of its own to
 * count, and says so.
 */
export async function stages() {
  if (!hasValgrind()) return;
  const rows = withCallgrind((perCall) => {
    const all = perCall('summarize', 'article_summarizer::pipeline::summarize');
    const counted = STAGES.map(([label, fn]) => [label, perCall('summarize', fn)]);
    const rest = all - counted.filter(([label]) => !label.startsWith('·')).reduce((sum, [, n]) => sum + n, 0);
    return [
      ...counted.map(([label, n]) => [label, n > 0 ? mega(n) : '— (inlined into its caller)']),
      ['keywords, language, sentence repeat keys, offsets and output (the rest)', mega(rest)],
      ['all of `summarize`', `**${mega(all)}**`],
    ];
  });
  table('Stages of a warm call (seed 000, instructions, callgrind --toggle-collect)', ['stage', 'instructions'], rows, [
    'Each stage counts the instructions inside its function and what that calls, for one warm call ' +
      '(`bench_native repeat summarize` with 11 calls less 1, over 10).',
  ]);
}

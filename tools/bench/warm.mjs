// Part 3, warm speed: `summarize` on seed 000 once the engine is warm, beside jieba
// alone (`segmentForBench` / `segment_for_bench`, the same dictionary) on the cleaned
// text, in the same context and interleaved; in wasm (Chromium) and natively.
//
// The machine is shared and noisy, so a third row counts instructions instead of time:
// valgrind's callgrind runs `bench_native repeat` with 1 and with 11 calls of one of
// the two, and the difference over 10 is one call's count, the same on every run.
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
  const wasmJieba = median(wasm.map((r) => r.jiebaMs));
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
      `Native first \`summarize\` (dictionary build included): ${ms(native.firstMs)}. ` +
        'The two calls alternate, so both see the same load; jieba runs on `summarize`\'s own cleaned text.',
    ]);
}

const mega = (n) => `${(n / 1e6).toFixed(2)} M`;

/** Instructions of one warm `summarize` and one jieba cut, or null without valgrind. */
function countInstructions() {
  if (spawnSync('valgrind', ['--version']).status !== 0) {
    notice('valgrind is not installed: the instruction counts are skipped.');
    return null;
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'callgrind-'));
  try {
    const total = (which, runs) => {
      const out = path.join(dir, `${which}-${runs}.out`);
      const args = ['--tool=callgrind', `--callgrind-out-file=${out}`, nativeExample('bench_native'),
        'repeat', which, `${SAMPLES_DIR}/${SEED}`, String(runs)];
      const result = spawnSync('valgrind', args, { encoding: 'utf8' });
      if (result.status !== 0) throw new Error(`valgrind ${args.join(' ')}: ${result.stderr}`);
      return Number(readFileSync(out, 'utf8').match(/^totals: (\d+)$/m)[1]);
    };
    const perCall = (which) => (total(which, 11) - total(which, 1)) / 10;
    return { summarize: perCall('summarize'), jieba: perCall('jieba') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

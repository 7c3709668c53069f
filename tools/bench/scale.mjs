// Part 4, scale: articles of 10 KB to 10 MB made by concatenating the samples;
// `summarize` in wasm (Chromium, a fresh context per size, so each wasm memory starts
// anew and its size after the call is that call's peak) and natively.
//
// Each call is stopped after CAP_MS, and a size is skipped when the size before it,
// grown linearly, would already pass CAP_MS: an engine that scales badly costs the
// run minutes, not hours, and the table says so.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { benchNative, benchPage, concatenatedArticle, meets, ms, table } from './common.mjs';

const MB = 1 << 20;
const CAP_MS = 60_000;
const SIZES = [
  { label: '10 KB', bytes: 10 << 10 },
  { label: '100 KB', bytes: 100 << 10 },
  { label: '1 MB', bytes: MB, targetMs: 1000 },
  { label: '10 MB', bytes: 10 * MB, targetMs: 10_000, targetMemory: 300 * MB },
];

const mb = (bytes) => `${(bytes / MB).toFixed(1)} MB`;
const seconds = (value) => `${(value / 1000).toFixed(0)} s`;

/** One `summarize` of `text` in a fresh context; null when stopped after CAP_MS. */
async function inWasm(browser, server, text) {
  const bench = await benchPage(browser, server);
  let timer;
  const stopped = new Promise((resolve) => { timer = setTimeout(() => resolve(null), CAP_MS); });
  const measured = bench.page.evaluate((text) => {
    const warmUpMs = window.bench.warmUp();
    const before = window.bench.memory();
    const summarizeMs = window.bench.summarizeOnce(text);
    return { warmUpMs, before, summarizeMs, after: window.bench.memory() };
  }, text);
  measured.catch(() => {}); // rejected when the context is closed under it
  try {
    return await Promise.race([measured, stopped]);
  } finally {
    clearTimeout(timer);
    await bench.close();
  }
}

/**
 * Runs `measure` on each article in turn, unless the one before was stopped or, grown
 * linearly, would pass CAP_MS. Returns per article `{result}`, `{stopped: true}` or `{skipped}`.
 */
async function ascending(articles, measure, timeOf) {
  const out = [];
  let previous = null;
  for (const article of articles) {
    if (previous?.stopped || previous?.skipped) {
      out.push({ skipped: 'the size before was not finished' });
    } else if (previous && (timeOf(previous.result) * article.bytes) / previous.bytes > CAP_MS) {
      out.push({ skipped: `over ${seconds(CAP_MS)} if linear from the size before` });
    } else {
      const result = await measure(article);
      out.push(result ? { result } : { stopped: true });
    }
    out.at(-1).bytes = article.bytes;
    previous = out.at(-1);
  }
  return out;
}

const timeCell = (run, time) =>
  run.result ? `**${ms(time(run.result), 0)}**` : run.stopped ? `> ${seconds(CAP_MS)} (stopped)` : `skipped: ${run.skipped}`;

export async function scale(browser, server) {
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-scale-'));
  try {
    const articles = SIZES.map((size) => {
      const file = path.join(dir, `${size.bytes}.txt`);
      writeFileSync(file, concatenatedArticle(size.bytes));
      return { ...size, file };
    });
    const native = await ascending(articles, (a) => benchNative(['scale', a.file], { timeoutMs: CAP_MS })?.[0], (r) => r.ms);
    const wasm = await ascending(articles, (a) => inWasm(browser, server, readFileSync(a.file, 'utf8')), (r) => r.summarizeMs);
    const rows = articles.map((article, i) => {
      const w = wasm[i].result;
      const targets = [];
      if (article.targetMs) targets.push(`≤ ${article.targetMs / 1000} s: ${meets(w && w.summarizeMs <= article.targetMs)}`);
      if (article.targetMemory) targets.push(`≤ ${mb(article.targetMemory)}: ${w ? meets(w.after <= article.targetMemory) : 'not measured'}`);
      const memory = w ? [mb(w.before), `**${mb(w.after)}**`, `+${mb(w.after - w.before)}`] : ['', '', ''];
      return [article.label, timeCell(wasm[i], (r) => r.summarizeMs), timeCell(native[i], (r) => r.ms), ...memory, targets.join(', ')];
    });
    table('Scale (samples concatenated; one `summarize` each, engine warmed first)',
      ['article', 'wasm, Chromium', 'native', 'wasm memory before', 'wasm memory after (peak)', 'growth', 'target (wasm)'],
      rows, [
        'Wasm: a fresh Chromium context per size, on the main thread, after `init` and `warmUp`; memory is ' +
          '`memory.buffer.byteLength`, which never shrinks, so after the call it is the call\'s peak. Native: ' +
          `\`bench_native scale\`, a process per size. Each call is stopped after ${seconds(CAP_MS)}. 1 KB = 1024 bytes.`,
      ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// `./build.sh bench`, browser part: wasm sizes, and init / first / warm
// `summarize` timings in headless Chromium, each the median over fresh
// browser contexts. Prints Markdown table rows.
import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { chromium } from 'playwright-core';
import { startServer } from '../serve.mjs';

const CONTEXTS = 7;
const WASM = 'www/pkg/article_summarizer_bg.wasm';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const kb = (n) => `${(n / 1024).toFixed(0)} KB`;
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

/** About 1 MB of article: the five samples, repeated. */
function megabyteArticle() {
  const samples = readdirSync('www/samples').filter((f) => f.endsWith('.txt')).sort();
  const parts = [];
  let size = 0;
  while (size < 1 << 20) {
    for (const f of samples) {
      const text = readFileSync(`www/samples/${f}`, 'utf8');
      parts.push(text);
      size += Buffer.byteLength(text);
    }
  }
  return parts.join('\n\n');
}

/** Fresh pages the 1 MB measurement is repeated in. */
const LOAD_RUNS = 5;

/**
 * The real page analysing a 1 MB file, in fresh contexts: how long the main
 * thread was blocked at most (longest task, from the Long Tasks API) and how
 * long until the result was shown; medians over the runs.
 */
async function pageUnderLoad(browser) {
  const runs = [];
  for (let i = 0; i < LOAD_RUNS; i++) runs.push(await pageUnderLoadOnce(browser));
  console.log(`| page: 1 MB file, drop to result shown, median of ${LOAD_RUNS} | ${median(runs.map((r) => r.elapsed))} ms |`);
  console.log(
    `| page: longest main-thread task while a 1 MB file is analysed, median of ${LOAD_RUNS} (all: ${runs.map((r) => r.longest).join(', ')}) | ${median(runs.map((r) => r.longest))} ms |`,
  );
}

async function pageUnderLoadOnce(browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.longTasks.push(entry.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
  await page.goto(`${server.url}www/index.html`);
  await page.waitForSelector('#status[data-state="ready"]', { timeout: 60_000 });
  // The file is dropped from inside the page, and completion is polled
  // lightly, so that the harness itself adds no long tasks.
  const article = megabyteArticle();
  await page.evaluate(() => { window.longTasks.length = 0; });
  const started = Date.now();
  await page.evaluate((text) => {
    const drop = new DataTransfer();
    drop.items.add(new File([text], 'one-megabyte.txt', { type: 'text/plain' }));
    for (const type of ['dragenter', 'dragover', 'drop']) {
      document.body.dispatchEvent(new DragEvent(type, { dataTransfer: drop, bubbles: true, cancelable: true }));
    }
  }, article);
  await page.waitForFunction(() => document.querySelector('#status')?.dataset.state === 'done', null, { polling: 250, timeout: 120_000 });
  const elapsed = Date.now() - started;
  // Batches of the article are still being appended after "done".
  await page.waitForTimeout(1000);
  const longest = Math.round(await page.evaluate(() => Math.max(0, ...window.longTasks)));
  await context.close();
  return { elapsed, longest };
}

const wasm = readFileSync(WASM);
console.log('| measure | value |');
console.log('|---|---|');
console.log(`| wasm raw | ${kb(wasm.length)} |`);
console.log(`| wasm gzip -9 | ${kb(gzipSync(wasm, { level: 9 }).length)} |`);
console.log(`| wasm brotli q11 | ${kb(brotliCompressSync(wasm, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length)} |`);

const server = await startServer('.');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
try {
  const results = [];
  for (let i = 0; i < CONTEXTS; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}tools/bench/bench.html`);
    const result = await page.evaluate(() => window.benchResult);
    if (result.error) throw new Error(result.error);
    results.push(result);
    await context.close();
  }
  const row = (label, key) => console.log(`| ${label}, median of ${CONTEXTS} contexts | ${median(results.map((r) => r[key])).toFixed(1)} ms |`);
  row('Chromium: `init` (compile + instantiate)', 'initMs');
  row('Chromium: first `summarize` (dictionary build included)', 'firstMs');
  row('Chromium: warm `summarize`, median of 31 calls', 'warmMs');
  await pageUnderLoad(browser);
} finally {
  await browser.close();
  await server.close();
}

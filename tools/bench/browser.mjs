// `./build.sh bench`, browser part: wasm sizes, and init / first / warm
// `summarize` timings in headless Chromium, each the median over fresh
// browser contexts. Prints Markdown table rows.
import { readFileSync } from 'node:fs';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { chromium } from 'playwright-core';
import { startServer } from '../serve.mjs';

const CONTEXTS = 7;
const WASM = 'www/pkg/article_summarizer_bg.wasm';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const kb = (n) => `${(n / 1024).toFixed(0)} KB`;
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

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
} finally {
  await browser.close();
  await server.close();
}

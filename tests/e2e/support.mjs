// Shared by the page's end-to-end tests: the static server and Chromium, a fresh page
// per test with checks on what went wrong in the background, and helpers that act as
// a reader would (drop, paste, wait for the status line, read the results).
//
// Uses the system Chromium (/usr/bin/chromium, or $CHROMIUM); never downloads a browser.

import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from '../../tools/serve.mjs';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const SITE = path.resolve(ROOT, process.env.E2E_SITE_DIR ?? 'www');
export const OUT = path.join(ROOT, 'test-output', 'e2e');
export const SEED = '000_1fb41a5b070bc01f.txt';
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
export const WAIT = 30_000; // per wait; the machine is small and shared
export const TEST_TIMEOUT = 180_000;

export const ENGLISH = [
  'The city council approved a new budget on Tuesday after three weeks of debate.',
  'The plan sets aside 12 million dollars for road repairs and 4 million dollars for public libraries.',
  'Council members said the library money would extend opening hours on weekends.',
  'Critics argued that the road budget was still too small to fix the worst streets.',
  'The mayor said the city would review the spending again next spring.',
].join(' ');

export const ENGLISH_2 = [
  'Researchers at the university have built a battery that charges in under ten minutes.',
  'The team tested the cells for 2,000 cycles and found they kept 90 percent of their capacity.',
  'They hope to work with carmakers, but say large-scale production is at least five years away.',
].join(' ');

let server;
let browser;

/** The URL the site is served at. */
export const siteUrl = () => server.url;

/** Starts the static server on SITE and the browser; call from `before`. */
export async function openSite() {
  const pkg = path.join(SITE, 'pkg', 'article_summarizer.js');
  if (!existsSync(pkg)) {
    throw new Error(`${path.relative(ROOT, pkg)} is missing: run \`./build.sh build\` first.`);
  }
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM} (set $CHROMIUM).`);
  server = await startServer(SITE, 0);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  await mkdir(OUT, { recursive: true });
}

/** Stops what openSite started; call from `after`. */
export async function closeSite() {
  await browser?.close();
  await server?.close();
}

/**
 * Opens the page in a fresh context, runs `body`, then asserts that nothing went
 * wrong in the background: no console errors, no page errors, no foreign requests.
 * @param {{width: number, height: number}} viewport
 * @param {(page: import('playwright-core').Page, context: import('playwright-core').BrowserContext) => Promise<void>} body
 * @param {{beforeLoad?: Function, readyState?: string, context?: object, path?: string, noWarnings?: boolean,
 *   site?: {url: string}, loadsWasm?: boolean}} [options] site: another server to load the page from;
 *   loadsWasm: false when the page is not expected to get as far as requesting the wasm
 */
export async function withPage(viewport, body, { beforeLoad, readyState = 'ready', context: extra = {}, path: at = '', noWarnings = false, site = server, loadsWasm = true } = {}) {
  const context = await browser.newContext({ viewport, locale: 'en-US', ...extra });
  const problems = [];
  const requests = [];
  context.on('request', (request) => requests.push(request.url()));
  const onConsole = (where) => (message) => {
    const bad = message.type() === 'error' || (noWarnings && message.type() === 'warning');
    if (bad) problems.push(`console ${message.type()} (${where}): ${message.text()}`);
  };
  context.on('console', onConsole('page'));
  const page = await context.newPage();
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('worker', (worker) => worker.on('console', onConsole(`worker ${worker.url()}`)));
  page.setDefaultTimeout(WAIT);
  try {
    await beforeLoad?.(context);
    await page.goto(new URL(at, site.url).href, { waitUntil: 'load' });
    await waitForState(page, [readyState], `the summarizer to be ${readyState}`);
    await body(page, context);
  } finally {
    await context.close();
  }
  assert.deepEqual([...new Set(problems)], [], 'the page logged errors');
  const origin = new URL(site.url).origin;
  const foreign = requests.filter((url) => !['blob:', 'data:'].includes(new URL(url).protocol) && new URL(url).origin !== origin);
  assert.deepEqual(foreign, [], 'the page requested something from another origin');
  if (loadsWasm) assert.ok(requests.some((url) => url.endsWith('.wasm')), 'the wasm module was never requested');
}

/** Waits until the status line is in one of `states`; returns {state, text}. */
export async function waitForState(page, states, what) {
  try {
    await page.waitForFunction(
      (wanted) => wanted.includes(document.getElementById('status')?.dataset.state),
      states,
      { timeout: WAIT },
    );
  } catch (err) {
    const status = await statusOf(page);
    throw new Error(`timed out waiting for ${what}; status is ${status.state}: "${status.text}"`, { cause: err });
  }
  return statusOf(page);
}

export function statusOf(page) {
  return page.evaluate(() => {
    const status = document.getElementById('status');
    return { state: status.dataset.state, text: status.textContent };
  });
}

/** Waits for a request started by the page to finish, and fails on an error status. */
export async function waitForSummary(page, what) {
  const status = await waitForState(page, ['done', 'error'], what);
  assert.equal(status.state, 'done', `summarizing ${what} failed: ${status.text}`);
}

/** Reads what the results area shows, once the article pane is complete (not aria-busy). */
export async function readResults(page) {
  await page.waitForFunction(() => !document.getElementById('article-text')?.hasAttribute('aria-busy'), null, { timeout: WAIT });
  return page.evaluate(() => {
    const text = (node) => node?.textContent ?? '';
    const results = document.getElementById('results');
    return {
      visible: !results.hidden,
      lang: document.getElementById('article-text').lang,
      title: text(document.getElementById('result-title')).trim(),
      titleIsFallback: document.getElementById('result-title').classList.contains('is-fallback'),
      sentences: [...document.querySelectorAll('#sentences .sentence')].map(text),
      figures: [...document.querySelectorAll('#figures .figure-card')].map((card) => ({
        number: text(card.querySelector('.figure-number')),
        label: text(card.querySelector('.figure-label')),
      })),
      keywords: [...document.querySelectorAll('#keywords .chip')].map(text),
      article: text(document.getElementById('article-text')),
    };
  });
}

export function assertSentencesInArticle(shown, min) {
  assert.ok(shown.sentences.length >= min, `expected at least ${min} headline sentences, got ${shown.sentences.length}`);
  for (const sentence of shown.sentences) {
    assert.ok(sentence.trim().length > 0, 'a headline sentence is empty');
    assert.ok(shown.article.includes(sentence), `headline sentence not found in the article: ${sentence}`);
  }
}

/** Drops files on the page through a synthetic DataTransfer: [{name, bytes}]. */
export async function dropFiles(page, files) {
  await page.evaluate((files) => {
    const transfer = new DataTransfer();
    for (const { name, base64 } of files) {
      const data = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      transfer.items.add(new File([data], name, { type: 'text/plain' }));
    }
    window.__e2eTransfer = transfer;
    for (const type of ['dragenter', 'dragover']) {
      document.body.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: transfer }));
    }
  }, files.map(({ name, bytes }) => ({ name, base64: Buffer.from(bytes).toString('base64') })));
  assert.ok(await page.locator('#drop-overlay').isVisible(), 'no drop overlay while dragging a file');
  await page.evaluate(() => {
    const transfer = window.__e2eTransfer;
    delete window.__e2eTransfer;
    document.body.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: transfer }));
  });
  assert.ok(await page.locator('#drop-overlay').isHidden(), 'the drop overlay stayed after the drop');
}

/** Drops one file on the page. */
export function dropFile(page, name, bytes) {
  return dropFiles(page, [{ name, bytes }]);
}

export const sampleBytes = (file) => readFile(path.join(SITE, 'samples', file));

/** Records every state the status line passes through, from now on, in window.__states. */
export function recordStates(page) {
  return page.evaluate(() => {
    window.__states = [];
    new MutationObserver(() => window.__states.push(document.getElementById('status').dataset.state)).observe(
      document.getElementById('status'),
      { attributes: true, attributeFilter: ['data-state'] },
    );
  });
}

/**
 * WCAG contrast of every visible piece of text on the page: [{what, ratio, needed}] for
 * those below AA (4.5:1, or 3:1 for large text). Backgrounds are found by walking up to
 * the first opaque one; translucent layers are blended on the way.
 */
export function lowContrast(page) {
  return page.evaluate(() => {
    const parse = (c) => {
      const m = c.match(/rgba?\(([^)]+)\)/);
      if (!m) return [0, 0, 0, 0];
      const parts = m[1].split(/[ ,/]+/).filter(Boolean).map(Number);
      return [parts[0], parts[1], parts[2], parts.length > 3 ? parts[3] : 1];
    };
    const blend = (top, bottom) => [0, 1, 2].map((i) => top[i] * top[3] + bottom[i] * (1 - top[3])).concat(1);
    const lum = ([r, g, b]) => {
      const f = (v) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    const background = (node) => {
      const layers = [];
      for (let n = node; n; n = n.parentElement) {
        const bg = parse(getComputedStyle(n).backgroundColor);
        if (bg[3] > 0) layers.push(bg);
        if (bg[3] >= 1) break;
      }
      let color = [255, 255, 255, 1];
      if (layers.length && layers[layers.length - 1][3] >= 1) color = layers.pop();
      else color = matchMedia('(prefers-color-scheme: dark)').matches ? [0, 0, 0, 1] : [255, 255, 255, 1];
      while (layers.length) color = blend(layers.pop(), color);
      return color;
    };
    const out = [];
    for (const node of document.querySelectorAll('body *')) {
      const hasText = [...node.childNodes].some((c) => c.nodeType === 3 && c.textContent.trim());
      if (!hasText || node.getClientRects().length === 0 || node.closest('[hidden], .visually-hidden')) continue;
      const style = getComputedStyle(node);
      if (style.visibility === 'hidden' || Number(style.opacity) === 0) continue;
      const fg = blend(parse(style.color), background(node));
      const bg = background(node);
      const [a, b] = [lum(fg), lum(bg)].sort((x, y) => y - x);
      const ratio = (a + 0.05) / (b + 0.05);
      const size = parseFloat(style.fontSize);
      const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
      const needed = large ? 3 : 4.5;
      if (ratio < needed) out.push({ what: `${node.localName}.${node.className}: ${node.textContent.trim().slice(0, 20)}`, ratio: +ratio.toFixed(2), needed });
    }
    return out;
  });
}

/** True once the first element matching `selector` is inside the article pane's visible area. */
export function waitInArticleView(page, selector) {
  return page.waitForFunction(
    (sel) => {
      const target = document.querySelector(sel);
      if (!target) return false;
      const pane = document.getElementById('article-text');
      const t = target.getBoundingClientRect();
      const p = pane.getBoundingClientRect();
      const visibleTop = Math.max(p.top, 0);
      const visibleBottom = Math.min(p.bottom, window.innerHeight);
      return t.bottom > visibleTop && t.top < visibleBottom;
    },
    selector,
    { timeout: WAIT },
  );
}

// End-to-end test of the embed: <article-summary> and the module API on a CMS-like page
// (www/embed-demo.html), served with a strict Content-Security-Policy header.
//
//   ./build.sh build            # once: generates www/pkg/
//   node --test tests/e2e/embed.test.mjs
//
// Uses the system Chromium (/usr/bin/chromium, or $CHROMIUM); never downloads a browser.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { existsSync } from 'node:fs';
import { mkdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { MIME_TYPES, resolveInside } from '../../tools/serve.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SITE = path.resolve(ROOT, process.env.E2E_SITE_DIR ?? 'www');
const OUT = path.join(ROOT, 'test-output', 'e2e');
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const WAIT = 30_000;
const CSP = "script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'";

let server;
let origin;
let browser;

/** A static server like tools/serve.mjs, but every response carries the strict CSP. */
function serveWithCsp(root) {
  return new Promise((resolve, reject) => {
    const srv = createServer(async (req, res) => {
      const file = resolveInside(root, new URL(req.url, 'http://localhost').pathname);
      const info = file && (await stat(file).catch(() => null));
      if (!info?.isFile()) {
        res.writeHead(404, { 'Content-Type': 'text/plain', 'Content-Security-Policy': CSP });
        return res.end('Not found\n');
      }
      res.writeHead(200, {
        'Content-Type': MIME_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
        'Content-Security-Policy': CSP,
        'Cache-Control': 'no-cache',
        'X-Content-Type-Options': 'nosniff',
      });
      res.end(await readFile(file));
    });
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => resolve(srv));
  });
}

before(async () => {
  if (!existsSync(path.join(SITE, 'pkg', 'article_summarizer.js'))) {
    throw new Error('www/pkg is missing: run `./build.sh build` first.');
  }
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM} (set $CHROMIUM).`);
  server = await serveWithCsp(SITE);
  origin = `http://127.0.0.1:${server.address().port}`;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  await mkdir(OUT, { recursive: true });
});

after(async () => {
  await browser?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve()));
  server?.closeAllConnections?.();
});

/** What an <article-summary> shows, read through its shadow root. */
function shown(page, id) {
  return page.evaluate((id) => {
    const host = document.getElementById(id);
    const root = host.shadowRoot;
    const texts = (part) => [...root.querySelectorAll(`[part~="${part}"]`)].map((n) => n.textContent);
    return {
      state: host.dataset.state,
      title: texts('title')[0] ?? null,
      sentences: texts('sentence'),
      figures: [...root.querySelectorAll('[part~="figure"]')].map((f) => ({
        number: f.querySelector('[part~="figure-number"]').textContent,
        label: f.querySelector('[part~="figure-label"]').textContent,
      })),
      keywords: texts('keyword'),
      inlineStyles: root.querySelectorAll('style, [style]').length,
      sheets: root.adoptedStyleSheets.length,
      accent: getComputedStyle(root.querySelector('.container')).borderLeftColor,
    };
  }, id);
}

test('the embed demo under a strict CSP: two articles, one worker, no errors', { timeout: 180_000 }, async () => {
  const context = await browser.newContext({ viewport: { width: 1000, height: 700 }, locale: 'zh-CN' });
  const problems = [];
  const requests = [];
  const workers = [];
  context.on('request', (request) => requests.push(request.url()));
  const page = await context.newPage();
  page.setDefaultTimeout(WAIT);
  page.on('console', (m) => m.type() === 'error' && problems.push(`console error: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('worker', (worker) => {
    workers.push(worker.url());
    worker.on('console', (m) => m.type() === 'error' && problems.push(`worker console error: ${m.text()}`));
  });
  await page.addInitScript(() => {
    window.__csp = [];
    window.__ready = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
    document.addEventListener('summary-ready', (e) => window.__ready.push({ id: e.target.id, figures: e.detail.figures.map((f) => f.text), schema: e.detail.schema }));
  });
  try {
    const response = await page.goto(`${origin}/embed-demo.html`, { waitUntil: 'load' });
    assert.equal(response.headers()['content-security-policy'], CSP);

    // The first summary is in view and finishes; the second, far below, waits for the reader.
    await page.waitForFunction(() => document.getElementById('summary-1').dataset.state === 'done', null, { timeout: 60_000 });
    const far = await page.evaluate(() => document.getElementById('summary-2').getBoundingClientRect().top - innerHeight);
    assert.ok(far > 320, `the second summary is only ${far} px below the viewport`);
    assert.equal(await page.evaluate(() => document.getElementById('summary-2').dataset.state), 'waiting', 'the second summary started before it came near the viewport');

    await page.locator('#summary-2').scrollIntoViewIfNeeded();
    await page.waitForFunction(() => document.getElementById('summary-2').dataset.state === 'done', null, { timeout: 60_000 });

    const first = await shown(page, 'summary-1');
    const second = await shown(page, 'summary-2');
    const has = (s, number, label) => s.figures.some((f) => f.number === number && f.label.includes(label));
    assert.ok(has(first, '2.8万人次', ''), `first article: ${JSON.stringify(first.figures)}`);
    assert.ok(first.figures.some((f) => f.number === '12.6亿元'), `first article: ${JSON.stringify(first.figures)}`);
    assert.ok(!first.figures.some((f) => f.number === '3944名'), 'the first summary shows the second article\'s figure');
    assert.equal(first.sentences.length, 2, 'sentences="2" was not honoured');
    assert.equal(first.figures.length, 4, 'figures="4" was not honoured');
    assert.ok(first.sentences.every((s) => s.length > 0));

    assert.ok(has(second, '3944名', '人才'), `second article: ${JSON.stringify(second.figures)}`);
    assert.ok(!second.figures.some((f) => f.number === '12.6亿元'), 'the second summary shows the first article\'s figure');
    assert.equal(second.title, '重庆成为人才向往的创新创业热土');
    assert.equal(second.sentences.length, 3);
    assert.ok(second.keywords.length > 0);

    for (const s of [first, second]) {
      assert.equal(s.inlineStyles, 0, 'inline styles in the shadow root');
      assert.equal(s.sheets, 1, 'the constructable stylesheet is not adopted');
    }
    // Themed from the page through --summary-accent (box layout draws it as the left rule).
    const red = await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--red').trim());
    assert.ok(red, 'no --red in the demo CSS');
    assert.notEqual(first.accent, 'rgb(0, 0, 0)');

    const ready = await page.evaluate(() => window.__ready);
    assert.deepEqual(ready.map((r) => r.id).sort(), ['summary-1', 'summary-2'], 'summary-ready did not fire once for each');
    assert.ok(ready.every((r) => r.schema === 1));

    // The module API shares the same worker.
    const viaModule = await page.evaluate(async () => {
      const { summarize, summarizeFile } = await import('./article-summarizer.js');
      const [a, b] = await Promise.all([
        summarize('新馆总投资12.6亿元，建筑面积9.3万平方米。首日接待读者2.8万人次。'),
        summarizeFile(await (await fetch('samples/000_1fb41a5b070bc01f.txt')).blob(), 'seed.txt', { sentences: 1 }),
      ]);
      return { a: a.figures.map((f) => f.text), b: b.figures.map((f) => [f.text, f.label]), bSentences: b.sentences.length, bSource: b.source };
    });
    assert.ok(viaModule.a.includes('12.6亿元'));
    assert.ok(viaModule.b.some(([t, l]) => t === '3944名' && l.includes('人才')));
    assert.equal(viaModule.bSentences, 1);
    assert.deepEqual(viaModule.bSource, { format: 'text', encoding: 'UTF-8' });

    // `src` may name a web page: it is read for its article, as the CLI reads .html files.
    const fromPage = await page.evaluate(
      () =>
        new Promise((resolve) => {
          const box = document.createElement('article-summary');
          box.setAttribute('src', 'embed-demo.html');
          box.addEventListener('summary-ready', (e) => resolve({ source: e.detail.source, text: e.detail.text, figures: e.detail.all_figures.length }));
          box.addEventListener('summary-error', (e) => resolve({ error: e.detail.message }));
          document.body.append(box);
          box.scrollIntoView(); // work starts only near the viewport
          setTimeout(() => resolve({ error: 'no summary-ready within 30 s' }), 30_000);
        }),
    );
    assert.deepEqual(fromPage.source, { format: 'html', encoding: 'UTF-8' }, JSON.stringify(fromPage));
    assert.ok(fromPage.figures > 0, 'no figures read from the HTML page');
    assert.ok(!/<script|article-summary\.js/.test(fromPage.text), 'markup reached the text');

    await page.screenshot({ path: path.join(OUT, 'embed-demo.png'), fullPage: true });
    assert.equal(workers.length, 1, `expected one worker, got ${JSON.stringify(workers)}`);
    assert.deepEqual(await page.evaluate(() => window.__csp), [], 'CSP violations');
  } finally {
    await context.close();
  }
  assert.deepEqual([...new Set(problems)], [], 'the page logged errors');
  const foreign = requests.filter((url) => !['blob:', 'data:'].includes(new URL(url).protocol) && new URL(url).origin !== origin);
  assert.deepEqual(foreign, [], 'requests to another origin');
});

test('the embed never builds HTML from strings; the demo has no inline scripts or styles', async () => {
  for (const file of ['article-summary.js', 'article-summarizer.js', 'client.js']) {
    const source = await readFile(path.join(SITE, file), 'utf8');
    assert.ok(!/innerHTML|outerHTML|insertAdjacentHTML|document\.write|\beval\(|new Function/.test(source), `${file} builds HTML or code from strings`);
    assert.ok(!/\.style\.|setAttribute\('style'/.test(source), `${file} sets inline styles`);
  }
  const html = await readFile(path.join(SITE, 'embed-demo.html'), 'utf8');
  assert.ok(!/<script(?![^>]*\bsrc=)[^>]*>/.test(html), 'embed-demo.html has an inline script');
  assert.ok(!/<style|\sstyle=|\son[a-z]+=/.test(html), 'embed-demo.html has inline styles or handlers');
});

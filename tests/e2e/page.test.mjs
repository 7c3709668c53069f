// End-to-end test of the static page in www/, in headless Chromium.
//
//   ./build.sh build            # once: generates www/pkg/
//   node --test tests/e2e/
//
// Uses the system Chromium (/usr/bin/chromium, or $CHROMIUM); never downloads a browser.
// Screenshots go to test-output/e2e/. Every page is checked for console errors, page
// errors and requests to other origins.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from '../../tools/serve.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SITE = path.resolve(ROOT, process.env.E2E_SITE_DIR ?? 'www');
const OUT = path.join(ROOT, 'test-output', 'e2e');
const SEED = '000_1fb41a5b070bc01f.txt';
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const WAIT = 30_000; // per wait; the machine is small and shared
const TEST_TIMEOUT = 180_000;

const ENGLISH = [
  'The city council approved a new budget on Tuesday after three weeks of debate.',
  'The plan sets aside 12 million dollars for road repairs and 4 million dollars for public libraries.',
  'Council members said the library money would extend opening hours on weekends.',
  'Critics argued that the road budget was still too small to fix the worst streets.',
  'The mayor said the city would review the spending again next spring.',
].join(' ');

const ENGLISH_2 = [
  'Researchers at the university have built a battery that charges in under ten minutes.',
  'The team tested the cells for 2,000 cycles and found they kept 90 percent of their capacity.',
  'They hope to work with carmakers, but say large-scale production is at least five years away.',
].join(' ');

let server;
let browser;

before(async () => {
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
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/**
 * Opens the page in a fresh context, runs `body`, then asserts that nothing went
 * wrong in the background: no console errors, no page errors, no foreign requests.
 */
async function withPage(viewport, body, { beforeLoad, readyState = 'ready' } = {}) {
  const context = await browser.newContext({ viewport });
  const problems = [];
  const requests = [];
  context.on('request', (request) => requests.push(request.url()));
  const onConsole = (where) => (message) => {
    if (message.type() === 'error') problems.push(`console error (${where}): ${message.text()}`);
  };
  context.on('console', onConsole('page'));
  const page = await context.newPage();
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('worker', (worker) => worker.on('console', onConsole(`worker ${worker.url()}`)));
  page.setDefaultTimeout(WAIT);
  try {
    await beforeLoad?.(context);
    await page.goto(server.url, { waitUntil: 'load' });
    await waitForState(page, [readyState], `the summarizer to be ${readyState}`);
    await body(page);
  } finally {
    await context.close();
  }
  assert.deepEqual([...new Set(problems)], [], 'the page logged errors');
  const origin = new URL(server.url).origin;
  const foreign = requests.filter((url) => new URL(url).origin !== origin);
  assert.deepEqual(foreign, [], 'the page requested something from another origin');
  assert.ok(requests.some((url) => url.endsWith('.wasm')), 'the wasm module was never requested');
}

/** Waits until the status line is in one of `states`; returns {state, text}. */
async function waitForState(page, states, what) {
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

function statusOf(page) {
  return page.evaluate(() => {
    const status = document.getElementById('status');
    return { state: status.dataset.state, text: status.textContent };
  });
}

/** Waits for a request started by the page to finish, and fails on an error status. */
async function waitForSummary(page, what) {
  const status = await waitForState(page, ['done', 'error'], what);
  assert.equal(status.state, 'done', `summarizing ${what} failed: ${status.text}`);
}

/** Reads what the results area shows. */
function readResults(page) {
  return page.evaluate(() => {
    const text = (node) => node?.textContent ?? '';
    const results = document.getElementById('results');
    return {
      visible: !results.hidden,
      lang: results.lang,
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

function assertSentencesInArticle(shown, min) {
  assert.ok(shown.sentences.length >= min, `expected at least ${min} headline sentences, got ${shown.sentences.length}`);
  for (const sentence of shown.sentences) {
    assert.ok(sentence.trim().length > 0, 'a headline sentence is empty');
    assert.ok(shown.article.includes(sentence), `headline sentence not found in the article: ${sentence}`);
  }
}

/** Drops a file on the page through a synthetic DataTransfer. */
async function dropFile(page, name, bytes) {
  await page.evaluate(
    ({ name, base64 }) => {
      const data = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([data], name, { type: 'text/plain' }));
      window.__e2eTransfer = transfer;
      for (const type of ['dragenter', 'dragover']) {
        document.body.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: transfer }));
      }
    },
    { name, base64: Buffer.from(bytes).toString('base64') },
  );
  assert.ok(await page.locator('#drop-overlay').isVisible(), 'no drop overlay while dragging a file');
  await page.evaluate(() => {
    const transfer = window.__e2eTransfer;
    delete window.__e2eTransfer;
    document.body.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: transfer }));
  });
  assert.ok(await page.locator('#drop-overlay').isHidden(), 'the drop overlay stayed after the drop');
}

/** True once the first element matching `selector` is inside the article pane's visible area. */
function waitInArticleView(page, selector) {
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

describe('article summarizer page', { timeout: TEST_TIMEOUT }, () => {
  test('a dropped Chinese article shows its title, headline sentences and key figures', async () => {
    const bytes = await readFile(path.join(SITE, 'samples', SEED));
    await withPage({ width: 1280, height: 900 }, async (page) => {
      await dropFile(page, SEED, bytes);
      await waitForSummary(page, `the dropped file ${SEED}`);
      const shown = await readResults(page);

      assert.ok(shown.visible, 'results are hidden');
      assert.equal(shown.lang, 'zh-CN');
      assert.ok(shown.title.length > 0, 'no title shown');
      assert.ok(!shown.titleIsFallback, `the article's own title was not found (showing "${shown.title}")`);
      assertSentencesInArticle(shown, 3);
      const figure = shown.figures.find((f) => f.number.includes('3944') && f.label.includes('人才'));
      assert.ok(figure, `no figure card for 3944 人才; cards: ${JSON.stringify(shown.figures)}`);
      assert.ok(shown.keywords.length > 0, 'no keywords shown');

      await page.screenshot({ path: path.join(OUT, 'desktop.png') });
      await page.screenshot({ path: path.join(OUT, 'desktop-full.png'), fullPage: true });

      // Clicking the last headline sentence scrolls the reading pane to it and highlights it.
      const last = shown.sentences.length - 1;
      await page.locator(`#sentences .sentence[data-sentence="${last}"]`).click();
      const sentenceMark = `#article-text [data-sentence="${last}"].is-active-sentence`;
      await page.locator(sentenceMark).first().waitFor({ state: 'attached' });
      await waitInArticleView(page, sentenceMark);

      // Clicking the 3944 figure card does the same for the figure.
      await page.locator('#figures .figure-card').filter({ hasText: '3944' }).first().click();
      const figureMark = '#article-text .hl-figure.is-active-figure';
      await page.locator(figureMark).first().waitFor({ state: 'attached' });
      assert.match(await page.locator(figureMark).first().textContent(), /3944/);
      await waitInArticleView(page, figureMark);
      assert.equal(await page.locator('.is-active-sentence').count(), 0, 'the old sentence highlight stayed');
    });
  });

  test('a built-in sample can be summarized with one click', async () => {
    await withPage({ width: 1280, height: 900 }, async (page) => {
      const samples = page.locator('#samples button.sample');
      await samples.first().waitFor();
      assert.equal(await samples.count(), 5, 'expected five sample articles');
      const sample = samples.nth(3);
      const label = (await sample.textContent()).trim();
      await sample.click();
      await waitForSummary(page, `the sample "${label}"`);
      const shown = await readResults(page);
      assert.ok(shown.visible, 'results are hidden');
      assert.ok(shown.title.length > 0, 'no title shown');
      assertSentencesInArticle(shown, 1);
      assert.ok(shown.article.length > 1000, 'the reading pane does not hold the article');
      assert.ok(shown.keywords.length > 0, 'no keywords shown');
    });
  });

  test('pasted text is summarized; empty input shows an error and the page stays usable', async () => {
    await withPage({ width: 1280, height: 900 }, async (page) => {
      const submit = page.locator('#paste-submit');

      await page.locator('#paste-text').fill(ENGLISH);
      await submit.click();
      await waitForSummary(page, 'the pasted English paragraph');
      let shown = await readResults(page);
      assert.equal(shown.lang, 'en');
      assertSentencesInArticle(shown, 1);
      assert.ok(shown.article.includes('city council'), 'the reading pane does not hold the pasted text');

      await page.locator('#paste-text').fill('   \n  ');
      await submit.click();
      let status = await waitForState(page, ['error'], 'an error for empty input');
      assert.match(status.text, /no text/i);
      assert.ok(await page.locator('#status').isVisible(), 'the error is not visible');

      await dropFile(page, 'empty.txt', new Uint8Array(0));
      status = await waitForState(page, ['error'], 'an error for an empty file');
      assert.match(status.text, /empty\.txt.*empty/i);

      await page.locator('#paste-text').fill(ENGLISH_2);
      await submit.click();
      await waitForSummary(page, 'the second English paragraph');
      shown = await readResults(page);
      assert.ok(shown.article.includes('battery'), 'the second submission did not replace the results');
      assertSentencesInArticle(shown, 1);
    });
  });

  test('an engine failure is reported in plain words and the next request starts afresh', async () => {
    let broken = true;
    const beforeLoad = (context) =>
      context.route('**/pkg/article_summarizer_bg.wasm', (route) =>
        broken
          ? route.fulfill({ status: 200, contentType: 'application/wasm', body: 'not a wasm module' })
          : route.continue(),
      );
    await withPage(
      { width: 1280, height: 900 },
      async (page) => {
        const status = await statusOf(page);
        assert.match(status.text, /could not be loaded/i);
        broken = false;
        await page.locator('#paste-text').fill(ENGLISH);
        await page.locator('#paste-submit').click();
        await waitForSummary(page, 'text after the engine failed once');
        assertSentencesInArticle(await readResults(page), 1);
      },
      { beforeLoad, readyState: 'error' },
    );
  });

  test('works on a 360 px wide screen', async () => {
    await withPage({ width: 360, height: 780 }, async (page) => {
      await page.locator('#samples button.sample').first().click();
      await waitForSummary(page, 'the first sample on a narrow screen');
      const shown = await readResults(page);
      assertSentencesInArticle(shown, 1);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `the page is ${overflow}px wider than the screen`);
      const sticking = await page.evaluate(() =>
        [...document.querySelectorAll('body *')]
          // leaves and controls: what a reader sees; wrappers may legitimately be full width
          .filter((node) => node.children.length === 0 || node.matches('button, input, textarea, label'))
          .filter((node) => node.getClientRects().length > 0)
          .filter((node) => node.getBoundingClientRect().right > window.innerWidth - 16) // the page margin
          .map((node) => `${node.localName}#${node.id}.${node.className}`),
      );
      assert.deepEqual(sticking, [], 'elements reach into the right margin of a 360 px screen');
      await page.screenshot({ path: path.join(OUT, 'mobile.png') });
      await page.screenshot({ path: path.join(OUT, 'mobile-full.png'), fullPage: true });
    });
  });
});

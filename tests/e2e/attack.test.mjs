// The page under attack: article text that tries to run code or restyle the page, an
// engine that panics, and the page's own Content-Security-Policy. Every page is also
// checked by withPage for console errors and for requests to other origins.
//
//   ./build.sh build            # once: generates www/pkg/
//   node --test tests/e2e/attack.test.mjs

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  SITE,
  TEST_TIMEOUT,
  closeSite,
  dropFile,
  openSite,
  readResults,
  sampleBytes,
  SEED,
  statusOf,
  waitForState,
  waitForSummary,
  withPage,
} from './support.mjs';

before(openSite);
after(closeSite);

/** Each line tries a different way in; any that works sets window.__pwned. */
const HOSTILE = [
  '<script>window.__pwned = "script"</script>',
  '<img src="x" onerror="window.__pwned = \'img onerror\'">',
  '<a href="javascript:window.__pwned = \'javascript link\'">点这里</a>',
  '<svg xmlns="http://www.w3.org/2000/svg" onload="window.__pwned = \'svg onload\'"><script>window.__pwned = "svg script"</script></svg>',
  '<iframe srcdoc="<script>parent.__pwned = \'iframe\'</script>"></iframe>',
  '</style><style>body { display: none !important; }</style>',
  '<div style="position:fixed;inset:0;background:red">覆盖整页</div>',
];

/** A real article with the hostile lines between its paragraphs. */
const ARTICLE = [
  '# 新馆开放',
  '新馆总投资12.6亿元，建筑面积9.3万平方米。',
  HOSTILE.slice(0, 3).join(' '),
  '首日接待读者2.8万人次，同比增长25%。',
  HOSTILE.slice(3).join(' '),
  '馆方表示，将继续延长周末开放时间。',
].join('\n\n');

/** Reads what the attack could have changed: the canary, and what the page contains. */
function damage(page) {
  return page.evaluate(() => ({
    pwned: window.__pwned ?? null,
    injected: document.querySelectorAll('main script, main img, main iframe, main svg script, main style, [onerror], [onload]').length,
    javascriptLinks: [...document.querySelectorAll('a[href^="javascript:" i]')].length,
    bodyShown: getComputedStyle(document.body).display !== 'none',
  }));
}

describe('the page under attack', { timeout: TEST_TIMEOUT }, () => {
  test('an article full of markup and script is shown as text, and nothing in it runs', async () => {
    await withPage({ width: 1280, height: 900 }, async (page) => {
      await dropFile(page, 'hostile.txt', Buffer.from(ARTICLE));
      await waitForSummary(page, 'the hostile text file');
      await page.waitForTimeout(300); // give an injected onerror/onload its chance to fire
      const shown = await readResults(page);
      // Markdown's inline HTML is reduced to its text; what is left is only ever text.
      assert.ok(shown.article.includes('点这里') && shown.article.includes('覆盖整页'), 'the text inside the markup was lost');
      assert.ok(shown.figures.some((f) => f.number.includes('12.6')), 'the article around the markup was not read');
      // Every place article text reaches: sentences, figures, keywords, the article, the list.
      if (await page.locator('#all-figures-block').isVisible()) await page.locator('#all-figures-summary').click();
      assert.deepEqual(await damage(page), { pwned: null, injected: 0, javascriptLinks: 0, bodyShown: true });
    });
  });

  test('a web page with scripts is read for its article; its scripts and handlers never run', async () => {
    const html = `<!DOCTYPE html><html><head><title>新馆开放</title>
<script>window.__pwned = "head script"</script><style>body { display: none }</style></head>
<body onload="window.__pwned = 'body onload'"><nav><a href="/">首页</a> <a href="/news">新闻</a></nav>
<article><h1>新馆开放</h1><p>新馆总投资12.6亿元，建筑面积9.3万平方米。</p>
${HOSTILE.join('\n')}
<p>首日接待读者2.8万人次，同比增长25%。</p><p>馆方表示，将继续延长周末开放时间。</p></article>
<footer>版权所有</footer></body></html>`;
    await withPage({ width: 1280, height: 900 }, async (page) => {
      await dropFile(page, 'hostile.html', Buffer.from(html));
      await waitForSummary(page, 'the hostile web page');
      await page.waitForTimeout(300);
      const shown = await readResults(page);
      assert.equal(shown.title, '新馆开放');
      assert.ok(shown.figures.some((f) => f.number.includes('2.8万')), 'the article was not extracted');
      assert.ok(!/__pwned|onerror|<script/.test(shown.article), `script text reached the article: ${shown.article}`);
      assert.deepEqual(await damage(page), { pwned: null, injected: 0, javascriptLinks: 0, bodyShown: true });
    });
  });

  test('a panic inside the engine costs one message: the worker is replaced and the next file works', async () => {
    await withPage(
      { width: 1280, height: 900 },
      async (page) => {
        const workersBefore = await page.evaluate(() => performance.getEntriesByType('resource').filter((e) => e.name.endsWith('/worker.js')).length);
        await page.evaluate(() => window.__summarizerTestHooks.panic());
        const status = await waitForState(page, ['error'], 'the panic to be reported');
        assert.match(status.text, /internal error/i);
        assert.match(status.text, /forced by a test/, 'the page does not say what failed');
        assert.match(status.text, /restarted/i);
        // The replacement worker loads and warms the engine again, unasked.
        await page.waitForFunction(
          (before) => performance.getEntriesByType('resource').filter((e) => e.name.endsWith('/worker.js')).length > before,
          workersBefore,
        );
        await dropFile(page, SEED, await sampleBytes(SEED));
        await waitForSummary(page, 'a file after the panic');
        assert.ok((await readResults(page)).figures.length > 0);
      },
      { path: '?test-hooks' },
    );
  });

  test('the page sets a strict Content-Security-Policy and works under it', async () => {
    const html = await readFile(path.join(SITE, 'index.html'), 'utf8');
    const policy = html.match(/http-equiv="Content-Security-Policy" content="([^"]+)"/)?.[1] ?? '';
    const directives = Object.fromEntries(policy.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
    assert.deepEqual(directives['script-src'], ["'self'", "'wasm-unsafe-eval'"], policy);
    assert.deepEqual(directives['default-src'], ["'self'"], policy);
    assert.ok(!policy.includes('unsafe-inline') && !policy.includes("'unsafe-eval'"), policy);
    assert.deepEqual(directives['object-src'], ["'none'"], policy);
    await withPage(
      { width: 1280, height: 900 },
      async (page) => {
        await dropFile(page, SEED, await sampleBytes(SEED));
        await waitForSummary(page, 'a file under the CSP');
        assert.deepEqual(await page.evaluate(() => window.__violations), [], 'the page broke its own CSP');
        assert.equal((await statusOf(page)).state, 'done');
      },
      {
        beforeLoad: (context) =>
          context.addInitScript(() => {
            window.__violations = [];
            document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective}: ${e.blockedURI}`));
          }),
      },
    );
  });
});

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
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { precacheManifest, startServer } from '../../tools/serve.mjs';
import {
  ENGLISH,
  ENGLISH_2,
  OUT,
  SEED,
  SITE,
  TEST_TIMEOUT,
  assertSentencesInArticle,
  closeSite,
  dropFile,
  dropFiles,
  lowContrast,
  openSite,
  readResults,
  recordStates,
  sampleBytes,
  siteUrl,
  statusOf,
  waitForState,
  waitForSummary,
  waitInArticleView,
  withPage,
} from './support.mjs';

/** The five samples three times over (about 240 KB, dozens of stories): a long article. */
async function samplesThreeTimes() {
  const files = ['000_1fb41a5b070bc01f.txt', '001_390a5977ca1d2999.txt', '002_51f0002b257610da.txt', '003_87e33b86b0e8928d.txt', '004_f8165d4474bce291.txt'];
  const parts = [];
  for (let i = 0; i < 3; i++) for (const file of files) parts.push(await sampleBytes(file), Buffer.from('\n\n'));
  return Buffer.concat(parts);
}

before(openSite);
after(closeSite);

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

  test('a page with several stories lists them; picking one shows its own summary', async () => {
    const file = '004_f8165d4474bce291.txt';
    await withPage({ width: 1280, height: 900 }, async (page) => {
      await dropFile(page, file, await sampleBytes(file));
      await waitForSummary(page, file);
      const stories = page.locator('#story-list button');
      assert.ok(await page.locator('#stories').isVisible(), 'no list of stories for a page with several');
      assert.ok((await stories.count()) >= 3, `only ${await stories.count()} stories listed`);
      const main = await page.locator('#story-list button[aria-current]').textContent();
      const first = await readResults(page);
      assert.ok(main.includes(first.title), `the current story (${main}) is not the one shown (${first.title})`);

      const other = stories.filter({ hasText: '4项新材料成果集中发布' });
      await other.click();
      await page.waitForFunction(() => document.getElementById('result-title').textContent.includes('4项新材料成果集中发布'));
      const picked = await readResults(page);
      assert.equal(await other.getAttribute('aria-current'), 'true');
      assert.notDeepEqual(picked.sentences, first.sentences, 'the headline sentences did not change with the story');
      assertSentencesInArticle(picked, 1);
      await waitInArticleView(page, '[data-sentence="0"]');
    });
  });

  test('a long article is drawn in pieces; a sentence or figure clicked before its piece is drawn is still found', async () => {
    // The samples three times over (about 240 KB, dozens of stories): the article pane
    // is built in sections over several tasks, and the last story lies in its last ones.
    await withPage({ width: 1280, height: 900 }, async (page) => {
      // As the result is shown (in the same task, from a MutationObserver on the status
      // line), the article pane is only just started: click the last headline sentence or
      // figure then, before its part of the article is built.
      await page.evaluate(() => {
        const status = document.getElementById('status');
        const observer = new MutationObserver(() => {
          if (status.dataset.state !== 'done') return;
          observer.disconnect();
          const pane = document.getElementById('article-text');
          const buttons = [...document.querySelectorAll('#sentences [data-sentence], #figures [data-figure]')];
          const button = buttons.at(-1);
          const kind = 'sentence' in button.dataset ? 'sentence' : 'figure';
          const index = button.dataset[kind];
          const pending = pane.hasAttribute('aria-busy') && !pane.querySelector(`[data-${kind}="${index}"]`);
          button.click();
          window.__clicked = { kind, index, pending };
        });
        observer.observe(status, { attributes: true, attributeFilter: ['data-state'] });
      });
      await dropFile(page, 'long.txt', await samplesThreeTimes());
      await waitForSummary(page, 'a long article');
      const clicked = await page.evaluate(() => window.__clicked);
      assert.ok(clicked?.pending, `the clicked one was drawn before the click: the test proves nothing (${JSON.stringify(clicked)})`);
      const mark = `#article-text [data-${clicked.kind}="${clicked.index}"].is-active-${clicked.kind}`;
      await page.locator(mark).first().waitFor({ state: 'attached' });
      await waitInArticleView(page, mark);
      const list = clicked.kind === 'sentence' ? '#sentences' : '#figures';
      assert.equal(await page.locator(`${list} [data-${clicked.kind}="${clicked.index}"]`).getAttribute('aria-current'), 'true');

      // In the end the whole article is there, every headline sentence in it.
      const shown = await readResults(page);
      assertSentencesInArticle(shown, 1);
      const text = await page.evaluate(() => document.getElementById('article-text').textContent.length);
      assert.ok(text > 50_000, `the article pane holds only ${text} characters`);
    });
  });

  test('every number in the article can be listed, beyond the key figures', async () => {
    const bytes = await readFile(path.join(SITE, 'samples', SEED));
    await withPage({ width: 1280, height: 900 }, async (page) => {
      await dropFile(page, SEED, bytes);
      await waitForSummary(page, `the dropped file ${SEED}`);
      const keyCount = await page.locator('#figures .figure-card').count();
      await page.locator('#all-figures-summary').click();
      const items = page.locator('#all-figures .all-figure');
      await items.first().waitFor();
      const all = await items.allTextContents();
      assert.ok(all.length > keyCount, `${all.length} numbers listed, ${keyCount} key figures`);
      assert.ok(all.some((line) => line.includes('3944名')), 'the full list lacks 3944名');
      assert.match(await page.locator('#all-figures-summary').textContent(), new RegExp(`\\(${all.length}\\)|（${all.length}）`));
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

  test('the worker started from <head> is the one used, even when it is ready before the page has loaded', async () => {
    // client.js arrives two seconds late, long after the worker has sent 'ready': the
    // page must still hear it (prestart.js keeps it) and must not start a second worker.
    const beforeLoad = (context) =>
      context.route('**/client.js', async (route) => {
        await new Promise((resolve) => setTimeout(resolve, 2_000));
        await route.continue();
      });
    await withPage(
      { width: 1280, height: 900 },
      async (page) => {
        const workers = page.workers().filter((worker) => worker.url().endsWith('/worker.js'));
        assert.equal(workers.length, 1, 'one summarizer worker');
        assert.equal(await workers[0].evaluate(() => self.name), 'summarizer');
        assert.equal(await page.evaluate(() => 'summarizerPrestart' in globalThis), false, 'the worker was adopted');
        await dropFile(page, SEED, await sampleBytes(SEED));
        await waitForSummary(page, 'the seed, in the adopted worker');
        assertSentencesInArticle(await readResults(page), 1);
      },
      { beforeLoad },
    );
  });

  test('a worker script that fails to load is reported in plain words, even before the page listens', async () => {
    const beforeLoad = (context) => context.route('**/worker.js', (route) => route.fulfill({ status: 404, body: '' }));
    await withPage(
      { width: 1280, height: 900 },
      async (page) => {
        const status = await statusOf(page);
        assert.match(status.text, /could not be loaded/i);
      },
      { beforeLoad, readyState: 'error', loadsWasm: false },
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

  test('every sample file, dropped one after another, is summarized and listed', async () => {
    const { samples } = JSON.parse(await readFile(path.join(SITE, 'samples', 'index.json'), 'utf8'));
    await withPage({ width: 1280, height: 900 }, async (page) => {
      for (const [i, sample] of samples.entries()) {
        await dropFile(page, sample.file, await sampleBytes(sample.file));
        await page.waitForFunction((n) => document.querySelectorAll('#docs button.doc:not(:disabled)').length === n || n === 1, i + 1);
        await waitForSummary(page, `the dropped sample ${sample.file}`);
        const shown = await readResults(page);
        assert.equal(shown.lang, 'zh-CN', `${sample.file}: article language`);
        assert.ok(shown.title.length > 0, `${sample.file}: no title`);
        assertSentencesInArticle(shown, 1);
        assert.ok(shown.figures.length > 0, `${sample.file}: no key figures`);
        assert.ok(shown.keywords.length > 0, `${sample.file}: no keywords`);
      }
      await page.waitForFunction((n) => document.querySelectorAll('#docs button.doc').length === n, samples.length);
    });
  });

  test('two files dropped at once are both listed; switching shows each without reading it again', async () => {
    const files = [
      { name: SEED, bytes: await sampleBytes(SEED) },
      { name: 'battery.txt', bytes: Buffer.from(ENGLISH_2) },
    ];
    await withPage({ width: 1280, height: 900 }, async (page) => {
      await dropFiles(page, files);
      await page.waitForFunction(() => document.querySelectorAll('#docs button.doc:not(:disabled)').length === 2);
      await waitForSummary(page, 'two dropped files');
      const docs = page.locator('#docs button.doc');
      assert.deepEqual((await docs.allTextContents()).map((t) => t.trim()), [SEED, 'battery.txt']);

      await recordStates(page);
      await docs.nth(0).click();
      let shown = await readResults(page);
      assert.equal(shown.lang, 'zh-CN');
      assert.ok(shown.article.includes('3944'), 'the first file is not shown after switching to it');
      assert.equal(await docs.nth(0).getAttribute('aria-current'), 'true');

      await docs.nth(1).click();
      shown = await readResults(page);
      assert.equal(shown.lang, 'en');
      assert.ok(shown.article.includes('battery'), 'the second file is not shown after switching to it');
      const states = await page.evaluate(() => window.__states);
      assert.ok(!states.includes('busy'), `switching re-read a file (status went through ${states.join(', ')})`);
    });
  });

  test('files chosen with the file picker are summarized and listed', async () => {
    await withPage({ width: 1280, height: 900 }, async (page) => {
      await page.locator('#file-input').setInputFiles([
        { name: 'a.txt', mimeType: 'text/plain', buffer: Buffer.from(ENGLISH) },
        { name: 'b.md', mimeType: 'text/markdown', buffer: Buffer.from(`# Batteries\n\n${ENGLISH_2}`) },
      ]);
      await page.waitForFunction(() => document.querySelectorAll('#docs button.doc:not(:disabled)').length === 2);
      await waitForSummary(page, 'two chosen files');
      const shown = await readResults(page);
      assert.equal(shown.title, 'Batteries');
      assertSentencesInArticle(shown, 1);
    });
  });

  test('short, medium and long change the number of headline sentences, by mouse and keyboard', async () => {
    await withPage({ width: 1280, height: 900 }, async (page) => {
      await dropFile(page, SEED, await sampleBytes(SEED));
      await waitForSummary(page, SEED);
      const count = () => page.locator('#sentences .sentence').count();
      const medium = await count();

      await page.locator('#length label').filter({ hasText: 'Short' }).click();
      await page.waitForFunction((n) => document.querySelectorAll('#sentences .sentence').length !== n, medium);
      await waitForSummary(page, 'the short summary');
      const short = await count();

      // Keyboard: the radio group moves with the arrow keys.
      await page.locator('#length input[value="short"]').focus();
      await page.keyboard.press('ArrowRight'); // medium
      await page.waitForFunction((n) => document.querySelectorAll('#sentences .sentence').length === n, medium);
      await waitForSummary(page, 'the medium summary');
      await page.keyboard.press('ArrowRight'); // long
      await page.waitForFunction((n) => document.querySelectorAll('#sentences .sentence').length > n, medium);
      await waitForSummary(page, 'the long summary');
      const long = await count();

      assert.ok(short <= 3, `short gave ${short} sentences`);
      assert.ok(short < medium && medium < long, `expected short < medium < long, got ${short}, ${medium}, ${long}`);
      assert.equal(await page.locator('#length input:checked').getAttribute('value'), 'long');
      assertSentencesInArticle(await readResults(page), long);
    });
  });

  test('the article pane keeps its place when the length changes, and starts at the top for the next article', async () => {
    await withPage({ width: 1280, height: 900 }, async (page) => {
      await dropFile(page, SEED, await sampleBytes(SEED));
      await waitForSummary(page, SEED);
      const pane = page.locator('#article-text');
      const scrollTop = () => pane.evaluate((node) => node.scrollTop);
      await pane.evaluate((node) => (node.scrollTop = 400));
      await page.waitForFunction(() => document.getElementById('article-text').scrollTop === 400);
      // A frame for the pane's scroll event, which is how the page learns where it is.
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));

      const medium = await page.locator('#sentences .sentence').count();
      await page.locator('#length label').filter({ hasText: 'Long' }).click();
      await page.waitForFunction((n) => document.querySelectorAll('#sentences .sentence').length > n, medium);
      await waitForSummary(page, 'the long summary');
      assert.equal(await scrollTop(), 400, 'the article pane moved when the length changed');

      const next = '002_51f0002b257610da.txt';
      const before = await page.locator('#result-title').textContent();
      await dropFile(page, next, await sampleBytes(next));
      await page.waitForFunction((title) => document.getElementById('result-title').textContent !== title, before);
      await waitForSummary(page, next);
      assert.equal(await scrollTop(), 0, 'the next article did not start at the top of the pane');
    });
  });

  test('in a long article drawn in pieces, the pane keeps the paragraph in view when the length changes', async () => {
    await withPage({ width: 1280, height: 900 }, async (page) => {
      await dropFile(page, 'long.txt', await samplesThreeTimes());
      await waitForSummary(page, 'a long article');
      await page.waitForFunction(() => !document.getElementById('article-text').hasAttribute('aria-busy'));
      const pane = page.locator('#article-text');
      // The text of the first paragraph met going down from the top of the pane's view.
      const textAtTop = () => pane.evaluate((node) => {
        const box = node.getBoundingClientRect();
        for (let y = box.top + 4; y < box.top + 300; y += 8) {
          const block = document.elementFromPoint(box.left + 40, y)?.closest('.article-block');
          if (block) return block.textContent.slice(0, 60);
        }
        return null;
      });
      const twoFrames = () => page.evaluate(() => new Promise((resolve) =>
        requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 0)))));
      await pane.evaluate((node) => (node.scrollTop = Math.round(node.scrollHeight * 0.6)));
      await twoFrames();
      const before = await textAtTop();
      assert.ok(before, 'no article text at the top of the pane');

      const medium = await page.locator('#sentences .sentence').count();
      await page.locator('#length label').filter({ hasText: 'Long' }).click();
      await page.waitForFunction((n) => document.querySelectorAll('#sentences .sentence').length > n, medium);
      await waitForSummary(page, 'the long summary');
      await twoFrames();
      assert.equal(await textAtTop(), before, 'another part of the article came into view when the length changed');
    });
  });

  test('the summary can be copied as text and as Markdown, and downloaded as JSON', async () => {
    await withPage(
      { width: 1280, height: 900 },
      async (page) => {
        await dropFile(page, SEED, await sampleBytes(SEED));
        await waitForSummary(page, SEED);
        const shown = await readResults(page);

        await page.locator('#copy-markdown').click();
        await page.waitForFunction(() => /Markdown/.test(document.getElementById('status').textContent));
        const markdown = await page.evaluate(() => navigator.clipboard.readText());
        assert.match(markdown, /^## /, 'the Markdown does not start with the title');
        assert.match(markdown, /### 数读\n\n\| 数字 \| 说明 \|\n\|---:\|---\|\n/, 'no 数读 table');
        assert.match(markdown, /\| \*\*3944名\*\* \| 引进硕士、博士优秀人才 \|/, 'the 3944 figure is not in the table with its label');
        assert.match(markdown, /### 要点\n\n1\. /, 'no headline sentence list');
        for (const sentence of shown.sentences) assert.ok(markdown.includes(sentence.replace(/\s+/g, ' ').trim().slice(0, 20)));
        await writeFile(path.join(OUT, 'summary.md'), markdown);

        await page.locator('#copy-text').click();
        await page.waitForFunction(() => /plain text/.test(document.getElementById('status').textContent));
        const plain = await page.evaluate(() => navigator.clipboard.readText());
        assert.ok(plain.startsWith(shown.title), 'the plain text does not start with the title');
        assert.ok(plain.includes('3944名  引进硕士、博士优秀人才'), 'the plain text lacks the 3944 figure');
        assert.ok(!/[|#*]/.test(plain.split('\n')[2]), 'the plain text has Markdown in it');

        const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#download-json').click()]);
        assert.equal(download.suggestedFilename(), '000_1fb41a5b070bc01f.summary.json');
        const json = JSON.parse(await readFile(await download.path(), 'utf8'));
        assert.equal(json.schema, 1);
        assert.equal(json.sentences.length, shown.sentences.length);
        assert.equal(json.text.slice(json.sentences[0].start, json.sentences[0].end), json.sentences[0].text);
      },
      { context: { permissions: ['clipboard-read', 'clipboard-write'], acceptDownloads: true } },
    );
  });

  test('a large file shows progress and can be cancelled; the page then works as before', async () => {
    await withPage({ width: 1280, height: 900 }, async (page) => {
      // About 50 MB of text, just under the page's limit, built in the page (the seed
      // repeated, each copy numbered).
      await page.evaluate(async (seed) => {
        const text = await (await fetch(`samples/${seed}`)).text();
        const parts = [];
        for (let i = 0; i < 2600; i++) parts.push(`第${i}部分\n\n${text}\n\n`);
        const transfer = new DataTransfer();
        transfer.items.add(new File(parts, 'big.txt', { type: 'text/plain' }));
        for (const type of ['dragenter', 'dragover', 'drop']) {
          document.body.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: transfer }));
        }
      }, SEED);
      await page.locator('#cancel').waitFor({ state: 'visible' });
      assert.ok(await page.locator('#progress').isVisible(), 'no progress shown for a large file');
      assert.equal((await statusOf(page)).state, 'busy');
      assert.match((await statusOf(page)).text, /big\.txt/);
      await page.screenshot({ path: path.join(OUT, 'progress.png') });

      await page.locator('#cancel').click();
      const status = await waitForState(page, ['done'], 'the cancelled state');
      assert.match(status.text, /cancelled/i);
      assert.ok(await page.locator('#cancel').isHidden(), 'Cancel stayed visible');
      assert.ok(await page.locator('#progress').isHidden(), 'the progress bar stayed visible');
      assert.ok(await page.locator('#results').isHidden(), 'a cancelled article was shown');

      await page.locator('#paste-text').fill(ENGLISH);
      await page.locator('#paste-submit').click();
      await waitForSummary(page, 'text after a cancel');
      assertSentencesInArticle(await readResults(page), 1);
    });
  });

  test('a file that is not text gets a clear message and the page stays usable', async () => {
    await withPage({ width: 1280, height: 900 }, async (page) => {
      await dropFile(page, 'picture.png', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 0, 1, 2, 3]));
      const status = await waitForState(page, ['error'], 'an error for a binary file');
      assert.match(status.text, /picture\.png.*not text.*Choose a text/i);
      await page.locator('#samples button.sample').first().click();
      await waitForSummary(page, 'a sample after the error');
    });
  });

  test('pasting rich text anywhere reads its HTML as an .html file; plain text is pasted as text', async () => {
    await withPage({ width: 1280, height: 900 }, async (page) => {
      // Copied from a web page: navigation and a share bar around the article.
      await page.evaluate((text) => {
        const data = new DataTransfer();
        data.setData('text/plain', `Home News Sport\nBattery breakthrough\n${text}\nShare on Facebook`);
        data.setData(
          'text/html',
          `<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>` +
            `<article><h1>Battery breakthrough</h1>${text.split('\n').map((p) => `<p>${p}</p>`).join('')}</article>` +
            `<div class="share"><a href="#">Share on Facebook</a></div>`,
        );
        document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
      }, ENGLISH_2.replace(/\. /g, '.\n'));
      await waitForSummary(page, 'pasted rich text');
      const rich = await readResults(page);
      assert.equal(rich.title, 'Battery breakthrough', 'the heading of the copied page was lost');
      assert.ok(rich.article.includes('2,000 cycles'));
      assert.ok(!/Share on Facebook|Sport/.test(rich.article), `page furniture was kept: ${rich.article}`);
      assertSentencesInArticle(rich, 1);

      // Plain text only: summarized as text, and put in the box.
      await page.evaluate((text) => {
        const data = new DataTransfer();
        data.setData('text/plain', text);
        document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
      }, ENGLISH_2);
      await waitForSummary(page, 'pasted text');
      const shown = await readResults(page);
      assert.ok(shown.article.includes('battery'));
      assert.equal(await page.locator('#paste-text').inputValue(), ENGLISH_2);

      // Into the box: the plain text goes in at the caret, and nothing runs until Summarize.
      await page.locator('#paste-text').fill('');
      await page.locator('#paste-text').focus();
      await recordStates(page);
      await page.evaluate((text) => {
        const data = new DataTransfer();
        data.setData('text/plain', text);
        data.setData('text/html', `<p>${text}</p>`);
        document.getElementById('paste-text').dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
      }, ENGLISH);
      assert.equal(await page.locator('#paste-text').inputValue(), ENGLISH);
      assert.deepEqual(await page.evaluate(() => window.__states), [], 'pasting into the box started a summary');
      await page.locator('#paste-submit').click();
      await page.waitForFunction(() => document.getElementById('article-text').textContent.includes('city council'));
      await waitForSummary(page, 'text pasted into the box');
      assert.ok((await readResults(page)).article.includes('city council'));
    });
  });

  test('after the first visit the page works offline and says so', async () => {
    await withPage({ width: 1280, height: 900 }, async (page, context) => {
      await page.locator('#offline-note').waitFor({ state: 'visible', timeout: 120_000 });
      await context.setOffline(true);
      await page.reload({ waitUntil: 'load' });
      await waitForState(page, ['ready'], 'the summarizer to be ready offline');
      await page.locator('#samples button.sample').nth(1).click();
      await waitForSummary(page, 'a sample while offline');
      assertSentencesInArticle(await readResults(page), 1);
      await dropFile(page, SEED, await sampleBytes(SEED));
      await page.waitForFunction((name) => document.getElementById('status').textContent.includes(name), SEED);
      await waitForSummary(page, 'a dropped file while offline');
      assert.ok((await readResults(page)).article.includes('3944'), 'the dropped file is not shown offline');
      // The page asks for its service worker only once it is idle after the engine is
      // ready (app.js, registerServiceWorkerSoon), so on a busy machine the note can
      // come a moment after the first result: waited for, as above, not sampled once.
      await page.locator('#offline-note').waitFor({ state: 'visible', timeout: 30_000 });
    });
  });

  test('loads when the server sends the wasm with the wrong MIME type, without warnings', async () => {
    const wasm = await readFile(path.join(SITE, 'pkg', 'article_summarizer_bg.wasm'));
    let served = 0;
    const beforeLoad = (context) =>
      context.route('**/pkg/article_summarizer_bg.wasm', (route) => {
        served++;
        return route.fulfill({ status: 200, contentType: 'application/octet-stream', body: wasm });
      });
    await withPage(
      { width: 1280, height: 900 },
      async (page) => {
        await page.locator('#paste-text').fill(ENGLISH);
        await page.locator('#paste-submit').click();
        await waitForSummary(page, 'text with a mislabelled wasm');
      },
      { beforeLoad, noWarnings: true },
    );
    assert.ok(served > 0, 'the mislabelled wasm was never served');
  });

  test('works from a sub-path', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'summarizer-e2e-'));
    await symlink(SITE, path.join(dir, 'some', 'path'), 'dir').catch(async () => {
      await mkdir(path.join(dir, 'some'), { recursive: true });
      await symlink(SITE, path.join(dir, 'some', 'path'), 'dir');
    });
    const sub = await startServer(dir, 0);
    try {
      await withPage(
        { width: 1280, height: 900 },
        async (page) => {
          await page.locator('#samples button.sample').first().click();
          await waitForSummary(page, 'a sample under /some/path/');
        },
        { path: 'some/path/', site: sub },
      );
    } finally {
      await sub.close();
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('the interface follows a Chinese browser and switches to English', async () => {
    await withPage(
      { width: 1280, height: 900 },
      async (page) => {
        assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-CN');
        assert.equal((await page.locator('#paste-submit').textContent()).trim(), '生成摘要');
        await page.locator('#samples button.sample').first().click();
        await waitForSummary(page, 'a sample in the Chinese interface');
        assert.equal((await page.locator('#figures-heading').textContent()).trim(), '数读');
        assert.match((await statusOf(page)).text, /已完成/);
        await page.screenshot({ path: path.join(OUT, 'desktop-zh.png') });

        await page.locator('#lang-switch').click();
        assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
        assert.equal((await page.locator('#paste-submit').textContent()).trim(), 'Summarize');
        assert.match((await statusOf(page)).text, /^Summarized/);
        assert.equal(await page.locator('#article-text').getAttribute('lang'), 'zh-CN');
        await page.reload();
        await waitForState(page, ['ready'], 'the page after reload');
        assert.equal(await page.evaluate(() => document.documentElement.lang), 'en', 'the choice was not remembered');
      },
      { context: { locale: 'zh-CN' } },
    );
  });

  test('everything is reachable by keyboard: a sample, a sentence, a figure', async () => {
    await withPage({ width: 1280, height: 900 }, async (page) => {
      const focusOn = async (selector, max = 60) => {
        for (let i = 0; i < max; i++) {
          await page.keyboard.press('Tab');
          if (await page.evaluate((sel) => document.activeElement?.matches(sel), selector)) return;
        }
        throw new Error(`Tab never reached ${selector}`);
      };
      await focusOn('#samples button.sample');
      const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
      assert.notEqual(outline, 'none', 'no visible focus on a sample button');
      await page.keyboard.press('Enter');
      await waitForSummary(page, 'a sample opened with the keyboard');
      await focusOn('#sentences .sentence');
      await page.keyboard.press('Enter');
      await page.locator('#article-text .is-active-sentence').first().waitFor({ state: 'attached' });
      await focusOn('#figures .figure-card');
      await page.keyboard.press('Enter');
      await page.locator('#article-text .is-active-figure').first().waitFor({ state: 'attached' });
      await focusOn('#article-text');
    });
  });

  for (const colorScheme of ['light', 'dark']) {
    test(`screenshots, ${colorScheme}: desktop and a 360 px phone`, async () => {
      for (const [name, viewport] of [
        ['desktop', { width: 1280, height: 900 }],
        ['phone', { width: 360, height: 780 }],
      ]) {
        await withPage(
          viewport,
          async (page) => {
            await dropFiles(page, [
              { name: SEED, bytes: await sampleBytes(SEED) },
              { name: '002_51f0002b257610da.txt', bytes: await sampleBytes('002_51f0002b257610da.txt') },
            ]);
            await page.waitForFunction(() => document.querySelectorAll('#docs button.doc:not(:disabled)').length === 2);
            await waitForSummary(page, 'two samples');
            await page.locator('#figures .figure-card').first().click();
            await page.mouse.move(0, 0);
            assert.deepEqual(await lowContrast(page), [], `text below WCAG AA contrast (${name}, ${colorScheme})`);
            await page.screenshot({ path: path.join(OUT, `${name}-${colorScheme}.png`) });
            await page.evaluate(() => window.scrollTo(0, 0));
            await page.screenshot({ path: path.join(OUT, `${name}-${colorScheme}-top.png`) });
            await page.screenshot({ path: path.join(OUT, `${name}-${colorScheme}-full.png`), fullPage: true });
          },
          { context: { colorScheme } },
        );
      }
    });
  }

  test('the page never builds HTML from strings and has no inline scripts or styles', async () => {
    for (const file of ['app.js', 'boot.js', 'prestart.js', 'client.js', 'worker.js', 'render.js', 'export.js', 'i18n.js', 'sw.js']) {
      const source = await readFile(path.join(SITE, file), 'utf8');
      assert.ok(!/innerHTML|outerHTML|insertAdjacentHTML|document\.write/.test(source), `${file} builds HTML from strings`);
    }
    const html = await readFile(path.join(SITE, 'index.html'), 'utf8');
    assert.ok(!/<script(?![^>]*\bsrc=)[^>]*>/.test(html), 'index.html has an inline script');
    assert.ok(!/<style|\sstyle=|\son[a-z]+=/.test(html), 'index.html has inline styles or handlers');
    assert.ok(!/(href|src)="\//.test(html), 'index.html has a root-relative URL');
  });

  test('the precache manifest lists the shell, the wasm and the samples with their SHA-256', async () => {
    const manifest = await precacheManifest(SITE);
    assert.match(manifest.version, /^[0-9a-f]{16}$/);
    const files = new Map(manifest.files);
    for (const file of ['./', 'index.html', 'app.js', 'boot.js', 'prestart.js', 'client.js', 'worker.js', 'render.js', 'export.js', 'i18n.js', 'style.css', 'icon.svg', 'pkg/article_summarizer.js', 'pkg/article_summarizer_bg.wasm', 'samples/index.json', `samples/${SEED}`]) {
      assert.ok(files.has(file), `${file} is not precached`);
    }
    for (const file of ['sw.js', 'precache-manifest.js', 'pkg/article_summarizer.d.ts']) assert.ok(!files.has(file), `${file} is precached`);
    for (const [file, hash] of files) {
      const bytes = await readFile(path.join(SITE, file === './' ? 'index.html' : file));
      assert.equal(createHash('sha256').update(bytes).digest('hex'), hash, `${file}: wrong hash`);
    }
    const served = await (await fetch(new URL('precache-manifest.js', siteUrl()))).text();
    assert.ok(served.includes(`"version": "${manifest.version}"`), 'the server does not serve the current manifest');
  });

  test('figure cards show a change figure\'s direction and qualifier; Markdown escapes article text', async () => {
    await withPage({ width: 1280, height: 900 }, async (page) => {
      const result = await page.evaluate(async () => {
        const { renderFigures } = await import('./render.js');
        const { toMarkdown } = await import('./export.js');
        const figure = (over) => ({
          text: '12.5%', value: 12.5, value_max: null, unit: '%', kind: 'change', label: '营业收入',
          qualifier: '', direction: null, compared_to: '', start: 0, end: 5, score: 1, ...over,
        });
        const figures = [
          figure({ direction: 'up', compared_to: '同比' }),
          figure({ text: '3亿元', kind: 'money', qualifier: '约', label: '投资|<b>x</b>' }),
          figure({ text: '2.1%', direction: 'down' }),
        ];
        const list = document.createElement('ul');
        renderFigures(list, figures, { up: 'up', down: 'down' });
        const summary = { schema: 1, lang: 'zh', title: '标题 | *强调*', text: '', sentences: [{ text: '第一句。', start: 0, end: 4, score: 1 }], figures, all_figures: figures, dates: [], keywords: [{ word: '营收', score: 1 }], headings: [] };
        return {
          cards: [...list.querySelectorAll('.figure-card')].map((c) => ({
            text: c.textContent,
            direction: c.dataset.direction ?? null,
            spoken: c.querySelector('.figure-direction .visually-hidden')?.textContent ?? null,
            html: c.querySelector('.figure-label').children.length,
          })),
          markdown: toMarkdown(summary),
        };
      });
      assert.deepEqual(result.cards.map((c) => c.direction), ['up', null, 'down']);
      assert.deepEqual(result.cards.map((c) => c.spoken), ['up', null, 'down']);
      assert.ok(result.cards[0].text.includes('同比'), 'the baseline is not shown');
      assert.ok(result.cards[1].text.startsWith('约3亿元'), `the qualifier is not shown: ${result.cards[1].text}`);
      assert.equal(result.cards[1].html, 0, 'label text became markup');
      assert.match(result.markdown, /^## 标题 \\\| \\\*强调\\\*\n/);
      assert.match(result.markdown, /\| \*\*↑12\.5%\*\* \| 营业收入 · 同比 \|/);
      assert.match(result.markdown, /\| \*\*约3亿元\*\* \| 投资\\\|\\<b\\>x\\<\/b\\> \|/);
      assert.match(result.markdown, /\| \*\*↓2\.1%\*\* \| 营业收入 \|/);
    });
  });
});

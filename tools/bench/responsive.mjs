// Part 7, responsiveness: the real page from dist/ analysing a 1 MB file, in fresh
// contexts. How long the main thread was blocked at most (the Long Tasks API, which
// reports only tasks over 50 ms) and how long from the drop until the result shows.
//
// RESPONSIVE_CPU_THROTTLE=N slows the page's CPU N times (Chromium's own emulation), to
// see how much margin is left on a machine faster or quieter than the one the target is for.
import { concatenatedArticle, median, meets, ms, table } from './common.mjs';

const RUNS = 5;
const LONG_TASK_MS = 50;

/** The CPU slow-down asked for, or 1 (none). */
function throttleRate() {
  const raw = process.env.RESPONSIVE_CPU_THROTTLE;
  if (raw === undefined || raw === '') return 1;
  const rate = Number(raw);
  if (!(rate >= 1)) throw new Error(`RESPONSIVE_CPU_THROTTLE=${raw}: expected a number ≥ 1`);
  return rate;
}

async function once(browser, server, article, rate) {
  const context = await browser.newContext();
  const page = await context.newPage();
  if (rate > 1) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  }
  await page.addInitScript(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__longTasks.push(entry.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
  await page.goto(`${server.url}dist/index.html`);
  await page.waitForSelector('#status[data-state="ready"]', { timeout: 60_000 });
  // The harness hands the page its megabyte first, in a task of its own (copying the
  // string in is itself a long task), then drops it and polls lightly, so that every
  // long task counted is the page's.
  await page.evaluate((text) => (window.__file = new File([text], 'one-megabyte.txt', { type: 'text/plain' })), article);
  await page.waitForTimeout(200);
  await page.evaluate(() => (window.__longTasks.length = 0));
  const started = Date.now();
  await page.evaluate(() => {
    const drop = new DataTransfer();
    drop.items.add(window.__file);
    for (const type of ['dragenter', 'dragover', 'drop']) {
      document.body.dispatchEvent(new DragEvent(type, { dataTransfer: drop, bubbles: true, cancelable: true }));
    }
  });
  await page.waitForFunction(() => document.getElementById('status')?.dataset.state === 'done', null, { polling: 250, timeout: 120_000 });
  const elapsed = Date.now() - started;
  await page.waitForTimeout(1000); // the article's later batches are still being appended
  const longest = Math.round(await page.evaluate(() => Math.max(0, ...window.__longTasks)));
  await context.close();
  return { elapsed, longest };
}

export async function responsive(browser, server) {
  const article = concatenatedArticle(1 << 20);
  const rate = throttleRate();
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await once(browser, server, article, rate));
  const longest = median(runs.map((r) => r.longest));
  const throttled = rate > 1 ? `, CPU throttled ${rate}×` : '';
  table(`Responsiveness (dist/index.html, a 1 MB file dropped; median of ${RUNS} fresh contexts${throttled})`, ['measure', 'median', 'all runs', 'target'], [
    ['drop → result shown', ms(median(runs.map((r) => r.elapsed)), 0), `(${runs.map((r) => r.elapsed).join(', ')})`, ''],
    ['longest main-thread task meanwhile (0 = none over 50 ms)', `**${ms(longest, 0)}**`, `(${runs.map((r) => r.longest).join(', ')})`,
      `≤ ${LONG_TASK_MS} ms: ${meets(longest <= LONG_TASK_MS)}`],
  ]);
}

// Part 2, start-up: the real page from dist/ in fresh headless Chromium contexts,
// from navigation start to the first result shown for seed 000, dropped on the page
// as a reader would drop it; then the engine's own init and first call in the bench page.
import { CONTEXTS, SEED, benchPage, median, meets, ms, seedText, table } from './common.mjs';

const TARGET_MS = 150;

/**
 * One fresh visit to dist/index.html. The seed is dropped on the page either at
 * DOMContentLoaded (the earliest a drop is taken: app.js has attached its handler)
 * or once the status says the engine is ready. Times are from navigation start.
 */
async function visit(browser, server, dropAt) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(({ text, name, dropAt }) => {
    const marks = (window.__benchMarks = {});
    const drop = () => {
      marks.drop = performance.now();
      const data = new DataTransfer();
      data.items.add(new File([text], name, { type: 'text/plain' }));
      for (const type of ['dragenter', 'dragover', 'drop']) {
        document.body.dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }));
      }
    };
    new MutationObserver(() => {
      const state = document.getElementById('status')?.dataset.state;
      if (state && !(state in marks)) {
        marks[state] = performance.now();
        if (state === 'ready' && dropAt === 'ready') setTimeout(drop);
      }
    }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-state'] });
    if (dropAt === 'domcontentloaded') document.addEventListener('DOMContentLoaded', drop);
  }, { text: seedText(), name: SEED, dropAt });
  await page.goto(`${server.url}dist/index.html`);
  await page.waitForFunction(() => 'done' in window.__benchMarks || 'error' in window.__benchMarks, null, { timeout: 60_000 });
  const marks = await page.evaluate(() => ({ ...window.__benchMarks, shown: !document.getElementById('results').hidden }));
  marks.worker = await workerSteps(page);
  await context.close();
  if (!marks.done || !marks.shown) throw new Error(`start-up: the page showed no result for ${SEED}`);
  return marks;
}

/**
 * When the worker reached each of its `performance.mark`s (worker.js), in the page's
 * time from navigation start; the first of each name, plus the worker's own start.
 */
async function workerSteps(page) {
  const pageOrigin = await page.evaluate(() => performance.timeOrigin);
  const steps = {};
  for (const worker of page.workers()) {
    const { origin, marks } = await worker.evaluate(() => ({
      origin: performance.timeOrigin,
      marks: performance.getEntriesByType('mark').map((m) => [m.name, m.startTime]),
    }));
    if (!marks.some(([name]) => name.startsWith('engine:'))) continue;
    steps['worker: started'] = origin - pageOrigin;
    for (const [name, at] of marks) steps[name] ??= origin + at - pageOrigin;
  }
  return steps;
}

/**
 * One fresh visit to the empty page tools/bench/floor.html: when its module script ran
 * and when the module worker it starts ran its first line, from navigation start.
 */
async function visitFloor(browser, server) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${server.url}tools/bench/floor.html`);
  await page.waitForFunction(() => window.floor?.workerRan !== undefined, null, { timeout: 60_000 });
  const marks = await page.evaluate(() => window.floor);
  await context.close();
  return marks;
}

/** Times in milliseconds as the "all runs" cell shows them: rounded, in order. */
const listed = (values) => `(${values.map(Math.round).sort((a, b) => a - b).join(', ')})`;

/** One row per worker step of the early drop, in the order they happen. */
function workerRows(runs) {
  const timesByStep = new Map();
  for (const run of runs) {
    for (const [name, at] of Object.entries(run.worker)) timesByStep.set(name, [...(timesByStep.get(name) ?? []), at]);
  }
  return [...timesByStep]
    .map(([name, times]) => ({ name, times, at: median(times) }))
    .sort((a, b) => a.at - b.at)
    .map(({ name, times, at }) => [`· worker, ${name.replace(/^engine: |^worker: /, '')}`, ms(at, 0), listed(times), '']);
}

export async function startup(browser, server) {
  const early = [];
  const atReady = [];
  const floor = [];
  for (let i = 0; i < CONTEXTS; i++) {
    early.push(await visit(browser, server, 'domcontentloaded'));
    atReady.push(await visit(browser, server, 'ready'));
    floor.push(await visitFloor(browser, server));
  }
  const engine = [];
  for (let i = 0; i < CONTEXTS; i++) {
    const bench = await benchPage(browser, server);
    const first = await bench.page.evaluate((text) => window.bench.summarizeOnce(text), seedText());
    const second = await bench.page.evaluate((text) => window.bench.summarizeOnce(text), seedText());
    engine.push({ init: bench.initMs, first, second });
    await bench.close();
  }
  const at = (runs, key) => median(runs.map((m) => m[key]));
  const spread = (runs, key) => listed(runs.map((m) => m[key]));
  const firstResult = at(early, 'done');
  table(`Start-up (headless Chromium, dist/index.html, seed 000 dropped; median of ${CONTEXTS} fresh contexts)`,
    ['measure', 'median', 'all runs', 'target'], [
      ['navigation start → first result shown, dropped at DOMContentLoaded', `**${ms(firstResult, 0)}**`, spread(early, 'done'),
        `≤ ${TARGET_MS} ms: ${meets(firstResult <= TARGET_MS)}`],
      ['· the drop (DOMContentLoaded)', ms(at(early, 'drop'), 0), spread(early, 'drop'), ''],
      ['navigation start → engine ready (worker loaded and warmed)', ms(at(atReady, 'ready'), 0), spread(atReady, 'ready'), ''],
      ['dropped once ready → result shown', ms(median(atReady.map((m) => m.done - m.drop)), 0),
        listed(atReady.map((m) => m.done - m.drop)), ''],
      ...workerRows(early),
      ['floor, an empty page: its module script ran', ms(at(floor, 'moduleRan'), 0), spread(floor, 'moduleRan'), ''],
      ['floor, an empty page: the empty module worker it starts ran', ms(at(floor, 'workerRan'), 0), spread(floor, 'workerRan'),
        ''],
      ['engine alone: `init` (compile + instantiate)', ms(at(engine, 'init')), spread(engine, 'init'), ''],
      ['engine alone: first `summarize` (dictionary build included)', ms(at(engine, 'first')), spread(engine, 'first'), ''],
      ['engine alone: second `summarize`', ms(at(engine, 'second')), spread(engine, 'second'), ''],
    ], [
      'Page rows: the real page, its worker and service worker included, files served from localhost (no network ' +
        'latency); "result shown" is the status turning to done with the summary on screen. Engine rows: ' +
        'tools/bench/bench.html, the wasm on the main thread, cold in each context. Worker rows: when the page\'s ' +
        'worker reached each `performance.mark` of worker.js for the early drop, from navigation start. Floor rows: ' +
        'tools/bench/floor.html, a page with one module script that starts one empty module worker, in the same ' +
        'fresh contexts: no page with a worker answers sooner.',
    ]);
}

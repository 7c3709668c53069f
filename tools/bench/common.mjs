// Helpers shared by the parts of `./build.sh bench` (tools/bench/run.mjs): statistics,
// Markdown tables, the sample articles, the headless browser and its bench page,
// the native binaries, and the dev sets and peer times in ../shared/eval.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { chromium } from 'playwright-core';

export const SEED = '000_1fb41a5b070bc01f.txt';
export const SAMPLES_DIR = 'www/samples';
export const SHARED_EVAL = '../shared/eval';
export const BASELINES = `${SHARED_EVAL}/BASELINES.md`;
/** Fresh browser contexts per timed page measure. */
export const CONTEXTS = 7;

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

// ── numbers and tables ──────────────────────────────────────────────────────────

export const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
export const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
export const ms = (value, digits = 1) => `${value.toFixed(digits)} ms`;
/** A ratio as `3.2×`, or a dash when there is nothing to divide. */
export const times = (a, b) => (b > 0 && Number.isFinite(a / b) ? `${(a / b).toFixed(a / b < 10 ? 2 : 0)}×` : '—');
/** `yes` or `NO` against a target, so a miss stands out in the table. */
export const meets = (ok) => (ok ? 'yes' : '**no**');

/** Prints a heading and a Markdown table; `notes` are printed under it as plain lines. */
export function table(title, header, rows, notes = []) {
  const line = (cells) => `| ${cells.join(' | ')} |`;
  console.log(`\n### ${title}\n`);
  console.log(line(header));
  console.log(line(header.map(() => '---')));
  for (const row of rows) console.log(line(row));
  if (notes.length) console.log('\n' + notes.join('\n'));
}

export const notice = (text) => console.log(`\n${text}`);

// ── articles ─────────────────────────────────────────────────────────────────────

export const seedText = () => readFileSync(path.join(SAMPLES_DIR, SEED), 'utf8');

/**
 * An article of exactly `bytes` bytes of UTF-8: the samples in name order, each
 * followed by a blank line, over and over, cut at the last whole character.
 */
export function concatenatedArticle(bytes) {
  const samples = readdirSync(SAMPLES_DIR).filter((f) => f.endsWith('.txt')).sort()
    .map((f) => Buffer.from(readFileSync(path.join(SAMPLES_DIR, f), 'utf8') + '\n\n'));
  // Four bytes more than wanted, so that the byte after the cut shows whether it is inside a character.
  const buffer = Buffer.alloc(bytes + 4);
  for (let at = 0, i = 0; at < buffer.length; i++) at += samples[i % samples.length].copy(buffer, at);
  let end = bytes;
  while (end > 0 && (buffer[end] & 0xc0) === 0x80) end--; // a continuation byte: step back to the character's start
  return buffer.subarray(0, end).toString('utf8');
}

// ── the browser ──────────────────────────────────────────────────────────────────

export const launchChromium = () => chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });

/**
 * Opens tools/bench/bench.html in a fresh context, with the engine loaded.
 * @returns {Promise<{page: import('playwright-core').Page, close: () => Promise<void>, initMs: number}>}
 */
export async function benchPage(browser, server) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${server.url}tools/bench/bench.html`);
  await page.waitForFunction(() => window.bench !== undefined);
  const initMs = await page.evaluate(() => window.bench.init());
  return { page, initMs, close: () => context.close() };
}

// ── native binaries ──────────────────────────────────────────────────────────────

const targetDir = () => process.env.CARGO_TARGET_DIR || 'target';
export const nativeBinary = (name) => path.join(targetDir(), 'release', name);
export const nativeExample = (name) => path.join(targetDir(), 'release', 'examples', name);

/** `taskset -c 0` in front of a command when the machine has it, so it runs on one core. */
export function oneCore(command, args) {
  const taskset = spawnSync('taskset', ['-c', '0', 'true']).status === 0;
  return taskset ? { command: 'taskset', args: ['-c', '0', command, ...args], pinned: true } : { command, args, pinned: false };
}

/**
 * Runs `examples/bench_native.rs` (built by build.sh) and parses its JSON; null when it
 * was stopped after `timeoutMs`.
 */
export function benchNative(args, { pinned = false, timeoutMs = 0 } = {}) {
  const bin = nativeExample('bench_native');
  const run = pinned ? oneCore(bin, args) : { command: bin, args };
  const result = spawnSync(run.command, run.args, { encoding: 'utf8', maxBuffer: 1 << 20, timeout: timeoutMs });
  if (result.error?.code === 'ETIMEDOUT') return null;
  if (result.status !== 0) throw new Error(`bench_native ${args.join(' ')}: ${result.error ?? result.stderr}`);
  return JSON.parse(result.stdout);
}

// ── ../shared/eval ───────────────────────────────────────────────────────────────

/** The dev sets, `{name, file, docs}`, or null when ../shared is absent. */
export function devSets() {
  if (!existsSync(SHARED_EVAL)) return null;
  return readdirSync(SHARED_EVAL).sort()
    .map((name) => ({ name, file: path.join(SHARED_EVAL, name, 'dev.jsonl') }))
    .filter(({ file }) => existsSync(file))
    .map((set) => ({ ...set, docs: readFileSync(set.file, 'utf8').split('\n').filter((l) => l.trim()).length }));
}

/** The texts of a dev set's lines (its `text` fields), in order. */
export const devTexts = (file) => readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l).text);

/**
 * The peers of each dev set in BASELINES.md: `Map(set name → {k, peers: [{system, msPerDoc}]})`,
 * read from its `## <set>/dev.jsonl (…, k = K)` headings and the `ms/doc` column of the
 * table under each. Null when the file is absent.
 */
export function peerTimes() {
  if (!existsSync(BASELINES)) return null;
  const sets = new Map();
  let current = null;
  let msColumn = -1;
  for (const line of readFileSync(BASELINES, 'utf8').split('\n')) {
    const heading = line.match(/^##\s+([^/\s]+)\/dev\.jsonl\b.*\bk\s*=\s*(\d+)/);
    if (heading) {
      current = { k: Number(heading[2]), peers: [] };
      sets.set(heading[1], current);
      msColumn = -1;
      continue;
    }
    if (!current || !line.startsWith('|')) continue;
    const cells = line.split('|').slice(1, -1).map((c) => c.trim());
    if (cells.every((c) => /^:?-+:?$/.test(c))) continue;
    if (msColumn < 0) {
      msColumn = cells.findIndex((c) => c.toLowerCase() === 'ms/doc');
      continue;
    }
    const value = Number(cells[msColumn]?.replace(/\*/g, ''));
    if (Number.isFinite(value)) current.peers.push({ system: cells[0].replace(/\*/g, ''), msPerDoc: value });
  }
  return sets;
}

// Part 1, download: every file a first visit transfers from dist/, compressed as a
// host would send it, against the page's 1.2 MB budget (brotli).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { kb, meets, table } from './common.mjs';

const DIST = 'dist';
const BUDGET = 1_200_000;
/** Sample articles and the npm package: not part of the page. */
const EXCLUDED = ['samples/', 'package/'];

const brotli = (bytes) => brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const gzip = (bytes) => gzipSync(bytes, { level: 9 }).length;

/**
 * The first visit's files: sw.js, the precache manifest it imports, and every file the
 * manifest lists (the service worker's install fetches them all), minus the samples.
 */
function firstVisitFiles() {
  const script = readFileSync(path.join(DIST, 'precache-manifest.js'), 'utf8');
  const manifest = JSON.parse(script.slice(script.indexOf('{'), script.lastIndexOf('}') + 1));
  const listed = manifest.files.map(([file]) => file).filter((file) => file !== './');
  return ['sw.js', 'precache-manifest.js', ...listed]
    .filter((file) => !EXCLUDED.some((prefix) => file.startsWith(prefix)))
    .sort();
}

export function download() {
  const totals = { raw: 0, gzip: 0, brotli: 0 };
  const rows = firstVisitFiles().map((file) => {
    const bytes = readFileSync(path.join(DIST, file));
    const sizes = { raw: bytes.length, gzip: gzip(bytes), brotli: brotli(bytes) };
    for (const key of Object.keys(totals)) totals[key] += sizes[key];
    return [`\`${file}\``, kb(sizes.raw), kb(sizes.gzip), kb(sizes.brotli)];
  });
  rows.push(['**all of the first visit**', kb(totals.raw), kb(totals.gzip), `**${kb(totals.brotli)}**`]);
  table('Download (dist/, first visit)', ['file', 'raw', 'gzip -9', 'brotli q11'], rows, [
    `Budget: ${(BUDGET / 1e6).toFixed(1)} MB brotli (${kb(BUDGET)}) for everything a first visit transfers: ` +
      `${kb(totals.brotli)}, ${(100 * totals.brotli / BUDGET).toFixed(0)}% of it — within: ${meets(totals.brotli <= BUDGET)}.`,
    'The files are sw.js, the precache manifest it imports, and every file that manifest lists, which the service ' +
      'worker fetches at its first install (the embed demo among them); the samples and the npm package are left out.',
  ]);
}

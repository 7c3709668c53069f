// The npm package in dist/package (written by tools/package.mjs during `./build.sh build`):
// `npm pack` succeeds and ships every file the package names; the packed module, installed
// into a fresh project, summarizes a seed in Node exactly as the CLI does; and its type
// declarations let TypeScript check a consumer (and catch one that misuses a field).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PACKAGE_FILES } from '../../tools/package.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PACKAGE = path.join(ROOT, 'dist', 'package');
const SEED = path.join(ROOT, 'www', 'samples', readdirSync(path.join(ROOT, 'www', 'samples')).find((f) => f.endsWith('.txt')));
const TSC = path.join(ROOT, 'node_modules', '.bin', 'tsc');

let project;
let packed;

before(() => {
  assert.ok(existsSync(path.join(PACKAGE, 'package.json')), 'dist/package is missing: run ./build.sh build first');
  project = mkdtempSync(path.join(tmpdir(), 'summarizer-consumer-'));
  const [info] = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', project], { cwd: PACKAGE, encoding: 'utf8' }));
  packed = info;
  // Install the tarball the way npm would lay it out, without a registry.
  mkdirSync(path.join(project, 'node_modules'));
  execFileSync('tar', ['xzf', path.join(project, info.filename), '-C', path.join(project, 'node_modules')]);
  renameSync(path.join(project, 'node_modules', 'package'), path.join(project, 'node_modules', 'article-summarizer'));
  writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
});

after(() => project && rmSync(project, { recursive: true, force: true }));

test('npm pack ships every file the package names', () => {
  assert.equal(packed.name, 'article-summarizer');
  const shipped = packed.files.map((f) => f.path).sort();
  for (const file of [...PACKAGE_FILES, 'package.json', 'README.md']) assert.ok(shipped.includes(file), `missing ${file}`);
  const manifest = JSON.parse(readFileSync(path.join(PACKAGE, 'package.json'), 'utf8'));
  assert.equal(manifest.version, readFileSync(path.join(ROOT, 'Cargo.toml'), 'utf8').match(/^version = "(.*)"/m)[1]);
});

test('the installed package summarizes a seed in Node exactly as the CLI does', () => {
  writeFileSync(
    path.join(project, 'consumer.mjs'),
    `import { readFile } from 'node:fs/promises';
import { summarize, summarizeFile } from 'article-summarizer';
const text = await readFile(process.argv[2], 'utf8');
const fromText = await summarize(text);
const fromFile = await summarizeFile(await readFile(process.argv[2]), 'seed.txt');
process.stdout.write(JSON.stringify({ fromText, fromFile }));
`,
  );
  const run = spawnSync(process.execPath, ['consumer.mjs', SEED], { cwd: project, encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  const { fromText, fromFile } = JSON.parse(run.stdout);
  const fromCli = JSON.parse(execFileSync('cargo', ['run', '--quiet', '--bin', 'summarize', '--', '--json', SEED], { cwd: ROOT, encoding: 'utf8' }));
  assert.deepEqual(fromFile, fromCli);
  assert.deepEqual(fromText, { ...fromCli, source: null });
  assert.ok(fromCli.figures.length > 0 && fromCli.sentences.length > 0, 'the seed has a summary worth comparing');
});

/** Type-checks one consumer file against the installed package; returns tsc's result. */
function typecheck(source) {
  writeFileSync(path.join(project, 'consumer.ts'), source);
  return spawnSync(
    TSC,
    ['--noEmit', '--strict', '--target', 'es2022', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--lib', 'es2022,dom', 'consumer.ts'],
    { cwd: project, encoding: 'utf8' },
  );
}

test('the type declarations describe the summary, and catch misuse', () => {
  const good = typecheck(`import { summarize, type Summary, type Figure } from 'article-summarizer';
import type { ArticleSummary } from 'article-summarizer/element';
const summary: Summary = await summarize('一句话。', { sentences: 2, lang: 'zh' });
const first: Figure | undefined = summary.figures[0];
const label: string | undefined = first?.label;
const direction: 'up' | 'down' | null | undefined = first?.direction;
const element: ArticleSummary | null = document.querySelector('article-summary');
element?.addEventListener('summary-ready', (event) => console.log(event.detail.sentences.length, label, direction));
`);
  assert.equal(good.status, 0, good.stdout + good.stderr);
  const bad = typecheck(`import { summarize } from 'article-summarizer';
const summary = await summarize('text', { sentence: 2 });
console.log(summary.figures[0].labels);
`);
  assert.notEqual(bad.status, 0, 'tsc accepted a misspelt option and field');
  assert.match(bad.stdout, /sentence/);
  assert.match(bad.stdout, /labels/);
});

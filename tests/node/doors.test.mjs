// One API, three doors: the wasm module (here loaded in Node) must return
// exactly what the CLI's `--json` prints, for every sample article.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, existsSync } from 'node:fs';

const PKG = new URL('../../www/pkg/', import.meta.url);
const SAMPLES = new URL('../../www/samples/', import.meta.url);

test('wasm and CLI give the same summary for every sample', async () => {
  assert.ok(existsSync(new URL('article_summarizer.js', PKG)), 'www/pkg is missing: run ./build.sh build first');
  const wasm = await import(new URL('article_summarizer.js', PKG));
  await wasm.default({ module_or_path: readFileSync(new URL('article_summarizer_bg.wasm', PKG)) });

  const files = readdirSync(SAMPLES).filter((f) => f.endsWith('.txt')).sort();
  assert.equal(files.length, 5);
  for (const file of files) {
    const path = new URL(file, SAMPLES).pathname;
    const fromCli = JSON.parse(execFileSync('cargo', ['run', '--quiet', '--bin', 'summarize', '--', '--json', path], { encoding: 'utf8' }));
    const fromWasm = wasm.summarize(readFileSync(path, 'utf8'));
    assert.deepEqual(fromWasm, fromCli, file);
  }
});

test('wasm throws a readable error for empty input and bad options', async () => {
  const wasm = await import(new URL('article_summarizer.js', PKG));
  assert.throws(() => wasm.summarize('   '), /no text to summarize/);
  assert.throws(() => wasm.summarize('一句话。', { sentences: 0 }), /at least 1/);
});

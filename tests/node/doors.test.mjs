// One API, three doors: the wasm module (here loaded in Node) must return
// exactly what the CLI's `--json` prints, for every sample article.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, existsSync } from 'node:fs';

const PKG = new URL('../../www/pkg/', import.meta.url);
const SAMPLES = new URL('../../www/samples/', import.meta.url);
const FIXTURES = new URL('../fixtures/', import.meta.url);

test('wasm and CLI give the same summary for every sample', async () => {
  assert.ok(existsSync(new URL('article_summarizer.js', PKG)), 'www/pkg is missing: run ./build.sh build first');
  const wasm = await import(new URL('article_summarizer.js', PKG));
  await wasm.default({ module_or_path: readFileSync(new URL('article_summarizer_bg.wasm', PKG)) });

  const files = readdirSync(SAMPLES).filter((f) => f.endsWith('.txt')).sort();
  assert.equal(files.length, 5);
  for (const file of files) {
    const path = new URL(file, SAMPLES).pathname;
    const fromCli = JSON.parse(execFileSync('cargo', ['run', '--quiet', '--bin', 'summarize', '--', '--json', path], { encoding: 'utf8' }));
    const fromWasm = wasm.summarizeSource(wasm.readFile(readFileSync(path), file));
    assert.deepEqual(fromWasm, fromCli, file);
    assert.deepEqual(fromCli.source, { format: 'text', encoding: 'UTF-8' });
    // The same text passed as a string gives the same summary, without a source.
    assert.deepEqual(wasm.summarize(readFileSync(path, 'utf8')), { ...fromCli, source: null }, file);
  }
});

test('wasm and CLI read the same GB18030, Word and HTML files into the same summary', async () => {
  const wasm = await import(new URL('article_summarizer.js', PKG));
  await wasm.default({ module_or_path: readFileSync(new URL('article_summarizer_bg.wasm', PKG)) });
  const formats = {};
  for (const file of ['gb18030.txt', 'sample.docx', 'page.html']) {
    const path = new URL(file, FIXTURES).pathname;
    const fromCli = JSON.parse(execFileSync('cargo', ['run', '--quiet', '--bin', 'summarize', '--', '--json', path], { encoding: 'utf8' }));
    const fromWasm = wasm.summarizeSource(wasm.readFile(readFileSync(path), file));
    assert.deepEqual(fromWasm, fromCli, file);
    assert.ok(fromCli.figures.length > 0, `${file}: no figures to compare`);
    formats[file] = fromCli.source.format;
  }
  assert.deepEqual(formats, { 'gb18030.txt': 'text', 'sample.docx': 'docx', 'page.html': 'html' });
});

test('wasm throws a readable error for empty input and bad options', async () => {
  const wasm = await import(new URL('article_summarizer.js', PKG));
  assert.throws(() => wasm.summarize('   '), /no text to summarize/);
  assert.throws(() => wasm.summarize('一句话。', { sentences: 0 }), /at least 1/);
});

test('wasm reads files with the same reader as the CLI', async () => {
  const wasm = await import(new URL('article_summarizer.js', PKG));
  // 重庆国际人才交流大会 in GBK, as an old Windows editor saves it.
  const gbk = Uint8Array.from([0xd6, 0xd8, 0xc7, 0xec, 0xb9, 0xfa, 0xbc, 0xca, 0xc8, 0xcb, 0xb2, 0xc5, 0xbd, 0xbb, 0xc1, 0xf7, 0xb4, 0xf3, 0xbb, 0xe1]);
  assert.equal(wasm.readFile(gbk).text, '重庆国际人才交流大会');
  const utf16 = Uint8Array.from([0xff, 0xfe, ...[...'人才'].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8])]);
  assert.deepEqual(wasm.readFile(utf16, 'a.txt'), { text: '人才', format: 'text', encoding: 'UTF-16LE' });
  assert.throws(() => wasm.readFile(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0])), /PNG image/);
});

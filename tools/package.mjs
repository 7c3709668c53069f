// Writes dist/package/: the npm-shaped package of the embed (module API, custom element,
// worker, wasm and their type declarations). Run by `./build.sh build` after www/pkg/ is built.
//
//   node tools/package.mjs [OUT_DIR]        (default dist/package)
//
// The files are copied from www/ unchanged, so the package runs exactly the code the page
// and its tests run. The version is the crate's, read from Cargo.toml.

import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const WWW = path.join(ROOT, 'www');

/** What the package ships, relative to www/ (and to the package root). */
export const PACKAGE_FILES = [
  'article-summarizer.js',
  'article-summarizer.d.ts',
  'article-summary.js',
  'article-summary.d.ts',
  'client.js',
  'worker.js',
  'pkg/article_summarizer.js',
  'pkg/article_summarizer.d.ts',
  'pkg/article_summarizer_bg.wasm',
];

async function crateField(field) {
  const manifest = await readFile(path.join(ROOT, 'Cargo.toml'), 'utf8');
  const match = manifest.match(new RegExp(`^${field}\\s*=\\s*"([^"]*)"`, 'm'));
  if (!match) throw new Error(`Cargo.toml has no ${field}`);
  return match[1];
}

export async function writePackage(outDir) {
  for (const file of PACKAGE_FILES) {
    if (!existsSync(path.join(WWW, file))) throw new Error(`www/${file} is missing: build the wasm first (./build.sh build)`);
  }
  await rm(outDir, { recursive: true, force: true });
  for (const file of PACKAGE_FILES) {
    await mkdir(path.dirname(path.join(outDir, file)), { recursive: true });
    await cp(path.join(WWW, file), path.join(outDir, file));
  }
  const version = await crateField('version');
  const pkg = {
    name: 'article-summarizer',
    version,
    description: await crateField('description'),
    license: await crateField('license'),
    type: 'module',
    main: './article-summarizer.js',
    types: './article-summarizer.d.ts',
    exports: {
      '.': { types: './article-summarizer.d.ts', default: './article-summarizer.js' },
      './element': { types: './article-summary.d.ts', default: './article-summary.js' },
      './package.json': './package.json',
    },
    files: [...PACKAGE_FILES, 'README.md'],
    // Importing ./element defines the custom element; the module API has no side effects.
    sideEffects: ['./article-summary.js'],
    engines: { node: '>=18' },
  };
  await writeFile(path.join(outDir, 'package.json'), JSON.stringify(pkg, null, 2) + '\n');
  await writeFile(
    path.join(outDir, 'README.md'),
    `# article-summarizer ${version}

Headline sentences, key figures (数读) and keywords of a Chinese or English article,
computed on the reader's device by a WebAssembly engine. Nothing is uploaded.

\`\`\`js
import { summarize, summarizeFile } from 'article-summarizer';
const summary = await summarize(text, { sentences: 3 });   // browser (one shared worker) or Node
\`\`\`

\`\`\`html
<script type="module" src="node_modules/article-summarizer/article-summary.js"></script>
<article-summary for="#post-body" sentences="3" figures="4"></article-summary>
\`\`\`

The result is the same JSON as the \`summarize --json\` CLI; its fields are typed in
\`pkg/article_summarizer.d.ts\`.
`,
  );
  return pkg;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const out = path.resolve(process.argv[2] ?? path.join(ROOT, 'dist', 'package'));
  const pkg = await writePackage(out);
  console.log(`${path.relative(process.cwd(), out) || '.'}: ${pkg.name}@${pkg.version}, ${pkg.files.length} files`);
}

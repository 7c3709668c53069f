#!/usr/bin/env node
// A zero-dependency static file server for local development and the e2e tests.
//
//   node tools/serve.mjs <dir> [port]      serves <dir> on http://127.0.0.1:<port>/ (default 8080)
//
//   import { startServer } from './tools/serve.mjs';
//   const { url, close } = await startServer('www', 0);   // port 0 = any free port
//
//   node tools/serve.mjs --manifest <dir>  writes <dir>/precache-manifest.js (see below)
//
// precache-manifest.js (the list sw.js caches for offline use) is generated on every
// request when <dir> holds sw.js, so a page edited without a rebuild is never served
// from a stale offline copy; `--manifest` writes the same file for static hosts.
//
// Only GET and HEAD. Every response says `Cache-Control: no-cache`, so a rebuilt
// wasm is picked up on reload. Paths are resolved inside <dir> and anything that
// would leave it is refused. A directory serves its index.html; a directory asked
// for without its trailing slash is redirected, so relative URLs in pages resolve.

import { createServer } from 'node:http';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.map': 'application/json; charset=utf-8',
};

function send(res, status, body, headers = {}) {
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Cache-Control': 'no-cache',
    'X-Content-Type-Options': 'nosniff',
    ...headers,
  });
  res.end(res.req.method === 'HEAD' ? undefined : body);
}

/** Maps a request path to a file path inside `root`, or null if it would escape. */
export function resolveInside(root, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const full = path.resolve(root, '.' + path.posix.normalize('/' + decoded));
  if (full !== root && !full.startsWith(root + path.sep)) return null;
  return full;
}

async function handle(root, req, res) {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    return send(res, 405, 'Method not allowed\n', { Allow: 'GET, HEAD' });
  }
  let pathname;
  try {
    pathname = new URL(req.url, 'http://localhost').pathname;
  } catch {
    return send(res, 400, 'Bad request\n');
  }
  let file = resolveInside(root, pathname);
  if (!file) return send(res, 403, 'Forbidden\n');

  // The service worker's file list is made fresh from what is on disk, so an edited
  // page is never hidden behind an offline copy made from an older build.
  if (file === path.join(root, PRECACHE_FILE) && (await stat(path.join(root, 'sw.js')).catch(() => null))) {
    const body = manifestScript(await precacheManifest(root));
    return send(res, 200, body, { 'Content-Type': MIME_TYPES['.js'] });
  }

  let info = await stat(file).catch(() => null);
  if (info?.isDirectory()) {
    if (!pathname.endsWith('/')) {
      return send(res, 301, 'Moved\n', { Location: pathname + '/' });
    }
    file = path.join(file, 'index.html');
    info = await stat(file).catch(() => null);
  }
  if (!info?.isFile()) return send(res, 404, 'Not found\n');

  const type = MIME_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
  res.writeHead(200, {
    'Content-Type': type,
    'Content-Length': info.size,
    'Cache-Control': 'no-cache',
    'X-Content-Type-Options': 'nosniff',
  });
  if (req.method === 'HEAD') return res.end();
  const stream = createReadStream(file);
  stream.on('error', () => res.destroy());
  stream.pipe(res);
}

/**
 * Starts serving `dir` on 127.0.0.1.
 * @param {string} dir
 * @param {number} [port=0] 0 picks a free port.
 * @returns {Promise<{url: string, port: number, close: () => Promise<void>}>}
 */
export async function startServer(dir, port = 0) {
  const root = path.resolve(dir);
  const info = await stat(root).catch(() => null);
  if (!info?.isDirectory()) throw new Error(`serve: ${root} is not a directory`);

  const server = createServer((req, res) => {
    handle(root, req, res).catch((err) => {
      if (!res.headersSent) send(res, 500, 'Internal error\n');
      else res.destroy();
      console.error(`serve: ${req.url}: ${err.message}`);
    });
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const actual = server.address().port;
  return {
    url: `http://127.0.0.1:${actual}/`,
    port: actual,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections?.();
      }),
  };
}

// ── the service worker's precache manifest ─────────────────────────────────────

/** What the service worker (www/sw.js) keeps offline: the shell, the wasm, the samples. */
const PRECACHE_EXTENSIONS = new Set(['.html', '.js', '.css', '.json', '.wasm', '.svg', '.png', '.ico', '.txt', '.md', '.webmanifest']);
const PRECACHE_SKIP = new Set(['sw.js', 'precache-manifest.js', 'pkg/package.json']);
export const PRECACHE_FILE = 'precache-manifest.js';

async function listFiles(root, dir = '') {
  const out = [];
  for (const entry of await readdir(path.join(root, dir), { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const rel = dir ? `${dir}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...(await listFiles(root, rel)));
    else if (entry.isFile()) out.push(rel);
  }
  return out;
}

/**
 * The precache manifest of a site directory: every shell file with its SHA-256, plus "./"
 * (the directory URL, which serves index.html), and a version hashed from that list.
 * @returns {Promise<{version: string, files: Array<[string, string]>}>}
 */
export async function precacheManifest(dir) {
  const root = path.resolve(dir);
  const files = [];
  for (const rel of (await listFiles(root)).sort()) {
    if (PRECACHE_SKIP.has(rel) || rel.endsWith('.d.ts') || !PRECACHE_EXTENSIONS.has(path.extname(rel).toLowerCase())) continue;
    const hash = createHash('sha256').update(await readFile(path.join(root, rel))).digest('hex');
    files.push([rel, hash]);
    if (rel === 'index.html') files.push(['./', hash]);
  }
  const version = createHash('sha256')
    .update(files.map(([file, hash]) => `${file} ${hash}\n`).join(''))
    .digest('hex')
    .slice(0, 16);
  return { version, files };
}

/** The text of precache-manifest.js for a manifest. */
function manifestScript(manifest) {
  return (
    '// Written by `node tools/serve.mjs --manifest` (./build.sh build); read by sw.js. Do not edit.\n' +
    `self.PRECACHE = {\n  "version": ${JSON.stringify(manifest.version)},\n  "files": [\n` +
    manifest.files.map((entry) => `    ${JSON.stringify(entry)}`).join(',\n') +
    '\n  ]\n};\n'
  );
}

/** Writes <dir>/precache-manifest.js for sw.js; returns the manifest. */
export async function writePrecacheManifest(dir) {
  const manifest = await precacheManifest(dir);
  const body = manifestScript(manifest);
  await writeFile(path.join(path.resolve(dir), PRECACHE_FILE), body);
  return manifest;
}

const isMain = process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (isMain) {
  const [dir, portArg] = process.argv.slice(2);
  if (dir === '--manifest') {
    if (!portArg) {
      console.error('usage: node tools/serve.mjs --manifest <dir>');
      process.exit(2);
    }
    writePrecacheManifest(portArg).then(
      (m) => console.log(`${path.join(portArg, PRECACHE_FILE)}: static-${m.version}, ${m.files.length} files`),
      (err) => {
        console.error(err.message);
        process.exit(1);
      },
    );
  } else if (!dir) {
    console.error('usage: node tools/serve.mjs <dir> [port]');
    process.exit(2);
  } else {
    const port = portArg === undefined ? 8080 : Number(portArg);
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      console.error(`serve: bad port ${portArg}`);
      process.exit(2);
    }
    startServer(dir, port).then(
      ({ url }) => console.log(`Serving ${path.resolve(dir)} at ${url}`),
      (err) => {
        console.error(err.message);
        process.exit(1);
      },
    );
  }
}

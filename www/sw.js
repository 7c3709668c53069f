// The offline copy of the app: a service worker that keeps the app shell, the wasm and
// the samples in one cache, `static-<version>`, and answers same-origin GETs for those
// files from it. The list of files and their SHA-256 content hashes is written at build
// time into precache-manifest.js (`./build.sh build`, or `node tools/serve.mjs --manifest
// <dir>`); its version is a hash of that list, so any changed file gives a new cache.
//
//   install   fetches every listed file, checks its hash, stores it; any failure (a file
//             missing or not what the manifest says) abandons the install, nothing half-kept
//   activate  deletes every other static-* cache and takes control of open pages
//   fetch     same-origin GET for a listed file → the cache (the network if missing);
//             everything else is left to the browser
//
// The browser re-checks this file and the imported manifest on each visit, so a rebuilt
// site installs its new cache in the background and takes over.

try {
  importScripts('precache-manifest.js'); // sets self.PRECACHE = {version, files: [[path, sha256], …]}
} catch {
  // Not built: no offline copy; the install below fails quietly and the page works online.
}

const MANIFEST = self.PRECACHE ?? null;
const CACHE = MANIFEST ? `static-${MANIFEST.version}` : null;
const SCOPE = self.registration.scope;
/** absolute URL → expected SHA-256 (hex) */
const FILES = new Map((MANIFEST?.files ?? []).map(([file, hash]) => [new URL(file, SCOPE).href, hash]));

async function sha256(buffer) {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', buffer));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

async function precache() {
  if (!CACHE) throw new Error('precache-manifest.js is missing: run ./build.sh build');
  const cache = await caches.open(CACHE);
  try {
    await Promise.all(
      [...FILES].map(async ([url, hash]) => {
        const response = await fetch(url, { cache: 'no-cache' });
        if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
        const actual = await sha256(await response.clone().arrayBuffer());
        if (actual !== hash) throw new Error(`${url} does not match the manifest`);
        await cache.put(url, response);
      }),
    );
  } catch (err) {
    await caches.delete(CACHE);
    throw err;
  }
}

self.addEventListener('install', (event) => {
  event.waitUntil(precache().then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name !== CACHE && name.startsWith('static-')) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET' || !CACHE) return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  url.search = '';
  url.hash = '';
  const key = url.href;
  if (!FILES.has(key)) return;
  event.respondWith(
    caches
      .open(CACHE)
      .then((cache) => cache.match(key))
      .then((hit) => hit ?? fetch(request)),
  );
});

// Part `profile` (opt-in: `node tools/bench/run.mjs profile`), where a warm `summarize`
// spends its time in wasm: Chromium's sampling CPU profiler over warm calls on seed 000,
// self time by function as a share of the whole JavaScript `summarize` call, beside the
// JavaScript at the boundary (the text's way in, the summary's JSON out). Instruction
// counts (part `stages`) show what the native build executes; this shows where the
// shipped wasm's time goes, in the browser, with the crossing included.
//
// The shipped wasm has no names, so this profiles a copy of it built from the same
// cargo output (build.sh's build_wasm: wasm-bindgen, then wasm-opt with tools/wasm-opt.flags) with
// the name section kept: `--debuginfo` instead of `--strip-debug`. The names do not
// change the code; the note under the table compares the code section with www/pkg's.
// The copy is made in <target>/bench-profile/pkg, again only when the cargo output
// is newer. Expects that output (`./build.sh build` or `bench` made it).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { CONTEXTS, SEED, ms, notice, seedText, table } from './common.mjs';

const CALLS = 400;
const WARM_CALLS = 20;
const INTERVAL_US = 50;
const TOP = 20;
const CRATE = 'article_summarizer';
/** build.sh's wasm-opt flags (tools/wasm-opt.flags, one per line), keeping the names. */
const wasmOptFlags = () => readFileSync('tools/wasm-opt.flags', 'utf8').split('\n').filter(Boolean)
  .map((flag) => (flag === '--strip-debug' ? '--debuginfo' : flag));

const targetDir = () => process.env.CARGO_TARGET_DIR || 'target';

export async function profile(browser, server) {
  const pkg = profileBuild();
  if (!pkg) return;
  const runs = [];
  for (let i = 0; i < Math.min(CONTEXTS, 3); i++) runs.push(await profileContext(browser, server, pkg));
  const { rows, msPerCall, named } = aggregate(runs);
  if (!named) {
    notice(`The profile has no wasm function names (is the name section in ${pkg}?): part \`profile\` skipped.`);
    return;
  }
  const shipped = codeSectionBytes(`www/pkg/${CRATE}_bg.wasm`);
  const profiled = codeSectionBytes(path.join(pkg, `${CRATE}_bg.wasm`));
  table(`Where a warm \`summarize\` spends its time in wasm (seed ${SEED.slice(0, 3)}, Chromium CPU profile)`,
    ['function (self time)', 'ms per call', 'share of the call'], rows, [
      `${ms(msPerCall, 2)} per call while profiled (${runs.length} fresh contexts × ${CALLS} calls after ${WARM_CALLS} ` +
        `warm-up calls, sampled every ${INTERVAL_US} µs); the profiled build's code section is ${bytes(profiled)}, ` +
        `www/pkg's ${shipped ? bytes(shipped) : 'missing'}.`,
    ]);
}

// ── the build ────────────────────────────────────────────────────────────────────

/** The directory of the profile build, made when missing or older than the cargo output; null to skip. */
function profileBuild() {
  const input = path.join(targetDir(), 'wasm32-unknown-unknown', 'wasm-release', `${CRATE}.wasm`);
  const out = path.join(targetDir(), 'bench-profile', 'pkg');
  const wasmOpt = 'node_modules/.bin/wasm-opt';
  if (!existsSync(input)) {
    notice(`${input} is missing (\`./build.sh build\` makes it): part \`profile\` skipped.`);
    return null;
  }
  const built = path.join(out, `${CRATE}_bg.wasm`);
  if (existsSync(built) && statSync(built).mtimeMs >= statSync(input).mtimeMs) return out;
  if (spawnSync('wasm-bindgen', ['--version']).status !== 0 || !existsSync(wasmOpt)) {
    notice(`wasm-bindgen or ${wasmOpt} is missing: part \`profile\` skipped.`);
    return null;
  }
  const scratch = `${out}.tmp`;
  rmSync(scratch, { recursive: true, force: true });
  run('wasm-bindgen', ['--target', 'web', '--out-dir', scratch, input]);
  const bg = path.join(scratch, `${CRATE}_bg.wasm`);
  run('nice', ['-n', '10', wasmOpt, ...wasmOptFlags(), bg, '-o', bg]);
  rmSync(out, { recursive: true, force: true });
  renameSync(scratch, out);
  return out;
}

function run(command, args) {
  const result = spawnSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')}: ${result.error ?? result.stderr}`);
}

/** The size of a wasm file's code section, or null when there is no file. */
function codeSectionBytes(file) {
  if (!existsSync(file)) return null;
  const wasm = readFileSync(file);
  const leb = (at) => {
    let value = 0;
    for (let shift = 0; ; shift += 7) {
      const byte = wasm[at++];
      value += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) return [value, at];
    }
  };
  for (let at = 8; at < wasm.length;) {
    const [size, body] = leb(at + 1);
    if (wasm[at] === 10) return size;
    at = body + size;
  }
  return null;
}

const bytes = (n) => `${n.toLocaleString('en-US')} B`;

// ── the browser ──────────────────────────────────────────────────────────────────

/** One fresh context: warm up, then the profiler around `CALLS` calls. */
async function profileContext(browser, server, pkg) {
  const context = await browser.newContext();
  try {
    await context.route('**/tools/bench/profile-pkg/*', (route) =>
      route.fulfill({ path: path.join(pkg, path.basename(new URL(route.request().url()).pathname)) }));
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Profiler.enable'); // before the wasm is compiled, so its functions are logged with their names
    await cdp.send('Profiler.setSamplingInterval', { interval: INTERVAL_US });
    await page.goto(`${server.url}tools/bench/profile.html`);
    await page.waitForFunction(() => window.profile !== undefined);
    await page.evaluate(([text, warm]) => window.profile.init(text, warm), [seedText(), WARM_CALLS]);
    await cdp.send('Profiler.start');
    const msPerCall = await page.evaluate((n) => window.profile.calls(n), CALLS);
    const { profile } = await cdp.send('Profiler.stop');
    return { profile, msPerCall };
  } finally {
    await context.close();
  }
}

// ── the profile ──────────────────────────────────────────────────────────────────

const BINDINGS = `/${CRATE}.js`;
const JS_ROWS = {
  parse: '*JS:* `JSON.parse` of the summary (in the `__wbg_parse_*` import)',
  decode: '*JS:* `TextDecoder` `decode` of the summary\'s JSON (`getStringFromWasm0`)',
  encode: '*JS:* the text into wasm memory (`passStringToWasm0`, `encodeInto`)',
  gc: '*JS:* garbage collection',
  glue: '*JS:* the rest of the bindings\' JavaScript (wrappers, externref table, wasm↔JS calls)',
};

/**
 * What one profile node's self time counts as: a wasm function's readable name, a key
 * of JS_ROWS, or null outside a `summarize` call. V8 counts a builtin such as
 * JSON.parse in the JavaScript function that calls it, and garbage collection at
 * the top of the profile; during the calls the page does nothing else, so it is
 * counted in.
 */
function classify(node, inCall, inParse) {
  const { functionName: name, url } = node.callFrame;
  if (name === '(garbage collector)') return 'gc';
  if (!inCall) return null;
  if (url.endsWith('.wasm') || url.startsWith('wasm://')) return readable(name);
  if (name === 'decode' || name === 'getStringFromWasm0' || name === 'decodeText') return 'decode';
  if (name === 'encodeInto' || name === 'passStringToWasm0') return 'encode';
  if (inParse && url.endsWith(BINDINGS) && (name === '' || name.startsWith('__wbg_parse_'))) return 'parse';
  return 'glue';
}

/** A Rust function name without its hash and crate disambiguators; legacy `_ZN…E` symbols demangled. */
function readable(name) {
  let text = name;
  if (/^_ZN.*E$/.test(text)) {
    const parts = [];
    for (let at = 3; /\d/.test(text[at]);) {
      const digits = text.slice(at).match(/^\d+/)[0];
      at += digits.length;
      parts.push(text.slice(at, at + Number(digits)));
      at += Number(digits);
    }
    text = parts.join('::').replace(/\.\./g, '::')
      .replace(/\$(LT|GT|RF|BP|C|SP|u20|u27|u5b|u5d|u7b|u7d|u7e)\$/g, (_, code) =>
        ({ LT: '<', GT: '>', RF: '&', BP: '*', C: ',', SP: '@', u20: ' ', u27: "'", u5b: '[', u5d: ']', u7b: '{', u7d: '}', u7e: '~' })[code]);
  }
  return text.replace(/::h[0-9a-f]{16}$/, '').replace(/\[[0-9a-f]+\]/g, '');
}

/**
 * Self time by row over every profile, each sample lasting until the next; the shares
 * are of all the time inside the bindings' `summarize` (and garbage collection).
 */
function aggregate(runs) {
  const selfUs = new Map();
  let calls = 0;
  for (const { profile } of runs) {
    calls += CALLS;
    const rowOf = new Map();
    const byId = new Map(profile.nodes.map((node) => [node.id, node]));
    const walk = (node, inCall, inParse) => {
      const { functionName: name, url } = node.callFrame;
      const call = inCall || (name === 'summarize' && url.endsWith(BINDINGS));
      const parse = inParse || name.startsWith('__wbg_parse_');
      rowOf.set(node.id, classify(node, call, parse));
      for (const child of node.children ?? []) walk(byId.get(child), call, parse);
    };
    walk(profile.nodes[0], false, false);
    const { samples, timeDeltas } = profile;
    for (let i = 0; i < samples.length - 1; i++) {
      const row = rowOf.get(samples[i]);
      if (row) selfUs.set(row, (selfUs.get(row) ?? 0) + timeDeltas[i + 1]);
    }
  }
  const total = [...selfUs.values()].reduce((sum, us) => sum + us, 0);
  const cells = (us) => [ms(us / 1000 / calls, 3), `${((100 * us) / total).toFixed(1)}%`];
  const wasm = [...selfUs].filter(([row]) => !(row in JS_ROWS)).sort((a, b) => b[1] - a[1]);
  const rest = wasm.slice(TOP).reduce((sum, [, us]) => sum + us, 0);
  const rows = [
    ...wasm.slice(0, TOP).map(([name, us]) => [`\`${name.replace(/\|/g, '\\|')}\``, ...cells(us)]),
    ...(wasm.length > TOP ? [[`the other ${wasm.length - TOP} wasm functions`, ...cells(rest)]] : []),
    ...Object.entries(JS_ROWS).map(([key, label]) => [label, ...cells(selfUs.get(key) ?? 0)]),
    ['**all of `summarize`**', ...cells(total).map((cell) => `**${cell}**`)],
  ];
  const msPerCall = runs.reduce((sum, r) => sum + r.msPerCall, 0) / runs.length;
  return { rows, msPerCall, named: wasm.some(([name]) => name.includes('::')) };
}

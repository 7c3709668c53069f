// Part 6, side by side: time per document on each dev set, ours (native and wasm) beside
// each peer's in ../shared/eval/BASELINES.md, read at run time, as peer ms / our ms.
import { benchNative, benchPage, devSets, devTexts, notice, peerTimes, table, times } from './common.mjs';

const msCell = (value) => (value === 0 ? '0 (not timed)' : value.toFixed(value < 1 ? 3 : 2));

export async function sideBySide(browser, server) {
  const sets = devSets();
  const peers = peerTimes();
  if (!sets || !peers) return notice('Side by side: ../shared/eval or its BASELINES.md is absent (skipped).');
  const rows = [];
  for (const set of sets) {
    const baseline = peers.get(set.name);
    if (!baseline) continue;
    const native = benchNative(['docs', String(baseline.k), set.file], { pinned: true });
    const bench = await benchPage(browser, server);
    const wasm = await bench.page.evaluate(([texts, k]) => window.bench.docs(texts, k), [devTexts(set.file), baseline.k]);
    await bench.close();
    baseline.peers.forEach((peer, i) => {
      const ours = i === 0 ? [`${set.name} (k = ${baseline.k})`, `**${msCell(native.msPerDoc)}**`, `**${msCell(wasm.msPerDoc)}**`] : ['', '', ''];
      rows.push([...ours, peer.system, msCell(peer.msPerDoc),
        peer.msPerDoc > 0 ? times(peer.msPerDoc, native.msPerDoc) : '—', peer.msPerDoc > 0 ? times(peer.msPerDoc, wasm.msPerDoc) : '—']);
    });
  }
  table('Side by side (ms per document on the dev sets; ratio = peer ms / our ms, above 1× we are faster)',
    ['dev set', 'ours native', 'ours wasm', 'peer', 'peer ms/doc', 'peer / native', 'peer / wasm'], rows, [
      'Ours: `summarize` with the k of BASELINES.md over every document after one warm-up pass, in one process: ' +
        'native on one core (`bench_native docs`), wasm on the main thread of headless Chromium. Peers: CPython, ' +
        'as BASELINES.md reports them (Lead-k is not timed there).',
    ]);
}

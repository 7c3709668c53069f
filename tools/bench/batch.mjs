// Part 5, batch: the CLI in `--jsonl` mode over each dev set in ../shared/eval, on one
// core, whole process timed (start-up and dictionary build included).
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { devSets, median, meets, nativeBinary, notice, oneCore, table } from './common.mjs';

const RUNS = 3;
const TARGET_DOCS_PER_S = 1000;

/** One run of `summarize --jsonl` over `file`; wall time, and how many lines came back as errors. */
function runOnce(file, out) {
  const run = oneCore(nativeBinary('summarize'), ['--jsonl']);
  const input = openSync(file, 'r');
  const output = openSync(out, 'w');
  const start = process.hrtime.bigint();
  const result = spawnSync(run.command, run.args, { stdio: [input, output, 'pipe'] });
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
  closeSync(input);
  closeSync(output);
  if (result.status !== 0 && result.status !== 1) throw new Error(`summarize --jsonl < ${file}: ${result.stderr}`);
  const errors = readFileSync(out, 'utf8').split('\n').filter((l) => l.startsWith('{') && 'error' in JSON.parse(l)).length;
  return { wallMs, errors, pinned: run.pinned };
}

export function batch() {
  const sets = devSets();
  if (!sets) return notice('Batch: ../shared/eval is absent, so there are no dev sets to run (skipped).');
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-batch-'));
  let pinned = false;
  try {
    const rows = sets.map((set) => {
      const runs = Array.from({ length: RUNS }, () => runOnce(set.file, path.join(dir, 'out.jsonl')));
      pinned = runs[0].pinned;
      const wallMs = median(runs.map((r) => r.wallMs));
      const perSecond = set.docs / (wallMs / 1000);
      return [set.name, String(set.docs), String(runs[0].errors), `${wallMs.toFixed(0)} ms`, `**${perSecond.toFixed(0)}**`,
        meets(perSecond >= TARGET_DOCS_PER_S)];
    });
    table(`Batch (\`summarize --jsonl < dev.jsonl > file\`, ${pinned ? 'one core (`taskset -c 0`)' : 'not pinned: no taskset'}, median of ${RUNS})`,
      ['dev set', 'docs', 'error lines', 'wall time', 'docs/s', `≥ ${TARGET_DOCS_PER_S} docs/s`], rows, [
        'The whole process is timed: start-up, the dictionary build, JSON in and out. Default options (the number of ' +
          'sentences scales with length). An error line is a document with nothing to summarize, answered with `{"id", "error"}`.',
      ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

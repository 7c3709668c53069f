// `./build.sh bench`: prints the size, speed and scale tables of README "Measurements",
// each part measured in this one run. Expects www/pkg, dist/ and the release binaries
// (`summarize`, `examples/bench_native`) built; build.sh does that first.
//
//   node tools/bench/run.mjs [PART...]   parts: download startup warm stages responsive scale batch side
//                                        opt-in, only when named: profile
import { startServer } from '../serve.mjs';
import { launchChromium } from './common.mjs';
import { batch } from './batch.mjs';
import { download } from './download.mjs';
import { profile } from './profile.mjs';
import { scale } from './scale.mjs';
import { sideBySide } from './side-by-side.mjs';
import { startup } from './startup.mjs';
import { stages, warm } from './warm.mjs';
import { responsive } from './responsive.mjs';

const PARTS = { download, startup, warm, stages, responsive, scale, batch, side: sideBySide };
/** Parts run only when named, never by a bare `run.mjs` (`./build.sh bench`). */
const OPT_IN = { profile };
const ALL = { ...PARTS, ...OPT_IN };

const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !(name in ALL));
if (unknown.length) {
  console.error(`bench: unknown part ${unknown.join(', ')}; parts: ${Object.keys(ALL).join(' ')}`);
  process.exit(2);
}

const server = await startServer('.');
const browser = await launchChromium();
try {
  console.log(`Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, Chromium ${browser.version()}, Node ${process.version}.`);
  for (const name of wanted.length ? wanted : Object.keys(PARTS)) await ALL[name](browser, server);
} finally {
  await browser.close();
  await server.close();
}

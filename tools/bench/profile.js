// The page of bench part `profile` (tools/bench/profile.mjs, page tools/bench/profile.html):
// the profile build of the engine (the shipped wasm with its name section kept), on the
// main thread behind `window.profile`. The runner serves that build at ./profile-pkg/
// (a Playwright route, since it lives under the cargo target directory) and starts and
// stops Chromium's CPU profiler around `calls`.
import init, { summarize, warmUp } from './profile-pkg/article_summarizer.js';

let text = '';

window.profile = {
  /** Compiles the wasm, builds the dictionary and makes `warmCalls` calls on `seed`. */
  async init(seed, warmCalls) {
    await init({ module_or_path: new URL('./profile-pkg/article_summarizer_bg.wasm', import.meta.url) });
    warmUp();
    text = seed;
    this.calls(warmCalls);
  },

  /** `n` calls of `summarize` on the seed text; the time per call. */
  calls(n) {
    const start = performance.now();
    for (let i = 0; i < n; i++) summarize(text);
    return (performance.now() - start) / n;
  },
};

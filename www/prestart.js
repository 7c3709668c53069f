// Starts the summarizer's worker while index.html is still being parsed. A module script
// (boot.js) runs only once the page has been laid out, which in a fresh context on a slow
// machine is 60–100 ms after its file arrives; this classic script in <head> runs as soon
// as it arrives (README, "Start-up"). client.js adopts the worker, and replays the events
// it sent before anyone listened, so none is lost however late the modules load.
'use strict';

(() => {
  if (typeof Worker !== 'function') return; // client.js says what is missing
  const url = new URL('worker.js', document.currentScript.src).href;
  let worker;
  try {
    // The options client.js starts its own worker with: it adopts this one by URL alone.
    worker = new Worker(url, { type: 'module', name: 'summarizer' });
  } catch {
    return; // client.js starts its own worker and reports what fails
  }
  const early = [];
  const keep = (event) => {
    if (event.type === 'error') event.preventDefault(); // client.js reports it, as it does its own worker's
    early.push(event);
  };
  const types = ['message', 'error', 'messageerror'];
  for (const type of types) worker.addEventListener(type, keep);
  globalThis.summarizerPrestart = {
    url,
    /** The worker and the events it has sent so far; it stops keeping them. */
    take() {
      for (const type of types) worker.removeEventListener(type, keep);
      return { worker, early };
    },
  };
})();

// The start-up floor (tools/bench/floor.html): a page with nothing on it but one module
// script that starts one empty module worker, as www/client.js starts the summarizer's.
// However small the engine were made, the page's first result comes after these two.
window.floor = { moduleRan: performance.now() };

const worker = new Worker(new URL('./floor-worker.js', import.meta.url), { type: 'module' });
worker.onmessage = ({ data }) => {
  window.floor.workerRan = data.timeOrigin + data.now - performance.timeOrigin;
};

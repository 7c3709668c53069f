// The empty worker of tools/bench/floor.js: says when its first line ran.
postMessage({ timeOrigin: performance.timeOrigin, now: performance.now() });

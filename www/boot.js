// Starts the summarizer's worker as early as the page can: index.html loads this module
// with `async`, so it runs as soon as it and client.js have arrived, before the page is
// parsed and before app.js (the rest of the interface) has loaded. app.js takes the
// client from here.

import { SummarizerClient } from './client.js';

export const client = new SummarizerClient();

/** The first worker's start: settled once its engine is ready, or failed to load. */
export const firstStart = client.start();

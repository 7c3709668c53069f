// Makes the page's summarizer client as soon as this module and client.js have arrived,
// before app.js (the rest of the interface) has loaded. The client adopts the worker
// prestart.js started earlier still, so the engine is already loading by then. app.js
// takes the client from here.

import { SummarizerClient } from './client.js';

export const client = new SummarizerClient();

/** The first worker's start: settled once its engine is ready, or failed to load. */
export const firstStart = client.start();

// UI wiring: inputs (samples, file picker, drop anywhere, paste), status line, results.
// Analysis happens in the worker behind client.js; rendering helpers are in render.js.

import { SummarizerClient } from './client.js';
import { el, renderArticle, renderFigures, renderKeywords, renderSentences } from './render.js';

const MAX_FILE_BYTES = 50 * 1024 * 1024; // the engine's own limit

const $ = (id) => document.getElementById(id);
const ui = {
  status: $('status'),
  samples: $('samples'),
  fileInput: $('file-input'),
  pasteForm: $('paste-form'),
  pasteText: $('paste-text'),
  overlay: $('drop-overlay'),
  results: $('results'),
  source: $('result-source'),
  title: $('result-title'),
  sentences: $('sentences'),
  figures: $('figures'),
  figuresEmpty: $('figures-empty'),
  keywords: $('keywords'),
  articlePane: $('article-pane'),
  article: $('article-text'),
};

const client = new SummarizerClient();
let busy = false;

// ── status line ────────────────────────────────────────────────────────────────

/** @param {'loading'|'ready'|'busy'|'done'|'error'} state */
function setStatus(state, message) {
  ui.status.dataset.state = state;
  ui.status.textContent = message;
}

client.addEventListener('ready', () => {
  if (!busy) setStatus('ready', 'Ready. Pick a sample, open a file or paste text.');
});
client.addEventListener('failure', (event) => {
  if (!busy) setStatus('error', `${event.detail.message} Reload the page or try again.`);
});
client.start();

// ── running a request ──────────────────────────────────────────────────────────

/**
 * Summarizes `input` (a string or a File) and shows the result.
 * @param {string | Blob} input
 * @param {string} label what the reader would call this input
 * @param {string} [source] where it came from, shown above the title
 */
async function run(input, label, source = label) {
  busy = true;
  setStatus('busy', `Summarizing “${label}”…`);
  try {
    const summary = await client.summarize(input);
    busy = false;
    showSummary(summary, label, source);
    const s = summary.sentences.length;
    const f = summary.figures.length;
    setStatus('done', `Summarized “${label}”: ${plural(s, 'headline sentence')}, ${plural(f, 'key figure')}.`);
  } catch (err) {
    if (err?.code === 'superseded') return; // a newer request owns the status now
    busy = false;
    showError(err?.message || String(err), label);
  }
}

function showError(message, label) {
  const prefix = label ? `Could not summarize “${label}”: ` : '';
  setStatus('error', prefix + message);
}

function plural(n, word) {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function runFile(file) {
  if (!file) return;
  if (file.size === 0) return showError('the file is empty. Choose a file with text in it.', file.name);
  if (file.size > MAX_FILE_BYTES) return showError('the file is larger than 50 MB.', file.name);
  run(file, file.name);
}

// ── results ────────────────────────────────────────────────────────────────────

function showSummary(summary, label, source) {
  const lang = summary.lang === 'zh' ? 'zh-CN' : 'en';
  ui.results.lang = lang;
  ui.source.textContent = source;
  ui.title.textContent = summary.title || label;
  ui.title.classList.toggle('is-fallback', !summary.title);
  renderSentences(ui.sentences, summary.sentences);
  renderFigures(ui.figures, summary.figures);
  ui.figuresEmpty.hidden = summary.figures.length > 0;
  renderKeywords(ui.keywords, summary.keywords);
  renderArticle(ui.article, summary);
  ui.article.scrollTop = 0;
  ui.results.hidden = false;

  // Bring the results into view if they start below the first screen.
  const top = ui.results.getBoundingClientRect().top;
  if (top > window.innerHeight * 0.6) ui.results.scrollIntoView({ block: 'start', behavior: scrollBehavior() });
}

function scrollBehavior() {
  return window.matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth';
}

/** Highlights every article span of one sentence or figure and scrolls to the first. */
function focusInArticle(kind, index) {
  for (const node of ui.article.querySelectorAll('.is-active-sentence, .is-active-figure')) {
    node.classList.remove('is-active-sentence', 'is-active-figure');
  }
  for (const node of ui.results.querySelectorAll('[aria-current]')) node.removeAttribute('aria-current');
  const spans = ui.article.querySelectorAll(`[data-${kind}="${index}"]`);
  if (spans.length === 0) return;
  for (const span of spans) span.classList.add(`is-active-${kind}`);
  const listButton = (kind === 'sentence' ? ui.sentences : ui.figures).querySelector(`[data-${kind}="${index}"]`);
  listButton?.setAttribute('aria-current', 'true');
  spans[0].scrollIntoView({ block: 'center', behavior: scrollBehavior() });
}

ui.sentences.addEventListener('click', (event) => {
  const button = event.target.closest('button[data-sentence]');
  if (button) focusInArticle('sentence', button.dataset.sentence);
});
ui.figures.addEventListener('click', (event) => {
  const button = event.target.closest('button[data-figure]');
  if (button) focusInArticle('figure', button.dataset.figure);
});

// ── inputs ─────────────────────────────────────────────────────────────────────

async function loadSamples() {
  try {
    const response = await fetch('samples/index.json');
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const { samples } = await response.json();
    ui.samples.replaceChildren(
      ...samples.map((sample) => {
        const item = el('li');
        const button = el('button', 'sample', sample.title);
        button.type = 'button';
        if (sample.lang) button.lang = sample.lang === 'zh' ? 'zh-CN' : sample.lang;
        button.addEventListener('click', () => runSample(sample));
        item.append(button);
        return item;
      }),
    );
  } catch {
    ui.samples.replaceChildren(el('li', 'empty-note', 'The sample articles could not be loaded.'));
  }
}

async function runSample(sample) {
  busy = true;
  setStatus('busy', `Opening “${sample.title}”…`);
  try {
    const response = await fetch(`samples/${encodeURIComponent(sample.file)}`);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    await run(await response.text(), sample.title, 'Sample article');
  } catch (err) {
    busy = false;
    showError(`the sample could not be loaded (${err.message}).`, sample.title);
  }
}

ui.fileInput.addEventListener('change', () => {
  const file = ui.fileInput.files?.[0];
  ui.fileInput.value = ''; // so choosing the same file again still fires 'change'
  runFile(file);
});

ui.pasteForm.addEventListener('submit', (event) => {
  event.preventDefault();
  const text = ui.pasteText.value;
  if (!text.trim()) {
    setStatus('error', 'There is no text to summarize. Paste an article into the box first.');
    ui.pasteText.focus();
    return;
  }
  run(text, 'Pasted text');
});

// Drop anywhere: the overlay shows while files are dragged over the window.
let dragDepth = 0;
const carriesFiles = (event) => Array.from(event.dataTransfer?.types ?? []).includes('Files');
const hideOverlay = () => {
  dragDepth = 0;
  ui.overlay.hidden = true;
};

document.addEventListener('dragenter', (event) => {
  if (!carriesFiles(event)) return;
  event.preventDefault();
  dragDepth++;
  ui.overlay.hidden = false;
});
document.addEventListener('dragover', (event) => {
  if (!carriesFiles(event)) return;
  event.preventDefault();
  event.dataTransfer.dropEffect = 'copy';
  ui.overlay.hidden = false;
});
document.addEventListener('dragleave', (event) => {
  if (!carriesFiles(event)) return;
  dragDepth = Math.max(0, dragDepth - 1);
  if (dragDepth === 0) ui.overlay.hidden = true;
});
document.addEventListener('dragend', hideOverlay);
document.addEventListener('drop', (event) => {
  if (!carriesFiles(event)) return;
  event.preventDefault();
  hideOverlay();
  runFile(event.dataTransfer.files[0]);
});

loadSamples();

// UI wiring: inputs (samples, file picker, drop and paste anywhere), a queue of articles,
// the status line with progress and Cancel, the results, copy/download, language, offline.
// Analysis happens in the worker behind client.js; rendering helpers are in render.js,
// text/Markdown/JSON in export.js, interface strings in i18n.js.
//
// Article text is untrusted: it only ever reaches the page through textContent.

import { client, firstStart } from './boot.js';
import { allFiguresCount, storyAt, storyTitles } from './client.js';
import {
  articlePosition,
  clearList,
  el,
  ensureArticleRange,
  nextTask,
  renderAllFigures,
  renderArticle,
  renderFigures,
  renderKeywords,
  renderSentences,
  replaceInChunks,
  restoreArticlePosition,
  TASK_BUDGET_MS,
} from './render.js';
import { fileStem, toJson, toMarkdown, toPlainText } from './export.js';
import { initialLanguage, saveLanguage, translate } from './i18n.js';

const MAX_FILE_BYTES = 50 * 1024 * 1024; // the engine's own limit
const MAX_DOCS = 20; // articles kept for switching; the oldest finished one goes first

/** Summary length → options for summarize (medium lets the core scale with the article). */
const LENGTHS = {
  short: { sentences: 3 },
  medium: {},
  long: { sentences: 10 },
};

const $ = (id) => document.getElementById(id);
const ui = {
  langSwitch: $('lang-switch'),
  status: $('status'),
  progress: $('progress'),
  progressBar: $('progress-bar'),
  progressText: $('progress-text'),
  cancel: $('cancel'),
  samples: $('samples'),
  fileInput: $('file-input'),
  pasteForm: $('paste-form'),
  pasteText: $('paste-text'),
  overlay: $('drop-overlay'),
  docsPanel: $('docs-panel'),
  docs: $('docs'),
  results: $('results'),
  stories: $('stories'),
  storyList: $('story-list'),
  source: $('result-source'),
  title: $('result-title'),
  length: $('length'),
  sentences: $('sentences'),
  figures: $('figures'),
  figuresEmpty: $('figures-empty'),
  allFiguresBlock: $('all-figures-block'),
  allFiguresSummary: $('all-figures-summary'),
  allFigures: $('all-figures'),
  keywords: $('keywords'),
  article: $('article-text'),
  copyText: $('copy-text'),
  copyMarkdown: $('copy-markdown'),
  downloadJson: $('download-json'),
  offlineNote: $('offline-note'),
};

// ── language ───────────────────────────────────────────────────────────────────

let lang = initialLanguage();
const t = (key, vars) => translate(lang, key, vars);

function applyLanguage() {
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  document.title = t('pageTitle');
  for (const node of document.querySelectorAll('[data-i18n]')) node.textContent = t(node.dataset.i18n);
  for (const node of document.querySelectorAll('[data-i18n-placeholder]')) {
    node.placeholder = t(node.dataset.i18nPlaceholder);
  }
  for (const node of document.querySelectorAll('[data-i18n-aria-label]')) {
    node.setAttribute('aria-label', t(node.dataset.i18nAriaLabel));
  }
  ui.langSwitch.textContent = t('switchTo');
  ui.langSwitch.lang = lang === 'zh' ? 'en' : 'zh-CN';
  ui.langSwitch.setAttribute('aria-label', t('switchLabel'));
  renderStatus();
  renderDocs();
  const doc = currentDoc();
  if (doc?.summary) {
    renderFigures(ui.figures, shownSummary(doc).figures, { up: t('up'), down: t('down') });
    renderStories(doc, { rebuild: true });
    ui.allFiguresSummary.textContent = t('allFigures', { count: allFiguresCount(doc.summary) });
  }
}

ui.langSwitch.addEventListener('click', () => {
  lang = lang === 'zh' ? 'en' : 'zh';
  saveLanguage(lang);
  applyLanguage();
});

// ── status line ────────────────────────────────────────────────────────────────

/** The last status, kept as a key so a language switch can say it again. */
let status = { state: 'loading', key: 'loading', vars: {} };

/** @param {'loading'|'ready'|'busy'|'done'|'error'} state */
function setStatus(state, key, vars = {}) {
  status = { state, key, vars };
  renderStatus();
}

function renderStatus() {
  const vars = { ...status.vars };
  for (const [name, value] of Object.entries(vars)) {
    if (value && typeof value === 'object' && 'key' in value) vars[name] = t(value.key, value.vars);
  }
  ui.status.dataset.state = status.state;
  ui.status.textContent = t(status.key, vars);
}

/** The reason part of an error, in the interface language when the code is known. */
function reason(err) {
  if (err?.code === 'crash') return { key: 'crash', vars: { detail: err.detail ?? '' } };
  if (err?.code === 'not-text') return { key: 'notText', vars: { raw: err.message } };
  const key = { empty: 'empty', 'engine-load': 'engineLoad' }[err?.code];
  if (key) return { key };
  const raw = err?.message || String(err);
  return err?.code === 'sample' ? { key: 'sampleFailed', vars: { reason: raw } } : { key: 'raw', vars: { raw } };
}

function showError(label, why) {
  setStatus('error', 'couldNot', { label, reason: why });
}

// ── progress ───────────────────────────────────────────────────────────────────

let ticker = 0;

function showProgress(fraction) {
  ui.progress.hidden = false;
  clearInterval(ticker);
  if (fraction === null) {
    // Analysis is one engine call: no measure, so show how long it has been going.
    ui.progressBar.removeAttribute('value');
    const started = performance.now();
    ui.progressText.textContent = '';
    ticker = setInterval(() => {
      const n = Math.floor((performance.now() - started) / 1000);
      ui.progressText.textContent = n >= 1 ? t('seconds', { n }) : '';
    }, 500);
  } else {
    ui.progressBar.value = fraction;
    ui.progressText.textContent = t('percent', { n: Math.round(fraction * 100) });
  }
}

function hideProgress() {
  clearInterval(ticker);
  ui.progress.hidden = true;
  ui.progressText.textContent = '';
}

// ── the engine ─────────────────────────────────────────────────────────────────

// The client was made and its worker started by boot.js, before this module loaded.
function onReady() {
  if (!active && status.state === 'loading') setStatus('ready', 'ready');
  // Not while the page loads, where it would compete with the engine's start for the cores.
  startFontWarmup();
  // No first article yet: the service worker a while later, so as not to compete with a drop.
  setTimeout(registerServiceWorkerSoon, SERVICE_WORKER_DELAY_MS);
}

function onFailure(err) {
  // A crash always belongs to a request, whose own error says what happened.
  if (!active && err?.code !== 'crash') setStatus('error', 'engineFailed');
}

client.addEventListener('ready', onReady);
client.addEventListener('failure', ({ detail }) => onFailure(detail));
// What happened to the first worker before this module was there to hear it.
firstStart.then(() => client.ready && onReady(), onFailure);

// Test hooks, only on request (?test-hooks): the end-to-end tests use them to force a
// panic inside the engine and check that the page survives it.
if (new URLSearchParams(location.search).has('test-hooks')) {
  globalThis.__summarizerTestHooks = {
    panic: () => client.panicForTesting().catch((err) => setStatus('error', 'crashed', { detail: err.detail ?? '' })),
  };
}
client.addEventListener('progress', ({ detail }) => {
  if (!active) return;
  if (detail.phase === 'reading') {
    if (status.key !== 'reading') setStatus('busy', 'reading', { label: active.doc.label });
    showProgress(detail.total ? detail.loaded / detail.total : null);
  } else if (detail.phase === 'analyzing' && active.kind === 'read') {
    if (active.doc.file && status.key !== 'analyzing') setStatus('busy', 'analyzing', { label: active.doc.label });
    showProgress(null);
  }
});
// ── articles and the queue ─────────────────────────────────────────────────────

/**
 * @typedef {{id: number, label: string, sourceKey: string | null, sourceText: string,
 *   file: Blob | null, load: (() => Promise<string>) | null,
 *   source: string | {text: string, format: string, encoding: string} | null,
 *   summary: object | null, length: string, state: 'queued' | 'working' | 'done',
 *   wanted?: string, sampleFile?: string}} Doc  (length: what the summary was made with;
 *   wanted: what the reader chose, run when the engine is free)
 */
/** @type {Doc[]} */
let docs = [];
let nextDocId = 1;
let currentId = null;
/** True once the reader picks an article from the list: finished ones then stop taking over. */
let userPicked = false;
/** @type {number[]} */
const queue = [];
/** @type {{doc: Doc, kind: 'read' | 'length', length: string} | null} */
let active = null;
let preferredLength = 'medium';

const currentDoc = () => docs.find((d) => d.id === currentId) ?? null;

/** Adds articles to the queue and starts working through it. */
function addDocs(inputs) {
  if (inputs.length === 0) return;
  stopFontWarmup();
  userPicked = false;
  for (const input of inputs) {
    const doc = {
      id: nextDocId++,
      label: input.label,
      sourceKey: input.sourceKey ?? null,
      sourceText: input.sourceText ?? '',
      file: input.file ?? null,
      load: input.load ?? null,
      source: input.text ?? null,
      summary: null,
      length: preferredLength,
      state: 'queued',
      sampleFile: input.sampleFile,
    };
    docs.push(doc);
    queue.push(doc.id);
  }
  trimDocs();
  renderDocs();
  pump();
}

function trimDocs() {
  while (docs.length > MAX_DOCS) {
    const oldest = docs.find((d) => d.state === 'done' && d.id !== currentId);
    if (!oldest) break;
    docs = docs.filter((d) => d !== oldest);
  }
}

function setBusy(on) {
  ui.cancel.hidden = !on;
  if (!on) hideProgress();
}

/** Runs the next queued article, one at a time. */
async function pump() {
  if (active || queue.length === 0) return;
  const doc = docs.find((d) => d.id === queue[0]);
  queue.shift();
  if (!doc) return pump();
  const job = { doc, kind: 'read', length: doc.length };
  active = job;
  doc.state = 'working';
  renderDocs();
  setBusy(true);
  setStatus('busy', queue.length > 0 ? 'busyMore' : 'busy', { label: doc.label, more: queue.length });
  showProgress(null);
  try {
    let input = doc.file ?? doc.source;
    if (input === null && doc.load) input = await doc.load();
    if (active !== job) return; // cancelled while loading
    const { summary, source } = await client.summarize(input, LENGTHS[doc.length]);
    if (active !== job) return;
    doc.source = source;
    doc.file = null;
    doc.load = null;
    doc.summary = summary;
    doc.state = 'done';
    if (doc.sourceKey === 'pastedLabel') doc.label = pastedName(summary);
    active = null;
    setBusy(false);
    if (!userPicked || currentId === null) showDoc(doc);
    else renderDocs();
    announceDone(doc);
  } catch (err) {
    if (active !== job) return; // cancelled: the cancel owns the status now
    active = null;
    setBusy(false);
    docs = docs.filter((d) => d !== doc);
    renderDocs();
    showError(doc.label, reason(err));
  }
  next();
}

/** After a job: a length the reader chose meanwhile comes first, then the queue. */
function next() {
  const doc = currentDoc();
  if (!active && doc?.summary && doc.wanted && doc.wanted !== doc.length) return rerank(doc, doc.wanted);
  pump();
  registerServiceWorkerSoon();
}

/** What to call pasted text in the list: its title, else its first words. */
function pastedName(summary) {
  const words = (summary.title || summary.text).replace(/\s+/g, ' ').trim();
  const short = Array.from(words).slice(0, 24).join('');
  return short.length < words.length ? `${short}…` : short || t('pastedLabel');
}

function announceDone(doc) {
  const s = shownSummary(doc);
  setStatus('done', 'done', {
    label: doc.label,
    sentences: { key: 'sentenceCount', vars: { n: s.sentences.length } },
    figures: { key: 'figureCount', vars: { n: s.figures.length } },
  });
}

/**
 * The reader picked a length. The current article is re-ranked from the text kept in the
 * page (nothing is read again); while another article is being read, that waits its turn.
 * The radios stay enabled throughout, so keyboard focus is never lost.
 */
function changeLength(length) {
  preferredLength = length;
  const doc = currentDoc();
  if (!doc?.summary) return;
  doc.wanted = length;
  if (active?.kind === 'read') return; // next() runs it afterwards
  if (active?.kind !== 'length' && doc.length === length) return;
  rerank(doc, length); // a newer choice supersedes a re-rank still running
}

async function rerank(doc, length) {
  const job = { doc, kind: 'length', length };
  active = job;
  setBusy(true);
  setStatus('busy', 'rerank', { length: { key: length } });
  showProgress(null);
  try {
    const { summary } = await client.summarize(doc.source, LENGTHS[length]);
    if (active !== job) return;
    doc.summary = summary;
    doc.length = length;
    active = null;
    setBusy(false);
    if (currentId === doc.id) showDoc(doc, { keepScroll: true });
    announceDone(doc);
  } catch (err) {
    if (active !== job) return;
    active = null;
    setBusy(false);
    doc.wanted = doc.length;
    syncLengthControl(doc);
    showError(doc.label, reason(err));
  }
  next();
}

ui.length.addEventListener('change', (event) => {
  if (event.target.name === 'length') changeLength(event.target.value);
});

function syncLengthControl(doc) {
  for (const input of ui.length.querySelectorAll('input')) input.checked = input.value === doc.length;
}

/** Cancel: the worker is terminated (the only way to stop a wasm call) and a fresh one starts. */
ui.cancel.addEventListener('click', () => {
  const was = active;
  if (!was && queue.length === 0) return;
  active = null;
  const dropped = new Set(queue.splice(0));
  if (was?.kind === 'read') dropped.add(was.doc.id);
  docs = docs.filter((d) => !dropped.has(d.id));
  client.cancel();
  setBusy(false);
  const doc = currentDoc();
  if (doc) {
    doc.wanted = doc.length;
    syncLengthControl(doc);
  }
  renderDocs();
  setStatus('done', 'cancelled');
  ui.pasteText.focus();
});

// ── the list of articles ───────────────────────────────────────────────────────

function renderDocs() {
  ui.docsPanel.hidden = docs.length < 2;
  ui.docs.replaceChildren(
    ...docs.map((doc) => {
      const item = el('li');
      const button = el('button', 'doc');
      button.type = 'button';
      button.dataset.doc = String(doc.id);
      const name = el('span', 'doc-name', doc.label);
      if (doc.summary) name.lang = langTag(doc.summary.lang);
      button.append(name);
      if (doc.state !== 'done') {
        button.disabled = true;
        button.append(el('span', 'doc-state', t(doc.state === 'working' ? 'working' : 'queued')));
      }
      if (doc.id === currentId) button.setAttribute('aria-current', 'true');
      item.append(button);
      return item;
    }),
  );
}

ui.docs.addEventListener('click', (event) => {
  const button = event.target.closest('button[data-doc]');
  const doc = docs.find((d) => String(d.id) === button?.dataset.doc);
  if (!doc?.summary) return;
  userPicked = true;
  showDoc(doc);
  if (!active) announceDone(doc);
});

// ── results ────────────────────────────────────────────────────────────────────

const langTag = (code) => (code === 'zh' ? 'zh-CN' : 'en');

/**
 * What the results show for a document: the whole summary, with the title, headline
 * sentences and figures of the story the reader picked (the main one at first).
 */
function shownSummary(doc) {
  if (storyTitles(doc.summary).length < 2) return doc.summary;
  const story = storyAt(doc.summary, doc.story ?? doc.summary.main_article);
  if (!story) return doc.summary;
  // A view over the summary, not a copy: copying would read (and parse) all_figures.
  return Object.create(doc.summary, {
    title: { value: story.title, enumerable: true },
    sentences: { value: story.sentences, enumerable: true },
    figures: { value: story.figures, enumerable: true },
  });
}

/**
 * Stories drawn with the summary; the rest follow, a chunk per frame. More than the list's
 * box shows (about five) and no more, so the frame that shows the result lays out little.
 */
const FIRST_STORIES = 12;

/** The summary whose stories the list shows. */
let storiesOf = null;

/**
 * The page's stories as buttons, when it prints more than one. A page of hundreds gets
 * its first buttons at once and the rest in later tasks. For the list already showing
 * this summary, only the current mark moves (unless `rebuild`, after a language switch).
 */
function renderStories(doc, { rebuild = false } = {}) {
  const titles = storyTitles(doc.summary);
  const main = doc.summary.main_article;
  const current = doc.story ?? main;
  ui.stories.hidden = titles.length < 2;
  if (ui.stories.hidden) {
    storiesOf = null;
    return clearList(ui.storyList);
  }
  if (!rebuild && storiesOf === doc.summary) {
    for (const button of ui.storyList.querySelectorAll('button[aria-current]')) button.removeAttribute('aria-current');
    ui.storyList.querySelector(`[data-story="${current}"]`)?.setAttribute('aria-current', 'true');
    return;
  }
  storiesOf = doc.summary;
  replaceInChunks(ui.storyList, titles, (title, k) => {
    const item = el('li');
    const button = el('button', 'doc');
    button.type = 'button';
    button.dataset.story = String(k);
    const name = el('span', 'doc-name', title || t('untitledStory', { n: k + 1 }));
    name.lang = langTag(doc.summary.lang);
    button.append(name);
    if (k === main) button.append(el('span', 'doc-state', t('mainStory')));
    if (k === current) button.setAttribute('aria-current', 'true');
    item.append(button);
    return item;
  }, { first: FIRST_STORIES });
}

ui.storyList.addEventListener('click', (event) => {
  const button = event.target.closest('button[data-story]');
  const doc = currentDoc();
  if (!button || !doc?.summary) return;
  doc.story = Number(button.dataset.story);
  showDoc(doc, { keepScroll: true });
  ui.storyList.querySelector(`[data-story="${doc.story}"]`)?.focus();
  // Bring the story's first headline sentence (or figure) into the article pane.
  const shown = shownSummary(doc);
  const first = shown.sentences[0] ?? shown.figures[0];
  if (first) ensureArticleRange(ui.article, first.start, first.end);
  requestAnimationFrame(() => scrollArticleTo(ui.article.querySelector('[data-sentence="0"], [data-figure="0"]')));
  if (!active) announceDone(doc);
});

/**
 * The article pane's scrollTop as of its last scroll event. showDoc runs after other
 * changes to the page, where reading scrollTop would lay it all out there and then.
 */
let articleScroll = 0;
ui.article.addEventListener('scroll', () => (articleScroll = ui.article.scrollTop), { passive: true });

function showDoc(doc, { keepScroll = false } = {}) {
  // Reading and writing the pane's layout costs a layout in this task, so only when the
  // reader has scrolled it and the same article is drawn again; a new one starts at the top.
  const scroll = articleScroll;
  const position = keepScroll ? articlePosition(ui.article, scroll) : null;
  const summary = shownSummary(doc);
  currentId = doc.id;
  const articleLang = langTag(summary.lang);
  for (const node of [ui.title, ui.sentences, ui.figures, ui.keywords, ui.article]) node.lang = articleLang;
  ui.source.textContent = doc.sourceKey ? t(doc.sourceKey) : doc.sourceText;
  ui.title.textContent = summary.title || doc.label;
  preferredLength = doc.length;
  ui.title.classList.toggle('is-fallback', !summary.title);
  renderStories(doc);
  renderSentences(ui.sentences, summary.sentences);
  renderFigures(ui.figures, summary.figures, { up: t('up'), down: t('down') });
  ui.figuresEmpty.hidden = summary.figures.length > 0;
  // The full list is built only when opened: a long article can hold thousands.
  ui.allFiguresBlock.hidden = allFiguresCount(doc.summary) === 0;
  ui.allFiguresBlock.open = false;
  clearList(ui.allFigures);
  ui.allFiguresSummary.textContent = t('allFigures', { count: allFiguresCount(doc.summary) });
  renderKeywords(ui.keywords, summary.keywords);
  renderArticle(ui.article, summary);
  if (position) restoreArticlePosition(ui.article, position);
  else if (scroll > 0) ui.article.scrollTop = 0;
  syncLengthControl(doc);
  ui.results.hidden = false;
  renderDocs();

  // Bring the results into view if they start below the first screen. Measured by an
  // IntersectionObserver, which reads the layout of the next frame instead of forcing one.
  if (!keepScroll) {
    const observer = new IntersectionObserver(([entry]) => {
      observer.disconnect();
      if (entry.boundingClientRect.top > window.innerHeight * 0.6) {
        ui.results.scrollIntoView({ block: 'start', behavior: scrollBehavior() });
      }
    });
    observer.observe(ui.results);
  }
}

function scrollBehavior() {
  return window.matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth';
}

/** Highlights every article span of one sentence or figure and scrolls to the first. */
function focusInArticle(kind, index) {
  for (const node of ui.article.querySelectorAll('.is-active-sentence, .is-active-figure')) {
    node.classList.remove('is-active-sentence', 'is-active-figure');
  }
  for (const list of [ui.sentences, ui.figures]) {
    for (const node of list.querySelectorAll('[aria-current]')) node.removeAttribute('aria-current');
  }
  // A long article is still being built: build the part holding this one first.
  const shown = currentDoc() && shownSummary(currentDoc());
  const target = shown?.[kind === 'sentence' ? 'sentences' : 'figures'][index];
  if (target) ensureArticleRange(ui.article, target.start, target.end);
  const spans = ui.article.querySelectorAll(`[data-${kind}="${index}"]`);
  if (spans.length === 0) return;
  for (const span of spans) span.classList.add(`is-active-${kind}`);
  const listButton = (kind === 'sentence' ? ui.sentences : ui.figures).querySelector(`[data-${kind}="${index}"]`);
  listButton?.setAttribute('aria-current', 'true');
  scrollArticleTo(spans[0]);
}

/** Scrolls the article pane to `node`. */
function scrollArticleTo(node) {
  if (!node) return;
  // Sections never shown yet have guessed heights (content-visibility), so a jump far
  // down can land off the mark: once the sections around it are laid out, jump again,
  // frame after frame, until it stays put (a few frames at most).
  const token = (scrollArticleTo.token = {});
  let last = null;
  const step = (left) => {
    if (scrollArticleTo.token !== token || !node.isConnected) return;
    node.scrollIntoView({ block: 'center', behavior: 'auto' });
    const top = Math.round(node.getBoundingClientRect().top);
    if (top === last || left === 0) return;
    last = top;
    requestAnimationFrame(() => step(left - 1));
  };
  step(10);
}

ui.allFiguresBlock.addEventListener('toggle', () => {
  const doc = currentDoc();
  if (ui.allFiguresBlock.open && doc?.summary && ui.allFigures.childElementCount === 0) {
    renderAllFigures(ui.allFigures, doc.summary.all_figures);
  }
});

ui.sentences.addEventListener('click', (event) => {
  const button = event.target.closest('button[data-sentence]');
  if (button) focusInArticle('sentence', button.dataset.sentence);
});
ui.figures.addEventListener('click', (event) => {
  const button = event.target.closest('button[data-figure]');
  if (button) focusInArticle('figure', button.dataset.figure);
});

// ── taking it away ─────────────────────────────────────────────────────────────

async function copyToClipboard(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // No async clipboard (e.g. plain http on a LAN address): the old way.
    const area = el('textarea', 'visually-hidden');
    area.value = text;
    area.setAttribute('readonly', '');
    document.body.append(area);
    area.select();
    let ok = false;
    try {
      ok = document.execCommand('copy');
    } catch {
      ok = false;
    }
    area.remove();
    return ok;
  }
}

async function copy(format) {
  const doc = currentDoc();
  if (!doc?.summary) return;
  const shown = shownSummary(doc);
  const text = format === 'markdown' ? toMarkdown(shown, doc.label) : toPlainText(shown, doc.label);
  const ok = await copyToClipboard(text);
  setStatus(ok ? 'done' : 'error', ok ? (format === 'markdown' ? 'copiedMarkdown' : 'copiedText') : 'copyFailed');
}

ui.copyText.addEventListener('click', () => copy('text'));
ui.copyMarkdown.addEventListener('click', () => copy('markdown'));
ui.downloadJson.addEventListener('click', () => {
  const doc = currentDoc();
  if (!doc?.summary) return;
  const file = `${fileStem(doc.sampleFile ?? doc.label)}.summary.json`;
  const url = URL.createObjectURL(new Blob([toJson(doc.summary)], { type: 'application/json' }));
  const link = el('a');
  link.href = url;
  link.download = file;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  setStatus('done', 'downloaded', { file });
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
        if (sample.lang) button.lang = langTag(sample.lang);
        button.addEventListener('click', () => openSample(sample));
        item.append(button);
        return item;
      }),
    );
  } catch {
    ui.samples.replaceChildren(el('li', 'empty-note', t('samplesFailed')));
  }
}

function openSample(sample) {
  const known = docs.find((d) => d.sampleFile === sample.file && d.summary);
  if (known) {
    userPicked = true;
    showDoc(known);
    if (!active) announceDone(known);
    return;
  }
  addDocs([
    {
      label: sample.title,
      sourceKey: 'sampleSource',
      sampleFile: sample.file,
      load: async () => {
        const response = await fetch(`samples/${encodeURIComponent(sample.file)}`);
        if (!response.ok) throw Object.assign(new Error(`HTTP ${response.status}`), { code: 'sample' });
        return response.text();
      },
    },
  ]);
}

/** Queues files; empty or oversized ones are refused at once with a message. */
function addFiles(fileList) {
  const inputs = [];
  for (const file of Array.from(fileList ?? [])) {
    if (file.size === 0) showError(file.name, { key: 'empty' });
    else if (file.size > MAX_FILE_BYTES) showError(file.name, { key: 'tooBig' });
    else inputs.push({ label: file.name, sourceText: file.name, file });
  }
  addDocs(inputs);
}

ui.fileInput.addEventListener('change', () => {
  const files = Array.from(ui.fileInput.files ?? []);
  ui.fileInput.value = ''; // so choosing the same file again still fires 'change'
  addFiles(files);
});

function addText(text) {
  if (!text.trim()) {
    setStatus('error', 'noText');
    ui.pasteText.focus();
    return;
  }
  addDocs([{ label: t('pastedLabel'), sourceKey: 'pastedLabel', text }]);
}

ui.pasteForm.addEventListener('submit', (event) => {
  event.preventDefault();
  addText(ui.pasteText.value);
});

/**
 * What a paste offers: files, and the HTML and plain-text flavours of copied text.
 * @param {DataTransfer} data
 */
function clipboardInput(data) {
  return {
    text: data.getData('text/plain'),
    html: data.getData('text/html'),
    files: Array.from(data.files ?? []),
  };
}

const isEditable = (node) =>
  node instanceof HTMLElement && (node.isContentEditable || node.matches('textarea, input:not([type=file]):not([type=radio])'));

document.addEventListener('paste', (event) => {
  if (!event.clipboardData) return;
  const input = clipboardInput(event.clipboardData);
  if (event.target === ui.pasteText) {
    // Into the box: insert the plain text where the caret is, then let the reader press Summarize.
    if (input.files.length > 0 || !input.text) return;
    event.preventDefault();
    if (!document.execCommand('insertText', false, input.text)) {
      ui.pasteText.setRangeText(input.text, ui.pasteText.selectionStart, ui.pasteText.selectionEnd, 'end');
    }
    return;
  }
  if (isEditable(event.target)) return;
  // Anywhere else on the page: summarize what was pasted straight away.
  event.preventDefault();
  if (input.files.length > 0) return addFiles(input.files);
  if (input.html.trim()) {
    // Rich text copied from a web page goes the way an .html file goes, so its headings
    // survive and its navigation is dropped by the same extractor.
    const file = new File([input.html], 'clipboard.html', { type: 'text/html' });
    return addDocs([{ label: t('pastedLabel'), sourceKey: 'pastedLabel', file }]);
  }
  ui.pasteText.value = input.text;
  addText(input.text);
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
  addFiles(event.dataTransfer.files);
});

// Escape cancels a running analysis, as the Cancel button does.
document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape' && !ui.cancel.hidden) ui.cancel.click();
});

// ── offline ────────────────────────────────────────────────────────────────────

let serviceWorkerAsked = false;
const SERVICE_WORKER_DELAY_MS = 3000;

/**
 * The service worker's first install fetches every file again (the 2.8 MB wasm among them)
 * and hashes it, which competes with the engine's start and the first article for the same
 * cores. So it is registered, when idle, once the engine is ready and nothing is being
 * summarized (nor drawn): after the first article, or a few seconds after the engine is ready.
 */
function registerServiceWorkerSoon() {
  if (serviceWorkerAsked || !client.ready || active || queue.length > 0) return;
  // A long article still being drawn: after it.
  if (ui.article.hasAttribute('aria-busy')) return void setTimeout(registerServiceWorkerSoon, 1000);
  serviceWorkerAsked = true;
  whenIdle(registerServiceWorker);
}

function registerServiceWorker() {
  if (!('serviceWorker' in navigator) || !window.isSecureContext) return;
  navigator.serviceWorker.register('sw.js').catch(() => {
    // No offline copy (e.g. the precache manifest was not built); the page works online.
  });
  navigator.serviceWorker.ready.then(() => {
    ui.offlineNote.hidden = false;
  });
}

// ── fonts ──────────────────────────────────────────────────────────────────────

/**
 * The first time the page draws a font at a given size and weight, Chromium looks it up
 * (on Linux through a synchronous call to the browser process), and again for each script
 * that falls back to another font. The results use dozens of them, which made the first
 * result's frames long on a busy machine, most of it these look-ups. So once the engine is
 * ready, a copy of the results is laid out off screen, a piece at a time, with text of
 * both scripts and digits in every style the results use: the look-ups are paid before
 * any result arrives, and the font cache they fill lasts as long as the page. An article
 * given meanwhile stops it: from then on its tasks would delay the result.
 */
const WARM_TEXT = {
  zh: '营收增长12.6%，约3944名人才落户 Revenue rose 12.6% to $3,944 million.',
  en: 'Revenue rose 12.6% to $3,944 million, 营收增长12.6%，约3944名人才落户。',
};

/** null until started; `stopped` once an article is given. */
let fontWarmup = null;

function startFontWarmup() {
  if (fontWarmup) return;
  fontWarmup = { stopped: false };
  warmFonts(fontWarmup);
}

function stopFontWarmup() {
  if (fontWarmup) fontWarmup.stopped = true;
  else fontWarmup = { stopped: true }; // not started yet: now it never will
}

/** An off-screen copy of the results holding `text` in every part, in language `code`. */
function warmupCopy(code, text) {
  const copy = ui.results.cloneNode(true);
  for (const node of [copy, ...copy.querySelectorAll('[id]')]) node.removeAttribute('id');
  // A checked radio of the same name would uncheck the real length control's.
  for (const input of copy.querySelectorAll('input[name]')) input.removeAttribute('name');
  copy.classList.add('font-warmup');
  copy.setAttribute('aria-hidden', 'true');
  copy.inert = true;
  copy.hidden = false;
  const $$ = (selector) => copy.querySelector(selector);
  // The article's language where showDoc puts it, the interface's elsewhere: the
  // fonts looked up depend on both.
  for (const selector of ['.result-title', '.sentences', '.figures', '.chips', '.article-text']) {
    $$(selector).lang = langTag(code);
  }
  $$('.source').textContent = text;
  $$('.result-title').textContent = text;
  $$('.stories').hidden = false;
  const stories = [false, true].map((current) => {
    const item = el('li');
    const story = el('button', 'doc');
    const name = el('span', 'doc-name', text);
    name.lang = langTag(code);
    story.append(name, el('span', 'doc-state', t('mainStory')));
    if (current) story.setAttribute('aria-current', 'true');
    item.append(story);
    return item;
  });
  $$('.stories .docs').replaceChildren(...stories);
  renderSentences($$('.sentences'), [{ text }]);
  const figure = { text: '12.6%', kind: 'change', direction: 'up', qualifier: '约', label: text, compared_to: text };
  renderFigures($$('.figures'), [figure, { ...figure, text: '$3,944万', direction: 'down' }]);
  $$('.empty-note').hidden = false;
  $$('.all-figures').hidden = false;
  $$('.all-figures').open = true;
  $$('.all-figures summary').textContent = text;
  renderAllFigures($$('.all-figures-list'), [figure]);
  renderKeywords($$('.chips'), [{ word: text }]);
  const n = text.length;
  const at = (k) => ({ start: k * (n + 2), end: k * (n + 2) + n });
  renderArticle($$('.article-text'), {
    text: Array(6).fill(text).join('\n\n'),
    sentences: [{ text, ...at(3) }],
    figures: [{ ...figure, ...at(4) }],
    headings: [1, 2, 3].map((level) => ({ text, level, ...at(level - 1) })),
  });
  return copy;
}

/**
 * Lays the copy out piece by piece (each element that holds text, in document order),
 * forcing the layout after each so that its look-ups happen there and then, and yields
 * whenever a task has used its budget.
 */
async function warmFonts(state) {
  let started = performance.now();
  for (const [code, text] of Object.entries(WARM_TEXT)) {
    const copy = warmupCopy(code, text);
    const pieces = [...copy.querySelectorAll('*')].filter((node) =>
      [...node.childNodes].some((child) => child.nodeType === Node.TEXT_NODE && child.data.trim()));
    for (const piece of pieces) piece.classList.add('is-warming-later');
    document.body.append(copy);
    try {
      for (const piece of pieces) {
        if (performance.now() - started >= TASK_BUDGET_MS) {
          await nextTask();
          started = performance.now();
        }
        if (state.stopped) return;
        piece.classList.remove('is-warming-later');
        void copy.offsetHeight; // lays the piece out now, which looks its fonts up
      }
    } finally {
      copy.remove();
    }
  }
}

function whenIdle(callback) {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(callback, { timeout: 1000 });
  else setTimeout(callback, 200);
}

applyLanguage();
loadSamples();

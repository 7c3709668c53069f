// <article-summary>: a summary box for a CMS article template.
//
//   <script type="module" src="/path/to/article-summary.js"></script>
//   <article-summary for="#post-body" sentences="3" figures="4" layout="card"></article-summary>
//   <article-summary src="posts/42.md" lang="zh" layout="box"></article-summary>
//   <article-summary layout="inline">Text to summarize, right here.</article-summary>
//
// Text: `for` (a CSS selector; that element's rendered text), else `src` (a same-origin
// text, Markdown or HTML file, read as the CLI reads files), else the element's own text.
// Options: `sentences`, `figures`, `lang` (zh|en). `layout`: card (default), box, inline.
// Work starts only when the element comes near the viewport; every element on the page
// shares one worker (article-summarizer.js). When done it fires `summary-ready`
// (detail: the Summary JSON); on failure `summary-error` (detail: {message}).
// Both bubble and cross shadow roots.
//
// Article text is untrusted: it is only ever put into the shadow DOM with textContent.
// Styles come from one constructable stylesheet (no inline style, so a strict CSP holds).
// Theme with custom properties on the element or any ancestor:
//   --summary-bg, --summary-fg, --summary-muted, --summary-accent, --summary-border,
//   --summary-radius, --summary-font, --summary-figure-size
// or with ::part(): container, title, heading, sentences, sentence, figures, figure,
// figure-number, figure-label, keywords, keyword, status.

import { sharedClient } from './article-summarizer.js';

const CSS = `
:host { display: block; box-sizing: border-box; font: inherit; font-family: var(--summary-font, inherit);
  color: var(--summary-fg, inherit); contain: content; }
:host([hidden]) { display: none; }
:host([layout="inline"]) { display: inline; contain: none; }
* { box-sizing: border-box; }
.container { background: var(--summary-bg, transparent); border: 1px solid var(--summary-border, #d0d4da);
  border-radius: var(--summary-radius, 8px); padding: 1em 1.2em; margin: 0; }
:host([layout="box"]) .container { border-width: 0 0 0 4px; border-color: var(--summary-accent, #b3261e);
  border-radius: 0; background: var(--summary-bg, rgba(127, 127, 127, 0.08)); }
:host([layout="inline"]) .container { display: inline; border: 0; padding: 0; background: none; }
.heading { margin: 0 0 0.3em; font-size: 0.8em; letter-spacing: 0.05em; text-transform: uppercase;
  color: var(--summary-muted, #5f6670); font-weight: 600; }
.title { margin: 0 0 0.6em; font-size: 1.1em; font-weight: 700; line-height: 1.35; }
.sentences { margin: 0 0 0.8em; padding-left: 1.2em; line-height: 1.6; }
.sentence + .sentence { margin-top: 0.3em; }
.figures { list-style: none; margin: 0 0 0.8em; padding: 0; display: grid; gap: 0.6em;
  grid-template-columns: repeat(auto-fill, minmax(9em, 1fr)); }
.figure { display: flex; flex-direction: column; gap: 0.15em; padding: 0.5em 0.6em;
  border-top: 3px solid var(--summary-accent, #b3261e); }
.figure-number { font-size: var(--summary-figure-size, 1.5em); font-weight: 700; line-height: 1.15;
  color: var(--summary-accent, #b3261e); font-variant-numeric: tabular-nums; }
.figure-label { font-size: 0.85em; color: var(--summary-muted, #5f6670); line-height: 1.35; }
.keywords { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 0.4em; }
.keyword { font-size: 0.8em; padding: 0.1em 0.6em; border-radius: 999px;
  border: 1px solid var(--summary-border, #d0d4da); color: var(--summary-muted, #5f6670); }
.status { margin: 0; color: var(--summary-muted, #5f6670); font-size: 0.9em; }
.status[data-state="error"] { color: var(--summary-error, #b3261e); }
:host([layout="inline"]) .title, :host([layout="inline"]) .heading, :host([layout="inline"]) .figures,
:host([layout="inline"]) .keywords { display: none; }
:host([layout="inline"]) .sentences { display: inline; padding: 0; margin: 0; }
:host([layout="inline"]) .sentence { display: inline; }
:host([layout="inline"]) .sentence + .sentence::before { content: " "; }
:host([layout="box"]) .keywords { display: none; }
`;

/** @type {CSSStyleSheet | null} */
let sheet = null;
function styles() {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
  }
  return sheet;
}

const WORDS = {
  zh: { heading: '摘要', figures: '数读', keywords: '关键词', loading: '正在生成摘要…', waiting: '摘要' },
  en: { heading: 'Summary', figures: 'Key figures', keywords: 'Keywords', loading: 'Summarizing…', waiting: 'Summary' },
};

/** Shared by every element: starts work when an element comes within 300 px of the viewport. */
let observer = null;
function watch(element) {
  if (typeof IntersectionObserver !== 'function') {
    element.start();
    return;
  }
  observer ??= new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        observer.unobserve(entry.target);
        entry.target.start();
      }
    },
    { rootMargin: '300px 0px' },
  );
  observer.observe(element);
}

function el(tag, part, text) {
  const node = document.createElement(tag);
  if (part) {
    node.setAttribute('part', part);
    node.className = part.split(' ')[0];
  }
  if (text !== undefined && text !== null) node.textContent = text;
  return node;
}

function numberAttr(value) {
  if (value === null || value.trim() === '') return undefined;
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

export class ArticleSummary extends HTMLElement {
  static observedAttributes = ['for', 'src', 'sentences', 'figures', 'lang', 'layout'];

  #root;
  #container;
  #started = false;
  #run = 0;
  /** @type {object | null} */
  summary = null;

  constructor() {
    super();
    this.#root = this.attachShadow({ mode: 'open' });
    this.#root.adoptedStyleSheets = [styles()];
    this.#container = el('section', 'container');
    this.#root.append(this.#container);
  }

  connectedCallback() {
    if (!this.#started) {
      this.#status('waiting', this.#words().waiting);
      watch(this);
    }
  }

  disconnectedCallback() {
    observer?.unobserve(this);
  }

  attributeChangedCallback(name, before, after) {
    if (before === after || name === 'layout') return;
    if (this.#started) this.#go(); // options or source changed after the first run
  }

  /** Starts summarizing now (normally called when the element nears the viewport). */
  start() {
    if (this.#started) return;
    this.#started = true;
    this.#go();
  }

  #words() {
    const lang = (this.getAttribute('lang') || this.closest('[lang]')?.getAttribute('lang') || document.documentElement.lang || 'en')
      .toLowerCase();
    return lang.startsWith('zh') ? WORDS.zh : WORDS.en;
  }

  #options() {
    const lang = this.getAttribute('lang');
    return {
      sentences: numberAttr(this.getAttribute('sentences')),
      figures: numberAttr(this.getAttribute('figures')),
      lang: lang === 'zh' || lang === 'en' ? lang : undefined,
    };
  }

  async #go() {
    const run = ++this.#run;
    this.#status('loading', this.#words().loading);
    this.setAttribute('aria-busy', 'true');
    try {
      const options = this.#options();
      const client = sharedClient();
      const selector = this.getAttribute('for');
      const src = this.getAttribute('src');
      let result;
      if (selector) {
        const source = document.querySelector(selector);
        if (!source) throw new Error(`No element matches for="${selector}".`);
        // innerText keeps paragraph breaks when the element is rendered; textContent otherwise.
        const text = (source.checkVisibility?.() !== false && source.innerText) || source.textContent || '';
        result = await client.summarize(text, options);
      } else if (src) {
        const url = new URL(src, document.baseURI);
        if (url.origin !== location.origin) throw new Error(`src="${src}" is not on this site.`);
        const response = await fetch(url, { credentials: 'same-origin' });
        if (!response.ok) throw new Error(`Could not load ${src} (HTTP ${response.status}).`);
        // A File with the URL's name, so that post.html is read as a page, as the CLI would.
        const name = decodeURIComponent(url.pathname.split('/').pop() ?? '');
        result = await client.summarize(new File([await response.blob()], name), options);
      } else {
        result = await client.summarize(this.textContent ?? '', options);
      }
      if (run !== this.#run) return;
      this.summary = result.summary;
      this.#render(result.summary);
      this.dispatchEvent(new CustomEvent('summary-ready', { detail: result.summary, bubbles: true, composed: true }));
    } catch (err) {
      if (run !== this.#run) return;
      const message = err?.message || String(err);
      this.#status('error', message);
      this.dispatchEvent(new CustomEvent('summary-error', { detail: { message }, bubbles: true, composed: true }));
    } finally {
      if (run === this.#run) this.removeAttribute('aria-busy');
    }
  }

  #status(state, text) {
    const status = el('p', 'status', text);
    status.dataset.state = state;
    status.setAttribute('role', 'status');
    this.#container.replaceChildren(status);
    this.dataset.state = state;
  }

  #render(summary) {
    const words = summary.lang === 'zh' ? WORDS.zh : WORDS.en;
    const parts = [];
    parts.push(el('h2', 'heading', words.heading));
    if (summary.title) parts.push(el('p', 'title', summary.title));
    const sentences = el('ol', 'sentences');
    sentences.lang = summary.lang;
    sentences.append(...summary.sentences.map((s) => el('li', 'sentence', s.text)));
    parts.push(sentences);
    if (summary.figures.length > 0) {
      const figures = el('ul', 'figures');
      figures.setAttribute('aria-label', words.figures);
      figures.append(
        ...summary.figures.map((f) => {
          const item = el('li', 'figure');
          item.dataset.kind = f.kind;
          item.append(el('span', 'figure-number', f.text), el('span', 'figure-label', f.label || f.unit || ''));
          return item;
        }),
      );
      parts.push(figures);
    }
    if (summary.keywords.length > 0) {
      const keywords = el('ul', 'keywords');
      keywords.setAttribute('aria-label', words.keywords);
      keywords.append(...summary.keywords.map((k) => el('li', 'keyword', k.word)));
      parts.push(keywords);
    }
    this.#container.replaceChildren(...parts);
    this.#container.lang = summary.lang;
    this.dataset.state = 'done';
  }
}

if (!customElements.get('article-summary')) customElements.define('article-summary', ArticleSummary);

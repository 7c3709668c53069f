// Builds the result DOM from a Summary. Article text is untrusted: everything here
// uses createElement and textContent, never HTML strings.

/** Creates an element with an optional class and text. */
export function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = text;
  return node;
}

/** The `hits` of a run no range covers (shared, frozen). */
const NO_HITS = Object.freeze({});

/**
 * Splits `text` into runs at every range boundary of every layer.
 * Offsets are UTF-16 code units, so `text.slice` applies directly.
 * @param {string} text
 * @param {Record<string, Array<{start: number, end: number}>>} layers
 * @returns {Array<{start: number, end: number, hits: Record<string, number>}>}
 *   `hits[layer]` is the index of the first range of that layer covering the run.
 */
export function splitRuns(text, layers) {
  return Array.from(runsOf(text, layers));
}

/** splitRuns one run at a time, so that a long text can be split over several tasks. */
function* runsOf(text, layers) {
  const len = text.length;
  const names = Object.keys(layers);
  const clean = names.map((name) => {
    const out = [];
    (layers[name] ?? []).forEach((r, index) => {
      const start = Math.max(0, Math.min(len, Number(r.start)));
      const end = Math.max(0, Math.min(len, Number(r.end)));
      if (end > start) out.push({ start, end, index });
    });
    return out.sort((a, b) => a.start - b.start);
  });
  const cuts = [0, len];
  for (const ranges of clean) for (const r of ranges) cuts.push(r.start, r.end);
  const points = Float64Array.from(cuts).sort();
  // One sweep: each layer keeps the ranges open at the current run. Every
  // range start and end is a cut, so an open range covers the whole run.
  const open = names.map(() => []);
  const next = names.map(() => 0);
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i];
    const end = points[i + 1];
    if (end === start) continue;
    let hits = NO_HITS;
    for (let l = 0; l < names.length; l++) {
      const ranges = clean[l];
      const current = open[l];
      while (next[l] < ranges.length && ranges[next[l]].start <= start) current.push(ranges[next[l]++]);
      if (current.length === 0) continue;
      let kept = 0;
      let first = Infinity;
      for (const r of current) {
        if (r.end <= start) continue;
        current[kept++] = r;
        if (r.index < first) first = r.index;
      }
      current.length = kept;
      if (kept > 0) {
        if (hits === NO_HITS) hits = {};
        hits[names[l]] = first;
      }
    }
    yield { start, end, hits };
  }
}

// ── long content in pieces ──────────────────────────────────────────────────────
//
// A 1 MB article or a page of hundreds of stories must not block the main thread: what
// is not needed at once is built in later tasks, each one kept to TASK_BUDGET_MS of script,
// with a yield to the event loop between them so that input and frames get their turn.

/** Script time per task for work done in the background. */
export const TASK_BUDGET_MS = 6;

/** A task of its own, without the 4 ms that nested timeouts are held back. */
export function nextTask() {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}

/**
 * After the next frame (or 100 ms, when the page is hidden and has no frames): what was
 * added before it has been laid out in a frame of its own.
 */
const nextFrame = () =>
  new Promise((resolve) => {
    let done = false;
    const go = () => {
      if (done) return;
      done = true;
      setTimeout(resolve, 0);
    };
    requestAnimationFrame(go);
    setTimeout(go, 100);
  });

/** container → the article rendering it holds (see renderArticle). */
const articleJobs = new WeakMap();
/** list → the token of the chunked fill it holds (see replaceInChunks). */
const listJobs = new WeakMap();

/**
 * Replaces `list`'s children with `build(item, index)` of every item: `first` of them
 * now, and `perFrame` more after each following frame, so that no frame lays out more
 * than those (a list that is on screen is laid out whole). A newer call (or clearList)
 * abandons an older one's rest.
 */
export function replaceInChunks(list, items, build, { perFrame = 24, first = perFrame } = {}) {
  const token = {};
  listJobs.set(list, token);
  const now = Math.min(items.length, first);
  list.replaceChildren(...items.slice(0, now).map((item, i) => build(item, i)));
  if (now === items.length) return;
  (async () => {
    let at = now;
    while (at < items.length) {
      await nextFrame();
      if (listJobs.get(list) !== token) return;
      const started = performance.now();
      const batch = [];
      const end = Math.min(items.length, at + perFrame);
      while (at < end && performance.now() - started < TASK_BUDGET_MS) {
        batch.push(build(items[at], at));
        at++;
      }
      list.append(...batch);
    }
  })();
}

/** Empties a list filled by replaceInChunks, stopping what was still to come. */
export function clearList(list) {
  listJobs.delete(list);
  list.replaceChildren();
}

/**
 * Characters of article text per section (the unit shown, skipped and built at once).
 * The first frames lay out whole sections, so this bounds them: 1,000 characters of
 * Chinese are about 1,300 px of the pane at desktop width, more than it shows.
 */
const SECTION_CHARS = 1000;
/** An article up to this long is built whole in the task that shows it. */
const WHOLE_CHARS = 12000;

/**
 * Fills `container` with the article text, one element per block (the cleaned text
 * separates blocks with a blank line), wrapping headline sentences, figures and headings
 * in spans that carry data-sentence / data-figure indexes.
 *
 * Blocks are grouped in sections of about SECTION_CHARS characters, each skipped by CSS
 * `content-visibility: auto` while off screen (so style, layout and paint cost only what
 * is seen). An article up to WHOLE_CHARS is built at once. A longer one is split and built
 * after this task, in order: its first FIRST_BY_FRAME sections one per frame, the rest a
 * few per task of TASK_BUDGET_MS; the container has aria-busy="true" until the last.
 * `ensureArticleRange` builds the sections of a range at once, for a click that gets there
 * first. A newer call abandons an older one's rest.
 */
export function renderArticle(container, summary) {
  const job = { container, summary, sections: [], nodes: [], source: articleSections(summary), done: false, filled: 0 };
  articleJobs.set(container, job);
  container.replaceChildren();
  if (summary.text.length <= WHOLE_CHARS) {
    while (produce(job)) fillSection(job, job.sections.length - 1);
    return;
  }
  container.setAttribute('aria-busy', 'true');
  // Its sections are placed after the next frame, whose layout tells the observer the width.
  widthObserver?.observe(container);
  fillInBackground(job);
}

/** Splits off the article's next section and places it, empty; false when there is none. */
function produce(job) {
  if (job.done) return false;
  const { value, done } = job.source.next();
  if (done) {
    job.done = true;
    if (job.filled === job.sections.length) job.container.removeAttribute('aria-busy');
    return false;
  }
  job.sections.push(value);
  const node = el('div', 'article-section');
  // Until it is built and shown, the section is as tall as this guess (style.css), which
  // decides what counts as on screen and where a jump lands: the closer, the fewer
  // sections laid out for nothing and the fewer corrections.
  node.style.setProperty('--section-height', `${guessHeight(value, lineWidths.get(job.container))}px`);
  job.nodes.push(node);
  job.container.append(node);
  return true;
}

/** Builds at once the article sections holding text offsets [start, end) (UTF-16 units). */
export function ensureArticleRange(container, start, end = start + 1) {
  const job = articleJobs.get(container);
  if (!job) return;
  const { sections } = job;
  while (!job.done && (sections.length === 0 || sections[sections.length - 1].start < end)) produce(job);
  if (sections.length === 0) return;
  // The last section starting at or before `start`, then on while they start before `end`.
  let lo = 0;
  for (let top = sections.length - 1; lo < top; ) {
    const mid = (lo + top + 1) >> 1;
    if (sections[mid].start <= start) lo = mid;
    else top = mid - 1;
  }
  let hi = lo;
  while (hi + 1 < sections.length && sections[hi + 1].start < end) hi++;
  // With AROUND sections either side, so that what is seen around the range is there
  // too, and nothing built later in view moves it.
  while (!job.done && sections.length <= hi + AROUND) produce(job);
  for (let i = Math.max(0, lo - AROUND); i <= Math.min(sections.length - 1, hi + AROUND); i++) fillSection(job, i);
}

/**
 * Where the reader is in the article pane: the section at the top of its view and how far
 * into it, to come back to once the same text is drawn again (another length, another
 * story). A long article is drawn again from nothing, so its scrollTop alone would land
 * on placeholders or beyond the end; its sections are the same for the same text. Read
 * it before the page changes, while the layout is the last frame's; `scrollTop` is the
 * pane's, as the caller last saw it. Null at the top.
 */
export function articlePosition(container, scrollTop) {
  const job = articleJobs.get(container);
  if (!job || job.nodes.length === 0 || scrollTop <= 0) return null;
  const topOf = (i) => topInPane(container, job.nodes[i], scrollTop);
  // The last section whose top is at or above the view's.
  let lo = 0;
  for (let hi = job.nodes.length - 1; lo < hi; ) {
    const mid = (lo + hi + 1) >> 1;
    if (topOf(mid) <= scrollTop) lo = mid;
    else hi = mid - 1;
  }
  return { text: job.summary.text, section: lo, within: scrollTop - topOf(lo) };
}

/**
 * Scrolls the pane back to `position` (from articlePosition) if it holds the same text,
 * building that section and its neighbours first; otherwise leaves it at the top.
 */
export function restoreArticlePosition(container, position) {
  const job = articleJobs.get(container);
  if (!job || !position || position.text !== job.summary.text) return;
  while (!job.done && job.sections.length <= position.section) produce(job);
  const i = Math.min(position.section, job.sections.length - 1);
  if (i < 0) return;
  ensureArticleRange(container, job.sections[i].start);
  container.scrollTop = topInPane(container, job.nodes[i], container.scrollTop) + position.within;
}

/** How far `node` lies from the top of the scrolled content of `container`, in px. */
function topInPane(container, node, scrollTop) {
  return node.getBoundingClientRect().top - container.getBoundingClientRect().top + scrollTop;
}

/** Sections built either side of a range asked for (see ensureArticleRange). */
const AROUND = 2;

/**
 * Sections built one per frame at first: they are on screen (or near it), so each is laid
 * out in the frame after it is built, and one section is what a frame can afford.
 */
const FIRST_BY_FRAME = 3;

async function fillInBackground(job) {
  let next = 0; // every section before it is built
  /** Builds the first section not built yet; false when there is none. */
  const buildNext = () => {
    while (next < job.sections.length && job.sections[next].filled) next++;
    if (next === job.sections.length && !produce(job)) return false;
    fillSection(job, next);
    return true;
  };
  // The first after the frame that shows the rest of the result, which then lays out no article.
  for (let k = 0; k < FIRST_BY_FRAME; k++) {
    await nextFrame();
    if (articleJobs.get(job.container) !== job || !buildNext()) return;
  }
  // The rest is off screen (content-visibility skips it), so only its building counts.
  while (!job.done || job.filled < job.sections.length) {
    await nextTask();
    if (articleJobs.get(job.container) !== job) return;
    const started = performance.now();
    do {
      if (!buildNext()) break;
    } while (performance.now() - started < TASK_BUDGET_MS);
  }
}

function fillSection(job, i) {
  const section = job.sections[i];
  if (section.filled) return;
  section.filled = true;
  job.nodes[i].append(...section.blocks.map((pieces) => buildBlock(pieces, job.summary)));
  job.filled++;
  if (job.done && job.filled === job.sections.length) job.container.removeAttribute('aria-busy');
}

/**
 * The article as sections of blocks of pieces, one section at a time: `{start, chars,
 * blocks: [[{text, hits, first}]], filled}`, where `start` is the section's first text
 * offset, `hits` the layers covering a piece and `first` marks the piece where a headline
 * sentence begins.
 */
function* articleSections(summary) {
  const { text } = summary;
  const runs = runsOf(text, {
    sentence: summary.sentences,
    figure: summary.figures,
    heading: summary.headings,
  });
  const started = new Set();
  let section = { start: 0, chars: 0, wide: 0, blocks: [], filled: false };
  let block = [];
  section.blocks.push(block);
  // A blank line at `at` ends the block; a long enough section ends with it.
  const newBlock = (at) => {
    if (section.chars >= SECTION_CHARS) {
      const done = section;
      section = { start: at, chars: 0, wide: 0, blocks: [], filled: false };
      block = [];
      section.blocks.push(block);
      return done;
    }
    block = [];
    section.blocks.push(block);
    return null;
  };
  for (const { start, end, hits } of runs) {
    // Highlighted runs never cross a block.
    if (hits !== NO_HITS) {
      const first = hits.sentence !== undefined && !started.has(hits.sentence);
      if (first) started.add(hits.sentence);
      const piece = text.slice(start, end);
      block.push({ text: piece, hits, first });
      section.chars += piece.length;
      section.wide += wideChars(piece);
      continue;
    }
    let at = start;
    const parts = text.slice(start, end).split('\n\n');
    for (let i = 0; i < parts.length; i++) {
      if (i > 0) {
        at += 2;
        const done = newBlock(at);
        if (done) yield done;
      }
      const part = parts[i];
      if (part) {
        block.push({ text: part, hits, first: false });
        section.chars += part.length;
        section.wide += wideChars(part);
      }
      at += part.length;
    }
  }
  yield section;
}

/** How many of `text`'s characters are wide (CJK ideographs, kana, Hangul, fullwidth forms). */
function wideChars(text) {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x2e80 && c <= 0x9fff) || (c >= 0xac00 && c <= 0xd7af) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xff00 && c <= 0xffef)) n++;
  }
  return n;
}

/**
 * A section's height in the pane before it is laid out, in px, for lines `width` px long.
 * Fitted (ad hoc) to the real heights of the sections of the samples run together and of
 * English paragraphs, in a pane 580 px wide, where it came within 6% of them: a line
 * holds about 35 wide characters or 75 narrow ones, and each block adds a part-filled
 * line and its margin.
 */
function guessHeight({ chars, wide, blocks }, width) {
  const scale = FITTED_WIDTH_PX / Math.max(200, width || FITTED_WIDTH_PX);
  return Math.round((wide * PX_PER_WIDE + (chars - wide) * PX_PER_NARROW) * scale + blocks.length * PX_PER_BLOCK);
}
const FITTED_WIDTH_PX = 580;
const PX_PER_WIDE = 0.83;
const PX_PER_NARROW = 0.38;
const PX_PER_BLOCK = 31;

/**
 * container → the width of its lines (its content box), as last laid out. Told by a
 * ResizeObserver, which reports after a frame's layout instead of forcing one.
 */
const lineWidths = new WeakMap();
const widthObserver =
  typeof ResizeObserver === 'function'
    ? new ResizeObserver((entries) => {
        for (const entry of entries) lineWidths.set(entry.target, entry.contentRect.width);
      })
    : null;

function buildBlock(pieces, summary) {
  const block = el('div', 'article-block');
  for (const { text, hits, first } of pieces) {
    if (hits === NO_HITS) {
      block.append(text);
      continue;
    }
    const span = el('span', null, text);
    if (hits.heading !== undefined) {
      const level = Math.min(6, Math.max(1, summary.headings[hits.heading].level | 0));
      span.classList.add('hl-heading', `hl-heading-${level}`);
      block.classList.add('is-heading');
    }
    if (hits.sentence !== undefined) {
      span.classList.add('hl-sentence');
      span.dataset.sentence = String(hits.sentence);
      if (first) span.classList.add('hl-sentence-start'); // where a sentence begins, for back-to-back ones
    }
    if (hits.figure !== undefined) {
      span.classList.add('hl-figure');
      span.dataset.figure = String(hits.figure);
    }
    block.append(span);
  }
  return block;
}

/** Fills the headline sentence list; each sentence is a button. */
export function renderSentences(list, sentences) {
  list.replaceChildren(
    ...sentences.map((s, i) => {
      const item = el('li');
      const button = el('button', 'sentence', s.text);
      button.type = 'button';
      button.dataset.sentence = String(i);
      item.append(button);
      return item;
    }),
  );
}

/**
 * The qualifier to show beside a figure: only when its surface form does not already
 * say it (the core keeps "60多项" whole, but may report "约" for "约60项").
 */
export function shownQualifier(f) {
  const q = (f.qualifier ?? '').trim();
  return q && !String(f.text).includes(q) ? q : '';
}

/**
 * Fills the key figure grid (a 数读 box); each figure is a card button: the number large,
 * an up/down mark for change figures, its qualifier, its label and baseline.
 * @param {HTMLElement} list
 * @param {Array<object>} figures
 * @param {{up: string, down: string}} words what the marks mean, read by screen readers
 */
export function renderFigures(list, figures, words = { up: 'up', down: 'down' }) {
  list.replaceChildren(
    ...figures.map((f, i) => {
      const item = el('li');
      const card = el('button', 'figure-card');
      card.type = 'button';
      card.dataset.figure = String(i);
      card.dataset.kind = f.kind;
      const line = el('span', 'figure-line');
      if (f.direction === 'up' || f.direction === 'down') {
        card.dataset.direction = f.direction;
        const mark = el('span', `figure-direction is-${f.direction}`);
        mark.append(el('span', null, f.direction === 'up' ? '▲' : '▼'), el('span', 'visually-hidden', words[f.direction]));
        mark.firstChild.setAttribute('aria-hidden', 'true');
        line.append(mark);
      }
      const qualifier = shownQualifier(f);
      if (qualifier) line.append(el('span', 'figure-qualifier', qualifier));
      line.append(el('span', 'figure-number', f.text));
      card.append(line, el('span', 'figure-label', f.label || f.unit || ''));
      if (f.compared_to) card.append(el('span', 'figure-baseline', f.compared_to));
      item.append(card);
      return item;
    }),
  );
}

/**
 * Fills the full list of figures (`all_figures`, in document order): number, then label.
 * A long article has thousands: the first are shown at once, the rest follow in later tasks.
 */
export function renderAllFigures(list, figures) {
  replaceInChunks(list, figures, (f) => {
    const item = el('li', 'all-figure');
    item.append(el('span', 'all-figure-number', f.text), el('span', 'all-figure-label', f.label));
    return item;
  }, { perFrame: 100 });
}

/** Fills the keyword chips. */
export function renderKeywords(list, keywords) {
  list.replaceChildren(...keywords.map((k) => el('li', 'chip', k.word)));
}

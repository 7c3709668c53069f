// Builds the result DOM from a Summary. Article text is untrusted: everything here
// uses createElement and textContent, never HTML strings.

/** Creates an element with an optional class and text. */
export function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = text;
  return node;
}

/**
 * Splits `text` into runs at every range boundary of every layer.
 * Offsets are UTF-16 code units, so `text.slice` applies directly.
 * @param {string} text
 * @param {Record<string, Array<{start: number, end: number}>>} layers
 * @returns {Array<{start: number, end: number, hits: Record<string, number>}>}
 *   `hits[layer]` is the index of the first range of that layer covering the run.
 */
export function splitRuns(text, layers) {
  const len = text.length;
  const cuts = new Set([0, len]);
  const clean = {};
  for (const [name, ranges] of Object.entries(layers)) {
    clean[name] = [];
    (ranges ?? []).forEach((r, index) => {
      const start = Math.max(0, Math.min(len, Number(r.start)));
      const end = Math.max(0, Math.min(len, Number(r.end)));
      if (!(end > start)) return;
      clean[name].push({ start, end, index });
      cuts.add(start);
      cuts.add(end);
    });
    clean[name].sort((a, b) => a.start - b.start);
  }
  const points = [...cuts].sort((a, b) => a - b);
  // One sweep: each layer keeps the ranges open at the current run. Every
  // range start and end is a cut, so an open range covers the whole run.
  const sweep = Object.entries(clean).map(([name, ranges]) => ({ name, ranges, next: 0, open: [] }));
  const runs = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i];
    const end = points[i + 1];
    const hits = {};
    for (const layer of sweep) {
      while (layer.next < layer.ranges.length && layer.ranges[layer.next].start <= start) {
        layer.open.push(layer.ranges[layer.next++]);
      }
      layer.open = layer.open.filter((r) => r.end > start);
      if (layer.open.length > 0) hits[layer.name] = Math.min(...layer.open.map((r) => r.index));
    }
    runs.push({ start, end, hits });
  }
  return runs;
}

/**
 * Fills `container` with the article text, one element per block (the
 * cleaned text separates blocks with a blank line), wrapping headline
 * sentences, figures and headings in spans that carry data-sentence /
 * data-figure indexes.
 *
 * A 1 MB article must not block the main thread: blocks are separate
 * elements so that CSS `content-visibility: auto` skips laying out those off
 * screen, and they are built and appended in batches, one task each.
 */
export function renderArticle(container, summary) {
  const { text } = summary;
  const runs = splitRuns(text, {
    sentence: summary.sentences,
    figure: summary.figures,
    heading: summary.headings,
  });
  // Each block as a list of pieces; highlighted runs never cross a block.
  const blocks = [[]];
  for (const { start, end, hits } of runs) {
    const piece = text.slice(start, end);
    if (Object.keys(hits).length > 0) {
      blocks[blocks.length - 1].push({ piece, hits });
      continue;
    }
    piece.split('\n\n').forEach((part, i) => {
      if (i > 0) blocks.push([]);
      if (part) blocks[blocks.length - 1].push({ piece: part, hits });
    });
  }
  const started = new Set();
  const build = (pieces) => {
    const block = el('div', 'article-block');
    for (const { piece, hits } of pieces) {
      if (Object.keys(hits).length === 0) {
        block.append(piece);
        continue;
      }
      const span = el('span', null, piece);
      if (hits.heading !== undefined) {
        const level = Math.min(6, Math.max(1, summary.headings[hits.heading].level | 0));
        span.classList.add('hl-heading', `hl-heading-${level}`);
        block.classList.add('is-heading');
      }
      if (hits.sentence !== undefined) {
        span.classList.add('hl-sentence');
        span.dataset.sentence = String(hits.sentence);
        if (!started.has(hits.sentence)) {
          started.add(hits.sentence); // marks where a sentence begins, for back-to-back ones
          span.classList.add('hl-sentence-start');
        }
      }
      if (hits.figure !== undefined) {
        span.classList.add('hl-figure');
        span.dataset.figure = String(hits.figure);
      }
      block.append(span);
    }
    return block;
  };
  appendInBatches(container, blocks, build);
}

/** Blocks built and shown at once; the rest follow in batches of this size. */
const BLOCKS_PER_BATCH = 60;

/**
 * Replaces the container's children with the built `blocks`, the first
 * batch now and each further batch in its own task. A newer call abandons
 * the batches of an older one.
 */
function appendInBatches(container, blocks, build) {
  const generation = (container.renderGeneration = (container.renderGeneration ?? 0) + 1);
  const batch = (from) => blocks.slice(from, from + BLOCKS_PER_BATCH).map(build);
  container.replaceChildren(...batch(0));
  const next = (from) => {
    if (from >= blocks.length || container.renderGeneration !== generation) return;
    container.append(...batch(from));
    setTimeout(next, 0, from + BLOCKS_PER_BATCH);
  };
  setTimeout(next, 0, BLOCKS_PER_BATCH);
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

/** Fills the keyword chips. */
/** Fills the full list of figures (`all_figures`, in document order): number, then label. */
export function renderAllFigures(list, figures) {
  list.replaceChildren(
    ...figures.map((f) => {
      const item = el('li', 'all-figure');
      item.append(el('span', 'all-figure-number', f.text), el('span', 'all-figure-label', f.label));
      return item;
    }),
  );
}

export function renderKeywords(list, keywords) {
  list.replaceChildren(...keywords.map((k) => el('li', 'chip', k.word)));
}

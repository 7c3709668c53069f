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
  }
  const points = [...cuts].sort((a, b) => a - b);
  const runs = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i];
    const end = points[i + 1];
    const hits = {};
    for (const [name, ranges] of Object.entries(clean)) {
      const hit = ranges.find((r) => r.start <= start && end <= r.end);
      if (hit) hits[name] = hit.index;
    }
    runs.push({ start, end, hits });
  }
  return runs;
}

/**
 * Fills `container` with the article text, wrapping headline sentences, figures and
 * headings in spans that carry data-sentence / data-figure indexes.
 */
export function renderArticle(container, summary) {
  const { text } = summary;
  const runs = splitRuns(text, {
    sentence: summary.sentences,
    figure: summary.figures,
    heading: summary.headings,
  });
  const frag = document.createDocumentFragment();
  const started = new Set();
  for (const { start, end, hits } of runs) {
    const piece = text.slice(start, end);
    if (Object.keys(hits).length === 0) {
      frag.append(piece);
      continue;
    }
    const span = el('span', null, piece);
    if (hits.heading !== undefined) {
      const level = Math.min(6, Math.max(1, summary.headings[hits.heading].level | 0));
      span.classList.add('hl-heading', `hl-heading-${level}`);
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
    frag.append(span);
  }
  container.replaceChildren(frag);
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
export function renderKeywords(list, keywords) {
  list.replaceChildren(...keywords.map((k) => el('li', 'chip', k.word)));
}

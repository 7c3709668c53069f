// The summary as something to take away: plain text, Markdown (a ready 数读 box plus the
// headline sentences), and JSON. Pure functions of a Summary; no DOM.

import { shownQualifier } from './render.js';

const WORDS = {
  zh: { figures: '数读', sentences: '要点', keywords: '关键词', number: '数字', label: '说明', up: '增', down: '降', sep: '、', colon: '：' },
  en: { figures: 'By the numbers', sentences: 'Key sentences', keywords: 'Keywords', number: 'Figure', label: 'What it counts', up: 'up', down: 'down', sep: ', ', colon: ': ' },
};

const words = (summary) => WORDS[summary.lang === 'zh' ? 'zh' : 'en'];
const oneLine = (s) => String(s ?? '').replace(/\s+/g, ' ').trim();

/** A figure's number as a reader should see it: mark, qualifier, surface form. */
function figureNumber(f, w) {
  const mark = f.direction === 'up' ? '↑' : f.direction === 'down' ? '↓' : '';
  return oneLine(`${mark}${shownQualifier(f)}${f.text}`);
}

function figureLabel(f) {
  return oneLine([f.label || f.unit || '', f.compared_to].filter(Boolean).join(' · '));
}

/** Escapes text for a Markdown table cell or list item: no markup, no table breaks. */
function md(text) {
  return oneLine(text).replace(/([\\`*_[\]<>#|~])/g, '\\$1');
}

/**
 * @param {object} summary
 * @param {string} fallbackTitle shown when the article has no title of its own
 */
export function toMarkdown(summary, fallbackTitle = '') {
  const w = words(summary);
  const out = [];
  const title = summary.title || fallbackTitle;
  if (title) out.push(`## ${md(title)}`, '');
  if (summary.figures.length > 0) {
    out.push(`### ${w.figures}`, '', `| ${w.number} | ${w.label} |`, '|---:|---|');
    for (const f of summary.figures) out.push(`| **${md(figureNumber(f, w))}** | ${md(figureLabel(f))} |`);
    out.push('');
  }
  if (summary.sentences.length > 0) {
    out.push(`### ${w.sentences}`, '');
    summary.sentences.forEach((s, i) => out.push(`${i + 1}. ${md(s.text)}`));
    out.push('');
  }
  if (summary.keywords.length > 0) {
    out.push(`**${w.keywords}**${w.colon}${summary.keywords.map((k) => md(k.word)).join(w.sep)}`, '');
  }
  return out.join('\n').trimEnd() + '\n';
}

/** Plain text: title, numbered sentences, figures one per line, keywords. */
export function toPlainText(summary, fallbackTitle = '') {
  const w = words(summary);
  const out = [];
  const title = summary.title || fallbackTitle;
  if (title) out.push(oneLine(title), '');
  summary.sentences.forEach((s, i) => out.push(`${i + 1}. ${oneLine(s.text)}`));
  if (summary.figures.length > 0) {
    out.push('', `${w.figures}${w.colon.trim()}`);
    for (const f of summary.figures) out.push(`${figureNumber(f, w)}  ${figureLabel(f)}`.trimEnd());
  }
  if (summary.keywords.length > 0) {
    out.push('', `${w.keywords}${w.colon}${summary.keywords.map((k) => oneLine(k.word)).join(w.sep)}`);
  }
  return out.join('\n') + '\n';
}

/** The Summary as pretty JSON, exactly the schema's fields. */
export function toJson(summary) {
  return JSON.stringify(summary, null, 2) + '\n';
}

/** A file name for a download: the input's name without its extension, made safe. */
export function fileStem(name) {
  const stem = String(name || 'summary').replace(/\.[^./\\]{1,10}$/, '');
  const safe = stem.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '_').trim().slice(0, 80);
  return safe || 'summary';
}

// Types for article-summary.js: importing it defines the <article-summary> element.

import type { Summary } from './article-summarizer.js';

export declare class ArticleSummary extends HTMLElement {}

declare global {
  interface HTMLElementTagNameMap {
    'article-summary': ArticleSummary;
  }
  interface HTMLElementEventMap {
    'summary-ready': CustomEvent<Summary>;
    'summary-error': CustomEvent<{ message: string }>;
  }
}

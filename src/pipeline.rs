//! The pipeline: input → document → sentences and tokens → ranking, figures,
//! keywords → output. This file only wires the stages together; each
//! decision lives in its stage.

use std::ops::Range;

use crate::document::{self, Role};
use crate::error::{Error, ErrorKind};
use crate::figures::{self, SentenceContext};
use crate::input::Source;
use crate::keywords;
use crate::options::Options;
use crate::output::{self, Utf16Offsets};
use crate::schema::{Article, SourceInfo, Summary, SCHEMA_VERSION};
use crate::summary::{self, SentenceInput};
use crate::text::{chars, lang, sentences, words};

/// Figures in headings weigh as much as the best body sentence: editors put
/// the number that matters in the headline.
const HEADING_FIGURE_WEIGHT: f64 = 1.0;

/// A sentence repeated on the page counts once only when it has at least
/// this many letters and digits: short ones ("是的。") recur by chance.
const MIN_REPEAT_CHARS: usize = 12;

/// One sentence of the cleaned document.
struct Span {
    range: Range<usize>,
    role: Role,
    /// Index of its block in the document.
    block: usize,
    /// The first sentence of a block that may begin mid-sentence.
    may_be_partial: bool,
    /// Printed earlier on the page (a repeated paragraph, or the same
    /// sentence again): it counts once, at its first printing.
    repeat: bool,
    /// A clause after a `；` that goes on with the sentence of the span
    /// before ([`summary::clauses`]): chosen only together with it.
    continues: bool,
}

/// One article's part of the work: its headline sentences and key figures.
struct ArticleResult {
    /// Indices of its sentences in the page's spans: one run, as spans are in block order.
    spans: Range<usize>,
    /// Its byte range in the cleaned text.
    text_range: Range<usize>,
    chosen: Vec<(usize, f64)>,
    found: figures::Found,
}

/// Summarizes an article given as plain text or Markdown.
///
/// A page with several stories is summarized story by story, in
/// [`Summary::articles`]; the top-level sentences and figures are those of
/// the main story.
///
/// Returns an error, never panics, for empty input, input larger than
/// [`Options::max_bytes`], or out-of-range options.
pub fn summarize(text: &str, options: &Options) -> Result<Summary, Error> {
    options.validate()?;
    if text.len() > options.max_bytes {
        return Err(Error::new(
            ErrorKind::TooLarge,
            format!("The text is {} bytes; the limit is {} bytes.", text.len(), options.max_bytes),
        ));
    }
    let doc = document::parse(text);
    if doc.articles.is_empty() || !doc.text.chars().any(chars::is_letter_or_digit) {
        return Err(Error::new(ErrorKind::Empty, "There is no text to summarize."));
    }
    let lang = options.lang.unwrap_or_else(|| lang::detect(&doc.text));

    let spans = split_sentences(&doc);
    // Ranking and keywords read the words of story text only, so page
    // furniture and repeats are not segmented at all.
    let tokens: Vec<Vec<words::Token>> =
        spans
            .iter()
            .map(|s| {
                if s.role.is_aside() || s.repeat {
                    Vec::new()
                } else {
                    words::tokens(&doc.text, s.range.clone(), lang)
                }
            })
            .collect();
    let title_tokens: Vec<Vec<words::Token>> = doc
        .articles
        .iter()
        .map(|a| a.title.map(|t| words::tokens(&doc.text, doc.blocks[t].range.clone(), lang)).unwrap_or_default())
        .collect();

    let mut weights = vec![0.0; spans.len()];
    let mut results = Vec::with_capacity(doc.articles.len());
    for (k, article) in doc.articles.iter().enumerate() {
        let first = spans.partition_point(|s| s.block < article.blocks.start);
        let end = spans.partition_point(|s| s.block < article.blocks.end);
        let chosen =
            rank_article(&doc.text, &spans, &tokens, first..end, &title_tokens[k], lang, options, &mut weights);
        // Each story is scanned on its own slice of the text, so a page of many
        // stories costs one pass over the text in all, not one per story.
        let slice = doc.article_range(k);
        let local = |r: &Range<usize>| r.start - slice.start..r.end - slice.start;
        let contexts: Vec<SentenceContext> = (first..end)
            .filter(|&i| !spans[i].role.is_aside() && !spans[i].repeat)
            .map(|i| SentenceContext {
                range: local(&spans[i].range),
                weight: weights[i],
                in_heading: spans[i].role.is_heading(),
                bold: bold_within(&doc.bold, &spans[i].range).iter().map(local).collect(),
            })
            .collect();
        let mut found = figures::find(&doc.text[slice.clone()], &contexts, lang, options.figures);
        for figure in found.key.iter_mut().chain(&mut found.all) {
            figure.range = figure.range.start + slice.start..figure.range.end + slice.start;
        }
        for date in &mut found.dates {
            *date = date.start + slice.start..date.end + slice.start;
        }
        results.push(ArticleResult { spans: first..end, text_range: slice, chosen, found });
    }

    // Keywords describe the main story, as the top-level summary does.
    let weighted_tokens: Vec<(&[words::Token], f64)> = results[doc.main_article]
        .spans
        .clone()
        .filter(|&i| !spans[i].role.is_aside() && !spans[i].repeat)
        .map(|i| (tokens[i].as_slice(), weights[i]))
        .collect();
    let found_keywords =
        keywords::extract(&doc.text, &weighted_tokens, &title_tokens[doc.main_article], options.keywords);

    let offsets = Utf16Offsets::new(&doc.text);
    let mut all_figures = Vec::new();
    let mut dates = Vec::new();
    let mut articles = Vec::with_capacity(results.len());
    for (k, result) in results.into_iter().enumerate() {
        all_figures.extend(result.found.all.into_iter().map(|f| output::figure(&doc.text, &offsets, f)));
        dates.extend(result.found.dates.iter().map(|r| output::date(&doc.text, &offsets, r)));
        articles.push(Article {
            title: doc.article_title(k).map(str::to_string),
            start: offsets.at(result.text_range.start),
            end: offsets.at(result.text_range.end),
            sentences: result
                .chosen
                .iter()
                .map(|(i, score)| output::sentence(&doc.text, &offsets, &spans[*i].range, *score))
                .collect(),
            figures: result.found.key.into_iter().map(|f| output::figure(&doc.text, &offsets, f)).collect(),
        });
    }
    let headings = doc
        .blocks
        .iter()
        .filter_map(|b| match b.role {
            Role::Heading(level) => Some(output::heading(&doc.text, &offsets, &b.range, level)),
            _ => None,
        })
        .collect();
    let main_summary = &articles[doc.main_article];
    Ok(Summary {
        schema: SCHEMA_VERSION,
        lang,
        title: doc.title_text().map(str::to_string),
        sentences: main_summary.sentences.clone(),
        figures: main_summary.figures.clone(),
        all_figures,
        dates,
        keywords: found_keywords.into_iter().map(output::keyword).collect(),
        headings,
        main_article: doc.main_article,
        articles,
        text: doc.text,
        source: None,
    })
}

/// The sentences of every block, in order, with what the document knows of
/// their block, and each repeat marked.
fn split_sentences(doc: &document::Document) -> Vec<Span> {
    let mut spans = Vec::new();
    for (b, block) in doc.blocks.iter().enumerate() {
        let units = sentences::split(&doc.text, block.range.clone())
            .into_iter()
            .flat_map(|sentence| summary::clauses(&doc.text, sentence));
        for (k, (range, continues)) in units.enumerate() {
            spans.push(Span {
                range,
                role: block.role,
                block: b,
                may_be_partial: k == 0 && block.after_cut,
                repeat: block.duplicate_of.is_some(),
                continues,
            });
        }
    }
    let ranges = spans.iter().map(|span| span.range.clone());
    let repeats = document::first_repeats(&doc.text, ranges, MIN_REPEAT_CHARS);
    for (span, first) in spans.iter_mut().zip(repeats) {
        span.repeat |= first.is_some();
    }
    spans
}

/// Ranks the body sentences among `spans[run]` and records their scores in
/// `weights` (headings get [`HEADING_FIGURE_WEIGHT`]). Returns the chosen
/// spans with their scores, in document order.
///
/// Never inlined: it runs once per story, and as a function of its own it
/// is what bench part `stages` counts as ranking.
#[allow(clippy::too_many_arguments)]
#[inline(never)]
fn rank_article(
    text: &str,
    spans: &[Span],
    tokens: &[Vec<words::Token>],
    run: Range<usize>,
    title_tokens: &[words::Token],
    lang: crate::schema::Lang,
    options: &Options,
    weights: &mut [f64],
) -> Vec<(usize, f64)> {
    let body: Vec<usize> = run.clone().filter(|&i| spans[i].role == Role::Paragraph && !spans[i].repeat).collect();
    let inputs: Vec<SentenceInput> = body
        .iter()
        .map(|&i| {
            let sentence = &text[spans[i].range.clone()];
            SentenceInput {
                terms: tokens[i].iter().map(|t| t.term.as_ref()).collect(),
                eligibility: summary::eligibility(sentence, lang, spans[i].may_be_partial),
                needs_previous: spans[i].continues || summary::needs_previous(sentence, lang),
                text: sentence,
                block: spans[i].block,
            }
        })
        .collect();
    let title_terms: Vec<&str> = title_tokens.iter().map(|t| t.term.as_ref()).collect();
    let candidates = inputs.iter().filter(|s| s.eligibility == summary::Eligibility::Candidate).count();
    // A character budget alone lets as many sentences in as fit.
    let count = match (options.sentences, options.max_chars) {
        (Some(n), _) => n,
        (None, Some(_)) => inputs.len(),
        (None, None) => summary::default_count(candidates),
    };
    let ranking = summary::rank(&inputs, &title_terms, count, options.max_chars);
    for (k, &i) in body.iter().enumerate() {
        weights[i] = ranking.scores[k];
    }
    for i in run {
        if spans[i].role.is_heading() {
            weights[i] = HEADING_FIGURE_WEIGHT;
        }
    }
    ranking.chosen.iter().map(|&k| (body[k], ranking.scores[k])).collect()
}

/// Summarizes a file read by [`crate::read`], and says in
/// [`Summary::source`] how it was read.
pub fn summarize_source(source: &Source, options: &Options) -> Result<Summary, Error> {
    let mut summary = summarize(&source.text, options)?;
    summary.source = Some(SourceInfo { format: source.format, encoding: source.encoding.clone() });
    Ok(summary)
}

/// The bold ranges (sorted, as the document keeps them) inside `range`.
fn bold_within(bold: &[Range<usize>], range: &Range<usize>) -> Vec<Range<usize>> {
    let first = bold.partition_point(|b| b.end <= range.start);
    bold[first..].iter().take_while(|b| b.start < range.end).cloned().collect()
}

/// Loads the word dictionary now, so the first [`summarize`] call is fast.
/// Call it when the program has idle time before the first article.
pub fn warm_up() {
    words::warm_up();
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `split_sentences`' repeat marks as it made them before openings: every
    /// sentence keyed to the end.
    fn repeats_keyed_whole(doc: &document::Document, spans: &[Span]) -> Vec<bool> {
        let mut seen = rustc_hash::FxHashSet::default();
        let block_repeats = spans.iter().map(|s| doc.blocks[s.block].duplicate_of.is_some());
        let keys = spans.iter().map(|s| document::repeat_key(&doc.text[s.range.clone()]));
        block_repeats
            .zip(keys)
            .map(|(dup, key)| (key.letters >= MIN_REPEAT_CHARS && !seen.insert(key)) || dup)
            .collect()
    }

    #[test]
    fn repeats_found_through_openings_are_those_of_whole_keys() {
        // Sentences that share their opening letters, differ only in case,
        // spaces or punctuation, or are too short to count, drawn into pages
        // by a fixed pseudo-random walk.
        let pool = [
            "重庆国际人才交流大会落下帷幕。",
            "重庆国际人才交流大会落下帷幕,共签约项目260个。",
            "重庆国际人才交流大会，落下 帷幕。",
            "重庆国际人才交流大会在渝开幕。",
            "是的。",
            "The Council approved the budget on Tuesday.",
            "the council approved the budget, on tuesday!",
            "The council approved the plan on Tuesday.",
            "签约项目253个；发布攻关项目48个。",
            "签约项目254个。",
        ];
        let mut random = crate::testing::pseudo_random(7);
        for _ in 0..200 {
            let mut page = String::new();
            for _ in 0..12 {
                for _ in 0..3 {
                    page.push_str(pool[random() as usize % pool.len()]);
                }
                page.push_str("\n\n");
            }
            let doc = document::parse(&page);
            let spans = split_sentences(&doc);
            let repeats: Vec<bool> = spans.iter().map(|s| s.repeat).collect();
            assert_eq!(repeats, repeats_keyed_whole(&doc, &spans), "{page}");
            assert!(repeats.contains(&true) || doc.blocks.len() < 2, "{page}");
        }
    }
}

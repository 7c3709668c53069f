//! The pipeline: input → document → sentences and tokens → ranking, figures,
//! keywords → output. This file only wires the stages together; each
//! decision lives in its stage.

use std::ops::Range;

use crate::document::{self, Role};
use crate::error::{Error, ErrorKind};
use crate::figures::{self, SentenceContext};
use crate::keywords;
use crate::options::Options;
use crate::output::{self, Utf16Offsets};
use crate::input::Source;
use crate::schema::{SourceInfo, Summary, SCHEMA_VERSION};
use crate::summary::{self, SentenceInput};
use crate::text::{lang, sentences, words};

/// Figures in headings weigh as much as the best body sentence: editors put
/// the number that matters in the headline.
const HEADING_FIGURE_WEIGHT: f64 = 1.0;

/// One sentence of the cleaned document.
struct Span {
    range: Range<usize>,
    role: Role,
    /// The first sentence of a block that may begin mid-sentence.
    may_be_partial: bool,
}

/// Summarizes an article given as plain text or Markdown.
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
    if !doc.text.chars().any(char::is_alphanumeric) {
        return Err(Error::new(ErrorKind::Empty, "There is no text to summarize."));
    }
    let lang = options.lang.unwrap_or_else(|| lang::detect(&doc.text));

    let spans: Vec<Span> = doc
        .blocks
        .iter()
        .flat_map(|block| {
            sentences::split(&doc.text, block.range.clone()).into_iter().enumerate().map(|(k, range)| Span {
                range,
                role: block.role,
                may_be_partial: k == 0 && block.after_cut,
            })
        })
        .collect();
    let tokens: Vec<Vec<words::Token>> =
        spans.iter().map(|s| words::tokens(&doc.text, s.range.clone(), lang)).collect();

    // Headline ranking runs over body sentences only.
    let body: Vec<usize> = (0..spans.len()).filter(|&i| spans[i].role == Role::Paragraph).collect();
    let inputs: Vec<SentenceInput> = body
        .iter()
        .map(|&i| {
            let sentence = &doc.text[spans[i].range.clone()];
            SentenceInput {
                terms: tokens[i].iter().map(|t| t.term.as_str()).collect(),
                eligibility: summary::eligibility(sentence, lang, spans[i].may_be_partial),
                needs_previous: summary::needs_previous(sentence, lang),
                text: sentence,
            }
        })
        .collect();
    let title_tokens =
        doc.title.map(|t| words::tokens(&doc.text, doc.blocks[t].range.clone(), lang)).unwrap_or_default();
    let title_terms: Vec<&str> = title_tokens.iter().map(|t| t.term.as_str()).collect();
    let candidates = inputs.iter().filter(|s| s.eligibility == summary::Eligibility::Candidate).count();
    // A character budget alone lets as many sentences in as fit.
    let count = match (options.sentences, options.max_chars) {
        (Some(n), _) => n,
        (None, Some(_)) => inputs.len(),
        (None, None) => summary::default_count(candidates),
    };
    let ranking = summary::rank(&inputs, &title_terms, count, options.max_chars);

    let mut weights = vec![0.0; spans.len()];
    for (k, &i) in body.iter().enumerate() {
        weights[i] = ranking.scores[k];
    }
    for (i, span) in spans.iter().enumerate() {
        if matches!(span.role, Role::Heading(_)) {
            weights[i] = HEADING_FIGURE_WEIGHT;
        }
    }

    let contexts: Vec<SentenceContext> = spans
        .iter()
        .zip(&weights)
        .filter(|(span, _)| !span.role.is_aside())
        .map(|(span, &weight)| SentenceContext {
            range: span.range.clone(),
            weight,
            in_heading: matches!(span.role, Role::Heading(_)),
            bold: bold_within(&doc.bold, &span.range),
        })
        .collect();
    let found = figures::find(&doc.text, &contexts, lang, options.figures);

    let weighted_tokens: Vec<(&[words::Token], f64)> = spans
        .iter()
        .enumerate()
        .filter(|(_, span)| !span.role.is_aside())
        .map(|(i, _)| (tokens[i].as_slice(), weights[i]))
        .collect();
    let found_keywords = keywords::extract(&doc.text, &weighted_tokens, &title_tokens, options.keywords);

    let offsets = Utf16Offsets::new(&doc.text);
    let chosen = ranking
        .chosen
        .iter()
        .map(|&k| output::sentence(&doc.text, &offsets, &spans[body[k]].range, ranking.scores[k]))
        .collect();
    let figures = found.key.into_iter().map(|f| output::figure(&doc.text, &offsets, f)).collect();
    let all_figures = found.all.into_iter().map(|f| output::figure(&doc.text, &offsets, f)).collect();
    let dates = found.dates.iter().map(|r| output::date(&doc.text, &offsets, r)).collect();
    let headings = doc
        .blocks
        .iter()
        .filter_map(|b| match b.role {
            Role::Heading(level) => Some(output::heading(&doc.text, &offsets, &b.range, level)),
            _ => None,
        })
        .collect();
    Ok(Summary {
        schema: SCHEMA_VERSION,
        lang,
        title: doc.title_text().map(str::to_string),
        sentences: chosen,
        figures,
        all_figures,
        dates,
        keywords: found_keywords.into_iter().map(output::keyword).collect(),
        headings,
        text: doc.text,
        source: None,
    })
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

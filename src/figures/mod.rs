//! Key figures: the numbers that matter, each with what it counts.
//!
//! The pipeline calls [`key_figures`] once per document and gets back the
//! chosen figures, most important first. All ranges are byte ranges into
//! the cleaned text. Three steps, one module each:
//!
//! 1. `scan`: every run of Arabic digits (ASCII or full-width) is read with
//!    its thousands separators, decimals, Chinese multipliers (万, 亿, 万亿),
//!    English scales (million, bn), currency signs and its unit, using the
//!    tables in `units`. Dates, times, ordinals (第3), page references
//!    (上接1版), list markers, codes, and numerals inside words (G20, 5G)
//!    are recognised and set aside.
//! 2. `label`: what each number counts, from the text of its clause before
//!    it, or the noun after it.
//! 3. Here: each figure is scored from where it stands and what it is,
//!    repeated mentions of the same figure are merged, and the best are kept.
//!
//! Surface forms: qualifiers before the number (超, 近, 约, 逾) stay outside
//! the surface form and are trimmed from the label; 余 and 多 between the
//! digits and the unit stay inside ("120余天" is 120 天). Unit conventions
//! (Chinese units kept, currency signs as ISO codes) are in `units`.
//!
//! Not done yet: Chinese numerals (三千, 两成, 三分之一), negative numbers and
//! signs of change (a fall is reported with a positive value and a label
//! such as 同比下降), durations in years (every N年 is taken as a date),
//! ranges beyond "2-3座" (read with its upper bound; "3万-5万元" is not
//! read as one), and labels that need real word segmentation: the word
//! lists in `label` stand in for a segmenter.

mod label;
mod scan;
mod units;

#[cfg(test)]
mod tests;

use std::collections::HashMap;
use std::ops::Range;

use crate::schema::{Direction, FigureKind, Lang};

/// Weight of the headline weight of the figure's sentence: a number in a
/// central sentence is a number the article is about.
const W_SENTENCE: f64 = 0.30;
/// Weight of being early in the text: news puts its key numbers first.
const W_POSITION: f64 = 0.10;
/// Weight of standing in a heading: the editor chose to show that number.
const W_HEADING: f64 = 0.10;
/// Weight of the kind of quantity, scaled by the `KIND_*` factors below.
const W_KIND: f64 = 0.20;
/// Weight of the magnitude (log scale): bigger amounts tend to be the
/// headline ones, but only a little.
const W_MAGNITUDE: f64 = 0.10;
/// Weight of having a label: a number without one tells the reader nothing.
const W_LABEL: f64 = 0.10;
/// Bonus for each further mention of the same figure: repeated numbers are
/// the ones the writer wants remembered. The `W_*` weights above add up to
/// 0.9, leaving room for two repeats before the score reaches 1.
const REPEAT_BONUS: f64 = 0.05;
/// At most this many further mentions earn [`REPEAT_BONUS`].
const MAX_REPEATS_COUNTED: usize = 2;

/// Money is what news figures are most often about.
const KIND_MONEY: f64 = 1.0;
/// Counts of people (名, 人, 位) are the next thing readers look for.
const KIND_PEOPLE: f64 = 0.9;
/// Shares and growth rates.
const KIND_PERCENT: f64 = 0.75;
/// Counts of things (个, 项, 家).
const KIND_COUNT: f64 = 0.5;
/// Counts of fewer than [`SMALL_COUNT`] things are mostly incidental
/// ("3个特点", "6大领域").
const KIND_SMALL_COUNT: f64 = 0.1;
/// See [`KIND_SMALL_COUNT`].
const SMALL_COUNT: f64 = 10.0;
/// Physical quantities and durations.
const KIND_MEASURE: f64 = 0.4;
/// Bare numbers: the unit does not say what they are.
const KIND_OTHER: f64 = 0.0;

/// log10 of the value that earns the full magnitude weight (10^10).
const MAGNITUDE_LOG_CEILING: f64 = 10.0;
/// Percentages are not more important for being large: fixed magnitude.
const PERCENT_MAGNITUDE: f64 = 0.5;
/// Significant digits that make a value specific, see [`is_specific`].
const MIN_SPECIFIC_DIGITS: usize = 2;
/// Same value and unit, but labels this unalike, are different figures;
/// only this many are kept apart per value and unit, to bound the work.
const MAX_DISTINCT_PER_VALUE: usize = 8;

/// A sentence of the cleaned document, as the figure ranking sees it.
#[derive(Debug, Clone)]
pub struct SentenceContext {
    /// Byte range of the sentence in the cleaned text.
    pub range: Range<usize>,
    /// The sentence's headline weight, normalized to 0..=1 over the document.
    pub weight: f64,
    /// True when the sentence is (part of) a heading.
    pub in_heading: bool,
}

/// One figure found in the text.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    /// Byte range of the surface form, e.g. "36.85亿元", in the cleaned text.
    pub range: Range<usize>,
    /// The normalized value, e.g. 3685000000.0; a range's lower end.
    pub value: f64,
    /// A range's upper end.
    pub value_max: Option<f64>,
    /// The unit after multipliers, e.g. "元".
    pub unit: String,
    /// What kind of quantity it is.
    pub kind: FigureKind,
    /// What it counts, e.g. "签约金额".
    pub label: String,
    /// An approximation or bound as written (超, 约, about); empty if exact.
    pub qualifier: String,
    /// For a change figure, which way it goes.
    pub direction: Option<Direction>,
    /// For a change figure, its baseline (同比, 较上年度); empty if not said.
    pub compared_to: String,
    /// Importance, 0..=1.
    pub score: f64,
}

/// Everything the figure stage finds in one document.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    /// The key figures, most important first, at most the `limit` asked for.
    pub key: Vec<Figure>,
    /// Every figure mention, in document order.
    pub all: Vec<Figure>,
    /// Byte ranges of date and time mentions, in document order.
    pub dates: Vec<Range<usize>>,
}

/// The figures of a document: the key ones, all of them, and the dates.
///
/// Runs in time linear in the length of `text` (plus a sort of the figures
/// found), and never panics: every range it returns lies on character
/// boundaries of `text`.
pub fn find(text: &str, sentences: &[SentenceContext], lang: Lang, limit: usize) -> Found {
    let all = all_figures(text, sentences, lang);
    let mut key = merge_repeats(all.clone(), lang);
    key.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.range.start.cmp(&b.range.start)));
    key.truncate(limit);
    Found { key, all, dates: Vec::new() }
}

/// Every figure mention, scored, in document order.
fn all_figures(text: &str, sentences: &[SentenceContext], lang: Lang) -> Vec<Figure> {
    let tokens = scan::scan(text);
    let labels = label::assign(text, &tokens, lang);
    let mut figures: Vec<Figure> = Vec::new();
    for (token, label) in tokens.into_iter().zip(labels) {
        let Some(label) = label else { continue };
        if token.unit.is_empty() && label.text.is_empty() {
            // A bare number with nothing to say what it is.
            continue;
        }
        let kind = if token.unit.is_empty() && label.counted_noun { FigureKind::Count } else { token.kind };
        let mut figure = Figure {
            range: token.surface,
            value: token.value,
            unit: token.unit.to_string(),
            kind,
            label: label.text,
            qualifier: String::new(),
            direction: None,
            compared_to: String::new(),
            value_max: None,
            score: 0.0,
        };
        figure.score = score(&figure, text.len(), sentence_of(sentences, figure.range.start));
        figures.push(figure);
    }
    figures
}

/// The sentence that holds byte `pos`, if any.
fn sentence_of(sentences: &[SentenceContext], pos: usize) -> Option<&SentenceContext> {
    let i = sentences.partition_point(|s| s.range.end <= pos);
    sentences.get(i).filter(|s| s.range.contains(&pos))
}

/// Importance of one mention, 0..=1.
fn score(figure: &Figure, text_len: usize, sentence: Option<&SentenceContext>) -> f64 {
    // A NaN weight from upstream counts as none rather than poisoning the sort.
    let weight = sentence.map_or(0.0, |s| if s.weight.is_nan() { 0.0 } else { s.weight.clamp(0.0, 1.0) });
    let heading = sentence.is_some_and(|s| s.in_heading);
    let position = 1.0 - figure.range.start as f64 / text_len.max(1) as f64;
    let kind = match figure.kind {
        FigureKind::Money => KIND_MONEY,
        FigureKind::Count if is_people(figure) => KIND_PEOPLE,
        FigureKind::Count if figure.value < SMALL_COUNT => KIND_SMALL_COUNT,
        FigureKind::Percent | FigureKind::Change => KIND_PERCENT,
        FigureKind::Count => KIND_COUNT,
        FigureKind::Measure => KIND_MEASURE,
        FigureKind::Other => KIND_OTHER,
    };
    let magnitude = match figure.kind {
        FigureKind::Percent | FigureKind::Change => PERCENT_MAGNITUDE,
        _ => ((figure.value.abs() + 1.0).log10() / MAGNITUDE_LOG_CEILING).clamp(0.0, 1.0),
    };
    let total = W_SENTENCE * weight
        + W_POSITION * position
        + if heading { W_HEADING } else { 0.0 }
        + W_KIND * kind
        + W_MAGNITUDE * magnitude
        + if figure.label.is_empty() { 0.0 } else { W_LABEL };
    total.clamp(0.0, 1.0)
}

fn is_people(figure: &Figure) -> bool {
    if units::PEOPLE_UNITS.contains(&figure.unit) {
        return true;
    }
    let last_word = figure.label.rsplit(' ').next().unwrap_or("").to_ascii_lowercase();
    figure.unit.is_empty() && units::PEOPLE_NOUNS.contains(&last_word)
}

/// Merges mentions of the same figure (same value and unit, and either a
/// specific value or labels alike), keeping the best-scored mention and its
/// label (or the first non-empty one), in first-seen order.
fn merge_repeats(figures: Vec<Figure>, lang: Lang) -> Vec<Figure> {
    let mut merged: Vec<(Figure, usize)> = Vec::new();
    let mut by_value: HashMap<(u64, String), Vec<usize>> = HashMap::new();
    for figure in figures {
        let key = (figure.value.to_bits(), figure.unit.clone());
        let groups = by_value.entry(key).or_default();
        let specific = is_specific(&figure);
        let same = groups.iter().copied().find(|&g| specific || labels_alike(&merged[g].0.label, &figure.label, lang));
        match same {
            Some(g) => {
                let (kept, repeats) = &mut merged[g];
                *repeats += 1;
                if figure.score > kept.score {
                    let old_label = std::mem::take(&mut kept.label);
                    *kept = figure;
                    if kept.label.is_empty() {
                        kept.label = old_label;
                    }
                } else if kept.label.is_empty() {
                    kept.label = figure.label;
                }
            }
            None if groups.len() < MAX_DISTINCT_PER_VALUE => {
                groups.push(merged.len());
                merged.push((figure, 0));
            }
            None => {
                // Too many distinct figures with one value: fold into the first.
                if let Some(&g) = groups.first() {
                    merged[g].1 += 1;
                }
            }
        }
    }
    merged
        .into_iter()
        .map(|(mut figure, repeats)| {
            figure.score = (figure.score + REPEAT_BONUS * repeats.min(MAX_REPEATS_COUNTED) as f64).min(1.0);
            figure
        })
        .collect()
}

/// A value specific enough that two mentions of it are the same figure
/// whatever their labels say ("$3.2 billion" in the headline and in the
/// text): a count, amount or measure with two or more significant digits.
/// Round values and percentages ("3个", "10%") recur for unrelated things.
fn is_specific(figure: &Figure) -> bool {
    if matches!(figure.kind, FigureKind::Percent | FigureKind::Other) {
        return false;
    }
    let digits = format!("{:e}", figure.value);
    let mantissa = digits.split('e').next().unwrap_or("");
    mantissa.chars().filter(char::is_ascii_digit).count() >= MIN_SPECIFIC_DIGITS
}

/// Two labels of the same value name the same thing when one is empty or
/// their subjects (the labels without 同比增长, rose…) share a pair of adjacent Chinese characters or an English word
/// ("引进硕士、博士优秀人才" and "集中引进硕士、博士优秀人才" do;
/// "产业发展机会清单" and "生物医药项目" don't).
fn labels_alike(a: &str, b: &str, lang: Lang) -> bool {
    if a.is_empty() || b.is_empty() {
        return true;
    }
    let (a, b) = (label::subject(a, lang), label::subject(b, lang));
    let (a_keys, b_keys) = (label_keys(&a), label_keys(&b));
    if a_keys.is_empty() || b_keys.is_empty() {
        return a == b;
    }
    a_keys.iter().any(|k| b_keys.contains(k))
}

/// Adjacent pairs of Chinese characters, and English words of three letters
/// or more, lower-cased.
fn label_keys(label: &str) -> Vec<String> {
    let mut keys = Vec::new();
    let mut previous: Option<char> = None;
    for c in label.chars() {
        if c.is_alphabetic() && !c.is_ascii() {
            if let Some(p) = previous {
                keys.push(format!("{p}{c}"));
            }
            previous = Some(c);
        } else {
            previous = None;
        }
    }
    keys.extend(
        label.split(|c: char| !c.is_ascii_alphanumeric()).filter(|w| w.len() >= 3).map(str::to_ascii_lowercase),
    );
    keys
}

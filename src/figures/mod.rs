//! Key figures: the numbers that matter, each with what it counts.
//!
//! The pipeline calls [`find`] once per document and gets back the chosen
//! figures (most important first), every figure mention, and the dates.
//! [`read`] then [`rank`] is the same in two steps, for a caller that ranks
//! one text against several sets of sentences (one per article): the text
//! is then read once.
//! All ranges are byte ranges into the cleaned text. The steps, one module
//! each:
//!
//! 1. `scan` reads every number: Arabic digits (ASCII or full-width) with
//!    thousands separators (1,100万, 82，316.50元, 40 000) and decimals;
//!    Chinese multipliers and mixed forms (1.87万, 36.85亿元, 3万4000);
//!    Chinese numerals and English number words (read by `numerals`:
//!    三千九百四十四, 两, 一点七八万亿, 壹仟玖佰, twelve, three hundred and
//!    five); English scales (1.2 million, $3bn); shares (71.8%, 百分之三十,
//!    千分之五, 个百分点 kept apart from %); ratios (1:3); ranges (29.31-32.31
//!    亿元, 2-3座, 两到三万元, 5%~8%: value is the lower end, value_max the
//!    upper); money's small change (123元4角5分, 元整); qualifiers (超, 约, 余,
//!    以上, about, more than); and the unit from the tables in `units`. Dates
//!    and times (11月16日, 2035年, 1—11月, 上午9时, 9:30) are set aside as
//!    dates; ordinals (第三届), references (上接02版), list markers, codes and
//!    phone numbers, programme names in quotes ("416"), and numerals inside
//!    words (一带一路, 三位一体, 十分满意, G20) are set aside as nothing.
//! 2. `label`: what each number counts, from the text of its clause before
//!    it, or the noun after it.
//! 3. `change`: a number right after a word of change (同比增长125.5%, fell
//!    by 3%) is a change with a direction and its baseline (同比, 较上年度).
//! 4. Here: each figure is scored from where it stands and what it is
//!    (sentence weight, position, heading, kind, magnitude, label, totals
//!    over parts), repeated mentions of the same figure are merged keeping
//!    the best label, and the best are kept.
//!
//! Surface forms: qualifiers before the number (超, 近, 约, about) stay
//! outside the surface form and are trimmed from the label; 余 and 多
//! between the digits and the unit stay inside ("120余天" is 120 天).
//! English qualifiers are reported in lower case. Unit conventions
//! (Chinese units kept, currency signs as ISO codes) are in `units`.
//!
//! Not read (deliberately or not yet): fractions (三分之一, 1/4, two thirds),
//! discounts and tenths (八折, 两成), vague amounts (几十万, 数万, 3000多 is
//! read as 3000 with qualifier 多), negative numbers and signs (+12%), k/w
//! suffixes outside money (15k, 30w), scientific notation, and changes said
//! after the number ("12% higher"). Labels come from word lists, not a
//! segmenter, which is their main limit.

mod change;
mod label;
mod numerals;
mod scan;
mod units;

#[cfg(test)]
mod tests;

use std::ops::Range;

use crate::schema::{Direction, FigureKind, Lang};

/// Weight of the headline weight of the figure's sentence: a number in a
/// central sentence is a number the article is about.
const W_SENTENCE: f64 = 0.30;
/// Weight of being early in the text: news puts its key numbers first.
const W_POSITION: f64 = 0.10;
/// Weight of standing in a heading or in bold: the editor chose to show that number.
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
/// Bonus for a total (共计, 累计, in total): the sum outranks its parts,
/// even parts said just before it (which earn more for position).
const TOTAL_BONUS: f64 = 0.1;
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
    /// Byte ranges inside the sentence that were set in bold.
    pub bold: Vec<Range<usize>>,
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
    /// The unit after multipliers, e.g. "元": one of the unit table's.
    pub unit: &'static str,
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
    rank(&read(text, lang), sentences, limit)
}

/// The figures of a text read, labelled and told apart from dates, before
/// any sentence weighs them: the part of [`find`] that only depends on the
/// text, for a caller that ranks the same text several times.
#[derive(Debug, Clone)]
pub struct Read {
    /// Every figure mention in document order, its score not yet set.
    figures: Vec<Figure>,
    /// For each figure, whether a total word stands before it.
    totals: Vec<bool>,
    dates: Vec<Range<usize>>,
    text_len: usize,
    lang: Lang,
}

/// Reads the figures of `text` (see [`Read`]); linear in its length.
pub fn read(text: &str, lang: Lang) -> Read {
    let tokens = scan::scan(text);
    let dates = dates(text, &tokens);
    let (figures, totals) = all_figures(text, tokens, lang).into_iter().unzip();
    Read { figures, totals, dates, text_len: text.len(), lang }
}

/// Scores the figures of `read` by the sentences they stand in, and keeps
/// the best `limit`: the same answer as [`find`] on the text read.
pub fn rank(read: &Read, sentences: &[SentenceContext], limit: usize) -> Found {
    let all: Vec<Figure> = read
        .figures
        .iter()
        .zip(&read.totals)
        .map(|(figure, &total)| {
            let score = score(figure, read.text_len, sentence_of(sentences, figure.range.start), total);
            Figure { score, ..figure.clone() }
        })
        .collect();
    // Only the few figures kept are copied: a page of numbers holds
    // hundreds of thousands of figures, each a few hundred bytes.
    let mut merged: Vec<(f64, Merged)> =
        merge_repeats(&all, read.lang).into_iter().map(|m| (m.score(&all), m)).collect();
    let start_of = |m: &Merged| all[m.kept].range.start;
    merged.sort_by(|(a_score, a), (b_score, b)| b_score.total_cmp(a_score).then(start_of(a).cmp(&start_of(b))));
    merged.truncate(limit);
    let key = merged
        .iter()
        .map(|&(score, ref m)| Figure { score, label: all[m.label_of].label.clone(), ..all[m.kept].clone() })
        .collect();
    Found { key, all, dates: read.dates.clone() }
}

/// One number as the scanner reads it: the test hook of
/// `examples/eval_figures.rs`, which compares the reading with peers'
/// test cases. Dates and ordinals are not numbers here.
#[derive(Debug, Clone, PartialEq)]
#[allow(dead_code)]
pub struct Reading {
    /// Byte range of the surface form.
    pub range: Range<usize>,
    /// The value; a range's lower end.
    pub value: f64,
    /// A range's upper end.
    pub value_max: Option<f64>,
    /// The unit, as in [`Figure::unit`].
    pub unit: &'static str,
    /// What kind of quantity it is.
    pub kind: FigureKind,
    /// False for numbers read but not shown as figures (a lone 一).
    pub is_figure: bool,
}

/// Every number in `text` (see [`Reading`]), and the byte ranges of its dates.
#[allow(dead_code)]
pub fn read_numbers(text: &str) -> (Vec<Reading>, Vec<Range<usize>>) {
    let tokens = scan::scan(text);
    let dates = dates(text, &tokens);
    let readings = tokens
        .into_iter()
        .filter(|t| t.is_number)
        .map(|t| Reading {
            range: t.surface,
            value: t.value,
            value_max: t.value_max,
            unit: t.unit,
            kind: t.kind,
            is_figure: t.is_figure,
        })
        .collect();
    (readings, dates)
}

/// Reads one Chinese numeral that must fill all of `text` (三千九百四十四,
/// 一点七八万亿, 负一七二零): the hook for the cn2an cases.
#[allow(dead_code)]
pub fn read_chinese_numeral(text: &str) -> Option<f64> {
    numerals::read_cn(text, 0).filter(|n| n.end == text.len()).map(|n| n.value)
}

/// Date tokens, with adjacent ones joined ("11月16日", "12月15日—17日")
/// and a time of day before them kept ("上午9时").
fn dates(text: &str, tokens: &[scan::Token]) -> Vec<Range<usize>> {
    let mut dates: Vec<Range<usize>> = Vec::new();
    for token in tokens.iter().filter(|t| t.is_date) {
        let mut range = token.surface.clone();
        let before = &text[..range.start];
        if let Some(word) = units::TIMES_OF_DAY.suffixes_of(before).max_by_key(|w| w.len()) {
            range.start -= word.len();
        }
        if let Some(last) = dates.last_mut() {
            let gap = text.get(last.end..range.start).unwrap_or("x");
            if gap.is_empty() || (gap.chars().count() == 1 && DATE_JOINERS.contains(gap)) {
                last.end = range.end;
                continue;
            }
        }
        dates.push(range);
    }
    dates
}

/// What may join two date tokens into one date: "12月15日—17日", "19日至21日".
const DATE_JOINERS: &str = "—-–~～至到 ";

/// Every figure mention in document order, not yet scored, each with
/// whether it is a total.
fn all_figures(text: &str, tokens: Vec<scan::Token>, lang: Lang) -> Vec<(Figure, bool)> {
    let labels = label::assign(text, &tokens, lang);
    let mut figures = Vec::new();
    let mut floor = 0;
    for (token, label) in tokens.into_iter().zip(labels) {
        let previous_end = std::mem::replace(&mut floor, token.surface.end);
        let Some(label) = label else { continue };
        if token.unit.is_empty() && label.text.is_empty() {
            // A bare number with nothing to say what it is.
            continue;
        }
        let mut kind = if token.unit.is_empty() && label.counted_noun { FigureKind::Count } else { token.kind };
        let qualifier_start = qualifier_start(text, &token);
        // "cut 12,000 jobs" counts jobs: a figure that claims its noun is a count.
        let change = change::change_at(text, token.surface.clone(), qualifier_start, previous_end, lang)
            .filter(|_| !(label.counted_noun && lang == Lang::En));
        if change.is_some() && token.unit != scan::RATIO_UNIT {
            kind = FigureKind::Change;
        }
        let (direction, compared_to) = change.map_or((None, String::new()), |c| (Some(c.direction), c.compared_to));
        let figure = Figure {
            range: token.surface,
            value: token.value,
            unit: token.unit,
            kind,
            label: label.text,
            qualifier: token.qualifier.to_string(),
            direction,
            compared_to,
            value_max: token.value_max,
            score: 0.0,
        };
        figures.push((figure, is_total(text, qualifier_start, lang)));
    }
    figures
}

/// Where the qualifier written before a token starts (its start if none).
fn qualifier_start(text: &str, token: &scan::Token) -> usize {
    let start = token.surface.start;
    if token.qualifier.is_empty() || !text[..start].trim_end_matches(' ').ends_with(token.qualifier) {
        return start;
    }
    text[..start].trim_end_matches(' ').len() - token.qualifier.len()
}

/// Words just before a figure that make it a total: it outranks its parts.
static ZH_TOTAL_WORDS: units::Words = units::Words::new("共计 合计 总计 累计 总共 一共 共 总 全年 总额 总量");
/// English words before a figure that make it a total.
const EN_TOTAL_WORDS: &[&str] = &["total", "totaled", "totalled", "in all", "altogether", "overall", "combined"];
/// How far back, in bytes, a total word may stand (about 8 Chinese characters).
const TOTAL_WINDOW_BYTES: usize = 24;

fn is_total(text: &str, start: usize, lang: Lang) -> bool {
    let mut from = start.saturating_sub(TOTAL_WINDOW_BYTES);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let window = &text[from..start];
    let window = window.rsplit(['，', ',', '。', '；', ';', '\n']).next().unwrap_or("");
    match lang {
        Lang::Zh => ZH_TOTAL_WORDS.occurs_in(window),
        Lang::En => {
            let window = window.to_ascii_lowercase();
            EN_TOTAL_WORDS.iter().any(|w| window.contains(w))
        }
    }
}

/// The sentence that holds byte `pos`, if any.
fn sentence_of(sentences: &[SentenceContext], pos: usize) -> Option<&SentenceContext> {
    let i = sentences.partition_point(|s| s.range.end <= pos);
    sentences.get(i).filter(|s| s.range.contains(&pos))
}

/// Importance of one mention, 0..=1.
fn score(figure: &Figure, text_len: usize, sentence: Option<&SentenceContext>, total: bool) -> f64 {
    // A NaN weight from upstream counts as none rather than poisoning the sort.
    let weight = sentence.map_or(0.0, |s| if s.weight.is_nan() { 0.0 } else { s.weight.clamp(0.0, 1.0) });
    // A heading or a bold run: either way the editor chose to show the number.
    let heading = sentence.is_some_and(|s| {
        s.in_heading || s.bold.iter().any(|b| b.start < figure.range.end && figure.range.start < b.end)
    });
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
        + if figure.label.is_empty() { 0.0 } else { W_LABEL }
        + if total { TOTAL_BONUS } else { 0.0 };
    total.clamp(0.0, 1.0)
}

fn is_people(figure: &Figure) -> bool {
    if units::PEOPLE_UNITS.contains(figure.unit) {
        return true;
    }
    let last_word = figure.label.rsplit(' ').next().unwrap_or("").to_ascii_lowercase();
    figure.unit.is_empty() && units::PEOPLE_NOUNS.contains(&last_word)
}

/// Mentions of one figure merged (see [`merge_repeats`]), by index into the
/// scored figures.
struct Merged {
    /// The best-scored mention.
    kept: usize,
    /// The mention whose label it shows: its own, or the first non-empty one.
    label_of: usize,
    /// Further mentions merged into it.
    repeats: usize,
}

impl Merged {
    /// The kept mention's score with the bonus for its repeats.
    fn score(&self, figures: &[Figure]) -> f64 {
        (figures[self.kept].score + REPEAT_BONUS * self.repeats.min(MAX_REPEATS_COUNTED) as f64).min(1.0)
    }
}

/// Merges mentions of the same figure (same value and unit, and either a
/// specific value or labels alike), keeping the best-scored mention and its
/// label (or the first non-empty one), in first-seen order.
fn merge_repeats(figures: &[Figure], lang: Lang) -> Vec<Merged> {
    let mut merged: Vec<Merged> = Vec::new();
    let mut by_value: rustc_hash::FxHashMap<(u64, &str), Vec<usize>> = Default::default();
    for (i, figure) in figures.iter().enumerate() {
        let key = (figure.value.to_bits(), figure.unit);
        let groups = by_value.entry(key).or_default();
        let specific = is_specific(figure);
        let same = groups
            .iter()
            .copied()
            .find(|&g| specific || labels_alike(&figures[merged[g].label_of].label, &figure.label, lang));
        match same {
            Some(g) => {
                let kept = &mut merged[g];
                kept.repeats += 1;
                if figure.score > figures[kept.kept].score {
                    kept.kept = i;
                    if !figure.label.is_empty() {
                        kept.label_of = i;
                    }
                } else if figures[kept.label_of].label.is_empty() {
                    kept.label_of = i;
                }
            }
            None if groups.len() < MAX_DISTINCT_PER_VALUE => {
                groups.push(merged.len());
                merged.push(Merged { kept: i, label_of: i, repeats: 0 });
            }
            None => {
                // Too many distinct figures with one value: fold into the first.
                if let Some(&g) = groups.first() {
                    merged[g].repeats += 1;
                }
            }
        }
    }
    merged
}

/// A value specific enough that two mentions of it are the same figure
/// whatever their labels say ("$3.2 billion" in the headline and in the
/// text): a count, amount or measure with two or more significant digits.
/// Round values and percentages ("3个", "10%") recur for unrelated things.
fn is_specific(figure: &Figure) -> bool {
    if matches!(figure.kind, FigureKind::Percent | FigureKind::Change | FigureKind::Other) {
        return false;
    }
    significant_digits(figure.value) >= MIN_SPECIFIC_DIGITS
}

/// The significant digits of `value` as it is shortest written (3944 has
/// four, 3.0e4 one, 12.5 three).
fn significant_digits(value: f64) -> usize {
    // Below 2^53 an integer is written digit for digit, so it is counted
    // without formatting it: most figures are whole numbers.
    if value.fract() == 0.0 && value.abs() < 9.0e15 {
        let mut n = value.abs() as u64;
        if n == 0 {
            return 1;
        }
        while n % 10 == 0 {
            n /= 10;
        }
        return n.ilog10() as usize + 1;
    }
    let digits = format!("{value:e}");
    digits.split('e').next().unwrap_or("").chars().filter(char::is_ascii_digit).count()
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

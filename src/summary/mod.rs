//! Headline sentences: which sentences carry the article.
//!
//! [`rank`] scores every body sentence by an early-position prior (the
//! strongest signal in news: Lead-k beats most rankers), counted in
//! paragraphs and sentences so that each paragraph's topic sentence counts
//! as early, centrality (TextRank over BM25 similarity) and similarity to
//! the title, discounts sentences too long to read as a headline or too
//! thin to carry one and, in a document long enough to offer a choice,
//! sentences made mostly of figures (background there; the figures have
//! their own list), then picks greedily with maximal marginal relevance,
//! preferring a paragraph not yet drawn from, so that a repeated paragraph
//! or a near-copy is never chosen twice. An overlong sentence that joins
//! clauses with `；` is ranked clause by clause ([`clauses`]). The
//! picks come back in document order, within a sentence count and, if
//! asked, a character budget.
//!
//! What may be chosen ([`eligibility`]): whole body sentences first; short
//! or unterminated ones (a Weibo post cut off, a one-line flash) only when
//! there are too few whole ones; fragments cut at a page break, scraps and
//! lone list markers never. A sentence that opens with a connective or a
//! pronoun that needs the sentence before it ([`needs_previous`]: 因此,
//! 他们, However, He) is chosen only after that sentence is.
//!
//! Limits: the opener lists are short and literal (no parsing), so a
//! dependent sentence can slip through ("据此…") and an independent one can
//! wait ("该校" in a sentence that names the school again). Weights were
//! chosen on four public dev sets (see `examples/eval_rouge.rs`).
//!
//! Cost: each sentence is compared with at most [`rank::WINDOW`] neighbours
//! on each side, so ranking grows linearly with the article, never with the
//! square of its sentence count; MMR compares each sentence only with the
//! latest pick.

mod rank;

pub use rank::{rank, SentenceInput};

use std::ops::Range;
use std::sync::LazyLock;

use crate::schema::Lang;
use crate::text::chars::{ends_sentence, is_han, is_letter_or_digit, is_main_han_block, is_short};
use crate::text::sentences::trimmed;

/// Shortest headline sentence for Chinese, in letters and digits: its
/// punctuation does not count, so a flourish of two four-character phrases
/// ("江流浩荡,群星汇聚。", eight) is not one. Counting punctuation as well,
/// LCSTS scored 26.73/15.30 against 26.66/15.25 and CFBench 25.64/12.34
/// against 25.59/12.29 (both still above their peers), but the seeds'
/// picks held such flourishes and "汇聚了一批前沿观点。".
const MIN_CHINESE_CHARS: usize = 10;
/// Shortest headline sentence, in words for English.
const MIN_ENGLISH_WORDS: usize = 6;
/// Longest headline sentence, in characters: a run-on "sentence" longer than
/// this is a list or an unpunctuated block, not a headline.
const MAX_CHARS: usize = 400;
/// A fallback needs at least this many letters or digits: less is a lone
/// list marker or a scrap ("1.", "图为").
const MIN_FALLBACK_CHARS: usize = 4;
/// A sentence of at least this many characters that joins clauses with `；`
/// is offered clause by clause ([`clauses`]).
const CLAUSE_SPLIT_CHARS: usize = 80;

/// Default summary length: the square root of the candidate count, within these bounds.
const DEFAULT_MIN_SENTENCES: usize = 3;
const DEFAULT_MAX_SENTENCES: usize = 7;

/// Openers of a Chinese sentence that lean on the sentence before it:
/// connectives (因此, 但是, 此外) and pronouns (他们, 这一).
const CHINESE_DEPENDENT_OPENERS: &[&str] = &[
    "因此",
    "所以",
    "但是",
    "但",
    "然而",
    "不过",
    "而且",
    "并且",
    "此外",
    "另外",
    "同时",
    "与此同时",
    "其中",
    "对此",
    "为此",
    "因而",
    "于是",
    "否则",
    "另一方面",
    "此前",
    "此后",
    "随后",
    "之后",
    "他们",
    "她们",
    "它们",
    "他",
    "她",
    "它",
    "这",
    "那",
    "该",
    "此",
    "其",
    "二是",
    "三是",
    "四是",
    "五是",
    "其次",
    "再次",
    "最后",
    "总之",
    "换言之",
    "也就是说",
    "这是",
    "这也",
    "对于这",
    "不仅如此",
    "相比之下",
    "尽管如此",
    "即便如此",
    "除此之外",
];

/// The words that a Chinese sentence beginning with `start` is compared with.
struct WordsStartingWith {
    start: char,
    independent: Vec<&'static str>,
    dependent: Vec<&'static str>,
}

/// The first characters of [`CHINESE_DEPENDENT_OPENERS`], sorted, each with
/// the [`INDEPENDENT_WORDS`] and the openers that begin with it: a sentence
/// is compared only with the few words that begin as it does.
static CHINESE_OPENERS_BY_START: LazyLock<Vec<WordsStartingWith>> = LazyLock::new(|| {
    let mut starts: Vec<char> = CHINESE_DEPENDENT_OPENERS.iter().filter_map(|o| o.chars().next()).collect();
    starts.sort_unstable();
    starts.dedup();
    let beginning_with =
        |start: char, words: &[&'static str]| words.iter().copied().filter(|w| w.starts_with(start)).collect();
    starts
        .into_iter()
        .map(|start| WordsStartingWith {
            start,
            independent: beginning_with(start, INDEPENDENT_WORDS),
            dependent: beginning_with(start, CHINESE_DEPENDENT_OPENERS),
        })
        .collect()
});

/// Openers of an English sentence that lean on the sentence before it
/// (compared in lower case, as whole words).
const ENGLISH_DEPENDENT_OPENERS: &[&str] = &[
    "he",
    "she",
    "it",
    "they",
    "him",
    "her",
    "his",
    "its",
    "their",
    "them",
    "this",
    "that",
    "these",
    "those",
    "such",
    "however",
    "but",
    "and",
    "or",
    "so",
    "thus",
    "therefore",
    "hence",
    "also",
    "moreover",
    "furthermore",
    "meanwhile",
    "nevertheless",
    "nonetheless",
    "instead",
    "still",
    "yet",
    "then",
    "additionally",
    "besides",
    "otherwise",
    "consequently",
    "accordingly",
    "likewise",
    "similarly",
    "indeed",
    "there",
    "here",
];

/// Whether a sentence may be chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Eligibility {
    /// A whole body sentence: chosen on its merits.
    Candidate,
    /// Whole at its start but short or unterminated (a Weibo post cut off,
    /// a flash without its full stop): chosen only when there are too few
    /// candidates to fill the summary.
    Fallback,
    /// A fragment or scrap: never chosen.
    Never,
}

/// How far `sentence` (body text) may be chosen as a headline sentence.
/// `may_be_partial` is true for a block's first sentence when the block may
/// begin mid-sentence.
pub fn eligibility(sentence: &str, lang: Lang, may_be_partial: bool) -> Eligibility {
    let starts_whole = sentence.chars().next().is_some_and(|c| {
        !c.is_lowercase() && !matches!(c, ',' | '，' | '、' | '。' | ';' | '；' | ':' | '：' | ')' | '）' | '”')
    });
    // Counted once, for both thresholds.
    let letters = letters_up_to(sentence, MIN_FALLBACK_CHARS.max(MIN_CHINESE_CHARS));
    if may_be_partial || !starts_whole || letters < MIN_FALLBACK_CHARS || !is_short(sentence, MAX_CHARS) {
        return Eligibility::Never;
    }
    let long_enough = match lang {
        Lang::Zh => letters >= MIN_CHINESE_CHARS && !is_four_character_flourish(sentence),
        Lang::En => sentence.split_whitespace().count() >= MIN_ENGLISH_WORDS,
    };
    let ends_whole = ends_sentence(sentence);
    if long_enough && ends_whole {
        Eligibility::Candidate
    } else {
        Eligibility::Fallback
    }
}

/// How many letters and digits `text` holds (punctuation and spaces not
/// counted), up to `limit`: it stops reading at the `limit`th.
///
/// Read from the bytes: ASCII and the main block of Chinese characters
/// (U+4E00–U+9FFF, all letters) are told without decoding, and only the rest
/// is decoded (a test compares it with the count by character on every
/// character).
fn letters_up_to(text: &str, limit: usize) -> usize {
    let bytes = text.as_bytes();
    let (mut letters, mut i) = (0, 0);
    while letters < limit {
        let Some(&lead) = bytes.get(i) else { break };
        let (is_letter, len) = if lead < 0x80 {
            (lead.is_ascii_alphanumeric(), 1)
        } else if is_main_han_block(lead, bytes[i + 1]) {
            (true, 3)
        } else {
            let c = text[i..].chars().next().unwrap_or_default();
            (is_letter_or_digit(c), c.len_utf8())
        };
        letters += usize::from(is_letter);
        i += len;
    }
    letters
}

/// True for a sentence made only of four-character phrases ("嘉陵之畔，群贤毕至，
/// 共襄盛举。"): the scene-setting a Chinese feature opens with, which names
/// nothing that happened. It is chosen only when too few others are there.
///
/// It reads the sentence in one pass and stops at the first character that
/// breaks the pattern, which for nearly every sentence is within its first
/// five.
fn is_four_character_flourish(sentence: &str) -> bool {
    let body = sentence.trim_end_matches(|c: char| !is_letter_or_digit(c));
    let (mut phrases, mut phrase_chars) = (0, 0);
    // A separator after the body closes its last phrase as the others are closed.
    for c in body.chars().chain([',']) {
        if matches!(c, '，' | ',' | '、' | '；' | ';') {
            if phrase_chars != 4 {
                return false;
            }
            phrases += 1;
            phrase_chars = 0;
        } else if phrase_chars < 4 && is_han(c) {
            phrase_chars += 1;
        } else {
            return false;
        }
    }
    phrases >= 2
}

/// True when `sentence` (body text) may be chosen as a headline sentence on its merits.
#[cfg(test)]
pub fn is_candidate(sentence: &str, lang: Lang) -> bool {
    eligibility(sentence, lang, false) == Eligibility::Candidate
}

/// True when `sentence` opens with a connective or pronoun that needs the
/// sentence before it ("因此", "他们", "However", "He"): on its own it
/// would misstate or dangle.
pub fn needs_previous(sentence: &str, lang: Lang) -> bool {
    let body = sentence.trim_start_matches(|c: char| !is_letter_or_digit(c));
    match lang {
        Lang::Zh => {
            // Most sentences open with a character no opener starts with,
            // and are answered without comparing the lists.
            let Some(first) = body.chars().next() else { return false };
            CHINESE_OPENERS_BY_START.binary_search_by_key(&first, |words| words.start).is_ok_and(|i| {
                let words = &CHINESE_OPENERS_BY_START[i];
                !words.independent.iter().any(|w| body.starts_with(w))
                    && words.dependent.iter().any(|o| body.starts_with(o))
            })
        }
        Lang::En => {
            let first: String = body.chars().take_while(|c| c.is_alphabetic() || *c == '\'').collect();
            let lower = first.to_lowercase();
            ENGLISH_DEPENDENT_OPENERS.contains(&lower.as_str())
        }
    }
}

/// Words that begin like a dependent opener but stand on their own
/// (他人 "others", 其他 "other", 这里 is not among them: it points back).
const INDEPENDENT_WORDS: &[&str] = &["他人", "他国", "他乡", "其他", "其实", "该当", "但凡", "此时此刻"];

/// Where an overlong sentence may be cut into clauses: byte offsets just
/// after each `；` (or `;`) outside quotes and brackets, none at its end.
/// Empty for a sentence shorter than [`CLAUSE_SPLIT_CHARS`].
///
/// A long sentence that joins clauses with semicolons is a list of parallel
/// statements ("预计净利润11.5亿元-13亿元，同比增长36.39%-54.18%；预计…"),
/// and its first clause reads as a headline line on its own, as an editor
/// would cut it. So each clause becomes a unit of its own; a later clause is
/// chosen only together with the one before (its subject is usually there),
/// so it never stands alone. A short sentence stays whole: cut, its clauses
/// are too thin to carry a point.
fn clause_ends(sentence: &str) -> Vec<usize> {
    if is_short(sentence, CLAUSE_SPLIT_CHARS - 1) {
        return Vec::new();
    }
    let mut depth = 0i32;
    let mut ends = Vec::new();
    for (b, c) in sentence.char_indices() {
        match c {
            '“' | '（' | '(' | '《' | '「' | '【' | '[' => depth += 1,
            '”' | '）' | ')' | '》' | '」' | '】' | ']' => depth -= 1,
            '；' | ';' if depth <= 0 => ends.push(b + c.len_utf8()),
            _ => {}
        }
    }
    ends.retain(|&e| !sentence[e..].trim().is_empty());
    ends
}

/// The units `text[sentence]` is ranked as: the sentence itself, or for an
/// overlong one its clauses ([`clause_ends`]), as trimmed byte ranges of
/// `text`, none empty, each with whether it goes on from the one before (a
/// later clause, chosen only together with it).
pub fn clauses(text: &str, sentence: Range<usize>) -> Vec<(Range<usize>, bool)> {
    let ends = clause_ends(&text[sentence.clone()]).into_iter().map(|e| sentence.start + e);
    let mut start = sentence.start;
    let mut units = Vec::new();
    for end in ends.chain(std::iter::once(sentence.end)) {
        let range = trimmed(text, start..end);
        if !range.is_empty() {
            units.push((range, start != sentence.start));
        }
        start = end;
    }
    units
}

/// How many sentences to choose when the caller does not say.
pub fn default_count(candidates: usize) -> usize {
    ((candidates as f64).sqrt().round() as usize).clamp(DEFAULT_MIN_SENTENCES, DEFAULT_MAX_SENTENCES)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fragments_and_scraps_are_not_candidates() {
        assert!(is_candidate("11月16日,为期两天的重庆国际人才交流大会落下帷幕。", Lang::Zh));
        assert!(!is_candidate("从而推动西部人才高质量发", Lang::Zh), "cut at a page break");
        assert!(!is_candidate("大会闭幕。", Lang::Zh), "too short");
        assert!(!is_candidate("江流浩荡,群星汇聚。", Lang::Zh), "eight letters: the punctuation does not count");
        assert!(is_candidate("重庆今年新增科技型企业。", Lang::Zh));
        assert!(!is_candidate("嘉陵之畔，群贤毕至，共襄盛举。", Lang::Zh), "four-character phrases only");
        assert!(is_candidate("嘉陵之畔，重庆国际人才交流大会开幕。", Lang::Zh));
        assert!(!is_candidate("and then the council voted to approve it.", Lang::En), "starts mid-sentence");
        assert!(is_candidate("The council voted on Tuesday to approve the budget.", Lang::En));
    }

    #[test]
    fn letters_read_from_the_bytes_are_those_counted_by_character() {
        let counted = |text: &str, limit: usize| text.chars().filter(|&c| is_letter_or_digit(c)).take(limit).count();
        for c in (0..=char::MAX as u32).filter_map(char::from_u32) {
            for text in [c.to_string(), format!("字{c}a，{c}"), c.to_string().repeat(5)] {
                for limit in [0, 1, 2, 4, 10] {
                    assert_eq!(letters_up_to(&text, limit), counted(&text, limit), "{text:?} {limit}");
                }
            }
        }
    }

    #[test]
    fn flourishes_read_in_one_pass_are_those_split_into_phrases() {
        let split_into_phrases = |sentence: &str| {
            let body = sentence.trim_end_matches(|c: char| !is_letter_or_digit(c));
            let phrases: Vec<&str> = body.split(['，', ',', '、', '；', ';']).collect();
            phrases.len() >= 2 && phrases.iter().all(|p| p.chars().count() == 4 && p.chars().all(is_han))
        };
        // Every sentence of up to four pieces drawn from these, so phrases of
        // every length meet every separator, at either end too.
        let pieces = ["嘉陵", "之畔", "群贤毕至", "，", ",", "、", "；", ";", "。", "A", " ", "𠀀", "1"];
        let mut sentences = vec![String::new()];
        for _ in 0..4 {
            let longer: Vec<String> =
                sentences.iter().flat_map(|s| pieces.iter().map(move |p| format!("{s}{p}"))).collect();
            sentences.extend(longer);
        }
        for sentence in &sentences {
            assert_eq!(is_four_character_flourish(sentence), split_into_phrases(sentence), "{sentence:?}");
        }
    }

    #[test]
    fn only_an_overlong_sentence_is_cut_at_its_semicolons() {
        let long = "杭氧股份公告，预计2021年净利润11.5亿元-13亿元，同比增长36.39%-54.18%；预计2021年设备制造业务收入和利润较2020年度有所增长，气体业务的盈利水平较2020年度有所提升。";
        let ends = clause_ends(long);
        assert_eq!(ends.len(), 1);
        assert!(long[..ends[0]].ends_with("54.18%；"));
        let units = clauses(long, 0..long.len());
        assert_eq!(units.len(), 2);
        assert_eq!((&long[units[0].0.clone()], units[0].1), (&long[..ends[0]], false));
        assert_eq!((&long[units[1].0.clone()], units[1].1), (&long[ends[0]..], true), "goes on from the first");
        assert!(clause_ends("全省新增本土确诊病例6例；新增本土无症状感染者4例。").is_empty(), "short: stays whole");
        let quoted = format!("{}“甲；乙”之后继续说明情况。", "这".repeat(80));
        assert!(clause_ends(&quoted).is_empty(), "a semicolon inside quotes does not cut");
    }

    #[test]
    fn every_chinese_opener_leans_on_the_sentence_before_but_its_lookalikes_do_not() {
        for opener in CHINESE_DEPENDENT_OPENERS {
            assert!(needs_previous(&format!("{opener}公司发布了年度报告。"), Lang::Zh), "{opener}");
            assert!(needs_previous(&format!("“{opener}公司发布了年度报告。”"), Lang::Zh), "{opener}");
        }
        for independent in INDEPENDENT_WORDS {
            assert!(!needs_previous(&format!("{independent}公司发布了年度报告。"), Lang::Zh), "{independent}");
        }
        for sentence in ["公司发布了年度报告。", "“", "", "3月，公司发布了年度报告。"] {
            assert!(!needs_previous(sentence, Lang::Zh), "{sentence}");
        }
    }

    #[test]
    fn default_length_scales_with_the_article() {
        assert_eq!(default_count(4), 3);
        assert_eq!(default_count(25), 5);
        assert_eq!(default_count(400), 7);
    }
}

//! Headline sentences: which sentences carry the article.
//!
//! [`choose`] scores every body sentence by centrality (TextRank over BM25
//! similarity), an early-position prior and similarity to the title, then
//! picks greedily with maximal marginal relevance so that a repeated
//! paragraph or a near-copy is never chosen twice. The picks come back in
//! document order.
//!
//! Only candidates ([`is_candidate`]) are ever chosen: whole sentences of
//! body text, neither fragments cut at a page break nor one-word scraps.
//!
//! Cost: each sentence is compared with at most [`rank::WINDOW`] neighbours
//! on each side, so ranking grows linearly with the article, never with the
//! square of its sentence count.

mod rank;

pub use rank::{rank, SentenceInput};

use crate::schema::Lang;
use crate::text::chars::ends_sentence;

/// Shortest headline sentence, in characters for Chinese.
const MIN_CHINESE_CHARS: usize = 10;
/// Shortest headline sentence, in words for English.
const MIN_ENGLISH_WORDS: usize = 6;
/// Longest headline sentence, in characters: a run-on "sentence" longer than
/// this is a list or an unpunctuated block, not a headline.
const MAX_CHARS: usize = 400;
/// Default summary length: the square root of the candidate count, within these bounds.
const DEFAULT_MIN_SENTENCES: usize = 3;
const DEFAULT_MAX_SENTENCES: usize = 7;

/// True when `sentence` (body text) may be chosen as a headline sentence.
pub fn is_candidate(sentence: &str, lang: Lang) -> bool {
    let chars = sentence.chars().count();
    let long_enough = match lang {
        Lang::Zh => chars >= MIN_CHINESE_CHARS,
        Lang::En => sentence.split_whitespace().count() >= MIN_ENGLISH_WORDS,
    };
    let starts_whole = sentence.chars().next().is_some_and(|c| !c.is_lowercase() && !",，、。;；:：)）”".contains(c));
    long_enough && chars <= MAX_CHARS && starts_whole && ends_sentence(sentence)
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
        assert!(!is_candidate("and then the council voted to approve it.", Lang::En), "starts mid-sentence");
        assert!(is_candidate("The council voted on Tuesday to approve the budget.", Lang::En));
    }

    #[test]
    fn default_length_scales_with_the_article() {
        assert_eq!(default_count(4), 3);
        assert_eq!(default_count(25), 5);
        assert_eq!(default_count(400), 7);
    }
}

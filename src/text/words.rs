//! Word tokens: jieba for Chinese, stemmed words for English.
//!
//! This is the only file that touches jieba. Its dictionary is
//! `data/dictionary.txt`, compiled in: jieba's own dictionary cut to its most
//! frequent words, made by `examples/make_dictionary.rs` (the README's
//! "Dictionary" section has the sizes and what each cut costs in quality).
//! Words outside it are still found by jieba's HMM, from runs of single
//! characters. The dictionary is built once per process, on first use or by
//! [`warm_up`]; that costs tens of milliseconds, so callers that can see idle
//! time ahead should call [`warm_up`] then.
//!
//! Only content words come out: punctuation, numbers, stop words and single
//! Chinese characters are dropped, because every consumer (similarity,
//! keywords) wants the words that say what a sentence is about.

use std::borrow::Cow;
use std::ops::Range;
use std::sync::LazyLock;

use jieba_rs::Jieba;
use rust_stemmers::{Algorithm, Stemmer};

use super::chars::{is_han, is_letter, is_main_han_block};
use crate::schema::Lang;

/// `freq word word ...` lines, `#` comment lines; see `examples/make_dictionary.rs`.
static DICTIONARY: &str = include_str!("../../data/dictionary.txt");

static JIEBA: LazyLock<Jieba> = LazyLock::new(|| load(DICTIONARY));
/// The stop words as a set of [`stop_key`]s: tokens are checked against it
/// by the thousand, and a number is hashed and compared faster than a string.
static CHINESE_STOP_SET: LazyLock<rustc_hash::FxHashSet<u64>> =
    LazyLock::new(|| CHINESE_STOP_WORDS.iter().filter_map(|w| stop_key(w)).collect());
static STEMMER: LazyLock<Stemmer> = LazyLock::new(|| Stemmer::create(Algorithm::English));

/// Function words and reporting verbs that say nothing about a topic.
const CHINESE_STOP_WORDS: &[&str] = &[
    "我们", "他们", "她们", "你们", "自己", "这个", "那个", "一个", "这些", "那些", "以及", "并且", "而且", "但是",
    "因为", "所以", "如果", "虽然", "可以", "进行", "通过", "相关", "目前", "已经", "还是", "不是", "没有", "一些",
    "记者", "表示", "认为", "指出", "今年", "去年", "同时", "其中", "此外", "另外", "之一", "方面", "就是", "这样",
    "什么", "一是", "二是", "三是", "不仅", "更加", "为了", "以来", "对于", "关于", "据悉", "当前", "其他", "还有",
    "也是", "之后", "之前", "以上", "以下", "一定", "一直", "不断", "成为", "作为", "他说", "她说", "介绍", "了解",
];

/// A Chinese word of two characters of the Basic Multilingual Plane (three
/// bytes each, as every stop word is; a test checks it) as one number.
fn stop_key(word: &str) -> Option<u64> {
    let bytes: &[u8; 6] = word.as_bytes().try_into().ok()?;
    let mut key = [0; 8];
    key[..6].copy_from_slice(bytes);
    Some(u64::from_le_bytes(key))
}

/// The most frequent English function words, sorted (a test checks it), for
/// a binary search: every word of an English article is looked up.
const ENGLISH_STOP_WORDS: &[&str] = &[
    "a", "about", "after", "all", "also", "an", "and", "any", "are", "as", "at", "be", "been", "before", "being",
    "but", "by", "can", "could", "did", "do", "does", "for", "from", "had", "has", "have", "he", "her", "here", "him",
    "his", "how", "i", "if", "in", "into", "is", "it", "its", "just", "last", "more", "most", "mr", "mrs", "ms", "my",
    "new", "no", "not", "now", "of", "on", "one", "only", "or", "other", "our", "out", "over", "said", "says", "she",
    "should", "so", "some", "than", "that", "the", "their", "them", "then", "there", "these", "they", "this", "those",
    "through", "to", "two", "up", "us", "was", "we", "were", "what", "when", "where", "which", "while", "who", "will",
    "with", "would", "year", "years", "you", "your",
];

thread_local! {
    /// The stems of the words met so far. News repeats its words, within an
    /// article and across a batch, and stemming one (Snowball) cost about a
    /// quarter of the time of an English summary.
    static STEMS: std::cell::RefCell<rustc_hash::FxHashMap<String, String>> = Default::default();
}

/// Past this many stems the cache starts again, so a long batch or a huge
/// vocabulary cannot grow it without bound.
const MAX_CACHED_STEMS: usize = 50_000;

/// The Snowball stem of `lower`, a lower-cased English word.
fn stem(lower: &str) -> String {
    STEMS.with_borrow_mut(|stems| {
        if let Some(stem) = stems.get(lower) {
            return stem.clone();
        }
        let stem = STEMMER.stem(lower).into_owned();
        if stems.len() >= MAX_CACHED_STEMS {
            stems.clear();
        }
        stems.insert(lower.to_string(), stem.clone());
        stem
    })
}

/// One content word of a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token<'a> {
    /// The normalized form used for comparison: lower case, and stemmed in
    /// English. A Chinese word is its own term, borrowed from the text: there
    /// are thousands per article, and a copy of each was a tenth of the
    /// time spent on tokens.
    pub term: Cow<'a, str>,
    /// Byte range of the word as it appears in the text.
    pub range: Range<usize>,
}

/// Builds the jieba dictionary now rather than on the first Chinese text.
pub fn warm_up() {
    LazyLock::force(&JIEBA);
}

/// True when `word` is in the Chinese dictionary.
pub fn is_dictionary_word(word: &str) -> bool {
    JIEBA.has_word(word)
}

/// jieba over the compact dictionary. The text is compiled in and checked by
/// the tests, so a malformed line is a build mistake; it is skipped rather
/// than brought down on a reader.
fn load(dictionary: &str) -> Jieba {
    let mut jieba = Jieba::empty();
    for line in dictionary.lines().filter(|l| !l.starts_with('#')) {
        let mut fields = line.split(' ');
        let Some(Ok(freq)) = fields.next().map(str::parse::<usize>) else {
            debug_assert!(false, "dictionary line without a frequency: {line:?}");
            continue;
        };
        for word in fields.filter(|w| !w.is_empty()) {
            jieba.add_word(word, Some(freq), None);
        }
    }
    jieba
}

/// The number of words jieba cuts `text` into: jieba alone, with the same
/// dictionary, as the floor that benchmarks compare `summarize` against.
pub fn segment_count(text: &str) -> usize {
    JIEBA.cut(text, true).len()
}

/// The content words of `text[range]`, with absolute byte ranges.
pub fn tokens(text: &str, range: Range<usize>, lang: Lang) -> Vec<Token<'_>> {
    let piece = &text[range.clone()];
    let offset = range.start;
    match lang {
        Lang::Zh => chinese_tokens(piece, offset),
        Lang::En => english_tokens(piece, offset),
    }
}

fn chinese_tokens(piece: &str, offset: usize) -> Vec<Token<'_>> {
    JIEBA
        .cut(piece, true)
        .into_iter()
        .filter_map(|t| {
            // jieba counts the characters of each token as it cuts. A token of
            // one character (a single Chinese character, a mark, a digit) is
            // never a content word, and most tokens are one: they are dropped
            // without reading them.
            let chars = t.end - t.start;
            if chars < 2 {
                return None;
            }
            let word = t.word;
            let han = han_count(word);
            let keep = if han > 0 {
                han >= 2 && !stop_key(word).is_some_and(|key| CHINESE_STOP_SET.contains(&key))
            } else {
                word.chars().all(is_letter)
            };
            // Most of jieba's tokens are punctuation and numbers: the term is
            // built for the kept ones only. Chinese has no case: lower-casing
            // is for the Latin words among it.
            keep.then(|| {
                let term = if han == chars { Cow::Borrowed(word) } else { Cow::Owned(word.to_lowercase()) };
                Token { term, range: offset + t.byte_start..offset + t.byte_end }
            })
        })
        .collect()
}

/// How many characters of `word` are Chinese characters ([`is_han`]). The
/// main block (U+4E00–U+9FFF) and ASCII are told from their first bytes;
/// only other characters are decoded.
fn han_count(word: &str) -> usize {
    let bytes = word.as_bytes();
    let (mut han, mut i) = (0, 0);
    while i < bytes.len() {
        let lead = bytes[i];
        if lead < 0x80 {
            i += 1;
        } else if is_main_han_block(lead, bytes[i + 1]) {
            han += 1;
            i += 3;
        } else {
            let c = word[i..].chars().next().unwrap_or_default();
            han += usize::from(is_han(c));
            i += c.len_utf8();
        }
    }
    han
}

fn english_tokens(piece: &str, offset: usize) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let mut start = None;
    let bytes_end = piece.len();
    let push = |from: usize, to: usize, out: &mut Vec<Token>| {
        let word = piece[from..to].trim_end_matches(['\'', '’']);
        let lower = word.to_lowercase();
        let is_number = lower.chars().all(|c| c.is_ascii_digit());
        if lower.chars().count() >= 2 && !is_number && ENGLISH_STOP_WORDS.binary_search(&lower.as_str()).is_err() {
            let term = Cow::Owned(stem(&lower));
            out.push(Token { term, range: offset + from..offset + from + word.len() });
        }
    };
    for (i, c) in piece.char_indices() {
        let in_word = c.is_alphanumeric() || (start.is_some() && matches!(c, '\'' | '’'));
        match (in_word, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                push(s, i, &mut out);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        push(s, bytes_end, &mut out);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stem_from_the_cache_is_the_stemmer_s() {
        for word in ["running", "prices", "markets", "running", "prices", "generously", "the"] {
            assert_eq!(stem(word), STEMMER.stem(word), "{word}");
        }
        STEMS.with_borrow(|stems| assert!(stems.contains_key("running")));
    }

    #[test]
    fn english_stop_words_are_sorted_for_the_binary_search() {
        assert!(ENGLISH_STOP_WORDS.windows(2).all(|w| w[0] < w[1]), "sorted, each once");
        assert!(english_tokens("The market and its prices", 0).iter().all(|t| t.term != "the" && t.term != "and"));
    }

    fn terms(text: &str, lang: Lang) -> Vec<String> {
        tokens(text, 0..text.len(), lang).into_iter().map(|t| t.term.into_owned()).collect()
    }

    #[test]
    fn chinese_is_segmented_into_content_words() {
        let words = terms("重庆国际人才交流大会落下帷幕，我们引进了3944名人才。", Lang::Zh);
        assert!(words.contains(&"重庆".to_string()), "{words:?}");
        assert!(words.contains(&"人才".to_string()), "{words:?}");
        assert!(!words.iter().any(|w| w == "我们" || w == "了" || w.contains("3944")), "{words:?}");
    }

    #[test]
    fn english_words_are_stemmed_and_stop_words_dropped() {
        let words = terms("The councils approved budgets, and the council's vote passed in 2024.", Lang::En);
        assert_eq!(words, vec!["council", "approv", "budget", "council", "vote", "pass"]);
    }

    #[test]
    fn embedded_dictionary_is_well_formed_and_fully_loaded() {
        let mut words = std::collections::HashSet::new();
        for line in DICTIONARY.lines().filter(|l| !l.starts_with('#')) {
            let (freq, list) = line.split_once(' ').unwrap_or_else(|| panic!("no words on {line:?}"));
            assert!(freq.parse::<usize>().is_ok_and(|f| f > 0), "bad frequency on {line:?}");
            for word in list.split(' ') {
                assert!(!word.is_empty() && !word.contains(char::is_whitespace), "bad word on {line:?}");
                assert!(words.insert(word), "{word} is listed twice");
                assert!(is_dictionary_word(word), "{word} did not load");
            }
        }
        assert!(words.len() >= 10_000, "only {} words", words.len());
    }

    #[test]
    fn compact_lines_load_every_word_with_its_line_frequency() {
        let jieba = load("# a comment, not a word\n900 研究 生命\n800 研究生\n5 命起\n");
        assert!(["研究", "生命", "研究生", "命起"].iter().all(|w| jieba.has_word(w)));
        assert!(!jieba.has_word("#") && !jieba.has_word("comment"));
        // Each word carries its own line's frequency, which decides the cut.
        let cut =
            |jieba: &Jieba| jieba.cut("研究生命", false).into_iter().map(|t| t.word.to_string()).collect::<Vec<_>>();
        assert_eq!(cut(&jieba), ["研究", "生命"]);
        assert_eq!(cut(&load("9000 研究生\n10 研究 生命\n")), ["研究生", "命"]);
    }

    // jieba's full dictionary is a native dev-dependency (see Cargo.toml).
    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn stop_words_survive_the_pruning() {
        // A stop word that lost its entry would be cut into pieces or glued
        // to its neighbours by the HMM, and then slip past the filter.
        // (一是, 他说 and a few others are in neither dictionary: jieba cuts
        // them into single characters, which are dropped anyway.)
        let full = Jieba::new();
        for word in CHINESE_STOP_WORDS.iter().filter(|w| full.has_word(w)) {
            assert!(is_dictionary_word(word), "{word} is not in the dictionary");
        }
    }

    #[test]
    fn every_chinese_stop_word_is_two_characters_of_three_bytes() {
        for word in CHINESE_STOP_WORDS {
            assert!(word.chars().count() == 2 && stop_key(word).is_some(), "{word}");
        }
        assert_eq!(CHINESE_STOP_SET.len(), CHINESE_STOP_WORDS.len());
        assert!(terms("我们认为他们", Lang::Zh).is_empty());
    }

    #[test]
    fn han_counts_read_from_the_bytes_are_the_decoded_counts() {
        let samples = ["重庆", "AI芯片", "2024年", "，。", "𠀀字", "é字ü", "〇々", "abc", ""];
        for c in (0..=char::MAX as u32).filter_map(char::from_u32) {
            let word = format!("{c}字{c}");
            assert_eq!(han_count(&word), word.chars().filter(|&c| is_han(c)).count(), "{c:?}");
        }
        for word in samples {
            assert_eq!(han_count(word), word.chars().filter(|&c| is_han(c)).count(), "{word:?}");
        }
    }

    /// `chinese_tokens` as it read each token, char by char, without its shortcuts.
    fn plain_chinese_tokens(piece: &str) -> Vec<Token<'_>> {
        fn keep(word: &str) -> Option<Cow<'_, str>> {
            let (chars, han) = word.chars().fold((0, 0), |(n, h), c| (n + 1, h + usize::from(is_han(c))));
            let kept = if han > 0 {
                han >= 2 && !CHINESE_STOP_WORDS.contains(&word)
            } else {
                chars >= 2 && word.chars().all(is_letter)
            };
            kept.then(|| if han == chars { Cow::Borrowed(word) } else { Cow::Owned(word.to_lowercase()) })
        }
        let tokens = JIEBA.cut(piece, true).into_iter();
        tokens.filter_map(|t| keep(t.word).map(|term| Token { term, range: t.byte_start..t.byte_end })).collect()
    }

    #[test]
    fn chinese_tokens_are_the_plain_filter_s() {
        let text = "重庆国际人才交流大会落下帷幕，我们引进了3944名人才、AI芯片和R&D团队。\
                    Ｆｕｌｌ width, é𠀀字 〇々 ① x 3.5% 他们认为“ＡＩ”Café 記者表示";
        assert_eq!(chinese_tokens(text, 0), plain_chinese_tokens(text));
        let seed = include_str!("../../www/samples/000_1fb41a5b070bc01f.txt");
        assert_eq!(chinese_tokens(seed, 0), plain_chinese_tokens(seed));
    }

    #[test]
    fn jieba_counts_the_characters_of_each_token() {
        let text = "重庆国际人才交流大会落下帷幕，引进了3944名人才。AI芯片 é𠀀字\r\n“R&D”";
        for token in JIEBA.cut(text, true) {
            assert_eq!(token.end - token.start, token.word.chars().count(), "{:?}", token.word);
        }
    }

    #[test]
    fn dictionary_lookup_knows_common_words() {
        assert!(is_dictionary_word("前景") && is_dictionary_word("科学家"));
        assert!(!is_dictionary_word("化在"));
    }

    #[test]
    fn token_ranges_point_at_the_word() {
        let text = "前言。Revenue rose sharply.";
        let start = text.find('R').unwrap();
        let found = tokens(text, start..text.len(), Lang::En);
        assert_eq!(&text[found[0].range.clone()], "Revenue");
        let zh = tokens(text, 0..text.len(), Lang::Zh);
        assert!(zh.iter().all(|t| text.get(t.range.clone()).is_some()));
    }
}

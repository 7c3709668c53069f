//! Headline sentences: the ROUGE scorer used by `examples/eval_rouge.rs`
//! (checked against hand-computed cases), the sentence splitter's rules, and
//! the rules every pick obeys on the seed articles (no dangling connective
//! or pronoun, no fragment, no repeat, k sentences even from short posts).

#[allow(dead_code)]
#[path = "../examples/eval_rouge/rouge.rs"]
mod rouge;

// The splitter, compiled standalone (it is not public API); it reaches its
// character classes as `super::chars`.
#[allow(dead_code)]
#[path = "../src/text/chars.rs"]
mod chars;
#[allow(dead_code)]
#[path = "../src/text/sentences.rs"]
mod sentences;

use article_summarizer::{summarize, Options};
use rouge::Tokenizer;

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

#[test]
fn rouge_on_english_matches_hand_computation() {
    // unigrams: the, cat shared of 3 and 3 → P = R = F = 2/3;
    // bigrams: "the cat" shared of 2 and 2 → 1/2; LCS "the cat" → 2/3.
    let s = rouge::score(Tokenizer::English, "The cat sat.", "the cat ran");
    assert!(close(s.r1, 2.0 / 3.0) && close(s.r2, 0.5) && close(s.rl, 2.0 / 3.0), "{s:?}");
    // P = 1/4, R = 1/2 → F = 2·(1/8)/(3/4) = 1/3.
    let s = rouge::score(Tokenizer::English, "a b c d", "d e");
    assert!(close(s.r1, 1.0 / 3.0) && close(s.r2, 0.0) && close(s.rl, 1.0 / 3.0), "{s:?}");
    assert_eq!(rouge::score(Tokenizer::English, "", "x").r1, 0.0);
}

#[test]
fn rouge_english_tokens_follow_rouge_score() {
    // Lower case, non-alphanumerics split, Porter stems only for length > 3.
    assert_eq!(
        rouge::english_tokens("The U.S. councils' votes, 2024!"),
        vec!["the", "u", "s", "council", "vote", "2024"]
    );
    let stems = [
        ("caresses", "caress"),
        ("ponies", "poni"),
        ("ties", "tie"),
        ("cats", "cat"),
        ("agreed", "agre"),
        ("hopping", "hop"),
        ("filing", "file"),
        ("meetings", "meet"),
        ("happy", "happi"),
        ("relational", "relat"),
        ("conditional", "condit"),
        ("generalization", "gener"),
        ("dying", "die"),
        ("running", "run"),
    ];
    for (word, stem) in stems {
        assert_eq!(rouge::porter_stem(word), stem, "{word}");
    }
}

#[test]
fn rouge_on_chinese_is_character_level() {
    // 迈克生物定增 vs 迈克定增结果: 4 shared characters of 6 and 6 → 2/3;
    // bigrams 迈克, 定增 shared of 5 and 5 → 2/5; LCS 迈克定增 → 2/3.
    let s = rouge::score(Tokenizer::Chinese, "迈克生物定增", "迈克定增结果");
    assert!(close(s.r1, 2.0 / 3.0) && close(s.r2, 0.4) && close(s.rl, 2.0 / 3.0), "{s:?}");
    assert_eq!(rouge::chinese_tokens("涨15.74%至28.11元，AI"), vec!["涨", "15.74", "至", "28.11", "元", "ai"]);
}

fn split(s: &str) -> Vec<&str> {
    sentences::split(s, 0..s.len()).into_iter().map(|r| &s[r]).collect()
}

#[test]
fn a_closing_quote_after_a_terminator_ends_the_sentence_unless_it_goes_on() {
    // The rule: 。” ends the sentence, unless the sentence goes on: a comma
    // or colon, a lower-case word ("…" she said), or an attribution (a short
    // speaker and a verb of saying: 他说, 她回答, 李兰娟表示).
    assert_eq!(split("他说：「今天先这样。」然后离开。"), vec!["他说：「今天先这样。」", "然后离开。"]);
    assert_eq!(split("“这是对的。”他说。"), vec!["“这是对的。”他说。"]);
    assert_eq!(split("“这是对的。”，他说。"), vec!["“这是对的。”，他说。"]);
    assert_eq!(
        split("\"Is it done?\" she asked. \"Yes.\" Then silence."),
        vec!["\"Is it done?\" she asked.", "\"Yes.\"", "Then silence."]
    );
    assert_eq!(split("「今天先这样。」他说。"), vec!["「今天先这样。」他说。"]);
    assert_eq!(split("“好。”“走吧。”"), vec!["“好。”", "“走吧。”"]);
    assert_eq!(
        split("我们明天一起去看《摔跤吧！爸爸》好吗？好！"),
        vec!["我们明天一起去看《摔跤吧！爸爸》好吗？", "好！"]
    );
}

fn seeds() -> Vec<(String, String)> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("www/samples");
    let mut out: Vec<(String, String)> = std::fs::read_dir(&dir)
        .expect("www/samples")
        .filter_map(|e| e.ok())
        .filter(|e| e.path().extension().is_some_and(|x| x == "txt"))
        .map(|e| (e.file_name().to_string_lossy().into_owned(), std::fs::read_to_string(e.path()).unwrap()))
        .collect();
    out.sort();
    out
}

/// Openers that need the sentence before (a sample of the ranking's list).
const DEPENDENT: &[&str] = &[
    "因此", "但是", "然而", "此外", "另外", "他们", "她们", "同时", "其中", "该", "这", "He ", "She ", "They ",
    "This ", "However",
];

#[test]
fn picks_on_the_seeds_never_dangle_repeat_or_fragment() {
    for (name, text) in seeds() {
        for sentences in [None, Some(7), Some(15)] {
            let s = summarize(&text, &Options { sentences, ..Options::default() }).unwrap();
            let mut seen = std::collections::HashSet::new();
            for (k, x) in s.sentences.iter().enumerate() {
                assert!(seen.insert(x.text.as_str()), "{name}: chosen twice: {}", x.text);
                assert!(x.text.chars().count() >= 10, "{name}: a scrap: {}", x.text);
                assert!(!x.text.contains("记者") || !x.text.contains('摄'), "{name}: a photo credit: {}", x.text);
                if DEPENDENT.iter().any(|d| x.text.starts_with(d)) {
                    // The sentence just before it in the text must be chosen too.
                    let units: Vec<u16> = s.text.encode_utf16().collect();
                    let previous_chosen = k > 0
                        && String::from_utf16_lossy(&units[s.sentences[k - 1].end as usize..x.start as usize])
                            .trim()
                            .is_empty();
                    assert!(previous_chosen, "{name}: a dangling opener without the sentence before it: {}", x.text);
                }
            }
        }
    }
}

#[test]
fn a_connective_is_not_chosen_without_the_sentence_it_leans_on() {
    let text = "市政府今天召开新闻发布会，介绍今年城市更新的进展情况。因此，全市将在明年新增三十个口袋公园和十条绿道。";
    for k in [1, 2] {
        let s = summarize(text, &Options { sentences: Some(k), ..Options::default() }).unwrap();
        let first = s.sentences.first().expect("a sentence");
        assert!(first.text.starts_with("市政府"), "k = {k}: {:?}", s.sentences);
    }
    let english = "The city council met on Tuesday to debate the new budget for parks. However, the vote was delayed until next month by a procedural dispute.";
    let s = summarize(english, &Options { sentences: Some(1), ..Options::default() }).unwrap();
    assert!(s.sentences[0].text.starts_with("The city"), "{:?}", s.sentences);
}

#[test]
fn short_posts_without_a_full_stop_still_give_a_sentence() {
    // A Weibo post cut off mid-sentence, and a one-line flash.
    let post =
        "本文总结了十个可穿戴产品的设计原则，而这些原则同样也是笔者认为这个行业最吸引人的地方：为人们解决重复性问题";
    let s = summarize(post, &Options { sentences: Some(1), ..Options::default() }).unwrap();
    assert_eq!(s.sentences.len(), 1, "{s:?}");
    let flash = "迈克生物披露定增结果，募集资金总额为15.74亿元。";
    let s = summarize(flash, &Options { sentences: Some(2), ..Options::default() }).unwrap();
    assert_eq!(s.sentences.len(), 1);
}

#[test]
fn a_repeated_paragraph_counts_once() {
    let paragraph = "本次大会集中引进硕士、博士优秀人才3944名，签约落地人才项目260个。";
    let text = format!("{paragraph}\n\n会议期间还举办了二十多场专题活动，吸引了大批企业参加。\n\n{paragraph}");
    let s = summarize(&text, &Options { sentences: Some(3), ..Options::default() }).unwrap();
    assert_eq!(s.sentences.iter().filter(|x| x.text == paragraph).count(), 1, "{:?}", s.sentences);
}

#[test]
fn a_character_budget_bounds_the_summary() {
    for (name, text) in seeds() {
        let s = summarize(&text, &Options { max_chars: Some(120), ..Options::default() }).unwrap();
        let total: usize = s.sentences.iter().map(|x| x.text.chars().count()).sum();
        assert!(!s.sentences.is_empty(), "{name}");
        assert!(total <= 120 || s.sentences.len() == 1, "{name}: {total} chars");
        let both =
            summarize(&text, &Options { max_chars: Some(400), sentences: Some(2), ..Options::default() }).unwrap();
        assert!(both.sentences.len() <= 2, "{name}");
    }
    let zero = Options { max_chars: Some(0), ..Options::default() };
    assert!(summarize("大会今天闭幕。", &zero).is_err());
}

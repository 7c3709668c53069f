//! ROUGE-1, ROUGE-2 and ROUGE-L F1, computed the way the peers in
//! `../shared/eval/BASELINES.md` were scored.
//!
//! * English: Google's `rouge-score` tokenizer with Porter stemming: lower
//!   case, every run of characters outside `[a-z0-9]` becomes a space, and
//!   tokens longer than 3 characters are stemmed with NLTK's Porter stemmer
//!   (its default `NLTK_EXTENSIONS` mode). ROUGE-L is `rougeL` (one LCS over
//!   the whole text), not `rougeLsum`.
//! * Chinese: character level. Each Han character is a token, and so is
//!   each run of `[a-z0-9.]` after lower-casing ("15.74亿元" is "15.74",
//!   "亿", "元"); punctuation and other characters only separate. Of the
//!   variants tried, this one reproduces the Lead-k rows of BASELINES.md
//!   to within 0.02 on all three Chinese sets.
//!
//! Scores are F1 in 0..=1 (the tables print ×100). Shared with
//! `tests/headlines.rs`, which checks it against hand-computed cases.

use std::collections::HashMap;

/// F1 of one system summary against one reference.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Scores {
    pub r1: f64,
    pub r2: f64,
    pub rl: f64,
}

/// Which tokenizer a data set is scored with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tokenizer {
    /// rouge-score with Porter stemming.
    English,
    /// Han characters one by one, other runs split on white space.
    Chinese,
}

impl Tokenizer {
    pub fn tokens(self, text: &str) -> Vec<String> {
        match self {
            Tokenizer::English => english_tokens(text),
            Tokenizer::Chinese => chinese_tokens(text),
        }
    }
}

/// Scores `prediction` against `reference`.
pub fn score(tokenizer: Tokenizer, prediction: &str, reference: &str) -> Scores {
    let p = tokenizer.tokens(prediction);
    let r = tokenizer.tokens(reference);
    Scores { r1: ngram_f1(&p, &r, 1), r2: ngram_f1(&p, &r, 2), rl: lcs_f1(&p, &r) }
}

fn f1(overlap: f64, predicted: usize, referenced: usize) -> f64 {
    if predicted == 0 || referenced == 0 {
        return 0.0;
    }
    let precision = overlap / predicted as f64;
    let recall = overlap / referenced as f64;
    if precision + recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    }
}

/// N-gram F1 with clipped counts, as rouge-score's `_score_ngrams`.
pub fn ngram_f1(prediction: &[String], reference: &[String], n: usize) -> f64 {
    let (p, r) = (grams(prediction, n), grams(reference, n));
    let overlap: usize = p.iter().map(|(g, &c)| c.min(r.get(g).copied().unwrap_or(0))).sum();
    f1(overlap as f64, p.values().sum(), r.values().sum())
}

fn grams(tokens: &[String], n: usize) -> HashMap<&[String], usize> {
    let mut counts: HashMap<&[String], usize> = HashMap::new();
    for w in tokens.windows(n) {
        *counts.entry(w).or_default() += 1;
    }
    counts
}

/// Longest-common-subsequence F1 over the whole token sequences (`rougeL`).
pub fn lcs_f1(prediction: &[String], reference: &[String]) -> f64 {
    let mut row = vec![0usize; reference.len() + 1];
    for p in prediction {
        let mut diagonal = 0;
        for (j, r) in reference.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = if p == r { diagonal + 1 } else { above.max(row[j]) };
            diagonal = above;
        }
    }
    f1(row[reference.len()] as f64, prediction.len(), reference.len())
}

fn is_han(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{F900}'..='\u{FAFF}' | '\u{20000}'..='\u{2FA1F}')
}

/// Han characters one per token; other tokens are runs of `[a-z0-9.]` after
/// lower-casing, everything else separates.
pub fn chinese_tokens(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut run = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_lowercase() || c.is_ascii_digit() || c == '.' {
            run.push(c);
            continue;
        }
        if !run.is_empty() {
            out.push(std::mem::take(&mut run));
        }
        if is_han(c) {
            out.push(c.to_string());
        }
    }
    if !run.is_empty() {
        out.push(run);
    }
    out
}

/// rouge-score's tokenizer with `use_stemmer=True`.
pub fn english_tokens(text: &str) -> Vec<String> {
    let lower = text.to_lowercase();
    lower
        .split(|c: char| !(c.is_ascii_lowercase() || c.is_ascii_digit()))
        .filter(|t| !t.is_empty())
        .map(|t| if t.len() > 3 { porter_stem(t) } else { t.to_string() })
        .collect()
}

/// NLTK's Porter stemmer in its default `NLTK_EXTENSIONS` mode, for lower-case ASCII words.
pub fn porter_stem(word: &str) -> String {
    const POOL: &[(&str, &str)] = &[
        ("skies", "sky"),
        ("sky", "sky"),
        ("dying", "die"),
        ("lying", "lie"),
        ("tying", "tie"),
        ("news", "news"),
        ("innings", "inning"),
        ("inning", "inning"),
        ("outings", "outing"),
        ("outing", "outing"),
        ("cannings", "canning"),
        ("canning", "canning"),
        ("howe", "howe"),
        ("proceed", "proceed"),
        ("exceed", "exceed"),
        ("succeed", "succeed"),
    ];
    if let Some(&(_, s)) = POOL.iter().find(|(w, _)| *w == word) {
        return s.to_string();
    }
    if word.len() <= 2 || !word.is_ascii() {
        return word.to_string();
    }
    let w = word.as_bytes().to_vec();
    let w = step1a(w);
    let w = step1b(w);
    let w = step1c(w);
    let w = step2(w);
    let w = step3(w);
    let w = step4(w);
    let w = step5a(w);
    let w = step5b(w);
    String::from_utf8(w).expect("ASCII in, ASCII out")
}

type Word = Vec<u8>;

fn is_consonant(w: &[u8], i: usize) -> bool {
    match w[i] {
        b'a' | b'e' | b'i' | b'o' | b'u' => false,
        b'y' => i == 0 || !is_consonant(w, i - 1),
        _ => true,
    }
}

/// Porter's m: the number of vowel-consonant sequences.
fn measure(stem: &[u8]) -> usize {
    let cv: Vec<bool> = (0..stem.len()).map(|i| is_consonant(stem, i)).collect();
    cv.windows(2).filter(|p| !p[0] && p[1]).count()
}

fn contains_vowel(stem: &[u8]) -> bool {
    (0..stem.len()).any(|i| !is_consonant(stem, i))
}

fn ends_double_consonant(w: &[u8]) -> bool {
    w.len() >= 2 && w[w.len() - 1] == w[w.len() - 2] && is_consonant(w, w.len() - 1)
}

fn ends_cvc(w: &[u8]) -> bool {
    let n = w.len();
    (n >= 3
        && is_consonant(w, n - 3)
        && !is_consonant(w, n - 2)
        && is_consonant(w, n - 1)
        && !matches!(w[n - 1], b'w' | b'x' | b'y'))
        || (n == 2 && !is_consonant(w, 0) && is_consonant(w, 1))
}

fn positive(stem: &[u8]) -> bool {
    measure(stem) > 0
}

fn above_one(stem: &[u8]) -> bool {
    measure(stem) > 1
}

type Condition<'a> = &'a dyn Fn(&[u8]) -> bool;

/// NLTK's `_apply_rule_list`: the first rule whose suffix matches decides;
/// if its condition fails, no later rule is tried.
fn apply_rules(w: Word, rules: &[(&str, &str, Option<Condition>)]) -> Word {
    for (suffix, replacement, condition) in rules {
        if w.ends_with(suffix.as_bytes()) {
            let stem = &w[..w.len() - suffix.len()];
            if condition.is_none_or(|c| c(stem)) {
                let mut out = stem.to_vec();
                out.extend_from_slice(replacement.as_bytes());
                return out;
            }
            return w;
        }
    }
    w
}

fn replace_suffix(w: &[u8], suffix: &str, replacement: &str) -> Word {
    let mut out = w[..w.len() - suffix.len()].to_vec();
    out.extend_from_slice(replacement.as_bytes());
    out
}

fn step1a(w: Word) -> Word {
    if w.ends_with(b"ies") && w.len() == 4 {
        return replace_suffix(&w, "ies", "ie");
    }
    apply_rules(w, &[("sses", "ss", None), ("ies", "i", None), ("ss", "ss", None), ("s", "", None)])
}

fn step1b(w: Word) -> Word {
    if w.ends_with(b"ied") {
        return if w.len() == 4 { replace_suffix(&w, "ied", "ie") } else { replace_suffix(&w, "ied", "i") };
    }
    if w.ends_with(b"eed") {
        let stem = &w[..w.len() - 3];
        return if measure(stem) > 0 { replace_suffix(&w, "eed", "ee") } else { w };
    }
    let mut intermediate = None;
    for suffix in ["ed", "ing"] {
        if w.ends_with(suffix.as_bytes()) {
            let stem = &w[..w.len() - suffix.len()];
            if contains_vowel(stem) {
                intermediate = Some(stem.to_vec());
                break;
            }
        }
    }
    let Some(stem) = intermediate else { return w };
    if stem.ends_with(b"at") || stem.ends_with(b"bl") || stem.ends_with(b"iz") {
        let mut out = stem;
        out.push(b'e');
        return out;
    }
    if ends_double_consonant(&stem) {
        let last = stem[stem.len() - 1];
        return if matches!(last, b'l' | b's' | b'z') { stem } else { stem[..stem.len() - 1].to_vec() };
    }
    if measure(&stem) == 1 && ends_cvc(&stem) {
        let mut out = stem;
        out.push(b'e');
        return out;
    }
    stem
}

fn step1c(w: Word) -> Word {
    if w.ends_with(b"y") {
        let stem = &w[..w.len() - 1];
        if stem.len() > 1 && is_consonant(stem, stem.len() - 1) {
            return replace_suffix(&w, "y", "i");
        }
    }
    w
}

fn step2(w: Word) -> Word {
    if w.ends_with(b"alli") && positive(&w[..w.len() - 4]) {
        return step2(replace_suffix(&w, "alli", "al"));
    }
    let whole = w.clone();
    let logi = move |_: &[u8]| positive(&whole[..whole.len() - 3]);
    let p: Condition = &positive;
    apply_rules(
        w,
        &[
            ("ational", "ate", Some(p)),
            ("tional", "tion", Some(p)),
            ("enci", "ence", Some(p)),
            ("anci", "ance", Some(p)),
            ("izer", "ize", Some(p)),
            ("bli", "ble", Some(p)),
            ("entli", "ent", Some(p)),
            ("eli", "e", Some(p)),
            ("ousli", "ous", Some(p)),
            ("ization", "ize", Some(p)),
            ("ation", "ate", Some(p)),
            ("ator", "ate", Some(p)),
            ("alism", "al", Some(p)),
            ("iveness", "ive", Some(p)),
            ("fulness", "ful", Some(p)),
            ("ousness", "ous", Some(p)),
            ("aliti", "al", Some(p)),
            ("iviti", "ive", Some(p)),
            ("biliti", "ble", Some(p)),
            ("fulli", "ful", Some(p)),
            ("logi", "log", Some(&logi)),
        ],
    )
}

fn step3(w: Word) -> Word {
    let p: Condition = &positive;
    apply_rules(
        w,
        &[
            ("icate", "ic", Some(p)),
            ("ative", "", Some(p)),
            ("alize", "al", Some(p)),
            ("iciti", "ic", Some(p)),
            ("ical", "ic", Some(p)),
            ("ful", "", Some(p)),
            ("ness", "", Some(p)),
        ],
    )
}

fn step4(w: Word) -> Word {
    let g: Condition = &above_one;
    let ion = |stem: &[u8]| above_one(stem) && matches!(stem.last(), Some(b's' | b't'));
    apply_rules(
        w,
        &[
            ("al", "", Some(g)),
            ("ance", "", Some(g)),
            ("ence", "", Some(g)),
            ("er", "", Some(g)),
            ("ic", "", Some(g)),
            ("able", "", Some(g)),
            ("ible", "", Some(g)),
            ("ant", "", Some(g)),
            ("ement", "", Some(g)),
            ("ment", "", Some(g)),
            ("ent", "", Some(g)),
            ("ion", "", Some(&ion)),
            ("ou", "", Some(g)),
            ("ism", "", Some(g)),
            ("ate", "", Some(g)),
            ("iti", "", Some(g)),
            ("ous", "", Some(g)),
            ("ive", "", Some(g)),
            ("ize", "", Some(g)),
        ],
    )
}

fn step5a(w: Word) -> Word {
    if w.ends_with(b"e") {
        let stem = &w[..w.len() - 1];
        let m = measure(stem);
        if m > 1 || (m == 1 && !ends_cvc(stem)) {
            return stem.to_vec();
        }
    }
    w
}

fn step5b(w: Word) -> Word {
    if w.ends_with(b"ll") && measure(&w[..w.len() - 1]) > 1 {
        return w[..w.len() - 1].to_vec();
    }
    w
}

/// The first `k` sentences of `text`, split the way the peers split their
/// candidates (after 。！？； and !?; and at line breaks) and also after a
/// period before white space: a plain Lead-k to check the scorer against
/// BASELINES.md.
pub fn lead(text: &str, k: usize) -> String {
    let mut sentences = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for (i, &(at, c)) in chars.iter().enumerate() {
        let next = chars.get(i + 1).map(|&(_, c)| c);
        let ends = matches!(c, '。' | '！' | '？' | '；' | '!' | '?' | ';' | '\n')
            || (c == '.' && next.is_none_or(char::is_whitespace));
        if ends {
            let end = at + c.len_utf8();
            let piece = text[start..end].trim();
            if !piece.is_empty() {
                sentences.push(piece);
            }
            start = end;
        }
    }
    let rest = text[start..].trim();
    if !rest.is_empty() {
        sentences.push(rest);
    }
    sentences.into_iter().take(k).collect::<Vec<_>>().join("\n")
}

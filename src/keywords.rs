//! Keywords: the words that say what the article is about.
//!
//! A word scores by how often it occurs, weighted by the headline score of
//! each sentence it occurs in, with a bonus for longer words (which carry
//! more meaning in Chinese) and for words in the title. There is no corpus
//! IDF, so words common to all news rank by frequency like any other; the
//! stop-word lists in `text::words` keep the worst of them out.

use std::cmp::Ordering;
use std::collections::BinaryHeap;

use rustc_hash::FxHashMap;

use crate::text::words::Token;

/// Bonus multiplier for a word that also appears in the title.
const TITLE_BONUS: f64 = 1.5;
/// Every occurrence counts at least this much, even in a low-scored sentence.
const BASE_OCCURRENCE_WEIGHT: f64 = 0.5;

/// The `limit` best keywords of `text`, best first, with scores in 0..=1.
///
/// `sentences` pairs each sentence's tokens with its headline weight (0..=1).
// Kept out of line so that profiles show it apart from the pipeline (a
// call per document, no measurable cost).
#[inline(never)]
pub fn extract(text: &str, sentences: &[(&[Token], f64)], title: &[Token], limit: usize) -> Vec<(String, f64)> {
    // Sized for every token distinct, so the table never grows midway.
    let tokens = sentences.iter().map(|(tokens, _)| tokens.len()).sum();
    let mut entries: FxHashMap<&str, Entry> = FxHashMap::with_capacity_and_hasher(tokens, Default::default());
    for (tokens, weight) in sentences {
        for token in tokens.iter() {
            let surface = &text[token.range.clone()];
            let entry = entries.entry(token.term.as_ref()).or_insert(Entry {
                score: 0.0,
                first: token.range.start,
                surface: (surface, 0),
                other_surfaces: Vec::new(),
                in_title: false,
            });
            entry.score += BASE_OCCURRENCE_WEIGHT + weight;
            if entry.surface.0 == surface {
                entry.surface.1 += 1;
            } else {
                match entry.other_surfaces.iter_mut().find(|(s, _)| *s == surface) {
                    Some((_, count)) => *count += 1,
                    None => entry.other_surfaces.push((surface, 1)),
                }
            }
        }
    }
    // A title has a handful of words: each marks its entry, rather than
    // every entry looking itself up among them.
    for token in title {
        if let Some(entry) = entries.get_mut(token.term.as_ref()) {
            entry.in_title = true;
        }
    }
    // The best `limit` so far, the worst of them on top, where each further
    // word needs one comparison to be let in or passed over.
    let mut best: BinaryHeap<Ranked> = BinaryHeap::with_capacity(limit.min(entries.len()));
    for (term, entry) in &entries {
        let length_bonus = (1.0 + term.chars().count() as f64).ln();
        let title_bonus = if entry.in_title { TITLE_BONUS } else { 1.0 };
        let word = Ranked { score: entry.score * length_bonus * title_bonus, term, entry };
        if best.len() < limit {
            best.push(word);
        } else if let Some(mut worst) = best.peek_mut() {
            if word < *worst {
                *worst = word;
            }
        }
    }
    let best = best.into_sorted_vec();
    let top = best.first().map_or(1.0, |word| word.score);
    best.into_iter().map(|word| (word.surface().to_string(), word.score / top)).collect()
}

/// What is known of one word (one term) of the text.
struct Entry<'a> {
    score: f64,
    /// Where the word first occurs.
    first: usize,
    /// The way the word was first written, with its count.
    surface: (&'a str, usize),
    /// Any other ways it is written, with their counts: nearly always none,
    /// so the entry allocates nothing.
    other_surfaces: Vec<(&'a str, usize)>,
    in_title: bool,
}

/// A scored word, ordered best first: by score, then by first position.
/// Every word has its own first position, so the order is total and the
/// best `limit` are the same whichever order the words come in.
struct Ranked<'a, 'e> {
    score: f64,
    term: &'e str,
    entry: &'e Entry<'a>,
}

impl Ranked<'_, '_> {
    /// The way the word is most often written; ties go to the
    /// earliest-sorted, for determinism.
    fn surface(&self) -> &str {
        std::iter::once(&self.entry.surface)
            .chain(&self.entry.other_surfaces)
            .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(a.0)))
            .map_or(self.term, |(s, _)| *s)
    }
}

impl Ord for Ranked<'_, '_> {
    fn cmp(&self, other: &Self) -> Ordering {
        other.score.total_cmp(&self.score).then(self.entry.first.cmp(&other.entry.first))
    }
}

impl PartialOrd for Ranked<'_, '_> {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl PartialEq for Ranked<'_, '_> {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Ranked<'_, '_> {}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::Lang;
    use crate::text::words::tokens;

    #[test]
    fn frequent_title_words_lead() {
        let text = "人才大会闭幕。大会引进人才三千名。人才项目签约落地。天气晴朗。";
        let sentences: Vec<Vec<Token>> = text
            .split_inclusive('。')
            .scan(0, |pos, s| {
                let r = *pos..*pos + s.len();
                *pos += s.len();
                Some(tokens(text, r, Lang::Zh))
            })
            .collect();
        let weighted: Vec<(&[Token], f64)> = sentences.iter().map(|t| (t.as_slice(), 0.5)).collect();
        let title = tokens("人才大会", 0..12, Lang::Zh);
        let keywords = extract(text, &weighted, &title, 3);
        assert_eq!(keywords[0].0, "人才", "{keywords:?}");
        assert_eq!(keywords[0].1, 1.0);
        assert_eq!(keywords[1].0, "大会", "{keywords:?}");
    }

    /// The heap keeps the best `limit` words: the first `limit` of the
    /// words all sorted, ties in score and surface forms included.
    #[test]
    fn best_few_are_the_first_of_all_sorted() {
        const WORDS: &[&str] =
            &["人才", "大会", "项目", "签约", "Apple", "apple", "APPLE", "markets", "market", "城市"];
        const WEIGHTS: [f64; 3] = [0.0, 0.5, 1.0];
        let mut random = crate::testing::pseudo_random(2024);
        for _ in 0..50 {
            let mut text = String::new();
            let mut ranges = Vec::new();
            for _ in 0..1 + random() % 8 {
                let start = text.len();
                for _ in 0..1 + random() % 6 {
                    text.push_str(WORDS[random() as usize % WORDS.len()]);
                    text.push(' ');
                }
                ranges.push((start..text.len(), WEIGHTS[random() as usize % WEIGHTS.len()]));
            }
            let sentences: Vec<(Vec<Token>, f64)> = ranges
                .into_iter()
                .map(|(range, weight)| {
                    let lang = if random() % 2 == 0 { Lang::Zh } else { Lang::En };
                    (tokens(&text, range, lang), weight)
                })
                .collect();
            let weighted: Vec<(&[Token], f64)> = sentences.iter().map(|(t, w)| (t.as_slice(), *w)).collect();
            let title = tokens(&text, 0..text.find(' ').unwrap_or(0), Lang::Zh);
            let all = extract(&text, &weighted, &title, usize::MAX);
            for limit in 0..=all.len() + 1 {
                assert_eq!(extract(&text, &weighted, &title, limit), all[..limit.min(all.len())], "{text}");
            }
        }
    }
}

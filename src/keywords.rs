//! Keywords: the words that say what the article is about.
//!
//! A word scores by how often it occurs, weighted by the headline score of
//! each sentence it occurs in, with a bonus for longer words (which carry
//! more meaning in Chinese) and for words in the title. There is no corpus
//! IDF, so words common to all news rank by frequency like any other; the
//! stop-word lists in `text::words` keep the worst of them out.

use rustc_hash::{FxHashMap, FxHashSet};

use crate::text::words::Token;

/// Bonus multiplier for a word that also appears in the title.
const TITLE_BONUS: f64 = 1.5;
/// Every occurrence counts at least this much, even in a low-scored sentence.
const BASE_OCCURRENCE_WEIGHT: f64 = 0.5;

/// The `limit` best keywords of `text`, best first, with scores in 0..=1.
///
/// `sentences` pairs each sentence's tokens with its headline weight (0..=1).
pub fn extract(text: &str, sentences: &[(&[Token], f64)], title: &[Token], limit: usize) -> Vec<(String, f64)> {
    struct Entry<'a> {
        score: f64,
        first: usize,
        /// The way the word was first written, with its count.
        surface: (&'a str, usize),
        /// Any other ways it is written, with their counts: nearly always none,
        /// so the entry allocates nothing.
        other_surfaces: Vec<(&'a str, usize)>,
    }
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
    let in_title: FxHashSet<&str> = title.iter().map(|t| t.term.as_ref()).collect();
    let mut ranked: Vec<(&str, f64, usize)> = entries
        .into_iter()
        .map(|(term, entry)| {
            let length_bonus = (1.0 + term.chars().count() as f64).ln();
            let title_bonus = if in_title.contains(term) { TITLE_BONUS } else { 1.0 };
            // Ties between surface forms go to the earliest-sorted, for determinism.
            let surface = std::iter::once(&entry.surface)
                .chain(&entry.other_surfaces)
                .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(a.0)))
                .map_or(term, |(s, _)| *s);
            (surface, entry.score * length_bonus * title_bonus, entry.first)
        })
        .collect();
    // Every word has its own first position, so this order is total and the
    // best `limit` can be picked out before only they are sorted.
    let best_first = |a: &(&str, f64, usize), b: &(&str, f64, usize)| b.1.total_cmp(&a.1).then(a.2.cmp(&b.2));
    if ranked.len() > limit && limit > 0 {
        ranked.select_nth_unstable_by(limit - 1, best_first);
    }
    ranked.truncate(limit);
    ranked.sort_by(best_first);
    let top = ranked.first().map_or(1.0, |k| k.1);
    ranked.into_iter().map(|(word, score, _)| (word.to_string(), score / top)).collect()
}

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
}

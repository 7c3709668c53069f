//! Scoring and choosing headline sentences.

use std::collections::HashMap;

/// Sentences compared on each side of a sentence when building the graph.
/// Articles up to twice this long get the full TextRank graph.
pub const WINDOW: usize = 40;

/// BM25 term-frequency saturation.
const BM25_K1: f64 = 1.2;
/// BM25 length normalization.
const BM25_B: f64 = 0.75;
/// PageRank damping factor, as in the TextRank paper.
const DAMPING: f64 = 0.85;
/// PageRank stops after this many rounds, or once scores move less than `CONVERGED`.
const MAX_ITERATIONS: usize = 50;
const CONVERGED: f64 = 1e-7;

/// Weight of graph centrality in a sentence's score.
const CENTRALITY_WEIGHT: f64 = 0.45;
/// Weight of the position prior: news puts what matters first.
const POSITION_WEIGHT: f64 = 0.35;
/// Weight of similarity to the title.
const TITLE_WEIGHT: f64 = 0.20;
/// The position prior halves after this many sentences.
const POSITION_HALF_LIFE: f64 = 4.0;
/// MMR trade-off between a sentence's score and its novelty.
const MMR_LAMBDA: f64 = 0.7;
/// A candidate this similar to one already chosen is a near-copy and is skipped.
const NEAR_DUPLICATE: f64 = 0.75;

/// One body sentence, as ranking sees it.
#[derive(Debug, Clone)]
pub struct SentenceInput<'a> {
    /// Its content terms (normalized words), in order.
    pub terms: Vec<&'a str>,
    /// Whether it may be chosen (see [`super::is_candidate`]).
    pub candidate: bool,
    /// Its text, to catch exact repeats.
    pub text: &'a str,
}

/// What ranking decided.
#[derive(Debug, Clone, PartialEq)]
pub struct Ranking {
    /// Each sentence's score, 0..=1, in input order.
    pub scores: Vec<f64>,
    /// Indices of the chosen sentences, in document order.
    pub chosen: Vec<usize>,
}

/// A sentence as a sparse bag of interned terms.
struct Bag {
    /// (term id, count), sorted by term id.
    counts: Vec<(u32, u32)>,
    len: f64,
}

/// Scores `sentences` and chooses up to `count` of them.
pub fn rank<'a>(sentences: &[SentenceInput<'a>], title_terms: &[&'a str], count: usize) -> Ranking {
    let n = sentences.len();
    if n == 0 {
        return Ranking { scores: Vec::new(), chosen: Vec::new() };
    }
    let mut ids: HashMap<&'a str, u32> = HashMap::new();
    let mut bag_of = |terms: &[&'a str]| {
        let mut counts: HashMap<u32, u32> = HashMap::new();
        for term in terms {
            let next = ids.len() as u32;
            *counts.entry(*ids.entry(term).or_insert(next)).or_default() += 1;
        }
        let mut counts: Vec<(u32, u32)> = counts.into_iter().collect();
        counts.sort_unstable();
        Bag { len: terms.len() as f64, counts }
    };
    let bags: Vec<Bag> = sentences.iter().map(|s| bag_of(&s.terms)).collect();
    let title = bag_of(title_terms);

    let idf = inverse_document_frequency(&bags, ids.len());
    let centrality = normalized(&textrank(&bags, &idf));
    let title_similarity: Vec<f64> = bags.iter().map(|b| cosine(b, &title, &idf)).collect();
    let scores: Vec<f64> = (0..n)
        .map(|i| {
            let position = 0.5f64.powf(i as f64 / POSITION_HALF_LIFE);
            CENTRALITY_WEIGHT * centrality[i] + POSITION_WEIGHT * position + TITLE_WEIGHT * title_similarity[i]
        })
        .collect();
    let scores = normalized(&scores);
    let chosen = choose_diverse(sentences, &bags, &idf, &scores, count);
    Ranking { scores, chosen }
}

fn inverse_document_frequency(bags: &[Bag], terms: usize) -> Vec<f64> {
    let mut df = vec![0u32; terms];
    for bag in bags {
        for &(t, _) in &bag.counts {
            df[t as usize] += 1;
        }
    }
    let n = bags.len() as f64;
    // The "+1" form of BM25's IDF stays positive for terms in most sentences.
    df.into_iter().map(|d| (1.0 + (n - d as f64 + 0.5) / (d as f64 + 0.5)).ln()).collect()
}

/// TextRank: PageRank over a graph whose edges are BM25 similarities between
/// sentences at most [`WINDOW`] apart.
fn textrank(bags: &[Bag], idf: &[f64]) -> Vec<f64> {
    let n = bags.len();
    let avg_len = (bags.iter().map(|b| b.len).sum::<f64>() / n as f64).max(1.0);
    let mut edges: Vec<Vec<(usize, f64)>> = vec![Vec::new(); n];
    for i in 0..n {
        for j in i + 1..n.min(i + 1 + WINDOW) {
            let w = (bm25(&bags[i], &bags[j], idf, avg_len) + bm25(&bags[j], &bags[i], idf, avg_len)) / 2.0;
            if w > 0.0 {
                edges[i].push((j, w));
                edges[j].push((i, w));
            }
        }
    }
    let out_weight: Vec<f64> = edges.iter().map(|e| e.iter().map(|&(_, w)| w).sum()).collect();
    let mut score = vec![1.0 / n as f64; n];
    for _ in 0..MAX_ITERATIONS {
        let next: Vec<f64> = (0..n)
            .map(|i| {
                let inflow: f64 = edges[i].iter().map(|&(j, w)| w / out_weight[j] * score[j]).sum();
                (1.0 - DAMPING) / n as f64 + DAMPING * inflow
            })
            .collect();
        let moved: f64 = next.iter().zip(&score).map(|(a, b)| (a - b).abs()).sum();
        score = next;
        if moved < CONVERGED {
            break;
        }
    }
    score
}

/// BM25 score of `doc` for the terms of `query`.
fn bm25(query: &Bag, doc: &Bag, idf: &[f64], avg_len: f64) -> f64 {
    let norm = BM25_K1 * (1.0 - BM25_B + BM25_B * doc.len / avg_len);
    shared_terms(query, doc)
        .map(|(t, _, tf)| {
            let tf = tf as f64;
            idf[t as usize] * tf * (BM25_K1 + 1.0) / (tf + norm)
        })
        .sum()
}

/// Cosine similarity of two bags under IDF weights.
fn cosine(a: &Bag, b: &Bag, idf: &[f64]) -> f64 {
    let weight = |t: u32, c: u32| idf.get(t as usize).copied().unwrap_or(0.0) * c as f64;
    let dot: f64 = shared_terms(a, b).map(|(t, ca, cb)| weight(t, ca) * weight(t, cb)).sum();
    let norm = |bag: &Bag| bag.counts.iter().map(|&(t, c)| weight(t, c).powi(2)).sum::<f64>().sqrt();
    let denominator = norm(a) * norm(b);
    if denominator > 0.0 {
        dot / denominator
    } else {
        0.0
    }
}

/// The terms two bags share, with each bag's count, by a merge of sorted lists.
fn shared_terms<'a>(a: &'a Bag, b: &'a Bag) -> impl Iterator<Item = (u32, u32, u32)> + 'a {
    let (mut i, mut j) = (0, 0);
    std::iter::from_fn(move || {
        while i < a.counts.len() && j < b.counts.len() {
            let ((ta, ca), (tb, cb)) = (a.counts[i], b.counts[j]);
            match ta.cmp(&tb) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    i += 1;
                    j += 1;
                    return Some((ta, ca, cb));
                }
            }
        }
        None
    })
}

/// Greedy maximal-marginal-relevance choice among candidates, returned in
/// document order. Exact repeats and near-copies of a chosen sentence are skipped.
fn choose_diverse(sentences: &[SentenceInput], bags: &[Bag], idf: &[f64], scores: &[f64], count: usize) -> Vec<usize> {
    let mut seen = std::collections::HashSet::new();
    let mut pool: Vec<usize> =
        (0..sentences.len()).filter(|&i| sentences[i].candidate && seen.insert(sentences[i].text)).collect();
    let mut chosen: Vec<usize> = Vec::with_capacity(count);
    while chosen.len() < count && !pool.is_empty() {
        let mut best: Option<(usize, f64)> = None;
        for (slot, &i) in pool.iter().enumerate() {
            let redundancy = chosen.iter().map(|&c| cosine(&bags[i], &bags[c], idf)).fold(0.0, f64::max);
            if redundancy >= NEAR_DUPLICATE {
                continue;
            }
            let value = MMR_LAMBDA * scores[i] - (1.0 - MMR_LAMBDA) * redundancy;
            if best.is_none_or(|(_, v)| value > v) {
                best = Some((slot, value));
            }
        }
        let Some((slot, _)) = best else { break };
        chosen.push(pool.swap_remove(slot));
    }
    chosen.sort_unstable();
    chosen
}

/// Scales scores so the largest is 1 (all zeros stay zeros).
fn normalized(values: &[f64]) -> Vec<f64> {
    let max = values.iter().copied().fold(0.0, f64::max);
    if max > 0.0 {
        values.iter().map(|v| v / max).collect()
    } else {
        values.to_vec()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input<'a>(terms: &'a [&'a str], text: &'a str) -> SentenceInput<'a> {
        SentenceInput { terms: terms.to_vec(), candidate: true, text }
    }

    #[test]
    fn a_repeated_sentence_is_chosen_once() {
        let a = ["talent", "conference", "chongqing"];
        let b = ["talent", "projects", "signed"];
        let c = ["weather", "rain"];
        let sentences = [input(&a, "A."), input(&b, "B."), input(&a, "A."), input(&c, "C.")];
        let ranking = rank(&sentences, &[], 3);
        assert_eq!(ranking.chosen.iter().filter(|&&i| i == 0 || i == 2).count(), 1, "{ranking:?}");
    }

    #[test]
    fn chosen_sentences_come_back_in_document_order() {
        let t: Vec<[&str; 2]> =
            (0..10).map(|i| ["shared", ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"][i]]).collect();
        let texts: Vec<String> = (0..10).map(|i| format!("s{i}")).collect();
        let sentences: Vec<_> = (0..10).map(|i| input(&t[i], &texts[i])).collect();
        let ranking = rank(&sentences, &["e"], 4);
        assert_eq!(ranking.chosen.len(), 4);
        assert!(ranking.chosen.windows(2).all(|w| w[0] < w[1]), "{ranking:?}");
    }

    #[test]
    fn the_title_pulls_its_sentence_up() {
        let filler = ["market", "prices"];
        let topic = ["flood", "river"];
        let sentences: Vec<_> =
            (0..8).map(|i| if i == 6 { input(&topic, "T.") } else { input(&filler, "F.") }).collect();
        let with_title = rank(&sentences, &["flood", "river"], 8);
        let without = rank(&sentences, &[], 8);
        assert!(with_title.scores[6] > without.scores[6]);
    }

    #[test]
    fn non_candidates_are_never_chosen() {
        let terms = ["same", "words"];
        let mut sentences: Vec<_> = (0..5).map(|_| input(&terms, "x")).collect();
        let texts = ["a", "b", "c", "d", "e"];
        for (s, t) in sentences.iter_mut().zip(texts) {
            s.text = t;
            s.candidate = false;
        }
        assert!(rank(&sentences, &[], 3).chosen.is_empty());
    }
}

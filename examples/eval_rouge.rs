//! Headline-sentence quality: ROUGE-1/2/L F1 on every summarization dev set
//! in `../shared/eval`, beside the peers' scores in `BASELINES.md`.
//!
//! usage: cargo run --release --example eval_rouge [-- SET...]
//!
//! For each `## NAME/dev.jsonl (..., k = K)` section of BASELINES.md it
//! summarizes every `{"id","text","summary"}` line through the public API
//! (`summarize` with `sentences: Some(K)`), joins the chosen sentences, and
//! scores them against the reference the same way the peers were scored
//! (see `eval_rouge/rouge.rs`): character level when the table's columns are
//! `R1c`, rouge-score with Porter stemming otherwise. Scores are macro
//! averages over documents, ×100. The peers' rows are read from
//! BASELINES.md at run time, never copied. Also printed: Lead-K recomputed
//! here, splitting as the peers did (`rouge::lead`), a check on the scorer:
//! it should land on the Lead-K row (it does to within 0.02 for the Chinese
//! sets; CNN/DM's peers split English with a splitter not reproduced here).
//!
//! Skips with a notice (exit 0) when `../shared` is absent.
//!
//! With `EVAL_ROUGE_DUMP=DIR` set, also writes `DIR/SET.jsonl`: for each
//! document its id, our sentences, Lead-K and both R1 scores, for study.

#[path = "eval_rouge/rouge.rs"]
mod rouge;

use std::path::{Path, PathBuf};
use std::time::Instant;

use article_summarizer::{summarize, Options};
use rouge::{Scores, Tokenizer};

/// One section of BASELINES.md.
struct Section {
    set: String,
    k: usize,
    tokenizer: Tokenizer,
    /// The table as written: header, rule and peer rows.
    peers: Vec<Vec<String>>,
}

fn main() {
    let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared");
    let baselines = shared.join("eval/BASELINES.md");
    let Ok(markdown) = std::fs::read_to_string(&baselines) else {
        println!("eval_rouge: {} is absent, so there is nothing to measure against (skipped)", baselines.display());
        return;
    };
    let only: Vec<String> = std::env::args().skip(1).collect();
    article_summarizer::warm_up();
    let mut all_above = true;
    for section in parse_baselines(&markdown) {
        if !only.is_empty() && !only.contains(&section.set) {
            continue;
        }
        let path = shared.join("eval").join(&section.set).join("dev.jsonl");
        all_above &= evaluate(&section, &path);
    }
    println!("\nabove the best peer on R1 and R2 in every set: {}", if all_above { "yes" } else { "NO" });
}

fn parse_baselines(markdown: &str) -> Vec<Section> {
    let mut sections: Vec<Section> = Vec::new();
    for line in markdown.lines() {
        if let Some(head) = line.strip_prefix("## ") {
            let set = head.split('/').next().unwrap_or("").trim().to_string();
            let k = head.rsplit_once("k = ").and_then(|(_, rest)| rest.trim_end_matches(')').trim().parse().ok());
            match k {
                Some(k) => sections.push(Section { set, k, tokenizer: Tokenizer::English, peers: Vec::new() }),
                None => eprintln!("eval_rouge: no `k = N` in BASELINES.md heading {head:?}; section skipped"),
            }
        } else if line.starts_with('|') {
            let Some(section) = sections.last_mut() else { continue };
            let cells: Vec<String> =
                line.trim().trim_matches('|').split('|').map(|c| c.trim().replace("**", "")).collect();
            if cells.iter().any(|c| c == "R1c") {
                section.tokenizer = Tokenizer::Chinese;
            }
            section.peers.push(cells);
        }
    }
    sections
}

/// The best peer's R1 and R2 (columns 1 and 2 of the data rows).
fn best_peer(section: &Section) -> (f64, f64) {
    let rows = section.peers.iter().skip(2);
    let column = |i: usize| rows.clone().filter_map(|r| r.get(i)?.parse::<f64>().ok()).fold(0.0, f64::max);
    (column(1), column(2))
}

fn evaluate(section: &Section, path: &PathBuf) -> bool {
    let Ok(data) = std::fs::read_to_string(path) else {
        println!("\n{}: {} is absent (skipped)", section.set, path.display());
        return true;
    };
    let options = Options { sentences: Some(section.k), ..Options::default() };
    let (mut ours, mut lead) = (Vec::new(), Vec::new());
    let mut elapsed = 0.0;
    let mut failures = 0;
    let mut dump = std::env::var_os("EVAL_ROUGE_DUMP").map(|dir| {
        let _ = std::fs::create_dir_all(&dir);
        std::fs::File::create(Path::new(&dir).join(format!("{}.jsonl", section.set))).expect("a dump file")
    });
    for line in data.lines().filter(|l| !l.trim().is_empty()) {
        let row: serde_json::Value = serde_json::from_str(line).expect("a JSON line");
        let (text, reference) = (row["text"].as_str().unwrap_or(""), row["summary"].as_str().unwrap_or(""));
        let start = Instant::now();
        let result = summarize(text, &options);
        elapsed += start.elapsed().as_secs_f64();
        let system = match result {
            Ok(summary) => summary.sentences.iter().map(|s| s.text.as_str()).collect::<Vec<_>>().join("\n"),
            Err(_) => {
                failures += 1;
                String::new()
            }
        };
        let lead_text = rouge::lead(text, section.k);
        ours.push(rouge::score(section.tokenizer, &system, reference));
        lead.push(rouge::score(section.tokenizer, &lead_text, reference));
        if let Some(file) = dump.as_mut() {
            use std::io::Write;
            let (o, l) = (ours.last().copied().unwrap_or_default(), lead.last().copied().unwrap_or_default());
            let record = serde_json::json!({
                "id": row["id"], "ours": system, "lead": lead_text,
                "ours_r1": o.r1, "ours_r2": o.r2, "lead_r1": l.r1, "lead_r2": l.r2,
            });
            writeln!(file, "{record}").expect("a dump line");
        }
    }
    let n = ours.len().max(1);
    let mean = |scores: &[Scores]| {
        let sum =
            scores.iter().fold(Scores::default(), |a, s| Scores { r1: a.r1 + s.r1, r2: a.r2 + s.r2, rl: a.rl + s.rl });
        Scores { r1: 100.0 * sum.r1 / n as f64, r2: 100.0 * sum.r2 / n as f64, rl: 100.0 * sum.rl / n as f64 }
    };
    let (ours, lead) = (mean(&ours), mean(&lead));
    println!("\n## {} ({} docs, k = {})", section.set, n, section.k);
    for row in &section.peers {
        println!("| {} |", row.join(" | "));
    }
    let ms = 1e3 * elapsed / n as f64;
    println!("| **article-summarizer** | **{:.2}** | **{:.2}** | **{:.2}** | {ms:.2} |", ours.r1, ours.r2, ours.rl);
    println!(
        "| (check: Lead-{} with our splitter) | {:.2} | {:.2} | {:.2} | 0 |",
        section.k, lead.r1, lead.r2, lead.rl
    );
    if failures > 0 {
        println!("{failures} documents gave no summary (scored 0)");
    }
    let (best_r1, best_r2) = best_peer(section);
    let above = ours.r1 > best_r1 && ours.r2 > best_r2;
    println!(
        "R1 {:+.2}, R2 {:+.2} against the best peer ({best_r1:.2} / {best_r2:.2}): {}",
        ours.r1 - best_r1,
        ours.r2 - best_r2,
        if above { "above" } else { "BELOW" }
    );
    above
}

//! The study behind the embedded dictionary's size: for each cut (keep the
//! N most frequent words), its size, how long jieba takes to build from it,
//! and how often it segments like jieba's full dictionary.
//!
//! usage: cargo run --release --example dictionary_cuts [-- N...]
//!
//! Agreement is the share of the full dictionary's tokens (HMM on, as
//! `src/text/words.rs` cuts) that the cut dictionary also produces, same
//! start and end, over the seeds and the texts of the Chinese dev sets in
//! `../shared`. Sizes are of the compact form `make_dictionary` writes;
//! brotli sizes need the `brotli` command. ROUGE is not here: regenerate the
//! data file with the cut and run `eval_rouge`.

#[path = "make_dictionary/source.rs"]
mod source;
#[path = "support/timing.rs"]
mod timing;

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Instant;

use jieba_rs::Jieba;
use timing::median_ms;

fn main() {
    let cuts: Vec<usize> = std::env::args().skip(1).map(|a| a.parse().expect("N is a number")).collect();
    let cuts = if cuts.is_empty() { vec![50_000, 100_000, 150_000, 200_000] } else { cuts };
    let path = source::find_source().unwrap_or_else(|e| panic!("{e}"));
    let full =
        source::parse_source(&std::fs::read_to_string(&path).expect("readable dict.txt")).expect("dict.txt parses");
    let texts = texts();
    if texts.is_empty() {
        println!("dictionary_cuts: ../shared is absent, so there is no text to compare on (sizes only)");
    }
    let text_bytes: usize = texts.iter().map(String::len).sum();
    println!("{} texts, {} KB; full dictionary {} words\n", texts.len(), text_bytes / 1024, full.len());

    let t = Instant::now();
    let reference = Jieba::new();
    println!("jieba-rs `Jieba::new()` (embedded zstd dictionary, tags): {:.1} ms", t.elapsed().as_secs_f64() * 1e3);
    let reference_tokens: Vec<Vec<(usize, usize)>> = texts.iter().map(|t| spans(&reference, t)).collect();
    let total_tokens: usize = reference_tokens.iter().map(Vec::len).sum();

    println!("| words | min freq | raw KB | brotli KB | build ms (compact, median of 5) | build ms (`load_dict`, word freq) | token agreement |");
    println!("| --- | --- | --- | --- | --- | --- | --- |");
    for &n in cuts.iter().chain([full.len()].iter()) {
        let kept = source::most_frequent(&full, n);
        let compact = source::compact(&kept, "");
        let plain: String = kept.iter().map(|e| format!("{} {}\n", e.word, e.freq)).collect();
        let compact_ms = median_ms(5, || drop(build_compact(&compact)));
        let plain_ms = median_ms(5, || drop(Jieba::with_dict(&mut plain.as_bytes()).unwrap()));
        let jieba = build_compact(&compact);
        let agreeing: usize = texts
            .iter()
            .zip(&reference_tokens)
            .map(|(text, want)| {
                let got = spans(&jieba, text);
                let mut got_iter = got.iter().peekable();
                // Both lists are sorted by start; count exact matches.
                want.iter()
                    .filter(|w| {
                        while got_iter.peek().is_some_and(|g| g.0 < w.0) {
                            got_iter.next();
                        }
                        got_iter.peek() == Some(w)
                    })
                    .count()
            })
            .sum();
        println!(
            "| {} | {} | {} | {} | {:.1} | {:.1} | {:.2}% |",
            kept.len(),
            kept.last().map_or(0, |e| e.freq),
            compact.len() / 1024,
            brotli_kb(&compact).map_or("?".into(), |k| k.to_string()),
            compact_ms,
            plain_ms,
            100.0 * agreeing as f64 / total_tokens.max(1) as f64
        );
    }
}

/// Mirrors the parser in `src/text/words.rs`.
fn build_compact(text: &str) -> Jieba {
    let mut jieba = Jieba::empty();
    for line in text.lines().filter(|l| !l.starts_with('#')) {
        let mut fields = line.split(' ');
        let freq: usize = fields.next().and_then(|f| f.parse().ok()).expect("a frequency");
        for word in fields {
            jieba.add_word(word, Some(freq), None);
        }
    }
    jieba
}

fn spans(jieba: &Jieba, text: &str) -> Vec<(usize, usize)> {
    jieba.cut(text, true).into_iter().map(|t| (t.byte_start, t.byte_end)).collect()
}

fn brotli_kb(text: &str) -> Option<usize> {
    let mut child =
        Command::new("brotli").args(["-c", "-q", "11"]).stdin(Stdio::piped()).stdout(Stdio::piped()).spawn().ok()?;
    child.stdin.take()?.write_all(text.as_bytes()).ok()?;
    Some(child.wait_with_output().ok()?.stdout.len() / 1024)
}

/// The seeds and the Chinese dev sets' texts.
fn texts() -> Vec<String> {
    let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared");
    let mut out = Vec::new();
    if let Ok(dir) = std::fs::read_dir(shared.join("seeds")) {
        let mut paths: Vec<_> =
            dir.flatten().map(|e| e.path()).filter(|p| p.extension().is_some_and(|x| x == "txt")).collect();
        paths.sort();
        out.extend(paths.iter().filter_map(|p| std::fs::read_to_string(p).ok()));
    }
    for set in ["cfbench_summary_zh", "finna_zh", "lcsts_part3_zh"] {
        let Ok(jsonl) = std::fs::read_to_string(shared.join("eval").join(set).join("dev.jsonl")) else { continue };
        for line in jsonl.lines() {
            let row: serde_json::Value = serde_json::from_str(line).expect("a JSON line");
            if let Some(text) = row["text"].as_str() {
                out.push(text.to_string());
            }
        }
    }
    out
}

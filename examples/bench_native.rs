//! Native timings for `./build.sh bench` (tools/bench/run.mjs reads them).
//!
//! usage:
//!   bench_native warm FILE [RUNS]    first `summarize`, then warm `summarize` and
//!                                    jieba alone on the cleaned text, interleaved
//!   bench_native scale FILE...       one `summarize` per file, after `warm_up`
//!   bench_native docs K FILE.jsonl   every line's `text` with K sentences, after a
//!                                    warm-up pass: total and per-document time
//!   bench_native repeat summarize|jieba FILE RUNS
//!                                    one `summarize` (the warm-up), then RUNS calls of
//!                                    one of the two alone; for counting instructions
//!                                    under valgrind, where the difference between two
//!                                    RUNS is the cost of the calls between them
//!
//! Each prints one JSON object on stdout, times in milliseconds. It measures in
//! one process on whatever cores the OS gives it; the caller pins it if it wants.
//! Medians are over RUNS (default 31); the warm and jieba calls alternate, so that
//! both see the same machine load.

use std::hint::black_box;
use std::process::ExitCode;
use std::time::Instant;

use article_summarizer::{segment_for_bench, summarize, warm_up, Options};

const USAGE: &str =
    "usage: bench_native warm FILE [RUNS] | scale FILE... | docs K FILE.jsonl | repeat summarize|jieba FILE RUNS";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("warm") if (2..=3).contains(&args.len()) => warm(&args[1], args.get(2).map(String::as_str)),
        Some("scale") if args.len() >= 2 => scale(&args[1..]),
        Some("docs") if args.len() == 3 => docs(&args[1], &args[2]),
        Some("repeat") if args.len() == 4 => repeat(&args[1], &args[2], &args[3]),
        _ => Err(USAGE.to_string()),
    };
    match result {
        Ok(json) => {
            println!("{json}");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("bench_native: {message}");
            ExitCode::from(2)
        }
    }
}

fn millis(start: Instant) -> f64 {
    start.elapsed().as_secs_f64() * 1e3
}

fn median(mut times: Vec<f64>) -> f64 {
    times.sort_by(f64::total_cmp);
    times[times.len() / 2]
}

fn read_text(path: &str) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))
}

fn positive(name: &str, value: &str) -> Result<usize, String> {
    value.parse().ok().filter(|&n| n > 0).ok_or(format!("{name} must be a positive number, not {value}"))
}

fn warm(path: &str, runs: Option<&str>) -> Result<String, String> {
    let runs = runs.map_or(Ok(31), |r| positive("RUNS", r))?;
    let text = read_text(path)?;
    let options = Options::default();

    let start = Instant::now();
    let summary = summarize(&text, &options).map_err(|e| format!("{path}: {e}"))?;
    let first_ms = millis(start);
    let cleaned = summary.text;

    let mut summarize_ms = Vec::with_capacity(runs);
    let mut jieba_ms = Vec::with_capacity(runs);
    for _ in 0..runs {
        let start = Instant::now();
        black_box(summarize(black_box(&text), &options).map_err(|e| e.to_string())?);
        summarize_ms.push(millis(start));
        let start = Instant::now();
        black_box(segment_for_bench(black_box(&cleaned)));
        jieba_ms.push(millis(start));
    }
    Ok(format!(
        r#"{{"runs":{runs},"firstMs":{first_ms},"warmMs":{},"jiebaMs":{}}}"#,
        median(summarize_ms),
        median(jieba_ms)
    ))
}

fn scale(paths: &[String]) -> Result<String, String> {
    warm_up();
    let options = Options::default();
    let mut rows = Vec::new();
    for path in paths {
        let text = read_text(path)?;
        let start = Instant::now();
        black_box(summarize(&text, &options).map_err(|e| format!("{path}: {e}"))?);
        rows.push(format!(r#"{{"bytes":{},"ms":{}}}"#, text.len(), millis(start)));
    }
    Ok(format!("[{}]", rows.join(",")))
}

fn repeat(which: &str, path: &str, runs: &str) -> Result<String, String> {
    let runs = positive("RUNS", runs)?;
    let text = read_text(path)?;
    let options = Options::default();
    let cleaned = summarize(&text, &options).map_err(|e| format!("{path}: {e}"))?.text;
    for _ in 0..runs {
        match which {
            "summarize" => drop(black_box(summarize(black_box(&text), &options))),
            "jieba" => drop(black_box(segment_for_bench(black_box(&cleaned)))),
            _ => return Err(format!("repeat takes summarize or jieba, not {which}")),
        }
    }
    Ok(format!(r#"{{"runs":{runs}}}"#))
}

fn docs(k: &str, path: &str) -> Result<String, String> {
    let k = positive("K", k)?;
    let file = read_text(path)?;
    let mut texts = Vec::new();
    for (n, line) in file.lines().enumerate().filter(|(_, line)| !line.trim().is_empty()) {
        let value: serde_json::Value = serde_json::from_str(line).map_err(|e| format!("{path} line {}: {e}", n + 1))?;
        let text = value["text"].as_str().ok_or(format!("{path} line {}: no \"text\" string", n + 1))?;
        texts.push(text.to_string());
    }
    let options = Options { sentences: Some(k), ..Options::default() };
    // The peers' times are taken after a warm-up; so are these. A document
    // with nothing to summarize counts as done: it is timed all the same.
    for text in &texts {
        let _ = black_box(summarize(text, &options));
    }
    let start = Instant::now();
    for text in &texts {
        let _ = black_box(summarize(black_box(text), &options));
    }
    let total_ms = millis(start);
    Ok(format!(
        r#"{{"docs":{},"totalMs":{total_ms},"msPerDoc":{}}}"#,
        texts.len(),
        total_ms / texts.len().max(1) as f64
    ))
}

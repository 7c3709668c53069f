//! Native timing of `summarize`, for `./build.sh bench`.
//!
//! usage: cargo run --release --example bench_native -- FILE [RUNS]
//! Prints one Markdown table row per measure; the medians are over RUNS warm
//! calls (default 31) after one cold call that also builds the dictionary.

use std::time::Instant;

use article_summarizer::{summarize, Options};

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("usage: bench_native FILE [RUNS]");
    let runs: usize = args.next().map_or(31, |r| r.parse().expect("RUNS is a number"));
    let text = std::fs::read_to_string(&path).expect("readable UTF-8 file");
    let options = Options::default();

    let cold = Instant::now();
    summarize(&text, &options).expect("the file summarizes");
    let cold_ms = cold.elapsed().as_secs_f64() * 1e3;

    let mut warm: Vec<f64> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(summarize(std::hint::black_box(&text), &options).unwrap());
            t.elapsed().as_secs_f64() * 1e3
        })
        .collect();
    warm.sort_by(f64::total_cmp);

    // Side by side: jieba alone on the same cleaned text, the floor for Chinese.
    let cleaned = summarize(&text, &options).unwrap().text;
    let mut segmentation: Vec<f64> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(article_summarizer::segment_for_bench(std::hint::black_box(&cleaned)));
            t.elapsed().as_secs_f64() * 1e3
        })
        .collect();
    segmentation.sort_by(f64::total_cmp);
    println!("| native: first `summarize` (dictionary build included) | {cold_ms:.1} ms |");
    println!("| native: warm `summarize`, median of {runs} | {:.2} ms |", warm[runs / 2]);
    println!("| native: jieba `cut` of the cleaned text alone, median of {runs} | {:.2} ms |", segmentation[runs / 2]);
}

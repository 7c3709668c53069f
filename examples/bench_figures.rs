//! Native timing of the figure stage beside warm `summarize`, for profiling.
//!
//! usage: cargo run --release --example bench_figures -- FILE [RUNS] [--figures-only]
//! Prints the medians over RUNS calls (default 201) of the figure stage alone
//! (one `figures::find` on the cleaned text, with no sentence weights) and
//! of warm `summarize`, with jieba alone beside them, and how many articles
//! the page has (the pipeline ranks figures once per article).
//! `--figures-only` times the figure stage alone, for `perf record`.
//!
//! The engine module is compiled into this example from its source (the
//! crate keeps it private), as in `examples/eval_figures.rs`.

use article_summarizer::{summarize, Options};

#[path = "support/timing.rs"]
mod timing;
use timing::median_ms;

/// The crate's schema types, under the path the engine's source expects.
mod schema {
    pub use article_summarizer::{Direction, FigureKind, Lang};
}

#[allow(dead_code)]
#[path = "../src/text/chars.rs"]
mod chars;

/// The character classes, under the path the engine's source expects.
mod text {
    pub(crate) use super::chars;
}

#[allow(dead_code, unused_imports)]
#[path = "../src/figures/mod.rs"]
mod figures;

/// Key figures asked for, as the summarizer's default.
const KEY_FIGURES: usize = 8;

fn main() {
    let figures_only = std::env::args().any(|a| a == "--figures-only");
    let mut args = std::env::args().skip(1).filter(|a| a != "--figures-only");
    let path = args.next().expect("usage: bench_figures FILE [RUNS] [--figures-only]");
    let runs: usize = args.next().map_or(201, |r| r.parse().expect("RUNS is a number"));
    let text = std::fs::read_to_string(&path).expect("readable UTF-8 file");
    let options = Options::default();
    let summary = summarize(&text, &options).expect("the file summarizes");
    let cleaned = summary.text.clone();
    let lang = summary.lang;

    let figures_ms = median_ms(runs, || {
        std::hint::black_box(figures::find(std::hint::black_box(&cleaned), &[], lang, KEY_FIGURES));
    });
    println!("figures::find, median of {runs}: {figures_ms:.3} ms ({} articles)", summary.articles.len());
    if figures_only {
        return;
    }
    let summarize_ms = median_ms(runs, || {
        std::hint::black_box(summarize(std::hint::black_box(&text), &options).unwrap());
    });
    let jieba_ms = median_ms(runs, || {
        std::hint::black_box(article_summarizer::segment_for_bench(std::hint::black_box(&cleaned)));
    });
    println!("warm summarize, median of {runs}: {summarize_ms:.3} ms");
    println!("jieba alone, median of {runs}: {jieba_ms:.3} ms");
}

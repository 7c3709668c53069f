//! How `summarize`'s time and memory grow on adversarial inputs, for
//! `./build.sh bench`: one endless line, numbers without end, tiny
//! sentences, one paragraph repeated. Each input is timed at three sizes,
//! each twice the last; a linear cost shows as a ratio near 2 per doubling.
//! The heap's peak during one call at the largest size is given per byte of
//! input, since a page's memory is what a large file can exhaust.
//!
//! usage: cargo run --release --example bench_adversarial

use article_summarizer::{summarize, Options};

#[path = "support/timing.rs"]
mod timing;
use timing::median_ms;

#[path = "support/peak_heap.rs"]
mod peak_heap;

#[global_allocator]
static HEAP: peak_heap::Counting = peak_heap::Counting;

/// Median wall time of `summarize(text)` over three runs, in ms.
fn time_ms(text: &str) -> f64 {
    median_ms(3, || drop(std::hint::black_box(summarize(text, &Options::default()))))
}

/// The sample pages one after another, `n` times: a page of 20 stories per copy.
fn seeds_repeated(n: usize) -> String {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/www/samples");
    let mut files: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    files.retain(|p| p.extension().is_some_and(|e| e == "txt"));
    files.sort();
    let once: String = files.iter().map(|p| std::fs::read_to_string(p).unwrap() + "\n\n").collect();
    once.repeat(n)
}

/// A named input that grows with `n`, and the first `n` to time it at.
type Input = (&'static str, fn(usize) -> String, usize);

fn main() {
    article_summarizer::warm_up();
    let inputs: [Input; 6] = [
        ("one endless Chinese line (n × 18 chars)", |n| "重庆国际人才交流大会集中引进优秀人才".repeat(n), 12_500),
        ("one endless English line (n words)", |n| "word ".repeat(n), 125_000),
        ("numbers with units (n)", |n| (0..n).map(|i| format!("{i}名，")).collect(), 250_000),
        ("tiny sentences 好。(n)", |n| "好。".repeat(n), 25_000),
        (
            "one paragraph repeated (n)",
            |n| {
                vec![
                    "本次大会集中引进硕士、博士优秀人才3944名，签约落地人才项目260个。";
                    n
                ]
                .join("\n\n")
            },
            2_500,
        ),
        ("the five seeds, n times: many stories on one page", seeds_repeated, 4),
    ];
    println!(
        "| adversarial input | n | time at n | at 2n | at 4n | ratio per doubling | heap peak at 4n | per input byte |"
    );
    println!("|---|---|---|---|---|---|---|---|");
    for (name, make, n) in inputs {
        let times: Vec<f64> = [n, 2 * n, 4 * n].iter().map(|&size| time_ms(&make(size))).collect();
        let ratio = (times[2] / times[0]).sqrt();
        let largest = make(4 * n);
        let peak = peak_heap::peak_during(|| drop(std::hint::black_box(summarize(&largest, &Options::default()))));
        println!(
            "| {name} | {n} | {:.0} ms | {:.0} ms | {:.0} ms | {ratio:.2} | {:.1} MB | {:.0} B |",
            times[0],
            times[1],
            times[2],
            peak as f64 / (1024.0 * 1024.0),
            peak as f64 / largest.len() as f64
        );
    }
}

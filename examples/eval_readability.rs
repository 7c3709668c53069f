//! Measures the HTML reader's article extraction against Readability's test pages.
//!
//! `cargo run --release --example eval_readability [-- --show PAGE]` reads every
//! page folder in `../shared/peers/readability` (`source.html`, `expected.html`),
//! extracts our article from `source.html`, and compares its text with the text
//! of `expected.html` (read with the same parser, block by block):
//!
//! * word-level F1 for pages in Latin script (lower-cased runs of letters and
//!   digits), character-level F1 for Chinese and Japanese pages (every
//!   non-space character), the script chosen by the share of Han and kana
//!   characters;
//! * our title line (`# Title`) is left out, because Readability's expected
//!   content holds the article body only (its title is metadata).
//!
//! Prints the number of pages, mean precision, recall and F1, and the ten
//! worst pages. `--show PAGE` prints our Markdown and the expected text for one page. Without
//! `../shared` it prints a notice and exits 0.
//!
//! The reader's source is compiled into this example, so what is measured is
//! exactly the extraction the summarizer uses.

use std::collections::HashMap;
use std::fs;
use std::path::Path;

// The reader compiled in on its own: this program needs `extract` and
// `page_text`, not the charset prescan the input stage uses.
#[path = "../src/input/html.rs"]
#[allow(dead_code)]
mod html;

#[allow(dead_code)]
#[path = "../src/text/chars.rs"]
mod chars;

/// The character classes, under the path the reader's source expects.
mod text {
    pub(crate) use super::chars;
}

/// Pages listed at the end of the table.
const WORST_SHOWN: usize = 10;

/// Share of Han and kana characters above which a page is compared by characters.
const CJK_SHARE: f64 = 0.3;

struct Score {
    page: String,
    cjk: bool,
    precision: f64,
    recall: f64,
    f1: f64,
}

fn main() {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/peers/readability");
    if !folder.is_dir() {
        println!("eval_readability: {} not found; skipping (nothing measured).", folder.display());
        return;
    }
    let args: Vec<String> = std::env::args().skip(1).collect();
    let show = args.iter().position(|a| a == "--show").and_then(|i| args.get(i + 1));

    let mut pages: Vec<_> = fs::read_dir(&folder)
        .expect("the readability folder is readable")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.join("source.html").is_file() && p.join("expected.html").is_file())
        .collect();
    pages.sort();

    let mut scores = Vec::new();
    for page in &pages {
        let name = page.file_name().unwrap_or_default().to_string_lossy().into_owned();
        let source = read_page(&page.join("source.html"));
        let expected = read_page(&page.join("expected.html"));
        let ours = html::extract(&source);
        if show == Some(&name) {
            println!("{}", ours.markdown);
            println!("\n=== expected ===\n{}", html::page_text(&expected));
            return;
        }
        let ours_text = body_text(&ours.markdown);
        let expected_text = html::page_text(&expected);
        let cjk = cjk_share(&expected_text) > CJK_SHARE;
        let (ours_units, expected_units) = if cjk {
            (characters(&ours_text), characters(&expected_text))
        } else {
            (words(&ours_text), words(&expected_text))
        };
        let (precision, recall, f1) = overlap(&ours_units, &expected_units);
        scores.push(Score { page: name, cjk, precision, recall, f1 });
    }
    if scores.is_empty() {
        println!("eval_readability: no pages in {}.", folder.display());
        return;
    }

    let count = scores.len() as f64;
    let mean = |f: fn(&Score) -> f64| scores.iter().map(f).sum::<f64>() / count;
    println!("HTML article extraction vs Readability test pages ({})", folder.display());
    println!("{:<24} {:>5} {:>9} {:>9} {:>9}", "", "pages", "precision", "recall", "F1");
    println!(
        "{:<24} {:>5} {:>9.3} {:>9.3} {:>9.3}",
        "all",
        scores.len(),
        mean(|s| s.precision),
        mean(|s| s.recall),
        mean(|s| s.f1)
    );
    for (label, cjk) in [("words (Latin script)", false), ("characters (CJK)", true)] {
        let group: Vec<&Score> = scores.iter().filter(|s| s.cjk == cjk).collect();
        if group.is_empty() {
            continue;
        }
        let n = group.len() as f64;
        println!(
            "{:<24} {:>5} {:>9.3} {:>9.3} {:>9.3}",
            label,
            group.len(),
            group.iter().map(|s| s.precision).sum::<f64>() / n,
            group.iter().map(|s| s.recall).sum::<f64>() / n,
            group.iter().map(|s| s.f1).sum::<f64>() / n
        );
    }
    scores.sort_by(|a, b| a.f1.total_cmp(&b.f1));
    println!("\nworst pages:");
    for s in scores.iter().take(WORST_SHOWN) {
        println!(
            "{:<24} {:>5} {:>9.3} {:>9.3} {:>9.3}",
            s.page,
            if s.cjk { "cjk" } else { "latin" },
            s.precision,
            s.recall,
            s.f1
        );
    }
}

/// Reads a page as UTF-8, replacing invalid bytes (the test pages are UTF-8).
fn read_page(path: &Path) -> String {
    String::from_utf8_lossy(&fs::read(path).unwrap_or_default()).into_owned()
}

/// Our Markdown without the title line and without Markdown markers
/// (heading hashes, list dashes, bold stars).
fn body_text(markdown: &str) -> String {
    let mut lines = markdown.lines().peekable();
    if lines.peek().is_some_and(|l| l.starts_with("# ")) {
        lines.next();
    }
    lines
        .map(|line| {
            let line = line.trim_start_matches('#').trim_start();
            line.strip_prefix("- ").unwrap_or(line).replace("**", "")
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{30FF}' | '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}')
}

fn cjk_share(text: &str) -> f64 {
    let letters = text.chars().filter(|c| c.is_alphanumeric()).count();
    if letters == 0 {
        return 0.0;
    }
    text.chars().filter(|&c| is_cjk(c)).count() as f64 / letters as f64
}

fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect()
}

fn characters(text: &str) -> Vec<String> {
    text.chars().filter(|c| !c.is_whitespace()).map(String::from).collect()
}

/// Precision, recall and F1 of two bags of units (counted with multiplicity).
fn overlap(ours: &[String], expected: &[String]) -> (f64, f64, f64) {
    if ours.is_empty() && expected.is_empty() {
        return (1.0, 1.0, 1.0);
    }
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for unit in expected {
        *counts.entry(unit).or_default() += 1;
    }
    let mut common = 0;
    for unit in ours {
        if let Some(n) = counts.get_mut(unit.as_str()) {
            if *n > 0 {
                *n -= 1;
                common += 1;
            }
        }
    }
    let precision = if ours.is_empty() { 0.0 } else { common as f64 / ours.len() as f64 };
    let recall = if expected.is_empty() { 0.0 } else { common as f64 / expected.len() as f64 };
    let f1 = if precision + recall == 0.0 { 0.0 } else { 2.0 * precision * recall / (precision + recall) };
    (precision, recall, f1)
}

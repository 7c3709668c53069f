//! jieba's dictionary as the generator and the study read it, and the
//! compact form the crate embeds (see `src/text/words.rs`, which parses it).
//!
//! The source is `src/data/dict.txt` in the jieba-rs crate that Cargo has
//! already downloaded: one `word freq tag` line per word. The compact form
//! drops the part-of-speech tags (nothing here reads them), keeps the most
//! frequent words, and groups words by frequency, one line per frequency:
//! `freq word word ...`, words sorted within a line. Lines starting with `#`
//! are comments.

use std::path::{Path, PathBuf};

/// The jieba-rs release whose dictionary is pruned; it must match Cargo.lock.
pub const JIEBA_VERSION: &str = "0.11.0";

/// One dictionary word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub word: String,
    pub freq: u64,
}

/// Finds `dict.txt` in Cargo's registry checkout of jieba-rs.
pub fn find_source() -> Result<PathBuf, String> {
    let cargo_home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| Path::new(&h).join(".cargo")))
        .ok_or("neither CARGO_HOME nor HOME is set")?;
    let registry = cargo_home.join("registry/src");
    let indexes = std::fs::read_dir(&registry).map_err(|e| format!("{}: {e}", registry.display()))?;
    for index in indexes.flatten() {
        let candidate = index.path().join(format!("jieba-rs-{JIEBA_VERSION}/src/data/dict.txt"));
        if candidate.is_file() {
            return Ok(candidate);
        }
    }
    Err(format!(
        "jieba-rs {JIEBA_VERSION} is not in {}; run `cargo fetch` first, or pass the path to its src/data/dict.txt",
        registry.display()
    ))
}

/// Parses jieba's `word freq [tag]` lines.
pub fn parse_source(text: &str) -> Result<Vec<Entry>, String> {
    text.lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(i, line)| {
            let mut fields = line.split_ascii_whitespace();
            let word = fields.next().unwrap_or_default().to_string();
            let freq = fields
                .next()
                .and_then(|f| f.parse().ok())
                .ok_or_else(|| format!("line {}: no frequency in {line:?}", i + 1))?;
            Ok(Entry { word, freq })
        })
        .collect()
}

/// The `words` most frequent entries. Ties at the cut are broken towards
/// shorter words, which other words are built from, then by the word itself
/// so the output never depends on the source's order.
pub fn most_frequent(entries: &[Entry], words: usize) -> Vec<Entry> {
    let mut sorted = entries.to_vec();
    sorted.sort_by(|a, b| {
        b.freq.cmp(&a.freq).then(a.word.chars().count().cmp(&b.word.chars().count())).then(a.word.cmp(&b.word))
    });
    sorted.truncate(words);
    sorted
}

/// The compact text form, highest frequency first.
pub fn compact(entries: &[Entry], header: &str) -> String {
    let mut by_freq: std::collections::BTreeMap<u64, Vec<&str>> = Default::default();
    for e in entries {
        by_freq.entry(e.freq).or_default().push(&e.word);
    }
    let mut out = String::new();
    for line in header.lines() {
        out.push_str("# ");
        out.push_str(line);
        out.push('\n');
    }
    for (freq, words) in by_freq.iter_mut().rev() {
        words.sort_unstable();
        out.push_str(&freq.to_string());
        for w in words.iter() {
            out.push(' ');
            out.push_str(w);
        }
        out.push('\n');
    }
    out
}

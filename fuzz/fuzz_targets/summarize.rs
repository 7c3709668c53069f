//! `summarize` on any string, with options taken from the input's first bytes:
//! it must return a summary or an error, never panic, and every range it
//! reports must slice its own text out of `Summary::text`.
#![no_main]

use article_summarizer::{summarize, Options};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (knobs, rest) = data.split_at(data.len().min(2));
    let text = String::from_utf8_lossy(rest);
    let options = Options {
        sentences: knobs.first().map(|&n| usize::from(n % 8) + 1),
        max_chars: knobs.get(1).filter(|&&n| n > 200).map(|&n| usize::from(n)),
        ..Options::default()
    };
    if let Ok(summary) = summarize(&text, &options) {
        let units: Vec<u16> = summary.text.encode_utf16().collect();
        let slice = |start: u32, end: u32| String::from_utf16(&units[start as usize..end as usize]).unwrap();
        for s in &summary.sentences {
            assert_eq!(slice(s.start, s.end), s.text);
        }
        for f in summary.figures.iter().chain(&summary.all_figures) {
            assert_eq!(slice(f.start, f.end), f.text);
        }
    }
});

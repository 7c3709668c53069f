//! The exported JavaScript API, run in headless Chromium by
//! `wasm-bindgen-test-runner` (`./build.sh test`).
#![cfg(target_arch = "wasm32")]

use article_summarizer::{summarize, Options};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const SEED_000: &str = include_str!("../www/samples/000_1fb41a5b070bc01f.txt");

#[wasm_bindgen_test]
fn summarizes_a_seed_in_the_browser() {
    let summary = summarize(SEED_000, &Options::default()).expect("seed 000 summarizes");
    assert!(summary.figures.iter().any(|f| f.text == "3944名" && f.label.contains("人才")), "{:?}", summary.figures);
    assert!(summary.sentences.len() >= 3);
    let utf16: Vec<u16> = summary.text.encode_utf16().collect();
    for s in &summary.sentences {
        let slice = String::from_utf16(&utf16[s.start as usize..s.end as usize]).unwrap();
        assert_eq!(slice, s.text, "offsets are UTF-16 code units");
    }
}

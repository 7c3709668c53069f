//! Inputs built to hurt: one endless line, a million numbers, a hundred
//! thousand tiny sentences, a page of nothing but markup. Each must come back
//! with a summary or a clear error. How the time grows with their size is
//! measured by `cargo run --release --example bench_adversarial` (in
//! `./build.sh bench`), not asserted here: tests never time themselves.

use article_summarizer::{read, summarize, ErrorKind, Options, Summary};

fn summarize_ok(text: &str) -> Summary {
    summarize(text, &Options::default()).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn one_endless_line_without_punctuation() {
    let line = "重庆国际人才交流大会集中引进优秀人才".repeat(20_000); // 1 MB, one line, no stop
    let summary = summarize_ok(&line);
    assert_eq!(summary.text.len(), line.len());
    // Never a sentence of a megabyte: an unterminated run is not a headline.
    assert!(summary.sentences.iter().all(|s| s.text.len() < 10_000), "a giant sentence was chosen");

    let latin = "word ".repeat(200_000);
    assert!(summarize_ok(&latin).sentences.iter().all(|s| s.text.len() < 10_000));
}

#[test]
fn a_million_numbers() {
    let numbers: String = (0..1_000_000u32).map(|n| format!("{n}名，")).collect();
    let summary = summarize_ok(&numbers);
    assert!(summary.figures.len() <= Options::default().figures);
    assert!(summary.all_figures.len() > 100_000, "{}", summary.all_figures.len());
}

#[test]
fn a_hundred_thousand_tiny_sentences() {
    let zh = "好。".repeat(100_000);
    assert!(summarize_ok(&zh).sentences.len() <= 12);
    let en = "Yes. ".repeat(100_000);
    assert!(summarize_ok(&en).sentences.len() <= 12);
}

#[test]
fn the_same_paragraph_ten_thousand_times_counts_once() {
    let paragraph = "本次大会集中引进硕士、博士优秀人才3944名，签约落地人才项目260个。";
    let page = vec![paragraph; 10_000].join("\n\n");
    let summary = summarize_ok(&page);
    assert_eq!(summary.sentences.len(), 1, "{:?}", summary.sentences);
    assert_eq!(summary.figures.iter().filter(|f| f.text == "3944名").count(), 1);
}

#[test]
fn markup_only_and_deep_nesting() {
    let deep = format!("<html><body>{}正文。{}</body></html>", "<div>".repeat(200_000), "</div>".repeat(200_000));
    // Whatever the extractor keeps of it, reading returns; summarizing it says there is nothing, or summarizes.
    let source = read(deep.as_bytes(), Some("deep.html")).unwrap();
    match summarize(&source.text, &Options::default()) {
        Ok(_) => {}
        Err(e) => assert_eq!(e.kind(), ErrorKind::Empty, "{e}"),
    }
    let tags = "<span></span>".repeat(100_000);
    let source = read(tags.as_bytes(), Some("tags.html")).unwrap();
    assert_eq!(summarize(&source.text, &Options::default()).unwrap_err().kind(), ErrorKind::Empty);
}

#[test]
fn whitespace_and_empty_input_get_their_own_message() {
    for text in ["", "   \n\t\u{3000}\n", "\u{200B}\u{FEFF}"] {
        let err = summarize(text, &Options::default()).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Empty, "{text:?}");
    }
    assert_eq!(read(b"", None).unwrap_err().kind(), ErrorKind::Empty);
}

#[test]
fn input_over_the_limit_is_refused_before_any_work() {
    let options = Options { max_bytes: 1_000, ..Options::default() };
    let err = summarize(&"人".repeat(1_000), &options).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::TooLarge);
    assert!(err.to_string().contains("limit"), "{err}");
}

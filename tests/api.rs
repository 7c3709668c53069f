//! The public API's contract on small hand-written inputs.

use article_summarizer::{summarize, ErrorKind, Lang, Options};

#[test]
fn empty_and_whitespace_input_is_a_clear_error() {
    for text in ["", "   \n\n\t", "### \n\n---"] {
        let err = summarize(text, &Options::default()).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Empty, "{text:?}");
        assert!(err.to_string().contains("no text"), "{err}");
    }
}

#[test]
fn input_over_the_size_limit_is_refused() {
    let options = Options { max_bytes: 10, ..Options::default() };
    let err = summarize("This sentence is longer than ten bytes.", &options).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::TooLarge);
}

#[test]
fn out_of_range_options_are_refused() {
    let err = summarize("Text.", &Options { sentences: Some(0), ..Options::default() }).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidOptions);
    let err = summarize("Text.", &Options { figures: 1_000_000, ..Options::default() }).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidOptions);
}

#[test]
fn english_articles_are_summarized() {
    let article = "City Council Approves Budget\n\n\
        The city council approved a $3.2 billion budget on Tuesday after a long debate. \
        The budget raises school spending by 12% and hires 150 new teachers. \
        Mr. Smith, the council president, said the vote was the most important of the year. \
        Opponents said the plan relied on optimistic revenue forecasts. \
        The mayor is expected to sign the budget next week.";
    let s = summarize(article, &Options { sentences: Some(2), ..Options::default() }).unwrap();
    assert_eq!(s.lang, Lang::En);
    assert_eq!(s.title.as_deref(), Some("City Council Approves Budget"));
    assert_eq!(s.sentences.len(), 2);
    assert!(s.sentences[0].text.starts_with("The city council approved"), "{:?}", s.sentences);
    assert!(s.keywords.iter().any(|k| k.word == "budget"), "{:?}", s.keywords);
}

#[test]
fn the_language_can_be_forced() {
    let s = summarize(
        "重庆国际人才交流大会落下帷幕。大会引进人才3944名。",
        &Options { lang: Some(Lang::En), ..Options::default() },
    )
    .unwrap();
    assert_eq!(s.lang, Lang::En);
}

#[test]
fn sentence_count_is_respected() {
    let topics = [
        "人才引进",
        "项目签约",
        "科技创新",
        "教育改革",
        "产业升级",
        "金融服务",
        "交通建设",
        "生态环境",
        "文化旅游",
        "医疗卫生",
    ];
    let article: String = topics.iter().map(|t| format!("今年重庆在{t}方面取得了明显的进展和成效。")).collect();
    for n in [1, 3, 5] {
        let s = summarize(&article, &Options { sentences: Some(n), ..Options::default() }).unwrap();
        assert_eq!(s.sentences.len(), n);
    }
}

#[test]
fn hostile_text_does_not_panic() {
    let inputs = [
        "\u{FEFF}".to_string(),
        "。".repeat(1000),
        "“".repeat(500) + "结束。",
        "a.b.c.d.e. f. g. H. I.".to_string(),
        // A quote that opens inside a terminator run (found by tests/properties.rs).
        "他说。\"好".to_string(),
        "1".repeat(10_000),
        "😀 🎉\u{200B}\u{0301}".repeat(100),
        "#".repeat(10) + " x",
        "**".repeat(300),
        "[".repeat(200) + "](" + &")".repeat(200),
    ];
    for text in inputs {
        let _ = summarize(&text, &Options::default());
    }
}

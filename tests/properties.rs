//! Properties every summary keeps, on generated text: no panic, every span
//! inside `text` on UTF-16 boundaries and equal to its `text` field, and the
//! same output for the same input.

use article_summarizer::{summarize, Options, Summary};
use proptest::prelude::*;

/// Pieces real articles are made of, including the awkward ones: Markdown
/// marks, both kinds of quotes, full-width digits, emoji (surrogate pairs in
/// UTF-16), stray spaces and line breaks.
const PIECES: &[&str] = &[
    "重庆",
    "人才",
    "大会",
    "引进",
    "3944名",
    "36.85亿元",
    "1.87万个",
    "同比增长125.5%",
    "11月16日",
    "２０２５年",
    "。",
    "，",
    ",",
    "、",
    "！",
    "？",
    "“",
    "”",
    "\"",
    "「",
    "」",
    "（",
    "）",
    "……",
    "——",
    " ",
    "\n",
    "\n\n",
    "# ",
    "### ",
    "**",
    "- ",
    "■",
    "记者 黄乔",
    "摄",
    "(上接1版)",
    "The council",
    " approved",
    " $3.2 billion",
    " Mr.",
    " U.S.",
    " 12%",
    ". ",
    "? ",
    "😀",
    "é",
    "\u{200B}",
    "\t",
    "|",
    "[link](http://x)",
    "![img](p.png)",
    "&amp;",
    "<br>",
];

fn article() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..120).prop_map(|pieces| pieces.concat())
}

fn utf16_slice(units: &[u16], start: u32, end: u32) -> Option<String> {
    let slice = units.get(start as usize..end as usize)?;
    String::from_utf16(slice).ok()
}

fn check_spans(summary: &Summary) -> Result<(), TestCaseError> {
    let units: Vec<u16> = summary.text.encode_utf16().collect();
    let spans = summary
        .sentences
        .iter()
        .map(|s| (s.start, s.end, &s.text))
        .chain(summary.figures.iter().chain(&summary.all_figures).map(|f| (f.start, f.end, &f.text)))
        .chain(summary.headings.iter().map(|h| (h.start, h.end, &h.text)))
        .chain(summary.dates.iter().map(|d| (d.start, d.end, &d.text)))
        .chain(summary.articles.iter().flat_map(|a| {
            a.sentences
                .iter()
                .map(|s| (s.start, s.end, &s.text))
                .chain(a.figures.iter().map(|f| (f.start, f.end, &f.text)))
        }));
    prop_assert!(summary.main_article < summary.articles.len(), "main_article outside articles");
    // Every mention once, in document order.
    prop_assert!(
        summary.all_figures.windows(2).all(|w| w[0].end <= w[1].start),
        "all_figures repeats or is out of order"
    );
    prop_assert!(summary.dates.windows(2).all(|w| w[0].end <= w[1].start), "dates repeat or are out of order");
    let mut previous_end = 0;
    for article in &summary.articles {
        prop_assert!(
            previous_end <= article.start && article.start <= article.end,
            "articles overlap or run backwards"
        );
        prop_assert!(article.end as usize <= units.len(), "article outside text");
        prop_assert!(utf16_slice(&units, article.start, article.end).is_some(), "article cuts a surrogate pair");
        previous_end = article.end;
    }
    for (start, end, text) in spans {
        prop_assert!(start <= end && end as usize <= units.len(), "span {start}..{end} outside text");
        let slice = utf16_slice(&units, start, end);
        prop_assert_eq!(slice.as_deref(), Some(text.as_str()), "span {}..{} does not slice out its text", start, end);
    }
    Ok(())
}

/// The same properties on real pages: every seed and every input fixture.
#[test]
fn real_articles_keep_every_property() {
    let root = env!("CARGO_MANIFEST_DIR");
    let mut checked = 0;
    for dir in ["www/samples", "tests/fixtures"] {
        for entry in std::fs::read_dir(format!("{root}/{dir}")).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            if name.ends_with(".json") {
                continue;
            }
            let source = article_summarizer::read(&std::fs::read(&path).unwrap(), Some(&name)).unwrap();
            let summary = article_summarizer::summarize_source(&source, &Options::default()).unwrap();
            check_spans(&summary).unwrap_or_else(|e| panic!("{name}: {e}"));
            assert_eq!(
                Ok(&summary),
                article_summarizer::summarize_source(&source, &Options::default()).as_ref(),
                "{name}"
            );
            checked += 1;
        }
    }
    assert!(checked >= 8, "only {checked} real files checked");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn spans_slice_out_their_text_and_output_is_deterministic(text in article()) {
        let first = summarize(&text, &Options::default());
        if let Ok(summary) = &first {
            check_spans(summary)?;
        }
        prop_assert_eq!(first, summarize(&text, &Options::default()));
    }

    #[test]
    fn any_string_returns_without_panicking(text in any::<String>()) {
        if let Ok(summary) = summarize(&text, &Options::default()) {
            check_spans(&summary)?;
        }
    }
}

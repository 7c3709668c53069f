//! Newspaper pages with several articles, through the public API: the
//! summary's title is the main article's headline, never a page banner, and
//! page furniture (bylines, captions, continuation markers, source lines,
//! labels) never becomes a headline sentence or a heading.
//!
//! The article boundaries themselves are tested on the document model, in
//! `src/document/seed_tests.rs`, until the summary lists articles.

use std::path::PathBuf;

use article_summarizer::{summarize, Options, Summary};

fn seed(prefix: &str) -> String {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("www/samples");
    let path = std::fs::read_dir(&dir)
        .expect("www/samples exists")
        .map(|e| e.unwrap().path())
        .find(|p| p.file_name().is_some_and(|n| n.to_string_lossy().starts_with(prefix)))
        .unwrap_or_else(|| panic!("seed {prefix} in www/samples"));
    std::fs::read_to_string(path).unwrap()
}

fn summary(prefix: &str, sentences: usize) -> Summary {
    summarize(&seed(prefix), &Options { sentences: Some(sentences), ..Options::default() }).unwrap()
}

#[test]
fn the_title_is_the_main_articles_headline_not_a_banner() {
    // Written down from reading the pages: the lead story's headline.
    let expected = [
        ("000", "重庆成为人才向往的创新创业热土"),
        ("001", "一批高能级机构与项目在渝落地"),
        ("002", "构建“416”科创战略布局 重庆不断提升“全国影响力”"),
        ("003", "让人才“站C位” 打造引才“金名片”"),
        ("004", "让魅力重庆与国际人才 跨越山海，双向奔赴 ——写在重庆国际人才交流大会闭幕之际"),
    ];
    for (prefix, title) in expected {
        assert_eq!(summary(prefix, 3).title.as_deref(), Some(title), "seed {prefix}");
    }
}

#[test]
fn banners_and_labels_are_not_headings() {
    for prefix in ["000", "001", "002", "003", "004"] {
        let s = summary(prefix, 3);
        for h in &s.headings {
            for label in ["微观说大会", "相关新闻", "特别报道", "加油干④", "数读", "大家说", "案例解码"]
            {
                assert!(!h.text.contains(label), "seed {prefix}: the label {:?} is listed as a heading", h.text);
            }
        }
    }
}

#[test]
fn page_furniture_is_never_a_headline_sentence() {
    for prefix in ["000", "001", "002", "003", "004"] {
        let s = summary(prefix, 25);
        for x in &s.sentences {
            for furniture in
                ["上接", "下转", "新华社北京11月24日电", "资料图片", "数据来源", "记者黄乔整理", "视觉重庆"]
            {
                assert!(!x.text.contains(furniture), "seed {prefix}: {furniture} chosen in {:?}", x.text);
            }
            assert!(
                !x.text.starts_with("上游财经") && !x.text.starts_with("本报记者"),
                "seed {prefix}: a byline: {}",
                x.text
            );
        }
    }
}

#[test]
fn an_inline_continuation_marker_leaves_the_sentence_it_was_printed_on() {
    let s = summary("004", 3);
    assert!(s.text.contains("(上接2版)\n\n“中国对阿政策始终面向阿根廷全体人民"), "the marker is a block of its own");
}

#[test]
fn the_cleaned_text_keeps_spaces_only_where_they_belong() {
    let s = summary("000", 3);
    assert!(s.text.contains("为期两天") && s.text.contains("碰撞思想火花"));
    assert!(s.text.contains("主体活动 12场"), "the space before a number stays");
    assert!(!s.text.contains('■') && !s.text.contains('🗕'), "decorative glyphs are gone");
}

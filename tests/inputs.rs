//! Files as people drop them: one fixture per format, read through the one
//! input path (`read`) that the CLI, the page and the embed share. The CLI
//! and wasm give the same summary for the same fixtures (tests/node/doors.test.mjs).

use article_summarizer::{read, summarize_source, ErrorKind, Format, Options, Summary};

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

fn summary_of(name: &str) -> Summary {
    let source = read(&fixture(name), Some(name)).unwrap();
    summarize_source(&source, &Options::default()).unwrap()
}

fn figure_texts(summary: &Summary) -> Vec<&str> {
    summary.figures.iter().map(|f| f.text.as_str()).collect()
}

#[test]
fn a_gb18030_text_file_reads_like_the_article_it_holds() {
    let summary = summary_of("gb18030.txt");
    let source = summary.source.as_ref().unwrap();
    assert_eq!(source.format, Format::Text);
    assert!(matches!(source.encoding.as_str(), "GBK" | "gb18030"), "{}", source.encoding);
    assert_eq!(summary.title.as_deref(), Some("西部人才高地建设提速"));
    for figure in ["3944名", "510亿元", "12.5%"] {
        assert!(figure_texts(&summary).contains(&figure), "{figure} missing from {:?}", figure_texts(&summary));
    }
}

#[test]
fn a_word_document_keeps_its_headings_and_figures() {
    let summary = summary_of("sample.docx");
    let source = summary.source.as_ref().unwrap();
    assert_eq!((source.format, source.encoding.as_str()), (Format::Docx, "UTF-8"));
    assert!(summary.title.is_some(), "no title from the Title style");
    assert!(summary.headings.len() >= 2, "{:?}", summary.headings);
    assert!(summary.all_figures.iter().any(|f| f.text == "510亿元"), "{:?}", figure_texts(&summary));
    assert!(!summary.text.contains('<'), "XML leaked into the text");
}

#[test]
fn a_saved_web_page_gives_its_article_without_the_page_around_it() {
    let summary = summary_of("page.html");
    assert_eq!(summary.source.as_ref().unwrap().format, Format::Html);
    assert_eq!(summary.title.as_deref(), Some("西部人才高地建设提速"));
    assert!(summary.headings.iter().any(|h| h.text == "就业形势稳中向好"), "{:?}", summary.headings);
    for figure in ["3944名", "510亿元"] {
        assert!(figure_texts(&summary).contains(&figure), "{figure} missing from {:?}", figure_texts(&summary));
    }
    for furniture in ["首页", "关于我们", "分享到微信", "相关阅读", "版权所有", "window.__pwned", "font-family"]
    {
        assert!(!summary.text.contains(furniture), "{furniture:?} kept in {:?}", summary.text);
    }
}

#[test]
fn archives_that_are_not_word_documents_are_refused_by_what_they_are() {
    // A ZIP holding one text file: a real archive, but not a Word document.
    let mut zip = Vec::new();
    {
        let mut writer = zip::ZipWriter::new(std::io::Cursor::new(&mut zip));
        writer.start_file("notes.txt", zip::write::SimpleFileOptions::default()).unwrap();
        std::io::Write::write_all(&mut writer, "不是文档".as_bytes()).unwrap();
        writer.finish().unwrap();
    }
    let err = read(&zip, Some("notes.zip")).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::UnsupportedArchive);
    assert!(err.to_string().contains("not a Word document"), "{err}");

    let truncated = &fixture("sample.docx")[..1200];
    let err = read(truncated, Some("cut.docx")).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Damaged, "{err}");

    let ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\0\0\0\0";
    assert!(read(ole, Some("secret.docx")).unwrap_err().to_string().contains("password"));
    assert!(read(ole, Some("old.doc")).unwrap_err().to_string().contains("old Office document"));
}

//! The five sample newspaper pages (`www/samples/`), through the public API.
//! These are the first customers' documents: headings, bylines, captions,
//! lines broken mid-sentence, stray spaces and repeated paragraphs.

use std::path::PathBuf;

use article_summarizer::{summarize, Options, Summary};

fn seeds() -> Vec<(String, String)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("www/samples");
    let mut seeds: Vec<(String, String)> = std::fs::read_dir(&dir)
        .expect("www/samples exists")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .map(|p| (p.file_name().unwrap().to_string_lossy().into_owned(), std::fs::read_to_string(&p).unwrap()))
        .collect();
    seeds.sort();
    assert_eq!(seeds.len(), 5, "the five seed articles are in www/samples");
    seeds
}

fn summary_of(name: &str) -> Summary {
    let (_, text) = seeds().into_iter().find(|(n, _)| n.starts_with(name)).unwrap();
    summarize(&text, &Options::default()).unwrap()
}

/// `text.slice(start, end)` as JavaScript would do it.
fn utf16_slice(text: &str, start: u32, end: u32) -> String {
    let units: Vec<u16> = text.encode_utf16().collect();
    String::from_utf16(&units[start as usize..end as usize]).expect("range on UTF-16 boundaries")
}

#[test]
fn seed_000_has_the_talent_figure_with_its_label() {
    let summary = summary_of("000");
    let figure = summary.figures.iter().find(|f| f.text == "3944名").expect("3944名 is a key figure");
    assert_eq!(figure.value, 3944.0);
    assert!(figure.label.contains("人才"), "label {:?}", figure.label);
}

#[test]
fn seed_000_title_is_the_main_headline() {
    assert_eq!(summary_of("000").title.as_deref(), Some("重庆成为人才向往的创新创业热土"));
}

#[test]
fn every_offset_slices_out_its_text() {
    for (name, text) in seeds() {
        let s = summarize(&text, &Options::default()).unwrap();
        for x in &s.sentences {
            assert_eq!(utf16_slice(&s.text, x.start, x.end), x.text, "{name}: sentence");
        }
        for f in &s.figures {
            assert_eq!(utf16_slice(&s.text, f.start, f.end), f.text, "{name}: figure");
        }
        for h in &s.headings {
            assert_eq!(utf16_slice(&s.text, h.start, h.end), h.text, "{name}: heading");
        }
    }
}

#[test]
fn headline_sentences_are_whole_sentences_in_document_order() {
    for (name, text) in seeds() {
        let s = summarize(&text, &Options::default()).unwrap();
        assert!(s.sentences.len() >= 3, "{name}: {} sentences", s.sentences.len());
        assert!(s.sentences.windows(2).all(|w| w[0].end <= w[1].start), "{name}: not in document order");
        for x in &s.sentences {
            let body = x.text.trim_end_matches(['”', '"', '’', '）', ')', '」', '》']);
            assert!(
                body.ends_with(['。', '！', '？', '!', '?', '…', '.']),
                "{name}: fragment cut at a line break: {}",
                x.text
            );
            let before = utf16_slice(&s.text, 0, x.start);
            let prev = before.chars().next_back();
            assert!(
                prev.is_none_or(|c| c.is_whitespace() || "。！？!?…”\"’）)".contains(c)),
                "{name}: starts mid-sentence after {prev:?}: {}",
                x.text
            );
            assert!(!x.text.contains('\n'), "{name}: crosses a paragraph: {}", x.text);
        }
    }
}

#[test]
fn no_sentence_is_chosen_twice() {
    for (name, text) in seeds() {
        let s = summarize(&text, &Options { sentences: Some(12), ..Options::default() }).unwrap();
        let mut texts: Vec<&str> = s.sentences.iter().map(|x| x.text.as_str()).collect();
        texts.sort();
        texts.dedup();
        assert_eq!(texts.len(), s.sentences.len(), "{name}: a sentence was chosen twice");
    }
}

#[test]
fn a_repeated_paragraph_is_chosen_once() {
    let (_, seed) = seeds().into_iter().next().unwrap();
    let lead = "江流浩荡,群星汇聚。11月16日,为 期两天的重庆国际人才交流大会落下帷幕。";
    let doubled = seed.replacen(lead, &format!("{lead}\n\n{lead}"), 1);
    assert_ne!(doubled, seed, "the lead paragraph is in seed 000");
    let s = summarize(&doubled, &Options { sentences: Some(10), ..Options::default() }).unwrap();
    let hits = s.sentences.iter().filter(|x| x.text.contains("落下帷幕")).count();
    assert!(hits <= 1, "chosen {hits} times");
}

#[test]
fn dates_are_not_figures() {
    // 11月16日, 2035年, 1—11月, 9时: calendar points, not quantities (durations like 5个多月 are fine).
    let date = regex::Regex::new(
        r"^[0-9]{1,2}月([0-9]{1,2}日)?$|^[0-9]{1,2}日$|^[0-9]{4}年|^[0-9]{1,2}[—–-][0-9]{1,2}月$|^[0-9]{1,2}时$",
    )
    .unwrap();
    let mut checked = 0;
    for (name, text) in seeds() {
        let s = summarize(&text, &Options { figures: 100, ..Options::default() }).unwrap();
        for f in &s.figures {
            assert!(!date.is_match(&f.text), "{name}: date {:?} listed as a figure", f.text);
            checked += 1;
        }
    }
    assert!(checked > 20, "only {checked} figures found in the seeds");
}

#[test]
fn bylines_and_credits_are_never_headline_sentences() {
    for (name, text) in seeds() {
        let s = summarize(&text, &Options { sentences: Some(20), ..Options::default() }).unwrap();
        for x in &s.sentences {
            assert!(!x.text.ends_with('摄') && !x.text.starts_with("记者"), "{name}: {}", x.text);
        }
    }
}

#[test]
fn spaces_inside_chinese_are_gone_from_the_text() {
    let s = summary_of("000");
    assert!(s.text.contains("为期两天"), "the 为 期两天 break is mended");
    assert!(!s.text.contains("为 期"));
}

#[test]
fn the_same_text_gives_the_same_summary() {
    let (_, text) = seeds().into_iter().nth(2).unwrap();
    assert_eq!(summarize(&text, &Options::default()), summarize(&text, &Options::default()));
}

#[test]
fn the_bold_figures_of_a_data_box_lead_the_key_figures() {
    // Seed 002 opens with the paper's own 数读 box, every number in bold.
    let (_, text) = seeds().into_iter().find(|(n, _)| n.starts_with("002")).unwrap();
    let bold: Vec<&str> = text.split("**").skip(1).step_by(2).collect();
    assert!(bold.len() >= 10, "{bold:?}");
    let s = summarize(&text, &Options::default()).unwrap();
    let from_box = s.figures.iter().filter(|f| bold.contains(&f.text.as_str())).count();
    assert!(
        from_box >= 6,
        "only {from_box} of {} key figures come from the bold box: {:?}",
        s.figures.len(),
        s.figures
    );
}

#[test]
fn a_literary_flourish_is_not_a_headline_sentence() {
    // Seed 000 opens "江流浩荡,群星汇聚。" (eight letters) and seed 004 "嘉陵之畔，群贤毕至，
    // 共襄盛举。" (four-character phrases only): scene-setting, no news.
    let summary = summary_of("000");
    let first = &summary.sentences[0].text;
    assert!(!first.starts_with("江流浩荡"), "the flourish leads: {first:?}");
    assert!(first.contains("重庆国际人才交流大会"), "the lead is not the news: {first:?}");
    let summary = summary_of("004");
    assert!(summary.sentences.iter().all(|s| !s.text.starts_with("嘉陵之畔")), "{:?}", summary.sentences);
}

//! No fragments, ever: every headline sentence, at the top level and in every
//! story, is a whole sentence of the cleaned text. It starts where the text,
//! a block or a sentence starts, ends where a sentence or a block ends, and
//! never crosses a paragraph. Checked on every seed and every document of the
//! dev sets in `../shared/eval` (skipped with a notice when that is absent).

use article_summarizer::{summarize, Options, Summary};

const TERMINATORS: &str = "。！？!?…；;.";
const CLOSERS: &str = "”\"’'）)」』》】";

/// Why `summary` holds a fragment, if it does.
fn fragment(summary: &Summary) -> Option<String> {
    let units: Vec<u16> = summary.text.encode_utf16().collect();
    let text_of = |a: u32, b: u32| String::from_utf16_lossy(&units[a as usize..b as usize]);
    let sentences = summary.sentences.iter().chain(summary.articles.iter().flat_map(|a| &a.sentences));
    for s in sentences {
        if s.text.contains('\n') {
            return Some(format!("crosses a paragraph: {:?}", s.text));
        }
        let before = text_of(0, s.start).chars().next_back();
        if before.is_some_and(|c| !c.is_whitespace() && !TERMINATORS.contains(c) && !CLOSERS.contains(c)) {
            return Some(format!("starts mid-sentence after {before:?}: {:?}", s.text));
        }
        let body = s.text.trim_end_matches(|c| CLOSERS.contains(c));
        let after = text_of(s.end, units.len() as u32).chars().next();
        let ends_block = after.is_none_or(|c| c == '\n');
        if !body.ends_with(|c| TERMINATORS.contains(c)) && !ends_block {
            return Some(format!("stops mid-sentence before {after:?}: {:?}", s.text));
        }
    }
    None
}

#[test]
fn no_headline_sentence_on_the_seeds_is_a_fragment() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/www/samples");
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "txt") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        for sentences in [None, Some(1), Some(10)] {
            let summary = summarize(&text, &Options { sentences, ..Options::default() }).unwrap();
            assert_eq!(fragment(&summary), None, "{}", path.display());
        }
    }
}

#[test]
fn no_headline_sentence_on_the_dev_sets_is_a_fragment() {
    let eval = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/eval");
    let Ok(sets) = std::fs::read_dir(&eval) else {
        eprintln!("notice: {} is absent; the dev-set check is skipped", eval.display());
        return;
    };
    let mut checked = 0;
    for set in sets {
        let file = set.unwrap().path().join("dev.jsonl");
        let Ok(lines) = std::fs::read_to_string(&file) else { continue };
        for line in lines.lines().filter(|l| !l.trim().is_empty()) {
            let doc: serde_json::Value = serde_json::from_str(line).unwrap();
            let Some(text) = doc["text"].as_str() else { continue };
            let Ok(summary) = summarize(text, &Options::default()) else { continue };
            assert_eq!(fragment(&summary), None, "{} {}", file.display(), doc["id"]);
            checked += 1;
        }
    }
    assert!(checked > 0, "no dev documents were read from {}", eval.display());
    eprintln!("{checked} dev documents checked");
}

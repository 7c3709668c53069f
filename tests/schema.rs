//! One source of truth for the output schema: the Rust types in
//! `src/schema.rs`. This test checks that the README's schema table and the
//! TypeScript interfaces in `src/wasm.rs` name exactly the fields those types
//! serialize — no more, no fewer.

use std::collections::BTreeSet;

use article_summarizer::{
    summarize, Article, DateMention, Direction, Figure, FigureKind, Format, Heading, Keyword, Lang, Options, Sentence,
    SourceInfo, Summary, SCHEMA_VERSION,
};
use serde_json::Value;

/// Every field path of a serialized summary: `sentences[].start`, `title`…
fn json_paths(value: &Value, prefix: &str, out: &mut BTreeSet<String>) {
    match value {
        Value::Object(map) => {
            for (key, v) in map {
                let path = if prefix.is_empty() { key.clone() } else { format!("{prefix}.{key}") };
                out.insert(path.clone());
                json_paths(v, &path, out);
            }
        }
        Value::Array(items) => {
            for item in items {
                json_paths(item, &format!("{prefix}[]"), out);
            }
        }
        _ => {}
    }
}

/// A summary with one of everything, so that every field path serializes.
/// A struct literal: adding a field to the schema fails to compile here
/// until this test, and with it the README and the TypeScript, say so.
fn full_summary() -> Summary {
    let figure = Figure {
        text: "36.85亿元".into(),
        value: 3.685e9,
        value_max: Some(4e9),
        unit: "元".into(),
        kind: FigureKind::Money,
        label: "签约金额".into(),
        qualifier: "超".into(),
        direction: Some(Direction::Up),
        compared_to: "同比".into(),
        start: 0,
        end: 7,
        score: 1.0,
    };
    Summary {
        schema: SCHEMA_VERSION,
        lang: Lang::Zh,
        title: Some("标题".into()),
        text: "36.85亿元".into(),
        sentences: vec![Sentence { text: "句子。".into(), start: 0, end: 3, score: 1.0 }],
        figures: vec![figure.clone()],
        all_figures: vec![figure.clone()],
        dates: vec![DateMention { text: "11月16日".into(), start: 0, end: 6 }],
        keywords: vec![Keyword { word: "人才".into(), score: 1.0 }],
        headings: vec![Heading { text: "标题".into(), level: 1, start: 0, end: 2 }],
        articles: vec![Article {
            title: Some("标题".into()),
            start: 0,
            end: 7,
            sentences: vec![Sentence { text: "句子。".into(), start: 0, end: 3, score: 1.0 }],
            figures: vec![figure],
        }],
        main_article: 0,
        source: Some(SourceInfo { format: Format::Html, encoding: "GBK".into() }),
    }
}

fn serialized_paths() -> BTreeSet<String> {
    let mut paths = BTreeSet::new();
    json_paths(&serde_json::to_value(full_summary()).unwrap(), "", &mut paths);
    paths
}

#[test]
fn a_real_summary_serializes_no_field_the_full_one_lacks() {
    let text =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/www/samples/000_1fb41a5b070bc01f.txt")).unwrap();
    let mut real = BTreeSet::new();
    json_paths(&serde_json::to_value(summarize(&text, &Options::default()).unwrap()).unwrap(), "", &mut real);
    let full = serialized_paths();
    assert!(real.is_subset(&full), "fields only in real output: {:?}", real.difference(&full).collect::<Vec<_>>());
}

fn readme_paths() -> BTreeSet<String> {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let table = readme
        .split("<!-- schema:begin -->")
        .nth(1)
        .and_then(|s| s.split("<!-- schema:end -->").next())
        .expect("README has the schema markers");
    table
        .lines()
        .filter_map(|line| line.strip_prefix("| `").and_then(|rest| rest.split('`').next()))
        .map(str::to_string)
        .collect()
}

/// Field paths declared by the TypeScript interfaces, expanded from `Summary`.
fn typescript_paths() -> BTreeSet<String> {
    let source = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/src/wasm.rs")).unwrap();
    let mut interfaces: Vec<(String, Vec<(String, String)>)> = Vec::new();
    for block in source.split("export interface ").skip(1) {
        let name = block.split_whitespace().next().unwrap().to_string();
        let body = block.split('{').nth(1).unwrap().split('}').next().unwrap();
        let fields = body
            .lines()
            .filter_map(|l| l.trim().strip_suffix(';'))
            .filter_map(|l| l.split_once(':'))
            .map(|(k, t)| (k.trim().trim_end_matches('?').to_string(), t.trim().to_string()))
            .collect();
        interfaces.push((name, fields));
    }
    fn expand(name: &str, prefix: &str, interfaces: &[(String, Vec<(String, String)>)], out: &mut BTreeSet<String>) {
        let fields = &interfaces.iter().find(|(n, _)| n == name).unwrap_or_else(|| panic!("interface {name}")).1;
        for (field, ty) in fields {
            let path = if prefix.is_empty() { field.clone() } else { format!("{prefix}.{field}") };
            out.insert(path.clone());
            let ty = ty.strip_suffix(" | null").unwrap_or(ty);
            let (inner, array) = match ty.strip_suffix("[]") {
                Some(inner) => (inner, true),
                None => (ty, false),
            };
            if interfaces.iter().any(|(n, _)| n == inner) {
                expand(inner, &if array { format!("{path}[]") } else { path }, interfaces, out);
            }
        }
    }
    let mut out = BTreeSet::new();
    expand("Summary", "", &interfaces, &mut out);
    out
}

#[test]
fn readme_documents_exactly_the_serialized_fields() {
    assert_eq!(readme_paths(), serialized_paths(), "README schema table (left) vs serialized Summary (right)");
}

#[test]
fn typescript_declares_exactly_the_serialized_fields() {
    assert_eq!(typescript_paths(), serialized_paths(), "TypeScript interfaces (left) vs serialized Summary (right)");
}

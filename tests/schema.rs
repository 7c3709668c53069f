//! One source of truth for the output schema: the Rust types in
//! `src/schema.rs`. This test checks that the README's schema table and the
//! TypeScript interfaces in `src/wasm.rs` name exactly the fields those types
//! serialize — no more, no fewer.

use std::collections::BTreeSet;

use article_summarizer::{summarize, Options};
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

fn serialized_paths() -> BTreeSet<String> {
    let text =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/www/samples/000_1fb41a5b070bc01f.txt")).unwrap();
    let summary = summarize(&text, &Options::default()).unwrap();
    assert!(
        summary.title.is_some()
            && !summary.figures.is_empty()
            && !summary.headings.is_empty()
            && !summary.keywords.is_empty()
    );
    let mut paths = BTreeSet::new();
    json_paths(&serde_json::to_value(&summary).unwrap(), "", &mut paths);
    paths
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
            let (inner, array) = match ty.strip_suffix("[]") {
                Some(inner) => (inner, true),
                None => (ty.as_str(), false),
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

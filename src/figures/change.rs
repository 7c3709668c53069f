//! Change figures: a number right after a word of change (同比增长125.5%,
//! 下降0.3个百分点, rose 12%, fell by $3bn) is a change, going up or down,
//! against a baseline said in its clause (同比, 环比, 较上年度, "a year
//! earlier").
//!
//! Limits: only a change word right before the number counts ("增长至300亿元"
//! is a new level, not a change); signs (+12%) and changes stated after the
//! number ("12% higher") are not read.

use std::ops::Range;

use crate::schema::{Direction, Lang};

/// Chinese words of increase, checked at the end of the text before the number.
const ZH_UP: &[&str] = &[
    "增长", "增加", "提高", "提升", "上升", "上涨", "回升", "扩大", "攀升", "跃升", "增幅", "涨幅", "增速", "增", "涨",
    "升", "多",
];
/// Chinese words of decrease.
const ZH_DOWN: &[&str] =
    &["下降", "减少", "降低", "回落", "下跌", "下滑", "缩减", "缩小", "收窄", "降幅", "减幅", "跌幅", "减", "降", "跌"];
/// Fillers allowed between the change word and the number ("增长了", "增幅为", "增长约").
const ZH_BETWEEN: &[&str] = &["了", "为", "达到", "达", "约", "超过", "超", "近", "逾", "将近", "接近", "高达"];

/// English words of increase.
const EN_UP: &[&str] = &[
    "rose",
    "rise",
    "rises",
    "risen",
    "increased",
    "increase",
    "increases",
    "grew",
    "grow",
    "grown",
    "growth",
    "climbed",
    "jumped",
    "gained",
    "soared",
    "surged",
    "up",
    "higher",
    "rising",
    "advanced",
];
/// English words of decrease.
const EN_DOWN: &[&str] = &[
    "fell",
    "fall",
    "falls",
    "fallen",
    "decreased",
    "decrease",
    "declined",
    "decline",
    "dropped",
    "drop",
    "slipped",
    "slid",
    "plunged",
    "tumbled",
    "down",
    "lower",
    "falling",
    "shrank",
    "contracted",
];
/// English fillers between the change word and the number ("rose by", "a decline of").
const EN_BETWEEN: &[&str] = &[
    "by",
    "of",
    "about",
    "around",
    "nearly",
    "almost",
    "some",
    "roughly",
    "more than",
    "over",
    "a further",
    "an estimated",
    "just",
];

/// Chinese baselines said as one word.
const ZH_BASELINES: &[&str] = &["同比", "环比"];
/// Characters that open a Chinese baseline: 较上年度, 比去年同期, 与上年相比.
const ZH_BASELINE_OPENERS: &[char] = &['较', '比'];
/// Longest Chinese baseline read after 较/比, in characters.
const MAX_BASELINE_CHARS: usize = 10;

/// English baselines, looked for anywhere in the clause.
const EN_BASELINES: &[&str] = &[
    "from the same period last year",
    "from the previous year",
    "from a year earlier",
    "from a year ago",
    "from last year",
    "a year earlier",
    "a year ago",
    "year on year",
    "year-on-year",
    "quarter on quarter",
    "month on month",
    "from the previous quarter",
    "from the previous month",
    "on the previous year",
    "on the year",
];

/// What `change_at` finds.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Change {
    pub direction: Direction,
    pub compared_to: String,
}

/// How far, in characters, a clause is read on each side of the number.
const MAX_CLAUSE_CHARS: usize = 40;

/// The change a figure at `number` (a byte range into `text`) states,
/// reading its clause. `qualifier_start` is where a qualifier before the
/// number starts (or the number's start); `floor` is where the text of the
/// figure before it ended, so its words are not read again.
pub(super) fn change_at(
    text: &str,
    number: Range<usize>,
    qualifier_start: usize,
    floor: usize,
    lang: Lang,
) -> Option<Change> {
    let end = qualifier_start.min(number.start);
    let start = clause_start(text, floor.min(end), end);
    let before = text.get(start..end)?;
    match lang {
        Lang::Zh => change_zh(before),
        // Only English reads the clause after the number (for its baseline).
        Lang::En => change_en(before, text.get(number.end..clause_end(text, number.end))?),
    }
}

fn change_zh(before: &str) -> Option<Change> {
    let mut s = before.trim_end();
    while let Some(w) = ZH_BETWEEN.iter().filter(|w| s.ends_with(*w)).max_by_key(|w| w.len()) {
        s = &s[..s.len() - w.len()];
    }
    let up = ZH_UP.iter().filter(|w| s.ends_with(*w)).max_by_key(|w| w.len());
    let down = ZH_DOWN.iter().filter(|w| s.ends_with(*w)).max_by_key(|w| w.len());
    let (word, direction) = match (up, down) {
        (Some(u), Some(d)) if d.len() > u.len() => (*d, Direction::Down),
        (Some(u), _) => (*u, Direction::Up),
        (None, Some(d)) => (*d, Direction::Down),
        (None, None) => return None,
    };
    // A one-character word must not be the end of another ("不增" is fine, "多" only as 增多/多出).
    let head = &s[..s.len() - word.len()];
    if word.chars().count() == 1 && !one_char_change_ok(head, word) {
        return None;
    }
    Some(Change { direction, compared_to: baseline_zh(head) })
}

/// "同比增3%" yes; "最多3个" and "提升3" inside other words no.
fn one_char_change_ok(head: &str, word: &str) -> bool {
    if word == "多" {
        // "比上年多3个": only after a baseline.
        return head.ends_with(|c: char| !c.is_whitespace()) && !baseline_zh(head).is_empty();
    }
    head.is_empty()
        || ZH_BASELINES.iter().any(|b| head.ends_with(b))
        || head.ends_with(['，', ',', '、', '和', '分', '别', '年', '月', '期', '度'])
        || !baseline_zh(head).is_empty()
}

/// The baseline in the Chinese text before a change word.
fn baseline_zh(head: &str) -> String {
    if let Some(b) = ZH_BASELINES.iter().find(|b| head.contains(*b)) {
        return (*b).to_string();
    }
    // "与上年相比", "与去年同期相比".
    if let (Some(i), Some(j)) = (head.rfind('与'), head.rfind("相比")) {
        if i < j && head[i..j].chars().count() <= MAX_BASELINE_CHARS {
            return head[i..j + "相比".len()].to_string();
        }
    }
    // The last 较/比 that opens a short phrase up to the change word.
    for (i, c) in head.char_indices().rev() {
        if head[i..].chars().count() > MAX_BASELINE_CHARS + 1 {
            break;
        }
        if ZH_BASELINE_OPENERS.contains(&c) {
            let next = head[i + c.len_utf8()..].chars().next();
            let opens = c == '较' || next.is_some_and(|n| "上去前同本".contains(n) || n.is_ascii_digit());
            if opens && head[i..].chars().count() >= 2 {
                return head[i..].trim_end_matches(['，', ',']).to_string();
            }
        }
    }
    String::new()
}

fn change_en(before: &str, after: &str) -> Option<Change> {
    let lower = before.trim_end().to_ascii_lowercase();
    let mut s = lower.as_str();
    // Qualifiers were cut off already; a currency sign may remain ("rose by $").
    s = s.trim_end_matches(['$', '€', '£', '¥']).trim_end();
    while let Some(w) = EN_BETWEEN.iter().find(|w| ends_with_word(s, w)) {
        s = s[..s.len() - w.len()].trim_end();
    }
    let direction = if EN_UP.iter().any(|w| ends_with_word(s, w)) {
        Direction::Up
    } else if EN_DOWN.iter().any(|w| ends_with_word(s, w)) {
        Direction::Down
    } else {
        return None;
    };
    let clause = format!("{lower} {}", after.to_ascii_lowercase());
    let compared_to = EN_BASELINES.iter().find(|b| clause.contains(*b)).map_or(String::new(), |b| b.to_string());
    Some(Change { direction, compared_to })
}

/// `s` ends with the word `w`, not with a longer word ("pup" is not "up").
fn ends_with_word(s: &str, w: &str) -> bool {
    s.ends_with(w) && !s[..s.len() - w.len()].ends_with(|c: char| c.is_ascii_alphanumeric())
}

fn is_break(c: char) -> bool {
    matches!(c, '，' | ',' | '。' | '；' | ';' | '：' | ':' | '？' | '?' | '！' | '!' | '\n')
}

fn clause_start(text: &str, floor: usize, end: usize) -> usize {
    let mut start = end;
    for (n, (i, c)) in text[floor..end].char_indices().rev().enumerate() {
        if n >= MAX_CLAUSE_CHARS || is_break(c) {
            break;
        }
        start = floor + i;
    }
    start
}

fn clause_end(text: &str, from: usize) -> usize {
    let mut end = from;
    for (n, c) in text[from..].chars().enumerate() {
        if n >= MAX_CLAUSE_CHARS || is_break(c) || (c == '.' && text[end + 1..].starts_with(' ')) {
            break;
        }
        end += c.len_utf8();
    }
    end
}

//! Finds every number in the text and reads what belongs to it: a
//! currency sign, multipliers, a qualifier, a unit, a second number that
//! makes it a range, or the word that makes it a date.
//!
//! The scanner walks the text once, starting a token at an Arabic digit, at
//! a Chinese numeral (see `numerals`), at 百分之/千分之, at a round 百/千/万
//! after 近/上/超, or at an English number word. Tokens that are dates,
//! ordinals, references or numerals inside words are kept too (with
//! `is_figure` false) because they end the label of the number after them
//! ("今年1—11月新增科技型企业13646家" is labelled 新增科技型企业, not
//! 今年1—11月新增…); dates are marked `is_date` for the date list.
//!
//! Every look-ahead is bounded by the token it reads, so the scan is linear;
//! every offset comes from `char_indices` or a matched prefix, so slices
//! stay on character boundaries.

use std::ops::Range;

use super::numerals::{self, CnNumber};
use super::units::{
    ends_with_word, longest_prefix, longest_unit, CharFilter, UnitClass, Words, CURRENCY_PREFIXES, INNER_QUALIFIERS,
    MIN_CODE_DIGITS, MONEY_SCALES, MONTHS, MULTIPLIERS, RANGE_JOINERS, REFERENCE_WORDS, SCALES, TEN, TIMES_OF_DAY,
    YEAR_RANGE,
};
use crate::schema::FigureKind;
use crate::text::chars::utf8_len;

/// The unit of a ratio ("1:3"); its value is the first term over the second.
pub(super) const RATIO_UNIT: &str = "ratio";

/// Words after a number that make it a date or a time of day, not merely
/// no figure (届, 版 and 楼 are no figures but no dates either).
const DATE_WORDS: &[&str] = &[
    "年", "月", "日", "号", "时", "点", "分", "季度", "世纪", "am", "pm", "a.m.", "p.m.", "AM", "PM", "GMT", "BC", "AD",
];

/// One number found in the text.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Token {
    /// The surface form: currency sign, digits, multipliers and unit.
    pub surface: Range<usize>,
    /// The value with multipliers applied; the lower end of a range.
    pub value: f64,
    /// The upper end of a range ("2-3座", "29.31-32.31亿元").
    pub value_max: Option<f64>,
    /// The normalized unit, empty when there is none.
    pub unit: &'static str,
    /// What the unit makes of the number.
    pub kind: FigureKind,
    /// An approximation or bound as written (超, 约, 余, 以上, about).
    pub qualifier: &'static str,
    /// False for dates, times, ordinals, references and numerals in words.
    pub is_figure: bool,
    /// A date or a time of day (11月, 16日, 2035年, 9:30).
    pub is_date: bool,
    /// A number was read (`value` holds it) even if it is not a figure: a
    /// lone 一, a digit string, a bare code. False for dates and ordinals.
    pub is_number: bool,
}

impl Token {
    fn figure(surface: Range<usize>, value: f64, unit: &'static str, kind: FigureKind) -> Token {
        Token {
            surface,
            value,
            value_max: None,
            unit,
            kind,
            qualifier: "",
            is_figure: true,
            is_date: false,
            is_number: true,
        }
    }

    /// A number read, but not one to show.
    fn number_only(surface: Range<usize>, value: f64) -> Token {
        Token { is_figure: false, ..Token::figure(surface, value, "", FigureKind::Other) }
    }
}

/// Every number in `text`, in order, none overlapping.
pub(super) fn scan(text: &str) -> Vec<Token> {
    let mut tokens: Vec<Token> = Vec::new();
    let mut i = 0;
    // Most characters start nothing: skip to the next one that may.
    while let Some((start, c)) = next_start(text, i) {
        i = start;
        let token = if is_digit(c) { Some(read_token(text, i)) } else { read_word_token(text, i, c) };
        match token {
            Some(mut token) => {
                if token.is_figure && token.unit == "元" && token.value_max.is_none() {
                    add_jiao_fen(text, &mut token);
                }
                // A currency sign or a round number may reach back; never
                // over the token before.
                let last_end = tokens.last().map_or(0, |t| t.surface.end);
                if token.surface.start < last_end {
                    token.surface.start = last_end.min(token.surface.end);
                }
                i = token.surface.end.max(i + c.len_utf8());
                if token.is_figure {
                    token.qualifier = qualifier(text, &token);
                }
                tokens.push(token);
            }
            None => i += c.len_utf8(),
        }
    }
    tokens
}

/// Every character a token can start with (see [`may_start_token`]). The
/// scanner asks at each character of the text, and most start nothing.
pub(super) const START_CHARS: CharFilter = CharFilter::new(
    "0123456789０１２３４５６７８９\
     负負零〇一壹二贰貳两兩倆俩三叁參四肆五伍六陆陸七柒八捌九玖十拾廿卅百佰千仟万萬亿億",
);

/// The first character at or after byte `from` (a character boundary) that
/// [`START_CHARS`] lets through, with its offset. The scanner's walk over
/// the whole text: each character is tested from its bytes
/// ([`CharFilter::may_hold_first`]), and only one let through is decoded.
fn next_start(text: &str, from: usize) -> Option<(usize, char)> {
    let bytes = text.as_bytes();
    let mut i = from;
    while let Some(&lead) = bytes.get(i) {
        if START_CHARS.may_hold_first(&bytes[i..]) {
            return text[i..].chars().next().map(|c| (i, c));
        }
        i += utf8_len(lead);
    }
    None
}

/// The characters a token can start with: digits, the first characters of
/// Chinese numerals, 负, and ASCII letters (English number words).
pub(super) fn may_start_token(c: char) -> bool {
    is_digit(c)
        || matches!(c, '负' | '負')
        || numerals::is_cn_start(c)
        || numerals::cn_unit(c).is_some()
        || c.is_ascii_alphabetic()
}

/// ASCII and full-width digits.
pub(super) fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

/// The digits of one number as written.
#[derive(Debug, Clone)]
struct Num {
    end: usize,
    /// The digits in ASCII, with a decimal point, without separators.
    ascii: String,
    value: f64,
    /// Digits before the decimal point, separators not counted.
    int_digits: usize,
    /// No thousands separator and no decimals.
    plain: bool,
    /// More than one dot ("1.2.3", "2025.11.16"): a version or a date.
    dotted: bool,
}

impl Num {
    /// The value times 10^`exp`, rounded once, from the decimal digits.
    fn scaled(&self, exp: i32) -> f64 {
        exact_scaled(&self.ascii, exp).unwrap_or_else(|| format!("{}e{exp}", self.ascii).parse().unwrap_or(f64::NAN))
    }
}

/// Exact powers of ten as `f64`: every one up to 10^22 is representable.
const POWERS_OF_TEN: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20,
    1e21, 1e22,
];

/// `ascii` (digits, perhaps a leading '-' and one '.') times 10^`exp`,
/// without formatting and parsing, in the cases where the arithmetic is as
/// exact as the parser: the digits make an integer m below 10^15, so m and
/// 10^k (k ≤ 22) are exact `f64`s, and then m × 10^k (when below 2^53) and
/// m / 10^k are rounded once, as the parser rounds "m e±k". It is the
/// parser's own fast path (Clinger's); `None` where it does not apply.
pub(super) fn exact_scaled(ascii: &str, exp: i32) -> Option<f64> {
    let (negative, digits) = match ascii.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, ascii),
    };
    let mut mantissa: u64 = 0;
    let mut count = 0;
    let mut decimals = 0;
    let mut point = false;
    for b in digits.bytes() {
        match b {
            b'0'..=b'9' if count < 15 => {
                mantissa = mantissa * 10 + u64::from(b - b'0');
                count += 1;
                decimals += i32::from(point);
            }
            b'.' if !point => point = true,
            _ => return None,
        }
    }
    if count == 0 {
        return None;
    }
    // Below 10^15, so exact.
    let m = mantissa as f64;
    let k = exp.checked_sub(decimals)?;
    let magnitude = if k >= 0 {
        let product = m * *POWERS_OF_TEN.get(usize::try_from(k).ok()?)?;
        // Below 2^53 the product is an integer `f64` holds exactly.
        if product >= 9_007_199_254_740_992.0 {
            return None;
        }
        product
    } else {
        m / *POWERS_OF_TEN.get(usize::try_from(k.unsigned_abs()).ok()?)?
    };
    Some(if negative { -magnitude } else { magnitude })
}

/// `value` as `format!("{value}")` writes it: the shortest digits that read
/// back as `value`. A positive whole number below 10^15 (below 2^53, where
/// neighbouring floats are at most 1 apart, so no shorter digits read back
/// as it) is written as its integer digits, which costs far less to format.
pub(super) fn shortest_ascii(value: f64) -> String {
    if value.is_sign_positive() && value.fract() == 0.0 && value < 1e15 {
        return (value as u64).to_string();
    }
    format!("{value}")
}

fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..).and_then(|s| s.chars().next())
}

fn char_before(text: &str, i: usize) -> Option<char> {
    text.get(..i).and_then(|s| s.chars().next_back())
}

/// End of the run of digits at `i`, and how many digits it holds.
fn digit_run(text: &str, i: usize) -> (usize, usize) {
    let mut end = i;
    let mut count = 0;
    for c in text[i..].chars() {
        if !is_digit(c) {
            break;
        }
        end += c.len_utf8();
        count += 1;
    }
    (end, count)
}

fn push_ascii_digits(digits: &str, out: &mut String) {
    for c in digits.chars() {
        let d = if c.is_ascii_digit() { c } else { char::from(b'0' + (c as u32 - '０' as u32) as u8) };
        out.push(d);
    }
}

/// Reads "1,100", "36.85", "１２" at `start` (which holds a digit).
fn parse_number(text: &str, start: usize) -> Num {
    let mut ascii = String::new();
    let (mut end, int_digits) = digit_run(text, start);
    push_ascii_digits(&text[start..end], &mut ascii);
    let mut int_total = int_digits;
    let mut plain = true;
    // Thousands separators: a comma followed by exactly three digits. In
    // Chinese text the ASCII comma is also a clause break ("3944名,签约").
    if int_digits <= 3 {
        loop {
            let sep = if text[end..].starts_with(',') {
                1
            } else if let Some(space) = [' ', '\u{202f}', '\u{a0}'].into_iter().find(|&c| text[end..].starts_with(c)) {
                // "40 000", "1 234 567.89": spaces group thousands when exactly
                // three digits follow, then no digit and no letter.
                let (group_end, group_len) = digit_run(text, end + space.len_utf8());
                if group_len != 3 || char_at(text, group_end).is_some_and(|c| is_digit(c) || c == ',') {
                    break;
                }
                space.len_utf8()
            } else if text[end..].starts_with('，') && !full_width_comma_is_break(text, end, !plain) {
                '，'.len_utf8()
            } else {
                break;
            };
            let (group_end, group_len) = digit_run(text, end + sep);
            if group_len != 3 {
                break;
            }
            push_ascii_digits(&text[end + sep..group_end], &mut ascii);
            end = group_end;
            int_total += 3;
            plain = false;
        }
    }
    let mut dotted = false;
    let point = |at: usize| {
        let len = if text[at..].starts_with('.') {
            1
        } else if text[at..].starts_with('．') {
            '．'.len_utf8()
        } else {
            return None;
        };
        char_at(text, at + len).is_some_and(is_digit).then_some(len)
    };
    if let Some(len) = point(end) {
        let (frac_end, _) = digit_run(text, end + len);
        ascii.push('.');
        push_ascii_digits(&text[end + len..frac_end], &mut ascii);
        end = frac_end;
        plain = false;
        while let Some(len) = point(end) {
            dotted = true;
            end = digit_run(text, end + len).0;
        }
    }
    let value = ascii.parse::<f64>().unwrap_or(f64::NAN);
    Num { end, ascii, value, int_digits: int_total, plain, dotted }
}

/// "82，225元" is a number; "3，500" followed by more digits or a clause is
/// a list. A full-width comma separates thousands only when exactly three
/// digits follow and then no digit or comma.
fn full_width_comma_is_break(text: &str, at: usize, seen_ascii_comma: bool) -> bool {
    let (end, len) = digit_run(text, at + '，'.len_utf8());
    // "$20，300美圆" lists two prices: only decimals after the group, or
    // ASCII separators around it, make it one number.
    let decimals = text[end..].starts_with('.') && char_at(text, end + 1).is_some_and(is_digit);
    let ascii_after = text[end..].starts_with(',');
    // Full-width digits take full-width separators: "４，５６５".
    let full_width = char_before(text, at).is_some_and(|c| !c.is_ascii_digit())
        && char_at(text, at + '，'.len_utf8()).is_some_and(|c| !c.is_ascii_digit());
    len != 3 || !(decimals || seen_ascii_comma || ascii_after || full_width)
}

/// What was read after the digits.
#[derive(Debug, Clone, Copy)]
struct UnitRead {
    end: usize,
    /// Power of ten the multipliers and scales add up to.
    exp: i32,
    unit: Option<(&'static str, UnitClass)>,
}

/// Reads qualifiers, multipliers, scales and the unit after the digits.
fn read_unit(text: &str, num_start: usize, num: &Num, money_context: bool) -> UnitRead {
    let none = UnitRead { end: num.end, exp: 0, unit: None };
    // One ASCII space may separate digits and unit ("6500 人", "1.2 million").
    let spaced = text[num.end..].starts_with(' ') && !text[num.end + 1..].starts_with(' ');
    let mut p = if spaced { num.end + 1 } else { num.end };
    if !spaced {
        if let Some(class) = time_suffix(text, num_start, num) {
            let end = p + char_at(text, p).map_or(0, char::len_utf8);
            return UnitRead { end, exp: 0, unit: Some(("", class)) };
        }
    }
    let mut exp = 0;
    let mut qualified = eat_qualifier(text, &mut p);
    loop {
        let rest = &text[p..];
        let Some(c) = rest.chars().next() else { break };
        let multiplier = MULTIPLIERS.iter().find(|m| m.0 == c);
        // "千瓦" is a unit, not 千 × 瓦.
        if multiplier.is_some() && longest_unit(rest).is_some_and(|(word, _, _)| word.starts_with(c)) {
            break;
        }
        if let Some(&(_, m)) = multiplier {
            exp += m;
            p += c.len_utf8();
        } else if c == TEN.0 && char_at(text, p + c.len_utf8()).is_some_and(|n| MULTIPLIERS.iter().any(|m| m.0 == n)) {
            exp += TEN.1;
            p += c.len_utf8();
        } else if let Some((word, m)) = longest_prefix(rest, SCALES) {
            exp += m;
            p += word.len();
            if text[p..].starts_with(' ') {
                // Only a unit may follow: "1.2 million tonnes", not "1.2 million in".
                if let Some((word, unit, class)) = longest_unit(&text[p + 1..]) {
                    return UnitRead { end: p + 1 + word.len(), exp, unit: Some((unit, class)) };
                }
            }
        } else if money_context && !spaced && p == num.end {
            if let Some((word, m)) = longest_prefix(rest, MONEY_SCALES) {
                exp += m;
                p += word.len();
            }
            break;
        } else {
            break;
        }
    }
    if !qualified {
        qualified = eat_qualifier(text, &mut p);
    }
    if let Some((word, unit, class)) = longest_unit(&text[p..]) {
        return UnitRead { end: p + word.len(), exp, unit: Some((unit, class)) };
    }
    if exp != 0 || qualified {
        // Give back a qualifier that qualifies nothing ("20多" then a noun).
        return UnitRead { end: p, exp, unit: None };
    }
    if !spaced && char_at(text, num.end).is_some_and(|c| c.is_ascii_alphabetic()) {
        // "5G", "3D", "1st", "1990s": a numeral inside a word.
        return UnitRead { end: num.end, exp, unit: Some(("", UnitClass::NotFigure)) };
    }
    none
}

fn eat_qualifier(text: &str, p: &mut usize) -> bool {
    match char_at(text, *p) {
        Some(c) if INNER_QUALIFIERS.contains(&c) => {
            let next = char_at(text, *p + c.len_utf8());
            // "20多项" yes; "多" starting a word after a bare number stays out.
            let useful = next.is_some_and(|n| {
                MULTIPLIERS.iter().any(|m| m.0 == n) || longest_unit(&text[*p + c.len_utf8()..]).is_some()
            });
            if useful {
                *p += c.len_utf8();
            }
            useful
        }
        _ => false,
    }
}

/// Suffixes that are times or cohorts only in context: "上午9点" but
/// "7点经验", "9时30分" but "90分", "90后" but "3亿后".
fn time_suffix(text: &str, num_start: usize, num: &Num) -> Option<UnitClass> {
    let next = char_at(text, num.end)?;
    let after = char_at(text, num.end + next.len_utf8());
    let before = &text[..num_start];
    match next {
        '点' => {
            let clock = after.is_some_and(|a| is_digit(a) || matches!(a, '半' | '钟' | '整'))
                || TIMES_OF_DAY.suffixes_of(before).next().is_some();
            clock.then_some(UnitClass::NotFigure)
        }
        '分' => {
            // "9时45分" is a time; "1小时45分钟" a duration.
            let clock = matches!(char_before(text, num_start), Some('时' | '点'))
                && !text[..num_start].ends_with("小时")
                && !text[num.end..].starts_with("分钟");
            clock.then_some(UnitClass::NotFigure)
        }
        '后' => (num.plain && num.int_digits == 2).then_some(UnitClass::NotFigure),
        _ => None,
    }
}

/// A currency sign or code just before the digits, with its start.
fn currency_prefix(text: &str, start: usize) -> Option<(usize, &'static str)> {
    let before = &text[..start];
    let trimmed = before.strip_suffix(' ').unwrap_or(before);
    // Most numbers have no sign before them: when no sign ends in the byte
    // before the number (or before the space), none can match.
    let last_bytes = [before.as_bytes().last(), trimmed.as_bytes().last()];
    if !CURRENCY_PREFIXES.iter().any(|(sign, _)| last_bytes.contains(&sign.as_bytes().last())) {
        return None;
    }
    CURRENCY_PREFIXES
        .iter()
        .filter(|(sign, _)| {
            // A sign is attached ("$3"); a code may also stand one space off ("USD 3").
            let sign_start = if ends_with_word(before, sign) {
                before.len() - sign.len()
            } else if trimmed.len() < before.len() && ends_with_word(trimmed, sign) {
                trimmed.len() - sign.len()
            } else {
                return false;
            };
            // "RMB" must be a word of its own, not the end of "XRMB".
            let glued = sign.starts_with(|s: char| s.is_ascii_alphabetic())
                && char_before(text, sign_start).is_some_and(|c| c.is_ascii_alphabetic());
            !glued
        })
        .max_by_key(|(sign, _)| sign.len())
        .map(|&(sign, unit)| {
            let gap = usize::from(!before.ends_with(sign));
            (start - gap - sign.len(), unit)
        })
}

fn not_figure(surface: Range<usize>) -> Token {
    Token { is_number: false, value: 0.0, ..Token::number_only(surface, 0.0) }
}

fn date(surface: Range<usize>) -> Token {
    Token { is_date: true, ..not_figure(surface) }
}

/// A token for a word after a number that makes it no figure: a date or
/// time (年, 月, 日, am) or something else (届, 版, 楼).
fn not_figure_unit(text: &str, surface: Range<usize>, unit_end: usize) -> Token {
    let word = text[..unit_end].rsplit(|c: char| is_digit(c) || c == ' ').next().unwrap_or("");
    if DATE_WORDS.iter().any(|w| word.ends_with(w)) {
        date(surface)
    } else {
        not_figure(surface)
    }
}

/// Reads the number at `start` and everything that belongs to it.
fn read_token(text: &str, start: usize) -> Token {
    let num = parse_number(text, start);
    if num.dotted || !num.value.is_finite() {
        // "2025.11.16" is a date; "1.2.3" a version.
        let date_like = num.int_digits == 4 && YEAR_RANGE.contains(&num.value.trunc());
        return if date_like { date(start..num.end) } else { not_figure(start..num.end) };
    }
    let before = char_before(text, start);
    let prefix = currency_prefix(text, start);
    if prefix.is_none() && is_inside_word(text, start, before) {
        return not_figure(start..num.end);
    }
    if before == Some('第') {
        // "第3届", "第6批": the counter belongs to the ordinal, not to a label.
        let read = read_unit(text, start, &num, false);
        return not_figure(start..read.end);
    }
    let after = char_at(text, num.end);
    let after2 = after.and_then(|a| char_at(text, num.end + a.len_utf8()));
    // "9:30", "11/16/2025", "3/4": times, dates and fractions.
    if matches!(after, Some(':' | '/')) && after2.is_some_and(is_digit) {
        let mut end = num.end;
        while let Some(c) = char_at(text, end) {
            let continues =
                is_digit(c) || (matches!(c, ':' | '/' | '-') && char_at(text, end + 1).is_some_and(is_digit));
            if !continues {
                break;
            }
            end += c.len_utf8();
        }
        let ratio = after == Some(':') && !is_clock(text, start, end);
        if ratio {
            // "1:3": a ratio, read as its first term over the second.
            let second = parse_number(text, num.end + 1);
            let value = num.value / second.value;
            if value.is_finite() && second.end == end {
                return Token::figure(start..end, value, RATIO_UNIT, FigureKind::Other);
            }
            return not_figure(start..end);
        }
        return if after == Some(':') || text[start..end].matches('/').count() == 2 {
            // "9:30 a.m.": the time with its half of the day.
            let half = [" a.m.", " p.m.", " am", " pm", " AM", " PM", "am", "pm"].into_iter().find(|h| {
                text[end..].starts_with(h) && !text[end + h.len()..].starts_with(|c: char| c.is_ascii_alphabetic())
            });
            date(start..end + half.map_or(0, str::len))
        } else {
            not_figure(start..end)
        };
    }
    // "1+5+N", "3+X": names of programmes, not sums.
    if before == Some('+') || (after == Some('+') && after2.is_some_and(|c| c.is_alphanumeric())) {
        return not_figure(start..num.end);
    }
    if let (Some(joiner), Some(next)) = (after, after2) {
        if RANGE_JOINERS.contains(&joiner) {
            // "1万元--5万元", "2——3万港币": a doubled dash is one joiner.
            let doubled = next == joiner && matches!(joiner, '-' | '—');
            let second = num.end + joiner.len_utf8() * if doubled { 2 } else { 1 };
            if char_at(text, second).is_some_and(is_digit) {
                return read_range(text, start, &num, 0, second, prefix);
            }
            if joiner == '-' && next.is_ascii_alphabetic() {
                // "a 45-acre farm" measures; "5-year plan" is an adjective.
                if let Some((word, unit, UnitClass::Figure(kind))) = longest_unit(&text[num.end + 1..]) {
                    return Token::figure(start..num.end + 1 + word.len(), num.value, unit, kind);
                }
                return not_figure(start..num.end);
            }
        }
    }
    let mut read = read_unit(text, start, &num, prefix.is_some());
    let mut value = num.scaled(read.exp);
    // "3万4000", "3亿5000万", "5万4千6百", "1千零1": a smaller number after a
    // multiplier adds to it.
    // In English: "4 thousand 3 hundred and 21".
    while read.unit.is_none() && read.exp >= 2 {
        let english = char_before(text, read.end).is_some_and(|c| c.is_ascii_alphabetic());
        let joiner = if text[read.end..].starts_with(['零', '〇']) {
            '零'.len_utf8()
        } else if english && text[read.end..].starts_with(" and ") {
            " and ".len()
        } else if english && text[read.end..].starts_with(' ') {
            1
        } else {
            0
        };
        let at = read.end + joiner;
        if !char_at(text, at).is_some_and(is_digit) {
            break;
        }
        let rest = parse_number(text, at);
        let rest_read = read_unit(text, at, &rest, prefix.is_some());
        // After a bare space only a smaller scale may follow ("4 thousand 3 hundred",
        // not "4 thousand 3 people").
        let spaced = english && joiner == 1;
        if rest.dotted
            || rest_read.exp >= read.exp
            || (joiner == 0 && rest_read.exp == 0 && read.exp < 4)
            || (spaced && rest_read.exp == 0)
            || rest.value >= 10f64.powi(read.exp)
        {
            break;
        }
        value = numerals::tidy(value + rest.scaled(rest_read.exp));
        read = rest_read;
    }
    if !value.is_finite() {
        return not_figure(start..read.end);
    }
    // "5%~8%", "3亩-5亩": both ends carry the unit.
    if let (Some((unit, UnitClass::Figure(kind))), Some(joiner)) = (read.unit, char_at(text, read.end)) {
        let doubled = matches!(joiner, '-' | '—') && text[read.end + joiner.len_utf8()..].starts_with(joiner);
        let second = read.end + joiner.len_utf8() * if doubled { 2 } else { 1 };
        if RANGE_JOINERS.contains(&joiner) && prefix.is_none() && char_at(text, second).is_some_and(is_digit) {
            let num2 = parse_number(text, second);
            let read2 = read_unit(text, second, &num2, false);
            let high = num2.scaled(read2.exp);
            if matches!(read2.unit, Some((u, _)) if u == unit) && !num2.dotted && high >= value {
                return Token { value_max: Some(high), ..Token::figure(start..read2.end, value, unit, kind) };
            }
        }
    }
    // "3万-5万元", "20%-30%": the joiner comes after the first unit.
    if let Some(joiner) = char_at(text, read.end) {
        if read.exp != 0 && read.unit.is_none() && RANGE_JOINERS.contains(&joiner) {
            let second = read.end + joiner.len_utf8();
            if char_at(text, second).is_some_and(is_digit) {
                let range = read_range(text, start, &num, read.exp, second, prefix);
                if range.is_figure {
                    return range;
                }
            }
        }
    }
    match read.unit {
        Some((_, UnitClass::NotFigure)) => calendar_unit(text, start..read.end, &num, value),
        Some((unit, UnitClass::Figure(kind))) => Token::figure(start..read.end, value, unit, kind),
        None => match prefix {
            Some((prefix_start, unit)) => Token::figure(prefix_start..read.end, value, unit, FigureKind::Money),
            None => {
                if read.exp == 0 && is_bare_non_figure(text, start, &num) {
                    if let Some(range) = english_date(text, start, read.end) {
                        return date(range);
                    }
                    let year = num.plain && num.int_digits == 4 && YEAR_RANGE.contains(&num.value);
                    return if year { date(start..read.end) } else { not_figure(start..read.end) };
                }
                Token::figure(start..read.end, value, "", FigureKind::Other)
            }
        },
    }
}

/// "连续4年", "十年": a number of years under 100 is a duration, unless
/// it is a grade or a decade ("3年级", "80年代").
fn is_duration(text: &str, num: &Num, unit_end: usize) -> bool {
    text[..unit_end].ends_with('年')
        && num.value < 100.0
        && !(num.ascii.starts_with('0') && num.int_digits == 2)
        && !text[unit_end..].starts_with(['级', '代', '前', '底', '初', '末'])
}

/// "9:30" and "10:30:15" are times; "1:3" and "3:1" (a score or a ratio)
/// are not: a clock has two digits after each colon.
fn is_clock(text: &str, start: usize, end: usize) -> bool {
    let parts: Vec<&str> = text[start..end].split(':').collect();
    parts.len() >= 2 && parts[1..].iter().all(|p| p.chars().count() == 2)
}

/// "G20", "GPT3.5", "COVID-19", "#1", "a_2": digits that belong to a word.
fn is_inside_word(text: &str, start: usize, before: Option<char>) -> bool {
    match before {
        Some(c) if c.is_ascii_alphabetic() => true,
        // "%20" in a web address.
        Some('_' | '#' | '@' | '/' | '\\' | '=' | '%') => true,
        Some('-') => char_before(text, start - 1).is_some_and(|c| c.is_ascii_alphanumeric()),
        _ => false,
    }
}

/// "1—11月", "2-3座", "2022—2025年", "2019-20", "023-63907111",
/// "3万-5万元". `first_exp` is the multiplier already read after the first
/// number ("3万-"), 0 when the joiner follows its digits.
fn read_range(
    text: &str,
    start: usize,
    first: &Num,
    first_exp: i32,
    second_start: usize,
    prefix: Option<(usize, &'static str)>,
) -> Token {
    let second = parse_number(text, second_start);
    let year_like = first.plain && first.int_digits == 4 && YEAR_RANGE.contains(&first.value);
    if second.dotted || (year_like && second.int_digits <= 2) {
        // An ISO date or a season; swallow a third part ("2025-11-16").
        let mut end = second.end;
        if let Some(sep @ ('-' | '/')) = char_at(text, end) {
            if char_at(text, end + 1).is_some_and(is_digit) {
                end = digit_run(text, end + sep.len_utf8()).0;
            }
        }
        return date(start..end);
    }
    let read = read_unit(text, second_start, &second, prefix.is_some());
    let surface_start = prefix.map_or(start, |(p, _)| p);
    let (unit, kind) = match (read.unit, prefix) {
        (Some((unit, UnitClass::Figure(kind))), _) => (unit, kind),
        (None, Some((_, unit))) => (unit, FigureKind::Money),
        // Dates ("1—11月"), and ranges of bare numbers: scores, phone numbers.
        (Some(_), _) => return not_figure_unit(text, start..read.end, read.end),
        (None, None) => return not_figure(start..read.end.max(second.end)),
    };
    let high = second.scaled(read.exp);
    // "3-5万元" is 3万 to 5万: a bare first number takes the second's
    // multiplier, unless that would pass the upper end ("8500到3万").
    let mut low = first.scaled(if first_exp == 0 { read.exp } else { first_exp });
    if first_exp == 0 && low > high {
        low = first.value;
    }
    if !(high.is_finite() && low.is_finite()) || low > high {
        return not_figure(start..read.end);
    }
    Token { value_max: Some(high), ..Token::figure(surface_start..read.end, low, unit, kind) }
}

/// Bare numbers (no unit, no multiplier) that are not quantities: years,
/// codes, list markers, names in quotes, and English dates and references.
fn is_bare_non_figure(text: &str, start: usize, num: &Num) -> bool {
    let before = char_before(text, start);
    let after = char_at(text, num.end);
    let year = num.plain && num.int_digits == 4 && YEAR_RANGE.contains(&num.value);
    let code = num.plain && num.int_digits >= MIN_CODE_DIGITS;
    // “416”科技创新布局, "(2025)", "(1)".
    // "减负行动3.0”": the end of a quoted name.
    let ends_name = matches!(after, Some('”' | '」' | '』' | '’'));
    let enclosed = matches!(
        (before, after),
        (Some('“' | '"' | '「' | '『' | '‘' | '\''), Some('”' | '"' | '」' | '』' | '’' | '\''))
            | (Some('(' | '（' | '[' | '【'), Some(')' | '）' | ']' | '】'))
    );
    let line_start = text[..start].trim_end_matches([' ', '\t']).ends_with('\n') || text[..start].trim().is_empty();
    let list_marker = line_start && matches!(after, Some('.' | '、' | ')' | '）' | '．'));
    year || code || ends_name || enclosed || list_marker || near_english_date_or_reference(text, start, num.end)
}

/// "November 16", "16 Nov", "Nov. 16, 2025": the number with its month
/// word (and a year after a comma), when one stands next to it.
fn english_date(text: &str, start: usize, end: usize) -> Option<Range<usize>> {
    let mut range = start..end;
    let before = text[..start].strip_suffix(' ').unwrap_or("");
    let before_dot = before.strip_suffix('.').unwrap_or(before);
    let word = last_word(before_dot);
    let mut found = false;
    if !word.is_empty() && MONTHS.contains(word) {
        range.start = before_dot.len() - word.len();
        found = true;
    }
    if let Some(after) = text[end..].strip_prefix(' ') {
        let word = after.split(|c: char| !c.is_ascii_alphabetic()).next().unwrap_or("");
        if !word.is_empty() && MONTHS.contains(word) {
            range.end = end + 1 + word.len();
            found = true;
        }
    }
    if !found {
        return None;
    }
    // ", 2025" after "November 16".
    if let Some(rest) = text[range.end..].strip_prefix(", ") {
        let (year_end, digits) = digit_run(rest, 0);
        if digits == 4 {
            range.end += 2 + year_end;
        }
    }
    Some(range)
}

/// "November 16", "16 Nov", "page 3", "No. 5".
fn near_english_date_or_reference(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].strip_suffix(' ').unwrap_or("");
    let before = before.strip_suffix('.').unwrap_or(before);
    let word_before = last_word(before);
    let after = text[end..].strip_prefix(' ').unwrap_or("");
    let word_after = after.split(|c: char| !c.is_ascii_alphabetic()).next().unwrap_or("");
    let reference = !word_before.is_empty() && REFERENCE_WORDS.iter().any(|w| w.eq_ignore_ascii_case(word_before));
    MONTHS.contains(word_before) || MONTHS.contains(word_after) || reference
}

/// The trailing run of ASCII letters of `s`.
fn last_word(s: &str) -> &str {
    let start = s.trim_end_matches(|c: char| c.is_ascii_alphabetic()).len();
    &s[start..]
}

/// A Chinese numeral or English number words starting at `i`, or a
/// percentage written in words (百分之三十).
fn read_word_token(text: &str, i: usize, c: char) -> Option<Token> {
    // Most characters start nothing: answer them before looking around.
    if !may_start_token(c) {
        return None;
    }
    let before = char_before(text, i);
    if let Some(&(word, unit)) = PER_WORDS.iter().find(|(w, _)| text[i..].starts_with(w)) {
        let at = i + word.len();
        if word == "百分之" && text[at..].starts_with('百') {
            // "百分之百": all of it.
            let end = at + '百'.len_utf8();
            return Some(Token::figure(i..end, 100.0, unit, FigureKind::Percent));
        }
        let (end, value) = if char_at(text, at).is_some_and(is_digit) {
            let num = parse_number(text, at);
            (num.end, num.value)
        } else {
            let cn = numerals::read_cn(text, at)?;
            (cn.end, cn.value)
        };
        return value.is_finite().then(|| Token::figure(i..end, value, unit, FigureKind::Percent));
    }
    let negative = matches!(c, '负' | '負') && char_at(text, i + c.len_utf8()).is_some_and(numerals::is_cn_start);
    if numerals::is_cn_start(c) || negative {
        if before.is_some_and(|b| numerals::cn_digit(b).is_some() || numerals::cn_unit(b).is_some()) {
            return None; // The rest of a numeral read as a word ("十四五" after its block).
        }
        let cn = numerals::read_cn(text, i)?;
        return Some(cn_token(text, i, &cn));
    }
    if let Some(exp) = numerals::cn_unit(c).filter(|&e| e >= 2) {
        // "近百家", "上千人", "超万名": a round number named by its unit.
        let q = before.filter(|b| ROUND_QUALIFIERS.contains(b))?;
        if text[i..].starts_with("百分") || text[i..].starts_with("千分") || text[i..].starts_with("万分") {
            return None;
        }
        let _ = q;
        let mut end = i + c.len_utf8();
        let mut value = 10f64.powi(exp);
        while let Some(e) = char_at(text, end).and_then(numerals::cn_unit).filter(|&e| e >= 4) {
            value *= 10f64.powi(e);
            end += char_at(text, end).map_or(1, char::len_utf8);
        }
        let cn = CnNumber { end, value, chars: 2, digit_string: false, decimal: false };
        return Some(cn_token(text, i, &cn));
    }
    if c.is_ascii_alphabetic() && !before.is_some_and(|b| b.is_ascii_alphanumeric()) {
        let en = numerals::read_en(text, i)?;
        return Some(en_token(text, i, &en));
    }
    None
}

/// Words before a number that make it a share: "百分之三十" is 30%.
const PER_WORDS: &[(&str, &str)] = &[("百分之", "%"), ("千分之", "‰"), ("万分之", "‱")];

/// Characters before a bare 百/千/万 that make it a round number: 近百, 上千, 超万, 逾千.
const ROUND_QUALIFIERS: &[char] = &['近', '上', '超', '逾', '过'];

/// Chinese words that hold numerals but count nothing, matched at the
/// numeral: "三位一体" is not 3 位, "十分满意" not 10 分, "十四五" a plan.
static CN_NUMERAL_WORDS: Words = Words::new(
    "三位一体 四海 一代 两会 十分 四面八方 五湖四海 三番五次 \
    七上八下 一五一十 九牛一毛 三三两两 千方百计 十全十美 一心一意 \
    三心二意 两岸 十四五 十五五 十三五 十二五 十八大 十九大 二十大 \
    三农 两学一做 四个全面 五位一体 两个维护 四个自信 四个意识 \
    三个代表 两个确立 一国两制 万众一心 九州 一度 一时 一番 一把手 \
    二十国集团",
);

/// Characters before a Chinese digit that make it part of a word
/// ("统一", "唯一", "之一", "单一") or a day ("初一", "周一").
const CN_WORD_BEFORE: &[char] = &['统', '唯', '逐', '之', '单', '专', '同', '划', '整', '不', '万', '某', '哪', '任'];

/// Chinese numerals without a unit shorter than this are not figures.
const MIN_BARE_CN_CHARS: usize = 3;

/// Words before a Chinese digit that make it a day: 初一, 周一, 星期一.
const CN_DAY_BEFORE: &[&str] = &["初", "周", "星期", "礼拜"];

/// A token for the Chinese numeral `cn` read at `start`.
fn cn_token(text: &str, start: usize, cn: &CnNumber) -> Token {
    let before = char_before(text, start);
    if let Some(word) = CN_NUMERAL_WORDS.prefixes_of(&text[start..]).next() {
        return not_figure(start..start + word.len());
    }
    let single = cn.chars == 1;
    if single && CN_DAY_BEFORE.iter().any(|w| text[..start].ends_with(w)) {
        return date(start..cn.end);
    }
    if single && before.is_some_and(|b| CN_WORD_BEFORE.contains(&b)) {
        return not_figure(start..cn.end);
    }
    let ascii = shortest_ascii(cn.value);
    let int_digits = ascii.split('.').next().map_or(0, |s| s.trim_start_matches('-').len());
    let num = Num { end: cn.end, ascii, value: cn.value, int_digits, plain: !cn.decimal, dotted: false };
    let read = read_unit(text, start, &num, false);
    if before == Some('第') {
        return not_figure(start..read.end);
    }
    if cn.digit_string {
        // "二〇二五年" is a year; "七八个" an approximation; "一二三" a code.
        return match read.unit {
            Some((_, UnitClass::NotFigure)) => not_figure_unit(text, start..read.end, read.end),
            _ => Token::number_only(start..cn.end, cn.value),
        };
    }
    let value = num.scaled(read.exp);
    if read.unit.is_none() && read.end == cn.end {
        if let Some(range) = cn_range(text, start, cn) {
            return range;
        }
    }
    match read.unit {
        Some((_, UnitClass::NotFigure)) => calendar_unit(text, start..read.end, &num, value),
        // "十分" is very, "一个" is a; neither is a count.
        Some(("分", _)) | Some(("点", _)) => Token::number_only(start..cn.end, cn.value),
        // "一个", "一项": an article, not a count; a lone 陆 or 伍 is a word (大陆, 队伍).
        Some((_, UnitClass::Figure(FigureKind::Count))) if single && cn.value == 1.0 => {
            Token::number_only(start..cn.end, cn.value)
        }
        Some(_) if single && is_financial(text, start) => Token::number_only(start..cn.end, cn.value),
        Some((unit, UnitClass::Figure(kind))) => Token::figure(start..read.end, value, unit, kind),
        // A bare numeral of three characters or more ("三千九百四十四"); shorter
        // ones without a unit are mostly names ("二十国集团").
        None if cn.chars >= MIN_BARE_CN_CHARS && read.end == cn.end && !matches!(before, Some('“' | '"' | '「')) => {
            Token::figure(start..read.end, value, "", FigureKind::Other)
        }
        None => Token::number_only(start..read.end, value),
    }
}

/// A number whose unit makes it no figure (年, 月, 日…), unless it is a
/// duration in years ("连续4年").
fn calendar_unit(text: &str, span: Range<usize>, num: &Num, value: f64) -> Token {
    if is_duration(text, num, span.end) {
        return Token::figure(span, value, "年", FigureKind::Measure);
    }
    not_figure_unit(text, span.clone(), span.end)
}

/// "两到三万港元", "十八至三十万日元", "一千到两千万元": a range whose first
/// number borrows the multiplier that ends the second.
fn cn_range(text: &str, start: usize, first: &CnNumber) -> Option<Token> {
    let joiner = char_at(text, first.end).filter(|j| RANGE_JOINERS.contains(j))?;
    let second_start = first.end + joiner.len_utf8();
    let c = char_at(text, second_start)?;
    let second = if is_digit(c) {
        read_token(text, second_start)
    } else {
        let cn = numerals::read_cn(text, second_start).filter(|n| !n.digit_string)?;
        cn_token(text, second_start, &cn)
    };
    if !second.is_figure || second.value_max.is_some() || second.unit.is_empty() {
        return None;
    }
    let high = second.value;
    // The multiplier that ends the second number: 万 in 三万, 亿 in 九千亿.
    let numeral_end = text[second_start..second.surface.end]
        .char_indices()
        .take_while(|&(_, ch)| {
            is_digit(ch)
                || numerals::cn_digit(ch).is_some()
                || numerals::cn_unit(ch).is_some()
                || matches!(ch, '.' | ',')
        })
        .last()
        .map_or(second_start, |(i, ch)| second_start + i + ch.len_utf8());
    let mut exp = 0;
    for ch in text[second_start..numeral_end].chars().rev() {
        match numerals::cn_unit(ch).or_else(|| MULTIPLIERS.iter().find(|m| m.0 == ch).map(|m| m.1)) {
            Some(e) if exp == 0 || e >= 4 => exp += e,
            _ => break,
        }
        if exp < 4 {
            break;
        }
    }
    let mut low = numerals::tidy(first.value * 10f64.powi(exp));
    if low > high {
        low = first.value;
    }
    (low <= high).then(|| Token {
        value_max: Some(high),
        ..Token::figure(start..second.surface.end, low, second.unit, second.kind)
    })
}

/// A financial (anti-forgery) digit such as 壹 or 陆 at `start`.
fn is_financial(text: &str, start: usize) -> bool {
    text[start..].starts_with(['壹', '贰', '貳', '叁', '參', '肆', '伍', '陆', '陸', '柒', '捌', '玖', '拾'])
}

/// A token for the English number words `en` read at `start`.
fn en_token(text: &str, start: usize, en: &numerals::EnNumber) -> Token {
    if text[en.end..].starts_with('-') {
        // "a six-mile trip" measures; "three-year", "one-off" are adjectives.
        if let Some((word, unit, UnitClass::Figure(kind))) = longest_unit(&text[en.end + 1..]) {
            return Token::figure(start..en.end + 1 + word.len(), en.value, unit, kind);
        }
        return Token::number_only(start..en.end, en.value);
    }
    let ascii = shortest_ascii(en.value);
    let num = Num { end: en.end, ascii, value: en.value, int_digits: 0, plain: true, dotted: false };
    let read = read_unit(text, start, &num, false);
    let value = num.scaled(read.exp);
    let measured = matches!(read.unit, Some((_, UnitClass::Figure(k))) if k != FigureKind::Count);
    if en.value == 1.0 && en.words == 1 && read.exp == 0 && !measured {
        // "one of them": a pronoun more often than a count.
        return Token::number_only(start..en.end, en.value);
    }
    match read.unit {
        Some((_, UnitClass::NotFigure)) => not_figure_unit(text, start..read.end, read.end),
        Some((unit, UnitClass::Figure(kind))) => Token::figure(start..read.end, value, unit, kind),
        None => Token::figure(start..read.end, value, "", FigureKind::Other),
    }
}

/// Chinese words right before a number that qualify it, longest first.
static ZH_QUALIFIERS_BEFORE: Words = Words::new(
    "不少于 不低于 不超过 超过 大约 将近 接近 不足 不到 至少 最多 \
    最高 多达 高达 约为 超 逾 近 约 上",
);

/// Words that end in a qualifier character but qualify nothing.
static ZH_QUALIFIER_LOOKALIKES: Words = Words::new(
    "最近 附近 靠近 临近 就近 贴近 亲近 签约 预约 节约 制约 合约 条约 \
    公约 契约 违约 履约 特约 相约 邀约 赶超 高超 线上 网上 之上 以上 \
    向上 马上",
);

/// Chinese words right after a figure that qualify it.
const ZH_QUALIFIERS_AFTER: &[&str] = &["以上", "左右", "上下", "以内", "以下", "有余"];

/// English words right before a number (or its currency sign) that qualify it.
const EN_QUALIFIERS_BEFORE: &[&str] = &[
    "more than",
    "less than",
    "fewer than",
    "at least",
    "up to",
    "close to",
    "just over",
    "just under",
    "approximately",
    "roughly",
    "around",
    "about",
    "nearly",
    "almost",
    "over",
    "under",
    "some",
];

/// The qualifier of a figure token: before it (超, about), inside it (余,
/// 多) or after it (以上, 左右); the first found, as written.
fn qualifier(text: &str, token: &Token) -> &'static str {
    let before = &text[..token.surface.start];
    if let Some(q) = ZH_QUALIFIERS_BEFORE.suffixes_of(before).next() {
        let rest = &before[..before.len() - q.len()];
        // "最近3年" is not 近 nor "签约20项" 约; 上 only qualifies a round 上千.
        let word = ZH_QUALIFIER_LOOKALIKES.suffixes_of(before).next().is_some()
            || (q == "上" && !text[token.surface.clone()].starts_with(['百', '千', '万', '亿']));
        let _ = rest;
        if !word {
            return q;
        }
    }
    let trimmed = before.strip_suffix(' ').unwrap_or(before);
    if trimmed.len() < before.len() {
        if let Some(q) = EN_QUALIFIERS_BEFORE.iter().find(|q| {
            trimmed.len() >= q.len()
                && trimmed.is_char_boundary(trimmed.len() - q.len())
                && trimmed[trimmed.len() - q.len()..].eq_ignore_ascii_case(q)
                && !char_before(trimmed, trimmed.len() - q.len()).is_some_and(|c| c.is_ascii_alphabetic())
        }) {
            return q;
        }
    }
    let surface = &text[token.surface.clone()];
    if surface.contains('余') {
        return "余";
    }
    if surface.contains('多') {
        return "多";
    }
    let after = &text[token.surface.end..];
    ZH_QUALIFIERS_AFTER.iter().find(|q| after.starts_with(*q)).copied().unwrap_or("")
}

/// Money's small change after 元: "123元1角1分" is 123.11 元, "壹拾壹元整"
/// is 11 元 (整 and 正 say there is none).
fn add_jiao_fen(text: &str, token: &mut Token) {
    let mut p = token.surface.end;
    if text[p..].starts_with(['整', '正']) {
        token.surface.end = p + '整'.len_utf8();
        return;
    }
    let mut added = 0.0;
    for (words, worth) in [(&['角', '毛'][..], 0.1), (&['分'][..], 0.01)] {
        let Some(c) = char_at(text, p) else { break };
        let digit =
            if c.is_ascii_digit() { c.to_digit(10).map(f64::from) } else { numerals::cn_digit(c).map(f64::from) };
        let Some(d) = digit else { break };
        let next = p + c.len_utf8();
        match char_at(text, next) {
            Some(w) if words.contains(&w) => {
                added += d * worth;
                p = next + w.len_utf8();
            }
            _ => break,
        }
    }
    if added > 0.0 {
        token.value = numerals::tidy(token.value + added);
        token.surface.end = p;
        if text[p..].starts_with('钱') {
            token.surface.end += '钱'.len_utf8();
        }
    }
}

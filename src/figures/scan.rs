//! Finds every number in the text and reads what follows it: multipliers,
//! a unit, or the word that makes it a date.
//!
//! The scanner walks the text once. Each run of digits becomes a [`Token`];
//! tokens that are dates, ordinals, references or numerals inside words are
//! kept too (with `is_figure` false) because they end the label of the
//! number after them ("今年1—11月新增科技型企业13646家" is labelled
//! 新增科技型企业, not 今年1—11月新增…).

use std::ops::Range;

use super::units::{
    longest_prefix, longest_unit, UnitClass, CURRENCY_PREFIXES, INNER_QUALIFIERS, MIN_CODE_DIGITS, MONEY_SCALES,
    MONTHS, MULTIPLIERS, RANGE_JOINERS, REFERENCE_WORDS, SCALES, TEN, TIMES_OF_DAY, YEAR_RANGE,
};
use crate::schema::FigureKind;

/// One number found in the text.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Token {
    /// The surface form: currency sign, digits, multipliers and unit.
    pub surface: Range<usize>,
    /// The value with multipliers applied; the upper bound of a range.
    pub value: f64,
    /// The normalized unit, empty when there is none.
    pub unit: &'static str,
    /// What the unit makes of the number.
    pub kind: FigureKind,
    /// False for dates, times, ordinals, references and numerals in words.
    pub is_figure: bool,
}

/// Every number in `text`, in order, none overlapping.
pub(super) fn scan(text: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut i = 0;
    while let Some(c) = text[i..].chars().next() {
        if is_digit(c) {
            let token = read_token(text, i);
            i = token.surface.end.max(i + c.len_utf8());
            tokens.push(token);
        } else {
            i += c.len_utf8();
        }
    }
    tokens
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
        format!("{}e{exp}", self.ascii).parse().unwrap_or(f64::NAN)
    }
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
        while text[end..].starts_with(',') {
            let (group_end, group_len) = digit_run(text, end + 1);
            if group_len != 3 {
                break;
            }
            push_ascii_digits(&text[end + 1..group_end], &mut ascii);
            end = group_end;
            int_total += 3;
            plain = false;
        }
    }
    let mut dotted = false;
    if text[end..].starts_with('.') && char_at(text, end + 1).is_some_and(is_digit) {
        let (frac_end, _) = digit_run(text, end + 1);
        ascii.push('.');
        push_ascii_digits(&text[end + 1..frac_end], &mut ascii);
        end = frac_end;
        plain = false;
        while text[end..].starts_with('.') && char_at(text, end + 1).is_some_and(is_digit) {
            dotted = true;
            end = digit_run(text, end + 1).0;
        }
    }
    let value = ascii.parse::<f64>().unwrap_or(f64::NAN);
    Num { end, ascii, value, int_digits: int_total, plain, dotted }
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
                || TIMES_OF_DAY.iter().any(|w| before.ends_with(w));
            clock.then_some(UnitClass::NotFigure)
        }
        '分' => {
            let clock = matches!(char_before(text, num_start), Some('时' | '点'));
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
    CURRENCY_PREFIXES
        .iter()
        .filter(|(sign, _)| {
            // A sign is attached ("$3"); a code may also stand one space off ("USD 3").
            let sign_start = if before.ends_with(sign) {
                before.len() - sign.len()
            } else if sign.is_ascii() && trimmed.len() < before.len() && trimmed.ends_with(sign) {
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
    Token { surface, value: 0.0, unit: "", kind: FigureKind::Other, is_figure: false }
}

/// Reads the number at `start` and everything that belongs to it.
fn read_token(text: &str, start: usize) -> Token {
    let num = parse_number(text, start);
    if num.dotted || !num.value.is_finite() {
        return not_figure(start..num.end);
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
        return not_figure(start..end);
    }
    // "1+5+N", "3+X": names of programmes, not sums.
    if before == Some('+') || (after == Some('+') && after2.is_some_and(|c| c.is_alphanumeric())) {
        return not_figure(start..num.end);
    }
    if let (Some(joiner), Some(next)) = (after, after2) {
        if RANGE_JOINERS.contains(&joiner) {
            if is_digit(next) {
                return read_range(text, start, &num, num.end + joiner.len_utf8(), prefix.is_some());
            }
            if joiner == '-' && next.is_ascii_alphabetic() {
                // "5-year plan": an adjective.
                return not_figure(start..num.end);
            }
        }
    }
    let read = read_unit(text, start, &num, prefix.is_some());
    let value = num.scaled(read.exp);
    if !value.is_finite() {
        return not_figure(start..read.end);
    }
    match read.unit {
        Some((_, UnitClass::NotFigure)) => not_figure(start..read.end),
        Some((unit, UnitClass::Figure(kind))) => Token { surface: start..read.end, value, unit, kind, is_figure: true },
        None => match prefix {
            Some((prefix_start, unit)) => {
                Token { surface: prefix_start..read.end, value, unit, kind: FigureKind::Money, is_figure: true }
            }
            None => {
                let is_figure = read.exp != 0 || !is_bare_non_figure(text, start, &num);
                Token { surface: start..read.end, value, unit: "", kind: FigureKind::Other, is_figure }
            }
        },
    }
}

/// "G20", "GPT3.5", "COVID-19", "#1", "a_2": digits that belong to a word.
fn is_inside_word(text: &str, start: usize, before: Option<char>) -> bool {
    match before {
        Some(c) if c.is_ascii_alphabetic() => true,
        Some('_' | '#' | '@' | '/' | '\\' | '=') => true,
        Some('-') => char_before(text, start - 1).is_some_and(|c| c.is_ascii_alphanumeric()),
        _ => false,
    }
}

/// "1—11月", "2-3座", "2022—2025年", "2019-20", "023-63907111".
fn read_range(text: &str, start: usize, first: &Num, second_start: usize, money_context: bool) -> Token {
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
        return not_figure(start..end);
    }
    let read = read_unit(text, second_start, &second, money_context);
    match read.unit {
        Some((unit, UnitClass::Figure(kind))) if second.value.is_finite() => {
            Token { surface: start..read.end, value: second.scaled(read.exp), unit, kind, is_figure: true }
        }
        // Dates ("1—11月"), and ranges of bare numbers: scores, phone numbers.
        _ => not_figure(start..read.end.max(second.end)),
    }
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

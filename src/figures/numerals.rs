//! Numbers written in words: Chinese numerals (三千九百四十四, 两, 十二,
//! 一点七八万亿, 壹仟玖佰, 二〇二五) and English number words (twelve,
//! twenty-five, three hundred and five).
//!
//! These readers only read: whether a reading is a figure (一带一路 is not
//! 1带1路, 十分满意 is not 10 分) is decided by the scanner, which knows what
//! stands around it.
//!
//! Limits: fractions (三分之一) and vague amounts (几十, 数万) are not read;
//! a run of bare digits (二〇二五, 一二三) is read digit by digit, as a year
//! or a code would be.

/// The value of a Chinese digit, simplified, traditional or financial.
pub(super) fn cn_digit(c: char) -> Option<u8> {
    Some(match c {
        '零' | '〇' => 0,
        '一' | '壹' => 1,
        '二' | '贰' | '貳' | '两' | '兩' | '倆' | '俩' => 2,
        '三' | '叁' | '參' => 3,
        '四' | '肆' => 4,
        '五' | '伍' => 5,
        '六' | '陆' | '陸' => 6,
        '七' | '柒' => 7,
        '八' | '捌' => 8,
        '九' | '玖' => 9,
        _ => return None,
    })
}

/// The power of ten of a Chinese unit character (十 百 千 万 亿).
pub(super) fn cn_unit(c: char) -> Option<i32> {
    Some(match c {
        '十' | '拾' => 1,
        '百' | '佰' => 2,
        '千' | '仟' => 3,
        '万' | '萬' => 4,
        '亿' | '億' => 8,
        _ => return None,
    })
}

/// A character a Chinese numeral can start with: a digit, 十, 廿 or 卅.
pub(super) fn is_cn_start(c: char) -> bool {
    cn_digit(c).is_some() || matches!(c, '十' | '拾') || score_of(c).is_some()
}

/// 廿 (twenty) and 卅 (thirty), still written in dates and names.
fn score_of(c: char) -> Option<f64> {
    match c {
        '廿' => Some(20.0),
        '卅' => Some(30.0),
        _ => None,
    }
}

/// A Chinese numeral as read.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct CnNumber {
    /// Byte offset just past the numeral.
    pub end: usize,
    pub value: f64,
    /// Characters read.
    pub chars: usize,
    /// Only digits, no units ("二〇二五", "一二三"): a year, a code or an
    /// approximation ("七八个"), read digit by digit.
    pub digit_string: bool,
    /// A decimal point (点) was read.
    pub decimal: bool,
}

fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..).and_then(|s| s.chars().next())
}

/// Rounds away binary noise ("1.78 × 10^12" computed in floating point) by
/// keeping 12 significant digits, more than any written number carries.
pub(super) fn tidy(value: f64) -> f64 {
    // A whole number below 10^12 has at most 12 digits: written with 12
    // significant digits it is written exactly, and read back unchanged.
    // Most numbers are such, and formatting a float costs far more.
    if value.fract() == 0.0 && value.abs() < 1e12 {
        return value;
    }
    format!("{value:.11e}").parse().unwrap_or(value)
}

/// Reads the Chinese numeral at `start`, if one starts there. A leading 负
/// makes it negative. Linear in the numeral's length.
pub(super) fn read_cn(text: &str, start: usize) -> Option<CnNumber> {
    let (sign, mut p) = match text.get(start..) {
        Some(rest) if rest.starts_with(['负', '負']) => (-1.0, start + '负'.len_utf8()),
        Some(_) => (1.0, start),
        None => return None,
    };
    let first = char_at(text, p)?;
    if !is_cn_start(first) {
        return None;
    }
    // A run of two or more digits with no unit after it is a digit string.
    let mut run_end = p;
    let mut digits = String::new();
    while let Some(d) = char_at(text, run_end).and_then(cn_digit) {
        digits.push(char::from(b'0' + d));
        run_end += char_at(text, run_end).map_or(1, char::len_utf8);
    }
    if digits.len() >= 2 && char_at(text, run_end).is_none_or(|c| cn_unit(c).is_none()) {
        let mut chars = digits.len();
        let mut ascii = digits;
        let mut end = run_end;
        let decimal = read_fraction(text, &mut end, &mut ascii, &mut chars);
        let value: f64 = ascii.parse().ok()?;
        return Some(CnNumber { end, value: sign * value, chars, digit_string: true, decimal });
    }

    let mut total = 0.0_f64;
    let mut section = 0.0_f64;
    let mut digit: Option<f64> = None;
    // The unit read last, for "三万五" (35000) and "两千六" (2600).
    let mut last_unit = 0;
    let mut zero_seen = false;
    let mut chars = 0;
    while let Some(c) = char_at(text, p) {
        if let Some(tens) = score_of(c) {
            // "廿二" is 22, "卅" 30.
            if digit.is_some() || section % 100.0 != 0.0 {
                break;
            }
            section += tens;
            last_unit = 1;
        } else if let Some(d) = cn_digit(c) {
            if digit.is_some() {
                if chars == 1 {
                    return None; // "二三十": twenty or thirty, no one number.
                }
                break; // "一万二三": two digits in a row end the numeral.
            }
            if d == 0 {
                zero_seen = true;
            } else {
                digit = Some(f64::from(d));
            }
        } else if let Some(exp) = cn_unit(c) {
            let ten = 10f64.powi(exp);
            match exp {
                1..=3 => {
                    // "十二" and "一百十一": a bare 十 is one ten; after 零 a
                    // bare unit is one of it ("一万零百一十一" is 10111).
                    let d = digit.take().unwrap_or(if exp == 1 || zero_seen { 1.0 } else { 0.0 });
                    if d == 0.0 {
                        break;
                    }
                    section += d * ten;
                }
                4 => {
                    let s = section + digit.take().unwrap_or(0.0);
                    if s == 0.0 && total == 0.0 {
                        break;
                    }
                    if s == 0.0 && last_unit == 4 {
                        // "四万万" is 4 × 10^8.
                        total *= ten;
                        p += c.len_utf8();
                        chars += 1;
                        continue;
                    }
                    total += s * ten;
                    section = 0.0;
                }
                _ => {
                    let s = section + digit.take().unwrap_or(0.0);
                    if s == 0.0 && total == 0.0 {
                        break;
                    }
                    total = (total + s) * ten;
                    section = 0.0;
                }
            }
            last_unit = exp;
            zero_seen = false;
        } else if matches!(c, '点' | '點') && chars > 0 {
            // "一点七八万亿", "十五点七", "两千三点一": the integer part, then decimals.
            let int = total + section + elided(digit, last_unit, zero_seen);
            let mut ascii = String::from("0");
            let mut end = p;
            let mut frac_chars = 0;
            if !read_fraction(text, &mut end, &mut ascii, &mut frac_chars) {
                break;
            }
            let mut value: f64 = int + ascii.parse::<f64>().ok()?;
            chars += frac_chars;
            // Multipliers after the decimals apply to all of it.
            while let Some(exp) = char_at(text, end).and_then(cn_unit).filter(|&e| e >= 4) {
                value *= 10f64.powi(exp);
                end += char_at(text, end).map_or(1, char::len_utf8);
                chars += 1;
            }
            return Some(CnNumber { end, value: sign * tidy(value), chars, digit_string: false, decimal: true });
        } else {
            break;
        }
        p += c.len_utf8();
        chars += 1;
    }
    // Give back a trailing 零 that ends nothing.
    if chars == 0 {
        return None;
    }
    let value = total + section + elided(digit, last_unit, zero_seen);
    Some(CnNumber { end: p, value: sign * tidy(value), chars, digit_string: false, decimal: false })
}

/// The last digit's worth: "三万五" is 35000, a lone digit after a unit
/// counting in the unit below it, unless a 零 came between ("一万零五").
fn elided(digit: Option<f64>, last_unit: i32, zero_seen: bool) -> f64 {
    match digit {
        Some(d) if last_unit >= 2 && !zero_seen => d * 10f64.powi(last_unit - 1),
        Some(d) => d,
        None => 0.0,
    }
}

/// Reads "点" and the digits after it at `*end` into `ascii` (".78").
fn read_fraction(text: &str, end: &mut usize, ascii: &mut String, chars: &mut usize) -> bool {
    if !text[*end..].starts_with(['点', '點']) {
        return false;
    }
    let mut p = *end + '点'.len_utf8();
    let mut frac = String::new();
    while let Some(d) = char_at(text, p).and_then(cn_digit) {
        frac.push(char::from(b'0' + d));
        p += char_at(text, p).map_or(1, char::len_utf8);
    }
    if frac.is_empty() {
        return false;
    }
    *chars += 1 + frac.len();
    ascii.push('.');
    ascii.push_str(&frac);
    *end = p;
    true
}

/// English number words and their values; scales are in [`EN_SCALES`].
const EN_NUMBERS: &[(&str, u32)] = &[
    ("zero", 0),
    ("nought", 0),
    ("naught", 0),
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
];

/// English scale words read after number words ("three hundred", "two million").
const EN_SCALES: &[(&str, i32)] = &[("hundred", 2), ("thousand", 3), ("million", 6), ("billion", 9), ("trillion", 12)];

/// An English number in words, as read.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct EnNumber {
    pub end: usize,
    pub value: f64,
    /// Number words read (not counting "and").
    pub words: usize,
    /// The last word read was a scale (hundred, million).
    pub ends_in_scale: bool,
}

/// The ASCII word at `p` and its value as a number or scale word.
fn en_word(text: &str, p: usize) -> Option<(usize, Result<u32, i32>)> {
    let rest = text.get(p..)?;
    let len = rest.find(|c: char| !c.is_ascii_alphabetic()).unwrap_or(rest.len());
    if len == 0 || len > 9 {
        return None;
    }
    // The lists are in lower case; the word is compared without a lower-cased copy.
    let word = &rest[..len];
    if let Some(&(_, v)) = EN_NUMBERS.iter().find(|(w, _)| w.eq_ignore_ascii_case(word)) {
        return Some((len, Ok(v)));
    }
    EN_SCALES.iter().find(|(w, _)| w.eq_ignore_ascii_case(word)).map(|&(_, e)| (len, Err(e)))
}

/// Reads English number words at `start` ("twenty-five", "three hundred and
/// five", "two million"). `start` must be at the start of a word.
pub(super) fn read_en(text: &str, start: usize) -> Option<EnNumber> {
    let mut p = start;
    let mut total = 0.0_f64;
    let mut section = 0.0_f64;
    let mut words = 0;
    let mut end = start;
    let mut ends_in_scale = false;
    // The kind of the last word: 0 none, 1 units/teens, 2 tens, 3 scale.
    let mut last = 0;
    while let Some((len, word)) = en_word(text, p) {
        match word {
            Ok(v) => {
                let tens = v >= 20;
                let ok = match last {
                    0 | 3 => true,
                    2 => v < 10 && v > 0,
                    _ => false,
                };
                if !ok {
                    break;
                }
                section += f64::from(v);
                last = if tens { 2 } else { 1 };
                ends_in_scale = false;
            }
            Err(exp) => {
                if last == 0 {
                    break;
                }
                if exp == 2 {
                    section *= 100.0;
                } else {
                    total += section * 10f64.powi(exp);
                    section = 0.0;
                }
                last = 3;
                ends_in_scale = true;
            }
        }
        words += 1;
        p += len;
        end = p;
        // Joiners: "twenty-five", "fifty - two", "three hundred and five".
        let skip = joiner_len(&text[p..], last == 3);
        if skip > 0 && en_word(text, p + skip).is_some() {
            p += skip;
            continue;
        }
        break;
    }
    if words == 0 {
        return None;
    }
    let mut value = total + section;
    // "two hundred point seventy-one", "nine point nought four".
    let rest = &text[end..];
    if let Some(after) = rest.strip_prefix(" point ") {
        let mut q = end + rest.len() - after.len();
        let mut digits = String::new();
        while let Some(frac) = read_en_plain(text, q) {
            digits.push_str(&format!("{}", frac.value));
            end = frac.end;
            let skip = joiner_len(&text[end..], false);
            if skip == 0 || en_word(text, end + skip).is_none() {
                break;
            }
            q = end + skip;
        }
        if let Ok(f) = format!("0.{digits}").parse::<f64>() {
            if !digits.is_empty() {
                value += f;
            }
        }
    }
    Some(EnNumber { end, value: tidy(value), words, ends_in_scale })
}

/// One number of units or tens words after "point" ("seventy-one", "four").
fn read_en_plain(text: &str, start: usize) -> Option<EnNumber> {
    let (len, word) = en_word(text, start)?;
    let v = word.ok()?;
    let mut end = start + len;
    let mut value = f64::from(v);
    if v >= 20 && text[end..].starts_with('-') {
        if let Some((len2, Ok(u))) = en_word(text, end + 1) {
            if u < 10 {
                value += f64::from(u);
                end += 1 + len2;
            }
        }
    }
    Some(EnNumber { end, value, words: 1, ends_in_scale: false })
}

/// Bytes of the joiner between two number words at the start of `rest`:
/// spaces, a hyphen (spaced or not), or "and" after a scale.
fn joiner_len(rest: &str, after_scale: bool) -> usize {
    let spaces = rest.len() - rest.trim_start_matches(' ').len();
    let after = &rest[spaces..];
    if let Some(more) = after.strip_prefix('-') {
        return spaces + 1 + (more.len() - more.trim_start_matches(' ').len());
    }
    if after_scale && spaces > 0 {
        if let Some(more) = after.strip_prefix("and ") {
            return spaces + 4 + (more.len() - more.trim_start_matches(' ').len());
        }
    }
    spaces
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_number_words_are_listed_in_lower_case() {
        // `en_word` compares them with the text ignoring case.
        for word in EN_NUMBERS.iter().map(|(w, _)| w).chain(EN_SCALES.iter().map(|(w, _)| w)) {
            assert!(word.bytes().all(|b| b.is_ascii_lowercase()), "{word}");
        }
        assert_eq!(en_word("Twenty-five", 0), Some((6, Ok(20))));
        assert_eq!(en_word("MILLION", 0), Some((7, Err(6))));
    }
}

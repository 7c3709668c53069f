//! The word lists the figure scanner reads numbers with: multipliers, units,
//! currency signs, and the words that make a number a date or a reference
//! instead of a quantity.
//!
//! Conventions for `unit`, so that the same amount always compares equal:
//! * Chinese units keep their Chinese form (元, 美元, 名, 吨), with the
//!   multiplier applied to the value: "36.85亿元" is 3685000000 元 and
//!   "630万人" is 6300000 人.
//! * Currency signs and English currency words become ISO 4217 codes
//!   ("$3bn" is 3000000000 USD, "€5" is 5 EUR), because a sign alone is
//!   ambiguous across countries; "人民币" alone counts as 元.
//! * Percentages are "%" in both languages; percentage points are
//!   "个百分点" in Chinese and "pp" in English, never "%".

use std::sync::OnceLock;

use crate::schema::FigureKind;
use crate::text::chars::utf8_len;

/// A word list written as one space-separated string: compact to read and
/// to review. The labeller asks it at nearly every character of a clause
/// which words start (or end) there, so the first use also files the words
/// under their first and their last character: a question then looks at the
/// few words that can match, not at the whole list.
///
/// Lists are `static`, not `const`, so that the index is built once.
#[derive(Debug)]
pub(super) struct Words {
    list: &'static str,
    index: OnceLock<WordIndex>,
}

/// A set of characters as a 1024-bit table indexed by the low bits of the
/// code point: no branch for the characters that are surely not in the set,
/// and a false alarm now and then (ASCII letters are always let through).
#[derive(Debug)]
pub(super) struct CharFilter([u64; 16]);

impl CharFilter {
    pub(super) const fn new(chars: &str) -> CharFilter {
        let mut bits = [0u64; 16];
        let bytes = chars.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            // Decode one UTF-8 character by hand: `chars()` is not const.
            let (c, len) = match bytes[i] {
                b if b < 0x80 => (b as u32, 1),
                b if b < 0xE0 => (((b as u32) & 0x1F) << 6 | (bytes[i + 1] as u32 & 0x3F), 2),
                b if b < 0xF0 => {
                    (((b as u32) & 0x0F) << 12 | (bytes[i + 1] as u32 & 0x3F) << 6 | (bytes[i + 2] as u32 & 0x3F), 3)
                }
                b => (
                    ((b as u32) & 0x07) << 18
                        | (bytes[i + 1] as u32 & 0x3F) << 12
                        | (bytes[i + 2] as u32 & 0x3F) << 6
                        | (bytes[i + 3] as u32 & 0x3F),
                    4,
                ),
            };
            bits[(c as usize & 1023) / 64] |= 1 << (c % 64);
            i += len;
        }
        CharFilter(bits)
    }

    /// Adds `c` to the set.
    fn insert(&mut self, c: char) {
        let slot = (c as u32 & 1023) as usize;
        self.0[slot / 64] |= 1 << (slot % 64);
    }

    /// False only for characters surely not in the set: the reference the
    /// tests check the byte-level filters below against.
    #[cfg(test)]
    pub(super) fn may_hold(&self, c: char) -> bool {
        let slot = (c as u32 & 1023) as usize;
        c.is_ascii_alphabetic() || self.0[slot / 64] & (1 << (slot % 64)) != 0
    }

    /// [`may_hold`](Self::may_hold) for the first character of `bytes`,
    /// which start on a character boundary of a `str`, without decoding it.
    /// In UTF-8 the last byte of a character of two bytes or more carries
    /// the low 6 bits of its code point and the byte before it the next 6,
    /// so those two bytes give the low 10 bits, the table's slot.
    pub(super) fn may_hold_first(&self, bytes: &[u8]) -> bool {
        let Some(&lead) = bytes.first() else { return false };
        if lead < 0x80 {
            return self.may_hold_ascii(lead);
        }
        let len = utf8_len(lead);
        match bytes.get(len - 2..len) {
            Some(&[before_last, last]) => self.may_hold_tail(before_last, last),
            _ => false,
        }
    }

    /// [`may_hold`](Self::may_hold) for the last character of `bytes`,
    /// which end on a character boundary of a `str`: its last two bytes are
    /// all the table needs, wherever the character starts.
    pub(super) fn may_hold_last(&self, bytes: &[u8]) -> bool {
        match *bytes {
            [.., last] if last < 0x80 => self.may_hold_ascii(last),
            [.., before_last, last] => self.may_hold_tail(before_last, last),
            _ => false,
        }
    }

    /// A character of one byte.
    fn may_hold_ascii(&self, byte: u8) -> bool {
        byte.is_ascii_alphabetic() || self.holds_slot(usize::from(byte))
    }

    /// A character of two bytes or more, by its last two.
    fn may_hold_tail(&self, before_last: u8, last: u8) -> bool {
        self.holds_slot(usize::from(before_last & 0x0F) << 6 | usize::from(last & 0x3F))
    }

    fn holds_slot(&self, slot: usize) -> bool {
        self.0[slot / 64] & (1 << (slot % 64)) != 0
    }
}

/// The words of a [`Words`] list sorted by their first (and by their last)
/// character; words with the same character keep the order written.
#[derive(Debug)]
struct WordIndex {
    by_first: Vec<(char, &'static str)>,
    by_last: Vec<(char, &'static str)>,
    /// The first characters, and the last: most questions end here.
    firsts: CharFilter,
    lasts: CharFilter,
}

impl WordIndex {
    fn new(list: &'static str) -> WordIndex {
        let keyed = |edge: fn(&str) -> Option<char>| {
            let mut words: Vec<(char, &'static str)> =
                list.split_ascii_whitespace().filter_map(|w| edge(w).map(|c| (c, w))).collect();
            // Stable: words filed under one character stay in written order.
            words.sort_by_key(|&(c, _)| c);
            words
        };
        let by_first = keyed(|w| w.chars().next());
        let by_last = keyed(|w| w.chars().next_back());
        let mut firsts = CharFilter::new("");
        by_first.iter().for_each(|&(c, _)| firsts.insert(c));
        let mut lasts = CharFilter::new("");
        by_last.iter().for_each(|&(c, _)| lasts.insert(c));
        WordIndex { by_first, by_last, firsts, lasts }
    }
}

/// The words filed under `c`, in written order.
fn filed_under<'w>(words: &'w [(char, &'static str)], c: char) -> &'w [(char, &'static str)] {
    let from = words.partition_point(|&(k, _)| k < c);
    let to = from + words[from..].partition_point(|&(k, _)| k == c);
    &words[from..to]
}

impl Words {
    pub(super) const fn new(list: &'static str) -> Words {
        Words { list, index: OnceLock::new() }
    }

    fn index(&self) -> &WordIndex {
        self.index.get_or_init(|| WordIndex::new(self.list))
    }

    /// The words, in the order written.
    pub(super) fn iter(&self) -> std::str::SplitAsciiWhitespace<'static> {
        self.list.split_ascii_whitespace()
    }

    /// True when `word` is one of the words.
    pub(super) fn contains(&self, word: &str) -> bool {
        word.chars().next().is_some_and(|c| filed_under(&self.index().by_first, c).iter().any(|&(_, w)| w == word))
    }

    /// The words `s` starts with, in written order.
    pub(super) fn prefixes_of<'s>(&'s self, s: &'s str) -> impl Iterator<Item = &'static str> + 's {
        let index = self.index();
        // Most questions end at the filter, asked of the bytes: only a
        // character it lets through is decoded.
        let filed = if index.firsts.may_hold_first(s.as_bytes()) {
            s.chars().next().map_or(&[][..], |c| filed_under(&index.by_first, c))
        } else {
            &[][..]
        };
        filed.iter().map(|&(_, w)| w).filter(move |w| s.starts_with(*w))
    }

    /// The words `s` ends with, in written order.
    pub(super) fn suffixes_of<'s>(&'s self, s: &'s str) -> impl Iterator<Item = &'static str> + 's {
        let index = self.index();
        let filed = if index.lasts.may_hold_last(s.as_bytes()) {
            s.chars().next_back().map_or(&[][..], |c| filed_under(&index.by_last, c))
        } else {
            &[][..]
        };
        filed.iter().map(|&(_, w)| w).filter(move |w| s.ends_with(*w))
    }

    /// True when one of the words occurs anywhere in `s`.
    pub(super) fn occurs_in(&self, s: &str) -> bool {
        s.char_indices().any(|(i, _)| self.prefixes_of(&s[i..]).next().is_some())
    }
}

/// What a word after a number makes of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum UnitClass {
    /// A quantity of this kind.
    Figure(FigureKind),
    /// A date, a time, an edition or an ordinal-like suffix: not a figure.
    NotFigure,
}

use FigureKind::{Count, Measure, Money, Other, Percent};
use UnitClass::{Figure, NotFigure};

/// Chinese multipliers written after the digits ("1.87万", "36.85亿", "3万亿").
/// 十 is only read inside a chain ("十万"), see [`TEN`].
/// Each multiplier is a power of ten, kept as its exponent so that values
/// stay exact in decimal ("1.38万" is 13800, not 13799.999999999998).
pub(super) const MULTIPLIERS: &[(char, i32)] =
    &[('百', 2), ('千', 3), ('万', 4), ('亿', 8), ('佰', 2), ('仟', 3), ('萬', 4), ('億', 8)];

/// 十 multiplies only inside a chain ("十万", "十亿"): a lone 十 after
/// Arabic digits is not how numbers are written.
pub(super) const TEN: (char, i32) = ('十', 1);

/// Qualifiers that sit between the digits and the unit ("120余天", "20多项",
/// "3万余个"): kept inside the surface form, ignored in the value.
pub(super) const INNER_QUALIFIERS: &[char] = &['余', '多'];

/// Words after a number, longest match wins. The surface form, the
/// normalized unit, and what the unit makes of the number.
///
/// Units that start with a multiplier character (千瓦, 百分点) are listed so
/// that the scanner prefers them to the multiplier.
pub(super) const UNITS: &[(&str, &str, UnitClass)] = &[
    // Money. "亿元" is a multiplier and 元.
    ("元", "元", Figure(Money)),
    ("人民币", "元", Figure(Money)),
    ("元人民币", "元", Figure(Money)),
    ("€", "EUR", Figure(Money)),
    ("$", "USD", Figure(Money)),
    ("£", "GBP", Figure(Money)),
    ("usd", "USD", Figure(Money)),
    ("rmb", "CNY", Figure(Money)),
    ("US dollar", "USD", Figure(Money)),
    ("美圆", "美元", Figure(Money)),
    ("美元", "美元", Figure(Money)),
    ("港元", "港元", Figure(Money)),
    ("港币", "港元", Figure(Money)),
    ("欧元", "欧元", Figure(Money)),
    ("英镑", "英镑", Figure(Money)),
    ("日元", "日元", Figure(Money)),
    ("韩元", "韩元", Figure(Money)),
    ("澳元", "澳元", Figure(Money)),
    ("卢布", "卢布", Figure(Money)),
    ("泰铢", "泰铢", Figure(Money)),
    ("dollars", "USD", Figure(Money)),
    ("dollar", "USD", Figure(Money)),
    ("US dollars", "USD", Figure(Money)),
    ("euros", "EUR", Figure(Money)),
    ("euro", "EUR", Figure(Money)),
    ("pounds", "GBP", Figure(Money)),
    ("yuan", "CNY", Figure(Money)),
    ("yen", "JPY", Figure(Money)),
    ("USD", "USD", Figure(Money)),
    ("EUR", "EUR", Figure(Money)),
    ("GBP", "GBP", Figure(Money)),
    ("CNY", "CNY", Figure(Money)),
    ("RMB", "CNY", Figure(Money)),
    // Shares.
    ("%", "%", Figure(Percent)),
    ("％", "%", Figure(Percent)),
    ("‰", "‰", Figure(Percent)),
    ("个百分点", "个百分点", Figure(Percent)),
    ("百分点", "个百分点", Figure(Percent)),
    ("個百分點", "个百分点", Figure(Percent)),
    ("百分點", "个百分点", Figure(Percent)),
    ("percent", "%", Figure(Percent)),
    ("percents", "%", Figure(Percent)),
    ("percentage", "%", Figure(Percent)),
    ("per cent", "%", Figure(Percent)),
    ("percentage points", "pp", Figure(Percent)),
    ("percentage point", "pp", Figure(Percent)),
    // Measure words: the unit is the counter itself.
    ("名", "名", Figure(Count)),
    ("人", "人", Figure(Count)),
    ("人次", "人次", Figure(Count)),
    ("位", "位", Figure(Count)),
    ("户", "户", Figure(Count)),
    ("个", "个", Figure(Count)),
    ("個", "个", Figure(Count)),
    ("项", "项", Figure(Count)),
    ("家", "家", Figure(Count)),
    ("场", "场", Figure(Count)),
    ("所", "所", Figure(Count)),
    ("座", "座", Figure(Count)),
    ("台", "台", Figure(Count)),
    ("辆", "辆", Figure(Count)),
    ("套", "套", Figure(Count)),
    ("件", "件", Figure(Count)),
    ("批", "批", Figure(Count)),
    ("款", "款", Figure(Count)),
    ("条", "条", Figure(Count)),
    ("次", "次", Figure(Count)),
    ("支", "支", Figure(Count)),
    ("只", "只", Figure(Count)),
    ("头", "头", Figure(Count)),
    ("篇", "篇", Figure(Count)),
    ("部", "部", Figure(Count)),
    ("本", "本", Figure(Count)),
    ("张", "张", Figure(Count)),
    ("种", "种", Figure(Count)),
    ("类", "类", Figure(Count)),
    ("处", "处", Figure(Count)),
    ("间", "间", Figure(Count)),
    ("栋", "栋", Figure(Count)),
    ("架", "架", Figure(Count)),
    ("艘", "艘", Figure(Count)),
    ("份", "份", Figure(Count)),
    ("组", "组", Figure(Count)),
    ("队", "队", Figure(Count)),
    ("棵", "棵", Figure(Count)),
    ("株", "株", Figure(Count)),
    ("片", "片", Figure(Count)),
    ("道", "道", Figure(Count)),
    ("轮", "轮", Figure(Count)),
    ("点", "点", Figure(Count)),
    // "6大领域", "4大科创高地": a count of the noun after it.
    ("大", "大", Figure(Count)),
    // Physical quantities and durations.
    ("吨", "吨", Figure(Measure)),
    ("千克", "千克", Figure(Measure)),
    ("公斤", "公斤", Figure(Measure)),
    ("斤", "斤", Figure(Measure)),
    ("公分", "厘米", Figure(Measure)),
    ("英里", "英里", Figure(Measure)),
    ("英尺", "英尺", Figure(Measure)),
    ("平方英尺", "平方英尺", Figure(Measure)),
    ("吉瓦", "吉瓦", Figure(Measure)),
    ("瑞士法郎", "瑞士法郎", Figure(Money)),
    ("新台币", "新台币", Figure(Money)),
    ("台币", "新台币", Figure(Money)),
    ("块钱", "元", Figure(Money)),
    ("圆", "元", Figure(Money)),
    ("克", "克", Figure(Measure)),
    ("毫克", "毫克", Figure(Measure)),
    ("微克", "微克", Figure(Measure)),
    ("亩", "亩", Figure(Measure)),
    ("公顷", "公顷", Figure(Measure)),
    ("平方米", "平方米", Figure(Measure)),
    ("平方公里", "平方公里", Figure(Measure)),
    ("平方千米", "平方千米", Figure(Measure)),
    ("立方米", "立方米", Figure(Measure)),
    ("公里", "公里", Figure(Measure)),
    ("千米", "千米", Figure(Measure)),
    ("米", "米", Figure(Measure)),
    ("厘米", "厘米", Figure(Measure)),
    ("毫米", "毫米", Figure(Measure)),
    ("海里", "海里", Figure(Measure)),
    ("千瓦时", "千瓦时", Figure(Measure)),
    ("千瓦", "千瓦", Figure(Measure)),
    ("兆瓦", "兆瓦", Figure(Measure)),
    ("瓦", "瓦", Figure(Measure)),
    ("度", "度", Figure(Measure)),
    ("升", "升", Figure(Measure)),
    ("毫升", "毫升", Figure(Measure)),
    ("标箱", "标箱", Figure(Measure)),
    ("℃", "℃", Figure(Measure)),
    ("天", "天", Figure(Measure)),
    ("小时", "小时", Figure(Measure)),
    ("分钟", "分钟", Figure(Measure)),
    ("秒", "秒", Figure(Measure)),
    ("个月", "个月", Figure(Measure)),
    ("个多月", "个月", Figure(Measure)),
    ("周岁", "岁", Figure(Measure)),
    ("岁", "岁", Figure(Measure)),
    ("km", "km", Figure(Measure)),
    ("kg", "kg", Figure(Measure)),
    ("cm", "cm", Figure(Measure)),
    ("mm", "mm", Figure(Measure)),
    ("GB", "GB", Figure(Measure)),
    ("TB", "TB", Figure(Measure)),
    ("MB", "MB", Figure(Measure)),
    ("kW", "kW", Figure(Measure)),
    ("kWh", "kWh", Figure(Measure)),
    ("MW", "MW", Figure(Measure)),
    ("GW", "GW", Figure(Measure)),
    ("km²", "km²", Figure(Measure)),
    ("m²", "m²", Figure(Measure)),
    ("kilometres", "km", Figure(Measure)),
    ("kilometre", "km", Figure(Measure)),
    ("kilometer", "km", Figure(Measure)),
    ("mile", "miles", Figure(Measure)),
    ("feet", "feet", Figure(Measure)),
    ("foot", "feet", Figure(Measure)),
    ("ft", "feet", Figure(Measure)),
    ("inches", "inches", Figure(Measure)),
    ("inch", "inches", Figure(Measure)),
    ("acre", "acres", Figure(Measure)),
    ("gallons", "gallons", Figure(Measure)),
    ("gallon", "gallons", Figure(Measure)),
    ("lbs", "lb", Figure(Measure)),
    ("ml", "ml", Figure(Measure)),
    ("square meters", "m²", Figure(Measure)),
    ("square metres", "m²", Figure(Measure)),
    ("square kilometres", "km²", Figure(Measure)),
    ("square kilometers", "km²", Figure(Measure)),
    ("square miles", "sq mi", Figure(Measure)),
    ("metric tons", "tonnes", Figure(Measure)),
    ("km2", "km²", Figure(Measure)),
    ("degrees", "degrees", Figure(Measure)),
    ("CM", "cm", Figure(Measure)),
    ("kilometers", "km", Figure(Measure)),
    ("miles", "miles", Figure(Measure)),
    ("kilograms", "kg", Figure(Measure)),
    ("tonnes", "tonnes", Figure(Measure)),
    ("tons", "tons", Figure(Measure)),
    ("metres", "m", Figure(Measure)),
    ("meters", "m", Figure(Measure)),
    ("hectares", "hectares", Figure(Measure)),
    ("acres", "acres", Figure(Measure)),
    ("barrels", "barrels", Figure(Measure)),
    ("litres", "litres", Figure(Measure)),
    ("liters", "litres", Figure(Measure)),
    ("hours", "hours", Figure(Measure)),
    ("days", "days", Figure(Measure)),
    ("weeks", "weeks", Figure(Measure)),
    ("months", "months", Figure(Measure)),
    ("years", "years", Figure(Measure)),
    // A ratio, not a share: "增长2倍".
    ("倍", "倍", Figure(Other)),
    ("times", "times", Figure(Other)),
    // A score or a grade.
    ("分", "分", Figure(Other)),
    // Dates, times, editions and ordinal-like suffixes. 年 also catches
    // durations ("连续4年"): v1 treats every N年 as a date.
    ("年", "", NotFigure),
    ("月", "", NotFigure),
    ("日", "", NotFigure),
    ("号", "", NotFigure),
    ("时", "", NotFigure),
    ("周年", "", NotFigure),
    ("世纪", "", NotFigure),
    ("季度", "", NotFigure),
    ("届", "", NotFigure),
    ("版", "", NotFigure),
    ("期", "", NotFigure),
    ("级", "", NotFigure),
    ("楼", "", NotFigure),
    ("路", "", NotFigure),
    ("am", "", NotFigure),
    ("pm", "", NotFigure),
    ("a.m.", "", NotFigure),
    ("p.m.", "", NotFigure),
    ("AM", "", NotFigure),
    ("PM", "", NotFigure),
    ("GMT", "", NotFigure),
    ("BC", "", NotFigure),
    ("AD", "", NotFigure),
];

/// Words that, before the digits, give a number its currency ("$3.2 billion",
/// "人民币1.4亿元"). A currency after the number wins over these.
pub(super) const CURRENCY_PREFIXES: &[(&str, &str)] = &[
    ("US$", "USD"),
    ("HK$", "HKD"),
    ("A$", "AUD"),
    ("C$", "CAD"),
    ("$", "USD"),
    ("€", "EUR"),
    ("£", "GBP"),
    ("¥", "CNY"),
    ("￥", "CNY"),
    ("人民币", "元"),
    ("USD", "USD"),
    ("EUR", "EUR"),
    ("GBP", "GBP"),
    ("RMB", "CNY"),
    ("CNY", "CNY"),
    ("usd", "USD"),
    ("rmb", "CNY"),
    ("usd$", "USD"),
];

/// English scale words after a number ("1.2 million", "3bn").
/// As powers of ten, like [`MULTIPLIERS`].
pub(super) const SCALES: &[(&str, i32)] = &[
    ("hundred", 2),
    ("thousand", 3),
    ("million", 6),
    ("billion", 9),
    ("trillion", 12),
    ("mn", 6),
    ("mln", 6),
    ("bn", 9),
    ("bln", 9),
    ("tn", 12),
    ("tln", 12),
    ("trn", 12),
];

/// One-letter scales, read only right after a currency amount ("$5m", "£3bn"
/// is in [`SCALES`]): elsewhere "5m" is five metres.
pub(super) const MONEY_SCALES: &[(&str, i32)] = &[("k", 3), ("m", 6), ("b", 9)];

/// Characters that join two numbers into a range ("1—11月", "2-3座",
/// "19日至21日" is two dates, handled one at a time).
pub(super) const RANGE_JOINERS: &[char] = &['-', '—', '–', '~', '～', '至', '到'];

/// English months: a number next to one is a day or a year. Capitalized,
/// because "may" is also a verb.
pub(super) static MONTHS: Words = Words::new(
    "January February March April May June July August September October November December Jan \
    Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec",
);

/// English words before a number that make it a reference, not a quantity
/// ("page 3", "Article 5"), compared in lower case without a final period.
pub(super) static REFERENCE_WORDS: Words = Words::new(
    "page pages p pp figure fig table chapter section article vol volume no number room route \
    version episode season grade level phase round stage part item rule step line",
);

/// Words just before a number that make "N点" a time of day ("上午9点").
pub(super) static TIMES_OF_DAY: Words = Words::new("上午 下午 晚上 凌晨 早上 中午 傍晚 早 晚");

/// Counters that count people: such counts outrank counts of things.
pub(super) static PEOPLE_UNITS: Words = Words::new("名 人 人次 位");

/// English nouns that make a bare count a count of people.
pub(super) static PEOPLE_NOUNS: Words = Words::new(
    "people persons workers employees jobs residents students staff patients visitors tourists \
    users customers members children households deaths cases",
);

/// Years are read as dates when a bare four-digit integer falls in this range.
pub(super) const YEAR_RANGE: std::ops::RangeInclusive<f64> = 1000.0..=2100.0;

/// A bare integer with at least this many digits and no separators is a
/// phone number, a code or an id, not a quantity.
pub(super) const MIN_CODE_DIGITS: usize = 7;

/// `s.starts_with(word)`, answering most misses from the first byte alone:
/// the full comparison calls `memcmp`, which for words this short costs
/// more than the comparison itself.
pub(super) fn starts_with_word(s: &str, word: &str) -> bool {
    match word.as_bytes().first() {
        Some(first) => s.as_bytes().first() == Some(first) && s.starts_with(word),
        None => true,
    }
}

/// `s.ends_with(word)`, answering most misses from the last byte alone, as
/// [`starts_with_word`] does.
pub(super) fn ends_with_word(s: &str, word: &str) -> bool {
    match word.as_bytes().last() {
        Some(last) => s.as_bytes().last() == Some(last) && s.ends_with(word),
        None => true,
    }
}

/// Looks up the longest entry of `table` that `rest` starts with and that
/// ends on a word boundary when it ends in an ASCII letter. The tables
/// ([`SCALES`], [`MONEY_SCALES`]) are English words, each starting with an
/// ASCII letter: most numbers are followed by none, and are answered at once.
pub(super) fn longest_prefix<'t, T: Copy>(rest: &str, table: &'t [(&'t str, T)]) -> Option<(&'t str, T)> {
    if !rest.as_bytes().first().is_some_and(u8::is_ascii_alphabetic) {
        return None;
    }
    table
        .iter()
        .filter(|(word, _)| starts_with_word(rest, word) && ends_on_boundary(rest, word.len()))
        .max_by_key(|(word, _)| word.len())
        .copied()
}

/// Like [`longest_prefix`] for three-column tables.
pub(super) fn longest_unit(rest: &str) -> Option<(&'static str, &'static str, UnitClass)> {
    let first = rest.chars().next()?;
    let by_first = UNITS_BY_FIRST.get_or_init(|| {
        let mut entries: Vec<(char, &'static Unit)> =
            UNITS.iter().filter_map(|entry| entry.0.chars().next().map(|c| (c, entry))).collect();
        // Stable: entries under one character stay in table order.
        entries.sort_by_key(|&(c, _)| c);
        entries
    });
    let from = by_first.partition_point(|&(c, _)| c < first);
    by_first[from..]
        .iter()
        .take_while(|&&(c, _)| c == first)
        .map(|&(_, entry)| entry)
        .filter(|(word, _, _)| rest.starts_with(word) && ends_on_boundary(rest, word.len()))
        // "10 €" yes; "1.2 million €3" is a sign before the next number.
        .filter(|(word, _, _)| {
            !(SIGN_UNITS.contains(word) && starts_number(rest[word.len()..].trim_start_matches(' ')))
        })
        .max_by_key(|(word, _, _)| word.len())
        .copied()
}

/// [`UNITS`] sorted by the first character of the surface form: a number is
/// followed by one character, and only its entries can match.
static UNITS_BY_FIRST: OnceLock<Vec<(char, &'static Unit)>> = OnceLock::new();

/// One row of [`UNITS`]: surface form, normalized unit, class.
type Unit = (&'static str, &'static str, UnitClass);

/// Currency signs also read after a number ("10 €").
const SIGN_UNITS: &[&str] = &["$", "€", "£"];

fn starts_number(s: &str) -> bool {
    s.starts_with(|c: char| c.is_ascii_digit() || ('０'..='９').contains(&c))
}

/// True unless `rest[..len]` ends in an ASCII letter and another follows:
/// "km" must not match "kmh", nor "m" match "million".
fn ends_on_boundary(rest: &str, len: usize) -> bool {
    let last = rest[..len].chars().next_back();
    let next = rest[len..].chars().next();
    !(last.is_some_and(|c| c.is_ascii_alphabetic()) && next.is_some_and(|c| c.is_ascii_alphanumeric()))
}

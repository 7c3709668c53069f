//! Language detection: Chinese or English, from the share of Han characters.
//!
//! Only the two languages the product supports are told apart. A document
//! with a meaningful share of Han script is Chinese, since Chinese news
//! routinely quotes English names and figures but not the reverse.

use super::chars::{is_han, is_letter};
use crate::schema::Lang;

/// Han characters must make up at least this share of the letters for a
/// document to be read as Chinese.
const MIN_HAN_SHARE: f64 = 0.2;

/// Only the start of a document is read: enough to tell, at any length.
const READ_CHARS: usize = 20_000;

/// How often, in characters, the count so far is checked for a settled answer.
const SETTLED_EVERY: usize = 512;

/// Guesses the language of `text`.
///
/// Reading stops once the rest could not change the answer: when even a
/// rest of nothing but other letters would leave the Han share above the
/// bar, or nothing but Han below it. A Chinese article is settled a
/// quarter of the way in.
pub fn detect(text: &str) -> Lang {
    let to_read = chars_to_read(text);
    let mut tally = Tally::default();
    for (read, c) in text.chars().take(to_read).enumerate() {
        if read % SETTLED_EVERY == 0 {
            let rest = to_read - read;
            if (Tally { letters: tally.letters + rest, ..tally }).is_chinese() {
                return Lang::Zh;
            }
            if !(Tally { han: tally.han + rest, letters: tally.letters + rest }).is_chinese() {
                return Lang::En;
            }
        }
        tally.add(c);
    }
    tally.lang()
}

/// The Han characters and the letters read so far.
#[derive(Debug, Default, Clone, Copy)]
struct Tally {
    han: usize,
    letters: usize,
}

impl Tally {
    fn add(&mut self, c: char) {
        if is_han(c) {
            self.han += 1;
            self.letters += 1;
        } else if is_letter(c) {
            self.letters += 1;
        }
    }

    fn is_chinese(self) -> bool {
        self.letters > 0 && self.han as f64 / self.letters as f64 >= MIN_HAN_SHARE
    }

    fn lang(self) -> Lang {
        if self.is_chinese() {
            Lang::Zh
        } else {
            Lang::En
        }
    }
}

/// How many characters [`detect`] reads: all of a short text, at most
/// [`READ_CHARS`]. They are counted in the first `4 * READ_CHARS` bytes
/// (less a split character), which hold at least that many, so a long text
/// is not counted to its end.
fn chars_to_read(text: &str) -> usize {
    let mut end = text.len().min(4 * READ_CHARS);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text[..end].chars().count().min(READ_CHARS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_with_latin_names_is_chinese() {
        assert_eq!(detect("欧洲科学院院长罗德里戈·马丁斯说，AI与GDP都很重要。"), Lang::Zh);
    }

    #[test]
    fn english_with_a_quoted_word_is_english() {
        assert_eq!(detect("The word 人 means person, said the teacher in the morning class."), Lang::En);
    }

    /// `detect` as it reads without stopping early.
    fn detect_reading_all(text: &str) -> Lang {
        let mut tally = Tally::default();
        text.chars().take(READ_CHARS).for_each(|c| tally.add(c));
        tally.lang()
    }

    #[test]
    fn the_characters_to_read_are_counted_from_the_start_only() {
        for piece in ["a", "é", "字", "🗕"] {
            for extra in [0, 1, 2, 3] {
                for n in [READ_CHARS - 1, READ_CHARS, READ_CHARS + 1] {
                    let text = "a".repeat(extra) + &piece.repeat(n);
                    assert_eq!(chars_to_read(&text), text.chars().count().min(READ_CHARS), "{piece}×{n} after {extra}");
                }
            }
        }
    }

    #[test]
    fn stopping_early_gives_the_answer_of_reading_everything() {
        // A run of Han and a run of other letters, in either order, split
        // on both sides of the bar, shorter and longer than what is read:
        // the start promises one answer and the rest may overturn it.
        for len in [700, 5_000, READ_CHARS + 3_000] {
            for split in (0..=len).step_by(len / 200) {
                for (first, second) in [("字", "a"), ("a", "字"), ("字", "，"), ("1", "字")] {
                    let text = first.repeat(split) + &second.repeat(len - split);
                    assert_eq!(detect(&text), detect_reading_all(&text), "{first}×{split} {second}×{}", len - split);
                }
            }
        }
        // Mixes whose Han share moves along the text.
        let mut random = crate::testing::pseudo_random(0x9e37_79b9_7f4a_7c15);
        let mut next = |m: u64| random() % m;
        let pieces = ["字", "a", "1", "，", " ", "é", "中文", "word "];
        let (mut chinese, mut english) = (0, 0);
        for _ in 0..400 {
            let len = [10, 600, 3000, READ_CHARS + 900][next(4) as usize];
            let mut text = String::new();
            let mut weights = [next(5) + 1, next(20) + 1, next(3), next(4), next(4), next(2), next(3), next(6)];
            while text.chars().count() < len {
                if next(500) == 0 {
                    weights = [next(5) + 1, next(20) + 1, next(3), next(4), next(4), next(2), next(3), next(6)];
                }
                let total: u64 = weights.iter().sum();
                let mut pick = next(total);
                let k = weights
                    .iter()
                    .position(|&w| {
                        pick < w || {
                            pick -= w;
                            false
                        }
                    })
                    .unwrap_or(0);
                text.push_str(pieces[k]);
            }
            let want = detect_reading_all(&text);
            assert_eq!(detect(&text), want, "{} chars", text.chars().count());
            chinese += usize::from(want == Lang::Zh);
            english += usize::from(want == Lang::En);
        }
        assert!(chinese > 50 && english > 50, "both answers are met: {chinese} Chinese, {english} English");
    }

    #[test]
    fn empty_text_defaults_to_english() {
        assert_eq!(detect(""), Lang::En);
    }
}

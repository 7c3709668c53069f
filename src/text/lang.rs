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

/// Guesses the language of `text`.
pub fn detect(text: &str) -> Lang {
    let (mut han, mut letters) = (0usize, 0usize);
    for c in text.chars().take(20_000) {
        if is_han(c) {
            han += 1;
            letters += 1;
        } else if is_letter(c) {
            letters += 1;
        }
    }
    if letters > 0 && han as f64 / letters as f64 >= MIN_HAN_SHARE {
        Lang::Zh
    } else {
        Lang::En
    }
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

    #[test]
    fn empty_text_defaults_to_english() {
        assert_eq!(detect(""), Lang::En);
    }
}

//! Character classes shared by every stage that reads Chinese and English.

/// True for CJK ideographs: the unified block, Extension A, the compatibility
/// ideographs, and the two ideographic planes (Extensions B to J and the
/// compatibility supplement), whose code points are all ideographs or
/// unassigned.
pub fn is_han(c: char) -> bool {
    matches!(c,
        '\u{4E00}'..='\u{9FFF}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{3FFFF}')
}

/// The length in bytes of the UTF-8 character that starts with `lead`, for
/// the loops that step through a text's bytes one character at a time
/// without decoding it. `lead` must start a character.
pub const fn utf8_len(lead: u8) -> usize {
    match lead {
        0x00..0x80 => 1,
        0x80..0xE0 => 2,
        0xE0..0xF0 => 3,
        _ => 4,
    }
}

/// True when `text` is at most `max_chars` characters. A character is one to
/// four bytes, so the length in bytes settles most texts without counting.
pub fn is_short(text: &str, max_chars: usize) -> bool {
    if text.len() <= max_chars {
        true
    } else if text.len() > max_chars.saturating_mul(4) {
        false
    } else {
        text.chars().count() <= max_chars
    }
}

/// True when the UTF-8 character whose first two bytes are `lead` and
/// `second` lies in U+4E00–U+9FFF (E4 B8 80 to E9 BF BF), the main block of
/// Chinese characters: all of them letters, none a digit, none with a case,
/// each three bytes. For the byte loops that step over Chinese text without
/// decoding it; `lead` must start a character of two bytes or more.
pub fn is_main_han_block(lead: u8, second: u8) -> bool {
    matches!(lead, 0xE5..=0xE9) || (lead == 0xE4 && second >= 0xB8)
}

/// True for punctuation that only appears in CJK text: 。，、《》「」 and
/// the full-width forms (，：；！？（）).
pub fn is_cjk_punct(c: char) -> bool {
    matches!(c, '\u{3000}'..='\u{303F}' | '\u{FF01}'..='\u{FF0F}' | '\u{FF1A}'..='\u{FF20}'
        | '\u{FF3B}'..='\u{FF40}' | '\u{FF5B}'..='\u{FF65}' | '“' | '”' | '‘' | '’' | '…' | '—' | '·')
}

/// `char::is_alphanumeric`, answered without Unicode's tables for the
/// characters news is made of (ASCII, Chinese characters, CJK
/// punctuation), which that general test looks up slowly.
pub fn is_letter_or_digit(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        is_han(c) || (!is_cjk_punctuation_mark(c) && c.is_alphanumeric())
    }
}

/// `char::is_alphabetic`, with the same shortcuts as [`is_letter_or_digit`].
pub fn is_letter(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphabetic()
    } else {
        is_han(c) || (!is_cjk_punctuation_mark(c) && c.is_alphabetic())
    }
}

/// The CJK and full-width punctuation that is neither letter nor digit. Not
/// `is_cjk_punct`: its range holds 〇 and 々, which are letters.
fn is_cjk_punctuation_mark(c: char) -> bool {
    matches!(c, '\u{3000}'..='\u{3004}' | '\u{3008}'..='\u{3020}' | '\u{FF01}'..='\u{FF0F}'
        | '\u{FF1A}'..='\u{FF20}' | '\u{FF3B}'..='\u{FF40}' | '\u{FF5B}'..='\u{FF65}'
        | '“' | '”' | '‘' | '’' | '…' | '—' | '·')
}

/// True for the characters that end a sentence in either language.
pub fn is_terminator(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '!' | '?' | '.' | '…' | '．' | '｡')
}

/// True for closing quotes and brackets, which belong to the sentence they close.
pub fn is_closer(c: char) -> bool {
    matches!(c, '”' | '’' | '"' | '\'' | ')' | '）' | ']' | '】' | '」' | '』' | '》' | '〉')
}

/// True when `s` ends like a finished sentence: a terminator, optionally
/// followed by closing quotes or brackets.
pub fn ends_sentence(s: &str) -> bool {
    s.trim_end().trim_end_matches(is_closer).chars().next_back().is_some_and(is_terminator)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_length_from_the_first_byte_is_the_length_of_the_character() {
        for c in (0..=char::MAX as u32).filter_map(char::from_u32) {
            let mut buffer = [0; 4];
            let encoded = c.encode_utf8(&mut buffer);
            assert_eq!(utf8_len(encoded.as_bytes()[0]), c.len_utf8(), "{c:?}");
        }
    }

    #[test]
    fn short_texts_are_told_by_their_length_as_by_their_count() {
        for piece in ["a", "é", "字", "🗕", "a字"] {
            for n in 0..24 {
                let text = piece.repeat(n);
                for max_chars in 0..50 {
                    assert_eq!(is_short(&text, max_chars), text.chars().count() <= max_chars, "{text:?} {max_chars}");
                }
            }
        }
    }

    #[test]
    fn the_main_han_block_is_told_from_its_first_two_bytes() {
        for c in (0x80..=char::MAX as u32).filter_map(char::from_u32) {
            let mut buffer = [0; 4];
            let bytes = c.encode_utf8(&mut buffer).as_bytes();
            assert_eq!(is_main_han_block(bytes[0], bytes[1]), ('\u{4E00}'..='\u{9FFF}').contains(&c), "{c:?}");
        }
    }

    #[test]
    fn sentence_ends_look_through_closing_quotes() {
        assert!(ends_sentence("他说：“这是对的。”"));
        assert!(ends_sentence("It works.) "));
        assert!(!ends_sentence("推动西部人才高质量发"));
        assert!(!ends_sentence("智汇西部,共筑人才新高地"));
    }

    #[test]
    fn han_and_cjk_punctuation_are_told_apart() {
        assert!(is_han('重') && !is_han('A') && !is_han('。'));
        // Extension B (𠀀) and Extension G (𰀀), rare but real in names; kana and Hangul are not Han.
        assert!(is_han('\u{20000}') && is_han('\u{30000}') && !is_han('の') && !is_han('한'));
        assert!(is_cjk_punct('。') && is_cjk_punct('，') && !is_cjk_punct(','));
    }

    #[test]
    fn the_fast_letter_test_agrees_with_unicode() {
        let sample = "重庆 3944名，“人才”。Ünïcode ① ٣ 한국어 ｅ… ！？";
        for c in sample.chars().chain('\u{3000}'..='\u{30FF}').chain('\u{FF00}'..='\u{FFEF}') {
            assert_eq!(is_letter_or_digit(c), c.is_alphanumeric(), "{c:?}");
            assert_eq!(is_letter(c), c.is_alphabetic(), "{c:?}");
        }
    }
}

//! The output stage: internal results mapped onto the [`Summary`] schema.
//!
//! Internally every range is in bytes; the schema promises UTF-16 code
//! units, which is what JavaScript strings index by. [`Utf16Offsets`] does
//! that conversion in one pass over the text.

use std::ops::Range;

use crate::schema::{DateMention, Figure, Heading, Keyword, Sentence};

/// Scores are rounded to this many decimal places, so that output is
/// stable across platforms and easy to read.
const SCORE_DECIMALS: i32 = 4;

/// Bytes between checkpoints: a lookup scans at most this much text.
const CHECKPOINT_STRIDE: usize = 64;

/// Maps byte offsets of one text to UTF-16 offsets.
pub struct Utf16Offsets<'a> {
    text: &'a str,
    /// (byte offset, UTF-16 offset) at the first char boundary every
    /// [`CHECKPOINT_STRIDE`] bytes or so.
    checkpoints: Vec<(usize, u32)>,
}

impl<'a> Utf16Offsets<'a> {
    /// Indexes `text` in one pass.
    pub fn new(text: &'a str) -> Utf16Offsets<'a> {
        let mut checkpoints = Vec::with_capacity(text.len() / CHECKPOINT_STRIDE + 1);
        checkpoints.push((0, 0));
        let (mut byte, mut units) = (0, 0);
        while byte + CHECKPOINT_STRIDE < text.len() {
            let mut next = byte + CHECKPOINT_STRIDE;
            while !text.is_char_boundary(next) {
                next += 1;
            }
            units += utf16_len(&text.as_bytes()[byte..next]);
            checkpoints.push((next, units));
            byte = next;
        }
        Utf16Offsets { text, checkpoints }
    }

    /// The UTF-16 offset of byte offset `byte`, which must be a char boundary.
    pub fn at(&self, byte: usize) -> u32 {
        let i = self.checkpoints.partition_point(|&(b, _)| b <= byte) - 1;
        let (b, units) = self.checkpoints[i];
        units + utf16_len(&self.text.as_bytes()[b..byte])
    }

    fn range(&self, range: &Range<usize>) -> (u32, u32) {
        (self.at(range.start), self.at(range.end))
    }
}

/// The UTF-16 length of UTF-8 `bytes`, read from the bytes alone: each
/// char's first byte counts one unit, and a four-byte char's counts two.
///
/// `bytes` is at most a stride and a char long, so its length (no more
/// units than bytes) fits a byte: summed in bytes, the compiler adds 16 or 32
/// at a time, where in `u32`s it added 4 or 8.
fn utf16_len(bytes: &[u8]) -> u32 {
    debug_assert!(bytes.len() <= usize::from(u8::MAX));
    let units = bytes.iter().map(|&b| u8::from(b & 0xC0 != 0x80) + u8::from(b >= 0xF0)).fold(0u8, u8::wrapping_add);
    u32::from(units)
}

/// Rounds a score for output.
pub fn round_score(score: f64) -> f64 {
    let scale = 10f64.powi(SCORE_DECIMALS);
    (score * scale).round() / scale
}

/// A headline sentence in schema form.
pub fn sentence(text: &str, offsets: &Utf16Offsets, range: &Range<usize>, score: f64) -> Sentence {
    let (start, end) = offsets.range(range);
    Sentence { text: text[range.clone()].to_string(), start, end, score: round_score(score) }
}

/// A key figure in schema form.
pub fn figure(text: &str, offsets: &Utf16Offsets, found: crate::figures::Figure) -> Figure {
    let (start, end) = offsets.range(&found.range);
    Figure {
        text: text[found.range].to_string(),
        value: found.value,
        value_max: found.value_max,
        unit: found.unit.to_string(),
        kind: found.kind,
        label: found.label,
        qualifier: found.qualifier,
        direction: found.direction,
        compared_to: found.compared_to,
        start,
        end,
        score: round_score(found.score),
    }
}

/// A date mention in schema form.
pub fn date(text: &str, offsets: &Utf16Offsets, range: &Range<usize>) -> DateMention {
    let (start, end) = offsets.range(range);
    DateMention { text: text[range.clone()].to_string(), start, end }
}

/// A heading in schema form.
pub fn heading(text: &str, offsets: &Utf16Offsets, range: &Range<usize>, level: u8) -> Heading {
    let (start, end) = offsets.range(range);
    Heading { text: text[range.clone()].to_string(), level, start, end }
}

/// A keyword in schema form.
pub fn keyword((word, score): (String, f64)) -> Keyword {
    Keyword { word, score: round_score(score) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_offsets_count_code_units() {
        let text = "ab重庆c😀d".repeat(100);
        let text = text.as_str();
        let offsets = Utf16Offsets::new(text);
        let utf16: Vec<u16> = text.encode_utf16().collect();
        for (byte, c) in text.char_indices().chain([(text.len(), ' ')]) {
            let expected = text[..byte].encode_utf16().count() as u32;
            assert_eq!(offsets.at(byte), expected, "at byte {byte} ({c})");
        }
        assert_eq!(utf16.len() as u32, offsets.at(text.len()));
    }

    #[test]
    fn scores_are_rounded() {
        assert_eq!(round_score(0.123456), 0.1235);
    }
}

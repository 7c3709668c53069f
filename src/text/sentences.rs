//! Sentence boundaries for Chinese and English.
//!
//! A sentence ends at a terminator (。！？!?… and, in English, a period),
//! together with any closing quotes or brackets after it. The rules that
//! keep a terminator from ending a sentence:
//!
//! * **Quotes stay with their sentence.** A terminator inside an open quote
//!   does not end the sentence, and a closing quote after a terminator ends
//!   it only when what follows is not a continuation: in
//!   “这是对的。”他说。 the attribution belongs to the quote, so it is one
//!   sentence. A quote left open for more than [`MAX_OPEN_QUOTE_CHARS`] is
//!   taken to be unbalanced (common in converted text) and ignored.
//! * **Periods are careful.** A period ends a sentence only before white
//!   space or the end of the block, and not after a known abbreviation
//!   (Mr., U.S., Jan.), a single initial (J. Smith), or before a lower-case
//!   word. Decimals (3.14) and dotted names (example.com) never split.
//!
//! Sentences never cross a block: callers split one paragraph at a time.

use std::ops::Range;

use super::chars::{is_closer, is_han, is_terminator};

/// A quote still open after this many characters is treated as unbalanced.
pub const MAX_OPEN_QUOTE_CHARS: usize = 200;

/// Words that a period follows without ending the sentence (lower case,
/// without their final period).
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "mt", "ft", "inc", "ltd", "co", "corp", "vs", "etc", "e.g",
    "i.e", "u.s", "u.k", "u.n", "a.m", "p.m", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
    "nov", "dec", "no", "nos", "gen", "col", "lt", "sgt", "capt", "rep", "sen", "gov", "rev", "fig", "approx", "dept",
    "est", "vol", "ph.d", "cf", "al",
];

/// Splits `text[block]` into sentences, returned as trimmed byte ranges of
/// `text`, in order, none of them empty.
pub fn split(text: &str, block: Range<usize>) -> Vec<Range<usize>> {
    let body = &text[block.clone()];
    let chars: Vec<(usize, char)> = body.char_indices().collect();
    let mut cuts = Vec::new();
    let mut quotes = QuoteState::default();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i].1;
        if !is_terminator(c) {
            quotes.step(c, i);
            i += 1;
            continue;
        }
        // Take the whole run: "?!", "……", "。”", ".)".
        let mut end = i + 1;
        let mut closed_quote = false;
        while end < chars.len() && (is_terminator(chars[end].1) || is_closer(chars[end].1)) {
            closed_quote |= quotes.step(chars[end].1, end);
            end += 1;
        }
        let next = chars.get(end).map(|&(_, c)| c);
        if ends_here(&chars, i, end, next, closed_quote, &quotes) {
            cuts.push(chars.get(end).map_or(body.len(), |&(b, _)| b));
            quotes = QuoteState::default();
        }
        i = end;
    }
    cuts.push(body.len());

    let mut sentences: Vec<Range<usize>> = Vec::with_capacity(cuts.len());
    let mut start = 0;
    for cut in cuts {
        let piece = &body[start..cut];
        let lead = piece.len() - piece.trim_start().len();
        let range = block.start + start + lead..block.start + start + piece.trim_end().len();
        start = cut;
        if range.is_empty() {
            continue;
        }
        // A piece with no word in it ("……", "”") belongs to the sentence before.
        let has_word = text[range.clone()].chars().any(|c| c.is_alphanumeric());
        match sentences.last_mut() {
            Some(last) if !has_word => last.end = range.end,
            _ => sentences.push(range),
        }
    }
    sentences
}

/// Decides whether the terminator run `chars[at..end]` ends a sentence.
fn ends_here(
    chars: &[(usize, char)],
    at: usize,
    end: usize,
    next: Option<char>,
    closed_quote: bool,
    quotes: &QuoteState,
) -> bool {
    if quotes.is_open(at) {
        return false;
    }
    let Some(next) = next else { return true };
    if closed_quote && continues_sentence(next) {
        return false;
    }
    let c = chars[at].1;
    let is_western = matches!(c, '.' | '!' | '?');
    if is_western && !(next.is_whitespace() || is_han(next) || next == '“') {
        return false;
    }
    // An ellipsis runs on into the words after it ("他沉默了……然后说").
    if c == '…' && !(next.is_whitespace() || matches!(next, '“' | '"' | '「')) {
        return false;
    }
    let following = chars[end..].iter().map(|&(_, c)| c).find(|c| !c.is_whitespace());
    if following.is_some_and(char::is_lowercase) {
        return false;
    }
    !(c == '.' && end == at + 1 && follows_abbreviation(chars, at))
}

/// After a closing quote, these characters carry the sentence on
/// (an attribution such as 他说, or a comma).
fn continues_sentence(next: char) -> bool {
    is_han(next) || next.is_alphanumeric() || matches!(next, '，' | ',' | '、' | '：' | ':' | '；' | ';')
}

/// True when the word before the period at `at` is an abbreviation or an initial.
fn follows_abbreviation(chars: &[(usize, char)], at: usize) -> bool {
    let word: String = chars[..at]
        .iter()
        .rev()
        .map(|&(_, c)| c)
        .take_while(|c| c.is_alphanumeric() || *c == '.')
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let lower = word.to_lowercase();
    let single_initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
    single_initial || ABBREVIATIONS.contains(&lower.as_str())
}

/// Tracks whether the scan is inside a quotation.
#[derive(Default)]
struct QuoteState {
    depth: usize,
    ascii_open: bool,
    /// Char index where the outermost open quote began.
    opened_at: Option<usize>,
}

impl QuoteState {
    /// Feeds one character; returns true if it closed the outermost quote.
    fn step(&mut self, c: char, index: usize) -> bool {
        let opens = matches!(c, '“' | '「' | '『') || (c == '"' && !self.ascii_open);
        let closes = matches!(c, '”' | '」' | '』') || (c == '"' && self.ascii_open);
        if c == '"' {
            self.ascii_open = !self.ascii_open;
        }
        if opens {
            if self.depth == 0 {
                self.opened_at = Some(index);
            }
            self.depth += 1;
        } else if closes && self.depth > 0 {
            self.depth -= 1;
            if self.depth == 0 {
                self.opened_at = None;
                return true;
            }
        }
        false
    }

    fn is_open(&self, at: usize) -> bool {
        // A quote opened inside the terminator run (`。"`) opened after `at`.
        self.opened_at.is_some_and(|start| start <= at && at - start <= MAX_OPEN_QUOTE_CHARS)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        split(text, 0..text.len()).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn chinese_sentences_end_at_terminators() {
        assert_eq!(
            sentences("江流浩荡,群星汇聚。大会落下帷幕!真的吗?"),
            vec!["江流浩荡,群星汇聚。", "大会落下帷幕!", "真的吗?"]
        );
    }

    #[test]
    fn a_quote_stays_with_its_attribution() {
        assert_eq!(sentences("“这是对的。”他说。"), vec!["“这是对的。”他说。"]);
        assert_eq!(
            sentences("\"科技创新,人才是关键。\"李兰娟说,要重视培养。大会闭幕。"),
            vec!["\"科技创新,人才是关键。\"李兰娟说,要重视培养。", "大会闭幕。"]
        );
    }

    #[test]
    fn a_quote_that_closes_a_paragraph_ends_the_sentence() {
        assert_eq!(sentences("“重庆很有活力。”“大会彰显开放姿态。”"), vec!["“重庆很有活力。”", "“大会彰显开放姿态。”"]);
    }

    #[test]
    fn terminators_inside_a_quote_do_not_split() {
        assert_eq!(sentences("他说：“第一。第二。”然后离开。"), vec!["他说：“第一。第二。”然后离开。"]);
    }

    #[test]
    fn an_unbalanced_quote_does_not_swallow_the_paragraph() {
        let long = format!("“{}。后面还有一句。", "很长".repeat(MAX_OPEN_QUOTE_CHARS));
        assert_eq!(sentences(&long).len(), 2);
    }

    #[test]
    fn decimals_and_abbreviations_are_not_boundaries() {
        assert_eq!(sentences("增长1.87万个。总额36.85亿元。"), vec!["增长1.87万个。", "总额36.85亿元。"]);
        assert_eq!(
            sentences("Mr. Smith paid $3.5 million to the U.S. Treasury. He left at 5 p.m. on Friday."),
            vec!["Mr. Smith paid $3.5 million to the U.S. Treasury.", "He left at 5 p.m. on Friday."]
        );
        assert_eq!(
            sentences("J. K. Rowling wrote it. Then she rested."),
            vec!["J. K. Rowling wrote it.", "Then she rested."]
        );
    }

    #[test]
    fn english_question_and_quote_endings() {
        assert_eq!(
            sentences("\"Is it done?\" she asked. \"Yes.\" Then silence."),
            vec!["\"Is it done?\" she asked.", "\"Yes.\"", "Then silence."]
        );
    }

    #[test]
    fn ellipses_and_lone_punctuation_join_the_sentence_before() {
        assert_eq!(sentences("他沉默了……然后说。"), vec!["他沉默了……然后说。"]);
        assert_eq!(sentences("结束了。……"), vec!["结束了。……"]);
    }

    #[test]
    fn ranges_are_absolute_and_trimmed() {
        let text = "标题\n\n第一句。 第二句。";
        let ranges = split(text, 8..text.len());
        assert_eq!(ranges.iter().map(|r| &text[r.clone()]).collect::<Vec<_>>(), vec!["第一句。", "第二句。"]);
    }
}

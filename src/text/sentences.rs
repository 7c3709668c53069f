//! Sentence boundaries for Chinese and English.
//!
//! A sentence ends at a terminator (。！？!?… and, in English, a period),
//! together with any closing quotes or brackets after it, and at a line
//! break. The rules that keep a terminator from ending a sentence:
//!
//! * **Quotes.** A terminator inside an open quote (“”「」『』"", and book
//!   titles 《》) does not end the sentence. A closing quote right after a
//!   terminator ends the sentence unless the sentence goes on: a comma or
//!   colon follows, a lower-case word follows, or an attribution follows
//!   (a short speaker and a speech verb: “这是对的。”他说。 is one sentence,
//!   but 他问：“准备好了吗？”我点头。 is two). A quote left open for more
//!   than [`MAX_OPEN_QUOTE_CHARS`] is taken to be unbalanced (common in
//!   converted text) and ignored.
//! * **Periods are careful.** A period ends a sentence only before white
//!   space, Chinese, an opening quote, or (run together, "world.Today")
//!   a capitalised word after a lower-case word or a number. Decimals (3.14),
//!   versions (v2.1.0) and dotted names (example.com) never split. After a
//!   title (Mr., Dr.) it never ends; after a reference abbreviation (p., No.)
//!   it does not end before a number; after any other abbreviation or
//!   initial (U.S., Co., A.I., J.) it ends only before a word that usually
//!   starts a sentence (The, He, How…), so "the U.S. Treasury" stays whole.
//! * **Lists.** Two or more consecutive list markers in a block ("1.",
//!   "2)", "a.", "• 9.") each start a sentence, and their periods end none.
//! * **Elisions.** An ellipsis in brackets ("[...]") is not an end.
//!
//! Limits: spaced ellipses (". . .") are read as periods; Spanish and other
//! languages' abbreviations are not known.
//!
//! Sentences never cross a block: callers split one paragraph at a time.

use std::ops::Range;

use super::chars::{is_closer, is_han, is_letter_or_digit, is_terminator};

/// A quote still open after this many characters is treated as unbalanced.
pub const MAX_OPEN_QUOTE_CHARS: usize = 200;

/// Titles before a name: a period after them never ends a sentence.
const TITLES: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "st", "mt", "gen", "col", "lt", "sgt", "capt", "rep", "sen", "gov", "rev", "hon",
    "messrs", "mmes", "adm", "maj", "supt", "insp", "fr", "sra", "srta",
];

/// Abbreviations that stand before a number: "p. 55", "No. 5".
const NUMBER_ABBREVIATIONS: &[&str] = &["p", "pp", "no", "nos", "vol", "fig", "art", "ch", "sec", "para", "op", "ed"];

/// Other abbreviations (lower case, without their final period). A period
/// after them ends a sentence only before a [`SENTENCE_STARTERS`] word.
const ABBREVIATIONS: &[&str] = &[
    "sr", "jr", "ft", "inc", "ltd", "co", "corp", "vs", "etc", "e.g", "i.e", "u.s", "u.k", "u.n", "a.m", "p.m", "jan",
    "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "approx", "dept", "est", "ph.d",
    "cf", "al", "bros", "assn", "univ", "jan", "mon", "tue", "wed", "thu", "fri", "sat", "sun",
];

/// Words that usually begin a sentence, so an abbreviation before them
/// also ends one ("I live in the U.S. How about you?").
const SENTENCE_STARTERS: &[&str] = &[
    "A", "Being", "Did", "For", "He", "How", "However", "I", "In", "It", "Millions", "More", "She", "That", "The",
    "There", "They", "We", "What", "When", "Where", "Who", "Why", "This", "These", "Those", "But", "And", "If", "So",
    "You", "Our", "His", "Her", "Their", "Its", "After", "Before", "Then", "Is", "Are", "Was", "Were",
];

/// Verbs of saying: after a closing quote, a short speaker and one of these
/// make an attribution that belongs to the quoted sentence.
const SPEECH_VERBS: &[&str] = &[
    "说道",
    "说",
    "表示",
    "回答",
    "答道",
    "问道",
    "问",
    "道",
    "称",
    "指出",
    "强调",
    "介绍",
    "透露",
    "坦言",
    "补充",
    "解释",
    "写道",
    "感叹",
    "直言",
    "告诉记者",
    "笑着说",
    "认为",
    "宣布",
    "回应",
];

/// The longest speaker before a speech verb ("李兰娟", "他笑着", "该负责人").
const MAX_SPEAKER_CHARS: usize = 8;

/// `range` of `text` without the white space at its ends (empty, not
/// reversed, when it is all white space).
pub fn trimmed(text: &str, range: Range<usize>) -> Range<usize> {
    let piece = &text[range.clone()];
    let start = range.start + (piece.len() - piece.trim_start().len());
    start..(range.start + piece.trim_end().len()).max(start)
}

/// Splits `text[block]` into sentences, returned as trimmed byte ranges of
/// `text`, in order, none of them empty.
pub fn split(text: &str, block: Range<usize>) -> Vec<Range<usize>> {
    let body = &text[block.clone()];
    let chars: Vec<(usize, char)> = body.char_indices().collect();
    let list = list_markers(&chars);
    let mut cuts: Vec<usize> = list.starts.clone();
    let mut quotes = QuoteState::default();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i].1;
        // Most of a Chinese text: neither a line break, a terminator nor a
        // quote, so nothing below would act on it.
        if is_han(c) {
            i += 1;
            continue;
        }
        // A line break ends a sentence unless the next line carries it on in
        // lower case (a line broken mid-sentence).
        if c == '\n' {
            let next = chars[i..].iter().map(|&(_, c)| c).find(|c| !c.is_whitespace());
            if next.is_some_and(char::is_lowercase) {
                i += 1;
                continue;
            }
            cuts.push(chars[i].0);
            quotes = QuoteState::default();
            i += 1;
            continue;
        }
        if !is_terminator(c) || list.periods.contains(&i) {
            quotes.step(c, i);
            i += 1;
            continue;
        }
        // Take the whole run: "?!", "……", "。”", ".)".
        let mut end = i + 1;
        let mut closed_quote = false;
        let mut closed_title = false;
        while end < chars.len() && (is_terminator(chars[end].1) || is_closer(chars[end].1)) {
            closed_quote |= quotes.step(chars[end].1, end);
            closed_title |= chars[end].1 == '》';
            end += 1;
        }
        // 《摔跤吧！爸爸》: a title's own punctuation never ends the sentence around it.
        if closed_title {
            i = end;
            continue;
        }
        if ends_here(&chars, i, end, closed_quote, &quotes) {
            cuts.push(chars.get(end).map_or(body.len(), |&(b, _)| b));
            quotes = QuoteState::default();
        }
        i = end;
    }
    cuts.push(body.len());
    cuts.sort_unstable();
    cuts.dedup();

    let mut sentences: Vec<Range<usize>> = Vec::with_capacity(cuts.len());
    let mut start = 0;
    for cut in cuts {
        let range = trimmed(text, block.start + start..block.start + cut);
        start = cut;
        if range.is_empty() {
            continue;
        }
        // A piece with no word in it ("……", "”") belongs to the sentence before.
        let has_word = text[range.clone()].chars().any(is_letter_or_digit);
        match sentences.last_mut() {
            Some(last) if !has_word => last.end = range.end,
            _ => sentences.push(range),
        }
    }
    sentences
}

/// Decides whether the terminator run `chars[at..end]` ends a sentence.
fn ends_here(chars: &[(usize, char)], at: usize, end: usize, closed_quote: bool, quotes: &QuoteState) -> bool {
    if quotes.is_open(at) {
        return false;
    }
    // "[...]": an elision inside brackets.
    if at > 0 && matches!(chars[at - 1].1, '[' | '(' | '（') {
        return false;
    }
    let Some(&(_, next)) = chars.get(end) else { return true };
    let c = chars[at].1;
    let following = chars[end..].iter().map(|&(_, c)| c).find(|c| !c.is_whitespace());
    if following.is_some_and(char::is_lowercase) {
        return false;
    }
    if closed_quote {
        return !(matches!(next, '，' | ',' | '、' | '：' | ':' | '；' | ';') || is_attribution(chars, end));
    }
    let is_western = matches!(c, '.' | '!' | '?');
    if is_western && !(next.is_whitespace() || is_han(next) || next == '“' || runs_into_a_new_sentence(chars, at, end))
    {
        return false;
    }
    // An ellipsis runs on into the words after it ("他沉默了……然后说").
    if c == '…' && !(next.is_whitespace() || matches!(next, '“' | '"' | '「')) {
        return false;
    }
    if c == '.' && end == at + 1 {
        return period_ends_sentence(chars, at, end);
    }
    true
}

/// "world.Today", "1,000.That": a period between a lower-case word or a
/// number and a capitalised word, with no space.
fn runs_into_a_new_sentence(chars: &[(usize, char)], at: usize, end: usize) -> bool {
    let before = at.checked_sub(1).map(|i| chars[i].1);
    let next = chars.get(end).map(|&(_, c)| c);
    let after = chars.get(end + 1).map(|&(_, c)| c);
    let run_together = chars[at].1 == '.'
        && before.is_some_and(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        && next.is_some_and(|c| c.is_ascii_uppercase())
        && after.is_some_and(|c| c.is_ascii_lowercase());
    // Asked second: in Chinese, which has no spaces, the token around a
    // decimal point ("12.6亿元") can be the whole paragraph.
    run_together && !is_address(chars, at)
}

/// The period inside "Jane.Doe@example.com" or a web address is not an end:
/// true when the token around `chars[at]` (up to white space) is one.
fn is_address(chars: &[(usize, char)], at: usize) -> bool {
    let token_start = chars[..at].iter().rposition(|&(_, c)| c.is_whitespace()).map_or(0, |p| p + 1);
    let token_end = chars[at..].iter().position(|&(_, c)| c.is_whitespace()).map_or(chars.len(), |p| at + p);
    let token: String = chars[token_start..token_end].iter().map(|&(_, c)| c).collect();
    token.contains('@') || token.contains("://") || token.starts_with("www.")
}

/// After a closing quote: a short speaker and a verb of saying, then
/// punctuation or the end ("他说。", "李兰娟说,").
fn is_attribution(chars: &[(usize, char)], from: usize) -> bool {
    let is_name_char = |c: char| is_han(c) || c.is_alphanumeric();
    let window = &chars[from..chars.len().min(from + MAX_SPEAKER_CHARS + 6)];
    for speaker in 0..=MAX_SPEAKER_CHARS.min(window.len()) {
        if speaker > 0 && !(is_name_char(window[speaker - 1].1) || window[speaker - 1].1 == '·') {
            break;
        }
        let tail = &window[speaker..];
        for verb in SPEECH_VERBS {
            let mut rest = tail.iter().map(|&(_, c)| c);
            if verb.chars().all(|v| rest.next() == Some(v)) && rest.next().is_none_or(|c| !is_name_char(c)) {
                return true;
            }
        }
    }
    false
}

/// Whether a lone period at `at` ends its sentence, given the word before it.
fn period_ends_sentence(chars: &[(usize, char)], at: usize, end: usize) -> bool {
    let word: String = chars[..at]
        .iter()
        .rev()
        .map(|&(_, c)| c)
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '.')
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let lower = word.to_lowercase();
    // "Tuesday.Mr": the word is what follows the last period.
    let last = lower.rsplit('.').next().unwrap_or("");
    let next_word: String = chars[end..]
        .iter()
        .map(|&(_, c)| c)
        .skip_while(|c| c.is_whitespace())
        .take_while(|c| c.is_alphanumeric())
        .collect();
    let before_number = next_word.starts_with(|c: char| c.is_ascii_digit());
    let symbol_before = word.is_empty() && at > 0 && !chars[at - 1].1.is_whitespace() && !is_han(chars[at - 1].1);
    if TITLES.contains(&last) {
        return false;
    }
    if (NUMBER_ABBREVIATIONS.contains(&lower.as_str()) || symbol_before) && before_number {
        return false;
    }
    let single_initial = word.chars().count() == 1 && word.chars().all(|c| c.is_ascii_uppercase());
    let dotted = word.len() >= 3
        && word.split('.').all(|part| part.chars().count() == 1 && part.chars().all(|c| c.is_ascii_alphabetic()));
    let abbreviation = single_initial
        || dotted
        || ABBREVIATIONS.contains(&lower.as_str())
        || NUMBER_ABBREVIATIONS.contains(&lower.as_str());
    !abbreviation || SENTENCE_STARTERS.contains(&next_word.as_str())
}

/// List markers found in a block.
#[derive(Default)]
struct ListMarkers {
    /// Byte offsets where a list item after the first begins.
    starts: Vec<usize>,
    /// Char indices of periods that belong to a marker ("1." "a.").
    periods: Vec<usize>,
}

/// Finds a run of two or more consecutive list markers ("1." "2.", "a)"
/// "b)", "• 9." "• 10."): each marker after the first starts a sentence.
fn list_markers(chars: &[(usize, char)]) -> ListMarkers {
    // (char index where the item starts, ordinal, style, period index)
    let mut found: Vec<(usize, u32, &str, Option<usize>)> = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        // A marker opens with an ASCII digit or letter: rare in Chinese, and
        // cheaper to ask about first than the character before.
        let opens_marker = chars[i].1.is_ascii_digit() || chars[i].1.is_ascii_lowercase();
        let at_token_start = || i == 0 || chars[i - 1].1.is_whitespace() || matches!(chars[i - 1].1, '•' | '⁃');
        if !opens_marker || !at_token_start() {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < chars.len() && chars[j].1.is_ascii_digit() && j - i < 3 {
            j += 1;
        }
        let ordinal = if j > i {
            chars[i..j].iter().map(|&(_, c)| c).collect::<String>().parse::<u32>().ok()
        } else if chars[i].1.is_ascii_lowercase() {
            j = i + 1;
            Some(chars[i].1 as u32 - 'a' as u32 + 1)
        } else {
            None
        };
        let Some(ordinal) = ordinal else {
            i += 1;
            continue;
        };
        let letter = !chars[i].1.is_ascii_digit();
        let rest: String = chars[j..].iter().take(3).map(|&(_, c)| c).collect();
        let (style, period, len) = if rest.starts_with(".)") {
            (if letter { "a.)" } else { "1.)" }, Some(j), 2)
        } else if rest.starts_with('.') {
            (if letter { "a." } else { "1." }, Some(j), 1)
        } else if rest.starts_with(')') {
            (if letter { "a)" } else { "1)" }, None, 1)
        } else {
            i += 1;
            continue;
        };
        let followed_by_space = chars.get(j + len).is_some_and(|&(_, c)| c.is_whitespace());
        if followed_by_space {
            // The item starts at the bullet before the marker, if any.
            let mut start = i;
            let mut k = i;
            while k > 0 && chars[k - 1].1.is_whitespace() {
                k -= 1;
            }
            if k > 0 && matches!(chars[k - 1].1, '•' | '⁃') {
                start = k - 1;
            }
            if i > 0 && matches!(chars[i - 1].1, '•' | '⁃') {
                start = i - 1;
            }
            found.push((start, ordinal, style, period));
        }
        i = j + len;
    }
    let mut markers = ListMarkers::default();
    let mut k = 0;
    while k < found.len() {
        let mut m = k + 1;
        while m < found.len() && found[m].2 == found[k].2 && found[m].1 == found[m - 1].1 + 1 {
            m += 1;
        }
        if m - k >= 2 {
            for (n, &(start, _, _, period)) in found[k..m].iter().enumerate() {
                if n > 0 {
                    markers.starts.push(chars[start].0);
                }
                markers.periods.extend(period);
            }
        }
        k = m;
    }
    markers
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
        let opens = matches!(c, '“' | '「' | '『' | '《') || (c == '"' && !self.ascii_open);
        let closes = matches!(c, '”' | '」' | '』' | '》') || (c == '"' && self.ascii_open);
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
        assert_eq!(sentences("他说：“第一。第二。”然后离开。"), vec!["他说：“第一。第二。”", "然后离开。"]);
        assert_eq!(
            sentences("我们明天一起去看《摔跤吧！爸爸》好吗？好！"),
            vec!["我们明天一起去看《摔跤吧！爸爸》好吗？", "好！"]
        );
    }

    #[test]
    fn a_closing_quote_ends_the_sentence_unless_an_attribution_follows() {
        assert_eq!(sentences("他问：“准备好了吗？”我点头。"), vec!["他问：“准备好了吗？”", "我点头。"]);
        assert_eq!(sentences("「今天先这样。」我们说服了他。"), vec!["「今天先这样。」", "我们说服了他。"]);
        assert_eq!(sentences("「先这样吧！」她回答。随后离开。"), vec!["「先这样吧！」她回答。", "随后离开。"]);
        assert_eq!(sentences("“重庆很有活力。”他笑着说：“欢迎再来。”"), vec!["“重庆很有活力。”他笑着说：“欢迎再来。”"]);
    }

    #[test]
    fn abbreviations_end_a_sentence_only_before_a_sentence_starter() {
        assert_eq!(sentences("I live in the U.S. How about you?"), vec!["I live in the U.S.", "How about you?"]);
        assert_eq!(
            sentences("Let's ask Jane and co. They should know."),
            vec!["Let's ask Jane and co.", "They should know."]
        );
        assert_eq!(sentences("Please turn to p. 55."), vec!["Please turn to p. 55."]);
        assert_eq!(sentences("项目支持U.S.标准。下一步开始联调。"), vec!["项目支持U.S.标准。", "下一步开始联调。"]);
        assert_eq!(
            sentences("Hello world.Today is Tuesday.Mr. Smith came."),
            vec!["Hello world.", "Today is Tuesday.", "Mr. Smith came."]
        );
        assert_eq!(sentences("Mail Jane.Doe@example.com. I did."), vec!["Mail Jane.Doe@example.com.", "I did."]);
    }

    #[test]
    fn list_markers_start_sentences() {
        assert_eq!(sentences("1. The first item 2. The second item"), vec!["1. The first item", "2. The second item"]);
        assert_eq!(sentences("a) one thing b) another"), vec!["a) one thing", "b) another"]);
        assert_eq!(sentences("• 9. The first • 10. The second"), vec!["• 9. The first", "• 10. The second"]);
        assert_eq!(sentences("增长1.87万个。总额2.5亿元。"), vec!["增长1.87万个。", "总额2.5亿元。"]);
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

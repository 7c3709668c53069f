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

use super::chars::{is_closer, is_han, is_letter_or_digit, is_short, is_terminator, utf8_len};

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
///
/// Never inlined: as a function of its own it is what bench part `stages`
/// counts as sentence splitting.
#[inline(never)]
pub fn split(text: &str, block: Range<usize>) -> Vec<Range<usize>> {
    let body = &text[block.clone()];
    let bytes = body.as_bytes();
    let ListMarkers { starts: mut cuts, periods: list_periods } = list_markers(body);
    let mut quotes = QuoteState::default();
    // Where to look on from: a byte offset in `body` that starts a character.
    let mut from = 0;
    while let Some(i) = next_stop(bytes, from, &SCAN_STEPS) {
        let c = char_at(body, i);
        // A line break ends a sentence unless the next line carries it on in
        // lower case (a line broken mid-sentence).
        if c == '\n' {
            let next = body[i..].chars().find(|c| !c.is_whitespace());
            if next.is_some_and(char::is_lowercase) {
                from = i + 1;
                continue;
            }
            cuts.push(i);
            quotes = QuoteState::default();
            from = i + 1;
            continue;
        }
        if !is_terminator(c) || list_periods.contains(&i) {
            quotes.step(c, i);
            from = i + c.len_utf8();
            continue;
        }
        // Take the whole run: "?!", "……", "。”", ".)".
        let mut end = i + c.len_utf8();
        let mut closed_quote = false;
        let mut closed_title = false;
        while let Some(next) = body[end..].chars().next().filter(|&c| is_terminator(c) || is_closer(c)) {
            closed_quote |= quotes.step(next, end);
            closed_title |= next == '》';
            end += next.len_utf8();
        }
        // 《摔跤吧！爸爸》: a title's own punctuation never ends the sentence around it.
        if closed_title {
            from = end;
            continue;
        }
        if ends_here(body, i, end, closed_quote, &quotes) {
            cuts.push(end);
            quotes = QuoteState::default();
        }
        from = end;
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

/// False when the character that starts with `lead` is sure to be neither
/// a line break, a terminator nor a quote mark, the only characters the scan
/// in [`split`] acts on: those are a few ASCII ones and, beyond ASCII, all
/// in U+2000–U+3FFF or the full-width forms (first byte E2, E3 or EF). No
/// Chinese character of the main block (first byte E4 to E9) passes.
const fn may_break_or_quote(lead: u8) -> bool {
    matches!(lead, b'\n' | b'!' | b'?' | b'.' | b'"' | 0xE2 | 0xE3 | 0xEF)
}

/// A list marker opens with an ASCII digit or lower-case letter: rare in
/// Chinese, and cheaper to ask about first than the character before.
const fn may_open_marker(lead: u8) -> bool {
    lead.is_ascii_digit() || lead.is_ascii_lowercase()
}

/// A table from the first byte of a character to 0 when a scan must stop
/// at the character (`$stop` holds for the byte), else to its length in
/// bytes, so that [`next_stop`] steps over it without decoding it.
macro_rules! step_table {
    ($stop:expr) => {{
        let mut table = [0u8; 256];
        let mut lead = 0;
        while lead < 256 {
            if !$stop(lead as u8) {
                table[lead] = utf8_len(lead as u8) as u8;
            }
            lead += 1;
        }
        table
    }};
}

/// Steps for the scan in [`split`]: most of a text, Chinese above all, is
/// neither a line break, a terminator nor a quote.
const SCAN_STEPS: [u8; 256] = step_table!(may_break_or_quote);

/// Steps for the scan in [`list_markers`].
const MARKER_STEPS: [u8; 256] = step_table!(may_open_marker);

/// The first character at or after byte `from` (which starts one) where
/// `steps` stops, as a byte offset; None when there is none.
fn next_stop(bytes: &[u8], mut from: usize, steps: &[u8; 256]) -> Option<usize> {
    while let Some(&lead) = bytes.get(from) {
        match steps[usize::from(lead)] {
            0 => return Some(from),
            step => from += usize::from(step),
        }
    }
    None
}

/// The character that starts at byte `at` of `text`.
fn char_at(text: &str, at: usize) -> char {
    text[at..].chars().next().expect("a character starts at `at`")
}

/// The character that ends at byte `at` of `text`, if any.
fn char_before(text: &str, at: usize) -> Option<char> {
    text[..at].chars().next_back()
}

/// Decides whether the terminator run `body[at..end]` ends a sentence.
fn ends_here(body: &str, at: usize, end: usize, closed_quote: bool, quotes: &QuoteState) -> bool {
    if quotes.is_open(body, at) {
        return false;
    }
    // "[...]": an elision inside brackets.
    if body[..at].ends_with(['[', '(', '（']) {
        return false;
    }
    let Some(next) = body[end..].chars().next() else { return true };
    let c = char_at(body, at);
    let following = body[end..].chars().find(|c| !c.is_whitespace());
    if following.is_some_and(char::is_lowercase) {
        return false;
    }
    if closed_quote {
        return !(matches!(next, '，' | ',' | '、' | '：' | ':' | '；' | ';') || is_attribution(body, end));
    }
    let is_western = matches!(c, '.' | '!' | '?');
    if is_western && !(next.is_whitespace() || is_han(next) || next == '“' || runs_into_a_new_sentence(body, at, end))
    {
        return false;
    }
    // An ellipsis runs on into the words after it ("他沉默了……然后说").
    if c == '…' && !(next.is_whitespace() || matches!(next, '“' | '"' | '「')) {
        return false;
    }
    if c == '.' && end == at + 1 {
        return period_ends_sentence(body, at, end);
    }
    true
}

/// "world.Today", "1,000.That": a period between a lower-case word or a
/// number and a capitalised word, with no space.
fn runs_into_a_new_sentence(body: &str, at: usize, end: usize) -> bool {
    let before = char_before(body, at);
    let mut after_run = body[end..].chars();
    let next = after_run.next();
    let after = after_run.next();
    let run_together = body[at..].starts_with('.')
        && before.is_some_and(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        && next.is_some_and(|c| c.is_ascii_uppercase())
        && after.is_some_and(|c| c.is_ascii_lowercase());
    // Asked second: in Chinese, which has no spaces, the token around a
    // decimal point ("12.6亿元") can be the whole paragraph.
    run_together && !is_address(body, at)
}

/// The period inside "Jane.Doe@example.com" or a web address is not an end:
/// true when the token around `body[at]` (up to white space) is one.
fn is_address(body: &str, at: usize) -> bool {
    let token_start = body[..at].trim_end_matches(|c: char| !c.is_whitespace()).len();
    let token_end = body[at..].find(char::is_whitespace).map_or(body.len(), |p| at + p);
    let token = &body[token_start..token_end];
    token.contains('@') || token.contains("://") || token.starts_with("www.")
}

/// After a closing quote: a short speaker and a verb of saying, then
/// punctuation or the end ("他说。", "李兰娟说,").
fn is_attribution(body: &str, from: usize) -> bool {
    let is_name_char = |c: char| is_han(c) || c.is_alphanumeric();
    let after = &body[from..];
    let window = &after[..after.char_indices().nth(MAX_SPEAKER_CHARS + 6).map_or(after.len(), |(at, _)| at)];
    // What follows a speaker of 0, 1, 2… characters.
    let mut tail = window;
    for _ in 0..=MAX_SPEAKER_CHARS {
        let verb_follows = |verb: &&str| tail.strip_prefix(*verb).is_some_and(|rest| !rest.starts_with(is_name_char));
        if SPEECH_VERBS.iter().any(verb_follows) {
            return true;
        }
        let mut rest = tail.chars();
        match rest.next() {
            Some(c) if is_name_char(c) || c == '·' => tail = rest.as_str(),
            _ => return false,
        }
    }
    false
}

/// Whether a lone period at `at` ends its sentence, given the word before it.
fn period_ends_sentence(body: &str, at: usize, end: usize) -> bool {
    let word_start = body[..at].trim_end_matches(|c: char| c.is_ascii_alphanumeric() || c == '.').len();
    let word = &body[word_start..at];
    let lower = word.to_lowercase();
    // "Tuesday.Mr": the word is what follows the last period.
    let last = lower.rsplit('.').next().unwrap_or("");
    let after = body[end..].trim_start_matches(char::is_whitespace);
    let next_word = &after[..after.find(|c: char| !c.is_alphanumeric()).unwrap_or(after.len())];
    let before_number = next_word.starts_with(|c: char| c.is_ascii_digit());
    let symbol_before = word.is_empty() && char_before(body, at).is_some_and(|c| !c.is_whitespace() && !is_han(c));
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
    !abbreviation || SENTENCE_STARTERS.contains(&next_word)
}

/// List markers found in a block.
#[derive(Default)]
struct ListMarkers {
    /// Byte offsets where a list item after the first begins.
    starts: Vec<usize>,
    /// Byte offsets of periods that belong to a marker ("1." "a.").
    periods: Vec<usize>,
}

/// Finds a run of two or more consecutive list markers ("1." "2.", "a)"
/// "b)", "• 9." "• 10."): each marker after the first starts a sentence.
fn list_markers(body: &str) -> ListMarkers {
    let bytes = body.as_bytes();
    let is_bullet = |c: char| matches!(c, '•' | '⁃');
    // (byte offset where the item starts, ordinal, style, period offset)
    let mut found: Vec<(usize, u32, &str, Option<usize>)> = Vec::new();
    // Where to look on from: a byte offset in `body` that starts a character.
    let mut from = 0;
    while let Some(i) = next_stop(bytes, from, &MARKER_STEPS) {
        let lead = bytes[i];
        let at_token_start = char_before(body, i).is_none_or(|c| c.is_whitespace() || is_bullet(c));
        if !at_token_start {
            from = i + 1;
            continue;
        }
        let mut j = i;
        while j < bytes.len() && bytes[j].is_ascii_digit() && j - i < 3 {
            j += 1;
        }
        let ordinal = if j > i {
            body[i..j].parse::<u32>().ok()
        } else {
            j = i + 1;
            Some(u32::from(lead - b'a') + 1)
        };
        let Some(ordinal) = ordinal else {
            from = i + 1;
            continue;
        };
        let letter = !lead.is_ascii_digit();
        let rest = &body[j..];
        let (style, period, len) = if rest.starts_with(".)") {
            (if letter { "a.)" } else { "1.)" }, Some(j), 2)
        } else if rest.starts_with('.') {
            (if letter { "a." } else { "1." }, Some(j), 1)
        } else if rest.starts_with(')') {
            (if letter { "a)" } else { "1)" }, None, 1)
        } else {
            from = i + 1;
            continue;
        };
        let followed_by_space = body[j + len..].starts_with(char::is_whitespace);
        if followed_by_space {
            // The item starts at the bullet before the marker, if any.
            let before = body[..i].trim_end_matches(char::is_whitespace);
            let start = before.strip_suffix(is_bullet).map_or(i, str::len);
            found.push((start, ordinal, style, period));
        }
        from = j + len;
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
                    markers.starts.push(start);
                }
                markers.periods.extend(period);
            }
        }
        k = m;
    }
    markers
}

/// Tracks whether the scan is inside a quotation.
#[derive(Default, Clone, PartialEq, Debug)]
struct QuoteState {
    depth: usize,
    ascii_open: bool,
    /// Byte offset where the outermost open quote began.
    opened_at: Option<usize>,
}

impl QuoteState {
    /// Feeds one character, found at byte `at`; returns true if it closed
    /// the outermost quote.
    fn step(&mut self, c: char, at: usize) -> bool {
        let opens = matches!(c, '“' | '「' | '『' | '《') || (c == '"' && !self.ascii_open);
        let closes = matches!(c, '”' | '」' | '』' | '》') || (c == '"' && self.ascii_open);
        if c == '"' {
            self.ascii_open = !self.ascii_open;
        }
        if opens {
            if self.depth == 0 {
                self.opened_at = Some(at);
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

    /// Whether a quote is open at byte `at` of `body`, and opened no more
    /// than [`MAX_OPEN_QUOTE_CHARS`] characters before it.
    fn is_open(&self, body: &str, at: usize) -> bool {
        self.opened_at.is_some_and(|start| start <= at && is_short(&body[start..at], MAX_OPEN_QUOTE_CHARS))
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
    fn an_open_quote_is_measured_in_characters_not_bytes() {
        // 151 characters but 453 bytes from the quote to the first 。: still open.
        let long = format!("“{}。后面还有一句。", "长".repeat(150));
        assert_eq!(sentences(&long).len(), 1);
    }

    #[test]
    fn characters_stepped_over_by_their_first_byte_are_never_acted_on() {
        let states = [
            QuoteState::default(),
            QuoteState { depth: 1, ascii_open: true, opened_at: Some(0) },
            QuoteState { depth: 2, ascii_open: false, opened_at: Some(0) },
        ];
        for c in (0..=char::MAX as u32).filter_map(char::from_u32) {
            let mut buffer = [0; 4];
            let lead = usize::from(c.encode_utf8(&mut buffer).as_bytes()[0]);
            if ('\u{4E00}'..='\u{9FFF}').contains(&c) {
                assert_ne!(SCAN_STEPS[lead], 0, "{c:?}");
            }
            let is_marker_start = c.is_ascii_digit() || c.is_ascii_lowercase();
            assert_eq!(usize::from(MARKER_STEPS[lead]), if is_marker_start { 0 } else { c.len_utf8() }, "{c:?}");
            if SCAN_STEPS[lead] == 0 {
                continue;
            }
            assert_eq!(usize::from(SCAN_STEPS[lead]), c.len_utf8(), "{c:?}");
            assert!(c != '\n' && !is_terminator(c), "{c:?}");
            for state in &states {
                let mut stepped = state.clone();
                assert!(!stepped.step(c, 1), "{c:?}");
                assert_eq!(&stepped, state, "{c:?}");
            }
        }
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

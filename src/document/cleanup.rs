//! Cleanup: undoes what print-to-text conversion does to a page, before any
//! role is decided.
//!
//! * Markdown markup is read and stripped; `#` headings stay headings.
//! * Decorative glyphs (■ ● 🗕 —) are taken off the edges of lines and kept
//!   on the draft; a line of nothing but ornaments becomes a decoration.
//! * Lines broken inside a paragraph are joined; a paragraph that stops
//!   mid-sentence is joined to the next one only where the seam falls inside
//!   a word.
//! * Spaces left between Chinese characters ("为 期两天") are removed;
//!   spaces around Latin words and numbers are kept. Headings keep one space
//!   where the editor set one between two phrases.
//! * Continuation markers and source notes printed inline ("(上接2版)“…")
//!   are split into blocks of their own.
//! * A paragraph printed twice is marked as a duplicate of the first.
//!
//! Limits: the joins trust jieba's dictionary; a seam that is a word by
//! accident ("应用" + "前景") may be joined wrongly, and a cut whose halves
//! are not a dictionary word is only marked (`after_cut`).

use std::borrow::Cow;
use std::collections::hash_map::Entry;
use std::ops::Range;

use super::heuristics::*;
use super::{AsideKind, Block, Role};
use crate::text::chars::{
    ends_sentence, is_cjk_punct, is_han, is_letter_or_digit, is_main_han_block, is_short, utf8_len,
};
use crate::text::words::is_dictionary_word;

/// A block being built, before its place in the final text is known.
pub(super) struct Draft {
    pub role: Role,
    /// The source lines of the block, markup stripped, glyphs removed.
    pub lines: Vec<String>,
    /// The block's text as it will read.
    pub text: String,
    pub after_cut: bool,
    /// Bold runs of the block, in order, as they will read in the final text.
    pub bold: Vec<String>,
    /// Decorative glyphs taken off the block's first line.
    pub ornaments: String,
    /// The block opened as a list item (a Markdown marker or a glyph).
    pub list_item: bool,
}

impl Draft {
    fn new(role: Role, line: String, bold: Vec<String>, ornaments: String, list_item: bool) -> Draft {
        Draft { role, text: String::new(), lines: vec![line], after_cut: false, bold, ornaments, list_item }
    }

    /// Sets `text` from `lines` as a heading reads: the lines of a headline
    /// set over two lines stay apart by a space.
    pub fn join_as_heading(&mut self) {
        // A one-line heading is tidied as it is, without copying it first.
        self.text = match self.lines.as_slice() {
            [line] => tidy_heading(line),
            lines => tidy_heading(&lines.join(" ")),
        };
    }
}

/// One source line, after its Markdown has been read.
enum Line {
    Break,
    /// A line of ornaments only.
    Ornament(String),
    Heading(u8, String, String),
    /// Text, its leading glyphs, whether it opens a new paragraph (a list
    /// item or bullet), and the runs of it that were bold.
    Text(String, String, bool, Vec<String>),
}

fn read_line(line: &str) -> Line {
    let line = line.trim();
    if line.is_empty() || is_table_rule(line) || is_thematic_break(line) {
        return Line::Break;
    }
    if is_ornament_line(line) {
        return Line::Ornament(line.split_whitespace().collect());
    }
    let hashes = line.bytes().take_while(|&b| b == b'#').count();
    if (1..=6).contains(&hashes) && line[hashes..].starts_with([' ', '\t']) {
        let inner = strip_inline(line[hashes..].trim().trim_end_matches('#'));
        let lead = leading_glyphs(&inner);
        let ornaments = glyphs_of(lead, trailing_glyphs(&inner));
        let unglyphed = &inner[lead.len()..];
        let inner = &unglyphed[..unglyphed.len() - trailing_glyphs(unglyphed).len()];
        return if inner.is_empty() { Line::Break } else { Line::Heading(hashes as u8, inner.to_string(), ornaments) };
    }
    let unmarked = &line[line_marker_len(line)..];
    let mut opens_item = unmarked.len() != line.len();
    let bold = bold_runs(unmarked);
    let text = strip_inline(unmarked);
    let glyphs = leading_glyphs(&text).len();
    let ornaments = glyphs_of(&text[..glyphs], "");
    opens_item |= !ornaments.is_empty();
    if text[glyphs..].trim().is_empty() {
        return Line::Break;
    }
    // The line's one copy: markup stripping may have made one already.
    let unglyphed = match text {
        Cow::Owned(mut text) => {
            text.drain(..glyphs);
            text
        }
        Cow::Borrowed(text) => text[glyphs..].to_string(),
    };
    Line::Text(unglyphed, ornaments, opens_item, bold)
}

/// The decorative glyphs (not dashes or spaces) among the glyphs `lead`
/// taken off the start of a line and `trail` taken off its end (headings
/// end with ornaments, body lines don't).
fn glyphs_of(lead: &str, trail: &str) -> String {
    let is_glyph = |c: char| !c.is_whitespace() && !matches!(c, '—' | '–' | '-' | '·');
    lead.chars().chain(trail.chars()).filter(|&c| is_glyph(c)).collect()
}

/// The text of each bold run in a Markdown line, with inline markup removed.
fn bold_runs(line: &str) -> Vec<String> {
    // Bold is `**` or `__`, and most lines have neither mark.
    if memchr::memchr2(b'*', b'_', line.as_bytes()).is_none() {
        return Vec::new();
    }
    MD_EMPHASIS
        .captures_iter(line)
        .filter_map(|c| c.get(1).or_else(|| c.get(2)))
        .map(|m| tidy_spaces(&strip_inline(m.as_str())))
        .filter(|run| !run.is_empty())
        .collect()
}

fn is_thematic_break(line: &str) -> bool {
    let mut marks = line.chars().filter(|c| !c.is_whitespace());
    let first = marks.next();
    matches!(first, Some('*' | '-' | '_' | '='))
        && line.chars().filter(|c| !c.is_whitespace()).count() >= 3
        && marks.all(|c| Some(c) == first)
}

/// Removes inline Markdown and HTML left-overs, keeping the words.
fn strip_inline(line: &str) -> Cow<'_, str> {
    // Most lines hold no markup at all: each pass runs only where its
    // pattern's first character occurs, and a line none of them touches is
    // returned as it is. The marks are ASCII, so memchr can look for them
    // in the bytes; `str::contains` would search byte by byte.
    let has = |s: &str, mark: u8| memchr::memchr(mark, s.as_bytes()).is_some();
    let mut s = Cow::Borrowed(line);
    if has(&s, b'[') {
        let linked = MD_LINK.replace_all(&MD_IMAGE.replace_all(&s, ""), "$1").into_owned();
        s = Cow::Owned(linked);
    }
    if memchr::memchr3(b'*', b'_', b'`', s.as_bytes()).is_some() {
        let plain = MD_EMPHASIS.replace_all(&s, "$1$2$3$4").into_owned();
        s = Cow::Owned(plain);
    }
    if has(&s, b'<') {
        let untagged = HTML_TAG.replace_all(&s, "").into_owned();
        s = Cow::Owned(untagged);
    }
    if has(&s, b'&') {
        let unescaped = s
            .replace("&nbsp;", " ")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&#39;", "'")
            .replace("&amp;", "&");
        s = Cow::Owned(unescaped);
    }
    if s.starts_with('|') && s.trim_end().ends_with('|') {
        Cow::Owned(s.trim().trim_matches('|').split('|').map(str::trim).collect::<Vec<_>>().join("  "))
    } else {
        s
    }
}

/// Groups source lines into headings, paragraphs and decorations, with
/// their text joined as body text; inline markers are split off.
/// Chinese typesetting opens every paragraph with a two-character indent
/// ("　　"). Text flattened to one line (reports copied out of PDFs, feeds)
/// keeps only those indents to show where paragraphs begin, so a run of two
/// or more ideographic spaces becomes a paragraph break.
fn break_at_indents(raw: &str) -> Cow<'_, str> {
    const INDENT: &str = "\u{3000}\u{3000}";
    if !raw.contains(INDENT) {
        return Cow::Borrowed(raw);
    }
    let mut out = String::with_capacity(raw.len());
    for (k, piece) in raw.split(INDENT).enumerate() {
        if k > 0 {
            out.push_str("\n\n");
        }
        out.push_str(piece.trim_start_matches('\u{3000}'));
    }
    Cow::Owned(out)
}

pub(super) fn group_lines(raw: &str) -> Vec<Draft> {
    let raw = raw.strip_prefix('\u{FEFF}').unwrap_or(raw);
    let raw = break_at_indents(raw);
    let mut drafts: Vec<Draft> = Vec::new();
    let mut paragraph: Option<Draft> = None;
    // The lines of `raw.split(['\n', '\r'])`, found with memchr: `split`
    // with a set of chars decodes every character of the page.
    let mut start = 0;
    for end in memchr::memchr2_iter(b'\n', b'\r', raw.as_bytes()).chain([raw.len()]) {
        let line = &raw[start..end];
        start = end + 1;
        match read_line(line) {
            Line::Break => drafts.extend(paragraph.take()),
            Line::Ornament(glyphs) => {
                drafts.extend(paragraph.take());
                let mut draft =
                    Draft::new(Role::Aside(AsideKind::Decoration), glyphs.clone(), Vec::new(), glyphs, false);
                draft.text = draft.lines[0].clone();
                drafts.push(draft);
            }
            Line::Heading(level, text, ornaments) => {
                drafts.extend(paragraph.take());
                let mut draft = Draft::new(Role::Heading(level), text, Vec::new(), ornaments, false);
                draft.join_as_heading();
                drafts.push(draft);
            }
            Line::Text(text, ornaments, opens_item, bold) => match paragraph.as_mut() {
                Some(open) if !opens_item => {
                    open.lines.push(text);
                    open.bold.extend(bold);
                }
                _ => {
                    drafts.extend(paragraph.take());
                    paragraph = Some(Draft::new(Role::Paragraph, text, bold, ornaments, opens_item));
                }
            },
        }
    }
    drafts.extend(paragraph);
    for draft in &mut drafts {
        if draft.role == Role::Paragraph {
            // Most paragraphs are one line, which needs no joining; longer
            // ones are joined into a string the size of all their lines.
            draft.text = match draft.lines.as_slice() {
                [line] => tidy_spaces(line),
                lines => {
                    let mut text = String::with_capacity(lines.iter().map(|line| line.len() + 1).sum());
                    for line in lines {
                        join_into(&mut text, line);
                    }
                    tidy_spaces(&text)
                }
            };
        }
    }
    drafts.retain(|d| !d.text.is_empty());
    split_inline_markers(drafts)
}

/// Splits "(上接2版)" off the start of a paragraph and "（下转第3版）" or
/// "（来源：新华社）" off its end, so the markers get their own role and
/// the story text stays whole.
fn split_inline_markers(drafts: Vec<Draft>) -> Vec<Draft> {
    let mut out = Vec::with_capacity(drafts.len());
    for mut draft in drafts {
        if draft.role != Role::Paragraph {
            out.push(draft);
            continue;
        }
        let mut tail = None;
        if let Some(start) = trailing_marker(&draft.text) {
            if start > 0 {
                tail = Some(marker_draft(&draft.text[start..]));
                draft.text.truncate(start);
                draft.text = draft.text.trim_end().to_string();
            }
        }
        if let Some(marker) = leading_continuation(&draft.text) {
            if marker.len() < draft.text.len() {
                out.push(marker_draft(marker));
                draft.text = draft.text[marker.len()..].trim_start().to_string();
            }
        }
        out.push(draft);
        out.extend(tail);
    }
    out
}

fn marker_draft(marker: &str) -> Draft {
    let mut draft = Draft::new(Role::Paragraph, marker.to_string(), Vec::new(), String::new(), false);
    draft.text = marker.to_string();
    draft
}

/// Appends a continuation line: no space at a Chinese seam, one space otherwise.
fn join_into(text: &mut String, next: &str) {
    let seam_is_cjk = text.chars().next_back().is_some_and(|c| is_han(c) || is_cjk_punct(c))
        || next.chars().next().is_some_and(|c| is_han(c) || is_cjk_punct(c));
    if !seam_is_cjk && !text.is_empty() {
        text.push(' ');
    }
    text.push_str(next);
}

/// Collapses runs of white space to one space, and removes the space where
/// both sides are Chinese (or one is Chinese and the other punctuation).
pub fn tidy_spaces(text: &str) -> String {
    tidy(text, false)
}

/// Like [`tidy_spaces`], but a space between two Chinese phrases stays:
/// in a headline it is the editor's ("让人才“站C位” 打造引才“金名片”"),
/// not a line-wrap artefact.
fn tidy_heading(text: &str) -> String {
    tidy(text, true)
}

fn tidy(text: &str, keep_phrase_spaces: bool) -> String {
    let mut rest = text.trim();
    let mut out = String::with_capacity(rest.len());
    // Words are copied whole; only the seams between them are looked at.
    while let Some(space) = find_white_space(rest) {
        let word = &rest[..space];
        out.push_str(word);
        rest = rest[space..].trim_start();
        // `text` is trimmed, so a word comes before each run of white space, and another after it.
        if let (Some(b), Some(a)) = (word.chars().next_back(), rest.chars().next()) {
            let phrase_space = keep_phrase_spaces && !is_clause_punct(b) && !is_clause_punct(a);
            if !space_is_wrong(b, a) || phrase_space {
                out.push(' ');
            }
        }
    }
    out.push_str(rest);
    out
}

/// Where `text.find(char::is_whitespace)` finds white space, found from the
/// bytes without decoding each character: the loop steps from one
/// character's first byte to the next by the length that byte gives, and
/// white space outside ASCII is U+0085, U+00A0, U+1680, U+2000–U+200A,
/// U+2028, U+2029, U+202F, U+205F and U+3000, whose UTF-8 forms are matched
/// below. A test checks this against `char::is_whitespace` for every
/// character.
fn find_white_space(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut i = 0;
    while let Some(&lead) = bytes.get(i) {
        // Chinese characters lead with 0xE4 or above, as no white space
        // does: they are stepped over first, with one test.
        if lead >= 0xE4 {
            i += utf8_len(lead);
            continue;
        }
        let white = match lead {
            0..0x80 => matches!(lead, b' ' | b'\t'..=b'\r'),
            0xC2 => matches!(bytes[i + 1], 0x85 | 0xA0),
            0xE1..=0xE3 => matches!(
                [lead, bytes[i + 1], bytes[i + 2]],
                [0xE1, 0x9A, 0x80]
                    | [0xE2, 0x80, 0x80..=0x8A | 0xA8 | 0xA9 | 0xAF]
                    | [0xE2, 0x81, 0x9F]
                    | [0xE3, 0x80, 0x80]
            ),
            _ => false,
        };
        if white {
            return Some(i);
        }
        i += utf8_len(lead);
    }
    None
}

/// Punctuation that separates clauses: a space next to it is never the
/// editor's.
fn is_clause_punct(c: char) -> bool {
    "，。、；：！？,;:!?（）()《》【】".contains(c)
}

/// A space between these two characters is a conversion artefact.
fn space_is_wrong(before: char, after: char) -> bool {
    let cjk = |c: char| is_han(c) || is_cjk_punct(c);
    let ascii_punct = |c: char| matches!(c, ',' | ';' | ':' | '!' | '?' | '(' | ')' | '"' | '.');
    (cjk(before) && (cjk(after) || ascii_punct(after))) || (ascii_punct(before) && cjk(after))
}

/// Joins a paragraph that stops mid-sentence to the paragraph after it when
/// the seam falls inside a word ("应用前" + "景。他认为"): page layouts break
/// sentences across columns. When the seam does not make a word, the rest of
/// the sentence is elsewhere on the page, so the next paragraph is only
/// marked as possibly starting mid-sentence.
pub(super) fn join_cut_paragraphs(drafts: Vec<Draft>) -> Vec<Draft> {
    let mut out: Vec<Draft> = Vec::with_capacity(drafts.len());
    for mut draft in drafts {
        if let Some(prev) = out.last_mut() {
            let cut = prev.role == Role::Paragraph
                && draft.role == Role::Paragraph
                && !draft.list_item
                && !is_short(&prev.text, MIN_CUT_PARAGRAPH_CHARS - 1)
                && !ends_sentence(&prev.text);
            if cut && seam_is_inside_a_word(&prev.text, &draft.text) {
                join_into(&mut prev.text, &draft.text);
                prev.lines.extend(draft.lines);
                prev.bold.extend(draft.bold);
                continue;
            }
            draft.after_cut = cut;
        }
        out.push(draft);
    }
    out
}

/// True when the end of `before` and the start of `after` belong to one word:
/// a dictionary word across the seam in Chinese, a lower-case continuation
/// in English.
fn seam_is_inside_a_word(before: &str, after: &str) -> bool {
    let (Some(b), Some(a)) = (before.chars().next_back(), after.chars().next()) else {
        return false;
    };
    if !(is_han(b) && is_han(a)) {
        return b.is_alphabetic() && !is_han(b) && a.is_lowercase();
    }
    // A word across the seam joins a run of Han characters at the end of
    // `before` to one at the start of `after`, each at most
    // MAX_SEAM_WORD_SIDE characters. One buffer serves every candidate.
    fn han_bytes(chars: impl Iterator<Item = char>) -> usize {
        chars.take(MAX_SEAM_WORD_SIDE).take_while(|&c| is_han(c)).map(char::len_utf8).sum()
    }
    let left = &before[before.len() - han_bytes(before.chars().rev())..];
    let right = &after[..han_bytes(after.chars())];
    let mut word = String::with_capacity(left.len() + right.len());
    left.char_indices().any(|(start, _)| {
        right.char_indices().any(|(end, c)| {
            word.clear();
            word.push_str(&left[start..]);
            word.push_str(&right[..end + c.len_utf8()]);
            is_dictionary_word(&word)
        })
    })
}

/// What two texts share when they say the same thing: their letters and
/// digits, ASCII lower-cased, whatever the spaces and punctuation between.
///
/// It is a 64-bit fingerprint of those characters, not the characters
/// themselves: every paragraph and sentence gets one, and building a string
/// for each cost a tenth of a warm `summarize`. Two different texts share a
/// fingerprint with odds near one in 2^64 per pair, far below anything a page
/// of a few thousand sentences can meet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct RepeatKey {
    /// How many letters and digits the text has: short texts recur by chance.
    pub letters: usize,
    fingerprint: u64,
}

/// The [`RepeatKey`] of `text`, read whole: the reference that
/// [`first_repeats`], which reads most texts only to their openings, is
/// tested against.
#[cfg(test)]
pub fn repeat_key(text: &str) -> RepeatKey {
    let mut reader = KeyReader::default();
    reader.read(text, 0..text.len(), usize::MAX);
    reader.key()
}

/// For each of `ranges` of `text`, in order, the index of the first
/// earlier range with the same [`RepeatKey`], counting only texts of at
/// least `min_letters` letters and digits (shorter ones recur by chance:
/// "是的。").
///
/// Texts with the same key open with the same letters, and most texts share
/// their first `min_letters` letters with no other: those are read no
/// further. The rest are read on from where they stopped, to their keys.
pub fn first_repeats(
    text: &str,
    ranges: impl IntoIterator<Item = Range<usize>>,
    min_letters: usize,
) -> Vec<Option<usize>> {
    let mut openings: rustc_hash::FxHashMap<RepeatKey, u32> = rustc_hash::FxHashMap::default();
    // Each long enough text's opening, and the rest of it still to read.
    let opened: Vec<Option<(KeyReader, Range<usize>)>> = ranges
        .into_iter()
        .map(|range| {
            let mut reader = KeyReader::default();
            let at = reader.read(text, range.clone(), min_letters);
            (reader.letters >= min_letters).then(|| {
                *openings.entry(reader.key()).or_default() += 1;
                (reader, at..range.end)
            })
        })
        .collect();
    let mut seen: rustc_hash::FxHashMap<RepeatKey, usize> = rustc_hash::FxHashMap::default();
    opened
        .into_iter()
        .enumerate()
        .map(|(i, opened)| {
            let (mut reader, rest) = opened.filter(|(reader, _)| openings[&reader.key()] > 1)?;
            reader.read(text, rest, usize::MAX);
            match seen.entry(reader.key()) {
                Entry::Occupied(first) => Some(*first.get()),
                Entry::Vacant(slot) => {
                    slot.insert(i);
                    None
                }
            }
        })
        .collect()
}

/// A [`RepeatKey`] read so far: the fingerprint and count of the letters and
/// digits up to some point of a text, which reading can go on from.
#[derive(Default)]
struct KeyReader {
    hasher: rustc_hash::FxHasher,
    letters: usize,
}

impl KeyReader {
    /// Reads the character that starts at byte `i` of `text` and returns
    /// where the next one starts.
    ///
    /// The characters are taken as `text.chars()` gives them, but ASCII and
    /// the main block of Chinese characters (U+4E00–U+9FFF, all letters,
    /// none with a lower case) are read straight from their bytes, without
    /// `chars()`'s checks for each length or the letter test.
    #[inline(always)]
    fn read_char(&mut self, text: &str, i: usize) -> usize {
        let bytes = text.as_bytes();
        let lead = bytes[i];
        match lead {
            0..0x80 => {
                if lead.is_ascii_alphanumeric() {
                    self.add(u32::from(lead.to_ascii_lowercase()));
                }
                i + 1
            }
            _ if is_main_han_block(lead, bytes[i + 1]) => {
                let [next, last] = [bytes[i + 1], bytes[i + 2]].map(|b| u32::from(b & 0x3F));
                self.add((u32::from(lead & 0x0F) << 12) | (next << 6) | last);
                i + 3
            }
            _ => {
                let c = text[i..].chars().next().unwrap_or_default();
                if is_letter_or_digit(c) {
                    self.add(u32::from(c.to_ascii_lowercase()));
                }
                i + c.len_utf8()
            }
        }
    }

    /// Reads `text[range]` from its start until `letters` letters and
    /// digits in all have been read or the range ends, and returns where
    /// reading stopped.
    #[inline(always)]
    fn read(&mut self, text: &str, range: Range<usize>, letters: usize) -> usize {
        let mut at = range.start;
        while at < range.end && self.letters < letters {
            at = self.read_char(text, at);
        }
        at
    }

    #[inline(always)]
    fn add(&mut self, c: u32) {
        use std::hash::Hasher;
        self.hasher.write_u32(c);
        self.letters += 1;
    }

    fn key(&self) -> RepeatKey {
        use std::hash::Hasher;
        RepeatKey { letters: self.letters, fingerprint: self.hasher.finish() }
    }
}

/// Marks each body paragraph (or caption) that repeats an earlier one: a
/// page printed twice in part must count once.
pub(super) fn mark_duplicates(text: &str, blocks: &mut [Block]) {
    let keyed: Vec<usize> = (0..blocks.len())
        .filter(|&i| matches!(blocks[i].role, Role::Paragraph | Role::Aside(AsideKind::Caption)))
        .collect();
    let ranges = keyed.iter().map(|&i| blocks[i].range.clone());
    for (&i, first) in keyed.iter().zip(first_repeats(text, ranges, MIN_DUPLICATE_CHARS)) {
        if let Some(first) = first {
            blocks[i].duplicate_of = Some(keyed[first]);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraph_indents_in_flattened_text_start_paragraphs() {
        let flat = "事项：\u{3000}\u{3000}近日，板块迎来普涨。\u{3000}\u{3000}评论：\u{3000}\u{3000}\u{3000}\u{3000}公司从事研发。";
        let texts: Vec<String> = group_lines(flat).into_iter().map(|d| d.text).collect();
        assert_eq!(texts, ["事项：", "近日，板块迎来普涨。", "评论：", "公司从事研发。"]);
        // A single ideographic space is only a space.
        assert_eq!(group_lines("重庆\u{3000}日报").len(), 1);
    }

    #[test]
    fn spaces_inside_chinese_are_removed_and_latin_spacing_kept() {
        assert_eq!(tidy_spaces("11月16日,为 期两天的 大会"), "11月16日,为期两天的大会");
        assert_eq!(tidy_spaces("评价, 道出了"), "评价,道出了");
        assert_eq!(tidy_spaces("上线产业人才\"AI管家\" 和 GDP 数据"), "上线产业人才\"AI管家\"和 GDP 数据");
        assert_eq!(tidy_spaces("The  quick\tfox"), "The quick fox");
        assert_eq!(tidy_spaces("扩容事项至10 项,共 3 个"), "扩容事项至10 项,共 3 个");
    }

    #[test]
    fn white_space_is_found_from_the_bytes_as_char_is_whitespace_finds_it() {
        for c in (0..=char::MAX as u32).filter_map(char::from_u32) {
            for text in [c.to_string(), format!("字{c}"), format!("é🗕{c}字 "), format!("a{c}\u{3000}")] {
                assert_eq!(find_white_space(&text), text.find(char::is_whitespace), "{text:?}");
            }
        }
    }

    #[test]
    fn headings_keep_the_space_between_two_phrases() {
        assert_eq!(tidy_heading("让人才“站C位” 打造引才“金名片”"), "让人才“站C位” 打造引才“金名片”");
        assert_eq!(tidy_heading("构建“416”科创战略布局 重庆不断提升"), "构建“416”科创战略布局 重庆不断提升");
        assert_eq!(tidy_heading("跨越山海，  双向奔赴"), "跨越山海，双向奔赴");
    }

    #[test]
    fn inline_markers_get_blocks_of_their_own() {
        let drafts = group_lines("(上接2版)“中国对阿政策始终面向阿根廷全体人民。”\n\n全文到此结束。（来源：新华社）");
        let texts: Vec<&str> = drafts.iter().map(|d| d.text.as_str()).collect();
        assert_eq!(
            texts,
            vec!["(上接2版)", "“中国对阿政策始终面向阿根廷全体人民。”", "全文到此结束。", "（来源：新华社）"]
        );
    }

    #[test]
    fn ornaments_are_recorded_and_ornament_lines_kept_as_decoration() {
        let drafts = group_lines("### 🗕 群贤毕至 —\n\n■ ■ ■\n\n●11月23日至24日");
        assert_eq!(drafts[0].text, "群贤毕至");
        assert_eq!(drafts[0].ornaments, "🗕");
        assert_eq!(drafts[1].role, Role::Aside(AsideKind::Decoration));
        assert_eq!(drafts[2].text, "11月23日至24日");
        assert!(drafts[2].list_item && drafts[2].ornaments == "●");
    }

    /// `repeat_key` as it reads without its shortcuts.
    fn plain_repeat_key(text: &str) -> RepeatKey {
        use std::hash::Hasher;
        let mut hasher = rustc_hash::FxHasher::default();
        let mut letters = 0;
        for c in text.chars().filter(|&c| is_letter_or_digit(c)) {
            hasher.write_u32(u32::from(c.to_ascii_lowercase()));
            letters += 1;
        }
        RepeatKey { letters, fingerprint: hasher.finish() }
    }

    #[test]
    fn repeat_keys_read_from_the_bytes_are_the_plain_keys() {
        for c in (0..=char::MAX as u32).filter_map(char::from_u32) {
            for text in [c.to_string(), format!("A字{c}"), format!("{c}é🗕，{c}z")] {
                assert_eq!(repeat_key(&text), plain_repeat_key(&text), "{text:?}");
            }
        }
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        for dir in ["www/samples", "tests/fixtures"] {
            for entry in std::fs::read_dir(root.join(dir)).into_iter().flatten().flatten() {
                let Ok(text) = std::fs::read_to_string(entry.path()) else { continue };
                for line in text.lines() {
                    assert_eq!(repeat_key(line), plain_repeat_key(line), "{line:?}");
                }
            }
        }
    }

    /// `mark_duplicates` as it reads without stopping at the openings: every
    /// block's whole key.
    fn plain_duplicates(text: &str, blocks: &[Block]) -> Vec<Option<usize>> {
        let mut seen = std::collections::HashMap::new();
        let mut marks = vec![None; blocks.len()];
        for (i, block) in blocks.iter().enumerate() {
            let key = repeat_key(&text[block.range.clone()]);
            if matches!(block.role, Role::Paragraph | Role::Aside(AsideKind::Caption))
                && key.letters >= MIN_DUPLICATE_CHARS
            {
                marks[i] = seen.get(&key).copied();
                seen.entry(key).or_insert(i);
            }
        }
        marks
    }

    #[test]
    fn duplicates_told_from_the_openings_are_those_of_whole_keys() {
        // Few openings and few endings, so that blocks often open alike and
        // sometimes repeat whole, with spaces and punctuation changed.
        let openings = ["重庆国际人才交流大会", "重庆国际人才交流大会落", "Council met", "十一月", ""];
        let endings = ["落下帷幕。", "，落下 帷幕", "on Tuesday.", "ON tuesday", "签约项目253个", "签约项目254个"];
        let roles = [Role::Paragraph, Role::Paragraph, Role::Aside(AsideKind::Caption), Role::Heading(2)];
        let mut random = crate::testing::pseudo_random(11);
        let mut pick = |n: usize| random() as usize % n;
        let mut marked = 0;
        for _ in 0..2000 {
            let mut text = String::new();
            let mut blocks = Vec::new();
            for _ in 0..1 + pick(10) {
                let start = text.len();
                text.push_str(openings[pick(openings.len())]);
                for _ in 0..pick(2) {
                    text.push_str(endings[pick(endings.len())]);
                }
                let role = roles[pick(roles.len())];
                blocks.push(Block {
                    role,
                    range: start..text.len(),
                    after_cut: false,
                    duplicate_of: None,
                    ornaments: String::new(),
                });
                text.push_str("\n\n");
            }
            let plain = plain_duplicates(&text, &blocks);
            mark_duplicates(&text, &mut blocks);
            assert_eq!(blocks.iter().map(|b| b.duplicate_of).collect::<Vec<_>>(), plain, "{text:?}");
            marked += plain.iter().flatten().count();
        }
        assert!(marked > 100, "{marked}");
    }

    #[test]
    fn repeat_keys_ignore_spaces_and_punctuation() {
        assert_eq!(repeat_key("纵横正有凌云笔。 世界，对此"), repeat_key("纵横正有凌云笔,世界对此."));
        assert_ne!(repeat_key("签约项目253个"), repeat_key("签约项目254个"));
    }
}

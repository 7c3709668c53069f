//! The document stage: raw text or Markdown in, a cleaned document out.
//!
//! The cleaned document is a sequence of blocks (headings, paragraphs and
//! asides) joined by blank lines into one `text`, which is what every offset
//! in the output points into. Cleaning undoes what print-to-text conversion
//! does to newspaper pages:
//!
//! * Markdown markup is stripped; `#` headings stay headings.
//! * Lines broken inside a paragraph are joined, and a paragraph that stops
//!   mid-sentence is joined to the next one.
//! * Spaces left between Chinese characters ("为 期两天") are removed; spaces
//!   around Latin words and numbers are kept.
//! * Bylines, photo credits, continuation markers and source lines become
//!   asides: kept in the text, never chosen as headline sentences.
//!
//! Limits: HTML is not parsed, and several articles on one page are read as
//! one document.

mod heuristics;

use std::ops::Range;

use crate::text::chars::{ends_sentence, is_cjk_punct, is_han};
use crate::text::words::is_dictionary_word;
use heuristics::*;

/// A cleaned document.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    /// The cleaned text: blocks separated by blank lines.
    pub text: String,
    /// The blocks, in order, as byte ranges of `text`.
    pub blocks: Vec<Block>,
    /// Index into `blocks` of the title, if the article has one.
    pub title: Option<usize>,
    /// Byte ranges of `text` that were set in bold (`**…**`, `__…__`), in order:
    /// editors bold what they want seen.
    pub bold: Vec<Range<usize>>,
}

/// One block of a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// What part the block plays.
    pub role: Role,
    /// Byte range of the block in [`Document::text`].
    pub range: Range<usize>,
    /// True when the block may begin mid-sentence: it follows a paragraph
    /// that stopped without finishing its sentence and could not be joined
    /// to it (the rest of that sentence is elsewhere on the page).
    pub after_cut: bool,
}

/// What part a block plays in the article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// A heading of level 1 (most prominent) to 6.
    Heading(u8),
    /// Body text.
    Paragraph,
    /// Page furniture: a byline, credit, source line or continuation marker.
    Aside,
}

impl Document {
    /// The text of block `index`.
    pub fn block_text(&self, index: usize) -> &str {
        &self.text[self.blocks[index].range.clone()]
    }

    /// The title's text, if any.
    pub fn title_text(&self) -> Option<&str> {
        self.title.map(|i| self.block_text(i))
    }
}

/// Cleans `raw` into a [`Document`].
pub fn parse(raw: &str) -> Document {
    let drafts = join_cut_paragraphs(classify(group_lines(raw)));
    let mut text = String::with_capacity(raw.len());
    let mut blocks = Vec::with_capacity(drafts.len());
    let mut bold = Vec::new();
    for draft in drafts {
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        let start = text.len();
        text.push_str(&draft.text);
        // Each run is found where it now stands, after the one before it.
        let mut from = start;
        for run in &draft.bold {
            if let Some(at) = text[from..].find(run.as_str()) {
                bold.push(from + at..from + at + run.len());
                from += at + run.len();
            }
        }
        blocks.push(Block { role: draft.role, range: start..text.len(), after_cut: draft.after_cut });
    }
    let title = find_title(&blocks);
    Document { text, blocks, title, bold }
}

/// A block being built, before its place in the final text is known.
struct Draft {
    role: Role,
    text: String,
    /// How many source lines went into the block.
    lines: usize,
    after_cut: bool,
    /// Bold runs of the block, in order, as they will read in the final text.
    bold: Vec<String>,
}

/// One source line, after its Markdown has been read.
enum Line {
    Break,
    Heading(u8, String),
    /// Text, whether it opens a new paragraph (a list item or bullet), and
    /// the runs of it that were bold.
    Text(String, bool, Vec<String>),
}

fn read_line(line: &str) -> Line {
    let line = line.trim();
    if line.is_empty() || TABLE_RULE.is_match(line) || is_thematic_break(line) {
        return Line::Break;
    }
    let hashes = line.bytes().take_while(|&b| b == b'#').count();
    if (1..=6).contains(&hashes) && line[hashes..].starts_with([' ', '\t']) {
        let inner = line[hashes..].trim().trim_end_matches('#');
        let inner = TRAILING_GLYPHS.replace(&LEADING_GLYPHS.replace(&strip_inline(inner), ""), "").into_owned();
        return if inner.is_empty() { Line::Break } else { Line::Heading(hashes as u8, inner) };
    }
    let unmarked = LINE_MARKER.replace(line, "");
    let mut opens_item = unmarked.len() != line.len();
    let bold = bold_runs(&unmarked);
    let text = strip_inline(&unmarked);
    let unglyphed = LEADING_GLYPHS.replace(&text, "");
    opens_item |= unglyphed.len() != text.len();
    if unglyphed.trim().is_empty() {
        return Line::Break;
    }
    Line::Text(unglyphed.into_owned(), opens_item, bold)
}

/// The text of each bold run in a Markdown line, with inline markup removed.
fn bold_runs(line: &str) -> Vec<String> {
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
fn strip_inline(line: &str) -> String {
    let s = MD_IMAGE.replace_all(line, "");
    let s = MD_LINK.replace_all(&s, "$1");
    let s = MD_EMPHASIS.replace_all(&s, "$1$2$3$4");
    let s = HTML_TAG.replace_all(&s, "");
    let s = s
        .replace("&nbsp;", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'");
    let s = s.replace("&amp;", "&");
    if s.starts_with('|') && s.trim_end().ends_with('|') {
        s.trim().trim_matches('|').split('|').map(str::trim).collect::<Vec<_>>().join("  ")
    } else {
        s
    }
}

/// Groups source lines into headings and paragraphs.
fn group_lines(raw: &str) -> Vec<Draft> {
    let raw = raw.strip_prefix('\u{FEFF}').unwrap_or(raw);
    let mut drafts: Vec<Draft> = Vec::new();
    let mut paragraph: Option<Draft> = None;
    for line in raw.split(['\n', '\r']) {
        match read_line(line) {
            Line::Break => drafts.extend(paragraph.take()),
            Line::Heading(level, text) => {
                drafts.extend(paragraph.take());
                drafts.push(Draft {
                    role: Role::Heading(level),
                    text: tidy_spaces(&text),
                    lines: 1,
                    after_cut: false,
                    bold: Vec::new(),
                });
            }
            Line::Text(text, opens_item, bold) => match paragraph.as_mut() {
                Some(open) if !opens_item => {
                    join_into(&mut open.text, &text);
                    open.lines += 1;
                    open.bold.extend(bold);
                }
                _ => {
                    drafts.extend(paragraph.take());
                    paragraph = Some(Draft { role: Role::Paragraph, text, lines: 1, after_cut: false, bold });
                }
            },
        }
    }
    drafts.extend(paragraph);
    for draft in &mut drafts {
        draft.text = tidy_spaces(&draft.text);
    }
    drafts.retain(|d| !d.text.is_empty());
    drafts
}

/// Appends a continuation line: no space at a Chinese seam, one space otherwise.
fn join_into(text: &mut String, next: &str) {
    let seam_is_cjk = text.chars().next_back().is_some_and(|c| is_han(c) || is_cjk_punct(c))
        || next.chars().next().is_some_and(|c| is_han(c) || is_cjk_punct(c));
    if !seam_is_cjk {
        text.push(' ');
    }
    text.push_str(next);
}

/// Collapses runs of white space to one space, and removes the space where
/// both sides are Chinese (or one is Chinese and the other punctuation).
pub fn tidy_spaces(text: &str) -> String {
    let chars: Vec<char> = text.trim().chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if !c.is_whitespace() {
            out.push(c);
            i += 1;
            continue;
        }
        let run_end = (i..chars.len()).find(|&j| !chars[j].is_whitespace()).unwrap_or(chars.len());
        let before = out.chars().next_back();
        let after = chars.get(run_end).copied();
        if let (Some(b), Some(a)) = (before, after) {
            if !space_is_wrong(b, a) {
                out.push(' ');
            }
        }
        i = run_end;
    }
    out
}

/// A space between these two characters is a conversion artefact.
fn space_is_wrong(before: char, after: char) -> bool {
    let cjk = |c: char| is_han(c) || is_cjk_punct(c);
    let ascii_punct = |c: char| matches!(c, ',' | ';' | ':' | '!' | '?' | '(' | ')' | '"' | '.');
    (cjk(before) && (cjk(after) || ascii_punct(after))) || (ascii_punct(before) && cjk(after))
}

/// Marks asides (bylines, credits, captions…), and one-line unpunctuated
/// paragraphs as decks (sub-headings).
fn classify(mut drafts: Vec<Draft>) -> Vec<Draft> {
    for i in 0..drafts.len() {
        let text = &drafts[i].text;
        if drafts[i].role == Role::Aside {
            continue;
        }
        // Newspapers set bylines in heading type, so headings can be asides too.
        if is_aside(text) {
            drafts[i].role = Role::Aside;
        } else if drafts[i].role == Role::Paragraph
            && drafts[i].lines == 1
            && text.chars().count() <= MAX_DECK_CHARS
            && !ends_sentence(text)
        {
            drafts[i].role = Role::Heading(deck_level(&drafts[..i]));
        }
    }
    // A short paragraph just above a photo credit is that photo's caption.
    for i in 1..drafts.len() {
        let credit = PHOTO_CREDIT.is_match(&drafts[i].text);
        let above = &mut drafts[i - 1];
        if credit && above.role == Role::Paragraph && above.text.chars().count() <= MAX_CAPTION_CHARS {
            above.role = Role::Aside;
        }
    }
    drafts
}

/// A deck first on the page is the title; under a heading it is one level
/// below it; elsewhere it is a minor heading.
fn deck_level(before: &[Draft]) -> u8 {
    match before.last().map(|d| d.role) {
        None => 1,
        Some(Role::Heading(level)) => (level + 1).min(6),
        Some(_) => 4,
    }
}

/// Joins a paragraph that stops mid-sentence to the paragraph after it when
/// the seam falls inside a word ("应用前" + "景。他认为"): page layouts break
/// sentences across columns. When the seam does not make a word, the rest of
/// the sentence is elsewhere on the page, so the next paragraph is only
/// marked as possibly starting mid-sentence.
fn join_cut_paragraphs(drafts: Vec<Draft>) -> Vec<Draft> {
    let mut out: Vec<Draft> = Vec::with_capacity(drafts.len());
    for mut draft in drafts {
        if let Some(prev) = out.last_mut() {
            let cut = prev.role == Role::Paragraph
                && draft.role == Role::Paragraph
                && prev.text.chars().count() >= MIN_CUT_PARAGRAPH_CHARS
                && !ends_sentence(&prev.text);
            if cut && seam_is_inside_a_word(&prev.text, &draft.text) {
                join_into(&mut prev.text, &draft.text);
                prev.lines += draft.lines;
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
    let tail: Vec<char> = before.chars().rev().take(MAX_SEAM_WORD_SIDE).collect();
    let head: Vec<char> = after.chars().take(MAX_SEAM_WORD_SIDE).collect();
    match (tail.first(), head.first()) {
        (Some(&b), Some(&a)) if is_han(b) && is_han(a) => (1..=tail.len()).any(|k| {
            let left: String = tail[..k].iter().rev().collect();
            (1..=head.len()).take_while(|&m| head[..m].iter().all(|&c| is_han(c))).any(|m| {
                let word: String = left.chars().chain(head[..m].iter().copied()).collect();
                left.chars().all(is_han) && is_dictionary_word(&word)
            })
        }),
        (Some(&b), Some(&a)) => b.is_alphabetic() && !is_han(b) && a.is_lowercase(),
        _ => false,
    }
}

/// The title: the most prominent heading before the first paragraph.
fn find_title(blocks: &[Block]) -> Option<usize> {
    let mut best: Option<(usize, u8)> = None;
    for (i, block) in blocks.iter().enumerate() {
        match block.role {
            Role::Paragraph => break,
            Role::Heading(level) if best.is_none_or(|(_, b)| level < b) => best = Some((i, level)),
            _ => {}
        }
    }
    best.map(|(i, _)| i)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roles(doc: &Document) -> Vec<(Role, &str)> {
        (0..doc.blocks.len()).map(|i| (doc.blocks[i].role, doc.block_text(i))).collect()
    }

    #[test]
    fn spaces_inside_chinese_are_removed_and_latin_spacing_kept() {
        assert_eq!(tidy_spaces("11月16日,为 期两天的 大会"), "11月16日,为期两天的大会");
        assert_eq!(tidy_spaces("评价, 道出了"), "评价,道出了");
        assert_eq!(tidy_spaces("上线产业人才\"AI管家\" 和 GDP 数据"), "上线产业人才\"AI管家\"和 GDP 数据");
        assert_eq!(tidy_spaces("The  quick\tfox"), "The quick fox");
    }

    #[test]
    fn markdown_headings_become_headings_and_markup_goes() {
        let doc = parse("### 人才引育\n\n# 重庆成为**人才**热土\n\n正文[链接](http://a.b)第一句。\n");
        assert_eq!(
            roles(&doc),
            vec![
                (Role::Heading(3), "人才引育"),
                (Role::Heading(1), "重庆成为人才热土"),
                (Role::Paragraph, "正文链接第一句。")
            ]
        );
        assert_eq!(doc.title_text(), Some("重庆成为人才热土"));
    }

    #[test]
    fn bold_runs_are_kept_as_ranges_of_the_text() {
        let doc = parse("我市组织实施  \n重大(重点)专项科技项目  \n**132项**  \n引导社会投入超  \n**30亿元**\n\n另一段**重点**文字。");
        let bold: Vec<&str> = doc.bold.iter().map(|r| &doc.text[r.clone()]).collect();
        assert_eq!(bold, vec!["132项", "30亿元", "重点"]);
        assert!(doc.text.starts_with("我市组织实施重大(重点)专项科技项目132项引导社会投入超30亿元"), "{}", doc.text);
    }

    #[test]
    fn lines_broken_mid_sentence_are_joined() {
        let doc = parse("柔性电子凭借\"轻薄柔透\"四大特性,在信息显示、健康医疗、\n新能源、空天装备等领域具有广阔的应用前\n\n景。他认为,当前重庆已形成优势。");
        assert_eq!(doc.blocks.len(), 1);
        assert_eq!(doc.text, "柔性电子凭借\"轻薄柔透\"四大特性,在信息显示、健康医疗、新能源、空天装备等领域具有广阔的应用前景。他认为,当前重庆已形成优势。");

        let english = parse("The council met on\nTuesday to vote.");
        assert_eq!(english.text, "The council met on Tuesday to vote.");
    }

    #[test]
    fn a_seam_between_two_words_is_not_joined_but_marked() {
        let doc = parse("吸引2161个人才团队同台竞技,新型超精密智能化激光工业母机技术产业化等一批创新成果加速转化\n\n在生命科学产业人才发展大会上,11个项目签约落地。");
        assert_eq!(doc.blocks.len(), 2);
        assert!(doc.blocks[1].after_cut && !doc.blocks[0].after_cut);
    }

    #[test]
    fn bylines_and_credits_are_asides() {
        let doc = parse("# 标题\n\n#### ■新重庆-重庆日报记者 黄乔\n\n■新重庆-重庆日报记者 黄乔\n\n记者 尹诗语 摄/视觉重庆\n\n正文一句话在这里结束。\n\n(上接1版)");
        let asides: Vec<_> = roles(&doc).into_iter().filter(|(r, _)| *r == Role::Aside).map(|(_, t)| t).collect();
        assert_eq!(
            asides,
            vec!["新重庆-重庆日报记者黄乔", "新重庆-重庆日报记者黄乔", "记者尹诗语摄/视觉重庆", "(上接1版)"]
        );
    }

    #[test]
    fn a_short_paragraph_above_a_photo_credit_is_a_caption() {
        let doc = parse("大会在重庆科学会堂举行,来自各国的嘉宾齐聚一堂。\n\n11月16日,重庆科学会堂,大会现场。\n\n记者 尹诗语 摄/视觉重庆\n\n会议期间发布了多项成果。");
        let roles: Vec<Role> = doc.blocks.iter().map(|b| b.role).collect();
        assert_eq!(roles, vec![Role::Paragraph, Role::Aside, Role::Aside, Role::Paragraph]);
    }

    #[test]
    fn short_unpunctuated_lines_are_decks() {
        let doc = parse("### 群贤毕至 —\n\n智汇西部,共筑人才新高地\n\n今年的大会以独特的吸引力让各路人才纷至沓来。");
        assert_eq!(roles(&doc)[0], (Role::Heading(3), "群贤毕至"));
        assert_eq!(roles(&doc)[1], (Role::Heading(4), "智汇西部,共筑人才新高地"));
    }

    #[test]
    fn plain_text_title_is_its_first_short_line() {
        let doc = parse("City Council Approves Budget\n\nThe council approved the budget on Tuesday. It passed 7-2.");
        assert_eq!(doc.title_text(), Some("City Council Approves Budget"));
    }

    #[test]
    fn list_items_start_their_own_paragraphs() {
        let doc = parse("- 第一项已经完成。\n- 第二项正在推进。\n■第三项即将启动。");
        assert_eq!(doc.blocks.len(), 3);
    }
}

//! The document stage: raw text or Markdown in, a cleaned document out.
//!
//! The cleaned document is a sequence of blocks (headings, paragraphs and
//! asides) joined by blank lines into one `text`, which is what every offset
//! in the output points into. The stage runs in three steps, one module each:
//!
//! 1. [`cleanup`]: Markdown stripped, broken lines and cut paragraphs joined,
//!    stray spaces inside Chinese removed, decorative glyphs taken off,
//!    inline markers split off, repeated paragraphs marked.
//! 2. [`roles`]: each block's role: heading, paragraph, or an aside of its
//!    kind (byline, caption, continuation marker, source line, label,
//!    decoration). Asides stay in the text and are never headline sentences.
//! 3. [`articles`]: the stories on the page, each with its title, and the
//!    main one.
//!
//! The rules themselves (patterns and thresholds) live in `heuristics`.
//!
//! Limits: HTML is not parsed here; a story the layout split around another
//! one is read as two pieces (see [`articles`]).

mod articles;
mod cleanup;
mod heuristics;
mod roles;

use std::ops::Range;

/// Which texts repeat an earlier one: the same letters and digits, whatever
/// the spaces and punctuation. The stage marks repeated paragraphs with it;
/// the pipeline does the same for sentences repeated inside or across
/// paragraphs.
pub use cleanup::first_repeats;
/// The key that [`first_repeats`] compares texts by, read whole: tests
/// check repeats against it.
#[cfg(test)]
pub use cleanup::repeat_key;

/// A cleaned document.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    /// The cleaned text: blocks separated by blank lines.
    pub text: String,
    /// The blocks, in order, as byte ranges of `text`.
    pub blocks: Vec<Block>,
    /// Index into `blocks` of the main article's title, if it has one.
    pub title: Option<usize>,
    /// Byte ranges of `text` that were set in bold (`**…**`, `__…__`), in order:
    /// editors bold what they want seen.
    pub bold: Vec<Range<usize>>,
    /// The stories on the page, in order. Their `blocks` ranges cover every
    /// block exactly once; there is at least one article unless the
    /// document has no blocks.
    pub articles: Vec<Article>,
    /// Index into `articles` of the main article (0 when there is none):
    /// the most prominent titled story (see the `articles` module).
    pub main_article: usize,
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
    /// For a paragraph or caption printed a second time (the same letters
    /// and digits, whatever the spaces and punctuation), the index of its
    /// first printing: it must count once.
    pub duplicate_of: Option<usize>,
    /// Decorative glyphs (■ ● 🗕 …) that stood at the block's edges and were
    /// taken out of its text; empty when there were none.
    pub ornaments: String,
}

/// What part a block plays in the article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// A heading of level 1 (most prominent) to 6.
    Heading(u8),
    /// Body text.
    Paragraph,
    /// Page furniture: kept in the text, never a headline sentence or title.
    Aside(AsideKind),
}

/// The kinds of page furniture.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AsideKind {
    /// "■新重庆-重庆日报记者 黄乔", "By Jane Doe".
    Byline,
    /// A photo credit ("记者 尹诗语 摄/视觉重庆") or the caption above it.
    Caption,
    /// A jump between pages: "(上接1版)", "（下转第3版）".
    Continuation,
    /// "数据来源：…", "责任编辑：…", a wire story's "(新华社北京11月24日电)".
    SourceLine,
    /// A banner or label naming a page section, a series, a column or a
    /// data box, not the story: "B 微观说大会》》》", "相关新闻", "数读…".
    Label,
    /// A line of ornaments only ("■ ■ ■").
    Decoration,
}

impl Role {
    /// True for page furniture.
    pub fn is_aside(self) -> bool {
        matches!(self, Role::Aside(_))
    }

    /// True for a heading of any level.
    pub fn is_heading(self) -> bool {
        matches!(self, Role::Heading(_))
    }
}

/// One story on the page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Article {
    /// Index into [`Document::blocks`] of the story's headline. It usually
    /// lies inside `blocks`, but may stand before it when the page printed
    /// the headline away from its story.
    pub title: Option<usize>,
    /// The article's blocks, as indices into [`Document::blocks`].
    pub blocks: Range<usize>,
    /// The article is the rest of a story from another page ("(上接2版)"):
    /// its headline is not on this page.
    pub continued: bool,
    /// The article was introduced as related news ("相关新闻").
    pub related: bool,
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

    /// The title text of article `index`, if it has one.
    pub fn article_title(&self, index: usize) -> Option<&str> {
        self.articles.get(index)?.title.map(|i| self.block_text(i))
    }

    /// The byte range of `text` that article `index` spans, from its first
    /// block to its last.
    pub fn article_range(&self, index: usize) -> Range<usize> {
        let blocks = &self.articles[index].blocks;
        self.blocks[blocks.start].range.start..self.blocks[blocks.end - 1].range.end
    }

    /// The index of the article that holds block `block`.
    #[allow(dead_code)]
    pub fn article_of(&self, block: usize) -> Option<usize> {
        self.articles.iter().position(|a| a.blocks.contains(&block))
    }
}

/// Cleans `raw` into a [`Document`].
pub fn parse(raw: &str) -> Document {
    let drafts = cleanup::join_cut_paragraphs(roles::classify(cleanup::group_lines(raw)));
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
        blocks.push(Block {
            role: draft.role,
            range: start..text.len(),
            after_cut: draft.after_cut,
            duplicate_of: None,
            ornaments: draft.ornaments,
        });
    }
    cleanup::mark_duplicates(&text, &mut blocks);
    let (articles, main_article) = articles::find(&text, &blocks);
    let title = articles.get(main_article).and_then(|a| a.title);
    Document { text, blocks, title, bold, articles, main_article }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roles(doc: &Document) -> Vec<(Role, &str)> {
        (0..doc.blocks.len()).map(|i| (doc.blocks[i].role, doc.block_text(i))).collect()
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
        let asides: Vec<_> = roles(&doc).into_iter().filter(|(r, _)| r.is_aside()).map(|(_, t)| t).collect();
        assert_eq!(
            asides,
            vec!["新重庆-重庆日报记者黄乔", "新重庆-重庆日报记者黄乔", "记者尹诗语摄/视觉重庆", "(上接1版)"]
        );
    }

    #[test]
    fn a_short_paragraph_above_a_photo_credit_is_a_caption() {
        let doc = parse("大会在重庆科学会堂举行,来自各国的嘉宾齐聚一堂。\n\n11月16日,重庆科学会堂,大会现场。\n\n记者 尹诗语 摄/视觉重庆\n\n会议期间发布了多项成果。");
        let roles: Vec<Role> = doc.blocks.iter().map(|b| b.role).collect();
        assert_eq!(
            roles,
            vec![Role::Paragraph, Role::Aside(AsideKind::Caption), Role::Aside(AsideKind::Caption), Role::Paragraph]
        );
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

#[cfg(test)]
mod seed_tests;

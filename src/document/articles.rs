//! Articles: where the stories on a page begin and end, their titles, and
//! which one is the main article.
//!
//! A new article begins at:
//! * an opening byline or dateline (本报讯, 新华社…电) once the current
//!   article has prose: the article starts at the headline run above it
//!   (headings, labels, data boxes), back to the last prose paragraph;
//! * a closing byline or wire source line ("上游财经-重庆晨报记者 陈军" after
//!   the story, "(新华社北京11月24日电)"): the next article starts just
//!   after it, when a headline follows rather than more prose;
//! * a continuation marker ("(上接2版)"): the rest of a story from another
//!   page, whose headline is not on this one (such an article has no title);
//! * a "相关新闻" label: a related story is an article of its own, with its
//!   own headline and dateline. Background boxes ("链接", "背景") are not:
//!   they explain the story before them and stay part of it;
//! * a heading at least as prominent as the current article's title.
//!
//! Every article keeps at least one prose paragraph, so a label or box with
//! nothing after it stays with the article before it.
//!
//! A title is the most prominent heading of the article's opening run
//! (ties: the one nearest the story), never a label, a heading inside a data
//! box, or a bare number. When the text put a story's headline at the top of
//! the page, away from its body (the story then opens on a byline with no
//! headline), the headlines at the top are shared out between the first
//! article and such headless ones by the words they have in common.
//!
//! The main article is the one with the most prominent title (ties: the
//! first on the page, where papers print the lead), among titled articles
//! that are not related stories and have some prose; failing that, the
//! article with the most prose.
//!
//! Limits: a story split in two by the layout, with another story printed
//! in between, is read as ending where the other begins; what follows the
//! other story goes with it.

use std::ops::Range;

use super::heuristics::*;
use super::{Article, AsideKind, Block, Role};
use crate::text::chars::{ends_sentence, is_han, is_short};

/// The page's articles and the index of its main one.
pub(super) fn find(text: &str, blocks: &[Block]) -> (Vec<Article>, usize) {
    if blocks.is_empty() {
        return (Vec::new(), 0);
    }
    let prose = (0..blocks.len())
        .map(|i| {
            let body = &text[blocks[i].range.clone()];
            blocks[i].role == Role::Paragraph && (ends_sentence(body) || !is_short(body, MAX_DATA_LINE_CHARS))
        })
        .collect();
    let page = Page { text, blocks, prose };
    let starts = page.starts();
    let mut articles: Vec<Article> = starts
        .iter()
        .enumerate()
        .map(|(k, &start)| {
            let end = starts.get(k + 1).copied().unwrap_or(blocks.len());
            let continued = blocks[start].role == Role::Aside(AsideKind::Continuation);
            let related = page.label(start).is_some_and(is_related_label);
            let title = if continued { None } else { page.title(start..end) };
            Article { title, blocks: start..end, continued, related }
        })
        .collect();
    page.share_out_orphan_headlines(&mut articles);
    let main = page.main(&articles);
    (articles, main)
}

struct Page<'a> {
    text: &'a str,
    blocks: &'a [Block],
    /// Per block: story text, as opposed to a data line, a list item
    /// ("新认定高新技术企业3071家") or furniture.
    prose: Vec<bool>,
}

impl Page<'_> {
    fn text_of(&self, i: usize) -> &str {
        &self.text[self.blocks[i].range.clone()]
    }

    fn role(&self, i: usize) -> Role {
        self.blocks[i].role
    }

    fn label(&self, i: usize) -> Option<&str> {
        (self.role(i) == Role::Aside(AsideKind::Label)).then(|| self.text_of(i))
    }

    fn is_prose(&self, i: usize) -> bool {
        self.prose[i]
    }

    fn opens_with_dateline(&self, i: usize) -> bool {
        self.role(i) == Role::Paragraph && opens_with_dateline(self.text_of(i))
    }

    /// The first block of every article, in order; the first is 0.
    fn starts(&self) -> Vec<usize> {
        let n = self.blocks.len();
        let mut starts = vec![0];
        let mut has_prose = false;
        let mut title_level: Option<u8> = None;
        let mut continued = self.role(0) == Role::Aside(AsideKind::Continuation);
        for i in 0..n {
            let current = *starts.last().unwrap_or(&0);
            let next_is_headline = i + 1 < n && !self.is_prose(i + 1);
            let start = match self.role(i) {
                _ if !has_prose => None,
                Role::Aside(AsideKind::Continuation) if !self.text_of(i).contains('下') => Some(i),
                Role::Aside(AsideKind::Label) if i + 1 < n && is_related_label(self.text_of(i)) => Some(i),
                Role::Aside(AsideKind::Byline) if i > 0 && self.is_prose(i - 1) => next_is_headline.then_some(i + 1),
                Role::Aside(AsideKind::Byline) => Some(self.headline_run_start(i, current)),
                Role::Aside(AsideKind::SourceLine) if is_wire_source(self.text_of(i)) => {
                    next_is_headline.then_some(i + 1)
                }
                Role::Paragraph if self.opens_with_dateline(i) => Some(self.headline_run_start(i, current)),
                Role::Heading(level) if !continued && title_level.is_some_and(|t| level <= t) => {
                    Some(self.heading_run_start(i, current))
                }
                _ => None,
            };
            if let Some(start) = start.filter(|&s| s > current && s < n) {
                starts.push(start);
                has_prose = false;
                title_level = None;
                continued = self.role(start) == Role::Aside(AsideKind::Continuation);
            }
            let current = *starts.last().unwrap_or(&0);
            if !has_prose && i >= current && self.is_prose(i) {
                has_prose = true;
                title_level = if continued {
                    None
                } else {
                    self.title(current..i).and_then(|t| match self.role(t) {
                        Role::Heading(level) => Some(level),
                        _ => None,
                    })
                };
            }
        }
        starts
    }

    /// Where the story whose byline or dateline is block `i` begins: back
    /// over its headlines, labels and boxes to the last prose paragraph.
    fn headline_run_start(&self, i: usize, floor: usize) -> usize {
        let mut j = i;
        while j > floor
            && !self.is_prose(j - 1)
            && !matches!(
                self.role(j - 1),
                Role::Aside(AsideKind::Byline | AsideKind::Continuation | AsideKind::Caption)
            )
        {
            j -= 1;
        }
        j
    }

    /// The first of the headings and labels stacked right above block `i`.
    fn heading_run_start(&self, i: usize, floor: usize) -> usize {
        let mut j = i;
        while j > floor && (self.role(j - 1).is_heading() || self.label(j - 1).is_some()) {
            j -= 1;
        }
        j
    }

    /// The headlines an article opens with: headings before its first prose,
    /// leaving out labels, data-box headings and bare numbers.
    fn headline_candidates(&self, blocks: Range<usize>) -> Vec<usize> {
        let mut candidates = Vec::new();
        let mut in_box = false;
        for i in blocks {
            if self.is_prose(i) {
                break;
            }
            match self.role(i) {
                Role::Aside(AsideKind::Label) => in_box |= is_box_label(self.text_of(i)),
                Role::Aside(AsideKind::SourceLine | AsideKind::Byline) => in_box = false,
                Role::Heading(_) if !in_box && self.text_of(i).chars().any(char::is_alphabetic) => candidates.push(i),
                _ => {}
            }
        }
        candidates
    }

    /// The most prominent of the candidates; ties go to the last, nearest the story.
    fn most_prominent(&self, candidates: &[usize]) -> Option<usize> {
        let level = |i: usize| match self.role(i) {
            Role::Heading(level) => level,
            _ => u8::MAX,
        };
        candidates.iter().copied().min_by_key(|&i| (level(i), std::cmp::Reverse(i)))
    }

    fn title(&self, blocks: Range<usize>) -> Option<usize> {
        self.most_prominent(&self.headline_candidates(blocks))
    }

    /// Gives headless stories their headlines back from the top of the page.
    fn share_out_orphan_headlines(&self, articles: &mut [Article]) {
        let headless: Vec<usize> = (1..articles.len())
            .filter(|&k| articles[k].title.is_none() && !articles[k].continued && !articles[k].related)
            .collect();
        let stack = self.headline_candidates(articles[0].blocks.clone());
        if headless.is_empty() || stack.len() < 2 || stack.len() > MAX_HEADLINE_STACK {
            return;
        }
        let claimants: Vec<usize> = std::iter::once(0).chain(headless).collect();
        let bodies: Vec<String> = claimants.iter().map(|&k| self.prose_of(&articles[k].blocks)).collect();
        let mut shares: Vec<Vec<usize>> = vec![Vec::new(); claimants.len()];
        for &h in &stack {
            let scores: Vec<f64> = bodies.iter().map(|body| shared_bigrams(self.text_of(h), body)).collect();
            let best = (0..scores.len()).fold(0, |b, k| if scores[k] > scores[b] { k } else { b });
            shares[best].push(h);
        }
        // A share-out that leaves a story without a headline is not trusted.
        if shares.iter().any(Vec::is_empty) {
            return;
        }
        for (slot, &k) in claimants.iter().enumerate() {
            if let Some(title) = self.most_prominent(&shares[slot]) {
                articles[k].title = Some(title);
            }
        }
    }

    /// The prose of an article, counted once (repeats left out).
    fn prose_of(&self, blocks: &Range<usize>) -> String {
        self.prose_blocks(blocks).map(|i| self.text_of(i)).collect()
    }

    /// The blocks of `prose_of`.
    fn prose_blocks(&self, blocks: &Range<usize>) -> impl Iterator<Item = usize> + '_ {
        blocks.clone().filter(|&i| self.is_prose(i) && self.blocks[i].duplicate_of.is_none())
    }

    fn main(&self, articles: &[Article]) -> usize {
        // Counted block by block: the count of `prose_of`, without building it.
        let prose_chars: Vec<usize> = articles
            .iter()
            .map(|a| self.prose_blocks(&a.blocks).map(|i| self.text_of(i).chars().count()).sum())
            .collect();
        let level = |a: &Article| match a.title.map(|t| self.role(t)) {
            Some(Role::Heading(level)) => level,
            _ => u8::MAX,
        };
        let titled = (0..articles.len())
            .filter(|&k| articles[k].title.is_some() && !articles[k].related && prose_chars[k] >= MIN_MAIN_BODY_CHARS)
            .min_by_key(|&k| (level(&articles[k]), k));
        titled
            .unwrap_or_else(|| (0..articles.len()).max_by_key(|&k| (prose_chars[k], std::cmp::Reverse(k))).unwrap_or(0))
    }
}

/// The share of the headline's pairs of adjacent Chinese characters (or its
/// words, in other scripts) that occur in `body`.
fn shared_bigrams(headline: &str, body: &str) -> f64 {
    let chars: Vec<char> = headline.chars().collect();
    let mut pairs: Vec<String> =
        chars.windows(2).filter(|w| is_han(w[0]) && is_han(w[1])).map(|w| w.iter().collect()).collect();
    if pairs.is_empty() {
        pairs = headline.split(|c: char| !c.is_alphanumeric()).filter(|w| w.len() > 3).map(str::to_lowercase).collect();
    }
    if pairs.is_empty() {
        return 0.0;
    }
    let body = body.to_lowercase();
    pairs.iter().filter(|p| body.contains(p.as_str())).count() as f64 / pairs.len() as f64
}

#[cfg(test)]
mod tests {
    use super::super::{parse, Document};

    fn titles(doc: &Document) -> Vec<Option<&str>> {
        (0..doc.articles.len()).map(|k| doc.article_title(k)).collect()
    }

    #[test]
    fn a_headline_with_a_byline_starts_a_story() {
        let doc = parse(
            "大会闭幕\n\n本报记者 王五\n\n大会今天闭幕，共签约项目二百多个，引进人才三千多名。\n\n\
             新馆开放\n\n本报记者 赵六\n\n市图书馆新馆今天开放，藏书三百万册，座位两千个。",
        );
        assert_eq!(titles(&doc), vec![Some("大会闭幕"), Some("新馆开放")]);
        assert_eq!(doc.main_article, 0);
    }

    #[test]
    fn english_stories_split_at_their_bylines() {
        let doc = parse(
            "Council Passes Budget\n\nBy Jane Doe\n\nThe council passed the budget on Tuesday by seven votes to two.\n\n\
             School Opens New Wing\n\nBy John Roe\n\nThe school opened its new science wing to pupils this morning.",
        );
        assert_eq!(titles(&doc), vec![Some("Council Passes Budget"), Some("School Opens New Wing")]);
    }

    #[test]
    fn sections_of_one_story_stay_one_article() {
        let doc = parse(
            "# 标题\n\n导语一句话在这里结束。\n\n## 第一节\n\n正文第一节写完了。\n\n## 第二节\n\n正文第二节写完了。",
        );
        assert_eq!(titles(&doc), vec![Some("标题")]);
    }

    #[test]
    fn related_news_is_its_own_article_and_a_background_box_is_not() {
        let story = "# 大会闭幕\n\n大会今天闭幕，共签约项目二百多个，引进人才三千多名。\n\n";
        let related =
            parse(&format!("{story}### 相关新闻\n\n## 新馆开放\n\n本报讯 市图书馆新馆今天开放，藏书三百万册。"));
        assert_eq!(titles(&related), vec![Some("大会闭幕"), Some("新馆开放")]);
        assert!(related.articles[1].related && !related.articles[0].related);
        let background = parse(&format!("{story}### 链接\n\n大会始于2015年，每年举办一次，今年是第十届。"));
        assert_eq!(titles(&background), vec![Some("大会闭幕")]);
    }

    #[test]
    fn a_wire_source_line_closes_its_story() {
        let doc = parse(
            "# 大会闭幕\n\n大会今天闭幕，共签约项目二百多个，引进人才三千多名。\n\n(新华社北京11月24日电)\n\n\
             ## 新馆开放\n\n市图书馆新馆今天开放，藏书三百万册，座位两千个。",
        );
        assert_eq!(titles(&doc), vec![Some("大会闭幕"), Some("新馆开放")]);
        assert_eq!(doc.articles[0].blocks, 0..3, "the source line ends the first story");
    }

    #[test]
    fn a_continued_story_has_no_title_and_is_not_the_main_article() {
        let doc = parse(
            "(上接2版)\n\n## 第三部分\n\n这是从第二版转来的下半篇文章，内容很长很长，讲了很多事情，一直讲到最后，讲完了全部的经过和结果。\n\n\
             ## 新馆开放\n\n本报记者 赵六\n\n市图书馆新馆今天开放，藏书三百万册，座位两千个，每天开放十二个小时，周一闭馆，读者可以网上预约。\n\n\
             新馆由市政府投资建设，历时三年建成，设有少儿阅览区、古籍修复中心和数字体验区，预计每年接待读者两百万人次。",
        );
        assert_eq!(titles(&doc), vec![None, Some("新馆开放")]);
        assert!(doc.articles[0].continued);
        assert_eq!(doc.main_article, 1);
        assert_eq!(doc.title_text(), Some("新馆开放"));
    }

    #[test]
    fn nothing_in_gives_no_articles_and_no_panic() {
        let doc = parse("");
        assert!(doc.articles.is_empty() && doc.main_article == 0 && doc.title.is_none());
        let doc = parse("■ ■ ■");
        assert_eq!(doc.articles.len(), 1);
    }
}

//! The named rules the document stage applies, each with why it exists.
//!
//! Kept in one place so that a reader can see every heuristic at a glance
//! and every pattern has exactly one home.

use std::sync::LazyLock;

use regex::Regex;

/// A one-line paragraph shorter than this (in chars), with no closing
/// punctuation, is a deck or sub-heading in newspaper layouts.
pub const MAX_DECK_CHARS: usize = 30;

/// A paragraph ending mid-word is joined to the next one only if it is at
/// least this long; shorter unpunctuated lines are decks and kickers.
pub const MIN_CUT_PARAGRAPH_CHARS: usize = 25;

/// Characters looked at on each side of a paragraph seam when asking
/// whether it falls inside a word.
pub const MAX_SEAM_WORD_SIDE: usize = 3;

fn regex(pattern: &str) -> Regex {
    // The patterns are literals in this file, checked by the tests below.
    Regex::new(pattern).expect("heuristic patterns are valid")
}

/// Markdown images: dropped whole, since their alt text is not prose.
pub static MD_IMAGE: LazyLock<Regex> = LazyLock::new(|| regex(r"!\[[^\]\n]*\]\([^)\n]*\)"));
/// Markdown links: kept as their text.
pub static MD_LINK: LazyLock<Regex> = LazyLock::new(|| regex(r"\[([^\]\n]+)\]\([^)\n]*\)"));
/// Emphasis and code markers around a run of text.
pub static MD_EMPHASIS: LazyLock<Regex> =
    LazyLock::new(|| regex(r"\*\*([^*\n]+)\*\*|__([^_\n]+)__|\*([^*\s][^*\n]*)\*|`([^`\n]+)`"));
/// Inline HTML tags that Markdown converters leave behind (`<br>`, `<span>`).
pub static HTML_TAG: LazyLock<Regex> = LazyLock::new(|| regex(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>\n]*)?/?>"));
/// A Markdown list marker or blockquote at the start of a line.
pub static LINE_MARKER: LazyLock<Regex> = LazyLock::new(|| regex(r"^(?:>\s*)+|^(?:[-*+]|[0-9]{1,3}[.)])\s+"));
/// Decorative glyphs newspapers put before bylines, list items and headings.
pub static LEADING_GLYPHS: LazyLock<Regex> = LazyLock::new(|| regex(r"^[\s■□●○◆◇▲△★☆▶►•·🗕—\-]+"));
/// Dashes and glyphs trailing a heading ("群贤毕至 —").
pub static TRAILING_GLYPHS: LazyLock<Regex> = LazyLock::new(|| regex(r"[\s■□●○◆◇▲△★☆•·🗕—\-]+$"));
/// A table separator row (`|---|:--:|`), which carries no text.
pub static TABLE_RULE: LazyLock<Regex> = LazyLock::new(|| regex(r"^\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?$"));

/// A paragraph this short, standing just before a photo credit, is the
/// photo's caption.
pub const MAX_CAPTION_CHARS: usize = 120;

// Lines that belong to the page, not the story. They stay in the text with
// the `Aside` role and are never chosen as headline sentences.

/// Bylines: "■新重庆-重庆日报记者 黄乔", "本报记者 张亦筑", "记者黄乔整理".
pub static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"^(?:[■□●◆]\s*)?(?:\S{0,16}记者|本报记者|通讯员|特约撰稿人?)[^。！？!?]{0,24}$|^(?:By|BY|Reporting by|Editing by)\s",
    )
});
/// Photo credits, and captions that end with one: "记者 尹诗语 摄/视觉重庆".
pub static PHOTO_CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"(?:摄|供图|图片来源[:：][^。]*|摄影[:：]?\S*)(?:/\S+)?\s*[)）]?$|^(?:Photo|Photograph):\s")
});
/// Continuation markers: "(上接1版)", "（下转第3版）".
pub static CONTINUATION: LazyLock<Regex> =
    LazyLock::new(|| regex(r"^[(（]?\s*(?:上接|下转|转接|接)第?[0-9０-９一二三四五六七八九十]+版\s*[)）]?$"));
/// Sources and credits: "数据来源：…", "责任编辑：…", "Source: …".
pub static SOURCE_LINE: LazyLock<Regex> =
    LazyLock::new(|| regex(r"^(?:数据来源|资料来源|来源|责任编辑|编辑|校对|审核|制图|统筹)\s*[:：]|^Source:\s"));

/// True for a line that is page furniture rather than story.
pub fn is_aside(line: &str) -> bool {
    BYLINE.is_match(line) || PHOTO_CREDIT.is_match(line) || CONTINUATION.is_match(line) || SOURCE_LINE.is_match(line)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn asides_are_recognised() {
        for line in [
            "■新重庆-重庆日报记者 黄乔",
            "记者黄乔整理",
            "记者 尹诗语 摄/视觉重庆",
            "(上接1版)",
            "数据来源：重庆国际人才交流大会组委会",
            "By Jane Doe",
        ] {
            assert!(is_aside(line), "{line} should be an aside");
        }
    }

    #[test]
    fn story_sentences_are_not_asides() {
        for line in [
            "江流浩荡,群星汇聚。11月16日,为期两天的重庆国际人才交流大会落下帷幕。",
            "\"科技创新,人才是关键。\"中国工程院院士、浙江大学教授李兰娟说,除了引进人才,还应重视人才培养。",
            "Byzantine rules applied.",
        ] {
            assert!(!is_aside(line), "{line} should not be an aside");
        }
    }

    #[test]
    fn markdown_patterns_match_what_they_name() {
        assert_eq!(MD_LINK.replace_all("see [the report](http://x.y/z)", "$1"), "see the report");
        assert_eq!(MD_IMAGE.replace_all("a ![pic](p.png) b", ""), "a  b");
        assert!(TABLE_RULE.is_match("|---|:---:|"));
        assert_eq!(LEADING_GLYPHS.replace("■ 签约引进", ""), "签约引进");
    }
}

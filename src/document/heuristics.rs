//! The named rules the document stage applies, each with why it exists.
//!
//! Kept in one place so that a reader can see every heuristic at a glance
//! and every pattern has exactly one home.

use std::sync::LazyLock;

use regex::Regex;

use super::AsideKind;

/// A one-line paragraph shorter than this (in chars), with no closing
/// punctuation, is a deck or sub-heading in newspaper layouts.
pub const MAX_DECK_CHARS: usize = 30;

/// A paragraph ending mid-word is joined to the next one only if it is at
/// least this long; shorter unpunctuated lines are decks and kickers.
pub const MIN_CUT_PARAGRAPH_CHARS: usize = 25;

/// Characters looked at on each side of a paragraph seam when asking
/// whether it falls inside a word.
pub const MAX_SEAM_WORD_SIDE: usize = 3;

/// A one-line paragraph just above a byline is that story's headline when it
/// is no longer than this and does not end a sentence.
pub const MAX_HEADLINE_CHARS: usize = 60;

/// A two-line headline ("欧洲科学院中国中心项目  / 落户西部科学城重庆高新区")
/// has lines no longer than this.
pub const MAX_HEADLINE_LINE_CHARS: usize = 24;

/// An unpunctuated paragraph no longer than this is a data line or list item
/// (a box's "新认定高新技术企业3071家"), not story prose.
pub const MAX_DATA_LINE_CHARS: usize = 60;

/// Paragraphs shorter than this (in letters and digits) are not checked for
/// repeats: short lines ("会上。") recur legitimately.
pub const MIN_DUPLICATE_CHARS: usize = 12;

/// An article needs this much prose (in chars) to be the page's main article.
pub const MIN_MAIN_BODY_CHARS: usize = 100;

/// Headlines stacked at the top of a page are shared out between stories
/// only when there are a few of them: more is an outline, not a stack.
pub const MAX_HEADLINE_STACK: usize = 8;

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
pub static LEADING_GLYPHS: LazyLock<Regex> = LazyLock::new(|| regex(r"^[\s■□●○◆◇▲△★☆▶►•·🗕—–\-]+"));
/// Dashes and glyphs trailing a heading ("群贤毕至 —").
pub static TRAILING_GLYPHS: LazyLock<Regex> = LazyLock::new(|| regex(r"[\s■□●○◆◇▲△★☆•·🗕—–\-]+$"));
/// A line made only of ornaments ("■ ■ ■", "★★★"): a separator, kept as decoration.
pub static ORNAMENT_LINE: LazyLock<Regex> = LazyLock::new(|| regex(r"^[\s■□●○◆◇▲△★☆▶►•·🗕◎※❖]+$"));
/// A table separator row (`|---|:--:|`), which carries no text.
pub static TABLE_RULE: LazyLock<Regex> = LazyLock::new(|| regex(r"^\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?$"));

/// A paragraph this short, standing just before a photo credit, is the
/// photo's caption.
pub const MAX_CAPTION_CHARS: usize = 120;

// Lines that belong to the page, not the story. They stay in the text with
// the `Aside` role and are never chosen as headline sentences.

/// Bylines: "■新重庆-重庆日报记者 黄乔", "本报记者 张亦筑", "记者黄乔整理",
/// "By Jane Doe" (a name, so not "By the end of the year, …").
pub static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"^(?:[■□●◆]\s*)?(?:\S{0,16}记者|本报记者|通讯员|特约撰稿人?)[^。！？!?]{0,24}$|^(?:By|BY)\s+[A-Z][^.!?]{0,60}$|^(?:Additional reporting|Reporting|Editing|Writing) by\s",
    )
});
/// Photo credits, and captions that end with one: "记者 尹诗语 摄/视觉重庆",
/// "…入场求职。(重庆日报资料图片)".
pub static PHOTO_CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?:摄|供图|图片来源[:：][^。]*|摄影[:：]?\S*|资料图片|资料照片|图片由\S{1,20}提供)(?:/\S+)?\s*[)）]?$|^(?:Photo|Photograph):\s",
    )
});
/// Continuation markers: "(上接1版)", "（下转第3版）".
pub static CONTINUATION: LazyLock<Regex> =
    LazyLock::new(|| regex(r"^[(（]?\s*(?:上接|下转|转接|接)第?[0-9０-９一二三四五六七八九十]+版\s*[)）]?$"));
/// Sources and credits: "数据来源：…", "责任编辑：…", "Source: …".
pub static SOURCE_LINE: LazyLock<Regex> =
    LazyLock::new(|| regex(r"^(?:数据来源|资料来源|来源|责任编辑|编辑|校对|审核|制图|统筹)\s*[:：]|^Source:\s"));
/// The source line that closes a wire or reprinted story, on its own line:
/// "(新华社北京11月24日电)", "（来源：人民日报）".
pub static WIRE_SOURCE: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"^[(（]\s*(?:(?:新华社|中新社|人民日报|央视新闻|据新华社)[^()（）]{0,24}电|(?:来源|稿件来源|原标题|转自)\s*[:：][^()（）]{1,40})\s*[)）]$",
    )
});
/// A continuation marker printed inline, at the start of a paragraph:
/// "(上接2版)“中国对阿政策…".
pub static LEADING_CONTINUATION: LazyLock<Regex> =
    LazyLock::new(|| regex(r"^[(（]\s*(?:上接|转接|接)第?[0-9０-９一二三四五六七八九十]+版\s*[)）]"));
/// A jump or source printed inline at the end of a paragraph: "…（下转第3版）",
/// "…（来源：新华社）".
pub static TRAILING_MARKER: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"[(（]\s*(?:下转第?[0-9０-９一二三四五六七八九十]+版|(?:来源|稿件来源)\s*[:：][^()（）]{1,40})\s*[)）]$")
});
/// The dateline that opens a news story: "本报讯", "本报重庆11月5日讯",
/// "新华社北京11月24日电", "Reuters —". A story starts here.
pub static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"^(?:本报讯|本报[^\s，。,]{1,14}讯|(?:新华社|中新社|人民日报|据新华社)[^\s，。,]{1,20}电|[A-Z][A-Za-z .]{1,30}\((?:Reuters|AP|AFP|Xinhua)\)\s*[—-])",
    )
});

// Labels: banners and kickers that name a page section, a series or a box,
// not the story under them. They are never a story's title.

/// "相关新闻" and its kin: a label opening a related story (see `articles`).
pub static RELATED_LABEL: LazyLock<Regex> =
    LazyLock::new(|| regex(r"^[【\[]?\s*(?:相关新闻|相关报道|相关阅读|延伸阅读)\s*[】\]]?\s*(?:>+|》+|›+|→)?$"));
/// Background boxes ("链接", "背景") that explain the story before them.
pub static BACKGROUND_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"^[【\[]?\s*(?:相关链接|新闻链接|背景链接|链接|背景|知多少|小贴士)\s*[】\]]?\s*(?:>+|》+|›+|→)?$")
});
/// The label of a data box ("数读·…", "数说…", "图解…"): what follows, up to
/// the box's source line or the story, is the box, not headlines.
pub static BOX_LABEL: LazyLock<Regex> = LazyLock::new(|| regex(r"^(?:数读|数说|图解|一图读懂|图说|数据看板)"));
/// Other banners: section and series names ("B 微观说大会》》》",
/// "…·特别报道", "…加油干④"), column names ("大家说", "编者按"), a bracketed
/// label ("【 热点 】") and a kicker ending in a colon ("案例解码:").
pub static BANNER: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?:》》|>>|››|→)$|[①-⑳]$|·\S{0,12}(?:特别报道|专题报道|系列报道|专栏|特刊)$|^(?:特别报道|大家说|声音|观点|短评|编者按|编后|记者手记|图片新闻|今日关注)$|^【[^】]{1,16}】$|^\S{1,12}[:：]$",
    )
});

/// The kind of page furniture `line` is, or `None` for story text. The
/// order matters: "记者 尹诗语 摄" is a credit, not a byline, and
/// "数据来源：…记者黄乔整理" a source line.
pub fn furniture(line: &str) -> Option<AsideKind> {
    if CONTINUATION.is_match(line) {
        Some(AsideKind::Continuation)
    } else if SOURCE_LINE.is_match(line) || WIRE_SOURCE.is_match(line) {
        Some(AsideKind::SourceLine)
    } else if PHOTO_CREDIT.is_match(line) {
        Some(AsideKind::Caption)
    } else if BYLINE.is_match(line) {
        Some(AsideKind::Byline)
    } else {
        None
    }
}

/// True for a line that is page furniture rather than story.
#[cfg(test)]
pub fn is_aside(line: &str) -> bool {
    furniture(line).is_some()
}

/// True for a banner or label rather than a headline.
pub fn is_label(line: &str) -> bool {
    RELATED_LABEL.is_match(line) || BACKGROUND_LABEL.is_match(line) || BOX_LABEL.is_match(line) || BANNER.is_match(line)
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
            "(新华社北京11月24日电)",
            "（来源：人民日报）",
        ] {
            assert!(is_aside(line), "{line} should be an aside");
        }
    }

    #[test]
    fn furniture_kinds_are_told_apart() {
        assert_eq!(furniture("记者 尹诗语 摄/视觉重庆"), Some(AsideKind::Caption));
        assert_eq!(furniture("上游财经-重庆晨报记者 陈军"), Some(AsideKind::Byline));
        assert_eq!(furniture("数据来源：重庆国际人才交流大会组委会记者黄乔整理"), Some(AsideKind::SourceLine));
        assert_eq!(furniture("(新华社北京11月24日电)"), Some(AsideKind::SourceLine));
        assert_eq!(furniture("（下转第3版）"), Some(AsideKind::Continuation));
        assert_eq!(
            furniture("10月18日，重庆大学A区思群广场，双选活动举行。(重庆日报资料图片)"),
            Some(AsideKind::Caption)
        );
    }

    #[test]
    fn banners_and_labels_are_not_headlines() {
        for label in [
            "B 微观说大会》》》",
            "相关新闻>>>",
            "【相关新闻】",
            "相关新闻",
            "案例解码:",
            "重庆国际人才交流大会·特别报道",
            "新重庆开局第一年·高质量发展加油干④",
            "数读·重庆国际人才交流大会成果",
            "大家说",
            "链接",
        ] {
            assert!(is_label(label), "{label} is a label");
        }
        for headline in [
            "重庆成为人才向往的创新创业热土",
            "李兰娟：重庆是生物医药发展的沃土",
            "让人才“站C位” 打造引才“金名片”",
            "4项新材料成果集中发布",
            "从“无中生有” 到全市领跑",
        ] {
            assert!(!is_label(headline), "{headline} is a headline");
        }
    }

    #[test]
    fn datelines_open_stories() {
        assert!(DATELINE.is_match("本报讯(新重庆-重庆日报记者 左黎韵)11月24日，"));
        assert!(DATELINE.is_match("新华社北京11月24日电（记者 王某）"));
        assert!(!DATELINE.is_match("本报记者 张亦筑"));
        assert!(LEADING_CONTINUATION.is_match("(上接2版)“中国对阿政策"));
        assert!(TRAILING_MARKER.is_match("全文完。（来源：新华社）"));
    }

    #[test]
    fn story_sentences_are_not_asides() {
        for line in [
            "江流浩荡,群星汇聚。11月16日,为期两天的重庆国际人才交流大会落下帷幕。",
            "\"科技创新,人才是关键。\"中国工程院院士、浙江大学教授李兰娟说,除了引进人才,还应重视人才培养。",
            "Byzantine rules applied.",
            "By the end of the year the council had approved the budget.",
            "By Tuesday, the council had voted to approve it.",
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

//! The named rules the document stage applies, each with why it exists.
//!
//! Kept in one place so that a reader can see every heuristic at a glance
//! and every pattern has exactly one home.

use std::sync::LazyLock;

use regex::Regex;

use super::AsideKind;
use crate::text::chars::is_short;

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

// Bounded runs ("at most 24 characters that end no sentence") are checked
// in code, not written as `{0,24}` in a pattern: a bounded repeat of a large
// Unicode class compiles into one copy of the class per repeat, and in wasm
// compiling those patterns took longer than the rest of the first call
// (README, "Start-up"). Each such rule gives its pattern in its doc, and a
// test checks the code against it.

/// True when `text` is at most `max_chars` characters, each of them `allowed`.
fn is_short_run(text: &str, max_chars: usize, allowed: impl Fn(char) -> bool) -> bool {
    let mut chars = text.chars();
    chars.by_ref().take(max_chars).all(&allowed) && chars.next().is_none()
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

// The line patterns above are tried on every source line, and nearly every
// line starts (or, for `TRAILING_GLYPHS`, ends) with a character that cannot
// begin (end) a match: a Chinese character, a letter. The functions below
// test that character first and run the pattern only when it could match;
// each names the characters its pattern can start with, read off the
// pattern, and a test checks the two agree on many lines.

/// `\s` in the patterns: Unicode White_Space, which is what
/// `char::is_whitespace` tests.
fn is_space(c: char) -> bool {
    c.is_whitespace()
}

/// True when `line` is a [`TABLE_RULE`]: it starts `|`, white space, `:`
/// or `-`.
pub fn is_table_rule(line: &str) -> bool {
    line.starts_with(|c: char| matches!(c, '|' | ':' | '-') || is_space(c)) && TABLE_RULE.is_match(line)
}

/// True when `line` is an [`ORNAMENT_LINE`]: it starts with a character of
/// the pattern's class.
pub fn is_ornament_line(line: &str) -> bool {
    let ornament = |c: char| {
        is_space(c)
            || matches!(
                c,
                '■' | '□'
                    | '●'
                    | '○'
                    | '◆'
                    | '◇'
                    | '▲'
                    | '△'
                    | '★'
                    | '☆'
                    | '▶'
                    | '►'
                    | '•'
                    | '·'
                    | '🗕'
                    | '◎'
                    | '※'
                    | '❖'
            )
    };
    line.starts_with(ornament) && ORNAMENT_LINE.is_match(line)
}

/// The length in bytes of the [`LINE_MARKER`] opening `line` (0 when there
/// is none): a marker starts with `>`, `-`, `*`, `+` or an ASCII digit.
pub fn line_marker_len(line: &str) -> usize {
    let could_start = line.starts_with(|c: char| matches!(c, '>' | '-' | '*' | '+' | '0'..='9'));
    // The pattern is anchored, so a match starts at 0 and ends where the marker does.
    if could_start {
        LINE_MARKER.find(line).map_or(0, |m| m.end())
    } else {
        0
    }
}

/// A glyph of [`LEADING_GLYPHS`] or [`TRAILING_GLYPHS`] (only the former has
/// `▶` and `►`).
fn is_edge_glyph(c: char, leading: bool) -> bool {
    is_space(c)
        || matches!(
            c,
            '■' | '□'
                | '●'
                | '○'
                | '◆'
                | '◇'
                | '▲'
                | '△'
                | '★'
                | '☆'
                | '•'
                | '·'
                | '🗕'
                | '—'
                | '–'
                | '-'
        )
        || (leading && matches!(c, '▶' | '►'))
}

/// The [`LEADING_GLYPHS`] opening `text`, empty when there are none.
pub fn leading_glyphs(text: &str) -> &str {
    if !text.starts_with(|c| is_edge_glyph(c, true)) {
        return "";
    }
    LEADING_GLYPHS.find(text).map_or("", |m| m.as_str())
}

/// The [`TRAILING_GLYPHS`] ending `text`, empty when there are none: the
/// pattern ends with `$`, so its match ends with the text's last character.
pub fn trailing_glyphs(text: &str) -> &str {
    if !text.ends_with(|c| is_edge_glyph(c, false)) {
        return "";
    }
    TRAILING_GLYPHS.find(text).map_or("", |m| m.as_str())
}

/// A paragraph this short, standing just before a photo credit, is the
/// photo's caption.
pub const MAX_CAPTION_CHARS: usize = 120;

// Lines that belong to the page, not the story. They stay in the text with
// the `Aside` role and are never chosen as headline sentences.

/// Bylines: "■新重庆-重庆日报记者 黄乔", "本报记者 张亦筑", "记者黄乔整理",
/// "通讯员 王某", "By Jane Doe" (a name, so not "By the end of the year, …").
///
/// In Chinese, after an optional glyph: 记者 after at most 16 characters
/// with no space (the paper), or 通讯员 or 特约撰稿(人); then at most 24
/// characters that end no sentence (the names). In English: "By" and a
/// capitalised name of at most 61 characters that ends no sentence, or
/// "Reporting by" and its kin. As a pattern (see the tests):
/// `^(?:[■□●◆]\s*)?(?:\S{0,16}记者|通讯员|特约撰稿人?)[^。！？!?]{0,24}$`,
/// `^(?:By|BY)\s+[A-Z][^.!?]{0,60}$`.
pub fn is_byline(line: &str) -> bool {
    is_chinese_byline(line) || is_english_byline(line) || is_credit_by(line)
}

/// "本报记者 张亦筑", "■新重庆-重庆日报记者 黄乔", "通讯员 王某".
fn is_chinese_byline(line: &str) -> bool {
    let names = |rest: &str| is_short_run(rest, 24, |c| !matches!(c, '。' | '！' | '？' | '!' | '?'));
    let byline = line.strip_prefix(['■', '□', '●', '◆']).map_or(line, str::trim_start);
    // The paper, 记者 and the names: a longer line is never one.
    if !is_short(byline, 16 + 2 + 24) {
        return false;
    }
    let contributor = ["通讯员", "特约撰稿人", "特约撰稿"].iter().find_map(|role| byline.strip_prefix(role));
    contributor.is_some_and(names)
        || byline.match_indices("记者").any(|(at, reporter)| {
            is_short_run(&byline[..at], 16, |c| !c.is_whitespace()) && names(&byline[at + reporter.len()..])
        })
}

/// "By Jane Doe", "BY JANE DOE": a capital after "By" and a space.
fn is_english_byline(line: &str) -> bool {
    let Some(after_by) = line.strip_prefix("By").or_else(|| line.strip_prefix("BY")) else {
        return false;
    };
    let name = after_by.trim_start();
    let mut chars = name.chars();
    name.len() < after_by.len()
        && chars.next().is_some_and(|c| c.is_ascii_uppercase())
        && is_short_run(chars.as_str(), 60, |c| !matches!(c, '.' | '!' | '?'))
}

/// "Additional reporting by …", "Editing by …".
fn is_credit_by(line: &str) -> bool {
    ["Additional reporting by", "Reporting by", "Editing by", "Writing by"]
        .iter()
        .any(|credit| line.strip_prefix(credit).is_some_and(|rest| rest.starts_with(char::is_whitespace)))
}

/// Photo credits, and captions that end with one: "记者 尹诗语 摄/视觉重庆",
/// "…入场求职。(重庆日报资料图片)", "（图片由重庆大学提供）".
pub fn is_photo_credit(line: &str) -> bool {
    PHOTO_CREDIT.is_match(line)
        || PICTURE_BY.find_iter(line.as_bytes()).any(|at| {
            // "图片由\S{1,20}提供" and the credit's end, tried at every 提供.
            let after_by = &line[at + PICTURE_BY.needle().len()..];
            after_by.match_indices("提供").any(|(end, provided)| {
                end > 0
                    && is_short_run(&after_by[..end], 20, |c| !c.is_whitespace())
                    && CREDIT_END.is_match(&after_by[end + provided.len()..])
            })
        })
}

/// "图片由", which every line is searched for: memchr's searcher for it is
/// built once, where `str::match_indices` would build one for each line. It
/// starts with a character's first byte, so it is found only at character
/// boundaries (and it cannot overlap itself).
static PICTURE_BY: LazyLock<memchr::memmem::Finder<'static>> = LazyLock::new(|| memchr::memmem::Finder::new("图片由"));

/// The credits `is_photo_credit` finds with a pattern alone.
static PHOTO_CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?:摄|供图|图片来源[:：][^。]*|摄影[:：]?\S*|资料图片|资料照片)(?:/\S+)?\s*[)）]?$|^(?:Photo|Photograph):\s",
    )
});

/// What may follow a credit to the end of the line: an agency after a
/// slash ("摄/视觉重庆"), a closing bracket.
static CREDIT_END: LazyLock<Regex> = LazyLock::new(|| regex(r"^(?:/\S+)?\s*[)）]?$"));

/// Continuation markers: "(上接1版)", "（下转第3版）".
pub static CONTINUATION: LazyLock<Regex> =
    LazyLock::new(|| regex(r"^[(（]?\s*(?:上接|下转|转接|接)第?[0-9０-９一二三四五六七八九十]+版\s*[)）]?$"));
/// True for a [`CONTINUATION`] marker, which starts with a bracket, white
/// space, 上, 下, 转 or 接 (the pattern is tried only on such lines).
fn is_continuation(line: &str) -> bool {
    line.starts_with(|c: char| matches!(c, '(' | '（' | '上' | '下' | '转' | '接') || is_space(c))
        && CONTINUATION.is_match(line)
}

/// True for a [`SOURCE_LINE`], which starts with the first character of one
/// of the pattern's words (the pattern is tried only on such lines).
fn is_source_line(line: &str) -> bool {
    line.starts_with(['数', '资', '来', '责', '编', '校', '审', '制', '统', 'S']) && SOURCE_LINE.is_match(line)
}

/// Sources and credits: "数据来源：…", "责任编辑：…", "Source: …".
pub static SOURCE_LINE: LazyLock<Regex> =
    LazyLock::new(|| regex(r"^(?:数据来源|资料来源|来源|责任编辑|编辑|校对|审核|制图|统筹)\s*[:：]|^Source:\s"));
/// The source line that closes a wire or reprinted story, on its own line:
/// "(新华社北京11月24日电)", "（来源：人民日报）": in brackets, an agency,
/// at most 24 characters and 电, or a source and at most 40 characters.
/// As a pattern: `^[(（]\s*(?:(?:新华社|…)[^()（）]{0,24}电|(?:来源|…)\s*[:：][^()（）]{1,40})\s*[)）]$`.
pub fn is_wire_source(line: &str) -> bool {
    // The pattern opens with a bracket, which few lines do. Then `is_match`:
    // most of those fail it, and it is cheaper than `captures`.
    line.starts_with(['(', '（'])
        && WIRE_SOURCE.is_match(line)
        && WIRE_SOURCE.captures(line).is_some_and(|found| {
            found.name("dateline").is_none_or(|dateline| is_short(dateline.as_str(), 24))
                && found.name("source").is_none_or(|source| is_short_source(source.as_str()))
        })
}

/// `is_wire_source` without its bounds, which are checked on the named groups.
static WIRE_SOURCE: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"^[(（]\s*(?:(?:新华社|中新社|人民日报|央视新闻|据新华社)(?<dateline>[^()（）]*)电|(?:来源|稿件来源|原标题|转自)\s*[:：](?<source>[^()（）]+))\s*[)）]$",
    )
});

/// A bracketed source ("（来源：人民日报）") is at most 40 characters, not
/// counting spaces before the closing bracket.
fn is_short_source(source: &str) -> bool {
    is_short(source.trim_end(), 40)
}

/// A continuation marker printed inline, at the start of a paragraph:
/// "(上接2版)“中国对阿政策…".
static LEADING_CONTINUATION: LazyLock<Regex> =
    LazyLock::new(|| regex(r"^[(（]\s*(?:上接|转接|接)第?[0-9０-９一二三四五六七八九十]+版\s*[)）]"));
/// The [`LEADING_CONTINUATION`] opening `text`, if any: it starts with a
/// bracket (the pattern is tried only on such paragraphs).
pub fn leading_continuation(text: &str) -> Option<&str> {
    if !text.starts_with(['(', '（']) {
        return None;
    }
    LEADING_CONTINUATION.find(text).map(|m| m.as_str())
}
/// Where a jump or source printed inline at the end of a paragraph starts:
/// "…（下转第3版）", "…（来源：新华社）" (a source of at most 40 characters).
/// As a pattern: `[(（]\s*(?:下转第?[0-9０-９一二三四五六七八九十]+版|(?:来源|稿件来源)\s*[:：][^()（）]{1,40})\s*[)）]$`.
pub fn trailing_marker(text: &str) -> Option<usize> {
    // `is_match` first, as in `is_wire_source`.
    if !TRAILING_MARKER.is_match(text) {
        return None;
    }
    let found = TRAILING_MARKER.captures(text)?;
    let marker = found.get(0)?;
    found.name("source").is_none_or(|source| is_short_source(source.as_str())).then_some(marker.start())
}

/// `trailing_marker` without its bound, which is checked on `source`.
static TRAILING_MARKER: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"[(（]\s*(?:下转第?[0-9０-９一二三四五六七八九十]+版|(?:来源|稿件来源)\s*[:：](?<source>[^()（）]+))\s*[)）]$",
    )
});

/// The dateline that opens a news story: "本报讯", "本报重庆11月5日讯",
/// "新华社北京11月24日电", "Reuters —". A story starts here.
///
/// 讯 within 14 characters of 本报, or 电 within 20 of an agency, with no
/// space or comma between. As a pattern:
/// `^(?:本报讯|本报[^\s，。,]{1,14}讯|(?:新华社|中新社|人民日报|据新华社)[^\s，。,]{1,20}电)`.
pub fn opens_with_dateline(text: &str) -> bool {
    let marker_within = |rest: &str, marker: char, max_chars: usize| {
        let mut place = rest.chars().take_while(|&c| !c.is_whitespace() && !matches!(c, '，' | '。' | ','));
        place.next().is_some() && place.take(max_chars).any(|c| c == marker)
    };
    text.strip_prefix("本报").is_some_and(|rest| rest.starts_with('讯') || marker_within(rest, '讯', 14))
        || ["新华社", "中新社", "人民日报", "据新华社"]
            .iter()
            .any(|agency| text.strip_prefix(agency).is_some_and(|rest| marker_within(rest, '电', 20)))
        || (text.starts_with(|c: char| c.is_ascii_uppercase()) && ENGLISH_DATELINE.is_match(text))
}

/// "WASHINGTON (Reuters) —".
static ENGLISH_DATELINE: LazyLock<Regex> =
    LazyLock::new(|| regex(r"^[A-Z][A-Za-z .]{1,30}\((?:Reuters|AP|AFP|Xinhua)\)\s*[—-]"));

// Labels: banners and kickers that name a page section, a series or a box,
// not the story under them. They are never a story's title.

/// "相关新闻" and its kin: a label opening a related story (see `articles`).
static RELATED_LABEL: LazyLock<Regex> =
    LazyLock::new(|| regex(r"^[【\[]?\s*(?:相关新闻|相关报道|相关阅读|延伸阅读)\s*[】\]]?\s*(?:>+|》+|›+|→)?$"));
/// True for a [`RELATED_LABEL`], which starts with a bracket, white space,
/// 相 or 延 (the pattern is tried only on such lines).
pub fn is_related_label(line: &str) -> bool {
    line.starts_with(|c: char| matches!(c, '【' | '[' | '相' | '延') || is_space(c)) && RELATED_LABEL.is_match(line)
}
/// Background boxes ("链接", "背景") that explain the story before them.
static BACKGROUND_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"^[【\[]?\s*(?:相关链接|新闻链接|背景链接|链接|背景|知多少|小贴士)\s*[】\]]?\s*(?:>+|》+|›+|→)?$")
});
/// True for a [`BACKGROUND_LABEL`], which starts with a bracket, white
/// space, 相, 新, 背, 链, 知 or 小 (the pattern is tried only on such lines).
fn is_background_label(line: &str) -> bool {
    line.starts_with(|c: char| matches!(c, '【' | '[' | '相' | '新' | '背' | '链' | '知' | '小') || is_space(c))
        && BACKGROUND_LABEL.is_match(line)
}
/// The label of a data box ("数读·…", "数说…", "图解…"): what follows, up to
/// the box's source line or the story, is the box, not headlines.
static BOX_LABEL: LazyLock<Regex> = LazyLock::new(|| regex(r"^(?:数读|数说|图解|一图读懂|图说|数据看板)"));
/// True for a [`BOX_LABEL`], which starts with 数, 图 or 一 (the pattern is
/// tried only on such lines).
pub fn is_box_label(line: &str) -> bool {
    line.starts_with(['数', '图', '一']) && BOX_LABEL.is_match(line)
}
/// Other banners: section and series names ("B 微观说大会》》》",
/// "…·特别报道", "…加油干④"), column names ("大家说", "编者按"), a bracketed
/// label ("【 热点 】") and a kicker ending in a colon ("案例解码:").
///
/// The series name after "·" is at most 12 characters with no space, the
/// bracketed label at most 16, the kicker at most 12 with no space. As
/// patterns: `·\S{0,12}(?:特别报道|专题报道|系列报道|专栏|特刊)$`,
/// `^【[^】]{1,16}】$`, `^\S{1,12}[:：]$`.
fn is_banner(line: &str) -> bool {
    let series = || {
        ["特别报道", "专题报道", "系列报道", "专栏", "特刊"]
            .iter()
            .find_map(|kind| line.strip_suffix(kind))
            .and_then(|before| before.rfind('·').map(|dot| &before[dot + '·'.len_utf8()..]))
            .is_some_and(|name| is_short_run(name, 12, |c| !c.is_whitespace()))
    };
    let bracketed = || {
        line.strip_prefix('【')
            .and_then(|rest| rest.strip_suffix('】'))
            .is_some_and(|label| !label.is_empty() && is_short_run(label, 16, |c| c != '】'))
    };
    let kicker = || {
        line.strip_suffix([':', '：'])
            .is_some_and(|kicker| !kicker.is_empty() && is_short_run(kicker, 12, |c| !c.is_whitespace()))
    };
    is_pattern_banner(line) || series() || bracketed() || kicker()
}

/// The banners `is_banner` finds with a pattern alone.
static BANNER: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"(?:》》|>>|››|→)$|[①-⑳]$|^(?:特别报道|大家说|声音|观点|短评|编者按|编后|记者手记|图片新闻|今日关注)$")
});
/// True for a [`BANNER`], which ends with 》, >, ›, →, a circled number or
/// the last character of a column's name (the pattern is tried only on
/// such lines).
fn is_pattern_banner(line: &str) -> bool {
    let could_end = |c: char| {
        matches!(c, '》' | '>' | '›' | '→' | '①'..='⑳')
            || matches!(c, '道' | '说' | '音' | '点' | '评' | '按' | '后' | '记' | '闻' | '注')
    };
    line.ends_with(could_end) && BANNER.is_match(line)
}

/// The kind of page furniture `line` is, or `None` for story text. The
/// order matters: "记者 尹诗语 摄" is a credit, not a byline, and
/// "数据来源：…记者黄乔整理" a source line.
pub fn furniture(line: &str) -> Option<AsideKind> {
    if is_continuation(line) {
        Some(AsideKind::Continuation)
    } else if is_source_line(line) || is_wire_source(line) {
        Some(AsideKind::SourceLine)
    } else if is_photo_credit(line) {
        Some(AsideKind::Caption)
    } else if is_byline(line) {
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
    is_related_label(line) || is_background_label(line) || is_box_label(line) || is_banner(line)
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
        assert!(opens_with_dateline("本报讯(新重庆-重庆日报记者 左黎韵)11月24日，"));
        assert!(opens_with_dateline("新华社北京11月24日电（记者 王某）"));
        assert!(!opens_with_dateline("本报记者 张亦筑"));
        assert!(LEADING_CONTINUATION.is_match("(上接2版)“中国对阿政策"));
        assert_eq!(trailing_marker("全文完。（来源：新华社）"), Some("全文完。".len()));
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

    /// The rules that check bounded runs in code, and the patterns they
    /// stand for (what the rules' docs say), which must agree on every line.
    mod bounded_runs {
        use super::*;
        use proptest::prelude::*;

        struct References {
            byline: Regex,
            photo_credit: Regex,
            wire_source: Regex,
            trailing_marker: Regex,
            dateline: Regex,
            banner: Regex,
        }

        static REFERENCES: LazyLock<References> = LazyLock::new(|| References {
            byline: regex(
                r"^(?:[■□●◆]\s*)?(?:\S{0,16}记者|本报记者|通讯员|特约撰稿人?)[^。！？!?]{0,24}$|^(?:By|BY)\s+[A-Z][^.!?]{0,60}$|^(?:Additional reporting|Reporting|Editing|Writing) by\s",
            ),
            photo_credit: regex(
                r"(?:摄|供图|图片来源[:：][^。]*|摄影[:：]?\S*|资料图片|资料照片|图片由\S{1,20}提供)(?:/\S+)?\s*[)）]?$|^(?:Photo|Photograph):\s",
            ),
            wire_source: regex(
                r"^[(（]\s*(?:(?:新华社|中新社|人民日报|央视新闻|据新华社)[^()（）]{0,24}电|(?:来源|稿件来源|原标题|转自)\s*[:：][^()（）]{1,40})\s*[)）]$",
            ),
            trailing_marker: regex(
                r"[(（]\s*(?:下转第?[0-9０-９一二三四五六七八九十]+版|(?:来源|稿件来源)\s*[:：][^()（）]{1,40})\s*[)）]$",
            ),
            dateline: regex(
                r"^(?:本报讯|本报[^\s，。,]{1,14}讯|(?:新华社|中新社|人民日报|据新华社)[^\s，。,]{1,20}电|[A-Z][A-Za-z .]{1,30}\((?:Reuters|AP|AFP|Xinhua)\)\s*[—-])",
            ),
            banner: regex(
                r"(?:》》|>>|››|→)$|[①-⑳]$|·\S{0,12}(?:特别报道|专题报道|系列报道|专栏|特刊)$|^(?:特别报道|大家说|声音|观点|短评|编者按|编后|记者手记|图片新闻|今日关注)$|^【[^】]{1,16}】$|^\S{1,12}[:：]$",
            ),
        });

        fn assert_agrees(line: &str) {
            let want = &*REFERENCES;
            assert_eq!(is_byline(line), want.byline.is_match(line), "byline: {line:?}");
            assert_eq!(is_photo_credit(line), want.photo_credit.is_match(line), "photo credit: {line:?}");
            assert_eq!(is_wire_source(line), want.wire_source.is_match(line), "wire source: {line:?}");
            assert_eq!(
                trailing_marker(line),
                want.trailing_marker.find(line).map(|marker| marker.start()),
                "trailing marker: {line:?}"
            );
            assert_eq!(opens_with_dateline(line), want.dateline.is_match(line), "dateline: {line:?}");
            assert_eq!(is_banner(line), want.banner.is_match(line), "banner: {line:?}");
        }

        /// The pieces of those rules, and runs of text just inside and just
        /// outside each bound.
        const PIECES: &[&str] = &[
            "记者",
            "本报",
            "通讯员",
            "特约撰稿",
            "人",
            "讯",
            "电",
            "新华社",
            "据",
            "人民日报",
            "图片由",
            "提供",
            "摄",
            "资料图片",
            "/",
            "来源",
            "稿件来源",
            "：",
            ":",
            "下转第",
            "3",
            "版",
            "(",
            "（",
            ")",
            "）",
            "·",
            "特别报道",
            "专栏",
            "【",
            "】",
            "■",
            "By",
            "BY",
            " ",
            "　",
            "。",
            "！",
            "?",
            ".",
            "，",
            ",",
            "J",
            "ane",
            "(Reuters) —",
            "重庆日报",
            "黄乔",
            "十二个字的一串中文文字在此",
            "二十四个字的一长串中文文字在此处二十四个字的",
        ];

        proptest! {
            #![proptest_config(ProptestConfig { cases: 4000, ..ProptestConfig::default() })]
            #[test]
            fn the_code_agrees_with_the_patterns(pieces in proptest::collection::vec(proptest::sample::select(PIECES), 0..14)) {
                assert_agrees(&pieces.concat());
            }
        }

        #[test]
        fn the_code_agrees_with_the_patterns_at_each_bound() {
            let run = |n: usize| "字".repeat(n);
            for n in [0, 1, 11, 12, 13, 14, 15, 16, 17, 19, 20, 21, 23, 24, 25, 39, 40, 41, 59, 60, 61, 62] {
                for line in [
                    format!("{}记者{}", run(n), run(2)),
                    format!("重庆日报记者{}", run(n)),
                    format!("通讯员{}", run(n)),
                    format!("By J{}", "a".repeat(n)),
                    format!("（图片由{}提供）", run(n)),
                    format!("（新华社{}电）", run(n)),
                    format!("（来源：{} ）", run(n)),
                    format!("正文。（来源：{}）", run(n)),
                    format!("本报{}讯", run(n)),
                    format!("新华社{}电", run(n)),
                    format!("大会·{}特别报道", run(n)),
                    format!("【{}】", run(n)),
                    format!("{}：", run(n)),
                ] {
                    assert_agrees(&line);
                }
            }
        }

        /// Every line of the sample articles, the fixtures and the shared texts.
        #[test]
        fn the_code_agrees_with_the_patterns_on_real_lines() {
            let lines = for_each_real_line(assert_agrees);
            // The repository's own samples and fixtures alone hold over 800 lines.
            assert!(lines > 500, "only {lines} lines were checked");
        }
    }

    /// Calls `check` on every line (trimmed) of the sample articles, the
    /// fixtures and, when present, the shared seeds and dev sets; returns how
    /// many lines that was.
    fn for_each_real_line(mut check: impl FnMut(&str)) -> usize {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut files = Vec::new();
        for dir in ["www/samples", "tests/fixtures", "../shared/seeds", "../shared/eval"] {
            collect_text_files(&root.join(dir), &mut files);
        }
        if !files.iter().any(|file| file.starts_with(root.join("../shared"))) {
            eprintln!("notice: ../shared is absent; checking the repository's own texts only");
        }
        let mut lines = 0;
        for file in files {
            let Ok(text) = std::fs::read_to_string(&file) else { continue };
            for line in text.lines() {
                match serde_json::from_str::<serde_json::Value>(line) {
                    Ok(record) if record.is_object() => {
                        for field in record.as_object().into_iter().flat_map(|fields| fields.values()) {
                            for inner in field.as_str().unwrap_or_default().lines() {
                                check(inner.trim());
                                lines += 1;
                            }
                        }
                    }
                    _ => {
                        check(line.trim());
                        lines += 1;
                    }
                }
            }
        }
        lines
    }

    fn collect_text_files(dir: &std::path::Path, files: &mut Vec<std::path::PathBuf>) {
        for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                collect_text_files(&path, files);
            } else if path.extension().is_some_and(|ext| ext == "txt" || ext == "jsonl" || ext == "md") {
                files.push(path);
            }
        }
    }

    /// The line rules that test a line's first (or last) character before
    /// running their pattern, and the plain patterns, which must agree on
    /// every line.
    mod prefilters {
        use super::*;
        use proptest::prelude::*;

        fn assert_agrees(line: &str) {
            assert_eq!(is_table_rule(line), TABLE_RULE.is_match(line), "table rule: {line:?}");
            assert_eq!(is_ornament_line(line), ORNAMENT_LINE.is_match(line), "ornament line: {line:?}");
            assert_eq!(is_continuation(line), CONTINUATION.is_match(line), "continuation: {line:?}");
            assert_eq!(is_source_line(line), SOURCE_LINE.is_match(line), "source line: {line:?}");
            assert_eq!(
                leading_continuation(line),
                LEADING_CONTINUATION.find(line).map(|m| m.as_str()),
                "leading continuation: {line:?}"
            );
            assert_eq!(is_related_label(line), RELATED_LABEL.is_match(line), "related label: {line:?}");
            assert_eq!(is_background_label(line), BACKGROUND_LABEL.is_match(line), "background label: {line:?}");
            assert_eq!(is_box_label(line), BOX_LABEL.is_match(line), "box label: {line:?}");
            assert_eq!(is_pattern_banner(line), BANNER.is_match(line), "banner: {line:?}");
            assert_eq!(
                line_marker_len(line),
                line.len() - LINE_MARKER.replace(line, "").len(),
                "line marker: {line:?}"
            );
            assert_eq!(
                leading_glyphs(line),
                LEADING_GLYPHS.find(line).map_or("", |m| m.as_str()),
                "leading glyphs: {line:?}"
            );
            assert_eq!(
                trailing_glyphs(line),
                TRAILING_GLYPHS.find(line).map_or("", |m| m.as_str()),
                "trailing glyphs: {line:?}"
            );
        }

        /// A line, and the line with each piece of the patterns before and after it.
        fn assert_agrees_around(line: &str) {
            assert_agrees(line);
            for piece in PIECES {
                assert_agrees(&format!("{piece}{line}"));
                assert_agrees(&format!("{line}{piece}"));
            }
        }

        /// The pieces of the patterns, characters close to them, and text.
        const PIECES: &[&str] = &[
            "|",
            ":",
            "-",
            "--",
            "---",
            " ",
            "\t",
            "\u{3000}",
            "\u{a0}",
            "\u{2028}",
            "\u{85}",
            ">",
            "*",
            "+",
            "1",
            "12",
            "123",
            "1234",
            ".",
            ")",
            "■",
            "□",
            "●",
            "○",
            "◆",
            "◇",
            "▲",
            "△",
            "★",
            "☆",
            "▶",
            "►",
            "•",
            "·",
            "🗕",
            "◎",
            "※",
            "❖",
            "—",
            "–",
            "#",
            "=",
            "_",
            "a",
            "正文",
            "，",
            "。",
            "◀",
            "▼",
            "〇",
            "‧",
            "（",
            "）",
            "(",
            "上接",
            "下转",
            "转接",
            "接",
            "第",
            "版",
            "三",
            "３",
            "数据来源",
            "资料来源",
            "来源",
            "责任编辑",
            "编辑",
            "校对",
            "审核",
            "制图",
            "统筹",
            "：",
            "Source",
            "S",
            "【",
            "】",
            "[",
            "]",
            "相关新闻",
            "延伸阅读",
            "新闻链接",
            "背景",
            "知多少",
            "小贴士",
            "数读",
            "图解",
            "一图读懂",
            "》",
            "》》",
            "›",
            "→",
            "①",
            "⑳",
            "特别报道",
            "大家说",
            "编后",
            "今日关注",
        ];

        proptest! {
            #![proptest_config(ProptestConfig { cases: 4000, ..ProptestConfig::default() })]
            #[test]
            fn the_code_agrees_with_the_patterns(pieces in proptest::collection::vec(proptest::sample::select(PIECES), 0..8)) {
                assert_agrees(&pieces.concat());
            }
        }

        #[test]
        fn the_code_agrees_with_the_patterns_on_real_lines() {
            let lines = for_each_real_line(assert_agrees_around);
            assert!(lines > 500, "only {lines} lines were checked");
        }

        /// Every character alone, and before and after a glyph.
        #[test]
        fn the_code_agrees_with_the_patterns_on_every_character() {
            for c in (0..=char::MAX as u32).filter_map(char::from_u32) {
                for line in [c.to_string(), format!("{c}■"), format!("■{c}"), format!("{c}--")] {
                    assert_agrees(&line);
                }
            }
        }
    }
}

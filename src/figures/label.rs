//! Labels: what each number counts, read from its own clause.
//!
//! The label of a figure is the text between the start of its clause (the
//! last clause break, or the end of the figure before it) and the number,
//! with fillers trimmed from both ends: "总投资额达到510亿元" → 总投资额.
//! When that leaves nothing, or only a verb ("吸引1533名博士"), the noun
//! after the number is taken instead and the figure "claims" it, so the
//! next figure's label starts after it ("31个国家(地区)1126个团队").
//! A label that only says how something changed ("同比增长") is prefixed
//! with the subject of the figure before it in the same paragraph.
//!
//! No segmenter is used: the word lists below stand in for one, which is
//! the main limit of this module.

use std::ops::Range;

use super::scan::{self, Token};
use super::units::Words;
use crate::schema::{FigureKind, Lang};
use crate::text::chars::is_han;

/// How far back, in characters, a label may start: longer clauses are
/// usually a whole sentence leading up to the number, not its label.
const MAX_SEGMENT_CHARS: usize = 40;
/// Longest Chinese label kept, in characters (the end nearest the number).
const MAX_LABEL_CHARS: usize = 20;
/// Longest English label kept, in words (the end nearest the number).
const MAX_LABEL_WORDS: usize = 6;
/// Longest noun taken after a Chinese number, in characters (quotes not
/// counted: "揭榜挂帅"项目 names are long).
const MAX_NOUN_CHARS: usize = 14;
/// Longest clause read before 的 and the noun after a Chinese number, in
/// characters ("52.7万名来渝参加活动的青年人才").
const MAX_RELATIVE_CLAUSE_CHARS: usize = 8;
/// Longest noun phrase taken after an English number, in words.
const MAX_NOUN_WORDS: usize = 3;
/// A Chinese label this short before a counter is a modifier ("海内外226名
/// 重要嘉宾"): the noun after the counter says what is counted.
const MAX_MODIFIER_CHARS: usize = 3;
/// A Chinese label this short that starts with a change word is relative.
const MAX_RELATIVE_CHARS: usize = 8;

/// Chinese words stripped from the start of a label, longest match first.
static ZH_LEAD_FILLERS: Words = Words::new(
    "其中 对于 对 其余 此外 同时 另外 另 共计 合计 总计 累计 一共 总共 共有 共 达到 达 实现 集中 \
    已经 已有 已 超过 超 大约 约 将近 近 逾 以及 和 及 并 还 也 就 仅 为 有 其 目前 当前 \
    截至目前 今年以来 今年 去年 近年来 据统计 据了解 据悉 分别 均 现有 全年 当天 大会期间 期间 \
    会上 可 以上 以下 左右 的",
);

/// Chinese words stripped from the end of a label, longest match first.
static ZH_TRAIL_FILLERS: Words = Words::new(
    "达到 达 约为 为 超过 超 共计 合计 总计 累计 共有 共 大约 约 将近 接近 近 逾 高达 多达 长达 \
    增至 增长至 提高至 提升至 上升至 降至 突破 不少于 不低于 不超过 至少 是 已有 有 已经 已 了 \
    至 到 计 仅 仅有 只有 分别为 分别达到 分别达 分别 均为 均 最高达 最高 最多 人民币 今年 去年 \
    目前 也 都 预计 保持在 稳定在 维持在 控制在",
);

/// Two-character words that start or end with a one-character filler and
/// must not lose it ("共享", "签约", "成为").
static ZH_PROTECTED: Words = Words::new(
    "对外 对接 对象 对话 对手 对比 对口 共同 共享 共建 共赢 共创 共绘 达成 超级 超大 超高 超算 \
    约束 约定 近期 近年 近日 为民 为期 为了 和平 和谐 及时 就业 就医 就读 有效 有限 有关 有序 \
    有力 有机 其他 其它 均衡 并购 并网 行为 作为 成为 认为 因为 称为 视为 列为 评为 更为 较为 \
    极为 所有 拥有 没有 具有 享有 占有 持有 现有 到达 直达 抵达 送达 下达 表达 发达 传达 设计 \
    统计 估计 会计 甚至 以至 直至 截至 乃至 得到 受到 收到 来到 做到 看到 遇到 想到 提到 报到 \
    签到 感到 不到 除了 签约 合约 条约 履约 预约 公约 附近 最近 公共 中共 平均 人均 可以 可能 \
    认可 许可 已知 的确",
);

/// Chinese verbs: a label that is, or ends in, one of these names the
/// action, and the noun after the number names what was counted
/// ("释放1.87万个优质岗位" → 优质岗位).
static ZH_VERBS: Words = Words::new(
    "吸引 释放 提供 带来 引进 引入 发布 推出 新增 举办 解决 给予 安排 完成 达成 签约 签订 带动 \
    组织 开展 建设 建成 拥有 覆盖 汇聚 集聚 聚集 设立 成立 支持 获得 获批 招聘 招收 帮助 推动 \
    促成 邀请 包括 涵盖 吸纳 培育 培养 新建 创造 创建 打造 布局 实施 立项 认定 评选 筛选 征集 \
    发放 接待 服务 惠及 资助 表彰 揭牌 培训 受理 办理 出台 制定 形成 聚焦 围绕 设置 举行 召开 \
    面向 分享 集中 推进 实现 为期 搭建 建立 组建 开设 开通 上线 启动 部署 授予 颁发 签署",
);

/// Endings that make a Chinese label a modifier of the noun after the
/// number ("小分子药物等领域的11个特色产业项目", "…等领域11个特色产业项目").
static ZH_MODIFIER_ENDINGS: Words = Words::new("的 等 领域");

/// Where a noun after a Chinese number stops: particles, conjunctions and
/// verbs that are never nouns themselves (unlike 服务, 组织, 建设). A stop
/// right after the number means there is no noun.
static ZH_NOUN_STOPS: Words = Words::new(
    "的 和 与 及 等 在 或 并 从 向 对 将 被 把 于 以 已 均 都 也 为 是 参加 参与 报名 入场 揭牌 \
    落地 签约 脱颖 取得 达成 成立 入驻 进驻 齐聚 登台 获批 上市 进入 提供 实现 完成 开展 形成 \
    覆盖 累计 同比 占 通过 深入 携 延揽 对接 参 来 赴 走进 同 共同 纷纷 集中 成功 正式 全部 现场 \
    入 带 各 共计 激烈 竞技 角逐 活跃 进行 了 让 使 征集 吸引 释放 带来 引进 举办 解决 给予 带动 \
    汇聚 集聚 聚集 设立 获得 推动 邀请 包括 涵盖 打造 惠及 举行 召开 开幕 闭幕 落幕 落下",
);

/// Words skipped between a Chinese number and the noun it counts.
static ZH_NOUN_SKIPS: Words = Words::new("以上 以下 左右 多 的");

/// Words that say how something changed: a label made of them alone needs
/// the subject from the figure before ("同比增长" → 技术合同交易额同比增长).
static ZH_RELATIVE: Words = Words::new(
    "同比 环比 较上年 较去年 比上年 比去年 较上 增长 下降 增加 减少 提高 提升 上升 降低 增幅 降幅 \
    占比 占 比重",
);

/// English words stripped from the start of a label.
static EN_LEAD_FILLERS: Words = Words::new("and but while so then the a an of with also as including which that");

/// English words stripped from the end of a label.
static EN_TRAIL_FILLERS: Words = Words::new(
    "to by of at about around nearly almost some over under more less than was were is are be \
    been reached hit totaled totalled totaling totalling from for with approximately roughly \
    just only an a the estimated as many much least most had has have stood stands exceeded \
    topped and",
);

/// English words that end a noun phrase after a number.
static EN_STOPWORDS: Words = Words::new(
    "a an the in on at to of for from by with as than and or but was were is are be been has have \
    had will would this that these those since after before over under up down per each last \
    next more less about its their his her it they we which who while when so if into out off \
    through during against between among until ago earlier later also still only just not no \
    year years compared according",
);

/// English change words: "rose 12%" labels the change, not the subject.
static EN_RELATIVE: Words = Words::new(
    "rose fell grew increased decreased climbed jumped dropped declined gained slipped soared \
    surged plunged rising falling growth increase decline up down was were is are has have been",
);

/// The label chosen for one figure.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Label {
    /// What the number counts; may be empty.
    pub text: String,
    /// True when the label is the noun after the number ("12,000 jobs").
    pub counted_noun: bool,
}

/// A label for every figure token (`None` for the others), in order.
pub(super) fn assign(text: &str, tokens: &[Token], lang: Lang) -> Vec<Option<Label>> {
    let mut labels = Vec::with_capacity(tokens.len());
    // Where the next label may start: the end of the previous token, or of
    // the noun it claimed.
    let mut floor = 0;
    // The subject of the previous figure, and where that figure ended.
    let mut previous: Option<(Subject, usize)> = None;
    for token in tokens {
        if !token.is_figure {
            floor = floor.max(token.surface.end);
            labels.push(None);
            continue;
        }
        let start = clause_start(text, floor, token.surface.start);
        let segment = &text[start..token.surface.start];
        let before = match lang {
            Lang::Zh => trim_zh(segment),
            Lang::En => trim_en(segment),
        };
        // The noun after the number, when it is the label: it is only looked
        // for when the label before the number may give way to it.
        let counted_noun = match lang {
            Lang::Zh => {
                let count = token.kind == FigureKind::Count;
                let verb_only = before.is_empty() || ZH_VERBS.contains(&before);
                let modifier = ZH_VERBS.suffixes_of(&before).next().is_some()
                    || (count && ZH_MODIFIER_ENDINGS.suffixes_of(&before).next().is_some())
                    || (count && before.chars().count() <= MAX_MODIFIER_CHARS);
                // A noun followed by a number is that number's label
                // ("…资助991项直接经费4.33亿元"), unless this label is only a
                // verb ("解决113家企业227项技术难题").
                let noun_is_free = |n: &Range<usize>| !text[n.end..].starts_with(scan::is_digit);
                (verb_only || modifier)
                    .then(|| noun_after_zh(text, token.surface.end, count))
                    .flatten()
                    .filter(|n| verb_only || noun_is_free(n))
            }
            Lang::En => {
                (before.is_empty() || token.unit.is_empty()).then(|| noun_after_en(text, token.surface.end)).flatten()
            }
        };
        let mut label = match &counted_noun {
            Some(range) => text[range.clone()].to_string(),
            // "…为龙头的130余个" with nothing after: the label is what precedes 的.
            None => match before.strip_suffix('的') {
                Some(b) => tidy_edges(b).to_string(),
                None => before,
            },
        };
        floor = counted_noun.as_ref().map_or(token.surface.end, |n| n.end);
        let counted_noun = counted_noun.is_some();
        let relative = is_relative(&label, lang);
        // "rose 12% to $3.2 billion": the second figure has the same subject.
        let same_subject = label.is_empty() && lang == Lang::En;
        let previous_subject = previous
            .as_ref()
            .filter(|_| relative || same_subject)
            .filter(|(_, end)| !text[*end..token.surface.start].contains('\n'))
            .and_then(|(subject, _)| subject.resolve(&labels, lang));
        let base = match previous_subject {
            Some(before) if relative => {
                label = join(&before, &label, lang);
                Subject::Inherited(before)
            }
            Some(before) => {
                label.clone_from(&before);
                Subject::Inherited(before)
            }
            None => Subject::OfLabel(labels.len()),
        };
        previous = Some((base, token.surface.end));
        labels.push(Some(Label { text: label, counted_noun }));
    }
    labels
}

/// The subject a figure passes on to a relative label after it. Few labels
/// are relative, so a label's own subject is only read when one asks.
enum Subject {
    /// The subject the figure's own label took from the figure before it.
    Inherited(String),
    /// The subject of the label at this index.
    OfLabel(usize),
}

impl Subject {
    /// The subject, if it is not empty.
    fn resolve(&self, labels: &[Option<Label>], lang: Lang) -> Option<String> {
        let subject = match self {
            Subject::Inherited(subject) => subject.clone(),
            Subject::OfLabel(i) => subject(&labels[*i].as_ref()?.text, lang),
        };
        (!subject.is_empty()).then_some(subject)
    }
}

/// Start of the clause that ends at `end`, not before `floor` and at most
/// [`MAX_SEGMENT_CHARS`] back.
fn clause_start(text: &str, floor: usize, end: usize) -> usize {
    let floor = floor.min(end);
    let mut start = end;
    for (n, (i, c)) in text[floor..end].char_indices().rev().enumerate() {
        if n >= MAX_SEGMENT_CHARS || is_clause_break(text, floor + i, c) {
            break;
        }
        start = floor + i;
    }
    start
}

/// Clause breaks. 、 is not one: it joins list items ("硕士、博士优秀人才").
fn is_clause_break(text: &str, i: usize, c: char) -> bool {
    match c {
        '，' | ',' | '。' | '；' | ';' | '：' | ':' | '？' | '?' | '！' | '!' | '\n' | '—' | '…' | '■' | '●' | '□'
        | '◆' | '▪' | '•' | '|' => true,
        // A period ends a clause before white space, not inside "U.S." or "3.5".
        '.' => !text[i + 1..].starts_with(|n: char| !n.is_whitespace()),
        _ => false,
    }
}

/// The noun right after a Chinese number: what it counts. A count's noun
/// may come after a clause and 的; other figures' may not
/// ("十年来第二高的单季毛利率" is not what 十年 counts).
fn noun_after_zh(text: &str, pos: usize, count: bool) -> Option<Range<usize>> {
    let mut start = pos;
    while let Some(skip) = ZH_NOUN_SKIPS.prefixes_of(&text[start..]).next() {
        start += skip.len();
    }
    noun_at(text, start).or_else(|| {
        if !count {
            return None;
        }
        // No noun right after the number, but a clause and 的 before one:
        // "52.7万名来渝参加活动的青年人才" counts 来渝参加活动的青年人才.
        let (clause, _) = text[start..]
            .char_indices()
            .take(MAX_RELATIVE_CLAUSE_CHARS + 1)
            .take_while(|&(_, c)| is_han(c))
            .find(|&(_, c)| c == '的')
            .filter(|&(clause, _)| clause > 0)?;
        let noun = noun_at(text, start + clause + '的'.len_utf8())?;
        Some(start..noun.end)
    })
}

/// The noun that starts at `start`: Chinese characters (or Latin letters,
/// or quotes) up to a stop word or [`MAX_NOUN_CHARS`].
fn noun_at(text: &str, start: usize) -> Option<Range<usize>> {
    let mut p = start;
    let mut chars = 0;
    while let Some(c) = text[p..].chars().next() {
        let rest = &text[p..];
        let stop = ZH_NOUN_STOPS.prefixes_of(rest).next().is_some();
        if chars >= MAX_NOUN_CHARS || stop || !(is_han(c) || c.is_ascii_alphabetic() || is_quote(c)) {
            break;
        }
        p += c.len_utf8();
        chars += usize::from(!is_quote(c));
    }
    let noun = tidy_edges(&text[start..p]);
    (!noun.is_empty() && noun.chars().any(is_han)).then(|| {
        // `noun` is a sub-slice of `text[start..p]`.
        let offset = noun.as_ptr() as usize - text[start..p].as_ptr() as usize;
        start + offset..start + offset + noun.len()
    })
}

/// The noun phrase right after an English number: what it counts.
fn noun_after_en(text: &str, pos: usize) -> Option<Range<usize>> {
    let start = pos + usize::from(text[pos..].starts_with(' '));
    let mut end = start;
    let mut words = 0;
    while words < MAX_NOUN_WORDS {
        let rest = &text[end..];
        let len = rest.find(|c: char| !(c.is_ascii_alphabetic() || c == '-')).unwrap_or(rest.len());
        let word = &rest[..len];
        let lower = word.to_ascii_lowercase();
        if word.is_empty() || EN_STOPWORDS.contains(&lower) || super::units::MONTHS.contains(word) {
            break;
        }
        end += len;
        words += 1;
        if !text[end..].starts_with(' ') || !text[end + 1..].starts_with(|c: char| c.is_ascii_alphabetic()) {
            break;
        }
        end += 1;
    }
    let phrase = text[start..end].trim_end();
    (!phrase.is_empty()).then(|| start..start + phrase.len())
}

fn is_quote(c: char) -> bool {
    matches!(c, '“' | '”' | '"' | '《' | '》')
}

/// Strips punctuation that cannot begin or end a label.
fn tidy_edges(s: &str) -> &str {
    let s = trim_punct(s);
    // Most labels hold no quote and no bracket, and `tidy_marks` changes
    // nothing then: one look for them all is cheaper than its searches,
    // and a look at the bytes cheaper than one at the characters.
    if !may_hold_quote_or_bracket(s) || !s.contains(QUOTES_AND_BRACKETS) {
        return s;
    }
    tidy_marks(s)
}

/// The characters [`tidy_marks`] looks at.
pub(super) const QUOTES_AND_BRACKETS: [char; 5] = ['"', '“', '”', '(', '（'];

/// False only when `s` holds none of [`QUOTES_AND_BRACKETS`]: it looks for
/// their first bytes, '"', '(', and 0xE2 (“ ”) and 0xEF (（), which start
/// few other characters (— … ，：) and, not being continuation bytes, occur
/// inside none. A pass over every byte with no early exit, which the
/// compiler does many bytes at a time.
pub(super) fn may_hold_quote_or_bracket(s: &str) -> bool {
    s.bytes().fold(false, |found, b| found | matches!(b, b'"' | b'(' | 0xE2 | 0xEF))
}

pub(super) fn trim_punct(s: &str) -> &str {
    s.trim_start_matches(is_lead_punct).trim_end_matches(is_trail_punct)
}

/// Punctuation that cannot begin a label.
fn is_lead_punct(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '、' | '，'
                | ','
                | '—'
                | '-'
                | '–'
                | '·'
                | '•'
                | '■'
                | '□'
                | '●'
                | '▪'
                | '◆'
                | '*'
                | '#'
                | '>'
                | '|'
                | '）'
                | ')'
                | '”'
                | '’'
                | '」'
                | '』'
                | '】'
                | '》'
                | '.'
                | '…'
                | '：'
                | ':'
                | '；'
                | ';'
        )
}

/// Punctuation that cannot end a label.
fn is_trail_punct(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '、' | '—'
                | '-'
                | '–'
                | '('
                | '（'
                | '“'
                | '‘'
                | '「'
                | '『'
                | '【'
                | '《'
                | ':'
                | '：'
                | '·'
                | ','
                | '，'
        )
}

/// Strips unpaired quotes and an open bracket from the edges of `s`, which
/// [`trim_punct`] has trimmed, then trims it again.
pub(super) fn tidy_marks(s: &str) -> &str {
    let mut s = s;
    // An unpaired quote at an edge belongs to the text around the label.
    if s.matches('"').count() % 2 == 1 {
        s = s.strip_prefix('"').or_else(|| s.strip_suffix('"')).unwrap_or(s);
    }
    if !s.contains('”') {
        s = s.strip_prefix('“').unwrap_or(s);
    }
    if !s.contains('“') {
        s = s.strip_suffix('”').unwrap_or(s);
    }
    // "(含国家" from "56个(含国家1类新药13个)": keep what is inside.
    for (open, close) in [('(', ')'), ('（', '）')] {
        if let Some(i) = s.rfind(open) {
            if !s[i..].contains(close) {
                s = &s[i + open.len_utf8()..];
            }
        }
    }
    trim_punct(s)
}

/// Removes a leading "(地区)": a bracket left over from the previous noun.
fn strip_leading_group(s: &str) -> &str {
    for (open, close) in [('(', ')'), ('（', '）')] {
        if let Some(rest) = s.strip_prefix(open) {
            if let Some(i) = rest.find(close) {
                return &rest[i + close.len_utf8()..];
            }
        }
    }
    s
}

/// The first (or last) two characters of `s`.
fn edge_pair(s: &str, at_start: bool) -> &str {
    let mut indices = s.char_indices();
    if at_start {
        let end = indices.nth(2).map_or(s.len(), |(i, _)| i);
        &s[..end]
    } else {
        let start = indices.rev().nth(1).map_or(0, |(i, _)| i);
        &s[start..]
    }
}

/// Strips one filler at the start (or end) of `s`, if one is there.
fn strip_filler<'s>(s: &'s str, fillers: &Words, at_start: bool) -> Option<&'s str> {
    let found = if at_start {
        fillers.prefixes_of(s).max_by_key(|w| w.len())
    } else {
        fillers.suffixes_of(s).max_by_key(|w| w.len())
    }?;
    let single = found.chars().count() == 1;
    if single && s.chars().count() >= 2 && ZH_PROTECTED.contains(edge_pair(s, at_start)) {
        return None;
    }
    Some(if at_start { &s[found.len()..] } else { &s[..s.len() - found.len()] })
}

fn trim_zh(segment: &str) -> String {
    let mut s = segment;
    loop {
        let before = s.len();
        s = strip_leading_group(tidy_edges(s));
        if let Some(rest) = strip_filler(s, &ZH_LEAD_FILLERS, true) {
            s = rest;
        }
        if let Some(rest) = strip_filler(s, &ZH_TRAIL_FILLERS, false) {
            s = rest;
        }
        if s.len() == before {
            break;
        }
    }
    let count = s.chars().count();
    if count > MAX_LABEL_CHARS {
        let cut = s.char_indices().nth(count - MAX_LABEL_CHARS).map_or(0, |(i, _)| i);
        let mut kept = &s[cut..];
        // Do not start mid-word ("进材料"): start after the first list joint.
        if let Some(joint) = kept.find(['、', '和', '等', ' ']) {
            let after = &kept[joint..];
            let after = &after[after.chars().next().map_or(0, char::len_utf8)..];
            if after.chars().count() >= 2 {
                kept = after;
            }
        }
        s = tidy_edges(kept);
        if let Some(rest) = strip_filler(s, &ZH_LEAD_FILLERS, true) {
            s = rest;
        }
    }
    s.to_string()
}

fn trim_en(segment: &str) -> String {
    let is_edge_punct = |c: char| !(c.is_alphanumeric() || c == '\'' || c == '-' || c == '&');
    let mut words: Vec<&str> =
        segment.split_whitespace().map(|w| w.trim_matches(is_edge_punct)).filter(|w| !w.is_empty()).collect();
    loop {
        let before = words.len();
        if words.first().is_some_and(|w| EN_LEAD_FILLERS.contains(&w.to_ascii_lowercase())) {
            words.remove(0);
        }
        if words.last().is_some_and(|w| EN_TRAIL_FILLERS.contains(&w.to_ascii_lowercase())) {
            words.pop();
        }
        if words.len() == before {
            break;
        }
    }
    let keep = words.len().saturating_sub(MAX_LABEL_WORDS);
    words[keep..].join(" ")
}

fn is_relative(label: &str, lang: Lang) -> bool {
    match lang {
        Lang::Zh => label.chars().count() <= MAX_RELATIVE_CHARS && ZH_RELATIVE.prefixes_of(label).next().is_some(),
        Lang::En => !label.is_empty() && label.split(' ').all(|w| EN_RELATIVE.contains(&w.to_ascii_lowercase())),
    }
}

/// The subject of a label: "技术合同交易额同比增长" → 技术合同交易额,
/// "Revenue rose" → Revenue.
pub(super) fn subject(label: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => {
            // The first place after the start where a change word occurs for
            // the first time: a word that also opens the label does not cut.
            let cut = label
                .char_indices()
                .skip(1)
                .map(|(i, _)| i)
                .find(|&i| ZH_RELATIVE.prefixes_of(&label[i..]).any(|w| !label.starts_with(w)));
            cut.map_or(label, |i| tidy_edges(&label[..i])).to_string()
        }
        Lang::En => {
            let mut words: Vec<&str> = label.split(' ').collect();
            while words.len() > 1 && words.last().is_some_and(|w| EN_RELATIVE.contains(&w.to_ascii_lowercase())) {
                words.pop();
            }
            words.join(" ")
        }
    }
}

fn join(subject: &str, change: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{subject}{change}"),
        Lang::En => format!("{subject} {change}"),
    }
}

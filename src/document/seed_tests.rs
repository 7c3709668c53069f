//! The document stage on the five sample newspaper pages (`www/samples`).
//!
//! The articles of each page, and their titles, were counted by reading the
//! pages, not by running the code: a headline with its own story (a byline,
//! a dateline or a body of its own) is an article; the rest of a story
//! continued from another page ("(上接2版)") is one too, untitled, since its
//! headline is on that other page. Banners ("…·特别报道", "B 微观说大会》》》")
//! and data boxes are not articles.

use super::*;

const SEED_000: &str = include_str!("../../www/samples/000_1fb41a5b070bc01f.txt");
const SEED_001: &str = include_str!("../../www/samples/001_390a5977ca1d2999.txt");
const SEED_002: &str = include_str!("../../www/samples/002_51f0002b257610da.txt");
const SEED_003: &str = include_str!("../../www/samples/003_87e33b86b0e8928d.txt");
const SEED_004: &str = include_str!("../../www/samples/004_f8165d4474bce291.txt");
const SEEDS: [&str; 5] = [SEED_000, SEED_001, SEED_002, SEED_003, SEED_004];

fn titles(doc: &Document) -> Vec<Option<&str>> {
    (0..doc.articles.len()).map(|k| doc.article_title(k)).collect()
}

/// The blocks of `doc` whose role is `role`, as text.
fn with_role(doc: &Document, role: Role) -> Vec<&str> {
    (0..doc.blocks.len()).filter(|&i| doc.blocks[i].role == role).map(|i| doc.block_text(i)).collect()
}

/// The index of the first block whose text contains `needle`.
fn block_with(doc: &Document, needle: &str) -> usize {
    (0..doc.blocks.len())
        .find(|&i| doc.block_text(i).contains(needle))
        .unwrap_or_else(|| panic!("no block has {needle}"))
}

#[test]
fn seed_000_has_five_articles() {
    let doc = parse(SEED_000);
    assert_eq!(
        titles(&doc),
        vec![
            Some("重庆成为人才向往的创新创业热土"),
            Some("从\"无中生有\" 到全市领跑"),
            // "(上接1版)": the front-page story's second half.
            None,
            Some("重庆在柔性电子领域已形成显著创新优势"),
            Some("欧洲科学院中国中心落户重庆"),
        ]
    );
    assert!(doc.articles[2].continued);
    assert!(doc.articles[4].related, "opened by ·相关新闻·");
    assert_eq!(doc.main_article, 0);
    assert_eq!(doc.title_text(), Some("重庆成为人才向往的创新创业热土"));
}

#[test]
fn seed_001_has_seven_articles_with_bylines_at_their_ends() {
    let doc = parse(SEED_001);
    assert_eq!(
        titles(&doc),
        vec![
            // "(上接02版)", under the "B 微观说大会》》》" banner.
            None,
            Some("欧洲科学院中国中心项目 落户西部科学城重庆高新区"),
            Some("重点攻克新能源汽车能效 这个中心在重庆揭牌成立"),
            Some("产业化阶段奖励1000万元 重庆真金白银催生创新药"),
            Some("一批高能级机构与项目在渝落地"),
            Some("李兰娟：重庆是生物医药发展的沃土"),
            Some("谢晶：我们为何选择国际生物城"),
        ]
    );
    // Each story ends on its own byline.
    for k in 0..doc.articles.len() {
        let last = doc.articles[k].blocks.end - 1;
        assert_eq!(doc.blocks[last].role, Role::Aside(AsideKind::Byline), "article {k}");
    }
    assert_eq!(doc.title_text(), Some("一批高能级机构与项目在渝落地"), "the banner is not the title");
}

#[test]
fn seed_002_has_four_articles_and_the_series_banner_is_not_a_title() {
    let doc = parse(SEED_002);
    assert_eq!(
        titles(&doc),
        vec![
            Some("构建“416”科创战略布局 重庆不断提升“全国影响力”"),
            Some("我市今年1—11月新增科技型企业13646家"),
            Some("吸引优秀人才在渝创新创业 重庆加快建设西部人才中心"),
            Some("“满天星”行动点亮人才“星星之火”"),
        ]
    );
    assert!(doc.articles[1..].iter().all(|a| a.related), "each follows a 相关新闻>>> label");
    assert_eq!(doc.main_article, 0);
    // The data box above the lead story belongs to it, not to an article of its own.
    assert_eq!(doc.article_of(block_with(&doc, "新认定高新技术企业")), Some(0));
    // The last 相关新闻>>> has nothing under it and stays with the story before.
    assert_eq!(doc.articles[3].blocks.end, doc.blocks.len());
}

#[test]
fn seed_003_has_two_articles_and_gives_the_top_headline_back_to_its_story() {
    let doc = parse(SEED_003);
    assert_eq!(
        titles(&doc),
        vec![
            Some("力争到2035年建成教育强市，教育现代化总体实现 积极培育重庆高质量发展所需人才"),
            Some("让人才“站C位” 打造引才“金名片”"),
        ]
    );
    // The second story begins at its 数读 box, above 黄乔's byline.
    let second = doc.articles[1].blocks.start;
    assert!(doc.block_text(second).starts_with("数读"), "{}", doc.block_text(second));
    assert_eq!(doc.title_text(), Some("让人才“站C位” 打造引才“金名片”"));
}

#[test]
fn seed_004_has_four_articles_ending_with_the_xinhua_piece() {
    let doc = parse(SEED_004);
    assert_eq!(
        titles(&doc),
        vec![
            Some("让魅力重庆与国际人才 跨越山海，双向奔赴 ——写在重庆国际人才交流大会闭幕之际"),
            Some("4项新材料成果集中发布"),
            Some("长寿签约10个产业项目"),
            // The state-visit piece, continued from page 2 ("(上接2版)").
            None,
        ]
    );
    let xinhua = doc.articles.last().unwrap();
    assert!(xinhua.continued);
    assert_eq!(doc.block_text(xinhua.blocks.start), "(上接2版)");
    assert!(doc.block_text(xinhua.blocks.start + 1).starts_with("“中国对阿政策"));
    assert_eq!(xinhua.blocks.end, doc.blocks.len(), "its wire source line does not end it: more of it follows");
    assert_eq!(doc.main_article, 0);
    assert!(doc.title_text().is_some_and(|t| t.starts_with("让魅力重庆")), "not the ·特别报道 banner");
}

#[test]
fn every_article_is_a_run_of_blocks_with_prose() {
    for seed in SEEDS {
        let doc = parse(seed);
        let mut next = 0;
        for article in &doc.articles {
            assert_eq!(article.blocks.start, next);
            assert!(article.blocks.end > article.blocks.start);
            next = article.blocks.end;
            assert!(article.blocks.clone().any(|i| doc.blocks[i].role == Role::Paragraph));
            let range = doc.article_range(doc.article_of(article.blocks.start).unwrap());
            assert!(doc.text[range].starts_with(doc.block_text(article.blocks.start)));
        }
        assert_eq!(next, doc.blocks.len());
        assert!(doc.main_article < doc.articles.len());
    }
}

#[test]
fn bylines_are_bylines() {
    let doc = parse(SEED_000);
    let bylines = with_role(&doc, Role::Aside(AsideKind::Byline));
    assert_eq!(bylines, vec!["新重庆-重庆日报记者黄乔", "新重庆-重庆日报记者栗园园"]);
    assert_eq!(doc.blocks[block_with(&doc, "记者黄乔")].ornaments, "■");
    assert_eq!(with_role(&parse(SEED_001), Role::Aside(AsideKind::Byline)).len(), 7);
    assert_eq!(
        with_role(&parse(SEED_002), Role::Aside(AsideKind::Byline)),
        vec!["本报记者张亦筑", "本报记者张亦筑", "本报记者杨锐紫", "本报记者夏元"]
    );
    assert_eq!(
        with_role(&parse(SEED_003), Role::Aside(AsideKind::Byline)),
        vec!["重庆日报记者李志峰云钰", "重庆日报记者黄乔"]
    );
}

#[test]
fn captions_and_their_credits_are_captions() {
    let doc = parse(SEED_000);
    assert_eq!(
        with_role(&doc, Role::Aside(AsideKind::Caption)),
        vec![
            "11月16日,重庆科学会堂,重庆国际人才交流大会新一代电子信息制造业产业人才发展大会现场。",
            "记者尹诗语摄/视觉重庆"
        ]
    );
    let doc = parse(SEED_003);
    let captions = with_role(&doc, Role::Aside(AsideKind::Caption));
    assert_eq!(captions.len(), 1);
    assert!(captions[0].starts_with("10月18日，重庆大学A区思群广场") && captions[0].ends_with("(重庆日报资料图片)"));
}

#[test]
fn continuation_markers_are_continuations() {
    assert_eq!(with_role(&parse(SEED_000), Role::Aside(AsideKind::Continuation)), vec!["(上接1版)"]);
    assert_eq!(with_role(&parse(SEED_001), Role::Aside(AsideKind::Continuation)), vec!["(上接02版)"]);
    // Printed inline, at the head of a paragraph, it is split off.
    assert_eq!(with_role(&parse(SEED_004), Role::Aside(AsideKind::Continuation)), vec!["(上接2版)"]);
}

#[test]
fn source_lines_are_source_lines() {
    let doc = parse(SEED_004);
    assert_eq!(
        with_role(&doc, Role::Aside(AsideKind::SourceLine)),
        vec![
            "数据来源：重庆国际人才交流大会组委会记者黄乔整理",
            "数据来源：重庆国际人才交流大会组委会记者黄乔整理",
            "(新华社北京11月24日电)",
            "(新华社北京11月24日电)",
        ]
    );
}

#[test]
fn banners_and_labels_are_labels() {
    assert_eq!(with_role(&parse(SEED_000), Role::Aside(AsideKind::Label)), vec!["案例解码:", "相关新闻"]);
    assert_eq!(with_role(&parse(SEED_001), Role::Aside(AsideKind::Label)), vec!["B 微观说大会》》》", "大家说"]);
    let doc = parse(SEED_002);
    let labels = with_role(&doc, Role::Aside(AsideKind::Label));
    assert_eq!(labels[0], "新重庆开局第一年·高质量发展加油干④");
    assert_eq!(labels[1..], ["相关新闻>>>"; 4]);
    assert_eq!(
        with_role(&parse(SEED_004), Role::Aside(AsideKind::Label)),
        vec!["重庆国际人才交流大会·特别报道", "数读·重庆国际人才交流大会成果", "【相关新闻】"]
    );
}

#[test]
fn decorative_glyphs_leave_the_text_and_are_kept_on_their_block() {
    let doc = parse(SEED_000);
    assert_eq!(doc.blocks[block_with(&doc, "群贤毕至")].ornaments, "🗕");
    assert_eq!(doc.block_text(block_with(&doc, "群贤毕至")), "群贤毕至");
    for glyph in ['■', '●', '🗕', '□'] {
        for seed in SEEDS {
            assert!(!parse(seed).text.contains(glyph), "{glyph} left in the text");
        }
    }
    let doc = parse(SEED_004);
    let item = block_with(&doc, "引进博士、博士后青年科技人才219名");
    assert_eq!(doc.block_text(item), "引进博士、博士后青年科技人才219名");
    assert_eq!(doc.blocks[item].ornaments, "■");
}

#[test]
fn the_repeated_half_of_the_xinhua_piece_counts_once() {
    let doc = parse(SEED_004);
    let duplicates: Vec<(usize, usize)> =
        (0..doc.blocks.len()).filter_map(|i| doc.blocks[i].duplicate_of.map(|first| (i, first))).collect();
    // 纵横正有凌云笔 … “让我们加强团结合作 …”: ten paragraphs printed twice.
    assert_eq!(duplicates.len(), 10, "{duplicates:?}");
    let first = block_with(&doc, "纵横正有凌云笔");
    let second = (first + 1..doc.blocks.len()).find(|&i| doc.block_text(i).starts_with("纵横正有凌云笔")).unwrap();
    assert_eq!(doc.blocks[second].duplicate_of, Some(first));
    assert_eq!(doc.blocks[first].duplicate_of, None);
    for seed in [SEED_000, SEED_001, SEED_002, SEED_003] {
        assert!(parse(seed).blocks.iter().all(|b| b.duplicate_of.is_none()));
    }
}

#[test]
fn near_identical_paragraphs_count_as_the_same() {
    let doc = parse("# 题目\n\n纵横正有凌云笔。世界对拉美之行的观察，呈现出不同视角。\n\n中间一段话在这里。\n\n纵横正有凌云笔, 世界对拉美之行的观察 呈现出不同视角.");
    assert_eq!(doc.blocks[3].duplicate_of, Some(1));
    assert_eq!(doc.blocks[2].duplicate_of, None);
}

#[test]
fn lines_are_joined_only_where_a_sentence_was_cut() {
    let doc = parse(SEED_000);
    // Cut inside a word, across two paragraphs: joined.
    assert!(doc.text.contains("具有广阔的应用前景。他认为"));
    // Cut where the seam is no word: the rest is elsewhere on the page.
    let cut = block_with(&doc, "从而推动西部人才高质量发");
    assert!(doc.block_text(cut).ends_with("高质量发"));
    assert!(doc.blocks[cut + 1].after_cut);
    // Whole sentences stay paragraphs of their own.
    let lead = block_with(&doc, "江流浩荡");
    assert_eq!(doc.block_text(lead), "江流浩荡,群星汇聚。11月16日,为期两天的重庆国际人才交流大会落下帷幕。");
    assert!(doc.block_text(lead + 1).starts_with("这场以"));
    let doc = parse(SEED_001);
    let cut = block_with(&doc, "以平台赋能、人才引领");
    assert!(doc.block_text(cut).ends_with("人才引领") && doc.blocks[cut + 1].after_cut);
}

#[test]
fn spaces_between_chinese_go_and_spaces_around_latin_and_numbers_stay() {
    let doc = parse(SEED_000);
    assert!(doc.text.contains("为期两天") && !doc.text.contains("为 期"));
    assert!(doc.text.contains("碰撞思想火花、洽谈合作商机"));
    assert!(doc.text.contains("主体活动 12场"), "the space before a number stays");
    assert!(doc.text.contains("互认事项至 10 项"), "spaces around a number stay");
    let doc = parse(SEED_004);
    assert!(doc.text.contains("科技创新布局 and 现代制造业"), "spaces around a Latin word stay");
}

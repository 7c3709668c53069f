//! Table-driven tests: each row is a sentence a reader would see and what
//! they would expect the figure list to say about it.

use super::{Figure, SentenceContext};
use crate::schema::{Direction, FigureKind, Lang};
use crate::testing::pseudo_random;

/// The key figures alone, as most tests want them.
fn key_figures(text: &str, sentences: &[SentenceContext], lang: Lang, limit: usize) -> Vec<Figure> {
    super::find(text, sentences, lang, limit).key
}

/// All figures of `text`, read as one sentence of middling weight.
fn all(text: &str, lang: Lang) -> Vec<Figure> {
    let sentences = [SentenceContext { range: 0..text.len(), weight: 0.5, in_heading: false, bold: Vec::new() }];
    key_figures(text, &sentences, lang, usize::MAX)
}

/// The figure whose surface form is `surface`, or a panic listing what was found.
#[track_caller]
fn find<'f>(text: &str, figures: &'f [Figure], surface: &str) -> &'f Figure {
    figures.iter().find(|f| &text[f.range.clone()] == surface).unwrap_or_else(|| {
        let found: Vec<&str> = figures.iter().map(|f| &text[f.range.clone()]).collect();
        panic!("{surface:?} not found in {text:?}; found {found:?}")
    })
}

#[test]
fn chinese_numbers_are_read_with_multipliers_and_units() {
    use FigureKind::{Change, Count, Measure, Money, Percent};
    let cases: &[(&str, &str, f64, &str, FigureKind)] = &[
        ("西部省区联动释放1.87万个优质岗位", "1.87万个", 18_700.0, "个", Count),
        ("签约金额达36.85亿元。", "36.85亿元", 3_685_000_000.0, "元", Money),
        ("集聚青年人才1.38万名", "1.38万名", 13_800.0, "名", Count),
        ("安排财政资金1.15亿元", "1.15亿元", 115_000_000.0, "元", Money),
        ("投资１２３万元建设", "１２３万元", 1_230_000.0, "元", Money),
        ("提供岗位1,100万个", "1,100万个", 11_000_000.0, "个", Count),
        ("产业规模达3万亿元", "3万亿元", 3e12, "元", Money),
        ("出口额达5000万美元", "5000万美元", 5e7, "美元", Money),
        ("同比增长1674.57%", "1674.57%", 1674.57, "%", Change),
        ("重点领域占比达到84％", "84％", 84.0, "%", Percent),
        ("提高2个百分点", "2个百分点", 2.0, "个百分点", Change),
        ("占比为2个百分点", "2个百分点", 2.0, "个百分点", Percent),
        ("审批时间缩短120余天获批上市", "120余天", 120.0, "天", Measure),
        ("线上线下提供岗位1.68万余个", "1.68万余个", 16_800.0, "个", Count),
        ("签约战略合作协议20多项", "20多项", 20.0, "项", Count),
        ("拟建设年产10000吨燃料电池项目", "10000吨", 10_000.0, "吨", Measure),
        ("建设100千瓦光伏电站", "100千瓦", 100.0, "千瓦", Measure),
        ("产业人才突破6500 人", "6500 人", 6500.0, "人", Count),
        ("总投资约人民币1.4亿元", "1.4亿元", 140_000_000.0, "元", Money),
        ("园区已有130 余个项目", "130 余个", 130.0, "个", Count),
        ("配套建设2-3座加氢站", "2-3座", 2.0, "座", Count),
        ("服务人才超过15万人次", "15万人次", 150_000.0, "人次", Count),
        ("投入量产7个月", "7个月", 7.0, "个月", Measure),
    ];
    for &(text, surface, value, unit, kind) in cases {
        let figures = all(text, Lang::Zh);
        let f = find(text, &figures, surface);
        assert_eq!((f.value, f.unit, f.kind), (value, unit, kind), "{text}");
    }
}

#[test]
fn english_numbers_are_read_with_scales_and_iso_currencies() {
    use FigureKind::{Change, Count, Measure, Money, Percent};
    let cases: &[(&str, &str, f64, &str, FigureKind)] = &[
        ("Revenue rose 12% to $3.2 billion in 2024.", "12%", 12.0, "%", Change),
        ("Revenue rose 12% to $3.2 billion in 2024.", "$3.2 billion", 3.2e9, "USD", Money),
        ("The firm raised $3bn last year.", "$3bn", 3e9, "USD", Money),
        ("A deal worth €5m was signed.", "€5m", 5e6, "EUR", Money),
        ("Sales reached US$1,250 million.", "US$1,250 million", 1.25e9, "USD", Money),
        ("Prices climbed 4.5 percent.", "4.5 percent", 4.5, "%", Change),
        ("Its share was 4.5 percent.", "4.5 percent", 4.5, "%", Percent),
        ("Output reached 1.2 million tonnes.", "1.2 million tonnes", 1.2e6, "tonnes", Measure),
        ("The plant will cut 12,000 jobs.", "12,000", 12_000.0, "", Count),
    ];
    for &(text, surface, value, unit, kind) in cases {
        let figures = all(text, Lang::En);
        let f = find(text, &figures, surface);
        assert_eq!((f.value, f.unit, f.kind), (value, unit, kind), "{text}");
    }
}

#[test]
fn dates_times_ordinals_and_references_are_not_figures() {
    let zh = [
        "11月16日,大会在重庆落下帷幕。",
        "力争到2035年建成教育强市",
        "我市今年1—11月新增",
        "12月15日—17日,凤栖湖畔",
        "大会定于11月23日至24日在重庆举行",
        "当地时间19日至21日",
        "上午9时,会议开始",
        "上午9点开幕",
        "会议于9时30分开始",
        "将于2025-11-16举行",
        "发布日期2025.11.16",
        "第3届大会",
        "位居全国第6",
        "(上接1版)",
        "(上接02版)",
        "1. 加强人才引进",
        "(1)加强人才引进",
        "联系电话023-63907111",
        "联系电话13912345678",
        "G20峰会",
        "建设5G基站",
        "已经与GPT3.5水平相当",
        "聚焦“416”科技创新布局",
        "作为全市“1+5+N”生物医药产业",
        "《中国数字经济人才发展报告(2025)》",
        "实施“减负行动3.0”",
        "吸引90后青年",
        "已经从1.0版本升级到3.0版本",
        "《行动计划(2022—2025年)》",
        "# 2023",
        "中美元首会晤持续到10:30",
    ];
    for text in zh {
        let figures = all(text, Lang::Zh);
        assert!(figures.is_empty(), "{text:?} gave {figures:?}");
    }
    let en = [
        "On November 16, the summit opened.",
        "It opened on 16 Nov in Chongqing.",
        "See page 3 for details.",
        "Music from the 1990s was played.",
        "The talks began at 9:30 a.m. local time.",
        "Results for the 2019-20 season were mixed.",
        "The COVID-19 pandemic ended.",
        "Revenue was reported in 2024.",
        "She finished 1st in the race.",
        "It was a 5-year plan.",
    ];
    for text in en {
        let figures = all(text, Lang::En);
        assert!(figures.is_empty(), "{text:?} gave {figures:?}");
    }
}

#[test]
fn figures_next_to_dates_are_still_found() {
    let text = "11月16日,大会签约金额达36.85亿元。";
    let figures = all(text, Lang::Zh);
    assert_eq!(figures.len(), 1, "{figures:?}");
    assert_eq!(&text[figures[0].range.clone()], "36.85亿元");
}

#[test]
fn chinese_labels_come_from_the_clause() {
    // (text, surface, expected label)
    let cases: &[(&str, &str, &str)] = &[
        ("集中引进硕士、博士优秀人才3944名,签约落地人才项目260个", "3944名", "引进硕士、博士优秀人才"),
        ("集中引进硕士、博士优秀人才3944名,签约落地人才项目260个", "260个", "签约落地人才项目"),
        ("发布\"揭榜挂帅\"攻关项目48个、榜单金额超3亿元。", "3亿元", "榜单金额"),
        ("技术合同交易额51.64亿元,同比增长1674.57%。", "51.64亿元", "技术合同交易额"),
        ("技术合同交易额51.64亿元,同比增长1674.57%。", "1674.57%", "技术合同交易额同比增长"),
        ("签约项目总数253个、总投资额达到510亿元。", "253个", "签约项目总数"),
        ("签约项目总数253个、总投资额达到510亿元。", "510亿元", "总投资额"),
        ("西部省区联动释放1.87万个优质岗位", "1.87万个", "优质岗位"),
        ("大会共有3944名优秀人才参加", "3944名", "优秀人才"),
        ("解决113家企业227项技术难题", "113家", "企业"),
        ("解决113家企业227项技术难题", "227项", "技术难题"),
        ("共吸引31个国家(地区)1126个团队(项目)参赛", "31个", "国家"),
        ("共吸引31个国家(地区)1126个团队(项目)参赛", "1126个", "团队"),
        ("我市今年1—11月新增科技型企业13646家", "13646家", "新增科技型企业"),
        ("公司仅投入量产7个月,就实现了4亿元的出口额。", "4亿元", "出口额"),
        ("研发人员超过20万人、较上年度增长21.8%", "21.8%", "研发人员较上年度增长"),
        ("全市人才资源总量超过630万人，人才密度居西部第一", "630万人", "全市人才资源总量"),
        ("■签约引进紧缺优秀人才3925名", "3925名", "签约引进紧缺优秀人才"),
        ("单项最高金额达4000万元", "4000万元", "单项最高金额"),
        ("给予累计最高1700万元的资金支持", "1700万元", "资金支持"),
        ("海内外226名重要嘉宾齐聚山城", "226名", "重要嘉宾"),
        ("分别发布3个产业发展机会清单和9个人才需求清单", "9个", "人才需求清单"),
        ("总投资约人民币1.4亿元", "1.4亿元", "总投资"),
        ("又有疫苗佐剂、小分子药物等领域11个特色产业项目签约落地重庆", "11个", "特色产业项目"),
        // 为期 says how long, not what: the label is what lasted.
        ("11月16日,为期两天的重庆国际人才交流大会落下帷幕。", "两天", "重庆国际人才交流大会"),
        ("梳理李克强总理为期9天的出访行程", "9天", "出访行程"),
        // What is counted can follow a clause and 的; a duration's "来" is not one.
        ("社保卡\"一卡通\"今年累计为52.7万名来渝参加活动的青年人才提供服务", "52.7万名", "来渝参加活动的青年人才"),
        ("以及四个注意事项和三个被忽视的事情。", "三个", "被忽视的事情"),
        ("单季毛利率26.1%，为十年来第二高的单季毛利率。", "十年", ""),
        // A verb before the number names the action; what was built or opened is counted.
        ("在江北机场、重庆北站等区域搭建了6个驻点接待服务站", "6个", "驻点接待服务站"),
        ("公司在全国开设超过60家运营中心", "60家", "运营中心"),
    ];
    for &(text, surface, label) in cases {
        let figures = all(text, Lang::Zh);
        assert_eq!(find(text, &figures, surface).label, label, "{text}");
    }
    // The brief's "揭榜挂帅" case: the label must say what the 48 are.
    let text = "发布\"揭榜挂帅\"攻关项目48个、榜单金额超3亿元。";
    assert!(find(text, &all(text, Lang::Zh), "48个").label.contains("攻关项目"));
}

#[test]
fn english_labels_come_from_the_clause() {
    let cases: &[(&str, &str, &str)] = &[
        ("Revenue rose 12% to $3.2 billion in 2024.", "12%", "Revenue rose"),
        ("Revenue rose 12% to $3.2 billion in 2024.", "$3.2 billion", "Revenue"),
        ("The plant will cut 12,000 jobs.", "12,000", "jobs"),
        ("Exports of soybeans reached 3.5 million tonnes.", "3.5 million tonnes", "Exports of soybeans"),
        ("The city hired 1,500 new teachers this year.", "1,500", "new teachers"),
    ];
    for &(text, surface, label) in cases {
        let figures = all(text, Lang::En);
        assert_eq!(find(text, &figures, surface).label, label, "{text}");
    }
}

#[test]
fn money_and_people_outrank_incidental_counts() {
    let text = "大会有3个特点,集中引进优秀人才3944名,签约金额达36.85亿元。";
    let figures = all(text, Lang::Zh);
    let order: Vec<&str> = figures.iter().map(|f| &text[f.range.clone()]).collect();
    assert_eq!(order, ["36.85亿元", "3944名", "3个"]);
}

#[test]
fn headings_and_weighty_sentences_rank_first() {
    // Same kind and magnitude; the later one is in a heading / a weightier sentence.
    let text = "今年新增项目120个。\n\n新建平台120家";
    let split = text.find("\n\n").unwrap();
    let ranked = |first: (f64, bool), second: (f64, bool)| -> Vec<String> {
        let sentences = [
            SentenceContext { range: 0..split, weight: first.0, in_heading: first.1, bold: Vec::new() },
            SentenceContext { range: split + 2..text.len(), weight: second.0, in_heading: second.1, bold: Vec::new() },
        ];
        key_figures(text, &sentences, Lang::Zh, 10).iter().map(|f| text[f.range.clone()].to_string()).collect()
    };
    assert_eq!(ranked((0.5, false), (0.5, false)), ["120个", "120家"], "earlier first when all else is equal");
    assert_eq!(ranked((0.5, false), (0.5, true)), ["120家", "120个"], "a heading wins");
    assert_eq!(ranked((0.1, false), (0.9, false)), ["120家", "120个"], "a central sentence wins");
}

#[test]
fn repeated_figures_are_merged_and_distinct_ones_kept() {
    let text = "集中引进硕士、博士优秀人才 3944名。会上,签约金额36.85亿元。其中,集中引进硕士、博士优秀人才3944名。";
    let figures = all(text, Lang::Zh);
    let people: Vec<&Figure> = figures.iter().filter(|f| f.value == 3944.0).collect();
    assert_eq!(people.len(), 1, "{figures:?}");
    assert_eq!(people[0].label, "引进硕士、博士优秀人才");

    let text = "发布3个产业发展机会清单。建设3个生物医药研发平台。";
    assert_eq!(all(text, Lang::Zh).len(), 2, "same round value, different things");

    // A specific amount is one figure, however each mention is labelled.
    let text = "Sales top $3.2 billion\n\nRevenue rose 12% to $3.2 billion. Costs rose 12%.";
    let figures = all(text, Lang::En);
    assert_eq!(figures.iter().filter(|f| f.unit == "USD").count(), 1, "{figures:?}");
    assert_eq!(figures.iter().filter(|f| f.unit == "%").count(), 2, "{figures:?}");
}

#[test]
fn repeating_a_figure_raises_its_score() {
    let once = "签约金额36.85亿元。";
    let twice = "签约金额36.85亿元。签约金额36.85亿元。";
    let score = |text: &str| {
        // Both texts score their first mention at the same position and weight.
        let sentences = [SentenceContext { range: 0..once.len(), weight: 0.5, in_heading: false, bold: Vec::new() }];
        key_figures(text, &sentences, Lang::Zh, 1)[0].score
    };
    assert!(score(twice) > score(once));
}

#[test]
fn bare_numbers_are_dropped_or_ranked_last() {
    assert!(all("结果是,123。", Lang::Zh).is_empty(), "no unit, no label");
    let text = "考生编号规则为52,签约项目达到56个。";
    let figures = all(text, Lang::Zh);
    let order: Vec<&str> = figures.iter().map(|f| &text[f.range.clone()]).collect();
    assert_eq!(order, ["56个", "52"]);
    assert_eq!(figures[1].kind, FigureKind::Other);
}

#[test]
fn results_respect_the_limit_and_score_range() {
    let text = "引进人才3944名,签约项目260个,发布项目48个,金额超3亿元,增长10%。";
    let sentences = [SentenceContext { range: 0..text.len(), weight: 1.0, in_heading: true, bold: Vec::new() }];
    let figures = key_figures(text, &sentences, Lang::Zh, 3);
    assert_eq!(figures.len(), 3);
    assert!(figures.windows(2).all(|w| w[0].score >= w[1].score));
    assert!(figures.iter().all(|f| (0.0..=1.0).contains(&f.score)));
    assert!(key_figures(text, &sentences, Lang::Zh, 0).is_empty());
}

#[test]
fn odd_input_never_panics_and_ranges_stay_on_char_boundaries() {
    let samples = [
        "",
        "1",
        "１",
        "1,",
        "1.",
        "1..2",
        "$",
        "$1",
        "1-",
        "1—",
        "1至",
        "第",
        "第1",
        "人民币",
        "人民币1",
        "1万",
        "1万亿",
        "1十",
        "1十万",
        "USD 1",
        "RMB1",
        "1:",
        "1/",
        "1+",
        "+1",
        "(1",
        "1)",
        "“1",
        "1”",
        "9点",
        "9分",
        "90后",
        "1 ",
        " 1 ",
        "1  人",
        "1e400",
        "😀1😀个",
        "1\u{301}个",
        "1,000,000,000,000,000,000,000,000,000,000,000万亿元",
        &"9".repeat(400),
        &"1.".repeat(50),
        &"1—".repeat(50),
        "\n1.\n2、\n(3)",
    ];
    let mixed = "11月16日,集中引进硕士、博士优秀人才3944名,签约落地人才项目 260 个、总额$3.2 billion，增长12%。";
    let mut inputs: Vec<String> = samples.iter().map(|s| s.to_string()).collect();
    // Every prefix and suffix of a realistic sentence, cut at each character.
    for (i, _) in mixed.char_indices() {
        inputs.push(mixed[..i].to_string());
        inputs.push(mixed[i..].to_string());
    }
    for text in &inputs {
        for lang in [Lang::Zh, Lang::En] {
            for f in all(text, lang) {
                assert!(text.get(f.range.clone()).is_some(), "{text:?}: bad range {:?}", f.range);
                assert!(f.value.is_finite(), "{text:?}");
            }
        }
    }
}

#[test]
fn long_repetitive_input_is_handled() {
    // Many equal figures with unrelated labels: merging must stay bounded
    // and the result must still be correct.
    let text: String = (0..20_000).map(|i| format!("第{i}批签约金额{}亿元,", i % 1000)).collect();
    let figures = key_figures(&text, &[], Lang::Zh, 5);
    assert_eq!(figures.len(), 5);
    assert!(figures.iter().all(|f| f.unit == "元" && f.label == "签约金额"), "{figures:?}");
}

/// (text, surface, value, value_max, unit, kind) for every figure a case expects.
type Reading<'a> = (&'a str, &'a str, f64, Option<f64>, &'a str, FigureKind);

#[track_caller]
fn check_readings(cases: &[Reading], lang: Lang) {
    for &(text, surface, value, value_max, unit, kind) in cases {
        let figures = all(text, lang);
        let f = find(text, &figures, surface);
        assert_eq!((f.value, f.value_max, f.unit, f.kind), (value, value_max, unit, kind), "{text}");
    }
}

#[test]
fn chinese_numerals_and_mixed_forms_are_read() {
    use FigureKind::{Count, Measure, Money, Other};
    let cases: &[Reading] = &[
        ("全年引进人才三千九百四十四名", "三千九百四十四名", 3944.0, None, "名", Count),
        ("新建两座水厂", "两座", 2.0, None, "座", Count),
        ("开展十二场路演", "十二场", 12.0, None, "场", Count),
        ("数字经济规模达一点七八万亿元", "一点七八万亿元", 1.78e12, None, "元", Money),
        ("招聘3万4000人", "3万4000人", 34_000.0, None, "人", Count),
        ("园区面积五千零六亩", "五千零六亩", 5006.0, None, "亩", Measure),
        ("捐款壹仟玖佰元整", "壹仟玖佰元整", 1900.0, None, "元", Money),
        ("本月开销一百二十三元四角五分", "一百二十三元四角五分", 123.45, None, "元", Money),
        ("展会吸引观众三万五", "三万五", 35_000.0, None, "", Other),
        ("成交额２．５亿元", "２．５亿元", 250_000_000.0, None, "元", Money),
        ("合同额82，316.50元", "82，316.50元", 82_316.5, None, "元", Money),
        ("销量达４，５６５台", "４，５６５台", 4565.0, None, "台", Count),
        ("累计投入5亿3000万元", "5亿3000万元", 530_000_000.0, None, "元", Money),
        ("新增岗位近百个", "百个", 100.0, None, "个", Count),
    ];
    check_readings(cases, Lang::Zh);
}

#[test]
fn english_number_words_and_scales_are_read() {
    use FigureKind::{Count, Measure, Money, Percent};
    let cases: &[Reading] = &[
        ("The council hired twelve inspectors.", "twelve", 12.0, None, "", Count),
        ("Some twenty-five thousand fans came.", "twenty-five thousand", 25_000.0, None, "", Count),
        ("The town spent 3,925 dollars on signs.", "3,925 dollars", 3925.0, None, "USD", Money),
        ("It bought a 45-acre plot.", "45-acre", 45.0, None, "acres", Measure),
        ("Turnout was about 61 percent.", "61 percent", 61.0, None, "%", Percent),
        ("The fund holds € 2 million in cash.", "€ 2 million", 2e6, None, "EUR", Money),
        (
            "The line runs three hundred and five kilometres.",
            "three hundred and five kilometres",
            305.0,
            None,
            "km",
            Measure,
        ),
        ("Unemployment fell by 0.4 percentage points.", "0.4 percentage points", 0.4, None, "pp", FigureKind::Change),
    ];
    check_readings(cases, Lang::En);
}

#[test]
fn percentages_points_and_ratios_are_kept_apart() {
    use FigureKind::{Other, Percent};
    let cases: &[Reading] = &[
        ("绿化覆盖率达到百分之三十", "百分之三十", 30.0, None, "%", Percent),
        ("不良率控制在千分之五", "千分之五", 5.0, None, "‰", Percent),
        ("占比为71.8%", "71.8%", 71.8, None, "%", Percent),
        ("市场份额占2.5个百分点", "2.5个百分点", 2.5, None, "个百分点", Percent),
        ("男女比例为1:4", "1:4", 0.25, None, "ratio", Other),
    ];
    check_readings(cases, Lang::Zh);
}

#[test]
fn ranges_keep_both_ends() {
    use FigureKind::{Count, Money, Percent};
    let cases: &[Reading] = &[
        ("预计营收29.31-32.31亿元", "29.31-32.31亿元", 2_931_000_000.0, Some(3_231_000_000.0), "元", Money),
        ("新建2-3座加氢站", "2-3座", 2.0, Some(3.0), "座", Count),
        ("单价在3万-5万元之间", "3万-5万元", 30_000.0, Some(50_000.0), "元", Money),
        ("补贴两到三万元", "两到三万元", 20_000.0, Some(30_000.0), "元", Money),
        ("月薪从8500到1万元不等", "8500到1万元", 8500.0, Some(10_000.0), "元", Money),
        ("税率为5%~8%", "5%~8%", 5.0, Some(8.0), "%", Percent),
    ];
    check_readings(cases, Lang::Zh);
}

#[test]
fn qualifiers_are_kept_as_written() {
    // (lang, text, surface, qualifier)
    let cases: &[(Lang, &str, &str, &str)] = &[
        (Lang::Zh, "榜单金额超3亿元", "3亿元", "超"),
        (Lang::Zh, "服务企业超过200家", "200家", "超过"),
        (Lang::Zh, "参会人数逾5000人", "5000人", "逾"),
        (Lang::Zh, "项目占地约32亩", "32亩", "约"),
        (Lang::Zh, "吸引3800余人参加", "3800余人", "余"),
        (Lang::Zh, "签约20多项协议", "20多项", "多"),
        (Lang::Zh, "落实率保持在85%以上", "85%", "以上"),
        (Lang::Zh, "工期100天左右", "100天", "左右"),
        (Lang::Zh, "资金缺口不足50万元", "50万元", "不足"),
        (Lang::Zh, "带动近百家企业", "百家", "近"),
        (Lang::Zh, "最近3年新增企业120家", "120家", ""),
        (Lang::En, "The project employs over 2,000 people.", "2,000", "over"),
        (Lang::En, "It cost about $4 million.", "$4 million", "about"),
        (Lang::En, "Nearly 300 homes lost power.", "300", "nearly"),
        (Lang::En, "They raised more than $1.2bn.", "$1.2bn", "more than"),
    ];
    for &(lang, text, surface, qualifier) in cases {
        let figures = all(text, lang);
        assert_eq!(find(text, &figures, surface).qualifier, qualifier, "{text}");
    }
}

#[test]
fn changes_have_a_direction_and_a_baseline() {
    use crate::schema::Direction::{Down, Up};
    // (lang, text, surface, direction, compared_to)
    let cases: &[(Lang, &str, &str, Direction, &str)] = &[
        (Lang::Zh, "新增科技型企业13646家,同比增长125.5%", "125.5%", Up, "同比"),
        (Lang::Zh, "研发人员超过20万人、较上年度增长21.8%", "21.8%", Up, "较上年度"),
        (Lang::Zh, "工业用电量环比下降3.2%", "3.2%", Down, "环比"),
        (Lang::Zh, "失业率比去年同期回落0.3个百分点", "0.3个百分点", Down, "比去年同期"),
        (Lang::Zh, "能耗减少了12%", "12%", Down, ""),
        (Lang::Zh, "与上年相比,进口额增长8%", "8%", Up, ""),
        (Lang::Zh, "出口额增长了1.5倍", "1.5倍", Up, ""),
        (Lang::En, "Sales rose 12% from a year earlier.", "12%", Up, "from a year earlier"),
        (Lang::En, "Profit fell by $3bn year on year.", "$3bn", Down, "year on year"),
        (Lang::En, "Exports dropped 4.1 percent.", "4.1 percent", Down, ""),
    ];
    for &(lang, text, surface, direction, compared_to) in cases {
        let figures = all(text, lang);
        let f = find(text, &figures, surface);
        assert_eq!(f.kind, FigureKind::Change, "{text}");
        assert_eq!((f.direction, f.compared_to.as_str()), (Some(direction), compared_to), "{text}");
    }
    // A new level is no change: "增长至" and "rose to" name where it ended.
    for (lang, text, surface) in [
        (Lang::Zh, "产值增长至300亿元", "300亿元"),
        (Lang::En, "Revenue rose 12% to $3.2 billion.", "$3.2 billion"),
        (Lang::Zh, "签约金额36.85亿元", "36.85亿元"),
    ] {
        let figures = all(text, lang);
        let f = find(text, &figures, surface);
        assert_ne!(f.kind, FigureKind::Change, "{text}");
        assert_eq!(f.direction, None, "{text}");
    }
}

#[test]
fn dates_and_times_are_reported_as_dates() {
    // (text, the dates expected, in order)
    let cases: &[(&str, &[&str])] = &[
        ("11月16日,大会在重庆开幕", &["11月16日"]),
        ("力争到2035年建成教育强市", &["2035年"]),
        ("今年1—11月新增企业13646家", &["1—11月"]),
        ("会议于上午9时开始", &["上午9时"]),
        ("大会定于11月23日至24日举行", &["11月23日至24日"]),
        ("会谈持续到10:30", &["10:30"]),
        ("二〇二五年启动建设", &["二〇二五年"]),
        ("每周一开放", &["一"]),
    ];
    for &(text, expected) in cases {
        let found = super::find(text, &[], Lang::Zh, 10);
        let dates: Vec<&str> = found.dates.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(dates, expected, "{text}");
        assert!(found.all.iter().all(|f| !expected.contains(&&text[f.range.clone()])), "{text}: {:?}", found.all);
    }
    let en: &[(&str, &[&str])] = &[
        ("The summit opened on November 16, 2025 in Lima.", &["November 16, 2025"]),
        ("It opened on 16 Nov at 9:30 a.m. sharp.", &["16 Nov", "9:30 a.m."]),
        ("Output will double by 2027.", &["2027"]),
    ];
    for &(text, expected) in en {
        let found = super::find(text, &[], Lang::En, 10);
        let dates: Vec<&str> = found.dates.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(dates, expected, "{text}");
        assert!(found.all.is_empty(), "{text}: {:?}", found.all);
    }
    // Durations are figures, not dates.
    let text = "重庆已连续4年举办大会,为期两天";
    let figures = all(text, Lang::Zh);
    assert_eq!(find(text, &figures, "4年").unit, "年");
    assert_eq!(find(text, &figures, "两天").value, 2.0);
    assert!(super::find(text, &[], Lang::Zh, 10).dates.is_empty());
}

#[test]
fn numerals_inside_words_and_names_are_not_read() {
    let zh = [
        "推进一带一路建设",
        "宾客来自五湖四海",
        "培养新一代青年",
        "坚持三位一体布局",
        "全国两会召开",
        "建设双一流高校",
        "群众对服务十分满意",
        "聚焦“416”科技创新布局",
        "构建“33618”现代制造业集群体系",
        "第三届大会开幕",
        "位列全国第二",
        "这是一个重要机遇",
        "统一规划、唯一入口",
        "二十国集团峰会",
        "落实“十四五”规划",
        "陆续开展活动",
        "(上接02版)",
    ];
    for text in zh {
        let figures = all(text, Lang::Zh);
        assert!(figures.is_empty(), "{text:?} gave {figures:?}");
    }
    let en = ["One of the speakers left.", "It was a one-off event.", "A three-year plan was set."];
    for text in en {
        let figures = all(text, Lang::En);
        assert!(figures.is_empty(), "{text:?} gave {figures:?}");
    }
    // A counter after a numeral in a name is still read where it counts.
    let text = "邀请62位嘉宾出席";
    assert_eq!(find(text, &all(text, Lang::Zh), "62位").value, 62.0);
}

#[test]
fn totals_outrank_their_parts() {
    let text = "其中一期投资120亿元,二期投资150亿元,共计投资300亿元。";
    let figures = all(text, Lang::Zh);
    let order: Vec<&str> = figures.iter().map(|f| &text[f.range.clone()]).collect();
    assert_eq!(order[0], "300亿元", "{order:?}");
}

#[test]
fn the_reading_hooks_agree_with_the_engine() {
    assert_eq!(super::read_chinese_numeral("一百九十万零三千九百七十一"), Some(1_903_971.0));
    assert_eq!(super::read_chinese_numeral("负一七二零点一"), Some(-1720.1));
    assert_eq!(super::read_chinese_numeral("廿二"), Some(22.0));
    assert_eq!(super::read_chinese_numeral("十分满意"), None);
    let (readings, dates) = super::read_numbers("11月16日签约36.85亿元");
    assert_eq!(readings.len(), 1);
    assert_eq!(readings[0].value, 3_685_000_000.0);
    assert_eq!(dates, vec![0..10]);
}

#[test]
fn random_mixes_of_number_characters_never_panic() {
    // Pieces the scanner reacts to, glued in pseudo-random order.
    let pieces = [
        "1",
        "２",
        ".",
        "．",
        ",",
        "，",
        " ",
        "-",
        "—",
        "到",
        "至",
        "~",
        "$",
        "€",
        "£",
        "¥",
        "人民币",
        "万",
        "亿",
        "千",
        "百",
        "十",
        "一",
        "两",
        "三",
        "零",
        "〇",
        "点",
        "负",
        "百分之",
        "千分之",
        "个百分点",
        "%",
        "元",
        "角",
        "分",
        "整",
        "个",
        "名",
        "年",
        "月",
        "日",
        "时",
        "第",
        "近",
        "超",
        "约",
        "余",
        "多",
        "以上",
        "增长",
        "下降",
        "同比",
        "较上年",
        "rose",
        "by",
        "million",
        "bn",
        "twenty",
        "-",
        "five",
        "hundred",
        "and",
        "point",
        "percent",
        "about",
        "😀",
        "\n",
        ":",
        "/",
        "+",
        "“",
        "”",
        "(",
        ")",
        "廿",
        "壹",
        "陆",
        "十分",
        "一带一路",
    ];
    let mut next = pseudo_random(0x9E37_79B9_7F4A_7C15);
    for _ in 0..3000 {
        let len = (next() % 12) as usize + 1;
        let text: String = (0..len).map(|_| pieces[(next() % pieces.len() as u64) as usize]).collect();
        for lang in [Lang::Zh, Lang::En] {
            let found = super::find(&text, &[], lang, 5);
            for f in found.all.iter().chain(&found.key) {
                assert!(text.get(f.range.clone()).is_some(), "{text:?}: bad range {:?}", f.range);
                assert!(f.value.is_finite(), "{text:?}");
            }
            assert!(found.dates.iter().all(|r| text.get(r.clone()).is_some()), "{text:?}");
        }
        let (readings, _) = super::read_numbers(&text);
        assert!(readings.iter().all(|r| text.get(r.range.clone()).is_some()), "{text:?}");
    }
}

#[test]
fn a_bold_figure_outranks_the_same_figure_in_plain_text() {
    let text = "全市新增科技型企业13646家";
    let at = text.find("13646").unwrap();
    let plain = [SentenceContext { range: 0..text.len(), weight: 0.5, in_heading: false, bold: Vec::new() }];
    let bold = [SentenceContext {
        range: 0..text.len(),
        weight: 0.5,
        in_heading: false,
        bold: std::iter::once(at..text.len()).collect(),
    }];
    let plain_score = key_figures(text, &plain, Lang::Zh, 1)[0].score;
    let bold_score = key_figures(text, &bold, Lang::Zh, 1)[0].score;
    assert!(bold_score > plain_score, "bold {bold_score} vs plain {plain_score}");
}

#[test]
fn the_scanner_skips_no_character_that_starts_a_number() {
    // The fast filter must let through every character a token can start
    // with, or numbers would silently go unread.
    let missed: Vec<char> = (0..=u32::from(char::MAX))
        .filter_map(char::from_u32)
        .filter(|&c| super::scan::may_start_token(c) && !super::scan::START_CHARS.may_hold(c))
        .collect();
    assert!(missed.is_empty(), "characters skipped by the filter: {missed:?}");
}

#[test]
fn significant_digits_agree_with_the_shortest_notation() {
    let values =
        [0.0, 1.0, -7.0, 10.0, 3944.0, 30_000.0, 510e8, 125.5, 0.3, 1.7e8, 2_000_000_000_000.0, 9.007e15, 1.5e300];
    for value in values {
        let written = format!("{value:e}");
        let want = written.split('e').next().unwrap().chars().filter(char::is_ascii_digit).count();
        assert_eq!(super::significant_digits(value), want, "{value} is written {written}");
    }
}

/// Floats to check fast paths on: whole numbers of every size (and their
/// neighbours at the limits), fractions, signed zeros, and non-finite values.
fn awkward_values() -> Vec<f64> {
    let mut next = pseudo_random(0x2545_F491_4F6C_DD1D);
    let mut values = vec![
        0.0,
        -0.0,
        0.5,
        -0.5,
        1e12,
        -1e12,
        1e12 - 1.0,
        1e12 + 1.0,
        1e15,
        1e15 - 1.0,
        1e15 + 1.0,
        9_007_199_254_740_992.0,
        9_007_199_254_740_993.0,
        1.78e12,
        1.7800000000000002e12,
        0.1 + 0.2,
        f64::MAX,
        f64::MIN_POSITIVE,
        f64::INFINITY,
        f64::NEG_INFINITY,
        f64::NAN,
    ];
    values.extend((0..2000).map(f64::from));
    for _ in 0..20_000 {
        let digits = next() % 19;
        let whole = (next() % 10u64.pow(digits as u32 + 1)) as f64;
        let sign = if next() % 4 == 0 { -1.0 } else { 1.0 };
        values.push(sign * whole);
        values.push(sign * whole / 10f64.powi((next() % 6) as i32));
        values.push(f64::from_bits(next()));
    }
    values
}

#[test]
fn tidy_takes_its_shortcut_only_where_formatting_agrees() {
    for value in awkward_values() {
        let slow: f64 = format!("{value:.11e}").parse().unwrap_or(value);
        let fast = super::numerals::tidy(value);
        assert!(fast.to_bits() == slow.to_bits() || (fast.is_nan() && slow.is_nan()), "{value:e}: {fast} vs {slow}");
    }
}

#[test]
fn shortest_ascii_writes_what_display_writes() {
    for value in awkward_values() {
        assert_eq!(super::scan::shortest_ascii(value), format!("{value}"), "{value:e}");
    }
}

#[test]
fn exact_scaling_agrees_with_the_parser() {
    let mut next = pseudo_random(0x9E37_79B9_7F4A_7C15);
    let mut written: Vec<String> =
        ["0", "-0", "1", "1.87", "36.85", "0.5", "007", "3944", "9007199254740993", "1.0000000000000001"]
            .iter()
            .map(|s| s.to_string())
            .collect();
    written.extend(awkward_values().into_iter().filter(|v| v.is_finite()).map(|v| format!("{v}")));
    for _ in 0..20_000 {
        let len = next() % 18 + 1;
        let mut ascii: String = (0..len).map(|_| char::from(b'0' + (next() % 10) as u8)).collect();
        if next() % 2 == 0 {
            let at = (next() % len) as usize + 1;
            if at < ascii.len() {
                ascii.insert(at, '.');
            }
        }
        if next() % 5 == 0 {
            ascii.insert(0, '-');
        }
        written.push(ascii);
    }
    let mut taken = 0;
    for ascii in &written {
        for exp in -4..=30 {
            let slow: f64 = format!("{ascii}e{exp}").parse().unwrap_or(f64::NAN);
            if let Some(fast) = super::scan::exact_scaled(ascii, exp) {
                taken += 1;
                assert_eq!(fast.to_bits(), slow.to_bits(), "{ascii}e{exp}: {fast} vs {slow}");
            }
        }
    }
    assert!(taken > written.len(), "the fast path is rarely taken: {taken}");
}

#[test]
fn labels_without_quotes_or_brackets_need_no_tidying_of_marks() {
    use super::label::{tidy_marks, trim_punct, QUOTES_AND_BRACKETS};
    let pieces = [
        "签约", "金额", "、", "，", ",", "—", "-", " ", "·", "■", "：", ":", "；", "）", ")", "”", "’", "」", "》",
        ".", "…", "(", "（", "“", "‘", "「", "【", "《", "\"", "3", "a", "达", "的",
    ];
    let mut next = pseudo_random(0x1234_5678_9ABC_DEF1);
    let mut checked = 0;
    for _ in 0..20_000 {
        let len = (next() % 8) as usize + 1;
        let text: String = (0..len).map(|_| pieces[(next() % pieces.len() as u64) as usize]).collect();
        let trimmed = trim_punct(&text);
        if !trimmed.contains(QUOTES_AND_BRACKETS) {
            assert_eq!(tidy_marks(trimmed), trimmed, "{text:?}");
            checked += 1;
        }
    }
    assert!(checked > 1000, "only {checked} labels checked");
}

#[test]
fn word_edge_tests_agree_with_the_standard_ones() {
    use super::units::{ends_with_word, starts_with_word, CURRENCY_PREFIXES, SCALES};
    let words: Vec<&str> =
        CURRENCY_PREFIXES.iter().map(|w| w.0).chain(SCALES.iter().map(|w| w.0)).chain([""]).collect();
    let texts = ["", "$", "US$3", "人民币", "3 million", "bn", "b", "USD ", "港币", "1.2 mln", "€", "¥5", "元"];
    for text in texts {
        for word in &words {
            assert_eq!(starts_with_word(text, word), text.starts_with(word), "{text:?} {word:?}");
            assert_eq!(ends_with_word(text, word), text.ends_with(word), "{text:?} {word:?}");
        }
    }
}

#[test]
fn the_first_and_last_character_filters_agree_with_the_character_filter() {
    let filters =
        [super::scan::START_CHARS, super::units::CharFilter::new("、，。元亿%€\u{80}\u{7ff}\u{800}\u{ffff}😀")];
    let contexts = ["", "a", "元", "€", "😀", "\u{7ff}"];
    for filter in &filters {
        for c in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
            for context in contexts {
                let first = format!("{c}{context}");
                let last = format!("{context}{c}");
                assert_eq!(filter.may_hold_first(first.as_bytes()), filter.may_hold(c), "{c:?} before {context:?}");
                assert_eq!(filter.may_hold_last(last.as_bytes()), filter.may_hold(c), "{c:?} after {context:?}");
            }
        }
        assert!(!filter.may_hold_first(b"") && !filter.may_hold_last(b""));
    }
}

#[test]
fn the_byte_look_for_quotes_and_brackets_misses_none() {
    use super::label::{may_hold_quote_or_bracket, QUOTES_AND_BRACKETS};
    for c in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
        let text = format!("签约{c}金额");
        if text.contains(QUOTES_AND_BRACKETS) {
            assert!(may_hold_quote_or_bracket(&text), "{c:?}");
        }
    }
    // Chinese text alone, and the characters the quotes and brackets share
    // continuation bytes with, pass unlooked at.
    assert!(!may_hold_quote_or_bracket("技术合同交易额同比增长、签约金额ab12"));
}

#[test]
fn the_scale_tables_hold_only_words_that_start_with_a_letter() {
    // `longest_prefix` answers a rest that starts with anything else at once.
    for (word, _) in super::units::SCALES.iter().chain(super::units::MONEY_SCALES) {
        assert!(word.as_bytes()[0].is_ascii_alphabetic(), "{word:?}");
    }
}

// The form parser on line-broken pdftotext output: every cell broken over lines, labels wrapped
// ("计划开始日\n期", "成本指\n标"), vertical captions split into characters, values and names
// wrapped, the two goal columns printed one after the other, the 填报表 variant.
#include <gtest/gtest.h>

#include "form_test_util.h"

namespace jixiao {
namespace {

using namespace form_test;

// A 申报表 the way pdftotext breaks it (built after the Songjiang gov-office forms).
const std::vector<std::string> kDeclarationForm = {
    "财政项目支出绩效目标申报表",                     // 1
    "（2024 年度）",                                  // 2
    "",                                               // 3
    "项目名称",                                       // 4
    "区政府办常规业务",                               // 5
    "",                                               // 6
    "保障",                                           // 7
    "项目性质 其他经常性项目",                        // 8
    "项目",                                           // 9
    "",                                               // 10
    "类别",                                           // 11
    "其他运转类",                                     // 12
    "",                                               // 13
    "主管部门",                                       // 14
    "上海市松江区人",                                 // 15
    "",                                               // 16
    "民政府办公室",                                   // 17
    "实施单位 上海市松江区人民政府办公室（本级）",    // 18
    "",                                               // 19
    "计划开始日",                                     // 20
    "",                                               // 21
    "期",                                             // 22
    "2024-01-01",                                     // 23
    "计划完成",                                       // 24
    "",                                               // 25
    "日期",                                           // 26
    "2024-12-31",                                     // 27
    "项目资金",                                       // 28
    "（元）",                                         // 29
    "项目资金总额 37,780,000.00 年度资金申请总额 37,780,000.00",  // 30
    "其中：财政资金 37,780,000.00",                   // 31
    "其中：当年财政拨款 37,000,000.00",               // 32
    "上年结转资金 780,000.00",                        // 33
    "其他资金 0.00 其他资金 0.00",                    // 34
    "项",                                             // 35
    "目",                                             // 36
    "绩",                                             // 37
    "效",                                             // 38
    "目",                                             // 39
    "标",                                             // 40
    "项目总目标 年度总体目标",                        // 41
    "按照有关规定划拨援藏、援滇项目资金，签",         // 42
    "订携手兴乡村合作协议。",                         // 43
    "按照有关规定划拨援藏、援滇项目资金，签订",       // 44
    "携手兴乡村合作协议。",                           // 45
    "一级指",                                         // 46
    "标",                                             // 47
    "二级指标 三级指标 年度(/项目)指标值",            // 48
    "绩",                                             // 49
    "效",                                             // 50
    "指",                                             // 51
    "标",                                             // 52
    "成本指",                                         // 53
    "标",                                             // 54
    "经济成本",                                       // 55
    "指标",                                           // 56
    "援藏干部人才人均工作经费 ≤25.00(万元)",          // 57
    "产出指",                                         // 58
    "标",                                             // 59
    "数量指标 双十扶持对口共建结对单位数 ≥2.00(家)",  // 60
    "",                                               // 61
    "人才培训参训人数 ≥100.00(人)",                   // 62
    "质量指标 项目完成率 ≥90.00(%)",                  // 63
    "效益指",                                         // 64
    "标",                                             // 65
    "可持续影",                                       // 66
    "响指标",                                         // 67
    "长效管理机制健全性 健全",                        // 68
    "满意度",                                         // 69
    "指标",                                           // 70
    "服务对象",                                       // 71
    "满意度指",                                       // 72
    "标",                                             // 73
    "援派干部挂职单位满意度 ≥90.00(%)",               // 74
};

TEST(FormParserLineBroken, ReadsHeadFieldsAcrossWrappedLabelsAndValues) {
  Project p = parse_lines(kDeclarationForm);
  EXPECT_TRUE(p.has_form);
  EXPECT_EQ(text(p.name), "区政府办常规业务保障");
  EXPECT_EQ(p.name.span.first_line, 5);
  EXPECT_EQ(p.name.span.last_line, 7);
  EXPECT_EQ(text(p.nature), "其他经常性项目");
  EXPECT_EQ(text(p.category), "其他运转类");
  EXPECT_EQ(p.category.span.first_line, 12);
  EXPECT_EQ(text(p.department), "上海市松江区人民政府办公室");
  EXPECT_EQ(p.department.span.first_line, 15);
  EXPECT_EQ(p.department.span.last_line, 17);
  EXPECT_EQ(text(p.implementer), "上海市松江区人民政府办公室（本级）");
  EXPECT_EQ(iso(p.start), "2024-01-01");
  EXPECT_EQ(p.start.span.first_line, 23);
  EXPECT_EQ(iso(p.end), "2024-12-31");
  EXPECT_EQ(p.end.span.first_line, 27);
  EXPECT_TRUE(p.unreadable.empty()) << describe(p.unreadable);
}

TEST(FormParserLineBroken, ReadsTheSevenAmountsInBothColumns) {
  Project p = parse_lines(kDeclarationForm);
  EXPECT_EQ(yuan(p.funds.total), "37780000.00");
  EXPECT_EQ(yuan(p.funds.annual_total), "37780000.00");
  EXPECT_EQ(yuan(p.funds.fiscal), "37780000.00");
  EXPECT_EQ(yuan(p.funds.current_appropriation), "37000000.00");
  EXPECT_EQ(yuan(p.funds.carryover), "780000.00");
  EXPECT_EQ(yuan(p.funds.other), "0.00");
  EXPECT_EQ(yuan(p.funds.annual_other), "0.00");
  EXPECT_EQ(p.funds.carryover.span.first_line, 33);
  EXPECT_EQ(p.funds.annual_other.span.first_line, 34);
}

TEST(FormParserLineBroken, SplitsTheTwoGoalColumnsPrintedOneAfterTheOther) {
  Project p = parse_lines(kDeclarationForm);
  const std::string goal = "按照有关规定划拨援藏、援滇项目资金，签订携手兴乡村合作协议。";
  EXPECT_EQ(text(p.overall_goal), goal);
  EXPECT_EQ(p.overall_goal.span.first_line, 42);
  EXPECT_EQ(p.overall_goal.span.last_line, 43);
  EXPECT_EQ(text(p.annual_goal), goal);
  EXPECT_EQ(p.annual_goal.span.first_line, 44);
  EXPECT_EQ(p.annual_goal.span.last_line, 45);
}

TEST(FormParserLineBroken, SplitsNumberedGoalsWhereTheNumberingStartsOver) {
  // Two different goals listing the sub-projects, in columns of the same width, goal one's last
  // line full: goal two starts at the line that counts from "1、" again.
  Project p = parse_lines({
      "财政项目支出绩效目标申报表",                  // 1
      "项目名称 稳增长专办",                         // 2
      "项目总目标 年度总体目标", "",                 // 3
      "1、公务接待：按照有关规定做好政策解", "",     // 5
      "读。2、政务公开：做好政务公开等保测", "",     // 7
      "评工作，做好企业对政策的知晓度工作。", "",    // 9
      "1、完成隐患排查等工作，加强设施设备", "",     // 11
      "完好率。2、完善突发事件处置能力。", "",       // 13
      "一级指标 二级指标 三级指标 年度(/项目)指标值",
  });
  EXPECT_EQ(text(p.overall_goal),
            "1、公务接待：按照有关规定做好政策解读。2、政务公开：做好政务公开等保测评工作，"
            "做好企业对政策的知晓度工作。");
  EXPECT_EQ(p.overall_goal.span.first_line, 5);
  EXPECT_EQ(p.overall_goal.span.last_line, 9);
  EXPECT_EQ(text(p.annual_goal), "1、完成隐患排查等工作，加强设施设备完好率。2、完善突发事件处置能力。");
  EXPECT_EQ(p.annual_goal.span.first_line, 11);
  EXPECT_TRUE(p.unreadable.empty()) << describe(p.unreadable);
}

TEST(FormParserLineBroken, NumberedGoalsInterleavedByAPageBreakAreFlagged) {
  // Each column's first half, then each column's second half: goal two's numbering runs 1, 2,
  // then goal one's 3, then its own 3: which lines are whose is not printed.
  Project p = parse_lines({
      "财政项目支出绩效目标申报表",                  // 1
      "项目名称 稳增长专办",                         // 2
      "项目总目标 年度总体目标", "",                 // 3
      "1、公务接待：按照有关规定做好政策解", "",     // 5
      "读。2、政务公开：做好政务公开等保测", "",     // 7
      "1、完成隐患排查等工作，加强设施设备", "",     // 9
      "完好率。2、完善突发事件处置能力。", "",       // 11
      "评工作。3、垃圾分类：做好宣传品制作。", "",   // 13
      "3、促进公共服务供给。", "",                   // 15
      "一级指标 二级指标 三级指标 年度(/项目)指标值",
  });
  EXPECT_FALSE(p.overall_goal.has_value());
  EXPECT_FALSE(p.annual_goal.has_value());
  ASSERT_NE(find_unreadable(p, "overall_goal"), nullptr);
  ASSERT_NE(find_unreadable(p, "annual_goal"), nullptr);
}

TEST(FormParserLineBroken, ReadsIndicatorsUnderWrappedAndSplitLabels) {
  Project p = parse_lines(kDeclarationForm);
  std::vector<std::string> expected = {
      "成本指标/经济成本指标/援藏干部人才人均工作经费/≤25.00(万元)",
      "产出指标/数量指标/双十扶持对口共建结对单位数/≥2.00(家)",
      "产出指标/数量指标/人才培训参训人数/≥100.00(人)",
      "产出指标/质量指标/项目完成率/≥90.00(%)",
      "效益指标/可持续影响指标/长效管理机制健全性/健全",
      "满意度指标/服务对象满意度指标/援派干部挂职单位满意度/≥90.00(%)",
  };
  EXPECT_EQ(rows(p), expected);
  ASSERT_EQ(p.indicators.size(), 6u);
  EXPECT_EQ(p.indicators[0].span.first_line, 57);
  EXPECT_EQ(p.indicators[2].span.first_line, 62);
  const Target& t = p.indicators[0].target;
  EXPECT_EQ(t.cmp, Comparator::kLe);
  EXPECT_EQ(t.num, "25.00");
  EXPECT_EQ(t.unit, "万元");
  EXPECT_EQ(p.indicators[4].target.text, "健全");
}

TEST(FormParserLineBroken, ReadsCaptionSplitAcrossAPageBreak) {
  // The vertical 绩效指标 caption torn in two by a page break, with class labels in between.
  Project p = parse_lines({
      "财政项目支出绩效目标申报表",
      "项目名称 大数据与网络信息",
      "一级",
      "指标",
      "二级指标 三级指标 年度(/项目)指标值",
      "绩",
      "效",
      "成本",
      "指标",
      "经济成本",
      "指标",
      "年人均成本 ≤20.00(万)",
      "",
      "",
      "",
      "指",
      "标",
      "产出",
      "指标",
      "数量指标 全年线路巡检次数 ≥4.00(次)",
      "时效指标 故障维修及时性 48小时内",
      "效益",
      "指标",
      "社会效益",
      "指标",
      "支撑网上办事的公众反响 良好",
      "满意",
      "度指",
      "标",
      "服务对象",
      "满意度指",
      "标",
      "用户满意度 ≥90.00(%)",
  });
  std::vector<std::string> expected = {
      "成本指标/经济成本指标/年人均成本/≤20.00(万)",
      "产出指标/数量指标/全年线路巡检次数/≥4.00(次)",
      "产出指标/时效指标/故障维修及时性/48小时内",
      "效益指标/社会效益指标/支撑网上办事的公众反响/良好",
      "满意度指标/服务对象满意度指标/用户满意度/≥90.00(%)",
  };
  EXPECT_EQ(rows(p), expected);
  EXPECT_EQ(p.indicators[2].target.text, "48小时内");
  EXPECT_TRUE(p.unreadable.empty()) << describe(p.unreadable);
}

// A 填报表 (no 项目性质; 成本指标 filed under 产出指标) with names and values wrapped by the
// width of their columns (built after the Songjiang sci-tech service centre forms).
const std::vector<std::string> kFillingForm = {
    "财政项目支出绩效目标填报表 1",  // 1
    "",
    "（2023 年度）",
    "",
    "项目名称 市民服务 项目类别 经常性项目",  // 5
    "",
    "主管部门",
    "上海市松江区科学技",
    "",
    "术委员会",  // 10
    "实施单位 上海市松江区科技创新服务中心",
    "",
    "计划开始日期 2023-01-01",
    "计划完成日",
    "",  // 15
    "期",
    "2023-12-31",
    "项目资金",
    "（元）",
    "项目资金总额 165700.00 年度资金申请总额 165700",  // 20
    "其中：财政资金 165700",
    "其中：当年财政拨款 165700",
    "上年结转资金 0",
    "其他资金 0 其他资金 0",
    "项目绩效目",  // 25
    "标",
    "项目总目标",
    "（2023 年- 2023 年）",
    "年度总目标",
    "做好全区网点新版社保卡培训宣",  // 30
    "传工作。",
    "做好全区网点新版社保卡",
    "培训宣传工作。",
    "绩效指标",
    "一级指",  // 35
    "标",
    "二级指标 三级指标",
    "年度指标",
    "值",
    "产出指",  // 40
    "标",
    "数量指标",
    "全年制作发放宣传单",
    "=56850",
    "",  // 45
    "份",
    "全年制作发放宣传品 =4400 份",
    "宣传单、宣传手册发放网点数",
    "",
    "量",  // 50
    "=22 个",
    "设备故障维修率 应修尽修",
    "质量指标",
    "市民对新版社保卡作用和相关",
    "",  // 55
    "信息的知晓率",
    "=90%",
    "时效指标",
    "宣传品发放及时性",
    "2023 年",  // 60
    "",
    "10 月底",
    "设备耗材采购及时率",
    "按计划及",
    "",  // 65
    "时完成",
    "成本指标",
    "成本合理性 合理",
    "成本控制率",
    "小于预算",  // 70
    "",
    "申请数",
    "效益指",
    "标",
    "社会效益指",  // 75
    "标",
    "系统运行稳定率",
    "全年稳定",
    "运行率≥",
    "95%",  // 80
    "卡片信息准确性 准确",
    "满意度",
    "指标",
    "服务对象满",
    "意度指标",  // 85
    "宣传对象满意度 >=90%",
    "用户对测评完成后系统安全运",
    "",
    "行方面的投诉次数",
    "全年≤5",  // 90
    "",
    "次",
};

TEST(FormParserLineBroken, ReadsTheFillingFormVariantWithoutNature) {
  Project p = parse_lines(kFillingForm);
  EXPECT_EQ(text(p.name), "市民服务");
  EXPECT_FALSE(p.nature.has_value());
  EXPECT_EQ(text(p.category), "经常性项目");
  EXPECT_EQ(text(p.department), "上海市松江区科学技术委员会");
  EXPECT_EQ(text(p.implementer), "上海市松江区科技创新服务中心");
  EXPECT_EQ(iso(p.start), "2023-01-01");
  EXPECT_EQ(iso(p.end), "2023-12-31");
  EXPECT_EQ(yuan(p.funds.total), "165700.00");
  EXPECT_EQ(yuan(p.funds.current_appropriation), "165700.00");
  EXPECT_EQ(yuan(p.funds.carryover), "0.00");
  EXPECT_EQ(yuan(p.funds.annual_other), "0.00");
  // The period caption under 项目总目标 is not part of the goal.
  EXPECT_EQ(text(p.overall_goal), "做好全区网点新版社保卡培训宣传工作。");
  EXPECT_EQ(text(p.annual_goal), "做好全区网点新版社保卡培训宣传工作。");
  EXPECT_EQ(p.annual_goal.span.first_line, 32);
  EXPECT_TRUE(p.unreadable.empty()) << describe(p.unreadable);
}

TEST(FormParserLineBroken, JoinsWrappedNamesAndValuesByColumnWidth) {
  Project p = parse_lines(kFillingForm);
  std::vector<std::string> expected = {
      "产出指标/数量指标/全年制作发放宣传单/=56850份",
      "产出指标/数量指标/全年制作发放宣传品/=4400份",
      "产出指标/数量指标/宣传单、宣传手册发放网点数量/=22个",
      "产出指标/数量指标/设备故障维修率/应修尽修",
      "产出指标/质量指标/市民对新版社保卡作用和相关信息的知晓率/=90%",
      "产出指标/时效指标/宣传品发放及时性/2023年10月底",
      "产出指标/时效指标/设备耗材采购及时率/按计划及时完成",
      "产出指标/成本指标/成本合理性/合理",
      "产出指标/成本指标/成本控制率/小于预算申请数",
      "效益指标/社会效益指标/系统运行稳定率/全年稳定运行率≥95%",
      "效益指标/社会效益指标/卡片信息准确性/准确",
      "满意度指标/服务对象满意度指标/宣传对象满意度/>=90%",
      "满意度指标/服务对象满意度指标/用户对测评完成后系统安全运行方面的投诉次数/全年≤5次",
  };
  EXPECT_EQ(rows(p), expected);
  ASSERT_EQ(p.indicators.size(), expected.size());
  EXPECT_EQ(p.indicators[0].span.first_line, 43);
  EXPECT_EQ(p.indicators[0].span.last_line, 46);
  EXPECT_EQ(p.indicators[0].target.cmp, Comparator::kEq);
  EXPECT_EQ(p.indicators[0].target.num, "56850");
  EXPECT_EQ(p.indicators[0].target.unit, "份");
  // ">=" is kept as printed in the value; the target reads it as ≥.
  EXPECT_EQ(p.indicators[11].target.cmp, Comparator::kGe);
  EXPECT_EQ(p.indicators[11].target.unit, "%");
  EXPECT_EQ(p.indicators[12].target.prefix, "全年");
  EXPECT_EQ(p.indicators[12].target.num, "5");
  EXPECT_EQ(p.indicators[9].target.prefix, "全年稳定运行率");
  EXPECT_EQ(p.indicators[5].target.text, "2023年10月底");
}

// pdftotext prints the lines of a wrapped cell apart (a blank line between) and the next cell on
// the very next line, except across a page break, whose first line it opens with a form feed
// (kept as a leading space by text dumps).
std::vector<std::string> wrapped_value_table(const std::string& last_value_line) {
  return {
      "财政项目支出绩效目标申报表",                      // 1
      "项目名称 门户网站管理",                           // 2
      "一级指标 二级指标 三级指标 年度(/项目)指标值",    // 3
      "产出指标", "", "数量指标", "",                    // 4-7
      "故障响应时间 ≤23.00(分钟)", "",                   // 8
      "全年故障发生率 ≤1.00(%)", "",                     // 10
      "效益指标", "", "社会效益指标", "",                // 12-15
      "系统运行稳定率",                                  // 16: a one-line name, as wide as any
      "全年稳定运行率",                                  // 17: its value, wrapped
      last_value_line, "",                               // 18: the value's last line
      "示范效应 良好",                                   // 20
  };
}

TEST(FormParserLineBroken, ContinuesACellOnTheNextLineOnlyAcrossAPageBreak) {
  Project p = parse_lines(wrapped_value_table(" ≥95%"));
  EXPECT_EQ(rows(p), (std::vector<std::string>{
                         "产出指标/数量指标/故障响应时间/≤23.00(分钟)",
                         "产出指标/数量指标/全年故障发生率/≤1.00(%)",
                         "效益指标/社会效益指标/系统运行稳定率/全年稳定运行率≥95%",
                         "效益指标/社会效益指标/示范效应/良好",
                     }));
  EXPECT_TRUE(p.unreadable.empty()) << describe(p.unreadable);
}

TEST(FormParserLineBroken, AValuePrintedBesideItsNameIsAOneLineValue) {
  // pdftotext prints a wrapped cell as a block of its own: "控制于预算内", printed beside its
  // name, is the whole value, and "服务费用" starts the next row, whose value wraps.
  Project p = parse_lines({
      "财政项目支出绩效目标申报表",                      // 1
      "项目名称 门户网站管理",                           // 2
      "一级指标 二级指标 三级指标 年度(/项目)指标值",    // 3
      "成本指标", "", "经济成本指标", "",                // 4-7
      "志愿服务活动成本 控制于预算内", "",               // 8
      "服务费用", "",                                    // 10
      "小于预算申请", "",                                // 12
      "数", "",                                          // 14
      "产出指标", "", "数量指标", "",                    // 16-19
      "覆盖网点数量 =41.00(个)", "",                     // 20
      "志愿服务覆盖率 ≥99.50(%)",                        // 22
  });
  EXPECT_EQ(rows(p), (std::vector<std::string>{
                         "成本指标/经济成本指标/志愿服务活动成本/控制于预算内",
                         "成本指标/经济成本指标/服务费用/小于预算申请数",
                         "产出指标/数量指标/覆盖网点数量/=41.00(个)",
                         "产出指标/数量指标/志愿服务覆盖率/≥99.50(%)",
                     }));
  EXPECT_TRUE(p.unreadable.empty()) << describe(p.unreadable);
}

TEST(FormParserLineBroken, ARateUnitOnItsOwnLineEndsTheValueAbove) {
  // "<=16 万" reads as a whole quantity, but the line under it holds nothing but the rest of its
  // unit ("元/场"), which is no indicator name.
  Project p = parse_lines({
      "财政项目支出绩效目标申报表",                      // 1
      "项目名称 门户网站管理",                           // 2
      "一级指标 二级指标 三级指标 年度(/项目)指标值",    // 3
      "产出指标", "", "数量指标", "",                    // 4-7
      "发放宣传单数量 >=21份", "",                       // 8
      "故障响应时间 <=4 小时", "",                       // 10
      "成本指标", "",                                    // 12
      "源代码审计单价",                                  // 14
      "<=16 万", "",                                     // 15
      "元/场",                                           // 17
      "服务费用", "",                                    // 18
      "控制于预", "",                                    // 20
      "算内", "",                                        // 22
      "效益指标", "", "社会效益指标", "",                // 24-27
      "支撑网上办事的公众反响 节省",                     // 28
  });
  EXPECT_EQ(rows(p), (std::vector<std::string>{
                         "产出指标/数量指标/发放宣传单数量/>=21份",
                         "产出指标/数量指标/故障响应时间/<=4小时",
                         "产出指标/成本指标/源代码审计单价/<=16万元/场",
                         "产出指标/成本指标/服务费用/控制于预算内",
                         "效益指标/社会效益指标/支撑网上办事的公众反响/节省",
                     }));
  EXPECT_TRUE(p.unreadable.empty()) << describe(p.unreadable);
}

TEST(FormParserLineBroken, AQuantityWrappedOverThreeLinesIsNotContinuedByTheNextName) {
  // "≤" / "1700.00(" / "人次/场)" is a whole value: "每月发送量" under it is no part of it. (Whether
  // it starts a row is weighed against other readings; what is never allowed is a wrong value.)
  Project p = parse_lines({
      "财政项目支出绩效目标申报表",                      // 1
      "项目名称 门户网站管理",                           // 2
      "一级指标 二级指标 三级指标 年度(/项目)指标值",    // 3
      "产出指标", "", "数量指标", "",                    // 4-7
      "完成政策解读数量", "", "≤", "", "1700.00(", "", "人次/场)", "",  // 8-15
      "每月发送量", "", "≤", "", "3100.00(", "", "万条/月)", "",        // 16-23
      "发放宣传单数量 >=21份", "",                       // 24
      "故障响应时间 <=4 小时",                           // 26
  });
  ASSERT_EQ(p.indicators.size(), 4u);
  const std::vector<std::pair<std::string, std::string>> expected = {
      {"完成政策解读数量", "≤1700.00(人次/场)"}, {"每月发送量", "≤3100.00(万条/月)"},
      {"发放宣传单数量", ">=21份"}, {"故障响应时间", "<=4小时"}};
  for (std::size_t k = 0; k < expected.size(); ++k) {
    const Indicator& ind = p.indicators[k];
    std::string at = "indicators[" + std::to_string(k) + "]";
    bool unreadable = find_unreadable(p, at + ".name") && find_unreadable(p, at + ".value");
    if (unreadable) {
      EXPECT_EQ(ind.name, "") << at;
      EXPECT_EQ(ind.value, "") << at;
    } else {
      EXPECT_EQ(ind.name, expected[k].first) << at;
      EXPECT_EQ(ind.value, expected[k].second) << at;
    }
  }
  EXPECT_EQ(p.indicators[2].name, "发放宣传单数量");
  EXPECT_EQ(p.indicators[3].name, "故障响应时间");
}

TEST(FormParserLineBroken, ReadsAWrappedAmountAndAmountsInWan) {
  Project wrapped = parse_lines({
      "财政项目支出绩效目标填报表 3",
      "项目名称 网络信息系统开发",
      "项目资金",
      "（元）",
      "项目资金总额",
      "151225380.0",
      "",
      "0",
      "年度资金申请总额 10016960",
      "其中：财政资金 151225380",
  });
  EXPECT_EQ(yuan(wrapped.funds.total), "151225380.00");
  EXPECT_EQ(wrapped.funds.total.span.first_line, 6);
  EXPECT_EQ(wrapped.funds.total.span.last_line, 8);
  EXPECT_EQ(yuan(wrapped.funds.annual_total), "10016960.00");

  Project wan = parse_lines({
      "财政项目支出绩效目标申报表",
      "项目名称 东西部扶贫帮困",
      "项目资金（万元） 项目资金总额 3778 年度资金申请总额 3778.5",
  });
  EXPECT_EQ(yuan(wan.funds.total), "37780000.00");
  EXPECT_EQ(yuan(wan.funds.annual_total), "37785000.00");
}

TEST(FormParserLineBroken, TitleWithoutFieldsIsReportedUnreadable) {
  Project p = parse_lines({"财政项目支出绩效目标申报表", "（2024 年度）"});
  EXPECT_TRUE(p.has_form);
  EXPECT_FALSE(p.name.has_value());
  EXPECT_TRUE(p.indicators.empty());
  const Unreadable* u = find_unreadable(p, "form");
  ASSERT_NE(u, nullptr);
  EXPECT_EQ(u->span.first_line, 1);
  EXPECT_EQ(u->span.last_line, 2);
}

TEST(FormParserLineBroken, IgnoresRuleLinesAndNotesAfterTheTable) {
  Project p = parse_lines({
      "财政项目支出绩效目标申报表",
      "项目名称 编外人员工作经费",
      "一级指标 二级指标 三级指标 年度(/项目)指标值",
      "满意度指标 服务对象满意度指标 用人单位满意度 满意",
      "--------------------------------",
      "填报说明：本表由项目单位填写。",
  });
  EXPECT_EQ(rows(p), std::vector<std::string>{"满意度指标/服务对象满意度指标/用人单位满意度/满意"});
  EXPECT_TRUE(p.unreadable.empty()) << describe(p.unreadable);
}

}  // namespace
}  // namespace jixiao

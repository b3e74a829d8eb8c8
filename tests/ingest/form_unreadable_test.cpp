// What the form parser does with what it cannot read: garbled characters, amounts and dates that
// do not parse, cells of different columns run together. Such fields are listed as unreadable
// with their span and a reason; amounts and dates are left empty, never guessed.
#include <gtest/gtest.h>

#include "form_test_util.h"

namespace jixiao {
namespace {

using namespace form_test;

TEST(FormParserUnreadable, GarbledAmountAndDateAreNotGuessed) {
  Project p = parse_lines({
      "财政项目支出绩效目标申报表",                           // 1
      "项目名称 东西部扶贫帮困 项目性质 其他经常性项目",     // 2
      "计划开始日期 2O24-01-01 计划完成日期 2024-12-31",     // 3
      "项目资金总额 37,78O,000.00 年度资金申请总额 37,780,000.00",  // 4
  });
  EXPECT_FALSE(p.start.has_value());
  EXPECT_EQ(iso(p.end), "2024-12-31");
  const Unreadable* start = find_unreadable(p, "start");
  ASSERT_NE(start, nullptr);
  EXPECT_EQ(start->span.first_line, 3);
  EXPECT_NE(start->reason.find("2O24-01-01"), std::string::npos);

  EXPECT_FALSE(p.funds.total.has_value());
  EXPECT_EQ(yuan(p.funds.annual_total), "37780000.00");
  const Unreadable* total = find_unreadable(p, "funds_yuan.total");
  ASSERT_NE(total, nullptr);
  EXPECT_EQ(total->span.first_line, 4);
  EXPECT_EQ(find_unreadable(p, "funds_yuan.annual_total"), nullptr);
}

// Forms print yuan with two decimals or none: an amount with one decimal lost a digit to a wrap
// ("25,814,622.6" + "5" elsewhere) and is not read as 25,814,622.60.
TEST(FormParserUnreadable, YuanAmountWithOneDecimalIsNotGuessed) {
  Project p = parse_lines({
      "财政项目支出绩效目标申报表",                                     // 1
      "项目名称 东西部扶贫帮困 项目性质 其他经常性项目",               // 2
      "项目资金总额 27,173,287.00 年度资金申请总额 9,054,429.00",       // 3
      "其中：财政资金 25,814,622.6 其中：当年财政拨款 9,054,429",       // 4
  });
  EXPECT_FALSE(p.funds.fiscal.has_value());
  const Unreadable* fiscal = find_unreadable(p, "funds_yuan.fiscal");
  ASSERT_NE(fiscal, nullptr);
  EXPECT_EQ(fiscal->span.first_line, 4);
  EXPECT_NE(fiscal->reason.find("25,814,622.6"), std::string::npos) << fiscal->reason;
  // Two decimals and none both read.
  EXPECT_EQ(yuan(p.funds.total), "27173287.00");
  EXPECT_EQ(yuan(p.funds.current_appropriation), "9054429.00");
  EXPECT_EQ(find_unreadable(p, "funds_yuan.current_appropriation"), nullptr);
}

// OCR inserts a garbled mark into a label as well as replacing a character: "项 目�性 质" is
// the 项目性质 label, so 项目性质 is in the form but unreadable, not absent.
TEST(FormParserUnreadable, LabelWithAnInsertedGarbledMarkIsNotAbsent) {
  for (std::string nature_label : {"项 目\xEF\xBF\xBD性 质 其他经常性项目",
                                   "项 目\xEF\xBF\xBD性 质 其 他 经 常 性 项 目"}) {
    SCOPED_TRACE(nature_label);
    Project p = parse_lines({
        "财政项目支出绩效目标申报表 项目名称 政务机房运行维护 " + nature_label +
        " 项目类别 特定目标类 主管部门 上海市奉贤区司法局 实施单位 上海市奉贤区青少年活动中心"
        " 计划开始日期 2021-01-01 计划完成日期 2021-12-31 项目资金总额 70,000.96 年度资金申请总额"
        " 70,000.96 其中：财政资金 58,100.80 其中：当年财政拨款 64,400.80 上年结转资金 0.00"
        " 其他资金 11,900.16 其他资金 0.00",
    });
    EXPECT_FALSE(p.nature.has_value());
    const Unreadable* nature = find_unreadable(p, "nature");
    ASSERT_NE(nature, nullptr);
    EXPECT_EQ(nature->span.first_line, 1);
    EXPECT_NE(nature->reason.find("无法识别的字符"), std::string::npos) << nature->reason;
    EXPECT_EQ(yuan(p.funds.total), "70000.96");
  }
}

TEST(FormParserUnreadable, GarbledIndicatorValueAndNameAreFlagged) {
  Project p = parse_lines({
      "财政项目支出绩效目标申报表",
      "项目名称 东西部扶贫帮困",
      "一级指标 二级指标 三级指标 年度(/项目)指标值",
      "成本指标 经济成本指标 援藏干部人才人均工作经费 ≥9O.00(%)",  // 4
      "产出指标 数量指标 人才培\xEF\xBF\xBD参训人数 ≥100.00(人)",  // 5: U+FFFD in the name
      "质量指标 项目完成率 ≥90.00(%)",                            // 6
  });
  ASSERT_EQ(p.indicators.size(), 3u);
  // An unreadable field is null (empty here); what was printed is quoted in the reason.
  EXPECT_EQ(p.indicators[0].value, "");
  EXPECT_FALSE(p.indicators[0].target.quantitative());
  EXPECT_EQ(p.indicators[0].target.text, "");
  EXPECT_EQ(p.indicators[0].name, "援藏干部人才人均工作经费");
  const Unreadable* value = find_unreadable(p, "indicators[0].value");
  ASSERT_NE(value, nullptr);
  EXPECT_EQ(value->span.first_line, 4);
  EXPECT_NE(value->reason.find("≥9O.00(%)"), std::string::npos) << value->reason;
  const Unreadable* name = find_unreadable(p, "indicators[1].name");
  ASSERT_NE(name, nullptr);
  EXPECT_EQ(name->span.first_line, 5);
  EXPECT_EQ(p.indicators[1].name, "");
  EXPECT_EQ(p.indicators[1].value, "≥100.00(人)");
  EXPECT_EQ(find_unreadable(p, "indicators[2].value"), nullptr);
  EXPECT_EQ(find_unreadable(p, "indicators[2].name"), nullptr);
  EXPECT_EQ(p.indicators[2].value, "≥90.00(%)");
}

TEST(FormParserUnreadable, AmountsAwayFromTheirLabelsAreNotAssigned) {
  // OCR read the labels of a row before its amounts: which amount is whose is not printed.
  Project p = parse_lines({
      "财政项目支出绩效目标申报表",
      "项目名称 东西部扶贫帮困",
      "项目资金总额 年度资金申请总额 37,780,000.00 37,000,000.00",  // 3
      "其中：财政资金 37,780,000.00",                                // 4
  });
  EXPECT_FALSE(p.funds.total.has_value());
  EXPECT_FALSE(p.funds.annual_total.has_value());
  ASSERT_NE(find_unreadable(p, "funds_yuan.total"), nullptr);
  ASSERT_NE(find_unreadable(p, "funds_yuan.annual_total"), nullptr);
  EXPECT_EQ(find_unreadable(p, "funds_yuan.annual_total")->span.first_line, 3);
  // The row where label and amount stand together is still read.
  EXPECT_EQ(yuan(p.funds.fiscal), "37780000.00");
}

TEST(FormParserUnreadable, WrappedCellsReadAcrossColumnsAreFlagged) {
  // OCR reading the first row visual line by visual line: the rest of the wrapped name ("保障")
  // and of the torn 项目类别 label come after the other cells.
  Project p = parse_lines({
      "财政项目支出绩效目标申报表",
      "项目名称 区政府办常规业务 项目性质 其他经常性项目 项目 其他运转类 保障 类别",  // 2
      "计划开始日期 2024-01-01 计划完成日期 2024-12-31",  // 3
  });
  // Values read from line 2 may be cut short or run together: none is trusted.
  for (const char* field : {"name", "nature", "category"}) {
    const Unreadable* u = find_unreadable(p, field);
    ASSERT_NE(u, nullptr) << field;
    EXPECT_EQ(u->span.first_line, 2) << field;
  }
  // Dates on a clean line are read.
  EXPECT_EQ(iso(p.start), "2024-01-01");
  EXPECT_EQ(iso(p.end), "2024-12-31");
  EXPECT_EQ(find_unreadable(p, "start"), nullptr);
}

TEST(FormParserUnreadable, ABlankCellOnALineReadAcrossCellsIsFlagged) {
  // OCR reading across the cells: 项目类别 torn round its value, which lands before the label's
  // second half; the label then seems to have no value, but its line holds stray words.
  Project p = parse_lines({
      "财政项目支出绩效目标申报表",
      "项目名称 应急管理运维服务 项目性质 经常性项目 项目 其他运转类 项目 类别 主管部门 "
      "上海市长宁区发 实施单位 上海市长宁区市容环境卫生管理所 展和改革委员会",  // 2
      "计划开始日期 2019-01-01 计划完成日期 2021-12-31",
  });
  EXPECT_FALSE(p.category.has_value());
  const Unreadable* u = find_unreadable(p, "category");
  ASSERT_NE(u, nullptr);
  EXPECT_EQ(u->span.first_line, 2);
}

TEST(FormParserUnreadable, SpacedCellRunIntoASpacedWrappedRestIsFlagged) {
  // A form OCR flattened into one line, letter-spacing two cells: the implementer and, after it,
  // the wrapped rest of the department ("水 务 局"). Normalisation joins them into one word;
  // where the implementer ends is not in the text.
  Project p = parse_lines({
      "财政项目支出绩效目标申报表 项目名称 河道保洁服务 项目类别 经常性项目 主管部门 "
      "上海市浦东新区 实施单位 上 海 市 浦 东 新 区 河 道 管 理 所 水 务 局 "
      "计划开始日期 2024-01-01 计划完成日期 2024-12-31",
  });
  for (const char* field : {"department", "implementer"}) {
    const Unreadable* u = find_unreadable(p, field);
    ASSERT_NE(u, nullptr) << field << "\n" << describe(p.unreadable);
    EXPECT_EQ(u->span.first_line, 1) << field;
    EXPECT_FALSE(u->reason.empty()) << field;
  }
  // (The document parser nulls every listed field: null_unreadable_fields in document.cpp.)
  EXPECT_EQ(iso(p.start), "2024-01-01");
  EXPECT_EQ(iso(p.end), "2024-12-31");
}

TEST(FormParserUnreadable, SpacedCellOnAFormOnSeveralLinesIsRead) {
  // The same spaced implementer on a line of its own: the line ends where the cell ends.
  Project p = parse_lines({
      "财政项目支出绩效目标申报表",
      "项目名称 河道保洁服务 项目类别 经常性项目",
      "主管部门 上海市浦东新区水务局",
      "实施单位 上 海 市 浦 东 新 区 河 道 管 理 所",
      "计划开始日期 2024-01-01 计划完成日期 2024-12-31",
  });
  EXPECT_EQ(text(p.implementer), "上海市浦东新区河道管理所") << describe(p.unreadable);
  EXPECT_EQ(find_unreadable(p, "implementer"), nullptr);
  EXPECT_EQ(text(p.department), "上海市浦东新区水务局");
}

TEST(FormParserUnreadable, GoalsThatCannotBeToldApartAreFlagged) {
  // Two different goals of the same width run together, with two sentence ends before the last
  // line: either could end goal one.
  Project p = parse_lines({
      "财政项目支出绩效目标申报表",
      "项目名称 稳增长专办",
      "项目总目标 年度总体目标",
      "全力稳住经济基本盘。",                        // 4
      "坚持以供给侧结构性改革为主线。",
      "加大六稳六保工作力度，培育壮大新的增长",
      "点，全力以赴完成各项目标任务。",              // 7
      "一级指标 二级指标 三级指标 年度(/项目)指标值",
  });
  EXPECT_FALSE(p.overall_goal.has_value());
  EXPECT_FALSE(p.annual_goal.has_value());
  const Unreadable* overall = find_unreadable(p, "overall_goal");
  ASSERT_NE(overall, nullptr);
  EXPECT_EQ(overall->span.first_line, 4);
  EXPECT_EQ(overall->span.last_line, 7);
  ASSERT_NE(find_unreadable(p, "annual_goal"), nullptr);
}

TEST(FormParserUnreadable, TornTableLabelsMakeTheirBlockUnreadable) {
  // OCR across the table: the pieces of 成本指标 / 经济成本指标 interleave with the rows they
  // span; which rows belong where is not printed.
  Project p = parse_lines({
      "财政项目支出绩效目标申报表",
      "项目名称 东西部扶贫帮困",
      "一级指标 二级指标 三级指标 年度(/项目)指标值",              // 3
      "成本指 经济成本 援藏干部人才人均工作经费 ≤25.00(万元)",    // 4
      "标 指标 援滇干部人均工作经费 ≤15.00(万元)",                // 5
      "产出指标 数量指标 人才培训参训人数 ≥100.00(人)",            // 6
  });
  const Unreadable* u = find_unreadable(p, "indicators");
  ASSERT_NE(u, nullptr);
  EXPECT_EQ(u->span.first_line, 4);
  EXPECT_EQ(u->span.last_line, 5);
  // Only the row under whole labels is read.
  EXPECT_EQ(rows(p), std::vector<std::string>{"产出指标/数量指标/人才培训参训人数/≥100.00(人)"});
}

}  // namespace
}  // namespace jixiao

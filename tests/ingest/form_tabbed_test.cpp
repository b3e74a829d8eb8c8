// The form parser on tab-separated table exports: cells between tabs, rows shifted by empty
// cells, the vertical 绩效指标 caption split over rows ("绩效\t成本指标…", "指标\t产出指标…"),
// goals in cells continued on a second row after a page break, spaced values ("≥ 4.00 (次)").
#include <gtest/gtest.h>

#include "form_test_util.h"

namespace jixiao {
namespace {

using namespace form_test;

TEST(FormParserTabbed, ReadsCellsAndSkipsEmptyOnes) {
  Project p = parse_lines({
      "财政项目支出绩效目标申报表\t\t\t\t\t",
      "(2024年度)\t\t\t\t\t",
      "项目名称\t大数据与网络信息\t项目性质\t其他经常性项目\t项目类别\t其他运转类",
      "主管部门\t上海市松江区人民政府办公室\t实施单位\t上海市松江区大数据中心\t\t",
      "计划开始日期\t2024-01-01\t计划完成日期\t2024-12-31\t\t",
      "项目资金 (元)\t项目资金总额\t10,180,000.00\t年度资金申请总额\t\t10,180,000.00",
      "\t其中：财政资金\t10,180,000.00\t其中：当年财政拨款\t\t10,000,000.00",
      "\t\t\t上年结转资金\t\t180,000.00",
      "\t其他资金\t0.00\t其他资金\t\t0.00",
      "项目绩效目标\t项目总目标\t\t年度总体目标\t\t",
      "\t推进政务信息系统整合共享。\t\t推进政务信息系统整合共享。\t\t",
      "\t一级指标\t二级指标\t三级指标\t年度(/项目)指标值\t",
      "绩效\t成本指标\t经济成本指标\t年人均成本\t≤20.00(万)\t",
      "",
      "指标\t产出指标\t数量指标\t全年线路巡检次数\t≥ 4.00 (次)",
      "\t\t质量指标\t全年故障发生率\t≤ 5.00 (%)",
      "\t\t时效指标\t故障维修及时性\t48 小时内",
      "\t效益指标\t社会效益指标\t支撑网上办事的公众反响\t良好",
      "\t满意度指标\t服务对象满意度指标\t用户满意度\t≥ 90.00 (%)",
  });
  EXPECT_EQ(text(p.name), "大数据与网络信息");
  EXPECT_EQ(text(p.nature), "其他经常性项目");
  EXPECT_EQ(text(p.category), "其他运转类");
  EXPECT_EQ(text(p.department), "上海市松江区人民政府办公室");
  EXPECT_EQ(text(p.implementer), "上海市松江区大数据中心");
  EXPECT_EQ(iso(p.start), "2024-01-01");
  EXPECT_EQ(yuan(p.funds.total), "10180000.00");
  EXPECT_EQ(yuan(p.funds.annual_total), "10180000.00");
  EXPECT_EQ(yuan(p.funds.current_appropriation), "10000000.00");
  EXPECT_EQ(yuan(p.funds.carryover), "180000.00");
  EXPECT_EQ(p.funds.carryover.span.first_line, 8);
  EXPECT_EQ(yuan(p.funds.other), "0.00");
  EXPECT_EQ(yuan(p.funds.annual_other), "0.00");
  EXPECT_EQ(text(p.overall_goal), "推进政务信息系统整合共享。");
  EXPECT_EQ(text(p.annual_goal), "推进政务信息系统整合共享。");
  std::vector<std::string> expected = {
      "成本指标/经济成本指标/年人均成本/≤20.00(万)",
      "产出指标/数量指标/全年线路巡检次数/≥4.00(次)",
      "产出指标/质量指标/全年故障发生率/≤5.00(%)",
      "产出指标/时效指标/故障维修及时性/48小时内",
      "效益指标/社会效益指标/支撑网上办事的公众反响/良好",
      "满意度指标/服务对象满意度指标/用户满意度/≥90.00(%)",
  };
  EXPECT_EQ(rows(p), expected);
  ASSERT_EQ(p.indicators.size(), expected.size());
  EXPECT_EQ(p.indicators[1].span.first_line, 15);
  EXPECT_EQ(p.indicators[1].target.num, "4.00");
  EXPECT_EQ(p.indicators[1].target.unit, "次");
  EXPECT_EQ(p.indicators[3].target.text, "48小时内");
  EXPECT_TRUE(p.unreadable.empty()) << describe(p.unreadable);
}

TEST(FormParserTabbed, ReadsRowsShiftedByEmptyCells) {
  // Labels printed one column early or late, as in the big-data centre's fourth form.
  Project p = parse_lines({
      "财政项目支出绩效目标申报表\t\t\t\t\t",
      "项目名称\t编外人员工作经费\t项目性质\t其他经常性项目\t项目类别\t其他运转类",
      "项目绩效目标\t项目总目标\t\t年度总体目标\t\t",
      "\t完成所在科室分配的工作任务。\t\t完成所在科室分配的工作任务。\t\t",
      "绩效指标\t一级指标\t二级指标\t三级指标\t年度(/项目)指标值\t",
      "\t成本指标\t经济成本指标\t平均用人成本\t≤16.55(万元)\t",
      "\t\t产出指标\t数量指标\t非编人员数量\t≤2.00(人)",
      "\t质量指标\t\t工作完成质量\t达标\t",
      "\t时效指标\t\t工作时效性\t按时完成\t",
      "效益指标\t经济效益指标\t节省用人成本\t节省\t\t",
      "",
      "\t满意度指标\t服务对象满意度指标\t用人单位满意度\t满意",
      "--\t-------\t-----------\t---------\t----",
  });
  std::vector<std::string> expected = {
      "成本指标/经济成本指标/平均用人成本/≤16.55(万元)",
      "产出指标/数量指标/非编人员数量/≤2.00(人)",
      "产出指标/质量指标/工作完成质量/达标",
      "产出指标/时效指标/工作时效性/按时完成",
      "效益指标/经济效益指标/节省用人成本/节省",
      "满意度指标/服务对象满意度指标/用人单位满意度/满意",
  };
  EXPECT_EQ(rows(p), expected);
  EXPECT_EQ(text(p.overall_goal), "完成所在科室分配的工作任务。");
  EXPECT_TRUE(p.unreadable.empty()) << describe(p.unreadable);
}

TEST(FormParserTabbed, JoinsGoalCellsContinuedAfterAPageBreak) {
  Project p = parse_lines({
      "财政项目支出绩效目标申报表",
      "项目名称\t网络信息系统运行与维护",
      "项目 绩效 目标\t项目总目标\t\t年度总体目标\t\t",
      "\t响应及时率应达到 100%；针\t\t响应及时率应达到 100%；针对资产\t\t",
      "",
      "\t对资产管理进行核查。\t\t管理进行核查。\t",
      "\t一级指标\t二级指标\t三级指标\t年度(/项目)指标值",
  });
  EXPECT_EQ(text(p.overall_goal), "响应及时率应达到100%；针对资产管理进行核查。");
  EXPECT_EQ(text(p.annual_goal), "响应及时率应达到100%；针对资产管理进行核查。");
  EXPECT_EQ(p.overall_goal.span.first_line, 4);
  EXPECT_EQ(p.overall_goal.span.last_line, 6);
  EXPECT_TRUE(p.unreadable.empty()) << describe(p.unreadable);
}

TEST(FormParserTabbed, KeepsARowWithAnEmptyValueCellAndSaysSo) {
  Project p = parse_lines({
      "财政项目支出绩效目标申报表",
      "项目名称\t门户网站管理",
      "一级指标\t二级指标\t三级指标\t年度(/项目)指标值",
      "产出指标\t数量指标\t门户网站测评数\t\t",
  });
  ASSERT_EQ(p.indicators.size(), 1u);
  EXPECT_EQ(p.indicators[0].value, "");
  const Unreadable* u = find_unreadable(p, "indicators[0].value");
  ASSERT_NE(u, nullptr);
  EXPECT_EQ(u->span.first_line, 4);
  // The row partition does not yet use tab columns, so it cannot tell whether the lone cell is
  // the name or the value: the name is listed unreadable too, and then it is null (the contract),
  // with the printed text quoted in the reason.
  const Unreadable* name = find_unreadable(p, "indicators[0].name");
  ASSERT_NE(name, nullptr);
  EXPECT_EQ(p.indicators[0].name, "");
  EXPECT_NE(name->reason.find("门户网站测评数"), std::string::npos) << name->reason;
}

}  // namespace
}  // namespace jixiao

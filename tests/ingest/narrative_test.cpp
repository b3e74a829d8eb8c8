// The narrative parser: titles, sections, sub-projects, classified sections, the stated budget
// and the line items of budget tables. Texts are shaped like the real documents (wrapped lines,
// blank lines between them).
#include <gtest/gtest.h>

#include "ingest/lines.h"
#include "ingest/narrative_parser.h"

namespace jixiao {
namespace {

Project parse(const std::string& text, NarrativeInfo* info = nullptr) {
  TextLines lines = split_lines(text);
  Project p;
  NarrativeInfo i = parse_narrative(lines, p);
  if (info) *info = i;
  return p;
}

TEST(Narrative, TitleWrappedOverTwoLines) {
  NarrativeInfo info;
  Project p = parse(
      "项目经费情况说明 8--松江区街镇村居网络租赁（运维）（历\n\n年已批复）\n\n一、项目概述\n\n"
      "主要实施内容为区街镇村居网络租赁项目，该项目最终项目中标金额为 847.4112 万元，为方便计算，拟申请金\n\n"
      "额为 847.5 万元，均分三年支付，每年 282.5 万元。\n\n六、年度预算安排\n\n此次拟申请金额为 282.5 万元。\n",
      &info);
  EXPECT_EQ(info.number, 8);
  EXPECT_EQ(p.narrative_title.value, "松江区街镇村居网络租赁（运维）（历年已批复）");
  EXPECT_EQ(p.narrative_title.span.first_line, 1);
  EXPECT_EQ(p.narrative_title.span.last_line, 3);
  EXPECT_TRUE(p.has_narrative);
  ASSERT_EQ(p.sections.size(), 2u);
  EXPECT_EQ(p.sections[0].number, "一");
  EXPECT_EQ(p.sections[0].heading, "项目概述");
  EXPECT_EQ(p.sections[1].heading, "年度预算安排");
  // The overview states a contract amount and a multi-year request, but no 预算: the year's
  // request in 年度预算安排 is the budget.
  EXPECT_EQ(p.narrative_budget_wan.value, "282.5");
  EXPECT_EQ(p.narrative_budget_wan.span.first_line, 13);
}

TEST(Narrative, OverviewBudgetWinsOverTheBudgetSection) {
  Project p = parse(
      "项目经费情况说明 13--网络信息系统运行与维护\n一、项目概述\n该项目包括 14 个子项目，资金预算总额约为 704.42 万元。\n"
      "六、年度预算安排\n该项目总预算为 835.74 万元。1. 酷维网站错别字监测系统运维 1.8 万元；\n");
  EXPECT_EQ(p.narrative_budget_wan.value, "704.42");
  EXPECT_EQ(p.narrative_budget_wan.span.first_line, 3);
}

TEST(Narrative, BudgetWrappedAcrossLinesAndBare万) {
  Project a = parse("项目经费情况说明 10--稳增长专办\n一、项目概述\n主要实施内容为稳增长领导小组项目，经测算，预算资金约\n\n10 万元。\n");
  EXPECT_EQ(a.narrative_budget_wan.value, "10");
  EXPECT_EQ(a.narrative_budget_wan.span.first_line, 3);
  EXPECT_EQ(a.narrative_budget_wan.span.last_line, 5);
  Project b = parse("项目经费情况说明 1--大数据与网络信息\n一、项目概述\n该项目包括 4 个子项目，预算资金总额约为 1018 万。为贯彻落实国家大数据发展的方针政策\n");
  EXPECT_EQ(b.narrative_budget_wan.value, "1018");
}

TEST(Narrative, PerPersonAmountsAreNotTheBudget) {
  Project p = parse("项目经费情况说明 1--测试\n一、项目概述\n预算按每人 5 万元测算。\n六、年度预算安排\n此次申请资金 10 万元。\n");
  EXPECT_EQ(p.narrative_budget_wan.value, "10");
}

TEST(Narrative, BudgetSectionThatIsOnlyAnAmount) {
  Project p = parse("人民调解项目经费情况说明\n一、项目概述\n人民调解承担着化解社会矛盾的责任。\n六、年度预算安排\n795万元\n七、绩效目标\n推动人民调解工作规范化。\n");
  EXPECT_EQ(p.narrative_title.value, "人民调解");
  EXPECT_EQ(p.narrative_budget_wan.value, "795");
  EXPECT_EQ(p.sections.size(), 3u);
}

TEST(Narrative, NoBudgetStatedMeansNull) {
  Project p = parse("项目经费情况说明\n一、项目概况\n本工程为二类高层建筑。\n六、年度预算安排\n第一季度用款计划158.05万元，第二季度用款计划158.05万元。\n");
  EXPECT_FALSE(p.narrative_title.value);
  EXPECT_FALSE(p.narrative_budget_wan.value);
  EXPECT_EQ(p.sections.size(), 2u);
}

TEST(Narrative, SubProjectsWithTheirOwnSectionsAndBudgets) {
  NarrativeInfo info;
  Project p = parse(
      "项目经费情况说明 1\n项目名称：市民服务\n（一）、项目推进及社保卡宣传活动\n1、项目概述\n"
      "主要实施内容为制作宣传品和宣传单，经测算，预算资金约 135700元。\n4、实施方案\n"
      "项目组成 数量份 单价元 资金需求\n制作宣传单 56850 2元 113700元\n制作宣传品 4400 5元 22000元\n"
      " 6、年度预算安排\n根据 2023年申报情况，年度预算资金需求为 13.57 万元。\n7、绩效目标\n详见单位的项目绩效目标表。\n"
      "（二）、设备更新、维护费（外专服务）\n1、项目概述\n需要维护费用，经测算，预算资金约 30000元。\n"
      "6、年度预算安排\n制卡专用设备维护。\n",
      &info);
  EXPECT_EQ(info.number, 1);
  EXPECT_EQ(p.narrative_title.value, "市民服务");
  EXPECT_EQ(p.narrative_title.span.first_line, 2);
  ASSERT_EQ(p.sub_projects.size(), 2u);
  EXPECT_EQ(p.sub_projects[0].number, "一");
  EXPECT_EQ(p.sub_projects[0].title, "项目推进及社保卡宣传活动");
  // 元 in the overview gives way to the 万元 figure of 年度预算安排, as written.
  EXPECT_EQ(p.sub_projects[0].budget_wan.value, "13.57");
  EXPECT_EQ(p.sub_projects[0].budget_wan.span.first_line, 11);
  // Only 元 stated: converted exactly.
  EXPECT_EQ(p.sub_projects[1].budget_wan.value, "3");
  EXPECT_EQ(p.sub_projects[1].budget_wan.span.first_line, 16);
  // Two sub-projects, no amount for the whole: null.
  EXPECT_FALSE(p.narrative_budget_wan.value);
  ASSERT_EQ(p.sections.size(), 6u);
  EXPECT_EQ(p.sections[0].number, "1");
  EXPECT_EQ(p.sections[0].sub_project, "项目推进及社保卡宣传活动");
  EXPECT_EQ(p.sections[4].sub_project, "设备更新、维护费（外专服务）");
  ASSERT_EQ(p.line_items.size(), 2u);
  const LineItem& li = p.line_items[0];
  EXPECT_EQ(li.name, "制作宣传单");
  EXPECT_EQ(li.quantity, "56850");
  EXPECT_EQ(li.quantity_unit, "份");
  EXPECT_EQ(li.unit_price, "2");
  EXPECT_EQ(li.unit_price_unit, "元");
  EXPECT_EQ(li.amount, "113700");
  EXPECT_EQ(li.amount_unit, "元");
  EXPECT_EQ(li.sub_project, "项目推进及社保卡宣传活动");
  EXPECT_EQ(li.span.first_line, 8);
}

TEST(Narrative, SingleSubProjectBudgetIsTheProjectBudget) {
  Project p = parse(
      "项目经费情况说明 3\n项目名称：网络信息系统开发、升级、建设\n（一）、上海市松江区大数据资源平台\n1、项目概述\n"
      "政务云大数据专区，经测算，预算资金约 3190.86\n万元\n2、立项依据\n依据。\n");
  EXPECT_EQ(p.narrative_title.value, "网络信息系统开发、升级、建设");
  ASSERT_EQ(p.sub_projects.size(), 1u);
  EXPECT_EQ(p.narrative_budget_wan.value, "3190.86");
}

TEST(Narrative, ClassifiedSectionsAreMarked) {
  Project p = parse(
      "项目经费情况说明 4\n项目名称：网络信息系统运行与维护\n（五）、2021年度松江区***工程（运维）\n1、项目概述\n"
      "涉密项目，根据相关要求，暂不公开。\n6、年度预算安排\n2023 年项目预算金额 126 万元。\n 7、绩效目标\n"
      "涉密项目，根据相关要求，暂不公开。\n");
  ASSERT_EQ(p.sections.size(), 3u);
  EXPECT_TRUE(p.sections[0].classified);
  EXPECT_FALSE(p.sections[1].classified);
  EXPECT_TRUE(p.sections[2].classified);
  ASSERT_EQ(p.sub_projects.size(), 1u);
  EXPECT_EQ(p.sub_projects[0].budget_wan.value, "126");
}

TEST(Narrative, NumberedListsInsideSectionsStayBody) {
  Project p = parse(
      "项目经费情况说明 4--政务信息安全服务\n一、项目概述\n（一）加强管理\n1、制度建设。\n二、立项依据\n"
      "1.资金测算：本项目须提供不少于 4 人驻场形式服务\n(1) 酷维网站错别字监测系统（运维）\n三、实施主体\n区大数据中心\n");
  EXPECT_TRUE(p.sub_projects.empty());
  ASSERT_EQ(p.sections.size(), 3u);
  EXPECT_EQ(p.sections[0].text, "（一）加强管理1、制度建设。");
  EXPECT_EQ(p.sections[1].text, "1.资金测算：本项目须提供不少于4人驻场形式服务(1)酷维网站错别字监测系统（运维）");
}

TEST(Narrative, InlineBodyAfterHeading) {
  Project p = parse("项目经费情况说明 2--法律顾问费\n一、项目概述：外聘法律顾问，预算资金约 4 万元。\n五、实施周期 2024 年全年。\n");
  ASSERT_EQ(p.sections.size(), 2u);
  EXPECT_EQ(p.sections[0].text, "外聘法律顾问，预算资金约4万元。");
  EXPECT_EQ(p.sections[1].text, "2024年全年。");
  EXPECT_EQ(p.narrative_budget_wan.value, "4");
}

TEST(Narrative, BracketedSectionNumbersAreSectionsNotSubProjects) {
  Project p = parse(
      "1、门户网站管理项目经费情况说明\n（一）项目概述\n门户网站测评。\n（二）立项依据\n通知。\n"
      "（六）年度预算安排\n年度资金需求为 52.6 万元。\n");
  EXPECT_EQ(p.narrative_title.value, "门户网站管理");
  EXPECT_TRUE(p.sub_projects.empty());
  ASSERT_EQ(p.sections.size(), 3u);
  EXPECT_EQ(p.sections[0].number, "一");
  EXPECT_EQ(p.sections[2].heading, "年度预算安排");
  EXPECT_EQ(p.narrative_budget_wan.value, "52.6");
}

TEST(LineItems, TableWithNamesWrappedAboveTheirNumbers) {
  Project p = parse(
      "项目经费情况说明 1--东西部扶贫帮困\n六、年度预算安排\n援藏援滇项目援助工作项目组成 数量 单价 资金需求\n"
      "援版纳项目 项目由援版纳小组年底统筹上报 1260 万元\n援昭通项目\n项目由援昭通小组\n\n年底统筹上报\n1600 万元\n"
      "援藏援滇干部工作项目组成 数量 单价 资金需求\n援藏干部工作经费 11 25 275\n党政团出访西藏慰问费\n\n"
      "（援藏干部、驻藏干部及医生教师）\n17 1 17\n七、绩效目标\n详见单位的项目绩效目标表\n");
  ASSERT_EQ(p.line_items.size(), 4u);
  EXPECT_EQ(p.line_items[0].amount, "1260");
  EXPECT_EQ(p.line_items[0].amount_unit, "万元");
  EXPECT_EQ(p.line_items[0].quantity, "");
  EXPECT_EQ(p.line_items[1].name, "援昭通项目项目由援昭通小组年底统筹上报");
  EXPECT_EQ(p.line_items[1].amount, "1600");
  EXPECT_EQ(p.line_items[1].span.first_line, 5);
  EXPECT_EQ(p.line_items[1].span.last_line, 9);
  const LineItem& cadre = p.line_items[2];
  EXPECT_EQ(cadre.name, "援藏干部工作经费");
  EXPECT_EQ(cadre.quantity, "11");
  EXPECT_EQ(cadre.unit_price, "25");
  EXPECT_EQ(cadre.amount, "275");
  EXPECT_EQ(cadre.amount_unit, "");  // the table does not say: not guessed
  EXPECT_EQ(p.line_items[3].name, "党政团出访西藏慰问费（援藏干部、驻藏干部及医生教师）");
  EXPECT_EQ(p.line_items[3].unit_price, "1");
  EXPECT_TRUE(p.unreadable.empty());
}

TEST(LineItems, UnitsInCellsAndExpressions) {
  Project p = parse(
      "项目经费情况说明 2--法律顾问费\n六、年度预算安排\n项目资金测算方式\n"
      "单次审核费用（元） 规范性文件数量（件） 总计审核费用（元）\n800 50 800×50=40000\n"
      "公务接待项目组成 数量 单价 资金需求\n餐费（市外） 2000 人 150 元/人 30 万元\n合计 30 万元\n");
  ASSERT_EQ(p.line_items.size(), 2u);
  const LineItem& review = p.line_items[0];
  EXPECT_EQ(review.name, "项目资金测算方式");  // no row name: the table's caption
  EXPECT_EQ(review.unit_price, "800");
  EXPECT_EQ(review.unit_price_unit, "元");
  EXPECT_EQ(review.quantity, "50");
  EXPECT_EQ(review.quantity_unit, "件");
  EXPECT_EQ(review.amount, "40000");
  EXPECT_EQ(review.amount_unit, "元");
  const LineItem& meals = p.line_items[1];
  EXPECT_EQ(meals.name, "餐费（市外）");
  EXPECT_EQ(meals.quantity, "2000");
  EXPECT_EQ(meals.quantity_unit, "人");
  EXPECT_EQ(meals.unit_price, "150");
  EXPECT_EQ(meals.unit_price_unit, "元/人");
  EXPECT_EQ(meals.amount, "30");
  EXPECT_EQ(meals.amount_unit, "万元");
}

TEST(LineItems, HeaderWrappedOverLines) {
  Project p = parse(
      "项目经费情况说明 7--区政府办政务公开\n六、年度预算安排\n规范性文件专项经费资金测算方式\n项目 单次审核费用\n（元）\n"
      "文 件 数\n量（件）\n总计审核费用（元）\n规范性文件评估清理\n（及合法性审查补充）\n800 47 800×47=38000\n");
  ASSERT_EQ(p.line_items.size(), 1u);
  const LineItem& li = p.line_items[0];
  EXPECT_EQ(li.name, "规范性文件评估清理（及合法性审查补充）");
  EXPECT_EQ(li.unit_price, "800");
  EXPECT_EQ(li.unit_price_unit, "元");
  EXPECT_EQ(li.quantity, "47");
  EXPECT_EQ(li.quantity_unit, "件");
  EXPECT_EQ(li.amount, "38000");  // as printed, although 800×47 = 37600
}

TEST(LineItems, RowThatDoesNotFitItsHeaderIsReportedUnreadable) {
  Project p = parse(
      "项目经费情况说明 7--区政府办政务公开\n六、年度预算安排\n松江区政府公报项目资金的测算方式\n"
      "数量（本）/期 每期印刷服务费（元） 总计印刷服务费（元）\n10.39 3850 10.39×3850=40000 40000×5=200000\n");
  ASSERT_EQ(p.line_items.size(), 1u);
  EXPECT_EQ(p.line_items[0].amount, "200000");
  EXPECT_EQ(p.line_items[0].quantity, "");
  ASSERT_EQ(p.unreadable.size(), 1u);
  EXPECT_EQ(p.unreadable[0].field, "line_items[0]");
  EXPECT_EQ(p.unreadable[0].span.first_line, 5);
}

TEST(LineItems, ProseIsNotATable) {
  Project p = parse(
      "项目经费情况说明 14--编外人员工作经费\n六、年度预算安排\n非编人员工资为 319369 元,餐费为 9600 元,体检费为 1800 元,总计 330769 元。\n");
  EXPECT_TRUE(p.line_items.empty());
}

}  // namespace
}  // namespace jixiao

// BUDG-*: the narrative's budget and its items against the form.
#include <gtest/gtest.h>

#include "builders.h"

namespace jixiao {
namespace {

using namespace testing;

Project with_narrative_budget(const std::string& total_yuan, const std::string& wan) {
  Project p = form_project(1, "外事交流管理", total_yuan);
  p.has_narrative = true;
  p.narrative_budget_wan = text(wan, 20);
  return p;
}

TEST(Budg001, NarrativeBudgetMustMatchTheForm) {
  auto f = findings_of(declaration({with_narrative_budget("5,800,000.00", "610")}), "BUDG-001");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].severity, Severity::kError);
  EXPECT_TRUE(covers_line(f[0], 20));   // the narrative's statement
  EXPECT_TRUE(covers_line(f[0], 102));  // the form's total
  EXPECT_NE(f[0].message.find("差 30 万元"), std::string::npos);
}

TEST(Budg001, ApproximateFiguresMatchWithinTheirLastDigit) {
  // "约 33.08 万元" for 330,769.00: within half a unit of the last printed digit (±50 元).
  EXPECT_TRUE(findings_of(declaration({with_narrative_budget("330,769.00", "33.08")}), "BUDG-001").empty());
  EXPECT_TRUE(findings_of(declaration({with_narrative_budget("5,800,000.00", "580")}), "BUDG-001").empty());
}

TEST(Budg001, MatchesTheAnnualAmountOfAMultiYearProject) {
  Project p = with_narrative_budget("31,908,600.00", "1001.696");
  p.funds.annual_total = yuan("10,016,960.00");
  EXPECT_TRUE(findings_of(declaration({p}), "BUDG-001").empty());
}

TEST(Budg001, LeavesRoundingAndMagnitudeSlipsToOtherRules) {
  EXPECT_TRUE(findings_of(declaration({with_narrative_budget("330,800.00", "33.0769")}), "BUDG-001").empty());
  EXPECT_TRUE(findings_of(declaration({with_narrative_budget("3,778.00", "3778")}), "BUDG-001").empty());
}

TEST(Budg002, AnotherTotalStatedInTheBudgetSection) {
  Project p = with_narrative_budget("7,044,200.00", "704.42");
  p.sections = {section("一", "项目概述", "该项目包括3个子项目，资金预算总额约为704.42万元。", 10, 12),
                section("六", "年度预算安排",
                        "该项目总预算为835.74万元。1.系统运维1.8万元；2.软件运维1.61万元；3.租费701.01万元。",
                        30, 34)};
  auto f = findings_of(declaration({p}), "BUDG-002");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_TRUE(covers_line(f[0], 30));
  EXPECT_NE(f[0].message.find("835.74"), std::string::npos);
  bool listed = false;
  for (const auto& e : f[0].evidence) listed = listed || (e.value == "704.42" && e.unit == "万元");
  EXPECT_TRUE(listed) << "the section's own items add up to 704.42";
}

TEST(Budg002, SilentWhenTheSectionAgrees) {
  Project p = with_narrative_budget("7,044,200.00", "704.42");
  p.sections = {section("六", "年度预算安排", "该项目总预算为704.42万元。1.系统运维3.41万元；2.租费701.01万元。", 30)};
  EXPECT_TRUE(findings_of(declaration({p}), "BUDG-002").empty());
}

Project table_project() {
  Project p = form_project(1, "东西部扶贫帮困", "37,780,000.00");
  p.has_narrative = true;
  p.narrative_budget_wan = text("3778", 20);
  p.line_items = {item("援版纳项目", "", "", "", "", "1260", "万元", 80),
                  item("援昭通项目", "", "", "", "", "1600", "万元", 82),
                  item("援定日项目", "", "", "", "", "250", "万元", 88),
                  item("援藏干部工作经费", "11", "", "25", "", "275", "", 96),
                  item("援滇干部工作经费", "21", "", "15", "", "315", "", 98),
                  item("慰问费", "17", "", "1", "", "17", "", 103),
                  item("慰问团", "17", "", "0.5", "", "8.5", "", 108),
                  item("其他", "3", "", "1", "", "3", "", 118)};
  return p;
}

TEST(Budg003, LineItemsMustAddUpToTheTotal) {
  // 1260 + 1600 + 250 + 275 + 315 + 17 + 8.5 + 3 = 3728.5 万元 against 3778.
  auto f = findings_of(declaration({table_project()}), "BUDG-003");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_NE(f[0].message.find("3728.5"), std::string::npos);
  EXPECT_TRUE(covers_line(f[0], 80));
  EXPECT_TRUE(covers_line(f[0], 118));
  bool assumed = false;
  for (const auto& e : f[0].evidence) assumed = assumed || e.value == "万元";
  EXPECT_TRUE(assumed) << "unit-less amounts are read in the unit the other rows print";
}

TEST(Budg003, PassesWhenTheItemsAddUp) {
  Project p = table_project();
  p.line_items.push_back(item("援疆", "1", "", "49.5", "", "49.5", "", 120));
  EXPECT_TRUE(findings_of(declaration({p}), "BUDG-003").empty());
}

TEST(Budg003, PartialTablesAreNotCompared) {
  Project p = table_project();
  p.line_items.resize(3);  // 3110 of 3778: could be complete…
  EXPECT_EQ(findings_of(declaration({p}), "BUDG-003").size(), 1u);
  p.line_items.resize(1);  // 1260 of 3778: a partial table, not a contradiction
  EXPECT_TRUE(findings_of(declaration({p}), "BUDG-003").empty());
}

TEST(Budg003, TotalRowAgainstItsRows) {
  Project p = form_project(1, "政务公开", "190,000.00");
  p.line_items = {item("数据采集", "", "", "", "", "29000", "元", 10), item("图书资料", "", "", "", "", "6000", "元", 11),
                  item("劳务费", "", "", "", "", "155000", "元", 12), item("合计", "", "", "", "", "191000", "元", 13)};
  auto f = findings_of(declaration({p}), "BUDG-003");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_TRUE(covers_line(f[0], 13));
  p.line_items.back().amount = "190000";
  EXPECT_TRUE(findings_of(declaration({p}), "BUDG-003").empty());
}

TEST(Budg003, SubProjectItemsAgainstItsBudget) {
  Project p = form_project(1, "市民服务", "165,700.00");
  SubProject s;
  s.number = "一";
  s.title = "社保卡宣传活动";
  s.budget_wan = text("13.57", 21);
  p.sub_projects = {s};
  p.line_items = {item("宣传单", "56850", "份", "2", "元", "113700", "元", 49, "社保卡宣传活动"),
                  item("宣传品", "4400", "份", "5", "元", "23000", "元", 51, "社保卡宣传活动")};
  auto f = findings_of(declaration({p}), "BUDG-003");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_NE(f[0].message.find("社保卡宣传活动"), std::string::npos);
  p.line_items[1].amount = "22000";
  EXPECT_TRUE(findings_of(declaration({p}), "BUDG-003").empty());
}

TEST(Budg004, RoundedFormAmountIsAdvice) {
  auto f = findings_of(declaration({with_narrative_budget("330,800.00", "33.0769")}), "BUDG-004");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].severity, Severity::kAdvice);
  EXPECT_NE(f[0].message.find("差 31 元"), std::string::npos);
  EXPECT_TRUE(findings_of(declaration({with_narrative_budget("330,769.00", "33.0769")}), "BUDG-004").empty());
  // 150 元 is more than rounding to 100 元: an error (BUDG-001), not advice.
  EXPECT_TRUE(findings_of(declaration({with_narrative_budget("330,900.00", "33.075")}), "BUDG-004").empty());
}

TEST(Budg005, SubtotalMustEqualItsItems) {
  Project p = form_project(1, "宣传与推广", "300,000.00");
  p.sections = {section("六", "年度预算安排",
                        "政策图解：1500元*10篇=15000元；视频解读：7500元*2篇=15000元；建议提案宣传：20000元；共6万元。", 40)};
  auto f = findings_of(declaration({p}), "BUDG-005");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_TRUE(covers_line(f[0], 40));
  p.sections[0].text = "政策图解：1500元*10篇=15000元；视频解读：7500元*2篇=15000元；建议提案宣传：20000元；共5万元。";
  EXPECT_TRUE(findings_of(declaration({p}), "BUDG-005").empty());
}

TEST(Budg005, AnnouncedTotalOfASubProjectMustMatchWhatItLists) {
  Project p = form_project(1, "项目服务管理", "350,000.00");
  p.sections = {section("6", "年度预算安排",
                        "2023年项目预算金额25万。其中开展大型宣传活动1次，需20万元（按照标准最高限额为20万元）；"
                        "组织培训4次，每次1万元，需4万元；制作书籍200本，每本50元，需2万元。",
                        60, 62, "科技金融宣传活动费")};
  auto f = findings_of(declaration({p}), "BUDG-005");
  ASSERT_EQ(f.size(), 1u) << "the parenthesised limit and the prices are not items: 20 + 4 + 2 = 26";
  p.sections[0].text = "2023年项目预算金额25万。其中开展大型宣传活动1次，需20万元（按照标准最高限额为20万元）；"
                       "组织培训4次，每次1万元，需4万元；制作书籍200本，每本50元，需1万元。";
  EXPECT_TRUE(findings_of(declaration({p}), "BUDG-005").empty());
}

TEST(Budg006, SubProjectBudgetsAddUpToTheForm) {
  Project p = form_project(1, "网络信息系统运行与维护", "9,677,800.00", 2023);
  for (auto [n, t, b] : {std::tuple{"一", "运维外包", "88"}, {"二", "设备维保", "86.8"}, {"三", "政务云", "607.98"},
                         {"四", "安全服务", "59"}, {"五", "涉密工程", "126"}}) {
    SubProject s;
    s.number = n;
    s.title = t;
    s.budget_wan = text(b);
    s.span = lines(900);
    p.sub_projects.push_back(s);
  }
  EXPECT_TRUE(findings_of(declaration({p}, 2023), "BUDG-006").empty());
  p.sub_projects[2].budget_wan = text("617.98");
  auto f = findings_of(declaration({p}, 2023), "BUDG-006");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_NE(f[0].comparison.find("88 + 86.8 + 617.98 + 59 + 126 = 977.78"), std::string::npos);
}

}  // namespace
}  // namespace jixiao

namespace jixiao {
namespace {

using namespace testing;

TEST(Budg007, RequestAboveTheContract) {
  Project p = form_project(8, "街镇村居网络租赁", "2,825,000.00");
  p.sections = {section("一", "项目概述",
                        "该项目最终项目中标金额为 847.4112 万元，为方便计算，拟申请金额为 847.5 万元，均分三年支付。", 1579, 1587)};
  auto f = findings_of(declaration({p}), "BUDG-007");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].severity, Severity::kWarning);
  EXPECT_TRUE(covers_line(f[0], 1585));
  EXPECT_NE(f[0].message.find("差 888 元"), std::string::npos);
  p.sections[0].text = "该项目中标金额为 847.4112 万元，拟申请金额为 847.4112 万元。";
  EXPECT_TRUE(findings_of(declaration({p}), "BUDG-007").empty());
}

}  // namespace
}  // namespace jixiao

namespace jixiao {
namespace {

using namespace testing;

TEST(Budg008, QuantityTargetTakenFromAnotherRow) {
  Project p = form_project(3, "合作与交流", "2,000,000.00");
  p.indicators = complete_indicators();
  p.indicators.push_back(indicator("产出指标", "数量指标", "接待人员数量", "≥5000.00(人)", 641));
  p.line_items = {item("餐费（市外）", "2000", "人", "150", "元/人", "30", "万元", 487),
                  item("餐费（市内、工作人员）", "1000", "人", "50", "元/人", "5", "万元", 489),
                  item("租车费", "5000", "公里", "10", "元/公里", "5", "万元", 491)};
  auto f = findings_of(declaration({p}), "BUDG-008");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_NE(f[0].message.find("只有 3000人"), std::string::npos) << f[0].message;
  EXPECT_TRUE(covers_line(f[0], 641));
  EXPECT_TRUE(covers_line(f[0], 491));
  // A target the rows cover, or one that matches no other row, is not reported.
  p.indicators.back() = indicator("产出指标", "数量指标", "接待人员数量", "≥3000.00(人)", 641);
  EXPECT_TRUE(findings_of(declaration({p}), "BUDG-008").empty());
  p.indicators.back() = indicator("产出指标", "数量指标", "接待人员数量", "≥4000.00(人)", 641);
  EXPECT_TRUE(findings_of(declaration({p}), "BUDG-008").empty());
}

}  // namespace
}  // namespace jixiao

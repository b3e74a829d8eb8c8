// COST-*: cost indicators against the budget.
#include <gtest/gtest.h>

#include "builders.h"

namespace jixiao {
namespace {

using namespace testing;

Project staffed(const std::string& cap) {
  Project p = form_project(1, "大数据与网络信息", "10,180,000.00");
  p.indicators = complete_indicators();
  p.indicators[0] = indicator("成本指标", "经济成本指标", "年人均成本", cap, 2541);
  p.sections = {section("六", "年度预算安排",
                        "运维服务商须提供不少于4人的驻场服务团队，按照市场预估人均约20万元/年，预测项目总资金为80万元。"
                        "运营服务商须提供不少于20人的驻场服务团队，按照技术人员市场预估人均约24万元/年，预测项目总资金为480万元。",
                        2346, 2376)};
  return p;
}

TEST(Cost001, PerCapitaCapBelowTheBudgetsPrice) {
  auto f = findings_of(declaration({staffed("≤20.00(万)")}), "COST-001");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_TRUE(covers_line(f[0], 2541));
  EXPECT_TRUE(covers_line(f[0], 2346));
  EXPECT_NE(f[0].message.find("24万元/年"), std::string::npos);
  EXPECT_TRUE(findings_of(declaration({staffed("≤24.00(万元)")}), "COST-001").empty());
}

TEST(Cost001, NamedCapComparesOnlyWithItsOwnItems) {
  Project p = form_project(1, "东西部扶贫帮困", "5,900,000.00");
  p.indicators = complete_indicators();
  p.indicators[0] = indicator("成本指标", "经济成本指标", "援藏干部人才人均工作经费", "≤25.00(万元)", 210);
  p.line_items = {item("援藏干部工作经费", "11", "", "25", "万元", "275", "万元", 96),
                  item("援滇干部工作经费", "21", "", "15", "万元", "315", "万元", 98)};
  EXPECT_TRUE(findings_of(declaration({p}), "COST-001").empty());
  p.line_items[0].unit_price = "27";
  p.line_items[0].amount = "297";
  auto f = findings_of(declaration({p}), "COST-001");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_TRUE(covers_line(f[0], 96));
}

TEST(Cost002, TotalCostAgainstTheBudgetAfterConversion) {
  Project p = form_project(1, "门户网站管理", "526,000.00");
  p.indicators = complete_indicators();
  p.indicators[0] = indicator("成本指标", "经济成本指标", "项目总成本", "≤52.60(万元)", 60);
  EXPECT_TRUE(findings_of(declaration({p}), "COST-002").empty());
  p.indicators[0] = indicator("成本指标", "经济成本指标", "项目总成本", "≤50.00(万元)", 60);
  auto f = findings_of(declaration({p}), "COST-002");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].severity, Severity::kError);
  EXPECT_NE(f[0].comparison.find("500,000.00 < 526,000.00"), std::string::npos);
}

TEST(Cost003, MonthlyFeeAgainstTheSubProjectItNames) {
  Project p = form_project(1, "项目服务管理", "350,000.00", 2023);
  p.indicators = complete_indicators();
  p.indicators[0] = indicator("产出指标", "成本指标", "基础月租费", "=700元/月", 606);
  SubProject sms;
  sms.number = "一";
  sms.title = "短信平台月租费";
  sms.budget_wan = text("10");
  sms.span = lines(329, 371);
  SubProject events = sms;
  events.number = "二";
  events.title = "科技金融宣传活动费";
  events.budget_wan = text("25");
  p.sub_projects = {sms, events};
  auto f = findings_of(declaration({p}, 2023), "COST-003");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_NE(f[0].message.find("8.4%"), std::string::npos);
  EXPECT_TRUE(covers_line(f[0], 606));
  EXPECT_TRUE(covers_line(f[0], 329));
  p.indicators[0] = indicator("产出指标", "成本指标", "基础月租费", "=8300元/月", 606);  // ×12 ≈ 10 万
  EXPECT_TRUE(findings_of(declaration({p}, 2023), "COST-003").empty());
}

TEST(Cost003, WholeProjectUnitCost) {
  Project p = form_project(1, "编外人员工作经费", "330,800.00");
  p.indicators = complete_indicators();
  p.indicators[0] = indicator("成本指标", "经济成本指标", "平均用人成本", "≤16.55(万元)", 3263);
  p.indicators[1] = indicator("产出指标", "数量指标", "非编人员数量", "≤2.00(人)", 3269);
  EXPECT_TRUE(findings_of(declaration({p}), "COST-003").empty()) << "2 × 16.55 = 33.10 ≥ 33.08";
  p.indicators[0] = indicator("成本指标", "经济成本指标", "平均用人成本", "≤15.00(万元)", 3263);
  auto f = findings_of(declaration({p}), "COST-003");
  ASSERT_EQ(f.size(), 1u) << "the budget implies 16.54 万元 per person, above the cap";
}

}  // namespace
}  // namespace jixiao

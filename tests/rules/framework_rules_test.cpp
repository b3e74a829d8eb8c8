// FRAME-*: the indicator framework.
#include <gtest/gtest.h>

#include "builders.h"

namespace jixiao {
namespace {

using namespace testing;

Project complete(int year = 2024) {
  Project p = form_project(1, "示例项目", "500,000.00", year);
  p.indicators = complete_indicators();
  p.overall_goal = text("完成全年培训四场，参训人员满意度达到百分之九十以上。", 30);
  p.annual_goal = text("完成全年培训四场，参训人员满意度达到百分之九十以上。", 31);
  return p;
}

std::vector<Finding> framework(const Declaration& d) {
  std::vector<Finding> out;
  for (auto& f : review(d))
    if (f.rule.rfind("FRAME-", 0) == 0) out.push_back(f);
  return out;
}

TEST(Frame, CompleteTableIsSilent) {
  EXPECT_TRUE(framework(declaration({complete()})).empty());
  EXPECT_TRUE(framework(declaration({complete(2025)}, 2025)).empty());
}

TEST(Frame001, OutputAndEffectAreRequired) {
  Project p = complete();
  p.indicators.erase(p.indicators.begin() + 4);  // the only 效益 row
  auto f = findings_of(declaration({p}), "FRAME-001");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_NE(f[0].message.find("效益指标"), std::string::npos);
}

TEST(Frame001, NarrativeOnlyProjectsAreNotReviewed) {
  Project p = complete();
  p.has_form = false;
  p.indicators.clear();
  EXPECT_TRUE(framework(declaration({p})).empty());
}

TEST(Frame002And003, CostRequiredFrom2025WarningBefore) {
  Project p = complete(2025);
  p.indicators.erase(p.indicators.begin());
  EXPECT_EQ(findings_of(declaration({p}, 2025), "FRAME-002").size(), 1u);
  EXPECT_TRUE(findings_of(declaration({p}, 2025), "FRAME-003").empty());
  Project q = complete(2023);
  q.indicators.erase(q.indicators.begin());
  EXPECT_TRUE(findings_of(declaration({q}, 2023), "FRAME-002").empty());
  auto f = findings_of(declaration({q}, 2023), "FRAME-003");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].severity, Severity::kWarning);
  ReviewOptions earlier;
  earlier.cost_indicator_required_from_year = 2023;
  EXPECT_EQ(findings_of(declaration({q}, 2023), "FRAME-002", earlier).size(), 1u);
}

TEST(Frame004, SatisfactionMissing) {
  Project p = complete();
  p.indicators.pop_back();
  EXPECT_EQ(findings_of(declaration({p}), "FRAME-004").size(), 1u);
}

TEST(Frame005, LevelTwoUnderTheWrongLevelOne) {
  Project p = complete();
  p.indicators.push_back(indicator("效益指标", "数量指标", "受益人数", "≥100(人)", 70));
  auto f = findings_of(declaration({p}), "FRAME-005");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_NE(f[0].message.find("应属于产出指标"), std::string::npos);
  EXPECT_TRUE(covers_line(f[0], 70));
  // 可持续影响 is accepted under 效益.
  p.indicators.back() = indicator("效益指标", "可持续影响指标", "长效机制健全性", "健全", 70);
  EXPECT_TRUE(findings_of(declaration({p}), "FRAME-005").empty());
}

TEST(Frame006, CostUnderOutputIsRecognisedAndAdvised) {
  Project p = complete(2023);
  p.indicators[0] = indicator("产出指标", "成本指标", "成本合理性", "合理", 50);
  auto f = findings_of(declaration({p}, 2023), "FRAME-006");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].severity, Severity::kAdvice);
  EXPECT_TRUE(findings_of(declaration({p}, 2023), "FRAME-003").empty()) << "the variant counts as cost";
  EXPECT_TRUE(findings_of(declaration({p}, 2023), "FRAME-005").empty());
  EXPECT_TRUE(findings_of(declaration({complete(2023)}, 2023), "FRAME-006").empty());
}

TEST(Frame007And008, OutputParts) {
  Project p = complete();
  p.indicators.erase(p.indicators.begin() + 1);  // 数量
  EXPECT_EQ(findings_of(declaration({p}), "FRAME-007").size(), 1u);
  EXPECT_TRUE(findings_of(declaration({p}), "FRAME-008").empty());
  Project q = complete();
  q.indicators.erase(q.indicators.begin() + 2, q.indicators.begin() + 4);  // 质量, 时效
  EXPECT_EQ(findings_of(declaration({q}), "FRAME-008").size(), 1u);
  EXPECT_TRUE(findings_of(declaration({q}), "FRAME-007").empty());
}

TEST(Frame009, FormWithoutIndicators) {
  Project p = complete();
  p.indicators.clear();
  EXPECT_EQ(findings_of(declaration({p}), "FRAME-009").size(), 1u);
  p.unreadable.push_back({"indicators", lines(60, 80), "表格无法识别"});
  EXPECT_TRUE(findings_of(declaration({p}), "FRAME-009").empty());
}

TEST(Frame010, GoalsMustBeFilled) {
  Project p = complete();
  p.annual_goal = Field<std::string>{};
  auto f = findings_of(declaration({p}), "FRAME-010");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_NE(f[0].message.find("年度总体目标"), std::string::npos);
  p.unreadable.push_back({"annual_goal", lines(31), "无法识别"});
  EXPECT_TRUE(findings_of(declaration({p}), "FRAME-010").empty());
}

TEST(Frame011, SatisfactionUnderEffect) {
  Project p = complete();
  p.indicators.push_back(indicator("效益指标", "社会效益指标", "群众满意度", "≥90%", 75));
  EXPECT_EQ(findings_of(declaration({p}), "FRAME-011").size(), 1u);
  EXPECT_TRUE(findings_of(declaration({complete()}), "FRAME-011").empty());
}

TEST(Frame012, QualityRateUnderEffect) {
  Project p = complete();
  p.indicators.push_back(indicator("效益指标", "社会效益指标", "设备验收合格率", "=100%", 76));
  auto f = findings_of(declaration({p}), "FRAME-012");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].severity, Severity::kAdvice);
  EXPECT_TRUE(findings_of(declaration({complete()}), "FRAME-012").empty()) << "合格率 under 产出—质量 is fine";
}

}  // namespace
}  // namespace jixiao

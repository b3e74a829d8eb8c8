// VALUE-*: indicator values.
#include <gtest/gtest.h>

#include "builders.h"

namespace jixiao {
namespace {

using namespace testing;

Project with(const Indicator& extra) {
  Project p = form_project(1, "示例项目", "500,000.00");
  p.indicators = complete_indicators();
  p.indicators.push_back(extra);
  return p;
}

TEST(Value001, NameAndValueRequired) {
  auto f = findings_of(declaration({with(indicator("产出指标", "数量指标", "培训人数", "", 70))}), "VALUE-001");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].field, "indicators[6].value");
  EXPECT_EQ(findings_of(declaration({with(indicator("产出指标", "数量指标", "", "≥5(次)", 70))}), "VALUE-001").size(), 1u);
  EXPECT_TRUE(findings_of(declaration({with(indicator("产出指标", "数量指标", "培训人数", "≥100(人)", 70))}), "VALUE-001").empty());
  Project unreadable = with(indicator("产出指标", "数量指标", "培训人数", "", 70));
  unreadable.unreadable.push_back({"indicators[6].value", lines(70), "OCR 乱码"});
  EXPECT_TRUE(findings_of(declaration({unreadable}), "VALUE-001").empty());
}

TEST(Value002, MalformedValues) {
  EXPECT_EQ(findings_of(declaration({with(indicator("效益指标", "可持续影响指标", "系统安全性", "当年测评分≥上一期分数", 70))}), "VALUE-002").size(), 1u);
  EXPECT_EQ(findings_of(declaration({with(indicator("产出指标", "数量指标", "巡检次数", "12次", 70))}), "VALUE-002").size(), 1u);
  for (std::string ok : {"48小时内", "2023年10月底", "全年≤5次", "合理", "≥95%"})
    EXPECT_TRUE(findings_of(declaration({with(indicator("产出指标", "时效指标", "响应时间", ok, 70))}), "VALUE-002").empty()) << ok;
}

TEST(Value003, PercentagesWithinRange) {
  EXPECT_EQ(findings_of(declaration({with(indicator("产出指标", "质量指标", "验收合格率", "≥120%", 70))}), "VALUE-003").size(), 1u);
  EXPECT_TRUE(findings_of(declaration({with(indicator("效益指标", "经济效益指标", "营业收入增长率", "≥120%", 70))}), "VALUE-003").empty());
  EXPECT_TRUE(findings_of(declaration({with(indicator("产出指标", "质量指标", "验收合格率", "=100%", 70))}), "VALUE-003").empty());
}

TEST(Value004, UpperBoundOnAPositiveRate) {
  EXPECT_EQ(findings_of(declaration({with(indicator("满意度指标", "服务对象满意度指标", "群众满意度", "≤90%", 70))}), "VALUE-004").size(), 1u);
  EXPECT_TRUE(findings_of(declaration({with(indicator("产出指标", "质量指标", "全年故障发生率", "≤5.00(%)", 70))}), "VALUE-004").empty());
  EXPECT_TRUE(findings_of(declaration({with(indicator("产出指标", "质量指标", "投诉处理完成率", "≥95%", 70))}), "VALUE-004").empty());
}

TEST(Value005, UnitRequired) {
  EXPECT_EQ(findings_of(declaration({with(indicator("产出指标", "数量指标", "宣传单", "=56850", 70))}), "VALUE-005").size(), 1u);
  EXPECT_TRUE(findings_of(declaration({with(indicator("产出指标", "数量指标", "宣传单", "=56850份", 70))}), "VALUE-005").empty());
}

TEST(Value006, VagueValuesWithTheQuantitativeShare) {
  Project p = form_project(1, "示例项目", "500,000.00");
  p.indicators = complete_indicators();
  p.indicators.push_back(indicator("效益指标", "社会效益指标", "示范效应", "提升", 70));
  EXPECT_TRUE(findings_of(declaration({p}), "VALUE-006").empty()) << "one vague value among 6/7 quantitative";
  p.indicators.push_back(indicator("效益指标", "可持续影响指标", "信息公开程度", "明显提高", 71));
  auto f = findings_of(declaration({p}), "VALUE-006");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].severity, Severity::kAdvice);
  EXPECT_NE(f[0].message.find("6/8（75.0%）"), std::string::npos);
  EXPECT_TRUE(covers_line(f[0], 70));
  EXPECT_TRUE(covers_line(f[0], 71));
}

TEST(Value007, DuplicateIndicators) {
  auto f = findings_of(declaration({with(indicator("产出指标", "数量指标", "培训 场次", "≥5.00(场)", 70))}), "VALUE-007");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_NE(f[0].message.find("取值不同"), std::string::npos);
  EXPECT_TRUE(findings_of(declaration({with(indicator("产出指标", "数量指标", "培训人次", "≥5.00(场)", 70))}), "VALUE-007").empty());
}

TEST(Value008, MoneyUnitWithoutYuan) {
  auto f = findings_of(declaration({with(indicator("成本指标", "经济成本指标", "年人均成本", "≤20.00(万)", 70))}), "VALUE-008");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_TRUE(findings_of(declaration({with(indicator("成本指标", "经济成本指标", "年人均成本", "≤20.00(万元)", 70))}), "VALUE-008").empty());
  EXPECT_TRUE(findings_of(declaration({with(indicator("产出指标", "数量指标", "每月发送量", "=3万条/月", 70))}), "VALUE-008").empty());
}

}  // namespace
}  // namespace jixiao

// HEAD-*: the 绩效目标设置情况 claims against the forms.
#include <gtest/gtest.h>

#include "builders.h"

namespace jixiao {
namespace {

using namespace testing;

Declaration two_forms() {
  Project a = form_project(1, "甲项目", "1,000,000.00");
  Project b = form_project(2, "乙项目", "2,000,000.00");
  b.start = date("2024-01-01");
  b.end = date("2025-12-31");
  b.funds.annual_total = yuan("500,000.00");  // a two-year project: this year's part only
  b.funds.current_appropriation = yuan("500,000.00");
  Declaration d = declaration({a, b});
  d.header.project_count = Field<int>{2, lines(12)};
  d.header.total_wan = text("150.00", 12);
  return d;
}

TEST(Head001, ProjectCountMustMatchForms) {
  Declaration d = two_forms();
  EXPECT_TRUE(findings_of(d, "HEAD-001").empty());
  d.header.project_count.value = 3;
  auto f = findings_of(d, "HEAD-001");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].project_seq, 0);
  EXPECT_TRUE(covers_line(f[0], 12));
}

TEST(Head001, SilentWithoutForms) {
  Declaration d = two_forms();
  for (auto& p : d.projects) p.has_form = false;  // a budget disclosure with narratives only
  d.header.project_count.value = 11;
  EXPECT_TRUE(findings_of(d, "HEAD-001").empty());
}

TEST(Head002, TotalIsTheSumOfAnnualRequests) {
  // 100 万 + 50 万 (annual) = 150.00, although the totals sum to 300 万.
  EXPECT_TRUE(findings_of(two_forms(), "HEAD-002").empty());
}

TEST(Head002, RoundingToThePrintedDecimals) {
  Declaration d = two_forms();
  d.projects[0].funds.annual_total = yuan("1,000,040.00");  // Σ = 150.004 万元 → "150.00"
  d.projects[0].funds.current_appropriation = yuan("1,000,040.00");
  EXPECT_TRUE(findings_of(d, "HEAD-002").empty());
  d.projects[0].funds.annual_total = yuan("1,000,060.00");  // Σ = 150.006 万元 → "150.01"
  auto f = findings_of(d, "HEAD-002");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].severity, Severity::kError);
  EXPECT_NE(f[0].message.find("150.006"), std::string::npos);
}

TEST(Head002, ReportsAMagnitudeSlip) {
  Declaration d = two_forms();
  d.header.total_wan = text("1500000", 12);  // written in 元 under a 万元 label
  auto f = findings_of(d, "HEAD-002");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_NE(f[0].message.find("元与万元"), std::string::npos);
}

}  // namespace
}  // namespace jixiao

// FUND-*: each rule with a failing and a passing hand-built form.
#include <gtest/gtest.h>

#include "builders.h"

namespace jixiao {
namespace {

using namespace testing;

TEST(Fund001, TotalMustEqualFiscalPlusOther) {
  Project p = form_project(1, "示例项目", "1,000,000.00");
  p.funds.other = yuan("50,000.00", 104);
  auto f = findings_of(declaration({p}), "FUND-001");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].severity, Severity::kError);
  EXPECT_EQ(f[0].field, "funds_yuan.total");
  EXPECT_TRUE(covers_line(f[0], 102));
  EXPECT_NE(f[0].comparison.find("1,000,000.00 ≠ 1,000,000.00 + 50,000.00"), std::string::npos);
}

TEST(Fund001, PassesWhenTheIdentityHolds) {
  Project p = form_project(1, "示例项目", "1,050,000.00");
  p.funds.fiscal = yuan("1,000,000.00");
  p.funds.other = yuan("50,000.00");
  EXPECT_TRUE(findings_of(declaration({p}), "FUND-001").empty());
  p.funds.other = Field<Money>{};  // a blank 其他资金 counts as 0: 1,050,000 ≠ 1,000,000
  EXPECT_EQ(findings_of(declaration({p}), "FUND-001").size(), 1u);
}

TEST(Fund002, AnnualMustEqualItsParts) {
  Project p = form_project(1, "示例项目", "500,000.00");
  p.funds.carryover = yuan("20,000.00");
  auto f = findings_of(declaration({p}), "FUND-002");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_NE(f[0].message.find("520,000.00"), std::string::npos);
}

TEST(Fund002, PassesWithCarryover) {
  Project p = form_project(1, "示例项目", "520,000.00");
  p.funds.current_appropriation = yuan("500,000.00");
  p.funds.carryover = yuan("20,000.00");
  EXPECT_TRUE(findings_of(declaration({p}), "FUND-002").empty());
}

TEST(Fund003, AnnualCannotExceedTotal) {
  Project p = form_project(1, "示例项目", "100,000.00");
  p.funds.annual_total = yuan("120,000.00");
  p.funds.current_appropriation = yuan("120,000.00");
  EXPECT_EQ(findings_of(declaration({p}), "FUND-003").size(), 1u);
  // The single-year rule does not report the same pair again.
  EXPECT_TRUE(findings_of(declaration({p}), "FUND-004").empty());
  p.funds.annual_total = yuan("80,000.00");
  p.funds.current_appropriation = yuan("80,000.00");
  EXPECT_TRUE(findings_of(declaration({p}), "FUND-003").empty());
}

TEST(Fund004, SingleYearProjectRequestsItsTotal) {
  Project p = form_project(1, "示例项目", "100,000.00");
  p.funds.annual_total = yuan("80,000.00");
  p.funds.current_appropriation = yuan("80,000.00");
  ASSERT_EQ(findings_of(declaration({p}), "FUND-004").size(), 1u);
  p.end = date("2025-06-30");  // a two-year plan may request part of its total
  EXPECT_TRUE(findings_of(declaration({p}), "FUND-004").empty());
}

TEST(Fund005, MultiYearProjectRequestingEverythingThisYear) {
  Project p = form_project(1, "示例项目", "3,000,000.00");
  p.start = date("2024-01-01");
  p.end = date("2026-12-31");
  auto f = findings_of(declaration({p}), "FUND-005");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].severity, Severity::kWarning);
  p.funds.annual_total = yuan("1,000,000.00");
  p.funds.current_appropriation = yuan("1,000,000.00");
  EXPECT_TRUE(findings_of(declaration({p}), "FUND-005").empty());
}

}  // namespace
}  // namespace jixiao

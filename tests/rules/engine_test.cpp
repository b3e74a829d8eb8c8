// The engine: registry, ordering, options; and the helpers the rules rely on (exact amounts,
// similarity, narrative text facts).
#include <gtest/gtest.h>

#include <set>

#include "builders.h"
#include "rules/amount.h"
#include "rules/registry.h"
#include "rules/similarity.h"
#include "rules/text_facts.h"
#include "rules/text_util.h"

namespace jixiao {
namespace {

using namespace testing;
using rules::Decimal;
using rules::Yuan;

TEST(Registry, CodesAreUniqueSortedAndDescribed) {
  const auto& all = rules::all_rules();
  ASSERT_GE(all.size(), 40u);
  std::set<std::string_view> codes;
  for (const auto& r : all) {
    EXPECT_TRUE(codes.insert(r.info.code).second) << r.info.code;
    EXPECT_FALSE(r.info.title_zh.empty()) << r.info.code;
    EXPECT_FALSE(r.info.title_en.empty()) << r.info.code;
    EXPECT_FALSE(r.info.basis.empty()) << r.info.code;
    EXPECT_FALSE(r.info.description.empty()) << r.info.code;
    EXPECT_TRUE((r.project_check != nullptr) != (r.document_check != nullptr)) << r.info.code;
  }
  for (std::size_t k = 1; k < all.size(); ++k) EXPECT_LT(all[k - 1].info.code, all[k].info.code);
  EXPECT_EQ(rules::find_rule("FUND-001")->info.severity, Severity::kError);
  EXPECT_EQ(rules::find_rule("NOPE-001"), nullptr);
}

Declaration noisy() {
  Project a = form_project(2, "乙", "100,000.00");
  a.funds.other = yuan("1.00");  // FUND-001 error
  a.indicators = complete_indicators();
  a.indicators.push_back(indicator("效益指标", "社会效益指标", "示范效应", "提升", 70));
  a.indicators.push_back(indicator("效益指标", "社会效益指标", "影响力", "明显提升", 71));  // VALUE-006
  a.indicators.push_back(indicator("满意度指标", "服务对象满意度指标", "群众满意度", "≤90%", 72));  // VALUE-004
  Project b = form_project(1, "甲", "100,000.00");
  b.funds.other = yuan("1.00");
  return declaration({a, b});
}

TEST(Review, OrderedByProjectThenSeverityThenCode) {
  auto f = review(noisy());
  ASSERT_GE(f.size(), 4u);
  for (std::size_t k = 1; k < f.size(); ++k) {
    const auto& a = f[k - 1];
    const auto& b = f[k];
    bool ordered = a.project_seq < b.project_seq ||
                   (a.project_seq == b.project_seq &&
                    (a.severity > b.severity || (a.severity == b.severity && a.rule <= b.rule)));
    EXPECT_TRUE(ordered) << a.rule << " before " << b.rule;
  }
  EXPECT_EQ(f.front().project_seq, 1);
  EXPECT_EQ(f.front().project_name, "甲");
}

TEST(Review, MinSeverityAndDisabledRules) {
  ReviewOptions o;
  o.min_severity = Severity::kWarning;
  for (const auto& f : review(noisy(), o)) EXPECT_NE(f.severity, Severity::kAdvice) << f.rule;
  o.min_severity = Severity::kError;
  o.disabled_rules = {"FUND-001"};
  for (const auto& f : review(noisy(), o)) EXPECT_NE(f.rule, "FUND-001");
}

TEST(Review, EveryFindingHasMessageAndSpan) {
  for (const auto& f : review(noisy())) {
    EXPECT_FALSE(f.message.empty()) << f.rule;
    EXPECT_FALSE(f.spans.empty()) << f.rule;
    EXPECT_EQ(f.severity, rules::find_rule(f.rule)->info.severity) << f.rule;
  }
}

TEST(Amounts, ExactProductsAndConversions) {
  auto price = Decimal::parse("10.39");
  auto qty = Decimal::parse("3850");
  ASSERT_TRUE(price && qty);
  Yuan product = Yuan::from_decimal(*price, 1).times(*qty);
  EXPECT_EQ(product.yuan_text(), "40,001.50");
  EXPECT_EQ(Yuan::from_decimal(*Decimal::parse("0.0006"), 10000).times(*Decimal::parse("5")).yuan_text(), "30.00");
  EXPECT_EQ(Yuan::from_decimal(*Decimal::parse("33.0769"), 10000).yuan_text(), "330,769.00");
  EXPECT_EQ(Yuan::from_money(*Money::parse_yuan("37,855,000.00")).wan_text(), "3785.5");
  EXPECT_EQ(Yuan::half_last_digit(*Decimal::parse("704.42"), 10000).yuan_text(), "50.00");
  EXPECT_EQ(Yuan::half_last_digit(*Decimal::parse("610"), 10000).yuan_text(), "5,000.00");
  EXPECT_TRUE(rules::is_magnitude_slip(Yuan::from_decimal(*Decimal::parse("3778"), 1),
                                       Yuan::from_decimal(*Decimal::parse("3778"), 10000), Yuan{}));
  auto mu = rules::parse_money_unit("万元/人");
  ASSERT_TRUE(mu);
  EXPECT_EQ(mu->yuan_per_unit, 10000);
  EXPECT_EQ(mu->denominator, "人");
  EXPECT_FALSE(rules::parse_money_unit("万条/月"));
  EXPECT_FALSE(rules::parse_money_unit("人"));
}

TEST(Similarity, BigramsIgnorePunctuationAndSpaces) {
  EXPECT_DOUBLE_EQ(rules::text_similarity("门户网站 管理", "门户网站管理"), 1.0);
  EXPECT_DOUBLE_EQ(rules::text_similarity("甲乙", "丙丁"), 0.0);
  auto part = rules::BigramSet::of("数据运营");
  auto whole = rules::BigramSet::of("开展数据安全检查，推进运营。");
  EXPECT_NEAR(rules::containment(part, whole), 2.0 / 3.0, 1e-9);  // 数据, 运营; 据运 absent
  EXPECT_NEAR(rules::containment(part, rules::BigramSet::of("开展数据安全检查。")), 1.0 / 3.0, 1e-9);
}

TEST(TextFacts, BudgetListRolesSkipPricesAndRemarks) {
  Project p;
  p.sections = {section("6", "年度预算安排",
                        "2023年项目预算金额25万。其中开展大型宣传活动1次，需20万元（最高限额为20万元）；组织培训4次，"
                        "每次1万元，需4万元；人均约2万元/年；共计24万元。",
                        1, 3, "宣传活动费")};
  auto f = rules::extract_text_facts(p);
  ASSERT_EQ(f.budget_lists.size(), 1u);
  const auto& st = f.budget_lists[0].statements;
  ASSERT_EQ(st.size(), 4u);
  EXPECT_EQ(st[0].role, rules::AmountRole::kDeclaredTotal);
  EXPECT_EQ(st[0].amount.written, "25万");
  EXPECT_EQ(st[1].role, rules::AmountRole::kItem);
  EXPECT_EQ(st[1].amount.written, "20万元");
  EXPECT_EQ(st[2].amount.written, "4万元");
  EXPECT_EQ(st[3].role, rules::AmountRole::kClosingTotal);
  EXPECT_FALSE(f.budget_lists[0].project_level);
  EXPECT_TRUE(f.project_totals.empty()) << "sub-project statements are not the project's total";
}

TEST(TextFacts, PeriodsBodiesAndKeptNumberBoundaries) {
  Project p;
  p.sections = {section("三", "实施主体", "该项目责任主体为我办对口支援科，主要职能是对口支援。"),
                section("五", "实施周期", "实施周期为 2023年 9月-2023年 10月；云平台 2021 年 8 月至 2024 年 8 月。"),
                section("六", "年度预算安排", "援藏干部工作经费 11 25 275")};
  auto f = rules::extract_text_facts(p);
  ASSERT_EQ(f.periods.size(), 2u);
  EXPECT_EQ(f.periods[0].start, (rules::YearMonth{2023, 9}));
  EXPECT_EQ(f.periods[0].end, (rules::YearMonth{2023, 10}));
  EXPECT_EQ(f.periods[1].end, (rules::YearMonth{2024, 8}));
  ASSERT_EQ(f.bodies.size(), 1u);
  EXPECT_EQ(f.bodies[0].name, "我办对口支援科");
  EXPECT_EQ(rules::to_utf8(rules::section_text(p.sections[2])), "援藏干部工作经费11 25 275");
}

}  // namespace
}  // namespace jixiao

// CONS-* (dates, names, implementer, units, citations).
#include <gtest/gtest.h>

#include "builders.h"

namespace jixiao {
namespace {

using namespace testing;

TEST(Cons001, PlanEndingBeforeTheBudgetYear) {
  Project p = form_project(3, "网络信息系统开发、升级、建设", "151,225,380.00", 2023);
  p.start = date("2021-01-01", 799);
  p.end = date("2022-12-31", 803);
  auto f = findings_of(declaration({p}, 2023), "CONS-001");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].severity, Severity::kError);
  EXPECT_TRUE(covers_line(f[0], 803));
  p.end = date("2023-06-30", 803);  // a multi-year plan reaching into the budget year
  EXPECT_TRUE(findings_of(declaration({p}, 2023), "CONS-001").empty());
}

TEST(Cons001, InvertedOrFutureDates) {
  Project p = form_project(1, "示例", "100.00", 2024);
  p.start = date("2025-02-01");
  p.end = date("2025-12-31");
  EXPECT_EQ(findings_of(declaration({p}), "CONS-001").size(), 1u);
  p.start = date("2024-12-31");
  p.end = date("2024-01-01");
  auto f = findings_of(declaration({p}), "CONS-001");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_NE(f[0].message.find("晚于计划完成日期"), std::string::npos);
}

TEST(Cons002, NarrativePeriodBeyondThePlan) {
  Project p = form_project(1, "大数据与网络信息", "10,180,000.00");
  p.sections = {section("五", "实施周期",
                        "区政务外网驻场运维服务项目实施的起止时间为 2024 年 8 月至 2025 年 7月。数据安全专项检查项目"
                        "实施的起止时间为 2024 年 1 月至 2024 年 12 月。",
                        2336, 2344)};
  auto f = findings_of(declaration({p}), "CONS-002");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].severity, Severity::kWarning);
  EXPECT_NE(f[0].message.find("2024年8月至2025年7月"), std::string::npos);
  EXPECT_EQ(f[0].message.find("2024年1月至2024年12月"), std::string::npos);
  EXPECT_TRUE(covers_line(f[0], 2338));
  p.sections[0].text = "该项目的实施周期为 2024 年 1 月至 2024 年 12 月。社保卡项目 2024年9月（至2024年10月）。";
  EXPECT_TRUE(findings_of(declaration({p}), "CONS-002").empty());
}

TEST(Cons004, FormNameAndNarrativeTitle) {
  Project p = form_project(1, "门户网站管理", "526,000.00");
  p.narrative_title = text("门户网站 管理", 10);
  EXPECT_TRUE(findings_of(declaration({p}), "CONS-004").empty());
  p.narrative_title = text("门户网站运维管理", 10);
  auto f = findings_of(declaration({p}), "CONS-004");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_TRUE(covers_line(f[0], 10));
  EXPECT_TRUE(covers_line(f[0], 100));
}

TEST(Cons005, ImplementerNamedInTheNarrative) {
  Project p = form_project(8, "街镇村居网络租赁", "2,825,000.00");
  p.implementer = text("上海市松江区人民政府办公室（本级）", 1676);
  p.sections = {section("三", "实施主体", "该项目的责任主体为区大数据中心，主要职责是以购买服务的方式提供运维服务。", 1603, 1609)};
  auto f = findings_of(declaration({p}), "CONS-005");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_TRUE(covers_line(f[0], 1605));
  EXPECT_TRUE(covers_line(f[0], 1676));
  p.implementer = text("上海市松江区大数据中心");
  EXPECT_TRUE(findings_of(declaration({p}), "CONS-005").empty());
  p.implementer = text("上海市松江区人民政府办公室（本级）");
  p.sections[0].text = "该项目责任主体为我办接待科和对口支援科，主要职能是负责接待工作。";
  EXPECT_TRUE(findings_of(declaration({p}), "CONS-005").empty());
  // A department of the unit itself, written with the unit's short name.
  p.implementer = text("上海市浦东新区大数据中心");
  p.sections[0].text = "该项目责任主体为区大数据中心电子政务管理部，主要职能是运维。";
  EXPECT_TRUE(findings_of(declaration({p}), "CONS-005").empty());
}

TEST(Cons009, NarrativeBudgetInYuanInsteadOfWan) {
  Project p = form_project(1, "示例", "3,778.00");
  p.narrative_budget_wan = text("3778", 20);
  auto f = findings_of(declaration({p}), "CONS-009");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].severity, Severity::kError);
  EXPECT_TRUE(findings_of(declaration({p}), "BUDG-001").empty());
  p.funds.total = yuan("37,780,000.00");
  p.funds.annual_total = yuan("37,780,000.00");
  EXPECT_TRUE(findings_of(declaration({p}), "CONS-009").empty());
}

TEST(Cons009, TableLabelledYuanHoldingWan) {
  Project p = form_project(3, "网络信息系统开发", "31,908,600.00", 2023);
  p.funds.annual_total = yuan("10,016,960.00");
  p.funds.current_appropriation = yuan("10,016,960.00");
  p.end = date("2023-12-31");
  p.sections = {section("6", "年度预算安排", "序号费用名称2021年计划（万元）2023年计划（万元）1项目建设费2154.1 923.164 "
                                              "3077.264 合计（元）2189.164 1001.696 3190.86", 751, 777)};
  auto f = findings_of(declaration({p}, 2023), "CONS-009");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_NE(f[0].message.find("合计（元）"), std::string::npos);
  EXPECT_NE(f[0].message.find("1001.696 万元 等于年度资金申请总额"), std::string::npos);
  p.sections[0].text = "序号费用名称2021年计划（万元）2023年计划（万元）1项目建设费2154.1 923.164 3077.264 合计（万元）2189.164 1001.696 3190.86";
  EXPECT_TRUE(findings_of(declaration({p}, 2023), "CONS-009").empty());
}

TEST(Cons009, TotalCostIndicatorInTheWrongUnit) {
  Project p = form_project(1, "门户网站管理", "526,000.00");
  p.indicators = complete_indicators();
  p.indicators[0] = indicator("成本指标", "经济成本指标", "项目总成本", "≤52.60(元)", 60);
  EXPECT_EQ(findings_of(declaration({p}), "CONS-009").size(), 1u);
  EXPECT_TRUE(findings_of(declaration({p}), "COST-002").empty()) << "reported once, as a slip";
}

TEST(Cons010, OneDocumentNumberForTwoDocuments) {
  Project p = form_project(5, "区政府办常规业务培训", "50,000.00");
  p.sections = {section("二", "立项依据",
                        "《上海市政府信息公开规定》（上海市人民政府令第 35 号）、《上海市重大行政决策程序规定》（上海市人民"
                        "政府令第 35 号）、《上海市行政规范性文件制定和备案规定》（上海市人民政府令第 46 号）",
                        869, 879)};
  Project q = form_project(6, "宣传与推广", "300,000.00");
  q.sections = {section("二", "立项依据", "《上海市政府信息公开规定》（上海市人民政府令第 35 号）", 1066)};
  auto f = findings_of(declaration({p, q}), "CONS-010");
  ASSERT_EQ(f.size(), 1u) << "the same regulation cited twice with its number is fine";
  EXPECT_EQ(f[0].project_seq, 5);
  EXPECT_TRUE(covers_line(f[0], 871));
  p.sections[0].text = "《上海市政府信息公开规定》（上海市人民政府令第 35 号）、《上海市重大行政决策程序规定》（上海市人民政府令第 10 号）";
  EXPECT_TRUE(findings_of(declaration({p, q}), "CONS-010").empty());
}

}  // namespace
}  // namespace jixiao

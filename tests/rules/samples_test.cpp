// The review of the three bundled sample declarations (testdata/samples, real published
// documents): every real error the issue lists is found, at its source lines, and every finding
// jixiao reports on them is listed here with the reason a careful reviewer would keep it. A new
// finding (or a lost one) fails the test until it is justified here.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>

#include "builders.h"
#include "ingest/parse.h"

namespace jixiao {
namespace {

using namespace testing;

const Declaration& sample(const std::string& name) {
  static std::map<std::string, Declaration> cache;
  auto it = cache.find(name);
  if (it == cache.end()) {
    auto path = std::filesystem::path(JIXIAO_SOURCE_DIR) / "testdata" / "samples" / name;
    auto parsed = parse_file(path);
    EXPECT_TRUE(parsed.ok()) << (parsed.ok() ? "" : parsed.error().describe());
    it = cache.emplace(name, parsed.ok() ? *parsed : Declaration{}).first;
  }
  return it->second;
}

const std::vector<Finding>& findings(const std::string& name) {
  static std::map<std::string, std::vector<Finding>> cache;
  auto it = cache.find(name);
  if (it == cache.end()) it = cache.emplace(name, review(sample(name))).first;
  return it->second;
}

const Finding* find(const std::string& name, int seq, const std::string& rule) {
  for (const auto& f : findings(name))
    if (f.project_seq == seq && f.rule == rule) return &f;
  return nullptr;
}

bool has_evidence(const Finding& f, const std::string& value) {
  return std::any_of(f.evidence.begin(), f.evidence.end(), [&](const Evidence& e) { return e.value == value; });
}

constexpr auto kGov = "songjiang-gov-office-2024.txt";
constexpr auto kBigData = "songjiang-bigdata-center-2024.txt";
constexpr auto kSciTech = "songjiang-sci-tech-service-center-2023.txt";

// ---- The real errors named in issue #4 -------------------------------------------------------

TEST(SampleErrors, LineItemsAddUpTo3785_5AgainstNarrativeAndForm3778) {
  const Finding* f = find(kGov, 1, "BUDG-003");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->severity, Severity::kError);
  EXPECT_NE(f->message.find("3785.5 万元"), std::string::npos) << f->message;
  EXPECT_NE(f->message.find("3778 万元"), std::string::npos) << f->message;
  EXPECT_TRUE(covers_line(*f, 80));   // 援版纳项目 … 1260 万元
  EXPECT_TRUE(covers_line(*f, 126));  // the last row, 慰问团出访六安慰问费（教师医生） 2 0.2 0.4
  EXPECT_TRUE(covers_line(*f, 155));  // 项目资金总额 37,780,000.00
}

TEST(SampleErrors, NarrativeSays610ForAFormOf5800000WhoseItemsAddUpTo580) {
  const Finding* f = find(kGov, 9, "BUDG-001");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->severity, Severity::kError);
  EXPECT_TRUE(has_evidence(*f, "610"));
  EXPECT_TRUE(has_evidence(*f, "5,800,000.00"));
  EXPECT_TRUE(has_evidence(*f, "580")) << "the line items' sum is shown";
  EXPECT_TRUE(covers_line(*f, 1810));  // 算资金约 610 万元
  EXPECT_TRUE(covers_line(*f, 1919));  // 项目资金总额 5,800,000.00
}

TEST(SampleErrors, LineItem800Times47Written38000) {
  const Finding* f = find(kGov, 7, "ARITH-001");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->severity, Severity::kError);
  EXPECT_NE(f->message.find("37,600.00"), std::string::npos);
  EXPECT_TRUE(covers_line(*f, 1393));  // 规范性文件评估清理 (the row starts with its name)
  EXPECT_TRUE(covers_line(*f, 1397));  // 800 47 800×47=38000
}

TEST(SampleErrors, TotalBudget835_74AgainstFourteenItemsOf704_42) {
  for (auto [file, seq, statement_line, form_line] :
       {std::tuple{kGov, 13, 2950, 3007}, std::tuple{kBigData, 3, 182, 195}}) {
    const Finding* f = find(file, seq, "BUDG-002");
    ASSERT_NE(f, nullptr) << file;
    EXPECT_EQ(f->severity, Severity::kError);
    EXPECT_NE(f->message.find("835.74"), std::string::npos);
    EXPECT_TRUE(has_evidence(*f, "704.42")) << "the fourteen items' sum is shown";
    EXPECT_TRUE(covers_line(*f, statement_line)) << file;  // 该项目总预算为 835.74 万元
    EXPECT_TRUE(covers_line(*f, form_line)) << file;       // 项目资金总额 7,044,200.00
  }
}

TEST(SampleErrors, Form2023PlannedFor2021To2022WithTotal151225380AgainstNarrative3190_86) {
  const Finding* dates = find(kSciTech, 3, "CONS-001");
  ASSERT_NE(dates, nullptr);
  EXPECT_EQ(dates->severity, Severity::kError);
  EXPECT_TRUE(covers_line(*dates, 799));  // 计划开始日期 2021-01-01
  EXPECT_TRUE(covers_line(*dates, 803));  // 2022-12-31
  const Finding* money = find(kSciTech, 3, "BUDG-001");
  ASSERT_NE(money, nullptr);
  EXPECT_EQ(money->severity, Severity::kError);
  EXPECT_TRUE(has_evidence(*money, "3190.86"));
  EXPECT_TRUE(has_evidence(*money, "151,225,380.00"));
  EXPECT_TRUE(covers_line(*money, 693));  // 预算资金约 3190.86
  EXPECT_TRUE(covers_line(*money, 810));  // 项目资金总额 151225380.0
}

TEST(SampleErrors, Project2024WhoseSubProjectRunsInto2025) {
  for (auto [file, seq, line] : {std::tuple{kGov, 11, 2338}, std::tuple{kBigData, 1, 39}}) {
    const Finding* f = find(file, seq, "CONS-002");
    ASSERT_NE(f, nullptr) << file;
    EXPECT_NE(f->message.find("2024年8月至2025年7月"), std::string::npos) << f->message;
    EXPECT_TRUE(covers_line(*f, line)) << file;  // 2024 年 8 月至 2025 年 7 月
  }
}

TEST(SampleErrors, CostIndicatorOf20PerPersonAgainstLineItemsAt24) {
  for (auto [file, seq, indicator_line, price_line] :
       {std::tuple{kGov, 11, 2541, 2374}, std::tuple{kBigData, 1, 69, 49}}) {
    const Finding* f = find(file, seq, "COST-001");
    ASSERT_NE(f, nullptr) << file;
    EXPECT_NE(f->message.find("≤20.00(万)"), std::string::npos);
    EXPECT_NE(f->message.find("24万元/年"), std::string::npos);
    EXPECT_TRUE(covers_line(*f, indicator_line)) << file;  // 年人均成本 ≤20.00(万)
    EXPECT_TRUE(covers_line(*f, price_line)) << file;      // 人均约 24 万元/年
  }
}

// ---- Every finding on the samples, with its justification -------------------------------------

struct Expected {
  int seq;
  const char* rule;
  Severity severity;
  std::vector<int> lines;  // lines the finding's spans must cover
  const char* why;         // why a careful reviewer keeps it
  // A few rows are genuinely ambiguous in the text; whether the parser reads them or marks them
  // unreadable changes which finding is right. Such entries apply only when the project has (or
  // has not) an unreadable field starting with this prefix.
  const char* only_if_unreadable = nullptr;
  const char* only_if_readable = nullptr;
};

bool has_unreadable(const Declaration& d, int seq, const char* prefix) {
  for (const auto& p : d.projects)
    if (p.seq == seq)
      for (const auto& u : p.unreadable)
        if (u.field.rfind(prefix, 0) == 0) return true;
  return false;
}

constexpr Severity E = Severity::kError, W = Severity::kWarning, A = Severity::kAdvice;

const std::map<std::string, std::vector<Expected>>& expected() {
  static const std::map<std::string, std::vector<Expected>> table = {
      {kGov,
       {{1, "BUDG-003", E, {80, 126, 155}, "items 1260+1600+250+675.5 = 3785.5 万元, narrative and form 3778"},
        {1, "VALUE-006", A, {232, 237}, "“促进”“提高”: a direction, no measure"},
        {3, "BUDG-008", W, {641, 491},
         "接待人员 ≥5000 人, meals budgeted for 2000 + 1000 people; 5000 is the 租车 公里 (gold other)"},
        {4, "CONS-006", W, {778}, "goal appends 项目5's 以培训为抓手… (gold goal_copied_from_other_project)"},
        {5, "CONS-010", W, {873, 875}, "两部规章同写“上海市人民政府令第35号” (gold other)"},
        {5, "VALUE-006", A, {1020, 1033, 1038}, "three values only “提升”, 2/7 quantitative"},
        {6, "VALUE-006", A, {1286, 1291}, "示范效应/信息公开程度 “提升”, 2/7 quantitative"},
        {7, "ARITH-001", E, {1397}, "800×47 = 37,600, written 38,000"},
        {7, "PARSE-001", W, {1413},
         "the 公报 row has 4 numbers for 3 columns; not guessed, left to the reviewer (its products are "
         "rechecked from the text by ARITH-002)",
         "line_items"},
        {8, "BUDG-007", W, {1585},
         "中标金额 847.4112 万元, 拟申请 847.5 万元 “为方便计算”: 888 元 above the contract (gold other)"},
        {8, "CONS-005", W, {1605, 1676}, "说明: 责任主体为区大数据中心; form: 区政府办（本级） (gold other)"},
        {8, "VALUE-006", A, {1783, 1788}, "“良好”“减少”, 4/7 quantitative"},
        {9, "BUDG-001", E, {1810, 1919}, "约 610 万元 vs 5,800,000.00 (items 580)"},
        {9, "VALUE-006", A, {2024}, "“拓宽”, 3/7 quantitative"},
        {10, "VALUE-006", A, {2184}, "经济发展质量 “提升”, 2/6 quantitative"},
        {11, "ARITH-003", W, {2374, 2376}, "20 人 × 24 万元 = 480 ≠ 800 (gold line_item_arithmetic)"},
        {11, "CONS-002", W, {2338, 2431}, "驻场运维 2024-08..2025-07 (gold dates_outside_year)"},
        {11, "CONS-008", W, {2376}, "数据运营服务 800 of 1018 万元 absent from goals/indicators (gold goal_mismatch_topic)"},
        {11, "COST-001", W, {2541, 2374}, "≤20 万 per person vs 人均约24 万元/年 (gold cost_indicator_vs_budget)"},
        {11, "VALUE-008", W, {2541}, "“≤20.00(万)”: 万 without 元 (gold unit_suspicious)"},
        {13, "BUDG-002", E, {2950, 3007}, "总预算为 835.74 vs 7,044,200.00 and 14 items = 704.42"},
        {13, "VALUE-006", A, {3120}, "网络维护成本 “减少”, 3/7 quantitative"},
        {14, "BUDG-004", A, {3149, 3217}, "330,769 rounded up to 330,800 on the form (gold line_items_vs_total)"},
        {14, "VALUE-006", A, {3298}, "满意度 “满意” where a percentage is usual, 2/6 quantitative"}}},
      {kBigData,
       {{1, "ARITH-003", W, {49}, "20 人 × 24 万元 = 480 ≠ 800 (gold line_item_arithmetic)"},
        {1, "CONS-002", W, {39, 61}, "驻场运维 2024-08..2025-07 (gold dates_outside_year)"},
        {1, "CONS-008", W, {49}, "数据运营服务 800 of 1018 万元 absent from goals/indicators (gold goal_mismatch_topic)"},
        {1, "COST-001", W, {69, 49}, "≤20 万 per person vs 人均约24 万元/年 (gold cost_indicator_vs_budget)"},
        {1, "VALUE-008", W, {69}, "“≤20.00(万)”: 万 without 元 (gold unit_suspicious)"},
        {3, "BUDG-002", E, {182, 195}, "总预算为 835.74 vs 7,044,200.00 (gold narrative_vs_form_total)"},
        {3, "VALUE-006", A, {208}, "网络维护成本 “减少”, 3/7 quantitative"},
        {4, "BUDG-004", A, {236, 247}, "总计 330,769 rounded up to 330,800 (gold line_items_vs_total)"},
        {4, "VALUE-006", A, {260}, "用人单位满意度 “满意”, 2/6 quantitative"}}},
      {kSciTech,
       {{1, "FRAME-006", A, {272, 274}, "成本 filed under 产出 (pre-2021 form variant)"},
        {1, "FRAME-012", A, {297}, "卡片信息准确性 is a quality of the output, filed under 社会效益"},
        {1, "VALUE-006", A, {290, 295, 308, 322, 323}, "5 direction-only values, 11/24 quantitative"},
        {2, "CONS-007", W, {629, 648, 670},
         "等保/系统运行 indicators verbatim from 项目4; 项目2 is SMS rent and events (gold goal_copied_from_other_project)"},
        {2, "COST-003", W, {606, 329}, "700 元/月 × 12 = 8,400 for a 10 万元 sub-project (gold cost_indicator_vs_budget)"},
        {2, "FRAME-006", A, {606, 611, 616}, "成本 filed under 产出 (pre-2021 form variant)"},
        {2, "VALUE-002", A, {648}, "“当年等保测评分≥上一期分数”: a relative target without a figure"},
        {2, "VALUE-006", A, {637, 639, 641, 643}, "“改善”“提升”×3"},
        {3, "BUDG-001", E, {693, 810, 813}, "约 3190.86 万元 vs 151,225,380.00 / 10,016,960.00 (gold narrative_vs_form_total)"},
        {3, "CONS-001", E, {799, 803}, "a 2023 form planned 2021-01-01..2022-12-31 (gold dates_outside_year)"},
        {3, "CONS-009", E, {777}, "“合计（元） 2189.164 1001.696 3190.86” are 万元 (gold unit_suspicious)"},
        {3, "CONS-002", W, {749, 799}, "实施周期 2021-08..2023-06 vs form 2021-01..2022-12 (gold dates_outside_year)"},
        {3, "FRAME-003", W, {890}, "no 成本指标 at all (gold indicator_category_missing)"},
        {3, "PARSE-001", W, {916},
         "the row 支撑“一网通办、一网统管”效能提升 / 提升 splits two ways into name and value; not guessed "
         "(so VALUE-006 does not count it, and 执行有效性 “有效” alone with 6/10 quantitative stays below "
         "the advice threshold)",
         "indicators[7]"},
        {3, "VALUE-006", A, {919, 927}, "“提升”“有效”, 6/11 quantitative (when the 效能提升 row is read)", nullptr,
         "indicators[7]"},
        {4, "CONS-002", W, {985, 1056, 1109, 1198, 1259}, "sub-project periods into 2024 (gold dates_outside_year)"},
        {4, "PARSE-001", W, {1288}, "项目总目标 and 年度总体目标 run together in two columns; not guessed",
         "overall_goal"},
        {4, "FRAME-006", A, {1466, 1470}, "成本 filed under 产出 (pre-2021 form variant)"},
        {4, "VALUE-002", A, {1517}, "“当年等保测评分≥上一期分数”: a relative target without a figure"},
        {4, "VALUE-006", A, {1539}, "用户满意度 “满意”, 10/20 quantitative"}}},
  };
  return table;
}

class SampleFindings : public ::testing::TestWithParam<std::string> {};

TEST_P(SampleFindings, AreExactlyTheJustifiedOnes) {
  const std::string& file = GetParam();
  const auto& got = findings(file);
  const auto& want = expected().at(file);
  std::vector<bool> used(got.size(), false);
  for (const Expected& e : want) {
    if (e.only_if_unreadable && !has_unreadable(sample(file), e.seq, e.only_if_unreadable)) continue;
    if (e.only_if_readable && has_unreadable(sample(file), e.seq, e.only_if_readable)) continue;
    auto it = std::find_if(got.begin(), got.end(), [&](const Finding& f) {
      return !used[static_cast<std::size_t>(&f - got.data())] && f.project_seq == e.seq && f.rule == e.rule;
    });
    if (it == got.end()) {
      ADD_FAILURE() << file << ": missing " << e.rule << " on project " << e.seq << " (" << e.why << ")";
      continue;
    }
    used[static_cast<std::size_t>(it - got.begin())] = true;
    EXPECT_EQ(it->severity, e.severity) << e.rule << " project " << e.seq;
    for (int line : e.lines) EXPECT_TRUE(covers_line(*it, line)) << e.rule << " project " << e.seq << " line " << line;
  }
  for (std::size_t k = 0; k < got.size(); ++k)
    if (!used[k])
      ADD_FAILURE() << file << ": unexpected " << got[k].rule << " on project " << got[k].project_seq << ": "
                    << got[k].message << " — justify it in samples_test.cpp or fix the rule";
}

INSTANTIATE_TEST_SUITE_P(Samples, SampleFindings, ::testing::Values(kGov, kBigData, kSciTech),
                         [](const auto& info) {
                           std::string n = info.param;
                           n = n.substr(0, n.find('.'));
                           std::replace(n.begin(), n.end(), '-', '_');
                           return n;
                         });

TEST(SampleFindings, HeaderClaimsHold) {
  // 14 forms / 6749.10 万元, 4 / 1808.10, and 2021.05 = Σ年度资金申请总额 (not Σ项目资金总额).
  for (const char* file : {kGov, kBigData, kSciTech}) {
    EXPECT_EQ(find(file, 0, "HEAD-001"), nullptr) << file;
    EXPECT_EQ(find(file, 0, "HEAD-002"), nullptr) << file;
    EXPECT_TRUE(sample(file).header.total_wan.has_value()) << file;
  }
}

}  // namespace
}  // namespace jixiao

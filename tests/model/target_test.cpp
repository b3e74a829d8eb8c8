// Target::parse: every value style of the hand-checked gold files, plus comparator spellings.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

#include "model/target.h"

namespace jixiao {
namespace {

struct Case {
  const char* value;
  const char* cmp;  // "" for qualitative
  const char* num;
  const char* unit;
  const char* text;
  const char* prefix;
};

// One row per distinct style in ../shared/samples/*.gold.json (checked by hand against the gold
// files' cmp/num/unit/text), plus the spellings the normaliser hands over.
constexpr Case kCases[] = {
    {"≥90.00(%)", "≥", "90.00", "%", "", ""},
    {"≤25.00(万元)", "≤", "25.00", "万元", "", ""},
    {"≤20.00(万)", "≤", "20.00", "万", "", ""},
    {"≤24.00(小时)", "≤", "24.00", "小时", "", ""},
    {"≥5000.00(人)", "≥", "5000.00", "人", "", ""},
    {"=100%", "=", "100", "%", "", ""},
    {">=85%", "≥", "85", "%", "", ""},
    {"=56850份", "=", "56850", "份", "", ""},
    {"=3万条/月", "=", "3", "万条/月", "", ""},
    {"<=1次", "≤", "1", "次", "", ""},
    {">=30人次/场", "≥", "30", "人次/场", "", ""},
    {"<=3分钟", "≤", "3", "分钟", "", ""},
    {"=700元/月", "=", "700", "元/月", "", ""},
    {"<=20万元/场", "≤", "20", "万元/场", "", ""},
    {">=3亿条", "≥", "3", "亿条", "", ""},
    {"全年≤5次", "≤", "5", "次", "", "全年"},
    {"全年稳定运行率≥95%", "≥", "95", "%", "", "全年稳定运行率"},
    {"合理", "", "", "", "合理", ""},
    {"及时", "", "", "", "及时", ""},
    {"48小时内", "", "", "", "48小时内", ""},
    {"按计划及时完成", "", "", "", "按计划及时完成", ""},
    {"2023年10月底", "", "", "", "2023年10月底", ""},
    {"控制于预算内", "", "", "", "控制于预算内", ""},
    {"小于预算申请数", "", "", "", "小于预算申请数", ""},
    {"不超过系统正常运维成本", "", "", "", "不超过系统正常运维成本", ""},
    {"测评标准未大幅修改时，当年等保测评分≥上一期分数", "", "", "",
     "测评标准未大幅修改时，当年等保测评分≥上一期分数", ""},
    // Comparator spellings.
    {"＞＝90%", "≥", "90", "%", "", ""},
    {"≧80%", "≥", "80", "%", "", ""},
    {"≦5次", "≤", "5", "次", "", ""},
    {"＝12篇", "=", "12", "篇", "", ""},
    {">5分钟", ">", "5", "分钟", "", ""},
    {"<3", "<", "3", "", "", ""},
    {"＜10天", "<", "10", "天", "", ""},
    {"≥1,234人", "≥", "1234", "人", "", ""},  // separators dropped from num
    {"≥90(%)", "≥", "90", "%", "", ""},
    {"≥90（%）", "≥", "90", "%", "", ""},      // full-width brackets
    // Not quantitative: kept verbatim.
    {">=", "", "", "", ">=", ""},
    {"2024年≥5次", "", "", "", "2024年≥5次", ""},  // a number before the comparator
    {"≥5次/≥3人", "", "", "", "≥5次/≥3人", ""},    // two targets in one cell
};

TEST(TargetParse, GoldValueStyles) {
  for (const Case& c : kCases) {
    Target t = Target::parse(c.value);
    EXPECT_EQ(comparator_symbol(t.cmp), c.cmp) << c.value;
    EXPECT_EQ(t.num, c.num) << c.value;
    EXPECT_EQ(t.unit, c.unit) << c.value;
    EXPECT_EQ(t.text, c.text) << c.value;
    EXPECT_EQ(t.prefix, c.prefix) << c.value;
    EXPECT_EQ(t.quantitative(), *c.num != '\0') << c.value;
  }
}

TEST(TargetParse, EmptyValueIsEmptyQualitative) {
  Target t = Target::parse("");
  EXPECT_FALSE(t.quantitative());
  EXPECT_EQ(t.cmp, Comparator::kNone);
  EXPECT_EQ(t.text, "");
}

TEST(Comparator, SymbolsAndSpellings) {
  EXPECT_EQ(parse_comparator(">="), Comparator::kGe);
  EXPECT_EQ(parse_comparator("≥"), Comparator::kGe);
  EXPECT_EQ(parse_comparator("<="), Comparator::kLe);
  EXPECT_EQ(parse_comparator("＝"), Comparator::kEq);
  EXPECT_EQ(parse_comparator(">"), Comparator::kGt);
  EXPECT_EQ(parse_comparator("＜"), Comparator::kLt);
  EXPECT_FALSE(parse_comparator("≥≥").has_value());
  EXPECT_FALSE(parse_comparator("").has_value());
  EXPECT_FALSE(parse_comparator("大于").has_value());
  for (Comparator c : {Comparator::kGe, Comparator::kLe, Comparator::kEq, Comparator::kGt,
                       Comparator::kLt})
    EXPECT_EQ(parse_comparator(comparator_symbol(c)), c);
  EXPECT_EQ(comparator_symbol(Comparator::kNone), "");
}

// Every indicator row of the gold files: Target::parse(value) gives the gold cmp/num/unit/text.
TEST(TargetParse, AgreesWithEveryGoldIndicatorRow) {
  namespace fs = std::filesystem;
  fs::path samples = fs::path(JIXIAO_SOURCE_DIR) / ".." / "shared" / "samples";
  if (!fs::exists(samples)) GTEST_SKIP() << "../shared/samples is absent: " << samples;
  int rows = 0;
  for (const auto& entry : fs::directory_iterator(samples)) {
    std::string name = entry.path().filename().string();
    if (name.size() < 10 || name.substr(name.size() - 10) != ".gold.json") continue;
    std::ifstream in(entry.path());
    nlohmann::json gold = nlohmann::json::parse(in);
    for (const auto& p : gold["projects"]) {
      for (const auto& i : p["indicators"]) {
        auto str = [&](const char* key) {
          return i[key].is_null() ? std::string() : i[key].get<std::string>();
        };
        std::string value = str("value");
        Target t = Target::parse(value);
        EXPECT_EQ(std::string(comparator_symbol(t.cmp)), str("cmp")) << name << ": " << value;
        EXPECT_EQ(t.num, str("num")) << name << ": " << value;
        EXPECT_EQ(t.unit, str("unit")) << name << ": " << value;
        EXPECT_EQ(t.text, str("text")) << name << ": " << value;
        ++rows;
      }
    }
  }
  EXPECT_EQ(rows, 196);  // the gold files' indicator rows (samples/README.md)
}

}  // namespace
}  // namespace jixiao

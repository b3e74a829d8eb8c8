// Golden tests: every sample in testdata/samples/ parsed and compared with its hand-checked
// gold file — header claims, every project, form field, the seven amounts, the narrative's
// budget and every indicator row, exactly. Fields the gold lists as `uncertain` are skipped.
// The samples' GB18030 copies must parse to the same result.
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "ingest/decode.h"
#include "ingest/parse.h"
#include "model/json_io.h"

namespace jixiao {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;

fs::path samples_dir() { return fs::path(JIXIAO_SOURCE_DIR) / "testdata" / "samples"; }

std::vector<std::string> sample_names() {
  std::vector<std::string> names;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(samples_dir(), ec)) {
    std::string file = entry.path().filename().string();
    const std::string suffix = ".gold.json";
    if (file.size() > suffix.size() && file.ends_with(suffix))
      names.push_back(file.substr(0, file.size() - suffix.size()));
  }
  std::sort(names.begin(), names.end());
  return names;
}

std::string read_bytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

std::string show(const json& j) { return j.is_null() ? "null" : j.dump(); }

// Compares the parse output of one sample with its gold; returns one line per difference.
std::vector<std::string> compare_with_gold(const json& gold, const json& got) {
  std::vector<std::string> diffs;
  auto check = [&](const std::string& path, const json& g, const json& o) {
    if (g != o) diffs.push_back(path + ": gold=" + show(g) + " got=" + show(o));
  };
  check("year", gold.at("year"), got.at("year"));
  const json& gh = gold.at("header");
  const json& oh = got.at("header");
  check("header.unit", gh.at("unit"), got.at("issuer"));
  for (const char* key : {"budget_unit_count", "project_count", "total_wan"})
    check(std::string("header.") + key, gh.at(key), oh.at(key));

  const json& gp = gold.at("projects");
  const json& op = got.at("projects");
  check("projects.size", json(gp.size()), json(op.size()));
  for (std::size_t k = 0; k < std::min(gp.size(), op.size()); ++k) {
    const json& g = gp[k];
    const json& o = op[k];
    std::string prefix = "projects[" + std::to_string(k) + "]";
    std::set<std::string> uncertain;
    for (const json& u : g.value("uncertain", json::array())) uncertain.insert(u.get<std::string>());
    auto field = [&](const std::string& key, const json& gv, const json& ov) {
      std::string path = prefix + "." + key;
      if (!uncertain.count(path)) check(path, gv, ov);
    };
    for (const char* key : {"seq", "narrative_title", "name", "nature", "category", "department",
                            "implementer", "start", "end", "narrative_budget_wan"})
      field(key, g.at(key), o.at(key));
    for (const auto& [key, value] : g.at("funds_yuan").items())
      field("funds_yuan." + key, value, o.at("funds_yuan").at(key));
    const json& gi = g.at("indicators");
    const json& oi = o.at("indicators");
    field("indicators.size", json(gi.size()), json(oi.size()));
    for (std::size_t n = 0; n < std::min(gi.size(), oi.size()); ++n) {
      for (const char* key : {"l1", "l2", "name", "value", "cmp", "num", "unit", "text"})
        field("indicators[" + std::to_string(n) + "]." + key, gi[n].at(key), oi[n].at(key));
    }
  }
  return diffs;
}

std::string joined(const std::vector<std::string>& lines) {
  std::ostringstream out;
  for (const auto& l : lines) out << "  " << l << "\n";
  return out.str();
}

class Golden : public ::testing::TestWithParam<std::string> {};

TEST_P(Golden, MatchesTheHandCheckedGold) {
  const std::string name = GetParam();
  json gold = json::parse(read_bytes(samples_dir() / (name + ".gold.json")));
  auto parsed = parse_file(samples_dir() / (name + ".txt"));
  ASSERT_TRUE(parsed.ok()) << parsed.error().describe();
  std::vector<std::string> diffs = compare_with_gold(gold, to_json(*parsed));
  EXPECT_TRUE(diffs.empty()) << name << ": " << diffs.size() << " difference(s) from the gold:\n"
                             << joined(diffs);
}

TEST_P(Golden, Gb18030CopyParsesTheSame) {
  const std::string name = GetParam();
  std::string utf8 = read_bytes(samples_dir() / (name + ".txt"));
  auto gbk = encode_gb18030(utf8);
  ASSERT_TRUE(gbk.ok()) << gbk.error().message;
  auto from_utf8 = parse_bytes(utf8, name);
  auto from_gbk = parse_bytes(*gbk, name);
  ASSERT_TRUE(from_utf8.ok()) << from_utf8.error().describe();
  ASSERT_TRUE(from_gbk.ok()) << from_gbk.error().describe();
  EXPECT_EQ(from_gbk->encoding, "GB18030");
  from_gbk->encoding = from_utf8->encoding;
  from_gbk->sha256 = from_utf8->sha256;
  EXPECT_TRUE(*from_gbk == *from_utf8);
}

TEST_P(Golden, JsonRoundTripsThroughTheModel) {
  const std::string name = GetParam();
  auto parsed = parse_file(samples_dir() / (name + ".txt"));
  ASSERT_TRUE(parsed.ok()) << parsed.error().describe();
  json j = to_json(*parsed);
  auto back = declaration_from_json(j);
  ASSERT_TRUE(back.ok()) << back.error().describe();
  EXPECT_EQ(to_json(*back), j);
}

std::string test_name(const ::testing::TestParamInfo<std::string>& info) {
  std::string out;
  for (char c : info.param) out.push_back(std::isalnum(static_cast<unsigned char>(c)) ? c : '_');
  return out;
}

INSTANTIATE_TEST_SUITE_P(Samples, Golden, ::testing::ValuesIn(sample_names()), test_name);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(Golden);

TEST(GoldenSet, AllThreeSamplesArePresent) {
  EXPECT_EQ(sample_names().size(), 3u) << "expected three *.gold.json in " << samples_dir();
}

}  // namespace
}  // namespace jixiao

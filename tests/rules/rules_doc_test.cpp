// docs/rules.md documents exactly the registered rules, with their severities.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "rules/registry.h"

namespace jixiao {
namespace {

struct DocumentedRule {
  std::string severity_line;
  bool has_basis = false, has_example = false, has_gloss = false;
};

std::map<std::string, DocumentedRule> documented_rules() {
  std::ifstream in(std::filesystem::path(JIXIAO_SOURCE_DIR) / "docs" / "rules.md");
  std::map<std::string, DocumentedRule> out;
  std::string line, current;
  while (std::getline(in, line)) {
    if (line.rfind("### ", 0) == 0) {
      current = line.substr(4);
      out[current];
      continue;
    }
    if (current.empty()) continue;
    if (line.rfind("- **Severity:** ", 0) == 0) out[current].severity_line = line.substr(16);
    if (line.rfind("- **Basis:** ", 0) == 0) out[current].has_basis = line.size() > 14;
    if (line.rfind("- **Example:** ", 0) == 0) out[current].has_example = line.size() > 16;
    if (line.rfind("- **Gloss:** ", 0) == 0) out[current].has_gloss = line.size() > 14;
  }
  return out;
}

TEST(RulesDoc, EveryRegisteredRuleIsDocumentedWithItsSeverity) {
  auto docs = documented_rules();
  ASSERT_FALSE(docs.empty()) << "docs/rules.md is missing or has no rule sections";
  for (const auto& rule : rules::all_rules()) {
    std::string code(rule.info.code);
    auto it = docs.find(code);
    ASSERT_NE(it, docs.end()) << code << " is not documented in docs/rules.md";
    std::string expected = std::string(severity_label_zh(rule.info.severity)) + " " +
                           std::string(severity_name(rule.info.severity));
    EXPECT_EQ(it->second.severity_line, expected) << code;
    EXPECT_TRUE(it->second.has_basis) << code;
    EXPECT_TRUE(it->second.has_gloss) << code;
    EXPECT_TRUE(it->second.has_example) << code;
  }
}

TEST(RulesDoc, NoStaleCodes) {
  for (const auto& [code, doc] : documented_rules())
    EXPECT_NE(rules::find_rule(code), nullptr) << code << " is documented but not registered";
}

}  // namespace
}  // namespace jixiao

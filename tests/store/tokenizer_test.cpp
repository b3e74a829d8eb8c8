#include <gtest/gtest.h>

#include "store/cjk_tokenizer.h"
#include "store/keys.h"
#include "store/search_text.h"

namespace jixiao::store {
namespace {

std::vector<std::string> tokens(std::string_view text) {
  std::vector<std::string> out;
  for (const auto& u : scan_units(text)) out.push_back(u.token);
  return out;
}

TEST(ScanUnits, CjkCharactersAndAsciiWordsAreUnits) {
  EXPECT_EQ(tokens("网络 信息ABC，2024年 90.00%"),
            (std::vector<std::string>{"网", "络", "信", "息", "abc", "2024", "年", "90.00"}));
  // Full-width letters and digits fold to ASCII like the normaliser does.
  EXPECT_EQ(tokens("ＡＢＣ公司１２"), (std::vector<std::string>{"abc", "公", "司", "12"}));
}

TEST(ScanUnits, SeparatorsBreakAdjacency) {
  auto units = scan_units("网络、信息");
  ASSERT_EQ(units.size(), 4u);
  EXPECT_TRUE(adjacent(units[0], units[1]));
  EXPECT_FALSE(adjacent(units[1], units[2]));
  EXPECT_TRUE(adjacent(units[2], units[3]));
}

TEST(QuerySegments, SplitsOnSpacesAndPunctuation) {
  EXPECT_EQ(query_segments("网络 信息、系统"), (std::vector<std::string>{"网络", "信息", "系统"}));
  EXPECT_EQ(query_segments("满意度"), (std::vector<std::string>{"满意度"}));
  EXPECT_EQ(query_segments("  ，。 "), std::vector<std::string>{});
}

TEST(FindSegments, MatchesUnitsNotBytes) {
  std::string text = "提升网络信息系统稳定性，网络安全";
  auto ranges = find_segments(text, {"网络"});
  ASSERT_EQ(ranges.size(), 2u);
  EXPECT_EQ(text.substr(ranges[0].first, ranges[0].second - ranges[0].first), "网络");
  // A segment does not match across a separator.
  EXPECT_TRUE(find_segments("网、络", {"网络"}).empty());
}

TEST(MakeSnippet, HighlightsEveryMatchInTheWindow) {
  auto parts = make_snippet("本项目用于网络信息系统运行与维护，保障网络安全。", {"网络"});
  std::string marked;
  int matches = 0;
  for (const auto& p : parts) {
    marked += p.match ? "[" + p.text + "]" : p.text;
    matches += p.match ? 1 : 0;
  }
  EXPECT_EQ(matches, 2);
  EXPECT_EQ(marked, "本项目用于[网络]信息系统运行与维护，保障[网络]安全。");
}

TEST(MakeSnippet, CutsLongTextWithEllipsis) {
  std::string text;
  for (int i = 0; i < 50; ++i) text += "前文";
  text += "关键词";
  for (int i = 0; i < 50; ++i) text += "后文";
  auto parts = make_snippet(text, {"关键词"}, 20);
  ASSERT_EQ(parts.size(), 3u);
  EXPECT_TRUE(parts[0].text.starts_with("…"));
  EXPECT_EQ(parts[1].text, "关键词");
  EXPECT_TRUE(parts[1].match);
  EXPECT_TRUE(parts[2].text.ends_with("…"));
}

TEST(Keys, NameAndUnitKeys) {
  EXPECT_EQ(name_key("松江区街镇村居网络租赁（运维）（历年已批复）"), "松江区街镇村居网络租赁运维历年已批复");
  EXPECT_EQ(name_key(" 门户 网站管理 "), "门户网站管理");
  EXPECT_EQ(unit_key("上海市松江区人民政府办公室（本级）"), "上海市松江区人民政府办公室");
  EXPECT_EQ(unit_key("上海市松江区人民政府办公室"), "上海市松江区人民政府办公室");
}

TEST(Keys, DuplicateKeyNeedsYearNameImplementerAndAmount) {
  Project p;
  p.name.value = "门户网站管理";
  p.implementer.value = "上海市松江区大数据中心";
  p.funds.total.value = Money::from_fen(52600000);
  EXPECT_EQ(duplicate_key(2024, p), "2024|门户网站管理|上海市松江区大数据中心|t52600000");
  EXPECT_EQ(duplicate_key(std::nullopt, p), "");
  Project unread = p;
  unread.funds.total.value.reset();
  EXPECT_EQ(duplicate_key(2024, unread), "");  // no amount readable: never grouped
  unread = p;
  unread.name.value.reset();
  EXPECT_EQ(duplicate_key(2024, unread), "");
  unread = p;
  unread.implementer.value.reset();
  EXPECT_EQ(duplicate_key(2024, unread), "");
}

TEST(Keys, SourceStemDropsDirectoryExtensionAndCopyMarkers) {
  EXPECT_EQ(source_stem("dir/Putuo-Commerce-2025-Dept.PDF"), "putuo-commerce-2025-dept");
  EXPECT_EQ(source_stem("申报表 (1).pdf"), "申报表");
  EXPECT_EQ(source_stem("申报表（2）.txt"), "申报表");
  EXPECT_EQ(source_stem("declaration-v2.txt"), "declaration");
  EXPECT_EQ(source_stem("declaration_V3 (1).txt"), "declaration");
  EXPECT_EQ(source_stem("2024年部门预算.pdf"), "2024年部门预算");
}

TEST(Keys, DocumentIdentityIsYearIssuerAndSourceStem) {
  Declaration d;
  d.source = "uploads/songjiang-gov-office-2024.txt";
  d.year.value = 2024;
  d.issuer.value = "上海市松江区人民政府办公室";
  EXPECT_EQ(document_identity(d), "2024|上海市松江区人民政府办公室|songjiang-gov-office-2024");
  Declaration again = d;
  again.source = "songjiang-gov-office-2024 (1).txt";  // the same file downloaded again
  EXPECT_EQ(document_identity(again), document_identity(d));
  Declaration unit_edition = d;
  unit_edition.source = "songjiang-gov-office-2024-unit.txt";  // the unit's own edition
  EXPECT_NE(document_identity(unit_edition), document_identity(d));
  Declaration unknown;
  unknown.source = "dir/some-file.txt";
  EXPECT_EQ(document_identity(unknown), "source:some-file");
}

}  // namespace
}  // namespace jixiao::store

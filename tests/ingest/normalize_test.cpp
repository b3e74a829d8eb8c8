// Normalisation at the boundary (normalize.h) and the text helpers built on it.
#include <gtest/gtest.h>

#include "ingest/normalize.h"
#include "ingest/text_scan.h"

namespace jixiao {
namespace {

TEST(NormalizeLine, FullWidthDigitsAndSignsBecomeAscii) {
  EXPECT_EQ(normalize_line("≥９０．００（％）"), "≥90.00（%）");
  EXPECT_EQ(normalize_line("＝５６８５０份"), "=56850份");
  EXPECT_EQ(normalize_line("＞＝９０％"), ">=90%");
  EXPECT_EQ(normalize_line("≧95%"), "≥95%");
  EXPECT_EQ(normalize_line("≦24小时"), "≤24小时");
}

TEST(NormalizeLine, ChinesePunctuationIsKept) {
  EXPECT_EQ(normalize_line("其中：财政资金，（元）。"), "其中：财政资金，（元）。");
}

TEST(NormalizeLine, SpacesAreUnifiedCollapsedAndTrimmed) {
  EXPECT_EQ(normalize_line("\u3000项目名称\u00A0\u00A0 东西部扶贫帮困  "), "项目名称 东西部扶贫帮困");
  EXPECT_EQ(normalize_line("a\r"), "a");
}

TEST(NormalizeLine, OcrLetterSpacingBetweenSingleCharactersIsRemoved) {
  EXPECT_EQ(normalize_line("项 目 名 称"), "项目名称");
  EXPECT_EQ(normalize_line("文 件 数"), "文件数");
  // Between longer words a space may be the only cell boundary: kept.
  EXPECT_EQ(normalize_line("成本合理性 合理"), "成本合理性 合理");
}

TEST(NormalizeLine, TabsAreKeptAsCellSeparatorsWithoutSpacesAround) {
  EXPECT_EQ(normalize_line("项目名称 \t 大数据与网络信息\t\t项目性质"),
            "项目名称\t大数据与网络信息\t\t项目性质");
}

TEST(NormalizeLine, ControlCharactersReadAsSpaces) {
  EXPECT_EQ(normalize_line("\f第二页"), "第二页");
  EXPECT_EQ(normalize_line("a\x01" "b"), "a b");
}

TEST(NormalizeLine, LinesNeedingNoChangeComeBackAsTheyAre) {
  EXPECT_EQ(normalize_line("项目名称"), "项目名称");
  EXPECT_EQ(normalize_line("\t\t其中：财政资金\t10,180,000.00\t"), "\t\t其中：财政资金\t10,180,000.00\t");
  EXPECT_EQ(normalize_line("≥90.00(%)"), "≥90.00(%)");
  // Invalid UTF-8 (never produced by the decoder, but PDFs may carry it) reads as U+FFFD.
  EXPECT_EQ(normalize_line("a\xFF" "b"), "a\xEF\xBF\xBD" "b");
}

TEST(NormalizeLine, ShortcutForUnchangedLinesAgreesWithTheFullPath) {
  // A line needing no change is returned by a byte-level check without decoding. A trailing
  // space sends the same line through the full path (which trims it): the two must agree for
  // every code point of the blocks the check looks into.
  const std::pair<char32_t, char32_t> blocks[] = {{0x20, 0x7E},     {0x80, 0xFF},
                                                  {0x2000, 0x207F}, {0x2240, 0x227F},
                                                  {0x3000, 0x303F}, {0xFEC0, 0xFEFF},
                                                  {0xFF00, 0xFFEF}};
  for (auto [first, last] : blocks) {
    for (char32_t cp = first; cp <= last; ++cp) {
      std::string line = "项";
      append_utf8(line, cp);
      line += "目";
      EXPECT_EQ(normalize_line(line), normalize_line(line + " ")) << "U+" << std::hex
                                                                   << static_cast<unsigned>(cp);
    }
  }
}

TEST(NormalizeLine, IsIdempotent) {
  for (std::string s : {"≥ 4.00 (次)", "项 目 名 称 \t 大数据", "＝５６８５０份", "\u3000 ≦ 5 %"}) {
    std::string once = normalize_line(s);
    EXPECT_EQ(normalize_line(once), once) << s;
  }
}

TEST(JoinWrapped, JoinsCjkWithoutSpaceAndAsciiWordsWithOne) {
  EXPECT_EQ(join_wrapped("上海市松江区人", "民政府办公室"), "上海市松江区人民政府办公室");
  EXPECT_EQ(join_wrapped("2023", "年"), "2023年");
  EXPECT_EQ(join_wrapped("web", "server"), "web server");
}

TEST(TextScan, ReadsNumbersAsWritten) {
  auto n = read_number("总额 37,780,000.00 元", 7);
  ASSERT_TRUE(n);
  EXPECT_EQ(n->text, "37,780,000.00");
  EXPECT_FALSE(read_number("约 5", 0));
  auto m = read_number("3.", 0);
  ASSERT_TRUE(m);
  EXPECT_EQ(m->text, "3");
}

TEST(TextScan, ChineseNumerals) {
  EXPECT_EQ(chinese_numeral_value("一"), 1);
  EXPECT_EQ(chinese_numeral_value("七"), 7);
  EXPECT_EQ(chinese_numeral_value("十"), 10);
  EXPECT_EQ(chinese_numeral_value("十二"), 12);
  EXPECT_EQ(chinese_numeral_value("二十"), 20);
  EXPECT_EQ(chinese_numeral_value("二十三"), 23);
  EXPECT_FALSE(chinese_numeral_value("一二"));
  EXPECT_FALSE(chinese_numeral_value("零"));
}

TEST(TextScan, SqueezesSpacesNextToChinese) {
  EXPECT_EQ(squeeze_cjk_spaces("预算资金约 3778 万元"), "预算资金约3778万元");
  EXPECT_EQ(squeeze_cjk_spaces("web 应用系统 iGuardV5 防篡改"), "web应用系统iGuardV5防篡改");
  EXPECT_EQ(squeeze_cjk_spaces("11  25 275"), "11 25 275");
}

TEST(TextScan, YuanToWanIsExact) {
  EXPECT_EQ(yuan_to_wan_text("135700"), "13.57");
  EXPECT_EQ(yuan_to_wan_text("30000"), "3");
  EXPECT_EQ(yuan_to_wan_text("1,234.5"), "0.12345");
  EXPECT_EQ(yuan_to_wan_text("37780000.00"), "3778");
  EXPECT_EQ(yuan_to_wan_text("5"), "0.0005");
  EXPECT_FALSE(yuan_to_wan_text("约5"));
}

}  // namespace
}  // namespace jixiao

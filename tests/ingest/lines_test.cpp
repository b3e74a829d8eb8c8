// Splitting decoded text into numbered lines, and reading wrapped lines as one paragraph.
#include <gtest/gtest.h>

#include "ingest/lines.h"

namespace jixiao {
namespace {

TEST(SplitLines, NumbersAreSourceLinesAndBlankLinesAreDropped) {
  TextLines lines = split_lines("标题\r\n\r\n  \n项目 名称\r第四行\n");
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0].text, "标题");
  EXPECT_EQ(lines[0].number, 1);
  EXPECT_EQ(lines[1].text, "项目 名称");
  EXPECT_EQ(lines[1].number, 4);
  EXPECT_EQ(lines[2].text, "第四行");
  EXPECT_EQ(lines[2].number, 5);
}

TEST(SplitLines, MarksLinesOpeningWithAFormFeedOrASpaceAsPageStarts) {
  TextLines lines = split_lines("第一页\n\f第二页\n 第三页\n\t表格");
  ASSERT_EQ(lines.size(), 4u);
  EXPECT_FALSE(lines[0].page_start);
  EXPECT_TRUE(lines[1].page_start);
  EXPECT_EQ(lines[1].text, "第二页");
  EXPECT_TRUE(lines[2].page_start);
  EXPECT_EQ(lines[2].text, "第三页");
  EXPECT_FALSE(lines[3].page_start);  // a leading tab is an empty cell
}

TEST(SplitLines, LastLineWithoutNewline) {
  TextLines lines = split_lines("a\nb");
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[1].number, 2);
}

TEST(JoinedText, JoinsWrappedLinesAndMapsBackToLines) {
  TextLines lines = {{"本部门 2 个预算单", 8, {}}, {"位开展了 2024 年项目", 10, {}}};
  JoinedText joined(lines);
  EXPECT_EQ(joined.text(), "本部门2个预算单位开展了2024年项目");
  std::size_t pos = joined.text().find("预算单位");
  SourceSpan span = joined.span(pos, pos + std::string("预算单位").size());
  EXPECT_EQ(span.first_line, 8);
  EXPECT_EQ(span.last_line, 10);
  EXPECT_EQ(joined.whole().first_line, 8);
  EXPECT_EQ(joined.whole().last_line, 10);
}

TEST(JoinedText, EmptyInputHasNoSpan) {
  JoinedText joined(TextLines{});
  EXPECT_TRUE(joined.text().empty());
  EXPECT_TRUE(joined.whole().empty());
}

}  // namespace
}  // namespace jixiao

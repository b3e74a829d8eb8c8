// Title (issuer, year) and the claims of the 绩效目标设置情况 paragraph.
#include <gtest/gtest.h>

#include "ingest/header.h"
#include "ingest/lines.h"

namespace jixiao {
namespace {

Declaration title_of(const std::string& text) {
  Declaration d;
  TextLines lines = split_lines(text);
  read_title(lines, d);
  return d;
}

Declaration claims_of(const std::string& text) {
  Declaration d;
  TextLines lines = split_lines(text);
  read_header_claims(lines, d);
  return d;
}

TEST(Title, UnitAndYearOnOneLine) {
  Declaration d = title_of("\n\n上海市松江区大数据中心 2024 年 财政支出项目绩效目标申报表\n");
  EXPECT_EQ(d.issuer.value, "上海市松江区大数据中心");
  EXPECT_EQ(d.year.value, 2024);
  EXPECT_EQ(d.issuer.span.first_line, 3);
}

TEST(Title, UnitOnTheLineBeforeTheYear) {
  Declaration d = title_of(" 上海市松江区科技创新服务中心\n\n2023 年财政支出项目绩效目标申报表\n");
  EXPECT_EQ(d.issuer.value, "上海市松江区科技创新服务中心");
  EXPECT_EQ(d.issuer.span.first_line, 1);
  EXPECT_EQ(d.year.value, 2023);
  EXPECT_EQ(d.year.span.first_line, 3);
}

TEST(Title, UnitAfterTheYear) {
  Declaration d = title_of("2025年度上海市松江区司法局财政支出项目绩效目标申报表\n");
  EXPECT_EQ(d.issuer.value, "上海市松江区司法局");
  EXPECT_EQ(d.year.value, 2025);
}

TEST(Title, BudgetBookNamesTheUnitOnItsOwnLine) {
  Declaration d = title_of("上海市普陀区2025年区级部门预算\n   预算主管部门：上海市普陀区人民政府办公室\n目   录\n");
  EXPECT_EQ(d.issuer.value, "上海市普陀区人民政府办公室");
  EXPECT_EQ(d.issuer.span.first_line, 2);
  EXPECT_EQ(d.year.value, 2025);
}

TEST(Title, NothingStatedNothingRead) {
  Declaration d = title_of("附件\n");
  EXPECT_FALSE(d.issuer.value);
  EXPECT_FALSE(d.year.value);
}

TEST(HeaderClaims, WrappedOverLines) {
  Declaration d = claims_of(
      "绩效目标设置情况\n\n按照本市预算绩效管理工作的总体要求，本部门 2 个预算单\n\n"
      "位开展了 2024 年项目预算绩效目标编报工作，编报绩效目标的\n\n"
      "项目 14 个，涉及项目预算资金 6749.10 万元。\n");
  EXPECT_EQ(d.header.budget_unit_count.value, 2);
  EXPECT_EQ(d.header.budget_unit_count.span.first_line, 3);
  EXPECT_EQ(d.header.project_count.value, 14);
  EXPECT_EQ(d.header.project_count.span.first_line, 5);
  EXPECT_EQ(d.header.project_count.span.last_line, 7);
  EXPECT_EQ(d.header.total_wan.value, "6749.10");
  EXPECT_EQ(d.header.total_wan.span.first_line, 7);
  EXPECT_EQ(d.year.value, 2024);  // no title: read from the paragraph
  EXPECT_TRUE(d.unreadable.empty());
}

TEST(HeaderClaims, UnitEditionWithoutBudgetUnits) {
  Declaration d = claims_of("四、绩效目标设置情况\n2025年度，本单位编报绩效目标的项目共25个，涉及项目预算资金11381.60万元。\n");
  EXPECT_FALSE(d.header.budget_unit_count.value);
  EXPECT_EQ(d.header.project_count.value, 25);
  EXPECT_EQ(d.header.total_wan.value, "11381.60");
}

TEST(HeaderClaims, UnreadableNumbersAreReportedNotGuessed) {
  Declaration d = claims_of("绩效目标设置情况\n编报绩效目标的项目若干个，涉及项目预算资金约数万元。\n");
  EXPECT_FALSE(d.header.project_count.value);
  EXPECT_FALSE(d.header.total_wan.value);
  ASSERT_EQ(d.unreadable.size(), 2u);
  EXPECT_EQ(d.unreadable[0].field, "header.project_count");
  EXPECT_EQ(d.unreadable[1].field, "header.total_wan");
  EXPECT_EQ(d.unreadable[1].span.first_line, 2);
}

TEST(HeaderClaims, TotalInYuanIsConvertedExactly) {
  Declaration d = claims_of("编报绩效目标的项目 3 个，涉及项目预算资金 1234500 元。\n");
  EXPECT_EQ(d.header.total_wan.value, "123.45");
}

}  // namespace
}  // namespace jixiao

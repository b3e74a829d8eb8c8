// Date: the forms' 计划开始/完成日期 in their printed spellings.
#include <gtest/gtest.h>

#include "model/date.h"

namespace jixiao {
namespace {

std::string iso(const char* text) {
  auto d = Date::parse(text);
  return d ? d->iso() : "null";
}

TEST(DateParse, PrintedSpellings) {
  EXPECT_EQ(iso("2024-01-01"), "2024-01-01");
  EXPECT_EQ(iso("2024/1/1"), "2024-01-01");
  EXPECT_EQ(iso("2024.01.01"), "2024-01-01");
  EXPECT_EQ(iso("2024年1月1日"), "2024-01-01");
  EXPECT_EQ(iso("2024 年 12 月 31 日"), "2024-12-31");  // pdftotext spacing
  EXPECT_EQ(iso("2023-12-31"), "2023-12-31");
}

TEST(DateParse, CalendarIsChecked) {
  EXPECT_EQ(iso("2024-02-29"), "2024-02-29");  // leap year
  EXPECT_EQ(iso("2000-02-29"), "2000-02-29");  // divisible by 400
  EXPECT_EQ(iso("2023-02-29"), "null");
  EXPECT_EQ(iso("2100-02-29"), "null");        // divisible by 100, not 400
  EXPECT_EQ(iso("2024-13-01"), "null");
  EXPECT_EQ(iso("2024-00-10"), "null");
  EXPECT_EQ(iso("2024-04-31"), "null");
  EXPECT_EQ(iso("2024/01/32"), "null");
}

TEST(DateParse, RejectsIncompleteOrForeignText) {
  for (const char* bad : {"", "24-01-01", "2024-01", "2024", "2024-01-01-01", "12024-01-01",
                          "二〇二四年一月一日", "2024-01-01x", "期", "2024年度"}) {
    EXPECT_EQ(iso(bad), "null") << bad;
  }
}

TEST(DateFormat, IsoIsZeroPadded) {
  EXPECT_EQ((Date{2024, 1, 5}).iso(), "2024-01-05");
  EXPECT_EQ((Date{987, 12, 31}).iso(), "0987-12-31");
}

TEST(DateCompare, OrdersByYearMonthDay) {
  EXPECT_LT((Date{2023, 12, 31}), (Date{2024, 1, 1}));
  EXPECT_LT((Date{2024, 1, 31}), (Date{2024, 2, 1}));
  EXPECT_EQ((Date{2024, 2, 29}), *Date::parse("2024/2/29"));
}

}  // namespace
}  // namespace jixiao

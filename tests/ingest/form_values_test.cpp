// The value grammar of form cells (ingest/form_values.h).
#include <gtest/gtest.h>

#include <string>

#include "ingest/form_values.h"

namespace jixiao::form {
namespace {

// Every comparator spelling is found at the start, in the middle and at the end of a cell, next
// to Chinese text (whose UTF-8 lead bytes must not hide it) and ASCII.
TEST(FormValues, ComparatorFoundWhereverItStands) {
  for (std::string cmp : {">=", "<=", "≥", "≤", "=", ">", "<", "≧", "≦", "＝"}) {
    SCOPED_TRACE(cmp);
    EXPECT_TRUE(has_comparator(cmp + "90%"));
    EXPECT_TRUE(has_comparator("全年稳定运行率" + cmp + "99%"));
    EXPECT_TRUE(has_comparator("运行率" + cmp));
    EXPECT_TRUE(starts_with_comparator(cmp + "5次"));
    EXPECT_TRUE(ends_with_comparator("评分" + cmp));
  }
}

TEST(FormValues, NoComparatorInPlainText) {
  for (std::string text : {"", "及时", "48小时内", "控制于预算内", "90.00(%)", "≈90%", "→提升", "①项",
                           "ＡＢＣ", "(万元)"}) {
    SCOPED_TRACE(text);
    EXPECT_FALSE(has_comparator(text));
    EXPECT_FALSE(starts_with_comparator(text));
  }
}

TEST(FormValues, ValueThatCannotEndHere) {
  EXPECT_TRUE(value_continues("运行率≥"));
  EXPECT_TRUE(value_continues("≤28.00(万元"));
  EXPECT_TRUE(value_continues("=3万条/"));
  EXPECT_FALSE(value_continues("≥90.00(%)"));
  EXPECT_TRUE(starts_with_quantity(">= 4 次"));
  EXPECT_FALSE(starts_with_quantity("≥上一期分数"));
}

}  // namespace
}  // namespace jixiao::form

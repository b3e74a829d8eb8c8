#include "model/text_search.h"

#include <gtest/gtest.h>

namespace jixiao {
namespace {

TEST(TextSearch, ContainsFindsANeedleAnywhere) {
  EXPECT_TRUE(contains("项目经费情况说明", "说明"));      // at the end
  EXPECT_TRUE(contains("项目经费情况说明", "项目"));      // at the start
  EXPECT_TRUE(contains("项目经费情况说明", "经费情况"));  // inside
  EXPECT_TRUE(contains("项目经费情况说明", "项目经费情况说明"));
  EXPECT_TRUE(contains("abc", ""));
  EXPECT_TRUE(contains("a≥b", "≥"));
  EXPECT_FALSE(contains("项目经费情况说明", "情况明"));
  EXPECT_FALSE(contains("说明", "情况说明"));  // needle longer than the text
  EXPECT_FALSE(contains("", "a"));
  // The last byte matches often before the whole needle does.
  EXPECT_TRUE(contains("况况况况明说明", "说明"));
  EXPECT_FALSE(contains("明明明明", "说明"));
}

}  // namespace
}  // namespace jixiao

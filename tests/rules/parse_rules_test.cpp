// PARSE-001: unreadable fields are surfaced, not silently skipped.
#include <gtest/gtest.h>

#include "builders.h"

namespace jixiao {
namespace {

using namespace testing;

TEST(Parse001, ListsUnreadableFieldsPerProjectAndDocument) {
  Project p = form_project(7, "区政府办政务公开", "440,000.00");
  EXPECT_TRUE(findings_of(declaration({p}), "PARSE-001").empty());
  p.unreadable.push_back({"line_items[2]", lines(1413), "该行有 4 个数，表头有 3 个数值列"});
  p.unreadable.push_back({"indicators[3].value", lines(1550), "OCR 乱码"});
  Declaration d = declaration({p});
  d.unreadable.push_back({"header.total_wan", lines(12), "数字残缺"});
  auto f = findings_of(d, "PARSE-001");
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[0].project_seq, 0);
  EXPECT_TRUE(covers_line(f[0], 12));
  EXPECT_EQ(f[1].project_seq, 7);
  EXPECT_EQ(f[1].evidence.size(), 2u);
  EXPECT_TRUE(covers_line(f[1], 1413));
  EXPECT_TRUE(covers_line(f[1], 1550));
}

}  // namespace
}  // namespace jixiao

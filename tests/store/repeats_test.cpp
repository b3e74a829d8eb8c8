// A project published twice inside one document and again by a department, through successive
// revisions of both documents: after every step only current projects count, each publication of
// the project once (both copies of a document that counts it), and the summary and every roll-up
// equal a recount from the project table (docs/storage.md, "The same project published twice").
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "store/sqlite_store.h"
#include "store_checks.h"

namespace jixiao::store {
namespace {

using namespace jixiao::testing;

const char* kUnit = "上海市松江区大数据中心";
const char* kDept = "上海市松江区人民政府办公室";

// Totals in yuan: the project published twice, the unit's other project, the department's own.
constexpr std::int64_t kShared = 1000;
constexpr std::int64_t kUnitOwn = 200;
constexpr std::int64_t kDeptOwn = 5000;

// A document from a layout: 'P' the shared project, 'X' the unit's own, 'O' the department's own.
Doc doc(const char* source, const char* issuer, const std::string& layout, const std::string& bytes) {
  std::vector<Project> projects;
  int seq = 0;
  for (char c : layout) {
    ++seq;
    if (c == 'P') projects.push_back(project(seq, "门户网站管理", kUnit, kDept, kShared));
    if (c == 'X') projects.push_back(project(seq, "大数据与网络信息", kUnit, kDept, kUnitOwn));
    if (c == 'O') projects.push_back(project(seq, "东西部扶贫帮困", kDept, kDept, kDeptOwn));
  }
  return make_doc(declaration(source, 2024, issuer, projects), bytes);
}

// Every version of the unit's document has the same identity (year, issuer, file stem).
Doc unit(const std::string& layout, int version) {
  return doc("center-2024.txt", kUnit, layout, "unit-" + layout + "-v" + std::to_string(version));
}
Doc dept(int version) { return doc("office-2024.txt", kDept, "OP", "dept-v" + std::to_string(version)); }

struct Step {
  Doc doc;
  int counted;            // projects counted after the step
  std::int64_t total;     // their Σ 项目资金总额 in yuan
  int repeats;            // current projects that repeat a counted one
};

class RepeatsTest : public ::testing::Test {
 protected:
  void SetUp() override { open("t.db"); }

  // A new empty database `name` in the test's directory.
  void open(const std::string& name) {
    store_.reset();
    auto s = SqliteStore::open(dir_ / name, false);
    ASSERT_TRUE(s) << s.error().describe();
    store_ = std::move(*s);
  }

  int count(const std::string& sql) { return jixiao::testing::count(store_->db(), sql); }

  void run(const std::vector<Step>& steps) {
    int n = 0;
    for (const Step& step : steps) {
      SCOPED_TRACE("step " + std::to_string(++n) + ": " + step.doc.bytes);
      auto added = add(*store_, step.doc);
      ASSERT_TRUE(added) << added.error().describe();
      ASSERT_TRUE(added->created);
      expect_counted(step);
      if (::testing::Test::HasFailure()) return;  // later steps would only repeat the failure
    }
  }

  void expect_counted(const Step& step) {
    jixiao::testing::expect_rollups_consistent(store_->db());
    // Only the current version of each document counts (the project rows and the documents agree).
    EXPECT_EQ(count("SELECT COUNT(*) FROM project p JOIN document d ON d.id = p.document_id"
                    " WHERE p.is_current <> d.is_current"),
              0);
    EXPECT_EQ(count("SELECT COUNT(*) FROM project WHERE counted = 1"), step.counted);
    EXPECT_EQ(count("SELECT COALESCE(SUM(total_fen), 0) / 100 FROM project WHERE counted = 1"), step.total);
    EXPECT_EQ(count("SELECT COUNT(*) FROM project WHERE is_current = 1 AND duplicate_of IS NOT NULL"),
              step.repeats);
    // A current document's copies of the shared project are all counted or all repeats.
    EXPECT_EQ(count("SELECT COUNT(*) FROM (SELECT document_id FROM project WHERE is_current = 1 AND"
                    " name = '门户网站管理' GROUP BY document_id HAVING COUNT(DISTINCT counted) > 1)"),
              0);
    // Each document's duplicate_projects is its current repeats.
    EXPECT_EQ(count("SELECT COUNT(*) FROM document d WHERE d.is_current = 1 AND d.duplicate_projects <>"
                    " (SELECT COUNT(*) FROM project p WHERE p.document_id = d.id AND p.duplicate_of IS NOT NULL)"),
              0);
    SummaryQuery q;
    q.year = 2024;
    auto s = store_->summary(q);
    ASSERT_TRUE(s) << s.error().describe();
    EXPECT_EQ(s->total.projects, step.counted);
    EXPECT_EQ(s->total.total.fen(), step.total * 100);
    EXPECT_EQ(s->duplicate_projects, step.repeats);
    EXPECT_EQ(s->duplicate_group_count, step.repeats > 0 ? 1 : 0);
  }

  TempDir dir_;
  std::unique_ptr<SqliteStore> store_;
};

// The unit alone: every version counts both its copies, and no retired copy stays counted.
TEST_F(RepeatsTest, ADocumentRepeatingAProjectRevisedTwiceCountsItsCurrentCopies) {
  const std::int64_t unit_total = 2 * kShared + kUnitOwn;
  run({{unit("PXP", 1), 3, unit_total, 0},
       {unit("PXP", 2), 3, unit_total, 0},
       {unit("PXP", 3), 3, unit_total, 0}});
}

// The department publishes first; then the department revises (the unit's two copies take over)
// and the unit revises twice (the department's copy takes over, the unit's copies repeat it).
// Before the fix the unit's first revision promoted its own second copy, which was retired at
// once and stayed in the roll-ups. Each position of the two copies in the unit's document.
TEST_F(RepeatsTest, TheCopiesOfARetiredDocumentNeverInheritItsCount) {
  for (const char* layout : {"PXP", "PPX", "XPP"}) {
    SCOPED_TRACE(layout);
    open(std::string(layout) + ".db");
    const std::int64_t dept_only = kDeptOwn + kShared + kUnitOwn;
    run({{dept(1), 2, kDeptOwn + kShared, 0},
         {unit(layout, 1), 3, dept_only, 2},
         {dept(2), 4, kDeptOwn + 2 * kShared + kUnitOwn, 1},
         {unit(layout, 2), 3, dept_only, 2},
         {unit(layout, 3), 3, dept_only, 2}});
    if (HasFailure()) return;
  }
}

// The unit publishes first, the department repeats it; the unit revises twice, then the
// department revises (both of the unit's current copies take over), then the unit again.
TEST_F(RepeatsTest, ADepartmentRepeatingTheUnitsProjectHandsTheCountBackToBothCopies) {
  const std::int64_t both = kDeptOwn + 2 * kShared + kUnitOwn;
  const std::int64_t dept_counts = kDeptOwn + kShared + kUnitOwn;
  run({{unit("PXP", 1), 3, 2 * kShared + kUnitOwn, 0},
       {dept(1), 4, both, 1},
       {unit("PXP", 2), 3, dept_counts, 2},
       {unit("PXP", 3), 3, dept_counts, 2},
       {dept(2), 4, both, 1},
       {unit("PXP", 4), 3, dept_counts, 2}});
}

// A revision drops one of the two copies, the next one brings it back.
TEST_F(RepeatsTest, ARevisionDroppingOneCopyAndOneRestoringIt) {
  const std::int64_t both = kDeptOwn + 2 * kShared + kUnitOwn;
  const std::int64_t dept_counts = kDeptOwn + kShared + kUnitOwn;
  run({{dept(1), 2, kDeptOwn + kShared, 0},
       {unit("PXP", 1), 3, dept_counts, 2},
       {dept(2), 4, both, 1},
       {unit("PX", 2), 3, dept_counts, 1},
       {unit("PXP", 3), 3, dept_counts, 2},
       {dept(3), 4, both, 1},
       {unit("PX", 4), 3, dept_counts, 1}});
}

// A store written before the fix can hold a copy repeating its own document's other copy (the
// earlier promotion left one). Revising that document must not hand the count to that copy.
TEST_F(RepeatsTest, ACopyRepeatingItsOwnDocumentNeverInheritsTheCount) {
  run({{unit("PXP", 1), 3, 2 * kShared + kUnitOwn, 0}, {dept(1), 4, kDeptOwn + 2 * kShared + kUnitOwn, 1}});
  ASSERT_FALSE(HasFailure());
  // The earlier state, written as the earlier code left it: the unit's second copy is a repeat of
  // its first, out of the roll-ups.
  const int first = count("SELECT MIN(id) FROM project WHERE name = '门户网站管理'");
  const int second = count("SELECT id FROM project WHERE name = '门户网站管理' AND seq = 3");
  const int unit_id = count("SELECT document_id FROM project WHERE id = " + std::to_string(first));
  const std::string less = " SET projects = projects - 1, total_fen = total_fen - 100000,"
                           " fiscal_fen = fiscal_fen - 100000, annual_total_fen = annual_total_fen - 100000";
  const std::string legacy =
      "UPDATE project SET counted = 0, duplicate_of = " + std::to_string(first) + " WHERE id = " +
      std::to_string(second) + "; UPDATE document SET duplicate_projects = 1 WHERE id = " + std::to_string(unit_id) +
      "; UPDATE rollup" + less + " WHERE document_id = " + std::to_string(unit_id) + "; UPDATE rollup_dim" + less +
      " WHERE year IN (2024, -1) AND (dimension = 'year' OR dimension = 'department' AND key = '" + kDept +
      "' OR dimension = 'implementer' AND key = '" + kUnit + "' OR dimension = 'category' AND key = '其他运转类');"
      " UPDATE duplicate_head SET repeats = 2 WHERE project_id = " + std::to_string(first) +
      "; UPDATE rollup_repeats SET repeats = 2 WHERE year = 2024";
  ASSERT_TRUE(store_->db().exec(legacy));
  EXPECT_EQ(count("SELECT SUM(projects) FROM rollup"), 3);
  // The department's copy takes over; the unit's new copies repeat it.
  run({{unit("PXP", 2), 3, kDeptOwn + kShared + kUnitOwn, 2}});
}

}  // namespace
}  // namespace jixiao::store

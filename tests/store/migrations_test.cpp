#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include "store/sqlite_schema.h"
#include "store/sqlite_store.h"
#include "store_fixtures.h"

#include <algorithm>

namespace jixiao::store {
namespace {

using jixiao::testing::TempDir;

int count(SqliteDb& db, const std::string& sql) {
  auto stmt = db.prepare(sql);
  EXPECT_TRUE(stmt) << (stmt ? "" : stmt.error().describe());
  auto row = stmt->step();
  EXPECT_TRUE(row && *row);
  return stmt->int32(0);
}

TEST(Migrations, AreNumberedWithoutGaps) {
  const auto& all = sqlite_migrations();
  ASSERT_FALSE(all.empty());
  for (std::size_t i = 0; i < all.size(); ++i) EXPECT_EQ(all[i].version, static_cast<int>(i) + 1);
  EXPECT_EQ(latest_schema_version(), all.back().version);
}

TEST(Migrations, NewDatabaseGetsEveryMigrationRecorded) {
  TempDir dir;
  auto store = open_sqlite_store(dir / "a.db");
  ASSERT_TRUE(store) << store.error().describe();
  auto version = (*store)->schema_version();
  ASSERT_TRUE(version);
  EXPECT_EQ(*version, latest_schema_version());
  auto db = SqliteDb::open(dir / "a.db", true);
  ASSERT_TRUE(db);
  EXPECT_EQ(count(*db, "SELECT COUNT(*) FROM schema_version"), latest_schema_version());
  EXPECT_EQ(count(*db, "PRAGMA foreign_keys"), 1);
  auto mode = db->prepare("PRAGMA journal_mode");
  ASSERT_TRUE(mode && mode->step());
  EXPECT_EQ(mode->text(0), "wal");
}

TEST(Migrations, ReopeningIsANoOp) {
  TempDir dir;
  { ASSERT_TRUE(open_sqlite_store(dir / "a.db")); }
  auto again = open_sqlite_store(dir / "a.db");
  ASSERT_TRUE(again) << again.error().describe();
  auto db = SqliteDb::open(dir / "a.db", true);
  ASSERT_TRUE(db);
  EXPECT_EQ(count(*db, "SELECT COUNT(*) FROM schema_version"), latest_schema_version());
}

// Data written under schema 1 is carried into the rollup (v2), the search index (v3), the
// repeat roll-ups (v5), the all-years rows (v6), the name and goal search index (v7), and
// survives the rebuild of rollup_dim (v8).
TEST(Migrations, LaterMigrationsBackfillExistingData) {
  TempDir dir;
  {
    auto db = SqliteDb::open(dir / "old.db", false);
    ASSERT_TRUE(db);
    ASSERT_TRUE(migrate(*db, 1));
    ASSERT_EQ(*read_schema_version(*db), 1);
    ASSERT_TRUE(db->exec(
        "INSERT INTO document (id, sha256, source, size_bytes, identity, version, is_current, year, issuer,"
        " layout, encoding, project_count, indicator_count, duplicate_projects, total_fen, findings_error,"
        " findings_warning, findings_advice, doc_findings_error, doc_findings_warning, doc_findings_advice,"
        " ingested_at) VALUES (1, 'abc', 'a.txt', 10, '2024|单位甲|单位', 1, 1, 2024, '单位甲', 'line-broken',"
        " 'UTF-8', 2, 1, 0, 300000, 0, 0, 0, 0, 0, 0, '2024-01-01T00:00:00Z');"
        "INSERT INTO project (id, document_id, seq, year, is_current, counted, duplicate_key, name, name_key,"
        " nature, category, department, department_key, implementer, implementer_key, total_fen,"
        " overall_goal, annual_goal, indicator_count, findings_error, findings_warning, findings_advice)"
        " VALUES (1, 1, 1, 2024, 1, 1, 'k1', '门户网站管理', '门户网站管理', '', '其他运转类', '部门甲', '部门甲',"
        " '单位甲', '单位甲', 100000, '保障网站运行', '', 1, 1, 0, 0),"
        " (2, 1, 2, 2024, 1, 1, 'k2', '编外人员经费', '编外人员经费', '', '其他运转类', '部门甲', '部门甲',"
        " '单位甲', '单位甲', 200000, '', '', 0, 0, 1, 0);"
        "INSERT INTO indicator VALUES (1, 1, '产出指标', '数量指标', '网站栏目数', '≥10个', '≥', '10', '个', '');"
        // A department's disclosure repeating project 1 (the repeat roll-ups of v5 are backfilled).
        "INSERT INTO document (id, sha256, source, size_bytes, identity, version, is_current, year, issuer,"
        " layout, encoding, project_count, indicator_count, duplicate_projects, total_fen, findings_error,"
        " findings_warning, findings_advice, doc_findings_error, doc_findings_warning, doc_findings_advice,"
        " ingested_at) VALUES (2, 'def', 'b.txt', 10, '2024|部门甲|部门', 1, 1, 2024, '部门甲', 'line-broken',"
        " 'UTF-8', 1, 0, 1, 100000, 0, 0, 0, 0, 0, 0, '2024-01-01T00:00:00Z');"
        "INSERT INTO project (id, document_id, seq, year, is_current, counted, duplicate_of, duplicate_key, name,"
        " name_key, nature, category, department, department_key, implementer, implementer_key, total_fen,"
        " overall_goal, annual_goal, indicator_count, findings_error, findings_warning, findings_advice)"
        " VALUES (3, 2, 1, 2024, 1, 0, 1, 'k1', '门户网站管理', '门户网站管理', '', '其他运转类', '部门甲',"
        " '部门甲', '单位甲', '单位甲', 100000, '', '', 0, 0, 0, 0);"));
  }
  auto store = SqliteStore::open(dir / "old.db", false);
  ASSERT_TRUE(store) << store.error().describe();
  EXPECT_EQ(*(*store)->schema_version(), latest_schema_version());
  auto summary = (*store)->summary({});
  ASSERT_TRUE(summary);
  EXPECT_EQ(summary->total.projects, 2);
  EXPECT_EQ(summary->total.total.fen(), 300000);
  EXPECT_EQ(summary->total.findings.error, 1);
  EXPECT_EQ(summary->total.findings.warning, 1);
  EXPECT_EQ(summary->duplicate_projects, 1);
  EXPECT_EQ(summary->duplicate_group_count, 1);
  ASSERT_EQ(summary->duplicate_groups.size(), 1u);
  EXPECT_EQ(summary->duplicate_groups[0].name, "门户网站管理");
  EXPECT_EQ(summary->duplicate_groups[0].published_in.size(), 2u);
  // The all-years rows (v6) are backfilled from the per-year rows: the listing over all years
  // reads them.
  SummaryQuery by_department;
  by_department.by = SummaryDimension::kDepartment;
  auto departments = (*store)->summary(by_department);
  ASSERT_TRUE(departments);
  ASSERT_EQ(departments->rows.size(), 1u);
  EXPECT_EQ(departments->rows[0].key, "部门甲");
  EXPECT_EQ(departments->rows[0].documents, 1);
  EXPECT_EQ(departments->rows[0].projects, 2);
  EXPECT_EQ(departments->rows[0].total.fen(), 300000);
  EXPECT_EQ(departments->rows[0].findings.error, 1);
  {
    auto db = SqliteDb::open(dir / "old.db", true);
    ASSERT_TRUE(db);
    EXPECT_EQ(count(*db, "SELECT COUNT(*) FROM rollup_dim WHERE year = -1"), 3);  // one per dimension
    EXPECT_EQ(count(*db, "SELECT projects FROM rollup_dim WHERE dimension = 'implementer' AND year = -1"), 2);
    // v8 rebuilt rollup_dim clustered by its key, rows kept.
    EXPECT_EQ(count(*db, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'rollup_dim' AND sql LIKE '%WITHOUT ROWID%'"),
              1);
    EXPECT_EQ(count(*db, "SELECT COUNT(*) FROM rollup_dim WHERE dimension = 'year'"), 1);
  }
  auto hits = (*store)->search({"栏目"}, 10, 0);
  ASSERT_TRUE(hits);
  ASSERT_EQ(hits->hits.size(), 1u);
  EXPECT_EQ(hits->hits[0].project_id, 1);
  EXPECT_EQ(hits->hits[0].field, "indicator");
  // The name and goal index (v7) is backfilled: the name tier finds the counted publication.
  auto by_name = (*store)->search({"门户"}, 10, 0);
  ASSERT_TRUE(by_name);
  ASSERT_EQ(by_name->hits.size(), 1u);
  EXPECT_EQ(by_name->hits[0].project_id, 1);
  EXPECT_EQ(by_name->hits[0].field, "name");
  EXPECT_EQ(by_name->hits[0].score, 9);  // name 8 + anywhere 1
  auto by_goal = (*store)->search({"保障"}, 10, 0);
  ASSERT_TRUE(by_goal);
  ASSERT_EQ(by_goal->hits.size(), 1u);
  EXPECT_EQ(by_goal->hits[0].field, "goal");
  // v9 re-indexed with trigrams: a long query (the phrase of its trigrams) finds the indicator.
  auto long_query = (*store)->search({"网站栏目数"}, 10, 0);
  ASSERT_TRUE(long_query);
  ASSERT_EQ(long_query->hits.size(), 1u);
  EXPECT_EQ(long_query->hits[0].field, "indicator");
  auto history_names = (*store)->projects_by_name_text({"网站"}, 10);
  ASSERT_TRUE(history_names);
  ASSERT_EQ(history_names->size(), 1u);
  EXPECT_EQ((*history_names)[0].id, 1);
}

// A schema-8 database of `projects` projects of one document, each named 系统运行维护 with its
// number and holding one indicator (巡检次数).
void make_v8_database(const std::filesystem::path& path, int projects) {
  auto db = SqliteDb::open(path, false);
  ASSERT_TRUE(db);
  ASSERT_TRUE(migrate(*db, 1));
  ASSERT_TRUE(db->exec(
      "INSERT INTO document (id, sha256, source, size_bytes, identity, version, is_current, year, issuer,"
      " layout, encoding, project_count, indicator_count, duplicate_projects, total_fen, findings_error,"
      " findings_warning, findings_advice, doc_findings_error, doc_findings_warning, doc_findings_advice,"
      " ingested_at) VALUES (1, 'abc', 'a.txt', 10, '2024|单位甲|单位', 1, 1, 2024, '单位甲', 'line-broken',"
      " 'UTF-8', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, '2024-01-01T00:00:00Z')"));
  for (int id = 1; id <= projects; ++id) {
    auto insert = db->prepare(
        "INSERT INTO project (id, document_id, seq, year, is_current, counted, duplicate_key, name, name_key,"
        " nature, category, department, department_key, implementer, implementer_key, total_fen,"
        " overall_goal, annual_goal, indicator_count, findings_error, findings_warning, findings_advice)"
        " VALUES (?1, 1, ?1, 2024, 1, 1, 'k' || ?1, '系统运行维护 p' || ?1, '系统运行维护p' || ?1, '', '其他运转类',"
        " '部门甲', '部门甲', '单位甲', '单位甲', 100000, '保障信息系统运行', '', 1, 0, 0, 0)");
    ASSERT_TRUE(insert);
    ASSERT_TRUE(insert->bind(1, id).run());
    auto indicator = db->prepare(
        "INSERT INTO indicator VALUES (?1, ?1, '产出指标', '数量指标', '巡检次数', '≥12次', '≥', '12', '次', '')");
    ASSERT_TRUE(indicator);
    ASSERT_TRUE(indicator->bind(1, id).run());
  }
  ASSERT_TRUE(migrate(*db, 8));
}

std::vector<std::int64_t> all_ids(SearchResult r) {
  std::vector<std::int64_t> ids;
  for (const SearchHit& h : r.hits) ids.push_back(h.project_id);
  std::sort(ids.begin(), ids.end());
  return ids;
}

// Schema 9 re-indexes in batches, one transaction each: a process killed between batches leaves
// a consistent database, and the next open goes on from the first project not yet indexed.
TEST(Migrations, TrigramReindexResumesAfterAKillBetweenBatches) {
  TempDir dir;
  const int projects = 7;
  make_v8_database(dir / "v8.db", projects);
  const pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    int batches = 0;
    auto db = SqliteDb::open(dir / "v8.db", false);
    if (!db || !migrate(*db)) _exit(3);
    (void)refill_search_index(*db, 2, [&](std::int64_t, std::int64_t) {
      if (++batches == 2) _exit(0);  // killed after two committed batches (projects 1–4)
    });
    _exit(4);  // not reached when the batches run
  }
  int status = 0;
  ASSERT_EQ(waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFEXITED(status));
  ASSERT_EQ(WEXITSTATUS(status), 0);
  {
    auto db = SqliteDb::open(dir / "v8.db", true);
    ASSERT_TRUE(db);
    EXPECT_EQ(*read_schema_version(*db), 9);
    EXPECT_TRUE(*search_reindex_pending(*db));
    EXPECT_EQ(count(*db, "SELECT next_id FROM search_reindex"), 5);
    auto check = db->prepare("PRAGMA integrity_check");
    ASSERT_TRUE(check && *check->step());
    EXPECT_EQ(check->text(0), "ok");
  }
  // A read-only open refuses a half-built index instead of answering searches from it.
  auto read_only = open_sqlite_store(dir / "v8.db", true);
  ASSERT_FALSE(read_only);
  EXPECT_NE(read_only.error().message.find("全文检索索引"), std::string::npos) << read_only.error().message;
  std::vector<std::pair<std::int64_t, std::int64_t>> reported;
  auto store = open_sqlite_store(dir / "v8.db", false, [&](std::int64_t done, std::int64_t total) {
    reported.emplace_back(done, total);
  });
  ASSERT_TRUE(store) << store.error().describe();
  // Resumed at project 5 (batches of kReindexBatchProjects from there), not restarted at 1.
  ASSERT_FALSE(reported.empty());
  EXPECT_EQ(reported.front(), (std::pair<std::int64_t, std::int64_t>{projects, projects}));
  auto db = SqliteDb::open(dir / "v8.db", true);
  ASSERT_TRUE(db);
  EXPECT_FALSE(*search_reindex_pending(*db));
  const std::vector<std::int64_t> every = {1, 2, 3, 4, 5, 6, 7};
  for (const char* query : {"系统运行维护", "巡检次数", "信息系统运行", "运", "维护"}) {
    auto hits = (*store)->search({query}, 20, 0);
    ASSERT_TRUE(hits) << hits.error().describe();
    EXPECT_EQ(all_ids(*hits), every) << query;
  }
  // Each project indexed once: one instance of its own word and of 系统运 (in its name) per row.
  auto vocab = db->exec("CREATE VIRTUAL TABLE temp.terms USING fts5vocab(main, search_fts, 'instance')");
  ASSERT_TRUE(vocab) << vocab.error().describe();
  EXPECT_EQ(count(*db, "SELECT COUNT(*) FROM terms WHERE term = 'p3'"), 1);
  EXPECT_EQ(count(*db, "SELECT COUNT(*) FROM terms WHERE term = '系统运' AND col = 'name'"), projects);
}

TEST(Migrations, RefusesADatabaseNewerThanTheProgram) {
  TempDir dir;
  { ASSERT_TRUE(open_sqlite_store(dir / "a.db")); }
  {
    auto db = SqliteDb::open(dir / "a.db", false);
    ASSERT_TRUE(db->exec("INSERT INTO schema_version VALUES (999, 'from the future', '2030-01-01T00:00:00Z')"));
  }
  auto store = open_sqlite_store(dir / "a.db");
  ASSERT_FALSE(store);
  EXPECT_NE(store.error().message.find("999"), std::string::npos) << store.error().message;
}

TEST(Migrations, ReadOnlyOpenOfMissingOrOldDatabaseFails) {
  TempDir dir;
  EXPECT_FALSE(open_sqlite_store(dir / "missing.db", true));
  {
    auto db = SqliteDb::open(dir / "v1.db", false);
    ASSERT_TRUE(migrate(*db, 1));
  }
  EXPECT_FALSE(open_sqlite_store(dir / "v1.db", true));
}

}  // namespace
}  // namespace jixiao::store

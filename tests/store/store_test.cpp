// The SQLite store on hand-built declarations: versions, idempotence, duplicates, atomicity,
// summary and search.
#include <gtest/gtest.h>

#include <map>

#include <nlohmann/json.hpp>

#include "model/json_io.h"
#include "synth/generator.h"

#include "store/sqlite_store.h"
#include "store_checks.h"

namespace jixiao::store {
namespace {

using namespace jixiao::testing;

const char* kCenter = "上海市松江区大数据中心";
const char* kOffice = "上海市松江区人民政府办公室";
const char* kOfficeOwn = "上海市松江区人民政府办公室（本级）";

// The unit's own disclosure: 2 projects.
Doc unit_doc(std::int64_t second_total = 526000, std::string bytes = "unit-v1") {
  auto a = project(1, "大数据与网络信息", kCenter, kOffice, 10180000);
  a.overall_goal = text_field("保障全区电子政务网络稳定运行");
  a.indicators.push_back(indicator("产出指标", "数量指标", "网络线路巡检次数", "≥12次"));
  a.indicators.push_back(indicator("满意度指标", "服务对象满意度指标", "使用人群满意度", "≥90%"));
  auto b = project(2, "门户网站管理", kCenter, kOffice, second_total);
  b.indicators.push_back(indicator("产出指标", "质量指标", "网站正常运行率", "≥99%"));
  NarrativeSection s;
  s.number = "一";
  s.heading = "项目概述";
  s.text = "门户网站是政府信息公开的第一平台，需要专业团队维护。";
  b.sections.push_back(s);
  Finding f;
  f.rule = "TEST-001";
  f.severity = Severity::kWarning;
  f.project_seq = 2;
  f.message = "测试意见";
  Finding doc_level;
  doc_level.rule = "TEST-002";
  doc_level.severity = Severity::kError;
  doc_level.message = "文档级测试意见";
  return make_doc(declaration("center-2024.txt", 2024, kCenter, {a, b}), bytes, {f, doc_level});
}

// The department's disclosure: its own project plus the unit's two.
Doc department_doc() {
  auto own = project(1, "东西部扶贫帮困", kOfficeOwn, kOffice, 37780000);
  auto a = project(2, "大数据与网络信息", kCenter, kOffice, 10180000);
  auto b = project(3, "门户网站管理", kCenter, kOffice, 526000);
  return make_doc(declaration("office-2024.txt", 2024, kOffice, {own, a, b}, 2), "office-v1");
}

class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto s = SqliteStore::open(dir_ / "t.db", false);
    ASSERT_TRUE(s) << s.error().describe();
    store_ = std::move(*s);
  }
  Summary summary(std::optional<int> year = std::nullopt, SummaryDimension by = SummaryDimension::kNone) {
    SummaryQuery q;
    q.year = year;
    q.by = by;
    auto s = store_->summary(q);
    EXPECT_TRUE(s) << s.error().describe();
    return *s;
  }
  int count(const std::string& sql) { return jixiao::testing::count(store_->db(), sql); }
  void expect_rollups_consistent() { jixiao::testing::expect_rollups_consistent(store_->db()); }
  // `documents` generated declarations in one batch; every fifth is a department's disclosure
  // repeating the previous document's projects (stored as repeats, not counted).
  void add_generated_corpus(std::uint64_t documents) {
    ASSERT_TRUE(store_->begin_batch());
    Declaration previous;
    for (std::uint64_t seed = 1; seed <= documents; ++seed) {
      Declaration d;
      if (seed % 5 == 0) {
        d = previous;
        d.issuer.value = "部门" + std::to_string(seed);
      } else {
        d = synth::generate_document(seed).model;
        previous = d;
      }
      d.source = "generated-" + std::to_string(seed) + ".txt";
      ASSERT_TRUE(add(*store_, make_doc(d, d.source))) << seed;
    }
    ASSERT_TRUE(store_->commit_batch());
  }
  TempDir dir_;
  std::unique_ptr<SqliteStore> store_;
};

TEST_F(StoreTest, StoresEverythingParsedWithTheSource) {
  auto r = add(*store_, unit_doc());
  ASSERT_TRUE(r) << r.error().describe();
  EXPECT_TRUE(r->created);
  EXPECT_EQ(r->document.version, 1);
  EXPECT_TRUE(r->document.current);
  EXPECT_EQ(r->document.project_count, 2);
  EXPECT_EQ(r->document.indicator_count, 3);
  EXPECT_EQ(r->document.total.fen(), (10180000 + 526000) * std::int64_t{100});
  EXPECT_EQ(r->document.findings, (FindingCounts{1, 1, 0}));
  Summary s = summary();
  EXPECT_EQ(s.total.findings, (FindingCounts{0, 1, 0}));    // project-level
  EXPECT_EQ(s.document_findings, (FindingCounts{1, 0, 0}));  // document-level
  auto rows = store_->findings(FindingQuery{});
  ASSERT_TRUE(rows) << rows.error().describe();
  ASSERT_EQ(rows->size(), 2u);
  EXPECT_EQ((*rows)[0].finding.rule, "TEST-002");  // errors first
  EXPECT_FALSE((*rows)[0].project_id);
  EXPECT_TRUE((*rows)[1].project_id);
  EXPECT_EQ(*store_->source_bytes(r->document.id), "unit-v1");
  auto findings = store_->document_findings(r->document.id);
  ASSERT_TRUE(findings);
  ASSERT_EQ(findings->size(), 2u);
  EXPECT_EQ((*findings)[0].rule, "TEST-001");
  EXPECT_EQ(count("SELECT COUNT(*) FROM indicator"), 3);
  EXPECT_EQ(count("SELECT COUNT(*) FROM narrative_section"), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM finding WHERE project_id IS NOT NULL"), 1);
  EXPECT_EQ(*store_->integrity_check(), "ok");
}

TEST_F(StoreTest, SameBytesAgainIsANoOp) {
  ASSERT_TRUE(add(*store_, unit_doc()));
  auto again = add(*store_, unit_doc());
  ASSERT_TRUE(again);
  EXPECT_FALSE(again->created);
  EXPECT_EQ(again->document.version, 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM document"), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM project"), 2);
  EXPECT_EQ(count("SELECT COUNT(*) FROM finding"), 2);
  EXPECT_EQ(summary().total.projects, 2);
}

TEST_F(StoreTest, RevisedDeclarationBecomesANewVersionAndTheOldOneIsKept) {
  auto v1 = add(*store_, unit_doc(526000, "unit-v1"));
  auto v2 = add(*store_, unit_doc(600000, "unit-v2"));
  ASSERT_TRUE(v1 && v2);
  EXPECT_TRUE(v2->created);
  EXPECT_EQ(v2->document.version, 2);
  EXPECT_EQ(v2->document.previous_version_id, v1->document.id);
  auto old = store_->document_info(v1->document.id);
  ASSERT_TRUE(old);
  EXPECT_FALSE(old->current);
  EXPECT_EQ(*store_->source_bytes(v1->document.id), "unit-v1");
  auto versions = store_->versions(v2->document.identity);
  ASSERT_TRUE(versions);
  ASSERT_EQ(versions->size(), 2u);
  EXPECT_EQ((*versions)[0].id, v1->document.id);
  // Only the current version counts.
  Summary s = summary();
  EXPECT_EQ(s.total.projects, 2);
  EXPECT_EQ(s.total.documents, 1);
  EXPECT_EQ(s.total.total.fen(), (10180000 + 600000) * std::int64_t{100});
  auto current = store_->documents(std::nullopt, false);
  auto all = store_->documents(std::nullopt, true);
  EXPECT_EQ(current->size(), 1u);
  EXPECT_EQ(all->size(), 2u);
  EXPECT_EQ(count("SELECT COUNT(*) FROM project"), 4);  // nothing overwritten
  expect_rollups_consistent();
}

TEST_F(StoreTest, ProjectPublishedByDepartmentAndUnitIsCountedOnce) {
  auto unit = add(*store_, unit_doc());
  auto dept = add(*store_, department_doc());
  ASSERT_TRUE(unit && dept);
  EXPECT_EQ(dept->document.duplicate_projects, 2);
  Summary s = summary(2024);
  EXPECT_EQ(s.total.projects, 3);
  EXPECT_EQ(s.total.total.fen(), (37780000 + 10180000 + 526000) * std::int64_t{100});
  EXPECT_EQ(s.duplicate_projects, 2);
  EXPECT_EQ(s.duplicate_group_count, 2);
  ASSERT_EQ(s.duplicate_groups.size(), 2u);
  EXPECT_EQ(s.duplicate_groups[0].name, "大数据与网络信息");  // the larger total first
  ASSERT_EQ(s.duplicate_groups[0].published_in.size(), 2u);
  EXPECT_EQ(s.duplicate_groups[0].published_in[0].document_id, unit->document.id);  // counted one first
  EXPECT_EQ(s.duplicate_groups[0].published_in[1].document_id, dept->document.id);
  // Each side names the other.
  ProjectQuery q;
  q.document_id = dept->document.id;
  auto dept_projects = store_->projects(q);
  ASSERT_TRUE(dept_projects);
  ASSERT_EQ(dept_projects->size(), 3u);
  EXPECT_TRUE((*dept_projects)[0].counted);
  EXPECT_FALSE((*dept_projects)[1].counted);
  ASSERT_TRUE((*dept_projects)[1].duplicate_of);
  auto also = store_->published_also((*dept_projects)[1].id);
  ASSERT_TRUE(also);
  ASSERT_EQ(also->size(), 1u);
  EXPECT_EQ((*also)[0].project_id, *(*dept_projects)[1].duplicate_of);
  auto back = store_->published_also((*also)[0].project_id);
  ASSERT_EQ(back->size(), 1u);
  EXPECT_EQ((*back)[0].project_id, (*dept_projects)[1].id);
  // By implementer: the center's two projects once, the office's own once.
  Summary by = summary(2024, SummaryDimension::kImplementer);
  ASSERT_EQ(by.rows.size(), 2u);
  EXPECT_EQ(by.rows[0].key, kOfficeOwn);
  EXPECT_EQ(by.rows[1].key, kCenter);
  EXPECT_EQ(by.rows[1].projects, 2);
  EXPECT_EQ(by.rows[1].documents, 1);
  expect_rollups_consistent();
}

TEST_F(StoreTest, SupersedingTheCountedPublicationPromotesTheRepeat) {
  ASSERT_TRUE(add(*store_, unit_doc(526000, "unit-v1")));
  ASSERT_TRUE(add(*store_, department_doc()));
  // The unit revises its document: the portal project's total changes, the other stays.
  ASSERT_TRUE(add(*store_, unit_doc(600000, "unit-v2")));
  Summary s = summary(2024);
  // Office's own + big data (counted once) + portal as in the department (526000) + the unit's
  // revised portal (600000, a different amount, so a different publication).
  EXPECT_EQ(s.total.projects, 4);
  EXPECT_EQ(s.total.total.fen(), (37780000 + 10180000 + 526000 + 600000) * std::int64_t{100});
  EXPECT_EQ(s.duplicate_projects, 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM project WHERE counted = 1"), 4);
  EXPECT_EQ(count("SELECT SUM(projects) FROM rollup"), 4);
  expect_rollups_consistent();
  EXPECT_EQ(*store_->integrity_check(), "ok");
}

// A project published three times: when its counted publication is superseded, the first repeat
// becomes the head and keeps the other repeat (the repeat roll-ups follow).
TEST_F(StoreTest, TheHeirOfASupersededPublicationKeepsTheOtherRepeats) {
  ASSERT_TRUE(add(*store_, unit_doc(526000, "unit-v1")));
  auto dept = add(*store_, department_doc());
  ASSERT_TRUE(dept);
  auto third = make_doc(declaration("third-2024.txt", 2024, "上海市松江区委办公室",
                                    {project(1, "大数据与网络信息", kCenter, kOffice, 10180000)}),
                        "third-v1");
  ASSERT_TRUE(add(*store_, third));
  Summary before = summary(2024);
  EXPECT_EQ(before.duplicate_projects, 3);
  EXPECT_EQ(before.duplicate_group_count, 2);
  ASSERT_EQ(before.duplicate_groups.size(), 2u);
  EXPECT_EQ(before.duplicate_groups[0].published_in.size(), 3u);
  expect_rollups_consistent();
  ASSERT_TRUE(add(*store_, unit_doc(600000, "unit-v2")));
  Summary after = summary(2024);
  // 大数据与网络信息: the department's publication now counts, repeated by the third document and
  // by the unit's revision; the portal at 526000 is the department's alone.
  EXPECT_EQ(after.duplicate_projects, 2);
  EXPECT_EQ(after.duplicate_group_count, 1);
  ASSERT_EQ(after.duplicate_groups.size(), 1u);
  ASSERT_EQ(after.duplicate_groups[0].published_in.size(), 3u);
  EXPECT_EQ(after.duplicate_groups[0].published_in[0].document_id, dept->document.id);
  EXPECT_EQ(summary(2023).duplicate_projects, 0);
  EXPECT_EQ(summary().duplicate_projects, 2);
  expect_rollups_consistent();
}

// An id that is not stored is reported by kind, which the server turns into 404; the text for
// people is as before. A database failure on a stored id is not "not found".
TEST_F(StoreTest, UnknownIdsAreNotFoundByKind) {
  auto r = add(*store_, unit_doc());
  ASSERT_TRUE(r);
  const std::int64_t doc = r->document.id + 1000;
  const std::int64_t proj = count("SELECT MAX(id) FROM project") + 1000;
  auto expect_not_found = [](const Error& e, const std::string& described) {
    EXPECT_EQ(e.kind, ErrorKind::kNotFound) << e.describe();
    EXPECT_EQ(e.describe(), described);
  };
  const std::string no_doc = "<input>: document: 没有编号为 " + std::to_string(doc) + " 的文档";
  const std::string no_project = "<input>: project: 没有编号为 " + std::to_string(proj) + " 的项目";
  expect_not_found(store_->document_info(doc).error(), no_doc);
  expect_not_found(store_->declaration_json(doc).error(), no_doc);
  expect_not_found(store_->source_bytes(doc).error(), no_doc);
  expect_not_found(store_->document_findings(doc).error(), no_doc);
  expect_not_found(store_->project_info(proj).error(), no_project);
  expect_not_found(store_->project_declaration_json(proj).error(), no_project);
  expect_not_found(store_->features(proj).error(), no_project);
  ASSERT_TRUE(store_->source_bytes(r->document.id));
  ASSERT_TRUE(store_->db().exec("DROP TABLE document_source"));
  auto failed = store_->source_bytes(r->document.id);
  ASSERT_FALSE(failed);
  EXPECT_EQ(failed.error().kind, ErrorKind::kOther) << failed.error().describe();
}

TEST_F(StoreTest, AFailingDocumentLeavesNothingBehind) {
  ASSERT_TRUE(add(*store_, unit_doc()));
  auto broken = department_doc();
  broken.declaration.projects[2].seq = 2;  // two projects with the same seq: the insert fails midway
  auto r = add(*store_, broken);
  ASSERT_FALSE(r);
  EXPECT_EQ(count("SELECT COUNT(*) FROM document"), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM project"), 2);
  EXPECT_EQ(count("SELECT COUNT(*) FROM document_source"), 1);
  EXPECT_EQ(summary().total.projects, 2);
  // The store is still usable.
  ASSERT_TRUE(add(*store_, department_doc()));
  EXPECT_EQ(summary().total.projects, 3);
  expect_rollups_consistent();
}

TEST_F(StoreTest, SearchAnswersOneTwoAndLongerQueries) {
  ASSERT_TRUE(add(*store_, unit_doc()));
  ASSERT_TRUE(add(*store_, department_doc()));
  auto one = store_->search({"网"}, 10, 0);  // 网络, 网站
  ASSERT_TRUE(one) << one.error().describe();
  EXPECT_EQ(one->total, 2);  // the department's repeats are not listed twice
  auto two = store_->search({"扶贫"}, 10, 0);
  ASSERT_TRUE(two);
  ASSERT_EQ(two->total, 1);
  EXPECT_EQ(two->hits[0].name, "东西部扶贫帮困");
  EXPECT_EQ(two->hits[0].field, "name");
  auto long_query = store_->search({"政府信息公开"}, 10, 0);
  ASSERT_TRUE(long_query);
  ASSERT_EQ(long_query->total, 1);
  EXPECT_EQ(long_query->hits[0].field, "narrative");
  std::string marked;
  for (const auto& p : long_query->hits[0].snippet) marked += p.match ? "[" + p.text + "]" : p.text;
  EXPECT_NE(marked.find("[政府信息公开]"), std::string::npos) << marked;
  // All terms must occur; name matches rank above indicator matches.
  auto both = store_->search({"网络", "满意度"}, 10, 0);
  ASSERT_TRUE(both);
  ASSERT_EQ(both->total, 1);
  EXPECT_EQ(both->hits[0].name, "大数据与网络信息");
  auto ranked = store_->search({"网"}, 10, 0);
  EXPECT_EQ(ranked->hits[0].field, "name");
  // 3+ characters are found only where the characters touch ("网络线路巡检次数：≥12次" holds
  // 巡检次数 but not 巡检次数12).
  auto touching = store_->search({"巡检次数"}, 10, 0);
  ASSERT_TRUE(touching);
  ASSERT_EQ(touching->total, 1);
  EXPECT_EQ(touching->hits[0].field, "indicator");
  EXPECT_EQ(store_->search({"巡检次数12"}, 10, 0)->total, 0);
  EXPECT_EQ(store_->search({"门户网站是"}, 10, 0)->total, 1);  // across the narrative's words
  EXPECT_EQ(store_->search({"站管理"}, 10, 0)->total, 1);      // inside a name
  EXPECT_TRUE(store_->search({"不存在的词"}, 10, 0)->hits.empty());
}

// Every listing by key — over all years (the all-years rows) and per year — lists the counted
// projects grouped by the key, largest total first (then by key).
TEST_F(StoreTest, SummaryListingsEqualGroupingTheCountedProjects) {
  add_generated_corpus(60);
  std::vector<std::optional<int>> years = {std::nullopt};
  {
    auto stmt = store_->db().prepare("SELECT DISTINCT COALESCE(year, 0) FROM project ORDER BY 1");
    ASSERT_TRUE(stmt);
    while (true) {
      auto row = stmt->step();
      ASSERT_TRUE(row);
      if (!*row) break;
      years.push_back(stmt->int32(0));
    }
  }
  ASSERT_GT(years.size(), 2u);  // several budget years
  for (const char* dim : {"department", "implementer", "category"}) {
    const SummaryDimension by = std::string(dim) == "department"    ? SummaryDimension::kDepartment
                                : std::string(dim) == "implementer" ? SummaryDimension::kImplementer
                                                                    : SummaryDimension::kCategory;
    for (const auto& year : years) {
      auto stmt = store_->db().prepare(
          std::string("SELECT ") + dim + ", COUNT(DISTINCT document_id), COUNT(*), COALESCE(SUM(total_fen), 0),"
          " SUM(findings_error + findings_warning + findings_advice) FROM project WHERE counted = 1" +
          (year ? " AND COALESCE(year, 0) = ?1" : "") + " GROUP BY 1 ORDER BY 4 DESC, 1");
      ASSERT_TRUE(stmt);
      if (year) stmt->bind(1, *year);
      Summary listed = summary(year, by);
      std::size_t i = 0;
      while (true) {
        auto row = stmt->step();
        ASSERT_TRUE(row);
        if (!*row) break;
        ASSERT_LT(i, listed.rows.size()) << dim;
        const SummaryRow& r = listed.rows[i++];
        EXPECT_EQ(r.key, stmt->text(0)) << dim << " " << year.value_or(-1);
        EXPECT_EQ(r.documents, stmt->int32(1)) << r.key;
        EXPECT_EQ(r.projects, stmt->int32(2)) << r.key;
        EXPECT_EQ(r.total.fen(), stmt->int64(3)) << r.key;
        EXPECT_EQ(r.findings.error + r.findings.warning + r.findings.advice, stmt->int32(4)) << r.key;
      }
      EXPECT_EQ(i, listed.rows.size()) << dim << " " << year.value_or(-1);
    }
  }
}

// The search's tiers (name and goal from search_head_fts, anywhere and indicator from one walk of
// search_fts) score every project as the four column-filtered queries on search_fts that define
// them: the newest 1,000 counted matches of each, name 8, goal 4, indicator 2, anywhere 1. The
// corpus has more than 1,000 projects, so that common words fill a tier (and the indicator tier
// goes on below the walk of the anywhere tier).
TEST_F(StoreTest, SearchTiersEqualTheColumnFilteredQueries) {
  add_generated_corpus(200);
  ASSERT_TRUE(add(*store_, unit_doc()));
  ASSERT_TRUE(add(*store_, department_doc()));
  const std::vector<std::vector<std::string>> queries = {
      {"网"}, {"网站"}, {"满意度"}, {"信息系统运行"}, {"运行"}, {"系统", "维护"}, {"满意度", "网络"},
      {"项目"}, {"建设"}, {"管理"}, {"政府信息公开"}, {"不存在的词"}};
  int full_anywhere_tiers = 0, short_indicator_tiers_after_full_anywhere = 0;
  for (const auto& segments : queries) {
    std::string all;
    for (const std::string& s : segments) all += (all.empty() ? "\"" : " AND \"") + s + "\"";
    std::map<std::int64_t, double> expected;
    std::map<std::string, int> tier_size;
    for (const auto& [field, weight] : std::vector<std::pair<std::string, double>>{
             {"", 1}, {"name", 8}, {"goal", 4}, {"indicator", 2}}) {
      auto stmt = store_->db().prepare(
          "SELECT f.rowid FROM search_fts f JOIN project p ON p.id = f.rowid"
          " WHERE search_fts MATCH ?1 AND p.counted = 1 ORDER BY f.rowid DESC LIMIT 1000");
      ASSERT_TRUE(stmt);
      stmt->bind(1, field.empty() ? all : "{" + field + "} : (" + all + ")");
      while (true) {
        auto row = stmt->step();
        ASSERT_TRUE(row);
        if (!*row) break;
        expected[stmt->int64(0)] += weight;
        ++tier_size[field];
      }
    }
    if (tier_size[""] == 1000) {
      ++full_anywhere_tiers;
      if (tier_size["indicator"] < 1000) ++short_indicator_tiers_after_full_anywhere;
    }
    auto result = store_->search(segments, 5000, 0);
    ASSERT_TRUE(result) << result.error().describe();
    EXPECT_EQ(result->total_is_lower_bound,
              tier_size[""] == 1000 || tier_size["name"] == 1000 || tier_size["goal"] == 1000 ||
                  tier_size["indicator"] == 1000)
        << all;
    EXPECT_EQ(result->total, static_cast<int>(expected.size())) << all;
    ASSERT_EQ(result->hits.size(), expected.size()) << all;
    for (const SearchHit& hit : result->hits) {
      EXPECT_EQ(hit.score, expected[hit.project_id]) << all << " project " << hit.project_id;
    }
  }
  // The corpus does reach the cases where the tiers are cut at 1,000.
  EXPECT_GT(full_anywhere_tiers, 0);
  EXPECT_GT(short_indicator_tiers_after_full_anywhere, 0);
}

// Bulk ingest: documents share one transaction, each in its own savepoint. A failing document is
// rolled back alone, other connections see nothing before the commit, and after it everything —
// rollups and the search index written at commit — is as if each document had been added alone.
TEST_F(StoreTest, ABatchHoldsWholeDocumentsOnly) {
  ASSERT_TRUE(store_->begin_batch());
  EXPECT_TRUE(store_->in_batch());
  auto first = add(*store_, unit_doc());
  ASSERT_TRUE(first) << first.error().describe();
  EXPECT_TRUE(first->created);
  auto broken = department_doc();
  broken.declaration.projects[2].seq = 2;  // fails midway, after its document and first projects
  ASSERT_FALSE(add(*store_, broken));
  auto again = add(*store_, unit_doc());
  ASSERT_TRUE(again);
  EXPECT_FALSE(again->created);
  ASSERT_TRUE(add(*store_, department_doc()));

  auto other = SqliteStore::open(dir_ / "t.db", /*read_only=*/true);
  ASSERT_TRUE(other) << other.error().describe();
  EXPECT_TRUE((*other)->documents(std::nullopt, true)->empty());  // not committed yet

  ASSERT_TRUE(store_->commit_batch());
  EXPECT_FALSE(store_->in_batch());
  EXPECT_EQ((*other)->documents(std::nullopt, true)->size(), 2u);
  EXPECT_EQ(count("SELECT COUNT(*) FROM project"), 5);
  EXPECT_EQ(count("SELECT COUNT(*) FROM project_json"), 5);
  EXPECT_EQ(summary().total.projects, 3);  // the department's repeats counted once
  expect_rollups_consistent();
  EXPECT_TRUE(store_->db().exec("INSERT INTO search_fts (search_fts, rank) VALUES ('integrity-check', 0)"));
  auto hits = (*other)->search({"政府信息公开"}, 10, 0);
  ASSERT_TRUE(hits);
  EXPECT_EQ(hits->total, 1);
  EXPECT_TRUE(store_->commit_batch());  // nothing open: no-op
  EXPECT_EQ(*store_->integrity_check(), "ok");
}

// Each project's JSON is stored apart: the declaration reassembled is the JSON given at ingest,
// and one project is read alone. Documents stored before schema 4 (whole declaration, no
// project_json rows) answer with the whole declaration.
TEST_F(StoreTest, ProjectJsonIsReadAloneAndTheDeclarationIsWhole) {
  Doc doc = unit_doc();
  auto r = add(*store_, doc);
  ASSERT_TRUE(r) << r.error().describe();
  const std::string whole = to_json(doc.declaration).dump();
  EXPECT_EQ(*store_->declaration_json(r->document.id), whole);
  const auto second_id = count("SELECT id FROM project WHERE seq = 2");
  auto one = store_->project_declaration_json(second_id);
  ASSERT_TRUE(one) << one.error().describe();
  auto parsed = nlohmann::json::parse(*one);
  ASSERT_EQ(parsed["projects"].size(), 1u);
  EXPECT_EQ(parsed["projects"][0], to_json(doc.declaration.projects[1]));
  EXPECT_EQ(parsed["issuer"], kCenter);
  EXPECT_FALSE(store_->project_declaration_json(9999));

  // The layout of schema 3.
  auto old = store_->db().prepare(
      "UPDATE document_json SET compression = 'none', declaration = ?, projects_apart = 0");
  ASSERT_TRUE(old);
  ASSERT_TRUE(old->bind_blob(1, whole).run());
  ASSERT_TRUE(store_->db().exec("DELETE FROM project_json"));
  EXPECT_EQ(*store_->declaration_json(r->document.id), whole);
  EXPECT_EQ(*store_->project_declaration_json(second_id), whole);
}

}  // namespace
}  // namespace jixiao::store

// SQLite store: the summary rollups (schema v2) kept up to date by ingest, and retiring a
// superseded document (its counted projects leave the totals; a repeat elsewhere takes over).
#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "store/sqlite_store.h"

namespace jixiao::store {

namespace {

constexpr const char* kRollupDimUpsert =
    "INSERT INTO rollup_dim (dimension, year, key, documents, projects, projects_without_total, total_fen,"
    " fiscal_fen, annual_total_fen, indicators, findings_error, findings_warning, findings_advice)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
    " ON CONFLICT (dimension, year, key) DO UPDATE SET documents = documents + excluded.documents,"
    "  projects = projects + excluded.projects,"
    "  projects_without_total = projects_without_total + excluded.projects_without_total,"
    "  total_fen = total_fen + excluded.total_fen, fiscal_fen = fiscal_fen + excluded.fiscal_fen,"
    "  annual_total_fen = annual_total_fen + excluded.annual_total_fen,"
    "  indicators = indicators + excluded.indicators, findings_error = findings_error + excluded.findings_error,"
    "  findings_warning = findings_warning + excluded.findings_warning,"
    "  findings_advice = findings_advice + excluded.findings_advice";

}  // namespace

Status SqliteStore::adjust_rollup(std::int64_t project_id, int sign) {
  RollupDelta d;
  {
    auto stmt = statement(
        "SELECT document_id, year, department, implementer, category, total_fen, fiscal_fen,"
        " annual_total_fen, indicator_count, findings_error, findings_warning, findings_advice"
        " FROM project WHERE id = ?");
    if (!stmt) return stmt.error();
    (*stmt)->bind(1, project_id);
    auto row = (*stmt)->step();
    if (!row) return row.error();
    if (!*row) return Error{"", 0, "project", "rollup: no project " + std::to_string(project_id)};
    auto& s = **stmt;
    d.document_id = s.int64(0);
    if (!s.is_null(1)) d.year = s.int32(1);
    d.department = s.text(2);
    d.implementer = s.text(3);
    d.category = s.text(4);
    d.projects = sign;
    d.without_total = s.is_null(5) ? sign : 0;
    d.total = sign * (s.is_null(5) ? 0 : s.int64(5));
    d.fiscal = sign * (s.is_null(6) ? 0 : s.int64(6));
    d.annual_total = sign * (s.is_null(7) ? 0 : s.int64(7));
    d.indicators = sign * s.int32(8);
    d.findings = {sign * s.int32(9), sign * s.int32(10), sign * s.int32(11)};
  }
  if (auto s = upsert_rollup(d); !s) return s;
  struct Dimension {
    const char* name;
    const std::string* key;      // null: the 'year' dimension (key '')
    const char* presence_sql;    // the document's counted projects left in this group
  };
  const Dimension dimensions[] = {
      {"year", nullptr, "SELECT COALESCE(SUM(projects), 0) FROM rollup WHERE document_id = ?1"},
      {"department", &d.department,
       "SELECT COALESCE(SUM(projects), 0) FROM rollup WHERE document_id = ?1 AND department = ?2"},
      {"implementer", &d.implementer,
       "SELECT COALESCE(SUM(projects), 0) FROM rollup WHERE document_id = ?1 AND implementer = ?2"},
      {"category", &d.category,
       "SELECT COALESCE(SUM(projects), 0) FROM rollup WHERE document_id = ?1 AND category = ?2"},
  };
  for (const Dimension& dim : dimensions) {
    int left = 0;
    {
      auto stmt = statement(dim.presence_sql);
      if (!stmt) return stmt.error();
      (*stmt)->bind(1, d.document_id);
      if (dim.key) (*stmt)->bind(2, *dim.key);
      auto row = (*stmt)->step();
      if (!row) return row.error();
      left = (*stmt)->int32(0);
    }
    // The document enters the group with its first counted project and leaves it with its last.
    const int documents = (sign > 0 && left == 1) ? 1 : (sign < 0 && left == 0) ? -1 : 0;
    if (auto s = upsert_rollup_dim(dim.name, d.year.value_or(0), dim.key ? *dim.key : std::string(), documents, d);
        !s) {
      return s;
    }
  }
  return ok_status();
}

Status SqliteStore::upsert_rollup(const RollupDelta& d) {
  auto stmt = statement(
      "INSERT INTO rollup (document_id, year, department, implementer, category, projects,"
      " projects_without_total, total_fen, fiscal_fen, annual_total_fen, indicators,"
      " findings_error, findings_warning, findings_advice) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
      " ON CONFLICT (document_id, department, implementer, category) DO UPDATE SET"
      "  projects = projects + excluded.projects,"
      "  projects_without_total = projects_without_total + excluded.projects_without_total,"
      "  total_fen = total_fen + excluded.total_fen, fiscal_fen = fiscal_fen + excluded.fiscal_fen,"
      "  annual_total_fen = annual_total_fen + excluded.annual_total_fen,"
      "  indicators = indicators + excluded.indicators,"
      "  findings_error = findings_error + excluded.findings_error,"
      "  findings_warning = findings_warning + excluded.findings_warning,"
      "  findings_advice = findings_advice + excluded.findings_advice");
  if (!stmt) return stmt.error();
  auto& s = **stmt;
  s.bind(1, d.document_id).bind(2, d.year).bind(3, d.department).bind(4, d.implementer).bind(5, d.category);
  s.bind(6, d.projects).bind(7, d.without_total).bind(8, d.total).bind(9, d.fiscal).bind(10, d.annual_total);
  s.bind(11, d.indicators).bind(12, d.findings.error).bind(13, d.findings.warning).bind(14, d.findings.advice);
  return s.run();
}

Status SqliteStore::upsert_rollup_dim(const char* dimension, int year, const std::string& key, int documents,
                                      const RollupDelta& d) {
  auto stmt = statement(kRollupDimUpsert);
  if (!stmt) return stmt.error();
  auto& s = **stmt;
  auto upsert = [&](int y) {
    s.bind(1, dimension).bind(2, y).bind(3, key);
    s.bind(4, documents).bind(5, d.projects).bind(6, d.without_total).bind(7, d.total).bind(8, d.fiscal);
    s.bind(9, d.annual_total).bind(10, d.indicators).bind(11, d.findings.error).bind(12, d.findings.warning);
    s.bind(13, d.findings.advice);
    return s.run();
  };
  if (auto r = upsert(year); !r) return r;
  // The all-years row (schema v6) moves with every per-year row of a keyed dimension: a document
  // has one year, so it enters or leaves the key over all years exactly when it does in its year.
  const std::string_view dim(dimension);
  if (dim != "department" && dim != "implementer" && dim != "category") return ok_status();
  return upsert(kAllYearsRow);
}

void RollupDelta::add(const RollupDelta& o) {
  projects += o.projects;
  without_total += o.without_total;
  indicators += o.indicators;
  total += o.total;
  fiscal += o.fiscal;
  annual_total += o.annual_total;
  findings += o.findings;
}

Status SqliteStore::add_new_document_rollups(std::int64_t document_id, std::optional<int> year,
                                             const std::vector<RollupDelta>& counted) {
  if (counted.empty()) return ok_status();
  // Summed in memory: one upsert per group and per dimension key instead of ten statements per
  // project (adjust_rollup). The document is new, so it enters every group it has a counted
  // project in (documents = 1) and no presence query is needed.
  std::map<std::tuple<std::string, std::string, std::string>, RollupDelta> groups;
  RollupDelta all;
  std::map<std::string, RollupDelta> by_department, by_implementer, by_category;
  for (const RollupDelta& d : counted) {
    auto [it, fresh] = groups.try_emplace({d.department, d.implementer, d.category});
    if (fresh) {
      it->second.document_id = document_id;
      it->second.year = year;
      it->second.department = d.department;
      it->second.implementer = d.implementer;
      it->second.category = d.category;
    }
    it->second.add(d);
    all.add(d);
    by_department[d.department].add(d);
    by_implementer[d.implementer].add(d);
    by_category[d.category].add(d);
  }
  for (const auto& [key, d] : groups) {
    if (auto s = upsert_rollup(d); !s) return s;
  }
  const int y = year.value_or(0);
  if (auto s = upsert_rollup_dim("year", y, std::string(), 1, all); !s) return s;
  const std::pair<const char*, const std::map<std::string, RollupDelta>*> dimensions[] = {
      {"department", &by_department}, {"implementer", &by_implementer}, {"category", &by_category}};
  for (const auto& [name, sums] : dimensions) {
    for (const auto& [key, d] : *sums) {
      if (auto s = upsert_rollup_dim(name, y, key, 1, d); !s) return s;
    }
  }
  return ok_status();
}

Status SqliteStore::count_document(std::int64_t document_id, int sign) {
  int year = 0;
  FindingCounts f;
  {
    auto stmt = statement(
        "SELECT COALESCE(year, 0), doc_findings_error, doc_findings_warning, doc_findings_advice"
        " FROM document WHERE id = ?");
    if (!stmt) return stmt.error();
    (*stmt)->bind(1, document_id);
    auto row = (*stmt)->step();
    if (!row) return row.error();
    if (!*row) return Error{"", 0, "document", "rollup: no document " + std::to_string(document_id)};
    year = (*stmt)->int32(0);
    f = {sign * (*stmt)->int32(1), sign * (*stmt)->int32(2), sign * (*stmt)->int32(3)};
  }
  RollupDelta d;
  d.findings = f;
  return upsert_rollup_dim("document", year, std::string(), sign, d);
}

Status SqliteStore::refresh_duplicate_head(std::int64_t head) {
  int now = 0;  // current repeats (the partial index project_duplicate_of holds them)
  {
    auto stmt = statement("SELECT COUNT(*) FROM project WHERE duplicate_of = ? AND is_current = 1");
    if (!stmt) return stmt.error();
    (*stmt)->bind(1, head);
    auto row = (*stmt)->step();
    if (!row) return row.error();
    now = (*stmt)->int32(0);
  }
  int before = 0;
  {
    auto stmt = statement("SELECT repeats FROM duplicate_head WHERE project_id = ?");
    if (!stmt) return stmt.error();
    (*stmt)->bind(1, head);
    auto row = (*stmt)->step();
    if (!row) return row.error();
    if (*row) before = (*stmt)->int32(0);
  }
  if (now == before) return ok_status();
  if (now == 0) {
    auto stmt = statement("DELETE FROM duplicate_head WHERE project_id = ?");
    if (!stmt) return stmt.error();
    if (auto s = (*stmt)->bind(1, head).run(); !s) return s;
  } else {
    auto stmt = statement(
        "INSERT INTO duplicate_head (project_id, year, total_fen, repeats)"
        " SELECT id, COALESCE(year, 0), total_fen, ?2 FROM project WHERE id = ?1"
        " ON CONFLICT (project_id) DO UPDATE SET repeats = excluded.repeats");
    if (!stmt) return stmt.error();
    if (auto s = (*stmt)->bind(1, head).bind(2, now).run(); !s) return s;
  }
  auto stmt = statement(
      "INSERT INTO rollup_repeats (year, repeats, heads)"
      " SELECT COALESCE(year, 0), ?2, ?3 FROM project WHERE id = ?1"
      " ON CONFLICT (year) DO UPDATE SET repeats = repeats + excluded.repeats, heads = heads + excluded.heads");
  if (!stmt) return stmt.error();
  const int groups = (now > 0 ? 1 : 0) - (before > 0 ? 1 : 0);
  return (*stmt)->bind(1, head).bind(2, now - before).bind(3, groups).run();
}

Result<std::vector<std::int64_t>> SqliteStore::ids_of(const std::string& sql, std::int64_t id) {
  auto stmt = statement(sql);
  if (!stmt) return stmt.error();
  (*stmt)->bind(1, id);
  std::vector<std::int64_t> ids;
  while (true) {
    auto row = (*stmt)->step();
    if (!row) return row.error();
    if (!*row) return ids;
    ids.push_back((*stmt)->int64(0));
  }
}

Result<std::optional<std::int64_t>> SqliteStore::promote_heir(std::int64_t head, std::int64_t retiring) {
  // The heir is the first current repeat in another document than the retiring one: a repeat inside
  // the retiring document (which earlier promotions made of a document's second copy) would be
  // counted and retired at once, leaving its amounts in the roll-ups.
  std::vector<std::int64_t> promoted;
  std::int64_t heir_document = 0;
  {
    auto stmt = statement(
        "SELECT id, document_id FROM project WHERE duplicate_of = ? AND is_current = 1 AND document_id <> ?"
        " ORDER BY id");
    if (!stmt) return stmt.error();
    (*stmt)->bind(1, head).bind(2, retiring);
    while (true) {
      auto row = (*stmt)->step();
      if (!row) return row.error();
      if (!*row) break;
      if (promoted.empty()) heir_document = (*stmt)->int64(1);
      // Every copy in the heir's document is counted, as two copies in one document are at ingest.
      if ((*stmt)->int64(1) == heir_document) promoted.push_back((*stmt)->int64(0));
    }
  }
  if (promoted.empty()) return std::optional<std::int64_t>();
  for (std::int64_t id : promoted) {
    {
      auto stmt = statement("UPDATE project SET counted = 1, duplicate_of = NULL WHERE id = ?");
      if (!stmt) return stmt.error();
      if (auto s = (*stmt)->bind(1, id).run(); !s) return s.error();
    }
    if (auto s = adjust_rollup(id, +1); !s) return s.error();
  }
  {
    auto stmt = statement(
        "UPDATE project SET duplicate_of = ?1 WHERE duplicate_of = ?2 AND is_current = 1 AND document_id <> ?3");
    if (!stmt) return stmt.error();
    if (auto s = (*stmt)->bind(1, promoted.front()).bind(2, head).bind(3, retiring).run(); !s) return s.error();
  }
  {
    // The heir's document has as many repeats fewer as copies were promoted.
    auto stmt = statement("UPDATE document SET duplicate_projects = duplicate_projects - ?1 WHERE id = ?2");
    if (!stmt) return stmt.error();
    const auto n = static_cast<std::int64_t>(promoted.size());
    if (auto s = (*stmt)->bind(1, n).bind(2, heir_document).run(); !s) return s.error();
  }
  return std::optional<std::int64_t>(promoted.front());
}

Status SqliteStore::retire_document(std::int64_t document_id) {
  // Heads whose current repeats change: the heads of this document's repeats (which leave), this
  // document's counted projects (their repeats move to an heir) and the heirs. Re-counted at the end.
  auto repeated = ids_of(
      "SELECT DISTINCT duplicate_of FROM project WHERE document_id = ? AND duplicate_of IS NOT NULL"
      " AND is_current = 1",
      document_id);
  if (!repeated) return repeated.error();
  std::vector<std::int64_t> heads = std::move(*repeated);
  auto counted = ids_of("SELECT id FROM project WHERE document_id = ? AND counted = 1 ORDER BY id", document_id);
  if (!counted) return counted.error();
  for (std::int64_t id : *counted) {
    if (auto s = adjust_rollup(id, -1); !s) return s;
    heads.push_back(id);
    auto heir = promote_heir(id, document_id);
    if (!heir) return heir.error();
    if (*heir) heads.push_back(**heir);
  }
  auto stmt = statement("UPDATE project SET is_current = 0, counted = 0 WHERE document_id = ?");
  if (!stmt) return stmt.error();
  if (auto s = (*stmt)->bind(1, document_id).run(); !s) return s;
  auto doc = statement("UPDATE document SET is_current = 0 WHERE id = ?");
  if (!doc) return doc.error();
  if (auto s = (*doc)->bind(1, document_id).run(); !s) return s;
  if (auto s = count_document(document_id, -1); !s) return s;
  for (std::int64_t head : heads) {
    if (auto s = refresh_duplicate_head(head); !s) return s;
  }
  auto rollup = statement("DELETE FROM rollup WHERE document_id = ? AND projects = 0");
  if (!rollup) return rollup.error();
  if (auto s = (*rollup)->bind(1, document_id).run(); !s) return s;
  return db_.exec("DELETE FROM rollup_dim WHERE projects = 0 AND documents = 0");
}


}  // namespace jixiao::store

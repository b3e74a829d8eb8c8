// SQLite store: the read queries (listings, detail, summary, history support, export walk).
#include <nlohmann/json.hpp>

#include <map>

#include "model/json_io.h"
#include "store/compression.h"
#include "store/sqlite_store.h"

namespace jixiao::store {

namespace {

Result<std::vector<Finding>> parse_findings(const std::string& text) {
  auto json = nlohmann::json::parse(text, nullptr, false);
  if (json.is_discarded() || !json.is_array()) return Error{"", 0, "findings", "数据库中的审核意见无法读取"};
  std::vector<Finding> out;
  for (const auto& j : json) {
    auto f = finding_from_json(j);
    if (!f) return f.error();
    out.push_back(std::move(*f));
  }
  return out;
}

}  // namespace

Result<std::vector<ProjectInfo>> SqliteStore::project_list(const std::string& sql_tail,
                                                           const std::function<void(SqliteStatement&)>& bind) {
  auto stmt = db_.prepare(std::string("SELECT ") + kProjectColumns + " FROM project p " + sql_tail);
  if (!stmt) return stmt.error();
  bind(*stmt);
  std::vector<ProjectInfo> out;
  while (true) {
    auto row = stmt->step();
    if (!row) return row.error();
    if (!*row) break;
    out.push_back(read_project_info(*stmt));
  }
  return out;
}

Result<std::vector<DocumentInfo>> SqliteStore::document_list(const std::string& sql_tail,
                                                             const std::function<void(SqliteStatement&)>& bind) {
  auto stmt = db_.prepare(std::string("SELECT ") + kDocumentColumns + " FROM document d " + sql_tail);
  if (!stmt) return stmt.error();
  bind(*stmt);
  std::vector<DocumentInfo> out;
  while (true) {
    auto row = stmt->step();
    if (!row) return row.error();
    if (!*row) break;
    out.push_back(read_document_info(*stmt));
  }
  return out;
}

namespace {

Result<nlohmann::json> parse_stored(std::string_view method, std::string_view blob, std::int64_t document_id) {
  auto text = stored_bytes(method, blob);
  if (!text) return text.error();
  auto parsed = nlohmann::json::parse(*text, nullptr, false);
  if (parsed.is_discarded()) {
    return Error{"", 0, "declaration", "数据库中文档 " + std::to_string(document_id) + " 的内容无法读取"};
  }
  return parsed;
}

}  // namespace

Error missing_document(std::int64_t id) {
  return Error{"", 0, "document", "没有编号为 " + std::to_string(id) + " 的文档", ErrorKind::kNotFound};
}

Error missing_project(std::int64_t id) {
  return Error{"", 0, "project", "没有编号为 " + std::to_string(id) + " 的项目", ErrorKind::kNotFound};
}

Result<SqliteStore::StoredDeclaration> SqliteStore::stored_declaration(std::int64_t document_id) {
  auto stmt = statement("SELECT compression, declaration, projects_apart FROM document_json WHERE document_id = ?");
  if (!stmt) return stmt.error();
  (*stmt)->bind(1, document_id);
  auto row = (*stmt)->step();
  if (!row) return row.error();
  if (!*row) return missing_document(document_id);
  return StoredDeclaration{(*stmt)->text(0), (*stmt)->blob(1), (*stmt)->int64(2) != 0};
}

Result<std::string> SqliteStore::declaration_json(std::int64_t document_id) {
  auto stored = stored_declaration(document_id);
  if (!stored) return stored.error();
  if (!stored->projects_apart) return stored_bytes(stored->compression, stored->bytes);
  // Reassembled in the declaration's order; the JSON text is the one to_json() gave at ingest.
  auto declaration = parse_stored(stored->compression, stored->bytes, document_id);
  if (!declaration) return declaration.error();
  auto& projects = (*declaration)["projects"];
  auto stmt = statement(
      "SELECT j.compression, j.json FROM project p JOIN project_json j ON j.project_id = p.id"
      " WHERE p.document_id = ? ORDER BY p.id");
  if (!stmt) return stmt.error();
  (*stmt)->bind(1, document_id);
  while (true) {
    auto row = (*stmt)->step();
    if (!row) return row.error();
    if (!*row) break;
    auto project = parse_stored((*stmt)->text(0), (*stmt)->blob(1), document_id);
    if (!project) return project.error();
    projects.push_back(std::move(*project));
  }
  return declaration->dump();
}

Result<std::string> SqliteStore::project_declaration_json(std::int64_t project_id) {
  std::int64_t document_id = 0;
  std::optional<std::pair<std::string, std::string>> project_blob;
  {
    auto stmt = statement(
        "SELECT p.document_id, j.compression, j.json FROM project p"
        " LEFT JOIN project_json j ON j.project_id = p.id WHERE p.id = ?");
    if (!stmt) return stmt.error();
    (*stmt)->bind(1, project_id);
    auto row = (*stmt)->step();
    if (!row) return row.error();
    if (!*row) return missing_project(project_id);
    document_id = (*stmt)->int64(0);
    if (!(*stmt)->is_null(1)) project_blob.emplace((*stmt)->text(1), (*stmt)->blob(2));
  }
  if (!project_blob) return declaration_json(document_id);  // stored before schema 4
  auto stored = stored_declaration(document_id);
  if (!stored) return stored.error();
  auto declaration = parse_stored(stored->compression, stored->bytes, document_id);
  if (!declaration) return declaration.error();
  auto project = parse_stored(project_blob->first, project_blob->second, document_id);
  if (!project) return project.error();
  (*declaration)["projects"] = nlohmann::json::array({std::move(*project)});
  return declaration->dump();
}

Result<std::string> SqliteStore::source_bytes(std::int64_t document_id) {
  auto stmt = statement("SELECT compression, bytes FROM document_source WHERE document_id = ?");
  if (!stmt) return stmt.error();
  (*stmt)->bind(1, document_id);
  auto row = (*stmt)->step();
  if (!row) return row.error();
  if (!*row) return missing_document(document_id);
  return stored_bytes((*stmt)->text(0), (*stmt)->blob(1));
}

Result<std::vector<Finding>> SqliteStore::document_findings(std::int64_t document_id) {
  std::string text;
  {
    auto stmt = statement("SELECT compression, findings FROM document_json WHERE document_id = ?");
    if (!stmt) return stmt.error();
    (*stmt)->bind(1, document_id);
    auto row = (*stmt)->step();
    if (!row) return row.error();
    if (!*row) return missing_document(document_id);
    auto bytes = stored_bytes((*stmt)->text(0), (*stmt)->blob(1));
    if (!bytes) return bytes.error();
    text = std::move(*bytes);
  }
  return parse_findings(text);
}

Result<std::vector<DocumentInfo>> SqliteStore::versions(std::string_view identity) {
  std::string key(identity);
  return document_list("WHERE d.identity = ? ORDER BY d.version", [&](SqliteStatement& s) { s.bind(1, key); });
}

Result<std::vector<DocumentInfo>> SqliteStore::documents(std::optional<int> year, bool include_superseded) {
  return document_list(
      "WHERE (?1 = 1 OR d.is_current = 1) AND (?2 IS NULL OR d.year = ?2) ORDER BY d.year DESC, d.issuer, d.id",
      [&](SqliteStatement& s) { s.bind(1, include_superseded ? 1 : 0).bind(2, year); });
}

Result<std::vector<int>> SqliteStore::years() {
  auto stmt = statement(
      "SELECT DISTINCT year FROM document WHERE is_current = 1 AND year IS NOT NULL ORDER BY year");
  if (!stmt) return stmt.error();
  std::vector<int> out;
  while (true) {
    auto row = (*stmt)->step();
    if (!row) return row.error();
    if (!*row) break;
    out.push_back((*stmt)->int32(0));
  }
  return out;
}

Result<ProjectInfo> SqliteStore::project_info(std::int64_t id) {
  auto list = project_list("WHERE p.id = ?", [&](SqliteStatement& s) { s.bind(1, id); });
  if (!list) return list.error();
  if (list->empty()) return missing_project(id);
  return list->front();
}

Result<std::vector<ProjectInfo>> SqliteStore::projects(const ProjectQuery& q) {
  return project_list(
      "WHERE (?1 IS NOT NULL AND p.document_id = ?1 OR ?1 IS NULL AND p.is_current = 1)"
      " AND (?2 IS NULL OR p.year = ?2) AND (?3 IS NULL OR p.department = ?3)"
      " AND (?4 IS NULL OR p.implementer = ?4) AND (?5 IS NULL OR p.category = ?5)"
      " ORDER BY p.year DESC, p.document_id, p.seq LIMIT ?6 OFFSET ?7",
      [&](SqliteStatement& s) {
        s.bind(1, q.document_id).bind(2, q.year).bind(3, q.department).bind(4, q.implementer);
        s.bind(5, q.category).bind(6, q.limit).bind(7, q.offset);
      });
}

Result<std::vector<ProjectRef>> SqliteStore::published_also(std::int64_t project_id) {
  auto self = project_info(project_id);
  if (!self) return self.error();
  const std::int64_t root = self->duplicate_of.value_or(self->id);
  auto stmt = db_.prepare(
      "SELECT p.id, p.document_id, d.source, d.issuer, p.year, p.seq, p.name, p.implementer"
      " FROM project p JOIN document d ON d.id = p.document_id"
      " WHERE (p.id = ?1 OR p.duplicate_of = ?1) AND p.is_current = 1 AND p.id <> ?2"
      " ORDER BY p.counted DESC, p.id");
  if (!stmt) return stmt.error();
  stmt->bind(1, root).bind(2, project_id);
  std::vector<ProjectRef> out;
  while (true) {
    auto row = stmt->step();
    if (!row) return row.error();
    if (!*row) break;
    ProjectRef r;
    r.project_id = stmt->int64(0);
    r.document_id = stmt->int64(1);
    r.source = stmt->text(2);
    r.issuer = stmt->text(3);
    if (!stmt->is_null(4)) r.year = stmt->int32(4);
    r.seq = stmt->int32(5);
    r.name = stmt->text(6);
    r.implementer = stmt->text(7);
    out.push_back(std::move(r));
  }
  return out;
}

Result<std::vector<FindingRow>> SqliteStore::findings(const FindingQuery& q) {
  auto stmt = db_.prepare(
      "SELECT f.document_id, f.ord, f.project_id, d.year FROM finding f"
      " JOIN document d ON d.id = f.document_id"
      " WHERE d.is_current = 1 AND (?1 IS NULL OR d.year = ?1) AND f.severity >= ?2"
      " AND (?3 IS NULL OR f.rule = ?3)"
      " ORDER BY f.severity DESC, d.year DESC, f.document_id, f.ord LIMIT ?4 OFFSET ?5");
  if (!stmt) return stmt.error();
  stmt->bind(1, q.year).bind(2, static_cast<int>(q.min_severity.value_or(Severity::kAdvice)));
  stmt->bind(3, q.rule).bind(4, q.limit).bind(5, q.offset);
  struct Ref {
    std::int64_t document_id;
    int ord;
    std::optional<std::int64_t> project_id;
    std::optional<int> year;
  };
  std::vector<Ref> refs;
  while (true) {
    auto row = stmt->step();
    if (!row) return row.error();
    if (!*row) break;
    Ref r{stmt->int64(0), stmt->int32(1), stmt->opt_int64(2), std::nullopt};
    if (!stmt->is_null(3)) r.year = stmt->int32(3);
    refs.push_back(r);
  }
  // The findings themselves are kept per document (document_json.findings, in ord order).
  std::map<std::int64_t, std::vector<Finding>> by_document;
  std::vector<FindingRow> out;
  for (const Ref& r : refs) {
    auto it = by_document.find(r.document_id);
    if (it == by_document.end()) {
      auto all = document_findings(r.document_id);
      if (!all) return all.error();
      it = by_document.emplace(r.document_id, std::move(*all)).first;
    }
    if (r.ord < 0 || r.ord >= static_cast<int>(it->second.size())) {
      return Error{"", 0, "finding", "审核意见与文档不一致（文档 " + std::to_string(r.document_id) + "）"};
    }
    out.push_back(FindingRow{r.document_id, r.project_id, r.year, it->second[static_cast<std::size_t>(r.ord)]});
  }
  return out;
}

namespace {

SummaryRow read_summary_row(const SqliteStatement& s, int first) {
  SummaryRow r;
  r.documents = s.int32(first);
  r.projects = s.int32(first + 1);
  r.projects_without_total = s.int32(first + 2);
  r.total = Money::from_fen(s.int64(first + 3));
  r.fiscal = Money::from_fen(s.int64(first + 4));
  r.annual_total = Money::from_fen(s.int64(first + 5));
  r.indicators = s.int32(first + 6);
  r.findings = {s.int32(first + 7), s.int32(first + 8), s.int32(first + 9)};
  return r;
}

// Appends one SummaryRow per result row: the key in column 0, the aggregates from column 1 on.
Status append_keyed_rows(SqliteStatement& s, std::vector<SummaryRow>& rows) {
  while (true) {
    auto row = s.step();
    if (!row) return row.error();
    if (!*row) return ok_status();
    SummaryRow r = read_summary_row(s, 1);
    r.key = s.text(0);
    rows.push_back(std::move(r));
  }
}

constexpr const char* kSummaryAggregates =
    "COALESCE(SUM(documents), 0), COALESCE(SUM(projects), 0), COALESCE(SUM(projects_without_total), 0),"
    " COALESCE(SUM(total_fen), 0), COALESCE(SUM(fiscal_fen), 0), COALESCE(SUM(annual_total_fen), 0),"
    " COALESCE(SUM(indicators), 0), COALESCE(SUM(findings_error), 0),"
    " COALESCE(SUM(findings_warning), 0), COALESCE(SUM(findings_advice), 0)";

}  // namespace

// Every figure comes from rollup_dim (a few rows per year and key); with a year the primary key
// (dimension, year, key) narrows the scan to that year, and a listing by key over all years reads
// the keys' all-years rows (year kAllYearsRow). The SQL has a variant with and one
// without the year so that the index is used (no "?1 IS NULL OR" there).
Result<Summary> SqliteStore::summary(const SummaryQuery& q) {
  Summary out;
  out.query = q;
  const std::string year_filter = q.year ? " AND year = ?2" : "";
  auto bind_year = [&](SqliteStatement& s) {
    if (q.year) s.bind(2, *q.year);
  };
  {
    auto stmt = db_.prepare(std::string("SELECT ") + kSummaryAggregates +
                            " FROM rollup_dim WHERE dimension = ?1" + year_filter);
    if (!stmt) return stmt.error();
    stmt->bind(1, "year");
    bind_year(*stmt);
    auto row = stmt->step();
    if (!row) return row.error();
    out.total = read_summary_row(*stmt, 0);
  }
  if (q.by != SummaryDimension::kNone && q.by != SummaryDimension::kYear) {
    // One row per key, nothing to group: the year's rows, or over all years the keys' all-years
    // rows (schema v6).
    auto stmt = db_.prepare(
        "SELECT key, documents, projects, projects_without_total, total_fen, fiscal_fen, annual_total_fen,"
        " indicators, findings_error, findings_warning, findings_advice FROM rollup_dim"
        " WHERE dimension = ?1 AND year = ?2 AND projects > 0 ORDER BY total_fen DESC, key");
    if (!stmt) return stmt.error();
    stmt->bind(1, std::string(dimension_name(q.by))).bind(2, q.year ? *q.year : kAllYearsRow);
    if (auto s = append_keyed_rows(*stmt, out.rows); !s) return s.error();
  } else if (q.by == SummaryDimension::kYear) {
    auto stmt = db_.prepare(std::string("SELECT CASE WHEN year = 0 THEN '' ELSE CAST(year AS TEXT) END, ") +
                            kSummaryAggregates + " FROM rollup_dim WHERE dimension = ?1" + year_filter +
                            " AND projects > 0 GROUP BY 1 ORDER BY MIN(year)");
    if (!stmt) return stmt.error();
    stmt->bind(1, std::string(dimension_name(q.by)));
    bind_year(*stmt);
    if (auto s = append_keyed_rows(*stmt, out.rows); !s) return s.error();
  }
  {
    auto stmt = db_.prepare(
        "SELECT COALESCE(SUM(findings_error), 0), COALESCE(SUM(findings_warning), 0),"
        " COALESCE(SUM(findings_advice), 0) FROM rollup_dim WHERE dimension = ?1" + year_filter);
    if (!stmt) return stmt.error();
    stmt->bind(1, "document");
    bind_year(*stmt);
    auto row = stmt->step();
    if (!row) return row.error();
    out.document_findings = {stmt->int32(0), stmt->int32(1), stmt->int32(2)};
  }
  {
    // Kept per year in rollup_repeats by ingest (schema v5): no repeat is read.
    auto stmt = db_.prepare("SELECT COALESCE(SUM(repeats), 0), COALESCE(SUM(heads), 0) FROM rollup_repeats" +
                            std::string(q.year ? " WHERE year = ?1" : ""));
    if (!stmt) return stmt.error();
    if (q.year) stmt->bind(1, *q.year);
    auto row = stmt->step();
    if (!row) return row.error();
    out.duplicate_projects = stmt->int32(0);
    out.duplicate_group_count = stmt->int32(1);
  }
  if (q.duplicate_groups_limit > 0 && out.duplicate_group_count > 0) {
    // duplicate_head's indexes are in this order: the inner query reads `limit` index entries.
    auto heads = project_list(
        "WHERE p.id IN (SELECT project_id FROM duplicate_head" + std::string(q.year ? " WHERE year = ?2" : "") +
            " ORDER BY total_fen DESC, project_id LIMIT ?1)"
            " ORDER BY p.total_fen DESC, p.id LIMIT ?1",
        [&](SqliteStatement& s) {
          s.bind(1, q.duplicate_groups_limit);
          if (q.year) s.bind(2, *q.year);
        });
    if (!heads) return heads.error();
    for (const ProjectInfo& head : *heads) {
      DuplicateGroup g;
      g.year = head.year;
      g.name = head.name;
      g.implementer = head.implementer;
      g.total = head.total;
      auto doc = document_info(head.document_id);
      if (!doc) return doc.error();
      g.published_in.push_back(ProjectRef{head.id, head.document_id, doc->source, doc->issuer, head.year,
                                          head.seq, head.name, head.implementer});
      auto others = published_also(head.id);
      if (!others) return others.error();
      for (auto& r : *others) g.published_in.push_back(std::move(r));
      out.duplicate_groups.push_back(std::move(g));
    }
  }
  return out;
}

Result<std::vector<ProjectInfo>> SqliteStore::projects_by_name_key(std::string_view name_key, int limit) {
  std::string key(name_key);
  return project_list("WHERE p.name_key = ?1 AND p.counted = 1 ORDER BY p.year, p.id LIMIT ?2",
                      [&](SqliteStatement& s) { s.bind(1, key).bind(2, limit); });
}

Result<std::vector<ProjectInfo>> SqliteStore::related_projects(int year, std::string_view name_key,
                                                               std::string_view implementer_key,
                                                               std::string_view department_key, int limit) {
  // Three index lookups rather than one OR, so that a large department cannot crowd out the
  // projects with the same name or implementer.
  std::vector<ProjectInfo> out;
  auto add = [&](const std::string& where, std::string_view key) -> Status {
    if (key.empty()) return ok_status();
    std::string k(key);
    auto list = project_list("WHERE p.year = ?1 AND " + where + " = ?2 AND p.counted = 1 ORDER BY p.id LIMIT ?3",
                             [&](SqliteStatement& s) { s.bind(1, year).bind(2, k).bind(3, limit); });
    if (!list) return list.error();
    for (auto& p : *list) {
      bool seen = false;
      for (const auto& o : out) seen = seen || o.id == p.id;
      if (!seen) out.push_back(std::move(p));
    }
    return ok_status();
  };
  if (auto s = add("p.name_key", name_key); !s) return s.error();
  if (auto s = add("p.implementer_key", implementer_key); !s) return s.error();
  if (auto s = add("p.department_key", department_key); !s) return s.error();
  return out;
}

Result<ProjectFeatures> SqliteStore::features(std::int64_t project_id) {
  ProjectFeatures f;
  {
    auto stmt = statement("SELECT overall_goal, annual_goal FROM project WHERE id = ?");
    if (!stmt) return stmt.error();
    (*stmt)->bind(1, project_id);
    auto row = (*stmt)->step();
    if (!row) return row.error();
    if (!*row) return missing_project(project_id);
    f.overall_goal = (*stmt)->text(0);
    f.annual_goal = (*stmt)->text(1);
  }
  auto stmt = statement("SELECT name FROM indicator WHERE project_id = ? ORDER BY ord");
  if (!stmt) return stmt.error();
  (*stmt)->bind(1, project_id);
  while (true) {
    auto row = (*stmt)->step();
    if (!row) return row.error();
    if (!*row) break;
    f.indicator_names.push_back((*stmt)->text(0));
  }
  return f;
}

Status SqliteStore::for_each_document(const ExportQuery& q, const DocumentVisitor& visit) {
  // Walk by id in batches so that no statement stays open while the visitor writes.
  std::int64_t after = 0;
  while (true) {
    auto batch = document_list(
        "WHERE d.id > ?1 AND (?2 = 1 OR d.is_current = 1) AND (?3 IS NULL OR d.year = ?3)"
        " ORDER BY d.id LIMIT 200",
        [&](SqliteStatement& s) { s.bind(1, after).bind(2, q.include_superseded ? 1 : 0).bind(3, q.year); });
    if (!batch) return batch.error();
    if (batch->empty()) return ok_status();
    for (const DocumentInfo& info : *batch) {
      after = info.id;
      auto json = declaration_json(info.id);
      if (!json) return json.error();
      auto found = document_findings(info.id);
      if (!found) return found.error();
      ProjectQuery pq;
      pq.document_id = info.id;
      pq.limit = 1 << 30;
      auto projects = this->projects(pq);
      if (!projects) return projects.error();
      if (auto s = visit(info, *json, *found, *projects); !s) return s;
    }
  }
}

}  // namespace jixiao::store

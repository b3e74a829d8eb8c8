// SQLite store: opening, row readers and ingest (add_document). Queries: sqlite_queries.cpp,
// search: sqlite_search.cpp.
#include "store/sqlite_store.h"

#include <map>
#include <utility>

#include <nlohmann/json.hpp>

#include "model/json_io.h"
#include "store/compression.h"
#include "store/keys.h"
#include "store/search_text.h"
#include "store/sqlite_schema.h"

namespace jixiao::store {

const char* const kProjectColumns =
    "p.id, p.document_id, p.year, p.seq, p.name, p.department, p.implementer, p.category, "
    "p.nature, p.total_fen, p.fiscal_fen, p.annual_total_fen, p.start_date, p.end_date, "
    "p.indicator_count, p.findings_error, p.findings_warning, p.findings_advice, p.counted, "
    "p.duplicate_of";

ProjectInfo read_project_info(const SqliteStatement& s) {
  ProjectInfo p;
  p.id = s.int64(0);
  p.document_id = s.int64(1);
  if (!s.is_null(2)) p.year = s.int32(2);
  p.seq = s.int32(3);
  p.name = s.text(4);
  p.department = s.text(5);
  p.implementer = s.text(6);
  p.category = s.text(7);
  p.nature = s.text(8);
  if (!s.is_null(9)) p.total = Money::from_fen(s.int64(9));
  if (!s.is_null(10)) p.fiscal = Money::from_fen(s.int64(10));
  if (!s.is_null(11)) p.annual_total = Money::from_fen(s.int64(11));
  if (!s.is_null(12)) p.start = Date::parse(s.text(12));
  if (!s.is_null(13)) p.end = Date::parse(s.text(13));
  p.indicator_count = s.int32(14);
  p.findings = {s.int32(15), s.int32(16), s.int32(17)};
  p.counted = s.int64(18) != 0;
  p.duplicate_of = s.opt_int64(19);
  return p;
}

const char* const kDocumentColumns =
    "d.id, d.source, d.sha256, d.size_bytes, d.layout, d.encoding, d.year, d.issuer, d.identity, "
    "d.version, d.is_current, d.previous_version_id, d.ingested_at, d.project_count, "
    "d.indicator_count, d.duplicate_projects, d.total_fen, d.header_total_wan, "
    "d.header_project_count, d.findings_error, d.findings_warning, d.findings_advice";

DocumentInfo read_document_info(const SqliteStatement& s) {
  DocumentInfo d;
  d.id = s.int64(0);
  d.source = s.text(1);
  d.sha256 = s.text(2);
  d.size_bytes = s.int64(3);
  d.layout = s.text(4);
  d.encoding = s.text(5);
  if (!s.is_null(6)) d.year = s.int32(6);
  d.issuer = s.text(7);
  d.identity = s.text(8);
  d.version = s.int32(9);
  d.current = s.int64(10) != 0;
  d.previous_version_id = s.opt_int64(11);
  d.ingested_at = s.text(12);
  d.project_count = s.int32(13);
  d.indicator_count = s.int32(14);
  d.duplicate_projects = s.int32(15);
  d.total = Money::from_fen(s.int64(16));
  d.header_total_wan = s.opt_text(17);
  if (!s.is_null(18)) d.header_project_count = s.int32(18);
  d.findings = {s.int32(19), s.int32(20), s.int32(21)};
  return d;
}

Result<std::unique_ptr<Store>> open_sqlite_store(const std::filesystem::path& path, bool read_only,
                                                 const OpenProgress& progress) {
  auto store = SqliteStore::open(path, read_only, progress);
  if (!store) return store.error();
  return std::unique_ptr<Store>(std::move(*store));
}

Result<std::unique_ptr<SqliteStore>> SqliteStore::open(const std::filesystem::path& path, bool read_only,
                                                       const OpenProgress& progress) {
  if (read_only && !std::filesystem::exists(path)) {
    return Error{path.string(), 0, "", "数据库不存在"};
  }
  auto db = SqliteDb::open(path, read_only);
  if (!db) return db.error();
  if (read_only) {
    auto version = read_schema_version(*db);
    if (!version) return version.error();
    if (*version != latest_schema_version()) {
      return Error{path.string(), 0, "",
                   "数据库结构版本 " + std::to_string(*version) + " 不是当前版本 " +
                       std::to_string(latest_schema_version()) + "（只读打开时无法迁移）"};
    }
    auto reindexing = search_reindex_pending(*db);
    if (!reindexing) return reindexing.error();
    if (*reindexing) {
      return Error{path.string(), 0, "", "全文检索索引尚未重建完成（以读写方式打开一次即可继续重建）"};
    }
  } else {
    if (auto s = migrate(*db); !s) return s.error();
    if (auto s = refill_search_index(*db, kReindexBatchProjects, progress); !s) return s.error();
  }
  return std::unique_ptr<SqliteStore>(new SqliteStore(std::move(*db)));
}

Result<StatementLease> SqliteStore::statement(const std::string& sql) {
  auto it = statements_.find(sql);
  if (it == statements_.end()) {
    auto prepared = db_.prepare(sql);
    if (!prepared) return prepared.error();
    it = statements_.emplace(sql, std::move(*prepared)).first;
  }
  it->second.reset();
  return StatementLease(&it->second);
}

Result<int> SqliteStore::schema_version() { return read_schema_version(db_); }

Result<std::string> SqliteStore::integrity_check() {
  auto stmt = db_.prepare("PRAGMA integrity_check");
  if (!stmt) return stmt.error();
  std::string out;
  while (true) {
    auto row = stmt->step();
    if (!row) return row.error();
    if (!*row) break;
    if (!out.empty()) out += "\n";
    out += stmt->text(0);
  }
  // Foreign keys are checked separately by SQLite.
  auto fk = db_.prepare("PRAGMA foreign_key_check");
  if (!fk) return fk.error();
  while (true) {
    auto row = fk->step();
    if (!row) return row.error();
    if (!*row) break;
    if (out == "ok") out.clear();
    if (!out.empty()) out += "\n";
    out += "foreign key violation in " + fk->text(0) + " rowid " + std::to_string(fk->int64(1));
  }
  return out;
}

Result<std::optional<DocumentInfo>> SqliteStore::find_by_sha256(std::string_view sha256) {
  auto stmt = statement(std::string("SELECT ") + kDocumentColumns + " FROM document d WHERE d.sha256 = ?");
  if (!stmt) return stmt.error();
  (*stmt)->bind(1, sha256);
  auto row = (*stmt)->step();
  if (!row) return row.error();
  if (!*row) return std::optional<DocumentInfo>();
  return std::optional<DocumentInfo>(read_document_info(**stmt));
}

Result<DocumentInfo> SqliteStore::document_info(std::int64_t id) {
  auto stmt = statement(std::string("SELECT ") + kDocumentColumns + " FROM document d WHERE d.id = ?");
  if (!stmt) return stmt.error();
  (*stmt)->bind(1, id);
  auto row = (*stmt)->step();
  if (!row) return row.error();
  if (!*row) return missing_document(id);
  return read_document_info(**stmt);
}

namespace {

std::string display_name(const Project& p) {
  if (p.name.value) return *p.name.value;
  return p.narrative_title.value.value_or("");
}

std::optional<std::int64_t> fen(const Field<Money>& f) {
  if (!f.value) return std::nullopt;
  return f.value->fen();
}

std::optional<std::string> iso(const Field<Date>& f) {
  if (!f.value) return std::nullopt;
  return f.value->iso();
}

}  // namespace

SqliteStore::~SqliteStore() {
  if (batch_) (void)commit_batch();
}

Status SqliteStore::begin_batch() {
  if (batch_) return ok_status();
  if (auto s = db_.exec("BEGIN IMMEDIATE"); !s) return s;
  batch_ = true;
  return ok_status();
}

Status SqliteStore::commit_batch() {
  if (!batch_) return ok_status();
  batch_ = false;
  if (auto s = flush_search(); !s) {
    (void)db_.exec("ROLLBACK");
    return s;
  }
  if (auto s = db_.exec("COMMIT"); !s) {
    (void)db_.exec("ROLLBACK");
    return s;
  }
  return ok_status();
}

Status SqliteStore::flush_search() {
  auto pending = std::exchange(pending_search_, {});
  if (pending.empty()) return ok_status();
  auto all = statement("INSERT INTO search_fts (rowid, name, goal, indicator, narrative) VALUES (?, ?, ?, ?, ?)");
  if (!all) return all.error();
  for (const auto& [id, texts] : pending) {
    auto& s = **all;
    s.bind(1, id).bind(2, texts.name).bind(3, texts.goal).bind(4, texts.indicator).bind(5, texts.narrative);
    if (auto r = s.run(); !r) return r;
  }
  // The name and goal tiers' own index (schema v7).
  auto head = statement("INSERT INTO search_head_fts (rowid, name, goal) VALUES (?, ?, ?)");
  if (!head) return head.error();
  for (const auto& [id, texts] : pending) {
    if (auto r = (*head)->bind(1, id).bind(2, texts.name).bind(3, texts.goal).run(); !r) return r;
  }
  return ok_status();
}

Result<AddResult> SqliteStore::add_document(const NewDocument& in) {
  if (!in.declaration) return Error{"", 0, "", "add_document: no declaration"};
  const std::size_t pending_before = pending_search_.size();
  if (batch_) {
    if (auto s = db_.exec("SAVEPOINT add_document"); !s) return s.error();
    auto added = store_document(in);
    if (!added || !added->created) {
      // Nothing of this document stays; the batch's earlier documents are untouched.
      pending_search_.resize(pending_before);
      (void)db_.exec("ROLLBACK TO add_document; RELEASE add_document");
      return added;
    }
    if (auto s = db_.exec("RELEASE add_document"); !s) {
      pending_search_.resize(pending_before);
      (void)db_.exec("ROLLBACK TO add_document; RELEASE add_document");
      return s.error();
    }
    return added;
  }
  auto tx = SqliteTransaction::begin(db_);
  if (!tx) return tx.error();
  auto added = store_document(in);
  if (!added || !added->created) {
    pending_search_.clear();
    return added;  // the transaction rolls back
  }
  if (auto s = flush_search(); !s) return s.error();
  if (auto s = tx->commit(); !s) return s.error();
  return added;
}

Result<AddResult> SqliteStore::store_document(const NewDocument& in) {
  const Declaration& d = *in.declaration;
  auto existing = find_by_sha256(d.sha256);
  if (!existing) return existing.error();
  if (*existing) return AddResult{**existing, false};

  const std::string identity = document_identity(d);
  std::optional<std::int64_t> previous_id;
  int version = 1;
  {
    // `+is_current`: without statistics SQLite would rather walk document_year (is_current, year)
    // over every current document than the unique (identity, version) index — a scan per ingest
    // that grew with the store (docs/performance.md, "Storage").
    auto stmt = statement("SELECT id, version FROM document WHERE identity = ? AND +is_current = 1");
    if (!stmt) return stmt.error();
    (*stmt)->bind(1, identity);
    auto row = (*stmt)->step();
    if (!row) return row.error();
    if (*row) {
      previous_id = (*stmt)->int64(0);
      version = (*stmt)->int32(1) + 1;
    }
  }
  if (previous_id) {
    if (auto s = retire_document(*previous_id); !s) return s.error();
  }

  std::map<int, FindingCounts> by_project;
  FindingCounts all, document_level;
  for (const Finding& f : in.findings) {
    all.add(f.severity);
    if (f.project_seq > 0) {
      by_project[f.project_seq].add(f.severity);
    } else {
      document_level.add(f.severity);
    }
  }
  std::int64_t total_fen = 0;
  int indicator_count = 0;
  for (const Project& p : d.projects) {
    if (p.funds.total.value) total_fen += p.funds.total.value->fen();
    indicator_count += static_cast<int>(p.indicators.size());
  }

  std::int64_t document_id = 0;
  nlohmann::json project_json;  // the declaration's "projects" array
  {
    auto stmt = statement(
        "INSERT INTO document (sha256, source, size_bytes, identity, version, previous_version_id,"
        " is_current, year, issuer, layout, encoding, header_unit_count, header_project_count,"
        " header_total_wan, project_count, indicator_count, duplicate_projects, total_fen,"
        " findings_error, findings_warning, findings_advice, doc_findings_error,"
        " doc_findings_warning, doc_findings_advice, ingested_at)"
        " VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?)");
    if (!stmt) return stmt.error();
    auto& s = **stmt;
    s.bind(1, d.sha256).bind(2, d.source).bind(3, static_cast<std::int64_t>(in.bytes.size()));
    s.bind(4, identity).bind(5, version).bind(6, previous_id).bind(7, d.year.value);
    s.bind(8, d.issuer.value.value_or("")).bind(9, d.layout).bind(10, d.encoding);
    s.bind(11, d.header.budget_unit_count.value).bind(12, d.header.project_count.value);
    s.bind(13, d.header.total_wan.value).bind(14, static_cast<int>(d.projects.size()));
    s.bind(15, indicator_count).bind(16, total_fen);
    s.bind(17, all.error).bind(18, all.warning).bind(19, all.advice);
    s.bind(20, document_level.error).bind(21, document_level.warning).bind(22, document_level.advice);
    s.bind(23, in.ingested_at);
    if (auto r = s.run(); !r) return r.error();
    document_id = db_.last_insert_rowid();
  }
  {
    auto stmt = statement("INSERT INTO document_source (document_id, compression, bytes) VALUES (?, 'zlib', ?)");
    if (!stmt) return stmt.error();
    if (auto r = (*stmt)->bind(1, document_id).bind_blob(2, deflate_bytes(in.bytes)).run(); !r) return r.error();
  }
  {
    auto stmt = statement(
        "INSERT INTO document_json (document_id, compression, declaration, findings, projects_apart)"
        " VALUES (?, 'zlib', ?, ?, 1)");
    if (!stmt) return stmt.error();
    nlohmann::json findings = nlohmann::json::array();
    for (const Finding& f : in.findings) findings.push_back(to_json(f));
    // The projects are stored apart (project_json), so that one project is read alone.
    nlohmann::json declaration = to_json(d);
    project_json = std::move(declaration["projects"]);
    declaration["projects"] = nlohmann::json::array();
    auto& s = **stmt;
    s.bind(1, document_id).bind_blob(2, deflate_bytes(declaration.dump())).bind_blob(3, deflate_bytes(findings.dump()));
    if (auto r = s.run(); !r) return r.error();
  }
  if (auto r = count_document(document_id, +1); !r) return r.error();

  std::map<int, std::int64_t> project_ids;  // seq → id
  int duplicates = 0;
  std::vector<RollupDelta> counted;
  std::size_t index = 0;
  for (const Project& p : d.projects) {
    const nlohmann::json& this_json = project_json.at(index++);
    const std::string dup_key = duplicate_key(d.year.value, p);
    std::optional<std::int64_t> duplicate_of;
    if (!dup_key.empty()) {
      auto stmt = statement(
          "SELECT id FROM project WHERE duplicate_key = ? AND counted = 1 AND document_id <> ?"
          " ORDER BY id LIMIT 1");
      if (!stmt) return stmt.error();
      (*stmt)->bind(1, dup_key).bind(2, document_id);
      auto row = (*stmt)->step();
      if (!row) return row.error();
      if (*row) duplicate_of = (*stmt)->int64(0);
    }
    const FindingCounts fc = by_project.count(p.seq) ? by_project[p.seq] : FindingCounts{};
    const std::string name = display_name(p);
    const std::string department = p.department.value.value_or("");
    const std::string implementer = p.implementer.value.value_or("");
    std::int64_t project_id = 0;
    {
      auto stmt = statement(
          "INSERT INTO project (document_id, seq, year, is_current, counted, duplicate_of,"
          " duplicate_key, name, name_key, nature, category, department, department_key,"
          " implementer, implementer_key, start_date, end_date, total_fen, fiscal_fen, other_fen,"
          " annual_total_fen, current_appropriation_fen, carryover_fen, annual_other_fen,"
          " narrative_budget_wan, overall_goal, annual_goal, indicator_count, findings_error,"
          " findings_warning, findings_advice)"
          " VALUES (?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
          " ?, ?, ?, ?)");
      if (!stmt) return stmt.error();
      auto& s = **stmt;
      s.bind(1, document_id).bind(2, p.seq).bind(3, d.year.value);
      s.bind(4, duplicate_of ? 0 : 1).bind(5, duplicate_of).bind(6, dup_key);
      s.bind(7, name).bind(8, name_key(name)).bind(9, p.nature.value.value_or(""));
      s.bind(10, p.category.value.value_or("")).bind(11, department).bind(12, unit_key(department));
      s.bind(13, implementer).bind(14, unit_key(implementer));
      s.bind(15, iso(p.start)).bind(16, iso(p.end));
      s.bind(17, fen(p.funds.total)).bind(18, fen(p.funds.fiscal)).bind(19, fen(p.funds.other));
      s.bind(20, fen(p.funds.annual_total)).bind(21, fen(p.funds.current_appropriation));
      s.bind(22, fen(p.funds.carryover)).bind(23, fen(p.funds.annual_other));
      s.bind(24, p.narrative_budget_wan.value);
      s.bind(25, p.overall_goal.value.value_or("")).bind(26, p.annual_goal.value.value_or(""));
      s.bind(27, static_cast<int>(p.indicators.size()));
      s.bind(28, fc.error).bind(29, fc.warning).bind(30, fc.advice);
      if (auto r = s.run(); !r) return r.error();
      project_id = db_.last_insert_rowid();
    }
    project_ids[p.seq] = project_id;
    if (duplicate_of) {
      ++duplicates;
      if (auto r = refresh_duplicate_head(*duplicate_of); !r) return r.error();
    } else {
      RollupDelta r;
      r.department = department;
      r.implementer = implementer;
      r.category = p.category.value.value_or("");
      r.projects = 1;
      r.without_total = p.funds.total.value ? 0 : 1;
      r.total = fen(p.funds.total).value_or(0);
      r.fiscal = fen(p.funds.fiscal).value_or(0);
      r.annual_total = fen(p.funds.annual_total).value_or(0);
      r.indicators = static_cast<int>(p.indicators.size());
      r.findings = fc;
      counted.push_back(std::move(r));
    }
    {
      auto stmt = statement("INSERT INTO project_json (project_id, compression, json) VALUES (?, 'zlib', ?)");
      if (!stmt) return stmt.error();
      if (auto r = (*stmt)->bind(1, project_id).bind_blob(2, deflate_bytes(this_json.dump())).run(); !r) {
        return r.error();
      }
    }
    {
      auto stmt = statement(
          "INSERT INTO indicator (project_id, ord, l1, l2, name, value, cmp, num, unit, qualitative)"
          " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
      if (!stmt) return stmt.error();
      int ord = 0;
      for (const Indicator& i : p.indicators) {
        auto& s = **stmt;
        s.bind(1, project_id).bind(2, ++ord).bind(3, i.l1).bind(4, i.l2).bind(5, i.name);
        s.bind(6, i.value).bind(7, comparator_symbol(i.target.cmp)).bind(8, i.target.num);
        s.bind(9, i.target.unit).bind(10, i.target.text);
        if (auto r = s.run(); !r) return r.error();
      }
    }
    {
      auto stmt = statement(
          "INSERT INTO line_item (project_id, ord, name, quantity, quantity_unit, unit_price,"
          " unit_price_unit, amount, amount_unit, sub_project) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
      if (!stmt) return stmt.error();
      int ord = 0;
      for (const LineItem& li : p.line_items) {
        auto& s = **stmt;
        s.bind(1, project_id).bind(2, ++ord).bind(3, li.name).bind(4, li.quantity);
        s.bind(5, li.quantity_unit).bind(6, li.unit_price).bind(7, li.unit_price_unit);
        s.bind(8, li.amount).bind(9, li.amount_unit).bind(10, li.sub_project);
        if (auto r = s.run(); !r) return r.error();
      }
    }
    {
      auto stmt = statement(
          "INSERT INTO narrative_section (project_id, ord, number, heading, body, sub_project,"
          " classified) VALUES (?, ?, ?, ?, ?, ?, ?)");
      if (!stmt) return stmt.error();
      int ord = 0;
      for (const NarrativeSection& ns : p.sections) {
        auto& s = **stmt;
        s.bind(1, project_id).bind(2, ++ord).bind(3, ns.number).bind(4, ns.heading);
        s.bind(5, ns.text).bind(6, ns.sub_project).bind(7, ns.classified ? 1 : 0);
        if (auto r = s.run(); !r) return r.error();
      }
    }
    pending_search_.emplace_back(project_id, search_texts(p));  // written by flush_search()
  }
  if (auto s = add_new_document_rollups(document_id, d.year.value, counted); !s) return s.error();

  {
    auto stmt = statement(
        "INSERT INTO finding (document_id, ord, project_id, rule, severity, field, message)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)");
    if (!stmt) return stmt.error();
    int ord = 0;
    for (const Finding& f : in.findings) {
      std::optional<std::int64_t> project_id;
      if (auto it = project_ids.find(f.project_seq); f.project_seq > 0 && it != project_ids.end()) {
        project_id = it->second;
      }
      auto& s = **stmt;
      s.bind(1, document_id).bind(2, ord++).bind(3, project_id).bind(4, f.rule);
      s.bind(5, static_cast<int>(f.severity)).bind(6, f.field).bind(7, f.message);
      if (auto r = s.run(); !r) return r.error();
    }
  }
  if (duplicates > 0) {
    auto stmt = statement("UPDATE document SET duplicate_projects = ? WHERE id = ?");
    if (!stmt) return stmt.error();
    if (auto r = (*stmt)->bind(1, duplicates).bind(2, document_id).run(); !r) return r.error();
  }
  auto info = document_info(document_id);
  if (!info) return info.error();
  return AddResult{*info, true};
}

}  // namespace jixiao::store

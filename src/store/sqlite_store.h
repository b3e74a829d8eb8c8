// The SQLite backend of the store (store.h): one database file in WAL mode, foreign keys on,
// migrations from sqlite_schema.h. Not thread-safe: one SqliteStore per thread at a time (the
// service keeps a pool); several processes may share the file.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "store/search_text.h"
#include "store/sqlite_db.h"
#include "store/store.h"

namespace jixiao::store {

// A cached statement on loan: reset (and its bindings cleared) when the loan ends, so that no
// statement keeps a read snapshot open.
class StatementLease {
 public:
  explicit StatementLease(SqliteStatement* s) : s_(s) {}
  StatementLease(StatementLease&& o) noexcept : s_(o.s_) { o.s_ = nullptr; }
  StatementLease& operator=(StatementLease&&) = delete;
  ~StatementLease() {
    if (s_) s_->reset();
  }
  SqliteStatement* operator->() const { return s_; }
  SqliteStatement& operator*() const { return *s_; }

 private:
  SqliteStatement* s_;
};

// The `year` of rollup_dim's all-years rows (schema v6); real years are ≥ 0 (0: unknown).
constexpr int kAllYearsRow = -1;

// What counted projects add to the summary rollups (negated to take them out).
struct RollupDelta {
  std::int64_t document_id = 0;
  std::optional<int> year;
  std::string department, implementer, category;
  int projects = 0, without_total = 0, indicators = 0;
  std::int64_t total = 0, fiscal = 0, annual_total = 0;
  FindingCounts findings;
  void add(const RollupDelta& o);  // sums the counts and amounts (not the keys)
};

class SqliteStore final : public Store {
 public:
  static Result<std::unique_ptr<SqliteStore>> open(const std::filesystem::path& path, bool read_only,
                                                   const OpenProgress& progress = {});
  ~SqliteStore() override;  // commits an open batch (it holds whole documents only)
  SqliteStore(const SqliteStore&) = delete;
  SqliteStore& operator=(const SqliteStore&) = delete;

  Result<int> schema_version() override;
  Result<std::string> integrity_check() override;
  Result<std::optional<DocumentInfo>> find_by_sha256(std::string_view sha256) override;
  Result<AddResult> add_document(const NewDocument& doc) override;
  Status begin_batch() override;
  Status commit_batch() override;
  bool in_batch() const override { return batch_; }
  Result<DocumentInfo> document_info(std::int64_t id) override;
  Result<std::string> declaration_json(std::int64_t document_id) override;
  Result<std::string> project_declaration_json(std::int64_t project_id) override;
  Result<std::string> source_bytes(std::int64_t document_id) override;
  Result<std::vector<Finding>> document_findings(std::int64_t document_id) override;
  Result<std::vector<DocumentInfo>> versions(std::string_view identity) override;
  Result<std::vector<DocumentInfo>> documents(std::optional<int> year, bool include_superseded) override;
  Result<std::vector<int>> years() override;
  Result<ProjectInfo> project_info(std::int64_t id) override;
  Result<std::vector<ProjectInfo>> projects(const ProjectQuery& query) override;
  Result<std::vector<ProjectRef>> published_also(std::int64_t project_id) override;
  Result<std::vector<FindingRow>> findings(const FindingQuery& query) override;
  Result<Summary> summary(const SummaryQuery& query) override;
  Result<SearchResult> search(const std::vector<std::string>& segments, int limit, int offset) override;
  Result<std::vector<ProjectInfo>> projects_by_name_key(std::string_view name_key, int limit) override;
  Result<std::vector<ProjectInfo>> projects_by_name_text(const std::vector<std::string>& segments,
                                                         int limit) override;
  Result<std::vector<ProjectInfo>> related_projects(int year, std::string_view name_key,
                                                    std::string_view implementer_key,
                                                    std::string_view department_key, int limit) override;
  Result<std::vector<ProjectInfo>> projects_by_name_fragments(int year, const std::vector<std::string>& fragments,
                                                              int limit) override;
  Result<ProjectFeatures> features(std::int64_t project_id) override;
  Status for_each_document(const ExportQuery& query, const DocumentVisitor& visit) override;

  SqliteDb& db() { return db_; }

 private:
  explicit SqliteStore(SqliteDb db) : db_(std::move(db)) {}
  // A prepared statement kept for the life of the store, reset and ready for binding.
  Result<StatementLease> statement(const std::string& sql);
  Result<std::vector<ProjectInfo>> project_list(const std::string& sql_tail,
                                                const std::function<void(SqliteStatement&)>& bind);
  Result<std::vector<DocumentInfo>> document_list(const std::string& sql_tail,
                                                  const std::function<void(SqliteStatement&)>& bind);
  // A document's stored declaration JSON (compressed as stored) and whether its projects are
  // stored apart in project_json (schema 4); missing_document() when there is none.
  struct StoredDeclaration {
    std::string compression, bytes;
    bool projects_apart = false;
  };
  Result<StoredDeclaration> stored_declaration(std::int64_t document_id);
  // The first column (an id) of every row of `sql`, its one parameter bound to `id`.
  Result<std::vector<std::int64_t>> ids_of(const std::string& sql, std::int64_t id);
  // Moves the counted projects of a superseded document out of the totals, promoting one of
  // their repeats in other documents where there is one.
  Status retire_document(std::int64_t document_id);
  // Counts (roll-ups included) the current repeats of `head` in the first document other than
  // `retiring` holding one, and points the other repeats at the first of them: the new head,
  // returned (nullopt when `head` has no repeat outside `retiring`).
  Result<std::optional<std::int64_t>> promote_heir(std::int64_t head, std::int64_t retiring);
  // add_document's work inside its transaction or savepoint.
  Result<AddResult> store_document(const NewDocument& doc);
  // Writes the search-index rows queued by store_document. FTS5 flushes its in-memory index to
  // a new segment at every savepoint and at every statement-journal savepoint of a later write
  // in the transaction, so the rows are inserted together just before COMMIT: one flush per
  // transaction instead of one per project.
  Status flush_search();
  Status adjust_rollup(std::int64_t project_id, int sign);
  // The rollups of a new document's counted projects (one delta per project), summed in memory.
  Status add_new_document_rollups(std::int64_t document_id, std::optional<int> year,
                                  const std::vector<RollupDelta>& counted);
  Status upsert_rollup(const RollupDelta& d);
  // Adds `d` to the (dimension, year, key) row of rollup_dim and, for department, implementer
  // and category, to the key's all-years row (year kAllYearsRow, schema v6).
  Status upsert_rollup_dim(const char* dimension, int year, const std::string& key, int documents,
                           const RollupDelta& d);
  // Adds (+1) or removes (−1) a current document and its document-level findings in the rollup.
  Status count_document(std::int64_t document_id, int sign);
  // Re-counts the current repeats of `head` and brings duplicate_head and rollup_repeats in line
  // (called for every head whose repeats an ingest or a retirement changed).
  Status refresh_duplicate_head(std::int64_t head);
  // The newest `cap` counted projects whose row of the FTS5 `table` matches `match`.
  Result<std::vector<std::int64_t>> fts_ids(const char* table, const std::string& match, int cap);
  // The search's anywhere and indicator tiers in one walk of search_fts: the newest `cap`
  // counted projects holding every segment in any field, and the newest `cap` holding every
  // segment in their indicators — what the column filter "{indicator} : (…)" returns.
  Result<std::pair<std::vector<std::int64_t>, std::vector<std::int64_t>>> anywhere_and_indicator_ids(
      const std::vector<std::string>& segments, int cap);
  Result<std::vector<SnippetPart>> snippet_for(std::int64_t project_id, const std::string& field,
                                               const std::vector<std::string>& segments);

  SqliteDb db_;
  std::map<std::string, SqliteStatement> statements_;
  bool batch_ = false;
  std::vector<std::pair<std::int64_t, SearchTexts>> pending_search_;  // project id → texts
};

// The column list that read_project_info() expects, for "SELECT <cols> FROM project p …".
extern const char* const kProjectColumns;
ProjectInfo read_project_info(const SqliteStatement& s);
extern const char* const kDocumentColumns;
DocumentInfo read_document_info(const SqliteStatement& s);

// The error of a lookup by an id that is not stored: kind ErrorKind::kNotFound (which the server
// answers with 404, by kind), message "没有编号为 N 的文档/项目" for people.
Error missing_document(std::int64_t id);
Error missing_project(std::int64_t id);

}  // namespace jixiao::store

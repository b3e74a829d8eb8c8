// The storage interface (存储): documents, their versions, projects and findings, and the queries
// over them. The service layer (service/workspace.h) talks to the store only through this class,
// so that a PostgreSQL backend can follow the SQLite one (sqlite_store.h) under the same tests.
// Every method is a complete unit of work; add_document is one transaction, or — between
// begin_batch() and commit_batch() — one savepoint of a transaction shared by many documents.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/declaration.h"
#include "model/finding.h"
#include "model/result.h"
#include "store/records.h"

namespace jixiao::store {

// A parsed, reviewed document ready to be stored.
struct NewDocument {
  const Declaration* declaration = nullptr;  // sha256 must be the hash of `bytes`
  std::string_view bytes;                    // the source document as read
  std::vector<Finding> findings;             // review findings (project_seq 0: document-level)
  std::string ingested_at;                   // ISO 8601 UTC
};

struct AddResult {
  DocumentInfo document;
  bool created = false;  // false: these bytes were already stored (nothing written)
};

// What history matching compares besides the listing fields.
struct ProjectFeatures {
  std::string overall_goal, annual_goal;
  std::vector<std::string> indicator_names;  // 三级指标 names as stored
};

// Called once per document by for_each_document (export); returning an Error stops the walk.
using DocumentVisitor =
    std::function<Status(const DocumentInfo& info, const std::string& declaration_json,
                         const std::vector<Finding>& findings, const std::vector<ProjectInfo>& projects)>;

class Store {
 public:
  virtual ~Store() = default;

  // The schema version of the open database (the number of the last applied migration).
  virtual Result<int> schema_version() = 0;
  // "ok" when the database is consistent; otherwise the problems found.
  virtual Result<std::string> integrity_check() = 0;

  // The stored document with these source bytes, if any.
  virtual Result<std::optional<DocumentInfo>> find_by_sha256(std::string_view sha256) = 0;
  // Stores a document with its projects, indicators, line items, narrative, findings and search
  // entries in one transaction. Bytes already stored → created=false. A declaration whose identity
  // (keys.h) is already stored becomes its next version; the previous one stays, not current.
  // Projects already published in another current document of the year are linked as repeats.
  virtual Result<AddResult> add_document(const NewDocument& doc) = 0;
  // Bulk ingest: the add_document calls that follow share one transaction until commit_batch(),
  // each document in its own savepoint (a failed document is rolled back alone; the transaction
  // only ever holds whole documents, so a crash or kill still loses whole documents only). Costs
  // paid once per transaction (search-index flush, WAL write) are then paid once per batch.
  // Other connections see the batch's documents after commit_batch().
  virtual Status begin_batch() = 0;
  virtual Status commit_batch() = 0;  // no-op when no batch is open
  virtual bool in_batch() const = 0;

  // The lookups by a document or project id (these, project_info and features) answer an id that
  // is not stored with an Error of kind ErrorKind::kNotFound.
  virtual Result<DocumentInfo> document_info(std::int64_t id) = 0;
  virtual Result<std::string> declaration_json(std::int64_t document_id) = 0;
  // The declaration JSON of the project's document holding that one project in "projects" (read
  // without the document's other projects). Documents stored before schema 4 answer with all
  // their projects: callers pick the project by seq.
  virtual Result<std::string> project_declaration_json(std::int64_t project_id) = 0;
  virtual Result<std::string> source_bytes(std::int64_t document_id) = 0;
  virtual Result<std::vector<Finding>> document_findings(std::int64_t document_id) = 0;
  // Every version of the identity, oldest first.
  virtual Result<std::vector<DocumentInfo>> versions(std::string_view identity) = 0;
  virtual Result<std::vector<DocumentInfo>> documents(std::optional<int> year, bool include_superseded) = 0;
  virtual Result<std::vector<int>> years() = 0;

  virtual Result<ProjectInfo> project_info(std::int64_t id) = 0;
  virtual Result<std::vector<ProjectInfo>> projects(const ProjectQuery& query) = 0;
  // The other current publications of the same project (both directions of the duplicate link).
  virtual Result<std::vector<ProjectRef>> published_also(std::int64_t project_id) = 0;
  virtual Result<std::vector<FindingRow>> findings(const FindingQuery& query) = 0;

  virtual Result<Summary> summary(const SummaryQuery& query) = 0;
  // `segments` come from query_segments() (cjk_tokenizer.h); all must occur in a project's texts.
  virtual Result<SearchResult> search(const std::vector<std::string>& segments, int limit, int offset) = 0;

  // History support: counted current projects with this name_key (any year)…
  virtual Result<std::vector<ProjectInfo>> projects_by_name_key(std::string_view name_key, int limit) = 0;
  // …whose name contains every segment (any year), newest first…
  virtual Result<std::vector<ProjectInfo>> projects_by_name_text(const std::vector<std::string>& segments,
                                                                 int limit) = 0;
  // …and of `year` sharing the name_key, the implementer's unit_key or the department's unit_key.
  virtual Result<std::vector<ProjectInfo>> related_projects(int year, std::string_view name_key,
                                                            std::string_view implementer_key,
                                                            std::string_view department_key, int limit) = 0;
  // …and of `year` whose name contains one of `fragments` (substrings of a name_key), newest
  // first: finds a project renamed and moved to another unit in the same year.
  virtual Result<std::vector<ProjectInfo>> projects_by_name_fragments(int year, const std::vector<std::string>& fragments,
                                                                      int limit) = 0;
  virtual Result<ProjectFeatures> features(std::int64_t project_id) = 0;

  virtual Status for_each_document(const ExportQuery& query, const DocumentVisitor& visit) = 0;
};

// Progress of a long step of opening a store (the search re-index after an upgrade to schema v9):
// project ids done so far, out of `total`.
using OpenProgress = std::function<void(std::int64_t done, std::int64_t total)>;

// Opens the SQLite store at `path` (creating it and applying pending migrations unless
// read_only; read_only fails when the schema is not current or a re-index is unfinished).
// `progress` is called during a migration's re-index, which can take minutes on a large store.
Result<std::unique_ptr<Store>> open_sqlite_store(const std::filesystem::path& path, bool read_only = false,
                                                 const OpenProgress& progress = {});

}  // namespace jixiao::store

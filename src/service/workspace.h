// The library API of jixiao's database of declarations (工作区): the ONE entry point that the CLI,
// the web server and the benchmarks call to ingest documents and to query them across years.
// Amounts are Money (integer fen); the JSON form of every view is in service/views_json.h and
// documented in docs/store-json.md.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/declaration.h"
#include "model/finding.h"
#include "model/money.h"
#include "model/result.h"
#include "store/records.h"

namespace jixiao {

// ---------------------------------------------------------------------------------------------
// Ingest

enum class IngestOutcome {
  kAdded,       // a declaration not seen before
  kNewVersion,  // a revised version of a stored declaration (the old version is kept)
  kUnchanged,   // the same bytes were already stored: nothing written
  kFailed,      // unreadable input: nothing written, `error` says why
};
std::string_view ingest_outcome_name(IngestOutcome o);  // "added", "new_version", "unchanged", "failed"

struct IngestedDocument {
  std::string source;
  IngestOutcome outcome = IngestOutcome::kFailed;
  std::int64_t document_id = 0;  // the stored (or already stored) version; 0 when failed
  int version = 0;
  std::optional<std::int64_t> previous_version_id;
  int projects = 0, indicators = 0, unreadable_fields = 0;
  int duplicate_projects = 0;  // projects also published in another document of the year
  FindingCounts findings;
  std::optional<Error> error;  // set when failed
};

struct IngestReport {
  std::vector<IngestedDocument> documents;  // in input order
  int added = 0, new_versions = 0, unchanged = 0, failed = 0;
  int projects = 0, indicators = 0, duplicate_projects = 0;  // of added/new versions only
  FindingCounts findings;
  void add(IngestedDocument doc);  // appends and updates the totals
};

// Progress of a multi-file ingest: called after each file (done counts from 1 to total).
struct IngestProgress {
  std::size_t done = 0, total = 0;
  std::string current;  // the file just processed
  std::uint64_t bytes_done = 0, bytes_total = 0;
};
using ProgressCallback = std::function<void(const IngestProgress&)>;

// ---------------------------------------------------------------------------------------------
// History (历年对比): one project across years

// Why a project of one year was linked to the previous year's.
struct HistoryLink {
  double score = 0;                  // 0..1
  std::vector<std::string> reasons;  // Chinese, e.g. "名称相同", "更名：A → B（相似度 0.82）", "单位调整：X → Y"
  bool renamed = false;
  bool moved = false;  // implementer (实施单位) changed
};

struct HistoryEntry {
  ProjectInfo project;
  std::optional<HistoryLink> link;  // to the previous entry; absent for the first
};

// One row of the side-by-side comparison: a value per entry (nullopt where absent).
struct HistoryRow {
  std::string group;  // "资金" / "日期" / "基本信息" / the indicator's 一级指标
  std::string label;  // "项目资金总额" / "计划开始日期" / the indicator's 三级指标 name
  std::vector<std::optional<std::string>> values;  // aligned with History::entries
  bool changed = false;  // not all present values are equal, or present in some years only
};

struct ProjectHistory {
  std::vector<HistoryEntry> entries;  // by year ascending, one project per year
  std::vector<HistoryRow> rows;       // funds (元), dates, name/implementer, then each indicator's target
};

struct History {
  std::string query;
  std::vector<ProjectHistory> chains;  // one per distinct project matching the query, best first
};

// ---------------------------------------------------------------------------------------------
// Detail views

struct ProjectView {
  ProjectInfo info;
  DocumentInfo document;
  Project project;                      // the model object as parsed
  std::vector<Finding> findings;        // project-level findings
  std::vector<ProjectRef> published_also;  // the same project in other documents of the year
};

struct DocumentView {
  DocumentInfo info;
  Declaration declaration;              // the model object as parsed (header, projects…)
  std::vector<Finding> findings;        // all findings, document- and project-level
  std::vector<ProjectInfo> projects;    // in seq order, with their stored ids
  std::vector<DocumentInfo> versions;   // every version of the identity, oldest first
};

// ---------------------------------------------------------------------------------------------

struct WorkspaceOptions {
  // Parser of source bytes; defaults to parse_bytes (ingest/parse.h).
  std::function<Result<Declaration>(std::string_view bytes, std::string_view source)> parser;
  // Review run on each new declaration; defaults to review() with default ReviewOptions
  // (rules/review.h). Its findings are stored with the declaration.
  std::function<std::vector<Finding>(const Declaration&)> reviewer;
  bool read_only = false;  // open without creating or migrating (fails if the schema is old)
  // Called while opening an older database rebuilds its search index (schema v9; minutes for a
  // million projects): project ids done so far, out of `total`.
  std::function<void(std::int64_t done, std::int64_t total)> upgrade_progress;
};

// The database path used when none is given: $JIXIAO_DB if set and non-empty, else ./jixiao.db.
std::filesystem::path default_database_path();

// A database of declarations. All methods may be called from several threads at once (reads run
// in parallel on their own connections; writes are serialised). Errors come back as values.
class Workspace {
 public:
  // Opens (creating and migrating to the current schema when needed) the SQLite database at `db`.
  static Result<std::unique_ptr<Workspace>> open(const std::filesystem::path& db,
                                                 WorkspaceOptions options = {});
  ~Workspace();
  Workspace(const Workspace&) = delete;
  Workspace& operator=(const Workspace&) = delete;

  // --- ingest: a document is stored whole or not at all; a failure leaves nothing behind -----
  // Single calls commit before they return. ingest_paths and batched ingest_parsed calls share
  // transactions (a savepoint per document, store.h begin_batch), committed every second or
  // 1,000 documents and at the end: a kill loses at most the last second's whole documents.
  // Reads, parses, reviews and stores one file. Same bytes again → kUnchanged (no write).
  Result<IngestedDocument> ingest_file(const std::filesystem::path& path);
  // Same for bytes in memory (web upload); `source_name` is the file name shown to people.
  Result<IngestedDocument> ingest_bytes(std::string_view bytes, std::string_view source_name);
  // Stores an already parsed declaration with its source bytes (benchmarks, generated corpora);
  // it is reviewed like any other. `declaration.sha256` is recomputed from `bytes`.
  // With `batched`, the document joins the open bulk transaction (visible to other connections
  // once committed: after about a second, or at flush()).
  Result<IngestedDocument> ingest_parsed(Declaration declaration, std::string_view bytes, bool batched = false);
  // Commits the documents of batched ingests still pending (also done when the workspace closes).
  Status flush();
  // Ingests files and directories (recursively: *.txt, *.pdf, sorted by path). A file that fails
  // is reported in the result and the others go on; Error only when the database fails.
  Result<IngestReport> ingest_paths(const std::vector<std::filesystem::path>& paths,
                                    const ProgressCallback& progress = {});

  // --- queries (current versions only unless said otherwise) -----------------------------
  Result<Summary> summary(const SummaryQuery& query);
  // Ranked full-text search over names, goals, indicators and narratives; 1-, 2- and 3+-character
  // queries all work. Whitespace separates terms that must all match.
  Result<SearchResult> search(std::string_view text, int limit = 20, int offset = 0);
  // The project(s) matching `query` (a project id "123", an exact or partial project name)
  // across years, with renames and unit moves detected and the differences side by side.
  Result<History> history(std::string_view query);
  // Any version; an Error of kind kNotFound only when no such id is stored.
  Result<ProjectView> project(std::int64_t id);
  Result<DocumentView> document(std::int64_t id);
  Result<std::vector<DocumentInfo>> documents(std::optional<int> year = std::nullopt,
                                              bool include_superseded = false);
  Result<std::vector<ProjectInfo>> projects(const ProjectQuery& query);
  Result<std::vector<FindingRow>> findings(const FindingQuery& query);
  Result<std::vector<int>> years();  // budget years with current documents, ascending

  // Writes every project of the selected documents: JSON (an array of documents, each with its
  // declaration, findings and ids; streamed) or CSV (UTF-8 with BOM, one row per project).
  Status export_to(std::ostream& out, ExportFormat format, const ExportQuery& query = {});

  // The database file this workspace uses.
  const std::filesystem::path& path() const;

  struct Impl;  // internal (workspace_impl.h)

 private:
  explicit Workspace(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace jixiao

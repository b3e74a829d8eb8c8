// The records the store returns (query results shared by the store backends, the service and
// their JSON): documents, projects, summaries, search hits, findings. Amounts are Money (fen).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/date.h"
#include "model/finding.h"
#include "model/money.h"

namespace jixiao {

// ---------------------------------------------------------------------------------------------
// Shared small types

// Findings counted by severity (错误 / 警告 / 提示).
struct FindingCounts {
  int error = 0, warning = 0, advice = 0;
  int total() const { return error + warning + advice; }
  void add(Severity s, int n = 1);
  FindingCounts& operator+=(const FindingCounts& o);
  bool operator==(const FindingCounts&) const = default;
};

// One stored document version (a source file and what was parsed from it).
struct DocumentInfo {
  std::int64_t id = 0;          // document version id (stable, never reused)
  std::string source;           // file name as given at ingest
  std::string sha256;           // of the source bytes
  std::int64_t size_bytes = 0;  // of the source bytes
  std::string layout, encoding;
  std::optional<int> year;      // budget year, when readable
  std::string issuer;           // issuing department/unit, empty when unreadable
  std::string identity;         // what makes two files versions of one declaration (docs/storage.md)
  int version = 1;              // 1, 2, … within the identity, in ingest order
  bool current = true;          // the newest version of its identity; only current ones are queried
  std::optional<std::int64_t> previous_version_id;
  std::string ingested_at;      // ISO 8601 UTC, "2024-05-01T08:30:00Z"
  int project_count = 0, indicator_count = 0;
  int duplicate_projects = 0;   // projects repeating one counted in another document of the year
  Money total;                  // sum of the forms' 项目资金总额 (projects with a readable total)
  std::optional<std::string> header_total_wan;  // "涉及项目预算资金 X 万元" as written
  std::optional<int> header_project_count;      // "编报绩效目标的项目 N 个"
  FindingCounts findings;       // all findings of the document (document- and project-level)
};

// Where a project is published again: the same project (same year, normalised name, implementer
// and amounts) in another current document, e.g. a department disclosure (部门) repeating a
// subordinate unit's (单位) projects. Totals count each group once.
struct ProjectRef {
  std::int64_t project_id = 0;
  std::int64_t document_id = 0;
  std::string source;   // the document's source name
  std::string issuer;   // the document's issuer
  std::optional<int> year;
  int seq = 0;
  std::string name;
  std::string implementer;
};

// One row of a project listing (no indicators or narrative; see ProjectView for those).
struct ProjectInfo {
  std::int64_t id = 0;
  std::int64_t document_id = 0;
  std::optional<int> year;
  int seq = 0;
  std::string name, department, implementer, category, nature;
  std::optional<Money> total, fiscal, annual_total;
  std::optional<Date> start, end;
  int indicator_count = 0;
  FindingCounts findings;
  // True for the one member of a duplicate group that totals count (or a project without
  // duplicates); false for the repeats, whose `duplicate_of` names the counted one.
  bool counted = true;
  std::optional<std::int64_t> duplicate_of;
};

// ---------------------------------------------------------------------------------------------
// Summary (汇总)

enum class SummaryDimension { kNone, kDepartment, kImplementer, kCategory, kYear };
std::string_view dimension_name(SummaryDimension d);  // "", "department", "implementer", "category", "year"
std::optional<SummaryDimension> parse_dimension(std::string_view text);  // the names above

struct SummaryQuery {
  std::optional<int> year;  // only this budget year; all years when absent
  SummaryDimension by = SummaryDimension::kNone;
  int duplicate_groups_limit = 20;  // how many duplicate groups to list (0: only count them)
};

struct SummaryRow {
  std::string key;  // department / implementer / category / year as text; "" for the total row
  int documents = 0;       // documents contributing at least one counted project
  int projects = 0;        // counted projects (each duplicate group once)
  int projects_without_total = 0;  // counted projects whose 项目资金总额 is missing/unreadable
  Money total;             // Σ 项目资金总额
  Money fiscal;            // Σ 其中：财政资金
  Money annual_total;      // Σ 年度资金申请总额
  int indicators = 0;
  FindingCounts findings;  // project-level findings of the counted projects
};

struct DuplicateGroup {
  std::optional<int> year;
  std::string name, implementer;
  std::optional<Money> total;
  std::vector<ProjectRef> published_in;  // the counted one first
};

struct Summary {
  SummaryQuery query;
  std::vector<SummaryRow> rows;  // one per key, ordered by total descending (by year: ascending)
  SummaryRow total;              // all counted projects
  int duplicate_projects = 0;    // repeats left out of the totals
  std::vector<DuplicateGroup> duplicate_groups;  // at most query.duplicate_groups_limit, largest totals first
  int duplicate_group_count = 0;
  FindingCounts document_findings;  // findings not tied to one project
};

// ---------------------------------------------------------------------------------------------
// Full-text search (全文检索)

struct SnippetPart {
  std::string text;
  bool match = false;  // this part matched the query (to be highlighted)
};

struct SearchHit {
  std::int64_t project_id = 0;
  std::int64_t document_id = 0;
  std::optional<int> year;
  std::string name, implementer, department;
  std::string field;  // where the best match is: "name", "goal", "indicator", "narrative"
  std::vector<SnippetPart> snippet;
  double score = 0;   // higher is better
};

struct SearchResult {
  std::string query;
  std::vector<SearchHit> hits;  // ranked, page [offset, offset+limit)
  int total = 0;                // matching projects, each duplicate group once (see total_is_lower_bound)
  bool total_is_lower_bound = false;  // very common queries: counting stopped at a cap
};

// ---------------------------------------------------------------------------------------------
// Listings

struct ProjectQuery {
  std::optional<int> year;
  std::optional<std::string> department, implementer, category;  // exact match when set
  std::optional<std::int64_t> document_id;
  int limit = 50, offset = 0;
};

struct FindingQuery {
  std::optional<int> year;
  std::optional<Severity> min_severity;
  std::optional<std::string> rule;
  int limit = 100, offset = 0;
};

struct FindingRow {
  std::int64_t document_id = 0;
  std::optional<std::int64_t> project_id;  // absent for document-level findings
  std::optional<int> year;
  Finding finding;
};

enum class ExportFormat { kJson, kCsv };

struct ExportQuery {
  std::optional<int> year;
  bool include_superseded = false;  // also old versions
};

}  // namespace jixiao

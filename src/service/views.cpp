// Workspace queries: summary, search, listings and the project/document views.
#include <nlohmann/json.hpp>

#include "ingest/normalize.h"
#include "model/json_io.h"
#include "service/workspace_impl.h"
#include "store/cjk_tokenizer.h"

namespace jixiao {

namespace {

Result<Declaration> parse_declaration(const Result<std::string>& json, std::int64_t document_id) {
  if (!json) return json.error();
  auto parsed = nlohmann::json::parse(*json, nullptr, false);
  if (parsed.is_discarded()) {
    return Error{"", 0, "declaration", "数据库中文档 " + std::to_string(document_id) + " 的内容无法读取"};
  }
  return declaration_from_json(parsed);
}

Result<Declaration> load_declaration(store::Store& s, std::int64_t document_id) {
  return parse_declaration(s.declaration_json(document_id), document_id);
}

// Once the document or project asked for was found, a part of it reported missing is a damaged
// database, not an unknown id: the error keeps its text but is no longer kNotFound (no 404).
Error damaged(Error e) {
  e.kind = ErrorKind::kOther;
  return e;
}

}  // namespace

Result<Summary> Workspace::summary(const SummaryQuery& query) {
  auto s = impl_->reader();
  if (!s) return s.error();
  return (*s)->summary(query);
}

Result<SearchResult> Workspace::search(std::string_view text, int limit, int offset) {
  // The query is normalised like the documents were (full-width forms, spaces) before splitting.
  std::string normalised = normalize_line(text);
  auto segments = store::query_segments(normalised);
  auto s = impl_->reader();
  if (!s) return s.error();
  auto result = (*s)->search(segments, limit, offset);
  if (!result) return result.error();
  result->query = std::string(text);
  return result;
}

Result<std::vector<DocumentInfo>> Workspace::documents(std::optional<int> year, bool include_superseded) {
  auto s = impl_->reader();
  if (!s) return s.error();
  return (*s)->documents(year, include_superseded);
}

Result<std::vector<ProjectInfo>> Workspace::projects(const ProjectQuery& query) {
  auto s = impl_->reader();
  if (!s) return s.error();
  return (*s)->projects(query);
}

Result<std::vector<FindingRow>> Workspace::findings(const FindingQuery& query) {
  auto s = impl_->reader();
  if (!s) return s.error();
  return (*s)->findings(query);
}

Result<std::vector<int>> Workspace::years() {
  auto s = impl_->reader();
  if (!s) return s.error();
  return (*s)->years();
}

Result<ProjectView> Workspace::project(std::int64_t id) {
  auto s = impl_->reader();
  if (!s) return s.error();
  ProjectView view;
  auto info = (*s)->project_info(id);
  if (!info) return info.error();
  view.info = std::move(*info);
  auto doc = (*s)->document_info(view.info.document_id);
  if (!doc) return damaged(doc.error());
  view.document = std::move(*doc);
  // Only this project's JSON is read and parsed, not the whole declaration's.
  auto declaration = parse_declaration((*s)->project_declaration_json(id), view.info.document_id);
  if (!declaration) return damaged(declaration.error());
  for (auto& p : declaration->projects) {
    if (p.seq == view.info.seq) {
      view.project = std::move(p);
      break;
    }
  }
  auto findings = (*s)->document_findings(view.info.document_id);
  if (!findings) return damaged(findings.error());
  for (auto& f : *findings) {
    if (f.project_seq == view.info.seq) view.findings.push_back(std::move(f));
  }
  auto also = (*s)->published_also(id);
  if (!also) return also.error();
  view.published_also = std::move(*also);
  return view;
}

Result<DocumentView> Workspace::document(std::int64_t id) {
  auto s = impl_->reader();
  if (!s) return s.error();
  DocumentView view;
  auto info = (*s)->document_info(id);
  if (!info) return info.error();
  view.info = std::move(*info);
  auto declaration = load_declaration(**s, id);
  if (!declaration) return damaged(declaration.error());
  view.declaration = std::move(*declaration);
  auto findings = (*s)->document_findings(id);
  if (!findings) return damaged(findings.error());
  view.findings = std::move(*findings);
  ProjectQuery q;
  q.document_id = id;
  q.limit = 1 << 30;
  auto projects = (*s)->projects(q);
  if (!projects) return projects.error();
  view.projects = std::move(*projects);
  auto versions = (*s)->versions(view.info.identity);
  if (!versions) return versions.error();
  view.versions = std::move(*versions);
  return view;
}

}  // namespace jixiao

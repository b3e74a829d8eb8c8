#include "service/views_json.h"

#include <nlohmann/json.hpp>

#include "model/json_io.h"

namespace jixiao {

namespace {

using nlohmann::json;

template <class T>
json opt(const std::optional<T>& v) {
  return v ? json(*v) : json(nullptr);
}

json yuan(const std::optional<Money>& m) { return m ? json(m->yuan_string()) : json(nullptr); }
json date(const std::optional<Date>& d) { return d ? json(d->iso()) : json(nullptr); }

json error_json(const Error& e) {
  return json{{"file", e.file}, {"line", e.line}, {"field", e.field}, {"message", e.message}};
}

}  // namespace

json to_json(const FindingCounts& c) {
  return json{{"error", c.error}, {"warning", c.warning}, {"advice", c.advice}, {"total", c.total()}};
}

json to_json(const DocumentInfo& d) {
  return json{{"id", d.id},
              {"source", d.source},
              {"sha256", d.sha256},
              {"size_bytes", d.size_bytes},
              {"layout", d.layout},
              {"encoding", d.encoding},
              {"year", opt(d.year)},
              {"issuer", d.issuer},
              {"identity", d.identity},
              {"version", d.version},
              {"current", d.current},
              {"previous_version_id", opt(d.previous_version_id)},
              {"ingested_at", d.ingested_at},
              {"project_count", d.project_count},
              {"indicator_count", d.indicator_count},
              {"duplicate_projects", d.duplicate_projects},
              {"total_yuan", d.total.yuan_string()},
              {"total_wan", d.total.wan_string()},
              {"header_total_wan", opt(d.header_total_wan)},
              {"header_project_count", opt(d.header_project_count)},
              {"findings", to_json(d.findings)}};
}

json to_json(const ProjectRef& r) {
  return json{{"project_id", r.project_id}, {"document_id", r.document_id}, {"source", r.source},
              {"issuer", r.issuer},         {"year", opt(r.year)},          {"seq", r.seq},
              {"name", r.name},             {"implementer", r.implementer}};
}

json to_json(const ProjectInfo& p) {
  return json{{"id", p.id},
              {"document_id", p.document_id},
              {"year", opt(p.year)},
              {"seq", p.seq},
              {"name", p.name},
              {"department", p.department},
              {"implementer", p.implementer},
              {"category", p.category},
              {"nature", p.nature},
              {"total_yuan", yuan(p.total)},
              {"fiscal_yuan", yuan(p.fiscal)},
              {"annual_total_yuan", yuan(p.annual_total)},
              {"start", date(p.start)},
              {"end", date(p.end)},
              {"indicator_count", p.indicator_count},
              {"findings", to_json(p.findings)},
              {"counted", p.counted},
              {"duplicate_of", opt(p.duplicate_of)}};
}

json to_json(const IngestedDocument& d) {
  return json{{"source", d.source},
              {"outcome", std::string(ingest_outcome_name(d.outcome))},
              {"document_id", d.document_id ? json(d.document_id) : json(nullptr)},
              {"version", d.version},
              {"previous_version_id", opt(d.previous_version_id)},
              {"projects", d.projects},
              {"indicators", d.indicators},
              {"unreadable_fields", d.unreadable_fields},
              {"duplicate_projects", d.duplicate_projects},
              {"findings", to_json(d.findings)},
              {"error", d.error ? error_json(*d.error) : json(nullptr)}};
}

json to_json(const IngestReport& r) {
  json docs = json::array();
  for (const auto& d : r.documents) docs.push_back(to_json(d));
  return json{{"documents", docs},
              {"added", r.added},
              {"new_versions", r.new_versions},
              {"unchanged", r.unchanged},
              {"failed", r.failed},
              {"projects", r.projects},
              {"indicators", r.indicators},
              {"duplicate_projects", r.duplicate_projects},
              {"findings", to_json(r.findings)}};
}

json to_json(const SummaryRow& r) {
  return json{{"key", r.key},
              {"documents", r.documents},
              {"projects", r.projects},
              {"projects_without_total", r.projects_without_total},
              {"total_yuan", r.total.yuan_string()},
              {"total_wan", r.total.wan_string()},
              {"fiscal_yuan", r.fiscal.yuan_string()},
              {"annual_total_yuan", r.annual_total.yuan_string()},
              {"annual_total_wan", r.annual_total.wan_string()},
              {"indicators", r.indicators},
              {"findings", to_json(r.findings)}};
}

json to_json(const Summary& s) {
  json rows = json::array();
  for (const auto& r : s.rows) rows.push_back(to_json(r));
  json groups = json::array();
  for (const auto& g : s.duplicate_groups) {
    json refs = json::array();
    for (const auto& r : g.published_in) refs.push_back(to_json(r));
    groups.push_back(json{{"year", opt(g.year)},
                          {"name", g.name},
                          {"implementer", g.implementer},
                          {"total_yuan", yuan(g.total)},
                          {"published_in", refs}});
  }
  std::string by(dimension_name(s.query.by));
  return json{{"query", json{{"year", opt(s.query.year)}, {"by", by.empty() ? json(nullptr) : json(by)}}},
              {"total", to_json(s.total)},
              {"rows", rows},
              {"duplicate_projects", s.duplicate_projects},
              {"duplicate_group_count", s.duplicate_group_count},
              {"duplicate_groups", groups},
              {"document_findings", to_json(s.document_findings)}};
}

json to_json(const SearchHit& h) {
  json parts = json::array();
  std::string marked;
  for (const auto& p : h.snippet) {
    parts.push_back(json{{"text", p.text}, {"match", p.match}});
    marked += p.match ? "【" + p.text + "】" : p.text;
  }
  return json{{"project_id", h.project_id}, {"document_id", h.document_id}, {"year", opt(h.year)},
              {"name", h.name},             {"implementer", h.implementer}, {"department", h.department},
              {"field", h.field},           {"score", h.score},             {"snippet", parts},
              {"snippet_text", marked}};
}

json to_json(const SearchResult& r) {
  json hits = json::array();
  for (const auto& h : r.hits) hits.push_back(to_json(h));
  return json{{"query", r.query}, {"total", r.total}, {"total_is_lower_bound", r.total_is_lower_bound}, {"hits", hits}};
}

json to_json(const HistoryLink& l) {
  return json{{"score", l.score}, {"reasons", l.reasons}, {"renamed", l.renamed}, {"moved", l.moved}};
}

json to_json(const ProjectHistory& h) {
  json entries = json::array();
  for (const auto& e : h.entries) {
    entries.push_back(json{{"project", to_json(e.project)}, {"link", e.link ? to_json(*e.link) : json(nullptr)}});
  }
  json rows = json::array();
  for (const auto& r : h.rows) {
    json values = json::array();
    for (const auto& v : r.values) values.push_back(v ? json(*v) : json(nullptr));
    rows.push_back(json{{"group", r.group}, {"label", r.label}, {"values", values}, {"changed", r.changed}});
  }
  return json{{"entries", entries}, {"rows", rows}};
}

json to_json(const History& h) {
  json chains = json::array();
  for (const auto& c : h.chains) chains.push_back(to_json(c));
  return json{{"query", h.query}, {"chains", chains}};
}

json to_json(const ProjectView& v) {
  json findings = json::array();
  for (const auto& f : v.findings) findings.push_back(jixiao::to_json(f));
  json also = json::array();
  for (const auto& r : v.published_also) also.push_back(to_json(r));
  return json{{"info", to_json(v.info)},
              {"document", to_json(v.document)},
              {"project", jixiao::to_json(v.project)},
              {"findings", findings},
              {"published_also", also}};
}

json to_json(const DocumentView& v) {
  json findings = json::array();
  for (const auto& f : v.findings) findings.push_back(jixiao::to_json(f));
  json projects = json::array();
  for (const auto& p : v.projects) projects.push_back(to_json(p));
  json versions = json::array();
  for (const auto& d : v.versions) versions.push_back(to_json(d));
  return json{{"info", to_json(v.info)},
              {"declaration", jixiao::to_json(v.declaration)},
              {"findings", findings},
              {"projects", projects},
              {"versions", versions}};
}

json to_json(const FindingRow& f) {
  return json{{"document_id", f.document_id},
              {"project_id", opt(f.project_id)},
              {"year", opt(f.year)},
              {"finding", jixiao::to_json(f.finding)}};
}

}  // namespace jixiao

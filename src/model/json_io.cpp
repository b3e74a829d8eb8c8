#include "model/json_io.h"

#include <nlohmann/json.hpp>

namespace jixiao {
namespace {

using nlohmann::json;

json span_lines(const SourceSpan& s) {
  if (s.empty()) return nullptr;
  return json::array({s.first_line, s.last_line});
}

json box_json(const PageBox& b) {
  return {{"page", b.page}, {"x0", b.x0}, {"y0", b.y0}, {"x1", b.x1}, {"y1", b.y1}};
}

json span_json(const SourceSpan& s) {
  json j = {{"lines", span_lines(s)}};
  if (s.box) j["box"] = box_json(*s.box);
  return j;
}

// Adds "lines" (and "box" for PDF input) of a span to an object that carries its own position.
json& put_span(json& j, const SourceSpan& s) {
  j["lines"] = span_lines(s);
  if (s.box) j["box"] = box_json(*s.box);
  return j;
}

template <class T, class F>
json opt(const Field<T>& f, F&& convert) {
  if (!f.value) return nullptr;
  return convert(*f.value);
}

json str(const Field<std::string>& f) {
  return opt(f, [](const std::string& s) { return json(s); });
}
json money(const Field<Money>& f) {
  return opt(f, [](const Money& m) { return json(m.yuan_string()); });
}
json date(const Field<Date>& f) {
  return opt(f, [](const Date& d) { return json(d.iso()); });
}
json integer(const Field<int>& f) {
  return opt(f, [](int v) { return json(v); });
}
json nullable(const std::string& s) { return s.empty() ? json(nullptr) : json(s); }

// Adds the span of a field under field_spans[key] when it has one.
template <class T>
void add_span(json& spans, const char* key, const Field<T>& f) {
  if (!f.span.empty()) spans[key] = span_json(f.span);
}

json unreadable_json(const std::vector<Unreadable>& list) {
  json out = json::array();
  for (const auto& u : list) {
    json j = {{"field", u.field}, {"reason", u.reason}};
    put_span(j, u.span);
    out.push_back(std::move(j));
  }
  return out;
}

}  // namespace

json to_json(const Project& p) {
  json funds = {
      {"total", money(p.funds.total)},
      {"fiscal", money(p.funds.fiscal)},
      {"other", money(p.funds.other)},
      {"annual_total", money(p.funds.annual_total)},
      {"current_appropriation", money(p.funds.current_appropriation)},
      {"carryover", money(p.funds.carryover)},
      {"annual_other", money(p.funds.annual_other)},
  };
  json items = json::array();
  for (const auto& li : p.line_items) {
    items.push_back({{"name", li.name},
                     {"quantity", nullable(li.quantity)},
                     {"quantity_unit", nullable(li.quantity_unit)},
                     {"unit_price", nullable(li.unit_price)},
                     {"unit_price_unit", nullable(li.unit_price_unit)},
                     {"amount", nullable(li.amount)},
                     {"amount_unit", nullable(li.amount_unit)},
                     {"sub_project", nullable(li.sub_project)}});
    put_span(items.back(), li.span);
  }
  json sections = json::array();
  for (const auto& s : p.sections) {
    sections.push_back({{"number", s.number},
                        {"heading", s.heading},
                        {"text", s.text},
                        {"sub_project", nullable(s.sub_project)},
                        {"classified", s.classified}});
    put_span(sections.back(), s.span);
  }
  json subs = json::array();
  for (const auto& s : p.sub_projects) {
    subs.push_back({{"number", s.number},
                    {"title", s.title},
                    {"budget_wan", str(s.budget_wan)},
                    {"budget_lines", span_lines(s.budget_wan.span)}});
    put_span(subs.back(), s.span);
  }
  json indicators = json::array();
  for (const auto& i : p.indicators) {
    indicators.push_back({{"l1", i.l1},
                          {"l2", i.l2},
                          {"name", nullable(i.name)},
                          {"value", nullable(i.value)},
                          {"cmp", i.target.cmp == Comparator::kNone
                                      ? json(nullptr)
                                      : json(std::string(comparator_symbol(i.target.cmp)))},
                          {"num", nullable(i.target.num)},
                          {"unit", nullable(i.target.unit)},
                          {"text", nullable(i.target.text)},
                          {"prefix", nullable(i.target.prefix)}});
    put_span(indicators.back(), i.span);
  }
  json spans = json::object();
  add_span(spans, "narrative_title", p.narrative_title);
  add_span(spans, "name", p.name);
  add_span(spans, "nature", p.nature);
  add_span(spans, "category", p.category);
  add_span(spans, "department", p.department);
  add_span(spans, "implementer", p.implementer);
  add_span(spans, "start", p.start);
  add_span(spans, "end", p.end);
  add_span(spans, "funds_yuan.total", p.funds.total);
  add_span(spans, "funds_yuan.fiscal", p.funds.fiscal);
  add_span(spans, "funds_yuan.other", p.funds.other);
  add_span(spans, "funds_yuan.annual_total", p.funds.annual_total);
  add_span(spans, "funds_yuan.current_appropriation", p.funds.current_appropriation);
  add_span(spans, "funds_yuan.carryover", p.funds.carryover);
  add_span(spans, "funds_yuan.annual_other", p.funds.annual_other);
  add_span(spans, "narrative_budget_wan", p.narrative_budget_wan);
  add_span(spans, "overall_goal", p.overall_goal);
  add_span(spans, "annual_goal", p.annual_goal);
  json project = {{"seq", p.seq},
          {"narrative_title", str(p.narrative_title)},
          {"name", str(p.name)},
          {"nature", str(p.nature)},
          {"category", str(p.category)},
          {"department", str(p.department)},
          {"implementer", str(p.implementer)},
          {"start", date(p.start)},
          {"end", date(p.end)},
          {"funds_yuan", std::move(funds)},
          {"narrative_budget_wan", str(p.narrative_budget_wan)},
          {"sections", std::move(sections)},
          {"sub_projects", std::move(subs)},
          {"line_items", std::move(items)},
          {"overall_goal", str(p.overall_goal)},
          {"annual_goal", str(p.annual_goal)},
          {"indicators", std::move(indicators)},
          {"unreadable", unreadable_json(p.unreadable)},
          {"has_form", p.has_form},
          {"has_narrative", p.has_narrative},
          {"field_spans", std::move(spans)}};
  put_span(project, p.span);
  return project;
}

json to_json(const Declaration& d) {
  json projects = json::array();
  for (const auto& p : d.projects) projects.push_back(to_json(p));
  json header_spans = json::object();
  add_span(header_spans, "budget_unit_count", d.header.budget_unit_count);
  add_span(header_spans, "project_count", d.header.project_count);
  add_span(header_spans, "total_wan", d.header.total_wan);
  add_span(header_spans, "year", d.year);
  add_span(header_spans, "issuer", d.issuer);
  return {{"source", d.source},
          {"sha256", d.sha256},
          {"layout", d.layout},
          {"encoding", nullable(d.encoding)},
          {"year", integer(d.year)},
          {"issuer", str(d.issuer)},
          {"header",
           {{"budget_unit_count", integer(d.header.budget_unit_count)},
            {"project_count", integer(d.header.project_count)},
            {"total_wan", str(d.header.total_wan)}}},
          {"field_spans", std::move(header_spans)},
          {"projects", std::move(projects)},
          {"unreadable", unreadable_json(d.unreadable)}};
}

json to_json(const Finding& f) {
  json evidence = json::array();
  for (const auto& e : f.evidence)
    evidence.push_back({{"label", e.label}, {"value", e.value}, {"unit", nullable(e.unit)}});
  json spans = json::array();
  for (const auto& s : f.spans) spans.push_back(span_json(s));
  return {{"rule", f.rule},
          {"severity", std::string(severity_name(f.severity))},
          {"severity_zh", std::string(severity_label_zh(f.severity))},
          {"project_seq", f.project_seq},
          {"project_name", f.project_name},
          {"field", nullable(f.field)},
          {"message", f.message},
          {"evidence", std::move(evidence)},
          {"comparison", nullable(f.comparison)},
          {"spans", std::move(spans)}};
}

}  // namespace jixiao

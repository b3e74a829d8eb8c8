// The reading half of json_io.h: the contract back into the model.
#include <nlohmann/json.hpp>

#include "model/json_io.h"

namespace jixiao {
namespace {

using nlohmann::json;

// Thrown inside this file only; converted to an Error at the public boundary.
struct JsonPathError {
  std::string path;
  std::string message;
};

[[noreturn]] void fail(const std::string& path, const std::string& message) {
  throw JsonPathError{path, message};
}

const json* member(const json& j, const char* key) {
  if (!j.is_object()) return nullptr;
  auto it = j.find(key);
  return it == j.end() ? nullptr : &*it;
}

std::string get_string(const json& j, const char* key, const std::string& path) {
  const json* v = member(j, key);
  if (!v || v->is_null()) return {};
  if (!v->is_string()) fail(path + "." + key, "expected a string");
  return v->get<std::string>();
}

SourceSpan read_span(const json& holder, const std::string& path) {
  SourceSpan s;
  const json* lines = member(holder, "lines");
  if (lines && !lines->is_null()) {
    if (!lines->is_array() || lines->size() != 2 || !(*lines)[0].is_number_integer() ||
        !(*lines)[1].is_number_integer())
      fail(path + ".lines", "expected [first, last]");
    s.first_line = (*lines)[0].get<int>();
    s.last_line = (*lines)[1].get<int>();
  }
  const json* box = member(holder, "box");
  if (box && box->is_object()) {
    s.box = PageBox{box->value("page", 0), box->value("x0", 0.0), box->value("y0", 0.0),
                    box->value("x1", 0.0), box->value("y1", 0.0)};
  }
  return s;
}

SourceSpan field_span(const json& owner, const char* key, const std::string& path) {
  const json* spans = member(owner, "field_spans");
  if (!spans) return {};
  const json* s = member(*spans, key);
  return s ? read_span(*s, path + ".field_spans." + key) : SourceSpan{};
}

Field<std::string> read_str(const json& owner, const char* key, const std::string& path) {
  Field<std::string> f;
  const json* v = member(owner, key);
  if (v && !v->is_null()) {
    if (!v->is_string()) fail(path + "." + key, "expected a string or null");
    f.value = v->get<std::string>();
  }
  f.span = field_span(owner, key, path);
  return f;
}

Field<int> read_int(const json& owner, const char* key, const std::string& path,
                    const json& span_owner) {
  Field<int> f;
  const json* v = member(owner, key);
  if (v && !v->is_null()) {
    if (!v->is_number_integer()) fail(path + "." + key, "expected an integer or null");
    f.value = v->get<int>();
  }
  f.span = field_span(span_owner, key, path);
  return f;
}

Field<Date> read_date(const json& owner, const char* key, const std::string& path) {
  Field<Date> f;
  std::string s = get_string(owner, key, path);
  if (!s.empty()) {
    f.value = Date::parse(s);
    if (!f.value) fail(path + "." + key, "not an ISO date: " + s);
  }
  f.span = field_span(owner, key, path);
  return f;
}

Field<Money> read_money(const json& funds, const json& project, const char* key,
                        const std::string& path) {
  Field<Money> f;
  std::string s = get_string(funds, key, path + ".funds_yuan");
  if (!s.empty()) {
    f.value = Money::parse_yuan(s);
    if (!f.value) fail(path + ".funds_yuan." + key, "not a yuan amount: " + s);
  }
  f.span = field_span(project, ("funds_yuan." + std::string(key)).c_str(), path);
  return f;
}

std::vector<Unreadable> read_unreadable(const json& owner, const std::string& path) {
  std::vector<Unreadable> out;
  const json* list = member(owner, "unreadable");
  if (!list || list->is_null()) return out;
  if (!list->is_array()) fail(path + ".unreadable", "expected an array");
  for (std::size_t k = 0; k < list->size(); ++k) {
    const json& u = (*list)[k];
    std::string p = path + ".unreadable[" + std::to_string(k) + "]";
    out.push_back({get_string(u, "field", p), read_span(u, p), get_string(u, "reason", p)});
  }
  return out;
}

const json& array_member(const json& owner, const char* key, const std::string& path) {
  static const json kEmpty = json::array();
  const json* v = member(owner, key);
  if (!v || v->is_null()) return kEmpty;
  if (!v->is_array()) fail(path + "." + key, "expected an array");
  return *v;
}

Project read_project(const json& j, const std::string& path) {
  Project p;
  if (!j.is_object()) fail(path, "expected an object");
  const json* seq = member(j, "seq");
  if (!seq || !seq->is_number_integer()) fail(path + ".seq", "expected an integer");
  p.seq = seq->get<int>();
  p.narrative_title = read_str(j, "narrative_title", path);
  p.name = read_str(j, "name", path);
  p.nature = read_str(j, "nature", path);
  p.category = read_str(j, "category", path);
  p.department = read_str(j, "department", path);
  p.implementer = read_str(j, "implementer", path);
  p.start = read_date(j, "start", path);
  p.end = read_date(j, "end", path);
  const json* funds = member(j, "funds_yuan");
  static const json kNoFunds = json::object();
  const json& f = (funds && funds->is_object()) ? *funds : kNoFunds;
  p.funds.total = read_money(f, j, "total", path);
  p.funds.fiscal = read_money(f, j, "fiscal", path);
  p.funds.other = read_money(f, j, "other", path);
  p.funds.annual_total = read_money(f, j, "annual_total", path);
  p.funds.current_appropriation = read_money(f, j, "current_appropriation", path);
  p.funds.carryover = read_money(f, j, "carryover", path);
  p.funds.annual_other = read_money(f, j, "annual_other", path);
  p.narrative_budget_wan = read_str(j, "narrative_budget_wan", path);
  const json& sections = array_member(j, "sections", path);
  for (std::size_t k = 0; k < sections.size(); ++k) {
    const json& s = sections[k];
    std::string sp = path + ".sections[" + std::to_string(k) + "]";
    p.sections.push_back({get_string(s, "number", sp), get_string(s, "heading", sp),
                          get_string(s, "text", sp), get_string(s, "sub_project", sp),
                          s.value("classified", false), read_span(s, sp)});
  }
  const json& subs = array_member(j, "sub_projects", path);
  for (std::size_t k = 0; k < subs.size(); ++k) {
    const json& s = subs[k];
    std::string sp = path + ".sub_projects[" + std::to_string(k) + "]";
    SubProject sub{get_string(s, "number", sp), get_string(s, "title", sp), {}, read_span(s, sp)};
    std::string b = get_string(s, "budget_wan", sp);
    if (!b.empty()) sub.budget_wan.value = b;
    if (const json* bl = member(s, "budget_lines"); bl && !bl->is_null())
      sub.budget_wan.span = read_span(json{{"lines", *bl}}, sp + ".budget_lines");
    p.sub_projects.push_back(std::move(sub));
  }
  const json& items = array_member(j, "line_items", path);
  for (std::size_t k = 0; k < items.size(); ++k) {
    const json& s = items[k];
    std::string sp = path + ".line_items[" + std::to_string(k) + "]";
    p.line_items.push_back({get_string(s, "name", sp), get_string(s, "quantity", sp),
                            get_string(s, "quantity_unit", sp), get_string(s, "unit_price", sp),
                            get_string(s, "unit_price_unit", sp), get_string(s, "amount", sp),
                            get_string(s, "amount_unit", sp), get_string(s, "sub_project", sp),
                            read_span(s, sp)});
  }
  p.overall_goal = read_str(j, "overall_goal", path);
  p.annual_goal = read_str(j, "annual_goal", path);
  const json& inds = array_member(j, "indicators", path);
  for (std::size_t k = 0; k < inds.size(); ++k) {
    const json& s = inds[k];
    std::string sp = path + ".indicators[" + std::to_string(k) + "]";
    Indicator ind;
    ind.l1 = get_string(s, "l1", sp);
    ind.l2 = get_string(s, "l2", sp);
    ind.name = get_string(s, "name", sp);
    ind.value = get_string(s, "value", sp);
    std::string cmp = get_string(s, "cmp", sp);
    if (!cmp.empty()) {
      auto c = parse_comparator(cmp);
      if (!c) fail(sp + ".cmp", "not a comparator: " + cmp);
      ind.target.cmp = *c;
    }
    ind.target.num = get_string(s, "num", sp);
    ind.target.unit = get_string(s, "unit", sp);
    ind.target.text = get_string(s, "text", sp);
    ind.target.prefix = get_string(s, "prefix", sp);
    ind.span = read_span(s, sp);
    p.indicators.push_back(std::move(ind));
  }
  p.unreadable = read_unreadable(j, path);
  p.has_form = j.value("has_form", false);
  p.has_narrative = j.value("has_narrative", false);
  p.span = read_span(j, path);
  return p;
}

}  // namespace

Result<Declaration> declaration_from_json(const json& j) {
  try {
    if (!j.is_object()) fail("$", "expected an object");
    Declaration d;
    d.source = get_string(j, "source", "$");
    d.sha256 = get_string(j, "sha256", "$");
    d.layout = get_string(j, "layout", "$");
    d.encoding = get_string(j, "encoding", "$");
    d.year = read_int(j, "year", "$", j);
    d.issuer = read_str(j, "issuer", "$");
    const json* h = member(j, "header");
    static const json kNoHeader = json::object();
    const json& header = (h && h->is_object()) ? *h : kNoHeader;
    d.header.budget_unit_count = read_int(header, "budget_unit_count", "$.header", j);
    d.header.project_count = read_int(header, "project_count", "$.header", j);
    d.header.total_wan = read_str(header, "total_wan", "$.header");
    d.header.total_wan.span = field_span(j, "total_wan", "$");
    const json& projects = array_member(j, "projects", "$");
    for (std::size_t k = 0; k < projects.size(); ++k)
      d.projects.push_back(read_project(projects[k], "$.projects[" + std::to_string(k) + "]"));
    d.unreadable = read_unreadable(j, "$");
    return d;
  } catch (const JsonPathError& e) {
    return Error{"", 0, e.path, e.message};
  } catch (const nlohmann::json::exception& e) {
    return Error{"", 0, "$", e.what()};
  }
}

Result<Finding> finding_from_json(const json& j) {
  try {
    Finding f;
    f.rule = get_string(j, "rule", "$");
    auto sev = parse_severity(get_string(j, "severity", "$"));
    if (!sev) fail("$.severity", "unknown severity");
    f.severity = *sev;
    f.project_seq = j.value("project_seq", 0);
    f.project_name = get_string(j, "project_name", "$");
    f.field = get_string(j, "field", "$");
    f.message = get_string(j, "message", "$");
    for (const auto& e : array_member(j, "evidence", "$"))
      f.evidence.push_back({get_string(e, "label", "$.evidence"), get_string(e, "value", "$.evidence"),
                            get_string(e, "unit", "$.evidence")});
    f.comparison = get_string(j, "comparison", "$");
    for (const auto& s : array_member(j, "spans", "$")) f.spans.push_back(read_span(s, "$.spans"));
    return f;
  } catch (const JsonPathError& e) {
    return Error{"", 0, e.path, e.message};
  } catch (const nlohmann::json::exception& e) {
    return Error{"", 0, "$", e.what()};
  }
}

}  // namespace jixiao

#include "model_diff.h"

#include <cstring>
#include <functional>

namespace jixiao::synth_test {
namespace {

std::string kind_of(const std::string& path) {
  std::string out;
  for (std::size_t i = 0; i < path.size(); ++i) {
    if (path[i] == '[') {
      out += "[]";
      while (i < path.size() && path[i] != ']') ++i;
      continue;
    }
    out += path[i];
  }
  return out;
}

std::string show(const std::optional<std::string>& v) { return v ? "\"" + *v + "\"" : "null"; }
std::string show(const std::optional<int>& v) { return v ? std::to_string(*v) : "null"; }
std::string show(const std::optional<Money>& v) { return v ? v->yuan_string() : "null"; }
std::string show(const std::optional<Date>& v) { return v ? v->iso() : "null"; }

// True when `field` (an Unreadable::field) covers `path`.
bool covers(const std::string& field, const std::string& path) {
  if (field.empty()) return false;
  if (path == field) return true;
  return path.size() > field.size() && path.compare(0, field.size(), field) == 0 &&
         (path[field.size()] == '.' || path[field.size()] == '[');
}

class Differ {
 public:
  Differ(std::vector<Mismatch>& out, DiffCounts& counts) : out_(out), counts_(counts) {}

  bool listed_unreadable(const std::string& path) const {
    if (!scope_unreadable_) return false;
    std::string full = prefix_ + path;
    for (const auto& u : *scope_unreadable_)
      if (covers(u.field, path) || covers(u.field, full)) return true;
    // cmp/num/unit/text are read from an indicator's value: an unreadable value covers them.
    static const char* kDerived[] = {".cmp", ".num", ".unit", ".text"};
    for (const char* suffix : kDerived) {
      std::size_t n = std::strlen(suffix);
      if (path.size() > n && path.compare(path.size() - n, n, suffix) == 0 &&
          path.rfind("indicators[", 0) == 0)
        return listed_unreadable(path.substr(0, path.size() - n) + ".value");
    }
    return false;
  }

  // True when `path` itself (not an enclosing object) is listed unreadable.
  bool listed_exactly(const std::string& path) const {
    if (!scope_unreadable_) return false;
    std::string full = prefix_ + path;
    for (const auto& u : *scope_unreadable_)
      if (u.field == path || u.field == full) return true;
    return false;
  }

  // Counts one compared field; `differs` says whether it differs from the model. `present`:
  // the parse holds a value there (not null / empty).
  void compared(const std::string& path, bool differs, const std::string& expected,
                const std::string& actual, const char* category, bool present = false) {
    ++counts_.compared;
    bool listed = listed_unreadable(path);
    counts_.unreadable += listed;
    std::string full = prefix_ + path;
    // The contract: a field listed unreadable is null, whatever was printed there.
    if (present && listed_exactly(path)) {
      out_.push_back({full, "unreadable but not null: " + kind_of(full), expected, actual});
      return;
    }
    if (!differs || listed) return;
    out_.push_back({full, std::string(category) + ": " + kind_of(full), expected, actual});
  }

  // Reports a difference at `path` (relative to the current scope) unless listed unreadable.
  void mismatch(const std::string& path, std::string expected, std::string actual) {
    const char* category = actual == "null" ? "missing" : expected == "null" ? "extra" : "wrong";
    compared(path, true, expected, actual, category);
  }

  void text(const std::string& path, const std::optional<std::string>& e,
            const std::optional<std::string>& a) {
    bool differs = e.has_value() != a.has_value() ||
                   (e && without_whitespace(*e) != without_whitespace(*a));
    const char* category = !differs ? "" : !a ? "missing" : !e ? "extra" : "wrong";
    compared(path, differs, show(e), show(a), category, a.has_value());
  }
  void text(const std::string& path, const std::string& e, const std::string& a) {
    bool differs = without_whitespace(e) != without_whitespace(a);
    const char* category = !differs ? "" : a.empty() ? "missing" : e.empty() ? "extra" : "wrong";
    compared(path, differs, "\"" + e + "\"", "\"" + a + "\"", category, !a.empty());
  }
  template <class T>
  void exact(const std::string& path, const std::optional<T>& e, const std::optional<T>& a) {
    const char* category = e == a ? "" : !a ? "missing" : !e ? "extra" : "wrong";
    compared(path, e != a, show(e), show(a), category, a.has_value());
  }
  void flag(const std::string& path, bool e, bool a) {
    compared(path, e != a, e ? "true" : "false", a ? "true" : "false", "wrong");
  }
  // Compares list sizes; returns true when the elements can be compared pairwise.
  bool count(const std::string& path, std::size_t e, std::size_t a) {
    compared(path, e != a, std::to_string(e) + " 项", std::to_string(a) + " 项", "count");
    return e == a;
  }

  void scope(std::string prefix, const std::vector<Unreadable>* unreadable) {
    prefix_ = std::move(prefix);
    scope_unreadable_ = unreadable;
  }


 private:
  std::vector<Mismatch>& out_;
  DiffCounts& counts_;
  std::string prefix_;
  const std::vector<Unreadable>* scope_unreadable_ = nullptr;
};

void diff_project(Differ& d, const Project& e, const Project& a) {
  d.text("narrative_title", e.narrative_title.value, a.narrative_title.value);
  d.text("name", e.name.value, a.name.value);
  d.text("nature", e.nature.value, a.nature.value);
  d.text("category", e.category.value, a.category.value);
  d.text("department", e.department.value, a.department.value);
  d.text("implementer", e.implementer.value, a.implementer.value);
  d.exact("start", e.start.value, a.start.value);
  d.exact("end", e.end.value, a.end.value);
  d.exact("funds_yuan.total", e.funds.total.value, a.funds.total.value);
  d.exact("funds_yuan.fiscal", e.funds.fiscal.value, a.funds.fiscal.value);
  d.exact("funds_yuan.other", e.funds.other.value, a.funds.other.value);
  d.exact("funds_yuan.annual_total", e.funds.annual_total.value, a.funds.annual_total.value);
  d.exact("funds_yuan.current_appropriation", e.funds.current_appropriation.value,
          a.funds.current_appropriation.value);
  d.exact("funds_yuan.carryover", e.funds.carryover.value, a.funds.carryover.value);
  d.exact("funds_yuan.annual_other", e.funds.annual_other.value, a.funds.annual_other.value);
  // With several sub-projects the narrative states no single budget (the gold files mark it
  // uncertain), so any reading is accepted there.
  if (e.sub_projects.size() < 2)
    d.text("narrative_budget_wan", e.narrative_budget_wan.value, a.narrative_budget_wan.value);
  d.text("overall_goal", e.overall_goal.value, a.overall_goal.value);
  d.text("annual_goal", e.annual_goal.value, a.annual_goal.value);
  d.flag("has_form", e.has_form, a.has_form);
  d.flag("has_narrative", e.has_narrative, a.has_narrative);

  if (d.count("indicators", e.indicators.size(), a.indicators.size())) {
    for (std::size_t k = 0; k < e.indicators.size(); ++k) {
      const Indicator& x = e.indicators[k];
      const Indicator& y = a.indicators[k];
      std::string p = "indicators[" + std::to_string(k) + "].";
      d.text(p + "l1", x.l1, y.l1);
      d.text(p + "l2", x.l2, y.l2);
      d.text(p + "name", x.name, y.name);
      d.text(p + "value", x.value, y.value);
      d.text(p + "cmp", std::string(comparator_symbol(x.target.cmp)),
             std::string(comparator_symbol(y.target.cmp)));
      d.text(p + "num", x.target.num, y.target.num);
      d.text(p + "unit", x.target.unit, y.target.unit);
      d.text(p + "text", x.target.text, y.target.text);
    }
  }
  if (d.count("sections", e.sections.size(), a.sections.size())) {
    for (std::size_t k = 0; k < e.sections.size(); ++k) {
      const NarrativeSection& x = e.sections[k];
      const NarrativeSection& y = a.sections[k];
      std::string p = "sections[" + std::to_string(k) + "].";
      d.text(p + "number", x.number, y.number);
      d.text(p + "heading", x.heading, y.heading);
      d.text(p + "text", x.text, y.text);
      d.text(p + "sub_project", x.sub_project, y.sub_project);
      d.flag(p + "classified", x.classified, y.classified);
    }
  }
  if (d.count("sub_projects", e.sub_projects.size(), a.sub_projects.size())) {
    for (std::size_t k = 0; k < e.sub_projects.size(); ++k) {
      std::string p = "sub_projects[" + std::to_string(k) + "].";
      d.text(p + "number", e.sub_projects[k].number, a.sub_projects[k].number);
      d.text(p + "title", e.sub_projects[k].title, a.sub_projects[k].title);
      d.text(p + "budget_wan", e.sub_projects[k].budget_wan.value, a.sub_projects[k].budget_wan.value);
    }
  }
  if (d.count("line_items", e.line_items.size(), a.line_items.size())) {
    for (std::size_t k = 0; k < e.line_items.size(); ++k) {
      const LineItem& x = e.line_items[k];
      const LineItem& y = a.line_items[k];
      std::string p = "line_items[" + std::to_string(k) + "].";
      d.text(p + "name", x.name, y.name);
      d.text(p + "quantity", x.quantity, y.quantity);
      d.text(p + "quantity_unit", x.quantity_unit, y.quantity_unit);
      d.text(p + "unit_price", x.unit_price, y.unit_price);
      d.text(p + "unit_price_unit", x.unit_price_unit, y.unit_price_unit);
      d.text(p + "amount", x.amount, y.amount);
      d.text(p + "amount_unit", x.amount_unit, y.amount_unit);
      d.text(p + "sub_project", x.sub_project, y.sub_project);
    }
  }
}

}  // namespace

std::string without_whitespace(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') continue;
    if (s.compare(i, 3, "\u3000") == 0) {  // ideographic space
      i += 2;
      continue;
    }
    out += c;
  }
  return out;
}

std::vector<Mismatch> diff_declarations(const Declaration& expected, const Declaration& actual,
                                        const DiffOptions& options, DiffCounts* counts) {
  std::vector<Mismatch> out;
  DiffCounts local;
  Differ d(out, counts ? *counts : local);
  d.scope("", &actual.unreadable);
  if (!options.expected_layout.empty() && actual.layout != options.expected_layout)
    d.mismatch("layout", options.expected_layout, actual.layout);
  if (options.expected_encoding == "UTF-8" && actual.encoding != "UTF-8")
    d.mismatch("encoding", "UTF-8", actual.encoding);
  if (options.expected_encoding == "GBK" && actual.encoding != "GBK" && actual.encoding != "GB18030")
    d.mismatch("encoding", "GBK/GB18030", actual.encoding);
  d.exact("year", expected.year.value, actual.year.value);
  d.text("issuer", expected.issuer.value, actual.issuer.value);
  d.exact("header.budget_unit_count", expected.header.budget_unit_count.value,
          actual.header.budget_unit_count.value);
  d.exact("header.project_count", expected.header.project_count.value,
          actual.header.project_count.value);
  d.text("header.total_wan", expected.header.total_wan.value, actual.header.total_wan.value);
  if (!d.count("projects", expected.projects.size(), actual.projects.size())) return out;
  for (std::size_t k = 0; k < expected.projects.size(); ++k) {
    d.scope("projects[" + std::to_string(k) + "].", &actual.projects[k].unreadable);
    d.exact("seq", std::optional<int>(expected.projects[k].seq), std::optional<int>(actual.projects[k].seq));
    diff_project(d, expected.projects[k], actual.projects[k]);
  }
  return out;
}

}  // namespace jixiao::synth_test

#include "report/findings_format.h"

#include <fmt/format.h>

#include "model/json_io.h"
#include "rules/registry.h"

namespace jixiao::report {
namespace {

int first_line(const Finding& f) {
  for (const auto& s : f.spans)
    if (!s.empty()) return s.first_line;
  return 0;
}

std::string location(const std::string& file, const Finding& f) {
  int line = first_line(f);
  return line > 0 ? fmt::format("{}:{}", file, line) : file;
}

std::string subject(const Finding& f) {
  if (f.project_seq == 0) return "（全文）";
  return fmt::format("项目{} {}", f.project_seq, f.project_name);
}

}  // namespace

SeverityCounts& SeverityCounts::operator+=(const SeverityCounts& o) {
  errors += o.errors;
  warnings += o.warnings;
  advice += o.advice;
  return *this;
}

SeverityCounts count_findings(const std::vector<Finding>& findings) {
  SeverityCounts c;
  for (const auto& f : findings) {
    switch (f.severity) {
      case Severity::kError: ++c.errors; break;
      case Severity::kWarning: ++c.warnings; break;
      case Severity::kAdvice: ++c.advice; break;
    }
  }
  return c;
}

std::string finding_headline(const std::string& file, const Finding& f) {
  return fmt::format("{}: {} {} {}: {}", location(file, f), severity_label_zh(f.severity), f.rule,
                     subject(f), f.message);
}

std::string summary_line(const std::string& file, const SeverityCounts& c, int projects) {
  return fmt::format("{}: {} 个错误，{} 个警告，{} 条提示（{} 个项目）", file, c.errors, c.warnings,
                     c.advice, projects);
}

std::string format_findings_text(const std::string& file, const Declaration& d,
                                 const std::vector<Finding>& findings) {
  std::string out;
  int previous_project = -1;
  for (const auto& f : findings) {
    if (previous_project != -1 && f.project_seq != previous_project) out += "\n";
    previous_project = f.project_seq;
    out += finding_headline(file, f) + "\n";
    for (const auto& e : f.evidence) {
      out += "    " + e.label + ": " + e.value;
      if (!e.unit.empty()) out += " " + e.unit;
      out += "\n";
    }
    if (!f.comparison.empty()) out += "    比较: " + f.comparison + "\n";
    if (f.spans.size() > 1) {
      std::string lines;
      for (const auto& s : f.spans) {
        if (s.empty()) continue;
        if (!lines.empty()) lines += ", ";
        lines += s.first_line == s.last_line ? std::to_string(s.first_line)
                                             : fmt::format("{}-{}", s.first_line, s.last_line);
      }
      out += "    行: " + lines + "\n";
    }
  }
  if (!findings.empty()) out += "\n";
  out += summary_line(file, count_findings(findings), static_cast<int>(d.projects.size())) + "\n";
  return out;
}

nlohmann::json finding_json(const Finding& f) {
  nlohmann::json j = to_json(f);
  if (const auto* rule = rules::find_rule(f.rule)) {
    j["title_zh"] = std::string(rule->info.title_zh);
    j["basis"] = std::string(rule->info.basis);
  }
  return j;
}

nlohmann::json findings_json(const std::string& file, const Declaration& d,
                             const std::vector<Finding>& findings) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& f : findings) list.push_back(finding_json(f));
  SeverityCounts c = count_findings(findings);
  return {{"file", file},
          {"source", d.source},
          {"sha256", d.sha256},
          {"year", d.year.value ? nlohmann::json(*d.year.value) : nlohmann::json(nullptr)},
          {"projects", d.projects.size()},
          {"counts", {{"error", c.errors}, {"warning", c.warnings}, {"advice", c.advice}}},
          {"findings", std::move(list)}};
}

nlohmann::json unreadable_json(const std::string& file, const Error& error) {
  return {{"file", file},
          {"error",
           {{"message", error.message},
            {"line", error.line > 0 ? nlohmann::json(error.line) : nlohmann::json(nullptr)},
            {"field", error.field.empty() ? nlohmann::json(nullptr) : nlohmann::json(error.field)},
            {"description", error.describe()}}}};
}

}  // namespace jixiao::report

// Rendering review findings (审核意见) for people (compiler-style text) and for programs (JSON,
// docs/check-json.md). Shared by `jixiao check` and the web app.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "model/declaration.h"
#include "model/finding.h"
#include "model/result.h"

namespace jixiao::report {

struct SeverityCounts {
  int errors = 0, warnings = 0, advice = 0;
  SeverityCounts& operator+=(const SeverityCounts& o);
};
SeverityCounts count_findings(const std::vector<Finding>& findings);

// Findings grouped per project, each as
//   FILE:LINE: 错误 FUND-001 项目名: message
//       label: value unit          (one line per evidence)
//       比较: comparison
// then a one-line summary for the file. `file` is the path as the user gave it; findings are
// expected in review() order (by project, then severity).
std::string format_findings_text(const std::string& file, const Declaration& d,
                                 const std::vector<Finding>& findings);

// One finding as its first text line (without evidence), e.g. for logs and the web app.
std::string finding_headline(const std::string& file, const Finding& f);

// "FILE: 3 个错误，5 个警告，12 条提示（14 个项目）".
std::string summary_line(const std::string& file, const SeverityCounts& c, int projects);

// The JSON object of one reviewed file (docs/check-json.md): file, source, sha256, year,
// project count, counts by severity and the findings, each with the rule's title and basis.
nlohmann::json findings_json(const std::string& file, const Declaration& d,
                             const std::vector<Finding>& findings);
// The JSON object of a file that could not be read: {"file", "error": {…}}.
nlohmann::json unreadable_json(const std::string& file, const Error& error);
// One finding with its rule's title_zh and basis added.
nlohmann::json finding_json(const Finding& f);

}  // namespace jixiao::report

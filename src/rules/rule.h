// What a review rule (审核规则) is: a stable code, a severity, a Chinese title, the basis it
// enforces, and a check function that reports findings through a Reporter.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/declaration.h"
#include "model/finding.h"
#include "rules/indicator_kinds.h"
#include "rules/similarity.h"
#include "rules/text_facts.h"
#include "rules/tolerances.h"

namespace jixiao::rules {

// The documented identity of a rule. Codes are stable: once published a code keeps its meaning.
struct RuleInfo {
  std::string_view code;         // "FUND-001"
  Severity severity;             // every finding of the rule has this severity
  std::string_view title_zh;     // short Chinese title, e.g. "项目资金总额与构成不符"
  std::string_view title_en;     // English gloss of the title
  std::string_view basis;        // the national/Shanghai rule or arithmetic it enforces
  std::string_view description;  // what it compares and when it stays silent (English)
};

// One indicator's labels as the rules compare them, normalised once per review (many rules ask
// the same questions of every row; recomputing them per rule was a fifth of the review's time).
struct IndicatorLabels {
  Level1 level1 = Level1::kUnknown;  // level1_of(l1)
  std::string l2_core;               // level2_core(l2): "数量", "经济成本" …
  bool cost_under_output = false;    // is_cost_under_output
  bool cost = false;                 // is_cost_indicator
  std::string name, value, unit;     // compact(name), compact(value), compact(target.unit)
  bool unreadable = false;           // an `unreadable` entry names this row (indicators[k]…)

  static IndicatorLabels of(const Project& p, std::size_t k);
};

// A project with the facts the review derives from it once, shared by all rules.
struct ProjectView {
  const Project* project = nullptr;
  ProjectTextFacts facts;
  BigramSet narrative_bigrams;  // of facts.narrative_text (empty without a narrative)
  std::string display_name;  // 项目名称 from the form, else the narrative title, else "项目N"
  std::vector<IndicatorLabels> indicators;  // same order as project->indicators
  bool table_readable = false;              // rules::table_readable(*project)

  // Fills everything from `p` (narrative facts, bigrams, indicator labels).
  static ProjectView of(const Project& p, std::string display_name);
};

// What every check sees: the declaration, the options and the per-project views (same order as
// declaration.projects).
struct ReviewContext {
  const Declaration* declaration = nullptr;
  const ReviewOptions* options = nullptr;
  std::vector<ProjectView> projects;

  int budget_year() const;  // declaration year, 0 when unknown
};

// Collects the findings of one rule; fills code, severity and project from the rule and the
// project under review so that a check only writes what it found.
class Reporter {
 public:
  Reporter(const RuleInfo& info, const ProjectView* project, std::vector<Finding>& out)
      : info_(info), project_(project), out_(out) {}

  // Starts a finding with `message`; the caller adds evidence, comparison, field and spans.
  // The returned reference is valid until the next report().
  Finding& report(std::string message);
  // Same, for a document-level check that attributes the finding to `project`.
  Finding& report(std::string message, const ProjectView& project);
  const RuleInfo& info() const { return info_; }

 private:
  const RuleInfo& info_;
  const ProjectView* project_;
  std::vector<Finding>& out_;
};

using ProjectCheck = void (*)(const ReviewContext&, const ProjectView&, Reporter&);
using DocumentCheck = void (*)(const ReviewContext&, Reporter&);

// A registered rule: exactly one of the two checks is set.
struct Rule {
  RuleInfo info;
  ProjectCheck project_check = nullptr;
  DocumentCheck document_check = nullptr;
};

// Helpers for building evidence.
Evidence evidence(std::string label, std::string value, std::string unit = "");
// Adds `span` to the finding unless it is empty or already listed.
void add_span(Finding& f, const SourceSpan& span);

}  // namespace jixiao::rules

// Random but realistic declarations (绩效目标申报表 documents) for round-trip tests, fuzz seeds
// and benchmark corpora. A generated document is a Declaration (what a perfect parser reads
// back) plus the document's style choices that the renderers need and the model does not hold
// (form wording, amount format, how narrative bodies are laid out).
//
// Everything is derived from one 64-bit seed: the same seed gives the same document on every
// machine (see rng.h).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "model/declaration.h"

namespace jixiao::synth {

// How indicator values are printed throughout a document.
enum class ValueStyle {
  kDecorated,  // "≥90.00(%)", "≤24.00(小时)": two decimals, bracketed unit (申报表 2024 style)
  kPlain,      // ">=90%", "=56850份", "<=20万元/场": ASCII comparators, number as typed
};

// How form amounts are printed.
enum class AmountStyle {
  kGrouped,  // "37,780,000.00"
  kPlain,    // "165700.00" for the first amount, "165700" for the others (填报表 style)
};

// Per-document choices that are consistent with the model (e.g. kFilling forms have no 项目性质,
// so every project's nature is null).
struct DocumentStyle {
  bool filling_form = false;        // form titled 填报表 (else 申报表); implies no 项目性质 row
  bool numbered_forms = false;      // "财政项目支出绩效目标填报表 3"
  bool cost_under_output = false;   // 成本指标 filed as a level-2 row under 产出指标
  ValueStyle value_style = ValueStyle::kDecorated;
  AmountStyle amount_style = AmountStyle::kGrouped;
  bool department_level = false;    // header says 本部门 (several budget units) vs 本单位
  bool title_on_one_line = false;   // "上海市…中心 2024 年 财政支出项目绩效目标申报表"
};

// One block of a narrative section body, in reading order. The model's section text is the
// concatenation of the blocks' text; renderers lay the blocks out (paragraphs are wrapped,
// table rows keep their cells).
struct BodyBlock {
  enum class Kind { kParagraph, kTableRow };
  Kind kind = Kind::kParagraph;
  std::vector<std::string> cells;  // kParagraph: exactly one; kTableRow: the row's cells
};

// Narrative layout of one project, parallel to Project::sections (same size and order).
// `title_style_named`: "项目经费情况说明 N\n项目名称：TITLE" instead of "项目经费情况说明 N--TITLE".
struct NarrativeLayout {
  bool title_style_named = false;
  std::vector<std::vector<BodyBlock>> section_blocks;
};

struct GeneratedDocument {
  Declaration model;
  DocumentStyle style;
  std::vector<NarrativeLayout> narratives;  // parallel to model.projects
};

struct GeneratorOptions {
  int min_projects = 1;
  int max_projects = 15;
  int max_indicators = 24;  // per project (realistic forms carry 5–25 rows)
};

// Builds the document for `seed`. Amounts satisfy the form identities (total = fiscal + other;
// annual_total = current_appropriation + carryover + annual_other); the header's project count
// is the number of projects and its total is the sum of the annual amounts in 万元.
GeneratedDocument generate_document(std::uint64_t seed, const GeneratorOptions& options = {});

// The text a parser reads back for a narrative section: the blocks joined (table cells with a
// single space). Exposed for tests.
std::string section_text(const std::vector<BodyBlock>& blocks);

}  // namespace jixiao::synth

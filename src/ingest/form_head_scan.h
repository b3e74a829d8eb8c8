// Finding the field labels of a form's head (项目名称, 项目资金总额, 项目总目标 …) in the character
// stream of the form (form_text.h): exact spellings, in the order a form prints them, and labels
// that OCR misspelled by one character. Used by the head reader (form_head.cpp).
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "ingest/form_labels.h"
#include "ingest/form_text.h"

namespace jixiao::form {

// Where a head label was found in the stream.
struct Found {
  FieldLabel label;
  std::size_t begin = 0, end = 0;
  bool wan = false;  // kFundsHeader: amounts are printed in 万元
};

// How far the scan has gone: after 项目总目标 only the goal and table labels can follow.
enum class Phase { kFields, kAfterOverallGoal, kAfterAnnualGoal };

// True when the stream's folded keys at `pos` spell `key`.
bool matches_at(const std::vector<StreamChar>& stream, std::size_t pos, std::u32string_view key);

// The head label that starts at `pos`, if one allowed in `phase` does.
std::optional<Found> match_label(const std::vector<StreamChar>& stream, std::size_t pos, Phase phase);

// The first indicator-class label ("产出指标" …) at or after `from`: where the table starts on a
// form that prints no column headers; stream.size() when there is none.
std::size_t first_class_label(const std::vector<StreamChar>& stream, std::size_t from);

// Moves the table start back over the vertical caption 绩效指标 printed just before the column
// headers, when the caption starts a token.
std::size_t include_caption(const std::vector<StreamChar>& stream, std::size_t start);

// Adds to `found` (kept sorted by position) the head labels a garbled OCR line misspells by one
// character, when the exact label is missing and exactly one place before `head_end` reads as it.
void find_garbled_labels(const std::vector<StreamChar>& stream, std::size_t head_end,
                         std::vector<Found>& found);

// Skips a period caption printed under 项目总目标, "(2023 年- 2023 年)": the position after it, or
// `begin` when there is none.
std::size_t skip_period(const std::vector<StreamChar>& stream, std::size_t begin, std::size_t end);

}  // namespace jixiao::form

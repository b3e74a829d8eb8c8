// The grammar of values printed in form cells: indicator targets (指标值) such as "≥90.00(%)",
// "=56850 份", "48 小时内", amounts, and the signs of OCR garbling.
#pragma once

#include <string>
#include <string_view>

namespace jixiao::form {

// True when the text starts with a comparator (≥ ≤ = > < and their ASCII spellings).
bool starts_with_comparator(std::string_view text);

// True when the text holds a comparator anywhere ("评分≥上").
bool has_comparator(std::string_view text);

// True when the text ends with a comparator ("运行率≥": the number is on the next line).
bool ends_with_comparator(std::string_view text);

// True when a value printed like this cannot end here: it ends with a comparator or "/", has a
// bracket still open, or is a date cut before its month ("=3 万条/", "运行率≥", "≤28.00(万元",
// "2019 年 9").
bool value_continues(std::string_view text);

// True when the text starts with a comparator followed by a number ("≥90%", ">= 4 次"), not by
// words ("≥上一期分数").
bool starts_with_quantity(std::string_view text);

// True when the text starts with a mark that only continues a line: "/份", ")", "、", "%".
bool starts_with_continuation_mark(std::string_view text);

// True for a bare number or percentage ("95%", "0", "1,234.5").
bool is_numeric(std::string_view text);

// True when the word begins with a digit (after an optional comparator) and has no unit yet:
// "=56850", "≥4.00", "2023", "10".
bool is_number_without_unit(std::string_view text);

// True for a short unit a layout may print apart from its number: "份", "(次)", "次/场",
// "万条/月", "小时内", "个工作日内", "%".
bool is_unit_word(std::string_view text);

// True for a word made of ASCII letters and digits with at least one letter ("web", "IT",
// "iGuardV5"): part of a name, printed with spaces around it.
bool is_ascii_word(std::string_view text);

// True when the text shows signs of OCR garbling: replacement characters, boxes, private-use
// code points, or letters that OCR confuses with digits standing between digits ("9O.00",
// "37,78O,000").
bool looks_garbled(std::string_view text);

// Removes all whitespace.
std::string without_spaces(std::string_view text);

}  // namespace jixiao::form

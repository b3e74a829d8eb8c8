// Matching keys computed from printed names, shared by every store backend: how the store
// decides that two printed names denote the same project, unit or declaration.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "model/declaration.h"

namespace jixiao::store {

// A project or unit name reduced for comparison: spaces, punctuation and brackets removed
// (their content kept), full-width letters/digits folded, ASCII lower-cased.
// "松江区街镇村居网络租赁（运维）" → "松江区街镇村居网络租赁运维".
std::string name_key(std::string_view name);

// An implementer (实施单位) or department reduced for comparison: name_key without the
// "（本级）" marker that a department's own budget unit carries.
std::string unit_key(std::string_view unit);

// The key under which one project published in two documents of a year is recognised
// (部门/单位 duplicates): year, name_key, unit_key(implementer) and the 项目资金总额 (or the
// 年度资金申请总额 when the total is unreadable). Empty — no grouping — unless the year, the
// name, the implementer and an amount are all known: a project never leaves the totals on a guess.
std::string duplicate_key(std::optional<int> year, const Project& p);

// The source file's name reduced for identity: directory and extension dropped, ASCII
// lower-cased, and a trailing copy or version marker dropped ("name (1)", "name（2）",
// "name-v2", "name_V3").
std::string source_stem(std::string_view source);

// What makes two source files versions of one declaration: the budget year, unit_key(issuer) and
// source_stem(source). A department's edition (部门预算) and a unit's edition (单位预算) of the same
// issuer and year are different files, hence different declarations; the same file downloaded
// again after a correction is the next version. Without a readable year or issuer: the stem alone.
std::string document_identity(const Declaration& d);

}  // namespace jixiao::store

#include "ingest/markers.h"

#include <algorithm>
#include <array>
#include <functional>

#include "ingest/normalize.h"
#include "ingest/text_scan.h"

namespace jixiao {
namespace {

constexpr std::string_view kNarrativeMarker = "项目经费情况说明";
constexpr std::string_view kNarrativeSuffix = "经费情况说明";

// Heading words of the narrative sections, longest first so that "项目实施方案" wins over
// "实施方案".
constexpr std::array<std::string_view, 21> kSectionWords = {
    "项目基本情况", "项目立项依据", "项目实施主体", "项目实施方案", "项目实施周期",
    "项目预算安排", "年度预算安排", "项目绩效目标", "年度绩效目标", "项目概述",
    "项目概况",     "项目简介",     "立项依据",     "实施主体",     "实施方案",
    "实施周期",     "预算安排",     "年度预算",     "绩效目标",     "实施内容",
    "实施计划"};

// What both form titles (绩效目标申报表, 绩效目标填报表) start with.
constexpr std::string_view kFormTitleStem = "绩效目标";

constexpr std::array<std::string_view, 6> kFormTitlePrefixes = {
    "财政项目支出", "财政支出项目", "部门项目支出", "单位项目支出", "项目支出", "项目"};

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool is_heading_separator(std::string_view s, std::size_t pos, std::size_t& len) {
  for (std::string_view sep : {"、", "．", ".", "，"}) {
    if (s.substr(pos, sep.size()) == sep) {
      len = sep.size();
      return true;
    }
  }
  return false;
}

// After a heading word: the line ends, or a space / colon / bracket / sentence mark follows.
bool heading_word_ends(std::string_view s, std::size_t pos) {
  if (pos >= s.size()) return true;
  char32_t cp = code_point_at(s, pos);
  return cp == ' ' || cp == '\t' || cp == U'：' || cp == ':' || cp == U'（' || cp == '(' ||
         cp == U'。' || cp == U'，' || cp == U'；';
}

// A list enumerator at the start of `s`: "1、", "2.", "一、", "（一）", "(3)".
struct Enumerator {
  int value = 0;
  bool arabic = false;
  std::size_t length = 0;  // bytes, separator included
};

std::optional<Enumerator> match_enumerator(std::string_view s) {
  Enumerator e;
  std::size_t i = 0;
  bool bracketed = false;
  if (starts_with(s, "（")) {
    i = std::string_view("（").size();
    bracketed = true;
  } else if (starts_with(s, "(")) {
    i = 1;
    bracketed = true;
  }
  std::size_t start = i;
  if (std::size_t run = chinese_numeral_run(s, i); run > 0) {
    auto v = chinese_numeral_value(s.substr(i, run));
    if (!v) return std::nullopt;
    e.value = *v;
    i += run;
  } else {
    while (i < s.size() && i - start < 2 && s[i] >= '0' && s[i] <= '9') ++i;
    if (i == start) return std::nullopt;
    e.value = std::stoi(std::string(s.substr(start, i - start)));
    e.arabic = true;
  }
  if (bracketed) {
    if (starts_with(s.substr(i), "）")) {
      i += std::string_view("）").size();
    } else if (starts_with(s.substr(i), ")")) {
      i += 1;
    } else {
      return std::nullopt;
    }
    if (starts_with(s.substr(i), "、")) i += std::string_view("、").size();
  } else {
    std::size_t sep = 0;
    if (!is_heading_separator(s, i, sep) || s.substr(i, sep) == "，") return std::nullopt;
    i += sep;
  }
  e.length = i;
  return e;
}

std::optional<SectionHeading> match_heading_at(std::string_view s) {
  SectionHeading h;
  std::size_t i = 0;
  std::size_t run = chinese_numeral_run(s, 0);
  bool separator_done = false;
  if (starts_with(s, "（") || starts_with(s, "(")) {
    // "（一）项目概述": bracketed numbers, the heading word decides (sub-project titles are
    // not heading words).
    auto e = match_enumerator(s);
    if (!e) return std::nullopt;
    for (std::size_t k = 0; k < e->length;) {  // the numeral without brackets and 、
      std::size_t len = code_point_length(s, k);
      std::string_view cp = s.substr(k, len);
      if (cp != "（" && cp != "(" && cp != "）" && cp != ")" && cp != "、") h.number += cp;
      k += len;
    }
    h.value = e->value;
    h.arabic = e->arabic;
    h.bracketed = true;
    i = e->length;
    separator_done = true;
  } else if (starts_with(s, kReplacementChar)) {
    h.number_garbled = true;
    i = kReplacementChar.size();
  } else if (run > 0) {
    auto v = chinese_numeral_value(s.substr(0, run));
    if (!v) return std::nullopt;
    h.number = std::string(s.substr(0, run));
    h.value = *v;
    i = run;
  } else {
    while (i < s.size() && i < 2 && s[i] >= '0' && s[i] <= '9') ++i;
    if (i == 0 || (i < s.size() && s[i] >= '0' && s[i] <= '9')) return std::nullopt;
    h.number = std::string(s.substr(0, i));
    h.value = std::stoi(h.number);
    h.arabic = true;
    if (h.value == 0) return std::nullopt;
  }
  std::size_t sep = 0;
  if (separator_done) {
    // the bracket closed the number
  } else if (is_heading_separator(s, i, sep)) {
    i += sep;
  } else if (!h.number_garbled && starts_with(s.substr(i), kReplacementChar)) {
    i += kReplacementChar.size();  // "五�实施周期": the 、 garbled
  } else {
    return std::nullopt;
  }
  while (i < s.size() && s[i] == ' ') ++i;
  // An exact heading word first; else the one word (and only one) that a garbled word can be.
  std::optional<std::string_view> found;
  std::size_t found_length = 0;
  for (std::string_view word : kSectionWords) {
    if (s.substr(i, word.size()) == word && heading_word_ends(s, i + word.size())) {
      found = word;
      found_length = word.size();
      break;
    }
  }
  if (!found && has_replacement_char(s.substr(i, 24))) {
    bool ambiguous = false;
    for (std::string_view word : kSectionWords) {
      std::size_t length = 0;
      if (!starts_with_fuzzy(s.substr(i), word, length) || !heading_word_ends(s, i + length))
        continue;
      if (!found || length > found_length) {
        found = word;
        found_length = length;
        ambiguous = false;
      } else if (length == found_length) {
        ambiguous = true;  // "项目概�": 项目概述 or 项目概况
      }
    }
    if (ambiguous) {
      h.word_garbled = true;
      found = s.substr(i, found_length);
    }
  }
  if (!found) return std::nullopt;
  h.word = std::string(*found);
  std::string_view rest = s.substr(i + found_length);
  while (!rest.empty()) {
    char32_t cp = code_point_at(rest, 0);
    if (cp != ' ' && cp != U'：' && cp != ':') break;
    rest.remove_prefix(code_point_length(rest, 0));
  }
  h.rest = std::string(trim(rest));
  return h;
}

}  // namespace

std::size_t find_form_title(std::string_view line, std::size_t from, std::size_t* end) {
  std::size_t best = std::string_view::npos, best_length = 0;
  if (!has_replacement_char(line.substr(std::min(from, line.size())))) {
    // No garbling: find_fuzzy would find the keys exactly. This runs on every line, so the two
    // keys are found as one: their common stem (skipping ahead on a byte table), then the end.
    static const std::boyer_moore_horspool_searcher stem(kFormTitleStem.begin(), kFormTitleStem.end());
    for (std::size_t at = std::min(from, line.size()); at < line.size();) {
      auto hit = std::search(line.begin() + static_cast<std::ptrdiff_t>(at), line.end(), stem);
      if (hit == line.end()) break;
      std::size_t pos = static_cast<std::size_t>(hit - line.begin());
      std::string_view rest = line.substr(pos + kFormTitleStem.size());
      if (starts_with(rest, "申报表") || starts_with(rest, "填报表")) {
        best = pos;
        best_length = kFormTitleStem.size() + std::string_view("申报表").size();
        break;
      }
      at = pos + 1;
    }
  } else {
    for (std::string_view key : {"绩效目标申报表", "绩效目标填报表"}) {
      std::size_t length = 0;
      std::size_t pos = find_fuzzy(line, key, from, length);
      if (pos < best) {
        best = pos;
        best_length = length;
      }
    }
  }
  if (best == std::string_view::npos) return best;
  if (end) *end = best + best_length;
  std::string_view before = line.substr(0, best);
  for (std::string_view prefix : kFormTitlePrefixes) {
    if (ends_with(before, prefix)) return best - prefix.size();
    // A garbled prefix is still the prefix: "财政项目支�" (a character replaced) or "财�政项目支出"
    // (an extra character). Both � and a CJK character take three bytes.
    for (std::size_t size : {prefix.size() + kReplacementChar.size(), prefix.size()}) {
      if (before.size() < size) continue;
      std::string_view tail = before.substr(before.size() - size);
      std::size_t length = 0;
      if (starts_with_fuzzy(tail, prefix, length) && length == tail.size()) return best - size;
    }
  }
  return best;
}

std::optional<int> form_title_number(std::string_view title) {
  std::size_t length = 0;
  for (std::string_view key : {"绩效目标申报表", "绩效目标填报表"}) {
    std::size_t pos = find_fuzzy(title, key, 0, length);
    if (pos == std::string_view::npos) continue;
    std::size_t i = pos + length;
    while (i < title.size() && title[i] == ' ') ++i;
    auto number = read_number(title, i);
    if (number && number->text.find_first_of(",.") == std::string::npos &&
        number->text.size() <= 3)
      return std::stoi(number->text);
    return std::nullopt;
  }
  return std::nullopt;
}

std::optional<NarrativeMarker> match_narrative_marker(std::string_view line) {
  // Cheap test first: every marker ends in 说明 (or carries a garbled character).
  if (!contains(line, "说") && !has_replacement_char(line)) return std::nullopt;
  std::string c = strip_whitespace(line);
  if (contains(c, "…") || contains(c, "...") || contains(c, "··")) return std::nullopt;  // TOC
  std::size_t length = 0;
  NarrativeMarker m;
  if (starts_with_fuzzy(c, kNarrativeMarker, length)) {
    std::string_view rest = std::string_view(c).substr(length);
    auto number = read_number(rest, 0);
    if (number && number->text.find_first_of(",.") == std::string::npos &&
        number->text.size() <= 3) {
      m.number = std::stoi(number->text);
      rest.remove_prefix(number->end);
    } else if (starts_with(rest, kReplacementChar)) {
      // A garbled number ("�--", "�2--": the � may be a digit or a space): unknown.
      rest.remove_prefix(kReplacementChar.size());
      while (!rest.empty() && rest.front() >= '0' && rest.front() <= '9') rest.remove_prefix(1);
    }
    // Separators between number and title: "--", "—", "－", "-", "：", "、", "."
    bool stripped = true;
    while (stripped && !rest.empty()) {
      stripped = false;
      for (std::string_view sep : {"--", "—", "－", "–", "-", "：", ":", "、", "．", "."}) {
        if (starts_with(rest, sep)) {
          rest.remove_prefix(sep.size());
          stripped = true;
          break;
        }
      }
    }
    if (contains(rest, "。")) return std::nullopt;  // a sentence that mentions the marker
    m.title = std::string(rest);
    return m;
  }
  // "TITLE经费情况说明": the marker must end the line, and TITLE must read like a title.
  std::size_t pos = find_fuzzy(c, kNarrativeSuffix, 0, length);
  if (pos == std::string::npos || pos + length != c.size()) return std::nullopt;
  std::string_view title = std::string_view(c).substr(0, pos);
  // An enumerator in front ("1、", "一、", "（一）"): the narrative's number. A Chinese-numbered
  // line without a title is the chapter heading of a budget book ("七、项目经费情况说明").
  bool chinese_enumerator = false;
  if (auto e = match_enumerator(title)) {
    m.number = e->value;
    chinese_enumerator = !e->arabic;
    title.remove_prefix(e->length);
  }
  if (ends_with(title, "项目")) title.remove_suffix(std::string_view("项目").size());
  if (title.empty() && chinese_enumerator) return std::nullopt;
  if (title.empty() || title.size() > 180) return std::nullopt;
  for (std::string_view mark : {"。", "，", "；"}) {
    if (contains(title, mark)) return std::nullopt;  // a sentence that mentions the marker
  }
  m.title = std::string(title);
  return m;
}

std::size_t find_inline_narrative_marker(std::string_view line) {
  std::size_t from = 1;
  while (true) {
    std::size_t pos = line.find(kNarrativeMarker, from);
    if (pos == std::string_view::npos) return pos;
    std::size_t after = pos + kNarrativeMarker.size();
    while (after < line.size() && line[after] == ' ') ++after;
    char32_t before = code_point_before(line, pos);
    bool boundary = before == ' ' || before == '\t' || before == U'。' || before == U'；';
    if (boundary && after < line.size() && line[after] >= '0' && line[after] <= '9') return pos;
    from = pos + 1;
  }
}

std::optional<SectionHeading> match_section_heading(std::string_view line) {
  return match_heading_at(trim(line));
}

std::size_t find_inline_section_heading(std::string_view line) {
  std::size_t from = 1;
  while (true) {
    std::size_t pos = line.find("、", from);
    if (pos == std::string_view::npos) return pos;
    // Walk back over the numeral (Chinese or Arabic) in front of "、".
    std::size_t start = pos;
    while (start > 0) {
      char32_t cp = code_point_before(line, start);
      bool numeral = (cp >= '0' && cp <= '9') || cp == U'一' || cp == U'二' || cp == U'三' ||
                     cp == U'四' || cp == U'五' || cp == U'六' || cp == U'七' || cp == U'八' ||
                     cp == U'九' || cp == U'十';
      if (!numeral) break;
      start -= cp < 0x80 ? 1 : 3;
    }
    if (start < pos && start > 0) {
      char32_t before = code_point_before(line, start);
      bool boundary = before == ' ' || before == '\t' || before == U'。' || before == U'；';
      if (boundary && match_heading_at(line.substr(start))) return start;
    }
    from = pos + 1;
  }
}

std::optional<SubProjectHeading> match_sub_project_heading(std::string_view line) {
  std::string_view s = trim(line);
  std::size_t i = 0;
  int garbled = 0;  // OCR may garble one of the brackets or the numeral, not more
  if (starts_with(s, "（")) {
    i = std::string_view("（").size();
  } else if (starts_with(s, "(")) {
    i = 1;
  } else if (starts_with(s, kReplacementChar)) {
    i = kReplacementChar.size();
    ++garbled;
  } else {
    return std::nullopt;
  }
  SubProjectHeading h;
  std::size_t run = chinese_numeral_run(s, i);
  if (run > 0) {
    auto value = chinese_numeral_value(s.substr(i, run));
    if (!value) return std::nullopt;
    h.number = std::string(s.substr(i, run));
    h.value = *value;
    i += run;
  } else if (starts_with(s.substr(i), kReplacementChar) && garbled++ == 0) {
    i += kReplacementChar.size();  // "（�）": the numeral garbled
  } else {
    return std::nullopt;
  }
  if (starts_with(s.substr(i), "）")) {
    i += std::string_view("）").size();
  } else if (starts_with(s.substr(i), ")")) {
    i += 1;
  } else if (starts_with(s.substr(i), kReplacementChar) && garbled++ == 0) {
    i += kReplacementChar.size();
  } else {
    return std::nullopt;
  }
  std::string_view rest = s.substr(i);
  for (std::string_view sep : {"、", "．", ".", " "}) {
    if (starts_with(rest, sep)) {
      rest.remove_prefix(sep.size());
      break;
    }
  }
  rest = trim(rest);
  if (rest.empty()) return std::nullopt;
  h.title = std::string(rest);
  return h;
}

std::optional<std::string> match_project_name_line(std::string_view line) {
  std::string_view s = trim(line);
  std::size_t length = 0;
  if (!starts_with_fuzzy(s, "项目名称", length)) return std::nullopt;
  std::string_view rest = s.substr(length);
  while (starts_with(rest, " ")) rest.remove_prefix(1);
  if (starts_with(rest, "：")) {
    rest.remove_prefix(std::string_view("：").size());
  } else if (starts_with(rest, ":")) {
    rest.remove_prefix(1);
  } else {
    return std::nullopt;
  }
  return std::string(trim(rest));
}

bool is_header_heading(std::string_view line) {
  if (line.size() > 96 || (!contains(line, "情") && !has_replacement_char(line))) return false;
  std::string c = strip_whitespace(line);
  std::size_t length = 0;
  std::size_t pos = find_fuzzy(c, "绩效目标设置情况", 0, length);
  if (pos == std::string::npos || pos + length != c.size()) return false;
  std::string_view prefix = std::string_view(c).substr(0, pos);
  if (prefix.empty()) return true;
  // Only a section number may precede it ("四、", "(四)").
  std::size_t run = chinese_numeral_run(prefix, starts_with(prefix, "（") ? 3 : 0);
  return run > 0 && prefix.size() <= run + 6;
}

}  // namespace jixiao

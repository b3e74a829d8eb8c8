#include "ingest/header.h"

#include "ingest/lines.h"
#include "ingest/normalize.h"
#include "ingest/text_scan.h"

namespace jixiao {
namespace {

// A four-digit year followed by 年 at or after `from` in compact text; returns its offset.
std::size_t find_year(std::string_view s, std::size_t from, int& year) {
  for (std::size_t i = from; i + 4 <= s.size(); ++i) {
    if (s[i] != '1' && s[i] != '2') continue;
    if (i > 0 && s[i - 1] >= '0' && s[i - 1] <= '9') continue;
    auto number = read_number(s, i);
    if (!number || number->text.size() != 4) continue;
    if (!starts_with(s.substr(number->end), "年")) continue;
    year = std::stoi(number->text);
    if (year < 1990 || year > 2099) continue;
    return i;
  }
  return std::string_view::npos;
}

bool plausible_unit_name(std::string_view s) {
  if (s.empty() || s.size() > 120) return false;
  for (std::string_view bad : {"：", ":", "，", "。", "目录", "附件"}) {
    if (contains(s, bad)) return false;
  }
  std::size_t i = 0;
  char32_t first = next_code_point(s, i);
  return is_ideograph(first) || first == 0xFFFD;
}

std::string_view strip_after_year(std::string_view s) {
  if (starts_with(s, "度")) s.remove_prefix(std::string_view("度").size());
  for (std::string_view key :
       {"财政支出项目", "财政项目支出", "项目支出", "区级部门预算", "区级单位预算", "部门预算",
        "单位预算", "绩效目标", "预算"}) {
    std::size_t pos = s.find(key);
    if (pos != std::string_view::npos) return s.substr(0, pos);
  }
  return {};
}

// Skips filler words between a claim's phrase and its number ("共", "约", "为", "：").
std::size_t skip_filler(std::string_view s, std::size_t i) {
  bool moved = true;
  while (moved) {
    moved = false;
    for (std::string_view filler : {"共计", "合计", "共", "约", "为", "：", ":"}) {
      if (s.substr(i, filler.size()) == filler) {
        i += filler.size();
        moved = true;
      }
    }
  }
  return i;
}

}  // namespace

namespace {

// A unit name read from the title, unless OCR garbled it (then it is reported unreadable).
void set_issuer(Declaration& declaration, std::string name, const SourceSpan& span) {
  if (has_replacement_char(name)) {
    declaration.unreadable.push_back(
        Unreadable{"issuer", span, "标题中的单位名称有 OCR 无法识别的字符（�）"});
    name.clear();
  }
  declaration.issuer = Field<std::string>{std::nullopt, span};
  if (!name.empty()) declaration.issuer.value = std::move(name);
}

}  // namespace

void read_title(std::span<const TextLine> title_lines, Declaration& declaration) {
  for (const TextLine& line : title_lines) {
    std::string c = strip_whitespace(line.text);
    for (std::string_view key : {"预算主管部门：", "预算主管部门:", "预算单位：", "预算单位:",
                                 "主管部门：", "单位名称："}) {
      if (starts_with(c, key)) {
        std::string name = c.substr(key.size());
        if (plausible_unit_name(name) && declaration.issuer.span.empty())
          set_issuer(declaration, name, line.span());
      }
    }
  }
  for (std::size_t k = 0; k < title_lines.size(); ++k) {
    std::string c = strip_whitespace(title_lines[k].text);
    int year = 0;
    std::size_t pos = find_year(c, 0, year);
    if (pos == std::string_view::npos) continue;
    if (!declaration.year.value) declaration.year = Field<int>{year, title_lines[k].span()};
    if (!declaration.issuer.span.empty()) break;
    std::string_view before = std::string_view(c).substr(0, pos);
    std::string_view after = strip_after_year(std::string_view(c).substr(pos + 7));  // "YYYY年"
    if (plausible_unit_name(before)) {
      set_issuer(declaration, std::string(before), title_lines[k].span());
    } else if (before.empty() && k > 0 &&
               plausible_unit_name(strip_whitespace(title_lines[k - 1].text))) {
      set_issuer(declaration, strip_whitespace(title_lines[k - 1].text), title_lines[k - 1].span());
    } else if (plausible_unit_name(after)) {
      set_issuer(declaration, std::string(after), title_lines[k].span());
    }
    break;
  }
  // A garbled title may hide the unit's name: unreadable, not absent.
  if (declaration.issuer.span.empty()) {
    for (const TextLine& line : title_lines) {
      if (has_replacement_char(line.text)) {
        declaration.unreadable.push_back(
            Unreadable{"issuer", line.span(), "标题有 OCR 无法识别的字符（�），单位名称不能确认"});
        break;
      }
    }
  }
}

void read_header_claims(std::span<const TextLine> header_lines, Declaration& declaration) {
  JoinedText joined(header_lines);
  const std::string& s = joined.text();
  HeaderClaims& h = declaration.header;
  auto unreadable = [&](const char* field, std::size_t at, const char* reason) {
    declaration.unreadable.push_back(Unreadable{field, joined.span(at, at + 1), reason});
  };

  if (std::size_t pos = s.find("个预算单位"); pos != std::string::npos) {
    std::size_t start = pos;
    while (start > 0 && s[start - 1] >= '0' && s[start - 1] <= '9') --start;
    if (start < pos && pos - start <= 4 && code_point_before(s, start) != 0xFFFD) {
      h.budget_unit_count =
          Field<int>{std::stoi(s.substr(start, pos - start)), joined.span(start, pos)};
    } else {
      unreadable("header.budget_unit_count", pos, "“个预算单位”前没有可读的数字");
    }
  }

  std::size_t pos = std::string::npos, phrase_length = 0;
  for (std::string_view phrase : {"编报绩效目标的项目", "编制绩效目标的项目", "编报绩效目标项目",
                                  "设置绩效目标的项目", "绩效目标的项目"}) {
    pos = s.find(phrase);
    if (pos != std::string::npos) {
      phrase_length = phrase.size();
      break;
    }
  }
  if (pos != std::string::npos) {
    std::size_t at = skip_filler(s, pos + phrase_length);
    auto number = read_number(s, at);
    if (number && number->text.size() <= 5 &&
        number->text.find_first_of(",.") == std::string::npos &&
        starts_with(std::string_view(s).substr(number->end), "个")) {
      h.project_count = Field<int>{std::stoi(number->text), joined.span(pos, number->end)};
    } else {
      unreadable("header.project_count", pos, "“编报绩效目标的项目”后没有可读的项目个数");
    }
  }

  for (std::string_view phrase : {"涉及项目预算资金", "涉及预算资金", "涉及项目资金", "涉及资金"}) {
    std::size_t pos = s.find(phrase);
    if (pos == std::string::npos) continue;
    std::size_t at = skip_filler(s, pos + phrase.size());
    auto number = read_number(s, at);
    std::string_view unit = number ? std::string_view(s).substr(number->end) : std::string_view();
    if (number && starts_with(unit, "万")) {
      h.total_wan = Field<std::string>{number->text, joined.span(pos, number->end)};
    } else if (number && starts_with(unit, "元")) {
      auto wan = yuan_to_wan_text(number->text);
      if (wan) h.total_wan = Field<std::string>{*wan, joined.span(pos, number->end)};
    }
    if (!h.total_wan.value)
      unreadable("header.total_wan", pos, "“涉及项目预算资金”后没有可读的万元金额");
    break;
  }

  // OCR garbling may have hidden a claim's phrase: then it is unreadable, not absent.
  if (has_replacement_char(s)) {
    auto missing = [&](const char* field, bool read) {
      if (read) return;
      for (const Unreadable& u : declaration.unreadable)
        if (u.field == field) return;
      declaration.unreadable.push_back(
          Unreadable{field, joined.whole(), "段落中有 OCR 无法识别的字符（�），此项不能确认"});
    };
    missing("header.budget_unit_count", h.budget_unit_count.has_value());
    missing("header.project_count", h.project_count.has_value());
    missing("header.total_wan", h.total_wan.has_value());
  }

  if (!declaration.year.value) {
    int year = 0;
    std::size_t pos = find_year(s, 0, year);
    if (pos != std::string::npos)
      declaration.year = Field<int>{year, joined.span(pos, pos + 4)};
  }
}

}  // namespace jixiao

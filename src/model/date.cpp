#include "model/date.h"

#include <cstdio>
#include <string>

namespace jixiao {
namespace {

bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(int y, int m) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && leap(y) ? 29 : kDays[m - 1];
}

}  // namespace

std::optional<Date> Date::parse(std::string_view text) {
  // Collect up to three digit groups separated by - / . or 年 月 (日 ends it); spaces ignored.
  int parts[3] = {0, 0, 0};
  int digits[3] = {0, 0, 0};
  int n = 0;
  std::size_t i = 0;
  auto is_sep = [&](std::string_view rest, std::size_t& len) {
    if (rest.empty()) return false;
    if (rest[0] == '-' || rest[0] == '/' || rest[0] == '.') { len = 1; return true; }
    if (rest.substr(0, 3) == "年" || rest.substr(0, 3) == "月") { len = 3; return true; }
    return false;
  };
  while (i < text.size()) {
    char c = text[i];
    if (c == ' ') { ++i; continue; }
    if (c >= '0' && c <= '9') {
      if (n >= 3) return std::nullopt;
      while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
        if (++digits[n] > 4) return std::nullopt;
        parts[n] = parts[n] * 10 + (text[i] - '0');
        ++i;
      }
      ++n;
      continue;
    }
    std::size_t len = 0;
    if (n > 0 && n < 3 && is_sep(text.substr(i), len)) { i += len; continue; }
    if (n == 3 && text.substr(i, 3) == "日") { i += 3; continue; }
    return std::nullopt;
  }
  if (n != 3 || digits[0] != 4) return std::nullopt;
  Date d{parts[0], parts[1], parts[2]};
  if (d.month < 1 || d.month > 12 || d.day < 1 || d.day > days_in_month(d.year, d.month))
    return std::nullopt;
  return d;
}

std::string Date::iso() const {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return buf;
}

}  // namespace jixiao

// Calendar dates as written on forms (计划开始日期 / 计划完成日期).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace jixiao {

struct Date {
  int year = 0, month = 0, day = 0;

  // Accepts "2024-01-01", "2024/1/1", "2024.01.01", "2024年1月1日" (spaces allowed inside).
  // nullopt when not one of these or not a real calendar day.
  static std::optional<Date> parse(std::string_view text);
  std::string iso() const;  // "2024-01-01"
  auto operator<=>(const Date&) const = default;
};

}  // namespace jixiao

// Money (金额) as an exact integer number of fen (分). Never a float.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace jixiao {

class Money {
 public:
  constexpr Money() = default;
  static constexpr Money from_fen(std::int64_t fen) { return Money(fen); }
  constexpr std::int64_t fen() const { return fen_; }

  // Parses a yuan (元) amount as printed on forms: "37,780,000.00", "165700", "0", "1,234.5",
  // "-12.30". Thousands separators, if any, must group the integer digits by three; at most two
  // decimals; nullopt otherwise (and on overflow).
  static std::optional<Money> parse_yuan(std::string_view text);
  // Parses a decimal count of 万元 ("3778", "33.0769", "0.0888"); nullopt when it has more than six
  // decimals (finer than one fen) or is not a plain decimal.
  static std::optional<Money> parse_wan(std::string_view text);

  // "37780000.00": yuan with exactly two decimals, no separators (the JSON contract's form).
  std::string yuan_string() const;
  // "3778.00": 万元 with two decimals, rounded half away from zero (for display and totals).
  std::string wan_string(int decimals = 2) const;
  // "37,780,000.00": yuan with thousands separators (for people).
  std::string yuan_display() const;

  constexpr Money operator+(Money o) const { return Money(fen_ + o.fen_); }
  constexpr Money operator-(Money o) const { return Money(fen_ - o.fen_); }
  constexpr Money& operator+=(Money o) { fen_ += o.fen_; return *this; }
  constexpr auto operator<=>(const Money&) const = default;

 private:
  constexpr explicit Money(std::int64_t fen) : fen_(fen) {}
  std::int64_t fen_ = 0;
};

// Parses a plain decimal ("25.00", "-3", "1,234.5") into an integer scaled by 10^scale
// (e.g. "25.00" with scale 4 → 250000). nullopt when not a decimal, when its thousands separators
// do not group by three ("1,23"), when it has more decimals than `scale` (that would lose
// digits) or when it overflows.
std::optional<std::int64_t> parse_scaled_decimal(std::string_view text, int scale);

// Formats an integer scaled by 10^scale as a decimal with exactly `decimals` places, rounding
// half away from zero when decimals < scale.
std::string format_scaled_decimal(std::int64_t value, int scale, int decimals);

}  // namespace jixiao

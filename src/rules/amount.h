// Exact amounts for the review's arithmetic: decimals as printed (to know their rounding) and
// yuan amounts in pico-yuan (10^-12 元) so that products such as 10.39 × 3850 or 0.0006 × 5 万元
// are exact. Never floats.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "model/money.h"

namespace jixiao::rules {

__extension__ typedef __int128 Int128;

// A decimal as printed: value = digits × 10^-decimals ("704.42" → {70442, 2}).
struct Decimal {
  std::int64_t digits = 0;
  int decimals = 0;

  // Accepts "835.74", "37,780,000.00", "-3"; at most 9 decimals. nullopt otherwise.
  static std::optional<Decimal> parse(std::string_view text);
  bool is_integer() const { return decimals == 0; }
  std::string text() const;  // canonical, e.g. "704.42"
};

// A yuan amount, exact to 10^-12 元.
class Yuan {
 public:
  static constexpr std::int64_t kPerYuan = 1'000'000'000'000;  // pico-yuan per yuan

  constexpr Yuan() = default;
  static Yuan from_pico(Int128 v) { Yuan y; y.v_ = v; return y; }
  static Yuan from_money(Money m) { return from_pico(static_cast<Int128>(m.fen()) * (kPerYuan / 100)); }
  // `d` counted in units of `yuan_per_unit` 元 (1 for 元, 10,000 for 万元).
  static Yuan from_decimal(const Decimal& d, std::int64_t yuan_per_unit);
  // Half a unit of the last printed digit of `d` in that unit: the rounding a printed value
  // may carry ("704.42" 万元 → 50 元).
  static Yuan half_last_digit(const Decimal& d, std::int64_t yuan_per_unit);

  Int128 pico() const { return v_; }
  Money to_money() const;  // rounded half away from zero to the fen

  Yuan operator+(Yuan o) const { return from_pico(v_ + o.v_); }
  Yuan operator-(Yuan o) const { return from_pico(v_ - o.v_); }
  Yuan& operator+=(Yuan o) { v_ += o.v_; return *this; }
  Yuan abs() const { return from_pico(v_ < 0 ? -v_ : v_); }
  // Multiplies by a printed decimal quantity exactly (rounding below 10^-12 元, never reached
  // with printed amounts).
  Yuan times(const Decimal& q) const;
  bool operator==(const Yuan& o) const { return v_ == o.v_; }
  auto operator<=>(const Yuan& o) const { return v_ <=> o.v_; }

  // "37,780,000.00" (元, separators, 2 decimals, more when needed to stay exact up to 4).
  std::string yuan_text() const;
  // "3785.5" / "704.42" / "33.0769" (万元, trailing zeros dropped, up to 6 decimals).
  std::string wan_text() const;
  double ratio_to(Yuan other) const;  // this / other, for shares and messages only

 private:
  Int128 v_ = 0;
};

// A money unit as printed after a number: 元, 万元, 万, 千元, 亿元, optionally followed by a
// denominator ("元/人" → per 人, "万元/年"). nullopt when `unit` is not a money unit.
struct MoneyUnit {
  std::int64_t yuan_per_unit = 1;
  std::string base;         // "元", "万元", "万" … as printed
  std::string denominator;  // "人", "年", "月", "" when none
};
std::optional<MoneyUnit> parse_money_unit(std::string_view unit);

// Whether `a` and `b` match within `tolerance` (inclusive).
bool within(Yuan a, Yuan b, Yuan tolerance);
// Whether a is 10,000 times b or b is 10,000 times a (within tolerance scaled accordingly):
// the tell-tale of an amount written in 元 where 万元 was meant, or the reverse.
bool is_magnitude_slip(Yuan a, Yuan b, Yuan tolerance);

}  // namespace jixiao::rules

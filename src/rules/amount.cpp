#include "rules/amount.h"

#include <string>

#include "rules/tolerances.h"

namespace jixiao::rules {
namespace {

Int128 pow10(int n) {
  Int128 p = 1;
  for (int i = 0; i < n; ++i) p *= 10;
  return p;
}

std::string int128_digits(Int128 v) {
  if (v == 0) return "0";
  std::string s;
  while (v > 0) {
    s.insert(s.begin(), static_cast<char>('0' + static_cast<int>(v % 10)));
    v /= 10;
  }
  return s;
}

// Formats |v| / 10^scale with `decimals` places (rounded half away from zero), optional
// thousands separators, and trailing zeros trimmed down to `min_decimals`.
std::string format(Int128 v, int scale, int decimals, int min_decimals, bool separators) {
  bool negative = v < 0;
  Int128 mag = negative ? -v : v;
  Int128 divisor = pow10(scale - decimals);
  Int128 rest = mag % divisor;
  mag /= divisor;
  if (rest * 2 >= divisor) ++mag;
  std::string digits = int128_digits(mag);
  if (static_cast<int>(digits.size()) <= decimals)
    digits.insert(0, static_cast<std::size_t>(decimals + 1) - digits.size(), '0');
  std::string int_part = digits.substr(0, digits.size() - static_cast<std::size_t>(decimals));
  std::string frac = digits.substr(digits.size() - static_cast<std::size_t>(decimals));
  while (static_cast<int>(frac.size()) > min_decimals && !frac.empty() && frac.back() == '0')
    frac.pop_back();
  if (separators) {
    std::string grouped;
    grouped.reserve(int_part.size() + int_part.size() / 3);
    for (std::size_t i = 0; i < int_part.size(); ++i) {
      if (i > 0 && (int_part.size() - i) % 3 == 0) grouped.push_back(',');
      grouped.push_back(int_part[i]);
    }
    int_part = std::move(grouped);
  }
  std::string out = (negative && (mag != 0)) ? "-" : "";
  out += int_part;
  if (!frac.empty()) out += "." + frac;
  return out;
}

}  // namespace

std::optional<Decimal> Decimal::parse(std::string_view text) {
  std::string clean;
  for (char c : text)
    if (c != ',') clean.push_back(c);
  if (clean.empty()) return std::nullopt;
  std::size_t dot = clean.find('.');
  int decimals = dot == std::string::npos ? 0 : static_cast<int>(clean.size() - dot - 1);
  if (decimals > 9) return std::nullopt;
  auto scaled = parse_scaled_decimal(clean, decimals);
  if (!scaled) return std::nullopt;
  return Decimal{*scaled, decimals};
}

std::string Decimal::text() const {
  return format_scaled_decimal(digits, decimals, decimals);
}

Yuan Yuan::from_decimal(const Decimal& d, std::int64_t yuan_per_unit) {
  return from_pico(static_cast<Int128>(d.digits) * yuan_per_unit * kPerYuan / pow10(d.decimals));
}

Yuan Yuan::half_last_digit(const Decimal& d, std::int64_t yuan_per_unit) {
  return from_pico(static_cast<Int128>(yuan_per_unit) * kPerYuan / pow10(d.decimals) / 2);
}

Money Yuan::to_money() const {
  constexpr Int128 kPerFen = kPerYuan / 100;
  Int128 mag = v_ < 0 ? -v_ : v_;
  Int128 fen = mag / kPerFen;
  if ((mag % kPerFen) * 2 >= kPerFen) ++fen;
  return Money::from_fen(static_cast<std::int64_t>(v_ < 0 ? -fen : fen));
}

Yuan Yuan::times(const Decimal& q) const {
  return from_pico(v_ * q.digits / pow10(q.decimals));
}

std::string Yuan::yuan_text() const {
  // Two decimals, or up to four when the amount has fractions of a fen (rounded products).
  Int128 per_fen = kPerYuan / 100;
  int decimals = (v_ % per_fen == 0) ? 2 : 4;
  return format(v_, 12, decimals, 2, true);
}

std::string Yuan::wan_text() const { return format(v_, 16, 6, 0, false); }

double Yuan::ratio_to(Yuan other) const {
  if (other.v_ == 0) return 0.0;
  return static_cast<double>(v_) / static_cast<double>(other.v_);
}

std::optional<MoneyUnit> parse_money_unit(std::string_view unit) {
  struct Base {
    std::string_view text;
    std::int64_t yuan;
  };
  static constexpr Base kBases[] = {{"万元", kYuanPerWan}, {"亿元", 100'000'000},
                                    {"千元", 1000},        {"元", 1},
                                    {"万", kYuanPerWan}};
  for (const auto& b : kBases) {
    if (unit.substr(0, b.text.size()) != b.text) continue;
    std::string_view rest = unit.substr(b.text.size());
    MoneyUnit mu{b.yuan, std::string(b.text), ""};
    if (rest.empty()) return mu;
    if (rest[0] == '/') {
      mu.denominator = std::string(rest.substr(1));
      return mu;
    }
    if (rest.substr(0, 3) == "每") {  // "元每人"
      mu.denominator = std::string(rest.substr(3));
      return mu;
    }
    return std::nullopt;  // "万条/月", "元素" …
  }
  return std::nullopt;
}

bool within(Yuan a, Yuan b, Yuan tolerance) { return (a - b).abs() <= tolerance; }

bool is_magnitude_slip(Yuan a, Yuan b, Yuan tolerance) {
  if (a.pico() == 0 || b.pico() == 0) return false;
  Yuan a_big = Yuan::from_pico(a.pico() * kYuanPerWan);
  Yuan b_big = Yuan::from_pico(b.pico() * kYuanPerWan);
  Yuan tol_big = Yuan::from_pico(tolerance.pico() * kYuanPerWan);
  // a meant as 万元 but written as 元 (a × 10⁴ ≈ b: a's rounding scales up), or the reverse.
  return within(a_big, b, tol_big) || within(b_big, a, tolerance);
}

}  // namespace jixiao::rules

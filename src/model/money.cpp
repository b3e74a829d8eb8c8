#include "model/money.h"

#include <cstdlib>
#include <limits>

namespace jixiao {

std::optional<std::int64_t> parse_scaled_decimal(std::string_view text, int scale) {
  if (text.empty()) return std::nullopt;
  bool negative = false;
  std::size_t i = 0;
  if (text[0] == '-' || text[0] == '+') {
    negative = text[0] == '-';
    i = 1;
  }
  constexpr std::int64_t kLimit = std::numeric_limits<std::int64_t>::max();
  std::int64_t value = 0;
  int digits = 0, decimals = -1;
  // Thousands separators must group the integer digits by three ("37,780,000"): a misplaced
  // comma ("1,23") is more likely a misread decimal point than a separator, so it is refused.
  int group = 0;         // integer digits since the last comma
  bool grouped = false;  // a comma has been seen
  bool last_was_comma = false;
  for (; i < text.size(); ++i) {
    char c = text[i];
    if (c == ',') {
      if (decimals >= 0 || digits == 0 || last_was_comma) return std::nullopt;
      if (grouped ? group != 3 : group > 3) return std::nullopt;
      grouped = true;
      group = 0;
      last_was_comma = true;
      continue;
    }
    last_was_comma = false;
    if (c == '.') {
      if (decimals >= 0 || (grouped && group != 3)) return std::nullopt;
      decimals = 0;
      continue;
    }
    if (c < '0' || c > '9') return std::nullopt;
    if (decimals >= 0 && ++decimals > scale) return std::nullopt;
    if (decimals < 0) ++group;
    const int d = c - '0';
    if (value > (kLimit - d) / 10) return std::nullopt;
    value = value * 10 + d;
    ++digits;
  }
  if (digits == 0 || last_was_comma || decimals == 0) return std::nullopt;
  if (grouped && decimals < 0 && group != 3) return std::nullopt;
  for (int k = decimals < 0 ? 0 : decimals; k < scale; ++k) {
    if (value > kLimit / 10) return std::nullopt;
    value *= 10;
  }
  return negative ? -value : value;
}

std::string format_scaled_decimal(std::int64_t value, int scale, int decimals) {
  bool negative = value < 0;
  // Work in unsigned magnitude so INT64_MIN cannot overflow.
  unsigned long long mag = negative ? 0ULL - static_cast<unsigned long long>(value)
                                    : static_cast<unsigned long long>(value);
  if (decimals < scale) {
    unsigned long long divisor = 1;
    for (int k = decimals; k < scale; ++k) divisor *= 10;
    unsigned long long rest = mag % divisor;
    mag /= divisor;
    if (rest * 2 >= divisor) ++mag;  // half away from zero
  }
  for (int k = scale; k < decimals; ++k) mag *= 10;
  std::string digits = std::to_string(mag);
  if (decimals > 0) {
    if (digits.size() <= static_cast<std::size_t>(decimals))
      digits.insert(0, static_cast<std::size_t>(decimals) + 1 - digits.size(), '0');
    digits.insert(digits.size() - static_cast<std::size_t>(decimals), ".");
  }
  if (negative && mag != 0) digits.insert(0, "-");
  return digits;
}

std::optional<Money> Money::parse_yuan(std::string_view text) {
  auto fen = parse_scaled_decimal(text, 2);
  if (!fen) return std::nullopt;
  return Money(*fen);
}

std::optional<Money> Money::parse_wan(std::string_view text) {
  // 1 万元 = 10,000 元 = 1,000,000 fen: six decimals of 万元 are exactly one fen.
  auto fen = parse_scaled_decimal(text, 6);
  if (!fen) return std::nullopt;
  return Money(*fen);
}

std::string Money::yuan_string() const { return format_scaled_decimal(fen_, 2, 2); }

std::string Money::wan_string(int decimals) const {
  return format_scaled_decimal(fen_, 6, decimals);
}

std::string Money::yuan_display() const {
  std::string plain = yuan_string();
  bool negative = !plain.empty() && plain[0] == '-';
  std::size_t start = negative ? 1 : 0;
  std::size_t dot = plain.find('.');
  std::string out = plain.substr(dot);
  std::size_t count = 0;
  for (std::size_t i = dot; i-- > start;) {
    if (count > 0 && count % 3 == 0) out.insert(0, ",");
    out.insert(0, 1, plain[i]);
    ++count;
  }
  if (negative) out.insert(0, "-");
  return out;
}

}  // namespace jixiao

#include "rules/similarity.h"

#include <algorithm>

#include "rules/text_util.h"

namespace jixiao::rules {
namespace {

bool is_word_char(char32_t c) {
  return is_ascii_digit(c) || (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z') ||
         is_cjk_ideograph(c);
}

char32_t fold(char32_t c) { return (c >= U'A' && c <= U'Z') ? c + (U'a' - U'A') : c; }

}  // namespace

BigramSet BigramSet::of(std::string_view text) {
  BigramSet set;
  thread_local std::u32string chars;  // scratch, reused: the review builds thousands of sets
  chars.clear();
  for_each_code_point(text, [](char32_t c) {
    if (is_word_char(c)) chars.push_back(fold(c));
  });
  if (chars.size() < 2) {
    if (chars.size() == 1) set.grams_.push_back(static_cast<std::uint64_t>(chars[0]));
    return set;
  }
  set.grams_.reserve(chars.size() - 1);
  for (std::size_t i = 0; i + 1 < chars.size(); ++i)
    set.grams_.push_back((static_cast<std::uint64_t>(chars[i]) << 21 | chars[i + 1]) + (1ULL << 42));
  std::sort(set.grams_.begin(), set.grams_.end());
  set.grams_.erase(std::unique(set.grams_.begin(), set.grams_.end()), set.grams_.end());
  return set;
}

std::size_t BigramSet::shared(const BigramSet& other) const {
  std::size_t n = 0;
  auto a = grams_.begin(), b = other.grams_.begin();
  while (a != grams_.end() && b != other.grams_.end()) {
    if (*a < *b) {
      ++a;
    } else if (*b < *a) {
      ++b;
    } else {
      ++n;
      ++a;
      ++b;
    }
  }
  return n;
}

double dice(const BigramSet& a, const BigramSet& b) {
  if (a.empty() && b.empty()) return 0.0;
  return 2.0 * static_cast<double>(a.shared(b)) / static_cast<double>(a.size() + b.size());
}

double containment(const BigramSet& part, const BigramSet& whole) {
  if (part.empty()) return 0.0;
  return static_cast<double>(part.shared(whole)) / static_cast<double>(part.size());
}

double text_similarity(std::string_view a, std::string_view b) {
  return dice(BigramSet::of(a), BigramSet::of(b));
}

}  // namespace jixiao::rules

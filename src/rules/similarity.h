// Text similarity by character bigrams (字符二元组): robust for Chinese, where words are not
// delimited, and independent of any keyword list. Punctuation and whitespace are ignored; ASCII
// letters are lower-cased.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace jixiao::rules {

class BigramSet {
 public:
  BigramSet() = default;
  // The distinct bigrams of the letters, digits and ideographs of `text` (UTF-8).
  static BigramSet of(std::string_view text);
  std::size_t size() const { return grams_.size(); }
  bool empty() const { return grams_.empty(); }
  // Number of bigrams the two sets share.
  std::size_t shared(const BigramSet& other) const;

 private:
  std::vector<std::uint64_t> grams_;  // sorted, unique
};

// Dice coefficient 2|A∩B| / (|A|+|B|), in [0, 1]; 0 when both are empty.
double dice(const BigramSet& a, const BigramSet& b);
// Share of `part`'s bigrams that occur in `whole`, in [0, 1]; 0 when `part` is empty.
double containment(const BigramSet& part, const BigramSet& whole);

// Convenience: Dice similarity of two UTF-8 strings.
double text_similarity(std::string_view a, std::string_view b);

}  // namespace jixiao::rules

#include "model/text_search.h"

#include <cstring>

namespace jixiao {

bool contains(std::string_view s, std::string_view part) {
  // Anchored on the needle's last byte, not its first (string_view::find): a Chinese needle starts
  // with a lead byte (E4–E9) that a third of the text's bytes are, but ends with one of 64
  // continuation bytes. (glibc's memmem sets up a table per call: slower on lines this short.)
  if (part.empty()) return true;
  if (part.size() > s.size()) return false;
  const char last = part.back();
  const std::size_t offset = part.size() - 1;
  const char* end = s.data() + s.size();
  for (const char* at = s.data() + offset; at < end;) {
    const auto* hit = static_cast<const char*>(std::memchr(at, last, static_cast<std::size_t>(end - at)));
    if (hit == nullptr) return false;
    if (std::memcmp(hit - offset, part.data(), offset) == 0) return true;
    at = hit + 1;
  }
  return false;
}

}  // namespace jixiao

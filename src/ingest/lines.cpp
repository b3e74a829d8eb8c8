#include "ingest/lines.h"

#include <algorithm>
#include <cstring>

#include "ingest/normalize.h"
#include "ingest/text_scan.h"

namespace jixiao {

namespace {

// Number of '\n' in `text`, a memchr per line (std::count looked at each byte).
std::size_t count_newlines(std::string_view text) {
  std::size_t n = 0;
  const char* at = text.data();
  const char* end = at + text.size();
  while (at < end) {
    const auto* nl = static_cast<const char*>(std::memchr(at, '\n', static_cast<std::size_t>(end - at)));
    if (nl == nullptr) break;
    ++n;
    at = nl + 1;
  }
  return n;
}

}  // namespace

TextLines split_lines(std::string_view text) {
  TextLines out;
  out.reserve(count_newlines(text) + 1);
  int number = 1;
  std::size_t start = 0;
  auto emit = [&](std::size_t end) {
    std::string_view raw = text.substr(start, end - start);
    std::vector<std::size_t> joined;
    std::string line = normalize_line(raw, joined);
    bool page_start = !raw.empty() && (raw[0] == '\f' || raw[0] == ' ');
    if (!line.empty())
      out.push_back(TextLine{std::move(line), number, std::nullopt, page_start, std::move(joined)});
    ++number;
  };
  if (std::memchr(text.data(), '\r', text.size()) == nullptr) {
    // No carriage returns (nearly every file): lines end at '\n' only, found by memchr.
    while (start < text.size()) {
      const auto* nl = static_cast<const char*>(
          std::memchr(text.data() + start, '\n', text.size() - start));
      if (nl == nullptr) break;
      std::size_t i = static_cast<std::size_t>(nl - text.data());
      emit(i);
      start = i + 1;
    }
    if (start < text.size()) emit(text.size());
    return out;
  }
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') {
      emit(i);
      start = i + 1;
    } else if (text[i] == '\r') {
      emit(i);
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
      start = i + 1;
    }
  }
  if (start < text.size()) emit(text.size());
  return out;
}

JoinedText::JoinedText(std::span<const TextLine> lines) {
  for (std::size_t k = 0; k < lines.size(); ++k) {
    std::string piece = squeeze_cjk_spaces(lines[k].text);
    if (piece.empty()) continue;
    // join_wrapped(text_, piece), appended in place: building a new string per line made
    // joining a paragraph quadratic in its length.
    std::size_t separator = wrapped_separator(text_, piece);  // 0 or 1 (a space between ASCII words)
    // A separator space belongs to the earlier line.
    line_index_of_byte_.insert(line_index_of_byte_.end(), separator,
                               line_spans_.empty() ? 0 : line_spans_.size() - 1);
    line_spans_.push_back(lines[k].span());
    line_index_of_byte_.insert(line_index_of_byte_.end(), piece.size(), line_spans_.size() - 1);
    text_.append(separator, ' ');
    text_.append(piece);
  }
}

SourceSpan JoinedText::span(std::size_t begin, std::size_t end) const {
  if (line_spans_.empty()) return {};
  if (begin >= line_index_of_byte_.size()) begin = line_index_of_byte_.size() - 1;
  if (end <= begin) end = begin + 1;
  if (end > line_index_of_byte_.size()) end = line_index_of_byte_.size();
  const SourceSpan& first = line_spans_[line_index_of_byte_[begin]];
  const SourceSpan& last = line_spans_[line_index_of_byte_[end - 1]];
  return first.merged(last);
}

SourceSpan JoinedText::whole() const {
  if (line_spans_.empty()) return {};
  return line_spans_.front().merged(line_spans_.back());
}

}  // namespace jixiao

#include "ingest/segment.h"

#include <algorithm>

#include "ingest/markers.h"
#include "ingest/normalize.h"
#include "ingest/text_scan.h"

namespace jixiao {
namespace {

enum class Mark { kNone, kFormTitle, kNarrative, kHeader };

// Byte offsets inside `text` where a part starts after other text.
std::vector<std::size_t> inline_part_starts(std::string_view text) {
  std::vector<std::size_t> cuts;
  for (std::size_t from = 0;;) {
    std::size_t end = 0;
    std::size_t pos = find_form_title(text, from, &end);
    if (pos == std::string_view::npos) break;
    if (pos > 0) cuts.push_back(pos);
    from = std::max(end, from + 1);  // past this title: no second match inside it
  }
  for (std::size_t offset = 0; offset < text.size();) {
    std::size_t pos = find_inline_narrative_marker(text.substr(offset));
    if (pos == std::string_view::npos) break;
    cuts.push_back(offset + pos);
    offset += pos + 1;
  }
  for (std::size_t offset = 0; offset < text.size();) {
    std::size_t pos = find_inline_section_heading(text.substr(offset));
    if (pos == std::string_view::npos) break;
    cuts.push_back(offset + pos);
    offset += pos + 1;
  }
  std::sort(cuts.begin(), cuts.end());
  cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
  return cuts;
}

TextLines split_inline_parts(TextLines lines) {
  TextLines out;
  out.reserve(lines.size());
  for (TextLine& line : lines) {
    std::vector<std::size_t> cuts = inline_part_starts(line.text);
    if (cuts.empty()) {
      out.push_back(std::move(line));
      continue;
    }
    std::size_t start = 0;
    cuts.push_back(line.text.size());
    for (std::size_t cut : cuts) {
      std::string_view raw = std::string_view(line.text).substr(start, cut - start);
      std::vector<std::size_t> joined;
      std::string piece = normalize_line(raw, joined);
      // The line was normalised already, so the piece is the raw part trimmed; the offsets
      // where the whole line lost letter-spacing move with it.
      std::size_t lead = raw.find_first_not_of(' ');
      if (lead != std::string_view::npos && raw.substr(lead, piece.size()) == piece) {
        for (std::size_t offset : line.joined)
          if (offset > start + lead && offset < start + lead + piece.size())
            joined.push_back(offset - start - lead);
        std::sort(joined.begin(), joined.end());
        joined.erase(std::unique(joined.begin(), joined.end()), joined.end());
      }
      if (!piece.empty())
        out.push_back(TextLine{std::move(piece), line.number, line.box, false, std::move(joined)});
      start = cut;
    }
  }
  return out;
}

bool mentions_project_name_label(std::string_view text) {
  std::size_t length = 0;
  return find_fuzzy(text, "项目名称", 0, length) != std::string_view::npos;
}

bool is_narrative_body_start(std::string_view text) {
  return match_section_heading(text) || match_sub_project_heading(text) ||
         match_project_name_line(text);
}

// A line that opens a new numbered chapter of the surrounding document ("五、国有资产占有使用
// 情况"): the end of the header paragraph in budget books.
bool is_chapter_heading(std::string_view text) {
  std::size_t run = chinese_numeral_run(text, 0);
  return run > 0 && starts_with(text.substr(run), "、");
}

}  // namespace

DocumentParts segment_document(TextLines input) {
  DocumentParts parts;
  parts.lines = split_inline_parts(std::move(input));
  const TextLines& lines = parts.lines;
  const std::size_t n = lines.size();

  std::vector<Mark> candidate(n, Mark::kNone);
  for (std::size_t i = 0; i < n; ++i) {
    const std::string& text = lines[i].text;
    if (is_header_heading(text)) {
      candidate[i] = Mark::kHeader;
    } else if (find_form_title(text) == 0) {
      candidate[i] = Mark::kFormTitle;
    } else if (match_narrative_marker(text)) {
      candidate[i] = Mark::kNarrative;
    }
  }

  std::vector<Mark> mark(n, Mark::kNone);
  for (std::size_t i = 0; i < n; ++i) {
    switch (candidate[i]) {
      case Mark::kNone:
        break;
      case Mark::kHeader:
        mark[i] = Mark::kHeader;
        break;
      case Mark::kFormTitle: {
        std::string_view rest = lines[i].text;
        bool accepted = mentions_project_name_label(rest.substr(1));
        for (std::size_t k = i + 1; !accepted && k < n && k <= i + 8; ++k) {
          if (candidate[k] != Mark::kNone) break;
          accepted = mentions_project_name_label(lines[k].text);
        }
        if (accepted) mark[i] = Mark::kFormTitle;
        break;
      }
      case Mark::kNarrative: {
        bool accepted = false;
        for (std::size_t k = i + 1; !accepted && k < n && k <= i + 4; ++k) {
          if (candidate[k] != Mark::kNone) break;
          accepted = is_narrative_body_start(lines[k].text);
        }
        if (accepted) mark[i] = Mark::kNarrative;
        break;
      }
    }
  }

  auto next_mark = [&](std::size_t from) {
    for (std::size_t k = from; k < n; ++k)
      if (mark[k] != Mark::kNone) return k;
    return n;
  };

  std::size_t first = next_mark(0);
  parts.title = LineRange{0, std::min<std::size_t>(first, 8)};
  for (std::size_t i = 0; i < n; ++i) {
    switch (mark[i]) {
      case Mark::kNone:
        break;
      case Mark::kHeader: {
        std::size_t end = std::min(next_mark(i + 1), i + 13);
        for (std::size_t k = i + 1; k < end; ++k) {
          if (is_chapter_heading(lines[k].text)) {
            end = k;
            break;
          }
        }
        if (!parts.header) parts.header = LineRange{i, end};
        break;
      }
      case Mark::kNarrative:
        parts.narratives.push_back(LineRange{i, next_mark(i + 1)});
        break;
      case Mark::kFormTitle:
        parts.forms.push_back(FormRegion{LineRange{i, next_mark(i + 1)},
                                         form_title_number(lines[i].text)});
        break;
    }
  }
  if (!parts.header) {
    // No heading: the claims paragraph may still stand before the first part.
    for (std::size_t i = 0; i < first; ++i) {
      if (contains(strip_whitespace(lines[i].text), "编报绩效目标的项目")) {
        std::size_t begin = i >= 3 ? i - 3 : 0;
        parts.header = LineRange{begin, std::min(first, i + 4)};
        break;
      }
    }
  }
  return parts;
}

}  // namespace jixiao

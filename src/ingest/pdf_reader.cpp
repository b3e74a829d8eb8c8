#include "ingest/pdf_reader.h"

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-page.h>

#include <algorithm>
#include <climits>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "ingest/normalize.h"
#include "ingest/pdf_layout.h"

namespace jixiao {
namespace {

// poppler writes syntax warnings of damaged files to stderr; the caller gets our Error instead.
void silence_poppler() {
  static std::once_flag once;
  std::call_once(once, [] {
    poppler::set_debug_error_function([](const std::string&, void*) {}, nullptr);
  });
}

// poppler gives UTF-16; convert directly (its to_utf8 goes through iconv and a byte_array).
std::string utf16_to_utf8(const poppler::ustring& s) {
  std::string out;
  out.reserve(s.size() * 3);
  for (std::size_t i = 0; i < s.size(); ++i) {
    char32_t cp = s[i];
    if (cp >= 0xD800 && cp <= 0xDBFF && i + 1 < s.size() && s[i + 1] >= 0xDC00 &&
        s[i + 1] <= 0xDFFF) {
      cp = 0x10000 + ((cp - 0xD800) << 10) + (s[i + 1] - 0xDC00);
      ++i;
    } else if (cp >= 0xD800 && cp <= 0xDFFF) {
      cp = 0xFFFD;
    }
    append_utf8(out, cp);
  }
  return out;
}

// One em of the word's font: the advance of its first CJK ideograph (ideographs are square),
// or 0 when it has none. Capped by the box height, which letter spacing cannot stretch.
double ideograph_em(const poppler::text_box& box, const poppler::ustring& text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    char32_t c = text[i];
    if (c >= 0xD800 && c <= 0xDFFF) return 0;  // glyph indices stop matching code units
    if (c >= 0x3400 && is_cjk(c)) {
      double width = box.char_bbox(i).width();
      return width > 0 ? std::min(width, box.bbox().height()) : 0;
    }
  }
  return 0;
}

Error pdf_error(std::string_view source, std::string message) {
  return Error{std::string(source), 0, "", std::move(message)};
}

// A complete PDF ends with "%%EOF" (possibly followed by a little whitespace or junk).
bool has_end_marker(std::string_view bytes) {
  constexpr std::size_t kTail = 2048;
  std::string_view tail = bytes.size() > kTail ? bytes.substr(bytes.size() - kTail) : bytes;
  return tail.find("%%EOF") != std::string_view::npos;
}

bool has_visible_text(const std::vector<PdfPageWords>& pages) {
  for (const PdfPageWords& page : pages)
    for (const PdfWord& w : page.words)
      for (char c : w.text)
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return true;
  return false;
}

}  // namespace

bool looks_like_pdf(std::string_view bytes) {
  std::size_t i = 0;
  while (i < bytes.size() && i < 1024 &&
         (bytes[i] == ' ' || bytes[i] == '\t' || bytes[i] == '\r' || bytes[i] == '\n' ||
          bytes[i] == '\0'))
    ++i;
  return bytes.substr(i, 5) == "%PDF-";
}

Result<TextLines> read_pdf_lines(std::string_view bytes, std::string_view source) {
  silence_poppler();
  if (!looks_like_pdf(bytes)) return pdf_error(source, "不是 PDF 文件（缺少 %PDF- 文件头）");
  if (bytes.size() > static_cast<std::size_t>(INT_MAX))
    return pdf_error(source, "PDF 文件过大（超过 2 GB），无法读取");
  if (!has_end_marker(bytes))
    return pdf_error(source, "PDF 文件不完整（缺少结尾 %%EOF，可能被截断）");

  std::unique_ptr<poppler::document> doc(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (!doc) return pdf_error(source, "PDF 文件已损坏，无法打开");
  if (doc->is_locked()) return pdf_error(source, "PDF 已加密，需要密码才能读取");
  int page_count = doc->pages();
  if (page_count <= 0) return pdf_error(source, "PDF 没有页面");

  std::vector<PdfPageWords> pages;
  pages.reserve(static_cast<std::size_t>(page_count));
  for (int i = 0; i < page_count; ++i) {
    std::unique_ptr<poppler::page> page(doc->create_page(i));
    if (!page) return pdf_error(source, "PDF 第 " + std::to_string(i + 1) + " 页已损坏，无法读取");
    PdfPageWords words;
    words.page = i + 1;
    poppler::rectf rect = page->page_rect();
    // Word boxes come in the displayed orientation; a page turned by 90° swaps its sides.
    bool turned = page->orientation() == poppler::page::landscape ||
                  page->orientation() == poppler::page::seascape;
    words.width = turned ? rect.height() : rect.width();
    words.height = turned ? rect.width() : rect.height();
    std::vector<poppler::text_box> boxes = page->text_list();
    words.words.reserve(boxes.size());
    for (const poppler::text_box& box : boxes) {
      poppler::rectf r = box.bbox();
      poppler::ustring text = box.text();
      words.words.push_back(PdfWord{utf16_to_utf8(text), r.left(), r.top(), r.right(), r.bottom(),
                                    box.has_space_after(), ideograph_em(box, text)});
    }
    pages.push_back(std::move(words));
  }
  if (!has_visible_text(pages))
    return pdf_error(source, "PDF 无文本层（可能是扫描件），需先 OCR");
  return assemble_pdf_lines(pages);
}

}  // namespace jixiao

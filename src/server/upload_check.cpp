#include "server/upload_check.h"

#include <array>

#include "ingest/decode.h"

namespace jixiao::server {

namespace {

struct Magic {
  std::string_view bytes;
  std::string_view what;
};

constexpr std::string_view kAdvice = "请上传 PDF 或文本（.txt，UTF-8 或 GBK 编码）格式的申报表。";

}  // namespace

Result<UploadKind> check_upload(std::string_view bytes, std::string_view filename) {
  const std::string name(filename);
  if (bytes.empty()) return Error{name, 0, "file", "文件是空的。" + std::string(kAdvice)};
  // PDF files may carry a few bytes of junk before the header (the PDF spec allows 1024).
  if (bytes.substr(0, 1024).find("%PDF-") != std::string_view::npos) return UploadKind::kPdf;

  using namespace std::string_view_literals;  // "…"sv keeps embedded NUL bytes
  static constexpr std::array<Magic, 10> kKnown{{
      {"PK\x03\x04"sv, "ZIP 压缩包或 Word/Excel（.docx/.xlsx）文件"},
      {"\xD0\xCF\x11\xE0"sv, "旧版 Word/Excel（.doc/.xls）文件"},
      {"\x89PNG"sv, "PNG 图片"},
      {"\xFF\xD8\xFF"sv, "JPEG 图片"},
      {"GIF8"sv, "GIF 图片"},
      {"II*\x00"sv, "TIFF 图片"},
      {"MM\x00*"sv, "TIFF 图片"},
      {"\x1F\x8B"sv, "gzip 压缩包"},
      {"Rar!"sv, "RAR 压缩包"},
      {"7z\xBC\xAF"sv, "7z 压缩包"},
  }};
  for (const Magic& magic : kKnown) {
    if (bytes.starts_with(magic.bytes)) {
      return Error{name, 0, "file",
                   "这是" + std::string(magic.what) + "，无法读取。" + std::string(kAdvice)};
    }
  }
  if (bytes.starts_with("{\\rtf")) {
    return Error{name, 0, "file", "这是 RTF 文档，无法读取。" + std::string(kAdvice)};
  }
  auto decoded = decode_text(bytes, filename);
  if (!decoded) {
    return Error{name, decoded.error().line, "file",
                 "不是可读的 PDF 或文本文件：" + decoded.error().message + " " + std::string(kAdvice)};
  }
  return UploadKind::kText;
}

}  // namespace jixiao::server

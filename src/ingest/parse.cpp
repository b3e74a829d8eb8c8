#include "ingest/parse.h"

#include <fstream>
#include <memory>

#include <openssl/evp.h>

#include "ingest/decode.h"
#include "ingest/document.h"
#include "ingest/layout.h"
#include "ingest/lines.h"
#include "ingest/normalize.h"
#include "ingest/pdf_reader.h"

namespace jixiao {
namespace {

std::string sha256_of(std::string_view bytes) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  // Fetched once: EVP_sha256() makes every EVP_DigestInit_ex look the algorithm up among the
  // providers again (≈ 130,000 instructions per file, more than hashing a small file).
  static EVP_MD* const fetched = EVP_MD_fetch(nullptr, "SHA256", nullptr);
  const EVP_MD* md = fetched != nullptr ? fetched : EVP_sha256();
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free);
  if (!ctx || EVP_DigestInit_ex(ctx.get(), md, nullptr) != 1 ||
      EVP_DigestUpdate(ctx.get(), bytes.data(), bytes.size()) != 1 ||
      EVP_DigestFinal_ex(ctx.get(), digest, &length) != 1)
    return {};
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(length * 2);
  for (unsigned int i = 0; i < length; ++i) {
    out.push_back(kHex[digest[i] >> 4]);
    out.push_back(kHex[digest[i] & 0xF]);
  }
  return out;
}

}  // namespace

Result<Declaration> parse_bytes(std::string_view bytes, std::string_view source) {
  TextLines lines;
  Layout layout = Layout::kPdf;
  std::string encoding;
  if (looks_like_pdf(bytes)) {
    auto pdf = read_pdf_lines(bytes, source);
    if (!pdf) return pdf.error();
    lines = std::move(*pdf);
    for (TextLine& line : lines) line.text = normalize_line(line.text);
  } else {
    auto decoded = decode_text(bytes, source);
    if (!decoded) return decoded.error();
    lines = split_lines(decoded->text);
    layout = detect_layout(lines);
    encoding = decoded->encoding;
  }
  auto declaration = parse_document_lines(std::move(lines), layout, source);
  if (!declaration) return declaration;
  declaration->sha256 = sha256_of(bytes);
  declaration->encoding = encoding;
  return declaration;
}

Result<Declaration> parse_file(const std::filesystem::path& path) {
  std::string source = path.string();
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec))
    return Error{source, 0, "", "是目录，不是文件"};
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error{source, 0, "", "无法打开文件（不存在或没有读权限）"};
  // Read in blocks (an istreambuf_iterator copies byte by byte: 2 % of `check`).
  std::string bytes;
  std::uintmax_t size = std::filesystem::file_size(path, ec);
  if (!ec) bytes.reserve(static_cast<std::size_t>(size));
  char block[1 << 16];
  while (in) {
    in.read(block, sizeof block);
    bytes.append(block, static_cast<std::size_t>(in.gcount()));
  }
  if (in.bad()) return Error{source, 0, "", "读取文件失败"};
  return parse_bytes(bytes, source);
}

}  // namespace jixiao

#include "ingest/decode.h"

#include <dlfcn.h>

#include <algorithm>
#include <memory>
#include <vector>

// Only ICU's declarations: the library itself is loaded on first use (see IcuApi).
#include <unicode/ucnv.h>
#include <unicode/ustring.h>
#include <unicode/uversion.h>

namespace jixiao {
namespace {

using Bytes = std::string_view;

unsigned char byte_at(Bytes s, std::size_t i) { return static_cast<unsigned char>(s[i]); }

int line_of(Bytes bytes, std::size_t offset) {
  offset = std::min(offset, bytes.size());
  return 1 + static_cast<int>(std::count(bytes.begin(), bytes.begin() + static_cast<long>(offset), '\n'));
}

Error make_error(std::string_view source, int line, std::string message) {
  return Error{std::string(source), line, "", std::move(message)};
}

// Outcome of a strict UTF-8 scan: where the first bad byte is, and whether the only problem is
// a character cut off by the end of the input.
struct Utf8Scan {
  bool valid = true;
  bool truncated_at_end = false;
  std::size_t bad_offset = 0;
  std::size_t multibyte_chars = 0;
};

Utf8Scan scan_utf8(Bytes s) {
  Utf8Scan out;
  std::size_t i = 0;
  while (i < s.size()) {
    unsigned char c = byte_at(s, i);
    if (c < 0x80) {
      ++i;
      continue;
    }
    // The common case first: a three-byte character whose lead allows any continuation bytes
    // (E1–EC, EE, EF: not E0 with its overlong forms nor ED with the surrogates) — most Chinese.
    if (c >= 0xE1 && c != 0xED && c <= 0xEF && i + 2 < s.size() &&
        (byte_at(s, i + 1) & 0xC0) == 0x80 && (byte_at(s, i + 2) & 0xC0) == 0x80) {
      ++out.multibyte_chars;
      i += 3;
      continue;
    }
    int len = 0;
    unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
    if (c >= 0xC2 && c <= 0xDF) {
      len = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      if (c == 0xE0) lo = 0xA0;       // no overlong forms
      if (c == 0xED) hi = 0x9F;       // no surrogates
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      if (c == 0xF0) lo = 0x90;
      if (c == 0xF4) hi = 0x8F;
    } else {
      out.valid = false;
      out.bad_offset = i;
      return out;
    }
    for (int k = 1; k < len; ++k) {
      std::size_t at = i + static_cast<std::size_t>(k);
      if (at >= s.size()) {
        out.valid = false;
        out.truncated_at_end = true;
        out.bad_offset = i;
        return out;
      }
      unsigned char cc = byte_at(s, at);
      unsigned char min = k == 1 ? lo : 0x80, max = k == 1 ? hi : 0xBF;
      if (cc < min || cc > max) {
        out.valid = false;
        out.bad_offset = i;
        return out;
      }
    }
    ++out.multibyte_chars;
    i += static_cast<std::size_t>(len);
  }
  return out;
}

// Share of GB18030 multi-byte characters that are GB2312 punctuation (lead A1–A3) or GB2312
// hanzi (lead B0–F7), trail A1–FE. Real simplified-Chinese text is almost all of these; Big5,
// Shift-JIS or Latin text read as GB18030 is not (Big5 puts common hanzi on leads A4–AF and
// trails 40–7E). Returns the count of multi-byte characters through `multibyte`.
double gb2312_share(Bytes s, std::size_t& multibyte) {
  std::size_t core = 0;
  multibyte = 0;
  for (std::size_t i = 0; i < s.size();) {
    unsigned char c = byte_at(s, i);
    if (c < 0x80 || i + 1 >= s.size()) {
      ++i;
      continue;
    }
    unsigned char t = byte_at(s, i + 1);
    ++multibyte;
    if (t >= 0x30 && t <= 0x39) {  // four-byte sequence: rare characters
      i += 4;
      continue;
    }
    bool gb2312_row = (c >= 0xA1 && c <= 0xA3) || (c >= 0xB0 && c <= 0xF7);
    if (gb2312_row && t >= 0xA1 && t <= 0xFE) ++core;
    i += 2;
  }
  return multibyte == 0 ? 1.0 : static_cast<double>(core) / static_cast<double>(multibyte);
}

// ICU is loaded with dlopen the first time a file needs GB18030, not linked: linking it cost
// every `jixiao` process ≈ 1.8 ms of start-up (docs/performance.md, "PDF ingest, fourth pass"),
// and most inputs (UTF-8 text, PDFs) never use it. It stays ICU, not glibc's iconv, because the
// two disagree: glibc maps 24 GB18030 codes (A6D9–A6F3, FE51–FEA0) to the 2022 code points, ICU
// 72 to the 2005 ones, and they classify some cut-off four-byte sequences differently. ICU's
// exported names carry its major version (ucnv_open_72), which the header's macros supply.
#define JIXIAO_STR2(x) #x
#define JIXIAO_STR(x) JIXIAO_STR2(x)
#define JIXIAO_ICU_FUNCTIONS(X)                                                              \
  X(ucnv_open) X(ucnv_close) X(ucnv_setToUCallBack) X(ucnv_setFromUCallBack) X(ucnv_toUnicode) \
  X(ucnv_getInvalidChars) X(ucnv_fromUChars) X(u_strToUTF8) X(u_strFromUTF8) X(u_errorName)    \
  X(UCNV_TO_U_CALLBACK_STOP) X(UCNV_FROM_U_CALLBACK_STOP)

constexpr const char* kIcuLibrary = "libicuuc.so." JIXIAO_STR(U_ICU_VERSION_MAJOR_NUM);

struct IcuApi {
  bool ok = false;
#define JIXIAO_ICU_MEMBER(name) decltype(&::name) name##_ = nullptr;
  JIXIAO_ICU_FUNCTIONS(JIXIAO_ICU_MEMBER)
#undef JIXIAO_ICU_MEMBER
};

IcuApi load_icu() {
  IcuApi api;
  void* lib = dlopen(kIcuLibrary, RTLD_NOW | RTLD_LOCAL);  // kept for the process's lifetime
  if (lib == nullptr) return api;
  bool all = true;
#define JIXIAO_ICU_LOAD(name)                                                 \
  api.name##_ = reinterpret_cast<decltype(&::name)>(dlsym(lib, JIXIAO_STR(name))); \
  all = all && api.name##_ != nullptr;
  JIXIAO_ICU_FUNCTIONS(JIXIAO_ICU_LOAD)
#undef JIXIAO_ICU_LOAD
  api.ok = all;
  return api;
}

// ICU's functions, loaded once per process; `ok` is false when the library cannot be loaded.
const IcuApi& icu() {
  static const IcuApi api = load_icu();
  return api;
}

std::string icu_unavailable() {
  return std::string("无法解码 GB18030：未能加载 ICU 库（") + kIcuLibrary + "）";
}

struct ConverterCloser {
  void operator()(UConverter* c) const { icu().ucnv_close_(c); }
};
using Converter = std::unique_ptr<UConverter, ConverterCloser>;

Converter open_gb18030(UErrorCode& status) {
  const IcuApi& api = icu();
  Converter conv(api.ucnv_open_("GB18030", &status));
  if (U_FAILURE(status)) return nullptr;
  api.ucnv_setToUCallBack_(conv.get(), api.UCNV_TO_U_CALLBACK_STOP_, nullptr, nullptr, nullptr,
                           &status);
  api.ucnv_setFromUCallBack_(conv.get(), api.UCNV_FROM_U_CALLBACK_STOP_, nullptr, nullptr,
                             nullptr, &status);
  return conv;
}

// Result of a strict GB18030 → UTF-8 conversion.
struct Gb18030Decode {
  bool ok = false;
  bool no_icu = false;  // ICU could not be loaded
  bool truncated = false;
  std::size_t bad_offset = 0;
  std::string utf8;
};

Gb18030Decode decode_gb18030(Bytes bytes) {
  Gb18030Decode out;
  if (!icu().ok) {
    out.no_icu = true;
    return out;
  }
  UErrorCode status = U_ZERO_ERROR;
  Converter conv = open_gb18030(status);
  if (!conv) return out;
  std::vector<UChar> utf16(bytes.size() + 1);
  const char* src = bytes.data();
  const char* src_end = bytes.data() + bytes.size();
  UChar* dst = utf16.data();
  icu().ucnv_toUnicode_(conv.get(), &dst, utf16.data() + utf16.size(), &src, src_end, nullptr,
                 /*flush=*/true, &status);
  if (U_FAILURE(status)) {
    char invalid[32];
    int8_t invalid_len = sizeof(invalid);
    UErrorCode ignore = U_ZERO_ERROR;
    icu().ucnv_getInvalidChars_(conv.get(), invalid, &invalid_len, &ignore);
    std::size_t consumed = static_cast<std::size_t>(src - bytes.data());
    out.bad_offset = consumed >= static_cast<std::size_t>(invalid_len)
                         ? consumed - static_cast<std::size_t>(invalid_len)
                         : 0;
    out.truncated = status == U_TRUNCATED_CHAR_FOUND;
    return out;
  }
  int32_t length16 = static_cast<int32_t>(dst - utf16.data());
  int32_t length8 = 0;
  status = U_ZERO_ERROR;
  icu().u_strToUTF8_(nullptr, 0, &length8, utf16.data(), length16, &status);
  if (status != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(status)) return out;
  out.utf8.resize(static_cast<std::size_t>(length8));
  status = U_ZERO_ERROR;
  icu().u_strToUTF8_(out.utf8.data(), length8, &length8, utf16.data(), length16, &status);
  if (U_FAILURE(status)) return out;
  out.ok = true;
  return out;
}

bool is_control(unsigned char c) {
  return (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v') || c == 0x7F;
}

bool only_whitespace(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
  });
}

}  // namespace

bool is_valid_utf8(std::string_view bytes) { return scan_utf8(bytes).valid; }

Result<DecodedText> decode_text(std::string_view bytes, std::string_view source) {
  if (bytes.empty()) return make_error(source, 0, "空文件（0 字节）");
  auto starts_with = [&](std::string_view prefix) { return bytes.substr(0, prefix.size()) == prefix; };
  if (starts_with("\xFF\xFE") || starts_with("\xFE\xFF"))
    return make_error(source, 0, "不支持的编码 UTF-16（只接受 UTF-8 和 GB18030/GBK）");

  // Binary: a NUL byte anywhere, or more than a handful of other control bytes. Both checks are
  // valid before decoding: neither UTF-8 nor GB18030 uses bytes below 0x30 inside a character.
  std::size_t controls = 0, first_control = 0;
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    unsigned char c = byte_at(bytes, i);
    if (c >= 0x20 && c != 0x7F) continue;  // nearly every byte: neither NUL nor a control
    if (c == 0)
      return make_error(source, line_of(bytes, i), "二进制文件（含 NUL 字节），不是文本");
    if (is_control(c) && controls++ == 0) first_control = i;
  }
  if (controls > 8 || controls * 200 > bytes.size())
    return make_error(source, line_of(bytes, first_control),
                      "二进制文件（含 " + std::to_string(controls) + " 个控制字符），不是文本");

  bool bom = starts_with("\xEF\xBB\xBF");
  Bytes body = bom ? bytes.substr(3) : bytes;
  std::size_t body_start = bom ? 3 : 0;
  DecodedText out;
  Utf8Scan scan = scan_utf8(body);
  if (scan.valid) {
    out.text = std::string(body);
    out.encoding = "UTF-8";
  } else if (scan.truncated_at_end) {
    return make_error(source, line_of(bytes, body_start + scan.bad_offset),
                      "文件被截断：末尾的 UTF-8 字符不完整");
  } else if (bom) {
    return make_error(source, line_of(bytes, body_start + scan.bad_offset),
                      "UTF-8 编码错误：文件以 UTF-8 BOM 开头，但含有无效的 UTF-8 字节序列");
  } else {
    Gb18030Decode gb = decode_gb18030(body);
    if (gb.no_icu) return make_error(source, 0, icu_unavailable());
    if (gb.truncated)
      return make_error(source, line_of(bytes, gb.bad_offset),
                        "文件被截断：末尾的 GB18030 字符不完整");
    if (!gb.ok)
      return make_error(source, line_of(bytes, gb.bad_offset),
                        "无法识别的编码：字节序列既不是有效的 UTF-8，也不是有效的 GB18030/GBK");
    std::size_t multibyte = 0;
    double share = gb2312_share(body, multibyte);
    if (multibyte >= 20 && share < 0.7)
      return make_error(source, 0,
                        "无法识别的编码：按 GB18030 解码后不像中文文本（可能是 Big5、Shift-JIS 等）");
    out.text = std::move(gb.utf8);
    out.encoding = "GB18030";
  }
  if (only_whitespace(out.text)) return make_error(source, 0, "空文件（只有空白字符）");
  return out;
}

Result<std::string> encode_gb18030(std::string_view utf8) {
  if (!is_valid_utf8(utf8)) return Error{"", 0, "", "输入不是有效的 UTF-8"};
  if (!icu().ok) return Error{"", 0, "", icu_unavailable()};
  UErrorCode status = U_ZERO_ERROR;
  int32_t length16 = 0;
  icu().u_strFromUTF8_(nullptr, 0, &length16, utf8.data(), static_cast<int32_t>(utf8.size()), &status);
  if (status != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(status))
    return Error{"", 0, "", icu().u_errorName_(status)};
  std::vector<UChar> utf16(static_cast<std::size_t>(length16) + 1);
  status = U_ZERO_ERROR;
  icu().u_strFromUTF8_(utf16.data(), length16 + 1, &length16, utf8.data(),
                static_cast<int32_t>(utf8.size()), &status);
  if (U_FAILURE(status)) return Error{"", 0, "", icu().u_errorName_(status)};
  Converter conv = open_gb18030(status);
  if (!conv) return Error{"", 0, "", icu().u_errorName_(status)};
  std::string out(static_cast<std::size_t>(length16) * 4 + 16, '\0');
  int32_t written = icu().ucnv_fromUChars_(conv.get(), out.data(), static_cast<int32_t>(out.size()),
                                    utf16.data(), length16, &status);
  if (U_FAILURE(status)) return Error{"", 0, "", icu().u_errorName_(status)};
  out.resize(static_cast<std::size_t>(written));
  return out;
}

}  // namespace jixiao

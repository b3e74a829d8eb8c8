// libFuzzer target over the text parser: any bytes into parse_bytes, then the result through the
// JSON contract. A crash, sanitizer report, uncaught exception (e.g. invalid UTF-8 reaching
// nlohmann::json::dump) or hang is a bug. PDF input is left out: it is poppler's parser, not ours.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include <nlohmann/json.hpp>

#include "ingest/parse.h"
#include "ingest/pdf_reader.h"
#include "model/json_io.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  if (jixiao::looks_like_pdf(bytes)) return -1;  // not added to the corpus
  auto declaration = jixiao::parse_bytes(bytes, "fuzz-input.txt");
  if (!declaration) {
    (void)declaration.error().describe();
    return 0;
  }
  // What `jixiao parse --format json` prints must be serialisable and read back.
  nlohmann::json j = jixiao::to_json(*declaration);
  std::string text = j.dump();
  auto back = jixiao::declaration_from_json(nlohmann::json::parse(text));
  if (!back) __builtin_trap();  // the contract must read what it writes
  return 0;
}

// `jixiao parse FILE... [--format json|text]`: reads declarations (text or PDF) and prints the
// typed model — JSON per docs/json-contract.md (one file: the object; several: an array), or a
// Chinese summary. A bad file gets one line "FILE: reason" on stderr and exit status 2; the
// other files are still read and printed.
#include <iostream>
#include <ostream>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "cli/command.h"
#include "cli/parse_summary.h"
#include "ingest/parse.h"
#include "model/json_io.h"

namespace jixiao::cli {
namespace {

struct ParseArgs {
  std::vector<std::string> files;
  std::string format = "json";
};

// Writes `doc` as one element of a JSON array printed with indent 2: exactly the bytes
// nlohmann's `array.dump(2)` would give for it, so that streaming changes no output byte.
// Raw newlines only occur between JSON tokens (strings escape theirs), so re-indenting after
// each '\n' is safe.
void write_array_element(std::ostream& out, const nlohmann::json& doc, bool first) {
  std::string text = doc.dump(2);
  out << (first ? "\n  " : ",\n  ");
  std::size_t start = 0;
  for (std::size_t nl = text.find('\n'); nl != std::string::npos; nl = text.find('\n', start)) {
    out.write(text.data() + start, static_cast<std::streamsize>(nl + 1 - start));
    out << "  ";
    start = nl + 1;
  }
  out.write(text.data() + start, static_cast<std::streamsize>(text.size() - start));
}

// Each document is printed as soon as it is parsed (and then dropped), so memory does not grow
// with the number of files: several files still make one JSON array, one file the object alone.
int run_parse(const ParseArgs& args) {
  int status = kExitOk;
  const bool json = args.format == "json";
  const bool array = json && args.files.size() != 1;
  bool first = true;
  if (array) std::cout << "[";
  for (const std::string& file : args.files) {
    auto declaration = parse_file(file);
    if (!declaration) {
      std::cerr << declaration.error().describe() << "\n";
      status = kExitBadInput;
      continue;
    }
    if (array) {
      write_array_element(std::cout, to_json(*declaration), first);
    } else if (json) {
      std::cout << to_json(*declaration).dump(2) << "\n";
    } else {
      if (!first) std::cout << "\n";
      std::cout << parse_summary(*declaration);
    }
    first = false;
  }
  if (array) std::cout << (first ? "]\n" : "\n]\n");
  return status;
}

RunFunction setup_parse(CLI::App& app) {
  auto args = std::make_shared<ParseArgs>();
  CLI::App* cmd = app.add_subcommand(
      "parse", "读取绩效目标申报文档（UTF-8/GBK 文本或 PDF），输出 JSON 或中文摘要");
  cmd->add_option("files", args->files, "要读取的文件（一个或多个）")->required();
  cmd->add_option("--format", args->format, "输出格式：json（默认）或 text")
      ->check(CLI::IsMember({"json", "text"}));
  return [args] { return run_parse(*args); };
}

const Registrar kReg{"parse", setup_parse};

}  // namespace
}  // namespace jixiao::cli

// `jixiao parse FILE... [--format json|text]`: reads declarations (text or PDF) and prints the
// typed model — JSON per docs/json-contract.md (one file: the object; several: an array), or a
// Chinese summary. A bad file gets one line "FILE: reason" on stderr and exit status 2; the
// other files are still read and printed.
#include <iostream>
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

int run_parse(const ParseArgs& args) {
  int status = kExitOk;
  nlohmann::json documents = nlohmann::json::array();
  bool first_text = true;
  for (const std::string& file : args.files) {
    auto declaration = parse_file(file);
    if (!declaration) {
      std::cerr << declaration.error().describe() << "\n";
      status = kExitBadInput;
      continue;
    }
    if (args.format == "json") {
      documents.push_back(to_json(*declaration));
    } else {
      if (!first_text) std::cout << "\n";
      std::cout << parse_summary(*declaration);
      first_text = false;
    }
  }
  if (args.format == "json") {
    if (args.files.size() == 1) {
      if (!documents.empty()) std::cout << documents.front().dump(2) << "\n";
    } else {
      std::cout << documents.dump(2) << "\n";
    }
  }
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

// `jixiao generate --projects N --seed S [--layout L] [--docs-per-file K] [--size BYTES]
// [--expected] --out DIR`: writes a reproducible corpus of generated declarations (for the
// benchmarks and for testing parsers at scale). See synth/corpus.h.
#include <cctype>
#include <iostream>
#include <memory>
#include <string>

#include "cli/command.h"
#include "synth/corpus.h"

namespace jixiao::cli {
namespace {

struct GenerateArgs {
  std::int64_t projects = 0;
  std::uint64_t seed = 1;
  std::string layout = "mix";
  int docs_per_file = 1;
  int max_projects_per_doc = 15;
  std::string size;
  bool expected = false;
  bool quiet = false;
  std::string out;
};

// "100MB", "1GB", "2048" (bytes); 0 on a malformed size.
std::uint64_t parse_size(const std::string& text) {
  std::size_t i = 0;
  std::uint64_t value = 0;
  while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i])))
    value = value * 10 + static_cast<std::uint64_t>(text[i++] - '0');
  if (i == 0) return 0;
  std::string unit;
  for (; i < text.size(); ++i) unit += static_cast<char>(std::toupper(static_cast<unsigned char>(text[i])));
  if (unit.empty() || unit == "B") return value;
  if (unit == "K" || unit == "KB") return value << 10;
  if (unit == "M" || unit == "MB") return value << 20;
  if (unit == "G" || unit == "GB") return value << 30;
  return 0;
}

int run_generate(const GenerateArgs& args) {
  synth::CorpusOptions options;
  options.projects = args.projects;
  options.seed = args.seed;
  options.docs_per_file = args.docs_per_file;
  options.max_projects_per_doc = args.max_projects_per_doc;
  options.expected = args.expected;
  options.out = args.out;
  auto layout = synth::parse_corpus_layout(args.layout);
  if (!layout) {
    std::cerr << "generate: --layout 只能是 line-broken、tabbed、ocr-flat、pdf 或 mix\n";
    return kExitBadInput;
  }
  options.layout = *layout;
  if (!args.size.empty()) {
    options.max_bytes = parse_size(args.size);
    if (options.max_bytes == 0) {
      std::cerr << "generate: --size 格式不对（例如 100MB、1GB）: " << args.size << "\n";
      return kExitBadInput;
    }
  }
  if (options.projects <= 0 && options.max_bytes == 0) {
    std::cerr << "generate: 需要 --projects N（或 --size）\n";
    return kExitBadInput;
  }
  std::uint64_t next_report = 64ULL << 20;
  auto progress = [&](const synth::CorpusStats& s) {
    if (args.quiet || s.bytes < next_report) return;
    std::cerr << "已生成 " << s.files << " 个文件，" << s.projects << " 个项目，"
              << (s.bytes >> 20) << " MB\n";
    next_report = s.bytes + (64ULL << 20);
  };
  auto stats = synth::write_corpus(options, progress);
  if (!stats) {
    std::cerr << stats.error().describe() << "\n";
    return kExitBadInput;
  }
  std::cout << "生成完成：" << stats->files << " 个文件，" << stats->documents << " 份文档，"
            << stats->projects << " 个项目，" << stats->bytes << " 字节 → " << args.out << "\n";
  return kExitOk;
}

RunFunction setup_generate(CLI::App& app) {
  auto args = std::make_shared<GenerateArgs>();
  CLI::App* cmd = app.add_subcommand("generate", "生成可复现的模拟申报文档语料（测试与基准用）");
  cmd->add_option("--projects", args->projects, "项目总数");
  cmd->add_option("--seed", args->seed, "随机种子（相同种子生成相同语料）");
  cmd->add_option("--layout", args->layout, "版式：line-broken、tabbed、ocr-flat、pdf 或 mix（默认）");
  cmd->add_option("--docs-per-file", args->docs_per_file, "每个文本文件包含的文档数（默认 1）")
      ->check(CLI::Range(1, 100000));
  cmd->add_option("--max-projects-per-doc", args->max_projects_per_doc, "每份文档最多项目数（默认 15）")
      ->check(CLI::Range(1, 1000));
  cmd->add_option("--size", args->size, "语料大小上限（例如 100MB）；达到后停止");
  cmd->add_flag("--expected", args->expected, "同时写出每个文件的期望模型 NAME.expected.json");
  cmd->add_flag("--quiet", args->quiet, "不输出进度");
  cmd->add_option("--out", args->out, "输出目录")->required();
  return [args] { return run_generate(*args); };
}

const Registrar kReg{"generate", setup_generate};

}  // namespace
}  // namespace jixiao::cli

// jixiao: the command-line entry point. Subcommands live in cmd_*.cpp and register themselves.
#include <algorithm>
#include <map>

#include "cli/command.h"

namespace jixiao::cli {

std::vector<CommandSpec>& command_registry() {
  static std::vector<CommandSpec> registry;
  return registry;
}

namespace {
std::vector<std::string> g_command_line;
}

const std::vector<std::string>& command_line() { return g_command_line; }

}  // namespace jixiao::cli

int main(int argc, char** argv) {
  using namespace jixiao::cli;
  g_command_line.assign(argv, argv + argc);
  CLI::App app{"jixiao 绩效: 预算绩效目标管理 — read, review, store and serve performance-target declarations"};
  app.require_subcommand(1);
  auto& registry = command_registry();
  std::sort(registry.begin(), registry.end(),
            [](const CommandSpec& a, const CommandSpec& b) { return a.name < b.name; });
  std::map<std::string, RunFunction> runners;
  for (auto& spec : registry) runners[spec.name] = spec.setup(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? kExitOk : kExitBadInput;
  }
  for (auto* sub : app.get_subcommands()) {
    auto it = runners.find(sub->get_name());
    if (it != runners.end()) return it->second();
  }
  return kExitBadInput;
}

// Subcommands register themselves here, one file each (cmd_<name>.cpp), so that adding a
// command touches no shared file.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

namespace jixiao::cli {

// Exit statuses shared by all commands.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFindings = 1;  // `check`: errors were found
inline constexpr int kExitBadInput = 2;  // unreadable input or bad usage

// A setup function adds a subcommand to the app and returns the function that runs it once
// parsed (returning the exit status).
using RunFunction = std::function<int()>;
using SetupFunction = std::function<RunFunction(CLI::App& app)>;

struct CommandSpec {
  std::string name;
  SetupFunction setup;
};

std::vector<CommandSpec>& command_registry();

// The process's arguments as main() received them (argv[0] first).
const std::vector<std::string>& command_line();

// Static registration helper: `static const Registrar kReg{"parse", setup_parse};`
struct Registrar {
  Registrar(std::string name, SetupFunction setup) {
    command_registry().push_back({std::move(name), std::move(setup)});
  }
};

}  // namespace jixiao::cli

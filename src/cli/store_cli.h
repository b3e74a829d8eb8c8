// Shared plumbing of the database commands (ingest, summary, history, search, show, export):
// the --db / --format options, opening the workspace, and number formatting for people.
#pragma once

#include <memory>
#include <string>

#include <CLI/CLI.hpp>
#include <nlohmann/json_fwd.hpp>

#include "model/money.h"
#include "service/workspace.h"

namespace jixiao::cli {

// Adds `--db PATH` (default: $JIXIAO_DB, else ./jixiao.db).
void add_db_option(CLI::App* cmd, std::string& db);
// Adds `--format text|json` (default text).
void add_format_option(CLI::App* cmd, std::string& format);

// Opens the workspace at `db` (or the default path when empty). On failure prints the reason in
// Chinese on stderr and returns null. `must_exist`: a query on a missing database is an error
// rather than creating an empty one.
std::unique_ptr<Workspace> open_workspace(const std::string& db, bool must_exist);

// Options that report on stderr the search re-index of an upgrade (schema 9): a progress line
// redrawn on a terminal, else a line at the start and at every tenth (server logs).
WorkspaceOptions upgrade_reporting_options();

// Prints a JSON value (indented) on stdout.
void print_json(const nlohmann::json& j);
// Prints an error as one line on stderr ("jixiao CMD: message").
void print_error(const std::string& command, const Error& e);

// "6,749.10": 万元 with two decimals and thousands separators.
std::string wan_display(Money m);

// True when stdout is a terminal (colours and highlighting only then).
bool stdout_is_tty();

}  // namespace jixiao::cli

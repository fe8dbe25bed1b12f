// The stratstab command tree, built the same way for the command line (main.cpp) and for each
// request of `stratstab serve` (command_serve.cpp), which runs the very commands the CLI runs.
#pragma once

#include <CLI/CLI.hpp>

#include <functional>

#include "command_data.hpp"

namespace stratstab::app {

/// The description and global options (`--version`, `--data-dir`) of the stratstab command.
void describe_app(CLI::App& app, GlobalOptions& global);

/// Registers every computing command (not `serve`) on `app`; `run` is set to the chosen one's action.
void add_commands(CLI::App& app, const GlobalOptions& global, std::function<int()>& run);

/// Registers `stratstab serve` (command_serve.cpp).
void add_serve_command(CLI::App& app, const GlobalOptions& global, std::function<int()>& run);

}  // namespace stratstab::app

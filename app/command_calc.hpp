// `stratstab calc ...` subcommands: one-off calculations from the command line, with no data files.
#pragma once

#include <CLI/CLI.hpp>

#include <functional>

namespace stratstab::app {

/// Registers `calc kill` and `calc detect` on `app`; `run` is set to the chosen command's action.
void add_calc_commands(CLI::App& app, std::function<int()>& run);

}  // namespace stratstab::app

// `stratstab wta PROBLEM.yaml [--json]`: weapon-target assignment (docs/methods.md §10).
#pragma once

#include <CLI/CLI.hpp>

#include <functional>

namespace stratstab::app {

/// Registers `wta` on `app`; `run` is set to its action.
void add_wta_command(CLI::App& app, std::function<int()>& run);

}  // namespace stratstab::app

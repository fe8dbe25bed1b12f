// The command-line arguments every scenario command shares (`--set`, `--allow-mismatched-force`) and
// the one way they load a scenario: warnings printed to stderr, errors thrown for main to report.
#pragma once

#include <CLI/CLI.hpp>

#include <memory>
#include <string>
#include <vector>

#include "stratstab/catalog.hpp"
#include "stratstab/scenario.hpp"

namespace stratstab::app {

struct ScenarioArgs {
  std::vector<std::string> sets;  ///< `--set KEY=VALUE`, as typed
  bool allow_mismatched_force = false;

  /// The `--set` arguments parsed; throws InputError located at a malformed one.
  [[nodiscard]] std::vector<Override> overrides() const;
  [[nodiscard]] ScenarioReadOptions read_options() const;
};

/// Registers `--set` (with `set_help` as its help) and `--allow-mismatched-force` on `command`.
void add_scenario_args(CLI::App& command, ScenarioArgs& args, const std::string& set_help);

/// Prints each warning among `diagnostics` to stderr (errors are left to the caller).
void print_warnings(const std::vector<Diagnostic>& diagnostics);

/// Loads scenario `name` (bundled name or file) with the arguments' overrides and options, prints
/// its warnings to stderr, throws InputError with every error, and returns it prepared for
/// evaluation (prepare.hpp).
Scenario load_scenario_args(const DataCatalog& catalog, const std::string& name, const ScenarioArgs& args);

/// As load_scenario_args, but the scenario as read (not prepared), for a caller that prepares it
/// itself (an uncertainty run draws figures before the upload).
Scenario read_scenario_args(const DataCatalog& catalog, const std::string& name, const ScenarioArgs& args);

}  // namespace stratstab::app

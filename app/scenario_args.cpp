#include "scenario_args.hpp"
#include "console.hpp"

#include <iostream>

#include "stratstab/prepare.hpp"

namespace stratstab::app {

std::vector<Override> ScenarioArgs::overrides() const {
  return Override::parse_all(sets);
}

ScenarioReadOptions ScenarioArgs::read_options() const {
  ScenarioReadOptions options;
  options.allow_mismatched_force = allow_mismatched_force;
  return options;
}

void add_scenario_args(CLI::App& command, ScenarioArgs& args, const std::string& set_help) {
  command.add_option("--set", args.sets, set_help)->take_all();
  command.add_flag(
      "--allow-mismatched-force", args.allow_mismatched_force,
      "Let a side named for one country take another's snapshot (e.g. --set sides.US.force=ru-2026-11-01); "
      "warned on stderr instead of refused");
}

void print_warnings(const std::vector<Diagnostic>& diagnostics) {
  for (const Diagnostic& d : diagnostics) {
    if (d.severity == Severity::kWarning) console_err() << format_diagnostic(d) << '\n';
  }
}

Scenario read_scenario_args(const DataCatalog& catalog, const std::string& name, const ScenarioArgs& args) {
  LoadResult<Scenario> loaded =
      read_scenario(catalog.scenario_path(name), args.overrides(), &catalog, args.read_options());
  if (loaded.value) print_warnings(loaded.diagnostics);
  return value_or_throw(std::move(loaded));
}

Scenario load_scenario_args(const DataCatalog& catalog, const std::string& name, const ScenarioArgs& args) {
  return prepare_scenario(read_scenario_args(catalog, name, args));
}

}  // namespace stratstab::app

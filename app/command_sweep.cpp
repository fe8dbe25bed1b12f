// `stratstab sweep SCENARIO --param KEY (--values a,b,c | --range FROM:TO:STEP) [--set K=V ...]
// [--json]`: the scenario loaded once per value, with the `--set` overrides and then `KEY=value`, so
// that every value meets the same validation as in the file (a bad one is reported at
// `--set KEY=value`), evaluated as `assess` evaluates it, and presented as one row per value.
#include <iostream>
#include <memory>
#include <set>

#include "command_data.hpp"
#include "exit_codes.hpp"
#include "stratstab/json.hpp"
#include "stratstab/report.hpp"
#include "stratstab/sweep.hpp"

namespace stratstab::app {
namespace {

struct SweepRequest {
  std::string scenario;
  std::string param;
  std::string values;
  std::string range;
  bool use_range = false;  ///< --range was given (its text may be empty, which is an error of its own)
  std::vector<std::string> sets;
  bool json = false;
};

Sweep run_sweep(const SweepRequest& request, const DataCatalog& catalog) {
  check_sweep_param(request.param);
  const std::vector<std::string> values =
      request.use_range ? parse_sweep_range(request.range) : parse_sweep_values(request.values);
  std::vector<Override> overrides;
  for (const std::string& text : request.sets) overrides.push_back(Override::parse(text));
  const std::filesystem::path file = catalog.scenario_path(request.scenario);

  Sweep sweep;
  sweep.param = request.param;
  // Every value is loaded even after one fails, so that all bad values are reported at once; once
  // one has failed the rest are only validated, since nothing will be printed. A problem that does
  // not depend on the value (in the file, or a misspelt --param) comes back for every value and is
  // reported once: diagnostics are told apart with the value left out of the `--set KEY=VALUE` label
  // the loader gives a problem at an overridden key.
  std::vector<Diagnostic> problems;
  std::set<std::string> seen;
  overrides.push_back(Override{request.param, ""});
  for (const std::string& value : values) {
    overrides.back().value = value;
    LoadResult<Scenario> loaded = read_scenario(file, overrides, &catalog);
    if (!loaded.value) {
      const std::string label = "--set " + request.param + "=" + value;
      for (Diagnostic& d : loaded.diagnostics) {
        Diagnostic any_value = d;
        if (any_value.where.file == label) any_value.where.file = "--set " + request.param + "=*";
        if (seen.insert(format_diagnostic(any_value)).second) problems.push_back(std::move(d));
      }
      continue;
    }
    if (!problems.empty()) continue;
    if (sweep.points.empty()) {
      sweep.scenario = loaded.value->name;
      sweep.real = loaded.value->is_real();
    }
    sweep.points.push_back(sweep_point(*loaded.value, value));
  }
  if (!problems.empty()) throw InputError(std::move(problems));
  return sweep;
}

}  // namespace

void add_sweep_command(CLI::App& app, const GlobalOptions& global, std::function<int()>& run) {
  CLI::App* sweep =
      app.add_subcommand("sweep", "First-strike stability as one scenario key runs over values (one row per value)");
  auto request = std::make_shared<SweepRequest>();
  sweep->add_option("SCENARIO", request->scenario, "Scenario file, or the name of a bundled scenario (data/scenarios)")
      ->required();
  sweep
      ->add_option("--param", request->param,
                   "The key to sweep, by its dotted path as --set takes it, e.g. sides.A.abstract.alert")
      ->required();
  CLI::Option_group* over = sweep->add_option_group("values", "The values of the key (one of)");
  over->add_option("--values", request->values, "Comma-separated values, e.g. 0.3,0.5,0.7 or false,true");
  CLI::Option* range = over->add_option(
      "--range", request->range,
      "FROM:TO:STEP, TO included, e.g. 0:1:0.1 (at most " + std::to_string(kMaxSweepPoints) + " points)");
  over->require_option(1);
  sweep->add_option("--set", request->sets, "Override another key at every point, e.g. --set options.posture=generated")
      ->take_all();
  sweep->add_flag("--json", request->json, "Print JSON: scenario, param, points[] (value, index, sides, exchanges)");
  sweep->callback([&run, &global, request, range] {
    request->use_range = range->count() > 0;
    run = [&global, request] {
      const Sweep result = run_sweep(*request, open_catalog(global));
      if (request->json) {
        std::cout << sweep_to_json(result).dump(2) << '\n';
      } else {
        std::cout << format_sweep(result);
      }
      return kExitOk;
    };
  });
}

}  // namespace stratstab::app

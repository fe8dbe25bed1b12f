// `stratstab sweep SCENARIO --param KEY (--values a,b,c | --range FROM:TO:STEP) [--set K=V ...]
// [--json]`: the scenario loaded per value, with the `--set` overrides and then `KEY=value`, so
// that every value meets the same validation as in the file (a bad one is reported at
// `--set KEY=value`), evaluated as `assess` evaluates it, and presented as one row per value,
// printed as soon as it is computed. Every value is checked before the first is evaluated.
#include <iostream>
#include <memory>
#include <optional>
#include <set>
#include <thread>

#include <fmt/format.h>

#include "command_data.hpp"
#include "exit_codes.hpp"
#include "option_values.hpp"
#include "progress.hpp"
#include "scenario_args.hpp"
#include "stratstab/inactive_key.hpp"
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
  ScenarioArgs args;
  bool json = false;
  std::string samples;  ///< --samples N: a band per point from the uncertain inputs
  std::string seed = "1";
  std::string threads = "0";
  bool quiet = false;
};

/// The sweep's values, checked, and what its table needs: every value is loaded once before any is
/// evaluated, so that all bad values are reported at once and nothing is printed for a sweep that
/// cannot run. A problem that does not depend on the value (in the file, or a misspelt --param)
/// comes back for every value and is reported once: diagnostics are told apart with the value left
/// out of the `--set KEY=VALUE` label the loader gives a problem at an overridden key. Warnings are
/// printed once.
struct CheckedSweep {
  std::vector<std::string> values;
  std::vector<Override> overrides;  ///< the --set overrides, then `param=` (its value set per point)
  Sweep sweep;                      ///< scenario, param, form and why the key is inactive; no points yet
  std::array<std::string, 2> sides;
};

CheckedSweep check_sweep(const SweepRequest& request, const std::filesystem::path& file, const DataCatalog& catalog) {
  check_sweep_param(request.param);
  CheckedSweep checked;
  checked.values = request.use_range ? parse_sweep_range(request.range) : parse_sweep_values(request.values);
  checked.overrides = request.args.overrides();
  checked.sweep.param = request.param;
  checked.overrides.push_back(Override{request.param, ""});
  std::vector<Diagnostic> problems;
  std::vector<Diagnostic> warnings;
  std::set<std::string> seen;
  bool first = true;
  for (const std::string& value : checked.values) {
    checked.overrides.back().value = value;
    LoadResult<Scenario> loaded = read_scenario(file, checked.overrides, &catalog, request.args.read_options());
    const std::string label = "--set " + request.param + "=" + value;
    for (Diagnostic& d : loaded.diagnostics) {
      Diagnostic any_value = d;
      if (any_value.where.file == label) any_value.where.file = "--set " + request.param + "=*";
      if (!seen.insert(format_diagnostic(any_value)).second) continue;
      (d.severity == Severity::kError ? problems : warnings).push_back(std::move(d));
    }
    if (!loaded.value || !first) continue;
    first = false;
    const Scenario& scenario = *loaded.value;
    checked.sweep.scenario = scenario.name;
    checked.sweep.real = scenario.is_real();
    checked.sweep.inactive = inactive_key_reason(scenario, request.param).value_or("");
    checked.sides = {scenario.sides[0].id, scenario.sides[1].id};
  }
  if (!problems.empty()) throw InputError(std::move(problems));
  print_warnings(warnings);
  return checked;
}

/// Runs the sweep; text rows are printed (and flushed) as each point is computed, JSON at the end.
void run_sweep(const SweepRequest& request, const DataCatalog& catalog) {
  const std::filesystem::path file = catalog.scenario_path(request.scenario);
  CheckedSweep checked = check_sweep(request, file, catalog);
  Sweep& sweep = checked.sweep;
  if (!sweep.inactive.empty()) {
    std::cerr << fmt::format("stratstab: warning: {} has no effect in this scenario, so every row is the same: {}\n",
                             request.param, sweep.inactive);
  }
  const SweepTable table = sweep_table(sweep, checked.values, checked.sides);
  if (!request.json) std::cout << format_sweep_header(table) << std::flush;
  std::vector<Override>& overrides = checked.overrides;
  const auto scenario_at = [&](const std::string& value) {
    overrides.back().value = value;
    return load_scenario(file, overrides, &catalog, request.args.read_options());
  };
  evaluate_sweep(checked.values, scenario_at, [&](SweepPoint point) {
    if (request.json) {
      sweep.points.push_back(std::move(point));
    } else {
      std::cout << format_sweep_row(table, point) << std::flush;
    }
  });
  std::optional<SweepBands> bands;
  if (!request.samples.empty()) {
    const int n = whole_number_option(request.samples, "--samples", 1, 1000000, "samples");
    ProgressLine progress("evaluations", !request.quiet);
    bands = sweep_bands(request.param, checked.values, scenario_at, static_cast<std::size_t>(n),
                        seed_option(request.seed), threads_option(request.threads),
                        [&progress](std::size_t done, std::size_t total) { progress.update(done, total); });
  }
  if (request.json) {
    nlohmann::json j = sweep_to_json(sweep);
    if (bands) j["bands"] = to_json(*bands);
    std::cout << j.dump(2) << '\n';
  } else {
    std::cout << format_sweep_footer(table);
    if (bands) std::cout << '\n' << format_sweep_bands(request.param, *bands);
  }
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
                   "The key to sweep, by its dotted path as --set takes it, e.g. sides.A.abstract.alert or "
                   "'sides.US.defence.layers[0].sspk' (list entries by index from 0)")
      ->required();
  CLI::Option_group* over = sweep->add_option_group("values", "The values of the key (one of)");
  over->add_option("--values", request->values, "Comma-separated values, e.g. 0.3,0.5,0.7 or false,true");
  CLI::Option* range = over->add_option(
      "--range", request->range,
      "FROM:TO:STEP, TO included, e.g. 0:1:0.1 (at most " + std::to_string(kMaxSweepPoints) + " points)");
  over->require_option(1);
  add_scenario_args(*sweep, request->args, "Override another key at every point, e.g. --set options.posture=generated");
  sweep->add_option("--samples", request->samples,
                    "Also draw the scenario's uncertain inputs N times (the same draws at every point) and give each "
                    "point's 5-95% band of the index and how often it is the lowest point");
  sweep->add_option("--seed", request->seed, "Seed of the draws with --samples (default 1)");
  sweep->add_option("--threads", request->threads, "Threads with --samples (default: every core)");
  sweep->add_flag("--quiet", request->quiet, "No progress line on stderr with --samples");
  sweep->add_flag("--json", request->json, "Print JSON: scenario, param, points[] (value, index, sides, exchanges)");
  sweep->callback([&run, &global, request, range] {
    request->use_range = range->count() > 0;
    run = [&global, request] {
      run_sweep(*request, open_catalog(global));
      return kExitOk;
    };
  });
}

}  // namespace stratstab::app

// `stratstab uncertainty [SCENARIO] --samples N [--seed S] [--method mc|lhs] [--threads T]
// [--sobol N] [--below 0.5,0.75] [--json|--csv] [--quiet] [--set K=V ...]`: the scenario loaded
// and validated once, its uncertain inputs drawn in memory (docs/methods.md §13.2), presented.
#include <charconv>
#include <cmath>
#include <iostream>
#include <memory>
#include <thread>

#include "command_data.hpp"
#include "console.hpp"
#include "exit_codes.hpp"
#include "option_values.hpp"
#include "progress.hpp"
#include "scenario_args.hpp"
#include "stratstab/json.hpp"
#include "stratstab/report.hpp"
#include "stratstab/uncertainty.hpp"

namespace stratstab::app {
namespace {

/// Most samples one run takes (each costs an evaluation; 10^7 is hours).
constexpr int kMaxSamples = 10000000;

struct UncertaintyRequest {
  std::string scenario = "us-ru-2026-11";
  std::string samples = "1000";
  std::string seed = "1";
  std::string method = "lhs";
  std::string threads = "0";
  std::string sobol = "256";
  std::string below = "0.5,0.75";
  std::string top = "20";
  bool json = false;
  bool csv = false;
  bool quiet = false;
  ScenarioArgs args;
};

std::vector<double> parse_thresholds(const std::string& text) {
  std::vector<double> out;
  std::size_t start = 0;
  while (start <= text.size() && !text.empty()) {
    const std::size_t comma = text.find(',', start);
    const std::string part = text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    double t = 0;
    const auto [end, error] = std::from_chars(part.data(), part.data() + part.size(), t);
    if (part.empty() || error != std::errc() || end != part.data() + part.size() || !std::isfinite(t)) {
      throw InputError({key_error("--below", "expected comma-separated numbers such as 0.5,0.75, got `" + text + "`")});
    }
    out.push_back(t);
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return out;
}

int run_uncertainty_command(const UncertaintyRequest& request, const DataCatalog& catalog) {
  const Scenario loaded = read_scenario_args(catalog, request.scenario, request.args);
  UncertaintyOptions options;
  options.samples =
      static_cast<std::size_t>(whole_number_option(request.samples, "--samples", 1, kMaxSamples, "samples"));
  options.seed = seed_option(request.seed);
  const auto method = sampling_method_from_string(request.method);
  if (!method) throw InputError({key_error("--method", "expected mc or lhs, got `" + request.method + "`")});
  options.method = *method;
  options.threads = threads_option(request.threads);
  options.sobol_samples =
      static_cast<std::size_t>(whole_number_option(request.sobol, "--sobol", 0, kMaxSamples, "samples"));
  const auto top = static_cast<std::size_t>(whole_number_option(request.top, "--top", 0, 1000000, "inputs"));
  options.thresholds = parse_thresholds(request.below);
  options.keep_samples = request.csv;
  ProgressLine progress("evaluations", !request.quiet);
  options.on_progress = [&progress](std::size_t done, std::size_t total) { progress.update(done, total); };
  const UncertaintyResult result = run_uncertainty(loaded, loaded.uncertainty, options);
  progress.finish();
  if (request.json) {
    console_out() << uncertainty_to_json(result).dump(2) << '\n';
  } else if (request.csv) {
    console_out() << format_uncertainty_csv(result);
  } else {
    console_out() << format_uncertainty(result, top);
  }
  return kExitOk;
}

}  // namespace

void add_uncertainty_command(CLI::App& app, const GlobalOptions& global, std::function<int()>& run) {
  CLI::App* cmd = app.add_subcommand(
      "uncertainty",
      "The index and each side's costs as distributions over every ranged input (Monte Carlo or Latin hypercube), "
      "with Sobol indices and a tornado");
  auto request = std::make_shared<UncertaintyRequest>();
  cmd->add_option("SCENARIO", request->scenario,
                  "Scenario file, or the name of a bundled scenario (data/scenarios); default us-ru-2026-11");
  cmd->add_option("--samples", request->samples, "Samples of the band (default 1000)");
  cmd->add_option("--seed", request->seed, "Seed of the draws (default 1); the same seed gives the same output");
  cmd->add_option("--method", request->method, "lhs (Latin hypercube, default) or mc (Monte Carlo)");
  cmd->add_option("--threads", request->threads, "Threads (default: every core); the output does not depend on it");
  cmd->add_option("--sobol", request->sobol,
                  "Base sample of the Sobol design (about N x (inputs that move the index + 3) evaluations; default "
                  "256; 0: no Sobol indices, tornado only)");
  cmd->add_option("--below", request->below, "Thresholds for P(index < t), comma-separated (default 0.5,0.75)");
  cmd->add_option("--top", request->top, "Inputs shown in the text ranking (default 20; 0: all)");
  cmd->add_flag("--quiet", request->quiet, "No progress line on stderr");
  CLI::Option* json =
      cmd->add_flag("--json", request->json, "Print JSON (samples, seed, index.q05/q50/q95, inputs[], tornado[])");
  cmd->add_flag("--csv", request->csv, "Print every band sample: the input values, then the outputs")->excludes(json);
  add_scenario_args(*cmd, request->args,
                    "Override a scenario key or a force figure before the draws, e.g. --set options.posture=generated");
  cmd->callback([&run, &global, request] {
    run = [&global, request] { return run_uncertainty_command(*request, open_catalog(global)); };
  });
}

}  // namespace stratstab::app

// `stratstab compare SCENARIO... [--json] [--set KEY=VALUE ...]`: load each scenario (bundled name
// or file; the same overrides applied to all), assess it, count each side under the scenario's
// treaty, and present the key figures side by side.
#include <iostream>
#include <memory>
#include <optional>
#include <thread>

#include "command_data.hpp"
#include "console.hpp"
#include "exit_codes.hpp"
#include "option_values.hpp"
#include "progress.hpp"
#include "scenario_args.hpp"
#include "stratstab/compare.hpp"
#include "stratstab/json.hpp"
#include "stratstab/prepare.hpp"
#include "stratstab/report.hpp"
#include "treaty_counting.hpp"

namespace stratstab::app {

void add_compare_command(CLI::App& app, const GlobalOptions& global, std::function<int()>& run) {
  CLI::App* compare = app.add_subcommand("compare", "Key figures of several scenarios side by side");
  auto names = std::make_shared<std::vector<std::string>>();
  auto json = std::make_shared<bool>(false);
  auto args = std::make_shared<ScenarioArgs>();
  auto samples = std::make_shared<std::string>();
  auto seed = std::make_shared<std::string>("1");
  auto threads = std::make_shared<std::string>("0");
  compare->add_option("--samples", *samples,
                      "Also draw every scenario's uncertain inputs N times, paired (the same draw of an input in every "
                      "scenario), and give each index's band and P(one index < another)");
  compare->add_option("--seed", *seed, "Seed of the draws with --samples (default 1)");
  compare->add_option("--threads", *threads, "Threads with --samples (default: every core)");
  compare->add_option("SCENARIO", *names, "Scenario files or bundled scenario names (real sides)")->required();
  compare->add_flag("--json", *json, "Print JSON: one object per scenario");
  add_scenario_args(*compare, *args, "Override a key in every scenario, e.g. --set options.posture=generated");
  compare->callback([&run, &global, names, json, args, samples, seed, threads] {
    run = [&global, names, json, args, samples, seed, threads] {
      const DataCatalog catalog = open_catalog(global);
      std::vector<ComparisonColumn> columns;
      std::vector<Scenario> loaded;
      std::map<std::string, Treaty, std::less<>> treaties;
      for (const std::string& name : *names) {
        loaded.push_back(read_scenario_args(catalog, name, *args));
        const Scenario scenario = prepare_scenario(loaded.back());
        if (!scenario.is_real()) {
          throw NotFoundError("compare takes scenarios with real sides; '" + name +
                              "' gives abstract sides (use `stratstab assess` for those)");
        }
        const Assessment assessment = assess_scenario(scenario);
        std::vector<std::optional<TreatyCount>> counts(scenario.sides.size());
        for (std::size_t i = 0; i < counts.size(); ++i) counts[i] = count_scenario_side(catalog, scenario, i, treaties);
        columns.push_back(comparison_column(scenario, assessment, counts));
      }
      std::optional<CompareBands> bands;
      if (!samples->empty()) {
        const int n = whole_number_option(*samples, "--samples", 1, 1000000, "samples");
        ProgressLine progress("evaluations", true);
        bands = compare_bands(loaded, static_cast<std::size_t>(n), seed_option(*seed), threads_option(*threads),
                              [&progress](std::size_t done, std::size_t total) { progress.update(done, total); });
      }
      if (*json) {
        nlohmann::json j = comparison_to_json(columns);
        if (bands) j = nlohmann::json{{"columns", j}, {"bands", to_json(*bands)}};
        console_out() << j.dump(2) << '\n';
      } else {
        console_out() << format_comparison(columns);
        if (bands) console_out() << '\n' << format_compare_bands(*bands);
      }
      return kExitOk;
    };
  });
}

}  // namespace stratstab::app

// `stratstab compare SCENARIO... [--json] [--set KEY=VALUE ...]`: load each scenario (bundled name
// or file; the same overrides applied to all), assess it, count each side under the scenario's
// treaty, and present the key figures side by side.
#include <iostream>
#include <memory>

#include "command_data.hpp"
#include "exit_codes.hpp"
#include "scenario_args.hpp"
#include "stratstab/compare.hpp"
#include "stratstab/json.hpp"
#include "stratstab/report.hpp"

namespace stratstab::app {

void add_compare_command(CLI::App& app, const GlobalOptions& global, std::function<int()>& run) {
  CLI::App* compare = app.add_subcommand("compare", "Key figures of several scenarios side by side");
  auto names = std::make_shared<std::vector<std::string>>();
  auto json = std::make_shared<bool>(false);
  auto args = std::make_shared<ScenarioArgs>();
  compare->add_option("SCENARIO", *names, "Scenario files or bundled scenario names (real sides)")->required();
  compare->add_flag("--json", *json, "Print JSON: one object per scenario");
  add_scenario_args(*compare, *args, "Override a key in every scenario, e.g. --set options.posture=generated");
  compare->callback([&run, &global, names, json, args] {
    run = [&global, names, json, args] {
      const DataCatalog catalog = open_catalog(global);
      std::vector<ComparisonColumn> columns;
      for (const std::string& name : *names) {
        const Scenario scenario = load_scenario_args(catalog, name, *args);
        if (!scenario.is_real()) {
          throw NotFoundError("compare takes scenarios with real sides; '" + name +
                              "' gives abstract sides (use `stratstab assess` for those)");
        }
        const Assessment assessment = assess_scenario(scenario);
        const Treaty treaty = catalog.load_treaty(scenario.treaty);
        std::array<std::optional<TreatyCount>, 2> counts;
        for (std::size_t i = 0; i < 2; ++i) {
          const ForceSnapshot& forces = *scenario.sides[i].forces;
          CountOptions options;
          const std::optional<ForceSnapshot> reference = catalog.reference_snapshot(treaty, forces);
          if (reference) options.reference = &*reference;
          counts[i] = count_treaty(treaty, forces, options);
        }
        columns.push_back(comparison_column(scenario, assessment, counts));
      }
      if (*json) {
        std::cout << comparison_to_json(columns).dump(2) << '\n';
      } else {
        std::cout << format_comparison(columns);
      }
      return kExitOk;
    };
  });
}

}  // namespace stratstab::app

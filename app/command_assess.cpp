// `stratstab assess SCENARIO [--json] [--set KEY=VALUE ...]`: load and validate a scenario (bundled
// name or file), apply overrides through the same validation, evaluate, present.
#include <iostream>
#include <memory>

#include "command_data.hpp"
#include "console.hpp"
#include "exit_codes.hpp"
#include "scenario_args.hpp"
#include "stratstab/json.hpp"
#include "stratstab/report.hpp"
#include "stratstab/scenario.hpp"

namespace stratstab::app {

void add_assess_command(CLI::App& app, const GlobalOptions& global, std::function<int()>& run) {
  CLI::App* assess = app.add_subcommand(
      "assess", "First-strike stability of a scenario (Kent & Thaler); default: US and Russia, 2026-11, day to day");
  // The default assessment: the US and Russia in November 2026, day to day (data/scenarios).
  auto scenario_arg = std::make_shared<std::string>("us-ru-2026-11");
  auto json = std::make_shared<bool>(false);
  auto args = std::make_shared<ScenarioArgs>();
  assess->add_option("SCENARIO", *scenario_arg,
                     "Scenario file, or the name of a bundled scenario (data/scenarios); default us-ru-2026-11");
  assess->add_flag("--json", *json, "Print JSON (stability.index, stability.sides.<ID>.c1/c2/ratio, exchanges[])");
  add_scenario_args(*assess, *args,
                    "Override a scenario key by its dotted path, e.g. --set sides.A.abstract.alert=0.7 or "
                    "--set sides.US.defence.layers[0].sspk=0.8");
  assess->callback([&run, &global, scenario_arg, json, args] {
    run = [&global, scenario_arg, json, args] {
      const DataCatalog catalog = open_catalog(global);
      const Scenario scenario = load_scenario_args(catalog, *scenario_arg, *args);
      const Assessment assessment = assess_scenario(scenario);
      if (*json) {
        console_out() << assessment_to_json(scenario, assessment).dump(2) << '\n';
      } else {
        console_out() << format_assessment(scenario, assessment);
      }
      return kExitOk;
    };
  });
}

}  // namespace stratstab::app

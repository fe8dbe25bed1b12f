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
#include "stratstab/strike_curves.hpp"

namespace stratstab::app {

void add_assess_command(CLI::App& app, const GlobalOptions& global, std::function<int()>& run) {
  CLI::App* assess = app.add_subcommand(
      "assess", "First-strike stability of a scenario (Kent & Thaler); default: US and Russia, 2026-11, day to day");
  // The default assessment: the US and Russia in November 2026, day to day (data/scenarios).
  auto scenario_arg = std::make_shared<std::string>("us-ru-2026-11");
  auto json = std::make_shared<bool>(false);
  auto curves = std::make_shared<std::size_t>(0);
  auto args = std::make_shared<ScenarioArgs>();
  assess->add_option("SCENARIO", *scenario_arg,
                     "Scenario file, or the name of a bundled scenario (data/scenarios); default us-ru-2026-11");
  assess->add_flag("--json", *json, "Print JSON (stability.index, stability.sides.<ID>.c1/c2/ratio, exchanges[])");
  assess
      ->add_option("--curves", *curves,
                   "With --json: add `curves`, C_A(s), C_B(s) and the victim's surviving warheads at N points of s "
                   "from 0 to W for each first strike (two sides)")
      ->check(CLI::Range(static_cast<std::size_t>(2), static_cast<std::size_t>(10000)));
  add_scenario_args(*assess, *args,
                    "Override a scenario key by its dotted path, e.g. --set sides.A.abstract.alert=0.7 or "
                    "--set sides.US.defence.layers[0].sspk=0.8");
  assess->callback([&run, &global, scenario_arg, json, curves, args] {
    run = [&global, scenario_arg, json, curves, args] {
      const DataCatalog catalog = open_catalog(global);
      const Scenario scenario = load_scenario_args(catalog, *scenario_arg, *args);
      const Assessment assessment = assess_scenario(scenario);
      if (*json) {
        nlohmann::json out = assessment_to_json(scenario, assessment);
        if (*curves > 0)
          out["curves"] = strike_curves_to_json(scenario, assessment, scenario_strike_curves(scenario, *curves));
        console_out() << out.dump(2) << '\n';
      } else {
        console_out() << format_assessment(scenario, assessment);
      }
      return kExitOk;
    };
  });
}

}  // namespace stratstab::app

// `stratstab assess SCENARIO [--json] [--set KEY=VALUE ...]`: load and validate a scenario (bundled
// name or file), apply overrides through the same validation, evaluate, present.
#include <iostream>
#include <memory>

#include "command_data.hpp"
#include "exit_codes.hpp"
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
  auto sets = std::make_shared<std::vector<std::string>>();
  assess->add_option("SCENARIO", *scenario_arg,
                     "Scenario file, or the name of a bundled scenario (data/scenarios); default us-ru-2026-11");
  assess->add_flag("--json", *json, "Print JSON (stability.index, stability.sides.<ID>.c1/c2/ratio, exchanges[])");
  assess
      ->add_option("--set", *sets, "Override a scenario key by its dotted path, e.g. --set sides.A.abstract.alert=0.7")
      ->take_all();
  assess->callback([&run, &global, scenario_arg, json, sets] {
    run = [&global, scenario_arg, json, sets] {
      std::vector<Override> overrides;
      for (const std::string& text : *sets) overrides.push_back(Override::parse(text));
      const DataCatalog catalog = open_catalog(global);
      const Scenario scenario = load_scenario(catalog.scenario_path(*scenario_arg), overrides, &catalog);
      const Assessment assessment = assess_scenario(scenario);
      if (*json) {
        std::cout << assessment_to_json(scenario, assessment).dump(2) << '\n';
      } else {
        std::cout << format_assessment(scenario, assessment);
      }
      return kExitOk;
    };
  });
}

}  // namespace stratstab::app

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
  CLI::App* assess = app.add_subcommand("assess", "First-strike stability of a scenario (Kent & Thaler)");
  auto scenario_arg = std::make_shared<std::string>();
  auto json = std::make_shared<bool>(false);
  auto sets = std::make_shared<std::vector<std::string>>();
  assess->add_option("SCENARIO", *scenario_arg, "Scenario file, or the name of a bundled scenario (data/scenarios)")
      ->required();
  assess->add_flag("--json", *json, "Print JSON (stability.index, stability.sides.<ID>.c1/c2/ratio, exchanges[])");
  assess
      ->add_option("--set", *sets, "Override a scenario key by its dotted path, e.g. --set sides.A.abstract.alert=0.7")
      ->take_all();
  assess->callback([&run, &global, scenario_arg, json, sets] {
    run = [&global, scenario_arg, json, sets] {
      std::vector<Override> overrides;
      for (const std::string& text : *sets) overrides.push_back(Override::parse(text));
      const Scenario scenario = load_scenario(open_catalog(global).scenario_path(*scenario_arg), overrides);
      const StabilityResult result = evaluate_scenario(scenario);
      if (*json) {
        std::cout << assessment_to_json(scenario, result).dump(2) << '\n';
      } else {
        std::cout << format_assessment(scenario, result);
      }
      return kExitOk;
    };
  });
}

}  // namespace stratstab::app

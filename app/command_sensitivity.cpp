// `stratstab sensitivity [SCENARIO] [--json] [--set KEY=VALUE ...] [--upload both|none|SIDE]
// [--horizon-months N]`: arms-race sensitivity of a real scenario (docs/methods.md §11): the change in the
// index, C1, C2 and ratios per launcher added or removed and per warhead uploaded, and the index
// along the sides' upload paths.
#include <iostream>
#include <memory>

#include "command_data.hpp"
#include "console.hpp"
#include "exit_codes.hpp"
#include "option_values.hpp"
#include "scenario_args.hpp"
#include "stratstab/json.hpp"
#include "stratstab/report.hpp"
#include "stratstab/scenario.hpp"
#include "stratstab/sensitivity.hpp"

namespace stratstab::app {
namespace {

/// Which sides upload: `both`, `none`, or one side id of the scenario (as written under `sides:`).
std::array<bool, 2> uploading_sides(const std::string& word, const Scenario& scenario) {
  if (word == "both") return {true, true};
  if (word == "none") return {false, false};
  for (std::size_t i = 0; i < 2; ++i) {
    if (word == scenario.sides[i].id) return {i == 0, i == 1};
  }
  throw InputError({key_error("--upload",
                              "expected both, none or a side id of the scenario (" + scenario.sides[0].id + ", " +
                                  scenario.sides[1].id + "), got '" + word + "'",
                              "command line")});
}

}  // namespace

void add_sensitivity_command(CLI::App& app, const GlobalOptions& global, std::function<int()>& run) {
  CLI::App* command = app.add_subcommand(
      "sensitivity",
      "Arms-race sensitivity: change in the index per launcher or warhead of each system, and the index along upload "
      "paths (real sides)");
  // The same default as `assess`: the US and Russia in November 2026, day to day.
  auto scenario_arg = std::make_shared<std::string>("us-ru-2026-11");
  auto json = std::make_shared<bool>(false);
  auto args = std::make_shared<ScenarioArgs>();
  auto upload = std::make_shared<std::string>("both");
  auto horizon = std::make_shared<std::string>("24");
  auto method = std::make_shared<std::string>("exact");
  command->add_option("SCENARIO", *scenario_arg,
                      "Scenario file, or the name of a bundled scenario (data/scenarios); default us-ru-2026-11");
  command->add_flag("--json", *json,
                    "Print JSON (method, base, systems[] with per_launcher, per_launcher_removed, per_warhead, "
                    "destabilising; upload_path[])");
  add_scenario_args(*command, *args,
                    "Override a scenario key by its dotted path, e.g. --set options.posture=generated");
  command->add_option("--upload", *upload, "Sides that follow their upload path: both, none or a side id (e.g. US)")
      ->default_str("both");
  command->add_option("--horizon-months", *horizon, "Months of the upload path, a whole number in [0, 600]")
      ->type_name("INTEGER")
      ->default_str("24");
  command
      ->add_option("--draw-down", *method,
                   "Draw-down of the differences and the path: exact (the linear programme; default, ~0.5 s) or "
                   "greedy (~500 times faster, but its slopes can have the wrong sign: a screening tool)")
      ->check(CLI::IsMember({"greedy", "exact"}))
      ->default_str("exact");
  command->callback([&run, &global, scenario_arg, json, args, upload, horizon, method] {
    run = [&global, scenario_arg, json, args, upload, horizon, method] {
      SensitivityOptions options;
      options.horizon_months = whole_number_option(*horizon, "--horizon-months", 0, kMaxHorizonMonths, "months");
      const DataCatalog catalog = open_catalog(global);
      const Scenario scenario = load_scenario_args(catalog, *scenario_arg, *args);
      options.draw_down = *method == "exact" ? DrawDownMethod::kExact : DrawDownMethod::kGreedy;
      // An abstract scenario has no upload path: compute_sensitivity refuses it with its own message.
      if (scenario.is_real()) options.upload = uploading_sides(*upload, scenario);
      const Sensitivity sensitivity = compute_sensitivity(scenario, options);
      if (*json) {
        console_out() << sensitivity_to_json(scenario, sensitivity).dump(2) << '\n';
      } else {
        console_out() << format_sensitivity(scenario, sensitivity);
      }
      return kExitOk;
    };
  });
}

}  // namespace stratstab::app

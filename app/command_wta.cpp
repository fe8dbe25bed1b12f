#include "command_wta.hpp"
#include "console.hpp"

#include <iostream>
#include <memory>
#include <string>

#include "exit_codes.hpp"
#include "stratstab/json.hpp"
#include "stratstab/report.hpp"
#include "stratstab/wta.hpp"

namespace stratstab::app {

void add_wta_command(CLI::App& app, std::function<int()>& run) {
  CLI::App* wta = app.add_subcommand(
      "wta",
      "Weapon-target assignment: continuous optimum with a proven bound, and integer answers (docs/methods.md §10)");
  auto file = std::make_shared<std::string>();
  auto json = std::make_shared<bool>(false);
  auto integer = std::make_shared<bool>(false);
  auto integer_gap = std::make_shared<double>(WtaOptions{}.integer_gap);
  wta->add_option("PROBLEM", *file, "Problem file (weapons, targets, kill_probability; docs/io_formats.md)")
      ->required();
  wta->add_flag("--json", *json,
                "Print JSON (objective, upper_bound, relative_gap, assignment[], weapon_prices, integer.rounding, "
                "integer.greedy)");
  wta->add_flag("--integer", *integer,
                "Integer mode: improve the best whole-weapon answer by local search and prove a tighter integer "
                "upper bound (JSON integer_upper_bound, integer.improved)");
  wta->add_option("--integer-gap", *integer_gap,
                  "Integer mode: stop tightening the bound once (bound - answer) / bound is at most this")
      ->check(CLI::Range(0.0, 1.0));
  wta->callback([&run, file, json, integer, integer_gap] {
    run = [file, json, integer, integer_gap] {
      const WtaProblem problem = load_wta_problem(*file);
      WtaOptions options;
      options.integer_mode = *integer;
      options.integer_gap = *integer_gap;
      const WtaSolution solution = solve_wta(problem, options);
      if (*json) {
        console_out() << wta_to_json(problem, solution).dump(2) << '\n';
      } else {
        console_out() << format_wta(problem, solution);
      }
      return kExitOk;
    };
  });
}

}  // namespace stratstab::app

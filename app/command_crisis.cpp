// `stratstab crisis [CRISIS] [--runs N] [--seed S] [--json] [--set K=V ...]`: a crisis file's
// beliefs run N times over its steps (crisis_run.hpp), with the ratios from its scenario, and
// again with each communication measure switched off; every bundled crisis when none is named.
#include <iostream>
#include <memory>

#include "command_data.hpp"
#include "console.hpp"
#include "exit_codes.hpp"
#include "option_values.hpp"
#include "stratstab/crisis_run.hpp"
#include "stratstab/json.hpp"
#include "stratstab/report.hpp"

namespace stratstab::app {

void add_crisis_command(CLI::App& app, const GlobalOptions& global, std::function<int()>& run) {
  struct Request {
    std::vector<std::string> crises;
    std::string runs = "10000";
    std::string seed = "1";
    std::vector<std::string> sets;
    bool json = false;
  };
  auto request = std::make_shared<Request>();
  CLI::App* cmd =
      app.add_subcommand("crisis",
                         "A crisis run step by step: the chance of a first strike and of generation, with and without "
                         "each communication measure");
  cmd->add_option("CRISIS", request->crises, "Crisis ids (data/crises) or files; every bundled one when none");
  cmd->add_option("--runs", request->runs, "Seeded runs (1-1000000, default 10000)");
  cmd->add_option("--seed", request->seed, "Seed (default 1)");
  cmd->add_option("--set", request->sets, "Override a crisis figure, e.g. --set noise=0.5 (repeatable)");
  cmd->add_flag("--json", request->json, "Print JSON");
  cmd->callback([&run, &global, request] {
    run = [&global, request] {
      const DataCatalog catalog = open_catalog(global);
      const auto runs = static_cast<std::size_t>(whole_number_option(request->runs, "--runs", 1, 1000000, "runs"));
      const std::uint64_t seed = seed_option(request->seed);
      const std::vector<Override> overrides = Override::parse_all(request->sets);
      std::vector<std::string> names = request->crises;
      if (names.empty()) names = catalog.crisis_ids();
      nlohmann::json all = nlohmann::json::array();
      for (std::size_t k = 0; k < names.size(); ++k) {
        const Crisis crisis = load_crisis(catalog.crisis_path(names[k]), overrides);
        const Scenario loaded = load_scenario(catalog.scenario_path(crisis.scenario), {}, &catalog);
        const CrisisReport report = crisis_report(crisis, loaded, runs, seed);
        if (request->json) {
          all.push_back(to_json(report));
        } else {
          console_out() << (k == 0 ? "" : "\n") << format_crisis(report);
        }
      }
      if (request->json) console_out() << (all.size() == 1 ? all.front() : all).dump(2) << '\n';
      return kExitOk;
    };
  });
}

}  // namespace stratstab::app

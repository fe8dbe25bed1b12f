// `stratstab pathways [PATHWAY ...] [--from DATE] [--to DATE] [--step year|month] [--json|--csv]`:
// load each pathway (bundled id or file; all bundled ones when none is named), run every branch
// over the dates on its base scenario, and present the tables (pathway_run.hpp).
#include <iostream>
#include <map>
#include <memory>

#include <fmt/format.h>

#include "command_data.hpp"
#include "exit_codes.hpp"
#include "option_values.hpp"
#include "progress.hpp"
#include "stratstab/json.hpp"
#include "stratstab/pathway_run.hpp"
#include "stratstab/report.hpp"

namespace stratstab::app {
namespace {

struct PathwaysRequest {
  std::vector<std::string> pathways;
  std::string from;
  std::string to;
  std::string step = "year";
  bool json = false;
  bool csv = false;
  bool quiet = false;
};

std::string checked_date(const std::string& text, const char* option) {
  try {
    (void)days_from_epoch(text);
  } catch (const Error& e) {
    throw InputError({key_error(option, e.what(), "command line")});
  }
  return text;
}

}  // namespace

void add_pathways_command(CLI::App& app, const GlobalOptions& global, std::function<int()>& run) {
  auto request = std::make_shared<PathwaysRequest>();
  CLI::App* cmd = app.add_subcommand(
      "pathways", "Political pathways 2026-2036: each branch's forces, treaty counts, C1, C2 and index by date");
  cmd->add_option("PATHWAY", request->pathways, "Pathway ids (data/pathways) or files; every bundled one when none");
  cmd->add_option("--from", request->from, "First date YYYY-MM-DD (default: the pathway's `from`)");
  cmd->add_option("--to", request->to, "Last date YYYY-MM-DD (default: the pathway's `to`)");
  cmd->add_option("--step", request->step, "year or month (default year)");
  auto* format = cmd->add_option_group("format", "Output (one of; default text tables)");
  format->add_flag("--json", request->json, "Print JSON (branches[].points[], weighted[])");
  format->add_flag("--csv", request->csv, "Print CSV: one row per branch and date");
  format->require_option(0, 1);
  cmd->add_flag("--quiet", request->quiet, "No progress line on stderr");
  cmd->callback([&run, &global, request] {
    run = [&global, request] {
      const DataCatalog catalog = open_catalog(global);
      if (request->step != "year" && request->step != "month") {
        throw InputError(
            {key_error("--step", fmt::format("expected year or month, got '{}'", request->step), "command line")});
      }
      const PathwayStep step = request->step == "year" ? PathwayStep::kYear : PathwayStep::kMonth;
      std::vector<std::string> names = request->pathways;
      if (names.empty()) names = catalog.pathway_ids();
      if (!request->from.empty()) checked_date(request->from, "--from");
      if (!request->to.empty()) checked_date(request->to, "--to");
      // Treaties are read once per id however many dates count under them.
      std::map<std::string, Treaty, std::less<>> treaties;
      const auto count = [&](const Scenario& prepared, std::size_t side) {
        const ForceSnapshot& forces = *prepared.sides[side].forces;
        const Treaty* treaty = prepared.regime.get();
        if (treaty == nullptr) {
          auto it = treaties.find(prepared.treaty);
          if (it == treaties.end()) it = treaties.emplace(prepared.treaty, catalog.load_treaty(prepared.treaty)).first;
          treaty = &it->second;
        }
        CountOptions options;
        options.limit_overrides = prepared.treaty_limits;
        const std::optional<ForceSnapshot> reference = catalog.reference_snapshot(*treaty, forces);
        if (reference) options.reference = &*reference;
        return count_treaty(*treaty, forces, options);
      };
      nlohmann::json all = nlohmann::json::array();
      for (std::size_t k = 0; k < names.size(); ++k) {
        const Pathway pathway = load_pathway(catalog.pathway_path(names[k]));
        const std::string from = request->from.empty() ? pathway.from : request->from;
        const std::string to = request->to.empty() ? pathway.to : request->to;
        std::vector<std::string> dates;
        try {
          dates = pathway_dates(from, to, step);
        } catch (const Error& e) {
          throw InputError({key_error("--to", e.what(), "command line")});
        }
        const std::filesystem::path base = catalog.scenario_path(pathway.scenario);
        ProgressLine progress("scenarios", !request->quiet);
        std::size_t done = 0;
        const std::size_t total = dates.size() * pathway.branches.size();
        const PathwayRun result = run_pathway(
            pathway, dates,
            [&](const std::vector<Override>& overrides) {
              progress.update(done++, total);
              return load_scenario(base, overrides, &catalog);
            },
            count);
        progress.finish();
        if (request->json) {
          all.push_back(to_json(result));
        } else if (request->csv) {
          const std::string csv = format_pathway_csv(result);
          std::cout << (k == 0 ? csv : csv.substr(csv.find('\n') + 1));  // one header for every pathway
        } else {
          std::cout << (k == 0 ? "" : "\n") << format_pathway(result);
        }
      }
      if (request->json) std::cout << (all.size() == 1 ? all.front() : all).dump(2) << '\n';
      return kExitOk;
    };
  });
}

}  // namespace stratstab::app

// `stratstab pathways [PATHWAY ...] [--from DATE] [--to DATE] [--step year|month] [--json|--csv]
// [--samples N [--seed S] [--threads T]]`:
// load each pathway (bundled id or file; all bundled ones when none is named), run every branch
// over the dates on its base scenario, and present the tables (pathway_run.hpp).
#include <iostream>
#include <map>
#include <memory>

#include <fmt/format.h>

#include "command_data.hpp"
#include "console.hpp"
#include "exit_codes.hpp"
#include "option_values.hpp"
#include "progress.hpp"
#include "stratstab/json.hpp"
#include "stratstab/pathway_run.hpp"
#include "stratstab/report.hpp"
#include "treaty_counting.hpp"

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
  std::string samples;  ///< empty: no bands
  std::string seed = "1";
  std::string threads = "0";
};

void check_date(const std::string& text, const char* option) {
  try {
    (void)days_from_epoch(text);
  } catch (const Error& e) {
    throw InputError({key_error(option, e.what(), "command line")});
  }
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
  cmd->add_option("--samples", request->samples,
                  "Also draw the data's uncertain inputs N times, common to every branch and date, and give the "
                  "band of each index and of the weighted index");
  cmd->add_option("--seed", request->seed, "Seed of the draws with --samples (default 1)");
  cmd->add_option("--threads", request->threads, "Threads with --samples (default: every core)");
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
      if (!request->from.empty()) check_date(request->from, "--from");
      if (!request->to.empty()) check_date(request->to, "--to");
      const std::size_t samples =
          request->samples.empty()
              ? 0
              : static_cast<std::size_t>(whole_number_option(request->samples, "--samples", 1, 1000000, "samples"));
      const std::uint64_t seed = seed_option(request->seed);
      const unsigned threads = threads_option(request->threads);
      // Treaties are read once per id however many dates count under them.
      std::map<std::string, Treaty, std::less<>> treaties;
      const auto count = [&](const Scenario& prepared, std::size_t side) {
        return count_scenario_side(catalog, prepared, side, treaties);
      };
      std::vector<Pathway> pathways;
      std::vector<PathwayDraw> jobs;
      for (const std::string& name : names) {
        pathways.push_back(load_pathway(catalog.pathway_path(name)));
        const Pathway& pathway = pathways.back();
        const std::string from = request->from.empty() ? pathway.from : request->from;
        const std::string to = request->to.empty() ? pathway.to : request->to;
        PathwayDraw job;
        try {
          job.dates = pathway_dates(from, to, step);
        } catch (const Error& e) {
          throw InputError({key_error("--to", e.what(), "command line")});
        }
        const std::filesystem::path base = catalog.scenario_path(pathway.scenario);
        job.scenario_at = [base, &catalog](const std::vector<Override>& overrides) {
          return load_scenario(base, overrides, &catalog);
        };
        jobs.push_back(std::move(job));
      }
      std::vector<PathwayRun> runs;
      std::size_t total = 0;
      for (std::size_t k = 0; k < pathways.size(); ++k) {
        jobs[k].pathway = &pathways[k];
        total += jobs[k].dates.size() * pathways[k].branches.size();
      }
      ProgressLine progress("scenarios", !request->quiet);
      std::size_t done = 0;
      runs.reserve(jobs.size());
      for (const PathwayDraw& job : jobs) {
        runs.push_back(run_pathway(
            *job.pathway, job.dates,
            [&](const std::vector<Override>& overrides) {
              progress.update(done++, total);
              return job.scenario_at(overrides);
            },
            count));
      }
      progress.finish();
      std::vector<std::vector<double>> below;
      if (samples > 0) {
        ProgressLine draws("evaluations", !request->quiet);
        std::vector<PathwayBands> bands = pathway_bands(
            jobs, samples, seed, threads, [&draws](std::size_t n, std::size_t all) { draws.update(n, all); });
        draws.finish();
        below = pathways_below(bands);
        for (std::size_t k = 0; k < runs.size(); ++k) runs[k].bands = std::move(bands[k]);
      }
      if (request->json) {
        nlohmann::json all = nlohmann::json::array();
        for (const PathwayRun& run : runs) all.push_back(to_json(run));
        if (runs.size() == 1) {
          console_out() << all.front().dump(2) << '\n';
        } else if (below.empty()) {
          console_out() << all.dump(2) << '\n';
        } else {
          console_out() << nlohmann::json{{"pathways", all}, {"between", pathways_between_json(runs, below)}}.dump(2)
                        << '\n';
        }
      } else if (request->csv) {
        for (std::size_t k = 0; k < runs.size(); ++k) {
          const std::string csv = format_pathway_csv(runs[k]);
          console_out() << (k == 0 ? csv : csv.substr(csv.find('\n') + 1));  // one header for every pathway
        }
      } else {
        for (std::size_t k = 0; k < runs.size(); ++k) console_out() << (k == 0 ? "" : "\n") << format_pathway(runs[k]);
        if (runs.size() > 1 && !below.empty()) console_out() << '\n' << format_pathways_between(runs, below);
      }
      return kExitOk;
    };
  });
}

}  // namespace stratstab::app

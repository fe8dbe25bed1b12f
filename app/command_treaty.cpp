// `stratstab treaty list|count` and `stratstab upload`: load a snapshot (bundled id or file) and a
// treaty regime (bundled id or file; New START by default), count or compute, present.
#include <charconv>
#include <iostream>
#include <memory>

#include <fmt/format.h>

#include "command_data.hpp"
#include "console.hpp"
#include "exit_codes.hpp"
#include "option_values.hpp"
#include "stratstab/compliance.hpp"
#include "stratstab/json.hpp"
#include "stratstab/report.hpp"
#include "stratstab/uncertainty.hpp"
#include "stratstab/upload.hpp"
#include "treaty_counting.hpp"

namespace stratstab::app {
namespace {

constexpr const char* kDefaultTreaty = "new-start";

struct TreatyArgs {
  std::string force;
  std::string treaty = kDefaultTreaty;
  std::vector<std::string> limits;  ///< ID=N overrides
  bool json = false;
  std::string samples;  ///< `treaty count --samples N`: the band from the ranged figures
  std::string seed = "1";
};

Diagnostic limit_problem(std::string message) {
  return key_error("--limit", std::move(message), "command line");
}

/// Parses `--limit ID=N` values against the treaty's limits; every problem reported at once.
std::map<std::string, double, std::less<>> parse_limits(const std::vector<std::string>& items, const Treaty& treaty) {
  std::map<std::string, double, std::less<>> out;
  std::vector<Diagnostic> problems;
  std::string ids;
  for (const TreatyLimit& l : treaty.limits) ids += (ids.empty() ? "" : ", ") + l.id;
  for (const std::string& item : items) {
    const auto eq = item.find('=');
    if (eq == std::string::npos) {
      problems.push_back(limit_problem(fmt::format("got '{}'; expected ID=N, e.g. total_warheads=4000", item)));
      continue;
    }
    const std::string id = item.substr(0, eq);
    const std::string text = item.substr(eq + 1);
    double value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (treaty.find_limit(id) == nullptr) {
      problems.push_back(
          limit_problem(fmt::format("treaty '{}' has no limit '{}'; expected one of: {}", treaty.id, id, ids)));
    } else if (ec != std::errc{} || end != text.data() + text.size() || text.empty() || !(value >= 0) ||
               value > 100000) {
      problems.push_back(limit_problem(fmt::format("limit {}: got '{}'; expected a number in [0, 100000]", id, text)));
    } else {
      out[id] = value;
    }
  }
  if (!problems.empty()) throw InputError(std::move(problems));
  return out;
}

void add_common(CLI::App* cmd, TreatyArgs& args) {
  cmd->add_option("FORCE", args.force, "Snapshot id (e.g. us-2023-03-01) or path to a snapshot file")->required();
  cmd->add_option("--treaty", args.treaty, "Treaty id (see `treaty list`) or path to a treaty file")
      ->default_str(kDefaultTreaty);
  cmd->add_option("--limit", args.limits, "Set a limit, e.g. --limit total_warheads=4000 (aggregate-cap parameter)")
      ->take_all();
}

}  // namespace

void add_treaty_commands(CLI::App& app, const GlobalOptions& global, std::function<int()>& run) {
  CLI::App* treaty = app.add_subcommand("treaty", "Treaty regimes: list them, count a force under one");
  treaty->require_subcommand(1);

  auto list_json = std::make_shared<bool>(false);
  CLI::App* list = treaty->add_subcommand("list", "List the bundled treaty regimes (data/treaties)");
  list->add_flag("--json", *list_json, "Print JSON (each regime with dates, limits, counting rules, verification)");
  list->callback([&run, &global, list_json] {
    run = [&global, list_json] {
      const DataCatalog catalog = open_catalog(global);
      std::vector<Treaty> treaties;
      std::vector<Diagnostic> problems;
      for (const std::string& id : catalog.treaty_ids()) {
        auto result = read_treaty(catalog.treaty_path(id));
        if (result.value) treaties.push_back(std::move(*result.value));
        for (Diagnostic& d : result.diagnostics) problems.push_back(std::move(d));
      }
      if (!problems.empty()) throw InputError(std::move(problems));
      if (*list_json) {
        nlohmann::json out = nlohmann::json::array();
        for (const Treaty& t : treaties) out.push_back(to_json(t));
        console_out() << out.dump(2) << '\n';
      } else {
        console_out() << format_treaty_list(treaties);
      }
      return kExitOk;
    };
  });

  auto count_args = std::make_shared<TreatyArgs>();
  CLI::App* count = treaty->add_subcommand("count", "Count a force under a treaty's limits (New START by default)");
  add_common(count, *count_args);
  count->add_flag(
      "--json", count_args->json,
      "Print JSON (each limit's count under its id, limits[], compliant, violations[]; band with --samples)");
  count->add_option("--samples", count_args->samples,
                    "Also draw the snapshot's ranged figures N times (Latin hypercube) and give each limit's count "
                    "band and the probability that the force is over it");
  count->add_option("--seed", count_args->seed, "Seed of the draws with --samples (default 1)");
  count->callback([&run, &global, count_args] {
    run = [&global, count_args] {
      const DataCatalog catalog = open_catalog(global);
      const ForceSnapshot snapshot = catalog.load_snapshot(count_args->force);
      const Treaty treaty = catalog.load_treaty(count_args->treaty);
      const ForceCounting counting(catalog, treaty, snapshot, parse_limits(count_args->limits, treaty));
      const CountOptions& options = counting.options();
      const TreatyCount result = count_treaty(treaty, snapshot, options);
      std::optional<TreatyCountBand> band;
      if (!count_args->samples.empty()) {
        const int n = whole_number_option(count_args->samples, "--samples", 1, 1000000, "samples");
        band = treaty_count_band(treaty, snapshot, options, static_cast<std::size_t>(n), seed_option(count_args->seed),
                                 SamplingMethod::kLatinHypercube);
      }
      if (count_args->json) {
        nlohmann::json j = to_json(result, treaty, snapshot);
        if (band) j["band"] = to_json(*band);
        console_out() << j.dump(2) << '\n';
      } else {
        console_out() << format_treaty_count(treaty, snapshot, result);
        if (band) console_out() << '\n' << format_treaty_count_band(*band);
      }
      return kExitOk;
    };
  });

  auto comply_args = std::make_shared<TreatyArgs>();
  CLI::App* comply = treaty->add_subcommand(
      "comply",
      "Bring a force within a treaty's limits by the party's stated rule (the changes, counts before and after)");
  add_common(comply, *comply_args);
  comply->add_flag("--json", comply_args->json,
                   "Print JSON (limits[] before and after, changes[], compliant, violations[])");
  comply->callback([&run, &global, comply_args] {
    run = [&global, comply_args] {
      const DataCatalog catalog = open_catalog(global);
      const ForceSnapshot snapshot = catalog.load_snapshot(comply_args->force);
      const Treaty treaty = catalog.load_treaty(comply_args->treaty);
      const ForceCounting counting(catalog, treaty, snapshot, parse_limits(comply_args->limits, treaty));
      const CountOptions& options = counting.options();
      if (treaty.compliance_for(snapshot.side) == nullptr) {
        throw InputError({key_error("--treaty",
                                    fmt::format("treaty '{}' states no compliance rule for side '{}' (its file {} has "
                                                "no `compliance` entry with `side: {}`); expected a regime that does",
                                                treaty.id, snapshot.side, treaty.file, snapshot.side),
                                    "command line")});
      }
      const ComplianceResult result = bring_into_compliance(treaty, snapshot, options);
      if (comply_args->json) {
        console_out() << to_json(result).dump(2) << '\n';
      } else {
        console_out() << format_compliance(treaty, result);
      }
      return kExitOk;  // a force the rule cannot bring within is a finding, shown, not a failure
    };
  });
}

void add_upload_command(CLI::App& app, const GlobalOptions& global, std::function<int()>& run) {
  auto args = std::make_shared<TreatyArgs>();
  auto horizon = std::make_shared<std::string>("36");
  auto no_reopen = std::make_shared<bool>(false);
  CLI::App* upload = app.add_subcommand(
      "upload", "Upload potential: warheads a side could add, month by month, and when treaty limits are crossed");
  add_common(upload, *args);
  upload->add_option("--horizon-months", *horizon, "Months to simulate, a whole number in [0, 600]")
      ->type_name("INTEGER")
      ->default_str("36");
  upload->add_flag("--no-reopen", *no_reopen, "Leave non-deployed launchers empty (upload deployed launchers only)");
  upload->add_flag("--json", args->json, "Print JSON (storage, systems[], steps[], crossings[], assumed[])");
  upload->callback([&run, &global, args, horizon, no_reopen] {
    run = [&global, args, horizon, no_reopen] {
      const DataCatalog catalog = open_catalog(global);
      const ForceSnapshot snapshot = catalog.load_snapshot(args->force);
      const Treaty treaty = catalog.load_treaty(args->treaty);
      UploadOptions options;
      options.horizon_months = whole_number_option(*horizon, "--horizon-months", 0, kMaxHorizonMonths, "months");
      options.reopen_nondeployed = !*no_reopen;
      options.treaty = &treaty;
      const ForceCounting counting(catalog, treaty, snapshot, parse_limits(args->limits, treaty));
      options.count_options = counting.options();
      const UploadPath path = compute_upload(snapshot, options);
      if (args->json) {
        console_out() << to_json(path).dump(2) << '\n';
      } else {
        console_out() << format_upload(path);
      }
      return kExitOk;
    };
  });
}

}  // namespace stratstab::app

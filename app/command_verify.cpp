// `stratstab verify FORCE --treaty ID [--violation KIND=M ...] [--years Y] [--json]`: the regime's
// inspections against stated violations of the force (verification.hpp); with `--knowledge`, what
// the other party knows of the force since its last data exchange and the index it would perceive
// (perceived_index.hpp), against a regime's exchange interval.
#include <iostream>
#include <memory>

#include <fmt/format.h>

#include "command_data.hpp"
#include "console.hpp"
#include "exit_codes.hpp"
#include "option_values.hpp"
#include "scenario_args.hpp"
#include "stratstab/json.hpp"
#include "stratstab/perceived_index.hpp"
#include "stratstab/prepare.hpp"
#include "stratstab/report.hpp"
#include "stratstab/verification.hpp"

namespace stratstab::app {
namespace {

struct VerifyRequest {
  std::string force;
  std::string treaty = "new-start";
  std::vector<std::string> violations;  ///< `KIND=M`
  std::string years = "5";
  bool knowledge = false;
  std::string scenario = "us-ru-2026-11";
  std::string as_of;  ///< empty: the force's date
  std::string samples = "400";
  std::string seed = "1";
  std::string threads = "0";
  bool json = false;
};

Diagnostic violation_error(const std::string& item, const std::string& message) {
  return key_error("--violation", fmt::format("'{}': {}", item, message), "command line");
}

std::vector<Violation> parse_violations(const std::vector<std::string>& items) {
  std::vector<Violation> out;
  std::vector<Diagnostic> problems;
  for (const std::string& item : items) {
    const std::size_t eq = item.find('=');
    const auto kind = violation_kind_from_string(item.substr(0, eq));
    if (!kind) {
      problems.push_back(violation_error(item, "expected hidden-upload=M or undeclared-launchers=M"));
      continue;
    }
    long long m = 0;
    const std::string count = eq == std::string::npos ? "" : item.substr(eq + 1);
    try {
      std::size_t used = 0;
      m = std::stoll(count, &used);
      if (used != count.size()) throw std::invalid_argument(count);
    } catch (const std::exception&) {
      problems.push_back(violation_error(item, fmt::format("expected a whole number after '=', got '{}'", count)));
      continue;
    }
    out.push_back(Violation{*kind, m});
  }
  if (!problems.empty()) throw InputError(std::move(problems));
  return out;
}

Knowledge knowledge_of(const DataCatalog& catalog, const Treaty& treaty, const ForceSnapshot& force,
                       const VerifyRequest& request) {
  const LastExchange* last = nullptr;
  for (const LastExchange& e : treaty.verification.last_exchange) {
    if (e.side == force.side) last = &e;
  }
  if (last == nullptr) {
    throw InputError({key_error("--treaty",
                                fmt::format("treaty '{}' gives no last data exchange for side '{}' (its file has no "
                                            "verification.last_exchange entry with side: {}); expected a regime that "
                                            "does, such as new-start",
                                            treaty.id, force.side, force.side),
                                "command line")});
  }
  if (treaty.verification.data_exchanges_per_year <= 0) {
    throw InputError({key_error("--treaty",
                                fmt::format("treaty '{}' has no data exchanges; expected a regime with some to compare "
                                            "against",
                                            treaty.id),
                                "command line")});
  }
  Knowledge k;
  k.last_exchange = last->date;
  k.last_exchange_note = last->note;
  k.last_exchange_src = last->source_id;
  k.as_of = request.as_of.empty() ? force.date : request.as_of;
  try {
    k.now = perceived_force(force, months_between(last->date, k.as_of));
  } catch (const Error& e) {
    throw InputError({key_error("--as-of", e.what(), "command line")});
  }
  k.under_regime = perceived_force(force, 12.0 / static_cast<double>(treaty.verification.data_exchanges_per_year));
  const Scenario loaded = read_scenario_args(catalog, request.scenario, ScenarioArgs{});
  k.scenario = loaded.name;
  std::size_t side = loaded.sides.size();
  for (std::size_t i = 0; i < loaded.sides.size(); ++i) {
    if (loaded.sides[i].forces && loaded.sides[i].forces->id == force.id) side = i;
  }
  if (side == loaded.sides.size()) {
    throw InputError({key_error("--scenario",
                                fmt::format("scenario '{}' has no side with the force {}; expected one that does "
                                            "(us-ru-2026-11 uses the November 2026 snapshots)",
                                            request.scenario, force.id),
                                "command line")});
  }
  k.observed_side = loaded.sides[side].id;
  k.true_index = evaluate_scenario(prepare_scenario(loaded)).index;
  const auto samples =
      static_cast<std::size_t>(whole_number_option(request.samples, "--samples", 1, 1000000, "samples"));
  const std::uint64_t seed = seed_option(request.seed);
  const unsigned threads = threads_option(request.threads);
  k.perceived_now = perceived_index_band(loaded, side, k.now, samples, seed, threads);
  k.perceived_under_regime = perceived_index_band(loaded, side, k.under_regime, samples, seed, threads);
  return k;
}

}  // namespace

void add_verify_command(CLI::App& app, const GlobalOptions& global, std::function<int()>& run) {
  auto request = std::make_shared<VerifyRequest>();
  CLI::App* cmd = app.add_subcommand(
      "verify", "What a regime's inspections would detect of stated violations, and what ageing data leave known");
  cmd->add_option("FORCE", request->force, "Force snapshot id or file")->required();
  cmd->add_option("--treaty", request->treaty, "Regime (data/treaties; default new-start)");
  cmd->add_option("--violation", request->violations,
                  "hidden-upload=M (M deployed missiles carry more RVs than declared) or undeclared-launchers=M (M "
                  "declared bases hold undeclared launchers); repeatable; default hidden-upload=1, hidden-upload=10% "
                  "of the missiles, undeclared-launchers=1");
  cmd->add_option("--years", request->years, "Years of inspections for the cumulative probability (1-1000, default 5)");
  cmd->add_flag("--knowledge", request->knowledge,
                "Instead: what the other party knows of the force since its last data exchange, and the index it "
                "would perceive, against the regime's exchange interval");
  cmd->add_option("--scenario", request->scenario, "With --knowledge: the scenario whose index is perceived");
  cmd->add_option("--as-of", request->as_of, "With --knowledge: the date of the question (default the force's date)");
  cmd->add_option("--samples", request->samples, "With --knowledge: draws of the perceived loadings (default 400)");
  cmd->add_option("--seed", request->seed, "With --knowledge: seed of the draws (default 1)");
  cmd->add_option("--threads", request->threads, "With --knowledge: threads (default every core)");
  cmd->add_flag("--json", request->json, "Print JSON");
  cmd->callback([&run, &global, request] {
    run = [&global, request] {
      const DataCatalog catalog = open_catalog(global);
      const ForceSnapshot force = catalog.load_snapshot(request->force);
      const Treaty treaty = catalog.load_treaty(request->treaty);
      if (request->knowledge) {
        const Knowledge k = knowledge_of(catalog, treaty, force, *request);
        console_out() << (request->json ? to_json(k).dump(2) + "\n" : format_knowledge(k));
        return kExitOk;
      }
      const long long years = whole_number_option(request->years, "--years", 1, 1000, "years");
      std::vector<Violation> violations = parse_violations(request->violations);
      if (violations.empty()) {
        const long long missiles = violation_population(treaty, force, ViolationKind::kHiddenUpload).size;
        violations = {
            Violation{ViolationKind::kHiddenUpload, 1},
            Violation{ViolationKind::kHiddenUpload, std::max(1LL, std::llround(0.1 * static_cast<double>(missiles)))},
            Violation{ViolationKind::kUndeclaredLaunchers, 1}};
      }
      const VerificationAssessment a = assess_verification(treaty, force, violations, years);
      console_out() << (request->json ? to_json(a).dump(2) + "\n" : format_verification(a));
      return kExitOk;
    };
  });
}

}  // namespace stratstab::app

// `stratstab arms-race [FILE] [--sides A,B[,C]] [--fatigue V] [--reaction V|A.B=V] [--grievance V]
// [--start V] [--years Y] [--step S] [--json|--csv]`: Richardson's arms-race dynamics of two or three
// sides (arms_race.hpp, docs/methods.md §13.6) from an arms-race file, from the command line, or from
// a file with some of its numbers replaced on the command line.
#include <cmath>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <optional>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "command_data.hpp"
#include "console.hpp"
#include "exit_codes.hpp"
#include "stratstab/arms_race_file.hpp"
#include "stratstab/error.hpp"
#include "stratstab/json.hpp"
#include "stratstab/report.hpp"
#include "stratstab/schema.hpp"

namespace stratstab::app {
namespace {

/// Collects the command line's problems, to report them all at once.
struct Problems {
  std::vector<Diagnostic> list;
  void add(std::string_view option, std::string message) {
    list.push_back(key_error(std::string(option), std::move(message), "command line"));
  }
};

std::vector<std::string> split(const std::string& text, char by) {
  std::vector<std::string> parts;
  std::size_t from = 0;
  while (true) {
    const std::size_t at = text.find(by, from);
    parts.push_back(text.substr(from, at == std::string::npos ? std::string::npos : at - from));
    if (at == std::string::npos) return parts;
    from = at + 1;
  }
}

/// `text` as a number within the bounds of the file key it stands for; nullopt (reported) otherwise.
std::optional<double> number_for(const std::string& text, std::string_view option, const KeySpec& spec,
                                 Problems& problems) {
  char* end = nullptr;
  const double value = std::strtod(text.c_str(), &end);
  if (text.empty() || end != text.c_str() + text.size() || !std::isfinite(value)) {
    problems.add(option, fmt::format("expected {}, got '{}'", expected_number_text(spec), text));
    return std::nullopt;
  }
  if (!within_bounds(value, spec)) {
    problems.add(option, fmt::format("expected {}, got '{}'", expected_number_text(spec), text));
    return std::nullopt;
  }
  return value;
}

std::optional<std::size_t> side_index(const std::vector<std::string>& sides, const std::string& id) {
  for (std::size_t i = 0; i < sides.size(); ++i) {
    if (sides[i] == id) return i;
  }
  return std::nullopt;
}

/// `--fatigue`, `--grievance`, `--start`: each text one number for every side (`0.5`), one per side
/// in order (`0.5,0.4,0.6`) or one side's (`US=0.5`); later texts win.
void per_side_values(const std::vector<std::string>& texts, std::string_view option, const KeySpec& spec,
                     const std::vector<std::string>& sides, std::vector<std::optional<double>>& values,
                     Problems& problems) {
  for (const std::string& text : texts) {
    if (const std::size_t eq = text.find('='); eq != std::string::npos) {
      const std::string id = text.substr(0, eq);
      const std::optional<std::size_t> i = side_index(sides, id);
      if (!i) {
        problems.add(option,
                     fmt::format("'{}' in '{}' is not a side; expected one of {}", id, text, fmt::join(sides, ", ")));
        continue;
      }
      if (auto v = number_for(text.substr(eq + 1), option, spec, problems)) values[*i] = v;
      continue;
    }
    const std::vector<std::string> parts = split(text, ',');
    if (parts.size() == 1) {
      if (auto v = number_for(text, option, spec, problems)) values.assign(sides.size(), v);
      continue;
    }
    if (parts.size() != sides.size()) {
      problems.add(option, fmt::format("expected one number for every side or one per side ({}), got {} in '{}'",
                                       fmt::join(sides, ","), parts.size(), text));
      continue;
    }
    for (std::size_t i = 0; i < parts.size(); ++i) {
      if (auto v = number_for(parts[i], option, spec, problems)) values[i] = v;
    }
  }
}

/// `--reaction`: `0.3` (every side to every rival) or `US.RU=0.3` (the US's reaction to Russia).
void reaction_values(const std::vector<std::string>& texts, const std::vector<std::string>& sides,
                     std::vector<std::vector<std::optional<double>>>& k, Problems& problems) {
  const KeySpec& spec = key_spec("arms_race_reaction", "rate");
  const std::size_t n = sides.size();
  for (const std::string& text : texts) {
    const std::size_t eq = text.find('=');
    if (eq == std::string::npos) {
      if (auto v = number_for(text, "--reaction", spec, problems)) {
        for (std::size_t i = 0; i < n; ++i) {
          for (std::size_t j = 0; j < n; ++j) {
            if (i != j) k[i][j] = v;
          }
        }
      }
      continue;
    }
    const std::vector<std::string> pair = split(text.substr(0, eq), '.');
    const auto from = pair.size() == 2 ? side_index(sides, pair[0]) : std::nullopt;
    const auto to = pair.size() == 2 ? side_index(sides, pair[1]) : std::nullopt;
    if (!from || !to || *from == *to) {
      problems.add("--reaction",
                   fmt::format("expected SIDE.RIVAL=RATE with two different sides of {} (e.g. {}.{}=0.3), "
                               "got '{}'",
                               fmt::join(sides, ", "), sides[0], sides[1], text));
      continue;
    }
    if (auto v = number_for(text.substr(eq + 1), "--reaction", spec, problems)) k[*from][*to] = v;
  }
}

struct Request {
  std::string arms_race;
  std::string sides;
  std::vector<std::string> fatigue;
  std::vector<std::string> reaction;
  std::vector<std::string> grievance;
  std::vector<std::string> start;
  std::string years;
  std::string step;
  std::string unit;
  bool json = false;
  bool csv = false;
};

/// The report's question: the file's (if any) with the command line's numbers over it.
ArmsRaceReport build_report(const Request& request, const DataCatalog& catalog) {
  ArmsRaceReport report;
  Problems problems;
  std::vector<std::string> sides;
  std::vector<std::optional<double>> fatigue;
  std::vector<std::optional<double>> grievance;
  std::vector<std::optional<double>> start;
  std::vector<std::vector<std::optional<double>>> k;
  std::optional<double> years = 20;
  std::optional<double> step = 1;
  if (!request.arms_race.empty()) {
    const std::filesystem::path path = catalog.arms_race_path(request.arms_race);
    const ArmsRaceFile file = load_arms_race(path);
    if (!request.sides.empty()) {
      problems.add("--sides",
                   fmt::format("the sides are the file's ({}); expected --sides only without a file", file.file));
    }
    const ArmsRaceQuestion q = arms_race_question(file);
    report.id = file.id;
    report.name = file.name;
    report.unit = file.unit;
    // A bundled id is shown by its place in the data folder, not by this machine's path.
    report.file = path == std::filesystem::path(request.arms_race) ? request.arms_race
                                                                   : fmt::format("data/arms_race/{}.yaml", file.id);
    sides = q.system.sides;
    for (std::size_t i = 0; i < sides.size(); ++i) {
      fatigue.emplace_back(q.system.fatigue[i]);
      grievance.emplace_back(q.system.grievance[i]);
      start.emplace_back(q.start[i]);
      k.emplace_back(q.system.reaction[i].begin(), q.system.reaction[i].end());
    }
    years = q.years;
    step = q.step_years;
  } else {
    report.id = "command-line";
    report.name = "parameters from the command line";
    report.unit = "warheads";
    if (request.sides.empty()) {
      problems.add("--sides", "expected an arms-race file (a data/arms_race id or a path) or --sides A,B[,C]");
      throw InputError(std::move(problems.list));
    }
    sides = split(request.sides, ',');
    bool ok = sides.size() >= 2 && sides.size() <= kMaxArmsRaceSides;
    for (std::size_t i = 0; ok && i < sides.size(); ++i) {
      ok = is_arms_race_side_id(sides[i]) && side_index(sides, sides[i]) == i;
    }
    if (!ok) {
      problems.add("--sides", fmt::format("expected two or three different side ids (letters, digits, '-', '_') "
                                          "separated by commas, e.g. US,RU,CN; got '{}'",
                                          request.sides));
      throw InputError(std::move(problems.list));
    }
    fatigue.assign(sides.size(), std::nullopt);
    grievance.assign(sides.size(), 0.0);
    start.assign(sides.size(), std::nullopt);
    k.assign(sides.size(), std::vector<std::optional<double>>(sides.size(), std::nullopt));
  }
  if (!request.unit.empty()) report.unit = request.unit;
  per_side_values(request.fatigue, "--fatigue", key_spec("arms_race_side", "fatigue"), sides, fatigue, problems);
  per_side_values(request.grievance, "--grievance", key_spec("arms_race_side", "grievance"), sides, grievance,
                  problems);
  per_side_values(request.start, "--start", key_spec("arms_race_side", "start"), sides, start, problems);
  reaction_values(request.reaction, sides, k, problems);
  if (!request.years.empty()) years = number_for(request.years, "--years", key_spec("arms_race", "years"), problems);
  if (!request.step.empty()) step = number_for(request.step, "--step", key_spec("arms_race", "step"), problems);
  if (years && step && *step > *years) {
    problems.add("--step",
                 fmt::format("expected a step no longer than the horizon ({:g} years), got {:g}", *years, *step));
  } else if (years && step && *years / *step > kMaxArmsRacePoints) {
    problems.add("--step",
                 fmt::format("expected a step of at least {:g} (at most {:g} points over {:g} years), got {:g}",
                             *years / kMaxArmsRacePoints, kMaxArmsRacePoints, *years, *step));
  }
  if (problems.list.empty()) {
    // Without a file every number must be given (grievance defaults to 0).
    for (std::size_t i = 0; i < sides.size(); ++i) {
      if (!fatigue[i])
        problems.add("--fatigue", fmt::format("no fatigue for {}; expected e.g. --fatigue 0.5", sides[i]));
      if (!start[i])
        problems.add("--start", fmt::format("no starting stock for {}; expected e.g. --start 1700", sides[i]));
      for (std::size_t j = 0; j < sides.size(); ++j) {
        if (i != j && !k[i][j]) {
          problems.add("--reaction", fmt::format("no reaction of {} to {}; expected e.g. --reaction 0.3 or "
                                                 "--reaction {}.{}=0.3",
                                                 sides[i], sides[j], sides[i], sides[j]));
        }
      }
    }
  }
  if (!problems.list.empty()) throw InputError(std::move(problems.list));
  ArmsRaceQuestion& q = report.question;
  q.system.sides = sides;
  q.system.reaction.assign(sides.size(), std::vector<double>(sides.size(), 0.0));
  for (std::size_t i = 0; i < sides.size(); ++i) {
    q.system.fatigue.push_back(*fatigue[i]);
    q.system.grievance.push_back(*grievance[i]);
    q.start.push_back(*start[i]);
    for (std::size_t j = 0; j < sides.size(); ++j) {
      if (i != j) q.system.reaction[i][j] = *k[i][j];
    }
  }
  q.years = *years;
  q.step_years = *step;
  report.result = solve_arms_race(q);
  return report;
}

}  // namespace

void add_arms_race_command(CLI::App& app, const GlobalOptions& global, std::function<int()>& run) {
  auto request = std::make_shared<Request>();
  CLI::App* cmd = app.add_subcommand(
      "arms-race",
      "Richardson arms-race dynamics of two or three sides: equilibrium, stability of the whole and of each pair "
      "alone, and the stocks over time");
  cmd->add_option("ARMS_RACE", request->arms_race, "An arms-race id (data/arms_race) or file");
  cmd->add_option("--sides", request->sides, "Side ids without a file, e.g. US,RU,CN");
  cmd->add_option("--fatigue", request->fatigue,
                  "a per year: one for all (0.5), one per side (0.5,0.4,0.6) or one side's (US=0.5); repeatable");
  cmd->add_option("--reaction", request->reaction,
                  "k per year: one for every side to every rival (0.3) or one side's to one rival (US.RU=0.3); "
                  "repeatable");
  cmd->add_option("--grievance", request->grievance, "g, stock per year, as --fatigue (default 0)");
  cmd->add_option("--start", request->start, "Starting stocks, as --fatigue (e.g. 1700,1700,600)");
  cmd->add_option("--years", request->years, "Horizon in years (default 20, or the file's)");
  cmd->add_option("--step", request->step, "Years between printed points (default 1, or the file's)");
  cmd->add_option("--unit", request->unit, "What a stock counts (default warheads, or the file's)");
  auto* json = cmd->add_flag("--json", request->json, "Print JSON");
  cmd->add_flag("--csv", request->csv, "Print the trajectory as CSV: t and each side's stock")->excludes(json);
  cmd->callback([&run, &global, request] {
    run = [&global, request] {
      const DataCatalog catalog = open_catalog(global);
      const ArmsRaceReport report = build_report(*request, catalog);
      if (request->json) {
        console_out() << to_json(report).dump(2) << '\n';
      } else if (request->csv) {
        console_out() << format_arms_race_csv(report);
      } else {
        console_out() << format_arms_race(report);
      }
      return kExitOk;
    };
  });
}

}  // namespace stratstab::app

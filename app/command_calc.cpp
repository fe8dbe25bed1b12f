#include "command_calc.hpp"
#include "console.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <system_error>

#include <fmt/format.h>

#include "exit_codes.hpp"
#include "stratstab/detection.hpp"
#include "stratstab/json.hpp"
#include "stratstab/report.hpp"
#include "stratstab/weapon_effects.hpp"

namespace stratstab::app {
namespace {

// Values are taken as text and converted here, so that a value that is not a number is an input
// error (exit 3, option named) like a number out of range, not a usage error.
struct KillOptions {
  std::string yield_kt;
  std::string hardness_psi;
  std::string cep_m;
  std::string reliability = "1";
  std::string p_pen = "1";
  std::string warheads = "1";
  bool json = false;
};

// Diagnostics of the command line name the option (`--yield-kt`) where the library names the
// field (`yield_kt`).
constexpr const char* kCommandLine = "command line";
constexpr std::array<std::string_view, 6> kOptionOrder{"--yield-kt",    "--hardness-psi", "--cep-m",
                                                       "--reliability", "--p-pen",        "--warheads"};

std::string option_name(std::string field) {
  for (char& c : field) {
    if (c == '_') c = '-';
  }
  return "--" + field;
}

Diagnostic option_problem(const std::string& field, std::string message) {
  return key_error(option_name(field), std::move(message), kCommandLine);
}

/// The whole of `text` as a number (accepts `nan` and `inf`, which validation then rejects).
template <typename T>
std::optional<T> parse_number(const std::string& text) {
  std::string_view view = text;
  if (!view.empty() && view.front() == '+') view.remove_prefix(1);
  T value{};
  const auto [end, ec] = std::from_chars(view.data(), view.data() + view.size(), value);
  if (ec != std::errc() || end != view.data() + view.size() || view.empty()) return std::nullopt;
  return value;
}

/// Converts the option texts; every problem, of conversion or of value, is thrown at once.
KillInputs kill_inputs(const KillOptions& options) {
  std::vector<Diagnostic> problems;
  std::vector<std::string> unparsed;
  KillInputs inputs;
  const auto read_double = [&](const std::string& text, const std::string& field, double& target) {
    if (const auto value = parse_number<double>(text)) {
      target = *value;
    } else {
      problems.push_back(option_problem(field, fmt::format("expected a number, got '{}'", text)));
      unparsed.push_back(field);
    }
  };
  read_double(options.yield_kt, "yield_kt", inputs.yield_kt);
  read_double(options.hardness_psi, "hardness_psi", inputs.hardness_psi);
  read_double(options.cep_m, "cep_m", inputs.cep_m);
  read_double(options.reliability, "reliability", inputs.reliability);
  read_double(options.p_pen, "p_pen", inputs.p_pen);
  if (const auto value = parse_number<int>(options.warheads)) {
    inputs.warheads = *value;
  } else {
    problems.push_back(option_problem(
        "warheads", fmt::format("expected a whole number of warheads >= 1, got '{}'", options.warheads)));
    unparsed.push_back("warheads");
  }
  for (Diagnostic& d : validate_kill_inputs(inputs)) {
    if (std::find(unparsed.begin(), unparsed.end(), d.where.key_path) != unparsed.end()) continue;
    problems.push_back(option_problem(d.where.key_path, std::move(d.message)));
  }
  // Report in the order of the options, whichever check found the problem.
  const auto rank = [](const Diagnostic& d) {
    return std::find(kOptionOrder.begin(), kOptionOrder.end(), d.where.key_path) - kOptionOrder.begin();
  };
  std::stable_sort(problems.begin(), problems.end(),
                   [&rank](const Diagnostic& a, const Diagnostic& b) { return rank(a) < rank(b); });
  if (!problems.empty()) throw InputError(std::move(problems));
  return inputs;
}

struct DetectOptions {
  std::string sites;
  std::string violating;
  std::string inspected;
  std::string years = "1";
  std::string p_given_inspected = "1";
  bool json = false;
};

/// Converts the option texts of `calc detect`: each must be a whole number (the probability a
/// number); every problem is thrown at once, in the order of the options.
DetectionInputs detect_inputs(const DetectOptions& options) {
  std::vector<Diagnostic> problems;
  std::vector<std::string> unparsed;
  DetectionInputs inputs;
  const auto read_whole = [&](const std::string& text, const std::string& field, long long& target) {
    if (const auto value = parse_number<long long>(text)) {
      target = *value;
    } else {
      problems.push_back(option_problem(field, fmt::format("expected a whole number, got '{}'", text)));
      unparsed.push_back(field);
    }
  };
  read_whole(options.sites, "sites", inputs.sites);
  read_whole(options.violating, "violating", inputs.violating);
  read_whole(options.inspected, "inspected", inputs.inspected);
  read_whole(options.years, "years", inputs.years);
  if (const auto value = parse_number<double>(options.p_given_inspected)) {
    inputs.p_given_inspected = *value;
  } else {
    problems.push_back(option_problem(
        "p_given_inspected", fmt::format("expected a probability in [0, 1], got '{}'", options.p_given_inspected)));
    unparsed.push_back("p_given_inspected");
  }
  for (Diagnostic& d : validate_detection_inputs(inputs)) {
    if (std::find(unparsed.begin(), unparsed.end(), d.where.key_path) != unparsed.end()) continue;
    problems.push_back(option_problem(d.where.key_path, std::move(d.message)));
  }
  static constexpr std::array<std::string_view, 5> kOrder{"--sites", "--violating", "--inspected", "--years",
                                                          "--p-given-inspected"};
  const auto rank = [](const Diagnostic& d) {
    return std::find(kOrder.begin(), kOrder.end(), d.where.key_path) - kOrder.begin();
  };
  std::stable_sort(problems.begin(), problems.end(),
                   [&rank](const Diagnostic& a, const Diagnostic& b) { return rank(a) < rank(b); });
  if (!problems.empty()) throw InputError(std::move(problems));
  return inputs;
}

}  // namespace

void add_calc_commands(CLI::App& app, std::function<int()>& run) {
  CLI::App* calc = app.add_subcommand("calc", "One-off calculations from the command line (no data files)");
  calc->require_subcommand(1);

  auto options = std::make_shared<KillOptions>();
  CLI::App* kill = calc->add_subcommand(
      "kill", "Lethal radius and kill probability of a surface burst on a point target (docs/methods.md §4)");
  kill->add_option("--yield-kt", options->yield_kt, "Warhead yield, kilotons (> 0)")->required()->type_name("NUMBER");
  kill->add_option("--hardness-psi", options->hardness_psi, "Target hardness, psi peak overpressure (> 0)")
      ->required()
      ->type_name("NUMBER");
  kill->add_option("--cep-m", options->cep_m, "Circular error probable, metres (> 0)")->required()->type_name("NUMBER");
  kill->add_option("--reliability", options->reliability, "Launch-to-detonation probability in [0, 1]")
      ->capture_default_str()
      ->type_name("NUMBER");
  kill->add_option("--p-pen", options->p_pen, "Probability of penetrating defences in [0, 1]")
      ->capture_default_str()
      ->type_name("NUMBER");
  kill->add_option("--warheads", options->warheads, "Independent warheads of this type on the target (>= 1)")
      ->capture_default_str()
      ->type_name("INTEGER");
  kill->add_flag("--json", options->json,
                 "Print JSON (keys: inputs, lethal_radius_m, sspk, kill_probability, kill_probability_n, "
                 "approximate, ...)");
  auto detect = std::make_shared<DetectOptions>();
  CLI::App* detect_cmd = calc->add_subcommand(
      "detect", "Probability that random inspections find a violation (hypergeometric, docs/methods.md §13.1)");
  detect_cmd->add_option("--sites", detect->sites, "Sites or missiles that could be inspected, N (>= 1)")
      ->required()
      ->type_name("INTEGER");
  detect_cmd->add_option("--violating", detect->violating, "Of them, in violation, M (0 <= M <= N)")
      ->required()
      ->type_name("INTEGER");
  detect_cmd
      ->add_option("--inspected", detect->inspected, "Inspected a year, drawn without replacement, n (0 <= n <= N)")
      ->required()
      ->type_name("INTEGER");
  detect_cmd->add_option("--years", detect->years, "Years of fresh draws for the cumulative probability (1-1000)")
      ->capture_default_str()
      ->type_name("INTEGER");
  detect_cmd
      ->add_option("--p-given-inspected", detect->p_given_inspected,
                   "Chance that inspecting a violating site finds the violation, in [0, 1]")
      ->capture_default_str()
      ->type_name("NUMBER");
  detect_cmd->add_flag("--json", detect->json,
                       "Print JSON (keys: inputs, p_detect, p_detect_binomial, p_detect_cumulative)");
  detect_cmd->callback([&run, detect] {
    run = [detect] {
      const DetectionResult result = calculate_detection(detect_inputs(*detect));
      if (detect->json) {
        console_out() << to_json(result).dump(2) << '\n';
      } else {
        console_out() << format_detection(result);
      }
      return kExitOk;
    };
  });

  kill->callback([&run, options] {
    run = [options] {
      const KillCalculation calculation = calculate_kill(kill_inputs(*options));
      if (options->json) {
        console_out() << to_json(calculation).dump(2) << '\n';
      } else {
        console_out() << format_kill_calculation(calculation);
      }
      return kExitOk;
    };
  });
}

}  // namespace stratstab::app

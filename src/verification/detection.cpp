// Detection by random inspection (detection.hpp, docs/methods.md §13.1).
#include "stratstab/detection.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

namespace stratstab {

std::vector<Diagnostic> validate_detection_inputs(const DetectionInputs& in) {
  std::vector<Diagnostic> out;
  const auto problem = [&out](const char* field, std::string message) {
    out.push_back(key_error(field, std::move(message), "command line"));
  };
  if (in.sites < 1) problem("sites", fmt::format("expected a whole number of sites >= 1, got {}", in.sites));
  if (in.violating < 0) {
    problem("violating", fmt::format("expected a whole number >= 0, got {}", in.violating));
  } else if (in.sites >= 1 && in.violating > in.sites) {
    problem("violating", fmt::format("expected at most the {} sites, got {}", in.sites, in.violating));
  }
  if (in.inspected < 0) {
    problem("inspected", fmt::format("expected a whole number >= 0, got {}", in.inspected));
  } else if (in.sites >= 1 && in.inspected > in.sites) {
    problem("inspected",
            fmt::format("expected at most the {} sites (drawn without replacement), got {}", in.sites, in.inspected));
  }
  if (in.years < 1 || in.years > 1000) {
    problem("years", fmt::format("expected a whole number of years in [1, 1000], got {}", in.years));
  }
  if (!(in.p_given_inspected >= 0 && in.p_given_inspected <= 1)) {
    problem("p_given_inspected", fmt::format("expected a probability in [0, 1], got {}", in.p_given_inspected));
  }
  return out;
}

double hypergeometric_detection(long long sites, long long violating, long long inspected) {
  const long long clean = sites - violating;
  if (inspected > clean) return 1.0;  // some inspection must fall on a violating site
  double none = 1.0;                  // C(N-M, n) / C(N, n)
  for (long long i = 0; i < inspected; ++i) {
    none *= static_cast<double>(clean - i) / static_cast<double>(sites - i);
  }
  return 1.0 - none;
}

double binomial_detection(long long sites, long long violating, long long inspected) {
  return 1.0 -
         std::pow(1.0 - static_cast<double>(violating) / static_cast<double>(sites), static_cast<double>(inspected));
}

double imperfect_detection(long long sites, long long violating, long long inspected, double p_given_inspected) {
  if (p_given_inspected >= 1.0) return hypergeometric_detection(sites, violating, inspected);
  // E[(1 - p)^K] over K ~ Hypergeometric(N, M, n), its pmf stepped by the ratio of consecutive terms
  // P(k+1) / P(k) = (M - k)(n - k) / ((k + 1)(N - M - n + k + 1)), from P(k_min) in logs.
  const long long low = std::max(0LL, inspected - (sites - violating));
  const long long high = std::min(violating, inspected);
  const auto log_choose = [](long long a, long long b) {
    return std::lgamma(static_cast<double>(a) + 1) - std::lgamma(static_cast<double>(b) + 1) -
           std::lgamma(static_cast<double>(a - b) + 1);
  };
  double pmf = std::exp(log_choose(violating, low) + log_choose(sites - violating, inspected - low) -
                        log_choose(sites, inspected));
  const double miss = 1.0 - p_given_inspected;
  double expected = 0;
  for (long long k = low; k <= high; ++k) {
    expected += pmf * std::pow(miss, static_cast<double>(k));
    if (k < high) {
      pmf *= static_cast<double>((violating - k) * (inspected - k)) /
             static_cast<double>((k + 1) * (sites - violating - inspected + k + 1));
    }
  }
  return std::clamp(1.0 - expected, 0.0, 1.0);
}

double cumulative_detection(const std::vector<double>& per_year) {
  double none = 1.0;
  for (const double p : per_year) none *= 1.0 - p;
  return 1.0 - none;
}

DetectionResult calculate_detection(const DetectionInputs& inputs) {
  std::vector<Diagnostic> problems = validate_detection_inputs(inputs);
  if (!problems.empty()) throw InputError(std::move(problems));
  DetectionResult r;
  r.inputs = inputs;
  r.p_detect = imperfect_detection(inputs.sites, inputs.violating, inputs.inspected, inputs.p_given_inspected);
  r.p_detect_binomial = 1.0 - std::pow(1.0 - inputs.p_given_inspected * static_cast<double>(inputs.violating) /
                                                 static_cast<double>(inputs.sites),
                                       static_cast<double>(inputs.inspected));
  r.p_detect_cumulative = cumulative_detection(std::vector<double>(static_cast<std::size_t>(inputs.years), r.p_detect));
  return r;
}

double deterrence_threshold(const InspectionGame& game) {
  return (game.penalty - game.false_alarm_cost * game.false_alarm_rate) / (game.penalty + game.gain);
}

}  // namespace stratstab

// Detection by random inspection (docs/methods.md §13.1): N sites (or missiles), M of
// them in violation, n inspected at random without replacement. Pure functions of plain numbers.
#pragma once

#include <string>
#include <vector>

#include "stratstab/error.hpp"

namespace stratstab {

/// `calc detect`'s inputs: whole numbers, 0 <= M <= N, 0 <= n <= N, N >= 1, years >= 1.
struct DetectionInputs {
  long long sites = 0;           ///< N
  long long violating = 0;       ///< M
  long long inspected = 0;       ///< n a year
  long long years = 1;           ///< Y years of fresh draws
  double p_given_inspected = 1;  ///< chance an inspection of a violating site finds the violation
};

/// Every problem of `inputs`, keyed by field name (`sites`, `violating`, ...); empty when valid.
std::vector<Diagnostic> validate_detection_inputs(const DetectionInputs& inputs);

/// P(at least one violating site among n drawn without replacement) = 1 - C(N-M, n) / C(N, n),
/// as the product prod_{i<n} (N - M - i) / (N - i) (0 once n > N - M).
double hypergeometric_detection(long long sites, long long violating, long long inspected);

/// The binomial approximation, draws with replacement: 1 - (1 - M/N)^n.
double binomial_detection(long long sites, long long violating, long long inspected);

/// With each inspected violation found with probability p: 1 - E[(1 - p)^K], K hypergeometric
/// (the number of violating sites among the n drawn). p = 1 gives hypergeometric_detection.
double imperfect_detection(long long sites, long long violating, long long inspected, double p_given_inspected);

/// Fresh draws each year: 1 - prod_y (1 - p_y).
double cumulative_detection(const std::vector<double>& per_year);

struct DetectionResult {
  DetectionInputs inputs;
  double p_detect = 0;             ///< in one year (imperfect_detection; hypergeometric when p = 1)
  double p_detect_binomial = 0;    ///< the binomial approximation in one year (times p)
  double p_detect_cumulative = 0;  ///< over `years` years of fresh draws
};
/// Throws InputError for invalid inputs.
DetectionResult calculate_detection(const DetectionInputs& inputs);

/// The inspection game (Avenhaus and Canty, Compliance Quantified, 1996; Avenhaus, von Stengel and
/// Zamir, Handbook of Game Theory vol. 3, 2002): a state weighing a violation is deterred when the
/// probability of not being caught is at most (b - h alpha) / (b + d).
struct InspectionGame {
  double gain = 0;              ///< d: the violator's gain from an undetected violation
  double penalty = 0;           ///< b: its loss when caught
  double false_alarm_cost = 0;  ///< h: its loss from a false accusation while complying
  double false_alarm_rate = 0;  ///< alpha: the chance of such an accusation
};
/// (b - h alpha) / (b + d): the largest non-detection probability that deters.
double deterrence_threshold(const InspectionGame& game);

}  // namespace stratstab

// solve_wta: validate, solve the continuous problem to the requested proven gap, then the integer
// answers against its bound.
#include <algorithm>
#include <chrono>
#include <cmath>

#include "internal.hpp"

namespace stratstab {

WtaSolution solve_wta(const WtaProblem& problem, const WtaOptions& options) {
  std::vector<Diagnostic> problems = validate_wta(problem);
  if (!problems.empty()) throw InputError(std::move(problems));
  const wta::Structure s = wta::build_structure(problem);
  const wta::ContinuousResult continuous = wta::solve_continuous(s, options.gap_tolerance, options.max_iterations);

  WtaSolution solution;
  const std::vector<std::size_t> target_of = wta::pair_targets(s);
  for (std::size_t i = 0; i < s.pairs(); ++i) {
    if (continuous.x[i] > 0) solution.assignment.push_back({s.pair_weapon[i], target_of[i], continuous.x[i]});
  }
  solution.objective = continuous.objective;
  solution.upper_bound = std::max(continuous.upper_bound, continuous.objective);
  // A bound is reported as proven only when it is a finite number: NaN or infinity (kill rates
  // too small or too large for double arithmetic) falls back to the total target value, which no
  // assignment can exceed, and the solve does not count as converged.
  const bool finite = std::isfinite(continuous.upper_bound) && std::isfinite(continuous.objective);
  if (!finite) {
    double total_value = 0;
    for (double v : s.value) total_value += v;
    solution.upper_bound = total_value;
    solution.bound_is_dual = false;
  }
  solution.relative_gap =
      solution.upper_bound > 0 ? (solution.upper_bound - continuous.objective) / solution.upper_bound : 0.0;
  solution.max_violation = continuous.max_violation;
  double largest = 1;
  for (double a : s.available) largest = std::max(largest, a);
  // The repair leaves at most rounding (~1e-13 weapons) in the rows it rescaled.
  solution.converged =
      finite && solution.relative_gap <= options.gap_tolerance && continuous.max_violation <= 1e-9 * largest;
  solution.iterations = continuous.iterations;
  solution.weapon_prices = continuous.lambda;
  solution.minimum_prices = continuous.nu;
  if (options.integer_answers) {
    solution.rounding = wta::round_assignment(s, continuous.x, solution.upper_bound);
    solution.greedy = wta::greedy_assignment(s, solution.upper_bound);
  }
  if (options.integer_mode) {
    const auto start = std::chrono::steady_clock::now();
    if (!options.integer_answers) {
      solution.rounding = wta::round_assignment(s, continuous.x, solution.upper_bound);
      solution.greedy = wta::greedy_assignment(s, solution.upper_bound);
    }
    WtaIntegerMode mode;
    const WtaIntegerAnswer& best =
        solution.rounding.objective >= solution.greedy.objective ? solution.rounding : solution.greedy;
    const wta::IntegerBound bound =
        wta::integer_bound(s, solution.upper_bound, options.integer_rounds, options.integer_seconds);
    mode.improved = wta::improve_assignment(s, best, solution.upper_bound);
    if (!bound.x.empty()) {
      const WtaIntegerAnswer from_cuts =
          wta::improve_assignment(s, wta::round_assignment(s, bound.x, solution.upper_bound), solution.upper_bound);
      if (from_cuts.objective > mode.improved.objective) mode.improved = from_cuts;
    }
    // The Lagrangian bound only when the cuts leave more than the requested gap, in the time left.
    wta::LagrangianBound lagrangian;
    const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (bound.value - mode.improved.objective > options.integer_gap * bound.value) {
      lagrangian = wta::lagrangian_bound(s, bound.weapon_prices, mode.improved.objective, options.integer_gap,
                                         std::max(0.0, options.integer_seconds - elapsed),
                                         options.integer_lagrangian_iterations);
    }
    // A whole assignment cannot beat the bound; a bound below one would be the LP's tolerance.
    mode.integer_upper_bound = std::max(std::min(bound.value, lagrangian.value), mode.improved.objective);
    mode.bound_from_cuts = bound.proven_by_cuts;
    mode.rounds = bound.rounds;
    mode.cuts = bound.cuts;
    mode.cut_bound = bound.value;
    mode.lagrangian_bound = lagrangian.value;
    mode.lagrangian_iterations = lagrangian.iterations;
    const double b = mode.integer_upper_bound;
    mode.improved.gap = b > 0 ? (b - mode.improved.objective) / b : 0.0;
    mode.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    solution.integer = std::move(mode);
  }
  return solution;
}

}  // namespace stratstab

// Internal to the WTA solver: the problem in the compact form the algorithms work on, and the
// pieces solve_wta puts together (interior point, dual bound, max flow, integer answers).
#pragma once

#include <cstddef>
#include <limits>
#include <optional>
#include <span>
#include <utility>
#include <vector>

#include "stratstab/wta.hpp"

namespace stratstab::wta {

/// c = -ln(1 - p) with p capped at kWtaMaxKillProbability (per-weapon "kill rate": n weapons
/// leave a survival probability of exp(-n c)).
double kill_rate(double p);

/// The problem as the solvers see it: only pairs that can matter (p > 0, weapon available > 0,
/// and target with value > 0 or a minimum), grouped by target (compressed rows).
struct Structure {
  std::size_t weapons = 0;
  std::size_t targets = 0;
  std::vector<double> available;          ///< a_w
  std::vector<double> minimum;            ///< m_t
  std::vector<double> value;              ///< V_t
  std::vector<std::size_t> target_start;  ///< pairs of target t: [target_start[t], target_start[t+1])
  std::vector<std::size_t> pair_weapon;
  std::vector<double> pair_c;  ///< kill_rate(p)
  std::vector<double> pair_p;  ///< capped p
  [[nodiscard]] std::size_t pairs() const { return pair_weapon.size(); }
};

Structure build_structure(const WtaProblem& problem);

/// The target of each pair of `s`.
std::vector<std::size_t> pair_targets(const Structure& s);

/// sum_t V_t (1 - exp(-sum c x)) for x given per pair of `s`.
double objective(const Structure& s, std::span<const double> x);

/// The Lagrangian dual function at weapon prices `lambda` >= 0 (weak duality: an upper bound on
/// every feasible objective). `nu` receives each target's minimum price. No allocation.
double dual_bound(const Structure& s, std::span<const double> lambda, std::span<double> nu);

/// Result of the continuous solver.
struct ContinuousResult {
  std::vector<double> x;       ///< per pair of the structure, feasible (after repair)
  std::vector<double> lambda;  ///< weapon prices
  std::vector<double> nu;      ///< minimum prices
  double objective = 0;
  double upper_bound = 0;
  double max_violation = 0;
  int iterations = 0;
};

/// Block coordinate ascent over weapon kinds (water-filling), minimums ignored: a start for the
/// interior point. `value` is per target (scaled); `log_price` receives ln of each kind's price.
void warm_start(const Structure& s, std::span<const double> value, int sweeps, std::span<double> x,
                std::span<double> log_price);

/// Primal-dual interior point (Mehrotra predictor-corrector) with a Schur complement of size W.
ContinuousResult solve_continuous(const Structure& s, double gap_tolerance, int max_iterations);

/// Integer flow: supplies on weapons, demands on targets, along the structure's pairs. Returns the
/// flow per pair (an empty vector when the structure has no pairs and no demand), or nullopt when
/// the demands cannot all be met. `unmet_set`
/// (optional) receives, on failure, the targets not reachable from the source in the residual
/// graph: a set whose minimums exceed what can reach it (Hall's condition).
std::optional<std::vector<long long>> integer_flow(const Structure& s, std::span<const long long> supply,
                                                   std::span<const long long> demand,
                                                   std::vector<bool>* unmet_set = nullptr);

/// An upper bound on the best whole-weapon answer (integer_bound.cpp): a linear programme over cuts
/// that hold at every whole assignment, never above `continuous_bound`.
struct IntegerBound {
  double value = 0;                   ///< the bound
  bool proven_by_cuts = false;        ///< false: no LP finished below the continuous bound (value is it)
  int rounds = 0;                     ///< LPs solved
  int cuts = 0;                       ///< cuts added
  std::vector<double> x;              ///< per pair: the last LP's point (empty when none was solved)
  std::vector<double> weapon_prices;  ///< the last LP's duals of the weapon rows (>= 0)
};
IntegerBound integer_bound(const Structure& s, double continuous_bound, int max_rounds, double seconds);

/// The Lagrangian bound with the weapon rows relaxed (lagrangian_bound.cpp): the least L(lambda)
/// met in at most `max_iterations` subgradient steps from `start_prices`, aiming at `best_answer`;
/// stops once within `gap` of it (relative) or after `seconds`.
struct LagrangianBound {
  double value = std::numeric_limits<double>::infinity();  ///< +infinity when none was computed
  int iterations = 0;                                      ///< evaluations of L
};
LagrangianBound lagrangian_bound(const Structure& s, std::span<const double> start_prices, double best_answer,
                                 double gap, double seconds, int max_iterations);

/// The answer `start` improved by moves and swaps until none improves it (local_search.cpp).
WtaIntegerAnswer improve_assignment(const Structure& s, const WtaIntegerAnswer& start, double upper_bound);

/// A whole-weapon answer as local search holds it (views, per pair or per target).
struct ExchangeState {
  std::span<const long long> count;        ///< weapons per pair
  std::span<const double> survival;        ///< per target, prod q^x
  std::span<const double> weapons_on;      ///< per target
  std::span<const std::size_t> target_of;  ///< per pair
  std::span<const int> pair_at;            ///< pair of (w, t) at w * targets + t, or -1; empty: none
  std::span<const double> q;               ///< per pair, 1 - p
};
/// A chain of one-weapon changes (pair, +1 or -1) that raises the objective by `gain`; empty when
/// none does by more than the tolerance.
struct Exchange {
  std::vector<std::pair<std::size_t, int>> changes;
  double gain = 0;
};
/// An improving cyclic or path exchange from `state` (exchange.cpp): a pass over all starts at
/// once, then, when it finds none on a small graph, from each start on its own (misses fewer).
Exchange find_exchange(const Structure& s, const ExchangeState& state, double tolerance);

/// The whole-weapon answer of `count` weapons per pair (sorted by target, then weapon), its
/// objective, its gap to `upper_bound` and whether it meets every minimum (integer.cpp).
WtaIntegerAnswer answer_from_counts(const Structure& s, std::span<const std::size_t> target_of,
                                    std::span<const long long> count, double upper_bound);

/// Integer answers measured against `upper_bound`.
WtaIntegerAnswer round_assignment(const Structure& s, std::span<const double> x, double upper_bound);
WtaIntegerAnswer greedy_assignment(const Structure& s, double upper_bound);

}  // namespace stratstab::wta

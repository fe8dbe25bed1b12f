// Weapon–target assignment (docs/methods.md §10; Bracken & McCormick 1968, ch. 2):
//
//   maximise   sum_t V_t (1 - prod_w (1 - p_wt)^x_wt)
//   subject to sum_t x_wt <= a_w  (weapons of kind w available)
//              sum_w x_wt >= m_t  (minimum weapons on target t)
//              x_wt >= 0
//
// The continuous problem is solved to a proven relative duality gap (the upper bound is the
// Lagrangian dual function at the solver's weapon prices, a true bound by weak duality); two
// integer answers (rounding and marginal-return greedy) are measured against that bound.
// Everything here is pure and reentrant: no globals, no I/O; problems are returned, not printed.
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "stratstab/error.hpp"
#include "stratstab/load_result.hpp"

namespace stratstab {

/// One kind of weapon and how many of it there are.
struct WtaWeapon {
  std::string id;
  long long available = 0;  ///< weapons of this kind, a whole number >= 0
};

/// One target: its value (any unit, e.g. warheads it carries) and the fewest weapons it must get.
struct WtaTarget {
  std::string id;
  double value = 0;           ///< V_t >= 0
  long long min_weapons = 0;  ///< m_t, a whole number >= 0 (0: no minimum)
};

/// Single-shot kill probability of one weapon of kind `weapon` against `target` (indices into
/// WtaProblem::weapons / targets). Pairs not listed have p = 0 and cannot be assigned.
struct WtaKillProbability {
  std::size_t weapon = 0;
  std::size_t target = 0;
  double p = 0;
};

struct WtaProblem {
  std::string name;
  std::string description;
  std::vector<WtaWeapon> weapons;
  std::vector<WtaTarget> targets;
  std::vector<WtaKillProbability> kill_probability;
};

/// Above this a kill probability is treated as this in the computation: with p = 1 the continuous
/// relaxation has no optimum (any x > 0 kills the target), so c = -ln(1 - p) is capped at
/// -ln(1e-12) = 27.63. At whole numbers of weapons the capped survival differs from the true one
/// by at most 1e-12 per weapon.
inline constexpr double kWtaMaxKillProbability = 1.0 - 1e-12;

/// Every problem with the problem: ids (empty, duplicate), values out of range, pairs naming no
/// weapon or target or listed twice, p outside [0, 1] or NaN, and minimums that no assignment can
/// meet. Key paths are those of the problem file (`weapons[2].available`,
/// `kill_probability[3].p`); locations are left empty for the loader to fill in.
std::vector<Diagnostic> validate_wta(const WtaProblem& problem);

/// Weapons of kind `weapon` on `target`.
struct WtaAllocation {
  std::size_t weapon = 0;
  std::size_t target = 0;
  double x = 0;
};

/// An assignment in whole weapons.
struct WtaIntegerAnswer {
  std::vector<WtaAllocation> assignment;  ///< x whole and > 0
  double objective = 0;                   ///< expected value destroyed
  double gap = 0;                         ///< (upper_bound - objective) / upper_bound
  bool meets_minimums = true;
};

struct WtaOptions {
  double gap_tolerance = 1e-9;  ///< stop when (upper_bound - objective) / upper_bound <= this
  int max_iterations = 200;
  bool integer_answers = true;  ///< also compute rounding and greedy
  /// Integer mode (`wta --integer`; docs/methods.md §10): the better integer answer improved by
  /// local search with cyclic and path exchanges, and an integer upper bound (the least of a
  /// cutting-plane LP's and a Lagrangian one), tighter than the continuous one.
  bool integer_mode = false;
  int integer_rounds = 60;                   ///< cut rounds of the integer bound at most
  int integer_lagrangian_iterations = 2000;  ///< subgradient steps of the Lagrangian bound at most
  double integer_gap = 1e-4;                 ///< stop once (bound - answer) / bound is at most this
  double integer_seconds = 60.0;             ///< and after this many seconds (the bound holds whenever it stops)
};

/// Integer mode's results.
struct WtaIntegerMode {
  WtaIntegerAnswer improved;       ///< local search from the better of rounding and greedy; gap to integer_upper_bound
  double integer_upper_bound = 0;  ///< proven: no whole-weapon assignment does better; <= upper_bound
  bool bound_from_cuts = false;    ///< false: the cuts did not improve on the continuous bound
  int rounds = 0;                  ///< LPs solved
  int cuts = 0;                    ///< cuts added
  double cut_bound = 0;            ///< the cutting-plane LP's bound
  double lagrangian_bound = 0;     ///< the Lagrangian bound (+infinity: not computed)
  int lagrangian_iterations = 0;   ///< its subgradient steps
  double seconds = 0;              ///< time of the integer mode
};

struct WtaSolution {
  std::vector<WtaAllocation> assignment;  ///< continuous optimum, pairs with x > 0
  double objective = 0;                   ///< sum_t V_t (1 - prod_w (1 - p_wt)^x_wt) at `assignment`
  double upper_bound = 0;                 ///< proven: no feasible assignment does better
  /// True when upper_bound is the Lagrangian dual bound; false when the dual was not a finite
  /// number and upper_bound is the total target value (still proven, but loose; not converged).
  bool bound_is_dual = true;
  double relative_gap = 0;   ///< (upper_bound - objective) / max(upper_bound, tiny)
  double max_violation = 0;  ///< largest constraint violation of `assignment`, weapons
  bool converged = false;    ///< relative_gap <= WtaOptions::gap_tolerance
  int iterations = 0;        ///< interior-point iterations
  /// Per weapon kind: the value of one more weapon of that kind (the dual price of its
  /// availability constraint), in units of target value per weapon.
  std::vector<double> weapon_prices;
  /// Per target: the value of requiring one weapon fewer (dual price of its minimum), >= 0.
  std::vector<double> minimum_prices;
  WtaIntegerAnswer rounding;              ///< floor of the continuous x, minimums repaired, rest by greedy
  WtaIntegerAnswer greedy;                ///< minimums first, then the best marginal return, one weapon at a time
  std::optional<WtaIntegerMode> integer;  ///< with WtaOptions::integer_mode
};

/// Solves a valid problem; throws InputError with validate_wta's diagnostics if it is not valid.
WtaSolution solve_wta(const WtaProblem& problem, const WtaOptions& options = {});

/// The objective at an assignment (capped kill probabilities, as the solver sees them).
double wta_objective(const WtaProblem& problem, const std::vector<WtaAllocation>& assignment);

/// Reads a problem file (weapons, targets, kill_probability; docs/io_formats.md) and validates it;
/// every diagnostic located by file:line:column and key path.
LoadResult<WtaProblem> read_wta_problem(const std::filesystem::path& file);
/// As read_wta_problem, but throws InputError when there is any error.
WtaProblem load_wta_problem(const std::filesystem::path& file);

}  // namespace stratstab

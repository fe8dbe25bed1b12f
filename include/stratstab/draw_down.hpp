// The counterforce draw-down K(s) (docs/methods.md §5): the greatest expected number of enemy warheads
// destroyed when a striker spends s warheads on counterforce, at most `max_warheads_per_target` on
// one launcher. Three ways to build it:
//   - homogeneous_draw_down: one kind of attacking warhead; exact (the k-th warhead on a launcher of
//     class i kills m_i p (1-p)^(k-1); taking the best of these first is optimal).
//   - greedy_draw_down: several kinds; marginal-return greedy, fast, not always optimal.
//   - exact_draw_down: several kinds; the linear programme over attack patterns (the multiset of
//     kinds that hits one launcher), solved with Clp for every s by a parametric search.
// All are pure functions of plain inputs: no I/O, no globals, safe to call from many threads.
#pragma once

#include <string>
#include <vector>

namespace stratstab {

/// One linear piece of K(s): over `width` counterforce warheads, each destroys `slope` enemy
/// warheads (counted as they would have arrived in retaliation, i.e. times the victim's
/// reliability), `destroyed_slope` enemy warheads as loaded, and costs the striker `value_cost`
/// warheads that would have arrived on the enemy's value (its reliability; 1 in the abstract form).
struct DrawDownPiece {
  double width = 0;
  double slope = 0;
  double value_cost = 1;
  double destroyed_slope = 0;
  /// Collateral (options.collateral: cities): the victim's value destroyed near the aim points per
  /// counterforce warhead in the piece, as a share of its value (docs/methods.md §7); 0 without.
  /// Negative where the allocation moves warheads to patterns of less collateral as s grows.
  double collateral_slope = 0;
};

/// K(s) as consecutive pieces from s = 0.
struct DrawDown {
  std::vector<DrawDownPiece> pieces;
  /// Expected enemy warheads destroyed (arriving units) by s counterforce warheads.
  [[nodiscard]] double kills(double s) const;
  /// Expected enemy warheads destroyed as loaded (the pieces' destroyed_slope) by s warheads.
  [[nodiscard]] double destroyed(double s) const;
  /// The collateral share of the victim's value destroyed by s counterforce warheads.
  [[nodiscard]] double collateral(double s) const;
  /// Warheads spent where K stops rising (the end of the last piece).
  [[nodiscard]] double saturation() const;
};

/// How K(s) was computed, reported with every result that uses it.
enum class DrawDownMethod { kExact, kGreedy };
std::string_view to_string(DrawDownMethod method);

/// A counterforce problem with several kinds of attacking warheads and several target classes.
struct CounterforceProblem {
  struct Kind {
    std::string label;      ///< e.g. `trident2/W76-1`
    double warheads = 0;    ///< available for counterforce
    double value_cost = 1;  ///< warheads lost to the value strike per warhead spent (reliability)
  };
  struct TargetClass {
    std::string label;           ///< e.g. `mm3 (silo)`
    double count = 0;            ///< targetable aim points (launchers, or several of them at one point)
    double kill_value = 0;       ///< arriving retaliation destroyed with one aim point (n m R (1-LUA))
    double destroyed_value = 0;  ///< warheads as loaded destroyed with one aim point (n m (1-LUA))
    bool silo = false;
  };
  std::vector<Kind> kinds;
  std::vector<TargetClass> targets;
  /// Terminal kill probability of one warhead of kind k on one launcher of class t, at
  /// [k * targets.size() + t], in [0, 1].
  std::vector<double> kill_probability;
  int max_warheads_per_target = 2;
  /// Collateral share of the victim's value destroyed by one warhead of kind k aimed at an aim point
  /// of class t, at [k * targets.size() + t] (docs/methods.md §7); empty: no collateral.
  std::vector<double> collateral;

  [[nodiscard]] double p(std::size_t kind, std::size_t target) const {
    return kill_probability[kind * targets.size() + target];
  }
  [[nodiscard]] double collateral_of(std::size_t kind, std::size_t target) const {
    return collateral.empty() ? 0.0 : collateral[kind * targets.size() + target];
  }
};

/// One kind of warheads on one target class, as allocated at a given s.
struct CounterforceAllocation {
  std::vector<double> spent_by_target;      ///< warheads spent on each target class
  std::vector<double> destroyed_by_target;  ///< warheads as loaded destroyed in each class
  std::vector<double> spent_by_kind;        ///< warheads of each kind spent
  double kills = 0;                         ///< K(s), arriving units
  double collateral = 0;                    ///< collateral share of the victim's value (CounterforceProblem)
};

/// Exact K(s) for one kind of attacking warhead of kill probability p (value_cost 1).
struct HomogeneousTarget {
  double count = 0;
  double warheads_each = 0;
  double kill_multiplier = 1;  ///< 1 - lua_share for silos under launch under attack
  /// Share of its warheads that would strike this striker (three sides: the rest is held against
  /// the third side, docs/methods.md §13.5). It scales the kill value, not the warheads destroyed.
  double kept = 1;
};
DrawDown homogeneous_draw_down(const std::vector<HomogeneousTarget>& targets, double p, int max_warheads_per_target);

/// Marginal-return greedy: each next warhead goes where it destroys the most. Slopes never rise.
DrawDown greedy_draw_down(const CounterforceProblem& problem);
/// The greedy allocation after s warheads.
CounterforceAllocation greedy_allocation(const CounterforceProblem& problem, double s);

/// Exact K(s): the linear programme over attack patterns (docs/methods.md §5), solved at the breakpoints
/// of the concave piecewise-linear K found by tangent intersection (each new point either confirms
/// a breakpoint or splits the interval). `tolerance` is relative to K's scale.
/// Solved by a parametric right-hand-side simplex that follows the optimal basis as s grows
/// (docs/methods.md §5); falls back to exact_draw_down_clp if it stalls.
DrawDown exact_draw_down(const CounterforceProblem& problem, double tolerance = 1e-9);
/// The linear programme's allocation at s.
CounterforceAllocation exact_allocation(const CounterforceProblem& problem, double s);
/// The same K(s) from Clp at the breakpoints found by tangent intersection (the reference).
DrawDown exact_draw_down_clp(const CounterforceProblem& problem, double tolerance = 1e-9);
CounterforceAllocation exact_allocation_clp(const CounterforceProblem& problem, double s);

DrawDown draw_down(const CounterforceProblem& problem, DrawDownMethod method);
CounterforceAllocation allocation(const CounterforceProblem& problem, double s, DrawDownMethod method);

}  // namespace stratstab

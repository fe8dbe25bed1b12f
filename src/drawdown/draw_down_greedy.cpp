// Marginal-return greedy draw-down (docs/methods.md §5): each next batch of warheads goes where one warhead
// destroys the most enemy warheads, among every (kind, launcher group) pair. A launcher group is a
// share of one target class that has received the same warheads so far (same survival probability
// and depth). Marginal values never rise (a group's survival only falls when hit), so the greedy
// K(s) is concave; it is not always optimal with several kinds (a good kind may be used first on
// targets a poorer kind could have taken); exact_draw_down is the reference and the tests measure
// the gap.
#include <algorithm>
#include <cmath>
#include <limits>

#include "stratstab/draw_down.hpp"

namespace stratstab {
namespace {

/// Counts below this are treated as used up (counts may be fractional: shares of launchers).
constexpr double kNegligible = 1e-12;
/// Survival probabilities closer than this are the same group.
constexpr double kSameSurvival = 1e-14;

struct Group {
  std::size_t target = 0;
  double count = 0;    ///< launchers in the group
  double survive = 1;  ///< probability a launcher of the group is still alive
  int depth = 0;       ///< warheads aimed at each launcher of the group so far
};

/// Runs the greedy until `s_limit` warheads are spent or nothing more kills. Appends the pieces to
/// `out` and accumulates the allocation in `alloc` when they are given.
void run_greedy(const CounterforceProblem& problem, double s_limit, DrawDown* out, CounterforceAllocation* alloc) {
  const std::size_t n_kinds = problem.kinds.size();
  const std::size_t n_targets = problem.targets.size();
  std::vector<double> remaining(n_kinds);
  for (std::size_t k = 0; k < n_kinds; ++k) remaining[k] = std::max(0.0, problem.kinds[k].warheads);
  std::vector<Group> groups;
  groups.reserve(n_targets * (1 + n_kinds));
  for (std::size_t t = 0; t < n_targets; ++t) {
    const auto& target = problem.targets[t];
    if (target.count > kNegligible && target.kill_value > 0.0) groups.push_back(Group{t, target.count, 1.0, 0});
  }
  double spent = 0.0;
  while (spent < s_limit) {
    double best = 0.0;
    std::size_t best_group = 0;
    std::size_t best_kind = 0;
    for (std::size_t g = 0; g < groups.size(); ++g) {
      const Group& group = groups[g];
      if (group.depth >= problem.max_warheads_per_target || group.count <= kNegligible) continue;
      const double value = problem.targets[group.target].kill_value * group.survive;
      for (std::size_t k = 0; k < n_kinds; ++k) {
        if (remaining[k] <= kNegligible) continue;
        const double marginal = value * problem.p(k, group.target);
        if (marginal > best) {
          best = marginal;
          best_group = g;
          best_kind = k;
        }
      }
    }
    if (best <= 0.0) break;
    const Group chosen = groups[best_group];
    const double p = problem.p(best_kind, chosen.target);
    const double chunk = std::min({chosen.count, remaining[best_kind], s_limit - spent});
    const auto& target = problem.targets[chosen.target];
    const double destroyed = target.destroyed_value * chosen.survive * p;
    const double collateral = problem.collateral_of(best_kind, chosen.target);
    if (out != nullptr) {
      const double value_cost = problem.kinds[best_kind].value_cost;
      DrawDownPiece* last = out->pieces.empty() ? nullptr : &out->pieces.back();
      if (last != nullptr && last->slope == best && last->value_cost == value_cost &&
          last->destroyed_slope == destroyed && last->collateral_slope == collateral) {
        last->width += chunk;
      } else {
        out->pieces.push_back(DrawDownPiece{chunk, best, value_cost, destroyed, collateral});
      }
    }
    if (alloc != nullptr) {
      alloc->spent_by_target[chosen.target] += chunk;
      alloc->destroyed_by_target[chosen.target] += chunk * destroyed;
      alloc->collateral += chunk * collateral;
      alloc->spent_by_kind[best_kind] += chunk;
      alloc->kills += chunk * best;
    }
    spent += chunk;
    remaining[best_kind] -= chunk;
    groups[best_group].count -= chunk;
    const double survive = chosen.survive * (1.0 - p);
    const int depth = chosen.depth + 1;
    auto same = std::find_if(groups.begin(), groups.end(), [&](const Group& g) {
      return g.target == chosen.target && g.depth == depth && std::abs(g.survive - survive) <= kSameSurvival;
    });
    if (same != groups.end()) {
      same->count += chunk;
    } else {
      groups.push_back(Group{chosen.target, chunk, survive, depth});
    }
  }
}

}  // namespace

DrawDown greedy_draw_down(const CounterforceProblem& problem) {
  DrawDown result;
  run_greedy(problem, std::numeric_limits<double>::infinity(), &result, nullptr);
  return result;
}

CounterforceAllocation greedy_allocation(const CounterforceProblem& problem, double s) {
  CounterforceAllocation alloc;
  alloc.spent_by_target.assign(problem.targets.size(), 0.0);
  alloc.destroyed_by_target.assign(problem.targets.size(), 0.0);
  alloc.spent_by_kind.assign(problem.kinds.size(), 0.0);
  run_greedy(problem, std::max(0.0, s), nullptr, &alloc);
  return alloc;
}

}  // namespace stratstab

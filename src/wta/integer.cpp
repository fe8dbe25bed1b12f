// Whole-weapon answers, measured against the continuous upper bound (the integer problem is
// NP-hard; Lloyd & Witsenhausen 1986). Both meet every minimum first (by an integer flow, which
// exists whenever the continuous problem is feasible) and then spend the remaining weapons by
// marginal return: the next weapon goes where it adds the most expected value, V_t S_t p_wt with
// S_t the target's current survival probability. For one weapon kind this greedy is optimal
// (den Broeder, Ellison & Emerling 1959); with several kinds it is a heuristic, hence the gap.
#include <algorithm>
#include <cmath>
#include <queue>

#include "internal.hpp"

namespace stratstab::wta {
namespace {

struct State {
  std::vector<long long> count;      ///< per pair
  std::vector<long long> remaining;  ///< per weapon
  std::vector<double> survival;      ///< per target, prod (1 - p)^x
};

void add(const Structure& s, const std::vector<std::size_t>& target_of, State& state, std::size_t i, long long k) {
  state.count[i] += k;
  state.remaining[s.pair_weapon[i]] -= k;
  state.survival[target_of[i]] *= std::exp(-s.pair_c[i] * static_cast<double>(k));
}

/// Spends every remaining weapon that still adds value, best marginal return first. One max-heap
/// of pairs per weapon kind, keyed by the marginal return when pushed; survival only falls, so a
/// stale key is too high and is refreshed when it reaches the top (lazy re-evaluation).
void greedy_fill(const Structure& s, const std::vector<std::size_t>& target_of, State& state) {
  using Entry = std::pair<double, std::size_t>;
  std::vector<std::priority_queue<Entry>> heaps(s.weapons);
  for (std::size_t i = 0; i < s.pairs(); ++i) {
    const std::size_t t = target_of[i];
    const double gain = s.value[t] * state.survival[t] * s.pair_p[i];
    if (gain > 0) heaps[s.pair_weapon[i]].push({gain, i});
  }
  const auto top = [&](std::size_t w) -> double {
    auto& heap = heaps[w];
    while (!heap.empty()) {
      const auto [key, i] = heap.top();
      const std::size_t t = target_of[i];
      const double gain = s.value[t] * state.survival[t] * s.pair_p[i];
      if (gain == key) return gain;
      heap.pop();
      if (gain > 0) heap.push({gain, i});
    }
    return 0;
  };
  while (true) {
    std::size_t best_w = s.weapons;
    double best_gain = 0;
    for (std::size_t w = 0; w < s.weapons; ++w) {
      if (state.remaining[w] <= 0) continue;
      const double gain = top(w);
      if (gain > best_gain) {
        best_gain = gain;
        best_w = w;
      }
    }
    if (best_w == s.weapons) return;
    const std::size_t i = heaps[best_w].top().second;
    heaps[best_w].pop();
    add(s, target_of, state, i, 1);
    const std::size_t t = target_of[i];
    const double gain = s.value[t] * state.survival[t] * s.pair_p[i];
    if (gain > 0) heaps[best_w].push({gain, i});
  }
}

State initial_state(const Structure& s) {
  State state;
  state.count.assign(s.pairs(), 0);
  state.remaining.resize(s.weapons);
  for (std::size_t w = 0; w < s.weapons; ++w) state.remaining[w] = std::llround(s.available[w]);
  state.survival.assign(s.targets, 1.0);
  return state;
}

/// Meets the shortfalls under each minimum from the remaining weapons by an integer flow.
bool meet_minimums(const Structure& s, const std::vector<std::size_t>& target_of, State& state) {
  std::vector<long long> deficit(s.targets, 0);
  bool any = false;
  for (std::size_t t = 0; t < s.targets; ++t) {
    long long got = 0;
    for (std::size_t i = s.target_start[t]; i < s.target_start[t + 1]; ++i) got += state.count[i];
    deficit[t] = std::max(0LL, std::llround(s.minimum[t]) - got);
    any = any || deficit[t] > 0;
  }
  if (!any) return true;
  const std::optional<std::vector<long long>> flow = integer_flow(s, state.remaining, deficit);
  if (!flow) return false;
  for (std::size_t i = 0; i < s.pairs(); ++i) {
    if ((*flow)[i] > 0) add(s, target_of, state, i, (*flow)[i]);
  }
  return true;
}

}  // namespace

WtaIntegerAnswer answer_from_counts(const Structure& s, std::span<const std::size_t> target_of,
                                    std::span<const long long> count, double upper_bound) {
  WtaIntegerAnswer answer;
  std::vector<double> x(s.pairs());
  for (std::size_t i = 0; i < s.pairs(); ++i) {
    x[i] = static_cast<double>(count[i]);
    if (count[i] > 0) answer.assignment.push_back({s.pair_weapon[i], target_of[i], x[i]});
  }
  std::sort(answer.assignment.begin(), answer.assignment.end(), [](const WtaAllocation& a, const WtaAllocation& b) {
    return a.target != b.target ? a.target < b.target : a.weapon < b.weapon;
  });
  answer.objective = objective(s, x);
  answer.gap = upper_bound > 0 ? (upper_bound - answer.objective) / upper_bound : 0.0;
  for (std::size_t t = 0; t < s.targets; ++t) {
    double got = 0;
    for (std::size_t i = s.target_start[t]; i < s.target_start[t + 1]; ++i) got += x[i];
    if (got < s.minimum[t]) answer.meets_minimums = false;
  }
  return answer;
}

std::vector<std::size_t> pair_targets(const Structure& s) {
  std::vector<std::size_t> target(s.pairs());
  for (std::size_t t = 0; t < s.targets; ++t) {
    for (std::size_t i = s.target_start[t]; i < s.target_start[t + 1]; ++i) target[i] = t;
  }
  return target;
}

WtaIntegerAnswer round_assignment(const Structure& s, std::span<const double> x, double upper_bound) {
  const std::vector<std::size_t> target_of = pair_targets(s);
  State state = initial_state(s);
  // Floors never exceed a_w (the continuous x is feasible) and leave every shortfall coverable:
  // the fractional parts form a fractional flow meeting it, so an integer one exists.
  for (std::size_t i = 0; i < s.pairs(); ++i) {
    // The solver returns finite x; a non-finite one would make the cast undefined, so it counts
    // as no weapons here and the greedy fill places them.
    if (!std::isfinite(x[i])) continue;
    const auto whole = static_cast<long long>(std::floor(x[i] + 1e-9));
    const long long k = std::min(whole, state.remaining[s.pair_weapon[i]]);
    if (k > 0) add(s, target_of, state, i, k);
  }
  meet_minimums(s, target_of, state);
  greedy_fill(s, target_of, state);
  return answer_from_counts(s, target_of, state.count, upper_bound);
}

WtaIntegerAnswer greedy_assignment(const Structure& s, double upper_bound) {
  const std::vector<std::size_t> target_of = pair_targets(s);
  State state = initial_state(s);
  meet_minimums(s, target_of, state);
  greedy_fill(s, target_of, state);
  return answer_from_counts(s, target_of, state.count, upper_bound);
}

}  // namespace stratstab::wta

// A whole-weapon answer improved by local search (docs/methods.md §10, "Integer mode"): from a
// start (the better of rounding and greedy), the best improving move of one weapon from one target
// to another, or swap of two weapons of different kinds between two targets, is applied until none
// improves the expected value destroyed. Minimums hold throughout: a move never takes a target
// below its minimum and a swap keeps every target's count. Each move's change is computed from the
// targets' survival probabilities in O(1), so a pass over moves costs O(used pairs x targets) and
// over swaps O(used pairs^2).
#include <algorithm>
#include <cmath>

#include "internal.hpp"

namespace stratstab::wta {
namespace {

/// Swaps are tried only up to this many used pairs (beyond it a pass costs too much; moves still run).
constexpr std::size_t kMaxSwapPairs = 3000;
/// Passes at most (each applies at least one improvement or ends the search).
constexpr int kMaxPasses = 100000;

}  // namespace

WtaIntegerAnswer improve_assignment(const Structure& s, const WtaIntegerAnswer& start, double upper_bound) {
  const std::size_t n = s.pairs();
  const std::vector<std::size_t> target_of = pair_targets(s);
  // Pair of (weapon, target): a dense table where it fits, else none (moves then search by weapon).
  std::vector<std::vector<std::size_t>> pairs_of_weapon(s.weapons);
  for (std::size_t i = 0; i < n; ++i) pairs_of_weapon[s.pair_weapon[i]].push_back(i);
  const bool dense = s.weapons * s.targets <= (std::size_t{1} << 24U);
  std::vector<int> pair_at(dense ? s.weapons * s.targets : 0, -1);
  for (std::size_t i = 0; dense && i < n; ++i)
    pair_at[s.pair_weapon[i] * s.targets + target_of[i]] = static_cast<int>(i);

  std::vector<long long> count(n, 0);
  std::vector<double> weapons_on(s.targets, 0.0);
  std::vector<double> survival(s.targets, 1.0);
  for (const WtaAllocation& a : start.assignment) {
    const int i = dense ? pair_at[a.weapon * s.targets + a.target] : -1;
    std::size_t pair = n;
    if (i >= 0) {
      pair = static_cast<std::size_t>(i);
    } else {
      for (std::size_t j : pairs_of_weapon[a.weapon]) {
        if (target_of[j] == a.target) pair = j;
      }
    }
    if (pair == n) continue;
    const auto k = std::llround(a.x);
    count[pair] += k;
    weapons_on[a.target] += static_cast<double>(k);
    survival[a.target] *= std::exp(-s.pair_c[pair] * static_cast<double>(k));
  }
  // q = 1 - p per pair, once: the passes below read it O(used^2) times.
  std::vector<double> q_of(n);
  for (std::size_t i = 0; i < n; ++i) q_of[i] = std::exp(-s.pair_c[i]);
  const auto q = [&](std::size_t i) { return q_of[i]; };
  const auto apply = [&](std::size_t i, long long k) {
    const std::size_t t = target_of[i];
    count[i] += k;
    weapons_on[t] += static_cast<double>(k);
    survival[t] *= std::exp(-s.pair_c[i] * static_cast<double>(k));
  };
  double total_value = 0;
  for (double v : s.value) total_value += v;
  // Steps worth less than 1e-9 of the total value are not taken: on large problems they come in
  // thousands, each a pass, for nothing an analyst could see.
  const double tolerance = 1e-9 * std::max(1.0, total_value);

  std::vector<std::size_t> used;
  for (int pass = 0; pass < kMaxPasses; ++pass) {
    used.clear();
    for (std::size_t i = 0; i < n; ++i) {
      if (count[i] > 0) used.push_back(i);
    }
    // Moves: weapon of pair i (kind w on target t) to target t' (pair j).
    double best = tolerance;
    std::size_t from = n;
    std::size_t to = n;
    for (std::size_t i : used) {
      const std::size_t t = target_of[i];
      if (weapons_on[t] - 1.0 < s.minimum[t] - 0.5) continue;
      const double loss = s.value[t] * survival[t] * (1.0 / q(i) - 1.0);
      for (std::size_t j : pairs_of_weapon[s.pair_weapon[i]]) {
        const std::size_t u = target_of[j];
        if (u == t) continue;
        const double gain = s.value[u] * survival[u] * s.pair_p[j] - loss;
        if (gain > best) {
          best = gain;
          from = i;
          to = j;
        }
      }
    }
    // Swaps: a weapon of pair i (w on t) and one of pair j (w' on t'), w != w', t != t', trade targets.
    std::size_t swap_i = n;
    std::size_t swap_j = n;
    std::size_t swap_a = n;
    std::size_t swap_b = n;
    if (dense && used.size() <= kMaxSwapPairs) {
      for (std::size_t a = 0; a < used.size(); ++a) {
        const std::size_t i = used[a];
        const std::size_t w = s.pair_weapon[i];
        const std::size_t t = target_of[i];
        for (std::size_t b = a + 1; b < used.size(); ++b) {
          const std::size_t j = used[b];
          const std::size_t v = s.pair_weapon[j];
          const std::size_t u = target_of[j];
          if (v == w || u == t) continue;
          const int k1 = pair_at[v * s.targets + t];  // w' onto t
          const int k2 = pair_at[w * s.targets + u];  // w onto t'
          if (k1 < 0 || k2 < 0) continue;
          const double gain = s.value[t] * survival[t] * (1.0 - q(static_cast<std::size_t>(k1)) / q(i)) +
                              s.value[u] * survival[u] * (1.0 - q(static_cast<std::size_t>(k2)) / q(j));
          if (gain > best) {
            best = gain;
            from = n;
            swap_i = i;
            swap_j = j;
            swap_a = static_cast<std::size_t>(k1);
            swap_b = static_cast<std::size_t>(k2);
          }
        }
      }
    }
    if (swap_i != n) {
      apply(swap_i, -1);
      apply(swap_j, -1);
      apply(swap_a, 1);
      apply(swap_b, 1);
    } else if (from != n) {
      apply(from, -1);
      apply(to, 1);
    } else {
      // No single move or swap improves: a chain of them may (exchange.cpp).
      const Exchange exchange = find_exchange(s, {count, survival, weapons_on, target_of, pair_at, q_of}, tolerance);
      if (exchange.changes.empty()) break;
      // The chain's gain is exact when its targets are distinct; checked here, so that rounding
      // can never make the search cycle.
      double before = 0;
      double after = 0;
      for (const auto& [i, k] : exchange.changes) before += s.value[target_of[i]] * survival[target_of[i]];
      for (const auto& [i, k] : exchange.changes) apply(i, k);
      for (const auto& [i, k] : exchange.changes) after += s.value[target_of[i]] * survival[target_of[i]];
      if (before - after <= tolerance) {
        for (const auto& [i, k] : exchange.changes) apply(i, -k);
        break;
      }
    }
  }

  WtaIntegerAnswer answer = answer_from_counts(s, target_of, count, upper_bound);
  // Never worse than the start (the search only takes improving steps; this guards rounding).
  if (answer.objective < start.objective) {
    answer = start;
    answer.gap = upper_bound > 0 ? (upper_bound - answer.objective) / upper_bound : 0.0;
  }
  return answer;
}

}  // namespace stratstab::wta

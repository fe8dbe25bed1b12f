// An upper bound on the best whole-weapon answer, tighter than the continuous one
// (docs/methods.md §10, "Integer mode"). The continuous relaxation is loose when each kind has few
// weapons: V_t (1 - exp(-c.x)) rewards splitting one weapon over many targets, which whole weapons
// cannot do. Here each target's value is bounded instead by linear functions that lie above it at
// every whole-weapon point of the box 0 <= x <= a (and so at every whole assignment), and the
// bound is the linear programme
//
//   maximise sum_t z_t   s.t.  z_t <= V_t,  z_t <= every cut of target t,
//                              sum_t x_wt <= a_w,  sum_w x_wt >= m_t,  0 <= x_wt <= a_w,
//
// solved by Clp with cuts added round by round where the LP's point violates them:
//   - submodular cuts at a whole point k (Nemhauser, Wolsey & Fisher 1978): with F(x) =
//     V (1 - prod q^x) and F(e_w | k) = V S_k p_w the marginal of one more weapon at k,
//     F(x) <= F(x v k) <= F(k) + sum_w F(e_w | k) (x_w - k_w)^+ (F is monotone and its marginals
//     fall as weapons are added), and (x_w - k_w)^+ <= (a_w - k_w) x_w / a_w on [0, a_w] (the chord
//     of a convex function); k = 0 is the union bound F(x) <= V sum p x;
//   - tangents of the concave F at the LP's point (above F everywhere).
// Every cut holds at every whole assignment, so the LP's optimum bounds the integer optimum
// whatever cuts were added; more rounds only tighten it. The LP's value is taken with a relative
// margin for Clp's tolerances, and the bound never exceeds the continuous one.
#include <ClpSimplex.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>

#include "internal.hpp"

namespace stratstab::wta {
namespace {

/// Relative margin on the LP's value for the simplex's feasibility and optimality tolerances (1e-7).
constexpr double kLpMargin = 1e-6;

}  // namespace

IntegerBound integer_bound(const Structure& s, double continuous_bound, int max_rounds, double seconds) {
  IntegerBound result;
  result.value = continuous_bound;
  const std::size_t n = s.pairs();
  const std::size_t columns = n + s.targets;
  if (n == 0) return result;
  const auto start_time = std::chrono::steady_clock::now();
  // Columns: x per pair, then z per target. Rows: weapons, minimums.
  std::vector<double> col_lower(columns, 0.0);
  std::vector<double> col_upper(columns);
  std::vector<double> objective(columns, 0.0);
  for (std::size_t i = 0; i < n; ++i) col_upper[i] = s.available[s.pair_weapon[i]];
  for (std::size_t t = 0; t < s.targets; ++t) {
    col_upper[n + t] = s.value[t];
    objective[n + t] = 1.0;
  }
  std::vector<CoinBigIndex> starts{0};
  std::vector<int> index;
  std::vector<double> element;
  std::vector<double> row_lower;
  std::vector<double> row_upper;
  for (std::size_t w = 0; w < s.weapons; ++w) {
    for (std::size_t i = 0; i < n; ++i) {
      if (s.pair_weapon[i] == w) {
        index.push_back(static_cast<int>(i));
        element.push_back(1.0);
      }
    }
    starts.push_back(static_cast<CoinBigIndex>(index.size()));
    row_lower.push_back(-COIN_DBL_MAX);
    row_upper.push_back(s.available[w]);
  }
  for (std::size_t t = 0; t < s.targets; ++t) {
    if (s.minimum[t] <= 0) continue;
    for (std::size_t i = s.target_start[t]; i < s.target_start[t + 1]; ++i) {
      index.push_back(static_cast<int>(i));
      element.push_back(1.0);
    }
    starts.push_back(static_cast<CoinBigIndex>(index.size()));
    row_lower.push_back(s.minimum[t]);
    row_upper.push_back(COIN_DBL_MAX);
  }
  ClpSimplex model;
  model.setLogLevel(0);
  model.messageHandler()->setLogLevel(0);
  model.resize(0, static_cast<int>(columns));
  for (std::size_t j = 0; j < columns; ++j) {
    model.setColumnLower(static_cast<int>(j), col_lower[j]);
    model.setColumnUpper(static_cast<int>(j), col_upper[j]);
    model.setObjectiveCoefficient(static_cast<int>(j), objective[j]);
  }
  model.addRows(static_cast<int>(row_lower.size()), row_lower.data(), row_upper.data(), starts.data(), index.data(),
                element.data());
  model.setOptimizationDirection(-1.0);  // maximise

  // One cut of target t: z_t - sum_i coef_i x_i <= rhs.
  std::vector<CoinBigIndex> cut_starts;
  std::vector<int> cut_index;
  std::vector<double> cut_element;
  std::vector<double> cut_lower;
  std::vector<double> cut_upper;
  const auto begin_cuts = [&] {
    cut_starts.assign(1, 0);
    cut_index.clear();
    cut_element.clear();
    cut_lower.clear();
    cut_upper.clear();
  };
  const auto add_cut = [&](std::size_t t, const std::vector<double>& coef, double rhs) {
    cut_index.push_back(static_cast<int>(n + t));
    cut_element.push_back(1.0);
    for (std::size_t i = s.target_start[t]; i < s.target_start[t + 1]; ++i) {
      if (coef[i - s.target_start[t]] == 0.0) continue;
      cut_index.push_back(static_cast<int>(i));
      cut_element.push_back(-coef[i - s.target_start[t]]);
    }
    cut_starts.push_back(static_cast<CoinBigIndex>(cut_index.size()));
    cut_lower.push_back(-COIN_DBL_MAX);
    cut_upper.push_back(rhs);
    ++result.cuts;
  };
  const auto flush_cuts = [&] {
    if (cut_upper.empty()) return;
    model.addRows(static_cast<int>(cut_upper.size()), cut_lower.data(), cut_upper.data(), cut_starts.data(),
                  cut_index.data(), cut_element.data());
  };
  // The submodular cut of target t at the whole point `k` (per pair of t).
  std::vector<double> coef;
  const auto submodular_cut = [&](std::size_t t, const std::vector<long long>& k, double* rhs) {
    const std::size_t first = s.target_start[t];
    const std::size_t m = s.target_start[t + 1] - first;
    coef.assign(m, 0.0);
    double effort = 0;
    for (std::size_t r = 0; r < m; ++r) effort += s.pair_c[first + r] * static_cast<double>(k[r]);
    const double survive = std::exp(-effort);
    for (std::size_t r = 0; r < m; ++r) {
      const double a = s.available[s.pair_weapon[first + r]];
      const double room = std::max(0.0, a - static_cast<double>(k[r]));
      coef[r] = a > 0 ? s.value[t] * survive * s.pair_p[first + r] * room / a : 0.0;
    }
    *rhs = s.value[t] * (1.0 - survive);
  };

  // Round 0: the union bound (k = 0) for every target.
  begin_cuts();
  std::vector<long long> k;
  for (std::size_t t = 0; t < s.targets; ++t) {
    k.assign(s.target_start[t + 1] - s.target_start[t], 0);
    double rhs = 0;
    submodular_cut(t, k, &rhs);
    add_cut(t, coef, rhs);
  }
  flush_cuts();

  double total_value = 0;
  for (double v : s.value) total_value += v;
  double last = continuous_bound;
  int stalled = 0;
  for (int round = 0; round < max_rounds; ++round) {
    model.dual();
    if (!model.isProvenOptimal()) {
      model.primal();
      if (!model.isProvenOptimal()) break;  // keep the last proven bound
    }
    ++result.rounds;
    const double lp = model.objectiveValue();
    const double bound = lp * (1.0 + kLpMargin) + kLpMargin * 1e-3 * total_value;
    if (bound < result.value) {
      result.value = bound;
      result.proven_by_cuts = true;
    }
    const double* point = model.primalColumnSolution();
    result.x.assign(point, point + n);
    // Clp's row duals for this maximisation are <= 0 on binding <= rows; prices are their sizes.
    const double* dual = model.dualRowSolution();
    result.weapon_prices.assign(s.weapons, 0.0);
    for (std::size_t w = 0; w < s.weapons; ++w) result.weapon_prices[w] = std::abs(dual[w]);
    if (std::chrono::duration<double>(std::chrono::steady_clock::now() - start_time).count() > seconds) break;
    // Stop after three rounds in a row that move the LP by less than 1e-7 of it.
    stalled = round > 0 && last - lp <= 1e-7 * std::max(1.0, lp) ? stalled + 1 : 0;
    if (stalled >= 3) break;
    last = lp;
    const double* x = model.primalColumnSolution();
    begin_cuts();
    for (std::size_t t = 0; t < s.targets; ++t) {
      const std::size_t first = s.target_start[t];
      const std::size_t m = s.target_start[t + 1] - first;
      if (m == 0) continue;
      const double z = x[n + t];
      double effort = 0;
      for (std::size_t r = 0; r < m; ++r) effort += s.pair_c[first + r] * x[first + r];
      const double value_at = s.value[t] * (1.0 - std::exp(-effort));
      const double tol = 1e-9 * std::max(1.0, s.value[t]);
      // The tangent of F at the LP's point.
      if (z > value_at + tol) {
        const double slope = s.value[t] * std::exp(-effort);
        coef.assign(m, 0.0);
        double rhs = value_at;
        for (std::size_t r = 0; r < m; ++r) {
          coef[r] = slope * s.pair_c[first + r];
          rhs -= coef[r] * x[first + r];
        }
        add_cut(t, coef, rhs);
      }
      // Submodular cuts at the nearest whole point, and at the nearest corner of the box (each
      // kind's weapons all or none: there the chord is exact, which matters with several weapons).
      for (const bool corner : {false, true}) {
        k.assign(m, 0);
        for (std::size_t r = 0; r < m; ++r) {
          const double a = s.available[s.pair_weapon[first + r]];
          const double xr = std::clamp(x[first + r], 0.0, a);
          k[r] = corner ? (xr >= 0.5 * a ? std::llround(a) : 0) : std::llround(xr);
        }
        double rhs = 0;
        submodular_cut(t, k, &rhs);
        double at = rhs;
        for (std::size_t r = 0; r < m; ++r) at += coef[r] * x[first + r];
        if (z > at + tol) add_cut(t, coef, rhs);
      }
    }
    if (cut_upper.empty()) break;
    flush_cuts();
  }
  result.value = std::max(result.value, 0.0);
  return result;
}

}  // namespace stratstab::wta

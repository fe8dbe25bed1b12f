// A starting point for the interior-point method: a few sweeps of block coordinate ascent over
// weapon kinds, ignoring minimums. With the other kinds' allocations fixed, the best continuous
// allocation of kind w is a water-filling problem with a closed form,
//
//   max sum_t V'_t (1 - exp(-c_t x_t)), sum_t x_t = a_w, x >= 0,  V'_t = V_t exp(-s_t without w)
//   => x_t = max(0, ln(V'_t c_t) - L) / c_t  with L (= ln of the weapon's price) set so the x_t
//      add up to a_w,
//
// solved exactly by sorting the keys ln(V'_t c_t). Starting Newton from here matters on saturated
// problems (many weapons per target), where the optimal kill effort s_t reaches 20 or more and
// Newton on exp(-s) moves s by at most 1 per iteration from a poor start.
#include <algorithm>
#include <cmath>
#include <limits>

#include "internal.hpp"

namespace stratstab::wta {

void warm_start(const Structure& s, std::span<const double> value, int sweeps, std::span<double> x,
                std::span<double> log_price) {
  const std::size_t n = s.pairs();
  // Pairs by weapon (the structure groups them by target).
  std::vector<std::size_t> weapon_start(s.weapons + 1, 0);
  for (std::size_t i = 0; i < n; ++i) ++weapon_start[s.pair_weapon[i] + 1];
  for (std::size_t w = 0; w < s.weapons; ++w) weapon_start[w + 1] += weapon_start[w];
  std::vector<std::size_t> by_weapon(n);
  std::vector<std::size_t> target_of(n);
  {
    std::vector<std::size_t> next(weapon_start.begin(), weapon_start.end() - 1);
    for (std::size_t t = 0; t < s.targets; ++t) {
      for (std::size_t i = s.target_start[t]; i < s.target_start[t + 1]; ++i) {
        by_weapon[next[s.pair_weapon[i]]++] = i;
        target_of[i] = t;
      }
    }
  }
  std::vector<double> effort(s.targets, 0.0);
  std::fill(x.begin(), x.end(), 0.0);
  std::vector<std::pair<double, std::size_t>> keys;
  keys.reserve(n);
  constexpr double kNegInf = -std::numeric_limits<double>::infinity();
  for (int sweep = 0; sweep < sweeps; ++sweep) {
    for (std::size_t w = 0; w < s.weapons; ++w) {
      const std::size_t b = weapon_start[w];
      const std::size_t e = weapon_start[w + 1];
      if (b == e) continue;
      keys.clear();
      for (std::size_t k = b; k < e; ++k) {
        const std::size_t i = by_weapon[k];
        const std::size_t t = target_of[i];
        effort[t] -= s.pair_c[i] * x[i];
        const double v = value[t];
        // ln(V'_t c) = ln V_t - s_t + ln c; targets of no value never draw weapons here.
        keys.emplace_back(v > 0 ? std::log(v) - effort[t] + std::log(s.pair_c[i]) : kNegInf, i);
      }
      std::sort(keys.begin(), keys.end(), [](const auto& a, const auto& c) { return a.first > c.first; });
      double level = kNegInf;
      if (keys.front().first == kNegInf) {
        for (const auto& key : keys) x[key.second] = s.available[w] / static_cast<double>(e - b);
      } else {
        double sum_key = 0;
        double sum_inv = 0;
        for (std::size_t j = 0; j < keys.size() && keys[j].first > kNegInf; ++j) {
          const double inv = 1 / s.pair_c[keys[j].second];
          sum_key += keys[j].first * inv;
          sum_inv += inv;
          level = (sum_key - s.available[w]) / sum_inv;
          if (j + 1 == keys.size() || level >= keys[j + 1].first) break;
        }
        for (const auto& key : keys) {
          x[key.second] = key.first > level ? (key.first - level) / s.pair_c[key.second] : 0.0;
        }
      }
      log_price[w] = level;
      for (std::size_t k = b; k < e; ++k) {
        const std::size_t i = by_weapon[k];
        effort[target_of[i]] += s.pair_c[i] * x[i];
      }
    }
  }
}

}  // namespace stratstab::wta

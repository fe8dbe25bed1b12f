// The kill-probability core (docs/methods.md §4) that the exchange engine evaluates for every weapon-
// target pair of every allocation: how many evaluations per second one core gives.
// Run: build/bench/stratstab_bench --benchmark_filter=Kill
#include <cstddef>
#include <cstdint>
#include <vector>

#include <benchmark/benchmark.h>

#include "stratstab/weapon_effects.hpp"

namespace {

/// A spread of plausible pairs (yields 5-1200 kt, 5-5000 psi, CEP 90-500 m), so the bench does not
/// measure one constant-folded value.
struct Pair {
  double yield_kt, hardness_psi, cep_m, reliability, p_pen;
};

std::vector<Pair> make_pairs(std::size_t n) {
  std::vector<Pair> pairs(n);
  for (std::size_t i = 0; i < n; ++i) {
    const double t = static_cast<double>(i) / static_cast<double>(n);
    pairs[i] = {5.0 + 1195.0 * t, 5.0 + 4995.0 * (1.0 - t) * (1.0 - t), 90.0 + 410.0 * t * t, 0.7 + 0.25 * t, 1.0};
  }
  return pairs;
}

/// The full chain R * SSPK(LR(Y, H), CEP) * P_pen: one cbrt, one expm1.
void BM_KillProbability(benchmark::State& state) {
  const auto pairs = make_pairs(4096);
  double sum = 0.0;
  for (auto _ : state) {
    for (const Pair& p : pairs) {
      sum += stratstab::kill_probability(p.yield_kt, p.hardness_psi, p.cep_m, p.reliability, p.p_pen);
    }
    benchmark::DoNotOptimize(sum);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(pairs.size()));
}
BENCHMARK(BM_KillProbability);

/// SSPK alone, for engines that cache the lethal radius of each weapon-target type pair.
void BM_SspkFromCachedRadius(benchmark::State& state) {
  const auto pairs = make_pairs(4096);
  std::vector<double> radius_m(pairs.size());
  for (std::size_t i = 0; i < pairs.size(); ++i) {
    radius_m[i] = stratstab::lethal_radius_m(pairs[i].yield_kt, pairs[i].hardness_psi);
  }
  double sum = 0.0;
  for (auto _ : state) {
    for (std::size_t i = 0; i < pairs.size(); ++i) sum += stratstab::sspk(radius_m[i], pairs[i].cep_m);
    benchmark::DoNotOptimize(sum);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(pairs.size()));
}
BENCHMARK(BM_SspkFromCachedRadius);

/// The validating wrapper (checks, result struct, no allocation unless the target is soft).
void BM_CalculateKillValidated(benchmark::State& state) {
  const stratstab::KillInputs inputs{.yield_kt = 300, .hardness_psi = 2000, .cep_m = 185.2, .reliability = 0.85};
  for (auto _ : state) {
    auto result = stratstab::calculate_kill(inputs);
    benchmark::DoNotOptimize(result.kill_probability);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_CalculateKillValidated);

}  // namespace

// The second pillar: crisis runs and detection probabilities. `stratstab crisis` runs 10,000
// crises per measure setting (four settings a crisis), so a run should cost microseconds; the
// ratios (four evaluations of the scenario) are computed once per crisis.
// Run: build/bench/stratstab_bench --benchmark_filter='Crisis|Detection'
#include <benchmark/benchmark.h>

#include "stratstab/catalog.hpp"
#include "stratstab/crisis_run.hpp"
#include "stratstab/detection.hpp"
#include "stratstab/version.hpp"

namespace {

const stratstab::DataCatalog& catalog() {
  static const stratstab::DataCatalog kCatalog{std::filesystem::path(stratstab::kSourceDataDir)};
  return kCatalog;
}

/// 10,000 runs of the bundled Oreshnik crisis (48 steps) on its engine ratios.
void BM_CrisisRuns(benchmark::State& state) {
  const stratstab::Crisis crisis = stratstab::load_crisis(catalog().crisis_path("oreshnik-2024-11"));
  const stratstab::Scenario loaded = stratstab::load_scenario(catalog().scenario_path(crisis.scenario), {}, &catalog());
  const stratstab::CrisisRatios ratios = stratstab::crisis_ratios(loaded);
  const stratstab::CrisisModel model = stratstab::crisis_model(crisis, {loaded.sides[0].id, loaded.sides[1].id});
  for (auto _ : state) {
    const stratstab::CrisisOutcome out = stratstab::run_crisis(model, ratios, 10000, 1);
    benchmark::DoNotOptimize(out.p_any_strike);
  }
  state.counters["runs_per_s"] = benchmark::Counter(10000.0, benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_CrisisRuns)->Unit(benchmark::kMillisecond);

/// The four evaluations that give a crisis its ratios by posture state.
void BM_CrisisRatios(benchmark::State& state) {
  const stratstab::Scenario loaded = stratstab::load_scenario(catalog().scenario_path("us-ru-2026-11"), {}, &catalog());
  for (auto _ : state) benchmark::DoNotOptimize(stratstab::crisis_ratios(loaded).r[0][0][0]);
}
BENCHMARK(BM_CrisisRatios)->Unit(benchmark::kMillisecond);

/// Imperfect detection by the pmf sum: 481 missiles, 48 violating, 10 inspected.
void BM_Detection(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(stratstab::imperfect_detection(481, 48, 10, 0.9));
}
BENCHMARK(BM_Detection);

}  // namespace

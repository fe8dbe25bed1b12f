// Three sides in the exchange (docs/methods.md §13.5): one evaluation is six real first strikes and
// six third-side threats, against two strikes for two sides; `uncertainty` and `sweep` repeat it
// per draw or point. `chosen` splits add up to 4 rounds x 3 sides x 11 shares x 2 pairs.
// Run: build/bench/stratstab_bench --benchmark_filter='ThreeSided|TwoSided'
#include <benchmark/benchmark.h>

#include "stratstab/catalog.hpp"
#include "stratstab/prepare.hpp"
#include "stratstab/scenario.hpp"
#include "stratstab/version.hpp"

namespace {

const stratstab::DataCatalog& catalog() {
  static const stratstab::DataCatalog kCatalog{std::filesystem::path(stratstab::kSourceDataDir)};
  return kCatalog;
}

stratstab::Scenario prepared(const std::string& name, const std::vector<stratstab::Override>& overrides = {}) {
  return stratstab::prepare_scenario(stratstab::load_scenario(catalog().scenario_path(name), overrides, &catalog()));
}

/// The bundled default, for scale: two real sides, exact draw-down.
void BM_TwoSidedEvaluation(benchmark::State& state) {
  const stratstab::Scenario s = prepared("us-ru-2026-11");
  for (auto _ : state) benchmark::DoNotOptimize(stratstab::evaluate_scenario(s).index);
}
BENCHMARK(BM_TwoSidedEvaluation)->Unit(benchmark::kMillisecond);

/// us-ru-cn-2026: proportional splits.
void BM_ThreeSidedEvaluation(benchmark::State& state) {
  const stratstab::Scenario s = prepared("us-ru-cn-2026");
  for (auto _ : state) benchmark::DoNotOptimize(stratstab::evaluate_scenario(s).index);
}
BENCHMARK(BM_ThreeSidedEvaluation)->Unit(benchmark::kMillisecond);

/// us-ru-cn-2026 with every side's split chosen.
void BM_ThreeSidedChosenSplits(benchmark::State& state) {
  const stratstab::Scenario s = prepared(
      "us-ru-cn-2026",
      stratstab::Override::parse_all({"sides.US.split=chosen", "sides.RU.split=chosen", "sides.CN.split=chosen"}));
  for (auto _ : state) benchmark::DoNotOptimize(stratstab::evaluate_scenario(s).index);
}
BENCHMARK(BM_ThreeSidedChosenSplits)->Unit(benchmark::kMillisecond);

}  // namespace

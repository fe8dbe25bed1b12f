// Arms-race sensitivity on the default scenario (US and Russia, November 2026, day to day): every
// central-exchange system's three differences (a launcher added, one removed, warheads uploaded)
// and the 24-month upload path of both sides, with the exact index at the path's two ends; with the
// greedy draw-down (the default) and the exact one throughout. The scenario is loaded once, outside
// the timed loop. Run: build/bench/stratstab_bench --benchmark_filter=Sensitivity
#include <benchmark/benchmark.h>

#include "stratstab/catalog.hpp"
#include "stratstab/prepare.hpp"
#include "stratstab/scenario.hpp"
#include "stratstab/sensitivity.hpp"

namespace {

void BM_SensitivityUsRu2026(benchmark::State& state) {
  const stratstab::DataCatalog catalog(stratstab::DataCatalog::default_data_dir());
  const stratstab::Scenario scenario =
      stratstab::prepare_scenario(stratstab::load_scenario(catalog.scenario_path("us-ru-2026-11"), {}, &catalog));
  stratstab::SensitivityOptions options;
  options.draw_down = state.range(0) == 0 ? stratstab::DrawDownMethod::kGreedy : stratstab::DrawDownMethod::kExact;
  for (auto _ : state) {
    const stratstab::Sensitivity s = stratstab::compute_sensitivity(scenario, options);
    benchmark::DoNotOptimize(s.upload_path.back().result.index);
  }
  state.SetLabel(std::string(to_string(options.draw_down)));
}
BENCHMARK(BM_SensitivityUsRu2026)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

}  // namespace

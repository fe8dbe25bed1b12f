// Points per second of a grid sweep of the default scenario: the US withheld share
// (a scenario number, stored in memory) by the Minuteman III's CEP (a snapshot figure: the
// scenario is prepared again at each point), run through run_grid on 1 and 2 threads into a sink
// that keeps nothing, with the greedy and with the exact draw-down. The scenario is loaded before
// the timed loop (GridEvaluator's construction), as `sweep` loads it once. Peak memory at 10^4
// points is measured with `/usr/bin/time -v` on the command (docs/usersguide.md, "Sweeps").
#include <sys/resource.h>

#include <benchmark/benchmark.h>

#include <algorithm>

#include "stratstab/catalog.hpp"
#include "stratstab/ensemble.hpp"
#include "stratstab/grid.hpp"

namespace {

class Discard final : public stratstab::PointSink {
 public:
  void write(const stratstab::GridPoint& point) override { benchmark::DoNotOptimize(point.result.index); }
};

// Arg 0: 0 greedy, 1 exact; arg 1: threads; arg 2: 0 for a scenario number only (no re-preparation),
// 1 with a snapshot figure as the second axis.
void BM_GridSweepUsRu2026(benchmark::State& state) {
  static const stratstab::DataCatalog catalog(stratstab::DataCatalog::default_data_dir());
  const std::string method = state.range(0) == 0 ? "greedy" : "exact";
  const bool snapshot = state.range(2) != 0;
  // 10 x 10 points per iteration.
  const stratstab::Grid grid(
      {stratstab::GridAxis{"sides.US.withheld", stratstab::parse_sweep_range("0:0.45:0.05")},
       snapshot ? stratstab::GridAxis{"sides.US.systems.mm3.cep_m", stratstab::parse_sweep_range("100:190:10")}
                : stratstab::GridAxis{"sides.RU.withheld", stratstab::parse_sweep_range("0:0.45:0.05")}});
  const stratstab::GridEvaluator evaluator(grid, [&](const std::vector<stratstab::Override>& extra) {
    std::vector<stratstab::Override> all{stratstab::Override{"options.draw_down", method}};
    all.insert(all.end(), extra.begin(), extra.end());
    return stratstab::load_scenario(catalog.scenario_path("us-ru-2026-11"), all, &catalog);
  });
  stratstab::GridRunOptions options;
  options.threads = static_cast<unsigned>(state.range(1));
  std::size_t peak_held = 0;
  for (auto _ : state) {
    Discard sink;
    peak_held = std::max(peak_held, stratstab::run_grid(evaluator, sink, options).peak_held);
  }
  // The reorder buffer's most points held at once: bounded by window * chunk, not by the grid.
  state.counters["peak_held_points"] = static_cast<double>(peak_held);
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(grid.size()));
  state.SetLabel(method + ", " + std::to_string(state.range(1)) + " thread(s)" +
                 (snapshot ? ", snapshot axis" : ", scenario axes"));
}
BENCHMARK(BM_GridSweepUsRu2026)
    ->Args({0, 1, 0})
    ->Args({0, 2, 0})
    ->Args({0, 1, 1})
    ->Args({1, 1, 0})
    ->Args({1, 2, 0})
    ->Args({1, 1, 1})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

// The constant memory of a grid: abstract points (microseconds each) over 10^3, 10^4 and 10^5
// points on 2 threads; `peak_held_points`, the most evaluated points the reorder buffer held at
// once, stays at most window * chunk (8 * 64 = 512 here) whatever the size, and `max_rss_MiB`, the
// process's peak resident memory, does not grow with it.
void BM_GridSweepAbstractSize(benchmark::State& state) {
  static const stratstab::DataCatalog catalog(stratstab::DataCatalog::default_data_dir());
  const std::string step = state.range(0) == 10 ? "0.1" : state.range(0) == 100 ? "0.01" : "0.001";
  const stratstab::Grid grid(
      {stratstab::GridAxis{"sides.A.abstract.alert", stratstab::parse_sweep_range("0:0.999:" + step)},
       stratstab::GridAxis{"sides.B.abstract.alert", stratstab::parse_sweep_range("0:0.99:0.01")}});
  const stratstab::GridEvaluator evaluator(grid, [&](const std::vector<stratstab::Override>& extra) {
    return stratstab::load_scenario(catalog.scenario_path("kent-thaler-example"), extra, &catalog);
  });
  stratstab::GridRunOptions options;
  options.threads = 2;
  std::size_t peak_held = 0;
  for (auto _ : state) {
    Discard sink;
    peak_held = std::max(peak_held, stratstab::run_grid(evaluator, sink, options).peak_held);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(grid.size()));
  state.counters["points"] = static_cast<double>(grid.size());
  state.counters["peak_held_points"] = static_cast<double>(peak_held);
  // The process's peak resident memory so far (sizes run smallest first, so growth with the grid
  // would show as a rising figure): getrusage's ru_maxrss, in KiB on Linux.
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  state.counters["max_rss_MiB"] = static_cast<double>(usage.ru_maxrss) / 1024.0;
}
BENCHMARK(BM_GridSweepAbstractSize)->Arg(10)->Arg(100)->Arg(1000)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

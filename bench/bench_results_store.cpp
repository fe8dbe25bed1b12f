// Points written per second through the results store: batched transactions of 1,000
// points in WAL mode with synchronous=NORMAL, rows the shape of a two-side sweep (two swept inputs,
// one a word, and 12 outputs: each side's C1, C2, ratio, s*, surviving, retaliation arriving).
// Target: at least 100,000 points/s (10 us a point), so that storing never slows a sweep: a
// real-side point of the default scenario takes about 5 ms of CPU (docs/usersguide.md, `sweep`),
// and a point 100 times faster (50 us) would still take 5 times the store's 10 us. Run:
//   build/bench/stratstab_bench --benchmark_filter=ResultsStore
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include "stratstab/results_store.hpp"

namespace {

stratstab::RunDescription sweep_run(std::size_t points) {
  stratstab::RunDescription run{.scenario_hash = std::string(64, '0'),
                                .tool_version = "bench",
                                .command_line = "bench",
                                .seed = 0,
                                .points_planned = points,
                                .input_columns = {"sides.US.defence.interceptors", "options.posture"},
                                .output_columns = {}};
  for (const char* side : {"US", "RU"}) {
    for (const char* what : {"C1", "C2", "ratio", "s_star", "surviving", "retaliation_arriving"}) {
      run.output_columns.push_back(std::string(side) + "." + what);
    }
  }
  return run;
}

/// Writes state.range(0) points into a fresh store per iteration (open, begin_run, write, finish).
void BM_ResultsStoreWrite(benchmark::State& state) {
  const auto points = static_cast<std::size_t>(state.range(0));
  const auto file =
      std::filesystem::temp_directory_path() / ("stratstab-bench-store-" + std::to_string(::getpid()) + ".sqlite");
  stratstab::StoredPoint point{0, {0.0, std::string("day_to_day")}, std::vector<double>(12, 0.0)};
  for (auto _ : state) {
    state.PauseTiming();
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(file.string() + suffix);
    state.ResumeTiming();
    stratstab::ResultsStore store = stratstab::ResultsStore::open(file);
    const std::int64_t run = store.begin_run(sweep_run(points));
    for (std::size_t i = 0; i < points; ++i) {
      point.index = i;
      std::get<double>(point.inputs[0]) = static_cast<double>(i);
      for (std::size_t k = 0; k < point.outputs.size(); ++k) point.outputs[k] = static_cast<double>(i * 12 + k) * 0.1;
      store.write(run, point);
    }
    store.finish_run(run);
  }
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(file.string() + suffix);
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
// 10^6 points: a 158 MB store; the writer's memory stays constant (peak RSS 6.9 MB for a program
// doing only this), since a batch is written through one prepared statement with no buffer.
BENCHMARK(BM_ResultsStoreWrite)->Arg(100'000)->Arg(1'000'000)->Unit(benchmark::kMillisecond)->UseRealTime();

/// Reading which points a run of state.range(0) points holds, as `--resume` does first.
void BM_ResultsStoreDonePoints(benchmark::State& state) {
  const auto points = static_cast<std::size_t>(state.range(0));
  const auto file =
      std::filesystem::temp_directory_path() / ("stratstab-bench-done-" + std::to_string(::getpid()) + ".sqlite");
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(file.string() + suffix);
  {
    stratstab::ResultsStore store = stratstab::ResultsStore::open(file);
    const std::int64_t run = store.begin_run(sweep_run(points));
    stratstab::StoredPoint point{0, {0.0, std::string("day_to_day")}, std::vector<double>(12, 0.5)};
    for (std::size_t i = 0; i < points; ++i) {
      point.index = i;
      store.write(run, point);
    }
  }
  stratstab::ResultsStore store = stratstab::ResultsStore::open(file);
  for (auto _ : state) {
    const std::vector<bool> done = store.done_points(1);
    benchmark::DoNotOptimize(done.size());
  }
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(file.string() + suffix);
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_ResultsStoreDonePoints)->Arg(100'000)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

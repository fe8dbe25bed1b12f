// Loading and auditing the bundled data. Sweeps load a snapshot once and evaluate it many times,
// so this is not a hot path; the figures tell whether `data check` and start-up stay instant.
// Run: build/bench/stratstab_bench
#include <benchmark/benchmark.h>

#include "stratstab/audit.hpp"
#include "stratstab/catalog.hpp"
#include "stratstab/version.hpp"

namespace {

const stratstab::DataCatalog& catalog() {
  static const stratstab::DataCatalog kCatalog{std::filesystem::path(stratstab::kSourceDataDir)};
  return kCatalog;
}

/// Parse and validate one per-system snapshot with its two bibliography files.
void BM_LoadSnapshot(benchmark::State& state) {
  const auto path = catalog().snapshot_path("us-2026-11-01");
  for (auto _ : state) {
    auto snapshot = stratstab::load_force_snapshot(path);
    benchmark::DoNotOptimize(snapshot.systems.data());
  }
}
BENCHMARK(BM_LoadSnapshot)->Unit(benchmark::kMillisecond);

/// What `stratstab data check` does: load every bundled snapshot and audit its figures.
void BM_CheckAllBundledData(benchmark::State& state) {
  const auto files = catalog().snapshot_files();
  for (auto _ : state) {
    stratstab::DataAudit audit;
    for (const auto& file : files) audit_snapshot(stratstab::load_force_snapshot(file), audit);
    benchmark::DoNotOptimize(audit.figures);
  }
  state.counters["snapshots"] = static_cast<double>(files.size());
}
BENCHMARK(BM_CheckAllBundledData)->Unit(benchmark::kMillisecond);

}  // namespace

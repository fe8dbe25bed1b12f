// Kent–Thaler index, abstract form (METHOD.md §4 worked example): evaluations per second on one
// core. Target (issue 3): >= 200,000/s. Run: build/bench/stratstab_bench --benchmark_filter=KentThaler
#include <benchmark/benchmark.h>

#include "stratstab/stability.hpp"

namespace {

void BM_KentThalerAbstract(benchmark::State& state) {
  const stratstab::AbstractSide a{300, 2, 50, 12, 0.5, 0.75, 800};
  const stratstab::AbstractSide b{250, 4, 35, 8, 0.35, 0.85, 1000};
  stratstab::StabilityParameters p;
  p.launch_under_attack = state.range(0) != 0;
  for (auto _ : state) {
    const auto r = stratstab::evaluate_abstract(a, b, p);
    benchmark::DoNotOptimize(r.index);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_KentThalerAbstract)->Arg(0)->Arg(1);

}  // namespace

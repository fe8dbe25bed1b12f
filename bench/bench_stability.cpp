// Kent–Thaler index, abstract form (the worked example of docs/methods.md §7): evaluations per second on one
// core. Target: >= 200,000/s. Run: build/bench/stratstab_bench --benchmark_filter=KentThaler
#include <benchmark/benchmark.h>

#include <map>
#include <string>

#include "stratstab/catalog.hpp"
#include "stratstab/exchange.hpp"
#include "stratstab/prepare.hpp"
#include "stratstab/scenario.hpp"
#include "stratstab/stability.hpp"
#include "stratstab/uncertainty.hpp"

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

// Kent–Thaler index on the real US–Russia scenario of November 2026 (both day to day): compile both
// counterforce problems from the snapshots, build K(s), evaluate both strikes. Target:
// >= 20,000 evaluations/s on one core with the greedy draw-down. Snapshots are loaded once,
// outside the timed loop, as a sweep would.
namespace {

const stratstab::ForceSnapshot& bundled(const std::string& id) {
  static const stratstab::DataCatalog catalog(stratstab::DataCatalog::default_data_dir());
  static std::map<std::string, stratstab::ForceSnapshot> cache;
  auto it = cache.find(id);
  if (it == cache.end()) it = cache.emplace(id, catalog.load_snapshot(id)).first;
  return it->second;
}

void BM_KentThalerRealUsRu2026(benchmark::State& state) {
  const auto& us = bundled("us-2026-11-01");
  const auto& ru = bundled("ru-2026-11-01");
  stratstab::StabilityParameters p;
  p.draw_down = state.range(0) == 0 ? stratstab::DrawDownMethod::kGreedy : stratstab::DrawDownMethod::kExact;
  p.launch_under_attack = state.range(1) != 0;
  for (auto _ : state) {
    const auto r = stratstab::evaluate_real(us, ru, stratstab::PostureCase::kDayToDay, p);
    benchmark::DoNotOptimize(r.index);
  }
  state.SetItemsProcessed(state.iterations());
  state.SetLabel(std::string(to_string(p.draw_down)) + (p.launch_under_attack ? ", LUA" : ""));
}
BENCHMARK(BM_KentThalerRealUsRu2026)->Args({0, 0})->Args({0, 1})->Args({1, 0});

}  // namespace

// The Golden Dome scenario (docs/methods.md §12.2): the same exchange with a three-layer US defence of 1,000
// interceptors, suppression choices (0-2 warheads per site) evaluated for Russia's strike, greedy
// draw-down. The defence cuts each piece of K(s) at its kinks; suppression triples Russia's
// strike evaluations. Loaded once, outside the loop.
namespace {

void BM_KentThalerGoldenDome(benchmark::State& state) {
  static const stratstab::DataCatalog catalog(stratstab::DataCatalog::default_data_dir());
  static const stratstab::Scenario scenario = [] {
    stratstab::Scenario s =
        stratstab::prepare_scenario(stratstab::load_scenario(catalog.scenario_path("golden-dome"), {}, &catalog));
    s.parameters.draw_down = stratstab::DrawDownMethod::kGreedy;
    return s;
  }();
  for (auto _ : state) {
    const auto r = stratstab::evaluate_scenario(scenario);
    benchmark::DoNotOptimize(r.index);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_KentThalerGoldenDome);

// Issue 12's options at their cost, exact draw-down: arg 0, golden-dome with an offence that
// concentrates on undefended value (D* tabulated per strike, docs/methods.md §12.1); arg 1, the
// default scenario with the collateral of counterforce (options.collateral: cities, §7; the per-base
// collateral is memoised per thread, the pieces with collateral are sampled).
void BM_KentThalerModelOptions(benchmark::State& state) {
  static const stratstab::DataCatalog catalog(stratstab::DataCatalog::default_data_dir());
  const bool concentrate = state.range(0) == 0;
  const stratstab::Scenario scenario = stratstab::prepare_scenario(stratstab::load_scenario(
      catalog.scenario_path(concentrate ? "golden-dome" : "us-ru-2026-11"),
      stratstab::Override::parse_all(
          {concentrate ? "sides.US.defence.concentrate_on_undefended=true" : "options.collateral=cities"}),
      &catalog));
  for (auto _ : state) {
    const auto r = stratstab::evaluate_scenario(scenario);
    benchmark::DoNotOptimize(r.index);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_KentThalerModelOptions)->Arg(0)->Arg(1);

}  // namespace

// One sample of an uncertainty run on the default scenario (docs/methods.md §13.2): every ranged
// input (about 236) stored through its accessor into a per-thread copy, then the exchange evaluated
// with the scenario's draw-down (exact). Arg 0: greedy; 1: exact. The design is drawn outside the loop.
namespace {

void BM_UncertaintySampleUsRu2026(benchmark::State& state) {
  static const stratstab::DataCatalog catalog(stratstab::DataCatalog::default_data_dir());
  stratstab::Scenario loaded = stratstab::load_scenario(catalog.scenario_path("us-ru-2026-11"), {}, &catalog);
  loaded.parameters.draw_down =
      state.range(0) == 0 ? stratstab::DrawDownMethod::kGreedy : stratstab::DrawDownMethod::kExact;
  const stratstab::InputPlan plan = stratstab::plan_uncertain_inputs(loaded, {});
  const stratstab::SampleEvaluator ev(loaded, plan.inputs);
  const stratstab::Factors factors = stratstab::factors_of(ev.inputs());
  constexpr std::size_t kRows = 256;
  const std::vector<double> values = stratstab::input_values(
      ev.inputs(), factors,
      stratstab::unit_design(kRows, factors.members.size(), stratstab::SamplingMethod::kLatinHypercube, 1), kRows);
  const auto workspace = ev.workspace();
  const std::size_t width = ev.inputs().size();
  std::size_t row = 0;
  for (auto _ : state) {
    const auto out = ev.evaluate(std::span<const double>(values).subspan(row * width, width), *workspace);
    benchmark::DoNotOptimize(out[0]);
    row = (row + 1) % kRows;
  }
  state.SetItemsProcessed(state.iterations());
  state.SetLabel(state.range(0) == 0 ? "greedy" : "exact");
}
BENCHMARK(BM_UncertaintySampleUsRu2026)->Arg(0)->Arg(1);

}  // namespace

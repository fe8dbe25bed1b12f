// The continuous weapon-target assignment solver (docs/methods.md §10) against Ipopt on the same random
// instances: 20 weapon kinds x 1,000 targets (density 0.5) for both, 50 x 5,000 (density 0.3) for
// ours. Each run checks the answer (ours: proven gap <= 1e-9; on 20 x 1,000 the objectives of both
// agree to 1e-6 relative) and aborts on failure, so a fast wrong answer cannot pass as a result.
// Ipopt runs with its default tolerance 1e-8 in the timed loop (a fair speed comparison).
// Run: build/bench/stratstab_bench --benchmark_filter=Wta
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>

#include <benchmark/benchmark.h>

#include "ipopt_wta.hpp"
#include "stratstab/wta.hpp"

namespace {

constexpr std::uint64_t kSeed = 20260301;

const stratstab::WtaProblem& small_problem() {
  static const stratstab::WtaProblem problem = stratstab::test::random_wta_problem(20, 1000, 0.5, kSeed, false);
  return problem;
}

const stratstab::WtaProblem& large_problem() {
  static const stratstab::WtaProblem problem = stratstab::test::random_wta_problem(50, 5000, 0.3, kSeed + 1, false);
  return problem;
}

/// Objective of each problem by Ipopt, once, to check ours against.
double ipopt_objective(const stratstab::WtaProblem& problem) {
  const auto result = stratstab::test::solve_wta_with_ipopt(problem);
  if (!result.solved) {
    std::fprintf(stderr, "bench_wta: Ipopt failed (status %d)\n", result.status);
    std::abort();
  }
  return result.objective;
}

void check(const stratstab::WtaSolution& ours, double reference, const char* what) {
  const double disagreement = std::abs(ours.objective - reference) / std::abs(reference);
  if (!(ours.relative_gap <= 1e-9) || !(disagreement <= 1e-6)) {
    std::fprintf(stderr, "bench_wta: %s: gap %g, disagreement with Ipopt %g\n", what, ours.relative_gap, disagreement);
    std::abort();
  }
}

void report(benchmark::State& state, const stratstab::WtaSolution& ours, double reference) {
  state.counters["objective"] = ours.objective;
  state.counters["gap"] = ours.relative_gap;
  state.counters["vs_ipopt"] = std::abs(ours.objective - reference) / std::abs(reference);
  state.counters["ipm_iter"] = ours.iterations;
}

stratstab::WtaOptions continuous_only() {
  stratstab::WtaOptions options;
  options.integer_answers = false;
  return options;
}

void BM_WtaOurs_20x1000(benchmark::State& state) {
  const auto& problem = small_problem();
  static const double reference = ipopt_objective(problem);
  stratstab::WtaSolution solution;
  for (auto _ : state) {
    solution = stratstab::solve_wta(problem, continuous_only());
    benchmark::DoNotOptimize(solution.objective);
  }
  check(solution, reference, "ours 20x1000");
  report(state, solution, reference);
}
BENCHMARK(BM_WtaOurs_20x1000)->Unit(benchmark::kMillisecond);

void BM_WtaIpopt_20x1000(benchmark::State& state) {
  const auto& problem = small_problem();
  const auto ours = stratstab::solve_wta(problem, continuous_only());
  double objective = 0;
  for (auto _ : state) {
    const auto result = stratstab::test::solve_wta_with_ipopt(problem, 1e-8);
    if (!result.solved) {
      std::fprintf(stderr, "bench_wta: Ipopt failed (status %d)\n", result.status);
      std::abort();
    }
    // DoNotOptimize on the result, not on the local `objective`: with DoNotOptimize(objective)
    // this build read back 0 after the loop (not investigated further).
    benchmark::DoNotOptimize(result.assignment.data());
    objective = result.objective;
  }
  if (std::abs(objective - ours.objective) / ours.objective > 1e-6) {
    std::fprintf(stderr, "bench_wta: Ipopt %.12g vs ours %.12g\n", objective, ours.objective);
    std::abort();
  }
  state.counters["objective"] = objective;
}
BENCHMARK(BM_WtaIpopt_20x1000)->Unit(benchmark::kMillisecond);

void BM_WtaOurs_50x5000(benchmark::State& state) {
  // No Ipopt reference here: Ipopt 3.11 with MUMPS ran for more than 6 minutes (and 1.2 GB) on
  // this instance without finishing; the proven gap is the check.
  const auto& problem = large_problem();
  stratstab::WtaSolution solution;
  for (auto _ : state) {
    solution = stratstab::solve_wta(problem, continuous_only());
    benchmark::DoNotOptimize(solution.objective);
  }
  if (!(solution.relative_gap <= 1e-9)) {
    std::fprintf(stderr, "bench_wta: ours 50x5000: gap %g\n", solution.relative_gap);
    std::abort();
  }
  state.counters["objective"] = solution.objective;
  state.counters["gap"] = solution.relative_gap;
  state.counters["ipm_iter"] = solution.iterations;
}
BENCHMARK(BM_WtaOurs_50x5000)->Unit(benchmark::kMillisecond);

/// Both solvers timed alternately in the same loop (same load on the machine), reporting the
/// ratio of Ipopt's time to ours and their objective disagreement; aborts on disagreement > 1e-6.
void BM_WtaSpeedRatio_20x1000(benchmark::State& state) {
  const auto& problem = small_problem();
  using Clock = std::chrono::steady_clock;
  double ours_s = 0;
  double ipopt_s = 0;
  double disagreement = 0;
  for (auto _ : state) {
    const auto t0 = Clock::now();
    const auto ours = stratstab::solve_wta(problem, continuous_only());
    const auto t1 = Clock::now();
    const auto reference = stratstab::test::solve_wta_with_ipopt(problem, 1e-8);
    const auto t2 = Clock::now();
    if (!reference.solved) std::abort();
    ours_s += std::chrono::duration<double>(t1 - t0).count();
    ipopt_s += std::chrono::duration<double>(t2 - t1).count();
    disagreement = std::abs(ours.objective - reference.objective) / ours.objective;
    check(ours, reference.objective, "ratio 20x1000");
  }
  const auto n = static_cast<double>(state.iterations());
  state.counters["ours_ms"] = 1e3 * ours_s / n;
  state.counters["ipopt_ms"] = 1e3 * ipopt_s / n;
  state.counters["ipopt_over_ours"] = ipopt_s / ours_s;
  state.counters["disagreement"] = disagreement;
}
BENCHMARK(BM_WtaSpeedRatio_20x1000)->Unit(benchmark::kMillisecond)->Iterations(5);

/// The whole answer the command gives: continuous optimum plus both integer answers.
void BM_WtaWithIntegerAnswers_20x1000(benchmark::State& state) {
  const auto& problem = small_problem();
  for (auto _ : state) {
    auto solution = stratstab::solve_wta(problem);
    benchmark::DoNotOptimize(solution.greedy.objective);
  }
}
BENCHMARK(BM_WtaWithIntegerAnswers_20x1000)->Unit(benchmark::kMillisecond);

}  // namespace

namespace {

/// The literature's form (docs/methods.md §10, "Integer mode"): 1 to `max_units` weapons per kind,
/// values 1-100, every pair with p in [0.6, 0.9]; fixed seed, own generator.
stratstab::WtaProblem literature_problem(int weapons, int targets, int max_units) {
  std::uint64_t state = 42;
  const auto next = [&state] {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<double>(state >> 11U) * 0x1.0p-53;
  };
  stratstab::WtaProblem p;
  for (int w = 0; w < weapons; ++w) {
    p.weapons.push_back({"w" + std::to_string(w), 1 + std::floor(max_units * next())});
  }
  for (int t = 0; t < targets; ++t) p.targets.push_back({"t" + std::to_string(t), 1.0 + std::floor(100 * next()), 0});
  for (int w = 0; w < weapons; ++w) {
    for (int t = 0; t < targets; ++t) {
      p.kill_probability.push_back({static_cast<std::size_t>(w), static_cast<std::size_t>(t), 0.6 + 0.3 * next()});
    }
  }
  return p;
}

/// Integer mode on W x T with 1 to U weapons per kind: the reported gap (answer to the proven
/// integer bound) must be at most 0.1% (the default stop is 0.01%; where the per-target
/// relaxations cannot reach that the search stops when its steps vanish).
void BM_WtaInteger(benchmark::State& state) {
  const stratstab::WtaProblem problem = literature_problem(
      static_cast<int>(state.range(0)), static_cast<int>(state.range(1)), static_cast<int>(state.range(2)));
  stratstab::WtaOptions options;
  options.integer_mode = true;
  stratstab::WtaSolution solution;
  for (auto _ : state) {
    solution = stratstab::solve_wta(problem, options);
    benchmark::ClobberMemory();
  }
  const double gap = solution.integer ? solution.integer->improved.gap : 1.0;
  if (!(gap <= 1e-3)) {
    std::fprintf(stderr, "bench_wta: integer gap %g\n", gap);
    std::abort();
  }
  state.counters["integer_gap"] = gap;
}
BENCHMARK(BM_WtaInteger)
    ->Args({50, 100, 1})
    ->Args({100, 200, 1})
    ->Args({50, 100, 3})
    ->Args({100, 200, 3})
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1);

}  // namespace

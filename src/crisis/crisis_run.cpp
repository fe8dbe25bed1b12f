// Running a crisis (crisis_run.hpp, docs/methods.md §13.3).
#include "stratstab/crisis_run.hpp"

#include <algorithm>
#include <cmath>
#include <random>

#include <fmt/format.h>

#include "stratstab/prepare.hpp"
#include "stratstab/uncertainty.hpp"

namespace stratstab {
namespace {

double logit(double q) {
  return std::log(q / (1 - q));
}
double logistic(double x) {
  return 1 / (1 + std::exp(-x));
}

/// SplitMix64 of (seed, run): run k's generator seed depends on nothing else.
std::uint64_t run_seed(std::uint64_t seed, std::uint64_t run) {
  std::uint64_t z = seed + 0x9E3779B97F4A7C15ULL * (run + 1);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

struct FalseWarning {
  long long arrived = 0;
  double weight = 0;
};

/// One run: the first step a side strikes (both may at once), and who generated.
struct RunResult {
  std::optional<long long> strike_time;
  std::array<bool, 2> struck{false, false};
  std::array<bool, 2> generated{false, false};
};

RunResult one_run(const CrisisModel& m, const CrisisRatios& ratios, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::normal_distribution<double> normal(0.0, 1.0);
  std::uniform_real_distribution<double> uniform(0.0, 1.0);
  RunResult out;
  const std::array<double, 2> start{logit(m.belief[0]), logit(m.belief[1])};
  std::array<double, 2> level = start;
  std::array<std::vector<FalseWarning>, 2> warnings;
  const double sigma = m.noise * (m.data_exchanges ? m.exchange_noise_factor : 1.0);
  const double keep = 1 - m.calming;
  for (long long t = 0; t <= m.steps; ++t) {
    // Each side's belief now: its level and what is left of its unresolved false warnings.
    std::array<double, 2> q{};
    for (std::size_t x = 0; x < 2; ++x) {
      double extra = 0;
      for (const FalseWarning& w : warnings[x]) extra += w.weight * std::pow(keep, static_cast<double>(t - w.arrived));
      q[x] = logistic(level[x] + extra);
    }
    const std::array<double, 2>& r = ratios.r[out.generated[0] ? 1 : 0][out.generated[1] ? 1 : 0];
    for (std::size_t x = 0; x < 2; ++x) out.struck[x] = q[x] > r[x];
    if (out.struck[0] || out.struck[1]) {
      out.strike_time = t;
      return out;
    }
    if (t == m.steps) break;
    std::array<bool, 2> generated_now{false, false};
    for (std::size_t x = 0; x < 2; ++x) {
      if (!out.generated[x] && q[x] > m.generate_at[x]) out.generated[x] = generated_now[x] = true;
    }
    for (std::size_t x = 0; x < 2; ++x) {
      const std::size_t other = 1 - x;
      // The same draws every step whatever happens, so that runs differ only by what they change.
      const double z = normal(rng);
      const double u = uniform(rng);
      double seen = generated_now[other] ? m.generation_weight : 0.0;
      for (const CrisisModel::Action& a : m.actions) {
        if (a.time == t && a.by == other)
          seen += a.weight * (a.declared && m.notifications ? m.notification_factor : 1.0);
      }
      level[x] += seen - m.calming * (level[x] - start[x]) + sigma * z;
      if (m.hotline) {
        std::erase_if(warnings[x], [&](const FalseWarning& w) {
          return static_cast<double>(t + 1 - w.arrived) >= m.hotline_steps;  // shown false: its weight is gone
        });
      }
      if (u < m.false_warning_rate) warnings[x].push_back(FalseWarning{t + 1, m.false_warning_weight});
    }
  }
  return out;
}

}  // namespace

CrisisRatios crisis_ratios(const Scenario& loaded) {
  const auto evaluate = [&loaded](PostureCase c) {
    Scenario s = loaded;
    s.posture = c;
    return evaluate_scenario(prepare_scenario(std::move(s)));
  };
  const StabilityResult dd = evaluate(PostureCase::kDayToDay);
  const StabilityResult gg = evaluate(PostureCase::kGenerated);
  const StabilityResult sg = evaluate(PostureCase::kStrikerGenerated);
  const StabilityResult vg = evaluate(PostureCase::kVictimGenerated);
  CrisisRatios out;
  out.r[0][0] = {dd.a.ratio, dd.b.ratio};
  out.r[1][1] = {gg.a.ratio, gg.b.ratio};
  // A alone generated: A strikes generated on B day to day; B strikes day to day on A generated.
  const StabilityResult a_gen = stability_from_strikes(sg.a_strikes_b, vg.b_strikes_a);
  out.r[1][0] = {a_gen.a.ratio, a_gen.b.ratio};
  const StabilityResult b_gen = stability_from_strikes(vg.a_strikes_b, sg.b_strikes_a);
  out.r[0][1] = {b_gen.a.ratio, b_gen.b.ratio};
  return out;
}

CrisisModel crisis_model(const Crisis& crisis, const std::array<std::string, 2>& side_ids) {
  CrisisModel m;
  m.steps = crisis.steps;
  const auto index_of = [&](const std::string& id) -> std::size_t {
    for (std::size_t i = 0; i < 2; ++i) {
      if (side_ids[i] == id) return i;
    }
    throw InputError({Diagnostic{Severity::kError, SourceLocation{crisis.file, 0, 0, "sides"},
                                 fmt::format("side '{}' is not a side of scenario '{}' (its sides are {} and {})", id,
                                             crisis.scenario, side_ids[0], side_ids[1])}});
  };
  for (const CrisisSide& s : crisis.sides) {
    const std::size_t i = index_of(s.id);
    m.belief[i] = s.belief.value;
    m.generate_at[i] = s.generate_at.value;
  }
  m.calming = crisis.calming.value;
  m.noise = crisis.noise.value;
  m.false_warning_rate = crisis.false_warning_rate.value;
  m.false_warning_weight = crisis.false_warning_weight.value;
  m.generation_weight = crisis.generation_weight.value;
  for (const CrisisAction& a : crisis.actions) {
    m.actions.push_back(CrisisModel::Action{a.time, index_of(a.by), a.weight.value, a.declared});
  }
  m.notifications = crisis.notifications.in_force;
  m.notification_factor = crisis.notifications.effect.value;
  m.data_exchanges = crisis.data_exchanges.in_force;
  m.exchange_noise_factor = crisis.data_exchanges.effect.value;
  m.hotline = crisis.hotline.in_force;
  m.hotline_steps = crisis.hotline.effect.value;
  return m;
}

CrisisOutcome run_crisis(const CrisisModel& model, const CrisisRatios& ratios, std::size_t runs, std::uint64_t seed) {
  CrisisOutcome out;
  out.runs = runs;
  std::vector<double> times;
  std::array<std::size_t, 2> strikes{};
  std::array<std::size_t, 2> generations{};
  std::size_t any = 0;
  for (std::size_t k = 0; k < runs; ++k) {
    const RunResult r = one_run(model, ratios, run_seed(seed, k));
    for (std::size_t x = 0; x < 2; ++x) {
      strikes[x] += r.struck[x] ? 1 : 0;
      generations[x] += r.generated[x] ? 1 : 0;
    }
    if (r.strike_time) {
      ++any;
      times.push_back(static_cast<double>(*r.strike_time));
    }
  }
  const double n = runs == 0 ? 1.0 : static_cast<double>(runs);
  for (std::size_t x = 0; x < 2; ++x) {
    out.p_strike[x] = static_cast<double>(strikes[x]) / n;
    out.p_generate[x] = static_cast<double>(generations[x]) / n;
  }
  out.p_any_strike = static_cast<double>(any) / n;
  if (!times.empty()) {
    std::sort(times.begin(), times.end());
    out.time_q05 = quantile_sorted(times, 0.05);
    out.time_median = quantile_sorted(times, 0.5);
    out.time_q95 = quantile_sorted(times, 0.95);
  }
  return out;
}

CrisisReport crisis_report(const Crisis& crisis, const Scenario& loaded, std::size_t runs, std::uint64_t seed) {
  CrisisReport report;
  report.id = crisis.id;
  report.name = crisis.name;
  report.scenario = loaded.name;
  report.step_unit = crisis.step_unit;
  report.steps = crisis.steps;
  report.sides = {loaded.sides[0].id, loaded.sides[1].id};
  report.ratios = crisis_ratios(loaded);
  report.seed = seed;
  const CrisisModel model = crisis_model(crisis, report.sides);
  report.as_given = run_crisis(model, report.ratios, runs, seed);
  // Each measure toggled alone: switched off where it is in force, on where it is not.
  const auto toggled = [&](const char* name, bool CrisisModel::*flag) {
    CrisisModel other = model;
    other.*flag = !(model.*flag);
    report.toggled.push_back(CrisisReport::Toggled{name, other.*flag, run_crisis(other, report.ratios, runs, seed)});
  };
  toggled("notifications", &CrisisModel::notifications);
  toggled("data_exchanges", &CrisisModel::data_exchanges);
  toggled("hotline", &CrisisModel::hotline);
  return report;
}

}  // namespace stratstab

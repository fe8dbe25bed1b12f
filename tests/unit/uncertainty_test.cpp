// The uncertainty runs (docs/methods.md §13.2): the sampler against closed forms, the Sobol
// estimator on the Ishigami function (known indices), the order-statistic intervals, seed and
// thread reproducibility, and that collapsed ranges reproduce assess exactly.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <numbers>

#include "stratstab/catalog.hpp"
#include "stratstab/prepare.hpp"
#include "stratstab/uncertainty.hpp"

namespace stratstab {
namespace {

UncertainInput input(std::string path, Distribution dist, double low, double mode, double high) {
  UncertainInput in;
  in.path = std::move(path);
  in.dist = dist;
  in.low = low;
  in.mode = mode;
  in.high = high;
  in.point = mode;
  in.mean = mode;
  in.sd = (high - low) / 4.0;
  return in;
}

const DataCatalog& catalog() {
  static const DataCatalog c(DataCatalog::default_data_dir());
  return c;
}

Scenario bundled(const std::string& name) {
  return load_scenario(catalog().scenario_path(name), {}, &catalog());
}

TEST(UncertaintyDistribution, TriangularQuantileIsTheClosedForm) {
  // F^-1(u) = a + sqrt(u (b - a)(c - a)) below the mode's probability (c - a)/(b - a), else
  // b - sqrt((1 - u)(b - a)(b - c)) (a low, c mode, b high).
  const UncertainInput t = input("x", Distribution::kTriangular, 100, 150, 300);
  for (double u : {0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99}) {
    const double expected = u < 0.25 ? 100 + std::sqrt(u * 200 * 50) : 300 - std::sqrt((1 - u) * 200 * 150);
    EXPECT_NEAR(t.quantile(u), expected, 1e-9) << u;
  }
  EXPECT_EQ(t.quantile(0.0), 100.0);
  EXPECT_EQ(t.quantile(1.0), 300.0);
  const UncertainInput uni = input("y", Distribution::kUniform, 2, 3, 4);
  EXPECT_NEAR(uni.quantile(0.3), 2.6, 1e-12);
  // Normal N(0, 1) truncated to [-1, 1]: the median is 0 and the 0.8413... quantile of the
  // untruncated law maps to Phi^-1(0.5 + 0.3413 * 0.6827 / 0.6827 ...): check symmetry and the
  // closed form u = (Phi(x) - Phi(-1)) / (Phi(1) - Phi(-1)) at x = 0.5.
  UncertainInput n = input("z", Distribution::kNormal, -1, 0, 1);
  n.mean = 0;
  n.sd = 1;
  const auto phi = [](double x) { return 0.5 * std::erfc(-x / std::numbers::sqrt2); };
  const double u_half = (phi(0.5) - phi(-1)) / (phi(1) - phi(-1));
  EXPECT_NEAR(n.quantile(0.5), 0.0, 1e-9);
  EXPECT_NEAR(n.quantile(u_half), 0.5, 1e-7);
  // A range collapsed to a point.
  EXPECT_EQ(input("p", Distribution::kTriangular, 7, 7, 7).quantile(0.4), 7.0);
}

TEST(UncertaintyDesign, LatinHypercubeHasOnePointInEachStratumOfEveryFactor) {
  const std::size_t n = 500;
  const std::size_t f = 4;
  const std::vector<double> d = unit_design(n, f, SamplingMethod::kLatinHypercube, 7);
  for (std::size_t k = 0; k < f; ++k) {
    std::vector<int> hits(n, 0);
    for (std::size_t i = 0; i < n; ++i) {
      const double u = d[i * f + k];
      ASSERT_GT(u, 0.0);
      ASSERT_LT(u, 1.0);
      ++hits[static_cast<std::size_t>(u * static_cast<double>(n))];
    }
    EXPECT_TRUE(std::all_of(hits.begin(), hits.end(), [](int h) { return h == 1; })) << "factor " << k;
  }
  EXPECT_EQ(d, unit_design(n, f, SamplingMethod::kLatinHypercube, 7));
  EXPECT_NE(d, unit_design(n, f, SamplingMethod::kLatinHypercube, 8));
}

TEST(UncertaintyDesign, MeanVarianceAndQuantilesOfALinearFunctionOfUniforms) {
  // y = 2 x1 - 3 x2 + x3 with x1 ~ U(0, 1), x2 ~ U(2, 4), x3 ~ U(-1, 1): mean 1 - 9 + 0 = -8,
  // variance 4 * 1/12 + 9 * 4/12 + 4/12 = 44/12. The median is the mean (a symmetric law).
  const std::vector<UncertainInput> inputs{input("x1", Distribution::kUniform, 0, 0.5, 1),
                                           input("x2", Distribution::kUniform, 2, 3, 4),
                                           input("x3", Distribution::kUniform, -1, 0, 1)};
  const Factors factors = factors_of(inputs);
  ASSERT_EQ(factors.members.size(), 3U);
  for (SamplingMethod method : {SamplingMethod::kMonteCarlo, SamplingMethod::kLatinHypercube}) {
    const std::size_t n = 20000;
    const std::vector<double> x = input_values(inputs, factors, unit_design(n, 3, method, 11), n);
    std::vector<double> y(n);
    for (std::size_t i = 0; i < n; ++i) y[i] = 2 * x[i * 3] - 3 * x[i * 3 + 1] + x[i * 3 + 2];
    const OutputBand b = summarise("y", -8, y);
    const double sd = std::sqrt(44.0 / 12.0);
    // Monte Carlo: the mean's standard error is sd / sqrt(n) = 0.013; 5 of them. LHS is far tighter.
    EXPECT_NEAR(b.mean, -8.0, 5 * sd / std::sqrt(double(n))) << to_string(method);
    EXPECT_NEAR(b.sd, sd, 0.03) << to_string(method);
    EXPECT_NEAR(b.quantiles[2], -8.0, 0.05) << to_string(method);
    EXPECT_LE(b.ci_low[2], b.quantiles[2]);
    EXPECT_GE(b.ci_high[2], b.quantiles[2]);
  }
}

TEST(UncertaintyDesign, AGroupMovesTogether) {
  std::vector<UncertainInput> inputs{input("a", Distribution::kUniform, 0, 0.5, 1),
                                     input("b", Distribution::kUniform, 10, 15, 20),
                                     input("c", Distribution::kUniform, 0, 0.5, 1)};
  inputs[0].group = "g";
  inputs[1].group = "g";
  const Factors factors = factors_of(inputs);
  ASSERT_EQ(factors.members.size(), 2U);
  EXPECT_EQ(factors.names[0], "group g");
  const std::vector<double> x = input_values(inputs, factors, unit_design(100, 2, SamplingMethod::kMonteCarlo, 3), 100);
  for (std::size_t i = 0; i < 100; ++i) EXPECT_NEAR(x[i * 3 + 1], 10 + 10 * x[i * 3], 1e-9);
}

TEST(UncertaintyStatistics, QuantilesAndOrderStatisticIntervalsOfAKnownSample) {
  std::vector<double> v;
  for (int i = 0; i <= 100; ++i) v.push_back(i);
  std::reverse(v.begin(), v.end());
  const OutputBand b = summarise("v", 50, v);
  EXPECT_DOUBLE_EQ(b.mean, 50.0);
  EXPECT_DOUBLE_EQ(b.quantiles[0], 5.0);
  EXPECT_DOUBLE_EQ(b.quantiles[2], 50.0);
  EXPECT_DOUBLE_EQ(b.quantiles[4], 95.0);
  // n = 101, p = 0.5: n p -/+ 1.96 sqrt(n p (1 - p)) = 50.5 -/+ 9.85 -> order statistics 40 and 61.
  EXPECT_DOUBLE_EQ(b.ci_low[2], 40.0);
  EXPECT_DOUBLE_EQ(b.ci_high[2], 61.0);
}

TEST(UncertaintySobol, IshigamiIndicesAreRecovered) {
  // Ishigami f = sin x1 + 7 sin^2 x2 + 0.1 x3^4 sin x1, x ~ U(-pi, pi)^3 (a = 7, b = 0.1). Closed
  // forms (Saltelli et al. 2008, Primer, §4.9 and Sudret 2008): V = a^2/8 + b pi^4/5 + b^2 pi^8/18 + 1/2,
  // V1 = (1 + b pi^4/5)^2 / 2, V2 = a^2/8, V3 = 0, VT3 = 8 b^2 pi^8 / 225.
  const double pi = std::numbers::pi;
  const double a = 7;
  const double b = 0.1;
  const double v = a * a / 8 + b * std::pow(pi, 4) / 5 + b * b * std::pow(pi, 8) / 18 + 0.5;
  const double s1 = std::pow(1 + b * std::pow(pi, 4) / 5, 2) / 2 / v;
  const double s2 = a * a / 8 / v;
  const double st3 = 8 * b * b * std::pow(pi, 8) / 225 / v;
  const double st1 = s1 + st3;  // x1 interacts only with x3
  const std::size_t n = 40000;
  const std::vector<double> ab = unit_design(2 * n, 3, SamplingMethod::kMonteCarlo, 5);
  const auto f = [&](const double* u) {
    const double x1 = -pi + 2 * pi * u[0];
    const double x2 = -pi + 2 * pi * u[1];
    const double x3 = -pi + 2 * pi * u[2];
    return std::sin(x1) + a * std::pow(std::sin(x2), 2) + b * std::pow(x3, 4) * std::sin(x1);
  };
  std::vector<double> fa(n);
  std::vector<double> fb(n);
  for (std::size_t j = 0; j < n; ++j) {
    fa[j] = f(&ab[j * 3]);
    fb[j] = f(&ab[(n + j) * 3]);
  }
  const std::array<double, 3> first{s1, s2, 0.0};
  const std::array<double, 3> total{st1, s2, st3};
  for (std::size_t i = 0; i < 3; ++i) {
    std::vector<double> fab(n);
    for (std::size_t j = 0; j < n; ++j) {
      std::array<double, 3> u{ab[j * 3], ab[j * 3 + 1], ab[j * 3 + 2]};
      u[i] = ab[(n + j) * 3 + i];
      fab[j] = f(u.data());
    }
    const SobolEstimate e = sobol_estimate(fa, fb, fab);
    EXPECT_NEAR(e.first_order, first[i], 0.03) << "S" << i + 1;
    EXPECT_NEAR(e.total, total[i], 0.03) << "ST" << i + 1;
  }
}

TEST(UncertaintyRun, CollapsedRangesReproduceAssessExactly) {
  const Scenario loaded = bundled("kent-thaler-example");
  std::vector<UncertaintyEntry> entries;
  for (const char* side : {"A", "B"}) {
    for (const char* key : {"nf", "mf", "ns", "ms", "alert", "de", "w80"}) {
      UncertaintyEntry e;
      e.path = std::string("sides.") + side + ".abstract." + key;
      entries.push_back(e);
    }
  }
  const double assess = evaluate_scenario(prepare_scenario(loaded)).index;
  for (UncertaintyEntry& e : entries) {
    const double point = InputAccessor::resolve(loaded, e.path).get(loaded);
    e.low = point;
    e.high = point;
  }
  UncertaintyOptions options;
  options.samples = 64;
  options.sobol_samples = 16;
  const UncertaintyResult r = run_uncertainty(loaded, entries, options);
  ASSERT_EQ(r.inputs.size(), 14U);
  EXPECT_EQ(r.outputs[0].point, assess);
  EXPECT_EQ(r.outputs[0].quantiles[0], assess);
  EXPECT_EQ(r.outputs[0].quantiles[4], assess);
  EXPECT_EQ(r.outputs[0].sd, 0.0);
  EXPECT_EQ(r.screened_factors, 14U);
}

TEST(UncertaintyRun, SameSeedSameOutputForAnyThreadCount) {
  const Scenario loaded = bundled("kent-thaler-example");
  std::vector<UncertaintyEntry> entries(2);
  entries[0].path = "sides.A.abstract.de";
  entries[0].dist = Distribution::kUniform;
  entries[0].low = 0.6;
  entries[0].high = 0.9;
  entries[1].path = "sides.B.abstract.w80";
  entries[1].low = 600;
  entries[1].mode = 1000;
  entries[1].high = 1400;
  UncertaintyOptions options;
  options.samples = 300;
  options.sobol_samples = 64;
  options.seed = 42;
  options.threads = 1;
  const UncertaintyResult one = run_uncertainty(loaded, entries, options);
  options.threads = 3;
  const UncertaintyResult three = run_uncertainty(loaded, entries, options);
  for (std::size_t k = 0; k < one.outputs.size(); ++k) {
    EXPECT_EQ(one.outputs[k].quantiles, three.outputs[k].quantiles) << one.outputs[k].name;
    EXPECT_EQ(one.outputs[k].mean, three.outputs[k].mean) << one.outputs[k].name;
  }
  ASSERT_EQ(one.ranking.size(), 2U);
  EXPECT_EQ(one.ranking[0].total, three.ranking[0].total);
  EXPECT_EQ(one.ranking[1].first_order, three.ranking[1].first_order);
  options.seed = 43;
  const UncertaintyResult other = run_uncertainty(loaded, entries, options);
  EXPECT_NE(one.outputs[0].mean, other.outputs[0].mean);
  // The entries as given: uniform [0.6, 0.9] and triangular (600, 1000, 1400).
  EXPECT_EQ(one.inputs[0].dist, Distribution::kUniform);
  EXPECT_EQ(one.inputs[1].dist, Distribution::kTriangular);
  EXPECT_EQ(one.inputs[1].mode, 1000.0);
  // Both move the index (a higher kill probability for A, a larger w80 for B).
  EXPECT_GT(one.ranking[0].swing, 0.0);
  EXPECT_GT(one.ranking[1].swing, 0.0);
}

TEST(UncertaintyRun, EveryBundledScenarioAtItsPointValuesIsAssess) {
  // Every ranged input at its point value, through the accessors (and, for a side that uploads,
  // the upload run again on the drawn snapshot): the index assess gives, exactly.
  for (const std::string& name : catalog().scenario_names()) {
    const Scenario loaded = bundled(name);
    const Scenario prepared = prepare_scenario(loaded);
    const InputPlan plan = plan_uncertain_inputs(loaded, {});
    const SampleEvaluator ev(loaded, plan.inputs);
    const auto ws = ev.workspace();
    const SampleOutputs out = ev.evaluate(ev.point_values(), *ws);
    const StabilityResult expected = evaluate_scenario(prepared);
    ASSERT_EQ(out[0], expected.index) << name;
    EXPECT_EQ(out[1], expected.a.c1) << name;
    if (loaded.is_real()) EXPECT_GT(plan.inputs.size(), 100U) << name;
  }
}

TEST(UncertaintyRun, RunsOnEveryBundledScenario) {
  for (const std::string& name : catalog().scenario_names()) {
    Scenario loaded = bundled(name);
    loaded.parameters.draw_down = DrawDownMethod::kGreedy;  // the run's machinery, not the engine, is tested here
    UncertaintyOptions options;
    options.samples = 16;
    options.sobol_samples = 8;
    options.threads = 2;
    const UncertaintyResult r = run_uncertainty(loaded, loaded.uncertainty, options);
    const OutputBand& index = r.outputs[0];
    EXPECT_LE(index.quantiles[0], index.quantiles[4]) << name;
    EXPECT_GE(index.quantiles[0], 0.0) << name;
    EXPECT_LE(index.quantiles[4], 1.0) << name;
    EXPECT_EQ(index.point, evaluate_scenario(prepare_scenario(loaded)).index) << name;
    if (loaded.is_real() || !loaded.uncertainty.empty()) EXPECT_FALSE(r.inputs.empty()) << name;
  }
}

TEST(UncertaintyRun, AnUploadingSideIsUploadedAgainFromItsDrawnFigures) {
  // upload-us-24: the US uploads for 24 months at its systems' rates. A draw of the Minuteman III
  // upload rate changes the uploaded force (and the index); in the scenario without upload the same
  // figure changes nothing.
  for (const auto& [name, moves] : {std::pair{"upload-us-24", true}, std::pair{"us-ru-2026-11", false}}) {
    const Scenario loaded = bundled(name);
    const Scenario prepared = prepare_scenario(loaded);
    std::vector<UncertainInput> inputs;
    UncertainInput rate = input("sides.US.systems.mm3.upload_rate_per_month", Distribution::kUniform, 5, 20, 50);
    inputs.push_back(rate);
    SampleEvaluator ev(loaded, inputs);
    const auto ws = ev.workspace();
    const double at_point = ev.evaluate(std::vector<double>{20.0}, *ws)[0];
    const double slow = ev.evaluate(std::vector<double>{5.0}, *ws)[0];
    const double again = ev.evaluate(std::vector<double>{20.0}, *ws)[0];
    EXPECT_EQ(at_point, evaluate_scenario(prepared).index) << name;
    EXPECT_EQ(again, at_point) << name << ": a sample leaves nothing behind for the next";
    if (moves) {
      EXPECT_NE(slow, at_point) << name;
    } else {
      EXPECT_EQ(slow, at_point) << name;
    }
  }
}

TEST(UncertaintyPlan, EntriesChangeAddAndFixInputs) {
  const Scenario prepared = bundled("us-ru-2026-11");
  const InputPlan base = plan_uncertain_inputs(prepared, {});
  const auto find = [](const InputPlan& p, const std::string& path) {
    return std::find_if(p.inputs.begin(), p.inputs.end(), [&](const UncertainInput& in) { return in.path == path; });
  };
  // From the data: MM3 CEP 120 m, range [100, 200], triangular with the point value as mode.
  const auto cep = find(base, "sides.US.systems.mm3.cep_m");
  ASSERT_NE(cep, base.inputs.end());
  EXPECT_EQ(cep->dist, Distribution::kTriangular);
  EXPECT_EQ(cep->low, 100.0);
  EXPECT_EQ(cep->mode, 120.0);
  EXPECT_EQ(cep->high, 200.0);
  EXPECT_EQ(cep->origin, "data");
  std::vector<UncertaintyEntry> entries(3);
  entries[0].path = "sides.US.systems.mm3.cep_m";
  entries[0].dist = Distribution::kUniform;
  entries[1].path = "sides.US.systems.trident2.reliability";
  entries[1].fixed = true;
  entries[2].path = "options.surcharge";
  entries[2].low = 0.1;
  entries[2].high = 0.5;
  const InputPlan plan = plan_uncertain_inputs(prepared, entries);
  EXPECT_EQ(find(plan, "sides.US.systems.mm3.cep_m")->dist, Distribution::kUniform);
  EXPECT_EQ(find(plan, "sides.US.systems.trident2.reliability"), plan.inputs.end());
  EXPECT_EQ(plan.fixed, std::vector<std::string>{"sides.US.systems.trident2.reliability"});
  EXPECT_EQ(find(plan, "options.surcharge")->origin, "uncertainty");
  EXPECT_EQ(plan.inputs.size(), base.inputs.size());  // one added, one fixed

  // Errors, located at the entry.
  std::vector<UncertaintyEntry> bad(1);
  bad[0].path = "sides.US.systems.mm4.cep_m";
  bad[0].where.file = "s.yaml";
  bad[0].where.line = 12;
  try {
    plan_uncertain_inputs(prepared, bad);
    FAIL() << "an unknown system was accepted";
  } catch (const InputError& e) {
    EXPECT_EQ(e.diagnostics()[0].where.line, 12);
    EXPECT_NE(e.diagnostics()[0].message.find("mm3"), std::string::npos) << e.diagnostics()[0].message;
  }
  bad[0].path = "options.surcharge";
  EXPECT_THROW(plan_uncertain_inputs(prepared, bad), InputError) << "no range in the data and none given";
  bad[0].low = -1;
  bad[0].high = 0.5;
  EXPECT_THROW(plan_uncertain_inputs(prepared, bad), InputError) << "below the key's bounds";
}

TEST(InputAccessor, ResolvesEveryKindOfPathAndRefusesWhatIsNotThere) {
  Scenario s = prepare_scenario(bundled("golden-dome"));
  const auto set_get = [&](const std::string& path, double v) {
    const InputAccessor a = InputAccessor::resolve(s, path);
    a.set(s, v);
    return a.get(s);
  };
  EXPECT_EQ(set_get("sides.US.systems.mm3.cep_m", 150), 150.0);
  EXPECT_EQ(s.sides[0].forces->find_system("mm3")->cep_m.value, 150.0);
  EXPECT_EQ(set_get("sides.RU.systems.ss18.warheads[0].yield_kt", 600), 600.0);
  EXPECT_EQ(set_get("sides.US.defence.layers[0].sspk", 0.5), 0.5);
  EXPECT_EQ(s.sides[0].defence->layers[0].sspk, 0.5);
  EXPECT_EQ(set_get("sides.US.defence.interceptors", 250), 250.0);
  EXPECT_EQ(set_get("options.surcharge", 0.2), 0.2);
  EXPECT_EQ(s.parameters.surcharge, 0.2);
  EXPECT_EQ(set_get("sides.RU.w80", 999), 999.0);
  EXPECT_EQ(set_get("sides.RU.command.survival", 0.4), 0.4);
  EXPECT_EQ(set_get("sides.US.warning.detection_minutes", 3), 3.0);
  EXPECT_TRUE(InputAccessor::resolve(s, "sides.US.systems.mm3.cep_m").in_snapshot());
  EXPECT_FALSE(InputAccessor::resolve(s, "options.surcharge").in_snapshot());
  for (const char* bad : {"sides.US.systems.mm3.cepm", "sides.XX.w80", "sides.US.defence.layers[9].sspk",
                          "options.posture", "sides.US.abstract.de", "sides.US.systems.mm4.cep_m", "nonsense"}) {
    EXPECT_THROW(InputAccessor::resolve(s, bad), InputError) << bad;
  }
  try {
    InputAccessor::resolve(s, "sides.US.systems.mm3.cepm");
  } catch (const InputError& e) {
    EXPECT_NE(e.diagnostics()[0].message.find("cep_m"), std::string::npos) << e.diagnostics()[0].message;
  }
}

TEST(InputAccessor, RenormalisingKeepsSharesAndBasesConsistent) {
  Scenario s = prepare_scenario(bundled("us-ru-2026-11"));
  const ForceSnapshot reference = *s.sides[0].forces;
  ForceSnapshot& us = *s.sides[0].forces;
  System& mm3 = us.systems[0];
  ASSERT_EQ(mm3.id, "mm3");
  mm3.warheads[0].share.value = 0.6;  // 0.6 + 0.5: rescaled to 0.6/1.1 and 0.5/1.1
  mm3.launchers_deployed.value = 395;
  renormalise_snapshot(us, reference);
  EXPECT_NEAR(mm3.warheads[0].share.value, 0.6 / 1.1, 1e-12);
  EXPECT_NEAR(mm3.warheads[1].share.value, 0.5 / 1.1, 1e-12);
  double at_bases = 0;
  for (const Base& b : mm3.bases) at_bases += b.launchers.value;
  EXPECT_NEAR(at_bases, 395.0, 1e-9);
  // An untouched system is left bit for bit.
  EXPECT_EQ(us.systems[1].warheads[0].share.value, reference.systems[1].warheads[0].share.value);
}

}  // namespace
}  // namespace stratstab

namespace stratstab {
namespace {

TEST(TreatyCountBand, ProbabilityOverAgreesWithTheCountsQuantilesAndWithAFixedForce) {
  const ForceSnapshot ru = catalog().load_snapshot("ru-2026-11-01");
  const Treaty treaty = catalog().load_treaty("new-start");
  const TreatyCountBand band = treaty_count_band(treaty, ru, {}, 2000, 1, SamplingMethod::kLatinHypercube);
  ASSERT_GT(band.inputs, 100U);
  const LimitBand* warheads = nullptr;
  for (const LimitBand& l : band.limits) {
    if (l.id == "warheads") warheads = &l;
  }
  ASSERT_NE(warheads, nullptr);
  EXPECT_EQ(warheads->point, count_treaty(treaty, ru).find("warheads")->count);
  // With the limit moved to the band's 5% and 95% counts, about 95% and 5% of the samples are over.
  for (const auto& [k, expected] : {std::pair{0, 0.95}, std::pair{4, 0.05}}) {
    CountOptions options;
    options.limit_overrides["warheads"] = warheads->count.quantiles[static_cast<std::size_t>(k)];
    const TreatyCountBand moved = treaty_count_band(treaty, ru, options, 2000, 1, SamplingMethod::kLatinHypercube);
    for (const LimitBand& l : moved.limits) {
      if (l.id == "warheads") EXPECT_NEAR(l.probability_over, expected, 0.02) << k;
    }
  }
  // Every range removed: the count is the point count in every sample, over or not with certainty.
  ForceSnapshot fixed = ru;
  for_each_figure(fixed, [](Figure& f) { f.range.reset(); });
  const TreatyCountBand certain = treaty_count_band(treaty, fixed, {}, 50, 1, SamplingMethod::kLatinHypercube);
  EXPECT_EQ(certain.inputs, 0U);
  for (const LimitBand& l : certain.limits) {
    EXPECT_EQ(l.count.quantiles[0], l.point) << l.id;
    EXPECT_EQ(l.probability_over, l.point > l.limit ? 1.0 : 0.0) << l.id;
  }
}

}  // namespace
}  // namespace stratstab

#include "stratstab/compare.hpp"
#include "stratstab/sweep.hpp"

namespace stratstab {
namespace {

TEST(CompareBands, PairedDrawsOfTheSameForcesGiveTheSameIndexDrawByDraw) {
  // A copy of us-ru-2026-11 counted under another regime (no `comply`) evaluates the same forces:
  // with common random numbers every draw gives both the same index, so neither is ever below the
  // other. (informal-2026 complies: a draw over 1,550 is brought back, so its band differs.)
  Scenario counted_otherwise = bundled("us-ru-2026-11");
  counted_otherwise.name = "counted-under-sort";
  counted_otherwise.treaty = "sort";
  std::vector<Scenario> loaded{bundled("us-ru-2026-11"), counted_otherwise, bundled("upload-both-24")};
  for (Scenario& s : loaded) s.parameters.draw_down = DrawDownMethod::kGreedy;
  const CompareBands b = compare_bands(loaded, 40, 9, 2);
  ASSERT_EQ(b.index.size(), 3U);
  EXPECT_EQ(b.index[0].quantiles, b.index[1].quantiles);
  EXPECT_EQ(b.below[0][1], 0.0);
  EXPECT_EQ(b.below[1][0], 0.0);
  EXPECT_EQ(b.index[2].point, evaluate_scenario(prepare_scenario(loaded[2])).index);
  EXPECT_LE(b.below[0][2] + b.below[2][0], 1.0);
}

TEST(SweepBands, EachPointIsAssessAtItsValueAndTheLowestSharesSumToOne) {
  const std::vector<std::string> values{"0", "1000", "2000"};
  const auto at = [](const std::string& v) {
    Scenario s = load_scenario(catalog().scenario_path("golden-dome"), {Override{"sides.US.defence.interceptors", v}},
                               &catalog());
    s.parameters.draw_down = DrawDownMethod::kGreedy;
    return s;
  };
  const SweepBands b = sweep_bands("sides.US.defence.interceptors", values, at, 40, 3, 2);
  ASSERT_EQ(b.points.size(), 3U);
  double lowest = 0;
  for (std::size_t p = 0; p < 3; ++p) {
    EXPECT_EQ(b.points[p].band.point, evaluate_scenario(prepare_scenario(at(values[p]))).index) << values[p];
    lowest += b.points[p].lowest;
  }
  EXPECT_NEAR(lowest, 1.0, 1e-12);
  // A key that changes the forces changes the inputs (us-2020-09-01 gives no bases): refused,
  // located at --param.
  const auto other_force = [](const std::string& v) {
    Scenario s = load_scenario(catalog().scenario_path("us-ru-2026-11"), {Override{"sides.US.force", v}}, &catalog());
    s.parameters.draw_down = DrawDownMethod::kGreedy;
    return s;
  };
  try {
    sweep_bands("sides.US.force", {"us-2026-11-01", "us-2020-09-01"}, other_force, 4, 1, 1);
    FAIL() << "a sweep across snapshots with different figures shared draws";
  } catch (const InputError& e) {
    EXPECT_EQ(e.diagnostics()[0].where.key_path, "--param");
    EXPECT_NE(e.diagnostics()[0].message.find("us-2020-09-01"), std::string::npos) << e.diagnostics()[0].message;
  }
}

}  // namespace
}  // namespace stratstab

#include <nlohmann/json.hpp>

#include "stratstab/json.hpp"
#include "test_support.hpp"

namespace stratstab {
namespace {

const char* kUncertainExample = R"(name: example-uncertain
sides:
  A:
    abstract: {nf: 300, mf: 2, ns: 50, ms: 12, alert: 0.5, de: 0.75, w80: 800}
  B:
    abstract: {nf: 250, mf: 4, ns: 35, ms: 8, alert: 0.35, de: 0.85, w80: 1000}
uncertainty:
  sides.A.abstract.de: {dist: uniform, low: 0.6, high: 0.9}
  sides.B.abstract.w80: {dist: triangular, low: 600, mode: 1000, high: 1400}
  sides.A.abstract.nf: fixed
  sides:
    B:
      abstract:
        alert: {low: 0.2, high: 0.5, group: g}
)";

TEST(UncertaintyBlock, TheIssuesFormAndNestedPathsAreRead) {
  const test::TempDir dir;
  const Scenario s = load_scenario(dir.write("s.yaml", kUncertainExample));
  ASSERT_EQ(s.uncertainty.size(), 4U);
  EXPECT_EQ(s.uncertainty[0].path, "sides.A.abstract.de");
  EXPECT_EQ(s.uncertainty[0].dist, Distribution::kUniform);
  EXPECT_EQ(s.uncertainty[0].low, 0.6);
  EXPECT_EQ(s.uncertainty[1].mode, 1000.0);
  EXPECT_EQ(s.uncertainty[1].where.line, 9);
  EXPECT_TRUE(s.uncertainty[2].fixed);
  EXPECT_EQ(s.uncertainty[3].path, "sides.B.abstract.alert");
  EXPECT_EQ(s.uncertainty[3].group, "g");
  // The same entries through --set (nested: a dotted KEY under `uncertainty`).
  const Scenario t = load_scenario(dir.write("t.yaml", kUncertainExample),
                                   {Override::parse("uncertainty.sides.B.abstract.de={low: 0.7, high: 0.95}")});
  ASSERT_EQ(t.uncertainty.size(), 5U);
  EXPECT_EQ(t.uncertainty.back().path, "sides.B.abstract.de");
  EXPECT_EQ(t.uncertainty.back().high, 0.95);
  // The run: de and alert are drawn, nf held; the band's median sits near the point.
  UncertaintyOptions options;
  options.samples = 200;
  options.sobol_samples = 0;
  const UncertaintyResult r = run_uncertainty(s, s.uncertainty, options);
  ASSERT_EQ(r.inputs.size(), 3U);
  EXPECT_EQ(r.fixed, std::vector<std::string>{"sides.A.abstract.nf"});
  EXPECT_NEAR(r.outputs[0].point, 0.350948, 5e-7);  // docs/methods.md §7
}

// Bands on a grid (two axes): each point's band is centred on assess at that point, the points share
// the draws (so the lowest shares sum to 1 and a swept key is not drawn), and a scenario with no
// uncertain input gives a zero-width band at the point rather than no rows.
TEST(SweepBands, ATwoAxisGridHasABandAtEveryPoint) {
  const test::TempDir dir;
  const auto file = dir.write("s.yaml", kUncertainExample);
  const std::vector<std::string> params{"sides.A.abstract.de", "sides.B.abstract.nf"};
  const std::vector<std::vector<std::string>> points{{"0.6", "200"}, {"0.6", "300"}, {"0.9", "200"}, {"0.9", "300"}};
  const auto at = [&](const std::vector<std::string>& v) {
    return load_scenario(file, {Override{params[0], v[0]}, Override{params[1], v[1]}});
  };
  const SweepBands b = sweep_bands(params, points, at, 50, 7, 2);
  EXPECT_EQ(b.params, params);
  EXPECT_EQ(b.inputs, 2U);  // B.w80 and B.alert; A.de is swept, A.nf fixed
  ASSERT_EQ(b.points.size(), 4U);
  double lowest = 0;
  for (std::size_t p = 0; p < 4; ++p) {
    EXPECT_EQ(b.points[p].values, points[p]);
    EXPECT_EQ(b.points[p].band.point, evaluate_scenario(prepare_scenario(at(points[p]))).index) << p;
    EXPECT_LE(b.points[p].band.quantiles[0], b.points[p].band.quantiles[4]);
    lowest += b.points[p].lowest;
  }
  EXPECT_NEAR(lowest, 1.0, 1e-12);
  // The JSON names each point's values by path.
  const nlohmann::json j = to_json(b);
  EXPECT_EQ(j.at("points")[1].at("values").at("sides.B.abstract.nf"), 300.0);
  EXPECT_FALSE(j.at("points")[1].contains("value"));

  const auto file_plain = dir.write(
      "plain.yaml", std::string(kUncertainExample).substr(0, std::string(kUncertainExample).find("uncertainty:")));
  const SweepBands none = sweep_bands(
      params, points,
      [&](const std::vector<std::string>& v) {
        return load_scenario(file_plain, {Override{params[0], v[0]}, Override{params[1], v[1]}});
      },
      5, 1, 1);
  EXPECT_EQ(none.inputs, 0U);
  ASSERT_EQ(none.points.size(), 4U);
  for (const SweepBandPoint& p : none.points) {
    EXPECT_EQ(p.band.quantiles[0], p.band.point);
    EXPECT_EQ(p.band.quantiles[4], p.band.point);
  }
}

TEST(UncertaintyBlock, MalformedEntriesAreLocated) {
  const test::TempDir dir;
  const auto errors = [&](const std::string& block) {
    const std::string text =
        std::string(kUncertainExample).substr(0, std::string(kUncertainExample).find("uncertainty:")) +
        "uncertainty:\n" + block;
    return read_scenario(dir.write("bad.yaml", text)).diagnostics;
  };
  const auto one = [&](const std::string& block, std::string_view key, std::string_view says) {
    const auto d = errors(block);
    ASSERT_FALSE(d.empty()) << block;
    EXPECT_EQ(d[0].where.key_path, key) << test::dump(d);
    EXPECT_NE(d[0].message.find(says), std::string::npos) << test::dump(d);
    EXPECT_EQ(d[0].where.line, 8) << test::dump(d);
  };
  one("  sides.A.abstract.de: {dist: gaussian, low: 0, high: 1}\n", "uncertainty.sides.A.abstract.de.dist", "uniform");
  one("  sides.A.abstract.de: {low: 0.6}\n", "uncertainty.sides.A.abstract.de", "both `low` and `high`");
  one("  sides.A.abstract.de: {low: 0.9, high: 0.6}\n", "uncertainty.sides.A.abstract.de", "low <= high");
  one("  sides.A.abstract.de: held\n", "uncertainty.sides.A.abstract.de", "`fixed`");
  one("  sides.A.abstract.de: {dist: uniform, low: 0.6, high: 0.9, mode: 0.7}\n",
      "uncertainty.sides.A.abstract.de.mode", "no mode");
  one("  sides.A.abstract.de: {dist: uniform, low: 0.6, high: 0.9, sd: 0.1}\n", "uncertainty.sides.A.abstract.de",
      "`dist: normal`");
}

}  // namespace
}  // namespace stratstab

namespace stratstab {
namespace {

// The index histogram of `uncertainty --json` (index_histogram): equal bins from the least to the
// greatest sample, the greatest counted in the last bin, every sample counted once.
TEST(UncertaintyHistogram, EqualBinsFromTheLeastToTheGreatestSample) {
  const Histogram h = histogram({0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, 5);
  EXPECT_EQ(h.low, 0.0);
  EXPECT_EQ(h.high, 9.0);
  EXPECT_EQ(h.counts, (std::vector<std::size_t>{2, 2, 2, 2, 2}));    // bins of width 1.8: [0,1.8) ... [7.2,9]
  const Histogram skewed = histogram({0.1, 0.1, 0.1, 0.2, 0.5}, 4);  // width 0.1
  EXPECT_EQ(skewed.counts, (std::vector<std::size_t>{3, 1, 0, 1}));
  const Histogram flat = histogram({0.3, 0.3, 0.3}, 20);
  EXPECT_EQ(flat.counts, (std::vector<std::size_t>{3}));
  EXPECT_TRUE(histogram({}, 20).counts.empty());
}

}  // namespace
}  // namespace stratstab

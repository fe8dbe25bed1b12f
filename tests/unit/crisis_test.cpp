// The crisis model (docs/methods.md §13.3): with no noise and no events no side strikes while every
// belief is below its ratio and one strikes at step 0 when its belief is above; the chance of a
// strike grows with the noise and the false-warning rate in common draws; a seed gives the same
// runs; the ratios by posture state are the engine's; crisis files' errors are located.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "stratstab/catalog.hpp"
#include "stratstab/crisis_run.hpp"
#include "stratstab/prepare.hpp"
#include "stratstab/version.hpp"
#include "test_support.hpp"

namespace stratstab {
namespace {

const DataCatalog& catalog() {
  static const DataCatalog kCatalog{std::filesystem::path(kSourceDataDir)};
  return kCatalog;
}

CrisisRatios flat(double ra, double rb) {
  CrisisRatios r;
  for (auto& row : r.r) {
    for (auto& cell : row) cell = {ra, rb};
  }
  return r;
}

CrisisModel quiet(double qa, double qb) {
  CrisisModel m;
  m.steps = 50;
  m.belief = {qa, qb};
  m.generate_at = {0.99, 0.99};
  return m;
}

TEST(CrisisTest, WithoutNoiseOrEventsBeliefsAboveTheRatioStrikeAtOnce) {
  const CrisisOutcome none = run_crisis(quiet(0.3, 0.2), flat(0.4, 0.4), 100, 1);
  EXPECT_EQ(none.p_any_strike, 0.0);
  EXPECT_FALSE(none.time_median.has_value());
  const CrisisOutcome now = run_crisis(quiet(0.5, 0.2), flat(0.4, 0.4), 100, 1);
  EXPECT_EQ(now.p_strike[0], 1.0);
  EXPECT_EQ(now.p_strike[1], 0.0);
  EXPECT_EQ(*now.time_median, 0.0);
  // An action of weight w moves the other's log-odds by w the next step: logit(0.2) + 0.5 = -0.886,
  // q = 0.292 < 0.3 (no strike); with 0.6, -0.786 and q = 0.313 > 0.3 at step 11.
  CrisisModel m = quiet(0.2, 0.2);
  m.actions.push_back(CrisisModel::Action{10, 1, 0.5, false});
  EXPECT_EQ(run_crisis(m, flat(0.3, 0.9), 10, 1).p_any_strike, 0.0);
  m.actions.back().weight = 0.6;
  const CrisisOutcome moved = run_crisis(m, flat(0.3, 0.9), 10, 1);
  EXPECT_EQ(moved.p_strike[0], 1.0);
  EXPECT_EQ(*moved.time_median, 11.0);
  // Declared and notified: 0.6 x 0.5 = 0.3 is not enough.
  m.actions.back().declared = true;
  m.notifications = true;
  m.notification_factor = 0.5;
  EXPECT_EQ(run_crisis(m, flat(0.3, 0.9), 10, 1).p_any_strike, 0.0);
}

TEST(CrisisTest, MoreNoiseOrFalseWarningsNeverFewerStrikes) {
  CrisisModel m = quiet(0.05, 0.05);
  m.calming = 0.1;
  m.false_warning_weight = 3;
  double last = -1;
  for (const double sigma : {0.0, 0.1, 0.2, 0.4, 0.8}) {
    m.noise = sigma;
    const double p = run_crisis(m, flat(0.4, 0.6), 4000, 7).p_any_strike;
    EXPECT_GE(p, last) << sigma;
    last = p;
  }
  EXPECT_GT(last, 0.0);
  m.noise = 0.1;
  last = -1;
  for (const double rate : {0.0, 0.001, 0.005, 0.02}) {
    m.false_warning_rate = rate;
    const double p = run_crisis(m, flat(0.4, 0.6), 4000, 7).p_any_strike;
    EXPECT_GE(p, last) << rate;
    last = p;
  }
  // A hotline that resolves warnings in one step can only lower it.
  m.hotline = true;
  m.hotline_steps = 1;
  EXPECT_LE(run_crisis(m, flat(0.4, 0.6), 4000, 7).p_any_strike, last);
}

TEST(CrisisTest, ASeedGivesTheSameRuns) {
  CrisisModel m = quiet(0.05, 0.05);
  m.noise = 0.5;
  m.false_warning_rate = 0.01;
  m.false_warning_weight = 2;
  const CrisisOutcome a = run_crisis(m, flat(0.3, 0.3), 2000, 42);
  const CrisisOutcome b = run_crisis(m, flat(0.3, 0.3), 2000, 42);
  const CrisisOutcome c = run_crisis(m, flat(0.3, 0.3), 2000, 43);
  EXPECT_EQ(a.p_strike, b.p_strike);
  EXPECT_EQ(a.time_median, b.time_median);
  EXPECT_NE(a.p_strike, c.p_strike);
}

TEST(CrisisTest, RatiosAreTheEnginesByPostureState) {
  const Scenario loaded = load_scenario(catalog().scenario_path("us-ru-2026-11"), {}, &catalog());
  const CrisisRatios r = crisis_ratios(loaded);
  const auto assess = [&](const char* posture) {
    return evaluate_scenario(prepare_scenario(
        load_scenario(catalog().scenario_path("us-ru-2026-11"), {Override{"options.posture", posture}}, &catalog())));
  };
  const StabilityResult dd = assess("day_to_day");
  const StabilityResult gg = assess("generated");
  EXPECT_EQ(r.r[0][0][0], dd.a.ratio);
  EXPECT_EQ(r.r[0][0][1], dd.b.ratio);
  EXPECT_EQ(r.r[1][1][0], gg.a.ratio);
  EXPECT_EQ(r.r[1][1][1], gg.b.ratio);
  // US alone generated: its own strike is the striker-generated case's.
  const StabilityResult sg = assess("striker_generated");
  EXPECT_EQ(stability_from_strikes(sg.a_strikes_b, sg.b_strikes_a).a.c1, sg.a.c1);
  EXPECT_NE(r.r[1][0][0], r.r[0][0][0]);
}

TEST(CrisisTest, CrisisFilesAreLocatedAndOverridable) {
  const std::filesystem::path file = catalog().crisis_path("oreshnik-2024-11");
  const Crisis c = load_crisis(file, {Override{"noise", "0.4"}, Override{"measures.hotline.in_force", "false"}});
  EXPECT_EQ(c.noise.value, 0.4);
  EXPECT_FALSE(c.hotline.in_force);
  const auto first = [&](const std::vector<Override>& o) {
    const auto d = read_crisis(file, o).diagnostics;
    return d.empty() ? Diagnostic{} : d.front();
  };
  EXPECT_EQ(first({Override{"noise", "11"}}).where.key_path, "noise");
  EXPECT_NE(first({Override{"nosie", "1"}}).message.find("expected a crisis figure"), std::string::npos);
  const test::TempDir dir;
  std::string text = test::slurp(file);
  text = test::replace_once(text, "../sources/", std::string(kSourceDataDir) + "/sources/");
  text = test::replace_once(text, "../sources/", std::string(kSourceDataDir) + "/sources/");
  text = test::replace_once(text, "{time: 24, by: RU,", "{time: 48, by: CN,");
  const auto d = read_crisis(dir.write("oreshnik-2024-11.yaml", text)).diagnostics;
  ASSERT_EQ(d.size(), 2U);
  EXPECT_EQ(d[0].where.key_path, "actions[0].time");
  EXPECT_EQ(d[1].where.key_path, "actions[0].by");
  const test::CliRun run = test::run_cli("crisis oreshnik-2024-11 --runs 500 --json");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const auto j = nlohmann::json::parse(run.out);
  EXPECT_EQ(j.at("runs").get<int>(), 500);
  EXPECT_TRUE(j.at("toggled").at("notifications").contains("p_any_strike"));
  EXPECT_EQ(test::run_cli("crisis oreshnik-2024-11 --set noise=x").exit_code, 3);
}

}  // namespace
}  // namespace stratstab

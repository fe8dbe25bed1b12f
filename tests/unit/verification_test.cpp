// `stratstab verify` (docs/methods.md §13.1): the populations of the bundled Russian force
// counted by hand, the detection and the inspection game's threshold and inspections needed by
// hand and by brute force, perceived loadings on a hand-built force, the perceived band's limits,
// and located errors.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "stratstab/catalog.hpp"
#include "stratstab/perceived_index.hpp"
#include "stratstab/prepare.hpp"
#include "stratstab/verification.hpp"
#include "stratstab/version.hpp"
#include "test_support.hpp"

namespace stratstab {
namespace {

const DataCatalog& catalog() {
  static const DataCatalog kCatalog{std::filesystem::path(kSourceDataDir)};
  return kCatalog;
}

TEST(VerificationTest, NewStartOnTheRussianForceByHand) {
  const ForceSnapshot ru = catalog().load_snapshot("ru-2026-11-01");
  const Treaty treaty = catalog().load_treaty("new-start");
  // Deployed missiles: 33 R-36M2 + 12 Avangard + 60 + 18 Topol-M + 176 + 22 Yars + 112 Bulava + 48 Sineva.
  const ViolationPopulation missiles = violation_population(treaty, ru, ViolationKind::kHiddenUpload);
  EXPECT_EQ(missiles.size, 33 + 12 + 60 + 18 + 176 + 22 + 112 + 48);
  EXPECT_EQ(missiles.inspections, 10);  // Type One counts RVs
  // Bases: 9 ICBM divisions (Kozelsk ... Tatishchevo, Teykovo once), 2 SSBN bases, 2 bomber bases.
  const ViolationPopulation bases = violation_population(treaty, ru, ViolationKind::kUndeclaredLaunchers);
  EXPECT_EQ(bases.size, 15);
  EXPECT_EQ(bases.inspections, 10);

  const VerificationAssessment a =
      assess_verification(treaty, ru, {{ViolationKind::kHiddenUpload, 1}, {ViolationKind::kUndeclaredLaunchers, 1}}, 5);
  const ViolationAssessment& one = a.violations[0];
  // One violating missile of 481, 10 inspected, found with p 0.9: 0.9 x 10 / 481.
  EXPECT_NEAR(one.p_detect, 0.9 * 10.0 / 481.0, 1e-12);
  EXPECT_NEAR(one.p_detect_by_years.back(), 1 - std::pow(1 - one.p_detect, 5), 1e-12);
  // (b - h alpha) / (b + d) = (3 - 1 x 0.05) / (3 + 1); the corners (1 - 3 x 0.2) / (1 + 4) and 10 / 10.5.
  EXPECT_NEAR(one.threshold, 0.7375, 1e-12);
  EXPECT_NEAR(one.threshold_low, 0.08, 1e-12);
  EXPECT_NEAR(one.threshold_high, 10 / 10.5, 1e-12);
  EXPECT_FALSE(one.deterred);
  // 1 - 0.9 n / 481 <= 0.7375 from n >= 0.2625 x 481 / 0.9 = 140.3.
  ASSERT_TRUE(one.inspections_needed.has_value());
  EXPECT_EQ(*one.inspections_needed, 141);
  // One base of 15, 10 visits: 0.9 x 10 / 15 = 0.6; deterred (0.4 <= 0.7375).
  EXPECT_NEAR(a.violations[1].p_detect, 0.6, 1e-12);
  EXPECT_TRUE(a.violations[1].deterred);

  // Informal observance: no inspections, never detected; the least n found by brute force.
  const Treaty informal = catalog().load_treaty("new-start-informal");
  const ViolationAssessment none =
      assess_verification(informal, ru, {{ViolationKind::kHiddenUpload, 5}}, 1).violations[0];
  EXPECT_EQ(none.p_detect, 0.0);
  EXPECT_FALSE(none.deterred);
  long long least = -1;
  for (long long n = 0; n <= 481 && least < 0; ++n) {
    if (1 - imperfect_detection(481, 5, n, 1.0) <= 0.7375) least = n;  // informal gives no p: 1
  }
  ASSERT_TRUE(none.inspections_needed.has_value());
  EXPECT_EQ(*none.inspections_needed, least);
  EXPECT_THROW((void)assess_verification(treaty, ru, {{ViolationKind::kHiddenUpload, 482}}, 1), InputError);
}

TEST(VerificationTest, PerceivedLoadingsByHand) {
  ForceSnapshot f;
  f.id = "x-2026-01-01";
  System icbm;
  icbm.id = "icbm";
  icbm.vehicle = VehicleClass::kIcbm;
  icbm.basing = Basing::kMobile;
  icbm.launchers_deployed.value = 100;
  icbm.warheads_per_launcher.value = 2;
  icbm.max_warheads_per_launcher.value = 4;
  icbm.upload_rate_per_month.value = 10;
  System bomber = icbm;
  bomber.id = "bomber";
  bomber.vehicle = VehicleClass::kHeavyBomber;
  bomber.basing = Basing::kBomber;
  bomber.launchers_deployed.value = 10;
  bomber.warheads_per_launcher.value = 5;
  bomber.max_warheads_per_launcher.value = 12;
  f.systems = {icbm, bomber};
  // 6 months: 200 +- 60 within [100, 400]; the bomber within [10, 120] whatever the months.
  PerceivedForce p = perceived_force(f, 6);
  ASSERT_EQ(p.systems.size(), 2U);
  EXPECT_DOUBLE_EQ(p.systems[0].low, 140);
  EXPECT_DOUBLE_EQ(p.systems[0].high, 260);
  EXPECT_DOUBLE_EQ(p.systems[1].low, 10);
  EXPECT_DOUBLE_EQ(p.systems[1].high, 120);
  // 30 months: 200 - 300 floors at one a launcher, 200 + 300 caps at 400.
  p = perceived_force(f, 30);
  EXPECT_DOUBLE_EQ(p.systems[0].low, 100);
  EXPECT_DOUBLE_EQ(p.systems[0].high, 400);
  EXPECT_DOUBLE_EQ(p.loaded, 250);
  EXPECT_DOUBLE_EQ(months_between("2022-03-01", "2026-11-01"), 1706 / 30.4375);
}

TEST(VerificationTest, KnowledgeBandsNarrowWithFresherData) {
  const Scenario loaded = load_scenario(catalog().scenario_path("us-ru-2026-11"), {}, &catalog());
  const ForceSnapshot ru = catalog().load_snapshot("ru-2026-11-01");
  const double truth = evaluate_scenario(prepare_scenario(loaded)).index;
  // 56 months of ageing draw wider loadings than 6 months of it: a wider band around the truth.
  const OutputBand aged = perceived_index_band(loaded, 1, perceived_force(ru, 56), 64, 3, 2);
  const OutputBand fresh = perceived_index_band(loaded, 1, perceived_force(ru, 6), 64, 3, 2);
  EXPECT_EQ(aged.point, truth);
  EXPECT_GT(aged.quantiles[4] - aged.quantiles[0], fresh.quantiles[4] - fresh.quantiles[0]);
}

TEST(VerificationTest, TheCommandLocatesItsErrors) {
  const test::CliRun ok = test::run_cli("verify ru-2026-11-01 --json");
  ASSERT_EQ(ok.exit_code, 0) << ok.err;
  const auto j = nlohmann::json::parse(ok.out);
  ASSERT_EQ(j.at("violations").size(), 3U);
  EXPECT_EQ(j.at("violations")[1].at("count").get<int>(), 48);  // 10% of 481
  const std::vector<std::pair<std::string, std::string>> bad{
      {"verify ru-2026-11-01 --violation hidden-upload=0",
       "--violation: hidden-upload=0: expected a whole number in [1, 481]"},
      {"verify ru-2026-11-01 --violation bribery=1", "expected hidden-upload=M or undeclared-launchers=M"},
      {"verify ru-2026-11-01 --violation hidden-upload=x", "expected a whole number after '=', got 'x'"},
      {"verify ru-2026-11-01 --treaty new-start-informal --knowledge", "gives no last data exchange for side 'ru'"},
      {"verify ru-2026-11-01 --knowledge --scenario kent-thaler-example", "has no side with the force ru-2026-11-01"},
  };
  for (const auto& [args, message] : bad) {
    const test::CliRun run = test::run_cli(args);
    EXPECT_EQ(run.exit_code, 3) << args;
    EXPECT_NE(run.err.find(message), std::string::npos) << args << "\n" << run.err;
  }
}

}  // namespace
}  // namespace stratstab

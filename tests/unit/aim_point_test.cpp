// Aim points and launch under attack by leg (docs/methods.md §6, §12.3): an SSBN in port is one
// target for all its tubes, bombers and mobile launchers are a few per aim point, and each leg that
// can launch in the warning (silos, mobiles in garrison, SSBNs at the pier) has its own share and
// its own launch probability. Every expected number is derived on paper from the round figures of
// the tiny forces here (small_forces.hpp), or by brute force over the striker's spend.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "small_forces.hpp"
#include "stratstab/exchange.hpp"
#include "stratstab/load.hpp"
#include "test_support.hpp"

namespace stratstab {
namespace {

using test::figure;
using test::small_snapshot;
using test::small_system;

// Lethal radius of 1 Mt on 1,000 psi: 2.62 nmi x 1852 m x (1 / 1000)^(1/3) = 485.224 m
// (docs/methods.md §4). A 1 Mt warhead with that CEP has SSPK 1 - 0.5^1 = 0.5; reliability 0.8
// makes p = 0.4 on a 1,000 psi target. On 1 psi the lethal radius is ten times as large: LR/CEP
// = 10, SSPK = 1 - 0.5^100 = 1 (to 1e-30), p = 0.8.
constexpr double kLr1000PsiM = 2.62 * 1852.0 / 10.0;

System aggregated(System s, double day_to_day, double generated) {
  s.launchers_per_aim_point_day_to_day = figure(day_to_day);
  s.launchers_per_aim_point_generated = figure(generated);
  return s;
}

const CounterforceProblem::TargetClass& target(const CounterforceProblem& problem, const std::string& label) {
  for (const CounterforceProblem::TargetClass& t : problem.targets) {
    if (t.label == label) return t;
  }
  ADD_FAILURE() << "no target class " << label;
  return problem.targets.front();
}

/// The striker: 100 silo ICBMs of one 1 Mt warhead, CEP 485.224 m, reliability 0.8 (p = 0.4 on
/// 1,000 psi). The victim: 50 SSBN tubes of 4 warheads (reliability 0.5, 1,000 psi), 10 tubes a
/// boat, 60% of the tubes at sea day to day (so 20 tubes, k = 2 boats, in port); generated 90% at
/// sea (5 tubes, half a boat); and 20 bombers of 10 weapons, 5 per aim point day to day, 2
/// generated.
struct AimPointCase {
  ForceSnapshot striker = small_snapshot(
      "striker", 100, {small_system("icbm", Basing::kSilo, VehicleClass::kIcbm, 100, 1, 0.8, 1000, kLr1000PsiM)});
  ForceSnapshot victim = [] {
    System ssbn = aggregated(small_system("ssbn", Basing::kSsbn, VehicleClass::kSlbm, 50, 4, 0.5), 10, 10);
    ssbn.untargetable_day_to_day = figure(0.6);
    ssbn.untargetable_generated = figure(0.9);
    System bomber = aggregated(small_system("bomber", Basing::kBomber, VehicleClass::kHeavyBomber, 20, 10, 0.5), 5, 2);
    return small_snapshot("victim", 100, {ssbn, bomber});
  }();
  StabilityParameters parameters;
  [[nodiscard]] CounterforceProblem problem(Posture victim_posture = Posture::kDayToDay) const {
    return counterforce_problem(striker, Posture::kDayToDay, victim, victim_posture, parameters);
  }
};

TEST(AimPoints, ABoatInPortIsOneTargetForAllItsTubes) {
  AimPointCase c;
  const CounterforceProblem p = c.problem();
  // k = 20 tubes in port / 10 a boat = 2 targets, each n m R = 10 x 4 x 0.5 = 20 arriving
  // warheads (40 as loaded); 20 bombers / 5 = 4 targets of 5 x 10 x 0.5 = 25 (50 loaded).
  const CounterforceProblem::TargetClass& ssbn = target(p, "ssbn");
  EXPECT_NEAR(ssbn.count, 2.0, 1e-12);
  EXPECT_NEAR(ssbn.kill_value, 20.0, 1e-12);
  EXPECT_NEAR(ssbn.destroyed_value, 40.0, 1e-12);
  const CounterforceProblem::TargetClass& bomber = target(p, "bomber");
  EXPECT_NEAR(bomber.count, 4.0, 1e-12);
  EXPECT_NEAR(bomber.kill_value, 25.0, 1e-12);
  // Kill probability of a warhead on an aim point: R x its SSPK on the system's hardness, 0.8 x
  // 0.5 = 0.4 on the 1,000 psi boat (small_system's hardness), as on one launcher.
  EXPECT_NEAR(p.p(0, 0), 0.4, 1e-12);

  // Generated: 5 tubes in port = half a boat (a share of a boat, as the launcher counts are
  // means), still 20 a boat; bombers 20 / 2 = 10 aim points of 2 x 10 x 0.5 = 10.
  const CounterforceProblem g = c.problem(Posture::kGenerated);
  EXPECT_NEAR(target(g, "ssbn").count, 0.5, 1e-12);
  EXPECT_NEAR(target(g, "ssbn").kill_value, 20.0, 1e-12);
  EXPECT_NEAR(target(g, "bomber").count, 10.0, 1e-12);
  EXPECT_NEAR(target(g, "bomber").kill_value, 10.0, 1e-12);

  // `targets: launchers`: every tube and bomber its own target, as before.
  c.parameters.aim_points = false;
  const CounterforceProblem l = c.problem();
  EXPECT_NEAR(target(l, "ssbn").count, 20.0, 1e-12);
  EXPECT_NEAR(target(l, "ssbn").kill_value, 2.0, 1e-12);
  EXPECT_NEAR(target(l, "bomber").count, 20.0, 1e-12);
  EXPECT_NEAR(target(l, "bomber").kill_value, 5.0, 1e-12);
}

TEST(AimPoints, TheDrawDownWorksOnAimPoints) {
  // The SSBNs alone, one kind (p = 0.4), at most 2 warheads on an aim point. Aim points: 2 boats
  // worth 20 each. The first warhead on a boat kills 20 x 0.4 = 8, the second 20 x 0.4 x 0.6 =
  // 4.8; so K rises 8 a warhead to s = 2 (K = 16), 4.8 to s = 4 (K = 25.6), then stays.
  AimPointCase c;
  c.victim.systems.pop_back();
  const DrawDown k = exact_draw_down(c.problem());
  EXPECT_NEAR(k.kills(1), 8.0, 1e-9);
  EXPECT_NEAR(k.kills(2), 16.0, 1e-9);
  EXPECT_NEAR(k.kills(3), 20.8, 1e-9);
  EXPECT_NEAR(k.kills(4), 25.6, 1e-9);
  EXPECT_NEAR(k.kills(50), 25.6, 1e-9);
  EXPECT_NEAR(k.saturation(), 4.0, 1e-9);
  // Each tube a target: 20 targets worth 2; 0.8 a warhead to s = 20 (K = 16), 0.48 to s = 40.
  c.parameters.aim_points = false;
  const DrawDown l = exact_draw_down(c.problem());
  EXPECT_NEAR(l.kills(2), 1.6, 1e-9);
  EXPECT_NEAR(l.kills(20), 16.0, 1e-9);
  EXPECT_NEAR(l.kills(40), 25.6, 1e-9);
  EXPECT_NEAR(l.saturation(), 40.0, 1e-9);
}

/// A tiny victim with every leg: 100 silos of 1 warhead (1,000 psi), 20 road-mobile launchers of
/// 2 warheads in garrison (1,000 psi, one per aim point), 10 SSBN tubes of 4 warheads in port (1
/// psi, 5 tubes a boat: 2 aim points of 20 warheads), all reliability 0.5, none hidden. The
/// striker: 50 silo ICBMs (1 Mt, CEP 485.224 m, R 0.8, 12 minutes' flight: p = 0.4 on 1,000 psi,
/// 0.8 on 1 psi) and SSBNs all at sea (1 Mt, CEP 4,852.24 m, R 0.8, 8 minutes: p = 0.0055 on
/// 1,000 psi, not a threat; p = 0.4 on the 1 psi boats).
struct LegCase {
  ForceSnapshot striker = [] {
    System ssbn = small_system("slbm", Basing::kSsbn, VehicleClass::kSlbm, 10, 4, 0.8, 1000, kLr1000PsiM * 10);
    ssbn.untargetable_day_to_day = figure(1);
    return small_snapshot(
        "striker", 100,
        {small_system("icbm", Basing::kSilo, VehicleClass::kIcbm, 50, 1, 0.8, 1000, kLr1000PsiM), ssbn});
  }();
  ForceSnapshot victim = small_snapshot(
      "victim", 100,
      {small_system("silo", Basing::kSilo, VehicleClass::kIcbm, 100, 1, 0.5, 1000, 100, 1000),
       small_system("mobile", Basing::kMobile, VehicleClass::kIcbm, 20, 2, 0.5, 1000, 100, 1000),
       aggregated(small_system("boat", Basing::kSsbn, VehicleClass::kSlbm, 10, 4, 0.5, 1000, 100, 1), 5, 5)});
  SideOptions striker_options;
  SideOptions victim_options;
  StabilityParameters parameters;
  LegCase() {
    striker_options.flight.icbm_minutes = 12;
    striker_options.flight.slbm_minutes = 8;
    WarningChain& w = victim_options.warning;
    w.detection_minutes = 2;
    w.decision_minutes_min = 3;
    w.decision_minutes_max = 10;
    w.launch_minutes = 2;
    w.mobile_launch_minutes = 4;
    w.ssbn_launch_minutes = 1;
    parameters.launch_under_attack = true;
    parameters.lua_share = 0.9;
    parameters.lua_share_mobile = 0.7;
    parameters.lua_share_ssbn = 0.7;
  }
  [[nodiscard]] CounterforceProblem problem() const {
    return counterforce_problem(striker, Posture::kDayToDay, victim, Posture::kDayToDay, parameters, striker_options,
                                victim_options);
  }
  [[nodiscard]] WarningOutcome outcome() const {
    return warning_outcome(striker, victim, parameters, striker_options, victim_options);
  }
};

TEST(LaunchUnderAttackByLeg, FixedSharesMultiplyEachLegsKillValue) {
  // Without the warning model each leg launches its share: a silo keeps 1 x 0.5 x (1 - 0.9) =
  // 0.05 to kill, a mobile 2 x 0.5 x (1 - 0.7) = 0.3, a boat 20 x 0.5 x (1 - 0.7) = 3.
  LegCase c;
  const CounterforceProblem p = c.problem();
  EXPECT_NEAR(target(p, "silo").kill_value, 0.05, 1e-12);
  EXPECT_NEAR(target(p, "mobile").kill_value, 0.3, 1e-12);
  EXPECT_NEAR(target(p, "mobile").destroyed_value, 0.6, 1e-12);
  EXPECT_NEAR(target(p, "boat").kill_value, 3.0, 1e-12);
  EXPECT_NEAR(target(p, "boat").count, 2.0, 1e-12);
  // `lua_legs: silos`: only silos launch; the mobile keeps 1, the boat 10.
  c.parameters.lua_silos_only = true;
  const CounterforceProblem s = c.problem();
  EXPECT_NEAR(target(s, "silo").kill_value, 0.05, 1e-12);
  EXPECT_NEAR(target(s, "mobile").kill_value, 1.0, 1e-12);
  EXPECT_NEAR(target(s, "boat").kill_value, 10.0, 1e-12);
  // Shares 0 are the same as silos only.
  c.parameters.lua_silos_only = false;
  c.parameters.lua_share_mobile = 0;
  c.parameters.lua_share_ssbn = 0;
  EXPECT_NEAR(target(c.problem(), "mobile").kill_value, 1.0, 1e-12);
  EXPECT_NEAR(target(c.problem(), "boat").kill_value, 10.0, 1e-12);
}

TEST(LaunchUnderAttackByLeg, TheWarningModelSetsEachLegFromItsThreatsAndLaunchTime) {
  // Silos: threatened by the ICBM only (12 minutes): 12 - 2 - 2 = 8 to decide, P(U[3,10] <= 8) =
  // 5/7. Mobiles (1,000 psi, likewise the ICBM only): 12 - 2 - 4 = 6, P = 3/7. Boats in port (1
  // psi: the SLBM threatens them too, 8 minutes): 8 - 2 - 1 = 5, P = 2/7.
  LegCase c;
  c.parameters.warning = true;
  const WarningOutcome w = c.outcome();
  ASSERT_TRUE(w.mobile_flight_minutes.has_value());
  ASSERT_TRUE(w.ssbn_flight_minutes.has_value());
  EXPECT_EQ(*w.silo_flight_minutes, 12.0);
  EXPECT_EQ(*w.mobile_flight_minutes, 12.0);
  EXPECT_EQ(*w.ssbn_flight_minutes, 8.0);
  EXPECT_NEAR(w.launch_probability, 5.0 / 7.0, 1e-15);
  EXPECT_NEAR(w.mobile_launch_probability, 3.0 / 7.0, 1e-15);
  EXPECT_NEAR(w.ssbn_launch_probability, 2.0 / 7.0, 1e-15);
  // Kill values: silo 0.5 x (1 - 0.9 x 5/7) = 0.5 x 5/14 = 5/28; mobile 1 x (1 - 0.7 x 3/7) =
  // 0.7; boat 10 x (1 - 0.7 x 2/7) = 8.
  const CounterforceProblem p = c.problem();
  EXPECT_NEAR(target(p, "silo").kill_value, 5.0 / 28.0, 1e-15);
  EXPECT_NEAR(target(p, "mobile").kill_value, 0.7, 1e-12);
  EXPECT_NEAR(target(p, "boat").kill_value, 8.0, 1e-12);
  // Without the SLBM the boats get the ICBM's 12 minutes: 12 - 2 - 1 = 9, P = 6/7, a boat keeps
  // 10 x (1 - 0.6) = 4.
  c.striker.systems.pop_back();
  EXPECT_EQ(*c.outcome().ssbn_flight_minutes, 12.0);
  EXPECT_NEAR(c.outcome().ssbn_launch_probability, 6.0 / 7.0, 1e-15);
  EXPECT_NEAR(target(c.problem(), "boat").kill_value, 4.0, 1e-12);
  // Silos only: the other legs' probabilities are 0 and they keep their whole value.
  c.parameters.lua_silos_only = true;
  EXPECT_EQ(c.outcome().mobile_launch_probability, 0.0);
  EXPECT_NEAR(target(c.problem(), "boat").kill_value, 10.0, 1e-12);
}

/// Each side of the index case: 10 silo ICBMs of 8 warheads (1 Mt, CEP 485.224 m, R 0.8; soft, 1
/// psi, so that p = 0.8) and one SSBN of 10 tubes x 4 warheads in port (R 0.8, 1 psi, 10 tubes a
/// boat), w80 = 40. A striker has W = 80 (the boat in port is not ready under the no-notice readiness: 0.9 x 0 at sea),
/// 64 arriving; as a victim V arriving = 64 + 32 = 96.
ForceSnapshot index_side(const std::string& id) {
  return small_snapshot(
      id, 40,
      {small_system("icbm", Basing::kSilo, VehicleClass::kIcbm, 10, 8, 0.8, 1000, kLr1000PsiM, 1),
       aggregated(small_system("boat", Basing::kSsbn, VehicleClass::kSlbm, 10, 4, 0.8, 1000, kLr1000PsiM, 1), 10, 10)});
}

/// K(s) by hand: every target's k-th warhead (k <= 2) kills value p (1-p)^(k-1); the best first.
double hand_kills(std::vector<std::pair<double, double>> targets_value_count, double p, double s) {
  std::vector<std::pair<double, double>> marginal;  // kill per warhead, warheads at that rate
  for (const auto& [value, count] : targets_value_count) {
    marginal.emplace_back(value * p, count);
    marginal.emplace_back(value * p * (1 - p), count);
  }
  std::sort(marginal.begin(), marginal.end(), [](auto x, auto y) { return x.first > y.first; });
  double k = 0;
  for (const auto& [rate, width] : marginal) {
    const double take = std::min(width, s);
    k += take * rate;
    s -= take;
  }
  return k;
}

/// The striker's least cost over s in [0, W] by brute force (step 1e-3, the breakpoints of K
/// included), and the victim's cost there: C_A = D(U)^0.75 + 0.3 (1 - D(L)^0.75), C_B =
/// D(L)^0.75 + 0.3 (1 - D(U)^0.75), U = 96 - K(s), L = 0.8 (80 - s), w80 = 40, p = 0.8.
std::pair<double, double> hand_strike(double silo_value, double boat_value) {
  double best_a = 1e9;
  double best_b = 0;
  for (int i = 0; i <= 80000; ++i) {
    const double s = i * 1e-3;
    const double u = 96.0 - hand_kills({{silo_value, 10}, {boat_value, 1}}, 0.8, s);
    const double l = 0.8 * (80.0 - s);
    const double ca = test::hand_cost(u, 40, l, 40);
    if (ca < best_a - 1e-12) {
      best_a = ca;
      best_b = std::pow(test::hand_damage(l, 40), 0.75) + 0.3 * (1.0 - std::pow(test::hand_damage(u, 40), 0.75));
    }
  }
  return {best_a, best_b};
}

TEST(LaunchUnderAttackByLeg, TheIndexOfATinyForceWithBoatsFiringFromThePier) {
  // Both sides alike, so the index is min(1, C1 / C2)^2 with C1 the striker's cost and C2 the
  // victim's in the same strike. With LUA (fixed shares) a silo keeps 8 x 0.8 x (1 - 0.5) = 3.2
  // and the boat 32 x (1 - 0.25) = 24 (lua_share_ssbn 0.25); silos only: the boat keeps 32. (The
  // search finds s* = 22, two warheads on every aim point, in both; index 0.939 and 0.804.)
  const ForceSnapshot a = index_side("a");
  const ForceSnapshot b = index_side("b");
  StabilityParameters p;
  p.launch_under_attack = true;
  p.lua_share = 0.5;
  p.lua_share_ssbn = 0.25;
  // The no-notice readiness keeps the boat in port out of each striker's strike (W = 80 as worked
  // above); under Kent and Thaler's rule it would add 0.9 x 40 (docs/methods.md §6).
  p.striker_readiness = StrikerReadiness::kNoNotice;
  const auto expected_index = [](std::pair<double, double> costs) {
    const double r = std::min(1.0, costs.first / costs.second);
    return r * r;
  };
  const std::pair<double, double> all_legs = hand_strike(3.2, 24);
  const StabilityResult r = evaluate_real(a, b, PostureCase::kDayToDay, p);
  EXPECT_NEAR(r.a_strikes_b.cost_striker, all_legs.first, 1e-7);
  EXPECT_NEAR(r.a_strikes_b.cost_victim, all_legs.second, 1e-6);
  EXPECT_NEAR(r.index, expected_index(all_legs), 1e-5);

  p.lua_silos_only = true;
  const std::pair<double, double> silos = hand_strike(3.2, 32);
  const StabilityResult s = evaluate_real(a, b, PostureCase::kDayToDay, p);
  EXPECT_NEAR(s.a_strikes_b.cost_striker, silos.first, 1e-7);
  EXPECT_NEAR(s.index, expected_index(silos), 1e-5);
  // Boats that can fire from the pier make a first strike less attractive: the index rises.
  EXPECT_GT(r.index, s.index + 0.01);
  EXPECT_NEAR(r.index, 0.93870, 5e-5);  // the same search in double precision, by a separate script
  EXPECT_NEAR(s.index, 0.80356, 5e-5);
}

// --- Loading -------------------------------------------------------------------------------------

constexpr std::string_view kSnapshot = R"(schema: 1
id: us-2020-09-01
side: us
date: 2020-09-01
title: "Aim points test"
sources:
  - {id: est-2021, title: "An estimate", date: 2021-06}
inventory:
  warheads_deployed: {value: 100, grade: EST, src: est-2021}
  warheads_stored: {value: 0, grade: EST, src: est-2021}
  nonstrategic_warheads: {value: 0, grade: EST, src: est-2021}
w80: {value: 80, grade: ASSUMED, range: [40, 160], src: est-2021}
systems:
  - id: boat
    name: "SSBN"
    basing: ssbn
    vehicle: slbm
    launchers_deployed: {value: 20, grade: EST, src: est-2021}
    launchers_nondeployed: {value: 0, grade: EST, src: est-2021}
    warheads_per_launcher: {value: 4, grade: EST, src: est-2021}
    max_warheads_per_launcher: {value: 8, grade: EST, src: est-2021}
    warheads:
      - {type: W, yield_kt: {value: 100, grade: EST, src: est-2021}, share: {value: 1, grade: EST, src: est-2021}}
    cep_m: {value: 100, grade: ASSUMED, range: [50, 150], src: est-2021}
    reliability: {value: 0.9, grade: ASSUMED, range: [0.8, 1], src: est-2021}
    range_km: {value: 7000, grade: EST, src: est-2021}
    hardness_psi: {value: 30, grade: ASSUMED, range: [10, 100], src: est-2021}
    untargetable_day_to_day: {value: 0.5, grade: ASSUMED, range: [0.4, 0.6], src: est-2021}
    untargetable_generated: {value: 0.9, grade: ASSUMED, range: [0.8, 1], src: est-2021}
    launchers_per_aim_point_day_to_day: {value: 10, grade: EST, src: est-2021}
    launchers_per_aim_point_generated: {value: 10, grade: EST, src: est-2021}
    new_start: {accountable: true, counting: reentry_vehicles}
    upload_rate_per_month: {value: 10, grade: ASSUMED, range: [0, 20], src: est-2021}
)";

class AimPointLoaderTest : public ::testing::Test {
 protected:
  LoadResult<ForceSnapshot> read(std::string_view text) {
    file_ = dir_.write("us-2020-09-01.yaml", text);
    return read_force_snapshot(file_);
  }
  test::TempDir dir_;
  std::filesystem::path file_;
};

TEST_F(AimPointLoaderTest, ReadsLaunchersPerAimPointAndLocatesBadValues) {
  const auto good = read(kSnapshot);
  ASSERT_TRUE(good.value.has_value()) << test::dump(good.diagnostics);
  EXPECT_EQ(good.value->systems.at(0).launchers_per_aim_point(Posture::kDayToDay), 10.0);
  EXPECT_EQ(good.value->systems.at(0).launchers_per_aim_point(Posture::kGenerated), 10.0);
  // Below 1 launcher: out of the table's range, located at the figure.
  const std::string zero = test::replace_once(std::string(kSnapshot), "launchers_per_aim_point_day_to_day: {value: 10",
                                              "launchers_per_aim_point_day_to_day: {value: 0.5");
  const auto low = read(zero);
  ASSERT_FALSE(low.value.has_value());
  const Diagnostic* d = test::find_by_key(low.diagnostics, "systems[0].launchers_per_aim_point_day_to_day.value");
  ASSERT_NE(d, nullptr) << test::dump(low.diagnostics);
  EXPECT_EQ(d->where.line, test::line_of(zero, "launchers_per_aim_point_day_to_day"));
  // One posture only.
  const auto half = read(test::replace_once(
      std::string(kSnapshot), "    launchers_per_aim_point_generated: {value: 10, grade: EST, src: est-2021}\n", ""));
  ASSERT_FALSE(half.value.has_value());
  ASSERT_NE(test::find_by_key(half.diagnostics, "systems[0].launchers_per_aim_point_generated"), nullptr)
      << test::dump(half.diagnostics);
  // A silo system with more than one launcher per aim point.
  const std::string silo = test::replace_once(std::string(kSnapshot), "basing: ssbn", "basing: silo");
  const auto bad_silo = read(silo);
  ASSERT_FALSE(bad_silo.value.has_value());
  d = test::find_by_key(bad_silo.diagnostics, "systems[0].launchers_per_aim_point_day_to_day");
  ASSERT_NE(d, nullptr) << test::dump(bad_silo.diagnostics);
  EXPECT_NE(d->message.find("expected 1"), std::string::npos) << d->message;
  // Absent: each launcher its own aim point.
  const std::string none = test::replace_once(
      test::replace_once(std::string(kSnapshot),
                         "    launchers_per_aim_point_generated: {value: 10, grade: EST, src: est-2021}\n", ""),
      "    launchers_per_aim_point_day_to_day: {value: 10, grade: EST, src: est-2021}\n", "");
  const auto absent = read(none);
  ASSERT_TRUE(absent.value.has_value()) << test::dump(absent.diagnostics);
  EXPECT_EQ(absent.value->systems.at(0).launchers_per_aim_point(Posture::kDayToDay), 1.0);
}

}  // namespace
}  // namespace stratstab

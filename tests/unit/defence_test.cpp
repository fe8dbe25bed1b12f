// Missile defence (METHOD.md §5), warning time, command and control and forward systems (issue 5):
// layer and saturation arithmetic against hand-computed cases, the interceptors = 0 identity with
// the undefended exchange, monotonicity in the interceptor inventory, the striker's choice of
// suppression against brute force, and the bundled scenarios end to end.
#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "stratstab/catalog.hpp"
#include "stratstab/command.hpp"
#include "stratstab/defence.hpp"
#include "stratstab/exchange.hpp"
#include "stratstab/scenario.hpp"
#include "stratstab/warning.hpp"

namespace stratstab {
namespace {

DefenceLayer layer(double sspk, int shots, double tracking, double share = 1.0, bool sees_decoys = true) {
  DefenceLayer l;
  l.name = "layer";
  l.sspk = sspk;
  l.shots = shots;
  l.tracking_reliability = tracking;
  l.inventory_share = share;
  l.sees_decoys = sees_decoys;
  return l;
}

TEST(DefenceTest, LayerKillProbabilityAndInterceptorsPerObject) {
  // P = T (1 - (1 - SSPK)^n): 0.9 (1 - 0.2^2) = 0.864.
  EXPECT_NEAR(layer_kill_probability(layer(0.8, 2, 0.9)), 0.864, 1e-15);
  EXPECT_DOUBLE_EQ(interceptors_per_object(layer(0.8, 2, 0.9)), 2.0);
  // Shoot-look-shoot 1 + 1 at SSPK 0.5, T = 1: P_1 = 0.5, expected interceptors 1 + 0.5 * 1 = 1.5,
  // kill 1 - 0.5^2 = 0.75 (METHOD.md §5).
  DefenceLayer sls = layer(0.5, 1, 1.0);
  sls.second_shots = 1;
  EXPECT_DOUBLE_EQ(interceptors_per_object(sls), 1.5);
  EXPECT_DOUBLE_EQ(layer_kill_probability(sls), 0.75);
  // With T = 0.8 the first salvo kills 0.4, so the second is fired 0.6 of the time: 1 + 0.6 * 2 = 2.2.
  DefenceLayer sls2 = layer(0.5, 1, 0.8);
  sls2.second_shots = 2;
  EXPECT_NEAR(interceptors_per_object(sls2), 2.2, 1e-15);
  EXPECT_NEAR(layer_kill_probability(sls2), 0.8 * (1.0 - 0.125), 1e-15);
}

TEST(DefenceTest, SaturationHandCases) {
  MissileDefence d;
  d.layers = {layer(0.8, 2, 0.9)};  // P = 0.864
  d.decoys_per_warhead = 1.0;
  // 101 interceptors, 2 per object: floor(50.5) = 50 objects = 25 warheads (one decoy each).
  const Penetration h(d, {101.0});
  ASSERT_EQ(h.kinks().size(), 1u);
  EXPECT_DOUBLE_EQ(h.kinks()[0], 25.0);
  // Below saturation every warhead is engaged: 10 - 0.864 * 10 = 1.36.
  EXPECT_NEAR(h.through(10.0), 1.36, 1e-12);
  // Above it 25 are engaged and the rest pass unopposed: 100 - 0.864 * 25 = 78.4.
  EXPECT_NEAR(h.through(100.0), 78.4, 1e-12);
  EXPECT_NEAR(h.slope_at(10.0), 0.136, 1e-12);
  EXPECT_DOUBLE_EQ(h.slope_at(30.0), 1.0);
  // No decoys: 50 warheads engaged.
  d.decoys_per_warhead = 0.0;
  EXPECT_NEAR(Penetration(d, {101.0}).through(100.0), 100.0 - 0.864 * 50.0, 1e-12);
}

TEST(DefenceTest, TwoLayersComposeAndInvert) {
  MissileDefence d;
  d.layers = {layer(0.5, 1, 1.0), layer(0.5, 1, 1.0)};
  // Each layer engages 10 warheads and kills half of them.
  const Penetration h(d, {10.0, 10.0});
  // x = 10: 10 -> 5 -> 2.5; x = 30: 30 -> 25 -> 20; x = 14: 14 -> 9 -> 4.5.
  EXPECT_DOUBLE_EQ(h.through(10.0), 2.5);
  EXPECT_DOUBLE_EQ(h.through(30.0), 20.0);
  EXPECT_DOUBLE_EQ(h.through(14.0), 4.5);
  // Layer 1 saturates at 10; layer 2 when 10 reach it, i.e. at x = 10 + 5 = 15.
  ASSERT_EQ(h.kinks().size(), 2u);
  EXPECT_DOUBLE_EQ(h.kinks()[0], 10.0);
  EXPECT_DOUBLE_EQ(h.kinks()[1], 15.0);
  EXPECT_DOUBLE_EQ(h.arriving_for(20.0), 30.0);
  EXPECT_DOUBLE_EQ(h.arriving_for(2.5), 10.0);
  EXPECT_DOUBLE_EQ(h.slope_at(12.0), 0.5);
}

TEST(DefenceTest, NoInterceptorsIsTheIdentity) {
  MissileDefence d;
  d.layers = {layer(0.9, 2, 0.95)};
  const Penetration h(d, {0.0});
  EXPECT_TRUE(h.is_identity());
  for (double x : {0.0, 1.0, 123.456, 1e6}) EXPECT_EQ(h.through(x), x);
}

TEST(DefenceTest, ThroughNeverRisesWithInterceptors) {
  std::mt19937 rng(7);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  for (int trial = 0; trial < 300; ++trial) {
    MissileDefence d;
    const int layers = 1 + trial % 3;
    for (int l = 0; l < layers; ++l) {
      d.layers.push_back(layer(unit(rng), 1 + trial % 3, 0.5 + 0.5 * unit(rng), 1.0 / layers, unit(rng) < 0.5));
    }
    d.decoys_per_warhead = 3.0 * unit(rng);
    const double x = 2000.0 * unit(rng);
    double previous = x;
    for (double inventory = 0.0; inventory <= 3000.0; inventory += 50.0) {
      d.interceptors = inventory;
      const double through = Penetration(d, layer_interceptors(d, false, 1.0)).through(x);
      EXPECT_LE(through, previous + 1e-9) << "trial " << trial;
      previous = through;
    }
  }
}

TEST(DefenceTest, ThinnedDrawDownIsKOfWhatGetsThrough) {
  // One class of 100 launchers with 1 warhead, p = 0.5, at most one warhead each: K(s) = 0.5 s up
  // to s = 100. A perfect defence (P = 1) of 20 warheads at reliability 1: K_d(s) = K(max(0, s - 20)).
  const DrawDown k = homogeneous_draw_down({HomogeneousTarget{100.0, 1.0, 1.0}}, 0.5, 1);
  MissileDefence d;
  d.layers = {layer(1.0, 1, 1.0)};
  const Penetration h(d, {20.0});
  const DrawDown thinned = thinned_draw_down(k, h, 1.0);
  for (double s : {0.0, 10.0, 20.0, 30.0, 70.0, 120.0}) {
    EXPECT_NEAR(thinned.kills(s), k.kills(std::max(0.0, s - 20.0)), 1e-12) << "s = " << s;
  }
  // At reliability 0.5 the defence meets r s arriving warheads: K_d(s) = K((0.5 s - min(0.5 s, 20)) / 0.5).
  const DrawDown half = thinned_draw_down(k, h, 0.5);
  for (double s : {0.0, 40.0, 60.0, 100.0, 140.0}) {
    EXPECT_NEAR(half.kills(s), k.kills(std::max(0.0, s - 40.0)), 1e-12) << "s = " << s;
  }
}

TEST(WarningTest, LaunchAndEscapeProbabilities) {
  WarningChain w;
  w.detection_minutes = 2;
  w.decision_minutes_min = 3;
  w.decision_minutes_max = 10;
  w.launch_minutes = 2;
  w.bomber_escape_minutes_min = 8;
  w.bomber_escape_minutes_max = 15;
  // 13-minute SLBM: 13 - 2 - 2 = 9 minutes to decide; P(U[3, 10] <= 9) = 6/7.
  EXPECT_NEAR(launch_under_attack_probability(w, 13.0), 6.0 / 7.0, 1e-15);
  EXPECT_DOUBLE_EQ(launch_under_attack_probability(w, 30.0), 1.0);
  EXPECT_DOUBLE_EQ(launch_under_attack_probability(w, 6.0), 0.0);
  // Bombers: 13 - 2 = 11 minutes; P(U[8, 15] <= 11) = 3/7.
  EXPECT_NEAR(bomber_escape_probability(w, 13.0), 3.0 / 7.0, 1e-15);
  System slbm;
  slbm.id = "d5";
  slbm.vehicle = VehicleClass::kSlbm;
  FlightTimes f;
  f.slbm_minutes = 12;
  EXPECT_DOUBLE_EQ(f.of(slbm), 12.0);
  f.by_system = {{"d5", 8.0}};
  EXPECT_DOUBLE_EQ(f.of(slbm), 8.0);
}

TEST(CommandTest, SurvivalAndRetaliationShare) {
  CommandAndControl c;
  c.survival = 0.9;
  c.nodes = 2;
  c.node_kill_probability = 0.5;
  EXPECT_DOUBLE_EQ(command_survival(c, 0.0), 0.9);
  // 4 warheads on 2 posts: each post destroyed with 1 - 0.5^2 = 0.75; command lost only if both
  // are: survival 0.9 (1 - 0.75^2) = 0.39375.
  EXPECT_NEAR(command_survival(c, 4.0), 0.39375, 1e-15);
  c.perimeter = 0.8;
  // q + (1 - q) 0.8 = 0.39375 + 0.60625 * 0.8 = 0.87875.
  EXPECT_NEAR(retaliation_share(c, 4.0), 0.87875, 1e-15);
}

class BundledScenario : public ::testing::Test {
 protected:
  Scenario load(const std::string& name, const std::vector<std::string>& sets = {}) {
    std::vector<Override> overrides;
    for (const std::string& s : sets) overrides.push_back(Override::parse(s));
    return load_scenario(catalog_.scenario_path(name), overrides, &catalog_);
  }
  DataCatalog catalog_{STRATSTAB_SOURCE_DIR "/data"};
};

void expect_same_strike(const FirstStrike& x, const FirstStrike& y) {
  EXPECT_EQ(x.counterforce_spent, y.counterforce_spent);
  EXPECT_EQ(x.victim_destroyed, y.victim_destroyed);
  EXPECT_EQ(x.retaliation_arriving, y.retaliation_arriving);
  EXPECT_EQ(x.remaining_arriving, y.remaining_arriving);
  EXPECT_EQ(x.cost_striker, y.cost_striker);
  EXPECT_EQ(x.cost_victim, y.cost_victim);
}

TEST_F(BundledScenario, ZeroInterceptorsEqualsNoDefenceExactly) {
  for (const char* method : {"exact", "greedy"}) {
    for (const char* covers : {"value", "silos", "both"}) {
      const std::string m = std::string("options.draw_down=") + method;
      const Scenario defended =
          load("golden-dome", {"sides.US.defence.interceptors=0", m, std::string("sides.US.defence.covers=") + covers});
      const Scenario plain = load("us-ru-2026-11", {m});
      const StabilityResult a = evaluate_scenario(defended);
      const StabilityResult b = evaluate_scenario(plain);
      EXPECT_EQ(a.index, b.index) << method << " " << covers;
      expect_same_strike(a.a_strikes_b, b.a_strikes_b);
      expect_same_strike(a.b_strikes_a, b.b_strikes_a);
    }
  }
}

TEST_F(BundledScenario, GoldenDomeMonotoneInInterceptors) {
  // Over the labelled range 0-2,000 and beyond: the defender's cost of striking first (C1) never
  // rises with its interceptors (at every s the retaliation that arrives is no larger, so neither
  // is the minimum); with a cautious planner (defence_in_planning false) the retaliation that
  // arrives at s* never rises either.
  double previous_c1 = 2.0;
  double previous_retaliation = 1e9;
  for (int interceptors = 0; interceptors <= 3000; interceptors += 100) {
    const std::string i = "sides.US.defence.interceptors=" + std::to_string(interceptors);
    const StabilityResult r = evaluate_scenario(load("golden-dome", {i, "options.draw_down=greedy"}));
    EXPECT_LE(r.a.c1, previous_c1 + 1e-12) << interceptors;
    previous_c1 = r.a.c1;
    const StabilityResult cautious =
        evaluate_scenario(load("golden-dome", {i, "options.draw_down=greedy", "options.defence_in_planning=false"}));
    EXPECT_LE(cautious.a_strikes_b.retaliation_arriving, previous_retaliation + 1e-9) << interceptors;
    previous_retaliation = cautious.a_strikes_b.retaliation_arriving;
  }
  // The defence is at work at 1,000: it lowers the US C1 well below the undefended 0.594.
  EXPECT_LT(previous_c1, 0.3);
}

TEST_F(BundledScenario, SuppressionIsTheBestOfItsChoices) {
  // Russia striking the defended US may first spend 0, 1 or 2 warheads on each of the 10 sites;
  // real_first_strike keeps the cheapest for Russia. Brute force over the three choices.
  const Scenario s = load("golden-dome", {"options.draw_down=greedy", "sides.US.defence.covers=both"});
  const SideOptions us = side_options(s.sides[0]);
  const SideOptions ru = side_options(s.sides[1]);
  const ForceSnapshot& a = *s.sides[0].forces;
  const ForceSnapshot& b = *s.sides[1].forces;
  double best = 1e9;
  for (int per_site = 0; per_site <= 2; ++per_site) {
    const StrikeInputs in =
        real_strike_inputs(b, Posture::kDayToDay, a, Posture::kDayToDay, s.parameters, ru, us, per_site);
    EXPECT_DOUBLE_EQ(in.suppression_warheads, 10.0 * per_site);
    best = std::min(best, evaluate_first_strike(in, s.parameters).cost_striker);
  }
  const FirstStrike chosen = real_first_strike(b, Posture::kDayToDay, a, Posture::kDayToDay, s.parameters, ru, us);
  EXPECT_NEAR(chosen.cost_striker, best, s.parameters.stop_tolerance);
}

TEST_F(BundledScenario, ForwardSalvoFiresFirstAndLeavesTheValuePool) {
  // One Dark Eagle battery: 4 launchers x 2 rounds x striker availability 0.9 = 7.2, all fired first.
  const Scenario with = load("dark-eagle-germany", {"options.draw_down=greedy"});
  const Scenario without = load("dark-eagle-germany", {"options.draw_down=greedy", "sides.US.forward=[]"});
  const StabilityResult r = evaluate_scenario(with);
  const StabilityResult r0 = evaluate_scenario(without);
  EXPECT_NEAR(r.a_strikes_b.forward_spent, 7.2, 1e-12);
  EXPECT_EQ(r.a_strikes_b.striker_warheads, r0.a_strikes_b.striker_warheads);  // not in W
  // What it destroys leaves the retaliation: fewer Russian warheads survive to retaliate at the
  // same counterforce spend, so the US cost of striking first cannot rise.
  EXPECT_LE(r.a.c1, r0.a.c1 + 1e-12);
  EXPECT_GT(r.a_strikes_b.victim_destroyed - r0.a_strikes_b.victim_destroyed, -1e-9);
}

TEST_F(BundledScenario, PerimeterRaisesTheRetaliationShare) {
  const Scenario on = load("perimeter", {"options.draw_down=greedy"});
  const Scenario off = load("perimeter", {"options.draw_down=greedy", "sides.RU.command.perimeter=0"});
  const StabilityResult r_on = evaluate_scenario(on);
  const StabilityResult r_off = evaluate_scenario(off);
  // The US aims 2% of its first strike at 10 Russian posts (p 0.9). The share Russia gets off is
  // q + (1 - q) 0.8 with Perimeter and q without, q the command's survival at that decapitation.
  const double q = r_off.a_strikes_b.retaliation_share;
  EXPECT_NEAR(r_on.a_strikes_b.retaliation_share, q + (1.0 - q) * 0.8, 1e-12);
  EXPECT_GE(r_on.a.c1, r_off.a.c1);  // striking Russia first costs the US more
}

TEST_F(BundledScenario, DecapitationNeedsTheOtherSidesCommand) {
  const auto result = read_scenario(catalog_.scenario_path("us-ru-2026-11"),
                                    {Override::parse("sides.US.decapitation_share=0.05")}, &catalog_);
  ASSERT_FALSE(result.value.has_value());
  bool found = false;
  for (const Diagnostic& d : result.diagnostics) found = found || d.where.key_path == "sides.US.decapitation_share";
  EXPECT_TRUE(found);
}

TEST_F(BundledScenario, BadDefenceInputGetsLocatedErrors) {
  const auto shares = read_scenario(
      catalog_.scenario_path("golden-dome"),
      {Override::parse("sides.US.defence.layers=[{name: a, sspk: 0.5, inventory_share: 0.8}, {name: b, sspk: 0.5, "
                       "inventory_share: 0.5}]")},
      &catalog_);
  ASSERT_FALSE(shares.value.has_value());
  const auto bad = read_scenario(catalog_.scenario_path("golden-dome"),
                                 {Override::parse("sides.US.defence.interceptors=-5")}, &catalog_);
  ASSERT_FALSE(bad.value.has_value());
  bool found = false;
  for (const Diagnostic& d : bad.diagnostics) found = found || d.where.key_path == "sides.US.defence.interceptors";
  EXPECT_TRUE(found);
  const auto reach =
      read_scenario(catalog_.scenario_path("dark-eagle-germany"),
                    {Override::parse("sides.US.forward=[{system: dark-eagle, flight_minutes: 12, reaches: "
                                     "[no-such-system]}]")},
                    &catalog_);
  ASSERT_FALSE(reach.value.has_value());
  const auto central =
      read_scenario(catalog_.scenario_path("dark-eagle-germany"),
                    {Override::parse("sides.US.forward=[{system: mm3, flight_minutes: 12}]")}, &catalog_);
  ASSERT_FALSE(central.value.has_value());
}

}  // namespace
}  // namespace stratstab

// Decapitation, devolution and Perimeter (command.hpp, real_strike.cpp; docs/methods.md §12.4): the
// warheads a striker aims at the victim's command leave its strike, arrive at its mean reliability
// on the command posts, and set the share of the victim's surviving forces that retaliate,
// q + (1 - q) devolution. Numbers derived on paper for a tiny force and, for the bundled scenario,
// from the snapshot's figures by the test's own sum; the optimised decapitation against a
// brute-force grid of the test's own closed-form cost.
#include <gtest/gtest.h>

#include <cmath>

#include "small_forces.hpp"
#include "stratstab/catalog.hpp"
#include "stratstab/command.hpp"
#include "stratstab/exchange.hpp"
#include "stratstab/prepare.hpp"
#include "stratstab/scenario.hpp"
#include "test_support.hpp"

namespace stratstab {
namespace {

using test::hand_cost;

/// The striker: 100 silo ICBMs of one warhead, reliability 0.8 (W = 100, mean reliability 0.8).
/// The victim: 10 SSBNs of 4 warheads, reliability 0.5, all at sea (no counterforce target:
/// s* = 0; 20 would arrive in retaliation), command of 2 posts. Both w80 = 100; no defences.
struct CommandCase {
  ForceSnapshot striker = test::hundred_silo_striker();
  ForceSnapshot victim = test::ssbns_at_sea_victim();
  SideOptions striker_options;
  SideOptions victim_options;
  StabilityParameters parameters;

  CommandCase() {
    parameters.draw_down = DrawDownMethod::kGreedy;
    parameters.decapitation = DecapitationRule::kFixedShare;  // today's rule: a fixed share
    striker_options.decapitation_share = 0.05;
    victim_options.command.survival = 0.9;
    victim_options.command.nodes = 2;
    victim_options.command.node_kill_probability = 0.5;
    victim_options.command.perimeter = 0.8;
  }
  [[nodiscard]] StrikeInputs inputs() const {
    return real_strike_inputs(striker, Posture::kDayToDay, victim, Posture::kDayToDay, parameters, striker_options,
                              victim_options);
  }
  [[nodiscard]] FirstStrike strike() const {
    return real_first_strike(striker, Posture::kDayToDay, victim, Posture::kDayToDay, parameters, striker_options,
                             victim_options);
  }
};

TEST(Decapitation, WarheadsOnCommandSetTheRetaliationShare) {
  // 5% of W = 100 is 5 warheads on command: W = 95, 80 - 0.8 x 5 = 76 arriving on value. They
  // arrive at the mean reliability 0.8: 4 warheads, 2 on each post. A post survives both with
  // 0.5^2 = 0.25, so it is destroyed with 0.75; command is lost only if both are:
  // q = 0.9 (1 - 0.75^2) = 0.9 x 0.4375 = 0.39375. Perimeter launches the rest with 0.8:
  // share = 0.39375 + 0.60625 x 0.8 = 0.87875.
  const CommandCase c;
  const StrikeInputs in = c.inputs();
  EXPECT_NEAR(in.decapitation_warheads, 5.0, 1e-12);
  EXPECT_NEAR(in.striker_warheads, 95.0, 1e-12);
  EXPECT_NEAR(in.striker_arriving, 76.0, 1e-12);
  EXPECT_NEAR(in.retaliation_share, 0.87875, 1e-12);

  // The strike: 0.87875 x 20 = 17.575 arrive back, 76 on value; C_A by hand.
  const FirstStrike strike = c.strike();
  EXPECT_NEAR(strike.decapitation_spent, 5.0, 1e-12);
  EXPECT_NEAR(strike.retaliation_share, 0.87875, 1e-12);
  EXPECT_NEAR(strike.retaliation_arriving, 17.575, 1e-9);
  EXPECT_NEAR(strike.remaining_arriving, 76.0, 1e-9);
  EXPECT_NEAR(strike.cost_striker, hand_cost(17.575, 100, 76, 100), 1e-12);

  // Without Perimeter the share is q itself: 0.39375 x 20 = 7.875 arrive back.
  CommandCase off = c;
  off.victim_options.command.perimeter = 0;
  EXPECT_NEAR(off.inputs().retaliation_share, 0.39375, 1e-12);
  EXPECT_NEAR(off.strike().retaliation_arriving, 7.875, 1e-9);
}

TEST(Decapitation, FractionalWarheadsPerPost) {
  // 4 posts and 2.5% of the strike: 2.5 warheads, 2 arriving, 0.5 on each post. A post survives
  // with 0.5^0.5 = 1/sqrt(2), is destroyed with 1 - 1/sqrt(2) = 0.29289; all four with
  // 0.29289^4 = 0.0073593; q = 0.9 (1 - 0.0073593) = 0.893377 (no Perimeter).
  CommandCase c;
  c.striker_options.decapitation_share = 0.025;
  c.victim_options.command.nodes = 4;
  c.victim_options.command.perimeter = 0;
  const double destroyed = 1.0 - 1.0 / std::sqrt(2.0);
  EXPECT_NEAR(c.inputs().retaliation_share, 0.9 * (1.0 - destroyed * destroyed * destroyed * destroyed), 1e-12);
  EXPECT_NEAR(c.inputs().retaliation_share, 0.893377, 1e-6);
  EXPECT_NEAR(c.inputs().decapitation_warheads, 2.5, 1e-12);
}

TEST(Decapitation, NoDecapitationAndLostCommand) {
  // No warheads on command: the share is the plain survival 0.9 whatever Perimeter is, because
  // Perimeter acts only when command is lost: 0.9 + 0.1 x 0.8 = 0.98.
  CommandCase c;
  c.striker_options.decapitation_share = 0;
  EXPECT_NEAR(c.inputs().retaliation_share, 0.98, 1e-12);
  EXPECT_EQ(c.inputs().decapitation_warheads, 0.0);
  EXPECT_NEAR(c.inputs().striker_warheads, 100.0, 1e-12);
  // A command that never survives: only Perimeter's 0.8 retaliates, 16 of the 20.
  c.victim_options.command.survival = 0;
  EXPECT_NEAR(c.inputs().retaliation_share, 0.8, 1e-12);
  EXPECT_NEAR(c.strike().retaliation_arriving, 16.0, 1e-9);
  // Plain function checks: survival 1, no warheads, no Perimeter: everything retaliates.
  CommandAndControl sure;
  EXPECT_EQ(retaliation_share(sure, Posture::kDayToDay, 0.0), 1.0);
  // One post, p 0.9, 2 warheads: destroyed with 1 - 0.1^2 = 0.99, q = 0.01 (survival 1).
  sure.node_kill_probability = 0.9;
  EXPECT_NEAR(command_survival(sure, Posture::kDayToDay, 2.0), 0.01, 1e-12);
}

TEST(Devolution, TwoRoutesByHand) {
  // Command of 2 posts (p 0.5), survival 0.9 day to day; 4 warheads arrive: q = 0.39375 (above).
  // Route A: survives 0.5 day to day, 0.9 generated, reliability 0.8, orders all forces:
  // a_A = 0.4 (0.72 generated). Route B: always survives, reliability 0.5, orders 60%: a_B = 0.5.
  // The widest working route sets the share: A first (f 1), then B (f 0.6):
  //   day to day: 1 x 0.4 + 0.6 x 0.5 x (1 - 0.4) = 0.4 + 0.18 = 0.58;
  //   rho = 0.39375 + 0.60625 x 0.58 = 0.745375.
  CommandAndControl c;
  c.survival = 0.9;
  c.nodes = 2;
  c.node_kill_probability = 0.5;
  const std::vector<DevolutionRoute> routes{
      DevolutionRoute{.name = "A", .survival_day_to_day = 0.5, .survival_generated = 0.9, .reliability = 0.8},
      DevolutionRoute{.name = "B", .survival_day_to_day = 1.0, .reliability = 0.5, .forces_share = 0.6}};
  c.devolution = routes;
  EXPECT_NEAR(devolution_share(c, Posture::kDayToDay), 0.58, 1e-15);
  EXPECT_NEAR(retaliation_share(c, Posture::kDayToDay, 4.0), 0.745375, 1e-15);
  // Listed the other way round, the same (the order is by the forces each orders).
  const std::vector<DevolutionRoute> reversed{routes[1], routes[0]};
  c.devolution = reversed;
  EXPECT_NEAR(devolution_share(c, Posture::kDayToDay), 0.58, 1e-15);
  c.devolution = routes;
  // Generated: a_A = 0.9 x 0.8 = 0.72, devolution 0.72 + 0.6 x 0.5 x 0.28 = 0.804. Command
  // generated: survival 0.95, 4 posts; 4 warheads, 1 on each: a post destroyed with 0.5, all four
  // with 0.0625, q = 0.95 x 0.9375 = 0.890625; rho = 0.890625 + 0.109375 x 0.804 = 0.9785625.
  c.survival_generated = 0.95;
  c.nodes_generated = 4;
  EXPECT_NEAR(devolution_share(c, Posture::kGenerated), 0.804, 1e-15);
  EXPECT_NEAR(command_survival(c, Posture::kGenerated, 4.0), 0.890625, 1e-15);
  EXPECT_NEAR(retaliation_share(c, Posture::kGenerated, 4.0), 0.9785625, 1e-15);
  // Day to day is unchanged by the generated values.
  EXPECT_NEAR(retaliation_share(c, Posture::kDayToDay, 4.0), 0.745375, 1e-15);
  // Every route ordering all forces: 1 - (1 - 0.4)(1 - 0.5) = 0.7. The older `perimeter` 0.8 is
  // one more such route: 1 - 0.6 x 0.5 x 0.2 = 0.94.
  std::vector<DevolutionRoute> full = routes;
  full[1].forces_share = 1.0;
  c.devolution = full;
  EXPECT_NEAR(devolution_share(c, Posture::kDayToDay), 0.7, 1e-15);
  c.perimeter = 0.8;
  EXPECT_NEAR(devolution_share(c, Posture::kDayToDay), 0.94, 1e-15);
}

TEST(Decapitation, OptimisedEqualsABruteForceGridOfTheClosedFormCost) {
  // The tiny force above (W 100 at reliability 0.8; 20 victim warheads would arrive back, none
  // targetable, so s* = 0), the victim's command described: 2 posts, p 0.5, survival 0.9,
  // Perimeter 0.8; up to 20 warheads per post (40 in all). d warheads on command: the value strike
  // is 0.8 (100 - d), the retaliation 20 rho(d) with rho(d) = q + (1 - q) 0.8,
  // q = 0.9 (1 - (1 - 0.5^(0.8 d / 2))^2). The cost C_A(d) by the test's own hand_cost.
  CommandCase c;
  c.parameters.decapitation = DecapitationRule::kOptimised;
  c.parameters.max_warheads_per_target = 20;
  c.victim_options.command.described = true;
  const auto cost = [](double d, double perimeter) {
    const double q = 0.9 * (1.0 - std::pow(1.0 - std::pow(0.5, 0.8 * d / 2.0), 2.0));
    return hand_cost(20.0 * (q + (1.0 - q) * perimeter), 100, 0.8 * (100.0 - d), 100);
  };
  for (double perimeter : {0.8, 0.0}) {
    c.victim_options.command.perimeter = perimeter;
    const FirstStrike strike = c.strike();
    // Brute force over whole counts 0..40: the least cost (measured: 12 with Perimeter, 23 without).
    double best_d = 0.0;
    for (int d = 1; d <= 40; ++d) {
      if (cost(d, perimeter) < cost(best_d, perimeter)) best_d = d;
    }
    EXPECT_EQ(strike.decapitation_spent, best_d) << perimeter;
    EXPECT_EQ(best_d, perimeter > 0.0 ? 12.0 : 23.0);
    EXPECT_NEAR(strike.cost_striker, cost(best_d, perimeter), 1e-12);
    // A fine grid of real-valued spends (step 0.001) does no better than the whole count by more
    // than 2e-5 of cost (measured 1.9e-5 at d = 11.628 with Perimeter, 5.5e-6 at 22.796 without):
    // a whole number of warheads is what a planner can aim.
    double grid = cost(0.0, perimeter);
    for (int k = 1; k <= 40000; ++k) grid = std::min(grid, cost(k / 1000.0, perimeter));
    EXPECT_LE(strike.cost_striker, grid + 2e-5);
    EXPECT_GE(strike.cost_striker, grid);
    // Against no decapitation (the undescribed command): lower cost for the striker.
    CommandCase undescribed = c;
    undescribed.victim_options.command.described = false;
    EXPECT_EQ(undescribed.strike().decapitation_spent, 0.0);
    EXPECT_NEAR(undescribed.strike().cost_striker, cost(0.0, perimeter), 1e-12);
  }
  // At most max_warheads_per_target per post: with 2 per post, the 4 of the cap (the cost falls
  // all the way to it).
  c.parameters.max_warheads_per_target = 2;
  EXPECT_EQ(c.strike().decapitation_spent, 4.0);
}

TEST(Decapitation, CommandSurvivalByTheVictimsPosture) {
  // The fixed 5 warheads of the first test (q = 0.39375 day to day). Generated, survival 0.5 and
  // 4 posts: 4 arriving, 1 on each, all destroyed with 0.5^4 = 0.0625, q = 0.5 x 0.9375 = 0.46875;
  // rho = 0.46875 + 0.53125 x 0.8 = 0.89375. The striker's posture does not change it.
  CommandCase c;
  c.victim_options.command.survival_generated = 0.5;
  c.victim_options.command.nodes_generated = 4;
  const auto share = [&](Posture striker, Posture victim) {
    return real_strike_inputs(c.striker, striker, c.victim, victim, c.parameters, c.striker_options, c.victim_options)
        .retaliation_share;
  };
  EXPECT_NEAR(share(Posture::kDayToDay, Posture::kDayToDay), 0.87875, 1e-12);
  EXPECT_NEAR(share(Posture::kGenerated, Posture::kDayToDay), 0.87875, 1e-12);
  EXPECT_NEAR(share(Posture::kDayToDay, Posture::kGenerated), 0.89375, 1e-12);
}

TEST(DevolutionLoader, RoutesAndGeneratedValuesAreRead) {
  test::TempDir dir;
  const std::string head = R"(name: routes
sides:
  US:
    force: us-2026-11-01
  RU:
    force: ru-2026-11-01
    command:
      survival: 0.9
      survival_generated: 0.95
      nodes: 10
      nodes_generated: 14
      devolution:
        - name: Il-80
          survival_day_to_day: 0.3
          survival_generated: 0.85
)";
  const DataCatalog catalog(STRATSTAB_SOURCE_DIR "/data");
  const auto good = read_scenario(dir.write("good.yaml", head + "          reliability: 0.8\n"), {}, &catalog);
  ASSERT_TRUE(good.value.has_value()) << test::dump(good.diagnostics);
  const ScenarioSide& ru = good.value->sides[1];
  EXPECT_EQ(ru.command.survival_in(Posture::kGenerated), 0.95);
  EXPECT_EQ(ru.command.nodes_in(Posture::kGenerated), 14);
  EXPECT_EQ(ru.command.nodes_in(Posture::kDayToDay), 10);
  ASSERT_EQ(ru.devolution.size(), 1U);
  EXPECT_EQ(ru.devolution[0].works(Posture::kGenerated), 0.85 * 0.8);
  EXPECT_EQ(ru.devolution[0].forces_share, 1.0);  // the key table's default
  EXPECT_TRUE(side_options(ru).command.described);
  EXPECT_EQ(side_options(ru).command.devolution.size(), 1U);
  // Without its reliability: a located error at the route.
  const auto bad = read_scenario(dir.write("bad.yaml", head), {}, &catalog);
  ASSERT_FALSE(bad.value.has_value());
  ASSERT_EQ(bad.diagnostics.size(), 1U) << test::dump(bad.diagnostics);
  EXPECT_EQ(bad.diagnostics[0].where.key_path, "sides.RU.command.devolution[0].reliability")
      << test::dump(bad.diagnostics);
}

/// The bundled scenario as it was before devolution routes (one `perimeter` figure and a fixed
/// decapitation share): tests/data/command/perimeter-single-route.yaml.
class BundledPerimeter : public ::testing::Test {
 protected:
  Scenario load(const std::vector<std::string>& sets) {
    // Prepared: the damage curves come from the city tables there (prepare.hpp).
    return prepare_scenario(load_scenario(STRATSTAB_TEST_DATA_DIR "/command/perimeter-single-route.yaml",
                                          Override::parse_all(sets), &catalog_));
  }
  DataCatalog catalog_{STRATSTAB_SOURCE_DIR "/data"};
};

TEST_F(BundledPerimeter, TheOlderKeysGiveTodaysIndices) {
  // `stratstab assess perimeter` before devolution routes and the optimised count, as
  // docs/usersguide.md printed it ("Decapitation and Perimeter"): index 0.576628, US C1 0.532842,
  // C2 0.791017, RU C1 0.591075, C2 0.690494; with the readiness and targets of then
  // (`options.striker_readiness: no_notice`, `options.targets: launchers`, `options.w80: snapshot`).
  const StabilityResult r = evaluate_scenario(
      load({"options.striker_readiness=no_notice", "options.targets=launchers", "options.w80=snapshot"}));
  EXPECT_NEAR(r.index, 0.576628, 1e-6);
  EXPECT_NEAR(r.a.c1, 0.532842, 1e-6);
  EXPECT_NEAR(r.a.c2, 0.791017, 1e-6);
  EXPECT_NEAR(r.b.c1, 0.591075, 1e-6);
  EXPECT_NEAR(r.b.c2, 0.690494, 1e-6);
}

TEST_F(BundledPerimeter, RetaliationShareFromTheSnapshotFigures) {
  // The US strikes Russia first, aiming 2% of its strike at Russia's 10 command posts (kill
  // probability 0.9 each, survival 0.9 otherwise; Perimeter 0.8): data/scenarios/perimeter.yaml.
  // The US strike W and its arriving part A, summed here from the snapshot's systems by the
  // readiness rule of docs/methods.md §6 (Kent and Thaler's: silo ICBMs all, every other warhead x
  // striker availability 0.9), nuclear central systems only. 0.02 W warheads arrive at the mean reliability A / W: 0.02
  // A on 10 posts.
  const Scenario on = load({"options.draw_down=greedy"});
  const ForceSnapshot& us = *on.sides[0].forces;
  const double availability = on.parameters.striker_availability;
  double w = 0.0;
  double a = 0.0;
  for (const System& system : us.systems) {
    if (system.payload != Payload::kNuclear) continue;
    double ready = 0.0;
    if (system.basing == Basing::kSilo) ready = 1.0;
    if (system.basing == Basing::kMobile || system.basing == Basing::kSsbn || system.basing == Basing::kBomber) {
      ready = availability;
    }
    w += system.launchers_deployed.value * system.warheads_per_launcher.value * ready;
    a += system.launchers_deployed.value * system.warheads_per_launcher.value * ready * system.reliability.value;
  }
  ASSERT_GT(w, 500.0);  // `stratstab assess perimeter` lists 1,543.0 ready of the 1,670 loaded
  const double per_post = 0.02 * a / 10.0;
  const double q = 0.9 * (1.0 - std::pow(1.0 - std::pow(0.1, per_post), 10.0));
  const StabilityResult r_on = evaluate_scenario(on);
  const StabilityResult r_off =
      evaluate_scenario(load({"options.draw_down=greedy", "sides.RU.command.perimeter={value: 0, range: [0, 0.95]}"}));
  EXPECT_NEAR(r_on.a_strikes_b.decapitation_spent, 0.02 * w, 1e-9);
  EXPECT_NEAR(r_off.a_strikes_b.retaliation_share, q, 1e-12);
  EXPECT_NEAR(r_on.a_strikes_b.retaliation_share, q + (1.0 - q) * 0.8, 1e-12);
  // Perimeter makes striking Russia first cost the US more.
  EXPECT_GT(r_on.a.c1, r_off.a.c1);
}

}  // namespace
}  // namespace stratstab

// Decapitation and Perimeter (command.hpp, real_strike.cpp): the warheads a striker aims at the
// victim's command leave its strike, arrive at its mean reliability on the command posts, and set
// the share of the victim's surviving forces that retaliate, q + (1 - q) perimeter. Numbers
// derived on paper for a tiny force and, for the bundled scenario, from the snapshot's figures by
// the test's own sum.
#include <gtest/gtest.h>

#include <cmath>

#include "small_forces.hpp"
#include "stratstab/catalog.hpp"
#include "stratstab/command.hpp"
#include "stratstab/exchange.hpp"
#include "stratstab/scenario.hpp"

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
  EXPECT_EQ(retaliation_share(sure, 0.0), 1.0);
  // One post, p 0.9, 2 warheads: destroyed with 1 - 0.1^2 = 0.99, q = 0.01 (survival 1).
  sure.node_kill_probability = 0.9;
  EXPECT_NEAR(command_survival(sure, 2.0), 0.01, 1e-12);
}

class BundledPerimeter : public ::testing::Test {
 protected:
  Scenario load(const std::vector<std::string>& sets) {
    return load_scenario(catalog_.scenario_path("perimeter"), Override::parse_all(sets), &catalog_);
  }
  DataCatalog catalog_{STRATSTAB_SOURCE_DIR "/data"};
};

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
  const StabilityResult r_off = evaluate_scenario(load({"options.draw_down=greedy", "sides.RU.command.perimeter=0"}));
  EXPECT_NEAR(r_on.a_strikes_b.decapitation_spent, 0.02 * w, 1e-9);
  EXPECT_NEAR(r_off.a_strikes_b.retaliation_share, q, 1e-12);
  EXPECT_NEAR(r_on.a_strikes_b.retaliation_share, q + (1.0 - q) * 0.8, 1e-12);
  // Perimeter makes striking Russia first cost the US more.
  EXPECT_GT(r_on.a.c1, r_off.a.c1);
}

}  // namespace
}  // namespace stratstab

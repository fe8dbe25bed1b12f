// Suppression of a missile defence's ground sites (defence.hpp, real_strike.cpp): the warheads a
// striker spends on the sites, what they leave of the suppressible layers' interceptors, and the
// striker's choice of warheads per site, against numbers derived on paper for a tiny force.
#include <gtest/gtest.h>

#include <array>
#include <cmath>

#include "small_forces.hpp"
#include "stratstab/defence.hpp"
#include "stratstab/exchange.hpp"

namespace stratstab {
namespace {

using test::hand_cost;
using test::small_snapshot;
using test::small_system;

/// The striker: 100 silo ICBMs of one warhead, reliability 0.8 (W = 100, 80 arriving; silos are
/// all ready). The victim: 10 SSBNs of 4 warheads, reliability 0.5, all at sea day to day (no
/// counterforce target, so s* = 0 and every cost is in closed form; 40 x 0.5 = 20 arrive in
/// retaliation), with a value defence of 50 interceptors in one suppressible layer that kills
/// every warhead it engages (SSPK 1, one shot, T 1: capacity = floor(interceptors)) and two sites,
/// each killed by an arriving warhead with probability 0.5. Both w80 = 100.
struct SuppressionCase {
  ForceSnapshot striker = test::hundred_silo_striker();
  ForceSnapshot victim = test::ssbns_at_sea_victim();
  MissileDefence defence = [] {
    MissileDefence d;
    d.interceptors = 50;
    DefenceLayer layer;
    layer.name = "ground";
    layer.sspk = 1;
    layer.shots = 1;
    layer.tracking_reliability = 1;
    layer.inventory_share = 1;
    layer.suppressible = true;
    d.layers = {layer};
    d.covers = DefenceCoverage::kValue;
    d.sites = 2;
    d.site_kill_probability = 0.5;
    return d;
  }();
  StabilityParameters parameters = [] {
    StabilityParameters p;
    p.draw_down = DrawDownMethod::kGreedy;
    p.max_warheads_per_target = 8;
    return p;
  }();

  SideOptions striker_options;

  [[nodiscard]] SideOptions victim_options() const {
    SideOptions o;
    o.defence = &defence;
    return o;
  }
  [[nodiscard]] StrikeInputs inputs(int per_site) const {
    return real_strike_inputs(striker, Posture::kDayToDay, victim, Posture::kDayToDay, parameters, striker_options,
                              victim_options(), per_site);
  }
  [[nodiscard]] FirstStrike strike() const {
    return real_first_strike(striker, Posture::kDayToDay, victim, Posture::kDayToDay, parameters, striker_options,
                             victim_options());
  }
};

// By hand, k warheads on each of the 2 sites:
//   spent 2k; W = 100 - 2k; arriving 80 - 0.8 (2k) = 80 - 1.6k;
//   a site survives one arriving warhead with 1 - 0.8 x 0.5 = 0.6, so k of them with 0.6^k, and
//   the layer keeps 50 x 0.6^k interceptors: capacity floor(50 x 0.6^k) =
//     k = 0: 50, 1: 30, 2: 18, 3: floor(10.8) = 10, 4: floor(6.48) = 6, 5: floor(3.888) = 3,
//     6: floor(2.3328) = 2, 7: floor(1.39968) = 1, 8: floor(0.839808) = 0;
//   value warheads through the defence L_k = (80 - 1.6k) - capacity_k =
//     30, 48.4, 58.8, 65.2, 67.6, 69, 68.4, 67.8, 67.2.
constexpr std::array<double, 9> kCapacity{50, 30, 18, 10, 6, 3, 2, 1, 0};
constexpr std::array<double, 9> kThrough{30, 48.4, 58.8, 65.2, 67.6, 69, 68.4, 67.8, 67.2};

TEST(Suppression, WarheadsOnSitesAndInterceptorsLeftByHand) {
  const SuppressionCase c;
  for (int k = 0; k <= 8; ++k) {
    const StrikeInputs in = c.inputs(k);
    EXPECT_DOUBLE_EQ(in.suppression_warheads, 2.0 * k) << "k = " << k;
    EXPECT_NEAR(in.striker_warheads, 100.0 - 2.0 * k, 1e-12) << "k = " << k;
    EXPECT_NEAR(in.striker_arriving, 80.0 - 1.6 * k, 1e-12) << "k = " << k;
    // The value defence at the strike's full arriving count, and at 100 arriving (100 - capacity).
    EXPECT_NEAR(in.victim_defence.through(in.striker_arriving), kThrough[k], 1e-9) << "k = " << k;
    EXPECT_NEAR(in.victim_defence.through(100.0), 100.0 - kCapacity[k], 1e-9) << "k = " << k;
  }
}

TEST(Suppression, ChoosesTheWarheadsPerSiteThatLetMostThrough) {
  // The retaliation is 20 whatever k is (no counterforce target, no striker defence), so the
  // cheapest strike for the striker is the one that gets most warheads to value: k = 5 (L = 69,
  // above k = 4's 67.6 and k = 6's 68.4). Its cost by hand: C_A = D(20)^0.75 + 0.3 (1 - D(69)^0.75).
  const SuppressionCase c;
  const FirstStrike chosen = c.strike();
  EXPECT_DOUBLE_EQ(chosen.suppression_spent, 10.0);
  EXPECT_NEAR(chosen.remaining_arriving, 69.0, 1e-9);
  EXPECT_NEAR(chosen.retaliation_arriving, 20.0, 1e-12);
  EXPECT_NEAR(chosen.cost_striker, hand_cost(20, 100, 69, 100), 1e-12);
  // Every other choice costs more (by hand from the table, not from the library).
  for (int k = 0; k <= 8; ++k) {
    if (k != 5) EXPECT_GT(hand_cost(20, 100, kThrough[k], 100), chosen.cost_striker + 1e-6) << "k = " << k;
  }

  // At most 4 per site (max_warheads_per_target bounds the search): k = 4, L = 67.6.
  SuppressionCase four = c;
  four.parameters.max_warheads_per_target = 4;
  const FirstStrike capped = four.strike();
  EXPECT_DOUBLE_EQ(capped.suppression_spent, 8.0);
  EXPECT_NEAR(capped.remaining_arriving, 67.6, 1e-9);
  EXPECT_NEAR(capped.cost_striker, hand_cost(20, 100, 67.6, 100), 1e-12);
}

TEST(Suppression, OpensTheSiloDefenceForTheCounterforce) {
  // The same defence covering silos instead: the victim has 100 silos of one warhead (1,000 psi,
  // reliability 0.5) and no SSBNs; the ICBMs (1 Mt, CEP 485.224 m = the lethal radius on 1,000 psi,
  // so SSPK 0.5 and p = 0.8 x 0.5 = 0.4) are the counterforce. Undefended (greedy, at most 2 a
  // silo): a first shot destroys 0.5 x 0.4 = 0.2 of the retaliation, a second 0.2 x 0.6 = 0.12, so
  // K(s) = 0.2 s to s = 100, then 20 + 0.12 (s - 100). Behind the silo defence the counterforce
  // arrives at its reliability 0.8 and the layer stops the first capacity_k of it:
  // K_d(s) = K(max(0, 0.8 s - capacity_k) / 0.8), capacity_k from the table above.
  //   k = 0 (50): K_d(50) = K(0) = 0; K_d(100) = K(37.5) = 7.5; K_d(150) = K(87.5) = 17.5;
  //               K_d ends where the 100 ready ICBMs are all through: 0.8 s - 50 = 80, s = 162.5.
  //   k = 1 (30): K_d(50) = K(12.5) = 2.5; K_d(100) = K(62.5) = 12.5.
  //   k = 2 (18): K_d(50) = K(27.5) = 5.5; K_d(100) = K(77.5) = 15.5.
  SuppressionCase c;
  c.striker.systems[0].cep_m = test::figure(2.62 * 1852.0 / 10.0);
  c.victim = small_snapshot("victim", 100, {small_system("silo", Basing::kSilo, VehicleClass::kIcbm, 100, 1, 0.5)});
  c.defence.covers = DefenceCoverage::kSilos;
  c.parameters.max_warheads_per_target = 2;
  const StrikeInputs k0 = c.inputs(0);
  EXPECT_TRUE(k0.victim_defence.is_identity());  // nothing covers value
  EXPECT_NEAR(k0.draw_down.kills(50), 0.0, 1e-9);
  EXPECT_NEAR(k0.draw_down.kills(100), 7.5, 1e-9);
  EXPECT_NEAR(k0.draw_down.kills(150), 17.5, 1e-9);
  EXPECT_NEAR(k0.draw_down.saturation(), 162.5, 1e-9);
  const StrikeInputs k1 = c.inputs(1);
  EXPECT_NEAR(k1.draw_down.kills(50), 2.5, 1e-9);
  EXPECT_NEAR(k1.draw_down.kills(100), 12.5, 1e-9);
  const StrikeInputs k2 = c.inputs(2);
  EXPECT_NEAR(k2.draw_down.kills(50), 5.5, 1e-9);
  EXPECT_NEAR(k2.draw_down.kills(100), 15.5, 1e-9);
}

TEST(Suppression, OnlySuppressibleLayersLoseInterceptors) {
  // 1,000 interceptors, a suppressible layer with 60% and a terminal layer with 40% that is not;
  // covering both, 25% kept for the silos; half of the sites' interceptors survive.
  MissileDefence d;
  d.interceptors = 1000;
  DefenceLayer a;
  a.inventory_share = 0.6;
  a.suppressible = true;
  DefenceLayer b;
  b.inventory_share = 0.4;
  b.suppressible = false;
  d.layers = {a, b};
  d.covers = DefenceCoverage::kBoth;
  d.silo_share = 0.25;
  // Against silo attack: 1000 x 0.6 x 0.25 x 0.5 = 75 and 1000 x 0.4 x 0.25 = 100.
  const std::vector<double> silo = layer_interceptors(d, true, 0.5);
  ASSERT_EQ(silo.size(), 2u);
  EXPECT_NEAR(silo[0], 75.0, 1e-12);
  EXPECT_NEAR(silo[1], 100.0, 1e-12);
  // Against the value strike: 1000 x 0.6 x 0.75 x 0.5 = 225 and 1000 x 0.4 x 0.75 = 300.
  const std::vector<double> value = layer_interceptors(d, false, 0.5);
  EXPECT_NEAR(value[0], 225.0, 1e-12);
  EXPECT_NEAR(value[1], 300.0, 1e-12);
  // A value-only defence has nothing against a silo attack, a silo-only one nothing against value.
  d.covers = DefenceCoverage::kValue;
  EXPECT_EQ(layer_interceptors(d, true, 1.0), (std::vector<double>{0.0, 0.0}));
  d.covers = DefenceCoverage::kSilos;
  EXPECT_EQ(layer_interceptors(d, false, 1.0), (std::vector<double>{0.0, 0.0}));
}

TEST(Suppression, NothingToSuppressWithoutSuppressibleSitesAndNoMoreThanTheStrike) {
  // The same layer not suppressible: the striker spends nothing on the sites (real_first_strike
  // does not try), and all 80 arriving warheads meet 50 interceptors: L = 30.
  SuppressionCase hard;
  hard.defence.layers[0].suppressible = false;
  const FirstStrike strike = hard.strike();
  EXPECT_EQ(strike.suppression_spent, 0.0);
  EXPECT_NEAR(strike.remaining_arriving, 30.0, 1e-9);
  // Asked for anyway, 3 per site cost 6 warheads (4.8 arriving) and leave the interceptors:
  // 75.2 - 50 = 25.2.
  const StrikeInputs asked = hard.inputs(3);
  EXPECT_NEAR(asked.victim_defence.through(asked.striker_arriving), 25.2, 1e-9);

  // 60 sites at 2 per site would take 120 warheads; the strike has 100, so it spends 100.
  SuppressionCase many;
  many.defence.sites = 60;
  const StrikeInputs in = many.inputs(2);
  EXPECT_DOUBLE_EQ(in.suppression_warheads, 100.0);
  EXPECT_NEAR(in.striker_warheads, 0.0, 1e-12);
  EXPECT_NEAR(in.striker_arriving, 0.0, 1e-12);
  // With 5% of the strike on the victim's command first, 95 are left for the sites.
  many.striker_options.decapitation_share = 0.05;
  const StrikeInputs both = many.inputs(2);
  EXPECT_NEAR(both.decapitation_warheads, 5.0, 1e-12);
  EXPECT_NEAR(both.suppression_warheads, 95.0, 1e-12);
  EXPECT_NEAR(both.striker_warheads, 0.0, 1e-12);
}

}  // namespace
}  // namespace stratstab

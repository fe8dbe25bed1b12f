// Kent–Thaler first-strike stability: the worked example of docs/methods.md §7 (with and without launch under
// attack), closed forms of the pieces, and the stopping rule against brute force.
#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "stratstab/stability.hpp"

namespace stratstab {
namespace {

const AbstractSide kSideA{300, 2, 50, 12, 0.5, 0.75, 800};
const AbstractSide kSideB{250, 4, 35, 8, 0.35, 0.85, 1000};

TEST(KentThalerTest, MethodWorkedExampleWithoutLaunchUnderAttack) {
  const StabilityResult r = evaluate_abstract(kSideA, kSideB, StabilityParameters{});
  EXPECT_NEAR(r.a.c1, 0.488995, 1e-6);
  EXPECT_NEAR(r.a.c2, 0.915362, 1e-6);
  EXPECT_NEAR(r.b.c1, 0.575457, 1e-6);
  EXPECT_NEAR(r.b.c2, 0.875954, 1e-6);
  EXPECT_NEAR(r.index, 0.350948, 1e-6);
}

TEST(KentThalerTest, MethodWorkedExampleWithLaunchUnderAttack) {
  StabilityParameters p;
  p.launch_under_attack = true;
  const StabilityResult r = evaluate_abstract(kSideA, kSideB, p);
  EXPECT_NEAR(r.a.c1, 0.957917, 1e-6);
  EXPECT_NEAR(r.a.c2, 0.969729, 1e-6);
  EXPECT_NEAR(r.b.c1, 0.839756, 1e-6);
  EXPECT_NEAR(r.b.c2, 0.892666, 1e-6);
  EXPECT_NEAR(r.index, 0.929269, 1e-6);
}

TEST(KentThalerTest, DamageCurveHitsEightyPercentAtW80) {
  EXPECT_NEAR(damage(800, 800), 0.8, 1e-15);
  EXPECT_NEAR(damage(1600, 800), 0.96, 1e-15);  // 1 - 0.2^2
  EXPECT_EQ(damage(0, 800), 0.0);
}

TEST(KentThalerTest, HomogeneousDrawDownByHand) {
  // 10 launchers x 2 warheads, p = 0.5, at most 2 per target: first warheads kill 1 each (10 of
  // them), second ones 0.5 each. K(15) = 10 + 5 * 0.5 = 12.5; K(20) = 15 = 10 * 2 * (1 - 0.25).
  const DrawDown k = homogeneous_draw_down({HomogeneousTarget{10, 2, 1}}, 0.5, 2);
  ASSERT_EQ(k.pieces.size(), 2U);
  EXPECT_DOUBLE_EQ(k.kills(15), 12.5);
  EXPECT_DOUBLE_EQ(k.kills(20), 15.0);
  EXPECT_DOUBLE_EQ(k.kills(99), 15.0);
  // Two classes interleave by marginal value: 4-warhead launchers' second shots (4*0.5*0.5 = 1)
  // tie with 2-warhead launchers' first shots (2*0.5 = 1); the 4-warhead first shots (2) lead.
  const DrawDown mixed = homogeneous_draw_down({HomogeneousTarget{5, 2, 1}, HomogeneousTarget{3, 4, 1}}, 0.5, 2);
  ASSERT_EQ(mixed.pieces.size(), 4U);
  EXPECT_DOUBLE_EQ(mixed.pieces[0].slope, 2.0);
  EXPECT_DOUBLE_EQ(mixed.pieces[0].width, 3.0);
  EXPECT_DOUBLE_EQ(mixed.kills(3), 6.0);
}

TEST(KentThalerTest, RatioIsClippedAndIndexInUnitInterval) {
  const StabilityResult r = evaluate_abstract(kSideA, kSideB, StabilityParameters{});
  EXPECT_NEAR(r.a.ratio_unclipped, 0.488995 / 0.915362, 1e-5);
  EXPECT_LE(r.a.ratio, 1.0);
  EXPECT_GE(r.index, 0.0);
  EXPECT_LE(r.index, 1.0);
  // Invulnerable sides (every launcher survivable and on alert): no counterforce pays, so each
  // side's cost of striking first equals its cost of being struck first and the index is 1.
  const AbstractSide hidden{0, 0, 100, 4, 1.0, 0.8, 500};
  const StabilityResult safe = evaluate_abstract(hidden, hidden, StabilityParameters{});
  EXPECT_NEAR(safe.index, 1.0, 1e-12);
  EXPECT_EQ(safe.a_strikes_b.counterforce_spent, 0.0);
}

/// C_A(s) computed directly from the definitions, for brute force.
double striker_cost(const StrikeInputs& in, const StabilityParameters& p, double s) {
  const double u = std::max(0.0, in.victim_warheads - in.draw_down.kills(s));
  const double l = in.striker_warheads - s;
  const double ds = std::pow(damage(u, in.striker_w80), p.cost_exponent);
  const double dv = std::pow(damage(l, in.victim_w80), p.cost_exponent);
  return ds + p.surcharge * (1.0 - dv);
}

TEST(KentThalerTest, StoppingRuleIsNoWorseThanAFineGrid) {
  std::mt19937 rng(20261121);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  const StabilityParameters p;
  for (int trial = 0; trial < 40; ++trial) {
    StrikeInputs in;
    in.striker_warheads = 200 + 2000 * unit(rng);
    in.victim_warheads = 200 + 2000 * unit(rng);
    in.striker_arriving = in.striker_warheads;
    in.victim_arriving = in.victim_warheads;
    in.striker_w80 = 200 + 1500 * unit(rng);
    in.victim_w80 = 200 + 1500 * unit(rng);
    in.draw_down = homogeneous_draw_down({HomogeneousTarget{50 + 400 * unit(rng), 1 + 9 * unit(rng), 1},
                                          HomogeneousTarget{20 + 100 * unit(rng), 1 + 11 * unit(rng), unit(rng)}},
                                         0.3 + 0.65 * unit(rng), 1 + trial % 3);
    const FirstStrike found = evaluate_first_strike(in, p);
    EXPECT_NEAR(found.cost_striker, striker_cost(in, p, found.counterforce_spent), 1e-12);
    constexpr int kGrid = 200000;
    double grid_min = 10.0;
    for (int i = 0; i <= kGrid; ++i)
      grid_min = std::min(grid_min, striker_cost(in, p, in.striker_warheads * i / kGrid));
    EXPECT_LE(found.cost_striker, grid_min + 1e-12) << "trial " << trial;
    EXPECT_GE(found.cost_striker, grid_min - 1e-6) << "trial " << trial;  // the grid is fine enough to come close
  }
}

}  // namespace
}  // namespace stratstab

// Concentration on undefended value (concentration.hpp, docs/methods.md §12.1): the best split
// against a brute-force search over splits, its limits (covered share -> 1: the even spread's
// damage; -> 0: no defence at all), and the tabulated D* against the split it tabulates.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <vector>

#include "stratstab/assessment.hpp"
#include "stratstab/catalog.hpp"
#include "stratstab/concentration.hpp"
#include "stratstab/damage.hpp"
#include "stratstab/defence.hpp"
#include "stratstab/draw_down.hpp"
#include "stratstab/exchange.hpp"
#include "stratstab/prepare.hpp"
#include "stratstab/scenario.hpp"
#include "stratstab/stability.hpp"

namespace stratstab {
namespace {

DefenceLayer layer(double sspk, double share, double footprint) {
  DefenceLayer l;
  l.name = "layer";
  l.sspk = sspk;
  l.shots = 1;
  l.inventory_share = share;
  l.footprint = footprint;
  return l;
}

/// The largest damage over `steps` + 1 evenly spaced splits x in [0, y] of y warheads, computed here
/// from the definition: (1 - F) D(x / (1 - F)) + F D(p(y - x) / F), p the partial layers inside the
/// covered region as this test builds it (one layer, kill P, capacity c, of footprint F).
double brute_force(const DamageCurve& d, double f, double kill, double capacity, double y, int steps) {
  double best = 0.0;
  for (int i = 0; i <= steps; ++i) {
    const double x = y * i / steps;
    const double z = y - x;
    const double through = z - kill * std::min(z, capacity);
    best = std::max(best, (1.0 - f) * d(x / (1.0 - f)) + f * d(through / f));
  }
  return best;
}

TEST(ConcentrationTest, UnsaturatedTerminalLayerMatchesBruteForceAndClosedForm) {
  // One terminal layer, SSPK 0.8, covering 30% of the value, with interceptors to spare (10^6): inside
  // the footprint 0.2 of the warheads pass. Exponential damage, w80 = 400.
  MissileDefence defence;
  defence.interceptors = 1e6;
  defence.layers = {layer(0.8, 1.0, 0.3)};
  const DamageCurve d = DamageCurve::exponential(400.0);
  const ConcentratedValueStrike strike(defence, {1e6}, 1.0, d);
  ASSERT_TRUE(strike.active());
  EXPECT_DOUBLE_EQ(strike.covered_share(), 0.3);
  for (double w : {10.0, 100.0, 400.0, 1000.0, 2500.0}) {
    const ValueSplit split = strike.best_split(w);
    EXPECT_NEAR(split.damage, brute_force(d, 0.3, 0.8, 1e12, w, 200000), 1e-9) << w;
    // First-order condition by hand: lambda e^(-lambda x / 0.7) = 0.2 lambda e^(-lambda 0.2 (w - x) / 0.3), so
    // x (1 / 0.7 + 0.2 / 0.3) = 0.2 w / 0.3 - ln(0.2) / lambda.
    const double lambda = std::log(5.0) / 400.0;
    const double x = std::clamp((0.2 * w / 0.3 - std::log(0.2) / lambda) / (1.0 / 0.7 + 0.2 / 0.3), 0.0, w);
    EXPECT_NEAR(split.uncovered, x, 1e-9 * std::max(1.0, w)) << w;
    EXPECT_NEAR(split.through, x + 0.2 * (w - x), 1e-9 * std::max(1.0, w)) << w;
  }
  // Few warheads all go to undefended value (the first of them destroy the most there).
  EXPECT_DOUBLE_EQ(strike.best_split(10.0).uncovered, 10.0);
}

TEST(ConcentrationTest, SaturatingLayerAndTabulatedCurveMatchBruteForce) {
  // A terminal layer that saturates at 150 warheads (kill 0.9), covering 45% of the value; a concave
  // tabulated damage curve from random decreasing slopes.
  std::mt19937 rng(7);
  std::uniform_real_distribution<double> u(0.0, 1.0);
  std::vector<double> slopes(12);
  for (double& s : slopes) s = u(rng);
  std::sort(slopes.rbegin(), slopes.rend());
  double total = 0.0;
  for (double s : slopes) total += s * 100.0;
  std::vector<DamagePoint> points{{0.0, 0.0}};
  for (std::size_t i = 0; i < slopes.size(); ++i) {
    points.push_back(DamagePoint{100.0 * (i + 1), points.back().d + slopes[i] * 100.0 / total * 0.95});
  }
  const DamageCurve d = DamageCurve::tabulated(points);
  MissileDefence defence;
  defence.interceptors = 150.0;
  defence.layers = {layer(0.9, 1.0, 0.45)};
  const ConcentratedValueStrike strike(defence, {150.0}, 1.0, d);
  for (double w : {50.0, 149.0, 300.0, 700.0, 1100.0}) {
    const double exact = strike.best_split(w).damage;
    const double grid = brute_force(d, 0.45, 0.9, 150.0, w, 400000);
    // The exact maximum is at least the grid's and above it by less than one grid step's worth.
    EXPECT_GE(exact, grid - 1e-12) << w;
    EXPECT_LE(exact, grid + 1e-7) << w;
  }
}

TEST(ConcentrationTest, LimitsOfTheCoveredShare) {
  const DamageCurve d = DamageCurve::exponential(500.0);
  // Footprint 1 everywhere: nothing to concentrate on.
  MissileDefence whole;
  whole.interceptors = 400.0;
  whole.layers = {layer(0.7, 0.5, 1.0), layer(0.9, 0.5, 1.0)};
  EXPECT_FALSE(ConcentratedValueStrike(whole, {200.0, 200.0}, 1.0, d).active());
  // A boost layer of footprint 1 then a terminal one covering all but 1e-7 of the value: the
  // uncovered value is worth almost nothing, so D* is the even spread through both layers.
  MissileDefence almost = whole;
  almost.layers[1].footprint = 1.0 - 1e-7;
  const ConcentratedValueStrike nearly_all(almost, {200.0, 200.0}, 1.0, d);
  MissileDefence all = whole;
  const Penetration even(all, {200.0, 200.0});
  for (double w : {50.0, 300.0, 900.0}) {
    EXPECT_NEAR(nearly_all.best_split(w).damage, d(even.through(w)), 1e-6) << w;
  }
  // A terminal layer covering 1e-7 of the value: the attacker avoids it; D* is D after the boost layer.
  MissileDefence tiny = whole;
  tiny.layers[1].footprint = 1e-7;
  const ConcentratedValueStrike almost_none(tiny, {200.0, 200.0}, 1.0, d);
  MissileDefence boost_only = whole;
  boost_only.layers.resize(1);
  const Penetration boost(boost_only, {200.0});
  for (double w : {50.0, 300.0, 900.0}) {
    EXPECT_NEAR(almost_none.best_split(w).damage, d(boost.through(w)), 1e-6) << w;
  }
}

TEST(ConcentrationTest, ConcentratingNeverDoesWorseThanTheEvenSplit) {
  // The even split (x = (1 - F) y) is one of the attacker's choices, so D* is at least its damage.
  const DamageCurve d = DamageCurve::exponential(300.0);
  MissileDefence defence;
  defence.interceptors = 250.0;
  defence.layers = {layer(0.85, 1.0, 0.4)};
  const ConcentratedValueStrike strike(defence, {250.0}, 1.0, d);
  for (double w = 0.0; w <= 2000.0; w += 37.0) {
    const double z = 0.4 * w;
    const double even = 0.6 * d(w) + 0.4 * d((z - 0.85 * std::min(z, 250.0)) / 0.4);
    EXPECT_GE(strike.best_split(w).damage, even - 1e-12) << w;
  }
}

TEST(ConcentrationTest, TabulatedCurveFollowsTheSplitAndIsConcaveBetweenItsKinks) {
  // Saturation makes D* turn upwards (past saturation each further warhead on covered value gets
  // through): the table keeps those kinks and is concave between them.
  const DamageCurve d = DamageCurve::exponential(400.0);
  MissileDefence defence;
  defence.interceptors = 300.0;
  defence.layers = {layer(0.95, 1.0, 0.5)};
  const ConcentratedValueStrike strike(defence, {300.0}, 1.0, d);
  const DamageCurve table = strike.curve(1500.0);
  EXPECT_TRUE(damage_point_problems(table.points(), table.kinks()).empty());
  EXPECT_FALSE(table.kinks().empty());
  // Without its kinks the table is not concave: D* really turns upwards here.
  EXPECT_FALSE(damage_point_problems(table.points()).empty());
  EXPECT_DOUBLE_EQ(table(0.0), 0.0);
  for (const DamagePoint& p : table.points()) EXPECT_NEAR(p.d, strike.best_split(p.w).damage, 1e-12) << p.w;
  // Between points the chord of a concave stretch lies below D* and close to it (257 points over 1,500).
  double gap = 0.0;
  for (double w = 0.0; w <= 1500.0; w += 0.25) {
    const double exact = strike.best_split(w).damage;
    EXPECT_LE(table(w), exact + 1e-12) << w;
    gap = std::max(gap, exact - table(w));
  }
  // Linear interpolation of a concave stretch is off by at most h^2 max|D''| / 8 (h the spacing,
  // 1,500 / 256); D*'s curvature is at most that of the denser region, lambda^2 / min(F, 1 - F).
  const double h = 1500.0 / 256.0;
  const double lambda = std::log(5.0) / 400.0;
  EXPECT_LT(gap, h * h * lambda * lambda / 0.5 / 8.0);
  EXPECT_GT(gap, 0.0);
}

TEST(ConcentrationTest, FirstStrikeOnKinkedCurvesIsNoWorseThanAFineGrid) {
  // Both sides' value behind saturating terminal layers with concentrating attackers: the search
  // over s, which cuts its pieces at the curves' kinks, against C_A on a fine grid of s computed
  // from the exact split (not the table).
  std::mt19937 rng(20261202);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  const StabilityParameters p;
  for (int trial = 0; trial < 12; ++trial) {
    MissileDefence a_defence;
    a_defence.interceptors = 50.0 + 400.0 * unit(rng);
    a_defence.layers = {layer(0.7 + 0.29 * unit(rng), 1.0, 0.2 + 0.6 * unit(rng))};
    MissileDefence b_defence;
    b_defence.interceptors = 50.0 + 400.0 * unit(rng);
    b_defence.layers = {layer(0.7 + 0.29 * unit(rng), 1.0, 0.2 + 0.6 * unit(rng))};
    StrikeInputs in;
    in.striker_warheads = 400.0 + 1500.0 * unit(rng);
    in.victim_warheads = 400.0 + 1500.0 * unit(rng);
    in.striker_arriving = in.striker_warheads;
    in.victim_arriving = in.victim_warheads;
    const ConcentratedValueStrike on_striker(a_defence, {a_defence.interceptors}, 1.0,
                                             DamageCurve::exponential(200.0 + 800.0 * unit(rng)));
    const ConcentratedValueStrike on_victim(b_defence, {b_defence.interceptors}, 1.0,
                                            DamageCurve::exponential(200.0 + 800.0 * unit(rng)));
    in.striker_damage = on_striker.curve(in.victim_arriving);
    in.victim_damage = on_victim.curve(in.striker_arriving);
    in.draw_down = homogeneous_draw_down({HomogeneousTarget{50 + 300 * unit(rng), 1 + 9 * unit(rng), 1},
                                          HomogeneousTarget{20 + 100 * unit(rng), 1 + 11 * unit(rng), unit(rng)}},
                                         0.3 + 0.65 * unit(rng), 1 + trial % 3);
    const auto cost = [&](double s, const DamageCurve& striker, const DamageCurve& victim) {
      const double u = std::max(0.0, in.victim_arriving - in.draw_down.kills(s));
      const double l = in.striker_arriving - s;
      return strike_cost(striker(u), victim(l), p).striker;
    };
    const FirstStrike found = evaluate_first_strike(in, p);
    EXPECT_NEAR(found.cost_striker, cost(found.counterforce_spent, in.striker_damage, in.victim_damage),
                1e-10);  // rounding of the pieces
    constexpr int kGrid = 100000;
    double grid_min = 10.0;
    double exact_min = 10.0;
    for (int i = 0; i <= kGrid; ++i) {
      const double s = in.striker_warheads * i / kGrid;
      grid_min = std::min(grid_min, cost(s, in.striker_damage, in.victim_damage));
      const double u = std::max(0.0, in.victim_arriving - in.draw_down.kills(s));
      exact_min = std::min(exact_min, strike_cost(on_striker.best_split(u).damage,
                                                  on_victim.best_split(in.striker_arriving - s).damage, p)
                                          .striker);
    }
    EXPECT_LE(found.cost_striker, grid_min + 1e-12) << "trial " << trial;
    EXPECT_GE(found.cost_striker, grid_min - 1e-6) << "trial " << trial;
    // The table's interpolation moves the least cost by little against the exact D*.
    EXPECT_NEAR(found.cost_striker, exact_min, 2e-4) << "trial " << trial;
  }
}

TEST(ConcentrationTest, GoldenDomeWithAConcentratingOffence) {
  // golden-dome with the option: the retaliation on the US, after the US strikes first, is the
  // split best_split gives for what is launched (independently rebuilt here from the scenario's
  // defence), "What moved the index" has the row, and its index is the option's off value.
  DataCatalog catalog{STRATSTAB_SOURCE_DIR "/data"};
  const auto load = [&](const std::vector<std::string>& sets) {
    return prepare_scenario(load_scenario(catalog.scenario_path("golden-dome"), Override::parse_all(sets), &catalog));
  };
  const Scenario on = load({"sides.US.defence.concentrate_on_undefended=true"});
  const Assessment a = assess_scenario(on);
  const FirstStrike& us_strikes = a.result.a_strikes_b;
  ASSERT_EQ(on.sides[0].id, "US");
  const MissileDefence& defence = *on.sides[0].defence;
  const ForceSnapshot& russia = *on.sides[1].forces;
  const DamageCurve us_damage =
      on.sides[0].damage_curve ? *on.sides[0].damage_curve : DamageCurve::exponential(on.sides[0].forces->w80.value);
  const ConcentratedValueStrike split(defence, layer_interceptors(defence, false, 1.0),
                                      mean_warheads_per_booster(russia), us_damage);
  ASSERT_TRUE(split.active());
  const ValueSplit expected = split.best_split(us_strikes.retaliation_launched);
  EXPECT_NEAR(us_strikes.retaliation_arriving, expected.through, 1e-9);
  EXPECT_NEAR(us_strikes.retaliation_on_undefended, expected.uncovered, 1e-9);
  EXPECT_GT(us_strikes.retaliation_on_undefended, 0.0);
  // The damage to the US is the tabulated D*, within its interpolation error of the exact split.
  EXPECT_NEAR(us_strikes.damage_to_striker, expected.damage, 1e-3);
  bool found = false;
  for (const Attribution& row : a.attributions) {
    if (row.feature.find("concentration on undefended value") == std::string::npos) continue;
    found = true;
    EXPECT_DOUBLE_EQ(row.index_without, evaluate_scenario(load({})).index);
  }
  EXPECT_TRUE(found);
}

}  // namespace
}  // namespace stratstab

// Collateral of counterforce near cities (options.collateral: cities, docs/methods.md §7): the
// share per warhead in a closed form, each draw-down's collateral against its own allocation, the
// first strike with collateral against a fine grid of s, and the default scenario end to end.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <random>
#include <string>
#include <vector>

#include "stratstab/assessment.hpp"
#include "stratstab/blast.hpp"
#include "stratstab/catalog.hpp"
#include "stratstab/collateral.hpp"
#include "stratstab/draw_down.hpp"
#include "stratstab/exchange.hpp"
#include "stratstab/prepare.hpp"
#include "stratstab/report.hpp"
#include "stratstab/scenario.hpp"
#include "stratstab/stability.hpp"

namespace stratstab {
namespace {

TEST(CounterforceCollateral, ShareOfOneCityAroundTheBaseInClosedForm) {
  // A city of 2 million at the base (radius sqrt(2e6 / (pi 4000)) = 12.6 km, more than the 5 psi
  // radius of 300 kt): a warhead aimed at the base with no field spread kills rho pi r^2 people. A
  // second city of 3 million far away only adds to the table's population. A second base of three
  // times the launchers, far from both, adds nothing but weight.
  CityTable table;
  table.cities = {City{1, "near", 2e6, 45.0, 10.0}, City{2, "far", 3e6, 10.0, 100.0}};
  Base near;
  near.lat_deg = 45.0;
  near.lon_deg = 10.0;
  near.launchers.value = 10;
  Base empty;
  empty.lat_deg = -40.0;
  empty.lon_deg = -60.0;
  empty.launchers.value = 30;
  const double r = surface_burst_radius_m(300.0, 5.0) / 1000.0;
  ASSERT_LT(r, std::sqrt(2e6 / (std::numbers::pi * 4000.0)));
  const double killed = 4000.0 * std::numbers::pi * r * r;
  const std::vector<const Base*> one{&near};
  EXPECT_NEAR(counterforce_collateral_share(table, one, 300.0, 0.0), killed / 5e6, 1e-12);
  const std::vector<const Base*> two{&near, &empty};
  EXPECT_NEAR(counterforce_collateral_share(table, two, 300.0, 0.0), killed / 5e6 * 10.0 / 40.0, 1e-12);
  // Asked again (the memo), the same number.
  EXPECT_EQ(counterforce_collateral_share(table, one, 300.0, 0.0),
            counterforce_collateral_share(table, one, 300.0, 0.0));
  EXPECT_EQ(counterforce_collateral_share(table, {}, 300.0, 0.0), 0.0);
}

CounterforceProblem random_problem(std::mt19937_64& rng) {
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  CounterforceProblem p;
  const int kinds = 1 + static_cast<int>(rng() % 4);
  const int targets = 1 + static_cast<int>(rng() % 6);
  p.max_warheads_per_target = 1 + static_cast<int>(rng() % 3);
  for (int k = 0; k < kinds; ++k) p.kinds.push_back({"k" + std::to_string(k), std::floor(10 + 300 * unit(rng)), 0.9});
  for (int t = 0; t < targets; ++t) {
    const double value = 0.5 + 10 * unit(rng);
    p.targets.push_back({"t" + std::to_string(t), std::floor(1 + 100 * unit(rng)), value, value, t % 2 == 0});
  }
  for (int k = 0; k < kinds; ++k) {
    for (int t = 0; t < targets; ++t) {
      p.kill_probability.push_back(0.05 + 0.9 * unit(rng));
      p.collateral.push_back(rng() % 3 == 0 ? 0.0 : 1e-4 * unit(rng));
    }
  }
  return p;
}

TEST(CounterforceCollateral, EachDrawDownCarriesTheCollateralOfItsAllocation) {
  // The collateral the pieces integrate to equals the collateral of the allocation the same method
  // makes at s: sum over patterns of (patterns used) x (collateral of their warheads).
  std::mt19937_64 rng(20261202);
  for (int trial = 0; trial < 200; ++trial) {
    const CounterforceProblem p = random_problem(rng);
    const DrawDown exact = exact_draw_down(p);
    const DrawDown clp = exact_draw_down_clp(p);
    const DrawDown greedy = greedy_draw_down(p);
    for (double share : {0.1, 0.37, 0.5, 0.83, 1.0}) {
      const double s = share * exact.saturation();
      EXPECT_NEAR(exact.collateral(s), exact_allocation(p, s).collateral, 1e-12) << trial << " " << s;
      EXPECT_NEAR(clp.collateral(share * clp.saturation()),
                  exact_allocation_clp(p, share * clp.saturation()).collateral, 1e-9)
          << trial;
      const double g = share * greedy.saturation();
      EXPECT_NEAR(greedy.collateral(g), greedy_allocation(p, g).collateral, 1e-12) << trial;
    }
  }
  // One kind, one class, one warhead per target: every warhead spent brings c.
  CounterforceProblem one;
  one.kinds = {{"a", 50, 1.0}};
  one.targets = {{"x", 20, 1.0, 1.0, true}};
  one.kill_probability = {0.8};
  one.collateral = {2e-4};
  one.max_warheads_per_target = 1;
  EXPECT_NEAR(exact_draw_down(one).collateral(15.0), 15.0 * 2e-4, 1e-15);
  EXPECT_NEAR(exact_draw_down(one).collateral(40.0), 20.0 * 2e-4, 1e-15);
  EXPECT_NEAR(greedy_draw_down(one).collateral(15.0), 15.0 * 2e-4, 1e-15);
}

TEST(CounterforceCollateral, FirstStrikeWithCollateralIsNoWorseThanAFineGrid) {
  std::mt19937 rng(42);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  const StabilityParameters p;
  for (int trial = 0; trial < 30; ++trial) {
    StrikeInputs in;
    in.striker_warheads = 300 + 1500 * unit(rng);
    in.victim_warheads = 300 + 1500 * unit(rng);
    in.striker_arriving = in.striker_warheads;
    in.victim_arriving = in.victim_warheads;
    in.striker_damage = DamageCurve::exponential(200 + 1200 * unit(rng));
    in.victim_damage = DamageCurve::exponential(200 + 1200 * unit(rng));
    in.draw_down = homogeneous_draw_down({HomogeneousTarget{50 + 300 * unit(rng), 1 + 9 * unit(rng), 1},
                                          HomogeneousTarget{20 + 100 * unit(rng), 1 + 11 * unit(rng), unit(rng)}},
                                         0.3 + 0.65 * unit(rng), 1 + trial % 3);
    // Up to 0.1% of the victim's value per counterforce warhead (the bundled figures are below it);
    // some pieces give back part of it (the allocation moves to patterns of less collateral).
    double last_slope = 0.0;
    for (DrawDownPiece& piece : in.draw_down.pieces) {
      piece.collateral_slope = last_slope > 0.0 && unit(rng) < 0.3 ? -0.5 * last_slope : 1e-3 * unit(rng);
      last_slope = piece.collateral_slope;
    }
    const auto cost = [&](double s) {
      const double u = std::max(0.0, in.victim_arriving - in.draw_down.kills(s));
      const double l = in.striker_arriving - s;
      const double victim = 1.0 - (1.0 - in.victim_damage(l)) * (1.0 - in.draw_down.collateral(s));
      return strike_cost(in.striker_damage(u), victim, p).striker;
    };
    const FirstStrike found = evaluate_first_strike(in, p);
    EXPECT_NEAR(found.cost_striker, cost(found.counterforce_spent), 1e-10);
    EXPECT_NEAR(found.collateral_damage, in.draw_down.collateral(found.counterforce_spent), 1e-12);
    constexpr int kGrid = 100000;
    double grid_min = 10.0;
    for (int i = 0; i <= kGrid; ++i) grid_min = std::min(grid_min, cost(in.striker_warheads * i / kGrid));
    // The pieces' ends too (where the collateral slope falls, C_A has a corner a grid can step
    // over), and where the kills reach every arriving victim warhead (U = 0, where D(U)^a has an
    // infinite slope).
    double end = 0.0;
    double killed = 0.0;
    for (const DrawDownPiece& piece : in.draw_down.pieces) {
      if (piece.slope > 0.0 && killed < in.victim_arriving &&
          killed + piece.slope * piece.width >= in.victim_arriving) {
        const double at = end + (in.victim_arriving - killed) / piece.slope;
        if (at < in.striker_warheads) grid_min = std::min(grid_min, cost(at));
      }
      end += piece.width;
      killed += piece.slope * piece.width;
      if (end < in.striker_warheads) grid_min = std::min(grid_min, cost(end));
    }
    EXPECT_LE(found.cost_striker, grid_min + 1e-12) << "trial " << trial;
    EXPECT_GE(found.cost_striker, grid_min - 1e-6) << "trial " << trial;
  }
}

TEST(CounterforceCollateral, DefaultScenarioWithCollateral) {
  DataCatalog catalog{STRATSTAB_SOURCE_DIR "/data"};
  const auto load = [&](const std::vector<std::string>& sets) {
    return prepare_scenario(load_scenario(catalog.scenario_path("us-ru-2026-11"), Override::parse_all(sets), &catalog));
  };
  const Scenario with = load({"options.collateral=cities"});
  const Scenario without = load({});
  const Assessment a = assess_scenario(with);
  const StabilityResult clean = evaluate_scenario(without);
  // Counterforce near cities adds to the victim's damage: each striker's cost of striking first is
  // no higher, each victim's cost no lower, so neither ratio rises.
  for (const auto& [x, y] : {std::pair{&a.result.a, &clean.a}, std::pair{&a.result.b, &clean.b}}) {
    EXPECT_LE(x->c1, y->c1 + 1e-12);
    EXPECT_LE(x->ratio, y->ratio + 1e-12);
  }
  EXPECT_LT(a.result.index, clean.index);
  // The collateral is that of the counterforce problem's draw-down at s* (the US strike: Russia has
  // no defence, so nothing thins it).
  const SideOptions us = side_options(with.sides[0]);
  const SideOptions ru = side_options(with.sides[1]);
  const CounterforceProblem problem =
      counterforce_problem(*with.sides[0].forces, striker_posture(with.posture), *with.sides[1].forces,
                           victim_posture(with.posture), with.parameters, us, ru);
  ASSERT_FALSE(problem.collateral.empty());
  const FirstStrike& us_strikes = a.result.a_strikes_b;
  EXPECT_GT(us_strikes.collateral_damage, 0.0);
  EXPECT_NEAR(us_strikes.collateral_damage,
              draw_down(problem, with.parameters.draw_down).collateral(us_strikes.counterforce_spent), 1e-12);
  bool found = false;
  for (const Attribution& row : a.attributions) {
    if (row.feature.find("collateral of counterforce") == std::string::npos) continue;
    found = true;
    EXPECT_DOUBLE_EQ(row.index_without, clean.index);
  }
  EXPECT_TRUE(found);
}

TEST(CounterforceCollateral, SnapshotsWithoutBasesSaySoAndCountNone) {
  // The 2025 snapshots list no base coordinates: the collateral is 0, the index unchanged, and
  // assess says why rather than printing nothing.
  DataCatalog catalog{STRATSTAB_SOURCE_DIR "/data"};
  const auto load = [&](const std::vector<std::string>& sets) {
    return prepare_scenario(load_scenario(catalog.scenario_path("baseline-2025"), Override::parse_all(sets), &catalog));
  };
  const Scenario with = load({"options.collateral=cities"});
  const Assessment a = assess_scenario(with);
  EXPECT_EQ(a.result.index, evaluate_scenario(load({})).index);
  EXPECT_EQ(a.result.a_strikes_b.collateral_damage, 0.0);
  const std::string text = format_assessment(with, a);
  EXPECT_NE(text.find("snapshot ru-2025-01-01 lists no base coordinates, so none is counted"), std::string::npos);
}

}  // namespace
}  // namespace stratstab

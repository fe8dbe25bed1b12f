// The damage curve (docs/methods.md §7) and the soft-target blast model behind it (§4): Brode's
// surface-burst fit at hand-evaluated points, the greedy city allocation worked by hand on two
// cities, the tabulated curve's strike search against brute force, the derived w80 of the
// bundled tables within its range, `w80: snapshot` reproducing the old exchange exactly, and the
// located errors for a bad tabulated curve.
#include <cmath>
#include <random>
#include <vector>

#include <gtest/gtest.h>

#include "stratstab/blast.hpp"
#include "stratstab/catalog.hpp"
#include "stratstab/cities.hpp"
#include "stratstab/damage.hpp"
#include "stratstab/exchange.hpp"
#include "stratstab/prepare.hpp"
#include "stratstab/scenario.hpp"
#include "stratstab/stability.hpp"
#include "stratstab/weapon_effects.hpp"
#include "test_support.hpp"

namespace stratstab {
namespace {

TEST(BlastTest, BrodeSurfaceBurstAtHandEvaluatedPoints) {
  // r = 1 kft at 1 kt (304.8 m): 10.47 + 2.9902 - 4.166 / 1.6096 - 0.2905 + 1.094 / 696.78
  //   = 13.4602 - 2.588221 - 0.2905 + 0.001570 = 10.583049 psi.
  EXPECT_NEAR(surface_burst_overpressure_psi(1.0, 304.8), 10.583049, 1e-5);
  // r = 2 kft (609.6 m): 2^1.22 = 2.329467, 2^3.053 = 8.299359, 2^1.83 = 3.555371, and the last
  // denominator 781.2 - 246.8 + 37.98 * 2.828427 + 4 = 645.8237, so the terms are 4.494590 + 0.360293
  // - 4.166 / 3.167354 (= 1.315293) - 0.2905 + 4.376 / 645.8237 (= 0.006776) = 3.255865 psi.
  EXPECT_NEAR(surface_burst_overpressure_psi(1.0, 609.6), 3.255865, 1e-5);
  // Cube-root scaling: 8 times the yield doubles every radius.
  EXPECT_NEAR(surface_burst_radius_m(8.0, 5.0), 2.0 * surface_burst_radius_m(1.0, 5.0), 1e-9);
  // The inverse: the radius of 10.583049 psi at 1 kt is 304.8 m.
  EXPECT_NEAR(surface_burst_radius_m(1.0, 10.583049), 304.8, 1e-2);
  // 5 psi at 1 kt: 464.7 m (0.289 mi); the cube-root radius there is 283.8 m.
  EXPECT_NEAR(surface_burst_radius_m(1.0, 5.0), 464.7, 0.5);
}

TEST(BlastTest, AgreesWithWhatMethodsSection4SaysOfTheCubeRootRadius) {
  // docs/methods.md §4: the cube-root radius understates Brode's by about 27% at 10 psi and is
  // within about 6% of it from 100 to 10,000 psi.
  const double at10 = lethal_radius_m(1.0, 10.0) / surface_burst_radius_m(1.0, 10.0);
  EXPECT_NEAR(1.0 - at10, 0.28, 0.02);
  for (double psi : {100.0, 300.0, 1000.0, 3000.0, 10000.0}) {
    EXPECT_NEAR(lethal_radius_m(1.0, psi) / surface_burst_radius_m(1.0, psi), 1.0, 0.06) << psi;
  }
}

TEST(CityDamageTest, TwoCitiesByHand) {
  // X: 100 people, Y: 50; density 1, lethal area 50, so q_X = 0.5, q_Y = 1 (a rho / P).
  // The next warhead on a city with n destroys P e^(-n q) (1 - e^-q):
  //   X: 39.347, 23.865, 14.475, 8.779, 5.325, ...   Y: 31.606, 11.627, 4.277, ...
  // Greedy takes them largest first: X, Y, X, X, Y (11.627 > 8.779), X, so after w = 1..6 the
  // warheads lie X1; X1 Y1; X2 Y1; X3 Y1; X3 Y2; X4 Y2.
  const std::vector<City> cities{City{1, "X", 100, 0, 0}, City{2, "Y", 50, 0, 0}};
  const std::vector<double> d = greedy_city_destruction(cities, 50.0, 1.0, 6);
  const auto x = [](int n) { return 100 * (1 - std::exp(-0.5 * n)); };
  const auto y = [](int n) { return 50 * (1 - std::exp(-1.0 * n)); };
  EXPECT_DOUBLE_EQ(d[0], 0.0);
  EXPECT_NEAR(d[1], x(1), 1e-12);
  EXPECT_NEAR(d[2], x(1) + y(1), 1e-12);
  EXPECT_NEAR(d[3], x(2) + y(1), 1e-12);
  EXPECT_NEAR(d[4], x(3) + y(1), 1e-12);
  EXPECT_NEAR(d[5], x(3) + y(2), 1e-12);
  EXPECT_NEAR(d[6], x(4) + y(2), 1e-12);
  const DamageCurve curve = city_damage_curve(cities, 50.0, 1.0, 6);
  EXPECT_NEAR(curve(2.0), (x(1) + y(1)) / 150, 1e-12);
  EXPECT_NEAR(curve(2.5), 0.5 * (x(1) + y(1) + x(2) + y(1)) / 150, 1e-12);  // linear between
  // D(4) = (77.687 + 31.606) / 150 = 0.72862, D(5) = (77.687 + 43.233) / 150 = 0.80613:
  // w80 = 4 + (0.8 - D4) / (D5 - D4) = 4 + 0.07138 / 0.07751 = 4.9209.
  const double d4 = (x(3) + y(1)) / 150;
  const double d5 = (x(3) + y(2)) / 150;
  EXPECT_NEAR(curve.w80(), 4 + (0.8 - d4) / (d5 - d4), 1e-12);
  EXPECT_NEAR(curve.w80(), 4.9209, 1e-4);
}

TEST(DamageCurveTest, ExponentialIsTheOldFormula) {
  const DamageCurve c = DamageCurve::exponential(800);
  for (double w : {0.0, 1.0, 400.0, 800.0, 3000.0}) EXPECT_NEAR(c(w), damage(w, 800), 1e-15);
  EXPECT_NEAR(c(800), 0.8, 1e-15);
  EXPECT_EQ(c.w80(), 800);
}

TEST(DamageCurveTest, BadPointsAreNamedByIndex) {
  const auto problems = [](std::vector<DamagePoint> p) { return damage_point_problems(p); };
  EXPECT_TRUE(problems({{0, 0}, {10, 0.5}, {20, 0.8}}).empty());
  auto p = problems({{0, 0}, {10, 0.5}, {20, 0.4}});  // falls
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0].first, 2u);
  p = problems({{0, 0}, {10, 0.2}, {20, 0.8}});  // convex: the second warheads destroy more
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0].first, 2u);
  p = problems({{0, 0}, {10, 1.5}});
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0].first, 1u);
  p = problems({{5, 0.1}, {10, 0.5}});
  ASSERT_FALSE(p.empty());
  EXPECT_EQ(p[0].first, 0u);
  EXPECT_THROW(DamageCurve::tabulated({{0, 0}, {10, 0.5}, {5, 0.6}}), std::invalid_argument);
}

/// C_A(s) from the definitions, for brute force (no defence, retaliation share 1).
double striker_cost(const StrikeInputs& in, const StabilityParameters& p, double s) {
  const double u = std::max(0.0, in.victim_arriving - in.draw_down.kills(s));
  const double l = in.striker_arriving - s;
  return strike_cost(in.striker_damage(u), in.victim_damage(l), p).striker;
}

TEST(DamageCurveTest, TabulatedStrikeSearchIsNoWorseThanAFineGrid) {
  std::mt19937 rng(20261202);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  const StabilityParameters p;
  for (int trial = 0; trial < 30; ++trial) {
    std::vector<City> a_cities;
    std::vector<City> b_cities;
    for (int i = 0; i < 40; ++i) {
      a_cities.push_back(City{i, "a", 1e4 + 3e6 * unit(rng) * unit(rng), 0, 0});
      b_cities.push_back(City{i, "b", 1e4 + 3e6 * unit(rng) * unit(rng), 0, 0});
    }
    StrikeInputs in;
    in.striker_warheads = 200 + 2000 * unit(rng);
    in.victim_warheads = 200 + 2000 * unit(rng);
    in.striker_arriving = in.striker_warheads;
    in.victim_arriving = in.victim_warheads;
    in.striker_damage = city_damage_curve(a_cities, 5 + 60 * unit(rng), 4000, 3000);
    in.victim_damage = city_damage_curve(b_cities, 5 + 60 * unit(rng), 4000, 3000);
    in.draw_down = homogeneous_draw_down({HomogeneousTarget{50 + 400 * unit(rng), 1 + 9 * unit(rng), 1},
                                          HomogeneousTarget{20 + 100 * unit(rng), 1 + 11 * unit(rng), unit(rng)}},
                                         0.3 + 0.65 * unit(rng), 1 + trial % 3);
    const FirstStrike found = evaluate_first_strike(in, p);
    EXPECT_NEAR(found.cost_striker, striker_cost(in, p, found.counterforce_spent), 1e-12);
    constexpr int kGrid = 200000;
    double grid_min = 10.0;
    for (int i = 0; i <= kGrid; ++i) {
      grid_min = std::min(grid_min, striker_cost(in, p, in.striker_warheads * i / kGrid));
    }
    EXPECT_LE(found.cost_striker, grid_min + 1e-12) << "trial " << trial;
    EXPECT_GE(found.cost_striker, grid_min - 1e-6) << "trial " << trial;
  }
}

class DerivedW80Test : public ::testing::Test {
 protected:
  Scenario load(const std::string& name, const std::vector<Override>& overrides = {}) {
    return prepare_scenario(load_scenario(catalog_.scenario_path(name), overrides, &catalog_));
  }
  DataCatalog catalog_{STRATSTAB_SOURCE_DIR "/data"};
};

TEST_F(DerivedW80Test, BundledTablesGiveAW80WithinItsRange) {
  const Scenario s = load("us-ru-2026-11");
  for (const ScenarioSide& side : s.sides) {
    SCOPED_TRACE(side.id);
    ASSERT_TRUE(side.cities.has_value());
    ASSERT_GE(side.cities->cities.size(), 200u);
    ASSERT_TRUE(side.derived_w80.has_value());
    const DerivedW80& d = *side.derived_w80;
    EXPECT_LT(d.low, d.value);
    EXPECT_LT(d.value, d.high);
    EXPECT_EQ(side.forces->w80.value, d.value);
    EXPECT_EQ(side.forces->w80.grade, Grade::kDerived);
    EXPECT_TRUE(side.forces->w80.is_sourced());
    // The curve reaches 0.8 there.
    const DamageCurve curve =
        city_damage_curve(side.cities->cities, d.lethal_area_km2, kCityDamageCentral.density_per_km2, 6000);
    EXPECT_NEAR(curve(d.value), 0.8, 1e-12);
  }
}

TEST_F(DerivedW80Test, SnapshotOptionReproducesTheOldExchangeExactly) {
  const Scenario s = load("us-ru-2026-11", {Override::parse("options.w80=snapshot")});
  const ForceSnapshot us = catalog_.load_snapshot("us-2026-11-01");
  const ForceSnapshot ru = catalog_.load_snapshot("ru-2026-11-01");
  EXPECT_EQ(s.sides[0].forces->w80.value, us.w80.value);
  const StabilityResult old =
      evaluate_real(us, ru, s.posture, s.parameters, side_options(s.sides[0]), side_options(s.sides[1]));
  EXPECT_EQ(evaluate_scenario(s).index, old.index);
  // The default (derived) moves it.
  EXPECT_NE(evaluate_scenario(load("us-ru-2026-11")).index, old.index);
}

TEST_F(DerivedW80Test, CitiesOptionUsesTheTabulatedCurve) {
  const Scenario s = load("us-ru-2026-11", {Override::parse("options.damage=cities")});
  ASSERT_TRUE(s.sides[0].damage_curve.has_value());
  EXPECT_FALSE(s.sides[0].damage_curve->is_exponential());
  const StabilityResult r = evaluate_scenario(s);
  // The victim's damage is the city curve at the warheads that arrive on it.
  EXPECT_NEAR(r.a_strikes_b.damage_to_victim, (*s.sides[1].damage_curve)(r.a_strikes_b.remaining_arriving), 1e-12);
}

TEST_F(DerivedW80Test, ScenarioDamageCurveIsUsedAndBadOnesAreLocated) {
  const test::TempDir dir;
  // RU's own curve: D = w / 2000 up to 1000 warheads, then 0.5 + (w - 1000) / 4000 to 3000 (concave).
  const auto file = dir.write("s.yaml", R"(name: own-curve
sides:
  US:
    force: us-2026-11-01
  RU:
    force: ru-2026-11-01
    damage_curve: [[0, 0], [1000, 0.5], [3000, 1.0]]
)");
  const Scenario s = prepare_scenario(load_scenario(file, {}, &catalog_));
  ASSERT_TRUE(s.sides[1].damage_curve_given);
  const StabilityResult r = evaluate_scenario(s);
  const double l = r.a_strikes_b.remaining_arriving;
  const double by_hand = l <= 1000 ? l / 2000 : 0.5 + (l - 1000) / 4000;
  EXPECT_NEAR(r.a_strikes_b.damage_to_victim, by_hand, 1e-12);
  // A falling curve: the error names the point, its line and the key path.
  const auto bad = dir.write("bad.yaml", R"(name: bad-curve
sides:
  US:
    force: us-2026-11-01
  RU:
    force: ru-2026-11-01
    damage_curve:
      - [0, 0]
      - [1000, 0.5]
      - [2000, 0.4]
)");
  const LoadResult<Scenario> loaded = read_scenario(bad, {}, &catalog_);
  EXPECT_FALSE(loaded.value.has_value());
  const Diagnostic* d = test::find_by_key(loaded.diagnostics, "sides.RU.damage_curve[2]");
  ASSERT_NE(d, nullptr) << test::dump(loaded.diagnostics);
  EXPECT_EQ(d->where.line, 10);
  EXPECT_NE(d->message.find("must not fall"), std::string::npos) << d->message;
  // Not a pair of numbers.
  const auto worse = dir.write("worse.yaml", R"(name: worse-curve
sides:
  US:
    force: us-2026-11-01
  RU:
    force: ru-2026-11-01
    damage_curve: [[0, 0], [1000, "half"]]
)");
  const LoadResult<Scenario> w = read_scenario(worse, {}, &catalog_);
  EXPECT_FALSE(w.value.has_value());
  ASSERT_NE(test::find_by_key(w.diagnostics, "sides.RU.damage_curve[1]"), nullptr) << test::dump(w.diagnostics);
}

}  // namespace
}  // namespace stratstab

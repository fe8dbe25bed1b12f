// Collateral of a counterforce warhead near cities (collateral.hpp) against hand computations.
#include <gtest/gtest.h>

#include <cmath>
#include <numbers>
#include <random>
#include <vector>

#include "stratstab/collateral.hpp"

namespace stratstab {
namespace {

constexpr double kRho = 4000.0;
// Kilometres per degree of latitude on the sphere of geo.hpp: a city north of (0, 0) by d km.
constexpr double kKmPerDeg = kEarthRadiusKm * std::numbers::pi / 180.0;

City city_at_km(double north_km, double population) {
  return City{.geonames_id = 1, .name = "toy", .population = population, .lat_deg = north_km / kKmPerDeg};
}

double city_radius(double population) {
  return std::sqrt(population / (std::numbers::pi * kRho));
}

TEST(DiscOverlap, ClosedForms) {
  // Apart or tangent: nothing. One inside the other: the smaller disc.
  EXPECT_DOUBLE_EQ(disc_overlap_area_km2(2.0, 3.0, 5.0), 0.0);
  EXPECT_DOUBLE_EQ(disc_overlap_area_km2(2.0, 3.0, 6.0), 0.0);
  EXPECT_DOUBLE_EQ(disc_overlap_area_km2(2.0, 5.0, 1.0), std::numbers::pi * 4.0);
  // Equal radii r at distance r: two circular segments of angle 2 pi / 3, r^2 (2 pi / 3 - sqrt 3 / 2).
  EXPECT_NEAR(disc_overlap_area_km2(3.0, 3.0, 3.0), 9.0 * (2.0 * std::numbers::pi / 3.0 - std::sqrt(3.0) / 2.0), 1e-12);
  // Equal radii at distance 0+: the whole disc (continuity at the contained case).
  EXPECT_NEAR(disc_overlap_area_km2(3.0, 3.0, 1e-9), std::numbers::pi * 9.0, 1e-6);
}

TEST(Collateral, OneBaseOneCityPointAim) {
  const CollateralAssumptions point{.field_radius_km = 0.0, .density_per_km2 = kRho};
  const GeoPoint base{};
  const double r = 5.0;
  // Inside: a city of 40,000 (10 km^2, radius 1.78 km) at the base: all of it.
  const std::vector<City> inside{city_at_km(0.0, 40000.0)};
  EXPECT_NEAR(collateral_per_warhead(inside, base, r, point), 40000.0, 1e-6);
  // Outside: 20 km away, beyond r + city radius.
  const std::vector<City> outside{city_at_km(20.0, 40000.0)};
  EXPECT_DOUBLE_EQ(collateral_per_warhead(outside, base, r, point), 0.0);
  // At the edge: a city of radius r whose centre is r away: rho r^2 (2 pi / 3 - sqrt 3 / 2) people.
  const double p_edge = kRho * std::numbers::pi * r * r;
  const std::vector<City> edge{city_at_km(r, p_edge)};
  EXPECT_NEAR(collateral_per_warhead(edge, base, r, point),
              kRho * r * r * (2.0 * std::numbers::pi / 3.0 - std::sqrt(3.0) / 2.0), 1e-3);
  // Tangent from outside: the city's disc just touches the lethal disc.
  const std::vector<City> tangent{city_at_km(r + city_radius(40000.0) + 1e-6, 40000.0)};
  EXPECT_NEAR(collateral_per_warhead(tangent, base, r, point), 0.0, 1e-3);
  // Two cities add.
  const std::vector<City> both{inside[0], outside[0]};
  EXPECT_NEAR(collateral_per_warhead(both, base, r, point), 40000.0, 1e-6);
}

TEST(Collateral, FieldSpreadsTheAim) {
  const double r = 5.0;
  const double field = 17.0;
  const CollateralAssumptions spread{.field_radius_km = field, .density_per_km2 = kRho};
  // A near-point city (population 1, radius 9 m) at the base: hit when the warhead lands within r,
  // probability (r / F)^2.
  const std::vector<City> point_city{city_at_km(0.0, 1.0)};
  EXPECT_NEAR(collateral_per_warhead(point_city, GeoPoint{}, r, spread), (r / field) * (r / field),
              0.02 * 25.0 / 289.0);
  // Beyond F + r + city radius: nothing.
  const std::vector<City> far{city_at_km(field + r + city_radius(40000.0) + 0.01, 40000.0)};
  EXPECT_DOUBLE_EQ(collateral_per_warhead(far, GeoPoint{}, r, spread), 0.0);
  // Always inside (city radius + F <= r): all of it whatever the landing point.
  const CollateralAssumptions small_field{.field_radius_km = 2.0, .density_per_km2 = kRho};
  const std::vector<City> centred{city_at_km(0.0, 40000.0)};
  EXPECT_NEAR(collateral_per_warhead(centred, GeoPoint{}, 4.0, small_field), 40000.0, 1e-6);
}

TEST(Collateral, FieldAgainstMonteCarlo) {
  // A city partly reached (centre 9 km away, radius 2.8 km) from a 10 km field with r = 4 km:
  // the mean over landing points drawn uniformly in the field disc (rejection sampling).
  const double r = 4.0;
  const CollateralAssumptions a{.field_radius_km = 10.0, .density_per_km2 = kRho};
  const double population = 100000.0;
  const std::vector<City> city{city_at_km(9.0, population)};
  const double rc = city_radius(population);
  std::mt19937_64 rng(12345);
  std::uniform_real_distribution<double> uni(-10.0, 10.0);
  double sum = 0.0;
  int n = 0;
  while (n < 400000) {
    const double x = uni(rng);
    const double y = uni(rng);
    if (x * x + y * y > 100.0) continue;
    sum += kRho * disc_overlap_area_km2(r, rc, std::hypot(x, y - 9.0));
    ++n;
  }
  const double expected = sum / n;
  EXPECT_NEAR(collateral_per_warhead(city, GeoPoint{}, r, a), expected, 0.01 * expected);
}

}  // namespace
}  // namespace stratstab

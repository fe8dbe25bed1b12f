// Collateral damage of a counterforce warhead near cities (collateral.hpp, docs/methods.md §7).
#include "stratstab/collateral.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace stratstab {

namespace {

// Rings and angles of the quadrature over the field disc: midpoints of equal-area rings (radius
// F sqrt((i + 1/2) / N)) and of equal angles, each point carrying weight 1 / (N M).
constexpr int kFieldRings = 256;
constexpr int kFieldAngles = 64;

}  // namespace

double disc_overlap_area_km2(double a, double b, double d) noexcept {
  if (d >= a + b) return 0.0;
  const double small = std::min(a, b);
  if (d <= std::abs(a - b)) return std::numbers::pi * small * small;
  const double ca = std::clamp((d * d + a * a - b * b) / (2.0 * d * a), -1.0, 1.0);
  const double cb = std::clamp((d * d + b * b - a * a) / (2.0 * d * b), -1.0, 1.0);
  const double k = (-d + a + b) * (d + a - b) * (d - a + b) * (d + a + b);
  return a * a * std::acos(ca) + b * b * std::acos(cb) - 0.5 * std::sqrt(std::max(0.0, k));
}

double collateral_per_warhead(std::span<const City> cities, GeoPoint base, double lethal_radius_km,
                              const CollateralAssumptions& assumptions) {
  const double field = assumptions.field_radius_km;
  const double rho = assumptions.density_per_km2;
  double total = 0.0;
  for (const City& c : cities) {
    const double city_radius = std::sqrt(c.population / (std::numbers::pi * rho));
    const double distance = great_circle_km(base, GeoPoint{.lat_deg = c.lat_deg, .lon_deg = c.lon_deg});
    if (distance >= field + lethal_radius_km + city_radius) continue;
    if (field <= 0.0) {
      total += rho * disc_overlap_area_km2(lethal_radius_km, city_radius, distance);
      continue;
    }
    // The field is small against the Earth: the landing point is offset u at angle theta from the
    // base in the local plane, at sqrt(D^2 + u^2 - 2 D u cos theta) from the city centre.
    double mean_area = 0.0;
    for (int i = 0; i < kFieldRings; ++i) {
      const double u = field * std::sqrt((i + 0.5) / kFieldRings);
      for (int j = 0; j < kFieldAngles; ++j) {
        const double theta = 2.0 * std::numbers::pi * (j + 0.5) / kFieldAngles;
        const double d2 = distance * distance + u * u - 2.0 * distance * u * std::cos(theta);
        mean_area += disc_overlap_area_km2(lethal_radius_km, city_radius, std::sqrt(std::max(0.0, d2)));
      }
    }
    mean_area /= static_cast<double>(kFieldRings) * kFieldAngles;
    total += rho * mean_area;
  }
  return total;
}

}  // namespace stratstab

// Haversine great-circle distance (geo.hpp).
#include "stratstab/geo.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace stratstab {

double great_circle_km(GeoPoint a, GeoPoint b) {
  constexpr double kRadiansPerDegree = std::numbers::pi / 180.0;
  const double phi1 = a.lat_deg * kRadiansPerDegree;
  const double phi2 = b.lat_deg * kRadiansPerDegree;
  const double half_dphi = 0.5 * (phi2 - phi1);
  const double half_dlambda = 0.5 * (b.lon_deg - a.lon_deg) * kRadiansPerDegree;
  const double h = std::sin(half_dphi) * std::sin(half_dphi) +
                   std::cos(phi1) * std::cos(phi2) * std::sin(half_dlambda) * std::sin(half_dlambda);
  // Rounding can push h a hair above 1 for antipodal points; asin needs [0, 1].
  return 2.0 * kEarthRadiusKm * std::asin(std::sqrt(std::clamp(h, 0.0, 1.0)));
}

}  // namespace stratstab

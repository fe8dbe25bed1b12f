// Brode's 1987 surface-burst overpressure fit and its inverse (blast.hpp, docs/methods.md §4).
#include "stratstab/blast.hpp"

#include <cmath>
#include <numbers>

namespace stratstab {
namespace {

/// The fit at 1 kt, scaled range r in kilofeet.
double overpressure_1kt(double r) noexcept {
  const double h = -0.2905 + 1.094 * r * r / (781.2 - 123.4 * r + 37.98 * std::pow(r, 1.5) + r * r);
  return 10.47 / std::pow(r, 1.22) + 2.9902 / std::pow(r, 3.053) - 4.166 / (1.0 + 0.6096 * std::pow(r, 1.83)) + h;
}

/// The scaled range (kft at 1 kt) of `psi`: the fit falls monotonically from 1e-3 to 100 kft.
double scaled_range_kft(double psi) noexcept {
  double lo = 1e-3;
  double hi = 100.0;
  while (hi - lo > 1e-12 * hi) {
    const double mid = 0.5 * (lo + hi);
    (overpressure_1kt(mid) > psi ? lo : hi) = mid;
  }
  return 0.5 * (lo + hi);
}

}  // namespace

double surface_burst_overpressure_psi(double yield_kt, double range_m) noexcept {
  return overpressure_1kt(range_m / kMetresPerFoot / 1000.0 / std::cbrt(yield_kt));
}

double surface_burst_radius_m(double yield_kt, double overpressure_psi) noexcept {
  return scaled_range_kft(overpressure_psi) * 1000.0 * kMetresPerFoot * std::cbrt(yield_kt);
}

double surface_burst_area_km2(double yield_kt, double overpressure_psi) noexcept {
  const double r_km = surface_burst_radius_m(yield_kt, overpressure_psi) / 1000.0;
  return std::numbers::pi * r_km * r_km;
}

}  // namespace stratstab

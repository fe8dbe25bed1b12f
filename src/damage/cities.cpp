// The city damage curve and the derived w80 (cities.hpp, docs/methods.md §7).
#include "stratstab/cities.hpp"

#include <cmath>
#include <queue>
#include <utility>

#include "stratstab/blast.hpp"

namespace stratstab {

namespace {

double total_population(std::span<const City> cities) {
  double total = 0.0;
  for (const City& c : cities) total += c.population;
  return total;
}

}  // namespace

double CityTable::population() const {
  return total_population(cities);
}

std::vector<double> greedy_city_destruction(std::span<const City> cities, double lethal_area_km2,
                                            double density_per_km2, int max_warheads) {
  // City i with n warheads has lost P (1 - exp(-n q)), q = a rho / P; the next warhead destroys
  // P exp(-n q) (1 - exp(-q)), falling with n, so taking the largest next gain each time is optimal.
  struct Next {
    double gain;
    std::size_t city;
    bool operator<(const Next& o) const { return gain < o.gain || (gain == o.gain && city > o.city); }
  };
  std::vector<double> q(cities.size());
  std::priority_queue<Next> heap;
  for (std::size_t i = 0; i < cities.size(); ++i) {
    q[i] = lethal_area_km2 * density_per_km2 / cities[i].population;
    heap.push(Next{cities[i].population * -std::expm1(-q[i]), i});
  }
  std::vector<double> destroyed(static_cast<std::size_t>(max_warheads) + 1, 0.0);
  for (int w = 1; w <= max_warheads; ++w) {
    Next best = heap.top();
    heap.pop();
    destroyed[static_cast<std::size_t>(w)] = destroyed[static_cast<std::size_t>(w) - 1] + best.gain;
    heap.push(Next{best.gain * std::exp(-q[best.city]), best.city});
  }
  return destroyed;
}

DamageCurve city_damage_curve(std::span<const City> cities, double lethal_area_km2, double density_per_km2,
                              int max_warheads) {
  const std::vector<double> destroyed = greedy_city_destruction(cities, lethal_area_km2, density_per_km2, max_warheads);
  const double total = total_population(cities);
  std::vector<DamagePoint> points(destroyed.size());
  for (std::size_t w = 0; w < destroyed.size(); ++w) {
    points[w] = DamagePoint{static_cast<double>(w), std::min(1.0, destroyed[w] / total)};
  }
  return DamageCurve::tabulated(std::move(points));
}

double mean_lethal_area_km2(std::span<const double> yields_kt, std::span<const double> counts,
                            double overpressure_psi) {
  double area = 0.0;
  double n = 0.0;
  for (std::size_t i = 0; i < yields_kt.size() && i < counts.size(); ++i) {
    if (!(yields_kt[i] > 0.0) || !(counts[i] > 0.0)) continue;
    area += counts[i] * surface_burst_area_km2(yields_kt[i], overpressure_psi);
    n += counts[i];
  }
  return n > 0.0 ? area / n : 0.0;
}

DerivedW80 derive_w80(std::span<const City> cities, std::span<const double> yields_kt, std::span<const double> counts) {
  const auto curve_under = [&](const CityDamageAssumptions& a) {
    const double area = mean_lethal_area_km2(yields_kt, counts, a.overpressure_psi);
    return city_damage_curve(cities, area, a.density_per_km2, kCityCurveMaxWarheads);
  };
  DerivedW80 d;
  d.curve = curve_under(kCityDamageCentral);
  d.value = d.curve.w80();
  d.low = curve_under(kCityDamageHigh).w80();
  d.high = curve_under(kCityDamageLow).w80();
  d.lethal_area_km2 = mean_lethal_area_km2(yields_kt, counts, kCityDamageCentral.overpressure_psi);
  // The yield of one warhead with that area: area = area(1 kt) Y^(2/3).
  d.mean_yield_kt = std::pow(d.lethal_area_km2 / surface_burst_area_km2(1.0, kCityDamageCentral.overpressure_psi), 1.5);
  return d;
}

}  // namespace stratstab

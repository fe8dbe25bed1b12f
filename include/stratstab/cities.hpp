// The city damage curve (docs/methods.md §7, "Damage from the city table"): a side's value is the
// population of its bundled city table (data/cities/<side>.yaml, GeoNames, CC BY 4.0); each city
// of population P covers an area P / rho (rho an ASSUMED mean density); n warheads of lethal area
// a (the area inside the Brode surface-burst radius of the threshold overpressure, blast.hpp) on
// it destroy 1 - exp(-n a rho / P) of it (warheads spread at random over the city, overlapping:
// the Poisson coverage); warheads go one by one to the city where the next destroys most people
// (greedy, optimal because each city's gain falls with n). D(w) = destroyed / table population.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "stratstab/damage.hpp"

namespace stratstab {

struct City {
  std::int64_t geonames_id = 0;
  std::string name;
  double population = 0;
  double lat_deg = 0;
  double lon_deg = 0;
};

/// One side's bundled city table.
struct CityTable {
  std::string side;  ///< us, ru, cn, uk or fr (the snapshots' `side`)
  std::string source_id;
  std::vector<City> cities;
  std::string file;

  [[nodiscard]] double population() const;
};

/// The effects and density assumptions of the city curve. Defaults are the central values of
/// docs/methods.md §7 (ASSUMED): 5 psi (range 3–10), 4,000 people per km^2 (range 2,500–8,000).
struct CityDamageAssumptions {
  double overpressure_psi = 5.0;
  double density_per_km2 = 4000.0;
};
inline constexpr CityDamageAssumptions kCityDamageLow{.overpressure_psi = 10.0, .density_per_km2 = 2500.0};
inline constexpr CityDamageAssumptions kCityDamageCentral{};
inline constexpr CityDamageAssumptions kCityDamageHigh{.overpressure_psi = 3.0, .density_per_km2 = 8000.0};

/// Population destroyed (absolute) by 0, 1, ..., max_warheads warheads of lethal area
/// `lethal_area_km2` each, allocated greedily over `cities` of density `density_per_km2`.
std::vector<double> greedy_city_destruction(std::span<const City> cities, double lethal_area_km2,
                                            double density_per_km2, int max_warheads);

/// The tabulated curve: D at w = 0, 1, ..., max_warheads (linear between, constant after).
/// `lethal_area_km2` is the attacker's mean lethal area per arriving warhead. Pre: cities not
/// empty, positive populations, lethal area and density > 0.
DamageCurve city_damage_curve(std::span<const City> cities, double lethal_area_km2, double density_per_km2,
                              int max_warheads);

/// The w80 a city table gives under an attacker, with its range: `low` under the assumptions that
/// destroy most (kCityDamageHigh, fewest warheads to 80%), `high` under those that destroy least.
struct DerivedW80 {
  double value = 0;
  double low = 0;
  double high = 0;
  double lethal_area_km2 = 0;  ///< central: the attacker's mean area at 5 psi
  double mean_yield_kt = 0;    ///< the yield whose area that is ((mean Y^(2/3))^(3/2))
  DamageCurve curve;           ///< the central city curve, whose w80 is `value` (`damage: cities` uses it)
};

/// Mean lethal area (km^2) at `overpressure_psi` of warheads with these yields and counts: the
/// count-weighted mean of each yield's area (area scales as Y^(2/3), blast.hpp).
double mean_lethal_area_km2(std::span<const double> yields_kt, std::span<const double> counts, double overpressure_psi);

/// Derived w80 for a victim's cities and an attacker's warhead yields and counts.
DerivedW80 derive_w80(std::span<const City> cities, std::span<const double> yields_kt, std::span<const double> counts);

/// The most warheads a city curve is tabulated for.
inline constexpr int kCityCurveMaxWarheads = 6000;

}  // namespace stratstab

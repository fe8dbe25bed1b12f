// The collateral of one counterforce warhead near the victim's cities, as a share of its city
// table (collateral.hpp; docs/methods.md §7).
#include <cstdint>
#include <map>
#include <tuple>

#include "stratstab/blast.hpp"
#include "stratstab/collateral.hpp"
#include "stratstab/forces.hpp"

namespace stratstab {
namespace {

/// What one base's collateral depends on: the table (by its first city, size and population),
/// the base's coordinates, the yield and the field radius.
using Key = std::tuple<std::int64_t, std::size_t, double, double, double, double, double>;

/// Entries kept per thread before the memo starts again (each is one number; a scenario has a few
/// hundred bases-by-yields).
constexpr std::size_t kMaxMemo = 100000;

double people_at_base(const CityTable& cities, double population, const Base& base, double yield_kt, double field_km) {
  thread_local std::map<Key, double> memo;
  const Key key{cities.cities.front().geonames_id,
                cities.cities.size(),
                population,
                base.lat_deg,
                base.lon_deg,
                yield_kt,
                field_km};
  if (const auto it = memo.find(key); it != memo.end()) return it->second;
  if (memo.size() >= kMaxMemo) memo.clear();
  // docs/methods.md §7: the city curve's central overpressure and density (cities.hpp).
  const double lethal_radius_km = surface_burst_radius_m(yield_kt, kCityDamageCentral.overpressure_psi) / 1000.0;
  const CollateralAssumptions assumptions{.field_radius_km = field_km,
                                          .density_per_km2 = kCityDamageCentral.density_per_km2};
  const double people = collateral_per_warhead(cities.cities, base.point(), lethal_radius_km, assumptions);
  memo.emplace(key, people);
  return people;
}

}  // namespace

double counterforce_collateral_share(const CityTable& cities, std::span<const Base* const> bases, double yield_kt,
                                     double field_km) {
  if (cities.cities.empty() || bases.empty() || yield_kt <= 0.0) return 0.0;
  const double population = cities.population();
  if (population <= 0.0) return 0.0;
  double launchers = 0.0;
  double people = 0.0;
  for (const Base* base : bases) {
    const double at_base = base->launchers.value;
    if (at_base <= 0.0) continue;
    launchers += at_base;
    people += at_base * people_at_base(cities, population, *base, yield_kt, field_km);
  }
  return launchers > 0.0 ? people / launchers / population : 0.0;
}

}  // namespace stratstab

// Collateral damage of a counterforce warhead near cities (docs/methods.md §7, "Collateral of
// counterforce"): a city of population P is a disc of area P / rho centred on its coordinates (the
// same ASSUMED density rho as the city curve, cities.hpp); a counterforce warhead aimed at a base
// lands at a point spread uniformly over the base's field, a disc of ASSUMED radius F around the
// base coordinates (the launchers are spread around it), and destroys the people inside its
// lethal disc (radius r: the Brode surface-burst radius at the city curve's overpressure, blast.hpp;
// counterforce is ground burst). A city partly inside counts by the area of the overlap of the
// two discs times rho. The expectation over the landing point is a quadrature over equal-area
// rings of the field disc.
#pragma once

#include <span>

#include "stratstab/cities.hpp"
#include "stratstab/forces.hpp"
#include "stratstab/geo.hpp"

namespace stratstab {

/// Area (km^2) of the intersection of two discs of radii `a` and `b` (km) whose centres are `d` km
/// apart (the circular lens). Pre: a, b, d >= 0.
double disc_overlap_area_km2(double a, double b, double d) noexcept;

/// The field and density assumptions of the collateral model. Central values (ASSUMED,
/// docs/methods.md §7): field radius 10 km (range 0–30 km), density that of the city curve.
struct CollateralAssumptions {
  double field_radius_km = 10.0;
  double density_per_km2 = 4000.0;
};

/// Expected population (absolute) of `cities` inside the lethal disc of radius `lethal_radius_km`
/// of one warhead landing uniformly in the disc of radius `assumptions.field_radius_km` around
/// `base`. Pre: lethal_radius_km > 0, positive populations and density, field radius >= 0.
double collateral_per_warhead(std::span<const City> cities, GeoPoint base, double lethal_radius_km,
                              const CollateralAssumptions& assumptions);

/// The share of `cities`' population that one warhead of `yield_kt` kills when aimed at a launcher
/// of a class spread over `bases` (weighted by their launchers): collateral_per_warhead at Brode's
/// surface-burst radius of the city curve's central overpressure (5 psi) and density, over a field
/// of `field_km` around each base. 0 without bases or population. Memoised per thread on the
/// values (not the addresses) it depends on, since a strike asks for the same few yields and bases
/// many times.
double counterforce_collateral_share(const CityTable& cities, std::span<const Base* const> bases, double yield_kt,
                                     double field_km);

}  // namespace stratstab

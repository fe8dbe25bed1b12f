// Great-circle distance between two points given by latitude and longitude: which of a side's
// bases a forward system reaches (docs/methods.md §12.5). A sphere is enough here: the ellipsoid
// changes distances by under 0.5%, well inside the range uncertainty of the systems (hundreds
// of km).
#pragma once

namespace stratstab {

/// Mean radius of the Earth, km: the IUGG mean radius R1 = (2a + b) / 3 = 6,371.0088 km of the
/// GRS 80 ellipsoid (Moritz, "Geodetic Reference System 1980", Journal of Geodesy 74, 2000),
/// rounded to the 6,371 km customary for the haversine formula.
inline constexpr double kEarthRadiusKm = 6371.0;

/// A point on the Earth: latitude in [-90, 90] degrees (north positive), longitude in
/// [-180, 180] degrees (east positive).
struct GeoPoint {
  double lat_deg = 0;
  double lon_deg = 0;
};

/// Great-circle distance, km, on a sphere of radius kEarthRadiusKm by the haversine formula
/// (R. W. Sinnott, "Virtues of the haversine", Sky and Telescope 68(2), 1984, p. 159), which stays
/// accurate for short distances where the spherical law of cosines loses digits.
double great_circle_km(GeoPoint a, GeoPoint b);

}  // namespace stratstab

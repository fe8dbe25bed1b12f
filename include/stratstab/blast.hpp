// Peak overpressure of a surface burst against soft targets (docs/methods.md §4, "Soft targets"):
// Brode's 1987 analytic fit for the peak overpressure of a burst at height H and ground range x
// (H. L. Brode, Airblast from Nuclear Bursts: Analytic Approximations, PSR Report 1419-3, 1987,
// section 4), taken at H = 0 (a surface burst), with cube-root scaling of range by yield
// (Glasstone & Dolan 1977, ch. 3). At H = 0 the fit reads, with r the range in kilofeet scaled to
// 1 kt (r = x_kft / Y_kt^(1/3)):
//
//   dP_psi = 10.47 / r^1.22 + 2.9902 / r^3.053 - 4.166 / (1 + 0.6096 r^1.83)
//            - 0.2905 + 1.094 r^2 / (781.2 - 123.4 r + 37.98 r^1.5 + r^2)
//
// (the fit's z-dependent coefficients at z = H/x = 0). Pure functions of plain doubles.
#pragma once

namespace stratstab {

/// Metres per foot (international foot).
inline constexpr double kMetresPerFoot = 0.3048;
/// The overpressures the soft-target radius is solved for lie in [kBlastMinPsi, kBlastMaxPsi]; the
/// fit is published for a far wider range, this is the range tests compare against published points.
inline constexpr double kBlastMinPsi = 1.0;
inline constexpr double kBlastMaxPsi = 10000.0;

/// Peak overpressure (psi) at `range_m` metres from a surface burst of `yield_kt` kilotons.
/// Pre: yield_kt > 0, range_m > 0. Decreasing in range.
double surface_burst_overpressure_psi(double yield_kt, double range_m) noexcept;

/// The ground range (m) at which a surface burst of `yield_kt` gives peak overpressure
/// `overpressure_psi`: the inverse of surface_burst_overpressure_psi, by bisection on the scaled
/// range to 1e-12 relative. Pre: yield_kt > 0, overpressure_psi in [kBlastMinPsi, kBlastMaxPsi].
/// Scales as yield^(1/3) exactly (cube-root scaling).
double surface_burst_radius_m(double yield_kt, double overpressure_psi) noexcept;

/// The area (km^2) inside that radius: pi r^2, so it scales as yield^(2/3).
double surface_burst_area_km2(double yield_kt, double overpressure_psi) noexcept;

}  // namespace stratstab

// Weapon effects and kill probability (docs/methods.md §4): the lethal radius of a surface burst against
// a point target of given hardness, single-shot and terminal kill probability, several warheads on
// one target, and the indices analysts quote (lethality K, counter-military potential, equivalent
// megatonnage).
//
// Two layers. The inline cores (`lethal_radius_m`, `sspk`, ...) take plain doubles, never throw,
// never allocate and hold no state: the exchange engine calls them millions of times on inputs it
// has validated once. Their preconditions are stated on each; outside them the result is
// meaningless (not undefined behaviour: IEEE arithmetic throughout). The validating functions
// (`calculate_kill`, `counter_military_potential`, `equivalent_megatonnage`) check every input,
// report every problem at once as an InputError, and return plain structs.
//
// Accuracy model: circular normal miss distance, no bias; CEP = 1.1774 sigma.
// Sources: Glasstone & Dolan, The Effects of Nuclear Weapons (1977), ch. 6 (cube-root scaling);
// Brode, Airblast from nuclear bursts: analytic approximations (1987) for the range of validity;
// lethality and CMP conventions of Tsipis and of the Suh Strategic Nuclear Forces dataset (2023).
#pragma once

#include <cmath>
#include <numbers>
#include <span>
#include <string>
#include <vector>

#include "stratstab/error.hpp"

namespace stratstab {

/// Lethal radius of a surface burst, nautical miles per (Mt / psi)^(1/3) (Glasstone & Dolan 1977).
inline constexpr double kLethalRadiusNmiPerCubeRootMtPerPsi = 2.62;
/// Metres per international nautical mile.
inline constexpr double kMetresPerNauticalMile = 1852.0;
/// Below this hardness (psi) the cube-root formula understates the lethal radius (by about 27% at
/// 10 psi against Brode's 1987 surface-burst fit; within about 6% from 100 to 10,000 psi).
inline constexpr double kCubeRootMinHardnessPsi = 100.0;

// ---------------------------------------------------------------------------------------------
// Hot cores: no validation, noexcept, allocation-free.
// ---------------------------------------------------------------------------------------------

/// Lethal radius (m) of a surface burst of `yield_kt` (kt) against a point target of hardness
/// `hardness_psi` (psi): LR_m = 2.62 * 1852 * ((Y_kt / 1000) / H_psi)^(1/3).
/// Pre: yield_kt > 0, hardness_psi > 0, both finite. Approximate below kCubeRootMinHardnessPsi.
inline double lethal_radius_m(double yield_kt, double hardness_psi) noexcept {
  return kLethalRadiusNmiPerCubeRootMtPerPsi * kMetresPerNauticalMile * std::cbrt((yield_kt / 1000.0) / hardness_psi);
}

/// Single-shot kill probability of a warhead that arrives and detonates, for a lethal radius and a
/// CEP in the same unit (m): SSPK = 1 - 0.5^((LR/CEP)^2) = 1 - exp(-ln2 * LR^2 / CEP^2).
/// Pre: lethal_radius_m >= 0, cep_m > 0. Computed with expm1 so small SSPKs keep their digits.
inline double sspk(double lethal_radius_m, double cep_m) noexcept {
  const double ratio = lethal_radius_m / cep_m;
  return -std::expm1(-std::numbers::ln2 * ratio * ratio);
}

/// Terminal kill probability of one warhead: p = R * SSPK * P_pen, with R the reliability (launch,
/// flight, re-entry and detonation together) and P_pen the probability of getting through
/// defences (1 without defences). Pre: all three in [0, 1].
inline double terminal_kill_probability(double sspk, double reliability, double p_pen) noexcept {
  return reliability * sspk * p_pen;
}

/// Kill probability of `warheads` independent warheads of the same terminal kill probability `p`
/// on one target: 1 - (1 - p)^n, computed as -expm1(n * log1p(-p)) to keep small values exact.
/// No fratricide. Pre: p in [0, 1], warheads >= 0.
inline double kill_probability_n(double p, int warheads) noexcept {
  return -std::expm1(static_cast<double>(warheads) * std::log1p(-p));
}

/// Kill probability of independent warheads with terminal kill probabilities `p` on one target:
/// 1 - prod_i (1 - p_i). No fratricide. Pre: every p_i in [0, 1]. Empty: 0.
inline double combined_kill_probability(std::span<const double> p) noexcept {
  double survive = 1.0;
  for (const double p_i : p) survive *= 1.0 - p_i;
  return 1.0 - survive;
}

/// Yield-to-the-two-thirds, Mt^(2/3): one warhead's equivalent megatons (EMT) and the numerator of
/// its lethality. Pre: yield_kt >= 0.
inline double equivalent_megatons(double yield_kt) noexcept {
  return std::cbrt((yield_kt / 1000.0) * (yield_kt / 1000.0));
}

/// Lethality K = Y_Mt^(2/3) / CEP_nmi^2 (Mt^(2/3) per nmi^2), the counter-military index of one
/// warhead. Pre: yield_kt >= 0, cep_m > 0.
inline double lethality(double yield_kt, double cep_m) noexcept {
  const double cep_nmi = cep_m / kMetresPerNauticalMile;
  return equivalent_megatons(yield_kt) / (cep_nmi * cep_nmi);
}

/// Everything one terminal kill probability needs, in one call: R * SSPK(LR(Y, H), CEP) * P_pen.
/// Pre: as for lethal_radius_m, sspk and terminal_kill_probability.
inline double kill_probability(double yield_kt, double hardness_psi, double cep_m, double reliability,
                               double p_pen) noexcept {
  return terminal_kill_probability(sspk(lethal_radius_m(yield_kt, hardness_psi), cep_m), reliability, p_pen);
}

// ---------------------------------------------------------------------------------------------
// Validating layer: plain input and result structs.
// ---------------------------------------------------------------------------------------------

/// One warhead type attacking one point target. Field names are the keys of diagnostics.
struct KillInputs {
  double yield_kt = 0.0;      ///< kilotons, finite and > 0
  double hardness_psi = 0.0;  ///< peak overpressure the target withstands, psi, finite and > 0
  double cep_m = 0.0;         ///< circular error probable, metres, finite and > 0
  double reliability = 1.0;   ///< launch-to-detonation probability, in [0, 1]
  double p_pen = 1.0;         ///< probability of penetrating defences, in [0, 1] (1: no defences)
  int warheads = 1;           ///< independent warheads of this type on the target, >= 1
};

/// The kill calculation for one warhead type on one point target (docs/methods.md §4).
struct KillCalculation {
  KillInputs inputs;
  double lethal_radius_m = 0.0;      ///< cube-root surface-burst lethal radius, metres
  double sspk = 0.0;                 ///< single-shot kill probability given arrival and detonation
  double kill_probability = 0.0;     ///< terminal kill probability of one warhead, R * SSPK * P_pen
  double kill_probability_n = 0.0;   ///< of `inputs.warheads` independent warheads, no fratricide
  double lethality_k = 0.0;          ///< K = Y_Mt^(2/3) / CEP_nmi^2 of one warhead
  double equivalent_megatons = 0.0;  ///< Y_Mt^(2/3) of one warhead
  /// True when the hardness is below kCubeRootMinHardnessPsi, where the cube-root lethal radius
  /// understates the radius of Brode's 1987 fit (and so the kill probabilities).
  bool approximate = false;
  std::string approximation_note;  ///< why the result is approximate; empty when it is not
};

/// Every problem with `inputs`, one Diagnostic each, with the field name as key path (`yield_kt`,
/// `hardness_psi`, `cep_m`, `reliability`, `p_pen`, `warheads`) and what was expected. Empty when
/// the inputs are valid.
std::vector<Diagnostic> validate_kill_inputs(const KillInputs& inputs);

/// Validates `inputs` (throws InputError with every problem) and computes the kill calculation.
KillCalculation calculate_kill(const KillInputs& inputs);

/// A group of identical warheads, for the force-level indices.
struct WeaponGroup {
  double count = 0.0;     ///< number of warheads (may be an average, so not an integer), >= 0
  double yield_kt = 0.0;  ///< kilotons, finite and > 0
  double cep_m = 0.0;     ///< metres, finite and > 0
};

/// Counter-military potential CMP = sum N * K (Mt^(2/3) / nmi^2). Throws InputError naming each bad
/// field as `weapons[i].count`, `weapons[i].yield_kt` or `weapons[i].cep_m`.
double counter_military_potential(std::span<const WeaponGroup> weapons);

/// Equivalent megatonnage EMT = sum N * Y_Mt^(2/3) (Mt^(2/3)); CEP is not used or checked. Throws
/// InputError naming each bad field as `weapons[i].count` or `weapons[i].yield_kt`.
double equivalent_megatonnage(std::span<const WeaponGroup> weapons);

}  // namespace stratstab

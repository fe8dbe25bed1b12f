// An attacker that concentrates on undefended value (docs/methods.md §12.1, "Adaptive offence"):
// where a defence's layers cover only part of a side's value (terminal footprints), the value is
// taken as two regions, the covered share F (the largest footprint) and the rest, each with the
// side's damage curve scaled to its share (value spread evenly: a region holding the share q of the
// value, hit by x warheads, loses q D(x / q)). The attacker splits the warheads that pass the
// layers covering everything (footprint 1: boost phase, midcourse) between the two regions so as to
// destroy the most value:
//
//   D*(w) = max over 0 <= x <= y of  (1 - F) D(x / (1 - F)) + F D(p(y - x) / F),  y = g(w),
//
// with g the layers of footprint 1 and p the partial layers acting inside the covered region (a
// layer of footprint f covers f / F of it). On a stretch of the split where p is linear the
// objective is jointly concave in (x, y), so D* is concave in y there; it can turn upwards where
// the best split moves to another stretch of p and where g saturates. D* is tabulated with those
// points as the kinks of a piecewise-concave curve (damage.hpp), which the first-strike search
// cuts its pieces at. Pure and reentrant.
#pragma once

#include <cstddef>
#include <vector>

#include "stratstab/damage.hpp"
#include "stratstab/defence.hpp"

namespace stratstab {

/// Points of the tabulated D* (uniform in w, plus the defence's kinks).
inline constexpr std::size_t kConcentrationCurvePoints = 257;

/// The attacker's best split of `arriving` warheads between undefended and covered value.
struct ValueSplit {
  double uncovered = 0;  ///< warheads aimed at value outside every footprint (pass every partial layer)
  double covered = 0;    ///< aimed inside the covered share, after the layers of footprint 1
  double through = 0;    ///< warheads that get through all layers, both regions together
  double damage = 0;     ///< D*: the share of the side's value destroyed
  /// Which linear stretch of the covered layers' penetration the covered warheads fall in (0: before
  /// the first kink). D* is concave in the arriving warheads while it stays the same.
  int stretch = 0;
};

class ConcentratedValueStrike {
 public:
  /// Inactive: no layer covers part of the value.
  ConcentratedValueStrike() = default;
  /// `interceptors_by_layer`, `warheads_per_booster`: as Penetration takes them (against value);
  /// `damage`: the defended side's damage curve.
  ConcentratedValueStrike(const MissileDefence& defence, const std::vector<double>& interceptors_by_layer,
                          double warheads_per_booster, DamageCurve damage);

  /// Whether some engaging layer covers part, not all, of the value (otherwise concentration
  /// changes nothing and the uniform model applies).
  [[nodiscard]] bool active() const { return covered_share_ > 0.0 && covered_share_ < 1.0; }
  /// F: the covered share of the value (the largest partial footprint).
  [[nodiscard]] double covered_share() const { return covered_share_; }
  /// The best split of `arriving` warheads (arriving at the defence), exact for the exponential
  /// damage curve (a closed form on each linear piece of p) and for tabulated ones (bisection).
  [[nodiscard]] ValueSplit best_split(double arriving) const;
  /// D* tabulated over [0, max_arriving] (constant beyond): `points` evenly spaced abscissae, the
  /// defence's kinks and the points where the best split changes stretch (the curve's kinks).
  [[nodiscard]] DamageCurve curve(double max_arriving, std::size_t points = kConcentrationCurvePoints) const;
  /// The damage curve of the value without any defence.
  [[nodiscard]] const DamageCurve& undefended_damage() const { return damage_; }

 private:
  /// Region value: q D(w / q).
  [[nodiscard]] double region_damage(double share, double warheads) const;
  /// The objective at a split: x warheads on undefended value, y - x on covered.
  [[nodiscard]] ValueSplit split_at(double y, double x) const;

  double covered_share_ = 0;
  Penetration global_;   ///< layers of footprint 1, acting on every warhead first
  Penetration covered_;  ///< partial layers, inside the covered region (footprints f / F)
  DamageCurve damage_;
};

}  // namespace stratstab

// The damage curve D(w) of one side: the share of its value destroyed when w enemy warheads
// arrive on it (docs/methods.md §7, "Damage"). Two forms: the exponential of Kent and Thaler,
// D(w) = 1 - exp(-w ln5 / w80), and a tabulated curve (points of w and D, linear between them,
// constant after the last point), e.g. the city curve of cities.hpp. Copying a curve shares its
// points; evaluating one never allocates, so the strike search may call it in its hot loop.
#pragma once

#include <cstddef>
#include <memory>
#include <span>
#include <string>
#include <utility>
#include <vector>

namespace stratstab {

/// One point of a tabulated damage curve.
struct DamagePoint {
  double w = 0;  ///< arriving warheads
  double d = 0;  ///< share of value destroyed, in [0, 1]
};

class DamageCurve {
 public:
  /// The exponential curve with this w80 (> 0).
  static DamageCurve exponential(double w80);
  /// The tabulated curve through `points`: the first at w = 0 with D = 0, w strictly increasing,
  /// D non-decreasing in [0, 1], and concave (slopes non-increasing), as every greedy allocation
  /// of warheads to value gives. Throws std::invalid_argument otherwise (the loader checks first
  /// and reports located errors: validate_damage_points).
  static DamageCurve tabulated(std::vector<DamagePoint> points);
  /// A tabulated curve that is concave between `kinks` (abscissae of some of its points, ascending)
  /// and may turn upwards at them, e.g. D* of an attacker concentrating on undefended value
  /// (concentration.hpp). The first-strike search cuts its pieces where the arriving warheads
  /// cross a kink, so each stretch it searches is concave. Throws std::invalid_argument otherwise.
  static DamageCurve piecewise_concave(std::vector<DamagePoint> points, std::vector<double> kinks);

  DamageCurve() = default;  ///< exponential with w80 = 1 (a placeholder until set)

  /// D(w), w >= 0.
  [[nodiscard]] double operator()(double w) const noexcept;
  /// dD/dw at w: for the exponential lambda e^(-lambda w); for the tabulated curve the slope of
  /// the segment that holds w, the one to the right at a breakpoint (0 after the last point).
  [[nodiscard]] double slope(double w) const noexcept;
  /// The exponential's w80 or, for a tabulated curve, the w at which it reaches D = 0.8 (linear
  /// between points; infinity when it never does).
  [[nodiscard]] double w80() const noexcept;
  [[nodiscard]] bool is_exponential() const noexcept { return points_ == nullptr; }
  /// The tabulated points (empty for the exponential).
  [[nodiscard]] std::span<const DamagePoint> points() const noexcept;
  /// Where the slope may rise (piecewise_concave); empty for a concave curve.
  [[nodiscard]] std::span<const double> kinks() const noexcept;
  /// ln5 / w80 of the exponential.
  [[nodiscard]] double lambda() const noexcept { return lambda_; }

 private:
  double w80_ = 1;
  double lambda_ = 1.6094379124341003;  ///< ln5 / w80_
  std::shared_ptr<const std::vector<DamagePoint>> points_;
  std::shared_ptr<const std::vector<double>> kinks_;
};

/// What is wrong with `points` as a tabulated damage curve, one message per problem with the
/// index of the point (e.g. "point 3: D must not fall (0.5 after 0.6)"); empty when valid.
/// `kinks`: abscissae of points where the slope may rise (piecewise_concave).
std::vector<std::pair<std::size_t, std::string>> damage_point_problems(std::span<const DamagePoint> points,
                                                                       std::span<const double> kinks = {});

}  // namespace stratstab

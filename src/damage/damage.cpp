// The damage curve (damage.hpp, docs/methods.md §7).
#include "stratstab/damage.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

#include <fmt/format.h>

namespace stratstab {
namespace {

const double kLn5 = std::log(5.0);

/// A slope may exceed the one before it by this much (rounding in a tabulated sum).
constexpr double kConcavityTolerance = 1e-12;

}  // namespace

DamageCurve DamageCurve::exponential(double w80) {
  if (!(w80 > 0.0) || !std::isfinite(w80)) throw std::invalid_argument("damage curve: w80 must be finite and > 0");
  DamageCurve c;
  c.w80_ = w80;
  c.lambda_ = kLn5 / w80;
  return c;
}

DamageCurve DamageCurve::tabulated(std::vector<DamagePoint> points) {
  const auto problems = damage_point_problems(points);
  if (!problems.empty()) {
    throw std::invalid_argument(
        fmt::format("damage curve: point {}: {}", problems.front().first, problems.front().second));
  }
  DamageCurve c;
  c.points_ = std::make_shared<const std::vector<DamagePoint>>(std::move(points));
  c.w80_ = c.w80();
  return c;
}

DamageCurve DamageCurve::piecewise_concave(std::vector<DamagePoint> points, std::vector<double> kinks) {
  if (!std::is_sorted(kinks.begin(), kinks.end())) throw std::invalid_argument("damage curve: kinks must ascend");
  const auto problems = damage_point_problems(points, kinks);
  if (!problems.empty()) {
    throw std::invalid_argument(
        fmt::format("damage curve: point {}: {}", problems.front().first, problems.front().second));
  }
  DamageCurve c;
  c.points_ = std::make_shared<const std::vector<DamagePoint>>(std::move(points));
  if (!kinks.empty()) c.kinks_ = std::make_shared<const std::vector<double>>(std::move(kinks));
  c.w80_ = c.w80();
  return c;
}

std::span<const double> DamageCurve::kinks() const noexcept {
  if (!kinks_) return {};
  return *kinks_;
}

std::vector<std::pair<std::size_t, std::string>> damage_point_problems(std::span<const DamagePoint> points,
                                                                       std::span<const double> kinks) {
  std::vector<std::pair<std::size_t, std::string>> out;
  if (points.size() < 2) {
    out.emplace_back(0, "expected at least two points [w, D], the first [0, 0]");
    return out;
  }
  if (points[0].w != 0.0 || points[0].d != 0.0) {
    out.emplace_back(0, fmt::format("expected the first point [0, 0], got [{}, {}]", points[0].w, points[0].d));
  }
  double last_slope = std::numeric_limits<double>::infinity();
  for (std::size_t i = 0; i < points.size(); ++i) {
    const DamagePoint& p = points[i];
    if (!std::isfinite(p.w) || !std::isfinite(p.d) || p.d < 0.0 || p.d > 1.0) {
      out.emplace_back(i, fmt::format("expected finite w and D in [0, 1], got [{}, {}]", p.w, p.d));
      continue;
    }
    if (i == 0) continue;
    const DamagePoint& q = points[i - 1];
    if (!(p.w > q.w)) {
      out.emplace_back(i, fmt::format("w must increase ({} after {})", p.w, q.w));
      continue;
    }
    if (p.d < q.d) {
      out.emplace_back(i, fmt::format("D must not fall ({} after {})", p.d, q.d));
      continue;
    }
    const double slope = (p.d - q.d) / (p.w - q.w);
    // At a declared kink (the segment starts at q) the slope may rise.
    const bool at_kink = std::binary_search(kinks.begin(), kinks.end(), q.w);
    if (!at_kink && slope > last_slope + kConcavityTolerance) {
      out.emplace_back(i, fmt::format("the curve must be concave: slope {} after {} (each further warhead may "
                                      "destroy no more than the one before)",
                                      slope, last_slope));
    }
    last_slope = slope;
  }
  return out;
}

double DamageCurve::operator()(double w) const noexcept {
  if (!points_) return -std::expm1(-lambda_ * w);
  const std::vector<DamagePoint>& p = *points_;
  if (w <= 0.0) return 0.0;
  if (w >= p.back().w) return p.back().d;
  // The first point beyond w; w lies in [it - 1, it).
  const auto it = std::upper_bound(p.begin(), p.end(), w, [](double x, const DamagePoint& q) { return x < q.w; });
  const DamagePoint& b = *it;
  const DamagePoint& a = *(it - 1);
  return a.d + (b.d - a.d) * (w - a.w) / (b.w - a.w);
}

double DamageCurve::slope(double w) const noexcept {
  if (!points_) return lambda_ * std::exp(-lambda_ * w);
  const std::vector<DamagePoint>& p = *points_;
  if (w >= p.back().w) return 0.0;
  const auto it =
      std::upper_bound(p.begin(), p.end(), std::max(w, 0.0), [](double x, const DamagePoint& q) { return x < q.w; });
  const DamagePoint& b = *it;
  const DamagePoint& a = *(it - 1);
  return (b.d - a.d) / (b.w - a.w);
}

double DamageCurve::w80() const noexcept {
  if (!points_) return w80_;
  const std::vector<DamagePoint>& p = *points_;
  for (std::size_t i = 1; i < p.size(); ++i) {
    if (p[i].d >= 0.8) return p[i - 1].w + (0.8 - p[i - 1].d) * (p[i].w - p[i - 1].w) / (p[i].d - p[i - 1].d);
  }
  return std::numeric_limits<double>::infinity();
}

std::span<const DamagePoint> DamageCurve::points() const noexcept {
  if (!points_) return {};
  return *points_;
}

}  // namespace stratstab

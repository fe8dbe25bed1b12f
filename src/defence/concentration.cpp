// The attacker's best split of a value strike between undefended and covered value
// (docs/methods.md §12.1, "Adaptive offence"; the model is stated in concentration.hpp).
#include "stratstab/concentration.hpp"

#include <algorithm>
#include <cmath>
#include <utility>

namespace stratstab {
namespace {

/// Golden-section steps for a tabulated damage curve: the bracket shrinks by 0.618 per step, so 80
/// steps leave 1e-17 of it, below a double's resolution of any split.
constexpr int kGoldenSteps = 80;
/// Two abscissae of the tabulated D* closer than this (relative to the range) are one point.
constexpr double kSamePoint = 1e-9;

bool engages(const MissileDefence& defence, const DefenceLayer& layer, double interceptors, double m) {
  return interceptors > 0.0 && layer_kill_probability(layer) > 0.0 && interceptors_per_object(layer) > 0.0 &&
         layer.footprint > 0.0 && layer_capacity(defence, layer, interceptors, m) > 0.0;
}

}  // namespace

ConcentratedValueStrike::ConcentratedValueStrike(const MissileDefence& defence,
                                                 const std::vector<double>& interceptors_by_layer,
                                                 double warheads_per_booster, DamageCurve damage)
    : damage_(std::move(damage)) {
  for (std::size_t i = 0; i < defence.layers.size() && i < interceptors_by_layer.size(); ++i) {
    const DefenceLayer& layer = defence.layers[i];
    if (layer.footprint < 1.0 && engages(defence, layer, interceptors_by_layer[i], warheads_per_booster)) {
      covered_share_ = std::max(covered_share_, layer.footprint);
    }
  }
  if (!active()) return;
  // The layers of footprint 1 act on the whole strike, before the attacker's split matters (boost
  // phase and midcourse come first in every bundled defence); the partial ones act inside the
  // covered region, where a layer of footprint f covers f / F of it.
  MissileDefence whole = defence;
  MissileDefence partial = defence;
  whole.layers.clear();
  partial.layers.clear();
  std::vector<double> whole_interceptors;
  std::vector<double> partial_interceptors;
  for (std::size_t i = 0; i < defence.layers.size() && i < interceptors_by_layer.size(); ++i) {
    DefenceLayer layer = defence.layers[i];
    if (layer.footprint >= 1.0) {
      whole.layers.push_back(layer);
      whole_interceptors.push_back(interceptors_by_layer[i]);
    } else {
      layer.footprint = std::min(1.0, layer.footprint / covered_share_);
      partial.layers.push_back(layer);
      partial_interceptors.push_back(interceptors_by_layer[i]);
    }
  }
  global_ = Penetration(whole, whole_interceptors, warheads_per_booster);
  covered_ = Penetration(partial, partial_interceptors, warheads_per_booster);
}

double ConcentratedValueStrike::region_damage(double share, double warheads) const {
  return share > 0.0 ? share * damage_(std::max(0.0, warheads) / share) : 0.0;
}

ValueSplit ConcentratedValueStrike::split_at(double y, double x) const {
  ValueSplit s;
  s.uncovered = x;
  s.covered = y - x;
  const double covered_through = covered_.through(s.covered);
  s.through = x + covered_through;
  s.damage = region_damage(1.0 - covered_share_, x) + region_damage(covered_share_, covered_through);
  return s;
}

ValueSplit ConcentratedValueStrike::best_split(double arriving) const {
  const double y = global_.through(std::max(0.0, arriving));
  if (!active()) {
    ValueSplit s;
    s.covered = y;
    s.through = covered_.through(y);
    s.damage = damage_(s.through);
    return s;
  }
  const double f = covered_share_;
  // z = y - x, the warheads on covered value; p is linear between its kinks, and on each such
  // stretch the objective is concave in x (both region curves are concave, p is linear there).
  std::vector<double> ends{0.0};
  for (double k : covered_.kinks()) {
    if (k > 0.0 && k < y) ends.push_back(k);
  }
  ends.push_back(y);
  ValueSplit best = split_at(y, y);
  int stretch = 0;
  const auto consider = [&](double x) {
    ValueSplit s = split_at(y, std::clamp(x, 0.0, y));
    s.stretch = stretch;
    if (s.damage > best.damage) best = s;
  };
  for (std::size_t i = 0; i + 1 < ends.size(); ++i) {
    stretch = static_cast<int>(i);
    const double z_lo = ends[i];
    const double z_hi = ends[i + 1];
    const double x_lo = y - z_hi;
    const double x_hi = y - z_lo;
    consider(x_lo);
    consider(x_hi);
    if (!(z_hi > z_lo)) continue;
    const double sigma = covered_.slope_at(0.5 * (z_lo + z_hi));
    if (damage_.is_exponential()) {
      if (sigma <= 0.0) continue;  // nothing passes the covered layers here: x_hi is best, considered
      // d/dx of (1 - F) D(x / (1 - F)) + F D(p(y - x) / F) with D = 1 - exp(-lambda w) is
      // lambda exp(-lambda x / (1 - F)) - sigma lambda exp(-lambda p(y - x) / F); its zero, with
      // p(z) = p(z_lo) + sigma (z - z_lo), is linear in x.
      const double lambda = damage_.lambda();
      const double p0 = covered_.through(z_lo);
      const double x = ((p0 + sigma * (y - z_lo)) / f - std::log(sigma) / lambda) / (1.0 / (1.0 - f) + sigma / f);
      if (x > x_lo && x < x_hi) consider(x);
      continue;
    }
    // A tabulated curve: golden-section search of the concave objective on [x_lo, x_hi].
    const double ratio = 0.5 * (std::sqrt(5.0) - 1.0);
    double a = x_lo;
    double b = x_hi;
    double c = b - ratio * (b - a);
    double d = a + ratio * (b - a);
    double fc = split_at(y, c).damage;
    double fd = split_at(y, d).damage;
    for (int step = 0; step < kGoldenSteps && b - a > 0.0; ++step) {
      if (fc < fd) {
        a = c;
        c = d;
        fc = fd;
        d = a + ratio * (b - a);
        fd = split_at(y, d).damage;
      } else {
        b = d;
        d = c;
        fd = fc;
        c = b - ratio * (b - a);
        fc = split_at(y, c).damage;
      }
    }
    consider(0.5 * (a + b));
  }
  return best;
}

DamageCurve ConcentratedValueStrike::curve(double max_arriving, std::size_t points) const {
  const double top = std::max(1.0, max_arriving);
  std::vector<double> w;
  w.reserve(points + 2 * (global_.kinks().size() + covered_.kinks().size()));
  const std::size_t n = std::max<std::size_t>(points, 2);
  for (std::size_t i = 0; i < n; ++i) w.push_back(top * static_cast<double>(i) / static_cast<double>(n - 1));
  // Where the defence's slopes change: g saturates (D* may turn upwards there), and the even
  // spread would meet a kink of p.
  std::vector<double> global_kinks;
  for (double k : global_.kinks()) {
    if (k > 0.0 && k < top) global_kinks.push_back(k);
  }
  w.insert(w.end(), global_kinks.begin(), global_kinks.end());
  for (double k : covered_.kinks()) w.push_back(global_.arriving_for(k));
  std::erase_if(w, [&](double v) { return !(v >= 0.0 && v <= top); });
  std::sort(w.begin(), w.end());

  std::vector<DamagePoint> table;
  std::vector<int> stretch;
  table.reserve(w.size() + 8);
  stretch.reserve(w.size() + 8);
  std::vector<double> kinks;
  const auto add = [&](double v, const ValueSplit& split) {
    table.push_back(DamagePoint{v, v > 0.0 ? std::clamp(split.damage, 0.0, 1.0) : 0.0});
    stretch.push_back(split.stretch);
  };
  for (double v : w) {
    if (!table.empty() && v - table.back().w <= kSamePoint * top) continue;
    const ValueSplit split = best_split(v);
    if (!table.empty() && split.stretch != stretch.back()) {
      // The best split moved to another stretch of p between the last point and this one: find
      // where (bisection on the stretch), and make it a point and a kink of the table.
      double lo = table.back().w;
      double hi = v;
      const int before = stretch.back();
      for (int it = 0; it < 60 && hi - lo > kSamePoint * top; ++it) {
        const double mid = 0.5 * (lo + hi);
        (best_split(mid).stretch == before ? lo : hi) = mid;
      }
      if (hi - table.back().w > kSamePoint * top && v - hi > kSamePoint * top) {
        add(hi, best_split(hi));
        kinks.push_back(hi);
      }
    }
    add(v, split);
    for (double k : global_kinks) {
      if (std::abs(k - v) <= kSamePoint * top) kinks.push_back(v);
    }
  }
  // D* never falls (a further warhead can always go where it does no harm to the split); keep the
  // table's rounding from saying otherwise.
  for (std::size_t i = 1; i < table.size(); ++i) table[i].d = std::max(table[i].d, table[i - 1].d);
  std::sort(kinks.begin(), kinks.end());
  kinks.erase(std::unique(kinks.begin(), kinks.end()), kinks.end());
  return DamageCurve::piecewise_concave(std::move(table), std::move(kinks));
}

}  // namespace stratstab

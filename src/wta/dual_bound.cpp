// The upper bound: the Lagrangian dual function of the weapon-availability constraints,
//
//   g(lambda) = sum_w lambda_w a_w + sum_t h_t(lambda),
//   h_t(lambda) = max { V_t (1 - exp(-c_t . x)) - lambda . x : x >= 0, sum x >= m_t },
//
// which by weak duality bounds every feasible objective from above for any lambda >= 0 (each
// feasible x is feasible for every h_t and sum_t lambda . x_t <= lambda . a). The bound is exact
// to rounding: each h_t is computed through its own one-dimensional dual,
//
//   h_t = min_{0 <= nu <= min_w lambda_w} F(nu),  F(nu) = phi(r(nu)) - nu m_t,
//   r(nu) = min_w (lambda_w - nu) / c_w   (cheapest price of one unit of "kill effort" s = c.x),
//   phi(r) = max_s V (1 - e^-s) - r s = V - r - r ln(V / r) for r < V, 0 for r >= V, V for r = 0,
//
// and any nu in the interval gives a valid (if looser) bound, so the bisection below can only make
// the bound tighter, never wrong. F is convex; its slope is x_w*(nu) - m_t, the weapons of the
// cheapest kind the unconstrained target would take, minus the minimum.
#include <algorithm>
#include <cmath>
#include <limits>

#include "internal.hpp"

namespace stratstab::wta {
namespace {

/// max_s V (1 - e^-s) - r s for effort price r >= 0; `effort` receives the maximiser s.
double best_value(double value, double r, double& effort) {
  if (r <= 0) {
    effort = std::numeric_limits<double>::infinity();
    return value;
  }
  if (r >= value) {
    effort = 0;
    return 0;
  }
  effort = std::log(value / r);
  return value - r - r * effort;
}

struct Piece {
  double price;  ///< r(nu)
  double slope;  ///< x_w*(nu): weapons of the cheapest kind taken at that price
};

Piece cheapest(const Structure& s, std::size_t begin, std::size_t end, std::span<const double> lambda, double nu,
               double value, double& phi) {
  double r = std::numeric_limits<double>::infinity();
  double c_best = 1;
  for (std::size_t i = begin; i < end; ++i) {
    const double ri = std::max(lambda[s.pair_weapon[i]] - nu, 0.0) / s.pair_c[i];
    if (ri < r) {
      r = ri;
      c_best = s.pair_c[i];
    }
  }
  double effort = 0;
  phi = best_value(value, r, effort);
  return Piece{r, effort / c_best};
}

}  // namespace

double dual_bound(const Structure& s, std::span<const double> lambda, std::span<double> nu) {
  double bound = 0;
  for (std::size_t w = 0; w < s.weapons; ++w) bound += lambda[w] * s.available[w];
  for (std::size_t t = 0; t < s.targets; ++t) {
    const std::size_t begin = s.target_start[t];
    const std::size_t end = s.target_start[t + 1];
    nu[t] = 0;
    if (begin == end) continue;  // nothing can be spent here: h_t = 0 (validation ensures m_t = 0)
    const double m = s.minimum[t];
    const double v = s.value[t];
    double phi = 0;
    const Piece at_zero = cheapest(s, begin, end, lambda, 0.0, v, phi);
    double best = phi;
    if (m > 0 && at_zero.slope < m) {
      // Minimum binding at nu = 0: bisect on the sign of the slope over [0, min lambda].
      double hi = std::numeric_limits<double>::infinity();
      for (std::size_t i = begin; i < end; ++i) hi = std::min(hi, lambda[s.pair_weapon[i]]);
      double lo = 0;
      for (int iteration = 0; iteration < 200 && hi - lo > 4 * std::numeric_limits<double>::epsilon() * hi;
           ++iteration) {
        const double mid = 0.5 * (lo + hi);
        double phi_mid = 0;
        const Piece piece = cheapest(s, begin, end, lambda, mid, v, phi_mid);
        if (piece.slope < m) {
          lo = mid;
        } else {
          hi = mid;
        }
      }
      double phi_lo = 0;
      double phi_hi = 0;
      cheapest(s, begin, end, lambda, lo, v, phi_lo);
      cheapest(s, begin, end, lambda, hi, v, phi_hi);
      const double f_lo = phi_lo - lo * m;
      const double f_hi = phi_hi - hi * m;
      best = std::min({best, f_lo, f_hi});
      nu[t] = f_lo <= f_hi ? lo : hi;
    }
    bound += best;
  }
  return bound;
}

}  // namespace stratstab::wta

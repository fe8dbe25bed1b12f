// The continuous WTA problem by a primal-dual interior-point method (Mehrotra predictor-corrector;
// Nocedal & Wright, Numerical Optimization, 2nd ed. 2006, sections 14.2 and 19.3), written for its
// structure. In minimisation form
//
//   min f(x) = sum_t V_t exp(-c_t . x_t)
//   s.t. A x = a  (weapons),  B x - v = m  (minimums, targets with m_t > 0; v >= 0),  x >= 0.
//
// The weapon rows are equalities: every pair leads to a target with V_t > 0 (where one more weapon
// always adds value, exp(-s) > 0) or with a minimum (where extra weapons do no harm), so some
// optimum spends every weapon. Taking this as known matters: with a slack u_w the method drives
// a weapon's price and slack to zero together on heavily saturated problems and then needs one
// iteration per unit of kill effort s to catch up (Newton on exp(-s) moves s by at most 1).
//
// The Hessian of f is block diagonal over targets, each block V_t e^(-s_t) c_t c_t^T (rank one),
// and every target row of B is all ones. After eliminating the bound duals and the minimum
// multipliers, each target's block of the Newton matrix is K_t = D_t + alpha_t c c^T + beta_t 1 1^T
// (diagonal plus rank two; inverted below), and the only coupling left is the W weapon rows: a
// W x W Schur complement S = A K^-1 A^T, factored by Cholesky. Predictor and corrector share the
// factorisation; primal and dual steps have their own lengths. Work arrays are allocated once,
// before the iterations.
//
// Stopping is by the proven gap: once the interior-point residuals are small the iterate is made
// exactly feasible (rows over a_w scaled down, shortfalls under m_t filled; see repair), its
// objective is the lower bound, and the dual function at the weapon prices (dual_bound.cpp) the
// upper bound.
#include <algorithm>
#include <cmath>
#include <limits>

#include "internal.hpp"

namespace stratstab::wta {
namespace {

struct Workspace {
  // Per pair.
  std::vector<double> rhs, dx, dz, dx_aff, dz_aff, dinv, p;
  // Per target.
  std::vector<double> effort, alpha, beta, gamma, rhs3, dmu, dv, dmu_aff, dv_aff;
  // Per weapon.
  std::vector<double> schur, rhs_w, dlambda, dlambda_aff;
  // Per target: K_t^-1 (n_t x n_t, full), at kinv_start[t]; scratch for one factorisation.
  std::vector<double> kinv, factor, inverse_factor, scratch;
  std::vector<std::size_t> kinv_start;
  std::vector<std::size_t> touched;
};

/// In-place Cholesky of the dense symmetric n x n matrix (lower triangle used). Pivots that
/// rounding has made non-positive are replaced by a large value, which drops that direction (the
/// standard safeguard in interior-point codes, Wright 1997, Primal-Dual Interior-Point Methods,
/// ch. 11).
void cholesky(std::vector<double>& m, std::size_t n) {
  for (std::size_t j = 0; j < n; ++j) {
    double d = m[j * n + j];
    for (std::size_t k = 0; k < j; ++k) d -= m[j * n + k] * m[j * n + k];
    if (!(d > 1e-30 * std::max(1.0, std::abs(m[j * n + j])))) d = 1e128;
    const double l = std::sqrt(d);
    m[j * n + j] = l;
    for (std::size_t i = j + 1; i < n; ++i) {
      double v = m[i * n + j];
      for (std::size_t k = 0; k < j; ++k) v -= m[i * n + k] * m[j * n + k];
      m[i * n + j] = v / l;
    }
  }
}

/// S += A_t K_t^-1 A_t^T: K_t^-1 (k x k, full) scattered to the weapon rows, lower triangle of S.
/// A weapon appears once per target, so i != j means different weapons.
void scatter_to_schur(const Structure& s, std::size_t b, std::size_t k, const double* kinv, std::size_t nw,
                      std::vector<double>& schur) {
  for (std::size_t i = 0; i < k; ++i) {
    const std::size_t wi = s.pair_weapon[b + i];
    for (std::size_t j = 0; j <= i; ++j) {
      const std::size_t wj = s.pair_weapon[b + j];
      schur[std::max(wi, wj) * nw + std::min(wi, wj)] += kinv[i * k + j];
    }
  }
}

/// Cholesky of a small dense SPD matrix (lower triangle, row-major k x k), same safeguard.
void cholesky_in_place(double* m, std::size_t k) {
  for (std::size_t j = 0; j < k; ++j) {
    double d = m[j * k + j];
    for (std::size_t q = 0; q < j; ++q) d -= m[j * k + q] * m[j * k + q];
    if (!(d > 1e-300)) d = 1e-300;
    const double l = std::sqrt(d);
    m[j * k + j] = l;
    for (std::size_t i = j + 1; i < k; ++i) {
      double v = m[i * k + j];
      for (std::size_t q = 0; q < j; ++q) v -= m[i * k + q] * m[j * k + q];
      m[i * k + j] = v / l;
    }
  }
}

void cholesky_solve(const std::vector<double>& l, std::size_t n, std::vector<double>& b) {
  for (std::size_t i = 0; i < n; ++i) {
    double v = b[i];
    for (std::size_t k = 0; k < i; ++k) v -= l[i * n + k] * b[k];
    b[i] = v / l[i * n + i];
  }
  for (std::size_t i = n; i-- > 0;) {
    double v = b[i];
    for (std::size_t k = i + 1; k < n; ++k) v -= l[k * n + i] * b[k];
    b[i] = v / l[i * n + i];
  }
}

/// Largest step in (0, `step`] keeping v + step dv >= 0.
double max_step(std::span<const double> v, std::span<const double> dv, double step) {
  for (std::size_t i = 0; i < v.size(); ++i) {
    if (dv[i] < 0) step = std::min(step, -v[i] / dv[i]);
  }
  return step;
}

}  // namespace

namespace {

/// Makes x exactly feasible: weapon rows over a_w scaled down, then each shortfall under m_t
/// filled from the weapon with the most to spare among those that can reach the target, or else
/// moved from the same weapon kind's pairs on targets that have weapons above their own minimum.
/// Returns the largest violation left (0 but for rounding, ~1e-13 weapons).
double repair(const Structure& s, std::vector<double>& x, std::vector<double>& row, std::vector<double>& got) {
  row.assign(s.weapons, 0.0);
  for (std::size_t i = 0; i < s.pairs(); ++i) {
    x[i] = std::max(x[i], 0.0);
    row[s.pair_weapon[i]] += x[i];
  }
  for (std::size_t i = 0; i < s.pairs(); ++i) {
    const std::size_t w = s.pair_weapon[i];
    if (row[w] > s.available[w]) x[i] *= s.available[w] / row[w];
  }
  row.assign(s.weapons, 0.0);
  for (std::size_t i = 0; i < s.pairs(); ++i) row[s.pair_weapon[i]] += x[i];
  got.assign(s.targets, 0.0);
  for (std::size_t t = 0; t < s.targets; ++t) {
    for (std::size_t i = s.target_start[t]; i < s.target_start[t + 1]; ++i) got[t] += x[i];
  }
  double violation = 0;
  for (std::size_t w = 0; w < s.weapons; ++w) violation = std::max(violation, row[w] - s.available[w]);
  for (std::size_t t = 0; t < s.targets; ++t) {
    double shortfall = s.minimum[t] - got[t];
    for (std::size_t i = s.target_start[t]; i < s.target_start[t + 1] && shortfall > 0; ++i) {
      const std::size_t w = s.pair_weapon[i];
      const double add = std::min(std::max(s.available[w] - row[w], 0.0), shortfall);
      x[i] += add;
      row[w] += add;
      got[t] += add;
      shortfall -= add;
    }
    // Move from the same kind elsewhere (targets above their minimum): O(pairs), and only for the
    // rounding-level shortfalls the interior point leaves.
    for (std::size_t i = s.target_start[t]; i < s.target_start[t + 1] && shortfall > 0; ++i) {
      const std::size_t w = s.pair_weapon[i];
      for (std::size_t u = 0; u < s.targets && shortfall > 0; ++u) {
        if (u == t) continue;
        const double surplus = got[u] - s.minimum[u];
        if (surplus <= 0) continue;
        for (std::size_t j = s.target_start[u]; j < s.target_start[u + 1]; ++j) {
          if (s.pair_weapon[j] != w) continue;
          const double move = std::min({x[j], surplus, shortfall});
          x[j] -= move;
          got[u] -= move;
          x[i] += move;
          got[t] += move;
          shortfall -= move;
          break;
        }
      }
    }
    violation = std::max(violation, shortfall);
  }
  return std::max(violation, 0.0);
}

}  // namespace

ContinuousResult solve_continuous(const Structure& s, double gap_tolerance, int max_iterations) {
  const std::size_t n = s.pairs();
  const std::size_t nw = s.weapons;
  const std::size_t nt = s.targets;
  ContinuousResult result;
  result.x.assign(n, 0.0);
  result.lambda.assign(nw, 0.0);
  result.nu.assign(nt, 0.0);

  // Scale values so the largest is 1: the barrier and tolerances then mean the same for a problem
  // in warheads and one in dollars. Prices are scaled back at the end.
  double value_scale = 0;
  for (double v : s.value) value_scale = std::max(value_scale, v);
  if (value_scale <= 0) value_scale = 1;
  std::vector<double> value(nt);
  for (std::size_t t = 0; t < nt; ++t) value[t] = s.value[t] / value_scale;

  std::vector<bool> has_min(nt);
  std::size_t n_min = 0;
  for (std::size_t t = 0; t < nt; ++t) {
    has_min[t] = s.minimum[t] > 0;
    n_min += has_min[t] ? 1 : 0;
  }
  std::vector<bool> weapon_used(nw, false);
  for (std::size_t i = 0; i < n; ++i) weapon_used[s.pair_weapon[i]] = true;
  if (n == 0) {
    result.objective = 0;
    result.upper_bound = dual_bound(s, result.lambda, result.nu);
    return result;
  }

  // Primal-dual state.
  std::vector<double> x(n), z(n), lambda(nw, 0.0), v(nt, 0.0), mu(nt, 0.0);
  std::vector<double> pairs_of_weapon(nw, 0.0);
  std::vector<double> ws_effort_init(nt, 0.0);
  for (std::size_t i = 0; i < n; ++i) pairs_of_weapon[s.pair_weapon[i]] += 1;
  // Start: a few sweeps of water-filling (warm_start.cpp), moved off the bounds so every x_i > 0
  // while each weapon row still adds up to a_w; duals from the water-filling prices, with every
  // complementarity product at least `centre` so the start is near the central path.
  std::vector<double> log_price(nw, 0.0);
  warm_start(s, value, 2, x, log_price);
  for (std::size_t w = 0; w < nw; ++w) lambda[w] = weapon_used[w] ? std::exp(std::max(log_price[w], -700.0)) : 0.0;
  {
    std::vector<double> row(nw, 0.0);
    for (std::size_t i = 0; i < n; ++i) {
      const std::size_t w = s.pair_weapon[i];
      x[i] += 1e-2 * s.available[w] / pairs_of_weapon[w];
      row[w] += x[i];
    }
    for (std::size_t i = 0; i < n; ++i) x[i] *= s.available[s.pair_weapon[i]] / row[s.pair_weapon[i]];
  }
  double centre = 0;
  for (std::size_t t = 0; t < nt; ++t) {
    double effort = 0;
    for (std::size_t i = s.target_start[t]; i < s.target_start[t + 1]; ++i) effort += s.pair_c[i] * x[i];
    ws_effort_init[t] = effort;
    centre += value[t] * std::exp(-effort);
  }
  centre = std::max(1e-3 * centre / static_cast<double>(n), 1e-14);
  for (std::size_t t = 0; t < nt; ++t) {
    const double alpha = value[t] * std::exp(-ws_effort_init[t]);
    for (std::size_t i = s.target_start[t]; i < s.target_start[t + 1]; ++i) {
      const double reduced = lambda[s.pair_weapon[i]] - alpha * s.pair_c[i];
      z[i] = std::max(reduced, 0.0) + centre / x[i];
    }
  }
  for (std::size_t t = 0; t < nt; ++t) {
    if (!has_min[t]) continue;
    double got = 0;
    for (std::size_t i = s.target_start[t]; i < s.target_start[t + 1]; ++i) got += x[i];
    v[t] = std::max(got - s.minimum[t], 1.0);
    mu[t] = centre / v[t];
  }

  Workspace ws;
  for (auto* vec : {&ws.rhs, &ws.dx, &ws.dz, &ws.dx_aff, &ws.dz_aff, &ws.dinv, &ws.p}) vec->assign(n, 0.0);
  for (auto* vec : {&ws.effort, &ws.alpha, &ws.beta, &ws.gamma, &ws.rhs3, &ws.dmu, &ws.dv, &ws.dmu_aff, &ws.dv_aff})
    vec->assign(nt, 0.0);
  for (auto* vec : {&ws.rhs_w, &ws.dlambda, &ws.dlambda_aff}) vec->assign(nw, 0.0);
  ws.schur.assign(nw * nw, 0.0);
  ws.kinv_start.assign(nt + 1, 0);
  std::size_t widest = 0;
  for (std::size_t t = 0; t < nt; ++t) {
    const std::size_t k = s.target_start[t + 1] - s.target_start[t];
    ws.kinv_start[t + 1] = ws.kinv_start[t] + k * k;
    widest = std::max(widest, k);
  }
  ws.kinv.assign(ws.kinv_start[nt], 0.0);
  ws.factor.assign(widest * widest, 0.0);
  ws.inverse_factor.assign(widest * widest, 0.0);
  ws.scratch.assign(2 * widest, 0.0);
  std::vector<double> r_dual(n), r_weapon(nw), r_min(nt), grad(n);
  std::vector<double> x_trial(n), row(nw), got_scratch(nt), nu(nt), lambda_out(nw);
  std::vector<double> x_fallback = x;
  std::vector<double> lambda_fallback = lambda;
  double best_merit = std::numeric_limits<double>::infinity();

  double a_norm = 1;
  for (double a : s.available) a_norm = std::max(a_norm, a);
  const double comp_pairs = static_cast<double>(n + n_min);

  double best_gap = std::numeric_limits<double>::infinity();
  int iteration = 0;
  for (; iteration < max_iterations; ++iteration) {
    // Gradient, Hessian weights and residuals.
    for (std::size_t t = 0; t < nt; ++t) {
      double effort = 0;
      for (std::size_t i = s.target_start[t]; i < s.target_start[t + 1]; ++i) effort += s.pair_c[i] * x[i];
      ws.effort[t] = effort;
      ws.alpha[t] = value[t] * std::exp(-effort);
    }
    std::fill(r_weapon.begin(), r_weapon.end(), 0.0);
    for (std::size_t t = 0; t < nt; ++t) {
      double got = 0;
      for (std::size_t i = s.target_start[t]; i < s.target_start[t + 1]; ++i) {
        const std::size_t w = s.pair_weapon[i];
        grad[i] = -ws.alpha[t] * s.pair_c[i];
        r_dual[i] = grad[i] + lambda[w] - (has_min[t] ? mu[t] : 0.0) - z[i];
        r_weapon[w] += x[i];
        got += x[i];
      }
      r_min[t] = has_min[t] ? got - v[t] - s.minimum[t] : 0.0;
    }
    double primal_inf = 0;
    for (std::size_t w = 0; w < nw; ++w) {
      r_weapon[w] = weapon_used[w] ? r_weapon[w] - s.available[w] : 0.0;
      primal_inf = std::max(primal_inf, std::abs(r_weapon[w]) / a_norm);
    }
    for (std::size_t t = 0; t < nt; ++t) primal_inf = std::max(primal_inf, std::abs(r_min[t]) / a_norm);
    double comp = 0;
    for (std::size_t i = 0; i < n; ++i) comp += x[i] * z[i];
    for (std::size_t t = 0; t < nt; ++t) comp += has_min[t] ? v[t] * mu[t] : 0.0;
    const double tau = comp / comp_pairs;

    // Proven-gap check once the iterate is nearly optimal.
    double obj_scaled = 0;
    for (std::size_t t = 0; t < nt; ++t) obj_scaled += value[t] * -std::expm1(-ws.effort[t]);
    // Rounding has the last word: once the iterate stops being finite, the best checked one stands.
    if (!std::isfinite(tau) || !std::isfinite(obj_scaled)) break;
    // The finite iterate nearest optimality so far (largest of the relative primal infeasibility
    // and complementarity): what the fallback below reports when the method breaks down before
    // any iterate was close enough to check. A kill probability of 1 next to minimums made the
    // Newton systems so ill-conditioned that the infeasibility grew from 1e-11 to NaN (fuzz finding
    // fuzz/findings/fuzz_wta_loader/nan-continuous-x); the last iterate was then NaN.
    const double merit = std::max(primal_inf, comp / std::max(obj_scaled, 1e-12));
    if (merit < best_merit) {
      best_merit = merit;
      x_fallback = x;
      lambda_fallback = lambda;
    }
    if (comp < 1e-6 * std::max(obj_scaled, 1e-12) && primal_inf < 1e-6) {
      x_trial = x;
      const double violation = repair(s, x_trial, row, got_scratch);
      // Any prices >= 0 give a valid bound; the free multipliers of the equalities are positive
      // at the optimum, and clipping can only loosen the bound, never falsify it.
      for (std::size_t w = 0; w < nw; ++w)
        lambda_out[w] = weapon_used[w] ? std::max(lambda[w], 0.0) * value_scale : 0.0;
      const double lower = objective(s, x_trial);
      const double upper = dual_bound(s, lambda_out, nu);
      const double gap = (upper - lower) / std::max(std::abs(upper), 1e-300);
      if (gap < best_gap) {
        best_gap = gap;
        result.x = x_trial;
        result.lambda = lambda_out;
        result.nu = nu;
        result.objective = lower;
        result.upper_bound = upper;
        result.max_violation = violation;
      }
      if (gap <= gap_tolerance) break;
    }

    // Factor: each target's K_t^-1, then the Schur complement S = sum_t A_t K_t^-1 A_t^T.
    // Without a minimum K_t = D_t + alpha c c^T and Sherman-Morrison gives
    // K^-1 = D^-1 - g p p^T (p = D^-1 c, g = alpha / (1 + alpha c.p)) in O(n_t^2). With a minimum
    // (the extra beta 1 1^T, beta = mu/v growing without bound) the same update near the optimum
    // subtracts terms of 1e10 to leave 1e-9, losing every digit (it stalled the method on problems
    // with many binding minimums), so those targets are inverted densely: Cholesky, then
    // L^-T L^-1, O(n_t^3) with n_t <= W.
    std::fill(ws.schur.begin(), ws.schur.end(), 0.0);
    for (std::size_t w = 0; w < nw; ++w) ws.schur[w * nw + w] = weapon_used[w] ? 0.0 : 1.0;
    for (std::size_t t = 0; t < nt; ++t) {
      const std::size_t b = s.target_start[t];
      const std::size_t k = s.target_start[t + 1] - b;
      if (k == 0) continue;
      double* kinv = ws.kinv.data() + ws.kinv_start[t];
      if (!has_min[t]) {
        ws.beta[t] = 0;
        double cp = 0;
        for (std::size_t i = b; i < b + k; ++i) {
          ws.dinv[i] = x[i] / z[i];
          ws.p[i] = ws.dinv[i] * s.pair_c[i];
          cp += s.pair_c[i] * ws.p[i];
        }
        const double g = ws.alpha[t] / (1 + ws.alpha[t] * cp);
        ws.gamma[t] = g;
        for (std::size_t i = 0; i < k; ++i) {
          for (std::size_t j = 0; j <= i; ++j) {
            const double entry = (i == j ? ws.dinv[b + i] : 0.0) - g * ws.p[b + i] * ws.p[b + j];
            kinv[i * k + j] = entry;
            kinv[j * k + i] = entry;
          }
        }
        scatter_to_schur(s, b, k, kinv, nw, ws.schur);
        continue;
      }
      const double beta = has_min[t] ? mu[t] / v[t] : 0.0;
      ws.beta[t] = beta;
      const double alpha = ws.alpha[t];
      double* l = ws.factor.data();
      for (std::size_t i = 0; i < k; ++i) {
        for (std::size_t j = 0; j <= i; ++j) l[i * k + j] = alpha * s.pair_c[b + i] * s.pair_c[b + j] + beta;
        l[i * k + i] += z[b + i] / x[b + i];
      }
      cholesky_in_place(l, k);
      // Y = L^-1 (lower triangular), column by column.
      double* y = ws.inverse_factor.data();
      for (std::size_t j = 0; j < k; ++j) {
        for (std::size_t i = 0; i < k; ++i) {
          if (i < j) {
            y[i * k + j] = 0;
            continue;
          }
          double v_ij = i == j ? 1.0 : 0.0;
          for (std::size_t m = j; m < i; ++m) v_ij -= l[i * k + m] * y[m * k + j];
          y[i * k + j] = v_ij / l[i * k + i];
        }
      }
      // K^-1 = Y^T Y, stored in full.
      for (std::size_t i = 0; i < k; ++i) {
        for (std::size_t j = 0; j <= i; ++j) {
          double sum = 0;
          for (std::size_t m = i; m < k; ++m) sum += y[m * k + i] * y[m * k + j];
          kinv[i * k + j] = sum;
          kinv[j * k + i] = sum;
        }
      }
      scatter_to_schur(s, b, k, kinv, nw, ws.schur);
    }
    cholesky(ws.schur, nw);

    // out = K_t^-1 in: O(n_t) by Sherman-Morrison without a minimum, else the stored inverse.
    const auto apply_kinv = [&](std::size_t t, std::size_t b, std::size_t k, const double* in, double* out) {
      if (!has_min[t]) {
        double pr = 0;
        for (std::size_t i = 0; i < k; ++i) pr += ws.p[b + i] * in[i];
        const double g = ws.gamma[t] * pr;
        for (std::size_t i = 0; i < k; ++i) out[i] = ws.dinv[b + i] * in[i] - g * ws.p[b + i];
        return;
      }
      const double* kinv = ws.kinv.data() + ws.kinv_start[t];
      for (std::size_t i = 0; i < k; ++i) {
        double y = 0;
        for (std::size_t j = 0; j < k; ++j) y += kinv[i * k + j] * in[j];
        out[i] = y;
      }
    };

    // One Newton solve; comp_x(i), comp_v(t): the complementarity residuals to drive to zero
    // (x z - sigma tau + second-order correction, and the same for the minimum slacks).
    const auto solve = [&](auto&& comp_x, auto&& comp_v, std::vector<double>& dx, std::vector<double>& dz,
                           std::vector<double>& dlambda, std::vector<double>& dmu, std::vector<double>& dv) {
      // r~ = -r_d - X^-1 r_xz + B^T Dv^-1 rhs3 (per pair), rhs3 = -r_b - M^-1 r_vm.
      for (std::size_t t = 0; t < nt; ++t) {
        ws.rhs3[t] = has_min[t] ? -r_min[t] - comp_v(t) / mu[t] : 0.0;
        const double extra = has_min[t] ? ws.beta[t] * ws.rhs3[t] : 0.0;
        for (std::size_t i = s.target_start[t]; i < s.target_start[t + 1]; ++i) {
          ws.rhs[i] = -r_dual[i] - comp_x(i) / x[i] + extra;
        }
      }
      // S dlambda = A K^-1 r~ + r_a (the weapon rows are equalities: no slack terms).
      for (std::size_t w = 0; w < nw; ++w) {
        ws.rhs_w[w] = weapon_used[w] ? r_weapon[w] : 0.0;
      }
      for (std::size_t t = 0; t < nt; ++t) {
        const std::size_t b = s.target_start[t];
        const std::size_t k = s.target_start[t + 1] - b;
        apply_kinv(t, b, k, ws.rhs.data() + b, ws.scratch.data());
        for (std::size_t i = 0; i < k; ++i) ws.rhs_w[s.pair_weapon[b + i]] += ws.scratch[i];
      }
      dlambda = ws.rhs_w;
      cholesky_solve(ws.schur, nw, dlambda);
      for (std::size_t w = 0; w < nw; ++w) {
        if (!weapon_used[w]) dlambda[w] = 0;
      }
      // dx_t = K_t^-1 (r~_t - A_t^T dlambda).
      for (std::size_t t = 0; t < nt; ++t) {
        const std::size_t b = s.target_start[t];
        const std::size_t k = s.target_start[t + 1] - b;
        for (std::size_t i = 0; i < k; ++i) ws.scratch[k + i] = ws.rhs[b + i] - dlambda[s.pair_weapon[b + i]];
        apply_kinv(t, b, k, ws.scratch.data() + k, dx.data() + b);
        double sum_dx = 0;
        for (std::size_t i = b; i < b + k; ++i) {
          dz[i] = (-comp_x(i) - z[i] * dx[i]) / x[i];
          sum_dx += dx[i];
        }
        if (has_min[t]) {
          dmu[t] = ws.beta[t] * (ws.rhs3[t] - sum_dx);
          dv[t] = (-comp_v(t) - v[t] * dmu[t]) / mu[t];
        } else {
          dmu[t] = 0;
          dv[t] = 0;
        }
      }
    };

    const auto step_to_boundary = [&](const std::vector<double>& dx, const std::vector<double>& dz,
                                      const std::vector<double>&, const std::vector<double>& dmu,
                                      const std::vector<double>& dv, double& primal, double& dual) {
      primal = max_step(x, dx, 1.0);
      dual = max_step(z, dz, 1.0);
      for (std::size_t t = 0; t < nt; ++t) {
        if (!has_min[t]) continue;
        if (dv[t] < 0) primal = std::min(primal, -v[t] / dv[t]);
        if (dmu[t] < 0) dual = std::min(dual, -mu[t] / dmu[t]);
      }
    };

    // Predictor (affine scaling): complementarity target 0.
    solve([&](std::size_t i) { return x[i] * z[i]; }, [&](std::size_t t) { return v[t] * mu[t]; }, ws.dx_aff, ws.dz_aff,
          ws.dlambda_aff, ws.dmu_aff, ws.dv_aff);
    double ap = 0;
    double ad = 0;
    step_to_boundary(ws.dx_aff, ws.dz_aff, ws.dlambda_aff, ws.dmu_aff, ws.dv_aff, ap, ad);
    double comp_aff = 0;
    for (std::size_t i = 0; i < n; ++i) comp_aff += (x[i] + ap * ws.dx_aff[i]) * (z[i] + ad * ws.dz_aff[i]);
    for (std::size_t t = 0; t < nt; ++t) {
      if (has_min[t]) comp_aff += (v[t] + ap * ws.dv_aff[t]) * (mu[t] + ad * ws.dmu_aff[t]);
    }
    const double ratio = comp_aff / comp;
    const double sigma = std::clamp(ratio * ratio * ratio, 0.0, 1.0);
    const double target = sigma * tau;

    // Corrector: centring plus the second-order term of the predictor.
    solve([&](std::size_t i) { return x[i] * z[i] + ws.dx_aff[i] * ws.dz_aff[i] - target; },
          [&](std::size_t t) { return v[t] * mu[t] + ws.dv_aff[t] * ws.dmu_aff[t] - target; }, ws.dx, ws.dz, ws.dlambda,
          ws.dmu, ws.dv);
    double sp = 0;
    double sd = 0;
    step_to_boundary(ws.dx, ws.dz, ws.dlambda, ws.dmu, ws.dv, sp, sd);
    const double eta = 0.995;
    const double step_p = std::min(1.0, eta * sp);
    const double step_d = std::min(1.0, eta * sd);
    if (!(step_p > 0) || !(step_d > 0) || !std::isfinite(step_p + step_d)) break;
    for (std::size_t i = 0; i < n; ++i) {
      x[i] += step_p * ws.dx[i];
      z[i] += step_d * ws.dz[i];
    }
    for (std::size_t w = 0; w < nw; ++w) lambda[w] += step_d * ws.dlambda[w];
    for (std::size_t t = 0; t < nt; ++t) {
      if (!has_min[t]) continue;
      v[t] += step_p * ws.dv[t];
      mu[t] += step_d * ws.dmu[t];
    }
  }
  result.iterations = iteration;
  if (!std::isfinite(best_gap)) {
    // Never close enough to check: report the fallback iterate, repaired, with its bound (valid
    // for any prices >= 0, however loose).
    x_trial = x_fallback;
    result.max_violation = repair(s, x_trial, row, got_scratch);
    for (std::size_t w = 0; w < nw; ++w)
      result.lambda[w] = weapon_used[w] ? std::max(lambda_fallback[w], 0.0) * value_scale : 0.0;
    result.x = x_trial;
    result.objective = objective(s, x_trial);
    result.upper_bound = dual_bound(s, result.lambda, result.nu);
  }
  return result;
}

}  // namespace stratstab::wta

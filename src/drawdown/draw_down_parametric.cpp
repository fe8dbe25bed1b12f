// Exact draw-down by parametric right-hand-side simplex (docs/methods.md §5). The pattern programme
// (see draw_down_exact.cpp) has rows for target classes, warhead kinds and the s row; only the s
// row's right-hand side moves. At s = 0 the basis {slacks of the class and kind rows, the pattern of
// best kill per warhead in the s row} is optimal (every reduced cost c_j - u_s |pi_j| <= 0). As s
// grows the basic values move along B^-1 e_s; where one reaches zero it leaves and the dual ratio
// test picks who enters, so the basis stays optimal. Between pivots K is linear with slope u_s (the s
// row's dual price); the pattern loads give value_cost and destroyed_slope. K is flat once u_s = 0.
// Dense explicit inverse (rows are tens), sparse pattern columns, thread-local workspace.
#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "stratstab/draw_down.hpp"

namespace stratstab {
namespace {

struct Workspace {
  // Columns: structural patterns then one slack per row.
  std::vector<int> start, rows;
  std::vector<double> vals, cost, destroyed, collateral, value, width;
  std::vector<int> target;
  std::vector<double> binv, b0, xb0, d, u, alpha_row, reduced;
  std::vector<int> basis;
  std::vector<char> in_basis;
  std::vector<int> pattern;
};

class Parametric {
 public:
  Parametric(const CounterforceProblem& problem, Workspace& w) : problem_(problem), w_(w) { build(); }

  /// Follows the basis to `stop` (or to the end); calls emit(width, slope, value_cost, destroyed, s, collateral)
  /// for each linear stretch. Returns false if it stalled (pivot limit or no entering column).
  template <class Emit>
  bool run(double stop, Emit&& emit) {
    const int m = m_;
    if (n_ == 0 || max_spend_ <= 0.0) return true;
    stop = std::min(stop, max_spend_);
    // Slack basis, then the best kill-per-warhead pattern into the s row.
    w_.binv.assign(static_cast<std::size_t>(m) * m, 0.0);
    w_.basis.resize(m);
    w_.in_basis.assign(n_ + m, 0);
    for (int i = 0; i < m; ++i) {
      w_.binv[i * m + i] = 1.0;
      w_.basis[i] = n_ + i;
      w_.in_basis[n_ + i] = 1;
    }
    int best = 0;
    for (int j = 1; j < n_; ++j) {
      if (w_.cost[j] / w_.width[j] > w_.cost[best] / w_.width[best]) best = j;
    }
    pivot(m - 1, best);
    const double scale = std::max(1.0, max_spend_);
    double s = 0.0;
    const int limit = 50 * (n_ + m);
    for (int iter = 0; iter < limit; ++iter) {
      // Basic values x_B(s) = xb0 + s d, duals u = c_B B^-1.
      for (int i = 0; i < m; ++i) {
        double x = 0.0;
        for (int k = 0; k < m; ++k) x += w_.binv[i * m + k] * w_.b0[k];
        w_.xb0[i] = x;
        w_.d[i] = w_.binv[i * m + m - 1];
      }
      for (int k = 0; k < m; ++k) w_.u[k] = 0.0;
      for (int i = 0; i < m; ++i) {
        const int j = w_.basis[i];
        if (j >= n_) continue;
        for (int k = 0; k < m; ++k) w_.u[k] += w_.cost[j] * w_.binv[i * m + k];
      }
      const double slope = w_.u[m - 1];
      if (slope <= 1e-12 * scale) return true;  // K flat from here on
      double next = stop;
      int leave = -1;
      for (int i = 0; i < m; ++i) {
        if (w_.d[i] >= -1e-12) continue;
        const double at = std::max(s, -w_.xb0[i] / w_.d[i]);
        if (at < next - 1e-12 * scale || (leave >= 0 && at <= next + 1e-12 * scale && w_.basis[i] < w_.basis[leave])) {
          if (at < next - 1e-12 * scale || leave < 0) next = at;
          leave = i;
        }
      }
      if (next > s) {
        double vc = 0.0;
        double ds = 0.0;
        double ks = 0.0;
        double cs = 0.0;
        for (int i = 0; i < m; ++i) {
          const int j = w_.basis[i];
          if (j >= n_) continue;
          vc += w_.value[j] * w_.d[i];
          ds += w_.destroyed[j] * w_.d[i];
          ks += w_.cost[j] * w_.d[i];
          cs += w_.collateral[j] * w_.d[i];
        }
        emit(next - s, ks, std::max(0.0, vc), ds, s, cs);
        s = next;
      }
      if (leave < 0 || s >= stop) return true;
      // Dual ratio test on row `leave`: entering j with alpha < 0 minimising reduced / alpha.
      int enter = -1;
      double best_ratio = 0.0;
      double best_alpha = 0.0;
      const double* br = &w_.binv[static_cast<std::size_t>(leave) * static_cast<std::size_t>(m)];
      for (int j = 0; j < n_ + m; ++j) {
        if (w_.in_basis[j]) continue;
        double alpha = 0.0;
        double ua = 0.0;
        if (j < n_) {
          for (int e = w_.start[j]; e < w_.start[j + 1]; ++e) {
            alpha += br[w_.rows[e]] * w_.vals[e];
            ua += w_.u[w_.rows[e]] * w_.vals[e];
          }
        } else {
          alpha = br[j - n_];
          ua = w_.u[j - n_];
        }
        if (alpha >= -1e-9) continue;
        const double reduced = std::min(0.0, (j < n_ ? w_.cost[j] : 0.0) - ua);
        const double ratio = reduced / alpha;
        if (enter < 0 || ratio < best_ratio - 1e-12 || (ratio <= best_ratio + 1e-12 && alpha < best_alpha)) {
          enter = j;
          best_ratio = ratio;
          best_alpha = alpha;
        }
      }
      if (enter < 0) return false;
      pivot(leave, enter);
    }
    return false;
  }

  /// The structural values at s after run(s, ...): y_j for basic patterns.
  [[nodiscard]] CounterforceAllocation allocation(double s) const {
    CounterforceAllocation a;
    a.spent_by_target.assign(problem_.targets.size(), 0.0);
    a.destroyed_by_target.assign(problem_.targets.size(), 0.0);
    a.spent_by_kind.assign(problem_.kinds.size(), 0.0);
    if (n_ == 0 || max_spend_ <= 0.0) return a;
    s = std::min(s, max_spend_);
    const std::size_t t_count = problem_.targets.size();
    for (int i = 0; i < m_; ++i) {
      const int j = w_.basis[i];
      if (j >= n_) continue;
      const double y = std::max(0.0, w_.xb0[i] + s * w_.d[i]);
      if (y <= 0.0) continue;
      a.spent_by_target[w_.target[j]] += y * w_.width[j];
      a.destroyed_by_target[w_.target[j]] += y * w_.destroyed[j];
      a.collateral += y * w_.collateral[j];
      for (int e = w_.start[j]; e < w_.start[j + 1]; ++e) {
        const auto r = static_cast<std::size_t>(w_.rows[e]);
        if (r >= t_count && r < t_count + problem_.kinds.size()) a.spent_by_kind[r - t_count] += y * w_.vals[e];
      }
      a.kills += y * w_.cost[j];
    }
    return a;
  }

 private:
  void build() {
    const std::size_t n_targets = problem_.targets.size();
    const std::size_t n_kinds = problem_.kinds.size();
    m_ = static_cast<int>(n_targets + n_kinds + 1);
    const int mpt = std::max(0, problem_.max_warheads_per_target);
    w_.start.assign(1, 0);
    w_.rows.clear();
    w_.vals.clear();
    w_.cost.clear();
    w_.destroyed.clear();
    w_.collateral.clear();
    w_.value.clear();
    w_.width.clear();
    w_.target.clear();
    for (std::size_t t = 0; t < n_targets; ++t) {
      const auto& tc = problem_.targets[t];
      if (tc.count <= 0.0 || tc.kill_value <= 0.0) continue;
      // Enumerate non-decreasing multisets of useful kinds, size 1..mpt, as an odometer.
      std::vector<int>& pat = w_.pattern;
      pat.clear();
      std::vector<int> useful;
      for (std::size_t k = 0; k < n_kinds; ++k) {
        if (problem_.p(k, t) > 0.0 && problem_.kinds[k].warheads > 0.0) useful.push_back(static_cast<int>(k));
      }
      if (useful.empty() || mpt == 0) continue;
      enumerate(t, useful, 0, mpt);
    }
    n_ = static_cast<int>(w_.cost.size());
    w_.b0.assign(m_, 0.0);
    for (std::size_t t = 0; t < n_targets; ++t) w_.b0[t] = std::max(0.0, problem_.targets[t].count);
    for (std::size_t k = 0; k < n_kinds; ++k) w_.b0[n_targets + k] = std::max(0.0, problem_.kinds[k].warheads);
    w_.xb0.assign(m_, 0.0);
    w_.d.assign(m_, 0.0);
    w_.u.assign(m_, 0.0);
    double launchers = 0.0;
    for (const auto& tc : problem_.targets) launchers += std::max(0.0, tc.count);
    double warheads = 0.0;
    for (const auto& kind : problem_.kinds) warheads += std::max(0.0, kind.warheads);
    max_spend_ = std::min(warheads, launchers * mpt);
  }

  void enumerate(std::size_t t, const std::vector<int>& useful, std::size_t first, int mpt) {
    std::vector<int>& pat = w_.pattern;
    if (!pat.empty()) add_column(t);
    if (static_cast<int>(pat.size()) == mpt) return;
    for (std::size_t i = first; i < useful.size(); ++i) {
      pat.push_back(useful[i]);
      enumerate(t, useful, i, mpt);
      pat.pop_back();
    }
  }

  void add_column(std::size_t t) {
    const std::vector<int>& pat = w_.pattern;
    const std::size_t n_targets = problem_.targets.size();
    double survive = 1.0;
    double value = 0.0;
    double collateral = 0.0;
    for (int k : pat) {
      survive *= 1.0 - problem_.p(static_cast<std::size_t>(k), t);
      value += problem_.kinds[static_cast<std::size_t>(k)].value_cost;
      collateral += problem_.collateral_of(static_cast<std::size_t>(k), t);
    }
    w_.rows.push_back(static_cast<int>(t));
    w_.vals.push_back(1.0);
    for (std::size_t i = 0; i < pat.size();) {
      std::size_t j = i;
      while (j < pat.size() && pat[j] == pat[i]) ++j;
      w_.rows.push_back(static_cast<int>(n_targets) + pat[i]);
      w_.vals.push_back(static_cast<double>(j - i));
      i = j;
    }
    w_.rows.push_back(m_ - 1);
    w_.vals.push_back(static_cast<double>(pat.size()));
    w_.start.push_back(static_cast<int>(w_.rows.size()));
    w_.cost.push_back(problem_.targets[t].kill_value * (1.0 - survive));
    w_.destroyed.push_back(problem_.targets[t].destroyed_value * (1.0 - survive));
    w_.collateral.push_back(collateral);
    w_.value.push_back(value);
    w_.width.push_back(static_cast<double>(pat.size()));
    w_.target.push_back(static_cast<int>(t));
  }

  /// Column j replaces basis row r: B^-1 <- E B^-1 with the eta column from B^-1 A_j.
  void pivot(int r, int j) {
    const int m = m_;
    std::vector<double>& a = w_.alpha_row;
    a.assign(m, 0.0);
    if (j < n_) {
      for (int e = w_.start[j]; e < w_.start[j + 1]; ++e) {
        for (int i = 0; i < m; ++i) a[i] += w_.binv[i * m + w_.rows[e]] * w_.vals[e];
      }
    } else {
      for (int i = 0; i < m; ++i) a[i] = w_.binv[i * m + (j - n_)];
    }
    const double p = a[r];
    double* row_r = &w_.binv[static_cast<std::size_t>(r) * static_cast<std::size_t>(m)];
    for (int k = 0; k < m; ++k) row_r[k] /= p;
    for (int i = 0; i < m; ++i) {
      if (i == r || a[i] == 0.0) continue;
      double* row_i = &w_.binv[static_cast<std::size_t>(i) * static_cast<std::size_t>(m)];
      for (int k = 0; k < m; ++k) row_i[k] -= a[i] * row_r[k];
    }
    w_.in_basis[w_.basis[r]] = 0;
    w_.basis[r] = j;
    w_.in_basis[j] = 1;
  }

  const CounterforceProblem& problem_;
  Workspace& w_;
  int m_ = 0;
  int n_ = 0;
  double max_spend_ = 0.0;
};

Workspace& workspace() {
  thread_local Workspace w;
  return w;
}

}  // namespace

DrawDown exact_draw_down(const CounterforceProblem& problem, double tolerance) {
  DrawDown result;
  Parametric lp(problem, workspace());
  const auto close = [&](double x, double y) { return std::abs(x - y) <= tolerance * std::max(1.0, std::abs(y)); };
  // Collateral slopes are shares of value per warhead (1e-6 to 1e-3): compared relative to
  // themselves, not to 1.
  const auto close_share = [&](double x, double y) {
    return std::abs(x - y) <= tolerance * std::max(std::abs(x), std::abs(y));
  };
  const bool ok =
      lp.run(1e300, [&](double width, double slope, double value_cost, double destroyed, double, double collateral) {
        if (width <= 0.0) return;
        DrawDownPiece* last = result.pieces.empty() ? nullptr : &result.pieces.back();
        if (last != nullptr && close(slope, last->slope) && close(value_cost, last->value_cost) &&
            close(destroyed, last->destroyed_slope) && close_share(collateral, last->collateral_slope)) {
          last->width += width;  // a degenerate pivot inside one linear stretch
          return;
        }
        result.pieces.push_back(DrawDownPiece{width, slope, value_cost, destroyed, collateral});
      });
  if (!ok) return exact_draw_down_clp(problem, tolerance);
  return result;
}

CounterforceAllocation exact_allocation(const CounterforceProblem& problem, double s) {
  if (s <= 0.0) {
    CounterforceAllocation a;
    a.spent_by_target.assign(problem.targets.size(), 0.0);
    a.destroyed_by_target.assign(problem.targets.size(), 0.0);
    a.spent_by_kind.assign(problem.kinds.size(), 0.0);
    return a;
  }
  Parametric lp(problem, workspace());
  if (!lp.run(s, [](double, double, double, double, double, double) {})) return exact_allocation_clp(problem, s);
  return lp.allocation(s);
}

}  // namespace stratstab

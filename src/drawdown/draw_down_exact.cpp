// Exact draw-down (docs/methods.md §5): with several kinds of attacking warheads, K(s) is the value of the
// linear programme over attack patterns. A pattern is a multiset of at most M warhead kinds aimed at
// one launcher of a class; y_(t,pi) launchers of class t get pattern pi:
//
//   K(s) = max  sum_(t,pi) y_(t,pi) v_t (1 - prod_(k in pi) (1 - p_kt))
//          s.t. sum_pi y_(t,pi)           <= N_t   (launchers of class t)
//               sum_(t,pi) n_k(pi) y_(t,pi) <= a_k  (warheads of kind k)
//               sum_(t,pi) |pi| y_(t,pi)    <= s    (counterforce warheads)
//               y >= 0
//
// Splitting a class into fractions of launchers is what makes it a linear programme (expected
// values, as everywhere in the model). K is concave and piecewise linear in s (an LP's value as a function of
// one right-hand side), so it is found exactly from few solves: two supporting lines (value and the
// dual price of the s row) meet at a point; if K reaches the lines there, that point is the only
// breakpoint between, otherwise the interval is split there (Eisner & Severance, 1976). The LPs are
// solved by Clp's dual simplex, warm-started as only s changes. This is the reference implementation
// (tests, benchmarks, and the fallback of the parametric simplex in draw_down_parametric.cpp).
#include <ClpSimplex.hpp>
#include <algorithm>
#include <cmath>
#include <functional>
#include <stdexcept>

#include "stratstab/draw_down.hpp"

namespace stratstab {
namespace {

/// Guard against a runaway split (never reached: each split finds a new supporting line).
constexpr int kMaxSolves = 20000;

struct Column {
  std::size_t target = 0;
  std::vector<std::size_t> kinds;  ///< with repetition, non-decreasing
  double kill = 0;                 ///< v_t (1 - prod (1 - p))
  double destroyed = 0;            ///< destroyed_value_t (1 - prod (1 - p))
  double collateral = 0;           ///< sum of the pattern's warheads' collateral on the target
};

class PatternLp {
 public:
  explicit PatternLp(const CounterforceProblem& problem) : problem_(problem) {
    build_columns();
    load();
  }

  [[nodiscard]] bool empty() const { return columns_.empty(); }
  [[nodiscard]] double max_spend() const { return max_spend_; }
  [[nodiscard]] std::size_t column_count() const { return columns_.size(); }

  struct Solution {
    double s = 0;
    double kills = 0;
    double slope = 0;  ///< a supporting slope of K at s (the s row's dual price), >= 0
    std::vector<double> y;
  };

  Solution solve(double s) {
    if (++solves_ > kMaxSolves) throw std::runtime_error("exact draw-down: too many LP solves");
    model_.setRowUpper(total_row_, s);
    model_.dual();
    if (!model_.isProvenOptimal()) {
      model_.primal();  // a rare numerical stall: start again from the primal side
      if (!model_.isProvenOptimal()) throw std::runtime_error("exact draw-down: Clp did not reach optimality");
    }
    Solution sol;
    sol.s = s;
    const double* y = model_.primalColumnSolution();
    sol.y.assign(y, y + columns_.size());
    sol.kills = 0.0;
    for (std::size_t c = 0; c < columns_.size(); ++c) sol.kills += columns_[c].kill * sol.y[c];
    sol.slope = std::abs(model_.dualRowSolution()[total_row_]);
    return sol;
  }

  [[nodiscard]] CounterforceAllocation allocation(const Solution& sol) const {
    CounterforceAllocation a;
    a.spent_by_target.assign(problem_.targets.size(), 0.0);
    a.destroyed_by_target.assign(problem_.targets.size(), 0.0);
    a.spent_by_kind.assign(problem_.kinds.size(), 0.0);
    for (std::size_t c = 0; c < columns_.size(); ++c) {
      const double y = sol.y[c];
      if (y <= 0.0) continue;
      const Column& col = columns_[c];
      a.spent_by_target[col.target] += y * static_cast<double>(col.kinds.size());
      a.destroyed_by_target[col.target] += y * col.destroyed;
      a.collateral += y * col.collateral;
      for (std::size_t k : col.kinds) a.spent_by_kind[k] += y;
      a.kills += y * col.kill;
    }
    return a;
  }

  /// The largest right derivative of K at 0: the best single warhead (a pattern of n warheads never
  /// kills more than n times its best member).
  [[nodiscard]] double initial_slope() const {
    double best = 0.0;
    for (const Column& col : columns_) {
      if (col.kinds.size() == 1 && problem_.kinds[col.kinds[0]].warheads > 0.0) best = std::max(best, col.kill);
    }
    return best;
  }

 private:
  void build_columns() {
    const int m = std::max(0, problem_.max_warheads_per_target);
    for (std::size_t t = 0; t < problem_.targets.size(); ++t) {
      const auto& target = problem_.targets[t];
      if (target.count <= 0.0 || target.kill_value <= 0.0) continue;
      std::vector<std::size_t> useful;
      for (std::size_t k = 0; k < problem_.kinds.size(); ++k) {
        if (problem_.p(k, t) > 0.0 && problem_.kinds[k].warheads > 0.0) useful.push_back(k);
      }
      std::vector<std::size_t> pattern;
      std::function<void(std::size_t)> extend = [&](std::size_t first) {
        if (!pattern.empty()) {
          double survive = 1.0;
          double collateral = 0.0;
          for (std::size_t k : pattern) {
            survive *= 1.0 - problem_.p(k, t);
            collateral += problem_.collateral_of(k, t);
          }
          columns_.push_back(Column{t, pattern, target.kill_value * (1.0 - survive),
                                    target.destroyed_value * (1.0 - survive), collateral});
        }
        if (static_cast<int>(pattern.size()) == m) return;
        for (std::size_t i = first; i < useful.size(); ++i) {
          pattern.push_back(useful[i]);
          extend(i);
          pattern.pop_back();
        }
      };
      extend(0);
    }
    double launchers = 0.0;
    for (const auto& target : problem_.targets) launchers += std::max(0.0, target.count);
    double warheads = 0.0;
    for (const auto& kind : problem_.kinds) warheads += std::max(0.0, kind.warheads);
    max_spend_ = std::min(warheads, launchers * m);
  }

  void load() {
    const std::size_t n_targets = problem_.targets.size();
    const std::size_t n_kinds = problem_.kinds.size();
    total_row_ = static_cast<int>(n_targets + n_kinds);
    const int n_rows = total_row_ + 1;
    std::vector<CoinBigIndex> start{0};
    std::vector<int> index;
    std::vector<double> value;
    std::vector<double> objective;
    for (const Column& col : columns_) {
      index.push_back(static_cast<int>(col.target));
      value.push_back(1.0);
      for (std::size_t i = 0; i < col.kinds.size();) {
        std::size_t j = i;
        while (j < col.kinds.size() && col.kinds[j] == col.kinds[i]) ++j;
        index.push_back(static_cast<int>(n_targets + col.kinds[i]));
        value.push_back(static_cast<double>(j - i));
        i = j;
      }
      index.push_back(total_row_);
      value.push_back(static_cast<double>(col.kinds.size()));
      start.push_back(static_cast<CoinBigIndex>(index.size()));
      objective.push_back(col.kill);
    }
    std::vector<double> row_lower(static_cast<std::size_t>(n_rows), 0.0);
    std::vector<double> row_upper(static_cast<std::size_t>(n_rows), 0.0);
    for (std::size_t t = 0; t < n_targets; ++t) row_upper[t] = std::max(0.0, problem_.targets[t].count);
    for (std::size_t k = 0; k < n_kinds; ++k) row_upper[n_targets + k] = std::max(0.0, problem_.kinds[k].warheads);
    const std::vector<double> col_lower(columns_.size(), 0.0);
    const std::vector<double> col_upper(columns_.size(), COIN_DBL_MAX);
    model_.setLogLevel(0);
    model_.messageHandler()->setLogLevel(0);
    model_.loadProblem(static_cast<int>(columns_.size()), n_rows, start.data(), index.data(), value.data(),
                       col_lower.data(), col_upper.data(), objective.data(), row_lower.data(), row_upper.data());
    model_.setOptimizationDirection(-1.0);  // maximise
  }

  const CounterforceProblem& problem_;
  std::vector<Column> columns_;
  ClpSimplex model_;
  int total_row_ = 0;
  double max_spend_ = 0;
  int solves_ = 0;
};

}  // namespace

DrawDown exact_draw_down_clp(const CounterforceProblem& problem, double tolerance) {
  DrawDown result;
  PatternLp lp(problem);
  if (lp.empty() || lp.max_spend() <= 0.0) return result;

  std::vector<PatternLp::Solution> points;
  PatternLp::Solution zero;
  zero.s = 0.0;
  zero.kills = 0.0;
  zero.slope = lp.initial_slope();
  zero.y.assign(lp.column_count(), 0.0);
  PatternLp::Solution end = lp.solve(lp.max_spend());
  const double scale = std::max(1.0, end.kills);

  // Tangent intersection between two points known to lie on K; appends the points strictly inside.
  std::function<void(const PatternLp::Solution&, const PatternLp::Solution&)> refine =
      [&](const PatternLp::Solution& left, const PatternLp::Solution& right) {
        const double width = right.s - left.s;
        if (width <= tolerance * std::max(1.0, right.s)) return;
        const double chord = (right.kills - left.kills) / width;
        // K linear between: the left supporting line already passes through the right point.
        if (left.kills + left.slope * width <= right.kills + tolerance * scale || left.slope - right.slope <= 0.0 ||
            std::abs(chord - right.slope) * width <= tolerance * scale) {
          return;
        }
        const double s =
            (right.kills - left.kills + left.slope * left.s - right.slope * right.s) / (left.slope - right.slope);
        if (!(s > left.s && s < right.s)) return;
        PatternLp::Solution middle = lp.solve(s);
        const double line = left.kills + left.slope * (s - left.s);
        if (middle.kills >= line - tolerance * scale) {
          points.push_back(std::move(middle));  // the breakpoint: linear on both sides
          return;
        }
        refine(left, middle);
        refine(middle, right);
        points.push_back(std::move(middle));
      };
  refine(zero, end);
  points.push_back(zero);
  points.push_back(end);
  std::sort(points.begin(), points.end(), [](const auto& x, const auto& y) { return x.s < y.s; });

  CounterforceAllocation previous = lp.allocation(points.front());
  for (std::size_t i = 1; i < points.size(); ++i) {
    const CounterforceAllocation current = lp.allocation(points[i]);
    const double width = points[i].s - points[i - 1].s;
    if (width <= 0.0) continue;
    const double slope = (points[i].kills - points[i - 1].kills) / width;
    if (slope <= tolerance * scale / std::max(1.0, lp.max_spend())) break;  // K flat from here on
    double value = 0.0;
    for (std::size_t k = 0; k < problem.kinds.size(); ++k) {
      value += problem.kinds[k].value_cost * (current.spent_by_kind[k] - previous.spent_by_kind[k]);
    }
    double destroyed_now = 0.0;
    double destroyed_before = 0.0;
    for (double d : current.destroyed_by_target) destroyed_now += d;
    for (double d : previous.destroyed_by_target) destroyed_before += d;
    const DrawDownPiece piece{width, slope, std::max(0.0, value / width), (destroyed_now - destroyed_before) / width,
                              (current.collateral - previous.collateral) / width};
    DrawDownPiece* last = result.pieces.empty() ? nullptr : &result.pieces.back();
    const auto close = [&](double x, double y) { return std::abs(x - y) <= tolerance * std::max(1.0, std::abs(y)); };
    // Collateral slopes are shares of value per warhead (1e-6 to 1e-3): relative to themselves.
    const auto close_share = [&](double x, double y) {
      return std::abs(x - y) <= tolerance * std::max(std::abs(x), std::abs(y));
    };
    if (last != nullptr && close(piece.slope, last->slope) && close(piece.value_cost, last->value_cost) &&
        close(piece.destroyed_slope, last->destroyed_slope) &&
        close_share(piece.collateral_slope, last->collateral_slope)) {
      // A point the search visited inside a linear stretch: one piece, slopes averaged by width so
      // that K is unchanged at both ends.
      const double total = last->width + piece.width;
      last->slope = (last->slope * last->width + piece.slope * piece.width) / total;
      last->value_cost = (last->value_cost * last->width + piece.value_cost * piece.width) / total;
      last->destroyed_slope = (last->destroyed_slope * last->width + piece.destroyed_slope * piece.width) / total;
      last->collateral_slope = (last->collateral_slope * last->width + piece.collateral_slope * piece.width) / total;
      last->width = total;
    } else {
      result.pieces.push_back(piece);
    }
    previous = current;
  }
  return result;
}

CounterforceAllocation exact_allocation_clp(const CounterforceProblem& problem, double s) {
  PatternLp lp(problem);
  if (lp.empty() || s <= 0.0) {
    CounterforceAllocation a;
    a.spent_by_target.assign(problem.targets.size(), 0.0);
    a.destroyed_by_target.assign(problem.targets.size(), 0.0);
    a.spent_by_kind.assign(problem.kinds.size(), 0.0);
    return a;
  }
  return lp.allocation(lp.solve(std::min(s, lp.max_spend())));
}

}  // namespace stratstab

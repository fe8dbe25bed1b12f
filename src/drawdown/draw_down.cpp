// K(s) basics and the homogeneous draw-down (docs/methods.md §5): with one kind of attacking warhead of
// kill probability p, the k-th warhead on a launcher of class i destroys m_i p (1-p)^(k-1) of its
// warheads; these marginal values fall with k, so spending the best first is optimal (exact).
#include <algorithm>

#include "stratstab/draw_down.hpp"

namespace stratstab {

std::string_view to_string(DrawDownMethod method) {
  return method == DrawDownMethod::kExact ? "exact" : "greedy";
}

namespace {

/// The integral of one of the pieces' slopes from 0 to s.
double integrate(const std::vector<DrawDownPiece>& pieces, double s, double DrawDownPiece::*slope) {
  double total = 0.0;
  for (const DrawDownPiece& piece : pieces) {
    if (s <= 0.0) break;
    const double used = std::min(s, piece.width);
    total += used * piece.*slope;
    s -= used;
  }
  return total;
}

}  // namespace

double DrawDown::kills(double s) const {
  return integrate(pieces, s, &DrawDownPiece::slope);
}

double DrawDown::destroyed(double s) const {
  return integrate(pieces, s, &DrawDownPiece::destroyed_slope);
}

double DrawDown::collateral(double s) const {
  return integrate(pieces, s, &DrawDownPiece::collateral_slope);
}

double DrawDown::saturation() const {
  double s = 0.0;
  for (const DrawDownPiece& piece : pieces) s += piece.width;
  return s;
}

DrawDown homogeneous_draw_down(const std::vector<HomogeneousTarget>& targets, double p, int max_warheads_per_target) {
  DrawDown result;
  result.pieces.reserve(targets.size() * static_cast<std::size_t>(std::max(0, max_warheads_per_target)));
  for (const HomogeneousTarget& target : targets) {
    double survive = 1.0;  // (1-p)^(k-1)
    for (int k = 1; k <= max_warheads_per_target; ++k) {
      const double destroyed = target.kill_multiplier * target.warheads_each * p * survive;
      const double kill_value = destroyed * target.kept;
      if (target.count > 0.0 && kill_value > 0.0) {
        result.pieces.push_back(DrawDownPiece{target.count, kill_value, 1.0, destroyed});
      }
      survive *= 1.0 - p;
    }
  }
  std::stable_sort(result.pieces.begin(), result.pieces.end(),
                   [](const DrawDownPiece& x, const DrawDownPiece& y) { return x.slope > y.slope; });
  return result;
}

DrawDown draw_down(const CounterforceProblem& problem, DrawDownMethod method) {
  return method == DrawDownMethod::kExact ? exact_draw_down(problem) : greedy_draw_down(problem);
}

CounterforceAllocation allocation(const CounterforceProblem& problem, double s, DrawDownMethod method) {
  return method == DrawDownMethod::kExact ? exact_allocation(problem, s) : greedy_allocation(problem, s);
}

}  // namespace stratstab

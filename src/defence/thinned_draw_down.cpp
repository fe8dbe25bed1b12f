// A counterforce draw-down behind a silo defence (defence.hpp): K_d(s) = K(h(r s) / r).
#include <algorithm>
#include <cmath>

#include "stratstab/defence.hpp"

namespace stratstab {

DrawDown thinned_draw_down(const DrawDown& undefended, const Penetration& defence, double reliability) {
  if (defence.is_identity() || reliability <= 0.0 || undefended.pieces.empty()) return undefended;
  const double r = reliability;
  // Ends of the undefended pieces in launched warheads.
  std::vector<double> ends;
  double total = 0.0;
  for (const DrawDownPiece& piece : undefended.pieces) {
    total += std::max(0.0, piece.width);
    ends.push_back(total);
  }
  // Breakpoints of K_d in s: where r s meets a kink of h, where the equivalent s' = h(r s) / r
  // crosses the end of an undefended piece, and where s itself does (the value cost changes).
  std::vector<double> cuts{0.0};
  for (double kink : defence.kinks()) cuts.push_back(kink / r);
  for (double end : ends) {
    cuts.push_back(end);
    cuts.push_back(defence.arriving_for(r * end) / r);
  }
  const double last = defence.arriving_for(r * total) / r;
  std::sort(cuts.begin(), cuts.end());
  cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());

  const auto piece_at = [&](double s) {
    const auto it = std::upper_bound(ends.begin(), ends.end(), s);
    return static_cast<std::size_t>(std::min<std::ptrdiff_t>(it - ends.begin(), std::ssize(ends) - 1));
  };
  const auto equivalent = [&](double s) { return std::min(total, defence.through(r * s) / r); };

  DrawDown out;
  for (std::size_t i = 0; i + 1 < cuts.size() && cuts[i] < last; ++i) {
    const double lo = cuts[i];
    const double hi = std::min(cuts[i + 1], last);
    if (hi <= lo) continue;
    const double sigma = (equivalent(hi) - equivalent(lo)) / (hi - lo);
    const DrawDownPiece& killing = undefended.pieces[piece_at(equivalent(0.5 * (lo + hi)))];
    const DrawDownPiece& launched = undefended.pieces[piece_at(0.5 * (lo + hi))];
    // Collateral: only the warheads that get through burst near the bases, and they are spent as
    // the equivalent undefended attack spends them.
    out.pieces.push_back(DrawDownPiece{hi - lo, killing.slope * sigma, launched.value_cost,
                                       killing.destroyed_slope * sigma, killing.collateral_slope * sigma});
  }
  return out;
}

}  // namespace stratstab

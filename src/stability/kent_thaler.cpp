// Kent–Thaler first-strike stability (METHOD.md §4). Costs follow R-3765-AF as relayed in
// METHOD.md: C_X = D_X^a + b (1 - D_Y^a), D(w) = 1 - exp(-w ln5 / w80).
#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

#include "stratstab/stability.hpp"

namespace stratstab {
namespace {

const double kLn5 = std::log(5.0);

/// Sub-intervals per linear piece for the sign scan of dC_A/ds; each sign change from negative to
/// positive is then bisected to machine precision. Tests compare against brute force.
constexpr int kScanSteps = 16;
constexpr int kBisections = 80;

struct CostPair {
  double striker = 0;
  double victim = 0;
  double damage_striker = 0;
  double damage_victim = 0;
};

/// Everything C_A(s) needs on one linear piece of K(s): K(s) = k0 + slope (s - s0).
struct Piece {
  double s0 = 0;
  double k0 = 0;
  double slope = 0;
};

class StrikeCosts {
 public:
  StrikeCosts(const StrikeInputs& in, const StabilityParameters& p) : in_(in), a_(p.cost_exponent), b_(p.surcharge) {}

  [[nodiscard]] CostPair at(const Piece& piece, double s) const {
    const double destroyed = piece.k0 + piece.slope * (s - piece.s0);
    const double surviving = std::max(0.0, in_.victim_warheads - destroyed);
    const double remaining = std::max(0.0, in_.striker_warheads - s);
    CostPair c;
    c.damage_striker = damage(surviving, in_.striker_w80);
    c.damage_victim = damage(remaining, in_.victim_w80);
    const double ds = std::pow(c.damage_striker, a_);
    const double dv = std::pow(c.damage_victim, a_);
    c.striker = ds + b_ * (1.0 - dv);
    c.victim = dv + b_ * (1.0 - ds);
    return c;
  }

  /// dC_A/ds on a piece (U = V - K falls at `slope`, L = W - s falls at 1).
  [[nodiscard]] double derivative(const Piece& piece, double s) const {
    const double destroyed = piece.k0 + piece.slope * (s - piece.s0);
    const double surviving = std::max(0.0, in_.victim_warheads - destroyed);
    const double remaining = std::max(0.0, in_.striker_warheads - s);
    const double lambda_striker = kLn5 / in_.striker_w80;
    const double lambda_victim = kLn5 / in_.victim_w80;
    // d/ds of D^a = a D^(a-1) dD/dw dw/ds, with dD/dw = lambda e^(-lambda w) = lambda (1 - D).
    double own = 0.0;  // falls as retaliation shrinks
    if (piece.slope > 0.0) {
      const double e = std::exp(-lambda_striker * surviving);
      own = e < 1.0 ? -piece.slope * a_ * std::pow(1.0 - e, a_ - 1.0) * lambda_striker * e
                    : -std::numeric_limits<double>::infinity();
    }
    const double e = std::exp(-lambda_victim * remaining);
    const double enemy =
        e < 1.0 ? b_ * a_ * std::pow(1.0 - e, a_ - 1.0) * lambda_victim * e : std::numeric_limits<double>::infinity();
    return own + enemy;
  }

 private:
  const StrikeInputs& in_;
  double a_;
  double b_;
};

}  // namespace

double damage(double arriving_warheads, double w80) {
  return 1.0 - std::exp(-arriving_warheads * kLn5 / w80);
}

double DrawDown::kills(double s) const {
  double killed = 0.0;
  for (const DrawDownPiece& piece : pieces) {
    if (s <= 0.0) break;
    const double used = std::min(s, piece.width);
    killed += used * piece.slope;
    s -= used;
  }
  return killed;
}

DrawDown homogeneous_draw_down(const std::vector<TargetClass>& targets, double p, int max_warheads_per_target) {
  DrawDown result;
  for (const TargetClass& target : targets) {
    double survive = 1.0;  // (1-p)^(k-1)
    for (int k = 1; k <= max_warheads_per_target; ++k) {
      const double slope = target.kill_multiplier * target.warheads_each * p * survive;
      if (target.count > 0.0 && slope > 0.0) result.pieces.push_back(DrawDownPiece{target.count, slope});
      survive *= 1.0 - p;
    }
  }
  std::stable_sort(result.pieces.begin(), result.pieces.end(),
                   [](const DrawDownPiece& x, const DrawDownPiece& y) { return x.slope > y.slope; });
  return result;
}

FirstStrike evaluate_first_strike(const StrikeInputs& inputs, const StabilityParameters& parameters) {
  const StrikeCosts costs(inputs, parameters);
  const double w = inputs.striker_warheads;
  double best_s = 0.0;
  Piece best_piece{};
  CostPair best = costs.at(best_piece, 0.0);

  const auto consider = [&](const Piece& piece, double s) {
    const CostPair c = costs.at(piece, s);
    const bool clearly_lower = c.striker < best.striker - parameters.stop_tolerance;
    const bool tie = std::abs(c.striker - best.striker) <= parameters.stop_tolerance;
    if (clearly_lower || (tie && c.victim > best.victim)) {
      best = c;
      best_s = s;
      best_piece = piece;
    }
  };
  const auto search = [&](const Piece& piece, double lo, double hi) {
    // Only `hi`: each piece's `lo` is s = 0 (the starting best) or the previous piece's `hi`, and
    // K(s) is continuous there, so the cost at `lo` has been considered already.
    consider(piece, hi);
    if (hi <= lo) return;
    double previous_s = lo;
    double previous_d = costs.derivative(piece, lo);
    for (int i = 1; i <= kScanSteps; ++i) {
      const double s = lo + (hi - lo) * i / kScanSteps;
      const double d = costs.derivative(piece, s);
      if (previous_d < 0.0 && d > 0.0) {  // a local minimum inside (previous_s, s)
        double left = previous_s;
        double right = s;
        for (int it = 0; it < kBisections && right - left > 0.0; ++it) {
          const double mid = 0.5 * (left + right);
          (costs.derivative(piece, mid) < 0.0 ? left : right) = mid;
        }
        consider(piece, 0.5 * (left + right));
      }
      previous_s = s;
      previous_d = d;
    }
  };

  double s0 = 0.0;
  double k0 = 0.0;
  for (const DrawDownPiece& dp : inputs.draw_down.pieces) {
    if (s0 >= w || k0 >= inputs.victim_warheads) break;
    // Kills cannot exceed the victim's warheads: a piece that would overshoot ends where U = 0.
    const double width = std::min(dp.width, (inputs.victim_warheads - k0) / dp.slope);
    const double hi = std::min(w, s0 + width);
    search(Piece{s0, k0, dp.slope}, s0, hi);
    k0 += dp.slope * (hi - s0);
    s0 = hi;
  }
  if (s0 < w) search(Piece{s0, k0, 0.0}, s0, w);  // counterforce beyond every target: K flat

  FirstStrike result;
  result.striker_warheads = w;
  result.victim_warheads = inputs.victim_warheads;
  result.counterforce_spent = best_s;
  result.victim_destroyed = best_piece.k0 + best_piece.slope * (best_s - best_piece.s0);
  result.victim_surviving = std::max(0.0, inputs.victim_warheads - result.victim_destroyed);
  result.retaliation_arriving = result.victim_surviving;
  result.striker_remaining = std::max(0.0, w - best_s);
  result.damage_to_striker = best.damage_striker;
  result.damage_to_victim = best.damage_victim;
  result.cost_striker = best.striker;
  result.cost_victim = best.victim;
  return result;
}

namespace {

StrikeInputs abstract_strike(const AbstractSide& striker, const AbstractSide& victim, const StabilityParameters& p) {
  StrikeInputs in;
  in.striker_warheads = striker.nf * striker.mf + p.striker_availability * striker.ns * striker.ms;
  in.victim_warheads = victim.nf * victim.mf + victim.ns * victim.ms;
  in.striker_w80 = striker.w80;
  in.victim_w80 = victim.w80;
  const double silo_multiplier = p.launch_under_attack ? 1.0 - p.lua_share : 1.0;
  in.draw_down = homogeneous_draw_down({TargetClass{victim.nf, victim.mf, silo_multiplier},
                                        TargetClass{(1.0 - victim.alert) * victim.ns, victim.ms, 1.0}},
                                       striker.de, p.max_warheads_per_target);
  return in;
}

SideStability side_stability(double c1, double c2) {
  SideStability s;
  s.c1 = c1;
  s.c2 = c2;
  s.ratio_unclipped = c2 > 0.0 ? c1 / c2 : std::numeric_limits<double>::infinity();
  s.ratio = c2 > 0.0 ? std::min(1.0, c1 / c2) : 1.0;
  return s;
}

}  // namespace

StabilityResult evaluate_abstract(const AbstractSide& a, const AbstractSide& b, const StabilityParameters& parameters) {
  StabilityResult r;
  r.a_strikes_b = evaluate_first_strike(abstract_strike(a, b, parameters), parameters);
  r.b_strikes_a = evaluate_first_strike(abstract_strike(b, a, parameters), parameters);
  r.a = side_stability(r.a_strikes_b.cost_striker, r.b_strikes_a.cost_victim);
  r.b = side_stability(r.b_strikes_a.cost_striker, r.a_strikes_b.cost_victim);
  r.index = r.a.ratio * r.b.ratio;
  return r;
}

}  // namespace stratstab

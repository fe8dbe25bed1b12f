// Kent–Thaler first-strike stability (docs/methods.md §7). Costs follow Kent & Thaler, RAND R-3765-AF
// (1989): C_X = D_X^a + b (1 - D_Y^a), with each side's damage curve D (damage.hpp): the exponential
// D(w) = 1 - exp(-w ln5 / w80) or a tabulated, concave curve (docs/methods.md §7, "Damage").
#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <span>
#include <vector>

#include "stratstab/stability.hpp"

namespace stratstab {

std::string_view to_string(StrikerReadiness readiness) {
  switch (readiness) {
    case StrikerReadiness::kKentThaler: return "kent_thaler";
    case StrikerReadiness::kNoNotice: return "no_notice";
  }
  return "kent_thaler";
}

std::optional<StrikerReadiness> striker_readiness_from_string(std::string_view text) {
  for (StrikerReadiness r : {StrikerReadiness::kKentThaler, StrikerReadiness::kNoNotice}) {
    if (to_string(r) == text) return r;
  }
  return std::nullopt;
}
namespace {

const double kLn5 = std::log(5.0);

/// The one statement of the third side's term of a cost (docs/methods.md §13.5): b3 (D(w + Z)^a -
/// D(w)^a), where `alone` = D(w) is the damage the exchange leaves and `third` = Z the warheads the
/// third side could still add; 0 without a third side or with b3 = 0.
double third_side_term(const DamageCurve& damage, double alone, double w, double third,
                       const StabilityParameters& parameters) {
  if (third <= 0.0 || parameters.third_side_weight <= 0.0) return 0.0;
  const double a = parameters.cost_exponent;
  return parameters.third_side_weight * (std::pow(damage(w + third), a) - std::pow(alone, a));
}

/// Each linear piece is halved where a bound on dC_A/ds cannot rule out an interior minimum, at
/// least kMinRootDepth times before a negative-to-positive sign change is solved for and at most
/// kMaxDepth times (1/64 of the piece). Roots are located by the Illinois variant of regula falsi
/// (bracketing, superlinear) to kRootTolerance relative to the piece. Tests compare against brute
/// force on fine grids.
constexpr int kMinRootDepth = 3;
constexpr int kMaxDepth = 6;
constexpr int kMaxRootIterations = 100;
constexpr double kRootTolerance = 1e-13;
/// The slope of a tabulated damage curve "to the left of w" is read this far (relative) to the left.
constexpr double kLeftSlopeStep = 1e-12;
/// Samples per piece of K(s) where the counterforce has collateral (each sampled local minimum is
/// then refined).
constexpr int kCollateralSamples = 64;

struct CostPair {
  StrikeCost cost;
  double damage_striker = 0;
  double damage_victim = 0;
  double third_striker = 0;  ///< the third side's term in the striker's cost (docs/methods.md §13.5)
  double third_victim = 0;   ///< and in the victim's
};

/// Everything C_A(s) needs on one linear piece: the retaliation that arrives on the striker
/// U(s) = u0 - u_slope (s - s0) and the striker's warheads arriving on value L(s) = l0 - l_slope (s - s0),
/// both after any defence. A piece of K(s) is cut where either crosses a kink of a defence, so
/// both are linear on it. `k0`, `k_slope`, `launched0` and `value_cost` keep the undefended
/// figures (K(s) and the value warheads that reach the victim's defence) for the report.
struct Piece {
  double s0 = 0;
  double u0 = 0;
  double u_slope = 0;
  double l0 = 0;
  double l_slope = 1;
  double k0 = 0;
  double k_slope = 0;
  double launched0 = 0;
  double value_cost = 1;
  /// Collateral of the counterforce (options.collateral): the victim's value share destroyed near
  /// the bases, c(s) = c0 + c_slope (s - s0); it joins the value strike's damage as
  /// 1 - (1 - D(L)) (1 - c) (independent destruction of the same value).
  double c0 = 0;
  double c_slope = 0;
};

/// The victim's damage from the value strike `value_damage` and the collateral `collateral`; the
/// value strike alone when there is no collateral (so that results without it are unchanged).
double with_collateral(double value_damage, double collateral) {
  return collateral > 0.0 ? 1.0 - (1.0 - value_damage) * (1.0 - std::min(1.0, collateral)) : value_damage;
}

class StrikeCosts {
 public:
  StrikeCosts(const StrikeInputs& in, const StabilityParameters& p)
      : parameters_(p),
        a_(p.cost_exponent),
        b_(p.surcharge),
        striker_(in.striker_damage),
        victim_(in.victim_damage),
        exponential_(in.striker_damage.is_exponential() && in.victim_damage.is_exponential()),
        lambda_striker_(in.striker_damage.lambda()),
        lambda_victim_(in.victim_damage.lambda()),
        b3_(p.third_side_weight),
        striker_third_(in.striker_third_side),
        victim_third_(in.victim_third_side) {}

  [[nodiscard]] CostPair at(const Piece& piece, double s) const {
    const double surviving = std::max(0.0, piece.u0 - piece.u_slope * (s - piece.s0));
    const double remaining = std::max(0.0, piece.l0 - piece.l_slope * (s - piece.s0));
    CostPair c;
    if (exponential_) {
      c.damage_striker = -std::expm1(-lambda_striker_ * surviving);
      c.damage_victim = -std::expm1(-lambda_victim_ * remaining);
    } else {
      c.damage_striker = striker_(surviving);
      c.damage_victim = victim_(remaining);
    }
    c.damage_victim = with_collateral(c.damage_victim, piece.c0 + piece.c_slope * (s - piece.s0));
    c.cost = strike_cost(c.damage_striker, c.damage_victim, parameters_);
    // The third side's position (docs/methods.md §13.5): the further damage its warheads against
    // each side could still do once the exchange is over. The victim's is against its value damage
    // as the value strike alone leaves it (the collateral of counterforce is a separate destruction
    // of the same value). The exponential's fast path above is the curve's own expression, so
    // c.damage_striker is striker_(surviving) exactly.
    if (striker_third_ > 0.0) {
      c.third_striker = third_side_term(striker_, c.damage_striker, surviving, striker_third_, parameters_);
      c.cost.striker += c.third_striker;
    }
    if (victim_third_ > 0.0) {
      c.third_victim = third_side_term(victim_, victim_(remaining), remaining, victim_third_, parameters_);
      c.cost.victim += c.third_victim;
    }
    return c;
  }

  /// The two terms of dC_A/ds on a piece (U falls at `u_slope`, L falls at `l_slope`):
  /// dC_A/ds = enemy - own, both >= 0 (possibly infinite where a damage is exactly 0).
  /// d/ds of D^a = a D^(a-1) dD/dw dw/ds, with dD/dw = lambda e^(-lambda w) = lambda (1 - D).
  /// `own` (the fall of own damage as retaliation shrinks) rises with s, since D^a is concave in w
  /// and U falls; `enemy` (the loss of the surcharge's relief as the value strike shrinks) rises too.
  struct Slope {
    double own = 0;
    double enemy = 0;
    [[nodiscard]] double derivative() const { return enemy - own; }
  };
  [[nodiscard]] Slope slope(const Piece& piece, double s) const {
    Slope t;
    const double surviving = std::max(0.0, piece.u0 - piece.u_slope * (s - piece.s0));
    const double remaining = std::max(0.0, piece.l0 - piece.l_slope * (s - piece.s0));
    // With a third side the striker's own term is (1 - b3) D(U)^a + b3 D(U + Z)^a: a mix of two
    // concave functions of U for b3 in [0, 1], so its slope still rises with s and the bound below
    // holds (docs/methods.md §13.5).
    const bool third = striker_third_ > 0.0 && b3_ > 0.0;
    const double own_weight = third ? 1.0 - b3_ : 1.0;
    if (!exponential_) {
      // d/ds of D^a = a D^(a-1) dD/dw dw/ds: dD/dw is the slope of the segment U (or L) is leaving
      // as s rises, i.e. the one to its left; concavity keeps both terms rising with s.
      if (piece.u_slope > 0.0) {
        t.own = own_weight > 0.0 ? piece.u_slope * own_weight * term(striker_, surviving) : 0.0;
        if (third) t.own += piece.u_slope * b3_ * term(striker_, surviving + striker_third_);
      }
      if (piece.l_slope > 0.0) t.enemy = piece.l_slope * b_ * term(victim_, remaining);
      return t;
    }
    if (piece.u_slope > 0.0) {
      const double e = std::exp(-lambda_striker_ * surviving);
      if (own_weight > 0.0) {
        t.own = e < 1.0 ? piece.u_slope * own_weight * a_ * std::pow(1.0 - e, a_ - 1.0) * lambda_striker_ * e
                        : std::numeric_limits<double>::infinity();
      }
      if (third) {
        const double e3 = std::exp(-lambda_striker_ * (surviving + striker_third_));
        if (e3 < 1.0) t.own += piece.u_slope * b3_ * a_ * std::pow(1.0 - e3, a_ - 1.0) * lambda_striker_ * e3;
      }
    }
    if (piece.l_slope > 0.0) {
      const double e = std::exp(-lambda_victim_ * remaining);
      t.enemy = e < 1.0 ? piece.l_slope * b_ * a_ * std::pow(1.0 - e, a_ - 1.0) * lambda_victim_ * e
                        : std::numeric_limits<double>::infinity();
    }
    return t;
  }
  [[nodiscard]] double derivative(const Piece& piece, double s) const { return slope(piece, s).derivative(); }

 private:
  /// a D(w)^(a-1) dD/dw from the left of w (infinite where D = 0 and the curve rises).
  [[nodiscard]] double term(const DamageCurve& curve, double w) const {
    const double left = std::max(0.0, w - kLeftSlopeStep * std::max(1.0, w));
    const double slope = curve.slope(left);
    const double d = curve(w);
    if (slope <= 0.0) return 0.0;
    return d > 0.0 ? a_ * std::pow(d, a_ - 1.0) * slope : std::numeric_limits<double>::infinity();
  }

  const StabilityParameters& parameters_;
  double a_;
  double b_;
  const DamageCurve& striker_;
  const DamageCurve& victim_;
  bool exponential_;
  double lambda_striker_;
  double lambda_victim_;
  double b3_;
  double striker_third_;
  double victim_third_;
};

/// A root of dC_A/ds in (left, right), where the derivative goes from negative to positive: the
/// Illinois variant of regula falsi, which keeps the bracket and converges superlinearly.
double derivative_root(const StrikeCosts& costs, const Piece& piece, double left, double d_left, double right,
                       double d_right, double tolerance) {
  // An infinite slope at an end (D = 0 exactly there): bisect until both ends are finite.
  for (int it = 0; it < kMaxRootIterations && !(std::isfinite(d_left) && std::isfinite(d_right)); ++it) {
    if (right - left <= tolerance) return 0.5 * (left + right);
    const double mid = 0.5 * (left + right);
    const double d = costs.derivative(piece, mid);
    (d < 0.0 ? left : right) = mid;
    (d < 0.0 ? d_left : d_right) = d;
  }
  int side = 0;
  for (int it = 0; it < kMaxRootIterations && right - left > tolerance; ++it) {
    double s = (left * d_right - right * d_left) / (d_right - d_left);
    if (!(s > left && s < right)) s = 0.5 * (left + right);  // rounding at a tiny bracket
    const double d = costs.derivative(piece, s);
    if (d == 0.0) return s;
    if (d < 0.0) {
      left = s;
      d_left = d;
      if (side == -1) d_right *= 0.5;
      side = -1;
    } else {
      right = s;
      d_right = d;
      if (side == 1) d_left *= 0.5;
      side = 1;
    }
  }
  return std::abs(d_left) < std::abs(d_right) ? left : right;
}

/// The piece of C_A over [s0, ...) where K(s) = k0 + k_slope (s - s0) and the value warheads that
/// reach the victim's defence are launched0 - value_cost (s - s0), evaluated after both defences
/// with their slopes at `mid`, a point inside the stretch where the defences are linear.
Piece defended_piece(const StrikeInputs& inputs, double s0, double k0, double k_slope, double launched0,
                     double value_cost, double mid, double c0, double c_slope) {
  const double rho = inputs.retaliation_share;
  Piece p{s0, 0.0, 0.0, 0.0, 0.0, k0, k_slope, launched0, value_cost, c0, c_slope};
  const double retaliation0 = rho * std::max(0.0, inputs.victim_arriving - k0);
  const double retaliation_mid = rho * std::max(0.0, inputs.victim_arriving - k0 - k_slope * (mid - s0));
  p.u0 = inputs.striker_defence.through(retaliation0);
  p.u_slope = inputs.striker_defence.slope_at(retaliation_mid) * rho * k_slope;
  p.l0 = inputs.victim_defence.through(std::max(0.0, launched0));
  p.l_slope = inputs.victim_defence.slope_at(std::max(0.0, launched0 - value_cost * (mid - s0))) * value_cost;
  return p;
}

/// The piece at s = 0, before any counterforce.
Piece first_piece(const StrikeInputs& inputs) {
  return defended_piece(inputs, 0.0, 0.0, 0.0, inputs.striker_arriving, 1.0, 0.0, 0.0, 0.0);
}

/// Calls visit(piece, lo, hi) for every linear piece of C_A over [0, W], in order of s: the pieces
/// of K(s), each cut where the retaliation or the value strike crosses a kink of a defence or of a
/// damage curve, then the stretch of counterforce beyond every target. `cuts` is scratch space.
template <class Visit>
void for_each_piece(const StrikeInputs& inputs, std::vector<double>& cuts, Visit&& visit) {
  const double w = inputs.striker_warheads;
  const double rho = inputs.retaliation_share;
  const Penetration& striker_defence = inputs.striker_defence;
  const Penetration& victim_defence = inputs.victim_defence;
  // A piecewise-concave damage curve (concentration on undefended value) turns upwards at its kinks:
  // the piece is cut where what arrives crosses one, as at a defence's kinks.
  const std::span<const double> striker_kinks = inputs.striker_damage.kinks();
  const std::span<const double> victim_kinks = inputs.victim_damage.kinks();
  const bool damage_kinks = !striker_kinks.empty() || !victim_kinks.empty();
  const auto search_piece = [&](double s0, double hi, double k0, double k_slope, double launched0, double value_cost,
                                double c0, double c_slope) {
    if (striker_defence.is_identity() && victim_defence.is_identity() && !damage_kinks) {
      visit(defended_piece(inputs, s0, k0, k_slope, launched0, value_cost, 0.5 * (s0 + hi), c0, c_slope), s0, hi);
      return;
    }
    cuts.clear();
    if (k_slope > 0.0 && rho > 0.0) {
      for (double x : striker_defence.kinks()) {
        cuts.push_back(s0 + (rho * (inputs.victim_arriving - k0) - x) / (rho * k_slope));
      }
    }
    if (value_cost > 0.0) {
      for (double x : victim_defence.kinks()) cuts.push_back(s0 + (launched0 - x) / value_cost);
      for (double x : victim_kinks) cuts.push_back(s0 + (launched0 - victim_defence.arriving_for(x)) / value_cost);
    }
    if (k_slope > 0.0 && rho > 0.0) {
      for (double x : striker_kinks) {
        cuts.push_back(s0 + (rho * (inputs.victim_arriving - k0) - striker_defence.arriving_for(x)) / (rho * k_slope));
      }
    }
    std::erase_if(cuts, [&](double c) { return !(c > s0 && c < hi); });
    std::sort(cuts.begin(), cuts.end());
    cuts.push_back(hi);
    double lo = s0;
    for (double c : cuts) {
      if (c <= lo) continue;
      const Piece p = defended_piece(inputs, lo, k0 + k_slope * (lo - s0), k_slope, launched0 - value_cost * (lo - s0),
                                     value_cost, 0.5 * (lo + c), c0 + c_slope * (lo - s0), c_slope);
      visit(p, lo, c);
      lo = c;
    }
  };

  double s0 = 0.0;
  double k0 = 0.0;
  double launched = inputs.striker_arriving;
  double collateral = 0.0;
  for (const DrawDownPiece& dp : inputs.draw_down.pieces) {
    if (s0 >= w || k0 >= inputs.victim_arriving) break;
    if (dp.width <= 0.0) continue;
    // Kills cannot exceed the victim's warheads: a piece that would overshoot ends where U = 0.
    const double width = dp.slope > 0.0 ? std::min(dp.width, (inputs.victim_arriving - k0) / dp.slope) : dp.width;
    const double hi = std::min(w, s0 + width);
    search_piece(s0, hi, k0, dp.slope, launched, dp.value_cost, collateral, dp.collateral_slope);
    k0 += dp.slope * (hi - s0);
    launched -= dp.value_cost * (hi - s0);
    collateral += dp.collateral_slope * (hi - s0);
    s0 = hi;
  }
  // Counterforce beyond every target: K flat, and each further warhead costs the value strike its
  // share of what is left.
  if (s0 < w) search_piece(s0, w, k0, 0.0, launched, launched / (w - s0), collateral, 0.0);
}

}  // namespace

double damage(double arriving_warheads, double w80) {
  return 1.0 - std::exp(-arriving_warheads * kLn5 / w80);
}

DamageCurve exponential_damage_or_placeholder(double w80) {
  return w80 > 0.0 && std::isfinite(w80) ? DamageCurve::exponential(w80) : DamageCurve();
}

StrikeCost strike_cost(double damage_to_striker, double damage_to_victim, const StabilityParameters& parameters) {
  const double own = std::pow(damage_to_striker, parameters.cost_exponent);
  const double enemy = std::pow(damage_to_victim, parameters.cost_exponent);
  return StrikeCost{own + parameters.surcharge * (1.0 - enemy), enemy + parameters.surcharge * (1.0 - own)};
}

bool preferred_strike(const StrikeCost& candidate, const StrikeCost& best, const StabilityParameters& parameters) {
  const bool clearly_lower = candidate.striker < best.striker - parameters.stop_tolerance;
  const bool tie = std::abs(candidate.striker - best.striker) <= parameters.stop_tolerance;
  return clearly_lower || (tie && candidate.victim > best.victim);
}

FirstStrike evaluate_first_strike(const StrikeInputs& inputs, const StabilityParameters& parameters) {
  const StrikeCosts costs(inputs, parameters);
  const double w = inputs.striker_warheads;
  const double rho = inputs.retaliation_share;
  double best_s = 0.0;
  Piece best_piece = first_piece(inputs);
  CostPair best = costs.at(best_piece, 0.0);

  const auto consider = [&](const Piece& piece, double s) {
    const CostPair c = costs.at(piece, s);
    if (preferred_strike(c.cost, best.cost, parameters)) {
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
    const double tolerance = (hi - lo) * kRootTolerance;
    if (piece.c_slope != 0.0) {
      // With collateral the victim's damage 1 - (1 - D(L)) (1 - c(s)) is no longer a concave
      // function of a falling L alone, so the derivative bound below does not hold: sample the
      // piece and refine every sampled local minimum by golden-section search (tests compare
      // against a fine grid).
      std::array<double, kCollateralSamples + 1> cost{};
      for (int i = 0; i <= kCollateralSamples; ++i) {
        cost[i] = costs.at(piece, lo + (hi - lo) * i / kCollateralSamples).cost.striker;
      }
      for (int i = 1; i < kCollateralSamples; ++i) {
        if (cost[i] > cost[i - 1] || cost[i] > cost[i + 1]) continue;
        double a = lo + (hi - lo) * (i - 1) / kCollateralSamples;
        double b = lo + (hi - lo) * (i + 1) / kCollateralSamples;
        const double ratio = 0.5 * (std::sqrt(5.0) - 1.0);
        double c = b - ratio * (b - a);
        double d = a + ratio * (b - a);
        double fc = costs.at(piece, c).cost.striker;
        double fd = costs.at(piece, d).cost.striker;
        while (b - a > tolerance) {
          if (fc <= fd) {
            b = d;
            d = c;
            fd = fc;
            c = b - ratio * (b - a);
            fc = costs.at(piece, c).cost.striker;
          } else {
            a = c;
            c = d;
            fc = fd;
            d = a + ratio * (b - a);
            fd = costs.at(piece, d).cost.striker;
          }
        }
        consider(piece, 0.5 * (a + b));
      }
      consider(piece, lo);
      return;
    }
    // Both terms of dC_A/ds rise with s, so on [l, r] the derivative lies between
    // enemy(l) - own(r) and enemy(r) - own(l). Where that excludes zero there is no interior
    // minimum; elsewhere the interval is halved (to kMaxDepth) and a negative-to-positive sign
    // change is solved for. A minimum cannot hide in an interval the bound rules out.
    const auto subdivide = [&](const auto& self, double l, StrikeCosts::Slope tl, double r, StrikeCosts::Slope tr,
                               int depth) -> void {
      const double lower = tl.enemy - tr.own;
      const double upper = tr.enemy - tl.own;
      if (lower > 0.0 || upper < 0.0) return;
      const double dl = tl.derivative();
      const double dr = tr.derivative();
      if (depth >= kMaxDepth || (depth >= kMinRootDepth && dl < 0.0 && dr > 0.0)) {
        if (dl < 0.0 && dr > 0.0) consider(piece, derivative_root(costs, piece, l, dl, r, dr, tolerance));
        return;
      }
      const double mid = 0.5 * (l + r);
      const StrikeCosts::Slope tm = costs.slope(piece, mid);
      self(self, l, tl, mid, tm, depth + 1);
      self(self, mid, tm, r, tr, depth + 1);
    };
    subdivide(subdivide, lo, costs.slope(piece, lo), hi, costs.slope(piece, hi), 0);
  };

  std::vector<double> cuts;
  for_each_piece(inputs, cuts, search);

  FirstStrike result;
  result.striker_warheads = w;
  result.victim_warheads = inputs.victim_warheads;
  result.counterforce_spent = best_s;
  const double killed_arriving = best_piece.k0 + best_piece.k_slope * (best_s - best_piece.s0);
  result.retaliation_share = rho;
  result.retaliation_launched = rho * std::max(0.0, inputs.victim_arriving - killed_arriving);
  result.retaliation_arriving = std::max(0.0, best_piece.u0 - best_piece.u_slope * (best_s - best_piece.s0));
  result.victim_destroyed =
      std::min(inputs.victim_warheads, inputs.forward_destroyed + inputs.draw_down.destroyed(best_s));
  result.victim_surviving = std::max(0.0, inputs.victim_warheads - result.victim_destroyed);
  result.striker_remaining = std::max(0.0, w - best_s);
  result.remaining_arriving = std::max(0.0, best_piece.l0 - best_piece.l_slope * (best_s - best_piece.s0));
  result.remaining_intercepted = std::max(
      0.0, best_piece.launched0 - best_piece.value_cost * (best_s - best_piece.s0) - result.remaining_arriving);
  result.collateral_damage = std::min(1.0, best_piece.c0 + best_piece.c_slope * (best_s - best_piece.s0));
  result.damage_to_striker = best.damage_striker;
  result.damage_to_victim = best.damage_victim;
  result.cost_striker = best.cost.striker;
  result.cost_victim = best.cost.victim;
  result.third_side_cost_striker = best.third_striker;
  result.third_side_cost_victim = best.third_victim;
  return result;
}

StrikeCurve strike_curve(const StrikeInputs& inputs, const StabilityParameters& parameters, std::size_t points) {
  const StrikeCosts costs(inputs, parameters);
  const double w = inputs.striker_warheads;
  StrikeCurve curve;
  const auto add = [&](const Piece& piece, double s) {
    const CostPair c = costs.at(piece, s);
    curve.s.push_back(s);
    curve.value_left.push_back(std::max(0.0, w - s));
    const double destroyed = std::min(inputs.victim_warheads, inputs.forward_destroyed + inputs.draw_down.destroyed(s));
    curve.victim_surviving.push_back(std::max(0.0, inputs.victim_warheads - destroyed));
    curve.retaliation_arriving.push_back(std::max(0.0, piece.u0 - piece.u_slope * (s - piece.s0)));
    curve.cost_striker.push_back(c.cost.striker);
    curve.cost_victim.push_back(c.cost.victim);
  };
  add(first_piece(inputs), 0.0);
  const std::size_t steps = std::max<std::size_t>(points, 2) - 1;
  std::size_t next = 1;  // the next grid point s = W next / steps
  std::vector<double> cuts;
  for_each_piece(inputs, cuts, [&](const Piece& piece, double lo, double hi) {
    for (; next <= steps; ++next) {
      const double s = w * static_cast<double>(next) / static_cast<double>(steps);
      if (s > hi) break;
      if (s > lo && s < hi) add(piece, s);
    }
    if (hi > lo) add(piece, hi);  // every kink, so that the curve is exact where its slope changes
  });
  return curve;
}

namespace {

SideStability side_stability(double c1, double c2) {
  SideStability s;
  s.c1 = c1;
  s.c2 = c2;
  s.ratio_unclipped = c2 > 0.0 ? c1 / c2 : std::numeric_limits<double>::infinity();
  s.ratio = c2 > 0.0 ? std::min(1.0, c1 / c2) : 1.0;
  return s;
}

}  // namespace

StabilityResult stability_from_strikes(const FirstStrike& a_strikes_b, const FirstStrike& b_strikes_a) {
  StabilityResult r;
  r.a_strikes_b = a_strikes_b;
  r.b_strikes_a = b_strikes_a;
  r.a = side_stability(a_strikes_b.cost_striker, b_strikes_a.cost_victim);
  r.b = side_stability(b_strikes_a.cost_striker, a_strikes_b.cost_victim);
  r.index = r.a.ratio * r.b.ratio;
  return r;
}

double abstract_warheads(const AbstractSide& side) {
  return side.nf * side.mf + side.ns * side.ms;
}

double abstract_ready_warheads(const AbstractSide& side, const StabilityParameters& parameters) {
  return side.nf * side.mf + parameters.striker_availability * side.ns * side.ms;
}

StrikeInputs abstract_strike_inputs(const AbstractSide& striker, const AbstractSide& victim,
                                    const StabilityParameters& parameters, double striker_withheld,
                                    double victim_withheld, double striker_third, double victim_third) {
  StrikeInputs in;
  in.striker_warheads = abstract_ready_warheads(striker, parameters) * (1.0 - striker_withheld);
  in.striker_arriving = in.striker_warheads;
  in.victim_warheads = abstract_warheads(victim);
  in.victim_arriving = in.victim_warheads * (1.0 - victim_withheld);
  in.striker_damage = exponential_damage_or_placeholder(striker.w80);
  in.victim_damage = exponential_damage_or_placeholder(victim.w80);
  in.striker_third_side = striker_third;
  in.victim_third_side = victim_third;
  // A launcher's kill value is what it would have fired at the striker: its warheads less the
  // victim's share held against the third side.
  const double kept = 1.0 - victim_withheld;
  const double silo_multiplier = parameters.launch_under_attack ? 1.0 - parameters.lua_share : 1.0;
  in.draw_down = homogeneous_draw_down({HomogeneousTarget{victim.nf, victim.mf, silo_multiplier, kept},
                                        HomogeneousTarget{(1.0 - victim.alert) * victim.ns, victim.ms, 1.0, kept}},
                                       striker.de, parameters.max_warheads_per_target);
  return in;
}

ThirdSideTerms third_side_terms(const StrikeInputs& inputs, double on_striker, double on_victim,
                                const StabilityParameters& parameters) {
  const DamageCurve& striker = inputs.striker_damage;
  const DamageCurve& victim = inputs.victim_damage;
  return ThirdSideTerms{
      third_side_term(striker, striker(on_striker), on_striker, inputs.striker_third_side, parameters),
      third_side_term(victim, victim(on_victim), on_victim, inputs.victim_third_side, parameters)};
}

StabilityResult evaluate_abstract(const AbstractSide& a, const AbstractSide& b, const StabilityParameters& parameters) {
  return stability_from_strikes(evaluate_first_strike(abstract_strike_inputs(a, b, parameters), parameters),
                                evaluate_first_strike(abstract_strike_inputs(b, a, parameters), parameters));
}

}  // namespace stratstab

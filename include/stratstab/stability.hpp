// Kent–Thaler first-strike stability (METHOD.md §4; Kent & Thaler, RAND R-3765-AF, 1989).
// Pure functions of plain inputs: no I/O, no globals, safe to call from many threads.
#pragma once

#include <string>
#include <vector>

namespace stratstab {

/// Model constants; defaults are METHOD.md §4's (as relayed from R-3765-AF pp. 22–35, App. C).
struct StabilityParameters {
  double cost_exponent = 0.75;        ///< a in C = D_own^a + b (1 - D_enemy^a)
  double surcharge = 0.3;             ///< b: weight of the enemy value left undestroyed
  double striker_availability = 0.9;  ///< share of non-fixed warheads available to a striker
  bool launch_under_attack = false;   ///< victim launches a share of its silo force on warning
  double lua_share = 0.9;             ///< that share
  double stop_tolerance = 1e-9;       ///< ties in C_A within this take the larger C_B
  int max_warheads_per_target = 2;    ///< most warheads on one launcher
};

/// A side as Kent and Thaler gave it (METHOD.md §4 "Abstract mode").
struct AbstractSide {
  double nf = 0;     ///< fixed (silo) launchers
  double mf = 0;     ///< warheads on each fixed launcher
  double ns = 0;     ///< survivable launchers
  double ms = 0;     ///< warheads on each survivable launcher
  double alert = 0;  ///< share of survivable launchers that cannot be targeted
  double de = 0;     ///< kill probability of one of this side's warheads against one enemy launcher
  double w80 = 0;    ///< arriving warheads that destroy 80% of this side's value
};

/// One linear piece of the draw-down K(s): `width` warheads each killing `slope` enemy warheads.
struct DrawDownPiece {
  double width = 0;
  double slope = 0;
};

/// The draw-down K(s) as concave pieces in order of decreasing slope.
struct DrawDown {
  std::vector<DrawDownPiece> pieces;
  /// Expected enemy warheads destroyed by s counterforce warheads.
  [[nodiscard]] double kills(double s) const;
};

/// One target class for a homogeneous attacker: `count` launchers, each holding `warheads_each`;
/// kills are scaled by `kill_multiplier` (1 - lua_share for silos under launch under attack).
struct TargetClass {
  double count = 0;
  double warheads_each = 0;
  double kill_multiplier = 1;
};

/// Exact K(s) when every attacking warhead has kill probability p: the k-th warhead on a
/// launcher of class i kills m_i p (1-p)^(k-1); the pieces sorted by that value (METHOD.md §3).
DrawDown homogeneous_draw_down(const std::vector<TargetClass>& targets, double p, int max_warheads_per_target);

/// Damage D(w) = 1 - exp(-w ln5 / w80): share of value destroyed by w arriving warheads.
double damage(double arriving_warheads, double w80);

/// One first strike by `striker` on `victim` at the cost-minimising counterforce spend.
struct FirstStrike {
  double striker_warheads = 0;      ///< W: available to strike
  double victim_warheads = 0;       ///< V: all of the victim's
  double counterforce_spent = 0;    ///< s*
  double victim_destroyed = 0;      ///< K(s*)
  double victim_surviving = 0;      ///< U(s*) = V - K(s*)
  double retaliation_arriving = 0;  ///< warheads arriving on the striker
  double striker_remaining = 0;     ///< L(s*) = W - s*, striking the victim's value
  double damage_to_striker = 0;     ///< D_striker(U)
  double damage_to_victim = 0;      ///< D_victim(L)
  double cost_striker = 0;          ///< C1 of the striker
  double cost_victim = 0;           ///< C2 of the victim
};

/// Inputs of one strike in plain numbers (abstract or compiled real forces).
struct StrikeInputs {
  double striker_warheads = 0;
  double victim_warheads = 0;
  double striker_w80 = 0;
  double victim_w80 = 0;
  DrawDown draw_down;
};

/// Searches every linear piece of K(s) for the minimum of C_A(s) (METHOD.md §4 stopping rule).
FirstStrike evaluate_first_strike(const StrikeInputs& inputs, const StabilityParameters& parameters);

struct SideStability {
  double c1 = 0;               ///< cost of striking first
  double c2 = 0;               ///< cost of being struck first
  double ratio = 0;            ///< min(1, c1 / c2); 1 where c2 = 0
  double ratio_unclipped = 0;  ///< c1 / c2 (infinity where c2 = 0)
};

struct StabilityResult {
  SideStability a;
  SideStability b;
  double index = 0;  ///< r_A * r_B
  FirstStrike a_strikes_b;
  FirstStrike b_strikes_a;
};

/// The first-strike stability index of two abstract sides.
StabilityResult evaluate_abstract(const AbstractSide& a, const AbstractSide& b, const StabilityParameters& parameters);

}  // namespace stratstab

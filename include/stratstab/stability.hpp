// Kent–Thaler first-strike stability (docs/methods.md §7; Kent & Thaler, RAND R-3765-AF, 1989).
// Pure functions of plain inputs: no I/O, no globals, safe to call from many threads.
#pragma once

#include <array>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "stratstab/concentration.hpp"
#include "stratstab/damage.hpp"
#include "stratstab/defence.hpp"
#include "stratstab/draw_down.hpp"
#include "stratstab/scenario_keys.hpp"

namespace stratstab {

/// What a real striker can launch first (docs/methods.md §6, "What a striker can launch first").
enum class StrikerReadiness {
  /// Kent and Thaler's rule (R-3765-AF p. 34, as relayed): all warheads of fixed systems and
  /// striker_availability of all others, whatever share of them is at sea or on alert.
  kKentThaler,
  /// A strike without notice from the posture of the day: SSBNs and bombers count only by their
  /// at-sea or alert share (times striker_availability).
  kNoNotice,
};
std::string_view to_string(StrikerReadiness readiness);
std::optional<StrikerReadiness> striker_readiness_from_string(std::string_view text);
/// How a striker chooses the warheads it aims at the victim's command (`options.decapitation`).
enum class DecapitationRule { kOptimised, kFixedShare };

/// Model constants; defaults are those of docs/methods.md §7 (R-3765-AF pp. 22–35, App. C, as relayed), taken
/// from the key table of `options` (scenario_keys.hpp), which the docs print.
struct StabilityParameters {
  double cost_exponent = option_default("cost_exponent");  ///< a in C = D_own^a + b (1 - D_enemy^a)
  double surcharge = option_default("surcharge");          ///< b: weight of the enemy value left undestroyed
  /// Three sides: b3, weight of the third side's position in each side's cost (docs/methods.md §13.5);
  /// in [0, 1], which keeps C_A(s) searchable piece by piece (the own term stays concave).
  double third_side_weight = option_default("third_side_weight");
  /// Share of non-fixed warheads available to a striker.
  double striker_availability = option_default("striker_availability");
  /// Victim launches a share of its silo force on warning.
  bool launch_under_attack = option_default("launch_under_attack") != 0;
  /// Real sides: launch under attack and bomber escape follow from flight times.
  bool warning = option_default("warning") != 0;
  /// Whether a striker counts on its own missile defence when it chooses its counterforce spend.
  /// true: s* minimises its cost with the defence (it may then shift warheads from counterforce to
  /// value, so the retaliation that arrives can rise as its interceptors rise); false: it plans as
  /// if undefended and the defence only thins what comes back (a cautious planner).
  bool defence_in_planning = option_default("defence_in_planning") != 0;
  double lua_share = option_default("lua_share");  ///< share of the silos launched under attack
  /// Share of the road-mobile launchers in garrison launched under attack (docs/methods.md §6).
  double lua_share_mobile = option_default("lua_share_mobile");
  /// Share of the SSBN tubes in port fired from the pier under attack (docs/methods.md §6).
  double lua_share_ssbn = option_default("lua_share_ssbn");
  /// `lua_legs: silos`: only silos launch under attack (the shares of the other legs are ignored).
  bool lua_silos_only = false;
  /// `targets: aim_points` (true): a counterforce target is an aim point holding
  /// launchers_per_aim_point launchers (docs/methods.md §6); false (`launchers`): each launcher.
  bool aim_points = true;
  double stop_tolerance = option_default("stop_tolerance");  ///< ties in C_A within this take the larger C_B
  /// Most warheads on one launcher.
  int max_warheads_per_target = static_cast<int>(option_default("max_warheads_per_target"));
  /// For real sides (abstract ones are exact anyway); the table's default word, `exact` (a unit test
  /// checks the two agree).
  DrawDownMethod draw_down = DrawDownMethod::kExact;
  /// Real sides; the table's default word, `kent_thaler` (a unit test checks the two agree).
  StrikerReadiness striker_readiness = StrikerReadiness::kKentThaler;
  /// Real sides: how many warheads a striker aims at the victim's command (docs/methods.md §12.4):
  /// the cost-minimising count (the table's default word, `optimised`) or its fixed
  /// `decapitation_share`.
  DecapitationRule decapitation = DecapitationRule::kOptimised;
  /// Real sides: the damage curve is the tabulated city curve itself (`damage: cities`) instead of
  /// the exponential (docs/methods.md §7). Applied by prepare_scenario.
  bool damage_from_cities = false;
  /// Real sides: w80 derived from the city table (`w80: derived`, the default) instead of the
  /// snapshot's ASSUMED figure (`w80: snapshot`). Applied by prepare_scenario.
  bool w80_derived = true;
  /// Real sides: counterforce warheads destroy the victim's value near the bases they are aimed at
  /// (`collateral: cities`, docs/methods.md §7; default `none`, Kent and Thaler's counterforce).
  bool collateral_cities = false;
  /// With collateral_cities: radius (km) of a base's field of launchers (ASSUMED 10, range 0–30).
  double collateral_field_km = option_default("collateral_field_km");
};

/// A side as Kent and Thaler gave it (docs/methods.md §7, "Abstract form").
struct AbstractSide {
  double nf = 0;     ///< fixed (silo) launchers
  double mf = 0;     ///< warheads on each fixed launcher
  double ns = 0;     ///< survivable launchers
  double ms = 0;     ///< warheads on each survivable launcher
  double alert = 0;  ///< share of survivable launchers that cannot be targeted
  double de = 0;     ///< kill probability of one of this side's warheads against one enemy launcher
  double w80 = 0;    ///< arriving warheads that destroy 80% of this side's value
};

/// Damage D(w) = 1 - exp(-w ln5 / w80): share of value destroyed by w arriving warheads.
double damage(double arriving_warheads, double w80);

/// DamageCurve::exponential(w80) for a finite w80 > 0; otherwise the default curve (the loader
/// rejects such a w80; this keeps hand-built inputs from throwing).
DamageCurve exponential_damage_or_placeholder(double w80);

/// The costs of one first strike to both sides, from the damage each suffers.
struct StrikeCost {
  double striker = 0;  ///< C_A = D_A^a + b (1 - D_B^a)
  double victim = 0;   ///< C_B = D_B^a + b (1 - D_A^a)
};
/// The one statement of the cost formula (a = cost_exponent, b = surcharge), for every strike.
StrikeCost strike_cost(double damage_to_striker, double damage_to_victim, const StabilityParameters& parameters);

/// The one statement of the stopping rule's choice between two strikes: `candidate` replaces
/// `best` when its cost to the striker is lower by more than stop_tolerance, or within it (a tie)
/// and its cost to the victim is larger.
bool preferred_strike(const StrikeCost& candidate, const StrikeCost& best, const StabilityParameters& parameters);

/// One first strike by `striker` on `victim` at the cost-minimising counterforce spend.
struct FirstStrike {
  double striker_warheads = 0;       ///< W: available to strike
  double victim_warheads = 0;        ///< V: all of the victim's
  double counterforce_spent = 0;     ///< s*
  double victim_destroyed = 0;       ///< victim warheads (as loaded) destroyed by the s* warheads
  double victim_surviving = 0;       ///< V - victim_destroyed
  double retaliation_launched = 0;   ///< surviving victim warheads launched in retaliation (times the
                                     ///< share its command and control gets off) that would arrive
                                     ///< but for the striker's defence
  double retaliation_share = 1;      ///< share of the surviving forces the victim's command gets off
  double retaliation_arriving = 0;   ///< U(s*): of those, the ones that get through and arrive on the striker
  double striker_remaining = 0;      ///< W - s*, striking the victim's value
  double remaining_arriving = 0;     ///< L(s*): of those, the ones that arrive (through any defence)
  double remaining_intercepted = 0;  ///< value warheads the victim's defence stopped
  /// With an attacker that concentrates on undefended value (concentration.hpp): of the value
  /// warheads, the ones aimed outside every footprint of the victim's defence; of the retaliation,
  /// the ones aimed outside the striker's. 0 otherwise.
  double value_on_undefended = 0;
  double retaliation_on_undefended = 0;
  double suppression_spent = 0;   ///< warheads spent on the victim's defence sites before the rest
  double decapitation_spent = 0;  ///< warheads spent on the victim's command
  double command_survival = 1;    ///< q: the victim's national command survives (docs/methods.md §12.4)
  double forward_spent = 0;       ///< forward warheads that cannot reach value, all fired first at what they reach
  double damage_to_striker = 0;   ///< D_striker(U)
  double damage_to_victim = 0;    ///< D_victim(L); with collateral 1 - (1 - D_victim(L)) (1 - collateral_damage)
  /// The victim's value destroyed near the bases by the s* counterforce warheads (options.collateral).
  double collateral_damage = 0;
  double cost_striker = 0;  ///< C1 of the striker
  double cost_victim = 0;   ///< C2 of the victim
  /// Three sides (docs/methods.md §13.5): the third side's term in each cost, b3 (D(U + Z)^a - D(U)^a),
  /// already inside cost_striker and cost_victim; 0 with two sides.
  double third_side_cost_striker = 0;
  double third_side_cost_victim = 0;
};

/// Inputs of one strike in plain numbers (abstract or compiled real forces).
/// Warheads "arriving" are launched ones times their reliability (and, with defences, their chance of
/// getting through); in the abstract form every warhead arrives.
struct StrikeInputs {
  double striker_warheads = 0;  ///< W, launched
  double striker_arriving = 0;  ///< of W, the ones that would arrive if none went to counterforce
  double victim_warheads = 0;   ///< V, as loaded
  double victim_arriving = 0;   ///< of V, the ones that would arrive if none were destroyed
  DamageCurve striker_damage;   ///< D of the striker's value under the retaliation (damage.hpp)
  DamageCurve victim_damage;    ///< D of the victim's value under the value strike
  DrawDown draw_down;           ///< K(s) in arriving units, with each piece's value cost (behind any silo defence)
  /// Share of the victim's surviving warheads that are launched in retaliation (command and
  /// control: 1 when command survives for sure).
  double retaliation_share = 1;
  Penetration striker_defence;       ///< the striker's defence against the retaliation (identity: none)
  Penetration victim_defence;        ///< the victim's defence against the value warheads (identity: none)
  double decapitation_warheads = 0;  ///< left the strike for the victim's command (for the report)
  double forward_spent = 0;          ///< forward warheads fired first at what they reach (not in W)
  double forward_destroyed = 0;      ///< victim warheads (as loaded) they destroyed (already out of V's arriving)
  double suppression_warheads = 0;   ///< left the strike for the victim's defence sites (for the report)
  /// Three sides (docs/methods.md §13.5): warheads the third side could still put on the striker's
  /// (victim's) value after the exchange, through its defence; they enter each cost as
  /// third_side_weight (D(U + Z)^a - D(U)^a). 0 with two sides.
  double striker_third_side = 0;
  double victim_third_side = 0;
  /// Where the attacker concentrates on undefended value (concentration.hpp): the split of the value
  /// strike on the victim and of the retaliation on the striker. That defence is then inside the
  /// damage curve (victim_damage or striker_damage is D*) and victim_defence or striker_defence is
  /// the identity; the split is kept for the report.
  std::shared_ptr<const ConcentratedValueStrike> victim_concentration;
  std::shared_ptr<const ConcentratedValueStrike> striker_concentration;
};

/// The third side's terms of a strike's costs (docs/methods.md §13.5): b3 (D_X(U + Z_X)^a - D_X(U)^a)
/// for the striker at the retaliation U its damage curve takes, and the same for the victim at the
/// value strike L; 0 where no third side threatens.
struct ThirdSideTerms {
  double striker = 0;
  double victim = 0;
};
ThirdSideTerms third_side_terms(const StrikeInputs& inputs, double on_striker, double on_victim,
                                const StabilityParameters& parameters);

/// Searches every linear piece of K(s) for the minimum of C_A(s) (docs/methods.md §7, stopping rule).
FirstStrike evaluate_first_strike(const StrikeInputs& inputs, const StabilityParameters& parameters);

/// C_A(s) and C_B(s) along s (docs/methods.md §7) as the search sees them: at s = 0, at every kink of
/// K(s) and of the defences, and at `points` evenly spaced s from 0 to W, in order of s. The plot
/// of Kent and Thaler's weapons domain is victim_surviving against value_left.
struct StrikeCurve {
  std::vector<double> s;                     ///< counterforce warheads
  std::vector<double> value_left;            ///< W - s, the striker's warheads left for value
  std::vector<double> victim_surviving;      ///< V - destroyed(s), as loaded
  std::vector<double> retaliation_arriving;  ///< U(s), through the striker's defence
  std::vector<double> cost_striker;          ///< C_A(s)
  std::vector<double> cost_victim;           ///< C_B(s)
};
StrikeCurve strike_curve(const StrikeInputs& inputs, const StabilityParameters& parameters, std::size_t points);

struct SideStability {
  double c1 = 0;               ///< cost of striking first
  double c2 = 0;               ///< cost of being struck first
  double ratio = 0;            ///< min(1, c1 / c2); 1 where c2 = 0
  double ratio_unclipped = 0;  ///< c1 / c2 (infinity where c2 = 0)
};

struct ThreeSidedStability;

struct StabilityResult {
  SideStability a;
  SideStability b;
  double index = 0;  ///< r_A * r_B; with three sides the system index (ThreeSidedStability)
  FirstStrike a_strikes_b;
  FirstStrike b_strikes_a;
  /// Three sides: the pairs and the system; a, b and the strikes are then those of the pair (0, 1).
  std::shared_ptr<const ThreeSidedStability> three_sided;
};

/// The index from both first strikes (docs/methods.md §7): C1 and C2 of each side, r_X = min(1, C1/C2)
/// (1 where C2 = 0; the unclipped ratio kept) and FSI = r_A r_B. Shared by abstract and real sides.
StabilityResult stability_from_strikes(const FirstStrike& a_strikes_b, const FirstStrike& b_strikes_a);

/// The first-strike stability index of two abstract sides.
StabilityResult evaluate_abstract(const AbstractSide& a, const AbstractSide& b, const StabilityParameters& parameters);

/// The strike inputs of abstract `striker` on `victim`, each keeping a share of its warheads back
/// against a third side (docs/methods.md §13.5): the striker's W and the victim's retaliation and
/// kill values shrink by their shares; `striker_third`, `victim_third` are the third side's
/// threats (StrikeInputs::striker_third_side).
StrikeInputs abstract_strike_inputs(const AbstractSide& striker, const AbstractSide& victim,
                                    const StabilityParameters& parameters, double striker_withheld = 0,
                                    double victim_withheld = 0, double striker_third = 0, double victim_third = 0);

/// An abstract side's warheads: nf mf + ns ms (the V of a victim).
double abstract_warheads(const AbstractSide& side);
/// An abstract side's warheads a striker can launch: nf mf + striker_availability ns ms.
double abstract_ready_warheads(const AbstractSide& side, const StabilityParameters& parameters);

/// A pair of sides of a three-sided world and their exchange (docs/methods.md §13.5).
struct PairExchange {
  std::size_t first = 0;   ///< index of the scenario side that is `exchange.a`
  std::size_t second = 1;  ///< and `exchange.b`
  std::size_t third = 2;   ///< the side outside this exchange
  /// Both first strikes between the pair, each side keeping its share against the third back and
  /// counting the third side's position; ratios 1 and index 1 where either has no warheads.
  StabilityResult exchange;
};

/// The three-sided measure (docs/methods.md §13.5): the three pairs and the whole system.
struct ThreeSidedStability {
  std::array<PairExchange, 3> pairs;  ///< the pairs (0, 1), (0, 2), (1, 2)
  /// split[x][y]: share of side x's warheads held against side y (0 on the diagonal; rows sum to 1).
  std::array<std::array<double, 3>, 3> split{};
  /// threat[z][x]: warheads side z could put on side x's value with its share against x (arriving).
  std::array<std::array<double, 3>, 3> threat{};
  std::array<double, 3> warheads{};  ///< each side's warheads in the exchange (as loaded)
  /// The product of the six ordered ratios (= of the three pair indices): the chance that no side
  /// strikes any other when each side's belief about each other is independent and uniform.
  double system_index = 0;
  std::size_t least_pair = 0;  ///< the pair with the lowest index
};

}  // namespace stratstab

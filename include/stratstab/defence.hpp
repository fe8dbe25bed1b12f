// Missile defence (docs/methods.md §12.1–12.2): layers of interceptors with a finite inventory, what a defence
// lets through, and how that thins a counterforce draw-down. Pure functions of plain inputs: no
// I/O, no globals, safe to call from many threads.
//
// The model is an expected-value ("fluid") one, as the rest of the exchange:
//   - layer l kills an engaged object with P_l = T_l (1 - (1 - SSPK_l)^n_l), n_l interceptors per
//     object (barrage), or with shoot-look-shoot T_l (1 - (1 - SSPK_l)^(s1 + s2)) using on average
//     s1 + (1 - P_1) s2 interceptors, P_1 the first salvo's kill probability;
//   - with I_l interceptors the layer engages at most floor(I_l / n_l) objects (saturation);
//     objects beyond that pass unopposed;
//   - a defence that cannot tell decoys from warheads sees 1 + D objects per warhead, D decoys per
//     warhead; decoys are assumed to be lost in the same proportion as warheads in earlier layers;
//   - layers act one after the other on what the previous ones let through.
// So w warheads reaching layer l leave w - P_l min(w, c_l), with c_l = floor(I_l / n_l) / (1 + D_l):
// a defence takes a large share of a small, ragged retaliation and a small share of a large first
// strike (docs/methods.md §12.2).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "stratstab/draw_down.hpp"

namespace stratstab {

/// One layer of a missile defence (e.g. space-based boost-phase, midcourse, terminal).
struct DefenceLayer {
  std::string name;
  double sspk = 0;                  ///< kill probability of one interceptor on one object, [0, 1]
  int shots = 1;                    ///< interceptors fired at each object (first salvo)
  int second_shots = 0;             ///< shoot-look-shoot: interceptors after a seen miss (0: barrage only)
  double tracking_reliability = 1;  ///< T: no common-mode failure (tracking, discrimination), [0, 1]
  double inventory_share = 1;       ///< share of the defence's interceptors held by this layer
  bool sees_decoys = true;          ///< false: the layer engages warheads only (e.g. terminal, after re-entry)
  bool suppressible = true;         ///< its interceptors sit at ground sites a striker can attack
  /// Space-based layers: only 1 / absentee_ratio of the layer's interceptors are within reach of a
  /// launch area when it matters; the engaging inventory is its share divided by it (>= 1; 1: all).
  double absentee_ratio = 1;
  /// true: the layer engages boosters before release (boost phase): one engaged booster carries the
  /// attacking force's mean warheads per booster m and no decoys yet, and a kill takes them all.
  bool engages_boosters = false;
  /// Share of the defended value (or silos) inside the layer's coverage, (0, 1]; an attack spread
  /// uniformly puts the rest of its warheads outside it, where they pass the layer.
  double footprint = 1;
};

/// How the attacker adapts to a defence (docs/methods.md §12.1).
enum class AdaptiveOffence {
  kNone,    ///< the attack as the scenario gives it
  kDecoys,  ///< the attacker brings decoys up to `max_decoys_per_warhead`
};
std::string_view to_string(AdaptiveOffence offence);

/// What a defence protects.
enum class DefenceCoverage {
  kValue,  ///< cities and other value: acts on value warheads and on retaliation
  kSilos,  ///< ICBM silos: acts on counterforce warheads
  kBoth,   ///< both, the inventory split by `silo_share`
};
std::string_view to_string(DefenceCoverage coverage);

/// A side's missile defence (docs/methods.md §12.1). All interceptor counts are expected values.
struct MissileDefence {
  double interceptors = 0;  ///< total inventory, shared by the layers by their inventory_share
  std::vector<DefenceLayer> layers;
  DefenceCoverage covers = DefenceCoverage::kValue;
  double silo_share = 0.5;             ///< with kBoth: share of every layer's interceptors kept for silos
  double decoys_per_warhead = 0;       ///< D: objects an attacking warhead brings that the defence cannot reject
  double sites = 0;                    ///< ground sites of the suppressible layers (interceptor fields, radars)
  double site_kill_probability = 0.9;  ///< of one arriving warhead on one site (soft or lightly hardened)
  AdaptiveOffence adaptive_offence = AdaptiveOffence::kDecoys;
  /// With kDecoys: the most decoys per warhead the attacker can bring (below decoys_per_warhead: no
  /// extra decoys). Default 0, so the default attack is the scenario's.
  double max_decoys_per_warhead = 0;
  /// true: an attacker on this side's value splits its warheads between the value inside the layers'
  /// footprints and the rest so as to destroy the most (concentration.hpp); false (default): it
  /// spreads them evenly, and a layer of footprint f meets the share f of them.
  bool concentrate_on_undefended = false;
};

/// D the defence faces: decoys_per_warhead, raised to max_decoys_per_warhead when the offence adds
/// decoys (they cost it nothing in this model, so it brings the ceiling).
double offence_decoys_per_warhead(const MissileDefence& defence);

/// P_l: the chance that a layer kills one object it engages.
double layer_kill_probability(const DefenceLayer& layer);
/// Expected interceptors a layer spends per engaged object (n, or s1 + (1 - P_1) s2).
double interceptors_per_object(const DefenceLayer& layer);
/// c_l: the warheads (not objects) a layer of `defence` holding `interceptors` can engage before it
/// saturates, floor(I / n) / (1 + D) (1 + D objects per warhead when it must engage decoys), or
/// floor(I / n) m for a layer that engages boosters of m warheads each (decoys not yet released); 0
/// when it spends nothing per object. The one statement of it, for Penetration and the reports.
double layer_capacity(const MissileDefence& defence, const DefenceLayer& layer, double interceptors,
                      double warheads_per_booster = 1.0);

/// How many warheads get through a defence, as a monotone piecewise-linear function of the warheads
/// that reach it (all counts expected values). The identity when no layer engages anything.
class Penetration {
 public:
  /// No defence: every warhead gets through.
  Penetration() = default;
  /// `interceptors` per layer (already split by inventory share, absentee ratio, coverage and
  /// suppression); `warheads_per_booster`: the attacking force's mean m, for layers that engage
  /// boosters. A layer with footprint f < 1 acts as kill P f and capacity c / f:
  /// w - P min(f w, c) = w - P f min(w, c / f), so `through` stays piecewise linear.
  Penetration(const MissileDefence& defence, const std::vector<double>& interceptors_by_layer,
              double warheads_per_booster = 1.0);

  /// Warheads that get through when `arriving` reach the defence.
  [[nodiscard]] double through(double arriving) const;
  /// The slope of `through` at a point strictly inside one of its linear segments.
  [[nodiscard]] double slope_at(double arriving) const;
  /// The fewest arriving warheads that let `through_count` through (the inverse of `through` where
  /// it rises; its left end where it is flat).
  [[nodiscard]] double arriving_for(double through_count) const;
  /// Where the slope changes (ascending; each layer saturates at one of them).
  [[nodiscard]] const std::vector<double>& kinks() const { return kink_x_; }
  [[nodiscard]] bool is_identity() const { return layers_.empty(); }

 private:
  struct ActiveLayer {
    double kill = 0;      ///< P_l
    double capacity = 0;  ///< c_l: warheads (not objects) the layer can engage
  };
  /// The fewest warheads arriving at the first layer that leave `through_count` after the first
  /// `layer_count` layers.
  [[nodiscard]] double arriving_before(std::size_t layer_count, double through_count) const;

  std::vector<ActiveLayer> layers_;  ///< layers that engage anything, in order
  std::vector<double> kink_x_;
};

/// The interceptors of each layer available against one kind of threat: the layer's share of the
/// inventory, divided by its absentee ratio, times the coverage's share (1 for value or silos alone,
/// `silo_share` or 1 - `silo_share` when both), times `suppressed_survival` for suppressible layers.
std::vector<double> layer_interceptors(const MissileDefence& defence, bool against_silo_attack,
                                       double suppressed_survival);

/// The draw-down K(s) when the counterforce warheads pass a silo defence first: s launched warheads
/// arrive as r s (r: `reliability`, the counterforce warheads' mean), `defence` lets h(r s) through,
/// and the kills are those of the h(r s) / r launched warheads that would have carried as many:
/// K(h(r s) / r). Every launched warhead still costs the value strike its own reliability (the
/// pieces' value_cost). The striker is credited with allocating what gets through as well as an
/// undefended attack (an upper bound on its kills, as a shoot-look-shoot attacker could).
DrawDown thinned_draw_down(const DrawDown& undefended, const Penetration& defence, double reliability);

}  // namespace stratstab

// `mix: survivable | ratio` (prepare.hpp, docs/methods.md §8.1): within the limits, each side moves
// whole blocks of warheads between storage and its strategic systems' deployed launchers while a
// move raises its objective, against the other side's force under the rule alone.
#include <algorithm>
#include <cmath>
#include <limits>

#include "stratstab/prepare.hpp"

namespace stratstab {
namespace {

/// Moves the search takes at most per side: far more than it needs on the bundled forces (tens),
/// a bound so that a flat objective cannot loop.
constexpr int kMaxMoves = 400;

/// Storage that uploads draw on: the strategic store where the snapshot gives one.
double storage_of(const ForceSnapshot& f) {
  return f.inventory.strategic_warheads_stored ? f.inventory.strategic_warheads_stored->value
                                               : f.inventory.warheads_stored.value;
}

/// `delta` warheads onto (positive) or off (negative) system `s`'s deployed launchers, from or to
/// storage.
void move_warheads(ForceSnapshot& f, std::size_t s, double delta) {
  System& system = f.systems[s];
  system.warheads_per_launcher.value += delta / system.launchers_deployed.value;
  f.inventory.warheads_stored.value -= delta;
  if (f.inventory.strategic_warheads_stored) f.inventory.strategic_warheads_stored->value -= delta;
  f.inventory.warheads_deployed.value += delta;
}

/// The figures move_warheads writes, saved to be put back bit for bit.
class MoveUndo {
 public:
  MoveUndo(const ForceSnapshot& f, std::size_t s)
      : system_(s),
        per_launcher_(f.systems[s].warheads_per_launcher.value),
        stored_(f.inventory.warheads_stored.value),
        deployed_(f.inventory.warheads_deployed.value),
        strategic_stored_(f.inventory.strategic_warheads_stored ? f.inventory.strategic_warheads_stored->value : 0) {}
  void restore(ForceSnapshot& f) const {
    f.systems[system_].warheads_per_launcher.value = per_launcher_;
    f.inventory.warheads_stored.value = stored_;
    f.inventory.warheads_deployed.value = deployed_;
    if (f.inventory.strategic_warheads_stored) f.inventory.strategic_warheads_stored->value = strategic_stored_;
  }

 private:
  std::size_t system_;
  double per_launcher_;
  double stored_;
  double deployed_;
  double strategic_stored_;
};

double objective_of(const StabilityResult& r, std::size_t side, MixObjective objective) {
  if (objective == MixObjective::kSurvivable) {
    return side == 0 ? r.b_strikes_a.victim_surviving : r.a_strikes_b.victim_surviving;
  }
  // The ratio: unclipped, so that a side already at 1 still prefers the larger C1/C2.
  const double ratio = side == 0 ? r.a.ratio_unclipped : r.b.ratio_unclipped;
  return std::isfinite(ratio) ? ratio : 1e300;
}

}  // namespace

MixChoice choose_mixes(const Scenario& scenario, MixObjective objective) {
  MixChoice out;
  const auto evaluate = [&](const ForceSnapshot& a, const ForceSnapshot& b) {
    ++out.evaluations;
    return evaluate_real(a, b, scenario.posture, scenario.parameters, side_options(scenario.sides[0]),
                         side_options(scenario.sides[1]));
  };
  const ForceSnapshot& rule_a = *scenario.sides[0].forces;
  const ForceSnapshot& rule_b = *scenario.sides[1].forces;
  out.rule_only = evaluate(rule_a, rule_b);
  for (std::size_t side = 0; side < 2; ++side) {
    ForceSnapshot mine = *scenario.sides[side].forces;
    const ForceSnapshot& other = *scenario.sides[1 - side].forces;
    const auto score = [&](const ForceSnapshot& f) {
      return objective_of(side == 0 ? evaluate(f, other) : evaluate(other, f), side, objective);
    };
    const CountOptions count_options = regime_count_options(scenario, side);
    std::vector<std::size_t> movable;
    double loaded = 0;
    for (std::size_t s = 0; s < mine.systems.size(); ++s) {
      const System& system = mine.systems[s];
      if (!in_central_exchange(system) || system.launchers_deployed.value <= 0) continue;
      movable.push_back(s);
      loaded += system.warheads_loaded();
    }
    // A block of about 2% of the side's strategic warheads: fine enough to find the shape of the
    // best mix, coarse enough that the search takes tens of moves, not thousands.
    const double block = std::max(1.0, std::round(loaded / 50));
    double best = score(mine);
    for (int move = 0; move < kMaxMoves; ++move) {
      double best_delta = 0;
      std::size_t best_system = 0;
      double best_score = best;
      for (const std::size_t s : movable) {
        const System& system = mine.systems[s];
        for (const double delta : {block, -block}) {
          const double after = system.warheads_loaded() + delta;
          if (delta > 0 && (storage_of(mine) < delta ||
                            after > system.max_warheads_per_launcher.value * system.launchers_deployed.value + 1e-9)) {
            continue;
          }
          if (delta < 0 && after < system.launchers_deployed.value - 1e-9) continue;  // one warhead a launcher
          // The candidate is tried in place and the four figures a move writes put back exactly
          // (no copy of the snapshot per candidate: a sweep runs this search at every point).
          const MoveUndo undo(mine, s);
          move_warheads(mine, s, delta);
          const bool compliant = count_treaty(*scenario.regime, mine, count_options).compliant;
          const double value = compliant ? score(mine) : -std::numeric_limits<double>::infinity();
          undo.restore(mine);
          if (!compliant) continue;
          if (value > best_score + 1e-9 * std::max(1.0, std::abs(best_score))) {
            best_score = value;
            best_delta = delta;
            best_system = s;
          }
        }
      }
      if (best_delta == 0) break;
      move_warheads(mine, best_system, best_delta);
      best = best_score;
    }
    // The chosen force rebuilt from the rule's by one net move per system, the arithmetic
    // apply_mix_changes repeats on a draw: at the central figures the two agree bit for bit.
    const ForceSnapshot& before = *scenario.sides[side].forces;
    ForceSnapshot rebuilt = before;
    for (std::size_t s = 0; s < mine.systems.size(); ++s) {
      const double delta = std::round(mine.systems[s].warheads_loaded() - before.systems[s].warheads_loaded());
      if (delta != 0) move_warheads(rebuilt, s, delta);
    }
    mine = std::move(rebuilt);
    for (std::size_t s = 0; s < mine.systems.size(); ++s) {
      const double delta = mine.systems[s].warheads_loaded() - before.systems[s].warheads_loaded();
      if (std::abs(delta) < 0.5) continue;
      ComplianceChange change;
      change.action = delta > 0 ? ComplianceAction::kUpload : ComplianceAction::kDownload;
      change.system_id = mine.systems[s].id;
      change.unit = "warheads";
      change.amount = std::round(std::abs(delta));
      change.before = before.systems[s].warheads_per_launcher.value;
      change.after = mine.systems[s].warheads_per_launcher.value;
      change.grade = Grade::kAssumed;
      change.source_id = "stratstab-assumption";
      out.changes[side].push_back(std::move(change));
    }
    out.forces[side] = std::move(mine);
  }
  return out;
}

void apply_mix_changes(ForceSnapshot& forces, const std::vector<ComplianceChange>& changes, const Treaty& treaty,
                       const CountOptions& options) {
  for (const ComplianceChange& c : changes) {
    std::size_t s = 0;
    while (s < forces.systems.size() && forces.systems[s].id != c.system_id) ++s;
    if (s == forces.systems.size() || forces.systems[s].launchers_deployed.value <= 0) continue;
    const System& system = forces.systems[s];
    double delta = c.action == ComplianceAction::kUpload ? c.amount : -c.amount;
    // Clamped to what the drawn force can take (its storage and capacity, one warhead a launcher),
    // and only where it is out by more than rounding, so that the central draw is the chosen force.
    const double capacity = system.max_warheads_per_launcher.value * system.launchers_deployed.value;
    const double lowest = system.launchers_deployed.value - system.warheads_loaded();
    const double highest = std::min(storage_of(forces), capacity - system.warheads_loaded());
    if (delta > highest + 1e-6) delta = highest;
    if (delta < lowest - 1e-6) delta = lowest;
    const MoveUndo undo(forces, s);
    move_warheads(forces, s, delta);
    if (!count_treaty(treaty, forces, options).compliant) undo.restore(forces);
  }
}

}  // namespace stratstab

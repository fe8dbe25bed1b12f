// The figures of a real side's snapshot by key path, the ranged ones among them, and the
// invariants restored after figures are set in memory (scenario_inputs.hpp).
#include "stratstab/scenario_inputs.hpp"
#include "stratstab/snapshot_figures.hpp"

namespace stratstab {

void for_each_snapshot_path(const ScenarioSide& side,
                            const std::function<void(const std::string& path, const Figure& figure)>& visit) {
  if (side.forces) for_each_snapshot_figure(*side.forces, "sides." + side.id + ".", visit);
}

std::vector<RangedFigure> ranged_figures(const Scenario& scenario) {
  std::vector<RangedFigure> out;
  const auto ranged = [](const Figure& f) { return f.range && f.range->high > f.range->low; };
  for (const ScenarioSide& side : scenario.sides) {
    for_each_snapshot_path(side, [&](const std::string& path, const Figure& f) {
      if (ranged(f)) out.push_back(RangedFigure{path, f});
    });
  }
  for (const ScenarioSide& side : scenario.sides) {
    for (const ScenarioFigure& f : side.figures) {
      if (ranged(f.figure)) out.push_back(RangedFigure{f.path, f.figure});
    }
  }
  return out;
}

void renormalise_snapshot(ForceSnapshot& snapshot, const ForceSnapshot& reference) {
  for (std::size_t i = 0; i < snapshot.systems.size(); ++i) {
    System& system = snapshot.systems[i];
    const System& before = reference.systems[i];
    double shares = 0.0;
    double shares_before = 0.0;
    for (const WarheadType& w : system.warheads) shares += w.share.value;
    for (const WarheadType& w : before.warheads) shares_before += w.share.value;
    if (shares > 0.0 && shares != shares_before) {
      for (WarheadType& w : system.warheads) w.share.value *= shares_before / shares;
    }
    double at_bases = 0.0;
    double at_bases_before = 0.0;
    for (const Base& b : system.bases) at_bases += b.launchers.value;
    for (const Base& b : before.bases) at_bases_before += b.launchers.value;
    const double target = before.launchers_deployed.value > 0.0
                              ? at_bases_before * (system.launchers_deployed.value / before.launchers_deployed.value)
                              : at_bases_before;
    if (at_bases > 0.0 && at_bases != target) {
      for (Base& b : system.bases) b.launchers.value *= target / at_bases;
    }
  }
}

}  // namespace stratstab

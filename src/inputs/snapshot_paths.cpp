// The figures of a real side's snapshot by key path, the ranged ones among them, and the
// invariants restored after figures are set in memory (scenario_inputs.hpp).
#include <fmt/format.h>

#include "inputs/input_tables.hpp"
#include "stratstab/scenario_inputs.hpp"

namespace stratstab {

using namespace inputs;  // NOLINT(google-build-using-namespace): the tables of this stage

void for_each_snapshot_path(const ScenarioSide& side,
                            const std::function<void(const std::string& path, const Figure& figure)>& visit) {
  if (!side.forces) return;
  const ForceSnapshot& snap = *side.forces;
  const std::string prefix = "sides." + side.id + ".";
  for (const auto& named : kInventoryFigures)
    visit(prefix + "inventory." + std::string(named.key), snap.inventory.*named.member);
  for (const auto& named : kInventoryOptionalFigures) {
    if (const auto& f = snap.inventory.*named.member) visit(prefix + "inventory." + std::string(named.key), *f);
  }
  visit(prefix + "w80", snap.w80);
  for (const System& system : snap.systems) {
    const std::string sys = prefix + "systems." + system.id + ".";
    for (const auto& named : kSystemFigures) visit(sys + std::string(named.key), system.*named.member);
    for (const auto& named : kSystemOptionalFigures) {
      if (const auto& f = system.*named.member) visit(sys + std::string(named.key), *f);
    }
    for (std::size_t w = 0; w < system.warheads.size(); ++w) {
      for (const auto& named : kWarheadFigures) {
        visit(fmt::format("{}warheads[{}].{}", sys, w, named.key), system.warheads[w].*named.member);
      }
    }
    for (std::size_t b = 0; b < system.bases.size(); ++b) {
      visit(fmt::format("{}bases[{}].launchers", sys, b), system.bases[b].launchers);
    }
  }
}

std::vector<RangedFigure> ranged_figures(const Scenario& scenario) {
  std::vector<RangedFigure> out;
  for (const ScenarioSide& side : scenario.sides) {
    for_each_snapshot_path(side, [&](const std::string& path, const Figure& f) {
      if (f.range && f.range->high > f.range->low) out.push_back(RangedFigure{path, f});
    });
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

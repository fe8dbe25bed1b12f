// Command and control in the exchange (docs/methods.md §12.4): whether a victim's command survives a first
// strike (possibly aimed partly at it: decapitation), and an automatic or semi-automatic
// retaliation system (Perimeter, "Dead Hand") that gets surviving forces launched when it does
// not. Pure functions of plain numbers. No public source gives these probabilities: every figure
// is an assumption, labelled with its range in the scenarios and docs/methods.md §12.4.
#pragma once

#include "stratstab/scenario_keys.hpp"

namespace stratstab {

/// A side's command and control, as a victim.
struct CommandAndControl {
  // Defaults: the key table's (scenario_keys.hpp).
  /// Command survives a first strike that does not aim at it.
  double survival = key_default(kScenarioCommandKeys, "survival");
  /// Command posts a decapitation strike must all destroy.
  double nodes = key_default(kScenarioCommandKeys, "nodes");
  /// Of one arriving warhead on one command post.
  double node_kill_probability = key_default(kScenarioCommandKeys, "node_kill_probability");
  /// Chance an automatic system gets the surviving forces launched when command is lost.
  double perimeter = key_default(kScenarioCommandKeys, "perimeter");
};

/// The chance that the command survives when `decapitation_arriving` warheads arrive on its
/// nodes, spread evenly: survival × (1 - (1 - (1 - p)^(d / N))^N) (a node survives its share; the
/// command survives if any node does).
double command_survival(const CommandAndControl& command, double decapitation_arriving);

/// Share of the surviving forces that retaliate: q + (1 - q) perimeter, q the command's survival.
double retaliation_share(const CommandAndControl& command, double decapitation_arriving);

}  // namespace stratstab

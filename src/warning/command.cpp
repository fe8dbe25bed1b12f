// Command survival, devolution and the retaliation share (command.hpp; docs/methods.md §12.4).
#include <algorithm>
#include <cmath>

#include "stratstab/command.hpp"

namespace stratstab {

double command_survival(const CommandAndControl& command, Posture posture, double decapitation_arriving) {
  const double survival = command.survival_in(posture);
  const double nodes = command.nodes_in(posture);
  if (decapitation_arriving <= 0.0 || nodes <= 0.0) return survival;
  const double per_node = decapitation_arriving / nodes;
  const double node_destroyed = 1.0 - std::pow(1.0 - command.node_kill_probability, per_node);
  return survival * (1.0 - std::pow(node_destroyed, nodes));
}

double devolution_share(const CommandAndControl& command, Posture posture) {
  // The route that orders the most forces among those that work sets the share. Route i is that
  // one when it works and every route ahead of it (larger share, or equal and listed first) does
  // not; `perimeter` is route -1 (share 1, listed first). No sorting: no allocation.
  const auto works = [&](int i) {
    return std::clamp(i < 0 ? command.perimeter : command.devolution[static_cast<std::size_t>(i)].works(posture), 0.0,
                      1.0);
  };
  const auto share = [&](int i) {
    return i < 0 ? 1.0 : std::clamp(command.devolution[static_cast<std::size_t>(i)].forces_share, 0.0, 1.0);
  };
  const auto ahead = [&](int j, int i) { return share(j) > share(i) || (share(j) == share(i) && j < i); };
  const int n = static_cast<int>(command.devolution.size());
  double total = 0.0;
  for (int i = -1; i < n; ++i) {
    double best = works(i);
    for (int j = -1; j < n && best > 0.0; ++j) {
      if (j != i && ahead(j, i)) best *= 1.0 - works(j);
    }
    total += share(i) * best;
  }
  return std::clamp(total, 0.0, 1.0);
}

double retaliation_share(const CommandAndControl& command, Posture posture, double decapitation_arriving) {
  const double q = std::clamp(command_survival(command, posture, decapitation_arriving), 0.0, 1.0);
  return q + (1.0 - q) * devolution_share(command, posture);
}

}  // namespace stratstab

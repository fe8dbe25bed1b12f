// Command survival and the retaliation share (command.hpp).
#include <algorithm>
#include <cmath>

#include "stratstab/command.hpp"

namespace stratstab {

double command_survival(const CommandAndControl& command, double decapitation_arriving) {
  if (decapitation_arriving <= 0.0 || command.nodes <= 0.0) return command.survival;
  const double per_node = decapitation_arriving / command.nodes;
  const double node_destroyed = 1.0 - std::pow(1.0 - command.node_kill_probability, per_node);
  return command.survival * (1.0 - std::pow(node_destroyed, command.nodes));
}

double retaliation_share(const CommandAndControl& command, double decapitation_arriving) {
  const double q = std::clamp(command_survival(command, decapitation_arriving), 0.0, 1.0);
  return q + (1.0 - q) * command.perimeter;
}

}  // namespace stratstab

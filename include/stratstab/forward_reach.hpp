// Which of the other side's bases a forward-based system reaches (docs/methods.md §12.5): a base is
// reached when the great-circle distance from the deployment's launch point (geo.hpp) is at most
// the forward system's `range_km`. Without a launch point a system named in `reaches` is reached
// whole, the upper bound the scenario asserts.
#pragma once

#include <string>
#include <vector>

#include "stratstab/exchange.hpp"
#include "stratstab/forces.hpp"

namespace stratstab {

/// Whether `deployment` reaches `base` (null: a system without bases) of the other side's
/// system `target_id`, for a forward system of range `range_km`.
bool reaches_base(const ForwardDeployment& deployment, double range_km, const std::string& target_id, const Base* base);

/// One base of a system the deployment names in `reaches`, measured from its launch point.
struct BaseReach {
  std::string system;  ///< the other side's system id
  std::string base;    ///< base id
  double distance_km = 0;
  double launchers = 0;  ///< deployed launchers at the base
  bool reached = false;  ///< distance_km <= the forward system's range
};

/// Every base of every system in `deployment.reaches` (in that order, bases in file order), with
/// distance and reach from the launch point; empty without a launch point.
std::vector<BaseReach> base_reach(const ForwardDeployment& deployment, const System& forward_system,
                                  const ForceSnapshot& other_side);

}  // namespace stratstab

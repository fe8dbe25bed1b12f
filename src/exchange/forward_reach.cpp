// Reach of a forward system per base (forward_reach.hpp).
#include "stratstab/forward_reach.hpp"

#include <algorithm>

#include "stratstab/geo.hpp"

namespace stratstab {

bool reaches_base(const ForwardDeployment& deployment, double range_km, const std::string& target_id,
                  const Base* base) {
  if (std::find(deployment.reaches.begin(), deployment.reaches.end(), target_id) == deployment.reaches.end()) {
    return false;
  }
  if (!deployment.launch_point || base == nullptr) return true;
  return great_circle_km(*deployment.launch_point, base->point()) <= range_km;
}

std::vector<BaseReach> base_reach(const ForwardDeployment& deployment, const System& forward_system,
                                  const ForceSnapshot& other_side) {
  std::vector<BaseReach> out;
  if (!deployment.launch_point) return out;
  for (const std::string& id : deployment.reaches) {
    const System* target = other_side.find_system(id);
    if (target == nullptr) continue;
    for (const Base& base : target->bases) {
      const double distance = great_circle_km(*deployment.launch_point, base.point());
      out.push_back(BaseReach{id, base.id, distance, base.launchers.value, distance <= forward_system.range_km.value});
    }
  }
  return out;
}

}  // namespace stratstab

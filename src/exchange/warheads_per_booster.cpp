// The mean warheads per ballistic missile of a force, what a boost-phase layer kills with each booster
// (docs/methods.md §12.1).
#include "stratstab/exchange.hpp"

namespace stratstab {

double mean_warheads_per_booster(const ForceSnapshot& forces) {
  double warheads = 0.0;
  double boosters = 0.0;
  for (const System& system : forces.systems) {
    if (!in_central_exchange(system)) continue;
    if (system.vehicle != VehicleClass::kIcbm && system.vehicle != VehicleClass::kSlbm) continue;
    warheads += system.warheads_loaded();
    boosters += system.launchers_deployed.value;
  }
  return boosters > 0.0 ? warheads / boosters : 1.0;
}

}  // namespace stratstab

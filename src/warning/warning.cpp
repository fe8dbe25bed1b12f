// Warning time, launch under attack and bomber escape (warning.hpp).
#include <algorithm>

#include "stratstab/warning.hpp"

namespace stratstab {
namespace {

/// P(T <= available) for T uniform on [lo, hi] (a step at lo when hi <= lo).
double uniform_cdf(double available, double lo, double hi) {
  if (hi <= lo) return available >= lo ? 1.0 : 0.0;
  return std::clamp((available - lo) / (hi - lo), 0.0, 1.0);
}

}  // namespace

double FlightTimes::of(const System& system) const {
  for (const auto& [id, minutes] : by_system) {
    if (id == system.id) return minutes;
  }
  return system.vehicle == VehicleClass::kSlbm ? slbm_minutes : icbm_minutes;
}

double launch_under_attack_probability(const WarningChain& victim, double flight_minutes) {
  return launch_under_attack_probability(victim, flight_minutes, victim.launch_minutes);
}

double launch_under_attack_probability(const WarningChain& victim, double flight_minutes, double launch_minutes) {
  const double available = flight_minutes - victim.detection_minutes - launch_minutes;
  return uniform_cdf(available, victim.decision_minutes_min, victim.decision_minutes_max);
}

double bomber_escape_probability(const WarningChain& victim, double flight_minutes) {
  const double available = flight_minutes - victim.detection_minutes;
  return uniform_cdf(available, victim.bomber_escape_minutes_min, victim.bomber_escape_minutes_max);
}

}  // namespace stratstab

// Warning time and launch under attack (docs/methods.md §12.3): how long a victim has between the first
// warheads' launch and their arrival, and what it can do in that time. Pure functions of plain
// numbers. The figures and their sources are in docs/research-issue5.md and
// data/sources/defence.yaml (defaults are labelled assumptions with ranges there).
#pragma once

#include <string>
#include <vector>

#include "stratstab/forces.hpp"
#include "stratstab/scenario_keys.hpp"

namespace stratstab {

/// A side's warning and reaction times, in minutes, as a victim.
struct WarningChain {
  // Defaults: the key table's (scenario_keys.hpp).
  /// From launch to a warning the leadership acts on.
  double detection_minutes = key_default(kScenarioWarningKeys, "detection_minutes");
  /// The time to decide to launch is uniform on [min, max] (an assumption: no public distribution exists).
  double decision_minutes_min = key_default(kScenarioWarningKeys, "decision_minutes_min");
  double decision_minutes_max = key_default(kScenarioWarningKeys, "decision_minutes_max");
  /// From the order to silo missiles away.
  double launch_minutes = key_default(kScenarioWarningKeys, "launch_minutes");
  /// From the order to road-mobile missiles away from their garrison shelters.
  double mobile_launch_minutes = key_default(kScenarioWarningKeys, "mobile_launch_minutes");
  /// From the order to the first missiles away from an SSBN at the pier.
  double ssbn_launch_minutes = key_default(kScenarioWarningKeys, "ssbn_launch_minutes");
  /// Alert bombers need uniform [min, max] minutes after warning to take off and get clear of their bases.
  double bomber_escape_minutes_min = key_default(kScenarioWarningKeys, "bomber_escape_minutes_min");
  double bomber_escape_minutes_max = key_default(kScenarioWarningKeys, "bomber_escape_minutes_max");
};

/// A side's missiles' flight times to the other side, in minutes, by vehicle class, with
/// per-system overrides (e.g. a depressed-trajectory SLBM, a glide vehicle).
struct FlightTimes {
  double icbm_minutes = key_default(kScenarioFlightKeys, "icbm");  ///< default: the key table's
  double slbm_minutes = key_default(kScenarioFlightKeys, "slbm");
  std::vector<std::pair<std::string, double>> by_system;  ///< system id, minutes
  /// The flight time of `system`'s warheads to the other side (its override, or its class's).
  [[nodiscard]] double of(const System& system) const;
};

/// The chance that the victim launches its silo force before warheads arriving `flight_minutes`
/// after launch land: the decision must fit in flight - detection - launch minutes, the decision
/// time being uniform on [decision_minutes_min, decision_minutes_max].
double launch_under_attack_probability(const WarningChain& victim, double flight_minutes);
/// The same for a leg whose missiles need `launch_minutes` from the order (silos: the chain's
/// launch_minutes; mobiles in garrison and SSBNs at the pier their own).
double launch_under_attack_probability(const WarningChain& victim, double flight_minutes, double launch_minutes);

/// The chance that an alert bomber gets away when the first warheads on its base arrive
/// `flight_minutes` after launch: flight - detection must cover its escape time (uniform on the
/// chain's range). No launch decision is needed to flush alert bombers (positive control).
double bomber_escape_probability(const WarningChain& victim, double flight_minutes);

}  // namespace stratstab

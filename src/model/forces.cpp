// Names of the force-model enums (the words used in the YAML files and in reports) and the few
// derived quantities of the model.
#include "stratstab/forces.hpp"

#include <array>

namespace stratstab {

std::string_view to_string(Basing basing) {
  switch (basing) {
    case Basing::kSilo: return "silo";
    case Basing::kMobile: return "mobile";
    case Basing::kSsbn: return "ssbn";
    case Basing::kBomber: return "bomber";
    case Basing::kNonstrategic: return "nonstrategic";
    case Basing::kIntermediate: return "intermediate";
  }
  return "?";
}

double warheads_loaded(const ForceSnapshot& snapshot, Basing basing) {
  double total = 0.0;
  for (const System& s : snapshot.systems) {
    if (s.basing == basing && s.payload == Payload::kNuclear) total += s.warheads_loaded();
  }
  return total;
}

double warheads_loaded(const ForceSnapshot& snapshot) {
  double total = 0.0;
  for (Basing basing :
       {Basing::kSilo, Basing::kMobile, Basing::kSsbn, Basing::kBomber, Basing::kNonstrategic, Basing::kIntermediate}) {
    total += warheads_loaded(snapshot, basing);
  }
  return total;
}

bool in_central_exchange(const System& system) {
  if (system.payload != Payload::kNuclear) return false;
  switch (system.basing) {
    case Basing::kSilo:
    case Basing::kMobile:
    case Basing::kSsbn:
    case Basing::kBomber: return true;
    case Basing::kNonstrategic:
    case Basing::kIntermediate: return false;
  }
  return false;
}

std::string_view to_string(VehicleClass vehicle) {
  switch (vehicle) {
    case VehicleClass::kIcbm: return "icbm";
    case VehicleClass::kSlbm: return "slbm";
    case VehicleClass::kHeavyBomber: return "heavy_bomber";
    case VehicleClass::kIrbm: return "irbm";
    case VehicleClass::kSrbm: return "srbm";
    case VehicleClass::kGlcm: return "glcm";
    case VehicleClass::kSlcm: return "slcm";
    case VehicleClass::kAlcm: return "alcm";
    case VehicleClass::kAircraft: return "aircraft";
    case VehicleClass::kOther: return "other";
  }
  return "?";
}

std::string_view to_string(Payload payload) {
  return payload == Payload::kNuclear ? "nuclear" : "conventional";
}

std::string_view to_string(NewStartCounting counting) {
  switch (counting) {
    case NewStartCounting::kReentryVehicles: return "reentry_vehicles";
    case NewStartCounting::kOnePerBomber: return "one_per_bomber";
    case NewStartCounting::kNone: return "none";
  }
  return "?";
}

std::string_view to_string(Posture posture) {
  return posture == Posture::kDayToDay ? "day_to_day" : "generated";
}

const std::vector<SideInfo>& known_sides() {
  static const std::vector<SideInfo> kSides{
      {"us", "United States"}, {"ru", "Russia"}, {"cn", "China"}, {"uk", "United Kingdom"}, {"fr", "France"}};
  return kSides;
}

double System::mean_yield_kt() const {
  double total = 0.0;
  for (const WarheadType& w : warheads) total += w.share.value * w.yield_kt.value;
  return total;
}

const System* ForceSnapshot::find_system(std::string_view system_id) const {
  for (const System& s : systems) {
    if (s.id == system_id) return &s;
  }
  return nullptr;
}

}  // namespace stratstab

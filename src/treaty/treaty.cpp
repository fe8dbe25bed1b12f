// Names of the treaty-model enums (the words used in data/treaties/*.yaml and in reports) and the
// scope filter that selects the systems a counting rule applies to.
#include "stratstab/treaty.hpp"

#include <algorithm>

namespace stratstab {

std::string_view to_string(CountKind kind) {
  switch (kind) {
    case CountKind::kReentryVehicles: return "reentry_vehicles";
    case CountKind::kOnePerVehicle: return "one_per_vehicle";
    case CountKind::kAttributed: return "attributed";
    case CountKind::kAllWarheads: return "all_warheads";
    case CountKind::kNonstrategicWarheads: return "nonstrategic_warheads";
  }
  return "?";
}

std::string_view to_string(LauncherStatus status) {
  switch (status) {
    case LauncherStatus::kDeployed: return "deployed";
    case LauncherStatus::kNondeployed: return "nondeployed";
    case LauncherStatus::kAll: return "all";
  }
  return "?";
}

std::string_view to_string(PayloadScope payload) {
  switch (payload) {
    case PayloadScope::kNuclear: return "nuclear";
    case PayloadScope::kConventional: return "conventional";
    case PayloadScope::kAny: return "any";
  }
  return "?";
}

std::string_view to_string(TreatyStatus status) {
  switch (status) {
    case TreatyStatus::kInForce: return "in_force";
    case TreatyStatus::kExpired: return "expired";
    case TreatyStatus::kTerminated: return "terminated";
    case TreatyStatus::kSuperseded: return "superseded";
    case TreatyStatus::kInformal: return "informal";
    case TreatyStatus::kProposed: return "proposed";
  }
  return "?";
}

bool TreatyScope::matches(std::string_view side, const System& system) const {
  const auto contains = [](const auto& list, const auto& value) {
    return list.empty() || std::find(list.begin(), list.end(), value) != list.end();
  };
  if (!contains(vehicles, system.vehicle) || !contains(basings, system.basing)) return false;
  if (payload == PayloadScope::kNuclear && system.payload != Payload::kNuclear) return false;
  if (payload == PayloadScope::kConventional && system.payload != Payload::kConventional) return false;
  if (range_min_km && system.range_km.value < *range_min_km) return false;
  if (range_max_km && system.range_km.value > *range_max_km) return false;
  if (!sides.empty() && std::find(sides.begin(), sides.end(), side) == sides.end()) return false;
  return contains(systems, system.id);
}

std::string_view to_string(ComplianceAction action) {
  switch (action) {
    case ComplianceAction::kDownload: return "download";
    case ComplianceAction::kDeactivate: return "deactivate";
    case ComplianceAction::kConvert: return "convert";
    case ComplianceAction::kEliminate: return "eliminate";
    case ComplianceAction::kDismantle: return "dismantle";
    case ComplianceAction::kReduceNonstrategic: return "reduce_nonstrategic";
    case ComplianceAction::kUpload: return "upload";
  }
  return "?";
}

const ComplianceRule* Treaty::compliance_for(std::string_view side) const {
  for (const ComplianceRule& rule : compliance) {
    if (rule.side == side) return &rule;
  }
  return nullptr;
}

const TreatyLimit* Treaty::find_limit(std::string_view limit_id) const {
  for (const TreatyLimit& limit : limits) {
    if (limit.id == limit_id) return &limit;
  }
  return nullptr;
}

const LimitCount* TreatyCount::find(std::string_view limit_id) const {
  for (const LimitCount& limit : limits) {
    if (limit.id == limit_id) return &limit;
  }
  return nullptr;
}

}  // namespace stratstab

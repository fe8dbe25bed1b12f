// Bringing a force within a regime's limits by the party's stated rule (compliance.hpp,
// docs/methods.md §8.1).
#include "stratstab/compliance.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

namespace stratstab {
namespace {

/// Slack for fractional loadings (4.537383 RVs on each of 214 launchers): a unit is counted whole
/// when it is within this of an integer.
constexpr double kSlack = 1e-9;

System* find_system(ForceSnapshot& snapshot, std::string_view id) {
  for (System& s : snapshot.systems) {
    if (s.id == id) return &s;
  }
  return nullptr;
}

/// Whole units in `value` (never negative).
double whole_units(double value) {
  return std::max(0.0, std::floor(value + kSlack));
}

void to_storage(Inventory& inventory, double warheads) {
  inventory.warheads_stored.value += warheads;
  if (inventory.strategic_warheads_stored) inventory.strategic_warheads_stored->value += warheads;
  inventory.warheads_deployed.value = std::max(0.0, inventory.warheads_deployed.value - warheads);
}

/// `removed` of a system's deployed launchers leave deployed status: its bases and deployed
/// vehicles scale down with them, and their warheads go to storage.
void remove_deployed(ForceSnapshot& snapshot, System& system, double removed, bool to_nondeployed) {
  const double before = system.launchers_deployed.value;
  const double after = before - removed;
  to_storage(snapshot.inventory, removed * system.warheads_per_launcher.value);
  const double scale = before > 0 ? after / before : 0.0;
  for (Base& base : system.bases) base.launchers.value *= scale;
  system.launchers_deployed.value = after;
  if (system.vehicles_deployed)
    system.vehicles_deployed->value = std::max(0.0, system.vehicles_deployed->value - removed);
  if (to_nondeployed) {
    system.launchers_nondeployed.value += removed;
    if (system.vehicles_nondeployed) system.vehicles_nondeployed->value += removed;
  }
}

/// Sum over limits of count − limit where positive.
double total_excess(const TreatyCount& count) {
  double excess = 0.0;
  for (const LimitCount& limit : count.limits) excess += std::max(0.0, limit.count - limit.limit);
  return excess;
}

/// What the step changes, as ComplianceChange::before/after report it.
double step_state(const ForceSnapshot& snapshot, const ComplianceStep& step) {
  const Inventory& inv = snapshot.inventory;
  if (step.action == ComplianceAction::kDismantle) return inv.warheads_stored.value;
  if (step.action == ComplianceAction::kReduceNonstrategic) return inv.nonstrategic_warheads.value;
  const System* system = snapshot.find_system(step.system_id);
  if (system == nullptr) return 0.0;
  switch (step.action) {
    case ComplianceAction::kDownload: return system->warheads_per_launcher.value;
    case ComplianceAction::kEliminate: return system->launchers_nondeployed.value;
    default: return system->launchers_deployed.value;
  }
}

}  // namespace

std::string_view to_string(MixObjective objective) {
  switch (objective) {
    case MixObjective::kRule: return "rule";
    case MixObjective::kSurvivable: return "survivable";
    case MixObjective::kRatio: return "ratio";
  }
  return "?";
}

double compliance_step_capacity(const ForceSnapshot& snapshot, const ComplianceStep& step) {
  const Inventory& inv = snapshot.inventory;
  switch (step.action) {
    case ComplianceAction::kDismantle: return whole_units(inv.warheads_stored.value - step.keep);
    case ComplianceAction::kReduceNonstrategic: return whole_units(inv.nonstrategic_warheads.value - step.keep);
    default: break;
  }
  const System* system = snapshot.find_system(step.system_id);
  if (system == nullptr) return 0.0;
  switch (step.action) {
    case ComplianceAction::kDownload:
      return whole_units(system->warheads_loaded() - step.floor * system->launchers_deployed.value);
    case ComplianceAction::kDeactivate:
    case ComplianceAction::kConvert: return whole_units(system->launchers_deployed.value - step.keep);
    case ComplianceAction::kEliminate: return whole_units(system->launchers_nondeployed.value - step.keep);
    default: return 0.0;
  }
}

void apply_compliance_step(ForceSnapshot& snapshot, const ComplianceStep& step, double amount) {
  amount = std::clamp(amount, 0.0, compliance_step_capacity(snapshot, step));
  if (amount <= 0) return;
  Inventory& inv = snapshot.inventory;
  if (step.action == ComplianceAction::kDismantle) {
    inv.warheads_stored.value -= amount;
    if (inv.strategic_warheads_stored) {
      inv.strategic_warheads_stored->value = std::max(0.0, inv.strategic_warheads_stored->value - amount);
    }
    return;
  }
  if (step.action == ComplianceAction::kReduceNonstrategic) {
    inv.nonstrategic_warheads.value -= amount;
    return;
  }
  System* system = find_system(snapshot, step.system_id);
  if (system == nullptr) return;
  switch (step.action) {
    case ComplianceAction::kDownload: {
      const double launchers = system->launchers_deployed.value;
      system->warheads_per_launcher.value = (system->warheads_loaded() - amount) / launchers;
      to_storage(inv, amount);
      break;
    }
    case ComplianceAction::kDeactivate: remove_deployed(snapshot, *system, amount, true); break;
    case ComplianceAction::kConvert: remove_deployed(snapshot, *system, amount, false); break;
    case ComplianceAction::kEliminate:
      system->launchers_nondeployed.value -= amount;
      if (system->vehicles_nondeployed) {
        system->vehicles_nondeployed->value = std::max(0.0, system->vehicles_nondeployed->value - amount);
      }
      break;
    default: break;
  }
}

ComplianceResult bring_into_compliance(const Treaty& treaty, const ForceSnapshot& snapshot,
                                       const CountOptions& options) {
  const ComplianceRule* rule = treaty.compliance_for(snapshot.side);
  if (rule == nullptr) {
    std::string sides;
    for (const ComplianceRule& r : treaty.compliance) sides += (sides.empty() ? "" : ", ") + r.side;
    throw Error(
        fmt::format("treaty '{}' states no compliance rule for side '{}'; expected a `compliance` entry for "
                    "it in {} (rules given for: {})",
                    treaty.id, snapshot.side, treaty.file, sides.empty() ? "none" : sides));
  }
  ComplianceResult result;
  result.treaty_id = treaty.id;
  result.side = snapshot.side;
  result.snapshot_id = snapshot.id;
  result.rule_grade = rule->grade;
  result.rule_source_id = rule->source_id;
  result.snapshot = snapshot;
  result.before = count_treaty(treaty, snapshot, options);
  TreatyCount now = result.before;
  for (std::size_t i = 0; i < rule->steps.size() && !now.compliant; ++i) {
    const ComplianceStep& step = rule->steps[i];
    if (!step.system_id.empty() && snapshot.find_system(step.system_id) == nullptr) {
      result.skipped.push_back(fmt::format("step {} ({} {}): the snapshot has no system '{}'", i + 1,
                                           to_string(step.action), step.system_id, step.system_id));
      continue;
    }
    const double capacity = compliance_step_capacity(result.snapshot, step);
    if (capacity <= 0) continue;
    const auto excess_after = [&](double amount) {
      ForceSnapshot trial = result.snapshot;
      apply_compliance_step(trial, step, amount);
      return total_excess(count_treaty(treaty, trial, options));
    };
    const double excess_now = total_excess(now);
    const double excess_full = excess_after(capacity);
    if (excess_full >= excess_now) continue;  // lowers no exceeded count
    // The excess is non-increasing in the amount (every count is): the fewest whole units that
    // reach the whole step's excess, by bisection.
    double low = 0;  // excess_after(low) > excess_full
    double high = capacity;
    while (high - low > 1) {
      const double mid = std::floor((low + high) / 2);
      if (excess_after(mid) <= excess_full) {
        high = mid;
      } else {
        low = mid;
      }
    }
    ComplianceChange change;
    change.step = i;
    change.action = step.action;
    change.system_id = step.system_id;
    change.unit = step.action == ComplianceAction::kDownload || step.action == ComplianceAction::kDismantle ||
                          step.action == ComplianceAction::kReduceNonstrategic
                      ? "warheads"
                      : "launchers";
    change.amount = high;
    change.before = step_state(result.snapshot, step);
    apply_compliance_step(result.snapshot, step, high);
    change.after = step_state(result.snapshot, step);
    change.grade = step.source_id.empty() ? rule->grade : step.grade;
    change.source_id = step.source_id.empty() ? rule->source_id : step.source_id;
    result.changes.push_back(std::move(change));
    now = count_treaty(treaty, result.snapshot, options);
  }
  result.after = now;
  return result;
}

}  // namespace stratstab

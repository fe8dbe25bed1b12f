// Treaty accounting (docs/methods.md §8): each limit is the sum of its rules, each rule a named kind
// applied to the systems its scope selects. Counted from the per-system data, never from stored
// aggregates; each system's part is rounded to whole items (a fractional average loading such as
// 4.537383 RVs on 214 Trident II gives 971.0000 → 971).
#include <cmath>

#include <fmt/format.h>

#include "stratstab/treaty.hpp"

namespace stratstab {
namespace {

double launchers_of(const System& system, LauncherStatus status) {
  switch (status) {
    case LauncherStatus::kDeployed: return system.launchers_deployed.value;
    case LauncherStatus::kNondeployed: return system.launchers_nondeployed.value;
    case LauncherStatus::kAll: return system.launchers_deployed.value + system.launchers_nondeployed.value;
  }
  return 0.0;
}

double whole(double value) {
  return static_cast<double>(std::llround(value));
}

/// Appends the contributions of one rule to `out` and returns their sum.
double apply_rule(const CountRule& rule, const ForceSnapshot& snapshot, std::vector<CountContribution>& out) {
  const std::string kind{to_string(rule.count)};
  double total = 0.0;
  const auto add = [&](const std::string& id, double count) {
    out.push_back(CountContribution{id, kind, count});
    total += count;
  };
  // kAttributed with first_launchers: the discounted attribution is used up across systems in order.
  double discounted_left = rule.first_launchers ? static_cast<double>(*rule.first_launchers) : 0.0;
  for (const System& system : snapshot.systems) {
    if (!rule.scope.matches(snapshot.side, system)) continue;
    switch (rule.count) {
      case CountKind::kReentryVehicles:
        // Only deployed launchers carry accountable re-entry vehicles.
        add(system.id, whole(system.warheads_loaded()));
        break;
      case CountKind::kOnePerVehicle: add(system.id, whole(launchers_of(system, rule.scope.status))); break;
      case CountKind::kAttributed: {
        const double launchers = launchers_of(system, rule.scope.status);
        const double capacity = system.max_warheads_per_launcher.value;
        if (!rule.attribution) {
          add(system.id, whole(launchers * capacity));
        } else if (!rule.first_launchers) {
          add(system.id, whole(launchers * *rule.attribution));
        } else {
          const double discounted = std::min(launchers, discounted_left);
          discounted_left -= discounted;
          add(system.id, whole(discounted * *rule.attribution + (launchers - discounted) * capacity));
        }
        break;
      }
      case CountKind::kAllWarheads: add(system.id, whole(system.warheads_loaded())); break;
      case CountKind::kNonstrategicWarheads: break;
    }
  }
  if (rule.count == CountKind::kAllWarheads) add("inventory.warheads_stored", snapshot.inventory.warheads_stored.value);
  if (rule.count == CountKind::kNonstrategicWarheads) {
    add("inventory.nonstrategic_warheads", snapshot.inventory.nonstrategic_warheads.value);
  }
  return total;
}

double count_with_contributions(const TreatyLimit& limit, const ForceSnapshot& snapshot,
                                std::vector<CountContribution>& contributions) {
  double total = 0.0;
  for (const CountRule& rule : limit.rules) total += apply_rule(rule, snapshot, contributions);
  return total;
}

}  // namespace

double count_limit(const TreatyLimit& limit, const ForceSnapshot& snapshot) {
  std::vector<CountContribution> ignored;
  return count_with_contributions(limit, snapshot, ignored);
}

TreatyCount count_treaty(const Treaty& treaty, const ForceSnapshot& snapshot, const CountOptions& options) {
  for (const auto& [id, value] : options.limit_overrides) {
    if (treaty.find_limit(id) == nullptr) {
      std::string ids;
      for (const TreatyLimit& limit : treaty.limits) ids += (ids.empty() ? "" : ", ") + limit.id;
      throw Error(fmt::format("treaty '{}' has no limit '{}'; expected one of: {}", treaty.id, id, ids));
    }
  }
  TreatyCount result;
  result.treaty_id = treaty.id;
  result.snapshot_id = snapshot.id;
  for (const TreatyLimit& limit : treaty.limits) {
    LimitCount out;
    out.id = limit.id;
    out.name = limit.name;
    out.parameter = limit.parameter;
    out.range_low = limit.range_low;
    out.count = count_with_contributions(limit, snapshot, out.contributions);
    if (const auto it = options.limit_overrides.find(limit.id); it != options.limit_overrides.end()) {
      out.limit = it->second;
      out.overridden = true;
    } else if (limit.max) {
      out.limit = *limit.max;
    } else {
      if (options.reference == nullptr) {
        throw Error(
            fmt::format("limit '{}' of treaty '{}' is the count on {}; expected the side's snapshot of that "
                        "date as the reference",
                        limit.id, treaty.id, limit.reference_date));
      }
      out.limit = count_limit(limit, *options.reference);
      out.reference = options.reference->id;
    }
    out.headroom = out.limit - out.count;
    out.compliant = out.count <= out.limit;
    if (!out.compliant) {
      result.compliant = false;
      result.violations.push_back(fmt::format("{}: {:g} exceeds the limit of {:g} by {:g}", limit.id, out.count,
                                              out.limit, out.count - out.limit));
    }
    result.limits.push_back(std::move(out));
  }
  return result;
}

}  // namespace stratstab

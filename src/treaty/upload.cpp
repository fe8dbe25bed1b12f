// Upload potential and breakout (docs/methods.md §9): per strategic system, the warheads it could add
// (capacity − loading on deployed launchers, then non-deployed launchers reopened to capacity),
// added at the system's upload rate (warheads/month, a figure of the data) and drawn from the
// side's strategic warheads in storage. Pure: snapshot in, path out.
#include "stratstab/upload.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

namespace stratstab {
namespace {

constexpr int kMaxHorizonMonths = 600;  // 50 years: beyond any planning horizon
constexpr double kEpsilon = 1e-9;       // warheads; below any meaningful count

bool is_assumed(const Figure& figure) {
  return figure.grade == Grade::kAssumed;
}

void note_assumed(UploadPath& path, std::string what, const Figure& figure) {
  path.assumed.push_back(AssumedFigure{std::move(what), figure.value, figure.range, figure.note});
}

}  // namespace

ForceSnapshot uploaded_snapshot(const ForceSnapshot& snapshot, const UploadPath& path,
                                const std::vector<double>& added) {
  ForceSnapshot out = snapshot;
  // Uploaded warheads leave storage: a stockpile count (aggregate cap) does not change by uploading.
  double total_added = 0.0;
  for (double a : added) total_added += a;
  Inventory& inv = out.inventory;
  inv.warheads_stored.value = std::max(0.0, inv.warheads_stored.value - total_added);
  if (inv.strategic_warheads_stored) {
    inv.strategic_warheads_stored->value = std::max(0.0, inv.strategic_warheads_stored->value - total_added);
  }
  for (std::size_t i = 0; i < path.systems.size() && i < added.size(); ++i) {
    const SystemUpload& up = path.systems[i];
    System* system = nullptr;
    for (System& s : out.systems) {
      if (s.id == up.system_id) system = &s;
    }
    if (system == nullptr || added[i] <= 0) continue;
    if (added[i] <= up.headroom_deployed + kEpsilon) {
      if (up.launchers_deployed > 0)
        system->warheads_per_launcher.value = up.loaded_per_launcher + added[i] / up.launchers_deployed;
      continue;
    }
    // Deployed launchers full; the rest goes onto reopened launchers, each loaded to capacity.
    const double excess = added[i] - up.headroom_deployed;
    const double reopened =
        up.capacity_per_launcher > 0
            ? std::min(up.launchers_reopenable, std::ceil(excess / up.capacity_per_launcher - kEpsilon))
            : 0.0;
    const double launchers = up.launchers_deployed + reopened;
    system->launchers_deployed.value = launchers;
    system->launchers_nondeployed.value -= reopened;
    if (launchers > 0) {
      system->warheads_per_launcher.value = (up.launchers_deployed * up.capacity_per_launcher + excess) / launchers;
    }
  }
  return out;
}

UploadPath compute_upload(const ForceSnapshot& snapshot, const UploadOptions& options) {
  if (options.horizon_months < 0 || options.horizon_months > kMaxHorizonMonths) {
    throw Error(
        fmt::format("upload horizon {} months; expected 0 to {} months", options.horizon_months, kMaxHorizonMonths));
  }
  UploadPath path;
  path.snapshot_id = snapshot.id;
  path.horizon_months = options.horizon_months;

  const Inventory& inv = snapshot.inventory;
  if (inv.strategic_warheads_stored) {
    path.storage_initial = inv.strategic_warheads_stored->value;
    path.storage_basis = "inventory.strategic_warheads_stored";
    path.storage_assumed = is_assumed(*inv.strategic_warheads_stored);
    if (path.storage_assumed) note_assumed(path, "inventory.strategic_warheads_stored", *inv.strategic_warheads_stored);
  } else {
    // No strategic/non-strategic split of storage: every stored warhead is taken as available, an
    // upper bound (for the UK and France, whose stored warheads are all strategic, it is exact).
    path.storage_initial = inv.warheads_stored.value;
    path.storage_basis =
        "inventory.warheads_stored (the data give no strategic_warheads_stored: every stored warhead is taken as "
        "available, an upper bound)";
    path.storage_assumed = true;
    path.assumed.push_back(AssumedFigure{"storage available for upload = inventory.warheads_stored",
                                         inv.warheads_stored.value, inv.warheads_stored.range,
                                         "upper bound: no strategic/non-strategic split of stored warheads"});
  }

  double loaded_start = 0.0;
  for (const System& s : snapshot.systems) {
    if (!in_central_exchange(s)) {
      path.excluded.push_back(
          fmt::format("{}: {} {} (not a nuclear system of a strategic leg; its warheads come from "
                      "non-strategic stocks)",
                      s.id, to_string(s.basing), to_string(s.payload)));
      continue;
    }
    SystemUpload up;
    up.system_id = s.id;
    up.name = s.name;
    up.launchers_deployed = s.launchers_deployed.value;
    up.loaded_per_launcher = s.warheads_per_launcher.value;
    up.capacity_per_launcher = s.max_warheads_per_launcher.value;
    up.warheads_loaded = s.warheads_loaded();
    up.headroom_deployed = up.launchers_deployed * std::max(0.0, up.capacity_per_launcher - up.loaded_per_launcher);
    if (options.reopen_nondeployed) {
      up.launchers_reopenable = s.launchers_nondeployed.value;
      if (s.vehicles_nondeployed) {
        up.launchers_reopenable = std::min(up.launchers_reopenable, s.vehicles_nondeployed->value);
      } else {
        up.reopening_assumed = up.launchers_reopenable > 0 && up.capacity_per_launcher > 0;
      }
    }
    up.headroom_reopened = up.launchers_reopenable * up.capacity_per_launcher;
    up.potential = up.headroom_deployed + up.headroom_reopened;
    up.rate_per_month = s.upload_rate_per_month.value;
    up.rate_assumed = is_assumed(s.upload_rate_per_month);
    up.capacity_assumed = is_assumed(s.max_warheads_per_launcher);
    if (up.potential > kEpsilon) {
      if (up.rate_assumed) note_assumed(path, s.id + ".upload_rate_per_month", s.upload_rate_per_month);
      if (up.capacity_assumed) note_assumed(path, s.id + ".max_warheads_per_launcher", s.max_warheads_per_launcher);
      if (up.reopening_assumed) {
        path.assumed.push_back(AssumedFigure{
            s.id + ": non-deployed launchers reopened", up.launchers_reopenable, std::nullopt,
            "the data give no count of non-deployed missiles or aircraft; every non-deployed launcher is taken as "
            "loadable (use --no-reopen to leave them empty)"});
      }
    }
    loaded_start += up.warheads_loaded;
    path.total_potential += up.potential;
    path.systems.push_back(std::move(up));
  }

  std::optional<TreatyCount> start_count;
  if (options.treaty != nullptr) {
    path.treaty_id = options.treaty->id;
    for (const TreatyLimit& limit : options.treaty->limits) path.limit_ids.push_back(limit.id);
    start_count = count_treaty(*options.treaty, snapshot, options.count_options);
  }

  const std::size_t n = path.systems.size();
  std::vector<double> added(n, 0.0);
  double storage_left = path.storage_initial;
  const auto record = [&](int month) {
    UploadStep step;
    step.month = month;
    step.storage_left = storage_left;
    step.added_by_system = added;
    double total_added = 0.0;
    for (double a : added) total_added += a;
    step.deployed_strategic_warheads = loaded_start + total_added;
    if (options.treaty != nullptr) {
      const ForceSnapshot state = uploaded_snapshot(snapshot, path, added);
      for (const TreatyLimit& limit : options.treaty->limits) step.limit_counts.push_back(count_limit(limit, state));
    }
    path.steps.push_back(std::move(step));
  };
  record(0);
  for (int month = 1; month <= options.horizon_months; ++month) {
    std::vector<double> demand(n, 0.0);
    double total_demand = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
      demand[i] = std::max(0.0, std::min(path.systems[i].rate_per_month, path.systems[i].potential - added[i]));
      total_demand += demand[i];
    }
    const double share = total_demand > storage_left ? storage_left / total_demand : 1.0;
    for (std::size_t i = 0; i < n; ++i) {
      added[i] += demand[i] * share;
      SystemUpload& up = path.systems[i];
      if (!up.full_month && up.potential > kEpsilon && added[i] >= up.potential - kEpsilon) up.full_month = month;
    }
    storage_left = std::max(0.0, storage_left - total_demand * share);
    record(month);
  }
  for (std::size_t i = 0; i < n; ++i) {
    path.systems[i].added = added[i];
    path.total_added += added[i];
  }

  if (start_count) {
    for (std::size_t k = 0; k < path.limit_ids.size(); ++k) {
      const LimitCount& limit = start_count->limits[k];
      LimitCrossing crossing;
      crossing.limit_id = limit.id;
      crossing.limit = limit.limit;
      crossing.count_at_start = path.steps.front().limit_counts[k];
      crossing.count_at_horizon = path.steps.back().limit_counts[k];
      for (const UploadStep& step : path.steps) {
        if (step.limit_counts[k] > limit.limit) {
          crossing.month = step.month;
          break;
        }
      }
      path.crossings.push_back(std::move(crossing));
    }
  }
  return path;
}

}  // namespace stratstab

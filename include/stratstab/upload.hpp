// Upload potential and breakout (docs/methods.md §9): how many warheads a side could add to its strategic
// launchers, how fast, and when each treaty limit would be crossed. A pure computation on a
// snapshot: it returns the month-by-month path as a plain struct, so an engine can evaluate the
// stability index along it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "stratstab/forces.hpp"
#include "stratstab/treaty.hpp"

namespace stratstab {

struct UploadOptions {
  int horizon_months = 36;
  /// Load the system's non-deployed launchers (empty silos, tubes of boats in overhaul, bombers in
  /// depot) to capacity once its deployed launchers are full; capped by its non-deployed missiles or
  /// aircraft where the data give them.
  bool reopen_nondeployed = true;
  /// Regime whose limits are counted along the path (none: only deployed warheads).
  const Treaty* treaty = nullptr;
  CountOptions count_options;
};

/// A figure the result rests on that is an assumption (grade ASSUMED), for the report.
struct AssumedFigure {
  std::string what;  ///< e.g. `trident2.upload_rate_per_month`
  double value = 0;
  std::optional<Range> range;
  std::string note;
};

/// One system's upload potential. Warheads are whole-number counts only after rounding in reports.
struct SystemUpload {
  std::string system_id;
  std::string name;
  double launchers_deployed = 0;
  double launchers_reopenable = 0;  ///< non-deployed launchers that can be loaded
  double loaded_per_launcher = 0;
  double capacity_per_launcher = 0;
  double warheads_loaded = 0;     ///< at month 0
  double headroom_deployed = 0;   ///< launchers_deployed × (capacity − loaded)
  double headroom_reopened = 0;   ///< launchers_reopenable × capacity
  double potential = 0;           ///< headroom_deployed + headroom_reopened
  double rate_per_month = 0;      ///< warheads per month
  double added = 0;               ///< added by the horizon
  std::optional<int> full_month;  ///< month its potential is reached, if within the horizon
  bool rate_assumed = false;
  bool capacity_assumed = false;
  bool reopening_assumed = false;  ///< no count of spare missiles/aircraft: all non-deployed launchers reopened
};

/// The state at the end of one month (month 0 is the snapshot).
struct UploadStep {
  int month = 0;
  double deployed_strategic_warheads = 0;  ///< loaded on deployed launchers of strategic systems
  double storage_left = 0;
  std::vector<double> added_by_system;  ///< cumulative, in `UploadPath::systems` order
  std::vector<double> limit_counts;     ///< treaty counts, in `UploadPath::limit_ids` order
};

/// When a limit is first exceeded along the path.
struct LimitCrossing {
  std::string limit_id;
  double limit = 0;
  double count_at_start = 0;
  double count_at_horizon = 0;
  std::optional<int> month;  ///< first month with count > limit; 0 if already over; empty if never
};

struct UploadPath {
  std::string snapshot_id;
  std::string treaty_id;  ///< empty when no treaty
  int horizon_months = 0;
  double storage_initial = 0;  ///< strategic warheads in storage available for upload
  std::string storage_basis;   ///< which inventory figure, and why
  bool storage_assumed = false;
  std::vector<SystemUpload> systems;  ///< strategic systems (silo, mobile, ssbn, bomber basing)
  std::vector<std::string> excluded;  ///< systems left out, with the reason
  std::vector<std::string> limit_ids;
  std::vector<UploadStep> steps;  ///< months 0..horizon
  std::vector<LimitCrossing> crossings;
  std::vector<AssumedFigure> assumed;
  double total_added = 0;
  double total_potential = 0;
};

/// The snapshot as it stands after `added[i]` warheads went onto `path.systems[i]`: deployed
/// launchers filled first, then non-deployed launchers reopened (each to capacity); the warheads
/// added leave the inventory's stored warheads.
ForceSnapshot uploaded_snapshot(const ForceSnapshot& snapshot, const UploadPath& path,
                                const std::vector<double>& added);

/// Upload path month by month. Each month every system adds min(its rate, what its potential has
/// left); when storage cannot cover the month's total, storage is shared in proportion to those
/// demands. Throws Error on a horizon outside [0, 600] months.
UploadPath compute_upload(const ForceSnapshot& snapshot, const UploadOptions& options = {});

}  // namespace stratstab

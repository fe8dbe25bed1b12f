// Arms-race stability (docs/methods.md §11): how the first-strike stability index and each side's C1, C2
// and ratio respond when one side adds or removes a launcher of one system or uploads warheads on
// it, and the index along an upload path after a treaty lapses. Finite differences on
// evaluate_real with the exact draw-down by default (the greedy one may be chosen for screening;
// the exact index is then still given at the two ends of the upload path for reference). A pure
// function of a validated scenario with real sides; no I/O.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "stratstab/forces.hpp"
#include "stratstab/scenario.hpp"
#include "stratstab/stability.hpp"

namespace stratstab {

/// Changes in the index and in both sides' C1, C2 and ratio (clipped and unclipped). Side a is the
/// scenario's first side, b its second. Per unit of the change (one launcher, one warhead).
struct StabilityDelta {
  double index = 0;
  double c1_a = 0;
  double c2_a = 0;
  double ratio_a = 0;
  double ratio_unclipped_a = 0;
  double c1_b = 0;
  double c2_b = 0;
  double ratio_b = 0;
  double ratio_unclipped_b = 0;
};

/// One finite difference: the change in each quantity caused by the change made, divided by the
/// units changed (so removing a launcher reports what removing one does, about minus adding one).
struct SensitivityStep {
  double units = 0;  ///< launchers added or removed, or warheads uploaded, in the evaluation
  StabilityDelta per_unit;
  /// docs/methods.md §11: the change lowers the other side's C1/C2 (its unclipped ratio): the other side
  /// would then strike first at a lower belief that it is about to be struck.
  bool destabilising = false;
};

/// The sensitivities of one system of one side in the central exchange.
struct SystemSensitivity {
  std::size_t side = 0;  ///< 0 or 1 (the scenario's order)
  std::string side_id;
  std::string system_id;
  std::string name;
  Basing basing = Basing::kSilo;
  double launchers = 0;              ///< deployed
  double warheads_per_launcher = 0;  ///< loaded
  double max_warheads_per_launcher = 0;
  /// Warheads on the launcher `add_launcher` adds: the system's loading, or its capacity when it
  /// has no deployed launchers (no loading to copy: a new launcher is taken as fully loaded).
  double added_launcher_warheads = 0;
  SensitivityStep add_launcher;                    ///< +1 deployed launcher, loaded as the others
  std::optional<SensitivityStep> remove_launcher;  ///< -1 deployed launcher (empty below one launcher)
  std::optional<SensitivityStep> upload_warhead;   ///< warheads uploaded on deployed launchers (empty: no headroom)
};

/// One month of the upload path.
struct UploadPathPoint {
  int month = 0;
  std::array<double, 2> deployed_strategic_warheads{};  ///< per side, loaded on central-exchange launchers
  StabilityResult result;                               ///< options.draw_down
};

struct SensitivityOptions {
  /// Draw-down of every difference and of the path. Exact by default: the greedy one is ~500 times
  /// faster, but on the bundled data its one-launcher slopes have the wrong sign in 17 of 38
  /// differences (docs/methods.md §11), so it is a screening tool only.
  DrawDownMethod draw_down = DrawDownMethod::kExact;
  std::array<bool, 2> upload{true, true};  ///< which sides follow their upload path
  int horizon_months = 24;
  bool reopen_nondeployed = true;  ///< as `stratstab upload` (UploadOptions::reopen_nondeployed)
};

struct Sensitivity {
  std::array<std::string, 2> side_ids;
  std::array<std::string, 2> forces;  ///< snapshot ids
  PostureCase posture = PostureCase::kDayToDay;
  StabilityParameters parameters;  ///< the scenario's, with options.draw_down
  StabilityResult base;            ///< the point the differences are taken at (options.draw_down)
  double base_exact_index = 0;     ///< the same with the exact draw-down
  std::vector<SystemSensitivity> systems;
  SensitivityOptions options;
  std::vector<UploadPathPoint> upload_path;  ///< months 0..horizon
  double horizon_exact_index = 0;            ///< the index at the horizon, exact draw-down
};

/// Warheads the per-warhead difference adds on a system: min(headroom, launchers), i.e. one more
/// per deployed launcher unless less headroom is left; 0 when there is none.
double upload_difference_step(const System& system);

/// Sensitivities of a validated scenario with real sides, and the index along the upload path.
/// Throws InputError (located at the scenario file's `sides`) for abstract sides, and Error for a
/// horizon outside [0, 600] months.
Sensitivity compute_sensitivity(const Scenario& scenario, const SensitivityOptions& options = {});

}  // namespace stratstab

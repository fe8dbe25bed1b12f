// The figures of a force snapshot by key path, as `--set`, `sweep --param` and the uncertainty runs
// name them after `sides.<ID>.` (docs/io_formats.md, "Key paths"): `systems.<id>.<key>`,
// `systems.<id>.warheads[i].<key>`, `systems.<id>.bases[i].launchers`, `inventory.<key>` and `w80`.
// One resolver serves the scenario loader (which applies such overrides to a side's snapshot after
// loading it) and InputAccessor (scenario_inputs.hpp), so a path means one figure everywhere and its
// bounds come from the snapshot's key table.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "stratstab/forces.hpp"
#include "stratstab/schema.hpp"

namespace stratstab {

/// A snapshot figure resolved against one snapshot's shape (same systems, warheads and bases).
struct SnapshotFigureRef {
  const KeySpec* spec = nullptr;  ///< the key's bounds (snapshot, system, warhead, base or inventory)
  /// The figure in a snapshot of the resolved shape; null for an optional figure the snapshot lacks.
  std::function<Figure*(ForceSnapshot&)> locate;
  /// Creates an absent optional figure of a system (a default Figure); empty where the snapshot must
  /// already give the figure.
  std::function<void(ForceSnapshot&)> create;
};

/// Whether `part`, the segment after `sides.<ID>.`, names a snapshot figure (`systems`,
/// `inventory`, `w80`).
bool is_snapshot_part(std::string_view part);

/// Resolves `path` (`sides.<ID>.systems.mm3.cep_m`, the side already chosen) against `snapshot`.
/// Throws InputError at key path `path`, with the closest system or key where one is near, when it
/// names no figure of this snapshot.
SnapshotFigureRef resolve_snapshot_figure(const ForceSnapshot& snapshot, std::string_view path);

/// Every figure of `snapshot` with its key path (`prefix` + `systems.mm3.cep_m`, ...), in file
/// order: inventory, w80, then each system's figures, warheads and bases.
void for_each_snapshot_figure(const ForceSnapshot& snapshot, const std::string& prefix,
                              const std::function<void(const std::string& path, const Figure& figure)>& visit);

}  // namespace stratstab

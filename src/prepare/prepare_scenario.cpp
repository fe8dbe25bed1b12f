// The prepare step between loading and evaluation (prepare.hpp).
#include "stratstab/prepare.hpp"

#include <stdexcept>

#include "stratstab/upload.hpp"

namespace stratstab {

Scenario prepare_scenario(Scenario loaded) {
  if (loaded.prepared) return loaded;
  for (ScenarioSide& side : loaded.sides) {
    if (!side.forces || side.upload_months <= 0) continue;
    // The force after N months of upload (docs/methods.md §9, `stratstab upload`): a new snapshot.
    UploadOptions options;
    options.horizon_months = side.upload_months;
    const UploadPath path = compute_upload(*side.forces, options);
    side.forces = uploaded_snapshot(*side.forces, path, path.steps.back().added_by_system);
  }
  loaded.prepared = true;
  return loaded;
}

void require_prepared(const Scenario& scenario) {
  if (scenario.prepared) return;
  for (const ScenarioSide& side : scenario.sides) {
    if (side.forces && side.upload_months > 0) {
      throw std::logic_error("scenario '" + scenario.name + "': side '" + side.id +
                             "' uploads; evaluate the scenario prepare_scenario returns (prepare.hpp)");
    }
  }
}

}  // namespace stratstab

// The identity of a scenario's inputs, for a results store: `--resume` continues a run only when
// the scenario and every file it was read from are byte for byte the ones the run started from.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "stratstab/scenario.hpp"

namespace stratstab {

/// One file a loaded scenario was read from, and what it was read as.
struct ScenarioInputFile {
  std::string role;  ///< `scenario`, `snapshot <id>`, `bibliography`, `cities <side>`
  std::filesystem::path path;
};

/// The files `scenario` was read from, in a fixed order: the scenario file; then per side its force
/// snapshot, the bibliography files its sources came from (sorted) and its city table. Each file
/// once, at its first role. Taken from the loaded structs (`Scenario::file`, `ForceSnapshot::file`,
/// `Source::file`, `CityTable::file`), which name the file every value came from.
std::vector<ScenarioInputFile> scenario_input_files(const Scenario& scenario);

/// SHA-256 (64 hex digits) over the `--set` overrides, in order, and the bytes of every file of
/// scenario_input_files. The resolved scenario is a function of exactly these (the loader is
/// deterministic), so equal hashes mean equal inputs. Paths are left out: a copied or moved data
/// folder hashes the same. A byte changed anywhere, a comment included, changes the hash, which
/// errs towards refusing a resume. Throws InputError naming a file that can no longer be read.
std::string scenario_hash(const Scenario& scenario, const std::vector<Override>& overrides);

}  // namespace stratstab

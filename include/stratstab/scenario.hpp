// Scenarios: two sides and the model options, read from YAML (data/scenarios/*.yaml or a user's
// file), optionally changed by `--set KEY=VALUE` overrides that go through the same validation.
#pragma once

#include <array>
#include <filesystem>
#include <string>
#include <vector>

#include "stratstab/load.hpp"
#include "stratstab/stability.hpp"

namespace stratstab {

struct ScenarioSide {
  std::string id;         ///< as written under `sides:` (e.g. `A`, `US`)
  AbstractSide abstract;  ///< Kent–Thaler abstract form (METHOD.md §4)
};

struct Scenario {
  std::string name;
  std::string description;
  std::array<ScenarioSide, 2> sides;
  StabilityParameters parameters;
  std::string file;
};

/// One `--set KEY=VALUE`: a dotted key path and a YAML value.
struct Override {
  std::string path;   ///< e.g. `sides.A.abstract.alert`
  std::string value;  ///< e.g. `0.7`
  /// Parses `KEY=VALUE`; throws InputError (located at the command line) when malformed.
  static Override parse(const std::string& text);
};

/// Reads a scenario file, applies the overrides to its YAML tree, then validates everything. A
/// problem in an overridden value is located at `--set KEY=VALUE` rather than in the file.
LoadResult<Scenario> read_scenario(const std::filesystem::path& file, const std::vector<Override>& overrides = {});

/// As read_scenario, but throws InputError when there is any error.
Scenario load_scenario(const std::filesystem::path& file, const std::vector<Override>& overrides = {});

}  // namespace stratstab

namespace stratstab {

/// Evaluates a validated scenario: both first strikes and the index. Pure and reentrant.
StabilityResult evaluate_scenario(const Scenario& scenario);

}  // namespace stratstab

// The form of a scenario's `uncertainty:` block and the scenario figures it may name: plain structs
// shared by the loader (io) and the uncertainty runs (docs/methods.md §13.2).
#pragma once

#include <optional>
#include <string>

#include "stratstab/error.hpp"
#include "stratstab/figure.hpp"

namespace stratstab {

/// A scenario figure the file (or an override) gave, with its canonical key path
/// (`sides.US.defence.layers[0].sspk`, `sides.RU.command.survival`).
struct ScenarioFigureValue {
  std::string path;
  Figure figure;
};

/// One entry of `uncertainty:`: the key path it varies and how. `fixed` holds the point value;
/// otherwise `dist` with its parameters (an empty `mode` or `mean` is the point value), or only a
/// `group` (the data's own distribution, drawn together with the group's other entries).
struct UncertaintyEntry {
  std::string path;
  bool fixed = false;
  std::optional<Distribution> dist;
  std::optional<double> low, mode, high, mean, sd;
  std::string group;
  SourceLocation where;
};

}  // namespace stratstab

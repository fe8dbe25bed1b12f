// PROVISIONAL (lead's copy until the `figures` branch lands with the loader's version): the
// `uncertainty:` block of a scenario, as the loader reads it.
#pragma once

#include <optional>
#include <string>

#include "stratstab/error.hpp"

namespace stratstab {

enum class Distribution { kTriangular, kUniform, kNormal };

struct UncertaintyEntry {
  std::string path;
  bool fixed = false;
  std::optional<Distribution> dist;
  std::optional<double> low, mode, high, mean, sd;
  std::string group;
  SourceLocation where;
};

}  // namespace stratstab

// Loaders for the bundled data formats. Each validates the whole file before returning and
// reports every problem at once (InputError), each located by file:line:column and key path.
#pragma once

#include <filesystem>
#include <optional>
#include <utility>
#include <vector>

#include "stratstab/cities.hpp"
#include "stratstab/error.hpp"
#include "stratstab/forces.hpp"
#include "stratstab/load_result.hpp"
#include "stratstab/source.hpp"

namespace stratstab {

/// Reads a bibliography file (`data/sources/*.yaml`).
LoadResult<Bibliography> read_bibliography(const std::filesystem::path& file);

/// Reads a force snapshot file and the bibliography files it names; checks every figure against
/// the key table (include/stratstab/schema.hpp) and every cross-reference (source ids, warhead
/// shares, capacity >= loading, id = side-date).
LoadResult<ForceSnapshot> read_force_snapshot(const std::filesystem::path& file);

/// As read_force_snapshot, but throws InputError when there is any error.
ForceSnapshot load_force_snapshot(const std::filesystem::path& file);

/// Reads a city table (`data/cities/<side>.yaml`: rows [GeoNames id, name, admin code, population,
/// lat, lon] under `cities:`); throws InputError with each bad row located.
CityTable load_city_table(const std::filesystem::path& file);

}  // namespace stratstab

// Loaders for the bundled data formats. Each validates the whole file before returning and
// reports every problem at once (InputError), each located by file:line:column and key path.
#pragma once

#include <filesystem>
#include <optional>
#include <utility>
#include <vector>

#include "stratstab/error.hpp"
#include "stratstab/forces.hpp"
#include "stratstab/source.hpp"

namespace stratstab {

/// A load that did not throw: the result if there were no errors, and every diagnostic.
template <typename T>
struct LoadResult {
  std::optional<T> value;
  std::vector<Diagnostic> diagnostics;
};

/// The value of a read, or InputError with every diagnostic when there is none: what each
/// `load_*` adds to its `read_*`.
template <typename T>
T value_or_throw(LoadResult<T> result) {
  if (!result.value) throw InputError(std::move(result.diagnostics));
  return std::move(*result.value);
}

/// Reads a bibliography file (`data/sources/*.yaml`).
LoadResult<Bibliography> read_bibliography(const std::filesystem::path& file);

/// Reads a force snapshot file and the bibliography files it names; checks every figure against
/// the key table (include/stratstab/schema.hpp) and every cross-reference (source ids, warhead
/// shares, capacity >= loading, id = side-date).
LoadResult<ForceSnapshot> read_force_snapshot(const std::filesystem::path& file);

/// As read_force_snapshot, but throws InputError when there is any error.
ForceSnapshot load_force_snapshot(const std::filesystem::path& file);

}  // namespace stratstab

// What a loader returns: the value when there were no errors, and every diagnostic. In the model
// (with Diagnostic) so that engine headers can declare their file's loader without depending on io.
#pragma once

#include <optional>
#include <utility>
#include <vector>

#include "stratstab/error.hpp"

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

}  // namespace stratstab

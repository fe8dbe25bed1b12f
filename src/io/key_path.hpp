// Internal: the grammar of a dotted key path as `--set KEY=VALUE` takes it (`a.b[0].c`): segments
// that are keys, each followed by any number of list indices `[N]`.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace stratstab::io {

/// One step of a key path: a key, then the list indices after it (`layers[0]`).
struct PathStep {
  std::string key;
  std::vector<std::size_t> indices;
};

/// `a.b[0].c` as steps; nullopt when a segment is empty or a bracket is not `[digits]`.
std::optional<std::vector<PathStep>> parse_key_path(std::string_view path);

}  // namespace stratstab::io

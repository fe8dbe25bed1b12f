#include "stratstab/closest_word.hpp"

#include <algorithm>

#include "../io/yaml_reader.hpp"

namespace stratstab {

std::optional<std::string> closest_word(std::string_view word, const std::vector<std::string>& candidates,
                                        std::size_t max_edits) {
  if (std::find(candidates.begin(), candidates.end(), word) != candidates.end()) return std::nullopt;
  std::optional<std::string> best;
  std::size_t best_distance = max_edits + 1;
  for (const std::string& candidate : candidates) {
    const std::size_t distance = io::edit_distance(word, candidate);
    if (distance < best_distance) {
      best_distance = distance;
      best = candidate;
    }
  }
  return best;
}

}  // namespace stratstab

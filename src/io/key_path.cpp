// The dotted key path grammar of `--set` (key_path.hpp).
#include "key_path.hpp"

#include <charconv>

namespace stratstab::io {

std::optional<std::vector<PathStep>> parse_key_path(std::string_view path) {
  std::vector<PathStep> steps;
  std::size_t start = 0;
  while (true) {
    const std::size_t dot = path.find('.', start);
    const std::string_view segment = path.substr(start, dot == std::string_view::npos ? dot : dot - start);
    const std::size_t bracket = segment.find('[');
    PathStep step{std::string(segment.substr(0, bracket)), {}};
    if (step.key.empty() || step.key.find(']') != std::string::npos) return std::nullopt;
    for (std::size_t at = bracket; at != std::string_view::npos;) {
      const std::size_t close = segment.find(']', at);
      if (segment[at] != '[' || close == std::string_view::npos || close == at + 1) return std::nullopt;
      const std::string_view digits = segment.substr(at + 1, close - at - 1);
      std::size_t index = 0;
      const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), index);
      if (error != std::errc() || end != digits.data() + digits.size()) return std::nullopt;
      step.indices.push_back(index);
      at = close + 1 == segment.size() ? std::string_view::npos : close + 1;
    }
    steps.push_back(std::move(step));
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
  return steps;
}

}  // namespace stratstab::io

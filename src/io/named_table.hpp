// Internal (io and the stages after it): look-ups in the constexpr tables of named members that
// the key-path resolvers walk (`Named<...>{"cep_m", &System::cep_m}`), and the "did you mean" tail of
// their error messages.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "stratstab/closest_word.hpp"

namespace stratstab::io {

/// " (did you mean `x`?)" when a candidate is near `word`, else " (one of: a, b, c)".
inline std::string suggestion(std::string_view word, const std::vector<std::string>& candidates) {
  if (auto near = closest_word(word, candidates)) return fmt::format(" (did you mean `{}`?)", *near);
  return fmt::format(" (one of: {})", fmt::join(candidates, ", "));
}

/// The table's keys, after `more`.
template <typename Table>
std::vector<std::string> keys_of(const Table& table, std::vector<std::string> more = {}) {
  for (const auto& named : table) more.emplace_back(named.key);
  return more;
}

/// The entry named `key`, or null.
template <typename Table>
auto find_key(const Table& table, std::string_view key) -> decltype(&table[0]) {
  for (const auto& named : table) {
    if (named.key == key) return &named;
  }
  return nullptr;
}

}  // namespace stratstab::io

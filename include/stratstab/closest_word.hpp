// "Did you mean" hints: the known word nearest to a misspelt one (a command, an id).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace stratstab {

/// Levenshtein distance (insertions, deletions, substitutions), for "did you mean" hints on short
/// strings (keys, ids, commands).
std::size_t edit_distance(std::string_view a, std::string_view b);

/// The candidate nearest to `word` by edit distance (Levenshtein: insertions, deletions and
/// substitutions), when it is at most `max_edits` away; the first such candidate on a tie; nullopt
/// when none is that close or `word` is one of them exactly (nothing to suggest).
std::optional<std::string> closest_word(std::string_view word, const std::vector<std::string>& candidates,
                                        std::size_t max_edits = 2);

}  // namespace stratstab

// Internal: parses untrusted YAML text into one document, guarded against what yaml-cpp 0.7.0
// (Debian 12) does not guard against itself: a stream that makes no progress (a leading ',' makes
// LoadAll return empty documents forever, fixed upstream only in 0.9.0), nesting deep enough to
// exhaust the stack, aliases that multiply the work of every walker (a "billion laughs"), and
// aliases that refer to the node that contains them (a cycle).
#pragma once

#include <cstddef>
#include <string>
#include <variant>

#include <yaml-cpp/yaml.h>

namespace stratstab::io {

/// Lists and mappings nested deeper than this are refused (the deepest bundled file nests about
/// 8 levels; yaml-cpp's own guard, at 500 levels, reports only "bad file").
inline constexpr int kMaxYamlNestingDepth = 64;
/// Aliases may stand for at most this many nodes in all, beyond the nodes written in the file: a
/// budget that real files (which barely use aliases) never approach and that keeps an
/// alias-amplified file to about a second of work.
inline constexpr std::size_t kMaxYamlAliasNodes = 100000;

/// Why the text was refused, and where (yaml-cpp's 0-based mark; line -1 when unknown).
struct YamlParseError {
  YAML::Mark mark;
  std::string message;  ///< e.g. "not valid YAML: end of map not found"
};

/// The text's one document (a Null node for an empty stream), or the error. Never loops: the
/// parser is asked for at most three documents, and a second one is itself an error.
std::variant<YAML::Node, YamlParseError> parse_yaml_document(const std::string& text);

}  // namespace stratstab::io

// Which scenario keys have no effect under the scenario's other options: a sweep over such a key
// gives identical rows, and a user needs to be told why rather than left with a flat table.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "stratstab/scenario.hpp"

namespace stratstab {

/// Why the key at `key_path` (a dotted path as `--set` and `sweep --param` take it, e.g.
/// `options.lua_share` or `sides.RU.command.perimeter`) cannot change the evaluation of `scenario`
/// as it stands, or nullopt when it can (or the key is not one this rule knows). The reasons
/// follow the model's use of each key (docs/methods.md): the launch-under-attack share and the
/// launch delays need launch under attack on; flight times and warning delays need the warning
/// model on; Perimeter acts only when command can be lost; the command posts only matter against a
/// decapitation strike; the real-side options do nothing for abstract sides; the scenario's text
/// (name, description, premise) and its treaty never enter the index.
std::optional<std::string> inactive_key_reason(const Scenario& scenario, std::string_view key_path);

}  // namespace stratstab

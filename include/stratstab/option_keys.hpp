// The key table of a scenario's `options` section: the model constants and choices, with their
// defaults. In a header so that the structs the loader fills (StabilityParameters, stability.hpp)
// take their initial values from this table, the same one the loader checks against and
// docs/io_formats.md is generated from (schema.cpp): a default is written once, here.
#pragma once

#include <array>
#include <stdexcept>
#include <string_view>

#include "stratstab/schema.hpp"

namespace stratstab {

/// `options`: the Kent–Thaler model constants (docs/methods.md §7) and the model choices.
inline constexpr std::array kScenarioOptionKeys{
    KeySpec{.name = "posture",
            .kind = KeyKind::kEnum,
            .required = false,
            .allowed = "day_to_day | generated | striker_generated",
            .description = "Real sides: both day to day, both generated, or the striker generated and the victim day "
                           "to day.",
            .default_word = "day_to_day"},
    KeySpec{.name = "draw_down",
            .kind = KeyKind::kEnum,
            .required = false,
            .allowed = "exact | greedy",
            .description = "Real sides: counterforce draw-down by the exact linear programme over attack patterns or "
                           "the marginal-return greedy.",
            .default_word = "exact"},
    KeySpec{.name = "launch_under_attack",
            .kind = KeyKind::kBool,
            .required = false,
            .description = "Victim launches `lua_share` of its silo force on warning.",
            .default_value = 0},
    KeySpec{.name = "defence_in_planning",
            .kind = KeyKind::kBool,
            .required = false,
            .description = "Real sides: a striker counts on its own missile defence when it chooses its counterforce "
                           "spend; false: it plans as if undefended.",
            .default_value = 1},
    KeySpec{.name = "warning",
            .kind = KeyKind::kBool,
            .required = false,
            .description = "Real sides: launch under attack happens with the probability the shortest flight time to "
                           "the silos leaves (`sides.<ID>.warning`, `flight_minutes`, `forward`), and alert bombers "
                           "escape only with enough warning; false: the fixed share, bombers always escape.",
            .default_value = 0},
    KeySpec{.name = "lua_share",
            .kind = KeyKind::kNumber,
            .required = false,
            .unit = "share",
            .min = 0,
            .max = 1,
            .description = "Share of the silo force launched under attack.",
            .default_value = 0.9},
    KeySpec{.name = "max_warheads_per_target",
            .kind = KeyKind::kInteger,
            .required = false,
            .min = 1,
            .max = 20,
            .description = "Most warheads on one launcher.",
            .default_value = 2},
    KeySpec{.name = "cost_exponent",
            .kind = KeyKind::kNumber,
            .required = false,
            .min = 0,
            .max = 1,
            .min_exclusive = true,
            .description = "a in C = D_own^a + b (1 - D_enemy^a).",
            .default_value = 0.75},
    KeySpec{.name = "surcharge",
            .kind = KeyKind::kNumber,
            .required = false,
            .min = 0,
            .max = 10,
            .description = "b in the cost.",
            .default_value = 0.3},
    KeySpec{.name = "striker_availability",
            .kind = KeyKind::kNumber,
            .required = false,
            .unit = "share",
            .min = 0,
            .max = 1,
            .description = "Share of non-fixed warheads available to a striker.",
            .default_value = 0.9},
    KeySpec{.name = "stop_tolerance",
            .kind = KeyKind::kNumber,
            .required = false,
            .min = 0,
            .max = 0.001,
            .description = "Ties in the striker's cost within this go to the larger victim cost.",
            .default_value = 1e-9},
};

/// The default of option `name` as the table gives it (bools: 0 or 1), at compile time: a key
/// without a numeric default is a compile error, not a silent 0.
consteval double option_default(std::string_view name) {
  for (const KeySpec& key : kScenarioOptionKeys) {
    if (key.name == name && key.default_value) return *key.default_value;
  }
  throw std::logic_error("no numeric default for this option in kScenarioOptionKeys");
}

}  // namespace stratstab

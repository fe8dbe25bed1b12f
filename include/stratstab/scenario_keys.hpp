// The key tables of a scenario's sections that have defaults: `options` (the model constants and
// choices), and each side's `command`, `warning` and `flight_minutes`. In a header so that the
// structs the loader fills (StabilityParameters in stability.hpp, CommandAndControl in
// command.hpp, WarningChain and FlightTimes in warning.hpp) take their initial values from these
// tables, the same ones the loader checks against and docs/io_formats.md is generated from
// (schema.cpp): a default is written once, here.
#pragma once

#include <array>
#include <stdexcept>
#include <string_view>

#include "stratstab/schema.hpp"

namespace stratstab {

/// A probability is 0 or at least one in a million, so that a subnormal cannot reach the solvers.
inline constexpr double kMinNonzeroProbability = 1e-6;

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
    KeySpec{.name = "striker_readiness",
            .kind = KeyKind::kEnum,
            .required = false,
            .allowed = "kent_thaler | no_notice",
            .description = "Real sides: what a striker can launch first. `kent_thaler`: all silo warheads and "
                           "`striker_availability` of every other warhead, whatever share is at sea or on alert "
                           "(R-3765-AF p. 34); `no_notice`: SSBNs and bombers only by their at-sea or alert share "
                           "(a strike from the posture of the day).",
            .default_word = "kent_thaler"},
    KeySpec{.name = "damage",
            .kind = KeyKind::kEnum,
            .required = false,
            .allowed = "exponential | cities",
            .description =
                "Real sides: damage curve D(w) = 1 - exp(-w ln5 / w80) (METHOD's form), or the tabulated city "
                "curve itself (data/cities, Brode 5 psi areas, linear between integer w; "
                "docs/methods.md §7).",
            .default_word = "exponential"},
    KeySpec{.name = "w80",
            .kind = KeyKind::kEnum,
            .required = false,
            .allowed = "derived | snapshot",
            .description =
                "Real sides: w80 of the exponential derived from the side's city table and the attacker's "
                "yields (where the city curve reaches 0.8), or the snapshot's ASSUMED w80 (METHOD's examples).",
            .default_word = "derived"},
    KeySpec{.name = "launch_under_attack",
            .kind = KeyKind::kBool,
            .required = false,
            .description = "Victim launches on warning: `lua_share` of its silos, `lua_share_mobile` of its mobiles "
                           "in garrison, `lua_share_ssbn` of its SSBNs in port (`lua_legs`).",
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
            .description = "Real sides: each leg launches under attack with the probability the shortest flight time "
                           "to it leaves (`sides.<ID>.warning`, `flight_minutes`, `forward`), and alert bombers "
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
    KeySpec{.name = "lua_share_mobile",
            .kind = KeyKind::kNumber,
            .required = false,
            .unit = "share",
            .min = 0,
            .max = 1,
            .description = "Share of the road-mobile launchers in garrison launched under attack (ASSUMED, range "
                           "[0, 0.9]; docs/methods.md §6).",
            .default_value = 0.5},
    KeySpec{.name = "lua_share_ssbn",
            .kind = KeyKind::kNumber,
            .required = false,
            .unit = "share",
            .min = 0,
            .max = 1,
            .description = "Share of the SSBN tubes in port fired from the pier under attack (ASSUMED, range "
                           "[0, 0.9]; docs/methods.md §6).",
            .default_value = 0.5},
    KeySpec{.name = "lua_legs",
            .kind = KeyKind::kEnum,
            .required = false,
            .allowed = "all | silos",
            .description = "Launch under attack by every leg that can launch in the warning (silos, mobiles in "
                           "garrison, SSBNs at the pier), each with its own share; `silos`: silos only.",
            .default_word = "all"},
    KeySpec{.name = "targets",
            .kind = KeyKind::kEnum,
            .required = false,
            .allowed = "aim_points | launchers",
            .description = "Real sides: a counterforce target is an aim point (a boat in port, a bomber parking "
                           "area, a garrison shelter area: `launchers_per_aim_point_*`), or each launcher.",
            .default_word = "aim_points"},
    KeySpec{.name = "collateral",
            .kind = KeyKind::kEnum,
            .required = false,
            .allowed = "none | cities",
            .description = "Real sides: `cities` counts the people a counterforce warhead kills near the base it is "
                           "aimed at (the victim's city table, Brode's 5 psi radius of its yield) as damage to the "
                           "victim's value (docs/methods.md §7); `none`: counterforce destroys no value, as in "
                           "Kent and Thaler.",
            .default_word = "none"},
    KeySpec{.name = "collateral_field_km",
            .kind = KeyKind::kNumber,
            .required = false,
            .unit = "km",
            .min = 0,
            .max = 100,
            .description = "With `collateral: cities`: radius of the disc around a base's coordinates over which its "
                           "launchers, and so the warheads aimed at them, are spread (ASSUMED, range [0, 30]; "
                           "docs/methods.md §7).",
            .default_value = 10},
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
    KeySpec{.name = "third_side_weight",
            .kind = KeyKind::kNumber,
            .required = false,
            .min = 0,
            .max = 1,
            .description = "Three sides: b3, the weight in each side's cost of the third side's position after an "
                           "exchange between the other two: b3 (D(U + Z)^a - D(U)^a), the further damage the third "
                           "side could still do with its warheads against the side (ASSUMED, range [0, 1]; "
                           "docs/methods.md §13.5).",
            .default_value = 0.3},
    KeySpec{.name = "striker_availability",
            .kind = KeyKind::kNumber,
            .required = false,
            .unit = "share",
            .min = 0,
            .max = 1,
            .description = "Share of non-fixed warheads available to a striker.",
            .default_value = 0.9},
    KeySpec{.name = "decapitation",
            .kind = KeyKind::kEnum,
            .required = false,
            .allowed = "optimised | fixed_share",
            .description = "Real sides: warheads a striker aims at the other side's command (`sides.<ID>.command`): "
                           "the count that minimises its own cost, 0 to `max_warheads_per_target` per command post; "
                           "or its `decapitation_share` of its strike.",
            .default_word = "optimised"},
    KeySpec{.name = "stop_tolerance",
            .kind = KeyKind::kNumber,
            .required = false,
            .min = 0,
            .max = 0.001,
            .description = "Ties in the striker's cost within this go to the larger victim cost.",
            .default_value = 1e-9},
};

/// `sides.<ID>.command`: command and control as a victim (no public source; assumptions).
inline constexpr std::array kScenarioCommandKeys{
    KeySpec{.name = "survival",
            .kind = KeyKind::kFigure,
            .required = false,
            .unit = "probability",
            .min = 0,
            .max = 1,
            .description = "Chance that national command survives a first strike not aimed at it (day to day).",
            .default_value = 1},
    KeySpec{.name = "survival_generated",
            .kind = KeyKind::kFigure,
            .required = false,
            .unit = "probability",
            .min = 0,
            .max = 1,
            .description = "The same when the side is generated (leadership dispersed, airborne posts up).",
            .default_word = "= survival"},
    KeySpec{.name = "nodes",
            .kind = KeyKind::kFigure,
            .required = false,
            .unit = "command posts",
            .min = 1,
            .max = 10000,
            .description = "Command posts a decapitation strike must all destroy (day to day).",
            .default_value = 1},
    KeySpec{.name = "nodes_generated",
            .kind = KeyKind::kFigure,
            .required = false,
            .unit = "command posts",
            .min = 1,
            .max = 10000,
            .description = "The same when the side is generated (airborne command posts up add to them).",
            .default_word = "= nodes"},
    KeySpec{.name = "node_kill_probability",
            .kind = KeyKind::kFigure,
            .required = false,
            .unit = "probability",
            .min = 0,
            .max = 1,
            .min_nonzero = kMinNonzeroProbability,
            .description = "Of one arriving warhead on one command post.",
            .default_value = 0.9},
    KeySpec{.name = "perimeter",
            .kind = KeyKind::kFigure,
            .required = false,
            .unit = "probability",
            .min = 0,
            .max = 1,
            .description = "Chance that an automatic or semi-automatic system (Perimeter, \"Dead Hand\") gets the "
                           "surviving forces launched when command is lost (0: none); one devolution route that "
                           "survives in both postures and orders all forces.",
            .default_value = 0},
    KeySpec{.name = "devolution",
            .kind = KeyKind::kList,
            .required = false,
            .description = "Routes that can still order a retaliation when national command is lost (list of "
                           "section `sides.<ID>.command.devolution[]`; none by default)."},
};

/// `sides.<ID>.command.devolution[]`: one devolution route (airborne command posts, pre-delegated
/// authority, an automatic system).
inline constexpr std::array kDevolutionRouteKeys{
    KeySpec{.name = "name", .kind = KeyKind::kString, .description = "Name of the route."},
    KeySpec{.name = "survival_day_to_day",
            .kind = KeyKind::kFigure,
            .unit = "probability",
            .min = 0,
            .max = 1,
            .description = "Chance that the route survives the first strike and can act, the side day to day."},
    KeySpec{.name = "survival_generated",
            .kind = KeyKind::kFigure,
            .required = false,
            .unit = "probability",
            .min = 0,
            .max = 1,
            .description = "The same, the side generated (airborne posts up).",
            .default_word = "= survival_day_to_day"},
    KeySpec{.name = "reliability",
            .kind = KeyKind::kFigure,
            .unit = "probability",
            .min = 0,
            .max = 1,
            .description = "Given that it survives: it orders the retaliation and the order gets through."},
    KeySpec{.name = "forces_share",
            .kind = KeyKind::kFigure,
            .required = false,
            .unit = "share",
            .min = 0,
            .max = 1,
            .description = "Share of the surviving forces it can order (routes are nested: a wider one orders what a "
                           "narrower one does).",
            .default_value = 1},
};

/// `sides.<ID>.warning`: warning and reaction times as a victim.
inline constexpr std::array kScenarioWarningKeys{
    KeySpec{.name = "detection_minutes",
            .kind = KeyKind::kFigure,
            .required = false,
            .unit = "minutes",
            .min = 0,
            .max = 60,
            .description = "From launch to a warning the leadership acts on.",
            .default_value = 2},
    KeySpec{.name = "decision_minutes_min",
            .kind = KeyKind::kFigure,
            .required = false,
            .unit = "minutes",
            .min = 0,
            .max = 120,
            .description = "Shortest time to a launch decision (uniform between min and max).",
            .default_value = 4},
    KeySpec{.name = "decision_minutes_max",
            .kind = KeyKind::kFigure,
            .required = false,
            .unit = "minutes",
            .min = 0,
            .max = 120,
            .description = "Longest time to a launch decision.",
            .default_value = 12},
    KeySpec{.name = "launch_minutes",
            .kind = KeyKind::kFigure,
            .required = false,
            .unit = "minutes",
            .min = 0,
            .max = 60,
            .description = "From the order to silo missiles away.",
            .default_value = 2},
    KeySpec{.name = "mobile_launch_minutes",
            .kind = KeyKind::kFigure,
            .required = false,
            .unit = "minutes",
            .min = 0,
            .max = 60,
            .description = "From the order to road-mobile missiles away from their garrison shelters (ASSUMED, "
                           "range [2, 15]).",
            .default_value = 5},
    KeySpec{.name = "ssbn_launch_minutes",
            .kind = KeyKind::kFigure,
            .required = false,
            .unit = "minutes",
            .min = 0,
            .max = 60,
            .description = "From the order to the first missiles away from an SSBN at the pier (ASSUMED, range "
                           "[5, 30]).",
            .default_value = 15},
    KeySpec{.name = "bomber_escape_minutes_min",
            .kind = KeyKind::kFigure,
            .required = false,
            .unit = "minutes",
            .min = 0,
            .max = 120,
            .description = "Shortest time for alert bombers to get clear of their bases after warning.",
            .default_value = 8},
    KeySpec{.name = "bomber_escape_minutes_max",
            .kind = KeyKind::kFigure,
            .required = false,
            .unit = "minutes",
            .min = 0,
            .max = 120,
            .description = "Longest such time.",
            .default_value = 15},
};

/// `sides.<ID>.flight_minutes`: this side's missiles' flight times to the other side.
inline constexpr std::array kScenarioFlightKeys{
    KeySpec{.name = "icbm",
            .kind = KeyKind::kFigure,
            .required = false,
            .unit = "minutes",
            .min = 1,
            .max = 120,
            .description = "ICBM flight time to the other side.",
            .default_value = 30},
    KeySpec{.name = "slbm",
            .kind = KeyKind::kFigure,
            .required = false,
            .unit = "minutes",
            .min = 1,
            .max = 120,
            .description = "SLBM flight time to the other side's targets.",
            .default_value = 15},
};

/// The default of key `name` in `keys` as the table gives it (bools: 0 or 1), at compile time: a
/// key without a numeric default is a compile error, not a silent 0.
template <std::size_t N>
consteval double key_default(const std::array<KeySpec, N>& keys, std::string_view name) {
  for (const KeySpec& key : keys) {
    if (key.name == name && key.default_value) return *key.default_value;
  }
  throw std::logic_error("no numeric default for this key in its table");
}
/// The default of option `name` (kScenarioOptionKeys).
consteval double option_default(std::string_view name) {
  return key_default(kScenarioOptionKeys, name);
}

}  // namespace stratstab

// The rule of include/stratstab/inactive_key.hpp: each case mirrors where the evaluation reads the
// key (src/exchange/real_strike.cpp for warning and launch under attack, src/warning/command.cpp
// for command survival and Perimeter, src/kent_thaler/kent_thaler.cpp for abstract sides).
#include "stratstab/inactive_key.hpp"

#include <fmt/format.h>

namespace stratstab {
namespace {

/// `key_path` with `prefix.` removed, or nullopt when it does not start with it.
std::optional<std::string_view> after(std::string_view key_path, std::string_view prefix) {
  if (key_path.size() <= prefix.size() || !key_path.starts_with(prefix) || key_path[prefix.size()] != '.') {
    return std::nullopt;
  }
  return key_path.substr(prefix.size() + 1);
}

bool is_forward_flight_time(std::string_view key) {
  // forward[N].flight_minutes
  return key.starts_with("forward[") && key.ends_with("].flight_minutes");
}

std::optional<std::string> option_reason(const Scenario& scenario, std::string_view option) {
  const StabilityParameters& p = scenario.parameters;
  if (option == "third_side_weight" && !scenario.is_three_sided()) {
    return std::string("the scenario has two sides: options.third_side_weight weights a third side's position");
  }
  const bool lua_key =
      option == "lua_share" || option == "lua_share_mobile" || option == "lua_share_ssbn" || option == "lua_legs";
  if (lua_key && !p.launch_under_attack) {
    return std::string(
        "options.launch_under_attack is false: the share launched under attack applies only when the victim "
        "launches under attack");
  }
  if ((option == "lua_share_mobile" || option == "lua_share_ssbn") && p.lua_silos_only) {
    return std::string("options.lua_legs is `silos`: only silos launch under attack");
  }
  if (!scenario.is_real()) {
    for (std::string_view real_only :
         {"posture", "draw_down", "warning", "defence_in_planning", "striker_readiness", "targets", "lua_share_mobile",
          "lua_share_ssbn", "lua_legs", "decapitation", "damage", "w80", "collateral", "collateral_field_km"}) {
      if (option == real_only) {
        return fmt::format(
            "the scenario's sides are abstract (Kent–Thaler's form): options.{} applies to real sides "
            "only",
            option);
      }
    }
    return std::nullopt;
  }
  if (option == "collateral_field_km" && !p.collateral_cities) {
    return std::string("options.collateral is `none`: the field radius only places the collateral of counterforce");
  }
  if (option == "defence_in_planning" && !scenario.sides[0].defence && !scenario.sides[1].defence) {
    return std::string(
        "neither side has a missile defence (`defence:`): options.defence_in_planning only says whether a striker "
        "counts on its own");
  }
  if (option == "decapitation" && !scenario.sides[0].command.described && !scenario.sides[1].command.described &&
      scenario.sides[0].decapitation_share <= 0.0 && scenario.sides[1].decapitation_share <= 0.0) {
    return std::string(
        "neither side gives its command posts (`command.nodes`) nor a decapitation_share: no decapitation strike is "
        "possible, so options.decapitation chooses nothing");
  }
  return std::nullopt;
}

std::optional<std::string> side_reason(const Scenario& scenario, std::size_t i, std::string_view key) {
  const StabilityParameters& p = scenario.parameters;
  const ScenarioSide& side = scenario.sides[i];
  const ScenarioSide& other = scenario.sides[1 - i];
  if (!scenario.is_real()) return std::nullopt;
  const bool flight_time = key == "flight_minutes" || key.starts_with("flight_minutes.") || is_forward_flight_time(key);
  if (flight_time && !p.warning) {
    return std::string(
        "options.warning is false: flight times enter only through the warning model (launch under attack and "
        "bomber escape)");
  }
  const bool warning_key = key == "warning" || key.starts_with("warning.");
  if (warning_key && !p.warning) {
    return std::string("options.warning is false: the warning and reaction times are not used");
  }
  if (key.starts_with("warning.") && !key.starts_with("warning.bomber_escape_minutes") && !p.launch_under_attack) {
    return std::string(
        "options.launch_under_attack is false: detection, decision and launch times only set the chance of launching "
        "under attack (only bomber_escape_minutes_* act without it)");
  }
  if ((key == "warning.mobile_launch_minutes" || key == "warning.ssbn_launch_minutes") && p.lua_silos_only) {
    return std::string("options.lua_legs is `silos`: only silos launch under attack");
  }
  const bool optimised = p.decapitation == DecapitationRule::kOptimised;
  if (key == "decapitation_share" && optimised) {
    return std::string(
        "options.decapitation is optimised: the striker chooses how many warheads it aims at the other side's "
        "command; decapitation_share applies with `fixed_share`");
  }
  // Under `optimised`, the other side may aim at this side's command whenever its posts are given.
  const bool aimed_at = optimised ? side.command.described : other.decapitation_share > 0.0;
  const std::string decapitation =
      optimised ? fmt::format("sides.{}.command.nodes is not given (no decapitation strike aims at it)", side.id)
                : fmt::format("sides.{}.decapitation_share is 0", other.id);
  const bool command_posts =
      key == "command.nodes" || key == "command.node_kill_probability" || key == "command.nodes_generated";
  if (command_posts && !aimed_at) {
    return fmt::format("{}: {}'s command posts matter only against a decapitation strike", decapitation, side.id);
  }
  const bool always_survives = side.command.survival >= 1.0 && side.command.survival_generated.value_or(1.0) >= 1.0;
  if ((key == "command.perimeter" || key.starts_with("command.devolution")) && always_survives && !aimed_at) {
    return fmt::format(
        "sides.{0}.command.survival is 1 and {1}: {0}'s command always survives, so Perimeter and the other "
        "devolution routes (which act when command is lost) never act",
        side.id, decapitation);
  }
  if (key == "command.survival" && side.command.perimeter >= 1.0) {
    return fmt::format(
        "sides.{}.command.perimeter is 1: the surviving forces are launched whether or not command survives", side.id);
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::string> inactive_key_reason(const Scenario& scenario, std::string_view key_path) {
  if (key_path == "name" || key_path == "description" || key_path == "premise") {
    return fmt::format("{} is text that labels the scenario; it does not enter the evaluation", key_path);
  }
  if (key_path == "treaty") {
    return std::string("treaty is the regime `compare` counts the forces against; it does not enter the index");
  }
  if (auto option = after(key_path, "options")) return option_reason(scenario, *option);
  for (std::size_t i = 0; i < 2; ++i) {
    if (auto key = after(key_path, "sides." + scenario.sides[i].id)) return side_reason(scenario, i, *key);
  }
  return std::nullopt;
}

}  // namespace stratstab

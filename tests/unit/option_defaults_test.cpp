// The defaults of a scenario's `options` are written once, in the key table (scenario_keys.hpp): the
// docs print them and StabilityParameters starts from them, so a scenario that gives no options is
// evaluated with exactly what docs/io_formats.md says.
#include <gtest/gtest.h>

#include <string>

#include "stratstab/catalog.hpp"
#include "stratstab/scenario.hpp"
#include "stratstab/scenario_keys.hpp"
#include "test_support.hpp"

namespace stratstab {
namespace {

double table_default(std::string_view key) {
  const KeySpec& spec = key_spec("options", key);
  EXPECT_TRUE(spec.default_value.has_value()) << key;
  return spec.default_value.value_or(-1);
}

TEST(OptionDefaultsTest, AScenarioWithoutOptionsIsEvaluatedWithTheTablesDefaults) {
  test::TempDir dir;
  const auto file = dir.write("bare.yaml", R"(name: bare
sides:
  A:
    abstract: {nf: 300, mf: 2, ns: 50, ms: 12, alert: 0.5, de: 0.75, w80: 800}
  B:
    abstract: {nf: 250, mf: 4, ns: 35, ms: 8, alert: 0.35, de: 0.85, w80: 1000}
)");
  const Scenario s = load_scenario(file);
  const StabilityParameters& p = s.parameters;
  // docs/methods.md §7's constants as docs/io_formats.md lists them: a = 0.75, b = 0.3, availability 0.9,
  // LUA share 0.9, at most 2 warheads per target, ties within 1e-9.
  EXPECT_EQ(p.cost_exponent, 0.75);
  EXPECT_EQ(p.surcharge, 0.3);
  EXPECT_EQ(p.striker_availability, 0.9);
  EXPECT_EQ(p.lua_share, 0.9);
  EXPECT_EQ(p.max_warheads_per_target, 2);
  EXPECT_EQ(p.stop_tolerance, 1e-9);
  // ... and each is the table's.
  EXPECT_EQ(p.cost_exponent, table_default("cost_exponent"));
  EXPECT_EQ(p.surcharge, table_default("surcharge"));
  EXPECT_EQ(p.striker_availability, table_default("striker_availability"));
  EXPECT_EQ(p.lua_share, table_default("lua_share"));
  EXPECT_EQ(p.max_warheads_per_target, table_default("max_warheads_per_target"));
  EXPECT_EQ(p.stop_tolerance, table_default("stop_tolerance"));
  EXPECT_EQ(p.launch_under_attack, table_default("launch_under_attack") != 0);
  EXPECT_EQ(p.warning, table_default("warning") != 0);
  EXPECT_EQ(p.defence_in_planning, table_default("defence_in_planning") != 0);
  // The enums' defaults are words in the table; the structs' initialisers must name the same.
  EXPECT_EQ(to_string(p.draw_down), key_spec("options", "draw_down").default_word);
  EXPECT_EQ(to_string(s.posture), key_spec("options", "posture").default_word);
  EXPECT_EQ(to_string(p.striker_readiness), key_spec("options", "striker_readiness").default_word);
  // docs/methods.md §6: the default is Kent and Thaler's readiness rule, not the no-notice one.
  EXPECT_EQ(p.striker_readiness, StrikerReadiness::kKentThaler);
  EXPECT_EQ(p.aim_points ? "aim_points" : "launchers", key_spec("options", "targets").default_word);
  EXPECT_EQ(p.lua_silos_only ? "silos" : "all", key_spec("options", "lua_legs").default_word);
  EXPECT_EQ(p.lua_share_mobile, table_default("lua_share_mobile"));
  EXPECT_EQ(p.lua_share_ssbn, table_default("lua_share_ssbn"));
}

double side_default(std::string_view section, std::string_view key) {
  const KeySpec& spec = key_spec(section, key);
  EXPECT_TRUE(spec.default_value.has_value()) << section << "." << key;
  return spec.default_value.value_or(-1);
}

TEST(OptionDefaultsTest, ARealSideWithoutCommandWarningOrFlightTimesTakesTheTablesDefaults) {
  test::TempDir dir;
  const auto file = dir.write("bare-real.yaml", R"(name: bare real
sides:
  US:
    force: us-2026-11-01
  RU:
    force: ru-2026-11-01
)");
  const DataCatalog catalog(STRATSTAB_SOURCE_DIR "/data");
  const Scenario s = load_scenario(file, {}, &catalog);
  const ScenarioSide& us = s.sides[0];
  // As docs/io_formats.md lists them (docs/methods.md §12.3-12.4 gives their sources and ranges).
  EXPECT_EQ(us.command.survival, 1);
  EXPECT_EQ(us.command.nodes, 1);
  EXPECT_EQ(us.command.node_kill_probability, 0.9);
  EXPECT_EQ(us.command.perimeter, 0);
  EXPECT_EQ(us.warning.detection_minutes, 2);
  EXPECT_EQ(us.warning.decision_minutes_min, 4);
  EXPECT_EQ(us.warning.decision_minutes_max, 12);
  EXPECT_EQ(us.warning.launch_minutes, 2);
  EXPECT_EQ(us.warning.bomber_escape_minutes_min, 8);
  EXPECT_EQ(us.warning.bomber_escape_minutes_max, 15);
  EXPECT_EQ(us.flight.icbm_minutes, 30);
  EXPECT_EQ(us.flight.slbm_minutes, 15);
  // ... and each is the table's.
  EXPECT_EQ(us.command.survival, side_default("command", "survival"));
  EXPECT_EQ(us.command.nodes, side_default("command", "nodes"));
  EXPECT_EQ(us.command.node_kill_probability, side_default("command", "node_kill_probability"));
  EXPECT_EQ(us.command.perimeter, side_default("command", "perimeter"));
  EXPECT_EQ(us.warning.detection_minutes, side_default("warning", "detection_minutes"));
  EXPECT_EQ(us.warning.decision_minutes_min, side_default("warning", "decision_minutes_min"));
  EXPECT_EQ(us.warning.decision_minutes_max, side_default("warning", "decision_minutes_max"));
  EXPECT_EQ(us.warning.launch_minutes, side_default("warning", "launch_minutes"));
  EXPECT_EQ(us.warning.mobile_launch_minutes, side_default("warning", "mobile_launch_minutes"));
  EXPECT_EQ(us.warning.ssbn_launch_minutes, side_default("warning", "ssbn_launch_minutes"));
  EXPECT_EQ(us.warning.bomber_escape_minutes_min, side_default("warning", "bomber_escape_minutes_min"));
  EXPECT_EQ(us.warning.bomber_escape_minutes_max, side_default("warning", "bomber_escape_minutes_max"));
  EXPECT_EQ(us.flight.icbm_minutes, side_default("flight_minutes", "icbm"));
  EXPECT_EQ(us.flight.slbm_minutes, side_default("flight_minutes", "slbm"));
}

TEST(OptionDefaultsTest, EveryOptionHasOneDefaultAndTheDocsPrintIt) {
  const std::string all = key_reference_markdown();
  const auto section = all.find("### Options (`options`)");
  ASSERT_NE(section, std::string::npos);
  const std::string docs = all.substr(section, all.find("\n### ", section + 1) - section);
  for (const KeySpec& key : kScenarioOptionKeys) {
    EXPECT_NE(key.default_value.has_value(), !key.default_word.empty()) << key.name;
    const std::string row = "| `" + std::string(key.name) + "` |";
    const auto at = docs.find(row);
    ASSERT_NE(at, std::string::npos) << key.name;
    const std::string line = docs.substr(at, docs.find('\n', at) - at);
    EXPECT_NE(line.find("| " + key_default_text(key) + " |"), std::string::npos) << line;
    EXPECT_EQ(line.find("(default"), std::string::npos) << "the default is a column, not prose: " << line;
  }
  EXPECT_NE(docs.find("| `stop_tolerance` | number | no |  | [0, 0.001] | 1e-9 |"), std::string::npos);
  EXPECT_NE(all.find("| `detection_minutes` | figure | no | minutes | [0, 60] | 2 |"), std::string::npos);
  EXPECT_NE(all.find("| `node_kill_probability` | figure | no | probability | [0, 1], 0 or >= 1e-06 | 0.9 |"),
            std::string::npos);
  EXPECT_NE(all.find("| `icbm` | figure | no | minutes | [1, 120] | 30 |"), std::string::npos);
  EXPECT_NE(docs.find("| `defence_in_planning` | true/false | no |  |  | true |"), std::string::npos);
}

}  // namespace
}  // namespace stratstab

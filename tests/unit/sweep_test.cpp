// `stratstab sweep`: each point is the scenario evaluated with that one override, the value lists of
// --values and --range, located errors for bad values, and the command's JSON.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "stratstab/catalog.hpp"
#include "stratstab/closest_word.hpp"
#include "stratstab/inactive_key.hpp"
#include "stratstab/prepare.hpp"
#include "stratstab/scenario.hpp"
#include "stratstab/sweep.hpp"
#include "test_support.hpp"

namespace stratstab {
namespace {

constexpr const char* kAlert = "sides.A.abstract.alert";

/// The InputError's single diagnostic, which must be located at `option` on the command line.
template <typename Call>
Diagnostic command_line_error(Call call, const std::string& option) {
  try {
    call();
  } catch (const InputError& e) {
    EXPECT_EQ(e.diagnostics().size(), 1U) << test::dump(e.diagnostics());
    const Diagnostic& d = e.diagnostics().front();
    EXPECT_EQ(d.where.file, "command line");
    EXPECT_EQ(d.where.key_path, option);
    return d;
  }
  ADD_FAILURE() << "expected an InputError at " << option;
  return {};
}

class SweepTest : public ::testing::Test {
 protected:
  Scenario example(const std::vector<Override>& overrides) const {
    return load_scenario(catalog_.scenario_path("kent-thaler-example"), overrides, &catalog_);
  }
  DataCatalog catalog_{STRATSTAB_SOURCE_DIR "/data"};
};

TEST_F(SweepTest, EachPointIsTheScenarioEvaluatedWithThatOverride) {
  const std::vector<std::string> values = parse_sweep_range("0:1:0.25");
  ASSERT_EQ(values, (std::vector<std::string>{"0", "0.25", "0.5", "0.75", "1"}));
  std::vector<SweepPoint> points;
  for (const std::string& value : values) {
    points.push_back(sweep_point(example({Override{kAlert, value}}), value));
    // The same value given as `assess --set` would give it, evaluated on its own.
    const StabilityResult alone = evaluate_scenario(example({Override::parse(std::string(kAlert) + "=" + value)}));
    const SweepPoint& p = points.back();
    EXPECT_EQ(p.value, value);
    EXPECT_DOUBLE_EQ(p.index, alone.index);
    EXPECT_EQ(p.sides[0].id, "A");
    EXPECT_EQ(p.sides[1].id, "B");
    EXPECT_DOUBLE_EQ(p.sides[0].stability.c1, alone.a.c1);
    EXPECT_DOUBLE_EQ(p.sides[0].stability.c2, alone.a.c2);
    EXPECT_DOUBLE_EQ(p.sides[0].stability.ratio, alone.a.ratio);
    EXPECT_DOUBLE_EQ(p.sides[1].stability.c1, alone.b.c1);
    EXPECT_DOUBLE_EQ(p.sides[1].stability.c2, alone.b.c2);
    EXPECT_DOUBLE_EQ(p.sides[1].stability.ratio, alone.b.ratio);
    EXPECT_EQ(p.exchanges[0].striker, "A");
    EXPECT_EQ(p.exchanges[0].victim, "B");
    EXPECT_DOUBLE_EQ(p.exchanges[0].counterforce_spent, alone.a_strikes_b.counterforce_spent);
    EXPECT_DOUBLE_EQ(p.exchanges[0].victim_surviving, alone.a_strikes_b.victim_surviving);
    EXPECT_DOUBLE_EQ(p.exchanges[1].retaliation_arriving, alone.b_strikes_a.retaliation_arriving);
  }
  // At the file's own alert (0.5): the worked example of docs/methods.md §7.
  const SweepPoint& half = points[2];
  EXPECT_NEAR(half.sides[0].stability.c1, 0.488995, 1e-6);
  EXPECT_NEAR(half.sides[0].stability.c2, 0.915362, 1e-6);
  EXPECT_NEAR(half.sides[1].stability.c1, 0.575457, 1e-6);
  EXPECT_NEAR(half.sides[1].stability.c2, 0.875954, 1e-6);
  EXPECT_NEAR(half.index, 0.350948, 1e-6);
  for (std::size_t i = 1; i < points.size(); ++i) {
    // A's alert share only hides A's launchers from B: A's own first strike does not change ...
    EXPECT_DOUBLE_EQ(points[i].sides[0].stability.c1, points[0].sides[0].stability.c1);
    EXPECT_DOUBLE_EQ(points[i].exchanges[0].counterforce_spent, points[0].exchanges[0].counterforce_spent);
    // ... while more of A survives B's strike, so more retaliation arrives on B.
    EXPECT_GE(points[i].exchanges[1].retaliation_arriving, points[i - 1].exchanges[1].retaliation_arriving);
  }
  EXPECT_GT(points.back().exchanges[1].retaliation_arriving, points.front().exchanges[1].retaliation_arriving);
}

TEST(SweepValuesTest, RangeIncludesToAndWritesShortNumbers) {
  // 0.1 * 3 is 0.30000000000000004 in binary floating point; the value passed on must read 0.3.
  EXPECT_EQ(parse_sweep_range("0:1:0.1"),
            (std::vector<std::string>{"0", "0.1", "0.2", "0.3", "0.4", "0.5", "0.6", "0.7", "0.8", "0.9", "1"}));
  EXPECT_EQ(parse_sweep_range("0:1:0.3"), (std::vector<std::string>{"0", "0.3", "0.6", "0.9"}));
  EXPECT_EQ(parse_sweep_range("-1:1:0.5"), (std::vector<std::string>{"-1", "-0.5", "0", "0.5", "1"}));
  EXPECT_EQ(parse_sweep_range("1:4:1"), (std::vector<std::string>{"1", "2", "3", "4"}));
  EXPECT_EQ(parse_sweep_range(" 2 : 2 : 1 "), (std::vector<std::string>{"2"}));
  EXPECT_EQ(parse_sweep_range("0:9999:1").size(), kMaxSweepPoints);
  EXPECT_EQ(parse_sweep_range("1:10:1", 10).size(), 10U);
}

TEST(SweepValuesTest, MalformedRangesAreLocatedAtTheOption) {
  EXPECT_NE(command_line_error([] { (void)parse_sweep_range("0:1:0"); }, "--range")
                .message.find("STEP must be positive, got 0"),
            std::string::npos);
  EXPECT_NE(command_line_error([] { (void)parse_sweep_range("0:1:-0.1"); }, "--range")
                .message.find("STEP must be positive, got -0.1"),
            std::string::npos);
  EXPECT_NE(command_line_error([] { (void)parse_sweep_range("1:0:0.1"); }, "--range")
                .message.find("TO (0) is below FROM (1)"),
            std::string::npos);
  for (const char* text : {"0:1", "0:1:0.1:2", "", "0-1-0.1"}) {
    EXPECT_NE(command_line_error([text] { (void)parse_sweep_range(text); }, "--range")
                  .message.find("expected FROM:TO:STEP (three numbers)"),
              std::string::npos)
        << text;
  }
  EXPECT_NE(command_line_error([] { (void)parse_sweep_range("0:one:0.1"); }, "--range")
                .message.find("TO in '0:one:0.1' is not a finite number: 'one'"),
            std::string::npos);
  EXPECT_NE(command_line_error([] { (void)parse_sweep_range("0:inf:1"); }, "--range").message.find("not a finite"),
            std::string::npos);
  EXPECT_NE(command_line_error([] { (void)parse_sweep_range("0:1e12:1"); }, "--range")
                .message.find("gives 1000000000001 points; a sweep takes at most 10000"),
            std::string::npos);
  EXPECT_NE(command_line_error([] { (void)parse_sweep_range("1:11:1", 10); }, "--range")
                .message.find("gives 11 points; a sweep takes at most 10"),
            std::string::npos);
  // 1 and 1 + 1e-13 are the same number at 12 significant digits.
  EXPECT_NE(command_line_error([] { (void)parse_sweep_range("1:1.0000000000003:1e-13"); }, "--range")
                .message.find("too small for 12 significant digits"),
            std::string::npos);
}

TEST(SweepValuesTest, ValuesAreTrimmedTextAndEmptyOnesRefused) {
  EXPECT_EQ(parse_sweep_values("false,true"), (std::vector<std::string>{"false", "true"}));
  EXPECT_EQ(parse_sweep_values(" generated , day_to_day"), (std::vector<std::string>{"generated", "day_to_day"}));
  EXPECT_EQ(parse_sweep_values("0.5"), (std::vector<std::string>{"0.5"}));
  EXPECT_NE(command_line_error([] { (void)parse_sweep_values("0.1,,0.3"); }, "--values")
                .message.find("value 2 of 3 in '0.1,,0.3' is empty"),
            std::string::npos);
  EXPECT_NE(command_line_error([] { (void)parse_sweep_values("0.1,"); }, "--values").message.find("value 2 of 2"),
            std::string::npos);
  EXPECT_NE(command_line_error([] { (void)parse_sweep_values("1,2,3", 2); }, "--values")
                .message.find("3 values; a sweep takes at most 2"),
            std::string::npos);
  for (const char* param : {"", ".a", "a.", "a..b", "a=b"}) {
    EXPECT_NE(
        command_line_error([param] { check_sweep_param(param); }, "--param").message.find("expected a dotted key path"),
        std::string::npos)
        << param;
  }
  EXPECT_NO_THROW(check_sweep_param(kAlert));
}

TEST(SweepCliTest, JsonParsesAndMatchesTheWorkedExample) {
  const test::CliRun r =
      test::run_cli("sweep kent-thaler-example --param options.launch_under_attack --values false,true --json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto json = nlohmann::json::parse(r.out);
  EXPECT_EQ(json.at("scenario"), "example");
  EXPECT_EQ(json.at("form"), "abstract");
  EXPECT_EQ(json.at("param"), "options.launch_under_attack");
  const auto& points = json.at("points");
  ASSERT_EQ(points.size(), 2U);
  EXPECT_EQ(points[0].at("value"), false);
  EXPECT_EQ(points[1].at("value"), true);
  // The example file's stated results (data/scenarios/kent-thaler-example.yaml, docs/methods.md §7).
  EXPECT_NEAR(points[0].at("index").get<double>(), 0.350948, 1e-6);
  EXPECT_NEAR(points[0].at("sides").at("A").at("c1").get<double>(), 0.488995, 1e-6);
  EXPECT_NEAR(points[0].at("sides").at("B").at("c2").get<double>(), 0.875954, 1e-6);
  EXPECT_NEAR(points[1].at("index").get<double>(), 0.929269, 1e-6);
  ASSERT_EQ(points[0].at("exchanges").size(), 2U);
  EXPECT_EQ(points[0].at("exchanges")[0].at("striker"), "A");
  EXPECT_EQ(points[0].at("exchanges")[0].at("victim"), "B");
  EXPECT_TRUE(points[0].at("exchanges")[1].at("retaliation_arriving").is_number());
}

TEST(SweepCliTest, RealSidesMatchAssessWithTheSameOverride) {
  // With the snapshots' w80s: under the derived ones (docs/methods.md §7) the US ratio is clipped
  // at 1 at both points, and the last check below would not discriminate.
  const test::CliRun r =
      test::run_cli("sweep us-ru-2026-11 --param sides.US.withheld --values 0,0.2 --json --set options.w80=snapshot");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto points = nlohmann::json::parse(r.out).at("points");
  ASSERT_EQ(points.size(), 2U);
  for (const auto& [i, set] : {std::pair{0, ""}, std::pair{1, " --set sides.US.withheld=0.2"}}) {
    const test::CliRun assess =
        test::run_cli(std::string("assess us-ru-2026-11 --json --set options.w80=snapshot") + set);
    ASSERT_EQ(assess.exit_code, 0) << assess.err;
    const auto expected = nlohmann::json::parse(assess.out);
    const auto& point = points[static_cast<std::size_t>(i)];
    EXPECT_DOUBLE_EQ(point.at("index").get<double>(), expected.at("stability").at("index").get<double>());
    for (const char* side : {"US", "RU"}) {
      EXPECT_DOUBLE_EQ(point.at("sides").at(side).at("c1").get<double>(),
                       expected.at("stability").at("sides").at(side).at("c1").get<double>());
    }
    for (std::size_t k = 0; k < 2; ++k) {
      const auto& got = point.at("exchanges")[k];
      const auto& want = expected.at("exchanges")[k];
      EXPECT_EQ(got.at("striker"), want.at("striker"));
      EXPECT_DOUBLE_EQ(got.at("counterforce_spent").get<double>(), want.at("counterforce_spent").get<double>());
      EXPECT_DOUBLE_EQ(got.at("victim_surviving").get<double>(), want.at("victim_surviving").get<double>());
      EXPECT_DOUBLE_EQ(got.at("retaliation_arriving").get<double>(), want.at("retaliation_arriving").get<double>());
    }
  }
  // Withholding US warheads leaves the US fewer to strike with: the US is less tempted to strike.
  EXPECT_GT(points[1].at("sides").at("US").at("ratio").get<double>(),
            points[0].at("sides").at("US").at("ratio").get<double>());
  const test::CliRun text = test::run_cli("sweep us-ru-2026-11 --param sides.US.withheld --values 0,0.2");
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_NE(text.out.find("US strikes RU"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("retaliation"), std::string::npos) << text.out;
}

TEST(SweepCliTest, BadValuesAreLocatedAtTheirSetAndNothingRuns) {
  const test::CliRun r = test::run_cli("sweep kent-thaler-example --param sides.A.abstract.alert --values 0.5,1.7,2");
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_TRUE(r.out.empty()) << r.out;
  EXPECT_NE(r.err.find("--set sides.A.abstract.alert=1.7: error: sides.A.abstract.alert: expected a number of share "
                       "in [0, 1], got 1.7"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("--set sides.A.abstract.alert=2: error:"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("2 problems in the input; nothing was run"), std::string::npos) << r.err;

  // A misspelt key is wrong for every value and is reported once.
  const test::CliRun typo = test::run_cli("sweep kent-thaler-example --param sides.A.abstract.alrt --range 0:1:0.1");
  EXPECT_EQ(typo.exit_code, 3);
  EXPECT_NE(typo.err.find("did you mean 'alert'?"), std::string::npos) << typo.err;
  EXPECT_NE(typo.err.find("1 problem in the input"), std::string::npos) << typo.err;

  const test::CliRun step = test::run_cli("sweep kent-thaler-example --param sides.A.abstract.alert --range 0:1:0");
  EXPECT_EQ(step.exit_code, 3);
  EXPECT_NE(step.err.find("command line: error: --range: STEP must be positive"), std::string::npos) << step.err;
}

TEST(SweepCliTest, UsageErrorsExitTwo) {
  EXPECT_EQ(test::run_cli("sweep kent-thaler-example --values 0,1").exit_code, 2);  // no --param
  EXPECT_EQ(test::run_cli("sweep kent-thaler-example --param options.lua_share").exit_code, 2);
  EXPECT_EQ(test::run_cli("sweep kent-thaler-example --param options.lua_share --values 0.5 --range 0:1:0.5").exit_code,
            2);
}

}  // namespace
}  // namespace stratstab

namespace stratstab {
namespace {

// Rows are produced as points are computed: each point reaches the callback before
// the next value's scenario is asked for, in value order.
TEST(SweepStreamTest, EachPointIsHandedOnBeforeTheNextIsLoaded) {
  const DataCatalog catalog{STRATSTAB_SOURCE_DIR "/data"};
  const auto file = catalog.scenario_path("kent-thaler-example");
  const std::vector<std::string> values{"0", "0.5", "1"};
  std::vector<std::string> events;
  evaluate_sweep(
      values,
      [&](const std::string& value) {
        events.push_back("load " + value);
        return load_scenario(file, {Override{kAlert, value}}, &catalog);
      },
      [&](SweepPoint point) {
        events.push_back("point " + point.value);
        // The same point as sweep_point gives on its own.
        const SweepPoint alone = sweep_point(load_scenario(file, {Override{kAlert, point.value}}, &catalog), "");
        EXPECT_DOUBLE_EQ(point.index, alone.index);
      });
  EXPECT_EQ(events, (std::vector<std::string>{"load 0", "point 0", "load 0.5", "point 0.5", "load 1", "point 1"}));
  // At the file's own alert, the worked example (docs/methods.md §7).
  std::vector<double> indices;
  evaluate_sweep(
      {"0.5"},
      [&](const std::string& value) {
        return load_scenario(file, {Override{kAlert, value}}, &catalog);
      },
      [&](SweepPoint point) { indices.push_back(point.index); });
  ASSERT_EQ(indices.size(), 1U);
  EXPECT_NEAR(indices[0], 0.350948, 1e-6);
}

// The inactive-key rule (include/stratstab/inactive_key.hpp): where it says a key cannot act, two values give the same
// result; where the enabling option is on, it says nothing.
class InactiveKeyTest : public ::testing::Test {
 protected:
  Scenario real(std::vector<Override> overrides) const {
    return prepare_scenario(load_scenario(catalog_.scenario_path("us-ru-2026-11"), overrides, &catalog_));
  }
  double index_with(std::vector<Override> overrides, const std::string& key, const std::string& value) const {
    overrides.push_back(Override{key, value});
    return evaluate_scenario(real(overrides)).index;
  }
  DataCatalog catalog_{STRATSTAB_SOURCE_DIR "/data"};
};

TEST_F(InactiveKeyTest, InactiveKeysGiveFlatResults) {
  struct Case {
    std::string key;
    std::string low;
    std::string high;
    std::vector<Override> options;  ///< the scenario's other options
    std::string reason_starts;
  };
  const std::vector<Case> cases{
      {"options.lua_share", "0.1", "0.9", {}, "options.launch_under_attack is false"},
      {"sides.US.flight_minutes.slbm", "8", "20", {}, "options.warning is false"},
      {"sides.RU.flight_minutes.icbm",
       "20",
       "35",
       {{"options.launch_under_attack", "true"}},
       "options.warning is false"},
      {"sides.RU.warning.decision_minutes_max",
       "6",
       "30",
       {{"options.warning", "true"}},
       "options.launch_under_attack is false"},
      {"sides.RU.command.perimeter", "0", "1", {{"sides.RU.command.survival", "1"}}, "sides.RU.command.survival is 1"},
      {"sides.RU.command.survival",
       "0.2",
       "0.9",
       {{"sides.RU.command.perimeter", "1"}},
       "sides.RU.command.perimeter is 1"},
  };
  for (const Case& c : cases) {
    std::vector<Override> at_low = c.options;
    at_low.push_back(Override{c.key, c.low});
    const std::optional<std::string> reason = inactive_key_reason(real(at_low), c.key);
    ASSERT_TRUE(reason.has_value()) << c.key;
    EXPECT_TRUE(reason->starts_with(c.reason_starts)) << c.key << ": " << *reason;
    EXPECT_DOUBLE_EQ(index_with(c.options, c.key, c.low), index_with(c.options, c.key, c.high)) << c.key;
  }
}

TEST_F(InactiveKeyTest, ActiveKeysAreNotFlagged) {
  const Scenario lua = real({{"options.launch_under_attack", "true"}});
  EXPECT_FALSE(inactive_key_reason(lua, "options.lua_share").has_value());
  // ... and there the share acts.
  EXPECT_NE(index_with({{"options.launch_under_attack", "true"}}, "options.lua_share", "0.1"),
            index_with({{"options.launch_under_attack", "true"}}, "options.lua_share", "0.9"));
  const Scenario warning = real({{"options.warning", "true"}, {"options.launch_under_attack", "true"}});
  EXPECT_FALSE(inactive_key_reason(warning, "sides.US.flight_minutes.slbm").has_value());
  EXPECT_FALSE(inactive_key_reason(warning, "sides.RU.warning.decision_minutes_max").has_value());
  const Scenario base = real({});
  EXPECT_FALSE(inactive_key_reason(base, "sides.US.withheld").has_value());
  EXPECT_FALSE(inactive_key_reason(base, "options.posture").has_value());
  // Abstract sides: the real-side options cannot act.
  const Scenario abstract = load_scenario(catalog_.scenario_path("kent-thaler-example"), {}, &catalog_);
  EXPECT_TRUE(inactive_key_reason(abstract, "options.posture").has_value());
  EXPECT_FALSE(inactive_key_reason(abstract, "sides.A.abstract.alert").has_value());
  EXPECT_EQ(inactive_key_reason(abstract, "name"),
            "name is text that labels the scenario; it does not enter the evaluation");
  EXPECT_TRUE(inactive_key_reason(base, "treaty").has_value());
}

TEST(ClosestWordTest, SuggestsTheNearestWithinTheLimit) {
  const std::vector<std::string> commands{"data", "assess", "treaty", "upload", "sweep"};
  EXPECT_EQ(closest_word("asess", commands), "assess");
  EXPECT_EQ(closest_word("sweeep", commands), "sweep");
  EXPECT_EQ(closest_word("frobnicate", commands), std::nullopt);
  EXPECT_EQ(closest_word("assess", commands), std::nullopt);  // nothing to suggest for a known word
  EXPECT_EQ(closest_word("dta", commands, 1), "data");
}

}  // namespace
}  // namespace stratstab

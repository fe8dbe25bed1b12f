// What a new user hit: `--set` errors located at the `--set` argument, relative paths
// in `--set`, treaty ids, mismatched snapshots, inactive sweep keys, unknown commands, whole-number
// options, Unicode names in `compare`, streamed sweep rows, list indices in `--set`, and the
// duplicated lines of the assess report. Each runs the stratstab command, as a user would.
#include <unistd.h>

#include <filesystem>
#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "test_support.hpp"

namespace stratstab {
namespace {

using test::CliRun;

CliRun run(const std::string& args) {
  return test::run_cli(args);
}

bool contains(const std::string& text, const std::string& needle) {
  return text.find(needle) != std::string::npos;
}

/// Runs the command from `dir` (the working directory), then returns to where the test was.
CliRun run_in(const std::filesystem::path& dir, const std::string& args) {
  const std::filesystem::path before = std::filesystem::current_path();
  std::filesystem::current_path(dir);
  CliRun r = run(args);
  std::filesystem::current_path(before);
  return r;
}

int count_of(const std::string& text, const std::string& needle) {
  int n = 0;
  for (auto at = text.find(needle); at != std::string::npos; at = text.find(needle, at + needle.size())) ++n;
  return n;
}

// ---- 2 and 2b.7: --set errors are the --set argument's, and say what is valid --------------------

TEST(CliSetTest, UnknownSideNamesTheSetAndTheSides) {
  const CliRun r = run("assess --set sides.us.withheld=0.1");
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_TRUE(r.out.empty());
  EXPECT_EQ(r.err,
            "--set sides.us.withheld=0.1: error: sides.us: no side 'us'; sides are US, RU\n"
            "stratstab: 1 problem in the input; nothing was run\n");
}

// Found by fuzz_scenario_loader (fuzz/findings/fuzz_scenario_loader/set-sides-without-sides): a --set
// under `sides` on a scenario that has no `sides` was an internal error (yaml-cpp's InvalidNode).
TEST(CliSetTest, SetUnderSidesOfAScenarioWithoutSidesIsAnInputError) {
  const test::TempDir dir;
  const auto file = dir.write("no-sides.yaml", "name: no-sides\noptions: {posture: day_to_day}\n");
  const CliRun r = run("assess " + file.string() + " --set sides.US.withheld=0.1");
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_FALSE(contains(r.err, "internal error")) << r.err;
  EXPECT_TRUE(contains(r.err, "--set sides.US.withheld=0.1: error: sides: expected two or three sides, got 1\n"))
      << r.err;
}

TEST(CliSetTest, MisspeltSectionIsLocatedAtTheSetNotTheFile) {
  const CliRun r = run("assess --set option.posture=generated");
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_TRUE(contains(r.err,
                       "--set option.posture=generated: error: option: unknown key 'option' in Scenario file; "
                       "did you mean 'options'?; expected one of: "))
      << r.err;
  EXPECT_FALSE(contains(r.err, ".yaml")) << r.err;  // nothing blamed on the scenario file
}

TEST(CliSetTest, MadeUpKeyAboveThePathIsLocatedAtTheSet) {
  const CliRun r = run("assess --set foo.bar=1");
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_TRUE(contains(r.err, "--set foo.bar=1: error: foo: unknown key 'foo' in Scenario file; expected one of: "))
      << r.err;
  EXPECT_FALSE(contains(r.err, ".yaml")) << r.err;
  // A misspelt option under an existing section, with what is valid there.
  const CliRun option = run("assess --set options.postur=generated");
  EXPECT_EQ(option.exit_code, 3);
  EXPECT_TRUE(contains(option.err, "--set options.postur=generated: error: options.postur: unknown key 'postur'"))
      << option.err;
  EXPECT_TRUE(contains(option.err, "did you mean 'posture'?")) << option.err;
}

// ---- 3: relative paths in --set resolve against the working directory ---------------------------

TEST(CliSetTest, RelativeForcePathInSetIsRelativeToTheWorkingDirectory) {
  const std::filesystem::path forces = std::filesystem::path(STRATSTAB_SOURCE_DIR) / "data" / "forces";
  const CliRun by_path = run_in(forces, "assess --json --set sides.US.force=./us-2026-11-01.yaml");
  ASSERT_EQ(by_path.exit_code, 0) << by_path.err;
  const CliRun by_id = run("assess --json");
  ASSERT_EQ(by_id.exit_code, 0) << by_id.err;
  EXPECT_DOUBLE_EQ(nlohmann::json::parse(by_path.out).at("stability").at("index").get<double>(),
                   nlohmann::json::parse(by_id.out).at("stability").at("index").get<double>());
  // From elsewhere the same relative path names nothing, and the message says which file was tried.
  const test::TempDir elsewhere;
  const CliRun missing = run_in(elsewhere.path(), "assess --set sides.US.force=./us-2026-11-01.yaml");
  EXPECT_EQ(missing.exit_code, 3);
  EXPECT_TRUE(contains(missing.err, "--set sides.US.force=./us-2026-11-01.yaml: error:")) << missing.err;
}

// ---- 4: a misspelt treaty id is refused at load, located ----------------------------------------

constexpr const char* kTreatyIds =
    "aggregate-cap, inf, new-start-informal, new-start, nonstrategic-freeze, sort, start-i";

TEST(CliScenarioTest, MisspeltTreatyIdIsALocatedErrorForEveryCommand) {
  const test::TempDir dir;
  const auto file = dir.write("typo.yaml",
                              "name: typo\ntreaty: new-strat\nsides:\n  US:\n    force: us-2026-11-01\n"
                              "  RU:\n    force: ru-2026-11-01\n");
  const std::string expected = file.string() +
                               ":2:9: error: treaty: unknown treaty id 'new-strat'; did you mean 'new-start'?; "
                               "expected a treaty file path or one of: " +
                               kTreatyIds;
  for (const std::string command : {"assess", "sensitivity", "compare"}) {
    const CliRun r = run(command + " " + file.string());
    EXPECT_EQ(r.exit_code, 3) << command;
    EXPECT_TRUE(r.out.empty()) << command << r.out;
    EXPECT_TRUE(contains(r.err, expected)) << command << ": " << r.err;
  }
  const CliRun set = run("assess --set treaty=start-2");
  EXPECT_EQ(set.exit_code, 3);
  EXPECT_TRUE(
      contains(set.err, std::string("--set treaty=start-2: error: treaty: unknown treaty id 'start-2'; did you mean "
                                    "'start-i'?; expected a treaty file path or one of: ") +
                            kTreatyIds))
      << set.err;
}

// ---- 5: a side given another country's snapshot -------------------------------------------------

TEST(CliScenarioTest, MismatchedSnapshotIsRefusedUnlessAllowed) {
  const CliRun refused = run("assess --set sides.US.force=ru-2026-11-01");
  EXPECT_EQ(refused.exit_code, 3);
  EXPECT_EQ(refused.err,
            "--set sides.US.force=ru-2026-11-01: error: sides.US.force: side 'US' is given snapshot 'ru-2026-11-01', a "
            "force of 'ru'; expected a snapshot of 'us' (e.g. us-2026-11-01), or --allow-mismatched-force to pair them "
            "on purpose\nstratstab: 1 problem in the input; nothing was run\n");
  const CliRun allowed = run("assess --allow-mismatched-force --set sides.US.force=ru-2026-11-01");
  EXPECT_EQ(allowed.exit_code, 0) << allowed.err;
  EXPECT_EQ(allowed.err,
            "--set sides.US.force=ru-2026-11-01: warning: sides.US.force: side 'US' is given snapshot 'ru-2026-11-01', "
            "a force of 'ru' (allowed by --allow-mismatched-force)\n");
  EXPECT_TRUE(contains(allowed.out, "Scenario: us-ru-2026-11")) << allowed.out;
  // In a file, the error is at the file's line.
  const test::TempDir dir;
  const auto file = dir.write(
      "swapped.yaml", "name: swapped\nsides:\n  US:\n    force: us-2026-11-01\n  RU:\n    force: us-2026-11-01\n");
  const CliRun in_file = run("assess " + file.string());
  EXPECT_EQ(in_file.exit_code, 3);
  EXPECT_TRUE(contains(in_file.err, file.string() + ":6:12: error: sides.RU.force: side 'RU' is given snapshot "
                                                    "'us-2026-11-01', a force of 'us'; expected a snapshot of 'ru'"))
      << in_file.err;
}

// ---- 6: a sweep over a key that cannot change anything says so -----------------------------------

TEST(CliSweepTest, InactiveKeyIsNamedOnStderrAndInJson) {
  const CliRun lua = run("sweep us-ru-2026-11 --param options.lua_share --values 0.5,0.9 --json");
  ASSERT_EQ(lua.exit_code, 0) << lua.err;
  const std::string reason =
      "options.launch_under_attack is false: the share launched under attack applies only when the victim launches "
      "under attack";
  EXPECT_EQ(lua.err,
            "stratstab: warning: options.lua_share has no effect in this scenario, so every row is the same: " +
                reason + "\n");
  const auto json = nlohmann::json::parse(lua.out);
  EXPECT_EQ(json.at("inactive"), reason);
  // The rows are indeed flat.
  EXPECT_DOUBLE_EQ(json.at("points")[0].at("index").get<double>(), json.at("points")[1].at("index").get<double>());
  // With launch under attack on, the key acts: no warning, inactive null.
  const CliRun on = run(
      "sweep us-ru-2026-11 --param options.lua_share --values 0.5,0.9 --json --set options.launch_under_attack=true");
  ASSERT_EQ(on.exit_code, 0) << on.err;
  EXPECT_EQ(on.err, "");
  EXPECT_TRUE(nlohmann::json::parse(on.out).at("inactive").is_null());

  const CliRun perimeter = run("sweep us-ru-2026-11 --param sides.RU.command.perimeter --values 0,1");
  ASSERT_EQ(perimeter.exit_code, 0) << perimeter.err;
  EXPECT_TRUE(contains(perimeter.err,
                       "warning: sides.RU.command.perimeter has no effect in this scenario, so every "
                       "row is the same: sides.RU.command.survival is 1 and "
                       "sides.RU.command.nodes is not given (no decapitation strike aims at it)"))
      << perimeter.err;
  const CliRun slbm = run("sweep us-ru-2026-11 --param sides.US.flight_minutes.slbm --values 10,15");
  ASSERT_EQ(slbm.exit_code, 0) << slbm.err;
  EXPECT_TRUE(contains(slbm.err,
                       "sides.US.flight_minutes.slbm has no effect in this scenario, so every row is the "
                       "same: options.warning is false"))
      << slbm.err;
}

// ---- 7: an unknown command suggests the closest ---------------------------------------------------

TEST(CliCommandTest, UnknownCommandIsNamedWithTheClosest) {
  const CliRun r = run("asess");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err,
            "stratstab: unknown command 'asess'; did you mean 'assess'?; commands: data, assess, treaty, upload, "
            "compare, sensitivity, sweep, uncertainty, pathways, verify, crisis, arms-race, docs, calc, wta, serve\n");
  const CliRun nested = run("data shwo us-2026-11-01");
  EXPECT_EQ(nested.exit_code, 2);
  EXPECT_TRUE(contains(nested.err, "stratstab: unknown command 'shwo'; did you mean 'show'?; commands: "))
      << nested.err;
  const CliRun far = run("--data-dir /tmp frobnicate");
  EXPECT_EQ(far.exit_code, 2);
  EXPECT_TRUE(contains(far.err, "stratstab: unknown command 'frobnicate'; commands: data, assess,")) << far.err;
  // A known command with a bad argument keeps CLI11's own message.
  const CliRun extra = run("data list --bogus");
  EXPECT_EQ(extra.exit_code, 2);
  EXPECT_FALSE(contains(extra.err, "unknown command")) << extra.err;
}

// ---- 8: integer options say "whole number" and exit 3 ---------------------------------------------

TEST(CliOptionTest, HorizonMonthsMustBeAWholeNumberInRange) {
  for (const std::string command : {"sensitivity", "upload us-2026-11-01"}) {
    const CliRun fraction = run(command + " --horizon-months 1.5");
    EXPECT_EQ(fraction.exit_code, 3) << command;
    EXPECT_EQ(fraction.err,
              "command line: error: --horizon-months: expected a whole number of months in [0, 600], got '1.5'\n"
              "stratstab: 1 problem in the input; nothing was run\n")
        << command;
    const CliRun large = run(command + " --horizon-months 601");
    EXPECT_EQ(large.exit_code, 3) << command;
    EXPECT_TRUE(contains(large.err, "--horizon-months: expected a whole number of months in [0, 600], got '601'"))
        << large.err;
  }
  const CliRun ok = run("upload us-2026-11-01 --horizon-months 12 --json");
  EXPECT_EQ(ok.exit_code, 0) << ok.err;
}

// ---- 13: compare aligns columns by display width ---------------------------------------------------

/// Display width of UTF-8 text: code points, East Asian wide ones (CJK, fullwidth) as 2.
std::size_t display_width(const std::string& text) {
  std::size_t width = 0;
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    const std::size_t length = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    char32_t code = length == 1 ? c : c & (0x7F >> length);
    for (std::size_t k = 1; k < length && i + k < text.size(); ++k) code = (code << 6) | (text[i + k] & 0x3F);
    width += (code >= 0x1100 && code <= 0x115F) || (code >= 0x2E80 && code <= 0xA4CF) ||
                     (code >= 0xAC00 && code <= 0xD7A3) || (code >= 0xF900 && code <= 0xFAFF) ||
                     (code >= 0xFF00 && code <= 0xFF60)
                 ? 2
                 : 1;
    i += length;
  }
  return width;
}

TEST(CliCompareTest, NonAsciiNamesKeepTheColumnsAligned) {
  const test::TempDir dir;
  const std::string sides = "sides:\n  US:\n    force: us-2026-11-01\n  RU:\n    force: ru-2026-11-01\n";
  const auto cyrillic = dir.write("cyrillic.yaml", "name: \"Россия–США\"\n" + sides);
  const auto chinese = dir.write("chinese.yaml", "name: \"美俄\"\n" + sides);
  const CliRun r = run("compare " + cyrillic.string() + " " + chinese.string() + " us-ru-2026-11");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::istringstream lines(r.out);
  std::string line;
  std::string scenario_row;
  std::string index_row;
  while (std::getline(lines, line)) {
    if (line.starts_with("scenario ")) scenario_row = line;
    if (line.starts_with("first-strike stability index")) index_row = line;
  }
  ASSERT_FALSE(scenario_row.empty()) << r.out;
  EXPECT_TRUE(contains(scenario_row, "Россия–США")) << scenario_row;
  EXPECT_TRUE(contains(scenario_row, "美俄")) << scenario_row;
  // Each name ends where its column's index ends: the same display width up to each column's end.
  EXPECT_EQ(display_width(scenario_row), display_width(index_row)) << r.out;
  const std::size_t first_end = scenario_row.find("Россия–США") + std::string("Россия–США").size();
  const std::size_t index_end = index_row.find(' ', index_row.find_first_of("0123456789"));
  EXPECT_EQ(display_width(scenario_row.substr(0, first_end)), display_width(index_row.substr(0, index_end))) << r.out;
}

TEST(CliSweepTest, NonAsciiValuesKeepTheColumnsAligned) {
  const CliRun r = run("sweep kent-thaler-example --param name --values 'Россия–США,美俄,x'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::istringstream lines(r.out);
  std::string line;
  std::vector<std::size_t> index_ends;  // display column where each row's index ends
  while (std::getline(lines, line)) {
    for (const char* value : {"value ", "Россия–США ", "美俄 ", "x "}) {
      if (!line.starts_with(value)) continue;
      const std::size_t index_start = line.find_first_not_of(' ', std::string(value).size());
      index_ends.push_back(display_width(line.substr(0, line.find(' ', index_start))));
    }
  }
  ASSERT_EQ(index_ends.size(), 4U) << r.out;
  for (std::size_t end : index_ends) EXPECT_EQ(end, index_ends.front()) << r.out;
}

// ---- 14: sweep rows are the same text as before ----------------------------------------------------

TEST(CliSweepTest, TextRowsAreUnchanged) {
  // The guide's example as the whole-table formatter printed it before rows were streamed.
  const CliRun r = run("sweep kent-thaler-example --param sides.A.abstract.alert --range 0:1:0.25");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(
      r.out,
      "Sweep of sides.A.abstract.alert in scenario example (abstract sides): 5 points\n"
      "\n"
      "                              A                             B\n"
      "value     index        C1        C2     ratio        C1        C2     ratio\n"
      "0      0.094417  0.488995  1.012965  0.482737  0.171326  0.875954  0.195588\n"
      "0.25   0.247085  0.488995  0.950325  0.514556  0.420625  0.875954  0.480191\n"
      "0.5    0.350948  0.488995  0.915362  0.534210  0.575457  0.875954  0.656948\n"
      "0.75   0.428791  0.488995  0.893072  0.547543  0.685976  0.875954  0.783118\n"
      "1      0.484862  0.488995  0.884109  0.553094  0.767893  0.875954  0.876635\n"
      "\n"
      "C1: cost of striking first; C2: cost of being struck first; ratio min(1, C1/C2); index: the product of the "
      "ratios.\n");
}

// ---- 15: list entries reachable by --set and sweep --param -----------------------------------------

TEST(CliSetTest, ListEntriesAreReachableAndIndicesChecked) {
  const auto index_of = [](const CliRun& r) {
    return nlohmann::json::parse(r.out).at("stability").at("index").get<double>();
  };
  const CliRun base = run("assess golden-dome --json");
  ASSERT_EQ(base.exit_code, 0) << base.err;
  const CliRun changed = run("assess golden-dome --json --set 'sides.US.defence.layers[0].sspk=0.25'");
  ASSERT_EQ(changed.exit_code, 0) << changed.err;
  EXPECT_NE(index_of(changed), index_of(base));
  // The same change written into the file gives the same index.
  const test::TempDir dir;
  const std::string original =
      test::slurp(std::filesystem::path(STRATSTAB_SOURCE_DIR) / "data/scenarios/golden-dome.yaml");
  const auto edited =
      dir.write("golden-dome.yaml", test::replace_once(original, "sspk: {value: 0.5,", "sspk: {value: 0.25,"));
  const CliRun file = run("assess --json " + edited.string());
  ASSERT_EQ(file.exit_code, 0) << file.err;
  EXPECT_DOUBLE_EQ(index_of(changed), index_of(file));

  const CliRun past = run("assess golden-dome --set 'sides.US.defence.layers[3].sspk=0.8'");
  EXPECT_EQ(past.exit_code, 3);
  EXPECT_EQ(past.err,
            "--set sides.US.defence.layers[3].sspk=0.8: error: sides.US.defence.layers: cannot set "
            "'sides.US.defence.layers[3].sspk': index 3 is out of range; the list has 3 entries (0 to 2)\n"
            "stratstab: 1 problem in the input; nothing was run\n");
  const CliRun not_list = run("assess golden-dome --set 'sides.US.defence[0].sspk=0.8'");
  EXPECT_EQ(not_list.exit_code, 3);
  EXPECT_TRUE(contains(not_list.err,
                       "cannot set 'sides.US.defence[0].sspk': 'sides.US.defence' is a mapping, not a "
                       "list"))
      << not_list.err;
  const CliRun bad_index = run("assess golden-dome --set 'sides.US.defence.layers[x].sspk=0.8'");
  EXPECT_EQ(bad_index.exit_code, 3);
  EXPECT_TRUE(contains(bad_index.err, "expected KEY=VALUE with a dotted key path (list entries as [N])"))
      << bad_index.err;

  const CliRun sweep = run("sweep golden-dome --param 'sides.US.defence.layers[0].sspk' --values 0.25,0.5 --json");
  ASSERT_EQ(sweep.exit_code, 0) << sweep.err;
  const auto points = nlohmann::json::parse(sweep.out).at("points");
  ASSERT_EQ(points.size(), 2U);
  EXPECT_DOUBLE_EQ(points[0].at("index").get<double>(), index_of(changed));
  EXPECT_DOUBLE_EQ(points[1].at("index").get<double>(), index_of(base));
}

// ---- 16: each strike's lines once in the assess report ---------------------------------------------

TEST(CliAssessReportTest, UploadBothPrintsEachTargetOnce) {
  const CliRun r = run("assess upload-both-24");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(count_of(r.out, "US strikes RU first\n"), 1) << r.out;
  EXPECT_EQ(count_of(r.out, "RU strikes US first\n"), 1) << r.out;
  // Each target class the striker spends on appears once per strike (twice in all: once as each
  // strike's victim class, since the two strikes have different victims; ss18 is Russian).
  EXPECT_EQ(count_of(r.out, "    on ss18 "), 1) << r.out;
}

// ---- issue 11 §1: a --set that breaks a check spanning several keys names the --set ----------------

/// 1-based line of the first line equal to `section` after the first line equal to `after`.
int line_after(const std::string& text, const std::string& after, const std::string& section) {
  std::istringstream in(text);
  std::string line;
  int n = 0;
  bool past = false;
  while (std::getline(in, line)) {
    ++n;
    if (line == after) past = true;
    if (past && line == section) return n;
  }
  return 0;
}

std::string scenario_file(const std::string& name) {
  return (std::filesystem::path(STRATSTAB_SOURCE_DIR) / "data" / "scenarios" / (name + ".yaml")).string();
}

TEST(CliSetTest, SetBreakingAMinMaxPairNamesTheSetAndTheSection) {
  // warning-lua's RU decision window is 3 to 10 minutes; a minimum of 20 breaks min <= max, a check
  // of two keys reported at their section (sides.RU.warning), whose mapping starts on the line
  // after RU's `    warning:`, column 7.
  const std::string file = scenario_file("warning-lua");
  const int line = line_after(test::slurp(file), "  RU:", "    warning:") + 1;
  ASSERT_GT(line, 1);
  // 20 is past the minimum's stated range [1, 6]: the range is widened in the same command (else
  // that is the error), and the widening is not part of the pair's problem.
  const CliRun r =
      run("assess warning-lua --set sides.RU.warning.decision_minutes_min=20 --set "
          "'sides.RU.warning.decision_minutes_min.range=[1, 20]'");
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_TRUE(r.out.empty()) << r.out;
  EXPECT_EQ(r.err,
            "--set sides.RU.warning.decision_minutes_min=20: error: sides.RU.warning: expected "
            "decision_minutes_min <= decision_minutes_max, got 20 > 10 (the rest of `sides.RU.warning` is at " +
                file + ":" + std::to_string(line) +
                ":7)\n"
                "stratstab: 1 problem in the input; nothing was run\n");
  // The other end of the pair, and the bombers' pair (US escape 8 to 15 minutes).
  const CliRun max =
      run("assess warning-lua --set sides.RU.warning.decision_minutes_max=2 --set "
          "'sides.RU.warning.decision_minutes_max.range=[2, 15]'");
  EXPECT_EQ(max.exit_code, 3);
  EXPECT_TRUE(contains(max.err,
                       "--set sides.RU.warning.decision_minutes_max=2: error: sides.RU.warning: expected "
                       "decision_minutes_min <= decision_minutes_max, got 3 > 2 (the rest of"))
      << max.err;
  const int us_line = line_after(test::slurp(file), "  US:", "    warning:") + 1;
  const CliRun bomber =
      run("assess warning-lua --set sides.US.warning.bomber_escape_minutes_max=5 --set "
          "'sides.US.warning.bomber_escape_minutes_max.range=[5, 20]'");
  EXPECT_EQ(bomber.exit_code, 3);
  EXPECT_EQ(bomber.err,
            "--set sides.US.warning.bomber_escape_minutes_max=5: error: sides.US.warning: expected "
            "bomber_escape_minutes_min <= bomber_escape_minutes_max, got 8 > 5 (the rest of "
            "`sides.US.warning` is at " +
                file + ":" + std::to_string(us_line) +
                ":7)\n"
                "stratstab: 1 problem in the input; nothing was run\n");
}

TEST(CliSetTest, SetBreakingTheLayerSharesNamesEverySetInvolved) {
  // golden-dome's three layers hold 0.4, 0.3 and 0.3 of the interceptors; 0.7 on the first makes
  // 1.3, and 0.5 on the second as well 1.5. The check is at `sides.US.defence`, whose mapping starts
  // on the line after `    defence:`.
  const std::string file = scenario_file("golden-dome");
  const int line = line_after(test::slurp(file), "  US:", "    defence:") + 1;
  ASSERT_GT(line, 1);
  const std::string at = " (the rest of `sides.US.defence` is at " + file + ":" + std::to_string(line) + ":7)\n";
  // 0.7 is past the first layer's stated range [0.2, 0.6], widened in the same command.
  const std::string widen = " --set 'sides.US.defence.layers[0].inventory_share.range=[0.2, 0.7]'";
  const CliRun one = run("assess golden-dome --set 'sides.US.defence.layers[0].inventory_share=0.7'" + widen);
  EXPECT_EQ(one.exit_code, 3);
  EXPECT_EQ(one.err,
            "--set sides.US.defence.layers[0].inventory_share=0.7: error: sides.US.defence: expected the "
            "layers' inventory_share to sum to at most 1, got 1.3" +
                at + "stratstab: 1 problem in the input; nothing was run\n");
  const CliRun two =
      run("assess golden-dome --set 'sides.US.defence.layers[0].inventory_share=0.7' --set "
          "'sides.US.defence.layers[1].inventory_share=0.5' --set sides.US.defence.sites=12" +
          widen);
  EXPECT_EQ(two.exit_code, 3);
  EXPECT_EQ(two.err,
            "--set sides.US.defence.layers[0].inventory_share=0.7, --set "
            "sides.US.defence.layers[1].inventory_share=0.5: error: sides.US.defence: expected the layers' "
            "inventory_share to sum to at most 1, got 1.5" +
                at + "stratstab: 1 problem in the input; nothing was run\n");
}

TEST(CliSetTest, SetOfAnotherKeyLeavesAFileProblemInTheFile) {
  // The same broken pair written in the file (RU's decision_minutes_min a plain 20), with a --set of
  // a key the check does not span: the problem is the file's and stays at its line.
  const test::TempDir dir;
  std::istringstream in(test::slurp(scenario_file("warning-lua")));
  std::string text;
  bool in_ru = false;
  int line = 0;
  int n = 0;
  for (std::string row; std::getline(in, row);) {
    ++n;
    in_ru = in_ru || row == "  RU:";
    if (in_ru && row == "    warning:") line = n + 1;
    if (in_ru && row.starts_with("      decision_minutes_min:")) row = "      decision_minutes_min: 20";
    text += row + "\n";
  }
  ASSERT_GT(line, 1);
  const auto edited = dir.write("warning-lua.yaml", text);
  const CliRun r = run("assess " + edited.string() + " --set sides.RU.warning.launch_minutes=3");
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_EQ(r.err, edited.string() + ":" + std::to_string(line) +
                       ":7: error: sides.RU.warning: expected decision_minutes_min <= decision_minutes_max, got 20 > "
                       "10\nstratstab: 1 problem in the input; nothing was run\n");
}

TEST(CliSetTest, SetOfAKeyThatAbstractSidesDoNotTakeNamesTheSet) {
  // kent-thaler-example's sides are abstract: `force` next to `abstract`, `withheld`, or a warning
  // chain is refused at the side (sides.A, whose mapping starts on the line after `  A:`), a check
  // of the side's keys together; given by --set, the --set is named.
  const std::string file = scenario_file("kent-thaler-example");
  const int line = line_after(test::slurp(file), "sides:", "  A:") + 1;
  ASSERT_GT(line, 1);
  const std::string at = " (the rest of `sides.A` is at " + file + ":" + std::to_string(line) + ":5)\n" +
                         "stratstab: 1 problem in the input; nothing was run\n";
  const std::pair<const char*, const char*> cases[] = {
      {"sides.A.force=us-2026-11-01",
       "expected exactly one of `abstract` (Kent–Thaler's abstract form) or `force` (a force snapshot id or file)"},
      {"sides.A.withheld=0.1", "`withheld` and `upload_months` apply to real sides (`force`) only"},
      {"sides.A.warning.launch_minutes=2", "`warning` applies to real sides (`force`) only"},
  };
  for (const auto& [set, message] : cases) {
    const CliRun r = run(std::string("assess kent-thaler-example --set ") + set);
    EXPECT_EQ(r.exit_code, 3) << set;
    EXPECT_EQ(r.err, std::string("--set ") + set + ": error: sides.A: " + message + at);
  }
}

}  // namespace
}  // namespace stratstab

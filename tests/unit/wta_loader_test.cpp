// WTA problem files: every class of error located by line and key path, and `stratstab wta` end
// to end (text, --json keys, exit code 3).
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "stratstab/json.hpp"
#include "stratstab/report.hpp"
#include "stratstab/wta.hpp"
#include "test_support.hpp"

namespace stratstab {
namespace {

using test::find_by_key;
using test::line_of;
using test::TempDir;

const char* kGood = R"(name: test
weapons:
  - {id: icbm, available: 20}
  - {id: slbm, available: 10}
targets:
  - {id: "1", value: 60, min_weapons: 3}
  - {id: "2", value: 30}
kill_probability:
  - {weapon: icbm, target: "1", p: 0.5}
  - {weapon: slbm, target: "1", p: 0.3}
  - {weapon: slbm, target: "2", p: 0.4}
)";

std::vector<Diagnostic> errors_of(const TempDir& dir, const std::string& text) {
  const auto path = dir.write("problem.yaml", text);
  auto result = read_wta_problem(path);
  EXPECT_FALSE(result.value.has_value());
  return result.diagnostics;
}

void expect_error(const std::string& text, const std::string& key_path, const std::string& needle,
                  const std::string& line_text) {
  TempDir dir;
  const auto d = errors_of(dir, text);
  const Diagnostic* found = find_by_key(d, key_path);
  ASSERT_NE(found, nullptr) << test::dump(d);
  EXPECT_NE(found->message.find(needle), std::string::npos) << found->message;
  EXPECT_EQ(found->where.line, line_of(text, line_text)) << test::dump(d);
  EXPECT_GT(found->where.column, 0);
  EXPECT_NE(format_diagnostic(*found).find("problem.yaml:"), std::string::npos);
}

TEST(WtaLoaderTest, ReadsAGoodFile) {
  TempDir dir;
  const auto result = read_wta_problem(dir.write("problem.yaml", kGood));
  ASSERT_TRUE(result.value.has_value()) << test::dump(result.diagnostics);
  EXPECT_EQ(result.value->weapons.size(), 2u);
  EXPECT_EQ(result.value->targets[0].min_weapons, 3);
  EXPECT_EQ(result.value->kill_probability[2].weapon, 1u);
  EXPECT_EQ(result.value->kill_probability[2].target, 1u);
}

TEST(WtaLoaderTest, EachErrorIsLocated) {
  const std::string good = kGood;
  expect_error(test::replace_once(good, "p: 0.3", "p: 1.5"), "kill_probability[1].p", "expected", "p: 1.5");
  // A subnormal p gave a NaN bound reported as proven; the key table's floor refuses it.
  expect_error(test::replace_once(good, "p: 0.3", "p: 4.9e-324"), "kill_probability[1].p",
               "expected a number of probability in [0, 1], either 0 or at least 1e-06, got 4.94066e-324",
               "p: 4.9e-324");
  expect_error(test::replace_once(good, "p: 0.3", "p: .nan"), "kill_probability[1].p", "expected", "p: .nan");
  expect_error(test::replace_once(good, "{weapon: slbm, target: \"2\"", "{weapon: sblm, target: \"2\""),
               "kill_probability[2].weapon", "unknown weapon id 'sblm'; did you mean 'slbm'?", "weapon: sblm");
  expect_error(test::replace_once(good, "target: \"2\"", "target: \"3\""), "kill_probability[2].target",
               "unknown target id '3'", "target: \"3\"");
  expect_error(test::replace_once(good, "  - {id: slbm, available: 10}\n",
                                  "  - {id: slbm, available: 10}\n  - {id: icbm, available: 5}\n"),
               "weapons[2].id", "duplicate weapon id 'icbm' (first at weapons[0])", "available: 5");
  expect_error(
      test::replace_once(good, "{weapon: slbm, target: \"2\", p: 0.4}", "{weapon: slbm, target: \"1\", p: 0.4}"),
      "kill_probability[2]", "duplicate pair weapon 'slbm', target '1'", "p: 0.4");
  expect_error(test::replace_once(good, "available: 10", "available: -1"), "weapons[1].available", "expected",
               "available: -1");
  expect_error(test::replace_once(good, "value: 30", "value: -30"), "targets[1].value", "expected", "value: -30");
  expect_error(test::replace_once(good, "min_weapons: 3", "min_weapons: -3"), "targets[0].min_weapons", "expected",
               "min_weapons: -3");
  expect_error(test::replace_once(good, "available: 10", "available: 2.5"), "weapons[1].available", "whole",
               "available: 2.5");
  expect_error(test::replace_once(good, "min_weapons: 3", "min_weapons: 1.5"), "targets[0].min_weapons", "whole",
               "min_weapons: 1.5");
  expect_error(test::replace_once(good, "{id: \"2\", value: 30}", "{id: \"2\", value: 30, min_weapons: 12}"),
               "targets[1].min_weapons",
               "minimums cannot be met: target '2' needs at least 12 weapons in all, but the weapons that can "
               "reach it ('slbm') number only 10",
               "min_weapons: 12");
  expect_error(test::replace_once(good, "min_weapons: 3", "min_weapons: 40"), "targets",
               "the minimums add up to 40 weapons but only 30 are available", "{id: \"1\"");
  expect_error(test::replace_once(good, "{id: \"2\", value: 30}", "{id: \"2\", value: 30, min_weapon: 1}"),
               "targets[1].min_weapon", "did you mean 'min_weapons'?", "min_weapon: 1");
  expect_error(test::replace_once(good, "{id: slbm, available: 10}", "{id: slbm}"), "weapons[1].available",
               "missing required key 'available'", "{id: slbm}");
}

// The kill probabilities as CSV (kill_probability_csv): the same problem as the YAML list, and each
// error located in the CSV file with the YAML form's key path and message.
const std::string kGoodCsvHead =
    std::string(kGood).substr(0, std::string(kGood).find("kill_probability:")) + "kill_probability_csv: pk.csv\n";
const char* kGoodCsv = "weapon,target,p\nicbm,1,0.5\nslbm,\"1\",0.3\n\n# a comment\nslbm, 2 ,0.4\r\n";

TEST(WtaLoaderTest, CsvTableIsTheSameProblemAsTheList) {
  TempDir dir;
  const auto listed = read_wta_problem(dir.write("list.yaml", kGood));
  dir.write("pk.csv", kGoodCsv);
  const auto csv = read_wta_problem(dir.write("problem.yaml", kGoodCsvHead));
  ASSERT_TRUE(listed.value.has_value() && csv.value.has_value()) << test::dump(csv.diagnostics);
  ASSERT_EQ(csv.value->kill_probability.size(), listed.value->kill_probability.size());
  for (std::size_t k = 0; k < csv.value->kill_probability.size(); ++k) {
    EXPECT_EQ(csv.value->kill_probability[k].weapon, listed.value->kill_probability[k].weapon);
    EXPECT_EQ(csv.value->kill_probability[k].target, listed.value->kill_probability[k].target);
    EXPECT_EQ(csv.value->kill_probability[k].p, listed.value->kill_probability[k].p);
  }
  EXPECT_EQ(solve_wta(*csv.value).objective, solve_wta(*listed.value).objective);
}

/// The CSV's diagnostic at `key_path`: in pk.csv at `line`, `column`, its message containing `needle`.
void expect_csv_error(const std::string& csv, const std::string& key_path, const std::string& needle, int line,
                      int column, const std::string& head = kGoodCsvHead) {  // NOLINT
  TempDir dir;
  dir.write("pk.csv", csv);
  const auto d = errors_of(dir, head);
  const Diagnostic* found = find_by_key(d, key_path);
  ASSERT_NE(found, nullptr) << test::dump(d);
  EXPECT_NE(found->message.find(needle), std::string::npos) << found->message;
  EXPECT_EQ(found->where.line, line) << test::dump(d);
  EXPECT_EQ(found->where.column, column) << test::dump(d);
  EXPECT_NE(found->where.file.find("pk.csv"), std::string::npos) << found->where.file;
}

TEST(WtaLoaderTest, CsvErrorsAreLocatedInTheCsvFile) {
  const std::string good = kGoodCsv;
  expect_csv_error(test::replace_once(good, "0.3", "1.5"), "kill_probability[1].p",
                   "expected a number of probability in [0, 1], either 0 or at least 1e-06, got 1.5", 3, 10);
  expect_csv_error(test::replace_once(good, "0.3", "abc"), "kill_probability[1].p", "got 'abc'", 3, 10);
  expect_csv_error(test::replace_once(good, "0.3", "0.3x"), "kill_probability[1].p", "got '0.3x'", 3, 10);
  expect_csv_error(test::replace_once(good, "slbm, 2", "sblm, 2"), "kill_probability[2].weapon",
                   "unknown weapon id 'sblm'; did you mean 'slbm'?", 6, 1);
  expect_csv_error(test::replace_once(good, " 2 ,", " 3 ,"), "kill_probability[2].target", "unknown target id '3'", 6,
                   7);
  expect_csv_error(test::replace_once(good, "icbm,1,0.5", "icbm,1"), "kill_probability[0]",
                   "expected 3 fields weapon,target,p, got 2", 2, 1);
  expect_csv_error(test::replace_once(good, "weapon,target,p", "weapon;target;p"), "kill_probability_csv",
                   "expected the header line weapon,target,p", 1, 1);
  // validate_wta's own checks (a duplicate pair) are located at the CSV row too.
  expect_csv_error(test::replace_once(good, "slbm, 2 ,0.4", "slbm,1,0.4"), "kill_probability[2]",
                   "duplicate pair weapon 'slbm', target '1'", 6, 1);
  // Both forms, or neither: refused at the problem file.
  TempDir dir;
  dir.write("pk.csv", good);
  const auto both = errors_of(dir, std::string(kGood) + "kill_probability_csv: pk.csv\n");
  ASSERT_NE(find_by_key(both, "kill_probability_csv"), nullptr) << test::dump(both);
  const auto neither = errors_of(dir, test::replace_once(kGoodCsvHead, "kill_probability_csv: pk.csv\n", ""));
  ASSERT_NE(find_by_key(neither, "kill_probability"), nullptr) << test::dump(neither);
  const auto missing = errors_of(dir, test::replace_once(kGoodCsvHead, "pk.csv", "none.csv"));
  ASSERT_EQ(missing.size(), 1U) << test::dump(missing);
  EXPECT_NE(missing[0].message.find("file not found"), std::string::npos) << missing[0].message;
}

TEST(WtaLoaderTest, TheBundledExampleLoadsAndSolves) {
  const WtaProblem p = load_wta_problem(std::string(STRATSTAB_SOURCE_DIR) + "/data/wta/counterforce-example.yaml");
  const WtaSolution s = solve_wta(p);
  EXPECT_TRUE(s.converged);
  EXPECT_LE(s.relative_gap, 1e-9);
  EXPECT_TRUE(s.rounding.meets_minimums);
  EXPECT_TRUE(s.greedy.meets_minimums);
}

// No usable kill-probability pair crashed `stratstab wta` (exit 139): now value 0, bound 0.
TEST(CliWtaTest, NoUsablePairSolvesToZero) {
  TempDir dir;
  for (const std::string pairs : {"[]", "[{weapon: w, target: t, p: 0}]"}) {
    SCOPED_TRACE(pairs);
    const auto path = dir.write("empty.yaml",
                                "weapons: [{id: w, available: 1}]\ntargets: [{id: t, value: 1}]\n"
                                "kill_probability: " +
                                    pairs + "\n");
    const test::CliRun run = test::run_cli("wta " + path.string() + " --json");
    ASSERT_EQ(run.exit_code, 0) << run.err;
    const auto json = nlohmann::json::parse(run.out);
    EXPECT_EQ(json["objective"], 0.0);
    EXPECT_EQ(json["upper_bound"], 0.0);
    EXPECT_EQ(json["converged"], true);
  }
}

// A bound that is not the Lagrangian dual (the solver's fallback when the dual is not finite) is
// never labelled as the dual.
TEST(WtaReportTest, BoundIsLabelledByItsKind) {
  WtaProblem p;
  p.weapons = {{"w", 1}};
  p.targets = {{"t", 2, 0}};
  WtaSolution s;
  s.weapon_prices = {0};
  s.upper_bound = 2;
  EXPECT_NE(format_wta(p, s).find("(proven: Lagrangian dual)"), std::string::npos);
  EXPECT_EQ(wta_to_json(p, s).at("bound"), "lagrangian_dual");
  s.bound_is_dual = false;
  const std::string text = format_wta(p, s);
  EXPECT_EQ(text.find("Lagrangian dual"), std::string::npos) << text;
  EXPECT_NE(text.find("(proven: total target value; the dual was not finite)"), std::string::npos) << text;
  EXPECT_EQ(wta_to_json(p, s).at("bound"), "total_value");
}

TEST(CliWtaTest, TextJsonAndExitCodes) {
  TempDir dir;
  const auto path = dir.write("problem.yaml", kGood);
  const test::CliRun text = test::run_cli("wta " + path.string());
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_NE(text.out.find("upper bound"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("converged"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("greedy"), std::string::npos) << text.out;

  const test::CliRun json_run = test::run_cli("wta " + path.string() + " --json");
  ASSERT_EQ(json_run.exit_code, 0) << json_run.err;
  const auto json = nlohmann::json::parse(json_run.out);
  for (const char* key : {"objective", "upper_bound", "relative_gap", "assignment", "weapon_prices", "integer"}) {
    EXPECT_TRUE(json.contains(key)) << key;
  }
  EXPECT_LE(json.at("relative_gap").get<double>(), 1e-9);
  EXPECT_GE(json.at("upper_bound").get<double>(), json.at("objective").get<double>());
  for (const char* method : {"rounding", "greedy"}) {
    const auto& answer = json.at("integer").at(method);
    EXPECT_TRUE(answer.contains("objective") && answer.contains("gap") && answer.contains("assignment")) << method;
    EXPECT_LE(answer.at("objective").get<double>(), json.at("upper_bound").get<double>());
  }
  const auto& first = json.at("assignment").at(0);
  EXPECT_TRUE(first.contains("weapon") && first.contains("target") && first.contains("x"));

  const auto bad = dir.write("bad.yaml", test::replace_once(kGood, "p: 0.3", "p: 1.5"));
  const test::CliRun error = test::run_cli("wta " + bad.string());
  EXPECT_EQ(error.exit_code, 3);
  EXPECT_TRUE(error.out.empty());
  EXPECT_NE(error.err.find("bad.yaml:10:"), std::string::npos) << error.err;
  EXPECT_NE(error.err.find("kill_probability[1].p"), std::string::npos) << error.err;
}

}  // namespace
}  // namespace stratstab

// `stratstab treaty list|count` and `stratstab upload` end to end: the official New START
// aggregates through the CLI, JSON keys, and located errors for bad options and files.
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "test_support.hpp"

namespace stratstab {
namespace {

using test::CliRun;

TEST(CliTreatyTest, CountGivesOfficialNewStartAggregates) {
  struct Case {
    const char* id;
    int deployed, warheads, launchers;
  };
  for (const Case& c : {Case{"us-2023-03-01", 662, 1419, 800}, Case{"us-2022-03-01", 686, 1515, 800},
                        Case{"us-2020-09-01", 675, 1457, 800}, Case{"ru-2022-03-01", 526, 1474, 761}}) {
    const CliRun r = test::run_cli(std::string("treaty count ") + c.id + " --json");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto j = nlohmann::json::parse(r.out);
    EXPECT_EQ(j["treaty"], "new-start");
    EXPECT_EQ(j["deployed_vehicles"], c.deployed) << c.id;
    EXPECT_EQ(j["warheads"], c.warheads) << c.id;
    EXPECT_EQ(j["launchers"], c.launchers) << c.id;
    EXPECT_EQ(j["compliant"], true);
    EXPECT_TRUE(j["violations"].empty());
    EXPECT_EQ(j["limits"][1]["headroom"], 1550 - c.warheads);
  }
}

TEST(CliTreatyTest, CountTextShowsHeadroom) {
  const CliRun r = test::run_cli("treaty count us-2023-03-01");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("warheads                         1419     1550       131  yes"), std::string::npos) << r.out;
}

TEST(CliTreatyTest, ViolationsListedInJson) {
  const CliRun r = test::run_cli("treaty count ru-2026-11-01 --treaty inf --json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["compliant"], false);
  ASSERT_EQ(j["violations"].size(), 1U);
  EXPECT_EQ(j["banned_launchers"], 19);  // Oreshnik 3 + 9M729 16
}

TEST(CliTreatyTest, AggregateCapParameterCanBeSet) {
  const CliRun r =
      test::run_cli("treaty count us-2025-01-01 --treaty aggregate-cap --limit total_warheads=4000 --json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["limits"][0]["limit"], 4000);
  EXPECT_EQ(j["limits"][0]["overridden"], true);
  EXPECT_EQ(j["total_warheads"], 3700);  // SIPRI 2025: 1,770 deployed (1,670 strategic + 100 B61) + 1,930 stored
}

TEST(CliTreatyTest, BadLimitOptionIsAnInputError) {
  const CliRun r = test::run_cli("treaty count us-2023-03-01 --limit bogus=3 --limit warheads=x");
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("command line: error: --limit: treaty 'new-start' has no limit 'bogus'"), std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("limit warheads: got 'x'; expected a number"), std::string::npos) << r.err;
}

TEST(CliTreatyTest, UnknownTreatyListsIds) {
  const CliRun r = test::run_cli("treaty count us-2023-03-01 --treaty salt-ii");
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("unknown treaty id 'salt-ii'; expected a file path or one of: aggregate-cap"), std::string::npos)
      << r.err;
}

TEST(CliTreatyTest, BadTreatyFileGivesLocatedError) {
  const test::TempDir dir;
  const auto file = dir.write("bad.yaml", "schema: 1\nid: bad\n");
  const CliRun r = test::run_cli("treaty count us-2023-03-01 --treaty " + file.string());
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find(file.string() + ":1:1: error: name: missing required key 'name'"), std::string::npos) << r.err;
}

TEST(CliTreatyTest, ListNamesEveryRegime) {
  const CliRun r = test::run_cli("treaty list --json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  std::vector<std::string> ids;
  for (const auto& t : j) ids.push_back(t["id"]);
  EXPECT_EQ(ids, (std::vector<std::string>{"aggregate-cap", "inf", "new-start-informal", "new-start",
                                           "nonstrategic-freeze", "sort", "start-i"}));
}

TEST(CliTreatyTest, UploadJsonPathAndCrossings) {
  const CliRun r = test::run_cli("upload us-2026-11-01 --horizon-months 12 --json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["treaty"], "new-start");
  ASSERT_EQ(j["steps"].size(), 13U);
  EXPECT_EQ(j["steps"][0]["treaty_counts"]["warheads"], 1418);
  EXPECT_LE(j["total_added"].get<double>(), j["storage"]["initial"].get<double>());
  EXPECT_EQ(j["crossings"][1]["limit"], "warheads");
  EXPECT_TRUE(j["crossings"][1]["month"].is_number());
  EXPECT_FALSE(j["assumed"].empty());
}

TEST(CliTreatyTest, UploadHorizonOutOfRangeIsAnInputError) {
  // An option value out of range is an input error (exit 3), as documented (docs/usersguide.md, exit codes).
  const test::CliRun r = test::run_cli("upload us-2026-11-01 --horizon-months 1000");
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("command line: error: --horizon-months: expected a whole number of months in [0, 600], got "
                       "'1000'"),
            std::string::npos)
      << r.err;
}

TEST(CliAssessTest, Issue5ScenariosShowWhatMovedTheIndex) {
  // Each scenario with defences, command, warning or forward systems (docs/methods.md §12) names the
  // features it switches off, and its JSON carries them.
  const std::vector<std::pair<const char*, const char*>> cases{
      {"golden-dome", "US missile defence"},
      {"perimeter", "RU devolution route Perimeter"},
      {"oreshnik-belarus", "RU forward-based systems"},
      {"dark-eagle-germany", "US forward-based systems"},
      {"warning-lua", "warning model (fixed launch-under-attack share instead)"}};
  for (const auto& [name, feature] : cases) {
    const test::CliRun text = test::run_cli(std::string("assess ") + name + " --set options.draw_down=greedy");
    EXPECT_EQ(text.exit_code, 0) << name << text.err;
    EXPECT_NE(text.out.find("What moved the index"), std::string::npos) << name;
    EXPECT_NE(text.out.find(feature), std::string::npos) << name;
    const test::CliRun json = test::run_cli(std::string("assess ") + name + " --set options.draw_down=greedy --json");
    ASSERT_EQ(json.exit_code, 0) << name << json.err;
    EXPECT_NE(json.out.find("\"what_moved_it\""), std::string::npos) << name;
  }
  const test::CliRun bad = test::run_cli("assess golden-dome --set sides.US.defence.covers=cities");
  EXPECT_EQ(bad.exit_code, 3);
  EXPECT_TRUE(bad.out.empty());
  EXPECT_EQ(bad.err,
            "--set sides.US.defence.covers=cities: error: sides.US.defence.covers: unknown covers 'cities'; expected "
            "one of: value | silos | both\nstratstab: 1 problem in the input; nothing was run\n");
}

}  // namespace
}  // namespace stratstab

namespace stratstab {
namespace {

TEST(CliCompareTest, LibraryScenariosSideBySide) {
  const test::CliRun r = test::run_cli("compare baseline-2025 upload-both-24 us-ru-cn-2030 --json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto json = nlohmann::json::parse(r.out);
  ASSERT_EQ(json.size(), 3U);
  // The baseline's New START counts are the per-system counts of `treaty count` (US 2025: 662
  // deployed vehicles; 799 launchers = 454 ICBM + 280 SLBM + 46 B-52H + 19 B-2A, the B-2A fleet
  // after the FY2025 divestment; stratstab treaty count us-2025-01-01).
  const auto& us = json.at(0).at("sides").at("US");
  EXPECT_EQ(us.at("treaty").at("limits").at("deployed_vehicles").at("count").get<double>(), 662);
  EXPECT_EQ(us.at("treaty").at("limits").at("launchers").at("count").get<double>(), 799);
  // Central-exchange warheads add up by leg.
  double legs = 0;
  for (const auto& [leg, n] : us.at("warheads_by_leg").items()) legs += n.get<double>();
  EXPECT_NEAR(legs, us.at("warheads_total").get<double>(), 1e-9);
  // 24 months of upload put both sides over New START's 1,550 and add warheads.
  const auto& up = json.at(1).at("sides");
  EXPECT_FALSE(up.at("US").at("treaty").at("compliant").get<bool>());
  EXPECT_GT(up.at("US").at("warheads_total").get<double>(), us.at("warheads_total").get<double>());
  EXPECT_GT(up.at("RU").at("warheads_total").get<double>(),
            json.at(0).at("sides").at("RU").at("warheads_total").get<double>());
  // Each column's index is the one `assess` gives.
  // A three-sided column (docs/methods.md §13.5) carries the system index `assess` gives.
  const test::CliRun single = test::run_cli("assess us-ru-cn-2030 --json");
  EXPECT_DOUBLE_EQ(json.at(2).at("index").get<double>(),
                   nlohmann::json::parse(single.out).at("stability").at("index").get<double>());
  EXPECT_DOUBLE_EQ(nlohmann::json::parse(single.out).at("three_sided").at("system_index").get<double>(),
                   json.at(2).at("index").get<double>());
  const test::CliRun abstract = test::run_cli("compare kent-thaler-example");
  EXPECT_EQ(abstract.exit_code, 3);
  EXPECT_TRUE(abstract.out.empty());
  EXPECT_EQ(abstract.err,
            "stratstab: error: compare takes scenarios with real sides; 'kent-thaler-example' gives abstract sides "
            "(use `stratstab assess` for those)\n");
}

TEST(CliCompareTest, EveryLibraryScenarioRuns) {
  for (const char* name : {"baseline-2025", "informal-2026", "upload-both-24", "upload-us-24", "upload-ru-24",
                           "aggregate-cap-3500", "nonstrategic-freeze", "us-ru-2026-11", "golden-dome", "warning-lua",
                           "perimeter", "oreshnik-belarus", "dark-eagle-germany"}) {
    const test::CliRun a = test::run_cli(std::string("assess ") + name + " --set options.draw_down=greedy");
    EXPECT_EQ(a.exit_code, 0) << name << a.err;
    EXPECT_TRUE(a.err.empty()) << name << ": " << a.err;  // a bundled scenario runs without a warning
    // The text report prints the index the JSON carries (to six decimals).
    const test::CliRun j = test::run_cli(std::string("assess ") + name + " --set options.draw_down=greedy --json");
    ASSERT_EQ(j.exit_code, 0) << name << j.err;
    const double index = nlohmann::json::parse(j.out).at("stability").at("index").get<double>();
    EXPECT_NE(a.out.find(fmt::format("First-strike stability index (Kent & Thaler): {:.6f}  ", index)),
              std::string::npos)
        << name << ": " << index << "\n"
        << a.out;
  }
  const test::CliRun all = test::run_cli(
      "compare baseline-2025 informal-2026 upload-both-24 upload-us-24 upload-ru-24 aggregate-cap-3500 "
      "nonstrategic-freeze us-ru-cn-2035");
  EXPECT_EQ(all.exit_code, 0) << all.err;
  EXPECT_NE(all.out.find("total_warheads"), std::string::npos) << all.out;  // the aggregate cap's limit
}

}  // namespace
}  // namespace stratstab

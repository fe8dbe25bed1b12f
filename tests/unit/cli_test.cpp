// The stratstab command end to end: exit codes (0 ok, 1 check failed, 2 usage, 3 input) and the
// located messages a user sees on stderr.
#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "test_support.hpp"

namespace stratstab {
namespace {

using test::CliRun;

CliRun run(const std::string& args) {
  return test::run_cli(args);
}

/// The ids of the bundled files of one kind (`forces`, `scenarios`): the file names in the data
/// folder, sorted, joined by ", " as the messages list them.
std::string bundled_ids(const std::string& folder) {
  std::vector<std::string> ids;
  for (const auto& entry :
       std::filesystem::directory_iterator(std::filesystem::path(STRATSTAB_SOURCE_DIR) / "data" / folder)) {
    if (entry.path().extension() == ".yaml") ids.push_back(entry.path().stem().string());
  }
  std::sort(ids.begin(), ids.end());
  std::string joined;
  for (const std::string& id : ids) joined += (joined.empty() ? "" : ", ") + id;
  return joined;
}

TEST(CliTest, VersionPrintsProjectVersion) {
  const CliRun r = run("--version");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, "0.1.0\n");
}

TEST(CliTest, UsageErrorsExitTwo) {
  // Each usage error: exit 2, nothing on stdout, and what was wrong on stderr.
  const std::string help = "Run with --help for more information.\n";
  const std::pair<const char*, std::string> cases[] = {
      {"", "A subcommand is required\n" + help},
      {"data", "A subcommand is required\n" + help},
      {"data show", "ID is required\n" + help},
      {"data list --bogus", "The following argument was not expected: --bogus\n" + help},
      {"frobnicate",
       "stratstab: unknown command 'frobnicate'; commands: data, assess, treaty, upload, compare, sensitivity, sweep, "
       "uncertainty, pathways, verify, crisis, arms-race, docs, calc, wta, serve\n"},
  };
  for (const auto& [args, err] : cases) {
    const CliRun r = run(args);
    EXPECT_EQ(r.exit_code, 2) << args;
    EXPECT_TRUE(r.out.empty()) << args << ": " << r.out;
    EXPECT_EQ(r.err, err) << args;
  }
}

TEST(CliTest, UnknownSnapshotIdExitsThreeAndListsIds) {
  const CliRun r = run("data show us-1999-01-01");
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_TRUE(r.out.empty());
  EXPECT_EQ(r.err, "stratstab: error: unknown force snapshot id 'us-1999-01-01'; expected one of: " +
                       bundled_ids("forces") + "\n");
}

TEST(CliTest, BadFileGivesLocatedMessagesAndExitThree) {
  const test::TempDir dir;
  const auto file = dir.write("us-2020-09-01.yaml",
                              "schema: 1\nid: us-2020-09-01\nside: us\ndate: 2020-09-01\n"
                              "title: t\ninventory: {}\nw80: -3\nsystems: []\n");
  const CliRun r = run("data show " + file.string());
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_TRUE(r.out.empty());
  // All problems at once, each with file:line:column and key path.
  EXPECT_NE(r.err.find(file.string() + ":6:12: error: inventory.warheads_deployed: missing required key"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find(file.string() + ":7:6: error: w80: expected a number of warheads in [1, 100000], got -3"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find(file.string() + ":8:10: error: systems: expected a list with at least one entry"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("problems in the input; nothing was run"), std::string::npos) << r.err;
}

TEST(CliTest, DataCheckOnPartlySourcedFileExitsOne) {
  const CliRun r =
      run(std::string("data check --json ") + STRATSTAB_TEST_DATA_DIR + "/audit/forces/us-2020-09-01.yaml");
  EXPECT_EQ(r.exit_code, 1);
  const auto json = nlohmann::json::parse(r.out);
  EXPECT_EQ(json.at("figures").get<int>(), 35);
  EXPECT_EQ(json.at("unsourced").get<int>(), 3);
  EXPECT_EQ(json.at("unsourced_figures").size(), 3U);
}

TEST(CliTest, DataCheckOnBundledDataIsClean) {
  const CliRun r = run("data check --json");
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  const auto json = nlohmann::json::parse(r.out);
  EXPECT_TRUE(json.at("figures").is_number_integer());
  EXPECT_TRUE(json.at("unsourced").is_number_integer());
  EXPECT_GE(json.at("figures").get<int>(), 150);
  EXPECT_EQ(json.at("unsourced").get<int>(), 0);
  EXPECT_TRUE(json.at("load_errors").empty());
  // Every bibliography file is read on its own too, including those no snapshot cites (defence.yaml).
  EXPECT_GE(json.at("bibliography_files").get<int>(), 6);
  EXPECT_GE(json.at("sources").get<int>(), 100);
}

TEST(CliTest, ShowJsonCarriesProvenance) {
  const CliRun r = run("data show us-2020-09-01 --json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto json = nlohmann::json::parse(r.out);
  EXPECT_EQ(json.at("id"), "us-2020-09-01");
  const auto& first = json.at("systems").at(0).at("launchers_deployed");
  EXPECT_TRUE(first.at("grade").is_string());
  EXPECT_TRUE(first.at("src").is_string());
  EXPECT_TRUE(first.at("date").is_string());
}

TEST(CliTest, ListAndSummaryRun) {
  const CliRun list = run("data list");
  EXPECT_EQ(list.exit_code, 0) << list.err;
  EXPECT_NE(list.out.find("us-2026-11-01"), std::string::npos);
  EXPECT_NE(list.out.find("ru-2026-11-01"), std::string::npos);
  const CliRun summary = run("data summary --json");
  EXPECT_EQ(summary.exit_code, 0) << summary.err;
  EXPECT_FALSE(nlohmann::json::parse(summary.out).empty());
}

}  // namespace
}  // namespace stratstab

namespace stratstab {
namespace {

TEST(CliAssessTest, BundledExampleJsonCarriesTheIssueKeys) {
  const test::CliRun r = test::run_cli("assess kent-thaler-example --json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto json = nlohmann::json::parse(r.out);
  EXPECT_NEAR(json.at("stability").at("index").get<double>(), 0.350948, 1e-6);
  EXPECT_NEAR(json.at("stability").at("sides").at("A").at("c1").get<double>(), 0.488995, 1e-6);
  EXPECT_NEAR(json.at("stability").at("sides").at("B").at("c2").get<double>(), 0.875954, 1e-6);
  EXPECT_TRUE(json.at("stability").at("sides").at("A").contains("ratio_unclipped"));
  ASSERT_EQ(json.at("exchanges").size(), 2U);
  for (const char* key : {"striker", "victim", "counterforce_spent", "victim_surviving", "retaliation_arriving"}) {
    EXPECT_TRUE(json.at("exchanges").at(0).contains(key)) << key;
  }
}

TEST(CliAssessTest, SetAndErrors) {
  const test::CliRun lua = test::run_cli("assess kent-thaler-example --json --set options.launch_under_attack=true");
  ASSERT_EQ(lua.exit_code, 0) << lua.err;
  EXPECT_NEAR(nlohmann::json::parse(lua.out).at("stability").at("index").get<double>(), 0.929269, 1e-6);
  const test::CliRun bad = test::run_cli("assess kent-thaler-example --set sides.A.abstract.alert=1.7");
  EXPECT_EQ(bad.exit_code, 3);
  EXPECT_NE(
      bad.err.find("--set sides.A.abstract.alert=1.7: error: sides.A.abstract.alert: expected a number of share in "
                   "[0, 1], got 1.7"),
      std::string::npos)
      << bad.err;
  const test::CliRun unknown = test::run_cli("assess no-such-scenario");
  EXPECT_EQ(unknown.exit_code, 3);
  EXPECT_EQ(unknown.err, "stratstab: error: unknown scenario 'no-such-scenario'; expected a file path or one of: " +
                             bundled_ids("scenarios") + "\n");
  const test::CliRun default_run = test::run_cli("assess");  // the bundled default: US and Russia, 2026-11
  EXPECT_EQ(default_run.exit_code, 0) << default_run.err;
  EXPECT_NE(default_run.out.find("Scenario: us-ru-2026-11"), std::string::npos) << default_run.out;
}

}  // namespace
}  // namespace stratstab

namespace stratstab {
namespace {

TEST(CliAssessTest, DefaultRealAssessmentJsonCarriesTheIssueKeys) {
  const test::CliRun r = test::run_cli("assess --json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto json = nlohmann::json::parse(r.out);
  EXPECT_EQ(json.at("scenario").at("name"), "us-ru-2026-11");
  const double index = json.at("stability").at("index").get<double>();
  EXPECT_GT(index, 0.0);
  EXPECT_LE(index, 1.0);
  double product = 1.0;
  for (const char* side : {"US", "RU"}) {
    const auto& s = json.at("stability").at("sides").at(side);
    for (const char* key : {"c1", "c2", "ratio", "ratio_unclipped"}) EXPECT_TRUE(s.contains(key)) << side << key;
    product *= s.at("ratio").get<double>();
  }
  EXPECT_NEAR(index, product, 1e-12);  // FSI = r_US * r_RU
  ASSERT_EQ(json.at("exchanges").size(), 2U);
  for (const auto& e : json.at("exchanges")) {
    for (const char* key : {"striker", "victim", "counterforce_spent", "victim_surviving", "retaliation_arriving"}) {
      EXPECT_TRUE(e.contains(key)) << key;
    }
    // What the striker spends by target class adds up to the counterforce spent.
    double spent = 0;
    for (const auto& t : e.at("counterforce_by_target")) spent += t.at("spent").get<double>();
    EXPECT_NEAR(spent, e.at("counterforce_spent").get<double>(), 1e-6);
    EXPECT_NEAR(e.at("victim_surviving").get<double>() + e.at("victim_destroyed").get<double>(),
                e.at("victim_warheads").get<double>(), 1e-9);
  }
  EXPECT_EQ(json.at("postures").size(), 3U);
  EXPECT_TRUE(json.at("sides").at("US").at("silo_kill").at("warheads_needed").contains("50%"));
}

TEST(CliAssessTest, SetChangesTheRealScenario) {
  const auto index = [](const std::string& args) {
    const test::CliRun r = test::run_cli("assess us-ru-2026-11 --json " + args);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return nlohmann::json::parse(r.out).at("stability").at("index").get<double>();
  };
  const auto posture_index = [](const std::string& posture) {
    const test::CliRun r = test::run_cli("assess --json");
    const auto json = nlohmann::json::parse(r.out);
    for (const auto& row : json.at("postures")) {
      if (row.at("posture").get<std::string>() == posture) return row.at("index").get<double>();
    }
    return -1.0;
  };
  // The posture table in one run equals separate runs with --set options.posture.
  EXPECT_DOUBLE_EQ(index("--set options.posture=generated"), posture_index("generated"));
  EXPECT_DOUBLE_EQ(index("--set options.posture=striker_generated"), posture_index("striker_generated"));
  const test::CliRun bad = test::run_cli("assess --set sides.US.force=us-1999-01-01");
  EXPECT_EQ(bad.exit_code, 3);
  EXPECT_EQ(bad.err,
            "--set sides.US.force=us-1999-01-01: error: sides.US.force: expected a force snapshot id or file: unknown "
            "force snapshot id 'us-1999-01-01'; expected one of: " +
                bundled_ids("forces") + "\nstratstab: 1 problem in the input; nothing was run\n");
}

}  // namespace
}  // namespace stratstab

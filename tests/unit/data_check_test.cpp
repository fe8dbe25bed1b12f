// `data check` by file kind: the bundled data is checked file by file with the loader of its kind,
// a directory checks its files, a path's kind comes from its folder or its top-level keys.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "stratstab/audit.hpp"
#include "test_support.hpp"

namespace stratstab {
namespace {

using test::CliRun;
using test::run_cli;

const std::filesystem::path kData = std::filesystem::path(STRATSTAB_SOURCE_DIR) / "data";

// Counted independently of the command: the *.yaml files in one bundled folder.
int yaml_count(const std::string& folder) {
  int n = 0;
  for (const auto& e : std::filesystem::directory_iterator(kData / folder)) n += e.path().extension() == ".yaml";
  return n;
}

TEST(DataCheckTest, BundledDataIsCheckedByKindAndClean) {
  const CliRun r = run_cli("data check --json");
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  const auto json = nlohmann::json::parse(r.out);
  const auto& kinds = json.at("files_by_kind");
  for (const char* folder : {"forces", "scenarios", "treaties", "sources", "wta"}) {
    ASSERT_TRUE(kinds.contains(folder)) << folder;
    EXPECT_EQ(kinds.at(folder).get<int>(), yaml_count(folder)) << folder;
  }
  EXPECT_EQ(json.at("snapshots").get<int>(), yaml_count("forces"));
  EXPECT_EQ(json.at("bibliography_files").get<int>(), yaml_count("sources"));
  EXPECT_EQ(json.at("unsourced").get<int>(), 0);
  EXPECT_TRUE(json.at("load_errors").empty()) << json.at("load_errors").dump(2);
}

// Before: a treaty given to `data check` was read as a force snapshot (unknown keys, missing systems).
TEST(DataCheckTest, TreatyFileIsCheckedAsATreaty) {
  const CliRun r = run_cli("data check --json " + (kData / "treaties" / "new-start.yaml").string());
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  const auto json = nlohmann::json::parse(r.out);
  EXPECT_EQ(json.at("files_by_kind"), (nlohmann::json{{"treaties", 1}}));
  EXPECT_EQ(json.at("snapshots").get<int>(), 0);
  EXPECT_TRUE(json.at("load_errors").empty());
}

// A treaty with a treaty-schema error, outside any treaties/ folder: its kind comes from `limits:`
// and the error is the treaty loader's (located in the file), not a force snapshot's.
TEST(DataCheckTest, KindFromContentAndTreatyErrorsReported) {
  const test::TempDir dir;
  std::string text = test::slurp(kData / "treaties" / "new-start.yaml");
  for (std::size_t at = text.find("../sources/"); at != std::string::npos; at = text.find("../sources/", at)) {
    text.replace(at, std::string("../sources/").size(), (kData / "sources").string() + "/");  // every bibliography file
  }
  text = test::replace_once(text, "status: expired", "status: dormant");
  // Named for its id (a treaty file must be), but outside any treaties/ folder.
  const auto file = dir.write("new-start.yaml", text);
  EXPECT_EQ(detect_data_file_kind(file), DataFileKind::kTreaty);
  const CliRun r = run_cli("data check --json " + file.string());
  EXPECT_EQ(r.exit_code, 3) << r.out << r.err;
  const auto json = nlohmann::json::parse(r.out);
  EXPECT_EQ(json.at("files_by_kind"), (nlohmann::json{{"treaties", 1}}));
  ASSERT_EQ(json.at("load_errors").size(), 1U) << json.at("load_errors").dump(2);
  const auto& error = json.at("load_errors").at(0);
  EXPECT_EQ(error.at("key_path"), "status");
  EXPECT_EQ(error.at("line").get<int>(), test::line_of(text, "status: dormant"));
}

// Before: "is a directory" after an empty summary.
TEST(DataCheckTest, DirectoryChecksItsFiles) {
  const CliRun r = run_cli(std::string("data check --json ") + STRATSTAB_TEST_DATA_DIR + "/audit");
  const auto json = nlohmann::json::parse(r.out);
  // The fixture snapshot has 3 unsourced figures (audit_test.cpp); its two bibliography files load.
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  EXPECT_EQ(json.at("files_by_kind").at("forces").get<int>(), 1);
  EXPECT_EQ(json.at("unsourced").get<int>(), 3);
  EXPECT_TRUE(json.at("load_errors").empty()) << json.at("load_errors").dump(2);
}

TEST(DataCheckTest, UnknownKindAndMissingPathAreLoadErrors) {
  const test::TempDir dir;
  const auto file = dir.write("notes.yaml", "title: not a data file\n");
  const CliRun r = run_cli("data check " + file.string() + " " + (dir.path() / "absent.yaml").string());
  EXPECT_EQ(r.exit_code, 3) << r.out << r.err;
  EXPECT_NE(r.out.find(file.string() + ": error: cannot tell what kind of data file this is"), std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("absent.yaml: error: no such file or directory"), std::string::npos) << r.out;
}

// A scenario's missile-defence, command and warning values are figures too: an ASSUMED one without
// its range, a plain number and a source no bibliography defines are each reported, located.
TEST(DataCheckTest, ScenarioAssumptionsNeedRangesAndKnownSources) {
  const test::TempDir dir;
  const std::string text =
      "name: t\n"
      "sides:\n"
      "  US:\n"
      "    force: us-2026-11-01\n"
      "    command:\n"
      "      survival: {value: 0.9, grade: ASSUMED, src: blair-strategic-command-1985, date: 1985}\n"
      "      nodes: 10\n"
      "      node_kill_probability: {value: 0.9, grade: ASSUMED, src: nowhere-1999, date: 1999, range: [0.5, 1]}\n"
      "      perimeter: {value: 0, grade: ASSUMED, src: blair-strategic-command-1985, date: 1985, range: [0, 0]}\n"
      "  RU:\n"
      "    force: ru-2026-11-01\n";
  const auto file = dir.write("what-if.yaml", text);
  EXPECT_EQ(detect_data_file_kind(file), DataFileKind::kScenario);
  const CliRun r = run_cli("data check --json " + (kData / "sources").string() + " " + file.string());
  EXPECT_EQ(r.exit_code, 3) << r.out << r.err;  // the unknown source is a load error
  const auto json = nlohmann::json::parse(r.out);
  EXPECT_EQ(json.at("files_by_kind").at("scenarios").get<int>(), 1);
  EXPECT_EQ(json.at("figures").get<int>(), 4);
  ASSERT_EQ(json.at("unsourced_figures").size(), 2U) << json.at("unsourced_figures").dump(2);
  const auto& survival = json.at("unsourced_figures").at(0);
  EXPECT_EQ(survival.at("key_path"), "sides.US.command.survival");
  EXPECT_EQ(survival.at("line").get<int>(), test::line_of(text, "survival:"));
  EXPECT_EQ(survival.at("missing"), (nlohmann::json{"range"}));
  const auto& nodes = json.at("unsourced_figures").at(1);
  EXPECT_EQ(nodes.at("key_path"), "sides.US.command.nodes");
  EXPECT_EQ(nodes.at("missing"), (nlohmann::json{"source", "date", "grade"}));
  ASSERT_EQ(json.at("load_errors").size(), 1U) << json.at("load_errors").dump(2);
  EXPECT_EQ(json.at("load_errors").at(0).at("key_path"), "sides.US.command.node_kill_probability");
  EXPECT_NE(json.at("load_errors").at(0).at("message").get<std::string>().find("unknown source id 'nowhere-1999'"),
            std::string::npos);
}

TEST(DataCheckTest, DerivedFigureNeedsItsDerivation) {
  Figure f;
  f.value = 7;
  f.grade = Grade::kDerived;
  f.source_id = "x";
  f.date = "2024";
  EXPECT_FALSE(f.is_sourced());
  f.note = "derived: 19 - 12";
  EXPECT_TRUE(f.is_sourced());
  EXPECT_EQ(grade_from_string("DERIVED"), Grade::kDerived);
  EXPECT_EQ(to_string(Grade::kDerived), "DERIVED");
}

}  // namespace
}  // namespace stratstab

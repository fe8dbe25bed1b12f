// The web API's request translation (api_request.hpp): bodies become the CLI's command line, paths
// stay inside the data and results folders, and each malformed body gets its status.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "stratstab/api_request.hpp"

namespace stratstab::server {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;

class ApiRequestTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() /
            ("stratstab-api-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "-" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(root_);
    fs::create_directories(root_ / "data" / "scenarios");
    std::ofstream(root_ / "data" / "scenarios" / "mine.yaml") << "sides: {}\n";
    std::ofstream(root_ / "secret.yaml") << "outside\n";
    roots_ = PathRoots{root_ / "data", root_ / "results"};
  }
  void TearDown() override { fs::remove_all(root_); }

  int status_of(const ApiCommand& command, const json& body) const {
    try {
      (void)command_line(command, body, roots_);
    } catch (const ApiFailure& e) {
      return e.status();
    }
    return 200;
  }

  fs::path root_;
  PathRoots roots_;
  const ApiCommand assess_{"assess", {"assess"}, true, true, false};
  const ApiCommand count_{"treaty-count", {"treaty", "count"}, false, false, false};
};

TEST_F(ApiRequestTest, BodyBecomesTheCommandLine) {
  const json body =
      json::parse(R"({"scenario": "us-ru-2026-11", "set": {"options.warning": "none", "sides.US.upload_months": 12},
                                    "options": {"curves": 41, "quiet": true, "verbose": false}})");
  const std::vector<std::string> expected{
      "assess", "us-ru-2026-11", "--set", "options.warning=none", "--set", "sides.US.upload_months=12", "--curves",
      "41",     "--quiet",       "--json"};
  EXPECT_EQ(command_line(assess_, body, roots_), expected);
  const json listed = json::parse(R"({"args": ["us-2026-11-01"], "options": {"treaty": "new-start"}})");
  EXPECT_EQ(command_line(count_, listed, roots_),
            (std::vector<std::string>{"treaty", "count", "us-2026-11-01", "--treaty", "new-start", "--json"}));
  // Numbers keep the digits that read back to the same double.
  const json number = json::parse(R"({"set": ["sides.A.abstract.alert=0.7"], "options": {"samples": 0.1}})");
  const std::vector<std::string> line = command_line(assess_, number, roots_);
  EXPECT_EQ(line[2], "sides.A.abstract.alert=0.7");
  EXPECT_EQ(line[4], "0.1");
}

TEST_F(ApiRequestTest, PathsStayInsideTheDataAndResultsFolders) {
  const fs::path inside = command_line(assess_, json{{"scenario", "scenarios/mine.yaml"}}, roots_).at(1);
  EXPECT_EQ(inside, fs::weakly_canonical(root_ / "data" / "scenarios" / "mine.yaml"));
  EXPECT_EQ(status_of(assess_, json{{"scenario", "../secret.yaml"}}), 403);
  EXPECT_EQ(status_of(assess_, json{{"scenario", (root_ / "secret.yaml").string()}}), 403);
  EXPECT_EQ(status_of(assess_, json{{"scenario", "scenarios/../../secret.yaml"}}), 403);
  EXPECT_EQ(status_of(assess_, json{{"scenario", "/etc/passwd"}}), 403);
  EXPECT_EQ(status_of(assess_, json{{"scenario", "scenarios/none.yaml"}}), 404);
  EXPECT_EQ(status_of(assess_, json{{"set", {{"sides.US.force", "../secret.yaml"}}}}), 403);
  EXPECT_EQ(status_of(count_, json{{"args", {"../../etc/passwd"}}}), 403);
  EXPECT_EQ(status_of(assess_, json{{"options", {{"treaty", "/etc/passwd"}}}}), 403);
  // A bundled name is not a path: it passes unchanged for the command to resolve.
  EXPECT_FALSE(looks_like_path("us-ru-2026-11"));
  EXPECT_TRUE(looks_like_path("x.yaml"));
  EXPECT_TRUE(looks_like_path("a/b"));
  EXPECT_TRUE(looks_like_path("..\\b"));
}

TEST_F(ApiRequestTest, PastedYamlIsSavedInTheResultsFolderByItsContent) {
  const std::string yaml = "sides:\n  - id: A\n";
  const std::vector<std::string> first = command_line(assess_, json{{"yaml", yaml}}, roots_);
  const std::vector<std::string> again = command_line(assess_, json{{"yaml", yaml}}, roots_);
  EXPECT_EQ(first.at(1), again.at(1));
  const fs::path saved = first.at(1);
  EXPECT_EQ(saved.parent_path(), roots_.results_dir / "pasted");
  std::ifstream in(saved);
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_EQ(text, yaml);
  EXPECT_NE(command_line(assess_, json{{"yaml", yaml + "#\n"}}, roots_).at(1), first.at(1));
}

TEST_F(ApiRequestTest, MalformedBodiesAreRefusedWithTheirStatus) {
  EXPECT_EQ(status_of(assess_, json::array()), 400);
  EXPECT_EQ(status_of(assess_, json{{"scenarios", "x"}}), 400);                // unknown field
  EXPECT_EQ(status_of(assess_, json{{"scenario", "a"}, {"yaml", "b"}}), 400);  // both
  EXPECT_EQ(status_of(assess_, json{{"yaml", 3}}), 400);
  EXPECT_EQ(status_of(assess_, json{{"set", "x=1"}}), 400);
  EXPECT_EQ(status_of(assess_, json{{"set", {"no-equals"}}}), 400);
  EXPECT_EQ(status_of(assess_, json{{"options", {{"--curves", 3}}}}), 400);  // not a bare name
  EXPECT_EQ(status_of(assess_, json{{"options", {{"set", "x=1"}}}}), 400);
  EXPECT_EQ(status_of(assess_, json{{"args", {"--out"}}}), 400);  // an option as a positional
  EXPECT_EQ(status_of(assess_, json{{"options", {{"curves", json::object()}}}}), 400);
  EXPECT_EQ(status_of(count_, json{{"scenario", "x"}}), 400);  // takes none
  EXPECT_EQ(status_of(count_, json{{"set", {{"a", 1}}}}), 400);
  for (const std::string& refused : refused_options()) {
    EXPECT_EQ(status_of(assess_, json{{"options", {{refused, "x.sqlite"}}}}), 403) << refused;
  }
}

}  // namespace
}  // namespace stratstab::server

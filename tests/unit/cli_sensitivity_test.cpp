// `stratstab sensitivity` end to end: the default scenario's JSON carries the documented keys and
// agrees with itself (the path's month 0 is the base point; the index is the product of the
// clipped ratios), and bad input (an abstract scenario, an unknown side) exits 3 with a message.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "test_support.hpp"

namespace stratstab {
namespace {

TEST(CliSensitivityTest, DefaultScenarioJson) {
  const test::CliRun r = test::run_cli("sensitivity --json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto json = nlohmann::json::parse(r.out);
  EXPECT_EQ(json.at("scenario"), "us-ru-2026-11");
  EXPECT_EQ(json.at("method").at("draw_down"), "exact");
  EXPECT_EQ(json.at("sides").at("a").at("id"), "US");
  EXPECT_EQ(json.at("sides").at("b").at("id"), "RU");
  const auto& systems = json.at("systems");
  ASSERT_FALSE(systems.empty());
  bool saw_no_headroom = false;
  for (const auto& s : systems) {
    for (const char* key : {"side", "system", "per_launcher", "per_launcher_removed", "per_warhead", "destabilising"}) {
      EXPECT_TRUE(s.contains(key)) << key;
    }
    for (const char* key : {"index", "c1_a", "c2_a", "c1_b", "c2_b", "ratio_a", "ratio_b", "destabilising"}) {
      EXPECT_TRUE(s.at("per_launcher").contains(key)) << key;
    }
    EXPECT_EQ(s.at("destabilising").at("add_launcher"), s.at("per_launcher").at("destabilising"));
    if (s.at("per_warhead").is_null()) {
      saw_no_headroom = true;
      EXPECT_TRUE(s.contains("per_warhead_note"));
    }
  }
  EXPECT_TRUE(saw_no_headroom);  // the SS-18 carries its capacity
  const auto& path = json.at("upload_path");
  ASSERT_EQ(path.size(), 25U);  // months 0..24
  EXPECT_EQ(path.at(0).at("month"), 0);
  EXPECT_EQ(path.at(24).at("month"), 24);
  EXPECT_DOUBLE_EQ(path.at(0).at("index").get<double>(), json.at("base").at("index").get<double>());
  for (const auto& p : path) {
    EXPECT_NEAR(p.at("index").get<double>(),
                p.at("ratio").at("US").get<double>() * p.at("ratio").at("RU").get<double>(), 1e-12);
  }
  EXPECT_EQ(json.at("upload").at("sides"), nlohmann::json::array({"US", "RU"}));
  EXPECT_TRUE(json.at("upload").at("exact_index_horizon").is_number());
}

TEST(CliSensitivityTest, TextOptionsAndErrors) {
  const test::CliRun text = test::run_cli("sensitivity --upload RU --horizon-months 2");
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_NE(text.out.find("Method: forward finite differences"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("RU uploads at its systems' rates"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("no headroom"), std::string::npos) << text.out;

  const test::CliRun abstract = test::run_cli("sensitivity kent-thaler-example");
  EXPECT_EQ(abstract.exit_code, 3);
  EXPECT_TRUE(abstract.out.empty());
  EXPECT_NE(abstract.err.find("kent-thaler-example.yaml: error: sides: sensitivity needs real sides"),
            std::string::npos)
      << abstract.err;

  const test::CliRun side = test::run_cli("sensitivity --upload CN");
  EXPECT_EQ(side.exit_code, 3);
  EXPECT_NE(side.err.find("--upload: expected both, none or a side id of the scenario (US, RU), got 'CN'"),
            std::string::npos)
      << side.err;
  // An option value out of range is an input error (exit 3), as documented (docs/usersguide.md, exit codes).
  EXPECT_EQ(test::run_cli("sensitivity --horizon-months 601").exit_code, 3);
  // ... with the option, the range and the value named, and nothing on stdout.
  const test::CliRun horizon = test::run_cli("sensitivity --horizon-months 601");
  EXPECT_TRUE(horizon.out.empty());
  EXPECT_EQ(horizon.err,
            "command line: error: --horizon-months: expected a whole number of months in [0, 600], got '601'\n"
            "stratstab: 1 problem in the input; nothing was run\n");
  // A word outside the option's list is a usage error (exit 2), named with the list.
  const test::CliRun method = test::run_cli("sensitivity --draw-down simplex");
  EXPECT_EQ(method.exit_code, 2);
  EXPECT_TRUE(method.out.empty());
  EXPECT_EQ(method.err, "--draw-down: simplex not in {greedy,exact}\nRun with --help for more information.\n");
}

}  // namespace
}  // namespace stratstab

// `stratstab uncertainty` end to end: the JSON carries the keys the guide documents and agrees with
// assess (the point value) and with itself (quantiles in order, the band's probabilities); --csv
// has one row per sample; bad option values exit 3 naming the option.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "test_support.hpp"

namespace stratstab {
namespace {

TEST(CliUncertaintyTest, JsonOfTheDefaultScenario) {
  const test::CliRun r =
      test::run_cli("uncertainty --samples 60 --sobol 0 --seed 3 --json --set options.draw_down=greedy");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j.at("samples"), 60);
  EXPECT_EQ(j.at("seed"), 3);
  EXPECT_EQ(j.at("method"), "lhs");
  const auto& index = j.at("index");
  for (const char* k : {"q05", "q25", "q50", "q75", "q95", "mean", "sd", "point"}) EXPECT_TRUE(index.contains(k)) << k;
  EXPECT_LE(index.at("q05").get<double>(), index.at("q50").get<double>());
  EXPECT_LE(index.at("q50").get<double>(), index.at("q95").get<double>());
  const test::CliRun assess = test::run_cli("assess --json --set options.draw_down=greedy");
  ASSERT_EQ(assess.exit_code, 0) << assess.err;
  EXPECT_EQ(index.at("point").get<double>(),
            nlohmann::json::parse(assess.out).at("stability").at("index").get<double>());
  ASSERT_GT(j.at("inputs").size(), 100U);
  for (const auto& in : j.at("inputs")) {
    for (const char* k : {"path", "dist", "low", "high", "point", "first_order", "total"})
      EXPECT_TRUE(in.contains(k)) << k;
    EXPECT_LE(in.at("low").get<double>(), in.at("high").get<double>());
  }
  ASSERT_EQ(j.at("tornado").size(), j.at("inputs").size());
  EXPECT_GE(j.at("tornado")[0].at("swing").get<double>(), j.at("tornado")[1].at("swing").get<double>());
  EXPECT_TRUE(j.at("outputs").contains("US.ratio"));
  EXPECT_TRUE(j.at("outputs").contains("RU->US.retaliation_arriving"));
  ASSERT_EQ(j.at("below").size(), 2U);
  EXPECT_EQ(j.at("below")[0].at("threshold"), 0.5);
}

TEST(CliUncertaintyTest, CsvHasOneRowPerSample) {
  const test::CliRun r = test::run_cli("uncertainty kent-thaler-example --samples 5 --sobol 0 --csv");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  // The example has no ranged figure: no input columns, the 13 outputs, 5 identical rows.
  std::size_t lines = 0;
  for (char c : r.out) lines += c == '\n' ? 1 : 0;
  EXPECT_EQ(lines, 6U) << r.out;
  EXPECT_EQ(r.out.substr(0, 13), "sample,index,") << r.out;
}

TEST(CliUncertaintyTest, BadOptionsAreInputErrors) {
  for (const auto& [args, option] : {std::pair{"--method sobol", "--method"}, std::pair{"--samples 0", "--samples"},
                                     std::pair{"--seed -1", "--seed"}, std::pair{"--below 0.5,x", "--below"},
                                     std::pair{"--threads 1.5", "--threads"}}) {
    const test::CliRun r = test::run_cli(std::string("uncertainty kent-thaler-example --sobol 0 ") + args);
    EXPECT_EQ(r.exit_code, 3) << args << "\n" << r.err;
    EXPECT_NE(r.err.find(option), std::string::npos) << args << "\n" << r.err;
  }
}

}  // namespace
}  // namespace stratstab

namespace stratstab {
namespace {

// `sweep --samples` on a grid of two axes: a band per grid point, in the grid's order, centred on
// the point's own index; with --csv (which streams rows and has no place for bands) it is refused.
TEST(CliSweepBandsTest, TwoAxesGiveABandPerGridPoint) {
  const std::string grid =
      "sweep kent-thaler-example --param sides.A.abstract.alert=0.2,0.6 --param sides.B.abstract.nf=200,250,300 "
      "--set 'uncertainty.sides.B.abstract.w80={low: 600, high: 1400}' --samples 12 --quiet";
  const test::CliRun r = test::run_cli(grid + " --json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  const auto& points = j.at("points");
  const auto& bands = j.at("bands").at("points");
  ASSERT_EQ(points.size(), 6U);
  ASSERT_EQ(bands.size(), 6U);
  EXPECT_EQ(j.at("bands").at("inputs"), 1);
  double lowest = 0;
  for (std::size_t p = 0; p < 6; ++p) {
    EXPECT_EQ(bands[p].at("values"), points[p].at("values")) << p;
    EXPECT_EQ(bands[p].at("point").get<double>(), points[p].at("index").get<double>()) << p;
    lowest += bands[p].at("lowest").get<double>();
  }
  EXPECT_NEAR(lowest, 1.0, 1e-12);
  const test::CliRun text = test::run_cli(grid);
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_NE(text.out.find("sides.A.abstract.alert  sides.B.abstract.nf"), std::string::npos) << text.out;

  const test::CliRun csv = test::run_cli(grid + " --csv");
  EXPECT_EQ(csv.exit_code, 3);
  EXPECT_EQ(csv.out, "");
  EXPECT_NE(csv.err.find("--samples"), std::string::npos) << csv.err;
  EXPECT_NE(csv.err.find("--csv"), std::string::npos) << csv.err;
}

}  // namespace
}  // namespace stratstab

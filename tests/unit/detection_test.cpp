// Detection by random inspection (docs/methods.md §13.1): the hypergeometric probability against
// enumeration of every draw on small cases, its binomial approximation and the cumulative product by
// hand, the inspection game's threshold by hand, and `calc detect`'s located errors.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>

#include "stratstab/detection.hpp"
#include "test_support.hpp"

namespace stratstab {
namespace {

/// Every n-subset of N sites, the first M violating: the mean of 1 - (1 - p)^k over subsets with k
/// violating sites among them (p = 1: the share of subsets holding one).
double enumerate(int sites, int violating, int inspected, double p) {
  double total = 0;
  int subsets = 0;
  for (unsigned mask = 0; mask < (1U << sites); ++mask) {
    if (__builtin_popcount(mask) != inspected) continue;
    const int k = __builtin_popcount(mask & ((1U << violating) - 1U));
    total += 1.0 - std::pow(1.0 - p, k);
    ++subsets;
  }
  return total / subsets;
}

TEST(DetectionTest, HypergeometricEqualsEnumerationOnSmallCases) {
  for (int n_sites = 1; n_sites <= 9; ++n_sites) {
    for (int m = 0; m <= n_sites; ++m) {
      for (int n = 0; n <= n_sites; ++n) {
        SCOPED_TRACE(testing::Message() << n_sites << " " << m << " " << n);
        EXPECT_NEAR(hypergeometric_detection(n_sites, m, n), enumerate(n_sites, m, n, 1.0), 1e-12);
        EXPECT_NEAR(imperfect_detection(n_sites, m, n, 0.7), enumerate(n_sites, m, n, 0.7), 1e-12);
      }
    }
  }
  // By hand: 7 sites, 2 violating, 3 inspected: 1 - C(5,3)/C(7,3) = 1 - 10/35 = 5/7.
  EXPECT_NEAR(hypergeometric_detection(7, 2, 3), 5.0 / 7.0, 1e-15);
  EXPECT_EQ(hypergeometric_detection(7, 2, 6), 1.0);  // 6 > 7 - 2: a violating site must be drawn
  EXPECT_EQ(hypergeometric_detection(7, 0, 3), 0.0);
  EXPECT_EQ(hypergeometric_detection(7, 2, 0), 0.0);
}

TEST(DetectionTest, BinomialCumulativeAndGameByHand) {
  // 1 - (1 - 5/100)^10 = 1 - 0.95^10.
  EXPECT_NEAR(binomial_detection(100, 5, 10), 1 - std::pow(0.95, 10), 1e-15);
  // Without replacement finds more than with it (0.416248 against 0.401263 here).
  EXPECT_GT(hypergeometric_detection(100, 5, 10), binomial_detection(100, 5, 10));
  EXPECT_NEAR(cumulative_detection({0.5, 0.2}), 0.6, 1e-15);  // 1 - 0.5 x 0.8
  DetectionInputs in;
  in.sites = 100;
  in.violating = 5;
  in.inspected = 10;
  in.years = 3;
  const DetectionResult r = calculate_detection(in);
  EXPECT_NEAR(r.p_detect_cumulative, 1 - std::pow(1 - r.p_detect, 3), 1e-15);
  EXPECT_NEAR(r.p_detect, 0.416248, 5e-7);
  InspectionGame game;
  game.penalty = 10;
  game.gain = 5;
  game.false_alarm_cost = 2;
  game.false_alarm_rate = 0.05;
  EXPECT_NEAR(deterrence_threshold(game), (10 - 0.1) / 15, 1e-15);
}

TEST(DetectionTest, CalcDetectRefusesBadInputAtTheOption) {
  const test::CliRun ok = test::run_cli("calc detect --sites 100 --violating 5 --inspected 10 --years 3 --json");
  ASSERT_EQ(ok.exit_code, 0) << ok.err;
  const auto j = nlohmann::json::parse(ok.out);
  EXPECT_NEAR(j.at("p_detect").get<double>(), hypergeometric_detection(100, 5, 10), 1e-15);
  EXPECT_NEAR(j.at("p_detect_binomial").get<double>(), binomial_detection(100, 5, 10), 1e-15);
  EXPECT_NEAR(j.at("p_detect_cumulative").get<double>(), 1 - std::pow(1 - j.at("p_detect").get<double>(), 3), 1e-15);
  const std::vector<std::pair<std::string, std::string>> bad{
      {"--sites 10 --violating 11 --inspected 1", "--violating: expected at most the 10 sites"},
      {"--sites 10 --violating 1 --inspected 11", "--inspected: expected at most the 10 sites"},
      {"--sites 10 --violating -1 --inspected 1", "--violating: expected a whole number >= 0"},
      {"--sites 10 --violating 1 --inspected 2.5", "--inspected: expected a whole number, got '2.5'"},
      {"--sites 0 --violating 0 --inspected 0", "--sites: expected a whole number of sites >= 1"},
      {"--sites 10 --violating 1 --inspected 1 --years 0", "--years: expected a whole number of years in [1, 1000]"},
  };
  for (const auto& [args, message] : bad) {
    const test::CliRun run = test::run_cli("calc detect " + args);
    EXPECT_EQ(run.exit_code, 3) << args;
    EXPECT_NE(run.err.find(message), std::string::npos) << args << "\n" << run.err;
  }
}

}  // namespace
}  // namespace stratstab

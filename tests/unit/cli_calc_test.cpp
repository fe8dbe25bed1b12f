// `stratstab calc kill` end to end: the check values of docs/methods.md §4 in JSON and text, the
// soft-target flag, and exit codes (2 usage, 3 bad values with the option named).
#include <cmath>

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "stratstab/schema.hpp"
#include "test_support.hpp"

namespace stratstab {
namespace {

using test::cep_bounds;
using test::hardness_bounds;
using test::yield_bounds;

using test::CliRun;

CliRun run(const std::string& args) {
  return test::run_cli(args);
}

bool contains(const std::string& text, const std::string& needle) {
  return text.find(needle) != std::string::npos;
}

TEST(CliCalcTest, KillJsonGivesTheWorkedValues) {
  // docs/methods.md §4: 300 kt, 2000 psi, CEP 185.2 m, R 0.85; two warheads 0.861729.
  const CliRun r =
      run("calc kill --yield-kt 300 --hardness-psi 2000 --cep-m 185.2 --reliability 0.85 --warheads 2 --json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(r.err.empty()) << r.err;
  const auto json = nlohmann::json::parse(r.out);
  EXPECT_NEAR(json.at("lethal_radius_m").get<double>(), 257.814, 5e-4);
  EXPECT_NEAR(json.at("sspk").get<double>(), 0.739003, 1e-6);
  EXPECT_NEAR(json.at("kill_probability").get<double>(), 0.628152, 1e-6);
  EXPECT_NEAR(json.at("kill_probability_n").get<double>(), 0.861729, 1e-6);
  EXPECT_EQ(json.at("warheads").get<int>(), 2);
  EXPECT_EQ(json.at("approximate").get<bool>(), false);
  EXPECT_TRUE(json.at("approximation_note").is_null());
  EXPECT_EQ(json.at("inputs").at("p_pen").get<double>(), 1.0);
  EXPECT_EQ(json.at("inputs").at("yield_kt").get<double>(), 300.0);
}

TEST(CliCalcTest, KillTextShowsRadiusAndProbabilities) {
  const CliRun r = run("calc kill --yield-kt 455 --hardness-psi 3000 --cep-m 120 --reliability 0.9");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(contains(r.out, "258.765")) << r.out;
  EXPECT_TRUE(contains(r.out, "0.960169")) << r.out;
  EXPECT_TRUE(contains(r.out, "0.864152")) << r.out;
  EXPECT_FALSE(contains(r.out, "approximate")) << r.out;
}

TEST(CliCalcTest, SoftTargetIsFlaggedInJsonAndText) {
  const CliRun json_run = run("calc kill --yield-kt 100 --hardness-psi 10 --cep-m 500 --json");
  ASSERT_EQ(json_run.exit_code, 0) << json_run.err;
  const auto json = nlohmann::json::parse(json_run.out);
  EXPECT_EQ(json.at("approximate").get<bool>(), true);
  EXPECT_TRUE(contains(json.at("approximation_note").get<std::string>(), "below 100 psi"));
  const CliRun text = run("calc kill --yield-kt 100 --hardness-psi 10 --cep-m 500");
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_TRUE(contains(text.out, "approximate: hardness 10 psi is below 100 psi")) << text.out;
}

TEST(CliCalcTest, BadValuesExitThreeNamingTheOption) {
  const CliRun negative = run("calc kill --yield-kt -5 --hardness-psi 2000 --cep-m 185.2");
  EXPECT_EQ(negative.exit_code, 3);
  EXPECT_TRUE(negative.out.empty());
  EXPECT_TRUE(contains(
      negative.err, "command line: error: --yield-kt: expected a yield in kilotons in " + yield_bounds() + ", got -5"))
      << negative.err;
  EXPECT_TRUE(contains(negative.err, "1 problem in the input; nothing was run")) << negative.err;

  const CliRun text = run("calc kill --yield-kt 300 --hardness-psi abc --cep-m 185.2");
  EXPECT_EQ(text.exit_code, 3);
  EXPECT_TRUE(contains(text.err, "command line: error: --hardness-psi: expected a number, got 'abc'")) << text.err;

  const CliRun probability = run("calc kill --yield-kt 300 --hardness-psi 2000 --cep-m 185.2 --p-pen 1.5");
  EXPECT_EQ(probability.exit_code, 3);
  EXPECT_TRUE(
      contains(probability.err, "--p-pen: expected a probability of penetration, a probability in [0, 1], got 1.5"))
      << probability.err;

  const CliRun not_finite = run("calc kill --yield-kt 300 --hardness-psi 2000 --cep-m nan");
  EXPECT_EQ(not_finite.exit_code, 3);
  EXPECT_TRUE(contains(not_finite.err, "--cep-m: expected a CEP in metres in " + cep_bounds() + ", got nan"))
      << not_finite.err;

  const CliRun fraction = run("calc kill --yield-kt 300 --hardness-psi 2000 --cep-m 185.2 --warheads 2.5");
  EXPECT_EQ(fraction.exit_code, 3);
  EXPECT_TRUE(contains(fraction.err, "--warheads: expected a whole number of warheads >= 1, got '2.5'"))
      << fraction.err;
}

// 1e300 kt once printed a 100-digit radius with exit 0. The force files' magnitude
// bounds apply to the one-off calculation too, read from the same key table.
TEST(CliCalcTest, MagnitudesOutsideTheForceFileBoundsExitThree) {
  const CliRun huge = run("calc kill --yield-kt 1e300 --hardness-psi 2000 --cep-m 185.2");
  EXPECT_EQ(huge.exit_code, 3);
  EXPECT_TRUE(huge.out.empty()) << huge.out;
  EXPECT_TRUE(contains(
      huge.err, "command line: error: --yield-kt: expected a yield in kilotons in " + yield_bounds() + ", got 1e+300"))
      << huge.err;
  const CliRun soft = run("calc kill --yield-kt 300 --hardness-psi 1e-300 --cep-m 185.2");
  EXPECT_EQ(soft.exit_code, 3);
  EXPECT_TRUE(contains(soft.err, "command line: error: --hardness-psi: expected a target hardness in psi in " +
                                     hardness_bounds() + ", got 1e-300"))
      << soft.err;
  const CliRun wide = run("calc kill --yield-kt 300 --hardness-psi 2000 --cep-m 1e9");
  EXPECT_EQ(wide.exit_code, 3);
  EXPECT_TRUE(contains(wide.err, "--cep-m: expected a CEP in metres in " + cep_bounds() + ", got 1000000000"))
      << wide.err;
  // The table's own upper bounds are accepted: the check is the table's, not a copy of its numbers.
  const KeySpec& yield = key_spec("warhead", "yield_kt");
  const CliRun at_bound =
      run(fmt::format("calc kill --yield-kt {} --hardness-psi 2000 --cep-m 185.2 --json", yield.max));
  ASSERT_EQ(at_bound.exit_code, 0) << at_bound.err;
  // ... and computed there: LR = 2.62 * 1852 * (Y_kt / 1000 / 2000)^(1/3) m, SSPK = 1 - 0.5^((LR / CEP)^2).
  const auto json = nlohmann::json::parse(at_bound.out);
  const double lr = 2.62 * 1852 * std::cbrt(yield.max / 1000 / 2000);
  EXPECT_NEAR(json.at("lethal_radius_m").get<double>(), lr, 1e-9 * lr);
  EXPECT_NEAR(json.at("sspk").get<double>(), 1 - std::pow(0.5, (lr / 185.2) * (lr / 185.2)), 1e-12);
}

TEST(CliCalcTest, EveryBadValueIsReportedInOptionOrder) {
  const CliRun r = run("calc kill --yield-kt 0 --hardness-psi x --cep-m -1 --reliability 2 --warheads 0");
  EXPECT_EQ(r.exit_code, 3);
  const auto yield = r.err.find("--yield-kt:");
  const auto hardness = r.err.find("--hardness-psi: expected a number, got 'x'");
  const auto cep = r.err.find("--cep-m:");
  const auto reliability = r.err.find("--reliability:");
  const auto warheads = r.err.find("--warheads:");
  ASSERT_NE(warheads, std::string::npos) << r.err;
  EXPECT_LT(yield, hardness) << r.err;
  EXPECT_LT(hardness, cep) << r.err;
  EXPECT_LT(cep, reliability) << r.err;
  EXPECT_LT(reliability, warheads) << r.err;
  EXPECT_TRUE(contains(r.err, "5 problems in the input; nothing was run")) << r.err;
}

TEST(CliCalcTest, UsageErrorsExitTwo) {
  // Each: exit 2, nothing on stdout, what was wrong and where to look on stderr.
  const std::string help = "Run with --help for more information.\n";
  const std::pair<const char*, std::string> cases[] = {
      {"calc kill --yield-kt 300 --hardness-psi 2000", "--cep-m is required\n" + help},
      {"calc", "A subcommand is required\n" + help},
      {"calc kill --yield-kt 300 --hardness-psi 2000 --cep-m 100 --bogus",
       "The following argument was not expected: --bogus\n" + help},
      {"calc kill --yield-kt", "--yield-kt: 1 required NUMBER missing\n" + help},
  };
  for (const auto& [args, err] : cases) {
    const CliRun r = run(args);
    EXPECT_EQ(r.exit_code, 2) << args;
    EXPECT_TRUE(r.out.empty()) << args;
    EXPECT_EQ(r.err, err) << args;
  }
}

}  // namespace
}  // namespace stratstab

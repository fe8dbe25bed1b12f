// Richardson arms-race dynamics (docs/methods.md §13.6): the values below are derived by hand.
// Two sides: M = [[-a, k], [l, -b]], det M = a b - k l, stable iff a b > k l (a, b > 0), and
// x* = (b g + k h) / (a b - k l), y* = (a h + l g) / (a b - k l) from Cramer's rule on M x = -(g, h).
// n sides alike (fatigue f, reaction r to each rival): M = -(f + r) I + r J, J the all-ones matrix,
// whose eigenvalues are -(f + r) + n r = -f + (n - 1) r (eigenvector all ones) and -f - r (n - 1 times).
#include <cmath>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "stratstab/arms_race.hpp"
#include "stratstab/arms_race_file.hpp"
#include "stratstab/error.hpp"
#include "test_support.hpp"

namespace stratstab {
namespace {

RichardsonSystem symmetric(std::size_t n, double f, double r, double g = 0) {
  RichardsonSystem s;
  const std::vector<std::string> ids{"A", "B", "C"};
  s.sides.assign(ids.begin(), ids.begin() + static_cast<long>(n));
  s.fatigue.assign(n, f);
  s.grievance.assign(n, g);
  s.reaction.assign(n, std::vector<double>(n, r));
  return s;
}

RichardsonSystem two(double a, double b, double k, double l, double g, double h) {
  RichardsonSystem s;
  s.sides = {"X", "Y"};
  s.fatigue = {a, b};
  s.grievance = {g, h};
  s.reaction = {{0, k}, {l, 0}};
  return s;
}

ArmsRaceQuestion question(RichardsonSystem s, std::vector<double> start, double years = 10, double step = 1) {
  ArmsRaceQuestion q;
  q.system = std::move(s);
  q.start = std::move(start);
  q.years = years;
  q.step_years = step;
  return q;
}

TEST(ArmsRaceTest, TwoSidesStableExactlyWhenAbExceedsKl) {
  // a b = 0.25; k l = 0.3 * l. Just below the boundary (l = 0.83, k l = 0.249) stable; at it
  // (l = 0.25 / 0.3, an eigenvalue 0) and above it (l = 0.84, k l = 0.252) not.
  const auto below = solve_arms_race(question(two(0.5, 0.5, 0.3, 0.83, 0, 0), {1, 1}));
  EXPECT_TRUE(below.stable);
  EXPECT_TRUE(below.every_pair_stable);
  const auto above = solve_arms_race(question(two(0.5, 0.5, 0.3, 0.84, 0, 0), {1, 1}));
  EXPECT_FALSE(above.stable);
  EXPECT_FALSE(above.every_pair_stable);
  EXPECT_GT(above.eigenvalues[0].real, 0);
  // a b = k l exactly in binary: a = b = 0.5, k = l = 0.5: eigenvalues 0 and -1, M singular.
  const auto at = solve_arms_race(question(two(0.5, 0.5, 0.5, 0.5, 1, 1), {1, 1}));
  EXPECT_FALSE(at.stable);
  EXPECT_DOUBLE_EQ(at.eigenvalues[0].real, 0.0);
  EXPECT_DOUBLE_EQ(at.eigenvalues[1].real, -1.0);
  EXPECT_FALSE(at.equilibrium.has_value());  // singular: no unique equilibrium
}

TEST(ArmsRaceTest, TwoSidedEquilibriumIsTheClosedForm) {
  const double a = 0.5, b = 0.45, k = 0.3, l = 0.35, g = 250, h = 250;
  const auto r = solve_arms_race(question(two(a, b, k, l, g, h), {1700, 1674}));
  ASSERT_TRUE(r.equilibrium.has_value());
  EXPECT_NEAR((*r.equilibrium)[0], (b * g + k * h) / (a * b - k * l), 1e-9);
  EXPECT_NEAR((*r.equilibrium)[1], (a * h + l * g) / (a * b - k * l), 1e-9);
  // By hand: (0.45 * 250 + 0.3 * 250) / 0.12 = 1562.5, (0.5 * 250 + 0.35 * 250) / 0.12 = 1770.83.
  EXPECT_NEAR((*r.equilibrium)[0], 1562.5, 1e-9);
  EXPECT_NEAR((*r.equilibrium)[1], 1770.8333333333333, 1e-9);
  EXPECT_NEAR(r.determinant, 0.12, 1e-15);
  EXPECT_TRUE(r.stable);
}

TEST(ArmsRaceTest, SymmetricEigenvaluesTwoSidesStableThreeNotWhileEveryPairIs) {
  const auto r2 = solve_arms_race(question(symmetric(2, 0.5, 0.3), {1, 2}));
  ASSERT_EQ(r2.eigenvalues.size(), 2U);
  EXPECT_NEAR(r2.eigenvalues[0].real, -0.5 + 0.3, 1e-12);
  EXPECT_NEAR(r2.eigenvalues[1].real, -0.5 - 0.3, 1e-12);
  EXPECT_TRUE(r2.stable);

  const auto r3 = solve_arms_race(question(symmetric(3, 0.5, 0.3), {1700, 1700, 600}));
  ASSERT_EQ(r3.eigenvalues.size(), 3U);
  EXPECT_NEAR(r3.eigenvalues[0].real, -0.5 + 2 * 0.3, 1e-12);  // 0.1
  EXPECT_NEAR(r3.eigenvalues[1].real, -0.8, 1e-9);
  EXPECT_NEAR(r3.eigenvalues[2].real, -0.8, 1e-9);
  for (const Eigenvalue& e : r3.eigenvalues) EXPECT_EQ(e.imag, 0.0);  // the double root is not a complex pair
  EXPECT_FALSE(r3.stable);
  ASSERT_EQ(r3.pairs.size(), 3U);
  for (const ArmsRacePair& p : r3.pairs) {
    EXPECT_TRUE(p.stable);
    EXPECT_NEAR(p.eigenvalues[0].real, -0.2, 1e-12);
    EXPECT_NEAR(p.eigenvalues[1].real, -0.8, 1e-12);
  }
  EXPECT_TRUE(r3.every_pair_stable);
  ASSERT_TRUE(r3.equilibrium.has_value());  // det = 0.1 * 0.8^2 = 0.064 != 0; x* = 0 with no grievance
  EXPECT_NEAR(r3.determinant, 0.1 * 0.64, 1e-12);
  for (double x : *r3.equilibrium) EXPECT_NEAR(x, 0.0, 1e-9);
}

TEST(ArmsRaceTest, ComplexEigenvaluesInClosedForm) {
  // [[-1, 2], [-2, -1]]: l^2 + 2 l + 5 = 0, l = -1 +- 2i.
  const auto e2 = eigenvalues_2x2(-1, 2, -2, -1);
  EXPECT_DOUBLE_EQ(e2[0].real, -1);
  EXPECT_DOUBLE_EQ(e2[0].imag, 2);
  EXPECT_DOUBLE_EQ(e2[1].imag, -2);
  // Block diagonal with -3: -1 +- 2i and -3; and a full 3x3 with a known spectrum:
  // [[2, 0, 0], [1, 3, 0], [4, 5, -1]] is triangular: 3, 2, -1.
  const auto e3 = eigenvalues({{-1, 2, 0}, {-2, -1, 0}, {0, 0, -3}});
  ASSERT_EQ(e3.size(), 3U);
  EXPECT_NEAR(e3[0].real, -1, 1e-12);
  EXPECT_NEAR(e3[0].imag, 2, 1e-12);
  EXPECT_NEAR(e3[1].imag, -2, 1e-12);
  EXPECT_NEAR(e3[2].real, -3, 1e-12);
  const auto tri = eigenvalues({{2, 0, 0}, {1, 3, 0}, {4, 5, -1}});
  EXPECT_NEAR(tri[0].real, 3, 1e-12);
  EXPECT_NEAR(tri[1].real, 2, 1e-12);
  EXPECT_NEAR(tri[2].real, -1, 1e-12);
}

TEST(ArmsRaceTest, TrajectoryMatchesTheEigenDecomposition) {
  // a = b = 0.5, k = l = 0.3, g = h = 40: the sum s = x + y obeys ds/dt = -0.2 s + 80 (eigenvector
  // (1, 1), eigenvalue -0.2), the difference d = x - y obeys dd/dt = -0.8 d (eigenvector (1, -1)).
  // So s(t) = 400 + (s0 - 400) e^{-0.2 t}, d(t) = d0 e^{-0.8 t}, x = (s + d) / 2, y = (s - d) / 2.
  const double x0 = 1700, y0 = 600;
  const auto r = solve_arms_race(question(two(0.5, 0.5, 0.3, 0.3, 40, 40), {x0, y0}, 10, 2.5));
  ASSERT_EQ(r.trajectory.size(), 5U);
  for (const TrajectoryPoint& p : r.trajectory) {
    const double s = 400 + (x0 + y0 - 400) * std::exp(-0.2 * p.years);
    const double d = (x0 - y0) * std::exp(-0.8 * p.years);
    EXPECT_NEAR(p.stocks[0], (s + d) / 2, 1e-8) << p.years;
    EXPECT_NEAR(p.stocks[1], (s - d) / 2, 1e-8) << p.years;
  }
  EXPECT_DOUBLE_EQ(r.trajectory.back().years, 10);
  ASSERT_TRUE(r.equilibrium.has_value());
  EXPECT_NEAR((*r.equilibrium)[0], 200, 1e-9);
}

TEST(ArmsRaceTest, HorizonNotAWholeNumberOfStepsEndsAtTheHorizon) {
  // Three sides alike with f = 0.5, r = 0.3 from equal stocks x0: all stay equal and grow as
  // x0 e^{0.1 t} (the all-ones eigenvector).
  const auto r = solve_arms_race(question(symmetric(3, 0.5, 0.3), {100, 100, 100}, 5.5, 2));
  ASSERT_EQ(r.trajectory.size(), 4U);  // 0, 2, 4, 5.5
  EXPECT_DOUBLE_EQ(r.trajectory.back().years, 5.5);
  for (double x : r.trajectory.back().stocks) EXPECT_NEAR(x, 100 * std::exp(0.55), 1e-8);
}

TEST(ArmsRaceTest, RunawayRaceStopsAtTheCeiling) {
  const auto r = solve_arms_race(question(symmetric(3, 0, 10), {1e6, 1e6, 1e6}, 200, 1));
  ASSERT_TRUE(r.diverged_at_years.has_value());
  for (const TrajectoryPoint& p : r.trajectory) {
    for (double x : p.stocks) EXPECT_LE(x, kArmsRaceStockCeiling);
  }
}

TEST(ArmsRaceTest, BundledFilesLoadAndGiveTheDocumentedAnswer) {
  const std::string data = std::string(STRATSTAB_SOURCE_DIR) + "/data/arms_race/";
  const ArmsRaceFile three = load_arms_race(data + "symmetric-three.yaml");
  const auto r3 = solve_arms_race(arms_race_question(three));
  EXPECT_FALSE(r3.stable);
  EXPECT_TRUE(r3.every_pair_stable);
  const ArmsRaceFile two_sides = load_arms_race(data + "us-ru.yaml");
  const auto r2 = solve_arms_race(arms_race_question(two_sides));
  EXPECT_TRUE(r2.stable);
  ASSERT_TRUE(r2.equilibrium.has_value());
  EXPECT_NEAR((*r2.equilibrium)[0], 1562.5, 1e-9);
}

constexpr std::string_view kGood = R"(schema: 1
id: t
name: "test"
unit: warheads
bibliography: []
years: 10
step: 1
sides:
  - id: US
    fatigue: {value: 0.5, grade: ASSUMED, src: x, range: [0.2, 1]}
    grievance: 0
    start: 100
    reactions:
      - {to: RU, rate: 0.3}
  - id: RU
    fatigue: 0.5
    grievance: 0
    start: 100
    reactions:
      - {to: US, rate: 0.3}
)";

std::vector<Diagnostic> problems_of(std::string_view text) {
  const test::TempDir dir;
  const auto file = dir.write("t.yaml", text);
  return read_arms_race(file).diagnostics;
}

TEST(ArmsRaceTest, LoaderLocatesBadValues) {
  const std::string good = test::replace_once(std::string(kGood), "src: x, ", "");
  {
    const auto d = problems_of(good);
    EXPECT_TRUE(std::none_of(d.begin(), d.end(), [](const Diagnostic& x) { return x.severity == Severity::kError; }))
        << test::dump(d);
  }
  {
    const auto d = problems_of(test::replace_once(good, "rate: 0.3}", "rate: 11}"));
    const Diagnostic* p = test::find_by_key(d, "sides[0].reactions[0].rate");
    ASSERT_NE(p, nullptr) << test::dump(d);
    EXPECT_EQ(p->where.line, 14);
    EXPECT_NE(p->message.find("10"), std::string::npos) << p->message;
  }
  {
    const auto d = problems_of(test::replace_once(good, "{to: US, rate: 0.3}", "{to: CN, rate: 0.3}"));
    const Diagnostic* p = test::find_by_key(d, "sides[1].reactions[0].to");
    ASSERT_NE(p, nullptr) << test::dump(d);
    EXPECT_EQ(p->message, "'CN' is not a side of the file; expected a rival: US");
    EXPECT_NE(test::find_by_key(d, "sides[1].reactions"), nullptr) << test::dump(d);  // no reaction to US
  }
  {
    const auto d = problems_of(test::replace_once(good, "step: 1", "step: 12"));
    const Diagnostic* p = test::find_by_key(d, "step");
    ASSERT_NE(p, nullptr) << test::dump(d);
    EXPECT_EQ(p->where.line, 7);
  }
  {
    // 10 years in steps of 1e-5: a million points, past the 100000 allowed.
    const auto d = problems_of(test::replace_once(good, "step: 1", "step: 0.00001"));
    const Diagnostic* p = test::find_by_key(d, "step");
    ASSERT_NE(p, nullptr) << test::dump(d);
    EXPECT_EQ(p->message, "step 1e-05 gives more than 100000 points over 10 years; expected a step of at least 0.0001");
  }
  {
    const auto d = problems_of(test::replace_once(good, "  - id: RU", "  - id: US"));
    const Diagnostic* p = test::find_by_key(d, "sides[1].id");
    ASSERT_NE(p, nullptr) << test::dump(d);
    EXPECT_EQ(p->message, "side 'US' is given twice; expected different sides");
  }
}

bool contains(const std::string& text, const std::string& needle) {
  return text.find(needle) != std::string::npos;
}

TEST(ArmsRaceCliTest, TextOfTheBundledThreeSides) {
  const test::CliRun r = test::run_cli("arms-race symmetric-three");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(contains(r.out, "eigenvalues of M: 0.1, -0.8, -0.8")) << r.out;
  EXPECT_TRUE(contains(r.out, "3 sides together: not stable")) << r.out;
  EXPECT_TRUE(contains(r.out, "Every pair alone is stable, yet the three together are not")) << r.out;
}

TEST(ArmsRaceCliTest, JsonFromTheCommandLine) {
  const test::CliRun r = test::run_cli(
      "arms-race --sides US,RU --fatigue 0.5 --reaction 0.3 --grievance 40 --start 1700,600 --years 10 --step 2.5 "
      "--json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_TRUE(j.at("stable").get<bool>());
  EXPECT_NEAR(j.at("equilibrium").at("US").get<double>(), 200, 1e-9);
  EXPECT_NEAR(j.at("eigenvalues").at(0).at("real").get<double>(), -0.2, 1e-12);
  const auto& last = j.at("trajectory").back();
  EXPECT_DOUBLE_EQ(last.at("t").get<double>(), 10);
  const double s = 400 + (2300 - 400) * std::exp(-2.0);
  const double d = 1100 * std::exp(-8.0);
  EXPECT_NEAR(last.at("stocks").at("RU").get<double>(), (s - d) / 2, 1e-8);
  EXPECT_TRUE(j.at("file").is_null());
}

TEST(ArmsRaceCliTest, CsvOneRowPerTimeAndPerPairReactions) {
  const test::CliRun r = test::run_cli(
      "arms-race --sides US,RU,CN --fatigue 0.5 --reaction 0.3 --reaction US.CN=0 --reaction CN.US=0 "
      "--start 100 --years 2 --step 1 --csv");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(r.out.starts_with("t,US,RU,CN\n0,100,100,100\n1,")) << r.out;
  EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 4);
  // The file's numbers can be overridden: with the reaction of 0.2 the three sides are stable.
  const test::CliRun o = test::run_cli("arms-race symmetric-three --reaction 0.2 --json");
  ASSERT_EQ(o.exit_code, 0) << o.err;
  EXPECT_TRUE(nlohmann::json::parse(o.out).at("stable").get<bool>());
}

TEST(ArmsRaceCliTest, BadInputIsLocatedAndExits3) {
  const test::CliRun bad = test::run_cli("arms-race --sides US,RU --fatigue 11 --reaction US.XX=0.3 --start 1");
  EXPECT_EQ(bad.exit_code, 3);
  EXPECT_TRUE(contains(bad.err, "command line: error: --fatigue: expected")) << bad.err;
  EXPECT_TRUE(contains(bad.err, "got '11'")) << bad.err;
  EXPECT_TRUE(contains(bad.err, "--reaction: expected SIDE.RIVAL=RATE")) << bad.err;
  const test::CliRun none = test::run_cli("arms-race");
  EXPECT_EQ(none.exit_code, 3);
  EXPECT_TRUE(contains(none.err, "--sides: expected an arms-race file")) << none.err;

  const test::TempDir dir;
  std::string text(kGood);
  text = test::replace_once(text, "src: x, ", "src: stratstab-assumption, ");
  text = test::replace_once(text, "bibliography: []",
                            "bibliography: [" + std::string(STRATSTAB_SOURCE_DIR) + "/data/sources/common.yaml]");
  text = test::replace_once(text, "    start: 100\n    reactions:\n      - {to: US",
                            "    start: -5\n    reactions:\n      - {to: US");
  const auto file = dir.write("t.yaml", text);
  const test::CliRun located = test::run_cli("arms-race " + file.string());
  EXPECT_EQ(located.exit_code, 3);
  EXPECT_TRUE(contains(located.err, file.string() + ":18:")) << located.err;
  EXPECT_TRUE(contains(located.err, "sides[1].start")) << located.err;
}

}  // namespace
}  // namespace stratstab

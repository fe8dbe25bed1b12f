// Three sides in the exchange (docs/methods.md §13.5): the reductions the method requires (a third
// side without forces gives the two-sided index exactly; a fixed split with no third-side term gives
// the `withheld` shares' exchange), a small case computed by hand, the optimiser against brute force
// with the third side's term, the splits, and the scenario loader's and CLI's handling of three sides.
#include <gtest/gtest.h>

#include <fmt/format.h>
#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>
#include <sstream>

#include "stratstab/catalog.hpp"
#include "stratstab/prepare.hpp"
#include "stratstab/scenario.hpp"
#include "stratstab/three_sided.hpp"
#include "test_support.hpp"

namespace stratstab {
namespace {

const DataCatalog& catalog() {
  static const DataCatalog kCatalog{std::filesystem::path(STRATSTAB_SOURCE_DIR "/data")};
  return kCatalog;
}

// The worked example's sides (docs/methods.md §7) and a small third one.
const AbstractSide kA{300, 2, 50, 12, 0.5, 0.75, 800};
const AbstractSide kB{250, 4, 35, 8, 0.35, 0.85, 1000};
const AbstractSide kC{100, 1, 20, 3, 0.5, 0.7, 500};
const AbstractSide kUnarmed{0, 0, 0, 0, 0.5, 0.7, 500};

StabilityParameters kent_thaler_example() {
  StabilityParameters p;
  p.launch_under_attack = false;
  p.max_warheads_per_target = 2;
  return p;
}

TEST(ThreeSidedTest, AnUnarmedThirdSideGivesTheTwoSidedIndexExactly) {
  const StabilityParameters p = kent_thaler_example();
  const StabilityResult two = evaluate_abstract(kA, kB, p);
  EXPECT_NEAR(two.index, 0.350948, 5e-7);  // the published worked example
  for (const WarheadSplit& rule : {WarheadSplit{}, WarheadSplit{SplitRule::kShares, {0, 0.3, 0.7}}}) {
    const ThreeSidedStability three = evaluate_three_abstract({kA, kB, kUnarmed}, {rule, rule, rule}, p);
    // Nothing is held against a side with nothing to strike with, and it threatens no one.
    EXPECT_EQ(three.split[0][2], 0.0);
    EXPECT_EQ(three.split[1][2], 0.0);
    EXPECT_EQ(three.threat[2][0], 0.0);
    EXPECT_DOUBLE_EQ(three.pairs[0].exchange.index, two.index);
    EXPECT_DOUBLE_EQ(three.pairs[0].exchange.a.c1, two.a.c1);
    EXPECT_DOUBLE_EQ(three.pairs[0].exchange.b.c2, two.b.c2);
    // Pairs with the unarmed side have no first-strike question: ratios 1.
    EXPECT_EQ(three.pairs[1].exchange.index, 1.0);
    EXPECT_EQ(three.pairs[2].exchange.index, 1.0);
    EXPECT_DOUBLE_EQ(three.system_index, two.index);
  }
}

TEST(ThreeSidedTest, RealUnarmedThirdSideGivesTheTwoSidedIndexExactly) {
  const ForceSnapshot us = catalog().load_snapshot("us-2026-11-01");
  const ForceSnapshot ru = catalog().load_snapshot("ru-2026-11-01");
  ForceSnapshot none = catalog().load_snapshot("cn-2026-11-01");
  none.systems.clear();
  StabilityParameters p;
  p.draw_down = DrawDownMethod::kGreedy;
  const StabilityResult two = evaluate_real(us, ru, PostureCase::kDayToDay, p);
  const ThreeSidedStability three =
      evaluate_three_real({&us, &ru, &none}, PostureCase::kDayToDay, p, {SideOptions{}, SideOptions{}, SideOptions{}},
                          {WarheadSplit{}, WarheadSplit{}, WarheadSplit{}});
  EXPECT_DOUBLE_EQ(three.system_index, two.index);
  EXPECT_DOUBLE_EQ(three.pairs[0].exchange.a.c1, two.a.c1);
}

TEST(ThreeSidedTest, FixedSplitWithoutTheThirdTermIsTheWithheldExchange) {
  // b3 = 0: the pair US-RU is evaluate_real with each side's share against China withheld, the
  // `withheld` shares of the two-sided model (docs/methods.md §6).
  const ForceSnapshot us = catalog().load_snapshot("us-2026-11-01");
  const ForceSnapshot ru = catalog().load_snapshot("ru-2026-11-01");
  const ForceSnapshot cn = catalog().load_snapshot("cn-2026-11-01");
  StabilityParameters p;
  p.draw_down = DrawDownMethod::kGreedy;
  p.third_side_weight = 0.0;
  const std::array<WarheadSplit, 3> rules{WarheadSplit{SplitRule::kShares, {0, 0.8, 0.2}},
                                          WarheadSplit{SplitRule::kShares, {0.9, 0, 0.1}},
                                          WarheadSplit{SplitRule::kShares, {0.5, 0.5, 0}}};
  const ThreeSidedStability three = evaluate_three_real({&us, &ru, &cn}, PostureCase::kDayToDay, p,
                                                        {SideOptions{}, SideOptions{}, SideOptions{}}, rules);
  EXPECT_DOUBLE_EQ(three.split[0][2], 0.2);
  EXPECT_DOUBLE_EQ(three.split[1][2], 0.1);
  const StabilityResult withheld = evaluate_real(us, ru, PostureCase::kDayToDay, p, 0.2, 0.1);
  EXPECT_DOUBLE_EQ(three.pairs[0].exchange.index, withheld.index);
  EXPECT_DOUBLE_EQ(three.pairs[0].exchange.a.c1, withheld.a.c1);
  EXPECT_DOUBLE_EQ(three.pairs[0].exchange.b.c2, withheld.b.c2);
  // The US-CN pair: the US keeps 0.8 back against Russia, China 0.5 against Russia.
  const StabilityResult us_cn = evaluate_real(us, cn, PostureCase::kDayToDay, p, 0.8, 0.5);
  EXPECT_DOUBLE_EQ(three.pairs[1].exchange.index, us_cn.index);
  EXPECT_DOUBLE_EQ(three.system_index,
                   three.pairs[0].exchange.index * three.pairs[1].exchange.index * three.pairs[2].exchange.index);
}

TEST(ThreeSidedTest, SplitsByHand) {
  const std::array<double, 3> warheads{1600, 1700, 600};
  const std::array<std::array<double, 3>, 3> proportional =
      warhead_splits({WarheadSplit{}, WarheadSplit{}, WarheadSplit{}}, warheads);
  EXPECT_DOUBLE_EQ(proportional[0][1], 1700.0 / 2300.0);
  EXPECT_DOUBLE_EQ(proportional[0][2], 600.0 / 2300.0);
  EXPECT_DOUBLE_EQ(proportional[2][0], 1600.0 / 3300.0);
  EXPECT_EQ(proportional[1][1], 0.0);
  const std::array<std::array<double, 3>, 3> shares =
      warhead_splits({WarheadSplit{SplitRule::kShares, {0, 0.7, 0.3}}, WarheadSplit{},
                      WarheadSplit{SplitRule::kShares, {0.6, 0.4, 0}}},
                     {1600, 0, 600});
  EXPECT_EQ(shares[0][1], 0.0);  // side 1 is unarmed: everything against side 2
  EXPECT_EQ(shares[0][2], 1.0);
  EXPECT_EQ(shares[2][0], 1.0);
  EXPECT_DOUBLE_EQ(shares[1][0], 1600.0 / 2200.0);
}

TEST(ThreeSidedTest, AChosenSplitIsTheBestOfItsGrid) {
  // Side 0 chooses; the others' shares are fixed, so one round settles it. Every share of the
  // grid, evaluated as fixed shares, leaves the cheaper of the opponents' first strikes on side 0
  // no costlier than the chosen one does.
  const StabilityParameters p = kent_thaler_example();
  const WarheadSplit b_rule{SplitRule::kShares, {0.7, 0, 0.3}};
  const WarheadSplit c_rule{SplitRule::kShares, {0.5, 0.5, 0}};
  const auto cheapest_on_a = [](const ThreeSidedStability& t) {
    // Pair 0 is (A, B): B's cost of striking A first is b.c1; pair 1 is (A, C): C's is b.c1.
    return std::min(t.pairs[0].exchange.b.c1, t.pairs[1].exchange.b.c1);
  };
  const ThreeSidedStability chosen =
      evaluate_three_abstract({kA, kB, kC}, {WarheadSplit{SplitRule::kChosen, {}}, b_rule, c_rule}, p);
  const double share = chosen.split[0][1];
  EXPECT_NEAR(share * 10, std::round(share * 10), 1e-12);  // on the grid
  double best = -1;
  for (int k = 0; k <= 10; ++k) {
    const ThreeSidedStability fixed = evaluate_three_abstract(
        {kA, kB, kC}, {WarheadSplit{SplitRule::kShares, {0, k / 10.0, 1 - k / 10.0}}, b_rule, c_rule}, p);
    best = std::max(best, cheapest_on_a(fixed));
    if (std::abs(k / 10.0 - share) < 1e-12) EXPECT_DOUBLE_EQ(cheapest_on_a(fixed), cheapest_on_a(chosen));
  }
  EXPECT_DOUBLE_EQ(cheapest_on_a(chosen), best);
}

TEST(ThreeSidedTest, SmallCaseByHand) {
  // Nothing targetable (no fixed launchers, everything on alert): s* = 0, so every ready warhead
  // goes to value and the costs follow from the formulas directly. Proportional splits.
  const AbstractSide x{0, 0, 100, 4, 1.0, 0.8, 400};  // 400 warheads, 360 ready
  const AbstractSide y{0, 0, 50, 6, 1.0, 0.8, 600};   // 300 warheads, 270 ready
  const AbstractSide z{0, 0, 20, 5, 1.0, 0.8, 200};   // 100 warheads, 90 ready
  const StabilityParameters p = kent_thaler_example();
  const ThreeSidedStability t = evaluate_three_abstract({x, y, z}, {WarheadSplit{}, WarheadSplit{}, WarheadSplit{}}, p);
  const double a = 0.75;
  const double b = 0.3;
  const double b3 = 0.3;
  const auto d = [](double w, double w80) { return 1.0 - std::exp(-w * std::log(5.0) / w80); };
  // Splits: x holds 300/400 against y, y 400/500 against x, z 400/700 against x.
  const double xy = 300.0 / 400.0;
  const double yx = 400.0 / 500.0;
  const double zx = 400.0 / 700.0;
  const double zy = 300.0 / 700.0;
  EXPECT_DOUBLE_EQ(t.split[0][1], xy);
  EXPECT_DOUBLE_EQ(t.threat[2][0], 90.0 * zx);
  // x strikes y first: L = 360 xy on y's value, U = 300 yx (all of y's share against x) on x's.
  const double l = 360.0 * xy;
  const double u = 300.0 * yx;
  const double dx = d(u, 400);
  const double dy = d(l, 600);
  const double c1_x =
      std::pow(dx, a) + b * (1 - std::pow(dy, a)) + b3 * (std::pow(d(u + 90.0 * zx, 400), a) - std::pow(dx, a));
  const double c2_y =
      std::pow(dy, a) + b * (1 - std::pow(dx, a)) + b3 * (std::pow(d(l + 90.0 * zy, 600), a) - std::pow(dy, a));
  const FirstStrike& s = t.pairs[0].exchange.a_strikes_b;
  EXPECT_EQ(s.counterforce_spent, 0.0);
  EXPECT_NEAR(s.cost_striker, c1_x, 1e-12);
  EXPECT_NEAR(s.cost_victim, c2_y, 1e-12);
  EXPECT_NEAR(s.third_side_cost_striker, b3 * (std::pow(d(u + 90.0 * zx, 400), a) - std::pow(dx, a)), 1e-12);
  // y strikes x first: L' = 270 yx on x, U' = 400 xy on y.
  const double l2 = 270.0 * yx;
  const double u2 = 400.0 * xy;
  const double c2_x = std::pow(d(l2, 400), a) + b * (1 - std::pow(d(u2, 600), a)) +
                      b3 * (std::pow(d(l2 + 90.0 * zx, 400), a) - std::pow(d(l2, 400), a));
  EXPECT_NEAR(t.pairs[0].exchange.a.c2, c2_x, 1e-12);
  EXPECT_NEAR(t.pairs[0].exchange.a.ratio, std::min(1.0, c1_x / c2_x), 1e-12);
}

TEST(ThreeSidedTest, TheStoppingRuleFindsTheMinimumWithTheThirdSidesTerm) {
  // C_A(s) with the third side's term, on a fine grid from the inputs (K(s) from the draw-down);
  // the search's s* must be at least as good as every grid point.
  const StabilityParameters p = kent_thaler_example();
  for (double third : {0.0, 50.0, 300.0, 2000.0}) {
    const StrikeInputs in = abstract_strike_inputs(kA, kB, p, 0.2, 0.3, third, third / 2);
    const FirstStrike best = evaluate_first_strike(in, p);
    double grid_min = 1e9;
    const int n = 20000;
    for (int i = 0; i <= n; ++i) {
      const double s = in.striker_warheads * i / n;
      const double u = std::max(0.0, in.victim_arriving - in.draw_down.kills(s));
      const double l = in.striker_arriving - s;
      const double du = in.striker_damage(u);
      const double dl = in.victim_damage(l);
      const double c = std::pow(du, 0.75) + 0.3 * (1 - std::pow(dl, 0.75)) +
                       0.3 * (std::pow(in.striker_damage(u + third), 0.75) - std::pow(du, 0.75));
      grid_min = std::min(grid_min, c);
    }
    EXPECT_LE(best.cost_striker, grid_min + 1e-12) << third;
    EXPECT_GT(best.cost_striker, grid_min - 1e-4) << third;
  }
}

TEST(ThreeSidedTest, BundledScenariosRunAndTheSystemIsTheProductOfThePairs) {
  for (const char* name : {"us-ru-cn-2026", "us-ru-cn-2030", "us-ru-cn-2035"}) {
    const Scenario s = prepare_scenario(load_scenario(catalog().scenario_path(name), {}, &catalog()));
    ASSERT_EQ(s.sides.size(), 3U) << name;
    const StabilityResult r = evaluate_scenario(s);
    ASSERT_TRUE(r.three_sided) << name;
    const ThreeSidedStability& t = *r.three_sided;
    EXPECT_DOUBLE_EQ(r.index, t.pairs[0].exchange.index * t.pairs[1].exchange.index * t.pairs[2].exchange.index);
    for (std::size_t i = 0; i < 3; ++i) EXPECT_NEAR(t.split[i][0] + t.split[i][1] + t.split[i][2], 1.0, 1e-12);
    EXPECT_GT(r.index, 0.0);
    EXPECT_LE(r.index, 1.0);
  }
  // China's projected growth is in the data: 568, about 1,010 and about 1,420 warheads in the exchange.
  const Scenario s2030 = prepare_scenario(load_scenario(catalog().scenario_path("us-ru-cn-2030"), {}, &catalog()));
  EXPECT_NEAR(evaluate_scenario(s2030).three_sided->warheads[2], 1012.01, 0.01);
  const Scenario s2035 = prepare_scenario(load_scenario(catalog().scenario_path("us-ru-cn-2035"), {}, &catalog()));
  EXPECT_NEAR(evaluate_scenario(s2035).three_sided->warheads[2], 1420.01, 0.01);
}

TEST(ThreeSidedTest, TheBestAndBrackenTableInTheMethodsIsComputed) {
  // docs/methods.md §13.5's table, row by row, recomputed: it cannot drift from the model.
  const std::string methods = test::slurp(STRATSTAB_SOURCE_DIR "/docs/methods.md");
  const std::size_t at = methods.find("*The Best and Bracken check, with numbers*");
  ASSERT_NE(at, std::string::npos);
  std::istringstream lines(methods.substr(at));
  const auto index_of = [](const std::string& name, const std::vector<Override>& sets, bool russian_defence) {
    Scenario s = load_scenario(catalog().scenario_path(name), sets, &catalog());
    if (russian_defence) {
      s.sides[1].defence = s.sides[0].defence;
      s.sides[1].defence->interceptors = s.sides[0].defence->interceptors;
    }
    return evaluate_scenario(prepare_scenario(std::move(s)));
  };
  int rows = 0;
  for (std::string line; std::getline(lines, line);) {
    if (!line.starts_with("|")) {
      if (rows > 0) break;  // the end of the table
      continue;
    }
    if (line.starts_with("| interceptors") || line.starts_with("|---")) continue;
    std::vector<std::string> cells;
    std::istringstream row(line);
    for (std::string cell; std::getline(row, cell, '|');) {
      cell.erase(std::remove(cell.begin(), cell.end(), ' '), cell.end());
      cell.erase(std::remove(cell.begin(), cell.end(), ','), cell.end());
      if (!cell.empty()) cells.push_back(cell);
    }
    ASSERT_EQ(cells.size(), 7U) << line;
    const std::vector<Override> n{Override::parse("sides.US.defence.interceptors=" + cells[0])};
    std::vector<Override> china_2035 = n;
    china_2035.push_back(Override::parse("sides.CN.force=cn-2035-01-01"));
    const StabilityResult us_only = index_of("three-sided-golden-dome", n, false);
    const auto near = [&](const std::string& cell, double value) {
      EXPECT_NEAR(std::stod(cell), value, 0.0005) << line;
    };
    near(cells[1], index_of("golden-dome", n, false).index);
    near(cells[2], us_only.index);
    near(cells[3], us_only.three_sided->pairs[0].exchange.index);
    near(cells[4], us_only.three_sided->pairs[1].exchange.index);
    near(cells[5], index_of("three-sided-golden-dome", n, true).index);
    near(cells[6], index_of("three-sided-golden-dome", china_2035, true).index);
    ++rows;
  }
  EXPECT_EQ(rows, 4);
}

TEST(ThreeSidedTest, ChinasBuildUpEventsReachTheProjectedSnapshots) {
  // data/pathways/china-buildup.yaml ramps the 2026 force; on 2030-01-01 and 2035-01-01 it must be
  // the projected snapshots' force, so the index is us-ru-cn-2030's and us-ru-cn-2035's exactly.
  const test::CliRun p = test::run_cli("pathways china-buildup --from 2030-01-01 --to 2035-01-01 --json");
  ASSERT_EQ(p.exit_code, 0) << p.err;
  const auto points = nlohmann::json::parse(p.out).at("branches").at(0).at("points");
  ASSERT_EQ(points.size(), 6U);
  for (const auto& [name, at] : {std::pair{"us-ru-cn-2030", 0}, std::pair{"us-ru-cn-2035", 5}}) {
    const Scenario s = prepare_scenario(load_scenario(catalog().scenario_path(name), {}, &catalog()));
    EXPECT_DOUBLE_EQ(points.at(at).at("index").get<double>(), evaluate_scenario(s).index) << name;
  }
}

TEST(ThreeSidedTest, TheFormatsExampleIsTheBundledScenario) {
  // docs/io_formats.md quotes us-ru-cn-2035 "without its comments": it loads and gives its index.
  const std::string doc = test::slurp(STRATSTAB_SOURCE_DIR "/docs/io_formats.md");
  const std::size_t begin = doc.find("```yaml\nname: us-ru-cn-2035\n");
  ASSERT_NE(begin, std::string::npos);
  const std::size_t body = begin + std::string("```yaml\n").size();
  const std::string yaml = doc.substr(body, doc.find("```", body) - body);
  const test::TempDir dir;
  const Scenario quoted = prepare_scenario(load_scenario(dir.write("s.yaml", yaml), {}, &catalog()));
  const Scenario bundled = prepare_scenario(load_scenario(catalog().scenario_path("us-ru-cn-2035"), {}, &catalog()));
  EXPECT_DOUBLE_EQ(evaluate_scenario(quoted).index, evaluate_scenario(bundled).index);
}

TEST(ThreeSidedTest, TheBundledAbstractExampleIsWhatItsCommentSays) {
  const auto index = [](const std::vector<Override>& sets) {
    return evaluate_scenario(
               prepare_scenario(load_scenario(catalog().scenario_path("kent-thaler-three-sided"), sets, &catalog())))
        .index;
  };
  EXPECT_NEAR(index({}), 0.427714, 5e-7);
  EXPECT_NEAR(index({Override::parse("sides.C.abstract.nf=0"), Override::parse("sides.C.abstract.ns=0")}), 0.350948,
              5e-7);
}

TEST(ThreeSidedTest, ChinasDerivedW80HasAFiniteRange) {
  // Under 3 psi and 2,500 per km2 the Chinese city table does not reach D = 0.8 within 6,000
  // warheads; an infinite high end would make every uncertainty draw of it meaningless.
  const Scenario s = prepare_scenario(load_scenario(catalog().scenario_path("us-ru-cn-2026"), {}, &catalog()));
  const Figure& w80 = s.sides[2].forces->w80;
  ASSERT_TRUE(w80.range.has_value());
  EXPECT_EQ(w80.range->high, static_cast<double>(kCityCurveMaxWarheads));
  EXPECT_LT(w80.range->low, w80.value);
  EXPECT_NE(w80.note.find("the range ends there"), std::string::npos) << w80.note;
  // The US and Russian ranges are the table's own (finite) ends.
  EXPECT_LT(s.sides[0].forces->w80.range->high, static_cast<double>(kCityCurveMaxWarheads));
}

TEST(ThreeSidedTest, LoaderRefusesWhatThreeSidesCannotMean) {
  const test::TempDir dir;
  const std::string base =
      "name: t\nsides:\n  A:\n    abstract: {nf: 300, mf: 2, ns: 50, ms: 12, alert: 0.5, de: 0.75, w80: 800}\n"
      "  B:\n    abstract: {nf: 250, mf: 4, ns: 35, ms: 8, alert: 0.35, de: 0.85, w80: 1000}\n"
      "  C:\n    abstract: {nf: 100, mf: 1, ns: 20, ms: 3, alert: 0.5, de: 0.7, w80: 500}\n";
  const auto errors = [&](const std::string& text) { return read_scenario(dir.write("s.yaml", text)).diagnostics; };
  EXPECT_TRUE(errors(base).empty()) << test::dump(errors(base));
  const auto bad_id = errors(base + "    split: {A: 0.5, D: 0.5}\n");
  const Diagnostic* d = test::find_by_key(bad_id, "sides.C.split.D");
  ASSERT_NE(d, nullptr) << test::dump(bad_id);
  EXPECT_EQ(d->message, "expected one of the side's two opponents (A, B), got 'D'");
  EXPECT_EQ(d->where.line, 9);
  const auto sum = errors(base + "    split: {A: 0.5, B: 0.6}\n");
  d = test::find_by_key(sum, "sides.C.split");
  ASSERT_NE(d, nullptr) << test::dump(sum);
  EXPECT_EQ(d->message, "expected the two shares to sum to 1, got 1.1");
  const auto word = errors(base + "    split: even\n");
  d = test::find_by_key(word, "sides.C.split");
  ASSERT_NE(d, nullptr) << test::dump(word);
  EXPECT_EQ(d->message,
            "expected `proportional`, `chosen` or a mapping of the two other sides' ids to shares, got 'even'");
  const auto four = errors(base + "  D:\n    abstract: {nf: 1, mf: 1, ns: 1, ms: 1, alert: 0.5, de: 0.7, w80: 500}\n");
  d = test::find_by_key(four, "sides");
  ASSERT_NE(d, nullptr) << test::dump(four);
  EXPECT_EQ(d->message, "expected two or three sides, got 4");
  const std::string real =
      "name: t\nsides:\n  US:\n    force: us-2026-11-01\n    withheld: 0.2\n  RU:\n    force: ru-2026-11-01\n"
      "  CN:\n    force: cn-2026-11-01\n";
  const auto withheld = read_scenario(dir.write("r.yaml", real), {}, &catalog()).diagnostics;
  d = test::find_by_key(withheld, "sides.US.withheld");
  ASSERT_NE(d, nullptr) << test::dump(withheld);
  EXPECT_EQ(d->where.line, 5);
  EXPECT_NE(d->message.find("expected `split` instead of `withheld`"), std::string::npos);
  // A refused entry among four (a bad id) leaves three read sides: reported, not read past the end
  // (a fuzzer finding: the split reader walked the file's entries instead of the sides read).
  const auto refused = errors(base + "    split: {A: 0.5, B: 0.5}\n  \" bad\":\n    split: proportional\n");
  ASSERT_FALSE(refused.empty());
  EXPECT_NE(test::dump(refused).find("expected a side id of letters"), std::string::npos) << test::dump(refused);
  // `split` with two sides is a slip, not ignored.
  const std::string two =
      "name: t\nsides:\n  A:\n    abstract: {nf: 300, mf: 2, ns: 50, ms: 12, alert: 0.5, de: 0.75, w80: 800}\n"
      "    split: proportional\n  B:\n    abstract: {nf: 250, mf: 4, ns: 35, ms: 8, alert: 0.35, de: 0.85, w80: "
      "1000}\n";
  const auto two_sided = errors(two);
  d = test::find_by_key(two_sided, "sides.A.split");
  ASSERT_NE(d, nullptr) << test::dump(two_sided);
  EXPECT_EQ(d->where.line, 5);
  // The mix search and the sensitivity are two-sided: refused, not run without the third side.
  const auto mix = read_scenario(catalog().scenario_path("us-ru-cn-2026"),
                                 {Override::parse("comply=true"), Override::parse("mix=survivable")}, &catalog())
                       .diagnostics;
  d = test::find_by_key(mix, "mix");
  ASSERT_NE(d, nullptr) << test::dump(mix);
  EXPECT_NE(d->message.find("expected `mix: rule` (or no `mix`) with three sides"), std::string::npos);
  const test::CliRun sensitivity = test::run_cli("sensitivity us-ru-cn-2026");
  EXPECT_EQ(sensitivity.exit_code, 3);
  EXPECT_NE(sensitivity.err.find("sensitivity differentiates the two-sided index; this scenario has three sides"),
            std::string::npos)
      << sensitivity.err;
}

TEST(ThreeSidedTest, CliAssessAndSweepCarryThePairs) {
  const test::CliRun a = test::run_cli("assess us-ru-cn-2026 --json");
  ASSERT_EQ(a.exit_code, 0) << a.err;
  const auto j = nlohmann::json::parse(a.out);
  const auto& t = j.at("three_sided");
  double product = 1;
  for (const auto& pair : t.at("pairs")) product *= pair.at("index").get<double>();
  EXPECT_DOUBLE_EQ(t.at("system_index").get<double>(), product);
  EXPECT_DOUBLE_EQ(j.at("stability").at("index").get<double>(), product);
  EXPECT_EQ(t.at("ordered_pairs").size(), 6U);
  const test::CliRun text = test::run_cli("assess us-ru-cn-2026");
  EXPECT_NE(text.out.find(fmt::format("Three-sided first-strike stability index: {:.6f}", product)), std::string::npos)
      << text.out;
  const test::CliRun s = test::run_cli(
      "sweep three-sided-golden-dome --param sides.US.defence.interceptors --values 0,1000 --json --quiet");
  ASSERT_EQ(s.exit_code, 0) << s.err;
  const auto sweep = nlohmann::json::parse(s.out);
  const auto& p0 = sweep.at("points").at(0);
  double pairs = 1;
  for (const auto& [label, index] : p0.at("pair_indices").items()) pairs *= index.get<double>();
  EXPECT_DOUBLE_EQ(p0.at("index").get<double>(), pairs);
  // At 0 interceptors the defended scenario is us-ru-cn-2026.
  EXPECT_DOUBLE_EQ(p0.at("index").get<double>(), product);
  const test::CliRun csv =
      test::run_cli("sweep three-sided-golden-dome --param sides.US.defence.interceptors --values 0 --csv --quiet");
  ASSERT_EQ(csv.exit_code, 0) << csv.err;
  EXPECT_NE(csv.out.find(",pair.US-RU,pair.US-CN,pair.RU-CN\n"), std::string::npos) << csv.out;
  EXPECT_NE(csv.out.find(fmt::format(",{}\n", t.at("pairs").at(2).at("index").get<double>())), std::string::npos)
      << csv.out;
  // compare: the system index, each pair's, China's column with its split and no pair ratios.
  const test::CliRun c = test::run_cli("compare us-ru-2026-11 us-ru-cn-2026 --json");
  ASSERT_EQ(c.exit_code, 0) << c.err;
  const auto columns = nlohmann::json::parse(c.out);
  EXPECT_FALSE(columns.at(0).contains("pair_indices"));
  EXPECT_DOUBLE_EQ(columns.at(1).at("index").get<double>(), product);
  EXPECT_DOUBLE_EQ(columns.at(1).at("pair_indices").at("US-CN").get<double>(),
                   t.at("pairs").at(1).at("index").get<double>());
  const auto& cn = columns.at(1).at("sides").at("CN");
  EXPECT_TRUE(cn.at("c1").is_null());
  EXPECT_EQ(cn.at("split").get<std::string>(), "US 0.498 RU 0.502");
  EXPECT_DOUBLE_EQ(cn.at("warheads_total").get<double>(), t.at("sides").at("CN").at("warheads").get<double>());
}

}  // namespace
}  // namespace stratstab

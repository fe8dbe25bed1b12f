// Counterforce draw-down (docs/methods.md §5): the exact linear programme over attack patterns against
// closed forms, hand-worked cases and brute force over integer assignments; the greedy against it.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <random>
#include <string>

#include "stratstab/draw_down.hpp"

namespace stratstab {
namespace {

CounterforceProblem one_kind_problem(double warheads, double p) {
  CounterforceProblem problem;
  problem.kinds = {{"k", warheads, 1.0}};
  problem.targets = {{"heavy", 10, 4, 4, true}, {"light", 30, 1, 1, false}};
  problem.kill_probability = {p, p};
  problem.max_warheads_per_target = 2;
  return problem;
}

TEST(DrawDownTest, ExactEqualsTheHomogeneousClosedFormForOneKind) {
  // One kind, p = 0.7: marginal kills per warhead are m p (1-p)^(k-1) for the k-th warhead on a
  // launcher: heavy 2.8 then 0.84, light 0.7 then 0.21 (docs/methods.md §5); K is their sorted sum.
  const CounterforceProblem problem = one_kind_problem(1000, 0.7);
  const DrawDown exact = exact_draw_down(problem);
  const DrawDown closed = homogeneous_draw_down({{10, 4, 1}, {30, 1, 1}}, 0.7, 2);
  for (double s = 0; s <= 90; s += 0.5) EXPECT_NEAR(exact.kills(s), closed.kills(s), 1e-9) << "s = " << s;
  // By hand: 10 warheads at 2.8, 10 at 0.84, 30 at 0.7, 30 at 0.21.
  EXPECT_NEAR(exact.kills(10), 28.0, 1e-9);
  EXPECT_NEAR(exact.kills(20), 36.4, 1e-9);
  EXPECT_NEAR(exact.kills(50), 57.4, 1e-9);
  EXPECT_NEAR(exact.kills(80), 63.7, 1e-9);
  EXPECT_NEAR(exact.saturation(), 80.0, 1e-9);
  const DrawDown greedy = greedy_draw_down(problem);
  for (double s = 0; s <= 90; s += 0.5) EXPECT_NEAR(greedy.kills(s), closed.kills(s), 1e-9) << "s = " << s;
}

TEST(DrawDownTest, WarheadsRunningOutCapsTheDrawDown) {
  const CounterforceProblem problem = one_kind_problem(15, 0.7);
  const DrawDown exact = exact_draw_down(problem);
  EXPECT_NEAR(exact.kills(1000), 28.0 + 5 * 0.84, 1e-9);  // 10 first shots on heavy, then 5 second shots
  EXPECT_NEAR(exact.saturation(), 15.0, 1e-9);
}

TEST(DrawDownTest, GreedyMissesTheBetterPairingTheLinearProgrammeFinds) {
  // Kind A kills either launcher well (0.95 on X, 0.9 on Y); kind B only X (0.9; 0.1 on Y). One
  // warhead of each, one launcher of each class, one warhead per launcher. Greedy takes the best
  // single shot first, A on X (0.95), leaving B for Y (0.1): 1.05. The optimum pairs A with Y and B
  // with X: 0.9 + 0.9 = 1.8. With one warhead the best is 0.95, so K has slopes 0.95 then 0.85.
  CounterforceProblem problem;
  problem.kinds = {{"A", 1, 1.0}, {"B", 1, 0.5}};
  problem.targets = {{"X", 1, 1, 1, true}, {"Y", 1, 1, 1, false}};
  problem.kill_probability = {0.95, 0.9, 0.9, 0.1};
  problem.max_warheads_per_target = 1;
  const DrawDown greedy = greedy_draw_down(problem);
  const DrawDown exact = exact_draw_down(problem);
  EXPECT_NEAR(greedy.kills(2), 1.05, 1e-12);
  EXPECT_NEAR(exact.kills(1), 0.95, 1e-9);
  EXPECT_NEAR(exact.kills(2), 1.8, 1e-9);
  ASSERT_EQ(exact.pieces.size(), 2u);
  EXPECT_NEAR(exact.pieces[0].slope, 0.95, 1e-9);
  EXPECT_NEAR(exact.pieces[1].slope, 0.85, 1e-9);
  // Value cost: at s = 1 the programme uses A (reliability-like cost 1); going to s = 2 it moves A
  // to Y and adds B: one more A-or-B warhead whose cost is B's 0.5.
  EXPECT_NEAR(exact.pieces[0].value_cost, 1.0, 1e-9);
  EXPECT_NEAR(exact.pieces[1].value_cost, 0.5, 1e-9);
  const CounterforceAllocation at2 = exact_allocation(problem, 2);
  EXPECT_NEAR(at2.kills, 1.8, 1e-9);
  EXPECT_NEAR(at2.spent_by_target[0], 1, 1e-9);
  EXPECT_NEAR(at2.spent_by_target[1], 1, 1e-9);
}

/// Best integer assignment with at most `s` warheads: every way of giving each launcher a multiset
/// of at most M warheads, by brute force.
double brute_force_integer(const CounterforceProblem& problem, const std::vector<int>& launchers,
                           const std::vector<int>& warheads, int s) {
  // Each launcher gets a count per kind; enumerate launchers one at a time.
  std::vector<int> left = warheads;
  std::vector<std::size_t> launcher_class;
  for (std::size_t t = 0; t < launchers.size(); ++t) {
    for (int i = 0; i < launchers[t]; ++i) launcher_class.push_back(t);
  }
  double best = 0.0;
  std::function<void(std::size_t, int, double)> go = [&](std::size_t index, int spent, double value) {
    best = std::max(best, value);
    if (index == launcher_class.size()) return;
    const std::size_t t = launcher_class[index];
    std::vector<int> counts(problem.kinds.size(), 0);
    std::function<void(std::size_t, int)> choose = [&](std::size_t k, int used) {
      if (k == problem.kinds.size()) {
        double survive = 1.0;
        for (std::size_t j = 0; j < counts.size(); ++j) {
          for (int c = 0; c < counts[j]; ++c) survive *= 1.0 - problem.p(j, t);
        }
        go(index + 1, spent + used, value + problem.targets[t].kill_value * (1.0 - survive));
        return;
      }
      for (int c = 0; used + c <= problem.max_warheads_per_target && c <= left[k] && spent + used + c <= s; ++c) {
        counts[k] = c;
        left[k] -= c;
        choose(k + 1, used + c);
        left[k] += c;
      }
      counts[k] = 0;
    };
    choose(0, 0);
  };
  go(0, 0, 0.0);
  return best;
}

TEST(DrawDownTest, AgreesWithBruteForceOnSmallIntegerProblems) {
  std::mt19937 rng(20261121);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  std::uniform_int_distribution<int> small(1, 3);
  for (int trial = 0; trial < 30; ++trial) {
    const int m = 1 + trial % 2;
    CounterforceProblem problem;
    problem.max_warheads_per_target = m;
    std::vector<int> launchers;
    std::vector<int> warheads;
    for (int k = 0; k < 2; ++k) {
      warheads.push_back(small(rng));
      problem.kinds.push_back({"k" + std::to_string(k), static_cast<double>(warheads.back()), 1.0});
    }
    for (int t = 0; t < 2; ++t) {
      launchers.push_back(small(rng) - (t == 1 ? 1 : 0));
      problem.targets.push_back(
          {"t" + std::to_string(t), static_cast<double>(launchers.back()), 1 + 9 * unit(rng), 1.0, t == 0});
    }
    for (int i = 0; i < 4; ++i) problem.kill_probability.push_back(0.05 + 0.9 * unit(rng));
    const DrawDown exact = exact_draw_down(problem);
    const DrawDown greedy = greedy_draw_down(problem);
    for (int s = 0; s <= 6; ++s) {
      const double integer = brute_force_integer(problem, launchers, warheads, s);
      // The programme relaxes the integer problem, so bounds it; with one warhead per launcher it is
      // a flow problem (kinds -> classes, total flow s) whose optimum is integral: equal.
      EXPECT_GE(exact.kills(s), integer - 1e-9) << "trial " << trial << " s " << s;
      if (m == 1) EXPECT_NEAR(exact.kills(s), integer, 1e-9) << "trial " << trial << " s " << s;
      EXPECT_LE(greedy.kills(s), exact.kills(s) + 1e-9) << "trial " << trial << " s " << s;
      EXPECT_NEAR(exact_allocation(problem, s).kills, exact.kills(s), 1e-7) << "trial " << trial << " s " << s;
    }
    // K is concave: slopes never rise.
    for (std::size_t i = 1; i < exact.pieces.size(); ++i) {
      EXPECT_LE(exact.pieces[i].slope, exact.pieces[i - 1].slope + 1e-9) << "trial " << trial;
    }
  }
}

TEST(DrawDownTest, GreedyAllocationReplaysTheGreedyDrawDown) {
  CounterforceProblem problem;
  problem.kinds = {{"A", 7, 0.9}, {"B", 12, 0.8}};
  problem.targets = {{"X", 4, 10, 10, true}, {"Y", 6, 3, 3, false}};
  problem.kill_probability = {0.9, 0.6, 0.5, 0.8};
  problem.max_warheads_per_target = 2;
  const DrawDown greedy = greedy_draw_down(problem);
  for (double s : {0.0, 1.0, 3.5, 7.0, 11.0, 19.0}) {
    const CounterforceAllocation a = greedy_allocation(problem, s);
    EXPECT_NEAR(a.kills, greedy.kills(s), 1e-12) << s;
    EXPECT_NEAR(a.spent_by_target[0] + a.spent_by_target[1], std::min(s, greedy.saturation()), 1e-12) << s;
  }
}

}  // namespace
}  // namespace stratstab

// The parametric simplex against the Clp oracle (docs/methods.md §5): K(s) equal to 1e-9 (relative
// to K's scale) at every breakpoint of either, on random problems with 1-6 kinds, 1-10 target
// classes, 1-4 warheads per target, ties and zero entries included.
namespace stratstab {
namespace {

TEST(DrawDownParametric, EqualsTheClpOracleOnRandomProblems) {
  std::mt19937_64 rng(20261202);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  int compared = 0;
  for (int trial = 0; trial < 1000; ++trial) {
    CounterforceProblem p;
    const int kinds = 1 + static_cast<int>(rng() % 6);
    const int targets = 1 + static_cast<int>(rng() % 10);
    p.max_warheads_per_target = 1 + static_cast<int>(rng() % 4);
    for (int k = 0; k < kinds; ++k) {
      const double w = rng() % 7 == 0 ? 0.0 : std::floor(10 + 400 * unit(rng));
      p.kinds.push_back({"k" + std::to_string(k), w, rng() % 3 == 0 ? 1.0 : 0.7 + 0.3 * unit(rng)});
    }
    for (int t = 0; t < targets; ++t) {
      const double count = rng() % 9 == 0 ? 0.0 : std::floor(1 + 200 * unit(rng));
      // Ties: a third of the classes share one value per launcher.
      const double value = rng() % 3 == 0 ? 4.0 : 0.5 + 10 * unit(rng);
      p.targets.push_back({"t" + std::to_string(t), count, value, value * 1.2, rng() % 2 == 0});
    }
    for (int k = 0; k < kinds; ++k) {
      for (int t = 0; t < targets; ++t) {
        const auto r = rng() % 8;
        p.kill_probability.push_back(r == 0 ? 0.0 : (r == 1 ? 0.5 : unit(rng)));
      }
    }
    const DrawDown fast = exact_draw_down(p);
    const DrawDown oracle = exact_draw_down_clp(p);
    const double scale = std::max(1.0, oracle.kills(oracle.saturation()));
    std::vector<double> points{0.0};
    for (const DrawDown* d : {&fast, &oracle}) {
      double s = 0.0;
      for (const DrawDownPiece& piece : d->pieces) {
        s += piece.width;
        points.push_back(s);
        points.push_back(s - 0.5 * piece.width);
      }
    }
    for (double s : points) {
      ASSERT_NEAR(fast.kills(s), oracle.kills(s), 1e-9 * scale) << "trial " << trial << " s " << s;
      ++compared;
    }
    EXPECT_NEAR(fast.saturation(), oracle.saturation(), 1e-6 * std::max(1.0, oracle.saturation())) << trial;
  }
  EXPECT_GT(compared, 5000);
}

}  // namespace
}  // namespace stratstab

// Weapon effects and kill probability (docs/methods.md §4): its table of check values,
// closed-form properties of the formulas, the soft-target flag, and the messages for bad inputs.
#include <cmath>
#include <limits>
#include <vector>

#include <gtest/gtest.h>

#include "stratstab/schema.hpp"
#include "stratstab/weapon_effects.hpp"
#include "test_support.hpp"

namespace stratstab {
namespace {

using test::cep_bounds;
using test::hardness_bounds;
using test::yield_bounds;

// The hot cores must stay usable from noexcept engine loops.
static_assert(noexcept(lethal_radius_m(1.0, 1.0)));
static_assert(noexcept(sspk(1.0, 1.0)));
static_assert(noexcept(terminal_kill_probability(1.0, 1.0, 1.0)));
static_assert(noexcept(kill_probability_n(0.5, 2)));
static_assert(noexcept(kill_probability(1.0, 1.0, 1.0, 1.0, 1.0)));
static_assert(noexcept(lethality(1.0, 1.0)));

// The worked table prints LR to the millimetre and probabilities to 1e-6.
constexpr double kTableRadiusToleranceMetres = 5e-4;
constexpr double kTableProbabilityTolerance = 1e-6;

struct WorkedRow {
  double yield_kt, hardness_psi, cep_m, reliability;
  double lethal_radius_m, sspk, p;
};

// docs/methods.md §4, "Check values".
const std::vector<WorkedRow> kWorkedTable{
    {1000, 1000, 200, 1.0, 485.224, 0.983091, 0.983091},
    {300, 2000, 185.2, 0.85, 257.814, 0.739003, 0.628152},
    {455, 3000, 120, 0.9, 258.765, 0.960169, 0.864152},
};

TEST(WeaponEffectsTest, ReproducesTheWorkedTableOfMethodSection2) {
  for (const WorkedRow& row : kWorkedTable) {
    SCOPED_TRACE(testing::Message() << row.yield_kt << " kt, " << row.hardness_psi << " psi, " << row.cep_m << " m");
    const KillCalculation k = calculate_kill({.yield_kt = row.yield_kt,
                                              .hardness_psi = row.hardness_psi,
                                              .cep_m = row.cep_m,
                                              .reliability = row.reliability});
    EXPECT_NEAR(k.lethal_radius_m, row.lethal_radius_m, kTableRadiusToleranceMetres);
    EXPECT_NEAR(k.sspk, row.sspk, kTableProbabilityTolerance);
    EXPECT_NEAR(k.kill_probability, row.p, kTableProbabilityTolerance);
    EXPECT_DOUBLE_EQ(k.kill_probability_n, k.kill_probability);  // one warhead
    EXPECT_FALSE(k.approximate);
    EXPECT_TRUE(k.approximation_note.empty());
    // The one-call hot core gives the same number as the validating layer.
    EXPECT_DOUBLE_EQ(kill_probability(row.yield_kt, row.hardness_psi, row.cep_m, row.reliability, 1.0),
                     k.kill_probability);
  }
}

TEST(WeaponEffectsTest, OneMegatonOnThousandPsiIsExactlyTwoPointSixTwoTenthsOfAMile) {
  // (1 Mt / 1000 psi)^(1/3) = 0.1, so LR = 0.262 nmi = 485.224 m exactly.
  EXPECT_NEAR(lethal_radius_m(1000.0, 1000.0), 0.262 * 1852.0, 1e-9);
}

TEST(WeaponEffectsTest, TwoWarheadsOnOneTargetMatchTheWorkedValue) {
  const KillCalculation k =
      calculate_kill({.yield_kt = 300, .hardness_psi = 2000, .cep_m = 185.2, .reliability = 0.85, .warheads = 2});
  EXPECT_NEAR(k.kill_probability_n, 0.861729, kTableProbabilityTolerance);
  const std::vector<double> p{k.kill_probability, k.kill_probability};
  EXPECT_NEAR(combined_kill_probability(p), 0.861729, kTableProbabilityTolerance);
  EXPECT_NEAR(combined_kill_probability(p), k.kill_probability_n, 1e-15);
}

TEST(WeaponEffectsTest, LethalRadiusEqualToCepGivesHalf) {
  // A circular normal puts half its shots inside the CEP.
  EXPECT_DOUBLE_EQ(sspk(150.0, 150.0), 0.5);
  EXPECT_DOUBLE_EQ(sspk(1.0, 1.0), 0.5);
  // LR = sqrt(2) CEP: 1 - 0.5^2 = 0.75; LR = 0: no kill.
  EXPECT_NEAR(sspk(std::sqrt(2.0) * 100.0, 100.0), 0.75, 1e-15);
  EXPECT_EQ(sspk(0.0, 100.0), 0.0);
  // Far beyond the CEP the kill is certain, without overflow trouble.
  EXPECT_EQ(sspk(1e200, 1e-200), 1.0);
}

TEST(WeaponEffectsTest, LethalRadiusScalesAsTheCubeRootOfYieldOverHardness) {
  const double base = lethal_radius_m(100.0, 1500.0);
  EXPECT_NEAR(lethal_radius_m(800.0, 1500.0), 2.0 * base, 1e-12 * base);   // 8x yield: 2x radius
  EXPECT_NEAR(lethal_radius_m(100.0, 12000.0), 0.5 * base, 1e-12 * base);  // 8x hardness: half
  EXPECT_NEAR(lethal_radius_m(2700.0, 1500.0), 3.0 * base, 1e-12 * base);  // 27x yield: 3x radius
}

TEST(WeaponEffectsTest, TerminalKillProbabilityMultipliesReliabilityAndPenetration) {
  const KillCalculation full = calculate_kill({.yield_kt = 455, .hardness_psi = 3000, .cep_m = 120});
  const KillCalculation defended =
      calculate_kill({.yield_kt = 455, .hardness_psi = 3000, .cep_m = 120, .reliability = 0.9, .p_pen = 0.5});
  EXPECT_DOUBLE_EQ(full.kill_probability, full.sspk);
  EXPECT_NEAR(defended.kill_probability, 0.45 * full.sspk, 1e-15);
  EXPECT_EQ(terminal_kill_probability(0.8, 0.0, 1.0), 0.0);
}

TEST(WeaponEffectsTest, SeveralWarheadsCombineIndependently) {
  EXPECT_DOUBLE_EQ(kill_probability_n(0.3, 1), 0.3);
  EXPECT_NEAR(kill_probability_n(0.5, 3), 0.875, 1e-15);
  EXPECT_EQ(kill_probability_n(0.0, 10), 0.0);
  EXPECT_EQ(kill_probability_n(1.0, 2), 1.0);
  EXPECT_EQ(kill_probability_n(0.4, 0), 0.0);
  // Small probabilities keep their digits: 1 - (1 - 1e-12)^2 = 2e-12 - 1e-24.
  EXPECT_NEAR(kill_probability_n(1e-12, 2), 2e-12 - 1e-24, 1e-27);
  const std::vector<double> mixed{0.5, 0.2, 0.9};
  EXPECT_NEAR(combined_kill_probability(mixed), 1.0 - 0.5 * 0.8 * 0.1, 1e-15);
  EXPECT_EQ(combined_kill_probability({}), 0.0);
}

TEST(WeaponEffectsTest, LethalityCmpAndEmtFollowTheirDefinitions) {
  // 1 Mt with a CEP of one nautical mile: K = 1; 8 Mt: Y^(2/3) = 4.
  EXPECT_NEAR(lethality(1000.0, 1852.0), 1.0, 1e-12);
  EXPECT_NEAR(lethality(8000.0, 1852.0), 4.0, 1e-12);
  EXPECT_NEAR(lethality(8000.0, 3704.0), 1.0, 1e-12);  // halve accuracy: a quarter of K
  EXPECT_NEAR(equivalent_megatons(1000.0), 1.0, 1e-15);
  EXPECT_NEAR(equivalent_megatons(125.0), 0.25, 1e-15);
  const std::vector<WeaponGroup> force{{.count = 2, .yield_kt = 1000, .cep_m = 1852},
                                       {.count = 3, .yield_kt = 8000, .cep_m = 3704},
                                       {.count = 4, .yield_kt = 125, .cep_m = 926}};
  // K: 1, 1, 0.25 / 0.25 = 1 -> CMP = 2 + 3 + 4 = 9; EMT = 2 + 3 * 4 + 4 * 0.25 = 15.
  EXPECT_NEAR(counter_military_potential(force), 9.0, 1e-12);
  EXPECT_NEAR(equivalent_megatonnage(force), 15.0, 1e-12);
  EXPECT_EQ(counter_military_potential({}), 0.0);
  const KillCalculation k = calculate_kill({.yield_kt = 8000, .hardness_psi = 1000, .cep_m = 1852});
  EXPECT_NEAR(k.lethality_k, 4.0, 1e-12);
  EXPECT_NEAR(k.equivalent_megatons, 4.0, 1e-12);
}

TEST(WeaponEffectsTest, SoftTargetsBelowHundredPsiAreFlaggedApproximate) {
  const KillCalculation soft = calculate_kill({.yield_kt = 100, .hardness_psi = 10, .cep_m = 500});
  EXPECT_TRUE(soft.approximate);
  EXPECT_NE(soft.approximation_note.find("hardness 10 psi is below 100 psi"), std::string::npos)
      << soft.approximation_note;
  EXPECT_NE(soft.approximation_note.find("27% at 10 psi"), std::string::npos) << soft.approximation_note;
  // Still computed with the cube-root formula (no invented table).
  EXPECT_DOUBLE_EQ(soft.lethal_radius_m, lethal_radius_m(100, 10));

  EXPECT_TRUE(calculate_kill({.yield_kt = 100, .hardness_psi = 99.9, .cep_m = 500}).approximate);
  const KillCalculation edge = calculate_kill({.yield_kt = 100, .hardness_psi = 100, .cep_m = 500});
  EXPECT_FALSE(edge.approximate);
  EXPECT_TRUE(edge.approximation_note.empty());
}

/// The message calculate_kill throws for `inputs`, checking it names exactly one key.
Diagnostic single_problem(const KillInputs& inputs) {
  try {
    calculate_kill(inputs);
  } catch (const InputError& e) {
    EXPECT_EQ(e.diagnostics().size(), 1U) << test::dump(e.diagnostics());
    if (!e.diagnostics().empty()) return e.diagnostics().front();
  }
  ADD_FAILURE() << "no InputError";
  return {};
}

TEST(WeaponEffectsTest, BadInputsNameTheKeyAndWhatWasExpected) {
  const KillInputs good{.yield_kt = 300, .hardness_psi = 2000, .cep_m = 185.2, .reliability = 0.85};
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double inf = std::numeric_limits<double>::infinity();
  struct Case {
    KillInputs inputs;
    std::string message;
  };
  auto with = [&good](auto change) {
    KillInputs in = good;
    change(in);
    return in;
  };
  const std::vector<Case> cases{
      {with([](KillInputs& in) { in.yield_kt = -5; }),
       "yield_kt: expected a yield in kilotons in " + yield_bounds() + ", got -5"},
      {with([](KillInputs& in) { in.yield_kt = 0; }),
       "yield_kt: expected a yield in kilotons in " + yield_bounds() + ", got 0"},
      {with([&](KillInputs& in) { in.yield_kt = inf; }),
       "yield_kt: expected a yield in kilotons in " + yield_bounds() + ", got inf"},
      {with([&](KillInputs& in) { in.hardness_psi = nan; }),
       "hardness_psi: expected a target hardness in psi in " + hardness_bounds() + ", got nan"},
      {with([](KillInputs& in) { in.cep_m = 0; }), "cep_m: expected a CEP in metres in " + cep_bounds() + ", got 0"},
      {with([](KillInputs& in) { in.reliability = 1.2; }),
       "reliability: expected a reliability, a probability in [0, 1], got 1.2"},
      {with([&](KillInputs& in) { in.reliability = nan; }),
       "reliability: expected a reliability, a probability in [0, 1], got nan"},
      {with([](KillInputs& in) { in.p_pen = -0.1; }),
       "p_pen: expected a probability of penetration, a probability in [0, 1], got -0.1"},
      {with([](KillInputs& in) { in.warheads = 0; }),
       "warheads: expected a number of warheads, an integer >= 1, got 0"},
  };
  for (const Case& c : cases) {
    const Diagnostic d = single_problem(c.inputs);
    EXPECT_EQ(format_diagnostic(d), std::string(": error: ") + c.message);
  }
  // Boundaries are valid: certain and impossible reliability or penetration.
  EXPECT_NO_THROW(calculate_kill(with([](KillInputs& in) { in.reliability = 0.0; })));
  EXPECT_NO_THROW(calculate_kill(with([](KillInputs& in) { in.p_pen = 1.0; })));
}

TEST(WeaponEffectsTest, EveryBadInputIsReportedAtOnce) {
  const KillInputs bad{.yield_kt = -1, .hardness_psi = 0, .cep_m = -3, .reliability = 2, .p_pen = -1, .warheads = -4};
  const auto problems = validate_kill_inputs(bad);
  ASSERT_EQ(problems.size(), 6U) << test::dump(problems);
  for (const char* key : {"yield_kt", "hardness_psi", "cep_m", "reliability", "p_pen", "warheads"}) {
    EXPECT_NE(test::find_by_key(problems, key), nullptr) << key;
  }
  try {
    calculate_kill(bad);
    ADD_FAILURE() << "no InputError";
  } catch (const InputError& e) {
    EXPECT_EQ(std::string(e.what()), ": error: yield_kt: expected a yield in kilotons in " + yield_bounds() +
                                         ", got -1 (and 5 more problems)");
  }
}

TEST(WeaponEffectsTest, ForceIndicesNameTheBadWeaponGroup) {
  const std::vector<WeaponGroup> force{{.count = 1, .yield_kt = 100, .cep_m = 100},
                                       {.count = -2, .yield_kt = 100, .cep_m = 0}};
  try {
    counter_military_potential(force);
    ADD_FAILURE() << "no InputError";
  } catch (const InputError& e) {
    ASSERT_EQ(e.diagnostics().size(), 2U) << test::dump(e.diagnostics());
    EXPECT_EQ(format_diagnostic(e.diagnostics()[0]),
              ": error: weapons[1].count: expected a number of warheads, finite and >= 0, got -2");
    EXPECT_EQ(format_diagnostic(e.diagnostics()[1]),
              ": error: weapons[1].cep_m: expected a CEP in metres in " + cep_bounds() + ", got 0");
  }
  // EMT does not use accuracy, so a zero CEP is no problem there; the negative count still is.
  try {
    equivalent_megatonnage(force);
    ADD_FAILURE() << "no InputError";
  } catch (const InputError& e) {
    ASSERT_EQ(e.diagnostics().size(), 1U) << test::dump(e.diagnostics());
    EXPECT_EQ(e.diagnostics()[0].where.key_path, "weapons[1].count");
  }
}

}  // namespace
}  // namespace stratstab

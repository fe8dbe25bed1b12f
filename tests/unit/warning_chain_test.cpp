// The warning chain in the exchange (warning.hpp, real_strike.cpp): the shortest flight time of
// the striker's kinds that can kill the victim's silos and bombers, the launch-under-attack
// probability and bomber escape it leaves, and the kill values and bomber counts that follow;
// and the located errors of the warning section's min/max keys. Numbers derived on paper for a
// tiny force.
#include <gtest/gtest.h>

#include "small_forces.hpp"
#include "stratstab/catalog.hpp"
#include "stratstab/exchange.hpp"
#include "stratstab/scenario.hpp"
#include "test_support.hpp"

namespace stratstab {
namespace {

using test::small_snapshot;
using test::small_system;

// Lethal radius of 1 Mt: LR = 2.62 nmi x 1852 m x (1 Mt / H psi)^(1/3) (docs/methods.md §4), so
// 4,852.24 m on 1 psi and 485.224 m on 1,000 psi. SSPK = 1 - 0.5^((LR / CEP)^2).
constexpr double kLr1PsiM = 2.62 * 1852.0;

/// The striker: 50 silo ICBMs (1 Mt, CEP 485.224 m, reliability 0.8, 12 minutes' flight) and 10
/// SSBNs of 4 SLBMs all at sea (36 ready; 1 Mt, CEP 4,852.24 m, reliability 0.8, 8 minutes).
/// Kill probabilities p = R x SSPK:
///   ICBM on a 1,000 psi silo: LR / CEP = 1, SSPK 0.5, p = 0.4 (a threat: p >= 0.1);
///   SLBM on a silo: LR / CEP = 0.1, SSPK = 1 - 0.5^0.01 = 0.0069, p = 0.0055 (not a threat);
///   ICBM on a 1 psi bomber base: LR / CEP = 10, p = 0.8; SLBM: LR / CEP = 1, p = 0.4 (both threats).
/// The victim: 100 silos of 1 warhead and 20 bombers of 10 weapons, half of them on alert day to
/// day, reliability 0.5; warning 2 minutes after launch, decision uniform on [3, 10] minutes,
/// 2 minutes to get the missiles away, bombers clear of their bases in uniform [4, 8] minutes.
struct WarningCase {
  ForceSnapshot striker = [] {
    System ssbn = small_system("slbm", Basing::kSsbn, VehicleClass::kSlbm, 10, 4, 0.8, 1000, kLr1PsiM);
    ssbn.untargetable_day_to_day = test::figure(1);
    return small_snapshot(
        "striker", 100,
        {small_system("icbm", Basing::kSilo, VehicleClass::kIcbm, 50, 1, 0.8, 1000, kLr1PsiM / 10), ssbn});
  }();
  ForceSnapshot victim = [] {
    System bomber = small_system("bomber", Basing::kBomber, VehicleClass::kHeavyBomber, 20, 10, 0.5, 1000, 100, 1);
    bomber.untargetable_day_to_day = test::figure(0.5);
    return small_snapshot(
        "victim", 100,
        {small_system("silo", Basing::kSilo, VehicleClass::kIcbm, 100, 1, 0.5, 1000, 100, 1000), bomber});
  }();
  SideOptions striker_options;
  SideOptions victim_options;
  StabilityParameters parameters;

  WarningCase() {
    striker_options.flight.icbm_minutes = 12;
    striker_options.flight.slbm_minutes = 8;
    WarningChain& w = victim_options.warning;
    w.detection_minutes = 2;
    w.decision_minutes_min = 3;
    w.decision_minutes_max = 10;
    w.launch_minutes = 2;
    w.bomber_escape_minutes_min = 4;
    w.bomber_escape_minutes_max = 8;
    parameters.warning = true;
    parameters.launch_under_attack = true;
    parameters.lua_share = 0.9;
    parameters.draw_down = DrawDownMethod::kGreedy;
  }
  [[nodiscard]] WarningOutcome outcome() const {
    return warning_outcome(striker, victim, parameters, striker_options, victim_options);
  }
  [[nodiscard]] CounterforceProblem problem() const {
    return counterforce_problem(striker, Posture::kDayToDay, victim, Posture::kDayToDay, parameters, striker_options,
                                victim_options);
  }
};

const CounterforceProblem::TargetClass& target(const CounterforceProblem& problem, const std::string& label) {
  for (const CounterforceProblem::TargetClass& t : problem.targets) {
    if (t.label == label) return t;
  }
  ADD_FAILURE() << "no target class " << label;
  return problem.targets.front();
}

TEST(WarningChain, ShortestThreatFlightSetsLaunchAndEscape) {
  // Silos: only the ICBM threatens them (the SLBM's p = 0.0055 is below 0.1), so they get the
  // ICBM's 12 minutes: 12 - 2 - 2 = 8 minutes to decide, P(U[3, 10] <= 8) = 5/7.
  // Bombers: both threaten them; the SLBM's 8 minutes are shorter: 8 - 2 = 6 minutes to get
  // away, P(U[4, 8] <= 6) = 1/2.
  const WarningCase c;
  const WarningOutcome w = c.outcome();
  ASSERT_TRUE(w.silo_flight_minutes.has_value());
  ASSERT_TRUE(w.bomber_flight_minutes.has_value());
  EXPECT_EQ(*w.silo_flight_minutes, 12.0);
  EXPECT_EQ(*w.bomber_flight_minutes, 8.0);
  EXPECT_NEAR(w.launch_probability, 5.0 / 7.0, 1e-15);
  EXPECT_NEAR(w.bomber_escape, 0.5, 1e-15);

  // What follows in the counterforce problem. Silos: a share 0.9 x 5/7 = 9/14 is launched under
  // attack, so a destroyed silo takes 1 x (1 - 9/14) = 5/14 warheads as loaded and 5/14 x 0.5 =
  // 5/28 of the retaliation. Bombers: of the half on alert only half get away, so 20 x (1 - 0.5 x
  // 0.5) = 15 can be struck, each taking 10 weapons (5 arriving) with it.
  const CounterforceProblem p = c.problem();
  ASSERT_EQ(p.targets.size(), 2u);
  const CounterforceProblem::TargetClass& silo = target(p, "silo");
  EXPECT_DOUBLE_EQ(silo.count, 100.0);
  EXPECT_NEAR(silo.destroyed_value, 5.0 / 14.0, 1e-15);
  EXPECT_NEAR(silo.kill_value, 5.0 / 28.0, 1e-15);
  const CounterforceProblem::TargetClass& bomber = target(p, "bomber");
  EXPECT_NEAR(bomber.count, 15.0, 1e-12);
  EXPECT_DOUBLE_EQ(bomber.destroyed_value, 10.0);
  EXPECT_DOUBLE_EQ(bomber.kill_value, 5.0);
}

TEST(WarningChain, AFlightTimeOverrideAndNoSiloThreat) {
  // The ICBM given 9 minutes: 9 - 4 = 5 minutes to decide, P = (5 - 3)/7 = 2/7; the bombers keep
  // the SLBM's 8 (shorter than 9). Launched under attack 0.9 x 2/7 = 9/35: a silo takes 26/35.
  WarningCase c;
  c.striker_options.flight.by_system = {{"icbm", 9.0}};
  EXPECT_EQ(*c.outcome().silo_flight_minutes, 9.0);
  EXPECT_EQ(*c.outcome().bomber_flight_minutes, 8.0);
  EXPECT_NEAR(c.outcome().launch_probability, 2.0 / 7.0, 1e-15);
  EXPECT_NEAR(target(c.problem(), "silo").destroyed_value, 26.0 / 35.0, 1e-15);
  // The SLBM given 5 minutes: 5 - 2 = 3 minutes, less than the fastest escape (4): no bomber gets
  // away, all 20 can be struck.
  c.striker_options.flight.by_system = {{"slbm", 5.0}};
  EXPECT_EQ(*c.outcome().bomber_flight_minutes, 5.0);
  EXPECT_EQ(c.outcome().bomber_escape, 0.0);
  EXPECT_NEAR(target(c.problem(), "bomber").count, 20.0, 1e-12);
  // Without the ICBM nothing the striker has threatens the silos: no flight time, and the victim
  // has all the time it needs (the fixed share, 0.9, is launched): a silo takes 0.1.
  WarningCase slbm_only;
  slbm_only.striker.systems.erase(slbm_only.striker.systems.begin());
  EXPECT_FALSE(slbm_only.outcome().silo_flight_minutes.has_value());
  EXPECT_EQ(*slbm_only.outcome().bomber_flight_minutes, 8.0);
  EXPECT_EQ(slbm_only.outcome().launch_probability, 1.0);
  EXPECT_NEAR(target(slbm_only.problem(), "silo").destroyed_value, 0.1, 1e-15);
}

TEST(WarningChain, AForwardSystemWarnsOnlyWhatItReaches) {
  // A forward missile (10 launchers, 1 Mt, CEP 485.224 m, reliability 0.8: p = 0.4 on a silo, 0.8
  // on a bomber base) 6 minutes away that reaches the bombers only: the bombers get 6 - 2 = 4
  // minutes, the fastest escape, so none gets away; the silos, out of its reach (p = 0), keep the
  // ICBM's 12 minutes and 5/7.
  WarningCase c;
  c.striker.systems.push_back(
      small_system("fwd", Basing::kIntermediate, VehicleClass::kIrbm, 10, 1, 0.8, 1000, kLr1PsiM / 10));
  ForwardDeployment d;
  d.system = "fwd";
  d.flight_minutes = 6;
  d.reaches = {"bomber"};
  const std::vector<ForwardDeployment> forward{d};
  c.striker_options.forward = forward;
  const WarningOutcome w = c.outcome();
  EXPECT_EQ(w.bomber_flight_minutes, std::optional<double>(6.0));
  EXPECT_EQ(w.bomber_escape, 0.0);
  EXPECT_EQ(w.silo_flight_minutes, std::optional<double>(12.0));
  EXPECT_NEAR(w.launch_probability, 5.0 / 7.0, 1e-15);
}

TEST(WarningChain, TheFixedShareWithoutWarningAndNoLaunchUnderAttack) {
  // Without the warning model: launch under attack is the fixed share (0.9 of the silos, a silo
  // takes 0.1 loaded and 0.05 arriving) and every alert bomber escapes (20 x 0.5 = 10 struck).
  WarningCase fixed;
  fixed.parameters.warning = false;
  EXPECT_EQ(fixed.outcome().launch_probability, 1.0);
  EXPECT_EQ(fixed.outcome().bomber_escape, 1.0);
  const CounterforceProblem p = fixed.problem();
  EXPECT_NEAR(target(p, "silo").destroyed_value, 0.1, 1e-15);
  EXPECT_NEAR(target(p, "silo").kill_value, 0.05, 1e-15);
  EXPECT_NEAR(target(p, "bomber").count, 10.0, 1e-12);
  // With warning but no launch under attack: silos ride out the strike (a silo takes its whole
  // warhead, 0.5 arriving); bombers still escape with 1/2 (15 struck).
  WarningCase ride_out;
  ride_out.parameters.launch_under_attack = false;
  EXPECT_EQ(ride_out.outcome().launch_probability, 0.0);
  EXPECT_NEAR(ride_out.outcome().bomber_escape, 0.5, 1e-15);
  const CounterforceProblem q = ride_out.problem();
  EXPECT_DOUBLE_EQ(target(q, "silo").destroyed_value, 1.0);
  EXPECT_DOUBLE_EQ(target(q, "silo").kill_value, 0.5);
  EXPECT_NEAR(target(q, "bomber").count, 15.0, 1e-12);
}

TEST(WarningChain, BundledWarningLuaFromItsFigures) {
  // data/scenarios/warning-lua.yaml, the US striking first: Trident II (13 minutes) is the fastest
  // US kind that threatens Russia's silos and bombers. Russia's chain: detection 3, launch 2,
  // decision uniform on [3, 10]: 13 - 3 - 2 = 8 minutes to decide, P = (8 - 3) / 7 = 5/7;
  // bombers 13 - 3 = 10 minutes for an escape uniform on [8, 15]: (10 - 8) / 7 = 2/7. An SS-18 silo
  // (10 warheads, reliability 0.75) then takes 10 x 0.75 x (1 - 0.9 x 5/7) = 7.5 x 5/14 of the
  // retaliation. The expected values are recomputed here from the figures the scenario file gives.
  DataCatalog catalog{STRATSTAB_SOURCE_DIR "/data"};
  const Scenario s = load_scenario(catalog.scenario_path("warning-lua"), {}, &catalog);
  const ScenarioSide& us = s.sides[0];
  const ScenarioSide& ru = s.sides[1];
  const WarningChain& w = ru.warning;
  const double slbm = us.flight.slbm_minutes;
  EXPECT_EQ(slbm, 13.0);
  const double launch = (slbm - w.detection_minutes - w.launch_minutes - w.decision_minutes_min) /
                        (w.decision_minutes_max - w.decision_minutes_min);
  const double escape = (slbm - w.detection_minutes - w.bomber_escape_minutes_min) /
                        (w.bomber_escape_minutes_max - w.bomber_escape_minutes_min);
  EXPECT_NEAR(launch, 5.0 / 7.0, 1e-15);
  EXPECT_NEAR(escape, 2.0 / 7.0, 1e-15);
  const SideOptions us_options = side_options(us);
  const SideOptions ru_options = side_options(ru);
  const WarningOutcome outcome = warning_outcome(*us.forces, *ru.forces, s.parameters, us_options, ru_options);
  EXPECT_EQ(outcome.silo_flight_minutes, std::optional<double>(slbm));
  EXPECT_EQ(outcome.bomber_flight_minutes, std::optional<double>(slbm));
  EXPECT_NEAR(outcome.launch_probability, launch, 1e-15);
  EXPECT_NEAR(outcome.bomber_escape, escape, 1e-15);
  const CounterforceProblem problem = counterforce_problem(*us.forces, Posture::kDayToDay, *ru.forces,
                                                           Posture::kDayToDay, s.parameters, us_options, ru_options);
  const System& ss18 = *ru.forces->find_system("ss18");
  EXPECT_NEAR(target(problem, "ss18").kill_value,
              ss18.warheads_per_launcher.value * ss18.reliability.value * (1.0 - s.parameters.lua_share * launch),
              1e-12);
  EXPECT_NEAR(target(problem, "ss18").kill_value, 7.5 * 5.0 / 14.0, 1e-12);
}

// --- Validation of the warning section -------------------------------------------------------------

class WarningInput : public ::testing::Test {
 protected:
  LoadResult<Scenario> read(std::string_view text) {
    file_ = dir_.write("warning.yaml", text);
    return read_scenario(file_, {}, &catalog_);
  }
  DataCatalog catalog_{STRATSTAB_SOURCE_DIR "/data"};
  test::TempDir dir_;
  std::filesystem::path file_;
};

constexpr std::string_view kWarning = R"(name: warning
sides:
  US:
    force: us-2026-11-01
  RU:
    force: ru-2026-11-01
    warning:
      detection_minutes: 3
      decision_minutes_min: 3
      decision_minutes_max: 10
      bomber_escape_minutes_min: 8
      bomber_escape_minutes_max: 15
options:
  warning: true
)";

TEST_F(WarningInput, TheBundledShapeReads) {
  const auto ok = read(kWarning);
  ASSERT_TRUE(ok.value.has_value()) << test::dump(ok.diagnostics);
  EXPECT_EQ(ok.value->sides[1].warning.decision_minutes_min, 3.0);
  EXPECT_EQ(ok.value->sides[1].warning.bomber_escape_minutes_max, 15.0);
}

TEST_F(WarningInput, AMinAboveItsMaxIsLocatedAtTheSection) {
  // The check spans two keys, so it names the section and points at where its mapping starts
  // (its first key, line 8 column 7 here).
  const std::string decision =
      test::replace_once(std::string(kWarning), "decision_minutes_min: 3", "decision_minutes_min: 11");
  const auto d = read(decision);
  ASSERT_FALSE(d.value.has_value());
  ASSERT_EQ(d.diagnostics.size(), 1u) << test::dump(d.diagnostics);
  EXPECT_EQ(d.diagnostics[0].where.file, file_.string());
  EXPECT_EQ(d.diagnostics[0].where.line, test::line_of(decision, "detection_minutes: 3"));
  EXPECT_EQ(d.diagnostics[0].where.line, 8);
  EXPECT_EQ(d.diagnostics[0].where.column, 7);
  EXPECT_EQ(d.diagnostics[0].where.key_path, "sides.RU.warning");
  EXPECT_EQ(d.diagnostics[0].message, "expected decision_minutes_min <= decision_minutes_max, got 11 > 10");

  const std::string escape =
      test::replace_once(std::string(kWarning), "bomber_escape_minutes_max: 15", "bomber_escape_minutes_max: 7.5");
  const auto e = read(escape);
  ASSERT_FALSE(e.value.has_value());
  ASSERT_EQ(e.diagnostics.size(), 1u) << test::dump(e.diagnostics);
  EXPECT_EQ(e.diagnostics[0].where.file, file_.string());
  EXPECT_EQ(e.diagnostics[0].where.line, 8);
  EXPECT_EQ(e.diagnostics[0].where.column, 7);
  EXPECT_EQ(e.diagnostics[0].where.key_path, "sides.RU.warning");
  EXPECT_EQ(e.diagnostics[0].message, "expected bomber_escape_minutes_min <= bomber_escape_minutes_max, got 8 > 7.5");

  // Equal ends are allowed (a fixed time: the step of warning.cpp's uniform_cdf).
  const auto equal =
      read(test::replace_once(std::string(kWarning), "decision_minutes_max: 10", "decision_minutes_max: 3"));
  EXPECT_TRUE(equal.value.has_value()) << test::dump(equal.diagnostics);
}

TEST_F(WarningInput, ValuesOutsideTheirBoundsAreLocatedAtTheKey) {
  // Minutes in [0, 120] for the decision and escape times (src/io/schema.cpp); a negative time and
  // one of 121 minutes are errors at the key's own line, and a min above the max is not also
  // reported for an out-of-bounds value.
  const std::string high =
      test::replace_once(std::string(kWarning), "decision_minutes_max: 10", "decision_minutes_max: 121");
  const auto h = read(high);
  ASSERT_FALSE(h.value.has_value());
  const Diagnostic* dh = test::find_by_key(h.diagnostics, "sides.RU.warning.decision_minutes_max");
  ASSERT_NE(dh, nullptr) << test::dump(h.diagnostics);
  EXPECT_EQ(dh->where.file, file_.string());
  EXPECT_EQ(dh->where.line, test::line_of(high, "decision_minutes_max: 121"));
  EXPECT_EQ(dh->where.column, 29);  // the value
  EXPECT_EQ(dh->message, "expected a number of minutes in [0, 120], got 121");
  EXPECT_EQ(h.diagnostics.size(), 1u) << test::dump(h.diagnostics);
  // A max of -5 is out of bounds; it is not also compared with the min (3 > -5).
  const auto below =
      read(test::replace_once(std::string(kWarning), "decision_minutes_max: 10", "decision_minutes_max: -5"));
  ASSERT_EQ(below.diagnostics.size(), 1u) << test::dump(below.diagnostics);
  EXPECT_EQ(below.diagnostics[0].where.key_path, "sides.RU.warning.decision_minutes_max");
  EXPECT_EQ(below.diagnostics[0].message, "expected a number of minutes in [0, 120], got -5");

  const std::string negative =
      test::replace_once(std::string(kWarning), "bomber_escape_minutes_min: 8", "bomber_escape_minutes_min: -1");
  const auto n = read(negative);
  ASSERT_FALSE(n.value.has_value());
  const Diagnostic* dn = test::find_by_key(n.diagnostics, "sides.RU.warning.bomber_escape_minutes_min");
  ASSERT_NE(dn, nullptr) << test::dump(n.diagnostics);
  EXPECT_EQ(dn->where.line, test::line_of(negative, "bomber_escape_minutes_min: -1"));
  EXPECT_EQ(dn->where.column, 34);
  EXPECT_EQ(dn->message, "expected a number of minutes in [0, 120], got -1");
  EXPECT_EQ(n.diagnostics.size(), 1u) << test::dump(n.diagnostics);
}

}  // namespace
}  // namespace stratstab

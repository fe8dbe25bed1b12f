// Real forces in the Kent–Thaler exchange: the counterforce problem compiled from snapshots, the
// striker readiness rules, agreement with the abstract form where the two must agree, and the greedy
// draw-down's gap to the exact one measured on the bundled US and Russian snapshots.
#include <gtest/gtest.h>

#include <cmath>
#include <iostream>
#include <tuple>

#include "stratstab/catalog.hpp"
#include "stratstab/exchange.hpp"

namespace stratstab {
namespace {

Figure fig(double value) {
  Figure f;
  f.value = value;
  return f;
}

System make_system(const std::string& id, Basing basing, VehicleClass vehicle, double launchers, double each,
                   double yield_kt, double cep_m, double reliability, double hardness_psi, double untargetable_d2d,
                   double untargetable_generated) {
  System s;
  s.id = id;
  s.name = id;
  s.basing = basing;
  s.vehicle = vehicle;
  s.launchers_deployed = fig(launchers);
  s.warheads_per_launcher = fig(each);
  s.max_warheads_per_launcher = fig(each);
  s.warheads = {WarheadType{"w", fig(yield_kt), fig(1.0)}};
  s.cep_m = fig(cep_m);
  s.reliability = fig(reliability);
  s.hardness_psi = fig(hardness_psi);
  s.untargetable_day_to_day = fig(untargetable_d2d);
  s.untargetable_generated = fig(untargetable_generated);
  return s;
}

struct ReadinessCase {
  StrikerReadiness readiness;
  bool monotone;  ///< whether a side's ratio must not fall as its at-sea share rises
};

/// SSPK written out from docs/methods.md §4, independently of weapon_effects.hpp:
/// LR = 2.62 nmi * (Y_Mt / H_psi)^(1/3), SSPK = 1 - 0.5^((LR/CEP)^2).
double method_kill_probability(double yield_kt, double hardness_psi, double cep_m, double reliability) {
  const double lr_m = 2.62 * 1852.0 * std::pow(yield_kt / 1000.0 / hardness_psi, 1.0 / 3.0);
  return reliability * (1.0 - std::pow(0.5, (lr_m / cep_m) * (lr_m / cep_m)));
}

TEST(ExchangeTest, CounterforceProblemFromSnapshots) {
  ForceSnapshot striker;
  striker.w80 = fig(800);
  striker.systems = {
      make_system("icbm", Basing::kSilo, VehicleClass::kIcbm, 100, 3, 300, 150, 0.85, 2000, 0, 0),
      make_system("slbm", Basing::kSsbn, VehicleClass::kSlbm, 200, 4, 100, 100, 0.9, 30, 0.6, 0.9),
      make_system("bomber", Basing::kBomber, VehicleClass::kHeavyBomber, 20, 10, 150, 30, 0.75, 3, 0, 0.5)};
  ForceSnapshot victim = striker;
  StabilityParameters p;
  p.launch_under_attack = true;
  p.lua_share = 0.9;
  // The no-notice readiness rule first (docs/methods.md §6); Kent and Thaler's default below.
  p.striker_readiness = StrikerReadiness::kNoNotice;
  const CounterforceProblem problem = counterforce_problem(striker, Posture::kDayToDay, victim, Posture::kDayToDay, p);
  // Kinds: the ICBM (all 300 warheads: silos are always ready) and the SLBM at sea day to day
  // (0.9 availability x 0.6 at sea x 800 = 432). Bomber weapons are not counterforce.
  ASSERT_EQ(problem.kinds.size(), 2u);
  EXPECT_DOUBLE_EQ(problem.kinds[0].warheads, 300);
  EXPECT_NEAR(problem.kinds[1].warheads, 432, 1e-9);
  EXPECT_DOUBLE_EQ(problem.kinds[1].value_cost, 0.9);
  // Targets: 100 silos (LUA leaves 10% of each silo's 3 x 0.85 arriving warheads to kill), 40% of
  // 200 tubes in port (each its own aim point: the snapshot gives no launchers per aim point;
  // lua_share_ssbn 0.5 of them fire from the pier, leaving half of 4 x 0.9), all 20 bombers on
  // their bases.
  ASSERT_EQ(problem.targets.size(), 3u);
  EXPECT_DOUBLE_EQ(problem.targets[0].count, 100);
  EXPECT_NEAR(problem.targets[0].kill_value, 3 * 0.85 * 0.1, 1e-12);
  EXPECT_NEAR(problem.targets[0].destroyed_value, 3 * 0.1, 1e-12);
  EXPECT_NEAR(problem.targets[1].count, 80, 1e-9);
  EXPECT_NEAR(problem.targets[1].kill_value, 4 * 0.9 * 0.5, 1e-12);
  // Launch under attack by silos only: the tubes in port keep their whole 4 x 0.9.
  StabilityParameters silos_only = p;
  silos_only.lua_silos_only = true;
  EXPECT_NEAR(
      counterforce_problem(striker, Posture::kDayToDay, victim, Posture::kDayToDay, silos_only).targets[1].kill_value,
      4 * 0.9, 1e-12);
  EXPECT_DOUBLE_EQ(problem.targets[2].count, 20);
  // Kill probabilities as docs/methods.md §4 writes them. ICBM on a 2,000 psi silo: LR = 257.8 m,
  // (LR/CEP)^2 = 2.954, SSPK = 0.871, times R 0.85 = 0.740.
  EXPECT_NEAR(problem.p(0, 0), method_kill_probability(300, 2000, 150, 0.85), 1e-12);
  EXPECT_NEAR(problem.p(0, 0), 0.740, 5e-4);
  EXPECT_NEAR(problem.p(1, 1), method_kill_probability(100, 30, 100, 0.9), 1e-12);
  EXPECT_NEAR(problem.p(0, 2), method_kill_probability(300, 3, 150, 0.85), 1e-12);

  // Generated: the SLBM share at sea rises to 0.9 and half the bombers are on alert.
  const CounterforceProblem generated =
      counterforce_problem(striker, Posture::kGenerated, victim, Posture::kGenerated, p);
  EXPECT_NEAR(generated.kinds[1].warheads, 0.9 * 0.9 * 800, 1e-9);
  EXPECT_NEAR(generated.targets[1].count, 20, 1e-9);
  EXPECT_NEAR(generated.targets[2].count, 10, 1e-9);
  const StrikeInputs in = real_strike_inputs(striker, Posture::kGenerated, victim, Posture::kGenerated, p);
  // W = 300 + 0.9*0.9*800 + 0.9*0.5*200 = 1038; arriving 300*0.85 + 648*0.9 + 90*0.75.
  EXPECT_NEAR(in.striker_warheads, 1038, 1e-9);
  EXPECT_NEAR(in.striker_arriving, 255 + 583.2 + 67.5, 1e-9);
  EXPECT_NEAR(in.victim_warheads, 300 + 800 + 200, 1e-9);
  EXPECT_NEAR(in.victim_arriving, 255 + 720 + 150, 1e-9);

  // Kent and Thaler's rule: 0.9 of all 800 SLBM warheads (720) in either posture, 0.9 of all 200
  // bomber weapons: W = 300 + 720 + 180 = 1200, arriving 255 + 648 + 135 = 1038; the targets are
  // the victim's and do not change.
  p.striker_readiness = StrikerReadiness::kKentThaler;
  for (Posture posture : {Posture::kDayToDay, Posture::kGenerated}) {
    const CounterforceProblem kt = counterforce_problem(striker, posture, victim, posture, p);
    EXPECT_NEAR(kt.kinds[1].warheads, 720, 1e-9);
    const StrikeInputs kt_in = real_strike_inputs(striker, posture, victim, posture, p);
    EXPECT_NEAR(kt_in.striker_warheads, 1200, 1e-9);
    EXPECT_NEAR(kt_in.striker_arriving, 255 + 648 + 135, 1e-9);
  }
  EXPECT_NEAR(counterforce_problem(striker, Posture::kDayToDay, victim, Posture::kDayToDay, p).targets[1].count, 80,
              1e-9);
}

TEST(ExchangeTest, RealSidesReduceToTheAbstractFormWhenTheyShareItsAssumptions) {
  // Silo and road-mobile ICBMs of one warhead type, perfect reliability, the same hardness for
  // both, and the road-mobile untargetable share as `alert`: the real path must give exactly the
  // abstract form's index (docs/methods.md §7), with de = the kill probability of docs/methods.md §4.
  // Kent and Thaler's other assumptions: each launcher a target (the snapshots give no launchers
  // per aim point) and launch under attack by silos only (`lua_legs: silos`).
  const double hardness = 1500;
  const auto side = [&](double nf, double mf, double ns, double ms, double alert, double yield, double cep,
                        double w80) {
    ForceSnapshot s;
    s.w80 = fig(w80);
    s.systems = {
        make_system("silo", Basing::kSilo, VehicleClass::kIcbm, nf, mf, yield, cep, 1.0, hardness, 0, 0),
        make_system("mobile", Basing::kMobile, VehicleClass::kIcbm, ns, ms, yield, cep, 1.0, hardness, alert, alert)};
    return s;
  };
  const ForceSnapshot a = side(300, 2, 50, 12, 0.5, 400, 200, 800);
  const ForceSnapshot b = side(250, 4, 35, 8, 0.35, 800, 300, 1000);
  const double de_a = method_kill_probability(400, hardness, 200, 1.0);
  const double de_b = method_kill_probability(800, hardness, 300, 1.0);
  for (bool lua : {false, true}) {
    StabilityParameters p;
    p.launch_under_attack = lua;
    p.lua_silos_only = true;
    const StabilityResult abstract =
        evaluate_abstract({300, 2, 50, 12, 0.5, de_a, 800}, {250, 4, 35, 8, 0.35, de_b, 1000}, p);
    for (DrawDownMethod method : {DrawDownMethod::kExact, DrawDownMethod::kGreedy}) {
      p.draw_down = method;
      const StabilityResult real = evaluate_real(a, b, PostureCase::kDayToDay, p);
      EXPECT_NEAR(real.index, abstract.index, 1e-7) << "lua " << lua;
      EXPECT_NEAR(real.a.c1, abstract.a.c1, 1e-7);
      EXPECT_NEAR(real.a.c2, abstract.a.c2, 1e-7);
      EXPECT_NEAR(real.b.c1, abstract.b.c1, 1e-7);
      EXPECT_NEAR(real.b.c2, abstract.b.c2, 1e-7);
      EXPECT_NEAR(real.a_strikes_b.counterforce_spent, abstract.a_strikes_b.counterforce_spent, 1e-5);
    }
  }
}

TEST(ExchangeTest, SsbnAndBomberSidesReduceToTheAbstractFormUnderKentThalerReadiness) {
  // Kent and Thaler's readiness rule (the default, docs/methods.md §6): a striker launches all its
  // fixed warheads and 0.9 of all survivable ones, and the victim's alert share of them cannot be
  // targeted. So a real side with silos and SSBNs whose at-sea share is `alert` is the abstract side
  // (nf, mf, ns, ms, alert) exactly. Bombers too, with one difference the abstract form does not
  // have: bomber weapons do no counterforce (exchange.hpp). Side B's survivable leg is bombers; the
  // equivalence still holds when B's cost-minimising counterforce spend s* stays within its silo
  // warheads, which the test checks rather than assumes. The at-sea and alert shares are the same
  // day to day and generated, so both posture cases give the abstract index.
  const double hardness = 1500;
  const auto side = [&](double nf, double mf, double ns, double ms, double alert, double yield, double cep, double w80,
                        Basing survivable) {
    ForceSnapshot s;
    s.w80 = fig(w80);
    const VehicleClass vehicle = survivable == Basing::kSsbn ? VehicleClass::kSlbm : VehicleClass::kHeavyBomber;
    s.systems = {make_system("silo", Basing::kSilo, VehicleClass::kIcbm, nf, mf, yield, cep, 1.0, hardness, 0, 0),
                 make_system("survivable", survivable, vehicle, ns, ms, yield, cep, 1.0, hardness, alert, alert)};
    return s;
  };
  const ForceSnapshot a = side(300, 2, 50, 12, 0.5, 400, 200, 800, Basing::kSsbn);
  const ForceSnapshot b = side(250, 4, 35, 8, 0.35, 800, 300, 1000, Basing::kBomber);
  const double de_a = method_kill_probability(400, hardness, 200, 1.0);
  const double de_b = method_kill_probability(800, hardness, 300, 1.0);
  StabilityParameters p;
  ASSERT_EQ(p.striker_readiness, StrikerReadiness::kKentThaler);
  const StabilityResult abstract =
      evaluate_abstract({300, 2, 50, 12, 0.5, de_a, 800}, {250, 4, 35, 8, 0.35, de_b, 1000}, p);
  ASSERT_LT(abstract.b_strikes_a.counterforce_spent, 250 * 4);  // within B's silo warheads
  for (PostureCase c : {PostureCase::kDayToDay, PostureCase::kGenerated, PostureCase::kStrikerGenerated}) {
    SCOPED_TRACE(to_string(c));
    const StabilityResult real = evaluate_real(a, b, c, p);
    EXPECT_NEAR(real.index, abstract.index, 1e-7);
    EXPECT_NEAR(real.a.c1, abstract.a.c1, 1e-7);
    EXPECT_NEAR(real.a.c2, abstract.a.c2, 1e-7);
    EXPECT_NEAR(real.b.c1, abstract.b.c1, 1e-7);
    EXPECT_NEAR(real.b.c2, abstract.b.c2, 1e-7);
    EXPECT_NEAR(real.a_strikes_b.striker_warheads, 600 + 0.9 * 600, 1e-9);  // W_A = nf mf + 0.9 ns ms
    EXPECT_NEAR(real.b_strikes_a.striker_warheads, 1000 + 0.9 * 280, 1e-9);
  }
  // Under the no-notice rule the striker's SSBNs count only by their at-sea share: W_A = 600 + 0.9 x
  // 0.5 x 600, and the real side is no longer the abstract one.
  p.striker_readiness = StrikerReadiness::kNoNotice;
  const StabilityResult no_notice = evaluate_real(a, b, PostureCase::kDayToDay, p);
  EXPECT_NEAR(no_notice.a_strikes_b.striker_warheads, 600 + 0.9 * 0.5 * 600, 1e-9);
  EXPECT_GT(std::abs(no_notice.index - abstract.index), 1e-3);
}

TEST(ExchangeTest, MoreBoatsAtSeaNeverLowerTheIndexUnderKentThalerReadiness) {
  // The classical lesson (Kent and Thaler, R-3765-AF): survivability stabilises. Under their
  // readiness rule (the default) a side X's boats at sea leave X's own first strike as it is (0.9 of
  // all boats either way), so C1_X does not move at all, and they take targets out of the other
  // side Y's strike, so Y's cost of striking first C1_Y rises while C2_Y (X striking Y) does not
  // move: r_Y cannot fall. X's own ratio can fall a little: Y, finding fewer boats in port, moves
  // warheads from counterforce to X's value, and X's own damage weighs 1 in C2_X against 0.3 for the
  // damage X's larger retaliation does (docs/methods.md §7). Measured on the bundled 2026-11
  // snapshots (their w80s), day to day, US at sea 0.3 -> 0.9: r_US 0.449 -> 0.441 (not monotone),
  // r_RU 0.628 -> 0.848, index 0.282 -> 0.374 (docs/methods.md §6 gives the reading). Checked here:
  // C1_X constant, r_Y and the index non-decreasing, for the US and for Russia, in both postures.
  // Under the no-notice rule the same sweep lowers the index (0.703 -> 0.504 for the US day to
  // day): the finding the default corrects.
  const DataCatalog catalog(STRATSTAB_SOURCE_DIR "/data");
  const ForceSnapshot us = catalog.load_snapshot("us-2026-11-01");
  const ForceSnapshot ru = catalog.load_snapshot("ru-2026-11-01");
  const auto with_at_sea = [](ForceSnapshot s, double share) {
    for (System& system : s.systems) {
      if (system.basing == Basing::kSsbn && system.payload == Payload::kNuclear) {
        system.untargetable_day_to_day.value = share;
        system.untargetable_generated.value = std::max(share, system.untargetable_generated.value);
      }
    }
    return s;
  };
  for (ReadinessCase rc :
       {ReadinessCase{StrikerReadiness::kKentThaler, true}, ReadinessCase{StrikerReadiness::kNoNotice, false}}) {
    SCOPED_TRACE(to_string(rc.readiness));
    StabilityParameters p;
    p.striker_readiness = rc.readiness;
    bool index_fell = false;
    for (PostureCase c : {PostureCase::kDayToDay, PostureCase::kGenerated}) {
      SCOPED_TRACE(to_string(c));
      std::optional<StabilityResult> last_us;  // the US at sea share raised
      std::optional<StabilityResult> last_ru;  // Russia's
      for (double share = 0.3; share <= 0.9 + 1e-9; share += 0.1) {
        const StabilityResult us_more = evaluate_real(with_at_sea(us, share), ru, c, p);
        const StabilityResult ru_more = evaluate_real(us, with_at_sea(ru, share), c, p);
        if (last_us && rc.monotone) {
          EXPECT_NEAR(us_more.a.c1, last_us->a.c1, 1e-12) << "US at sea " << share;
          EXPECT_GE(us_more.b.ratio_unclipped, last_us->b.ratio_unclipped - 1e-12) << "US at sea " << share;
          EXPECT_GE(us_more.index, last_us->index - 1e-12) << "US at sea " << share;
          EXPECT_NEAR(ru_more.b.c1, last_ru->b.c1, 1e-12) << "RU at sea " << share;
          EXPECT_GE(ru_more.a.ratio_unclipped, last_ru->a.ratio_unclipped - 1e-12) << "RU at sea " << share;
          EXPECT_GE(ru_more.index, last_ru->index - 1e-12) << "RU at sea " << share;
        }
        if (c == PostureCase::kDayToDay) {
          std::cout << to_string(rc.readiness) << ", US at sea " << share << ": index " << us_more.index << ", r_US "
                    << us_more.a.ratio_unclipped << ", r_RU " << us_more.b.ratio_unclipped << "\n";
        }
        if (last_us && us_more.index < last_us->index - 1e-6) index_fell = true;
        last_us = us_more;
        last_ru = ru_more;
      }
    }
    if (!rc.monotone) EXPECT_TRUE(index_fell) << "the no-notice rule no longer shows the reversal";
  }
  // The figures quoted above.
  StabilityParameters p;
  EXPECT_NEAR(evaluate_real(with_at_sea(us, 0.3), ru, PostureCase::kDayToDay, p).index, 0.282145, 1e-6);
  EXPECT_NEAR(evaluate_real(with_at_sea(us, 0.9), ru, PostureCase::kDayToDay, p).index, 0.374073, 1e-6);
}

TEST(ExchangeTest, BundledWarheadsAvailableFollowTheReadinessRules) {
  const DataCatalog catalog(STRATSTAB_SOURCE_DIR "/data");
  const ForceSnapshot us = catalog.load_snapshot("us-2026-11-01");
  const ForceSnapshot ru = catalog.load_snapshot("ru-2026-11-01");
  StabilityParameters p;
  // Re-derived here from the snapshot's figures. Kent and Thaler's rule (the default): silo ICBMs
  // all, every SSBN and bomber warhead x 0.9. The no-notice rule: SSBNs 0.9 x at-sea share, bombers
  // 0.9 x on-alert share (0 day to day). Non-strategic and conventional systems out.
  double w = 0;
  double w_no_notice = 0;
  double v = 0;
  for (const System& s : us.systems) {
    if (s.payload != Payload::kNuclear) continue;
    const double loaded = s.launchers_deployed.value * s.warheads_per_launcher.value;
    if (s.basing == Basing::kSilo) {
      w += loaded;
      w_no_notice += loaded;
    }
    if (s.basing == Basing::kSsbn || s.basing == Basing::kBomber) {
      w += 0.9 * loaded;
      w_no_notice += 0.9 * s.untargetable_day_to_day.value * loaded;
    }
    if (s.basing == Basing::kSilo || s.basing == Basing::kSsbn || s.basing == Basing::kBomber) v += loaded;
  }
  const StrikeInputs in = real_strike_inputs(us, Posture::kDayToDay, ru, Posture::kDayToDay, p);
  EXPECT_NEAR(in.striker_warheads, w, 1e-9);
  EXPECT_NEAR(in.striker_warheads, 400 + 0.9 * 1270, 0.5);  // MM III 400; Trident 970 and bombers 300 loaded
  p.striker_readiness = StrikerReadiness::kNoNotice;
  const StrikeInputs no_notice = real_strike_inputs(us, Posture::kDayToDay, ru, Posture::kDayToDay, p);
  EXPECT_NEAR(no_notice.striker_warheads, w_no_notice, 1e-9);
  EXPECT_NEAR(no_notice.striker_warheads, 400 + 0.9 * 0.65 * 970, 0.5);
  const StrikeInputs back = real_strike_inputs(ru, Posture::kDayToDay, us, Posture::kDayToDay, p);
  EXPECT_NEAR(back.victim_warheads, v, 1e-9);
  EXPECT_NEAR(back.victim_warheads, 1670, 0.5);  // 1,770 deployed less the 100 B61s in Europe
}

/// The greedy's shortfall against the exact K, max over s relative to K(s), at every breakpoint of
/// either curve and their midpoints.
double greedy_gap(const CounterforceProblem& problem, double* worst_s) {
  const DrawDown exact = exact_draw_down(problem);
  const DrawDown greedy = greedy_draw_down(problem);
  std::vector<double> points;
  for (const DrawDown* k : {&exact, &greedy}) {
    double s = 0;
    for (const DrawDownPiece& piece : k->pieces) {
      points.push_back(s + piece.width / 2);
      s += piece.width;
      points.push_back(s);
    }
  }
  double gap = 0;
  for (double s : points) {
    const double e = exact.kills(s);
    const double g = greedy.kills(s);
    EXPECT_LE(g, e + 1e-9 * std::max(1.0, e)) << "greedy above the exact optimum at s = " << s;
    if (e > 0 && (e - g) / e > gap) {
      gap = (e - g) / e;
      *worst_s = s;
    }
  }
  return gap;
}

TEST(ExchangeTest, GreedyGapOnBundledScenarios) {
  // Measured (2026-12, this test's output): the greedy draw-down's largest shortfall against the
  // exact one, per striker, and the index with the greedy draw-down less the index with the exact
  // one. Each case is held to its figure: a change to either draw-down or to the data moves some of
  // them (update the table and say why in the commit). Over all cases the gap is at most 3.167%
  // (Russia striking the generated US, 2026-11) and the index moves by at most 0.0226 (day to day,
  // 2026-11); where both indices are 1 (no side gains by striking first) they agree exactly.
  // The table is of the rules before aim points, `targets: launchers` and `lua_legs: silos`, which
  // must reproduce it unchanged; the defaults (aim points, every leg launching under attack) are
  // held below to their measured worst gap (0.716%, Russia on the generated US, 2026-11) and worst
  // index difference (0.00516, day to day, 2025-01).
  struct Case {
    const char* date;
    PostureCase posture;
    bool lua;
    double gap_us_striking;
    double gap_ru_striking;
    double index_difference;  // greedy - exact
  };
  const PostureCase d2d = PostureCase::kDayToDay;
  const PostureCase gen = PostureCase::kGenerated;
  const PostureCase sg = PostureCase::kStrikerGenerated;
  const Case cases[] = {
      {"2025-01-01", d2d, false, 0.0031472, 0.0271705, 0.0192385},  {"2025-01-01", d2d, true, 0.0011635, 0.0033000, 0},
      {"2025-01-01", gen, false, 0.0009429, 0.0290141, -0.0006090}, {"2025-01-01", gen, true, 0.0006269, 0.0055827, 0},
      {"2025-01-01", sg, false, 0.0031472, 0.0271705, 0.0192385},   {"2025-01-01", sg, true, 0.0011635, 0.0033000, 0},
      {"2026-11-01", d2d, false, 0.0030669, 0.0273448, 0.0182829},  {"2026-11-01", d2d, true, 0.0011780, 0.0033275, 0},
      {"2026-11-01", gen, false, 0.0009927, 0.0316734, 0.0017381},  {"2026-11-01", gen, true, 0.0005655, 0.0060944, 0},
      {"2026-11-01", sg, false, 0.0030669, 0.0273448, 0.0182829},   {"2026-11-01", sg, true, 0.0011780, 0.0033275, 0},
  };
  const DataCatalog catalog(STRATSTAB_SOURCE_DIR "/data");
  double worst = 0;
  double worst_index = 0;
  const std::streamsize old_precision = std::cout.precision(10);
  double default_worst = 0;
  double default_worst_index = 0;
  for (const Case& c : cases) {
    const ForceSnapshot us = catalog.load_snapshot(std::string("us-") + c.date);
    const ForceSnapshot ru = catalog.load_snapshot(std::string("ru-") + c.date);
    SCOPED_TRACE(testing::Message() << c.date << " " << to_string(c.posture) << (c.lua ? ", LUA" : ""));
    StabilityParameters p;
    p.launch_under_attack = c.lua;
    p.aim_points = false;
    p.lua_silos_only = true;
    for (const auto& [striker, victim, expected] :
         {std::tuple{&us, &ru, c.gap_us_striking}, std::tuple{&ru, &us, c.gap_ru_striking}}) {
      const CounterforceProblem problem =
          counterforce_problem(*striker, striker_posture(c.posture), *victim, victim_posture(c.posture), p);
      double at = 0;
      const double gap = greedy_gap(problem, &at);
      worst = std::max(worst, gap);
      std::cout << "greedy gap " << striker->id << " on " << victim->id << ", " << to_string(c.posture)
                << (c.lua ? ", LUA" : "") << ": " << 100 * gap << "% (at s = " << at << ")\n";
      EXPECT_NEAR(gap, expected, 1e-7) << striker->id;
    }
    p.draw_down = DrawDownMethod::kGreedy;
    const double greedy_index = evaluate_real(us, ru, c.posture, p).index;
    p.draw_down = DrawDownMethod::kExact;
    const double exact_index = evaluate_real(us, ru, c.posture, p).index;
    std::cout << "  index greedy " << greedy_index << ", exact " << exact_index << "\n";
    worst_index = std::max(worst_index, std::abs(greedy_index - exact_index));
    EXPECT_NEAR(greedy_index - exact_index, c.index_difference, 1e-7);
    // The defaults: aim points, launch under attack by every leg.
    StabilityParameters d;
    d.launch_under_attack = c.lua;
    for (const auto& [striker, victim] : {std::pair{&us, &ru}, std::pair{&ru, &us}}) {
      const CounterforceProblem problem =
          counterforce_problem(*striker, striker_posture(c.posture), *victim, victim_posture(c.posture), d);
      double at = 0;
      default_worst = std::max(default_worst, greedy_gap(problem, &at));
    }
    d.draw_down = DrawDownMethod::kGreedy;
    const double default_greedy = evaluate_real(us, ru, c.posture, d).index;
    d.draw_down = DrawDownMethod::kExact;
    default_worst_index =
        std::max(default_worst_index, std::abs(default_greedy - evaluate_real(us, ru, c.posture, d).index));
  }
  EXPECT_NEAR(default_worst, 0.00715841, 1e-7);
  EXPECT_NEAR(default_worst_index, 0.0012886, 1e-6);
  std::cout << "worst greedy gap over the bundled US-Russia cases: " << 100 * worst << "%, worst index difference "
            << worst_index << "\n";
  std::cout.precision(old_precision);
  ::testing::Test::RecordProperty("worst_greedy_gap_percent", std::to_string(100 * worst));
  EXPECT_LT(worst, 0.0317);
  EXPECT_LT(worst_index, 0.0226);
}

}  // namespace
}  // namespace stratstab

// Arms-race sensitivity (docs/methods.md §11): the finite differences against the index recomputed on
// hand-changed snapshots, a bomber-only pair whose exchange is closed form (no ballistic missile
// warheads, so no counterforce: s* = 0), the upload path's ends against the uploaded snapshots, and
// the refusal of abstract sides.
#include <gtest/gtest.h>

#include <cmath>

#include "stratstab/catalog.hpp"
#include "stratstab/prepare.hpp"
#include "stratstab/sensitivity.hpp"
#include "stratstab/upload.hpp"

namespace stratstab {
namespace {

const DataCatalog& catalog() {
  static const DataCatalog kCatalog{std::filesystem::path(STRATSTAB_SOURCE_DIR "/data")};
  return kCatalog;
}

const Scenario& default_scenario() {
  static const Scenario kScenario =
      prepare_scenario(load_scenario(catalog().scenario_path("us-ru-2026-11"), {}, &catalog()));
  return kScenario;
}

const SystemSensitivity& find(const Sensitivity& s, const std::string& side, const std::string& system) {
  for (const SystemSensitivity& sys : s.systems) {
    if (sys.side_id == side && sys.system_id == system) return sys;
  }
  throw std::runtime_error("no system " + side + "/" + system);
}

StabilityParameters greedy(const Scenario& scenario) {
  StabilityParameters p = scenario.parameters;
  p.draw_down = DrawDownMethod::kGreedy;
  return p;
}

std::size_t system_index(const ForceSnapshot& snapshot, const std::string& id) {
  for (std::size_t k = 0; k < snapshot.systems.size(); ++k) {
    if (snapshot.systems[k].id == id) return k;
  }
  throw std::runtime_error("no system " + id);
}

// (a) Each difference is evaluate_real on the hand-changed snapshot minus evaluate_real on the
// scenario's, divided by the units, with the greedy draw-down.
TEST(SensitivityTest, DifferencesAreTheIndexOnHandChangedSnapshotsMinusTheBase) {
  const Scenario& scenario = default_scenario();
  SensitivityOptions screening;
  screening.draw_down = DrawDownMethod::kGreedy;  // the differences' arithmetic, at screening speed
  const Sensitivity s = compute_sensitivity(scenario, screening);
  EXPECT_EQ(s.parameters.draw_down, DrawDownMethod::kGreedy);
  const ForceSnapshot& us = *scenario.sides[0].forces;
  const ForceSnapshot& ru = *scenario.sides[1].forces;
  const StabilityParameters p = greedy(scenario);
  const StabilityResult base = evaluate_real(us, ru, scenario.posture, p);
  EXPECT_DOUBLE_EQ(s.base.index, base.index);

  // One more Trident II tube (US, side a), loaded as the others.
  ForceSnapshot more_us = us;
  more_us.systems[system_index(us, "trident2")].launchers_deployed.value += 1;
  const StabilityResult added = evaluate_real(more_us, ru, scenario.posture, p);
  const SystemSensitivity& trident = find(s, "US", "trident2");
  EXPECT_DOUBLE_EQ(trident.add_launcher.units, 1);
  EXPECT_NEAR(trident.add_launcher.per_unit.index, added.index - base.index, 1e-15);
  EXPECT_NEAR(trident.add_launcher.per_unit.c1_a, added.a.c1 - base.a.c1, 1e-15);
  EXPECT_NEAR(trident.add_launcher.per_unit.c2_b, added.b.c2 - base.b.c2, 1e-15);
  EXPECT_NEAR(trident.add_launcher.per_unit.ratio_unclipped_b, added.b.ratio_unclipped - base.b.ratio_unclipped, 1e-15);
  // Destabilising exactly when RU's C1/C2 fell.
  EXPECT_EQ(trident.add_launcher.destabilising, added.b.ratio_unclipped < base.b.ratio_unclipped);

  // Trident II uploads: 214 tubes with 4.53 of 8 loaded have 742 warheads of headroom, so the step
  // is one per tube, 214 warheads (FAS 2025 figures in us-2026-11-01).
  const System& t2 = us.systems[system_index(us, "trident2")];
  EXPECT_DOUBLE_EQ(upload_difference_step(t2), t2.launchers_deployed.value);
  ForceSnapshot uploaded_us = us;
  uploaded_us.systems[system_index(us, "trident2")].warheads_per_launcher.value += 1;
  const StabilityResult uploaded = evaluate_real(uploaded_us, ru, scenario.posture, p);
  ASSERT_TRUE(trident.upload_warhead);
  EXPECT_DOUBLE_EQ(trident.upload_warhead->units, 214);
  EXPECT_NEAR(trident.upload_warhead->per_unit.index, (uploaded.index - base.index) / 214, 1e-15);
  EXPECT_NEAR(trident.upload_warhead->per_unit.c1_b, (uploaded.b.c1 - base.b.c1) / 214, 1e-15);

  // One SS-18 silo fewer (RU, side b): the change removing it makes, per launcher removed.
  ForceSnapshot fewer_ru = ru;
  fewer_ru.systems[system_index(ru, "ss18")].launchers_deployed.value -= 1;
  const StabilityResult removed = evaluate_real(us, fewer_ru, scenario.posture, p);
  const SystemSensitivity& ss18 = find(s, "RU", "ss18");
  ASSERT_TRUE(ss18.remove_launcher);
  EXPECT_NEAR(ss18.remove_launcher->per_unit.index, removed.index - base.index, 1e-15);
  EXPECT_NEAR(ss18.remove_launcher->per_unit.c2_a, removed.a.c2 - base.a.c2, 1e-15);
  EXPECT_EQ(ss18.remove_launcher->destabilising, removed.a.ratio_unclipped < base.a.ratio_unclipped);
  // The SS-18 carries its capacity (10 of 10): no upload difference.
  EXPECT_FALSE(ss18.upload_warhead);

  // Only central-exchange systems appear (RU's non-strategic and intermediate systems do not).
  for (const SystemSensitivity& sys : s.systems) {
    const ForceSnapshot& f = sys.side == 0 ? us : ru;
    EXPECT_TRUE(in_central_exchange(f.systems[system_index(f, sys.system_id)])) << sys.system_id;
  }
}

TEST(SensitivityTest, WithheldSharesAndPostureAreTheScenarios) {
  // The base point is the scenario's index (evaluate_scenario) with the greedy draw-down, withheld
  // shares and posture included.
  std::vector<Override> overrides{Override::parse("options.posture=striker_generated"),
                                  Override::parse("sides.US.withheld=0.2"), Override::parse("sides.RU.withheld=0.1")};
  Scenario scenario = prepare_scenario(load_scenario(catalog().scenario_path("us-ru-2026-11"), overrides, &catalog()));
  SensitivityOptions options;
  options.draw_down = DrawDownMethod::kGreedy;
  options.horizon_months = 0;
  const Sensitivity s = compute_sensitivity(scenario, options);
  const double exact = evaluate_scenario(scenario).index;
  scenario.parameters.draw_down = DrawDownMethod::kGreedy;
  const StabilityResult greedy_result = evaluate_scenario(scenario);
  EXPECT_DOUBLE_EQ(s.base.index, greedy_result.index);
  EXPECT_DOUBLE_EQ(s.base.a.c1, greedy_result.a.c1);
  EXPECT_DOUBLE_EQ(s.base_exact_index, exact);
  ASSERT_EQ(s.upload_path.size(), 1U);
  EXPECT_DOUBLE_EQ(s.upload_path[0].result.index, greedy_result.index);
}

Figure fig(double value) {
  Figure f;
  f.value = value;
  return f;
}

System bomber(const std::string& id, double launchers, double each, double capacity, double reliability,
              double on_alert) {
  System s;
  s.id = id;
  s.name = id;
  s.basing = Basing::kBomber;
  s.vehicle = VehicleClass::kHeavyBomber;
  s.launchers_deployed = fig(launchers);
  s.warheads_per_launcher = fig(each);
  s.max_warheads_per_launcher = fig(capacity);
  s.warheads = {WarheadType{"w", fig(150), fig(1.0)}};
  s.cep_m = fig(30);
  s.reliability = fig(reliability);
  s.hardness_psi = fig(5);
  s.untargetable_day_to_day = fig(on_alert);
  s.untargetable_generated = fig(on_alert);
  return s;
}

/// docs/methods.md §7 written out for sides of bombers only: no ballistic missile warheads, so no
/// counterforce and s* = 0. A striker launches its bombers on alert (striker availability 0.9 x
/// share on alert) at the victim's value; all the victim's warheads retaliate. W and V are given
/// in arriving warheads.
struct ClosedForm {
  double c1_a, c2_a, c1_b, c2_b, index;
};
ClosedForm closed_form(double launched_a, double all_a, double w80_a, double launched_b, double all_b, double w80_b) {
  const double a = 0.75;
  const double b = 0.3;
  const auto d = [](double w, double w80) { return 1.0 - std::exp(-w * std::log(5.0) / w80); };
  const auto cost = [&](double own, double enemy) { return std::pow(own, a) + b * (1.0 - std::pow(enemy, a)); };
  ClosedForm f{};
  // A strikes: B's whole force arrives on A, A's launched force on B.
  f.c1_a = cost(d(all_b, w80_a), d(launched_a, w80_b));
  f.c2_b = cost(d(launched_a, w80_b), d(all_b, w80_a));
  f.c1_b = cost(d(all_a, w80_b), d(launched_b, w80_a));
  f.c2_a = cost(d(launched_b, w80_a), d(all_a, w80_b));
  f.index = std::min(1.0, f.c1_a / f.c2_a) * std::min(1.0, f.c1_b / f.c2_b);
  return f;
}

// (b) The bomber-only pair: every difference against the closed form, and the signs it implies.
TEST(SensitivityTest, BomberOnlySidesMatchTheClosedForm) {
  Scenario scenario;
  scenario.name = "bombers";
  ForceSnapshot a;
  a.id = "us-2030-01-01";
  a.w80 = fig(300);
  // 100 bombers, 4 of 6 weapons loaded, R 0.8, a quarter on alert; a type with none deployed; a
  // non-strategic system that must stay out of the exchange.
  a.systems = {bomber("bmr", 100, 4, 6, 0.8, 0.25), bomber("new", 0, 0, 10, 0.8, 0.25),
               bomber("tactical", 50, 1, 1, 0.8, 0.25)};
  a.systems[2].basing = Basing::kNonstrategic;
  ForceSnapshot b;
  b.id = "ru-2030-01-01";
  b.w80 = fig(250);
  b.systems = {bomber("bmr", 80, 5, 5, 0.9, 0.5)};  // loaded to capacity: no upload
  scenario.sides[0].id = "A";
  scenario.sides[0].forces = a;
  scenario.sides[1].id = "B";
  scenario.sides[1].forces = b;
  SensitivityOptions options;
  options.draw_down = DrawDownMethod::kGreedy;
  options.upload = {false, false};
  options.horizon_months = 0;
  const Sensitivity s = compute_sensitivity(scenario, options);
  ASSERT_EQ(s.systems.size(), 3U);  // A bmr, A new, B bmr

  // A's n bombers of m weapons: launched first (Kent and Thaler's readiness, docs/methods.md §6: all
  // bombers, on alert or not, at the availability 0.9) 0.9 x n m x 0.8 arriving, all n m x 0.8.
  const auto form = [](double n_a, double m_a, double n_new, double n_b) {
    const double a_weapons = n_a * m_a + n_new * 10;
    return closed_form(0.9 * a_weapons * 0.8, a_weapons * 0.8, 300, 0.9 * n_b * 5 * 0.9, n_b * 5 * 0.9, 250);
  };
  const ClosedForm base = form(100, 4, 0, 80);
  EXPECT_NEAR(s.base.index, base.index, 1e-12);
  EXPECT_NEAR(s.base.a.c1, base.c1_a, 1e-12);
  EXPECT_NEAR(s.base.b.c2, base.c2_b, 1e-12);

  const auto expect_step = [&](const SensitivityStep& step, const ClosedForm& changed, double units,
                               const std::string& what) {
    SCOPED_TRACE(what);
    EXPECT_DOUBLE_EQ(step.units, units);
    EXPECT_NEAR(step.per_unit.index, (changed.index - base.index) / units, 1e-12);
    EXPECT_NEAR(step.per_unit.c1_a, (changed.c1_a - base.c1_a) / units, 1e-12);
    EXPECT_NEAR(step.per_unit.c2_a, (changed.c2_a - base.c2_a) / units, 1e-12);
    EXPECT_NEAR(step.per_unit.c1_b, (changed.c1_b - base.c1_b) / units, 1e-12);
    EXPECT_NEAR(step.per_unit.c2_b, (changed.c2_b - base.c2_b) / units, 1e-12);
  };
  const SystemSensitivity& bmr_a = find(s, "A", "bmr");
  expect_step(bmr_a.add_launcher, form(101, 4, 0, 80), 1, "A adds a bomber");
  ASSERT_TRUE(bmr_a.remove_launcher);
  expect_step(*bmr_a.remove_launcher, form(99, 4, 0, 80), 1, "A removes a bomber");
  // Headroom 100 x (6 - 4) = 200 >= 100 launchers: 100 warheads, one more per bomber.
  ASSERT_TRUE(bmr_a.upload_warhead);
  expect_step(*bmr_a.upload_warhead, form(100, 5, 0, 80), 100, "A uploads");
  // A type with none deployed: the added bomber carries its capacity, 10; nothing to remove or upload.
  const SystemSensitivity& fresh = find(s, "A", "new");
  EXPECT_DOUBLE_EQ(fresh.added_launcher_warheads, 10);
  expect_step(fresh.add_launcher, form(100, 4, 1, 80), 1, "A adds a new-type bomber");
  EXPECT_FALSE(fresh.remove_launcher);
  EXPECT_FALSE(fresh.upload_warhead);
  const SystemSensitivity& bmr_b = find(s, "B", "bmr");
  expect_step(bmr_b.add_launcher, form(100, 4, 0, 81), 1, "B adds a bomber");
  EXPECT_FALSE(bmr_b.upload_warhead);  // loaded to capacity

  // Signs the closed form proves. A's added bomber raises A's launched and total force: B's C1
  // rises (more of A's force arrives on B after B strikes) while B's C2 rises too (A's first strike
  // grows); A's own C2 falls (more retaliation on B) and A's C1 falls (its strike does more). Each
  // damage term is monotone, so these signs hold at any size of the forces.
  EXPECT_GT(bmr_a.add_launcher.per_unit.c1_b, 0);
  EXPECT_GT(bmr_a.add_launcher.per_unit.c2_b, 0);
  EXPECT_LT(bmr_a.add_launcher.per_unit.c1_a, 0);
  EXPECT_LT(bmr_a.add_launcher.per_unit.c2_a, 0);
  // Destabilising exactly when B's C1/C2 fell, here from the closed form.
  const ClosedForm more = form(101, 4, 0, 80);
  EXPECT_EQ(bmr_a.add_launcher.destabilising, more.c1_b / more.c2_b < base.c1_b / base.c2_b);
  const ClosedForm fewer = form(99, 4, 0, 80);
  ASSERT_TRUE(bmr_a.remove_launcher);
  EXPECT_EQ(bmr_a.remove_launcher->destabilising, fewer.c1_b / fewer.c2_b < base.c1_b / base.c2_b);
}

// (c) The upload path starts at the scenario's own index and ends at the index of the snapshots
// uploaded for the whole horizon (compute_upload, uploaded_snapshot); only uploading sides change.
TEST(SensitivityTest, UploadPathEndsAreTheUploadedSnapshots) {
  const Scenario& scenario = default_scenario();
  const ForceSnapshot& us = *scenario.sides[0].forces;
  const ForceSnapshot& ru = *scenario.sides[1].forces;
  const StabilityParameters p = greedy(scenario);
  SensitivityOptions options;
  options.draw_down = DrawDownMethod::kGreedy;
  options.horizon_months = 12;
  options.upload = {false, true};  // RU only
  const Sensitivity s = compute_sensitivity(scenario, options);
  ASSERT_EQ(s.upload_path.size(), 13U);
  EXPECT_DOUBLE_EQ(s.upload_path[0].result.index, evaluate_real(us, ru, scenario.posture, p).index);
  EXPECT_DOUBLE_EQ(s.base_exact_index, evaluate_scenario(scenario).index);  // the scenario's draw-down is exact

  UploadOptions upload_options;
  upload_options.horizon_months = 12;
  const UploadPath path = compute_upload(ru, upload_options);
  const ForceSnapshot ru_12 = uploaded_snapshot(ru, path, path.steps.back().added_by_system);
  EXPECT_DOUBLE_EQ(s.upload_path.back().result.index, evaluate_real(us, ru_12, scenario.posture, p).index);
  StabilityParameters exact = p;
  exact.draw_down = DrawDownMethod::kExact;
  EXPECT_DOUBLE_EQ(s.horizon_exact_index, evaluate_real(us, ru_12, scenario.posture, exact).index);
  for (const UploadPathPoint& point : s.upload_path) {
    // RU's deployed strategic warheads as `upload` counts them; the US's stay at month 0's.
    EXPECT_NEAR(point.deployed_strategic_warheads[1],
                path.steps[static_cast<std::size_t>(point.month)].deployed_strategic_warheads, 1e-9);
    EXPECT_DOUBLE_EQ(point.deployed_strategic_warheads[0], s.upload_path[0].deployed_strategic_warheads[0]);
  }
  EXPECT_GT(s.upload_path.back().deployed_strategic_warheads[1], s.upload_path[0].deployed_strategic_warheads[1]);
}

TEST(SensitivityTest, AbstractScenarioIsRefusedWithALocatedMessage) {
  const Scenario scenario = load_scenario(catalog().scenario_path("kent-thaler-example"), {}, &catalog());
  try {
    compute_sensitivity(scenario);
    FAIL() << "expected InputError";
  } catch (const InputError& e) {
    ASSERT_EQ(e.diagnostics().size(), 1U);
    const Diagnostic& d = e.diagnostics()[0];
    EXPECT_EQ(d.where.key_path, "sides");
    EXPECT_EQ(d.where.file, scenario.file);
    EXPECT_NE(d.message.find("sensitivity needs real sides"), std::string::npos) << d.message;
  }
}

}  // namespace
}  // namespace stratstab

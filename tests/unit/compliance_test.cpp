// Compliance as a transformation (compliance.hpp, docs/methods.md §8.1) on hand-built forces whose
// compliant form is worked out by hand in the comments; the bundled rules on the bundled data; the
// loader's located errors for malformed rules.
#include <gtest/gtest.h>

#include "stratstab/catalog.hpp"
#include "stratstab/compliance.hpp"
#include "stratstab/prepare.hpp"
#include "stratstab/version.hpp"
#include "test_support.hpp"

namespace stratstab {
namespace {

const DataCatalog& catalog() {
  static const DataCatalog kCatalog{std::filesystem::path(kSourceDataDir)};
  return kCatalog;
}

Figure fig(double value) {
  Figure f;
  f.value = value;
  return f;
}

System launcher_system(std::string id, VehicleClass vehicle, Basing basing, double deployed, double nondeployed,
                       double loaded) {
  System s;
  s.id = std::move(id);
  s.name = s.id;
  s.vehicle = vehicle;
  s.basing = basing;
  s.launchers_deployed = fig(deployed);
  s.launchers_nondeployed = fig(nondeployed);
  s.warheads_per_launcher = fig(loaded);
  s.max_warheads_per_launcher = fig(loaded);
  return s;
}

CountRule rule_of(CountKind kind, std::vector<VehicleClass> vehicles,
                  LauncherStatus status = LauncherStatus::kDeployed) {
  CountRule r;
  r.count = kind;
  r.scope.vehicles = std::move(vehicles);
  r.scope.status = status;
  return r;
}

TreatyLimit limit_of(std::string id, double max, std::vector<CountRule> rules) {
  TreatyLimit l;
  l.id = std::move(id);
  l.name = l.id;
  l.max = max;
  l.rules = std::move(rules);
  return l;
}

/// New START's three central limits and counting rules, built in code.
Treaty new_start_like() {
  using V = VehicleClass;
  Treaty t;
  t.id = "test";
  t.name = "test";
  t.parties = {"us"};
  t.limits.push_back(
      limit_of("deployed_vehicles", 700, {rule_of(CountKind::kOnePerVehicle, {V::kIcbm, V::kSlbm, V::kHeavyBomber})}));
  t.limits.push_back(limit_of("warheads", 1550,
                              {rule_of(CountKind::kReentryVehicles, {V::kIcbm, V::kSlbm}),
                               rule_of(CountKind::kOnePerVehicle, {V::kHeavyBomber})}));
  t.limits.push_back(
      limit_of("launchers", 800,
               {rule_of(CountKind::kOnePerVehicle, {V::kIcbm, V::kSlbm, V::kHeavyBomber}, LauncherStatus::kAll)}));
  return t;
}

ComplianceStep step_of(ComplianceAction action, std::string system, double floor = 1, double keep = 0) {
  ComplianceStep s;
  s.action = action;
  s.system_id = std::move(system);
  s.floor = floor;
  s.keep = keep;
  return s;
}

/// 450 ICBMs of 3 (and 50 empty silos), 280 SLBMs of 4, 60 bombers: 790 deployed vehicles,
/// 1,350 + 1,120 + 60 = 2,530 warheads, 840 launchers; 100 warheads stored.
ForceSnapshot over_every_limit() {
  ForceSnapshot f;
  f.id = "us-test";
  f.side = "us";
  f.systems = {launcher_system("icbm", VehicleClass::kIcbm, Basing::kSilo, 450, 50, 3),
               launcher_system("slbm", VehicleClass::kSlbm, Basing::kSsbn, 280, 0, 4),
               launcher_system("bomber", VehicleClass::kHeavyBomber, Basing::kBomber, 60, 0, 16)};
  f.inventory.warheads_stored = fig(100);
  return f;
}

TEST(ComplianceTest, EachStepGoesOnlyAsFarAsTheExcessNeeds) {
  Treaty t = new_start_like();
  ComplianceRule rule;
  rule.side = "us";
  rule.steps = {step_of(ComplianceAction::kDownload, "icbm", 1), step_of(ComplianceAction::kDownload, "slbm", 4),
                step_of(ComplianceAction::kConvert, "slbm", 1, 240),
                step_of(ComplianceAction::kDeactivate, "icbm", 1, 400), step_of(ComplianceAction::kEliminate, "icbm")};
  t.compliance = {rule};
  const ComplianceResult r = bring_into_compliance(t, over_every_limit());
  // Step 1: the ICBMs to one warhead each, 900 off: every one lowers the warhead excess, which
  // stays (2,530 - 900 = 1,630 > 1,550), so all 900. Step 2: the SLBMs are at their floor of 4:
  // nothing to take. Step 3: each tube converted takes 1 vehicle, 4 warheads, 1 launcher off;
  // excess(x) = (90 - x) + max(0, 80 - 4x) + max(0, 40 - x) falls to its least at x = 40, the
  // step's capacity (280 - 240): 50 vehicles over. Step 4: 50 ICBMs deactivated (1 vehicle and 1
  // warhead each; launchers unchanged): 700. Step 5 is not needed.
  ASSERT_EQ(r.changes.size(), 3U);
  EXPECT_EQ(r.changes[0].step, 0U);
  EXPECT_EQ(r.changes[0].amount, 900);
  EXPECT_EQ(r.changes[0].before, 3);
  EXPECT_EQ(r.changes[0].after, 1);
  EXPECT_EQ(r.changes[1].step, 2U);
  EXPECT_EQ(r.changes[1].unit, "launchers");
  EXPECT_EQ(r.changes[1].amount, 40);
  EXPECT_EQ(r.changes[1].after, 240);
  EXPECT_EQ(r.changes[2].step, 3U);
  EXPECT_EQ(r.changes[2].amount, 50);
  EXPECT_TRUE(r.compliant());
  EXPECT_FALSE(r.before.compliant);
  EXPECT_EQ(r.after.find("deployed_vehicles")->count, 700);  // 400 + 240 + 60
  EXPECT_EQ(r.after.find("warheads")->count, 1420);          // 400 + 960 + 60
  EXPECT_EQ(r.after.find("launchers")->count, 800);          // 500 + 240 + 60
  EXPECT_EQ(r.snapshot.find_system("icbm")->launchers_nondeployed.value, 100);
  EXPECT_EQ(r.snapshot.inventory.warheads_stored.value, 100 + 900 + 160 + 50);  // downloads, tubes, silos
}

TEST(ComplianceTest, AFractionalLoadingIsDownloadedToTheWholeLimit) {
  // 214 launchers at 4.537383 RVs: 971 counted (971.0000 rounded); a limit of 900 needs 71 off.
  Treaty t;
  t.id = "t";
  t.limits.push_back(limit_of("warheads", 900, {rule_of(CountKind::kReentryVehicles, {VehicleClass::kSlbm})}));
  t.compliance = {ComplianceRule{"us", Grade::kAssumed, "", "", {step_of(ComplianceAction::kDownload, "slbm", 4)}, {}}};
  ForceSnapshot f;
  f.side = "us";
  f.systems = {launcher_system("slbm", VehicleClass::kSlbm, Basing::kSsbn, 214, 0, 971.0 / 214)};
  const ComplianceResult r = bring_into_compliance(t, f);
  ASSERT_EQ(r.changes.size(), 1U);
  EXPECT_EQ(r.changes[0].amount, 71);
  EXPECT_EQ(r.after.find("warheads")->count, 900);
  EXPECT_NEAR(r.snapshot.systems[0].warheads_per_launcher.value, 900.0 / 214, 1e-12);
}

TEST(ComplianceTest, AStepThatLowersNothingIsSkippedAndARuleCanRunOut) {
  // An aggregate cap on loaded plus stored warheads: 1,000 loaded + 500 stored = 1,500; 300
  // non-strategic (not in this count). Dismantling non-strategic warheads lowers nothing, so it
  // is not taken; dismantling 300 stored meets a cap of 1,200. With a cap of 400 the whole store
  // (500) goes and 1,000 stay over: not compliant, and said so.
  Treaty t;
  t.id = "cap";
  CountRule all;
  all.count = CountKind::kAllWarheads;
  t.limits.push_back(limit_of("total_warheads", 1200, {all}));
  t.compliance = {
      ComplianceRule{"us",
                     Grade::kAssumed,
                     "",
                     "",
                     {step_of(ComplianceAction::kReduceNonstrategic, ""), step_of(ComplianceAction::kDismantle, "")},
                     {}}};
  ForceSnapshot f;
  f.side = "us";
  f.systems = {launcher_system("icbm", VehicleClass::kIcbm, Basing::kSilo, 1000, 0, 1)};
  f.inventory.warheads_stored = fig(500);
  f.inventory.nonstrategic_warheads = fig(300);
  const ComplianceResult r = bring_into_compliance(t, f);
  ASSERT_EQ(r.changes.size(), 1U);
  EXPECT_EQ(r.changes[0].action, ComplianceAction::kDismantle);
  EXPECT_EQ(r.changes[0].amount, 300);
  EXPECT_TRUE(r.compliant());
  EXPECT_EQ(r.snapshot.inventory.nonstrategic_warheads.value, 300);

  CountOptions tight;
  tight.limit_overrides["total_warheads"] = 400;
  const ComplianceResult out = bring_into_compliance(t, f, tight);
  ASSERT_EQ(out.changes.size(), 1U);
  EXPECT_EQ(out.changes[0].amount, 500);
  EXPECT_FALSE(out.compliant());
  ASSERT_EQ(out.after.violations.size(), 1U);
  EXPECT_NE(out.after.violations[0].find("1000 exceeds the limit of 400"), std::string::npos)
      << out.after.violations[0];

  // No rule for the side: an error naming the treaty and the side.
  f.side = "ru";
  EXPECT_THROW(bring_into_compliance(t, f), Error);
}

TEST(ComplianceTest, DeactivatedLaunchersTakeTheirBasesAlong) {
  // 90 launchers at two bases (60, 30); 30 deactivated leave 40 and 20.
  ForceSnapshot f;
  f.side = "us";
  System s = launcher_system("icbm", VehicleClass::kIcbm, Basing::kSilo, 90, 0, 1);
  s.bases = {Base{"a", "a", 0, 0, fig(60), "", {}}, Base{"b", "b", 0, 0, fig(30), "", {}}};
  f.systems = {s};
  apply_compliance_step(f, step_of(ComplianceAction::kDeactivate, "icbm"), 30);
  EXPECT_DOUBLE_EQ(f.systems[0].bases[0].launchers.value, 40);
  EXPECT_DOUBLE_EQ(f.systems[0].bases[1].launchers.value, 20);
  EXPECT_EQ(f.systems[0].launchers_nondeployed.value, 30);
  EXPECT_EQ(f.inventory.warheads_stored.value, 30);
}

TEST(ComplianceTest, BundledRulesBringUploadedForcesWithinNewStart) {
  // Two years of upload put both 2026 forces over 1,550; each side's stated rule brings it back,
  // downloads first.
  const Treaty t = catalog().load_treaty("new-start-informal");
  for (const char* id : {"us-2026-11-01", "ru-2026-11-01"}) {
    SCOPED_TRACE(id);
    const ForceSnapshot uploaded = snapshot_after_upload(catalog().load_snapshot(id), 24);
    const ComplianceResult r = bring_into_compliance(t, uploaded);
    EXPECT_FALSE(r.before.compliant);
    EXPECT_TRUE(r.compliant()) << r.after.violations.front();
    ASSERT_FALSE(r.changes.empty());
    EXPECT_EQ(r.changes.front().action, ComplianceAction::kDownload);
    EXPECT_EQ(r.after.find("warheads")->count, 1550);  // exactly to the limit: no more than needed
  }
}

TEST(ComplianceTest, MalformedRulesAreLocated) {
  const test::TempDir dir;
  const std::string sources = std::string(kSourceDataDir) + "/sources/common.yaml";
  const auto errors = [&](const std::string& compliance) {
    const std::string text = "schema: 1\nid: t\nname: t\ntitle: t\nstatus: proposed\nparties: [us]\nbibliography: [" +
                             sources +
                             "]\ncites: [stratstab-assumption]\nlimits:\n  - id: w\n    name: w\n    max: 10\n    src: "
                             "stratstab-assumption\n    count:\n      - rule: reentry_vehicles\nverification:\n  "
                             "inspections_per_year: 0\n  data_exchanges_per_year: 0\n  notifications: false\n  "
                             "national_technical_means: false\ncompliance:\n" +
                             compliance;
    return read_treaty(dir.write("t.yaml", text)).diagnostics;
  };
  const auto one = [&](const std::string& block, std::string_view key, std::string_view says) {
    const auto d = errors(block);
    ASSERT_FALSE(d.empty()) << block;
    EXPECT_EQ(d[0].where.key_path, key) << test::dump(d);
    EXPECT_NE(d[0].message.find(says), std::string::npos) << test::dump(d);
  };
  const std::string head = "  - side: us\n    grade: ASSUMED\n    src: stratstab-assumption\n    steps:\n";
  one(head + "      - {action: dismantle, system: mm3}\n", "compliance[0].steps[0].system", "acts on the stockpile");
  one(head + "      - {action: download}\n", "compliance[0].steps[0].system", "expected `system: <id>`");
  one(head + "      - {action: convert, system: mm3, floor: 2}\n", "compliance[0].steps[0].floor", "belongs to action");
  one(head + "      - {action: upload, system: mm3}\n", "compliance[0].steps[0].action", "download");
  one("  - side: ru\n    grade: ASSUMED\n    src: stratstab-assumption\n    steps:\n      - {action: dismantle}\n",
      "compliance[0].side", "not a party");
  one(head + "      - {action: dismantle, src: nowhere}\n", "compliance[0].steps[0].src", "unknown source id");
  EXPECT_TRUE(errors(head + "      - {action: dismantle}\n").empty())
      << test::dump(errors(head + "      - {action: dismantle}\n"));
}

}  // namespace
}  // namespace stratstab

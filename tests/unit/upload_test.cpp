// The upload model on hand-computed cases (storage-bound, capacity-bound with reopened launchers)
// and on the bundled US data of 2026-11-01 (bounded by storage and by capacity).
#include <gtest/gtest.h>

#include "stratstab/catalog.hpp"
#include "stratstab/upload.hpp"
#include "stratstab/version.hpp"

namespace stratstab {
namespace {

Figure fig(double value, std::optional<Grade> grade = Grade::kEstimate) {
  Figure f;
  f.value = value;
  f.grade = grade;
  return f;
}

ForceSnapshot one_system(double deployed, double nondeployed, double loaded, double capacity, double rate,
                         double storage) {
  ForceSnapshot f;
  f.id = "us-2030-01-01";
  f.side = "us";
  f.inventory.strategic_warheads_stored = fig(storage);
  System s;
  s.id = "m";
  s.vehicle = VehicleClass::kIcbm;
  s.basing = Basing::kSilo;
  s.launchers_deployed = fig(deployed);
  s.launchers_nondeployed = fig(nondeployed);
  s.warheads_per_launcher = fig(loaded);
  s.max_warheads_per_launcher = fig(capacity);
  s.upload_rate_per_month = fig(rate, Grade::kAssumed);
  s.range_km = fig(10000);
  f.systems.push_back(s);
  return f;
}

/// A treaty with one limit: RVs on ICBMs ≤ `max`, and deployed ICBMs ≤ 1000 (no limit in effect).
Treaty rv_treaty(double max) {
  Treaty t;
  t.id = "test";
  TreatyLimit warheads;
  warheads.id = "warheads";
  warheads.max = max;
  CountRule rv;
  rv.count = CountKind::kReentryVehicles;
  rv.scope.vehicles = {VehicleClass::kIcbm};
  warheads.rules.push_back(rv);
  TreatyLimit vehicles;
  vehicles.id = "deployed_vehicles";
  vehicles.max = 1000;
  CountRule one;
  one.count = CountKind::kOnePerVehicle;
  vehicles.rules.push_back(one);
  t.limits = {warheads, vehicles};
  return t;
}

TEST(UploadTest, StorageBoundSingleSystemCrossesAtHandComputedMonth) {
  // 100 launchers, 1 loaded of capacity 3 → potential 100 × (3 − 1) = 200; rate 30/month; storage 150.
  // Month m adds 30 while storage lasts: 30, 60, 90, 120, 150 (storage empty at month 5), then flat.
  // RVs = 100 + added: 130, 160, 190, ... The limit 160 is first exceeded at month 3 (190 > 160).
  const Treaty treaty = rv_treaty(160);
  UploadOptions options;
  options.horizon_months = 8;
  options.treaty = &treaty;
  const UploadPath p = compute_upload(one_system(100, 0, 1, 3, 30, 150), options);
  ASSERT_EQ(p.steps.size(), 9U);
  ASSERT_EQ(p.systems.size(), 1U);
  EXPECT_DOUBLE_EQ(p.systems[0].potential, 200);
  EXPECT_DOUBLE_EQ(p.steps[2].deployed_strategic_warheads, 160);
  EXPECT_DOUBLE_EQ(p.steps[5].deployed_strategic_warheads, 250);
  EXPECT_DOUBLE_EQ(p.steps[5].storage_left, 0);
  EXPECT_DOUBLE_EQ(p.steps[8].deployed_strategic_warheads, 250);
  EXPECT_DOUBLE_EQ(p.total_added, 150);
  EXPECT_FALSE(p.systems[0].full_month.has_value());  // storage ran out first
  ASSERT_EQ(p.crossings.size(), 2U);
  EXPECT_EQ(p.crossings[0].limit_id, "warheads");
  EXPECT_EQ(p.crossings[0].month, 3);
  EXPECT_EQ(p.crossings[0].count_at_start, 100);
  EXPECT_EQ(p.crossings[0].count_at_horizon, 250);
  EXPECT_FALSE(p.crossings[1].month.has_value());
  // The rate is ASSUMED and listed as such.
  ASSERT_FALSE(p.assumed.empty());
  EXPECT_EQ(p.assumed[0].what, "m.upload_rate_per_month");
}

TEST(UploadTest, ReopensNonDeployedLaunchersAfterDeployedAreFull) {
  // 10 deployed with 1 of capacity 3: headroom 20; 5 non-deployed launchers reopened at 3: 15;
  // potential 35; rate 10/month, storage plentiful. Added: 10, 20 (deployed full), 30, 35 (full at
  // month 4). At month 3 the excess 10 needs ceil(10 / 3) = 4 reopened launchers: 14 deployed; at
  // month 4 all 5: 15 deployed with 10 × 3 + 15 = 45 warheads.
  const Treaty treaty = rv_treaty(1000);
  UploadOptions options;
  options.horizon_months = 6;
  options.treaty = &treaty;
  const UploadPath p = compute_upload(one_system(10, 5, 1, 3, 10, 1000), options);
  EXPECT_DOUBLE_EQ(p.systems[0].headroom_deployed, 20);
  EXPECT_DOUBLE_EQ(p.systems[0].headroom_reopened, 15);
  EXPECT_EQ(p.systems[0].full_month, 4);
  EXPECT_TRUE(p.systems[0].reopening_assumed);  // no vehicles_nondeployed figure
  EXPECT_DOUBLE_EQ(p.steps[2].limit_counts[1], 10);
  EXPECT_DOUBLE_EQ(p.steps[3].limit_counts[1], 14);
  EXPECT_DOUBLE_EQ(p.steps[4].limit_counts[1], 15);
  EXPECT_DOUBLE_EQ(p.steps[4].limit_counts[0], 45);
  EXPECT_DOUBLE_EQ(p.steps[6].deployed_strategic_warheads, 45);

  options.reopen_nondeployed = false;
  const UploadPath closed = compute_upload(one_system(10, 5, 1, 3, 10, 1000), options);
  EXPECT_DOUBLE_EQ(closed.total_potential, 20);
  EXPECT_EQ(closed.systems[0].full_month, 2);
}

TEST(UploadTest, SpareMissilesCapReopening) {
  ForceSnapshot f = one_system(10, 5, 1, 3, 10, 1000);
  f.systems[0].vehicles_nondeployed = fig(2);  // only 2 spare missiles for 5 empty launchers
  const UploadPath p = compute_upload(f);
  EXPECT_DOUBLE_EQ(p.systems[0].launchers_reopenable, 2);
  EXPECT_DOUBLE_EQ(p.systems[0].potential, 20 + 2 * 3);
  EXPECT_FALSE(p.systems[0].reopening_assumed);
}

TEST(UploadTest, StorageSharedInProportionToDemand) {
  // Two systems demanding 30 and 10 in month 1 with 20 in storage: they get 15 and 5.
  ForceSnapshot f = one_system(100, 0, 1, 3, 30, 20);
  System second = f.systems[0];
  second.id = "n";
  second.upload_rate_per_month = fig(10);
  f.systems.push_back(second);
  UploadOptions options;
  options.horizon_months = 1;
  const UploadPath p = compute_upload(f, options);
  EXPECT_DOUBLE_EQ(p.steps[1].added_by_system[0], 15);
  EXPECT_DOUBLE_EQ(p.steps[1].added_by_system[1], 5);
}

TEST(UploadTest, UploadMovesWarheadsOutOfStorageSoTheStockpileCountStaysFlat) {
  // 100 launchers, 1 of 3 loaded, 30/month, 150 strategic and 150 stored in all: the aggregate-cap
  // count (loaded + stored) is 100 + 150 = 250 at every month, while RVs rise from 100 to 250.
  ForceSnapshot f = one_system(100, 0, 1, 3, 30, 150);
  f.inventory.warheads_stored = fig(150);
  Treaty t;
  t.id = "cap";
  TreatyLimit cap;
  cap.id = "total_warheads";
  cap.max = 3500;
  CountRule all;
  all.count = CountKind::kAllWarheads;
  cap.rules.push_back(all);
  t.limits.push_back(cap);
  UploadOptions options;
  options.horizon_months = 6;
  options.treaty = &t;
  const UploadPath p = compute_upload(f, options);
  for (const UploadStep& step : p.steps) EXPECT_DOUBLE_EQ(step.limit_counts[0], 250) << step.month;
  EXPECT_DOUBLE_EQ(p.steps.back().deployed_strategic_warheads, 250);
}

TEST(UploadTest, RejectsAbsurdHorizon) {
  UploadOptions options;
  options.horizon_months = 601;
  EXPECT_THROW(compute_upload(one_system(1, 0, 1, 1, 1, 1), options), Error);
}

const DataCatalog& catalog() {
  static const DataCatalog kCatalog{std::filesystem::path(kSourceDataDir)};
  return kCatalog;
}

TEST(UploadTest, Us2026TotalBoundedByStorageAndCapacity) {
  const ForceSnapshot us = catalog().load_snapshot("us-2026-11-01");
  const Treaty treaty = catalog().load_treaty("new-start");
  ASSERT_TRUE(us.inventory.strategic_warheads_stored.has_value());
  const double storage = us.inventory.strategic_warheads_stored->value;
  UploadOptions options;
  options.treaty = &treaty;
  options.horizon_months = 120;
  for (bool reopen : {true, false}) {
    options.reopen_nondeployed = reopen;
    const UploadPath p = compute_upload(us, options);
    EXPECT_LE(p.total_added, storage + 1e-6);
    EXPECT_LE(p.total_added, p.total_potential + 1e-6);
    // Every rate is positive, so after ten years the binding bound is reached exactly.
    EXPECT_NEAR(p.total_added, std::min(storage, p.total_potential), 1e-6) << reopen;
    for (const SystemUpload& s : p.systems) EXPECT_LE(s.added, s.potential + 1e-6) << s.system_id;
    // The upload pushes the New START warhead count over 1,550.
    EXPECT_TRUE(p.crossings.at(1).month.has_value());
    // Non-strategic and conventional systems are not uploaded.
    for (const SystemUpload& s : p.systems) EXPECT_NE(s.system_id, "b61-europe");
  }
  // Deployed launchers only: Minuteman III 400 × (2 − 1) + Trident II 214 × (8 − 4.53271) +
  // B-52H 36 × (20 − 5.5) + B-2A 12 × (16 − 8.5) = 400 + 742.0 + 522 + 90 = 1,754 < 1,830 in storage.
  options.reopen_nondeployed = false;
  EXPECT_NEAR(compute_upload(us, options).total_potential, 400 + 214 * (8 - 4.53271) + 522 + 90, 1e-6);
}

}  // namespace
}  // namespace stratstab

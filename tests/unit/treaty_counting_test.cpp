// Counting rules of every bundled regime on small hand-built forces (counts worked out by hand in
// the comments), and New START on the bundled data against the official aggregates.
#include <gtest/gtest.h>

#include "stratstab/catalog.hpp"
#include "stratstab/treaty.hpp"
#include "stratstab/version.hpp"

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

System make_system(std::string id, VehicleClass vehicle, Basing basing, double deployed, double nondeployed,
                   double loaded, double capacity, double range_km = 10000, Payload payload = Payload::kNuclear) {
  System s;
  s.id = std::move(id);
  s.name = s.id;
  s.vehicle = vehicle;
  s.basing = basing;
  s.payload = payload;
  s.launchers_deployed = fig(deployed);
  s.launchers_nondeployed = fig(nondeployed);
  s.warheads_per_launcher = fig(loaded);
  s.max_warheads_per_launcher = fig(capacity);
  s.range_km = fig(range_km);
  return s;
}

/// A small US-like force:
///   m     ICBM silo          10 deployed, 2 non-deployed, 1.5 loaded, capacity 3
///   s     SLBM               20 deployed, 4 non-deployed, 4 loaded, capacity 8
///   b52h  heavy bomber (ALCM) 5 deployed, 1 non-deployed, 10 loaded, capacity 20
///   b2a   heavy bomber        2 deployed, 1 non-deployed, 8 loaded, capacity 16
///   b1    heavy bomber, conventional (converted) 7 deployed, 1 loaded
///   x     IRBM, intermediate, 3,000 km: 4 deployed, 2 non-deployed, 1 loaded
///   ns    non-strategic aircraft, 100 deployed, 1 loaded, 1,000 km
/// Inventory: 300 stored, 150 non-strategic.
ForceSnapshot small_force() {
  ForceSnapshot f;
  f.id = "us-2030-01-01";
  f.side = "us";
  f.date = "2030-01-01";
  f.inventory.warheads_stored = fig(300);
  f.inventory.nonstrategic_warheads = fig(150);
  f.systems = {
      make_system("m", VehicleClass::kIcbm, Basing::kSilo, 10, 2, 1.5, 3),
      make_system("s", VehicleClass::kSlbm, Basing::kSsbn, 20, 4, 4, 8),
      make_system("b52h", VehicleClass::kHeavyBomber, Basing::kBomber, 5, 1, 10, 20),
      make_system("b2a", VehicleClass::kHeavyBomber, Basing::kBomber, 2, 1, 8, 16),
      make_system("b1", VehicleClass::kHeavyBomber, Basing::kBomber, 7, 0, 1, 1, 10000, Payload::kConventional),
      make_system("x", VehicleClass::kIrbm, Basing::kIntermediate, 4, 2, 1, 1, 3000),
      make_system("ns", VehicleClass::kAircraft, Basing::kNonstrategic, 100, 0, 1, 2, 1000),
  };
  return f;
}

double count_of(const TreatyCount& c, std::string_view id) {
  const LimitCount* l = c.find(id);
  EXPECT_NE(l, nullptr) << id;
  return l != nullptr ? l->count : -1;
}

TEST(TreatyCountingTest, NewStartOnSmallForce) {
  const TreatyCount c = count_treaty(catalog().load_treaty("new-start"), small_force());
  // deployed ICBMs + SLBMs + heavy bombers: 10 + 20 + 5 + 2 = 37 (b1 is conventional, x and ns out of scope)
  EXPECT_EQ(count_of(c, "deployed_vehicles"), 37);
  // RVs actually loaded: 10 × 1.5 = 15, 20 × 4 = 80; one per deployed nuclear bomber: 5 + 2 → 102
  EXPECT_EQ(count_of(c, "warheads"), 102);
  // deployed + non-deployed: 12 + 24 + 6 + 3 = 45
  EXPECT_EQ(count_of(c, "launchers"), 45);
  EXPECT_TRUE(c.compliant);
  EXPECT_EQ(c.find("warheads")->headroom, 1550 - 102);
}

TEST(TreatyCountingTest, InformalObservanceCountsLikeNewStart) {
  const TreatyCount c = count_treaty(catalog().load_treaty("new-start-informal"), small_force());
  EXPECT_EQ(count_of(c, "deployed_vehicles"), 37);
  EXPECT_EQ(count_of(c, "warheads"), 102);
  EXPECT_EQ(count_of(c, "launchers"), 45);
  const Treaty t = catalog().load_treaty("new-start-informal");
  EXPECT_EQ(t.verification.inspections_per_year, 0);
  EXPECT_EQ(t.verification.data_exchanges_per_year, 0);
  EXPECT_FALSE(t.verification.notifications);
  EXPECT_EQ(t.dates.in_force, "2026-02-05");
}

TEST(TreatyCountingTest, StartIAttributionOnSmallUsForce) {
  const TreatyCount c = count_treaty(catalog().load_treaty("start-i"), small_force());
  EXPECT_EQ(count_of(c, "delivery_vehicles"), 37);
  // missiles at their attributed (capacity) loading: 10 × 3 + 20 × 8 = 190
  EXPECT_EQ(count_of(c, "ballistic_missile_warheads"), 190);
  // + ALCM bombers within the first 150 at 10 each: 5 × 10 = 50; other bombers 1 each: 2 → 242
  EXPECT_EQ(count_of(c, "accountable_warheads"), 242);
  EXPECT_EQ(count_of(c, "mobile_icbm_warheads"), 0);
  EXPECT_EQ(count_of(c, "heavy_icbm_warheads"), 0);
}

TEST(TreatyCountingTest, StartIBomberDiscountEndsAfterFirst180RussianBombers) {
  ForceSnapshot f;
  f.id = "ru-1995-01-01";
  f.side = "ru";
  f.systems = {
      make_system("tu95ms", VehicleClass::kHeavyBomber, Basing::kBomber, 150, 0, 6, 16),
      make_system("tu160", VehicleClass::kHeavyBomber, Basing::kBomber, 50, 0, 6, 12),
      make_system("ss18", VehicleClass::kIcbm, Basing::kSilo, 154, 0, 10, 10),
      make_system("topol", VehicleClass::kIcbm, Basing::kMobile, 100, 0, 1, 1),
  };
  const TreatyCount c = count_treaty(catalog().load_treaty("start-i"), f);
  // Bombers: the first 180 at 8: 150 Tu-95MS × 8 = 1,200 and 30 Tu-160 × 8 = 240; the other 20 Tu-160
  // at their 12: 240. Missiles: 154 × 10 + 100 × 1 = 1,640. Total 1,200 + 240 + 240 + 1,640 = 3,320.
  EXPECT_EQ(count_of(c, "accountable_warheads"), 3320);
  EXPECT_EQ(count_of(c, "heavy_icbm_warheads"), 1540);  // 154 × 10, exactly at the limit
  EXPECT_EQ(count_of(c, "mobile_icbm_warheads"), 100);
  EXPECT_TRUE(c.find("heavy_icbm_warheads")->compliant);
  EXPECT_EQ(count_of(c, "delivery_vehicles"), 454);  // 150 + 50 + 154 + 100
}

TEST(TreatyCountingTest, SortCountsLoadedStrategicWarheads) {
  const TreatyCount c = count_treaty(catalog().load_treaty("sort"), small_force());
  // 15 + 80 on missiles, 5 × 10 + 2 × 8 = 66 on nuclear bombers → 161 (b1 conventional, x and ns out)
  EXPECT_EQ(count_of(c, "deployed_warheads"), 161);
  EXPECT_EQ(c.find("deployed_warheads")->limit, 2200);
  EXPECT_EQ(c.find("deployed_warheads")->range_low, 1700);
}

TEST(TreatyCountingTest, InfBansGroundLaunchedMissilesInTheRangeBand) {
  ForceSnapshot f = small_force();
  // Boundaries: the band is inclusive; 499 km and 5,501 km are outside; a conventional GLCM is inside;
  // an SLBM of 3,000 km is sea-based, outside.
  f.systems.push_back(make_system("glcm500", VehicleClass::kGlcm, Basing::kMobile, 3, 1, 1, 1, 500));
  f.systems.push_back(make_system("srbm499", VehicleClass::kSrbm, Basing::kMobile, 7, 0, 1, 1, 499));
  f.systems.push_back(make_system("irbm5501", VehicleClass::kIrbm, Basing::kMobile, 9, 0, 1, 1, 5501));
  f.systems.push_back(
      make_system("conv", VehicleClass::kIrbm, Basing::kIntermediate, 4, 0, 0, 1, 2775, Payload::kConventional));
  f.systems.push_back(make_system("slbm3000", VehicleClass::kSlbm, Basing::kSsbn, 16, 0, 1, 1, 3000));
  const TreatyCount c = count_treaty(catalog().load_treaty("inf"), f);
  // launchers: x 4 + 2, glcm500 3 + 1, conv 4 → 14
  EXPECT_EQ(count_of(c, "banned_launchers"), 14);
  // warheads loaded: x 4, glcm500 3, conv 0 → 7
  EXPECT_EQ(count_of(c, "banned_warheads"), 7);
  EXPECT_FALSE(c.compliant);
  ASSERT_EQ(c.violations.size(), 2U);
  EXPECT_EQ(c.violations[0], "banned_launchers: 14 exceeds the limit of 0 by 14");
}

TEST(TreatyCountingTest, AggregateCapCountsEveryWarheadAndIsAParameter) {
  const Treaty t = catalog().load_treaty("aggregate-cap");
  const TreatyCount c = count_treaty(t, small_force());
  // loaded on nuclear systems: 15 + 80 + 50 + 16 + 4 (x) + 100 (ns) = 265; + 300 stored = 565
  EXPECT_EQ(count_of(c, "total_warheads"), 565);
  EXPECT_EQ(c.find("total_warheads")->limit, 3500);
  EXPECT_TRUE(c.find("total_warheads")->parameter);
  CountOptions options;
  options.limit_overrides["total_warheads"] = 500;
  const TreatyCount tight = count_treaty(t, small_force(), options);
  EXPECT_TRUE(tight.find("total_warheads")->overridden);
  EXPECT_EQ(tight.find("total_warheads")->headroom, -65);
  EXPECT_FALSE(tight.compliant);
  options.limit_overrides = {{"no_such_limit", 1}};
  EXPECT_THROW(count_treaty(t, small_force(), options), Error);
}

TEST(TreatyCountingTest, NonstrategicFreezeUsesTheReferenceCount) {
  const Treaty t = catalog().load_treaty("nonstrategic-freeze");
  ForceSnapshot reference = small_force();
  reference.inventory.nonstrategic_warheads = fig(120);
  CountOptions options;
  options.reference = &reference;
  const TreatyCount c = count_treaty(t, small_force(), options);
  // 150 now against 120 at the reference date: 30 over.
  EXPECT_EQ(count_of(c, "nonstrategic_warheads"), 150);
  EXPECT_EQ(c.find("nonstrategic_warheads")->limit, 120);
  EXPECT_EQ(c.find("nonstrategic_warheads")->headroom, -30);
  EXPECT_FALSE(c.compliant);
  EXPECT_THROW(count_treaty(t, small_force()), Error);  // no reference given
}

// Official aggregates (State Dept 2020-12-01 and 2023; Russian MFA 2022), counted by the library
// from the per-system data under data/treaties/new-start.yaml.
TEST(TreatyCountingTest, NewStartReproducesOfficialAggregates) {
  struct Case {
    const char* id;
    double deployed, warheads, launchers;
  };
  const Treaty t = catalog().load_treaty("new-start");
  for (const Case& c : {Case{"us-2023-03-01", 662, 1419, 800}, Case{"us-2022-03-01", 686, 1515, 800},
                        Case{"us-2020-09-01", 675, 1457, 800}, Case{"ru-2022-03-01", 526, 1474, 761},
                        Case{"ru-2020-09-01", 510, 1447, 764}}) {
    const TreatyCount count = count_treaty(t, catalog().load_snapshot(c.id));
    EXPECT_EQ(count_of(count, "deployed_vehicles"), c.deployed) << c.id;
    EXPECT_EQ(count_of(count, "warheads"), c.warheads) << c.id;
    EXPECT_EQ(count_of(count, "launchers"), c.launchers) << c.id;
    EXPECT_TRUE(count.compliant) << c.id;
  }
}

// The treaty file's scopes select exactly the systems the data mark accountable under New START
// (for its parties; Chinese, British and French systems are marked not accountable).
TEST(TreatyCountingTest, NewStartScopesAgreeWithTheDataAccountableFlags) {
  const Treaty t = catalog().load_treaty("new-start");
  const TreatyLimit* launchers = t.find_limit("launchers");
  ASSERT_NE(launchers, nullptr);
  for (const auto& id : catalog().snapshot_ids()) {
    const ForceSnapshot s = catalog().load_snapshot(id);
    if (s.side != "us" && s.side != "ru") continue;
    for (const System& sys : s.systems) {
      bool in_scope = false;
      for (const CountRule& r : launchers->rules) in_scope = in_scope || r.scope.matches(s.side, sys);
      EXPECT_EQ(in_scope, sys.new_start.accountable) << id << " " << sys.id;
    }
  }
}

TEST(TreatyCountingTest, EveryBundledTreatyLoadsAndCountsEveryBundledSnapshot) {
  const auto ids = catalog().treaty_ids();
  EXPECT_GE(ids.size(), 7U);
  for (const auto& id : ids) {
    const auto result = read_treaty(catalog().treaty_path(id));
    ASSERT_TRUE(result.value.has_value()) << id;
    for (const auto& d : result.diagnostics) ADD_FAILURE() << format_diagnostic(d);
    for (const auto& snapshot_id : catalog().snapshot_ids()) {
      const ForceSnapshot s = catalog().load_snapshot(snapshot_id);
      const auto reference = catalog().reference_snapshot(*result.value, s);
      CountOptions options;
      if (reference) options.reference = &*reference;
      const TreatyCount c = count_treaty(*result.value, s, options);
      EXPECT_EQ(c.limits.size(), result.value->limits.size());
    }
  }
}

}  // namespace
}  // namespace stratstab

// The bundled data in data/: every snapshot loads cleanly, the required dates exist, published
// official figures are carried exactly, and the per-system split reproduces the official New START
// aggregates (State Department and Russian MFA fact sheets). The counting here is written out independently of the
// library (deployed launchers; loaded RVs or one per bomber; deployed + non-deployed launchers).
#include <cmath>

#include <gtest/gtest.h>

#include "stratstab/catalog.hpp"
#include "stratstab/version.hpp"

namespace stratstab {
namespace {

const DataCatalog& catalog() {
  static const DataCatalog kCatalog{std::filesystem::path(kSourceDataDir)};
  return kCatalog;
}

TEST(BundledDataTest, EverySnapshotLoadsWithoutDiagnostics) {
  const auto files = catalog().snapshot_files();
  ASSERT_FALSE(files.empty());
  for (const auto& file : files) {
    const auto result = read_force_snapshot(file);
    EXPECT_TRUE(result.value.has_value()) << file;
    for (const auto& d : result.diagnostics) ADD_FAILURE() << format_diagnostic(d);
  }
}

TEST(BundledDataTest, RequiredSnapshotsExist) {
  const auto ids = catalog().snapshot_ids();
  const auto has = [&](const std::string& id) { return std::find(ids.begin(), ids.end(), id) != ids.end(); };
  for (const char* date : {"2020-09-01", "2022-03-01", "2023-03-01", "2025-01-01", "2026-11-01"}) {
    EXPECT_TRUE(has(std::string("us-") + date)) << date;
    EXPECT_TRUE(has(std::string("ru-") + date)) << date;
  }
  for (const char* side : {"cn", "uk", "fr"}) {
    EXPECT_TRUE(has(std::string(side) + "-2025-01-01")) << side;
    EXPECT_TRUE(has(std::string(side) + "-2026-11-01")) << side;
  }
}

struct NewStartTotals {
  long deployed = 0;
  long warheads = 0;
  long launchers = 0;
};

NewStartTotals count_new_start(const ForceSnapshot& s) {
  NewStartTotals t;
  for (const System& sys : s.systems) {
    if (!sys.new_start.accountable) continue;
    const auto deployed = static_cast<long>(sys.launchers_deployed.value);
    t.deployed += deployed;
    t.launchers += deployed + static_cast<long>(sys.launchers_nondeployed.value);
    t.warheads += sys.new_start.counting == NewStartCounting::kOnePerBomber
                      ? deployed
                      : std::lround(sys.launchers_deployed.value * sys.warheads_per_launcher.value);
  }
  return t;
}

// Official aggregates: State Dept fact sheets 2020-12-01 and 2023; Russian MFA 2022.
TEST(BundledDataTest, PerSystemDataReproduceOfficialNewStartAggregates) {
  struct Case {
    const char* id;
    long deployed, warheads, launchers;
  };
  for (const Case& c : {Case{"us-2020-09-01", 675, 1457, 800}, Case{"us-2022-03-01", 686, 1515, 800},
                        Case{"us-2023-03-01", 662, 1419, 800}, Case{"ru-2020-09-01", 510, 1447, 764},
                        Case{"ru-2022-03-01", 526, 1474, 761}}) {
    const NewStartTotals t = count_new_start(catalog().load_snapshot(c.id));
    EXPECT_EQ(t.deployed, c.deployed) << c.id;
    EXPECT_EQ(t.warheads, c.warheads) << c.id;
    EXPECT_EQ(t.launchers, c.launchers) << c.id;
  }
}

// State Dept fact sheet of 2020-12-01, per type: Minuteman III 397 deployed / 57 non-deployed
// launchers, Trident II 230 / 50, deployed bombers B-2A 12 + B-52H 36.
TEST(BundledDataTest, Us2020CarriesOfficialPerTypeFigures) {
  const ForceSnapshot s = catalog().load_snapshot("us-2020-09-01");
  const System* mm3 = s.find_system("mm3");
  const System* trident = s.find_system("trident2");
  const System* b2 = s.find_system("b2a");
  const System* b52 = s.find_system("b52h");
  ASSERT_TRUE(mm3 && trident && b2 && b52);
  EXPECT_EQ(mm3->launchers_deployed.value, 397);
  EXPECT_EQ(mm3->launchers_nondeployed.value, 57);
  EXPECT_EQ(mm3->launchers_deployed.grade, Grade::kOfficial);
  EXPECT_EQ(trident->launchers_deployed.value, 230);
  EXPECT_EQ(trident->launchers_nondeployed.value, 50);
  EXPECT_EQ(b2->launchers_deployed.value, 12);
  EXPECT_EQ(b52->launchers_deployed.value, 36);
  // 1,457 - 397 - 48 = 1,012 RVs on 230 Trident II: 4.4 each.
  EXPECT_NEAR(trident->warheads_loaded(), 1012, 1e-9);
}

// SIPRI Yearbook 2025 inventories, January 2025.
TEST(BundledDataTest, January2025InventoriesMatchSipri) {
  struct Case {
    const char* id;
    double deployed, stored;
  };
  for (const Case& c :
       {Case{"us-2025-01-01", 1770, 1930}, Case{"ru-2025-01-01", 1718, 2591}, Case{"cn-2025-01-01", 24, 576},
        Case{"fr-2025-01-01", 280, 10}, Case{"uk-2025-01-01", 120, 105}}) {
    const ForceSnapshot s = catalog().load_snapshot(c.id);
    EXPECT_EQ(s.inventory.warheads_deployed.value, c.deployed) << c.id;
    EXPECT_EQ(s.inventory.warheads_stored.value, c.stored) << c.id;
  }
}

TEST(BundledDataTest, AssumptionsCarryRangesAndEveryFigureIsSourced) {
  for (const auto& id : catalog().snapshot_ids()) {
    const ForceSnapshot s = catalog().load_snapshot(id);
    for_each_figure(s, [&](const Figure& f) {
      EXPECT_TRUE(f.is_sourced()) << f.where.file << ":" << f.where.line << " " << f.where.key_path;
    });
  }
}

// ru-2026-11-01 keeps Russia's pledged New START limits (the eighth Borei was once
// added with no offset, 1,624 warheads), and its systems add up to its own deployed inventory
// (they gave 1,758 against 1,718). Hand count: ICBM 33x10 + 12 + 60 + 18 + 176x2.25 + 22x2 = 860,
// SLBM 112x4 + 48x4 = 640, bombers 40 + 10 = 50 -> 1,550; deployed 321 + 160 + 50 = 531;
// launchers 531 + (37 + 40 + 20) + (16 + 32) + (10 + 7) = 693; loaded 860 + 640 + 128 + 56 = 1,684.
TEST(BundledDataTest, Russia2026KeepsTheLimitsAndAddsUp) {
  const ForceSnapshot s = catalog().load_snapshot("ru-2026-11-01");
  const NewStartTotals t = count_new_start(s);
  EXPECT_EQ(t.deployed, 531);
  EXPECT_EQ(t.warheads, 1550);
  EXPECT_EQ(t.launchers, 693);
  double loaded = 0;
  for (const System& system : s.systems) loaded += system.warheads_loaded();
  EXPECT_NEAR(loaded, 1684, 1e-6);
  EXPECT_EQ(s.inventory.warheads_deployed.value, 1684);
}

// Defense One 2024-05: 19 B-2A after the FY2025 divestment, 12 deployed and 7 not.
TEST(BundledDataTest, B2FleetIsNineteenFrom2025) {
  for (const char* id : {"us-2025-01-01", "us-2026-11-01"}) {
    const ForceSnapshot snapshot = catalog().load_snapshot(id);
    const System* b2 = snapshot.find_system("b2a");
    ASSERT_NE(b2, nullptr) << id;
    EXPECT_EQ(b2->launchers_deployed.value + b2->launchers_nondeployed.value, 19) << id;
    EXPECT_EQ(b2->launchers_nondeployed.value, 7) << id;
  }
}

// Same thing, same assumption unless a source says otherwise (docs/methods.md §2): the US and UK Trident II
// D5 share one CEP assumption; every SSBN in port has one hardness; Minuteman III is 120 m everywhere.
TEST(BundledDataTest, SameThingSameAssumption) {
  for (const auto& id : catalog().snapshot_ids()) {
    const ForceSnapshot s = catalog().load_snapshot(id);
    for (const System& system : s.systems) {
      if (system.basing == Basing::kSsbn) {
        EXPECT_EQ(system.hardness_psi.value, 30) << id << " " << system.id;
        ASSERT_TRUE(system.hardness_psi.range.has_value()) << id << " " << system.id;
        EXPECT_EQ(system.hardness_psi.range->low, 10) << id << " " << system.id;
        EXPECT_EQ(system.hardness_psi.range->high, 100) << id << " " << system.id;
      }
      if (system.id == "mm3") EXPECT_EQ(system.cep_m.value, 120) << id;
    }
  }
  for (const char* date : {"2023-03-01", "2025-01-01", "2026-11-01"}) {
    const ForceSnapshot us_snapshot = catalog().load_snapshot(std::string("us-") + date);
    const ForceSnapshot uk_snapshot = catalog().load_snapshot(std::string("uk-") + date);
    const System* us = us_snapshot.find_system("trident2");
    const System* uk = uk_snapshot.find_system("trident-d5");
    ASSERT_NE(us, nullptr);
    ASSERT_NE(uk, nullptr);
    ASSERT_TRUE(us->cep_m.range.has_value() && uk->cep_m.range.has_value()) << date;
    EXPECT_EQ(uk->cep_m.value, us->cep_m.value) << date;
    EXPECT_EQ(uk->cep_m.range->low, us->cep_m.range->low) << date;
    EXPECT_EQ(uk->cep_m.range->high, us->cep_m.range->high) << date;
  }
}

}  // namespace
}  // namespace stratstab

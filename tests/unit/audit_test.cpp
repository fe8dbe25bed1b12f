// `data check` counting: a hand-made snapshot with known gaps gives known counts.
#include <gtest/gtest.h>

#include "stratstab/audit.hpp"
#include "stratstab/load.hpp"
#include "test_support.hpp"

namespace stratstab {
namespace {

// Fixture tests/data/audit/forces/us-2020-09-01.yaml has 2 systems: mm3 (17 figures, 2 of them in
// warhead entries x2 = 4) and trident2 (18 figures incl. vehicles_nondeployed); counted by hand:
// inventory 3 + w80 1 + mm3 (launchers 2, loading 2, warheads 2x2, cep, rel, range, hard, 2 shares of
// untargetable, upload = 15) + trident2 (launchers 2, vehicles_nondeployed 1, loading 2, warheads 2x2,
// cep, rel, range, hard, 2 untargetable, upload = 16) = 35.
TEST(AuditTest, CountsFiguresAndListsEachGap) {
  const ForceSnapshot s =
      load_force_snapshot(std::filesystem::path(STRATSTAB_TEST_DATA_DIR) / "audit/forces/us-2020-09-01.yaml");
  DataAudit audit;
  audit_snapshot(s, audit);
  EXPECT_EQ(audit.snapshots, 1);
  EXPECT_EQ(audit.figures, 35);
  ASSERT_EQ(audit.unsourced, 3);
  ASSERT_EQ(audit.unsourced_figures.size(), 3U);
  // A bare number: nothing but the value.
  EXPECT_EQ(audit.unsourced_figures[0].where.key_path, "systems[1].vehicles_nondeployed");
  EXPECT_EQ(audit.unsourced_figures[0].missing, (std::vector<std::string>{"source", "date", "grade"}));
  // An assumption without its range.
  EXPECT_EQ(audit.unsourced_figures[1].where.key_path, "systems[1].cep_m");
  EXPECT_EQ(audit.unsourced_figures[1].missing, (std::vector<std::string>{"range"}));
  // A grade but no source (hence no date either).
  EXPECT_EQ(audit.unsourced_figures[2].where.key_path, "systems[1].range_km");
  EXPECT_EQ(audit.unsourced_figures[2].missing, (std::vector<std::string>{"source", "date"}));
  EXPECT_EQ(audit.figures_by_grade.at("OFF"), 6);
  EXPECT_EQ(audit.figures_by_grade.at("(none)"), 1);
}

TEST(AuditTest, FigureIsSourcedNeedsAllParts) {
  Figure f;
  f.value = 1;
  EXPECT_FALSE(f.is_sourced());
  f.grade = Grade::kEstimate;
  f.source_id = "x";
  EXPECT_FALSE(f.is_sourced());  // no date
  f.date = "2020";
  EXPECT_TRUE(f.is_sourced());
  f.grade = Grade::kAssumed;
  EXPECT_FALSE(f.is_sourced());  // assumption without range
  f.range = Range{0, 2};
  EXPECT_TRUE(f.is_sourced());
}

}  // namespace
}  // namespace stratstab

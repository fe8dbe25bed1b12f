// `data check` counting: a hand-made snapshot with known gaps gives known counts.
#include <gtest/gtest.h>

#include "stratstab/audit.hpp"
#include "stratstab/catalog.hpp"
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

// Two files that each define `shared` (one of them twice over: that duplicate is the loader's to
// report) and one source of their own: 2 files, 4 sources counted, one duplicate across files,
// located at the second file's definition.
TEST(AuditTest, SourceIdsMustBeUniqueOverBibliographyFiles) {
  const test::TempDir dir;
  const auto first = dir.write("a.yaml",
                               "schema: 1\nsources:\n  - {id: shared, title: A, date: 2020}\n"
                               "  - {id: only-a, title: A2, date: 2020}\n");
  const auto second = dir.write("b.yaml",
                                "schema: 1\nsources:\n  - {id: only-b, title: B, date: 2021}\n"
                                "  - {id: shared, title: B2, date: 2021}\n");
  DataAudit audit;
  for (const auto& file : {first, second}) {
    const LoadResult<Bibliography> bibliography = read_bibliography(file);
    ASSERT_TRUE(bibliography.value.has_value()) << test::dump(bibliography.diagnostics);
    audit_bibliography(*bibliography.value, audit);
  }
  EXPECT_EQ(audit.bibliography_files, 2);
  EXPECT_EQ(audit.sources, 4);
  ASSERT_EQ(audit.load_errors.size(), 1U) << test::dump(audit.load_errors);
  const Diagnostic& d = audit.load_errors.front();
  EXPECT_EQ(d.where.file, second.string());
  EXPECT_EQ(d.where.line, 4);
  EXPECT_NE(d.message.find("duplicate source id 'shared' (already defined at " + first.string() + ":3)"),
            std::string::npos)
      << d.message;
}

// Every bundled bibliography file loads on its own, ids are unique over all of them, and the
// defence sources (cited by nothing yet) are among them.
TEST(AuditTest, BundledBibliographiesAreCleanAndIncludeDefence) {
  const DataCatalog catalog(STRATSTAB_SOURCE_DIR "/data");
  DataAudit audit;
  bool defence = false;
  for (const auto& file : catalog.bibliography_files()) {
    const LoadResult<Bibliography> bibliography = read_bibliography(file);
    ASSERT_TRUE(bibliography.value.has_value()) << test::dump(bibliography.diagnostics);
    audit_bibliography(*bibliography.value, audit);
    defence = defence || bibliography.value->contains("sgs-launch-on-warning-2020");
  }
  EXPECT_TRUE(audit.load_errors.empty()) << test::dump(audit.load_errors);
  EXPECT_GE(audit.bibliography_files, 6);
  EXPECT_TRUE(defence);
}

}  // namespace
}  // namespace stratstab

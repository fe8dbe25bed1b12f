// Published qualitative findings checked over every bundled scenario (docs/methods.md §7, "Published
// checks"): where the literature says which way a change moves first-strike stability, the model
// must move the same way on the bundled real data, or docs/methods.md says with numbers why not.
#include <gtest/gtest.h>

#include <string>

#include "stratstab/catalog.hpp"
#include "stratstab/exchange.hpp"
#include "stratstab/prepare.hpp"
#include "stratstab/scenario.hpp"

namespace stratstab {
namespace {

class PublishedChecks : public ::testing::Test {
 protected:
  Scenario prepared(const std::string& name) {
    return prepare_scenario(load_scenario(catalog_.scenario_path(name), {}, &catalog_));
  }
  /// The index of a prepared real scenario in a posture case, with its own options.
  static double index_in(const Scenario& s, PostureCase c) {
    return evaluate_real(*s.sides[0].forces, *s.sides[1].forces, c, s.parameters, side_options(s.sides[0]),
                         side_options(s.sides[1]))
        .index;
  }
  DataCatalog catalog_{STRATSTAB_SOURCE_DIR "/data"};
};

TEST_F(PublishedChecks, GeneratingForcesIsStabilisingInEveryBundledScenario) {
  // Kent and Thaler (R-3765-AF): forces generated early (more boats at sea, bombers on alert) make
  // a first strike less attractive for both sides: the index with both sides generated is at least
  // the day-to-day one. Generation only hides launchers (a larger untargetable share) and, under
  // the default readiness rule (docs/methods.md §6), leaves each striker's own strike as it is, so
  // the reasoning of ExchangeTest.MoreBoatsAtSeaNeverLowerTheIndexUnderKentThalerReadiness applies
  // to every side at once. Checked on every bundled scenario with real sides.
  int real = 0;
  for (const std::string& name : catalog_.scenario_names()) {
    const Scenario s = prepared(name);
    if (!s.is_real()) continue;
    ++real;
    const double day_to_day = index_in(s, PostureCase::kDayToDay);
    const double generated = index_in(s, PostureCase::kGenerated);
    EXPECT_GE(generated, day_to_day - 1e-12) << name << ": generated " << generated << ", day to day " << day_to_day;
  }
  EXPECT_GE(real, 14);  // every bundled scenario but the abstract Kent–Thaler example
}

}  // namespace
}  // namespace stratstab

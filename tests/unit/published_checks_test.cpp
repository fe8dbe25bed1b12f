// Published qualitative findings checked over every bundled scenario (docs/methods.md §7, "Published
// checks"): where the literature says which way a change moves first-strike stability, the model
// must move the same way on the bundled real data, or docs/methods.md says with numbers why not.
#include <gtest/gtest.h>

#include <string>
#include <vector>

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

TEST_F(PublishedChecks, MoreBoatsAtSeaNeverLowerTheIndexInAnyBundledScenario) {
  // Kent and Thaler: survivability stabilises. A side's SSBNs at sea leave its own first strike as
  // it is under their readiness rule (docs/methods.md §6) and take aim points out of the other's:
  // the index must not fall as either side's at-sea share rises from 0.3 to 0.9 (day to day, each
  // scenario with its own options: defences, command, warning, forward systems, uploads). The
  // reasoning and the figures on the plain 2026 forces:
  // ExchangeTest.MoreBoatsAtSeaNeverLowerTheIndexUnderKentThalerReadiness.
  //
  // One case disagrees, by a little, and is pinned so that a change is seen: cbo-constellation, the
  // US at sea 0.30 -> 0.45, index 0.2466 -> 0.2438. With many US boats in port Russia's cheapest
  // strike spends 753 warheads on counterforce and only 339 value warheads arrive, a strike the
  // constellation thins well (US C2 0.587); with fewer boats in port Russia switches to a value
  // strike (426 on counterforce, 513 arriving) and the US C2 jumps to 0.669, more than Russia's
  // higher C1 makes up. From 0.45 on the index rises again (0.319 at 0.9). docs/methods.md §12.2.
  int checked = 0;
  for (const std::string& name : catalog_.scenario_names()) {
    const Scenario base = prepared(name);
    if (!base.is_real()) continue;
    for (std::size_t side = 0; side < 2; ++side) {
      const bool known_dip = name == "cbo-constellation" && base.sides[side].id == "US";
      std::vector<double> indices;
      for (double share = 0.3; share <= 0.9 + 1e-9; share += 0.15) {
        Scenario s = base;
        for (System& system : s.sides[side].forces->systems) {
          if (system.basing == Basing::kSsbn) system.untargetable_day_to_day.value = share;
        }
        const double index = index_in(s, PostureCase::kDayToDay);
        if (!indices.empty() && !(known_dip && indices.size() == 1)) {
          EXPECT_GE(index, indices.back() - 1e-9) << name << ", " << s.sides[side].id << " at sea " << share;
        }
        indices.push_back(index);
        ++checked;
      }
      if (known_dip) {
        EXPECT_NEAR(indices[0], 0.246609, 1e-5);
        EXPECT_NEAR(indices[1], 0.243770, 1e-5);
        EXPECT_GT(indices.back(), indices.front());
      }
    }
  }
  EXPECT_GE(checked, 14 * 2 * 5);
}

}  // namespace
}  // namespace stratstab

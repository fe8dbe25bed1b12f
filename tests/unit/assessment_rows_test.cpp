// What `assess` prints about a missile defence is computed in stability/ (Assessment::defence_layers)
// with the defence's own capacity rule (layer_capacity), not re-derived in report/.
#include <gtest/gtest.h>

#include <cmath>

#include "stratstab/assessment.hpp"
#include "stratstab/catalog.hpp"
#include "stratstab/prepare.hpp"

namespace stratstab {
namespace {

TEST(AssessmentRowsTest, DefenceLayersOfGoldenDomeCoveringBoth) {
  const DataCatalog catalog(STRATSTAB_SOURCE_DIR "/data");
  const Scenario s = prepare_scenario(
      load_scenario(catalog.scenario_path("golden-dome"),
                    {Override{"sides.US.defence.covers", "both"},
                     Override{"sides.US.defence.layers[0].absentee_ratio", "{value: 1, range: [1, 1600]}"},
                     Override{"sides.US.defence.layers[0].engages", "warheads"}},
                    &catalog));
  const Assessment a = assess_scenario(s);
  EXPECT_TRUE(a.defence_layers[1].empty());  // Russia has no defence
  const std::vector<DefenceLayerRow>& rows = a.defence_layers[0];
  ASSERT_EQ(rows.size(), 3u);
  // golden-dome.yaml with the space layer's old assumptions (every interceptor in reach, kills per
  // warhead; the booster and absentee rows are checked in defence_test.cpp; the terminal footprint
  // does not change these rows): 1000 interceptors, covers both with silo_share 0.5, 2 decoys per warhead.
  // Layer shares 0.4 / 0.3 / 0.3, so each coverage gets 1000 x share x 0.5 = 200 / 150 / 150.
  // space: 1 shot, sspk 0.5, tracking 0.9, warheads only: P = 0.9 x 0.5 = 0.45; engages 200 / 1 = 200.
  // midcourse: 2 shots, sspk 0.55, tracking 0.9, sees decoys: P = 0.9 (1 - 0.45^2) = 0.71775;
  //   engages floor(150 / 2) / (1 + 2) = 25 warheads.
  // terminal: 2 shots, sspk 0.7, tracking 0.95, warheads only: P = 0.95 (1 - 0.3^2) = 0.8645;
  //   engages floor(150 / 2) = 75.
  const double p[] = {0.45, 0.9 * (1 - 0.45 * 0.45), 0.95 * (1 - 0.3 * 0.3)};
  const double per_object[] = {1, 2, 2};
  const double interceptors[] = {200, 150, 150};
  const double engages[] = {200, 25, 75};
  for (std::size_t l = 0; l < 3; ++l) {
    EXPECT_NEAR(rows[l].kill_probability, p[l], 1e-12) << l;
    EXPECT_EQ(rows[l].interceptors_per_object, per_object[l]) << l;
    EXPECT_NEAR(rows[l].on_value, interceptors[l], 1e-9) << l;
    EXPECT_NEAR(rows[l].on_silos, interceptors[l], 1e-9) << l;
    EXPECT_NEAR(rows[l].engages, engages[l], 1e-9) << l;
  }
  EXPECT_EQ(rows[1].name, "midcourse (GBI/NGI class)");
}

}  // namespace
}  // namespace stratstab

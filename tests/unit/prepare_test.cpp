// The prepare step between loading and evaluation (prepare.hpp): the loader reads the file and no
// more; the upload model runs in prepare_scenario; evaluating an uploading scenario that was not
// prepared is a programming error, not a silently different index.
#include <gtest/gtest.h>

#include <stdexcept>

#include "stratstab/assessment.hpp"
#include "stratstab/catalog.hpp"
#include "stratstab/prepare.hpp"
#include "stratstab/scenario.hpp"

namespace stratstab {
namespace {

class PrepareTest : public ::testing::Test {
 protected:
  /// With the snapshots' w80s (`options.w80: snapshot`): these tests are about the upload; the
  /// derived w80 is prepared too (damage_test.cpp).
  Scenario load(const std::string& name) {
    return load_scenario(catalog_.scenario_path(name), {Override::parse("options.w80=snapshot")}, &catalog_);
  }
  DataCatalog catalog_{STRATSTAB_SOURCE_DIR "/data"};
};

TEST_F(PrepareTest, LoadingDoesNotUploadAndPreparingDoes) {
  // upload-us-24: the US with `upload_months: 24`, Russia as it is.
  const Scenario loaded = load("upload-us-24");
  ASSERT_EQ(loaded.sides[0].id, "US");
  ASSERT_EQ(loaded.sides[0].upload_months, 24);
  EXPECT_FALSE(loaded.prepared);
  const ForceSnapshot bundled = catalog_.load_snapshot("us-2026-11-01");
  // The loaded side is the bundled snapshot, warhead for warhead.
  EXPECT_EQ(warheads_loaded(*loaded.sides[0].forces), warheads_loaded(bundled));

  const Scenario prepared = prepare_scenario(loaded);
  EXPECT_TRUE(prepared.prepared);
  EXPECT_GT(warheads_loaded(*prepared.sides[0].forces), warheads_loaded(bundled));
  // Russia does not upload: untouched.
  EXPECT_EQ(warheads_loaded(*prepared.sides[1].forces), warheads_loaded(*loaded.sides[1].forces));
  // The index main printed for upload-us-24 before the upload moved out of the loader
  // (`stratstab assess upload-us-24 --json | jq .stability.index` at commit 67fd20a): 0.5762512612062004.
  // That was with the no-notice readiness rule and each launcher a target (`options.striker_readiness:
  // no_notice`, `options.targets: launchers`), which reproduce it.
  Scenario old_rules = prepared;
  old_rules.parameters.striker_readiness = StrikerReadiness::kNoNotice;
  old_rules.parameters.aim_points = false;
  EXPECT_NEAR(evaluate_scenario(old_rules).index, 0.5762512612062004, 1e-12);
  // Preparing twice uploads once.
  EXPECT_EQ(warheads_loaded(*prepare_scenario(prepared).sides[0].forces), warheads_loaded(*prepared.sides[0].forces));
}

TEST_F(PrepareTest, EvaluatingAnUnpreparedUploadIsAProgrammingError) {
  const Scenario loaded = load("upload-us-24");
  EXPECT_THROW((void)evaluate_scenario(loaded), std::logic_error);
  EXPECT_THROW((void)assess_scenario(loaded), std::logic_error);
  // Without an upload there is nothing to prepare, and the loaded scenario evaluates as it is.
  const Scenario plain = load("us-ru-2026-11");
  EXPECT_EQ(evaluate_scenario(plain).index, evaluate_scenario(prepare_scenario(plain)).index);
}

}  // namespace
}  // namespace stratstab

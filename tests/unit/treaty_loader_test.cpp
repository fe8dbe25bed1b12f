// The treaty loader: a valid file reads into the model; each class of bad treaty file gets a
// located message (file:line:column, key path, what was expected).
#include <gtest/gtest.h>

#include "stratstab/treaty.hpp"
#include "test_support.hpp"

namespace stratstab {
namespace {

using test::line_of;
using test::replace_once;

constexpr std::string_view kValid = R"(schema: 1
id: test-treaty
name: "Test"
title: "A test treaty"
status: in_force
parties: [us, ru]
dates: {signed: 2010-04-08, in_force: 2011-02-05}
bibliography: [sources.yaml]
cites: [text-2010]
limits:
  - id: warheads
    name: "Warheads"
    max: 1550
    src: text-2010
    count:
      - rule: reentry_vehicles
        scope: {vehicle: [icbm, slbm]}
      - rule: one_per_vehicle
        scope: {vehicle: [heavy_bomber], status: deployed}
verification:
  inspections_per_year: 18
  inspections:
    - {name: "Type One", per_year: 10}
    - {name: "Type Two", per_year: 8}
  data_exchanges_per_year: 2
  notifications: true
  national_technical_means: true
  src: text-2010
)";

constexpr std::string_view kSources = R"(schema: 1
sources:
  - {id: text-2010, title: "Treaty text", date: 2010-04-08}
)";

class TreatyLoaderTest : public ::testing::Test {
 protected:
  LoadResult<Treaty> read(std::string_view text) {
    dir_.write("sources.yaml", kSources);
    file_ = dir_.write("test-treaty.yaml", text);
    return read_treaty(file_);
  }
  /// Exactly one error, at `key_path`, on the line holding `needle`, whose message contains `expected`.
  void expect_single_error(std::string_view text, std::string_view key_path, std::string_view needle,
                           std::string_view expected) {
    const auto result = read(text);
    EXPECT_FALSE(result.value.has_value());
    ASSERT_EQ(result.diagnostics.size(), 1U) << test::dump(result.diagnostics);
    const Diagnostic& d = result.diagnostics.front();
    EXPECT_EQ(d.where.file, file_.string());
    EXPECT_EQ(d.where.key_path, key_path) << format_diagnostic(d);
    EXPECT_EQ(d.where.line, line_of(text, needle)) << format_diagnostic(d);
    EXPECT_GT(d.where.column, 0);
    EXPECT_NE(d.message.find(expected), std::string::npos) << d.message;
    EXPECT_NE(format_diagnostic(d).find(file_.string() + ":" + std::to_string(d.where.line) + ":"), std::string::npos);
  }
  test::TempDir dir_;
  std::filesystem::path file_;
};

TEST_F(TreatyLoaderTest, ValidFileReads) {
  const auto result = read(kValid);
  ASSERT_TRUE(result.value.has_value()) << test::dump(result.diagnostics);
  const Treaty& t = *result.value;
  EXPECT_EQ(t.id, "test-treaty");
  EXPECT_EQ(t.status, TreatyStatus::kInForce);
  ASSERT_EQ(t.limits.size(), 1U);
  EXPECT_EQ(t.limits[0].max, 1550);
  ASSERT_EQ(t.limits[0].rules.size(), 2U);
  EXPECT_EQ(t.limits[0].rules[1].count, CountKind::kOnePerVehicle);
  EXPECT_EQ(t.limits[0].rules[1].scope.vehicles, std::vector<VehicleClass>{VehicleClass::kHeavyBomber});
  EXPECT_EQ(t.verification.inspections.size(), 2U);
  EXPECT_EQ(t.dates.in_force, "2011-02-05");
}

TEST_F(TreatyLoaderTest, UnknownRuleKind) {
  const std::string text = replace_once(std::string(kValid), "rule: reentry_vehicles", "rule: warheads_please");
  expect_single_error(text, "limits[0].count[0].rule", "warheads_please",
                      "unknown rule 'warheads_please'; expected one of: reentry_vehicles | one_per_vehicle");
}

TEST_F(TreatyLoaderTest, NegativeLimit) {
  const std::string text = replace_once(std::string(kValid), "max: 1550", "max: -5");
  expect_single_error(text, "limits[0].max", "max: -5", "expected a number of count in [0, 100000], got -5");
}

TEST_F(TreatyLoaderTest, UnknownSourceIdOfALimit) {
  const std::string text =
      replace_once(std::string(kValid), "    src: text-2010\n    count", "    src: no-such-source\n    count");
  expect_single_error(text, "limits[0].src", "no-such-source", "unknown source id 'no-such-source'");
}

TEST_F(TreatyLoaderTest, UnknownSourceIdInCites) {
  const std::string text = replace_once(std::string(kValid), "cites: [text-2010]", "cites: [text-2010, missing-id]");
  expect_single_error(text, "cites[1]", "missing-id", "unknown source id 'missing-id'");
}

TEST_F(TreatyLoaderTest, UnknownVehicleClassInScope) {
  const std::string text = replace_once(std::string(kValid), "[icbm, slbm]", "[icbm, submarine]");
  expect_single_error(text, "limits[0].count[0].scope.vehicle[1]", "submarine",
                      "unknown vehicle 'submarine'; expected one of: icbm | slbm");
}

TEST_F(TreatyLoaderTest, MaxAndReferenceDateTogether) {
  const std::string text = replace_once(std::string(kValid), "max: 1550", "max: 1550\n    reference_date: 2025-01-01");
  expect_single_error(text, "limits[0].reference_date", "reference_date",
                      "a limit has either max or reference_date, not both");
}

TEST_F(TreatyLoaderTest, NoLimitValue) {
  const std::string text = replace_once(std::string(kValid), "    max: 1550\n", "");
  expect_single_error(text, "limits[0].max", "- id: warheads", "expected max (a ceiling) or reference_date");
}

TEST_F(TreatyLoaderTest, AttributionOnTheWrongRule) {
  const std::string text = replace_once(std::string(kValid), "      - rule: one_per_vehicle\n",
                                        "      - rule: one_per_vehicle\n        attribution: 10\n");
  expect_single_error(text, "limits[0].count[1].attribution", "attribution: 10",
                      "attribution applies only to rule attributed, not one_per_vehicle");
}

TEST_F(TreatyLoaderTest, InspectionQuotasMustAddUp) {
  const std::string text = replace_once(std::string(kValid), "per_year: 8}", "per_year: 7}");
  expect_single_error(text, "verification.inspections", "Type One",
                      "inspection quotas sum to 17; expected them to sum to inspections_per_year (18)");
}

TEST_F(TreatyLoaderTest, DatesOutOfOrder) {
  const std::string text = replace_once(std::string(kValid), "in_force: 2011-02-05", "in_force: 2009-02-05");
  expect_single_error(text, "dates.in_force", "in_force: 2009", "in_force 2009-02-05 is before signed 2010-04-08");
}

TEST_F(TreatyLoaderTest, IdMustMatchFileName) {
  const std::string text = replace_once(std::string(kValid), "id: test-treaty", "id: other-treaty");
  expect_single_error(text, "id", "id: other-treaty", "does not match the file name");
}

TEST_F(TreatyLoaderTest, ReservedLimitId) {
  const std::string text = replace_once(std::string(kValid), "- id: warheads", "- id: compliant");
  expect_single_error(text, "limits[0].id", "id: compliant", "limit id 'compliant' is reserved");
}

TEST_F(TreatyLoaderTest, UnknownKeyWithHint) {
  const std::string text = replace_once(std::string(kValid), "    max: 1550", "    maxx: 1550\n    max: 1550");
  expect_single_error(text, "limits[0].maxx", "maxx", "did you mean 'max'?");
}

TEST_F(TreatyLoaderTest, DuplicateLimitIdAndEmptyRulesReportedTogether) {
  const std::string text = std::string(kValid).replace(
      std::string(kValid).find("verification:"), 0,
      "  - {id: warheads, name: again, max: 1, src: text-2010, count: [{rule: reentry_vehicles}]}\n"
      "  - {id: empty, name: none, max: 1, src: text-2010, count: []}\n");
  const auto result = read(text);
  EXPECT_FALSE(result.value.has_value());
  ASSERT_EQ(result.diagnostics.size(), 2U) << test::dump(result.diagnostics);
  EXPECT_EQ(result.diagnostics[0].where.key_path, "limits[1].id");
  EXPECT_NE(result.diagnostics[0].message.find("duplicate limit id 'warheads'"), std::string::npos);
  EXPECT_EQ(result.diagnostics[1].where.key_path, "limits[2].count");
}

}  // namespace
}  // namespace stratstab

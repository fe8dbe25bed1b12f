// docs/io_formats.md carries the key reference generated from the key table; this test fails when
// they drift. Regenerate with: build/stratstab docs keys (paste between the markers).
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "stratstab/forces.hpp"
#include "stratstab/load.hpp"
#include "stratstab/schema.hpp"
#include "test_support.hpp"

namespace stratstab {
namespace {

constexpr std::string_view kBegin = "<!-- BEGIN GENERATED KEY REFERENCE (stratstab docs keys) -->\n";
constexpr std::string_view kEnd = "<!-- END GENERATED KEY REFERENCE -->";

TEST(SchemaDocsTest, IoFormatsKeyReferenceIsCurrent) {
  std::ifstream in(std::string(STRATSTAB_SOURCE_DIR) + "/docs/io_formats.md");
  ASSERT_TRUE(in) << "docs/io_formats.md missing";
  std::stringstream buffer;
  buffer << in.rdbuf();
  const std::string doc = buffer.str();
  const auto begin = doc.find(kBegin);
  const auto end = doc.find(kEnd);
  ASSERT_NE(begin, std::string::npos);
  ASSERT_NE(end, std::string::npos);
  const std::string block = doc.substr(begin + kBegin.size(), end - begin - kBegin.size());
  EXPECT_EQ(block, key_reference_markdown())
      << "run `build/stratstab docs keys` and paste its output between the markers";
}

/// The enum words a key allows in the table are exactly the enum's names (forces.cpp).
TEST(SchemaDocsTest, EnumWordsMatchModelNames) {
  const auto words = [](std::initializer_list<std::string_view> names) {
    std::string joined;
    for (auto name : names) joined += (joined.empty() ? "" : " | ") + std::string(name);
    return joined;
  };
  const SchemaSection& system = schema_section("system");
  EXPECT_EQ(system.find("basing")->allowed,
            words({to_string(Basing::kSilo), to_string(Basing::kMobile), to_string(Basing::kSsbn),
                   to_string(Basing::kBomber), to_string(Basing::kNonstrategic), to_string(Basing::kIntermediate)}));
  EXPECT_EQ(
      system.find("vehicle")->allowed,
      words({to_string(VehicleClass::kIcbm), to_string(VehicleClass::kSlbm), to_string(VehicleClass::kHeavyBomber),
             to_string(VehicleClass::kIrbm), to_string(VehicleClass::kSrbm), to_string(VehicleClass::kGlcm),
             to_string(VehicleClass::kSlcm), to_string(VehicleClass::kAlcm), to_string(VehicleClass::kAircraft),
             to_string(VehicleClass::kOther)}));
  EXPECT_EQ(schema_section("new_start").find("counting")->allowed,
            words({to_string(NewStartCounting::kReentryVehicles), to_string(NewStartCounting::kOnePerBomber),
                   to_string(NewStartCounting::kNone)}));
  std::string sides;
  for (const SideInfo& side : known_sides()) sides += (sides.empty() ? "" : " | ") + std::string(side.id);
  EXPECT_EQ(schema_section("snapshot").find("side")->allowed, sides);
}

}  // namespace
}  // namespace stratstab

namespace stratstab {
namespace {

/// The worked example in docs/io_formats.md is a valid snapshot against the bundled bibliography.
TEST(SchemaDocsTest, IoFormatsExampleLoads) {
  std::ifstream in(std::string(STRATSTAB_SOURCE_DIR) + "/docs/io_formats.md");
  std::stringstream buffer;
  buffer << in.rdbuf();
  const std::string doc = buffer.str();
  const auto heading = doc.find("### Example");
  ASSERT_NE(heading, std::string::npos);
  const auto start = doc.find("```yaml\n", heading);
  ASSERT_NE(start, std::string::npos);
  const auto end = doc.find("```\n", start + 8);
  const std::string example = doc.substr(start + 8, end - start - 8);
  const test::TempDir dir;
  std::filesystem::create_directories(dir.path() / "sources");
  for (const auto& entry : std::filesystem::directory_iterator(std::string(STRATSTAB_SOURCE_DIR) + "/data/sources")) {
    std::filesystem::copy_file(entry.path(), dir.path() / "sources" / entry.path().filename());
  }
  const auto result = read_force_snapshot(dir.write("forces/us-2020-09-01.yaml", example));
  EXPECT_TRUE(result.value.has_value());
  EXPECT_TRUE(result.diagnostics.empty()) << test::dump(result.diagnostics);
}

}  // namespace
}  // namespace stratstab

// The scenario hash of a results store (include/stratstab/scenario_hash.hpp): which files it covers,
// that it is SHA-256 of the documented framing (checked against coreutils' sha256sum), that the
// same inputs give the same hash wherever the data folder is, and that one changed figure, one
// override or one changed city changes it.
#include "stratstab/scenario_hash.hpp"

#include <cstdio>
#include <fstream>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "stratstab/catalog.hpp"
#include "test_support.hpp"

namespace stratstab {
namespace {

const std::filesystem::path kData = STRATSTAB_SOURCE_DIR "/data";

/// A copy of the bundled data folder that a test may edit.
std::filesystem::path copy_data(const test::TempDir& dir) {
  const auto copy = dir.path() / "data";
  std::filesystem::copy(kData, copy, std::filesystem::copy_options::recursive);
  return copy;
}

std::string hash_of(const std::filesystem::path& data, const std::vector<Override>& overrides = {}) {
  const DataCatalog catalog(data);
  const Scenario scenario = load_scenario(catalog.scenario_path("us-ru-2026-11"), overrides, &catalog);
  return scenario_hash(scenario, overrides);
}

TEST(ScenarioHashTest, ListsTheScenarioSnapshotsBibliographiesAndCities) {
  const DataCatalog catalog(kData);
  const Scenario scenario = load_scenario(catalog.scenario_path("us-ru-2026-11"), {}, &catalog);
  std::vector<std::string> roles;
  std::vector<std::string> names;
  for (const ScenarioInputFile& f : scenario_input_files(scenario)) {
    roles.push_back(f.role);
    names.push_back(f.path.parent_path().filename().string() + "/" + f.path.filename().string());
  }
  // us-2026-11-01.yaml's `bibliography:` names common, us and bases (sorted by path here);
  // ru-2026-11-01.yaml's names common, ru and treaties, of which common is already counted.
  const std::vector<std::string> expected_names = {"scenarios/us-ru-2026-11.yaml",
                                                   "forces/us-2026-11-01.yaml",
                                                   "sources/bases.yaml",
                                                   "sources/common.yaml",
                                                   "sources/us.yaml",
                                                   "cities/us.yaml",
                                                   "forces/ru-2026-11-01.yaml",
                                                   "sources/ru.yaml",
                                                   "sources/treaties.yaml",
                                                   "cities/ru.yaml"};
  const std::vector<std::string> expected_roles = {
      "scenario",  "snapshot us-2026-11-01", "bibliography", "bibliography", "bibliography",
      "cities us", "snapshot ru-2026-11-01", "bibliography", "bibliography", "cities ru"};
  EXPECT_EQ(names, expected_names);
  EXPECT_EQ(roles, expected_roles);
}

TEST(ScenarioHashTest, IsSha256OfTheLengthPrefixedFieldsAsSha256sumComputesIt) {
  // An abstract scenario reads one file; its hash is SHA-256 of
  //   len:"stratstab scenario hash 1" len:"1 overrides" len:path len:value len:"scenario" size:bytes
  // where len: is the decimal length and a colon. coreutils' sha256sum is the independent check.
  const test::TempDir dir;
  const std::string text = test::slurp(kData / "scenarios" / "kent-thaler-example.yaml");
  const auto file = dir.write("ks.yaml", text);
  const std::vector<Override> overrides = {Override::parse("sides.A.abstract.alert=0.5")};
  const Scenario scenario = load_scenario(file, overrides);
  ASSERT_EQ(scenario_input_files(scenario).size(), 1U);

  auto field = [](std::string_view s) { return fmt::format("{}:{}", s.size(), s); };
  const std::string framed = field("stratstab scenario hash 1") + field("1 overrides") +
                             field("sides.A.abstract.alert") + field("0.5") + field("scenario") + field(text);
  const auto framed_file = dir.write("framed.bin", framed);
  std::FILE* pipe = ::popen(("sha256sum " + framed_file.string()).c_str(), "r");
  ASSERT_NE(pipe, nullptr);
  char digest[65] = {};
  ASSERT_EQ(std::fread(digest, 1, 64, pipe), 64U);
  ::pclose(pipe);
  EXPECT_EQ(scenario_hash(scenario, overrides), std::string(digest, 64));
}

TEST(ScenarioHashTest, SameInputsGiveTheSameHashInAnyFolder) {
  const test::TempDir dir;
  const auto copy = copy_data(dir);
  const std::string original = hash_of(kData);
  EXPECT_EQ(original.size(), 64U);
  EXPECT_EQ(hash_of(kData), original);
  EXPECT_EQ(hash_of(copy), original);  // paths are not hashed, only bytes
}

TEST(ScenarioHashTest, OneChangedFigureInASnapshotChangesIt) {
  const test::TempDir dir;
  const auto copy = copy_data(dir);
  const std::string before = hash_of(copy);
  const auto snapshot = copy / "forces" / "us-2026-11-01.yaml";
  const std::string changed =
      test::replace_once(test::slurp(snapshot), "warheads_stored: {value: 1930", "warheads_stored: {value: 1931");
  std::ofstream(snapshot, std::ios::binary) << changed;
  const std::string after = hash_of(copy);
  EXPECT_NE(after, before);
  EXPECT_EQ(hash_of(copy), after);
}

TEST(ScenarioHashTest, AnOverrideOrAChangedCityTableChangesIt) {
  const test::TempDir dir;
  const auto copy = copy_data(dir);
  const std::string base = hash_of(copy);
  const std::string with_override = hash_of(copy, {Override::parse("options.posture=generated")});
  EXPECT_NE(with_override, base);
  // Two overrides in another order are another command; the hash tells them apart.
  const auto a = Override::parse("options.posture=generated");
  const auto b = Override::parse("options.launch_under_attack=true");
  EXPECT_NE(hash_of(copy, {a, b}), hash_of(copy, {b, a}));

  const auto cities = copy / "cities" / "ru.yaml";
  std::ofstream(cities, std::ios::app) << "# a comment is a change too\n";
  EXPECT_NE(hash_of(copy), base);
}

TEST(ScenarioHashTest, AFileGoneSinceTheLoadIsALocatedError) {
  const test::TempDir dir;
  const auto copy = copy_data(dir);
  const DataCatalog catalog(copy);
  const Scenario scenario = load_scenario(catalog.scenario_path("us-ru-2026-11"), {}, &catalog);
  const auto snapshot = copy / "forces" / "ru-2026-11-01.yaml";
  std::filesystem::remove(snapshot);
  try {
    (void)scenario_hash(scenario, {});
    FAIL() << "expected InputError";
  } catch (const InputError& e) {
    ASSERT_EQ(e.diagnostics().size(), 1U);
    EXPECT_EQ(std::filesystem::path(e.diagnostics()[0].where.file).filename(), "ru-2026-11-01.yaml");
    EXPECT_NE(e.diagnostics()[0].message.find("cannot read"), std::string::npos);
  }
}

}  // namespace
}  // namespace stratstab

// One spelling of the scenario keys: `defence` (as `defence_in_planning`, the code and the docs
// write it). The old `defense` still loads, identically, with a warning at the key or at the `--set`.
#include <gtest/gtest.h>

#include "stratstab/catalog.hpp"
#include "stratstab/prepare.hpp"
#include "stratstab/scenario.hpp"
#include "test_support.hpp"

namespace stratstab {
namespace {

constexpr std::string_view kDefended = R"(name: defended
sides:
  US:
    force: us-2026-11-01
    defence:
      interceptors: 400
      covers: both
      layers:
        - {name: first, sspk: 0.5, shots: 1}
        - {name: second, sspk: 0.6, shots: 2}
  RU:
    force: ru-2026-11-01
)";

constexpr std::string_view kWarning =
    "`defense` is the old spelling of `defence`; it is read the same, but write `defence` (the old spelling will be "
    "removed)";

class KeySpellingTest : public ::testing::Test {
 protected:
  LoadResult<Scenario> read(const std::string& name, std::string_view text, const std::vector<std::string>& sets = {}) {
    const auto file = dir_.write(name, text);
    return read_scenario(file, Override::parse_all(sets), &catalog_);
  }
  static std::vector<Diagnostic> warnings(const LoadResult<Scenario>& r) {
    std::vector<Diagnostic> out;
    for (const Diagnostic& d : r.diagnostics) {
      if (d.severity == Severity::kWarning) out.push_back(d);
    }
    return out;
  }
  DataCatalog catalog_{STRATSTAB_SOURCE_DIR "/data"};
  test::TempDir dir_;
};

void expect_same_defence(const MissileDefence& a, const MissileDefence& b) {
  EXPECT_EQ(a.interceptors, b.interceptors);
  EXPECT_EQ(a.covers, b.covers);
  ASSERT_EQ(a.layers.size(), b.layers.size());
  for (std::size_t i = 0; i < a.layers.size(); ++i) {
    EXPECT_EQ(a.layers[i].name, b.layers[i].name);
    EXPECT_EQ(a.layers[i].sspk, b.layers[i].sspk);
    EXPECT_EQ(a.layers[i].shots, b.layers[i].shots);
    EXPECT_EQ(a.layers[i].inventory_share, b.layers[i].inventory_share);
  }
}

TEST_F(KeySpellingTest, OldSpellingInTheFileLoadsIdenticallyWithAWarningAtTheKey) {
  const auto now = read("now.yaml", kDefended);
  const std::string old_text = test::replace_once(std::string(kDefended), "    defence:", "    defense:");
  const auto old = read("old.yaml", old_text);
  ASSERT_TRUE(now.value) << test::dump(now.diagnostics);
  ASSERT_TRUE(old.value) << test::dump(old.diagnostics);
  EXPECT_TRUE(warnings(now).empty());
  const std::vector<Diagnostic> w = warnings(old);
  ASSERT_EQ(w.size(), 1u);
  EXPECT_EQ(w[0].message, kWarning);
  EXPECT_EQ(w[0].where.key_path, "sides.US.defense");
  EXPECT_EQ(w[0].where.line, 5);  // `    defense:` is the file's fifth line, its key at column 5
  EXPECT_EQ(w[0].where.column, 5);
  ASSERT_TRUE(now.value->sides[0].defence && old.value->sides[0].defence);
  expect_same_defence(*now.value->sides[0].defence, *old.value->sides[0].defence);
  EXPECT_EQ(evaluate_scenario(prepare_scenario(*now.value)).index,
            evaluate_scenario(prepare_scenario(*old.value)).index);
}

TEST_F(KeySpellingTest, BothSpellingsInOneSideAreAnError) {
  const std::string both =
      test::replace_once(std::string(kDefended), "  RU:\n", "    defense: {interceptors: 1}\n  RU:\n");
  const auto r = read("both.yaml", both);
  EXPECT_FALSE(r.value);
  const Diagnostic* d = test::find_by_key(r.diagnostics, "sides.US.defense");
  ASSERT_NE(d, nullptr) << test::dump(r.diagnostics);
  EXPECT_EQ(d->severity, Severity::kError);
  EXPECT_EQ(d->message, "both `defence` and its old spelling `defense` are given; expected only `defence`");
}

TEST_F(KeySpellingTest, OldSpellingInASetIsTheSameOverrideWithAWarningAtTheArgument) {
  const auto now =
      read("now.yaml", kDefended, {"sides.US.defence.layers[1].sspk=0.9", "sides.US.defence.interceptors=50"});
  const auto old =
      read("now.yaml", kDefended, {"sides.US.defense.layers[1].sspk=0.9", "sides.US.defence.interceptors=50"});
  ASSERT_TRUE(now.value) << test::dump(now.diagnostics);
  ASSERT_TRUE(old.value) << test::dump(old.diagnostics);
  EXPECT_EQ(old.value->sides[0].defence->layers[1].sspk, 0.9);
  EXPECT_EQ(old.value->sides[0].defence->interceptors, 50);
  expect_same_defence(*now.value->sides[0].defence, *old.value->sides[0].defence);
  const std::vector<Diagnostic> w = warnings(old);
  ASSERT_EQ(w.size(), 1u);
  EXPECT_EQ(w[0].where.file, "--set sides.US.defense.layers[1].sspk=0.9");
  EXPECT_EQ(w[0].message, kWarning);
  EXPECT_TRUE(warnings(now).empty());
}

}  // namespace
}  // namespace stratstab

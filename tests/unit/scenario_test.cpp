// Scenario files and `--set` overrides: the abstract form of docs/methods.md §7 exactly as that
// section writes it, overrides validated like the file, and located errors for bad scenarios.
#include <gtest/gtest.h>

#include "stratstab/catalog.hpp"
#include "stratstab/prepare.hpp"
#include "stratstab/scenario.hpp"
#include "test_support.hpp"

namespace stratstab {
namespace {

using test::find_by_key;
using test::line_of;
using test::replace_once;

constexpr std::string_view kExample = R"(name: example
sides:
  A:
    abstract: {nf: 300, mf: 2, ns: 50, ms: 12, alert: 0.5, de: 0.75, w80: 800}
  B:
    abstract: {nf: 250, mf: 4, ns: 35, ms: 8, alert: 0.35, de: 0.85, w80: 1000}
options:
  launch_under_attack: false
  max_warheads_per_target: 2
)";

class ScenarioTest : public ::testing::Test {
 protected:
  LoadResult<Scenario> read(std::string_view text, const std::vector<std::string>& sets = {}) {
    file_ = dir_.write("scenario.yaml", text);
    return read_scenario(file_, Override::parse_all(sets));
  }
  test::TempDir dir_;
  std::filesystem::path file_;
};

TEST_F(ScenarioTest, IssueExampleEvaluatesToMethodNumbers) {
  const auto result = read(kExample);
  ASSERT_TRUE(result.value.has_value()) << test::dump(result.diagnostics);
  const Scenario& s = *result.value;
  EXPECT_EQ(s.sides[0].id, "A");
  EXPECT_EQ(s.sides[1].id, "B");
  EXPECT_EQ(s.sides[1].abstract->nf, 250);
  EXPECT_EQ(s.parameters.max_warheads_per_target, 2);
  EXPECT_NEAR(evaluate_scenario(s).index, 0.350948, 1e-6);
}

TEST_F(ScenarioTest, SetOverridesGoThroughTheSameValidation) {
  const auto lua = read(kExample, {"options.launch_under_attack=true"});
  ASSERT_TRUE(lua.value.has_value()) << test::dump(lua.diagnostics);
  EXPECT_NEAR(evaluate_scenario(*lua.value).index, 0.929269, 1e-6);

  const auto alert = read(kExample, {"sides.A.abstract.alert=0.7"});
  ASSERT_TRUE(alert.value.has_value());
  EXPECT_EQ(alert.value->sides[0].abstract->alert, 0.7);

  const auto bad = read(kExample, {"sides.A.abstract.alert=1.7"});
  ASSERT_EQ(bad.diagnostics.size(), 1U) << test::dump(bad.diagnostics);
  const Diagnostic& d = bad.diagnostics.front();
  EXPECT_EQ(d.where.file, "--set sides.A.abstract.alert=1.7");
  EXPECT_EQ(d.where.key_path, "sides.A.abstract.alert");
  EXPECT_NE(d.message.find("expected a number of share in [0, 1], got 1.7"), std::string::npos) << d.message;

  const auto unknown = read(kExample, {"options.launch_under_atack=true"});
  ASSERT_EQ(unknown.diagnostics.size(), 1U);
  EXPECT_NE(unknown.diagnostics.front().message.find("did you mean 'launch_under_attack'?"), std::string::npos);

  const auto through_scalar = read(kExample, {"name.x=1"});
  ASSERT_EQ(through_scalar.diagnostics.size(), 1U);
  EXPECT_NE(through_scalar.diagnostics.front().message.find("'name' is 'example', not a section"), std::string::npos);

  EXPECT_THROW((void)Override::parse("sides.A.abstract.alert"), InputError);
  EXPECT_THROW((void)Override::parse("=3"), InputError);
}

TEST_F(ScenarioTest, LocatedErrors) {
  const std::string text = replace_once(std::string(kExample), "de: 0.85", "de: 1.85");
  const auto result = read(text);
  const Diagnostic* d = find_by_key(result.diagnostics, "sides.B.abstract.de");
  ASSERT_NE(d, nullptr) << test::dump(result.diagnostics);
  EXPECT_EQ(d->where.file, file_.string());
  EXPECT_EQ(d->where.line, line_of(text, "de: 1.85"));
  EXPECT_NE(d->message.find("expected a number of probability in [0, 1], either 0 or at least 1e-06, got 1.85"),
            std::string::npos);

  const auto missing = read(replace_once(std::string(kExample), " w80: 1000", ""));
  ASSERT_NE(find_by_key(missing.diagnostics, "sides.B.abstract.w80"), nullptr) << test::dump(missing.diagnostics);

  const auto one_side =
      read("name: x\nsides:\n  A:\n    abstract: {nf: 1, mf: 1, ns: 1, ms: 1, alert: 0, de: 0.5, w80: 10}\n");
  const Diagnostic* sides = find_by_key(one_side.diagnostics, "sides");
  ASSERT_NE(sides, nullptr) << test::dump(one_side.diagnostics);
  EXPECT_NE(sides->message.find("expected two or three sides, got 1"), std::string::npos);

  const auto bad_bool =
      read(replace_once(std::string(kExample), "launch_under_attack: false", "launch_under_attack: 3"));
  ASSERT_NE(find_by_key(bad_bool.diagnostics, "options.launch_under_attack"), nullptr);
}

}  // namespace
}  // namespace stratstab

namespace stratstab {
namespace {

class RealScenarioTest : public ::testing::Test {
 protected:
  LoadResult<Scenario> read(std::string_view text, const std::vector<std::string>& sets = {}) {
    file_ = dir_.write("real.yaml", text);
    return read_scenario(file_, Override::parse_all(sets), &catalog_);
  }
  DataCatalog catalog_{STRATSTAB_SOURCE_DIR "/data"};
  test::TempDir dir_;
  std::filesystem::path file_;
};

constexpr std::string_view kReal = R"(name: real
sides:
  US:
    force: us-2026-11-01
  RU:
    force: ru-2026-11-01
options:
  posture: day_to_day
)";

TEST_F(RealScenarioTest, SnapshotIdsResolveThroughTheCatalogue) {
  const auto result = read(kReal);
  ASSERT_TRUE(result.value.has_value()) << test::dump(result.diagnostics);
  const Scenario& s = *result.value;
  ASSERT_TRUE(s.is_real());
  EXPECT_EQ(s.sides[0].forces->id, "us-2026-11-01");
  EXPECT_EQ(s.sides[1].forces->id, "ru-2026-11-01");
  EXPECT_EQ(s.posture, PostureCase::kDayToDay);
  EXPECT_EQ(s.parameters.draw_down, DrawDownMethod::kExact);
  const auto generated = read(kReal, {"options.posture=generated", "options.draw_down=greedy"});
  ASSERT_TRUE(generated.value.has_value()) << test::dump(generated.diagnostics);
  EXPECT_EQ(generated.value->posture, PostureCase::kGenerated);
  EXPECT_EQ(generated.value->parameters.draw_down, DrawDownMethod::kGreedy);
  // The prepared scenario evaluates as evaluate_real on its two snapshots (their w80s derived from
  // the city tables by prepare_scenario); unprepared it is refused, not evaluated with the snapshots'
  // w80s.
  EXPECT_THROW((void)evaluate_scenario(s), std::logic_error);
  const Scenario prepared = prepare_scenario(s);
  const StabilityResult direct =
      evaluate_real(*prepared.sides[0].forces, *prepared.sides[1].forces, PostureCase::kDayToDay, {});
  EXPECT_DOUBLE_EQ(evaluate_scenario(prepared).index, direct.index);
  EXPECT_NE(prepared.sides[0].forces->w80.value, s.sides[0].forces->w80.value);
}

TEST_F(RealScenarioTest, SnapshotPathsAreRelativeToTheScenarioFile) {
  // A user's copy of a snapshot next to the scenario, with the bibliographies it cites.
  const std::filesystem::path data(STRATSTAB_SOURCE_DIR "/data");
  dir_.write("forces/us.yaml", test::slurp(data / "forces/us-2026-11-01.yaml"));
  for (const auto& entry : std::filesystem::directory_iterator(data / "sources")) {
    dir_.write("sources/" + entry.path().filename().string(), test::slurp(entry.path()));
  }
  const std::string text = replace_once(std::string(kReal), "force: us-2026-11-01", "force: forces/us.yaml");
  const auto result = read(text);
  // The snapshot's id must match its file name, so the copy is reported, located in the copy.
  ASSERT_FALSE(result.value.has_value());
  const Diagnostic* d = find_by_key(result.diagnostics, "sides.US.force");
  ASSERT_NE(d, nullptr) << test::dump(result.diagnostics);
  EXPECT_EQ(d->where.line, line_of(text, "force: forces/us.yaml"));
  const Diagnostic* id = find_by_key(result.diagnostics, "id");
  ASSERT_NE(id, nullptr) << test::dump(result.diagnostics);
  EXPECT_NE(id->where.file.find("forces/us.yaml"), std::string::npos);
  // Named as the id says, it loads.
  dir_.write("forces/us-2026-11-01.yaml", test::slurp(data / "forces/us-2026-11-01.yaml"));
  const auto renamed = read(replace_once(text, "forces/us.yaml", "forces/us-2026-11-01.yaml"));
  ASSERT_TRUE(renamed.value.has_value()) << test::dump(renamed.diagnostics);
  EXPECT_EQ(renamed.value->sides[0].forces->id, "us-2026-11-01");
}

TEST_F(RealScenarioTest, BadSidesGetLocatedErrors) {
  const std::string text(kReal);
  const auto unknown = read(replace_once(text, "force: ru-2026-11-01", "force: ru-2031-01-01"));
  ASSERT_FALSE(unknown.value.has_value());
  const Diagnostic* d = find_by_key(unknown.diagnostics, "sides.RU.force");
  ASSERT_NE(d, nullptr) << test::dump(unknown.diagnostics);
  EXPECT_EQ(d->where.line, line_of(text, "force: ru-2026-11-01"));
  EXPECT_NE(d->message.find("ru-2026-11-01"), std::string::npos) << d->message;  // lists the ids that exist

  const auto both = read(replace_once(text, "    force: us-2026-11-01",
                                      "    force: us-2026-11-01\n    abstract: {nf: 1, mf: 1, ns: 1, ms: 1, alert: 0, "
                                      "de: 0.5, w80: 100}"));
  ASSERT_FALSE(both.value.has_value());
  d = find_by_key(both.diagnostics, "sides.US");
  ASSERT_NE(d, nullptr) << test::dump(both.diagnostics);
  EXPECT_NE(d->message.find("exactly one of `abstract`"), std::string::npos);

  const auto mixed = read(replace_once(text, "    force: us-2026-11-01",
                                       "    abstract: {nf: 1, mf: 1, ns: 1, ms: 1, alert: 0, de: 0.5, w80: 100}"));
  ASSERT_FALSE(mixed.value.has_value());
  d = find_by_key(mixed.diagnostics, "sides");
  ASSERT_NE(d, nullptr) << test::dump(mixed.diagnostics);
  EXPECT_NE(d->message.find("same form"), std::string::npos);

  const auto posture = read(text, {"options.posture=alert"});
  ASSERT_FALSE(posture.value.has_value());
  d = find_by_key(posture.diagnostics, "options.posture");
  ASSERT_NE(d, nullptr) << test::dump(posture.diagnostics);
  EXPECT_EQ(d->where.file, "--set options.posture=alert");
  EXPECT_NE(d->message.find("day_to_day | generated | striker_generated"), std::string::npos) << d->message;
}

}  // namespace
}  // namespace stratstab

namespace stratstab {
namespace {

// `--set` into lists: an index reaches one entry and leaves the others as written.
constexpr std::string_view kLayers = R"(name: layers
sides:
  US:
    force: us-2026-11-01
    defence:
      interceptors: 100
      layers:
        - {name: first, sspk: 0.5, shots: 1}
        - {name: second, sspk: 0.6, shots: 2}
  RU:
    force: ru-2026-11-01
)";

class OverrideListTest : public ::testing::Test {
 protected:
  LoadResult<Scenario> read(const std::vector<std::string>& sets) {
    const auto file = dir_.write("layers.yaml", kLayers);
    return read_scenario(file, Override::parse_all(sets), &catalog_);
  }
  DataCatalog catalog_{STRATSTAB_SOURCE_DIR "/data"};
  test::TempDir dir_;
};

TEST_F(OverrideListTest, AnIndexReachesOneEntry) {
  const auto result = read({"sides.US.defence.layers[1].sspk=0.9", "sides.US.defence.layers[0].shots=3"});
  ASSERT_TRUE(result.value.has_value()) << test::dump(result.diagnostics);
  const std::vector<DefenceLayer>& layers = result.value->sides[0].defence->layers;
  ASSERT_EQ(layers.size(), 2U);
  EXPECT_EQ(layers[0].name, "first");
  EXPECT_EQ(layers[0].sspk, 0.5);
  EXPECT_EQ(layers[0].shots, 3);
  EXPECT_EQ(layers[1].name, "second");
  EXPECT_EQ(layers[1].sspk, 0.9);
  EXPECT_EQ(layers[1].shots, 2);
  // A whole entry can be replaced too, and is validated like the file's.
  const auto whole = read({"sides.US.defence.layers[0]={name: new, sspk: 1.5}"});
  const Diagnostic* d = find_by_key(whole.diagnostics, "sides.US.defence.layers[0].sspk");
  ASSERT_NE(d, nullptr) << test::dump(whole.diagnostics);
  EXPECT_EQ(d->where.file, "--set sides.US.defence.layers[0]={name: new, sspk: 1.5}");
}

TEST_F(OverrideListTest, OutOfRangeAndNonListsAreLocatedAtTheSet) {
  const auto past = read({"sides.US.defence.layers[2].sspk=0.9"});
  ASSERT_EQ(past.diagnostics.size(), 1U) << test::dump(past.diagnostics);
  EXPECT_EQ(format_diagnostic(past.diagnostics[0]),
            "--set sides.US.defence.layers[2].sspk=0.9: error: sides.US.defence.layers: cannot set "
            "'sides.US.defence.layers[2].sspk': index 2 is out of range; the list has 2 entries (0 to 1)");
  const auto absent = read({"sides.RU.defence.layers[0].sspk=0.9"});
  ASSERT_EQ(absent.diagnostics.size(), 1U) << test::dump(absent.diagnostics);
  EXPECT_EQ(absent.diagnostics[0].where.file, "--set sides.RU.defence.layers[0].sspk=0.9");
  EXPECT_NE(absent.diagnostics[0].message.find("'sides.RU.defence.layers' is not in the scenario"), std::string::npos)
      << absent.diagnostics[0].message;
  EXPECT_TRUE(Override::is_key_path("a.b[0].c"));
  EXPECT_TRUE(Override::is_key_path("a.b[0][1]"));
  for (const char* bad : {"a.b[].c", "a.b[x]", "a.[0]", "a.b[0", "a.b]0[", "a..b", "[0]"}) {
    EXPECT_FALSE(Override::is_key_path(bad)) << bad;
  }
}

TEST_F(OverrideListTest, ASideThatIsNotThereIsNamedWithTheSides) {
  const auto result = read({"sides.us.withheld=0.1"});
  ASSERT_EQ(result.diagnostics.size(), 1U) << test::dump(result.diagnostics);
  EXPECT_EQ(format_diagnostic(result.diagnostics[0]),
            "--set sides.us.withheld=0.1: error: sides.us: no side 'us'; sides are US, RU");
}

}  // namespace
}  // namespace stratstab

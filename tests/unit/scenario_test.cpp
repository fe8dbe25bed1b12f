// Scenario files and `--set` overrides: the abstract form of METHOD.md §4 exactly as the issue
// writes it, overrides validated like the file, and located errors for bad scenarios.
#include <gtest/gtest.h>

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
    std::vector<Override> overrides;
    for (const auto& s : sets) overrides.push_back(Override::parse(s));
    return read_scenario(file_, overrides);
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
  EXPECT_NE(d->message.find("expected a number of probability in [0, 1], got 1.85"), std::string::npos);

  const auto missing = read(replace_once(std::string(kExample), " w80: 1000", ""));
  ASSERT_NE(find_by_key(missing.diagnostics, "sides.B.abstract.w80"), nullptr) << test::dump(missing.diagnostics);

  const auto one_side =
      read("name: x\nsides:\n  A:\n    abstract: {nf: 1, mf: 1, ns: 1, ms: 1, alert: 0, de: 0.5, w80: 10}\n");
  const Diagnostic* sides = find_by_key(one_side.diagnostics, "sides");
  ASSERT_NE(sides, nullptr) << test::dump(one_side.diagnostics);
  EXPECT_NE(sides->message.find("expected exactly two sides, got 1"), std::string::npos);

  const auto bad_bool =
      read(replace_once(std::string(kExample), "launch_under_attack: false", "launch_under_attack: 3"));
  ASSERT_NE(find_by_key(bad_bool.diagnostics, "options.launch_under_attack"), nullptr);
}

}  // namespace
}  // namespace stratstab

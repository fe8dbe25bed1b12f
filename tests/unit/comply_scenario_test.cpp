// `comply: true` and `mix` in scenarios (docs/methods.md §8.1): the prepared forces are the stated
// rule's on the uploaded snapshots, computed here on the library's parts; a chosen mix is within
// the limits and no single block move improves it (the search's stopping rule, checked move by
// move); bad keys are located; `treaty comply` from the command line.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>

#include "stratstab/catalog.hpp"
#include "stratstab/compliance.hpp"
#include "stratstab/prepare.hpp"
#include "stratstab/scenario.hpp"
#include "stratstab/version.hpp"
#include "test_support.hpp"

namespace stratstab {
namespace {

const DataCatalog& catalog() {
  static const DataCatalog kCatalog{std::filesystem::path(kSourceDataDir)};
  return kCatalog;
}

std::string scenario_text(const std::string& treaty, const std::string& extra, int upload_months = 0) {
  const std::string upload = upload_months > 0 ? "\n    upload_months: " + std::to_string(upload_months) : "";
  return "name: t\ntreaty: " + treaty + "\n" + extra + "sides:\n  US:\n    force: us-2026-11-01" + upload +
         "\n  RU:\n    force: ru-2026-11-01" + upload + "\n";
}

TEST(ComplyScenarioTest, TheRulesForcesAreTheOnesEvaluated) {
  const test::TempDir dir;
  const Scenario loaded =
      load_scenario(dir.write("s.yaml", scenario_text("new-start-informal", "comply: true\n", 24)), {}, &catalog());
  const Scenario prepared = prepare_scenario(loaded);
  const Treaty treaty = catalog().load_treaty("new-start-informal");
  for (std::size_t i = 0; i < 2; ++i) {
    const char* id = i == 0 ? "us-2026-11-01" : "ru-2026-11-01";
    SCOPED_TRACE(id);
    const ForceSnapshot expected =
        bring_into_compliance(treaty, snapshot_after_upload(catalog().load_snapshot(id), 24)).snapshot;
    const ForceSnapshot& got = *prepared.sides[i].forces;
    ASSERT_EQ(got.systems.size(), expected.systems.size());
    for (std::size_t s = 0; s < got.systems.size(); ++s) {
      EXPECT_EQ(got.systems[s].launchers_deployed.value, expected.systems[s].launchers_deployed.value) << s;
      EXPECT_EQ(got.systems[s].warheads_per_launcher.value, expected.systems[s].warheads_per_launcher.value) << s;
    }
    EXPECT_TRUE(count_treaty(treaty, got).compliant);
    ASSERT_TRUE(prepared.sides[i].compliance);
    EXPECT_FALSE(prepared.sides[i].compliance->changes.empty());
  }
  // Evaluating the unprepared scenario is a programming error, not a silent skip of compliance.
  EXPECT_THROW(evaluate_scenario(loaded), std::logic_error);
}

/// `delta` warheads onto (or off) system `s`, from (to) storage, as the search moves them.
ForceSnapshot moved(ForceSnapshot f, std::size_t s, double delta) {
  f.systems[s].warheads_per_launcher.value += delta / f.systems[s].launchers_deployed.value;
  f.inventory.warheads_stored.value -= delta;
  if (f.inventory.strategic_warheads_stored) f.inventory.strategic_warheads_stored->value -= delta;
  return f;
}

TEST(ComplyScenarioTest, NoSingleBlockMoveImprovesAChosenMix) {
  const test::TempDir dir;
  const auto prepared = [&](const std::string& mix) {
    return prepare_scenario(load_scenario(
        dir.write("m.yaml", scenario_text("aggregate-cap", "comply: true\nmix: " + mix + "\n")), {}, &catalog()));
  };
  const Scenario rule = prepared("rule");
  const Scenario mixed = prepared("survivable");
  ASSERT_TRUE(mixed.mix_outcome);
  EXPECT_EQ(mixed.mix_outcome->rule_only.index, evaluate_scenario(rule).index);
  const Treaty treaty = catalog().load_treaty("aggregate-cap");
  for (std::size_t side = 0; side < 2; ++side) {
    SCOPED_TRACE(side);
    ForceSnapshot mine = *mixed.sides[side].forces;
    mine.w80 = rule.sides[side].forces->w80;  // the search's damage: the rule-only scenario's
    const ForceSnapshot& other = *rule.sides[1 - side].forces;
    const auto surviving = [&](const ForceSnapshot& f) {
      const StabilityResult r = side == 0 ? evaluate_real(f, other, rule.posture, rule.parameters,
                                                          side_options(rule.sides[0]), side_options(rule.sides[1]))
                                          : evaluate_real(other, f, rule.posture, rule.parameters,
                                                          side_options(rule.sides[0]), side_options(rule.sides[1]));
      return side == 0 ? r.b_strikes_a.victim_surviving : r.a_strikes_b.victim_surviving;
    };
    EXPECT_TRUE(count_treaty(treaty, mine).compliant);
    const double chosen = surviving(mine);
    const StabilityResult& r0 = mixed.mix_outcome->rule_only;
    EXPECT_GE(chosen, side == 0 ? r0.b_strikes_a.victim_surviving : r0.a_strikes_b.victim_surviving);
    double loaded = 0;
    for (const System& s : rule.sides[side].forces->systems) {
      if (in_central_exchange(s) && s.launchers_deployed.value > 0) loaded += s.warheads_loaded();
    }
    const double block = std::max(1.0, std::round(loaded / 50));
    int tried = 0;
    for (std::size_t s = 0; s < mine.systems.size(); ++s) {
      const System& sys = mine.systems[s];
      if (!in_central_exchange(sys) || sys.launchers_deployed.value <= 0) continue;
      for (const double delta : {block, -block}) {
        const double after = sys.warheads_loaded() + delta;
        const double storage = mine.inventory.strategic_warheads_stored
                                   ? mine.inventory.strategic_warheads_stored->value
                                   : mine.inventory.warheads_stored.value;
        if (delta > 0 &&
            (storage < delta || after > sys.max_warheads_per_launcher.value * sys.launchers_deployed.value))
          continue;
        if (delta < 0 && after < sys.launchers_deployed.value) continue;
        const ForceSnapshot trial = moved(mine, s, delta);
        if (!count_treaty(treaty, trial).compliant) continue;
        ++tried;
        EXPECT_LE(surviving(trial), chosen + 1e-9 * std::max(1.0, chosen)) << sys.id << " " << delta;
      }
    }
    EXPECT_GT(tried, 0);
  }
}

TEST(ComplyScenarioTest, BadKeysAreLocated) {
  const test::TempDir dir;
  const auto first = [&](const std::string& text) {
    const auto d = read_scenario(dir.write("b.yaml", text), {}, &catalog()).diagnostics;
    return d.empty() ? Diagnostic{} : d.front();
  };
  Diagnostic d = first(scenario_text("aggregate-cap", "mix: survivable\n"));
  EXPECT_EQ(d.where.key_path, "mix");
  EXPECT_NE(d.message.find("comply: true"), std::string::npos) << d.message;
  d = first(scenario_text("aggregate-cap", "comply: true\ntreaty_limits: {total_warhead: 3000}\n"));
  EXPECT_EQ(d.where.key_path, "treaty_limits.total_warhead");
  EXPECT_NE(d.message.find("total_warheads"), std::string::npos) << d.message;
  d = first(scenario_text("aggregate-cap", "comply: true\ntreaty_limits: {total_warheads: -5}\n"));
  EXPECT_EQ(d.where.key_path, "treaty_limits.total_warheads");
  EXPECT_EQ(d.where.line, 4);
  d = first(scenario_text("aggregate-cap", "comply: true\nmix: best\n"));
  EXPECT_EQ(d.where.key_path, "mix");
  d = first(
      "name: t\ntreaty: new-start\ncomply: true\nsides:\n  A:\n    abstract: {nf: 300, mf: 2, ns: 50, ms: 12, "
      "alert: 0.5, de: 0.75, w80: 800}\n  B:\n    abstract: {nf: 250, mf: 4, ns: 35, ms: 8, alert: 0.35, de: "
      "0.85, w80: 1000}\n");
  EXPECT_EQ(d.where.key_path, "comply");
  EXPECT_NE(d.message.find("real sides"), std::string::npos) << d.message;
  // A --set override of a limit is the command line's.
  const auto set = read_scenario(dir.write("s.yaml", scenario_text("aggregate-cap", "comply: true\n")),
                                 {Override{"treaty_limits.total_warheads", "abc"}}, &catalog())
                       .diagnostics;
  ASSERT_FALSE(set.empty());
  EXPECT_EQ(set[0].where.file, "--set treaty_limits.total_warheads=abc");
}

TEST(ComplyScenarioTest, TreatyComplyFromTheCommandLine) {
  const test::CliRun count = test::run_cli("treaty count ru-2026-11-01 --treaty aggregate-cap --json");
  ASSERT_EQ(count.exit_code, 0) << count.err;
  const double total = nlohmann::json::parse(count.out).at("total_warheads").get<double>();
  const test::CliRun comply = test::run_cli("treaty comply ru-2026-11-01 --treaty aggregate-cap --json");
  ASSERT_EQ(comply.exit_code, 0) << comply.err;
  const auto j = nlohmann::json::parse(comply.out);
  EXPECT_FALSE(j.at("compliant_before").get<bool>());
  EXPECT_TRUE(j.at("compliant").get<bool>());
  ASSERT_EQ(j.at("changes").size(), 1U);
  EXPECT_EQ(j.at("changes")[0].at("action"), "dismantle");
  EXPECT_EQ(j.at("changes")[0].at("amount").get<double>(), total - 3500);
  // --limit moves the cap: 500 lower, 500 more dismantled.
  const test::CliRun lower =
      test::run_cli("treaty comply ru-2026-11-01 --treaty aggregate-cap --limit total_warheads=3000 --json");
  ASSERT_EQ(lower.exit_code, 0) << lower.err;
  EXPECT_EQ(nlohmann::json::parse(lower.out).at("changes")[0].at("amount").get<double>(), total - 3000);
  // China is no party to New START: no rule, a clear error naming the side.
  const test::CliRun none = test::run_cli("treaty comply cn-2026-11-01 --treaty new-start");
  EXPECT_EQ(none.exit_code, 3) << none.err;
  EXPECT_NE(none.err.find("no compliance rule for side 'cn'"), std::string::npos) << none.err;
}

}  // namespace
}  // namespace stratstab

namespace stratstab {
namespace {

// The figures docs/methods.md §8.1 quotes, so that its prose cannot drift from the tool.
TEST(ComplyScenarioTest, TheFiguresTheMethodsQuote) {
  const test::TempDir dir;
  const auto prepared = [&](const std::string& treaty, const std::string& extra, int upload) {
    return prepare_scenario(load_scenario(dir.write("q.yaml", scenario_text(treaty, extra, upload)), {}, &catalog()));
  };
  const Scenario uploaded = prepared("new-start-informal", "comply: true\n", 24);
  EXPECT_NEAR(evaluate_scenario(uploaded).index, 0.229, 5e-4);
  const auto amounts = [](const ScenarioSide& side) {
    std::vector<double> out;
    for (const ComplianceChange& c : side.compliance->changes) out.push_back(c.amount);
    return out;
  };
  EXPECT_EQ(amounts(uploaded.sides[0]), (std::vector<double>{151, 640}));
  EXPECT_EQ(amounts(uploaded.sides[1]), (std::vector<double>{548, 83, 110}));
  EXPECT_EQ(uploaded.sides[0].compliance->before.find("warheads")->count, 2341);
  EXPECT_EQ(uploaded.sides[1].compliance->before.find("warheads")->count, 2291);
  EXPECT_EQ(uploaded.sides[0].compliance->after.find("deployed_vehicles")->count, 681);
  EXPECT_EQ(uploaded.sides[1].compliance->after.find("deployed_vehicles")->count, 578);
  EXPECT_NEAR(evaluate_scenario(prepared("new-start-informal", "", 24)).index, 0.292, 5e-4);
  EXPECT_NEAR(evaluate_scenario(prepared("new-start-informal", "comply: true\n", 0)).index, 0.304, 5e-4);
  const Scenario survivable = prepared("aggregate-cap", "comply: true\nmix: survivable\n", 0);
  EXPECT_NEAR(evaluate_scenario(survivable).index, 0.296, 5e-4);
  double us = 0;
  double ru = 0;
  for (const ComplianceChange& c : survivable.sides[0].mix_changes) us += c.amount;
  for (const ComplianceChange& c : survivable.sides[1].mix_changes) ru += c.amount;
  EXPECT_EQ(us, 1617);
  EXPECT_EQ(ru, 306);
  EXPECT_NEAR(evaluate_scenario(prepared("aggregate-cap", "comply: true\nmix: ratio\n", 0)).index, 0.618, 5e-4);
}

}  // namespace
}  // namespace stratstab

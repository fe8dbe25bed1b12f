// `--set` on every figure of a real side's force (docs/io_formats.md, "Key paths"), range refusal,
// and the scenario's own ranged figures as uncertain inputs (docs/methods.md §13.2). The expected
// numbers are the bundled data's (data/forces/us-2026-11-01.yaml, data/scenarios/golden-dome.yaml)
// and the same edit made to a copy of the data directory.
#include <algorithm>
#include <filesystem>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "stratstab/catalog.hpp"
#include "stratstab/prepare.hpp"
#include "stratstab/scenario.hpp"
#include "stratstab/scenario_inputs.hpp"
#include "stratstab/uncertainty.hpp"
#include "test_support.hpp"

namespace stratstab {
namespace {

using test::replace_once;

const DataCatalog& catalog() {
  static const DataCatalog c(STRATSTAB_SOURCE_DIR "/data");
  return c;
}

LoadResult<Scenario> read(const std::string& name, const std::vector<std::string>& sets) {
  return read_scenario(catalog().scenario_path(name), Override::parse_all(sets), &catalog());
}

Scenario load(const std::string& name, const std::vector<std::string>& sets) {
  LoadResult<Scenario> r = read(name, sets);
  if (!r.value) ADD_FAILURE() << test::dump(r.diagnostics);
  return value_or_throw(std::move(r));
}

/// The one error of a read, formatted (a failure when there is not exactly one).
std::string only_error(const std::string& name, const std::vector<std::string>& sets) {
  const LoadResult<Scenario> r = read(name, sets);
  EXPECT_FALSE(r.value.has_value());
  std::vector<std::string> errors;
  for (const Diagnostic& d : r.diagnostics) {
    if (d.severity == Severity::kError) errors.push_back(format_diagnostic(d));
  }
  EXPECT_EQ(errors.size(), 1U) << test::dump(r.diagnostics);
  return errors.empty() ? std::string() : errors.front();
}

const System& system(const Scenario& s, std::size_t side, const std::string& id) {
  const System* found = s.sides[side].forces->find_system(id);
  EXPECT_NE(found, nullptr) << id;
  return *found;
}

double index_of(const Scenario& s) {
  return evaluate_scenario(prepare_scenario(s)).index;
}

TEST(SnapshotOverride, EachKindOfPathSetsTheFigure) {
  // Values inside each figure's range (us-2026-11-01: mm3 cep_m 120 [100, 200]; ru-2026-11-01).
  const Scenario s =
      load("us-ru-2026-11", {"sides.US.systems.mm3.cep_m=150", "sides.RU.systems.ss18.warheads[0].yield_kt=600",
                             "sides.RU.inventory.warheads_stored=2000", "sides.US.w80=1000"});
  EXPECT_EQ(system(s, 0, "mm3").cep_m.value, 150.0);
  EXPECT_EQ(system(s, 1, "ss18").warheads[0].yield_kt.value, 600.0);
  EXPECT_EQ(s.sides[1].forces->inventory.warheads_stored.value, 2000.0);
  EXPECT_EQ(s.sides[0].forces->w80.value, 1000.0);
  // The figure keeps its provenance and range; where it was set is the argument.
  const Figure& cep = system(s, 0, "mm3").cep_m;
  ASSERT_TRUE(cep.range.has_value());
  EXPECT_EQ(cep.range->low, 100.0);
  EXPECT_EQ(cep.range->high, 200.0);
  EXPECT_EQ(cep.grade, Grade::kAssumed);
  EXPECT_EQ(cep.where.file, "--set sides.US.systems.mm3.cep_m=150");
  // Unset figures are the data's.
  EXPECT_EQ(system(s, 0, "mm3").reliability.value, system(load("us-ru-2026-11", {}), 0, "mm3").reliability.value);
}

TEST(SnapshotOverride, TheIndexEqualsThatOfASnapshotFileEditedTheSameWay) {
  test::TempDir dir;
  std::filesystem::copy(STRATSTAB_SOURCE_DIR "/data", dir.path() / "data", std::filesystem::copy_options::recursive);
  const std::filesystem::path us = dir.path() / "data/forces/us-2026-11-01.yaml";
  // mm3 is the snapshot's first system: its cep_m line is the first with this value.
  dir.write("data/forces/us-2026-11-01.yaml",
            replace_once(test::slurp(us), "cep_m: {value: 120, grade: ASSUMED", "cep_m: {value: 150, grade: ASSUMED"));
  const DataCatalog edited(dir.path() / "data");
  const Scenario from_file = load_scenario(edited.scenario_path("us-ru-2026-11"), {}, &edited);
  ASSERT_EQ(system(from_file, 0, "mm3").cep_m.value, 150.0);
  const Scenario from_set = load("us-ru-2026-11", {"sides.US.systems.mm3.cep_m=150"});
  const double base = index_of(load("us-ru-2026-11", {}));
  EXPECT_EQ(index_of(from_set), index_of(from_file));
  EXPECT_NE(index_of(from_set), base) << "the CEP must move the index for this test to mean anything";
  // The same through a snapshot figure the uncertainty runs vary (a yield of the other side).
  dir.write("data/forces/us-2026-11-01.yaml", test::slurp(STRATSTAB_SOURCE_DIR "/data/forces/us-2026-11-01.yaml"));
  const auto ru = dir.path() / "data/forces/ru-2026-11-01.yaml";
  const std::string ru_text = test::slurp(ru);
  const std::size_t ss18 = ru_text.find("id: ss18");
  ASSERT_NE(ss18, std::string::npos);
  const std::size_t yield = ru_text.find("yield_kt: {value: ", ss18);
  ASSERT_NE(yield, std::string::npos);
  const std::size_t end = ru_text.find(',', yield);
  std::string edited_ru = ru_text;
  edited_ru.replace(yield, end - yield, "yield_kt: {value: 600");
  dir.write("data/forces/ru-2026-11-01.yaml", edited_ru);
  const DataCatalog edited_ru_catalog(dir.path() / "data");
  EXPECT_EQ(index_of(load("us-ru-2026-11", {"sides.RU.systems.ss18.warheads[0].yield_kt=600"})),
            index_of(load_scenario(edited_ru_catalog.scenario_path("us-ru-2026-11"), {}, &edited_ru_catalog)));
}

TEST(SnapshotOverride, BadValuesAndNamesAreLocatedAtTheArgument) {
  EXPECT_EQ(only_error("us-ru-2026-11", {"sides.US.systems.mm3.cep_m=abc"}),
            "--set sides.US.systems.mm3.cep_m=abc: error: sides.US.systems.mm3.cep_m: expected a number of m in " +
                test::cep_bounds() + ", got 'abc'");
  EXPECT_EQ(only_error("us-ru-2026-11", {"sides.US.systems.mm4.cep_m=150"}),
            "--set sides.US.systems.mm4.cep_m=150: error: sides.US.systems.mm4.cep_m: snapshot us-2026-11-01 has no "
            "system `mm4` (did you mean `mm3`?)");
  EXPECT_EQ(only_error("us-ru-2026-11", {"sides.US.systems.mm3.cepm=150"}),
            "--set sides.US.systems.mm3.cepm=150: error: sides.US.systems.mm3.cepm: not a figure of a system (did you "
            "mean `cep_m`?)");
  EXPECT_NE(only_error("us-ru-2026-11", {"sides.US.systems.mm3.bases[7].launchers=1"}).find("the list has 3 entries"),
            std::string::npos);
  EXPECT_NE(only_error("us-ru-2026-11", {"sides.US.systems.mm3.reliability=1.5"}).find("got 1.5"), std::string::npos);
  EXPECT_NE(only_error("us-ru-2026-11", {"sides.US.systems.mm3.cep_m.grade=EST"})
                .find("takes `value` and `range`, got `grade`"),
            std::string::npos);
  EXPECT_NE(only_error("us-ru-2026-11", {"sides.US.w80={}"}).find("an empty mapping"), std::string::npos);
  EXPECT_NE(only_error("us-ru-2026-11", {"sides.US.w80={value: 900, grade: EST}"}).find("got `grade`"),
            std::string::npos);
  EXPECT_EQ(only_error("us-ru-2026-11", {"sides.XX.w80=900"}),
            "--set sides.XX.w80=900: error: sides.XX: no side 'XX'; sides are US, RU");
  EXPECT_NE(only_error("kent-thaler-example", {"sides.A.w80=900"}).find("abstract.w80"), std::string::npos);
}

TEST(SnapshotOverride, AValueOutsideTheStatedRangeIsRefusedUnlessTheCommandWidensIt) {
  EXPECT_EQ(
      only_error("us-ru-2026-11", {"sides.US.systems.mm3.cep_m=250"}),
      "--set sides.US.systems.mm3.cep_m=250: error: sides.US.systems.mm3.cep_m: value 250 lies outside its stated "
      "range [100, 200] (snapshot us-2026-11-01); widen the range in the same command (--set "
      "sides.US.systems.mm3.cep_m.range=[low, high]) to use it");
  const Scenario widened =
      load("us-ru-2026-11", {"sides.US.systems.mm3.cep_m=250", "sides.US.systems.mm3.cep_m.range=[100, 300]"});
  EXPECT_EQ(system(widened, 0, "mm3").cep_m.value, 250.0);
  EXPECT_EQ(system(widened, 0, "mm3").cep_m.range->high, 300.0);
  const Scenario mapping = load("us-ru-2026-11", {"sides.US.systems.mm3.cep_m={value: 250, range: [90, 300]}"});
  EXPECT_EQ(system(mapping, 0, "mm3").cep_m.value, 250.0);
  EXPECT_EQ(system(mapping, 0, "mm3").cep_m.range->low, 90.0);
  EXPECT_EQ(system(mapping, 0, "mm3").cep_m.grade, Grade::kAssumed);
  // A range narrowed past the value is refused too; a range outside the key's bounds is.
  EXPECT_NE(only_error("us-ru-2026-11", {"sides.US.systems.mm3.cep_m.range=[130, 200]"}).find("value 120 lies outside"),
            std::string::npos);
  EXPECT_NE(only_error("us-ru-2026-11", {"sides.US.systems.mm3.reliability.range=[0.5, 2]"}).find("low <= high"),
            std::string::npos);
  // The uncertainty runs draw over the widened range.
  bool found = false;
  for (const RangedFigure& f : ranged_figures(prepare_scenario(widened))) {
    if (f.path != "sides.US.systems.mm3.cep_m") continue;
    found = true;
    EXPECT_EQ(f.figure.range->high, 300.0);
  }
  EXPECT_TRUE(found);
}

TEST(SnapshotOverride, SumsAreCheckedAndDeployedLaunchersScaleTheBases) {
  // mm3: warheads 0.5 + 0.5; bases 133 + 133 + 134 = 400 deployed.
  EXPECT_NE(only_error("us-ru-2026-11", {"sides.US.systems.mm3.warheads[0].share=0.6"})
                .find("warhead shares sum to 1.1; expected them to sum to 1"),
            std::string::npos);
  const Scenario shares = load(
      "us-ru-2026-11", {"sides.US.systems.mm3.warheads[0].share=0.6", "sides.US.systems.mm3.warheads[1].share=0.4"});
  EXPECT_EQ(system(shares, 0, "mm3").warheads[1].share.value, 0.4);
  EXPECT_NE(only_error("us-ru-2026-11", {"sides.US.systems.mm3.bases[1].launchers=100"})
                .find("launchers at the bases sum to 367; expected them to sum to launchers_deployed 400"),
            std::string::npos);
  const Scenario moved = load(
      "us-ru-2026-11", {"sides.US.systems.mm3.bases[1].launchers=100", "sides.US.systems.mm3.bases[2].launchers=150",
                        "sides.US.systems.mm3.bases[0].launchers=150"});
  EXPECT_EQ(system(moved, 0, "mm3").bases[1].launchers.value, 100.0);
  // launchers_deployed alone: each base keeps its share, 133 × 395 / 400.
  const Scenario fewer = load("us-ru-2026-11", {"sides.US.systems.mm3.launchers_deployed=395"});
  EXPECT_DOUBLE_EQ(system(fewer, 0, "mm3").bases[0].launchers.value, 133.0 * 395.0 / 400.0);
  EXPECT_DOUBLE_EQ(system(fewer, 0, "mm3").bases[2].launchers.value, 134.0 * 395.0 / 400.0);
  // Capacity below loading (mm3: 1 warhead per launcher, capacity 2 in [1.5, 3]).
  EXPECT_NE(only_error("us-ru-2026-11", {"sides.US.systems.mm3.max_warheads_per_launcher=0.5",
                                         "sides.US.systems.mm3.max_warheads_per_launcher.range=[0.5, 3]"})
                .find("is below warheads_per_launcher"),
            std::string::npos);
}

TEST(ScenarioFigureOverride, ANumberReplacesOnlyTheValueOfAFigureMapping) {
  // golden-dome: layers[0].sspk {value: 0.5, grade: ASSUMED, range: [0.2, 0.8]}.
  const Scenario s = load("golden-dome", {"sides.US.defence.layers[0].sspk=0.6"});
  EXPECT_EQ(s.sides[0].defence->layers[0].sspk, 0.6);
  const auto it = std::find_if(s.sides[0].figures.begin(), s.sides[0].figures.end(),
                               [](const ScenarioFigure& f) { return f.path == "sides.US.defence.layers[0].sspk"; });
  ASSERT_NE(it, s.sides[0].figures.end());
  EXPECT_EQ(it->figure.value, 0.6);
  ASSERT_TRUE(it->figure.range.has_value());
  EXPECT_EQ(it->figure.range->low, 0.2);
  EXPECT_EQ(it->figure.range->high, 0.8);
  EXPECT_EQ(it->figure.grade, Grade::kAssumed);
  EXPECT_EQ(it->figure.source_id, "cbo-nmd-costs-summary-2026-05");
  EXPECT_NE(index_of(s), index_of(load("golden-dome", {})));
}

TEST(ScenarioFigureOverride, OutsideItsRangeIsRefusedAndWideningAccepts) {
  EXPECT_EQ(only_error("golden-dome", {"sides.US.defence.layers[0].sspk=0.95"}),
            "--set sides.US.defence.layers[0].sspk=0.95: error: sides.US.defence.layers[0].sspk: value 0.95 lies "
            "outside its range [0.2, 0.8]; widen the range in the same command (--set "
            "sides.US.defence.layers[0].sspk.range=[low, high]) to use it");
  const Scenario by_key =
      load("golden-dome", {"sides.US.defence.layers[0].sspk=0.95", "sides.US.defence.layers[0].sspk.range=[0.2, 1]"});
  EXPECT_EQ(by_key.sides[0].defence->layers[0].sspk, 0.95);
  const Scenario by_mapping = load("golden-dome", {"sides.US.defence.layers[0].sspk={value: 0.95, range: [0.2, 1]}"});
  EXPECT_EQ(by_mapping.sides[0].defence->layers[0].sspk, 0.95);
  EXPECT_EQ(index_of(by_key), index_of(by_mapping));
  // A plain number in the file takes a range from the command line (then it is an uncertain input).
  test::TempDir dir;
  const auto file = dir.write("plain.yaml", R"(name: plain
sides:
  US:
    force: us-2026-11-01
    defence:
      interceptors: 100
      layers:
        - {name: first, sspk: 0.5, shots: 1}
  RU:
    force: ru-2026-11-01
)");
  const Scenario plain =
      load_scenario(file, {Override::parse("sides.US.defence.layers[0].sspk.range=[0.3, 0.7]")}, &catalog());
  bool found = false;
  for (const RangedFigure& f : ranged_figures(plain)) {
    if (f.path == "sides.US.defence.layers[0].sspk") {
      found = true;
      EXPECT_EQ(f.figure.value, 0.5);
      EXPECT_EQ(f.figure.range->low, 0.3);
    }
  }
  EXPECT_TRUE(found);
  const LoadResult<Scenario> narrow =
      read_scenario(file, {Override::parse("sides.US.defence.layers[0].sspk.range=[0.6, 0.7]")}, &catalog());
  ASSERT_FALSE(narrow.value.has_value());
  EXPECT_EQ(narrow.diagnostics[0].where.file, "--set sides.US.defence.layers[0].sspk.range=[0.6, 0.7]");
}

TEST(ScenarioFigureOverride, TheOldSpellingDefenseReachesTheSameFigure) {
  const LoadResult<Scenario> r = read("golden-dome", {"sides.US.defense.layers[0].sspk=0.6"});
  ASSERT_TRUE(r.value.has_value()) << test::dump(r.diagnostics);
  EXPECT_EQ(r.value->sides[0].defence->layers[0].sspk, 0.6);
  ASSERT_EQ(r.diagnostics.size(), 1U);
  EXPECT_EQ(r.diagnostics[0].severity, Severity::kWarning);
  EXPECT_NE(r.diagnostics[0].message.find("old spelling"), std::string::npos);
  EXPECT_NE(only_error("golden-dome", {"sides.US.defense.layers[0].sspk=0.95"}).find("outside its range [0.2, 0.8]"),
            std::string::npos);
}

TEST(RangedFigures, ScenarioFiguresComeAfterTheSnapshotsWithPathsThatResolve) {
  const Scenario s = prepare_scenario(load("golden-dome", {}));
  const std::vector<RangedFigure> ranged = ranged_figures(s);
  // golden-dome.yaml: interceptors, decoys, sites, site kill probability; per layer sspk, tracking
  // and inventory share, plus the space layer's absentee ratio and the terminal one's footprint:
  // 4 + 3 × 3 + 2 = 15, all with ranges.
  std::vector<std::string> scenario_paths;
  bool snapshot_seen_after = false;
  for (const RangedFigure& f : ranged) {
    const bool in_scenario = f.path.starts_with("sides.US.defence.");
    if (in_scenario) scenario_paths.push_back(f.path);
    if (!in_scenario && !scenario_paths.empty()) snapshot_seen_after = true;
    const InputAccessor a = InputAccessor::resolve(s, f.path);
    EXPECT_EQ(a.get(s), f.figure.value) << f.path;
    EXPECT_EQ(a.in_snapshot(), !in_scenario) << f.path;
  }
  EXPECT_FALSE(snapshot_seen_after);
  EXPECT_EQ(scenario_paths.size(), 15U);
  EXPECT_EQ(scenario_paths.front(), "sides.US.defence.interceptors");
  EXPECT_NE(std::find(scenario_paths.begin(), scenario_paths.end(), "sides.US.defence.layers[2].footprint"),
            scenario_paths.end());
  // An abstract scenario has no ranged figures unless it writes some.
  EXPECT_TRUE(ranged_figures(load("kent-thaler-example", {})).empty());
}

TEST(RangedFigures, UncertaintyOnGoldenDomeVariesTheDefence) {
  const Scenario loaded = load("golden-dome", {});
  const InputPlan plan = plan_uncertain_inputs(loaded, loaded.uncertainty);
  const auto find = [&](const std::string& path) -> const UncertainInput* {
    for (const UncertainInput& in : plan.inputs) {
      if (in.path == path) return &in;
    }
    return nullptr;
  };
  const UncertainInput* sspk = find("sides.US.defence.layers[0].sspk");
  ASSERT_NE(sspk, nullptr);
  EXPECT_EQ(sspk->low, 0.2);
  EXPECT_EQ(sspk->high, 0.8);
  EXPECT_EQ(sspk->point, 0.5);
  EXPECT_EQ(sspk->mode, 0.5);
  EXPECT_EQ(sspk->origin, "scenario");
  EXPECT_EQ(sspk->grade, "ASSUMED");
  ASSERT_NE(find("sides.US.defence.interceptors"), nullptr);
  EXPECT_EQ(find("sides.US.defence.interceptors")->high, 2000.0);
  // An `uncertainty:` entry on a scenario figure changes its distribution rather than adding one.
  std::vector<UncertaintyEntry> entries(1);
  entries[0].path = "sides.US.defence.layers[0].sspk";
  entries[0].dist = Distribution::kUniform;
  const InputPlan changed = plan_uncertain_inputs(loaded, entries);
  EXPECT_EQ(changed.inputs.size(), plan.inputs.size());
  for (const UncertainInput& in : changed.inputs) {
    if (in.path == entries[0].path) {
      EXPECT_EQ(in.dist, Distribution::kUniform);
      EXPECT_EQ(in.origin, "scenario+uncertainty");
    }
  }
}

TEST(SnapshotOverride, SweepAndUncertaintyTakeTheSamePaths) {
  // Each sweep row is assess with `--set KEY=value` (the loader is the same).
  const test::CliRun sweep =
      test::run_cli("sweep us-ru-2026-11 --param sides.US.systems.mm3.cep_m --values 100,150 --json");
  ASSERT_EQ(sweep.exit_code, 0) << sweep.err;
  const nlohmann::json j = nlohmann::json::parse(sweep.out);
  ASSERT_EQ(j["points"].size(), 2U);
  EXPECT_EQ(j["points"][0]["index"].get<double>(), index_of(load("us-ru-2026-11", {"sides.US.systems.mm3.cep_m=100"})));
  EXPECT_EQ(j["points"][1]["index"].get<double>(), index_of(load("us-ru-2026-11", {"sides.US.systems.mm3.cep_m=150"})));
  // A value past the range is refused at its --set; widened in the same command it runs.
  const test::CliRun past = test::run_cli("sweep us-ru-2026-11 --param sides.US.systems.mm3.cep_m --values 150,250");
  EXPECT_EQ(past.exit_code, 3);
  EXPECT_NE(past.err.find("--set sides.US.systems.mm3.cep_m=250: error: sides.US.systems.mm3.cep_m: value 250 lies "
                          "outside its stated range [100, 200]"),
            std::string::npos)
      << past.err;
  // uncertainty: the widened range is the one drawn, and the defence's figures are inputs.
  const test::CliRun u = test::run_cli(
      "uncertainty golden-dome --samples 8 --sobol 0 --json --quiet --set 'sides.US.systems.mm3.cep_m.range=[90, "
      "300]'");
  ASSERT_EQ(u.exit_code, 0) << u.err;
  const nlohmann::json uj = nlohmann::json::parse(u.out);
  bool cep = false;
  bool sspk = false;
  for (const auto& in : uj["inputs"]) {
    if (in["path"] == "sides.US.systems.mm3.cep_m") {
      cep = true;
      EXPECT_EQ(in["low"].get<double>(), 90.0);
      EXPECT_EQ(in["high"].get<double>(), 300.0);
    }
    if (in["path"] == "sides.US.defence.layers[0].sspk") sspk = true;
  }
  EXPECT_TRUE(cep);
  EXPECT_TRUE(sspk);
}

}  // namespace
}  // namespace stratstab

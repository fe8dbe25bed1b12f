// Grid sweeps (grid.hpp, ensemble.hpp): the row-major indexing against nested loops and its closed
// form, the located errors of `--param KEY=VALUES` and of the size limit, in-memory points against
// the scenario loaded with `--set` per point (bit for bit), the same output for any thread count,
// and points handed to the sink in order, skipped ones left out.
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <atomic>
#include <stdexcept>

#include "stratstab/catalog.hpp"
#include "stratstab/ensemble.hpp"
#include "stratstab/grid.hpp"
#include "stratstab/prepare.hpp"
#include "stratstab/scenario.hpp"
#include "stratstab/uncertainty.hpp"
#include "test_support.hpp"

namespace stratstab {
namespace {

/// The message of the single diagnostic of the InputError `call` throws, which must be located at
/// `--param` on the command line.
template <typename Call>
std::string param_error(Call call) {
  try {
    call();
  } catch (const InputError& e) {
    EXPECT_EQ(e.diagnostics().size(), 1U) << test::dump(e.diagnostics());
    const Diagnostic& d = e.diagnostics().front();
    EXPECT_EQ(d.where.file, "command line");
    EXPECT_EQ(d.where.key_path, "--param");
    return d.message;
  }
  ADD_FAILURE() << "expected an InputError at --param";
  return {};
}

std::vector<std::string> numbers(int n) {
  std::vector<std::string> v;
  for (int i = 0; i < n; ++i) v.push_back(std::to_string(i));
  return v;
}

TEST(GridTest, PointsAreTheRowMajorProductLastAxisFastest) {
  const Grid grid({GridAxis{"a", numbers(3)}, GridAxis{"b", numbers(4)}, GridAxis{"c", numbers(2)}});
  ASSERT_EQ(grid.size(), 24U);
  // Nested loops with the first axis outermost give the points in index order.
  std::size_t point = 0;
  for (std::size_t i = 0; i < 3; ++i) {
    for (std::size_t j = 0; j < 4; ++j) {
      for (std::size_t k = 0; k < 2; ++k, ++point) {
        EXPECT_EQ(grid.indices(point), (std::vector<std::size_t>{i, j, k})) << point;
        // Closed form: point = 8 i + 2 j + k (strides 4 * 2, 2, 1).
        EXPECT_EQ(point, 8 * i + 2 * j + k);
        const std::vector<std::size_t> at{i, j, k};
        EXPECT_EQ(grid.point_of(at), point);
        EXPECT_EQ(grid.label(at), fmt::format("{},{},{}", i, j, k));
      }
    }
  }
  EXPECT_THROW((void)grid.indices(24), std::out_of_range);
  // One axis: the point is the value's index and the label the value as written.
  const Grid one({GridAxis{"x", {"0.1", "generated"}}});
  EXPECT_EQ(one.size(), 2U);
  EXPECT_EQ(one.label(one.indices(1)), "generated");
  // A grid of 10^12 points is indexed without being held: the last point's indices.
  const Grid big({GridAxis{"a", numbers(1000)}, GridAxis{"b", numbers(1000)}, GridAxis{"c", numbers(1000)},
                  GridAxis{"d", numbers(1000)}});
  EXPECT_EQ(big.size(), 1000000000000U);
  EXPECT_EQ(big.indices(big.size() - 1), (std::vector<std::size_t>{999, 999, 999, 999}));
  EXPECT_EQ(big.indices(1001001001), (std::vector<std::size_t>{1, 1, 1, 1}));
}

TEST(GridTest, AxesAreListsOrRanges) {
  const GridAxis list = parse_grid_axis("options.posture= day_to_day , generated");
  EXPECT_EQ(list.path, "options.posture");
  EXPECT_EQ(list.values, (std::vector<std::string>{"day_to_day", "generated"}));
  const GridAxis range = parse_grid_axis("sides.US.defence.layers[0].sspk=0.5:0.7:0.1");
  EXPECT_EQ(range.path, "sides.US.defence.layers[0].sspk");
  EXPECT_EQ(range.values, (std::vector<std::string>{"0.5", "0.6", "0.7"}));
  // Past the old 10,000-value cap: the limit is now the grid's size (check_grid_size).
  EXPECT_EQ(parse_grid_axis("a.b=1:20000:1").values.size(), 20000U);
}

TEST(GridTest, BadAxesAreLocatedAtParam) {
  EXPECT_NE(param_error([] { (void)parse_grid_axis("sides.A.abstract.alert"); }).find("expected KEY=VALUES"),
            std::string::npos);
  EXPECT_NE(param_error([] { (void)parse_grid_axis("=0,1"); }).find("is not a dotted key path"), std::string::npos);
  EXPECT_NE(param_error([] { (void)parse_grid_axis("a..b=0,1"); }).find("is not a dotted key path"), std::string::npos);
  EXPECT_NE(param_error([] { (void)parse_grid_axis("a.b="); }).find("no values after '='"), std::string::npos);
  EXPECT_NE(param_error([] { (void)parse_grid_axis("a.b=  "); }).find("no values after '='"), std::string::npos);
  EXPECT_NE(param_error([] { (void)parse_grid_axis("a.b=1,,2"); }).find("a.b: value 2 of 3 in '1,,2' is empty"),
            std::string::npos);
  EXPECT_NE(param_error([] { (void)parse_grid_axis("a.b=0:1:0"); }).find("a.b: STEP must be positive, got 0"),
            std::string::npos);
  EXPECT_NE(param_error([] { (void)parse_grid_axis("a.b=0:1:-0.5"); }).find("STEP must be positive, got -0.5"),
            std::string::npos);
  EXPECT_NE(param_error([] { (void)parse_grid_axis("a.b=1:0:0.5"); }).find("TO (0) is below FROM (1)"),
            std::string::npos);
  EXPECT_NE(param_error([] { (void)parse_grid_axis("a.b=0:x:1"); }).find("is not a finite number"), std::string::npos);
  EXPECT_NE(param_error([] {
              Grid({GridAxis{"a.b", {"1"}}, GridAxis{"c", {"2"}}, GridAxis{"a.b", {"3"}}});
            }).find("a.b is given twice"),
            std::string::npos);
  EXPECT_NE(param_error([] { Grid(std::vector<GridAxis>{}); }).find("at least one axis"), std::string::npos);
  EXPECT_NE(param_error([] { Grid({GridAxis{"a", {}}}); }).find("a has no values"), std::string::npos);
  // 2^20 values on each of three axes: 2^60 points, past 2^53.
  EXPECT_NE(param_error([] {
              std::vector<GridAxis> axes;
              for (const char* name : {"a", "b", "c"}) axes.push_back(GridAxis{name, numbers(1 << 20)});
              Grid{std::move(axes)};
            }).find("exceeds"),
            std::string::npos);
}

TEST(GridTest, LargeGridsNeedYesOrMaxPoints) {
  EXPECT_NO_THROW(check_grid_size(kSweepConfirmPoints, 0, false));
  const std::string ask = param_error([] { check_grid_size(kSweepConfirmPoints + 1, 0, false); });
  EXPECT_NE(ask.find("the sweep has 10001 points, above the 10000"), std::string::npos) << ask;
  EXPECT_NE(ask.find("give --yes to run it, or --max-points 10001"), std::string::npos) << ask;
  EXPECT_NO_THROW(check_grid_size(kSweepConfirmPoints + 1, 0, true));
  EXPECT_NO_THROW(check_grid_size(50000, 50000, false));
  // --max-points is a limit of its own: a grid above it is refused even with --yes.
  EXPECT_NE(param_error([] {
              check_grid_size(101, 100, true);
            }).find("the sweep has 101 points, above --max-points 100; raise --max-points to at least 101"),
            std::string::npos);
}

/// Every output of two points, bit for bit.
void expect_same(const SweepPoint& got, const SweepPoint& want, const std::string& where) {
  EXPECT_EQ(got.value, want.value) << where;
  EXPECT_EQ(got.index, want.index) << where;
  for (std::size_t s = 0; s < 2; ++s) {
    EXPECT_EQ(got.sides[s].id, want.sides[s].id) << where;
    EXPECT_EQ(got.sides[s].stability.c1, want.sides[s].stability.c1) << where;
    EXPECT_EQ(got.sides[s].stability.c2, want.sides[s].stability.c2) << where;
    EXPECT_EQ(got.sides[s].stability.ratio, want.sides[s].stability.ratio) << where;
    EXPECT_EQ(got.exchanges[s].counterforce_spent, want.exchanges[s].counterforce_spent) << where;
    EXPECT_EQ(got.exchanges[s].victim_surviving, want.exchanges[s].victim_surviving) << where;
    EXPECT_EQ(got.exchanges[s].retaliation_arriving, want.exchanges[s].retaliation_arriving) << where;
  }
}

/// Gathers the points in the order written.
class Collect final : public PointSink {
 public:
  void write(const GridPoint& point) override { points.push_back(point); }
  [[nodiscard]] bool skip(std::size_t index) const override { return skip_every > 0 && index % skip_every == 0; }
  void finish() override { finished = true; }
  std::vector<GridPoint> points;
  std::size_t skip_every = 0;
  bool finished = false;
};

class GridEvaluationTest : public ::testing::Test {
 protected:
  GridEvaluator::Loader loader(const std::string& name, std::vector<Override> base = {}) const {
    return [this, name, base](const std::vector<Override>& extra) {
      ++loads_;
      std::vector<Override> all = base;
      all.insert(all.end(), extra.begin(), extra.end());
      return load_scenario(catalog_.scenario_path(name), all, &catalog_);
    };
  }
  /// The point loaded with `--set` for every axis, as `sweep` did before grids, independently of
  /// GridEvaluator.
  SweepPoint loaded_point(const std::string& name, const Grid& grid, std::size_t point,
                          std::vector<Override> overrides = {}) const {
    const std::vector<std::size_t> at = grid.indices(point);
    for (std::size_t k = 0; k < at.size(); ++k)
      overrides.push_back(Override{grid.axes()[k].path, grid.axes()[k].values[at[k]]});
    return sweep_point(prepare_scenario(load_scenario(catalog_.scenario_path(name), overrides, &catalog_)),
                       grid.label(at));
  }
  void expect_as_loaded(const std::string& name, const Grid& grid, const std::vector<AxisMode>& modes,
                        const std::vector<Override>& base = {}) {
    const GridEvaluator evaluator(grid, loader(name, base));
    for (std::size_t k = 0; k < modes.size(); ++k) EXPECT_EQ(evaluator.mode(k), modes[k]) << grid.axes()[k].path;
    Collect sink;
    GridRunOptions options;
    options.threads = 2;
    run_grid(evaluator, sink, options);
    ASSERT_EQ(sink.points.size(), grid.size());
    for (std::size_t p = 0; p < grid.size(); ++p) {
      EXPECT_EQ(sink.points[p].index, p);
      expect_same(sink.points[p].result, loaded_point(name, grid, p, base), name + " point " + std::to_string(p));
    }
  }
  DataCatalog catalog_{STRATSTAB_SOURCE_DIR "/data"};
  mutable std::atomic<int> loads_{0};
};

TEST_F(GridEvaluationTest, AbstractPointsInMemoryAreThePointsLoadedWithSet) {
  const Grid grid({GridAxis{"sides.A.abstract.alert", {"0", "0.25", "0.5", "1"}},
                   GridAxis{"sides.B.abstract.de", {"0.6", "0.85"}},
                   GridAxis{"options.launch_under_attack", {"false", "true"}}});
  expect_as_loaded("kent-thaler-example", grid, {AxisMode::kInMemory, AxisMode::kInMemory, AxisMode::kReloaded});
  // The worked example at the file's own values (docs/methods.md §7): alert 0.5, de 0.85, no LUA.
  const GridEvaluator evaluator(grid, loader("kent-thaler-example"));
  const auto workspace = evaluator.workspace();
  const std::vector<std::size_t> at{2, 1, 0};
  EXPECT_NEAR(evaluator.evaluate(grid.point_of(at), at, *workspace).index, 0.350948, 1e-6);
}

TEST_F(GridEvaluationTest, RealPointsInMemoryAreThePointsLoadedWithSet) {
  // Two scenario numbers (each side's withheld share) and a word (the posture: one loaded scenario
  // per value).
  const Grid grid({GridAxis{"options.posture", {"day_to_day", "generated"}},
                   GridAxis{"sides.US.withheld", {"0", "0.2"}}, GridAxis{"sides.RU.withheld", {"0", "0.15"}}});
  expect_as_loaded("us-ru-2026-11", grid, {AxisMode::kReloaded, AxisMode::kInMemory, AxisMode::kInMemory},
                   {Override{"options.w80", "snapshot"}});
  // The defence of golden-dome: a count and a layer's kill probability.
  const Grid defence({GridAxis{"sides.US.defence.interceptors", {"0", "1000", "2000"}},
                      GridAxis{"sides.US.defence.layers[0].sspk", {"0.5", "0.8"}}});
  expect_as_loaded("golden-dome", defence, {AxisMode::kInMemory, AxisMode::kInMemory});
}

TEST_F(GridEvaluationTest, SnapshotFiguresAreSetBeforeTheUploadAsSetAndAnUncertaintySampleSetThem) {
  // A figure of a force snapshot (the Minuteman III's reliability) on upload-us-24: the US uploads
  // for 24 months, so the figure is set before the upload and the scenario prepared again. Two
  // references: the scenario loaded with --set per point, and the uncertainty run's evaluator
  // (SampleEvaluator), another route to the same numbers (the reliability moves no warhead share
  // or yield, so its renormalisation and the w80 kept from the preparation change nothing).
  const std::string reliability = "sides.US.systems.mm3.reliability";
  const Override snapshot_w80{"options.w80", "snapshot"};
  const Grid grid({GridAxis{"sides.RU.withheld", {"0", "0.1"}}, GridAxis{reliability, {"0.75", "0.95"}}});
  expect_as_loaded("upload-us-24", grid, {AxisMode::kInMemory, AxisMode::kInMemory}, {snapshot_w80});
  const GridEvaluator evaluator(grid, loader("upload-us-24", {snapshot_w80}));
  EXPECT_EQ(evaluator.mode(0), AxisMode::kInMemory);
  EXPECT_EQ(evaluator.mode(1), AxisMode::kInMemory);
  Collect sink;
  run_grid(evaluator, sink, GridRunOptions{});
  ASSERT_EQ(sink.points.size(), 4U);
  for (const GridPoint& p : sink.points) {
    const Scenario loaded =
        load_scenario(catalog_.scenario_path("upload-us-24"),
                      {snapshot_w80, Override{"sides.RU.withheld", grid.axes()[0].values[p.at[0]]}}, &catalog_);
    UncertainInput input;
    input.path = reliability;
    const SampleEvaluator reference(loaded, {input});
    const auto workspace = reference.workspace();
    const double value = std::stod(grid.axes()[1].values[p.at[1]]);
    const SampleOutputs want = reference.evaluate(std::span<const double>(&value, 1), *workspace);
    EXPECT_EQ(p.result.index, want[0]) << p.index;
    EXPECT_EQ(p.result.sides[0].stability.c1, want[1]) << p.index;
    EXPECT_EQ(p.result.sides[0].stability.c2, want[2]) << p.index;
    EXPECT_EQ(p.result.sides[1].stability.ratio, want[6]) << p.index;
    EXPECT_EQ(p.result.exchanges[0].counterforce_spent, want[7]) << p.index;
    EXPECT_EQ(p.result.exchanges[0].victim_surviving, want[8]) << p.index;
    EXPECT_EQ(p.result.exchanges[1].victim_surviving, want[11]) << p.index;
    EXPECT_EQ(p.result.exchanges[1].retaliation_arriving, want[12]) << p.index;
  }
  // The reliability matters: fewer Minuteman IIIs arrive.
  EXPECT_NE(sink.points[0].result.index, sink.points[1].result.index);
}

TEST_F(GridEvaluationTest, TheScenarioIsLoadedOncePerCombinationOfWords) {
  // 11 x 2 = 22 points; loads: the base, 2 per in-memory axis to check it against loading, and one per
  // value of the word axis; none per point.
  const Grid grid({GridAxis{"options.launch_under_attack", {"false", "true"}},
                   GridAxis{"sides.A.abstract.alert", parse_sweep_range("0:1:0.1")}});
  loads_ = 0;
  const GridEvaluator evaluator(grid, loader("kent-thaler-example"));
  EXPECT_EQ(loads_.load(), 1 + 2 + 2);
  Collect sink;
  run_grid(evaluator, sink, GridRunOptions{});
  EXPECT_EQ(sink.points.size(), 22U);
  EXPECT_EQ(loads_.load(), 5);
}

TEST_F(GridEvaluationTest, ManyCombinationsAreLoadedPerPointWithTheSameResults) {
  // With room for one loaded combination only, the two values of the word axis are loaded point
  // by point (each worker keeping the one it loaded last) rather than held.
  const Grid grid({GridAxis{"sides.A.abstract.alert", parse_sweep_range("0:1:0.25")},
                   GridAxis{"options.launch_under_attack", {"false", "true"}}});
  const GridEvaluator held(grid, loader("kent-thaler-example"));
  const GridEvaluator per_point(grid, loader("kent-thaler-example"), 1);
  EXPECT_TRUE(held.holds_combinations());
  EXPECT_FALSE(per_point.holds_combinations());
  Collect a;
  Collect b;
  GridRunOptions options;
  options.threads = 2;
  options.chunk = 1;
  run_grid(held, a, options);
  run_grid(per_point, b, options);
  ASSERT_EQ(a.points.size(), 10U);
  ASSERT_EQ(b.points.size(), 10U);
  for (std::size_t p = 0; p < 10; ++p) {
    expect_same(b.points[p].result, a.points[p].result, "point " + std::to_string(p));
    expect_same(b.points[p].result, loaded_point("kent-thaler-example", grid, p), "point " + std::to_string(p));
  }
}

TEST_F(GridEvaluationTest, OutputIsTheSameForAnyThreadCountAndInPointOrder) {
  const Grid grid({GridAxis{"sides.A.abstract.alert", parse_sweep_range("0:1:0.05")},
                   GridAxis{"sides.B.abstract.alert", parse_sweep_range("0:1:0.1")}});
  const GridEvaluator evaluator(grid, loader("kent-thaler-example"));
  Collect one;
  run_grid(evaluator, one, GridRunOptions{});
  ASSERT_EQ(one.points.size(), 21U * 11U);
  EXPECT_TRUE(one.finished);
  for (std::size_t p = 0; p < one.points.size(); ++p) EXPECT_EQ(one.points[p].index, p);
  // Small chunks and a small window make the workers finish out of order and wait on the writer.
  for (const unsigned threads : {2U, 3U, 8U}) {
    for (const std::size_t chunk : {std::size_t{1}, std::size_t{7}}) {
      Collect many;
      GridRunOptions options;
      options.threads = threads;
      options.chunk = chunk;
      options.window = 2;
      std::vector<std::size_t> progress;
      options.on_progress = [&progress](std::size_t done, std::size_t total) {
        EXPECT_EQ(total, 231U);
        progress.push_back(done);
      };
      const GridRunStats stats = run_grid(evaluator, many, options);
      // Memory is bounded by the window, not the grid: at most 2 chunks wait to be written.
      EXPECT_LE(stats.peak_held, 2 * chunk);
      EXPECT_EQ(stats.written, 231U);
      EXPECT_EQ(stats.skipped, 0U);
      ASSERT_EQ(many.points.size(), one.points.size());
      for (std::size_t p = 0; p < one.points.size(); ++p) {
        EXPECT_EQ(many.points[p].index, p);
        EXPECT_EQ(many.points[p].at, one.points[p].at);
        expect_same(many.points[p].result, one.points[p].result, "threads " + std::to_string(threads));
      }
      ASSERT_FALSE(progress.empty());
      EXPECT_TRUE(std::is_sorted(progress.begin(), progress.end()));
      EXPECT_EQ(progress.back(), 231U);
    }
  }
}

TEST_F(GridEvaluationTest, SkippedPointsAreNeitherEvaluatedNorWritten) {
  const Grid grid({GridAxis{"sides.A.abstract.alert", parse_sweep_range("0:1:0.1")}});
  const GridEvaluator evaluator(grid, loader("kent-thaler-example"));
  Collect sink;
  sink.skip_every = 3;  // points 0, 3, 6, 9 are "already in the store"
  GridRunOptions options;
  options.threads = 3;
  options.chunk = 2;
  const GridRunStats stats = run_grid(evaluator, sink, options);
  EXPECT_EQ(stats.written, 7U);
  EXPECT_EQ(stats.skipped, 4U);
  std::vector<std::size_t> written;
  for (const GridPoint& p : sink.points) written.push_back(p.index);
  EXPECT_EQ(written, (std::vector<std::size_t>{1, 2, 4, 5, 7, 8, 10}));
}

/// A sink that fails at one point, as a full disk would.
class FailAt final : public PointSink {
 public:
  void write(const GridPoint& point) override {
    if (point.index == 5) throw std::runtime_error("disk full");
    ++written;
  }
  void finish() override { finished = true; }
  int written = 0;
  bool finished = false;
};

TEST_F(GridEvaluationTest, AFailingSinkStopsTheRun) {
  const Grid grid({GridAxis{"sides.A.abstract.alert", parse_sweep_range("0:1:0.01")}});
  const GridEvaluator evaluator(grid, loader("kent-thaler-example"));
  FailAt sink;
  GridRunOptions options;
  options.threads = 2;
  options.chunk = 1;
  EXPECT_THROW(run_grid(evaluator, sink, options), std::runtime_error);
  EXPECT_EQ(sink.written, 5);
  EXPECT_FALSE(sink.finished);
}

TEST(GridCliTest, TwoAxesStreamEveryCombinationInOrder) {
  const test::CliRun r = test::run_cli(
      "sweep kent-thaler-example --param sides.A.abstract.alert=0,0.5 --param options.launch_under_attack=false,true "
      "--csv --threads 2");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::vector<std::string> lines = [&] {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start < r.out.size()) {
      const std::size_t end = r.out.find('\n', start);
      out.push_back(r.out.substr(start, end - start));
      start = end + 1;
    }
    return out;
  }();
  ASSERT_EQ(lines.size(), 5U) << r.out;
  EXPECT_EQ(lines[0],
            "point,sides.A.abstract.alert,options.launch_under_attack,index,A.c1,A.c2,A.ratio,B.c1,B.c2,B.ratio,"
            "A->B.s_star,A->B.victim_surviving,A->B.retaliation_arriving,B->A.s_star,B->A.victim_surviving,"
            "B->A.retaliation_arriving");
  EXPECT_EQ(lines[1].substr(0, 12), "0,0,false,0.");
  EXPECT_EQ(lines[2].substr(0, 10), "1,0,true,0");
  EXPECT_EQ(lines[3].substr(0, 14), "2,0.5,false,0.");
  EXPECT_EQ(lines[4].substr(0, 12), "3,0.5,true,0");
  // Point 2 is the worked example (docs/methods.md §7), and point 3 its launch-under-attack value.
  const auto index_of = [](const std::string& line) {
    std::size_t at = 0;
    for (int comma = 0; comma < 3; ++comma) at = line.find(',', at) + 1;
    return std::stod(line.substr(at, line.find(',', at) - at));
  };
  EXPECT_NEAR(index_of(lines[3]), 0.350948, 1e-6);
  EXPECT_NEAR(index_of(lines[4]), 0.929269, 1e-6);

  // JSON lines: the same points, values by path.
  const test::CliRun jl = test::run_cli(
      "sweep kent-thaler-example --param sides.A.abstract.alert=0,0.5 --param options.launch_under_attack=false,true "
      "--jsonl");
  ASSERT_EQ(jl.exit_code, 0) << jl.err;
  std::vector<nlohmann::json> rows;
  std::size_t start = 0;
  while (start < jl.out.size()) {
    const std::size_t end = jl.out.find('\n', start);
    rows.push_back(nlohmann::json::parse(jl.out.substr(start, end - start)));
    start = end + 1;
  }
  ASSERT_EQ(rows.size(), 4U);
  for (std::size_t i = 0; i < 4; ++i) EXPECT_EQ(rows[i].at("point"), i);
  EXPECT_EQ(rows[3].at("values").at("sides.A.abstract.alert"), 0.5);
  EXPECT_EQ(rows[3].at("values").at("options.launch_under_attack"), true);
  EXPECT_NEAR(rows[2].at("index").get<double>(), 0.350948, 1e-6);
}

TEST(GridCliTest, BadGridsAreLocatedErrorsAndNothingRuns) {
  const auto expect_error = [](const std::string& args, const std::string& message) {
    const test::CliRun r = test::run_cli("sweep kent-thaler-example " + args);
    EXPECT_EQ(r.exit_code, 3) << args << '\n' << r.err;
    EXPECT_TRUE(r.out.empty()) << args << '\n' << r.out;
    EXPECT_NE(r.err.find(message), std::string::npos) << args << '\n' << r.err;
  };
  expect_error("--param sides.A.abstract.alert=0:1:0.0001",
               "command line: error: --param: the sweep has 10001 points, above the 10000 a sweep runs unasked");
  expect_error("--param sides.A.abstract.alert=0:1:0.001 --max-points 100", "above --max-points 100");
  expect_error("--param sides.A.abstract.alrt=0,1", "did you mean 'alert'?");
  expect_error("--param sides.A.abstract.alert=0:1:0", "--param: sides.A.abstract.alert: STEP must be positive");
  expect_error("--param sides.A.abstract.alert=1:0:-0.5", "STEP must be positive, got -0.5");
  expect_error("--param sides.A.abstract.alert=", "no values after '='");
  expect_error("--param sides.A.abstract.alert=0,1 --param sides.A.abstract.alert=0.5", "is given twice");
  expect_error("--param sides.A.abstract.alert=0.5,1.7 --param sides.B.abstract.de=0.5",
               "--set sides.A.abstract.alert=1.7: error: sides.A.abstract.alert: expected a number of share in [0, 1]");
  // Usage: values without a key, or both forms at once.
  EXPECT_EQ(test::run_cli("sweep kent-thaler-example --param a.b=0,1 --values 0,1").exit_code, 2);
  EXPECT_EQ(test::run_cli("sweep kent-thaler-example --param a.b --param c.d --values 0,1").exit_code, 2);
  EXPECT_EQ(test::run_cli("sweep kent-thaler-example --param a.b=1 --csv --jsonl").exit_code, 2);
}

TEST(GridCliTest, YesRunsALargeGrid) {
  // 101 x 100 = 10,100 abstract points (each value checked once: 201 loads), run with --yes or with
  // --max-points at the count.
  for (const char* allow : {"--yes", "--max-points 10100"}) {
    const test::CliRun r =
        test::run_cli(std::string("sweep kent-thaler-example --param sides.A.abstract.alert=0:1:0.01 --param "
                                  "sides.B.abstract.alert=0:0.99:0.01 --csv --quiet ") +
                      allow);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 10101) << allow;  // and the header
    EXPECT_NE(r.out.find("\n10099,1,0.99,"), std::string::npos) << allow;     // the last point
  }
}

}  // namespace
}  // namespace stratstab

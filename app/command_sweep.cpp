// `stratstab sweep SCENARIO --param KEY=VALUES [--param KEY2=VALUES ...] [--threads T]
// [--csv|--jsonl|--json] [--quiet] [--out FILE.sqlite [--resume]] [--max-points N] [--yes] [--set K=V ...]`,
// and the one-axis form
// `--param KEY (--values a,b,c | --range FROM:TO:STEP)`: the full grid of the axes' values. Every
// value of every axis is first loaded once with the `--set` overrides and `KEY=value`, so that each
// meets the same validation as in the file (a bad one is reported at `--set KEY=value`) and nothing
// runs for a sweep that cannot; then the points are evaluated in memory on threads (ensemble.hpp)
// and printed in point order as they finish: a text table, CSV or JSON lines (`--json` gathers
// them into one document at the end), and with `--out` into a results store (store_sink.hpp), of
// which `--resume` computes only the points the store's run lacks.
#include <iostream>
#include <memory>
#include <optional>
#include <set>
#include <thread>

#include <fmt/format.h>

#include "command_data.hpp"
#include "console.hpp"
#include "exit_codes.hpp"
#include "option_values.hpp"
#include "progress.hpp"
#include "scenario_args.hpp"
#include "stratstab/ensemble.hpp"
#include "stratstab/ensemble_mpi.hpp"
#include "stratstab/grid.hpp"
#include "stratstab/inactive_key.hpp"
#include "stratstab/json.hpp"
#include "stratstab/report.hpp"
#include "stratstab/results_store.hpp"
#include "stratstab/scenario_hash.hpp"
#include "stratstab/store_sink.hpp"
#include "stratstab/sweep.hpp"
#include "stratstab/version.hpp"

namespace stratstab::app {
namespace {

struct SweepRequest {
  std::string scenario;
  std::vector<std::string> params;  ///< `--param`, as typed: KEY=VALUES, or one KEY with --values/--range
  std::string values;
  std::string range;
  bool use_values = false;
  bool use_range = false;  ///< --range was given (its text may be empty, which is an error of its own)
  ScenarioArgs args;
  bool json = false;
  bool jsonl = false;
  bool csv = false;
  std::string samples;  ///< --samples N: a band per point from the uncertain inputs
  std::string seed = "1";
  std::string threads = "0";
  std::string max_points;  ///< --max-points N, or "" (the default limit, kSweepConfirmPoints)
  bool yes = false;
  bool quiet = false;
  std::string out;      ///< --out FILE.sqlite: the results store, or ""
  bool resume = false;  ///< --resume: continue the latest run of the same command line in --out
};

/// The command line a store records and `--resume` looks a run up by: the options as given, in a
/// fixed order, less those that do not change the points (`--resume`, `--threads`, `--quiet` and
/// the printed format `--csv`, `--jsonl`, `--json`), so that the resumed command may differ from the
/// first only in those.
std::string store_command_line(const SweepRequest& request) {
  std::string line = "stratstab sweep " + request.scenario;
  for (const std::string& p : request.params) line += " --param " + p;
  if (request.use_values) line += " --values " + request.values;
  if (request.use_range) line += " --range " + request.range;
  for (const std::string& s : request.args.sets) line += " --set " + s;
  if (request.args.allow_mismatched_force) line += " --allow-mismatched-force";
  if (!request.max_points.empty()) line += " --max-points " + request.max_points;
  if (request.yes) line += " --yes";
  return line + " --out " + request.out;
}

/// The axes of the command line: `--param KEY` with `--values` or `--range` (one axis), or each
/// `--param KEY=VALUES`.
std::vector<GridAxis> sweep_axes(const SweepRequest& request) {
  std::vector<GridAxis> axes;
  if (request.use_values || request.use_range) {
    check_sweep_param(request.params.front());
    axes.push_back(GridAxis{request.params.front(), request.use_range
                                                        ? parse_sweep_range(request.range, kMaxAxisValues)
                                                        : parse_sweep_values(request.values, kMaxAxisValues)});
    return axes;
  }
  for (const std::string& text : request.params) axes.push_back(parse_grid_axis(text));
  return axes;
}

/// What the output needs from the scenario, read while every value is checked.
struct CheckedSweep {
  Sweep sweep;                        ///< scenario, param (the paths joined), form; no points
  std::vector<std::string> inactive;  ///< per axis: why it cannot change the result, or ""
  std::array<std::string, 2> sides;
};

/// Loads the scenario with each value of each axis (the other axes at the file's values), so that
/// every bad value is reported at once and nothing is printed for a sweep that cannot run. A
/// problem that does not depend on the value (in the file, or a misspelt key) comes back for every
/// value and is reported once: diagnostics are told apart with the value left out of the `--set
/// KEY=VALUE` label the loader gives a problem at an overridden key. Warnings are printed once.
CheckedSweep check_sweep(const SweepRequest& request, const Grid& grid, const std::filesystem::path& file,
                         const DataCatalog& catalog) {
  CheckedSweep checked;
  std::vector<Override> overrides = request.args.overrides();
  overrides.emplace_back();
  std::vector<Diagnostic> problems;
  std::vector<Diagnostic> warnings;
  std::set<std::string> seen;
  bool first = true;
  for (const GridAxis& axis : grid.axes()) {
    if (!checked.sweep.param.empty()) checked.sweep.param += ", ";
    checked.sweep.param += axis.path;
    checked.inactive.emplace_back();
    bool first_of_axis = true;
    for (const std::string& value : axis.values) {
      overrides.back() = Override{axis.path, value};
      LoadResult<Scenario> loaded = read_scenario(file, overrides, &catalog, request.args.read_options());
      const std::string label = "--set " + axis.path + "=" + value;
      for (Diagnostic& d : loaded.diagnostics) {
        Diagnostic any_value = d;
        if (any_value.where.file == label) any_value.where.file = "--set " + axis.path + "=*";
        if (!seen.insert(format_diagnostic(any_value)).second) continue;
        (d.severity == Severity::kError ? problems : warnings).push_back(std::move(d));
      }
      if (!loaded.value || !first_of_axis) continue;
      first_of_axis = false;
      const Scenario& scenario = *loaded.value;
      checked.inactive.back() = inactive_key_reason(scenario, axis.path).value_or("");
      if (!first) continue;
      first = false;
      checked.sweep.scenario = scenario.name;
      checked.sweep.real = scenario.is_real();
      checked.sides = {scenario.sides[0].id, scenario.sides[1].id};
      if (scenario.is_three_sided()) {
        const auto& s = scenario.sides;
        checked.sweep.pairs = {s[0].id + "-" + s[1].id, s[0].id + "-" + s[2].id, s[1].id + "-" + s[2].id};
      }
    }
  }
  if (!problems.empty()) throw InputError(std::move(problems));
  print_warnings(warnings);
  return checked;
}

/// Text rows, printed (and flushed) as each point is written; the progress line is cleared first.
class TextSink final : public PointSink {
 public:
  TextSink(const SweepTable& table, const Grid& grid, ProgressLine& progress)
      : table_(table), grid_(grid), progress_(progress) {}
  void write(const GridPoint& point) override {
    progress_.finish();
    console_out() << format_grid_row(table_, grid_, point) << std::flush;
  }

 private:
  const SweepTable& table_;
  const Grid& grid_;
  ProgressLine& progress_;
};

class CsvSink final : public PointSink {
 public:
  CsvSink(const Grid& grid, ProgressLine& progress) : grid_(grid), progress_(progress) {}
  void write(const GridPoint& point) override {
    progress_.finish();
    console_out() << format_grid_csv_row(grid_, point) << std::flush;
  }

 private:
  const Grid& grid_;
  ProgressLine& progress_;
};

class JsonLinesSink final : public PointSink {
 public:
  JsonLinesSink(const Grid& grid, ProgressLine& progress) : grid_(grid), progress_(progress) {}
  void write(const GridPoint& point) override {
    progress_.finish();
    console_out() << grid_point_to_json(grid_, point).dump() << '\n' << std::flush;
  }

 private:
  const Grid& grid_;
  ProgressLine& progress_;
};

/// `--json`: one document, so the points are gathered (memory grows with the points; --jsonl does not).
class JsonSink final : public PointSink {
 public:
  JsonSink(const Grid& grid, Sweep& sweep) : grid_(grid), sweep_(sweep) {}
  void write(const GridPoint& point) override {
    if (grid_.axes().size() == 1) {
      sweep_.points.push_back(point.result);
    } else {
      points_.push_back(grid_point_to_json(grid_, point));
    }
  }
  [[nodiscard]] const nlohmann::json& points() const { return points_; }

 private:
  const Grid& grid_;
  Sweep& sweep_;
  nlohmann::json points_ = nlohmann::json::array();
};

/// `--out FILE.sqlite [--resume]`: runs the grid into a run of the store (a new one, or with
/// `--resume` the latest run of the same command line, of which only the missing points are
/// computed), each point also written to `printed` when given. Returns false when a resumed run was
/// complete (nothing computed, said on stderr).
/// A sink for the ranks of an MPI job other than the writer (their points go to rank 0's sink).
class NullSink final : public PointSink {
 public:
  void write(const GridPoint& /*point*/) override {}
};

bool run_into_store(const SweepRequest& request, const Grid& grid, const GridEvaluator& evaluator,
                    const Scenario& scenario, const std::vector<Override>& overrides,
                    const std::array<std::string, 2>& sides, PointSink* printed, const GridRunOptions& options,
                    ProgressLine& progress, const MpiSession& mpi) {
  // Under mpirun the other ranks only compute: rank 0 alone opens and writes the store.
  if (!mpi.writer()) {
    NullSink none;
    mpi.run(evaluator, none, options);
    return false;
  }
  RunDescription run;
  run.scenario_hash = scenario_hash(scenario, overrides);
  run.tool_version = std::string(kVersion);
  run.command_line = store_command_line(request);
  run.seed = 0;  // a grid draws nothing
  run.points_planned = grid.size();
  for (const GridAxis& axis : grid.axes()) run.input_columns.push_back(axis.path);
  run.output_columns = grid_output_columns(sides);
  ResultsStore store = ResultsStore::open(request.out);
  std::optional<std::int64_t> id;
  if (request.resume) id = store.find_run_to_resume(run);
  std::vector<bool> done;
  std::size_t stored = 0;
  if (id) {
    done = store.done_points(*id);
    for (const bool d : done) stored += d ? 1 : 0;
    if (stored == grid.size()) {
      if (mpi.size() > 1) {
        // The other ranks are waiting for batches: every point skipped, so none is assigned.
        StoreSink all_done(store, *id, grid, std::move(done), nullptr);
        mpi.run(evaluator, all_done, options);
      }
      console_err() << fmt::format("stratstab: run {} of {} holds all {} points already; nothing to compute\n", *id,
                                   request.out, grid.size());
      return false;
    }
  } else {
    id = store.begin_run(run);
  }
  StoreSink sink(store, *id, grid, std::move(done), printed);
  const GridRunStats stats = mpi.run(evaluator, sink, options);
  progress.finish();
  console_err() << fmt::format("stratstab: run {} of {}: {} points computed{}\n", *id, request.out, stats.written,
                               stored > 0 ? fmt::format(", {} already stored", stored) : "");
  return true;
}

/// Runs the sweep: text, CSV and JSON-lines rows are printed as each point is written, JSON at the end.
void run_sweep(const SweepRequest& request, const DataCatalog& catalog) {
  // Under mpirun every rank runs the command and rank 0 alone writes (ensemble_mpi.hpp).
  const MpiSession mpi;
  if (!mpi.writer()) console_out().rdbuf(nullptr);
  const Grid grid(sweep_axes(request));
  const std::size_t max_points =
      request.max_points.empty()
          ? 0
          : static_cast<std::size_t>(whole_number_option(request.max_points, "--max-points", 1, 2000000000, "points"));
  check_grid_size(grid.size(), max_points, request.yes);
  // --samples is read before anything runs, so that a bad count does not wait for the grid.
  const std::size_t samples =
      request.samples.empty()
          ? 0
          : static_cast<std::size_t>(whole_number_option(request.samples, "--samples", 1, 1000000, "samples"));
  if (samples > 0 && (request.csv || request.jsonl)) {
    throw InputError({key_error("--samples",
                                "the bands (--samples) are printed after the text table or in --json; --csv and "
                                "--jsonl stream the points alone, so give one of those without --samples",
                                "command line")});
  }
  if (request.resume && (request.csv || request.jsonl || request.json)) {
    // What a resumed run computes is only the points its store lacks: printed, they would be a
    // grid with holes. The whole grid is in the store.
    throw InputError({key_error("--resume",
                                "a resumed run prints no rows (it computes only the points the store lacks); "
                                "drop --csv, --jsonl and --json and read the whole grid from the store, e.g. "
                                "sqlite3 -header -csv " +
                                    request.out + " 'SELECT * FROM points WHERE run_id = N ORDER BY point_index'",
                                "command line")});
  }
  if (!request.out.empty() && !request.samples.empty()) {
    throw InputError({key_error("--samples",
                                "the results store (--out) holds the grid's points, not bands; run --samples "
                                "without --out",
                                "command line")});
  }
  const unsigned threads = threads_option(request.threads);
  const std::filesystem::path file = catalog.scenario_path(request.scenario);
  // Under mpirun rank 0 alone checks every value (a failure there ends the job) and the others,
  // which print nothing, skip the serial loads that would otherwise delay their first batch.
  CheckedSweep checked = mpi.writer() ? check_sweep(request, grid, file, catalog) : CheckedSweep{};
  checked.inactive.resize(grid.axes().size());
  Sweep& sweep = checked.sweep;
  if (grid.axes().size() == 1) sweep.inactive = checked.inactive.front();
  for (std::size_t k = 0; k < grid.axes().size(); ++k) {
    if (checked.inactive[k].empty()) continue;
    console_err() << fmt::format(
        "stratstab: warning: {} has no effect in this scenario, so {}: {}\n", grid.axes()[k].path,
        grid.axes().size() == 1 ? "every row is the same" : "it changes no row", checked.inactive[k]);
  }
  const std::vector<Override> base = request.args.overrides();
  const auto load = [&](const std::vector<Override>& extra) {
    std::vector<Override> all = base;
    all.insert(all.end(), extra.begin(), extra.end());
    return load_scenario(file, all, &catalog, request.args.read_options());
  };
  const SweepTable table = grid_table(sweep, grid, checked.sides);
  const GridEvaluator evaluator(grid, load);
  ProgressLine progress("points", !request.quiet);
  GridRunOptions options;
  options.threads = threads;
  options.on_progress = [&progress](std::size_t done, std::size_t total) { progress.update(done, total); };
  std::optional<nlohmann::json> grid_points;
  std::unique_ptr<PointSink> rows;  // what is printed; none with --out alone
  std::unique_ptr<JsonSink> json_sink;
  if (request.json) {
    json_sink = std::make_unique<JsonSink>(grid, sweep);
  } else if (request.csv) {
    console_out() << format_grid_csv_header(grid, checked.sides, checked.sweep.pairs) << std::flush;
    rows = std::make_unique<CsvSink>(grid, progress);
  } else if (request.jsonl) {
    rows = std::make_unique<JsonLinesSink>(grid, progress);
  } else if (request.out.empty()) {
    console_out() << format_sweep_header(table) << std::flush;
    rows = std::make_unique<TextSink>(table, grid, progress);
  }
  PointSink* printed = json_sink ? json_sink.get() : rows.get();
  if (!request.out.empty()) {
    if (!run_into_store(request, grid, evaluator, load(base), base, checked.sides, printed, options, progress, mpi)) {
      return;
    }
  } else {
    mpi.run(evaluator, *printed, options);
  }
  if (json_sink && grid.axes().size() > 1) grid_points = json_sink->points();
  progress.finish();
  std::optional<SweepBands> bands;
  if (!request.samples.empty()) {
    // A band per grid point: the point's values as the last overrides, one per axis.
    std::vector<std::string> params;
    for (const GridAxis& axis : grid.axes()) params.push_back(axis.path);
    std::vector<std::vector<std::string>> points(grid.size());
    std::vector<std::size_t> at(grid.axes().size());
    for (std::size_t p = 0; p < grid.size(); ++p) {
      grid.indices(p, at);
      for (std::size_t k = 0; k < at.size(); ++k) points[p].push_back(grid.axes()[k].values[at[k]]);
    }
    const auto scenario_at = [&](const std::vector<std::string>& values) {
      std::vector<Override> overrides = base;
      for (std::size_t k = 0; k < params.size(); ++k) overrides.push_back(Override{params[k], values[k]});
      return load_scenario(file, overrides, &catalog, request.args.read_options());
    };
    ProgressLine band_progress("evaluations", !request.quiet);
    bands = sweep_bands(params, points, scenario_at, samples, seed_option(request.seed), threads,
                        [&band_progress](std::size_t done, std::size_t total) { band_progress.update(done, total); });
  }
  if (request.json) {
    nlohmann::json j = grid_points ? grid_to_json(sweep, grid, checked.inactive, *grid_points) : sweep_to_json(sweep);
    if (bands) j["bands"] = to_json(*bands);
    console_out() << j.dump(2) << '\n';
  } else if (!request.csv && !request.jsonl && request.out.empty()) {
    console_out() << format_sweep_footer(table);
    if (bands) console_out() << '\n' << format_sweep_bands(*bands);
  }
}

}  // namespace

void add_sweep_command(CLI::App& app, const GlobalOptions& global, std::function<int()>& run) {
  CLI::App* sweep = app.add_subcommand(
      "sweep", "First-strike stability over a grid of scenario keys' values (one row per point, as each finishes)");
  auto request = std::make_shared<SweepRequest>();
  sweep->add_option("SCENARIO", request->scenario, "Scenario file, or the name of a bundled scenario (data/scenarios)")
      ->required();
  sweep
      ->add_option("--param", request->params,
                   "An axis KEY=VALUES, VALUES a list a,b,c or a range FROM:TO:STEP (TO included); repeat for a grid "
                   "of every combination (the last axis varies fastest). KEY is a dotted path as --set takes it, "
                   "e.g. sides.A.abstract.alert or 'sides.US.defence.layers[0].sspk'. Or one KEY with --values or "
                   "--range")
      ->required()
      ->allow_extra_args(false);
  CLI::Option_group* over = sweep->add_option_group("values", "The values of a single --param KEY (one of)");
  CLI::Option* values =
      over->add_option("--values", request->values, "Comma-separated values, e.g. 0.3,0.5,0.7 or false,true");
  CLI::Option* range = over->add_option("--range", request->range, "FROM:TO:STEP, TO included, e.g. 0:1:0.1");
  over->require_option(0, 1);
  add_scenario_args(*sweep, request->args, "Override another key at every point, e.g. --set options.posture=generated");
  sweep->add_option("--threads", request->threads, "Threads (default: every core)");
  sweep->add_option("--max-points", request->max_points,
                    "Run a sweep of at most N points without asking (default: above " +
                        std::to_string(kSweepConfirmPoints) + " points a sweep needs --yes)");
  sweep->add_flag("--yes", request->yes,
                  "Run a sweep above " + std::to_string(kSweepConfirmPoints) + " points without --max-points");
  sweep->add_option("--samples", request->samples,
                    "Also draw the scenario's uncertain inputs N times (the same draws at every point) and give each "
                    "point's 5-95% band of the index and how often it is the lowest point (each point of a grid)");
  sweep->add_option("--seed", request->seed, "Seed of the draws with --samples (default 1)");
  sweep->add_flag("--quiet", request->quiet, "No progress line on stderr");
  CLI::Option* out = sweep->add_option(
      "--out", request->out,
      "Write every point into the SQLite results store FILE (created if absent; each command a new run); "
      "with --csv, --jsonl or --json the rows are printed too");
  sweep
      ->add_flag("--resume", request->resume,
                 "With --out: continue the latest run of the same command line in FILE (the same scenario and "
                 "files), computing only the points it lacks")
      ->needs(out);
  CLI::Option_group* format = sweep->add_option_group("format", "Output (one of; default a text table)");
  format->add_flag("--json", request->json,
                   "Print JSON at the end: scenario, param (params with several axes), points[] (value or values, "
                   "index, sides, exchanges)");
  format->add_flag("--jsonl", request->jsonl, "Print one JSON object per point as it finishes (point, values, ...)");
  format->add_flag("--csv", request->csv, "Print CSV, one row per point as it finishes");
  format->require_option(0, 1);
  sweep->callback([&run, &global, request, values, range] {
    request->use_values = values->count() > 0;
    request->use_range = range->count() > 0;
    const bool single = request->use_values || request->use_range;
    if (single && request->params.size() != 1) {
      throw CLI::ValidationError("--values/--range",
                                 "go with a single --param KEY; for a grid give --param KEY=VALUES");
    }
    if (single && request->params.front().find('=') != std::string::npos) {
      throw CLI::ValidationError("--param", "with --values or --range give KEY alone, not KEY=VALUES");
    }
    if (!single) {
      for (const std::string& p : request->params) {
        if (p.find('=') == std::string::npos) {
          throw CLI::ValidationError("--param", "'" + p + "' needs values: KEY=VALUES, or KEY with --values/--range");
        }
      }
    }
    run = [&global, request] {
      run_sweep(*request, open_catalog(global));
      return kExitOk;
    };
  });
}

}  // namespace stratstab::app

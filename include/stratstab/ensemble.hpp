// A grid sweep evaluated in memory: the scenario is loaded once (once
// per combination of the axes that cannot be set in memory), and each point is that scenario with
// the numbers of the other axes stored through accessors resolved once (scenario_inputs.hpp), so a
// point costs what an evaluation costs. Points are evaluated on threads and handed to a sink one by
// one in point order, through a bounded reorder buffer, so memory stays constant in the number of
// points and the output does not depend on the thread count.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>
#include <span>
#include <vector>

#include "stratstab/grid.hpp"
#include "stratstab/scenario.hpp"
#include "stratstab/sweep.hpp"

namespace stratstab {

/// One evaluated point: its index in the grid, its value index on each axis and the outputs.
struct GridPoint {
  std::size_t index = 0;
  std::vector<std::size_t> at;  ///< value index per axis (Grid::indices)
  SweepPoint result;            ///< result.value is Grid::label(at)
};

/// Where the points go: text rows, CSV, JSON lines, or a results store. `write` is called once per
/// point not skipped, in increasing point order, from the thread that called run_grid; `skip` is
/// called from the worker threads (concurrently: it must be safe to call so, e.g. a lookup in a set
/// read before the run) and a point it skips is neither evaluated nor written, which is how a
/// resumed run leaves out the points a store already holds.
class PointSink {
 public:
  PointSink() = default;
  virtual ~PointSink() = default;
  PointSink(const PointSink&) = delete;
  PointSink& operator=(const PointSink&) = delete;
  PointSink(PointSink&&) = delete;
  PointSink& operator=(PointSink&&) = delete;

  virtual void write(const GridPoint& point) = 0;
  [[nodiscard]] virtual bool skip(std::size_t /*index*/) const { return false; }
  /// After the last point (a store commits its last batch here); not called when the run throws.
  virtual void finish() {}
};

/// How an axis is applied at a point.
enum class AxisMode {
  kInMemory,  ///< a number of the scenario, stored through an InputAccessor
  kReloaded,  ///< anything else (a word, a snapshot id): one loaded scenario per combination
};

/// Evaluates the points of a grid. Construction loads the scenario once per combination of the
/// reloaded axes' values (`load(overrides)`: the scenario with the command's own overrides and then
/// `overrides`, i.e. what `--set` would give; its errors propagate); evaluation is pure and
/// reentrant given one Workspace per thread.
///
/// An axis is in memory when every value is a plain number (`std::from_chars`) and its path
/// resolves to a number of the scenario; before trusting it, the first and last values are set in
/// memory and also loaded, and the two evaluations must agree bit for bit (else the axis is
/// reloaded), so that an in-memory point is the point `sweep --set` would give. A figure of a force
/// snapshot is stored before preparation and the scenario prepared again at each point (the upload
/// and the derived w80 depend on it); any other number is stored into the prepared scenario.
class GridEvaluator {
 public:
  using Loader = std::function<Scenario(const std::vector<Override>& overrides)>;
  /// Combinations of reloaded axes held in memory at once; above it, each point is loaded under a
  /// lock (correct, and as slow as loading per point).
  static constexpr std::size_t kMaxLoadedCombinations = 256;

  /// `max_loaded`: the combinations held at most (kMaxLoadedCombinations; tests lower it).
  GridEvaluator(const Grid& grid, Loader load, std::size_t max_loaded = kMaxLoadedCombinations);
  /// Whether each combination of the reloaded axes is held (else loaded per point under a lock).
  [[nodiscard]] bool holds_combinations() const { return !combinations_.empty(); }
  ~GridEvaluator();
  GridEvaluator(const GridEvaluator&) = delete;
  GridEvaluator& operator=(const GridEvaluator&) = delete;
  GridEvaluator(GridEvaluator&&) = delete;
  GridEvaluator& operator=(GridEvaluator&&) = delete;

  [[nodiscard]] const Grid& grid() const { return grid_; }
  [[nodiscard]] AxisMode mode(std::size_t axis) const { return modes_.at(axis); }

  /// One thread's scratch: a copy of the prepared scenario of the combination last evaluated.
  struct Workspace;
  /// Shared (not unique) so that its deleter is the one of the file that defines it.
  [[nodiscard]] std::shared_ptr<Workspace> workspace() const;
  /// The point `index`, `at` its value indices.
  [[nodiscard]] SweepPoint evaluate(std::size_t index, std::span<const std::size_t> at, Workspace& workspace) const;
  /// The point with every axis loaded with `--set` (the reference in-memory points must equal).
  [[nodiscard]] SweepPoint evaluate_loaded(std::span<const std::size_t> at) const;

 private:
  struct Combination;
  [[nodiscard]] std::size_t combination_of(std::span<const std::size_t> at) const;
  [[nodiscard]] std::vector<Override> reloaded_overrides(std::span<const std::size_t> at) const;
  [[nodiscard]] SweepPoint evaluate_in(const Combination& c, std::span<const std::size_t> at,
                                       Workspace& workspace) const;
  void resolve(Combination& c) const;

  const Grid& grid_;
  Loader load_;
  std::vector<AxisMode> modes_;
  std::vector<std::vector<double>> numbers_;                ///< per in-memory axis, its values as numbers
  std::vector<std::size_t> reloaded_;                       ///< the reloaded axes, in axis order
  bool reprepare_ = false;                                  ///< an in-memory axis is a snapshot figure
  std::vector<std::unique_ptr<Combination>> combinations_;  ///< empty above max_loaded
  mutable std::mutex load_lock_;
};

/// What run_grid is told besides the grid.
struct GridRunOptions {
  unsigned threads = 1;    ///< worker threads (at least 1)
  std::size_t chunk = 0;   ///< points a worker takes at a time; 0: chosen from the size and threads
  std::size_t window = 0;  ///< chunks held for reordering at most; 0: 4 per thread
  /// Called from the calling thread after each chunk is written: points done (written or skipped)
  /// of the total.
  std::function<void(std::size_t done, std::size_t total)> on_progress;
};

/// What a run did: the points written and skipped, and the most evaluated points it held at once
/// waiting for an earlier chunk (at most window * chunk, whatever the grid's size).
struct GridRunStats {
  std::size_t written = 0;
  std::size_t skipped = 0;
  std::size_t peak_held = 0;
  std::size_t chunk = 0;   ///< the chunk size used
  std::size_t window = 0;  ///< the window used, in chunks
};

/// Evaluates every point of the evaluator's grid not skipped by `sink` and writes each to `sink` in
/// point order. Workers take chunks of consecutive points and may run at most `window` chunks ahead
/// of the last written, so memory is bounded whatever the grid's size; each point is computed from
/// the scenario alone, so the output is the same for any thread count. An exception of a point or
/// of the sink stops the run and is rethrown after the workers have stopped.
GridRunStats run_grid(const GridEvaluator& evaluator, PointSink& sink, const GridRunOptions& options);

}  // namespace stratstab

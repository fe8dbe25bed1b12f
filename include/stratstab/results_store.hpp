// The results store of an ensemble run (`stratstab sweep ... --out FILE.sqlite [--resume]`): an
// SQLite file with one row per run and one row per computed point, written in batched transactions
// so that a run killed at any moment leaves a valid store from which `--resume` computes only the
// missing points. Tables and columns: docs/usersguide.md, "The results store".
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace stratstab {

/// What identifies a run and what its points hold.
struct RunDescription {
  std::string scenario_hash;  ///< scenario_hash() of the scenario and the files it read
  std::string tool_version;   ///< kVersion of the tool that computes the points
  /// The command as typed, less the options that do not change the points (`--resume`, `--threads`,
  /// `--quiet`): `--resume` continues the latest run of the same command line.
  std::string command_line;
  /// The run's random seed (0 when it draws nothing). SQLite integers are signed 64-bit: a seed
  /// above 2^63 - 1 is stored as its two's-complement bits and reads back here unchanged.
  std::uint64_t seed = 0;
  std::size_t points_planned = 0;           ///< points 0 .. points_planned - 1
  std::vector<std::string> input_columns;   ///< swept key paths, e.g. `sides.US.defence.interceptors`
  std::vector<std::string> output_columns;  ///< e.g. `US.C1`
};

/// One swept input's value, stored as SQLite's value of the same type: a number (REAL), a whole
/// number such as a count of interceptors (INTEGER, shown as `500` rather than `500.0`), or a word
/// for an axis of words such as a posture (TEXT).
using StoredValue = std::variant<double, std::int64_t, std::string>;

/// One computed point: its index in the run and a value per input and per output column.
struct StoredPoint {
  std::size_t index = 0;
  std::vector<StoredValue> inputs;
  std::vector<double> outputs;  ///< NaN is stored as NULL
};

/// When a batch of written points is committed: at `batch_points` points or once `batch_time` has
/// passed since the batch's first point, whichever comes first. A kill loses at most one batch.
struct StoreOptions {
  std::size_t batch_points = 1000;
  std::chrono::milliseconds batch_time{1000};
};

/// An open results store, with one writer (the process that opened it). Committed batches survive
/// SIGKILL at any moment: SQLite's write-ahead log (`journal_mode=WAL`) makes each commit atomic.
/// With `synchronous=NORMAL` a power loss or OS crash may lose the last committed batches but
/// never corrupts the file; they are recomputed by `--resume`.
class ResultsStore {
 public:
  /// Creates the store or opens an existing one. Throws InputError naming the file when it cannot
  /// be opened or written, is not an SQLite database, or is an SQLite database of another tool
  /// or of another store format version.
  static ResultsStore open(const std::filesystem::path& file, const StoreOptions& options = {});
  /// Commits the points written so far (a failure there is dropped: the batch is recomputed by
  /// `--resume`).
  ~ResultsStore();
  ResultsStore(ResultsStore&& other) noexcept;
  ResultsStore& operator=(ResultsStore&& other) noexcept;
  ResultsStore(const ResultsStore&) = delete;
  ResultsStore& operator=(const ResultsStore&) = delete;

  /// A new run (its start time now, UTC); its columns are added to `points` where missing.
  /// Throws InputError for an empty, duplicate or reserved column name.
  std::int64_t begin_run(const RunDescription& run);
  /// The latest run of the same command line, if any. Throws InputError naming the file when that
  /// run was computed from another scenario (another hash), by another tool version, with another
  /// seed, point count or columns: resuming it would mix two computations.
  std::optional<std::int64_t> find_run_to_resume(const RunDescription& run);
  /// Per point of `run`, whether it is stored (committed or in the pending batch): one bit a point,
  /// so a resumed run of 10^6 points needs 125 kB for it (0.4 s to read on this machine).
  std::vector<bool> done_points(std::int64_t run);
  /// The indices of the points of `run` not stored, ascending (8 bytes a missing point: for large
  /// runs iterate done_points instead).
  std::vector<std::size_t> missing_points(std::int64_t run);
  /// Adds a point to the pending batch, committing the batch when it is full or old enough
  /// (StoreOptions). A point already stored is left as it is (never duplicated). Throws Error for
  /// an index past points_planned or a wrong number of values.
  void write(std::int64_t run, const StoredPoint& point);
  /// Commits the pending batch now.
  void flush();
  /// Commits the pending batch and records the run's end time (UTC).
  void finish_run(std::int64_t run);

  [[nodiscard]] const std::filesystem::path& file() const;

 private:
  struct Impl;
  explicit ResultsStore(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace stratstab

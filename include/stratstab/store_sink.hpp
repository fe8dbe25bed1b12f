// The grid runner's sink into a results store (`stratstab sweep ... --out FILE.sqlite [--resume]`):
// each point written becomes one row of the store's `points` table, with the same columns and values
// as the row `sweep --csv` prints, and the points a store already holds are skipped, so a resumed run
// computes only the missing ones.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "stratstab/ensemble.hpp"
#include "stratstab/grid.hpp"
#include "stratstab/results_store.hpp"

namespace stratstab {

/// The output columns of a grid point, named as the `sweep --csv` header names them: `index`, then
/// per side `US.c1`, `US.c2`, `US.ratio`, then per first strike `US->RU.s_star`,
/// `US->RU.victim_surviving` and `US->RU.retaliation_arriving` (side 0 striking side 1 first).
std::vector<std::string> grid_output_columns(const std::array<std::string, 2>& sides);

/// An axis's values as the store keeps them, one type per axis so that a column holds one type:
/// INTEGER when every value is a whole number (`500`, `-3`), else REAL when every value is a number
/// (`0`, `0.25`, `1e3`: a range from 0 in steps of 0.05 is REAL throughout), else TEXT as written
/// (`generated`, `true`). A number is read from its text as `--set` reads it, so the stored double
/// is the one the point was computed with.
std::vector<StoredValue> stored_axis_values(const GridAxis& axis);

/// One grid point as a store row: each axis's value (`axis_values[k]`, stored_axis_values of axis k)
/// and the outputs in the order of grid_output_columns.
StoredPoint stored_grid_point(const std::vector<std::vector<StoredValue>>& axis_values, const GridPoint& point);

/// Writes every point into `run` of `store`, and also to `also` when given (the rows printed with
/// `--csv`, `--jsonl`, ...). `done` (ResultsStore::done_points, one bit a point) says which points
/// are stored already: skip() reads it only, so the workers may call it concurrently. finish()
/// commits the last batch and records the run's end time.
class StoreSink final : public PointSink {
 public:
  StoreSink(ResultsStore& store, std::int64_t run, const Grid& grid, std::vector<bool> done, PointSink* also = nullptr);
  void write(const GridPoint& point) override;
  [[nodiscard]] bool skip(std::size_t index) const override;
  void finish() override;

 private:
  ResultsStore& store_;
  std::int64_t run_;
  std::vector<std::vector<StoredValue>> axis_values_;  ///< per axis, stored_axis_values
  std::vector<bool> done_;
  PointSink* also_;
};

}  // namespace stratstab

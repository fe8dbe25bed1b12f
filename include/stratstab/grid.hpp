// The points of a multi-axis `stratstab sweep`: each axis is one key path with its
// values, and the points are the full product of the axes in row-major order (the last axis varies
// fastest, as nested loops with the first axis outermost would give them). A point is named by its
// index alone; its value on each axis is computed from the index, so a grid of 10^6 points takes
// the memory of its axes' values, not of its points.
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace stratstab {

/// Points above which a sweep asks to be confirmed (`--yes`, or `--max-points` at least the count):
/// a real-side point is an evaluation (about 0.3 ms of CPU for the default scenario, more with
/// defences and warning), and a grid past 10,000 points is as likely a slip in a range as a plan
/// (docs/usersguide.md, "Several keys at once: a grid").
inline constexpr std::size_t kSweepConfirmPoints = 10000;

/// Values one axis may hold: its values are kept as text (they are the YAML scalars a `--set` would
/// take), about 30 bytes each, so this bounds an axis at a few hundred megabytes.
inline constexpr std::size_t kMaxAxisValues = 10000000;

/// Points a grid may have at all: point indices are stored in 64 bits, and above 2^53 they would no
/// longer be exact as JSON numbers.
inline constexpr std::size_t kMaxGridPoints = std::size_t{1} << 53U;

/// One swept key and its values in order.
struct GridAxis {
  std::string path;                 ///< a dotted key path as `--set` takes it
  std::vector<std::string> values;  ///< YAML scalars, as written or as a range writes them
};

/// `--param KEY=VALUES`: VALUES is `FROM:TO:STEP` (parse_sweep_range) when it contains a ':', else a
/// comma-separated list `a,b,c` (parse_sweep_values). Throws InputError located at `--param` on the
/// command line for a KEY that is not a key path, an empty VALUES or an empty entry, and a range that
/// is not three numbers, has a zero or negative STEP or TO below FROM.
GridAxis parse_grid_axis(std::string_view text);

class Grid {
 public:
  /// Throws InputError located at `--param` when there is no axis, two axes have the same path, an
  /// axis has no value, or the product exceeds kMaxGridPoints.
  explicit Grid(std::vector<GridAxis> axes);

  [[nodiscard]] const std::vector<GridAxis>& axes() const { return axes_; }
  /// The number of points: the product of the axes' value counts.
  [[nodiscard]] std::size_t size() const { return size_; }
  /// The value index on each axis of point `point` (< size()); `at.size()` must be axes().size().
  /// Row-major: point = sum_k at[k] * stride_k with stride_k the product of the later axes' sizes.
  void indices(std::size_t point, std::span<std::size_t> at) const;
  [[nodiscard]] std::vector<std::size_t> indices(std::size_t point) const;
  /// The inverse of indices().
  [[nodiscard]] std::size_t point_of(std::span<const std::size_t> at) const;
  /// The values of point `point` joined by ',' (a single axis: its value as written).
  [[nodiscard]] std::string label(std::span<const std::size_t> at) const;

 private:
  std::vector<GridAxis> axes_;
  std::vector<std::size_t> strides_;
  std::size_t size_ = 0;
};

/// Checks a grid's size against the limit before anything runs: above `max_points` (when given,
/// i.e. non-zero) or else above kSweepConfirmPoints without `yes`, throws InputError located at
/// `--param` saying how many points the grid has and how to proceed (`--yes`, `--max-points`).
void check_grid_size(std::size_t points, std::size_t max_points, bool yes);

}  // namespace stratstab

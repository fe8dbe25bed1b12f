// The axes and points of a grid sweep (grid.hpp): `--param KEY=VALUES` read into an axis, the
// product of the axes indexed in row-major order, and the size limit checked before anything runs.
#include "stratstab/grid.hpp"

#include <set>
#include <stdexcept>

#include <fmt/format.h>

#include "stratstab/error.hpp"
#include "stratstab/scenario.hpp"
#include "stratstab/sweep.hpp"

namespace stratstab {
namespace {

constexpr const char* kCommandLine = "command line";

[[noreturn]] void fail(std::string message) {
  throw InputError({key_error("--param", std::move(message), kCommandLine)});
}

}  // namespace

GridAxis parse_grid_axis(std::string_view text) {
  const auto equals = text.find('=');
  if (equals == std::string_view::npos) {
    fail(
        fmt::format("expected KEY=VALUES (e.g. sides.A.abstract.alert=0:1:0.1 or options.posture=day_to_day,"
                    "generated), or KEY with --values or --range; got '{}'",
                    text));
  }
  GridAxis axis{std::string(text.substr(0, equals)), {}};
  const std::string_view values = text.substr(equals + 1);
  if (!Override::is_key_path(axis.path)) {
    fail(fmt::format("'{}' in '{}' is not a dotted key path as --set takes it, e.g. sides.A.abstract.alert", axis.path,
                     text));
  }
  if (values.find_first_not_of(" \t") == std::string_view::npos) {
    fail(fmt::format("no values after '=' in '{}'; expected a list a,b,c or a range FROM:TO:STEP", text));
  }
  // The value parsers locate their errors at --values or --range; here the option is --param.
  try {
    axis.values = values.find(':') != std::string_view::npos ? parse_sweep_range(values, kMaxAxisValues)
                                                             : parse_sweep_values(values, kMaxAxisValues);
  } catch (const InputError& e) {
    fail(fmt::format("{}: {}", axis.path, e.diagnostics().front().message));
  }
  return axis;
}

Grid::Grid(std::vector<GridAxis> axes) : axes_(std::move(axes)) {
  if (axes_.empty()) fail("a sweep needs at least one axis (--param KEY=VALUES)");
  std::set<std::string> seen;
  for (const GridAxis& axis : axes_) {
    if (!seen.insert(axis.path).second) {
      fail(fmt::format("{} is given twice; give each key once, with all its values", axis.path));
    }
    if (axis.values.empty()) fail(fmt::format("{} has no values", axis.path));
  }
  // Strides from the last axis (stride 1) back to the first, refusing a product past the limit
  // before it can overflow.
  strides_.assign(axes_.size(), 1);
  std::size_t product = 1;
  for (std::size_t k = axes_.size(); k-- > 0;) {
    strides_[k] = product;
    const std::size_t n = axes_[k].values.size();
    if (product > kMaxGridPoints / n) {
      fail(fmt::format("the axes' product exceeds {} points; sweep fewer values", kMaxGridPoints));
    }
    product *= n;
  }
  size_ = product;
}

void Grid::indices(std::size_t point, std::span<std::size_t> at) const {
  if (point >= size_ || at.size() != axes_.size()) throw std::out_of_range("Grid::indices: no such point");
  for (std::size_t k = 0; k < axes_.size(); ++k) {
    at[k] = point / strides_[k];
    point %= strides_[k];
  }
}

std::vector<std::size_t> Grid::indices(std::size_t point) const {
  std::vector<std::size_t> at(axes_.size());
  indices(point, at);
  return at;
}

std::size_t Grid::point_of(std::span<const std::size_t> at) const {
  if (at.size() != axes_.size()) throw std::out_of_range("Grid::point_of: one index per axis expected");
  std::size_t point = 0;
  for (std::size_t k = 0; k < axes_.size(); ++k) {
    if (at[k] >= axes_[k].values.size()) throw std::out_of_range("Grid::point_of: no such value");
    point += at[k] * strides_[k];
  }
  return point;
}

std::string Grid::label(std::span<const std::size_t> at) const {
  std::string out;
  for (std::size_t k = 0; k < axes_.size(); ++k) {
    if (k > 0) out += ',';
    out += axes_[k].values.at(at[k]);
  }
  return out;
}

void check_grid_size(std::size_t points, std::size_t max_points, bool yes) {
  if (max_points > 0) {
    if (points > max_points) {
      fail(
          fmt::format("the sweep has {} points, above --max-points {}; raise --max-points to at least {} or sweep "
                      "fewer values",
                      points, max_points, points));
    }
    return;
  }
  if (points > kSweepConfirmPoints && !yes) {
    fail(
        fmt::format("the sweep has {} points, above the {} a sweep runs unasked (a real-side point is an "
                    "evaluation, up to milliseconds); give --yes to run it, or --max-points {} to allow that many",
                    points, kSweepConfirmPoints, points));
  }
}

}  // namespace stratstab

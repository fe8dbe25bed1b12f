// The grid runner's sink into a results store: a point becomes the row `sweep --csv` prints.
#include "stratstab/store_sink.hpp"

#include <charconv>
#include <system_error>

namespace stratstab {

std::vector<std::string> grid_output_columns(const std::array<std::string, 2>& sides) {
  std::vector<std::string> columns{"index"};
  for (const std::string& side : sides) {
    for (const char* what : {"c1", "c2", "ratio"}) columns.push_back(side + "." + what);
  }
  // Exchange 0: side 0 strikes side 1; exchange 1: the reverse (SweepPoint::exchanges).
  for (std::size_t i = 0; i < 2; ++i) {
    const std::string strike = sides[i] + "->" + sides[1 - i];
    columns.push_back(strike + ".s_star");
    columns.push_back(strike + ".victim_surviving");
    columns.push_back(strike + ".retaliation_arriving");
  }
  return columns;
}

std::vector<StoredValue> stored_axis_values(const GridAxis& axis) {
  std::vector<std::int64_t> wholes;
  std::vector<double> numbers;
  bool whole = true;
  bool number = true;
  for (const std::string& text : axis.values) {
    const char* first = text.data();
    const char* last = first + text.size();
    if (whole) {
      std::int64_t w = 0;
      const auto [end, error] = std::from_chars(first, last, w);
      whole = !text.empty() && error == std::errc{} && end == last;
      if (whole) wholes.push_back(w);
    }
    double x = 0;
    const auto [end, error] = std::from_chars(first, last, x);
    number = !text.empty() && error == std::errc{} && end == last;
    if (!number) break;
    numbers.push_back(x);
  }
  std::vector<StoredValue> values;
  values.reserve(axis.values.size());
  if (number && whole) {
    for (const std::int64_t w : wholes) values.emplace_back(w);
  } else if (number) {
    for (const double x : numbers) values.emplace_back(x);
  } else {
    for (const std::string& text : axis.values) values.emplace_back(text);
  }
  return values;
}

StoredPoint stored_grid_point(const std::vector<std::vector<StoredValue>>& axis_values, const GridPoint& point) {
  StoredPoint row;
  row.index = point.index;
  row.inputs.reserve(axis_values.size());
  for (std::size_t k = 0; k < axis_values.size(); ++k) row.inputs.push_back(axis_values[k].at(point.at.at(k)));
  const SweepPoint& p = point.result;
  row.outputs.reserve(13);
  row.outputs.push_back(p.index);
  for (const SweepSide& side : p.sides) {
    row.outputs.push_back(side.stability.c1);
    row.outputs.push_back(side.stability.c2);
    row.outputs.push_back(side.stability.ratio);
  }
  for (const SweepExchange& e : p.exchanges) {
    row.outputs.push_back(e.counterforce_spent);
    row.outputs.push_back(e.victim_surviving);
    row.outputs.push_back(e.retaliation_arriving);
  }
  return row;
}

StoreSink::StoreSink(ResultsStore& store, std::int64_t run, const Grid& grid, std::vector<bool> done, PointSink* also)
    : store_(store), run_(run), done_(std::move(done)), also_(also) {
  for (const GridAxis& axis : grid.axes()) axis_values_.push_back(stored_axis_values(axis));
}

void StoreSink::write(const GridPoint& point) {
  store_.write(run_, stored_grid_point(axis_values_, point));
  if (also_ != nullptr) also_->write(point);
}

bool StoreSink::skip(std::size_t index) const {
  return index < done_.size() && done_[index];
}

void StoreSink::finish() {
  store_.finish_run(run_);
  if (also_ != nullptr) also_->finish();
}

}  // namespace stratstab

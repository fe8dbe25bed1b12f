// `sweep --csv`: one row per grid point, written as the point is computed, for a spreadsheet or
// pandas. Numbers are written in the shortest form that reads back to the same double, so a CSV
// row carries the exact values the JSON gives.
#include <fmt/format.h>

#include "stratstab/report.hpp"

namespace stratstab {
namespace {

/// A field as RFC 4180 writes it: quoted when it holds a comma, a quote or a line break.
std::string csv_field(const std::string& text) {
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string out = "\"";
  for (const char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + '"';
}

}  // namespace

std::string format_grid_csv_header(const Grid& grid, const std::array<std::string, 2>& sides,
                                   const std::vector<std::string>& pairs) {
  std::string out = "point";
  for (const GridAxis& axis : grid.axes()) out += "," + csv_field(axis.path);
  out += ",index";
  for (const std::string& side : sides) out += fmt::format(",{0}.c1,{0}.c2,{0}.ratio", side);
  // Exchange 0: side 0 strikes side 1; exchange 1: the reverse (SweepPoint::exchanges).
  for (std::size_t i = 0; i < 2; ++i) {
    out +=
        fmt::format(",{0}->{1}.s_star,{0}->{1}.victim_surviving,{0}->{1}.retaliation_arriving", sides[i], sides[1 - i]);
  }
  for (const std::string& pair : pairs) out += ",pair." + pair;
  return out + '\n';
}

std::string format_grid_csv_row(const Grid& grid, const GridPoint& point) {
  std::string out = std::to_string(point.index);
  for (std::size_t k = 0; k < grid.axes().size(); ++k) out += "," + csv_field(grid.axes()[k].values[point.at[k]]);
  const SweepPoint& p = point.result;
  out += fmt::format(",{}", p.index);
  for (const SweepSide& side : p.sides) {
    out += fmt::format(",{},{},{}", side.stability.c1, side.stability.c2, side.stability.ratio);
  }
  for (const SweepExchange& e : p.exchanges)
    out += fmt::format(",{},{},{}", e.counterforce_spent, e.victim_surviving, e.retaliation_arriving);
  for (const SweepPair& pair : p.pairs) out += fmt::format(",{}", pair.index);
  return out + '\n';
}

}  // namespace stratstab

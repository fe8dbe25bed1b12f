// `sweep` text report: one row per value of the swept key with the index and each side's C1, C2 and
// ratio; for real sides also each first strike's counterforce spend and arriving retaliation, the
// two quantities through which a force or posture change usually moves the index.
#include <algorithm>

#include <fmt/format.h>

#include "display_width.hpp"
#include "stratstab/report.hpp"

namespace stratstab {
namespace {

/// Appends `line` without the blanks that centring the last group label leaves at its end.
void add_line(std::string& out, std::string line) {
  line.erase(line.find_last_not_of(' ') + 1);
  out += line;
  out += '\n';
}

// Six decimals as `assess` prints them, so a row can be matched against an `assess --set` run.
constexpr int kNumber = 9;  // width of 0.123456 and a blank
constexpr int kSpent = 9;
constexpr int kRetaliation = 12;
constexpr int kSideGroup = 3 * (kNumber + 1);
constexpr int kStrikeGroup = kSpent + 1 + kRetaliation + 1;

}  // namespace

SweepTable sweep_table(const Sweep& sweep, const std::vector<std::string>& values, std::array<std::string, 2> sides) {
  SweepTable table;
  table.scenario = sweep.scenario;
  table.param = sweep.param;
  table.real = sweep.real;
  table.points = values.size();
  table.pairs = sweep.pairs;
  // Values may be words in any script: the column is as wide as the widest value looks.
  for (const std::string& value : values) table.value_width = std::max(table.value_width, report::display_width(value));
  table.sides = std::move(sides);
  return table;
}

SweepTable grid_table(const Sweep& sweep, const Grid& grid, std::array<std::string, 2> sides) {
  SweepTable table;
  table.scenario = sweep.scenario;
  table.param = sweep.param;
  table.real = sweep.real;
  table.points = grid.size();
  table.pairs = sweep.pairs;
  table.sides = std::move(sides);
  if (grid.axes().size() == 1) {
    for (const std::string& value : grid.axes().front().values) {
      table.value_width = std::max(table.value_width, report::display_width(value));
    }
    return table;
  }
  // One column per axis, as wide as its path or its widest value; the value group is their span.
  table.value_width = 0;
  for (const GridAxis& axis : grid.axes()) {
    std::size_t width = report::display_width(axis.path);
    for (const std::string& value : axis.values) width = std::max(width, report::display_width(value));
    table.axes.push_back(axis.path);
    table.axis_widths.push_back(width);
    table.value_width += width + (table.axis_widths.size() > 1 ? 1 : 0);
  }
  return table;
}

std::string format_sweep_header(const SweepTable& table) {
  std::string out = fmt::format("Sweep of {} in scenario {} ({} sides): {} point{}\n\n", table.param, table.scenario,
                                table.real ? "real" : "abstract", table.points, table.points == 1 ? "" : "s");
  if (table.points == 0) return out;
  const std::size_t value_width = table.value_width;

  // Two header lines: the group each column belongs to, then the column names.
  std::string groups = fmt::format("{:<{}} {:>{}}", "", value_width, "", kNumber);
  for (const std::string& side : table.sides) groups += fmt::format(" {:^{}}", side, kSideGroup - 1);
  if (!table.pairs.empty()) {
    groups += fmt::format(" {:^{}}", "pair indices", static_cast<int>(table.pairs.size()) * (kNumber + 1) - 1);
  }
  if (table.real) {
    // Exchange 0: side 0 strikes side 1; exchange 1: the reverse (SweepPoint::exchanges).
    for (std::size_t i = 0; i < 2; ++i) {
      groups +=
          fmt::format(" {:^{}}", fmt::format("{} strikes {}", table.sides[i], table.sides[1 - i]), kStrikeGroup - 1);
    }
  }
  add_line(out, std::move(groups));
  if (table.axes.empty()) {
    out += fmt::format("{:<{}} {:>{}}", "value", value_width, "index", kNumber);
  } else {
    for (std::size_t k = 0; k < table.axes.size(); ++k) {
      out += report::pad_right(table.axes[k], table.axis_widths[k]) + " ";
    }
    out += fmt::format("{:>{}}", "index", kNumber);
  }
  for (std::size_t i = 0; i < table.sides.size(); ++i) {
    out += fmt::format(" {:>{}} {:>{}} {:>{}}", "C1", kNumber, "C2", kNumber, "ratio", kNumber);
  }
  for (const std::string& pair : table.pairs) out += fmt::format(" {:>{}}", pair, kNumber);
  if (table.real) {
    for (std::size_t i = 0; i < 2; ++i)
      out += fmt::format(" {:>{}} {:>{}}", "spent", kSpent, "retaliation", kRetaliation);
  }
  out += '\n';
  return out;
}

namespace {

/// The index and each side's and strike's numbers of a row, after its value cell.
std::string row_numbers(const SweepTable& table, const SweepPoint& p) {
  std::string out = fmt::format(" {:>{}.6f}", p.index, kNumber);
  for (const SweepSide& side : p.sides) {
    out += fmt::format(" {:>{}.6f} {:>{}.6f} {:>{}.6f}", side.stability.c1, kNumber, side.stability.c2, kNumber,
                       side.stability.ratio, kNumber);
  }
  for (const SweepPair& pair : p.pairs) out += fmt::format(" {:>{}.6f}", pair.index, kNumber);
  if (table.real) {
    for (const SweepExchange& e : p.exchanges) {
      out += fmt::format(" {:>{}.1f} {:>{}.1f}", e.counterforce_spent, kSpent, e.retaliation_arriving, kRetaliation);
    }
  }
  out += '\n';
  return out;
}

}  // namespace

std::string format_sweep_row(const SweepTable& table, const SweepPoint& p) {
  return report::pad_right(p.value, table.value_width) + row_numbers(table, p);
}

std::string format_grid_row(const SweepTable& table, const Grid& grid, const GridPoint& point) {
  if (table.axes.empty()) return format_sweep_row(table, point.result);
  std::string out;
  for (std::size_t k = 0; k < grid.axes().size(); ++k) {
    if (k > 0) out += ' ';
    out += report::pad_right(grid.axes()[k].values[point.at[k]], table.axis_widths[k]);
  }
  return out + row_numbers(table, point.result);
}

std::string format_sweep_footer(const SweepTable& table) {
  if (table.points == 0) return {};
  std::string out =
      "\nC1: cost of striking first; C2: cost of being struck first; ratio min(1, C1/C2); index: the product of the "
      "ratios.\n";
  if (table.real) {
    out +=
        "spent: warheads the striker spends on counterforce at its cost-minimising s*; retaliation: the victim's "
        "surviving\nwarheads that arrive on the striker.\n";
  }
  if (!table.pairs.empty()) {
    out += fmt::format(
        "Three sides (docs/methods.md §13.5): index is the system's, the product of the three pair indices; C1, C2, "
        "ratio\nand the exchanges are those of the pair {}.\n",
        table.pairs.front());
  }
  return out;
}

std::string format_sweep(const Sweep& sweep) {
  std::vector<std::string> values;
  for (const SweepPoint& p : sweep.points) values.push_back(p.value);
  std::array<std::string, 2> sides;
  if (!sweep.points.empty()) sides = {sweep.points.front().sides[0].id, sweep.points.front().sides[1].id};
  const SweepTable table = sweep_table(sweep, values, sides);
  std::string out = format_sweep_header(table);
  for (const SweepPoint& p : sweep.points) out += format_sweep_row(table, p);
  return out + format_sweep_footer(table);
}

}  // namespace stratstab

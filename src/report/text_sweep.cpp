// `sweep` text report: one row per value of the swept key with the index and each side's C1, C2 and
// ratio; for real sides also each first strike's counterforce spend and arriving retaliation, the
// two quantities through which a force or posture change usually moves the index.
#include <algorithm>

#include <fmt/format.h>

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

std::string format_sweep(const Sweep& sweep) {
  std::size_t value_width = 5;  // "value"
  for (const SweepPoint& p : sweep.points) value_width = std::max(value_width, p.value.size());
  std::string out =
      fmt::format("Sweep of {} in scenario {} ({} sides): {} point{}\n\n", sweep.param, sweep.scenario,
                  sweep.real ? "real" : "abstract", sweep.points.size(), sweep.points.size() == 1 ? "" : "s");
  if (sweep.points.empty()) return out;
  const SweepPoint& first = sweep.points.front();

  // Two header lines: the group each column belongs to, then the column names.
  std::string groups = fmt::format("{:<{}} {:>{}}", "", value_width, "", kNumber);
  for (const SweepSide& side : first.sides) groups += fmt::format(" {:^{}}", side.id, kSideGroup - 1);
  if (sweep.real) {
    for (const SweepExchange& e : first.exchanges) {
      groups += fmt::format(" {:^{}}", fmt::format("{} strikes {}", e.striker, e.victim), kStrikeGroup - 1);
    }
  }
  add_line(out, std::move(groups));
  out += fmt::format("{:<{}} {:>{}}", "value", value_width, "index", kNumber);
  for (std::size_t i = 0; i < first.sides.size(); ++i) {
    out += fmt::format(" {:>{}} {:>{}} {:>{}}", "C1", kNumber, "C2", kNumber, "ratio", kNumber);
  }
  if (sweep.real) {
    for (std::size_t i = 0; i < first.exchanges.size(); ++i) {
      out += fmt::format(" {:>{}} {:>{}}", "spent", kSpent, "retaliation", kRetaliation);
    }
  }
  out += '\n';

  for (const SweepPoint& p : sweep.points) {
    out += fmt::format("{:<{}} {:>{}.6f}", p.value, value_width, p.index, kNumber);
    for (const SweepSide& side : p.sides) {
      out += fmt::format(" {:>{}.6f} {:>{}.6f} {:>{}.6f}", side.stability.c1, kNumber, side.stability.c2, kNumber,
                         side.stability.ratio, kNumber);
    }
    if (sweep.real) {
      for (const SweepExchange& e : p.exchanges) {
        out += fmt::format(" {:>{}.1f} {:>{}.1f}", e.counterforce_spent, kSpent, e.retaliation_arriving, kRetaliation);
      }
    }
    out += '\n';
  }
  out +=
      "\nC1: cost of striking first; C2: cost of being struck first; ratio min(1, C1/C2); index: the product of the "
      "ratios.\n";
  if (sweep.real) {
    out +=
        "spent: warheads the striker spends on counterforce at its cost-minimising s*; retaliation: the victim's "
        "surviving\nwarheads that arrive on the striker.\n";
  }
  return out;
}

}  // namespace stratstab

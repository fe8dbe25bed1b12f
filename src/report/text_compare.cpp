// `compare` table: one column per scenario, one row per figure, sides stacked.
#include <fmt/format.h>

#include <algorithm>

#include "display_width.hpp"
#include "stratstab/report.hpp"

namespace stratstab {

namespace {

std::string cell(const std::optional<double>& v, const char* spec) {
  return v ? fmt::format(fmt::runtime(spec), *v) : std::string("n/a");
}

}  // namespace

std::string format_comparison(const std::vector<ComparisonColumn>& columns) {
  constexpr int kLabel = 34;
  constexpr int kWidth = 22;
  std::string out;
  const auto row = [&](const std::string& label, const auto& value_of) {
    out += fmt::format("{:<{}}", label, kLabel);
    // Padded by display width, not bytes: scenario names may be in any script.
    for (const ComparisonColumn& c : columns) out += report::pad_left(value_of(c), kWidth);
    out += '\n';
  };
  row("scenario", [](const ComparisonColumn& c) { return c.scenario; });
  row("first-strike stability index", [](const ComparisonColumn& c) { return fmt::format("{:.4f}", c.index); });
  row("treaty counted", [](const ComparisonColumn& c) { return c.treaty_id; });
  // Three-sided columns: each pair's index (the first line is the system's).
  const bool three =
      std::any_of(columns.begin(), columns.end(), [](const ComparisonColumn& c) { return !c.pair_indices.empty(); });
  if (three) {
    row("  pair indices (three sides)", [](const ComparisonColumn& c) {
      std::string text;
      for (const auto& [label, index] : c.pair_indices) text += fmt::format("{}{:.3f}", text.empty() ? "" : " ", index);
      return text.empty() ? std::string("-") : text;
    });
  }
  // Sides by id, in first-seen order; a column without a side shows `-`.
  std::vector<std::string> ids;
  for (const ComparisonColumn& c : columns) {
    for (const ComparedSide& side : c.sides) {
      if (std::find(ids.begin(), ids.end(), side.id) == ids.end()) ids.push_back(side.id);
    }
  }
  for (const std::string& id : ids) {
    out += '\n';
    const auto of = [&id](const ComparisonColumn& c) -> const ComparedSide* {
      for (const ComparedSide& side : c.sides) {
        if (side.id == id) return &side;
      }
      return nullptr;
    };
    // A row of this side's figure, `-` in a column without the side (or the figure).
    const auto side_row = [&](const std::string& label, const auto& value_of) {
      row(label, [&](const ComparisonColumn& c) -> std::string {
        const ComparedSide* side = of(c);
        return side != nullptr ? value_of(*side) : std::string("-");
      });
    };
    side_row(id + " force", [](const ComparedSide& s) { return s.force; });
    for (const char* leg : {"silo", "mobile", "ssbn", "bomber"}) {
      side_row(fmt::format("  warheads, {}", leg), [leg](const ComparedSide& s) {
        const auto it = s.warheads_by_leg.find(leg);
        return fmt::format("{:.0f}", it == s.warheads_by_leg.end() ? 0.0 : it->second);
      });
    }
    side_row("  warheads, central exchange",
             [](const ComparedSide& s) { return fmt::format("{:.0f}", s.warheads_total); });
    side_row("  withheld share", [](const ComparedSide& s) {
      return s.split.empty() ? fmt::format("{:g}", s.withheld) : std::string("-");
    });
    if (three) {
      side_row("  split between opponents",
               [](const ComparedSide& s) { return s.split.empty() ? std::string("-") : s.split; });
    }
    // Treaty limits: every limit id any column counted, in first-seen order.
    std::vector<std::string> limit_ids;
    for (const ComparisonColumn& c : columns) {
      const ComparedSide* side = of(c);
      if (side == nullptr || !side->treaty) continue;
      for (const LimitCount& l : side->treaty->limits) {
        if (std::find(limit_ids.begin(), limit_ids.end(), l.id) == limit_ids.end()) limit_ids.push_back(l.id);
      }
    }
    for (const std::string& limit : limit_ids) {
      side_row(fmt::format("  {}", limit), [&limit](const ComparedSide& s) -> std::string {
        const LimitCount* l = s.treaty ? s.treaty->find(limit) : nullptr;
        if (l == nullptr) return "-";
        return fmt::format("{:.0f}/{:.0f}{}", l->count, l->limit, l->compliant ? "" : " OVER");
      });
    }
    const auto stability = [](double SideStability::*field) {
      return [field](const ComparedSide& s) {
        return s.stability ? fmt::format("{:.4f}", (*s.stability).*field) : std::string("-");
      };
    };
    side_row("  C1 (cost of striking first)", stability(&SideStability::c1));
    side_row("  C2 (cost of being struck)", stability(&SideStability::c2));
    side_row("  ratio", stability(&SideStability::ratio));
    side_row("  exchange ratio striking first",
             [](const ComparedSide& s) { return s.stability ? cell(s.exchange_ratio, "{:.2f}") : std::string("-"); });
    side_row("  warheads for 50% of other's silos",
             [](const ComparedSide& s) { return s.stability ? cell(s.silo_50, "{:.0f}") : std::string("-"); });
  }
  out +=
      "\nTreaty rows: count/limit (OVER: above the limit). Exchange ratio: the other side's warheads destroyed per\n"
      "counterforce warhead at the striker's chosen spend. See `stratstab assess NAME` for each scenario in full.\n";
  if (three) {
    out +=
        "Three sides (docs/methods.md §13.5): the index is the system's; pair indices are the first two sides', the "
        "first\n"
        "and third's, the second and third's; C1, C2 and ratio are the first two sides' in their pair.\n";
  }
  return out;
}

}  // namespace stratstab

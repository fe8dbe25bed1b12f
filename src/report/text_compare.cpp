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
  for (std::size_t i = 0; i < 2; ++i) {
    out += '\n';
    const std::string id = columns.empty() ? "" : columns.front().sides[i].id;
    row(id + " force", [i](const ComparisonColumn& c) { return c.sides[i].force; });
    for (const char* leg : {"silo", "mobile", "ssbn", "bomber"}) {
      row(fmt::format("  warheads, {}", leg), [i, leg](const ComparisonColumn& c) {
        const auto it = c.sides[i].warheads_by_leg.find(leg);
        return fmt::format("{:.0f}", it == c.sides[i].warheads_by_leg.end() ? 0.0 : it->second);
      });
    }
    row("  warheads, central exchange",
        [i](const ComparisonColumn& c) { return fmt::format("{:.0f}", c.sides[i].warheads_total); });
    row("  withheld share", [i](const ComparisonColumn& c) { return fmt::format("{:g}", c.sides[i].withheld); });
    // Treaty limits: every limit id any column counted, in first-seen order.
    std::vector<std::string> limit_ids;
    for (const ComparisonColumn& c : columns) {
      if (!c.sides[i].treaty) continue;
      for (const LimitCount& l : c.sides[i].treaty->limits) {
        if (std::find(limit_ids.begin(), limit_ids.end(), l.id) == limit_ids.end()) limit_ids.push_back(l.id);
      }
    }
    for (const std::string& limit : limit_ids) {
      row(fmt::format("  {}", limit), [i, &limit](const ComparisonColumn& c) -> std::string {
        const LimitCount* l = c.sides[i].treaty ? c.sides[i].treaty->find(limit) : nullptr;
        if (l == nullptr) return "-";
        return fmt::format("{:.0f}/{:.0f}{}", l->count, l->limit, l->compliant ? "" : " OVER");
      });
    }
    row("  C1 (cost of striking first)",
        [i](const ComparisonColumn& c) { return fmt::format("{:.4f}", c.sides[i].stability.c1); });
    row("  C2 (cost of being struck)",
        [i](const ComparisonColumn& c) { return fmt::format("{:.4f}", c.sides[i].stability.c2); });
    row("  ratio", [i](const ComparisonColumn& c) { return fmt::format("{:.4f}", c.sides[i].stability.ratio); });
    row("  exchange ratio striking first",
        [i](const ComparisonColumn& c) { return cell(c.sides[i].exchange_ratio, "{:.2f}"); });
    row("  warheads for 50% of other's silos",
        [i](const ComparisonColumn& c) { return cell(c.sides[i].silo_50, "{:.0f}"); });
  }
  out +=
      "\nTreaty rows: count/limit (OVER: above the limit). Exchange ratio: the other side's warheads destroyed per\n"
      "counterforce warhead at the striker's chosen spend. See `stratstab assess NAME` for each scenario in full.\n";
  return out;
}

}  // namespace stratstab

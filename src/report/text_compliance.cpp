// `treaty comply`: the force brought within a regime's limits by the party's stated rule
// (compliance.hpp): the counts before and after, and each change with its grade and source.
#include <cmath>

#include <fmt/format.h>

#include "stratstab/report.hpp"

namespace stratstab {
namespace {

std::string count_text(double value) {
  return fmt::format("{:.0f}", std::round(value));
}

/// A per-launcher loading to two decimals, a count as a whole number.
std::string state_text(const ComplianceChange& c) {
  return c.action == ComplianceAction::kDownload
             ? fmt::format("{:.2f}/launcher", c.before) + " -> " + fmt::format("{:.2f}/launcher", c.after)
             : count_text(c.before) + " -> " + count_text(c.after);
}

std::string_view action_words(ComplianceAction action) {
  switch (action) {
    case ComplianceAction::kDownload: return "download";
    case ComplianceAction::kDeactivate: return "deactivate (to non-deployed)";
    case ComplianceAction::kConvert: return "convert (leave the counts)";
    case ComplianceAction::kEliminate: return "eliminate non-deployed";
    case ComplianceAction::kDismantle: return "dismantle stored warheads";
    case ComplianceAction::kReduceNonstrategic: return "dismantle non-strategic warheads";
    case ComplianceAction::kUpload: return "upload from storage";
  }
  return "?";
}

}  // namespace

std::string format_compliance(const Treaty& treaty, const ComplianceResult& result) {
  std::string out =
      fmt::format("{} brought within {} ({}) by its stated rule ({}, {})\n\n", result.snapshot_id, treaty.name,
                  to_string(treaty.status), to_string(result.rule_grade), result.rule_source_id);
  out += fmt::format("{:<28} {:>8} {:>8} {:>8}  {}\n", "limit", "before", "after", "limit", "complies");
  for (std::size_t i = 0; i < result.after.limits.size(); ++i) {
    const LimitCount& before = result.before.limits[i];
    const LimitCount& after = result.after.limits[i];
    out += fmt::format("{:<28} {:>8} {:>8} {:>8}  {}{}\n", after.id, count_text(before.count), count_text(after.count),
                       count_text(after.limit), after.compliant ? "yes" : "NO",
                       after.parameter ? " (parameter)" : (after.overridden ? " (set on the command line)" : ""));
  }
  out += "\n";
  if (result.changes.empty()) {
    out += result.before.compliant ? "Already within every limit: no change.\n"
                                   : "No step of the rule lowers the excess: no change.\n";
  } else {
    out += "Changes, in the rule's order:\n";
    for (const ComplianceChange& c : result.changes) {
      out += fmt::format("  {}. {} {}: {} {} ({}) [{} {}]\n", c.step + 1, action_words(c.action),
                         c.system_id.empty() ? "(stockpile)" : c.system_id, count_text(c.amount), c.unit, state_text(c),
                         to_string(c.grade), c.source_id);
    }
  }
  for (const std::string& s : result.skipped) out += fmt::format("  skipped: {}\n", s);
  if (!result.compliant()) {
    out += "\nThe rule's steps run out with limits still exceeded:\n";
    for (const std::string& v : result.after.violations) out += fmt::format("  VIOLATION {}\n", v);
  }
  return out;
}

}  // namespace stratstab

// Plain-text reports for `treaty list`, `treaty count` and `upload`. Counts are whole items;
// upload paths are shown rounded to whole warheads, with every ASSUMED figure listed.
#include <cmath>

#include <fmt/format.h>

#include "stratstab/report.hpp"

namespace stratstab {
namespace {

std::string whole(double value) {
  return fmt::format("{}", std::llround(value));
}

std::string dates_text(const Treaty& treaty) {
  std::string out;
  const auto add = [&](std::string_view label, const std::string& date) {
    if (date.empty()) return;
    out += fmt::format("{}{} {}", out.empty() ? "" : ", ", label, date);
  };
  add("signed", treaty.dates.signed_on);
  add("in force", treaty.dates.in_force);
  add("limits by", treaty.dates.limits_by);
  add("ended", treaty.dates.ended);
  return out.empty() ? "no dates" : out;
}

std::string verification_text(const Verification& v) {
  if (v.inspections_per_year == 0 && v.data_exchanges_per_year == 0 && !v.notifications) {
    return fmt::format("none (inspections 0, data exchanges 0, notifications no, NTM protected {})",
                       v.national_technical_means ? "yes" : "no");
  }
  return fmt::format("{} inspections/year, {} data exchanges/year, notifications {}, NTM protected {}",
                     v.inspections_per_year, v.data_exchanges_per_year, v.notifications ? "yes" : "no",
                     v.national_technical_means ? "yes" : "no");
}

}  // namespace

std::string format_treaty_list(const std::vector<Treaty>& treaties) {
  std::string out = fmt::format("{:<20} {:<11} {:<40} {}\n", "id", "status", "name", "limits");
  for (const Treaty& t : treaties) {
    std::string limits;
    for (const TreatyLimit& l : t.limits) {
      std::string value = l.max ? fmt::format("{:g}", *l.max) : fmt::format("count on {}", l.reference_date);
      if (l.parameter) value += " (parameter)";
      limits += fmt::format("{}{} {}", limits.empty() ? "" : "; ", l.id, value);
    }
    out += fmt::format("{:<20} {:<11} {:<40} {}\n", t.id, to_string(t.status), t.name, limits);
  }
  return out;
}

std::string format_treaty_count(const Treaty& treaty, const ForceSnapshot& snapshot, const TreatyCount& count) {
  std::string out =
      fmt::format("{} ({}; {}) on {}\n", treaty.name, to_string(treaty.status), dates_text(treaty), snapshot.id);
  out += fmt::format("Verification: {}\n\n", verification_text(treaty.verification));
  out += fmt::format("{:<28} {:>8} {:>8} {:>9}  {}\n", "limit", "count", "limit", "headroom", "complies");
  for (const LimitCount& l : count.limits) {
    std::string label;
    if (l.parameter) label += " (parameter)";
    if (l.overridden) label += " (set on the command line)";
    if (!l.reference.empty()) label += fmt::format(" (count on {})", l.reference);
    if (l.range_low) label += fmt::format(" (range {:g}-{:g})", *l.range_low, l.limit);
    out += fmt::format("{:<28} {:>8} {:>8} {:>9}  {}{}\n", l.id, whole(l.count), whole(l.limit), whole(l.headroom),
                       l.compliant ? "yes" : "NO", label);
  }
  out += "\n";
  if (count.compliant) {
    out += "Within every limit.\n";
  } else {
    for (const std::string& v : count.violations) out += fmt::format("VIOLATION {}\n", v);
  }
  out += "\nContributions (per system; inventory.* from the snapshot's inventory):\n";
  for (const LimitCount& l : count.limits) {
    std::string parts;
    for (const CountContribution& c : l.contributions) {
      parts += fmt::format("{}{} {}", parts.empty() ? "" : ", ", c.system_id, whole(c.count));
    }
    out += fmt::format("  {}: {}\n", l.id, parts.empty() ? "nothing in scope" : parts);
  }
  return out;
}

std::string format_upload(const UploadPath& path) {
  std::string out = fmt::format("Upload potential of {} over {} months{}\n", path.snapshot_id, path.horizon_months,
                                path.treaty_id.empty() ? "" : fmt::format(", counted under {}", path.treaty_id));
  out += fmt::format("Strategic warheads in storage: {} ({}{})\n\n", whole(path.storage_initial), path.storage_basis,
                     path.storage_assumed ? ", ASSUMED" : "");
  out += fmt::format("{:<15} {:>6} {:>7} {:>6} {:>6} {:>7} {:>7} {:>7} {:>9} {:>7} {:>6}\n", "system", "depl", "reopen",
                     "load", "max", "loaded", "+depl", "+reopen", "rate/mo", "added", "full");
  for (const SystemUpload& s : path.systems) {
    out +=
        fmt::format("{:<15} {:>6} {:>7} {:>6.2f} {:>5g}{} {:>7} {:>7} {:>7} {:>8g}{} {:>7} {:>6}\n", s.system_id,
                    whole(s.launchers_deployed), whole(s.launchers_reopenable) + (s.reopening_assumed ? "A" : ""),
                    s.loaded_per_launcher, s.capacity_per_launcher, s.capacity_assumed ? "A" : " ",
                    whole(s.warheads_loaded), whole(s.headroom_deployed), whole(s.headroom_reopened), s.rate_per_month,
                    s.rate_assumed ? "A" : " ", whole(s.added), s.full_month ? fmt::format("m{}", *s.full_month) : "-");
  }
  out += fmt::format("Total potential {}; added by month {}: {} (A = ASSUMED figure)\n", whole(path.total_potential),
                     path.horizon_months, whole(path.total_added));
  for (const std::string& e : path.excluded) out += fmt::format("Not uploaded: {}\n", e);

  out += "\nMonth by month (deployed strategic warheads";
  for (const std::string& id : path.limit_ids) out += fmt::format(", {}", id);
  out += ", storage left):\n";
  out += fmt::format("{:>5} {:>10}", "month", "deployed");
  for (const std::string& id : path.limit_ids) out += fmt::format(" {:>18}", id);
  out += fmt::format(" {:>8}\n", "storage");
  for (const UploadStep& step : path.steps) {
    out += fmt::format("{:>5} {:>10}", step.month, whole(step.deployed_strategic_warheads));
    for (double c : step.limit_counts) out += fmt::format(" {:>18}", whole(c));
    out += fmt::format(" {:>8}\n", whole(step.storage_left));
  }
  if (!path.crossings.empty()) {
    out += "\nLimits crossed:\n";
    for (const LimitCrossing& c : path.crossings) {
      std::string when = !c.month        ? fmt::format("not within {} months", path.horizon_months)
                         : *c.month == 0 ? std::string("already over at month 0")
                                         : fmt::format("month {}", *c.month);
      out += fmt::format("  {:<28} limit {:>6}  start {:>6}  month {} {:>6}  crossed: {}\n", c.limit_id, whole(c.limit),
                         whole(c.count_at_start), path.horizon_months, whole(c.count_at_horizon), when);
    }
  }
  out += "\nASSUMED figures this path rests on:\n";
  if (path.assumed.empty()) out += "  none\n";
  for (const AssumedFigure& a : path.assumed) {
    std::string range = a.range ? fmt::format(" (range {:g}-{:g})", a.range->low, a.range->high) : "";
    out += fmt::format("  {} = {:g}{}\n", a.what, a.value, range);
  }
  return out;
}

}  // namespace stratstab

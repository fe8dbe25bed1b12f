// Pathway dates and events as overrides (pathway.hpp, docs/methods.md §13.4): the calendar
// arithmetic of ramps and date grids, and the `--set` overrides of a branch on a date.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <functional>

#include <fmt/format.h>

#include "stratstab/error.hpp"
#include "stratstab/pathway.hpp"

namespace stratstab {
namespace {

struct CivilDate {
  int year = 0;
  int month = 0;
  int day = 0;
};

CivilDate parse_date(const std::string& text) {
  CivilDate d;
  char tail = 0;
  if (text.size() != 10 || std::sscanf(text.c_str(), "%4d-%2d-%2d%c", &d.year, &d.month, &d.day, &tail) != 3 ||
      d.month < 1 || d.month > 12 || d.day < 1 || d.day > 31) {
    throw Error(fmt::format("expected a date YYYY-MM-DD, got '{}'", text));
  }
  return d;
}

std::string format_date(const CivilDate& d) {
  return fmt::format("{:04d}-{:02d}-{:02d}", d.year, d.month, d.day);
}

std::string number_text(double value) {
  return fmt::format("{}", value);
}

}  // namespace

long long days_from_epoch(const std::string& date) {
  // Days from civil (H. Hinnant's well-known arithmetic on the proleptic Gregorian calendar).
  const CivilDate d = parse_date(date);
  const int y = d.year - (d.month <= 2 ? 1 : 0);
  const int era = (y >= 0 ? y : y - 399) / 400;
  const int yoe = y - era * 400;
  const int mp = (d.month + 9) % 12;
  const int doy = (153 * mp + 2) / 5 + d.day - 1;
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return static_cast<long long>(era) * 146097 + doe - 719468;
}

std::vector<std::string> pathway_dates(const std::string& from, const std::string& to, PathwayStep step) {
  const CivilDate start = parse_date(from);
  parse_date(to);
  if (to < from) throw Error(fmt::format("--to {} is before --from {}; expected a later date", to, from));
  std::vector<std::string> dates;
  for (int k = 0;; ++k) {
    CivilDate d = start;
    if (step == PathwayStep::kYear) {
      d.year += k;
    } else {
      const int months = start.month - 1 + k;
      d.year = start.year + months / 12;
      d.month = months % 12 + 1;
    }
    d.day = std::min(d.day, 28);  // every month has a 28th
    const std::string text = k == 0 ? from : format_date(d);
    if (text > to) break;
    dates.push_back(text);
    if (dates.size() > 100000) break;  // --step month over a millennium: a bound, not a hang
  }
  return dates;
}

namespace {

/// How far along its dates ramp `e` is on day `now` (days from the epoch), in [0, 1].
double ramp_share(const PathwayEvent& e, long long now) {
  const long long start = days_from_epoch(e.date);
  const long long end = days_from_epoch(e.until);
  return std::clamp(static_cast<double>(now - start) / static_cast<double>(end - start), 0.0, 1.0);
}

/// A ramp between whole numbers moves in whole steps (launchers, months).
bool whole_ramp(const PathwayEvent& e) {
  return e.from == std::round(e.from) && e.to == std::round(e.to);
}

/// Ramp `e`'s value a share `share` of the way along it, rounded where the ramp is whole.
double ramp_value(const PathwayEvent& e, double share) {
  const double value = e.from + share * (e.to - e.from);
  return whole_ramp(e) ? std::round(value) : value;
}

}  // namespace

std::vector<Override> pathway_overrides(const Pathway& pathway, const PathwayBranch& branch, const std::string& date) {
  std::vector<Override> out;
  const long long now = days_from_epoch(date);
  for (const std::vector<PathwayEvent>* list : {&pathway.events, &branch.events}) {
    for (const PathwayEvent& e : *list) {
      if (e.date > date || e.kind == PathwayEvent::Kind::kCost) continue;
      if (e.figure_range) {
        out.push_back(Override{e.key + ".range", fmt::format("[{}, {}]", number_text(e.figure_range->low),
                                                             number_text(e.figure_range->high))});
      }
      if (e.kind == PathwayEvent::Kind::kSet) {
        out.push_back(Override{e.key, e.value});
        continue;
      }
      out.push_back(Override{e.key, number_text(ramp_value(e, ramp_share(e, now)))});
    }
  }
  return out;
}

std::vector<UncertaintyEntry> pathway_uncertainty(
    const Pathway& pathway, const PathwayBranch& branch, const std::string& date,
    const std::function<std::optional<Range>(const std::string& path)>& base_range) {
  struct KeyState {
    Range end;               ///< the range the last event gives once complete
    UncertaintyEntry entry;  ///< the entry on `date`
  };
  std::vector<std::pair<std::string, KeyState>> keys;  // in first-set order
  const long long now = days_from_epoch(date);
  for (const std::vector<PathwayEvent>* list : {&pathway.events, &branch.events}) {
    for (const PathwayEvent& e : *list) {
      if (e.date > date || e.kind == PathwayEvent::Kind::kCost) continue;
      double value = 0;
      double share = 1;
      if (e.kind == PathwayEvent::Kind::kSet) {
        char* end = nullptr;
        value = std::strtod(e.value.c_str(), &end);
        if (e.value.empty() || end != e.value.c_str() + e.value.size() || !std::isfinite(value)) continue;
      } else {
        share = ramp_share(e, now);
        value = ramp_value(e, share);
      }
      auto it = std::find_if(keys.begin(), keys.end(), [&](const auto& k) { return k.first == e.key; });
      // The range before this event: the previous event's once complete, else the base figure's.
      Range before{value, value};
      if (it != keys.end()) {
        before = it->second.end;
      } else if (const std::optional<Range> base = base_range(e.key)) {
        before = *base;
      } else if (e.kind == PathwayEvent::Kind::kRamp) {
        before = Range{e.from, e.from};
      }
      const double final_value = e.kind == PathwayEvent::Kind::kSet ? value : e.to;
      const Range end = e.range ? *e.range : Range{final_value, final_value};
      double low = before.low + share * (end.low - before.low);
      double high = before.high + share * (end.high - before.high);
      if (e.kind == PathwayEvent::Kind::kRamp && whole_ramp(e)) {
        low = std::floor(low);  // a whole count (launchers, months) keeps whole bounds
        high = std::ceil(high);
      }
      low = std::min(low, value);
      high = std::max(high, value);
      UncertaintyEntry entry;
      entry.path = e.key;
      entry.where = e.where;
      if (high > low) {
        entry.dist = Distribution::kTriangular;
        entry.low = low;
        entry.mode = value;
        entry.high = high;
      } else {
        entry.fixed = true;
      }
      if (it == keys.end()) {
        keys.emplace_back(e.key, KeyState{end, std::move(entry)});
      } else {
        it->second = KeyState{end, std::move(entry)};
      }
    }
  }
  std::vector<UncertaintyEntry> out;
  out.reserve(keys.size());
  for (auto& k : keys) out.push_back(std::move(k.second.entry));
  return out;
}

double pathway_cost(const Pathway& pathway, const PathwayBranch& branch, const std::string& side,
                    const std::string& date) {
  double total = 0;
  for (const std::vector<PathwayEvent>* list : {&pathway.events, &branch.events}) {
    for (const PathwayEvent& e : *list) {
      if (e.kind == PathwayEvent::Kind::kCost && e.key == side && e.date <= date && date <= e.until) {
        total += e.usd_bn_per_year;
      }
    }
  }
  return total;
}

}  // namespace stratstab

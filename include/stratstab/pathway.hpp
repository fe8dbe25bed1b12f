// Pathways as data (docs/methods.md §13.4): a base scenario and dated, typed events that change
// its keys over the years (a regime, compliance, upload, a system's launchers, defence
// interceptors, the share held back against China), in branches with probabilities. Read from
// `data/pathways/<id>.yaml`; every event is sourced, or ASSUMED with a range.
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "stratstab/figure.hpp"
#include "stratstab/load_result.hpp"
#include "stratstab/scenario.hpp"
#include "stratstab/source.hpp"
#include "stratstab/uncertainty_spec.hpp"

namespace stratstab {

/// One dated change to a scenario key: `set` gives the key `value` from `date` on; `ramp` moves a
/// number linearly from `from` at `date` to `to` at `until`, and holds it after. A `cost` event
/// changes no key: side `key` spends `usd_bn_per_year` on the pathway's forces from `date` to
/// `until` (inclusive), for the cost column of `pathways`.
struct PathwayEvent {
  enum class Kind { kSet, kRamp, kCost };
  Kind kind = Kind::kSet;
  std::string date;                   ///< YYYY-MM-DD
  std::string until;                  ///< ramp: YYYY-MM-DD, after `date`
  std::string key;                    ///< a scenario key path, as `--set KEY` takes it
  std::string value;                  ///< set: the value as YAML text (a number, a word, a mapping in flow form)
  double from = 0;                    ///< ramp
  double to = 0;                      ///< ramp
  double usd_bn_per_year = 0;         ///< cost: US$ billion a year (nominal, as the source gives it)
  std::optional<Range> figure_range;  ///< a force figure's range widened to this (`KEY.range`)
  Grade grade = Grade::kAssumed;
  std::string source_id;
  std::optional<Range> range;  ///< ASSUMED: the plausible range of the value (or of the year)
  std::string note;
  SourceLocation where;
};

/// One branch: its events (after the pathway's common ones) and its probability.
struct PathwayBranch {
  std::string id;
  std::string name;
  Figure probability;  ///< value in [0, 1], ASSUMED with a range
  std::vector<PathwayEvent> events;
  SourceLocation where;
};

struct Pathway {
  std::string id;  ///< file name without `.yaml`
  std::string name;
  std::string description;
  std::string scenario;  ///< the base scenario: a bundled name or a path
  std::string from;      ///< first date, YYYY-MM-DD
  std::string to;        ///< last date
  std::vector<std::string> source_ids;
  std::vector<PathwayEvent> events;  ///< in every branch
  std::vector<PathwayBranch> branches;
  Bibliography sources;
  std::string file;
};

/// Reads a pathway file and the bibliography files it names; every problem is a located diagnostic.
LoadResult<Pathway> read_pathway(const std::filesystem::path& file);
/// As read_pathway, but throws InputError when there is any error.
Pathway load_pathway(const std::filesystem::path& file);

enum class PathwayStep { kYear, kMonth };

/// The dates from `from` to `to`: `from`, then every year (or month) after it on the same day of
/// the month (the 28th where the month is shorter), while not after `to`. Throws Error on a date
/// that is not YYYY-MM-DD or on `to` before `from`.
std::vector<std::string> pathway_dates(const std::string& from, const std::string& to, PathwayStep step);

/// US$ billion a year that side `side` (a scenario side id) spends on `date`: the sum of the
/// branch's and the pathway's cost events in force then.
double pathway_cost(const Pathway& pathway, const PathwayBranch& branch, const std::string& side,
                    const std::string& date);

/// Days from 1970-01-01 to a YYYY-MM-DD date (the proleptic Gregorian calendar).
long long days_from_epoch(const std::string& date);

/// The overrides of `branch` on `date`: every event of the pathway's common list and then the
/// branch's with `date` <= the date, in that order (a later one on the same key wins, as repeated
/// `--set` do); a ramp is valued at the date (rounded to a whole number when `from` and `to` are
/// whole, as launchers and months are); a `figure_range` adds `KEY.range=[low, high]` first.
std::vector<Override> pathway_overrides(const Pathway& pathway, const PathwayBranch& branch, const std::string& date);

/// How `pathways --samples` draws the numbers the events set on `date` (docs/methods.md §13.4): one
/// `uncertainty:` entry per key a numeric event in force sets, triangular with the event's value on
/// the date as its mode. An event's `range` is the range of its value once complete (a ramp's end
/// value); before it the key has the range the previous event on the key gave, or else the base
/// figure's (`base_range(path)`, empty for a figure without one). A ramp a share s of the way along
/// moves from the one to the other, [lo0 + s (lo1 - lo0), hi0 + s (hi1 - hi0)], so the first date
/// draws as the base scenario does; a `set` takes its range from its date; an event without a range
/// (a sourced figure) ends with none. Whole ramps (launchers, months) keep whole bounds; a range of
/// no width holds the value fixed. Events whose value is not a number (a regime, `comply`) give none.
std::vector<UncertaintyEntry> pathway_uncertainty(
    const Pathway& pathway, const PathwayBranch& branch, const std::string& date,
    const std::function<std::optional<Range>(const std::string& path)>& base_range);

}  // namespace stratstab

// Running a pathway (docs/methods.md §13.4): on each date of a grid, each branch's scenario is the
// base scenario with every event up to that date applied as `--set` overrides (a `set` takes its
// value, a `ramp` its interpolated one), prepared and evaluated as `assess` does; the
// probability-weighted index per date, with the band its branch probabilities' ranges allow.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "stratstab/pathway.hpp"
#include "stratstab/scenario.hpp"
#include "stratstab/treaty.hpp"
#include "stratstab/uncertainty.hpp"

namespace stratstab {

/// Warheads loaded on a side's deployed launchers in the central exchange, by leg.
struct LegWarheads {
  double icbm = 0;  ///< silo and road-mobile
  double slbm = 0;
  double bomber = 0;
};

struct PathwayPoint {
  std::string date;
  std::string treaty;  ///< the regime in force (the scenario's `treaty`)
  bool comply = false;
  std::array<LegWarheads, 2> legs;
  std::array<TreatyCount, 2> counts;  ///< each side counted under the regime in force
  std::array<double, 2> cost{};       ///< US$ billion a year each side spends (cost events)
  StabilityResult result;
};

struct PathwayBranchRun {
  std::string id;
  std::string name;
  Figure probability;
  std::vector<PathwayPoint> points;  ///< one per date
};

/// The probability-weighted index on one date, and its least and greatest values as each branch's
/// probability moves within its range (the others rescaled so that they sum to 1).
struct PathwayWeighted {
  std::string date;
  double index = 0;
  double low = 0;
  double high = 0;
  std::array<double, 2> cost{};  ///< each side's probability-weighted US$ billion a year
};

/// `pathways --samples N` (docs/methods.md §13.4): the index of every branch on every date over
/// common draws of the data's uncertain inputs (paired_index_draws: an input takes the same u on
/// every date and branch, so that a path is one possible world followed through time), and per
/// date the band of the probability-weighted index, weighed draw by draw at the branches' central
/// probabilities. A number an event sets is drawn from the event's range (pathway_uncertainty),
/// not from the base figure's.
struct PathwayBands {
  std::size_t samples = 0;
  std::uint64_t seed = 0;
  std::vector<std::vector<OutputBand>> branches;  ///< [branch][date]: the index
  std::vector<OutputBand> weighted;               ///< [date]: the probability-weighted index
  OutputBand mean;                                ///< the weighted index's mean over the dates
  std::vector<double> mean_draws;                 ///< that mean in each draw (for comparing pathways)
  std::vector<std::string> undrawn;  ///< keys events set that are not drawable numbers (held at the event's value)
};

struct PathwayRun {
  std::string id;
  std::string name;
  std::array<std::string, 2> sides;  ///< the base scenario's side ids
  std::vector<std::string> dates;
  std::vector<PathwayBranchRun> branches;
  std::vector<PathwayWeighted> weighted;
  std::optional<PathwayBands> bands;  ///< with --samples
};

/// Runs every branch over `dates`. `scenario_at(overrides)` loads the base scenario with the
/// overrides (the caller's I/O: a located InputError from it names the date and branch);
/// `count(prepared, side)` counts a side under the prepared scenario's regime.
PathwayRun run_pathway(const Pathway& pathway, const std::vector<std::string>& dates,
                       const std::function<Scenario(const std::vector<Override>&)>& scenario_at,
                       const std::function<TreatyCount(const Scenario& prepared, std::size_t side)>& count);

/// One pathway to draw: its dates and how its scenarios load (as for run_pathway).
struct PathwayDraw {
  const Pathway* pathway = nullptr;
  std::vector<std::string> dates;
  std::function<Scenario(const std::vector<Override>&)> scenario_at;
};

/// The bands of every branch and date of every pathway over `samples` draws from `seed` on
/// `threads` threads, common to all of them (so that pathways are compared in the same worlds).
/// `on_progress(done, total)` counts evaluated draws.
std::vector<PathwayBands> pathway_bands(
    const std::vector<PathwayDraw>& pathways, std::size_t samples, std::uint64_t seed, unsigned threads,
    const std::function<void(std::size_t done, std::size_t total)>& on_progress = {});

/// below[i][j]: the share of common draws in which pathway i's mean weighted index is below j's.
std::vector<std::vector<double>> pathways_below(const std::vector<PathwayBands>& bands);

/// The weighted index of `index[b]` (one per branch) under probabilities `p` (summing to 1), and
/// its extremes over every corner of the branches' probability ranges, each corner rescaled to sum
/// to 1 (corners summing to 0 skipped).
PathwayWeighted weigh_branches(const std::vector<double>& index, const std::vector<Figure>& probabilities);

}  // namespace stratstab

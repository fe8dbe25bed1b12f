// `stratstab compare`: the key figures of several scenarios side by side.
// One column per scenario, computed here from already loaded, prepared and evaluated parts;
// formatted by report/ (format_comparison in report.hpp, comparison_to_json in json.hpp).
#pragma once

#include <functional>

#include "stratstab/uncertainty.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "stratstab/assessment.hpp"
#include "stratstab/scenario.hpp"
#include "stratstab/treaty.hpp"

namespace stratstab {

struct ComparedSide {
  std::string id;
  std::string force;                              ///< snapshot id (`+ N months upload` when uploaded)
  std::map<std::string, double> warheads_by_leg;  ///< silo, mobile, ssbn, bomber: loaded warheads
  double warheads_total = 0;
  std::optional<TreatyCount> treaty;  ///< the scenario's regime counted on this side's force
  /// Its C1, C2 and ratio; with three sides those of the pair of the first two sides, and none
  /// for the third (its ratios are in `assess`).
  std::optional<SideStability> stability;
  std::optional<double> exchange_ratio;  ///< this side striking first
  std::optional<double> silo_50;         ///< warheads to destroy 50% of the other's silo warheads
  double withheld = 0;
  /// Three sides: its split between its opponents, e.g. `RU 0.748 CN 0.252` (empty with two).
  std::string split;
};

struct ComparisonColumn {
  std::string scenario;
  std::string treaty_id;
  double index = 0;
  std::vector<ComparedSide> sides;  ///< two, or three
  /// Three sides (docs/methods.md §13.5): each pair's index, pairs (0, 1), (0, 2), (1, 2), labelled.
  std::vector<std::pair<std::string, double>> pair_indices;
};

/// One column from a real scenario, its assessment and each side's treaty count (if counted).
ComparisonColumn comparison_column(const Scenario& scenario, const Assessment& assessment,
                                   const std::vector<std::optional<TreatyCount>>& counts);

/// The index of several scenarios over common draws (docs/methods.md §13.2): one Latin hypercube
/// design over the union of their factors, an input with the same path (or group) taking the same
/// u in every scenario that has it, each through its own quantile function. `loaded`: the
/// scenarios as read (not prepared); a scenario with nothing uncertain gives its point every draw.
struct PairedIndexDraws {
  std::vector<double> point;               ///< each scenario's index at its point values
  std::vector<std::vector<double>> index;  ///< [scenario][draw]
};
PairedIndexDraws paired_index_draws(const std::vector<Scenario>& loaded, std::size_t samples, std::uint64_t seed,
                                    unsigned threads,
                                    const std::function<void(std::size_t done, std::size_t total)>& on_progress = {});

/// below[i][j]: the share of the paired draws in which series i is below series j (draws[i][k] <
/// draws[j][k]); every series has the same draws, and 0 where there are none.
std::vector<std::vector<double>> share_below(const std::vector<std::vector<double>>& draws);

/// `compare --samples N` (docs/methods.md §13.2): paired draws (common random numbers: one design
/// over every scenario's uncertain inputs, an input drawn with the same u in every scenario that
/// has its path), each scenario's band of the index, and for each pair the share of draws in which
/// one's index is below the other's.
struct CompareBands {
  std::size_t samples = 0;
  std::uint64_t seed = 0;
  std::vector<std::string> scenarios;
  std::vector<OutputBand> index;  ///< per scenario
  /// below[i][j]: P(index of scenario i < index of scenario j), over the paired draws.
  std::vector<std::vector<double>> below;
};
/// `loaded`: the scenarios as read (not prepared).
CompareBands compare_bands(const std::vector<Scenario>& loaded, std::size_t samples, std::uint64_t seed,
                           unsigned threads,
                           const std::function<void(std::size_t done, std::size_t total)>& on_progress = {});

}  // namespace stratstab

// `stratstab sweep`: the first-strike stability index as one scenario key runs over a list of values.
// Loading the scenario once per value is I/O and stays with the caller (load_scenario with the
// value as one more override, so every value meets the file's validation); this header holds the
// pure parts: the list of values from `--values` or `--range`, and one evaluated point.
#pragma once

#include <array>
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "stratstab/scenario.hpp"
#include "stratstab/stability.hpp"
#include "stratstab/uncertainty.hpp"

namespace stratstab {

/// Most points one sweep takes: a real-side point costs milliseconds, so 10,000 is minutes, and a
/// larger count is more likely a slip in `--range` than a plan.
inline constexpr std::size_t kMaxSweepPoints = 10000;

/// One first strike at one point, reduced to what a sweep follows.
struct SweepExchange {
  std::string striker;
  std::string victim;
  double counterforce_spent = 0;    ///< s*: striker warheads spent on counterforce
  double victim_surviving = 0;      ///< the victim's warheads that survive the strike of s*
  double retaliation_arriving = 0;  ///< U(s*): the victim's surviving warheads arriving on the striker
};

struct SweepSide {
  std::string id;
  SideStability stability;  ///< c1, c2, ratio
};

/// The scenario evaluated with the swept key at one value.
/// One pair of a three-sided sweep point.
struct SweepPair {
  std::string first;
  std::string second;
  double index = 0;
};

struct SweepPoint {
  std::string value;  ///< as given on the command line (a YAML scalar)
  double index = 0;
  std::array<SweepSide, 2> sides;
  std::array<SweepExchange, 2> exchanges;  ///< [0]: side 0 strikes side 1; [1]: the reverse
  /// Three sides (docs/methods.md §13.5): each pair's index, pairs (0, 1), (0, 2), (1, 2), with
  /// `index` the system's; empty with two sides.
  std::vector<SweepPair> pairs;
};

struct Sweep {
  std::string scenario;  ///< the scenario's name
  std::string param;     ///< the swept key's dotted path
  bool real = false;     ///< real sides (the text table then shows each exchange)
  std::string inactive;  ///< why the swept key cannot change the result here (inactive_key_reason), or ""
  /// Three sides: the pairs' labels (`US-RU`, ...) in SweepPoint::pairs order; empty with two.
  std::vector<std::string> pairs;
  std::vector<SweepPoint> points;
};

/// Evaluates one point. `scenario` must already carry the value (loaded with `param=value` as its
/// last override) and be prepared (prepare.hpp); `value` is only recorded. Pure and reentrant.
SweepPoint sweep_point(const Scenario& scenario, std::string value);

/// Evaluates one point per value, in order, and hands each to `on_point` as soon as it is computed,
/// before the next value's scenario is asked for, so that a caller can print a long sweep row by row.
/// `scenario_at(value)` gives the scenario loaded with the swept key at `value` (the caller's I/O;
/// what it throws propagates); each is prepared (prepare_scenario) before it is evaluated.
void evaluate_sweep(const std::vector<std::string>& values,
                    const std::function<Scenario(const std::string& value)>& scenario_at,
                    const std::function<void(SweepPoint point)>& on_point);

/// `sweep --samples N` (docs/methods.md §13.2): at every point the same draws of the scenario's
/// uncertain inputs (common random numbers: one design, each input drawn by its path), so that the
/// points' bands and the place of the lowest index can be compared sample by sample. The swept keys
/// are not drawn. `band` is the index's band at the point; `lowest` the share of samples whose
/// lowest index over the points is at this point. With several axes (a grid) the points are the
/// grid's, in its order, and a point's `values` hold one value per axis.
struct SweepBandPoint {
  std::vector<std::string> values;  ///< one per swept key, in the order of SweepBands::params
  OutputBand band;
  double lowest = 0;
};
struct SweepBands {
  std::vector<std::string> params;  ///< the swept keys' paths
  std::size_t samples = 0;
  std::uint64_t seed = 0;
  std::size_t inputs = 0;
  std::vector<SweepBandPoint> points;
};
/// `points[p]` are point p's values, one per key of `params`; `scenario_at(values)` gives the loaded
/// (not prepared) scenario at a point. Throws InputError when a swept key changes which inputs the
/// scenario has (e.g. another snapshot). Memory: one double per point and sample (the lowest point
/// of each sample is known only when every point is done).
SweepBands sweep_bands(const std::vector<std::string>& params, const std::vector<std::vector<std::string>>& points,
                       const std::function<Scenario(const std::vector<std::string>& values)>& scenario_at,
                       std::size_t samples, std::uint64_t seed, unsigned threads,
                       const std::function<void(std::size_t done, std::size_t total)>& on_progress = {});
/// The one-axis form: `values` of `param`.
SweepBands sweep_bands(const std::string& param, const std::vector<std::string>& values,
                       const std::function<Scenario(const std::string& value)>& scenario_at, std::size_t samples,
                       std::uint64_t seed, unsigned threads,
                       const std::function<void(std::size_t done, std::size_t total)>& on_progress = {});

/// Checks `--param KEY`: a dotted key path as `--set` takes it, without `=`. Throws InputError
/// located at `--param` otherwise.
void check_sweep_param(std::string_view param);

/// `--values a,b,c`: the comma-separated values, each trimmed of blanks and passed on as YAML text.
/// Throws InputError located at `--values` for an empty entry or more than `max_points` values.
std::vector<std::string> parse_sweep_values(std::string_view text, std::size_t max_points = kMaxSweepPoints);

/// `--range FROM:TO:STEP`: FROM, FROM + STEP, ... up to and including TO (TO is reached when it is
/// within 1e-9 steps of a point), each written with 12 significant digits so that 0:1:0.1 gives 0.3
/// and not 0.30000000000000004. Throws InputError located at `--range` when the text is not three
/// finite numbers, STEP <= 0, TO < FROM, the count exceeds `max_points`, or STEP is too small for 12
/// digits to tell two points apart.
std::vector<std::string> parse_sweep_range(std::string_view text, std::size_t max_points = kMaxSweepPoints);

}  // namespace stratstab

// A crisis file (`data/crises/<id>.yaml`, docs/methods.md §13.3): a scenario whose forces and
// options the crisis is fought with, its length in steps, each side's starting belief that the
// other is about to strike and its threshold for generating its forces, the observed actions with
// their times and weights, the false-warning rate, the misperception noise, and the communication
// measures in force. Every weight and rate is a figure, ASSUMED with a range where no source gives it.
#pragma once

#include <array>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "stratstab/figure.hpp"
#include "stratstab/load_result.hpp"
#include "stratstab/scenario.hpp"
#include "stratstab/source.hpp"

namespace stratstab {

/// An action one side takes at a step, which the other observes: its weight moves the observer's
/// belief (log-odds); a declared action (notified in advance) counts for less where notifications
/// are in force.
struct CrisisAction {
  long long time = 0;  ///< step
  std::string by;      ///< the acting side's id
  std::string name;
  Figure weight;  ///< log-odds added to the observer's belief
  bool declared = false;
  std::string source_id;
  std::string note;
  SourceLocation where;
};

struct CrisisSide {
  std::string id;
  Figure belief;       ///< q(0): belief that the other is about to strike, in (0, 1)
  Figure generate_at;  ///< g: the side generates its forces when its belief exceeds this
};

/// A communication measure: whether it is in force, and its effect (notifications: the factor on a
/// declared action's weight; data exchanges: the factor on the noise; hotline: the steps it takes
/// to show a false warning false).
struct CrisisMeasure {
  bool in_force = false;
  Figure effect;
  std::string source_id;
  std::string note;
};

struct Crisis {
  std::string id;
  std::string name;
  std::string description;
  std::string scenario;  ///< a bundled scenario name or a path
  long long steps = 0;
  std::string step_unit;  ///< hour, day, ...
  std::array<CrisisSide, 2> sides;
  Figure calming;               ///< kappa: share of the excess log-odds lost each step
  Figure noise;                 ///< sigma: misperception, log-odds per step
  Figure false_warning_rate;    ///< chance per step that a side's warning shows an attack that is not there
  Figure false_warning_weight;  ///< log-odds a false warning adds until it is resolved
  Figure generation_weight;     ///< log-odds the other's generation adds when it is seen
  std::vector<CrisisAction> actions;
  CrisisMeasure notifications;
  CrisisMeasure data_exchanges;
  CrisisMeasure hotline;
  Bibliography sources;
  std::vector<std::string> source_ids;
  std::string file;
};

/// Reads a crisis file, then applies `overrides` (`--set KEY=VALUE`: a figure's number by its key
/// path, e.g. `noise`, `sides.US.belief`, `measures.hotline.in_force`, `actions[0].weight`); every
/// problem is a located diagnostic.
LoadResult<Crisis> read_crisis(const std::filesystem::path& file, const std::vector<Override>& overrides = {});
Crisis load_crisis(const std::filesystem::path& file, const std::vector<Override>& overrides = {});

}  // namespace stratstab

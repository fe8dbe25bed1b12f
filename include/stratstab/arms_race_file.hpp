// An arms-race file (`data/arms_race/<id>.yaml`, docs/methods.md §13.6): two or three sides, each
// with its fatigue, grievance, starting stock and reaction to each rival, and the horizon and step
// of the trajectory. Richardson's parameters are notional: every figure is ASSUMED with a range
// unless a public source gives it.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "stratstab/arms_race.hpp"
#include "stratstab/figure.hpp"
#include "stratstab/load_result.hpp"
#include "stratstab/source.hpp"

namespace stratstab {

struct ArmsRaceReaction {
  std::string to;  ///< the rival's id
  Figure rate;     ///< k_ij, per year
};

struct ArmsRaceSide {
  std::string id;
  Figure fatigue;    ///< a_i, per year
  Figure grievance;  ///< g_i, stock per year
  Figure start;      ///< x_i(0), stock
  std::vector<ArmsRaceReaction> reactions;
};

struct ArmsRaceFile {
  std::string id;
  std::string name;
  std::string description;
  std::string unit;  ///< what a stock counts, e.g. `warheads`
  std::vector<ArmsRaceSide> sides;
  double years = 0;
  double step_years = 0;
  Bibliography sources;
  std::string file;
};

/// Reads an arms-race file against its key table; every problem is a located diagnostic (two or
/// three sides with different ids, one reaction to each rival and none to itself, sources known).
LoadResult<ArmsRaceFile> read_arms_race(const std::filesystem::path& file);
ArmsRaceFile load_arms_race(const std::filesystem::path& file);

/// The numbers of a loaded file as the engine's question.
ArmsRaceQuestion arms_race_question(const ArmsRaceFile& file);

/// Whether `id` can name a side of an arms race on the command line: letters, digits, `-` and `_`
/// (no `.`, `,` or `=`, which `--reaction US.RU=0.3` and `--start 1700,600` use).
bool is_arms_race_side_id(std::string_view id);

}  // namespace stratstab

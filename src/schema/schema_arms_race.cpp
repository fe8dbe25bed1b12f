// The key table of arms-race files (`data/arms_race/<id>.yaml`): one section per mapping, read by
// io/arms_race_loader.cpp and printed into docs/io_formats.md by `stratstab docs keys`. The bounds
// of fatigue, grievance, start and rate are also those of the command line's `arms-race` options.
#include <array>

#include "stratstab/schema.hpp"

namespace stratstab {
namespace {

constexpr std::array kArmsRaceKeys{
    KeySpec{
        .name = "schema", .kind = KeyKind::kInteger, .min = 1, .max = 1, .description = "Format version; must be 1."},
    KeySpec{.name = "id", .kind = KeyKind::kId, .description = "Arms-race id; equals the file name without `.yaml`."},
    KeySpec{.name = "name", .kind = KeyKind::kString, .description = "Short name."},
    KeySpec{.name = "description", .kind = KeyKind::kString, .required = false, .description = "What it shows."},
    KeySpec{.name = "unit", .kind = KeyKind::kString, .description = "What a stock counts, e.g. `warheads`."},
    KeySpec{.name = "bibliography",
            .kind = KeyKind::kPathList,
            .description = "Bibliography files whose sources the figures cite, relative to this file."},
    KeySpec{.name = "years",
            .kind = KeyKind::kNumber,
            .unit = "year",
            .min = 0,
            .max = 200,
            .min_exclusive = true,
            .description = "Horizon of the trajectory."},
    KeySpec{.name = "step",
            .kind = KeyKind::kNumber,
            .unit = "year",
            .min = 0,
            .max = 200,
            .min_exclusive = true,
            .description = "Interval between the trajectory's points; at most `years` and at least `years` / 100000."},
    KeySpec{.name = "sides", .kind = KeyKind::kList, .description = "Two or three sides (section `sides[]`)."},
};

constexpr std::array kArmsRaceSideKeys{
    KeySpec{.name = "id", .kind = KeyKind::kString, .description = "Side id, e.g. `US`: letters, digits, `-` and `_`."},
    KeySpec{.name = "fatigue",
            .kind = KeyKind::kFigure,
            .unit = "1/year",
            .min = 0,
            .max = 10,
            .description = "a: restraint, the rate at which the side's own stock slows its growth."},
    KeySpec{.name = "grievance",
            .kind = KeyKind::kFigure,
            .unit = "units/year",
            .min = -1e6,
            .max = 1e6,
            .description = "g: growth with no stocks at all (negative: goodwill)."},
    KeySpec{.name = "start",
            .kind = KeyKind::kFigure,
            .unit = "units",
            .min = 0,
            .max = 1e6,
            .description = "The stock at time 0, in the file's `unit` (units)."},
    KeySpec{.name = "reactions",
            .kind = KeyKind::kList,
            .description = "The side's reaction to each rival, one entry per rival (section `sides[].reactions[]`)."},
};

constexpr std::array kArmsRaceReactionKeys{
    KeySpec{.name = "to", .kind = KeyKind::kString, .description = "The rival's id."},
    KeySpec{.name = "rate",
            .kind = KeyKind::kFigure,
            .unit = "1/year",
            .min = 0,
            .max = 10,
            .description = "k: growth of the side's stock per unit of the rival's stock, per year."},
};

constexpr std::array kArmsRaceSections{
    SchemaSection{"arms_race", "(top level)", "Arms-race file", kArmsRaceKeys},
    SchemaSection{"arms_race_side", "sides[]", "Arms-race side", kArmsRaceSideKeys},
    SchemaSection{"arms_race_reaction", "sides[].reactions[]", "Arms-race reaction", kArmsRaceReactionKeys},
};

}  // namespace

std::span<const SchemaSection> arms_race_schema() {
  return kArmsRaceSections;
}

}  // namespace stratstab

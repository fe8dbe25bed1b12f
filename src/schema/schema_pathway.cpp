// The key table of pathway files (`data/pathways/<id>.yaml`): one section per mapping, read by
// io/pathway_loader.cpp and printed into docs/io_formats.md by `stratstab docs keys`.
#include <array>

#include "stratstab/schema.hpp"

namespace stratstab {
namespace {

constexpr std::array kPathwayKeys{
    KeySpec{
        .name = "schema", .kind = KeyKind::kInteger, .min = 1, .max = 1, .description = "Format version; must be 1."},
    KeySpec{.name = "id", .kind = KeyKind::kId, .description = "Pathway id; equals the file name without `.yaml`."},
    KeySpec{.name = "name", .kind = KeyKind::kString, .description = "Short name."},
    KeySpec{.name = "description", .kind = KeyKind::kString, .required = false, .description = "What it follows."},
    KeySpec{.name = "scenario",
            .kind = KeyKind::kString,
            .description = "The base scenario (a `data/scenarios` name or a path): forces and options on the first "
                           "date, before any event."},
    KeySpec{.name = "from", .kind = KeyKind::kDate, .description = "First date (default of `pathways --from`)."},
    KeySpec{.name = "to", .kind = KeyKind::kDate, .description = "Last date (default of `pathways --to`)."},
    KeySpec{.name = "bibliography",
            .kind = KeyKind::kPathList,
            .description = "Bibliography files whose sources the events cite, relative to this file."},
    KeySpec{.name = "cites", .kind = KeyKind::kIdList, .description = "Source ids of the pathway's premise."},
    KeySpec{.name = "events",
            .kind = KeyKind::kList,
            .required = false,
            .description = "Events in every branch (section `events[]`)."},
    KeySpec{.name = "branches",
            .kind = KeyKind::kList,
            .description = "Branches (section `branches[]`), at least one; probabilities sum to 1."},
};

constexpr std::array kBranchKeys{
    KeySpec{.name = "id", .kind = KeyKind::kId, .description = "Branch id, unique in the file."},
    KeySpec{.name = "name", .kind = KeyKind::kString, .description = "What happens on it."},
    KeySpec{.name = "probability",
            .kind = KeyKind::kFigure,
            .unit = "share",
            .min = 0,
            .max = 1,
            .description = "Its probability (ASSUMED, with a range); the branches' values sum to 1."},
    KeySpec{.name = "events",
            .kind = KeyKind::kList,
            .required = false,
            .description = "Its events, after the common ones (section `events[]`)."},
};

constexpr std::array kEventKeys{
    KeySpec{.name = "date", .kind = KeyKind::kDate, .description = "When it takes effect."},
    KeySpec{.name = "set",
            .kind = KeyKind::kString,
            .required = false,
            .description = "A scenario key path (as `--set KEY`): it takes `value` from `date` on. Give one of "
                           "`set`, `ramp`, `cost`."},
    KeySpec{.name = "value",
            .kind = KeyKind::kString,
            .required = false,
            .description = "With `set`: the value, any YAML (a number, a word, a flow mapping)."},
    KeySpec{.name = "ramp",
            .kind = KeyKind::kString,
            .required = false,
            .description = "A numeric scenario key path: it moves linearly from `from` at `date` to `to` at `until`, "
                           "then holds."},
    KeySpec{.name = "cost",
            .kind = KeyKind::kString,
            .required = false,
            .description = "A side id of the base scenario (`US`): the event is a spending of `usd_bn_per_year` from "
                           "`date` to `until`, changing no key. Give one of `set`, `ramp`, `cost`."},
    KeySpec{.name = "usd_bn_per_year",
            .kind = KeyKind::kNumber,
            .required = false,
            .unit = "US$ billion a year",
            .min = 0,
            .max = 10000,
            .description = "With `cost`: the spending a year, as the source gives it (nominal)."},
    KeySpec{.name = "until",
            .kind = KeyKind::kDate,
            .required = false,
            .description = "With `ramp`: its end; with `cost`: the last day of the spending."},
    KeySpec{
        .name = "from", .kind = KeyKind::kNumber, .required = false, .description = "With `ramp`: the start value."},
    KeySpec{.name = "to", .kind = KeyKind::kNumber, .required = false, .description = "With `ramp`: the end value."},
    KeySpec{.name = "figure_range",
            .kind = KeyKind::kString,
            .required = false,
            .description = "[low, high]: a force figure's stated range widened to this, so that the event's "
                           "values are accepted (`KEY.range`)."},
    KeySpec{.name = "grade",
            .kind = KeyKind::kEnum,
            .allowed = "OFF | EST | PRESS | LOW | ASSUMED",
            .description = "How well the event is known."},
    KeySpec{.name = "src", .kind = KeyKind::kId, .description = "Source id (or `stratstab-assumption`)."},
    KeySpec{.name = "range",
            .kind = KeyKind::kString,
            .required = false,
            .description = "[low, high]: the plausible range of the value (or of the year); required when ASSUMED."},
    KeySpec{.name = "note", .kind = KeyKind::kString, .description = "What happened or is planned, and the reasoning."},
};

constexpr std::array kPathwaySections{
    SchemaSection{"pathway", "(top level)", "Pathway file", kPathwayKeys},
    SchemaSection{"pathway_branch", "branches[]", "Pathway branch", kBranchKeys},
    SchemaSection{"pathway_event", "events[], branches[].events[]", "Pathway event", kEventKeys},
};

}  // namespace

std::span<const SchemaSection> pathway_schema() {
  return kPathwaySections;
}

}  // namespace stratstab

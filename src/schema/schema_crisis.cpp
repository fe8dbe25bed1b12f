// The key table of crisis files (`data/crises/<id>.yaml`): one section per mapping, read by
// io/crisis_loader.cpp and printed into docs/io_formats.md by `stratstab docs keys`.
#include <array>

#include "stratstab/schema.hpp"

namespace stratstab {
namespace {

constexpr std::array kCrisisKeys{
    KeySpec{
        .name = "schema", .kind = KeyKind::kInteger, .min = 1, .max = 1, .description = "Format version; must be 1."},
    KeySpec{.name = "id", .kind = KeyKind::kId, .description = "Crisis id; equals the file name without `.yaml`."},
    KeySpec{.name = "name", .kind = KeyKind::kString, .description = "Short name."},
    KeySpec{.name = "description", .kind = KeyKind::kString, .required = false, .description = "What happened."},
    KeySpec{.name = "scenario",
            .kind = KeyKind::kString,
            .description = "The scenario (a `data/scenarios` name or a path) whose forces and options the crisis "
                           "is fought with; its posture is replaced by the crisis's posture states."},
    KeySpec{.name = "steps",
            .kind = KeyKind::kInteger,
            .min = 1,
            .max = 100000,
            .description = "Length of the crisis in steps."},
    KeySpec{.name = "step", .kind = KeyKind::kEnum, .allowed = "minute | hour | day", .description = "What a step is."},
    KeySpec{.name = "bibliography",
            .kind = KeyKind::kPathList,
            .description = "Bibliography files whose sources the figures cite, relative to this file."},
    KeySpec{.name = "cites", .kind = KeyKind::kIdList, .description = "Source ids of what happened."},
    KeySpec{.name = "sides", .kind = KeyKind::kList, .description = "The two sides (section `sides[]`)."},
    KeySpec{.name = "calming",
            .kind = KeyKind::kFigure,
            .unit = "share",
            .min = 0,
            .max = 1,
            .description = "kappa: share of a belief's excess log-odds over its start lost each step."},
    KeySpec{.name = "noise",
            .kind = KeyKind::kFigure,
            .min = 0,
            .max = 10,
            .description = "sigma: standard deviation of misperception, log-odds per step."},
    KeySpec{.name = "false_warning_rate",
            .kind = KeyKind::kFigure,
            .unit = "share",
            .min = 0,
            .max = 1,
            .description = "Chance per step that a side's warning shows an attack that is not there."},
    KeySpec{.name = "false_warning_weight",
            .kind = KeyKind::kFigure,
            .min = 0,
            .max = 20,
            .description = "Log-odds a false warning adds to the belief until it is resolved (decaying as `calming`)."},
    KeySpec{.name = "generation_weight",
            .kind = KeyKind::kFigure,
            .min = -20,
            .max = 20,
            .description = "Log-odds the other side's generation of its forces adds when seen."},
    KeySpec{.name = "actions",
            .kind = KeyKind::kList,
            .required = false,
            .description = "Observed actions (section `actions[]`)."},
    KeySpec{
        .name = "measures", .kind = KeyKind::kMapping, .description = "Communication measures (section `measures`)."},
};

constexpr std::array kCrisisSideKeys{
    KeySpec{.name = "id", .kind = KeyKind::kString, .description = "A side id of the scenario."},
    KeySpec{.name = "belief",
            .kind = KeyKind::kFigure,
            .unit = "share",
            .min = 1e-6,
            .max = 0.999999,
            .description = "q(0): belief at the start that the other is about to strike."},
    KeySpec{.name = "generate_at",
            .kind = KeyKind::kFigure,
            .unit = "share",
            .min = 0,
            .max = 1,
            .description = "g: the side generates its forces when its belief exceeds this."},
};

constexpr std::array kCrisisActionKeys{
    KeySpec{.name = "time", .kind = KeyKind::kInteger, .min = 0, .max = 100000, .description = "Step of the action."},
    KeySpec{.name = "by", .kind = KeyKind::kString, .description = "The acting side's id."},
    KeySpec{.name = "name", .kind = KeyKind::kString, .description = "What it was."},
    KeySpec{.name = "weight",
            .kind = KeyKind::kFigure,
            .min = -20,
            .max = 20,
            .description = "Log-odds it adds to the observer's belief."},
    KeySpec{.name = "declared",
            .kind = KeyKind::kBool,
            .required = false,
            .description = "Notified in advance (its weight times `measures.notifications.effect` where in force)."},
    KeySpec{.name = "src", .kind = KeyKind::kId, .description = "Source id of what happened."},
    KeySpec{.name = "note", .kind = KeyKind::kString, .required = false, .description = "Reasoning, caveats."},
};

constexpr std::array kCrisisMeasuresKeys{
    KeySpec{.name = "notifications",
            .kind = KeyKind::kMapping,
            .description = "Advance launch notifications (section `measures.*`); effect: factor on a declared "
                           "action's weight."},
    KeySpec{.name = "data_exchanges",
            .kind = KeyKind::kMapping,
            .description = "Data exchanges (section `measures.*`); effect: factor on the noise."},
    KeySpec{.name = "hotline",
            .kind = KeyKind::kMapping,
            .description = "A hotline (section `measures.*`); effect: steps to show a false warning false."},
};

constexpr std::array kCrisisMeasureKeys{
    KeySpec{.name = "in_force", .kind = KeyKind::kBool, .description = "Whether the measure is in force."},
    KeySpec{.name = "effect",
            .kind = KeyKind::kFigure,
            .min = 0,
            .max = 1000,
            .description = "Its effect (see the measure)."},
    KeySpec{.name = "src", .kind = KeyKind::kId, .description = "Source id of whether it was in force."},
    KeySpec{.name = "note", .kind = KeyKind::kString, .required = false, .description = "Reasoning, caveats."},
};

constexpr std::array kCrisisSections{
    SchemaSection{"crisis", "(top level)", "Crisis file", kCrisisKeys},
    SchemaSection{"crisis_side", "sides[]", "Crisis side", kCrisisSideKeys},
    SchemaSection{"crisis_action", "actions[]", "Observed action", kCrisisActionKeys},
    SchemaSection{"crisis_measures", "measures", "Communication measures", kCrisisMeasuresKeys},
    SchemaSection{"crisis_measure", "measures.*", "Communication measure", kCrisisMeasureKeys},
};

}  // namespace

std::span<const SchemaSection> crisis_schema() {
  return kCrisisSections;
}

}  // namespace stratstab

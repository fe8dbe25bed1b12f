// The key table of treaty files (`data/treaties/<id>.yaml`): one section per mapping, read by
// io/treaty_loader.cpp and printed into docs/io_formats.md by `stratstab docs keys`.
#include <array>

#include "stratstab/schema.hpp"

namespace stratstab {
namespace {

constexpr double kMaxLimit = 100000;  // above the 1986 world peak of ~70,000 warheads

constexpr std::array kTreatyKeys{
    KeySpec{
        .name = "schema", .kind = KeyKind::kInteger, .min = 1, .max = 1, .description = "Format version; must be 1."},
    KeySpec{.name = "id", .kind = KeyKind::kId, .description = "Treaty id; equals the file name without `.yaml`."},
    KeySpec{.name = "name", .kind = KeyKind::kString, .description = "Short name, e.g. `New START`."},
    KeySpec{.name = "title", .kind = KeyKind::kString, .description = "Full title."},
    KeySpec{.name = "description",
            .kind = KeyKind::kString,
            .required = false,
            .description = "What the regime is, its history and what the file leaves out."},
    KeySpec{.name = "status",
            .kind = KeyKind::kEnum,
            .allowed = "in_force | expired | terminated | superseded | informal | proposed",
            .description = "Where the regime stands."},
    KeySpec{.name = "parties",
            .kind = KeyKind::kEnumList,
            .allowed = "us | ru | cn | uk | fr",
            .description = "Side ids of the parties (at least one)."},
    KeySpec{.name = "dates",
            .kind = KeyKind::kMapping,
            .required = false,
            .description = "Dates (section `dates`); absent for a proposal."},
    KeySpec{.name = "bibliography",
            .kind = KeyKind::kPathList,
            .description = "Bibliography files whose sources the treaty cites, relative to this file."},
    KeySpec{.name = "cites",
            .kind = KeyKind::kIdList,
            .description = "Source ids of the treaty text and the references for its counting rules."},
    KeySpec{.name = "limits", .kind = KeyKind::kList, .description = "Numerical limits (section `limits[]`)."},
    KeySpec{.name = "verification",
            .kind = KeyKind::kMapping,
            .description = "Verification provisions (section `verification`); zeros and `false` when none."},
    KeySpec{.name = "compliance",
            .kind = KeyKind::kList,
            .required = false,
            .description = "How each party would bring its forces within the limits (section `compliance[]`), "
                           "for `treaty comply` and scenarios with `comply: true`; a party without one cannot "
                           "be brought into compliance."},
};

constexpr std::array kComplianceKeys{
    KeySpec{.name = "side", .kind = KeyKind::kEnum, .allowed = "us | ru | cn | uk | fr", .description = "The party."},
    KeySpec{.name = "grade",
            .kind = KeyKind::kEnum,
            .allowed = "OFF | EST | PRESS | LOW | ASSUMED",
            .description = "How well the order of steps is known: OFF where the party has said how it complied or "
                           "would comply, ASSUMED where the project chose it."},
    KeySpec{.name = "src", .kind = KeyKind::kId, .description = "Source id of the rule (or `stratstab-assumption`)."},
    KeySpec{.name = "note", .kind = KeyKind::kString, .required = false, .description = "Reasoning, caveats."},
    KeySpec{.name = "steps",
            .kind = KeyKind::kList,
            .description = "Changes in the order they are taken (section `compliance[].steps[]`); each is taken "
                           "only as far as it lowers the excess over the limits, and a step that lowers none is "
                           "skipped."},
};

constexpr std::array kComplianceStepKeys{
    KeySpec{.name = "action",
            .kind = KeyKind::kEnum,
            .allowed = "download | deactivate | convert | eliminate | dismantle | reduce_nonstrategic",
            .description = "download: fewer warheads on each deployed launcher (to storage); deactivate: deployed "
                           "launchers made non-deployed (their warheads to storage); convert: deployed launchers "
                           "converted to conventional or eliminated, leaving every count (warheads to storage); "
                           "eliminate: non-deployed launchers eliminated; dismantle: stored warheads dismantled; "
                           "reduce_nonstrategic: non-strategic warheads dismantled."},
    KeySpec{.name = "system",
            .kind = KeyKind::kId,
            .required = false,
            .description = "The system id (launcher actions); absent for `dismantle` and `reduce_nonstrategic`."},
    KeySpec{.name = "floor",
            .kind = KeyKind::kNumber,
            .required = false,
            .unit = "warheads per launcher",
            .min = 0,
            .max = 30,
            .description = "download: the fewest warheads a deployed launcher keeps (default 1)."},
    KeySpec{.name = "keep",
            .kind = KeyKind::kNumber,
            .required = false,
            .unit = "count",
            .min = 0,
            .max = kMaxLimit,
            .description = "Launcher actions: the fewest launchers the step leaves (deployed, or non-deployed for "
                           "`eliminate`); dismantle and reduce_nonstrategic: the fewest warheads (default 0)."},
    KeySpec{.name = "grade",
            .kind = KeyKind::kEnum,
            .required = false,
            .allowed = "OFF | EST | PRESS | LOW | ASSUMED",
            .description = "Grade of this step where it differs from the rule's."},
    KeySpec{.name = "src", .kind = KeyKind::kId, .required = false, .description = "Source id of this step."},
    KeySpec{.name = "note", .kind = KeyKind::kString, .required = false, .description = "What the party did or said."},
};

constexpr std::array kTreatyDateKeys{
    KeySpec{.name = "signed", .kind = KeyKind::kDate, .required = false, .description = "Date of signature."},
    KeySpec{.name = "in_force",
            .kind = KeyKind::kDate,
            .required = false,
            .description = "Entry into force (or start of informal observance)."},
    KeySpec{.name = "limits_by",
            .kind = KeyKind::kDate,
            .required = false,
            .description = "Date by which the limits had to be met."},
    KeySpec{.name = "ended",
            .kind = KeyKind::kDate,
            .required = false,
            .description = "Expiry, termination or supersession; not before `in_force`."},
};

constexpr std::array kLimitKeys{
    KeySpec{.name = "id",
            .kind = KeyKind::kId,
            .description = "Key of the limit in results and JSON, e.g. `warheads`; unique in the file."},
    KeySpec{.name = "name", .kind = KeyKind::kString, .description = "What is limited, in words."},
    KeySpec{.name = "max",
            .kind = KeyKind::kNumber,
            .required = false,
            .unit = "count",
            .min = 0,
            .max = kMaxLimit,
            .description = "The ceiling; `0` is a ban. Give either `max` or `reference_date`."},
    KeySpec{
        .name = "range_low",
        .kind = KeyKind::kNumber,
        .required = false,
        .unit = "count",
        .min = 0,
        .max = kMaxLimit,
        .description = "Lower end of a limit stated as a range (SORT's 1,700–2,200); informational, not above `max`."},
    KeySpec{.name = "reference_date",
            .kind = KeyKind::kDate,
            .required = false,
            .description = "Freeze: the limit is the same count on the side's snapshot of this date."},
    KeySpec{.name = "parameter",
            .kind = KeyKind::kBool,
            .required = false,
            .description = "True when `max` is a study parameter, not a treaty figure (labelled in reports)."},
    KeySpec{.name = "src",
            .kind = KeyKind::kId,
            .description = "Source id for the limit and its counting rules; must be in the bibliography."},
    KeySpec{.name = "note", .kind = KeyKind::kString, .required = false, .description = "Article, caveats."},
    KeySpec{.name = "count",
            .kind = KeyKind::kList,
            .description = "Counting rules whose results add up (section `limits[].count[]`); at least one."},
};

constexpr std::array kCountRuleKeys{
    KeySpec{.name = "rule",
            .kind = KeyKind::kEnum,
            .allowed = "reentry_vehicles | one_per_vehicle | attributed | all_warheads | nonstrategic_warheads",
            .description =
                "What is counted per system in scope: warheads loaded on deployed launchers; one per launcher; "
                "`attribution` per launcher (capacity when absent); loaded warheads plus the inventory's stored "
                "warheads; the inventory's non-strategic warheads."},
    KeySpec{.name = "scope",
            .kind = KeyKind::kMapping,
            .required = false,
            .description = "Which systems and launchers (section `limits[].count[].scope`); every nuclear system's "
                           "deployed launchers when absent."},
    KeySpec{.name = "attribution",
            .kind = KeyKind::kNumber,
            .required = false,
            .unit = "warheads per launcher",
            .min = 0,
            .max = 30,
            .description = "Rule `attributed` only: warheads attributed to each launcher."},
    KeySpec{.name = "first_launchers",
            .kind = KeyKind::kInteger,
            .required = false,
            .min = 0,
            .max = kMaxLimit,
            .description = "Rule `attributed` only: `attribution` applies to the first N launchers in scope (all "
                           "systems, file order); the rest count their capacity (START I bomber discount)."},
    KeySpec{.name = "note", .kind = KeyKind::kString, .required = false, .description = "Article, reasoning."},
};

constexpr std::array kScopeKeys{
    KeySpec{.name = "vehicle",
            .kind = KeyKind::kEnumList,
            .required = false,
            .allowed = "icbm | slbm | heavy_bomber | irbm | srbm | glcm | slcm | alcm | aircraft | other",
            .description = "Vehicle classes in scope; any when absent."},
    KeySpec{.name = "basing",
            .kind = KeyKind::kEnumList,
            .required = false,
            .allowed = "silo | mobile | ssbn | bomber | nonstrategic | intermediate",
            .description = "Basing modes in scope; any when absent."},
    KeySpec{.name = "payload",
            .kind = KeyKind::kEnum,
            .required = false,
            .allowed = "nuclear | conventional | any",
            .description = "Payload in scope; `nuclear` when absent (converted launchers leave the count)."},
    KeySpec{.name = "status",
            .kind = KeyKind::kEnum,
            .required = false,
            .allowed = "deployed | nondeployed | all",
            .description = "Launchers counted by `one_per_vehicle` and `attributed`; `deployed` when absent."},
    KeySpec{.name = "range_min_km",
            .kind = KeyKind::kNumber,
            .required = false,
            .unit = "km",
            .min = 0,
            .max = 25000,
            .description = "Systems whose range_km is at least this (inclusive)."},
    KeySpec{.name = "range_max_km",
            .kind = KeyKind::kNumber,
            .required = false,
            .unit = "km",
            .min = 0,
            .max = 25000,
            .description = "Systems whose range_km is at most this (inclusive)."},
    KeySpec{.name = "sides",
            .kind = KeyKind::kEnumList,
            .required = false,
            .allowed = "us | ru | cn | uk | fr",
            .description = "Party-specific rule: applies only to these sides."},
    KeySpec{.name = "systems",
            .kind = KeyKind::kIdList,
            .required = false,
            .description = "System ids in scope, for rules that name types (START I ALCM bombers)."},
};

constexpr std::array kVerificationKeys{
    KeySpec{.name = "inspections_per_year",
            .kind = KeyKind::kInteger,
            .min = 0,
            .max = 1000,
            .description = "On-site inspections a party may conduct per year (0: none)."},
    KeySpec{.name = "inspections",
            .kind = KeyKind::kList,
            .required = false,
            .description = "Kinds of inspection (section `verification.inspections[]`); quotas sum to "
                           "`inspections_per_year`."},
    KeySpec{.name = "data_exchanges_per_year",
            .kind = KeyKind::kInteger,
            .min = 0,
            .max = 365,
            .description = "Exchanges of aggregate or per-site data per year."},
    KeySpec{.name = "notifications",
            .kind = KeyKind::kBool,
            .description = "Whether movements, conversions and eliminations are notified."},
    KeySpec{.name = "national_technical_means",
            .kind = KeyKind::kBool,
            .description = "Whether the regime protects national technical means (satellites) from interference."},
    KeySpec{.name = "src", .kind = KeyKind::kId, .required = false, .description = "Source id of the provisions."},
    KeySpec{.name = "notes", .kind = KeyKind::kString, .required = false, .description = "Free text."},
    KeySpec{.name = "detection_given_inspected",
            .kind = KeyKind::kFigure,
            .required = false,
            .unit = "share",
            .min = 0,
            .max = 1,
            .description = "Chance that an inspection of a violating missile or site finds the violation "
                           "(`verify`, docs/methods.md §13.1); 1 when absent."},
    KeySpec{.name = "inspection_game",
            .kind = KeyKind::kMapping,
            .required = false,
            .description = "The inspection game's payoffs (section `verification.inspection_game`, `verify`)."},
    KeySpec{.name = "last_exchange",
            .kind = KeyKind::kList,
            .required = false,
            .description = "When each party last gave data or was inspected (section `verification.last_exchange[]`): "
                           "where the other's knowledge starts to age (`verify --knowledge`)."},
};

constexpr std::array kInspectionGameKeys{
    KeySpec{.name = "gain",
            .kind = KeyKind::kFigure,
            .min = 0,
            .max = 1e6,
            .description = "d: the violator's gain from a violation not detected (in units of its loss when caught)."},
    KeySpec{.name = "penalty",
            .kind = KeyKind::kFigure,
            .min = 0,
            .max = 1e6,
            .description = "b: the violator's loss when caught."},
    KeySpec{.name = "false_alarm_cost",
            .kind = KeyKind::kFigure,
            .min = 0,
            .max = 1e6,
            .description = "h: a complying party's loss from a false accusation."},
    KeySpec{.name = "false_alarm_rate",
            .kind = KeyKind::kFigure,
            .unit = "share",
            .min = 0,
            .max = 1,
            .description = "alpha: the chance of a false accusation in a year."},
};

constexpr std::array kLastExchangeKeys{
    KeySpec{.name = "side", .kind = KeyKind::kEnum, .allowed = "us | ru | cn | uk | fr", .description = "The party."},
    KeySpec{.name = "date", .kind = KeyKind::kDate, .description = "Its last data exchange or inspection."},
    KeySpec{.name = "src", .kind = KeyKind::kId, .description = "Source id."},
    KeySpec{.name = "note", .kind = KeyKind::kString, .required = false, .description = "What it was."},
};

constexpr std::array kInspectionKeys{
    KeySpec{.name = "name", .kind = KeyKind::kString, .description = "Name, e.g. `Type One`."},
    KeySpec{.name = "per_year", .kind = KeyKind::kInteger, .min = 0, .max = 1000, .description = "Yearly quota."},
    KeySpec{.name = "description",
            .kind = KeyKind::kString,
            .required = false,
            .description = "Where and what the inspectors count."},
    KeySpec{.name = "sites",
            .kind = KeyKind::kEnum,
            .required = false,
            .allowed = "deployed | nondeployed",
            .description = "Which declared sites it visits: bases of deployed systems or of non-deployed ones."},
    KeySpec{.name = "counts_reentry_vehicles",
            .kind = KeyKind::kBool,
            .required = false,
            .description = "Whether each inspection counts the re-entry vehicles on one deployed missile the "
                           "inspectors choose (New START Type One)."},
};

constexpr std::array kTreatySections{
    SchemaSection{"treaty", "(top level)", "Treaty file", kTreatyKeys},
    SchemaSection{"treaty_dates", "dates", "Treaty dates", kTreatyDateKeys},
    SchemaSection{"treaty_limit", "limits[]", "Limit", kLimitKeys},
    SchemaSection{"count_rule", "limits[].count[]", "Counting rule", kCountRuleKeys},
    SchemaSection{"count_scope", "limits[].count[].scope", "Counting scope", kScopeKeys},
    SchemaSection{"verification", "verification", "Verification provisions", kVerificationKeys},
    SchemaSection{"inspection", "verification.inspections[]", "Inspection kind", kInspectionKeys},
    SchemaSection{"inspection_game", "verification.inspection_game", "Inspection game", kInspectionGameKeys},
    SchemaSection{"last_exchange", "verification.last_exchange[]", "Last data exchange", kLastExchangeKeys},
    SchemaSection{"compliance", "compliance[]", "Compliance rule of a party", kComplianceKeys},
    SchemaSection{"compliance_step", "compliance[].steps[]", "Compliance step", kComplianceStepKeys},
};

}  // namespace

std::span<const SchemaSection> treaty_schema() {
  return kTreatySections;
}

}  // namespace stratstab

// The key tables of the force-snapshot and bibliography formats. Bounds are sanity limits that
// catch typos and unit slips ("absurd magnitudes"), not physical claims: e.g. the largest weapon
// ever tested was ~50,000 kt, so yield_kt above 100,000 is an error.
#include "stratstab/schema.hpp"

#include "stratstab/scenario_keys.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <stdexcept>

#include <fmt/format.h>

namespace stratstab {
namespace {

constexpr double kMaxLaunchers = 5000;  // no side has ever fielded more of one system
// Floors on magnitudes: a value below them is a unit slip or a subnormal (4.9e-324) that turns
// the formulas into NaN or infinity, not a weapon. yield_kt's floor (1e-6 kt = 1 kg of TNT) lies
// below the bundled conventional glide body (range down to 1e-5 kt, us-2026-11-01.yaml).
constexpr double kMinCepM = 1;           // no delivery system is accurate below a metre
constexpr double kMinW80 = 1;            // at least one arriving warhead
constexpr double kMinYieldKt = 1e-6;     // 1 kg of TNT
constexpr double kMinHardnessPsi = 0.1;  // below anything a structure withstands (~1 psi breaks windows)
constexpr double kMinProbability = kMinNonzeroProbability;  // scenario_keys.hpp
constexpr double kMaxWarheads = 100000;                     // above the 1986 world peak (~70,000)
constexpr double kMaxPerLauncher = 30;                      // largest loadings: SS-18 10 RVs, B-52H 20 ALCM
constexpr double kMaxUploadPerMonth = 10000;

constexpr std::array kSnapshotKeys{
    KeySpec{
        .name = "schema", .kind = KeyKind::kInteger, .min = 1, .max = 1, .description = "Format version; must be 1."},
    KeySpec{.name = "id",
            .kind = KeyKind::kId,
            .description = "Snapshot id `<side>-<YYYY-MM-DD>`; equals the file name without `.yaml`."},
    KeySpec{.name = "side", .kind = KeyKind::kEnum, .allowed = "us | ru | cn | uk | fr", .description = "Side id."},
    KeySpec{.name = "date", .kind = KeyKind::kDate, .description = "Date the snapshot describes, YYYY-MM-DD."},
    KeySpec{.name = "title", .kind = KeyKind::kString, .description = "One-line title."},
    KeySpec{.name = "description",
            .kind = KeyKind::kString,
            .required = false,
            .description = "What the snapshot is and where its figures come from."},
    KeySpec{.name = "bibliography",
            .kind = KeyKind::kPathList,
            .required = false,
            .description = "Bibliography files whose sources the figures cite, relative to this file."},
    KeySpec{.name = "sources",
            .kind = KeyKind::kList,
            .required = false,
            .description = "Inline bibliography entries (same keys as in a bibliography file)."},
    KeySpec{.name = "inventory", .kind = KeyKind::kMapping, .description = "Warhead inventory (section `inventory`)."},
    KeySpec{.name = "w80",
            .kind = KeyKind::kFigure,
            .unit = "warheads",
            .min = kMinW80,
            .max = kMaxWarheads,
            .description = "Arriving warheads that destroy 80% of this side's value (docs/methods.md §7)."},
    KeySpec{.name = "systems",
            .kind = KeyKind::kList,
            .description = "Delivery systems, at least one (section `systems[]`)."},
};

constexpr std::array kInventoryKeys{
    KeySpec{.name = "warheads_deployed",
            .kind = KeyKind::kFigure,
            .unit = "warheads",
            .min = 0,
            .max = kMaxWarheads,
            .integer = true,
            .description = "Warheads deployed on missiles or at bases with operational forces (SIPRI)."},
    KeySpec{.name = "warheads_stored",
            .kind = KeyKind::kFigure,
            .unit = "warheads",
            .min = 0,
            .max = kMaxWarheads,
            .integer = true,
            .description = "Stockpiled warheads not deployed (reserve)."},
    KeySpec{.name = "warheads_retired",
            .kind = KeyKind::kFigure,
            .required = false,
            .unit = "warheads",
            .min = 0,
            .max = kMaxWarheads,
            .integer = true,
            .description = "Retired warheads awaiting dismantlement (the estimate the snapshot uses)."},
    KeySpec{.name = "warheads_retired_official",
            .kind = KeyKind::kFigure,
            .required = false,
            .unit = "warheads",
            .min = 0,
            .max = kMaxWarheads,
            .integer = true,
            .description = "The government's own count of retired warheads awaiting dismantlement, where one is "
                           "published and differs from `warheads_retired` (informational)."},
    KeySpec{.name = "nonstrategic_warheads",
            .kind = KeyKind::kFigure,
            .unit = "warheads",
            .min = 0,
            .max = kMaxWarheads,
            .integer = true,
            .description = "Non-strategic warheads, deployed and stored."},
    KeySpec{.name = "strategic_warheads_stored",
            .kind = KeyKind::kFigure,
            .required = false,
            .unit = "warheads",
            .min = 0,
            .max = kMaxWarheads,
            .integer = true,
            .description = "Strategic warheads in storage that could be uploaded."},
};

constexpr std::array kSystemKeys{
    KeySpec{.name = "id",
            .kind = KeyKind::kId,
            .description = "System id, unique in the snapshot and stable across dates."},
    KeySpec{.name = "name", .kind = KeyKind::kString, .description = "Name, e.g. `LGM-30G Minuteman III`."},
    KeySpec{.name = "basing",
            .kind = KeyKind::kEnum,
            .allowed = "silo | mobile | ssbn | bomber | nonstrategic | intermediate",
            .description = "Leg / basing mode (docs/methods.md §1)."},
    KeySpec{.name = "vehicle",
            .kind = KeyKind::kEnum,
            .allowed = "icbm | slbm | heavy_bomber | irbm | srbm | glcm | slcm | alcm | aircraft | other",
            .description = "Delivery-vehicle class, which treaty counting rules key on."},
    KeySpec{.name = "payload",
            .kind = KeyKind::kEnum,
            .required = false,
            .allowed = "nuclear | conventional",
            .description = "Payload; `nuclear` when absent."},
    KeySpec{.name = "launchers_deployed",
            .kind = KeyKind::kFigure,
            .unit = "launchers",
            .min = 0,
            .max = kMaxLaunchers,
            .integer = true,
            .description = "Deployed launchers (silos with a missile, tubes on operational boats, deployed bombers)."},
    KeySpec{.name = "launchers_nondeployed",
            .kind = KeyKind::kFigure,
            .unit = "launchers",
            .min = 0,
            .max = kMaxLaunchers,
            .integer = true,
            .description =
                "Non-deployed launchers (empty silos, tubes on boats in overhaul, test launchers, bombers in repair)."},
    KeySpec{.name = "vehicles_deployed",
            .kind = KeyKind::kFigure,
            .required = false,
            .unit = "missiles or aircraft",
            .min = 0,
            .max = kMaxLaunchers,
            .integer = true,
            .description = "Missiles or aircraft in deployed status."},
    KeySpec{.name = "vehicles_nondeployed",
            .kind = KeyKind::kFigure,
            .required = false,
            .unit = "missiles or aircraft",
            .min = 0,
            .max = 10 * kMaxLaunchers,
            .integer = true,
            .description = "Missiles or aircraft not deployed (spares, in storage or repair)."},
    KeySpec{.name = "warheads_per_launcher",
            .kind = KeyKind::kFigure,
            .unit = "warheads",
            .min = 0,
            .max = kMaxPerLauncher,
            .description = "Average warheads loaded on one deployed launcher (may be fractional)."},
    KeySpec{.name = "max_warheads_per_launcher",
            .kind = KeyKind::kFigure,
            .unit = "warheads",
            .min = 0,
            .max = kMaxPerLauncher,
            .description = "Upload capacity: warheads one launcher can carry; not below `warheads_per_launcher`."},
    KeySpec{.name = "warheads",
            .kind = KeyKind::kList,
            .description = "Warhead types carried, with shares summing to 1 (section `systems[].warheads[]`)."},
    KeySpec{.name = "cep_m",
            .kind = KeyKind::kFigure,
            .unit = "m",
            .min = kMinCepM,
            .max = 20000,
            .description = "Circular error probable (docs/methods.md §4)."},
    KeySpec{.name = "reliability",
            .kind = KeyKind::kFigure,
            .unit = "probability",
            .min = 0,
            .max = 1,
            .min_nonzero = kMinProbability,
            .description = "Probability that a warhead launches, flies, re-enters and detonates."},
    KeySpec{.name = "range_km",
            .kind = KeyKind::kFigure,
            .unit = "km",
            .min = 0,
            .max = 25000,
            .min_exclusive = true,
            .description = "Maximum range."},
    // The softest targets modelled (parked aircraft, glass-like light structures) fail at about
    // 1 psi (Glasstone & Dolan 1977, ch. 5-6); 0.1 psi keeps a factor of ten below that while
    // stopping a near-zero hardness from giving an unbounded lethal radius ((Y/H)^(1/3)).
    KeySpec{.name = "hardness_psi",
            .kind = KeyKind::kFigure,
            .unit = "psi",
            .min = kMinHardnessPsi,
            .max = 100000,
            .description = "Peak overpressure the system's launchers withstand (silo, TEL, boat in port, bomber)."},
    KeySpec{
        .name = "untargetable_day_to_day",
        .kind = KeyKind::kFigure,
        .unit = "share",
        .min = 0,
        .max = 1,
        .description = "Share of deployed launchers the enemy cannot target day to day (at sea, dispersed, airborne)."},
    KeySpec{.name = "untargetable_generated",
            .kind = KeyKind::kFigure,
            .unit = "share",
            .min = 0,
            .max = 1,
            .description = "The same share when forces are generated."},
    KeySpec{.name = "new_start",
            .kind = KeyKind::kMapping,
            .description = "New START status (section `systems[].new_start`)."},
    KeySpec{.name = "upload_rate_per_month",
            .kind = KeyKind::kFigure,
            .unit = "warheads/month",
            .min = 0,
            .max = kMaxUploadPerMonth,
            .description = "Warheads per month that could be added by upload."},
    KeySpec{.name = "ready_day_to_day",
            .kind = KeyKind::kFigure,
            .required = false,
            .unit = "share",
            .min = 0,
            .max = 1,
            .description = "Share of deployed launchers ready for a surprise first strike day to day, where it is "
                           "known to differ from the striker availability (dual-capable aircraft); give it with "
                           "`ready_generated`. Used for forward deployments (docs/methods.md §12.5)."},
    KeySpec{.name = "ready_generated",
            .kind = KeyKind::kFigure,
            .required = false,
            .unit = "share",
            .min = 0,
            .max = 1,
            .description = "The same share when forces are generated."},
    KeySpec{.name = "launchers_per_aim_point_day_to_day",
            .kind = KeyKind::kFigure,
            .required = false,
            .unit = "launchers",
            .min = 1,
            .max = 1000,
            .description = "Targetable deployed launchers one aim point holds day to day (a boat in port: its "
                           "tubes; bombers per parking area; mobile launchers per garrison shelter area); give it "
                           "with `launchers_per_aim_point_generated`. Absent: 1; silos: 1 (docs/methods.md §6)."},
    KeySpec{.name = "launchers_per_aim_point_generated",
            .kind = KeyKind::kFigure,
            .required = false,
            .unit = "launchers",
            .min = 1,
            .max = 1000,
            .description = "The same when forces are generated."},
    KeySpec{.name = "bases",
            .kind = KeyKind::kList,
            .required = false,
            .description = "Where the deployed launchers are (section `systems[].bases[]`); their launchers sum "
                           "to `launchers_deployed`. Forward systems reach a base within their range."},
    KeySpec{.name = "notes", .kind = KeyKind::kString, .required = false, .description = "Free text."},
};

/// Coordinates of a base or a launch point, in degrees (WGS 84 as the sources give them).
constexpr KeySpec latitude_key(std::string_view description) {
  return KeySpec{.name = "lat_deg",
                 .kind = KeyKind::kNumber,
                 .unit = "degrees north",
                 .min = -90,
                 .max = 90,
                 .description = description};
}
constexpr KeySpec longitude_key() {
  return KeySpec{.name = "lon_deg",
                 .kind = KeyKind::kNumber,
                 .unit = "degrees east",
                 .min = -180,
                 .max = 180,
                 .description = "Longitude, west negative."};
}

constexpr std::array kBaseKeys{
    KeySpec{.name = "id", .kind = KeyKind::kId, .description = "Base id, unique within the system."},
    KeySpec{.name = "name",
            .kind = KeyKind::kString,
            .description = "Name, e.g. `Teykovo (54th Guards Missile Division)`."},
    latitude_key("Latitude of the base (or of its town), south negative."),
    longitude_key(),
    KeySpec{.name = "launchers",
            .kind = KeyKind::kFigure,
            .unit = "launchers",
            .min = 0,
            .max = kMaxLaunchers,
            .description = "Deployed launchers at the base."},
    KeySpec{.name = "src",
            .kind = KeyKind::kId,
            .description = "Id of the source of the coordinates; must exist in the snapshot's bibliography."},
};

constexpr std::array kWarheadKeys{
    KeySpec{.name = "type", .kind = KeyKind::kString, .description = "Warhead designation, e.g. `W87/Mk21`."},
    KeySpec{.name = "yield_kt",
            .kind = KeyKind::kFigure,
            .unit = "kt",
            .min = kMinYieldKt,
            .max = 100000,
            .description = "Explosive yield."},
    KeySpec{.name = "share",
            .kind = KeyKind::kFigure,
            .unit = "share",
            .min = 0,
            .max = 1,
            .description = "Share of the system's loaded warheads of this type."},
};

constexpr std::array kNewStartKeys{
    KeySpec{.name = "accountable", .kind = KeyKind::kBool, .description = "Whether New START limits the system."},
    KeySpec{.name = "counting",
            .kind = KeyKind::kEnum,
            .allowed = "reentry_vehicles | one_per_bomber | none",
            .description = "How its warheads count: actual re-entry vehicles, one per heavy bomber, or not at all."},
};

constexpr std::array kFigureKeys{
    KeySpec{.name = "value", .kind = KeyKind::kFigure, .description = "The number, in the unit of its key."},
    KeySpec{.name = "grade",
            .kind = KeyKind::kEnum,
            .required = false,
            .allowed = "OFF | EST | PRESS | LOW | ASSUMED | DERIVED",
            .description =
                "Trust grade (docs/io_formats.md): DERIVED is computed by the project from sourced figures, with "
                "the derivation in `note`. Missing: the figure is reported by `data check`."},
    KeySpec{.name = "src",
            .kind = KeyKind::kId,
            .required = false,
            .description =
                "Id of the source; must exist in the snapshot's bibliography. Missing: reported by `data check`."},
    KeySpec{.name = "date",
            .kind = KeyKind::kDate,
            .required = false,
            .description = "YYYY, YYYY-MM or YYYY-MM-DD; the source's date when absent."},
    KeySpec{.name = "range",
            .kind = KeyKind::kList,
            .required = false,
            .description =
                "`[low, high]` containing the value; required for ASSUMED figures (else reported by `data check`)."},
    KeySpec{.name = "dist",
            .kind = KeyKind::kEnum,
            .required = false,
            .allowed = "triangular | uniform | normal",
            .description = "Shape of the spread over `range` for the uncertainty runs; only with `range`."},
    KeySpec{.name = "note",
            .kind = KeyKind::kString,
            .required = false,
            .description = "Why this value: derivation, reasoning of an assumption."},
};

constexpr std::array kBibliographyKeys{
    KeySpec{
        .name = "schema", .kind = KeyKind::kInteger, .min = 1, .max = 1, .description = "Format version; must be 1."},
    KeySpec{.name = "sources", .kind = KeyKind::kList, .description = "Entries (section `sources[]`)."},
};

constexpr std::array kSourceKeys{
    KeySpec{.name = "id", .kind = KeyKind::kId, .description = "Id that figures cite; unique over all files in use."},
    KeySpec{.name = "title", .kind = KeyKind::kString, .description = "Title of the work."},
    KeySpec{.name = "author", .kind = KeyKind::kString, .required = false, .description = "Authors."},
    KeySpec{.name = "publisher", .kind = KeyKind::kString, .required = false, .description = "Publisher."},
    KeySpec{.name = "date", .kind = KeyKind::kDate, .description = "Publication date: YYYY, YYYY-MM or YYYY-MM-DD."},
    KeySpec{.name = "url", .kind = KeyKind::kString, .required = false, .description = "Where to read it."},
};

constexpr std::array kForceSections{
    SchemaSection{"snapshot", "(top level)", "Force snapshot file", kSnapshotKeys},
    SchemaSection{"inventory", "inventory", "Inventory", kInventoryKeys},
    SchemaSection{"system", "systems[]", "System", kSystemKeys},
    SchemaSection{"warhead", "systems[].warheads[]", "Warhead type", kWarheadKeys},
    SchemaSection{"new_start", "systems[].new_start", "New START status", kNewStartKeys},
    SchemaSection{"base", "systems[].bases[]", "Base", kBaseKeys},
    SchemaSection{"figure", "(any figure)", "Figure (a sourced number)", kFigureKeys},
};

constexpr std::array kScenarioKeys{
    KeySpec{.name = "name", .kind = KeyKind::kString, .description = "Short name of the scenario."},
    KeySpec{.name = "description",
            .kind = KeyKind::kString,
            .required = false,
            .description = "What the scenario asks, and the source of its premise."},
    KeySpec{.name = "sides",
            .kind = KeyKind::kMapping,
            .description = "Two or three sides, by id (e.g. `A`, `B` or `US`, `RU`); section `sides.<ID>`."},
    KeySpec{.name = "options",
            .kind = KeyKind::kMapping,
            .required = false,
            .description = "Model constants (section `options`); the defaults of docs/methods.md §7 when absent."},
    KeySpec{.name = "treaty",
            .kind = KeyKind::kString,
            .required = false,
            .description = "Treaty regime whose limits `compare` counts the sides' forces against (a "
                           "`data/treaties` id; default new-start)."},
    KeySpec{.name = "comply",
            .kind = KeyKind::kBool,
            .required = false,
            .description =
                "Real sides: bring each side's force within every limit of `treaty` by the side's stated "
                "rule before the exchange (`stratstab treaty comply`; docs/methods.md §8.1; default false)."},
    KeySpec{.name = "mix",
            .kind = KeyKind::kEnum,
            .required = false,
            .allowed = "rule | survivable | ratio",
            .description = "With `comply: true`, how each side chooses its mix within the limits: the stated rule "
                           "alone, or then moving warheads between storage and its strategic systems to maximise its "
                           "own warheads surviving the other's first strike (`survivable`) or its own ratio "
                           "(`ratio`) (docs/methods.md §8.1; default rule)."},
    KeySpec{.name = "treaty_limits",
            .kind = KeyKind::kMapping,
            .required = false,
            .description = "Values for limits of `treaty` by limit id (`treaty_limits: {total_warheads: 3000}`), as "
                           "`treaty count --limit`; counts in [0, 100000]."},
    KeySpec{.name = "premise",
            .kind = KeyKind::kString,
            .required = false,
            .description = "The event the scenario's premise rests on, with its source."},
    KeySpec{.name = "uncertainty",
            .kind = KeyKind::kMapping,
            .required = false,
            .description = "Uncertain inputs for `uncertainty` and `--samples`: key paths (`sides.US.w80`, "
                           "`sides.A.abstract.de`), each `fixed` or a section `uncertainty.<path>` "
                           "(docs/methods.md §13.2). Nested mappings are read as dotted paths."},
};

constexpr std::array kUncertaintyEntryKeys{
    KeySpec{.name = "dist",
            .kind = KeyKind::kEnum,
            .required = false,
            .allowed = "triangular | uniform | normal",
            .description = "The distribution; default the figure's own (`dist`) or triangular.",
            .default_word = "triangular"},
    KeySpec{.name = "low", .kind = KeyKind::kNumber, .required = false, .description = "Low end of the range."},
    KeySpec{.name = "mode",
            .kind = KeyKind::kNumber,
            .required = false,
            .description = "Triangular: the mode; default the point value."},
    KeySpec{.name = "high", .kind = KeyKind::kNumber, .required = false, .description = "High end of the range."},
    KeySpec{.name = "mean",
            .kind = KeyKind::kNumber,
            .required = false,
            .description = "Normal: the mean before truncation to [low, high]; default the point value."},
    KeySpec{.name = "sd",
            .kind = KeyKind::kNumber,
            .required = false,
            .min = 0,
            .min_exclusive = true,
            .description = "Normal: the standard deviation; default a quarter of the range."},
    KeySpec{.name = "group",
            .kind = KeyKind::kString,
            .required = false,
            .description = "Inputs of one group are drawn together (one uniform draw, each at its own quantile)."},
};

constexpr std::array kScenarioSideKeys{
    KeySpec{.name = "abstract",
            .kind = KeyKind::kMapping,
            .required = false,
            .description = "The side in Kent and Thaler's abstract form (section `sides.<ID>.abstract`). "
                           "Give either `abstract` or `force`, and the same form for every side."},
    KeySpec{.name = "force",
            .kind = KeyKind::kString,
            .required = false,
            .description = "A real side: a bundled force snapshot id (e.g. `us-2026-11-01`, see `stratstab data "
                           "list`) or the path of a snapshot file (relative to the scenario file)."},
    KeySpec{.name = "upload_months",
            .kind = KeyKind::kInteger,
            .required = false,
            .unit = "months",
            .min = 0,
            .max = 600,
            .description = "Real sides: the force after this many months of upload at the systems' rates "
                           "(`stratstab upload`; default 0)."},
    KeySpec{.name = "split",
            .kind = KeyKind::kMapping,
            .required = false,
            .description = "Three sides: how this side divides its warheads between its two opponents "
                           "(docs/methods.md §13.5): `proportional` (the default: in proportion to each opponent's "
                           "warheads in the exchange), `chosen` (the share, in steps of 0.1, that makes the "
                           "cheaper of its two opponents' first strikes on it as costly as it can), or a mapping of "
                           "the two other sides' ids to shares summing to 1 (`split: {RU: 0.7, CN: 0.3}`). In an "
                           "exchange with one opponent the side holds its share "
                           "against the other back, in its first strike and in its retaliation."},
    KeySpec{.name = "withheld",
            .kind = KeyKind::kNumber,
            .required = false,
            .unit = "share",
            .min = 0,
            .max = 1,
            .description = "Real sides of a two-sided scenario: share of this side's warheads held back from the "
                           "exchange against a third country, in its first strike and its retaliation (default 0; "
                           "with three sides `split` does this)."},
    KeySpec{.name = "defence",
            .kind = KeyKind::kMapping,
            .required = false,
            .description =
                "Real sides: this side's missile defence (section `sides.<ID>.defence`; docs/methods.md §12.1). "
                "Acts on the other side's warheads in both strikes. The old spelling `defense` is read the same, "
                "with a warning."},
    KeySpec{.name = "command",
            .kind = KeyKind::kMapping,
            .required = false,
            .description = "Real sides: this side's command and control as a victim (section `sides.<ID>.command`): "
                           "command survival by posture, decapitation, devolution routes (Perimeter)."},
    KeySpec{.name = "decapitation_share",
            .kind = KeyKind::kFigure,
            .required = false,
            .unit = "share",
            .min = 0,
            .max = 0.5,
            .description = "Real sides: with `options.decapitation: fixed_share`, share of this side's first strike "
                           "aimed at the other side's command (default 0)."},
    KeySpec{.name = "warning",
            .kind = KeyKind::kMapping,
            .required = false,
            .description = "Real sides: this side's warning and reaction times as a victim (section "
                           "`sides.<ID>.warning`); used with `options.warning: true`."},
    KeySpec{.name = "flight_minutes",
            .kind = KeyKind::kMapping,
            .required = false,
            .description = "Real sides: flight times of this side's missiles to the other side (section "
                           "`sides.<ID>.flight_minutes`); used with `options.warning: true`."},
    KeySpec{.name = "forward",
            .kind = KeyKind::kList,
            .required = false,
            .description = "Real sides: forward-based systems of this side that take part in the exchange (list of "
                           "section `sides.<ID>.forward[]`)."},
    KeySpec{.name = "damage_curve",
            .kind = KeyKind::kList,
            .required = false,
            .description = "Real sides: this side's own damage curve, a list of points [w, D] (arriving warheads, "
                           "share of its value destroyed): first [0, 0], w increasing, D non-decreasing in [0, 1], "
                           "concave; linear between points, constant after the last. Replaces the exponential and "
                           "the city curve for this side (docs/methods.md §7)."},
};

constexpr std::array kDefenceKeys{
    KeySpec{.name = "interceptors",
            .kind = KeyKind::kFigure,
            .unit = "interceptors",
            .min = 0,
            .max = 1000000,
            .description = "Interceptor inventory, shared by the layers by their `inventory_share`."},
    KeySpec{.name = "covers",
            .kind = KeyKind::kEnum,
            .required = false,
            .allowed = "value | silos | both",
            .description = "What the defence protects (default value): value acts on value warheads and the "
                           "retaliation, silos on counterforce warheads."},
    KeySpec{.name = "silo_share",
            .kind = KeyKind::kFigure,
            .required = false,
            .unit = "share",
            .min = 0,
            .max = 1,
            .description = "With `covers: both`: share of each layer's interceptors kept for the silos (default 0.5)."},
    KeySpec{.name = "decoys_per_warhead",
            .kind = KeyKind::kFigure,
            .required = false,
            .unit = "objects",
            .min = 0,
            .max = 100,
            .description = "Decoys each attacking warhead brings that the layers with `sees_decoys` cannot reject "
                           "(default 0)."},
    KeySpec{.name = "sites",
            .kind = KeyKind::kFigure,
            .required = false,
            .unit = "sites",
            .min = 0,
            .max = 10000,
            .description = "Ground sites of the suppressible layers a striker may attack first (default 0: no "
                           "suppression)."},
    KeySpec{.name = "site_kill_probability",
            .kind = KeyKind::kFigure,
            .required = false,
            .unit = "probability",
            .min = 0,
            .max = 1,
            .min_nonzero = kMinProbability,
            .description = "Of one arriving warhead on one site (default 0.9)."},
    KeySpec{.name = "adaptive_offence",
            .kind = KeyKind::kEnum,
            .required = false,
            .allowed = "none | decoys",
            .description = "How an attacker adapts to this defence (default decoys: it brings decoys up to "
                           "`max_decoys_per_warhead`, free to it in this model; none: the attack as given)."},
    KeySpec{.name = "max_decoys_per_warhead",
            .kind = KeyKind::kFigure,
            .required = false,
            .unit = "objects",
            .min = 0,
            .max = 100,
            .description = "With `adaptive_offence: decoys`: the most decoys per warhead the attacker can bring "
                           "(default 0: none beyond `decoys_per_warhead`)."},
    KeySpec{.name = "concentrate_on_undefended",
            .kind = KeyKind::kBool,
            .required = false,
            .description = "true: an attacker on this side's value splits its warheads between the value inside "
                           "the layers' footprints and the rest so as to destroy the most "
                           "(docs/methods.md §12.1); default false: it spreads them evenly and a layer of "
                           "footprint f meets f of them."},
    KeySpec{.name = "layers",
            .kind = KeyKind::kList,
            .description = "The layers, outermost first (list of section `sides.<ID>.defence.layers[]`)."},
};

constexpr std::array kDefenceLayerKeys{
    KeySpec{.name = "name", .kind = KeyKind::kString, .description = "Name of the layer."},
    KeySpec{.name = "sspk",
            .kind = KeyKind::kFigure,
            .unit = "probability",
            .min = 0,
            .max = 1,
            .min_nonzero = kMinProbability,
            .description = "Kill probability of one interceptor on one object."},
    KeySpec{.name = "shots",
            .kind = KeyKind::kInteger,
            .required = false,
            .unit = "interceptors",
            .min = 1,
            .max = 16,
            .description = "Interceptors fired at each object (default 1)."},
    KeySpec{.name = "second_shots",
            .kind = KeyKind::kInteger,
            .required = false,
            .unit = "interceptors",
            .min = 0,
            .max = 16,
            .description = "Shoot-look-shoot: interceptors fired after a seen miss (default 0: barrage)."},
    KeySpec{.name = "tracking_reliability",
            .kind = KeyKind::kFigure,
            .required = false,
            .unit = "probability",
            .min = 0,
            .max = 1,
            .description = "Chance of no common-mode failure (tracking, discrimination; default 1)."},
    KeySpec{.name = "inventory_share",
            .kind = KeyKind::kFigure,
            .required = false,
            .unit = "share",
            .min = 0,
            .max = 1,
            .description = "Share of the interceptors this layer holds (default: an equal share; shares may not "
                           "sum above 1)."},
    KeySpec{.name = "sees_decoys",
            .kind = KeyKind::kBool,
            .required = false,
            .description = "Whether the layer must engage decoys as well as warheads (default true)."},
    KeySpec{.name = "suppressible",
            .kind = KeyKind::kBool,
            .required = false,
            .description = "Whether its interceptors sit at ground sites a striker can attack (default true; false "
                           "for space-based layers)."},
    KeySpec{.name = "absentee_ratio",
            .kind = KeyKind::kFigure,
            .required = false,
            .unit = "ratio",
            .min = 1,
            .max = 10000,
            .description = "Space-based layers: constellation size over the interceptors within reach of a launch "
                           "area when it matters; the layer engages with its share divided by it (default 1: all)."},
    KeySpec{.name = "engages",
            .kind = KeyKind::kEnum,
            .required = false,
            .allowed = "warheads | boosters",
            .description = "What one engagement is aimed at (default warheads); boosters: boost phase, one kill "
                           "takes all the booster's warheads (the attacking force's mean per ICBM and SLBM) "
                           "before decoys are out."},
    KeySpec{.name = "footprint",
            .kind = KeyKind::kFigure,
            .required = false,
            .unit = "share",
            .min = 0.001,
            .max = 1,
            .description = "Share of the defended value (or silos) inside the layer's coverage (default 1: the "
                           "whole country); warheads on the rest pass it."},
};

constexpr std::array kForwardKeys{
    KeySpec{.name = "system",
            .kind = KeyKind::kString,
            .description = "Id of a system in this side's snapshot that is not in the central exchange (basing "
                           "intermediate or nonstrategic)."},
    KeySpec{.name = "location",
            .kind = KeyKind::kString,
            .required = false,
            .description = "Where it is based (e.g. Belarus)."},
    KeySpec{.name = "flight_minutes",
            .kind = KeyKind::kNumber,
            .unit = "minutes",
            .min = 0.5,
            .max = 600,
            .description = "Flight time to the targets it reaches."},
    KeySpec{.name = "reaches",
            .kind = KeyKind::kIdList,
            .required = false,
            .description = "Ids of the other side's systems within its range (default none)."},
    KeySpec{.name = "reaches_value",
            .kind = KeyKind::kBool,
            .required = false,
            .description = "Whether it can strike the other side's value (its homeland; default false)."},
    KeySpec{.name = "warheads_per_launcher",
            .kind = KeyKind::kNumber,
            .required = false,
            .unit = "warheads",
            .min = 0,
            .max = 64,
            .description = "Warheads loaded for the scenario (default: the snapshot's)."},
    KeySpec{.name = "launch_point",
            .kind = KeyKind::kMapping,
            .required = false,
            .description = "Where it launches from (section `sides.<ID>.forward[].launch_point`). With it, a system "
                           "in `reaches` is reached only at its bases within the forward system's `range_km` "
                           "(great-circle distance), and every system in `reaches` with deployed launchers must list "
                           "its bases; without it, whole systems are reached (an upper bound)."},
};

constexpr std::array kLaunchPointKeys{
    KeySpec{.name = "name", .kind = KeyKind::kString, .required = false, .description = "Name of the place."},
    latitude_key("Latitude, south negative."),
    longitude_key(),
    KeySpec{.name = "source",
            .kind = KeyKind::kString,
            .description = "Where the coordinates come from (a public source), and why this point."},
};

constexpr std::array kAbstractSideKeys{
    KeySpec{.name = "nf",
            .kind = KeyKind::kNumber,
            .unit = "launchers",
            .min = 0,
            .max = 100000,
            .description = "Fixed (silo) launchers."},
    KeySpec{.name = "mf",
            .kind = KeyKind::kNumber,
            .unit = "warheads",
            .min = 0,
            .max = 30,
            .description = "Warheads on each fixed launcher."},
    KeySpec{.name = "ns",
            .kind = KeyKind::kNumber,
            .unit = "launchers",
            .min = 0,
            .max = 100000,
            .description = "Survivable launchers (mobile, SSBN tubes, bombers)."},
    KeySpec{.name = "ms",
            .kind = KeyKind::kNumber,
            .unit = "warheads",
            .min = 0,
            .max = 30,
            .description = "Warheads on each survivable launcher."},
    KeySpec{.name = "alert",
            .kind = KeyKind::kNumber,
            .unit = "share",
            .min = 0,
            .max = 1,
            .description = "Share of survivable launchers that cannot be targeted."},
    KeySpec{.name = "de",
            .kind = KeyKind::kNumber,
            .unit = "probability",
            .min = 0,
            .max = 1,
            .min_nonzero = kMinProbability,
            .description = "Kill probability of one of this side's warheads against one enemy launcher."},
    KeySpec{.name = "w80",
            .kind = KeyKind::kNumber,
            .unit = "warheads",
            .min = kMinW80,
            .max = kMaxWarheads,
            .description = "Arriving warheads that destroy 80% of this side's value."},
};

constexpr std::array kScenarioSections{
    SchemaSection{"scenario", "(top level)", "Scenario file", kScenarioKeys},
    SchemaSection{"scenario_side", "sides.<ID>", "Scenario side", kScenarioSideKeys},
    SchemaSection{"abstract_side", "sides.<ID>.abstract", "Abstract side", kAbstractSideKeys},
    SchemaSection{"defence", "sides.<ID>.defence", "Missile defence", kDefenceKeys},
    SchemaSection{"defence_layer", "sides.<ID>.defence.layers[]", "Missile defence layer", kDefenceLayerKeys},
    SchemaSection{"command", "sides.<ID>.command", "Command and control", kScenarioCommandKeys},
    SchemaSection{"devolution_route", "sides.<ID>.command.devolution[]", "Devolution route", kDevolutionRouteKeys},
    SchemaSection{"warning", "sides.<ID>.warning", "Warning and reaction times", kScenarioWarningKeys},
    SchemaSection{"flight_minutes", "sides.<ID>.flight_minutes", "Flight times", kScenarioFlightKeys},
    SchemaSection{"forward", "sides.<ID>.forward[]", "Forward-based system", kForwardKeys},
    SchemaSection{"launch_point", "sides.<ID>.forward[].launch_point", "Launch point", kLaunchPointKeys},
    SchemaSection{"options", "options", "Options", kScenarioOptionKeys},
    SchemaSection{"uncertainty_entry", "uncertainty.<path>", "Uncertain input", kUncertaintyEntryKeys},
};

constexpr std::array kBibliographySections{
    SchemaSection{"bibliography", "(top level)", "Bibliography file", kBibliographyKeys},
    SchemaSection{"source", "sources[]", "Source", kSourceKeys},
};

constexpr double kMaxWtaWeapons = 1000000;  // per kind; the integer answers place weapons one by one

constexpr std::array kWtaProblemKeys{
    KeySpec{.name = "name", .kind = KeyKind::kString, .required = false, .description = "Short name of the problem."},
    KeySpec{.name = "description",
            .kind = KeyKind::kString,
            .required = false,
            .description = "What the problem models and where its numbers come from."},
    KeySpec{
        .name = "weapons", .kind = KeyKind::kList, .description = "Weapon kinds, at least one (section `weapons[]`)."},
    KeySpec{.name = "targets", .kind = KeyKind::kList, .description = "Targets, at least one (section `targets[]`)."},
    KeySpec{.name = "kill_probability",
            .kind = KeyKind::kList,
            .required = false,
            .description = "Single-shot kill probability of each weapon kind against each target it can reach "
                           "(section `kill_probability[]`); pairs not listed have p = 0. Give this or "
                           "`kill_probability_csv`."},
    KeySpec{.name = "kill_probability_csv",
            .kind = KeyKind::kString,
            .required = false,
            .description = "Instead of `kill_probability`: a CSV file of the same table (header `weapon,target,p`, "
                           "one row per pair), relative to the problem file; the compact form for large problems."},
};

constexpr std::array kWtaWeaponKeys{
    KeySpec{.name = "id", .kind = KeyKind::kString, .description = "Weapon kind id, unique among weapons."},
    KeySpec{.name = "available",
            .kind = KeyKind::kInteger,
            .unit = "weapons",
            .min = 0,
            .max = kMaxWtaWeapons,
            .description = "Weapons of this kind available."},
};

constexpr std::array kWtaTargetKeys{
    KeySpec{.name = "id", .kind = KeyKind::kString, .description = "Target id, unique among targets."},
    KeySpec{.name = "value",
            .kind = KeyKind::kNumber,
            .min = 0,
            .max = 1e12,
            .description = "Value of destroying the target (any unit, the same for all targets)."},
    KeySpec{.name = "min_weapons",
            .kind = KeyKind::kInteger,
            .required = false,
            .unit = "weapons",
            .min = 0,
            .max = kMaxWtaWeapons,
            .description = "At least this many weapons must be assigned to the target (default 0)."},
};

constexpr std::array kWtaKillProbabilityKeys{
    KeySpec{.name = "weapon", .kind = KeyKind::kString, .description = "Weapon kind id (from `weapons[]`)."},
    KeySpec{.name = "target", .kind = KeyKind::kString, .description = "Target id (from `targets[]`)."},
    KeySpec{.name = "p",
            .kind = KeyKind::kNumber,
            .unit = "probability",
            .min = 0,
            .max = 1,
            .min_nonzero = kMinProbability,
            .description = "Probability that one weapon of this kind destroys the target."},
};

constexpr std::array kWtaSections{
    SchemaSection{"wta_problem", "(top level)", "Weapon-target assignment problem", kWtaProblemKeys},
    SchemaSection{"wta_weapon", "weapons[]", "WTA weapon kind", kWtaWeaponKeys},
    SchemaSection{"wta_target", "targets[]", "WTA target", kWtaTargetKeys},
    SchemaSection{"wta_kill_probability", "kill_probability[]", "WTA kill probability", kWtaKillProbabilityKeys},
};

std::string_view kind_name(KeyKind kind) {
  switch (kind) {
    case KeyKind::kInteger: return "integer";
    case KeyKind::kString: return "text";
    case KeyKind::kId: return "id";
    case KeyKind::kDate: return "date";
    case KeyKind::kEnum: return "one of";
    case KeyKind::kBool: return "true/false";
    case KeyKind::kNumber: return "number";
    case KeyKind::kFigure: return "figure";
    case KeyKind::kMapping: return "mapping";
    case KeyKind::kList: return "list";
    case KeyKind::kPathList: return "list of paths";
    case KeyKind::kEnumList: return "list, each one of";
    case KeyKind::kIdList: return "list of ids";
  }
  return "?";
}

std::string format_bound(double bound) {
  return fmt::format("{:g}", bound);
}

std::string bounds_text(const KeySpec& key) {
  if (key.kind != KeyKind::kFigure && key.kind != KeyKind::kInteger && key.kind != KeyKind::kNumber) return "";
  const bool has_min = key.min > -std::numeric_limits<double>::infinity();
  const bool has_max = key.max < std::numeric_limits<double>::infinity();
  if (!has_min && !has_max) return "";
  std::string text = has_min ? fmt::format("{}{}", key.min_exclusive ? "(" : "[", format_bound(key.min)) : "(-inf";
  text += ", ";
  text += has_max ? fmt::format("{}]", format_bound(key.max)) : "inf)";
  if (key.min_nonzero > 0) text += fmt::format(", 0 or >= {}", format_bound(key.min_nonzero));
  if (key.integer) text += " whole";
  return text;
}

}  // namespace

bool within_bounds(double value, const KeySpec& spec) {
  if (spec.min_exclusive ? !(value > spec.min) : !(value >= spec.min)) return false;
  if (!(value <= spec.max)) return false;
  if (value != 0 && std::fabs(value) < spec.min_nonzero) return false;
  return !spec.integer || std::floor(value) == value;
}

std::string expected_number_text(const KeySpec& spec) {
  const bool has_min = spec.min > -std::numeric_limits<double>::infinity();
  const bool has_max = spec.max < std::numeric_limits<double>::infinity();
  std::string what = spec.integer ? "a whole number" : "a number";
  if (!spec.unit.empty()) what += fmt::format(" of {}", spec.unit);
  if (has_min && has_max) {
    what += fmt::format(" in {}{:g}, {:g}]", spec.min_exclusive ? "(" : "[", spec.min, spec.max);
  } else if (has_min) {
    what += fmt::format(" {} {:g}", spec.min_exclusive ? ">" : ">=", spec.min);
  } else if (has_max) {
    what += fmt::format(" <= {:g}", spec.max);
  }
  if (spec.min_nonzero > 0) what += fmt::format(", either 0 or at least {:g}", spec.min_nonzero);
  return what;
}

const KeySpec* SchemaSection::find(std::string_view key) const {
  for (const KeySpec& spec : keys) {
    if (spec.name == key) return &spec;
  }
  return nullptr;
}

std::span<const SchemaSection> force_snapshot_schema() {
  return kForceSections;
}
std::span<const SchemaSection> scenario_schema() {
  return kScenarioSections;
}
std::span<const SchemaSection> bibliography_schema() {
  return kBibliographySections;
}
std::span<const SchemaSection> wta_schema() {
  return kWtaSections;
}

const SchemaSection& schema_section(std::string_view id) {
  for (const auto& sections : {force_snapshot_schema(), bibliography_schema(), scenario_schema(), treaty_schema(),
                               wta_schema(), pathway_schema(), crisis_schema(), arms_race_schema()}) {
    for (const SchemaSection& section : sections) {
      if (section.id == id) return section;
    }
  }
  throw std::logic_error(fmt::format("stratstab: no schema section '{}'", id));
}

const KeySpec& key_spec(std::string_view section_id, std::string_view key) {
  const KeySpec* spec = schema_section(section_id).find(key);
  if (spec == nullptr) throw std::logic_error(fmt::format("stratstab: no key '{}' in section '{}'", key, section_id));
  return *spec;
}

std::string key_default_text(const KeySpec& spec) {
  if (!spec.default_word.empty()) return std::string(spec.default_word);
  if (!spec.default_value) return "";
  if (spec.kind == KeyKind::kBool) return *spec.default_value != 0 ? "true" : "false";
  std::string text = fmt::format("{:g}", *spec.default_value);
  if (const auto e = text.find("e-0"); e != std::string::npos) text.erase(e + 2, 1);  // 1e-09 as 1e-9
  return text;
}

std::string key_bounds_text(const KeySpec& spec) {
  return bounds_text(spec);
}

std::string key_reference_markdown() {
  std::string out;
  for (const auto& sections : {force_snapshot_schema(), bibliography_schema(), scenario_schema(), treaty_schema(),
                               wta_schema(), pathway_schema(), crisis_schema(), arms_race_schema()}) {
    for (const SchemaSection& section : sections) {
      // A default column only where the table gives defaults (the other sections' keys say it in
      // their descriptions, or have none).
      const bool defaults = std::any_of(section.keys.begin(), section.keys.end(), [](const KeySpec& key) {
        return key.default_value.has_value() || !key.default_word.empty();
      });
      out += fmt::format("### {} (`{}`)\n\n", section.title, section.path);
      out += defaults ? "| key | type | required | unit | bounds | default | description |\n"
                      : "| key | type | required | unit | bounds | description |\n";
      out += defaults ? "|---|---|---|---|---|---|---|\n" : "|---|---|---|---|---|---|\n";
      for (const KeySpec& key : section.keys) {
        std::string type{kind_name(key.kind)};
        if (key.kind == KeyKind::kEnum || key.kind == KeyKind::kEnumList) type += fmt::format(" `{}`", key.allowed);
        out += fmt::format("| `{}` | {} | {} | {} | {} |", key.name, type, key.required ? "yes" : "no", key.unit,
                           bounds_text(key));
        if (defaults) out += fmt::format(" {} |", key_default_text(key));
        out += fmt::format(" {} |\n", key.description);
      }
      out += "\n";
    }
  }
  return out;
}

}  // namespace stratstab

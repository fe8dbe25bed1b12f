// Scenarios: two or three sides and the model options, read from YAML (data/scenarios/*.yaml or a user's
// file), optionally changed by `--set KEY=VALUE` overrides that go through the same validation.
#pragma once

#include <array>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include <map>
#include <memory>
#include <optional>

#include "stratstab/compliance.hpp"
#include "stratstab/exchange.hpp"
#include "stratstab/forces.hpp"
#include "stratstab/load.hpp"
#include "stratstab/stability.hpp"
#include "stratstab/three_sided.hpp"
#include "stratstab/uncertainty_spec.hpp"

namespace stratstab {

/// A number of the scenario file that is an assumption about the world (defence, command, warning,
/// flight times: io/scenario_figures.hpp), kept as read, with its provenance and range, under the key
/// path InputAccessor::resolve takes (`sides.US.defence.layers[0].sspk`), so that a ranged one is an
/// uncertain input (docs/methods.md §13.2).
struct ScenarioFigure {
  std::string path;  ///< e.g. `sides.US.command.survival` (`defence`, never the old `defense`)
  Figure figure;     ///< value (after any `--set`), grade, source, range, note, where it was read
};

/// One side: either Kent–Thaler's abstract form or a real force snapshot (both sides the same form).
struct ScenarioSide {
  std::string id;                           ///< as written under `sides:` (e.g. `A`, `US`)
  std::optional<AbstractSide> abstract;     ///< Kent–Thaler abstract form (docs/methods.md §7)
  std::optional<ForceSnapshot> forces;      ///< a real side: the snapshot, loaded and validated
  std::string force_reference;              ///< `force:` as written (snapshot id or path)
  int upload_months = 0;                    ///< the snapshot is uploaded for this many months (prepare.hpp)
  double withheld = 0;                      ///< share held back against a third country
  std::optional<MissileDefence> defence;    ///< `defence:` (old spelling `defense:`)
  CommandAndControl command;                ///< its `devolution` view is left empty: the routes are `devolution` below
  bool command_given = false;               ///< `command:` was written (a decapitation strike on this side needs it)
  std::vector<DevolutionRoute> devolution;  ///< `command.devolution[]` (side_options points command at it)
  double decapitation_share = 0;
  WarningChain warning;
  FlightTimes flight;
  std::vector<ForwardDeployment> forward;
  /// A real side: its bundled city table (data/cities/<side>.yaml), when the catalogue has one.
  std::optional<CityTable> cities;
  /// Set by prepare_scenario where both sides have city tables: the w80 the table gives under the
  /// other side's yields, with its range (docs/methods.md §7), and the snapshot's own w80.
  std::optional<DerivedW80> derived_w80;
  std::optional<Figure> snapshot_w80;
  /// The side's own `damage_curve` (loaded), or, set by prepare_scenario with `options.damage:
  /// cities`, the tabulated city curve: the curve the exchange uses for this side's value
  /// (side_options points at it).
  std::optional<DamageCurve> damage_curve;
  bool damage_curve_given = false;  ///< `damage_curve` was written for this side
  /// The side's scenario figures as read (plain numbers too, with no grade), in file order.
  std::vector<ScenarioFigure> figures;
  /// Set by prepare_scenario with `comply: true`: how the stated rule brought the force within the
  /// limits (its `snapshot` is `forces` before any `mix` change), and the mix changes after it.
  std::shared_ptr<const ComplianceResult> compliance;
  std::vector<ComplianceChange> mix_changes;
  /// Three sides (docs/methods.md §13.5): how this side divides its warheads between its two
  /// opponents (`split:`; shares by side index). Unused with two sides.
  WarheadSplit split;
  bool split_given = false;  ///< `split:` was written
};

/// With `comply: true` and a `mix` objective: the exchange with both sides under the rule alone,
/// so that a report can show what each side's choice of mix did to the other (prepare.hpp).
struct MixOutcome {
  StabilityResult rule_only;
  std::size_t evaluations = 0;  ///< exchanges evaluated by the search
};

/// The side's exchange options (a view into `side`, which must outlive it).
SideOptions side_options(const ScenarioSide& side);

struct Scenario {
  std::string name;
  std::string description;
  /// Two sides, or three (docs/methods.md §13.5). Two by default, so that code building a
  /// scenario by hand starts from the two-sided form.
  std::vector<ScenarioSide> sides = std::vector<ScenarioSide>(2);
  StabilityParameters parameters;
  PostureCase posture = PostureCase::kDayToDay;  ///< real sides only
  std::string treaty = "new-start";              ///< regime `compare` counts against
  /// `comply: true` (docs/methods.md §8.1): prepare_scenario brings each real side within every
  /// limit of `regime` by its stated rule, then (with `mix` other than rule) chooses its mix.
  bool comply = false;
  MixObjective mix = MixObjective::kRule;
  std::map<std::string, double, std::less<>> treaty_limits;  ///< `treaty_limits`: limit values by id
  std::shared_ptr<const Treaty> regime;                      ///< the treaty, loaded when `comply`
  /// Per side, the snapshot a freeze limit counts from (the side's snapshot at its reference date).
  std::array<std::shared_ptr<const ForceSnapshot>, 3> treaty_reference;
  std::optional<MixOutcome> mix_outcome;  ///< set by prepare_scenario with a `mix` objective
  std::string premise;
  std::string file;
  /// `uncertainty:` entries, in file order (docs/methods.md §13.2); paths are resolved by the
  /// uncertainty runs, which report an unknown one at the entry.
  std::vector<UncertaintyEntry> uncertainty;
  /// prepare_scenario has run (prepare.hpp): real sides' snapshots are the ones evaluated.
  bool prepared = false;

  [[nodiscard]] bool is_real() const { return sides[0].forces.has_value(); }
  [[nodiscard]] bool is_three_sided() const { return sides.size() == 3; }
};

/// One `--set KEY=VALUE`: a dotted key path and a YAML value.
struct Override {
  std::string path;   ///< e.g. `sides.A.abstract.alert`
  std::string value;  ///< e.g. `0.7`
  /// Parses `KEY=VALUE`; throws InputError (located at the command line) when malformed.
  static Override parse(const std::string& text);
  /// `parse` of each `--set` text, in order (the first malformed one throws).
  static std::vector<Override> parse_all(const std::vector<std::string>& texts);
  /// Whether `path` is a dotted key path as KEY takes it: non-empty segments, each a key with
  /// optional list indices `[N]` (`sides.US.defence.layers[0].sspk`).
  static bool is_key_path(std::string_view path);
};

class DataSource;

/// Choices of the caller of read_scenario (command-line flags).
struct ScenarioReadOptions {
  /// A side whose id names a country paired with another country's snapshot (`sides.US.force:
  /// ru-2026-11-01`) is a warning rather than an error (`--allow-mismatched-force`).
  bool allow_mismatched_force = false;
};

/// Reads a scenario file, applies the overrides to its YAML tree, then validates everything. A
/// problem in an overridden value, or at a key an override made up, is located at `--set
/// KEY=VALUE` rather than in the file. KEY may index lists (`sides.US.defence.layers[0].sspk`);
/// a side id that is not one of the scenario's two, or an index past a list's end, is an error.
/// KEY may also name a figure of a real side's force snapshot (`sides.US.systems.mm3.cep_m`,
/// `...warheads[0].yield_kt`, `...bases[1].launchers`, `sides.RU.inventory.warheads_stored`,
/// `sides.US.w80`; snapshot_figures.hpp): such overrides are kept out of the tree and applied to
/// the side's copy of its snapshot once loaded, then checked as the force loader checks a file. A
/// figure with a stated range refuses a value outside it unless the same command widens it
/// (`K.range=[low, high]`, or `K={value: v, range: [low, high]}`); a number given to a figure written
/// as a mapping replaces only its `value`.
/// Real sides' `force:` ids and `treaty:` ids are resolved in `catalog`; relative paths resolve
/// against the scenario file's folder when written in it and against the working directory when
/// given by `--set`. Without a catalog only paths are accepted for `force:` and `treaty:` is not
/// checked. Warnings (e.g. an allowed mismatched force) come back in `diagnostics` with a value.
LoadResult<Scenario> read_scenario(const std::filesystem::path& file, const std::vector<Override>& overrides = {},
                                   const DataSource* catalog = nullptr, const ScenarioReadOptions& options = {});

/// As read_scenario, but throws InputError when there is any error (warnings are dropped).
Scenario load_scenario(const std::filesystem::path& file, const std::vector<Override>& overrides = {},
                       const DataSource* catalog = nullptr, const ScenarioReadOptions& options = {});

}  // namespace stratstab

namespace stratstab {

/// Evaluates a validated scenario (abstract or real): both first strikes and the index. Pure and
/// reentrant.
StabilityResult evaluate_scenario(const Scenario& scenario);

}  // namespace stratstab

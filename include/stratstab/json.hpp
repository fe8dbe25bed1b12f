// JSON forms of the library's plain structs (nlohmann::json), for `--json` output, the future web
// page and Python module. Key names match the YAML keys where there is one.
#pragma once

#include <nlohmann/json.hpp>

#include "stratstab/arms_race.hpp"
#include "stratstab/assessment.hpp"
#include "stratstab/audit.hpp"
#include "stratstab/compare.hpp"
#include "stratstab/compliance.hpp"
#include "stratstab/crisis_run.hpp"
#include "stratstab/detection.hpp"
#include "stratstab/ensemble.hpp"
#include "stratstab/error.hpp"
#include "stratstab/figure.hpp"
#include "stratstab/forces.hpp"
#include "stratstab/pathway_run.hpp"
#include "stratstab/perceived_index.hpp"
#include "stratstab/scenario.hpp"
#include "stratstab/sensitivity.hpp"
#include "stratstab/sweep.hpp"
#include "stratstab/treaty.hpp"
#include "stratstab/uncertainty.hpp"
#include "stratstab/upload.hpp"
#include "stratstab/weapon_effects.hpp"
#include "stratstab/wta.hpp"

namespace stratstab {

nlohmann::json to_json(const SourceLocation& where);
nlohmann::json to_json(const Diagnostic& diagnostic);
nlohmann::json to_json(const Figure& figure);
nlohmann::json to_json(const System& system);
nlohmann::json to_json(const ForceSnapshot& snapshot);
nlohmann::json to_json(const DataAudit& audit);
/// `assess --json`: the scenario's name and options, `stability.index`, `stability.sides.<ID>` with
/// c1, c2, ratio, ratio_unclipped, and `exchanges[]` (one per first strike).
nlohmann::json assessment_to_json(const Scenario& scenario, const Assessment& assessment);
/// `assess --curves`: per first strike {"striker", "victim", "s_star", "s", "value_left",
/// "victim_surviving", "retaliation_arriving", "c_a", "c_b"} (columns of equal length, in order of s).
nlohmann::json strike_curves_to_json(const Scenario& scenario, const Assessment& assessment,
                                     const std::array<StrikeCurve, 2>& curves);
/// `sensitivity --json`: `method`, `sides`, `base`, `systems[]` (side, system, per_launcher,
/// per_launcher_removed, per_warhead: {units, index, c1_a, c2_a, ratio_a, ratio_unclipped_a, c1_b,
/// ..., destabilising}, and `destabilising` per change), `upload` and `upload_path[]` (month,
/// deployed_strategic_warheads and ratio per side, index, sides.<ID>.c1/c2/ratio).
nlohmann::json sensitivity_to_json(const Scenario& scenario, const Sensitivity& sensitivity);
/// `compare --json`: one object per scenario (index, treaty, per side: force, warheads by leg,
/// treaty limits, c1, c2, ratio, exchange ratio, silo metric).
nlohmann::json comparison_to_json(const std::vector<ComparisonColumn>& columns);
/// `sweep --json`: scenario, form, param, inactive (why the key cannot change the result, or null) and
/// `points[]`, each with value (a number, true/false or the
/// text), index, `sides.<ID>` {c1, c2, ratio} and `exchanges[]` {striker, victim, counterforce_spent,
/// victim_surviving, retaliation_arriving}.
nlohmann::json sweep_to_json(const Sweep& sweep);
/// `uncertainty --json`: settings, inputs with distributions and Sobol indices, bands, tornado.
nlohmann::json uncertainty_to_json(const UncertaintyResult& result);
/// `treaty count --samples --json`: the `band` object (samples, seed, limits.<id>.{point, q05, q50, q95,
/// probability_over}).
nlohmann::json to_json(const TreatyCountBand& band);
/// A swept value as JSON of its kind, so that a plot can take it as it stands: a number when the
/// whole text is one, true/false, else the text (a word such as `generated`).
nlohmann::json swept_value_json(const std::string& text);
/// `sweep --samples --json`: the `bands` object (samples, seed, inputs, points[].{value (one axis) or
/// values (path to value, several axes), point, q05, q50, q95, mean, lowest}).
nlohmann::json to_json(const SweepBands& bands);
/// One point of a grid sweep (`sweep --jsonl`, one per line, and `points[]` of a grid's `--json`):
/// `point` (its index), `values` (each axis's path to its value, a number where the text is one),
/// `index`, `sides` and `exchanges` as in sweep_to_json.
nlohmann::json grid_point_to_json(const Grid& grid, const GridPoint& point);
/// `sweep --json` of several axes: scenario, form, `params` (the paths), `inactive` (path to why it
/// cannot change the result, or null) and `points[]` (grid_point_to_json).
nlohmann::json grid_to_json(const Sweep& sweep, const Grid& grid, const std::vector<std::string>& inactive,
                            const nlohmann::json& points);
/// `compare --samples --json`: `bands` (samples, seed, scenarios[].{name, point, q05, q50, q95}, below[i][j]).
nlohmann::json to_json(const CompareBands& bands);
/// A band in short: {point, mean, q05, q50, q95}, as every `--samples` table gives each band.
nlohmann::json band_summary_json(const OutputBand& band);
/// `calc kill --json`: inputs, lethal_radius_m, sspk, kill_probability, kill_probability_n, ...
nlohmann::json to_json(const KillCalculation& calculation);
/// `calc detect --json`: inputs {sites, violating, inspected, years, p_given_inspected}, p_detect,
/// p_detect_binomial, p_detect_cumulative.
nlohmann::json to_json(const DetectionResult& result);
/// `verify --json`: treaty, force, provisions {inspections_per_year, data_exchanges_per_year,
/// notifications}, years, violations[] {kind, count, population {size, inspections, what},
/// p_given_inspected, p_detect, p_detect_by_years[], non_detection, threshold {point, low, high},
/// deterred, inspections_needed}.
nlohmann::json to_json(const VerificationAssessment& assessment);
/// `verify --knowledge --json`: scenario, observed_side, last_exchange, as_of, now and under_regime
/// {months, loaded, low, high, systems[]}, true_index, perceived_now and perceived_under_regime
/// {point, mean, q05, q50, q95}.
nlohmann::json to_json(const Knowledge& knowledge);
/// `crisis --json`: crisis, scenario, steps, step, runs, seed, ratios {<state>: {<side>: r}},
/// as_given and toggled.<measure> (with in_force) {p_strike {<side>}, p_any_strike, p_generate
/// {<side>}, time_to_strike {q05, median, q95} or null}.
nlohmann::json to_json(const CrisisReport& report);
/// `arms-race --json`: arms_race, name, file, unit, sides[], fatigue/grievance/start {<side>},
/// reaction {<side> {<rival>}}, years, step, matrix, determinant, equilibrium {<side>} or null,
/// eigenvalues[] {real, imag}, stable, pairs[] {sides, eigenvalues, stable}, every_pair_stable,
/// method, internal_step_years, trajectory[] {t, stocks {<side>}}, diverged_at_years.
nlohmann::json to_json(const ArmsRaceReport& report);

/// `treaty list --json`: one regime with dates, parties, limits, counting rules and verification.
nlohmann::json to_json(const Treaty& treaty);
/// `treaty count --json`: treaty, snapshot, each limit's count at the top level under its id (New
/// START: deployed_vehicles, warheads, launchers), `limits[]` with count, limit, headroom,
/// compliant and contributions, `compliant` and `violations[]`.
nlohmann::json to_json(const TreatyCount& count, const Treaty& treaty, const ForceSnapshot& snapshot);
/// `pathways --json`: pathway, name, dates[], branches[] {id, name, probability {value, low, high},
/// points[] {date, treaty, comply, sides.<ID> {warheads {icbm, slbm, bomber}, counts.<limit> {count,
/// limit, compliant}, c1, c2, ratio}, index}}, weighted[] {date, index, low, high}; with --samples,
/// bands {samples, seed, branches[] {id, points[]}, weighted[]}, each point {date, point, mean, q05, q50, q95}.
nlohmann::json to_json(const PathwayRun& run);
/// `pathways --json --samples N` with several pathways: {pathways[], mean[] {point, mean, q05, q50,
/// q95}, below[i][j]} (format_pathways_between in JSON).
nlohmann::json pathways_between_json(const std::vector<PathwayRun>& runs,
                                     const std::vector<std::vector<double>>& below);
/// `treaty comply --json`: treaty, snapshot, side, rule_grade, rule_src, compliant_before, compliant,
/// limits[] {id, limit, before, after, compliant, parameter}, changes[] {step, action, system, unit,
/// amount, before, after, grade, src}, skipped[], violations[].
nlohmann::json to_json(const ComplianceResult& result);
/// `upload --json`: storage, systems[], steps[] (month, deployed_strategic_warheads, counts by limit
/// id, storage_left), crossings[], assumed[].
nlohmann::json to_json(const UploadPath& path);
/// `wta --json`: name, objective, upper_bound, relative_gap, converged, iterations,
/// `assignment[]` ({weapon, target, x} by id), `weapon_prices` (by id), and
/// `integer.rounding` / `integer.greedy` ({objective, gap, meets_minimums, assignment[]}).
nlohmann::json wta_to_json(const WtaProblem& problem, const WtaSolution& solution);

}  // namespace stratstab

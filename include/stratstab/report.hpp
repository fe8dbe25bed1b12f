// Human-readable text reports (the presentation layer; computing never formats text).
#pragma once

#include <array>
#include <string>
#include <vector>

#include "stratstab/arms_race.hpp"
#include "stratstab/assessment.hpp"
#include "stratstab/audit.hpp"
#include "stratstab/compare.hpp"
#include "stratstab/compliance.hpp"
#include "stratstab/crisis_run.hpp"
#include "stratstab/detection.hpp"
#include "stratstab/ensemble.hpp"
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

/// `data show`: header, inventory and a table of systems with grades.
std::string format_snapshot(const ForceSnapshot& snapshot);
/// `data list`: one line per snapshot.
std::string format_snapshot_list(const std::vector<ForceSnapshot>& snapshots);
/// `data summary`: loaded warheads by leg for every snapshot, grouped by side.
std::string format_force_summary(const std::vector<ForceSnapshot>& snapshots);
/// `data check`: counts, and each unsourced figure with its location.
std::string format_audit(const DataAudit& audit);

/// `compare`: one column per scenario (compare.hpp computes them), one row per figure.
std::string format_comparison(const std::vector<ComparisonColumn>& columns);

/// `assess`: each first strike and the index with its parts.
std::string format_assessment(const Scenario& scenario, const Assessment& assessment);
/// The first two lines of an assessment: the scenario's name and its options (with three sides, b3).
std::string scenario_heading(const Scenario& scenario);
/// A three-sided assessment (docs/methods.md §13.5; format_assessment calls it).
std::string format_three_sided(const Scenario& scenario, const Assessment& assessment);

/// `sensitivity`: the method, the base point, per system the change per launcher added or removed
/// and per warhead uploaded (destabilising ones marked), and the index along the upload path.
std::string format_sensitivity(const Scenario& scenario, const Sensitivity& sensitivity);
/// `sweep`: one row per value with the index and each side's C1, C2 and ratio (real sides: also each
/// strike's counterforce spend and arriving retaliation), then what the columns mean.
std::string format_sweep(const Sweep& sweep);
/// `uncertainty`: the bands, the probabilities below thresholds, the ranking and the tornado; at
/// most `top` inputs in the ranking (0: all).
std::string format_uncertainty(const UncertaintyResult& result, std::size_t top = 20);
/// `uncertainty --csv`: one row per band sample, every input value then every output.
std::string format_uncertainty_csv(const UncertaintyResult& result);
/// `treaty count --samples`: each limit's count band and the probability of being over it.
std::string format_treaty_count_band(const TreatyCountBand& band);
/// `sweep --samples`: each point's band of the index and the share of samples lowest there.
std::string format_sweep_bands(const SweepBands& bands);
/// `compare --samples`: each scenario's band and P(row < column).
std::string format_compare_bands(const CompareBands& bands);
/// What the `sweep` table's layout needs before any point is computed, so that its rows can be
/// printed as they come (format_sweep is the header, the rows and the footer).
struct SweepTable {
  std::string scenario;
  std::string param;
  bool real = false;
  std::size_t points = 0;
  std::size_t value_width = 5;       ///< the widest value, at least "value"
  std::array<std::string, 2> sides;  ///< side ids in scenario order
  std::vector<std::string> pairs;    ///< three sides: the pairs' labels (a column each)
  /// A grid of several axes (grid_table): each axis's path and column width; empty for one axis,
  /// whose column is `value`.
  std::vector<std::string> axes;
  std::vector<std::size_t> axis_widths;
};
/// The table of `sweep.points`' values; `sides` from `sides` (a sweep without points has no rows).
SweepTable sweep_table(const Sweep& sweep, const std::vector<std::string>& values, std::array<std::string, 2> sides);
std::string format_sweep_header(const SweepTable& table);
std::string format_sweep_row(const SweepTable& table, const SweepPoint& point);
std::string format_sweep_footer(const SweepTable& table);
/// The table of a grid sweep: one column per axis (headed by its path) when there are several, else
/// exactly sweep_table's. `sweep` gives the scenario, the form and `param` (the axes' paths joined).
SweepTable grid_table(const Sweep& sweep, const Grid& grid, std::array<std::string, 2> sides);
/// One row of a grid sweep's table: each axis's value in its column, then format_sweep_row's numbers.
std::string format_grid_row(const SweepTable& table, const Grid& grid, const GridPoint& point);
/// `sweep --csv`: the header line, `point`, each axis's path, `index`, each side's `<ID>.c1`,
/// `<ID>.c2`, `<ID>.ratio`, and each strike's `<S>-><V>.s_star`, `<S>-><V>.victim_surviving`,
/// `<S>-><V>.retaliation_arriving`.
/// `pairs`: three sides' pair labels (SweepPoint::pairs), a `pair.<label>` column each after the rest.
std::string format_grid_csv_header(const Grid& grid, const std::array<std::string, 2>& sides,
                                   const std::vector<std::string>& pairs = {});
/// One CSV row; numbers in the shortest form that reads back to the same double.
std::string format_grid_csv_row(const Grid& grid, const GridPoint& point);

/// `calc kill`: inputs, each derived quantity with its unit, and the soft-target caveat.
std::string format_kill_calculation(const KillCalculation& calculation);
/// `calc detect`: the inputs, the hypergeometric and binomial detection probabilities and the cumulative one.
std::string format_detection(const DetectionResult& result);
/// `verify`: the regime's provisions, then per violation the population, inspections, detection in a
/// year and over years, and the inspection game's verdict.
std::string format_verification(const VerificationAssessment& assessment);
/// `verify --knowledge`: the perceived loadings now and under the regime, and the perceived index bands.
std::string format_knowledge(const Knowledge& knowledge);
/// `crisis`: the ratios by posture state, the outcome with the measures as given, and without each.
std::string format_crisis(const CrisisReport& report);
/// `arms-race`: the parameters, the equilibrium, the eigenvalues and stability of the whole and of
/// each pair alone, and the trajectory.
std::string format_arms_race(const ArmsRaceReport& report);
/// `arms-race --csv`: a header `t,<side>,...` and one row per time of the trajectory.
std::string format_arms_race_csv(const ArmsRaceReport& report);

/// `treaty list`: id, status, name and limits of each regime.
std::string format_treaty_list(const std::vector<Treaty>& treaties);
/// `treaty count`: per limit the count, the limit, the headroom and compliance; then violations and
/// each system's contribution.
std::string format_treaty_count(const Treaty& treaty, const ForceSnapshot& snapshot, const TreatyCount& count);
/// `pathways`: per branch a table by date, then the weighted index with its band.
std::string format_pathway(const PathwayRun& run);
/// `pathways --csv`: one row per branch and date (header first).
std::string format_pathway_csv(const PathwayRun& run);
/// `pathways --samples N` with several pathways: each one's mean weighted index over its dates
/// (median [5%-95%] over the common draws) and P(row's mean < column's).
std::string format_pathways_between(const std::vector<PathwayRun>& runs, const std::vector<std::vector<double>>& below);
/// `treaty comply`: the counts before and after, each change with its grade and source.
std::string format_compliance(const Treaty& treaty, const ComplianceResult& result);
/// `upload`: per system potential and rate, the month-by-month path, crossings and ASSUMED figures.
std::string format_upload(const UploadPath& path);
/// `wta`: the bound and gap, the continuous assignment, weapon prices and the integer answers.
std::string format_wta(const WtaProblem& problem, const WtaSolution& solution);

}  // namespace stratstab

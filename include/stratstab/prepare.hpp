// Between loading and evaluation: a loaded scenario (the file's inputs, validated) made into the
// inputs the evaluation takes. Today that is the upload model: a side with `upload_months: N` is
// evaluated with its snapshot after N months of upload (upload.hpp, docs/methods.md §9). Loading
// stays a reading of the file; what is derived from it is computed here, once, where later steps
// (drawing uncertain figures, pathways over time) can derive their own inputs from the same loaded
// scenario.
#pragma once

#include <array>
#include <vector>

#include "stratstab/compliance.hpp"
#include "stratstab/scenario.hpp"

namespace stratstab {

/// The scenario as evaluated: each real side with `upload_months` > 0 gets the snapshot after that
/// many months of upload at its systems' rates (the snapshot of `stratstab upload`'s last month);
/// with `comply: true` each real side is then brought within the regime's limits by its stated
/// rule (ScenarioSide::compliance) and, with a `mix` objective, chooses its mix (choose_mixes;
/// ScenarioSide::mix_changes, Scenario::mix_outcome); then, where both real sides have city tables, each side's damage
/// is derived from its table and the other's yields (docs/methods.md §7): the derived w80 replaces the snapshot's with
/// `options.w80: derived`, and the tabulated curve is the side's with `options.damage: cities`;
/// `prepared` is set. A prepared scenario is returned unchanged. Pure.
Scenario prepare_scenario(Scenario loaded);

/// The snapshot after `months` of upload at its systems' rates: the step prepare_scenario takes for
/// a side's `upload_months` (and an uncertainty run repeats when it draws that side's figures).
ForceSnapshot snapshot_after_upload(const ForceSnapshot& snapshot, int months);

/// How side `side` is counted under the scenario's regime: its `treaty_limits` and the snapshot a
/// freeze limit counts from (the options comply_side, choose_mixes and rederive_side share).
CountOptions regime_count_options(const Scenario& scenario, std::size_t side);

/// With `comply: true`: side `side`'s snapshot brought within the scenario's regime by the side's
/// stated rule (compliance.hpp), with the scenario's `treaty_limits` and freeze reference.
ComplianceResult comply_side(const Scenario& scenario, std::size_t side, const ForceSnapshot& snapshot);

/// `mix: survivable | ratio` (docs/methods.md §8.1): each side, in turn and against the other
/// side's force under the rule alone (`scenario`'s forces), moves blocks of about 2% of its
/// strategic warheads between storage and its strategic systems' deployed launchers (within
/// capacity, at least one warhead a launcher, and within every limit) while a move raises its
/// objective: its warheads surviving the other's first strike, or its own unclipped ratio C1/C2.
/// A local search (steepest ascent): a best response to the other's rule-only force, not an
/// equilibrium. `forces` are the chosen forces, `changes` the net change per system.
struct MixChoice {
  std::array<ForceSnapshot, 2> forces;
  std::array<std::vector<ComplianceChange>, 2> changes;
  StabilityResult rule_only;
  std::size_t evaluations = 0;
};
MixChoice choose_mixes(const Scenario& scenario, MixObjective objective);

/// The mix changes chosen at the central figures applied to another draw of the force (an
/// uncertainty sample): each clamped to what the force can take, and dropped where it would
/// break a limit. The side chooses its mix once, on its planning figures.
void apply_mix_changes(ForceSnapshot& forces, const std::vector<ComplianceChange>& changes, const Treaty& treaty,
                       const CountOptions& options);

/// Whether side `side`'s snapshot is derived from the loaded one by prepare_scenario (it uploads,
/// or the scenario complies with a regime): an uncertainty run draws that side's figures on the
/// loaded snapshot and derives it again per sample.
bool side_is_rederived(const Scenario& loaded, std::size_t side);

/// Side `side`'s snapshot as prepare_scenario derives it from `drawn` (a draw of the loaded
/// snapshot): the upload, then the stated rule and the mix changes the prepared scenario chose.
ForceSnapshot rederive_side(const Scenario& loaded, const Scenario& prepared, std::size_t side,
                            const ForceSnapshot& drawn);

/// Throws std::logic_error (a programming error, not an input one) when `scenario` needs
/// preparing and was not: a side uploads, or both sides carry city tables and the damage is
/// derived from them (`options.w80: derived` or `options.damage: cities`), and prepare_scenario
/// has not run. Evaluation calls it. (A scenario built in code without city tables evaluates with
/// its snapshots' own w80s, as `options.w80: snapshot` would.)
void require_prepared(const Scenario& scenario);

}  // namespace stratstab

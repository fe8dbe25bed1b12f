// Between loading and evaluation: a loaded scenario (the file's inputs, validated) made into the
// inputs the evaluation takes. Today that is the upload model: a side with `upload_months: N` is
// evaluated with its snapshot after N months of upload (upload.hpp, docs/methods.md §9). Loading
// stays a reading of the file; what is derived from it is computed here, once, where later steps
// (drawing uncertain figures, pathways over time) can derive their own inputs from the same loaded
// scenario.
#pragma once

#include "stratstab/scenario.hpp"

namespace stratstab {

/// The scenario as evaluated: each real side with `upload_months` > 0 gets the snapshot after that
/// many months of upload at its systems' rates (the snapshot of `stratstab upload`'s last month);
/// then, where both real sides have city tables, each side's damage is derived from its table and
/// the other's yields (docs/methods.md §7): the derived w80 replaces the snapshot's with
/// `options.w80: derived`, and the tabulated curve is the side's with `options.damage: cities`;
/// `prepared` is set. A prepared scenario is returned unchanged. Pure.
Scenario prepare_scenario(Scenario loaded);

/// The snapshot after `months` of upload at its systems' rates: the step prepare_scenario takes for
/// a side's `upload_months` (and an uncertainty run repeats when it draws that side's figures).
ForceSnapshot snapshot_after_upload(const ForceSnapshot& snapshot, int months);

/// Throws std::logic_error (a programming error, not an input one) when `scenario` needs
/// preparing and was not: a side uploads, or both sides carry city tables and the damage is
/// derived from them (`options.w80: derived` or `options.damage: cities`), and prepare_scenario
/// has not run. Evaluation calls it. (A scenario built in code without city tables evaluates with
/// its snapshots' own w80s, as `options.w80: snapshot` would.)
void require_prepared(const Scenario& scenario);

}  // namespace stratstab

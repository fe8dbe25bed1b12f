// Compliance as a transformation (docs/methods.md §8.1): a force brought within every limit of a
// regime by the party's stated rule (Treaty::compliance), step by step, each step taken only as far
// as it lowers the excess over the limits. Pure: the result holds the compliant snapshot, the list
// of changes and the counts before and after.
#pragma once

#include <string>
#include <vector>

#include "stratstab/forces.hpp"
#include "stratstab/treaty.hpp"

namespace stratstab {

/// How a side chooses its mix within the limits (scenario key `mix`, docs/methods.md §8.1).
enum class MixObjective {
  kRule,        ///< the stated rule alone
  kSurvivable,  ///< then the mix that maximises its warheads surviving the other's first strike
  kRatio,       ///< then the mix that maximises its own ratio C1/C2
};

std::string_view to_string(MixObjective objective);

/// One change made: `amount` warheads or launchers (`unit`) by step `step` of the rule.
struct ComplianceChange {
  std::size_t step = 0;  ///< index in the rule's steps
  ComplianceAction action = ComplianceAction::kDownload;
  std::string system_id;  ///< empty for the stockpile actions
  std::string unit;       ///< `warheads` or `launchers`
  double amount = 0;      ///< whole warheads or launchers
  /// What the step changes, before and after: warheads per deployed launcher (download),
  /// deployed launchers (deactivate, convert), non-deployed launchers (eliminate), stored or
  /// non-strategic warheads (dismantle, reduce_nonstrategic).
  double before = 0;
  double after = 0;
  Grade grade = Grade::kAssumed;
  std::string source_id;
};

struct ComplianceResult {
  std::string treaty_id;
  std::string side;
  std::string snapshot_id;
  Grade rule_grade = Grade::kAssumed;
  std::string rule_source_id;
  TreatyCount before;
  TreatyCount after;
  std::vector<ComplianceChange> changes;
  std::vector<std::string> skipped;  ///< steps not taken for a reason other than "not needed"
  ForceSnapshot snapshot;            ///< the force after the changes
  [[nodiscard]] bool compliant() const { return after.compliant; }
};

/// Brings `snapshot` within every limit of `treaty` by the party's rule. Each step, in order, while
/// any limit is exceeded: the fewest whole units (warheads or launchers) of the step that lower the
/// total excess over the limits as far as the whole step would; a step that lowers nothing is not
/// taken. When the steps run out with a limit still exceeded, `after` says which (not an error).
/// Throws Error when the treaty states no rule for the snapshot's side.
ComplianceResult bring_into_compliance(const Treaty& treaty, const ForceSnapshot& snapshot,
                                       const CountOptions& options = {});

/// How many whole units the step could change on `snapshot` (0 when its system is absent).
double compliance_step_capacity(const ForceSnapshot& snapshot, const ComplianceStep& step);

/// Applies `amount` units of the step to `snapshot` (at most its capacity): downloaded and removed
/// warheads go to storage (`inventory.warheads_stored`, and `strategic_warheads_stored` where given);
/// deployed launchers removed scale the system's bases and its deployed vehicles down with them.
void apply_compliance_step(ForceSnapshot& snapshot, const ComplianceStep& step, double amount);

}  // namespace stratstab

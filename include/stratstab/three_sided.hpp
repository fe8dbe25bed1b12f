// Three sides in the Kent–Thaler exchange (docs/methods.md §13.5): each side divides its warheads
// between its two opponents, each exchange between two keeps each one's share against the third
// back, and the third side's position after the exchange enters both costs. Pure functions of
// validated sides; no I/O.
#pragma once

#include <array>
#include <cstddef>
#include <string_view>

#include "stratstab/exchange.hpp"
#include "stratstab/stability.hpp"

namespace stratstab {

/// How a side divides its warheads between its two opponents (`sides.<ID>.split`).
enum class SplitRule {
  kProportional,  ///< in proportion to each opponent's warheads in the exchange (the default)
  kShares,        ///< the scenario's shares
  /// The side chooses: from 0, 0.1, ..., 1 against its first opponent, the split that deters the
  /// less deterred of its two opponents most (the smaller of their costs C1 of striking it first as
  /// large as it can be), the other sides' splits held; in rounds until no side changes.
  kChosen,
};
std::string_view to_string(SplitRule rule);

struct WarheadSplit {
  SplitRule rule = SplitRule::kProportional;
  /// With kShares: the share against each side by index (the side's own entry is 0; the two
  /// others sum to 1).
  std::array<double, 3> shares{};
};

/// split[x][y], the share of side x's warheads held against side y, from each side's rule and
/// each side's warheads in the exchange (a `chosen` split starts from the proportional one). A share against a side
/// with no warheads goes to the other opponent (there is nothing to hold it against); with neither armed, half and
/// half.
std::array<std::array<double, 3>, 3> warhead_splits(const std::array<WarheadSplit, 3>& rules,
                                                    const std::array<double, 3>& warheads);

/// The three-sided measure from the pairs' exchanges: the system index is the product of the
/// pair indices, the least pair the one with the lowest. `pairs` are (0, 1), (0, 2), (1, 2).
void summarise_three_sided(ThreeSidedStability& result);

/// A StabilityResult for a three-sided world: the pair (0, 1)'s sides and strikes, the system
/// index as `index`, and the whole measure in `three_sided`.
StabilityResult three_sided_result(ThreeSidedStability measure);

/// Three abstract sides (Kent–Thaler's form): `de` of a side applies against either opponent.
ThreeSidedStability evaluate_three_abstract(const std::array<AbstractSide, 3>& sides,
                                            const std::array<WarheadSplit, 3>& rules,
                                            const StabilityParameters& parameters);

/// Three real sides in a posture case: in each pair's exchange the striker and victim postures are
/// the case's; the third side's threat is counted from its day-to-day posture (generated in the
/// `generated` case), its share against each side, through that side's defence of its value.
/// `options[i].withheld` and `.third_side_threat` are set per pair from the splits (what is given
/// there is ignored).
ThreeSidedStability evaluate_three_real(const std::array<const ForceSnapshot*, 3>& sides, PostureCase posture_case,
                                        const StabilityParameters& parameters,
                                        const std::array<SideOptions, 3>& options,
                                        const std::array<WarheadSplit, 3>& rules);

}  // namespace stratstab

// The curves behind a two-sided assessment's first strikes (docs/methods.md §7): C_A(s), C_B(s), the
// retaliation and the victim's surviving warheads along s, for the plots of `assess --curves` and the
// web page (Kent and Thaler's weapons domain, the costs along s).
#pragma once

#include <array>
#include <cstddef>

#include "stratstab/scenario.hpp"
#include "stratstab/stability.hpp"

namespace stratstab {

/// [0]: side 0 strikes side 1; [1]: the reverse. Real sides: the strike with no warheads on the
/// victim's defence sites and the scenario's decapitation share (the plan the search starts from;
/// with suppression or optimised decapitation the assessment may pick another plan, whose s* is
/// marked on these curves), planned with the defences in place. Two-sided, prepared scenarios only
/// (InputError otherwise).
std::array<StrikeCurve, 2> scenario_strike_curves(const Scenario& scenario, std::size_t points);

}  // namespace stratstab

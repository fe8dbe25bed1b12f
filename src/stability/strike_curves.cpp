#include "stratstab/strike_curves.hpp"

#include "stratstab/error.hpp"
#include "stratstab/exchange.hpp"
#include "stratstab/prepare.hpp"

namespace stratstab {

std::array<StrikeCurve, 2> scenario_strike_curves(const Scenario& scenario, std::size_t points) {
  require_prepared(scenario);
  if (scenario.is_three_sided()) {
    throw InputError({key_error("--curves", "curves are drawn for two sides; this scenario has three")});
  }
  const StabilityParameters& parameters = scenario.parameters;
  if (scenario.is_real()) {
    const ForceSnapshot& a = *scenario.sides[0].forces;
    const ForceSnapshot& b = *scenario.sides[1].forces;
    const SideOptions oa = side_options(scenario.sides[0]);
    const SideOptions ob = side_options(scenario.sides[1]);
    const Posture striker = striker_posture(scenario.posture);
    const Posture victim = victim_posture(scenario.posture);
    return {strike_curve(real_strike_inputs(a, striker, b, victim, parameters, oa, ob), parameters, points),
            strike_curve(real_strike_inputs(b, striker, a, victim, parameters, ob, oa), parameters, points)};
  }
  const AbstractSide& a = *scenario.sides[0].abstract;
  const AbstractSide& b = *scenario.sides[1].abstract;
  return {strike_curve(abstract_strike_inputs(a, b, parameters), parameters, points),
          strike_curve(abstract_strike_inputs(b, a, parameters), parameters, points)};
}

}  // namespace stratstab

#include "stratstab/prepare.hpp"
#include "stratstab/scenario.hpp"

namespace stratstab {

StabilityResult evaluate_scenario(const Scenario& scenario) {
  require_prepared(scenario);
  if (scenario.is_real()) {
    return evaluate_real(*scenario.sides[0].forces, *scenario.sides[1].forces, scenario.posture, scenario.parameters,
                         side_options(scenario.sides[0]), side_options(scenario.sides[1]));
  }
  return evaluate_abstract(*scenario.sides[0].abstract, *scenario.sides[1].abstract, scenario.parameters);
}

}  // namespace stratstab

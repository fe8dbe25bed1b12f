#include "stratstab/scenario.hpp"

namespace stratstab {

StabilityResult evaluate_scenario(const Scenario& scenario) {
  return evaluate_abstract(scenario.sides[0].abstract, scenario.sides[1].abstract, scenario.parameters);
}

}  // namespace stratstab

#include "stratstab/prepare.hpp"
#include "stratstab/scenario.hpp"

namespace stratstab {

StabilityResult evaluate_scenario(const Scenario& scenario) {
  require_prepared(scenario);
  if (scenario.is_three_sided()) {
    const std::vector<ScenarioSide>& s = scenario.sides;
    const std::array<WarheadSplit, 3> rules{s[0].split, s[1].split, s[2].split};
    if (scenario.is_real()) {
      return three_sided_result(
          evaluate_three_real({&*s[0].forces, &*s[1].forces, &*s[2].forces}, scenario.posture, scenario.parameters,
                              {side_options(s[0]), side_options(s[1]), side_options(s[2])}, rules));
    }
    return three_sided_result(
        evaluate_three_abstract({*s[0].abstract, *s[1].abstract, *s[2].abstract}, rules, scenario.parameters));
  }
  if (scenario.is_real()) {
    return evaluate_real(*scenario.sides[0].forces, *scenario.sides[1].forces, scenario.posture, scenario.parameters,
                         side_options(scenario.sides[0]), side_options(scenario.sides[1]));
  }
  return evaluate_abstract(*scenario.sides[0].abstract, *scenario.sides[1].abstract, scenario.parameters);
}

}  // namespace stratstab

// One point of `stratstab sweep`: the scenario, already loaded with the swept key at its value, run
// through the same evaluation as `assess` (evaluate_scenario) and reduced to the index, each side's
// C1, C2 and ratio, and each strike's counterforce spend and arriving retaliation.
#include <utility>

#include "stratstab/prepare.hpp"
#include "stratstab/sweep.hpp"

namespace stratstab {
namespace {

SweepExchange exchange(const std::string& striker, const std::string& victim, const FirstStrike& strike) {
  return SweepExchange{striker, victim, strike.counterforce_spent, strike.victim_surviving,
                       strike.retaliation_arriving};
}

}  // namespace

SweepPoint sweep_point(const Scenario& scenario, std::string value) {
  const StabilityResult result = evaluate_scenario(scenario);
  const std::string& a = scenario.sides[0].id;
  const std::string& b = scenario.sides[1].id;
  SweepPoint point;
  point.value = std::move(value);
  point.index = result.index;
  point.sides = {SweepSide{a, result.a}, SweepSide{b, result.b}};
  point.exchanges = {exchange(a, b, result.a_strikes_b), exchange(b, a, result.b_strikes_a)};
  if (result.three_sided) {
    for (const PairExchange& pair : result.three_sided->pairs) {
      point.pairs.push_back(
          SweepPair{scenario.sides[pair.first].id, scenario.sides[pair.second].id, pair.exchange.index});
    }
  }
  return point;
}

void evaluate_sweep(const std::vector<std::string>& values,
                    const std::function<Scenario(const std::string& value)>& scenario_at,
                    const std::function<void(SweepPoint point)>& on_point) {
  for (const std::string& value : values) on_point(sweep_point(prepare_scenario(scenario_at(value)), value));
}

}  // namespace stratstab

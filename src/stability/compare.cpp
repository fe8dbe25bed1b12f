// One column of `stratstab compare` (compare.hpp): the figures of a scenario already loaded,
// prepared, assessed and counted, gathered for report/text_compare.cpp and json to format.
#include "stratstab/compare.hpp"

#include <fmt/format.h>

#include "stratstab/prepare.hpp"

namespace stratstab {

ComparisonColumn comparison_column(const Scenario& scenario, const Assessment& assessment,
                                   const std::array<std::optional<TreatyCount>, 2>& counts) {
  ComparisonColumn c;
  c.scenario = scenario.name;
  c.treaty_id = scenario.treaty;
  c.index = assessment.result.index;
  for (std::size_t i = 0; i < 2; ++i) {
    const ScenarioSide& side = scenario.sides[i];
    ComparedSide& out = c.sides[i];
    out.id = side.id;
    out.withheld = side.withheld;
    out.force = side.forces ? side.forces->id : "abstract";
    if (side.upload_months > 0) out.force += fmt::format(" +{}mo", side.upload_months);
    if (side.forces) {
      for (const System& system : side.forces->systems) {
        if (!in_central_exchange(system)) continue;
        out.warheads_by_leg[std::string(to_string(system.basing))] += system.warheads_loaded();
        out.warheads_total += system.warheads_loaded();
      }
    }
    out.treaty = counts[i];
    out.stability = i == 0 ? assessment.result.a : assessment.result.b;
    out.exchange_ratio = assessment.strikes[i].exchange_ratio;
    out.silo_50 = assessment.sides[i].silo_kill.warheads_needed[0];
  }
  return c;
}

}  // namespace stratstab

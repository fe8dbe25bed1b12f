// One column of `stratstab compare` (compare.hpp): the figures of a scenario already loaded,
// prepared, assessed and counted, gathered for report/text_compare.cpp and json to format.
#include "stratstab/compare.hpp"

#include <fmt/format.h>

#include "stratstab/prepare.hpp"

namespace stratstab {

ComparisonColumn comparison_column(const Scenario& scenario, const Assessment& assessment,
                                   const std::vector<std::optional<TreatyCount>>& counts) {
  ComparisonColumn c;
  c.scenario = scenario.name;
  c.treaty_id = scenario.treaty;
  c.index = assessment.result.index;
  c.sides.resize(scenario.sides.size());
  for (std::size_t i = 0; i < scenario.sides.size(); ++i) {
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
      }
      out.warheads_total = exchange_warheads(*side.forces);
    }
    if (i < counts.size()) out.treaty = counts[i];
    if (i >= 2) continue;
    out.stability = i == 0 ? assessment.result.a : assessment.result.b;
    out.exchange_ratio = assessment.strikes[i].exchange_ratio;
    out.silo_50 = assessment.sides[i].silo_kill.warheads_needed[0];
  }
  if (assessment.result.three_sided) {
    const ThreeSidedStability& t = *assessment.result.three_sided;
    for (std::size_t i = 0; i < 3; ++i) {
      for (std::size_t j = 0; j < 3; ++j) {
        if (j == i) continue;
        c.sides[i].split +=
            fmt::format("{}{} {:.3f}", c.sides[i].split.empty() ? "" : " ", scenario.sides[j].id, t.split[i][j]);
      }
    }
    for (const PairExchange& pair : assessment.result.three_sided->pairs) {
      c.pair_indices.emplace_back(scenario.sides[pair.first].id + "-" + scenario.sides[pair.second].id,
                                  pair.exchange.index);
    }
  }
  return c;
}

}  // namespace stratstab

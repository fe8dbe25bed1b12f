// `pathways --json` (pathway_run.hpp): per branch and date the regime, each side's warheads by leg,
// its counts by limit, C1, C2, ratio and the index; the weighted index per date with its band.
#include "stratstab/json.hpp"

namespace stratstab {

nlohmann::json to_json(const PathwayRun& run) {
  using nlohmann::json;
  json branches = json::array();
  for (const PathwayBranchRun& branch : run.branches) {
    json points = json::array();
    for (const PathwayPoint& p : branch.points) {
      json sides = json::object();
      const std::array<const SideStability*, 2> stability{&p.result.a, &p.result.b};
      for (std::size_t i = 0; i < 2; ++i) {
        json counts = json::object();
        for (const LimitCount& l : p.counts[i].limits) {
          counts[l.id] = json{{"count", l.count}, {"limit", l.limit}, {"compliant", l.compliant}};
        }
        sides[run.sides[i]] =
            json{{"warheads", json{{"icbm", p.legs[i].icbm}, {"slbm", p.legs[i].slbm}, {"bomber", p.legs[i].bomber}}},
                 {"counts", counts},
                 {"c1", stability[i]->c1},
                 {"c2", stability[i]->c2},
                 {"ratio", stability[i]->ratio},
                 {"usd_bn_per_year", p.cost[i]}};
      }
      points.push_back(json{
          {"date", p.date}, {"treaty", p.treaty}, {"comply", p.comply}, {"sides", sides}, {"index", p.result.index}});
    }
    json probability{{"value", branch.probability.value}};
    if (branch.probability.range) {
      probability["low"] = branch.probability.range->low;
      probability["high"] = branch.probability.range->high;
    }
    branches.push_back(
        json{{"id", branch.id}, {"name", branch.name}, {"probability", probability}, {"points", points}});
  }
  json weighted = json::array();
  for (const PathwayWeighted& w : run.weighted) {
    weighted.push_back(json{{"date", w.date},
                            {"index", w.index},
                            {"low", w.low},
                            {"high", w.high},
                            {"usd_bn_per_year", json{{run.sides[0], w.cost[0]}, {run.sides[1], w.cost[1]}}}});
  }
  return json{
      {"pathway", run.id}, {"name", run.name}, {"dates", run.dates}, {"branches", branches}, {"weighted", weighted}};
}

}  // namespace stratstab

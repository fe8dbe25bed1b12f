// `pathways --json` (pathway_run.hpp): per branch and date the regime, each side's warheads by leg,
// its counts by limit, C1, C2, ratio and the index; the weighted index per date with its band;
// with --samples, `bands` (per branch and date, and weighted: point, mean, q05, q50, q95).
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
  json out{
      {"pathway", run.id}, {"name", run.name}, {"dates", run.dates}, {"branches", branches}, {"weighted", weighted}};
  if (run.bands) {
    const auto band = [](const std::string& date, const OutputBand& b) {
      json j = band_summary_json(b);
      j["date"] = date;
      return j;
    };
    json bands_branches = json::array();
    for (std::size_t b = 0; b < run.branches.size(); ++b) {
      json points = json::array();
      for (std::size_t d = 0; d < run.dates.size(); ++d)
        points.push_back(band(run.dates[d], run.bands->branches[b][d]));
      bands_branches.push_back(json{{"id", run.branches[b].id}, {"points", points}});
    }
    json bands_weighted = json::array();
    for (std::size_t d = 0; d < run.dates.size(); ++d)
      bands_weighted.push_back(band(run.dates[d], run.bands->weighted[d]));
    out["bands"] = json{{"samples", run.bands->samples},
                        {"seed", run.bands->seed},
                        {"branches", bands_branches},
                        {"weighted", bands_weighted},
                        {"undrawn", run.bands->undrawn}};
  }
  return out;
}

nlohmann::json pathways_between_json(const std::vector<PathwayRun>& runs,
                                     const std::vector<std::vector<double>>& below) {
  using nlohmann::json;
  json ids = json::array();
  json mean = json::array();
  for (const PathwayRun& run : runs) {
    ids.push_back(run.id);
    mean.push_back(band_summary_json(run.bands->mean));
  }
  return json{{"pathways", ids}, {"mean", mean}, {"below", below}};
}

}  // namespace stratstab

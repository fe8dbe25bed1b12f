// Running a pathway over its dates (pathway_run.hpp, docs/methods.md §13.4).
#include "stratstab/pathway_run.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "stratstab/error.hpp"
#include "stratstab/prepare.hpp"

namespace stratstab {
namespace {

LegWarheads legs_of(const ForceSnapshot& forces) {
  LegWarheads out;
  for (const System& s : forces.systems) {
    if (!in_central_exchange(s)) continue;
    const double w = s.warheads_loaded();
    switch (s.basing) {
      case Basing::kSilo:
      case Basing::kMobile: out.icbm += w; break;
      case Basing::kSsbn: out.slbm += w; break;
      case Basing::kBomber: out.bomber += w; break;
      default: break;
    }
  }
  return out;
}

}  // namespace

PathwayWeighted weigh_branches(const std::vector<double>& index, const std::vector<Figure>& probabilities) {
  PathwayWeighted w;
  double total = 0;
  for (std::size_t b = 0; b < index.size(); ++b) {
    w.index += probabilities[b].value * index[b];
    total += probabilities[b].value;
  }
  if (total > 0) w.index /= total;
  w.low = w.index;
  w.high = w.index;
  const std::size_t n = std::min<std::size_t>(index.size(), 16);
  for (std::size_t corner = 0; corner < (std::size_t{1} << n); ++corner) {
    double sum = 0;
    double weighted = 0;
    for (std::size_t b = 0; b < n; ++b) {
      const Figure& p = probabilities[b];
      const double low = p.range ? p.range->low : p.value;
      const double high = p.range ? p.range->high : p.value;
      const double q = (corner >> b) & 1U ? high : low;
      sum += q;
      weighted += q * index[b];
    }
    if (sum <= 0) continue;
    w.low = std::min(w.low, weighted / sum);
    w.high = std::max(w.high, weighted / sum);
  }
  return w;
}

PathwayRun run_pathway(const Pathway& pathway, const std::vector<std::string>& dates,
                       const std::function<Scenario(const std::vector<Override>&)>& scenario_at,
                       const std::function<TreatyCount(const Scenario& prepared, std::size_t side)>& count) {
  PathwayRun run;
  run.id = pathway.id;
  run.name = pathway.name;
  run.dates = dates;
  for (const PathwayBranch& branch : pathway.branches) {
    PathwayBranchRun out;
    out.id = branch.id;
    out.name = branch.name;
    out.probability = branch.probability;
    for (const std::string& date : dates) {
      Scenario loaded = [&] {
        try {
          return scenario_at(pathway_overrides(pathway, branch, date));
        } catch (const InputError& e) {
          std::vector<Diagnostic> d = e.diagnostics();
          for (Diagnostic& one : d) one.message = fmt::format("branch {}, {}: {}", branch.id, date, one.message);
          throw InputError(std::move(d));
        }
      }();
      const Scenario prepared = prepare_scenario(std::move(loaded));
      if (!prepared.is_real())
        throw Error(fmt::format("pathway '{}': its scenario has abstract sides; expected real ones", pathway.id));
      run.sides = {prepared.sides[0].id, prepared.sides[1].id};
      PathwayPoint point;
      point.date = date;
      point.treaty = prepared.regime ? prepared.regime->id : prepared.treaty;
      point.comply = prepared.comply;
      for (std::size_t i = 0; i < 2; ++i) {
        point.legs[i] = legs_of(*prepared.sides[i].forces);
        point.counts[i] = count(prepared, i);
        point.cost[i] = pathway_cost(pathway, branch, prepared.sides[i].id, date);
      }
      point.result = evaluate_scenario(prepared);
      out.points.push_back(std::move(point));
    }
    run.branches.push_back(std::move(out));
  }
  std::vector<Figure> probabilities;
  for (const PathwayBranchRun& b : run.branches) probabilities.push_back(b.probability);
  for (std::size_t d = 0; d < dates.size(); ++d) {
    std::vector<double> index;
    for (const PathwayBranchRun& b : run.branches) index.push_back(b.points[d].result.index);
    PathwayWeighted w = weigh_branches(index, probabilities);
    w.date = dates[d];
    double total = 0;
    for (const PathwayBranchRun& b : run.branches) total += b.probability.value;
    for (const PathwayBranchRun& b : run.branches) {
      for (std::size_t i = 0; i < 2; ++i) w.cost[i] += b.probability.value * b.points[d].cost[i] / total;
    }
    run.weighted.push_back(w);
  }
  return run;
}

}  // namespace stratstab

// Running a pathway over its dates (pathway_run.hpp, docs/methods.md §13.4).
#include "stratstab/pathway_run.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "stratstab/compare.hpp"
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

/// The base scenario with `branch`'s events up to `date`, an input error located at both.
Scenario load_at(const Pathway& pathway, const PathwayBranch& branch, const std::string& date,
                 const std::function<Scenario(const std::vector<Override>&)>& scenario_at) {
  try {
    return scenario_at(pathway_overrides(pathway, branch, date));
  } catch (const InputError& e) {
    std::vector<Diagnostic> d = e.diagnostics();
    for (Diagnostic& one : d) one.message = fmt::format("branch {}, {}: {}", branch.id, date, one.message);
    throw InputError(std::move(d));
  }
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
      const Scenario prepared = prepare_scenario(load_at(pathway, branch, date, scenario_at));
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

std::vector<PathwayBands> pathway_bands(const std::vector<PathwayDraw>& pathways, std::size_t samples,
                                        std::uint64_t seed, unsigned threads,
                                        const std::function<void(std::size_t done, std::size_t total)>& on_progress) {
  // Every pathway's scenarios in one list, pathway-major then branch-major: pathway q's branch b on
  // date d at first[q] + b * dates + d.
  std::vector<Scenario> loaded;
  std::vector<std::size_t> first;
  std::vector<std::vector<std::string>> undrawn(pathways.size());
  for (std::size_t q = 0; q < pathways.size(); ++q) {
    const PathwayDraw& draw = pathways[q];
    first.push_back(loaded.size());
    // The base scenario's ranged inputs: where an event's key starts from.
    std::vector<UncertainInput> base_inputs;
    {
      const Scenario base = draw.scenario_at({});
      base_inputs = plan_uncertain_inputs(base, base.uncertainty).inputs;
    }
    const auto base_range = [&base_inputs](const std::string& path) -> std::optional<Range> {
      for (const UncertainInput& in : base_inputs) {
        if (in.path == path) return Range{in.low, in.high};
      }
      return std::nullopt;
    };
    for (const PathwayBranch& branch : draw.pathway->branches) {
      // The keys the branch's numeric events set, checked once on its last date (where every event
      // is in force): a key that is not a drawable number (a treaty limit, upload months) stays at
      // its event's value in every draw and is listed.
      std::vector<std::string> skip;
      if (!draw.dates.empty()) {
        // One plan with every entry; each entry the plan refuses (a diagnostic located at its
        // event) is set aside and the plan tried again, so a branch costs a plan or two, not one
        // per key.
        Scenario probe = load_at(*draw.pathway, branch, draw.dates.back(), draw.scenario_at);
        std::vector<UncertaintyEntry> entries =
            pathway_uncertainty(*draw.pathway, branch, draw.dates.back(), base_range);
        for (std::size_t attempt = 0; attempt <= entries.size(); ++attempt) {
          probe.uncertainty = entries;
          try {
            (void)plan_uncertain_inputs(probe, probe.uncertainty);
            break;
          } catch (const InputError& e) {
            const std::size_t before = entries.size();
            for (const Diagnostic& d : e.diagnostics()) {
              std::erase_if(entries, [&](const UncertaintyEntry& u) {
                const bool refused = d.where.key_path == u.where.key_path && d.where.line == u.where.line;
                if (refused) skip.push_back(u.path);
                return refused;
              });
            }
            if (entries.size() == before) throw;  // a refusal that names no entry: not ours to hide
          }
        }
      }
      for (const std::string& key : skip) {
        if (std::find(undrawn[q].begin(), undrawn[q].end(), key) == undrawn[q].end()) undrawn[q].push_back(key);
      }
      for (const std::string& date : draw.dates) {
        Scenario at = load_at(*draw.pathway, branch, date, draw.scenario_at);
        for (UncertaintyEntry& entry : pathway_uncertainty(*draw.pathway, branch, date, base_range)) {
          if (std::find(skip.begin(), skip.end(), entry.path) == skip.end()) at.uncertainty.push_back(std::move(entry));
        }
        loaded.push_back(std::move(at));
      }
    }
  }
  const PairedIndexDraws draws = paired_index_draws(loaded, samples, seed, threads, on_progress);
  std::vector<PathwayBands> out;
  for (std::size_t q = 0; q < pathways.size(); ++q) {
    const Pathway& pathway = *pathways[q].pathway;
    const std::vector<std::string>& dates = pathways[q].dates;
    PathwayBands bands;
    bands.samples = samples;
    bands.seed = seed;
    bands.undrawn = undrawn[q];
    double total = 0;
    for (const PathwayBranch& branch : pathway.branches) total += branch.probability.value;
    for (std::size_t b = 0; b < pathway.branches.size(); ++b) {
      std::vector<OutputBand> row;
      for (std::size_t d = 0; d < dates.size(); ++d) {
        const std::size_t k = first[q] + b * dates.size() + d;
        row.push_back(summarise("index", draws.point[k], draws.index[k]));
      }
      bands.branches.push_back(std::move(row));
    }
    bands.mean_draws.assign(samples, 0.0);
    double mean_point = 0;
    for (std::size_t d = 0; d < dates.size(); ++d) {
      std::vector<double> weighted(samples, 0.0);
      double point = 0;
      for (std::size_t b = 0; b < pathway.branches.size(); ++b) {
        const double p = total > 0 ? pathway.branches[b].probability.value / total : 0.0;
        const std::size_t k = first[q] + b * dates.size() + d;
        point += p * draws.point[k];
        for (std::size_t j = 0; j < samples; ++j) weighted[j] += p * draws.index[k][j];
      }
      const auto n = static_cast<double>(dates.size());
      mean_point += point / n;
      for (std::size_t j = 0; j < samples; ++j) bands.mean_draws[j] += weighted[j] / n;
      bands.weighted.push_back(summarise("weighted index", point, std::move(weighted)));
    }
    bands.mean = summarise("mean weighted index", mean_point, bands.mean_draws);
    out.push_back(std::move(bands));
  }
  return out;
}

std::vector<std::vector<double>> pathways_below(const std::vector<PathwayBands>& bands) {
  std::vector<std::vector<double>> means;
  means.reserve(bands.size());
  for (const PathwayBands& b : bands) means.push_back(b.mean_draws);
  return share_below(means);
}

}  // namespace stratstab

// `compare --samples N` (compare.hpp, docs/methods.md §13.2): one unit design over the union of
// the scenarios' factors, so that an input with the same path takes the same u in every scenario
// (each through its own quantile function), and the scenarios are compared draw by draw.
#include <algorithm>
#include <unordered_map>

#include "stratstab/compare.hpp"

namespace stratstab {

PairedIndexDraws paired_index_draws(const std::vector<Scenario>& loaded, std::size_t samples, std::uint64_t seed,
                                    unsigned threads,
                                    const std::function<void(std::size_t done, std::size_t total)>& on_progress) {
  // The union of the factors by name (an input's path, or `group <name>`), in first-seen order.
  std::vector<std::vector<UncertainInput>> inputs;
  std::vector<Factors> factors;
  std::vector<std::string> names;
  std::unordered_map<std::string, std::size_t> column;  // name -> its column in `names`
  for (const Scenario& s : loaded) {
    inputs.push_back(plan_uncertain_inputs(s, s.uncertainty).inputs);
    factors.push_back(factors_of(inputs.back()));
    for (const std::string& name : factors.back().names) {
      if (column.emplace(name, names.size()).second) names.push_back(name);
    }
  }
  const std::vector<double> unit = unit_design(samples, names.size(), SamplingMethod::kLatinHypercube, seed);
  PairedIndexDraws draws;
  draws.index.assign(loaded.size(), std::vector<double>(samples));
  const std::size_t total = samples * loaded.size();
  for (std::size_t k = 0; k < loaded.size(); ++k) {
    // This scenario's factors laid out on the union's columns (absent ones left empty).
    const Factors& own = factors[k];
    Factors on_union;
    on_union.names = names;
    on_union.members.assign(names.size(), {});
    for (std::size_t f = 0; f < own.names.size(); ++f) on_union.members[column.at(own.names[f])] = own.members[f];
    const std::vector<double> values = input_values(inputs[k], on_union, unit, samples);
    const SampleEvaluator ev(loaded[k], inputs[k]);
    draws.point.push_back(evaluate_scenario(ev.prepared()).index);
    if (inputs[k].empty()) {
      draws.index[k].assign(samples, draws.point.back());  // nothing uncertain: every draw is the point
    } else {
      const std::vector<SampleOutputs> out = evaluate_rows(ev, values, threads, [&](std::size_t done) {
        if (on_progress) on_progress(k * samples + done, total);
      });
      for (std::size_t j = 0; j < samples; ++j) draws.index[k][j] = out[j][0];
    }
  }
  return draws;
}

CompareBands compare_bands(const std::vector<Scenario>& loaded, std::size_t samples, std::uint64_t seed,
                           unsigned threads,
                           const std::function<void(std::size_t done, std::size_t total)>& on_progress) {
  CompareBands bands;
  bands.samples = samples;
  bands.seed = seed;
  const PairedIndexDraws draws = paired_index_draws(loaded, samples, seed, threads, on_progress);
  const std::vector<std::vector<double>>& index = draws.index;
  for (std::size_t k = 0; k < loaded.size(); ++k) {
    bands.scenarios.push_back(loaded[k].name);
    bands.index.push_back(summarise("index", draws.point[k], index[k]));
  }
  bands.below = share_below(index);
  return bands;
}

std::vector<std::vector<double>> share_below(const std::vector<std::vector<double>>& draws) {
  std::vector<std::vector<double>> below(draws.size(), std::vector<double>(draws.size(), 0.0));
  for (std::size_t a = 0; a < draws.size(); ++a) {
    for (std::size_t b = 0; b < draws.size(); ++b) {
      const std::size_t samples = std::min(draws[a].size(), draws[b].size());
      std::size_t n = 0;
      for (std::size_t j = 0; j < samples; ++j) n += draws[a][j] < draws[b][j] ? 1 : 0;
      below[a][b] = samples == 0 ? 0.0 : static_cast<double>(n) / static_cast<double>(samples);
    }
  }
  return below;
}

}  // namespace stratstab

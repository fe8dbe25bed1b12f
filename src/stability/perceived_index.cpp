// The index as one side perceives it (perceived_index.hpp, docs/methods.md §13.1).
#include "stratstab/perceived_index.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "stratstab/prepare.hpp"

namespace stratstab {

OutputBand perceived_index_band(const Scenario& loaded, std::size_t side, const PerceivedForce& perceived,
                                std::size_t samples, std::uint64_t seed, unsigned threads) {
  Scenario with = loaded;
  with.uncertainty.clear();
  std::vector<std::string> paths;
  for (const PerceivedSystem& p : perceived.systems) {
    if (!(p.high > p.low) || p.launchers <= 0) continue;
    UncertaintyEntry entry;
    entry.path = fmt::format("sides.{}.systems.{}.warheads_per_launcher", loaded.sides[side].id, p.system_id);
    entry.dist = Distribution::kTriangular;
    entry.low = p.low / p.launchers;
    entry.mode = p.loaded / p.launchers;
    entry.high = p.high / p.launchers;
    paths.push_back(entry.path);
    with.uncertainty.push_back(std::move(entry));
  }
  std::vector<UncertainInput> inputs = plan_uncertain_inputs(with, with.uncertainty).inputs;
  std::erase_if(inputs, [&](const UncertainInput& in) {
    return std::find(paths.begin(), paths.end(), in.path) == paths.end();  // the rest stays at its point
  });
  const SampleEvaluator evaluator(with, inputs);
  const double point = evaluate_scenario(evaluator.prepared()).index;
  if (inputs.empty()) return summarise("perceived index", point, std::vector<double>(samples, point));
  const Factors factors = factors_of(inputs);
  const std::vector<double> values = input_values(
      inputs, factors, unit_design(samples, factors.members.size(), SamplingMethod::kLatinHypercube, seed), samples);
  std::vector<double> index;
  index.reserve(samples);
  for (const SampleOutputs& out : evaluate_rows(evaluator, values, threads)) index.push_back(out[0]);
  return summarise("perceived index", point, std::move(index));
}

}  // namespace stratstab

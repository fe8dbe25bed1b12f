// `sweep --samples N` (sweep.hpp, docs/methods.md §13.2): one design of the uncertain inputs,
// evaluated at every swept value, so that each sample gives a whole curve and its lowest point.
#include <algorithm>
#include <limits>

#include <fmt/format.h>

#include "stratstab/sweep.hpp"

namespace stratstab {

SweepBands sweep_bands(const std::string& param, const std::vector<std::string>& values,
                       const std::function<Scenario(const std::string& value)>& scenario_at, std::size_t samples,
                       std::uint64_t seed, unsigned threads,
                       const std::function<void(std::size_t done, std::size_t total)>& on_progress) {
  SweepBands bands;
  bands.samples = samples;
  bands.seed = seed;
  if (values.empty()) return bands;
  // The inputs of the first point, less the swept key: the same paths at every point.
  const Scenario first = scenario_at(values.front());
  std::vector<UncertainInput> inputs = plan_uncertain_inputs(first, first.uncertainty).inputs;
  std::erase_if(inputs, [&](const UncertainInput& in) { return in.path == param; });
  bands.inputs = inputs.size();
  const Factors factors = factors_of(inputs);
  const std::vector<double> draws = input_values(
      inputs, factors, unit_design(samples, factors.members.size(), SamplingMethod::kLatinHypercube, seed), samples);
  std::vector<std::vector<double>> index(values.size());
  const std::size_t total = samples * values.size();
  for (std::size_t p = 0; p < values.size(); ++p) {
    const Scenario loaded = p == 0 ? first : scenario_at(values[p]);
    try {
      const SampleEvaluator ev(loaded, inputs);
      const std::vector<SampleOutputs> out = evaluate_rows(ev, draws, threads, [&](std::size_t done) {
        if (on_progress) on_progress(p * samples + done, total);
      });
      index[p].resize(samples);
      for (std::size_t j = 0; j < samples; ++j) index[p][j] = out[j][0];
      const double point = evaluate_scenario(ev.prepared()).index;
      bands.points.push_back(SweepBandPoint{values[p], summarise("index", point, index[p]), 0.0});
    } catch (const InputError& e) {
      throw InputError(
          {key_error("--param", fmt::format("at {}={}, the scenario's uncertain inputs differ from the first "
                                            "point's, so the points cannot share draws: {}",
                                            param, values[p], e.diagnostics().front().message))});
    }
  }
  for (std::size_t j = 0; j < samples; ++j) {
    std::size_t best = 0;
    for (std::size_t p = 1; p < values.size(); ++p) {
      if (index[p][j] < index[best][j]) best = p;
    }
    bands.points[best].lowest += 1.0 / static_cast<double>(samples);
  }
  return bands;
}

}  // namespace stratstab

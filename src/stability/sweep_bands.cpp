// `sweep --samples N` (sweep.hpp, docs/methods.md §13.2): one design of the uncertain inputs,
// evaluated at every swept point, so that each sample gives a whole curve (or surface) and its
// lowest point.
#include <algorithm>
#include <limits>

#include <fmt/format.h>

#include "stratstab/sweep.hpp"

namespace stratstab {
namespace {

/// `a=1, b=2`: a point as a diagnostic names it.
std::string point_label(const std::vector<std::string>& params, const std::vector<std::string>& values) {
  std::string label;
  for (std::size_t k = 0; k < params.size(); ++k) {
    if (k > 0) label += ", ";
    label += params[k] + "=" + values[k];
  }
  return label;
}

}  // namespace

SweepBands sweep_bands(const std::vector<std::string>& params, const std::vector<std::vector<std::string>>& points,
                       const std::function<Scenario(const std::vector<std::string>& values)>& scenario_at,
                       std::size_t samples, std::uint64_t seed, unsigned threads,
                       const std::function<void(std::size_t done, std::size_t total)>& on_progress) {
  SweepBands bands;
  bands.params = params;
  bands.samples = samples;
  bands.seed = seed;
  if (points.empty()) return bands;
  // The inputs of the first point, less the swept keys: the same paths at every point.
  const Scenario first = scenario_at(points.front());
  std::vector<UncertainInput> inputs = plan_uncertain_inputs(first, first.uncertainty).inputs;
  std::erase_if(inputs, [&](const UncertainInput& in) { return std::ranges::find(params, in.path) != params.end(); });
  bands.inputs = inputs.size();
  const Factors factors = factors_of(inputs);
  const std::vector<double> draws = input_values(
      inputs, factors, unit_design(samples, factors.members.size(), SamplingMethod::kLatinHypercube, seed), samples);
  std::vector<std::vector<double>> index(points.size());
  const std::size_t total = samples * points.size();
  bands.points.reserve(points.size());
  for (std::size_t p = 0; p < points.size(); ++p) {
    const Scenario loaded = p == 0 ? first : scenario_at(points[p]);
    try {
      const SampleEvaluator ev(loaded, inputs);
      const double point = evaluate_scenario(ev.prepared()).index;
      if (inputs.empty()) {
        // Nothing uncertain (abstract sides without an `uncertainty:` block): every draw is the point.
        index[p].assign(samples, point);
      } else {
        const std::vector<SampleOutputs> out = evaluate_rows(ev, draws, threads, [&](std::size_t done) {
          if (on_progress) on_progress(p * samples + done, total);
        });
        index[p].resize(samples);
        for (std::size_t j = 0; j < samples; ++j) index[p][j] = out[j][0];
      }
      bands.points.push_back(SweepBandPoint{points[p], summarise("index", point, index[p]), 0.0});
    } catch (const InputError& e) {
      throw InputError(
          {key_error("--param", fmt::format("at {}, the scenario's uncertain inputs differ from the first "
                                            "point's, so the points cannot share draws: {}",
                                            point_label(params, points[p]), e.diagnostics().front().message))});
    }
  }
  for (std::size_t j = 0; j < samples; ++j) {
    std::size_t best = 0;
    for (std::size_t p = 1; p < points.size(); ++p) {
      if (index[p][j] < index[best][j]) best = p;
    }
    bands.points[best].lowest += 1.0 / static_cast<double>(samples);
  }
  return bands;
}

SweepBands sweep_bands(const std::string& param, const std::vector<std::string>& values,
                       const std::function<Scenario(const std::string& value)>& scenario_at, std::size_t samples,
                       std::uint64_t seed, unsigned threads,
                       const std::function<void(std::size_t done, std::size_t total)>& on_progress) {
  std::vector<std::vector<std::string>> points;
  points.reserve(values.size());
  for (const std::string& v : values) points.push_back({v});
  return sweep_bands(
      {param}, points, [&](const std::vector<std::string>& at) { return scenario_at(at.front()); }, samples, seed,
      threads, on_progress);
}

}  // namespace stratstab

// Sample designs in the unit cube of the factors (docs/methods.md §13.2): Monte Carlo or Latin
// hypercube from OpenTURNS, seeded; and their images in the inputs' distributions.
#include <mutex>

#include <openturns/ComposedDistribution.hxx>
#include <openturns/LHSExperiment.hxx>
#include <openturns/MonteCarloExperiment.hxx>
#include <openturns/RandomGenerator.hxx>
#include <openturns/Uniform.hxx>

#include "stratstab/uncertainty.hpp"
#include "uncertainty/ot_distribution.hpp"

namespace stratstab {
namespace {

/// OpenTURNS keeps one random generator for the process: a design is drawn under this lock, from
/// its own seed, so that concurrent runs (threads of a server) neither interleave nor share draws.
std::mutex& generator_lock() {
  static std::mutex lock;
  return lock;
}

}  // namespace

std::vector<double> unit_design(std::size_t points, std::size_t factors, SamplingMethod method, std::uint64_t seed) {
  std::vector<double> out(points * factors);
  if (points == 0 || factors == 0) return out;
  const OT::ComposedDistribution cube(OT::Collection<OT::Distribution>(factors, OT::Uniform(0.0, 1.0)));
  OT::Sample sample;
  {
    const std::lock_guard<std::mutex> guard(generator_lock());
    OT::RandomGenerator::SetSeed(seed);
    if (method == SamplingMethod::kLatinHypercube) {
      sample = OT::LHSExperiment(cube, points).generate();
    } else {
      sample = OT::MonteCarloExperiment(cube, points).generate();
    }
  }
  for (std::size_t i = 0; i < points; ++i) {
    for (std::size_t f = 0; f < factors; ++f) out[i * factors + f] = sample(i, f);
  }
  return out;
}

std::vector<double> input_values(const std::vector<UncertainInput>& inputs, const Factors& factors,
                                 std::span<const double> unit, std::size_t points) {
  const std::size_t n_inputs = inputs.size();
  const std::size_t n_factors = factors.members.size();
  std::vector<double> out(points * n_inputs);
  OT::Point u(points);
  for (std::size_t f = 0; f < n_factors; ++f) {
    for (std::size_t i = 0; i < points; ++i) u[i] = unit[i * n_factors + f];
    for (std::size_t input : factors.members[f]) {
      const UncertainInput& in = inputs[input];
      if (!(in.high > in.low)) {
        // A range collapsed to a point: every draw is the point (no distribution to build).
        for (std::size_t i = 0; i < points; ++i) out[i * n_inputs + input] = in.low;
        continue;
      }
      const OT::Distribution dist = ot_distribution(in);
      const OT::Sample q = dist.computeQuantile(u);
      for (std::size_t i = 0; i < points; ++i) {
        // The cube's ends map to the range's ends exactly (a Latin hypercube never reaches them).
        out[i * n_inputs + input] = u[i] <= 0.0 ? in.low : (u[i] >= 1.0 ? in.high : q(i, 0));
      }
    }
  }
  return out;
}

Factors factors_of(const std::vector<UncertainInput>& inputs) {
  Factors f;
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    const std::string& group = inputs[i].group;
    if (!group.empty()) {
      const std::string name = "group " + group;
      bool found = false;
      for (std::size_t g = 0; g < f.names.size(); ++g) {
        if (f.names[g] == name) {
          f.members[g].push_back(i);
          found = true;
          break;
        }
      }
      if (found) continue;
      f.names.push_back(name);
    } else {
      f.names.push_back(inputs[i].path);
    }
    f.members.push_back({i});
  }
  return f;
}

}  // namespace stratstab

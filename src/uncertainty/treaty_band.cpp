// `treaty count --samples N` (docs/methods.md §13.2): how likely a snapshot is over each limit,
// given its ranged figures. Each figure with a range is drawn (triangular, mode at the figure's
// value), the sums the loader checks restored, and the force counted as `treaty count` counts it.
#include <algorithm>

#include "stratstab/uncertainty.hpp"

namespace stratstab {

TreatyCountBand treaty_count_band(const Treaty& treaty, const ForceSnapshot& snapshot, const CountOptions& options,
                                  std::size_t samples, std::uint64_t seed, SamplingMethod method) {
  ForceSnapshot drawn = snapshot;
  std::vector<Figure*> figures;
  std::vector<UncertainInput> inputs;
  for_each_figure(drawn, [&](Figure& f) {
    if (!f.range || !(f.range->high > f.range->low)) return;
    UncertainInput in;
    in.low = f.range->low;
    in.high = f.range->high;
    in.point = f.value;
    in.mode = std::clamp(f.value, in.low, in.high);
    figures.push_back(&f);
    inputs.push_back(in);
  });
  const Factors factors = factors_of(inputs);
  const std::vector<double> values =
      input_values(inputs, factors, unit_design(samples, factors.members.size(), method, seed), samples);
  const TreatyCount point = count_treaty(treaty, snapshot, options);
  std::vector<std::vector<double>> counts(point.limits.size(), std::vector<double>(samples));
  std::size_t any_over = 0;
  for (std::size_t j = 0; j < samples; ++j) {
    for (std::size_t i = 0; i < figures.size(); ++i) {
      figures[i]->value = values[j * inputs.size() + i];
    }
    // Shares and bases put back, then rescaled to the drawn figures (scenario_inputs.hpp).
    ForceSnapshot counted = drawn;
    renormalise_snapshot(counted, snapshot);
    const TreatyCount c = count_treaty(treaty, counted, options);
    bool over = false;
    for (std::size_t l = 0; l < c.limits.size(); ++l) {
      counts[l][j] = c.limits[l].count;
      over = over || c.limits[l].count > c.limits[l].limit;
    }
    any_over += over ? 1 : 0;
  }
  TreatyCountBand band;
  band.samples = samples;
  band.seed = seed;
  band.method = method;
  band.inputs = inputs.size();
  for (std::size_t l = 0; l < point.limits.size(); ++l) {
    LimitBand b;
    b.id = point.limits[l].id;
    b.limit = point.limits[l].limit;
    b.point = point.limits[l].count;
    const auto over = static_cast<std::size_t>(
        std::count_if(counts[l].begin(), counts[l].end(), [&](double c) { return c > b.limit; }));
    b.probability_over = samples == 0 ? 0.0 : static_cast<double>(over) / static_cast<double>(samples);
    b.count = summarise(b.id, b.point, counts[l]);
    band.limits.push_back(std::move(b));
  }
  band.probability_any_over = samples == 0 ? 0.0 : static_cast<double>(any_over) / static_cast<double>(samples);
  return band;
}

}  // namespace stratstab

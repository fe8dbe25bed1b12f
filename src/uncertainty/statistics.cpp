// Summaries of a sample (docs/methods.md §13.2): mean, standard deviation, quantiles with their
// distribution-free confidence intervals, and the Sobol estimators.
#include <algorithm>
#include <cmath>

#include "stratstab/uncertainty.hpp"

namespace stratstab {
/// The empirical quantile at level p of sorted values: linear between order statistics (the
/// "type 7" rule of Hyndman & Fan 1996, R's and NumPy's default).
double quantile_sorted(const std::vector<double>& sorted, double p) {
  if (sorted.empty()) return 0.0;
  const double h = (static_cast<double>(sorted.size()) - 1.0) * p;
  const auto lo = static_cast<std::size_t>(std::floor(h));
  const std::size_t hi = std::min(sorted.size() - 1, lo + 1);
  return sorted[lo] + (h - static_cast<double>(lo)) * (sorted[hi] - sorted[lo]);
}

OutputBand summarise(std::string name, double point, std::vector<double> values) {
  OutputBand band;
  band.name = std::move(name);
  band.point = point;
  const auto n = static_cast<double>(values.size());
  if (values.empty()) return band;
  const auto [lowest, highest] = std::minmax_element(values.begin(), values.end());
  if (*lowest == *highest) {
    // One value throughout (every range collapsed, or an output no input moves): exactly it.
    band.mean = *lowest;
    band.quantiles.fill(*lowest);
    band.ci_low.fill(*lowest);
    band.ci_high.fill(*lowest);
    return band;
  }
  double sum = 0.0;
  for (double v : values) sum += v;
  band.mean = sum / n;
  double squares = 0.0;
  for (double v : values) squares += (v - band.mean) * (v - band.mean);
  band.sd = values.size() > 1 ? std::sqrt(squares / (n - 1.0)) : 0.0;
  std::sort(values.begin(), values.end());
  for (std::size_t k = 0; k < OutputBand::kLevels.size(); ++k) {
    const double p = OutputBand::kLevels[k];
    band.quantiles[k] = quantile_sorted(values, p);
    // The order statistics X_(j) and X_(k) with j, k = n p -/+ 1.96 sqrt(n p (1 - p)) bracket the
    // p-quantile with about 95% confidence for independent samples (the binomial count of
    // samples below it, normal approximation; Conover 1999, section 3.2). Latin hypercube samples of a
    // monotone output are tighter than that, so the interval is conservative for them.
    const double half = 1.96 * std::sqrt(n * p * (1.0 - p));
    const double j = std::clamp(std::floor(n * p - half), 0.0, n - 1.0);
    const double k_hi = std::clamp(std::ceil(n * p + half), 0.0, n - 1.0);
    band.ci_low[k] = values[static_cast<std::size_t>(j)];
    band.ci_high[k] = values[static_cast<std::size_t>(k_hi)];
  }
  return band;
}

SobolEstimate sobol_estimate(std::span<const double> f_a, std::span<const double> f_b, std::span<const double> f_ab) {
  const std::size_t n = f_a.size();
  SobolEstimate e;
  if (n == 0) return e;
  double mean = 0.0;
  for (std::size_t j = 0; j < n; ++j) mean += f_a[j] + f_b[j];
  mean /= 2.0 * static_cast<double>(n);
  double variance = 0.0;
  for (std::size_t j = 0; j < n; ++j) {
    variance += (f_a[j] - mean) * (f_a[j] - mean) + (f_b[j] - mean) * (f_b[j] - mean);
  }
  variance /= 2.0 * static_cast<double>(n);
  if (!(variance > 0.0)) return e;
  // Saltelli et al. (2010), Table 2 (b) for S_i and (f) (Jansen 1999) for S_Ti, with A_B^i the
  // matrix A whose factor-i column is B's. f(B) is taken about the mean: the estimator's
  // expectation is unchanged (the mean of f(A_B^i) - f(A) is 0) and its variance falls by the
  // mean's square times that of the difference, which is large for an index near 0.3 with a
  // spread of 0.04.
  double first = 0.0;
  double total = 0.0;
  for (std::size_t j = 0; j < n; ++j) {
    first += (f_b[j] - mean) * (f_ab[j] - f_a[j]);
    total += (f_a[j] - f_ab[j]) * (f_a[j] - f_ab[j]);
  }
  e.first_order = first / static_cast<double>(n) / variance;
  e.total = total / (2.0 * static_cast<double>(n)) / variance;
  return e;
}

}  // namespace stratstab

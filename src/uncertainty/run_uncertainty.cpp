// `stratstab uncertainty` (docs/methods.md §13.2): the band of every output over a sample of the
// uncertain inputs, a one-at-a-time tornado, and Sobol indices of the index on a pick-freeze
// design over the factors that move it.
#include <algorithm>
#include <cmath>
#include <random>

#include "stratstab/uncertainty.hpp"

namespace stratstab {
namespace {

/// The Sobol design's draws are a stream of their own (the band's seed would repeat the band).
constexpr std::uint64_t kSobolStream = 0x9E3779B97F4A7C15ULL;

/// A tornado swing below this (relative to the index's scale) is no effect: the factor is
/// screened out of the one-by-one Sobol ranking and estimated with the others screened out.
constexpr double kNoEffect = 1e-12;
/// Bins of the index histogram (the page's plot and `uncertainty --json`'s index_histogram).
constexpr std::size_t kHistogramBins = 20;

/// Rows where every input is at its point value except those of one factor, at `u`.
void one_at_a_time(const SampleEvaluator& ev, const Factors& factors, double u, std::vector<double>& rows) {
  const std::vector<double> point = ev.point_values();
  for (const auto& members : factors.members) {
    std::vector<double> row = point;
    for (std::size_t i : members) row[i] = ev.inputs()[i].quantile(u);
    rows.insert(rows.end(), row.begin(), row.end());
  }
}

/// The quantile at level p of unsorted values.
double percentile(std::vector<double> v, double p) {
  std::sort(v.begin(), v.end());
  return quantile_sorted(v, p);
}

}  // namespace

Histogram histogram(const std::vector<double>& values, std::size_t bins) {
  Histogram h;
  if (values.empty() || bins == 0) return h;
  const auto [lo, hi] = std::minmax_element(values.begin(), values.end());
  h.low = *lo;
  h.high = *hi;
  h.counts.assign(h.high > h.low ? bins : 1, 0);
  const double width = (h.high - h.low) / static_cast<double>(h.counts.size());
  for (const double v : values) {
    // The last bin is closed on the right, so the greatest sample is counted in it.
    const std::size_t at = width > 0.0 ? static_cast<std::size_t>((v - h.low) / width) : 0;
    ++h.counts[std::min(at, h.counts.size() - 1)];
  }
  return h;
}

UncertaintyResult run_uncertainty(const Scenario& loaded, const std::vector<UncertaintyEntry>& entries,
                                  const UncertaintyOptions& options) {
  InputPlan plan = plan_uncertain_inputs(loaded, entries);
  const SampleEvaluator ev(loaded, plan.inputs);
  const Factors factors = factors_of(ev.inputs());
  const std::size_t n_inputs = ev.inputs().size();
  const std::size_t n_factors = factors.members.size();
  const std::size_t n = options.samples;

  UncertaintyResult result;
  result.scenario = loaded.name;
  result.samples = n;
  result.seed = options.seed;
  result.method = options.method;
  result.threads = options.threads;
  result.inputs = ev.inputs();
  result.fixed = plan.fixed;

  // Work planned, for the progress report: the band, the tornado, then the Sobol design.
  const std::size_t sobol_n = options.sobol_samples;
  std::size_t planned = n + 2 * n_factors + (sobol_n > 0 ? sobol_n * (n_factors + 3) : 0);
  std::size_t finished = 0;
  const auto progress = [&](std::size_t done) {
    if (options.on_progress) options.on_progress(finished + done, planned);
  };

  const auto point_workspace = ev.workspace();
  const SampleOutputs point = ev.evaluate(ev.point_values(), *point_workspace);

  // The band. Progress starts at 0 of the plan before the design is drawn (seconds for a large one).
  progress(0);
  const std::vector<double> unit = unit_design(n, n_factors, options.method, options.seed);
  const std::vector<double> values = input_values(ev.inputs(), factors, unit, n);
  const std::vector<SampleOutputs> band =
      n_inputs == 0 ? std::vector<SampleOutputs>(n, point) : evaluate_rows(ev, values, options.threads, progress);
  finished += n;
  const auto names = uncertainty_output_names(ev.prepared());
  for (std::size_t k = 0; k < kUncertaintyOutputs; ++k) {
    std::vector<double> column(band.size());
    for (std::size_t r = 0; r < band.size(); ++r) column[r] = band[r][k];
    if (k == 0) result.index_histogram = histogram(column, kHistogramBins);
    result.outputs.push_back(summarise(names[k], point[k], std::move(column)));
  }
  for (double t : options.thresholds) {
    std::size_t below = 0;
    for (const SampleOutputs& o : band) below += o[0] < t ? 1 : 0;
    result.below.emplace_back(t, n == 0 ? 0.0 : static_cast<double>(below) / static_cast<double>(n));
  }
  if (options.keep_samples) {
    result.sample_values = values;
    result.sample_outputs = band;
  }
  if (n >= 2) {
    std::vector<double> half;
    for (std::size_t r = 0; r < n / 2; ++r) half.push_back(band[r][0]);
    result.median_at_half = percentile(half, 0.5);
  }

  // The tornado: every factor at both ends, the rest at their point values.
  std::vector<double> ends;
  one_at_a_time(ev, factors, 0.0, ends);
  one_at_a_time(ev, factors, 1.0, ends);
  const std::vector<SampleOutputs> tornado =
      n_factors == 0 ? std::vector<SampleOutputs>{} : evaluate_rows(ev, ends, options.threads, progress);
  finished += 2 * n_factors;
  const double scale = std::max(1.0, std::abs(point[0]));
  std::vector<std::size_t> active;
  std::vector<std::size_t> screened;
  for (std::size_t f = 0; f < n_factors; ++f) {
    InputSensitivity s;
    s.factor = factors.names[f];
    s.inputs = factors.members[f];
    s.index_at_low = tornado[f][0];
    s.index_at_high = tornado[n_factors + f][0];
    s.swing = std::abs(s.index_at_high - s.index_at_low);
    (s.swing > kNoEffect * scale ? active : screened).push_back(f);
    result.ranking.push_back(std::move(s));
  }
  result.screened_factors = screened.size();

  // Sobol indices of the index: A and B (independent draws of every factor), then A with each
  // active factor's column from B, and A with every screened factor's column from B at once.
  if (sobol_n > 0 && !active.empty()) {
    planned = finished + sobol_n * (2 + active.size() + (screened.empty() ? 0 : 1));
    const std::vector<double> ab =
        unit_design(2 * sobol_n, n_factors, SamplingMethod::kMonteCarlo, options.seed ^ kSobolStream);
    const auto row_of = [&](std::size_t which, std::size_t j) { return &ab[(which * sobol_n + j) * n_factors]; };
    std::vector<std::vector<std::size_t>> groups;
    groups.reserve(active.size() + 1);
    for (std::size_t f : active) groups.push_back({f});
    if (!screened.empty()) groups.push_back(screened);
    std::vector<double> design;
    design.reserve(sobol_n * (2 + groups.size()) * n_factors);
    for (std::size_t which = 0; which < 2; ++which) {
      for (std::size_t j = 0; j < sobol_n; ++j)
        design.insert(design.end(), row_of(which, j), row_of(which, j) + n_factors);
    }
    for (const auto& g : groups) {
      for (std::size_t j = 0; j < sobol_n; ++j) {
        const std::size_t start = design.size();
        design.insert(design.end(), row_of(0, j), row_of(0, j) + n_factors);
        for (std::size_t f : g) design[start + f] = row_of(1, j)[f];
      }
    }
    const std::size_t rows = design.size() / n_factors;
    const std::vector<double> sobol_values = input_values(ev.inputs(), factors, design, rows);
    const std::vector<SampleOutputs> out = evaluate_rows(ev, sobol_values, options.threads, progress);
    finished += rows;
    std::vector<double> f_a(sobol_n);
    std::vector<double> f_b(sobol_n);
    for (std::size_t j = 0; j < sobol_n; ++j) {
      f_a[j] = out[j][0];
      f_b[j] = out[sobol_n + j][0];
    }
    // Bootstrap over the design's rows (the same resamples for every factor), seeded from the run.
    std::mt19937_64 rng(options.seed ^ (kSobolStream >> 1));
    std::vector<std::vector<std::size_t>> resamples(options.bootstrap, std::vector<std::size_t>(sobol_n));
    for (auto& r : resamples) {
      for (auto& j : r) j = static_cast<std::size_t>(rng() % sobol_n);
    }
    for (std::size_t g = 0; g < groups.size(); ++g) {
      std::vector<double> f_ab(sobol_n);
      for (std::size_t j = 0; j < sobol_n; ++j) f_ab[j] = out[(2 + g) * sobol_n + j][0];
      const SobolEstimate e = sobol_estimate(f_a, f_b, f_ab);
      std::vector<double> firsts;
      std::vector<double> totals;
      std::vector<double> ra(sobol_n);
      std::vector<double> rb(sobol_n);
      std::vector<double> rab(sobol_n);
      for (const auto& r : resamples) {
        for (std::size_t j = 0; j < sobol_n; ++j) {
          ra[j] = f_a[r[j]];
          rb[j] = f_b[r[j]];
          rab[j] = f_ab[r[j]];
        }
        const SobolEstimate b = sobol_estimate(ra, rb, rab);
        firsts.push_back(b.first_order);
        totals.push_back(b.total);
      }
      if (g < active.size()) {
        InputSensitivity& s = result.ranking[active[g]];
        s.first_order = e.first_order;
        s.total = e.total;
        if (!resamples.empty()) {
          s.first_order_ci = {percentile(firsts, 0.025), percentile(firsts, 0.975)};
          s.total_ci = {percentile(totals, 0.025), percentile(totals, 0.975)};
        }
      } else {
        result.screened_total = e.total;
      }
    }
    result.sobol_samples = sobol_n;
  }
  std::stable_sort(result.ranking.begin(), result.ranking.end(),
                   [](const InputSensitivity& x, const InputSensitivity& y) {
                     const double tx = x.total.value_or(-1.0);
                     const double ty = y.total.value_or(-1.0);
                     if (tx != ty) return tx > ty;
                     return x.swing > y.swing;
                   });
  result.evaluations = finished + 1;
  return result;
}

}  // namespace stratstab

// `uncertainty` as text: what was drawn, each output's band, how likely the index is below the
// thresholds, how settled the estimate is, and which inputs matter (Sobol ranking and tornado).
#include <algorithm>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "report/display_width.hpp"
#include "stratstab/report.hpp"

namespace stratstab {
using report::display_width;
using report::pad_left;
using report::pad_right;

namespace {

std::string number(double v) {
  if (std::abs(v) >= 1000.0) return fmt::format("{:.0f}", v);
  if (std::abs(v) >= 10.0) return fmt::format("{:.1f}", v);
  return fmt::format("{:.4f}", v);
}

std::string range_text(const UncertainInput& in) {
  return fmt::format("{}–{}", number(in.low), number(in.high));
}

std::string dist_text(const UncertainInput& in) {
  switch (in.dist) {
    case Distribution::kUniform: return "uniform";
    case Distribution::kNormal: return fmt::format("normal({}, {})", number(in.mean), number(in.sd));
    case Distribution::kTriangular: break;
  }
  return fmt::format("tri, mode {}", number(in.mode));
}

}  // namespace

std::string format_uncertainty(const UncertaintyResult& r, std::size_t top) {
  std::string out;
  out += fmt::format("Uncertainty: {}. {} samples ({}), seed {}; {} uncertain inputs", r.scenario, r.samples,
                     r.method == SamplingMethod::kLatinHypercube ? "Latin hypercube" : "Monte Carlo", r.seed,
                     r.inputs.size());
  if (!r.fixed.empty()) out += fmt::format(", {} held fixed", r.fixed.size());
  out += fmt::format("; {} evaluations.\n\n", r.evaluations);

  std::size_t name_width = 6;
  for (const OutputBand& b : r.outputs) name_width = std::max(name_width, display_width(b.name));
  out += pad_right("output", name_width);
  for (const char* h : {"point", "mean", "sd", "5%", "25%", "50%", "75%", "95%"}) out += pad_left(h, 10);
  out += '\n';
  for (const OutputBand& b : r.outputs) {
    out += pad_right(b.name, name_width);
    out += pad_left(number(b.point), 10) + pad_left(number(b.mean), 10) + pad_left(number(b.sd), 10);
    for (double q : b.quantiles) out += pad_left(number(q), 10);
    out += '\n';
  }
  out += '\n';
  std::vector<std::string> below;
  for (const auto& [t, p] : r.below) below.push_back(fmt::format("P(index < {}) = {:.3f}", t, p));
  if (!below.empty()) out += fmt::format("{}\n", fmt::join(below, "   "));
  if (!r.outputs.empty()) {
    const OutputBand& idx = r.outputs[0];
    out += fmt::format(
        "Convergence: median of the first {} samples {}, of all {}; 95% intervals (order statistics): "
        "5% [{}, {}], median [{}, {}], 95% [{}, {}].\n",
        r.samples / 2, number(r.median_at_half), number(idx.quantiles[2]), number(idx.ci_low[0]),
        number(idx.ci_high[0]), number(idx.ci_low[2]), number(idx.ci_high[2]), number(idx.ci_low[4]),
        number(idx.ci_high[4]));
  }

  if (r.ranking.empty()) return out;
  out += '\n';
  if (r.sobol_samples > 0) {
    out += fmt::format(
        "Inputs by total Sobol index of the index (base sample {}; 95% bootstrap intervals), with the index when the "
        "input is at the low and high end of its range, the rest at their point values:\n",
        r.sobol_samples);
  } else {
    out += "Inputs by tornado swing (the index at the low and high end of each range, the rest at point values):\n";
  }
  std::size_t width = 5;
  const std::size_t shown = top == 0 ? r.ranking.size() : std::min(top, r.ranking.size());
  for (std::size_t k = 0; k < shown; ++k) width = std::max(width, display_width(r.ranking[k].factor));
  out += pad_right("input", width) + pad_left("range", 16) + "  " + pad_right("distribution", 22) +
         pad_left("first", 18) + pad_left("total", 18) + pad_left("at low", 10) + pad_left("at high", 10) + '\n';
  for (std::size_t k = 0; k < shown; ++k) {
    const InputSensitivity& s = r.ranking[k];
    const UncertainInput& in = r.inputs[s.inputs.front()];
    const std::string range = s.inputs.size() == 1 ? range_text(in) : fmt::format("{} inputs", s.inputs.size());
    const std::string dist = s.inputs.size() == 1 ? dist_text(in) : "together";
    const auto ci = [](const std::optional<double>& v, const std::array<double, 2>& c) {
      return v ? fmt::format("{:.3f} [{:.2f},{:.2f}]", *v, c[0], c[1]) : std::string("–");
    };
    out += pad_right(s.factor, width) + pad_left(range, 16) + "  " + pad_right(dist, 22) +
           pad_left(ci(s.first_order, s.first_order_ci), 18) + pad_left(ci(s.total, s.total_ci), 18) +
           pad_left(number(s.index_at_low), 10) + pad_left(number(s.index_at_high), 10) + '\n';
  }
  if (shown < r.ranking.size())
    out += fmt::format("… {} more inputs (--top 0 shows all; --json has every one).\n", r.ranking.size() - shown);
  if (r.screened_factors > 0) {
    out +=
        fmt::format("{} inputs move the index by nothing one at a time; varied together their total index is {}.\n",
                    r.screened_factors, r.screened_total ? fmt::format("{:.4f}", *r.screened_total) : "not estimated");
  }
  return out;
}

std::string format_treaty_count_band(const TreatyCountBand& band) {
  std::string out = fmt::format(
      "From the snapshot's {} ranged figures ({} samples, {}, seed {}; each triangular with its value as mode):\n",
      band.inputs, band.samples, band.method == SamplingMethod::kLatinHypercube ? "Latin hypercube" : "Monte Carlo",
      band.seed);
  std::size_t width = 5;
  for (const LimitBand& l : band.limits) width = std::max(width, display_width(l.id));
  out += pad_right("limit", width) + pad_left("count", 10) + pad_left("5%", 10) + pad_left("50%", 10) +
         pad_left("95%", 10) + pad_left("limit", 10) + pad_left("P(over)", 10) + '\n';
  for (const LimitBand& l : band.limits) {
    out += pad_right(l.id, width) + pad_left(fmt::format("{:.0f}", l.point), 10) +
           pad_left(fmt::format("{:.0f}", l.count.quantiles[0]), 10) +
           pad_left(fmt::format("{:.0f}", l.count.quantiles[2]), 10) +
           pad_left(fmt::format("{:.0f}", l.count.quantiles[4]), 10) + pad_left(fmt::format("{:.0f}", l.limit), 10) +
           pad_left(fmt::format("{:.3f}", l.probability_over), 10) + '\n';
  }
  out += fmt::format("P(over any limit) = {:.3f}\n", band.probability_any_over);
  return out;
}

std::string format_sweep_bands(const SweepBands& bands) {
  std::string out = fmt::format(
      "The index's band at each point, from {} draws of the scenario's {} uncertain input{} (the same draws at every "
      "point; seed {}), and the share of draws whose lowest index is at the point:\n",
      bands.samples, bands.inputs, bands.inputs == 1 ? "" : "s", bands.seed);
  // One column per swept key, as wide as its path or its widest value.
  std::vector<std::size_t> widths;
  for (std::size_t k = 0; k < bands.params.size(); ++k) {
    std::size_t width = std::max<std::size_t>(display_width(bands.params[k]), 5);
    for (const SweepBandPoint& p : bands.points) width = std::max(width, display_width(p.values.at(k)));
    widths.push_back(width);
    out += pad_right(bands.params[k], width) + (k + 1 < bands.params.size() ? "  " : "");
  }
  out += pad_left("point", 10) + pad_left("5%", 10) + pad_left("50%", 10) + pad_left("95%", 10) +
         pad_left("lowest", 10) + '\n';
  for (const SweepBandPoint& p : bands.points) {
    for (std::size_t k = 0; k < widths.size(); ++k) {
      out += pad_right(p.values.at(k), widths[k]) + (k + 1 < widths.size() ? "  " : "");
    }
    out +=
        pad_left(fmt::format("{:.4f}", p.band.point), 10) + pad_left(fmt::format("{:.4f}", p.band.quantiles[0]), 10) +
        pad_left(fmt::format("{:.4f}", p.band.quantiles[2]), 10) +
        pad_left(fmt::format("{:.4f}", p.band.quantiles[4]), 10) + pad_left(fmt::format("{:.3f}", p.lowest), 10) + '\n';
  }
  return out;
}

std::string format_compare_bands(const CompareBands& bands) {
  std::string out = fmt::format(
      "The index over {} paired draws of the scenarios' uncertain inputs (an input with the same path takes the same "
      "draw in every scenario; seed {}):\n",
      bands.samples, bands.seed);
  std::size_t width = 8;
  for (const std::string& s : bands.scenarios) width = std::max(width, display_width(s));
  out += pad_right("scenario", width) + pad_left("point", 10) + pad_left("5%", 10) + pad_left("50%", 10) +
         pad_left("95%", 10) + '\n';
  for (std::size_t k = 0; k < bands.scenarios.size(); ++k) {
    const OutputBand& b = bands.index[k];
    out += pad_right(bands.scenarios[k], width) + pad_left(fmt::format("{:.4f}", b.point), 10) +
           pad_left(fmt::format("{:.4f}", b.quantiles[0]), 10) + pad_left(fmt::format("{:.4f}", b.quantiles[2]), 10) +
           pad_left(fmt::format("{:.4f}", b.quantiles[4]), 10) + '\n';
  }
  out += "\nP(the row's index < the column's), draw by draw:\n" + pad_right("", width + 4);
  for (std::size_t k = 0; k < bands.scenarios.size(); ++k) out += pad_left(fmt::format("[{}]", k + 1), 8);
  out += '\n';
  for (std::size_t a = 0; a < bands.scenarios.size(); ++a) {
    out += pad_right(fmt::format("[{}] {}", a + 1, bands.scenarios[a]), width + 4);
    for (std::size_t b = 0; b < bands.scenarios.size(); ++b) {
      out += pad_left(a == b ? std::string("–") : fmt::format("{:.3f}", bands.below[a][b]), 8);
    }
    out += '\n';
  }
  return out;
}

std::string format_uncertainty_csv(const UncertaintyResult& r) {
  std::string out = "sample";
  for (const UncertainInput& in : r.inputs) out += "," + in.path;
  for (const OutputBand& b : r.outputs) out += "," + b.name;
  out += '\n';
  const std::size_t width = r.inputs.size();
  for (std::size_t i = 0; i < r.sample_outputs.size(); ++i) {
    out += std::to_string(i);
    for (std::size_t k = 0; k < width; ++k) out += fmt::format(",{}", r.sample_values[i * width + k]);
    for (double v : r.sample_outputs[i]) out += fmt::format(",{}", v);
    out += '\n';
  }
  return out;
}

}  // namespace stratstab

// `pathways`: per branch a table by date (the regime in force, each side's warheads by leg, its
// count under the regime's first limit, C1, C2, the index), then the probability-weighted index
// with its band (pathway_run.hpp), the uncertainty bands with --samples; and the CSV of every number.
#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "stratstab/report.hpp"

namespace stratstab {
namespace {

/// The limit a table column shows: the first one a side exceeds, else the regime's first.
std::string count_text(const TreatyCount& count) {
  if (count.limits.empty()) return "-";
  const LimitCount* shown = &count.limits.front();
  for (const LimitCount& l : count.limits) {
    if (!l.compliant) {
      shown = &l;
      break;
    }
  }
  return fmt::format("{:.0f}/{:.0f}{}", shown->count, shown->limit, shown->compliant ? "" : "!");
}

std::string legs_text(const LegWarheads& legs) {
  return fmt::format("{:.0f}/{:.0f}/{:.0f}", legs.icbm, legs.slbm, legs.bomber);
}

std::string band_text(const OutputBand& band) {
  return fmt::format("{:.3f} [{:.3f}-{:.3f}]", band.quantiles[2], band.quantiles[0], band.quantiles[4]);
}

/// The bands of `--samples`: per date each branch's index and the weighted one, median [5%-95%].
std::string format_pathway_bands(const PathwayRun& run) {
  const PathwayBands& bands = *run.bands;
  std::string out = fmt::format(
      "\nUncertainty: {} draws of the data's ranged inputs (seed {}), common to every branch and date; median "
      "[5%-95%] of the index\n",
      bands.samples, bands.seed);
  out += fmt::format("{:<10}", "date");
  for (const PathwayBranchRun& branch : run.branches) out += fmt::format(" {:>21}", branch.id);
  out += fmt::format(" {:>21}\n", "weighted");
  for (std::size_t d = 0; d < run.dates.size(); ++d) {
    out += fmt::format("{:<10}", run.dates[d]);
    for (const std::vector<OutputBand>& branch : bands.branches) out += fmt::format(" {:>21}", band_text(branch[d]));
    out += fmt::format(" {:>21}\n", band_text(bands.weighted[d]));
  }
  if (!bands.undrawn.empty()) {
    out += "held at the events' values in every draw (not drawable numbers):";
    for (const std::string& key : bands.undrawn) out += " " + key;
    out += '\n';
  }
  return out;
}

}  // namespace

std::string format_pathway(const PathwayRun& run) {
  const std::string& a = run.sides[0];
  const std::string& b = run.sides[1];
  std::string out = fmt::format("Pathway {}: {} ({} dates, {} branch{})\n", run.id, run.name, run.dates.size(),
                                run.branches.size(), run.branches.size() == 1 ? "" : "es");
  out +=
      "warheads: ICBM/SLBM/bomber loaded on deployed launchers; count: under the regime in force, the first limit "
      "exceeded (!) or else its first limit\n";
  for (const PathwayBranchRun& branch : run.branches) {
    out += fmt::format("\nBranch {} (probability {:.2f}{}): {}\n", branch.id, branch.probability.value,
                       branch.probability.range ? fmt::format(", range {:.2f}-{:.2f}", branch.probability.range->low,
                                                              branch.probability.range->high)
                                                : "",
                       branch.name);
    out += fmt::format("{:<10} {:<26} {:>15} {:>15} {:>10} {:>10} {:>7} {:>7} {:>7} {:>7} {:>8} {:>6} {:>6}\n", "date",
                       "regime", a + " warheads", b + " warheads", a + " count", b + " count", a + " C1", a + " C2",
                       b + " C1", b + " C2", "index", a + " $", b + " $");
    for (const PathwayPoint& p : branch.points) {
      out += fmt::format(
          "{:<10} {:<26} {:>15} {:>15} {:>10} {:>10} {:>7.3f} {:>7.3f} {:>7.3f} {:>7.3f} {:>8.4f} {:>6.1f} {:>6.1f}\n",
          p.date, p.treaty + (p.comply ? " (comply)" : ""), legs_text(p.legs[0]), legs_text(p.legs[1]),
          count_text(p.counts[0]), count_text(p.counts[1]), p.result.a.c1, p.result.a.c2, p.result.b.c1, p.result.b.c2,
          p.result.index, p.cost[0], p.cost[1]);
    }
  }
  out +=
      "\nProbability-weighted index (band: the branches' probabilities anywhere in their ranges) and spending "
      "($: US$ billion a year, from the cost events):\n";
  out += fmt::format("{:<10} {:>8} {:>8} {:>8} {:>8} {:>8}\n", "date", "index", "low", "high", a + " $", b + " $");
  double index_sum = 0;
  std::array<double, 2> spent{};
  for (const PathwayWeighted& w : run.weighted) {
    out += fmt::format("{:<10} {:>8.4f} {:>8.4f} {:>8.4f} {:>8.1f} {:>8.1f}\n", w.date, w.index, w.low, w.high,
                       w.cost[0], w.cost[1]);
    index_sum += w.index;
    for (std::size_t i = 0; i < 2; ++i) spent[i] += w.cost[i];
  }
  if (!run.weighted.empty()) {
    out += fmt::format("mean index {:.4f}; spending summed over the {} dates: {} {:.0f}, {} {:.0f} (US$ billion)\n",
                       index_sum / static_cast<double>(run.weighted.size()), run.weighted.size(), a, spent[0], b,
                       spent[1]);
  }
  if (run.bands) out += format_pathway_bands(run);
  return out;
}

std::string format_pathway_csv(const PathwayRun& run) {
  std::string out = "branch,probability,date,treaty,comply";
  for (const std::string& side : run.sides) {
    for (const char* col : {"icbm", "slbm", "bomber", "c1", "c2", "ratio", "usd_bn"}) {
      out += fmt::format(",{}.{}", side, col);
    }
  }
  out += ",index,weighted_index,weighted_low,weighted_high";
  out += run.bands ? ",index_q05,index_q50,index_q95,weighted_q05,weighted_q50,weighted_q95\n" : "\n";
  for (std::size_t b = 0; b < run.branches.size(); ++b) {
    const PathwayBranchRun& branch = run.branches[b];
    for (std::size_t d = 0; d < branch.points.size(); ++d) {
      const PathwayPoint& p = branch.points[d];
      out += fmt::format("{},{},{},{},{}", branch.id, branch.probability.value, p.date, p.treaty, p.comply);
      const std::array<const SideStability*, 2> sides{&p.result.a, &p.result.b};
      for (std::size_t i = 0; i < 2; ++i) {
        out += fmt::format(",{},{},{},{},{},{},{}", p.legs[i].icbm, p.legs[i].slbm, p.legs[i].bomber, sides[i]->c1,
                           sides[i]->c2, sides[i]->ratio, p.cost[i]);
      }
      const PathwayWeighted& w = run.weighted[d];
      out += fmt::format(",{},{},{},{}", p.result.index, w.index, w.low, w.high);
      if (run.bands) {
        const OutputBand& own = run.bands->branches[b][d];
        const OutputBand& all = run.bands->weighted[d];
        out += fmt::format(",{},{},{},{},{},{}", own.quantiles[0], own.quantiles[2], own.quantiles[4], all.quantiles[0],
                           all.quantiles[2], all.quantiles[4]);
      }
      out += '\n';
    }
  }
  return out;
}

std::string format_pathways_between(const std::vector<PathwayRun>& runs,
                                    const std::vector<std::vector<double>>& below) {
  std::string out = fmt::format(
      "Between pathways: the mean weighted index over each pathway's dates in the same {} draws, median [5%-95%], "
      "and P(row < column)\n",
      runs.front().bands->samples);
  std::size_t width = 8;
  for (const PathwayRun& run : runs) width = std::max(width, run.id.size());
  out += fmt::format("{:<{}} {:>21}", "pathway", width, "mean index");
  for (const PathwayRun& run : runs) out += fmt::format(" {:>{}}", run.id, width);
  out += '\n';
  for (std::size_t i = 0; i < runs.size(); ++i) {
    out += fmt::format("{:<{}} {:>21}", runs[i].id, width, band_text(runs[i].bands->mean));
    for (std::size_t j = 0; j < runs.size(); ++j) {
      out += i == j ? fmt::format(" {:>{}}", "-", width) : fmt::format(" {:>{}.2f}", below[i][j], width);
    }
    out += '\n';
  }
  return out;
}

}  // namespace stratstab

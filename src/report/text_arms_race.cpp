// `arms-race` as text and CSV (arms_race.hpp, docs/methods.md §13.6).
#include <fmt/format.h>
#include <fmt/ranges.h>

#include "stratstab/report.hpp"

namespace stratstab {
namespace {

/// A number as short as it reads: 0.3, 1700, -0.8, 1.2e+06.
std::string num(double v) {
  if (v == 0) v = 0;  // no "-0"
  return fmt::format("{:.6g}", v);
}

std::string eigen_text(const Eigenvalue& e) {
  if (e.imag == 0) return num(e.real);
  return fmt::format("{} {} {}i", num(e.real), e.imag < 0 ? "-" : "+", num(std::abs(e.imag)));
}

std::string eigen_list(const auto& values) {
  std::vector<std::string> parts;
  parts.reserve(values.size());
  for (const Eigenvalue& e : values) parts.push_back(eigen_text(e));
  return fmt::format("{}", fmt::join(parts, ", "));
}

}  // namespace

std::string format_arms_race(const ArmsRaceReport& report) {
  const ArmsRaceQuestion& q = report.question;
  const ArmsRaceResult& r = report.result;
  const std::size_t n = r.sides.size();
  std::string out = report.file.empty() ? std::string("Arms race from the command line\n")
                                        : fmt::format("Arms race {}: {} ({})\n", report.id, report.name, report.file);
  out += fmt::format(
      "Richardson dynamics, docs/methods.md §13.6: dx_i/dt = sum_j k_ij x_j - a_i x_i + g_i, stocks in {}, time in "
      "years.\nThe parameters are notional (assumptions, not estimates): read the shape, not the numbers.\n\n",
      report.unit);
  out += fmt::format("{:<8} {:>10} {:>12} {:>10}", "side", "fatigue a", "grievance g", "start");
  for (const std::string& s : r.sides) out += fmt::format(" {:>10}", fmt::format("k to {}", s));
  out += '\n';
  for (std::size_t i = 0; i < n; ++i) {
    out += fmt::format("{:<8} {:>10} {:>12} {:>10}", r.sides[i], num(q.system.fatigue[i]), num(q.system.grievance[i]),
                       num(q.start[i]));
    for (std::size_t j = 0; j < n; ++j) out += fmt::format(" {:>10}", i == j ? "-" : num(q.system.reaction[i][j]));
    out += '\n';
  }
  out += '\n';
  if (r.equilibrium) {
    std::vector<std::string> parts;
    parts.reserve(n);
    for (std::size_t i = 0; i < n; ++i) parts.push_back(fmt::format("{} {}", r.sides[i], num((*r.equilibrium)[i])));
    out += fmt::format("equilibrium x* (M x* + g = 0): {}\n", fmt::join(parts, ", "));
  } else {
    out += fmt::format("equilibrium: none unique (M is singular, det M = {})\n", num(r.determinant));
  }
  out += fmt::format("eigenvalues of M: {}\n", eigen_list(r.eigenvalues));
  out += fmt::format(
      "{} sides together: {}\n", n,
      r.stable ? "stable (every real part < 0)"
               : fmt::format("not stable (largest real part {} is not below 0)", num(r.eigenvalues.front().real)));
  out += "each pair alone (its 2x2 sub-system, without the other side):\n";
  for (const ArmsRacePair& p : r.pairs) {
    out += fmt::format("  {:<12} eigenvalues {:<28} {}\n", fmt::format("{}-{}", r.sides[p.first], r.sides[p.second]),
                       eigen_list(p.eigenvalues), p.stable ? "stable" : "not stable");
  }
  if (n > 2 && r.every_pair_stable && !r.stable) {
    out += "Every pair alone is stable, yet the three together are not (docs/methods.md §13.5).\n";
  }
  out += fmt::format("\ntrajectory (classical Runge-Kutta, internal step {} years):\n", num(r.internal_step_years));
  out += fmt::format("{:>8}", "year");
  for (const std::string& s : r.sides) out += fmt::format(" {:>12}", s);
  out += '\n';
  for (const TrajectoryPoint& p : r.trajectory) {
    out += fmt::format("{:>8}", num(p.years));
    for (double v : p.stocks) out += fmt::format(" {:>12.1f}", v == 0 ? 0.0 : v);
    out += '\n';
  }
  if (r.diverged_at_years) {
    out += fmt::format("stopped at year {}: a stock passed {} (the race grows without bound)\n",
                       num(*r.diverged_at_years), num(kArmsRaceStockCeiling));
  }
  return out;
}

std::string format_arms_race_csv(const ArmsRaceReport& report) {
  std::string out = fmt::format("t,{}\n", fmt::join(report.result.sides, ","));
  for (const TrajectoryPoint& p : report.result.trajectory) {
    out += fmt::format("{:.10g}", p.years);
    for (double v : p.stocks) out += fmt::format(",{:.10g}", v == 0 ? 0.0 : v);
    out += '\n';
  }
  return out;
}

}  // namespace stratstab

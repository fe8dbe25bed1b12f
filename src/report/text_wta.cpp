// Text report of a WTA solution (`stratstab wta`): the proven bound first, then a short table of
// the continuous assignment, the weapon prices and the two integer answers.
#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "stratstab/report.hpp"

namespace stratstab {
namespace {

constexpr std::size_t kMaxRows = 40;  // a short table; --json has everything

std::string allocation_table(const WtaProblem& problem, const std::vector<WtaAllocation>& assignment, bool whole) {
  std::string out = fmt::format("  {:<16} {:<16} {:>12}\n", "target", "weapon", "weapons");
  std::size_t shown = 0;
  for (const WtaAllocation& a : assignment) {
    if (!whole && a.x < 5e-5) continue;  // interior-point dust: prints as 0.0000
    if (shown++ == kMaxRows) {
      out += fmt::format("  ... {} more rows (use --json)\n", assignment.size() - kMaxRows);
      break;
    }
    out += fmt::format("  {:<16} {:<16} {:>12}\n", problem.targets[a.target].id, problem.weapons[a.weapon].id,
                       whole ? fmt::format("{:.0f}", a.x) : fmt::format("{:.4f}", a.x));
  }
  return out;
}

}  // namespace

std::string format_wta(const WtaProblem& problem, const WtaSolution& solution) {
  double total_value = 0;
  for (const WtaTarget& t : problem.targets) total_value += t.value;
  std::string out;
  if (!problem.name.empty()) out += fmt::format("{}\n", problem.name);
  out += fmt::format("{} weapon kinds, {} targets, {} pairs; total target value {:g}\n\n", problem.weapons.size(),
                     problem.targets.size(), problem.kill_probability.size(), total_value);
  out += "Continuous optimum (expected value destroyed)\n";
  out += fmt::format("  objective     {:.6f}\n  upper bound   {:.6f}   (proven: {})\n", solution.objective,
                     solution.upper_bound,
                     solution.bound_is_dual ? "Lagrangian dual" : "total target value; the dual was not finite");
  out += fmt::format("  relative gap  {:.2e}   {}, {} interior-point iterations\n\n", solution.relative_gap,
                     solution.converged ? "converged" : "NOT converged to the tolerance", solution.iterations);
  out += allocation_table(problem, solution.assignment, false);
  out += "\nWeapon prices (value of one more weapon)\n";
  for (std::size_t w = 0; w < problem.weapons.size(); ++w) {
    out += fmt::format("  {:<16} {:>12.6g}\n", problem.weapons[w].id, solution.weapon_prices[w]);
  }
  out += "\nInteger answers (whole weapons)\n";
  out += fmt::format("  {:<10} {:>14} {:>14} {}\n", "method", "objective", "gap to bound", "minimums");
  for (const auto& [name, answer] :
       {std::pair{"rounding", &solution.rounding}, std::pair{"greedy", &solution.greedy}}) {
    out += fmt::format("  {:<10} {:>14.6f} {:>14.2e} {}\n", name, answer->objective, answer->gap,
                       answer->meets_minimums ? "met" : "NOT met");
  }
  if (solution.integer) {
    const WtaIntegerMode& m = *solution.integer;
    out += fmt::format("  {:<10} {:>14.6f} {:>14.2e} {}   (gap to the integer bound)\n", "improved",
                       m.improved.objective, m.improved.gap, m.improved.meets_minimums ? "met" : "NOT met");
    out += fmt::format("\nInteger upper bound   {:.6f}   ({}; {} LPs, {} cuts, {:.2f} s)\n", m.integer_upper_bound,
                       m.lagrangian_bound < m.cut_bound ? "proven: Lagrangian bound"
                       : m.bound_from_cuts              ? "proven: cutting-plane LP"
                                                        : "the continuous bound: no cut improved it",
                       m.rounds, m.cuts, m.seconds);
    if (std::isfinite(m.lagrangian_bound)) {
      out += fmt::format("  cutting-plane LP {:.6f}, Lagrangian {:.6f} ({} subgradient steps)\n", m.cut_bound,
                         m.lagrangian_bound, m.lagrangian_iterations);
    }
    out += "\nBest integer assignment (improved)\n";
    out += allocation_table(problem, m.improved.assignment, true);
    return out;
  }
  const WtaIntegerAnswer& best =
      solution.rounding.objective >= solution.greedy.objective ? solution.rounding : solution.greedy;
  out += fmt::format("\nBest integer assignment ({})\n", &best == &solution.rounding ? "rounding" : "greedy");
  out += allocation_table(problem, best.assignment, true);
  return out;
}

}  // namespace stratstab

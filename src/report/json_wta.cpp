// JSON form of a WTA solution (`stratstab wta --json`); ids, not indices, so the output reads
// against the problem file.
#include <cmath>

#include "stratstab/json.hpp"

namespace stratstab {
namespace {

nlohmann::json assignment_json(const WtaProblem& problem, const std::vector<WtaAllocation>& assignment) {
  nlohmann::json out = nlohmann::json::array();
  for (const WtaAllocation& a : assignment) {
    out.push_back({{"weapon", problem.weapons[a.weapon].id}, {"target", problem.targets[a.target].id}, {"x", a.x}});
  }
  return out;
}

nlohmann::json integer_json(const WtaProblem& problem, const WtaIntegerAnswer& answer) {
  return {{"objective", answer.objective},
          {"gap", answer.gap},
          {"meets_minimums", answer.meets_minimums},
          {"assignment", assignment_json(problem, answer.assignment)}};
}

}  // namespace

nlohmann::json wta_to_json(const WtaProblem& problem, const WtaSolution& solution) {
  nlohmann::json prices = nlohmann::json::object();
  for (std::size_t w = 0; w < problem.weapons.size(); ++w) prices[problem.weapons[w].id] = solution.weapon_prices[w];
  double total_value = 0;
  for (const WtaTarget& t : problem.targets) total_value += t.value;
  nlohmann::json out = {
      {"name", problem.name},
      {"total_value", total_value},
      {"objective", solution.objective},
      {"upper_bound", solution.upper_bound},
      {"bound", solution.bound_is_dual ? "lagrangian_dual" : "total_value"},
      {"relative_gap", solution.relative_gap},
      {"converged", solution.converged},
      {"iterations", solution.iterations},
      {"max_violation", solution.max_violation},
      {"assignment", assignment_json(problem, solution.assignment)},
      {"weapon_prices", prices},
      {"integer",
       {{"rounding", integer_json(problem, solution.rounding)}, {"greedy", integer_json(problem, solution.greedy)}}}};
  if (solution.integer) {
    const WtaIntegerMode& m = *solution.integer;
    out["integer_upper_bound"] = m.integer_upper_bound;
    out["integer"]["improved"] = integer_json(problem, m.improved);
    out["integer"]["bound"] = {
        {"integer_upper_bound", m.integer_upper_bound},
        {"from_cuts", m.bound_from_cuts},
        {"lp_rounds", m.rounds},
        {"cuts", m.cuts},
        {"cut_bound", m.cut_bound},
        {"lagrangian_bound",
         std::isfinite(m.lagrangian_bound) ? nlohmann::json(m.lagrangian_bound) : nlohmann::json(nullptr)},
        {"lagrangian_iterations", m.lagrangian_iterations},
        {"seconds", m.seconds}};
  }
  return out;
}

}  // namespace stratstab

// `arms-race --json` (arms_race.hpp, docs/methods.md §13.6).
#include "stratstab/json.hpp"

namespace stratstab {
namespace {

nlohmann::json eigen_json(const Eigenvalue& e) {
  return {{"real", e.real}, {"imag", e.imag}};
}

nlohmann::json by_side(const std::vector<std::string>& sides, const std::vector<double>& values) {
  nlohmann::json j = nlohmann::json::object();
  for (std::size_t i = 0; i < sides.size(); ++i) j[sides[i]] = values[i];
  return j;
}

}  // namespace

nlohmann::json to_json(const ArmsRaceReport& report) {
  const ArmsRaceQuestion& q = report.question;
  const ArmsRaceResult& r = report.result;
  const std::size_t n = r.sides.size();
  nlohmann::json reaction = nlohmann::json::object();
  for (std::size_t i = 0; i < n; ++i) {
    nlohmann::json row = nlohmann::json::object();
    for (std::size_t j = 0; j < n; ++j) {
      if (i != j) row[r.sides[j]] = q.system.reaction[i][j];
    }
    reaction[r.sides[i]] = std::move(row);
  }
  nlohmann::json eigen = nlohmann::json::array();
  for (const Eigenvalue& e : r.eigenvalues) eigen.push_back(eigen_json(e));
  nlohmann::json pairs = nlohmann::json::array();
  for (const ArmsRacePair& p : r.pairs) {
    pairs.push_back({{"sides", {r.sides[p.first], r.sides[p.second]}},
                     {"eigenvalues", {eigen_json(p.eigenvalues[0]), eigen_json(p.eigenvalues[1])}},
                     {"stable", p.stable}});
  }
  nlohmann::json trajectory = nlohmann::json::array();
  for (const TrajectoryPoint& p : r.trajectory)
    trajectory.push_back({{"t", p.years}, {"stocks", by_side(r.sides, p.stocks)}});
  return {{"arms_race", report.id},
          {"name", report.name},
          {"file", report.file.empty() ? nlohmann::json(nullptr) : nlohmann::json(report.file)},
          {"unit", report.unit},
          {"sides", r.sides},
          {"fatigue", by_side(r.sides, q.system.fatigue)},
          {"grievance", by_side(r.sides, q.system.grievance)},
          {"reaction", reaction},
          {"start", by_side(r.sides, q.start)},
          {"years", q.years},
          {"step", q.step_years},
          {"matrix", r.matrix},
          {"determinant", r.determinant},
          {"equilibrium", r.equilibrium ? by_side(r.sides, *r.equilibrium) : nlohmann::json(nullptr)},
          {"eigenvalues", eigen},
          {"stable", r.stable},
          {"pairs", pairs},
          {"every_pair_stable", r.every_pair_stable},
          {"method", "classical Runge-Kutta (RK4)"},
          {"internal_step_years", r.internal_step_years},
          {"trajectory", trajectory},
          {"diverged_at_years", r.diverged_at_years ? nlohmann::json(*r.diverged_at_years) : nlohmann::json(nullptr)}};
}

}  // namespace stratstab

// The compact form of a WTA problem, and the objective evaluated on it.
#include <algorithm>
#include <cmath>

#include "internal.hpp"

namespace stratstab::wta {

double kill_rate(double p) {
  // -log1p(-p) keeps full precision for small p (c ~ p), where -log(1 - p) would lose digits.
  return -std::log1p(-std::min(p, kWtaMaxKillProbability));
}

Structure build_structure(const WtaProblem& problem) {
  Structure s;
  s.weapons = problem.weapons.size();
  s.targets = problem.targets.size();
  s.available.resize(s.weapons);
  for (std::size_t w = 0; w < s.weapons; ++w) s.available[w] = static_cast<double>(problem.weapons[w].available);
  s.minimum.resize(s.targets);
  s.value.resize(s.targets);
  for (std::size_t t = 0; t < s.targets; ++t) {
    s.minimum[t] = static_cast<double>(problem.targets[t].min_weapons);
    s.value[t] = problem.targets[t].value;
  }
  // A pair matters when a weapon can be spent on it usefully: p > 0, weapons exist, and the
  // target is worth something or needs weapons. Counting sort by target keeps input order within
  // a target, so results do not depend on hashing or sort stability.
  const auto useful = [&](const WtaKillProbability& k) {
    return k.p > 0 && problem.weapons[k.weapon].available > 0 &&
           (problem.targets[k.target].value > 0 || problem.targets[k.target].min_weapons > 0);
  };
  s.target_start.assign(s.targets + 1, 0);
  for (const WtaKillProbability& k : problem.kill_probability) {
    if (useful(k)) ++s.target_start[k.target + 1];
  }
  for (std::size_t t = 0; t < s.targets; ++t) s.target_start[t + 1] += s.target_start[t];
  const std::size_t n = s.target_start[s.targets];
  s.pair_weapon.resize(n);
  s.pair_c.resize(n);
  s.pair_p.resize(n);
  std::vector<std::size_t> next(s.target_start.begin(), s.target_start.end() - 1);
  for (const WtaKillProbability& k : problem.kill_probability) {
    if (!useful(k)) continue;
    const std::size_t i = next[k.target]++;
    s.pair_weapon[i] = k.weapon;
    s.pair_p[i] = std::min(k.p, kWtaMaxKillProbability);
    s.pair_c[i] = kill_rate(k.p);
  }
  return s;
}

double objective(const Structure& s, std::span<const double> x) {
  double total = 0;
  for (std::size_t t = 0; t < s.targets; ++t) {
    double effort = 0;
    for (std::size_t i = s.target_start[t]; i < s.target_start[t + 1]; ++i) effort += s.pair_c[i] * x[i];
    total += s.value[t] * -std::expm1(-effort);
  }
  return total;
}

}  // namespace stratstab::wta

// Checks of a WTA problem before solving: every value in range, every pair naming a weapon and a
// target once, and minimums that some assignment can meet (an integer max flow; Hall's condition
// names the set of targets that cannot be served).
#include <cmath>
#include <unordered_map>

#include <fmt/format.h>

#include "internal.hpp"
#include "stratstab/schema.hpp"

namespace stratstab {
namespace {

std::string quoted_list(const std::vector<std::string>& names, std::size_t limit) {
  std::string out;
  for (std::size_t i = 0; i < names.size() && i < limit; ++i) out += fmt::format("{}'{}'", i ? ", " : "", names[i]);
  if (names.size() > limit) out += fmt::format(" and {} more", names.size() - limit);
  return out;
}

}  // namespace

std::vector<Diagnostic> validate_wta(const WtaProblem& p) {
  std::vector<Diagnostic> out;
  std::unordered_map<std::string, std::size_t> seen;
  for (std::size_t w = 0; w < p.weapons.size(); ++w) {
    const WtaWeapon& weapon = p.weapons[w];
    const std::string path = fmt::format("weapons[{}]", w);
    if (weapon.id.empty()) out.push_back(key_error(path + ".id", "expected a non-empty weapon id"));
    if (!seen.emplace(weapon.id, w).second) {
      out.push_back(key_error(
          path + ".id", fmt::format("duplicate weapon id '{}' (first at weapons[{}])", weapon.id, seen[weapon.id])));
    }
    if (weapon.available < 0) {
      out.push_back(key_error(path + ".available",
                              fmt::format("expected a whole number of weapons >= 0, got {}", weapon.available)));
    }
  }
  seen.clear();
  const KeySpec& value_spec = *schema_section("wta_target").find("value");
  for (std::size_t t = 0; t < p.targets.size(); ++t) {
    const WtaTarget& target = p.targets[t];
    const std::string path = fmt::format("targets[{}]", t);
    if (target.id.empty()) out.push_back(key_error(path + ".id", "expected a non-empty target id"));
    if (!seen.emplace(target.id, t).second) {
      out.push_back(key_error(
          path + ".id", fmt::format("duplicate target id '{}' (first at targets[{}])", target.id, seen[target.id])));
    }
    if (!std::isfinite(target.value) || !within_bounds(target.value, value_spec)) {
      // The key table's bound (1e12) keeps the sum of values, and so the bound, finite.
      out.push_back(key_error(path + ".value",
                              fmt::format("expected {}, got {:g}", expected_number_text(value_spec), target.value)));
    }
    if (target.min_weapons < 0) {
      out.push_back(key_error(path + ".min_weapons",
                              fmt::format("expected a whole number of weapons >= 0, got {}", target.min_weapons)));
    }
  }
  std::unordered_map<std::size_t, std::size_t> pairs;  // weapon * T + target -> first index
  bool pairs_ok = true;
  const KeySpec& p_spec = *schema_section("wta_kill_probability").find("p");
  for (std::size_t k = 0; k < p.kill_probability.size(); ++k) {
    const WtaKillProbability& kp = p.kill_probability[k];
    const std::string path = fmt::format("kill_probability[{}]", k);
    bool ok = true;
    if (kp.weapon >= p.weapons.size()) {
      out.push_back(key_error(path + ".weapon", fmt::format("weapon index {} out of range", kp.weapon)));
      ok = false;
    }
    if (kp.target >= p.targets.size()) {
      out.push_back(key_error(path + ".target", fmt::format("target index {} out of range", kp.target)));
      ok = false;
    }
    if (!(kp.p >= 0 && kp.p <= 1) || !within_bounds(kp.p, p_spec)) {
      // The key table's bounds (0, or at least 1e-6): a subnormal p makes the dual bound NaN.
      out.push_back(key_error(path + ".p", fmt::format("expected {}, got {:g}", expected_number_text(p_spec), kp.p)));
      ok = false;
    }
    if (ok) {
      const auto [it, inserted] = pairs.emplace(kp.weapon * p.targets.size() + kp.target, k);
      if (!inserted) {
        out.push_back(key_error(path, fmt::format("duplicate pair weapon '{}', target '{}' (first at "
                                                  "kill_probability[{}])",
                                                  p.weapons[kp.weapon].id, p.targets[kp.target].id, it->second)));
        ok = false;
      }
    }
    pairs_ok = pairs_ok && ok;
  }
  if (!out.empty() || !pairs_ok) return out;

  // Minimums: a target nothing can reach, then the totals, then Hall's condition by max flow.
  const wta::Structure s = wta::build_structure(p);
  std::vector<bool> reachable(p.targets.size(), false);
  for (const WtaKillProbability& kp : p.kill_probability) {
    if (kp.p > 0) reachable[kp.target] = true;
  }
  long long needed = 0;
  long long have = 0;
  for (const WtaWeapon& w : p.weapons) have += w.available;
  for (std::size_t t = 0; t < p.targets.size(); ++t) {
    const WtaTarget& target = p.targets[t];
    needed += target.min_weapons;
    if (target.min_weapons > 0 && !reachable[t]) {
      out.push_back(key_error(fmt::format("targets[{}].min_weapons", t),
                              fmt::format("target '{}' needs at least {} weapons but no weapon can hit it (no "
                                          "kill_probability pair with p > 0)",
                                          target.id, target.min_weapons)));
    }
  }
  if (!out.empty()) return out;
  if (needed > have) {
    out.push_back(
        key_error("targets", fmt::format("the minimums add up to {} weapons but only {} are available", needed, have)));
    return out;
  }
  std::vector<long long> supply(p.weapons.size());
  std::vector<long long> demand(p.targets.size());
  for (std::size_t w = 0; w < p.weapons.size(); ++w) supply[w] = p.weapons[w].available;
  for (std::size_t t = 0; t < p.targets.size(); ++t) demand[t] = p.targets[t].min_weapons;
  std::vector<bool> unmet;
  if (!wta::integer_flow(s, supply, demand, &unmet)) {
    std::vector<std::string> names;
    std::vector<bool> weapon_in(p.weapons.size(), false);
    long long set_need = 0;
    std::size_t first = p.targets.size();
    for (std::size_t t = 0; t < p.targets.size(); ++t) {
      if (!unmet[t]) continue;
      first = std::min(first, t);
      names.push_back(p.targets[t].id);
      set_need += p.targets[t].min_weapons;
      for (std::size_t i = s.target_start[t]; i < s.target_start[t + 1]; ++i) weapon_in[s.pair_weapon[i]] = true;
    }
    std::vector<std::string> weapon_names;
    long long set_have = 0;
    for (std::size_t w = 0; w < p.weapons.size(); ++w) {
      if (!weapon_in[w]) continue;
      weapon_names.push_back(p.weapons[w].id);
      set_have += p.weapons[w].available;
    }
    out.push_back(key_error(
        first < p.targets.size() ? fmt::format("targets[{}].min_weapons", first) : "targets",
        fmt::format("minimums cannot be met: target{} {} need{} at least {} weapons in all, but the weapons that "
                    "can reach {} ({}) number only {}",
                    names.size() == 1 ? "" : "s", quoted_list(names, 5), names.size() == 1 ? "s" : "", set_need,
                    names.size() == 1 ? "it" : "them", quoted_list(weapon_names, 5), set_have)));
  }
  return out;
}

double wta_objective(const WtaProblem& problem, const std::vector<WtaAllocation>& assignment) {
  std::vector<double> effort(problem.targets.size(), 0.0);
  std::unordered_map<std::size_t, double> rate;
  for (const WtaKillProbability& kp : problem.kill_probability) {
    rate[kp.weapon * problem.targets.size() + kp.target] = wta::kill_rate(kp.p);
  }
  for (const WtaAllocation& a : assignment) {
    const auto it = rate.find(a.weapon * problem.targets.size() + a.target);
    if (it != rate.end()) effort[a.target] += it->second * a.x;
  }
  double total = 0;
  for (std::size_t t = 0; t < problem.targets.size(); ++t) total += problem.targets[t].value * -std::expm1(-effort[t]);
  return total;
}

}  // namespace stratstab

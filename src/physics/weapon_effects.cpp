// Validating layer of the weapon-effects model (docs/methods.md §4); the formulas themselves are the
// inline cores in include/stratstab/weapon_effects.hpp, so the engine and this layer share them.
#include "stratstab/weapon_effects.hpp"

#include <string_view>

#include <fmt/format.h>

#include "stratstab/schema.hpp"

namespace stratstab {
namespace {

/// `what` must be within the bounds the force files' key table gives `spec` (yield, hardness, CEP),
/// so that a one-off calculation meets the same magnitudes as the data (no 1e300 kt yields).
void check_table_bounds(double value, const KeySpec& spec, std::string key_path, std::string_view what,
                        std::vector<Diagnostic>& out) {
  if (!within_bounds(value, spec)) {
    out.push_back(
        key_error(std::move(key_path), fmt::format("expected {} in {}, got {}", what, key_bounds_text(spec), value)));
  }
}

const KeySpec& yield_spec() {
  return key_spec("warhead", "yield_kt");
}
const KeySpec& hardness_spec() {
  return key_spec("system", "hardness_psi");
}
const KeySpec& cep_spec() {
  return key_spec("system", "cep_m");
}

/// `what` must be a probability, in [0, 1] (NaN fails the comparison and is reported).
void check_probability(double value, std::string key_path, std::string_view what, std::vector<Diagnostic>& out) {
  if (!(value >= 0.0 && value <= 1.0)) {
    out.push_back(
        key_error(std::move(key_path), fmt::format("expected {}, a probability in [0, 1], got {}", what, value)));
  }
}

/// Checks one group; `with_cep` is false for EMT, which does not use accuracy.
void check_group(const WeaponGroup& group, std::size_t index, bool with_cep, std::vector<Diagnostic>& out) {
  const std::string prefix = fmt::format("weapons[{}].", index);
  if (!std::isfinite(group.count) || group.count < 0.0) {
    out.push_back(key_error(prefix + "count",
                            fmt::format("expected a number of warheads, finite and >= 0, got {}", group.count)));
  }
  check_table_bounds(group.yield_kt, yield_spec(), prefix + "yield_kt", "a yield in kilotons", out);
  if (with_cep) check_table_bounds(group.cep_m, cep_spec(), prefix + "cep_m", "a CEP in metres", out);
}

// Said in the output whenever the cube-root radius is used outside its range (docs/methods.md §4).
constexpr std::string_view kSoftTargetNote =
    "hardness {} psi is below 100 psi: the cube-root lethal radius (Glasstone & Dolan 1977) understates "
    "the radius of Brode's 1987 surface-burst fit there (by about 27% at 10 psi), so the lethal radius "
    "and kill probabilities are approximate and likely too low";

}  // namespace

std::vector<Diagnostic> validate_kill_inputs(const KillInputs& inputs) {
  std::vector<Diagnostic> problems;
  check_table_bounds(inputs.yield_kt, yield_spec(), "yield_kt", "a yield in kilotons", problems);
  check_table_bounds(inputs.hardness_psi, hardness_spec(), "hardness_psi", "a target hardness in psi", problems);
  check_table_bounds(inputs.cep_m, cep_spec(), "cep_m", "a CEP in metres", problems);
  check_probability(inputs.reliability, "reliability", "a reliability", problems);
  check_probability(inputs.p_pen, "p_pen", "a probability of penetration", problems);
  if (inputs.warheads < 1) {
    problems.push_back(
        key_error("warheads", fmt::format("expected a number of warheads, an integer >= 1, got {}", inputs.warheads)));
  }
  return problems;
}

KillCalculation calculate_kill(const KillInputs& inputs) {
  std::vector<Diagnostic> problems = validate_kill_inputs(inputs);
  if (!problems.empty()) throw InputError(std::move(problems));

  KillCalculation result;
  result.inputs = inputs;
  result.lethal_radius_m = lethal_radius_m(inputs.yield_kt, inputs.hardness_psi);
  result.sspk = sspk(result.lethal_radius_m, inputs.cep_m);
  result.kill_probability = terminal_kill_probability(result.sspk, inputs.reliability, inputs.p_pen);
  result.kill_probability_n = kill_probability_n(result.kill_probability, inputs.warheads);
  result.lethality_k = lethality(inputs.yield_kt, inputs.cep_m);
  result.equivalent_megatons = equivalent_megatons(inputs.yield_kt);
  result.approximate = inputs.hardness_psi < kCubeRootMinHardnessPsi;
  if (result.approximate) result.approximation_note = fmt::format(kSoftTargetNote, inputs.hardness_psi);
  return result;
}

double counter_military_potential(std::span<const WeaponGroup> weapons) {
  std::vector<Diagnostic> problems;
  for (std::size_t i = 0; i < weapons.size(); ++i) check_group(weapons[i], i, true, problems);
  if (!problems.empty()) throw InputError(std::move(problems));
  double cmp = 0.0;
  for (const WeaponGroup& g : weapons) cmp += g.count * lethality(g.yield_kt, g.cep_m);
  return cmp;
}

double equivalent_megatonnage(std::span<const WeaponGroup> weapons) {
  std::vector<Diagnostic> problems;
  for (std::size_t i = 0; i < weapons.size(); ++i) check_group(weapons[i], i, false, problems);
  if (!problems.empty()) throw InputError(std::move(problems));
  double emt = 0.0;
  for (const WeaponGroup& g : weapons) emt += g.count * equivalent_megatons(g.yield_kt);
  return emt;
}

}  // namespace stratstab

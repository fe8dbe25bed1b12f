// libFuzzer harness: the weapon–target assignment loader (read_wta_problem) on arbitrary bytes,
// and the solver on every small valid problem it accepts. Properties checked on each solution
// (abort on violation, so libFuzzer saves the input):
//   - the objective, the proven upper bound and both integer answers' objectives are finite;
//   - objective <= upper bound, and each integer objective <= upper bound (weak duality);
//   - every allocation is >= 0 and every weapon kind's total is <= its availability (the
//     continuous one to within max_violation's tolerance; the integer ones exactly, in whole
//     weapons).
// A stratstab::Error is an expected outcome for the load; anything else escaping is a finding.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "fuzz_support.hpp"
#include "stratstab/error.hpp"
#include "stratstab/wta.hpp"

namespace {

// Keeps one execution in milliseconds: the solver's cost grows with pairs and weapons.
constexpr std::size_t kMaxPairs = 64;
constexpr long long kMaxWeaponsPerKind = 10000;
// Relative slack for comparisons between floating-point totals.
constexpr double kTolerance = 1e-7;

using stratstab::fuzz::fail;

bool small(const stratstab::WtaProblem& problem) {
  if (problem.kill_probability.size() > kMaxPairs) return false;
  for (const auto& weapon : problem.weapons) {
    if (weapon.available > kMaxWeaponsPerKind) return false;
  }
  return true;
}

void check_feasible(const stratstab::WtaProblem& problem, const std::vector<stratstab::WtaAllocation>& assignment,
                    bool whole, double slack_weapons) {
  std::vector<double> used(problem.weapons.size(), 0.0);
  for (const auto& a : assignment) {
    if (a.weapon >= problem.weapons.size() || a.target >= problem.targets.size()) fail("allocation index out of range");
    if (!std::isfinite(a.x) || a.x < 0) fail("allocation not finite or negative");
    if (whole && a.x != std::floor(a.x)) fail("integer answer not whole");
    used[a.weapon] += a.x;
  }
  for (std::size_t w = 0; w < used.size(); ++w) {
    const auto available = static_cast<double>(problem.weapons[w].available);
    if (used[w] > available + slack_weapons + kTolerance * std::max(1.0, available)) {
      fail("more weapons allocated than available");
    }
  }
}

void check_integer(const stratstab::WtaProblem& problem, const stratstab::WtaIntegerAnswer& answer, double bound) {
  if (!std::isfinite(answer.objective)) fail("integer objective not finite");
  if (answer.objective > bound + kTolerance * std::max(1.0, std::abs(bound))) fail("integer objective above the bound");
  check_feasible(problem, answer.assignment, true, 0.0);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto file = stratstab::fuzz::scratch().write("wta.yaml", stratstab::fuzz::as_text(data, size));
  stratstab::LoadResult<stratstab::WtaProblem> loaded;
  try {
    loaded = stratstab::read_wta_problem(file);
  } catch (const stratstab::Error&) {
    return 0;
  }
  if (!loaded.value || !small(*loaded.value)) return 0;
  const stratstab::WtaProblem& problem = *loaded.value;
  stratstab::WtaSolution solution;
  try {
    solution = stratstab::solve_wta(problem);
  } catch (const stratstab::Error&) {
    return 0;  // e.g. minimums no assignment meets: reported, not solved
  }
  if (!std::isfinite(solution.objective)) fail("objective not finite");
  if (!std::isfinite(solution.upper_bound)) fail("upper bound not finite");
  if (solution.objective > solution.upper_bound + kTolerance * std::max(1.0, std::abs(solution.upper_bound))) {
    fail("objective above the proven upper bound");
  }
  check_feasible(problem, solution.assignment, false, std::max(0.0, solution.max_violation));
  check_integer(problem, solution.rounding, solution.upper_bound);
  check_integer(problem, solution.greedy, solution.upper_bound);
  return 0;
}

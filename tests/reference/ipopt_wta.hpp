// Independent reference for the continuous WTA problem: the same model handed to Ipopt (Wächter &
// Biegler 2006, Math. Programming 106), a general interior-point NLP solver with its own sparse
// linear algebra (MUMPS). Used only by the tests and benchmarks, never by the library.
#pragma once

#include <cstdint>
#include <vector>

#include "stratstab/wta.hpp"

namespace stratstab::test {

struct IpoptWtaResult {
  bool solved = false;   ///< Ipopt reported Solve_Succeeded (or Solved_To_Acceptable_Level)
  double objective = 0;  ///< sum_t V_t (1 - exp(-c.x)) at Ipopt's x
  std::vector<WtaAllocation> assignment;
  int status = 0;  ///< Ipopt's ApplicationReturnStatus
};

/// Solves the continuous problem with Ipopt (exact Hessian, tolerance `tol`, no output).
IpoptWtaResult solve_wta_with_ipopt(const WtaProblem& problem, double tol = 1e-10);

/// A random problem: `weapons` kinds with 50-500 each, `targets` targets of value 1-100, each
/// pair present with probability `density` and p uniform in [0.05, 0.95]; with `with_minimums`,
/// about one target in five needs 1-3 weapons (kept feasible). Fixed `seed`, same on every
/// platform (own generator, no std:: distributions).
WtaProblem random_wta_problem(int weapons, int targets, double density, std::uint64_t seed, bool with_minimums);

}  // namespace stratstab::test

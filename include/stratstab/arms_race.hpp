// Richardson arms-race dynamics for two or three sides (docs/methods.md §13.6):
// dx_i/dt = sum_{j != i} k_ij x_j - a_i x_i + g_i, i.e. dx/dt = M x + g with M_ii = -a_i and
// M_ij = k_ij. Pure maths on plain numbers: the equilibrium, the eigenvalues of M (closed form for
// 2x2, the characteristic cubic for 3x3), the stability of the whole and of each pair alone, and the
// trajectory from given stocks (classical Runge-Kutta with a fine internal step).
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace stratstab {

/// The largest number of sides the closed-form eigenvalues cover.
inline constexpr std::size_t kMaxArmsRaceSides = 3;

/// The parameters of a Richardson system. All vectors have one entry per side (2 or 3).
struct RichardsonSystem {
  std::vector<std::string> sides;
  std::vector<double> fatigue;                ///< a_i, per year: restraint from one's own stock
  std::vector<std::vector<double>> reaction;  ///< k_ij, per year: side i's reaction to side j's stock (k_ii unused)
  std::vector<double> grievance;              ///< g_i, stock per year: growth with no stocks at all
};

/// What to compute: the system, the starting stocks and the horizon.
struct ArmsRaceQuestion {
  RichardsonSystem system;
  std::vector<double> start;  ///< x_i(0), in the file's stock unit (e.g. warheads)
  double years = 20;          ///< horizon
  double step_years = 1;      ///< interval between the trajectory's printed points
};

struct Eigenvalue {
  double real = 0;
  double imag = 0;
};

/// A pair of sides alone: the 2x2 sub-system of M with their fatigues and mutual reactions.
struct ArmsRacePair {
  std::size_t first = 0;   ///< side index
  std::size_t second = 0;  ///< side index
  std::array<Eigenvalue, 2> eigenvalues;
  bool stable = false;  ///< both real parts < 0 (for a_i, a_j > 0: a_i a_j > k_ij k_ji)
};

struct TrajectoryPoint {
  double years = 0;
  std::vector<double> stocks;
};

struct ArmsRaceResult {
  std::vector<std::string> sides;
  std::vector<std::vector<double>> matrix;  ///< M
  double determinant = 0;                   ///< det M
  /// x* with M x* + g = 0; nullopt when M is singular (no unique equilibrium).
  std::optional<std::vector<double>> equilibrium;
  std::vector<Eigenvalue> eigenvalues;  ///< of M, by decreasing real part
  bool stable = false;                  ///< every real part < 0
  std::vector<ArmsRacePair> pairs;      ///< each pair alone (one pair for two sides)
  bool every_pair_stable = false;
  std::vector<TrajectoryPoint> trajectory;  ///< t = 0, step, 2 step, ..., years
  double internal_step_years = 0;           ///< the Runge-Kutta step
  /// Set when a stock passed kArmsRaceStockCeiling: the trajectory stops at that time.
  std::optional<double> diverged_at_years;
};

/// The most points a trajectory may print (years / step); a finer step is refused.
inline constexpr double kMaxArmsRacePoints = 100000;

/// A stock beyond this ends the trajectory (an unstable race grows without bound).
inline constexpr double kArmsRaceStockCeiling = 1e15;

/// The matrix M of `system` (-a_i on the diagonal, k_ij off it).
std::vector<std::vector<double>> richardson_matrix(const RichardsonSystem& system);

/// Eigenvalues of a 2x2 matrix (the roots of l^2 - tr l + det), by decreasing real part.
std::array<Eigenvalue, 2> eigenvalues_2x2(double m00, double m01, double m10, double m11);

/// Eigenvalues of a 2x2 or 3x3 matrix, by decreasing real part (then decreasing imaginary part).
/// Throws std::invalid_argument for another size.
std::vector<Eigenvalue> eigenvalues(const std::vector<std::vector<double>>& m);

/// Determinant of a 2x2 or 3x3 matrix.
double determinant(const std::vector<std::vector<double>>& m);

/// A result with what it answers, for the reports (`stratstab arms-race`).
struct ArmsRaceReport {
  std::string id;  ///< the file's id, or `command-line`
  std::string name;
  std::string unit;  ///< what a stock counts
  std::string file;  ///< empty when every number came from the command line
  ArmsRaceQuestion question;
  ArmsRaceResult result;
};

/// The whole analysis. Throws std::invalid_argument when the sizes do not agree, there are not 2 or
/// 3 sides, the horizon or step are not positive, or years / step exceeds kMaxArmsRacePoints (the loaders and the
/// command check these first).
ArmsRaceResult solve_arms_race(const ArmsRaceQuestion& question);

}  // namespace stratstab

// Richardson arms-race dynamics (arms_race.hpp, docs/methods.md §13.6): the matrix, its
// eigenvalues in closed form, the equilibrium by Cramer's rule and the trajectory by classical
// fourth-order Runge-Kutta. Sizes are 2 or 3, so nothing here needs a linear-algebra library.
#include "stratstab/arms_race.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace stratstab {
namespace {

using Matrix = std::vector<std::vector<double>>;

/// A squared discriminant this small, relative to the squared scale of its terms, is a double root:
/// the rounding of a repeated eigenvalue (the symmetric race's -f - r) must not read as a complex
/// pair with an imaginary part of 1e-9.
constexpr double kRepeatedRootTolerance = 1e-12;

/// A determinant this small relative to the largest entry to the power n is zero (M singular).
constexpr double kSingularTolerance = 1e-12;

/// The Runge-Kutta step times the largest absolute row sum of M (a bound on every eigenvalue's
/// modulus): at 0.005 the local error of one step is about 0.005^5 / 120, some 3e-14 of the state.
constexpr double kStepTimesNorm = 0.005;
/// At least this many internal steps per printed interval, however slow the dynamics.
constexpr int kMinSubsteps = 100;

bool by_real_then_imag(const Eigenvalue& x, const Eigenvalue& y) {
  if (x.real != y.real) return x.real > y.real;
  return x.imag > y.imag;
}

/// Roots of l^2 + beta l + gamma, by decreasing real part.
std::array<Eigenvalue, 2> quadratic_roots(double beta, double gamma) {
  const double disc = beta * beta - 4 * gamma;
  const double scale = std::max(beta * beta, std::abs(4 * gamma));
  std::array<Eigenvalue, 2> roots;
  if (std::abs(disc) <= kRepeatedRootTolerance * scale) {
    roots = {Eigenvalue{-beta / 2, 0}, Eigenvalue{-beta / 2, 0}};
  } else if (disc > 0) {
    // The root of the larger modulus first, then the other from the product (no cancellation).
    const double sq = std::sqrt(disc);
    const double big = beta >= 0 ? (-beta - sq) / 2 : (-beta + sq) / 2;
    const double other = big != 0 ? gamma / big : 0.0;
    roots = {Eigenvalue{big, 0}, Eigenvalue{other, 0}};
  } else {
    const double im = std::sqrt(-disc) / 2;
    roots = {Eigenvalue{-beta / 2, im}, Eigenvalue{-beta / 2, -im}};
  }
  std::sort(roots.begin(), roots.end(), by_real_then_imag);
  return roots;
}

/// One real root of l^3 + a l^2 + b l + c (Cardano when the discriminant is positive, else the
/// largest of the three real roots by the trigonometric form), polished by Newton's method.
double real_cubic_root(double a, double b, double c) {
  const double p = b - a * a / 3;
  const double q = 2 * a * a * a / 27 - a * b / 3 + c;
  const double disc = q * q / 4 + p * p * p / 27;
  double t = 0;
  if (disc > 0) {
    const double s = std::sqrt(disc);
    t = std::cbrt(-q / 2 + s) + std::cbrt(-q / 2 - s);
  } else if (p < 0) {
    const double r = std::sqrt(-p / 3);
    const double cos_arg = std::clamp(-q / (2 * r * r * r), -1.0, 1.0);
    t = 2 * r * std::cos(std::acos(cos_arg) / 3);
  }
  double root = t - a / 3;
  const auto poly = [&](double l) { return ((l + a) * l + b) * l + c; };
  for (int i = 0; i < 3; ++i) {
    const double slope = (3 * root + 2 * a) * root + b;
    if (slope == 0) break;
    const double next = root - poly(root) / slope;
    if (!(std::abs(poly(next)) < std::abs(poly(root)))) break;
    root = next;
  }
  return root;
}

void check_square(const Matrix& m) {
  const std::size_t n = m.size();
  if (n < 2 || n > kMaxArmsRaceSides) throw std::invalid_argument("expected a 2x2 or 3x3 matrix");
  for (const auto& row : m) {
    if (row.size() != n) throw std::invalid_argument("expected a square matrix");
  }
}

/// M x + g.
std::vector<double> rate(const Matrix& m, const std::vector<double>& g, const std::vector<double>& x) {
  std::vector<double> dx(g);
  for (std::size_t i = 0; i < x.size(); ++i) {
    for (std::size_t j = 0; j < x.size(); ++j) dx[i] += m[i][j] * x[j];
  }
  return dx;
}

/// x advanced by `steps` classical Runge-Kutta steps of h.
void runge_kutta(const Matrix& m, const std::vector<double>& g, std::vector<double>& x, double h, int steps) {
  const std::size_t n = x.size();
  std::vector<double> y(n);
  for (int s = 0; s < steps; ++s) {
    const std::vector<double> k1 = rate(m, g, x);
    for (std::size_t i = 0; i < n; ++i) y[i] = x[i] + h / 2 * k1[i];
    const std::vector<double> k2 = rate(m, g, y);
    for (std::size_t i = 0; i < n; ++i) y[i] = x[i] + h / 2 * k2[i];
    const std::vector<double> k3 = rate(m, g, y);
    for (std::size_t i = 0; i < n; ++i) y[i] = x[i] + h * k3[i];
    const std::vector<double> k4 = rate(m, g, y);
    for (std::size_t i = 0; i < n; ++i) x[i] += h / 6 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
  }
}

bool within_ceiling(const std::vector<double>& x) {
  return std::all_of(x.begin(), x.end(),
                     [](double v) { return std::isfinite(v) && std::abs(v) <= kArmsRaceStockCeiling; });
}

}  // namespace

std::vector<std::vector<double>> richardson_matrix(const RichardsonSystem& system) {
  const std::size_t n = system.sides.size();
  Matrix m(n, std::vector<double>(n, 0.0));
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t j = 0; j < n; ++j) m[i][j] = i == j ? -system.fatigue[i] : system.reaction[i][j];
  }
  return m;
}

std::array<Eigenvalue, 2> eigenvalues_2x2(double m00, double m01, double m10, double m11) {
  // l^2 - tr l + det = 0
  return quadratic_roots(-(m00 + m11), m00 * m11 - m01 * m10);
}

double determinant(const std::vector<std::vector<double>>& m) {
  check_square(m);
  if (m.size() == 2) return m[0][0] * m[1][1] - m[0][1] * m[1][0];
  return m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1]) - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0]) +
         m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
}

std::vector<Eigenvalue> eigenvalues(const std::vector<std::vector<double>>& m) {
  check_square(m);
  if (m.size() == 2) {
    const auto two = eigenvalues_2x2(m[0][0], m[0][1], m[1][0], m[1][1]);
    return {two.begin(), two.end()};
  }
  // det(l I - M) = l^3 - tr l^2 + (sum of the principal 2x2 minors) l - det M.
  const double trace = m[0][0] + m[1][1] + m[2][2];
  const double minors = (m[0][0] * m[1][1] - m[0][1] * m[1][0]) + (m[0][0] * m[2][2] - m[0][2] * m[2][0]) +
                        (m[1][1] * m[2][2] - m[1][2] * m[2][1]);
  const double a = -trace;
  const double b = minors;
  const double c = -determinant(m);
  const double root = real_cubic_root(a, b, c);
  // l^3 + a l^2 + b l + c = (l - root)(l^2 + (a + root) l + (b + (a + root) root)).
  const double beta = a + root;
  const auto rest = quadratic_roots(beta, b + beta * root);
  std::vector<Eigenvalue> all{Eigenvalue{root, 0}, rest[0], rest[1]};
  std::sort(all.begin(), all.end(), by_real_then_imag);
  return all;
}

ArmsRaceResult solve_arms_race(const ArmsRaceQuestion& question) {
  const RichardsonSystem& sys = question.system;
  const std::size_t n = sys.sides.size();
  if (n < 2 || n > kMaxArmsRaceSides) throw std::invalid_argument("expected 2 or 3 sides");
  if (sys.fatigue.size() != n || sys.grievance.size() != n || sys.reaction.size() != n || question.start.size() != n) {
    throw std::invalid_argument("expected one fatigue, grievance, reaction row and start per side");
  }
  for (const auto& row : sys.reaction) {
    if (row.size() != n) throw std::invalid_argument("expected a reaction to each side");
  }
  if (!(question.years > 0) || !(question.step_years > 0) || question.step_years > question.years) {
    throw std::invalid_argument("expected years > 0 and 0 < step <= years");
  }
  if (question.years / question.step_years > kMaxArmsRacePoints) {
    throw std::invalid_argument("expected at most kMaxArmsRacePoints steps in the horizon");
  }

  ArmsRaceResult r;
  r.sides = sys.sides;
  r.matrix = richardson_matrix(sys);
  r.determinant = determinant(r.matrix);
  double largest = 0;
  double norm = 0;  // the largest absolute row sum
  for (const auto& row : r.matrix) {
    double sum = 0;
    for (double v : row) {
      largest = std::max(largest, std::abs(v));
      sum += std::abs(v);
    }
    norm = std::max(norm, sum);
  }
  if (std::abs(r.determinant) > kSingularTolerance * std::pow(largest, static_cast<double>(n))) {
    // Cramer's rule on M x = -g.
    std::vector<double> x(n);
    for (std::size_t i = 0; i < n; ++i) {
      Matrix replaced = r.matrix;
      for (std::size_t k = 0; k < n; ++k) replaced[k][i] = -sys.grievance[k];
      x[i] = determinant(replaced) / r.determinant;
    }
    r.equilibrium = std::move(x);
  }
  r.eigenvalues = eigenvalues(r.matrix);
  r.stable = std::all_of(r.eigenvalues.begin(), r.eigenvalues.end(), [](const Eigenvalue& e) { return e.real < 0; });

  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t j = i + 1; j < n; ++j) {
      ArmsRacePair p;
      p.first = i;
      p.second = j;
      p.eigenvalues = eigenvalues_2x2(r.matrix[i][i], r.matrix[i][j], r.matrix[j][i], r.matrix[j][j]);
      p.stable = p.eigenvalues[0].real < 0 && p.eigenvalues[1].real < 0;
      r.pairs.push_back(p);
    }
  }
  r.every_pair_stable = std::all_of(r.pairs.begin(), r.pairs.end(), [](const ArmsRacePair& p) { return p.stable; });

  // The printed times: 0, step, 2 step, ... and the horizon itself when it is not a whole number of
  // steps. Each interval is integrated in equal internal steps of at most kStepTimesNorm / norm.
  const double step = question.step_years;
  const auto substeps_for = [&](double interval) {
    const double wanted = std::ceil(interval * norm / kStepTimesNorm);
    return std::max(kMinSubsteps, static_cast<int>(std::min(wanted, 1e7)));
  };
  const int substeps = substeps_for(step);
  r.internal_step_years = step / substeps;
  std::vector<double> x = question.start;
  r.trajectory.push_back(TrajectoryPoint{0, x});
  const auto whole = static_cast<long long>(std::floor(question.years / step * (1 + 1e-12)));
  for (long long k = 1; k <= whole; ++k) {
    runge_kutta(r.matrix, sys.grievance, x, r.internal_step_years, substeps);
    const double t = static_cast<double>(k) * step;
    if (!within_ceiling(x)) {
      r.diverged_at_years = t;
      return r;
    }
    r.trajectory.push_back(TrajectoryPoint{t, x});
  }
  const double done = static_cast<double>(whole) * step;
  const double rest = question.years - done;
  if (rest > 1e-9 * question.years) {
    const int n_rest = substeps_for(rest);
    runge_kutta(r.matrix, sys.grievance, x, rest / n_rest, n_rest);
    if (!within_ceiling(x)) {
      r.diverged_at_years = question.years;
      return r;
    }
    r.trajectory.push_back(TrajectoryPoint{question.years, x});
  }
  return r;
}

}  // namespace stratstab

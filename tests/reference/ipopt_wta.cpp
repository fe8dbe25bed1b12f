// Ipopt model of the continuous WTA problem (see ipopt_wta.hpp). Minimises sum_t V_t exp(-c_t.x_t)
// (the negated objective up to the constant sum V_t) subject to the weapon rows <= a_w and the
// minimum rows >= m_t; the Hessian is block diagonal over targets, V e^-s c c^T.
#include "ipopt_wta.hpp"

#include <cmath>

#include <IpIpoptApplication.hpp>
#include <IpTNLP.hpp>

namespace stratstab::test {
namespace {

using Ipopt::Index;
using Ipopt::Number;

double rate(double p) {
  return -std::log1p(-std::min(p, kWtaMaxKillProbability));
}

class WtaNlp : public Ipopt::TNLP {
 public:
  explicit WtaNlp(const WtaProblem& problem) : problem_(problem) {
    // Pairs grouped by target, only those that can matter (as the library does, independently).
    const std::size_t nt = problem.targets.size();
    std::vector<std::vector<std::size_t>> by_target(nt);
    for (std::size_t k = 0; k < problem.kill_probability.size(); ++k) {
      const auto& kp = problem.kill_probability[k];
      if (kp.p > 0 && problem.weapons[kp.weapon].available > 0) by_target[kp.target].push_back(k);
    }
    start_.push_back(0);
    for (std::size_t t = 0; t < nt; ++t) {
      for (std::size_t k : by_target[t]) {
        weapon_.push_back(problem.kill_probability[k].weapon);
        target_.push_back(t);
        c_.push_back(rate(problem.kill_probability[k].p));
      }
      start_.push_back(weapon_.size());
      if (problem.targets[t].min_weapons > 0) min_rows_.push_back(t);
    }
  }

  bool get_nlp_info(Index& n, Index& m, Index& nnz_jac_g, Index& nnz_h_lag, IndexStyleEnum& style) override {
    n = static_cast<Index>(weapon_.size());
    m = static_cast<Index>(problem_.weapons.size() + min_rows_.size());
    std::size_t jac = weapon_.size();
    for (std::size_t t : min_rows_) jac += start_[t + 1] - start_[t];
    nnz_jac_g = static_cast<Index>(jac);
    std::size_t hess = 0;
    for (std::size_t t = 0; t + 1 < start_.size(); ++t) {
      const std::size_t k = start_[t + 1] - start_[t];
      hess += k * (k + 1) / 2;
    }
    nnz_h_lag = static_cast<Index>(hess);
    style = C_STYLE;
    return true;
  }

  bool get_bounds_info(Index n, Number* x_l, Number* x_u, Index, Number* g_l, Number* g_u) override {
    for (Index i = 0; i < n; ++i) {
      x_l[i] = 0;
      x_u[i] = 2e19;
    }
    const std::size_t nw = problem_.weapons.size();
    for (std::size_t w = 0; w < nw; ++w) {
      g_l[w] = -2e19;
      g_u[w] = static_cast<double>(problem_.weapons[w].available);
    }
    for (std::size_t r = 0; r < min_rows_.size(); ++r) {
      g_l[nw + r] = static_cast<double>(problem_.targets[min_rows_[r]].min_weapons);
      g_u[nw + r] = 2e19;
    }
    return true;
  }

  bool get_starting_point(Index n, bool, Number* x, bool, Number*, Number*, Index, bool, Number*) override {
    for (Index i = 0; i < n; ++i) x[i] = 0.1;
    return true;
  }

  bool eval_f(Index, const Number* x, bool, Number& f) override {
    f = 0;
    for (std::size_t t = 0; t + 1 < start_.size(); ++t) f += problem_.targets[t].value * std::exp(-effort(t, x));
    return true;
  }

  bool eval_grad_f(Index, const Number* x, bool, Number* grad) override {
    for (std::size_t t = 0; t + 1 < start_.size(); ++t) {
      const double a = problem_.targets[t].value * std::exp(-effort(t, x));
      for (std::size_t i = start_[t]; i < start_[t + 1]; ++i) grad[i] = -a * c_[i];
    }
    return true;
  }

  bool eval_g(Index, const Number* x, bool, Index m, Number* g) override {
    for (Index r = 0; r < m; ++r) g[r] = 0;
    for (std::size_t i = 0; i < weapon_.size(); ++i) g[weapon_[i]] += x[i];
    const std::size_t nw = problem_.weapons.size();
    for (std::size_t r = 0; r < min_rows_.size(); ++r) {
      const std::size_t t = min_rows_[r];
      for (std::size_t i = start_[t]; i < start_[t + 1]; ++i) g[nw + r] += x[i];
    }
    return true;
  }

  bool eval_jac_g(Index, const Number*, bool, Index, Index, Index* row, Index* col, Number* values) override {
    std::size_t e = 0;
    const std::size_t nw = problem_.weapons.size();
    for (std::size_t i = 0; i < weapon_.size(); ++i, ++e) {
      if (values == nullptr) {
        row[e] = static_cast<Index>(weapon_[i]);
        col[e] = static_cast<Index>(i);
      } else {
        values[e] = 1;
      }
    }
    for (std::size_t r = 0; r < min_rows_.size(); ++r) {
      const std::size_t t = min_rows_[r];
      for (std::size_t i = start_[t]; i < start_[t + 1]; ++i, ++e) {
        if (values == nullptr) {
          row[e] = static_cast<Index>(nw + r);
          col[e] = static_cast<Index>(i);
        } else {
          values[e] = 1;
        }
      }
    }
    return true;
  }

  bool eval_h(Index, const Number* x, bool, Number obj_factor, Index, const Number*, bool, Index, Index* row,
              Index* col, Number* values) override {
    std::size_t e = 0;
    for (std::size_t t = 0; t + 1 < start_.size(); ++t) {
      const double a = values == nullptr ? 0.0 : obj_factor * problem_.targets[t].value * std::exp(-effort(t, x));
      for (std::size_t i = start_[t]; i < start_[t + 1]; ++i) {
        for (std::size_t j = start_[t]; j <= i; ++j, ++e) {
          if (values == nullptr) {
            row[e] = static_cast<Index>(i);
            col[e] = static_cast<Index>(j);
          } else {
            values[e] = a * c_[i] * c_[j];
          }
        }
      }
    }
    return true;
  }

  void finalize_solution(Ipopt::SolverReturn, Index n, const Number* x, const Number*, const Number*, Index,
                         const Number*, const Number*, Number, const Ipopt::IpoptData*,
                         Ipopt::IpoptCalculatedQuantities*) override {
    x_.assign(x, x + n);
  }

  [[nodiscard]] const std::vector<double>& x() const { return x_; }
  [[nodiscard]] std::size_t weapon(std::size_t i) const { return weapon_[i]; }
  [[nodiscard]] std::size_t target(std::size_t i) const { return target_[i]; }

 private:
  double effort(std::size_t t, const Number* x) const {
    double s = 0;
    for (std::size_t i = start_[t]; i < start_[t + 1]; ++i) s += c_[i] * x[i];
    return s;
  }

  const WtaProblem& problem_;
  std::vector<std::size_t> start_, weapon_, target_, min_rows_;
  std::vector<double> c_, x_;
};

/// SplitMix64 (Steele, Lea & Flood 2014): a tiny generator with the same output everywhere.
struct SplitMix {
  std::uint64_t state;
  std::uint64_t next() {
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
};

}  // namespace

IpoptWtaResult solve_wta_with_ipopt(const WtaProblem& problem, double tol) {
  Ipopt::SmartPtr<WtaNlp> nlp = new WtaNlp(problem);
  Ipopt::SmartPtr<Ipopt::IpoptApplication> app = IpoptApplicationFactory();
  app->Options()->SetIntegerValue("print_level", 0);
  app->Options()->SetStringValue("sb", "yes");
  app->Options()->SetNumericValue("tol", tol);
  app->Options()->SetIntegerValue("max_iter", 3000);
  IpoptWtaResult result;
  if (app->Initialize() != Ipopt::Solve_Succeeded) return result;
  const Ipopt::ApplicationReturnStatus status = app->OptimizeTNLP(Ipopt::SmartPtr<Ipopt::TNLP>(nlp));
  result.status = static_cast<int>(status);
  result.solved = status == Ipopt::Solve_Succeeded || status == Ipopt::Solved_To_Acceptable_Level;
  for (std::size_t i = 0; i < nlp->x().size(); ++i) {
    result.assignment.push_back({nlp->weapon(i), nlp->target(i), std::max(nlp->x()[i], 0.0)});
  }
  result.objective = wta_objective(problem, result.assignment);
  return result;
}

WtaProblem random_wta_problem(int weapons, int targets, double density, std::uint64_t seed, bool with_minimums) {
  SplitMix rng{seed};
  WtaProblem problem;
  for (int w = 0; w < weapons; ++w) {
    problem.weapons.push_back({"w" + std::to_string(w), 50 + static_cast<long long>(rng.uniform() * 451)});
  }
  for (int t = 0; t < targets; ++t) {
    problem.targets.push_back({"t" + std::to_string(t), 1 + 99 * rng.uniform(), 0});
  }
  long long total = 0;
  for (const auto& w : problem.weapons) total += w.available;
  long long needed = 0;
  for (int t = 0; t < targets; ++t) {
    bool any = false;
    for (int w = 0; w < weapons; ++w) {
      if (rng.uniform() < density) {
        problem.kill_probability.push_back(
            {static_cast<std::size_t>(w), static_cast<std::size_t>(t), 0.05 + 0.9 * rng.uniform()});
        any = true;
      }
    }
    // Minimums on about one target in five, 1-3 weapons, while the total stays under a third of
    // all weapons (so the random instance stays feasible: every weapon kind reaches ~density of
    // the targets).
    if (with_minimums && any && rng.uniform() < 0.2) {
      const long long m = 1 + static_cast<long long>(rng.uniform() * 3);
      if (3 * (needed + m) <= total) {
        problem.targets[static_cast<std::size_t>(t)].min_weapons = m;
        needed += m;
      }
    }
  }
  return problem;
}

}  // namespace stratstab::test

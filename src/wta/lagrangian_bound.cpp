// A Lagrangian bound on the best whole-weapon answer (docs/methods.md §10, "Integer mode"),
// tighter than the cutting-plane LP when kinds have several weapons. With the weapon rows relaxed
// at prices lambda >= 0 (and the minimums dropped, which can only raise the bound), weak duality gives
//
//   L(lambda) = sum_w a_w lambda_w + sum_t max_P [V_t F_t(P) - lambda.P]
//
// over whole patterns P <= a of one target, F_t(P) = 1 - prod_w (1 - p_wt)^P_w: an upper bound on
// every whole-weapon assignment whatever the prices (Geoffrion 1974; its least value is the
// Dantzig-Wolfe relaxation's, the strongest that treats targets one at a time). Each target's
// maximum is found by depth-first branch and bound. A node is bounded by the lesser of the sum of
// each remaining kind's best gain on its own (F is DR-submodular: a weapon's marginal falls as
// weapons are added, so together they add no more) and the optimum with counts relaxed to real
// numbers (a fractional knapsack over kill rate, continuous_gain). A search cut short by its node
// limit reports the largest bound of the nodes it left, so L stays an upper bound. The prices start
// at the cutting-plane LP's weapon duals and move by projected subgradient steps (Polyak's step to
// the best answer's value, deflected, halved when the bound stalls); the bound is the least L met,
// with a margin for rounding.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>

#include "internal.hpp"

namespace stratstab::wta {
namespace {

/// Nodes of one pricing search at most; past it the search reports an upper bound, not a pattern.
constexpr long kMaxPricingNodes = 200000;
/// Relative margin on L for rounding in sums over thousands of terms.
constexpr double kRoundingMargin = 1e-9;
/// Kinds of more weapons than this count their worthwhile weapons in closed form, not one by one.
constexpr long long kMaxStepwise = 64;
/// Weight of the last direction in the next one.
constexpr double kDeflection = 0.8;

/// One kind of weapon that can help target t in pricing.
struct Item {
  std::size_t pair = 0;
  double p = 0;      ///< kill probability of one weapon
  double q = 1;      ///< 1 - p
  double price = 0;  ///< lambda_w, > 0
  long long available = 0;
};

/// Whole weapons of one item worth adding at survival `survive` (the k-th adds V S q^(k-1) p, which
/// falls with k), their net gain, and q^k. Counted one weapon at a time: the marginal falls by q
/// each step, so few steps are taken unless p is small, and no pow or log is needed.
struct Addition {
  long long count = 0;
  double gain = 0;
  double q_power = 1;
};
Addition worth_adding(const Item& item, double value, double survive) {
  Addition a;
  double marginal = value * survive * item.p;
  if (item.available > kMaxStepwise && marginal > item.price) {
    // Many weapons and a small p: the count in closed form, k = 1 + floor(ln(price / first) / ln q).
    const double k = 1.0 + std::floor(std::log(item.price / marginal) / std::log(item.q));
    a.count = k >= static_cast<double>(item.available) ? item.available : static_cast<long long>(k);
    a.q_power = std::pow(item.q, static_cast<double>(a.count));
    a.gain = value * survive * (1.0 - a.q_power) - item.price * static_cast<double>(a.count);
    return a;
  }
  while (a.count < item.available && marginal > item.price) {
    a.gain += marginal - item.price;
    a.q_power *= item.q;
    marginal *= item.q;
    ++a.count;
  }
  return a;
}

/// Depth-first branch and bound for one target's pricing problem.
class Pricing {
 public:
  Pricing(const std::vector<Item>& items, double value) : items_(items), value_(value) {
    count_.assign(items.size(), 0);
    best_count_.assign(items.size(), 0);
    // Items by price per unit of kill rate c = -ln q, cheapest first, for the continuous bound.
    by_rate_.resize(items.size());
    for (std::size_t j = 0; j < items.size(); ++j) by_rate_[j] = j;
    rate_.resize(items.size());
    all_q_.resize(items.size());
    for (std::size_t j = 0; j < items.size(); ++j) {
      rate_[j] = items[j].price / -std::log(items[j].q);
      all_q_[j] = std::pow(items[j].q, static_cast<double>(items[j].available));
    }
    std::sort(by_rate_.begin(), by_rate_.end(), [&](std::size_t a, std::size_t b) { return rate_[a] < rate_[b]; });
  }
  /// Starts from a fixed part (survival `survive`, net value `base`) and returns an upper bound on
  /// the best pattern's net value; best_count() is the best pattern found (the best there is unless the node limit cut
  /// the search short). `incumbent` (per item) is a pattern to beat, e.g. the last evaluation's: a good one prunes most
  /// of the search.
  double run(double survive, double base, const std::vector<long long>& incumbent) {
    best_ = base;
    best_count_.assign(items_.size(), 0);
    double after = survive;
    double net = base;
    for (std::size_t j = 0; j < items_.size(); ++j) {
      const long long k = std::min(incumbent[j], items_[j].available);
      const double next = k > 0 ? after * std::pow(items_[j].q, static_cast<double>(k)) : after;
      net += value_ * (after - next) - items_[j].price * static_cast<double>(k);
      after = next;
    }
    if (net > best_) {
      best_ = net;
      for (std::size_t j = 0; j < items_.size(); ++j) best_count_[j] = std::min(incumbent[j], items_[j].available);
    }
    open_bound_ = -std::numeric_limits<double>::infinity();
    nodes_ = 0;
    search(0, survive, base);
    return std::max(best_, open_bound_);
  }
  [[nodiscard]] const std::vector<long long>& best_count() const { return best_count_; }
  [[nodiscard]] double best() const { return best_; }

 private:
  void search(std::size_t depth, double survive, double net) {
    if (net > best_) {
      best_ = net;
      best_count_ = count_;
      std::fill(best_count_.begin() + static_cast<std::ptrdiff_t>(depth), best_count_.end(), 0);
    }
    if (depth == items_.size()) return;
    double bound = net;
    for (std::size_t r = depth; r < items_.size(); ++r) bound += worth_adding(items_[r], value_, survive).gain;
    bound = std::min(bound, net + continuous_gain(depth, survive));
    if (bound <= best_ + 1e-12 * std::max(1.0, value_)) return;
    if (++nodes_ > kMaxPricingNodes) {
      open_bound_ = std::max(open_bound_, bound);
      return;
    }
    const Item& item = items_[depth];
    const Addition most = worth_adding(item, value_, survive);
    double q_power = most.q_power;
    for (long long k = most.count; k >= 0; --k) {
      const double after = k == 0 ? survive : survive * q_power;
      q_power /= item.q;  // q >= 1 - kWtaMaxKillProbability > 0
      count_[depth] = k;
      search(depth + 1, after, net + value_ * (survive - after) - item.price * static_cast<double>(k));
    }
    count_[depth] = 0;
  }

  /// The best the items from `depth` on can add at survival `survive` with counts relaxed to real
  /// numbers in [0, a]: V S (1 - e^-y) less the cheapest cost of kill rate y, which takes items by
  /// price per unit of rate (a fractional knapsack), up to where V S e^-y falls to that price. The
  /// relaxation's optimum, so at least the best whole pattern's gain; it sees how the items'
  /// effects overlap, which the sum of their separate best gains does not.
  [[nodiscard]] double continuous_gain(std::size_t depth, double survive) const {
    const double vs = value_ * survive;
    double left = 1.0;  // e^-y
    double cost = 0;
    for (const std::size_t j : by_rate_) {
      if (j < depth) continue;
      const double rate = rate_[j];
      if (vs * left <= rate) break;
      const double after = left * all_q_[j];
      if (vs * after >= rate) {
        cost += items_[j].price * static_cast<double>(items_[j].available);
        left = after;
      } else {
        // Part of item j: y grows until V S e^-y = rate.
        const double stop = rate / vs;
        cost += rate * std::log(left / stop);
        left = stop;
        break;
      }
    }
    return vs * (1.0 - left) - cost;
  }

  const std::vector<Item>& items_;
  std::vector<std::size_t> by_rate_;
  std::vector<double> rate_;   ///< price / c
  std::vector<double> all_q_;  ///< q^a
  double value_;
  std::vector<long long> count_;
  std::vector<long long> best_count_;
  double best_ = 0;
  double open_bound_ = 0;
  long nodes_ = 0;
};

}  // namespace

LagrangianBound lagrangian_bound(const Structure& s, std::span<const double> start_prices, double best_answer,
                                 double gap, double seconds, int max_iterations) {
  LagrangianBound result;
  if (s.pairs() == 0) return result;
  const auto start_time = std::chrono::steady_clock::now();
  const auto elapsed = [&] {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_time).count();
  };
  std::vector<double> lambda(s.weapons, 0.0);
  for (std::size_t w = 0; w < s.weapons && w < start_prices.size(); ++w) lambda[w] = std::max(0.0, start_prices[w]);
  double total_value = 0;
  for (double v : s.value) total_value += v;
  std::vector<double> used(s.weapons);
  std::vector<double> direction(s.weapons, 0.0);
  std::vector<Item> items;
  std::vector<long long> incumbent;
  std::vector<long long> last_pattern(s.pairs(), 0);  // each target's best pattern at the last prices
  double step = 1.0;
  int stalled = 0;
  for (int iteration = 0; iteration < max_iterations; ++iteration) {
    double bound = 0;
    for (std::size_t w = 0; w < s.weapons; ++w) bound += s.available[w] * lambda[w];
    std::fill(used.begin(), used.end(), 0.0);
    bool out_of_time = false;
    for (std::size_t t = 0; t < s.targets; ++t) {
      // L needs every target; an evaluation the clock cuts short is dropped, not half counted.
      if ((t & 63U) == 63U && elapsed() > seconds) {
        out_of_time = true;
        break;
      }
      const std::size_t first = s.target_start[t];
      const std::size_t m = s.target_start[t + 1] - first;
      // Kinds priced at nothing are always worth all their weapons (F only rises).
      double survive = 1;
      double base = 0;
      items.clear();
      for (std::size_t r = 0; r < m; ++r) {
        const std::size_t i = first + r;
        const double price = lambda[s.pair_weapon[i]];
        const auto a = static_cast<long long>(std::llround(s.available[s.pair_weapon[i]]));
        if (price <= 0) {
          survive *= std::exp(-s.pair_c[i] * static_cast<double>(a));
          used[s.pair_weapon[i]] += static_cast<double>(a);
        } else if (s.value[t] * s.pair_p[i] > price) {
          items.push_back({i, s.pair_p[i], std::exp(-s.pair_c[i]), price, a});
        }
      }
      base += s.value[t] * (1.0 - survive);
      std::sort(items.begin(), items.end(),
                [&](const Item& a, const Item& b) { return s.value[t] * a.p - a.price > s.value[t] * b.p - b.price; });
      incumbent.resize(items.size());
      for (std::size_t j = 0; j < items.size(); ++j) incumbent[j] = last_pattern[items[j].pair];
      Pricing pricing(items, s.value[t]);
      bound += std::max(0.0, pricing.run(survive, base, incumbent));
      for (std::size_t r = 0; r < m; ++r) last_pattern[first + r] = 0;
      for (std::size_t j = 0; j < items.size(); ++j) {
        last_pattern[items[j].pair] = pricing.best_count()[j];
        used[s.pair_weapon[items[j].pair]] += static_cast<double>(pricing.best_count()[j]);
      }
    }
    if (out_of_time) break;
    bound += kRoundingMargin * std::max(1.0, total_value) + kRoundingMargin * std::abs(bound);
    ++result.iterations;
    if (bound < result.value) {
      result.value = bound;
      stalled = 0;
    } else if (++stalled >= 20) {
      step *= 0.5;
      stalled = 0;
    }
    if (elapsed() > seconds) break;
    // Subgradient of L at lambda: a_w minus the weapons the targets' best patterns take, deflected
    // by the last direction (Camerini, Fratta & Maffioli 1975) to damp the zig-zag.
    double norm = 0;
    for (std::size_t w = 0; w < s.weapons; ++w) {
      direction[w] = (s.available[w] - used[w]) + kDeflection * direction[w];
      norm += direction[w] * direction[w];
    }
    if (norm <= 0 || result.value - best_answer <= gap * result.value) break;
    const double length = step * (bound - best_answer) / norm;
    for (std::size_t w = 0; w < s.weapons; ++w) lambda[w] = std::max(0.0, lambda[w] - length * direction[w]);
    if (step < 1e-4) break;
  }
  return result;
}

}  // namespace stratstab::wta

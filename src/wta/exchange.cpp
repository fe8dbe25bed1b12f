// Cyclic and path exchanges for whole-weapon answers (docs/methods.md §10, "Integer mode"): the
// very-large-scale neighbourhood of Ahuja, Kumar, Jha & Orlin (2007, "Exact and heuristic
// algorithms for the weapon-target assignment problem", Operations Research 55(6)). A chain of
// weapons, each moving to the next one's target and pushing it on, changes many targets at once,
// which single moves and swaps cannot: on one-weapon-per-kind problems the best answer is close to
// an assignment, and an assignment is improved by exactly such chains (augmenting paths and cycles).
//
// The improvement graph has a node per used pair (one weapon of kind w on target t). An arc a -> b
// sends a weapon of a's kind to b's target and ejects one of b's weapons; its gain is the exact
// change at b's target, V S (1 - q_a / q_b) with S the target's survival probability and q = 1 - p,
// provided no other step of the chain touches that target. A chain starts by lifting a weapon off
// its target (or by taking an idle one) and ends by returning the last weapon to the first target
// (a cycle), by adding it to a target not in the chain, or by leaving it idle. The best chain is
// sought by a label-correcting pass over chains of at most kMaxDepth arcs, one label per node and
// length, that keeps the chain's targets distinct (the "subset-disjoint" rule), as in the paper.
#include <algorithm>
#include <cmath>

#include "internal.hpp"

namespace stratstab::wta {
namespace {

/// Arcs per chain at most.
constexpr std::size_t kMaxDepth = 25;
/// Chains are searched only up to this many used pairs (a pass costs O(depth x used^2)).
constexpr std::size_t kMaxNodes = 1500;
/// Starts are searched one by one (the thorough pass) only up to this many used pairs (a pass per
/// start costs O(depth x used^2) each).
constexpr std::size_t kMaxNodesOneByOne = 150;
/// Marks a chain that starts with an idle weapon (no node of its own).
constexpr std::size_t kIdle = static_cast<std::size_t>(-1);

struct Label {
  double gain = -1e300;           ///< sum of the arcs' gains (the start's own change excluded)
  std::size_t parent = kIdle;     ///< node at the previous length; kIdle at length 0 or an idle start
  std::size_t idle_kind = kIdle;  ///< the idle start's kind, when the chain begins with one
};

}  // namespace

Exchange find_exchange(const Structure& s, const ExchangeState& state, double tolerance) {
  Exchange best;
  const std::size_t targets = s.targets;
  std::vector<std::size_t> nodes;
  for (std::size_t i = 0; i < s.pairs(); ++i) {
    if (state.count[i] > 0) nodes.push_back(i);
  }
  const std::size_t used = nodes.size();
  if (used == 0 || used > kMaxNodes || state.pair_at.empty()) return best;
  const auto pair_of = [&](std::size_t w, std::size_t t) { return state.pair_at[w * targets + t]; };
  const auto q = [&](std::size_t i) { return state.q[i]; };
  const auto target = [&](std::size_t node) { return state.target_of[nodes[node]]; };
  const auto kind = [&](std::size_t node) { return s.pair_weapon[nodes[node]]; };

  // A weapon of kind w onto node b's target, ejecting b's: the change at that target, V S (1 - q_w / q_b)
  // (-1e300: w cannot reach it).
  const auto eject_gain = [&](std::size_t w, std::size_t b) {
    const std::size_t tb = target(b);
    const int k = pair_of(w, tb);
    return k < 0 ? -1e300 : s.value[tb] * state.survival[tb] * (1.0 - q(static_cast<std::size_t>(k)) / q(nodes[b]));
  };
  // Arc a -> b: node a's weapon onto b's target, ejecting b's.
  std::vector<double> arc(used * used, -1e300);
  for (std::size_t b = 0; b < used; ++b) {
    for (std::size_t a = 0; a < used; ++a) {
      if (target(a) != target(b) && kind(a) != kind(b)) arc[a * used + b] = eject_gain(kind(a), b);
    }
  }
  // Lifting node a's weapon with nothing in its place: the change at its target, if the minimum allows.
  std::vector<double> lift(used, -1e300);
  for (std::size_t a = 0; a < used; ++a) {
    const std::size_t t = target(a);
    if (state.weapons_on[t] - 1.0 >= s.minimum[t] - 0.5)
      lift[a] = s.value[t] * state.survival[t] * (1.0 - 1.0 / q(nodes[a]));
  }
  // Adding one weapon of kind w to target t without ejecting: V S p.
  const auto add_gain = [&](std::size_t w, std::size_t t) {
    const int k = pair_of(w, t);
    return k < 0 ? -1e300 : s.value[t] * state.survival[t] * s.pair_p[static_cast<std::size_t>(k)];
  };
  // Each kind's best targets to add to, enough that one is always outside a chain.
  const std::size_t keep = kMaxDepth + 2;
  std::vector<std::vector<std::size_t>> best_targets(s.weapons);
  for (std::size_t w = 0; w < s.weapons; ++w) {
    std::vector<std::size_t>& list = best_targets[w];
    for (std::size_t t = 0; t < targets; ++t) {
      if (pair_of(w, t) >= 0) list.push_back(t);
    }
    const std::size_t top = std::min(keep, list.size());
    std::partial_sort(list.begin(), list.begin() + static_cast<std::ptrdiff_t>(top), list.end(),
                      [&](std::size_t x, std::size_t y) { return add_gain(w, x) > add_gain(w, y); });
    list.resize(top);
  }
  std::vector<long long> idle(s.weapons);
  for (std::size_t w = 0; w < s.weapons; ++w) idle[w] = std::llround(s.available[w]);
  for (std::size_t i = 0; i < s.pairs(); ++i) idle[s.pair_weapon[i]] -= state.count[i];

  // labels[d][b]: the best chain of d arcs whose last ejected weapon is node b's.
  std::vector<std::vector<Label>> labels(kMaxDepth + 1, std::vector<Label>(used));
  std::vector<std::size_t> chain;  // nodes of a chain, last first
  const auto trace = [&](std::size_t depth, std::size_t b) {
    chain.clear();
    for (std::size_t d = depth, node = b;; --d) {
      chain.push_back(node);
      if (d == 0 || labels[d][node].parent == kIdle) break;
      node = labels[d][node].parent;
    }
  };
  const auto in_chain = [&](std::size_t t) {
    return std::any_of(chain.begin(), chain.end(), [&](std::size_t node) { return target(node) == t; });
  };
  double best_gain = tolerance;
  // The traced chain ending at node b, closed by `close` (1 back to the first target, 2 onto
  // target `to`, 3 idle), as unit changes: every node loses its weapon, each arc adds the previous
  // kind to the next target, the close adds the last kind to its destination.
  const auto record = [&](std::size_t depth, double gain, int close, std::size_t to) {
    best_gain = gain;
    best.gain = gain;
    best.changes.clear();
    const bool from_idle = depth >= 1 && chain.size() == depth;
    const std::size_t first = chain.back();
    if (from_idle) {
      best.changes.emplace_back(static_cast<std::size_t>(pair_of(labels[1][first].idle_kind, target(first))), 1);
    }
    for (std::size_t j = chain.size(); j-- > 0;) {
      best.changes.emplace_back(nodes[chain[j]], -1);
      if (j > 0) best.changes.emplace_back(static_cast<std::size_t>(pair_of(kind(chain[j]), target(chain[j - 1]))), 1);
    }
    if (close == 1 || close == 2)
      best.changes.emplace_back(static_cast<std::size_t>(pair_of(kind(chain.front()), to)), 1);
  };
  // Every way to close the traced chain ending at b.
  const auto consider = [&](std::size_t depth, std::size_t b) {
    const Label& label = labels[depth][b];
    const std::size_t start = chain.back();
    // A chain from an idle weapon has one node per arc; from a lifted one, one more.
    const bool from_idle = depth >= 1 && chain.size() == depth;
    const double start_change = from_idle ? 0.0 : lift[start];
    const std::size_t w = kind(b);
    const auto offer = [&](double gain, int close, std::size_t to) {
      if (gain > best_gain) record(depth, gain, close, to);
    };
    if (!from_idle && depth >= 1 && w != kind(start)) offer(label.gain + eject_gain(w, start), 1, target(start));
    if (start_change > -1e299) {
      for (std::size_t to : best_targets[w]) {
        if (in_chain(to)) continue;
        offer(label.gain + start_change + add_gain(w, to), 2, to);
        break;
      }
      if (depth >= 1) offer(label.gain + start_change, 3, 0);
    }
  };
  // One label-correcting pass from the starts the two predicates allow: node a (lifting its
  // weapon) when node_start(a), an idle weapon of kind w when idle_start(w).
  const auto pass = [&](const auto& node_start, const auto& idle_start) {
    for (auto& level : labels) std::fill(level.begin(), level.end(), Label{});
    for (std::size_t a = 0; a < used; ++a) {
      if (node_start(a)) labels[0][a].gain = 0;
    }
    for (std::size_t w = 0; w < s.weapons; ++w) {
      if (idle[w] <= 0 || !idle_start(w)) continue;
      for (std::size_t b = 0; b < used; ++b) {
        const double g = kind(b) == w ? -1e300 : eject_gain(w, b);
        if (g > labels[1][b].gain) labels[1][b] = {g, kIdle, w};
      }
    }
    for (std::size_t depth = 0; depth <= kMaxDepth; ++depth) {
      for (std::size_t b = 0; b < used; ++b) {
        if (labels[depth][b].gain < -1e299) continue;
        trace(depth, b);
        consider(depth, b);
        if (depth == kMaxDepth) continue;
        for (std::size_t c = 0; c < used; ++c) {
          const double g = arc[b * used + c];
          if (g < -1e299 || in_chain(target(c))) continue;
          const double total = labels[depth][b].gain + g;
          if (total > labels[depth + 1][c].gain) labels[depth + 1][c] = {total, b, kIdle};
        }
      }
    }
  };
  // All starts at once: one label per node and length, so a chain can crowd out a better one from
  // another start that would later have used its targets.
  pass([](std::size_t) { return true; }, [](std::size_t) { return true; });
  // If that finds nothing and the graph is small, each start on its own, which crowds out less.
  if (best.changes.empty() && used <= kMaxNodesOneByOne) {
    for (std::size_t a = 0; a < used && best.changes.empty(); ++a)
      pass([a](std::size_t x) { return x == a; }, [](std::size_t) { return false; });
    for (std::size_t w = 0; w < s.weapons && best.changes.empty(); ++w) {
      if (idle[w] > 0) pass([](std::size_t) { return false; }, [w](std::size_t x) { return x == w; });
    }
  }
  return best;
}

}  // namespace stratstab::wta

// Integer flows from weapons to targets (Dinic's algorithm; Dinic 1970, Soviet Math. Doklady 11):
// whether the minimums can be met at all, and the whole-weapon repairs of the integer answers.
// With whole supplies and demands the maximum flow is whole, so the continuous problem has a
// feasible point exactly when an integer assignment meeting every minimum exists.
#include <algorithm>
#include <limits>

#include "internal.hpp"

namespace stratstab::wta {
namespace {

class Dinic {
 public:
  explicit Dinic(std::size_t nodes) : head_(nodes, kNone), level_(nodes), cursor_(nodes) {}

  std::size_t add_edge(std::size_t from, std::size_t to, long long capacity) {
    edges_.push_back(Edge{to, head_[from], capacity});
    head_[from] = edges_.size() - 1;
    edges_.push_back(Edge{from, head_[to], 0});
    head_[to] = edges_.size() - 1;
    return edges_.size() - 2;
  }

  long long run(std::size_t source, std::size_t sink) {
    long long total = 0;
    while (bfs(source, sink)) {
      cursor_ = head_;
      while (const long long pushed = dfs(source, sink, std::numeric_limits<long long>::max())) total += pushed;
    }
    return total;
  }

  [[nodiscard]] long long flow(std::size_t edge) const { return edges_[edge ^ 1].capacity; }
  /// After run(): reachable from the source in the residual graph.
  [[nodiscard]] bool reachable(std::size_t node) const { return level_[node] >= 0; }

 private:
  static constexpr std::size_t kNone = std::numeric_limits<std::size_t>::max();
  struct Edge {
    std::size_t to;
    std::size_t next;
    long long capacity;
  };

  bool bfs(std::size_t source, std::size_t sink) {
    std::fill(level_.begin(), level_.end(), -1);
    queue_.clear();
    queue_.push_back(source);
    level_[source] = 0;
    for (std::size_t k = 0; k < queue_.size(); ++k) {
      const std::size_t node = queue_[k];
      for (std::size_t e = head_[node]; e != kNone; e = edges_[e].next) {
        if (edges_[e].capacity > 0 && level_[edges_[e].to] < 0) {
          level_[edges_[e].to] = level_[node] + 1;
          queue_.push_back(edges_[e].to);
        }
      }
    }
    return level_[sink] >= 0;
  }

  // Depth is at most 3 (source, weapon, target, sink) plus residual detours, so recursion is
  // shallow in practice; the level graph bounds it by the number of nodes.
  long long dfs(std::size_t node, std::size_t sink, long long limit) {
    if (node == sink) return limit;
    for (std::size_t& e = cursor_[node]; e != kNone; e = edges_[e].next) {
      Edge& edge = edges_[e];
      if (edge.capacity <= 0 || level_[edge.to] != level_[node] + 1) continue;
      const long long pushed = dfs(edge.to, sink, std::min(limit, edge.capacity));
      if (pushed > 0) {
        edge.capacity -= pushed;
        edges_[e ^ 1].capacity += pushed;
        return pushed;
      }
    }
    return 0;
  }

  std::vector<std::size_t> head_;
  std::vector<int> level_;
  std::vector<std::size_t> cursor_;
  std::vector<std::size_t> queue_;
  std::vector<Edge> edges_;
};

}  // namespace

std::optional<std::vector<long long>> integer_flow(const Structure& s, std::span<const long long> supply,
                                                   std::span<const long long> demand, std::vector<bool>* unmet_set) {
  const std::size_t source = s.weapons + s.targets;
  const std::size_t sink = source + 1;
  Dinic graph(sink + 1);
  long long needed = 0;
  for (std::size_t w = 0; w < s.weapons; ++w) {
    if (supply[w] > 0) graph.add_edge(source, w, supply[w]);
  }
  for (std::size_t t = 0; t < s.targets; ++t) {
    if (demand[t] > 0) {
      graph.add_edge(s.weapons + t, sink, demand[t]);
      needed += demand[t];
    }
  }
  std::vector<std::size_t> pair_edge(s.pairs());
  const long long unlimited = std::numeric_limits<long long>::max() / 4;
  for (std::size_t t = 0; t < s.targets; ++t) {
    for (std::size_t i = s.target_start[t]; i < s.target_start[t + 1]; ++i) {
      pair_edge[i] = graph.add_edge(s.pair_weapon[i], s.weapons + t, unlimited);
    }
  }
  const long long flow = graph.run(source, sink);
  if (flow < needed) {
    if (unmet_set != nullptr) {
      unmet_set->assign(s.targets, false);
      for (std::size_t t = 0; t < s.targets; ++t) (*unmet_set)[t] = demand[t] > 0 && !graph.reachable(s.weapons + t);
    }
    return std::nullopt;
  }
  std::vector<long long> result(s.pairs());
  for (std::size_t i = 0; i < s.pairs(); ++i) result[i] = graph.flow(pair_edge[i]);
  return result;
}

}  // namespace stratstab::wta

// `sweep --json`: the scenario, the swept key and one object per value with the index, each side's
// c1, c2 and ratio by side id, and each first strike's counterforce spend and arriving retaliation.
#include <charconv>
#include <cmath>

#include "stratstab/json.hpp"

namespace stratstab {
namespace {

using nlohmann::json;

/// A point's index, sides and exchanges under `into`.
void add_outputs(json& into, const SweepPoint& p) {
  json sides = json::object();
  for (const SweepSide& side : p.sides) {
    sides[side.id] = json{{"c1", side.stability.c1}, {"c2", side.stability.c2}, {"ratio", side.stability.ratio}};
  }
  json exchanges = json::array();
  for (const SweepExchange& e : p.exchanges) {
    exchanges.push_back(json{{"striker", e.striker},
                             {"victim", e.victim},
                             {"counterforce_spent", e.counterforce_spent},
                             {"victim_surviving", e.victim_surviving},
                             {"retaliation_arriving", e.retaliation_arriving}});
  }
  into["index"] = p.index;
  if (!p.pairs.empty()) {
    // Three sides: `index` is the system's; each pair's own (docs/methods.md §13.5).
    json pairs = json::object();
    for (const SweepPair& pair : p.pairs) pairs[pair.first + "-" + pair.second] = pair.index;
    into["pair_indices"] = std::move(pairs);
  }
  into["sides"] = std::move(sides);
  into["exchanges"] = std::move(exchanges);
}

}  // namespace

json swept_value_json(const std::string& text) {
  double number = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
  if (!text.empty() && error == std::errc() && end == text.data() + text.size() && std::isfinite(number)) {
    return number;
  }
  if (text == "true") return true;
  if (text == "false") return false;
  return text;
}

json grid_point_to_json(const Grid& grid, const GridPoint& point) {
  json values = json::object();
  for (std::size_t k = 0; k < grid.axes().size(); ++k) {
    values[grid.axes()[k].path] = swept_value_json(grid.axes()[k].values[point.at[k]]);
  }
  json j{{"point", point.index}, {"values", std::move(values)}};
  add_outputs(j, point.result);
  return j;
}

json grid_to_json(const Sweep& sweep, const Grid& grid, const std::vector<std::string>& inactive, const json& points) {
  json params = json::array();
  json reasons = json::object();
  for (std::size_t k = 0; k < grid.axes().size(); ++k) {
    params.push_back(grid.axes()[k].path);
    const bool active = k >= inactive.size() || inactive[k].empty();
    reasons[grid.axes()[k].path] = active ? json(nullptr) : json(inactive[k]);
  }
  return json{{"scenario", sweep.scenario},
              {"form", sweep.real ? "real" : "abstract"},
              {"params", params},
              {"inactive", reasons},
              {"points", points}};
}

json sweep_to_json(const Sweep& sweep) {
  json points = json::array();
  for (const SweepPoint& p : sweep.points) {
    json point{{"value", swept_value_json(p.value)}};
    add_outputs(point, p);
    points.push_back(std::move(point));
  }
  return json{{"scenario", sweep.scenario},
              {"form", sweep.real ? "real" : "abstract"},
              {"param", sweep.param},
              {"inactive", sweep.inactive.empty() ? json(nullptr) : json(sweep.inactive)},
              {"points", points}};
}

}  // namespace stratstab

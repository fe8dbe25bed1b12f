// `sweep --json`: the scenario, the swept key and one object per value with the index, each side's
// c1, c2 and ratio by side id, and each first strike's counterforce spend and arriving retaliation.
#include <charconv>
#include <cmath>

#include "stratstab/json.hpp"

namespace stratstab {
namespace {

using nlohmann::json;

// The value as JSON of its kind, so that a plot can take `points[].value` as it stands: a number when
// the whole text is one, true/false, else the text (a word such as `generated`).
json value_json(const std::string& text) {
  double number = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
  if (!text.empty() && error == std::errc() && end == text.data() + text.size() && std::isfinite(number)) {
    return number;
  }
  if (text == "true") return true;
  if (text == "false") return false;
  return text;
}

}  // namespace

json sweep_to_json(const Sweep& sweep) {
  json points = json::array();
  for (const SweepPoint& p : sweep.points) {
    json sides = json::object();
    for (const SweepSide& side : p.sides) {
      sides[side.id] = json{{"c1", side.stability.c1}, {"c2", side.stability.c2}, {"ratio", side.stability.ratio}};
    }
    json exchanges = json::array();
    for (const SweepExchange& e : p.exchanges) {
      exchanges.push_back(json{{"striker", e.striker},
                               {"victim", e.victim},
                               {"counterforce_spent", e.counterforce_spent},
                               {"retaliation_arriving", e.retaliation_arriving}});
    }
    points.push_back(
        json{{"value", value_json(p.value)}, {"index", p.index}, {"sides", sides}, {"exchanges", exchanges}});
  }
  return json{{"scenario", sweep.scenario},
              {"form", sweep.real ? "real" : "abstract"},
              {"param", sweep.param},
              {"inactive", sweep.inactive.empty() ? json(nullptr) : json(sweep.inactive)},
              {"points", points}};
}

}  // namespace stratstab

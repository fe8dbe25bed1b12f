// `crisis --json` (crisis_run.hpp).
#include <fmt/format.h>

#include "stratstab/json.hpp"

namespace stratstab {
namespace {

nlohmann::json outcome_json(const CrisisOutcome& o, const std::array<std::string, 2>& sides) {
  nlohmann::json time = nullptr;
  if (o.time_median) time = {{"q05", *o.time_q05}, {"median", *o.time_median}, {"q95", *o.time_q95}};
  return {{"p_strike", {{sides[0], o.p_strike[0]}, {sides[1], o.p_strike[1]}}},
          {"p_any_strike", o.p_any_strike},
          {"p_generate", {{sides[0], o.p_generate[0]}, {sides[1], o.p_generate[1]}}},
          {"time_to_strike", time}};
}

}  // namespace

nlohmann::json to_json(const CrisisReport& r) {
  nlohmann::json ratios = nlohmann::json::object();
  const std::array<const char*, 2> word{"day_to_day", "generated"};
  for (int ga = 0; ga < 2; ++ga) {
    for (int gb = 0; gb < 2; ++gb) {
      ratios[fmt::format("{}_{}__{}_{}", r.sides[0], word[ga], r.sides[1], word[gb])] = {
          {r.sides[0], r.ratios.r[ga][gb][0]}, {r.sides[1], r.ratios.r[ga][gb][1]}};
    }
  }
  nlohmann::json toggled = nlohmann::json::object();
  for (const CrisisReport::Toggled& t : r.toggled) {
    nlohmann::json j = outcome_json(t.outcome, r.sides);
    j["in_force"] = t.in_force;
    toggled[t.measure] = std::move(j);
  }
  return {{"crisis", r.id},    {"name", r.name},      {"scenario", r.scenario},
          {"steps", r.steps},  {"step", r.step_unit}, {"runs", r.as_given.runs},
          {"seed", r.seed},    {"ratios", ratios},    {"as_given", outcome_json(r.as_given, r.sides)},
          {"toggled", toggled}};
}

}  // namespace stratstab

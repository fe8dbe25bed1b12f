// JSON form of the arms-race sensitivity (`sensitivity --json`). Deltas are per unit of the change
// (one launcher, one warhead); `_a` and `_b` are the scenario's first and second sides, named in
// `sides`.
#include <cmath>

#include "stratstab/json.hpp"

namespace stratstab {

using nlohmann::json;

namespace {

/// A non-finite number (an unclipped ratio whose C2 is 0) as null rather than an invalid number.
json finite(double value) {
  return std::isfinite(value) ? json(value) : json(nullptr);
}

json stability_json(const SideStability& s) {
  return json{{"c1", s.c1}, {"c2", s.c2}, {"ratio", s.ratio}, {"ratio_unclipped", finite(s.ratio_unclipped)}};
}

json step_json(const std::optional<SensitivityStep>& step) {
  if (!step) return nullptr;
  const StabilityDelta& d = step->per_unit;
  return json{{"units", step->units},
              {"index", d.index},
              {"c1_a", d.c1_a},
              {"c2_a", d.c2_a},
              {"ratio_a", d.ratio_a},
              {"ratio_unclipped_a", finite(d.ratio_unclipped_a)},
              {"c1_b", d.c1_b},
              {"c2_b", d.c2_b},
              {"ratio_b", d.ratio_b},
              {"ratio_unclipped_b", finite(d.ratio_unclipped_b)},
              {"destabilising", step->destabilising}};
}

json flag(const std::optional<SensitivityStep>& step) {
  return step ? json(step->destabilising) : json(nullptr);
}

}  // namespace

json sensitivity_to_json(const Scenario& scenario, const Sensitivity& s) {
  const std::string& a = s.side_ids[0];
  const std::string& b = s.side_ids[1];
  json systems = json::array();
  for (const SystemSensitivity& sys : s.systems) {
    json entry{{"side", sys.side_id},
               {"system", sys.system_id},
               {"name", sys.name},
               {"basing", to_string(sys.basing)},
               {"launchers", sys.launchers},
               {"warheads_per_launcher", sys.warheads_per_launcher},
               {"max_warheads_per_launcher", sys.max_warheads_per_launcher},
               {"added_launcher_warheads", sys.added_launcher_warheads},
               {"per_launcher", step_json(sys.add_launcher)},
               {"per_launcher_removed", step_json(sys.remove_launcher)},
               {"per_warhead", step_json(sys.upload_warhead)},
               {"destabilising", json{{"add_launcher", sys.add_launcher.destabilising},
                                      {"remove_launcher", flag(sys.remove_launcher)},
                                      {"upload_warhead", flag(sys.upload_warhead)}}}};
    if (!sys.upload_warhead) {
      entry["per_warhead_note"] = sys.launchers > 0.0 ? "no headroom" : "no deployed launchers";
    }
    systems.push_back(std::move(entry));
  }
  json path = json::array();
  for (const UploadPathPoint& p : s.upload_path) {
    path.push_back(json{{"month", p.month},
                        {"index", p.result.index},
                        {"deployed_strategic_warheads",
                         json{{a, p.deployed_strategic_warheads[0]}, {b, p.deployed_strategic_warheads[1]}}},
                        {"ratio", json{{a, p.result.a.ratio}, {b, p.result.b.ratio}}},
                        {"sides", json{{a, stability_json(p.result.a)}, {b, stability_json(p.result.b)}}}});
  }
  json uploading = json::array();
  for (std::size_t i = 0; i < 2; ++i) {
    if (s.options.upload[i]) uploading.push_back(s.side_ids[i]);
  }
  return json{
      {"scenario", scenario.name},
      {"method",
       json{{"difference", "forward finite difference on the Kent-Thaler index (evaluate_real), divided by the units"},
            {"draw_down", to_string(s.parameters.draw_down)},
            {"posture", to_string(s.posture)},
            {"launcher_step", 1},
            {"warhead_step", "min(headroom, launchers_deployed) warheads on the deployed launchers"},
            {"destabilising", "the change lowers the other side's unclipped C1/C2 (docs/methods.md §11)"}}},
      {"sides", json{{"a", json{{"id", a}, {"force", s.forces[0]}}}, {"b", json{{"id", b}, {"force", s.forces[1]}}}}},
      {"base", json{{"draw_down", to_string(s.parameters.draw_down)},
                    {"index", s.base.index},
                    {"exact_index", s.base_exact_index},
                    {"sides", json{{a, stability_json(s.base.a)}, {b, stability_json(s.base.b)}}}}},
      {"systems", systems},
      {"upload", json{{"sides", uploading},
                      {"horizon_months", s.options.horizon_months},
                      {"reopen_nondeployed", s.options.reopen_nondeployed},
                      {"exact_index_month_0", s.base_exact_index},
                      {"exact_index_horizon", s.horizon_exact_index}}},
      {"upload_path", path}};
}

}  // namespace stratstab

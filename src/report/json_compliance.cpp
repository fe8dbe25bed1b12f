// `treaty comply --json` (compliance.hpp): the counts before and after by limit id, the changes, and
// whether the force ends within every limit.
#include <cmath>

#include "stratstab/json.hpp"

namespace stratstab {

nlohmann::json to_json(const ComplianceResult& result) {
  using nlohmann::json;
  json limits = json::array();
  for (std::size_t i = 0; i < result.after.limits.size(); ++i) {
    const LimitCount& before = result.before.limits[i];
    const LimitCount& after = result.after.limits[i];
    limits.push_back(json{{"id", after.id},
                          {"limit", after.limit},
                          {"before", std::round(before.count)},
                          {"after", std::round(after.count)},
                          {"compliant", after.compliant},
                          {"parameter", after.parameter}});
  }
  json changes = json::array();
  for (const ComplianceChange& c : result.changes) {
    changes.push_back(json{{"step", c.step + 1},
                           {"action", to_string(c.action)},
                           {"system", c.system_id.empty() ? json(nullptr) : json(c.system_id)},
                           {"unit", c.unit},
                           {"amount", c.amount},
                           {"before", c.before},
                           {"after", c.after},
                           {"grade", to_string(c.grade)},
                           {"src", c.source_id}});
  }
  return json{{"treaty", result.treaty_id},
              {"snapshot", result.snapshot_id},
              {"side", result.side},
              {"rule_grade", to_string(result.rule_grade)},
              {"rule_src", result.rule_source_id},
              {"compliant_before", result.before.compliant},
              {"compliant", result.compliant()},
              {"limits", limits},
              {"changes", changes},
              {"skipped", result.skipped},
              {"violations", result.after.violations}};
}

}  // namespace stratstab

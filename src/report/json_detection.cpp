// `calc detect --json` (detection.hpp).
#include "stratstab/json.hpp"

namespace stratstab {

nlohmann::json to_json(const DetectionResult& r) {
  return nlohmann::json{{"inputs",
                         {{"sites", r.inputs.sites},
                          {"violating", r.inputs.violating},
                          {"inspected", r.inputs.inspected},
                          {"years", r.inputs.years},
                          {"p_given_inspected", r.inputs.p_given_inspected}}},
                        {"p_detect", r.p_detect},
                        {"p_detect_binomial", r.p_detect_binomial},
                        {"p_detect_cumulative", r.p_detect_cumulative}};
}

}  // namespace stratstab

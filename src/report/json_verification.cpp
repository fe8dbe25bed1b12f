// `verify --json` and `verify --knowledge --json` (verification.hpp, perceived_index.hpp).
#include "stratstab/json.hpp"

namespace stratstab {
namespace {

nlohmann::json perceived_json(const PerceivedForce& p) {
  nlohmann::json systems = nlohmann::json::array();
  for (const PerceivedSystem& s : p.systems) {
    systems.push_back(
        {{"system", s.system_id}, {"launchers", s.launchers}, {"loaded", s.loaded}, {"low", s.low}, {"high", s.high}});
  }
  return {{"months", p.months}, {"loaded", p.loaded}, {"low", p.low}, {"high", p.high}, {"systems", systems}};
}

}  // namespace

nlohmann::json to_json(const VerificationAssessment& a) {
  nlohmann::json violations = nlohmann::json::array();
  for (const ViolationAssessment& v : a.violations) {
    nlohmann::json j{
        {"kind", std::string(to_string(v.violation.kind))},
        {"count", v.violation.count},
        {"population",
         {{"size", v.population.size}, {"inspections", v.population.inspections}, {"what", v.population.what}}},
        {"p_given_inspected", v.p_given_inspected},
        {"p_detect", v.p_detect},
        {"p_detect_by_years", v.p_detect_by_years},
        {"non_detection", v.non_detection}};
    if (a.has_game) {
      j["threshold"] = {{"point", v.threshold}, {"low", v.threshold_low}, {"high", v.threshold_high}};
      j["deterred"] = v.deterred;
      j["inspections_needed"] = v.inspections_needed ? nlohmann::json(*v.inspections_needed) : nlohmann::json(nullptr);
    }
    violations.push_back(std::move(j));
  }
  return {{"treaty", a.treaty_id},
          {"force", a.force_id},
          {"provisions",
           {{"inspections_per_year", a.provisions.inspections_per_year},
            {"data_exchanges_per_year", a.provisions.data_exchanges_per_year},
            {"notifications", a.provisions.notifications}}},
          {"years", a.years},
          {"violations", violations}};
}

nlohmann::json to_json(const Knowledge& k) {
  return {{"scenario", k.scenario},
          {"observed_side", k.observed_side},
          {"last_exchange", k.last_exchange},
          {"last_exchange_src", k.last_exchange_src},
          {"as_of", k.as_of},
          {"now", perceived_json(k.now)},
          {"under_regime", perceived_json(k.under_regime)},
          {"true_index", k.true_index},
          {"perceived_now", band_summary_json(k.perceived_now)},
          {"perceived_under_regime", band_summary_json(k.perceived_under_regime)}};
}

}  // namespace stratstab

// JSON forms of treaties, treaty counts and upload paths (`--json` of `treaty list`, `treaty
// count` and `upload`). Key names follow the treaty file's keys where there is one.
#include <cmath>

#include "stratstab/json.hpp"

namespace stratstab {

using nlohmann::json;

namespace {

/// Whole numbers as JSON integers (counts), others as doubles.
json number(double value) {
  if (std::isfinite(value) && std::floor(value) == value && std::abs(value) < 1e15) {
    return json(static_cast<long long>(value));
  }
  return json(value);
}

json optional_text(const std::string& text) {
  return text.empty() ? json(nullptr) : json(text);
}

json scope_json(const TreatyScope& scope) {
  json vehicles = json::array();
  for (VehicleClass v : scope.vehicles) vehicles.push_back(to_string(v));
  json basings = json::array();
  for (Basing b : scope.basings) basings.push_back(to_string(b));
  json out{{"vehicle", vehicles},
           {"basing", basings},
           {"payload", to_string(scope.payload)},
           {"status", to_string(scope.status)},
           {"sides", scope.sides},
           {"systems", scope.systems}};
  out["range_min_km"] = scope.range_min_km ? json(*scope.range_min_km) : json(nullptr);
  out["range_max_km"] = scope.range_max_km ? json(*scope.range_max_km) : json(nullptr);
  return out;
}

}  // namespace

json to_json(const Treaty& treaty) {
  json limits = json::array();
  for (const TreatyLimit& l : treaty.limits) {
    json rules = json::array();
    for (const CountRule& r : l.rules) {
      json rule{{"rule", to_string(r.count)}, {"scope", scope_json(r.scope)}};
      if (r.attribution) rule["attribution"] = *r.attribution;
      if (r.first_launchers) rule["first_launchers"] = *r.first_launchers;
      if (!r.note.empty()) rule["note"] = r.note;
      rules.push_back(rule);
    }
    json limit{{"id", l.id}, {"name", l.name}, {"src", l.source_id}, {"parameter", l.parameter}, {"count", rules}};
    limit["max"] = l.max ? json(*l.max) : json(nullptr);
    if (l.range_low) limit["range_low"] = *l.range_low;
    if (!l.reference_date.empty()) limit["reference_date"] = l.reference_date;
    if (!l.note.empty()) limit["note"] = l.note;
    limits.push_back(limit);
  }
  const Verification& v = treaty.verification;
  json inspections = json::array();
  for (const InspectionKind& k : v.inspections) {
    inspections.push_back(json{{"name", k.name}, {"per_year", k.per_year}, {"description", k.description}});
  }
  return json{{"id", treaty.id},
              {"name", treaty.name},
              {"title", treaty.title},
              {"status", to_string(treaty.status)},
              {"parties", treaty.parties},
              {"dates", json{{"signed", optional_text(treaty.dates.signed_on)},
                             {"in_force", optional_text(treaty.dates.in_force)},
                             {"limits_by", optional_text(treaty.dates.limits_by)},
                             {"ended", optional_text(treaty.dates.ended)}}},
              {"cites", treaty.source_ids},
              {"limits", limits},
              {"verification", json{{"inspections_per_year", v.inspections_per_year},
                                    {"inspections", inspections},
                                    {"data_exchanges_per_year", v.data_exchanges_per_year},
                                    {"notifications", v.notifications},
                                    {"national_technical_means", v.national_technical_means},
                                    {"src", optional_text(v.source_id)},
                                    {"notes", v.notes}}}};
}

json to_json(const TreatyCount& count, const Treaty& treaty, const ForceSnapshot& snapshot) {
  json out{{"treaty", treaty.id},     {"treaty_name", treaty.name}, {"treaty_status", to_string(treaty.status)},
           {"snapshot", snapshot.id}, {"side", snapshot.side},      {"date", snapshot.date}};
  json limits = json::array();
  for (const LimitCount& l : count.limits) {
    out[l.id] = number(l.count);
    json contributions = json::array();
    for (const CountContribution& c : l.contributions) {
      contributions.push_back(json{{"system", c.system_id}, {"rule", c.rule}, {"count", number(c.count)}});
    }
    json limit{{"id", l.id},
               {"name", l.name},
               {"count", number(l.count)},
               {"limit", number(l.limit)},
               {"headroom", number(l.headroom)},
               {"compliant", l.compliant},
               {"parameter", l.parameter},
               {"overridden", l.overridden},
               {"contributions", contributions}};
    limit["range_low"] = l.range_low ? number(*l.range_low) : json(nullptr);
    limit["reference"] = optional_text(l.reference);
    limits.push_back(limit);
  }
  out["limits"] = limits;
  out["compliant"] = count.compliant;
  out["violations"] = count.violations;
  return out;
}

json to_json(const UploadPath& path) {
  json systems = json::array();
  for (const SystemUpload& s : path.systems) {
    systems.push_back(json{{"id", s.system_id},
                           {"name", s.name},
                           {"launchers_deployed", s.launchers_deployed},
                           {"launchers_reopenable", s.launchers_reopenable},
                           {"loaded_per_launcher", s.loaded_per_launcher},
                           {"capacity_per_launcher", s.capacity_per_launcher},
                           {"warheads_loaded", s.warheads_loaded},
                           {"headroom_deployed", s.headroom_deployed},
                           {"headroom_reopened", s.headroom_reopened},
                           {"potential", s.potential},
                           {"rate_per_month", s.rate_per_month},
                           {"added", s.added},
                           {"full_month", s.full_month ? json(*s.full_month) : json(nullptr)},
                           {"rate_assumed", s.rate_assumed},
                           {"capacity_assumed", s.capacity_assumed},
                           {"reopening_assumed", s.reopening_assumed}});
  }
  json steps = json::array();
  for (const UploadStep& step : path.steps) {
    json counts = json::object();
    for (std::size_t k = 0; k < path.limit_ids.size() && k < step.limit_counts.size(); ++k) {
      counts[path.limit_ids[k]] = step.limit_counts[k];
    }
    steps.push_back(json{{"month", step.month},
                         {"deployed_strategic_warheads", step.deployed_strategic_warheads},
                         {"treaty_counts", counts},
                         {"storage_left", step.storage_left}});
  }
  json crossings = json::array();
  for (const LimitCrossing& c : path.crossings) {
    crossings.push_back(json{{"limit", c.limit_id},
                             {"max", c.limit},
                             {"count_at_start", c.count_at_start},
                             {"count_at_horizon", c.count_at_horizon},
                             {"month", c.month ? json(*c.month) : json(nullptr)}});
  }
  json assumed = json::array();
  for (const AssumedFigure& a : path.assumed) {
    json entry{{"what", a.what}, {"value", a.value}, {"note", a.note}};
    entry["range"] = a.range ? json::array({a.range->low, a.range->high}) : json(nullptr);
    assumed.push_back(entry);
  }
  return json{
      {"snapshot", path.snapshot_id},
      {"treaty", optional_text(path.treaty_id)},
      {"horizon_months", path.horizon_months},
      {"storage",
       json{{"initial", path.storage_initial}, {"basis", path.storage_basis}, {"assumed", path.storage_assumed}}},
      {"systems", systems},
      {"excluded", path.excluded},
      {"total_potential", path.total_potential},
      {"total_added", path.total_added},
      {"steps", steps},
      {"crossings", crossings},
      {"assumed", assumed}};
}

}  // namespace stratstab

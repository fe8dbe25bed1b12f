#include "stratstab/json.hpp"

#include <fmt/format.h>

#include <cmath>

namespace stratstab {

using nlohmann::json;

json to_json(const SourceLocation& where) {
  return json{{"file", where.file}, {"line", where.line}, {"column", where.column}, {"key_path", where.key_path}};
}

json to_json(const Diagnostic& diagnostic) {
  json out = to_json(diagnostic.where);
  out["severity"] = diagnostic.severity == Severity::kError ? "error" : "warning";
  out["message"] = diagnostic.message;
  return out;
}

json to_json(const Figure& figure) {
  json out{{"value", figure.value}};
  out["grade"] = figure.grade ? json(std::string(to_string(*figure.grade))) : json(nullptr);
  out["src"] = figure.source_id.empty() ? json(nullptr) : json(figure.source_id);
  out["date"] = figure.date.empty() ? json(nullptr) : json(figure.date);
  if (figure.range) out["range"] = json::array({figure.range->low, figure.range->high});
  if (!figure.note.empty()) out["note"] = figure.note;
  return out;
}

json to_json(const System& system) {
  json warheads = json::array();
  for (const WarheadType& w : system.warheads) {
    warheads.push_back(json{{"type", w.type}, {"yield_kt", to_json(w.yield_kt)}, {"share", to_json(w.share)}});
  }
  json out{
      {"id", system.id},
      {"name", system.name},
      {"basing", to_string(system.basing)},
      {"vehicle", to_string(system.vehicle)},
      {"payload", to_string(system.payload)},
      {"launchers_deployed", to_json(system.launchers_deployed)},
      {"launchers_nondeployed", to_json(system.launchers_nondeployed)},
      {"warheads_per_launcher", to_json(system.warheads_per_launcher)},
      {"max_warheads_per_launcher", to_json(system.max_warheads_per_launcher)},
      {"warheads", warheads},
      {"cep_m", to_json(system.cep_m)},
      {"reliability", to_json(system.reliability)},
      {"range_km", to_json(system.range_km)},
      {"hardness_psi", to_json(system.hardness_psi)},
      {"untargetable_day_to_day", to_json(system.untargetable_day_to_day)},
      {"untargetable_generated", to_json(system.untargetable_generated)},
      {"new_start",
       json{{"accountable", system.new_start.accountable}, {"counting", to_string(system.new_start.counting)}}},
      {"upload_rate_per_month", to_json(system.upload_rate_per_month)},
      {"warheads_loaded", system.warheads_loaded()},
  };
  if (system.vehicles_deployed) out["vehicles_deployed"] = to_json(*system.vehicles_deployed);
  if (system.vehicles_nondeployed) out["vehicles_nondeployed"] = to_json(*system.vehicles_nondeployed);
  if (system.ready_day_to_day) out["ready_day_to_day"] = to_json(*system.ready_day_to_day);
  if (system.ready_generated) out["ready_generated"] = to_json(*system.ready_generated);
  if (system.launchers_per_aim_point_day_to_day) {
    out["launchers_per_aim_point_day_to_day"] = to_json(*system.launchers_per_aim_point_day_to_day);
  }
  if (system.launchers_per_aim_point_generated) {
    out["launchers_per_aim_point_generated"] = to_json(*system.launchers_per_aim_point_generated);
  }
  if (!system.bases.empty()) {
    json bases = json::array();
    for (const Base& b : system.bases) {
      bases.push_back(json{{"id", b.id},
                           {"name", b.name},
                           {"lat_deg", b.lat_deg},
                           {"lon_deg", b.lon_deg},
                           {"launchers", to_json(b.launchers)},
                           {"src", b.source_id}});
    }
    out["bases"] = std::move(bases);
  }
  if (!system.notes.empty()) out["notes"] = system.notes;
  return out;
}

json to_json(const ForceSnapshot& snapshot) {
  const Inventory& inv = snapshot.inventory;
  json inventory{{"warheads_deployed", to_json(inv.warheads_deployed)},
                 {"warheads_stored", to_json(inv.warheads_stored)},
                 {"nonstrategic_warheads", to_json(inv.nonstrategic_warheads)}};
  if (inv.warheads_retired) inventory["warheads_retired"] = to_json(*inv.warheads_retired);
  if (inv.warheads_retired_official) {
    inventory["warheads_retired_official"] = to_json(*inv.warheads_retired_official);
  }
  if (inv.strategic_warheads_stored) inventory["strategic_warheads_stored"] = to_json(*inv.strategic_warheads_stored);
  json systems = json::array();
  for (const System& s : snapshot.systems) systems.push_back(to_json(s));
  json sources = json::object();
  for (const auto& [id, source] : snapshot.sources) {
    json entry{{"title", source.title}, {"date", source.date}};
    if (!source.author.empty()) entry["author"] = source.author;
    if (!source.publisher.empty()) entry["publisher"] = source.publisher;
    if (!source.url.empty()) entry["url"] = source.url;
    sources[id] = entry;
  }
  return json{{"id", snapshot.id},
              {"side", snapshot.side},
              {"date", snapshot.date},
              {"title", snapshot.title},
              {"description", snapshot.description},
              {"inventory", inventory},
              {"w80", to_json(snapshot.w80)},
              {"systems", systems},
              {"sources", sources}};
}

json to_json(const DataAudit& audit) {
  json unsourced = json::array();
  for (const UnsourcedFigure& f : audit.unsourced_figures) {
    json entry = to_json(f.where);
    entry["missing"] = f.missing;
    unsourced.push_back(entry);
  }
  json errors = json::array();
  for (const Diagnostic& d : audit.load_errors) errors.push_back(to_json(d));
  return json{{"files_by_kind", audit.files_by_kind},
              {"snapshots", audit.snapshots},
              {"figures", audit.figures},
              {"unsourced", audit.unsourced},
              {"figures_by_grade", audit.figures_by_grade},
              {"unsourced_figures", unsourced},
              {"load_errors", errors},
              {"bibliography_files", audit.bibliography_files},
              {"sources", audit.sources}};
}

json to_json(const KillCalculation& calculation) {
  const KillInputs& in = calculation.inputs;
  return json{{"inputs", json{{"yield_kt", in.yield_kt},
                              {"hardness_psi", in.hardness_psi},
                              {"cep_m", in.cep_m},
                              {"reliability", in.reliability},
                              {"p_pen", in.p_pen},
                              {"warheads", in.warheads}}},
              {"lethal_radius_m", calculation.lethal_radius_m},
              {"sspk", calculation.sspk},
              {"kill_probability", calculation.kill_probability},
              {"warheads", in.warheads},
              {"kill_probability_n", calculation.kill_probability_n},
              {"lethality_k", calculation.lethality_k},
              {"equivalent_megatons", calculation.equivalent_megatons},
              {"approximate", calculation.approximate},
              {"approximation_note", calculation.approximate ? json(calculation.approximation_note) : json(nullptr)}};
}

namespace {

json side_json(const SideStability& s) {
  return json{{"c1", s.c1},
              {"c2", s.c2},
              {"ratio", s.ratio},
              {"ratio_unclipped", std::isfinite(s.ratio_unclipped) ? json(s.ratio_unclipped) : json(nullptr)}};
}

json optional_json(const std::optional<double>& v) {
  return v ? json(*v) : json(nullptr);
}

json strike_json(const std::string& striker, const std::string& victim, const FirstStrike& f,
                 const StrikeDetail& detail) {
  json by_target = json::array();
  for (const TargetSpend& t : detail.by_target) {
    by_target.push_back(json{{"target", t.target}, {"spent", t.spent}, {"destroyed", t.destroyed}});
  }
  return json{{"striker", striker},
              {"victim", victim},
              {"striker_warheads", f.striker_warheads},
              {"victim_warheads", f.victim_warheads},
              {"counterforce_spent", f.counterforce_spent},
              {"counterforce_by_target", by_target},
              {"victim_destroyed", f.victim_destroyed},
              {"victim_surviving", f.victim_surviving},
              {"retaliation_share", f.retaliation_share},
              {"retaliation_launched", f.retaliation_launched},
              {"retaliation_intercepted", f.retaliation_launched - f.retaliation_arriving},
              {"retaliation_arriving", f.retaliation_arriving},
              {"remaining_intercepted", f.remaining_intercepted},
              {"value_on_undefended", f.value_on_undefended},
              {"collateral_damage", f.collateral_damage},
              {"retaliation_on_undefended", f.retaliation_on_undefended},
              {"suppression_spent", f.suppression_spent},
              {"decapitation_spent", f.decapitation_spent},
              {"command_survival", f.command_survival},
              {"forward_spent", f.forward_spent},
              {"striker_remaining", f.striker_remaining},
              {"remaining_arriving", f.remaining_arriving},
              {"damage_to_striker", f.damage_to_striker},
              {"damage_to_victim", f.damage_to_victim},
              {"cost_striker", f.cost_striker},
              {"cost_victim", f.cost_victim},
              {"exchange_ratio", optional_json(detail.exchange_ratio)}};
}

json side_detail_json(const SideDetail& side) {
  json systems = json::array();
  for (const SystemInExchange& s : side.systems) {
    systems.push_back(json{{"id", s.id},
                           {"name", s.name},
                           {"basing", to_string(s.basing)},
                           {"launchers", s.launchers},
                           {"warheads", s.warheads},
                           {"ready_to_strike", s.ready_to_strike},
                           {"targetable_launchers", s.targetable},
                           {"reliability", s.reliability},
                           {"counterforce", s.counterforce}});
  }
  json needed = json::object();
  for (std::size_t i = 0; i < side.silo_kill.shares.size(); ++i) {
    needed[fmt::format("{:.0f}%", 100 * side.silo_kill.shares[i])] = optional_json(side.silo_kill.warheads_needed[i]);
  }
  return json{{"force", side.force},
              {"systems", systems},
              {"cmp", side.cmp},
              {"emt", side.emt},
              {"silo_kill", json{{"other_side_silo_warheads", side.silo_kill.silo_warheads},
                                 {"warheads_needed", needed},
                                 {"max_share", side.silo_kill.max_share}}}};
}

json three_sided_to_json(const Scenario& scenario, const ThreeSidedStability& t) {
  const auto id = [&](std::size_t i) -> const std::string& { return scenario.sides[i].id; };
  json sides = json::object();
  for (std::size_t i = 0; i < 3; ++i) {
    json split = json::object();
    json threat = json::object();
    for (std::size_t j = 0; j < 3; ++j) {
      if (j == i) continue;
      split[id(j)] = t.split[i][j];
      threat[id(j)] = t.threat[i][j];
    }
    sides[id(i)] = json{{"warheads", t.warheads[i]},
                        {"split", split},
                        {"split_rule", to_string(scenario.sides[i].split.rule)},
                        {"threat_after_exchange", threat}};
  }
  json pairs = json::array();
  json ordered = json::array();
  for (const PairExchange& pair : t.pairs) {
    const StabilityResult& r = pair.exchange;
    const std::string& x = id(pair.first);
    const std::string& y = id(pair.second);
    // One strike as `assess` gives it, with the third side's terms of its two costs.
    const auto strike = [](const std::string& striker, const std::string& victim, const FirstStrike& f) {
      json j = strike_json(striker, victim, f, StrikeDetail{});
      j["third_side_cost_striker"] = f.third_side_cost_striker;
      j["third_side_cost_victim"] = f.third_side_cost_victim;
      return j;
    };
    pairs.push_back(json{{"sides", json::array({x, y})},
                         {"third", id(pair.third)},
                         {"index", r.index},
                         {"ratios", json{{x, side_json(r.a)}, {y, side_json(r.b)}}},
                         {"exchanges", json::array({strike(x, y, r.a_strikes_b), strike(y, x, r.b_strikes_a)})}});
    ordered.push_back(json{{"striker", x}, {"victim", y}, {"c1", r.a.c1}, {"c2", r.a.c2}, {"ratio", r.a.ratio}});
    ordered.push_back(json{{"striker", y}, {"victim", x}, {"c1", r.b.c1}, {"c2", r.b.c2}, {"ratio", r.b.ratio}});
  }
  const PairExchange& least = t.pairs[t.least_pair];
  return json{{"system_index", t.system_index},
              {"least_pair", json::array({id(least.first), id(least.second)})},
              {"third_side_weight", scenario.parameters.third_side_weight},
              {"sides", sides},
              {"pairs", pairs},
              {"ordered_pairs", ordered}};
}

}  // namespace

json assessment_to_json(const Scenario& scenario, const Assessment& assessment) {
  const StabilityResult& result = assessment.result;
  if (result.three_sided) {
    // Three sides (docs/methods.md §13.5): the measure, and for real sides the posture cases and
    // what moved the system index.
    json out{{"scenario", json{{"name", scenario.name},
                               {"form", scenario.is_real() ? "real" : "abstract"},
                               {"sides", scenario.sides.size()}}},
             {"stability", json{{"index", result.index}}},
             {"three_sided", three_sided_to_json(scenario, *result.three_sided)}};
    if (!assessment.postures.empty()) {
      json postures = json::array();
      for (const PostureRow& row : assessment.postures) {
        postures.push_back(json{{"posture", to_string(row.posture)}, {"index", row.result.index}});
      }
      out["postures"] = postures;
    }
    json moved = json::array();
    for (const Attribution& at : assessment.attributions) {
      moved.push_back(json{{"without", at.feature}, {"index", at.index_without}});
    }
    out["what_moved_it"] = moved;
    return out;
  }
  const std::string& a = scenario.sides[0].id;
  const std::string& b = scenario.sides[1].id;
  const StabilityParameters& p = scenario.parameters;
  json out{
      {"scenario", json{{"name", scenario.name}, {"form", scenario.is_real() ? "real" : "abstract"}}},
      {"options", json{{"launch_under_attack", p.launch_under_attack},
                       {"lua_share", p.lua_share},
                       {"lua_share_mobile", p.lua_share_mobile},
                       {"lua_share_ssbn", p.lua_share_ssbn},
                       {"lua_legs", p.lua_silos_only ? "silos" : "all"},
                       {"targets", p.aim_points ? "aim_points" : "launchers"},
                       {"max_warheads_per_target", p.max_warheads_per_target},
                       {"cost_exponent", p.cost_exponent},
                       {"surcharge", p.surcharge},
                       {"striker_availability", p.striker_availability},
                       {"stop_tolerance", p.stop_tolerance},
                       {"posture", to_string(scenario.posture)},
                       {"draw_down", to_string(p.draw_down)},
                       {"striker_readiness", to_string(p.striker_readiness)},
                       {"warning", p.warning},
                       {"defence_in_planning", p.defence_in_planning},
                       {"decapitation", p.decapitation == DecapitationRule::kOptimised ? "optimised" : "fixed_share"}}},
      {"stability", json{{"index", result.index}, {"sides", json{{a, side_json(result.a)}, {b, side_json(result.b)}}}}},
      {"exchanges", json::array({strike_json(a, b, result.a_strikes_b, assessment.strikes[0]),
                                 strike_json(b, a, result.b_strikes_a, assessment.strikes[1])})},
  };
  if (scenario.comply && scenario.regime) {
    // `compliance`: the regime, the mix objective, and per side the rule's changes and counts
    // (treaty comply --json's shape) and the mix's changes; `rule_only` the exchange before the mix.
    json sides = json::object();
    for (const ScenarioSide& side : scenario.sides) {
      if (!side.compliance) continue;
      json entry = to_json(*side.compliance);
      json mix = json::array();
      for (const ComplianceChange& c : side.mix_changes) {
        mix.push_back(json{{"action", to_string(c.action)},
                           {"system", c.system_id},
                           {"amount", c.amount},
                           {"before", c.before},
                           {"after", c.after}});
      }
      entry["mix_changes"] = mix;
      sides[side.id] = entry;
    }
    json compliance{{"treaty", scenario.regime->id}, {"mix", to_string(scenario.mix)}, {"sides", sides}};
    if (scenario.mix_outcome) {
      const StabilityResult& r = scenario.mix_outcome->rule_only;
      compliance["rule_only"] =
          json{{"index", r.index},
               {"sides", json{{a, side_json(r.a)}, {b, side_json(r.b)}}},
               {"surviving", json{{a, r.b_strikes_a.victim_surviving}, {b, r.a_strikes_b.victim_surviving}}},
               {"evaluations", scenario.mix_outcome->evaluations}};
    }
    out["compliance"] = compliance;
  }
  if (scenario.is_real()) {
    out["sides"] = json{{a, side_detail_json(assessment.sides[0])}, {b, side_detail_json(assessment.sides[1])}};
    // Each side's damage curve (docs/methods.md §7): its form, the w80 in use, and the derived one.
    for (const ScenarioSide& side : scenario.sides) {
      if (!side.forces) continue;
      json damage{{"form", side.damage_curve_given ? "scenario"
                           : side.damage_curve     ? "cities"
                                                   : "exponential"},
                  {"w80", side.damage_curve ? side.damage_curve->w80() : side.forces->w80.value},
                  {"w80_snapshot", side.snapshot_w80 ? side.snapshot_w80->value : side.forces->w80.value}};
      if (side.derived_w80) {
        damage["w80_derived"] = json{{"value", side.derived_w80->value},
                                     {"low", side.derived_w80->low},
                                     {"high", side.derived_w80->high},
                                     {"lethal_area_km2", side.derived_w80->lethal_area_km2},
                                     {"equivalent_yield_kt", side.derived_w80->mean_yield_kt},
                                     {"cities", side.cities ? "cities/" + side.cities->side + ".yaml" : std::string()}};
      }
      out["sides"][side.id]["damage"] = damage;
    }
    json postures = json::array();
    for (const PostureRow& row : assessment.postures) {
      postures.push_back(json{{"posture", to_string(row.posture)},
                              {"index", row.result.index},
                              {"sides", json{{a, side_json(row.result.a)}, {b, side_json(row.result.b)}}}});
    }
    out["postures"] = postures;
    json attributions = json::array();
    for (const Attribution& at : assessment.attributions) {
      attributions.push_back(json{{"without", at.feature},
                                  {"index", at.index_without},
                                  {"sides", json{{a, side_json(at.without.a)}, {b, side_json(at.without.b)}}}});
    }
    out["what_moved_it"] = attributions;
    json defences = json::object();
    for (std::size_t i = 0; i < 2; ++i) {
      const ScenarioSide& side = scenario.sides[i];
      if (!side.defence) continue;
      const DefenceOffence& offence = assessment.defence_offence[i];
      json layers = json::array();
      for (const DefenceLayerRow& l : assessment.defence_layers[i]) {
        layers.push_back(json{{"name", l.name},
                              {"kill_probability", l.kill_probability},
                              {"interceptors_per_object", l.interceptors_per_object},
                              {"on_value", l.on_value},
                              {"engages", l.engages},
                              {"on_silos", l.on_silos},
                              {"absentee_ratio", l.absentee_ratio},
                              {"aims_at", l.engages_boosters ? "boosters" : "warheads"},
                              {"footprint", l.footprint}});
      }
      defences[side.id] = json{{"interceptors", side.defence->interceptors},
                               {"layers", std::move(layers)},
                               {"attacker_warheads_per_booster", offence.warheads_per_booster},
                               {"adaptive_offence", to_string(side.defence->adaptive_offence)},
                               {"concentrate_on_undefended", side.defence->concentrate_on_undefended},
                               {"decoys_given", offence.decoys_given},
                               {"decoys_faced", offence.decoys_faced},
                               {"offence_added_decoys", offence.decoys_faced != offence.decoys_given}};
    }
    if (!defences.empty()) out["defences"] = std::move(defences);
    json warning = json::array();
    for (std::size_t i = 0; i < 2; ++i) {
      const WarningOutcome& w = assessment.environment[i].warning;
      warning.push_back(json{{"striker", scenario.sides[i].id},
                             {"victim", scenario.sides[1 - i].id},
                             {"silo_flight_minutes", optional_json(w.silo_flight_minutes)},
                             {"bomber_flight_minutes", optional_json(w.bomber_flight_minutes)},
                             {"mobile_flight_minutes", optional_json(w.mobile_flight_minutes)},
                             {"ssbn_flight_minutes", optional_json(w.ssbn_flight_minutes)},
                             {"launch_under_attack_probability", w.launch_probability},
                             {"mobile_launch_probability", w.mobile_launch_probability},
                             {"ssbn_launch_probability", w.ssbn_launch_probability},
                             {"bomber_escape", w.bomber_escape}});
    }
    out["warning"] = warning;
    json forward = json::array();
    for (std::size_t i = 0; i < 2; ++i) {
      const ScenarioSide& side = scenario.sides[i];
      const std::vector<std::vector<BaseReach>>& reach = assessment.forward_reach[i];
      for (std::size_t k = 0; k < side.forward.size(); ++k) {
        const ForwardDeployment& f = side.forward[k];
        json entry{{"side", side.id},
                   {"system", f.system},
                   {"location", f.location},
                   {"flight_minutes", f.flight_minutes},
                   {"reaches", f.reaches},
                   {"reaches_value", f.reaches_value},
                   {"launch_point", f.launch_point ? json{{"name", f.launch_point_name},
                                                          {"lat_deg", f.launch_point->lat_deg},
                                                          {"lon_deg", f.launch_point->lon_deg},
                                                          {"source", f.launch_point_source}}
                                                   : json(nullptr)}};
        json bases = json::array();
        for (const BaseReach& base : k < reach.size() ? reach[k] : std::vector<BaseReach>{}) {
          bases.push_back(json{{"system", base.system},
                               {"base", base.base},
                               {"distance_km", base.distance_km},
                               {"launchers", base.launchers},
                               {"reached", base.reached}});
        }
        entry["bases"] = std::move(bases);
        forward.push_back(std::move(entry));
      }
    }
    if (!forward.empty()) out["forward"] = std::move(forward);
    out["greedy_check"] = json{{"index", optional_json(assessment.greedy_index)},
                               {"shortfall", json{{a, optional_json(assessment.greedy_shortfall[0])},
                                                  {b, optional_json(assessment.greedy_shortfall[1])}}}};
  }
  return out;
}

json strike_curves_to_json(const Scenario& scenario, const Assessment& assessment,
                           const std::array<StrikeCurve, 2>& curves) {
  json out = json::array();
  const std::array<const FirstStrike*, 2> strikes{&assessment.result.a_strikes_b, &assessment.result.b_strikes_a};
  for (std::size_t k = 0; k < 2; ++k) {
    const StrikeCurve& c = curves[k];
    out.push_back(json{{"striker", scenario.sides[k].id},
                       {"victim", scenario.sides[1 - k].id},
                       {"s_star", strikes[k]->counterforce_spent},
                       {"c_a_at_s_star", strikes[k]->cost_striker},
                       {"s", c.s},
                       {"value_left", c.value_left},
                       {"victim_surviving", c.victim_surviving},
                       {"retaliation_arriving", c.retaliation_arriving},
                       {"c_a", c.cost_striker},
                       {"c_b", c.cost_victim}});
  }
  return out;
}

json comparison_to_json(const std::vector<ComparisonColumn>& columns) {
  json out = json::array();
  for (const ComparisonColumn& c : columns) {
    json sides = json::object();
    for (const ComparedSide& side : c.sides) {
      json limits = json::object();
      json violations = json::array();
      bool compliant = true;
      if (side.treaty) {
        for (const LimitCount& l : side.treaty->limits) {
          limits[l.id] = json{{"count", l.count}, {"limit", l.limit}, {"compliant", l.compliant}};
        }
        compliant = side.treaty->compliant;
        for (const std::string& v : side.treaty->violations) violations.push_back(v);
      }
      sides[side.id] =
          json{{"force", side.force},
               {"warheads_by_leg", side.warheads_by_leg},
               {"warheads_total", side.warheads_total},
               {"withheld", side.withheld},
               {"split", side.split.empty() ? json(nullptr) : json(side.split)},
               {"treaty", side.treaty ? json{{"limits", limits}, {"compliant", compliant}, {"violations", violations}}
                                      : json(nullptr)},
               {"c1", side.stability ? json(side.stability->c1) : json(nullptr)},
               {"c2", side.stability ? json(side.stability->c2) : json(nullptr)},
               {"ratio", side.stability ? json(side.stability->ratio) : json(nullptr)},
               {"exchange_ratio", optional_json(side.exchange_ratio)},
               {"warheads_for_half_of_other_silos", optional_json(side.silo_50)}};
    }
    out.push_back(json{{"scenario", c.scenario}, {"treaty", c.treaty_id}, {"index", c.index}, {"sides", sides}});
    if (!c.pair_indices.empty()) {
      json pairs = json::object();
      for (const auto& [label, index] : c.pair_indices) pairs[label] = index;
      out.back()["pair_indices"] = pairs;
    }
  }
  return out;
}

}  // namespace stratstab

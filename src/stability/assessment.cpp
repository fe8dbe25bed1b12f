// The figures `stratstab assess` reports (assessment.hpp). The index itself comes from
// evaluate_scenario; everything else here is bookkeeping around it.
#include "stratstab/assessment.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

#include <fmt/format.h>

#include "stratstab/prepare.hpp"
#include "stratstab/weapon_effects.hpp"

namespace stratstab {
namespace {

SideDetail side_detail(const ScenarioSide& side, const ForceSnapshot& other, const Scenario& scenario) {
  SideDetail d;
  d.id = side.id;
  const ForceSnapshot& forces = *side.forces;
  d.force = forces.id;
  const Posture as_striker = striker_posture(scenario.posture);
  const Posture as_victim = victim_posture(scenario.posture);
  std::vector<WeaponGroup> groups;
  for (const System& system : forces.systems) {
    if (!in_central_exchange(system)) continue;
    SystemInExchange s;
    s.id = system.id;
    s.name = system.name;
    s.basing = system.basing;
    s.launchers = system.launchers_deployed.value;
    s.warheads = system.warheads_loaded();
    s.ready_to_strike = s.warheads * striker_readiness(system, as_striker, scenario.parameters);
    s.targetable = s.launchers * (1.0 - system.untargetable_share(as_victim));
    s.reliability = system.reliability.value;
    s.counterforce = counterforce_capable(system);
    d.systems.push_back(s);
    for (const WarheadType& type : system.warheads) {
      if (type.share.value > 0.0 && type.yield_kt.value > 0.0) {
        groups.push_back(WeaponGroup{s.warheads * type.share.value, type.yield_kt.value, system.cep_m.value});
      }
    }
  }
  d.cmp = counter_military_potential(groups);
  d.emt = equivalent_megatonnage(groups);
  d.silo_kill = silo_kill_metrics(forces, as_striker, other, scenario.parameters);
  return d;
}

/// Exchange ratio at s*, and (real sides: `problem` given) where the counterforce warheads went.
StrikeDetail strike_detail(const FirstStrike& strike, const CounterforceProblem* problem, DrawDownMethod method) {
  StrikeDetail d;
  if (strike.counterforce_spent > 0.0) d.exchange_ratio = strike.victim_destroyed / strike.counterforce_spent;
  if (problem == nullptr) return d;
  const CounterforceAllocation a = allocation(*problem, strike.counterforce_spent, method);
  for (std::size_t t = 0; t < problem->targets.size(); ++t) {
    d.by_target.push_back(TargetSpend{problem->targets[t].label, a.spent_by_target[t], a.destroyed_by_target[t]});
  }
  return d;
}

/// How far the greedy K(s) falls short of the exact one at s, relative to the exact.
double greedy_shortfall(const CounterforceProblem& problem, double s) {
  const double exact = exact_draw_down(problem).kills(s);
  const double greedy = greedy_draw_down(problem).kills(s);
  return exact > 0.0 ? (exact - greedy) / exact : 0.0;
}

/// A three-sided scenario (docs/methods.md §13.5): the measure, and for real sides the system index
/// in each posture case and with each side's missile defence off in turn (each a whole
/// three-sided evaluation, so that the third side's position is in every row).
Assessment assess_three_sided(const Scenario& scenario) {
  Assessment out;
  out.result = evaluate_scenario(scenario);
  out.sides[0].id = scenario.sides[0].id;
  out.sides[1].id = scenario.sides[1].id;
  if (!scenario.is_real()) return out;
  for (PostureCase c : {PostureCase::kDayToDay, PostureCase::kGenerated, PostureCase::kStrikerGenerated}) {
    if (c == scenario.posture) {
      out.postures.push_back(PostureRow{c, out.result});
      continue;
    }
    Scenario changed = scenario;
    changed.posture = c;
    out.postures.push_back(PostureRow{c, evaluate_scenario(changed)});
  }
  for (std::size_t i = 0; i < scenario.sides.size(); ++i) {
    const ScenarioSide& side = scenario.sides[i];
    if (!side.defence || side.defence->interceptors <= 0.0) continue;
    Scenario changed = scenario;
    changed.sides[i].defence.reset();
    Attribution attribution;
    attribution.feature = side.id + " missile defence";
    attribution.without = evaluate_scenario(changed);
    attribution.index_without = attribution.without.index;
    out.attributions.push_back(std::move(attribution));
  }
  return out;
}

}  // namespace

Assessment assess_scenario(const Scenario& scenario) {
  require_prepared(scenario);
  if (scenario.is_three_sided()) return assess_three_sided(scenario);
  Assessment out;
  out.result = evaluate_scenario(scenario);
  // Each defence's layers as `assess` shows them (interceptors by coverage, what each engages).
  for (std::size_t i = 0; i < 2; ++i) {
    if (!scenario.sides[i].defence) continue;
    const MissileDefence& d = *scenario.sides[i].defence;
    const ScenarioSide& attacker = scenario.sides[1 - i];
    const double m = attacker.forces ? mean_warheads_per_booster(*attacker.forces) : 1.0;
    out.defence_offence[i] = DefenceOffence{m, d.decoys_per_warhead, offence_decoys_per_warhead(d)};
    const std::vector<double> value = layer_interceptors(d, false, 1.0);
    const std::vector<double> silos = layer_interceptors(d, true, 1.0);
    for (std::size_t l = 0; l < d.layers.size(); ++l) {
      const DefenceLayer& layer = d.layers[l];
      out.defence_layers[i].push_back(DefenceLayerRow{layer.name, layer_kill_probability(layer),
                                                      interceptors_per_object(layer), value[l],
                                                      layer_capacity(d, layer, value[l], m), silos[l],
                                                      layer.absentee_ratio, layer.engages_boosters, layer.footprint});
    }
  }
  out.sides[0].id = scenario.sides[0].id;
  out.sides[1].id = scenario.sides[1].id;
  const DrawDownMethod method = scenario.parameters.draw_down;
  if (!scenario.is_real()) {
    out.strikes[0] = strike_detail(out.result.a_strikes_b, nullptr, method);
    out.strikes[1] = strike_detail(out.result.b_strikes_a, nullptr, method);
    return out;
  }
  const ForceSnapshot* a = &*scenario.sides[0].forces;
  const ForceSnapshot* b = &*scenario.sides[1].forces;
  const SideOptions oa = side_options(scenario.sides[0]);
  const SideOptions ob = side_options(scenario.sides[1]);
  // Each direction's counterforce problem, built once for the allocation and the greedy check.
  const Posture striker = striker_posture(scenario.posture);
  const Posture victim = victim_posture(scenario.posture);
  const CounterforceProblem a_on_b = counterforce_problem(*a, striker, *b, victim, scenario.parameters, oa, ob);
  const CounterforceProblem b_on_a = counterforce_problem(*b, striker, *a, victim, scenario.parameters, ob, oa);
  out.strikes[0] = strike_detail(out.result.a_strikes_b, &a_on_b, method);
  out.strikes[1] = strike_detail(out.result.b_strikes_a, &b_on_a, method);

  out.sides[0] = side_detail(scenario.sides[0], *b, scenario);
  out.sides[1] = side_detail(scenario.sides[1], *a, scenario);
  for (PostureCase c : {PostureCase::kDayToDay, PostureCase::kGenerated, PostureCase::kStrikerGenerated}) {
    out.postures.push_back(
        PostureRow{c, c == scenario.posture ? out.result : evaluate_real(*a, *b, c, scenario.parameters, oa, ob)});
  }
  // What moved the index: each feature of docs/methods.md §12 (defences, command, warning, forward
  // systems) off in turn.
  // `forces_a`, `forces_b`: the snapshots to evaluate, the scenario's unless a row changes them.
  const auto attribute = [&](std::string feature, const StabilityParameters& parameters, const SideOptions& xa,
                             const SideOptions& xb, const ForceSnapshot* forces_a = nullptr,
                             const ForceSnapshot* forces_b = nullptr) {
    Attribution attribution;
    attribution.feature = std::move(feature);
    attribution.without = evaluate_real(forces_a != nullptr ? *forces_a : *a, forces_b != nullptr ? *forces_b : *b,
                                        scenario.posture, parameters, xa, xb);
    attribution.index_without = attribution.without.index;
    out.attributions.push_back(std::move(attribution));
  };
  for (std::size_t i = 0; i < 2; ++i) {
    const ScenarioSide& side = scenario.sides[i];
    const auto switched = [&](auto change) {
      SideOptions xa = oa;
      SideOptions xb = ob;
      change(i == 0 ? xa : xb);
      return std::pair{xa, xb};
    };
    if (side.defence && side.defence->interceptors > 0.0) {
      auto [xa, xb] = switched([](SideOptions& o) { o.defence = nullptr; });
      attribute(side.id + " missile defence", scenario.parameters, xa, xb);
      // docs/methods.md §12.1: each realism of the defence switched to the old assumption in turn.
      const MissileDefence& d = *side.defence;
      const auto without = [&](std::string feature, auto change) {
        MissileDefence changed = d;
        for (DefenceLayer& layer : changed.layers) change(changed, layer);
        auto [ya, yb] = switched([&](SideOptions& o) { o.defence = &changed; });
        attribute(side.id + " " + std::move(feature), scenario.parameters, ya, yb);
      };
      const auto any_layer = [&](auto test) { return std::any_of(d.layers.begin(), d.layers.end(), test); };
      if (any_layer([](const DefenceLayer& l) { return l.absentee_ratio > 1.0; }))
        without("absentee ratio (all interceptors in reach instead)",
                [](MissileDefence&, DefenceLayer& l) { l.absentee_ratio = 1.0; });
      if (any_layer([](const DefenceLayer& l) { return l.engages_boosters; }))
        without("boost-phase kills per booster (per warhead instead)",
                [](MissileDefence&, DefenceLayer& l) { l.engages_boosters = false; });
      if (any_layer([](const DefenceLayer& l) { return l.footprint < 1.0; }))
        without("defence footprints (whole country instead)",
                [](MissileDefence&, DefenceLayer& l) { l.footprint = 1.0; });
      if (d.concentrate_on_undefended && any_layer([](const DefenceLayer& l) { return l.footprint < 1.0; }))
        without("concentration on undefended value (warheads spread evenly instead)",
                [](MissileDefence& c, DefenceLayer&) { c.concentrate_on_undefended = false; });
      if (offence_decoys_per_warhead(d) != d.decoys_per_warhead)
        without("adaptive offence (the scenario's decoys instead)",
                [](MissileDefence& c, DefenceLayer&) { c.adaptive_offence = AdaptiveOffence::kNone; });
    }
    // Command and control of this side as a victim (docs/methods.md §12.4).
    const CommandAndControl none;
    const CommandAndControl& command = i == 0 ? oa.command : ob.command;
    const bool routes = command.perimeter > 0.0 || !side.devolution.empty();
    if (command.survival != none.survival || command.survival_generated || routes) {
      if (command.perimeter > 0.0) {
        auto [xa, xb] = switched([&](SideOptions& o) { o.command.perimeter = 0.0; });
        attribute(side.id + " Perimeter (automatic retaliation)", scenario.parameters, xa, xb);
      }
      for (std::size_t r = 0; r < side.devolution.size(); ++r) {
        std::vector<DevolutionRoute> without = side.devolution;
        without[r].reliability = 0.0;
        auto [xa, xb] = switched([&](SideOptions& o) { o.command.devolution = without; });
        attribute(side.id + " devolution route " + side.devolution[r].name, scenario.parameters, xa, xb);
      }
      if (routes && side.devolution.size() + (command.perimeter > 0.0 ? 1 : 0) > 1) {
        auto [xa, xb] = switched([&](SideOptions& o) {
          o.command.perimeter = 0.0;
          o.command.devolution = {};
        });
        attribute(side.id + " all devolution routes", scenario.parameters, xa, xb);
      }
      const bool by_posture = command.survival_generated || command.nodes_generated ||
                              std::any_of(side.devolution.begin(), side.devolution.end(),
                                          [](const DevolutionRoute& r) { return r.survival_generated.has_value(); });
      std::vector<DevolutionRoute> day_to_day = side.devolution;
      for (DevolutionRoute& r : day_to_day) r.survival_generated.reset();
      if (by_posture && victim_posture(scenario.posture) == Posture::kGenerated) {
        auto [xa, xb] = switched([&](SideOptions& o) {
          o.command.survival_generated.reset();
          o.command.nodes_generated.reset();
          o.command.devolution = day_to_day;
        });
        attribute(side.id + " command by posture (day-to-day values when generated)", scenario.parameters, xa, xb);
      }
      auto [ya, yb] = switched([&](SideOptions& o) {
        o.command = none;
        o.command.node_kill_probability = 0.0;  // immune to decapitation as well
      });
      attribute(side.id + " command vulnerability (survival < 1, devolution)", scenario.parameters, ya, yb);
    }
    // This side's decapitation strike on the other: off (the other's command not aimed at).
    const ScenarioSide& other = scenario.sides[1 - i];
    if (scenario.parameters.decapitation == DecapitationRule::kFixedShare && side.decapitation_share > 0.0) {
      auto [xa, xb] = switched([](SideOptions& o) { o.decapitation_share = 0.0; });
      attribute(side.id + " decapitation strike", scenario.parameters, xa, xb);
    }
    if (scenario.parameters.decapitation == DecapitationRule::kOptimised && other.command.described) {
      SideOptions xa = oa;
      SideOptions xb = ob;
      (i == 0 ? xb : xa).command.described = false;
      const FirstStrike& chosen = i == 0 ? out.result.a_strikes_b : out.result.b_strikes_a;
      attribute(fmt::format("{} decapitation strike (optimised: {:g} warheads)", side.id, chosen.decapitation_spent),
                scenario.parameters, xa, xb);
    }
    if (!side.forward.empty()) {
      auto [xa, xb] = switched([](SideOptions& o) { o.forward = {}; });
      attribute(side.id + " forward-based systems", scenario.parameters, xa, xb);
    }
  }
  {
    // The striker's readiness rule (docs/methods.md §6): the index under the other rule.
    StabilityParameters other = scenario.parameters;
    const bool kent_thaler = other.striker_readiness == StrikerReadiness::kKentThaler;
    other.striker_readiness = kent_thaler ? StrikerReadiness::kNoNotice : StrikerReadiness::kKentThaler;
    attribute(kent_thaler ? "Kent-Thaler striker readiness (no_notice instead)"
                          : "no-notice striker readiness (kent_thaler instead)",
              other, oa, ob);
  }
  if (scenario.parameters.decapitation == DecapitationRule::kOptimised &&
      (scenario.sides[0].command.described || scenario.sides[1].command.described)) {
    StabilityParameters fixed = scenario.parameters;
    fixed.decapitation = DecapitationRule::kFixedShare;
    attribute("decapitation rule (fixed decapitation_share instead of optimised)", fixed, oa, ob);
  }
  // The damage curve (docs/methods.md §7): the exponential instead of the city table, and the
  // snapshots' ASSUMED w80s instead of the derived ones.
  if (oa.damage != nullptr || ob.damage != nullptr) {
    SideOptions xa = oa;
    SideOptions xb = ob;
    xa.damage = nullptr;
    xb.damage = nullptr;
    attribute("tabulated damage curve (exponential with w80 instead)", scenario.parameters, xa, xb);
  }
  const ScenarioSide& sa = scenario.sides[0];
  const ScenarioSide& sb = scenario.sides[1];
  if (scenario.parameters.w80_derived && sa.snapshot_w80 && sb.snapshot_w80 &&
      (sa.snapshot_w80->value != a->w80.value || sb.snapshot_w80->value != b->w80.value)) {
    ForceSnapshot a_snapshot = *a;
    ForceSnapshot b_snapshot = *b;
    a_snapshot.w80 = *sa.snapshot_w80;
    b_snapshot.w80 = *sb.snapshot_w80;
    SideOptions xa = oa;
    SideOptions xb = ob;
    xa.damage = nullptr;
    xb.damage = nullptr;
    attribute("derived w80 (the snapshots' ASSUMED w80 instead)", scenario.parameters, xa, xb, &a_snapshot,
              &b_snapshot);
  }
  if (scenario.parameters.warning) {
    StabilityParameters fixed = scenario.parameters;
    fixed.warning = false;
    attribute(scenario.parameters.launch_under_attack ? "warning model (fixed launch-under-attack share instead)"
                                                      : "warning model (alert bombers always escape instead)",
              fixed, oa, ob);
  }
  const Posture victim_case = victim_posture(scenario.posture);
  const auto holds = [&](const ForceSnapshot& forces, auto test) {
    return std::any_of(forces.systems.begin(), forces.systems.end(), test);
  };
  const auto aggregated = [&](const System& s) {
    return in_central_exchange(s) && s.launchers_per_aim_point(victim_case) != 1.0;
  };
  if (scenario.parameters.aim_points && (holds(*a, aggregated) || holds(*b, aggregated))) {
    StabilityParameters launchers = scenario.parameters;
    launchers.aim_points = false;
    attribute("aim points (each launcher a target instead)", launchers, oa, ob);
  }
  if (scenario.parameters.collateral_cities && (oa.cities != nullptr || ob.cities != nullptr)) {
    StabilityParameters clean = scenario.parameters;
    clean.collateral_cities = false;
    attribute("collateral of counterforce near cities (none instead)", clean, oa, ob);
  }
  const auto other_leg = [](const System& s) {
    return in_central_exchange(s) && (s.basing == Basing::kMobile || s.basing == Basing::kSsbn);
  };
  const StabilityParameters& sp = scenario.parameters;
  if (sp.launch_under_attack && !sp.lua_silos_only && (sp.lua_share_mobile > 0.0 || sp.lua_share_ssbn > 0.0) &&
      (holds(*a, other_leg) || holds(*b, other_leg))) {
    StabilityParameters silos = sp;
    silos.lua_silos_only = true;
    attribute("LUA by mobiles and SSBNs in port (silos only instead)", silos, oa, ob);
  }
  for (std::size_t i = 0; i < 2; ++i) {
    const SideOptions& striker_options = i == 0 ? oa : ob;
    const SideOptions& victim_options = i == 0 ? ob : oa;
    const ForceSnapshot& striker_forces = i == 0 ? *a : *b;
    const ForceSnapshot& victim_forces = i == 0 ? *b : *a;
    StrikeEnvironment& env = out.environment[i];
    env.warning = warning_outcome(striker_forces, victim_forces, scenario.parameters, striker_options, victim_options);
  }
  for (std::size_t i = 0; i < 2; ++i) {
    const ScenarioSide& side = scenario.sides[i];
    const ForceSnapshot& other = *scenario.sides[1 - i].forces;
    for (const ForwardDeployment& f : side.forward) {
      const System* system = side.forces->find_system(f.system);
      out.forward_reach[i].push_back(system != nullptr ? base_reach(f, *system, other) : std::vector<BaseReach>{});
    }
  }

  if (method == DrawDownMethod::kExact) {
    StabilityParameters greedy = scenario.parameters;
    greedy.draw_down = DrawDownMethod::kGreedy;
    out.greedy_index = evaluate_real(*a, *b, scenario.posture, greedy, oa, ob).index;
    out.greedy_shortfall[0] = greedy_shortfall(a_on_b, out.result.a_strikes_b.counterforce_spent);
    out.greedy_shortfall[1] = greedy_shortfall(b_on_a, out.result.b_strikes_a.counterforce_spent);
  }
  return out;
}

}  // namespace stratstab

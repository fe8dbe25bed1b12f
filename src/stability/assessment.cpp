// The figures `stratstab assess` reports (assessment.hpp). The index itself comes from
// evaluate_scenario; everything else here is bookkeeping around it.
#include "stratstab/assessment.hpp"

#include <cmath>

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

}  // namespace

Assessment assess_scenario(const Scenario& scenario) {
  require_prepared(scenario);
  Assessment out;
  out.result = evaluate_scenario(scenario);
  // Each defence's layers as `assess` shows them (interceptors by coverage, what each engages).
  for (std::size_t i = 0; i < 2; ++i) {
    if (!scenario.sides[i].defence) continue;
    const MissileDefence& d = *scenario.sides[i].defence;
    const std::vector<double> value = layer_interceptors(d, false, 1.0);
    const std::vector<double> silos = layer_interceptors(d, true, 1.0);
    for (std::size_t l = 0; l < d.layers.size(); ++l) {
      const DefenceLayer& layer = d.layers[l];
      out.defence_layers[i].push_back(DefenceLayerRow{layer.name, layer_kill_probability(layer),
                                                      interceptors_per_object(layer), value[l],
                                                      layer_capacity(d, layer, value[l]), silos[l]});
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
  const auto attribute = [&](std::string feature, const StabilityParameters& parameters, const SideOptions& xa,
                             const SideOptions& xb) {
    Attribution attribution;
    attribution.feature = std::move(feature);
    attribution.without = evaluate_real(*a, *b, scenario.posture, parameters, xa, xb);
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
    }
    const CommandAndControl none;
    if (side.command.survival != none.survival || side.command.perimeter != none.perimeter) {
      auto [xa, xb] = switched([&](SideOptions& o) { o.command.perimeter = 0.0; });
      if (side.command.perimeter > 0.0)
        attribute(side.id + " Perimeter (automatic retaliation)", scenario.parameters, xa, xb);
      auto [ya, yb] = switched([&](SideOptions& o) {
        o.command = none;
        o.command.node_kill_probability = 0.0;  // immune to decapitation as well
      });
      attribute(side.id + " command vulnerability (survival < 1, Perimeter)", scenario.parameters, ya, yb);
    }
    if (side.decapitation_share > 0.0) {
      auto [xa, xb] = switched([](SideOptions& o) { o.decapitation_share = 0.0; });
      attribute(side.id + " decapitation strike", scenario.parameters, xa, xb);
    }
    if (!side.forward.empty()) {
      auto [xa, xb] = switched([](SideOptions& o) { o.forward = {}; });
      attribute(side.id + " forward-based systems", scenario.parameters, xa, xb);
    }
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
    Attribution attribution;
    attribution.feature = "derived w80 (the snapshots' ASSUMED w80 instead)";
    attribution.without = evaluate_real(a_snapshot, b_snapshot, scenario.posture, scenario.parameters, xa, xb);
    attribution.index_without = attribution.without.index;
    out.attributions.push_back(std::move(attribution));
  }
  if (scenario.parameters.warning) {
    StabilityParameters fixed = scenario.parameters;
    fixed.warning = false;
    attribute(scenario.parameters.launch_under_attack ? "warning model (fixed launch-under-attack share instead)"
                                                      : "warning model (alert bombers always escape instead)",
              fixed, oa, ob);
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

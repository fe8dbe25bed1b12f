// Real forces compiled into the Kent–Thaler strike (docs/methods.md §5–7). See exchange.hpp for the
// rules and the assumptions they carry; docs/methods.md §6 explains them with sources.
#include <algorithm>
#include <cmath>
#include <memory>
#include <optional>
#include <span>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "stratstab/collateral.hpp"
#include "stratstab/exchange.hpp"
#include "stratstab/forward_reach.hpp"
#include "stratstab/weapon_effects.hpp"

namespace stratstab {

std::string_view to_string(PostureCase posture_case) {
  switch (posture_case) {
    case PostureCase::kDayToDay: return "day_to_day";
    case PostureCase::kGenerated: return "generated";
    case PostureCase::kStrikerGenerated: return "striker_generated";
    case PostureCase::kVictimGenerated: return "victim_generated";
  }
  return "day_to_day";
}

std::optional<PostureCase> posture_case_from_string(std::string_view text) {
  for (PostureCase c : {PostureCase::kDayToDay, PostureCase::kGenerated, PostureCase::kStrikerGenerated,
                        PostureCase::kVictimGenerated}) {
    if (to_string(c) == text) return c;
  }
  return std::nullopt;
}

Posture striker_posture(PostureCase posture_case) {
  return posture_case == PostureCase::kGenerated || posture_case == PostureCase::kStrikerGenerated ? Posture::kGenerated
                                                                                                   : Posture::kDayToDay;
}

Posture victim_posture(PostureCase posture_case) {
  return posture_case == PostureCase::kGenerated || posture_case == PostureCase::kVictimGenerated ? Posture::kGenerated
                                                                                                  : Posture::kDayToDay;
}

bool counterforce_capable(const System& system) {
  return in_central_exchange(system) &&
         (system.vehicle == VehicleClass::kIcbm || system.vehicle == VehicleClass::kSlbm);
}

double striker_readiness(const System& system, Posture posture, const StabilityParameters& parameters) {
  switch (system.basing) {
    case Basing::kSilo: return 1.0;
    case Basing::kMobile: return parameters.striker_availability;
    case Basing::kSsbn:
    case Basing::kBomber:
      // Kent and Thaler count all survivable warheads, whatever share is at sea or on alert; a
      // strike without notice has only the boats at sea and the bombers on alert.
      return parameters.striker_readiness == StrikerReadiness::kKentThaler
                 ? parameters.striker_availability
                 : parameters.striker_availability * system.untargetable_share(posture);
    case Basing::kNonstrategic:
    case Basing::kIntermediate: return 0.0;
  }
  return 0.0;
}

namespace {

/// A striker system's warheads in the first strike: loaded, times its readiness in the posture,
/// less the share withheld against a third country.
double striker_warheads_committed(const System& system, Posture posture, const StabilityParameters& parameters,
                                  double withheld_share) {
  return system.warheads_loaded() * striker_readiness(system, posture, parameters) * (1.0 - withheld_share);
}

/// A striker's central-exchange warheads in the first strike (striker_warheads_committed summed):
/// launched, and arriving (times each system's reliability).
struct CommittedWarheads {
  double launched = 0;
  double arriving = 0;
};
CommittedWarheads central_warheads_committed(const ForceSnapshot& striker, Posture posture,
                                             const StabilityParameters& parameters, double withheld_share) {
  CommittedWarheads out;
  for (const System& system : striker.systems) {
    if (!in_central_exchange(system)) continue;
    const double ready = striker_warheads_committed(system, posture, parameters, withheld_share);
    out.launched += ready;
    out.arriving += ready * system.reliability.value;
  }
  return out;
}

}  // namespace

namespace {

/// A kind counts as aimed at a target class, for the victim's warning, when one warhead kills one
/// of its launchers with at least this probability (stratstab assumption: a planner does not fire
/// weapons with a lower chance at hard targets; conventional glide bodies on silos fall below it).
constexpr double kThreatKillProbability = 0.1;

/// A victim launcher class before its count is known (the count depends on the warning): a
/// system, or the part of it at the bases that the same forward deployments reach.
struct TargetSource {
  const System* system = nullptr;
  double warheads_each = 0;
  /// The leg whose warning applies: silos and road-mobile launchers in garrison and SSBNs in port
  /// launch under attack, alert bombers escape (docs/methods.md §6, §12.3); the system's basing for
  /// central systems, none for the victim's forward systems (which do neither).
  std::optional<Basing> leg;
  std::string label;                 ///< the system id, with its bases when the system is split
  double share = 1;                  ///< of the system's deployed launchers
  std::vector<bool> reached_by{};    ///< by the striker's forward deployments, by index
  std::vector<const Base*> bases{};  ///< the bases it holds (all of the system's when not split)
};

/// Splits a victim system into target classes by which of the striker's forward deployments
/// reach its bases (forward_reach.hpp); a system that every deployment reaches alike, or that
/// lists no bases, stays one class (`share` 1), so central-only exchanges are unchanged.
void add_split_by_reach(std::vector<TargetSource>& sources, TargetSource source,
                        std::span<const ForwardDeployment> forward, const ForceSnapshot& striker) {
  const auto range_of = [&](const ForwardDeployment& d) {
    const System* s = striker.find_system(d.system);
    return s != nullptr ? s->range_km.value : 0.0;
  };
  const System& system = *source.system;
  double total = 0.0;
  for (const Base& base : system.bases) total += base.launchers.value;
  if (system.bases.empty() || total <= 0.0) {
    source.label = system.id;
    for (const Base& base : system.bases) source.bases.push_back(&base);
    for (const ForwardDeployment& d : forward) {
      source.reached_by.push_back(reaches_base(d, range_of(d), system.id, nullptr));
    }
    sources.push_back(std::move(source));
    return;
  }
  // Group the bases by the set of deployments that reach them, in order of first appearance.
  std::vector<std::vector<bool>> signatures;
  std::vector<std::vector<const Base*>> groups;
  for (const Base& base : system.bases) {
    std::vector<bool> signature;
    for (const ForwardDeployment& d : forward) signature.push_back(reaches_base(d, range_of(d), system.id, &base));
    const auto it = std::find(signatures.begin(), signatures.end(), signature);
    if (it == signatures.end()) {
      signatures.push_back(std::move(signature));
      groups.push_back({&base});
    } else {
      groups[static_cast<std::size_t>(it - signatures.begin())].push_back(&base);
    }
  }
  for (std::size_t g = 0; g < groups.size(); ++g) {
    TargetSource part = source;
    part.reached_by = signatures[g];
    double launchers = 0.0;
    std::vector<std::string> ids;
    for (const Base* base : groups[g]) {
      launchers += base->launchers.value;
      ids.push_back(base->id);
    }
    part.bases = std::move(groups[g]);
    part.share = launchers / total;
    part.label = groups.size() == 1 ? system.id : fmt::format("{} [{}]", system.id, fmt::join(ids, ", "));
    if (part.share > 0.0) sources.push_back(std::move(part));
  }
}

/// One striker warhead kind with what its kill probability needs.
struct KindSource {
  double yield_kt = 0;
  double cep_m = 0;
  double reliability = 0;
  double flight_minutes = 0;
  const ForwardDeployment* forward = nullptr;  ///< null for central systems
  std::size_t forward_index = 0;               ///< of `forward` in the striker's deployments
};

/// The strike compiled from two snapshots and both sides' options. Forward systems that cannot
/// reach the victim's value can only do counterforce, arrive first (short flight) and cost the
/// value strike nothing, so they all fire first; `problem` is what is left after that salvo.
struct Compiled {
  CounterforceProblem problem;   ///< the striker's warheads that could go to value as well
  double forward_spent = 0;      ///< warheads of the forward first salvo
  double forward_destroyed = 0;  ///< victim warheads (as loaded) it destroys
  double forward_kills = 0;      ///< the same in arriving units (out of the victim's retaliation)
  WarningOutcome warning;
};

double forward_warheads_each(const ForwardDeployment& deployment, const System& system) {
  return deployment.warheads_per_launcher.value_or(system.warheads_per_launcher.value);
}

/// A forward system's warheads in the first strike, less the withheld share. Forward systems are
/// road-mobile missiles or aircraft at known bases: ready as road-mobile ICBMs
/// (`striker_availability`) unless the snapshot gives the system a readiness for the striker's
/// posture (`ready_day_to_day`, `ready_generated`: dual-capable aircraft, whose readiness NATO
/// measures in weeks; docs/methods.md §12.5).
double forward_warheads_committed(const ForwardDeployment& deployment, const System& system, Posture posture,
                                  const StabilityParameters& parameters, double withheld_share) {
  const double ready = system.ready_share(posture).value_or(parameters.striker_availability);
  return system.launchers_deployed.value * forward_warheads_each(deployment, system) * ready * (1.0 - withheld_share);
}

/// The victim's forward systems that would retaliate on the striker's value.
template <typename Visit>
void for_each_retaliating_forward(const ForceSnapshot& victim, const SideOptions& victim_options, Visit visit) {
  for (const ForwardDeployment& deployment : victim_options.forward) {
    if (!deployment.reaches_value) continue;
    if (const System* system = victim.find_system(deployment.system)) visit(deployment, *system);
  }
}

Compiled compile(const ForceSnapshot& striker, Posture striker_posture, const ForceSnapshot& victim,
                 Posture victim_posture, const StabilityParameters& parameters, const SideOptions& so,
                 const SideOptions& vo, bool silos_only) {
  Compiled out;
  CounterforceProblem& problem = out.problem;
  problem.max_warheads_per_target = parameters.max_warheads_per_target;
  std::vector<KindSource> kinds;
  for (const System& system : striker.systems) {
    if (!counterforce_capable(system)) continue;
    const double ready = striker_warheads_committed(system, striker_posture, parameters, so.withheld);
    if (ready <= 0.0) continue;
    for (const WarheadType& type : system.warheads) {
      if (type.share.value <= 0.0 || type.yield_kt.value <= 0.0) continue;
      problem.kinds.push_back(
          CounterforceProblem::Kind{system.id + "/" + type.type, ready * type.share.value, system.reliability.value});
      kinds.push_back(
          KindSource{type.yield_kt.value, system.cep_m.value, system.reliability.value, so.flight.of(system), nullptr});
    }
  }
  for (std::size_t d = 0; d < so.forward.size(); ++d) {
    const ForwardDeployment& deployment = so.forward[d];
    const System* system = striker.find_system(deployment.system);
    if (system == nullptr) continue;
    const double ready = forward_warheads_committed(deployment, *system, striker_posture, parameters, so.withheld);
    if (ready <= 0.0) continue;
    for (const WarheadType& type : system->warheads) {
      if (type.share.value <= 0.0 || type.yield_kt.value <= 0.0) continue;
      problem.kinds.push_back(CounterforceProblem::Kind{system->id + "/" + type.type + " (forward)",
                                                        ready * type.share.value,
                                                        deployment.reaches_value ? system->reliability.value : 0.0});
      kinds.push_back(KindSource{type.yield_kt.value, system->cep_m.value, system->reliability.value,
                                 deployment.flight_minutes, &deployment, d});
    }
  }

  std::vector<TargetSource> sources;
  for (const System& system : victim.systems) {
    if (!in_central_exchange(system)) continue;
    const bool silo = system.basing == Basing::kSilo;
    if (silos_only && !silo) continue;
    add_split_by_reach(sources, TargetSource{&system, system.warheads_per_launcher.value, system.basing}, so.forward,
                       striker);
  }
  if (!silos_only) {
    for_each_retaliating_forward(victim, vo, [&](const ForwardDeployment& deployment, const System& system) {
      add_split_by_reach(sources, TargetSource{&system, forward_warheads_each(deployment, system), std::nullopt},
                         so.forward, striker);
    });
  }
  std::erase_if(sources, [](const TargetSource& t) { return t.warheads_each <= 0.0; });

  // Kill probabilities first: the warning depends on which kinds can kill which targets.
  std::vector<double> p(kinds.size() * sources.size());
  for (std::size_t k = 0; k < kinds.size(); ++k) {
    for (std::size_t t = 0; t < sources.size(); ++t) {
      const bool in_reach = kinds[k].forward == nullptr || sources[t].reached_by[kinds[k].forward_index];
      p[k * sources.size() + t] =
          in_reach
              ? terminal_kill_probability(
                    sspk(lethal_radius_m(kinds[k].yield_kt, sources[t].system->hardness_psi.value), kinds[k].cep_m),
                    kinds[k].reliability, 1.0)
              : 0.0;
    }
  }
  WarningOutcome& warning = out.warning;
  const auto shortest_flight = [&](const TargetSource& t) -> std::optional<double>* {
    switch (t.leg.value_or(Basing::kNonstrategic)) {
      case Basing::kSilo: return &warning.silo_flight_minutes;
      case Basing::kBomber: return &warning.bomber_flight_minutes;
      case Basing::kMobile: return &warning.mobile_flight_minutes;
      case Basing::kSsbn: return &warning.ssbn_flight_minutes;
      case Basing::kNonstrategic:
      case Basing::kIntermediate: return nullptr;
    }
    return nullptr;
  };
  for (std::size_t k = 0; k < kinds.size(); ++k) {
    for (std::size_t t = 0; t < sources.size(); ++t) {
      std::optional<double>* shortest = shortest_flight(sources[t]);
      if (p[k * sources.size() + t] < kThreatKillProbability || shortest == nullptr) continue;
      *shortest = std::min(shortest->value_or(kinds[k].flight_minutes), kinds[k].flight_minutes);
    }
  }
  // Each leg that can launch in the warning does so with the chance its own shortest flight time
  // and launch time leave (1 with the fixed-share model, or when nothing that threatens it flies).
  const auto leg_probability = [&](const std::optional<double>& flight, double launch_minutes) {
    return parameters.warning && flight ? launch_under_attack_probability(vo.warning, *flight, launch_minutes) : 1.0;
  };
  if (parameters.launch_under_attack) {
    warning.launch_probability = leg_probability(warning.silo_flight_minutes, vo.warning.launch_minutes);
    if (!parameters.lua_silos_only) {
      warning.mobile_launch_probability =
          leg_probability(warning.mobile_flight_minutes, vo.warning.mobile_launch_minutes);
      warning.ssbn_launch_probability = leg_probability(warning.ssbn_flight_minutes, vo.warning.ssbn_launch_minutes);
    }
  }
  if (parameters.warning && warning.bomber_flight_minutes) {
    warning.bomber_escape = bomber_escape_probability(vo.warning, *warning.bomber_flight_minutes);
  }
  const bool lua_on = parameters.launch_under_attack && !silos_only;
  const double lua = lua_on ? parameters.lua_share * warning.launch_probability : 0.0;
  const double lua_mobile = lua_on ? parameters.lua_share_mobile * warning.mobile_launch_probability : 0.0;
  const double lua_ssbn = lua_on ? parameters.lua_share_ssbn * warning.ssbn_launch_probability : 0.0;

  std::vector<std::size_t> kept;
  for (std::size_t t = 0; t < sources.size(); ++t) {
    const System& system = *sources[t].system;
    const double hidden =
        system.untargetable_share(victim_posture) * (sources[t].leg == Basing::kBomber ? warning.bomber_escape : 1.0);
    // The hidden share (at sea, dispersed, airborne) is taken alike at every base.
    const double targetable = system.launchers_deployed.value * sources[t].share * (1.0 - hidden);
    if (targetable <= 0.0) continue;
    // A target is an aim point (a boat in port, a bomber parking area, a garrison shelter area)
    // holding launchers_per_aim_point launchers, worth all their warheads (docs/methods.md §6).
    const double per_aim_point = parameters.aim_points ? system.launchers_per_aim_point(victim_posture) : 1.0;
    const double each = sources[t].warheads_each * per_aim_point;
    const bool silo = sources[t].leg == Basing::kSilo;
    const double multiplier = silo                                ? 1.0 - lua
                              : sources[t].leg == Basing::kMobile ? 1.0 - lua_mobile
                              : sources[t].leg == Basing::kSsbn   ? 1.0 - lua_ssbn
                                                                  : 1.0;
    // The silo-kill metrics count warheads as loaded; the exchange counts what would have arrived.
    const double kill_value = silos_only ? each : each * system.reliability.value * multiplier * (1.0 - vo.withheld);
    problem.targets.push_back(CounterforceProblem::TargetClass{sources[t].label, targetable / per_aim_point, kill_value,
                                                               each * multiplier, silo});
    kept.push_back(t);
  }
  // Split the kinds: forward systems that cannot reach value form the first salvo.
  CounterforceProblem salvo;
  salvo.max_warheads_per_target = problem.max_warheads_per_target;
  salvo.targets = problem.targets;
  std::vector<CounterforceProblem::Kind> all_kinds = std::move(problem.kinds);
  problem.kinds.clear();
  std::vector<double> main_p;
  // docs/methods.md §7, collateral of counterforce: the victim's value a warhead of each kind
  // destroys near the bases of each class (the salvo of forward systems that cannot reach value is
  // left without: a stated simplification).
  const bool collateral = parameters.collateral_cities && vo.cities != nullptr && !silos_only;
  for (std::size_t k = 0; k < all_kinds.size(); ++k) {
    const bool first_salvo = kinds[k].forward != nullptr && !kinds[k].forward->reaches_value;
    CounterforceProblem& into = first_salvo ? salvo : problem;
    into.kinds.push_back(all_kinds[k]);
    std::vector<double>& matrix = first_salvo ? salvo.kill_probability : main_p;
    for (std::size_t t = 0; t < kept.size(); ++t) matrix.push_back(p[k * sources.size() + kept[t]]);
    if (collateral && !first_salvo) {
      for (std::size_t t = 0; t < kept.size(); ++t) {
        problem.collateral.push_back(counterforce_collateral_share(*vo.cities, sources[kept[t]].bases,
                                                                   kinds[k].yield_kt, parameters.collateral_field_km));
      }
    }
  }
  problem.kill_probability = std::move(main_p);
  if (!salvo.kinds.empty()) {
    // Every warhead of the salvo fires, allocated greedily (a few dozen at most); the launchers it
    // destroys leave the target classes.
    double salvo_warheads = 0.0;
    for (const CounterforceProblem::Kind& kind : salvo.kinds) salvo_warheads += kind.warheads;
    const CounterforceAllocation fired = allocation(salvo, salvo_warheads, DrawDownMethod::kGreedy);
    for (std::size_t t = 0; t < problem.targets.size(); ++t) {
      CounterforceProblem::TargetClass& target = problem.targets[t];
      if (target.destroyed_value <= 0.0) continue;
      target.count = std::max(0.0, target.count - fired.destroyed_by_target[t] / target.destroyed_value);
    }
    for (double spent : fired.spent_by_kind) out.forward_spent += spent;
    for (double destroyed : fired.destroyed_by_target) out.forward_destroyed += destroyed;
    out.forward_kills = fired.kills;
  }
  return out;
}

/// Mean reliability of the counterforce kinds, weighted by their warheads (what share of a
/// counterforce salvo reaches a silo defence).
double counterforce_reliability(const CounterforceProblem& problem) {
  double warheads = 0.0;
  double arriving = 0.0;
  for (const CounterforceProblem::Kind& kind : problem.kinds) {
    warheads += kind.warheads;
    arriving += kind.warheads * kind.value_cost;
  }
  return warheads > 0.0 ? arriving / warheads : 0.0;
}

}  // namespace

CounterforceProblem counterforce_problem(const ForceSnapshot& striker, Posture striker_posture,
                                         const ForceSnapshot& victim, Posture victim_posture,
                                         const StabilityParameters& parameters, bool silos_only, Withheld withheld) {
  SideOptions striker_options;
  striker_options.withheld = withheld.striker;
  SideOptions victim_options;
  victim_options.withheld = withheld.victim;
  return counterforce_problem(striker, striker_posture, victim, victim_posture, parameters, striker_options,
                              victim_options, silos_only);
}

CounterforceProblem counterforce_problem(const ForceSnapshot& striker, Posture striker_posture,
                                         const ForceSnapshot& victim, Posture victim_posture,
                                         const StabilityParameters& parameters, const SideOptions& striker_options,
                                         const SideOptions& victim_options, bool silos_only) {
  return compile(striker, striker_posture, victim, victim_posture, parameters, striker_options, victim_options,
                 silos_only)
      .problem;
}

WarningOutcome warning_outcome(const ForceSnapshot& striker, const ForceSnapshot& victim,
                               const StabilityParameters& parameters, const SideOptions& striker_options,
                               const SideOptions& victim_options) {
  return compile(striker, Posture::kDayToDay, victim, Posture::kDayToDay, parameters, striker_options, victim_options,
                 false)
      .warning;
}

namespace {

/// docs/methods.md §12.1, adaptive offence: where `defence` covers part of the value and its attacker
/// concentrates on the rest (concentration.hpp), D* over [0, max_arriving] replaces `damage`, the
/// defence acts through it (`penetration` becomes the identity), and the split is kept for the report.
void concentrate_if_adapting(const MissileDefence& defence, const std::vector<double>& on_value, double m,
                             double max_arriving, DamageCurve& damage, Penetration& penetration,
                             std::shared_ptr<const ConcentratedValueStrike>& kept) {
  if (!defence.concentrate_on_undefended) return;
  auto split = std::make_shared<const ConcentratedValueStrike>(defence, on_value, m, damage);
  if (!split->active()) return;
  damage = split->curve(max_arriving);
  penetration = Penetration();
  kept = std::move(split);
}

/// Where a split is in D*, what the chosen strike sends where and what gets through (the search
/// needs only D*, so this is done once per strike reported, not per candidate).
void report_splits(const StrikeInputs& in, FirstStrike& result) {
  if (in.victim_concentration) {
    const ValueSplit split = in.victim_concentration->best_split(result.remaining_arriving);
    result.value_on_undefended = split.uncovered;
    result.remaining_intercepted = result.remaining_arriving - split.through;
    result.remaining_arriving = split.through;
  }
  if (in.striker_concentration) {
    const ValueSplit split = in.striker_concentration->best_split(result.retaliation_launched);
    result.retaliation_on_undefended = split.uncovered;
    result.retaliation_arriving = split.through;
  }
}

}  // namespace

StrikeInputs real_strike_inputs(const ForceSnapshot& striker, Posture striker_posture, const ForceSnapshot& victim,
                                Posture victim_posture, const StabilityParameters& parameters, Withheld withheld) {
  SideOptions striker_options;
  striker_options.withheld = withheld.striker;
  SideOptions victim_options;
  victim_options.withheld = withheld.victim;
  return real_strike_inputs(striker, striker_posture, victim, victim_posture, parameters, striker_options,
                            victim_options);
}

StrikeInputs real_strike_inputs(const ForceSnapshot& striker, Posture striker_posture, const ForceSnapshot& victim,
                                Posture victim_posture, const StabilityParameters& parameters,
                                const SideOptions& striker_options, const SideOptions& victim_options,
                                int suppression_per_site, std::optional<double> decapitation_warheads) {
  StrikeInputs in;
  in.striker_third_side = striker_options.third_side_threat;
  in.victim_third_side = victim_options.third_side_threat;
  const CommittedWarheads central =
      central_warheads_committed(striker, striker_posture, parameters, striker_options.withheld);
  in.striker_warheads = central.launched;
  in.striker_arriving = central.arriving;
  for (const ForwardDeployment& deployment : striker_options.forward) {
    const System* system = striker.find_system(deployment.system);
    if (system == nullptr) continue;
    if (!deployment.reaches_value) continue;  // the first salvo (compile): not in the value pool
    const double ready =
        forward_warheads_committed(deployment, *system, striker_posture, parameters, striker_options.withheld);
    in.striker_warheads += ready;
    in.striker_arriving += ready * system->reliability.value;
  }
  for (const System& system : victim.systems) {
    if (!in_central_exchange(system)) continue;
    in.victim_warheads += system.warheads_loaded();
    in.victim_arriving += system.warheads_loaded() * system.reliability.value * (1.0 - victim_options.withheld);
  }
  for_each_retaliating_forward(victim, victim_options, [&](const ForwardDeployment& deployment, const System& system) {
    const double loaded = system.launchers_deployed.value * forward_warheads_each(deployment, system);
    in.victim_warheads += loaded;
    in.victim_arriving += loaded * system.reliability.value * (1.0 - victim_options.withheld);
  });
  // Each side's damage curve: the scenario's own (a tabulated city curve, docs/methods.md §7) or
  // the exponential with the snapshot's w80 (derived from the city table by prepare_scenario).
  in.striker_damage = striker_options.damage != nullptr ? *striker_options.damage
                                                        : exponential_damage_or_placeholder(striker.w80.value);
  in.victim_damage =
      victim_options.damage != nullptr ? *victim_options.damage : exponential_damage_or_placeholder(victim.w80.value);

  // Warheads that leave the strike before the counterforce and value warheads: on the victim's
  // command (decapitation) and on its defence sites (suppression). They arrive at the striker's
  // mean reliability.
  const double mean_reliability = in.striker_warheads > 0.0 ? in.striker_arriving / in.striker_warheads : 0.0;
  const MissileDefence* victim_defence = victim_options.defence;
  const double sites = victim_defence != nullptr ? victim_defence->sites : 0.0;
  const double decapitation = decapitation_warheads
                                  ? std::clamp(*decapitation_warheads, 0.0, in.striker_warheads)
                                  : std::clamp(striker_options.decapitation_share, 0.0, 1.0) * in.striker_warheads;
  const double suppression = std::min(in.striker_warheads - decapitation, std::max(0, suppression_per_site) * sites);
  in.striker_warheads -= decapitation + suppression;
  in.decapitation_warheads = decapitation;
  in.suppression_warheads = suppression;
  in.striker_arriving -= (decapitation + suppression) * mean_reliability;
  in.retaliation_share = retaliation_share(victim_options.command, victim_posture, decapitation * mean_reliability);
  double site_survival = 1.0;
  if (suppression > 0.0 && sites > 0.0) {
    site_survival = std::pow(1.0 - mean_reliability * victim_defence->site_kill_probability, suppression / sites);
  }

  const Compiled compiled = compile(striker, striker_posture, victim, victim_posture, parameters, striker_options,
                                    victim_options, /*silos_only=*/false);
  const CounterforceProblem& problem = compiled.problem;
  in.forward_spent = compiled.forward_spent;
  in.forward_destroyed = compiled.forward_destroyed;
  in.victim_arriving = std::max(0.0, in.victim_arriving - compiled.forward_kills);
  in.draw_down = draw_down(problem, parameters.draw_down);
  if (victim_defence != nullptr) {
    const double m = mean_warheads_per_booster(striker);
    const Penetration silo_defence(*victim_defence, layer_interceptors(*victim_defence, true, site_survival), m);
    in.draw_down = thinned_draw_down(in.draw_down, silo_defence, counterforce_reliability(problem));
    const std::vector<double> on_value = layer_interceptors(*victim_defence, false, site_survival);
    in.victim_defence = Penetration(*victim_defence, on_value, m);
    // The striker's value warheads: at most striker_arriving arrive.
    concentrate_if_adapting(*victim_defence, on_value, m, in.striker_arriving, in.victim_damage, in.victim_defence,
                            in.victim_concentration);
  }
  if (striker_options.defence != nullptr) {
    const MissileDefence& own = *striker_options.defence;
    const std::vector<double> on_value = layer_interceptors(own, false, 1.0);
    const double m = mean_warheads_per_booster(victim);
    in.striker_defence = Penetration(own, on_value, m);
    // The retaliation concentrates the same way; at most victim_arriving of it arrives.
    concentrate_if_adapting(own, on_value, m, in.victim_arriving, in.striker_damage, in.striker_defence,
                            in.striker_concentration);
  }
  return in;
}

FirstStrike real_first_strike(const ForceSnapshot& striker, Posture striker_posture, const ForceSnapshot& victim,
                              Posture victim_posture, const StabilityParameters& parameters,
                              const SideOptions& striker_options, const SideOptions& victim_options) {
  const CommandAndControl& command = victim_options.command;
  // The striker's choice of decapitation (docs/methods.md §12.4): with `optimised`, every whole
  // count of warheads from 0 to max_warheads_per_target per command post, taken from what
  // suppression leaves; with `fixed_share`, its decapitation_share of the strike.
  const bool optimise = parameters.decapitation == DecapitationRule::kOptimised;
  const bool can_decapitate = optimise && command.described && command.node_kill_probability > 0.0;
  // One strike from its inputs; `mean` is the striker's mean reliability (the decapitation
  // warheads arrive at it).
  // The costs of a strike scored after its plan, with the third side's terms at the retaliation
  // `on_striker` the striker's damage curve takes (docs/methods.md §13.5).
  const auto rescore = [&](const StrikeInputs& in, FirstStrike& result, double on_striker) {
    const StrikeCost cost = strike_cost(result.damage_to_striker, result.damage_to_victim, parameters);
    const ThirdSideTerms third = third_side_terms(in, on_striker, result.remaining_arriving, parameters);
    result.cost_striker = cost.striker + third.striker;
    result.cost_victim = cost.victim + third.victim;
    result.third_side_cost_striker = third.striker;
    result.third_side_cost_victim = third.victim;
  };
  const auto evaluate = [&](StrikeInputs& in, double mean) {
    FirstStrike result;
    if (!parameters.defence_in_planning && in.striker_concentration) {
      // Plan as if undefended (D without the defence), then score the plan with D*.
      DamageCurve defended = std::move(in.striker_damage);
      in.striker_damage = in.striker_concentration->undefended_damage();
      result = evaluate_first_strike(in, parameters);
      in.striker_damage = std::move(defended);
      result.damage_to_striker = in.striker_damage(result.retaliation_launched);
      rescore(in, result, result.retaliation_launched);
    } else if (parameters.defence_in_planning || in.striker_defence.is_identity()) {
      result = evaluate_first_strike(in, parameters);
    } else {
      // Plan as if undefended, then let the defence thin the retaliation at that plan.
      Penetration own_defence = std::move(in.striker_defence);
      in.striker_defence = Penetration();
      result = evaluate_first_strike(in, parameters);
      result.retaliation_arriving = own_defence.through(result.retaliation_launched);
      result.damage_to_striker = in.striker_damage(result.retaliation_arriving);
      rescore(in, result, result.retaliation_arriving);
      in.striker_defence = std::move(own_defence);  // the next decapitation count plans the same way
    }
    result.decapitation_spent = in.decapitation_warheads;
    result.command_survival = command_survival(command, victim_posture, in.decapitation_warheads * mean);
    result.forward_spent = in.forward_spent;
    result.suppression_spent = in.suppression_warheads;
    return result;
  };
  const auto strike = [&](int per_site) {
    StrikeInputs in =
        real_strike_inputs(striker, striker_posture, victim, victim_posture, parameters, striker_options,
                           victim_options, per_site, optimise ? std::optional<double>(0.0) : std::nullopt);
    // The decapitation and suppression warheads left the strike at the mean reliability, so the
    // ratio is unchanged by them.
    const double warheads = in.striker_warheads;
    const double arriving = in.striker_arriving;
    const double mean = warheads > 0.0 ? arriving / warheads : 0.0;
    FirstStrike best = evaluate(in, mean);
    if (!can_decapitate || warheads <= 0.0) {
      report_splits(in, best);
      return best;
    }
    const double most = std::min(std::floor(warheads), std::ceil(command.nodes_in(victim_posture)) *
                                                           std::max(0, parameters.max_warheads_per_target));
    for (double d = 1.0; d <= most; d += 1.0) {
      in.striker_warheads = warheads - d;
      in.striker_arriving = std::max(0.0, arriving - d * mean);
      in.decapitation_warheads = d;
      in.retaliation_share = retaliation_share(command, victim_posture, d * mean);
      const FirstStrike candidate = evaluate(in, mean);
      if (preferred_strike(StrikeCost{candidate.cost_striker, candidate.cost_victim},
                           StrikeCost{best.cost_striker, best.cost_victim}, parameters)) {
        best = candidate;
      }
    }
    report_splits(in, best);
    return best;
  };
  FirstStrike best = strike(0);
  const MissileDefence* defence = victim_options.defence;
  const bool can_suppress =
      defence != nullptr && defence->sites > 0.0 && defence->interceptors > 0.0 &&
      std::any_of(defence->layers.begin(), defence->layers.end(), [](const DefenceLayer& l) { return l.suppressible; });
  if (!can_suppress) return best;
  for (int per_site = 1; per_site <= parameters.max_warheads_per_target; ++per_site) {
    const FirstStrike candidate = strike(per_site);
    if (preferred_strike(StrikeCost{candidate.cost_striker, candidate.cost_victim},
                         StrikeCost{best.cost_striker, best.cost_victim}, parameters)) {
      best = candidate;
    }
  }
  return best;
}

StabilityResult evaluate_real(const ForceSnapshot& a, const ForceSnapshot& b, PostureCase posture_case,
                              const StabilityParameters& parameters, double withheld_a, double withheld_b) {
  SideOptions options_a;
  options_a.withheld = withheld_a;
  SideOptions options_b;
  options_b.withheld = withheld_b;
  return evaluate_real(a, b, posture_case, parameters, options_a, options_b);
}

StabilityResult evaluate_real(const ForceSnapshot& a, const ForceSnapshot& b, PostureCase posture_case,
                              const StabilityParameters& parameters, const SideOptions& options_a,
                              const SideOptions& options_b) {
  const Posture striker = striker_posture(posture_case);
  const Posture victim = victim_posture(posture_case);
  return stability_from_strikes(real_first_strike(a, striker, b, victim, parameters, options_a, options_b),
                                real_first_strike(b, striker, a, victim, parameters, options_b, options_a));
}

double value_warheads_arriving(const ForceSnapshot& striker, Posture striker_posture,
                               const StabilityParameters& parameters, const SideOptions& striker_options,
                               const SideOptions& victim_options) {
  const double arriving =
      central_warheads_committed(striker, striker_posture, parameters, striker_options.withheld).arriving;
  if (victim_options.defence == nullptr || arriving <= 0.0) return arriving;
  const MissileDefence& defence = *victim_options.defence;
  const Penetration value_defence(defence, layer_interceptors(defence, false, 1.0), mean_warheads_per_booster(striker));
  return value_defence.through(arriving);
}

double exchange_warheads(const ForceSnapshot& forces) {
  double loaded = 0.0;
  for (const System& system : forces.systems) {
    if (in_central_exchange(system)) loaded += system.warheads_loaded();
  }
  return loaded;
}

SiloKillMetrics silo_kill_metrics(const ForceSnapshot& striker, Posture striker_posture, const ForceSnapshot& victim,
                                  const StabilityParameters& parameters) {
  SiloKillMetrics m;
  for (const System& system : victim.systems) {
    if (in_central_exchange(system) && system.basing == Basing::kSilo) m.silo_warheads += system.warheads_loaded();
  }
  if (m.silo_warheads <= 0.0) return m;
  const DrawDown k = draw_down(
      counterforce_problem(striker, striker_posture, victim, Posture::kDayToDay, parameters, /*silos_only=*/true),
      parameters.draw_down);
  double s = 0.0;
  double destroyed = 0.0;
  for (const DrawDownPiece& piece : k.pieces) {
    const double next = destroyed + piece.width * piece.destroyed_slope;
    for (std::size_t i = 0; i < m.shares.size(); ++i) {
      const double goal = m.shares[i] * m.silo_warheads;
      if (!m.warheads_needed[i] && next >= goal && piece.destroyed_slope > 0.0) {
        m.warheads_needed[i] = s + (goal - destroyed) / piece.destroyed_slope;
      }
    }
    s += piece.width;
    destroyed = next;
  }
  m.max_share = destroyed / m.silo_warheads;
  return m;
}

}  // namespace stratstab

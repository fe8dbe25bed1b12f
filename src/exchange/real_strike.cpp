// Real forces compiled into the Kent–Thaler strike (METHOD.md §1–4). See exchange.hpp for the
// rules and the assumptions they carry; docs/methods.md §6 explains them with sources.
#include <algorithm>
#include <cmath>

#include "stratstab/exchange.hpp"
#include "stratstab/weapon_effects.hpp"

namespace stratstab {

std::string_view to_string(PostureCase posture_case) {
  switch (posture_case) {
    case PostureCase::kDayToDay: return "day_to_day";
    case PostureCase::kGenerated: return "generated";
    case PostureCase::kStrikerGenerated: return "striker_generated";
  }
  return "day_to_day";
}

std::optional<PostureCase> posture_case_from_string(std::string_view text) {
  for (PostureCase c : {PostureCase::kDayToDay, PostureCase::kGenerated, PostureCase::kStrikerGenerated}) {
    if (to_string(c) == text) return c;
  }
  return std::nullopt;
}

Posture striker_posture(PostureCase posture_case) {
  return posture_case == PostureCase::kDayToDay ? Posture::kDayToDay : Posture::kGenerated;
}

Posture victim_posture(PostureCase posture_case) {
  return posture_case == PostureCase::kGenerated ? Posture::kGenerated : Posture::kDayToDay;
}

bool in_central_exchange(const System& system) {
  if (system.payload != Payload::kNuclear) return false;
  switch (system.basing) {
    case Basing::kSilo:
    case Basing::kMobile:
    case Basing::kSsbn:
    case Basing::kBomber: return true;
    case Basing::kNonstrategic:
    case Basing::kIntermediate: return false;
  }
  return false;
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
    case Basing::kBomber: return parameters.striker_availability * system.untargetable_share(posture);
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

}  // namespace

CounterforceProblem counterforce_problem(const ForceSnapshot& striker, Posture striker_posture,
                                         const ForceSnapshot& victim, Posture victim_posture,
                                         const StabilityParameters& parameters, bool silos_only, Withheld withheld) {
  CounterforceProblem problem;
  problem.max_warheads_per_target = parameters.max_warheads_per_target;
  struct KindPhysics {
    double yield_kt;
    double cep_m;
    double reliability;
  };
  std::vector<KindPhysics> physics;
  for (const System& system : striker.systems) {
    if (!counterforce_capable(system)) continue;
    const double ready = striker_warheads_committed(system, striker_posture, parameters, withheld.striker);
    if (ready <= 0.0) continue;
    for (const WarheadType& type : system.warheads) {
      if (type.share.value <= 0.0 || type.yield_kt.value <= 0.0) continue;
      problem.kinds.push_back(
          CounterforceProblem::Kind{system.id + "/" + type.type, ready * type.share.value, system.reliability.value});
      physics.push_back(KindPhysics{type.yield_kt.value, system.cep_m.value, system.reliability.value});
    }
  }
  const double silo_multiplier = parameters.launch_under_attack && !silos_only ? 1.0 - parameters.lua_share : 1.0;
  std::vector<double> hardness;
  for (const System& system : victim.systems) {
    if (!in_central_exchange(system)) continue;
    const bool silo = system.basing == Basing::kSilo;
    if (silos_only && !silo) continue;
    const double targetable = system.launchers_deployed.value * (1.0 - system.untargetable_share(victim_posture));
    const double each = system.warheads_per_launcher.value;
    if (targetable <= 0.0 || each <= 0.0) continue;
    const double multiplier = silo ? silo_multiplier : 1.0;
    // The silo-kill metrics count warheads as loaded; the exchange counts what would have arrived.
    const double kill_value =
        silos_only ? each : each * system.reliability.value * multiplier * (1.0 - withheld.victim);
    problem.targets.push_back(
        CounterforceProblem::TargetClass{system.id, targetable, kill_value, each * multiplier, silo});
    hardness.push_back(system.hardness_psi.value);
  }
  problem.kill_probability.resize(problem.kinds.size() * problem.targets.size());
  for (std::size_t k = 0; k < problem.kinds.size(); ++k) {
    for (std::size_t t = 0; t < problem.targets.size(); ++t) {
      problem.kill_probability[k * problem.targets.size() + t] = terminal_kill_probability(
          sspk(lethal_radius_m(physics[k].yield_kt, hardness[t]), physics[k].cep_m), physics[k].reliability, 1.0);
    }
  }
  return problem;
}

StrikeInputs real_strike_inputs(const ForceSnapshot& striker, Posture striker_posture, const ForceSnapshot& victim,
                                Posture victim_posture, const StabilityParameters& parameters, Withheld withheld) {
  StrikeInputs in;
  for (const System& system : striker.systems) {
    if (!in_central_exchange(system)) continue;
    const double ready = striker_warheads_committed(system, striker_posture, parameters, withheld.striker);
    in.striker_warheads += ready;
    in.striker_arriving += ready * system.reliability.value;
  }
  for (const System& system : victim.systems) {
    if (!in_central_exchange(system)) continue;
    in.victim_warheads += system.warheads_loaded();
    in.victim_arriving += system.warheads_loaded() * system.reliability.value * (1.0 - withheld.victim);
  }
  in.striker_w80 = striker.w80.value;
  in.victim_w80 = victim.w80.value;
  in.draw_down = draw_down(counterforce_problem(striker, striker_posture, victim, victim_posture, parameters,
                                                /*silos_only=*/false, withheld),
                           parameters.draw_down);
  return in;
}

StabilityResult evaluate_real(const ForceSnapshot& a, const ForceSnapshot& b, PostureCase posture_case,
                              const StabilityParameters& parameters, double withheld_a, double withheld_b) {
  const Posture striker = striker_posture(posture_case);
  const Posture victim = victim_posture(posture_case);
  return stability_from_strikes(
      evaluate_first_strike(real_strike_inputs(a, striker, b, victim, parameters, Withheld{withheld_a, withheld_b}),
                            parameters),
      evaluate_first_strike(real_strike_inputs(b, striker, a, victim, parameters, Withheld{withheld_b, withheld_a}),
                            parameters));
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

// Command and control in the exchange (docs/methods.md §12.4): whether a victim's national command
// survives a first strike (possibly aimed partly at it: decapitation), by posture, and the
// devolution routes that can still order a retaliation when it does not (airborne command posts,
// pre-delegated authority, an automatic or semi-automatic system such as Perimeter), each with its
// own survival by posture, reliability and share of the forces it can order. Pure functions of
// plain numbers. No public source gives these probabilities: every figure is an assumption,
// labelled with its range in the scenarios and docs/methods.md §12.4.
#pragma once

#include <optional>
#include <span>
#include <string>

#include "stratstab/forces.hpp"
#include "stratstab/scenario_keys.hpp"

namespace stratstab {

/// One way a retaliation can still be ordered when national command is lost
/// (`sides.<ID>.command.devolution[]`).
struct DevolutionRoute {
  std::string name;
  /// The route survives the first strike and is able to act, by the victim's posture (generated
  /// unset: the day-to-day value). Required keys: no default.
  double survival_day_to_day = 0;
  std::optional<double> survival_generated;
  /// Given that it survives: it does order the retaliation and the order gets through (required).
  double reliability = 0;
  /// Share of the surviving forces it can order (default: the key table's, 1).
  double forces_share = key_default(kDevolutionRouteKeys, "forces_share");

  [[nodiscard]] double survival(Posture posture) const {
    return posture == Posture::kGenerated ? survival_generated.value_or(survival_day_to_day) : survival_day_to_day;
  }
  /// survival × reliability: the chance the route works.
  [[nodiscard]] double works(Posture posture) const { return survival(posture) * reliability; }
};

/// A side's command and control, as a victim.
struct CommandAndControl {
  // Defaults: the key table's (scenario_keys.hpp).
  /// National command survives a first strike that does not aim at it: day to day, and generated
  /// (unset: the day-to-day value).
  double survival = key_default(kScenarioCommandKeys, "survival");
  std::optional<double> survival_generated;
  /// Command posts a decapitation strike must all destroy: day to day, and generated (unset: the
  /// day-to-day count; airborne posts up add to it).
  double nodes = key_default(kScenarioCommandKeys, "nodes");
  std::optional<double> nodes_generated;
  /// Of one arriving warhead on one command post.
  double node_kill_probability = key_default(kScenarioCommandKeys, "node_kill_probability");
  /// Chance an automatic system gets the surviving forces launched when command is lost: one
  /// devolution route that survives in every posture and orders all forces (the older key).
  double perimeter = key_default(kScenarioCommandKeys, "perimeter");
  /// The devolution routes (a view of the scenario side's list: cheap to copy).
  std::span<const DevolutionRoute> devolution;
  /// The scenario gives this command's posts (`sides.<ID>.command.nodes`): only then may a
  /// striker with `options.decapitation: optimised` aim at it (no silent default for its
  /// vulnerability).
  bool described = false;

  [[nodiscard]] double survival_in(Posture posture) const {
    return posture == Posture::kGenerated ? survival_generated.value_or(survival) : survival;
  }
  [[nodiscard]] double nodes_in(Posture posture) const {
    return posture == Posture::kGenerated ? nodes_generated.value_or(nodes) : nodes;
  }
};

/// The chance that national command survives when `decapitation_arriving` warheads arrive on its
/// nodes, spread evenly: survival × (1 - (1 - (1 - p)^(d / N))^N) (a node survives its share; the
/// command survives if any node does), survival and N those of `posture`.
double command_survival(const CommandAndControl& command, Posture posture, double decapitation_arriving);

/// The expected share of the surviving forces that the devolution routes get launched when
/// national command is lost. Routes work independently (works() each); the forces they can order
/// are nested (a route that orders a larger share also orders what a smaller one does), so the
/// share launched is that of the widest working route:
///   sum_i f_i a_i prod_{j before i} (1 - a_j), routes in order of decreasing f,
/// which is 1 - prod (1 - a_i) when every route orders all forces. `perimeter` is one more route
/// with a = perimeter and f = 1.
double devolution_share(const CommandAndControl& command, Posture posture);

/// Share of the surviving forces that retaliate: q + (1 - q) devolution, q the command's survival.
double retaliation_share(const CommandAndControl& command, Posture posture, double decapitation_arriving);

}  // namespace stratstab

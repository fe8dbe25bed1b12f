// Real forces in the Kent–Thaler exchange (docs/methods.md §6): which systems take part, what a
// striker can launch in a posture, what the victim offers as counterforce targets, and the
// counterforce problem and strike inputs compiled from two force snapshots. Pure functions of
// validated snapshots; no I/O.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include <span>

#include "stratstab/cities.hpp"
#include "stratstab/command.hpp"
#include "stratstab/defence.hpp"
#include "stratstab/draw_down.hpp"
#include "stratstab/forces.hpp"
#include "stratstab/geo.hpp"
#include "stratstab/stability.hpp"
#include "stratstab/warning.hpp"

namespace stratstab {

/// The three posture cases reported together (docs/methods.md §7).
enum class PostureCase {
  kDayToDay,          ///< both sides day to day
  kGenerated,         ///< both sides generated
  kStrikerGenerated,  ///< the striker generated, the victim day to day (a striker picks its moment)
  kVictimGenerated,   ///< the striker day to day, the victim generated (a crisis in which one side generated)
};
std::string_view to_string(PostureCase posture_case);
std::optional<PostureCase> posture_case_from_string(std::string_view text);
Posture striker_posture(PostureCase posture_case);
Posture victim_posture(PostureCase posture_case);

/// Counterforce is done by ballistic missile warheads (ICBM, SLBM): bombers take hours to arrive,
/// after silos have fired or been found empty, so their weapons go to the value strike.
bool counterforce_capable(const System& system);

/// Share of a system's loaded warheads a striker can launch in a posture (docs/methods.md §6, "What a
/// striker can launch first"): silo ICBMs all; road-mobile ICBMs `striker_availability`; SSBNs and
/// bombers `striker_availability` under `StrikerReadiness::kKentThaler` (the default, Kent and
/// Thaler's rule), or `striker_availability` times the share at sea or on alert (the system's
/// untargetable share in that posture) under `kNoNotice`.
double striker_readiness(const System& system, Posture posture, const StabilityParameters& parameters);

/// The counterforce problem of `striker` attacking `victim` (docs/methods.md §5): kinds are the striker's
/// ready ballistic-missile warheads by system and warhead type; target classes are the victim's
/// targetable aim points by system (`targets: aim_points`, docs/methods.md §6): targetable deployed
/// launchers / launchers_per_aim_point in the victim's posture, each aim point worth the warheads of
/// all its launchers (`targets: launchers`: each launcher a target). Kill probability of a warhead on
/// an aim point is R * SSPK(yield, hardness, CEP) (docs/methods.md §4; a defence of silos thins the
/// arriving counterforce warheads instead, docs/methods.md §12.2). An aim point's kill value is its
/// loaded warheads times their reliability (what it would have delivered), times 1 - share x launch
/// probability under launch under attack for each leg that can launch in the warning (silos
/// `lua_share`, mobiles in garrison `lua_share_mobile`, SSBNs in port `lua_share_ssbn`; silos only
/// with `lua_legs: silos`). `silos_only` keeps only silo targets and ignores launch under
/// attack (for the silo-kill metrics).
///
/// `Withheld` shares (a reserve against a third country, e.g. China; docs/methods.md §6): a share of each
/// side's warheads kept back from the exchange, in its first strike (striker) and in its
/// retaliation (victim): the striker's kinds and W shrink by its share, and each victim launcher's
/// kill value and the victim's arriving retaliation by the victim's.
struct Withheld {
  double striker = 0;
  double victim = 0;
};
CounterforceProblem counterforce_problem(const ForceSnapshot& striker, Posture striker_posture,
                                         const ForceSnapshot& victim, Posture victim_posture,
                                         const StabilityParameters& parameters, bool silos_only = false,
                                         Withheld withheld = {});

/// A system of a side deployed forward (docs/methods.md §12.5): an intermediate-range or non-strategic system
/// that takes part in the exchange when a scenario says so. It strikes the other side's systems it
/// reaches (and its value, if it reaches it), is a counterforce target when its warheads reach the
/// other side's value, and shortens the warning of what it reaches.
struct ForwardDeployment {
  std::string system;                           ///< id of a system in the side's snapshot
  std::string location;                         ///< e.g. `Belarus (Krichev-6)`
  double flight_minutes = 10;                   ///< to the targets it reaches
  std::vector<std::string> reaches;             ///< the other side's system ids within its range
  bool reaches_value = false;                   ///< within range of the other side's value (its homeland)
  std::optional<double> warheads_per_launcher;  ///< loaded for the scenario (e.g. a nuclear load)
  /// Where it launches from. With it, a system in `reaches` is reached only at its bases within
  /// the forward system's range (forward_reach.hpp); without it, whole systems are (an upper bound).
  std::optional<GeoPoint> launch_point;
  std::string launch_point_name;    ///< e.g. `Grafenwöhr Training Area`
  std::string launch_point_source;  ///< the public source of the coordinates
};

/// Everything about a side in the exchange besides its snapshot. A non-owning view:
/// cheap to copy, so millions of evaluations allocate nothing for it.
struct SideOptions {
  double withheld = 0;                         ///< share held back against a third country (Withheld)
  const MissileDefence* defence = nullptr;     ///< its missile defence, if any
  CommandAndControl command;                   ///< as a victim
  double decapitation_share = 0;               ///< as a striker: share of its first strike aimed at the other's command
  WarningChain warning;                        ///< as a victim (used with StabilityParameters::warning)
  FlightTimes flight;                          ///< as a striker: its missiles' flight times to the other side
  std::span<const ForwardDeployment> forward;  ///< its forward-based systems in the exchange
  /// Its damage curve when the scenario gives one (`options.damage: cities`); null: the
  /// exponential with its snapshot's w80 (docs/methods.md §7).
  const DamageCurve* damage = nullptr;
  /// Its city table (as a victim, for the collateral of counterforce: `options.collateral: cities`).
  const CityTable* cities = nullptr;
  /// Three sides (docs/methods.md §13.5): warheads the third side could still put on this side's
  /// value after the exchange (arriving, through its defence); 0 with two sides.
  double third_side_threat = 0;
};

/// m: the mean warheads per deployed ICBM and SLBM of `forces` in the central exchange (1 without
/// any), what one booster killed in boost phase takes with it (docs/methods.md §12.1).
double mean_warheads_per_booster(const ForceSnapshot& forces);

/// The counterforce problem with both sides' options, as the exchange allocates on it: the
/// striker's forward systems that reach value join its kinds (kill probability 0 on what they
/// cannot reach); those that cannot reach value have fired first (their kills are out of the
/// target counts); the victim's forward systems that reach the striker's value join the targets; with
/// StabilityParameters::warning, each leg launches under attack with the probability the shortest
/// flight time among the kinds that can kill it and its own launch time leave (warning.hpp), and alert bombers escape
/// only with the probability the shortest flight time on bombers leaves.
CounterforceProblem counterforce_problem(const ForceSnapshot& striker, Posture striker_posture,
                                         const ForceSnapshot& victim, Posture victim_posture,
                                         const StabilityParameters& parameters, const SideOptions& striker_options,
                                         const SideOptions& victim_options, bool silos_only = false);

/// The warning a victim gets in one strike: shortest flight time of the striker's kinds that can
/// kill its silos, bombers, mobiles in garrison and SSBNs in port, and what follows from them.
struct WarningOutcome {
  std::optional<double> silo_flight_minutes;
  std::optional<double> bomber_flight_minutes;
  std::optional<double> mobile_flight_minutes;  ///< to road-mobile launchers in garrison
  std::optional<double> ssbn_flight_minutes;    ///< to SSBNs in port
  double launch_probability = 0;         ///< of the silos' launch under attack (1 with the fixed-share model when on)
  double mobile_launch_probability = 0;  ///< of the mobiles in garrison (0 with `lua_legs: silos`)
  double ssbn_launch_probability = 0;    ///< of the SSBNs at the pier (0 with `lua_legs: silos`)
  double bomber_escape = 1;              ///< share of alert bombers that get away
};
WarningOutcome warning_outcome(const ForceSnapshot& striker, const ForceSnapshot& victim,
                               const StabilityParameters& parameters, const SideOptions& striker_options,
                               const SideOptions& victim_options);

/// Strike inputs for the Kent–Thaler evaluation from two snapshots: W and V (launched and as
/// loaded), their arriving counterparts (times reliability), w80 of each, and K(s).
StrikeInputs real_strike_inputs(const ForceSnapshot& striker, Posture striker_posture, const ForceSnapshot& victim,
                                Posture victim_posture, const StabilityParameters& parameters, Withheld withheld = {});

/// The same with both sides' options: decapitation warheads leave the striker's strike and set the
/// victim's retaliation share; the striker's defence acts on the retaliation and the victim's on
/// the value warheads (value coverage) and the counterforce warheads (silo coverage, thinning
/// K(s)); `suppression_per_site` warheads on each of the victim's defence sites leave the strike
/// first and cut the suppressible layers' interceptors. `decapitation_warheads`, when given, is the
/// count aimed at the victim's command instead of the striker's `decapitation_share` of its strike.
StrikeInputs real_strike_inputs(const ForceSnapshot& striker, Posture striker_posture, const ForceSnapshot& victim,
                                Posture victim_posture, const StabilityParameters& parameters,
                                const SideOptions& striker_options, const SideOptions& victim_options,
                                int suppression_per_site = 0, std::optional<double> decapitation_warheads = {});

/// One real first strike: evaluate_first_strike for each choice of suppression (0 to
/// max_warheads_per_target warheads per defence site, when the victim has sites to strike) and,
/// with `options.decapitation: optimised` and the victim's command described, of decapitation (0,
/// 1, ..., max_warheads_per_target × nodes warheads on its command, from what suppression leaves),
/// the one with the least cost to the striker (ties: the larger cost to the victim) kept.
FirstStrike real_first_strike(const ForceSnapshot& striker, Posture striker_posture, const ForceSnapshot& victim,
                              Posture victim_posture, const StabilityParameters& parameters,
                              const SideOptions& striker_options, const SideOptions& victim_options);

/// What `striker` could put on the victim's value with the warheads it commits (its readiness in the
/// posture, less its withheld share): ready warheads times reliability, through the victim's
/// defence of its value (docs/methods.md §13.5, the third side's threat).
double value_warheads_arriving(const ForceSnapshot& striker, Posture striker_posture,
                               const StabilityParameters& parameters, const SideOptions& striker_options,
                               const SideOptions& victim_options);

/// A side's warheads in the central exchange, as loaded (the V of a victim).
double exchange_warheads(const ForceSnapshot& forces);

/// The first-strike stability index of two real sides in a posture case. Pure and reentrant.
/// `withheld_a`, `withheld_b`: each side's withheld share (see Withheld).
StabilityResult evaluate_real(const ForceSnapshot& a, const ForceSnapshot& b, PostureCase posture_case,
                              const StabilityParameters& parameters, double withheld_a = 0, double withheld_b = 0);
/// The same with each side's full options.
StabilityResult evaluate_real(const ForceSnapshot& a, const ForceSnapshot& b, PostureCase posture_case,
                              const StabilityParameters& parameters, const SideOptions& options_a,
                              const SideOptions& options_b);

/// Warheads `striker` needs to destroy a share of `victim`'s silo-based warheads (docs/methods.md §5
/// draw-down against silos only, no launch under attack), for the shares 0.5, 0.8 and 0.9; empty
/// where the share cannot be reached with at most max_warheads_per_target per silo and the
/// striker's ready warheads.
struct SiloKillMetrics {
  double silo_warheads = 0;  ///< victim warheads in silos (as loaded)
  std::array<double, 3> shares{0.5, 0.8, 0.9};
  std::array<std::optional<double>, 3> warheads_needed;
  double max_share = 0;  ///< the largest share reachable
};
SiloKillMetrics silo_kill_metrics(const ForceSnapshot& striker, Posture striker_posture, const ForceSnapshot& victim,
                                  const StabilityParameters& parameters);

}  // namespace stratstab

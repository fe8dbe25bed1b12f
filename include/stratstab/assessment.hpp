// What `stratstab assess` reports about a scenario, beyond the index: forces per side by system,
// where each striker's counterforce warheads go, the silo-kill metrics, exchange ratios, CMP and
// EMT, the index under the three posture cases, and how far the greedy draw-down is from the exact
// one. Computed by a pure function of a validated scenario; presented by report/ and json.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "stratstab/exchange.hpp"
#include "stratstab/forward_reach.hpp"
#include "stratstab/scenario.hpp"
#include "stratstab/stability.hpp"

namespace stratstab {

/// One system of a real side as it enters the exchange in the scenario's posture case.
struct SystemInExchange {
  std::string id;
  std::string name;
  Basing basing = Basing::kSilo;
  double launchers = 0;        ///< deployed
  double warheads = 0;         ///< loaded on the deployed launchers
  double ready_to_strike = 0;  ///< warheads this side can launch first (striker posture)
  double targetable = 0;       ///< launchers the other side can target (victim posture)
  double reliability = 0;
  bool counterforce = false;  ///< its warheads can go to counterforce
};

/// Counterforce warheads on one target class at s*.
struct TargetSpend {
  std::string target;    ///< victim system id
  double spent = 0;      ///< striker warheads
  double destroyed = 0;  ///< victim warheads as loaded
};

struct StrikeDetail {
  std::vector<TargetSpend> by_target;  ///< real sides only
  /// Victim warheads destroyed per counterforce warhead spent at s* (empty when none spent).
  std::optional<double> exchange_ratio;
};

struct SideDetail {
  std::string id;
  std::string force;  ///< snapshot id (real sides)
  std::vector<SystemInExchange> systems;
  double cmp = 0;             ///< counter-military potential of its central-exchange warheads, Mt^(2/3)/nmi^2
  double emt = 0;             ///< equivalent megatonnage of the same, Mt^(2/3)
  SiloKillMetrics silo_kill;  ///< this side striking the other's silos
};

struct PostureRow {
  PostureCase posture = PostureCase::kDayToDay;
  StabilityResult result;
};

/// One feature of docs/methods.md §12 (a defence, command, warning, forward systems) switched off, to show what it does
/// to the index.
struct Attribution {
  std::string feature;  ///< e.g. `US missile defence`
  double index_without = 0;
  StabilityResult without;
};

/// One layer of a side's missile defence as `assess` shows it, undefended by suppression.
struct DefenceLayerRow {
  std::string name;
  double kill_probability = 0;  ///< P_l
  double interceptors_per_object = 0;
  double on_value = 0;  ///< interceptors against the value strike
  double engages = 0;   ///< c_l on value: warheads it can engage before it saturates
  double on_silos = 0;  ///< interceptors against a silo attack
  double absentee_ratio = 1;
  bool engages_boosters = false;
  double footprint = 1;
};

/// What the attacker of a defence brings against it (docs/methods.md §12.1).
struct DefenceOffence {
  double warheads_per_booster = 1;  ///< m of the attacking force (boost-phase layers)
  double decoys_given = 0;          ///< the scenario's decoys per warhead
  double decoys_faced = 0;          ///< after the adaptive offence
};

/// The victim's warning in one strike.
struct StrikeEnvironment {
  WarningOutcome warning;
};

struct Assessment {
  StabilityResult result;
  /// [0]: side 0 strikes side 1; [1]: the reverse.
  std::array<StrikeEnvironment, 2> environment;
  /// Real sides: the index with each missile defence, command-and-control setting, the warning
  /// model and each side's forward systems switched off in turn (only those the scenario has).
  std::vector<Attribution> attributions;
  std::array<StrikeDetail, 2> strikes;  ///< [0]: side 0 strikes side 1; [1]: the reverse
  std::array<SideDetail, 2> sides;
  std::vector<PostureRow> postures;  ///< real sides: all three posture cases
  /// Real sides: per side, per forward deployment (in `Scenario::sides[i].forward` order), every
  /// base of the systems it names, measured from its launch point (base_reach; empty without one).
  std::array<std::vector<std::vector<BaseReach>>, 2> forward_reach;
  /// Per side with a missile defence, its layers (in file order); empty without one.
  std::array<std::vector<DefenceLayerRow>, 2> defence_layers;
  std::array<DefenceOffence, 2> defence_offence;  ///< against side i's defence
  /// Real sides with the exact draw-down: the index with the greedy one instead, and the greedy
  /// shortfall in K at each strike's s*, relative to the exact K(s*).
  std::optional<double> greedy_index;
  std::array<std::optional<double>, 2> greedy_shortfall;
};

/// Evaluates a validated scenario and gathers the report's figures. Pure and reentrant.
Assessment assess_scenario(const Scenario& scenario);

}  // namespace stratstab

// Internal: the numbers of each scenario struct that a key path can name, by their key in the file
// format (src/schema/), so that a path's spelling and its bounds come from one table (a snapshot's
// figures are named by io's resolver, snapshot_figures.hpp). Optional numbers (std::optional) are
// listed apart: setting one the scenario lacks creates it.
#pragma once

#include <array>
#include <optional>
#include <string_view>

#include "stratstab/scenario.hpp"

namespace stratstab::inputs {

template <typename Member>
struct Named {
  std::string_view key;
  Member member;
};

inline const std::array kAbstractNumbers{
    Named<double AbstractSide::*>{"nf", &AbstractSide::nf},
    Named<double AbstractSide::*>{"mf", &AbstractSide::mf},
    Named<double AbstractSide::*>{"ns", &AbstractSide::ns},
    Named<double AbstractSide::*>{"ms", &AbstractSide::ms},
    Named<double AbstractSide::*>{"alert", &AbstractSide::alert},
    Named<double AbstractSide::*>{"de", &AbstractSide::de},
    Named<double AbstractSide::*>{"w80", &AbstractSide::w80},
};
inline const std::array kOptionNumbers{
    Named<double StabilityParameters::*>{"cost_exponent", &StabilityParameters::cost_exponent},
    Named<double StabilityParameters::*>{"surcharge", &StabilityParameters::surcharge},
    Named<double StabilityParameters::*>{"third_side_weight", &StabilityParameters::third_side_weight},
    Named<double StabilityParameters::*>{"striker_availability", &StabilityParameters::striker_availability},
    Named<double StabilityParameters::*>{"lua_share", &StabilityParameters::lua_share},
    Named<double StabilityParameters::*>{"lua_share_mobile", &StabilityParameters::lua_share_mobile},
    Named<double StabilityParameters::*>{"lua_share_ssbn", &StabilityParameters::lua_share_ssbn},
};
inline const std::array kDefenceNumbers{
    Named<double MissileDefence::*>{"interceptors", &MissileDefence::interceptors},
    Named<double MissileDefence::*>{"silo_share", &MissileDefence::silo_share},
    Named<double MissileDefence::*>{"decoys_per_warhead", &MissileDefence::decoys_per_warhead},
    Named<double MissileDefence::*>{"sites", &MissileDefence::sites},
    Named<double MissileDefence::*>{"site_kill_probability", &MissileDefence::site_kill_probability},
    Named<double MissileDefence::*>{"max_decoys_per_warhead", &MissileDefence::max_decoys_per_warhead},
};
inline const std::array kLayerNumbers{
    Named<double DefenceLayer::*>{"sspk", &DefenceLayer::sspk},
    Named<double DefenceLayer::*>{"tracking_reliability", &DefenceLayer::tracking_reliability},
    Named<double DefenceLayer::*>{"inventory_share", &DefenceLayer::inventory_share},
    Named<double DefenceLayer::*>{"absentee_ratio", &DefenceLayer::absentee_ratio},
    Named<double DefenceLayer::*>{"footprint", &DefenceLayer::footprint},
};
inline const std::array kCommandNumbers{
    Named<double CommandAndControl::*>{"survival", &CommandAndControl::survival},
    Named<double CommandAndControl::*>{"nodes", &CommandAndControl::nodes},
    Named<double CommandAndControl::*>{"node_kill_probability", &CommandAndControl::node_kill_probability},
    Named<double CommandAndControl::*>{"perimeter", &CommandAndControl::perimeter},
};
inline const std::array kCommandOptionalNumbers{
    Named<std::optional<double> CommandAndControl::*>{"survival_generated", &CommandAndControl::survival_generated},
    Named<std::optional<double> CommandAndControl::*>{"nodes_generated", &CommandAndControl::nodes_generated},
};
inline const std::array kRouteNumbers{
    Named<double DevolutionRoute::*>{"survival_day_to_day", &DevolutionRoute::survival_day_to_day},
    Named<double DevolutionRoute::*>{"reliability", &DevolutionRoute::reliability},
    Named<double DevolutionRoute::*>{"forces_share", &DevolutionRoute::forces_share},
};
inline const std::array kWarningNumbers{
    Named<double WarningChain::*>{"detection_minutes", &WarningChain::detection_minutes},
    Named<double WarningChain::*>{"decision_minutes_min", &WarningChain::decision_minutes_min},
    Named<double WarningChain::*>{"decision_minutes_max", &WarningChain::decision_minutes_max},
    Named<double WarningChain::*>{"launch_minutes", &WarningChain::launch_minutes},
    Named<double WarningChain::*>{"mobile_launch_minutes", &WarningChain::mobile_launch_minutes},
    Named<double WarningChain::*>{"ssbn_launch_minutes", &WarningChain::ssbn_launch_minutes},
    Named<double WarningChain::*>{"bomber_escape_minutes_min", &WarningChain::bomber_escape_minutes_min},
    Named<double WarningChain::*>{"bomber_escape_minutes_max", &WarningChain::bomber_escape_minutes_max},
};
inline const std::array kSideNumbers{
    Named<double ScenarioSide::*>{"withheld", &ScenarioSide::withheld},
    Named<double ScenarioSide::*>{"decapitation_share", &ScenarioSide::decapitation_share},
};

}  // namespace stratstab::inputs

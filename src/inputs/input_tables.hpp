// Internal: the numbers of each scenario and snapshot struct that a key path can name, by their
// key in the file format (src/schema/), so that a path's spelling and its bounds come from one
// table. Optional figures and numbers (std::optional) are listed apart: setting one the scenario
// lacks creates it.
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

inline const std::array kSystemFigures{
    Named<Figure System::*>{"launchers_deployed", &System::launchers_deployed},
    Named<Figure System::*>{"launchers_nondeployed", &System::launchers_nondeployed},
    Named<Figure System::*>{"warheads_per_launcher", &System::warheads_per_launcher},
    Named<Figure System::*>{"max_warheads_per_launcher", &System::max_warheads_per_launcher},
    Named<Figure System::*>{"cep_m", &System::cep_m},
    Named<Figure System::*>{"reliability", &System::reliability},
    Named<Figure System::*>{"range_km", &System::range_km},
    Named<Figure System::*>{"hardness_psi", &System::hardness_psi},
    Named<Figure System::*>{"untargetable_day_to_day", &System::untargetable_day_to_day},
    Named<Figure System::*>{"untargetable_generated", &System::untargetable_generated},
    Named<Figure System::*>{"upload_rate_per_month", &System::upload_rate_per_month},
};
inline const std::array kSystemOptionalFigures{
    Named<std::optional<Figure> System::*>{"vehicles_deployed", &System::vehicles_deployed},
    Named<std::optional<Figure> System::*>{"vehicles_nondeployed", &System::vehicles_nondeployed},
    Named<std::optional<Figure> System::*>{"ready_day_to_day", &System::ready_day_to_day},
    Named<std::optional<Figure> System::*>{"ready_generated", &System::ready_generated},
    Named<std::optional<Figure> System::*>{"launchers_per_aim_point_day_to_day",
                                           &System::launchers_per_aim_point_day_to_day},
    Named<std::optional<Figure> System::*>{"launchers_per_aim_point_generated",
                                           &System::launchers_per_aim_point_generated},
};
inline const std::array kInventoryFigures{
    Named<Figure Inventory::*>{"warheads_deployed", &Inventory::warheads_deployed},
    Named<Figure Inventory::*>{"warheads_stored", &Inventory::warheads_stored},
    Named<Figure Inventory::*>{"nonstrategic_warheads", &Inventory::nonstrategic_warheads},
};
inline const std::array kInventoryOptionalFigures{
    Named<std::optional<Figure> Inventory::*>{"warheads_retired", &Inventory::warheads_retired},
    Named<std::optional<Figure> Inventory::*>{"warheads_retired_official", &Inventory::warheads_retired_official},
    Named<std::optional<Figure> Inventory::*>{"strategic_warheads_stored", &Inventory::strategic_warheads_stored},
};
inline const std::array kWarheadFigures{
    Named<Figure WarheadType::*>{"yield_kt", &WarheadType::yield_kt},
    Named<Figure WarheadType::*>{"share", &WarheadType::share},
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

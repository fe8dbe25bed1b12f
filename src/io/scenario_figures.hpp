// Internal: the scenario parameters that are assumptions about the world (missile defence, command
// and control, warning and flight times), which a scenario may give as plain numbers or as figures
// {value, grade, src, date, range, note}; and a reader that collects those figures for `data check`.
// (Forward deployments' flight times and loadings are still plain numbers, documented in comments.)
#pragma once

#include <array>
#include <filesystem>
#include <string_view>
#include <vector>

#include "stratstab/figure.hpp"
#include "stratstab/load.hpp"

namespace stratstab::io {

/// Schema section id and key of each such parameter (docs/io_formats.md).
struct ScenarioFigureKey {
  std::string_view section;
  std::string_view key;
};

inline constexpr std::array kScenarioFigureKeys{
    ScenarioFigureKey{"scenario_side", "decapitation_share"},
    ScenarioFigureKey{"defence", "interceptors"},
    ScenarioFigureKey{"defence", "silo_share"},
    ScenarioFigureKey{"defence", "decoys_per_warhead"},
    ScenarioFigureKey{"defence", "sites"},
    ScenarioFigureKey{"defence", "site_kill_probability"},
    ScenarioFigureKey{"defence", "max_decoys_per_warhead"},
    ScenarioFigureKey{"defence_layer", "sspk"},
    ScenarioFigureKey{"defence_layer", "tracking_reliability"},
    ScenarioFigureKey{"defence_layer", "inventory_share"},
    ScenarioFigureKey{"defence_layer", "absentee_ratio"},
    ScenarioFigureKey{"defence_layer", "footprint"},
    ScenarioFigureKey{"command", "survival"},
    ScenarioFigureKey{"command", "nodes"},
    ScenarioFigureKey{"command", "node_kill_probability"},
    ScenarioFigureKey{"command", "survival_generated"},
    ScenarioFigureKey{"command", "nodes_generated"},
    ScenarioFigureKey{"command", "perimeter"},
    ScenarioFigureKey{"devolution_route", "survival_day_to_day"},
    ScenarioFigureKey{"devolution_route", "survival_generated"},
    ScenarioFigureKey{"devolution_route", "reliability"},
    ScenarioFigureKey{"devolution_route", "forces_share"},
    ScenarioFigureKey{"warning", "detection_minutes"},
    ScenarioFigureKey{"warning", "decision_minutes_min"},
    ScenarioFigureKey{"warning", "decision_minutes_max"},
    ScenarioFigureKey{"warning", "launch_minutes"},
    ScenarioFigureKey{"warning", "bomber_escape_minutes_min"},
    ScenarioFigureKey{"warning", "bomber_escape_minutes_max"},
    ScenarioFigureKey{"flight_minutes", "icbm"},
    ScenarioFigureKey{"flight_minutes", "slbm"},
};

/// Every figure of the kinds above that `file` gives (plain numbers included, as figures with no
/// grade), each located. Problems of the file are the scenario loader's to report; here a file that
/// does not parse gives no figures and its diagnostics.
LoadResult<std::vector<Figure>> read_scenario_figures(const std::filesystem::path& file);

}  // namespace stratstab::io

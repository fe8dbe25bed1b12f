// JSON forms of the library's plain structs (nlohmann::json), for `--json` output, the future web
// page and Python module. Key names match the YAML keys where there is one.
#pragma once

#include <nlohmann/json.hpp>

#include "stratstab/audit.hpp"
#include "stratstab/error.hpp"
#include "stratstab/figure.hpp"
#include "stratstab/forces.hpp"
#include "stratstab/scenario.hpp"
#include "stratstab/weapon_effects.hpp"
#include "stratstab/wta.hpp"

namespace stratstab {

nlohmann::json to_json(const SourceLocation& where);
nlohmann::json to_json(const Diagnostic& diagnostic);
nlohmann::json to_json(const Figure& figure);
nlohmann::json to_json(const System& system);
nlohmann::json to_json(const ForceSnapshot& snapshot);
nlohmann::json to_json(const DataAudit& audit);
/// `assess --json`: the scenario's name and options, `stability.index`, `stability.sides.<ID>` with
/// c1, c2, ratio, ratio_unclipped, and `exchanges[]` (one per first strike).
nlohmann::json assessment_to_json(const Scenario& scenario, const StabilityResult& result);
/// `calc kill --json`: inputs, lethal_radius_m, sspk, kill_probability, kill_probability_n, ...
nlohmann::json to_json(const KillCalculation& calculation);

/// `wta --json`: name, objective, upper_bound, relative_gap, converged, iterations,
/// `assignment[]` ({weapon, target, x} by id), `weapon_prices` (by id), and
/// `integer.rounding` / `integer.greedy` ({objective, gap, meets_minimums, assignment[]}).
nlohmann::json wta_to_json(const WtaProblem& problem, const WtaSolution& solution);

}  // namespace stratstab

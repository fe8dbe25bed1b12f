// JSON forms of the library's plain structs (nlohmann::json), for `--json` output, the future web
// page and Python module. Key names match the YAML keys where there is one.
#pragma once

#include <nlohmann/json.hpp>

#include "stratstab/audit.hpp"
#include "stratstab/error.hpp"
#include "stratstab/figure.hpp"
#include "stratstab/forces.hpp"

namespace stratstab {

nlohmann::json to_json(const SourceLocation& where);
nlohmann::json to_json(const Diagnostic& diagnostic);
nlohmann::json to_json(const Figure& figure);
nlohmann::json to_json(const System& system);
nlohmann::json to_json(const ForceSnapshot& snapshot);
nlohmann::json to_json(const DataAudit& audit);

}  // namespace stratstab

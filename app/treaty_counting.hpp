// Counting a force under a regime from the command line: the treaty, the limits the user or the
// scenario overrides and the reference snapshot a freeze limit needs (docs/methods.md §8), built
// in one place for `treaty count`, `treaty comply`, `upload`, `compare` and `pathways`.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>

#include "stratstab/catalog.hpp"
#include "stratstab/scenario.hpp"
#include "stratstab/treaty.hpp"

namespace stratstab::app {

/// The count options of `treaty` on `snapshot` with `limits` overriding limits by id. Holds the
/// reference snapshot the options point at, so it is neither copied nor moved.
class ForceCounting {
 public:
  ForceCounting(const DataCatalog& catalog, const Treaty& treaty, const ForceSnapshot& snapshot,
                std::map<std::string, double, std::less<>> limits = {});
  ForceCounting(const ForceCounting&) = delete;
  ForceCounting& operator=(const ForceCounting&) = delete;
  [[nodiscard]] const CountOptions& options() const { return options_; }

 private:
  std::optional<ForceSnapshot> reference_;
  CountOptions options_;
};

/// Counts side `side` of a prepared scenario under its regime (the one loaded for compliance, else
/// the catalogue's `treaty`) with the scenario's `treaty_limits`. `treaties` keeps the treaties read
/// by id, so a run over many dates reads each once.
TreatyCount count_scenario_side(const DataCatalog& catalog, const Scenario& prepared, std::size_t side,
                                std::map<std::string, Treaty, std::less<>>& treaties);

}  // namespace stratstab::app

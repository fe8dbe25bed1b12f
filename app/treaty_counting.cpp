// Counting a force under a regime from the command line (treaty_counting.hpp).
#include "treaty_counting.hpp"

namespace stratstab::app {

ForceCounting::ForceCounting(const DataCatalog& catalog, const Treaty& treaty, const ForceSnapshot& snapshot,
                             std::map<std::string, double, std::less<>> limits)
    : reference_(catalog.reference_snapshot(treaty, snapshot)) {
  options_.limit_overrides = std::move(limits);
  if (reference_) options_.reference = &*reference_;
}

TreatyCount count_scenario_side(const DataCatalog& catalog, const Scenario& prepared, std::size_t side,
                                std::map<std::string, Treaty, std::less<>>& treaties) {
  const ForceSnapshot& forces = *prepared.sides[side].forces;
  const Treaty* treaty = prepared.regime.get();
  if (treaty == nullptr) {
    auto it = treaties.find(prepared.treaty);
    if (it == treaties.end()) it = treaties.emplace(prepared.treaty, catalog.load_treaty(prepared.treaty)).first;
    treaty = &it->second;
  }
  const ForceCounting counting(catalog, *treaty, forces, prepared.treaty_limits);
  return count_treaty(*treaty, forces, counting.options());
}

}  // namespace stratstab::app

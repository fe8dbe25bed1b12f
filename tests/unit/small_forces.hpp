// Tiny hand-built force snapshots for the mechanism tests (suppression, command, forward salvo,
// warning chain): a few systems with round figures, so that every expected number in a test can
// be derived on paper from the figures set here.
#pragma once

#include <cmath>
#include <string>

#include "stratstab/forces.hpp"

namespace stratstab::test {

inline Figure figure(double value) {
  Figure f;
  f.value = value;
  return f;
}

/// One system with a single warhead type (share 1), nothing untargetable, nothing in storage.
inline System small_system(const std::string& id, Basing basing, VehicleClass vehicle, double launchers,
                           double warheads_each, double reliability, double yield_kt = 1000, double cep_m = 100,
                           double hardness_psi = 1000) {
  System s;
  s.id = id;
  s.name = id;
  s.basing = basing;
  s.vehicle = vehicle;
  s.launchers_deployed = figure(launchers);
  s.warheads_per_launcher = figure(warheads_each);
  s.max_warheads_per_launcher = figure(warheads_each);
  s.warheads = {WarheadType{"w", figure(yield_kt), figure(1.0)}};
  s.cep_m = figure(cep_m);
  s.reliability = figure(reliability);
  s.range_km = figure(10000);
  s.hardness_psi = figure(hardness_psi);
  s.untargetable_day_to_day = figure(0);
  s.untargetable_generated = figure(0);
  return s;
}

inline ForceSnapshot small_snapshot(const std::string& id, double w80, std::vector<System> systems) {
  ForceSnapshot f;
  f.id = id;
  f.w80 = figure(w80);
  f.systems = std::move(systems);
  return f;
}

/// The damage curve of docs/methods.md §7, D(w) = 1 - exp(-w ln 5 / w80), written out here so that the tests' expected
/// costs do not come from the library's own `damage`.
inline double hand_damage(double arriving, double w80) {
  return 1.0 - std::exp(-arriving * std::log(5.0) / w80);
}

/// The striker's cost C_A = D_own(U)^a + b (1 - D_enemy(L)^a) at docs/methods.md §7's a = 0.75, b = 0.3.
inline double hand_cost(double retaliation_arriving, double striker_w80, double value_arriving, double victim_w80) {
  return std::pow(hand_damage(retaliation_arriving, striker_w80), 0.75) +
         0.3 * (1.0 - std::pow(hand_damage(value_arriving, victim_w80), 0.75));
}

/// The striker of the closed-form cases: 100 silo ICBMs of one warhead, reliability 0.8 (W = 100,
/// 80 arriving; silos are all ready), w80 = 100.
inline ForceSnapshot hundred_silo_striker() {
  return small_snapshot("striker", 100, {small_system("icbm", Basing::kSilo, VehicleClass::kIcbm, 100, 1, 0.8)});
}

/// The victim of the closed-form cases: 10 SSBNs of 4 warheads, reliability 0.5, all at sea day to
/// day (no counterforce target, so s* = 0; 40 x 0.5 = 20 arrive in retaliation), w80 = 100.
inline ForceSnapshot ssbns_at_sea_victim() {
  System ssbn = small_system("ssbn", Basing::kSsbn, VehicleClass::kSlbm, 10, 4, 0.5);
  ssbn.untargetable_day_to_day = figure(1);
  return small_snapshot("victim", 100, {ssbn});
}

}  // namespace stratstab::test

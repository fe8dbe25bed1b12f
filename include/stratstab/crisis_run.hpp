// Running a crisis (docs/methods.md §13.3): Kent and Thaler's reading of the index as a decision
// rule (a side strikes first when its belief that the other is about to strike exceeds its ratio
// r = C1/C2) followed step by step as beliefs move in log-odds with the other's actions, false
// warnings and misperception; a side that generates changes the posture case, and so both ratios,
// which come from the engine, not from constants. Pure and reentrant given its inputs.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "stratstab/crisis.hpp"
#include "stratstab/scenario.hpp"

namespace stratstab {

/// Each side's ratio r_X in each posture state: [a generated][b generated].
struct CrisisRatios {
  std::array<std::array<std::array<double, 2>, 2>, 2> r{};  ///< r[ga][gb][side]
};
/// From four evaluations of the prepared scenario: both day to day, both generated, and each side
/// alone generated (its strike from the striker-generated case, the other's from the
/// victim-generated case).
CrisisRatios crisis_ratios(const Scenario& loaded);

/// The crisis's parameters as numbers, with the measures in force as given.
struct CrisisModel {
  long long steps = 0;
  std::array<double, 2> belief{};       ///< q(0)
  std::array<double, 2> generate_at{};  ///< g
  double calming = 0;
  double noise = 0;
  double false_warning_rate = 0;
  double false_warning_weight = 0;
  double generation_weight = 0;
  struct Action {
    long long time = 0;
    std::size_t by = 0;  ///< index of the acting side
    double weight = 0;
    bool declared = false;
  };
  std::vector<Action> actions;
  bool notifications = false;
  double notification_factor = 1;
  bool data_exchanges = false;
  double exchange_noise_factor = 1;
  bool hotline = false;
  double hotline_steps = 0;
};
/// The model of a loaded crisis whose sides are `side_ids` (scenario order). Throws InputError
/// (at the crisis file) for a side the scenario does not have.
CrisisModel crisis_model(const Crisis& crisis, const std::array<std::string, 2>& side_ids);

/// What N seeded runs give.
struct CrisisOutcome {
  std::size_t runs = 0;
  std::array<double, 2> p_strike{};  ///< P(side strikes first during the crisis)
  double p_any_strike = 0;
  std::array<double, 2> p_generate{};  ///< P(side generates)
  std::optional<double> time_median;   ///< of the first strike, over runs with one (steps)
  std::optional<double> time_q05;
  std::optional<double> time_q95;
};

/// Runs `runs` crises from `seed` (run k's draws from seed and k alone: common random numbers, so
/// that switching a measure off changes nothing else).
CrisisOutcome run_crisis(const CrisisModel& model, const CrisisRatios& ratios, std::size_t runs, std::uint64_t seed);

/// `stratstab crisis`: the outcome with the measures as given, and with each measure toggled in
/// turn (switched off where it is in force, on where it is not), in the same draws.
struct CrisisReport {
  std::string id;
  std::string name;
  std::string scenario;
  std::string step_unit;
  long long steps = 0;
  std::array<std::string, 2> sides;
  CrisisRatios ratios;
  std::uint64_t seed = 0;
  CrisisOutcome as_given;
  struct Toggled {
    std::string measure;    ///< notifications, data_exchanges, hotline
    bool in_force = false;  ///< the measure's state in this run (the opposite of the file's)
    CrisisOutcome outcome;
  };
  std::vector<Toggled> toggled;
};
CrisisReport crisis_report(const Crisis& crisis, const Scenario& loaded, std::size_t runs, std::uint64_t seed);

}  // namespace stratstab

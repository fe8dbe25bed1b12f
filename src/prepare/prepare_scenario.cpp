// The prepare step between loading and evaluation (prepare.hpp).
#include "stratstab/prepare.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <memory>
#include <stdexcept>
#include <vector>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "stratstab/cities.hpp"
#include "stratstab/upload.hpp"

namespace stratstab {
namespace {

/// The yields and counts of the warheads `attacker` loads in the central exchange, one entry per
/// warhead type of each system (its loaded warheads times the type's share).
void attacker_yields(const ForceSnapshot& attacker, std::vector<double>& yields, std::vector<double>& counts) {
  for (const System& system : attacker.systems) {
    if (!in_central_exchange(system)) continue;
    for (const WarheadType& type : system.warheads) {
      yields.push_back(type.yield_kt.value);
      counts.push_back(system.warheads_loaded() * type.share.value);
    }
  }
}

/// Each side's w80 from its city table under the other's yields (docs/methods.md §7): stored on
/// the side; with `w80: derived` it replaces the snapshot's figure, and with `damage: cities` the
/// tabulated curve itself is the side's damage curve.
void derive_damage(Scenario& scenario) {
  std::vector<ScenarioSide>& sides = scenario.sides;
  for (const ScenarioSide& side : sides) {
    if (!side.forces || !side.cities) return;
  }
  // With three sides a side's value is struck by both opponents: their yields together.
  for (std::size_t i = 0; i < sides.size(); ++i) {
    ScenarioSide& victim = sides[i];
    std::vector<double> yields;
    std::vector<double> counts;
    std::vector<std::string> attackers;
    for (std::size_t j = 0; j < sides.size(); ++j) {
      if (j == i) continue;
      attacker_yields(*sides[j].forces, yields, counts);
      attackers.push_back(sides[j].forces->id);
    }
    const std::string attacker_ids = fmt::format("{}", fmt::join(attackers, " and "));
    if (mean_lethal_area_km2(yields, counts, kCityDamageCentral.overpressure_psi) <= 0.0) continue;
    const DerivedW80 d = derive_w80(victim.cities->cities, yields, counts);
    victim.derived_w80 = d;
    victim.snapshot_w80 = victim.forces->w80;
    if (scenario.parameters.w80_derived && std::isfinite(d.value)) {
      Figure f;
      f.value = d.value;
      f.grade = Grade::kDerived;
      f.source_id = victim.cities->source_id;
      f.date = victim.forces->date;
      // Under the low-damage assumptions a large table (China's) may not reach D = 0.8 within the
      // curve's kCityCurveMaxWarheads: the range then ends there, so that a draw is a number.
      const bool capped = !std::isfinite(d.high);
      f.range = Range{d.low, capped ? std::max(d.value, static_cast<double>(kCityCurveMaxWarheads)) : d.high};
      f.note = fmt::format(
          "where the city curve of {} reaches D = 0.8 under {}'s mean 5 psi area {:.1f} km2 (Brode surface burst; "
          "ASSUMED 4,000 people per km2); range from 3-10 psi and 2,500-8,000 per km2 (docs/methods.md §7){}",
          "data/cities/" + victim.cities->side + ".yaml", attacker_ids, d.lethal_area_km2,
          capped ? fmt::format("; at 3 psi and 2,500 per km2 the table does not reach D = 0.8 within {} warheads, "
                               "so the range ends there",
                               kCityCurveMaxWarheads)
                 : std::string());
      victim.forces->w80 = f;
    }
    if (scenario.parameters.damage_from_cities && !victim.damage_curve) victim.damage_curve = d.curve;
  }
}

}  // namespace

ForceSnapshot snapshot_after_upload(const ForceSnapshot& snapshot, int months) {
  // The force after N months of upload (docs/methods.md §9, `stratstab upload`): a new snapshot.
  UploadOptions options;
  options.horizon_months = months;
  const UploadPath path = compute_upload(snapshot, options);
  return uploaded_snapshot(snapshot, path, path.steps.back().added_by_system);
}

CountOptions regime_count_options(const Scenario& scenario, std::size_t side) {
  CountOptions options;
  options.reference = scenario.treaty_reference[side].get();
  options.limit_overrides = scenario.treaty_limits;
  return options;
}

ComplianceResult comply_side(const Scenario& scenario, std::size_t side, const ForceSnapshot& snapshot) {
  if (!scenario.regime) throw std::logic_error("comply_side: the scenario's regime is not loaded");
  return bring_into_compliance(*scenario.regime, snapshot, regime_count_options(scenario, side));
}

bool side_is_rederived(const Scenario& loaded, std::size_t side) {
  const ScenarioSide& s = loaded.sides[side];
  return s.forces.has_value() && (s.upload_months > 0 || loaded.comply);
}

ForceSnapshot rederive_side(const Scenario& loaded, const Scenario& prepared, std::size_t side,
                            const ForceSnapshot& drawn) {
  const int months = loaded.sides[side].upload_months;
  ForceSnapshot out = months > 0 ? snapshot_after_upload(drawn, months) : drawn;
  if (!loaded.comply || !loaded.regime) return out;
  out = comply_side(loaded, side, out).snapshot;
  if (!prepared.sides[side].mix_changes.empty()) {
    apply_mix_changes(out, prepared.sides[side].mix_changes, *loaded.regime, regime_count_options(loaded, side));
  }
  return out;
}

Scenario prepare_scenario(Scenario loaded) {
  if (loaded.prepared) return loaded;
  for (ScenarioSide& side : loaded.sides) {
    if (!side.forces || side.upload_months <= 0) continue;
    side.forces = snapshot_after_upload(*side.forces, side.upload_months);
  }
  if (loaded.comply && loaded.is_real()) {
    for (std::size_t i = 0; i < loaded.sides.size(); ++i) {
      auto result = std::make_shared<ComplianceResult>(comply_side(loaded, i, *loaded.sides[i].forces));
      loaded.sides[i].forces = result->snapshot;
      loaded.sides[i].compliance = std::move(result);
    }
    if (loaded.mix != MixObjective::kRule) {
      // The search evaluates exchanges as a `mix: rule` scenario is evaluated (its damage derived
      // from the rule's forces), so that `rule_only` is that scenario's result; the chosen forces'
      // damage is then derived again below.
      Scenario rule_only = loaded;
      derive_damage(rule_only);
      rule_only.prepared = true;
      MixChoice choice = choose_mixes(rule_only, loaded.mix);
      for (std::size_t i = 0; i < 2; ++i) {
        choice.forces[i].w80 = loaded.sides[i].forces->w80;  // the snapshot's own, not the derived one
        loaded.sides[i].forces = std::move(choice.forces[i]);
        loaded.sides[i].mix_changes = std::move(choice.changes[i]);
      }
      loaded.mix_outcome = MixOutcome{choice.rule_only, choice.evaluations};
    }
  }
  derive_damage(loaded);
  loaded.prepared = true;
  return loaded;
}

void require_prepared(const Scenario& scenario) {
  if (scenario.prepared) return;
  if (scenario.comply && scenario.is_real()) {
    throw std::logic_error("scenario '" + scenario.name +
                           "': its forces are brought within a treaty (comply: true); evaluate the scenario "
                           "prepare_scenario returns (prepare.hpp)");
  }
  for (const ScenarioSide& side : scenario.sides) {
    if (side.forces && side.upload_months > 0) {
      throw std::logic_error("scenario '" + scenario.name + "': side '" + side.id +
                             "' uploads; evaluate the scenario prepare_scenario returns (prepare.hpp)");
    }
  }
  // With both city tables loaded, prepare_scenario derives the damage (options.w80: derived, or
  // options.damage: cities); evaluating without it would use the snapshots' w80s silently.
  const StabilityParameters& p = scenario.parameters;
  const bool tables = scenario.sides[0].cities && scenario.sides[1].cities;
  if (scenario.is_real() && tables && (p.w80_derived || p.damage_from_cities)) {
    throw std::logic_error("scenario '" + scenario.name +
                           "': its damage is derived from the city tables (options.w80, options.damage); evaluate "
                           "the scenario prepare_scenario returns (prepare.hpp)");
  }
}

}  // namespace stratstab

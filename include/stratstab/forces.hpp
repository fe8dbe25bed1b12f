// The force data model (docs/methods.md §1): sides, systems, warheads, postures and inventories, as read
// from a dated snapshot such as `us-2023-03-01`. Every number is a sourced Figure; engines that run
// millions of evaluations compile these into plain doubles first.
#pragma once

#include <concepts>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "stratstab/figure.hpp"
#include "stratstab/geo.hpp"
#include "stratstab/source.hpp"

namespace stratstab {

/// How a system's launchers are based (docs/methods.md §1, "Basing").
enum class Basing { kSilo, kMobile, kSsbn, kBomber, kNonstrategic, kIntermediate };

/// The kind of delivery vehicle, which treaty counting rules key on.
enum class VehicleClass { kIcbm, kSlbm, kHeavyBomber, kIrbm, kSrbm, kGlcm, kSlcm, kAlcm, kAircraft, kOther };

enum class Payload { kNuclear, kConventional };

/// How New START counts a system's warheads (treaty Part One, counting rules; docs/methods.md §8).
enum class NewStartCounting {
  kReentryVehicles,  ///< the re-entry vehicles actually loaded on deployed ICBMs and SLBMs
  kOnePerBomber,     ///< one warhead per deployed heavy bomber, whatever it carries
  kNone,             ///< not accountable
};

/// Day-to-day or generated alert (docs/methods.md §1, "Posture").
enum class Posture { kDayToDay, kGenerated };

std::string_view to_string(Basing basing);
std::string_view to_string(VehicleClass vehicle);
std::string_view to_string(Payload payload);
std::string_view to_string(NewStartCounting counting);
std::string_view to_string(Posture posture);

/// Known side ids and their names: us, ru, cn, uk, fr.
struct SideInfo {
  std::string_view id;
  std::string_view name;
};
const std::vector<SideInfo>& known_sides();

/// One warhead type a system carries, with its share of the system's loaded warheads.
struct WarheadType {
  std::string type;  ///< designation, e.g. `W87/Mk21`
  Figure yield_kt;   ///< kilotons
  Figure share;      ///< share of the system's loaded warheads, in [0, 1]; shares sum to 1
};

struct NewStartStatus {
  bool accountable = false;
  NewStartCounting counting = NewStartCounting::kNone;
};

/// One base of a system: where some of its deployed launchers are (a missile division, an SSBN
/// base, a bomber base). Forward systems reach a base when it lies within their range
/// (geo.hpp); the model-fidelity work aims at them. The coordinates are of the base or its town
/// as published (`source_id`); the launchers there are a figure of their own.
struct Base {
  std::string id;  ///< unique within its system, e.g. `teykovo`
  std::string name;
  double lat_deg = 0;     ///< degrees north
  double lon_deg = 0;     ///< degrees east
  Figure launchers;       ///< deployed launchers at the base; a system's bases sum to launchers_deployed
  std::string source_id;  ///< bibliography id for the coordinates
  SourceLocation where;

  [[nodiscard]] GeoPoint point() const { return GeoPoint{lat_deg, lon_deg}; }
};

/// One kind of delivery vehicle in one basing mode (e.g. Minuteman III in silos).
struct System {
  std::string id;  ///< unique in its snapshot, stable across dates
  std::string name;
  Basing basing = Basing::kSilo;
  VehicleClass vehicle = VehicleClass::kIcbm;
  Payload payload = Payload::kNuclear;
  Figure launchers_deployed;
  Figure launchers_nondeployed;
  std::optional<Figure> vehicles_deployed;  ///< missiles or aircraft in deployed status
  std::optional<Figure> vehicles_nondeployed;
  Figure warheads_per_launcher;      ///< average loaded on one deployed launcher
  Figure max_warheads_per_launcher;  ///< upload capacity per launcher
  std::vector<WarheadType> warheads;
  Figure cep_m;        ///< circular error probable, metres
  Figure reliability;  ///< launch-to-detonation probability
  Figure range_km;
  Figure hardness_psi;             ///< overpressure the launchers withstand
  Figure untargetable_day_to_day;  ///< share of deployed launchers not targetable day to day
  Figure untargetable_generated;   ///< the same when forces are generated
  NewStartStatus new_start;
  Figure upload_rate_per_month;  ///< warheads per month that could be added
  /// Share of deployed launchers ready for a surprise first strike day to day and generated,
  /// where the snapshot gives it (dual-capable aircraft, whose readiness is measured in weeks);
  /// absent, the exchange uses the striker availability of docs/methods.md §6 (exchange.hpp).
  std::optional<Figure> ready_day_to_day;
  std::optional<Figure> ready_generated;
  /// Deployed launchers that one warhead's aim point holds where the enemy can target them, day
  /// to day and generated (a boat in port: its tubes; bombers in one parking area; mobile launchers
  /// in one garrison shelter area); absent, each launcher is its own aim point. Silos: 1.
  std::optional<Figure> launchers_per_aim_point_day_to_day;
  std::optional<Figure> launchers_per_aim_point_generated;
  std::vector<Base> bases;  ///< where its launchers are; empty when not given
  std::string notes;
  SourceLocation where;

  /// Warheads loaded on the deployed launchers (launchers × average loading).
  [[nodiscard]] double warheads_loaded() const { return launchers_deployed.value * warheads_per_launcher.value; }
  /// Share of deployed launchers the enemy cannot target in a posture.
  [[nodiscard]] double untargetable_share(Posture posture) const {
    return posture == Posture::kDayToDay ? untargetable_day_to_day.value : untargetable_generated.value;
  }
  /// The snapshot's readiness share in a posture, if it gives one.
  [[nodiscard]] std::optional<double> ready_share(Posture posture) const {
    const std::optional<Figure>& f = posture == Posture::kDayToDay ? ready_day_to_day : ready_generated;
    return f ? std::optional<double>(f->value) : std::nullopt;
  }
  /// Launchers at one aim point in a posture (1 when the snapshot does not give it).
  [[nodiscard]] double launchers_per_aim_point(Posture posture) const {
    const std::optional<Figure>& f =
        posture == Posture::kDayToDay ? launchers_per_aim_point_day_to_day : launchers_per_aim_point_generated;
    return f ? f->value : 1.0;
  }
  /// Yield averaged over warhead types by share, kilotons.
  [[nodiscard]] double mean_yield_kt() const;
};

/// Central strategic exchange: nuclear systems based in silos, on road-mobile launchers, on SSBNs or
/// on heavy bombers. Non-strategic and intermediate-range systems stay out unless a scenario
/// deploys them forward (exchange.hpp). The one statement of which systems are strategic: the
/// exchange, the upload model and the reports all ask it.
bool in_central_exchange(const System& system);

/// Warhead inventory of one side (SIPRI categories).
struct Inventory {
  Figure warheads_deployed;
  Figure warheads_stored;
  std::optional<Figure> warheads_retired;
  /// The government's own count of retired warheads where it publishes one (NNSA), carried beside
  /// the estimate in `warheads_retired` when the two differ; informational, used by no computation.
  std::optional<Figure> warheads_retired_official;
  Figure nonstrategic_warheads;
  std::optional<Figure> strategic_warheads_stored;  ///< available for upload
};

/// The forces of one side on one date, e.g. `ru-2022-03-01`.
struct ForceSnapshot {
  std::string id;    ///< `<side>-<YYYY-MM-DD>`
  std::string side;  ///< us, ru, cn, uk or fr
  std::string date;  ///< YYYY-MM-DD
  std::string title;
  std::string description;
  Inventory inventory;
  Figure w80;  ///< arriving warheads that destroy 80% of this side's value (docs/methods.md §7)
  std::vector<System> systems;
  Bibliography sources;  ///< every source the snapshot may cite (its bibliography files and inline)
  std::string file;      ///< the file it was read from

  [[nodiscard]] const System* find_system(std::string_view system_id) const;
};

/// Warheads loaded on deployed launchers of nuclear systems with the given basing.
double warheads_loaded(const ForceSnapshot& snapshot, Basing basing);
/// Warheads loaded on all deployed launchers of nuclear systems (summed basing by basing).
double warheads_loaded(const ForceSnapshot& snapshot);

/// Calls `visit(figure)` for every figure in the snapshot, in file order. `Snapshot` is
/// ForceSnapshot or const ForceSnapshot; the visitor receives Figure& or const Figure& to match.
template <typename Snapshot, typename Visitor>
requires std::same_as<std::remove_const_t<Snapshot>, ForceSnapshot>
void for_each_figure(Snapshot& snapshot, Visitor&& visit) {
  auto& inv = snapshot.inventory;
  visit(inv.warheads_deployed);
  visit(inv.warheads_stored);
  if (inv.warheads_retired) visit(*inv.warheads_retired);
  if (inv.warheads_retired_official) visit(*inv.warheads_retired_official);
  visit(inv.nonstrategic_warheads);
  if (inv.strategic_warheads_stored) visit(*inv.strategic_warheads_stored);
  visit(snapshot.w80);
  for (auto& s : snapshot.systems) {
    visit(s.launchers_deployed);
    visit(s.launchers_nondeployed);
    if (s.vehicles_deployed) visit(*s.vehicles_deployed);
    if (s.vehicles_nondeployed) visit(*s.vehicles_nondeployed);
    visit(s.warheads_per_launcher);
    visit(s.max_warheads_per_launcher);
    for (auto& w : s.warheads) {
      visit(w.yield_kt);
      visit(w.share);
    }
    visit(s.cep_m);
    visit(s.reliability);
    visit(s.range_km);
    visit(s.hardness_psi);
    visit(s.untargetable_day_to_day);
    visit(s.untargetable_generated);
    visit(s.upload_rate_per_month);
    if (s.ready_day_to_day) visit(*s.ready_day_to_day);
    if (s.ready_generated) visit(*s.ready_generated);
    if (s.launchers_per_aim_point_day_to_day) visit(*s.launchers_per_aim_point_day_to_day);
    if (s.launchers_per_aim_point_generated) visit(*s.launchers_per_aim_point_generated);
    for (auto& b : s.bases) visit(b.launchers);
  }
}

}  // namespace stratstab

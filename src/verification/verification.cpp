// `stratstab verify` (verification.hpp, docs/methods.md §13.1).
#include "stratstab/verification.hpp"

#include <algorithm>
#include <cmath>
#include <set>

#include <fmt/format.h>

#include "stratstab/pathway.hpp"

namespace stratstab {
namespace {

bool strategic_nuclear(const System& s) {
  return s.payload == Payload::kNuclear && in_central_exchange(s) &&
         (s.vehicle == VehicleClass::kIcbm || s.vehicle == VehicleClass::kSlbm ||
          s.vehicle == VehicleClass::kHeavyBomber);
}

/// (b - h alpha) / (b + d) at every corner of the four figures' ranges: {least, greatest}.
std::pair<double, double> threshold_extremes(const InspectionGameFigures& g) {
  const auto ends = [](const Figure& f) {
    return f.range ? std::array<double, 2>{f.range->low, f.range->high} : std::array<double, 2>{f.value, f.value};
  };
  double low = 1e300;
  double high = -1e300;
  for (const double d : ends(g.gain)) {
    for (const double b : ends(g.penalty)) {
      for (const double h : ends(g.false_alarm_cost)) {
        for (const double a : ends(g.false_alarm_rate)) {
          const double t = deterrence_threshold(InspectionGame{d, b, h, a});
          low = std::min(low, t);
          high = std::max(high, t);
        }
      }
    }
  }
  return {low, high};
}

}  // namespace

std::string_view to_string(ViolationKind kind) {
  return kind == ViolationKind::kHiddenUpload ? "hidden-upload" : "undeclared-launchers";
}

std::optional<ViolationKind> violation_kind_from_string(std::string_view text) {
  if (text == "hidden-upload") return ViolationKind::kHiddenUpload;
  if (text == "undeclared-launchers") return ViolationKind::kUndeclaredLaunchers;
  return std::nullopt;
}

ViolationPopulation violation_population(const Treaty& treaty, const ForceSnapshot& force, ViolationKind kind) {
  ViolationPopulation out;
  if (kind == ViolationKind::kHiddenUpload) {
    double missiles = 0;
    for (const System& s : force.systems) {
      if (strategic_nuclear(s) && s.vehicle != VehicleClass::kHeavyBomber) missiles += s.launchers_deployed.value;
    }
    out.size = std::llround(missiles);
    for (const InspectionKind& k : treaty.verification.inspections) {
      if (k.counts_reentry_vehicles) out.inspections += k.per_year;
    }
    out.what = "deployed ICBMs and SLBMs (one re-entry vehicle count on a missile the inspectors choose)";
  } else {
    std::set<std::string> bases;  // a base holding several systems (Teykovo) is one site
    for (const System& s : force.systems) {
      if (!strategic_nuclear(s) || s.launchers_deployed.value <= 0) continue;
      for (const Base& b : s.bases) bases.insert(b.id);
    }
    out.size = static_cast<long long>(bases.size());
    for (const InspectionKind& k : treaty.verification.inspections) {
      if (k.sites == "deployed") out.inspections += k.per_year;
    }
    out.what = "declared bases of deployed ICBMs, SSBNs and heavy bombers (one base a visit)";
  }
  out.inspections = std::min(out.inspections, out.size);  // visits beyond N repeat a site: no new draw
  return out;
}

VerificationAssessment assess_verification(const Treaty& treaty, const ForceSnapshot& force,
                                           const std::vector<Violation>& violations, long long years) {
  VerificationAssessment out;
  out.treaty_id = treaty.id;
  out.treaty_name = treaty.name;
  out.force_id = force.id;
  out.provisions = treaty.verification;
  out.has_game = treaty.verification.game.has_value();
  out.years = years;
  std::vector<Diagnostic> problems;
  for (const Violation& v : violations) {
    ViolationAssessment a;
    a.violation = v;
    a.population = violation_population(treaty, force, v.kind);
    if (v.count < 1 || v.count > a.population.size) {
      problems.push_back(
          key_error("--violation",
                    fmt::format("{}={}: expected a whole number in [1, {}] ({} of {})", to_string(v.kind), v.count,
                                a.population.size, a.population.size, a.population.what),
                    "command line"));
      continue;
    }
    a.p_given_inspected =
        treaty.verification.detection_given_inspected ? treaty.verification.detection_given_inspected->value : 1.0;
    a.p_detect = imperfect_detection(a.population.size, v.count, a.population.inspections, a.p_given_inspected);
    for (long long y = 1; y <= years; ++y) {
      a.p_detect_by_years.push_back(cumulative_detection(std::vector<double>(static_cast<std::size_t>(y), a.p_detect)));
    }
    a.non_detection = 1.0 - a.p_detect;
    if (const auto& g = treaty.verification.game) {
      a.threshold = deterrence_threshold(
          InspectionGame{g->gain.value, g->penalty.value, g->false_alarm_cost.value, g->false_alarm_rate.value});
      std::tie(a.threshold_low, a.threshold_high) = threshold_extremes(*g);
      a.deterred = a.non_detection <= a.threshold;
      for (long long n = 0; n <= a.population.size; ++n) {
        if (1.0 - imperfect_detection(a.population.size, v.count, n, a.p_given_inspected) <= a.threshold) {
          a.inspections_needed = n;
          break;
        }
      }
    }
    out.violations.push_back(std::move(a));
  }
  if (!problems.empty()) throw InputError(std::move(problems));
  return out;
}

PerceivedForce perceived_force(const ForceSnapshot& truth, double months) {
  PerceivedForce out;
  out.force_id = truth.id;
  out.months = months;
  for (const System& s : truth.systems) {
    if (!strategic_nuclear(s) || s.launchers_deployed.value <= 0) continue;
    PerceivedSystem p;
    p.system_id = s.id;
    p.launchers = s.launchers_deployed.value;
    p.loaded = s.warheads_loaded();
    // A heavy bomber's weapons are declared under no regime (New START counts one a bomber), so
    // they are known only within the aircraft's capacity, however fresh the data.
    const double change = s.vehicle == VehicleClass::kHeavyBomber ? 1e300 : s.upload_rate_per_month.value * months;
    const double capacity = s.max_warheads_per_launcher.value * p.launchers;
    p.low = std::max(std::min(p.loaded, p.launchers), p.loaded - change);
    p.high = std::max(p.loaded, std::min(capacity, p.loaded + change));
    out.loaded += p.loaded;
    out.low += p.low;
    out.high += p.high;
    out.systems.push_back(std::move(p));
  }
  return out;
}

double months_between(const std::string& from, const std::string& to) {
  const long long days = days_from_epoch(to) - days_from_epoch(from);
  return days <= 0 ? 0.0 : static_cast<double>(days) / 30.4375;
}

}  // namespace stratstab

// `verify` and `verify --knowledge` as text (verification.hpp, perceived_index.hpp).
#include <fmt/format.h>

#include "stratstab/report.hpp"

namespace stratstab {

std::string format_verification(const VerificationAssessment& a) {
  const Verification& v = a.provisions;
  std::string out = fmt::format("Verification of {} under {}\n", a.force_id, a.treaty_name);
  out += fmt::format("Provisions: {} inspections a year", v.inspections_per_year);
  for (const InspectionKind& k : v.inspections) out += fmt::format(" ({} {})", k.per_year, k.name);
  out += fmt::format(", {} data exchanges a year, notifications {}\n", v.data_exchanges_per_year,
                     v.notifications ? "yes" : "no");
  if (v.detection_given_inspected) {
    out += fmt::format("An inspected violation is found with p = {} (ASSUMED)\n", v.detection_given_inspected->value);
  }
  for (const ViolationAssessment& va : a.violations) {
    out += fmt::format("\n{} on {} of {} {}\n", to_string(va.violation.kind), va.violation.count, va.population.size,
                       va.population.what);
    out += fmt::format("  inspections sampling it: {} a year\n", va.population.inspections);
    out += fmt::format("  P(detect) in a year: {:.4f}", va.p_detect);
    if (va.p_detect_by_years.size() > 1) {
      out += fmt::format("; within {} years: {:.4f}", va.p_detect_by_years.size(), va.p_detect_by_years.back());
    }
    out += "\n";
    if (a.has_game) {
      out += fmt::format(
          "  inspection game: not detected {:.4f} against the threshold (b - h alpha) / (b + d) = {:.4f} "
          "(range {:.4f}-{:.4f}): {}\n",
          va.non_detection, va.threshold, va.threshold_low, va.threshold_high,
          va.deterred ? "deterred" : "not deterred");
      out += va.inspections_needed ? fmt::format("  inspections a year that would deter: {}\n", *va.inspections_needed)
                                   : std::string("  no number of inspections deters at these payoffs\n");
    }
  }
  return out;
}

std::string format_knowledge(const Knowledge& k) {
  std::string out =
      fmt::format("What the other party knows of {} on {}: its last data from {} ({:.0f} months before; {})\n",
                  k.now.force_id, k.as_of, k.last_exchange, k.now.months, k.last_exchange_note);
  out += fmt::format("Loadings within what uploads or downloads at the systems' rates could have changed since:\n");
  out += fmt::format("{:<16} {:>9} {:>9} {:>19} {:>19}\n", "system", "launchers", "loaded",
                     fmt::format("now ({:.0f} mo)", k.now.months),
                     fmt::format("regime ({:.0f} mo)", k.under_regime.months));
  for (std::size_t i = 0; i < k.now.systems.size(); ++i) {
    const PerceivedSystem& n = k.now.systems[i];
    const PerceivedSystem& r = k.under_regime.systems[i];
    out += fmt::format("{:<16} {:>9.0f} {:>9.0f} {:>19} {:>19}\n", n.system_id, n.launchers, n.loaded,
                       fmt::format("{:.0f}-{:.0f}", n.low, n.high), fmt::format("{:.0f}-{:.0f}", r.low, r.high));
  }
  out += fmt::format("{:<16} {:>9} {:>9.0f} {:>19} {:>19}\n", "total", "", k.now.loaded,
                     fmt::format("{:.0f}-{:.0f}", k.now.low, k.now.high),
                     fmt::format("{:.0f}-{:.0f}", k.under_regime.low, k.under_regime.high));
  const auto band = [](const OutputBand& b) {
    return fmt::format("median {:.3f} [5% {:.3f}, 95% {:.3f}]", b.quantiles[2], b.quantiles[0], b.quantiles[4]);
  };
  out += fmt::format("\nIndex of {} (side {}'s loadings drawn in those ranges, all else at its point):\n", k.scenario,
                     k.observed_side);
  out += fmt::format("  true:                       {:.3f}\n", k.true_index);
  out += fmt::format("  perceived now:              {}\n", band(k.perceived_now));
  out += fmt::format("  perceived under the regime: {}\n", band(k.perceived_under_regime));
  return out;
}

}  // namespace stratstab

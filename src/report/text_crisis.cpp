// `crisis` as text (crisis_run.hpp).
#include <fmt/format.h>

#include "stratstab/report.hpp"

namespace stratstab {
namespace {

std::string outcome_row(const std::string& label, const CrisisOutcome& o) {
  const std::string time =
      o.time_median ? fmt::format("{:.0f} [{:.0f}-{:.0f}]", *o.time_median, *o.time_q05, *o.time_q95) : "-";
  return fmt::format("{:<22} {:>9.4f} {:>9.4f} {:>9.4f} {:>9.3f} {:>9.3f} {:>16}\n", label, o.p_strike[0],
                     o.p_strike[1], o.p_any_strike, o.p_generate[0], o.p_generate[1], time);
}

}  // namespace

std::string format_crisis(const CrisisReport& r) {
  const std::string& a = r.sides[0];
  const std::string& b = r.sides[1];
  std::string out = fmt::format("Crisis {}: {} ({} {}s on {}; {} runs, seed {})\n", r.id, r.name, r.steps, r.step_unit,
                                r.scenario, r.as_given.runs, r.seed);
  out += "A side strikes first when its belief that the other is about to strike exceeds its ratio r = C1/C2:\n";
  out += fmt::format("{:<30} {:>8} {:>8}\n", "posture state", "r " + a, "r " + b);
  const std::array<const char*, 2> word{"day to day", "generated"};
  for (int ga = 0; ga < 2; ++ga) {
    for (int gb = 0; gb < 2; ++gb) {
      out += fmt::format("{:<30} {:>8.3f} {:>8.3f}\n", fmt::format("{} {}, {} {}", a, word[ga], b, word[gb]),
                         r.ratios.r[ga][gb][0], r.ratios.r[ga][gb][1]);
    }
  }
  out += fmt::format("\n{:<22} {:>9} {:>9} {:>9} {:>9} {:>9} {:>16}\n", "", "P(" + a + " 1st)", "P(" + b + " 1st)",
                     "P(strike)", "P(" + a + " gen)", "P(" + b + " gen)", "step [5%-95%]");
  out += outcome_row("measures as given", r.as_given);
  for (const CrisisReport::Toggled& t : r.toggled) {
    out += outcome_row((t.in_force ? "with " : "without ") + t.measure, t.outcome);
  }
  return out;
}

}  // namespace stratstab

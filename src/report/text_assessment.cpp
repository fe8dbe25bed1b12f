// `assess` text report: each first strike (warheads available, counterforce spent, victim warheads
// destroyed and surviving, retaliation arriving), then C1, C2 and the ratio per side and the index.
#include <fmt/format.h>

#include "stratstab/report.hpp"

namespace stratstab {
namespace {

std::string strike_text(const std::string& striker, const std::string& victim, const FirstStrike& f) {
  return fmt::format(
      "{} strikes {} first\n"
      "  {} warheads available to {}; {} holds {:.1f}\n"
      "  counterforce spent {:.1f}; {} warheads destroyed {:.1f}, surviving {:.1f}\n"
      "  retaliation arriving on {}: {:.1f} warheads (damage {:.3f}); {} warheads left for {}'s value: {:.1f} (damage "
      "{:.3f})\n"
      "  cost to {} (C1) {:.6f}; cost to {} (C2) {:.6f}\n",
      striker, victim, fmt::format("{:.1f}", f.striker_warheads), striker, victim, f.victim_warheads,
      f.counterforce_spent, victim, f.victim_destroyed, f.victim_surviving, striker, f.retaliation_arriving,
      f.damage_to_striker, striker, victim, f.striker_remaining, f.damage_to_victim, striker, f.cost_striker, victim,
      f.cost_victim);
}

}  // namespace

std::string format_assessment(const Scenario& scenario, const StabilityResult& result) {
  const std::string& a = scenario.sides[0].id;
  const std::string& b = scenario.sides[1].id;
  const StabilityParameters& p = scenario.parameters;
  std::string out = fmt::format("Scenario: {}\n", scenario.name);
  out += fmt::format(
      "Options: launch under attack {} (share {:g}), at most {} warheads per target, a = {:g}, b = {:g}, "
      "striker availability {:g}\n\n",
      p.launch_under_attack ? "on" : "off", p.lua_share, p.max_warheads_per_target, p.cost_exponent, p.surcharge,
      p.striker_availability);
  out += strike_text(a, b, result.a_strikes_b) + "\n" + strike_text(b, a, result.b_strikes_a) + "\n";
  out += fmt::format("{:<8} {:>10} {:>10} {:>10} {:>10}\n", "side", "C1", "C2", "ratio", "unclipped");
  for (const auto& [id, s] : {std::pair{a, result.a}, std::pair{b, result.b}}) {
    out += fmt::format("{:<8} {:>10.6f} {:>10.6f} {:>10.6f} {:>10.6f}\n", id, s.c1, s.c2, s.ratio, s.ratio_unclipped);
  }
  out += fmt::format(
      "\nFirst-strike stability index (Kent & Thaler): {:.6f}  (1 = stable; each side strikes first "
      "only if its belief that the other is about to strike exceeds its ratio)\n",
      result.index);
  return out;
}

}  // namespace stratstab

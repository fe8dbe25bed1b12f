// Text report of a three-sided assessment (docs/methods.md §13.5): the splits, each pair's two
// first strikes with the third side's terms, the six ordered ratios and the system index.
#include <string>

#include <fmt/format.h>

#include "stratstab/report.hpp"
#include "stratstab/three_sided.hpp"

namespace stratstab {

namespace {

std::string strike_line(const std::string& striker, const std::string& victim, const FirstStrike& f) {
  return fmt::format(
      "  {} strikes {} first: {:.1f} warheads, counterforce {:.1f}, {} surviving {:.1f}; retaliation arriving "
      "{:.1f} (damage {:.3f}), value strike arriving {:.1f} (damage {:.3f}); C1 {:.6f}, C2 {:.6f} (third side's "
      "terms {:.6f}, {:.6f})\n",
      striker, victim, f.striker_warheads, f.counterforce_spent, victim, f.victim_surviving, f.retaliation_arriving,
      f.damage_to_striker, f.remaining_arriving, f.damage_to_victim, f.cost_striker, f.cost_victim,
      f.third_side_cost_striker, f.third_side_cost_victim);
}

}  // namespace

std::string format_three_sided(const Scenario& scenario, const Assessment& assessment) {
  const ThreeSidedStability& t = *assessment.result.three_sided;
  const auto id = [&](std::size_t i) -> const std::string& { return scenario.sides[i].id; };
  std::string out = scenario_heading(scenario);
  if (scenario.is_real()) out += fmt::format(", posture {}", to_string(scenario.posture));
  out += "\n\nThree sides (docs/methods.md §13.5): each side's warheads in the exchange and its split\n";
  out += fmt::format("  {:<8} {:<16} {:>10}", "side", scenario.is_real() ? "force" : "form", "warheads");
  for (std::size_t j = 0; j < 3; ++j) out += fmt::format(" {:>12}", "against " + id(j));
  out += "  rule\n";
  for (std::size_t i = 0; i < 3; ++i) {
    const ScenarioSide& side = scenario.sides[i];
    out += fmt::format("  {:<8} {:<16} {:>10.1f}", side.id, side.forces ? side.forces->id : std::string("abstract"),
                       t.warheads[i]);
    for (std::size_t j = 0; j < 3; ++j) {
      out += i == j ? fmt::format(" {:>12}", "-") : fmt::format(" {:>12.3f}", t.split[i][j]);
    }
    out += fmt::format("  {}\n", to_string(side.split.rule));
  }
  out += "\n";
  for (const PairExchange& pair : t.pairs) {
    const std::string& x = id(pair.first);
    const std::string& y = id(pair.second);
    const StabilityResult& r = pair.exchange;
    out += fmt::format("Pair {}-{} ({} outside: it could still put {:.1f} warheads on {} and {:.1f} on {})\n", x, y,
                       id(pair.third), t.threat[pair.third][pair.first], x, t.threat[pair.third][pair.second], y);
    if (t.warheads[pair.first] <= 0.0 || t.warheads[pair.second] <= 0.0) {
      out += "  no exchange: a side without warheads can neither strike nor be pre-empted (ratios 1)\n\n";
      continue;
    }
    out += strike_line(x, y, r.a_strikes_b) + strike_line(y, x, r.b_strikes_a);
    out += fmt::format("  ratios: {} {:.6f}, {} {:.6f}; pair index {:.6f}\n\n", x, r.a.ratio, y, r.b.ratio, r.index);
  }
  out +=
      "Ordered pairs: the striker's ratio C1/C2 against that victim (it strikes only if its belief that the\n"
      "victim is about to strike exceeds the ratio)\n";
  out += fmt::format("  {:<8} {:<8} {:>10} {:>10} {:>10}\n", "striker", "victim", "C1", "C2", "ratio");
  for (const PairExchange& pair : t.pairs) {
    for (const auto& [s, v, side] :
         {std::tuple{pair.first, pair.second, pair.exchange.a}, std::tuple{pair.second, pair.first, pair.exchange.b}}) {
      out += fmt::format("  {:<8} {:<8} {:>10.6f} {:>10.6f} {:>10.6f}\n", id(s), id(v), side.c1, side.c2, side.ratio);
    }
  }
  const PairExchange& least = t.pairs[t.least_pair];
  out += fmt::format(
      "\nThree-sided first-strike stability index: {:.6f}  (the product of the six ratios: the chance that no side "
      "strikes when\neach one's belief about each other is independent and uniform); least stable pair {}-{} "
      "({:.6f})\n",
      t.system_index, id(least.first), id(least.second), least.exchange.index);
  if (!assessment.postures.empty()) {
    out += "\nIndex by posture case (three-sided)\n";
    out += fmt::format("  {:<18} {:>10} {:>10} {:>10} {:>10}\n", "posture", "system", id(0) + "-" + id(1),
                       id(0) + "-" + id(2), id(1) + "-" + id(2));
    for (const PostureRow& row : assessment.postures) {
      const ThreeSidedStability& r = *row.result.three_sided;
      out += fmt::format("  {:<18} {:>10.6f} {:>10.6f} {:>10.6f} {:>10.6f}{}\n", to_string(row.posture), r.system_index,
                         r.pairs[0].exchange.index, r.pairs[1].exchange.index, r.pairs[2].exchange.index,
                         row.posture == scenario.posture ? "  <- this scenario" : "");
    }
  }
  if (!assessment.attributions.empty()) {
    out += "\nWhat moved the index (each feature switched off in turn; three-sided)\n";
    out += fmt::format("  {:<40} {:>10} {:>10} {:>10} {:>10}\n", "without", "system", id(0) + "-" + id(1),
                       id(0) + "-" + id(2), id(1) + "-" + id(2));
    const auto row = [&](const std::string& label, const ThreeSidedStability& r) {
      out += fmt::format("  {:<40} {:>10.6f} {:>10.6f} {:>10.6f} {:>10.6f}\n", label, r.system_index,
                         r.pairs[0].exchange.index, r.pairs[1].exchange.index, r.pairs[2].exchange.index);
    };
    row("(nothing: this scenario)", t);
    for (const Attribution& a : assessment.attributions) row(a.feature, *a.without.three_sided);
  }
  return out;
}

}  // namespace stratstab

// `assess` text report: the forces in the exchange per side (real sides), each first strike
// (warheads available, counterforce spent by target class, victim warheads destroyed and surviving,
// retaliation arriving), C1, C2 and the ratio per side, the index, the counterforce metrics and
// the index under the three posture cases.
#include <algorithm>
#include <cmath>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "display_width.hpp"
#include "stratstab/report.hpp"

namespace stratstab {
namespace {

std::string strike_text(const std::string& striker, const std::string& victim, const FirstStrike& f,
                        const StrikeDetail& detail) {
  std::string out = fmt::format("{} strikes {} first\n", striker, victim);
  out += fmt::format("  {:.1f} warheads available to {}; {} holds {:.1f}\n", f.striker_warheads, striker, victim,
                     f.victim_warheads);
  out += fmt::format("  counterforce spent {:.1f}; {} warheads destroyed {:.1f}, surviving {:.1f}\n",
                     f.counterforce_spent, victim, f.victim_destroyed, f.victim_surviving);
  for (const TargetSpend& t : detail.by_target) {
    if (t.spent <= 0.0) continue;
    out += fmt::format("    on {:<16} {:>8.1f} warheads, destroying {:>8.1f}\n", t.target, t.spent, t.destroyed);
  }
  if (f.forward_spent > 0.0) {
    out += fmt::format("  forward systems fire {:.1f} warheads first at what they reach (included in the destroyed)\n",
                       f.forward_spent);
  }
  if (f.suppression_spent > 0.0 || f.decapitation_spent > 0.0) {
    out += fmt::format("  spent first: {:.1f} on {}'s defence sites (suppression), {:.1f} on its command\n",
                       f.suppression_spent, victim, f.decapitation_spent);
  }
  if (f.retaliation_share < 1.0) {
    out += fmt::format(
        "  {}'s national command survives with probability {:.3f}; with its devolution routes it gets off {:.1f}% of "
        "its surviving forces\n",
        victim, f.command_survival, 100.0 * f.retaliation_share);
  }
  if (f.retaliation_launched > f.retaliation_arriving + 1e-9) {
    out += fmt::format("  retaliation reaching {}'s defence: {:.1f} warheads; intercepted {:.1f}\n", striker,
                       f.retaliation_launched, f.retaliation_launched - f.retaliation_arriving);
  }
  if (f.retaliation_on_undefended > 0.0) {
    out += fmt::format("  of the retaliation, {:.1f} warheads aimed at {}'s value outside its defence's footprints\n",
                       f.retaliation_on_undefended, striker);
  }
  out += fmt::format("  retaliation arriving on {}: {:.1f} warheads (damage {:.3f})\n", striker, f.retaliation_arriving,
                     f.damage_to_striker);
  if (f.remaining_intercepted > 0.0) {
    out +=
        fmt::format("  {}'s defence intercepts {:.1f} of the warheads on its value\n", victim, f.remaining_intercepted);
  }
  if (f.collateral_damage > 0.0) {
    out += fmt::format("  collateral of the counterforce near {}'s bases: {:.2f}% of its value (city population)\n",
                       victim, 100.0 * f.collateral_damage);
  }
  if (f.value_on_undefended > 0.0) {
    out +=
        fmt::format("  {} concentrates {:.1f} of its value warheads on {}'s value outside the defence's footprints\n",
                    striker, f.value_on_undefended, victim);
  }
  out += fmt::format("  {} warheads left for {}'s value: {:.1f}, arriving {:.1f} (damage {:.3f})\n", striker, victim,
                     f.striker_remaining, f.remaining_arriving, f.damage_to_victim);
  out +=
      fmt::format("  cost to {} (C1) {:.6f}; cost to {} (C2) {:.6f}\n", striker, f.cost_striker, victim, f.cost_victim);
  return out;
}

std::string optional_number(const std::optional<double>& v, std::string_view format_spec = "{:.0f}") {
  return v ? fmt::format(fmt::runtime(format_spec), *v) : std::string("n/a");
}

std::string defence_text(const ScenarioSide& side, const std::vector<DefenceLayerRow>& layers,
                         const DefenceOffence& offence) {
  if (!side.defence) return {};
  const MissileDefence& d = *side.defence;
  std::string out = fmt::format(
      "{} missile defence: {:g} interceptors, covers {}, {:g} decoys per warhead, {:g} "
      "sites\n",
      side.id, d.interceptors, to_string(d.covers), d.decoys_per_warhead, d.sites);
  out += fmt::format("  {:<30} {:>6} {:>12} {:>10} {:>12} {:>12} {:>9} {:>9} {:>9}\n", "layer", "P_kill", "per object",
                     "on value", "engages", "on silos", "absentee", "aims at", "footprint");
  for (const DefenceLayerRow& layer : layers) {
    out += fmt::format("  {:<30} {:>6.3f} {:>12.2f} {:>10.0f} {:>12.1f} {:>12.0f} {:>9.3g} {:>9} {:>9.3g}\n",
                       layer.name, layer.kill_probability, layer.interceptors_per_object, layer.on_value, layer.engages,
                       layer.on_silos, layer.absentee_ratio, layer.engages_boosters ? "boosters" : "warheads",
                       layer.footprint);
  }
  out +=
      "  (on value, on silos: interceptors that can engage, after the absentee ratio; engages: warheads the\n"
      "  layer can engage before it saturates, with the decoys it must also engage, or the boosters' warheads)\n";
  out += fmt::format("  attacking force: {:.2f} warheads per ICBM/SLBM booster\n", offence.warheads_per_booster);
  if (d.concentrate_on_undefended) {
    out += "  adaptive offence: an attacker concentrates on value outside the footprints (concentrate_on_undefended)\n";
  }
  if (offence.decoys_faced != offence.decoys_given) {
    out += fmt::format("  adaptive offence: the attacker added decoys, {:g} -> {:g} per warhead\n",
                       offence.decoys_given, offence.decoys_faced);
  } else {
    out += fmt::format("  adaptive offence ({}): the attacker brought no decoys beyond the scenario's\n",
                       to_string(d.adaptive_offence));
  }
  return out;
}

/// The bases a forward deployment with a launch point reaches and misses, with great-circle
/// distances (`reach`: Assessment::forward_reach).
std::string reach_text(const Scenario& scenario, const ScenarioSide& side, const ForwardDeployment& f,
                       const std::vector<BaseReach>& reach) {
  if (!f.launch_point || !side.forces) return {};
  const ScenarioSide& other = &side == &scenario.sides[0] ? scenario.sides[1] : scenario.sides[0];
  const System* system = side.forces->find_system(f.system);
  if (system == nullptr || !other.forces) return {};
  std::vector<std::string> in;
  std::vector<std::string> out_of;
  for (const BaseReach& b : reach) {
    (b.reached ? in : out_of).push_back(fmt::format("{}/{} {:.0f} km", b.system, b.base, b.distance_km));
  }
  return fmt::format("  from {} ({:.2f}, {:.2f}), range {:g} km: in reach {}; out of reach {}\n",
                     f.launch_point_name.empty() ? f.location : f.launch_point_name, f.launch_point->lat_deg,
                     f.launch_point->lon_deg, system->range_km.value,
                     in.empty() ? std::string("none") : fmt::format("{}", fmt::join(in, ", ")),
                     out_of.empty() ? std::string("none") : fmt::format("{}", fmt::join(out_of, ", ")));
}

std::string options_text(const Scenario& scenario, const Assessment& assessment) {
  std::string out;
  for (std::size_t s = 0; s < 2; ++s) {
    const ScenarioSide& side = scenario.sides[s];
    out += defence_text(side, assessment.defence_layers[s], assessment.defence_offence[s]);
    const CommandAndControl& c = side.command;
    if (side.command_given) {
      const std::string generated = c.survival_generated || c.nodes_generated
                                        ? fmt::format(" ({:g} and {:g} generated)", c.survival_in(Posture::kGenerated),
                                                      c.nodes_in(Posture::kGenerated))
                                        : std::string();
      out += fmt::format(
          "{} command: survives a strike not aimed at it with probability {:g}; {:g} command posts{}; "
          "automatic retaliation (Perimeter) {:g}\n",
          side.id, c.survival, c.nodes, generated, c.perimeter);
      for (const DevolutionRoute& r : side.devolution) {
        out += fmt::format(
            "{} devolution: {}: survives {:g} day to day, {:g} generated; reliability {:g}; orders {:g}% of "
            "the forces\n",
            side.id, r.name, r.survival(Posture::kDayToDay), r.survival(Posture::kGenerated), r.reliability,
            100.0 * r.forces_share);
      }
    }
    if (side.decapitation_share > 0.0 && scenario.parameters.decapitation == DecapitationRule::kFixedShare) {
      out += fmt::format("{} aims {:g}% of its first strike at the other side's command\n", side.id,
                         100.0 * side.decapitation_share);
    }
    for (std::size_t k = 0; k < side.forward.size(); ++k) {
      const ForwardDeployment& f = side.forward[k];
      out += fmt::format("{} forward: {} in {}, {:g} min flight, reaches [{}]{}{}\n", side.id, f.system, f.location,
                         f.flight_minutes, fmt::join(f.reaches, ", "),
                         f.reaches_value ? " and the other side's value" : "",
                         f.warheads_per_launcher ? fmt::format(", {:g} warheads per launcher", *f.warheads_per_launcher)
                                                 : std::string());
      const std::vector<std::vector<BaseReach>>& reach = assessment.forward_reach[s];
      out += reach_text(scenario, side, f, k < reach.size() ? reach[k] : std::vector<BaseReach>{});
    }
  }
  if (scenario.parameters.warning || scenario.parameters.launch_under_attack) {
    for (std::size_t i = 0; i < 2; ++i) {
      const WarningOutcome& w = assessment.environment[i].warning;
      const std::string& striker = scenario.sides[i].id;
      const std::string& victim = scenario.sides[1 - i].id;
      const StabilityParameters& p = scenario.parameters;
      const std::string lua = !p.launch_under_attack ? "off"
                              : p.lua_silos_only
                                  ? fmt::format("{:.3f} (silos only)", w.launch_probability)
                                  : fmt::format("{:.3f} (mobiles {:.3f}, SSBNs in port {:.3f})", w.launch_probability,
                                                w.mobile_launch_probability, w.ssbn_launch_probability);
      out += fmt::format(
          "Warning when {} strikes: first warheads on {}'s silos after {} min, on its bombers after {} "
          "min; launch under attack {}; alert bombers escape {:.3f}{}\n",
          striker, victim, optional_number(w.silo_flight_minutes, "{:g}"),
          optional_number(w.bomber_flight_minutes, "{:g}"), lua, w.bomber_escape,
          p.warning ? "" : " (warning model off)");
    }
  }
  if (!assessment.attributions.empty()) {
    out += "\nWhat moved the index (each feature switched off in turn)\n";
    // The label column is as wide as the longest feature (devolution routes carry their names).
    std::size_t width = 56;
    for (const Attribution& a : assessment.attributions) width = std::max(width, report::display_width(a.feature));
    out += fmt::format("  {} {:>10} {:>10} {:>10} {:>10} {:>10}\n", report::pad_right("without", width), "index",
                       fmt::format("{} C1", scenario.sides[0].id), fmt::format("{} C2", scenario.sides[0].id),
                       fmt::format("{} C1", scenario.sides[1].id), fmt::format("{} C2", scenario.sides[1].id));
    const auto row = [&](std::string_view label, const StabilityResult& r) {
      out += fmt::format("  {} {:>10.6f} {:>10.6f} {:>10.6f} {:>10.6f} {:>10.6f}\n", report::pad_right(label, width),
                         r.index, r.a.c1, r.a.c2, r.b.c1, r.b.c2);
    };
    row("(nothing: this scenario)", assessment.result);
    for (const Attribution& a : assessment.attributions) row(a.feature, a.without);
  }
  return out.empty() ? out : out + "\n";
}

std::string forces_text(const SideDetail& side, const Scenario& scenario) {
  std::string out =
      fmt::format("{} ({}): forces in the central exchange, {}\n", side.id, side.force, to_string(scenario.posture));
  out += fmt::format("  {:<16} {:<7} {:>9} {:>9} {:>12} {:>11} {:>6}  {}\n", "system", "basing", "launchers",
                     "warheads", "ready first", "targetable", "rel", "counterforce");
  double launchers = 0;
  double warheads = 0;
  double ready = 0;
  for (const SystemInExchange& s : side.systems) {
    out += fmt::format("  {:<16} {:<7} {:>9.0f} {:>9.1f} {:>12.1f} {:>11.1f} {:>6.2f}  {}\n", s.id, to_string(s.basing),
                       s.launchers, s.warheads, s.ready_to_strike, s.targetable, s.reliability,
                       s.counterforce ? "yes" : "no");
    launchers += s.launchers;
    warheads += s.warheads;
    ready += s.ready_to_strike;
  }
  out += fmt::format("  {:<16} {:<7} {:>9.0f} {:>9.1f} {:>12.1f}\n", "total", "", launchers, warheads, ready);
  // Its damage curve (docs/methods.md §7).
  for (const ScenarioSide& s : scenario.sides) {
    if (s.id != side.id || !s.forces) continue;
    if (s.damage_curve && s.damage_curve_given) {
      out += fmt::format("  damage: the scenario's tabulated curve (reaches 0.8 at {:.0f} arriving warheads)\n",
                         s.damage_curve->w80());
    } else if (s.damage_curve && s.cities) {
      out += fmt::format("  damage: city table cities/{}.yaml (tabulated; reaches 0.8 at {:.0f} arriving warheads)\n",
                         s.cities->side, s.damage_curve->w80());
    } else if (s.derived_w80 && scenario.parameters.w80_derived) {
      out += fmt::format(
          "  damage: exponential, w80 = {:.0f} derived from its city table (range {:.0f}-{:.0f}; the enemy's mean "
          "5 psi area {:.1f} km2, as of one {:.0f} kt warhead); the snapshot's ASSUMED w80 was {:g}\n",
          s.derived_w80->value, s.derived_w80->low, s.derived_w80->high, s.derived_w80->lethal_area_km2,
          s.derived_w80->mean_yield_kt, s.snapshot_w80 ? s.snapshot_w80->value : 0.0);
    } else {
      out += fmt::format("  damage: exponential, w80 = {:g} (the snapshot's)\n", s.forces->w80.value);
    }
    // options.collateral (docs/methods.md §7): what it can count on this side, so that a collateral
    // of 0 is never silent.
    if (scenario.parameters.collateral_cities) {
      std::size_t bases = 0;
      for (const System& system : s.forces->systems) {
        if (in_central_exchange(system)) bases += system.bases.size();
      }
      if (!s.cities) {
        out += "  collateral of counterforce: no city table for this side, so none is counted\n";
      } else if (bases == 0) {
        out += fmt::format(
            "  collateral of counterforce: snapshot {} lists no base coordinates, so none is counted (only the "
            "2026-11 snapshots list bases)\n",
            s.forces->id);
      } else {
        out += fmt::format("  collateral of counterforce: {} bases with coordinates, cities/{}.yaml\n", bases,
                           s.cities->side);
      }
    }
  }
  return out;
}

}  // namespace

namespace {

/// With `comply: true`: each side's changes under the regime's rule and its mix, and what the mix
/// did to both sides (docs/methods.md §8.1).
std::string compliance_text(const Scenario& scenario) {
  if (!scenario.comply || !scenario.regime) return "";
  std::string out =
      fmt::format("Treaty compliance ({}, comply: true, mix: {}):\n", scenario.regime->name, to_string(scenario.mix));
  for (const ScenarioSide& side : scenario.sides) {
    if (!side.compliance) continue;
    const ComplianceResult& c = *side.compliance;
    std::string counts;
    for (std::size_t i = 0; i < c.after.limits.size(); ++i) {
      counts += fmt::format("{}{} {:.0f} -> {:.0f} (limit {:.0f})", counts.empty() ? "" : ", ", c.after.limits[i].id,
                            std::round(c.before.limits[i].count), std::round(c.after.limits[i].count),
                            c.after.limits[i].limit);
    }
    out += fmt::format("  {} ({} rule, {}): {}\n", side.id, to_string(c.rule_grade), c.rule_source_id, counts);
    if (c.changes.empty()) out += "    no change needed\n";
    for (const ComplianceChange& ch : c.changes) {
      out += fmt::format("    {} {}: {:.0f} {}\n", to_string(ch.action),
                         ch.system_id.empty() ? "(stockpile)" : ch.system_id, ch.amount, ch.unit);
    }
    if (!c.compliant()) {
      for (const std::string& v : c.after.violations) out += fmt::format("    still over: {}\n", v);
    }
    for (const ComplianceChange& ch : side.mix_changes) {
      out += fmt::format("    mix ({}): {} {} warheads on {} ({:.2f} -> {:.2f} a launcher)\n", to_string(scenario.mix),
                         to_string(ch.action), ch.amount, ch.system_id, ch.before, ch.after);
    }
  }
  if (scenario.mix_outcome) {
    const StabilityResult& r = scenario.mix_outcome->rule_only;
    out += fmt::format(
        "  under the rule alone: index {:.6f}, ratios {} {:.6f}, {} {:.6f}; surviving a first strike {} "
        "{:.1f}, {} {:.1f} ({} exchanges searched)\n",
        r.index, scenario.sides[0].id, r.a.ratio, scenario.sides[1].id, r.b.ratio, scenario.sides[0].id,
        r.b_strikes_a.victim_surviving, scenario.sides[1].id, r.a_strikes_b.victim_surviving,
        scenario.mix_outcome->evaluations);
  }
  return out + "\n";
}

}  // namespace

std::string scenario_heading(const Scenario& scenario) {
  const StabilityParameters& p = scenario.parameters;
  return fmt::format(
      "Scenario: {}\nOptions: launch under attack {} (share {:g}), at most {} warheads per target, a = {:g}, "
      "b = {:g}, {}striker availability {:g}",
      scenario.name, p.launch_under_attack ? "on" : "off", p.lua_share, p.max_warheads_per_target, p.cost_exponent,
      p.surcharge, scenario.is_three_sided() ? fmt::format("third-side weight b3 = {:g}, ", p.third_side_weight) : "",
      p.striker_availability);
}

std::string format_assessment(const Scenario& scenario, const Assessment& assessment) {
  if (assessment.result.three_sided) return format_three_sided(scenario, assessment);
  const StabilityResult& result = assessment.result;
  const std::string& a = scenario.sides[0].id;
  const std::string& b = scenario.sides[1].id;
  const StabilityParameters& p = scenario.parameters;
  std::string out = scenario_heading(scenario);
  if (scenario.is_real()) {
    out += fmt::format(", posture {}, draw-down {}, striker readiness {}", to_string(scenario.posture),
                       to_string(p.draw_down), to_string(p.striker_readiness));
    if (scenario.sides[0].command.described || scenario.sides[1].command.described) {
      out +=
          p.decapitation == DecapitationRule::kOptimised ? ", decapitation optimised" : ", decapitation a fixed share";
    }
  }
  out += "\n\n";
  if (scenario.is_real()) {
    out += forces_text(assessment.sides[0], scenario) + "\n" + forces_text(assessment.sides[1], scenario) + "\n";
  }
  if (scenario.is_real()) out += options_text(scenario, assessment);
  out += compliance_text(scenario);
  out += strike_text(a, b, result.a_strikes_b, assessment.strikes[0]) + "\n" +
         strike_text(b, a, result.b_strikes_a, assessment.strikes[1]) + "\n";
  out += fmt::format("{:<8} {:>10} {:>10} {:>10} {:>10}\n", "side", "C1", "C2", "ratio", "unclipped");
  for (const auto& [id, s] : {std::pair{a, result.a}, std::pair{b, result.b}}) {
    out += fmt::format("{:<8} {:>10.6f} {:>10.6f} {:>10.6f} {:>10.6f}\n", id, s.c1, s.c2, s.ratio, s.ratio_unclipped);
  }
  out += fmt::format(
      "\nFirst-strike stability index (Kent & Thaler): {:.6f}  (1 = stable; each side strikes first "
      "only if its belief that the other is about to strike exceeds its ratio)\n",
      result.index);

  if (!scenario.is_real()) {
    out += fmt::format("\nExchange ratio (victim warheads destroyed per counterforce warhead at s*): {} {}, {} {}\n", a,
                       optional_number(assessment.strikes[0].exchange_ratio, "{:.2f}"), b,
                       optional_number(assessment.strikes[1].exchange_ratio, "{:.2f}"));
    return out;
  }
  out += "\nCounterforce metrics\n";
  out += fmt::format("  {:<8} {:>14} {:>10} {:>10} {:>10} {:>10} {:>10} {:>10}\n", "striker", "exchange ratio",
                     "their silo", "50%", "80%", "90%", "CMP", "EMT");
  for (std::size_t i = 0; i < 2; ++i) {
    const SideDetail& side = assessment.sides[i];
    const SiloKillMetrics& m = side.silo_kill;
    out += fmt::format("  {:<8} {:>14} {:>10.0f} {:>10} {:>10} {:>10} {:>10.0f} {:>10.0f}\n", scenario.sides[i].id,
                       optional_number(assessment.strikes[i].exchange_ratio, "{:.2f}"), m.silo_warheads,
                       optional_number(m.warheads_needed[0]), optional_number(m.warheads_needed[1]),
                       optional_number(m.warheads_needed[2]), side.cmp, side.emt);
  }
  if (scenario.is_real()) {
    out +=
        "  exchange ratio: the other side's warheads destroyed per counterforce warhead at s*. their silo: the other\n"
        "  side's silo-based warheads. 50/80/90%: warheads needed to destroy that share of them (n/a: not reachable "
        "with the ready\n"
        "  warheads at the per-target limit). CMP in Mt^(2/3)/nmi^2, EMT in Mt^(2/3).\n";
    out += "\nIndex by posture case\n";
    out += fmt::format("  {:<18} {:>10} {:>10} {:>10} {:>10} {:>10}\n", "posture", "index", fmt::format("{} ratio", a),
                       fmt::format("{} ratio", b), fmt::format("{} C1", a), fmt::format("{} C1", b));
    for (const PostureRow& row : assessment.postures) {
      out += fmt::format("  {:<18} {:>10.6f} {:>10.6f} {:>10.6f} {:>10.6f} {:>10.6f}{}\n", to_string(row.posture),
                         row.result.index, row.result.a.ratio, row.result.b.ratio, row.result.a.c1, row.result.b.c1,
                         row.posture == scenario.posture ? "  <- this scenario" : "");
    }
  }
  if (assessment.greedy_index) {
    out += fmt::format(
        "\nDraw-down: exact linear programme over attack patterns. With the greedy draw-down instead the index is "
        "{:.6f};\nthe greedy kills fall short of the exact K(s*) by {:.4f}% ({} striking) and {:.4f}% ({} striking).\n",
        *assessment.greedy_index, 100.0 * assessment.greedy_shortfall[0].value_or(0.0), a,
        100.0 * assessment.greedy_shortfall[1].value_or(0.0), b);
  }
  return out;
}

}  // namespace stratstab

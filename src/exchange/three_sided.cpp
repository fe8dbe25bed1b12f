// Three sides in the exchange (docs/methods.md §13.5).
#include "stratstab/three_sided.hpp"

#include <algorithm>
#include <limits>
#include <utility>

namespace stratstab {

namespace {

/// `chosen` splits: shares tried in steps of 1 / kChoiceSteps, a later one must beat the best so
/// far by kChoiceTolerance (ties keep the smaller share against the first opponent), at most
/// kChoiceRounds rounds of choices.
constexpr int kChoiceSteps = 10;
constexpr double kChoiceTolerance = 1e-12;
constexpr int kChoiceRounds = 4;

/// The pairs of a three-sided world, each with the side outside it.
constexpr std::array<std::array<std::size_t, 3>, 3> kPairs{{{0, 1, 2}, {0, 2, 1}, {1, 2, 0}}};

/// A pair in which a side has no warheads has no first-strike question: the armed one has nothing
/// to pre-empt and the other nothing to strike with, so both ratios are 1.
StabilityResult no_exchange() {
  StabilityResult r;
  r.a.c1 = r.a.c2 = r.b.c1 = r.b.c2 = 0.0;
  r.a.ratio = r.b.ratio = 1.0;
  r.a.ratio_unclipped = r.b.ratio_unclipped = 1.0;
  r.index = 1.0;
  return r;
}

}  // namespace

std::string_view to_string(SplitRule rule) {
  switch (rule) {
    case SplitRule::kProportional: return "proportional";
    case SplitRule::kShares: return "shares";
    case SplitRule::kChosen: return "chosen";
  }
  return "proportional";
}

std::array<std::array<double, 3>, 3> warhead_splits(const std::array<WarheadSplit, 3>& rules,
                                                    const std::array<double, 3>& warheads) {
  std::array<std::array<double, 3>, 3> split{};
  for (std::size_t x = 0; x < 3; ++x) {
    const std::size_t y = (x + 1) % 3;
    const std::size_t z = (x + 2) % 3;
    const bool y_armed = warheads[y] > 0.0;
    const bool z_armed = warheads[z] > 0.0;
    double to_y = 0.5;
    if (y_armed != z_armed) {
      to_y = y_armed ? 1.0 : 0.0;
    } else if (y_armed) {
      const double given = rules[x].shares[y] + rules[x].shares[z];
      to_y = rules[x].rule == SplitRule::kShares && given > 0.0 ? rules[x].shares[y] / given
                                                                : warheads[y] / (warheads[y] + warheads[z]);
    }
    split[x][y] = to_y;
    split[x][z] = 1.0 - to_y;
  }
  return split;
}

void summarise_three_sided(ThreeSidedStability& result) {
  result.system_index = 1.0;
  result.least_pair = 0;
  for (std::size_t p = 0; p < 3; ++p) {
    result.system_index *= result.pairs[p].exchange.index;
    if (result.pairs[p].exchange.index < result.pairs[result.least_pair].exchange.index) result.least_pair = p;
  }
}

StabilityResult three_sided_result(ThreeSidedStability measure) {
  StabilityResult r = measure.pairs[0].exchange;
  r.index = measure.system_index;
  r.three_sided = std::make_shared<const ThreeSidedStability>(std::move(measure));
  return r;
}

namespace {

/// The whole measure from the splits: each side's threat after an exchange it is outside, each
/// pair's exchange, and with `chosen` rules each such side's split chosen first (below).
/// `threat_of(z, x, share)`: what z can put on x's value with `share` of its warheads;
/// `exchange_of(x, y, z, split, threat)`: the pair's two first strikes.
template <class ThreatOf, class ExchangeOf>
ThreeSidedStability evaluate_three(const std::array<WarheadSplit, 3>& rules, const std::array<double, 3>& warheads,
                                   const ThreatOf& threat_of, const ExchangeOf& exchange_of) {
  ThreeSidedStability out;
  out.warheads = warheads;
  out.split = warhead_splits(rules, warheads);
  const auto threats_of = [&](std::size_t z) {
    for (std::size_t x = 0; x < 3; ++x) {
      if (x != z) out.threat[z][x] = out.split[z][x] > 0.0 ? threat_of(z, x, out.split[z][x]) : 0.0;
    }
  };
  const auto pair_of = [&](std::size_t p) {
    const auto [x, y, z] = kPairs[p];
    PairExchange& pair = out.pairs[p];
    pair.first = x;
    pair.second = y;
    pair.third = z;
    pair.exchange =
        warheads[x] <= 0.0 || warheads[y] <= 0.0 ? no_exchange() : exchange_of(x, y, z, out.split, out.threat);
  };
  for (std::size_t z = 0; z < 3; ++z) threats_of(z);
  for (std::size_t p = 0; p < 3; ++p) pair_of(p);
  // `chosen` (docs/methods.md §13.5): each such side in turn picks its share against its first
  // opponent from 0, 0.1, ..., 1 so that the cheaper of its two opponents' first strikes on it (the
  // smaller C1 of an opponent striking it) is as costly as it can be, the others' splits held:
  // deterrence of the least deterred opponent. Rounds until no side changes (at most kChoiceRounds).
  bool any_chosen = false;
  for (std::size_t x = 0; x < 3; ++x) any_chosen = any_chosen || rules[x].rule == SplitRule::kChosen;
  for (int round = 0; any_chosen && round < kChoiceRounds; ++round) {
    bool changed = false;
    for (std::size_t x = 0; x < 3; ++x) {
      const std::size_t y = (x + 1) % 3;
      const std::size_t z = (x + 2) % 3;
      if (rules[x].rule != SplitRule::kChosen || warheads[y] <= 0.0 || warheads[z] <= 0.0) continue;
      // The two pairs with x in them (kPairs: x = 0 is in pairs 0 and 1, x = 1 in 0 and 2, x = 2
      // in 1 and 2), and the cost to x's opponent in each of striking x first.
      const std::size_t with_y = x == 2 ? 1 : 0;
      const std::size_t with_z = x == 0 ? 1 : 2;
      const auto opponents_worst = [&]() {
        const StabilityResult& a = out.pairs[with_y].exchange;
        const StabilityResult& b = out.pairs[with_z].exchange;
        const double cy = out.pairs[with_y].first == x ? a.b.c1 : a.a.c1;
        const double cz = out.pairs[with_z].first == x ? b.b.c1 : b.a.c1;
        return std::min(cy, cz);
      };
      const double kept = out.split[x][y];
      double best_share = kept;
      double best = -std::numeric_limits<double>::infinity();
      for (int k = 0; k <= kChoiceSteps; ++k) {
        const double share = static_cast<double>(k) / kChoiceSteps;
        out.split[x][y] = share;
        out.split[x][z] = 1.0 - share;
        threats_of(x);
        pair_of(with_y);
        pair_of(with_z);
        const double worst = opponents_worst();
        if (worst > best + kChoiceTolerance) {
          best = worst;
          best_share = share;
        }
      }
      out.split[x][y] = best_share;
      out.split[x][z] = 1.0 - best_share;
      threats_of(x);
      changed = changed || best_share != kept;
      for (std::size_t p = 0; p < 3; ++p) pair_of(p);
    }
    if (!changed) break;
  }
  summarise_three_sided(out);
  return out;
}

}  // namespace

ThreeSidedStability evaluate_three_abstract(const std::array<AbstractSide, 3>& sides,
                                            const std::array<WarheadSplit, 3>& rules,
                                            const StabilityParameters& parameters) {
  std::array<double, 3> warheads{};
  for (std::size_t i = 0; i < 3; ++i) warheads[i] = abstract_warheads(sides[i]);
  // Every abstract warhead arrives: the third side's threat is its ready warheads times its share.
  const auto threat_of = [&](std::size_t z, std::size_t, double share) {
    return abstract_ready_warheads(sides[z], parameters) * share;
  };
  const auto exchange_of = [&](std::size_t x, std::size_t y, std::size_t z, const auto& split, const auto& threat) {
    const StrikeInputs x_on_y =
        abstract_strike_inputs(sides[x], sides[y], parameters, split[x][z], split[y][z], threat[z][x], threat[z][y]);
    const StrikeInputs y_on_x =
        abstract_strike_inputs(sides[y], sides[x], parameters, split[y][z], split[x][z], threat[z][y], threat[z][x]);
    return stability_from_strikes(evaluate_first_strike(x_on_y, parameters), evaluate_first_strike(y_on_x, parameters));
  };
  return evaluate_three(rules, warheads, threat_of, exchange_of);
}

ThreeSidedStability evaluate_three_real(const std::array<const ForceSnapshot*, 3>& sides, PostureCase posture_case,
                                        const StabilityParameters& parameters,
                                        const std::array<SideOptions, 3>& options,
                                        const std::array<WarheadSplit, 3>& rules) {
  std::array<double, 3> warheads{};
  for (std::size_t i = 0; i < 3; ++i) warheads[i] = exchange_warheads(*sides[i]);
  const Posture bystander = posture_case == PostureCase::kGenerated ? Posture::kGenerated : Posture::kDayToDay;
  const auto threat_of = [&](std::size_t z, std::size_t x, double share) {
    SideOptions third = options[z];
    third.withheld = 1.0 - share;
    return value_warheads_arriving(*sides[z], bystander, parameters, third, options[x]);
  };
  const auto exchange_of = [&](std::size_t x, std::size_t y, std::size_t z, const auto& split, const auto& threat) {
    SideOptions ox = options[x];
    SideOptions oy = options[y];
    ox.withheld = split[x][z];
    oy.withheld = split[y][z];
    ox.third_side_threat = threat[z][x];
    oy.third_side_threat = threat[z][y];
    return evaluate_real(*sides[x], *sides[y], posture_case, parameters, ox, oy);
  };
  return evaluate_three(rules, warheads, threat_of, exchange_of);
}

}  // namespace stratstab

// Three sides in the exchange (docs/methods.md §13.5).
#include "stratstab/three_sided.hpp"

#include <algorithm>
#include <utility>

namespace stratstab {

namespace {

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
      to_y = rules[x].proportional ? warheads[y] / (warheads[y] + warheads[z])
                                   : rules[x].shares[y] / (rules[x].shares[y] + rules[x].shares[z]);
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

ThreeSidedStability evaluate_three_abstract(const std::array<AbstractSide, 3>& sides,
                                            const std::array<WarheadSplit, 3>& rules,
                                            const StabilityParameters& parameters) {
  ThreeSidedStability out;
  for (std::size_t i = 0; i < 3; ++i) out.warheads[i] = sides[i].nf * sides[i].mf + sides[i].ns * sides[i].ms;
  out.split = warhead_splits(rules, out.warheads);
  // Every abstract warhead arrives: the third side's threat is its ready warheads times its share.
  for (std::size_t z = 0; z < 3; ++z) {
    for (std::size_t x = 0; x < 3; ++x) {
      if (x != z) out.threat[z][x] = abstract_ready_warheads(sides[z], parameters) * out.split[z][x];
    }
  }
  for (std::size_t p = 0; p < 3; ++p) {
    const auto [x, y, z] = kPairs[p];
    PairExchange& pair = out.pairs[p];
    pair.first = x;
    pair.second = y;
    pair.third = z;
    if (out.warheads[x] <= 0.0 || out.warheads[y] <= 0.0) {
      pair.exchange = no_exchange();
      continue;
    }
    const StrikeInputs x_on_y = abstract_strike_inputs(sides[x], sides[y], parameters, out.split[x][z], out.split[y][z],
                                                       out.threat[z][x], out.threat[z][y]);
    const StrikeInputs y_on_x = abstract_strike_inputs(sides[y], sides[x], parameters, out.split[y][z], out.split[x][z],
                                                       out.threat[z][y], out.threat[z][x]);
    pair.exchange =
        stability_from_strikes(evaluate_first_strike(x_on_y, parameters), evaluate_first_strike(y_on_x, parameters));
  }
  summarise_three_sided(out);
  return out;
}

ThreeSidedStability evaluate_three_real(const std::array<const ForceSnapshot*, 3>& sides, PostureCase posture_case,
                                        const StabilityParameters& parameters,
                                        const std::array<SideOptions, 3>& options,
                                        const std::array<WarheadSplit, 3>& rules) {
  ThreeSidedStability out;
  for (std::size_t i = 0; i < 3; ++i) out.warheads[i] = exchange_warheads(*sides[i]);
  out.split = warhead_splits(rules, out.warheads);
  const Posture bystander = posture_case == PostureCase::kGenerated ? Posture::kGenerated : Posture::kDayToDay;
  for (std::size_t z = 0; z < 3; ++z) {
    for (std::size_t x = 0; x < 3; ++x) {
      if (x == z || out.split[z][x] <= 0.0) continue;
      SideOptions third = options[z];
      third.withheld = 1.0 - out.split[z][x];
      out.threat[z][x] = value_warheads_arriving(*sides[z], bystander, parameters, third, options[x]);
    }
  }
  for (std::size_t p = 0; p < 3; ++p) {
    const auto [x, y, z] = kPairs[p];
    PairExchange& pair = out.pairs[p];
    pair.first = x;
    pair.second = y;
    pair.third = z;
    if (out.warheads[x] <= 0.0 || out.warheads[y] <= 0.0) {
      pair.exchange = no_exchange();
      continue;
    }
    SideOptions ox = options[x];
    SideOptions oy = options[y];
    ox.withheld = out.split[x][z];
    oy.withheld = out.split[y][z];
    ox.third_side_threat = out.threat[z][x];
    oy.third_side_threat = out.threat[z][y];
    pair.exchange = evaluate_real(*sides[x], *sides[y], posture_case, parameters, ox, oy);
  }
  summarise_three_sided(out);
  return out;
}

}  // namespace stratstab

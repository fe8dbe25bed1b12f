// Arms-race sensitivity (docs/methods.md §11; sensitivity.hpp). Forward differences on evaluate_real: copy
// one side's snapshot, change one system by a whole step (one launcher; one warhead per deployed
// launcher), evaluate both first strikes again with the scenario's posture case and side options
// (as evaluate_scenario does), and divide the change by the step. The draw-down is the caller's
// (SensitivityOptions::draw_down): exact by default, since the greedy one (~90,000 evaluations/s
// against ~180/s for the exact linear programme, bench/) can give slopes of the wrong sign; a whole
// step keeps the difference well above the piece granularity of either.
#include "stratstab/sensitivity.hpp"

#include <algorithm>

#include "stratstab/exchange.hpp"
#include "stratstab/prepare.hpp"
#include "stratstab/upload.hpp"

namespace stratstab {
namespace {

// Relative margin by which the other side's ratio must fall to count as destabilising: far above
// floating-point noise in C1 and C2 (about 1e-16), far below any change one unit makes.
constexpr double kRatioTolerance = 1e-12;

StabilityDelta per_unit_delta(const StabilityResult& changed, const StabilityResult& base, double units) {
  StabilityDelta d;
  d.index = (changed.index - base.index) / units;
  d.c1_a = (changed.a.c1 - base.a.c1) / units;
  d.c2_a = (changed.a.c2 - base.a.c2) / units;
  d.ratio_a = (changed.a.ratio - base.a.ratio) / units;
  d.ratio_unclipped_a = (changed.a.ratio_unclipped - base.a.ratio_unclipped) / units;
  d.c1_b = (changed.b.c1 - base.b.c1) / units;
  d.c2_b = (changed.b.c2 - base.b.c2) / units;
  d.ratio_b = (changed.b.ratio - base.b.ratio) / units;
  d.ratio_unclipped_b = (changed.b.ratio_unclipped - base.b.ratio_unclipped) / units;
  return d;
}

/// C1'/C2' < C1/C2, compared as C1' C2 < C1 C2' so that C2 = 0 (an infinite ratio) needs no
/// special case.
bool ratio_fell(const SideStability& before, const SideStability& after) {
  return after.c1 * before.c2 < before.c1 * after.c2 * (1.0 - kRatioTolerance);
}

/// Central-exchange warheads loaded on deployed launchers (what `upload` calls deployed strategic).
double central_warheads(const ForceSnapshot& snapshot) {
  double total = 0.0;
  for (const System& s : snapshot.systems) {
    if (in_central_exchange(s)) total += s.warheads_loaded();
  }
  return total;
}

/// The snapshot without its bibliography and texts, which the exchange never reads, so that the
/// many copies the differences and the path make are cheap.
ForceSnapshot exchange_copy(const ForceSnapshot& snapshot) {
  ForceSnapshot out = snapshot;
  out.sources = {};
  out.title.clear();
  out.description.clear();
  return out;
}

/// evaluate_real with the scenario's posture case and side options (withheld shares, defences,
/// command, warning, forward systems), as evaluate_scenario does.
class Evaluator {
 public:
  Evaluator(const Scenario& scenario, const StabilityParameters& parameters, const std::array<ForceSnapshot, 2>& sides)
      : scenario_(scenario), parameters_(parameters), sides_(sides) {}

  [[nodiscard]] StabilityResult operator()(const ForceSnapshot& a, const ForceSnapshot& b) const {
    return evaluate_real(a, b, scenario_.posture, parameters_, side_options(scenario_.sides[0]),
                         side_options(scenario_.sides[1]));
  }

  /// The index with side `side`'s snapshot replaced by `changed`.
  [[nodiscard]] StabilityResult with_side(std::size_t side, const ForceSnapshot& changed) const {
    return side == 0 ? (*this)(changed, sides_[1]) : (*this)(sides_[0], changed);
  }

 private:
  const Scenario& scenario_;
  StabilityParameters parameters_;
  const std::array<ForceSnapshot, 2>& sides_;
};

/// The change `changed` makes (`units` launchers or warheads added or removed), per unit.
SensitivityStep difference(const Evaluator& evaluate, const StabilityResult& base, std::size_t side,
                           const ForceSnapshot& changed, double units) {
  SensitivityStep out;
  out.units = units;
  const StabilityResult result = evaluate.with_side(side, changed);
  out.per_unit = per_unit_delta(result, base, units);
  const bool other_is_b = side == 0;
  out.destabilising = other_is_b ? ratio_fell(base.b, result.b) : ratio_fell(base.a, result.a);
  return out;
}

}  // namespace

double upload_difference_step(const System& system) {
  const double launchers = system.launchers_deployed.value;
  const double headroom =
      launchers * std::max(0.0, system.max_warheads_per_launcher.value - system.warheads_per_launcher.value);
  return std::min(headroom, launchers);
}

Sensitivity compute_sensitivity(const Scenario& scenario, const SensitivityOptions& options) {
  require_prepared(scenario);
  if (!scenario.is_real()) {
    throw InputError({key_error("sides",
                                "sensitivity needs real sides (`force:` snapshots); this scenario gives abstract sides "
                                "(use `stratstab assess` for those)",
                                scenario.file)});
  }
  if (scenario.is_three_sided()) {
    // The finite differences below are of the two-sided exchange; with three sides they would
    // silently leave the third side out (docs/methods.md §13.5, limits).
    throw InputError({key_error("sides",
                                "sensitivity differentiates the two-sided index; this scenario has three sides (use "
                                "`stratstab sweep` on a key of the side, e.g. --param "
                                "sides.CN.systems.silo-fields.launchers_deployed=100,150,200)",
                                scenario.file)});
  }
  Sensitivity out;
  out.posture = scenario.posture;
  out.options = options;
  out.parameters = scenario.parameters;
  out.parameters.draw_down = options.draw_down;
  for (std::size_t i = 0; i < 2; ++i) {
    out.side_ids[i] = scenario.sides[i].id;
    out.forces[i] = scenario.sides[i].forces->id;
  }
  const std::array<ForceSnapshot, 2> sides{exchange_copy(*scenario.sides[0].forces),
                                           exchange_copy(*scenario.sides[1].forces)};
  const ForceSnapshot& a = sides[0];
  const ForceSnapshot& b = sides[1];
  const Evaluator evaluate(scenario, out.parameters, sides);
  StabilityParameters exact_parameters = scenario.parameters;
  exact_parameters.draw_down = DrawDownMethod::kExact;
  const Evaluator exact(scenario, exact_parameters, sides);
  out.base = evaluate(a, b);
  out.base_exact_index = options.draw_down == DrawDownMethod::kExact ? out.base.index : exact(a, b).index;

  for (std::size_t side = 0; side < 2; ++side) {
    const ForceSnapshot& forces = sides[side];
    for (std::size_t k = 0; k < forces.systems.size(); ++k) {
      const System& system = forces.systems[k];
      if (!in_central_exchange(system)) continue;
      SystemSensitivity s;
      s.side = side;
      s.side_id = scenario.sides[side].id;
      s.system_id = system.id;
      s.name = system.name;
      s.basing = system.basing;
      s.launchers = system.launchers_deployed.value;
      s.warheads_per_launcher = system.warheads_per_launcher.value;
      s.max_warheads_per_launcher = system.max_warheads_per_launcher.value;

      ForceSnapshot changed = forces;
      System& target = changed.systems[k];
      target.launchers_deployed.value = s.launchers + 1.0;
      s.added_launcher_warheads = s.launchers > 0.0 ? s.warheads_per_launcher : s.max_warheads_per_launcher;
      target.warheads_per_launcher.value = s.added_launcher_warheads;
      s.add_launcher = difference(evaluate, out.base, side, changed, 1.0);
      target.warheads_per_launcher.value = s.warheads_per_launcher;
      if (s.launchers >= 1.0) {
        target.launchers_deployed.value = s.launchers - 1.0;
        s.remove_launcher = difference(evaluate, out.base, side, changed, 1.0);
      }
      target.launchers_deployed.value = s.launchers;
      const double step = upload_difference_step(system);
      if (step > 0.0) {
        target.warheads_per_launcher.value = s.warheads_per_launcher + step / s.launchers;
        s.upload_warhead = difference(evaluate, out.base, side, changed, step);
      }
      out.systems.push_back(std::move(s));
    }
  }

  // Upload path. Both sides' paths are computed (compute_upload also checks the horizon); only the
  // sides that upload follow theirs, the others keep their forces as they are.
  UploadOptions upload_options;
  upload_options.horizon_months = options.horizon_months;
  upload_options.reopen_nondeployed = options.reopen_nondeployed;
  const std::array<UploadPath, 2> paths{compute_upload(a, upload_options), compute_upload(b, upload_options)};
  for (int month = 0; month <= options.horizon_months; ++month) {
    std::array<ForceSnapshot, 2> state{a, b};
    for (std::size_t i = 0; i < 2; ++i) {
      if (options.upload[i]) {
        const UploadPath& path = paths[i];
        state[i] = uploaded_snapshot(state[i], path, path.steps[static_cast<std::size_t>(month)].added_by_system);
      }
    }
    UploadPathPoint point;
    point.month = month;
    point.deployed_strategic_warheads = {central_warheads(state[0]), central_warheads(state[1])};
    point.result = evaluate(state[0], state[1]);
    if (month == options.horizon_months) {
      out.horizon_exact_index =
          options.draw_down == DrawDownMethod::kExact ? point.result.index : exact(state[0], state[1]).index;
    }
    out.upload_path.push_back(point);
  }
  return out;
}

}  // namespace stratstab

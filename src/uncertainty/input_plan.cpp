// The uncertain inputs of a scenario (docs/methods.md §13.2): every ranged figure, then the
// scenario's `uncertainty:` entries, each of which changes an input's distribution, adds an input,
// puts it in a correlation group or holds it fixed.
#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "stratstab/prepare.hpp"
#include "stratstab/schema.hpp"
#include "stratstab/uncertainty.hpp"

namespace stratstab {
namespace {

[[noreturn]] void fail_at(const UncertaintyEntry& entry, std::string message) {
  SourceLocation where = entry.where;
  if (where.key_path.empty()) where.key_path = "uncertainty." + entry.path;
  throw InputError({Diagnostic{Severity::kError, where, std::move(message)}});
}

UncertainInput from_figure(const RangedFigure& ranged, bool in_snapshot) {
  UncertainInput in;
  in.path = ranged.path;
  in.point = ranged.figure.value;
  in.low = ranged.figure.range->low;
  in.high = ranged.figure.range->high;
  in.mode = std::clamp(in.point, in.low, in.high);
  in.mean = in.mode;
  in.sd = (in.high - in.low) / 4.0;
  in.origin = in_snapshot ? "data" : "scenario";
  in.grade = ranged.figure.grade ? std::string(to_string(*ranged.figure.grade)) : std::string();
  in.source_id = ranged.figure.source_id;
  return in;
}

/// Checks an input's distribution against its number's bounds and its own shape.
void check(const UncertainInput& in, const InputAccessor& accessor, const UncertaintyEntry& entry) {
  if (!(in.low <= in.high)) fail_at(entry, fmt::format("expected low <= high, got [{}, {}]", in.low, in.high));
  const KeySpec& spec = accessor.spec();
  for (double v : {in.low, in.high}) {
    if (!within_bounds(v, spec))
      fail_at(entry, fmt::format("{} is outside the number's bounds: expected {}", v, expected_number_text(spec)));
  }
  if (in.dist == Distribution::kTriangular && !(in.mode >= in.low && in.mode <= in.high)) {
    fail_at(entry, fmt::format("the mode {} is outside [{}, {}] (the mode defaults to the point value; give `mode`)",
                               in.mode, in.low, in.high));
  }
  if (in.dist == Distribution::kNormal && in.high > in.low && !(in.sd > 0.0)) fail_at(entry, "expected sd > 0");
}

}  // namespace

InputPlan plan_uncertain_inputs(const Scenario& loaded, const std::vector<UncertaintyEntry>& entries) {
  InputPlan plan;
  const Scenario prepared = prepare_scenario(loaded);
  for (RangedFigure ranged : ranged_figures(prepared)) {
    const InputAccessor accessor = InputAccessor::resolve(prepared, ranged.path);
    // A side that uploads is drawn before its upload (SampleEvaluator): its figures are the
    // loaded snapshot's, except the w80, which is derived after the upload.
    const auto side = accessor.snapshot_side();
    if (side && side_is_rederived(loaded, *side) && ranged.path != "sides." + loaded.sides[*side].id + ".w80") {
      const Figure* before = InputAccessor::resolve(loaded, ranged.path).figure(loaded);
      if (before == nullptr || !before->range || !(before->range->high > before->range->low)) continue;
      ranged.figure = *before;
    }
    UncertainInput in = from_figure(ranged, accessor.in_snapshot());
    if (ranged.figure.dist) in.dist = *ranged.figure.dist;
    plan.inputs.push_back(std::move(in));
  }
  for (const UncertaintyEntry& entry : entries) {
    InputAccessor accessor = [&] {
      try {
        return InputAccessor::resolve(prepared, entry.path);
      } catch (const InputError& e) {
        fail_at(entry, e.diagnostics().front().message);
      }
    }();
    auto it = std::find_if(plan.inputs.begin(), plan.inputs.end(),
                           [&](const UncertainInput& in) { return in.path == entry.path; });
    if (entry.fixed) {
      if (it != plan.inputs.end()) plan.inputs.erase(it);
      plan.fixed.push_back(entry.path);
      continue;
    }
    if (it == plan.inputs.end()) {
      if (!entry.low || !entry.high) {
        fail_at(entry, "this number has no range in the data: give `low` and `high` (and `dist`)");
      }
      UncertainInput in;
      in.path = entry.path;
      const auto side = accessor.snapshot_side();
      const bool before_upload =
          side && side_is_rederived(loaded, *side) && entry.path != "sides." + loaded.sides[*side].id + ".w80";
      in.point = before_upload ? InputAccessor::resolve(loaded, entry.path).get(loaded) : accessor.get(prepared);
      in.origin = "uncertainty";
      in.low = *entry.low;
      in.high = *entry.high;
      in.mode = in.point;
      in.mean = in.point;
      plan.inputs.push_back(in);
      it = plan.inputs.end() - 1;
    } else if (it->origin != "uncertainty") {
      it->origin += "+uncertainty";
    }
    UncertainInput& in = *it;
    if (entry.dist) in.dist = *entry.dist;
    if (entry.low) in.low = *entry.low;
    if (entry.high) in.high = *entry.high;
    const bool range_given = entry.low.has_value() || entry.high.has_value();
    // The mode and mean default to the point value; the sd to a quarter of the range (its ends
    // about two standard deviations out).
    if (entry.mode)
      in.mode = *entry.mode;
    else if (range_given)
      in.mode = in.point;
    if (entry.mean) in.mean = *entry.mean;
    if (entry.sd)
      in.sd = *entry.sd;
    else if (range_given)
      in.sd = (in.high - in.low) / 4.0;
    if (!entry.group.empty()) in.group = entry.group;
    check(in, accessor, entry);
  }
  return plan;
}

}  // namespace stratstab

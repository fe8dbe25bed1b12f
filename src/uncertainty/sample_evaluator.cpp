// One sample of an uncertainty run (docs/methods.md §13.2): the prepared scenario with its
// uncertain inputs stored in place through accessors resolved once, then evaluated as assess
// evaluates it. A side that uploads (`upload_months`) or complies with a regime (`comply`) has its
// force figures drawn before the upload and the compliance, which are then run again on the drawn
// snapshot (rederive_side); the derived w80 is the prepared one (or
// its own draw), not derived again from the drawn yields (docs/methods.md §13.2 says why).
#include <algorithm>
#include <stdexcept>

#include "stratstab/prepare.hpp"
#include "stratstab/uncertainty.hpp"

namespace stratstab {
namespace {

/// Puts back the warhead shares and base launchers that renormalise_snapshot rescaled for the
/// previous sample, so that a figure not drawn keeps its value from sample to sample.
void restore_sums(ForceSnapshot& snapshot, const ForceSnapshot& reference) {
  for (std::size_t i = 0; i < snapshot.systems.size(); ++i) {
    System& system = snapshot.systems[i];
    const System& before = reference.systems[i];
    for (std::size_t w = 0; w < system.warheads.size(); ++w)
      system.warheads[w].share.value = before.warheads[w].share.value;
    for (std::size_t b = 0; b < system.bases.size(); ++b)
      system.bases[b].launchers.value = before.bases[b].launchers.value;
  }
}

}  // namespace

SampleEvaluator::SampleEvaluator(const Scenario& loaded, std::vector<UncertainInput> inputs)
    : loaded_(loaded), prepared_(prepare_scenario(loaded)), inputs_(std::move(inputs)) {
  for (std::size_t s = 0; s < loaded_.sides.size(); ++s) reupload_[s] = side_is_rederived(loaded_, s);
  accessors_.reserve(inputs_.size());
  before_upload_.assign(inputs_.size(), false);
  for (std::size_t i = 0; i < inputs_.size(); ++i) {
    InputAccessor a = InputAccessor::resolve(prepared_, inputs_[i].path);
    const auto side = a.snapshot_side();
    // The w80 is derived after the upload (prepare.hpp): it stays a figure of the prepared side.
    const bool is_w80 = side && inputs_[i].path == "sides." + prepared_.sides[*side].id + ".w80";
    if (side && reupload_[*side] && !is_w80) {
      a = InputAccessor::resolve(loaded_, inputs_[i].path);
      before_upload_[i] = true;
    }
    accessors_.push_back(std::move(a));
  }
}

SampleEvaluator::~SampleEvaluator() = default;

std::unique_ptr<SampleEvaluator::Workspace> SampleEvaluator::workspace() const {
  auto w = std::make_unique<Workspace>();
  w->scenario = prepared_;
  if (std::any_of(reupload_.begin(), reupload_.end(), [](bool r) { return r; })) w->before = loaded_;
  return w;
}

std::vector<double> SampleEvaluator::point_values() const {
  std::vector<double> v(inputs_.size());
  for (std::size_t i = 0; i < inputs_.size(); ++i) v[i] = inputs_[i].point;
  return v;
}

void SampleEvaluator::apply(std::span<const double> values, Workspace& workspace) const {
  if (values.size() != inputs_.size()) throw std::logic_error("SampleEvaluator: one value per input expected");
  Scenario& s = workspace.scenario;
  for (std::size_t side = 0; side < s.sides.size(); ++side) {
    if (!reupload_[side]) continue;
    restore_sums(*workspace.before.sides[side].forces, *loaded_.sides[side].forces);
    for (std::size_t i = 0; i < inputs_.size(); ++i) {
      if (before_upload_[i] && accessors_[i].snapshot_side() == side) accessors_[i].set(workspace.before, values[i]);
    }
    ForceSnapshot& drawn = *workspace.before.sides[side].forces;
    renormalise_snapshot(drawn, *loaded_.sides[side].forces);
    s.sides[side].forces = rederive_side(loaded_, prepared_, side, drawn);
    s.sides[side].forces->w80 = prepared_.sides[side].forces->w80;
  }
  for (std::size_t side = 0; side < s.sides.size(); ++side) {
    if (s.sides[side].forces && !reupload_[side]) restore_sums(*s.sides[side].forces, *prepared_.sides[side].forces);
  }
  for (std::size_t i = 0; i < inputs_.size(); ++i) {
    if (!before_upload_[i]) accessors_[i].set(s, values[i]);
  }
  for (std::size_t side = 0; side < s.sides.size(); ++side) {
    if (s.sides[side].forces && !reupload_[side])
      renormalise_snapshot(*s.sides[side].forces, *prepared_.sides[side].forces);
  }
}

const Scenario& SampleEvaluator::applied(const Workspace& workspace) const {
  return workspace.scenario;
}

SampleOutputs SampleEvaluator::evaluate(std::span<const double> values, Workspace& workspace) const {
  apply(values, workspace);
  return sample_outputs(evaluate_scenario(workspace.scenario));
}

SampleOutputs sample_outputs(const StabilityResult& r) {
  return SampleOutputs{r.index,
                       r.a.c1,
                       r.a.c2,
                       r.a.ratio,
                       r.b.c1,
                       r.b.c2,
                       r.b.ratio,
                       r.a_strikes_b.counterforce_spent,
                       r.a_strikes_b.victim_surviving,
                       r.a_strikes_b.retaliation_arriving,
                       r.b_strikes_a.counterforce_spent,
                       r.b_strikes_a.victim_surviving,
                       r.b_strikes_a.retaliation_arriving};
}

std::array<std::string, kUncertaintyOutputs> uncertainty_output_names(const Scenario& scenario) {
  const std::string& a = scenario.sides[0].id;
  const std::string& b = scenario.sides[1].id;
  return {"index",
          a + ".c1",
          a + ".c2",
          a + ".ratio",
          b + ".c1",
          b + ".c2",
          b + ".ratio",
          a + "->" + b + ".s_star",
          a + "->" + b + ".victim_surviving",
          a + "->" + b + ".retaliation_arriving",
          b + "->" + a + ".s_star",
          b + "->" + a + ".victim_surviving",
          b + "->" + a + ".retaliation_arriving"};
}

}  // namespace stratstab

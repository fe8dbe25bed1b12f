// The points of a grid sweep evaluated in memory (ensemble.hpp). The scenario is loaded once per
// combination of the axes that cannot be set in memory; the numbers of the other axes are stored
// through accessors resolved once per combination. Every in-memory axis is checked against loading
// at its first and last value before the run, so that a number the loader would treat otherwise
// (e.g. a key whose value changes another at load) falls back to loading instead of giving a
// different answer.
#include <charconv>
#include <cmath>
#include <optional>

#include <fmt/format.h>

#include "stratstab/ensemble.hpp"
#include "stratstab/error.hpp"
#include "stratstab/prepare.hpp"
#include "stratstab/scenario_inputs.hpp"

namespace stratstab {
namespace {

/// `text` as a finite number when the whole of it is one in the plain decimal form both
/// std::from_chars and the YAML reader take to the same (correctly rounded) double.
std::optional<double> plain_number(const std::string& text) {
  double value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc() || end != text.data() + text.size() || !std::isfinite(value)) {
    return std::nullopt;
  }
  return value;
}

bool same(double a, double b) {
  return a == b || (std::isnan(a) && std::isnan(b));
}

/// Whether two points agree in every output bit for bit (the value label aside).
bool same_point(const SweepPoint& a, const SweepPoint& b) {
  if (!same(a.index, b.index)) return false;
  for (std::size_t s = 0; s < 2; ++s) {
    const SideStability& x = a.sides[s].stability;
    const SideStability& y = b.sides[s].stability;
    if (!same(x.c1, y.c1) || !same(x.c2, y.c2) || !same(x.ratio, y.ratio)) return false;
    if (!same(a.exchanges[s].counterforce_spent, b.exchanges[s].counterforce_spent) ||
        !same(a.exchanges[s].victim_surviving, b.exchanges[s].victim_surviving) ||
        !same(a.exchanges[s].retaliation_arriving, b.exchanges[s].retaliation_arriving)) {
      return false;
    }
  }
  return true;
}

}  // namespace

/// A loaded scenario of one combination of the reloaded axes' values, prepared, and the in-memory
/// axes' accessors resolved against the form they are stored into.
struct GridEvaluator::Combination {
  Scenario loaded;
  Scenario prepared;
  std::vector<std::optional<InputAccessor>> accessors;  ///< per axis; set for in-memory axes
};

struct GridEvaluator::Workspace {
  static constexpr std::size_t kNone = static_cast<std::size_t>(-1);
  std::size_t combination = kNone;  ///< the combination `scenario` (and `own`) hold
  Scenario scenario;
  std::unique_ptr<Combination> own;  ///< above max_loaded: the combination last loaded
};

GridEvaluator::GridEvaluator(const Grid& grid, Loader load, std::size_t max_loaded)
    : grid_(grid), load_(std::move(load)) {
  const std::vector<GridAxis>& axes = grid_.axes();
  modes_.assign(axes.size(), AxisMode::kReloaded);
  numbers_.resize(axes.size());
  const Scenario base = load_({});
  const Scenario base_prepared = prepare_scenario(base);
  for (std::size_t k = 0; k < axes.size(); ++k) {
    std::vector<double> numbers;
    for (const std::string& value : axes[k].values) {
      const std::optional<double> number = plain_number(value);
      if (!number) break;
      numbers.push_back(*number);
    }
    if (numbers.size() != axes[k].values.size()) continue;
    std::optional<InputAccessor> accessor;
    try {
      accessor = InputAccessor::resolve(base, axes[k].path);
    } catch (const InputError&) {
      continue;  // not a number of this scenario (e.g. a count the accessors do not reach): loaded
    }
    // The first and last values both ways: set in memory, and loaded as `--set` loads them.
    const bool snapshot = accessor->in_snapshot();
    bool agrees = true;
    for (const std::size_t i : {std::size_t{0}, numbers.size() - 1}) {
      const SweepPoint loaded =
          sweep_point(prepare_scenario(load_({Override{axes[k].path, axes[k].values[i]}})), axes[k].values[i]);
      SweepPoint in_memory;
      if (snapshot) {
        Scenario s = base;
        accessor->set(s, numbers[i]);
        in_memory = sweep_point(prepare_scenario(std::move(s)), axes[k].values[i]);
      } else {
        Scenario s = base_prepared;
        InputAccessor::resolve(base_prepared, axes[k].path).set(s, numbers[i]);
        in_memory = sweep_point(s, axes[k].values[i]);
      }
      agrees = agrees && same_point(loaded, in_memory);
    }
    if (!agrees) continue;
    modes_[k] = AxisMode::kInMemory;
    numbers_[k] = std::move(numbers);
    reprepare_ = reprepare_ || snapshot;
  }
  std::size_t combinations = 1;
  for (std::size_t k = 0; k < axes.size(); ++k) {
    if (modes_[k] != AxisMode::kReloaded) continue;
    reloaded_.push_back(k);
    combinations =
        axes[k].values.size() > max_loaded / combinations ? max_loaded + 1 : combinations * axes[k].values.size();
  }
  if (combinations > max_loaded) return;
  std::vector<std::size_t> at(axes.size(), 0);
  for (std::size_t c = 0; c < combinations; ++c) {
    // The combination's value index on each reloaded axis (the last reloaded axis fastest).
    std::size_t rest = c;
    for (std::size_t r = reloaded_.size(); r-- > 0;) {
      const std::size_t n = axes[reloaded_[r]].values.size();
      at[reloaded_[r]] = rest % n;
      rest /= n;
    }
    auto combination = std::make_unique<Combination>();
    combination->loaded = c == 0 && reloaded_.empty() ? base : load_(reloaded_overrides(at));
    combination->prepared = prepare_scenario(combination->loaded);
    resolve(*combination);
    combinations_.push_back(std::move(combination));
  }
}

GridEvaluator::~GridEvaluator() = default;

void GridEvaluator::resolve(Combination& c) const {
  c.accessors.resize(grid_.axes().size());
  for (std::size_t k = 0; k < grid_.axes().size(); ++k) {
    if (modes_[k] != AxisMode::kInMemory) continue;
    const std::string& path = grid_.axes()[k].path;
    try {
      c.accessors[k] = InputAccessor::resolve(reprepare_ ? c.loaded : c.prepared, path);
    } catch (const InputError& e) {
      // The path names a number of the first combination but not of this one (another snapshot).
      throw InputError({key_error("--param",
                                  fmt::format("{} names no number of the scenario at {}: {}", path, c.loaded.name,
                                              e.diagnostics().front().message),
                                  "command line")});
    }
  }
}

std::vector<Override> GridEvaluator::reloaded_overrides(std::span<const std::size_t> at) const {
  std::vector<Override> overrides;
  for (const std::size_t k : reloaded_)
    overrides.push_back(Override{grid_.axes()[k].path, grid_.axes()[k].values[at[k]]});
  return overrides;
}

std::size_t GridEvaluator::combination_of(std::span<const std::size_t> at) const {
  std::size_t c = 0;
  for (const std::size_t k : reloaded_) c = c * grid_.axes()[k].values.size() + at[k];
  return c;
}

std::shared_ptr<GridEvaluator::Workspace> GridEvaluator::workspace() const {
  return std::make_shared<Workspace>();
}

SweepPoint GridEvaluator::evaluate(std::size_t /*index*/, std::span<const std::size_t> at, Workspace& workspace) const {
  const std::size_t c = combination_of(at);
  if (!combinations_.empty()) return evaluate_in(*combinations_[c], at, workspace);
  if (workspace.combination != c || !workspace.own) {
    auto own = std::make_unique<Combination>();
    {
      const std::lock_guard<std::mutex> guard(load_lock_);
      own->loaded = load_(reloaded_overrides(at));
    }
    own->prepared = prepare_scenario(own->loaded);
    resolve(*own);
    workspace.own = std::move(own);
    workspace.combination = Workspace::kNone;  // the scenario copy is of another combination
  }
  SweepPoint point = evaluate_in(*workspace.own, at, workspace);
  workspace.combination = c;
  return point;
}

SweepPoint GridEvaluator::evaluate_in(const Combination& c, std::span<const std::size_t> at,
                                      Workspace& workspace) const {
  const std::size_t id = combination_of(at);
  if (reprepare_) {
    // A snapshot figure: stored into the loaded form, then the upload and the derived damage again.
    Scenario s = c.loaded;
    for (std::size_t k = 0; k < at.size(); ++k) {
      if (c.accessors[k]) c.accessors[k]->set(s, numbers_[k][at[k]]);
    }
    return sweep_point(prepare_scenario(std::move(s)), grid_.label(at));
  }
  if (workspace.combination != id) {
    workspace.scenario = c.prepared;
    workspace.combination = id;
  }
  for (std::size_t k = 0; k < at.size(); ++k) {
    if (c.accessors[k]) c.accessors[k]->set(workspace.scenario, numbers_[k][at[k]]);
  }
  return sweep_point(workspace.scenario, grid_.label(at));
}

SweepPoint GridEvaluator::evaluate_loaded(std::span<const std::size_t> at) const {
  std::vector<Override> overrides;
  for (std::size_t k = 0; k < at.size(); ++k) {
    overrides.push_back(Override{grid_.axes()[k].path, grid_.axes()[k].values.at(at[k])});
  }
  Scenario loaded;
  {
    const std::lock_guard<std::mutex> guard(load_lock_);
    loaded = load_(overrides);
  }
  return sweep_point(prepare_scenario(std::move(loaded)), grid_.label(at));
}

}  // namespace stratstab

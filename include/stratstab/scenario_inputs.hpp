// The numbers a validated scenario is evaluated from, each named by its key path and reachable in
// memory: the figures of each real side's force snapshot (`sides.US.systems.mm3.cep_m`), the
// scenario's own numbers (`sides.US.defence.layers[0].sspk`, `sides.A.abstract.de`,
// `options.surcharge`). A path is resolved once into an accessor; setting a value through it is a
// store into the scenario struct, so a sample of an uncertainty run costs what an evaluation costs
// (docs/methods.md §13.2). The paths are those `--set` takes (docs/io_formats.md, "Key paths").
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "stratstab/figure.hpp"
#include "stratstab/scenario.hpp"

namespace stratstab {

/// A resolved key path: reads and writes one number of a scenario of the shape it was resolved
/// against (same sides, systems, layers and routes; a copy of it, or a copy of its prepared form).
class InputAccessor {
 public:
  /// Resolves `path` against `scenario`; throws InputError (key path `path`, with the closest key
  /// where one is near) when it names no number of this scenario.
  static InputAccessor resolve(const Scenario& scenario, std::string_view path);

  [[nodiscard]] const std::string& path() const { return path_; }
  [[nodiscard]] double get(const Scenario& scenario) const;
  /// Stores `value`; an optional number the scenario lacks (e.g. `command.survival_generated`) is
  /// created.
  void set(Scenario& scenario, double value) const;
  /// The schema's bounds on the number (section and key of the file format), e.g. [0, 1] for a share.
  [[nodiscard]] const KeySpec& spec() const { return *spec_; }
  /// A figure of a real side's force snapshot (not a number of the scenario file itself).
  [[nodiscard]] bool in_snapshot() const { return snapshot_side_.has_value(); }
  /// The side (0 or 1) whose snapshot holds the figure, when in_snapshot().
  [[nodiscard]] std::optional<std::size_t> snapshot_side() const { return snapshot_side_; }
  /// The figure itself where the number is one (snapshot figures), for its range, grade and source.
  [[nodiscard]] const Figure* figure(const Scenario& scenario) const;

 private:
  std::string path_;
  const KeySpec* spec_ = nullptr;
  std::optional<std::size_t> snapshot_side_;
  /// The number's address in a scenario of the resolved shape (never null for a resolved path).
  std::function<double*(Scenario&)> address_;
  /// Creates an absent optional number (default-initialised from the figure it copies), if any.
  std::function<void(Scenario&)> create_;
  std::function<const Figure*(const Scenario&)> figure_;
};

/// One number of a scenario with a stated range: a snapshot figure with `range`, or a scenario
/// figure written with one (`{value: 0.8, range: [0.6, 0.9]}`).
struct RangedFigure {
  std::string path;  ///< the key path InputAccessor::resolve takes
  Figure figure;     ///< value, range, grade, source, note, where it was read
};

/// Every figure of `scenario` with a range whose ends differ, in file order: each real side's
/// snapshot figures, then each side's scenario figures (ScenarioSide::figures: defence, command,
/// warning, flight times written with a `range`). Zero-width ranges
/// (`range: [0, 0]`, a definitional figure) are not uncertain and are left out.
std::vector<RangedFigure> ranged_figures(const Scenario& scenario);

/// Every key path of a real side's snapshot figures, with the figure (file order), as
/// `sides.<ID>.systems.<system>.<key>`, `...warheads[i].yield_kt`, `...bases[i].launchers`,
/// `sides.<ID>.inventory.<key>` and `sides.<ID>.w80`.
void for_each_snapshot_path(const ScenarioSide& side,
                            const std::function<void(const std::string& path, const Figure& figure)>& visit);

/// After figures were set in memory, restores the sums the force loader checks that a single
/// figure's draw can break (docs/methods.md §13.2): each system's warhead shares are rescaled to sum
/// to what they sum to in `reference` (1, to the loader's tolerance), and its bases' launchers to
/// the same share of launchers_deployed as there. A system whose sums are unchanged is left exactly
/// as it is. `reference` is the same snapshot before the draw (same systems, warheads and bases).
void renormalise_snapshot(ForceSnapshot& snapshot, const ForceSnapshot& reference);

}  // namespace stratstab

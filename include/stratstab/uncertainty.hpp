// Uncertainty (docs/methods.md §13.2): the index and each side's costs as distributions over every
// ranged input of a scenario. The inputs are the figures with a range (force data and scenario
// figures, the derived w80) and the entries of the scenario's `uncertainty:` block; each is drawn
// from its distribution (triangular with the point value as mode unless the data or the block says
// otherwise), by Monte Carlo or Latin hypercube; the inputs are ranked by Sobol indices and by a
// one-at-a-time tornado. Pure: the same scenario, options and seed give bit-identical results for
// any thread count.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "stratstab/scenario.hpp"
#include "stratstab/scenario_inputs.hpp"
#include "stratstab/treaty.hpp"
#include "stratstab/uncertainty_spec.hpp"

namespace stratstab {

/// How the sample points are drawn.
enum class SamplingMethod {
  kMonteCarlo,      ///< independent uniform draws
  kLatinHypercube,  ///< one draw in each of N equal strata of every input, strata paired at random
};
std::string_view to_string(SamplingMethod method);
std::optional<SamplingMethod> sampling_method_from_string(std::string_view text);

/// One uncertain input: where it is, its distribution and the value assess uses.
struct UncertainInput {
  std::string path;
  Distribution dist = Distribution::kTriangular;
  double low = 0;
  double mode = 0;  ///< triangular: the mode (the point value unless the block gives one)
  double high = 0;
  double mean = 0;  ///< normal: before truncation to [low, high]
  double sd = 0;
  double point = 0;    ///< the value in the scenario as assess evaluates it
  std::string group;   ///< inputs of one group move together (one uniform draw for all); "" alone
  std::string origin;  ///< `data` (a force snapshot figure), `scenario` (a scenario figure) or `uncertainty`
  std::string grade;   ///< the figure's grade, where it is one
  std::string source_id;

  /// The value at cumulative probability u in [0, 1] (the quantile function).
  [[nodiscard]] double quantile(double u) const;
};

/// The uncertain inputs of a loaded scenario (prepared here): every ranged figure of its prepared
/// form (ranged_figures; a side that uploads gives its figures before the upload), changed,
/// added or held fixed by the `uncertainty:` entries. Throws InputError, located at the entry, for
/// a path that names no number, a distribution that does not fit its number's bounds, or a group
/// whose members conflict.
struct InputPlan {
  std::vector<UncertainInput> inputs;
  std::vector<std::string> fixed;  ///< paths held at their point value by the block
};
InputPlan plan_uncertain_inputs(const Scenario& loaded, const std::vector<UncertaintyEntry>& entries);

/// The numbers an uncertainty run follows for each sample, in this order (names in
/// `uncertainty_output_names`): the index; for each side X (scenario order) its C1, C2 and ratio;
/// for each strike X->Y, s*, the victim's warheads surviving and the retaliation arriving.
inline constexpr std::size_t kUncertaintyOutputs = 13;
std::array<std::string, kUncertaintyOutputs> uncertainty_output_names(const Scenario& scenario);
using SampleOutputs = std::array<double, kUncertaintyOutputs>;
SampleOutputs sample_outputs(const StabilityResult& result);

/// Evaluates a scenario with its uncertain inputs at given values. Built once per run; `evaluate`
/// is reentrant given one Workspace per thread (a copy of the prepared scenario, written in place
/// through accessors resolved once, so a sample costs what an evaluation costs).
class SampleEvaluator {
 public:
  /// `loaded` as read (prepared here); `inputs` from plan_uncertain_inputs on its prepared form.
  SampleEvaluator(const Scenario& loaded, std::vector<UncertainInput> inputs);
  ~SampleEvaluator();
  SampleEvaluator(const SampleEvaluator&) = delete;
  SampleEvaluator& operator=(const SampleEvaluator&) = delete;

  /// One thread's copy: the prepared scenario written in place, and the loaded one for sides whose
  /// upload is run again on drawn figures.
  struct Workspace {
    Scenario scenario;
    Scenario before;
  };
  [[nodiscard]] std::unique_ptr<Workspace> workspace() const;
  /// The outputs with input i at values[i] (values.size() == inputs().size()).
  SampleOutputs evaluate(std::span<const double> values, Workspace& workspace) const;
  /// The prepared scenario with the inputs at `values` (for a caller that needs more than the outputs).
  void apply(std::span<const double> values, Workspace& workspace) const;
  [[nodiscard]] const Scenario& applied(const Workspace& workspace) const;

  [[nodiscard]] const std::vector<UncertainInput>& inputs() const { return inputs_; }
  [[nodiscard]] const Scenario& prepared() const { return prepared_; }
  [[nodiscard]] std::vector<double> point_values() const;

 private:
  Scenario loaded_;
  Scenario prepared_;
  std::vector<UncertainInput> inputs_;
  std::vector<InputAccessor> accessors_;  ///< against prepared_, or against loaded_ for `before_upload_`
  std::vector<bool> before_upload_;       ///< a snapshot figure of a side that uploads: set before the upload
  std::array<bool, 3> reupload_{false, false, false};  ///< per side (two or three)
};

/// The factors of a design: each ungrouped input is one, each group one (its members move together).
struct Factors {
  std::vector<std::vector<std::size_t>> members;  ///< input indices of each factor
  std::vector<std::string> names;                 ///< the input's path, or `group <name>`
};
Factors factors_of(const std::vector<UncertainInput>& inputs);

/// N points in the unit cube of the factors, row-major (N x factors), from `seed`.
std::vector<double> unit_design(std::size_t points, std::size_t factors, SamplingMethod method, std::uint64_t seed);

/// Input values (N x inputs, row-major) of a unit design: each input at its quantile of its factor's u.
std::vector<double> input_values(const std::vector<UncertainInput>& inputs, const Factors& factors,
                                 std::span<const double> unit, std::size_t points);

/// Evaluates each row of `values` (row-major, `inputs` columns) on `threads` threads; row i's
/// outputs land at i whatever the thread count. `on_progress(done)` is called from the calling
/// thread now and then (may be empty).
std::vector<SampleOutputs> evaluate_rows(const SampleEvaluator& evaluator, std::span<const double> values,
                                         unsigned threads, const std::function<void(std::size_t)>& on_progress = {});

/// Summary of one output over the samples: mean, standard deviation, quantiles, and each
/// quantile's distribution-free 95% confidence interval from order statistics (docs/methods.md §13.2).
struct OutputBand {
  std::string name;
  double point = 0;
  double mean = 0;
  double sd = 0;
  static constexpr std::array<double, 5> kLevels{0.05, 0.25, 0.5, 0.75, 0.95};
  std::array<double, 5> quantiles{};
  std::array<double, 5> ci_low{};
  std::array<double, 5> ci_high{};
};
OutputBand summarise(std::string name, double point, std::vector<double> values);
/// The empirical quantile at level p in [0, 1] of ascending `sorted` values: linear between order
/// statistics (Hyndman and Fan's type 7); 0 for no values.
double quantile_sorted(const std::vector<double>& sorted, double p);

/// An input's place in the run: its tornado (index with the input at the ends of its range, the
/// rest at their point values) and its Sobol indices for the index (empty when screened out).
struct InputSensitivity {
  std::string factor;               ///< the input's path or `group <name>`
  std::vector<std::size_t> inputs;  ///< into UncertaintyResult::inputs
  double index_at_low = 0;
  double index_at_high = 0;
  double swing = 0;  ///< |index_at_high - index_at_low|
  std::optional<double> first_order;
  std::optional<double> total;
  std::array<double, 2> first_order_ci{};
  std::array<double, 2> total_ci{};
};

struct UncertaintyOptions {
  std::size_t samples = 1000;
  std::uint64_t seed = 1;
  SamplingMethod method = SamplingMethod::kLatinHypercube;
  unsigned threads = 1;
  /// Base sample size of the Sobol design (n (F + 2) evaluations or so); 0: no Sobol indices.
  std::size_t sobol_samples = 256;
  std::size_t bootstrap = 200;  ///< resamples for the Sobol confidence intervals
  std::vector<double> thresholds{0.5, 0.75};
  /// Keep every band sample's input values and outputs in the result (for `--csv`).
  bool keep_samples = false;
  std::function<void(std::size_t done, std::size_t total)> on_progress;
};

/// Counts of a band's samples in `counts.size()` equal bins from `low` to `high` (the samples' least
/// and greatest; one bin when they are equal), for the histogram of the index.
struct Histogram {
  double low = 0;
  double high = 0;
  std::vector<std::size_t> counts;
};
Histogram histogram(const std::vector<double>& values, std::size_t bins);

struct UncertaintyResult {
  std::string scenario;
  std::size_t samples = 0;
  std::uint64_t seed = 0;
  SamplingMethod method = SamplingMethod::kLatinHypercube;
  unsigned threads = 1;
  std::vector<UncertainInput> inputs;
  std::vector<std::string> fixed;
  std::vector<OutputBand> outputs;               ///< [0] is the index
  Histogram index_histogram;                     ///< of the band's index samples, 20 bins
  std::vector<std::pair<double, double>> below;  ///< threshold, P(index < threshold)
  /// The samples' index at N/2 and at N (the median): how much it still moves.
  double median_at_half = 0;
  std::vector<InputSensitivity> ranking;  ///< factors by total Sobol index, then by swing
  std::size_t sobol_samples = 0;
  /// Total Sobol index of every factor whose tornado swing is zero, taken together (they are varied
  /// in the band but not ranked one by one); empty when there is none.
  std::optional<double> screened_total;
  std::size_t screened_factors = 0;
  std::size_t evaluations = 0;
  /// With keep_samples: each band sample's input values (samples x inputs, row-major) and outputs.
  std::vector<double> sample_values;
  std::vector<SampleOutputs> sample_outputs;
};

/// The whole run on a loaded scenario (prepared here) with the `uncertainty:` entries given.
UncertaintyResult run_uncertainty(const Scenario& loaded, const std::vector<UncertaintyEntry>& entries,
                                  const UncertaintyOptions& options);

/// One limit of a treaty over a sample of the snapshot's ranged figures.
struct LimitBand {
  std::string id;
  double limit = 0;
  double point = 0;  ///< the count `treaty count` gives
  OutputBand count;
  double probability_over = 0;  ///< share of samples whose count exceeds the limit
};
struct TreatyCountBand {
  std::size_t samples = 0;
  std::uint64_t seed = 0;
  SamplingMethod method = SamplingMethod::kLatinHypercube;
  std::size_t inputs = 0;  ///< ranged figures drawn
  std::vector<LimitBand> limits;
  double probability_any_over = 0;
};
/// `treaty count --samples N`: every ranged figure of `snapshot` drawn (triangular, mode at its
/// value), the force counted under `treaty` as count_treaty counts it. Pure.
TreatyCountBand treaty_count_band(const Treaty& treaty, const ForceSnapshot& snapshot, const CountOptions& options,
                                  std::size_t samples, std::uint64_t seed, SamplingMethod method);

/// Sobol first-order (Saltelli et al. 2010) and total (Jansen 1999) estimates from the outputs of
/// the pick-freeze design: f(A), f(B) and f(A_B^g) for each factor group g (n each).
struct SobolEstimate {
  double first_order = 0;
  double total = 0;
};
SobolEstimate sobol_estimate(std::span<const double> f_a, std::span<const double> f_b, std::span<const double> f_ab);

}  // namespace stratstab

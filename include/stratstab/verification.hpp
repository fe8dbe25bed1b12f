// `stratstab verify` (docs/methods.md §13.1): a regime's provisions (data/treaties, `verification`)
// against stated violations of one side's force: the chance that its inspections detect them in a
// year and over years, and whether that deters by the inspection game's condition; and how what
// the other side knows of the force ages without data exchanges. Pure functions of loaded data.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "stratstab/detection.hpp"
#include "stratstab/forces.hpp"
#include "stratstab/treaty.hpp"

namespace stratstab {

enum class ViolationKind {
  kHiddenUpload,         ///< m deployed missiles carry more re-entry vehicles than declared
  kUndeclaredLaunchers,  ///< m declared bases of deployed systems hold launchers not declared
};
std::string_view to_string(ViolationKind kind);  ///< `hidden-upload`, `undeclared-launchers`
std::optional<ViolationKind> violation_kind_from_string(std::string_view text);

struct Violation {
  ViolationKind kind = ViolationKind::kHiddenUpload;
  long long count = 1;  ///< m
};

/// The population a violation hides in and the inspections that sample it, on one force.
struct ViolationPopulation {
  long long size = 0;         ///< N: deployed ICBMs and SLBMs, or declared bases of deployed systems
  long long inspections = 0;  ///< n a year: RV counts, or visits to bases of deployed systems
  std::string what;           ///< the population in words
};
ViolationPopulation violation_population(const Treaty& treaty, const ForceSnapshot& force, ViolationKind kind);

struct ViolationAssessment {
  Violation violation;
  ViolationPopulation population;
  double p_given_inspected = 1;
  double p_detect = 0;                    ///< in one year
  std::vector<double> p_detect_by_years;  ///< within 1, 2, ... years (fresh draws each year)
  double non_detection = 1;               ///< beta = 1 - p_detect
  double threshold = 0;                   ///< (b - h alpha) / (b + d) at the point figures
  double threshold_low = 0;               ///< least over the corners of the figures' ranges
  double threshold_high = 0;              ///< greatest
  bool deterred = false;                  ///< beta <= threshold
  /// The fewest inspections a year that would deter at the point figures (none: not even all N).
  std::optional<long long> inspections_needed;
};

struct VerificationAssessment {
  std::string treaty_id;
  std::string treaty_name;
  std::string force_id;
  Verification provisions;
  bool has_game = false;
  long long years = 1;
  std::vector<ViolationAssessment> violations;
};

/// Throws InputError (at `--violation`) for a count outside [1, N].
VerificationAssessment assess_verification(const Treaty& treaty, const ForceSnapshot& force,
                                           const std::vector<Violation>& violations, long long years);

/// What the other side knows of one strategic system's loading after `months` without data: the
/// warheads on its deployed launchers within what uploads or downloads at the system's rate could
/// have changed, [max(min(loaded, L), loaded - rate m), min(capacity, loaded + rate m)]; a heavy
/// bomber's within [min(loaded, L), capacity] whatever m (no regime declares bomber weapons).
/// Launcher numbers stay known (national technical means see them).
struct PerceivedSystem {
  std::string system_id;
  double launchers = 0;
  double loaded = 0;  ///< the truth
  double low = 0;
  double high = 0;
};
struct PerceivedForce {
  std::string force_id;
  double months = 0;
  std::vector<PerceivedSystem> systems;  ///< nuclear systems of the central exchange with deployed launchers
  double loaded = 0;
  double low = 0;
  double high = 0;
};
PerceivedForce perceived_force(const ForceSnapshot& truth, double months);

/// Months (days / 30.4375) from `from` to `to` (YYYY-MM-DD), 0 if `to` is earlier.
double months_between(const std::string& from, const std::string& to);

}  // namespace stratstab

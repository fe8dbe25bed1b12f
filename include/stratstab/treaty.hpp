// Treaty regimes as data (docs/methods.md §8): limits, counting rules, scope, verification provisions and
// dates, read from `data/treaties/<id>.yaml`. A counting rule is one of a few named kinds applied to
// the systems a scope filter selects, so adding a regime is writing a file, not code.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "stratstab/error.hpp"
#include "stratstab/figure.hpp"
#include "stratstab/forces.hpp"
#include "stratstab/load_result.hpp"
#include "stratstab/source.hpp"

namespace stratstab {

/// What a counting rule counts for each system in its scope.
enum class CountKind {
  kReentryVehicles,       ///< warheads actually loaded on deployed launchers (launchers × loading)
  kOnePerVehicle,         ///< one per launcher of the scope's status (deployed / non-deployed / all)
  kAttributed,            ///< a fixed number per launcher (`attribution`), or its capacity
  kAllWarheads,           ///< warheads loaded on the scope's systems plus the side's stored warheads
  kNonstrategicWarheads,  ///< the side's non-strategic warheads, deployed and stored (inventory)
};

/// Which launchers a scope selects.
enum class LauncherStatus { kDeployed, kNondeployed, kAll };

/// Which payload a scope selects.
enum class PayloadScope { kNuclear, kConventional, kAny };

/// Where a regime stands.
enum class TreatyStatus { kInForce, kExpired, kTerminated, kSuperseded, kInformal, kProposed };

std::string_view to_string(CountKind kind);
std::string_view to_string(LauncherStatus status);
std::string_view to_string(PayloadScope payload);
std::string_view to_string(TreatyStatus status);

/// Which systems of a snapshot a rule applies to. Empty lists mean "any".
struct TreatyScope {
  std::vector<VehicleClass> vehicles;
  std::vector<Basing> basings;
  PayloadScope payload = PayloadScope::kNuclear;
  LauncherStatus status = LauncherStatus::kDeployed;
  std::optional<double> range_min_km;  ///< inclusive band on the system's range_km
  std::optional<double> range_max_km;
  std::vector<std::string> sides;    ///< side ids the rule applies to (party-specific rules)
  std::vector<std::string> systems;  ///< system ids, when a rule names types (START I ALCM bombers)

  [[nodiscard]] bool matches(std::string_view side, const System& system) const;
};

/// One term of a limit's count.
struct CountRule {
  CountKind count = CountKind::kReentryVehicles;
  TreatyScope scope;
  /// kAttributed: warheads attributed to each launcher; empty: the system's max_warheads_per_launcher.
  std::optional<double> attribution;
  /// kAttributed: `attribution` applies to the first N launchers in scope (over all systems, in file
  /// order); launchers beyond N count their capacity (START I's bomber discount).
  std::optional<long long> first_launchers;
  std::string note;
  SourceLocation where;
};

/// One numerical limit: the sum of its rules' counts must not exceed `max`.
struct TreatyLimit {
  std::string id;  ///< key in results and JSON, e.g. `warheads`
  std::string name;
  std::optional<double> max;        ///< absent when the limit is the count at `reference_date`
  std::optional<double> range_low;  ///< lower end of a limit given as a range (SORT); informational
  std::string reference_date;       ///< freeze: the limit is this count on the side's snapshot of this date
  bool parameter = false;           ///< not a treaty figure: a study parameter (aggregate cap)
  std::string source_id;
  std::string note;
  std::vector<CountRule> rules;
  SourceLocation where;
};

/// One kind of on-site inspection.
struct InspectionKind {
  std::string name;
  long long per_year = 0;
  std::string description;
  std::string sites;                     ///< `deployed`, `nondeployed` or "" (not stated)
  bool counts_reentry_vehicles = false;  ///< counts the RVs on one missile the inspectors choose
};

/// The inspection game's payoffs (docs/methods.md §13.1), ASSUMED with ranges in the data.
struct InspectionGameFigures {
  Figure gain;              ///< d
  Figure penalty;           ///< b
  Figure false_alarm_cost;  ///< h
  Figure false_alarm_rate;  ///< alpha
};

/// When a party last gave data or was inspected under the regime.
struct LastExchange {
  std::string side;
  std::string date;  ///< YYYY-MM-DD
  std::string source_id;
  std::string note;
};

/// Verification provisions, kept as data for the verification model (docs/methods.md §13.1).
struct Verification {
  long long inspections_per_year = 0;
  std::vector<InspectionKind> inspections;
  long long data_exchanges_per_year = 0;
  bool notifications = false;
  bool national_technical_means = false;  ///< non-interference with NTM
  std::string source_id;
  std::string notes;
  std::optional<Figure> detection_given_inspected;  ///< absent: 1
  std::optional<InspectionGameFigures> game;
  std::vector<LastExchange> last_exchange;
};

/// One change a party makes to come within a regime's limits (docs/methods.md §8.1).
enum class ComplianceAction {
  kDownload,            ///< fewer warheads on each deployed launcher of a system (to storage)
  kDeactivate,          ///< deployed launchers made non-deployed (their warheads to storage)
  kConvert,             ///< deployed launchers converted or eliminated: they leave every count
  kEliminate,           ///< non-deployed launchers eliminated
  kDismantle,           ///< stored warheads dismantled
  kReduceNonstrategic,  ///< non-strategic warheads dismantled
  kUpload,              ///< warheads from storage onto deployed launchers (a `mix` choice, never a rule step)
};

std::string_view to_string(ComplianceAction action);

struct ComplianceStep {
  ComplianceAction action = ComplianceAction::kDownload;
  std::string system_id;  ///< launcher actions; empty for the stockpile actions
  double floor = 1;       ///< download: warheads a deployed launcher keeps at least
  double keep = 0;        ///< launchers (or warheads, stockpile actions) the step leaves at least
  Grade grade = Grade::kAssumed;
  std::string source_id;
  std::string note;
  SourceLocation where;
};

/// How a party brings its forces within a regime's limits: its steps in order, sourced where it
/// said how it complied (the United States' New START conversions) and ASSUMED otherwise.
struct ComplianceRule {
  std::string side;
  Grade grade = Grade::kAssumed;
  std::string source_id;
  std::string note;
  std::vector<ComplianceStep> steps;
  SourceLocation where;
};

struct TreatyDates {
  std::string signed_on;  ///< YYYY-MM-DD; empty when not signed (proposal, informal)
  std::string in_force;
  std::string limits_by;  ///< date by which the central limits had to be met
  std::string ended;      ///< expired, terminated or superseded
};

struct Treaty {
  std::string id;  ///< file name without `.yaml`
  std::string name;
  std::string title;
  std::string description;
  TreatyStatus status = TreatyStatus::kInForce;
  std::vector<std::string> parties;  ///< side ids
  TreatyDates dates;
  std::vector<std::string> source_ids;
  std::vector<TreatyLimit> limits;
  Verification verification;
  std::vector<ComplianceRule> compliance;  ///< one per party that has a rule
  Bibliography sources;
  std::string file;

  [[nodiscard]] const TreatyLimit* find_limit(std::string_view limit_id) const;
  /// The party's compliance rule, or nullptr.
  [[nodiscard]] const ComplianceRule* compliance_for(std::string_view side) const;
};

/// Reads a treaty file and the bibliography files it names; every problem is a located diagnostic.
LoadResult<Treaty> read_treaty(const std::filesystem::path& file);
/// As read_treaty, but throws InputError when there is any error.
Treaty load_treaty(const std::filesystem::path& file);

// ---- accounting --------------------------------------------------------------------------------

/// One system's part of a limit's count (or `inventory` for inventory-based kinds).
struct CountContribution {
  std::string system_id;
  std::string rule;  ///< the rule kind that produced it
  double count = 0;
};

struct LimitCount {
  std::string id;
  std::string name;
  double count = 0;  ///< whole items: each system's contribution is rounded to the nearest integer
  double limit = 0;
  std::optional<double> range_low;
  double headroom = 0;  ///< limit − count; negative when over
  bool compliant = true;
  bool parameter = false;
  bool overridden = false;
  std::string reference;  ///< freeze: the snapshot whose count is the limit
  std::vector<CountContribution> contributions;
};

struct TreatyCount {
  std::string treaty_id;
  std::string snapshot_id;
  std::vector<LimitCount> limits;
  bool compliant = true;
  std::vector<std::string> violations;  ///< one sentence per limit exceeded

  [[nodiscard]] const LimitCount* find(std::string_view limit_id) const;
};

struct CountOptions {
  /// The side's snapshot at a freeze limit's reference date; required when the treaty has one.
  const ForceSnapshot* reference = nullptr;
  /// Values for limits by id (study parameters such as the aggregate cap).
  std::map<std::string, double, std::less<>> limit_overrides;
};

/// Counts every limit of `treaty` on `snapshot` from the per-system data. Throws Error when a
/// freeze limit has no reference snapshot or an override names an unknown limit.
TreatyCount count_treaty(const Treaty& treaty, const ForceSnapshot& snapshot, const CountOptions& options = {});

/// The count of one limit (no comparison), e.g. along an upload path.
double count_limit(const TreatyLimit& limit, const ForceSnapshot& snapshot);

}  // namespace stratstab

// `data check`: counts the figures in force snapshots and lists those that lack a source, a date
// or a grade (or, for an assumption, a range; for a derived figure, its derivation); counts the
// sources of the bibliography files and flags an id defined in two of them; loads every other
// bundled file (scenarios, treaties, WTA examples) by its kind and reports its problems.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "stratstab/error.hpp"
#include "stratstab/forces.hpp"
#include "stratstab/source.hpp"

namespace stratstab {

struct UnsourcedFigure {
  SourceLocation where;
  std::vector<std::string>
      missing;  ///< of "source", "date", "grade", "range", "note" (a DERIVED figure without its derivation)
};

/// The kinds of data file `data check` knows, by the folder they live in under data/.
enum class DataFileKind { kForces, kScenario, kTreaty, kSources, kWta, kCities, kPathway, kCrisis, kArmsRace };

/// `forces`, `scenarios`, `treaties`, `sources`, `wta`, `cities`, `pathways` (the folder names).
std::string_view to_string(DataFileKind kind);

/// The kind of a data file: by its folder (forces/, scenarios/, treaties/, sources/, wta/), else by
/// the top-level keys in its text (`systems` forces, `sides` scenario, `limits` treaty, `sources`
/// bibliography, `weapons` WTA, `branches` pathway). nullopt when neither tells.
std::optional<DataFileKind> detect_data_file_kind(const std::filesystem::path& file);

struct DataAudit {
  std::map<std::string, int> files_by_kind;  ///< files checked, by to_string(DataFileKind)
  int snapshots = 0;
  int figures = 0;
  int unsourced = 0;
  std::map<std::string, int> figures_by_grade;  ///< OFF, EST, PRESS, LOW, ASSUMED, (none)
  std::vector<UnsourcedFigure> unsourced_figures;
  std::vector<Diagnostic> load_errors;  ///< files that could not be loaded at all
  int bibliography_files = 0;
  int sources = 0;
  /// Each source id seen so far and where: a snapshot may cite any two bibliography files together,
  /// so an id must be unique over all of them, not only within one.
  std::map<std::string, SourceLocation, std::less<>> source_ids;
};

/// Adds one snapshot's figures to the audit.
void audit_snapshot(const ForceSnapshot& snapshot, DataAudit& audit);

/// Adds one bibliography file's sources to the audit; an id already seen in another file becomes a
/// load error located at the later definition.
void audit_bibliography(const Bibliography& bibliography, DataAudit& audit);

/// Adds a scenario's figures (its missile defence, command, warning and flight-time assumptions;
/// plain numbers count as unsourced figures) to the audit; a source id that no bibliography file
/// checked so far defines becomes a load error.
void audit_scenario_figures(const std::vector<Figure>& figures, DataAudit& audit);

class DataCatalog;

/// Loads `file` as a file of `kind` and adds it to the audit: snapshots and bibliographies as above,
/// scenarios (forces resolved in `catalog` when given), treaties and WTA problems by their own
/// loaders; every loading problem becomes a load error.
void audit_data_file(const std::filesystem::path& file, DataFileKind kind, const DataCatalog* catalog,
                     DataAudit& audit);

}  // namespace stratstab

// `data check`: counts the figures in force snapshots and lists those that lack a source, a date
// or a grade (or, for an assumption, a range); counts the sources of the bibliography files and
// flags an id defined in two of them.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "stratstab/error.hpp"
#include "stratstab/forces.hpp"
#include "stratstab/source.hpp"

namespace stratstab {

struct UnsourcedFigure {
  SourceLocation where;
  std::vector<std::string> missing;  ///< of "source", "date", "grade", "range"
};

struct DataAudit {
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

}  // namespace stratstab

// `data check`: counts the figures in force snapshots and lists those that lack a source, a date
// or a grade (or, for an assumption, a range).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "stratstab/error.hpp"
#include "stratstab/forces.hpp"

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
};

/// Adds one snapshot's figures to the audit.
void audit_snapshot(const ForceSnapshot& snapshot, DataAudit& audit);

}  // namespace stratstab

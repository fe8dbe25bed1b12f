#include "stratstab/audit.hpp"

namespace stratstab {

void audit_snapshot(const ForceSnapshot& snapshot, DataAudit& audit) {
  ++audit.snapshots;
  for_each_figure(snapshot, [&](const Figure& figure) {
    ++audit.figures;
    ++audit.figures_by_grade[figure.grade ? std::string(to_string(*figure.grade)) : "(none)"];
    if (figure.is_sourced()) return;
    UnsourcedFigure problem{figure.where, {}};
    if (figure.source_id.empty()) problem.missing.emplace_back("source");
    if (figure.date.empty()) problem.missing.emplace_back("date");
    if (!figure.grade) problem.missing.emplace_back("grade");
    if (figure.grade == Grade::kAssumed && !figure.range) problem.missing.emplace_back("range");
    ++audit.unsourced;
    audit.unsourced_figures.push_back(std::move(problem));
  });
}

}  // namespace stratstab

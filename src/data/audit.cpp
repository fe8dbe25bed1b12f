#include "stratstab/audit.hpp"

#include <fmt/format.h>

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

void audit_bibliography(const Bibliography& bibliography, DataAudit& audit) {
  ++audit.bibliography_files;
  for (const auto& [id, source] : bibliography) {
    ++audit.sources;
    const SourceLocation here{source.file, source.line, 0, "id"};
    const auto [seen, added] = audit.source_ids.emplace(id, here);
    if (added) continue;
    audit.load_errors.push_back(
        Diagnostic{Severity::kError, here,
                   fmt::format("duplicate source id '{}' (already defined at {}:{}); ids must be unique over all "
                               "bibliography files, since a snapshot or treaty may cite any of them together",
                               id, seen->second.file, seen->second.line)});
  }
}

}  // namespace stratstab

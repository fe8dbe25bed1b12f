#include "stratstab/audit.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "../io/scenario_figures.hpp"
#include "stratstab/arms_race_file.hpp"
#include "stratstab/catalog.hpp"
#include "stratstab/crisis.hpp"
#include "stratstab/load.hpp"
#include "stratstab/pathway.hpp"
#include "stratstab/scenario.hpp"
#include "stratstab/treaty.hpp"
#include "stratstab/wta.hpp"

namespace stratstab {

namespace {
/// Counts one figure and records what it lacks.
void audit_figure(const Figure& figure, DataAudit& audit) {
  ++audit.figures;
  ++audit.figures_by_grade[figure.grade ? std::string(to_string(*figure.grade)) : "(none)"];
  if (figure.is_sourced()) return;
  UnsourcedFigure problem{figure.where, {}};
  if (figure.source_id.empty()) problem.missing.emplace_back("source");
  if (figure.date.empty()) problem.missing.emplace_back("date");
  if (!figure.grade) problem.missing.emplace_back("grade");
  if (figure.grade == Grade::kAssumed && !figure.range) problem.missing.emplace_back("range");
  if (figure.grade == Grade::kDerived && figure.note.empty()) problem.missing.emplace_back("note");
  ++audit.unsourced;
  audit.unsourced_figures.push_back(std::move(problem));
}
}  // namespace

void audit_snapshot(const ForceSnapshot& snapshot, DataAudit& audit) {
  ++audit.snapshots;
  for_each_figure(snapshot, [&](const Figure& figure) { audit_figure(figure, audit); });
}

void audit_scenario_figures(const std::vector<Figure>& figures, DataAudit& audit) {
  for (const Figure& figure : figures) {
    audit_figure(figure, audit);
    // A source id must exist in the bibliography files checked so far (scenarios have none of
    // their own); without any, there is nothing to check it against.
    if (!figure.source_id.empty() && audit.bibliography_files > 0 && !audit.source_ids.contains(figure.source_id)) {
      audit.load_errors.push_back(
          Diagnostic{Severity::kError, figure.where,
                     fmt::format("unknown source id '{}': expected an id defined in a bibliography file (data/sources)",
                                 figure.source_id)});
    }
  }
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

namespace {
template <typename T>
void keep_problems(LoadResult<T>& result, DataAudit& audit) {
  for (Diagnostic& d : result.diagnostics) audit.load_errors.push_back(std::move(d));
}
}  // namespace

void audit_data_file(const std::filesystem::path& file, DataFileKind kind, const DataCatalog* catalog,
                     DataAudit& audit) {
  ++audit.files_by_kind[std::string(to_string(kind))];
  switch (kind) {
    case DataFileKind::kForces: {
      auto result = read_force_snapshot(file);
      if (result.value) audit_snapshot(*result.value, audit);
      keep_problems(result, audit);
      return;
    }
    case DataFileKind::kSources: {
      auto result = read_bibliography(file);
      if (result.value) audit_bibliography(*result.value, audit);
      keep_problems(result, audit);
      return;
    }
    case DataFileKind::kScenario: {
      auto result = read_scenario(file, {}, catalog);
      keep_problems(result, audit);
      if (!result.value) return;
      auto figures = io::read_scenario_figures(file);
      if (figures.value) audit_scenario_figures(*figures.value, audit);
      return;
    }
    case DataFileKind::kTreaty: {
      auto result = read_treaty(file);
      keep_problems(result, audit);
      return;
    }
    case DataFileKind::kWta: {
      auto result = read_wta_problem(file);
      keep_problems(result, audit);
      return;
    }
    case DataFileKind::kPathway: {
      // The file, then every branch's scenario on its last event's date (every event applied), so
      // that a key the base scenario does not have is found here and not years into a run.
      auto result = read_pathway(file);
      keep_problems(result, audit);
      if (!result.value || catalog == nullptr) return;
      const Pathway& pathway = *result.value;
      try {
        const std::filesystem::path base = catalog->scenario_path(pathway.scenario);
        for (const PathwayBranch& branch : pathway.branches) {
          std::string last = pathway.from;
          for (const auto* list : {&pathway.events, &branch.events}) {
            for (const PathwayEvent& e : *list) last = std::max({last, e.date, e.until});
          }
          auto loaded = read_scenario(base, pathway_overrides(pathway, branch, last), catalog);
          for (Diagnostic& d : loaded.diagnostics) {
            d.message = fmt::format("{} (pathway {}, branch {}, {})", d.message, pathway.id, branch.id, last);
            audit.load_errors.push_back(std::move(d));
          }
        }
      } catch (const std::exception& e) {
        audit.load_errors.push_back(
            Diagnostic{Severity::kError, SourceLocation{file.string(), 0, 0, "scenario"}, e.what()});
      }
      return;
    }
    case DataFileKind::kCrisis: {
      // The file, then its scenario, which the crisis is fought with.
      auto result = read_crisis(file);
      keep_problems(result, audit);
      if (!result.value || catalog == nullptr) return;
      try {
        auto loaded = read_scenario(catalog->scenario_path(result.value->scenario), {}, catalog);
        for (Diagnostic& d : loaded.diagnostics) audit.load_errors.push_back(std::move(d));
      } catch (const std::exception& e) {
        audit.load_errors.push_back(
            Diagnostic{Severity::kError, SourceLocation{file.string(), 0, 0, "scenario"}, e.what()});
      }
      return;
    }
    case DataFileKind::kArmsRace: {
      auto result = read_arms_race(file);
      keep_problems(result, audit);
      if (!result.value) return;
      for (const ArmsRaceSide& side : result.value->sides) {
        for (const Figure* f : {&side.fatigue, &side.grievance, &side.start}) audit_figure(*f, audit);
        for (const ArmsRaceReaction& r : side.reactions) audit_figure(r.rate, audit);
      }
      return;
    }
    case DataFileKind::kCities: {
      try {
        (void)load_city_table(file);
      } catch (const InputError& e) {
        for (const Diagnostic& d : e.diagnostics()) audit.load_errors.push_back(d);
      }
      return;
    }
  }
}

}  // namespace stratstab

// Plain-text tables for the `data` commands. Figures are shown with a one-letter grade mark so a
// reader sees at a glance what is official and what is assumed.
#include <algorithm>
#include <array>
#include <map>

#include <fmt/format.h>

#include "stratstab/report.hpp"

namespace stratstab {
namespace {

constexpr std::array kAllBasings{Basing::kSilo,   Basing::kMobile,       Basing::kSsbn,
                                 Basing::kBomber, Basing::kNonstrategic, Basing::kIntermediate};

/// O official, E estimate, P press, L low, A assumed, D derived, ? none.
char grade_mark(const Figure& figure) {
  if (!figure.grade) return '?';
  switch (*figure.grade) {
    case Grade::kOfficial: return 'O';
    case Grade::kEstimate: return 'E';
    case Grade::kPress: return 'P';
    case Grade::kLow: return 'L';
    case Grade::kAssumed: return 'A';
    case Grade::kDerived: return 'D';
  }
  return '?';
}

std::string cell(const Figure& figure) {
  return fmt::format("{:g}{}", figure.value, grade_mark(figure));
}

std::string optional_cell(const std::optional<Figure>& figure) {
  return figure ? cell(*figure) : "-";
}

}  // namespace

std::string format_snapshot(const ForceSnapshot& snapshot) {
  std::string out = fmt::format("{}: {}\n", snapshot.id, snapshot.title);
  const Inventory& inv = snapshot.inventory;
  out += fmt::format(
      "Inventory (warheads): deployed {}  stored {}  retired {}  non-strategic {}  "
      "strategic in storage {}\n",
      cell(inv.warheads_deployed), cell(inv.warheads_stored), optional_cell(inv.warheads_retired),
      cell(inv.nonstrategic_warheads), optional_cell(inv.strategic_warheads_stored));
  out += fmt::format("w80 (arriving warheads destroying 80% of value): {}\n\n", cell(snapshot.w80));
  out += fmt::format("{:<16} {:<12} {:>8} {:>8} {:>7} {:>6} {:>8} {:>7} {:>6} {:>8} {:>7} {:>6} {:>6} {:<16}\n",
                     "system", "basing", "launch", "non-dep", "wh/l", "max", "loaded", "yld kt", "CEP m", "hard psi",
                     "rel", "d2d", "gen", "New START");
  for (const System& s : snapshot.systems) {
    const std::string counting = s.new_start.accountable ? std::string(to_string(s.new_start.counting)) : "no";
    out += fmt::format("{:<16} {:<12} {:>8} {:>8} {:>7} {:>6} {:>8g} {:>7g} {:>6} {:>8} {:>7} {:>6} {:>6} {:<16}\n",
                       s.id, to_string(s.basing), cell(s.launchers_deployed), cell(s.launchers_nondeployed),
                       cell(s.warheads_per_launcher), cell(s.max_warheads_per_launcher), s.warheads_loaded(),
                       s.mean_yield_kt(), cell(s.cep_m), cell(s.hardness_psi), cell(s.reliability),
                       cell(s.untargetable_day_to_day), cell(s.untargetable_generated),
                       s.payload == Payload::kConventional ? "conventional" : counting);
  }
  out += fmt::format("\nWarheads loaded on deployed launchers of nuclear systems: {:g}\n", warheads_loaded(snapshot));
  out +=
      "Grades: O official, E estimate, P press, L low, A assumed (with a range), D derived by the project (see "
      "--json).\n";
  out += fmt::format("Sources cited: {} (see --json for each figure's source, date, range and note)\n",
                     snapshot.sources.size());
  return out;
}

std::string format_snapshot_list(const std::vector<ForceSnapshot>& snapshots) {
  std::string out = fmt::format("{:<16} {:<5} {:<11} {:>7} {:>9} {:>9}  {}\n", "id", "side", "date", "systems",
                                "launchers", "warheads", "title");
  for (const ForceSnapshot& s : snapshots) {
    double launchers = 0.0;
    for (const System& system : s.systems) launchers += system.launchers_deployed.value;
    out += fmt::format("{:<16} {:<5} {:<11} {:>7} {:>9g} {:>9.0f}  {}\n", s.id, s.side, s.date, s.systems.size(),
                       launchers, warheads_loaded(s), s.title);
  }
  out += "launchers: deployed launchers of all systems; warheads: loaded on deployed launchers of nuclear systems.\n";
  return out;
}

std::string format_force_summary(const std::vector<ForceSnapshot>& snapshots) {
  std::string out = "Warheads loaded on deployed launchers, by leg (bundled force snapshots)\n\n";
  out += fmt::format("{:<16}", "snapshot");
  for (Basing basing : kAllBasings) out += fmt::format(" {:>12}", to_string(basing));
  out += fmt::format(" {:>8} {:>10} {:>9}\n", "total", "inventory", "stored");
  for (const ForceSnapshot& s : snapshots) {
    out += fmt::format("{:<16}", s.id);
    for (Basing basing : kAllBasings) out += fmt::format(" {:>12.0f}", warheads_loaded(s, basing));
    out += fmt::format(" {:>8.0f} {:>10g} {:>9g}\n", warheads_loaded(s), s.inventory.warheads_deployed.value,
                       s.inventory.warheads_stored.value);
  }
  out +=
      "\nLoaded counts are rounded to whole warheads (fractional average loadings; JSON keeps them exact).\n"
      "inventory: deployed warheads as the sources count them (SIPRI/FAS); stored: reserve stockpile.\n";
  return out;
}

std::string format_audit(const DataAudit& audit) {
  std::string out;
  if (!audit.files_by_kind.empty()) {
    out += "Files checked by kind:";
    for (const auto& [kind, count] : audit.files_by_kind) out += fmt::format(" {} {}", kind, count);
    out += "\n";
  }
  out += fmt::format("{} snapshots, {} figures, {} unsourced\n", audit.snapshots, audit.figures, audit.unsourced);
  if (!audit.figures_by_grade.empty()) {
    out += "Figures by grade:";
    for (const auto& [grade, count] : audit.figures_by_grade) out += fmt::format(" {} {}", grade, count);
    out += "\n";
  }
  if (audit.bibliography_files > 0) {
    out += fmt::format("{} bibliography files, {} sources\n", audit.bibliography_files, audit.sources);
  }
  for (const UnsourcedFigure& f : audit.unsourced_figures) {
    std::string missing;
    for (const std::string& m : f.missing) missing += (missing.empty() ? "" : ", ") + m;
    out += fmt::format("{}:{}:{}: {}: missing {}\n", f.where.file, f.where.line, f.where.column, f.where.key_path,
                       missing);
  }
  for (const Diagnostic& d : audit.load_errors) out += format_diagnostic(d) + "\n";
  return out;
}

}  // namespace stratstab

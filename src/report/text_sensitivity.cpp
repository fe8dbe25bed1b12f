// `sensitivity` text report: the method and the base point, one table per change (a launcher added,
// a launcher removed, warheads uploaded) with the change per unit in the index and in each side's
// C1, C2 and unclipped ratio, the destabilising changes in words, and the index along the upload
// path month by month.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include "stratstab/report.hpp"

namespace stratstab {
namespace {

std::string side_text(const std::string& id, const SideStability& s) {
  return fmt::format("{} C1 {:.6f} C2 {:.6f} C1/C2 {:.6f}", id, s.c1, s.c2, s.ratio_unclipped);
}

std::string header(const Sensitivity& s, std::string_view extra) {
  const std::string& a = s.side_ids[0];
  const std::string& b = s.side_ids[1];
  return fmt::format("  {:<4} {:<16} {:>9} {:>6}{} {:>9} {:>9} {:>9} {:>9} {:>9} {:>9} {:>9}  {}\n", "side", "system",
                     "launchers", "wh/l", extra, "index", "C1 " + a, "C2 " + a, "C1 " + b, "C2 " + b, "C1/C2 " + a,
                     "C1/C2 " + b, "destab.");
}

std::string delta_columns(const SensitivityStep& step) {
  const StabilityDelta& d = step.per_unit;
  return fmt::format(" {:>+9.2e} {:>+9.2e} {:>+9.2e} {:>+9.2e} {:>+9.2e} {:>+9.2e} {:>+9.2e}  {}\n", d.index, d.c1_a,
                     d.c2_a, d.c1_b, d.c2_b, d.ratio_unclipped_a, d.ratio_unclipped_b,
                     step.destabilising ? "yes" : "no");
}

std::string row_start(const SystemSensitivity& sys, double warheads_per_launcher) {
  return fmt::format("  {:<4} {:<16} {:>9.0f} {:>6.2f}", sys.side_id, sys.system_id, sys.launchers,
                     warheads_per_launcher);
}

/// The destabilising changes of one side in words, e.g. "adding launchers of mm3, trident2;
/// uploading on mm3", or "none".
std::string destabilising_text(const Sensitivity& s, std::size_t side) {
  std::vector<std::string> added;
  std::vector<std::string> removed;
  std::vector<std::string> uploaded;
  for (const SystemSensitivity& sys : s.systems) {
    if (sys.side != side) continue;
    if (sys.add_launcher.destabilising) added.push_back(sys.system_id);
    if (sys.remove_launcher && sys.remove_launcher->destabilising) removed.push_back(sys.system_id);
    if (sys.upload_warhead && sys.upload_warhead->destabilising) uploaded.push_back(sys.system_id);
  }
  std::vector<std::string> parts;
  if (!added.empty()) parts.push_back(fmt::format("adding launchers of {}", fmt::join(added, ", ")));
  if (!removed.empty()) parts.push_back(fmt::format("removing launchers of {}", fmt::join(removed, ", ")));
  if (!uploaded.empty()) parts.push_back(fmt::format("uploading warheads on {}", fmt::join(uploaded, ", ")));
  return parts.empty() ? std::string("none") : fmt::format("{}", fmt::join(parts, "; "));
}

}  // namespace

std::string format_sensitivity(const Scenario& scenario, const Sensitivity& s) {
  const std::string& a = s.side_ids[0];
  const std::string& b = s.side_ids[1];
  const std::string method(to_string(s.parameters.draw_down));
  std::string out = fmt::format("Arms-race sensitivity: {} ({} {}, {} {}), posture {}\n", scenario.name, a, s.forces[0],
                                b, s.forces[1], to_string(s.posture));
  out += fmt::format(
      "Method: forward finite differences of the Kent-Thaler index (docs/methods.md §11), {} draw-down{}.\n"
      "  Changes: one deployed launcher added or removed (loaded as the system's others); warheads uploaded on the\n"
      "  deployed launchers, min(headroom, launchers) at once (one more per launcher). Each change is divided by its\n"
      "  units: the tables give the change per launcher or per warhead. Destabilising: the change lowers the other\n"
      "  side's C1/C2, so the other side would strike first on a weaker belief that it is about to be struck.\n\n",
      method, s.parameters.draw_down == DrawDownMethod::kGreedy ? " (check with --draw-down exact)" : "");
  out += fmt::format("Base point ({}): index {:.6f}; {}; {}\n", method, s.base.index, side_text(a, s.base.a),
                     side_text(b, s.base.b));
  out += fmt::format("Index with the exact draw-down: {:.6f}\n", s.base_exact_index);

  out += "\nPer launcher added (+1 deployed launcher), change per launcher in\n" + header(s, "");
  for (const SystemSensitivity& sys : s.systems) {
    out += row_start(sys, sys.added_launcher_warheads) + delta_columns(sys.add_launcher);
  }
  out += "  wh/l: warheads on the added launcher (a system with none deployed: its capacity).\n";

  out += "\nPer launcher removed (-1 deployed launcher), change per launcher in\n" + header(s, "");
  for (const SystemSensitivity& sys : s.systems) {
    if (!sys.remove_launcher) continue;
    out += row_start(sys, sys.warheads_per_launcher) + delta_columns(*sys.remove_launcher);
  }

  out += "\nPer warhead uploaded on deployed launchers, change per warhead in\n" +
         header(s, fmt::format(" {:>6}", "added"));
  for (const SystemSensitivity& sys : s.systems) {
    out += row_start(sys, sys.warheads_per_launcher);
    if (sys.upload_warhead) {
      out += fmt::format(" {:>6.0f}", sys.upload_warhead->units) + delta_columns(*sys.upload_warhead);
    } else {
      out += fmt::format(" {:>6}  {}\n", "-",
                         sys.launchers > 0.0
                             ? fmt::format("no headroom (loaded at capacity {:g})", sys.max_warheads_per_launcher)
                             : std::string("no deployed launchers"));
    }
  }
  out += "  added: warheads uploaded in the difference (the result is divided by it).\n";

  out += "\nDestabilising changes (lower the other side's C1/C2):\n";
  out += fmt::format("  {}: {}\n  {}: {}\n", a, destabilising_text(s, 0), b, destabilising_text(s, 1));

  const auto rates = [&](std::string_view whose) {
    return fmt::format("at {} systems' rates (`stratstab upload`{})", whose,
                       s.options.reopen_nondeployed ? ", non-deployed launchers reopened" : "");
  };
  std::string uploading;
  if (s.options.upload[0] && s.options.upload[1]) {
    uploading = fmt::format("{} and {} upload {}", a, b, rates("their"));
  } else if (s.options.upload[0] || s.options.upload[1]) {
    uploading = fmt::format("{} uploads {}; {} does not", s.options.upload[0] ? a : b, rates("its"),
                            s.options.upload[0] ? b : a);
  } else {
    uploading = "neither side uploads";
  }
  out +=
      fmt::format("\nUpload path: {}; horizon {} months, {} draw-down\n", uploading, s.options.horizon_months, method);
  out += fmt::format("  {:>5} {:>12} {:>12} {:>10} {:>10} {:>10}\n", "month", a + " warheads", b + " warheads", "index",
                     "C1/C2 " + a, "C1/C2 " + b);
  for (const UploadPathPoint& p : s.upload_path) {
    out += fmt::format("  {:>5} {:>12.0f} {:>12.0f} {:>10.6f} {:>10.6f} {:>10.6f}\n", p.month,
                       p.deployed_strategic_warheads[0], p.deployed_strategic_warheads[1], p.result.index,
                       p.result.a.ratio_unclipped, p.result.b.ratio_unclipped);
  }
  out += fmt::format(
      "  warheads: loaded on deployed central-exchange launchers. index = min(1, C1/C2 {}) x min(1, C1/C2 {}).\n", a,
      b);
  out += fmt::format("  Exact draw-down: index {:.6f} at month 0, {:.6f} at month {}.\n", s.base_exact_index,
                     s.horizon_exact_index, s.options.horizon_months);
  return out;
}

}  // namespace stratstab

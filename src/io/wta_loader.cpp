// Weapon-target assignment problem files (docs/io_formats.md): weapons, targets and the kill
// probabilities of the pairs that can matter. Keys and bounds come from the key table
// (schema.cpp); ids are resolved here, with a "did you mean" for near misses; the checks that
// belong to the problem itself (duplicates, feasibility of the minimums) are validate_wta's, and
// its diagnostics are located here by their key paths.
#include <map>
#include <unordered_map>

#include <fmt/format.h>

#include "stratstab/closest_word.hpp"
#include "stratstab/wta.hpp"
#include "wta_csv.hpp"
#include "yaml_reader.hpp"

namespace stratstab {
namespace {

using io::DiagnosticSink;
using io::MapReader;

/// Where each key path of the file is, for locating validate_wta's diagnostics.
using MarkIndex = std::map<std::string, YAML::Mark, std::less<>>;

void remember(MarkIndex& marks, const std::string& path, const YAML::Node& node) {
  if (node.IsDefined()) marks.emplace(path, node.Mark());
}

void read_weapons(MapReader& root, WtaProblem& problem, MarkIndex& marks,
                  std::unordered_map<std::string, std::size_t>& ids) {
  const std::vector<YAML::Node> items = root.list("weapons", true);
  for (std::size_t i = 0; i < items.size(); ++i) {
    const std::string path = io::index_path("weapons", i);
    MapReader r(items[i], path, schema_section("wta_weapon"), root.sink());
    if (!r.is_mapping()) continue;
    remember(marks, path, items[i]);
    remember(marks, r.key_path("id"), items[i]["id"]);
    remember(marks, r.key_path("available"), items[i]["available"]);
    WtaWeapon weapon;
    weapon.id = r.string("id").value_or("");
    weapon.available = r.integer("available").value_or(0);
    if (!weapon.id.empty()) ids.emplace(weapon.id, problem.weapons.size());
    problem.weapons.push_back(std::move(weapon));
  }
}

void read_targets(MapReader& root, WtaProblem& problem, MarkIndex& marks,
                  std::unordered_map<std::string, std::size_t>& ids) {
  const std::vector<YAML::Node> items = root.list("targets", true);
  for (std::size_t i = 0; i < items.size(); ++i) {
    const std::string path = io::index_path("targets", i);
    MapReader r(items[i], path, schema_section("wta_target"), root.sink());
    if (!r.is_mapping()) continue;
    remember(marks, path, items[i]);
    for (const char* key : {"id", "value", "min_weapons"}) remember(marks, r.key_path(key), items[i][key]);
    WtaTarget target;
    target.id = r.string("id").value_or("");
    target.value = r.number("value").value_or(0);
    if (r.has("min_weapons")) target.min_weapons = r.integer("min_weapons").value_or(0);
    if (!target.id.empty()) ids.emplace(target.id, problem.targets.size());
    problem.targets.push_back(std::move(target));
  }
}

void read_pairs(MapReader& root, WtaProblem& problem, MarkIndex& marks,
                const std::unordered_map<std::string, std::size_t>& weapon_ids,
                const std::unordered_map<std::string, std::size_t>& target_ids) {
  const std::vector<YAML::Node> items = root.list("kill_probability", false);
  for (std::size_t i = 0; i < items.size(); ++i) {
    const std::string path = io::index_path("kill_probability", i);
    MapReader r(items[i], path, schema_section("wta_kill_probability"), root.sink());
    if (!r.is_mapping()) continue;
    remember(marks, path, items[i]);
    for (const char* key : {"weapon", "target", "p"}) remember(marks, r.key_path(key), items[i][key]);
    const auto resolve = [&](const char* key, const std::unordered_map<std::string, std::size_t>& ids, const char* what,
                             const char* list) -> std::optional<std::size_t> {
      const auto id = r.string(key);
      if (!id) return std::nullopt;
      const auto it = ids.find(*id);
      if (it != ids.end()) return it->second;
      root.sink().error(
          items[i][key].Mark(), r.key_path(key),
          fmt::format("unknown {} id '{}'{}; expected an id from {}", what, *id, io::did_you_mean_id(*id, ids), list));
      return std::nullopt;
    };
    const auto weapon = resolve("weapon", weapon_ids, "weapon", "weapons[]");
    const auto target = resolve("target", target_ids, "target", "targets[]");
    const auto p = r.number("p");
    if (weapon && target && p) problem.kill_probability.push_back({*weapon, *target, *p});
  }
}

/// validate_wta names key paths; give each the line and column of that key (or of the nearest
/// enclosing one that was recorded).
void locate(std::vector<Diagnostic>& diagnostics, const MarkIndex& marks, const DiagnosticSink& sink,
            const YAML::Node& root, const std::string& csv_file, const std::vector<io::CsvRowCells>& csv_cells) {
  for (Diagnostic& d : diagnostics) {
    // A row of the CSV table: its own file, line and column.
    if (!csv_file.empty() && d.where.key_path.rfind("kill_probability[", 0) == 0) {
      const std::size_t row = std::stoul(d.where.key_path.substr(17));
      if (row < csv_cells.size()) {
        const std::string& key = d.where.key_path;
        const std::size_t field = key.ends_with(".weapon") ? 0 : key.ends_with(".target") ? 1 : 2;
        const bool whole_row = key.back() == ']';
        d.where.file = csv_file;
        d.where.line = csv_cells[row].line[field];
        d.where.column = whole_row ? 1 : csv_cells[row].column[field];
        continue;
      }
    }
    std::string path = d.where.key_path;
    auto it = marks.find(path);
    while (it == marks.end() && !path.empty()) {
      const auto cut = path.find_last_of(".[");
      path = cut == std::string::npos ? "" : path.substr(0, cut);
      it = marks.find(path);
    }
    const YAML::Mark mark = it != marks.end() ? it->second : root.Mark();
    d.where = sink.locate(mark, d.where.key_path);
  }
}

}  // namespace

LoadResult<WtaProblem> read_wta_problem(const std::filesystem::path& file) {
  DiagnosticSink sink(file.string());
  LoadResult<WtaProblem> result;
  auto root = io::load_yaml_mapping(file, sink,
                                    "a weapon-target assignment problem (weapons, targets, "
                                    "kill_probability)");
  if (root) {
    WtaProblem problem;
    MarkIndex marks;
    MapReader reader(*root, "", schema_section("wta_problem"), sink);
    problem.name = reader.string("name").value_or("");
    problem.description = reader.string("description").value_or("");
    for (const char* key : {"weapons", "targets", "kill_probability"}) remember(marks, key, (*root)[key]);
    std::unordered_map<std::string, std::size_t> weapon_ids;
    std::unordered_map<std::string, std::size_t> target_ids;
    read_weapons(reader, problem, marks, weapon_ids);
    read_targets(reader, problem, marks, target_ids);
    std::string csv_file;
    std::vector<io::CsvRowCells> csv_cells;
    const bool listed = (*root)["kill_probability"].IsDefined();
    if (reader.has("kill_probability_csv")) {
      remember(marks, "kill_probability_csv", (*root)["kill_probability_csv"]);
      const std::string name = reader.string("kill_probability_csv").value_or("");
      if (listed) {
        sink.error((*root)["kill_probability_csv"].Mark(), "kill_probability_csv",
                   "give the kill probabilities once: kill_probability or kill_probability_csv, not both");
      } else if (!name.empty()) {
        const std::filesystem::path csv = file.parent_path() / name;
        csv_file = csv.string();
        io::DiagnosticSink csv_sink(csv_file);
        io::read_kill_probability_csv(csv, weapon_ids, target_ids, problem.kill_probability, csv_cells, csv_sink);
        for (Diagnostic& d : csv_sink.diagnostics()) sink.add(std::move(d));
      }
    } else if (!listed) {
      sink.error(root->Mark(), "kill_probability",
                 "missing the kill probabilities: give kill_probability (a list) or kill_probability_csv (a file)");
    } else {
      read_pairs(reader, problem, marks, weapon_ids, target_ids);
    }
    // The problem's own checks only on a problem that read cleanly: otherwise a missing value read
    // as 0 would raise a second, misleading complaint.
    if (!sink.has_errors()) {
      std::vector<Diagnostic> problems = validate_wta(problem);
      locate(problems, marks, sink, *root, csv_file, csv_cells);
      for (Diagnostic& d : problems) sink.add(std::move(d));
    }
    if (!sink.has_errors()) result.value = std::move(problem);
  }
  result.diagnostics = std::move(sink.diagnostics());
  return result;
}

WtaProblem load_wta_problem(const std::filesystem::path& file) {
  return value_or_throw(read_wta_problem(file));
}

}  // namespace stratstab

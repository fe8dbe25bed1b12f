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

std::string did_you_mean(const std::string& id, const std::unordered_map<std::string, std::size_t>& known) {
  std::string best_id;
  std::size_t best = 3;  // suggest only near misses
  for (const auto& [candidate, index] : known) {
    const std::size_t distance = edit_distance(id, candidate);
    if (distance < best || (distance == best && !best_id.empty() && candidate < best_id)) {
      best = distance;
      best_id = candidate;
    }
  }
  return best_id.empty() ? "" : fmt::format("; did you mean '{}'?", best_id);
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
          fmt::format("unknown {} id '{}'{}; expected an id from {}", what, *id, did_you_mean(*id, ids), list));
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
            const YAML::Node& root) {
  for (Diagnostic& d : diagnostics) {
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
    read_pairs(reader, problem, marks, weapon_ids, target_ids);
    // The problem's own checks only on a problem that read cleanly: otherwise a missing value read
    // as 0 would raise a second, misleading complaint.
    if (!sink.has_errors()) {
      std::vector<Diagnostic> problems = validate_wta(problem);
      locate(problems, marks, sink, *root);
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

// Scenario files: `name`, two `sides` (each in Kent–Thaler's abstract form for now) and `options`.
// Overrides (`--set sides.A.abstract.alert=0.7`) are applied to the YAML tree before validation,
// so they meet exactly the same checks as the file.
#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cmath>
#include <set>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "key_path.hpp"
#include "stratstab/closest_word.hpp"
#include "stratstab/data_source.hpp"
#include "stratstab/scenario.hpp"
#include "stratstab/snapshot_figures.hpp"
#include "stratstab/treaty.hpp"
#include "yaml_document.hpp"
#include "yaml_reader.hpp"

namespace stratstab {
namespace {

using io::DiagnosticSink;
using io::MapReader;

bool is_valid_side_id(std::string_view id) {
  if (id.empty() || id.size() > 32) return false;
  return std::all_of(id.begin(), id.end(),
                     [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-'; });
}

using io::parse_key_path;
using io::PathStep;

std::string override_label(const Override& o) {
  return fmt::format("--set {}={}", o.path, o.value);
}

/// Side keys read under an old spelling as well, with a warning: `defense` was the one American
/// spelling among the scenario keys (the options, the code and the docs write `defence`).
struct RespeltKey {
  std::string_view old_name;
  std::string_view name;
};
constexpr std::array kRespeltSideKeys{RespeltKey{"defense", "defence"}};

std::string old_spelling_warning(const RespeltKey& key) {
  return fmt::format(
      "`{}` is the old spelling of `{}`; it is read the same, but write `{}` (the old spelling will "
      "be removed)",
      key.old_name, key.name, key.name);
}

/// In the file's tree, each side's key written in an old spelling is renamed to the new one (a
/// warning at it); both spellings in one side are an error. The value keeps its place in the file.
void respell_side_keys(const YAML::Node& root, DiagnosticSink& sink) {
  const YAML::Node sides = root["sides"];
  if (!sides || !sides.IsMap()) return;
  for (auto it = sides.begin(); it != sides.end(); ++it) {
    YAML::Node side = it->second;
    if (!side.IsMap()) continue;
    const std::string side_path = io::join_path("sides", it->first.Scalar());
    for (const RespeltKey& key : kRespeltSideKeys) {
      std::optional<YAML::Mark> old_at;
      bool new_given = false;
      for (auto entry = side.begin(); entry != side.end(); ++entry) {
        if (entry->first.Scalar() == key.old_name) old_at = entry->first.Mark();
        if (entry->first.Scalar() == key.name) new_given = true;
      }
      if (!old_at) continue;
      const std::string path = io::join_path(side_path, std::string(key.old_name));
      if (new_given) {
        sink.error(*old_at, path,
                   fmt::format("both `{}` and its old spelling `{}` are given; expected only `{}`", key.name,
                               key.old_name, key.name));
        continue;
      }
      sink.add(Diagnostic{Severity::kWarning, sink.locate(*old_at, path), old_spelling_warning(key)});
      const std::string old_name(key.old_name);
      const YAML::Node value = static_cast<const YAML::Node&>(side)[old_name];
      side.remove(old_name);
      side[std::string(key.name)] = value;
    }
  }
}

/// `sides.<ID>.<old spelling>...` in the new spelling, with the key respelt; nullopt when the path
/// has no old spelling.
std::optional<std::pair<std::string, const RespeltKey*>> respelt_path(const std::string& path) {
  if (!path.starts_with("sides.")) return std::nullopt;
  const std::size_t start = path.find('.', 6);
  if (start == std::string::npos) return std::nullopt;
  for (const RespeltKey& key : kRespeltSideKeys) {
    const std::string_view rest = std::string_view(path).substr(start + 1);
    if (!rest.starts_with(key.old_name)) continue;
    const std::string_view after = rest.substr(key.old_name.size());
    if (!after.empty() && after.front() != '.' && after.front() != '[') continue;
    return std::make_pair(path.substr(0, start + 1) + std::string(key.name) + std::string(after), &key);
  }
  return std::nullopt;
}

/// `--set sides.<ID>.<old spelling>...` as the new spelling, with a warning at the argument.
Override respelt_override(const Override& o, DiagnosticSink& sink) {
  const auto respelt = respelt_path(o.path);
  if (!respelt) return o;
  sink.add(Diagnostic{Severity::kWarning, SourceLocation{override_label(o), 0, 0, o.path},
                      old_spelling_warning(*respelt->second)});
  return Override{respelt->first, o.value};
}

/// Whether `key_path` is `prefix` or lies under it (`prefix.x`, `prefix[0]`).
bool is_under(std::string_view key_path, std::string_view prefix) {
  if (prefix.empty() || !key_path.starts_with(prefix)) return false;
  return key_path.size() == prefix.size() || key_path[prefix.size()] == '.' || key_path[prefix.size()] == '[';
}

/// Whether `override_path` is `K.range` and `key_path` is `K.value`: a value outside a range that
/// `--set` gave is that argument's problem.
bool sets_range_of(std::string_view override_path, std::string_view key_path) {
  if (!override_path.ends_with(".range") || !key_path.ends_with(".value")) return false;
  return override_path.substr(0, override_path.size() - 6) == key_path.substr(0, key_path.size() - 6);
}

/// An override as applied: the key path of the first node it created (its own path when it only
/// replaced a value), so that a problem with a key the override made up (`--set foo.bar=1`:
/// `foo: unknown key`) is located at the `--set` argument, not in the file.
struct AppliedOverride {
  const Override* override = nullptr;
  std::string created;
};

std::string side_ids_text(const YAML::Node& sides) {
  std::vector<std::string> ids;
  for (auto it = sides.begin(); it != sides.end(); ++it) ids.push_back(it->first.Scalar());
  return fmt::format("{}", fmt::join(ids, ", "));
}

/// A figure written as a mapping `{value, grade, src, ...}`.
bool is_figure_mapping(const YAML::Node& node) {
  if (!node.IsDefined() || !node.IsMap()) return false;
  for (const auto& kv : node) {
    if (kv.first.IsScalar() && kv.first.Scalar() == "value") return true;
  }
  return false;
}

/// A mapping whose keys are all keys of a figure (`{value: 250, range: [100, 300]}`).
bool is_figure_patch(const YAML::Node& node) {
  if (!node.IsMap() || node.size() == 0) return false;
  const SchemaSection& figure = schema_section("figure");
  for (const auto& kv : node) {
    if (!kv.first.IsScalar() || figure.find(kv.first.Scalar()) == nullptr) return false;
  }
  return true;
}

/// Applies one override to the tree; returns nullopt (with a diagnostic at the `--set` argument)
/// when the path names a side the scenario does not have, crosses a value that is not a mapping,
/// indexes what is not a list or runs past a list's end, or the value is not YAML.
std::optional<AppliedOverride> apply_override(YAML::Node& root, const Override& o, DiagnosticSink& sink) {
  const auto fail = [&](const std::string& key_path, std::string message) {
    sink.add(Diagnostic{Severity::kError, SourceLocation{override_label(o), 0, 0, key_path}, std::move(message)});
    return std::nullopt;
  };
  const std::optional<std::vector<PathStep>> steps = parse_key_path(o.path);
  if (!steps) return fail(o.path, "expected a dotted key path with list indices as [N], e.g. sides.US.withheld");
  // A scenario has only the sides it names: a side id that is not one of them is a slip (ids are
  // case-sensitive), not a new side.
  const YAML::Node& const_root = root;
  const YAML::Node sides = const_root["sides"];
  // IsDefined first: a const lookup of a missing key gives an invalid node, whose IsMap() throws.
  if (steps->front().key == "sides" && steps->front().indices.empty() && steps->size() >= 2 && sides.IsDefined() &&
      sides.IsMap() && !sides[(*steps)[1].key].IsDefined()) {
    const std::string& id = (*steps)[1].key;
    return fail(io::join_path("sides", id), fmt::format("no side '{}'; sides are {}", id, side_ids_text(sides)));
  }
  // The same guarded parse as the files: a value such as ',' would otherwise hang yaml-cpp.
  auto parsed = io::parse_yaml_document(o.value);
  if (auto* error = std::get_if<io::YamlParseError>(&parsed)) {
    return fail(o.path, fmt::format("the value is refused: {}", error->message));
  }
  YAML::Node value = std::get<YAML::Node>(parsed);
  AppliedOverride applied{&o, ""};
  YAML::Node current(root);
  std::string walked;
  for (std::size_t i = 0; i < steps->size(); ++i) {
    const PathStep& step = (*steps)[i];
    const bool last = i + 1 == steps->size();
    walked = io::join_path(walked, step.key);
    if (last && step.indices.empty()) {
      if (applied.created.empty() && !current[step.key].IsDefined()) applied.created = walked;
      YAML::Node existing = current[step.key];
      if (is_figure_mapping(existing) && (value.IsScalar() || is_figure_patch(value))) {
        // A figure written as a mapping keeps its grade, source and range: a number replaces its
        // `value`, a mapping ({value: 250, range: [100, 300]}) the keys it gives.
        if (value.IsScalar()) {
          existing["value"] = value;
        } else {
          for (const auto& kv : value) existing[kv.first.Scalar()] = kv.second;
        }
        break;
      }
      current[step.key] = value;
      break;
    }
    YAML::Node next = current[step.key];
    if (next.IsDefined() && next.IsScalar() && !next.IsNull() && step.indices.empty() && i + 2 == steps->size() &&
        (*steps)[i + 1].indices.empty() && schema_section("figure").find((*steps)[i + 1].key) != nullptr) {
      // `K.range=[100, 300]` on a figure written as a plain number: the number becomes the figure's
      // value, so that its range (or grade, source, note) can be given from the command line too.
      YAML::Node figure(YAML::NodeType::Map);
      figure["value"] = YAML::Node(next.Scalar());
      current[step.key] = figure;
      next.reset(current[step.key]);
      if (applied.created.empty()) applied.created = walked;
    }
    const bool exists = next.IsDefined() && !next.IsNull();
    if (!step.indices.empty() && !exists) {
      return fail(walked, fmt::format("cannot set '{}': '{}' is not in the scenario, so it has no list entries", o.path,
                                      walked));
    }
    if (!exists && applied.created.empty()) applied.created = walked;
    if (exists && step.indices.empty() && !next.IsMap()) {
      return fail(o.path,
                  fmt::format("cannot set '{}': '{}' is {}, not a section", o.path, walked, io::describe_node(next)));
    }
    for (std::size_t j = 0; j < step.indices.size(); ++j) {
      const std::size_t index = step.indices[j];
      if (!next.IsSequence()) {
        return fail(walked,
                    fmt::format("cannot set '{}': '{}' is {}, not a list", o.path, walked, io::describe_node(next)));
      }
      if (index >= next.size()) {
        return fail(walked, fmt::format("cannot set '{}': index {} is out of range; the list has {} entr{}{}", o.path,
                                        index, next.size(), next.size() == 1 ? "y" : "ies",
                                        next.size() == 0 ? "" : fmt::format(" (0 to {})", next.size() - 1)));
      }
      walked = io::index_path(walked, index);
      if (last && j + 1 == step.indices.size()) {
        next[index] = value;
        return applied;
      }
      YAML::Node item = next[index];
      next.reset(item);
    }
    if (!step.indices.empty() && !next.IsMap()) {
      return fail(o.path,
                  fmt::format("cannot set '{}': '{}' is {}, not a section", o.path, walked, io::describe_node(next)));
    }
    current.reset(next);
  }
  if (applied.created.empty()) applied.created = o.path;
  return applied;
}

bool looks_like_path(std::string_view text) {
  return text.find('/') != std::string_view::npos || text.ends_with(".yaml") || text.ends_with(".yml");
}

/// What the readers need besides the tree: the scenario file (relative paths written in it resolve
/// against its folder), the catalogue for ids, the overrides as applied and the caller's options.
struct ReadContext {
  std::filesystem::path file;
  const DataSource* catalog = nullptr;
  std::vector<AppliedOverride> overrides;
  ScenarioReadOptions options;
  std::array<std::optional<SourceLocation>, 3> force_at;  ///< where each side's `force` is given

  /// Whether the value at `key_path` came from a `--set` argument.
  [[nodiscard]] bool from_command_line(std::string_view key_path) const {
    return std::any_of(overrides.begin(), overrides.end(),
                       [&](const AppliedOverride& a) { return is_under(key_path, a.override->path); });
  }
  /// A path given at `key_path`: relative to the scenario's folder when written in the file,
  /// relative to the working directory (as the user typed it) when given by `--set`.
  [[nodiscard]] std::filesystem::path resolve(std::string_view key_path, const std::string& text) const {
    std::filesystem::path path(text);
    if (path.is_relative() && !from_command_line(key_path)) path = file.parent_path() / path;
    return path;
  }
};

void read_options(MapReader& scenario, Scenario& out) {
  auto section = scenario.section("options", "options");
  if (!section) return;
  MapReader& r = *section;
  StabilityParameters& p = out.parameters;
  if (auto v = r.word("posture")) out.posture = posture_case_from_string(*v).value_or(PostureCase::kDayToDay);
  if (auto v = r.word("draw_down")) p.draw_down = *v == "greedy" ? DrawDownMethod::kGreedy : DrawDownMethod::kExact;
  if (auto v = r.word("striker_readiness")) {
    p.striker_readiness = striker_readiness_from_string(*v).value_or(StrikerReadiness::kKentThaler);
  }
  if (auto v = r.word("decapitation")) {
    p.decapitation = *v == "fixed_share" ? DecapitationRule::kFixedShare : DecapitationRule::kOptimised;
  }
  if (auto v = r.word("damage")) p.damage_from_cities = *v == "cities";
  if (auto v = r.word("w80")) p.w80_derived = *v == "derived";
  if (auto v = r.boolean("launch_under_attack")) p.launch_under_attack = *v;
  if (auto v = r.boolean("warning")) p.warning = *v;
  if (auto v = r.boolean("defence_in_planning")) p.defence_in_planning = *v;
  if (auto v = r.number("lua_share")) p.lua_share = *v;
  if (auto v = r.number("lua_share_mobile")) p.lua_share_mobile = *v;
  if (auto v = r.number("lua_share_ssbn")) p.lua_share_ssbn = *v;
  if (auto v = r.word("lua_legs")) p.lua_silos_only = *v == "silos";
  if (auto v = r.word("targets")) p.aim_points = *v == "aim_points";
  if (auto v = r.word("collateral")) p.collateral_cities = *v == "cities";
  if (auto v = r.number("collateral_field_km")) p.collateral_field_km = *v;
  if (auto v = r.integer("max_warheads_per_target")) p.max_warheads_per_target = static_cast<int>(*v);
  if (auto v = r.number("cost_exponent")) p.cost_exponent = *v;
  if (auto v = r.number("surcharge")) p.surcharge = *v;
  if (auto v = r.number("third_side_weight")) p.third_side_weight = *v;
  if (auto v = r.number("striker_availability")) p.striker_availability = *v;
  if (auto v = r.number("stop_tolerance")) p.stop_tolerance = *v;
}

/// Whether a mapping under `uncertainty:` is an entry (its keys are entry keys) rather than one
/// more segment of a nested key path.
bool is_uncertainty_entry(const YAML::Node& node) {
  if (!node.IsMap() || node.size() == 0) return false;
  const SchemaSection& entry = schema_section("uncertainty_entry");
  for (const auto& kv : node) {
    if (!kv.first.IsScalar() || entry.find(kv.first.Scalar()) == nullptr) return false;
  }
  return true;
}

/// `uncertainty:`: each key path with `fixed` or an entry; nested mappings are dotted paths (so
/// that `--set uncertainty.sides.US.w80=fixed` and the flat `sides.US.w80: fixed` mean one thing).
void read_uncertainty_node(const YAML::Node& node, const std::string& prefix, Scenario& out, DiagnosticSink& sink) {
  for (const auto& kv : node) {
    const std::string key = kv.first.IsScalar() ? kv.first.Scalar() : std::string();
    std::string path = prefix;
    if (!path.empty()) path += '.';
    path += key;
    const std::string key_path = "uncertainty." + path;
    const YAML::Node& value = kv.second;
    if (key.empty() || !Override::is_key_path(path)) {
      sink.error(kv.first.Mark(), key_path, "expected a dotted key path such as sides.US.systems.mm3.cep_m");
      continue;
    }
    UncertaintyEntry entry;
    if (const auto respelt = respelt_path(path)) {
      // The entry names the figure the loader reads under the new spelling (one path per input).
      sink.add(Diagnostic{Severity::kWarning, sink.locate(kv.first.Mark(), key_path),
                          old_spelling_warning(*respelt->second)});
      path = respelt->first;
    }
    entry.path = path;
    entry.where = SourceLocation{sink.file(), value.Mark().line + 1, value.Mark().column + 1, key_path};
    if (value.IsScalar()) {
      if (value.Scalar() != "fixed") {
        sink.error(value.Mark(), key_path, "expected `fixed` or a mapping {dist, low, mode, high, mean, sd, group}");
        continue;
      }
      entry.fixed = true;
      out.uncertainty.push_back(std::move(entry));
      continue;
    }
    if (value.IsMap() && !is_uncertainty_entry(value)) {
      read_uncertainty_node(value, path, out, sink);
      continue;
    }
    MapReader r(value, key_path, schema_section("uncertainty_entry"), sink);
    if (!r.is_mapping()) continue;
    if (auto v = r.word("dist")) entry.dist = distribution_from_string(*v);
    entry.low = r.number("low");
    entry.mode = r.number("mode");
    entry.high = r.number("high");
    entry.mean = r.number("mean");
    entry.sd = r.number("sd");
    entry.group = r.string("group").value_or("");
    if (entry.low.has_value() != entry.high.has_value()) {
      sink.error(value.Mark(), key_path, "give both `low` and `high`, or neither (the data's range)");
    } else if (entry.low && entry.high && *entry.low > *entry.high) {
      sink.error(value.Mark(), key_path, "expected low <= high");
    }
    if (entry.dist == Distribution::kUniform && entry.mode) {
      sink.error(value.Mark(), key_path + ".mode", "a uniform distribution has no mode");
    }
    if (entry.dist != Distribution::kNormal && (entry.mean || entry.sd)) {
      sink.error(value.Mark(), key_path, "`mean` and `sd` belong to `dist: normal`");
    }
    out.uncertainty.push_back(std::move(entry));
  }
}

void read_uncertainty(MapReader& scenario, Scenario& out, DiagnosticSink& sink) {
  auto node = scenario.node("uncertainty");
  if (!node) return;
  if (!node->IsMap()) {
    sink.error(node->Mark(), "uncertainty", "expected a mapping of key paths to `fixed` or {dist, low, high, ...}");
    return;
  }
  read_uncertainty_node(*node, "", out, sink);
}

void read_abstract(MapReader& side, std::optional<AbstractSide>& out) {
  auto section = side.section("abstract", "abstract_side");
  if (!section) return;
  MapReader& r = *section;
  AbstractSide& a = out.emplace();
  const auto take = [&](std::string_view key, double& into) {
    if (auto v = r.number(key)) into = *v;
  };
  take("nf", a.nf);
  take("mf", a.mf);
  take("ns", a.ns);
  take("ms", a.ms);
  take("alert", a.alert);
  take("de", a.de);
  take("w80", a.w80);
}

/// One of the scenario's assumptions about the world (io/scenario_figures.hpp): a plain number or a
/// figure {value, grade, src, date, range, note} whose provenance `data check` audits. The figure is
/// kept in the side's `figures` under its key path (a ranged one is an uncertain input).
std::optional<double> parameter(ScenarioSide& out, MapReader& r, std::string_view section, std::string_view key) {
  auto node = r.node(key);
  if (!node) return std::nullopt;
  const KeySpec* spec = schema_section(section).find(key);
  auto figure = io::read_figure(*node, r.key_path(key), *spec, r.sink());
  if (!figure) return std::nullopt;
  out.figures.push_back(ScenarioFigure{r.key_path(key), *figure});
  return figure->value;
}

/// Resolves `force:` to a loaded snapshot. Problems inside the snapshot file are reported with the
/// snapshot file's own locations; a reference that names nothing is located at `force`.
void read_force(MapReader& side, const ReadContext& context, std::optional<SourceLocation>& force_at,
                ScenarioSide& out) {
  const DataSource* catalog = context.catalog;
  auto node = side.node("force");
  if (!node) return;
  auto reference = side.string("force");
  if (!reference) return;
  out.force_reference = *reference;
  const std::string path = side.key_path("force");
  force_at = side.sink().locate(node->Mark(), path);
  try {
    if (looks_like_path(*reference)) {
      out.forces = load_force_snapshot(context.resolve(path, *reference));
    } else if (catalog != nullptr) {
      out.forces = catalog->load_snapshot(*reference);
    } else {
      side.sink().error(node->Mark(), path,
                        fmt::format("expected the path of a force snapshot file, got '{}' (snapshot ids need the "
                                    "bundled data catalogue)",
                                    *reference));
    }
    if (catalog != nullptr && out.forces) out.cities = catalog->load_cities(out.forces->side);
  } catch (const InputError& e) {
    for (const Diagnostic& d : e.diagnostics()) side.sink().add(d);
    side.sink().error(node->Mark(), path, fmt::format("the force snapshot '{}' has errors (above)", *reference));
  } catch (const NotFoundError& e) {
    side.sink().error(node->Mark(), path, fmt::format("expected a force snapshot id or file: {}", e.what()));
  }
}

void read_defence(MapReader& side, ScenarioSide& out) {
  auto section = side.section("defence", "defence");
  if (!section) return;
  MapReader& r = *section;
  MissileDefence& d = out.defence.emplace();
  if (auto v = parameter(out, r, "defence", "interceptors")) d.interceptors = *v;
  if (auto v = r.word("covers")) {
    d.covers = *v == "silos"  ? DefenceCoverage::kSilos
               : *v == "both" ? DefenceCoverage::kBoth
                              : DefenceCoverage::kValue;
  }
  if (auto v = parameter(out, r, "defence", "silo_share")) d.silo_share = *v;
  if (auto v = parameter(out, r, "defence", "decoys_per_warhead")) d.decoys_per_warhead = *v;
  if (auto v = parameter(out, r, "defence", "sites")) d.sites = *v;
  if (auto v = parameter(out, r, "defence", "site_kill_probability")) d.site_kill_probability = *v;
  if (auto v = r.word("adaptive_offence"))
    d.adaptive_offence = *v == "none" ? AdaptiveOffence::kNone : AdaptiveOffence::kDecoys;
  if (auto v = parameter(out, r, "defence", "max_decoys_per_warhead")) d.max_decoys_per_warhead = *v;
  if (auto v = r.boolean("concentrate_on_undefended")) d.concentrate_on_undefended = *v;
  const std::vector<YAML::Node> items = r.list("layers", true);
  std::vector<bool> share_given;
  for (std::size_t i = 0; i < items.size(); ++i) {
    MapReader layer(items[i], io::index_path(r.key_path("layers"), i), schema_section("defence_layer"), r.sink());
    if (!layer.is_mapping()) continue;
    DefenceLayer& l = d.layers.emplace_back();
    l.name = layer.string("name").value_or("");
    if (auto v = parameter(out, layer, "defence_layer", "sspk")) l.sspk = *v;
    if (auto v = layer.integer("shots")) l.shots = static_cast<int>(*v);
    if (auto v = layer.integer("second_shots")) l.second_shots = static_cast<int>(*v);
    if (auto v = parameter(out, layer, "defence_layer", "tracking_reliability")) l.tracking_reliability = *v;
    const auto share = parameter(out, layer, "defence_layer", "inventory_share");
    share_given.push_back(share.has_value());
    if (share) l.inventory_share = *share;
    if (auto v = layer.boolean("sees_decoys")) l.sees_decoys = *v;
    if (auto v = layer.boolean("suppressible")) l.suppressible = *v;
    if (auto v = parameter(out, layer, "defence_layer", "absentee_ratio")) l.absentee_ratio = *v;
    if (auto v = layer.word("engages")) l.engages_boosters = *v == "boosters";
    if (auto v = parameter(out, layer, "defence_layer", "footprint")) l.footprint = *v;
  }
  // Layers without a share split what the others leave equally.
  double given = 0.0;
  std::size_t missing = 0;
  for (std::size_t i = 0; i < d.layers.size(); ++i) {
    if (share_given[i]) {
      given += d.layers[i].inventory_share;
    } else {
      ++missing;
    }
  }
  if (given > 1.0 + 1e-9) {
    std::vector<std::string> shares;
    for (std::size_t i = 0; i < d.layers.size(); ++i) {
      if (share_given[i]) shares.push_back(io::join_path(io::index_path(r.key_path("layers"), i), "inventory_share"));
    }
    r.sink().add_spanning(
        Diagnostic{Severity::kError, r.location(),
                   fmt::format("expected the layers' inventory_share to sum to at most 1, got {:.6g}", given)},
        std::move(shares));
  }
  for (std::size_t i = 0; i < d.layers.size(); ++i) {
    if (!share_given[i]) d.layers[i].inventory_share = std::max(0.0, 1.0 - given) / static_cast<double>(missing);
  }
}

void read_command(MapReader& side, ScenarioSide& out) {
  if (auto v = parameter(out, side, "scenario_side", "decapitation_share")) out.decapitation_share = *v;
  auto section = side.section("command", "command");
  if (!section) return;
  MapReader& r = *section;
  out.command_given = true;
  CommandAndControl& c = out.command;
  if (auto v = parameter(out, r, "command", "survival")) c.survival = *v;
  if (auto v = parameter(out, r, "command", "survival_generated")) c.survival_generated = *v;
  // A striker may aim at the command only when its posts are given (no silent default for how
  // vulnerable it is).
  if (auto v = parameter(out, r, "command", "nodes")) {
    c.nodes = *v;
    c.described = true;
  }
  if (auto v = parameter(out, r, "command", "nodes_generated")) c.nodes_generated = *v;
  if (auto v = parameter(out, r, "command", "node_kill_probability")) c.node_kill_probability = *v;
  if (auto v = parameter(out, r, "command", "perimeter")) c.perimeter = *v;
  const std::vector<YAML::Node> items = r.list("devolution", false);
  for (std::size_t i = 0; i < items.size(); ++i) {
    MapReader route(items[i], io::index_path(r.key_path("devolution"), i), schema_section("devolution_route"),
                    r.sink());
    if (!route.is_mapping()) continue;
    DevolutionRoute& d = out.devolution.emplace_back();
    d.name = route.string("name").value_or("");
    if (auto v = parameter(out, route, "devolution_route", "survival_day_to_day")) d.survival_day_to_day = *v;
    if (auto v = parameter(out, route, "devolution_route", "survival_generated")) d.survival_generated = *v;
    if (auto v = parameter(out, route, "devolution_route", "reliability")) d.reliability = *v;
    if (auto v = parameter(out, route, "devolution_route", "forces_share")) d.forces_share = *v;
  }
}

void read_warning(MapReader& side, ScenarioSide& out) {
  if (auto section = side.section("warning", "warning")) {
    MapReader& r = *section;
    WarningChain& w = out.warning;
    if (auto v = parameter(out, r, "warning", "detection_minutes")) w.detection_minutes = *v;
    if (auto v = parameter(out, r, "warning", "decision_minutes_min")) w.decision_minutes_min = *v;
    if (auto v = parameter(out, r, "warning", "decision_minutes_max")) w.decision_minutes_max = *v;
    if (auto v = parameter(out, r, "warning", "launch_minutes")) w.launch_minutes = *v;
    if (auto v = parameter(out, r, "warning", "mobile_launch_minutes")) w.mobile_launch_minutes = *v;
    if (auto v = parameter(out, r, "warning", "ssbn_launch_minutes")) w.ssbn_launch_minutes = *v;
    if (auto v = parameter(out, r, "warning", "bomber_escape_minutes_min")) w.bomber_escape_minutes_min = *v;
    if (auto v = parameter(out, r, "warning", "bomber_escape_minutes_max")) w.bomber_escape_minutes_max = *v;
    if (w.decision_minutes_min > w.decision_minutes_max) {
      r.sink().add_spanning(Diagnostic{Severity::kError, r.location(),
                                       fmt::format("expected decision_minutes_min <= decision_minutes_max, got {} > {}",
                                                   w.decision_minutes_min, w.decision_minutes_max)},
                            {r.key_path("decision_minutes_min"), r.key_path("decision_minutes_max")});
    }
    if (w.bomber_escape_minutes_min > w.bomber_escape_minutes_max) {
      r.sink().add_spanning(
          Diagnostic{Severity::kError, r.location(),
                     fmt::format("expected bomber_escape_minutes_min <= bomber_escape_minutes_max, got {} > {}",
                                 w.bomber_escape_minutes_min, w.bomber_escape_minutes_max)},
          {r.key_path("bomber_escape_minutes_min"), r.key_path("bomber_escape_minutes_max")});
    }
  }
  if (auto section = side.section("flight_minutes", "flight_minutes")) {
    if (auto v = parameter(out, *section, "flight_minutes", "icbm")) out.flight.icbm_minutes = *v;
    if (auto v = parameter(out, *section, "flight_minutes", "slbm")) out.flight.slbm_minutes = *v;
  }
}

/// `damage_curve: [[w, D], ...]`: each point two numbers, the whole a valid tabulated curve
/// (damage_point_problems), every problem located at its point.
void read_damage_curve(MapReader& side, ScenarioSide& out) {
  if (!side.node("damage_curve")) return;
  const std::vector<YAML::Node> items = side.list("damage_curve", true);
  if (items.empty()) return;
  const std::string path = side.key_path("damage_curve");
  std::vector<DamagePoint> points;
  bool ok = true;
  for (std::size_t i = 0; i < items.size(); ++i) {
    const YAML::Node& item = items[i];
    DamagePoint p;
    bool good = item.IsSequence() && item.size() == 2;
    if (good) {
      try {
        p.w = item[0].as<double>();
        p.d = item[1].as<double>();
      } catch (const YAML::Exception&) {
        good = false;
      }
    }
    if (!good) {
      side.sink().error(item.Mark(), io::index_path(path, i),
                        fmt::format("expected a point [w, D] of two numbers, got {}", io::describe_node(item)));
      ok = false;
      continue;
    }
    points.push_back(p);
  }
  if (!ok) return;
  const auto problems = damage_point_problems(points);
  for (const auto& [index, message] : problems) {
    const std::size_t at = std::min(index, items.size() - 1);
    side.sink().error(items[at].Mark(), io::index_path(path, at), message);
  }
  if (problems.empty()) {
    out.damage_curve = DamageCurve::tabulated(std::move(points));
    out.damage_curve_given = true;
  }
}

/// Forward deployments; their `system` must be one of the side's own non-central systems. Their
/// `reaches` ids are checked against the other side once both are read.
void read_forward(MapReader& side, ScenarioSide& out) {
  const std::vector<YAML::Node> items = side.list("forward", false);
  for (std::size_t i = 0; i < items.size(); ++i) {
    MapReader r(items[i], io::index_path(side.key_path("forward"), i), schema_section("forward"), side.sink());
    if (!r.is_mapping()) continue;
    ForwardDeployment& f = out.forward.emplace_back();
    f.system = r.string("system").value_or("");
    f.location = r.string("location").value_or("");
    if (auto v = r.number("flight_minutes")) f.flight_minutes = *v;
    if (auto v = r.word_list("reaches")) f.reaches = *v;
    if (auto v = r.boolean("reaches_value")) f.reaches_value = *v;
    if (auto v = r.number("warheads_per_launcher")) f.warheads_per_launcher = *v;
    if (auto point = r.section("launch_point", "launch_point")) {
      f.launch_point_name = point->string("name").value_or("");
      const auto lat = point->number("lat_deg");
      const auto lon = point->number("lon_deg");
      f.launch_point_source = point->string("source").value_or("");
      if (lat && lon) f.launch_point = GeoPoint{*lat, *lon};
    }
    if (!out.forces || f.system.empty()) continue;
    const System* system = out.forces->find_system(f.system);
    // Both checks span the entry's `system` and the side's `force`.
    if (system == nullptr) {
      r.sink().add_spanning(
          Diagnostic{Severity::kError, r.location(),
                     fmt::format("expected a system of snapshot '{}' at `system`, got '{}'", out.forces->id, f.system)},
          {r.key_path("system"), side.key_path("force")});
    } else if (in_central_exchange(*system)) {
      r.sink().add_spanning(
          Diagnostic{Severity::kError, r.location(),
                     fmt::format("'{}' is already in the central exchange (basing {}); forward entries are for "
                                 "intermediate-range and non-strategic systems",
                                 f.system, to_string(system->basing))},
          {r.key_path("system"), side.key_path("force")});
    }
  }
}

void read_side(MapReader& side, const ReadContext& context, std::optional<SourceLocation>& force_at,
               ScenarioSide& out) {
  const bool has_abstract = side.has("abstract");
  const bool has_force = side.has("force");
  if (has_abstract == has_force) {
    side.sink().add_spanning(Diagnostic{Severity::kError, side.location(),
                                        "expected exactly one of `abstract` (Kent–Thaler's abstract form) or `force` "
                                        "(a force snapshot id or file)"},
                             {side.key_path("abstract"), side.key_path("force")});
  }
  if (has_abstract) read_abstract(side, out.abstract);
  if (has_force) read_force(side, context, force_at, out);
  if (auto v = side.number("withheld")) out.withheld = *v;
  if (auto v = side.integer("upload_months")) out.upload_months = static_cast<int>(*v);
  if (!has_force && (side.has("withheld") || side.has("upload_months"))) {
    side.sink().add_spanning(Diagnostic{Severity::kError, side.location(),
                                        "`withheld` and `upload_months` apply to real sides (`force`) only"},
                             {side.key_path("withheld"), side.key_path("upload_months")});
  }
  for (std::string_view key : {"defence", "command", "decapitation_share", "warning", "flight_minutes", "forward"}) {
    if (!has_force && side.has(key)) {
      side.sink().add_spanning(
          Diagnostic{Severity::kError, side.location(), fmt::format("`{}` applies to real sides (`force`) only", key)},
          {side.key_path(key)});
    }
  }
  read_defence(side, out);
  read_command(side, out);
  read_warning(side, out);
  read_forward(side, out);
  read_damage_curve(side, out);
}

/// A real side whose id names a country (a side of the bundled snapshots, or of the other side's)
/// and whose snapshot is another country's: `sides.US.force: ru-2026-11-01` is nearly always a
/// slip, so it is an error unless the caller allows it, and then a warning.
void check_force_sides(const Scenario& scenario, const ReadContext& context, DiagnosticSink& sink) {
  std::set<std::string> countries;
  if (context.catalog != nullptr) {
    for (const std::string& id : context.catalog->snapshot_ids()) countries.insert(id.substr(0, id.find('-')));
  }
  for (const ScenarioSide& side : scenario.sides) {
    if (side.forces) countries.insert(side.forces->side);
  }
  for (std::size_t i = 0; i < scenario.sides.size(); ++i) {
    const ScenarioSide& side = scenario.sides[i];
    if (!side.forces || !context.force_at[i]) continue;
    std::string country = side.id;
    std::transform(country.begin(), country.end(), country.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (country == side.forces->side || !countries.contains(country)) continue;
    const std::string given =
        fmt::format("side '{}' is given snapshot '{}', a force of '{}'", side.id, side.forces->id, side.forces->side);
    if (context.options.allow_mismatched_force) {
      sink.add(Diagnostic{Severity::kWarning, *context.force_at[i], given + " (allowed by --allow-mismatched-force)"});
      continue;
    }
    std::string example;
    if (context.catalog != nullptr && side.forces->id.starts_with(side.forces->side + "-")) {
      const std::string same_date = country + side.forces->id.substr(side.forces->side.size());
      const std::vector<std::string> ids = context.catalog->snapshot_ids();
      if (std::find(ids.begin(), ids.end(), same_date) != ids.end()) example = fmt::format(" (e.g. {})", same_date);
    }
    sink.add(Diagnostic{Severity::kError, *context.force_at[i],
                        fmt::format("{}; expected a snapshot of '{}'{}, or --allow-mismatched-force to pair them on "
                                    "purpose",
                                    given, country, example)});
  }
}

/// Three sides (docs/methods.md §13.5): each side's `split` between its two opponents, resolved to
/// side indices; what has no meaning with three sides (a `withheld` share, which the split
/// replaces; forward systems and decapitation, aimed at "the other side") is refused.
void read_three_sided(const YAML::Node& sides, Scenario& out, DiagnosticSink& sink) {
  // By id: the file's entries and out.sides differ where an entry was refused (a bad or repeated id).
  if (out.sides.size() != 3) return;
  for (std::size_t i = 0; i < 3; ++i) {
    ScenarioSide& side = out.sides[i];
    const std::string path = io::join_path("sides", side.id);
    const YAML::Node node = sides[side.id];
    if (side.id.empty() || !node.IsDefined() || !node.IsMap()) continue;
    for (const char* key : {"withheld", "forward", "decapitation_share"}) {
      if (!node[key]) continue;
      sink.error(node[key].Mark(), io::join_path(path, key),
                 std::string(key) == "withheld"
                     ? std::string("with three sides a side's warheads are divided by `split` (its share against each "
                                   "opponent); expected `split` instead of `withheld`")
                     : fmt::format("`{}` is aimed at \"the other side\", which three sides do not name; expected it "
                                   "only in two-sided scenarios",
                                   key));
    }
    const YAML::Node split = node["split"];
    if (!split) continue;
    const std::string split_path = io::join_path(path, "split");
    side.split_given = true;
    if (split.IsScalar()) {
      if (split.Scalar() == "chosen") {
        side.split.rule = SplitRule::kChosen;
      } else if (split.Scalar() != "proportional") {
        sink.error(split.Mark(), split_path,
                   fmt::format("expected `proportional`, `chosen` or a mapping of the two other sides' ids to shares, "
                               "got '{}'",
                               split.Scalar()));
      }
      continue;
    }
    if (!split.IsMap()) {
      sink.error(
          split.Mark(), split_path,
          fmt::format("expected `proportional`, `chosen` or a mapping of the two other sides' ids to shares, got {}",
                      io::describe_node(split)));
      continue;
    }
    side.split.rule = SplitRule::kShares;
    double total = 0.0;
    std::size_t given = 0;
    for (auto entry = split.begin(); entry != split.end(); ++entry) {
      const std::string id = entry->first.Scalar();
      const std::string entry_path = io::join_path(split_path, id);
      std::size_t target = 3;
      for (std::size_t j = 0; j < 3; ++j) {
        if (j != i && out.sides[j].id == id) target = j;
      }
      if (target == 3) {
        std::vector<std::string> others;
        for (std::size_t j = 0; j < 3; ++j) {
          if (j != i) others.push_back(out.sides[j].id);
        }
        sink.error(entry->first.Mark(), entry_path,
                   fmt::format("expected one of the side's two opponents ({}), got '{}'", fmt::join(others, ", "), id));
        continue;
      }
      double share = -1.0;
      try {
        share = entry->second.IsScalar() ? entry->second.as<double>() : -1.0;
      } catch (const YAML::Exception&) {
        share = -1.0;
      }
      if (!(share >= 0.0 && share <= 1.0)) {
        sink.error(entry->second.Mark(), entry_path,
                   fmt::format("expected a share between 0 and 1, got {}", io::describe_node(entry->second)));
        continue;
      }
      side.split.shares[target] = share;
      total += share;
      ++given;
    }
    if (given == 2 && std::abs(total - 1.0) > 1e-9) {
      sink.error(split.Mark(), split_path, fmt::format("expected the two shares to sum to 1, got {:g}", total));
    } else if (given != 2 && !sink.has_errors()) {
      sink.error(split.Mark(), split_path, "expected a share for each of the two other sides");
    }
  }
}

void read_sides(MapReader& scenario, Scenario& out, ReadContext& context) {
  auto node = scenario.node("sides");
  if (!node) return;
  if (!node->IsMap()) {
    scenario.sink().error(
        node->Mark(), "sides",
        fmt::format("expected a mapping of two or three sides by id, got {}", io::describe_node(*node)));
    return;
  }
  // Two sides, or three (docs/methods.md §13.5); more is refused below.
  out.sides.resize(node->size() == 3 ? 3 : 2);
  std::vector<std::string> seen;
  std::size_t index = 0;
  for (auto it = node->begin(); it != node->end(); ++it) {
    const std::string id = it->first.Scalar();
    const std::string path = io::join_path("sides", id);
    if (!is_valid_side_id(id)) {
      scenario.sink().error(it->first.Mark(), path,
                            fmt::format("expected a side id of letters, digits, '_' or '-', got '{}'", id));
      continue;
    }
    if (std::find(seen.begin(), seen.end(), id) != seen.end()) {
      scenario.sink().error(it->first.Mark(), path, fmt::format("duplicate side id '{}'", id));
      continue;
    }
    seen.push_back(id);
    if (index < out.sides.size()) {
      MapReader side(it->second, path, schema_section("scenario_side"), scenario.sink());
      out.sides[index].id = id;
      if (side.is_mapping()) read_side(side, context, context.force_at[index], out.sides[index]);
    }
    ++index;
  }
  // Forward systems reach systems of the other side; a decapitation strike needs the other side's
  // command described (no silent default for how vulnerable it is).
  if (seen.size() == 2) {
    for (std::size_t i = 0; i < 2; ++i) {
      if (out.sides[i].decapitation_share > 0.0 && !out.sides[1 - i].command_given) {
        scenario.sink().error(node->Mark(), io::join_path("sides." + out.sides[i].id, "decapitation_share"),
                              fmt::format("a decapitation strike needs the other side's command: expected "
                                          "`sides.{}.command` (survival, nodes, node_kill_probability, perimeter)",
                                          out.sides[1 - i].id));
      }
    }
    for (std::size_t i = 0; i < 2; ++i) {
      const ScenarioSide& own = out.sides[i];
      const ScenarioSide& other = out.sides[1 - i];
      if (!other.forces) continue;
      for (std::size_t f = 0; f < own.forward.size(); ++f) {
        const std::string reaches_path =
            io::join_path(io::index_path(io::join_path("sides." + own.id, "forward"), f), "reaches");
        for (const std::string& id : own.forward[f].reaches) {
          const System* target = other.forces->find_system(id);
          if (target == nullptr) {
            scenario.sink().error(
                node->Mark(), reaches_path,
                fmt::format("expected systems of the other side's snapshot '{}', got '{}'", other.forces->id, id));
          } else if (own.forward[f].launch_point && target->bases.empty() && target->launchers_deployed.value > 0.0) {
            // Reach per base needs the bases; a whole class would silently be the upper bound again.
            scenario.sink().error(node->Mark(), reaches_path,
                                  fmt::format("'{}' of snapshot '{}' lists no `bases`; expected bases with "
                                              "coordinates for every system reached from a `launch_point`",
                                              id, other.forces->id));
          }
        }
      }
    }
  }
  if (seen.size() == 3) {
    read_three_sided(*node, out, scenario.sink());
  } else {
    for (auto it = node->begin(); it != node->end(); ++it) {
      if (!it->second.IsMap() || !it->second["split"]) continue;
      scenario.sink().error(it->second["split"].Mark(), io::join_path("sides." + it->first.Scalar(), "split"),
                            "`split` divides a side's warheads between two opponents; expected it only with three "
                            "sides (with two, `withheld` keeps a share back)");
    }
  }
  if (seen.size() == 2 || seen.size() == 3) check_force_sides(out, context, scenario.sink());
  if (seen.size() != 2 && seen.size() != 3) {
    scenario.sink().error(node->Mark(), "sides", fmt::format("expected two or three sides, got {}", seen.size()));
    return;
  }
  if (scenario.sink().has_errors()) return;
  for (std::size_t i = 1; i < out.sides.size(); ++i) {
    if (out.sides[0].forces.has_value() == out.sides[i].forces.has_value()) continue;
    scenario.sink().error(node->Mark(), "sides",
                          fmt::format("expected every side in the same form, got '{}' {} and '{}' {}", out.sides[0].id,
                                      out.sides[0].forces ? "real (force)" : "abstract", out.sides[i].id,
                                      out.sides[i].forces ? "real (force)" : "abstract"));
    return;
  }
}

}  // namespace

bool Override::is_key_path(std::string_view path) {
  return parse_key_path(path).has_value();
}

Override Override::parse(const std::string& text) {
  const auto eq = text.find('=');
  const std::string path = eq == std::string::npos ? text : text.substr(0, eq);
  if (eq == std::string::npos || !is_key_path(path)) {
    throw InputError({Diagnostic{Severity::kError, SourceLocation{"--set " + text, 0, 0, ""},
                                 "expected KEY=VALUE with a dotted key path (list entries as [N]), e.g. "
                                 "sides.A.abstract.alert=0.7 or sides.US.defence.layers[0].sspk=0.8"}});
  }
  return Override{path, text.substr(eq + 1)};
}

std::vector<Override> Override::parse_all(const std::vector<std::string>& texts) {
  std::vector<Override> out;
  out.reserve(texts.size());
  for (const std::string& text : texts) out.push_back(parse(text));
  return out;
}

namespace {

/// `treaty:` names a bundled regime or a treaty file; checked here, where the key has a line, so
/// that a misspelt id stops every command and not only the one that counts it (`compare`).
void read_treaty(MapReader& reader, const ReadContext& context, Scenario& scenario) {
  auto node = reader.node("treaty");
  if (!node) return;
  auto text = reader.string("treaty");
  if (!text) return;
  scenario.treaty = *text;
  if (context.catalog == nullptr) return;  // ids need the catalogue; without one the caller resolves it
  if (looks_like_path(*text)) {
    const std::filesystem::path file = context.resolve("treaty", *text);
    std::error_code ec;
    if (!std::filesystem::is_regular_file(file, ec)) {
      reader.sink().error(node->Mark(), "treaty",
                          fmt::format("expected a treaty id or the path of a treaty file, got '{}' (no such file: {})",
                                      *text, file.string()));
    }
    scenario.treaty = file.string();
    return;
  }
  const std::vector<std::string> ids = context.catalog->treaty_ids();
  if (std::find(ids.begin(), ids.end(), *text) != ids.end()) return;
  const std::optional<std::string> near = closest_word(*text, ids);
  const std::string hint = near ? fmt::format("; did you mean '{}'?", *near) : "";
  reader.sink().error(node->Mark(), "treaty",
                      fmt::format("unknown treaty id '{}'{}; expected a treaty file path or one of: {}", *text, hint,
                                  fmt::join(ids, ", ")));
}

/// `comply`, `mix` and `treaty_limits` (docs/methods.md §8.1): with `comply: true` the treaty is
/// loaded here, where its keys have lines, and checked for what preparing it needs: real sides, a
/// compliance rule for each side, the snapshot a freeze limit counts from, and limit ids that exist.
void read_compliance(MapReader& reader, const ReadContext& context, Scenario& scenario) {
  DiagnosticSink& sink = reader.sink();
  scenario.comply = reader.boolean("comply").value_or(false);
  if (auto word = reader.word("mix")) {
    scenario.mix = *word == "survivable" ? MixObjective::kSurvivable
                   : *word == "ratio"    ? MixObjective::kRatio
                                         : MixObjective::kRule;
  }
  std::vector<std::pair<std::string, YAML::Node>> limits;  // id, value
  if (auto node = reader.node("treaty_limits")) {
    if (!node->IsMap()) {
      sink.error(node->Mark(), "treaty_limits",
                 "expected a mapping of limit ids to counts, e.g. {total_warheads: 3000}");
    } else {
      for (const auto& kv : *node) limits.emplace_back(kv.first.IsScalar() ? kv.first.Scalar() : "", kv.second);
    }
  }
  const auto comply_error = [&](const std::string& message) {
    if (auto node = reader.node("comply")) {
      sink.error(node->Mark(), "comply", message);
    } else {
      sink.error_in_file(message);
    }
  };
  if (scenario.is_three_sided() && scenario.mix != MixObjective::kRule) {
    // The mix search answers one opponent's first strike (prepare.hpp); three sides are not modelled.
    sink.error(reader.node("mix")->Mark(), "mix",
               "`mix` chooses each side's mix against one opponent; expected `mix: rule` (or no `mix`) with three "
               "sides");
    return;
  }
  if (!scenario.comply) {
    if (scenario.mix != MixObjective::kRule) {
      sink.error(reader.node("mix")->Mark(), "mix",
                 "`mix` chooses a mix within the limits; expected `comply: true` with it");
    }
    if (!limits.empty()) {
      sink.error(reader.node("treaty_limits")->Mark(), "treaty_limits",
                 "`treaty_limits` set limits a force is brought within; expected `comply: true` with it");
    }
    return;
  }
  if (!scenario.is_real()) {
    if (sink.has_errors()) return;  // reported with the sides
    comply_error(
        "`comply: true` brings real forces within a treaty's limits; expected real sides (`force:`), got "
        "abstract ones");
    return;
  }
  std::filesystem::path file;
  if (looks_like_path(scenario.treaty)) {
    file = scenario.treaty;
  } else if (context.catalog != nullptr) {
    file = context.catalog->treaty_path(scenario.treaty);
  } else {
    comply_error("`comply: true` with a treaty id needs the data catalogue; expected a treaty file path");
    return;
  }
  LoadResult<Treaty> treaty = stratstab::read_treaty(file);
  for (Diagnostic& d : treaty.diagnostics) sink.add(std::move(d));
  if (!treaty.value) return;
  for (std::size_t i = 0; i < scenario.sides.size(); ++i) {
    if (!scenario.sides[i].forces) continue;  // reported with the sides
    const ForceSnapshot& forces = *scenario.sides[i].forces;
    if (treaty.value->compliance_for(forces.side) == nullptr) {
      comply_error(
          fmt::format("treaty '{}' states no compliance rule for side '{}' (sides.{}: {}); expected a "
                      "`compliance` entry with `side: {}` in {}",
                      treaty.value->id, forces.side, scenario.sides[i].id, forces.id, forces.side, file.string()));
    }
    for (const TreatyLimit& limit : treaty.value->limits) {
      if (limit.reference_date.empty()) continue;
      const std::string id = forces.side + "-" + limit.reference_date;
      if (context.catalog == nullptr) {
        comply_error(fmt::format("limit '{}' counts from snapshot {}, which needs the data catalogue", limit.id, id));
        continue;
      }
      try {
        scenario.treaty_reference[i] = std::make_shared<const ForceSnapshot>(context.catalog->load_snapshot(id));
      } catch (const std::exception& e) {
        comply_error(fmt::format("limit '{}' of treaty '{}' counts from side {}'s snapshot of {}: {}", limit.id,
                                 treaty.value->id, forces.side, limit.reference_date, e.what()));
      }
    }
  }
  for (const auto& [id, value] : limits) {
    const std::string key = "treaty_limits." + id;
    if (treaty.value->find_limit(id) == nullptr) {
      std::vector<std::string> ids;
      for (const TreatyLimit& l : treaty.value->limits) ids.push_back(l.id);
      sink.error(value.Mark(), key,
                 fmt::format("treaty '{}' has no limit '{}'; expected one of: {}", treaty.value->id, id,
                             fmt::join(ids, ", ")));
      continue;
    }
    double number = -1;
    if (value.IsScalar()) {
      try {
        number = value.as<double>();
      } catch (const YAML::Exception&) {
        number = -1;
      }
    }
    if (!(number >= 0 && number <= 100000)) {
      sink.error(value.Mark(), key, "expected a count in [0, 100000]");
      continue;
    }
    scenario.treaty_limits[id] = number;
  }
  scenario.regime = std::make_shared<const Treaty>(std::move(*treaty.value));
}

}  // namespace

namespace {

/// Whether `--set` names a figure of a real side's force snapshot (`sides.US.systems.mm3.cep_m`,
/// `sides.RU.inventory.warheads_stored`, `sides.US.w80`, each optionally `.value` or `.range`): such
/// paths are not keys of the scenario file, so they are kept out of its tree and applied to the
/// side's snapshot once it is loaded.
bool names_snapshot_figure(std::string_view path) {
  const std::optional<std::vector<PathStep>> steps = parse_key_path(path);
  return steps && steps->size() >= 3 && (*steps)[0].key == "sides" && (*steps)[0].indices.empty() &&
         (*steps)[1].indices.empty() && is_snapshot_part((*steps)[2].key);
}

/// Tolerances of the force loader's sums (force_loader.cpp): shares and launchers carry a few digits.
constexpr double kShareSumTolerance = 1e-6;
constexpr double kBaseSumTolerance = 1e-6;

/// A figure of a snapshot that `--set` changed: its key path, bounds and the arguments that set it.
struct SetFigure {
  std::string path;
  const KeySpec* spec = nullptr;
  Figure* figure = nullptr;
  std::vector<std::string> labels;
  bool range_set = false;
  std::string system;  ///< the system it belongs to (empty for inventory and w80)
  std::string field;   ///< `share`, `launchers` (a base), or the system key (`launchers_deployed`)
};

std::string labels_text(const std::vector<std::string>& labels) {
  return fmt::format("{}", fmt::join(labels, ", "));
}

/// The overrides of one real side's snapshot figures, applied to its loaded snapshot (its own
/// copy), then checked as the force loader checks a file: each figure within its key's bounds and
/// its stated range (unless the same command widens it), each system's warhead shares summing to 1,
/// its bases' launchers to launchers_deployed, its upload capacity at least its loading. Setting
/// `launchers_deployed` of a system with bases and none of the bases rescales the bases' launchers
/// in proportion (the rule of the uncertainty draws, docs/methods.md §13.2). Every problem is
/// located at the `--set` argument.
void apply_snapshot_overrides(ScenarioSide& side, const std::vector<const Override*>& overrides, DiagnosticSink& sink) {
  ForceSnapshot& snapshot = *side.forces;
  std::vector<SetFigure> set;
  const auto error = [&](const std::string& where, const std::string& key_path, std::string message) {
    sink.add(Diagnostic{Severity::kError, SourceLocation{where, 0, 0, key_path}, std::move(message)});
  };
  for (const Override* o : overrides) {
    const std::string label = override_label(*o);
    std::vector<PathStep> steps = *parse_key_path(o->path);
    // `K.value` and `K.range` name parts of the figure at K.
    std::string part;
    if (steps.size() > 3 && steps.back().indices.empty() &&
        (steps.back().key == "value" || steps.back().key == "range")) {
      part = steps.back().key;
    }
    if (part.empty() && steps.size() > 3 && steps.back().indices.empty() &&
        schema_section("figure").find(steps.back().key) != nullptr) {
      error(label, o->path,
            fmt::format("a snapshot figure set from the command line takes `value` and `range`, got `{}` (its "
                        "grade, source and note stay the snapshot's)",
                        steps.back().key));
      continue;
    }
    const std::string path = part.empty() ? o->path : o->path.substr(0, o->path.size() - part.size() - 1);
    SnapshotFigureRef ref;
    try {
      ref = resolve_snapshot_figure(snapshot, path);
    } catch (const InputError& e) {
      for (const Diagnostic& d : e.diagnostics()) error(label, path, d.message);
      continue;
    }
    Figure* figure = ref.locate(snapshot);
    if (figure == nullptr && ref.create) {
      ref.create(snapshot);
      figure = ref.locate(snapshot);
    }
    auto parsed = io::parse_yaml_document(o->value);
    if (auto* bad = std::get_if<io::YamlParseError>(&parsed)) {
      error(label, o->path, fmt::format("the value is refused: {}", bad->message));
      continue;
    }
    const YAML::Node value = std::get<YAML::Node>(parsed);
    const KeySpec& spec = *ref.spec;
    std::optional<double> number;
    std::optional<Range> range;
    const auto read_number = [&](const YAML::Node& node, const std::string& at) {
      std::string reason;
      number = node.IsScalar() ? io::parse_number(node, &reason) : std::nullopt;
      if (!node.IsScalar()) reason = "got " + io::describe_node(node);
      if (!number) error(label, at, fmt::format("expected {}, {}", expected_number_text(spec), reason));
      return number.has_value();
    };
    const auto read_range = [&](const YAML::Node& node, const std::string& at) {
      std::string reason;
      std::optional<double> low;
      std::optional<double> high;
      if (node.IsSequence() && node.size() == 2) {
        low = io::parse_number(node[0], &reason);
        if (low) high = io::parse_number(node[1], &reason);
      } else {
        reason = "got " + io::describe_node(node);
      }
      if (!low || !high) {
        error(label, at, fmt::format("expected a range [low, high] of numbers, {}", reason));
        return false;
      }
      range = Range{*low, *high};
      return true;
    };
    bool ok = true;
    if (part == "range") {
      ok = read_range(value, o->path);
    } else if (part == "value" || value.IsScalar()) {
      ok = read_number(value, o->path);
    } else if (value.IsMap()) {
      if (value.size() == 0) {
        error(label, o->path, "expected a mapping {value, range} with at least one of them, got an empty mapping");
        ok = false;
      }
      for (const auto& kv : value) {
        const std::string key = kv.first.IsScalar() ? kv.first.Scalar() : std::string();
        if (key == "value") {
          ok = read_number(kv.second, path + ".value") && ok;
        } else if (key == "range") {
          ok = read_range(kv.second, path + ".range") && ok;
        } else {
          error(label, io::join_path(path, key),
                fmt::format("a snapshot figure set from the command line takes `value` and `range`, got `{}` (its "
                            "grade, source and note stay the snapshot's)",
                            key));
          ok = false;
        }
      }
    } else {
      error(label, o->path,
            fmt::format("expected {} or a mapping {{value, range}}, got {}", expected_number_text(spec),
                        io::describe_node(value)));
      ok = false;
    }
    if (!ok || figure == nullptr) continue;
    if (number) {
      figure->value = *number;
      figure->where = SourceLocation{label, 0, 0, path};
    }
    if (range) figure->range = *range;
    auto it = std::find_if(set.begin(), set.end(), [&](const SetFigure& f) { return f.figure == figure; });
    if (it == set.end()) {
      SetFigure f{path, &spec, figure, {}, false, "", ""};
      const std::vector<PathStep> at = *parse_key_path(path);
      if (at[2].key == "systems") {
        f.system = at[3].key;
        f.field = at.size() == 6 ? at[5].key : at[4].key;
      }
      set.push_back(std::move(f));
      it = set.end() - 1;
    }
    if (std::find(it->labels.begin(), it->labels.end(), label) == it->labels.end()) it->labels.push_back(label);
    if (range) it->range_set = true;
  }

  // Each figure against its key's bounds and its range (which the same command may have widened).
  for (const SetFigure& f : set) {
    const Figure& figure = *f.figure;
    const std::string where = labels_text(f.labels);
    if (!within_bounds(figure.value, *f.spec)) {
      error(where, f.path, fmt::format("expected {}, got {:g}", expected_number_text(*f.spec), figure.value));
      continue;
    }
    if (figure.range && f.range_set &&
        (!within_bounds(figure.range->low, *f.spec) || !within_bounds(figure.range->high, *f.spec) ||
         figure.range->low > figure.range->high)) {
      error(where, f.path + ".range",
            fmt::format("expected a range [low, high] with low <= high, each {}, got [{:g}, {:g}]",
                        expected_number_text(*f.spec), figure.range->low, figure.range->high));
      continue;
    }
    if (figure.range && (figure.value < figure.range->low || figure.value > figure.range->high)) {
      error(where, f.path,
            fmt::format("value {:g} lies outside its {}range [{:g}, {:g}]{}; widen the range in the same command "
                        "(--set {}.range=[low, high]) to use it",
                        figure.value, f.range_set ? "" : "stated ", figure.range->low, figure.range->high,
                        f.range_set ? " (set by --set)" : fmt::format(" (snapshot {})", snapshot.id), f.path));
    }
  }

  // The sums and orders the force loader checks across a system's figures.
  for (System& system : snapshot.systems) {
    std::vector<std::string> shares;
    std::vector<std::string> bases;
    std::vector<std::string> others;
    bool deployed_set = false;
    for (const SetFigure& f : set) {
      if (f.system != system.id) continue;
      auto& into = f.field == "share" ? shares : f.field == "launchers" ? bases : others;
      into.insert(into.end(), f.labels.begin(), f.labels.end());
      if (f.field == "launchers_deployed") deployed_set = true;
    }
    if (shares.empty() && bases.empty() && others.empty()) continue;
    const std::string sys = fmt::format("sides.{}.systems.{}", side.id, system.id);
    if (!shares.empty()) {
      double sum = 0.0;
      for (const WarheadType& w : system.warheads) sum += w.share.value;
      if (std::abs(sum - 1.0) > kShareSumTolerance) {
        error(labels_text(shares), sys + ".warheads",
              fmt::format("warhead shares sum to {:g}; expected them to sum to 1 (set the other warheads' `share` "
                          "in the same command: {} warhead type{})",
                          sum, system.warheads.size(), system.warheads.size() == 1 ? "" : "s"));
      }
    }
    if (!system.bases.empty()) {
      double at_bases = 0.0;
      for (const Base& b : system.bases) at_bases += b.launchers.value;
      if (deployed_set && bases.empty() && at_bases > 0.0) {
        // Only launchers_deployed given: the bases keep their shares of it.
        const double scale = system.launchers_deployed.value / at_bases;
        for (Base& b : system.bases) b.launchers.value *= scale;
      } else if ((deployed_set || !bases.empty()) &&
                 std::abs(at_bases - system.launchers_deployed.value) > kBaseSumTolerance) {
        std::vector<std::string> labels = bases;
        labels.insert(labels.end(), others.begin(), others.end());
        error(labels_text(labels), sys + ".bases",
              fmt::format("launchers at the bases sum to {:g}; expected them to sum to launchers_deployed {:g} (set "
                          "both in the same command, or launchers_deployed alone to scale the bases)",
                          at_bases, system.launchers_deployed.value));
      }
    }
    if (system.max_warheads_per_launcher.value < system.warheads_per_launcher.value) {
      error(labels_text(others), sys,
            fmt::format("max_warheads_per_launcher {:g} is below warheads_per_launcher {:g}; expected the upload "
                        "capacity to be at least the loading",
                        system.max_warheads_per_launcher.value, system.warheads_per_launcher.value));
    }
    const auto paired = [&](const std::optional<Figure>& a, const std::optional<Figure>& b, std::string_view what) {
      if (a.has_value() != b.has_value()) {
        error(labels_text(others), sys, fmt::format("expected both {} (one for each posture)", what));
      }
    };
    paired(system.ready_day_to_day, system.ready_generated, "`ready_day_to_day` and `ready_generated`");
    paired(system.launchers_per_aim_point_day_to_day, system.launchers_per_aim_point_generated,
           "`launchers_per_aim_point_day_to_day` and `launchers_per_aim_point_generated`");
    if (system.basing == Basing::kSilo) {
      for (const auto* f : {&system.launchers_per_aim_point_day_to_day, &system.launchers_per_aim_point_generated}) {
        if (*f && (*f)->value != 1.0) {
          error(labels_text(others), sys,
                fmt::format("launchers per aim point {:g} for a silo system; expected 1 (each silo is its own aim "
                            "point)",
                            (*f)->value));
        }
      }
    }
  }
}

/// Applies each snapshot override to its side; a side the scenario does not have, or an abstract
/// one, is an error at the argument. Sides whose snapshot did not load (already reported) are left.
void apply_snapshot_overrides(Scenario& scenario, const std::vector<const Override*>& overrides, DiagnosticSink& sink) {
  std::array<std::vector<const Override*>, 3> by_side;
  for (const Override* o : overrides) {
    const std::vector<PathStep> steps = *parse_key_path(o->path);
    const std::string& id = steps[1].key;
    const auto at = [&](const std::string& key_path, std::string message) {
      sink.add(Diagnostic{Severity::kError, SourceLocation{override_label(*o), 0, 0, key_path}, std::move(message)});
    };
    const std::size_t none = scenario.sides.size();
    std::size_t side = none;
    std::vector<std::string> ids;
    bool unread = false;
    for (std::size_t i = 0; i < none; ++i) {
      if (scenario.sides[i].id == id) side = i;
      ids.push_back(scenario.sides[i].id);
      unread = unread || scenario.sides[i].id.empty();
    }
    if (side == none && unread) continue;  // the file's errors
    if (side == none) {
      at(io::join_path("sides", id), fmt::format("no side '{}'; sides are {}", id, fmt::join(ids, ", ")));
      continue;
    }
    const ScenarioSide& s = scenario.sides[side];
    if (s.abstract) {
      at(o->path, fmt::format("side '{}' is abstract: it has no force snapshot (its numbers are "
                              "`sides.{}.abstract.<key>`, e.g. sides.{}.abstract.w80)",
                              id, id, id));
      continue;
    }
    if (s.forces) by_side[side].push_back(o);
  }
  for (std::size_t i = 0; i < scenario.sides.size(); ++i) {
    if (!by_side[i].empty()) apply_snapshot_overrides(scenario.sides[i], by_side[i], sink);
  }
}

}  // namespace

LoadResult<Scenario> read_scenario(const std::filesystem::path& file, const std::vector<Override>& overrides,
                                   const DataSource* catalog, const ScenarioReadOptions& options) {
  DiagnosticSink sink(file.string());
  LoadResult<Scenario> result;
  ReadContext context{file, catalog, {}, options, {}};
  auto root = io::load_yaml_mapping(file, sink, "a scenario (name, sides, options)");
  std::vector<Override> respelt;  // outlives `context`, whose applied overrides point into it
  respelt.reserve(overrides.size());
  for (const Override& o : overrides) respelt.push_back(respelt_override(o, sink));
  if (root) {
    respell_side_keys(*root, sink);
    bool overrides_ok = true;
    std::vector<const Override*> snapshot_overrides;
    for (const Override& o : respelt) {
      if (names_snapshot_figure(o.path)) {
        snapshot_overrides.push_back(&o);
        continue;
      }
      std::optional<AppliedOverride> applied = apply_override(*root, o, sink);
      if (applied) {
        context.overrides.push_back(std::move(*applied));
      } else {
        overrides_ok = false;
      }
    }
    if (overrides_ok) {
      Scenario scenario;
      scenario.file = file.string();
      MapReader reader(*root, "", schema_section("scenario"), sink);
      scenario.name = reader.string("name").value_or("");
      scenario.description = reader.string("description").value_or("");
      scenario.premise = reader.string("premise").value_or("");
      read_treaty(reader, context, scenario);
      read_sides(reader, scenario, context);
      apply_snapshot_overrides(scenario, snapshot_overrides, sink);
      read_options(reader, scenario);
      read_compliance(reader, context, scenario);
      read_uncertainty(reader, scenario, sink);
      if (!sink.has_errors()) result.value = std::move(scenario);
    }
  }
  // A problem at (or under) an overridden key, or at a key an override made up, is the command
  // line's, not the file's: the file's line there would point at something the user did not write.
  // A check across several keys (min <= max, shares summing to at most 1) is located at their
  // section; when an override set one of them it is the override's too: it is named, and the
  // section's place in the file (where the other keys are) is kept in the message.
  std::vector<Diagnostic>& diagnostics = sink.diagnostics();
  for (std::size_t i = 0; i < diagnostics.size(); ++i) {
    Diagnostic& d = diagnostics[i];
    if (d.where.file != sink.file()) continue;
    const std::string key = d.where.key_path;
    std::vector<std::string> spanning_overrides;
    for (const AppliedOverride& a : context.overrides) {
      if (is_under(key, a.override->path) || is_under(key, a.created) || sets_range_of(a.override->path, key)) {
        // `--set K=0.95` (or `K.range=...`) on a figure mapping: the problem is K's, as the user named it.
        const std::string figure = key.ends_with(".value") ? key.substr(0, key.size() - 6) : key;
        const bool of_figure = a.override->path == figure || a.override->path == figure + ".range";
        d.where = SourceLocation{override_label(*a.override), 0, 0, of_figure ? figure : key};
        spanning_overrides.clear();
        if (d.message.find("lies outside its range") != std::string::npos) {
          d.message +=
              fmt::format("; widen the range in the same command (--set {}.range=[low, high]) to use it", figure);
        }
        break;
      }
      const std::vector<std::string>& spanned = sink.spanned_keys(i);
      if (std::any_of(spanned.begin(), spanned.end(),
                      [&](const std::string& k) { return is_under(k, a.override->path) || is_under(k, a.created); })) {
        spanning_overrides.push_back(override_label(*a.override));
      }
    }
    if (!spanning_overrides.empty()) {
      d.message += d.where.line > 0 ? fmt::format(" (the rest of `{}` is at {}:{}:{})", key, d.where.file, d.where.line,
                                                  d.where.column)
                                    : fmt::format(" (the rest of `{}` is in {})", key, d.where.file);
      d.where = SourceLocation{fmt::format("{}", fmt::join(spanning_overrides, ", ")), 0, 0, key};
    }
  }
  result.diagnostics = std::move(sink.diagnostics());
  return result;
}

Scenario load_scenario(const std::filesystem::path& file, const std::vector<Override>& overrides,
                       const DataSource* catalog, const ScenarioReadOptions& options) {
  return value_or_throw(read_scenario(file, overrides, catalog, options));
}

}  // namespace stratstab

namespace stratstab {

SideOptions side_options(const ScenarioSide& side) {
  SideOptions o;
  o.withheld = side.withheld;
  o.defence = side.defence ? &*side.defence : nullptr;
  o.command = side.command;
  o.command.devolution = side.devolution;
  o.decapitation_share = side.decapitation_share;
  o.warning = side.warning;
  o.flight = side.flight;
  o.forward = side.forward;
  o.damage = side.damage_curve ? &*side.damage_curve : nullptr;
  o.cities = side.cities ? &*side.cities : nullptr;
  return o;
}

}  // namespace stratstab

// Scenario files: `name`, two `sides` (each in Kent–Thaler's abstract form for now) and `options`.
// Overrides (`--set sides.A.abstract.alert=0.7`) are applied to the YAML tree before validation,
// so they meet exactly the same checks as the file.
#include <fmt/format.h>

#include "stratstab/catalog.hpp"
#include "stratstab/scenario.hpp"
#include "stratstab/upload.hpp"
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

std::vector<std::string> split_path(const std::string& path) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (true) {
    const auto dot = path.find('.', start);
    parts.push_back(path.substr(start, dot - start));
    if (dot == std::string::npos) break;
    start = dot + 1;
  }
  return parts;
}

std::string override_label(const Override& o) {
  return fmt::format("--set {}={}", o.path, o.value);
}

/// Applies one override to the tree; returns false (with a diagnostic) when the path crosses a
/// value that is not a mapping.
bool apply_override(YAML::Node& root, const Override& o, DiagnosticSink& sink) {
  const std::vector<std::string> parts = split_path(o.path);
  YAML::Node current(root);
  std::string walked;
  for (std::size_t i = 0; i + 1 < parts.size(); ++i) {
    walked = io::join_path(walked, parts[i]);
    YAML::Node next = current[parts[i]];
    if (next.IsDefined() && !next.IsNull() && !next.IsMap()) {
      sink.add(Diagnostic{
          Severity::kError, SourceLocation{override_label(o), 0, 0, o.path},
          fmt::format("cannot set '{}': '{}' is {}, not a section", o.path, walked, io::describe_node(next))});
      return false;
    }
    current.reset(next);
  }
  // The same guarded parse as the files: a value such as ',' would otherwise hang yaml-cpp.
  auto parsed = io::parse_yaml_document(o.value);
  if (auto* error = std::get_if<io::YamlParseError>(&parsed)) {
    sink.add(Diagnostic{Severity::kError, SourceLocation{override_label(o), 0, 0, o.path},
                        fmt::format("the value is refused: {}", error->message)});
    return false;
  }
  current[parts.back()] = std::get<YAML::Node>(parsed);
  return true;
}

void read_options(MapReader& scenario, Scenario& out) {
  auto section = scenario.section("options", "options");
  if (!section) return;
  MapReader& r = *section;
  StabilityParameters& p = out.parameters;
  if (auto v = r.word("posture")) out.posture = posture_case_from_string(*v).value_or(PostureCase::kDayToDay);
  if (auto v = r.word("draw_down")) p.draw_down = *v == "greedy" ? DrawDownMethod::kGreedy : DrawDownMethod::kExact;
  if (auto v = r.boolean("launch_under_attack")) p.launch_under_attack = *v;
  if (auto v = r.boolean("warning")) p.warning = *v;
  if (auto v = r.boolean("defence_in_planning")) p.defence_in_planning = *v;
  if (auto v = r.number("lua_share")) p.lua_share = *v;
  if (auto v = r.integer("max_warheads_per_target")) p.max_warheads_per_target = static_cast<int>(*v);
  if (auto v = r.number("cost_exponent")) p.cost_exponent = *v;
  if (auto v = r.number("surcharge")) p.surcharge = *v;
  if (auto v = r.number("striker_availability")) p.striker_availability = *v;
  if (auto v = r.number("stop_tolerance")) p.stop_tolerance = *v;
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
/// figure {value, grade, src, date, range, note} whose provenance `data check` audits.
std::optional<double> parameter(MapReader& r, std::string_view section, std::string_view key) {
  auto node = r.node(key);
  if (!node) return std::nullopt;
  const KeySpec* spec = schema_section(section).find(key);
  auto figure = io::read_figure(*node, r.key_path(key), *spec, r.sink());
  if (!figure) return std::nullopt;
  return figure->value;
}

/// Resolves `force:` to a loaded snapshot. Problems inside the snapshot file are reported with the
/// snapshot file's own locations; a reference that names nothing is located at `force`.
void read_force(MapReader& side, const std::filesystem::path& scenario_file, const DataCatalog* catalog,
                ScenarioSide& out) {
  auto node = side.node("force");
  if (!node) return;
  auto reference = side.string("force");
  if (!reference) return;
  out.force_reference = *reference;
  const std::string path = side.key_path("force");
  const bool is_path =
      reference->find('/') != std::string::npos || reference->ends_with(".yaml") || reference->ends_with(".yml");
  try {
    if (is_path) {
      std::filesystem::path file(*reference);
      if (file.is_relative()) file = scenario_file.parent_path() / file;
      out.forces = load_force_snapshot(file);
    } else if (catalog != nullptr) {
      out.forces = catalog->load_snapshot(*reference);
    } else {
      side.sink().error(node->Mark(), path,
                        fmt::format("expected the path of a force snapshot file, got '{}' (snapshot ids need the "
                                    "bundled data catalogue)",
                                    *reference));
    }
  } catch (const InputError& e) {
    for (const Diagnostic& d : e.diagnostics()) side.sink().add(d);
    side.sink().error(node->Mark(), path, fmt::format("the force snapshot '{}' has errors (above)", *reference));
  } catch (const NotFoundError& e) {
    side.sink().error(node->Mark(), path, fmt::format("expected a force snapshot id or file: {}", e.what()));
  }
}

void read_defence(MapReader& side, ScenarioSide& out) {
  auto section = side.section("defense", "defence");
  if (!section) return;
  MapReader& r = *section;
  MissileDefence& d = out.defence.emplace();
  if (auto v = parameter(r, "defence", "interceptors")) d.interceptors = *v;
  if (auto v = r.word("covers")) {
    d.covers = *v == "silos"  ? DefenceCoverage::kSilos
               : *v == "both" ? DefenceCoverage::kBoth
                              : DefenceCoverage::kValue;
  }
  if (auto v = parameter(r, "defence", "silo_share")) d.silo_share = *v;
  if (auto v = parameter(r, "defence", "decoys_per_warhead")) d.decoys_per_warhead = *v;
  if (auto v = parameter(r, "defence", "sites")) d.sites = *v;
  if (auto v = parameter(r, "defence", "site_kill_probability")) d.site_kill_probability = *v;
  const std::vector<YAML::Node> items = r.list("layers", true);
  std::vector<bool> share_given;
  for (std::size_t i = 0; i < items.size(); ++i) {
    MapReader layer(items[i], io::index_path(r.key_path("layers"), i), schema_section("defence_layer"), r.sink());
    if (!layer.is_mapping()) continue;
    DefenceLayer& l = d.layers.emplace_back();
    l.name = layer.string("name").value_or("");
    if (auto v = parameter(layer, "defence_layer", "sspk")) l.sspk = *v;
    if (auto v = layer.integer("shots")) l.shots = static_cast<int>(*v);
    if (auto v = layer.integer("second_shots")) l.second_shots = static_cast<int>(*v);
    if (auto v = parameter(layer, "defence_layer", "tracking_reliability")) l.tracking_reliability = *v;
    const auto share = parameter(layer, "defence_layer", "inventory_share");
    share_given.push_back(share.has_value());
    if (share) l.inventory_share = *share;
    if (auto v = layer.boolean("sees_decoys")) l.sees_decoys = *v;
    if (auto v = layer.boolean("suppressible")) l.suppressible = *v;
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
    r.sink().add(
        Diagnostic{Severity::kError, r.location(),
                   fmt::format("expected the layers' inventory_share to sum to at most 1, got {:.6g}", given)});
  }
  for (std::size_t i = 0; i < d.layers.size(); ++i) {
    if (!share_given[i]) d.layers[i].inventory_share = std::max(0.0, 1.0 - given) / static_cast<double>(missing);
  }
}

void read_command(MapReader& side, ScenarioSide& out) {
  if (auto v = parameter(side, "scenario_side", "decapitation_share")) out.decapitation_share = *v;
  auto section = side.section("command", "command");
  if (!section) return;
  MapReader& r = *section;
  out.command_given = true;
  CommandAndControl& c = out.command;
  if (auto v = parameter(r, "command", "survival")) c.survival = *v;
  if (auto v = parameter(r, "command", "nodes")) c.nodes = *v;
  if (auto v = parameter(r, "command", "node_kill_probability")) c.node_kill_probability = *v;
  if (auto v = parameter(r, "command", "perimeter")) c.perimeter = *v;
}

void read_warning(MapReader& side, ScenarioSide& out) {
  if (auto section = side.section("warning", "warning")) {
    MapReader& r = *section;
    WarningChain& w = out.warning;
    if (auto v = parameter(r, "warning", "detection_minutes")) w.detection_minutes = *v;
    if (auto v = parameter(r, "warning", "decision_minutes_min")) w.decision_minutes_min = *v;
    if (auto v = parameter(r, "warning", "decision_minutes_max")) w.decision_minutes_max = *v;
    if (auto v = parameter(r, "warning", "launch_minutes")) w.launch_minutes = *v;
    if (auto v = parameter(r, "warning", "bomber_escape_minutes_min")) w.bomber_escape_minutes_min = *v;
    if (auto v = parameter(r, "warning", "bomber_escape_minutes_max")) w.bomber_escape_minutes_max = *v;
    if (w.decision_minutes_min > w.decision_minutes_max) {
      r.sink().add(Diagnostic{Severity::kError, r.location(),
                              fmt::format("expected decision_minutes_min <= decision_minutes_max, got {} > {}",
                                          w.decision_minutes_min, w.decision_minutes_max)});
    }
    if (w.bomber_escape_minutes_min > w.bomber_escape_minutes_max) {
      r.sink().add(
          Diagnostic{Severity::kError, r.location(),
                     fmt::format("expected bomber_escape_minutes_min <= bomber_escape_minutes_max, got {} > {}",
                                 w.bomber_escape_minutes_min, w.bomber_escape_minutes_max)});
    }
  }
  if (auto section = side.section("flight_minutes", "flight_minutes")) {
    if (auto v = parameter(*section, "flight_minutes", "icbm")) out.flight.icbm_minutes = *v;
    if (auto v = parameter(*section, "flight_minutes", "slbm")) out.flight.slbm_minutes = *v;
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
    if (system == nullptr) {
      r.sink().add(Diagnostic{
          Severity::kError, r.location(),
          fmt::format("expected a system of snapshot '{}' at `system`, got '{}'", out.forces->id, f.system)});
    } else if (in_central_exchange(*system)) {
      r.sink().add(
          Diagnostic{Severity::kError, r.location(),
                     fmt::format("'{}' is already in the central exchange (basing {}); forward entries are for "
                                 "intermediate-range and non-strategic systems",
                                 f.system, to_string(system->basing))});
    }
  }
}

void read_side(MapReader& side, const std::filesystem::path& scenario_file, const DataCatalog* catalog,
               ScenarioSide& out) {
  const bool has_abstract = side.has("abstract");
  const bool has_force = side.has("force");
  if (has_abstract == has_force) {
    side.sink().add(Diagnostic{Severity::kError, side.location(),
                               "expected exactly one of `abstract` (Kent–Thaler's abstract form) or `force` (a force "
                               "snapshot id or file)"});
  }
  if (has_abstract) read_abstract(side, out.abstract);
  if (has_force) read_force(side, scenario_file, catalog, out);
  if (auto v = side.number("withheld")) out.withheld = *v;
  if (auto v = side.integer("upload_months")) out.upload_months = static_cast<int>(*v);
  if (!has_force && (side.has("withheld") || side.has("upload_months"))) {
    side.sink().add(Diagnostic{Severity::kError, side.location(),
                               "`withheld` and `upload_months` apply to real sides (`force`) only"});
  }
  for (std::string_view key : {"defense", "command", "decapitation_share", "warning", "flight_minutes", "forward"}) {
    if (!has_force && side.has(key)) {
      side.sink().add(
          Diagnostic{Severity::kError, side.location(), fmt::format("`{}` applies to real sides (`force`) only", key)});
    }
  }
  read_defence(side, out);
  read_command(side, out);
  read_warning(side, out);
  if (out.forces && out.upload_months > 0) {
    // The force after N months of upload (METHOD.md §6, `stratstab upload`): a new snapshot.
    UploadOptions options;
    options.horizon_months = out.upload_months;
    const UploadPath path = compute_upload(*out.forces, options);
    out.forces = uploaded_snapshot(*out.forces, path, path.steps.back().added_by_system);
  }
  read_forward(side, out);
}

void read_sides(MapReader& scenario, Scenario& out, const DataCatalog* catalog) {
  auto node = scenario.node("sides");
  if (!node) return;
  if (!node->IsMap()) {
    scenario.sink().error(node->Mark(), "sides",
                          fmt::format("expected a mapping of two sides by id, got {}", io::describe_node(*node)));
    return;
  }
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
    if (index < 2) {
      MapReader side(it->second, path, schema_section("scenario_side"), scenario.sink());
      out.sides[index].id = id;
      if (side.is_mapping()) read_side(side, out.file, catalog, out.sides[index]);
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
  if (seen.size() != 2) {
    scenario.sink().error(node->Mark(), "sides", fmt::format("expected exactly two sides, got {}", seen.size()));
  } else if (!scenario.sink().has_errors() && out.sides[0].forces.has_value() != out.sides[1].forces.has_value()) {
    scenario.sink().error(node->Mark(), "sides",
                          fmt::format("expected both sides in the same form, got '{}' {} and '{}' {}", out.sides[0].id,
                                      out.sides[0].forces ? "real (force)" : "abstract", out.sides[1].id,
                                      out.sides[1].forces ? "real (force)" : "abstract"));
  }
}

}  // namespace

bool Override::is_key_path(std::string_view path) {
  return !path.empty() && path.front() != '.' && path.back() != '.' && path.find("..") == std::string_view::npos;
}

Override Override::parse(const std::string& text) {
  const auto eq = text.find('=');
  const std::string path = eq == std::string::npos ? text : text.substr(0, eq);
  if (eq == std::string::npos || !is_key_path(path)) {
    throw InputError({Diagnostic{Severity::kError, SourceLocation{"--set " + text, 0, 0, ""},
                                 "expected KEY=VALUE with a dotted key path, e.g. sides.A.abstract.alert=0.7"}});
  }
  return Override{path, text.substr(eq + 1)};
}

LoadResult<Scenario> read_scenario(const std::filesystem::path& file, const std::vector<Override>& overrides,
                                   const DataCatalog* catalog) {
  DiagnosticSink sink(file.string());
  LoadResult<Scenario> result;
  auto root = io::load_yaml_mapping(file, sink, "a scenario (name, sides, options)");
  if (root) {
    bool overrides_ok = true;
    for (const Override& o : overrides) overrides_ok = apply_override(*root, o, sink) && overrides_ok;
    if (overrides_ok) {
      Scenario scenario;
      scenario.file = file.string();
      MapReader reader(*root, "", schema_section("scenario"), sink);
      scenario.name = reader.string("name").value_or("");
      scenario.description = reader.string("description").value_or("");
      scenario.premise = reader.string("premise").value_or("");
      if (auto t = reader.string("treaty")) scenario.treaty = *t;
      read_sides(reader, scenario, catalog);
      read_options(reader, scenario);
      if (!sink.has_errors()) result.value = std::move(scenario);
    }
  }
  // A problem at (or under) an overridden key is the command line's, not the file's.
  for (Diagnostic& d : sink.diagnostics()) {
    for (const Override& o : overrides) {
      const std::string& key = d.where.key_path;
      if (key == o.path || key.starts_with(o.path + ".")) d.where = SourceLocation{override_label(o), 0, 0, key};
    }
  }
  result.diagnostics = std::move(sink.diagnostics());
  return result;
}

Scenario load_scenario(const std::filesystem::path& file, const std::vector<Override>& overrides,
                       const DataCatalog* catalog) {
  return value_or_throw(read_scenario(file, overrides, catalog));
}

}  // namespace stratstab

namespace stratstab {

SideOptions side_options(const ScenarioSide& side) {
  SideOptions o;
  o.withheld = side.withheld;
  o.defence = side.defence ? &*side.defence : nullptr;
  o.command = side.command;
  o.decapitation_share = side.decapitation_share;
  o.warning = side.warning;
  o.flight = side.flight;
  o.forward = side.forward;
  return o;
}

}  // namespace stratstab

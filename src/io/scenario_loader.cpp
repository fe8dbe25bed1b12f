// Scenario files: `name`, two `sides` (each in Kent–Thaler's abstract form for now) and `options`.
// Overrides (`--set sides.A.abstract.alert=0.7`) are applied to the YAML tree before validation,
// so they meet exactly the same checks as the file.
#include <fmt/format.h>

#include "stratstab/catalog.hpp"
#include "stratstab/scenario.hpp"
#include "stratstab/upload.hpp"
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
  YAML::Node value;
  try {
    value = YAML::Load(o.value);
  } catch (const YAML::Exception& e) {
    sink.add(Diagnostic{Severity::kError, SourceLocation{override_label(o), 0, 0, o.path},
                        fmt::format("the value is not valid YAML: {}", e.msg)});
    return false;
  }
  current[parts.back()] = value;
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
  if (out.forces && out.upload_months > 0) {
    // The force after N months of upload (METHOD.md §6, `stratstab upload`): a new snapshot.
    UploadOptions options;
    options.horizon_months = out.upload_months;
    const UploadPath path = compute_upload(*out.forces, options);
    out.forces = uploaded_snapshot(*out.forces, path, path.steps.back().added_by_system);
  }
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

Override Override::parse(const std::string& text) {
  const auto eq = text.find('=');
  const std::string path = eq == std::string::npos ? text : text.substr(0, eq);
  const bool path_ok =
      !path.empty() && path.front() != '.' && path.back() != '.' && path.find("..") == std::string::npos;
  if (eq == std::string::npos || !path_ok) {
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

// Crisis files (`data/crises/<id>.yaml`, crisis.hpp): parse against the key table
// (schema/schema_crisis.cpp), then check what no single key can: id = file name, two sides with
// different ids, actions within the crisis's steps by one of its sides, every source id against
// the bibliography; then apply `--set` overrides to the figures they name.
#include <cstdlib>

#include <fmt/format.h>

#include "bibliography_loader.hpp"
#include "stratstab/crisis.hpp"
#include "stratstab/schema.hpp"
#include "yaml_reader.hpp"

namespace stratstab {
namespace {

using io::DiagnosticSink;
using io::error_at;
using io::MapReader;

void check_source(const Bibliography& sources, MapReader& reader, std::string_view key, const std::string& id) {
  io::check_source_id(sources, reader, key, id, "crisis");
}

/// A figure of `reader` with its source checked (a default Figure when absent: reported as required).
Figure read_checked(MapReader& reader, std::string_view key, const Bibliography& sources) {
  std::optional<Figure> f = reader.figure(key);
  if (!f) return Figure{};
  check_source(sources, reader, key, f->source_id);
  return *f;
}

CrisisMeasure read_measure(MapReader& measures, std::string_view key, const Bibliography& sources) {
  CrisisMeasure m;
  auto reader = measures.section(key, "crisis_measure");
  if (!reader) return m;
  m.in_force = reader->boolean("in_force").value_or(false);
  m.effect = read_checked(*reader, "effect", sources);
  m.source_id = reader->string("src").value_or("");
  check_source(sources, *reader, "src", m.source_id);
  m.note = reader->string("note").value_or("");
  return m;
}

/// The measure `measures.<name>` names, or null.
CrisisMeasure* measure_named(Crisis& crisis, std::string_view name) {
  if (name == "notifications") return &crisis.notifications;
  if (name == "data_exchanges") return &crisis.data_exchanges;
  if (name == "hotline") return &crisis.hotline;
  return nullptr;
}

/// The figure a `--set` path names and its key's bounds; nullopt for a path that names none.
struct FigureTarget {
  Figure* figure = nullptr;
  const KeySpec* spec = nullptr;
};
std::optional<FigureTarget> figure_named(Crisis& crisis, const std::string& p) {
  for (const auto& [key, figure] : {std::pair{"calming", &crisis.calming}, std::pair{"noise", &crisis.noise},
                                    std::pair{"false_warning_rate", &crisis.false_warning_rate},
                                    std::pair{"false_warning_weight", &crisis.false_warning_weight},
                                    std::pair{"generation_weight", &crisis.generation_weight}}) {
    if (p == key) return FigureTarget{figure, &key_spec("crisis", key)};
  }
  for (CrisisSide& s : crisis.sides) {
    if (p == "sides." + s.id + ".belief") return FigureTarget{&s.belief, &key_spec("crisis_side", "belief")};
    if (p == "sides." + s.id + ".generate_at") {
      return FigureTarget{&s.generate_at, &key_spec("crisis_side", "generate_at")};
    }
  }
  if (p.starts_with("measures.") && p.ends_with(".effect")) {
    const std::string name = p.substr(9, p.size() - 9 - 7);
    if (CrisisMeasure* m = measure_named(crisis, name))
      return FigureTarget{&m->effect, &key_spec("crisis_measure", "effect")};
  }
  for (std::size_t i = 0; i < crisis.actions.size(); ++i) {
    if (p == fmt::format("actions[{}].weight", i)) {
      return FigureTarget{&crisis.actions[i].weight, &key_spec("crisis_action", "weight")};
    }
  }
  return std::nullopt;
}

/// `--set KEY=VALUE` on a loaded crisis: the figure (or `in_force`, or `steps`) the path names,
/// checked against its key's bounds; a problem is located at the argument.
void apply_override(Crisis& crisis, const Override& o, DiagnosticSink& sink) {
  const std::string label = fmt::format("--set {}={}", o.path, o.value);
  const auto fail = [&](std::string message) {
    sink.add(Diagnostic{Severity::kError, SourceLocation{label, 0, 0, o.path}, std::move(message)});
  };
  const std::string& p = o.path;
  if (p.ends_with(".in_force")) {
    CrisisMeasure* m = p.starts_with("measures.") ? measure_named(crisis, p.substr(9, p.size() - 9 - 9)) : nullptr;
    if (m == nullptr) return fail("expected measures.notifications|data_exchanges|hotline.in_force");
    if (o.value != "true" && o.value != "false") return fail(fmt::format("expected true or false, got '{}'", o.value));
    m->in_force = o.value == "true";
    return;
  }
  char* end = nullptr;
  const double value = std::strtod(o.value.c_str(), &end);
  if (o.value.empty() || end != o.value.c_str() + o.value.size()) {
    return fail(fmt::format("expected a number, got '{}'", o.value));
  }
  if (p == "steps") {
    if (value < 1 || value > 100000 || value != static_cast<double>(static_cast<long long>(value))) {
      return fail(fmt::format("expected a whole number of steps in [1, 100000], got '{}'", o.value));
    }
    crisis.steps = static_cast<long long>(value);
    return;
  }
  const std::optional<FigureTarget> target = figure_named(crisis, p);
  if (!target) {
    return fail(
        "expected a crisis figure: calming, noise, false_warning_rate, false_warning_weight, generation_weight, steps, "
        "sides.<ID>.belief|generate_at, measures.<measure>.effect|in_force or actions[N].weight");
  }
  if (!within_bounds(value, *target->spec)) {
    return fail(fmt::format("{} is outside the key's bounds {}", o.value, key_bounds_text(*target->spec)));
  }
  target->figure->value = value;
  target->figure->range.reset();  // a value the user set is a point, not the file's range
}

}  // namespace

LoadResult<Crisis> read_crisis(const std::filesystem::path& file, const std::vector<Override>& overrides) {
  DiagnosticSink sink(file.string());
  LoadResult<Crisis> result;
  const auto root = io::load_yaml_mapping(file, sink, "a crisis file (schema, id, name, scenario, steps, sides, ...)");
  if (root) {
    Crisis c;
    c.file = file.string();
    MapReader reader(*root, "", schema_section("crisis"), sink);
    reader.integer("schema");
    c.id = reader.string("id").value_or("");
    if (!c.id.empty() && file.stem() != c.id) {
      error_at(reader, "id",
               fmt::format("id '{}' does not match the file name '{}'; expected the file to be named {}.yaml", c.id,
                           file.filename().string(), c.id));
    }
    c.name = reader.string("name").value_or("");
    c.description = reader.string("description").value_or("");
    c.scenario = reader.string("scenario").value_or("");
    c.steps = reader.integer("steps").value_or(0);
    c.step_unit = reader.word("step").value_or("");
    io::read_bibliographies(reader, file, c.sources, sink);
    if (auto cites = reader.word_list("cites")) {
      c.source_ids = *cites;
      for (const std::string& id : *cites) check_source(c.sources, reader, "cites", id);
    }
    const std::vector<YAML::Node> sides = reader.list("sides", true);
    if (!sides.empty() && sides.size() != 2) {
      error_at(reader, "sides", fmt::format("expected exactly two sides, got {}", sides.size()));
    }
    for (std::size_t i = 0; i < sides.size() && i < 2; ++i) {
      MapReader side(sides[i], io::index_path("sides", i), schema_section("crisis_side"), sink);
      if (!side.is_mapping()) continue;
      c.sides[i].id = side.string("id").value_or("");
      c.sides[i].belief = read_checked(side, "belief", c.sources);
      c.sides[i].generate_at = read_checked(side, "generate_at", c.sources);
      if (i == 1 && !c.sides[1].id.empty() && c.sides[1].id == c.sides[0].id) {
        error_at(side, "id", fmt::format("both sides are '{}'; expected two different sides", c.sides[1].id));
      }
    }
    c.calming = read_checked(reader, "calming", c.sources);
    c.noise = read_checked(reader, "noise", c.sources);
    c.false_warning_rate = read_checked(reader, "false_warning_rate", c.sources);
    c.false_warning_weight = read_checked(reader, "false_warning_weight", c.sources);
    c.generation_weight = read_checked(reader, "generation_weight", c.sources);
    const std::vector<YAML::Node> actions =
        reader.has("actions") ? reader.list("actions", false) : std::vector<YAML::Node>{};
    for (std::size_t i = 0; i < actions.size(); ++i) {
      MapReader item(actions[i], io::index_path("actions", i), schema_section("crisis_action"), sink);
      if (!item.is_mapping()) continue;
      CrisisAction a;
      a.where = item.location();
      a.time = item.integer("time").value_or(0);
      a.by = item.string("by").value_or("");
      a.name = item.string("name").value_or("");
      a.weight = read_checked(item, "weight", c.sources);
      a.declared = item.boolean("declared").value_or(false);
      a.source_id = item.string("src").value_or("");
      check_source(c.sources, item, "src", a.source_id);
      a.note = item.string("note").value_or("");
      if (c.steps > 0 && a.time >= c.steps) {
        error_at(
            item, "time",
            fmt::format("step {} is not within the crisis's {} steps; expected 0 to {}", a.time, c.steps, c.steps - 1));
      }
      if (!a.by.empty() && a.by != c.sides[0].id && a.by != c.sides[1].id) {
        error_at(
            item, "by",
            fmt::format("'{}' is not a side of the crisis; expected {} or {}", a.by, c.sides[0].id, c.sides[1].id));
      }
      c.actions.push_back(std::move(a));
    }
    if (auto measures = reader.section("measures", "crisis_measures")) {
      c.notifications = read_measure(*measures, "notifications", c.sources);
      c.data_exchanges = read_measure(*measures, "data_exchanges", c.sources);
      c.hotline = read_measure(*measures, "hotline", c.sources);
    }
    if (!sink.has_errors()) {
      for (const Override& o : overrides) apply_override(c, o, sink);
    }
    if (!sink.has_errors()) result.value = std::move(c);
  }
  result.diagnostics = std::move(sink.diagnostics());
  return result;
}

Crisis load_crisis(const std::filesystem::path& file, const std::vector<Override>& overrides) {
  return value_or_throw(read_crisis(file, overrides));
}

}  // namespace stratstab

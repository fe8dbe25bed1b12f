// Pathway files (`data/pathways/<id>.yaml`, pathway.hpp): parse against the key table
// (schema/schema_pathway.cpp), then check what no single key can: id = file name, `set` xor `ramp`
// with the keys each needs, `until` after `date`, a range on every ASSUMED event, unique branch
// ids, probabilities summing to 1, and every source id against the bibliography.
#include <cmath>
#include <set>

#include <fmt/format.h>

#include "bibliography_loader.hpp"
#include "stratstab/pathway.hpp"
#include "stratstab/scenario.hpp"
#include "yaml_reader.hpp"

namespace stratstab {
namespace {

using io::DiagnosticSink;
using io::error_at;
using io::MapReader;

/// `[low, high]` with low <= high, or nullopt (reported).
std::optional<Range> read_range(MapReader& reader, std::string_view key) {
  auto node = reader.node(key);
  if (!node) return std::nullopt;
  std::string reason;
  if (node->IsSequence() && node->size() == 2) {
    const auto low = io::parse_number((*node)[0], &reason);
    const auto high = io::parse_number((*node)[1], &reason);
    if (low && high && *low <= *high) return Range{*low, *high};
  }
  error_at(reader, key, fmt::format("expected [low, high] with low <= high, got {}", io::describe_node(*node)));
  return std::nullopt;
}

void check_source(const Bibliography& sources, MapReader& reader, std::string_view key, const std::string& id) {
  io::check_source_id(sources, reader, key, id, "pathway");
}

std::optional<PathwayEvent> read_event(const YAML::Node& node, const std::string& path, const Bibliography& sources,
                                       DiagnosticSink& sink) {
  MapReader reader(node, path, schema_section("pathway_event"), sink);
  if (!reader.is_mapping()) return std::nullopt;
  const std::size_t errors_before = sink.count();
  PathwayEvent event;
  event.where = reader.location();
  event.date = reader.string("date").value_or("");
  const bool is_set = reader.has("set");
  const bool is_ramp = reader.has("ramp");
  const bool is_cost = reader.has("cost");
  const int kinds = (is_set ? 1 : 0) + (is_ramp ? 1 : 0) + (is_cost ? 1 : 0);
  if (kinds != 1) {
    error_at(reader, is_ramp ? "ramp" : (is_cost ? "cost" : "set"),
             kinds > 1 ? "an event is one of `set`, `ramp` and `cost`; expected only one of them"
                       : "expected `set: KEY` (with `value`), `ramp: KEY` (with `until`, `from`, `to`) or `cost: "
                         "SIDE` (with `until`, `usd_bn_per_year`)");
  }
  if (is_cost) {
    event.kind = PathwayEvent::Kind::kCost;
    event.key = reader.string("cost").value_or("");
    event.until = reader.string("until").value_or("");
    event.usd_bn_per_year = reader.number("usd_bn_per_year").value_or(0);
    for (const char* key : {"until", "usd_bn_per_year"}) {
      if (!reader.has(key)) error_at(reader, key, fmt::format("a `cost` needs `{}`", key));
    }
    for (const char* key : {"value", "from", "to"}) {
      if (reader.has(key)) error_at(reader, key, fmt::format("`{}` does not belong to a `cost`", key));
    }
    if (!event.date.empty() && !event.until.empty() && event.until < event.date) {
      error_at(reader, "until",
               fmt::format("until {} is before date {}; expected a later date", event.until, event.date));
    }
  } else if (reader.has("usd_bn_per_year")) {
    error_at(reader, "usd_bn_per_year", "`usd_bn_per_year` belongs to a `cost` event");
  }
  if (is_set) {
    event.kind = PathwayEvent::Kind::kSet;
    event.key = reader.string("set").value_or("");
    if (auto value = reader.node("value")) {
      YAML::Emitter out;
      out << YAML::Flow << *value;
      event.value = out.c_str();
    } else {
      error_at(reader, "value", "`set` needs the value the key takes; expected `value: ...`");
    }
    for (const char* key : {"until", "from", "to"}) {
      if (reader.has(key))
        error_at(reader, key, fmt::format("`{}` belongs to a `ramp`; expected no `{}` here", key, key));
    }
  }
  if (is_ramp) {
    event.kind = PathwayEvent::Kind::kRamp;
    event.key = reader.string("ramp").value_or("");
    event.until = reader.string("until").value_or("");
    event.from = reader.number("from").value_or(0);
    event.to = reader.number("to").value_or(0);
    for (const char* key : {"until", "from", "to"}) {
      if (!reader.has(key)) error_at(reader, key, fmt::format("a `ramp` needs `{}`", key));
    }
    if (reader.has("value")) error_at(reader, "value", "`value` belongs to a `set`; a ramp takes `from` and `to`");
    if (!event.date.empty() && !event.until.empty() && event.until <= event.date) {
      error_at(reader, "until",
               fmt::format("until {} is not after date {}; expected a later date", event.until, event.date));
    }
  }
  if (!is_cost && !event.key.empty() && !Override::is_key_path(event.key)) {
    error_at(reader, is_set ? "set" : "ramp",
             fmt::format("expected a dotted key path such as sides.US.upload_months, got '{}'", event.key));
  }
  if (reader.has("figure_range")) event.figure_range = read_range(reader, "figure_range");
  if (auto word = reader.word("grade")) event.grade = grade_from_string(*word).value_or(Grade::kAssumed);
  event.source_id = reader.string("src").value_or("");
  check_source(sources, reader, "src", event.source_id);
  if (reader.has("range")) event.range = read_range(reader, "range");
  if (event.grade == Grade::kAssumed && !reader.has("range")) {
    error_at(reader, "range",
             "an ASSUMED event needs the plausible range of its value (or year); expected "
             "`range: [low, high]`");
  }
  event.note = reader.string("note").value_or("");
  if (sink.count() != errors_before) return std::nullopt;
  return event;
}

std::vector<PathwayEvent> read_events(MapReader& reader, const std::string& parent, const Bibliography& sources,
                                      DiagnosticSink& sink) {
  std::vector<PathwayEvent> events;
  if (!reader.has("events")) return events;
  const std::vector<YAML::Node> nodes = reader.list("events", false);
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    if (auto e = read_event(nodes[i], io::index_path(io::join_path(parent, "events"), i), sources, sink)) {
      events.push_back(std::move(*e));
    }
  }
  return events;
}

}  // namespace

LoadResult<Pathway> read_pathway(const std::filesystem::path& file) {
  DiagnosticSink sink(file.string());
  LoadResult<Pathway> result;
  const auto root =
      io::load_yaml_mapping(file, sink, "a pathway file (schema, id, name, scenario, from, to, branches)");
  if (root) {
    Pathway pathway;
    pathway.file = file.string();
    MapReader reader(*root, "", schema_section("pathway"), sink);
    reader.integer("schema");
    pathway.id = reader.string("id").value_or("");
    if (!pathway.id.empty() && file.stem() != pathway.id) {
      error_at(reader, "id",
               fmt::format("id '{}' does not match the file name '{}'; expected the file to be named {}.yaml",
                           pathway.id, file.filename().string(), pathway.id));
    }
    pathway.name = reader.string("name").value_or("");
    pathway.description = reader.string("description").value_or("");
    pathway.scenario = reader.string("scenario").value_or("");
    pathway.from = reader.string("from").value_or("");
    pathway.to = reader.string("to").value_or("");
    if (!pathway.from.empty() && !pathway.to.empty() && pathway.to <= pathway.from) {
      error_at(reader, "to",
               fmt::format("to {} is not after from {}; expected a later date", pathway.to, pathway.from));
    }
    io::read_bibliographies(reader, file, pathway.sources, sink);
    if (auto cites = reader.word_list("cites")) {
      pathway.source_ids = *cites;
      for (const std::string& id : *cites) check_source(pathway.sources, reader, "cites", id);
    }
    pathway.events = read_events(reader, "", pathway.sources, sink);
    const std::vector<YAML::Node> branches = reader.list("branches", true);
    std::set<std::string> ids;
    double total = 0;
    for (std::size_t i = 0; i < branches.size(); ++i) {
      const std::string path = io::index_path("branches", i);
      MapReader branch_reader(branches[i], path, schema_section("pathway_branch"), sink);
      if (!branch_reader.is_mapping()) continue;
      PathwayBranch branch;
      branch.where = branch_reader.location();
      branch.id = branch_reader.string("id").value_or("");
      branch.name = branch_reader.string("name").value_or("");
      if (auto p = branch_reader.figure("probability")) {
        branch.probability = *p;
        total += p->value;
        check_source(pathway.sources, branch_reader, "probability", p->source_id);
      }
      if (!branch.id.empty() && !ids.insert(branch.id).second) {
        error_at(branch_reader, "id",
                 fmt::format("duplicate branch id '{}'; expected ids unique in the file", branch.id));
      }
      branch.events = read_events(branch_reader, path, pathway.sources, sink);
      pathway.branches.push_back(std::move(branch));
    }
    if (!branches.empty() && std::abs(total - 1.0) > 1e-9 && !sink.has_errors()) {
      error_at(reader, "branches",
               fmt::format("the branches' probabilities sum to {:g}; expected them to sum to 1", total));
    }
    if (!sink.has_errors()) result.value = std::move(pathway);
  }
  result.diagnostics = std::move(sink.diagnostics());
  return result;
}

Pathway load_pathway(const std::filesystem::path& file) {
  return value_or_throw(read_pathway(file));
}

}  // namespace stratstab

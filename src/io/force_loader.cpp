// Force snapshot files (`data/forces/<side>-<date>.yaml`): parse against the key table, then check
// the cross-references that no single key can: source ids, warhead shares, capacity >= loading,
// the id agreeing with side and date, unique system ids.
#include <cmath>
#include <set>

#include <fmt/format.h>

#include "bibliography_loader.hpp"
#include "enum_words.hpp"
#include "stratstab/load.hpp"
#include "yaml_reader.hpp"

namespace stratstab {
namespace {

using io::DiagnosticSink;
using io::MapReader;

using io::enum_from_word;
using io::kBasings;
using io::kVehicles;

constexpr std::array kPayloads{Payload::kNuclear, Payload::kConventional};
constexpr std::array kCountings{NewStartCounting::kReentryVehicles, NewStartCounting::kOnePerBomber,
                                NewStartCounting::kNone};

/// Tolerance on the sum of warhead shares: data carry 2–3 significant digits.
constexpr double kShareSumTolerance = 1e-6;

void read_inventory(MapReader& parent, Inventory& inventory) {
  auto section = parent.section("inventory", "inventory");
  if (!section) return;
  MapReader& reader = *section;
  if (auto f = reader.figure("warheads_deployed")) inventory.warheads_deployed = *f;
  if (auto f = reader.figure("warheads_stored")) inventory.warheads_stored = *f;
  inventory.warheads_retired = reader.figure("warheads_retired");
  inventory.warheads_retired_official = reader.figure("warheads_retired_official");
  if (auto f = reader.figure("nonstrategic_warheads")) inventory.nonstrategic_warheads = *f;
  inventory.strategic_warheads_stored = reader.figure("strategic_warheads_stored");
}

void read_warheads(MapReader& system_reader, System& system) {
  const std::vector<YAML::Node> items = system_reader.list("warheads", true);
  const std::string list_path = system_reader.key_path("warheads");
  double share_sum = 0.0;
  bool all_read = !items.empty();
  for (std::size_t i = 0; i < items.size(); ++i) {
    MapReader reader(items[i], io::index_path(list_path, i), schema_section("warhead"), system_reader.sink());
    if (!reader.is_mapping()) {
      all_read = false;
      continue;
    }
    auto type = reader.string("type");
    auto yield = reader.figure("yield_kt");
    auto share = reader.figure("share");
    if (!type || !yield || !share) {
      all_read = false;
      continue;
    }
    share_sum += share->value;
    system.warheads.push_back(WarheadType{*type, *yield, *share});
  }
  if (all_read && std::abs(share_sum - 1.0) > kShareSumTolerance) {
    const YAML::Node list = *system_reader.node("warheads");
    system_reader.sink().error(list.Mark(), list_path,
                               fmt::format("warhead shares sum to {:g}; expected them to sum to 1", share_sum));
  }
}

void read_new_start(MapReader& system_reader, System& system) {
  auto section = system_reader.section("new_start", "new_start");
  if (!section) return;
  MapReader& reader = *section;
  auto accountable = reader.boolean("accountable");
  auto counting = reader.word("counting");
  if (!accountable || !counting) return;
  system.new_start.accountable = *accountable;
  system.new_start.counting = enum_from_word(*counting, kCountings);
  if (*accountable == (system.new_start.counting == NewStartCounting::kNone)) {
    SourceLocation where = reader.location();
    where.key_path = reader.key_path("counting");
    reader.sink().add(Diagnostic{
        Severity::kError, where,
        *accountable ? "an accountable system needs counting reentry_vehicles or one_per_bomber, got none"
                     : fmt::format("a system that is not accountable must have counting none, got {}", *counting)});
  }
}

/// Tolerance on the launchers at a system's bases against its deployed launchers: counts are
/// whole numbers or carry two decimals at most.
constexpr double kBaseSumTolerance = 1e-6;

/// `bases:` of a system: unique ids, and the launchers at them summing to the deployed
/// launchers (checked by the caller once both are read).
void read_bases(MapReader& system_reader, System& system) {
  const std::vector<YAML::Node> items = system_reader.list("bases", false);
  const std::string list_path = system_reader.key_path("bases");
  for (std::size_t i = 0; i < items.size(); ++i) {
    MapReader reader(items[i], io::index_path(list_path, i), schema_section("base"), system_reader.sink());
    if (!reader.is_mapping()) continue;
    Base base;
    base.where = reader.location();
    auto id = reader.string("id");
    auto name = reader.string("name");
    auto lat = reader.number("lat_deg");
    auto lon = reader.number("lon_deg");
    auto launchers = reader.figure("launchers");
    auto src = reader.string("src");
    if (!id || !name || !lat || !lon || !launchers || !src) continue;
    for (const Base& other : system.bases) {
      if (other.id == *id) {
        SourceLocation where = base.where;
        where.key_path += ".id";
        system_reader.sink().add(
            Diagnostic{Severity::kError, where,
                       fmt::format("duplicate base id '{}' (first at line {}); expected ids unique within the system",
                                   *id, other.where.line)});
      }
    }
    base.id = *id;
    base.name = *name;
    base.lat_deg = *lat;
    base.lon_deg = *lon;
    base.launchers = *launchers;
    base.source_id = *src;
    system.bases.push_back(std::move(base));
  }
}

std::optional<System> read_system(const YAML::Node& node, std::size_t index, DiagnosticSink& sink) {
  MapReader reader(node, io::index_path("systems", index), schema_section("system"), sink);
  if (!reader.is_mapping()) return std::nullopt;
  const std::size_t errors_before = sink.count();
  System system;
  system.where = reader.location();
  const auto take = [&](std::string_view key, Figure& into) {
    if (auto figure = reader.figure(key)) into = *figure;
  };
  if (auto id = reader.string("id")) system.id = *id;
  if (auto name = reader.string("name")) system.name = *name;
  if (auto word = reader.word("basing")) system.basing = enum_from_word(*word, kBasings);
  if (auto word = reader.word("vehicle")) system.vehicle = enum_from_word(*word, kVehicles);
  if (auto word = reader.word("payload")) system.payload = enum_from_word(*word, kPayloads);
  take("launchers_deployed", system.launchers_deployed);
  take("launchers_nondeployed", system.launchers_nondeployed);
  system.vehicles_deployed = reader.figure("vehicles_deployed");
  system.vehicles_nondeployed = reader.figure("vehicles_nondeployed");
  take("warheads_per_launcher", system.warheads_per_launcher);
  take("max_warheads_per_launcher", system.max_warheads_per_launcher);
  read_warheads(reader, system);
  take("cep_m", system.cep_m);
  take("reliability", system.reliability);
  take("range_km", system.range_km);
  take("hardness_psi", system.hardness_psi);
  take("untargetable_day_to_day", system.untargetable_day_to_day);
  take("untargetable_generated", system.untargetable_generated);
  read_new_start(reader, system);
  take("upload_rate_per_month", system.upload_rate_per_month);
  system.ready_day_to_day = reader.figure("ready_day_to_day");
  system.ready_generated = reader.figure("ready_generated");
  system.launchers_per_aim_point_day_to_day = reader.figure("launchers_per_aim_point_day_to_day");
  system.launchers_per_aim_point_generated = reader.figure("launchers_per_aim_point_generated");
  read_bases(reader, system);
  system.notes = reader.string("notes").value_or("");
  if (sink.count() != errors_before) return std::nullopt;

  if (system.ready_day_to_day.has_value() != system.ready_generated.has_value()) {
    SourceLocation where = system.where;
    where.key_path += system.ready_day_to_day ? ".ready_generated" : ".ready_day_to_day";
    sink.add(Diagnostic{Severity::kError, where,
                        "expected `ready_day_to_day` and `ready_generated` together (a readiness for each posture)"});
    return std::nullopt;
  }
  if (system.launchers_per_aim_point_day_to_day.has_value() != system.launchers_per_aim_point_generated.has_value()) {
    SourceLocation where = system.where;
    where.key_path += system.launchers_per_aim_point_day_to_day ? ".launchers_per_aim_point_generated"
                                                                : ".launchers_per_aim_point_day_to_day";
    sink.add(Diagnostic{Severity::kError, where,
                        "expected `launchers_per_aim_point_day_to_day` and `launchers_per_aim_point_generated` "
                        "together (launchers per aim point in each posture)"});
    return std::nullopt;
  }
  if (system.basing == Basing::kSilo) {
    for (const std::optional<Figure>* f :
         {&system.launchers_per_aim_point_day_to_day, &system.launchers_per_aim_point_generated}) {
      if (*f && (*f)->value != 1.0) {
        sink.add(Diagnostic{Severity::kError, (*f)->where,
                            fmt::format("launchers per aim point {:g} for a silo system; expected 1 (each silo is "
                                        "its own aim point)",
                                        (*f)->value)});
        return std::nullopt;
      }
    }
  }
  if (!system.bases.empty()) {
    double at_bases = 0.0;
    for (const Base& base : system.bases) at_bases += base.launchers.value;
    if (std::abs(at_bases - system.launchers_deployed.value) > kBaseSumTolerance) {
      const YAML::Node list = *reader.node("bases");
      sink.error(list.Mark(), reader.key_path("bases"),
                 fmt::format("launchers at the bases sum to {:g}; expected them to sum to launchers_deployed {:g}",
                             at_bases, system.launchers_deployed.value));
      return std::nullopt;
    }
  }

  if (system.max_warheads_per_launcher.value < system.warheads_per_launcher.value) {
    sink.add(Diagnostic{Severity::kError, system.max_warheads_per_launcher.where,
                        fmt::format("max_warheads_per_launcher {:g} is below warheads_per_launcher {:g}; expected the "
                                    "upload capacity to be at least the current loading",
                                    system.max_warheads_per_launcher.value, system.warheads_per_launcher.value)});
    return std::nullopt;
  }
  return system;
}

/// Every figure's src must be in the bibliography; a figure without a date takes its source's.
void resolve_sources(ForceSnapshot& snapshot, DiagnosticSink& sink) {
  const auto unknown_source = [&](SourceLocation where, const std::string& source_id) {
    where.key_path += ".src";
    sink.add(Diagnostic{Severity::kError, where,
                        fmt::format("unknown source id '{}'; expected an id defined in the snapshot's bibliography "
                                    "files or inline sources ({} known)",
                                    source_id, snapshot.sources.size())});
  };
  const auto resolve = [&](Figure& figure) {
    if (figure.source_id.empty()) return;
    const auto source = snapshot.sources.find(figure.source_id);
    if (source == snapshot.sources.end()) {
      unknown_source(figure.where, figure.source_id);
      return;
    }
    if (figure.date.empty()) {
      figure.date = source->second.date;
      figure.date_from_source = true;
    }
  };
  for_each_figure(snapshot, resolve);
  for (const System& system : snapshot.systems) {
    for (const Base& base : system.bases) {
      if (!snapshot.sources.contains(base.source_id)) unknown_source(base.where, base.source_id);
    }
  }
}

void check_identity(MapReader& reader, const std::filesystem::path& file, const ForceSnapshot& snapshot,
                    DiagnosticSink& sink) {
  if (snapshot.id.empty() || snapshot.side.empty() || snapshot.date.empty()) return;
  const std::string expected_id = fmt::format("{}-{}", snapshot.side, snapshot.date);
  const YAML::Node id_node = *reader.node("id");
  if (snapshot.id != expected_id) {
    sink.error(id_node.Mark(), "id",
               fmt::format("id '{}' does not match side and date; expected '{}'", snapshot.id, expected_id));
  } else if (file.stem() != snapshot.id) {
    sink.error(id_node.Mark(), "id",
               fmt::format("id '{}' does not match the file name '{}'; expected the file to be named {}.yaml",
                           snapshot.id, file.filename().string(), snapshot.id));
  }
}

}  // namespace

LoadResult<ForceSnapshot> read_force_snapshot(const std::filesystem::path& file) {
  DiagnosticSink sink(file.string());
  LoadResult<ForceSnapshot> result;
  const auto root =
      io::load_yaml_mapping(file, sink, "a force snapshot (schema, id, side, date, inventory, w80, systems)");
  if (root) {
    ForceSnapshot snapshot;
    snapshot.file = file.string();
    MapReader reader(*root, "", schema_section("snapshot"), sink);
    reader.integer("schema");
    snapshot.id = reader.string("id").value_or("");
    snapshot.side = reader.word("side").value_or("");
    snapshot.date = reader.string("date").value_or("");
    snapshot.title = reader.string("title").value_or("");
    snapshot.description = reader.string("description").value_or("");
    check_identity(reader, file, snapshot, sink);
    io::read_bibliographies(reader, file, snapshot.sources, sink);
    read_inventory(reader, snapshot.inventory);
    if (auto w80 = reader.figure("w80")) snapshot.w80 = *w80;
    const std::vector<YAML::Node> systems = reader.list("systems", true);
    std::map<std::string, int> first_line_of_id;
    for (std::size_t i = 0; i < systems.size(); ++i) {
      auto system = read_system(systems[i], i, sink);
      if (!system) continue;
      const auto [it, inserted] = first_line_of_id.emplace(system->id, system->where.line);
      if (!inserted) {
        SourceLocation where = system->where;
        where.key_path += ".id";
        sink.add(Diagnostic{Severity::kError, where,
                            fmt::format("duplicate system id '{}' (first used by the system at line {}); expected "
                                        "ids unique within the snapshot",
                                        system->id, it->second)});
        continue;
      }
      snapshot.systems.push_back(std::move(*system));
    }
    resolve_sources(snapshot, sink);
    if (!sink.has_errors()) result.value = std::move(snapshot);
  }
  result.diagnostics = std::move(sink.diagnostics());
  return result;
}

ForceSnapshot load_force_snapshot(const std::filesystem::path& file) {
  return value_or_throw(read_force_snapshot(file));
}

}  // namespace stratstab

// Arms-race files (`data/arms_race/<id>.yaml`, arms_race_file.hpp): parse against the key table
// (schema/schema_arms_race.cpp), then check what no single key can: id = file name, two or three
// sides with different ids fit for the command line, one reaction to each rival and none to itself,
// a step no longer than the horizon (and not so short that it gives more than kMaxArmsRacePoints), every source id
// against the bibliography.
#include <algorithm>
#include <cctype>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "bibliography_loader.hpp"
#include "stratstab/arms_race_file.hpp"
#include "stratstab/schema.hpp"
#include "yaml_reader.hpp"

namespace stratstab {
namespace {

using io::DiagnosticSink;
using io::error_at;
using io::MapReader;

/// A figure of `reader` with its source checked (a default Figure when absent: reported as required).
Figure read_checked(MapReader& reader, std::string_view key, const Bibliography& sources) {
  std::optional<Figure> f = reader.figure(key);
  if (!f) return Figure{};
  io::check_source_id(sources, reader, key, f->source_id, "arms-race");
  if (const auto source = sources.find(f->source_id); f->date.empty() && source != sources.end()) {
    f->date = source->second.date;  // the figure's date is its source's, as in a snapshot
    f->date_from_source = true;
  }
  return *f;
}

}  // namespace

bool is_arms_race_side_id(std::string_view id) {
  return !id.empty() && std::all_of(id.begin(), id.end(), [](char ch) {
    return std::isalnum(static_cast<unsigned char>(ch)) != 0 || ch == '-' || ch == '_';
  });
}

LoadResult<ArmsRaceFile> read_arms_race(const std::filesystem::path& file) {
  DiagnosticSink sink(file.string());
  LoadResult<ArmsRaceFile> result;
  const auto root = io::load_yaml_mapping(file, sink, "an arms-race file (schema, id, name, unit, years, step, sides)");
  if (root) {
    ArmsRaceFile f;
    f.file = file.string();
    MapReader reader(*root, "", schema_section("arms_race"), sink);
    reader.integer("schema");
    f.id = reader.string("id").value_or("");
    if (!f.id.empty() && file.stem() != f.id) {
      error_at(reader, "id",
               fmt::format("id '{}' does not match the file name '{}'; expected the file to be named {}.yaml", f.id,
                           file.filename().string(), f.id));
    }
    f.name = reader.string("name").value_or("");
    f.description = reader.string("description").value_or("");
    f.unit = reader.string("unit").value_or("");
    io::read_bibliographies(reader, file, f.sources, sink);
    f.years = reader.number("years").value_or(0);
    f.step_years = reader.number("step").value_or(0);
    if (f.years > 0 && f.step_years > f.years) {
      error_at(
          reader, "step",
          fmt::format("step {:g} is longer than the horizon; expected at most years = {:g}", f.step_years, f.years));
    } else if (f.step_years > 0 && f.years / f.step_years > kMaxArmsRacePoints) {
      error_at(reader, "step",
               fmt::format("step {:g} gives more than {:g} points over {:g} years; expected a step of at least {:g}",
                           f.step_years, kMaxArmsRacePoints, f.years, f.years / kMaxArmsRacePoints));
    }
    const std::vector<YAML::Node> sides = reader.list("sides", true);
    if (!sides.empty() && (sides.size() < 2 || sides.size() > kMaxArmsRaceSides)) {
      error_at(reader, "sides", fmt::format("expected two or three sides, got {}", sides.size()));
    }
    std::vector<MapReader> side_readers;
    std::vector<std::vector<YAML::Node>> reaction_nodes;
    for (std::size_t i = 0; i < sides.size() && i < kMaxArmsRaceSides; ++i) {
      MapReader side(sides[i], io::index_path("sides", i), schema_section("arms_race_side"), sink);
      if (!side.is_mapping()) continue;
      ArmsRaceSide s;
      s.id = side.string("id").value_or("");
      if (side.has("id") && !s.id.empty() && !is_arms_race_side_id(s.id)) {
        error_at(side, "id", fmt::format("'{}' is not a side id; expected letters, digits, '-' and '_'", s.id));
      }
      for (const ArmsRaceSide& before : f.sides) {
        if (!s.id.empty() && before.id == s.id) {
          error_at(side, "id", fmt::format("side '{}' is given twice; expected different sides", s.id));
        }
      }
      s.fatigue = read_checked(side, "fatigue", f.sources);
      s.grievance = read_checked(side, "grievance", f.sources);
      s.start = read_checked(side, "start", f.sources);
      reaction_nodes.push_back(side.list("reactions", true));
      side_readers.push_back(std::move(side));
      f.sides.push_back(std::move(s));
    }
    // The reactions, once every side's id is known.
    for (std::size_t i = 0; i < f.sides.size(); ++i) {
      ArmsRaceSide& s = f.sides[i];
      std::vector<std::string> rivals;
      for (const ArmsRaceSide& other : f.sides) {
        if (other.id != s.id) rivals.push_back(other.id);
      }
      const std::string list_path = io::join_path(side_readers[i].path(), "reactions");
      for (std::size_t r = 0; r < reaction_nodes[i].size(); ++r) {
        MapReader item(reaction_nodes[i][r], io::index_path(list_path, r), schema_section("arms_race_reaction"), sink);
        if (!item.is_mapping()) continue;
        ArmsRaceReaction reaction;
        reaction.to = item.string("to").value_or("");
        reaction.rate = read_checked(item, "rate", f.sources);
        if (!reaction.to.empty()) {
          if (reaction.to == s.id) {
            error_at(
                item, "to",
                fmt::format("'{}' is the side itself; expected a rival: {}", reaction.to, fmt::join(rivals, ", ")));
          } else if (std::find(rivals.begin(), rivals.end(), reaction.to) == rivals.end()) {
            error_at(item, "to",
                     fmt::format("'{}' is not a side of the file; expected a rival: {}", reaction.to,
                                 fmt::join(rivals, ", ")));
          } else if (std::any_of(s.reactions.begin(), s.reactions.end(),
                                 [&](const ArmsRaceReaction& x) { return x.to == reaction.to; })) {
            error_at(item, "to",
                     fmt::format("the reaction to '{}' is given twice; expected one per rival", reaction.to));
          }
        }
        s.reactions.push_back(std::move(reaction));
      }
      if (!reaction_nodes[i].empty()) {
        for (const std::string& rival : rivals) {
          if (std::none_of(s.reactions.begin(), s.reactions.end(),
                           [&](const ArmsRaceReaction& x) { return x.to == rival; })) {
            error_at(side_readers[i], "reactions",
                     fmt::format("no reaction of '{}' to '{}'; expected one entry per rival ({})", s.id, rival,
                                 fmt::join(rivals, ", ")));
          }
        }
      }
    }
    if (!sink.has_errors()) result.value = std::move(f);
  }
  result.diagnostics = std::move(sink.diagnostics());
  return result;
}

ArmsRaceFile load_arms_race(const std::filesystem::path& file) {
  return value_or_throw(read_arms_race(file));
}

ArmsRaceQuestion arms_race_question(const ArmsRaceFile& file) {
  ArmsRaceQuestion q;
  const std::size_t n = file.sides.size();
  q.system.reaction.assign(n, std::vector<double>(n, 0.0));
  for (std::size_t i = 0; i < n; ++i) {
    const ArmsRaceSide& s = file.sides[i];
    q.system.sides.push_back(s.id);
    q.system.fatigue.push_back(s.fatigue.value);
    q.system.grievance.push_back(s.grievance.value);
    q.start.push_back(s.start.value);
    for (const ArmsRaceReaction& r : s.reactions) {
      for (std::size_t j = 0; j < n; ++j) {
        if (file.sides[j].id == r.to) q.system.reaction[i][j] = r.rate.value;
      }
    }
  }
  q.years = file.years;
  q.step_years = file.step_years;
  return q;
}

}  // namespace stratstab
